/**
 * The practice municipality on the web (issue 20): every page of one says «تمرینی — این برنامه
 * واقعی نیست», the public plan, the sign-in (as soon as its code is typed) and the person's own
 * pages after it; the real municipality's pages never do. In headless Chromium against the
 * real register (createApp over PGlite seeded with the sample): the admin makes
 * `sample-practice` (`POST /api/admin/practice`), one of whose people signs in with the one-time
 * password, chooses a new one and lands on "My tokens". Screenshots in Persian and English at
 * 1280 and 390 px go to tests/e2e/screenshots/web/ (not committed).
 */
/// <reference lib="dom" />
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import request from 'supertest';
import { ApiPractice, PRACTICE_BANNER } from '#core';
import type { Harness } from '../service/api-harness';
import { bearer, openHarness } from '../service/api-harness';
import { buildWeb, CHROMIUM, CHROMIUM_FLAGS, chromiumAvailable } from '../helpers/browser';

const SHOTS = path.join(__dirname, 'screenshots', 'web');
const WIDTHS = { desk: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

if (!chromiumAvailable)
  console.warn(`tests/e2e/web-practice.browser.test.ts skipped: no Chromium at ${CHROMIUM}`);
const describeInBrowser = chromiumAvailable ? describe : describe.skip;

describeInBrowser('a practice municipality is marked on every page', () => {
  let dist: string;
  let h: Harness;
  let server: Server;
  let base: string;
  let browser: Browser;
  let practice: ApiPractice;

  beforeAll(async () => {
    dist = mkdtempSync(path.join(os.tmpdir(), 'plan-web-'));
    buildWeb(dist);
    h = await openHarness('pglite', { webDir: dist });
    const made = await request(h.app)
      .post('/api/admin/practice')
      .set(bearer(h.tokens.admin))
      .send({});
    expect(made.status).toBeLessThan(300);
    practice = ApiPractice.parse(made.body);
    server = await new Promise<Server>((resolve) => {
      const s = h.app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    mkdirSync(SHOTS, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    await h?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  async function open(width: keyof typeof WIDTHS, problems: string[]): Promise<Page> {
    const context = await browser.newContext({ viewport: WIDTHS[width] });
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().includes('401')) problems.push(`console: ${m.text()}`);
    });
    return page;
  }

  const banner = (page: Page) => page.locator('header [data-practice]');

  async function shot(page: Page, name: string) {
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect({ name, overflow }).toEqual({ name, overflow: 0 });
  }

  // Each run signs in a different person (a one-time password works once).
  let run = 0;
  for (const lang of ['fa', 'en'] as const)
    for (const width of ['desk', 'phone'] as const)
      it(`marks the practice plan, its sign-in and its person's pages, not the real ones (${lang}, ${width})`, async () => {
        const problems: string[] = [];
        const page = await open(width, problems);
        const q = lang === 'en' ? '?lang=en' : '';
        const mark = PRACTICE_BANNER[lang];

        // The real municipality's public plan: no mark.
        await page.goto(`${base}/plan/sample/latest/overview${q}`);
        await page.waitForSelector('main h1');
        expect(await banner(page).count()).toBe(0);
        // The practice one's: the mark.
        await page.goto(`${base}/plan/${practice.tenantId}/latest/overview${q}`);
        await page.waitForSelector('main h1');
        expect(await banner(page).innerText()).toContain(mark);
        await shot(page, `practice-plan-${lang}-${width}`);

        // The sign-in: unmarked for the real code, marked once the practice code is typed.
        await page.goto(`${base}/signin${q}`);
        await page.waitForSelector('main h1');
        expect(await banner(page).count()).toBe(0);
        await page.fill('input[name="municipality"]', practice.tenantId);
        await banner(page).waitFor();
        expect(await banner(page).innerText()).toContain(mark);

        // A practice person signs in with the one-time password and chooses a new one.
        const account = practice.accounts[run++];
        if (account === undefined) throw new Error('not enough practice accounts');
        await page.fill('input[name="email"]', account.email);
        await page.fill('input[name="password"]', account.oneTimePassword);
        await page.click('main button[type="submit"]');
        await page.waitForSelector('input[name="newPassword"]');
        await shot(page, `practice-signin-${lang}-${width}`);
        const fresh = `Tamrin-${lang}-${width}-2026!x`;
        await page.fill('input[name="newPassword"]', fresh);
        await page.fill('input[name="repeatPassword"]', fresh);
        await page.click('form:has(input[name="newPassword"]) button[type="submit"]');
        await page.waitForURL(`${base}/me/tokens${q}`);
        await page.waitForSelector('[data-testid="signed-in"]');
        await banner(page).waitFor();
        expect(await banner(page).innerText()).toContain(mark);
        await shot(page, `practice-tokens-${lang}-${width}`);

        // The session says so (what the frame reads).
        const session = await page.evaluate(async () => (await fetch('/api/session')).json());
        expect(session.practice).toBe(true);
        expect(session.user.tenantId).toBe(practice.tenantId);
        expect(problems).toEqual([]);
        await page.context().close();
      }, 120_000);
});
