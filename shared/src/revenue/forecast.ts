/**
 * Forecasting one yearly series: a named method, or `auto`, which picks the
 * method with the least error on the last years held out and refits it on the
 * whole series. `forecastSeries` is plan-free: the Excel function
 * `PLAN.SCENARIO_REVENUE(history, horizon, scenario_or_growth, method)` and the
 * plan-level scenarios both call it.
 */
import { REVENUE_METHODS } from '../contract/enums';
import type { RevenueMethod } from '../contract/enums';
import { readEnum } from '../read/cells';
import type { RevenueFailure } from './failure';
import { revenueFailure } from './failure';
import type { FitSuccess, FittedMethod, RevenueFit } from './fit';
import {
  REVENUE_FITTED_METHODS,
  REVENUE_MAX_HORIZON,
  checkSeries,
  fitGrowth,
  fitHolt,
  fitTrend,
  projectRevenueFit,
} from './fit';

/** Fits one named method; `growthRate` is used by `growth` only (null: the CAGR). */
export function fitRevenueMethod(
  values: readonly number[],
  method: FittedMethod,
  growthRate: number | null = null,
): FitSuccess | RevenueFailure {
  switch (method) {
    case 'growth':
      return fitGrowth(values, growthRate);
    case 'trend':
      return fitTrend(values);
    case 'holt':
      return fitHolt(values, false);
    case 'damped':
      return fitHolt(values, true);
  }
}

/**
 * How many final years `auto` holds out: 3 when T ≥ 8, 2 when 5 ≤ T ≤ 7, 1 when
 * T is 3 or 4, none for T = 2. Three years cover most of a five-year plan's
 * horizon while leaving at least five training years for the damped trend;
 * Williams & Kavanagh (2016) held out the last 2 years of annual local revenue
 * series for the same purpose.
 */
export function revenueHoldout(n: number): number {
  if (n >= 8) return 3;
  if (n >= 5) return 2;
  if (n >= 3) return 1;
  return 0;
}

/** What `auto` measured and chose. */
export interface AutoSelection {
  /** Number of final years held out (k). */
  readonly holdout: number;
  /** The error measure: mean absolute error of the 1…k-step forecasts from the training end. */
  readonly measure: 'MAE';
  /** Held-out MAE of each method; null when it could not be fitted on the training years. */
  readonly errors: Readonly<Record<FittedMethod, number | null>>;
  /** The method chosen (then refitted on the whole series). */
  readonly chosen: FittedMethod;
}

/** A successful `auto` fit. */
export interface AutoFitSuccess {
  readonly ok: true;
  readonly fit: RevenueFit;
  readonly selection: AutoSelection;
}

// Two errors closer than this share of the series' mean magnitude are a tie
// (round-off of exact fits is ~1e-15 of the data; 1e-9 is far above it).
const TIE_TOLERANCE = 1e-9;

/**
 * `auto`: fits growth (CAGR), trend, damped and holt on the series without its
 * last k years (`revenueHoldout`), forecasts those k years, and chooses the
 * method with the least MAE; ties go to the simpler method (order:
 * growth, trend, damped, holt). The winner is refitted on the whole series.
 * With T = 2 nothing can be held out: growth (CAGR) when both values are
 * positive, else trend.
 *
 * Why this way: selecting among simple extrapolation methods by their
 * out-of-sample error on the most recent years is the training/test-set
 * evaluation of Hyndman & Athanasopoulos, Forecasting: Principles and Practice,
 * 3rd ed. (FPP3), §5.8, a single-origin case of the time-series
 * cross-validation of §5.10. On annual local-government revenue, Williams &
 * Kavanagh (2016, "Local government revenue forecasting methods: competition
 * and comparison", J. Public Budgeting, Accounting & Financial Management
 * 28(4):488–526) found damped-trend and simple methods among the most accurate
 * and naive methods hard to beat, and the M3 competition (Makridakis & Hibon
 * 2000, Int. J. Forecasting 16(4):451–476) found simple methods and the damped
 * trend (Gardner & McKenzie 1985) as accurate as complex ones: hence the small
 * candidate set and the tie-break towards simplicity. MAE rather than RMSE
 * because one unusual year in a 2–3-year hold-out should not decide alone.
 */
