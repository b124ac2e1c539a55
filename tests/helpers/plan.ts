/**
 * A small but complete city plan to build tests on, the pieces a test types its own small
 * plan from (`rawTable`, `planInfo`), and the edits tests make to a raw
 * workbook (set a cell, add or remove a row or a column). One builder for every test that
 * needs a plan typed by hand, so that a change of the contract is made once.
 */
import type { RawCell, RawTable, RawWorkbook } from '#core';

export type Rows = Record<string, RawCell>[];

/**
 * A raw table from rows typed in header order, on the sheet `sheet` (default: a sheet named
 * after the table) with no address: for the small plans a test types to make one point.
 */
export function rawTable(
  name: string,
  header: readonly RawCell[],
  rows: RawCell[][],
  sheet: string = name,
): RawTable {
  return { name, sheet, header: [...header], rows };
}

/** `tblPlanInfo` with these keys and values, in order (e.g. `{ StartYear: 1405, Years: 3 }`). */
export function planInfo(values: Record<string, RawCell>): RawTable {
  return rawTable(
    'tblPlanInfo',
    ['Key', 'Value'],
    Object.entries(values).map(([k, v]) => [k, v]),
  );
}

export function table(
  name: string,
  sheet: string,
  address: string,
  header: string[],
  rows: Rows,
): RawTable {
  return {
    name,
    sheet,
    address,
    header: [...header],
    rows: rows.map((r) => header.map((h) => r[h] ?? null)),
  };
}

