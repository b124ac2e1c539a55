/**
 * The money of the sample plan, made deterministically (seeded pure-rand):
 * ten years of revenue by class, revenue scenarios, and the yearly costs of
 * projects and activities, sized so that spending in every plan year stays
 * within the base scenario's revenue forecast.
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import type { RevenueClass } from '../contract/enums';
import { ACTIVITIES, PROJECTS } from './content';

/** Seed of the sample's generator: any fixed number gives a fixed plan. */
export const SAMPLE_SEED = 1405;
/** The plan years of the sample. */
export const SAMPLE_PLAN_YEARS: readonly number[] = [1405, 1406, 1407, 1408, 1409];
/** The years of revenue history: ten actual years up to the base year 1404. */
export const SAMPLE_HISTORY_YEARS: readonly number[] = [
  1395, 1396, 1397, 1398, 1399, 1400, 1401, 1402, 1403, 1404,
];

/**
 * Revenue of 1404 by class, in Rials: 5.0 × 10^13 in all (50,000 billion
 * Rials), the order of the 1404 budget of an Iranian city of about 500,000.
 * The split follows the usual shape of such budgets: duties on building and
 * business first, then asset sales and borrowing, fees and grants.
 */
export const REVENUE_1404: ReadonlyArray<readonly [RevenueClass, number]> = [
  ['general-duties', 25.0e12],
  ['dedicated-duties', 4.0e12],
  ['service-fees', 5.0e12],
  ['asset-returns', 3.0e12],
  ['government-grants', 3.0e12],
  ['donations', 1.0e12],
  ['other-resources', 9.0e12],
];

/**
 * Nominal growth of municipal revenue into each year, close to Iran's
 * consumer price inflation of the year before (Statistical Centre of Iran:
 * about 9–10% for 1395–1396, 30–46% for 1397–1404), rounded.
 */
const HISTORY_GROWTH: Readonly<Record<number, number>> = {
  1396: 0.14,
  1397: 0.22,
  1398: 0.33,
  1399: 0.38,
  1400: 0.42,
  1401: 0.4,
  1402: 0.37,
  1403: 0.33,
  1404: 0.35,
};

/** Base-scenario growth by class; the other scenarios move it (see `SCENARIOS`). */
const BASE_GROWTH: Readonly<Record<RevenueClass, number>> = {
  'general-duties': 0.3,
  'dedicated-duties': 0.28,
  'service-fees': 0.3,
  'asset-returns': 0.32,
  'government-grants': 0.2,
  donations: 0.15,
  'other-resources': 0.25,
};

/** Yearly volatility (σ of log growth) assumed for Monte Carlo; grants and asset sales are lumpier. */
const VOLATILITY: Readonly<Record<RevenueClass, number>> = {
  'general-duties': 0.08,
  'dedicated-duties': 0.08,
  'service-fees': 0.06,
  'asset-returns': 0.1,
  'government-grants': 0.15,
  donations: 0.2,
  'other-resources': 0.18,
};

/** The scenarios: name, shift of the base growth rate, adjustment of the path. */
export const SCENARIOS: ReadonlyArray<readonly [string, number, number]> = [
  ['pessimistic', -0.1, 0.95],
  ['base', 0, 1],
  ['optimistic', 0.06, 1.02],
];

/** Share of the base revenue forecast planned for capital projects each year (at most). */
const CAPITAL_SHARE = 0.32;
/** Share of the base revenue forecast planned for current spending (activities and opex). */
const CURRENT_SHARE = 0.56;
/** Cost growth of a project from one year to the next (prices, at the base growth of duties). */
const COST_INFLATION = 1.3;
/** How a project's cost is spread over the years it runs. */
const SPREAD: Readonly<Record<number, readonly number[]>> = {
  1: [1],
  2: [0.45, 0.55],
  3: [0.3, 0.35, 0.35],
};

const MILLION = 1_000_000;

/** Rounds a positive amount down to whole millions of Rials, as budgets are written. */
export function floorMillions(rials: number): bigint {
  return BigInt(Math.floor(rials / MILLION)) * BigInt(MILLION);
}

/** One revenue actual. */
export interface HistoryPoint {
  readonly revenueClass: RevenueClass;
  readonly year: number;
  readonly amount: bigint;
}

/** One scenario assumption. */
export interface ScenarioRow {
  readonly scenario: string;
  readonly revenueClass: RevenueClass;
  readonly growthRate: number;
  readonly adjustment: number;
  readonly volatility: number;
}

/** All the money of the sample. */
export interface SampleAmounts {
  readonly history: readonly HistoryPoint[];
  readonly scenarios: readonly ScenarioRow[];
  /** Base-scenario revenue forecast of each plan year, all classes. */
  readonly baseForecast: ReadonlyMap<number, bigint>;
  /** Cost of each project by plan year (0 outside its years). */
  readonly projectCosts: ReadonlyMap<string, ReadonlyMap<number, bigint>>;
  /** Yearly operating cost of each project once done. */
  readonly projectOpex: ReadonlyMap<string, bigint>;
  /** Cost of each activity by plan year. */
  readonly activityCosts: ReadonlyMap<string, ReadonlyMap<number, bigint>>;
  /** A generator for the rest of the sample (actuals), after the amounts drew theirs. */
  readonly rng: RandomGenerator;
}

/** A uniform draw in [from, to] thousandths, as a fraction. */
export function perMille(rng: RandomGenerator, from: number, to: number): number {
  return uniformInt(rng, from, to) / 1000;
}

