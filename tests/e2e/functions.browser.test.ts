/**
 * The built add-in in headless Chromium, as Excel's shared runtime would load it: the page is
 * served from 127.0.0.1, Microsoft's CDN office.js is routed to the fake Excel
 * host (tests/helpers/fakeExcel.ts) that records registrations and gives `Excel.run` a small
 * workbook. The page must load without errors or failed requests, register every function of
 * the built functions.json under its id, answer through those entry points, register the
 * ribbon actions, and render the pane.
 */
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo, Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { DEFAULT_BASE_URL } from '../../addin/build/manifest';
import { DEPARTMENT_WORKBOOK } from '../addin/fixtures';
import {
  buildAddin,
  CHROMIUM,
  CHROMIUM_FLAGS,
  chromiumAvailable,
  hostInFakeExcel,
} from '../helpers/browser';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
};

/** Serves `dir` under `/addin/`, as the register service does. */
function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rel = decodeURIComponent(url.pathname).replace(/^\/addin\//, '');
    const file = path.join(dir, rel);
    if (!url.pathname.startsWith('/addin/') || !file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const available = chromiumAvailable;
if (!available)
  console.warn(`tests/e2e/functions.browser.test.ts skipped: no Chromium at ${CHROMIUM}`);
const describeInBrowser = available ? describe : describe.skip;

describeInBrowser('the built add-in in a browser with a fake Office host', () => {
  let dist: string;
  let server: Server;
  let browser: Browser;
  let page: Page;
  let base: string;
  const problems: string[] = [];

  beforeAll(async () => {
    dist = mkdtempSync(path.join(os.tmpdir(), 'plan-addin-'));
    buildAddin(dist, { ADDIN_BASE_URL: DEFAULT_BASE_URL });
    server = await serve(dist);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/addin/`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    page = await browser.newPage();
    // Offline, as on a municipality's machine: nothing but the add-in's own origin.
    await hostInFakeExcel(page, {
      tables: DEPARTMENT_WORKBOOK.tables,
      displayLanguage: 'en-US',
      base,
      problems,
    });
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    await page.goto(`${base}taskpane.html`);
    await page.waitForFunction(() => document.querySelector('h1') !== null, undefined, {
      timeout: 20_000,
    });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  /** Calls a registered function the way Excel does, through the runtime's entry point. */
  async function call(id: string, ...args: unknown[]) {
    return page.evaluate(
      async ({ id, args }) => {
        const w = window as unknown as {
          __fakeExcel: { functions: Record<string, (...a: unknown[]) => unknown> };
          CustomFunctions: { Error: new (...a: unknown[]) => unknown };
        };
        try {
          return { value: await w.__fakeExcel.functions[id]!(...args) };
        } catch (e) {
          const err = e as { code?: string; message?: string };
          return {
            error: {
              code: err.code,
              message: err.message,
              excel: e instanceof w.CustomFunctions.Error,
            },
          };
        }
      },
      { id, args },
    );
  }

  it('loads without errors, failed requests or requests leaving the add-in', () => {
    expect(problems).toEqual([]);
  });

  it('registers every function of the built functions.json under its id, and nothing else', async () => {
    const json = JSON.parse(readFileSync(path.join(dist, 'functions.json'), 'utf8')) as {
      functions: Array<{ id: string }>;
    };
    const registered = await page.evaluate(() =>
      Object.entries(
        (window as unknown as { __fakeExcel: { functions: Record<string, unknown> } }).__fakeExcel
          .functions,
      ).map(([id, fn]) => [id, typeof fn]),
    );
    expect(registered.map(([id]) => id).sort()).toEqual(json.functions.map((f) => f.id).sort());
    for (const [, type] of registered) expect(type).toBe('function');
  });

  it('answers through the registered entry points', async () => {
    // Hand-worked in tests/addin/functions.test.ts and tests/addin/fixtures.ts.
    expect(
      await call(
        'PRIORITY_SCORE',
        [[8, 6, 9]],
        [[0.5, 0.3, 0.2]],
        [['benefit', 'cost', 'benefit']],
      ),
    ).toEqual({
      value: expect.closeTo(70, 9),
    });
    expect(await call('KPI_PROGRESS', 10, 20, 17, 'increase')).toEqual({
      value: expect.closeTo(0.7, 12),
    });
    expect(await call('KPI_STATUS', 0.7, 'code')).toEqual({ value: 'at-risk' });
    expect(await call('TO_JALALI', 46102)).toEqual({ value: '1405/01/01' });
    expect(await call('JALALI_YEAR', 46101)).toEqual({ value: 1404 });
    expect(await call('FROM_JALALI', '۱۴۰۵/۰۱/۰۱')).toEqual({ value: 46102 });
    const weights = (await call('AHP_WEIGHTS', [
      [1, 2, 4],
      [0.5, 1, 2],
      [0.25, 0.5, 1],
    ])) as {
      value: number[][];
    };
    [4 / 7, 2 / 7, 1 / 7].forEach((w, i) => expect(weights.value[i]![0]).toBeCloseTo(w, 9));
    expect(await call('SCENARIO_REVENUE', [[100], [110], [121]], 2, 0.1)).toEqual({
      value: [[expect.closeTo(133.1, 9), expect.closeTo(146.41, 9)]],
    });
    expect(
      await call('REVENUE_RANGE', [[100], [110], [121], [133.1], [146.41]], 1, null, 500),
    ).toEqual({
      value: [[161], [161], [161]],
    });
  });

  it('reads the workbook through Excel.run for the chain and the fiscal gap', async () => {
    const runs = () =>
      page.evaluate(
        () => (window as unknown as { __fakeExcel: { runs: number } }).__fakeExcel.runs,
      );
    // The pane's own first read and its change listener (two runs) come first.
    await page.waitForFunction(
      () => (window as unknown as { __fakeExcel: { runs: number } }).__fakeExcel.runs >= 2,
    );
    const before = await runs();
    expect(await call('BUDGET_LINK', 'B-1405-01', 'goal', 'both')).toEqual({
      value: 'G-1 Green city',
    });
    expect(await call('FISCAL_GAP', 1405)).toEqual({ value: 131_000_000 });
    expect(await call('SPENDING', 1406)).toEqual({ value: 650_000_000 });
    // One Excel.run for all three: the plan is cached until a table changes.
    expect((await runs()) - before).toBe(1);
  });

  it('shows Excel errors with their message, in the display language', async () => {
    expect(await call('PRIORITY_SCORE', [[8, 6]], [[0.5, -1]])).toEqual({
      error: {
        code: '#VALUE!',
        message: 'the weight of criterion 2 must be a non-negative number',
        excel: true,
      },
    });
    expect(await call('BUDGET_LINK', 'B-9999')).toEqual({
      error: {
        code: '#N/A',
        message: 'no such budget code or ID "B-9999" in the workbook or its reference data',
        excel: true,
      },
    });
  });

  it('renders the pane and opens it on the view a ribbon button asks for', async () => {
    // The pane opens in Office's display language (en-US in this host).
    expect(await page.textContent('h1')).toBe('Plan Register');
    const actions = await page.evaluate(() =>
      Object.keys((window as unknown as { __fakeExcel: { actions: object } }).__fakeExcel.actions),
    );
    expect(actions.sort()).toEqual([
      'openCheck',
      'openHome',
      'openPriorities',
      'openRegister',
      'openRevenue',
    ]);
    const completed = await page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const f = (
            window as unknown as { __fakeExcel: { actions: Record<string, (e: unknown) => void> } }
          ).__fakeExcel;
          f.actions.openRevenue!({ completed: () => resolve(true) });
        }),
    );
    expect(completed).toBe(true);
    await page.waitForSelector('[data-view="revenue"]');
    expect(await page.textContent('[role="tab"][aria-selected="true"]')).toBe('Revenue');
  });

  it('serves every file the manifest points at', async () => {
    const manifest = readFileSync(path.join(dist, 'manifest.xml'), 'utf8');
    const urls = [...manifest.matchAll(/(?:DefaultValue|Value)="(https:\/\/[^"]+)"/g)].map(
      (m) => m[1]!,
    );
    expect(urls.length).toBeGreaterThan(20);
    for (const url of new Set(urls)) {
      expect(url.startsWith(DEFAULT_BASE_URL)).toBe(true);
      const local = base + url.slice(DEFAULT_BASE_URL.length);
      const status = await page.evaluate(async (u) => (await fetch(u)).status, local);
      expect([url, status]).toEqual([url, 200]);
    }
  });
});
