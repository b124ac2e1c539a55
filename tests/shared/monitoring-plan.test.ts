/**
 * A department's monitoring workbook against the approved plan of its cycle
 * (`checkMonitoringAgainstPlan`, issue 14): actuals and KPI readings only for what the
 * department's approved plan (or, for KPIs, the framework under its name) has, realised
 * revenue only from the finance department, and the periods of the version approved before
 * closed (checked once, in order). The plans are small and hand-made: department D1's approved
 * plan has project P-1 and activity A-1 and micro KPI K-P1; the framework has macro KPI K-M
 * owned by D1 and K-X owned by D2; D-FIN files the cycle's revenue workbook.
 */
import type { Finding, Plan, RawCell, RawWorkbook } from '#core';
import { checkMonitoringAgainstPlan, readPlan, VALIDATION_CODES } from '#core';
import { planInfo, rawTable } from '../helpers/plan';
import { latinLeft } from '../helpers/persianText';

const approved = readPlan({
  tables: [
    planInfo({ StartYear: 1405, Years: 3, WorkbookKind: 'department', Department: 'D1' }),
    rawTable(
      'tblProjects',
      ['ProjectId', 'ProgramId', 'Title', 'Dept', 'StartYear', 'EndYear', '1405', '1406', '1407'],
      [['P-1', 'PR1', 'تقاطع', 'D1', 1405, 1406, 100, 200, 0]],
    ),
    rawTable(
      'tblActivities',
      ['ActivityId', 'ProgramId', 'Title', 'Dept', 'Kind', '1405', '1406', '1407'],
      [['A-1', 'PR1', 'نگهداری', 'D1', 'maintenance', 10, 10, 10]],
    ),
    rawTable(
      'tblKpis',
      ['KpiId', 'Level', 'LinkedId', 'Title', 'Unit', 'Direction', 'OwnerDept'],
      [['K-P1', 'micro', 'P-1', 'پیشرفت تقاطع', 'درصد', 'increase', 'D1']],
    ),
  ],
}).plan;

const framework = readPlan({
  tables: [
    planInfo({ StartYear: 1405, Years: 3, WorkbookKind: 'framework' }),
    rawTable(
      'tblKpis',
      ['KpiId', 'Level', 'LinkedId', 'Title', 'Unit', 'Direction', 'OwnerDept'],
      [
        ['K-M', 'macro', 'G1', 'سرانه فضای سبز', 'مترمربع', 'increase', 'D1'],
        ['K-X', 'macro', 'G1', 'زمان سفر', 'دقیقه', 'decrease', 'D2'],
      ],
    ),
  ],
}).plan;

/** A monitoring workbook of a department with these rows. */
function monitoring(
  rows: {
    actuals?: RawCell[][];
    kpis?: RawCell[][];
    revenue?: RawCell[][];
  },
  dept = 'D1',
): Plan {
  const wb: RawWorkbook = {
    tables: [
      planInfo({ StartYear: 1405, Years: 3, WorkbookKind: 'monitoring', Department: dept }),
      rawTable(
        'tblActuals',
        ['LinkedId', 'Year', 'Period', 'Allocated', 'Committed', 'Paid', 'PhysicalProgress'],
        rows.actuals ?? [],
      ),
      rawTable('tblKpiActuals', ['KpiId', 'Year', 'Period', 'Actual'], rows.kpis ?? []),
      rawTable(
        'tblRevenueActuals',
        ['RevenueClass', 'Code', 'Year', 'Period', 'Amount'],
        rows.revenue ?? [],
      ),
    ],
  };
  const read = readPlan(wb);
  expect(read.findings.filter((f) => f.severity === 'error')).toEqual([]);
  return read.plan;
}

const check = (m: Plan, extra: { department?: string; previous?: Plan; approved?: null } = {}) =>
  checkMonitoringAgainstPlan(m, {
    department: extra.department ?? 'D1',
    approved: extra.approved === null ? null : approved,
    framework,
    revenueDepartments: ['D-FIN'],
    ...(extra.previous !== undefined && { previous: extra.previous }),
  }).findings;
const codes = (fs: readonly Finding[]) => fs.map((f) => f.code);

const Q1 = [
  ['P-1', 1405, 'Q1', 40, 30, 20, 10],
  ['A-1', 1405, 'Q1', 3, 3, 2, null],
];
const H1 = [
  ['P-1', 1405, 'H1', 70, 60, 50, 25],
  ['A-1', 1405, 'H1', 6, 5, 5, null],
];

