/**
 * Validation, rule by rule. A small but complete city plan (tests/helpers/plan.ts, which
 * lists where each table is placed) validates clean; each test then breaks exactly one rule
 * and checks the finding: code, severity, table, sheet row, column, A1 cell (hand-computed
 * from those placements) and that both messages name the offending ID or value.
 */
import type { Finding, RawWorkbook, WorkbookKind } from '#core';
import { getTableSpec, kindHoldsTable, persianNumerals, validateWorkbook } from '#core';
import {
  addRow,
  removeColumn,
  removeRow,
  setCell as set,
  smallCityPlan as cityPlan,
  tableOf as raw,
} from '../helpers/plan';

/** The city plan cut down to what a workbook of `kind` may hold (contract/kinds.ts). */
function asKind(wb: RawWorkbook, kind: WorkbookKind): RawWorkbook {
  set(wb, 'tblPlanInfo', 'WorkbookKind', 'Value', kind);
  wb.tables = wb.tables.filter((t) => kindHoldsTable(kind, t.name));
  return wb;
}

function validate(wb: RawWorkbook): Finding[] {
  return validateWorkbook(wb).findings;
}

const codes = (fs: readonly Finding[]) => [...new Set(fs.map((f) => f.code))].sort();

/** The one finding with `code`, after checking that it is the only new problem. */
function only(fs: readonly Finding[], code: string, others: string[] = []): Finding {
  expect(codes(fs)).toEqual([code, ...others].sort());
  const hits = fs.filter((f) => f.code === code);
  expect(hits).toHaveLength(1);
  return hits[0] as Finding;
}

/** The message without the bidi isolates around IDs and typed values. */
function unisolated(text: string): string {
  return text.replace(/[\u2066-\u2069]/g, '');
}

/**
 * The finding names each value: as typed in English, and in Persian as typed or, for a
 * number the message wrote, in Persian digits (the core's persianNumerals).
 */
function names(f: Finding, ...values: string[]) {
  for (const v of values) {
    expect(unisolated(f.message.en)).toContain(v);
    const fa = unisolated(f.message.fa);
    if (!fa.includes(v)) expect(fa).toContain(persianNumerals(v));
  }
}

describe('a clean city plan', () => {
  it('validates with no findings at all', () => {
    const { findings, skipped } = validateWorkbook(cityPlan());
    expect(findings).toEqual([]);
    expect(skipped).toEqual([]);
  });
});

describe('IDs and references', () => {
  it('DUPLICATE_ID: two goals whose IDs differ only in case', () => {
    const wb = cityPlan();
    addRow(wb, 'tblGoals', { GoalId: 'g1', Title: 'تکراری' });
    const f = only(validate(wb), 'DUPLICATE_ID');
    // Goals at A1: G1 row 2, G2 row 3, the new g1 row 4.
    expect(f).toMatchObject({
      severity: 'error',
      table: 'tblGoals',
      sheet: 'Goals',
      row: 4,
      column: 'GoalId',
      cell: 'A4',
    });
    names(f, 'g1', '2');
  });

  it('ID_UNUSUAL: an ID holding a list separator', () => {
    const wb = cityPlan();
    addRow(wb, 'tblStakeholders', { StakeholderId: 'SH2;SH3', Name: 'NGO', Type: 'ngo' });
    const f = only(validate(wb), 'ID_UNUSUAL');
    expect(f).toMatchObject({ severity: 'warning', row: 3, column: 'StakeholderId', cell: 'A3' });
    names(f, 'SH2;SH3');
  });

  it('REF_MISSING: a project names a program that does not exist', () => {
    const wb = cityPlan();
    set(wb, 'tblProjects', 'P-2', 'ProgramId', 'PR9');
    const f = only(validate(wb), 'REF_MISSING');
    // Projects at B3: P-2 is row 5, ProgramId the 2nd column: C.
    expect(f).toMatchObject({
      severity: 'error',
      table: 'tblProjects',
      sheet: 'Projects',
      row: 5,
      column: 'ProgramId',
      cell: 'C5',
    });
    names(f, 'PR9', 'P-2');
  });

  it('REF_MISSING: one ID of a list (DirectiveIds) and a KPI linked to nothing', () => {
    const wb = cityPlan();
    set(wb, 'tblStrategies', 'S1.1', 'DirectiveIds', 'DIR1، DIR7');
    set(wb, 'tblKpis', 'K3', 'LinkedId', 'P-9');
    const fs = validate(wb).filter((f) => f.code === 'REF_MISSING');
    expect(fs.map((f) => [f.table, f.cell])).toEqual([
      ['tblStrategies', 'F2'],
      ['tblKpis', 'C4'],
    ]);
    names(fs[0] as Finding, 'DIR7', 'S1.1');
    names(fs[1] as Finding, 'P-9', 'K3');
  });

  it('REF_SPELLING: a reference typed with Persian digits and lower case', () => {
    const wb = cityPlan();
    set(wb, 'tblProjects', 'P-2', 'ProgramId', 'pr۱');
    const f = only(validate(wb), 'REF_SPELLING');
    expect(f).toMatchObject({ severity: 'warning', row: 5, column: 'ProgramId', cell: 'C5' });
    names(f, 'pr۱', 'PR1');
  });

  it('DEPT_UNKNOWN: an activity names a department that is not in tblDepartments', () => {
    const wb = cityPlan();
    set(wb, 'tblActivities', 'A-1', 'Dept', 'D9');
    const f = only(validate(wb), 'DEPT_UNKNOWN');
    expect(f).toMatchObject({ severity: 'warning', table: 'tblActivities', row: 2, cell: 'D2' });
    names(f, 'D9', 'A-1');
  });
});

