/**
 * Monte Carlo of revenue (contract "Calculations", Monte Carlo): yearly
 * log-growth drawn from a normal distribution whose mean follows the point
 * forecast and whose σ is the scenario's `Volatility` or estimated from the
 * history; quantiles per year from the simulated paths; a seed reproduces the
 * numbers.
 *
 * The model of one series, with point forecast F_1…F_H and F_0 = y_T:
 *   ln X_h = ln X_{h−1} + μ_h + σ·ε_h,  μ_h = ln(F_h / F_{h−1}),  ε_h ~ N(0, 1) i.i.d.
 * Summing, ln X_h = ln F_h + σ·(ε_1 + … + ε_h), which is how it is computed
 * (X_h = F_h·exp(σ·S_h)): the same numbers, no drift of round-off through the
 * logs, and σ = 0 gives exactly F_h. Since S_h is symmetric about 0, the median
 * of X_h is F_h: the point forecast is the P50 of the simulation (its mean is
 * F_h·exp(hσ²/2), higher).
 *
 * Random numbers: pure-rand's xoroshiro128+ seeded with `seed`; each series
 * draws from its own stream (the seeded generator jumped 2^64 steps once per
 * series index), so a series' numbers do not change when another is added;
 * standard normals by the Box–Muller transform (Box & Muller 1958, Ann. Math.
 * Statist. 29(2):610–611), both variates of each pair used in turn.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';
import type { Rials } from '../money';
import { roundToRials } from '../money';
import type { RevenueFailure } from './failure';
import { revenueFailure } from './failure';

/** Most simulated paths per run: 100,000 paths × 7 classes × 5 years of doubles is ≈ 30 MB. */
export const REVENUE_MAX_SIMULATIONS = 100_000;

/** Largest σ accepted: a yearly log-growth s.d. of 2 (×7.4 or ÷7.4 in one year at 1σ) is already beyond any revenue. */
export const REVENUE_MAX_SIGMA = 2;

/** Quantiles reported when none are asked for: P10, P50, P90. */
export const DEFAULT_REVENUE_QUANTILES: readonly number[] = [0.1, 0.5, 0.9];

/** Simulated paths between two calls of `shouldStop` when none is given. */
export const DEFAULT_CHECK_EVERY = 1_000;

/** One series to simulate (a revenue class). */
export interface SimulationSeries {
  /** Name of the series in the result, e.g. the revenue class. */
  readonly key: string;
  /** The year of y_T, the last actual value. */
  readonly lastYear: number;
  /** Point forecast F_1…F_H for the years lastYear+1…lastYear+H (adjustment included). */
  readonly path: readonly number[];
  /** σ of the yearly log-growth (≥ 0). */
  readonly sigma: number;
  /** Actual amounts of years up to lastYear, used as they are when a reported year is not in the future. */
  readonly actuals?: ReadonlyMap<number, number>;
}

/** What to simulate. */
export interface RevenueSimulationInput {
  readonly series: readonly SimulationSeries[];
  /** Years to report (e.g. the plan years). */
  readonly years: readonly number[];
  /** Number of paths, 1 … REVENUE_MAX_SIMULATIONS. */
  readonly simulations: number;
  /** Seed (a safe integer; its low 32 bits seed the generator). */
  readonly seed: number;
  /** Quantiles in [0, 1] to report; default P10, P50, P90. */
  readonly quantiles?: readonly number[];
  /** Planned spending per year; gives the probability that total revenue falls short of it. */
  readonly spending?: ReadonlyMap<number, bigint>;
}

/** One quantile of a simulated year. */
export interface RevenueQuantile {
  /** p in [0, 1], e.g. 0.1 for P10. */
  readonly p: number;
  readonly value: Rials;
}

/** Statistics of one simulated year. */
export interface SimulatedYear {
  readonly year: number;
  /** The point forecast (rounded F_h, or the actual). */
  readonly point: Rials;
  /** Mean over the paths. */
  readonly mean: Rials;
  /** The asked quantiles, in the order asked (R's and NumPy's default "type 7": linear between order statistics). */
  readonly quantiles: readonly RevenueQuantile[];
}

/** A simulated year of the total, with the shortfall against spending. */
export interface SimulatedTotalYear extends SimulatedYear {
  /** Planned spending of the year, when given. */
  readonly spending: Rials | null;
  /** Share of paths whose total revenue is below the spending; null without spending. */
  readonly shortfallProbability: number | null;
}

