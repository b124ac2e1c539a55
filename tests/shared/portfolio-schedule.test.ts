import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type {
  DepartmentCapacity,
  PortfolioInput,
  PortfolioProject,
  PortfolioResult,
  RawWorkbook,
  Readiness,
} from '#core';
import { portfolioFromPlan, readPlan, selectPortfolio, selectPortfolioScenarios } from '#core';
import { generateInstance } from '../fixtures/portfolio/generate';
import { planInfo } from '../helpers/plan';

// ---------------------------------------------------------------------------
// The independent reference: the contract's "Scheduling" rules written out
// directly, every combination of (out | each allowed start) tried, in exact
// bigint arithmetic. It shares no code with shared/src/portfolio.

/** c·(1+num/den)^k rounded once to the nearest Rial, halves up (k > 0; else c). */
function escalated(c: bigint, k: number, num: bigint, den: bigint): bigint {
  if (k <= 0) return c;
  const top = c * (den + num) ** BigInt(k);
  const bottom = den ** BigInt(k);
  const q = top / bottom;
  return (top - q * bottom) * 2n >= bottom ? q + 1n : q;
}

interface RefOption {
  start: number;
  costs: Map<number, bigint>;
  after: bigint;
  end: number;
}

function refOptions(p: PortfolioProject, years: number[], num: bigint, den: bigint): RefOption[] {
  const first = years[0] as number;
  const last = years[years.length - 1] as number;
  const planned = p.startYear as number;
  const fixed = p.fixedStart === true || (p.earliestStart == null && p.latestStart == null);
  const lo = p.earliestStart ?? planned;
  const hi = p.latestStart ?? planned;
  const starts: number[] = [];
  if (fixed) starts.push(planned);
  else for (let s = lo; s <= hi; s++) if (s >= first && s <= last) starts.push(s);
  const notReady = !p.fixedStart && p.readiness != null && p.readiness !== 'ready';
  return starts
    .filter((s) => !(notReady && s === first))
    .map((s) => {
      const k = s - planned;
      const costs = new Map<number, bigint>();
      let after = 0n;
      for (const [y, c] of p.costs) {
        const v = escalated(c, k, num, den);
        if (years.includes(y + k)) costs.set(y + k, (costs.get(y + k) ?? 0n) + v);
        else after += v;
      }
      return { start: s, costs, after, end: (p.endYear as number) + k };
    });
}

interface RefResult {
  best: number | null;
}

function refSolve(input: PortfolioInput, num: bigint, den: bigint): RefResult {
  const years = [...input.budget.keys()].sort((a, b) => a - b);
  const ps = input.projects;
  const opts = ps.map((p) => refOptions(p, years, num, den));
  const index = new Map(ps.map((p, i) => [p.id, i]));
  const windowed = ps.map(
    (p) =>
      p.fixedStart !== true &&
      (p.earliestStart ?? p.startYear ?? 0) < (p.latestStart ?? p.startYear ?? 0),
  );
  const pick: Array<RefOption | null> = ps.map(() => null);
  let best: number | null = null;
  const check = (): boolean => {
    for (let i = 0; i < ps.length; i++) {
      const p = ps[i] as PortfolioProject;
      const o = pick[i];
      if (p.mandatory && !o) return false;
      if (!o) continue;
      for (const d of p.dependsOn ?? []) {
        const j = index.get(d) as number;
        if (j === i) continue;
        const b = pick[j];
        if (!b) return false;
        if ((windowed[i] || windowed[j]) && !(b.end < o.start)) return false;
      }
    }
    for (const y of years) {
      let spent = 0n;
      for (const o of pick) spent += o?.costs.get(y) ?? 0n;
      if (spent > (input.budget.get(y) ?? 0n)) return false;
      for (const [dept, cap] of input.departments ?? []) {
        let money = 0n;
        let count = 0;
        pick.forEach((o, i) => {
          if (!o || ps[i]?.dept !== dept) return;
          const c = o.costs.get(y) ?? 0n;
          money += c;
          if (c > 0n) count++;
        });
        if (cap.maxCapital != null && money > cap.maxCapital) return false;
        if (cap.maxProjects != null && count > cap.maxProjects) return false;
      }
    }
    return true;
  };
  const walk = (i: number): void => {
    if (i === ps.length) {
      if (!check()) return;
      let score = 0;
      pick.forEach((o, j) => {
        if (o) score += ps[j]?.score ?? 0;
      });
      if (best === null || score > best) best = score;
      return;
    }
    pick[i] = null;
    walk(i + 1);
    for (const o of opts[i] ?? []) {
      pick[i] = o;
      walk(i + 1);
    }
    pick[i] = null;
  };
  walk(0);
  return { best };
}

