/**
 * The Plan pane's accessibility, checked by axe-core (tests/helpers/axe.ts) in headless Chromium
 * at the task pane's width (350 px): every view in Persian and in English, on the city's sample
 * plan with one emptied project title (so that Check lists a finding), served by the real
 * register as in taskpane.browser.test.ts, office.js routed to the fake Excel host. The Sync
 * view is checked signed out and signed in (the submission's status and history shown); the
 * Chain view also with its tree opened, Budget with a year opened, Priorities with the optimal
 * portfolio found and with the dialog that asks before writing it. No violation of impact
 * serious or critical may remain.
 */
/// <reference lib="dom" />
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { samplePlanWorkbook } from '#core';
import type { Harness } from '../service/api-harness';
import { openHarness, submissionOf } from '../service/api-harness';
import { axeViolations, formatFindings } from '../helpers/axe';
import {
  buildAddin,
  CHROMIUM,
  CHROMIUM_FLAGS,
  chromiumAvailable,
  hostInFakeExcel,
} from '../helpers/browser';

/** The task pane's default width in Excel on the web and on Windows (about 350 px). */
const PANE = { width: 350, height: 900 };
const TABS = [
  'start',
  'check',
  'chain',
  'kpis',
  'monitor',
  'revenue',
  'budget',
  'priorities',
  'sync',
] as const;
const LANGS = ['fa', 'en'] as const;
/**
 * Results axe cannot decide on this pane, left out of the "needs review" ones the test refuses
 * (its violations are all refused): color-contrast, whose background axe cannot determine under
 * the revenue chart's SVG text (it lies over the chart's shapes) nor on the ✓ marks of the
 * Priorities table (a glyph, not text). Contrast is still a violation wherever axe can measure it.
 */
const UNDECIDABLE = ['color-contrast'];

if (!chromiumAvailable)
  console.warn(`tests/e2e/taskpane-axe.browser.test.ts skipped: no Chromium at ${CHROMIUM}`);
const describeInBrowser = chromiumAvailable ? describe : describe.skip;

describeInBrowser('the Plan pane under axe-core', () => {
  let dist: string;
  let h: Harness;
  let server: Server;
  let base: string;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    dist = mkdtempSync(path.join(os.tmpdir(), 'plan-pane-axe-'));
    buildAddin(dist);
    h = await openHarness('pglite', { addinDir: dist });
    server = await new Promise<Server>((resolve) => {
      const s = h.app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    await h?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  /** Switches the pane's language and waits for it. */
  async function speak(page: Page, lang: 'fa' | 'en') {
    await page.getByRole('button', { name: lang === 'fa' ? 'فارسی' : 'English' }).click();
    await page.locator(`[data-lang="${lang}"]`).waitFor();
  }

  /** Opens `tab` in `lang` and waits for what it loads. */
  async function show(page: Page, tab: (typeof TABS)[number], lang: 'fa' | 'en') {
    await speak(page, lang);
    await page.locator(`#tab-${tab}`).click();
    await page.locator(`[data-view="${tab}"][data-lang="${lang}"]`).waitFor();
    if (tab === 'check') await page.getByTestId('check-summary').waitFor();
  }

  it('has no serious or critical violation in any view, in Persian and English', async () => {
    // The sample with the first project's title emptied: Check then shows a finding link.
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
    const page = await browser.newPage({ viewport: PANE, reducedMotion: 'reduce' });
    await hostInFakeExcel(page, { tables, displayLanguage: 'fa-IR', base, problems });
    await page.goto(`${base}/addin/taskpane.html`);
    await page.getByRole('tab').first().waitFor();

    /** Violations by view, as the lines the failure message prints. */
    const found: Record<string, string> = {};
    const audit = async (label: string) => {
      const v = await axeViolations(page, { review: { except: UNDECIDABLE } });
      if (v.length) found[label] = formatFindings(v);
    };

    for (const lang of LANGS)
      for (const tab of TABS) {
        await show(page, tab, lang);
        await audit(`${tab} ${lang}`);
      }

    // The chain opened down to a scheme and its projects.
    for (const lang of LANGS) {
      await show(page, 'chain', lang);
      if (lang === 'fa')
        for (const id of ['S1.1', 'PG01', 'SC01'])
          await page.locator(`[data-id="${id}"]`).first().click();
      await page.locator('[data-id="P-001"]').waitFor();
      await audit(`chain opened ${lang}`);
    }

    // A budget year opened.
    for (const lang of LANGS) {
      await show(page, 'budget', lang);
      const fold = page.getByTestId('budget-fold').first();
      if (lang === 'fa') await fold.locator('summary').click();
      await audit(`budget opened ${lang}`);
    }

    // Priorities with the optimal portfolio found (its column of marks), then the dialog that
    // asks before writing the selection column.
    await show(page, 'priorities', 'en');
    await page.getByRole('button', { name: 'Find the optimal portfolio' }).click();
    await page.getByTestId('objectives').waitFor();
    for (const lang of LANGS) {
      await show(page, 'priorities', lang);
      await page.getByTestId('objectives').waitFor();
      await audit(`priorities optimal ${lang}`);
      await page
        .getByRole('button', {
          name: lang === 'fa' ? 'نوشتن ستون انتخاب' : 'Write the selection column',
        })
        .click();
      await page.getByRole('dialog').waitFor();
      await audit(`priorities write dialog ${lang}`);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    }

    // Sync signed in, a submission chosen: its status and history.
    const id = await submissionOf(h, 'D-CIV');
    await show(page, 'sync', 'fa');
    await page.getByLabel(/کلید دسترسی/).fill(h.tokens.preparer);
    await page.getByRole('button', { name: 'ورود' }).click();
    await page.getByRole('combobox').selectOption(id);
    await page.getByTestId('status').waitFor();
    await page.getByTestId('history').locator('li').first().waitFor();
    for (const lang of LANGS) {
      await show(page, 'sync', lang);
      await page.getByTestId('history').waitFor();
      await audit(`sync signed in ${lang}`);
    }
    await page.close();

    expect(found).toEqual({});
    expect(problems).toEqual([]);
  }, 180_000);
});
