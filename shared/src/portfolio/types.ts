/**
 * The capital portfolio problem and its answer: which projects to fund so
 * that the total priority score is as large as possible within each year's
 * capital budget, with mandatory projects in and prerequisites honoured.
 */
import type { Bilingual } from '../findings';
import type { Highs } from 'highs';
import type { Rials } from '../money';
import type { Readiness } from '../contract/enums';

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
  /**
   * Scheduling (contract v2). The planned start year, the one `costs` are
   * planned for (default: the first year with a cost, else the first budget year).
   */
  readonly startYear?: number | null;
  /** Planned end year, for the dependency timing (default: the last year with a cost, else the start). */
  readonly endYear?: number | null;
  /** The start window; a missing bound is `startYear`. Both missing: the start is fixed. */
  readonly earliestStart?: number | null;
  readonly latestStart?: number | null;
  /** The department that runs it (for `PortfolioInput.departments`' capacities). */
  readonly dept?: string;
  /** Not `ready` (and not `fixedStart`): it cannot start in the first plan year. Empty counts as ready. */
  readonly readiness?: Readiness | null;
  /** Already under way: the start is fixed and readiness does not apply. */
  readonly fixedStart?: boolean;
  /** Whole-life cost (`TotalCost`), reported escalated with the move; 0 or absent: not reported. */
  readonly totalCost?: Rials;
}

/** What a department can run (contract v2, `tblDepartments`): null or absent, no limit. */
export interface DepartmentCapacity {
  /** Capital projects at once: a project counts in every year it has cost. */
  readonly maxProjects?: number | null;
  /** Capital spending it can execute in a year, whole Rials. */
  readonly maxCapital?: Rials | null;
}

/** The problem: candidate projects and the capital budget of each year. */
export interface PortfolioInput {
  /** Capital budget per Jalali year, whole Rials. Every year a project spends in must be here. */
  readonly budget: ReadonlyMap<number, Rials>;
  readonly projects: readonly PortfolioProject[];
  /**
   * Yearly rate applied to a project's costs when it starts k > 0 years later
   * (`tblPlanInfo` `CostEscalation`, e.g. 0.25); absent: 0.
   */
  readonly costEscalation?: number | null;
  /** Capacities by department ID (matched exactly; `portfolioFromPlan` matches as the reader does). */
  readonly departments?: ReadonlyMap<string, DepartmentCapacity>;
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
  /** Project IDs the user forces in (at any start of their window); mandatory for this solve. */
  readonly forceIn?: readonly string[];
  /** Project IDs the user forces out. */
  readonly forceOut?: readonly string[];
  /**
   * Explain the decisions from the model (see `PortfolioResult.explanations`): `true` for every
   * project left out, moved or forced out, or a list of IDs. Each costs one more solve.
   */
  readonly explain?: boolean | readonly string[];
  /**
   * Time limit of each explanation's solve, seconds (default: a tenth of the time limit, at
   * least 0.5 s). All explanations together get at most the time limit; those left when it is
   * spent come back with status `time-limit` and only their `violated` rows.
   */
  readonly explainTimeLimitSeconds?: number;
  /**
   * `auto` (default): the scheduling model when the input needs it (a start window with more
   * than one year, a capacity, a readiness that moves a start, forcing or explaining), else
   * v1's in/out model. `schedule`: always the scheduling model (for comparisons).
   */
  readonly model?: 'auto' | 'schedule';
  /** How the scheduling model is written (for the formulation study; the defaults are the best found). */
  readonly formulation?: ScheduleFormulation;
}

/** Choices of the scheduling model's formulation (`bench/portfolio-schedule.bench.ts` compares them). */
export interface ScheduleFormulation {
  /**
   * Timing of prerequisites: `per-start` (default) one row per start of the dependant,
   * `x[a,s] ≤ Σ x[b,t] over the starts t of b that end before s`; `big-m` one row per pair on
   * the start years, with a big-M that voids it when the dependant is out (weaker relaxation).
   */
  readonly timing?: 'per-start' | 'big-m';
  /** Interchangeable projects taken in input order (default true). */
  readonly symmetry?: boolean;
  /** The rank-and-fill schedule as HiGHS' first incumbent (default true). */
  readonly warmStart?: boolean;
}

