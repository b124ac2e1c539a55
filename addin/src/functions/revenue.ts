/**
 * PLAN.SCENARIO_REVENUE and PLAN.REVENUE_RANGE over the core's revenue forecasts
 * (`forecastSeries`) and Monte Carlo (`createRevenueSimulation`), shared/src/revenue. Here:
 * reading the history (a column, a row, or years × amounts), the horizon (years ahead, or a
 * target year), a growth rate or a scenario of the workbook's `tblRevenueScenarios`, and
 * running the simulation in slices so that Excel stays responsive and can cancel it.
 */
import type { Row } from '#core';
import {
  REVENUE_CLASSES,
  REVENUE_MAX_HORIZON,
  REVENUE_MAX_SIMULATIONS,
  createRevenueSimulation,
  estimateRevenueVolatility,
  forecastSeries,
  matchKey,
  parseRevenueMethod,
  readEnum,
  readNumber,
  rialsToNumber,
  rowsOf,
} from '#core';
import type { Arg } from './args';
import {
  integerArg,
  isBlankArg,
  isLabel,
  numberArg,
  listOfGrid,
  numberGrid,
  rangeArg,
  withoutLabels,
} from './args';
import type { Out } from './result';
import { isFnError, notAvailable, valueError } from './result';
import type { PlanSource } from './workbook';
import { workbookPlan } from './workbook';

const NAMES = {
  history: { fa: 'سابقه درآمد', en: 'history' },
  horizon: { fa: 'افق', en: 'horizon' },
  growth: { fa: 'نرخ رشد', en: 'growth' },
  probability: { fa: 'احتمال', en: 'probability' },
  simulations: { fa: 'تعداد شبیه‌سازی', en: 'simulations' },
  seed: { fa: 'بذر', en: 'seed' },
};

/** A revenue series as given: values oldest first, and the year of the last one when known. */
export interface RevenueHistory {
  readonly values: number[];
  /** Year of the last value; null for a bare column or row of amounts. */
  readonly lastYear: number | null;
}

/** Years are whole numbers from 1000 on (Jalali 1405 or Gregorian 2026); smaller numbers are amounts. */
const isYear = (v: number | null | undefined): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 1000 && v <= 9999;

function fromPairs(pairs: Array<[number | null, number | null]>): Out<RevenueHistory> {
  // Rows selected past the data are blank in both cells.
  while (pairs.length > 0 && pairs.at(-1)![0] === null && pairs.at(-1)![1] === null) pairs.pop();
  const points: Array<[number, number]> = [];
  for (const [i, [year, amount]] of pairs.entries()) {
    if (!isYear(year))
      return valueError(
        `سابقه درآمد: سال ردیف ${i + 1} سال معتبری نیست`,
        `history: the year of row ${i + 1} is not a valid year`,
      );
    if (amount === null)
      return valueError(
        `سابقه درآمد: مبلغ سال ${year} خالی است`,
        `history: the amount of ${year} is empty`,
      );
    points.push([year, amount]);
  }
  points.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < points.length; i++)
    if (points[i]![0] !== points[i - 1]![0] + 1)
      return valueError(
        `سابقه درآمد: سال‌ها باید پشت سر هم باشند (پس از ${points[i - 1]![0]} سال ${points[i]![0]} آمده است)`,
        `history: the years must follow one another (${points[i]![0]} comes after ${points[i - 1]![0]})`,
      );
  if (points.length === 0) return valueError('سابقه درآمد خالی است', 'history is empty');
  return { values: points.map((p) => p[1]), lastYear: points.at(-1)![0] };
}

/**
 * The history argument: one column or one row of amounts, or years and amounts side by side
 * (two columns, or two rows), with or without a row or column of labels.
 */
