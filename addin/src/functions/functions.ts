/**
 * The PLAN.* custom functions: the entry points Excel calls. `functions.json` is generated
 * from the JSDoc below by `custom-functions-metadata` (addin/build/metadata.ts); the Persian
 * descriptions are in `metadata.fa.ts`. Each entry point only reads its arguments through a
 * wrapper over the core (`shared/src`) and turns a failure into an Excel error: a wrapper's
 * `FnError` becomes `CustomFunctions.Error` (`#VALUE!`, `#N/A`, … with a message), and an
 * unexpected exception becomes `#VALUE!` too, so nothing escapes into the runtime.
 *
 * Parameter names are snake_case because Excel shows them in the formula tooltip as written.
 */
import * as fiscal from './fiscal';
import * as jalali from './jalali';
import * as kpi from './kpi';
import * as linkage from './linkage';
import * as priority from './priority';
import * as revenue from './revenue';
import type * as CustomFunctions from './customFunctions';
import { asExcelError, excelValue } from './result';

/**
 * Forecast of a revenue series: a row of the next years, or the value of one year.
 * @customfunction SCENARIO_REVENUE
 * @param history Past revenue, oldest first: a column or row of amounts, or years and amounts side by side.
 * @param horizon Years ahead (1 to 100) for a row of forecasts, or a year (e.g. 1408) for its forecast alone.
 * @param [scenario_or_growth] A growth rate (0.08 or 8%) for the growth method, or a scenario of tblRevenueScenarios ("base", or "base:general-duties").
 * @param [method] growth, trend, holt, damped or auto (default: the scenario's, else auto, which picks the most accurate on recent years).
 * @returns The forecast amounts, in the history's unit.
 */
export async function scenarioRevenue(
  history: unknown[][],
  horizon: unknown,
  scenario_or_growth?: unknown,
  method?: unknown,
): Promise<number[][]> {
  try {
    return excelValue(await revenue.scenarioRevenue(history, horizon, scenario_or_growth, method));
  } catch (e) {
    throw asExcelError(e);
  }
}

/**
 * Range of a revenue forecast by Monte Carlo: P10, P50 and P90 by year, or one given quantile.
 * @customfunction REVENUE_RANGE
 * @cancelable
 * @param history Past revenue, oldest first: a column or row of amounts, or years and amounts side by side (at least 3 years).
 * @param horizon Years ahead (1 to 100), or a year (e.g. 1408).
 * @param [probability] A quantile such as 0.9 or "P90"; default the three rows P10, P50, P90.
 * @param [simulations] Number of simulated paths, up to 100000; default 10000.
 * @param [seed] Seed of the random numbers; the same seed gives the same numbers (default 1).
 * @returns The quantiles by year (rows P10, P50, P90, or one row), in whole units of the history.
 */
export async function revenueRange(
  history: unknown[][],
  horizon: unknown,
  probability?: unknown,
  simulations?: unknown,
  seed?: unknown,
  invocation?: CustomFunctions.CancelableInvocation,
): Promise<number[][]> {
  const cancellation = { cancelled: false };
  if (invocation)
    invocation.onCanceled = () => {
      cancellation.cancelled = true;
    };
  try {
    return excelValue(
      await revenue.revenueRange(history, horizon, probability, simulations, seed, cancellation),
    );
  } catch (e) {
    throw asExcelError(e);
  }
}

/**
 * Priority score (0 to 100) of a project from its criterion scores and the criteria weights.
 * @customfunction PRIORITY_SCORE
 * @param scores The project's score on each criterion (one row or one column).
 * @param weights The weight of each criterion, any non-negative numbers (they are normalised).
 * @param [directions] "benefit" or "cost", one for all criteria or one per criterion; default benefit.
 * @param [scale_min] Lowest score of the scale, one for all or one per criterion; default 0.
 * @param [scale_max] Highest score of the scale, one for all or one per criterion; default 10.
 * @returns 100 × Σ w·n / Σ w, where n is the score's place on its scale (1 − that for a cost).
 */
export function priorityScore(
  scores: unknown[][],
  weights: unknown[][],
  directions?: unknown[][],
  scale_min?: unknown[][],
  scale_max?: unknown[][],
): number {
  try {
    return excelValue(priority.priorityScore(scores, weights, directions, scale_min, scale_max));
  } catch (e) {
    throw asExcelError(e);
  }
}