/** The result's schedule, re-costed by the reference, keeps every rule. */
function expectScheduleHolds(input: PortfolioInput, r: PortfolioResult, num: bigint, den: bigint) {
  const years = [...input.budget.keys()].sort((a, b) => a - b);
  const schedule = r.schedule ?? [];
  expect(schedule.map((s) => s.id)).toEqual(input.projects.map((p) => p.id));
  const spent = new Map(years.map((y) => [y, 0n]));
  input.projects.forEach((p, i) => {
    const s = schedule[i];
    if (!s?.chosen) return;
    const o = refOptions(p, years, num, den).find((x) => x.start === s.start);
    expect(o).toBeDefined();
    expect(Object.fromEntries(s.costs)).toEqual(
      Object.fromEntries([...(o as RefOption).costs].filter(([, c]) => c !== 0n)),
    );
    expect(s.costAfterPlan).toBe((o as RefOption).after);
    for (const [y, c] of s.costs) spent.set(y, (spent.get(y) ?? 0n) + c);
  });
  for (const row of r.spending) {
    expect(row.spent).toBe(spent.get(row.year));
    expect(row.left >= 0n).toBe(true);
  }
}

// Small random instances with windows: 3–8 projects over 3–4 plan years, each
// spending 1–2 consecutive years from its planned start, windows of up to 3
// starts (some reaching outside the plan), readiness, fixed (ongoing)
// starts, mandatory projects, a prerequisite each at most, two departments
// with a project limit and a capital limit, an escalation rate of 0, 10 % or
// 25 %, and budgets a random share of the planned demand.
const RATES: Array<[bigint, bigint]> = [
  [0n, 1n],
  [1n, 10n],
  [1n, 4n],
];
const READINESS: Array<Readiness | null> = [null, 'ready', 'design'];
const instance = fc.integer({ min: 3, max: 4 }).chain((nYears) =>
  fc
    .record({
      projects: fc.array(
        fc.record({
          score: fc.integer({ min: 0, max: 200 }).map((q) => q / 4),
          start: fc.integer({ min: 0, max: nYears - 1 }),
          costs: fc.array(fc.bigInt({ min: 1n, max: 30n }), { minLength: 1, maxLength: 2 }),
          before: fc.integer({ min: 0, max: 1 }),
          after: fc.integer({ min: 0, max: 2 }),
          windowed: fc.integer({ min: 0, max: 2 }).map((v) => v > 0),
          readiness: fc.constantFrom(...READINESS),
          fixed: fc.integer({ min: 0, max: 9 }).map((v) => v === 0),
          mandatory: fc.integer({ min: 0, max: 9 }).map((v) => v === 0),
          dep: fc.option(fc.nat(), { nil: undefined }),
          dept: fc.constantFrom('D1', 'D2', undefined),
        }),
        { minLength: 3, maxLength: 8 },
      ),
      shares: fc.array(fc.integer({ min: 25, max: 90 }), {
        minLength: nYears,
        maxLength: nYears,
      }),
      rate: fc.integer({ min: 0, max: 2 }),
      maxProjects: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
      maxCapital: fc.option(fc.bigInt({ min: 10n, max: 60n }), { nil: null }),
    })
    .map(({ projects, shares, rate, maxProjects, maxCapital }) => {
      const n = projects.length;
      const years = Array.from({ length: nYears }, (_, k) => 1405 + k);
      const ps: PortfolioProject[] = projects.map((p, i) => {
        const start = 1405 + p.start;
        const costs = new Map<number, bigint>();
        p.costs.forEach((c, k) => {
          if (years.includes(start + k)) costs.set(start + k, c);
        });
        const end = Math.max(...costs.keys());
        return {
          id: `P${i}`,
          score: p.score,
          costs,
          startYear: start,
          endYear: end,
          ...(p.windowed ? { earliestStart: start - p.before, latestStart: start + p.after } : {}),
          readiness: p.readiness,
          fixedStart: p.fixed,
          mandatory: p.mandatory,
          dependsOn: p.dep === undefined ? [] : [`P${p.dep % n}`],
          ...(p.dept ? { dept: p.dept } : {}),
        };
      });
      const budget = new Map(
        years.map((y, k) => {
          const demand = ps.reduce((sum, p) => sum + (p.costs.get(y) ?? 0n), 0n);
          return [y, (demand * BigInt(shares[k] ?? 50)) / 100n];
        }),
      );
      const departments = new Map<string, DepartmentCapacity>([
        ['D1', { maxProjects }],
        ['D2', { maxCapital }],
      ]);
      const [num, den] = RATES[rate] as [bigint, bigint];
      const input: PortfolioInput = {
        budget,
        projects: ps,
        costEscalation: Number(num) / Number(den),
        departments,
      };
      return { input, num, den };
    }),
);