export function historyArg(v: Arg): Out<RevenueHistory> {
  const rows = withoutLabels(rangeArg(v));
  const grid = numberGrid(rows, NAMES.history);
  if (isFnError(grid)) return grid;
  const height = grid.length;
  const width = grid[0]?.length ?? 0;
  if (height === 1 || width === 1) {
    const values = listOfGrid(grid, NAMES.history);
    if (isFnError(values)) return values;
    if (values.length === 0) return valueError('سابقه درآمد خالی است', 'history is empty');
    return { values, lastYear: null };
  }
  if (width === 2 && grid.every((r) => r[0] === null || isYear(r[0])))
    return fromPairs(grid.map((r) => [r[0] ?? null, r[1] ?? null]));
  if (height === 2 && (grid[0] ?? []).every((y) => y === null || isYear(y)))
    return fromPairs((grid[0] ?? []).map((y, i) => [y, grid[1]?.[i] ?? null]));
  return valueError(
    'سابقه درآمد باید یک ستون یا سطر از مبالغ، یا سال‌ها و مبالغ در کنار هم باشد',
    'history must be one column or row of amounts, or years and amounts side by side',
  );
}

/** How far to forecast: the number of years, and whether one year (a target year) was asked. */
export interface Horizon {
  readonly steps: number;
  /** The target year when one was given; its forecast is then a single value. */
  readonly year: number | null;
}

/** The horizon argument: years ahead (1 to 100), or a target year after the last year of history. */
export function horizonArg(v: Arg, history: RevenueHistory): Out<Horizon> {
  const n = numberArg(v, NAMES.horizon);
  if (isFnError(n)) return n;
  if (n < 1000) {
    const steps = integerArg(n, NAMES.horizon, 1, REVENUE_MAX_HORIZON);
    return isFnError(steps) ? steps : { steps, year: null };
  }
  if (!Number.isInteger(n))
    return valueError('افق: سال باید عدد صحیح باشد', 'horizon: a year must be whole');
  if (history.lastYear === null)
    return valueError(
      'افق: برای پیش‌بینی یک سال، سال‌ها را هم در کنار مبالغ سابقه بدهید',
      'horizon: to forecast a given year, give the years next to the amounts of the history',
    );
  const steps = n - history.lastYear;
  if (steps < 1 || steps > REVENUE_MAX_HORIZON)
    return valueError(
      `افق: سال ${n} باید از ۱ تا ${REVENUE_MAX_HORIZON} سال پس از آخرین سال سابقه (${history.lastYear}) باشد`,
      `horizon: ${n} must be 1 to ${REVENUE_MAX_HORIZON} years after the last year of history (${history.lastYear})`,
    );
  return { steps, year: n };
}

/** The assumptions a scenario row gives a forecast. */
interface Assumptions {
  method: string | undefined;
  growthRate: number | null;
  adjustment: number | null;
}

const sameAssumptions = (a: Row<'tblRevenueScenarios'>, b: Row<'tblRevenueScenarios'>) =>
  a.Method === b.Method && a.GrowthRate === b.GrowthRate && a.Adjustment === b.Adjustment;

/**
 * The assumptions of a scenario of `tblRevenueScenarios` (own rows, or the register's
 * reference rows): `name`, or `name:class` when the scenario differs by revenue class.
 */
export async function scenarioAssumptions(
  text: string,
  plan: PlanSource,
): Promise<Out<Assumptions>> {
  const colon = text.search(/[:؛]/);
  const name = (colon < 0 ? text : text.slice(0, colon)).trim();
  const classText = colon < 0 ? '' : text.slice(colon + 1).trim();
  let read;
  try {
    read = await plan();
  } catch (e) {
    return workbookUnreadable(e);
  }
  const rows = rowsOf(read.plan, 'tblRevenueScenarios').filter(
    (r) => matchKey(r.Scenario) === matchKey(name),
  );
  if (rows.length === 0)
    return notAvailable(
      `سناریوی «${name.slice(0, 40)}» در جدول سناریوهای درآمد (\u2066tblRevenueScenarios\u2069) نیست`,
      `no scenario "${name.slice(0, 40)}" in tblRevenueScenarios`,
    );
  let row = rows[0]!;
  if (classText !== '') {
    const cls = readEnum(classText, REVENUE_CLASSES);
    if (!cls.ok) return valueError(cls.problem.message.fa, cls.problem.message.en);
    const match = rows.find((r) => r.RevenueClass === cls.value);
    if (!match)
      return notAvailable(
        `سناریوی «${name.slice(0, 40)}» برای طبقه «${classText.slice(0, 40)}» ردیفی ندارد`,
        `scenario "${name.slice(0, 40)}" has no row for class "${classText.slice(0, 40)}"`,
      );
    row = match;
  } else if (!rows.every((r) => sameAssumptions(r, row))) {
    const classes = rows.map((r) => r.RevenueClass).join(', ');
    return valueError(
      `سناریوی «${name.slice(0, 40)}» برای هر طبقه درآمد فرض جدا دارد؛ طبقه را هم بنویسید، مانند «${name.slice(0, 40)}:${rows[0]!.RevenueClass}» (${classes})`,
      `scenario "${name.slice(0, 40)}" has different assumptions per revenue class; name the class too, e.g. "${name.slice(0, 40)}:${rows[0]!.RevenueClass}" (${classes})`,
    );
  }
  return {
    method: row.Method ?? undefined,
    growthRate: row.GrowthRate,
    adjustment: row.Adjustment,
  };
}

