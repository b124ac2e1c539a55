/**
 * The Budget view's figures, all from the core: the three balances of each plan year
 * (operating, capital, financial), spending by head and the cash position from the opening
 * balance (`budgetBalances`), against the forecast of the plan's own scenario — the one
 * `computeCapitalBudget` takes, so that this view, the Priorities view, the CLI and the
 * register speak of the same revenue.
 */
import type { BalanceYear, BudgetBalances, CapitalBudgetFailure, Finding, Plan } from '#core';
import { budgetBalances, computeCapitalBudget } from '#core';

/** What the view shows, or why it cannot. */
export type BudgetView =
  { ok: true; balances: BudgetBalances } | { ok: false; problem: CapitalBudgetFailure };

/** The balances of the plan's scenario, or the core's reason there is no forecast. */
export function budgetView(plan: Plan): BudgetView {
  const capital = computeCapitalBudget(plan);
  if (!capital.ok) return { ok: false, problem: capital };
  return { ok: true, balances: budgetBalances(plan, capital.forecast) };
}

/** The OPERATING_DEFICIT finding of a year, when the core gave one. */
export function deficitFinding(balances: BudgetBalances, year: number): Finding | null {
  return (
    balances.findings.find((f) => f.code === 'OPERATING_DEFICIT' && f.column === String(year)) ??
    null
  );
}

/** The years whose operating balance is negative. */
export function deficitYears(balances: BudgetBalances): BalanceYear[] {
  return balances.years.filter((y) => y.operating !== null && y.operating < 0n);
}
