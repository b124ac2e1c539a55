/**
 * The Priorities view's optimal portfolio on the sample plan: HiGHS, loaded on demand the way
 * the pane loads it, must choose a set that fits every year's capital budget, keeps every
 * mandatory project, and scores at least as much as rank-and-fill (the spreadsheet method it
 * is shown beside); the costs and budgets checked here are recomputed from the portfolio's
 * own input, not taken from the solver's report.
 */
import type { Plan, PortfolioInput, PortfolioResult, Selection } from '#core';
import { readPlan, samplePlanWorkbook } from '#core';

// Loaded untyped: its on-demand import() of the solver has no file extension, which the
// add-in's bundler resolution accepts and the Node projects' node16 resolution refuses.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { optimalPortfolio, prioritiesView } = require('../../addin/src/taskpane/priorities') as {
  prioritiesView(
    plan: Plan,
    mode: 'ahp' | 'table',
  ): {
    budget: Map<number, bigint>;
    portfolio: { input: PortfolioInput };
    rankFill: Selection | null;
  };
  optimalPortfolio(view: unknown, wasmUrl?: string): Promise<PortfolioResult>;
};

it('chooses an optimal portfolio within each year’s budget, at least as good as rank-and-fill', async () => {
  const { plan } = readPlan(samplePlanWorkbook());
  const view = prioritiesView(plan, 'ahp');
  expect(view.budget.size).toBe(plan.years.length);
  const result = await optimalPortfolio(view);
  expect(result.status).toBe('optimal');
  const chosen = new Set(result.chosen);
  const projects = view.portfolio.input.projects;
  for (const [year, budget] of view.budget) {
    let spent = 0n;
    for (const p of projects) if (chosen.has(p.id)) spent += p.costs.get(year) ?? 0n;
    expect(spent <= budget).toBe(true);
  }
  for (const p of projects) if (p.mandatory) expect(chosen.has(p.id)).toBe(true);
  const score = projects.filter((p) => chosen.has(p.id)).reduce((s, p) => s + p.score, 0);
  expect(score).toBeCloseTo(result.objective, 6);
  expect(result.objective).toBeGreaterThanOrEqual(view.rankFill!.objective - 1e-9);
});
