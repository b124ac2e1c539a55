/**
 * Which tables each kind of workbook may hold (contract/kinds.ts) and the validation rule
 * over it (TABLE_NOT_IN_KIND, KPI_LEVEL_NOT_IN_KIND): the register refuses a push with such
 * an error, and `plan validate` reports the same finding.
 */
import type { Finding, RawTable, RawWorkbook, WorkbookKind } from '#core';
import {
  CONTRACT_TABLE_NAMES,
  KIND_TABLES,
  TABLE_NAMES,
  V2_TABLE_NAMES,
  WORKBOOK_KINDS,
  kindHoldsTable,
  samplePlanWorkbook,
  templateWorkbook,
  validateWorkbook,
} from '#core';

/** The split of the issue, written out by hand (the map must say the same). */
const EXPECTED: Record<Exclude<WorkbookKind, 'city'>, string[]> = {
  framework: [
    'tblUpstreamDocs',
    'tblDirectives',
    'tblSwot',
    'tblGoals',
    'tblStrategies',
    'tblPrograms',
    'tblSchemes',
    'tblFundingSources',
    'tblCriteria',
    'tblCriteriaPairwise',
    'tblKpis',
    'tblBudgetCodes',
    'tblStakeholders',
    'tblCommitments',
    'tblChanges',
  ],
  department: ['tblProjects', 'tblActivities', 'tblBudgetLines', 'tblKpis', 'tblChanges'],
  revenue: ['tblRevenueHistory', 'tblRevenueScenarios'],
  monitoring: ['tblActuals', 'tblRevenueActuals', 'tblKpiActuals'],
};
const EVERYWHERE = ['tblPlanInfo', 'tblDepartments'];

describe('the map of tables by workbook kind', () => {
  it('covers every kind and every v1 and v2 table', () => {
    expect(Object.keys(KIND_TABLES).sort()).toEqual(WORKBOOK_KINDS.map((k) => k.value).sort());
    expect(CONTRACT_TABLE_NAMES).toEqual([...TABLE_NAMES, ...V2_TABLE_NAMES]);
    // 22 tables read (20 of v1, tblSchemes and tblBudgetCodes of v2) and 3 v2 tables not yet read.
    expect(CONTRACT_TABLE_NAMES).toHaveLength(22 + 3);
    for (const name of CONTRACT_TABLE_NAMES)
      expect([name, Object.values(EXPECTED).some((list) => list.includes(name))]).toEqual([
        name,
        !EVERYWHERE.includes(name),
      ]);
  });

  it('lets `city` hold every table, and each other kind its own and the common ones', () => {
    expect([...KIND_TABLES.city].sort()).toEqual([...CONTRACT_TABLE_NAMES].sort());
    for (const [kind, own] of Object.entries(EXPECTED))
      expect([...KIND_TABLES[kind as WorkbookKind]].sort()).toEqual([...EVERYWHERE, ...own].sort());
  });

  it('has nothing to say about names outside the contract', () => {
    expect(kindHoldsTable('department', 'tblMyNotes')).toBe(true);
    expect(kindHoldsTable('department', 'tblPrograms')).toBe(false);
    expect(kindHoldsTable('monitoring', 'tblRevenueActuals')).toBe(true);
  });
});

/** A department workbook of 1405–1407 for D-CIV with one project, on sheets placed by hand. */
function departmentWorkbook(extra: RawTable[] = []): RawWorkbook {
  return {
    tables: [
      {
        name: 'tblPlanInfo',
        sheet: 'Info',
        address: 'A1',
        header: ['Key', 'Value'],
        rows: [
          ['StartYear', 1405],
          ['Years', 3],
          ['BaseYear', 1404],
          ['Department', 'D-CIV'],
          ['WorkbookKind', 'department'],
        ],
      },
      {
        name: 'tblProjects',
        sheet: 'Projects',
        address: 'A1',
        header: ['ProjectId', 'ProgramId', 'Title', 'Dept', 'StartYear', 'EndYear', 'SourceId'],
        rows: [['P-1', 'PG01', 'پل', 'D-CIV', 1405, 1407, 'SRC-1']],
      },
      ...extra,
    ],
  };
}

const revenueHistory = (address: string, rows: RawTable['rows']): RawTable => ({
  name: 'tblRevenueHistory',
  sheet: 'Revenue',
  address,
  header: ['RevenueClass', 'Code', 'Year', 'Amount'],
  rows,
});

const kindFindings = (fs: readonly Finding[]) =>
  fs.filter((f) => f.code === 'TABLE_NOT_IN_KIND' || f.code === 'KPI_LEVEL_NOT_IN_KIND');

