/**
 * The Plan pane end to end, in headless Chromium at the task pane's width (350 px): the built
 * add-in served by the real register (createApp over a PGlite database seeded with the sample
 * city, on 127.0.0.1), Microsoft's office.js routed to a fake Excel host holding an in-memory
 * workbook (tests/helpers/fakeExcel.ts, the jsdom tests' host too).
 *
 * The story: a planner creates a workbook from the template in an empty workbook, runs Check
 * and clicks a finding (the host records the selection). Then, in the civil-works department's
 * workbook (the sample plan, as the register's real .xlsx), signs in, pulls the reference
 * data, pushes, meets a 409 from a concurrent push, overwrites it as a new version, submits;
 * a reviewer and an approver act through the API, and the pane shows the plan approved.
 * The city's sample plan, which has revenue and a budget, shows the Revenue and Priorities
 * views with figures; its optimal portfolio, solved by HiGHS (WebAssembly) in the page under the
 * register's Content-Security-Policy, is the one the plan core computes in this process.
 * Screenshots of every view in Persian and English go to
 * tests/e2e/screenshots/ (not committed) for a person to look at.
 */
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import request from 'supertest';
import type { PortfolioResult, RawTable } from '#core';
import {
  TABLE_NAMES,
  computeCapitalBudget,
  portfolioFromPlan,
  samplePlanWorkbook,
  selectPortfolio,
  validateWorkbook,
} from '#core';
import { readXlsx } from '../../io';
import type { Harness } from '../service/api-harness';
import { bearer, binary, openHarness, submissionOf } from '../service/api-harness';
import {
  buildAddin,
  CHROMIUM,
  CHROMIUM_FLAGS,
  chromiumAvailable,
  hostInFakeExcel,
} from '../helpers/browser';

const SHOTS = path.join(__dirname, 'screenshots');
/** The task pane's default width in Excel on the web and on Windows (about 350 px). */
const PANE = { width: 350, height: 900 };
/** The widths the screenshots are taken at: Excel's default pane and its narrowest. */
const WIDTHS = [350, 320] as const;
const TABS = [
  'start',
  'check',
  'chain',
  'kpis',
  'revenue',
  'budget',
  'priorities',
  'sync',
] as const;

type Fake = {
  selections: Array<{ sheet: string; cell: string }>;
  tables: Array<{ name: string }>;
  events: boolean[];
};

const available = chromiumAvailable;
if (!available)
  console.warn(`tests/e2e/taskpane.browser.test.ts skipped: no Chromium at ${CHROMIUM}`);
const describeInBrowser = available ? describe : describe.skip;

