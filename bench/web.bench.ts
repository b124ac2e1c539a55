/**
 * The web face (issue 15): what a citizen downloads before the published plan shows, and how
 * long it takes from loading `/` to the plan's first render in headless Chromium.
 *
 * - Bundle: the web app built with Vite; its entry script and style sheet (React, Fluent UI
 *   v9, the pages, the core they use), gzip level 9, and the bundled Vazirmatn font apart
 *   (already compressed, WOFF2).
 * - Load: the register on PGlite seeded with the sample city (whose plan the seed adopts and
 *   publishes), serving the built app; the time from navigation start to the overview's
 *   heading and charts in the DOM (the plan read from the public API and rendered), against
 *   the 1 s. Baseline: the same page's `DOMContentLoaded`, measured in the same load.
 *   Median of 7 loads, each in a fresh page (the browser's cache kept).
 *
 * Needs Chromium (`/usr/bin/chromium` or CHROMIUM_PATH); without it the load part is skipped.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { openHarness } from '../tests/service/api-harness';
import { buildWeb, CHROMIUM, CHROMIUM_FLAGS, chromiumAvailable } from '../tests/helpers/browser';
import type { BenchLine } from './lib';
import { report } from './lib';

const LOADS = 7;
/** The target for the first render of the sample's public plan. */
const TARGET_MS = 1000;

interface Chunk {
  file: string;
  isEntry?: boolean;
  css?: string[];
  assets?: string[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function loadTimes(dist: string): Promise<BenchLine[]> {
  if (!chromiumAvailable) {
    console.warn(`web load skipped: no Chromium at ${CHROMIUM}`);
    return [];
  }
  const h = await openHarness('pglite', { webDir: dist });
  const server = await new Promise<Server>((resolve) => {
    const s = h.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Marks the first render of the plan: the overview's heading and its charts in the DOM.
  await context.addInitScript(() => {
    const w = window as unknown as { __marks: Record<string, number> };
    w.__marks = {};
    new MutationObserver(() => {
      if (
        w.__marks.render === undefined &&
        document.querySelector('main h1 ~ * [data-testid="chart-kpis"]')
      )
        w.__marks.render = performance.now();
    }).observe(document, { childList: true, subtree: true });
  });
  const dom: number[] = [];
  const render: number[] = [];
  try {
    for (let i = 0; i < LOADS + 1; i++) {
      const page = await context.newPage();
      await page.goto(`${base}/`);
      await page.waitForFunction(
        () => (window as unknown as { __marks: { render?: number } }).__marks.render !== undefined,
      );
      const m = await page.evaluate(() => ({
        dom: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
          .domContentLoadedEventEnd,
        render: (window as unknown as { __marks: { render: number } }).__marks.render,
      }));
      await page.close();
      if (i === 0) continue; // the first load fills the cache
      dom.push(m.dom);
      render.push(m.render);
    }
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
    await h.close();
  }
  const value = median(render);
  return [
    {
      name: 'load of / to the published plan rendered (headless Chromium, 1280 px, cached)',
      value,
      unit: 'ms',
      baselineName: 'DOMContentLoaded of the same page',
      baseline: median(dom),
      target: `≤ ${TARGET_MS} ms`,
      ok: value <= TARGET_MS,
    },
  ];
}

async function main() {
  const out = mkdtempSync(path.join(os.tmpdir(), 'plan-web-bench-'));
  try {
    buildWeb(out);
    const manifest = JSON.parse(
      readFileSync(path.join(out, '.vite', 'manifest.json'), 'utf8'),
    ) as Record<string, Chunk>;
    const entry = Object.values(manifest).find((c) => c.isEntry);
    if (entry === undefined) throw new Error('the build has no entry');
    const size = (f: string, zip: boolean) => {
      const bytes = readFileSync(path.join(out, f));
      return (zip ? gzipSync(bytes, { level: 9 }).length : bytes.length) / 1024;
    };
    const first = [entry.file, ...(entry.css ?? [])];
    const fonts = (entry.assets ?? []).filter((f) => f.endsWith('.woff2'));
    const lines: BenchLine[] = [
      {
        name: `web before first render: ${first.length} files (React, Fluent UI, pages, core), gzip`,
        value: first.reduce((s, f) => s + size(f, true), 0),
        unit: 'KB',
      },
      {
        name: 'the bundled font (Vazirmatn, variable, WOFF2)',
        value: fonts.reduce((s, f) => s + size(f, false), 0),
        unit: 'KB',
      },
      ...(await loadTimes(out)),
    ];
    report('web', lines);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
