/**
 * Capital portfolio selection: which projects to fund to maximise the total
 * priority score within each year's budget (a 0–1 MIP solved with HiGHS),
 * with mandatory projects and prerequisites, exact bigint money, and the
 * spreadsheet method "rank and fill" for comparison.
 */
export {
  DEFAULT_MAX_COEFFICIENT,
  DEFAULT_TIME_LIMIT_SECONDS,
  loadPortfolioSolver,
  selectPortfolio,
} from './select';
export { evaluateSelection, rankAndFill } from './rank';
export { usesScheduleModel } from './schedule';
export { selectPortfolioScenarios } from './scenarios';
export type { ScenarioBudget, ScenarioDependent, ScenarioPortfolios } from './scenarios';
export { PORTFOLIO_OUT_CAPTIONS, PORTFOLIO_WRITEBACK_COLUMNS, portfolioFromPlan } from './fromPlan';
export type {
  ExcludedProject,
  ExclusionReason,
  OngoingPolicy,
  PlanPortfolio,
  PortfolioFromPlanOptions,
} from './fromPlan';
export type {
  ConstraintUse,
  DepartmentCapacity,
  PortfolioConstraint,
  PortfolioExplanation,
  PortfolioInput,
  PortfolioOptions,
  PortfolioProblem,
  PortfolioProject,
  PortfolioResult,
  PortfolioStatus,
  ScheduledProject,
  ScheduleFormulation,
  Selection,
  YearScale,
  YearSpending,
} from './types';