/** One constraint of the scheduling model, as the user reads it. */
export type PortfolioConstraint =
  | { readonly kind: 'budget'; readonly year: number }
  | { readonly kind: 'dept-projects'; readonly dept: string; readonly year: number }
  | { readonly kind: 'dept-capital'; readonly dept: string; readonly year: number }
  /** The project is chosen only with its prerequisite. */
  | { readonly kind: 'prerequisite'; readonly prerequisite: string }
  /** It must start after its prerequisite's (shifted) end year. */
  | { readonly kind: 'prerequisite-timing'; readonly prerequisite: string }
  /** Not ready: it cannot start in the first plan year. */
  | { readonly kind: 'readiness'; readonly year: number }
  /** Its planned start is outside the plan period or its window. */
  | { readonly kind: 'window'; readonly year: number }
  /** The user forced it out. */
  | { readonly kind: 'forced-out' };

/** A constraint's use in a plan: for money rows Rials, for `dept-projects` a count. */
export interface ConstraintUse {
  readonly constraint: PortfolioConstraint;
  /** The limit (budget, capacity); 0 for the logical kinds. */
  readonly limit: bigint;
  /** What the plan uses of it. */
  readonly used: bigint;
  /** `used − limit` when over (violated), else 0. */
  readonly over: bigint;
  readonly message: Bilingual;
}

/** One project's place in the chosen schedule. */
export interface ScheduledProject {
  readonly id: string;
  readonly chosen: boolean;
  readonly plannedStart: number;
  /** The start year chosen (`PlannedStart` written back), null when left out. */
  readonly start: number | null;
  /** `start − plannedStart` (0 when left out). */
  readonly shift: number;
  /** Its costs at the chosen start (shifted and escalated), budget years only. */
  readonly costs: ReadonlyMap<number, Rials>;
  /** Cost shifted past the plan's last year: reported, not in any budget. */
  readonly costAfterPlan: Rials;
  /** `TotalCost` escalated with the move (`TotalCost + Σ shifted − Σ planned`); null when not given. */
  readonly totalCost: Rials | null;
  /** The end year at the chosen start. */
  readonly endYear: number | null;
}

/** Why a project is out, moved, or what forcing it out costs: from a re-solve with it forced in. */
export interface PortfolioExplanation {
  readonly id: string;
  readonly why: 'left-out' | 'moved' | 'forced-out';
  readonly plannedStart: number;
  /** Its start in the plan (null: left out). */
  readonly start: number | null;
  /** How the re-solve with the project forced in at its planned start ended. */
  readonly status: PortfolioStatus;
  /** The re-solve's objective, null when infeasible or not solved. */
  readonly objectiveForcedIn: number | null;
  /**
   * `objective − objectiveForcedIn`: score lost by forcing it in at its planned start (for a
   * project forced out: negative when forcing it out costs score). Null when it cannot be forced in.
   */
  readonly scoreLost: number | null;
  /** Constraints the plan would break if the project were simply added at its planned start. */
  readonly violated: ConstraintUse[];
  /** Constraints of the project that are tight in the re-solved plan (they pushed others out). */
  readonly tight: ConstraintUse[];
  /** Projects the re-solve leaves out or moves to make room. */
  readonly displaced: string[];
  readonly message: Bilingual;
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
  /** Which model solved it (`v1`: in/out only; `schedule`: with start years and capacities). */
  readonly model?: 'v1' | 'schedule';
  /** Scheduling model: every project's start, shifted costs and cost after the plan, input order. */
  readonly schedule?: ScheduledProject[];
  /** Scheduling model: the constraints the plan fills (no further start option fits them). */
  readonly binding?: ConstraintUse[];
  /** Scheduling model: per department and year, what the plan uses of its capacities. */
  readonly capacity?: ConstraintUse[];
  /** With `explain`: the explanations, in input order. */
  readonly explanations?: PortfolioExplanation[];
}