describe('every goal, strategy and program is carried down', () => {
  it('GOAL_NO_STRATEGY', () => {
    const wb = cityPlan();
    addRow(wb, 'tblGoals', { GoalId: 'G3', Title: 'شهر سبز' });
    addRow(wb, 'tblKpis', {
      KpiId: 'K4',
      Level: 'macro',
      LinkedId: 'G3',
      Title: 'سرانه فضای سبز',
      Unit: 'm2',
      Direction: 'increase',
      Baseline: 10,
      BaselineYear: 1404,
      '1405': 11,
      '1406': 12,
      '1407': 13,
    });
    const f = only(validate(wb), 'GOAL_NO_STRATEGY');
    expect(f).toMatchObject({ severity: 'error', table: 'tblGoals', row: 4, cell: 'A4' });
    names(f, 'G3');
  });

  it('GOAL_NO_MACRO_KPI, hinting at the micro KPI linked to the goal', () => {
    const wb = cityPlan();
    set(wb, 'tblKpis', 'K2', 'Level', 'micro');
    const f = only(validate(wb), 'GOAL_NO_MACRO_KPI');
    expect(f).toMatchObject({ severity: 'error', table: 'tblGoals', row: 3, cell: 'A3' });
    names(f, 'G2', 'K2');
  });

  it('STRATEGY_NO_PROGRAM', () => {
    const wb = cityPlan();
    addRow(wb, 'tblStrategies', { StrategyId: 'S1.2', GoalId: 'G1', Title: 'دوچرخه' });
    const f = only(validate(wb), 'STRATEGY_NO_PROGRAM');
    expect(f).toMatchObject({ severity: 'warning', table: 'tblStrategies', cell: 'A4' });
    names(f, 'S1.2');
  });

  it('PROGRAM_NO_WORK', () => {
    const wb = cityPlan();
    addRow(wb, 'tblPrograms', { ProgramId: 'PR3', StrategyId: 'S1.1', Title: 'خالی' });
    const f = only(validate(wb), 'PROGRAM_NO_WORK');
    expect(f).toMatchObject({ severity: 'error', table: 'tblPrograms', row: 4, cell: 'A4' });
    names(f, 'PR3');
  });
});

describe('KPIs are SMART enough to measure', () => {
  // KPIs at A1: K1 row 2, K2 row 3, K3 row 4.
  it.each([
    ['Unit', 'KPI_NO_UNIT', 'E2', 'error'],
    ['Direction', 'KPI_NO_DIRECTION', 'F2', 'error'],
    ['Baseline', 'KPI_NO_BASELINE', 'G2', 'error'],
    ['BaselineYear', 'KPI_NO_BASELINE_YEAR', 'H2', 'warning'],
  ])('an empty %s is %s', (column, code, cell, severity) => {
    const wb = cityPlan();
    set(wb, 'tblKpis', 'K1', column, '');
    const f = only(validate(wb), code);
    expect(f).toMatchObject({ severity, table: 'tblKpis', row: 2, column, cell });
    names(f, 'K1');
  });

  it('KPI_NO_UNIT once for the table when the Unit column is left out', () => {
    const wb = cityPlan();
    removeColumn(wb, 'tblKpis', 'Unit');
    const fs = validate(wb);
    // The reader notes the absent optional column; validation says why it matters, once.
    expect(codes(fs)).toEqual(['COLUMN_ABSENT', 'KPI_NO_UNIT']);
    expect(fs.find((f) => f.code === 'KPI_NO_UNIT')).toMatchObject({ row: 1, cell: 'A1' });
  });

  it('KPI_NO_TARGET lists every plan year without a target, at the first one', () => {
    const wb = cityPlan();
    set(wb, 'tblKpis', 'K2', '1406', null);
    set(wb, 'tblKpis', 'K2', '1407', '');
    const f = only(validate(wb), 'KPI_NO_TARGET');
    expect(f).toMatchObject({ severity: 'error', row: 3, column: '1406', cell: 'J3' });
    names(f, 'K2', '1406', '1407');
  });

  it('KPI_BASELINE_YEAR: a baseline measured inside the plan period', () => {
    const wb = cityPlan();
    set(wb, 'tblKpis', 'K1', 'BaselineYear', 1405);
    const f = only(validate(wb), 'KPI_BASELINE_YEAR');
    expect(f).toMatchObject({ severity: 'warning', row: 2, column: 'BaselineYear', cell: 'H2' });
    names(f, 'K1', '1405');
  });

  it('KPI_TARGET_DIRECTION: a "decrease" KPI whose 1406 target goes up', () => {
    const wb = cityPlan();
    set(wb, 'tblKpis', 'K2', '1406', 48); // 50 → 45 → 48: up, though it should come down
    const f = only(validate(wb), 'KPI_TARGET_DIRECTION');
    expect(f).toMatchObject({ severity: 'warning', row: 3, column: '1406', cell: 'J3' });
    names(f, 'K2', '48', '45');
  });
});

