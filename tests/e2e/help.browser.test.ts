/**
 * A help page (issue 20) as a finance officer sees it, in Chromium against the real register
 * on PGlite: Persian right to left with its worked example's table, the switch to English,
 * and a link from a concept to a finding code's page. Screenshots go to
 * tests/e2e/screenshots/ (not committed) for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { Harness } from '../service/api-harness';
import { openHarness } from '../service/api-harness';
import { CHROMIUM, CHROMIUM_FLAGS, chromiumAvailable } from '../helpers/browser';

const SHOTS = path.join(__dirname, 'screenshots');

if (!chromiumAvailable)
  console.warn(`tests/e2e/help.browser.test.ts skipped: no Chromium at ${CHROMIUM}`);
const describeInBrowser = chromiumAvailable ? describe : describe.skip;

describeInBrowser('a help page in a browser', () => {
  let h: Harness;
  let server: Server;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    h = await openHarness('pglite');
    server = await new Promise<Server>((resolve) => {
      const s = h.app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    mkdirSync(SHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    await h?.close();
  });

  it('shows the balances in Persian, right to left, then in English, and follows a link to a code', async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await page.goto(`${base}/help/balances?lang=fa`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.textContent('h1')).toBe(
      'تراز عملیاتی، تراز سرمایه‌ای و تراز دارایی‌های مالی',
    );
    // The worked example's table: four heads of rows, the figures in Persian digits.
    expect(await page.locator('table tbody tr').count()).toBe(4);
    expect(await page.locator('td.num').first().textContent()).toMatch(/^[۰-۹٬−]+$/);
    await page.screenshot({ path: path.join(SHOTS, 'help-balances-fa.png'), fullPage: true });

    await page.click('header a');
    await page.waitForURL(/lang=en/);
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    expect(await page.textContent('h1')).toBe('Operating, capital and financial balances');
    await page.screenshot({ path: path.join(SHOTS, 'help-balances-en.png'), fullPage: true });

    await page.click('a[href="/help/OPERATING_DEFICIT?lang=en"]');
    await page.waitForURL(/OPERATING_DEFICIT/);
    expect(await page.textContent('h1')).toContain('OPERATING_DEFICIT');
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('follows a sample project up to its goal on the plan chain’s page, in both languages', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 900 } });
    for (const lang of ['fa', 'en'] as const) {
      await page.goto(`${base}/help/plan-chain?lang=${lang}`);
      // The chain's table: goal, strategy, program, scheme, project (help/<lang>/plan-chain.md).
      expect(await page.locator('table tbody tr').count()).toBe(5);
      expect(await page.locator('table tbody tr').last().textContent()).toContain('P-001');
      await page.screenshot({
        path: path.join(SHOTS, `help-plan-chain-${lang}.png`),
        fullPage: true,
      });
    }
    await page.close();
  }, 60_000);
});
