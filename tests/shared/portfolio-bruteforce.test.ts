import fc from 'fast-check';
import type { PortfolioInput, PortfolioProject } from '#core';
import { evaluateSelection, selectPortfolio } from '#core';

// The independent reference: try every subset of a small instance, keep the
// best one that holds the mandatory projects, every prerequisite of its
// members, and every year's budget, in exact bigint arithmetic.
function bruteForce(input: PortfolioInput): number | null {
  const ps = input.projects;
  const n = ps.length;
  const index = new Map(ps.map((p, i) => [p.id, i]));
  const years = [...input.budget.keys()];
  let best: number | null = null;
  for (let mask = 0; mask < 1 << n; mask++) {
    const has = (i: number) => (mask & (1 << i)) !== 0;
    let ok = true;
    for (let i = 0; i < n && ok; i++) {
      const p = ps[i] as PortfolioProject;
      if (p.mandatory && !has(i)) ok = false;
      if (has(i)) for (const d of p.dependsOn ?? []) if (!has(index.get(d) as number)) ok = false;
    }
    for (const y of years) {
      if (!ok) break;
      let spent = 0n;
      for (let i = 0; i < n; i++) if (has(i)) spent += ps[i]?.costs.get(y) ?? 0n;
      if (spent > (input.budget.get(y) ?? 0n)) ok = false;
    }
    if (!ok) continue;
    let score = 0;
    for (let i = 0; i < n; i++) if (has(i)) score += ps[i]?.score ?? 0;
    if (best === null || score > best) best = score;
  }
  return best;
}

// Small instances: up to 12 projects over 1–3 years, costs 0–20 Rials, scores
// in quarters (so every sum is exact in floating point), some mandatory, up
// to two prerequisites each (self-references and cycles included), each
// year's budget a random share of its demand.
const instance = fc.integer({ min: 1, max: 3 }).chain((years) =>
  fc
    .record({
      projects: fc.array(
        fc.record({
          score: fc.integer({ min: 0, max: 400 }).map((q) => q / 4),
          costs: fc.array(fc.bigInt({ min: 0n, max: 20n }), {
            minLength: years,
            maxLength: years,
          }),
          mandatory: fc.integer({ min: 0, max: 11 }).map((v) => v === 0),
          deps: fc.array(fc.nat(), { maxLength: 2 }),
        }),
        { minLength: 4, maxLength: 12 },
      ),
      shares: fc.array(fc.integer({ min: 20, max: 90 }), { minLength: years, maxLength: years }),
    })
    .map(({ projects, shares }): PortfolioInput => {
      const n = projects.length;
      const ps: PortfolioProject[] = projects.map((p, i) => ({
        id: `P${i}`,
        score: p.score,
        costs: new Map(p.costs.map((c, k) => [1405 + k, c])),
        mandatory: p.mandatory,
        dependsOn: p.deps.map((d) => `P${d % n}`),
      }));
      const budget = new Map(
        shares.map((s, k) => {
          const demand = ps.reduce((sum, p) => sum + (p.costs.get(1405 + k) ?? 0n), 0n);
          return [1405 + k, (demand * BigInt(s)) / 100n];
        }),
      );
      return { budget, projects: ps };
    }),
);

describe('the optimiser against brute force on small random instances', () => {
  it('finds the brute-force optimum, fits the budgets exactly, and never trails rank-and-fill', async () => {
    await fc.assert(
      fc.asyncProperty(instance, async (input) => {
        const best = bruteForce(input);
        const r = await selectPortfolio(input);
        if (best === null) {
          expect(r.status).toBe('infeasible');
          return;
        }
        expect(r.status).toBe('optimal');
        expect(r.objective).toBe(best);
        expect(evaluateSelection(input, r.chosen)?.feasible).toBe(true);
        expect(r.rankAndFill.objective).toBeLessThanOrEqual(best);
        expect(evaluateSelection(input, r.rankAndFill.chosen)?.feasible).toBe(true);
        expect(r.scoreLeftOnTable).toBe(r.objective - r.rankAndFill.objective);
        expect(r.bestBound as number).toBeGreaterThanOrEqual(best - 1e-6);
      }),
      { numRuns: 150 },
    );
  });

  it('stays exact and honest when money must be rounded to a coarser unit', async () => {
    // maxCoefficient 3 forces costs of up to 20 Rials onto units of up to 7
    // Rials (costs rounded up, budgets down). The plan must still fit exactly,
    // the bound must still be a true bound, and "optimal" must still be true.
    await fc.assert(
      fc.asyncProperty(instance, async (input) => {
        const best = bruteForce(input);
        const r = await selectPortfolio(input, { maxCoefficient: 3 });
        if (best === null) {
          expect(r.status).toBe('infeasible');
          return;
        }
        expect(['optimal', 'feasible']).toContain(r.status);
        expect(evaluateSelection(input, r.chosen)?.feasible).toBe(true);
        expect(r.objective).toBeLessThanOrEqual(best);
        expect(r.objective).toBeGreaterThanOrEqual(r.rankAndFill.objective);
        expect(r.bestBound as number).toBeGreaterThanOrEqual(best - 1e-6);
        if (r.status === 'optimal') expect(r.objective).toBe(best);
      }),
      { numRuns: 100 },
    );
  });
});
