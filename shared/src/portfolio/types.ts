/**
 * The capital portfolio problem and its answer: which projects to fund so
 * that the total priority score is as large as possible within each year's
 * capital budget, with mandatory projects in and prerequisites honoured.
 */
import type { Bilingual } from '../findings';
import type { Highs } from 'highs';
import type { Rials } from '../money';

/** A candidate project. */
export interface PortfolioProject {
  /** Unique, non-empty. */
  readonly id: string;
  /** Its priority score (what the portfolio maximises); any finite number. */
  readonly score: number;
  /** Cost per Jalali year in whole Rials; a year not in the map costs nothing. */
  readonly costs: ReadonlyMap<number, Rials>;
  /** Must be funded (it and its prerequisites are forced in). */
  readonly mandatory?: boolean;
  /** IDs of projects that must be funded if this one is (all in the same input). */
  readonly dependsOn?: readonly string[];
}

/** The problem: candidate projects and the capital budget of each year. */
export interface PortfolioInput {
  /** Capital budget per Jalali year, whole Rials. Every year a project spends in must be here. */
  readonly budget: ReadonlyMap<number, Rials>;
  readonly projects: readonly PortfolioProject[];
}

/** Options of `selectPortfolio`. */
export interface PortfolioOptions {
  /**
   * Wall-clock limit for the solver, seconds (default 10). The best plan
   * found by then is returned with its proven gap. The solve is synchronous
   * inside HiGHS: the JavaScript thread is busy for at most about this long
   * (run it in a Worker where a UI must stay responsive).
   */
  readonly timeLimitSeconds?: number;
  /**
   * Relative gap at which the search may stop (default 0: prove optimality,
   * up to HiGHS' absolute gap tolerance of 1e-6 on the score).
   */
  readonly relativeGap?: number;
  /**
   * Largest cost coefficient handed to the solver, in solver units (default
   * 10^6, see `DEFAULT_MAX_COEFFICIENT`). A year whose costs, divided by
   * their common divisor, exceed it gets a coarser unit: costs rounded up,
   * the budget rounded down.
   */
  readonly maxCoefficient?: number;
  /**
   * A loaded HiGHS instance to use instead of the cached one (e.g. one the
   * add-in loaded with its own `locateFile`); see `loadPortfolioSolver`.
   */
  readonly solver?: Highs;
  /**
   * Further HiGHS options by their native names (e.g. `mip_heuristic_effort`),
   * for tuning and experiments; they override the ones set here.
   */
  readonly highsOptions?: Readonly<Record<string, string | number | boolean>>;
}

/** What was spent in one year against its budget. */
export interface YearSpending {
  readonly year: number;
  readonly budget: Rials;
  readonly spent: Rials;
  /** `budget − spent`; negative only when the mandatory projects alone overspend. */
  readonly left: Rials;
}

/** A set of chosen projects and what it achieves. */
export interface Selection {
  /** Chosen project IDs, in input order. */
  readonly chosen: string[];
  /** Σ score of the chosen projects. */
  readonly objective: number;
  /** Spending per budget year, ascending years, exact. */
  readonly spending: YearSpending[];
}

/** How a selection ended. */
export type PortfolioStatus =
  /** Proven optimal (within the relative gap asked for). */
  | 'optimal'
  /** The time limit (or another solver limit) stopped the search: best plan found, with its proven gap. */
  | 'time-limit'
  /**
   * A feasible plan whose optimality could not be proven because costs had to
   * be rounded to a coarser unit (see `scale`); the gap is still a proven bound.
   */
  | 'feasible'
  /** No plan exists: the mandatory projects alone exceed a year's budget (see `problems`). */
  | 'infeasible'
  /** The input is malformed (see `problems`); nothing was solved. */
  | 'invalid'
  /** The solver could not be loaded or failed; the rank-and-fill plan is returned instead. */
  | 'solver-error';

/** One reason for `infeasible` or `invalid`. */
export interface PortfolioProblem {
  readonly code: string;
  readonly message: Bilingual;
  readonly projectId?: string;
  readonly year?: number;
  /** For an overspent year: its budget and what the mandatory projects need. */
  readonly budget?: Rials;
  readonly required?: Rials;
}

/** How money was scaled for the solver in one year. */
export interface YearScale {
  readonly year: number;
  /** Rials per solver unit. */
  readonly unit: Rials;
  /** True when every cost of the year is a whole number of units (no rounding). */
  readonly exact: boolean;
}

/** The chosen portfolio and how it compares with rank-and-fill. */
export interface PortfolioResult extends Selection {
  readonly status: PortfolioStatus;
  /** One-line summary (or the reason for `infeasible`/`invalid`/`solver-error`). */
  readonly message: Bilingual;
  readonly problems: PortfolioProblem[];
  /**
   * Proven upper bound on the best achievable objective, or null when none is
   * known (nothing solved, or the solver stopped before its first bound).
   */
  readonly bestBound: number | null;
  /**
   * Proven relative gap `(bestBound − objective) / max(|objective|, 1)`, 0
   * when optimal, null when the bound is unknown.
   */
  readonly gap: number | null;
  /** Mandatory projects and their prerequisites (transitively), always chosen. */
  readonly forced: string[];
  /**
   * Projects that cannot be chosen whatever else is: alone (with their
   * prerequisites) they exceed what a year has left after the forced ones.
   */
  readonly cannotFit: string[];
  /** The spreadsheet method on the same input (see `rankAndFill`). */
  readonly rankAndFill: Selection;
  /** `objective − rankAndFill.objective`: the score rank-and-fill leaves on the table (≥ 0). */
  readonly scoreLeftOnTable: number;
  /** Per binding year: the money unit given to the solver. Empty when no year binds. */
  readonly scale: YearScale[];
  /** Seconds HiGHS ran (its own clock), 0 when it did not run. */
  readonly solveSeconds: number;
}