describe('the scheduling model against brute force on small random instances', () => {
  it('finds the brute-force optimum and a schedule that keeps every rule, in exact Rials', async () => {
    await fc.assert(
      fc.asyncProperty(instance, async ({ input, num, den }) => {
        const { best } = refSolve(input, num, den);
        const r = await selectPortfolio(input, { model: 'schedule' });
        expect(r.model).toBe('schedule');
        if (best === null) {
          expect(r.status).toBe('infeasible');
          return;
        }
        expect(r.status).toBe('optimal');
        expect(r.objective).toBeCloseTo(best, 9);
        expectScheduleHolds(input, r, num, den);
        expect(r.rankAndFill.objective).toBeLessThanOrEqual(best + 1e-9);
        expect(r.bestBound as number).toBeGreaterThanOrEqual(best - 1e-6);
      }),
      { numRuns: 120 },
    );
  });

  it('gives the same optimum with the weaker formulations and with interchangeable copies', async () => {
    // The formulation study's variants (big-M timing rows, no symmetry rows, no warm start)
    // must not change the optimum; and copies of a project (same score, costs, window and
    // department) get the symmetry rows, which must not cut off the optimum either.
    await fc.assert(
      fc.asyncProperty(instance, async ({ input, num, den }) => {
        const first = input.projects[0] as PortfolioProject;
        const copies = [1, 2].map((k) => ({
          ...first,
          id: `C${k}`,
          dependsOn: [],
          mandatory: false,
        }));
        const withCopies: PortfolioInput = { ...input, projects: [...input.projects, ...copies] };
        for (const [given, formulation] of [
          [input, { timing: 'big-m', symmetry: false, warmStart: false }],
          [withCopies, {}],
        ] as const) {
          const { best } = refSolve(given, num, den);
          const r = await selectPortfolio(given, { model: 'schedule', formulation });
          if (best === null) expect(r.status).toBe('infeasible');
          else {
            expect(r.status).toBe('optimal');
            expect(r.objective).toBeCloseTo(best, 9);
            expectScheduleHolds(given, r, num, den);
          }
        }
      }),
      { numRuns: 50 },
    );
  });

  it('stays exact when money must be rounded for the solver', async () => {
    await fc.assert(
      fc.asyncProperty(instance, async ({ input, num, den }) => {
        const { best } = refSolve(input, num, den);
        const r = await selectPortfolio(input, { model: 'schedule', maxCoefficient: 3 });
        if (best === null) {
          expect(r.status).toBe('infeasible');
          return;
        }
        expect(['optimal', 'feasible']).toContain(r.status);
        expect(r.objective).toBeLessThanOrEqual(best + 1e-9);
        expect(r.bestBound as number).toBeGreaterThanOrEqual(best - 1e-6);
        if (r.status === 'optimal') expect(r.objective).toBeCloseTo(best, 9);
        expectScheduleHolds(input, r, num, den);
      }),
      { numRuns: 60 },
    );
  });
});

// ---------------------------------------------------------------------------

/** A project from a compact description: costs as [year, Rials] pairs, planned start first. */
function p(
  id: string,
  score: number,
  costs: Array<[number, bigint]>,
  extra: Partial<PortfolioProject> = {},
): PortfolioProject {
  const years = costs.map(([y]) => y);
  return {
    id,
    score,
    costs: new Map(costs),
    startYear: Math.min(...years),
    endYear: Math.max(...years),
    ...extra,
  };
}

