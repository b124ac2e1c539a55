/**
 * The Priorities view's figures, all from the core: criteria weights (direct, from the
 * `Weight` column, or AHP of the pairwise matrix with its consistency ratio), ranked projects,
 * and the portfolio under each year's capital budget (what the base scenario's revenue leaves
 * after activities and opex), by rank-and-fill and, when the solver is loaded, optimal (HiGHS).
 */
import type { Plan, PlanPortfolio, PortfolioResult, ScoreProjectsResult, Selection } from '#core';
import {
  capitalBudgetByYear,
  forecastRevenueScenarios,
  portfolioFromPlan,
  rankAndFill,
} from '#core';

/** Where the weights come from. */
export type WeightMode = 'table' | 'ahp';

/** Saaty's threshold: a consistency ratio below 0.10 is acceptable (Saaty 1980, ch. 1). */
export const CR_LIMIT = 0.1;

/** What the view shows. */
export interface PrioritiesView {
  scoring: ScoreProjectsResult;
  budget: Map<number, bigint>;
  portfolio: PlanPortfolio;
  rankFill: Selection | null;
}

/** The capital budget per year: the base scenario (or the first) less activities and opex. */
export function budgetOf(plan: Plan): Map<number, bigint> {
  const f = forecastRevenueScenarios(plan);
  if (!f.ok) return new Map();
  const s = f.scenarios.find((x) => x.scenario === 'base') ?? f.scenarios[0];
  return s ? capitalBudgetByYear(s.totals, plan) : new Map();
}

/** Scores, budget and rank-and-fill for a weight mode. */
export function prioritiesView(plan: Plan, weights: WeightMode): PrioritiesView {
  const budget = budgetOf(plan);
  const portfolio = portfolioFromPlan(plan, budget, { scoring: { weights } });
  return {
    scoring: portfolio.scoring,
    budget,
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