export function selectRevenueMethod(values: readonly number[]): AutoFitSuccess | RevenueFailure {
  const problem = checkSeries(values, 2, 'auto');
  if (problem) return problem;
  const n = values.length;
  const k = revenueHoldout(n);
  const errors: Record<FittedMethod, number | null> = {
    growth: null,
    trend: null,
    damped: null,
    holt: null,
  };
  let chosen: FittedMethod;
  if (k === 0) {
    chosen = values.every((v) => v > 0) ? 'growth' : 'trend';
  } else {
    const train = values.slice(0, n - k);
    const test = values.slice(n - k);
    for (const method of REVENUE_FITTED_METHODS) {
      const f = fitRevenueMethod(train, method);
      if (!f.ok) continue;
      const path = projectRevenueFit(f.fit, k);
      let mae = 0;
      test.forEach((y, i) => (mae += Math.abs(y - (path[i] as number)) / k));
      errors[method] = Number.isFinite(mae) ? mae : null;
    }
    let scale = 0;
    for (const v of values) scale += Math.abs(v) / n;
    const least = Math.min(
      ...REVENUE_FITTED_METHODS.map((m) => errors[m] ?? Number.POSITIVE_INFINITY),
    );
    chosen =
      REVENUE_FITTED_METHODS.find(
        (m) => errors[m] !== null && (errors[m] as number) <= least + TIE_TOLERANCE * scale,
      ) ?? 'trend';
  }
  const refit = fitRevenueMethod(values, chosen);
  if (!refit.ok) return refit;
  return { ok: true, fit: refit.fit, selection: { holdout: k, measure: 'MAE', errors, chosen } };
}

/**
 * Reads a method name: the English value (`growth`, `trend`, `holt`,
 * `damped`, `auto`) or its Persian or English caption, in any case; null when
 * unknown.
 */
export function parseRevenueMethod(text: string): RevenueMethod | null {
  const r = readEnum(text, REVENUE_METHODS);
  return r.ok && r.value !== null ? (r.value as RevenueMethod) : null;
}

/** Options of `forecastSeries`. */
export interface SeriesForecastOptions {
  /** Method name or caption (see `parseRevenueMethod`); default `auto`. */
  method?: RevenueMethod | string;
  /** g for `growth` (0.1 is 10 %); null or absent: the CAGR. Ignored by other methods. */
  growthRate?: number | null;
  /** Multiplier on the forecast path (a scenario's `Adjustment`); default 1. */
  adjustment?: number | null;
}

/** A forecast of one series. */
export interface SeriesForecast {
  readonly ok: true;
  /** The method asked for. */
  readonly requested: RevenueMethod;
  /** The method fitted (the one `auto` chose, or the one asked for). */
  readonly method: FittedMethod;
  readonly fit: RevenueFit;
  /** What `auto` measured; null for a named method. */
  readonly selection: AutoSelection | null;
  readonly adjustment: number;
  /** The forecast F_1…F_H of the method, before the adjustment. */
  readonly unadjusted: readonly number[];
  /** The forecast path for h = 1…H: adjustment × F_h. */
  readonly path: readonly number[];
}

/**
 * Forecasts a yearly series `values` (oldest first) `horizon` years ahead.
 * Failures (too few values, NaN, non-positive values where the CAGR needs
 * positive ones, a bad horizon, method, rate or adjustment) come back as
 * `{ ok: false, code, message: { fa, en } }`.
 */
export function forecastSeries(
  values: readonly number[],
  horizon: number,
  options: SeriesForecastOptions = {},
): SeriesForecast | RevenueFailure {
  if (!Number.isInteger(horizon) || horizon < 0 || horizon > REVENUE_MAX_HORIZON)
    return revenueFailure(
      'REVENUE_BAD_HORIZON',
      `افق پیش‌بینی باید عددی صحیح از ۰ تا ${REVENUE_MAX_HORIZON} سال باشد`,
      `the horizon must be a whole number of years from 0 to ${REVENUE_MAX_HORIZON}`,
    );
  const requested = parseRevenueMethod(options.method ?? 'auto');
  if (requested === null)
    return revenueFailure(
      'REVENUE_BAD_METHOD',
      `روش «${String(options.method).slice(0, 40)}» شناخته نیست؛ یکی از: رشد، روند، هولت، میرا، خودکار`,
      `unknown method "${String(options.method).slice(0, 40)}"; one of: growth, trend, holt, damped, auto`,
    );
  const adjustment = options.adjustment ?? 1;
  if (!Number.isFinite(adjustment) || adjustment < 0)
    return revenueFailure(
      'REVENUE_BAD_ADJUSTMENT',
      'ضریب تعدیل باید عددی نامنفی باشد',
      'the adjustment must be a number of at least 0',
    );
  let fit: RevenueFit;
  let selection: AutoSelection | null = null;
  if (requested === 'auto') {
    const a = selectRevenueMethod(values);
    if (!a.ok) return a;
    fit = a.fit;
    selection = a.selection;
  } else {
    const f = fitRevenueMethod(values, requested, options.growthRate ?? null);
    if (!f.ok) return f;
    fit = f.fit;
  }
  const unadjusted = projectRevenueFit(fit, horizon);
  return {
    ok: true,
    requested,
    method: fit.method,
    fit,
    selection,
    adjustment,
    unadjusted,
    path: unadjusted.map((v) => v * adjustment),
  };
}