describe('years and money', () => {
  // Projects at B3: P-1 row 4, P-2 row 5.
  it('YEAR_NOT_IN_PLAN: a budget line for 1408 in a 1405–1407 plan', () => {
    const wb = cityPlan();
    set(wb, 'tblBudgetLines', 'B-2', 'Year', 1408);
    const f = only(validate(wb), 'YEAR_NOT_IN_PLAN');
    expect(f).toMatchObject({ severity: 'error', table: 'tblBudgetLines', row: 3, cell: 'B3' });
    names(f, 'B-2', '1408');
  });

  it('NEGATIVE_AMOUNT: an activity with a negative cost in 1406', () => {
    const wb = cityPlan();
    set(wb, 'tblActivities', 'A-1', '1406', -300);
    const f = only(validate(wb), 'NEGATIVE_AMOUNT');
    expect(f).toMatchObject({
      severity: 'error',
      table: 'tblActivities',
      column: '1406',
      cell: 'G2',
    });
    names(f, 'A-1');
    // Amounts are shown with Persian digits in the Persian message.
    expect(f.message.en).toContain('-300');
    expect(f.message.fa).toContain('۳۰۰');
  });

  it('NEGATIVE_AMOUNT on revenue history and actuals too', () => {
    const wb = cityPlan();
    set(wb, 'tblRevenueHistory', 0, 'Amount', -1);
    set(wb, 'tblActuals', 'P-1', 'Spent', -5);
    const fs = validate(wb);
    expect(codes(fs)).toEqual(['NEGATIVE_AMOUNT']);
    expect(fs.map((f) => `${f.table}!${f.cell}`)).toEqual([
      'tblRevenueHistory!D2',
      'tblActuals!D2',
    ]);
  });

  it('PROJECT_NO_YEARS', () => {
    const wb = cityPlan();
    set(wb, 'tblProjects', 'P-1', 'StartYear', null);
    const f = only(validate(wb), 'PROJECT_NO_YEARS');
    expect(f).toMatchObject({ severity: 'warning', row: 4, column: 'StartYear', cell: 'G4' });
    names(f, 'P-1');
  });

  it('PROJECT_YEARS_REVERSED', () => {
    const wb = cityPlan();
    set(wb, 'tblProjects', 'P-1', 'StartYear', 1407);
    const f = only(validate(wb), 'PROJECT_YEARS_REVERSED');
    expect(f).toMatchObject({ severity: 'error', row: 4, column: 'EndYear', cell: 'H4' });
    names(f, 'P-1', '1407', '1406');
  });

  it('PROJECT_OUTSIDE_PLAN: a project of 1401–1403', () => {
    const wb = cityPlan();
    addRow(wb, 'tblProjects', {
      ProjectId: 'P-3',
      ProgramId: 'PR1',
      Title: 'قدیمی',
      StartYear: 1401,
      EndYear: 1403,
      SourceId: 'SRC1',
      Status: 'approved',
      C1: 1,
      C2: 1,
      C3: 1,
    });
    const f = only(validate(wb), 'PROJECT_OUTSIDE_PLAN');
    expect(f).toMatchObject({ severity: 'error', row: 6, column: 'EndYear', cell: 'H6' });
    names(f, 'P-3', '1401', '1405');
  });

  it('PROJECT_STARTS_BEFORE_PLAN unless it is marked ongoing', () => {
    const wb = cityPlan();
    set(wb, 'tblProjects', 'P-1', 'StartYear', 1403);
    const f = only(validate(wb), 'PROJECT_STARTS_BEFORE_PLAN');
    expect(f).toMatchObject({ severity: 'warning', row: 4, column: 'StartYear', cell: 'G4' });
    names(f, 'P-1', '1403');
    set(wb, 'tblProjects', 'P-1', 'Status', 'ongoing');
    expect(validate(wb)).toEqual([]);
  });

  it('PROJECT_ENDS_AFTER_PLAN', () => {
    const wb = cityPlan();
    set(wb, 'tblProjects', 'P-2', 'EndYear', 1409);
    const f = only(validate(wb), 'PROJECT_ENDS_AFTER_PLAN');
    expect(f).toMatchObject({ severity: 'warning', row: 5, column: 'EndYear', cell: 'H5' });
    names(f, 'P-2', '1409', '1407');
  });

  it('PROJECT_COST_OUTSIDE_SPAN: P-1 runs 1405–1406 but has cost in 1407', () => {
    const wb = cityPlan();
    set(wb, 'tblProjects', 'P-1', '1407', 100);
    const f = only(validate(wb), 'PROJECT_COST_OUTSIDE_SPAN');
    expect(f).toMatchObject({ severity: 'warning', row: 4, column: '1407', cell: 'K4' });
    names(f, 'P-1', '1407');
  });

  it('PROJECT_ZERO_COST', () => {
    const wb = cityPlan();
    for (const y of ['1405', '1406', '1407']) set(wb, 'tblProjects', 'P-2', y, 0);
    const f = only(validate(wb), 'PROJECT_ZERO_COST');
    expect(f).toMatchObject({ severity: 'warning', row: 5, column: '1405', cell: 'I5' });
    names(f, 'P-2');
  });

  it('ACTIVITY_ZERO_COST', () => {
    const wb = cityPlan();
    for (const y of ['1405', '1406', '1407']) set(wb, 'tblActivities', 'A-1', y, 0);
    set(wb, 'tblBudgetLines', 'B-2', 'Amount', 0);
    const f = only(validate(wb), 'ACTIVITY_ZERO_COST');
    expect(f).toMatchObject({ severity: 'warning', row: 2, column: '1405', cell: 'F2' });
    names(f, 'A-1');
  });
});