const BUDGET_3 = new Map([
  [1405, 100n],
  [1406, 100n],
  [1407, 100n],
]);

describe('a hand-worked schedule with escalation', () => {
  // Budget 100 Rials in each of 1405–1407, CostEscalation 0.25 (worked by hand,
  // every cell c·1.25^k rounded once, halves up):
  // - A (10): 80 in 1405, fixed. It takes 1405; nothing else fits there (B or C would pass 100).
  // - B (8): 60 + 40 planned from 1405, window 1405–1407. At 1406 (k = 1): 75 in 1406, 50 in 1407.
  //   At 1407 (k = 2): 93.75 → 94 in 1407 and 62.5 → 63 after the plan.
  // - C (6): 30, depends on B and must start after B's shifted end: B ends 1407 at the earliest
  //   start it can have, so C (window up to 1407) can never start: out.
  // - D (5): 20 + 20 from 1405, window 1405–1406, readiness "design": not in 1405, so 1406:
  //   25 in 1406, 25 in 1407.
  // - E (4): 40 in 1407, fixed.
  // - F (3): 10 + 10 from 1406, window 1406–1407: at 1406 it needs 10 in a full 1406; at 1407
  //   12.5 → 13 in 1407 and 13 after the plan.
  // Best: A + B@1406 + D@1406 + F@1407 = 26 (1405: 80, 1406: 75 + 25 = 100, 1407: 50 + 25 + 13
  // = 88). The alternatives: with E, 1407 needs 50 + 40 = 90 and leaves no room for D (25):
  // A + B + E + F@1406 (1406: 85, 1407: 100) = 25; everything else is lower.
  const input: PortfolioInput = {
    budget: BUDGET_3,
    costEscalation: 0.25,
    projects: [
      p('A', 10, [[1405, 80n]]),
      p(
        'B',
        8,
        [
          [1405, 60n],
          [1406, 40n],
        ],
        { earliestStart: 1405, latestStart: 1407, totalCost: 150n },
      ),
      p('C', 6, [[1405, 30n]], { earliestStart: 1405, latestStart: 1407, dependsOn: ['B'] }),
      p(
        'D',
        5,
        [
          [1405, 20n],
          [1406, 20n],
        ],
        { earliestStart: 1405, latestStart: 1406, readiness: 'design' },
      ),
      p('E', 4, [[1407, 40n]]),
      p(
        'F',
        3,
        [
          [1406, 10n],
          [1407, 10n],
        ],
        { earliestStart: 1406, latestStart: 1407 },
      ),
    ],
  };

  it('moves, escalates and reports the cost after the plan', async () => {
    const r = await selectPortfolio(input, { explain: true });
    expect(r.status).toBe('optimal');
    expect(r.model).toBe('schedule');
    expect(r.chosen).toEqual(['A', 'B', 'D', 'F']);
    expect(r.objective).toBe(26);
    const at = (id: string) => r.schedule?.find((s) => s.id === id);
    expect(at('B')?.start).toBe(1406);
    expect(Object.fromEntries(at('B')?.costs ?? [])).toEqual({ 1406: 75n, 1407: 50n });
    // TotalCost 150 planned as 60 + 40 in the plan: escalated with the move by 125 − 100.
    expect(at('B')?.totalCost).toBe(175n);
    expect(at('D')?.start).toBe(1406);
    expect(at('F')?.start).toBe(1407);
    expect(Object.fromEntries(at('F')?.costs ?? [])).toEqual({ 1407: 13n });
    expect(at('F')?.costAfterPlan).toBe(13n);
    expect(at('C')?.chosen).toBe(false);
    expect(r.spending.map((s) => s.spent)).toEqual([80n, 100n, 88n]);
    // The explanations come from re-solves.
    const why = (id: string) => r.explanations?.find((e) => e.id === id);
    // E forced in at 1407: A + B + E + F@1406 = 25, one point less; D out, F moved; simply
    // adding E to the plan would need 88 + 40 = 128 in 1407.
    expect(why('E')?.why).toBe('left-out');
    expect(why('E')?.scoreLost).toBe(1);
    expect(why('E')?.displaced).toEqual(['D', 'F']);
    expect(why('E')?.violated.map((v) => [v.constraint, v.over])).toEqual([
      [{ kind: 'budget', year: 1407 }, 28n],
    ]);
    expect(why('E')?.tight.map((t) => t.constraint)).toEqual([{ kind: 'budget', year: 1407 }]);
    // C at its planned 1405 needs B finished before 1405: no plan can do that.
    expect(why('C')?.status).toBe('infeasible');
    expect(why('C')?.scoreLost).toBeNull();
    // Added to the plan at 1405 it breaks 1405's budget (80 + 30) and the timing of B (B runs
    // to 1407 at its chosen start).
    expect(why('C')?.violated.map((v) => v.constraint)).toEqual(
      expect.arrayContaining([
        { kind: 'prerequisite-timing', prerequisite: 'B' },
        { kind: 'budget', year: 1405 },
      ]),
    );
    // D is moved by its readiness: its planned start is not allowed at all.
    expect(why('D')?.why).toBe('moved');
    expect(why('D')?.violated.map((v) => v.constraint)).toContainEqual({
      kind: 'readiness',
      year: 1405,
    });
    // B moved: at its planned 1405 it fits only without A (1405: 80 + 60 = 140 with it): the
    // best plan with B@1405 is the 22 worked out below for "A forced out", 4 less.
    expect(why('B')?.status).toBe('optimal');
    expect(why('B')?.scoreLost).toBe(4);
    expect(why('B')?.displaced).toContain('A');
    expect(why('B')?.violated.map((v) => [v.constraint, v.over])).toEqual([
      [{ kind: 'budget', year: 1405 }, 40n],
    ]);
  });

  it('forces projects in and out, and says what forcing out costs', async () => {
    // E forced in: the 25 worked out above. B forced out: A + D@1406 + E + F: 1406 25 + 10,
    // 1407 25 + 40 + 10 = 75 with F@1406: 10 + 5 + 4 + 3 = 22; C cannot come without B.
    const inE = await selectPortfolio(input, { forceIn: ['E'] });
    expect(inE.status).toBe('optimal');
    expect(inE.objective).toBe(25);
    expect(inE.chosen).toContain('E');
    const outB = await selectPortfolio(input, { forceOut: ['B'], explain: ['B'] });
    expect(outB.objective).toBe(22);
    expect(outB.chosen).not.toContain('B');
    const e = outB.explanations?.[0];
    expect(e?.why).toBe('forced-out');
    // B back in at its planned 1405 pushes A out (1405: 80 + 60 = 140): the best such plan is
    // B, C, D, F = 22 (worked below), the same score: forcing B out costs nothing here.
    expect(e?.status).toBe('optimal');
    expect(e?.objectiveForcedIn).toBe(22);
    expect(e?.scoreLost).toBe(0);
    expect(e?.displaced).toEqual(['A', 'E']);
    expect(e?.violated.map((v) => [v.constraint, v.over])).toEqual([
      [{ kind: 'budget', year: 1405 }, 40n],
    ]);
    const outA = await selectPortfolio(input, { forceOut: ['A'], explain: ['A'] });
    // Without A: B@1405 (60, 40) + C@1407 (30·1.5625 = 46.875 → 47) + D@1406 (25, 25)
    // + F@1406? 1406: 40 + 25 + 10 = 75, 1407: 47 + 25 + 10 = 82; + E: 122 ✗. So B, C, D, F = 22,
    // or B, C, D, E: 1407 47 + 25 + 40 = 112 ✗; B, D, E, F@1406: 1407 25 + 40 + 10 = 75 → 20.
    // 22 is the best; forcing A out costs 26 − 22 = 4: the explanation says −4.
    expect(outA.objective).toBe(22);
    expect(outA.explanations?.[0]?.scoreLost).toBe(-4);
  });

  it('names unknown and contradictory forcing', async () => {
    const r = await selectPortfolio(input, { forceIn: ['Z', 'A'], forceOut: ['A'] });
    expect(r.status).toBe('invalid');
    expect(r.problems.map((x) => x.code)).toEqual([
      'PORTFOLIO_FORCED_UNKNOWN',
      'PORTFOLIO_FORCED_BOTH',
    ]);
  });
});