/** `#N/A` for a workbook that could not be read (Office not ready, a failed sync). */
export function workbookUnreadable(e: unknown): ReturnType<typeof notAvailable> {
  const detail = e instanceof Error ? e.message : String(e);
  return notAvailable(`کارپوشه خوانده نشد: ${detail}`, `the workbook could not be read: ${detail}`);
}

/**
 * `PLAN.SCENARIO_REVENUE`: the forecast of a revenue series, one row of years ahead (or one
 * value for a target year). `scenario_or_growth` is a growth rate (0.08 or 8%) for the
 * `growth` method, or the name of a scenario of the workbook whose Method, GrowthRate and
 * Adjustment are used; `method` (growth, trend, holt, damped, auto) overrides the scenario's.
 * Amounts are returned as computed, in the history's unit, not rounded.
 */
export async function scenarioRevenue(
  history: Arg,
  horizon: Arg,
  scenarioOrGrowth: Arg,
  method: Arg,
  plan: PlanSource = workbookPlan,
): Promise<Out<number[][]>> {
  const h = historyArg(history);
  if (isFnError(h)) return h;
  const steps = horizonArg(horizon, h);
  if (isFnError(steps)) return steps;
  const options: Assumptions = {
    method: isBlankArg(method) ? undefined : String(method),
    growthRate: null,
    adjustment: null,
  };
  if (!isBlankArg(scenarioOrGrowth)) {
    const asNumber =
      typeof scenarioOrGrowth === 'number' ? null : readNumber(String(scenarioOrGrowth));
    if (typeof scenarioOrGrowth === 'number' || (asNumber?.ok && asNumber.value !== null)) {
      const g = numberArg(scenarioOrGrowth, NAMES.growth);
      if (isFnError(g)) return g;
      const m = options.method === undefined ? 'growth' : parseRevenueMethod(options.method);
      if (m !== null && m !== 'growth')
        return valueError(
          'نرخ رشد فقط در روش \u2066growth\u2069 به کار می‌رود؛ روش را خالی بگذارید یا \u2066growth\u2069 بنویسید',
          'a growth rate is used by the growth method only; leave the method empty or write growth',
        );
      options.method = options.method ?? 'growth';
      options.growthRate = g;
    } else if (isLabel(scenarioOrGrowth)) {
      const s = await scenarioAssumptions(String(scenarioOrGrowth), plan);
      if (isFnError(s)) return s;
      options.method = options.method ?? s.method;
      options.growthRate = s.growthRate;
      options.adjustment = s.adjustment;
    } else return valueError('سناریو یا نرخ رشد معتبر نیست', 'not a scenario or a growth rate');
  }
  const f = forecastSeries(h.values, steps.steps, {
    ...(options.method !== undefined ? { method: options.method } : {}),
    growthRate: options.growthRate,
    adjustment: options.adjustment,
  });
  if (!f.ok) return valueError(f.message.fa, f.message.en);
  return steps.year !== null ? [[f.path[steps.steps - 1]!]] : [[...f.path]];
}