describe('project dependencies', () => {
  it('DEPENDENCY_CYCLE names the cycle P-1 → P-2 → P-1', () => {
    const wb = cityPlan();
    set(wb, 'tblProjects', 'P-1', 'DependsOn', 'P-2');
    const fs = validate(wb);
    // P-1 (starts 1405) now also waits for P-2 (ends 1407): the order warning comes with the cycle.
    const f = only(fs, 'DEPENDENCY_CYCLE', ['DEPENDENCY_ORDER']);
    expect(f).toMatchObject({ severity: 'error', row: 4, column: 'DependsOn', cell: 'O4' });
    names(f, 'P-1 → P-2 → P-1');
  });

  it('DEPENDENCY_ORDER: a project that starts before its prerequisite ends', () => {
    const wb = cityPlan();
    set(wb, 'tblProjects', 'P-2', 'StartYear', 1405); // P-1 ends in 1406
    const f = only(validate(wb), 'DEPENDENCY_ORDER');
    expect(f).toMatchObject({ severity: 'warning', row: 5, column: 'StartYear', cell: 'G5' });
    names(f, 'P-2', 'P-1', '1406');
  });

  it('DEPENDS_ON_DROPPED', () => {
    const wb = cityPlan();
    set(wb, 'tblProjects', 'P-1', 'Status', 'dropped');
    const f = only(validate(wb), 'DEPENDS_ON_DROPPED');
    expect(f).toMatchObject({ severity: 'warning', row: 5, column: 'DependsOn', cell: 'O5' });
    names(f, 'P-2', 'P-1');
  });
});

describe('criteria and scores', () => {
  it('CRITERION_SCALE: ScaleMin above ScaleMax (scores on it are not judged twice)', () => {
    const wb = cityPlan();
    set(wb, 'tblCriteria', 'C3', 'ScaleMin', 10);
    set(wb, 'tblCriteria', 'C3', 'ScaleMax', 0);
    const f = only(validate(wb), 'CRITERION_SCALE');
    expect(f).toMatchObject({ severity: 'error', table: 'tblCriteria', row: 4, cell: 'F4' });
    names(f, 'C3');
  });

  it('CRITERIA_WEIGHTS_ZERO when there is no AHP matrix either', () => {
    const wb = cityPlan();
    wb.tables = wb.tables.filter((t) => t.name !== 'tblCriteriaPairwise');
    for (const id of ['C1', 'C2', 'C3']) set(wb, 'tblCriteria', id, 'Weight', 0);
    const f = only(validate(wb), 'CRITERIA_WEIGHTS_ZERO');
    expect(f).toMatchObject({ severity: 'error', row: 1, column: 'Weight', cell: 'C1' });
  });

  it('SCORE_OUT_OF_SCALE', () => {
    const wb = cityPlan();
    set(wb, 'tblProjects', 'P-1', 'C2', 150);
    const f = only(validate(wb), 'SCORE_OUT_OF_SCALE');
    expect(f).toMatchObject({ severity: 'error', row: 4, column: 'C2', cell: 'R4' });
    names(f, 'P-1', 'C2', '150');
  });

  it('SCORE_MISSING for an empty score and for a criterion with no column', () => {
    const wb = cityPlan();
    set(wb, 'tblProjects', 'P-2', 'C3', null);
    const f = only(validate(wb), 'SCORE_MISSING');
    expect(f).toMatchObject({ severity: 'warning', row: 5, column: 'C3', cell: 'S5' });
    names(f, 'P-2', 'C3');

    const wb2 = cityPlan();
    removeColumn(wb2, 'tblProjects', 'C3');
    const g = only(validate(wb2), 'SCORE_MISSING');
    expect(g).toMatchObject({ row: 3, column: 'ProjectId', cell: 'B3' });
    names(g, 'C3');
  });
});

