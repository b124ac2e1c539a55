/**
 * An agency's sign-off on the web (`/me/agency`, issue 15 "Agencies"), in headless Chromium
 * against the real register (createApp over a PGlite database seeded with the sample city and
 * its local accounts): the water company's representative (the seed's `agency` account, SH13)
 * signs in, reads the strategies the agency partners in (S2.2, S4.2) and its commitment CM01,
 * sees the seed's signature, tries to sign "with reservations" without writing them (refused
 * in the field), writes them in Persian, confirms and sees the new signature on top; in
 * English, and at phone width. Axe finds no serious or critical violation. The planning
 * office's process page lists every agency's latest sign-off; after a revision rewords the
 * agency's commitment, its signatures are marked stale; the public strategy page shows the
 * agency's position (on the published snapshot: current there). Screenshots go to tests/e2e/screenshots/web/ (not committed).
 */
/// <reference lib="dom" />
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { Harness } from '../service/api-harness';
import { openHarness, reviseCommitment, TENANT } from '../service/api-harness';
import { FRAMEWORK_DEPARTMENT } from '../../service/src/handlers/seed';
import { axeViolations, formatFindings } from '../helpers/axe';
import { buildWeb, CHROMIUM, CHROMIUM_FLAGS, chromiumAvailable } from '../helpers/browser';

