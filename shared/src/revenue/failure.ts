/**
 * Expected failures of the revenue calculations, as values: a stable code and
 * a message in Persian and English. The add-in maps codes to
 * `CustomFunctions.ErrorCode`, the service to HTTP status.
 */
import type { Bilingual } from '../findings';

/** Stable codes of revenue failures. */
export const REVENUE_ERROR_CODES = [
  /** The series is too short for the method (see `REVENUE_MIN_POINTS`). */
  'REVENUE_TOO_FEW_POINTS',
  /** The series is longer than `REVENUE_MAX_POINTS` (bounds the work on hostile input). */
  'REVENUE_TOO_MANY_POINTS',
  /** A value is NaN or infinite. */
  'REVENUE_NOT_FINITE',
  /** The method needs positive values (CAGR, log-growth) and one is zero or negative. */
  'REVENUE_NOT_POSITIVE',
  /** The horizon is not a whole number from 0 to `REVENUE_MAX_HORIZON`. */
  'REVENUE_BAD_HORIZON',
  /** The growth rate is not a finite number of at least −1 (−100 %). */
  'REVENUE_BAD_GROWTH_RATE',
  /** The adjustment is not a finite number of at least 0. */
  'REVENUE_BAD_ADJUSTMENT',
  /** The method name is not one of growth, trend, holt, damped, auto. */
  'REVENUE_BAD_METHOD',
  /** A Monte Carlo option is out of range (simulations, seed, quantile, σ). */
  'REVENUE_BAD_OPTION',
  /** σ is not given and cannot be estimated from the history. */
  'REVENUE_NO_VOLATILITY',
  /** The point forecast is zero or negative in a year, so its logarithm (Monte Carlo) is undefined. */
  'REVENUE_PATH_NOT_POSITIVE',
  /** The caller stopped a Monte Carlo run. */
  'REVENUE_CANCELLED',
  /** The plan has no years (StartYear missing). */
  'REVENUE_NO_PLAN_YEARS',
  /** There is no revenue history to forecast from. */
  'REVENUE_NO_HISTORY',
  /** The scenario asked for is not in tblRevenueScenarios. */
  'REVENUE_UNKNOWN_SCENARIO',
] as const;

/** A stable code of a revenue failure. */
export type RevenueErrorCode = (typeof REVENUE_ERROR_CODES)[number];

/** A revenue calculation that could not be made, and why. */
export interface RevenueFailure {
  readonly ok: false;
  readonly code: RevenueErrorCode;
  readonly message: Bilingual;
}

/** Builds a failure value. */
export function revenueFailure(code: RevenueErrorCode, fa: string, en: string): RevenueFailure {
  return { ok: false, code, message: { fa, en } };
}