function makeHistory(rng: RandomGenerator): HistoryPoint[] {
  const out: HistoryPoint[] = [];
  for (const [revenueClass, last] of REVENUE_1404) {
    // Back from 1404: each earlier year is the later one divided by that year's growth,
    // with a class's own deviation (±6 points; ±15 for grants, donations and asset sales).
    const lumpy = ['government-grants', 'donations', 'other-resources'].includes(revenueClass);
    const spread = lumpy ? 150 : 60;
    const values = new Map<number, number>([[1404, last]]);
    for (let year = 1404; year > 1395; year--) {
      const g = (HISTORY_GROWTH[year] ?? 0.3) + perMille(rng, -spread, spread);
      values.set(year - 1, (values.get(year) ?? last) / (1 + g));
    }
    for (const year of SAMPLE_HISTORY_YEARS)
      out.push({ revenueClass, year, amount: floorMillions(values.get(year) ?? 0) });
  }
  return out;
}

function makeScenarios(): ScenarioRow[] {
  const out: ScenarioRow[] = [];
  for (const [scenario, shift, adjustment] of SCENARIOS)
    for (const [revenueClass] of REVENUE_1404)
      out.push({
        scenario,
        revenueClass,
        // Rounded to a tenth of a percent, as people type rates.
        growthRate: Math.round((BASE_GROWTH[revenueClass] + shift) * 1000) / 1000,
        adjustment,
        volatility: VOLATILITY[revenueClass],
      });
  return out;
}

/**
 * The base forecast by the contract's `growth` method: `y_T · (1 + g)^h`
 * times the scenario's adjustment, y_T the 1404 actual of the class.
 */
function baseForecastOf(history: readonly HistoryPoint[]): Map<number, bigint> {
  const out = new Map<number, bigint>();
  SAMPLE_PLAN_YEARS.forEach((year, i) => {
    let total = 0;
    for (const [revenueClass] of REVENUE_1404) {
      const last = history.find((h) => h.revenueClass === revenueClass && h.year === 1404);
      total += Number(last?.amount ?? 0n) * (1 + BASE_GROWTH[revenueClass]) ** (i + 1);
    }
    out.set(year, floorMillions(total));
  });
  return out;
}

/** Builds the sample's amounts. */
export function sampleAmounts(seed: number = SAMPLE_SEED): SampleAmounts {
  const rng = xoroshiro128plus(seed);
  const history = makeHistory(rng);
  const scenarios = makeScenarios();
  const baseForecast = baseForecastOf(history);
  const revenue = (year: number) => Number(baseForecast.get(year) ?? 0n);

  // Projects: sizes at 1405 prices, spread over their years and inflated, then scaled
  // by one factor so that the busiest year fills the capital share exactly.
  const raw = new Map<string, Map<number, number>>();
  const rawByYear = new Map<number, number>(SAMPLE_PLAN_YEARS.map((y) => [y, 0]));
  for (const [id, , , , , start, years, size] of PROJECTS) {
    const spread = SPREAD[years] ?? [1];
    const costs = new Map<number, number>();
    spread.forEach((share, k) => {
      const year = start + k;
      const nominal = size * 1e9 * share * COST_INFLATION ** (year - 1405);
      costs.set(year, nominal);
      rawByYear.set(year, (rawByYear.get(year) ?? 0) + nominal);
    });
    raw.set(id, costs);
  }
  const factor = Math.min(
    ...SAMPLE_PLAN_YEARS.map((y) => (CAPITAL_SHARE * revenue(y)) / (rawByYear.get(y) || 1)),
  );
  const projectCosts = new Map<string, Map<number, bigint>>();
  const projectOpex = new Map<string, bigint>();
  for (const [id, , , , , , , , , , , , opexPerMille] of PROJECTS) {
    const costs = new Map<number, bigint>();
    let total = 0n;
    for (const year of SAMPLE_PLAN_YEARS) {
      const cost = floorMillions((raw.get(id)?.get(year) ?? 0) * factor);
      costs.set(year, cost);
      total += cost;
    }
    projectCosts.set(id, costs);
    projectOpex.set(id, floorMillions((Number(total) * opexPerMille) / 1000));
  }

  // Operating cost of finished projects in each year (Spending, plan-workbook.md).
  const opex = new Map<number, number>();
  for (const year of SAMPLE_PLAN_YEARS) {
    let sum = 0;
    for (const [id, , , , , start, years] of PROJECTS)
      if (start + years - 1 < year) sum += Number(projectOpex.get(id) ?? 0n);
    opex.set(year, sum);
  }

  // Activities: the current share less opex, split by relative size, each a little under
  // its share (0–3%) so that the years differ as real budgets do.
  const weight = ACTIVITIES.reduce((s, a) => s + a[5], 0);
  const activityCosts = new Map<string, Map<number, bigint>>();
  for (const [id, , , , , size] of ACTIVITIES) {
    const costs = new Map<number, bigint>();
    for (const year of SAMPLE_PLAN_YEARS) {
      const pool = CURRENT_SHARE * revenue(year) - (opex.get(year) ?? 0);
      costs.set(year, floorMillions((pool * size * perMille(rng, 970, 1000)) / weight));
    }
    activityCosts.set(id, costs);
  }
  return { history, scenarios, baseForecast, projectCosts, projectOpex, activityCosts, rng };
}
