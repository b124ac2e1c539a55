/**
 * The PLAN.* functions as Excel calls them (their registered entry points), per call over
 * 100,000 calls, each beside a baseline measured in this process:
 * - PRIORITY_SCORE and KPI_PROGRESS against the same arithmetic written inline (target ≤ 2×:
 *   reading Excel's arguments and checking them must stay cheap);
 * - the others against a direct call of the core function they wrap (the wrapper's cost);
 * - every function once on a 20-year series, against the 50 ms a call may hold Excel up;
 * - the functions bundle (the entry chunk and what it loads statically) built by Vite, gzip,
 *   against 150 KB, and Vite's build time and bundle beside esbuild's for the same entry.
 *
 * The functions are measured as shipped: bundled by rolldown (Vite 8's bundler) into one
 * module, so that calls between modules cost what they cost in the add-in (tsx's CommonJS
 * output would add a getter to every call across modules).
 * Run: npm run bench (or node --import tsx bench/functions.bench.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { toJalaali } from 'jalaali-js';
import type * as FiscalWrappers from '../addin/src/functions/fiscal';
import type * as EntryPoints from '../addin/src/functions/functions';
import type * as LinkageWrappers from '../addin/src/functions/linkage';
import type * as RevenueWrappers from '../addin/src/functions/revenue';
import type * as Core from '#core';
import { DEPARTMENT_WORKBOOK } from '../tests/addin/fixtures';
import type { BenchLine } from './lib';
import { report, timeMs } from './lib';

const repo = path.join(__dirname, '..');
const CALLS = 100_000;
/** Inputs cycle through this many variants, so that no call is folded into a constant. */
const VARIANTS = 1024;

let sink = 0;
const keep = (v: unknown) => {
  sink += typeof v === 'number' ? v : 1;
};

/** Median µs per call of `fn(i)` over `calls` calls. */
async function perCall(fn: (i: number) => unknown, calls = CALLS): Promise<number> {
  const ms = await timeMs(() => {
    for (let i = 0; i < calls; i++) keep(fn(i));
  }, 5);
  return (ms * 1000) / calls;
}

/** The same for functions that return a promise (awaited one by one, as Excel would). */
async function perCallAsync(fn: () => Promise<unknown>, calls: number): Promise<number> {
  const ms = await timeMs(async () => {
    for (let i = 0; i < calls; i++) keep(await fn());
  }, 3);
  return (ms * 1000) / calls;
}

function line(
  name: string,
  value: number,
  baselineName: string,
  baseline: number,
  maxRatio?: number,
): BenchLine {
  return {
    name,
    value,
    unit: 'µs/call',
    baselineName,
    baseline,
    ...(maxRatio !== undefined
      ? { target: `≤ ${maxRatio}×`, ok: value / baseline <= maxRatio }
      : {}),
  };
}

/** The entry points, their wrappers and the core, bundled by rolldown into one module. */
async function loadBundled(dir: string) {
  const src = (p: string) => JSON.stringify(path.join(repo, p).split(path.sep).join('/'));
  const entry = path.join(dir, 'entry.ts');
  writeFileSync(
    entry,
    [
      `export { ENTRY_POINTS } from ${src('addin/src/functions/functions.ts')};`,
      `export * as fiscal from ${src('addin/src/functions/fiscal.ts')};`,
      `export * as linkage from ${src('addin/src/functions/linkage.ts')};`,
      `export * as revenue from ${src('addin/src/functions/revenue.ts')};`,
      `export { computeAhp, scorePriority } from ${src('shared/src/priority/index.ts')};`,
      `export { kpiProgress } from ${src('shared/src/kpi/index.ts')};`,
      `export { dateToExcelSerial, excelSerialToJalali, parseJalaliDate } from ${src('shared/src/jalali/index.ts')};`,
      `export { createRevenueSimulation, estimateRevenueVolatility, forecastSeries } from ${src('shared/src/revenue/index.ts')};`,
      `export { forecastRevenueScenarios } from ${src('shared/src/revenue/index.ts')};`,
      `export { fiscalBalance } from ${src('shared/src/fiscal/index.ts')};`,
      `export { formatChain, indexPlanLinks, resolveChain } from ${src('shared/src/linkage/index.ts')};`,
      `export { readPlan } from ${src('shared/src/read/plan.ts')};`,
    ].join('\n'),
  );
  const { rolldown } = await import('rolldown');
  const bundle = await rolldown({ input: entry, platform: 'node', logLevel: 'silent' });
  const file = path.join(dir, 'functions.mjs');
  await bundle.write({ file, format: 'esm' });
  await bundle.close();
  return (await import(pathToFileURL(file).href)) as Bundled;
}

