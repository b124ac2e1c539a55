/**
 * The plan rules of contract v2 (plan-workbook.md, "Rules (v2)"), each on a small workbook
 * typed here so that the offending cell is known: schemes and programs, partners, budget
 * codes and their levels, start windows, whole-life cost, readiness, capacity, the operating
 * balance's sources and budget lines per code and stage.
 */
import type { Finding, RawCell, RawWorkbook } from '#core';
import { validateWorkbook } from '#core';
import { planInfo, rawTable } from '../helpers/plan';

const PROJECT_HEADER = [
  'ProjectId',
  'ProgramId',
  'Title',
  'Dept',
  'StartYear',
  'EndYear',
  '1405',
  '1406',
  'SourceId',
  'Status',
  'SchemeId',
  'BudgetCode',
  'TotalCost',
  'SpentBefore',
  'Readiness',
  'EarliestStart',
  'LatestStart',
];

/** A framework and department in one workbook of 1405–1406; `edit` changes it for one rule. */
function workbook(edit: (t: Record<string, RawCell[][]>) => void = () => {}): RawWorkbook {
  const rows: Record<string, RawCell[][]> = {
    tblDepartments: [['D-CIV', 'عمران', 'deputy', 3, 5000]],
    tblStakeholders: [
      ['SH-W', 'آب و فاضلاب', 'agency'],
      ['SH-N', 'انجمن محله', 'ngo'],
    ],
    tblGoals: [['G1', 'هدف']],
    tblStrategies: [['S1', 'G1', 'راهبرد', 'SH-W']],
    tblPrograms: [['PG1', 'S1', 'معابر', '02-01', '02']],
    tblSchemes: [['SC1', 'PG1', 'طرح معابر', '02-01-1']],
    tblFundingSources: [
      ['SRC-GEN', 'عوارض', 'general-duties', 'revenue'],
      ['SRC-SALE', 'فروش اموال', 'other-resources', 'capital-disposal'],
    ],
    tblBudgetCodes: [
      ['02', null, 'function', 'عمران'],
      ['02-01', '02', 'program', 'معابر'],
      ['02-01-1', '02-01', 'scheme', 'طرح معابر'],
      ['02-01-1-001', '02-01-1', 'project', 'پل'],
      ['02-01-A-001', '02-01', 'activity', 'نگهداری'],
    ],
    tblProjects: [
      [
        'P-1',
        'PG1',
        'پل',
        'D-CIV',
        1405,
        1406,
        1000,
        1000,
        'SRC-GEN',
        'approved',
        'SC1',
        '02-01-1-001',
        2500,
        500,
        'ready',
        1405,
        1407,
      ],
    ],
    tblActivities: [
      ['A-1', 'PG1', 'نگهداری', 'D-CIV', 'maintenance', 300, 300, 'SRC-GEN', '02-01-A-001', '2'],
    ],
    tblBudgetLines: [
      ['B-1', 1405, 'capital', 'P-1', 'SRC-GEN', 1000, 'approved'],
      ['B-1', 1405, 'capital', 'P-1', 'SRC-GEN', -100, 'amended'],
      ['L-1', 1405, 'financial', null, 'SRC-GEN', 200, 'approved'],
    ],
  };
  edit(rows);
  return {
    tables: [
      planInfo({ StartYear: 1405, Years: 2, WorkbookKind: 'city' }),
      rawTable(
        'tblDepartments',
        ['DeptId', 'Name', 'Kind', 'MaxProjects', 'MaxCapital'],
        rows.tblDepartments ?? [],
      ),
      rawTable('tblStakeholders', ['StakeholderId', 'Name', 'Type'], rows.tblStakeholders ?? []),
      rawTable('tblGoals', ['GoalId', 'Title'], rows.tblGoals ?? []),
      rawTable(
        'tblStrategies',
        ['StrategyId', 'GoalId', 'Title', 'PartnerIds'],
        rows.tblStrategies ?? [],
      ),
      rawTable(
        'tblPrograms',
        ['ProgramId', 'StrategyId', 'Title', 'BudgetCode', 'Function'],
        rows.tblPrograms ?? [],
      ),
      rawTable(
        'tblSchemes',
        ['SchemeId', 'ProgramId', 'Title', 'BudgetCode'],
        rows.tblSchemes ?? [],
      ),
      rawTable(
        'tblFundingSources',
        ['SourceId', 'Title', 'RevenueClass', 'Nature'],
        rows.tblFundingSources ?? [],
      ),
      rawTable(
        'tblBudgetCodes',
        ['Code', 'ParentCode', 'Level', 'Title'],
        rows.tblBudgetCodes ?? [],
      ),
      rawTable('tblProjects', PROJECT_HEADER, rows.tblProjects ?? []),
      rawTable(
        'tblActivities',
        [
          'ActivityId',
          'ProgramId',
          'Title',
          'Dept',
          'Kind',
          '1405',
          '1406',
          'SourceId',
          'BudgetCode',
          'Chapter',
        ],
        rows.tblActivities ?? [],
      ),
      rawTable(
        'tblBudgetLines',
        ['BudgetCode', 'Year', 'Kind', 'LinkedId', 'SourceId', 'Amount', 'Stage'],
        rows.tblBudgetLines ?? [],
      ),
    ],
  };
}