describeInBrowser('the Plan pane in a browser, against the real register', () => {
  let dist: string;
  let h: Harness;
  let server: Server;
  let base: string;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    dist = mkdtempSync(path.join(os.tmpdir(), 'plan-pane-'));
    buildAddin(dist);
    h = await openHarness('pglite', { addinDir: dist });
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
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  /** A page at the pane's width whose office.js is the fake host over `tables`. */
  async function openPane(tables: RawTable[], displayLanguage: string): Promise<Page> {
    // Reduced motion: Fluent then draws the selected tab's indicator without sliding it, so
    // screenshots show it under the right tab.
    const page = await browser.newPage({ viewport: PANE, reducedMotion: 'reduce' });
    await hostInFakeExcel(page, { tables, displayLanguage, base, problems });
    // Content-Security-Policy violations, reported by the page itself (Chromium also logs most
    // of them as console errors, but not every kind).
    await page.exposeFunction('__cspViolation', (text: string) =>
      problems.push(`CSP violation: ${text}`),
    );
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { __cspViolation(t: string): void }).__cspViolation(
          `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
        ),
      ),
    );
    await page.goto(`${base}/addin/taskpane.html`);
    await page.getByRole('tab').first().waitFor();
    return page;
  }

  const fake = (page: Page) =>
    page.evaluate(() => (window as unknown as { __fakeExcel: Fake }).__fakeExcel);

  /** The view on screen, as it is, in both languages at both widths. */
  async function details(page: Page, label: string) {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: PANE.height });
      for (const lang of ['fa', 'en'] as const) {
        await page.getByRole('button', { name: lang === 'fa' ? 'فارسی' : 'English' }).click();
        await page.locator(`[data-lang="${lang}"]`).waitFor();
        await page.screenshot({
          path: path.join(SHOTS, `${label}-${lang}-${width}.png`),
          fullPage: true,
        });
      }
    }
  }

  /**
   * As `details`, with `prepare` run after each switch of language (a focus, a hover or a
   * dialog, which the switch itself would end).
   */
  async function detailsAfter(
    page: Page,
    label: string,
    prepare: (lang: 'fa' | 'en') => Promise<void>,
    /** Run after each screenshot but the last (e.g. closing a dialog, so the switch can be clicked). */
    undo?: () => Promise<void>,
  ) {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: PANE.height });
      for (const lang of ['fa', 'en'] as const) {
        await page.getByRole('button', { name: lang === 'fa' ? 'فارسی' : 'English' }).click();
        await page.locator(`[data-lang="${lang}"]`).waitFor();
        await prepare(lang);
        await page.screenshot({
          path: path.join(SHOTS, `${label}-${lang}-${width}.png`),
          fullPage: true,
        });
        if (undo && !(width === WIDTHS[WIDTHS.length - 1] && lang === 'en')) await undo();
      }
    }
    await page.setViewportSize(PANE);
  }

  /** Every view in both languages at both of the pane's widths (Excel's 350 px and 320 px). */
  async function screenshots(page: Page, label: string) {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: PANE.height });
      for (const lang of ['fa', 'en'] as const) {
        await page.getByRole('button', { name: lang === 'fa' ? 'فارسی' : 'English' }).click();
        for (const tab of TABS) {
          await page.locator(`#tab-${tab}`).click();
          await page.locator(`[data-view="${tab}"][data-lang="${lang}"]`).waitFor();
          // Sync loads the submissions after it mounts: show them, when signed in.
          if (tab === 'sync')
            await page
              .getByTestId('status')
              .waitFor({ timeout: 3000 })
              .catch(() => undefined);
          await page.screenshot({
            path: path.join(SHOTS, `${label}-${tab}-${lang}-${width}.png`),
            fullPage: true,
          });
        }
      }
    }
    await page.setViewportSize(PANE);
  }

  /**
   * Tabs through the open view and names every control that, focused from the keyboard, shows
   * no focus indicator: no outline, and no border drawn by a `::after`/`::before` (Fluent's
   * focus ring) on it, on the two elements around it (a radio's or a field's root) or on its
   * first child.
   */
  async function controlsWithoutFocusRing(page: Page): Promise<string[]> {
    const missing: string[] = [];
    const seen = new Set<string>();
    await page.locator('main').click({ position: { x: 1, y: 1 } });
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const drawn = (x: Element, pseudo?: string) => {
          const s = getComputedStyle(x, pseudo);
          if (pseudo && s.content === 'none') return false;
          const sides = ['Top', 'Right', 'Bottom', 'Left'] as const;
          return (
            (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) ||
            sides.some(
              (side) =>
                pseudo !== undefined &&
                s.getPropertyValue(`border-${side.toLowerCase()}-style`) !== 'none' &&
                parseFloat(s.getPropertyValue(`border-${side.toLowerCase()}-width`)) > 0 &&
                s.getPropertyValue(`border-${side.toLowerCase()}-color`) !== 'rgba(0, 0, 0, 0)',
            )
          );
        };
        // The element, the two around it, or its first child (a tree item draws its ring on
        // its layout).
        const candidates: Element[] = [el];
        if (el.parentElement) candidates.push(el.parentElement);
        if (el.parentElement?.parentElement) candidates.push(el.parentElement.parentElement);
        if (el.firstElementChild) candidates.push(el.firstElementChild);
        const ok = candidates.some((x) => drawn(x) || drawn(x, '::after') || drawn(x, '::before'));
        const id = `${el.tagName}|${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40)}`;
        return { id, ok, inMain: !!el.closest('main') };
      });
      if (!stop) continue;
      if (seen.has(stop.id)) break;
      seen.add(stop.id);
      if (!stop.ok) missing.push(stop.id);
    }
    return missing;
  }

  it('creates a workbook from the template, checks it and goes to a finding', async () => {
    const page = await openPane([], 'en-US');
    await page.getByRole('button', { name: 'Create from the template' }).click();
    await page.getByText(`${TABLE_NAMES.length} tables created; 0 already existed.`).waitFor();
    const made = await fake(page);
    // Every contract table of plan-workbook.md, as a real table, written with events off.
    expect(made.tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['tblPlanInfo', 'tblProjects', 'tblKpis']),
    );
    expect(made.tables).toHaveLength(TABLE_NAMES.length);
    expect(made.events.slice(0, 2)).toEqual([false, true]);

    await page.locator('#tab-check').click();
    // An empty template: findings about its empty tables, each pointing at a cell.
    await page
      .getByTestId('check-summary')
      .waitFor()
      .catch(async (e: unknown) => {
        await page.screenshot({ path: path.join(SHOTS, 'failure-check.png'), fullPage: true });
        throw e;
      });
    const link = page.getByRole('button', { name: /^Go to cell / }).first();
    const label = (await link.getAttribute('aria-label')) ?? '';
    const cell = /Go to cell (\w+)/.exec(label)?.[1];
    await link.click();
    await page.waitForFunction(
      () => (window as unknown as { __fakeExcel: Fake }).__fakeExcel.selections.length > 0,
    );
    expect((await fake(page)).selections[0]?.cell).toBe(cell);
    await screenshots(page, 'template');
    await page.close();
  }, 120_000);

  it('shows every view on the city’s sample plan (revenue, priorities)', async () => {
    const page = await openPane(samplePlanWorkbook().tables, 'fa-IR');
    await page.locator('#tab-revenue').click();
    // The chart's text alternative names the history and the forecast's last year.
    const chart = page.getByTestId('revenue-chart');
    expect(await chart.getAttribute('aria-label')).toMatch(/^گذشته ۱۳۹۵–۱۴۰۴؛ پیش‌بینی ۱۴۰۹: /);
    await page.locator('#tab-priorities').click();
    expect(await page.getByTestId('cr').textContent()).toMatch(/^نسبت سازگاری: ۰٫[۰-۹]{3}؛$/);
    await screenshots(page, 'city');
    // The chain opened down to a scheme (طرح) and its projects; a budget year opened.
    await page.locator('#tab-chain').click();
    for (const id of ['S1.1', 'PG01', 'SC01'])
      await page.locator(`[data-id="${id}"]`).first().click();
    await page.locator('[data-id="P-001"]').waitFor();
    await details(page, 'city-chain-open');
    await page.locator('#tab-budget').click();
    await page.getByTestId('budget-fold').first().locator('summary').click();
    await details(page, 'city-budget-open');
    // Revenue from the keyboard: Tab reaches the first forecast year (1405), the arrow that
    // points to the next year on screen (left in Persian) moves to 1406, whose P10, P50 and P90
    // appear under the chart; the focused year is also its accessible name.
    await page.locator('#tab-revenue').click();
    await detailsAfter(page, 'city-revenue-point', async (lang) => {
      await page.locator('[data-testid="revenue-chart"] rect[data-year="1405"]').focus();
      await page.keyboard.press(lang === 'fa' ? 'ArrowLeft' : 'ArrowRight');
      const focused = page.locator('[data-testid="revenue-chart"] rect:focus');
      expect(await focused.getAttribute('data-year')).toBe('1406');
      const readout = page.getByTestId('chart-readout');
      expect(await readout.locator('tr').count()).toBe(3);
      expect(await readout.textContent()).toContain(
        lang === 'fa' ? 'مبلغ‌های سال ۱۴۰۶' : 'Amounts of 1406',
      );
      expect(await focused.getAttribute('aria-label')).toMatch(
        lang === 'fa' ? /^۱۴۰۶، پیش‌بینی: صدک ۱۰ / : /^1406, Forecast: P10 \(low\) /,
      );
    });
    // Pointing at a history year with the mouse shows its actual.
    await page.locator('[data-testid="revenue-chart"] rect[data-year="1400"]').hover();
    expect(await page.getByTestId('chart-readout').locator('tr').count()).toBe(1);
    await page.screenshot({
      path: path.join(SHOTS, 'city-revenue-hover-en-350.png'),
      fullPage: true,
    });
    await page.close();
  }, 120_000);

  it('names a year whose operating balance is negative in the Budget view', async () => {
    // The sample with A-001's 1406 cost raised by 30,000 billion Rials: more than 1406's
    // operating surplus (about 22,700 billion), so the operating balance of 1406 is negative.
    const tables = samplePlanWorkbook().tables;
    const acts = tables.find((t) => t.name === 'tblActivities')!;
    const a1 = acts.rows.find((r) => r[0] === 'A-001')!;
    const c1406 = acts.header.indexOf('1406');
    a1[c1406] = Number(a1[c1406]) + 30_000e9;
    const page = await openPane(tables, 'fa-IR');
    await page.locator('#tab-budget').click();
    expect(await page.getByTestId('operating-deficit').getAttribute('data-year')).toBe('1406');
    await details(page, 'deficit-budget');
    await page.close();
  }, 60_000);

  it('shows a focus ring on every control of every view, finding links included', async () => {
    // The sample with one emptied title, so that Check has a finding link to reach.
    const tables = samplePlanWorkbook().tables.map((t) =>
      t.name === 'tblProjects'
        ? {
            ...t,
            rows: t.rows.map((r, i) =>
              i === 0 ? r.map((c, j) => (j === t.header.indexOf('عنوان') ? null : c)) : r,
            ),
          }
        : t,
    );
    const page = await openPane(tables, 'fa-IR');
    const missing: Record<string, string[]> = {};
    for (const tab of TABS) {
      await page.locator(`#tab-${tab}`).click();
      await page.locator(`[data-view="${tab}"]`).waitFor();
      if (tab === 'check') await page.getByTestId('check-summary').waitFor();
      const without = await controlsWithoutFocusRing(page);
      if (without.length) missing[tab] = without;
    }
    await page.locator('#tab-check').click();
    await page
      .getByRole('button', { name: /^رفتن به خانه / })
      .first()
      .focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await page.screenshot({ path: path.join(SHOTS, 'focus-finding-fa.png'), fullPage: true });
    await page.close();
    expect(missing).toEqual({});
  }, 120_000);

  it('finds the optimal portfolio with HiGHS in the pane, as the core does', async () => {
    // The expected answer, computed here with the plan core on the same workbook the fake host
    // holds, the way the pane sets the problem: the core's capital budget of the plan (its
    // scenario, here `base`, less activities and opex) and the pane's weights (AHP, then direct).
    const workbook = samplePlanWorkbook();
    const { plan } = validateWorkbook(workbook);
    const capital = computeCapitalBudget(plan);
    if (!capital.ok) throw new Error(capital.message.en);
    expect(capital.forecast.scenario).toBe('base');
    const budget = capital.byYear;
    const expected: Record<'ahp' | 'table', PortfolioResult> = {
      ahp: await selectPortfolio(
        portfolioFromPlan(plan, budget, { scoring: { weights: 'ahp' } }).input,
      ),
      table: await selectPortfolio(
        portfolioFromPlan(plan, budget, { scoring: { weights: 'table' } }).input,
      ),
    };
    for (const r of Object.values(expected)) {
      expect(r.status).toBe('optimal');
      // On the sample, rank-and-fill passes over projects the optimum funds, so the comparison
      // the pane shows says something.
      expect(r.objective).toBeGreaterThan(r.rankAndFill.objective);
    }

    const before = problems.length;
    const page = await openPane(workbook.tables, 'en-US');
    await page.locator('#tab-priorities').click();
    const table = page.getByRole('table', { name: 'Priorities' });
    /** The pane's project table: each project's ID and whether each method chose it. */
    const shown = () =>
      // Project rows (a reason why a project is not chosen is a row of its own, data-why).
      table.locator('tbody tr[data-id]').evaluateAll((rows) =>
        rows.map((tr) => {
          const cells = (tr as HTMLTableRowElement).cells;
          const chose = (i: number) => !!cells[i]?.querySelector('[aria-label="selected"]');
          return {
            id: tr.querySelector('bdi')?.textContent ?? '',
            rankFill: chose(3),
            optimal: chose(4),
          };
        }),
      );
    const chosen = (rows: Awaited<ReturnType<typeof shown>>, by: 'rankFill' | 'optimal') =>
      rows
        .filter((r) => r[by])
        .map((r) => r.id)
        .sort();
    const score = (x: number) =>
      x.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

    // The budget the pane solves under is the one computed here (the base scenario's): shown in
    // billions of Rials, one decimal, rounded half up (the sample's budgets are all positive).
    const bn = (rials: bigint) => score(Number((rials * 10n + 500_000_000n) / 1_000_000_000n) / 10);
    // A small table of years and amounts, not a run-on line.
    expect(
      await page
        .getByTestId('budget')
        .locator('tbody tr')
        .evaluateAll((rows) =>
          rows.map((tr) => [...(tr as HTMLTableRowElement).cells].map((c) => c.textContent)),
        ),
    ).toEqual([...budget].map(([year, rials]) => [String(year), bn(rials)]));

    for (const [mode, radio] of [
      ['ahp', 'Pairwise comparison (AHP)'],
      ['table', 'Direct weights'],
    ] as const) {
      await page.getByRole('radio', { name: radio }).check();
      // No answer of the other weights stays on screen.
      await table.getByRole('columnheader', { name: 'Optimal' }).waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Find the optimal portfolio' }).click();
      const objectives = page.getByTestId('objectives');
      await objectives.waitFor().catch(async (e: unknown) => {
        await page.screenshot({ path: path.join(SHOTS, 'failure-optimal.png'), fullPage: true });
        throw e;
      });
      const want = expected[mode];
      expect(await objectives.getAttribute('data-status')).toBe('optimal');
      expect(await objectives.textContent()).toBe(
        `Optimal: ${score(want.objective)}; rank and fill: ${score(want.rankAndFill.objective)} (total score of the chosen projects)`,
      );
      const rows = await shown();
      expect(rows).toHaveLength(plan.tables.tblProjects?.rows.length ?? -1);
      expect(chosen(rows, 'optimal')).toEqual([...want.chosen].sort());
      expect(chosen(rows, 'rankFill')).toEqual([...want.rankAndFill.chosen].sort());
    }
    await page.screenshot({ path: path.join(SHOTS, 'city-optimal-en.png'), fullPage: true });
    // Found, the optimal portfolio is the one to write: Write is now the primary step, and it
    // asks first, saying where (tblProjects has 30 columns, A–AD, header on row 2 and 40
    // projects: the column after it, AE2:AE42) and what.
    const write = page.getByRole('button', { name: 'Write the selection column' });
    expect(await write.getAttribute('data-appearance')).toBe('primary');
    await detailsAfter(
      page,
      'city-write-confirm',
      async (lang) => {
        await page
          .getByRole('button', {
            name: lang === 'fa' ? 'نوشتن ستون انتخاب' : 'Write the selection column',
          })
          .click();
        const dialog = page.getByRole('dialog');
        await dialog.waitFor();
        expect(await dialog.textContent()).toContain('AE2:AE42');
        // The range kept whole and left to right inside Persian text.
        expect(await dialog.locator('bdi[dir="ltr"]', { hasText: 'AE2:AE42' }).count()).toBe(1);
      },
      async () => {
        // Escape closes the dialog without writing.
        await page.keyboard.press('Escape');
        await page.getByRole('dialog').waitFor({ state: 'detached' });
      },
    );
    // Nothing written while the dialog was only dismissed: AE2 (row index 1, column 30) is empty.
    expect(
      await page.evaluate(
        (name) =>
          (
            window as unknown as {
              __fakeExcel: { sheets: Record<string, { cells: Record<string, unknown> }> };
            }
          ).__fakeExcel.sheets[name]!.cells['1,30'],
        plan.tables.tblProjects!.sheet,
      ),
    ).toBeUndefined();
    const dialog = page.getByRole('dialog');
    // On the sample the optimum under direct weights funds all 40 projects.
    expect(expected.table.chosen).toHaveLength(40);
    expect(await dialog.textContent()).toContain(
      '1 beside every one of the 40 projects: all are chosen (the optimal portfolio).',
    );
    await dialog.getByRole('button', { name: 'Write', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    // Written on the projects' sheet: the heading, then 1 beside each project the optimum
    // (direct weights, the last solved) funds and 0 beside the others.
    const sheet = plan.tables.tblProjects!.sheet;
    const written = await page.evaluate((name) => {
      const fx = (
        window as unknown as {
          __fakeExcel: { sheets: Record<string, { cells: Record<string, unknown> }> };
        }
      ).__fakeExcel;
      const cells = fx.sheets[name]!.cells;
      // AE is the 31st column (index 30); rows 2–42 are indices 1–41; IDs in column A.
      return Array.from({ length: 41 }, (_, i) => [cells[`${i + 1},0`], cells[`${i + 1},30`]]);
    }, sheet);
    expect(written[0]![1]).toBe('Portfolio');
    const optimalSet = new Set(expected.table.chosen);
    expect(written.slice(1).map(([id, flag]) => [id, flag])).toEqual(
      written.slice(1).map(([id]) => [id, optimalSet.has(String(id)) ? 1 : 0]),
    );
    expect(written.slice(1).filter(([, f]) => f === 1)).toHaveLength(optimalSet.size);
    await page.close();
    // HiGHS compiled and ran under the register's Content-Security-Policy, with nothing logged.
    expect(problems.slice(before)).toEqual([]);
  }, 60_000);

  it('pushes the department’s workbook, resolves a conflict and sees it approved', async () => {
    const { app, tokens } = h;
    const id = await submissionOf(h, 'D-CIV');
    // The seeded plan is approved (frozen); the approver reopens it for the new cycle's edits.
    const reopened = await request(app)
      .post(`/api/submissions/${id}/transitions`)
      .set(bearer(tokens.approver))
      .send({ action: 'reopen', note: 'new projects' });
    expect(reopened.status).toBe(200);
    const pulled = await request(app)
      .get(`/api/submissions/${id}/versions/latest?format=xlsx`)
      .set(bearer(tokens.preparer))
      .buffer(true)
      .parse(binary);
    const read = await readXlsx(new Uint8Array(pulled.body as Buffer));
    if (!read.ok) throw new Error(read.error.message.en);

    const page = await openPane(read.workbook.tables, 'fa-IR');
    await page.locator('#tab-sync').click();
    // The register's address defaults to the origin the pane came from.
    await page.getByLabel(/کلید دسترسی/).fill(tokens.preparer);
    await page.getByRole('button', { name: 'ورود' }).click();
    await page.getByRole('combobox').selectOption(id);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('status').waitFor();
    // The token is in the add-in's storage, and nowhere in the workbook.
    const stored = await page.evaluate(() => localStorage.getItem('plan-register.connection'));
    expect(stored).toContain(tokens.preparer);
    const cells = await page.evaluate(() =>
      JSON.stringify(
        (window as unknown as { __fakeExcel: { sheets: unknown } }).__fakeExcel.sheets,
      ),
    );
    expect(cells).not.toContain(tokens.preparer);

    await page.getByRole('button', { name: 'Pull reference data' }).click();
    await page.getByText(/reference tables written to the workbook/).waitFor();

    // Someone else pushes on top of version 1 meanwhile.
    const concurrent = await request(app)
      .post(`/api/submissions/${id}/versions`)
      .set(bearer(tokens.preparer))
      .set('If-Match', '"1"')
      .send({
        tables: read.workbook.tables.map(({ name, sheet, address, header, rows }) => ({
          name,
          sheet,
          address,
          header,
          rows,
        })),
      });
    expect(concurrent.status).toBe(201);

    await page.getByRole('button', { name: 'Push the workbook' }).click();
    await page.getByText('Conflict: version 2 was recorded after yours (1).').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'sync-conflict-en.png'), fullPage: true });
    await page.getByRole('button', { name: 'Overwrite as a new version' }).click();
    await page
      .getByText('Version 3 recorded.')
      .waitFor()
      .catch(async (e: unknown) => {
        await page.screenshot({ path: path.join(SHOTS, 'failure-push.png'), fullPage: true });
        throw e;
      });

    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.locator('[data-status="submitted"]').waitFor();
    for (const [who, action] of [
      ['reviewer', 'review'],
      ['approver', 'approve'],
    ] as const) {
      const res = await request(app)
        .post(`/api/submissions/${id}/transitions`)
        .set(bearer(tokens[who]))
        .send({ action });
      expect(res.status).toBe(200);
    }
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.locator('[data-status="approved"]').waitFor();
    expect(await page.getByTestId('status').textContent()).toBe('Approved');
    // The workflow's history names the people who acted and dates each step by the Jalali
    // day in Tehran. Today's date there from ICU's Persian calendar (an independent source).
    const history = await request(app)
      .get(`/api/submissions/${id}/history`)
      .set(bearer(tokens.preparer));
    const events = history.body as Array<{ actorId: string; actorName: string | null }>;
    const shownHistory = page.getByTestId('history');
    await shownHistory
      .locator('li')
      .nth(events.length - 1)
      .waitFor();
    const text = (await shownHistory.textContent()) ?? '';
    const parts = new Intl.DateTimeFormat('en-US-u-ca-persian-nu-latn', {
      timeZone: 'Asia/Tehran',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(new Date());
    const part = (t: string) => parts.find((p) => p.type === t)!.value;
    const today = `${part('year').replace(/\D/g, '')}/${part('month')}/${part('day')}`;
    expect(text).toContain(today);
    for (const e of events) {
      expect(e.actorName).toBeTruthy();
      expect(text).toContain(e.actorName!);
      expect(text).not.toContain(e.actorId);
    }
    await page.screenshot({ path: path.join(SHOTS, 'sync-history-en.png'), fullPage: true });

    // Chain: the department's items under the city's goals (from the reference data).
    await page.locator('#tab-chain').click();
    await page.getByRole('tree').waitFor();
    // Priorities: a department's workbook has no revenue of its own, so no budget to choose under.
    await page.locator('#tab-priorities').click();
    await page.getByText(/This workbook has no revenue to set a budget/).waitFor();
    await screenshots(page, 'department');
    await page.close();
    // The 409 of the conflict is the story's; Chromium logs every failed status.
    expect(problems.filter((p) => !/status of 409/.test(p))).toEqual([]);
  }, 180_000);
});
