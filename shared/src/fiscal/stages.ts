/**
 * The budget's stages (contract v2, "Current budget"): which lines make a year's current
 * budget. Its own module so that spending (`./index`) and the budget skeleton (`./heads`)
 * both read the one rule without importing each other.
 */
import type { BudgetStage } from '../contract/enums';
import type { Row } from '../read/plan';

/** The stages that make a year's current budget: the approved amount and its changes. */
export const CURRENT_BUDGET_STAGES: readonly BudgetStage[] = ['approved', 'amended', 'supplement'];

/** A budget line's stage; a line without one is approved (the contract's default). */
export function lineStage(line: Row<'tblBudgetLines'>): BudgetStage {
  return line.Stage ?? 'approved';
}

/** True when a line counts in the current budget (approved + amendments + supplements). */
export function inCurrentBudget(line: Row<'tblBudgetLines'>): boolean {
  return CURRENT_BUDGET_STAGES.includes(lineStage(line));
}