describe('SWOT', () => {
  // SWOT at B2: header row 2; S1 row 3, S2 row 4, W1 row 5, W2 row 6, O1 row 7, T1 row 8.
  it('SWOT_WEIGHTS_SUM: internal weights summing to 1.05', () => {
    const wb = cityPlan();
    set(wb, 'tblSwot', 'S1', 'Weight', 0.35); // 0.35 + 0.2 + 0.3 + 0.2 = 1.05
    const f = only(validate(wb), 'SWOT_WEIGHTS_SUM');
    expect(f).toMatchObject({ severity: 'error', table: 'tblSwot', row: 2, cell: 'E2' });
    names(f, '1.05');
  });

  it('accepts weights off by no more than 0.01 (0.99)', () => {
    const wb = cityPlan();
    set(wb, 'tblSwot', 'S1', 'Weight', 0.29);
    expect(validate(wb)).toEqual([]);
  });

  it('SWOT_GROUP_EMPTY: no external factors', () => {
    const wb = cityPlan();
    removeRow(wb, 'tblSwot', 'O1');
    removeRow(wb, 'tblSwot', 'T1');
    const f = only(validate(wb), 'SWOT_GROUP_EMPTY');
    expect(f).toMatchObject({ severity: 'warning', row: 2, column: 'Kind', cell: 'C2' });
  });

  it('SWOT_RATING_SIDE: a strength rated 2', () => {
    const wb = cityPlan();
    set(wb, 'tblSwot', 'S2', 'Rating', 2);
    const f = only(validate(wb), 'SWOT_RATING_SIDE');
    expect(f).toMatchObject({ severity: 'warning', row: 4, column: 'Rating', cell: 'F4' });
    names(f, 'S2');
  });
});