describe('a monitoring workbook against the approved plan of its cycle', () => {
  it('accepts actuals and readings of what the department’s plan and framework KPIs have', () => {
    const m = monitoring({
      actuals: [...Q1, ...H1],
      // K-P1 from the department's plan, K-M from the framework under D1's name.
      kpis: [
        ['K-P1', 1405, 'H1', 20],
        ['K-M', 1405, 'H1', 7],
      ],
    });
    expect(check(m)).toEqual([]);
  });

  it('finds an actual for an item the approved plan does not have, located at its ID', () => {
    const m = monitoring({ actuals: [...Q1, ['P-9', 1405, 'Q1', 1, 1, 1, 5]] });
    const found = check(m);
    expect(codes(found)).toEqual(['ACTUAL_NOT_IN_PLAN']);
    // The header is in row 1: the third data row is sheet row 4, its LinkedId in column A.
    expect(found[0]).toMatchObject({
      severity: 'error',
      table: 'tblActuals',
      row: 4,
      column: 'LinkedId',
      cell: 'A4',
    });
    expect(found[0]?.message.en).toContain('P-9');
    expect(found[0]?.message.en).toContain('D1');
    expect(latinLeft(found[0]?.message.fa ?? '')).toEqual([]);
    expect(VALIDATION_CODES.ACTUAL_NOT_IN_PLAN.severity).toBe('error');
  });

  it('says so when the department has no approved plan at all', () => {
    const found = check(monitoring({ actuals: Q1 }), { approved: null });
    expect(codes(found)).toEqual(['ACTUAL_NOT_IN_PLAN', 'ACTUAL_NOT_IN_PLAN']);
    expect(found[0]?.message.en).toContain('no approved plan');
  });

  it('finds a reading of another department’s KPI, or of one nobody has', () => {
    const found = check(
      monitoring({
        kpis: [
          ['K-X', 1405, 'H1', 30],
          ['K-NONE', 1405, 'H1', 1],
        ],
      }),
    );
    expect(found.map((f) => [f.code, f.cell])).toEqual([
      ['KPI_ACTUAL_NOT_IN_PLAN', 'A2'],
      ['KPI_ACTUAL_NOT_IN_PLAN', 'A3'],
    ]);
  });

  it('takes realised revenue from the finance department only', () => {
    const revenue = [
      ['general-duties', null, 1405, 'H1', 5000],
      ['service-fees', null, 1405, 'H1', 700],
    ];
    const fromCivil = check(monitoring({ revenue }));
    expect(fromCivil.map((f) => [f.code, f.cell])).toEqual([
      ['REVENUE_ACTUAL_NOT_FINANCE', 'E2'],
      ['REVENUE_ACTUAL_NOT_FINANCE', 'E3'],
    ]);
    expect(fromCivil[0]?.message.en).toContain('D-FIN');
    // D-FIN's own monitoring: its revenue is the city's (it has no items here).
    expect(check(monitoring({ revenue }, 'D-FIN'), { department: 'D-FIN' })).toEqual([]);
  });

  it('closes the periods of the version approved before: unchanged rows are not checked again', () => {
    const previous = monitoring({ actuals: Q1 });
    // The next period's version carries Q1 as approved and adds H1: nothing to say.
    expect(check(monitoring({ actuals: [...Q1, ...H1] }), { previous })).toEqual([]);
    // An item dropped from the plan since Q1 was approved: its Q1 row was checked then, and is
    // not checked again; its H1 row is.
    const p1Only = readPlan({
      tables: [
        planInfo({ StartYear: 1405, Years: 3, WorkbookKind: 'department', Department: 'D1' }),
        rawTable(
          'tblProjects',
          ['ProjectId', 'ProgramId', 'Title', 'Dept', 'StartYear', 'EndYear', '1405'],
          [['P-1', 'PR1', 'تقاطع', 'D1', 1405, 1406, 100]],
        ),
      ],
    }).plan;
    const found = checkMonitoringAgainstPlan(monitoring({ actuals: [...Q1, ...H1] }), {
      department: 'D1',
      approved: p1Only,
      framework,
      revenueDepartments: ['D-FIN'],
      previous,
    }).findings;
    expect(found.map((f) => [f.code, f.row])).toEqual([['ACTUAL_NOT_IN_PLAN', 5]]);
  });

  it('finds a changed, a new or a missing row of a closed period (periods in order)', () => {
    const previous = monitoring({ actuals: [...Q1, ...H1] });
    // H1's P-1 paid changed from 50 to 55 after H1 was approved.
    const changed = check(
      monitoring({
        actuals: [...Q1, ['P-1', 1405, 'H1', 70, 60, 55, 25], H1[1] as RawCell[]],
      }),
      { previous },
    );
    expect(changed.map((f) => [f.code, f.cell])).toEqual([['MONITORING_PERIOD_CLOSED', 'C4']]);
    expect(changed[0]?.message.en).toContain('differs');
    // A Q1 row that was not there when H1 was approved: out of order.
    const late = check(
      monitoring({ actuals: [...Q1, ...H1, ['P-1', 1405, 'Q2', 60, 50, 40, 20]] }),
      { previous },
    );
    expect(late.map((f) => [f.code, f.cell])).toEqual([['MONITORING_PERIOD_CLOSED', 'C6']]);
    expect(late[0]?.message.en).toContain('new row');
    // The next version leaves A-1's Q1 out: a closed period's row is missing.
    const missing = check(monitoring({ actuals: [Q1[0] as RawCell[], ...H1] }), { previous });
    expect(codes(missing)).toEqual(['MONITORING_PERIOD_CLOSED']);
    expect(missing[0]?.message.en).toMatch(/^1 row\(s\).*"\u2068A-1\u2069" at Q1 1405/);
  });
});
