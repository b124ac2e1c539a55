/**
 * The web face's own pages for a person (issue 15): the sign-in (`/signin`) and "My tokens"
 * (`/me/tokens`, where the add-in's Sync sends a person for a token), in headless Chromium
 * against the real register (createApp over a PGlite database seeded with the sample city;
 * the seed writes one local account per role, with its password, to `local-accounts` in the
 * folder it is given). The preparer signs in, creates a token, which then works on
 * `GET /api/me` as a bearer token, revokes it (after the confirm step), which then gets 401,
 * and signs out. Screenshots of both pages in Persian and English at 1280 and 390 px go to
 * tests/e2e/screenshots/web/ (not committed).
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
import { openHarness } from '../service/api-harness';
import { buildWeb, CHROMIUM, CHROMIUM_FLAGS, chromiumAvailable } from '../helpers/browser';

const SHOTS = path.join(__dirname, 'screenshots', 'web');
const WIDTHS = { desk: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

if (!chromiumAvailable)
  console.warn(`tests/e2e/web-tokens.browser.test.ts skipped: no Chromium at ${CHROMIUM}`);
const describeInBrowser = chromiumAvailable ? describe : describe.skip;

describeInBrowser('signing in on the web and making an access token', () => {
  let dist: string;
  let dataDir: string;
  let h: Harness;
  let server: Server;
  let base: string;
  let browser: Browser;
  let preparer: { email: string; password: string };
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
    // The seed's file: a comment, then `role<TAB>e-mail<TAB>password` per line.
    const accounts = readFileSync(path.join(dataDir, 'local-accounts'), 'utf8').split('\n');
    const account = (role: string) => {
      const [, email, password] = (accounts.find((l) => l.startsWith(`${role}\t`)) ?? '').split(
        '\t',
      );
      if (email === undefined || password === undefined) throw new Error(`no ${role} account`);
      return { email, password };
    };
    preparer = account('preparer');
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
    if (lang === 'fa') {
      // Persian text: no Latin letter or digit outside an isolate.
      expect({ shot, latin: text.match(/[A-Za-z0-9]+/g) }).toEqual({ shot, latin: null });
    } else expect({ shot, persian: text.match(/[۰-۹]+/g) }).toEqual({ shot, persian: null });
  }

  for (const lang of ['fa', 'en'] as const)
    for (const width of ['desk', 'phone'] as const)
      it(`signs in, makes a token that works, revokes it and signs out (${lang}, ${width})`, async () => {
        const problems: string[] = [];
        const page = await open(width, problems);
        const q = lang === 'en' ? '?lang=en' : '';
        // Signed out, "My tokens" sends the person to the sign-in, and back after it.
        await page.goto(`${base}/me/tokens${q}`);
        await page.waitForURL(/\/signin\?next=/);
        await page.waitForSelector('main h1');
        // The register's own municipality is filled in.
        expect(await page.inputValue('input[name="municipality"]')).toBe('sample');
        // A wrong password: the register's own message, in the page's language.
        await page.fill('input[name="email"]', preparer.email);
        await page.fill('input[name="password"]', 'not-the-password');
        await page.click('main button[type="submit"]');
        const failure = await page.waitForSelector('[data-testid="failure"]');
        expect(await failure.innerText()).toMatch(lang === 'fa' ? /[آ-ی]/ : /[A-Za-z]/);
        await checkPage(page, lang, `signin-${lang}-${width}`);

        await page.fill('input[name="password"]', preparer.password);
        await page.click('main button[type="submit"]');
        await page.waitForURL(`${base}/me/tokens${q}`);
        await page.waitForSelector('[data-testid="signed-in"]');
        expect(await page.innerText('[data-testid="signed-in"]')).toContain(
          lang === 'fa' ? 'وارد شده' : 'Signed in as',
        );

        // Create a token: its secret shown once.
        await page.fill('input[name="name"]', `laptop ${lang} ${width}`);
        await page.fill('input[name="days"]', '30');
        await page.click('#create button[type="submit"]');
        const secret = (
          await (await page.waitForSelector('[data-testid="secret"]')).innerText()
        ).trim();
        expect(secret.length).toBeGreaterThan(20);
        await page.waitForSelector('[data-testid="token-list"] tbody tr');
        await checkPage(page, lang, `tokens-${lang}-${width}`);

        // The token works as a bearer token on the API.
        const me = await request(h.app).get('/api/me').set('Authorization', `Bearer ${secret}`);
        expect(me.status).toBe(200);
        expect(JSON.stringify(me.body)).toContain(preparer.email);

        // Revoke it: a confirm step, then the register refuses it.
        const rows = page.locator('[data-testid="token-list"] tbody tr');
        const target = rows.filter({ hasText: `laptop ${lang} ${width}` });
        await target.getByRole('button').click();
        await page
          .getByRole('dialog')
          .getByRole('button', { name: lang === 'fa' ? 'باطل کردن' : 'Revoke' })
          .click();
        await target.getByText(lang === 'fa' ? 'باطل‌شده' : 'Revoked').waitFor();
        const after = await request(h.app).get('/api/me').set('Authorization', `Bearer ${secret}`);
        expect(after.status).toBe(401);

        // Sign out: back to the public plan; "My tokens" asks for the sign-in again.
        await page.getByRole('button', { name: lang === 'fa' ? 'خروج' : 'Sign out' }).click();
        await page.waitForURL(`${base}/${q}`);
        await page.goto(`${base}/me/tokens${q}`);
        await page.waitForURL(/\/signin\?next=/);
        expect(problems).toEqual([]);
        await page.context().close();
      }, 60_000);

  it('asks for a new password after a one-time one, then goes on to the tokens', async () => {
    // The administrator adds a council member, who gets a one-time password.
    const created = await request(h.app)
      .post('/api/admin/people')
      .set('Authorization', `Bearer ${h.tokens.admin}`)
      .send({ email: 'new.member@sample.example', displayName: 'عضو تازه', roles: ['council'] });
    expect(created.status).toBe(201);
    const oneTime = (created.body as { oneTimePassword: string }).oneTimePassword;
    const page = await open('desk', []);
    await page.goto(`${base}/me/tokens`);
    await page.waitForURL(/\/signin\?next=/);
    await page.fill('input[name="email"]', 'new.member@sample.example');
    await page.fill('input[name="password"]', oneTime);
    await page.click('main button[type="submit"]');
    await page.waitForSelector('input[name="newPassword"]');
    await page.fill('input[name="newPassword"]', 'a new long password');
    await page.fill('input[name="repeatPassword"]', 'a new long password');
    await page.screenshot({ path: path.join(SHOTS, 'signin-new-password-fa-desk.png') });
    await page.getByRole('button', { name: 'ثبت گذرواژه تازه' }).click();
    await page.waitForURL(`${base}/me/tokens`);
    await page.waitForSelector('[data-testid="signed-in"]');
    // The new password is the one that signs in now.
    const signIn = await request(h.app).post('/api/session').send({
      municipality: 'sample',
      email: 'new.member@sample.example',
      password: 'a new long password',
    });
    expect(signIn.status).toBe(201);
    await page.context().close();
  });

  it('is reachable from the header of the published plan', async () => {
    const page = await open('desk', []);
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: 'ورود' }).click();
    await page.waitForURL(/\/signin\?next=%2Fme%2Ftokens$/);
    await page.waitForSelector('main h1');
    await page.context().close();
  });

  for (const lang of ['fa', 'en'] as const)
    for (const width of ['desk', 'phone'] as const)
      it(`shows the approver the plan's process, with who has not reported (${lang}, ${width})`, async () => {
        const problems: string[] = [];
        const page = await open(width, problems);
        const q = lang === 'en' ? '?lang=en' : '';
        await page.goto(`${base}/me/process${q}`);
        await page.waitForURL(/\/signin\?next=/);
        await page.waitForSelector('input[name="email"]');
        await page.fill('input[name="email"]', approver.email);
        await page.fill('input[name="password"]', approver.password);
        await page.click('main button[type="submit"]');
        await page.waitForURL(`${base}/me/process${q}`);
        await page.waitForSelector('[data-testid="phases"] tbody tr');
        // The nine phases, in the instruction's order; each counted, none typed.
        const phases = await page.$$eval('[data-testid="phases"] tbody tr', (rows) =>
          rows.map((r) => r.getAttribute('data-phase')),
        );
        expect(phases).toEqual([
          'upstream',
          'swot',
          'vision',
          'strategies',
          'programs',
          'budget',
          'agreement',
          'adoption',
          'monitoring',
        ]);
        // Today (after Mehr 1405) the first half of 1405 is due and this seed filed no
        // monitoring: the unreported list is there, and the next step is the reminder.
        await page.waitForSelector('[data-testid="unreported"] tbody tr');
        expect(await page.innerText('[data-testid="office-next"]')).toContain(
          lang === 'fa' ? 'یادآوری' : 'Remind',
        );
        await checkPage(page, lang, `process-${lang}-${width}`);
        if (width === 'desk') {
          // Owners who act: the approver reminds civil works, whose preparer then sees it.
          await page.click('button[data-remind="D-CIV"]');
          await page.waitForSelector('[data-testid="remind-send"]');
          await page.fill('[role="dialog"] textarea, [role="dialog"] input', `e2e ${lang}`);
          await page.screenshot({ path: path.join(SHOTS, `remind-dialog-${lang}.png`) });
          await page.click('[data-testid="remind-send"]');
          await page.waitForSelector('[data-testid="reminded"]');
          await checkPage(page, lang, `reminded-${lang}-${width}`);
          const context = await browser.newContext({ viewport: WIDTHS[width] });
          const other = await context.newPage();
          await other.goto(
            `${base}/signin?next=${encodeURIComponent(`/me/tokens${q}`)}${lang === 'en' ? '&lang=en' : ''}`,
          );
          await other.waitForSelector('input[name="email"]');
          await other.fill('input[name="email"]', preparer.email);
          await other.fill('input[name="password"]', preparer.password);
          await other.click('main button[type="submit"]');
          await other.waitForURL(`${base}/me/tokens${q}`);
          await other.getByText(`e2e ${lang}`).first().waitFor();
          await checkPage(other, lang, `notifications-${lang}-${width}`);
          await context.close();
        }
        expect(problems).toEqual([]);
        await page.context().close();
      }, 90_000);
});
