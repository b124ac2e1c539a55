/**
 * The fiscal-balance rule (contract, "What valid means": "the sum of all
 * spending per year does not exceed forecast revenue of the chosen scenario",
 * feature 9, "within the financial constraints, no idealism"), and the
 * restricted-source rule. The scenario is the one the capital budget uses
 * (`computeCapitalBudget`); the check is made only where the workbook (or its
 * reference data) holds revenue history and spending, else it is left for
 * consolidation.
 */
import type { Finding } from '../findings';
import { makeFinding } from '../findings';
import { computeCapitalBudget, fiscalBalance } from '../fiscal';
import { budgetBalances } from '../fiscal/heads';
import type { Plan } from '../read/plan';
import { cellOf, rowsOf } from '../read/plan';
import { VALIDATION_CODES } from './codes';
import type { SkippedCheck } from './context';
import { planInfoRow } from './workbook';

/** Findings of the fiscal-balance rule, and the check left for consolidation when it could not be made. */
export function checkFiscalBalance(
  plan: Plan,
  scenario?: string,
): { findings: Finding[]; skipped: SkippedCheck[] } {
  const spendingRows =
    rowsOf(plan, 'tblProjects', { own: true }).length +
    rowsOf(plan, 'tblActivities', { own: true }).length;
  if (spendingRows === 0) return { findings: [], skipped: [] };
  if (rowsOf(plan, 'tblRevenueHistory').length === 0) {
    return {
      findings: [],
      skipped: [
        {
          code: 'FISCAL_DEFICIT',
          table: 'tblProjects',
          column: null,
          needs: ['tblRevenueHistory'],
          count: spendingRows,
          message: {
            fa: 'تراز مالی (هزینه‌ها در برابر درآمد پیش‌بینی‌شده) بدون سابقه درآمد سنجیده نمی‌شود؛ در برنامه یکپارچه شهر بررسی می‌شود',
            en: 'The fiscal balance (spending against forecast revenue) needs revenue history; it is checked at consolidation',
          },
        },
      ],
    };
  }
  const budget = computeCapitalBudget(plan, scenario === undefined ? {} : { scenario });
  if (!budget.ok) {
    // A forecast that cannot be made is reported by the revenue checks themselves; a scenario
    // that is not there is this rule's to report, since nothing else looks for it.
    if (budget.code !== 'REVENUE_UNKNOWN_SCENARIO') return { findings: [], skipped: [] };
    const info = plan.tables.tblPlanInfo;
    const row = budget.choice.from === 'plan' ? planInfoRow(info, 'Scenario') : null;
    const scenarios = plan.tables.tblRevenueScenarios;
    const where =
      info && row !== null
        ? {
            table: info.name,
            sheet: info.sheet,
            row,
            column: 'Value',
            cell: cellOf(info, row, 'Value'),
          }
        : { table: 'tblRevenueScenarios', sheet: scenarios?.sheet ?? null, column: 'Scenario' };
    const { severity } = VALIDATION_CODES.FISCAL_SCENARIO_UNKNOWN;
    return {
      findings: [makeFinding(severity, 'FISCAL_SCENARIO_UNKNOWN', where, budget.message)],
      skipped: [],
    };
  }
  return {
    findings: [
      ...fiscalBalance(plan, budget.forecast.totals).findings,
      // v2: the operating balance (current spending within revenue) and mixed natures.
      ...budgetBalances(plan, budget.forecast).findings,
    ],
    skipped: [],
  };
}
