/**
 * HiGHS (the `highs` package: HiGHS compiled to WebAssembly, loaded once and
 * cached) and what every portfolio model shares to run it.
 */
import type { Highs, InitOptions, ModelData } from 'highs';
import loadHighs from 'highs';

/** Default time limit of a solve, seconds. */
export const DEFAULT_TIME_LIMIT_SECONDS = 10;

/**
 * Default largest cost coefficient handed to the solver, in solver units:
 * 10^6. HiGHS accepts a binary at 1 − ε (its integrality tolerance, set here
 * to {@link FEASIBILITY_TOLERANCE}), so a coefficient `v` may be shaved by
 * ε·v; at v ≤ 10^6 that is at most 10^-2 of a unit, and one unit of budget
 * still decides. With far larger coefficients HiGHS 1.15 was seen to accept
 * an overspending plan (a 3-item knapsack with coefficients ≈ 3.7e11 ended in
 * "Solve error"). Amounts typed in million Rials are exact up to 10^12 Rials
 * per project-year; larger ones are rounded conservatively.
 */
export const DEFAULT_MAX_COEFFICIENT = 1_000_000;

/** Integrality and primal feasibility tolerance given to HiGHS (its defaults are 1e-6 and 1e-7). */
export const FEASIBILITY_TOLERANCE = 1e-8;

/** Re-solves with a tightened budget when a plan overspends by rounding; a guard, not a tuning knob. */
export const MAX_TIGHTENINGS = 5;

let cached: Promise<Highs> | null = null;

/**
 * Loads HiGHS once and caches it (later calls return the same instance;
 * `options` such as `locateFile` for the `.wasm` in a browser apply to the
 * first load). A failed load is not cached, so a later call retries.
 */
export function loadPortfolioSolver(options?: InitOptions): Promise<Highs> {
  if (!cached)
    cached = loadHighs(options).catch((e: unknown) => {
      cached = null;
      throw e;
    });
  return cached;
}

export function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

export interface SolveOutcome {
  /** HiGHS model status; null when it threw. */
  code: number | null;
  /** Chosen free columns, when a primal solution is available. */
  x: boolean[] | null;
  /** Upper bound on the model's objective, when known. */
  bound: number | null;
  seconds: number;
  error?: string;
}

/** HiGHS model status "optimal" (`highs.constants.modelStatus.optimal`). */
export const STATUS = { optimal: 7, infeasible: 8, unboundedOrInfeasible: 9 } as const;
/** HiGHS' default `mip_abs_gap`: it stops when bound − incumbent is below this. */
export const HIGHS_ABSOLUTE_GAP = 1e-6;
/** HiGHS statuses that mean "a limit stopped the search" (objective bound/target, limits, interrupt). */
export const LIMIT_CODES = new Set([11, 12, 13, 14, 16, 17]);

export function runModel(
  highs: Highs,
  model: ModelData,
  timeLimit: number,
  relativeGap: number,
  start: readonly number[] | null,
  extra: Readonly<Record<string, string | number | boolean>>,
): SolveOutcome {
  let m: ReturnType<Highs['createModel']> | null = null;
  try {
    m = highs.createModel(model);
    m.options.set({
      output_flag: false,
      time_limit: Math.max(timeLimit, 0.01),
      mip_rel_gap: relativeGap,
      mip_feasibility_tolerance: FEASIBILITY_TOLERANCE,
      primal_feasibility_tolerance: FEASIBILITY_TOLERANCE,
      ...extra,
    });
    // The rank-and-fill plan as the first incumbent: the answer is never worse.
    if (start) m.setSolution({ colValue: start });
    m.run();
    const code = m.getModelStatus();
    const hasPrimal = Number(m.info.get('primal_solution_status')) === 2;
    const x = hasPrimal ? Array.from(m.getSolution().colValue, (v) => v > 0.5) : null;
    const dual = Number(m.info.get('mip_dual_bound'));
    return {
      code,
      x,
      bound: Number.isFinite(dual) ? dual : null,
      seconds: m.getRunTime(),
    };
  } catch (e) {
    return { code: null, x: null, bound: null, seconds: 0, error: String(e) };
  } finally {
    m?.dispose();
  }
}

export function isLimit(code: number | null): boolean {
  return code !== null && LIMIT_CODES.has(code);
}