describe('TABLE_NOT_IN_KIND', () => {
  it('refuses revenue history in a department workbook, at its first row holding a value', () => {
    // Header at C4 (row 4), a blank row 5, the first value in row 6: the finding is at C6.
    const wb = departmentWorkbook([
      revenueHistory('C4', [
        [null, null, null, null],
        ['general-duties', null, 1403, 640_000_000_000],
      ]),
    ]);
    const [f, ...rest] = kindFindings(validateWorkbook(wb).findings);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      severity: 'error',
      code: 'TABLE_NOT_IN_KIND',
      table: 'tblRevenueHistory',
      sheet: 'Revenue',
      row: 6,
      cell: 'C6',
    });
    expect(f?.message.en).toContain('a department workbook may not hold tblRevenueHistory');
    expect(f?.message.en).toContain('revenue workbook');
    expect(f?.message.fa).toContain('«واحد»');
    expect(f?.message.fa).toContain('«درآمد»');
    expect(f?.message.fa).not.toMatch(/[0-9]/);
  });

  it('refuses framework tables (programs, funding sources) in a department workbook', () => {
    const wb = departmentWorkbook([
      {
        name: 'tblPrograms',
        sheet: 'Programs',
        header: ['ProgramId', 'StrategyId', 'Title'],
        rows: [['PG01', 'S1', 'برنامه']],
      },
      {
        name: 'tblFundingSources',
        sheet: 'Sources',
        header: ['SourceId', 'Title', 'RevenueClass'],
        rows: [['SRC-1', 'منبع', 'general-duties']],
      },
    ]);
    const found = kindFindings(validateWorkbook(wb).findings);
    expect(found.map((f) => [f.table, f.cell])).toEqual([
      ['tblPrograms', 'A2'],
      ['tblFundingSources', 'A2'],
    ]);
    expect(found[0]?.message.en).toContain('framework');
  });

  it('ignores empty contract tables (a workbook started from the template) and reference data', () => {
    for (const { value: kind } of WORKBOOK_KINDS) {
      const template = templateWorkbook({ lang: 'fa', kind });
      expect([kind, kindFindings(validateWorkbook(template).findings)]).toEqual([kind, []]);
    }
    const wb = departmentWorkbook([
      revenueHistory('A1', []),
      {
        name: 'ref_tblPrograms',
        header: ['ProgramId', 'StrategyId', 'Title'],
        rows: [['PG01', 'S1', 'برنامه']],
      },
      {
        name: 'tblFundingSources',
        reference: true,
        header: ['SourceId', 'Title', 'RevenueClass'],
        rows: [['SRC-1', 'منبع', 'general-duties']],
      },
    ]);
    expect(kindFindings(validateWorkbook(wb).findings)).toEqual([]);
  });

  it('sees v2 tables by name before the reader knows their columns', () => {
    const wb = departmentWorkbook([
      {
        name: 'tblCommitments',
        sheet: 'Agencies',
        address: 'B2',
        header: ['CommitmentId', 'StakeholderId', 'LinkedId', 'Text'],
        rows: [['CM-1', 'SH-W', 'P-1', 'آبفا']],
      },
      // A department's requested changes are its own (v2, revision).
      {
        name: 'tblChanges',
        header: ['ChangeId', 'LinkedId', 'Change'],
        rows: [['CH-1', 'P-1', 'recost']],
      },
    ]);
    const found = kindFindings(validateWorkbook(wb).findings);
    expect(found.map((f) => [f.table, f.sheet, f.cell])).toEqual([
      ['tblCommitments', 'Agencies', 'B3'],
    ]);
  });

  it('takes the kind from the workbook, or from the caller (the register’s submission)', () => {
    const wb = departmentWorkbook([revenueHistory('A1', [['general-duties', null, 1403, 1]])]);
    const info = wb.tables[0] as RawTable;
    info.rows = info.rows.filter((r) => r[0] !== 'WorkbookKind');
    expect(kindFindings(validateWorkbook(wb).findings)).toEqual([]);
    const filed = validateWorkbook(wb, { workbookKind: 'department' }).findings;
    expect(kindFindings(filed).map((f) => f.table)).toEqual(['tblRevenueHistory']);
    expect(kindFindings(validateWorkbook(wb, { workbookKind: 'city' }).findings)).toEqual([]);
  });

  it('finds nothing in the sample city plan (a city workbook holds everything)', () => {
    expect(kindFindings(validateWorkbook(samplePlanWorkbook()).findings)).toEqual([]);
  });
});

describe('KPI_LEVEL_NOT_IN_KIND', () => {
  it('keeps macro KPIs out of a department workbook', () => {
    const wb = departmentWorkbook([
      {
        name: 'tblKpis',
        sheet: 'KPIs',
        address: 'A1',
        header: ['KpiId', 'Level', 'LinkedId', 'Title', 'Unit', 'Direction', 'Baseline'],
        rows: [
          ['K1', 'micro', 'P-1', 'پیشرفت', 'درصد', 'increase', 0],
          ['K2', 'کلان', 'G1', 'سرانه', 'مترمربع', 'increase', 9],
        ],
      },
    ]);
    const found = kindFindings(validateWorkbook(wb).findings);
    expect(found).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'KPI_LEVEL_NOT_IN_KIND',
        table: 'tblKpis',
        row: 3,
        column: 'Level',
        cell: 'B3',
      }),
    ]);
    expect(found[0]?.message.en).toContain('K2');
    expect(found[0]?.message.fa).toContain('«کلان»');
  });
});