/** Paths simulated between two yields to Excel: about a millisecond for a 20-year horizon. */
export const SIMULATION_SLICE = 2_000;
/** Paths simulated when `simulations` is not given: P10/P90 then move by well under 1%. */
export const DEFAULT_SIMULATIONS = 10_000;
/** Seed used when none is given, so that a cell shows the same numbers on every recalculation. */
export const DEFAULT_SEED = 1;

/** Lets Excel (and other functions) run between two slices of a long calculation. */
const yieldToHost = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Whether Excel has given up on a call (a `@cancelable` function's invocation was cancelled). */
export interface Cancellation {
  readonly cancelled: boolean;
}

function probabilityArg(v: Arg): Out<number | null> {
  if (isBlankArg(v)) return null;
  let p: Out<number>;
  const text = typeof v === 'string' ? v.trim() : '';
  if (/^[pP]\s*\d{1,2}$/.test(text)) p = Number(text.slice(1)) / 100;
  else p = numberArg(v, NAMES.probability);
  if (isFnError(p)) return p;
  if (!(p > 0 && p < 1))
    return valueError(
      'احتمال باید بین ۰ و ۱ باشد، مانند ۰٫۹ یا \u2066P90\u2069',
      'probability must be between 0 and 1, e.g. 0.9 or P90',
    );
  return p;
}

/**
 * `PLAN.REVENUE_RANGE`: Monte Carlo of a revenue series around its automatic forecast, σ from
 * the history's log-growth. Without `probability`: three rows P10, P50, P90 by year; with it,
 * one row of that quantile. Whole units (the core rounds simulated amounts to whole Rials).
 */
export async function revenueRange(
  history: Arg,
  horizon: Arg,
  probability: Arg,
  simulations: Arg,
  seed: Arg,
  cancellation: Cancellation = { cancelled: false },
): Promise<Out<number[][]>> {
  const h = historyArg(history);
  if (isFnError(h)) return h;
  const steps = horizonArg(horizon, h);
  if (isFnError(steps)) return steps;
  const p = probabilityArg(probability);
  if (isFnError(p)) return p;
  const n = isBlankArg(simulations)
    ? DEFAULT_SIMULATIONS
    : integerArg(simulations, NAMES.simulations, 1, REVENUE_MAX_SIMULATIONS);
  if (isFnError(n)) return n;
  const s = isBlankArg(seed)
    ? DEFAULT_SEED
    : integerArg(seed, NAMES.seed, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  if (isFnError(s)) return s;

  const forecast = forecastSeries(h.values, steps.steps, { method: 'auto' });
  if (!forecast.ok) return valueError(forecast.message.fa, forecast.message.en);
  const volatility = estimateRevenueVolatility(h.values);
  if (!volatility.ok) return valueError(volatility.message.fa, volatility.message.en);
  // Without years the steps are numbered 1…H from an origin year 0.
  const lastYear = h.lastYear ?? 0;
  const years =
    steps.year !== null
      ? [steps.year]
      : Array.from({ length: steps.steps }, (_, i) => lastYear + i + 1);
  const created = createRevenueSimulation({
    series: [{ key: 'history', lastYear, path: forecast.path, sigma: volatility.sigma }],
    years,
    simulations: n,
    seed: s,
    ...(p !== null ? { quantiles: [p] } : {}),
  });
  if (!created.ok) return valueError(created.message.fa, created.message.en);
  const sim = created.simulation;
  while (sim.done < sim.total) {
    sim.run(SIMULATION_SLICE);
    if (sim.done < sim.total) await yieldToHost();
    if (cancellation.cancelled)
      return valueError('شبیه‌سازی لغو شد', 'the simulation was cancelled');
  }
  const result = sim.result();
  if (!result.ok) return valueError(result.message.fa, result.message.en);
  const series = result.series[0];
  if (!series) return valueError('نتیجه شبیه‌سازی خالی است', 'the simulation gave no result');
  const qCount = result.quantiles.length;
  return Array.from({ length: qCount }, (_, q) =>
    series.years.map((y) => rialsToNumber(y.quantiles[q]!.value)),
  );
}