// Plan period 1405–1407 (StartYear 1405, Years 3).
//
// Where the tables sit (header row; first data row is the next one):
//   Info!A1 tblPlanInfo          Key(A) Value(B)
//   Projects!B3 tblProjects       ProjectId(B) ProgramId(C) Title(D) Dept(E) Region(F) StartYear(G)
//                                 EndYear(H) 1405(I) 1406(J) 1407(K) SourceId(L) Status(M)
//                                 Mandatory(N) DependsOn(O) OpexImpact(P) C1(Q) C2(R) C3(S)
//                                 rows: P-1 row 4, P-2 row 5, a third project row 6
//   Activities!A1 tblActivities   ActivityId(A) ProgramId(B) Title(C) Dept(D) Kind(E) 1405(F)
//                                 1406(G) 1407(H) SourceId(I); A-1 row 2
//   KPIs!A1 tblKpis               KpiId(A) Level(B) LinkedId(C) Title(D) Unit(E) Direction(F)
//                                 Baseline(G) BaselineYear(H) 1405(I) 1406(J) 1407(K) …; K1 row 2,
//                                 K2 row 3, K3 row 4
//   SWOT!B2 tblSwot               FactorId(B) Kind(C) Text(D) Weight(E) Rating(F); S1 row 3 …
//   Criteria!A1 tblCriteria       CriterionId(A) Title(B) Weight(C) Direction(D) ScaleMin(E) ScaleMax(F)
//   Criteria!A7 tblCriteriaPairwise  CriterionId(A) C1(B) C2(C) C3(D); C1 row 8, C2 row 9, C3 row 10
//   Budget!A1 tblBudgetLines      BudgetCode(A) Year(B) Kind(C) LinkedId(D) SourceId(E) Amount(F)
//   Monitoring!A1 tblActuals      LinkedId(A) Year(B) Period(C) Spent(D) PhysicalProgress(E)
//   Revenue!A1 tblRevenueHistory  RevenueClass(A) Code(B) Year(C) Amount(D)
//   Revenue!F1 tblRevenueScenarios Scenario(F) RevenueClass(G) Method(H) …
export function smallCityPlan(): RawWorkbook {
  return {
    tables: [
      table(
        'tblPlanInfo',
        'Info',
        'A1',
        ['Key', 'Value'],
        [
          { Key: 'City', Value: 'Sample city' },
          { Key: 'StartYear', Value: 1405 },
          { Key: 'Years', Value: 3 },
          { Key: 'BaseYear', Value: 1404 },
          { Key: 'WorkbookKind', Value: 'city' },
          { Key: 'Unit', Value: 'Rial' },
        ],
      ),
      table(
        'tblDepartments',
        'Departments',
        'A1',
        ['DeptId', 'Name', 'Kind'],
        [
          { DeptId: 'D1', Name: 'معاونت عمران', Kind: 'deputy' },
          { DeptId: 'D2', Name: 'منطقه ۱', Kind: 'district' },
        ],
      ),
      table(
        'tblUpstreamDocs',
        'Upstream',
        'A1',
        ['DocId', 'Title', 'Level', 'Type', 'ApprovedOn', 'Reference'],
        [{ DocId: 'DOC1', Title: 'طرح جامع', Level: 'city', Type: 'master' }],
      ),
      table(
        'tblDirectives',
        'Upstream',
        'A6',
        ['DirectiveId', 'DocId', 'Text', 'Sector'],
        [{ DirectiveId: 'DIR1', DocId: 'DOC1', Text: 'توسعه حمل‌ونقل عمومی', Sector: 'transport' }],
      ),
      table(
        'tblSwot',
        'SWOT',
        'B2',
        ['FactorId', 'Kind', 'Text', 'Weight', 'Rating'],
        [
          { FactorId: 'S1', Kind: 'S', Text: 'درآمد پایدار', Weight: 0.3, Rating: 4 },
          { FactorId: 'S2', Kind: 'S', Text: 'نیروی متخصص', Weight: 0.2, Rating: 3 },
          { FactorId: 'W1', Kind: 'W', Text: 'بدهی', Weight: 0.3, Rating: 1 },
          { FactorId: 'W2', Kind: 'W', Text: 'فرسودگی ناوگان', Weight: 0.2, Rating: 2 },
          { FactorId: 'O1', Kind: 'O', Text: 'اعتبارات ملی', Weight: 0.6, Rating: 3 },
          { FactorId: 'T1', Kind: 'T', Text: 'تورم', Weight: 0.4, Rating: 2 },
        ],
      ),
      table(
        'tblGoals',
        'Goals',
        'A1',
        ['GoalId', 'Title', 'Perspective', 'Description'],
        [
          { GoalId: 'G1', Title: 'شهر روان', Perspective: 'citizen' },
          { GoalId: 'G2', Title: 'پایداری مالی', Perspective: 'financial' },
        ],
      ),
      table(
        'tblStrategies',
        'Strategies',
        'A1',
        ['StrategyId', 'GoalId', 'Title', 'SwotType', 'MunicipalRole', 'DirectiveIds', 'OwnerDept'],
        [
          {
            StrategyId: 'S1.1',
            GoalId: 'G1',
            Title: 'توسعه مترو',
            SwotType: 'SO',
            MunicipalRole: 'lead',
            DirectiveIds: 'DIR1',
            OwnerDept: 'D1',
          },
          {
            StrategyId: 'S2.1',
            GoalId: 'G2',
            Title: 'درآمد پایدار',
            SwotType: 'WO',
            MunicipalRole: 'lead',
            OwnerDept: 'D1',
          },
        ],
      ),
      table(
        'tblPrograms',
        'Programs',
        'A1',
        ['ProgramId', 'StrategyId', 'Title', 'OwnerDept'],
        [
          { ProgramId: 'PR1', StrategyId: 'S1.1', Title: 'خطوط مترو', OwnerDept: 'D1' },
          { ProgramId: 'PR2', StrategyId: 'S2.1', Title: 'نگهداشت', OwnerDept: 'D2' },
        ],
      ),
      table(
        'tblFundingSources',
        'Sources',
        'A1',
        ['SourceId', 'Title', 'RevenueClass', 'Restricted'],
        [
          { SourceId: 'SRC1', Title: 'عوارض', RevenueClass: 'general-duties', Restricted: false },
          {
            SourceId: 'SRC2',
            Title: 'کمک دولت',
            RevenueClass: 'government-grants',
            Restricted: true,
          },
        ],
      ),
      table('tblProjects', 'Projects', 'B3', PROJECT_HEADER, [
        {
          ProjectId: 'P-1',
          ProgramId: 'PR1',
          Title: 'خط ۲ مترو',
          Dept: 'D1',
          Region: '1',
          StartYear: 1405,
          EndYear: 1406,
          '1405': 1000,
          '1406': 2000,
          '1407': 0,
          SourceId: 'SRC1',
          Status: 'approved',
          Mandatory: false,
          DependsOn: '',
          OpexImpact: 100,
          C1: 4,
          C2: 30,
          C3: 5,
        },
        {
          ProjectId: 'P-2',
          ProgramId: 'PR1',
          Title: 'ایستگاه‌ها',
          Dept: 'D1',
          Region: '2',
          StartYear: 1406,
          EndYear: 1407,
          '1405': 0,
          '1406': 500,
          '1407': 700,
          SourceId: 'SRC2',
          Status: 'proposed',
          Mandatory: false,
          DependsOn: 'P-1',
          OpexImpact: 0,
          C1: 3,
          C2: 60,
          C3: 7,
        },
      ]),
      table(
        'tblActivities',
        'Activities',
        'A1',
        ['ActivityId', 'ProgramId', 'Title', 'Dept', 'Kind', '1405', '1406', '1407', 'SourceId'],
        [
          {
            ActivityId: 'A-1',
            ProgramId: 'PR2',
            Title: 'نگهداری معابر',
            Dept: 'D2',
            Kind: 'maintenance',
            '1405': 300,
            '1406': 300,
            '1407': 300,
            SourceId: 'SRC1',
          },
        ],
      ),
      table(
        'tblCriteria',
        'Criteria',
        'A1',
        ['CriterionId', 'Title', 'Weight', 'Direction', 'ScaleMin', 'ScaleMax'],
        [
          {
            CriterionId: 'C1',
            Title: 'اثر',
            Weight: 0.5,
            Direction: 'benefit',
            ScaleMin: 1,
            ScaleMax: 5,
          },
          {
            CriterionId: 'C2',
            Title: 'هزینه',
            Weight: 0.3,
            Direction: 'cost',
            ScaleMin: 0,
            ScaleMax: 100,
          },
          {
            CriterionId: 'C3',
            Title: 'فوریت',
            Weight: 0.2,
            Direction: 'benefit',
            ScaleMin: 0,
            ScaleMax: 10,
          },
        ],
      ),
      // A perfectly consistent matrix: C1 twice C2, C2 twice C3, C1 four times C3 (CR = 0).
      table(
        'tblCriteriaPairwise',
        'Criteria',
        'A7',
        ['CriterionId', 'C1', 'C2', 'C3'],
        [
          { CriterionId: 'C1', C1: 1, C2: 2, C3: 4 },
          { CriterionId: 'C2', C1: 0.5, C2: 1, C3: 2 },
          { CriterionId: 'C3', C1: 0.25, C2: 0.5, C3: 1 },
        ],
      ),
      table(
        'tblKpis',
        'KPIs',
        'A1',
        [
          'KpiId',
          'Level',
          'LinkedId',
          'Title',
          'Unit',
          'Direction',
          'Baseline',
          'BaselineYear',
          '1405',
          '1406',
          '1407',
          'OwnerDept',
          'Source',
          'Frequency',
        ],
        [
          {
            KpiId: 'K1',
            Level: 'macro',
            LinkedId: 'G1',
            Title: 'سهم حمل‌ونقل عمومی',
            Unit: 'percent',
            Direction: 'increase',
            Baseline: 10,
            BaselineYear: 1404,
            '1405': 12,
            '1406': 14,
            '1407': 16,
            OwnerDept: 'D1',
            Frequency: 'annual',
          },
          {
            KpiId: 'K2',
            Level: 'macro',
            LinkedId: 'G2',
            Title: 'نسبت بدهی',
            Unit: 'percent',
            Direction: 'decrease',
            Baseline: 50,
            BaselineYear: 1403,
            '1405': 45,
            '1406': 40,
            '1407': 35,
            OwnerDept: 'D1',
            Frequency: 'annual',
          },
          {
            KpiId: 'K3',
            Level: 'micro',
            LinkedId: 'P-1',
            Title: 'پیشرفت خط ۲',
            Unit: 'percent',
            Direction: 'increase',
            Baseline: 0,
            BaselineYear: 1404,
            '1405': 30,
            '1406': 60,
            '1407': 100,
            OwnerDept: 'D1',
            Frequency: 'quarterly',
          },
        ],
      ),
      table(
        'tblRevenueHistory',
        'Revenue',
        'A1',
        ['RevenueClass', 'Code', 'Year', 'Amount'],
        [
          { RevenueClass: 'general-duties', Year: 1402, Amount: 8000 },
          { RevenueClass: 'general-duties', Year: 1403, Amount: 9000 },
          { RevenueClass: 'general-duties', Year: 1404, Amount: 10000 },
        ],
      ),
      table(
        'tblRevenueScenarios',
        'Revenue',
        'F1',
        ['Scenario', 'RevenueClass', 'Method', 'GrowthRate', 'Adjustment', 'Volatility'],
        [
          {
            Scenario: 'base',
            RevenueClass: 'general-duties',
            Method: 'growth',
            GrowthRate: 0.1,
            Adjustment: 1,
          },
        ],
      ),
      table(
        'tblBudgetLines',
        'Budget',
        'A1',
        ['BudgetCode', 'Year', 'Kind', 'LinkedId', 'SourceId', 'Amount'],
        [
          {
            BudgetCode: 'B-1',
            Year: 1405,
            Kind: 'capital',
            LinkedId: 'P-1',
            SourceId: 'SRC1',
            Amount: 1000,
          },
          {
            BudgetCode: 'B-2',
            Year: 1405,
            Kind: 'current',
            LinkedId: 'A-1',
            SourceId: 'SRC1',
            Amount: 300,
          },
        ],
      ),
      table(
        'tblActuals',
        'Monitoring',
        'A1',
        ['LinkedId', 'Year', 'Period', 'Spent', 'PhysicalProgress'],
        [{ LinkedId: 'P-1', Year: 1405, Period: 'FY', Spent: 900, PhysicalProgress: 40 }],
      ),
      table(
        'tblKpiActuals',
        'Monitoring',
        'H1',
        ['KpiId', 'Year', 'Period', 'Actual'],
        [{ KpiId: 'K1', Year: 1405, Period: 'FY', Actual: 12 }],
      ),
      table(
        'tblStakeholders',
        'Stakeholders',
        'A1',
        ['StakeholderId', 'Name', 'Type'],
        [{ StakeholderId: 'SH1', Name: 'شورای شهر', Type: 'council' }],
      ),
    ],
  };
}