/** What the bundle exports: the entry points, three wrapper modules and some of the core. */
type Bundled = typeof EntryPoints & {
  fiscal: typeof FiscalWrappers;
  linkage: typeof LinkageWrappers;
  revenue: typeof RevenueWrappers;
} & Pick<
    typeof Core,
    | 'computeAhp'
    | 'scorePriority'
    | 'kpiProgress'
    | 'dateToExcelSerial'
    | 'excelSerialToJalali'
    | 'parseJalaliDate'
    | 'createRevenueSimulation'
    | 'estimateRevenueVolatility'
    | 'forecastSeries'
    | 'forecastRevenueScenarios'
    | 'fiscalBalance'
    | 'formatChain'
    | 'indexPlanLinks'
    | 'resolveChain'
    | 'readPlan'
  >;

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-functions-bench-'));
  try {
    const m = await loadBundled(dir);
    await perCallFigures(m);
    await twentyYearFigures(m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  report('PLAN.* bundle', await bundleFigures());
  if (sink === 42) console.log('');
}

async function perCallFigures(m: Bundled): Promise<void> {
  const { ENTRY_POINTS } = m;
  const lines: BenchLine[] = [];

  // PRIORITY_SCORE: five criteria as one row, as a scoring sheet passes them.
  const weights = [0.3, 0.2, 0.2, 0.15, 0.15];
  const dirs = ['benefit', 'cost', 'benefit', 'benefit', 'cost'];
  const cost = dirs.map((d) => d === 'cost');
  const projects = Array.from({ length: VARIANTS }, (_, p) =>
    weights.map((_w, j) => (p * 7 + j * 3) % 11),
  );
  const asRows = projects.map((x) => [x]);
  const inlinePriority = (i: number) => {
    const x = projects[i & (VARIANTS - 1)]!;
    let ws = 0;
    let acc = 0;
    for (let j = 0; j < x.length; j++) {
      const t = (x[j]! - 0) / (10 - 0);
      ws += weights[j]!;
      acc += weights[j]! * (cost[j] ? 1 - t : t);
    }
    return (100 * acc) / ws;
  };
  const wRow = [weights];
  const dRow = [dirs];
  lines.push(
    line(
      'PRIORITY_SCORE',
      await perCall((i) => ENTRY_POINTS.PRIORITY_SCORE(asRows[i & (VARIANTS - 1)]!, wRow, dRow)),
      'inline arithmetic',
      await perCall(inlinePriority),
      2,
    ),
  );
  lines.push(
    line(
      'PRIORITY_SCORE core (scorePriority)',
      await perCall((i) => m.scorePriority(projects[i & (VARIANTS - 1)]!, weights, dirs)),
      'inline arithmetic',
      await perCall(inlinePriority),
    ),
  );

  // KPI_PROGRESS: baseline, target and actual varying, the three directions in turn.
  const kpis = Array.from({ length: VARIANTS }, (_, k) => ({
    b: 10 + (k % 7),
    t: 30 + (k % 5),
    a: 12 + (k % 13),
    d: (['increase', 'decrease', 'maintain'] as const)[k % 3]!,
  }));
  const inlineKpi = (i: number) => {
    const { b, t, a, d } = kpis[i & (VARIANTS - 1)]!;
    if (d === 'maintain') {
      const p = 1 - Math.abs(a - t) / Math.abs(t);
      return p > 0 ? p : 0;
    }
    return t === b ? ((d === 'increase' ? a >= b : a <= b) ? 1 : 0) : (a - b) / (t - b);
  };
  lines.push(
    line(
      'KPI_PROGRESS',
      await perCall((i) => {
        const k = kpis[i & (VARIANTS - 1)]!;
        return ENTRY_POINTS.KPI_PROGRESS(k.b, k.t, k.a, k.d);
      }),
      'inline arithmetic',
      await perCall(inlineKpi),
      2,
    ),
  );

  // Jalali, on dates of the next three years.
  const serial = (i: number) => 46102 + (i & (VARIANTS - 1));
  const inlineYear = (i: number) => {
    const d = new Date(Date.UTC(1899, 11, 30) + serial(i) * 86_400_000);
    return toJalaali(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()).jy;
  };
  lines.push(
    line(
      'JALALI_YEAR',
      await perCall((i) => ENTRY_POINTS.JALALI_YEAR(serial(i))),
      'inline jalaali-js',
      await perCall(inlineYear),
    ),
  );
  lines.push(
    line(
      'TO_JALALI',
      await perCall((i) => ENTRY_POINTS.TO_JALALI(serial(i))),
      'core excelSerialToJalali',
      await perCall((i) => m.excelSerialToJalali(serial(i))),
    ),
  );
  const texts = Array.from({ length: VARIANTS }, (_, i) => `1405/${(i % 12) + 1}/${(i % 28) + 1}`);
  lines.push(
    line(
      'FROM_JALALI',
      await perCall((i) => ENTRY_POINTS.FROM_JALALI(texts[i & (VARIANTS - 1)]!)),
      'core parseJalaliDate + dateToExcelSerial',
      await perCall((i) => {
        const p = m.parseJalaliDate(texts[i & (VARIANTS - 1)]!);
        return p.ok ? m.dateToExcelSerial(p.date) : null;
      }),
    ),
  );

  // AHP on a 4×4 matrix.
  const matrix = [
    [1, 3, 5, 7],
    [1 / 3, 1, 3, 5],
    [1 / 5, 1 / 3, 1, 3],
    [1 / 7, 1 / 5, 1 / 3, 1],
  ];
  const ahpCore = await perCall(() => m.computeAhp(matrix));
  lines.push(
    line(
      'AHP_WEIGHTS',
      await perCall(() => ENTRY_POINTS.AHP_WEIGHTS(matrix)),
      'core computeAhp',
      ahpCore,
    ),
  );
  lines.push(
    line('AHP_CR', await perCall(() => ENTRY_POINTS.AHP_CR(matrix)), 'core computeAhp', ahpCore),
  );

  // Revenue: a 10-year history, 5 years ahead.
  const history = [100, 108, 115, 125, 131, 142, 150, 163, 171, 185];
  const column = history.map((v) => [v]);
  lines.push(
    line(
      'SCENARIO_REVENUE (growth 8 %)',
      await perCallAsync(() => ENTRY_POINTS.SCENARIO_REVENUE(column, 5, 0.08), 20_000),
      'core forecastSeries',
      await perCall(
        () => m.forecastSeries(history, 5, { method: 'growth', growthRate: 0.08 }),
        20_000,
      ),
    ),
  );
  lines.push(
    line(
      'SCENARIO_REVENUE (auto)',
      await perCallAsync(() => ENTRY_POINTS.SCENARIO_REVENUE(column, 5), 1_000),
      'core forecastSeries',
      await perCall(() => m.forecastSeries(history, 5, { method: 'auto' }), 1_000),
    ),
  );
  const simulate = () => {
    const f = m.forecastSeries(history, 5, { method: 'auto' });
    const v = m.estimateRevenueVolatility(history);
    if (!f.ok || !v.ok) return null;
    const c = m.createRevenueSimulation({
      series: [{ key: 'h', lastYear: 0, path: f.path, sigma: v.sigma }],
      years: [1, 2, 3, 4, 5],
      simulations: 1000,
      seed: 1,
    });
    if (!c.ok) return null;
    c.simulation.run(1000);
    return c.simulation.result();
  };
  lines.push(
    line(
      'REVENUE_RANGE (1,000 paths)',
      await perCallAsync(() => ENTRY_POINTS.REVENUE_RANGE(column, 5, null, 1000, 1), 200),
      'core forecast + simulation',
      await perCall(simulate, 200),
    ),
  );

  // The workbook readers, on a plan already read (the cache's steady state).
  const read = m.readPlan(DEPARTMENT_WORKBOOK);
  const source = async () => read;
  const index = m.indexPlanLinks(read.plan);
  lines.push(
    line(
      'BUDGET_LINK',
      await perCallAsync(() => m.linkage.budgetLink('B-1405-01', null, null, source), 20_000),
      'core resolveChain + formatChain',
      await perCall(() => m.formatChain(m.resolveChain(index, 'B-1405-01')!, 'en'), 20_000),
    ),
  );
  const scenarios = m.forecastRevenueScenarios(read.plan, { scenario: 'base' });
  const totals = scenarios.ok ? scenarios.scenarios[0]!.totals : new Map<number, bigint>();
  lines.push(
    line(
      'FISCAL_GAP (forecast and balance kept per plan read)',
      await perCallAsync(() => m.fiscal.fiscalGap(1405, null, source), 20_000),
      'core fiscalBalance',
      await perCall(() => m.fiscalBalance(read.plan, totals), 2_000),
    ),
  );
  report('PLAN.* per call (entry points Excel calls)', lines);
}

async function twentyYearFigures(m: Bundled): Promise<void> {
  const twenty = Array.from({ length: 20 }, (_, i) => [
    1000 * 1.07 ** i * (1 + 0.03 * Math.sin(i)),
  ]);
  const values = twenty.map((r) => r[0]!);
  const source = async () => m.readPlan(DEPARTMENT_WORKBOOK);
  const once = async (name: string, run: () => unknown): Promise<BenchLine> => {
    await run();
    const ms = await timeMs(run, 3);
    return { name, value: ms, unit: 'ms', target: '≤ 50 ms', ok: ms <= 50 };
  };
  const lines = [
    await once('SCENARIO_REVENUE auto, 20 years ahead', () =>
      m.revenue.scenarioRevenue(twenty, 20, null, null, source),
    ),
    await once('SCENARIO_REVENUE damped, 20 years ahead', () =>
      m.revenue.scenarioRevenue(twenty, 20, null, 'damped', source),
    ),
    // REVENUE_RANGE yields to Excel between slices: a slice is what can hold Excel up.
    await once(
      `REVENUE_RANGE one slice (${m.revenue.SIMULATION_SLICE} paths), 20 years ahead`,
      () => {
        const f = m.forecastSeries(values, 20, { method: 'auto' });
        const v = m.estimateRevenueVolatility(values);
        if (!f.ok || !v.ok) return;
        const c = m.createRevenueSimulation({
          series: [{ key: 'h', lastYear: 0, path: f.path, sigma: v.sigma }],
          years: Array.from({ length: 20 }, (_, i) => i + 1),
          simulations: m.revenue.SIMULATION_SLICE,
          seed: 1,
        });
        if (c.ok) c.simulation.run(m.revenue.SIMULATION_SLICE);
      },
    ),
  ];
  const wall = await timeMs(() => m.revenue.revenueRange(twenty, 20, null, null, null), 3);
  lines.push({
    name: 'REVENUE_RANGE 10,000 paths, 20 years ahead: wall time, yielding between slices',
    value: wall,
    unit: 'ms',
  });
  report('PLAN.* on a 20-year series (history of 20 years)', lines);
}

/** Builds the add-in with Vite, and the same entry with esbuild; sizes and times. */
async function bundleFigures(): Promise<BenchLine[]> {
  const out = mkdtempSync(path.join(os.tmpdir(), 'plan-addin-bench-'));
  try {
    const t0 = performance.now();
    const build = spawnSync(
      process.execPath,
      [
        path.join(repo, 'node_modules', 'vite', 'bin', 'vite.js'),
        'build',
        '--config',
        path.join(repo, 'addin', 'vite.config.ts'),
        '--outDir',
        path.join(out, 'vite'),
        '--emptyOutDir',
        '--logLevel',
        'error',
      ],
      { cwd: repo, encoding: 'utf8' },
    );
    const viteMs = performance.now() - t0;
    if (build.status !== 0) throw new Error(build.stderr);
    const manifest = JSON.parse(
      readFileSync(path.join(out, 'vite', '.vite', 'manifest.json'), 'utf8'),
    ) as Record<string, { file: string; imports?: string[]; isEntry?: boolean }>;
    // The functions bundle: the entry chunk and the chunks it imports statically (the pane,
    // React and Fluent UI, is imported dynamically, on demand).
    const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
    const files = new Set<string>();
    const visit = (key: string) => {
      const chunk = manifest[key]!;
      if (files.has(chunk.file)) return;
      files.add(chunk.file);
      for (const i of chunk.imports ?? []) visit(i);
    };
    visit(entry);
    const gz = (file: string) => gzipSync(readFileSync(file)).length / 1024;
    const functionsKb = [...files].reduce((s, f) => s + gz(path.join(out, 'vite', f)), 0);
    const paneKb = Object.values(manifest)
      .filter((c) => !files.has(c.file))
      .reduce((s, c) => s + gz(path.join(out, 'vite', c.file)), 0);
    const lines: BenchLine[] = [
      {
        name: 'functions bundle (gzip)',
        value: functionsKb,
        unit: 'KB',
        target: '≤ 150 KB',
        ok: functionsKb <= 150,
      },
      { name: 'pane chunk: React + Fluent UI, loaded on demand (gzip)', value: paneKb, unit: 'KB' },
    ];
    // esbuild on the same entry: the comparison behind the choice of bundler (docs/addin.md).
    try {
      const esbuild = await import('esbuild');
      const t1 = performance.now();
      const result = await esbuild.build({
        entryPoints: [path.join(repo, 'addin', 'src', 'taskpane', 'index.ts')],
        bundle: true,
        splitting: true,
        format: 'esm',
        minify: true,
        jsx: 'automatic',
        outdir: path.join(out, 'esbuild'),
        metafile: true,
        logLevel: 'silent',
      });
      const esbuildMs = performance.now() - t1;
      const [entryFile, entryOut] = Object.entries(result.metafile.outputs).find(
        ([f, o]) => o.entryPoint && f.endsWith('.js'),
      )!;
      const esFiles = new Set([entryFile]);
      for (const i of entryOut.imports) if (i.kind === 'import-statement') esFiles.add(i.path);
      const esKb = [...esFiles].reduce((s, f) => s + gz(path.resolve(repo, f)), 0);
      lines.push({
        name: 'build time, Vite',
        value: viteMs,
        unit: 'ms',
        baselineName: 'esbuild',
        baseline: esbuildMs,
      });
      lines.push({
        name: 'functions bundle, Vite (gzip)',
        value: functionsKb,
        unit: 'KB',
        baselineName: 'esbuild',
        baseline: esKb,
      });
    } catch (e) {
      lines.push({
        name: `build time, Vite (esbuild not available: ${String(e).slice(0, 60)})`,
        value: viteMs,
        unit: 'ms',
      });
    }
    return lines;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