/**
 * AHP weights of the criteria: the principal eigenvector of a pairwise comparison matrix, summing to 1.
 * @customfunction AHP_WEIGHTS
 * @param matrix The pairwise comparison matrix (Saaty's 1 to 9 scale); a column and a row of criterion labels may be included.
 * @param [as_row] TRUE to spill the weights as a row; default a column.
 * @returns The weight of each criterion, in the matrix's order.
 */
export function ahpWeights(matrix: unknown[][], as_row?: boolean): number[][] {
  try {
    return excelValue(priority.ahpWeights(matrix, as_row));
  } catch (e) {
    throw asExcelError(e);
  }
}

/**
 * Consistency ratio CR = CI / RI of a pairwise comparison matrix; above 0.10 the judgements are inconsistent.
 * @customfunction AHP_CR
 * @param matrix The pairwise comparison matrix (Saaty's 1 to 9 scale); a column and a row of criterion labels may be included.
 * @returns The consistency ratio (0 for two criteria or fewer).
 */
export function ahpCr(matrix: unknown[][]): number {
  try {
    return excelValue(priority.ahpCr(matrix));
  } catch (e) {
    throw asExcelError(e);
  }
}

/**
 * The chain of a budget code or ID (goal › strategy › program › scheme › project or activity), or one level of it.
 * @customfunction BUDGET_LINK
 * @volatile
 * @param id_or_budget_code A budget code, or a project, activity, scheme, program, strategy, goal or KPI ID.
 * @param [level] goal, strategy, program, scheme, item, budget, source, directive, document or kpi (Persian names accepted); default the whole chain.
 * @param [part] What to show of the level: "id" (default), "title" or "both".
 * @returns The chain as text, or the level's ID or title.
 */
export async function budgetLink(
  id_or_budget_code: unknown,
  level?: unknown,
  part?: unknown,
): Promise<string> {
  try {
    return excelValue(await linkage.budgetLink(id_or_budget_code, level, part));
  } catch (e) {
    throw asExcelError(e);
  }
}

/**
 * Fiscal gap of a plan year: forecast revenue of a scenario minus spending; negative is a deficit.
 * @customfunction FISCAL_GAP
 * @volatile
 * @param year A plan year, e.g. 1405.
 * @param [scenario] A scenario of tblRevenueScenarios; default the workbook's Scenario (tblPlanInfo), else "base".
 * @returns The gap in Rials.
 */
export async function fiscalGap(year: unknown, scenario?: unknown): Promise<number> {
  try {
    return excelValue(await fiscal.fiscalGap(year, scenario));
  } catch (e) {
    throw asExcelError(e);
  }
}

/**
 * Spending of a plan year: continuous activities, capital projects, and the running cost of projects finished before it.
 * @customfunction SPENDING
 * @volatile
 * @param year A plan year, e.g. 1405.
 * @returns The spending in Rials.
 */
export async function spending(year: unknown): Promise<number> {
  try {
    return excelValue(await fiscal.planSpending(year));
  } catch (e) {
    throw asExcelError(e);
  }
}

/**
 * Forecast revenue of a plan year in a scenario, all revenue classes together.
 * @customfunction PLAN_REVENUE
 * @volatile
 * @param year A plan year, e.g. 1405.
 * @param [scenario] A scenario of tblRevenueScenarios; default the workbook's Scenario (tblPlanInfo), else "base".
 * @returns The revenue in Rials.
 */
export async function planRevenue(year: unknown, scenario?: unknown): Promise<number> {
  try {
    return excelValue(await fiscal.planRevenue(year, scenario));
  } catch (e) {
    throw asExcelError(e);
  }
}

/**
 * Operating balance of a plan year: forecast revenue of Nature revenue minus current spending; negative means current spending leans on asset sales or borrowing.
 * @customfunction OPERATING_BALANCE
 * @volatile
 * @param year A plan year, e.g. 1405.
 * @param [scenario] A scenario of tblRevenueScenarios; default the workbook's Scenario (tblPlanInfo), else "base".
 * @returns The operating balance in Rials.
 */
export async function operatingBalance(year: unknown, scenario?: unknown): Promise<number> {
  try {
    return excelValue(await fiscal.operatingBalance(year, scenario));
  } catch (e) {
    throw asExcelError(e);
  }
}