/** The header of `smallCityPlan`'s `tblProjects` (placed at Projects!B3). */
export const PROJECT_HEADER = [
  'ProjectId',
  'ProgramId',
  'Title',
  'Dept',
  'Region',
  'StartYear',
  'EndYear',
  '1405',
  '1406',
  '1407',
  'SourceId',
  'Status',
  'Mandatory',
  'DependsOn',
  'OpexImpact',
  'C1',
  'C2',
  'C3',
];

/** The raw table `name` of a workbook. */
export function tableOf(wb: RawWorkbook, name: string): RawTable {
  const t = wb.tables.find((x) => x.name === name);
  if (!t) throw new Error(`no ${name}`);
  return t;
}

/** Sets a cell of the row whose first cell is `id` (or the row at `id` when a number). */
export function setCell(
  wb: RawWorkbook,
  name: string,
  id: string | number,
  column: string,
  value: RawCell,
) {
  const t = tableOf(wb, name);
  const c = t.header.indexOf(column);
  const row = typeof id === 'number' ? t.rows[id] : t.rows.find((r) => r[0] === id);
  if (c < 0 || !row) throw new Error(`no ${name} ${id} ${column}`);
  row[c] = value;
}

/** Appends a row given by column. */
export function addRow(wb: RawWorkbook, name: string, values: Record<string, RawCell>) {
  const t = tableOf(wb, name);
  t.rows.push(t.header.map((h) => values[String(h)] ?? null));
}

