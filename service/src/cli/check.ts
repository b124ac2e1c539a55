/**
 * The one place the CLI asks the core whether a workbook is valid: reading
 * and validation (`validateWorkbook`), plus the fiscal balance of the base
 * revenue scenario when the workbook has revenue data (spending per year
 * within forecast revenue: plan-workbook.md, "What valid means").
 */
import type { Finding } from '../../../shared/src/findings';
import { fiscalBalance } from '../../../shared/src/fiscal';
import type { Plan } from '../../../shared/src/read/plan';
import { rowsOf } from '../../../shared/src/read/plan';
import type { RawWorkbook } from '../../../shared/src/read/raw';
import { DEFAULT_REVENUE_SCENARIO, forecastRevenueScenarios } from '../../../shared/src/revenue';
import { validateWorkbook } from '../../../shared/src/validate';

/**
 * The fiscal-balance rule: spending of each plan year against the base
 * scenario's revenue forecast (the only scenario when there is one). Skipped
 * when the plan has no revenue history or no spending tables.
 */
export function fiscalBalanceRule(plan: Plan): Finding[] {
  if (rowsOf(plan, 'tblRevenueHistory').length === 0) return [];
  if (rowsOf(plan, 'tblProjects').length + rowsOf(plan, 'tblActivities').length === 0) return [];
  const names = new Set(rowsOf(plan, 'tblRevenueScenarios').map((r) => r.Scenario));
  const scenario = names.size === 1 ? [...names][0] : DEFAULT_REVENUE_SCENARIO;
  const forecast = forecastRevenueScenarios(plan, scenario ? { scenario } : {});
  if (!forecast.ok) return [];
  const s = forecast.scenarios[0];
  if (!s) return [];
  return [...fiscalBalance(plan, s.totals).findings];
}

/** Every finding about a workbook, with an optional reference workbook (the city framework). */
export function checkWorkbook(workbook: RawWorkbook, reference?: RawWorkbook): Finding[] {
  return validateWorkbook(workbook, {
    ...(reference ? { reference } : {}),
    extraRules: [fiscalBalanceRule],
  }).findings;
}
