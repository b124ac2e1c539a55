/**
 * The Priorities view's figures, all from the core: criteria weights (direct, from the
 * `Weight` column, or AHP of the pairwise matrix with its consistency ratio), ranked projects,
 * and the portfolio under each year's capital budget (the core's `computeCapitalBudget`: what
 * the plan's scenario leaves after activities and opex, as the CLI and the register compute it),
 * by rank-and-fill and, when the solver is loaded, optimal (HiGHS).
 */
import type {
  CapitalBudgetFailure,
  Plan,
  PlanPortfolio,
  PortfolioResult,
  ScoreProjectsResult,
  Selection,
} from '#core';
import { computeCapitalBudget, portfolioFromPlan, rankAndFill } from '#core';

/** Where the weights come from. */
export type WeightMode = 'table' | 'ahp';

/** Saaty's threshold: a consistency ratio below 0.10 is acceptable (Saaty 1980, ch. 1). */
export const CR_LIMIT = 0.1;

/** What the view shows. */
export interface PrioritiesView {
  scoring: ScoreProjectsResult;
  budget: ReadonlyMap<number, bigint>;
  /** The scenario the budget comes from; null without a budget. */
  scenario: string | null;
  /** Why there is no budget (no revenue history in a department's workbook, an unknown scenario). */
  budgetProblem: CapitalBudgetFailure | null;
  portfolio: PlanPortfolio;
  rankFill: Selection | null;
}

/** Scores, budget and rank-and-fill for a weight mode. */
export function prioritiesView(plan: Plan, weights: WeightMode): PrioritiesView {
  const capital = computeCapitalBudget(plan);
  const budget = capital.ok ? capital.byYear : new Map<number, bigint>();
  const portfolio = portfolioFromPlan(plan, budget, { scoring: { weights } });
  return {
    scoring: portfolio.scoring,
    budget,
    scenario: capital.ok ? capital.forecast.scenario : null,
    budgetProblem: capital.ok ? null : capital,
    portfolio,
    rankFill: rankAndFill(portfolio.input),
  };
}

/**
 * The optimal portfolio with HiGHS, loaded on demand (its WebAssembly is large, so the pane
 * fetches it only when asked). `wasmUrl` is where the build put `highs.wasm`.
 */
export async function optimalPortfolio(
  view: PrioritiesView,
  wasmUrl?: string,
): Promise<PortfolioResult> {
  const { loadPortfolioSolver, selectPortfolio } = await import('#core');
  await loadPortfolioSolver(wasmUrl === undefined ? {} : { locateFile: () => wasmUrl });
  return selectPortfolio(view.portfolio.input, { timeLimitSeconds: 5 });
}

/** The selection column to write back: `selected` / `not selected` per project row, by ID. */
export function selectionColumn(
  view: PrioritiesView,
  chosen: readonly string[],
): Array<{ id: string; row: number; selected: boolean }> {
  const set = new Set(chosen);
  return view.scoring.projects.map((p) => ({ id: p.id, row: p.row, selected: set.has(p.id) }));
}