describe('capacities, mandatory projects and infeasibility', () => {
  it('moves a project when its department can run only one at once', async () => {
    // D1 runs one project at once. P (5) and Q (4) both planned in 1405 with money for both;
    // Q may start in 1406: both are chosen, Q a year later (no escalation).
    const r = await selectPortfolio({
      budget: BUDGET_3,
      departments: new Map([['D1', { maxProjects: 1 }]]),
      projects: [
        p('P', 5, [[1405, 10n]], { dept: 'D1' }),
        p('Q', 4, [[1405, 10n]], { dept: 'D1', earliestStart: 1405, latestStart: 1406 }),
      ],
    });
    expect(r.chosen).toEqual(['P', 'Q']);
    expect(r.schedule?.[1]?.start).toBe(1406);
    expect(r.capacity?.find((c) => c.constraint.kind === 'dept-projects')?.used).toBe(1n);
  });

  it('explains a project left out by its department’s project limit', async () => {
    // D1 runs one project at once; P (5) and Q (4) both fixed in 1405: Q is out. Forced in,
    // Q pushes P out (score 4 instead of 5: 1 lost), and added to the plan it would make two
    // projects at once in 1405 (one over).
    const r = await selectPortfolio(
      {
        budget: BUDGET_3,
        departments: new Map([['D1', { maxProjects: 1 }]]),
        projects: [
          p('P', 5, [[1405, 10n]], { dept: 'D1' }),
          p('Q', 4, [[1405, 10n]], { dept: 'D1' }),
        ],
      },
      { explain: true },
    );
    expect(r.chosen).toEqual(['P']);
    const e = r.explanations?.find((x) => x.id === 'Q');
    expect(e?.scoreLost).toBe(1);
    expect(e?.displaced).toEqual(['P']);
    expect(e?.violated.map((v) => [v.constraint, v.used, v.limit, v.over])).toEqual([
      [{ kind: 'dept-projects', dept: 'D1', year: 1405 }, 2n, 1n, 1n],
    ]);
    expect(e?.tight.map((t) => t.constraint)).toEqual([
      { kind: 'dept-projects', dept: 'D1', year: 1405 },
    ]);
    expect(e?.message.en).toContain('project limit of department D1 in 1405: 2 of 1');
  });

  it('keeps the department’s yearly capital limit', async () => {
    // D2 executes at most 25 a year: of X (6, 20) and Y (5, 15) in 1405, fixed, one fits.
    const r = await selectPortfolio({
      budget: BUDGET_3,
      departments: new Map([['D2', { maxCapital: 25n }]]),
      projects: [
        p('X', 6, [[1405, 20n]], { dept: 'D2' }),
        p('Y', 5, [[1405, 15n]], { dept: 'D2' }),
      ],
    });
    expect(r.chosen).toEqual(['X']);
    expect(r.binding?.map((b) => b.constraint)).toContainEqual({
      kind: 'dept-capital',
      dept: 'D2',
      year: 1405,
    });
  });

  it('says a mandatory project beyond its department’s capital limit is infeasible', async () => {
    const r = await selectPortfolio({
      budget: BUDGET_3,
      departments: new Map([['D2', { maxCapital: 25n }]]),
      projects: [p('M', 1, [[1405, 30n]], { dept: 'D2', mandatory: true })],
    });
    expect(r.status).toBe('infeasible');
    expect(r.problems.map((x) => x.code)).toContain('PORTFOLIO_MANDATORY_OVER_CAPACITY');
    expect(r.problems.find((x) => x.code === 'PORTFOLIO_MANDATORY_OVER_CAPACITY')?.required).toBe(
      30n,
    );
  });

  it('says a mandatory project that is not ready cannot start in the first year', async () => {
    const r = await selectPortfolio({
      budget: BUDGET_3,
      projects: [p('M', 1, [[1405, 10n]], { mandatory: true, readiness: 'study' })],
    });
    expect(r.status).toBe('infeasible');
    expect(r.problems.map((x) => x.code)).toContain('PORTFOLIO_MANDATORY_CANNOT_START');
  });

  it('keeps an ongoing (fixed) project where it is, ready or not', async () => {
    const r = await selectPortfolio(
      {
        budget: BUDGET_3,
        projects: [
          p('O', 1, [[1405, 10n]], {
            mandatory: true,
            readiness: 'study',
            fixedStart: true,
            earliestStart: 1405,
            latestStart: 1407,
          }),
        ],
      },
      { model: 'schedule' },
    );
    expect(r.status).toBe('optimal');
    expect(r.schedule?.[0]?.start).toBe(1405);
  });
});