const V2_CODES = new Set([
  'BUDGET_LINE_UNLINKED',
  'BUDGET_CODE_UNKNOWN',
  'BUDGET_CODE_LEVEL',
  'BUDGET_CODE_PARENT',
  'SCHEME_PROGRAM_MISMATCH',
  'PARTNER_NOT_AGENCY',
  'START_OUTSIDE_WINDOW',
  'TOTAL_COST_BELOW',
  'NOT_READY',
  'CAPACITY_EXCEEDED',
  'OPERATING_BALANCE_SOURCE',
  'DUPLICATE_ID',
  'NEGATIVE_AMOUNT',
]);

/** The v2 findings (and the duplicates and negatives v2 changes) as [code, table, cell]. */
function v2(wb: RawWorkbook): Array<[string, string | null, string | null]> {
  return validateWorkbook(wb)
    .findings.filter((f: Finding) => V2_CODES.has(f.code))
    .map((f) => [f.code, f.table, f.cell]);
}

const project = (t: Record<string, RawCell[][]>) => t.tblProjects?.[0] as RawCell[];
const at = (column: string) => PROJECT_HEADER.indexOf(column);

describe('contract v2 plan rules', () => {
  it('find nothing in a plan that keeps them (an amendment may cut, a loan line stands alone)', () => {
    expect(v2(workbook())).toEqual([]);
  });

  it('SCHEME_PROGRAM_MISMATCH: a project under a scheme of another program', () => {
    const wb = workbook((t) => {
      t.tblPrograms?.push(['PG2', 'S1', 'پارک', null, null]);
      t.tblSchemes?.push(['SC2', 'PG2', 'طرح پارک', null]);
      project(t)[at('SchemeId')] = 'SC2';
      project(t)[at('BudgetCode')] = null;
    });
    // SchemeId is column K (11th) of the projects table, row 2.
    expect(v2(wb)).toEqual([['SCHEME_PROGRAM_MISMATCH', 'tblProjects', 'K2']]);
  });

  it('PARTNER_NOT_AGENCY: an NGO named as a partner agency', () => {
    const wb = workbook((t) => ((t.tblStrategies?.[0] as RawCell[])[3] = 'SH-W، SH-N'));
    expect(v2(wb)).toEqual([['PARTNER_NOT_AGENCY', 'tblStrategies', 'D2']]);
  });

  it('BUDGET_CODE_UNKNOWN, _LEVEL and _PARENT', () => {
    const unknown = workbook((t) => (project(t)[at('BudgetCode')] = '09-99'));
    expect(v2(unknown)).toEqual([['BUDGET_CODE_UNKNOWN', 'tblProjects', 'L2']]);
    const level = workbook((t) => (project(t)[at('BudgetCode')] = '02-01-1'));
    expect(v2(level)).toEqual([['BUDGET_CODE_LEVEL', 'tblProjects', 'L2']]);
    const parent = workbook((t) => {
      t.tblBudgetCodes?.push(
        ['02-02', '02', 'program', 'دیگر'],
        ['02-02-1-009', '02-02', 'project', 'دیگر'],
      );
      project(t)[at('BudgetCode')] = '02-02-1-009';
    });
    expect(v2(parent)).toEqual([['BUDGET_CODE_PARENT', 'tblProjects', 'L2']]);
  });

  it('START_OUTSIDE_WINDOW and TOTAL_COST_BELOW', () => {
    const window = workbook((t) => (project(t)[at('EarliestStart')] = 1406));
    expect(v2(window)).toEqual([['START_OUTSIDE_WINDOW', 'tblProjects', 'E2']]);
    // 500 before the plan + 1000 + 1000 in it = 2500 > 2400.
    const total = workbook((t) => (project(t)[at('TotalCost')] = 2400));
    expect(v2(total)).toEqual([['TOTAL_COST_BELOW', 'tblProjects', 'M2']]);
  });

  it('NOT_READY: a project at design starting in 1405, unless it is ongoing', () => {
    const design = workbook((t) => (project(t)[at('Readiness')] = 'design'));
    expect(v2(design)).toEqual([['NOT_READY', 'tblProjects', 'O2']]);
    const ongoing = workbook((t) => {
      project(t)[at('Readiness')] = 'design';
      project(t)[at('Status')] = 'ongoing';
    });
    expect(v2(ongoing)).toEqual([]);
  });

  it('CAPACITY_EXCEEDED: more projects at once, or more capital, than the department can run', () => {
    // MaxProjects 1 while P-1 and P-2 both have cost in 1405 and 1406: one finding a year.
    const count = workbook((t) => {
      (t.tblDepartments?.[0] as RawCell[])[3] = 1;
      t.tblProjects?.push([
        'P-2',
        'PG1',
        'دیگر',
        'D-CIV',
        1405,
        1406,
        10,
        10,
        'SRC-GEN',
        'approved',
        'SC1',
        null,
        null,
        null,
        'ready',
        null,
        null,
      ]);
    });
    expect(v2(count)).toEqual([
      ['CAPACITY_EXCEEDED', 'tblDepartments', 'D2'],
      ['CAPACITY_EXCEEDED', 'tblDepartments', 'D2'],
    ]);
    // MaxCapital 900 against P-1's 1000 a year.
    const money = workbook((t) => ((t.tblDepartments?.[0] as RawCell[])[4] = 900));
    expect(v2(money)).toEqual([
      ['CAPACITY_EXCEEDED', 'tblDepartments', 'E2'],
      ['CAPACITY_EXCEEDED', 'tblDepartments', 'E2'],
    ]);
  });

  it('OPERATING_BALANCE_SOURCE: an activity paid from asset sales', () => {
    const wb = workbook((t) => ((t.tblActivities?.[0] as RawCell[])[7] = 'SRC-SALE'));
    expect(v2(wb)).toEqual([['OPERATING_BALANCE_SOURCE', 'tblActivities', 'H2']]);
  });

  it('budget lines: unique per code and stage, linked unless financial, cut only by amendment', () => {
    const wb = workbook((t) => {
      t.tblBudgetLines?.push(
        ['B-1', 1405, 'capital', 'P-1', 'SRC-GEN', 50, 'approved'],
        ['B-2', 1405, 'current', null, 'SRC-GEN', 10, 'approved'],
        ['B-3', 1405, 'current', 'A-1', 'SRC-GEN', -5, 'supplement'],
      );
    });
    expect(v2(wb)).toEqual([
      ['DUPLICATE_ID', 'tblBudgetLines', 'A5'],
      ['BUDGET_LINE_UNLINKED', 'tblBudgetLines', 'D6'],
      ['NEGATIVE_AMOUNT', 'tblBudgetLines', 'F7'],
    ]);
  });
});

