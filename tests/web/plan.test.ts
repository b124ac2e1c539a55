/**
 * What the web's pages read off a published plan (web/src/plan.ts), on a small plan written
 * out by hand: the KPIs' latest reading, progress and status (the core's rule), the money of
 * each program over the plan (exact), and the search.
 */
import type { ApiPublicPlan } from '#core';
import { kpiStates, kpiStatusCounts, programMoney, searchPlan } from '../../web/src/plan';
import { samplePublicPlan } from '../helpers/publicPlan';

type Kpi = ApiPublicPlan['kpis'][number];
const kpi = (over: Partial<Kpi>): Kpi => ({
  id: 'K1',
  level: 'macro',
  linkedId: 'G1',
  title: 'سرانه فضای سبز',
  unit: 'مترمربع',
  direction: 'increase',
  baseline: 10,
  baselineYear: 1404,
  targets: { '1405': 12, '1406': 14 },
  actuals: [],
  ...over,
});

describe('kpiStates', () => {
  it('takes the latest year’s full-year reading over its quarters, and measures it against that year’s target', async () => {
    const plan = await samplePublicPlan();
    const states = kpiStates({
      ...plan,
      kpis: [
        // 1406: FY 13 (the Q3 reading 13.5 is superseded). Progress (13 − 10)/(14 − 10) = 0.75: at risk.
        kpi({
          actuals: [
            { year: 1405, period: 'FY', actual: 12 },
            { year: 1406, period: 'Q3', actual: 13.5 },
            { year: 1406, period: 'FY', actual: 13 },
          ],
        }),
        // Only a quarter: Q2 of 1405, 11.9 → (11.9 − 10)/(12 − 10) = 0.95: on track.
        kpi({ id: 'K2', actuals: [{ year: 1405, period: 'Q2', actual: 11.9 }] }),
        // Decrease from 50 to a target of 40; 48 → (48 − 50)/(40 − 50) = 0.2: off track.
        kpi({
          id: 'K3',
          direction: 'decrease',
          baseline: 50,
          targets: { '1405': 40 },
          actuals: [{ year: 1405, period: 'FY', actual: 48 }],
        }),
        kpi({ id: 'K4' }),
      ],
    });
    expect(states.map((s) => [s.kpi.id, s.latest?.actual ?? null, s.target, s.status])).toEqual([
      ['K1', 13, 14, 'at-risk'],
      ['K2', 11.9, 12, 'on-track'],
      ['K3', 48, 40, 'off-track'],
      ['K4', null, null, 'no-data'],
    ]);
    expect(states[0]?.progress).toBeCloseTo(0.75, 12);
    expect(kpiStatusCounts(states)).toEqual([
      { status: 'on-track', n: 1 },
      { status: 'at-risk', n: 1 },
      { status: 'off-track', n: 1 },
      { status: 'no-data', n: 1 },
    ]);
  });
});

describe('programMoney', () => {
  it('sums each program’s years exactly, above 2^53, largest first', async () => {
    const plan = await samplePublicPlan();
    const money = programMoney({
      ...plan,
      years: [1405, 1406],
      programs: [
        { id: 'A', strategyId: 'S1', title: 'a', ownerDept: 'D', budgetCode: '' },
        { id: 'B', strategyId: 'S1', title: 'b', ownerDept: 'D', budgetCode: '' },
      ],
      totals: {
        ...plan.totals,
        byProgram: {
          // 9007199254740993 + 1 = 9007199254740994 (2^53 + 2), which a float sum would lose.
          A: { '1405': '9007199254740993', '1406': '1' },
          B: { '1405': '5', '1406': '7', '1407': '1000' },
        },
      },
    });
    // B's 1407 lies outside the plan's years and is not counted: 5 + 7 = 12.
    expect(money.map((m) => [m.program.id, m.total])).toEqual([
      ['A', 9007199254740994n],
      ['B', 12n],
    ]);
  });
});

describe('searchPlan', () => {
  it('finds by ID and by words of a title, Arabic yeh and kaf, digits of any script', async () => {
    const plan = await samplePublicPlan();
    const project = plan.projects.find((p) => /\d/.test(p.title)) ?? plan.projects[0];
    if (project === undefined) throw new Error('no project');
    expect(searchPlan(plan, project.id.toLowerCase()).map((h) => h.id)).toContain(project.id);
    // Typed with an Arabic yeh (ي) and kaf (ك) for the Persian ی and ک.
    const typed = project.title.replace(/ی/g, 'ي').replace(/ک/g, 'ك');
    expect(searchPlan(plan, typed)[0]).toMatchObject({
      kind: 'project',
      id: project.id,
      section: 'projects',
    });
    expect(searchPlan(plan, '   ')).toEqual([]);
    expect(searchPlan(plan, 'هیچ‌چیزی‌که‌نیست')).toEqual([]);
  });
});