describe('without windows and capacities the scheduling model is v1', () => {
  it('gives the same choice on the 50-project fixture and on generated instances', async () => {
    const raw = JSON.parse(
      readFileSync(join(__dirname, '..', 'fixtures', 'portfolio', 'mid-50.json'), 'utf8'),
    ) as {
      budget: Record<string, string>;
      projects: Array<{
        id: string;
        score: number;
        mandatory: boolean;
        dependsOn: string[];
        costs: Record<string, string>;
      }>;
    };
    const fixture: PortfolioInput = {
      budget: new Map(Object.entries(raw.budget).map(([y, v]) => [Number(y), BigInt(v)])),
      projects: raw.projects.map((x) => ({
        ...x,
        costs: new Map(Object.entries(x.costs).map(([y, c]) => [Number(y), BigInt(c)])),
      })),
    };
    const inputs = [
      fixture,
      generateInstance({ seed: 11, projects: 60 }),
      generateInstance({ seed: 12, projects: 60 }),
    ];
    for (const input of inputs) {
      const v1 = await selectPortfolio(input);
      const v2 = await selectPortfolio(input, { model: 'schedule' });
      expect(v1.model).toBe('v1');
      expect(v2.model).toBe('schedule');
      expect(v2.status).toBe(v1.status);
      expect(v2.objective).toBeCloseTo(v1.objective, 6);
      // Scores with two decimals: the optimum is unique here, so the sets agree.
      expect(v2.chosen).toEqual(v1.chosen);
      expect(v2.spending).toEqual(v1.spending);
    }
  });

  it('gives v1’s optimum on random v1 instances (ties may pick another set of equal score)', async () => {
    const v1instance = fc
      .array(
        fc.record({
          score: fc.integer({ min: 0, max: 400 }).map((q) => q / 4),
          costs: fc.array(fc.bigInt({ min: 0n, max: 20n }), { minLength: 3, maxLength: 3 }),
          mandatory: fc.integer({ min: 0, max: 11 }).map((v) => v === 0),
          deps: fc.array(fc.nat(), { maxLength: 2 }),
        }),
        { minLength: 3, maxLength: 12 },
      )
      .map((projects): PortfolioInput => {
        const n = projects.length;
        const ps: PortfolioProject[] = projects.map((x, i) => ({
          id: `P${i}`,
          score: x.score,
          costs: new Map(x.costs.map((c, k) => [1405 + k, c])),
          mandatory: x.mandatory,
          dependsOn: x.deps.map((d) => `P${d % n}`),
        }));
        const budget = new Map(
          [1405, 1406, 1407].map((y) => [
            y,
            ps.reduce((s, q) => s + (q.costs.get(y) ?? 0n), 0n) / 2n,
          ]),
        );
        return { budget, projects: ps };
      });
    await fc.assert(
      fc.asyncProperty(v1instance, async (input) => {
        const v1 = await selectPortfolio(input);
        const v2 = await selectPortfolio(input, { model: 'schedule' });
        expect(v2.status).toBe(v1.status);
        expect(v2.objective).toBe(v1.objective);
      }),
      { numRuns: 100 },
    );
  });
});