/** Removes the row whose first cell is `id` (or the row at `id` when a number). */
export function removeRow(wb: RawWorkbook, name: string, id: string | number) {
  const t = tableOf(wb, name);
  t.rows = t.rows.filter((r, i) => (typeof id === 'number' ? i !== id : r[0] !== id));
}

/** Removes a column and its cells. */
export function removeColumn(wb: RawWorkbook, name: string, column: string) {
  const t = tableOf(wb, name);
  const c = t.header.indexOf(column);
  t.header.splice(c, 1);
  for (const r of t.rows) r.splice(c, 1);
}

// A plan to monitor and a monitoring workbook of it (contract v2), plan period 1405–1407:
//   P-EV (PR1, D1) 1405–1407, costs 20,000 / 60,000 / 20,000, TotalCost 100,000, nothing spent before
//   P-OK (PR1, D1) ongoing since 1404, costs 20,000 / 20,000 / 0, SpentBefore 10,000, no TotalCost
//   P-LATE (PR2, D2) 1406 only, cost 5,000 (never reported)
//   A-1 (PR2, D2) activity, 10,000 a year
// Budget lines of 1406: P-EV approved 50,000, amended −5,000, supplement 3,000 and a proposed
// 99,999 (not in the current budget); P-OK approved 20,000; A-1 approved 10,000.
// Revenue: general-duties 8,000 / 9,000 / 10,000 in 1402–1404, base growth 10%; government
// grants 2,000 a year, base growth 0.
export function monitoredPlan(): RawWorkbook {
  return {
    tables: [
      planInfo({ StartYear: 1405, Years: 3, BaseYear: 1404, WorkbookKind: 'city' }),
      rawTable(
        'tblDepartments',
        ['DeptId', 'Name', 'Kind'],
        [
          ['D1', 'معاونت عمران', 'deputy'],
          ['D2', 'منطقه ۱', 'district'],
        ],
      ),
      rawTable(
        'tblFundingSources',
        ['SourceId', 'Title', 'RevenueClass'],
        [
          ['SRC1', 'عوارض', 'general-duties'],
          ['SRC2', 'کمک دولت', 'government-grants'],
        ],
      ),
      rawTable(
        'tblProjects',
        [
          'ProjectId',
          'ProgramId',
          'Title',
          'Dept',
          'StartYear',
          'EndYear',
          '1405',
          '1406',
          '1407',
          'SourceId',
          'Status',
          'TotalCost',
          'SpentBefore',
        ],
        [
          [
            'P-EV',
            'PR1',
            'تقاطع',
            'D1',
            1405,
            1407,
            20000,
            60000,
            20000,
            'SRC1',
            'approved',
            100000,
            null,
          ],
          [
            'P-OK',
            'PR1',
            'بوستان',
            'D1',
            1404,
            1406,
            20000,
            20000,
            0,
            'SRC1',
            'ongoing',
            null,
            10000,
          ],
          ['P-LATE', 'PR2', 'پل', 'D2', 1406, 1406, 0, 5000, 0, 'SRC2', 'approved', null, null],
        ],
      ),
      rawTable(
        'tblActivities',
        ['ActivityId', 'ProgramId', 'Title', 'Dept', 'Kind', '1405', '1406', '1407', 'SourceId'],
        [['A-1', 'PR2', 'نگهداری معابر', 'D2', 'maintenance', 10000, 10000, 10000, 'SRC1']],
      ),
      rawTable(
        'tblBudgetLines',
        ['BudgetCode', 'Year', 'Kind', 'LinkedId', 'SourceId', 'Amount', 'Stage'],
        [
          ['B-EV', 1406, 'capital', 'P-EV', 'SRC1', 50000, 'approved'],
          ['B-EV', 1406, 'capital', 'P-EV', 'SRC1', -5000, 'amended'],
          ['B-EV', 1406, 'capital', 'P-EV', 'SRC1', 3000, 'supplement'],
          ['B-EV', 1406, 'capital', 'P-EV', 'SRC1', 99999, 'proposed'],
          ['B-OK', 1406, 'capital', 'P-OK', 'SRC1', 20000, 'approved'],
          ['B-A1', 1406, 'current', 'A-1', 'SRC1', 10000, 'approved'],
        ],
      ),
      rawTable(
        'tblRevenueHistory',
        ['RevenueClass', 'Code', 'Year', 'Amount'],
        [
          ['general-duties', null, 1402, 8000],
          ['general-duties', null, 1403, 9000],
          ['general-duties', null, 1404, 10000],
          ['government-grants', null, 1402, 2000],
          ['government-grants', null, 1403, 2000],
          ['government-grants', null, 1404, 2000],
        ],
      ),
      rawTable(
        'tblRevenueScenarios',
        ['Scenario', 'RevenueClass', 'Method', 'GrowthRate', 'Adjustment'],
        [
          ['base', 'general-duties', 'growth', 0.1, 1],
          ['base', 'government-grants', 'growth', 0, 1],
        ],
      ),
    ],
  };
}

