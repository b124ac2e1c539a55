/**
 * Revenue scenarios: forecasting methods on a yearly series (growth, trend,
 * Holt's trend, damped trend, auto), scenarios over a plan in whole Rials, and
 * a seeded Monte Carlo with quantiles and the probability of a shortfall
 * against planned spending. Definitions: plan-workbook.md, "Calculations".
 *
 * Entry points:
 * - `forecastSeries(values, horizon, { method, growthRate, adjustment })`:
 *   plan-free, for `PLAN.SCENARIO_REVENUE`.
 * - `forecastRevenueScenarios(plan)`: every scenario × class × plan year, with totals.
 * - `simulateRevenueScenario(plan, { scenario, simulations, seed, spending })`,
 *   or `toRevenueSimulationInput` + `createRevenueSimulation` to run in chunks.
 */
export type { RevenueErrorCode, RevenueFailure } from './failure';
export { REVENUE_ERROR_CODES, revenueFailure } from './failure';
export type {
  FitSuccess,
  FittedMethod,
  GrowthFit,
  HoltFit,
  HoltParams,
  HoltRun,
  RevenueFit,
  TrendFit,
} from './fit';
export {
  DAMPING_BOUNDS,
  REVENUE_FITTED_METHODS,
  REVENUE_MAX_HORIZON,
  REVENUE_MAX_POINTS,
  REVENUE_MIN_POINTS,
  fitGrowth,
  fitHolt,
  fitTrend,
  projectRevenueFit,
  runHolt,
} from './fit';
export type {
  AutoFitSuccess,
  AutoSelection,
  SeriesForecast,
  SeriesForecastOptions,
} from './forecast';
export {
  fitRevenueMethod,
  forecastSeries,
  parseRevenueMethod,
  revenueHoldout,
  selectRevenueMethod,
} from './forecast';
export type {
  RevenueQuantile,
  RevenueSimulation,
  RevenueSimulationInput,
  RevenueSimulationResult,
  RevenueSimulationSuccess,
  SimulatedSeries,
  SimulatedTotalYear,
  SimulatedYear,
  SimulationControl,
  SimulationSeries,
  VolatilityEstimate,
} from './simulate';
export {
  DEFAULT_CHECK_EVERY,
  DEFAULT_REVENUE_QUANTILES,
  REVENUE_MAX_SIGMA,
  REVENUE_MAX_SIMULATIONS,
  createRevenueSimulation,
  estimateRevenueVolatility,
  quantileOfSorted,
  simulateRevenue,
} from './simulate';
export type {
  ClassForecast,
  ClassVolatility,
  RevenueScenarioOptions,
  RevenueScenariosResult,
  RevenueScenariosSuccess,
  ScenarioForecast,
  ScenarioSimulationOptions,
  ScenarioSimulationResult,
} from './scenarios';
export {
  DEFAULT_REVENUE_SCENARIO,
  forecastRevenueScenarios,
  simulateRevenueScenario,
  toRevenueSimulationInput,
} from './scenarios';