describe('the AHP pairwise matrix', () => {
  // Pairwise at Criteria!A7: C1 row 8, C2 row 9, C3 row 10; columns C1 B, C2 C, C3 D.
  it('AHP_NOT_SQUARE: a row without its column', () => {
    const wb = cityPlan();
    removeColumn(wb, 'tblCriteriaPairwise', 'C3');
    const f = only(validate(wb), 'AHP_NOT_SQUARE');
    expect(f).toMatchObject({ severity: 'error', row: 10, column: 'CriterionId', cell: 'A10' });
    names(f, 'C3');
  });

  it('AHP_CRITERION_MISSING: a criterion neither row nor column gets no AHP weight', () => {
    const wb = cityPlan();
    removeColumn(wb, 'tblCriteriaPairwise', 'C3');
    removeRow(wb, 'tblCriteriaPairwise', 'C3');
    const f = only(validate(wb), 'AHP_CRITERION_MISSING');
    expect(f).toMatchObject({ severity: 'error', row: 7, cell: 'A7' });
    names(f, 'C3');
  });

  it('accepts a matrix with only the upper triangle filled (the rest is reciprocal)', () => {
    // As the priority score reads it: an empty cell takes 1/mirror, an empty diagonal is 1.
    const wb = cityPlan();
    for (const [r, c] of [
      ['C1', 'C1'],
      ['C2', 'C1'],
      ['C2', 'C2'],
      ['C3', 'C1'],
      ['C3', 'C2'],
      ['C3', 'C3'],
    ] as const)
      set(wb, 'tblCriteriaPairwise', r, c, null);
    expect(validate(wb)).toEqual([]);
  });

  it('AHP_VALUE_MISSING when a comparison and its mirror are both empty', () => {
    const wb = cityPlan();
    set(wb, 'tblCriteriaPairwise', 'C2', 'C1', null);
    set(wb, 'tblCriteriaPairwise', 'C1', 'C2', null);
    const f = only(validate(wb), 'AHP_VALUE_MISSING');
    // Reported once, on the upper cell: row C1 (8), column C2 (C).
    expect(f).toMatchObject({ severity: 'error', row: 8, column: 'C2', cell: 'C8' });
    names(f, 'C1/C2', 'C2/C1');
  });

  it('AHP_NOT_POSITIVE', () => {
    const wb = cityPlan();
    set(wb, 'tblCriteriaPairwise', 'C1', 'C2', -2);
    const f = only(validate(wb), 'AHP_NOT_POSITIVE');
    expect(f).toMatchObject({ severity: 'error', row: 8, column: 'C2', cell: 'C8' });
    names(f, 'C1/C2', '-2');
  });

  it('AHP_DIAGONAL', () => {
    const wb = cityPlan();
    set(wb, 'tblCriteriaPairwise', 'C2', 'C2', 2);
    const f = only(validate(wb), 'AHP_DIAGONAL');
    expect(f).toMatchObject({ severity: 'error', row: 9, column: 'C2', cell: 'C9' });
    names(f, 'C2/C2');
  });

  it('AHP_NOT_RECIPROCAL: C3/C1 = 0.5 while C1/C3 = 4 (product 2, beyond 5%)', () => {
    const wb = cityPlan();
    set(wb, 'tblCriteriaPairwise', 'C3', 'C1', 0.5);
    const f = only(validate(wb), 'AHP_NOT_RECIPROCAL');
    expect(f).toMatchObject({ severity: 'error', row: 10, column: 'C1', cell: 'B10' });
    names(f, 'C3/C1', '0.5', '0.25');
  });

  it('AHP_OUT_OF_SCALE: 10 and 1/10 are beyond 9 and 1/9', () => {
    const wb = cityPlan();
    // C1 = 2·C2 and C2 = 5·C3, so C1 = 10·C3: consistent, but off Saaty's scale.
    set(wb, 'tblCriteriaPairwise', 'C2', 'C3', 5);
    set(wb, 'tblCriteriaPairwise', 'C3', 'C2', 0.2);
    set(wb, 'tblCriteriaPairwise', 'C1', 'C3', 10);
    set(wb, 'tblCriteriaPairwise', 'C3', 'C1', 0.1);
    const fs = validate(wb);
    expect(codes(fs)).toEqual(['AHP_OUT_OF_SCALE']);
    expect(fs.map((f) => f.cell)).toEqual(['D8', 'B10']);
    expect(fs[0]?.severity).toBe('warning');
  });

  it("accepts Saaty's textbook matrix typed with two decimals (0.33, 0.2), CR ≈ 0.03", () => {
    // [[1,3,5],[1/3,1,3],[1/5,1/3,1]]: CR 0.0332 (numpy: λmax 3.038511, CI 0.019256, CI/0.58);
    // typed 0.33 is accepted for 1/3 (3 × 0.33 = 0.99, within the 5% reciprocal tolerance).
    const wb = cityPlan();
    const m: Record<string, Record<string, number>> = {
      C1: { C1: 1, C2: 3, C3: 5 },
      C2: { C1: 0.33, C2: 1, C3: 3 },
      C3: { C1: 0.2, C2: 0.33, C3: 1 },
    };
    for (const [r, row] of Object.entries(m))
      for (const [col, v] of Object.entries(row)) set(wb, 'tblCriteriaPairwise', r, col, v);
    expect(validate(wb)).toEqual([]);
  });

  it('AHP_INCONSISTENT: a circular judgement (C1 ≫ C2 ≫ C3 ≫ C1), CR far above 0.10', () => {
    const wb = cityPlan();
    const m: Record<string, Record<string, number>> = {
      C1: { C1: 1, C2: 9, C3: 1 / 9 },
      C2: { C1: 1 / 9, C2: 1, C3: 9 },
      C3: { C1: 9, C2: 1 / 9, C3: 1 },
    };
    for (const [r, row] of Object.entries(m))
      for (const [col, v] of Object.entries(row)) set(wb, 'tblCriteriaPairwise', r, col, v);
    const f = only(validate(wb), 'AHP_INCONSISTENT');
    expect(f).toMatchObject({ severity: 'warning', row: 7, column: 'CriterionId', cell: 'A7' });
    // numpy: λmax = 10.1111, CI = 3.5556, CR = 3.5556 / 0.58 = 6.13.
    names(f, '6.13');
  });
});

describe('budget lines', () => {
  it('BUDGET_OVER_PLAN: lines of 1405 for P-1 total 1,500 against 1,000 planned', () => {
    const wb = cityPlan();
    addRow(wb, 'tblBudgetLines', {
      BudgetCode: 'B-3',
      Year: 1405,
      Kind: 'capital',
      LinkedId: 'P-1',
      SourceId: 'SRC2',
      Amount: 500,
    });
    const f = only(validate(wb), 'BUDGET_OVER_PLAN');
    // Budget at A1: B-1 row 2, B-2 row 3, B-3 row 4; Amount is column F.
    expect(f).toMatchObject({ severity: 'warning', row: 4, column: 'Amount', cell: 'F4' });
    names(f, 'P-1', '1405');
    expect(f.message.en).toContain('1,500');
    expect(f.message.en).toContain('1,000');
  });

  it('BUDGET_KIND_MISMATCH: a capital line for a continuous activity', () => {
    const wb = cityPlan();
    set(wb, 'tblBudgetLines', 'B-2', 'Kind', 'capital');
    const f = only(validate(wb), 'BUDGET_KIND_MISMATCH');
    expect(f).toMatchObject({ severity: 'warning', row: 3, column: 'Kind', cell: 'C3' });
    names(f, 'B-2', 'A-1');
  });
});

