/**
 * The sample plan: a complete, valid five-year plan of a fictional mid-sized
 * Iranian city (about 500,000 people), in Persian, for learning, demos and
 * tests. Pure and deterministic (seeded pure-rand).
 */
export { SAMPLE_LOAN_PRINCIPAL, samplePlanWorkbook } from './build';
export { sampleMonitoringWorkbook } from './monitoring';
export type { HistoryPoint, SampleAmounts, ScenarioRow } from './amounts';
export {
  REVENUE_1404,
  SAMPLE_HISTORY_YEARS,
  SAMPLE_PLAN_YEARS,
  SAMPLE_SEED,
  SCENARIOS as SAMPLE_SCENARIOS,
  sampleAmounts,
} from './amounts';
export {
  CRITERIA as SAMPLE_CRITERIA,
  FINANCE_DEPT as SAMPLE_FINANCE_DEPT,
  SIGNATORY as SAMPLE_SIGNATORY,
} from './content';
export { SAMPLE_DEPARTMENTS } from './monitoring';
