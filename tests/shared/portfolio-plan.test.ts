import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PortfolioInput, RawCell, RawWorkbook } from '#core';
import { portfolioFromPlan, readPlan, selectPortfolio } from '#core';
import { planInfo } from '../helpers/plan';
import reference from '../reference/portfolio_milp.json';

// One criterion VALUE (benefit, 0–100, weight 1), so a project's priority
// score is its VALUE cell: the arithmetic below stays on the page.
// Columns: A ProjectId … G Status, H Mandatory, I DependsOn, J 1405, K 1406, L VALUE.
function row(
  id: string,
  status: string,
  value: number | null,
  c1405: number,
  c1406: number,
  extra: { mandatory?: boolean; dependsOn?: string } = {},
): RawCell[] {
  return [
    id,
    'PR1',
    `پروژه ${id}`,
    1405,
    1406,
    'SRC1',
    status,
    extra.mandatory ?? false,
    extra.dependsOn ?? '',
    c1405,
    c1406,
    value,
  ];
}

const workbook: RawWorkbook = {
  tables: [
    planInfo({ StartYear: 1405, Years: 2 }),
    {
      name: 'tblCriteria',
      header: ['CriterionId', 'Title', 'Weight', 'Direction', 'ScaleMin', 'ScaleMax'],
      rows: [['VALUE', 'ارزش', 1, 'benefit', 0, 100]],
    },
    {
      name: 'tblProjects',
      sheet: 'پروژه‌ها',
      header: [
        'ProjectId',
        'ProgramId',
        'Title',
        'StartYear',
        'EndYear',
        'SourceId',
        'Status',
        'Mandatory',
        'DependsOn',
        '1405',
        '1406',
        'VALUE',
      ],
      rows: [
        row('A', 'approved', 60, 6, 0), // sheet row 2
        row('B', 'proposed', 50, 5, 0),
        row('C', 'proposed', 50, 5, 0),
        row('D', 'done', 90, 1, 0), // row 5: finished, left out
        row('E', 'dropped', 80, 1, 0), // row 6: dropped, left out
        row('F', 'proposed', 70, 1, 0, { dependsOn: 'E' }), // row 7: needs the dropped E
        row('G', 'proposed', 40, 1, 0, { dependsOn: 'F' }), // row 8: needs F, left out in turn
        row('H', 'proposed', 30, 0, 3, { dependsOn: 'D' }), // row 9: D is done, so that is met
        row('O', 'در حال اجرا', 5, 0, 4), // row 10: ongoing: forced in by default
        row('U', 'proposed', null, 0, 1), // row 11: no score: counts 0
        row('M', 'proposed', 1, 0, 0, { mandatory: true, dependsOn: 'E' }), // row 12
      ],
    },
  ],
};

describe('the portfolio of a plan workbook', () => {
  const { plan } = readPlan(workbook);
  const budget = new Map([
    [1405, 10n],
    [1406, 7n],
  ]);
  const built = portfolioFromPlan(plan, budget);

  it('leaves out finished and dropped projects, and those that need them', () => {
    expect(built.excluded.map((e) => [e.id, e.reason])).toEqual([
      ['D', 'done'],
      ['E', 'dropped'],
      ['F', 'prerequisite-unavailable'],
      ['G', 'prerequisite-unavailable'],
    ]);
    expect(built.input.projects.map((p) => p.id)).toEqual(['A', 'B', 'C', 'H', 'O', 'U', 'M']);
  });

  it('forces ongoing projects in, treats a done prerequisite as met, and scores unscored ones 0', () => {
    const byId = new Map(built.input.projects.map((p) => [p.id, p]));
    expect(byId.get('O')?.mandatory).toBe(true);
    expect(byId.get('H')?.dependsOn).toEqual([]);
    expect(byId.get('U')?.score).toBe(0);
    expect(byId.get('A')?.score).toBeCloseTo(60, 12);
    expect(byId.get('A')?.costs).toEqual(
      new Map([
        [1405, 6n],
        [1406, 0n],
      ]),
    );
  });

  it('reports what it had to decide, on the cells concerned', () => {
    const byCell = (a: string[], b: string[]) => String(a[2]).localeCompare(String(b[2]));
    expect(built.findings.map((f) => [f.code, f.severity, f.cell ?? '']).sort(byCell)).toEqual([
      ['PORTFOLIO_UNSCORED', 'warning', 'A11'], // U: no VALUE
      ['PORTFOLIO_PREREQUISITE_UNAVAILABLE', 'error', 'I12'], // M is mandatory: kept, E ignored
      ['PORTFOLIO_PREREQUISITE_UNAVAILABLE', 'warning', 'I7'], // F needs the dropped E
      ['PORTFOLIO_PREREQUISITE_UNAVAILABLE', 'warning', 'I8'], // G needs the left-out F
    ]);
  });

  it('chooses the best plan and shows what rank-and-fill would have lost', async () => {
    // 1405 (budget 10): A (60, cost 6) or B + C (50 + 50, cost 5 + 5): B + C.
    // 1406 (budget 7): O (ongoing, 4) is in; H (30, cost 3) fills it; U (0) does not fit.
    // M (mandatory, no cost) is in. Optimum: B, C, H, O, M = 50 + 50 + 30 + 5 + 1 = 136.
    // Rank-and-fill: M, O first, then A (60) takes 6 of 1405, B and C no longer fit,
    // H fits 1406: A, H, O, M = 96, leaving 40 (hand-worked).
    const r = await selectPortfolio(built.input);
    expect(r.status).toBe('optimal');
    expect(r.chosen).toEqual(['B', 'C', 'H', 'O', 'M']);
    expect(r.objective).toBeCloseTo(136, 9);
    expect(r.forced).toEqual(['O', 'M']);
    expect(r.rankAndFill.chosen).toEqual(['A', 'H', 'O', 'M']);
    expect(r.scoreLeftOnTable).toBeCloseTo(40, 9);
    expect(r.spending).toEqual([
      { year: 1405, budget: 10n, spent: 10n, left: 0n },
      { year: 1406, budget: 7n, spent: 7n, left: 0n },
    ]);
  });

  it('lets ongoing projects compete when asked to', () => {
    const asCandidates = portfolioFromPlan(plan, budget, { ongoing: 'candidate' });
    expect(asCandidates.input.projects.find((p) => p.id === 'O')?.mandatory).toBe(false);
  });
});

describe('agreement with scipy.optimize.milp on a mid-size instance', () => {
  it('reaches the optimum recorded by tests/reference/portfolio_milp.py', async () => {
    // 50 projects over 5 years (tests/fixtures/portfolio/mid-50.json, seed 51).
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
    const input: PortfolioInput = {
      budget: new Map(Object.entries(raw.budget).map(([y, b]) => [Number(y), BigInt(b)])),
      projects: raw.projects.map((p) => ({
        ...p,
        costs: new Map(Object.entries(p.costs).map(([y, c]) => [Number(y), BigInt(c)])),
      })),
    };
    const r = await selectPortfolio(input);
    expect(r.status).toBe('optimal');
    expect(r.objective).toBeCloseTo(reference.objective, 6);
    expect(r.scoreLeftOnTable).toBeGreaterThanOrEqual(0);
  });
});
