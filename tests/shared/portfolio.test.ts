import type { PortfolioInput, PortfolioProject, PortfolioResult } from '#core';
import { evaluateSelection, rankAndFill, selectPortfolio } from '#core';
import { generateInstance } from '../fixtures/portfolio/generate';

/** A project from a compact description: costs as [year, Rials] pairs. */
function p(
  id: string,
  score: number,
  costs: Array<[number, bigint]>,
  extra: Partial<PortfolioProject> = {},
): PortfolioProject {
  return { id, score, costs: new Map(costs), ...extra };
}

function budget(...pairs: Array<[number, bigint]>): Map<number, bigint> {
  return new Map(pairs);
}

/** The chosen set fits every year's budget exactly, in bigint, and holds every prerequisite. */
function expectFeasible(input: PortfolioInput, r: PortfolioResult): void {
  const e = evaluateSelection(input, r.chosen);
  expect(e?.feasible).toBe(true);
  for (const s of r.spending) {
    let spent = 0n;
    for (const id of r.chosen)
      spent += input.projects.find((x) => x.id === id)?.costs.get(s.year) ?? 0n;
    expect(s.spent).toBe(spent);
    expect(s.left).toBe(s.budget - spent);
    expect(s.left >= 0n).toBe(true);
  }
}

describe('choosing the capital portfolio', () => {
  it('beats rank-and-fill where the top-ranked project crowds out a better pair', async () => {
    // Budget 10: A (60, cost 6), B (50, 5), C (50, 5). Rank-and-fill takes A
    // first, then neither B nor C fits (4 left): 60. The optimum is B + C = 100
    // (hand-worked), leaving 40 on the table.
    const input: PortfolioInput = {
      budget: budget([1405, 10n]),
      projects: [p('A', 60, [[1405, 6n]]), p('B', 50, [[1405, 5n]]), p('C', 50, [[1405, 5n]])],
    };
    const r = await selectPortfolio(input);
    expect(r.status).toBe('optimal');
    expect(r.chosen).toEqual(['B', 'C']);
    expect(r.objective).toBe(100);
    expect(r.bestBound).toBeCloseTo(100, 6);
    expect(r.gap).toBeCloseTo(0, 6);
    expect(r.spending).toEqual([{ year: 1405, budget: 10n, spent: 10n, left: 0n }]);
    expect(r.rankAndFill).toEqual({
      chosen: ['A'],
      objective: 60,
      spending: [{ year: 1405, budget: 10n, spent: 6n, left: 4n }],
    });
    expect(r.scoreLeftOnTable).toBe(40);
    expect(r.message.en).toContain('40.00');
  });

  it('looks across years: a project spending in two years can block two better ones', async () => {
    // Budgets 10 in 1405 and 1406. A (50) costs 6 + 6, D (45) 5 + 5, B (30)
    // 5 in 1405, C (30) 5 in 1406. Rank-and-fill: A, then nothing fits (4 left
    // each year): 50. Optimum B + C + D = 105, spending exactly 10 and 10 (hand-worked).
    const input: PortfolioInput = {
      budget: budget([1405, 10n], [1406, 10n]),
      projects: [
        p('A', 50, [
          [1405, 6n],
          [1406, 6n],
        ]),
        p('B', 30, [[1405, 5n]]),
        p('C', 30, [[1406, 5n]]),
        p('D', 45, [
          [1405, 5n],
          [1406, 5n],
        ]),
      ],
    };
    const r = await selectPortfolio(input);
    expect(r.status).toBe('optimal');
    expect(r.chosen).toEqual(['B', 'C', 'D']);
    expect(r.objective).toBe(105);
    expect(r.rankAndFill.chosen).toEqual(['A']);
    expect(r.scoreLeftOnTable).toBe(55);
    expectFeasible(input, r);
  });

  it('funds a prerequisite that ranks low when its dependant is worth it', async () => {
    // Budget 10. A (70, cost 6) needs B (20, cost 3); C (40, 5), D (35, 5).
    // Rank-and-fill meets A before B, passes it over, then fills with C + D: 75.
    // The optimum is A + B = 90 (hand-worked: C + D = 75, A + B = 90, nothing else fits).
    const input: PortfolioInput = {
      budget: budget([1405, 10n]),
      projects: [
        p('A', 70, [[1405, 6n]], { dependsOn: ['B'] }),
        p('B', 20, [[1405, 3n]]),
        p('C', 40, [[1405, 5n]]),
        p('D', 35, [[1405, 5n]]),
      ],
    };
    const r = await selectPortfolio(input);
    expect(r.chosen).toEqual(['A', 'B']);
    expect(r.objective).toBe(90);
    expect(r.rankAndFill.chosen).toEqual(['C', 'D']);
    expect(r.scoreLeftOnTable).toBe(15);
  });

  it('treats a dependency cycle as "all or none"', async () => {
    // X and Y need each other (30 + 30 for 3 + 3); Z is worth 50 for 5.
    const projects = [
      p('X', 30, [[1405, 3n]], { dependsOn: ['Y'] }),
      p('Y', 30, [[1405, 3n]], { dependsOn: ['X'] }),
      p('Z', 50, [[1405, 5n]]),
    ];
    // Budget 6: both X and Y (60) beat Z (50).
    const six = await selectPortfolio({ budget: budget([1405, 6n]), projects });
    expect(six.chosen).toEqual(['X', 'Y']);
    // Budget 5: X alone would fit but cannot be had without Y: Z.
    const five = await selectPortfolio({ budget: budget([1405, 5n]), projects });
    expect(five.chosen).toEqual(['Z']);
    expect(five.cannotFit).toEqual(['X', 'Y']);
    // Rank-and-fill never takes a cycle: neither X nor Y ever has its prerequisite taken first.
    expect(six.rankAndFill.chosen).toEqual(['Z']);
  });

  it('forces mandatory projects in, with their prerequisites, whatever their score', async () => {
    // M (mandatory, score 1, cost 4) needs N (score 0, cost 2); that leaves 4 of 10:
    // the best of the rest is Q (score 30, cost 4), not P (score 50, cost 6).
    const input: PortfolioInput = {
      budget: budget([1405, 10n]),
      projects: [
        p('M', 1, [[1405, 4n]], { mandatory: true, dependsOn: ['N'] }),
        p('N', 0, [[1405, 2n]]),
        p('P', 50, [[1405, 6n]]),
        p('Q', 30, [[1405, 4n]]),
      ],
    };
    const r = await selectPortfolio(input);
    expect(r.forced).toEqual(['M', 'N']);
    expect(r.chosen).toEqual(['M', 'N', 'Q']);
    expect(r.objective).toBe(31);
    expect(r.cannotFit).toEqual(['P']);
    expect(r.rankAndFill.chosen).toEqual(['M', 'N', 'Q']);
  });

  it('says when the mandatory projects alone exceed a year, and by how much', async () => {
    // M1 (7) + M2 (5) = 12 > 10 in 1405. In 1406 the mandatory M3 (4) drags in
    // its prerequisite R (5): 9 ≤ 10, fine. Only 1405 is reported.
    const input: PortfolioInput = {
      budget: budget([1405, 10n], [1406, 10n]),
      projects: [
        p('M1', 10, [[1405, 7n]], { mandatory: true }),
        p('M2', 10, [[1405, 5n]], { mandatory: true }),
        p('M3', 10, [[1406, 4n]], { mandatory: true, dependsOn: ['R'] }),
        p('R', 10, [[1406, 5n]]),
      ],
    };
    const r = await selectPortfolio(input);
    expect(r.status).toBe('infeasible');
    expect(r.chosen).toEqual([]);
    expect(r.problems).toEqual([
      expect.objectContaining({
        code: 'PORTFOLIO_MANDATORY_OVER_BUDGET',
        year: 1405,
        budget: 10n,
        required: 12n,
      }),
    ]);
    expect(r.message.en).toContain('1405');
    expect(r.message.fa).toContain('1405');
  });

  it('counts a prerequisite of a mandatory project against the budget too', async () => {
    // M (6) alone fits 10, but it needs Q (5): 11 > 10.
    const r = await selectPortfolio({
      budget: budget([1405, 10n]),
      projects: [
        p('M', 10, [[1405, 6n]], { mandatory: true, dependsOn: ['Q'] }),
        p('Q', 1, [[1405, 5n]]),
      ],
    });
    expect(r.status).toBe('infeasible');
    expect(r.problems[0]).toMatchObject({ year: 1405, required: 11n });
  });

  it('keeps money exact past 2^53 Rials', async () => {
    // Budgets of a big city, about 1.2e16 Rials, past 2^53 ≈ 9.0e15. The costs
    // share the odd divisor G = 12,345,678,901 Rials; in units of G they are
    // 500,003 / 500,004 / 500,000 and the budget is 1,000,006 units + 12,345 Rials.
    // A + B = 1,000,007 units does not fit; A + C = 1,000,003 does, leaving
    // 3 units + 12,345 Rials (hand-worked).
    const G = 12_345_678_901n;
    const cap = G * 1_000_006n + 12_345n;
    const input: PortfolioInput = {
      budget: budget([1405, cap]),
      projects: [
        p('A', 50, [[1405, G * 500_003n]]),
        p('B', 49, [[1405, G * 500_004n]]),
        p('C', 40, [[1405, G * 500_000n]]),
      ],
    };
    expect(cap > 2n ** 53n).toBe(true);
    const r = await selectPortfolio(input);
    expect(r.status).toBe('optimal');
    expect(r.chosen).toEqual(['A', 'C']);
    expect(r.spending).toEqual([
      { year: 1405, budget: cap, spent: G * 1_000_003n, left: G * 3n + 12_345n },
    ]);
    // The solver worked in units of G, with no rounding.
    expect(r.scale).toEqual([{ year: 1405, unit: G, exact: true }]);
    expectFeasible(input, r);
  });

  it('never overspends by a single Rial, even when amounts must be rounded for the solver', async () => {
    // Around 2^60 Rials a double cannot tell 2^59 + 3 from 2^59 (its spacing there
    // is 128): in floating point A + B "fits" the budget 2^60 + 6, but exactly it
    // is 2^60 + 7. With no common divisor the solver gets a coarser unit, costs
    // rounded up and the budget down; the answer is checked in bigint.
    const two59 = 2n ** 59n;
    const cap = 2n * two59 + 6n;
    const input: PortfolioInput = {
      budget: budget([1405, cap]),
      projects: [
        p('A', 50, [[1405, two59 + 3n]]),
        p('B', 49, [[1405, two59 + 4n]]),
        p('C', 40, [[1405, two59]]),
      ],
    };
    expect(Number(two59 + 3n) + Number(two59 + 4n) <= Number(cap)).toBe(true); // the float trap
    const r = await selectPortfolio(input);
    expect(r.chosen).toEqual(['A', 'C']);
    expect(r.spending[0]?.left).toBe(3n);
    expect(r.scale[0]?.exact).toBe(false);
    expect(['optimal', 'feasible']).toContain(r.status);
    // Whatever the status, the bound is a proven upper bound: A + B (99) is the
    // most a relaxation can claim.
    expect(r.bestBound).not.toBeNull();
    expect(r.bestBound as number).toBeGreaterThanOrEqual(r.objective);
    expect(r.bestBound as number).toBeLessThanOrEqual(99 + 1e-6);
    expectFeasible(input, r);
  });

  it('stops at the time limit on a hard instance with the best plan found and its gap', async () => {
    // 200 projects whose score tracks their cost (the classic hard knapsack), 5 years,
    // a 0.2-second limit: the answer comes back, fits the budgets and is no worse
    // than rank-and-fill. (No timing assertion: only that it resolves with a gap.)
    const input = generateInstance({ seed: 7, projects: 200, scores: 'correlated' });
    const r = await selectPortfolio(input, { timeLimitSeconds: 0.2 });
    expect(['time-limit', 'optimal']).toContain(r.status);
    expect(r.gap).not.toBeNull();
    expect(r.gap as number).toBeGreaterThanOrEqual(0);
    expect(r.objective).toBeGreaterThanOrEqual(r.rankAndFill.objective);
    expectFeasible(input, r);
  });

  it('refuses malformed input with every problem listed', async () => {
    const r = await selectPortfolio({
      budget: budget([1405, 10n]),
      projects: [
        p('A', 1, [[1405, -1n]]),
        p('A', 1, [[1405, 1n]]),
        p('B', Number.NaN, [[1406, 1n]], { dependsOn: ['Z'] }),
      ],
    });
    expect(r.status).toBe('invalid');
    expect(r.problems.map((x) => x.code)).toEqual([
      'PORTFOLIO_COST_NEGATIVE',
      'PORTFOLIO_ID_DUPLICATE',
      'PORTFOLIO_SCORE_INVALID',
      'PORTFOLIO_YEAR_NO_BUDGET',
      'PORTFOLIO_DEPENDENCY_UNKNOWN',
    ]);
    expect(rankAndFill({ budget: budget(), projects: [p('A', 1, [[1405, 1n]])] })).toBeNull();
  });

  it('handles the trivial cases: nothing to choose, and money for everything', async () => {
    const none = await selectPortfolio({ budget: budget([1405, 10n]), projects: [] });
    expect(none).toMatchObject({ status: 'optimal', chosen: [], objective: 0, gap: 0 });
    const all = await selectPortfolio({
      budget: budget([1405, 100n]),
      projects: [p('A', 10, [[1405, 30n]]), p('B', 5, [[1405, 30n]])],
    });
    expect(all).toMatchObject({ status: 'optimal', chosen: ['A', 'B'], objective: 15 });
    expect(all.scale).toEqual([]); // no year binds
  });
});
