/**
 * Rolling the plan (`rollPlan`, issue 14) on a hand-worked example: a 1405–1409 department
 * plan and its 1405 monitoring up to H1 roll into the 1406–1410 plan. Every expected figure
 * below is worked by hand from the rule (shared/src/roll/index.ts), not by the code:
 *
 *   P-1 1405–1407, costs 100 / 200 / 300 / 0 / 0, approved, no SpentBefore. Paid to date at
 *       1405 H1 (cumulative): 45 (Q1 was 20). Rolled: 1406 200, 1407 300, 1408 0, 1409 0,
 *       1410 empty; SpentBefore 0 + 45 = 45; it started in 1405 and was paid for: ongoing.
 *   P-2 1404–1405, ongoing, SpentBefore 70, cost 50 in 1405: its last year is over, it leaves.
 *   P-3 1407–1409, proposed, 400 / 500 / 600 in 1407–1409: the same years, 1410 empty.
 *   A-1 10 a year: 1406–1409 10, 1410 empty (an activity has no SpentBefore).
 *   K-1 targets 10 / 20 / 30 / 40 / 50: 1406–1409 20 / 30 / 40 / 50, 1410 empty.
 *   Budget lines: B-1 (1405) leaves, B-2 (1406) stays.
 *   Revenue: general duties 2,500 at Q1 and 5,000 at H1 (no FY): history 1405 = 5,000, from
 *   H1, said in a note; government grants FY 1,800: history 1405 = 1,800.
 */
import type { CanonicalRow, CanonicalTable } from '#core';
import {
  fromCanonicalTables,
  idKey,
  paidInYear,
  realisedRevenue,
  rollPlan,
  validateWorkbook,
} from '#core';

const t = (name: CanonicalTable['name'], columns: string[], rows: CanonicalRow[]) => ({
  name,
  columns,
  rows,
});

const YEARS = ['1405', '1406', '1407', '1408', '1409'];
const plan: CanonicalTable[] = [
  t(
    'tblPlanInfo',
    ['Key', 'Value'],
    [
      { Key: 'StartYear', Value: 1405 },
      { Key: 'Years', Value: 5 },
      { Key: 'BaseYear', Value: 1404 },
      { Key: 'Unit', Value: 'Rial' },
      { Key: 'Department', Value: 'D1' },
      { Key: 'WorkbookKind', Value: 'department' },
    ],
  ),
  t(
    'tblProjects',
    ['ProjectId', 'ProgramId', 'Title', 'Dept', 'StartYear', 'EndYear', ...YEARS, 'Status'],
    [
      {
        ProjectId: 'P-1',
        ProgramId: 'PR1',
        Title: 'تقاطع',
        Dept: 'D1',
        StartYear: 1405,
        EndYear: 1407,
        1405: '100',
        1406: '200',
        1407: '300',
        1408: '0',
        1409: '0',
        Status: 'approved',
      },
      {
        ProjectId: 'P-2',
        ProgramId: 'PR1',
        Title: 'پل',
        Dept: 'D1',
        StartYear: 1404,
        EndYear: 1405,
        1405: '50',
        Status: 'ongoing',
        SpentBefore: '70',
      },
      {
        ProjectId: 'P-3',
        ProgramId: 'PR1',
        Title: 'بوستان',
        Dept: 'D1',
        StartYear: 1407,
        EndYear: 1409,
        1407: '400',
        1408: '500',
        1409: '600',
        Status: 'proposed',
      },
    ],
  ),
  t(
    'tblActivities',
    ['ActivityId', 'ProgramId', 'Title', 'Dept', 'Kind', ...YEARS],
    [
      {
        ActivityId: 'A-1',
        ProgramId: 'PR1',
        Title: 'نگهداری',
        Dept: 'D1',
        Kind: 'maintenance',
        ...Object.fromEntries(YEARS.map((y) => [y, '10'])),
      },
    ],
  ),
  t(
    'tblKpis',
    ['KpiId', 'Level', 'LinkedId', 'Title', 'Unit', 'Direction', 'Baseline', ...YEARS],
    [
      {
        KpiId: 'K-1',
        Level: 'micro',
        LinkedId: 'P-1',
        Title: 'پیشرفت',
        Unit: 'درصد',
        Direction: 'increase',
        Baseline: 0,
        1405: 10,
        1406: 20,
        1407: 30,
        1408: 40,
        1409: 50,
      },
    ],
  ),
  t(
    'tblBudgetLines',
    ['BudgetCode', 'Year', 'Kind', 'LinkedId', 'SourceId', 'Amount'],
    [
      {
        BudgetCode: 'B-1',
        Year: 1405,
        Kind: 'capital',
        LinkedId: 'P-1',
        SourceId: 'SRC1',
        Amount: '100',
      },
      {
        BudgetCode: 'B-2',
        Year: 1406,
        Kind: 'capital',
        LinkedId: 'P-1',
        SourceId: 'SRC1',
        Amount: '200',
      },
    ],
  ),
  t(
    'tblRevenueHistory',
    ['RevenueClass', 'Code', 'Year', 'Amount'],
    [
      { RevenueClass: 'general-duties', Year: 1403, Amount: '9000' },
      { RevenueClass: 'general-duties', Year: 1404, Amount: '10000' },
      { RevenueClass: 'government-grants', Year: 1404, Amount: '1700' },
    ],
  ),
];

