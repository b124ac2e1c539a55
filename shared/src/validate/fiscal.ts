/**
 * The fiscal-balance rule (contract, "What valid means": "the sum of all
 * spending per year does not exceed forecast revenue of the chosen scenario",
 * feature 9, "within the financial constraints, no idealism"), and the
 * restricted-source rule. Both use the revenue and fiscal modules; the check
 * is made only where the workbook (or its reference data) holds revenue
 * history and spending, else it is left for consolidation.
 */
import type { Finding } from '../findings';
import { fiscalBalance } from '../fiscal';
import type { Plan } from '../read/plan';
import { rowsOf } from '../read/plan';
import { DEFAULT_REVENUE_SCENARIO, forecastRevenueScenarios } from '../revenue';
import type { SkippedCheck } from './context';

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
            fa: 'تراز مالی (هزینه‌ها در برابر درآمد پیش‌بینی‌شده) بدون سابقه درآمد سنجیده نمی‌شود؛ در تلفیق برنامه بررسی می‌شود',
            en: 'The fiscal balance (spending against forecast revenue) needs revenue history; it is checked at consolidation',
          },
        },
      ],
    };
  }
  // The chosen scenario: the one named, else the only one, else `base`.
  const names = new Set(rowsOf(plan, 'tblRevenueScenarios').map((r) => r.Scenario));
  const chosen = scenario ?? (names.size === 1 ? [...names][0] : DEFAULT_REVENUE_SCENARIO);
  const forecast = forecastRevenueScenarios(plan, chosen ? { scenario: chosen } : {});
  // A forecast that cannot be made is reported by the revenue checks themselves.
  const totals = forecast.ok ? forecast.scenarios[0]?.totals : undefined;
  if (!totals) return { findings: [], skipped: [] };
  return { findings: [...fiscalBalance(plan, totals).findings], skipped: [] };
}