/** Statistics of one simulated series. */
export interface SimulatedSeries {
  readonly key: string;
  readonly sigma: number;
  readonly years: readonly SimulatedYear[];
}

/** A finished (or stopped-and-summarised) simulation. */
export interface RevenueSimulationSuccess {
  readonly ok: true;
  /** Paths the statistics are computed from. */
  readonly simulations: number;
  readonly seed: number;
  readonly quantiles: readonly number[];
  readonly series: readonly SimulatedSeries[];
  /**
   * The total of all series per path. Series are drawn independently of each
   * other (no correlation between revenue classes) and summed path by path;
   * correlated classes would widen the total's spread, so with positively
   * correlated classes the P10–P90 band of the total is too narrow.
   */
  readonly total: { readonly years: readonly SimulatedTotalYear[] };
}

/** Result of a simulation. */
export type RevenueSimulationResult = RevenueSimulationSuccess | RevenueFailure;

/** A simulation run in chunks, so that a caller can yield between them and be cancelled. */
export interface RevenueSimulation {
  /** Paths asked for. */
  readonly total: number;
  /** Paths simulated so far. */
  readonly done: number;
  /** Simulates up to `maxPaths` more paths; returns how many are done. */
  run(maxPaths: number): number;
  /**
   * Statistics of the paths simulated so far (all of them once `done === total`).
   * The numbers do not depend on the chunk sizes used.
   */
  result(): RevenueSimulationResult;
}

function badOption(fa: string, en: string): RevenueFailure {
  return revenueFailure('REVENUE_BAD_OPTION', fa, en);
}

/** Linear interpolation between order statistics (Hyndman & Fan 1996, type 7) of a sorted array. */
export function quantileOfSorted(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (h - lo) * (b - a);
}

interface Prepared {
  key: string;
  sigma: number;
  rng: JumpableRandomGenerator;
  spare: number | null;
  /** Per reported year: the step h (≥ 1), or 0 when the actual is used. */
  steps: number[];
  /** Per reported year: F_h or the actual. */
  points: number[];
  maxStep: number;
  values: Float64Array[];
}

function normal(s: Prepared): number {
  if (s.spare !== null) {
    const z = s.spare;
    s.spare = null;
    return z;
  }
  // u1 in (0, 1] so that the logarithm is finite.
  const u1 = 1 - uniformFloat64(s.rng);
  const u2 = uniformFloat64(s.rng);
  const r = Math.sqrt(-2 * Math.log(u1));
  const theta = 2 * Math.PI * u2;
  s.spare = r * Math.sin(theta);
  return r * Math.cos(theta);
}

/**
 * Checks the input and prepares a simulation to run in chunks. Failures:
 * simulations, seed, quantiles or σ out of range (`REVENUE_BAD_OPTION`), a
 * year not covered by a series' path or actuals, a point forecast that is not
 * positive (`REVENUE_PATH_NOT_POSITIVE`).
 */