/** The header of `monitoringWorkbook`'s `tblActuals` (v2: cumulative Allocated/Committed/Paid). */
export const ACTUALS_V2_HEADER = [
  'LinkedId',
  'Year',
  'Period',
  'Allocated',
  'Committed',
  'Paid',
  'PhysicalProgress',
] as const;

/**
 * A monitoring workbook of `monitoredPlan` up to 1406 H1 (cumulative within each year):
 *   P-EV 1405 FY 20,000 / 19,000 / 18,000, 20%; 1406 Q1 20,000 / 15,000 / 12,000, 30%;
 *        1406 H1 40,000 / 36,000 / 27,000, 40%
 *   P-OK 1405 FY 20,000 / 20,000 / 20,000, 60%; 1406 H1 15,000 / 12,000 / 9,000, 80%
 *   A-1  1406 H1 5,000 / 4,000 / 3,000
 * Revenue of 1406: general duties 2,500 at Q1 and 5,000 at H1; government grants 700 at H1.
 * `edit` changes the rows (by table name) before the workbook is made.
 */
export function monitoringWorkbook(
  edit: (rows: Record<string, RawCell[][]>) => void = () => {},
): RawWorkbook {
  const rows: Record<string, RawCell[][]> = {
    tblActuals: [
      ['P-EV', 1405, 'FY', 20000, 19000, 18000, 20],
      ['P-EV', 1406, 'Q1', 20000, 15000, 12000, 30],
      ['P-EV', 1406, 'H1', 40000, 36000, 27000, 40],
      ['P-OK', 1405, 'FY', 20000, 20000, 20000, 60],
      ['P-OK', 1406, 'H1', 15000, 12000, 9000, 80],
      ['A-1', 1406, 'H1', 5000, 4000, 3000, null],
    ],
    tblRevenueActuals: [
      ['general-duties', null, 1406, 'Q1', 2500],
      ['general-duties', null, 1406, 'H1', 5000],
      ['government-grants', null, 1406, 'H1', 700],
    ],
  };
  edit(rows);
  return {
    tables: [
      planInfo({ StartYear: 1405, Years: 3, WorkbookKind: 'monitoring' }),
      rawTable('tblActuals', [...ACTUALS_V2_HEADER], rows.tblActuals ?? []),
      rawTable(
        'tblRevenueActuals',
        ['RevenueClass', 'Code', 'Year', 'Period', 'Amount'],
        rows.tblRevenueActuals ?? [],
      ),
    ],
  };
}
