/**
 * The council on the web (issue 15, "The council"): `/me/council` and `/me/council/<id>` in
 * headless Chromium against the real register (createApp over a PGlite database seeded with
 * the sample city, whose snapshot 1 its council adopted and published). The story: civil works
 * revises its plan (snapshot 2, through the API), the planning office sends it to the council;
 * the seed's council member signs in, reads it, and returns it with an amendment (civil works'
 * first project costs 4 000 billion Rials in 1406, typed in Persian digits) after the form has
 * refused an amendment without an item; civil works applies it (snapshot 3, through the API);
 * the approver, on snapshot 3's page, links the amendment to it and sends it to the council; the council adopts it with resolution 1405-22 of 1405/02/10 (a date typed in
 * Persian digits, after a day that does not exist is refused) and publishes it; signed out, the
 * public plan's footer names the new resolution. Persian and English, 1280 and 390 px, axe-core
 * (no serious or critical violation), the forms reachable by keyboard; screenshots under
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
import { ApiAmendmentList, ApiSnapshot } from '#core';
import type { Harness } from '../service/api-harness';
import { bearer, openHarness, submissionOf } from '../service/api-harness';
import { axeViolations, formatFindings } from '../helpers/axe';
import { buildWeb, CHROMIUM, CHROMIUM_FLAGS, chromiumAvailable } from '../helpers/browser';

const SHOTS = path.join(__dirname, 'screenshots', 'web');
const WIDTHS = { desk: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

if (!chromiumAvailable)
  console.warn(`tests/e2e/web-council.browser.test.ts skipped: no Chromium at ${CHROMIUM}`);
const describeInBrowser = chromiumAvailable ? describe : describe.skip;

type Tables = { name: string; header: string[]; rows: (string | number | boolean | null)[][] }[];

describeInBrowser('the council on the web', () => {
  let dist: string;
  let dataDir: string;
  let h: Harness;
  let server: Server;
  let base: string;
  let browser: Browser;
  let council: { email: string; password: string };
  let approver: { email: string; password: string };
  let projectId = '';
  let second = '';
  let third = '';

  const tableIn = (tables: Tables, name: string) => {
    const t = tables.find((x) => x.name === name);
    if (t === undefined) throw new Error(`no ${name}`);
    return t;
  };
  const col = (t: Tables[number], c: string) => t.header.findIndex((x) => String(x) === c);

  /** Reopens civil works' plan, edits its latest version, pushes and approves it (a snapshot). */
  async function revise(edit: (tables: Tables) => void) {
    const id = await submissionOf(h, 'D-CIV');
    const step = (token: string, action: string) =>
      request(h.app)
        .post(`/api/submissions/${id}/transitions`)
        .set(bearer(token))
        .send({ action, note: 'بازنگری' });
    expect((await step(h.tokens.approver, 'reopen')).status).toBe(200);
    const pulled = await request(h.app)
      .get(`/api/submissions/${id}/versions/latest`)
      .set(bearer(h.tokens.preparer));
    const tables = pulled.body.workbook.tables as Tables;
    edit(tables);
    const pushed = await request(h.app)
      .post(`/api/submissions/${id}/versions`)
      .set(bearer(h.tokens.preparer))
      .set('If-Match', `"${pulled.body.version}"`)
      .send({ tables });
    if (pushed.status !== 201) throw new Error(JSON.stringify(pushed.body).slice(0, 2000));
    for (const [token, action] of [
      [h.tokens.preparer, 'submit'],
      [h.tokens.reviewer, 'review'],
      [h.tokens.approver, 'approve'],
    ] as const)
      expect((await step(token, action)).status).toBe(200);
  }
  const snapshots = async () =>
    (
      (await request(h.app).get(`/api/cycles/${h.cycleId}/snapshots`).set(bearer(h.tokens.council)))
        .body as unknown[]
    ).map((s) => ApiSnapshot.parse(s));

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
    council = account('council');
    approver = account('approver');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    mkdirSync(SHOTS, { recursive: true });

    // Snapshot 2: civil works retitles its first project; the planning office sends it on.
    await revise((tables) => {
      const projects = tableIn(tables, 'tblProjects');
      projectId = String(projects.rows[0]![col(projects, 'ProjectId')]);
      const title = col(projects, 'Title');
      projects.rows[0]![title] = `${String(projects.rows[0]![title])} (بازنگری)`;
    });
    second = (await snapshots())[1]!.id;
    const sent = await request(h.app)
      .post(`/api/snapshots/${second}/transitions`)
      .set(bearer(h.tokens.approver))
      .send({ action: 'send-to-council' });
    expect(sent.status).toBe(200);
  }, 240_000);

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
      // The signed-out page's first `GET /api/session` is a 401 by design; a refused action
      // is a 400 the page shows.
      if (m.type() === 'error' && !/40[01]/.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    return page;
  }

  /** Signs in through the sign-in page, coming back to `path`. */
  async function signIn(page: Page, who: { email: string; password: string }, path: string) {
    await page.goto(`${base}${path}`);
    await page.waitForURL(/\/signin\?next=/);
    await page.waitForSelector('input[name="email"]');
    await page.fill('input[name="email"]', who.email);
    await page.fill('input[name="password"]', who.password);
    await page.click('main button[type="submit"]');
    await page.waitForURL(`${base}${path}`);
  }

  /**
   * The text of `main` outside isolates (codes, dates), stored text (names) and the pickers
   * (a native `<option>` holds no markup: its IDs are in first-strong isolates instead).
   */
  const ownText = (page: Page) =>
    page.evaluate(() => {
      const main = document.querySelector('main')?.cloneNode(true) as HTMLElement | undefined;
      if (!main) return '';
      main.querySelectorAll('[data-iso], [data-stored], code, select').forEach((e) => e.remove());
      return main.innerText;
    });

  async function checkPage(page: Page, lang: 'fa' | 'en', shot: string) {
    // A confirm dialog closing: the page is checked once it is gone.
    await page.waitForSelector('[role="dialog"]', { state: 'detached' });
    // Fluent hides the rest of the page from screen readers while a dialog is open and gives it
    // back a moment after the dialog is gone.
    await page.waitForFunction(
      () => document.querySelector('[aria-hidden="true"]#root') === null,
      undefined,
      { timeout: 5000 },
    );
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
    const found = await axeViolations(page);
    expect({ shot, axe: formatFindings(found) }).toEqual({ shot, axe: '' });
  }

  /** Until the open dialog has faded in (a screenshot of it then shows what a person sees). */
  const settled = (page: Page) =>
    page.waitForFunction(() => {
      const d = document.querySelector('[role="dialog"]');
      return d !== null && getComputedStyle(d).opacity === '1';
    });

  /** What the focus lands on, Tab after Tab from the start of the page (name or action). */
  const tabStops = async (page: Page, presses: number) => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const stops: string[] = [];
    for (let i = 0; i < presses; i += 1) {
      await page.keyboard.press('Tab');
      stops.push(
        await page.evaluate(() => {
          const e = document.activeElement as HTMLElement | null;
          return e?.getAttribute('name') ?? e?.getAttribute('data-action') ?? e?.tagName ?? '';
        }),
      );
    }
    return stops;
  };

  for (const lang of ['fa', 'en'] as const)
    for (const width of ['desk', 'phone'] as const)
      it(`shows the council the cycle's snapshots and one under review (${lang}, ${width})`, async () => {
        const problems: string[] = [];
        const page = await open(width, problems);
        const q = lang === 'en' ? '?lang=en' : '';
        await signIn(page, council, `/me/council${q}`);
        await page.waitForSelector('[data-testid="snapshots"] tbody tr');
        const rows = await page.$$eval('[data-testid="snapshots"] tbody tr', (r) =>
          r.map((x) => [
            x.getAttribute('data-snapshot'),
            x.querySelector('[data-status]')?.getAttribute('data-status'),
          ]),
        );
        expect(rows).toEqual([
          ['2', 'council-review'],
          ['1', 'adopted'],
        ]);
        await checkPage(page, lang, `council-list-${lang}-${width}`);

        await page.click('[data-snapshot="2"] a');
        await page.waitForURL(`${base}/me/council/${second}${q}`);
        await page.waitForSelector('[data-testid="totals"] tbody tr');
        // Five plan years, each with its cost and the gap of every scenario.
        expect(await page.locator('[data-testid="totals"] tbody tr').count()).toBe(5);
        // Against the baseline: the project retitled (rescoped).
        await page.waitForSelector(`[data-testid="impact"] [data-item="${projectId}"]`);
        await page.waitForSelector('[data-testid="adopt-form"]');
        await page.waitForSelector('[data-testid="return-form"]');
        // What the agencies said beside the numbers: the seed's water company (SH13) signed
        // the first snapshot with a reservation; the other partner agencies have not signed.
        const signoffs = page.locator('[data-testid="signoffs"]');
        await signoffs.waitFor();
        expect(await signoffs.innerText()).toContain('شرکت آب و فاضلاب استان');
        expect(await signoffs.innerText()).toContain(lang === 'fa' ? 'امضا نشده' : 'Not signed');
        await checkPage(page, lang, `council-review-${lang}-${width}`);
        if (width === 'desk') {
          // Every field of both forms is reached by Tab, in the order they are read.
          const stops = await tabStops(page, 60);
          const want = [
            'resolutionNumber',
            'resolutionDate',
            'votesFor',
            'votesAgainst',
            'votesAbstaining',
            'adopt',
            'note',
            'add-amendment',
            'return',
          ];
          // (Tab goes round the page again after its last stop: the first round is read.)
          expect(stops.filter((s) => want.includes(s)).slice(0, want.length)).toEqual(want);
        }
        expect(problems).toEqual([]);
        await page.context().close();
      }, 90_000);

  it('returns the snapshot with an amendment per row, refused first without an item', async () => {
    const problems: string[] = [];
    const page = await open('desk', problems);
    await signIn(page, council, `/me/council/${second}`);
    await page.waitForSelector('[data-testid="return-form"]');
    await page.fill('textarea[name="note"]', 'هزینه سال ۱۴۰۶ این پروژه کم شود.');
    await page.click('[data-action="add-amendment"]');
    const row = page.locator('fieldset[data-row="1"]');
    await row.locator('select[name="year"]').selectOption('1406');
    // Persian digits with a Persian thousands separator, as typed on a Persian keyboard.
    await row.locator('input[name="amount"]').fill('۴٬۰۰۰٬۰۰۰٬۰۰۰٬۰۰۰');
    await page.click('[data-action="return"]');
    await row.getByText('یک پروژه یا فعالیت برگزینید.').waitFor();
    expect(await page.locator('[role="dialog"]').count()).toBe(0);
    await checkPage(page, 'fa', 'council-return-refused-fa-desk');

    await row.locator('select[name="itemId"]').selectOption(projectId);
    // The project's cost of the year now is shown beside the new amount.
    await row.getByText('هزینه کنونی این سال').waitFor();
    await row.getByText('نوشته‌شده: ۴٬۰۰۰').waitFor();
    // Keyboard: from the amount, Tab reaches the text, the row's remove button, then the form's.
    await row.locator('input[name="amount"]').focus();
    const after = [] as string[];
    for (let i = 0; i < 4; i += 1) {
      await page.keyboard.press('Tab');
      after.push(
        await page.evaluate(
          () =>
            document.activeElement?.getAttribute('name') ??
            document.activeElement?.getAttribute('data-action') ??
            document.activeElement?.textContent ??
            '',
        ),
      );
    }
    expect(after).toEqual(['text', 'حذف اصلاح ۱', 'add-amendment', 'return']);
    await page.click('[data-action="return"]');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await page.innerText('[data-testid="confirm-text"]')).toContain('۱ اصلاح');
    await settled(page);
    await page.screenshot({ path: path.join(SHOTS, 'council-return-confirm-fa-desk.png') });
    await page.click('[data-testid="confirm"]');
    await page.waitForSelector('[data-testid="status-now"]');
    expect(await page.innerText('[data-testid="status-now"]')).toContain('بازگردانده از شورا');
    await page.waitForSelector('[data-testid="councilAmendmentsProposed"] [data-amendment="1"]');
    await checkPage(page, 'fa', 'council-returned-fa-desk');

    const list = ApiAmendmentList.parse(
      (
        await request(h.app)
          .get(`/api/snapshots/${second}/amendments`)
          .set(bearer(h.tokens.council))
      ).body,
    );
    expect(list.proposed.map((a) => [a.kind, a.itemId, a.year, a.amount])).toEqual([
      ['change-cost', projectId, 1406, '4000000000000'],
    ]);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('lets the planning office link the amendment to the revision and send it on', async () => {
    // Civil works applies the amendment (snapshot 3); the planning office links it on the page.
    await revise((tables) => {
      const projects = tableIn(tables, 'tblProjects');
      const p = projects.rows.find((r) => String(r[col(projects, 'ProjectId')]) === projectId)!;
      const before = Number(p[col(projects, '1406')] ?? 0);
      p[col(projects, '1406')] = 4_000_000_000_000;
      const total = col(projects, 'TotalCost');
      if (total >= 0 && p[total] !== null && p[total] !== '')
        p[total] = Math.max(Number(p[total]), Number(p[total]) - before + 4_000_000_000_000);
    });
    third = (await snapshots())[2]!.id;
    const problems: string[] = [];
    const page = await open('phone', problems);
    await signIn(page, approver, `/me/council/${third}?lang=en`);
    // The approver may send it on, not adopt it; first, the open amendment of snapshot 2 is
    // linked to this one, where it landed (the register checks the new cost is here).
    await page.waitForSelector('[data-action="send-to-council"]');
    expect(await page.locator('[data-testid="adopt-form"]').count()).toBe(0);
    await page.waitForSelector('[data-testid="to-link"] [data-open="2-1"]');
    await checkPage(page, 'en', 'council-link-en-phone');
    await page.click('[data-testid="to-link"] button[data-link="1"]');
    await page.waitForSelector('[data-testid="councilAmendmentsApplied"] [data-amendment="1"]');
    expect(await page.locator('[data-testid="to-link"]').count()).toBe(0);
    const linked = ApiAmendmentList.parse(
      (await request(h.app).get(`/api/snapshots/${third}/amendments`).set(bearer(h.tokens.council)))
        .body,
    );
    expect(linked.applied.map((a) => [a.itemId, a.status, a.appliedInSnapshotId])).toEqual([
      [projectId, 'applied', third],
    ]);
    await checkPage(page, 'en', 'council-send-en-phone');
    await page.click('[data-action="send-to-council"]');
    await page.getByRole('dialog').waitFor();
    await page.click('[data-testid="confirm"]');
    await page.waitForSelector('[data-testid="status-now"]');
    expect(await page.innerText('[data-testid="status-now"]')).toContain('In council review');
    // Now there is nothing the approver may do on it.
    await page.getByText('There is nothing you may do on it in this status').waitFor();
    await checkPage(page, 'en', 'council-sent-en-phone');
    expect(problems).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('adopts the revision with a resolution, publishes it, and the public reads it', async () => {
    const problems: string[] = [];
    const page = await open('desk', problems);
    await signIn(page, council, `/me/council/${third}`);
    await page.waitForSelector('[data-testid="adopt-form"]');
    await page.fill('input[name="resolutionNumber"]', '1405-22');
    // 30 Esfand 1405 does not exist (1405 is not a leap year): the core's Jalali check says so.
    await page.fill('input[name="resolutionDate"]', '۱۴۰۵/۱۲/۳۰');
    await page.fill('input[name="votesFor"]', '۹');
    await page.fill('input[name="votesAgainst"]', '1');
    await page.fill('input[name="votesAbstaining"]', '-1');
    await page.click('[data-action="adopt"]');
    await page.getByText('در تقویم شمسی وجود ندارد').waitFor();
    await page.getByText('شماری درست و نامنفی بنویسید.').waitFor();
    await checkPage(page, 'fa', 'council-adopt-refused-fa-desk');
    await page.fill('input[name="resolutionDate"]', '۱۴۰۵/۰۲/۱۰');
    await page.fill('input[name="votesAbstaining"]', '۰');
    await page.click('[data-action="adopt"]');
    await page.getByRole('dialog').waitFor();
    expect(await page.innerText('[data-testid="confirm-text"]')).toContain('۱۰ اردیبهشت ۱۴۰۵');
    await settled(page);
    await page.screenshot({ path: path.join(SHOTS, 'council-adopt-confirm-fa-desk.png') });
    await page.click('[data-testid="confirm"]');
    await page.waitForSelector('[data-testid="status-now"]');
    expect(await page.innerText('[data-testid="status-now"]')).toContain('مصوب شورا');
    const adopted = ApiSnapshot.parse(
      (await request(h.app).get(`/api/snapshots/${third}`).set(bearer(h.tokens.council))).body,
    );
    expect(adopted.adoption).toMatchObject({
      resolutionNumber: '1405-22',
      resolutionDate: '1405/02/10',
      votesFor: 9,
      votesAgainst: 1,
      votesAbstaining: 0,
    });

    await page.click('[data-action="publish"]');
    await page.getByRole('dialog').waitFor();
    await page.click('[data-testid="confirm"]');
    await page.waitForSelector('[data-testid="status-now"] a');
    // Published once: the action is gone.
    expect(await page.locator('[data-action="publish"]').count()).toBe(0);
    await checkPage(page, 'fa', 'council-published-fa-desk');
    expect(problems).toEqual([]);
    await page.context().close();

    // Signed out, the public plan is the new one, its footer naming the new resolution.
    for (const lang of ['fa', 'en'] as const) {
      const reader = await open('phone', []);
      await reader.goto(`${base}/${lang === 'en' ? '?lang=en' : ''}`);
      const footer = await reader.waitForSelector('[data-testid="adoption"]');
      expect(await footer.innerText()).toContain(lang === 'fa' ? '۱۴۰۵-۲۲' : '1405-22');
      expect(await footer.innerText()).toContain(lang === 'fa' ? '۱۰ اردیبهشت ۱۴۰۵' : '1405');
      await reader.screenshot({
        path: path.join(SHOTS, `council-public-${lang}-phone.png`),
        fullPage: true,
      });
      await reader.context().close();
    }
  }, 120_000);
});