export function createRevenueSimulation(
  input: RevenueSimulationInput,
): { ok: true; simulation: RevenueSimulation } | RevenueFailure {
  const n = input.simulations;
  if (!Number.isInteger(n) || n < 1 || n > REVENUE_MAX_SIMULATIONS)
    return badOption(
      `تعداد شبیه‌سازی باید عددی صحیح از ۱ تا ${REVENUE_MAX_SIMULATIONS} باشد`,
      `the number of simulations must be a whole number from 1 to ${REVENUE_MAX_SIMULATIONS}`,
    );
  if (!Number.isSafeInteger(input.seed))
    return badOption(
      'بذر (\u2066seed\u2069) باید عددی صحیح باشد',
      'the seed must be a whole number',
    );
  const qs = input.quantiles ?? DEFAULT_REVENUE_QUANTILES;
  if (qs.length > 99 || qs.some((q) => !(q >= 0 && q <= 1)))
    return badOption(
      'چندک‌ها باید عددهایی بین ۰ و ۱ باشند (حداکثر ۹۹ چندک)',
      'quantiles must be numbers from 0 to 1 (at most 99 of them)',
    );
  if (input.years.length === 0 || input.years.some((y) => !Number.isInteger(y)))
    return badOption('سال‌های گزارش داده نشده است', 'no valid years to report were given');
  if (input.series.length === 0)
    return badOption(
      'هیچ سری درآمدی برای شبیه‌سازی نیست',
      'there is no revenue series to simulate',
    );

  const prepared: Prepared[] = [];
  const base = xoroshiro128plus(input.seed);
  for (const s of input.series) {
    if (!(s.sigma >= 0 && s.sigma <= REVENUE_MAX_SIGMA))
      return badOption(
        `نوسان (σ) «${s.key}» باید عددی از ۰ تا ${REVENUE_MAX_SIGMA} باشد`,
        `the volatility (σ) of "${s.key}" must be a number from 0 to ${REVENUE_MAX_SIGMA}`,
      );
    const steps: number[] = [];
    const points: number[] = [];
    for (const year of input.years) {
      const h = year - s.lastYear;
      if (h <= 0) {
        const actual = s.actuals?.get(year);
        if (actual === undefined || !Number.isFinite(actual))
          return badOption(
            `سال ${year} برای «${s.key}» نه پیش‌بینی دارد نه مقدار واقعی`,
            `year ${year} of "${s.key}" has neither a forecast nor an actual amount`,
          );
        steps.push(0);
        points.push(actual);
        continue;
      }
      const f = s.path[h - 1];
      if (f === undefined)
        return badOption(
          `پیش‌بینی «${s.key}» به سال ${year} نمی‌رسد`,
          `the forecast of "${s.key}" does not reach year ${year}`,
        );
      if (!(f > 0) || !Number.isFinite(f))
        return revenueFailure(
          'REVENUE_PATH_NOT_POSITIVE',
          `پیش‌بینی «${s.key}» در سال ${year} مثبت نیست؛ رشد لگاریتمی آن تعریف نمی‌شود`,
          `the forecast of "${s.key}" in ${year} is not positive, so its log-growth is undefined`,
        );
      steps.push(h);
      points.push(f);
    }
    prepared.push({
      key: s.key,
      sigma: s.sigma,
      rng: base.clone(),
      spare: null,
      steps,
      points,
      maxStep: Math.max(0, ...steps),
      values: input.years.map(() => new Float64Array(n)),
    });
    base.jump();
  }
  const totals = input.years.map(() => new Float64Array(n));
  let done = 0;
  // Which reported year each step fills, per series (steps are distinct per year).
  const slotOfStep = prepared.map((s) => {
    const slots = new Array<number[]>(s.maxStep + 1);
    s.steps.forEach((h, yi) => {
      if (h > 0) (slots[h] ??= []).push(yi);
    });
    return slots;
  });

  const simulation: RevenueSimulation = {
    total: n,
    get done() {
      return done;
    },
    run(maxPaths: number): number {
      const end = Math.min(n, done + Math.max(0, Math.floor(maxPaths)));
      for (let p = done; p < end; p++) {
        prepared.forEach((s, si) => {
          const slots = slotOfStep[si] as number[][];
          s.steps.forEach((h, yi) => {
            if (h === 0) (s.values[yi] as Float64Array)[p] = s.points[yi] as number;
          });
          let sum = 0;
          for (let h = 1; h <= s.maxStep; h++) {
            sum += normal(s);
            const ys = slots[h];
            if (ys)
              for (const yi of ys)
                (s.values[yi] as Float64Array)[p] =
                  (s.points[yi] as number) * Math.exp(s.sigma * sum);
          }
          s.values.forEach((v, yi) => {
            const t = totals[yi] as Float64Array;
            t[p] = (t[p] as number) + (v[p] as number);
          });
        });
      }
      done = end;
      return done;
    },
    result(): RevenueSimulationResult {
      if (done === 0)
        return revenueFailure(
          'REVENUE_CANCELLED',
          'هیچ مسیری شبیه‌سازی نشد',
          'no path was simulated',
        );
      const stats = (values: Float64Array, point: Rials, year: number): SimulatedYear => {
        const sorted = values.slice(0, done).sort();
        let mean = 0;
        for (const v of sorted) mean += v / done;
        return {
          year,
          point,
          mean: roundToRials(mean),
          quantiles: qs.map((p) => ({ p, value: roundToRials(quantileOfSorted(sorted, p)) })),
        };
      };
      const series = prepared.map((s) => ({
        key: s.key,
        sigma: s.sigma,
        years: input.years.map((year, yi) =>
          stats(s.values[yi] as Float64Array, roundToRials(s.points[yi] as number), year),
        ),
      }));
      const totalYears = input.years.map((year, yi): SimulatedTotalYear => {
        let point = 0n;
        for (const s of series) point += (s.years[yi] as SimulatedYear).point;
        const values = totals[yi] as Float64Array;
        const spending = input.spending?.get(year) ?? null;
        let shortfall: number | null = null;
        if (spending !== null) {
          // Compared as doubles: a path total is a float statistic, and
          // Number(spending) is exact to 1 part in 2^53 (a Rial in 10^16).
          const limit = Number(spending);
          let below = 0;
          for (let p = 0; p < done; p++) if ((values[p] as number) < limit) below++;
          shortfall = below / done;
        }
        return { ...stats(values, point, year), spending, shortfallProbability: shortfall };
      });
      return {
        ok: true,
        simulations: done,
        seed: input.seed,
        quantiles: [...qs],
        series,
        total: { years: totalYears },
      };
    },
  };
  return { ok: true, simulation };
}