/**
 * Budget of a plan year from the budget lines, optionally of one head and one chapter, in the current budget or one stage.
 * @customfunction BUDGET_TOTAL
 * @volatile
 * @param year A plan year, e.g. 1405.
 * @param [head] current, capital or financial; default all.
 * @param [chapter] An economic chapter, 1 to 7; default all.
 * @param [stage] current (default: approved, amended and supplement) or one stage: proposed, approved, amended, supplement, outturn.
 * @returns The budget in Rials.
 */
export async function budgetTotal(
  year: unknown,
  head?: unknown,
  chapter?: unknown,
  stage?: unknown,
): Promise<number> {
  try {
    return excelValue(await fiscal.budgetTotal(year, head, chapter, stage));
  } catch (e) {
    throw asExcelError(e);
  }
}

/**
 * Progress of a KPI toward its target: 1 when reached, above 1 beyond it.
 * @customfunction KPI_PROGRESS
 * @param baseline The KPI's baseline (not used, and may be empty, for maintain).
 * @param target The target of the year.
 * @param actual The actual value of the year.
 * @param direction increase, decrease or maintain (Persian names accepted).
 * @returns (actual − baseline) / (target − baseline); for maintain 1 − |actual − target| / |target|, at least 0.
 */
export function kpiProgress(
  baseline: unknown,
  target: unknown,
  actual: unknown,
  direction: unknown,
): number {
  try {
    return excelValue(kpi.kpiProgressOf(baseline, target, actual, direction));
  } catch (e) {
    throw asExcelError(e);
  }
}

/**
 * Status of a KPI's progress: on track from 0.9, at risk from 0.6, else off track.
 * @customfunction KPI_STATUS
 * @param progress The progress, e.g. from PLAN.KPI_PROGRESS; empty gives "no data".
 * @param [language] "fa" (default) or "en" for a caption, "code" for on-track, at-risk, off-track or no-data.
 * @returns The status.
 */
export function kpiStatus(progress: unknown, language?: unknown): string {
  try {
    return excelValue(kpi.kpiStatusOf(progress, language));
  } catch (e) {
    throw asExcelError(e);
  }
}

/**
 * The Jalali year, which is the Iranian fiscal year, of a date.
 * @customfunction JALALI_YEAR
 * @param date An Excel date, or a Jalali date as text such as 1405/01/15.
 * @returns The Jalali year, e.g. 1405.
 */
export function jalaliYear(date: unknown): number {
  try {
    return excelValue(jalali.jalaliYear(date));
  } catch (e) {
    throw asExcelError(e);
  }
}

/**
 * A date written in the Jalali calendar.
 * @customfunction TO_JALALI
 * @param date An Excel date.
 * @param [format] "numeric" 1405/01/15 (default), "fa" with Persian digits, "long" 15 Farvardin 1405 in Persian, "long-en" in English.
 * @returns The Jalali date as text.
 */
export function toJalali(date: unknown, format?: string): string {
  try {
    return excelValue(jalali.toJalaliText(date, format));
  } catch (e) {
    throw asExcelError(e);
  }
}

/**
 * The Excel date of a Jalali date, to format or compute with as a date.
 * @customfunction FROM_JALALI
 * @param jalali_date A Jalali date as text, year first, such as 1405/01/15 (Persian digits accepted).
 * @returns The Excel serial date.
 */
export function fromJalali(jalali_date: unknown): number {
  try {
    return excelValue(jalali.fromJalaliText(jalali_date));
  } catch (e) {
    throw asExcelError(e);
  }
}

/** Every entry point by its id in `functions.json` (checked both ways by tests/addin). */
export const ENTRY_POINTS = {
  SCENARIO_REVENUE: scenarioRevenue,
  REVENUE_RANGE: revenueRange,
  PRIORITY_SCORE: priorityScore,
  AHP_WEIGHTS: ahpWeights,
  AHP_CR: ahpCr,
  BUDGET_LINK: budgetLink,
  FISCAL_GAP: fiscalGap,
  SPENDING: spending,
  PLAN_REVENUE: planRevenue,
  OPERATING_BALANCE: operatingBalance,
  BUDGET_TOTAL: budgetTotal,
  KPI_PROGRESS: kpiProgress,
  KPI_STATUS: kpiStatus,
  JALALI_YEAR: jalaliYear,
  TO_JALALI: toJalali,
  FROM_JALALI: fromJalali,
} as const;
