/**
 * The administration on the web (`/me/admin`; issue 15, "Administration in the browser"), in
 * headless Chromium against the real register (PGlite, the sample city; the seed writes each
 * role's local account to `local-accounts`): the administrator adds a stakeholder's member,
 * whose one-time password (shown once) then signs them in; changes their roles and disables
 * them, after which the sign-in is refused; adds a department; makes the practice
 * municipality. A preparer gets the register's refusal. Persian and English, 1280 and 390 px,
 * axe on each page; screenshots under tests/e2e/screenshots/web/ for a person to look at.
 */
/// <reference lib="dom" />
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import request from 'supertest';
import type { Harness } from '../service/api-harness';
import { openHarness, TENANT } from '../service/api-harness';
import { axeViolations, formatFindings } from '../helpers/axe';
import { buildWeb, CHROMIUM, CHROMIUM_FLAGS, chromiumAvailable } from '../helpers/browser';

const SHOTS = path.join(__dirname, 'screenshots', 'web');
const WIDTHS = { desk: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

if (!chromiumAvailable)
  console.warn(`tests/e2e/web-admin.browser.test.ts skipped: no Chromium at ${CHROMIUM}`);
const describeInBrowser = chromiumAvailable ? describe : describe.skip;

describeInBrowser('the administration on the web', () => {
  let dist: string;
  let dataDir: string;
  let h: Harness;
  let server: Server;
  let base: string;
  let browser: Browser;
  let account: (role: string) => { email: string; password: string };

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
    account = (role: string) => {
      const [, email, password] = (accounts.find((l) => l.startsWith(`${role}\t`)) ?? '').split(
        '\t',
      );
      if (email === undefined || password === undefined) throw new Error(`no ${role} account`);
      return { email, password };
    };
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

  /** A browser of its own for a role, signed in, on the administration page. */
  async function signedIn(
    role: string,
    lang: 'fa' | 'en',
    width: keyof typeof WIDTHS,
    problems: string[],
  ): Promise<Page> {
    const context = await browser.newContext({ viewport: WIDTHS[width] });
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().includes('401')) problems.push(`console: ${m.text()}`);
    });
    const q = lang === 'en' ? '?lang=en' : '';
    await page.goto(`${base}/me/admin${q}`);
    await page.waitForURL(/\/signin\?next=/);
    const { email, password } = account(role);
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', password);
    await page.click('main button[type="submit"]');
    await page.waitForURL(`${base}/me/admin${q}`);
    await page.waitForSelector('main h1');
    await page.waitForFunction(() => document.querySelector('main [role="progressbar"]') === null);
    return page;
  }

  /** The screenshot, no sideways scrolling, axe clean, and the language's own digits. */
  async function check(page: Page, lang: 'fa' | 'en', shot: string) {
    // A dialog that has just closed leaves the page hidden from assistive technology until its
    // exit animation ends (Fluent sets aria-hidden on the rest): judge the page after that.
    await page.waitForFunction(
      () =>
        document.querySelector('[role="dialog"]') === null &&
        !document.getElementById('root')?.hasAttribute('aria-hidden'),
    );
    await page.screenshot({ path: path.join(SHOTS, `${shot}.png`), fullPage: true });
    expect(await page.getAttribute('html', 'dir')).toBe(lang === 'fa' ? 'rtl' : 'ltr');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect({ shot, overflow }).toEqual({ shot, overflow: 0 });
    const found = await axeViolations(page);
    expect({ shot, axe: formatFindings(found) }).toEqual({ shot, axe: '' });
    const own = await page.evaluate(() => {
      const main = document.querySelector('main')?.cloneNode(true) as HTMLElement | undefined;
      if (!main) return '';
      main.querySelectorAll('[data-iso], [data-stored], code, option').forEach((e) => e.remove());
      return main.innerText;
    });
    if (lang === 'fa')
      expect({ shot, latin: own.match(/[A-Za-z0-9]+/g) }).toEqual({ shot, latin: null });
    else expect({ shot, persian: own.match(/[۰-۹]+/g) }).toEqual({ shot, persian: null });
  }

  it('adds a person who can then sign in, changes and disables them, adds a department, makes the practice municipality', async () => {
    const problems: string[] = [];
    const admin = await signedIn('admin', 'fa', 'desk', problems);
    // The seed's people are listed.
    await admin
      .locator('[data-testid="people"] tr[data-person="council@sample.example"]')
      .waitFor();
    await check(admin, 'fa', 'admin-fa-desk');

    // Add the NGO's new member: a one-time password, shown once.
    await admin.fill('input[name="email"]', 'member@ngo.example');
    await admin.fill('input[name="displayName"]', 'عضو تازه انجمن');
    await admin.getByRole('checkbox', { name: 'ذی‌نفع' }).check();
    await admin.fill('input[name="stakeholderId"]', 'SH03');
    await admin.getByTestId('add-person').click();
    const once = admin.getByTestId('shown-once');
    await once.waitFor();
    const password = (await once.getByTestId('secret').innerText()).trim();
    expect(password.length).toBeGreaterThanOrEqual(10);
    const signIn = (pw: string) =>
      request(h.app)
        .post('/api/session')
        .send({ municipality: TENANT, email: 'member@ngo.example', password: pw });
    const first = await signIn(password);
    expect(first.status).toBe(201);
    expect(first.body.mustChangePassword).toBe(true);
    expect(first.body.user).toMatchObject({ roles: ['stakeholder'], stakeholderId: 'SH03' });

    // Change them to the water company's representative, then disable them.
    const row = admin.locator('tr[data-person="member@ngo.example"]');
    await row.getByRole('button', { name: 'ویرایش' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: 'ذی‌نفع' }).uncheck();
    await dialog.getByRole('checkbox', { name: 'دستگاه اجرایی' }).check();
    await dialog.locator('input[name="stakeholderId"]').fill('SH13');
    await dialog.getByRole('switch').check();
    await dialog.getByTestId('save-person').click();
    await row.getByText('غیرفعال').waitFor();
    const person = (
      await request(h.app).get('/api/admin/people').set('Authorization', `Bearer ${h.tokens.admin}`)
    ).body.find((p: { email: string }) => p.email === 'member@ngo.example');
    expect(person).toMatchObject({ roles: ['agency'], stakeholderId: 'SH13', disabled: true });
    expect((await signIn(password)).status).toBe(401);

    // A department, and the practice municipality (after a confirm step).
    await admin.fill('input[name="dept-code"]', 'D-NEW');
    await admin.fill('input[name="dept-name"]', 'معاونت نوسازی');
    await admin.getByTestId('add-department').click();
    await admin.locator('[data-testid="departments"]').getByText('D-NEW').waitFor();
    await admin.getByTestId('practice').click();
    await admin.getByTestId('practice-confirm').click();
    await admin.getByTestId('practice-made').waitFor({ timeout: 120_000 });
    expect(await admin.getByTestId('practice-made').innerText()).toContain('sample-practice');
    await check(admin, 'fa', 'admin-done-fa-desk');

    // English, on a phone.
    const phone = await signedIn('admin', 'en', 'phone', problems);
    await phone.locator('tr[data-person="member@ngo.example"]').getByText('Disabled').waitFor();
    await check(phone, 'en', 'admin-en-phone');

    // A preparer gets the register's refusal.
    const preparer = await signedIn('preparer', 'en', 'desk', problems);
    await preparer.getByTestId('failure').waitFor();
    // The header links a person only to the pages their roles open: the administrator's all.
    expect(await preparer.locator('header a').allInnerTexts()).toEqual([
      'The published plan',
      'My tokens',
      'The consultation',
    ]);
    await check(preparer, 'en', 'admin-refused-en-desk');

    expect(problems.filter((p) => !p.includes('403'))).toEqual([]);
    for (const p of [admin, phone, preparer]) await p.context().close();
  }, 300_000);
});