const monitoring: CanonicalTable[] = [
  t(
    'tblActuals',
    ['LinkedId', 'Year', 'Period', 'Allocated', 'Committed', 'Paid'],
    [
      { LinkedId: 'P-1', Year: 1405, Period: 'Q1', Allocated: '30', Committed: '25', Paid: '20' },
      { LinkedId: 'P-1', Year: 1405, Period: 'H1', Allocated: '60', Committed: '50', Paid: '45' },
      { LinkedId: 'A-1', Year: 1405, Period: 'H1', Allocated: '5', Committed: '5', Paid: '5' },
    ],
  ),
  t(
    'tblRevenueActuals',
    ['RevenueClass', 'Year', 'Period', 'Amount'],
    [
      { RevenueClass: 'general-duties', Year: 1405, Period: 'Q1', Amount: '2500' },
      { RevenueClass: 'general-duties', Year: 1405, Period: 'H1', Amount: '5000' },
      { RevenueClass: 'government-grants', Year: 1405, Period: 'FY', Amount: '1800' },
    ],
  ),
];

const rowsOf = (tables: readonly CanonicalTable[], name: string) =>
  tables.find((x) => x.name === name)?.rows ?? [];

describe('rolling a plan a year on', () => {
  const rolled = rollPlan(plan, { monitoring });

  it('moves the plan information one year on', () => {
    expect(rolled.startYear).toBe(1406);
    expect(rolled.realisedYear).toBe(1405);
    const info = Object.fromEntries(
      rowsOf(rolled.tables, 'tblPlanInfo').map((r) => [r.Key, r.Value]),
    );
    expect(info).toMatchObject({ StartYear: 1406, Years: 5, BaseYear: 1405 });
  });

  it('keeps projects’ later years, adds what was paid to SpentBefore, leaves the finished out', () => {
    const projects = rolled.tables.find((x) => x.name === 'tblProjects');
    expect(projects?.columns.filter((c) => /^\d{4}$/.test(c))).toEqual([
      '1406',
      '1407',
      '1408',
      '1409',
      '1410',
    ]);
    expect(projects?.columns).toContain('SpentBefore');
    expect(projects?.rows).toEqual([
      {
        ProjectId: 'P-1',
        ProgramId: 'PR1',
        Title: 'تقاطع',
        Dept: 'D1',
        StartYear: 1405,
        EndYear: 1407,
        1406: '200',
        1407: '300',
        1408: '0',
        1409: '0',
        Status: 'ongoing',
        SpentBefore: '45',
      },
      {
        ProjectId: 'P-3',
        ProgramId: 'PR1',
        Title: 'بوستان',
        Dept: 'D1',
        StartYear: 1407,
        EndYear: 1409,
        1407: '400',
        1408: '500',
        1409: '600',
        Status: 'proposed',
      },
    ]);
    expect(rolled.notes.map((n) => n.en)).toContainEqual(expect.stringContaining('P-2'));
  });

  it('keeps activities’ and KPI targets’ later years, the new last year empty', () => {
    const a = rowsOf(rolled.tables, 'tblActivities')[0];
    expect(a).toMatchObject({ 1406: '10', 1409: '10' });
    expect(a).not.toHaveProperty('1405');
    expect(a).not.toHaveProperty('1410');
    const k = rowsOf(rolled.tables, 'tblKpis')[0];
    expect([k?.['1406'], k?.['1407'], k?.['1408'], k?.['1409'], k?.['1410']]).toEqual([
      20,
      30,
      40,
      50,
      undefined,
    ]);
  });

  it('drops the realised year’s budget lines and carries no monitoring', () => {
    expect(rowsOf(rolled.tables, 'tblBudgetLines').map((r) => r.BudgetCode)).toEqual(['B-2']);
    expect(rolled.tables.map((x) => x.name)).not.toContain('tblActuals');
  });

  it('adds the realised year to the revenue history, and says when it is not the full year', () => {
    expect(rowsOf(rolled.tables, 'tblRevenueHistory')).toEqual([
      { RevenueClass: 'general-duties', Year: 1403, Amount: '9000' },
      { RevenueClass: 'general-duties', Year: 1404, Amount: '10000' },
      { RevenueClass: 'government-grants', Year: 1404, Amount: '1700' },
      { RevenueClass: 'general-duties', Year: 1405, Amount: '5000' },
      { RevenueClass: 'government-grants', Year: 1405, Amount: '1800' },
    ]);
    const note = rolled.notes.find((n) => n.en.includes('revenue history'));
    expect(note?.en).toContain('H1');
    expect(note?.fa).toContain('شش‌ماهه اول');
  });

  it('adds no error but the new last year’s empty KPI target (the department fills it)', () => {
    const errors = (tables: readonly CanonicalTable[]) =>
      [
        ...new Set(
          validateWorkbook(fromCanonicalTables(tables))
            .findings.filter((f) => f.severity === 'error')
            .map((f) => `${f.code} ${f.table ?? ''} ${f.column ?? ''}`),
        ),
      ].sort();
    // The example leaves out columns it does not need, so the plan has errors of its own.
    expect(errors(rolled.tables)).toEqual([...errors(plan), 'KPI_NO_TARGET tblKpis 1410'].sort());
  });

  it('reads what was paid and realised in a year', () => {
    const actuals = rowsOf(monitoring, 'tblActuals');
    // By the core's ID key (case and digits folded).
    expect(paidInYear(actuals, 1405)).toEqual(
      new Map([
        [idKey('P-1'), 45n],
        [idKey('A-1'), 5n],
      ]),
    );
    // v1 actuals (Spent per period): FY when given, else the periods' sum.
    const v1: CanonicalRow[] = [
      { LinkedId: 'P-1', Year: 1405, Period: 'Q1', Spent: '20' },
      { LinkedId: 'P-1', Year: 1405, Period: 'Q2', Spent: '25' },
      { LinkedId: 'P-9', Year: 1405, Period: 'FY', Spent: '90' },
    ];
    expect(paidInYear(v1, 1405)).toEqual(
      new Map([
        [idKey('P-1'), 45n],
        [idKey('P-9'), 90n],
      ]),
    );
    expect(realisedRevenue(rowsOf(monitoring, 'tblRevenueActuals'), 1405)).toEqual([
      { revenueClass: 'general-duties', code: '', amount: 5000n, period: 'H1' },
      { revenueClass: 'government-grants', code: '', amount: 1800n, period: 'FY' },
    ]);
  });
});