describe('monitoring', () => {
  it('ACTUALS_DUPLICATE', () => {
    const wb = cityPlan();
    addRow(wb, 'tblActuals', { LinkedId: 'P-1', Year: 1405, Period: 'FY', Spent: 100 });
    const f = only(validate(wb), 'ACTUALS_DUPLICATE');
    expect(f).toMatchObject({ severity: 'warning', row: 3, column: 'Period', cell: 'C3' });
    names(f, 'P-1', '1405');
  });

  it('ACTUALS_PERIOD_MIX', () => {
    const wb = cityPlan();
    addRow(wb, 'tblActuals', { LinkedId: 'P-1', Year: 1405, Period: 'Q1', Spent: 100 });
    const f = only(validate(wb), 'ACTUALS_PERIOD_MIX');
    expect(f).toMatchObject({ severity: 'warning', row: 3, cell: 'C3' });
    names(f, 'P-1', '1405');
  });

  it('ACTUALS_PROGRESS_ON_ACTIVITY', () => {
    const wb = cityPlan();
    addRow(wb, 'tblActuals', {
      LinkedId: 'A-1',
      Year: 1405,
      Period: 'FY',
      Spent: 300,
      PhysicalProgress: 50,
    });
    const f = only(validate(wb), 'ACTUALS_PROGRESS_ON_ACTIVITY');
    expect(f).toMatchObject({ severity: 'warning', row: 3, cell: 'E3' });
    names(f, 'A-1');
  });

  it('YEAR_NOT_IN_PLAN for a KPI actual', () => {
    const wb = cityPlan();
    set(wb, 'tblKpiActuals', 'K1', 'Year', 1410);
    const f = only(validate(wb), 'YEAR_NOT_IN_PLAN');
    // tblKpiActuals at Monitoring!H1: Year is the 2nd column, I.
    expect(f).toMatchObject({ table: 'tblKpiActuals', sheet: 'Monitoring', row: 2, cell: 'I2' });
    names(f, '1410');
  });
});

describe('revenue data', () => {
  it('REVENUE_HISTORY_DUPLICATE', () => {
    const wb = cityPlan();
    addRow(wb, 'tblRevenueHistory', { RevenueClass: 'general-duties', Year: 1403, Amount: 1 });
    const f = only(validate(wb), 'REVENUE_HISTORY_DUPLICATE');
    expect(f).toMatchObject({ severity: 'error', row: 5, column: 'Year', cell: 'C5' });
    names(f, 'general-duties', '1403');
  });

  it('REVENUE_HISTORY_GAP', () => {
    const wb = cityPlan();
    removeRow(wb, 'tblRevenueHistory', 1);
    const f = only(validate(wb), 'REVENUE_HISTORY_GAP');
    expect(f).toMatchObject({ severity: 'warning', row: 2, cell: 'C2' });
    names(f, '1403');
  });

  it('REVENUE_HISTORY_AFTER_BASE', () => {
    const wb = cityPlan();
    addRow(wb, 'tblRevenueHistory', { RevenueClass: 'general-duties', Year: 1405, Amount: 1 });
    // The actual of 1405 (1 Rial) then stands for that year's revenue, so 1405 is in deficit too.
    const f = only(validate(wb), 'REVENUE_HISTORY_AFTER_BASE', ['FISCAL_DEFICIT']);
    expect(f).toMatchObject({ severity: 'warning', row: 5, cell: 'C5' });
    names(f, '1405', '1404');
  });

  it('SCENARIO_DUPLICATE', () => {
    const wb = cityPlan();
    addRow(wb, 'tblRevenueScenarios', {
      Scenario: 'base',
      RevenueClass: 'general-duties',
      Method: 'trend',
      GrowthRate: 0,
      Adjustment: 1,
    });
    const f = only(validate(wb), 'SCENARIO_DUPLICATE');
    // Scenarios at Revenue!F1: RevenueClass is column G; the second assumption is row 3.
    expect(f).toMatchObject({ severity: 'error', row: 3, column: 'RevenueClass', cell: 'G3' });
    names(f, 'base');
  });
});

describe('the workbook and its plan information', () => {
  it('PLAN_KIND_MISSING', () => {
    const wb = cityPlan();
    removeRow(wb, 'tblPlanInfo', 'WorkbookKind');
    const f = only(validate(wb), 'PLAN_KIND_MISSING');
    expect(f).toMatchObject({ severity: 'warning', table: 'tblPlanInfo', row: 1, cell: 'B1' });
  });

  it('PLAN_BASE_YEAR: base year 1405 for a plan starting in 1405', () => {
    const wb = cityPlan();
    set(wb, 'tblPlanInfo', 'BaseYear', 'Value', 1405);
    const f = only(validate(wb), 'PLAN_BASE_YEAR');
    // Info rows: City 2, StartYear 3, Years 4, BaseYear 5.
    expect(f).toMatchObject({ severity: 'warning', row: 5, column: 'Value', cell: 'B5' });
    names(f, '1405', '1404');
  });

  it('PLAN_DEPARTMENT_MISSING', () => {
    const wb = asKind(cityPlan(), 'department');
    raw(wb, 'tblKpis').rows = raw(wb, 'tblKpis').rows.filter((r) => r[1] === 'micro');
    const f = only(validate(wb), 'PLAN_DEPARTMENT_MISSING');
    expect(f).toMatchObject({ severity: 'warning', row: 1, cell: 'B1' });
  });

  it('KIND_CONTENT_MISSING: a revenue workbook without revenue history', () => {
    const wb = asKind(cityPlan(), 'revenue');
    raw(wb, 'tblRevenueHistory').rows = [];
    const f = only(validate(wb), 'KIND_CONTENT_MISSING');
    expect(f).toMatchObject({ severity: 'warning', table: 'tblRevenueHistory', cell: 'A1' });
    // The table by its key in English, by its Persian caption (what the sheet shows) in Persian.
    expect(f.message.en).toContain('tblRevenueHistory');
    expect(f.message.fa).toContain(`«${getTableSpec('tblRevenueHistory').fa}»`);
    expect(f.message.fa).not.toMatch(/[A-Za-z]/);
  });
});