describe('scenarios side by side', () => {
  it('solves each scenario and splits robust projects from the rest', async () => {
    // R (10, 40), S (9, 40) and T (1, 10) in 1405. Pessimistic 50: R + T (11; S + T is 10);
    // base 90: all three (90).
    const input: PortfolioInput = {
      budget: new Map([[1405, 0n]]),
      projects: [p('R', 10, [[1405, 40n]]), p('S', 9, [[1405, 40n]]), p('T', 1, [[1405, 10n]])],
    };
    const out = await selectPortfolioScenarios(input, [
      { scenario: 'pessimistic', budget: new Map([[1405, 50n]]) },
      { scenario: 'base', budget: new Map([[1405, 90n]]) },
    ]);
    expect(out.scenarios.map((s) => s.result.chosen)).toEqual([
      ['R', 'T'],
      ['R', 'S', 'T'],
    ]);
    expect(out.robust).toEqual(['R', 'T']);
    expect(out.some).toEqual([{ id: 'S', chosenIn: ['base'] }]);
    expect(out.never).toEqual([]);
  });
});

describe('a hard instance', () => {
  it('stops at the time limit with its proven gap, and never hangs', async () => {
    // 200 projects whose score tracks their cost (the classic hard knapsack), each given a
    // window of up to two later years: the schedule model has ~600 columns. A 0.3 s limit.
    // No timing assertion: it must come back with a plan, a bound and a gap.
    const base = generateInstance({ seed: 7, projects: 200, scores: 'correlated' });
    const input: PortfolioInput = {
      ...base,
      costEscalation: 0.1,
      projects: base.projects.map((x, i) => {
        const start = Math.min(...[...x.costs.keys()]);
        return { ...x, startYear: start, earliestStart: start, latestStart: start + (i % 3) };
      }),
    };
    const r = await selectPortfolio(input, { timeLimitSeconds: 0.3 });
    expect(['time-limit', 'optimal']).toContain(r.status);
    expect(r.gap).not.toBeNull();
    expect(r.gap as number).toBeGreaterThanOrEqual(0);
    expect(r.objective).toBeGreaterThanOrEqual(r.rankAndFill.objective);
    for (const s of r.spending) expect(s.left >= 0n).toBe(true);
  }, 60_000);
});