/** Options of `simulateRevenue` for long runs. */
export interface SimulationControl {
  /** Asked every `checkEvery` paths; returning true stops the run with `REVENUE_CANCELLED`. */
  shouldStop?: () => boolean;
  /** Paths between two calls of `shouldStop`; default 1,000. */
  checkEvery?: number;
}

/**
 * Runs a whole simulation at once (see `createRevenueSimulation` for the
 * model and the failures). A synchronous caller that must stay cancellable
 * (an Excel custom function) should rather drive `createRevenueSimulation` in
 * chunks and yield to its event loop between them, since `shouldStop` can only
 * see a flag that something else had the chance to set.
 */
export function simulateRevenue(
  input: RevenueSimulationInput,
  control: SimulationControl = {},
): RevenueSimulationResult {
  const created = createRevenueSimulation(input);
  if (!created.ok) return created;
  const sim = created.simulation;
  const every = Math.max(1, Math.floor(control.checkEvery ?? DEFAULT_CHECK_EVERY));
  while (sim.done < sim.total) {
    if (control.shouldStop?.())
      return revenueFailure(
        'REVENUE_CANCELLED',
        'شبیه‌سازی متوقف شد',
        'the simulation was stopped',
      );
    sim.run(every);
  }
  return sim.result();
}

/** Yearly log-growth volatility estimated from a history. */
export interface VolatilityEstimate {
  readonly ok: true;
  /** σ: sample standard deviation of the yearly log-growth. */
  readonly sigma: number;
  /** Number of yearly growth rates used (T − 1). */
  readonly growths: number;
}

/**
 * σ of the history's yearly log-growth: r_t = ln(y_t / y_{t−1}), t = 2…T, and
 * σ = sqrt(Σ (r_t − r̄)² / (T − 2)), the sample standard deviation (divisor
 * n − 1 with n = T − 1 growth rates). The r_t − r̄ are the residuals of a random
 * walk with drift on ln y, the model the Monte Carlo draws from. Needs T ≥ 3
 * and every value positive.
 */
export function estimateRevenueVolatility(
  values: readonly number[],
): VolatilityEstimate | RevenueFailure {
  if (values.some((v) => !Number.isFinite(v)))
    return revenueFailure(
      'REVENUE_NOT_FINITE',
      'سابقه درآمد مقدار نامعتبر دارد',
      'the revenue history has a value that is not a finite number',
    );
  if (values.length < 3)
    return revenueFailure(
      'REVENUE_NO_VOLATILITY',
      'برای برآورد نوسان دست‌کم ۳ سال سابقه لازم است؛ نوسان را در ستون \u2066Volatility\u2069 بدهید',
      'estimating the volatility needs at least 3 years of history; give it in the Volatility column',
    );
  if (values.some((v) => !(v > 0)))
    return revenueFailure(
      'REVENUE_NOT_POSITIVE',
      'برای برآورد نوسان همه مقادیر سابقه باید مثبت باشند؛ نوسان را در ستون \u2066Volatility\u2069 بدهید',
      'estimating the volatility needs every history value positive; give it in the Volatility column',
    );
  const r: number[] = [];
  for (let t = 1; t < values.length; t++)
    r.push(Math.log((values[t] as number) / (values[t - 1] as number)));
  const mean = r.reduce((a, b) => a + b, 0) / r.length;
  const ss = r.reduce((a, b) => a + (b - mean) ** 2, 0);
  return { ok: true, sigma: Math.sqrt(ss / (r.length - 1)), growths: r.length };
}