describe('the order of findings', () => {
  it('sorts by table in contract order, then row, then column', () => {
    const wb = cityPlan();
    set(wb, 'tblProjects', 'P-2', 'ProgramId', 'PR9'); // Projects C5
    set(wb, 'tblProjects', 'P-1', '1407', 100); // Projects K4
    set(wb, 'tblGoals', 'G2', 'Title', ''); // reader: VALUE_REQUIRED at Goals B3
    addRow(wb, 'tblGoals', { GoalId: 'G1', Title: 'x' }); // Goals A4
    const where = validate(wb).map((f) => `${f.table}!${f.cell}`);
    expect(where).toEqual(['tblGoals!B3', 'tblGoals!A4', 'tblProjects!K4', 'tblProjects!C5']);
  });

  it('does not report a cell again that the reader found unreadable', () => {
    const wb = cityPlan();
    set(wb, 'tblKpis', 'K1', 'Direction', 'sideways');
    const fs = validate(wb).filter((f) => f.cell === 'F2');
    expect(fs.map((f) => f.code)).toEqual(['CELL_BAD_ENUM']);
  });
});

describe('the fiscal-balance hook', () => {
  it('runs extra rules after the built-in ones and keeps their skipped checks', () => {
    const wb = cityPlan();
    const result = validateWorkbook(wb, {
      extraRules: [
        (plan) => ({
          findings: [
            {
              severity: 'error',
              code: 'FISCAL_DEFICIT',
              table: null,
              sheet: null,
              row: null,
              column: null,
              cell: null,
              message: { fa: `کسری ${plan.years[0]}`, en: `deficit in ${plan.years[0]}` },
            },
          ],
          skipped: [],
        }),
        () => [],
      ],
    });
    expect(result.findings.map((f) => [f.code, f.message.en])).toEqual([
      ['FISCAL_DEFICIT', 'deficit in 1405'],
    ]);
  });
});

describe('fiscal balance (spending within the forecast revenue of the scenario)', () => {
  // Base scenario: general duties grow 10% a year from 10,000 in 1404, so revenue is
  // 11,000 (1405), 12,100 (1406), 13,310 (1407) (hand-worked). Spending is 1,300 / 2,800 /
  // 1,100 (P-1 + P-2 + A-1, plus P-1's opex of 100 from 1407): no deficit in the clean plan.
  it('finds no deficit in the clean plan', () => {
    expect(codes(validate(cityPlan()))).not.toContain('FISCAL_DEFICIT');
  });

  it('reports the year whose spending passes the forecast revenue, by how much', () => {
    const wb = cityPlan();
    // 1406: 12,000 (P-1) + 500 (P-2) + 300 (A-1) = 12,800 > 12,100, a deficit of 700.
    set(wb, 'tblProjects', 'P-1', '1406', 12000);
    const f = only(validate(wb), 'FISCAL_DEFICIT');
    expect(f.severity).toBe('warning');
    for (const amount of ['12,800', '12,100', '700']) expect(f.message.en).toContain(amount);
    // The Persian message writes the same amounts in Persian digits.
    for (const amount of ['۱۲٬۸۰۰', '۱۲٬۱۰۰', '۷۰۰']) expect(f.message.fa).toContain(amount);
  });

  it('can be left out, or checked against another scenario', () => {
    const wb = cityPlan();
    set(wb, 'tblProjects', 'P-1', '1406', 12000);
    expect(codes(validateWorkbook(wb, { fiscalScenario: false }).findings)).toEqual([]);
    // A scenario that does not exist: the revenue module reports it; no fiscal finding.
    expect(codes(validateWorkbook(wb, { fiscalScenario: 'base' }).findings)).toEqual([
      'FISCAL_DEFICIT',
    ]);
  });

  it('flags a restricted source paying for a continuous activity', () => {
    const wb = cityPlan();
    // Activities table at A1: SourceId is column I, A-1 is on sheet row 2.
    set(wb, 'tblActivities', 'A-1', 'SourceId', 'SRC2');
    const f = only(validate(wb), 'FISCAL_RESTRICTED_CURRENT');
    expect(f).toMatchObject({ severity: 'warning', table: 'tblActivities', row: 2, cell: 'I2' });
    names(f, 'SRC2', 'A-1');
  });
});