const SHOTS = path.join(__dirname, 'screenshots', 'web');
const WIDTHS = { desk: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

if (!chromiumAvailable)
  console.warn(`tests/e2e/web-agency.browser.test.ts skipped: no Chromium at ${CHROMIUM}`);
const describeInBrowser = chromiumAvailable ? describe : describe.skip;

describeInBrowser('an agency signs the strategic document on the web', () => {
  let dist: string;
  let dataDir: string;
  let h: Harness;
  let server: Server;
  let base: string;
  let browser: Browser;
  let agency: { email: string; password: string };
  let approver: { email: string; password: string };

  beforeAll(async () => {
    dist = mkdtempSync(path.join(os.tmpdir(), 'plan-web-'));
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'plan-data-'));
    buildWeb(dist);
    h = await openHarness('pglite', { webDir: dist }, {}, { tokenDir: dataDir });
    server = await new Promise<Server>((resolve) => {
      const s = h.app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const accounts = readFileSync(path.join(dataDir, 'local-accounts'), 'utf8').split('\n');
    const account = (role: string) => {
      const [, email, password] = (accounts.find((l) => l.startsWith(`${role}\t`)) ?? '').split(
        '\t',
      );
      if (email === undefined || password === undefined) throw new Error(`no ${role} account`);
      return { email, password };
    };
    agency = account('agency');
    approver = account('approver');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    mkdirSync(SHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    await h?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function tokenOf(email: string) {
    const user = await h.test.repos.users.getByEmail(TENANT, email);
    if (user === null) throw new Error(`no user ${email}`);
    const issued = await h.test.repos.tokens.issue(TENANT, { userId: user.id, name: 'test' }, null);
    if (!issued.ok) throw new Error(issued.reason);
    return issued.secret;
  }

  async function open(width: keyof typeof WIDTHS, problems: string[]): Promise<Page> {
    const context = await browser.newContext({ viewport: WIDTHS[width] });
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      // The signed-out page's first `GET /api/session` is a 401 by design.
      if (m.type() === 'error' && !m.text().includes('401')) problems.push(`console: ${m.text()}`);
    });
    return page;
  }

  async function signIn(page: Page, who: { email: string; password: string }, next: string) {
    await page.goto(`${base}${next}`);
    await page.waitForURL(/\/signin\?next=/);
    await page.waitForSelector('input[name="email"]');
    await page.fill('input[name="email"]', who.email);
    await page.fill('input[name="password"]', who.password);
    await page.click('main button[type="submit"]');
    await page.waitForURL(`${base}${next}`);
  }

  /** The text of `main` outside isolates (codes, dates) and stored text (names). */
  const ownText = (page: Page) =>
    page.evaluate(() => {
      const main = document.querySelector('main')?.cloneNode(true) as HTMLElement | undefined;
      if (!main) return '';
      main.querySelectorAll('[data-iso], [data-stored], code').forEach((e) => e.remove());
      return main.innerText;
    });

  async function checkPage(page: Page, lang: 'fa' | 'en', shot: string) {
    await page.screenshot({ path: path.join(SHOTS, `${shot}.png`), fullPage: true });
    expect(await page.getAttribute('html', 'dir')).toBe(lang === 'fa' ? 'rtl' : 'ltr');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect({ shot, overflow }).toEqual({ shot, overflow: 0 });
    const text = await ownText(page);
    if (lang === 'fa')
      expect({ shot, latin: text.match(/[A-Za-z0-9]+/g) }).toEqual({ shot, latin: null });
    else expect({ shot, persian: text.match(/[۰-۹]+/g) }).toEqual({ shot, persian: null });
    const v = await axeViolations(page);
    expect({ shot, axe: formatFindings(v) }).toEqual({ shot, axe: '' });
  }

  const RESERVATION = {
    fa: 'هزینه جابه‌جایی خطوط در بودجه سال نخست شرکت دیده شود.',
    en: 'The cost of moving the lines is to be in the company’s first-year budget.',
  };

  for (const lang of ['fa', 'en'] as const)
    for (const width of ['desk', 'phone'] as const)
      it(`signs with reservations and sees the signature (${lang}, ${width})`, async () => {
        const problems: string[] = [];
        const page = await open(width, problems);
        const q = lang === 'en' ? '?lang=en' : '';
        await signIn(page, agency, `/me/agency${q}`);
        await page.waitForSelector('[data-testid="strategies"] tbody tr');
        const strategies = await page.$$eval('[data-testid="strategies"] tbody tr', (rows) =>
          rows.map((r) => r.getAttribute('data-strategy')),
        );
        expect(strategies).toEqual(['S2.2', 'S4.2']);
        const commitments = await page.$$eval('[data-testid="commitments"] tbody tr', (rows) =>
          rows.map((r) => r.getAttribute('data-commitment')),
        );
        expect(commitments).toEqual(['CM01']);
        // 150 billion Rials, in the page's digits.
        expect(await page.innerText('[data-commitment="CM01"]')).toContain(
          lang === 'fa' ? '۱۵۰' : '150',
        );
        expect(await page.innerText('[data-testid="snapshot"]')).toContain(
          lang === 'fa' ? 'مصوب شورا' : 'adopted',
        );
        const before = await page.locator('[data-testid="signatures"] tbody tr').count();
        expect(before).toBeGreaterThanOrEqual(1);
        await checkPage(page, lang, `agency-${lang}-${width}`);

        // No position chosen: refused in the field.
        await page.click('[data-testid="sign"]');
        await page
          .getByText(lang === 'fa' ? 'موضع دستگاه را برگزینید.' : 'Choose the agency’s position.')
          .waitFor();
        // "With reservations" but none written: refused in the field, nothing sent.
        await page
          .getByRole('radio', {
            name: lang === 'fa' ? 'موافق با ملاحظات' : 'Agrees with reservations',
          })
          .check();
        await page.click('[data-testid="sign"]');
        await page
          .getByText(
            lang === 'fa' ? 'ملاحظات دستگاه را بنویسید.' : 'Write the agency’s reservations.',
          )
          .waitFor();
        expect(await page.locator('[role="dialog"]').count()).toBe(0);
        await page.fill('[data-testid="text"]', RESERVATION[lang]);
        await page.click('[data-testid="sign"]');
        const dialog = page.getByRole('dialog');
        await dialog.waitFor();
        expect(await dialog.innerText()).toContain(RESERVATION[lang]);
        if (width === 'desk')
          await page.screenshot({ path: path.join(SHOTS, `agency-confirm-${lang}.png`) });
        await page.click('[data-testid="confirm"]');
        await page.waitForSelector('[data-testid="signed"]');
        // The dialog is gone (its closing animation over) before the page is looked at.
        await dialog.waitFor({ state: 'detached' });
        await page.waitForFunction(
          () => document.querySelector('#root')?.getAttribute('aria-hidden') === null,
          undefined,
          { timeout: 3000 },
        );
        await page.waitForFunction(
          (n) => document.querySelectorAll('[data-testid="signatures"] tbody tr').length === n,
          before + 1,
        );
        const newest = page.locator('[data-testid="signatures"] tbody tr').first();
        expect(await newest.getAttribute('data-signature')).toBe('agree-with-reservations');
        expect(await newest.getAttribute('data-stale')).toBe('false');
        expect(await newest.innerText()).toContain(RESERVATION[lang]);
        await checkPage(page, lang, `agency-signed-${lang}-${width}`);
        expect(problems).toEqual([]);
        await page.context().close();
      }, 90_000);

  it('shows the planning office every agency’s latest sign-off on the process page', async () => {
    const page = await open('desk', []);
    await signIn(page, approver, '/me/process');
    await page.waitForSelector('[data-testid="signoffs"] tbody tr');
    const agencies = await page.$$eval('[data-testid="signoffs"] tbody tr', (rows) =>
      rows.map((r) => r.getAttribute('data-agency')),
    );
    expect(agencies).toEqual(['SH13', 'SH14', 'SH15', 'SH16']);
    expect(await page.innerText('[data-agency="SH13"]')).toContain('موافق با ملاحظات');
    expect(await page.innerText('[data-agency="SH14"]')).toContain('امضا نشده');
    await page
      .locator('#signoffs')
      .screenshot({ path: path.join(SHOTS, 'process-signoffs-fa.png') });
    await page.context().close();
  });

  it('marks the agency’s signatures stale after a revision of its commitment', async () => {
    // The planning department rewords CM01 in a revision sent to the council.
    const planner = await tokenOf(
      `preparer.${FRAMEWORK_DEPARTMENT.toLowerCase()}@${TENANT}.example`,
    );
    await reviseCommitment(h, planner, 'CM01', 'Text', 'جابه‌جایی خطوط آب و ساخت مخزن موقت');
    for (const lang of ['fa', 'en'] as const)
      for (const width of ['desk', 'phone'] as const) {
        const problems: string[] = [];
        const page = await open(width, problems);
        const q = lang === 'en' ? '?lang=en' : '';
        await signIn(page, agency, `/me/agency${q}`);
        await page.waitForSelector('[data-testid="stale"]');
        expect(await page.innerText('[data-testid="snapshot"]')).toContain(
          lang === 'fa' ? 'در بررسی شورا' : 'in council review',
        );
        const stale = await page.$$eval('[data-testid="signatures"] tbody tr', (rows) =>
          rows.map((r) => r.getAttribute('data-stale')),
        );
        expect(stale.every((x) => x === 'true')).toBe(true);
        expect(await page.innerText('[data-commitment="CM01"]')).toContain('مخزن موقت');
        await checkPage(page, lang, `agency-stale-${lang}-${width}`);
        expect(problems).toEqual([]);
        await page.context().close();
      }
  }, 120_000);

  for (const width of ['desk', 'phone'] as const)
    it(`shows the public each partner agency’s position on its strategies (${width})`, async () => {
      const page = await open(width, []);
      await page.goto(`${base}/plan/sample/latest/strategy`);
      const list = page.locator('[data-testid="signoffs"]').first();
      await list.waitFor();
      expect(await list.innerText()).toContain('شرکت آب و فاضلاب استان');
      expect(await list.innerText()).toContain('موافق با ملاحظات');
      // Never the representative's name.
      expect(await page.innerText('main')).not.toContain('نماینده شرکت آب و فاضلاب');
      await checkPage(page, 'fa', `strategy-signoffs-fa-${width}`);
      // The strategy's card alone, to look at without scrolling the whole page.
      await page
        .locator('article', { has: page.locator('[data-testid="signoffs"]') })
        .first()
        .screenshot({ path: path.join(SHOTS, `strategy-signoff-card-fa-${width}.png`) });
      await page.context().close();
    });
});
