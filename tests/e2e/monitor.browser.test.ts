/**
 * The Monitoring view end to end, in headless Chromium at the task pane's width (350 px): the
 * built add-in served by the register's app (createApp over an empty PGlite database: the view
 * asks the register nothing), office.js routed to the fake Excel host holding the sample plan
 * (its own actuals, up to 1405 Q2). A project's row selects its cells in the host; screenshots in
 * Persian and English go to tests/e2e/screenshots/ (not committed) for a person to look at.
 */
/// <reference lib="dom" />
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { latestMonitorPeriod, monitoringReport, readPlan, samplePlanWorkbook } from '#core';
import { createApp } from '../../service/src/app';
import { testConfig } from '../../service/src/config';
import type { TestDatabase } from '../helpers/db';
import { openTestDatabase } from '../helpers/db';
import {
  buildAddin,
  CHROMIUM,
  CHROMIUM_FLAGS,
  chromiumAvailable,
  hostInFakeExcel,
} from '../helpers/browser';

const SHOTS = path.join(__dirname, 'screenshots');
const PANE = { width: 350, height: 900 };
const describeInBrowser = chromiumAvailable ? describe : describe.skip;

describeInBrowser('the Monitoring view in a browser', () => {
  let dist: string;
  let db: TestDatabase;
  let server: Server;
  let base: string;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    dist = mkdtempSync(path.join(os.tmpdir(), 'plan-monitor-'));
    buildAddin(dist);
    db = await openTestDatabase('pglite');
    const app = createApp({
      repos: db.repos,
      config: testConfig({ addinDir: dist }),
      databaseKind: 'pglite',
      logger: pino({ level: 'silent' }),
    });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    mkdirSync(SHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    await db?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  /** The whole view, and each of its sections on its own (the whole is taller than a screen). */
  async function shots(page: Page, lang: string) {
    await page.screenshot({ path: path.join(SHOTS, `monitor-${lang}-350.png`), fullPage: true });
    await page.screenshot({ path: path.join(SHOTS, `monitor-${lang}-350-top.png`) });
    for (const part of ['projects', 'programs', 'revenue', 'kpis'])
      await page
        .getByTestId(`monitor-${part}`)
        .screenshot({ path: path.join(SHOTS, `monitor-${lang}-350-${part}.png`) });
  }

  it('shows the sample’s execution in Persian and English, each row selecting its cells', async () => {
    const sample = samplePlanWorkbook();
    const plan = readPlan(sample).plan;
    const report = monitoringReport(plan, latestMonitorPeriod(plan)!);
    const page = await browser.newPage({ viewport: PANE, reducedMotion: 'reduce' });
    await hostInFakeExcel(page, {
      tables: sample.tables,
      displayLanguage: 'fa-IR',
      base,
      problems,
    });
    await page.goto(`${base}/addin/taskpane.html`);
    await page.locator('#tab-monitor').click();
    await page.locator('[data-view="monitor"][data-lang="fa"]').waitFor();
    await page.getByTestId('monitor-projects').waitFor();
    const ids = await page
      .locator('[data-testid="monitor-projects"] tbody[data-id]')
      .evaluateAll((xs) => xs.map((x) => x.getAttribute('data-id')));
    expect(ids).toEqual(report.earnedValue.map((e) => e.projectId));
    await shots(page, 'fa');

    // A project's row selects its row of tblProjects in the host.
    const first = report.earnedValue[0]!.projectId;
    await page.locator(`[data-testid="monitor-projects"] tbody[data-id="${first}"] button`).click();
    await page.waitForFunction(
      () =>
        (window as unknown as { __fakeExcel: { selections: unknown[] } }).__fakeExcel.selections
          .length > 0,
    );
    const selections = await page.evaluate(
      () =>
        (window as unknown as { __fakeExcel: { selections: Array<{ sheet: string }> } }).__fakeExcel
          .selections,
    );
    expect(selections[0]?.sheet).toBe(sample.tables.find((t) => t.name === 'tblProjects')?.sheet);

    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('[data-view="monitor"][data-lang="en"]').waitFor();
    await shots(page, 'en');
    await page.close();
    expect(problems).toEqual([]);
  }, 120_000);
});
