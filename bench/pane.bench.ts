/**
 * The Plan pane (issue: task panes): what a planner downloads before the pane shows, and how
 * long it takes from loading the page to the pane's first render in headless Chromium.
 *
 * - Bundle: the add-in is built with Vite; the pane's cost is the entry (`functions.js`), the
 *   pane's chunk (React, Fluent UI v9, the views, the core) and every chunk they import
 *   statically, gzip level 9, against the 400 KB. HiGHS (its script and WebAssembly)
 *   is fetched only when the optimal portfolio is asked for and is reported apart.
 * - Load: the built add-in served on 127.0.0.1, Microsoft's office.js routed to the fake Excel
 *   host of the browser test holding the sample plan; the time from navigation start to the
 *   first tab of the pane in the DOM (first render), and to the Check summary (the workbook
 *   read through the adapter and validated by the core). Baseline: the same page's
 *   `DOMContentLoaded` (HTML, office.js and the entry script), measured in the same load.
 *   Median of 7 loads, each in a fresh page (the browser's cache is kept, as in Excel after
 *   the first open).
 *
 * Needs Chromium (`/usr/bin/chromium` or CHROMIUM_PATH); without it the load part is skipped.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { samplePlanWorkbook } from '#core';
import { fakeOfficeJs } from '../tests/helpers/fakeExcelScript';
import {
  buildAddin,
  CHROMIUM,
  CHROMIUM_FLAGS,
  chromiumAvailable,
  OFFICE_JS,
} from '../tests/helpers/browser';
import type { BenchLine } from './lib';
import { report } from './lib';

const LOADS = 7;
/** The target for the pane, React and Fluent UI included (gzip). */
const TARGET_KB = 400;

interface Chunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  src?: string;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** The chunks loaded before the pane renders: the entry, the pane's chunk, their static imports. */
function paneFiles(manifest: Record<string, Chunk>): { pane: Set<string>; onDemand: Set<string> } {
  const pane = new Set<string>();
  const visit = (key: string) => {
    const c = manifest[key];
    if (!c || pane.has(c.file)) return;
    pane.add(c.file);
    for (const i of c.imports ?? []) visit(i);
  };
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
  visit(entry);
  const mount = Object.keys(manifest).find((k) => k.endsWith('taskpane/mount.tsx'));
  if (!mount) throw new Error('the build has no pane chunk (src/taskpane/mount.tsx)');
  visit(mount);
  const onDemand = new Set(
    Object.values(manifest)
      .map((c) => c.file)
      .filter((f) => !pane.has(f) && /\.(js|wasm)$/.test(f)),
  );
  return { pane, onDemand };
}

async function loadTimes(dist: string): Promise<BenchLine[]> {
  if (!chromiumAvailable) {
    console.warn(`pane load skipped: no Chromium at ${CHROMIUM}`);
    return [];
  }
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.json': 'application/json',
    '.wasm': 'application/wasm',
  };
  const server = createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(
      /^\/addin\//,
      '',
    );
    const file = path.join(dist, rel);
    if (!file.startsWith(dist) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/addin/`;
  const office = fakeOfficeJs(samplePlanWorkbook().tables, 'fa-IR');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  const context = await browser.newContext({ viewport: { width: 350, height: 900 } });
  await context.route(OFFICE_JS, (route) =>
    route.fulfill({ contentType: 'text/javascript', body: office }),
  );
  // Marks the first render (a tab in the DOM) and the first check summary, in page time.
  await context.addInitScript(() => {
    const w = window as unknown as { __marks: Record<string, number> };
    w.__marks = {};
    new MutationObserver(() => {
      if (w.__marks.render === undefined && document.querySelector('[role="tab"]'))
        w.__marks.render = performance.now();
      if (w.__marks.check === undefined && document.querySelector('[data-testid="check-summary"]'))
        w.__marks.check = performance.now();
    }).observe(document, { childList: true, subtree: true });
  });
  const dom: number[] = [];
  const render: number[] = [];
  const checked: number[] = [];
  try {
    for (let i = 0; i < LOADS + 1; i++) {
      const page = await context.newPage();
      await page.goto(`${base}taskpane.html`);
      await page.waitForFunction(
        () => (window as unknown as { __marks: { render?: number } }).__marks.render !== undefined,
      );
      // The Check tab shows the summary once the workbook is read and validated.
      await page.locator('#tab-check').click();
      await page.getByTestId('check-summary').waitFor();
      const m = await page.evaluate(() => ({
        dom: performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming,
        marks: (window as unknown as { __marks: { render: number; check?: number } }).__marks,
      }));
      await page.close();
      if (i === 0) continue; // the first load fills the cache
      dom.push(m.dom.domContentLoadedEventEnd);
      render.push(m.marks.render);
      if (m.marks.check !== undefined) checked.push(m.marks.check);
    }
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
  const baseline = median(dom);
  return [
    {
      name: 'load to first render of the pane (headless Chromium, 350 px, cached)',
      value: median(render),
      unit: 'ms',
      baselineName: 'DOMContentLoaded of the same page',
      baseline,
    },
    {
      name: 'load to the Check summary (sample plan read and validated; includes the tab click)',
      value: median(checked),
      unit: 'ms',
      baselineName: 'DOMContentLoaded of the same page',
      baseline,
    },
  ];
}

async function main() {
  const out = mkdtempSync(path.join(os.tmpdir(), 'plan-pane-bench-'));
  try {
    buildAddin(out);
    const manifest = JSON.parse(
      readFileSync(path.join(out, '.vite', 'manifest.json'), 'utf8'),
    ) as Record<string, Chunk>;
    const { pane, onDemand } = paneFiles(manifest);
    const gz = (f: string) => gzipSync(readFileSync(path.join(out, f)), { level: 9 }).length / 1024;
    const paneKb = [...pane].reduce((s, f) => s + gz(f), 0);
    const onDemandKb = [...onDemand].reduce((s, f) => s + gz(f), 0);
    const lines: BenchLine[] = [
      {
        name: `pane before first render: ${pane.size} files (entry, React, Fluent UI, views, core), gzip`,
        value: paneKb,
        unit: 'KB',
        target: `≤ ${TARGET_KB} KB`,
        ok: paneKb <= TARGET_KB,
      },
      {
        name: 'loaded only for the optimal portfolio (HiGHS script and WebAssembly), gzip',
        value: onDemandKb,
        unit: 'KB',
      },
      ...(await loadTimes(out)),
    ];
    report('pane', lines);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