describe('the scheduling problem of a read plan (portfolioFromPlan)', () => {
  it('passes windows, readiness, departments, capacities and the escalation rate', async () => {
    // Two projects of department D1 (at most one at once), 60 and 50 Rials planned in 1405,
    // budget 100 a year (given), CostEscalation 0.1. Q may start 1405–1406 and is "design"
    // (not ready: not 1405 anyway): it starts 1406 at 50 × 1.1 = 55. P is ongoing: fixed.
    const workbook: RawWorkbook = {
      tables: [
        planInfo({ StartYear: 1405, Years: 2, CostEscalation: 0.1 }),
        {
          name: 'tblDepartments',
          header: ['DeptId', 'Name', 'MaxProjects', 'MaxCapital'],
          rows: [['D1', 'عمران', 1, null]],
        },
        {
          name: 'tblCriteria',
          header: ['CriterionId', 'Title', 'Weight', 'Direction', 'ScaleMin', 'ScaleMax'],
          rows: [['VALUE', 'ارزش', 1, 'benefit', 0, 100]],
        },
        {
          name: 'tblProjects',
          header: [
            'ProjectId',
            'ProgramId',
            'Title',
            'Dept',
            'StartYear',
            'EndYear',
            'SourceId',
            'Status',
            'Readiness',
            'EarliestStart',
            'LatestStart',
            '1405',
            '1406',
            'VALUE',
          ],
          rows: [
            [
              'P',
              'PR1',
              'پروژه P',
              'd1',
              1405,
              1405,
              'SRC1',
              'ongoing',
              'ready',
              null,
              null,
              60,
              0,
              80,
            ],
            [
              'Q',
              'PR1',
              'پروژه Q',
              'D1',
              1405,
              1405,
              'SRC1',
              'proposed',
              'design',
              1405,
              1406,
              50,
              0,
              60,
            ],
          ],
        },
      ],
    };
    const { plan } = readPlan(workbook);
    const problem = portfolioFromPlan(
      plan,
      new Map([
        [1405, 100n],
        [1406, 100n],
      ]),
    );
    const q = problem.input.projects.find((x) => x.id === 'Q');
    expect(q).toMatchObject({
      startYear: 1405,
      earliestStart: 1405,
      latestStart: 1406,
      readiness: 'design',
      fixedStart: false,
    });
    expect(problem.input.projects.find((x) => x.id === 'P')?.fixedStart).toBe(true);
    expect(problem.input.costEscalation).toBe(0.1);
    expect([...(problem.input.departments ?? new Map()).values()]).toEqual([
      { maxProjects: 1, maxCapital: null },
    ]);
    const r = await selectPortfolio(problem.input);
    expect(r.model).toBe('schedule');
    expect(r.chosen).toEqual(['P', 'Q']);
    const sq = r.schedule?.find((x) => x.id === 'Q');
    expect(sq?.start).toBe(1406);
    expect(Object.fromEntries(sq?.costs ?? [])).toEqual({ 1406: 55n });
  });
});
