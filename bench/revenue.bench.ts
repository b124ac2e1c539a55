/**
 * Revenue: cost of fitting Holt / damped / auto on a 20-year series (the Excel
 * function PLAN.SCENARIO_REVENUE fits on every recalculation; target < 50 ms a
 * call), and of a 10,000-path × 5-year Monte Carlo. Baselines in the same
 * process: the growth method and one Holt SSE evaluation for the fits;
 * generating the same number of normal variates for the Monte Carlo.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import {
  fitGrowth,
  fitHolt,
  forecastSeries,
  runHolt,
  selectRevenueMethod,
  simulateRevenue,
} from '#core';
import { report, timeMs } from './lib';

// A 20-year revenue series in Rials: ~25 % nominal growth with a wobble.
const series = Array.from(
  { length: 20 },
  (_, i) => 1e12 * 1.25 ** i * (1 + 0.05 * Math.sin(1.7 * i)),
);

/** Median time of one call, in µs, measuring `reps` calls per run so that small functions register. */
async function perCall(fn: () => unknown, reps: number): Promise<number> {
  const ms = await timeMs(
    () => {
      for (let i = 0; i < reps; i++) fn();
    },
    7,
    2,
  );
  return (ms / reps) * 1000;
}

function normals(count: number, seed: number): number {
  const rng = xoroshiro128plus(seed);
  let sum = 0;
  for (let i = 0; i < count; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - uniformFloat64(rng)));
    const t = 2 * Math.PI * uniformFloat64(rng);
    sum += r * Math.cos(t) + r * Math.sin(t);
  }
  return sum;
}

async function main(): Promise<void> {
  const growth = await perCall(() => fitGrowth(series), 20_000);
  const oneSse = await perCall(
    () =>
      runHolt(series, { alpha: 0.5, beta: 0.1, phi: 1, initialLevel: 1e12, initialTrend: 1e11 }),
    20_000,
  );
  const holt = await perCall(() => fitHolt(series, false), 20);
  const damped = await perCall(() => fitHolt(series, true), 20);
  const auto = await perCall(() => selectRevenueMethod(series), 10);
  const excel = await perCall(() => forecastSeries(series, 5, { method: 'auto' }), 10);

  const paths = 10_000;
  const years = [1405, 1406, 1407, 1408, 1409];
  const input = {
    series: [
      {
        key: 'general-duties',
        lastYear: 1404,
        path: [1.25, 1.5625, 1.953125, 2.44140625, 3.0517578125].map((x) => x * 1e13),
        sigma: 0.1,
      },
    ],
    years,
    simulations: paths,
    seed: 1,
    spending: new Map(years.map((y) => [y, 20_000_000_000_000n])),
  };
  const mc = await timeMs(() => simulateRevenue(input), 7, 2);
  const draws = await timeMs(() => normals(paths * years.length, 1), 7, 2);
  const seven = {
    ...input,
    series: Array.from({ length: 7 }, (_, i) => ({ ...input.series[0]!, key: `c${i}` })),
  };
  const mc7 = await timeMs(() => simulateRevenue(seven), 5, 1);
  const draws7 = await timeMs(() => normals(7 * paths * years.length, 1), 5, 1);

  report('revenue', [
    {
      name: 'holt fit, 20 years',
      value: holt,
      unit: 'µs',
      baselineName: 'growth fit',
      baseline: growth,
      target: '< 50,000 µs (50 ms)',
      ok: holt < 50_000,
    },
    {
      name: 'holt fit, 20 years (vs one SSE run)',
      value: holt,
      unit: 'µs',
      baselineName: 'one Holt SSE evaluation',
      baseline: oneSse,
    },
    {
      name: 'damped fit, 20 years',
      value: damped,
      unit: 'µs',
      baselineName: 'growth fit',
      baseline: growth,
      target: '< 50,000 µs (50 ms)',
      ok: damped < 50_000,
    },
    {
      name: 'auto (hold-out + refit), 20 years',
      value: auto,
      unit: 'µs',
      baselineName: 'growth fit',
      baseline: growth,
      target: '< 50,000 µs (50 ms)',
      ok: auto < 50_000,
    },
    {
      name: 'forecastSeries auto, h = 5 (PLAN.SCENARIO_REVENUE)',
      value: excel,
      unit: 'µs',
      baselineName: 'growth fit',
      baseline: growth,
      target: '< 50,000 µs (50 ms)',
      ok: excel < 50_000,
    },
    {
      name: 'Monte Carlo 10,000 paths × 5 years, 1 class',
      value: mc,
      unit: 'ms',
      baselineName: '50,000 normal variates',
      baseline: draws,
    },
    {
      name: 'Monte Carlo 10,000 paths × 5 years, 7 classes',
      value: mc7,
      unit: 'ms',
      baselineName: '350,000 normal variates',
      baseline: draws7,
    },
  ]);
}

void main();
