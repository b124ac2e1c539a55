/**
 * The Priorities view's figures, all from the core: criteria weights (direct, from the
 * `Weight` column, or AHP of the pairwise matrix with its consistency ratio), ranked projects,
 * and the portfolio under each year's capital budget (the core's `computeCapitalBudget`: what
 * the plan's scenario leaves after activities and opex, as the CLI and the register compute it),
 * by rank-and-fill and, when the solver is loaded, optimal (HiGHS).
 */
import type {
  Bilingual,
  CapitalBudgetFailure,
  Plan,
  PlanPortfolio,
  PortfolioResult,
  ScoreProjectsResult,
  Selection,
  YearSpending,
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

/** Why a project is not in a selection, in terms the planner can act on. */
export type SkipReason =
  /** Not a candidate at all (done, dropped, a duplicate ID, a prerequisite unavailable): the core's words. */
  | { kind: 'excluded'; message: Bilingual }
  /** A prerequisite is not in the selection. */
  | { kind: 'prerequisite'; prerequisite: string }
  /**
   * Rank-and-fill only: the prerequisite was chosen, but after this project's turn (it ranks
   * lower), and a project passed over is not revisited (the core's `rankAndFill`).
   */
  | { kind: 'prerequisite-lower'; prerequisite: string }
  /** The project's cost in `year` exceeds what the selection leaves of that year's budget. */
  | { kind: 'money'; year: number; needs: bigint; left: bigint }
  /** It would fit, but another combination scores more (the optimal portfolio). */
  | { kind: 'outscored' };

/**
 * Why each project of the ranked list is not in `selection` (by ID; chosen projects have no
 * entry), read off what the core's result already says: the problem's excluded projects, the
 * prerequisites (`dependsOn`) and the spending the selection leaves per year (`left`). A
 * project may have several reasons; all are given, prerequisites first.
 *
 * For rank-and-fill, a project whose prerequisites all ended up chosen was passed over either
 * for money (its cost then exceeded what was left, and the left only shrinks afterwards, so it
 * still exceeds the final `left`) or because a prerequisite came after it in the core's order
 * (descending score, equal scores in input order: see `rankAndFill` in shared/src/portfolio).
 */
export function skipReasons(
  view: PrioritiesView,
  selection: Pick<Selection, 'chosen' | 'spending'>,
  method: 'rank-and-fill' | 'optimal',
): Map<string, SkipReason[]> {
  const out = new Map<string, SkipReason[]>();
  const chosen = new Set(selection.chosen);
  const left = new Map<number, YearSpending>(selection.spending.map((s) => [s.year, s]));
  const projects = view.portfolio.input.projects;
  const position = new Map(projects.map((p, i) => [p.id, i]));
  const excluded = new Map(view.portfolio.excluded.map((e) => [e.id, e]));
  // Mandatory projects and their prerequisites, which rank-and-fill takes before any other.
  const forced = new Set<string>();
  const stack = projects.filter((p) => p.mandatory).map((p) => p.id);
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (forced.has(id)) continue;
    forced.add(id);
    stack.push(...(projects[position.get(id) ?? -1]?.dependsOn ?? []));
  }
  for (const ranked of view.scoring.projects) {
    const id = ranked.id;
    if (chosen.has(id)) continue;
    const ex = excluded.get(id);
    if (ex) {
      out.set(id, [{ kind: 'excluded', message: ex.message }]);
      continue;
    }
    const i = position.get(id);
    const p = i === undefined ? undefined : projects[i];
    if (!p || i === undefined) continue;
    const reasons: SkipReason[] = [];
    for (const d of p.dependsOn ?? []) {
      if (!chosen.has(d)) {
        reasons.push({ kind: 'prerequisite', prerequisite: d });
        continue;
      }
      const j = position.get(d);
      const q = j === undefined ? undefined : projects[j];
      if (method === 'rank-and-fill' && q && j !== undefined && !forced.has(d)) {
        const lower = q.score < p.score || (q.score === p.score && j > i);
        if (lower) reasons.push({ kind: 'prerequisite-lower', prerequisite: d });
      }
    }
    for (const [year, cost] of [...p.costs.entries()].sort((a, b) => a[0] - b[0])) {
      const s = left.get(year);
      if (s && cost > s.left) reasons.push({ kind: 'money', year, needs: cost, left: s.left });
    }
    if (reasons.length === 0) reasons.push({ kind: 'outscored' });
    out.set(id, reasons);
  }
  return out;
}