describe('agency commitments (tblCommitments, contract v2)', () => {
  // SH-W is an agency (water), SH-N an NGO; C-1 is the agency's, C-2 the NGO's, C-3 ends
  // before it starts, C-4 names a stakeholder that does not exist.
  const wb: RawWorkbook = {
    tables: [
      planInfo({ StartYear: 1405, Years: 5 }),
      rawTable(
        'tblStakeholders',
        ['StakeholderId', 'Name', 'Type'],
        [
          ['SH-W', 'آب و فاضلاب', 'agency'],
          ['SH-N', 'انجمن', 'ngo'],
        ],
      ),
      rawTable(
        'tblCommitments',
        ['CommitmentId', 'StakeholderId', 'LinkedId', 'Text', 'FromYear', 'ToYear', 'Amount'],
        [
          ['C-1', 'SH-W', '', 'جابه‌جایی خطوط', 1405, 1406, 100],
          ['C-2', 'SH-N', '', 'آموزش', 1405, 1405, null],
          ['C-3', 'SH-W', '', 'نگهداری', 1407, 1406, null],
          ['C-4', 'SH-X', '', 'پایش', 1405, 1405, null],
        ],
      ),
    ],
  };
  const findings = validateWorkbook(wb).findings;
  const of = (code: string) =>
    findings.filter((f) => f.code === code).map((f) => [f.row, f.column]);

  it('warns of a commitment not given by an executive agency, at its StakeholderId', () => {
    // Header on sheet row 1, so C-2 is row 3.
    expect(of('COMMITMENT_NOT_AGENCY')).toEqual([[3, 'StakeholderId']]);
  });

  it('refuses a commitment that ends before it starts', () => {
    expect(of('COMMITMENT_YEARS_REVERSED')).toEqual([[4, 'ToYear']]);
  });

  it('finds a stakeholder that does not exist by the generic reference check', () => {
    expect(
      findings.some(
        (f) => f.table === 'tblCommitments' && f.row === 5 && f.code.startsWith('REF_'),
      ),
    ).toBe(true);
  });
});
