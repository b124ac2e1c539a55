/**
 * Reading and validating monitoring workbooks (contract v2): `tblActuals` with cumulative
 * Allocated/Committed/Paid, `tblRevenueActuals`, the period H1, and the v2 rules (progress
 * never falls, paid ≤ committed ≤ allocated, a period once, whole Rials ≥ 0, an actual for
 * an item the plan does not have), each on `monitoringWorkbook` checked against
 * `monitoredPlan` as its reference, with the offending cell known.
 */
import type { Finding, RawWorkbook } from '#core';
import { KIND_TABLES, V2_TABLE_NAMES, readPlan, validateWorkbook } from '#core';
import { monitoredPlan, monitoringWorkbook, planInfo, rawTable } from '../helpers/plan';
import { latinLeft } from '../helpers/persianText';

function findings(wb: RawWorkbook, reference: RawWorkbook | null = monitoredPlan()): Finding[] {
  return validateWorkbook(wb, reference ? { reference } : {}).findings;
}
const codes = (fs: readonly Finding[]) => fs.map((f) => f.code);
const only = (fs: readonly Finding[], code: string) => fs.filter((f) => f.code === code);

describe('reading monitoring tables', () => {
  it('reads tblRevenueActuals and the v2 columns of tblActuals, H1 included', () => {
    const { plan, findings: read } = readPlan(monitoringWorkbook());
    expect(read.filter((f) => f.severity === 'error')).toEqual([]);
    const a = plan.tables.tblActuals?.rows[2];
    expect(a).toMatchObject({
      LinkedId: 'P-EV',
      Period: 'H1',
      Allocated: 40000n,
      Committed: 36000n,
      Paid: 27000n,
    });
    const r = plan.tables.tblRevenueActuals?.rows[1];
    expect(r).toMatchObject({
      RevenueClass: 'general-duties',
      Year: 1406,
      Period: 'H1',
      Amount: 5000n,
    });
    expect(V2_TABLE_NAMES).not.toContain('tblRevenueActuals');
    expect([...KIND_TABLES.monitoring]).toEqual(
      expect.arrayContaining(['tblActuals', 'tblRevenueActuals', 'tblKpiActuals']),
    );
  });

  it('reads Persian period captions (شش‌ماهه اول is H1)', () => {
    const { plan } = readPlan(
      monitoringWorkbook((t) => {
        t.tblActuals = [['P-EV', 1406, 'شش‌ماهه اول', 1, 1, 1, 10]];
      }),
    );
    expect(plan.tables.tblActuals?.rows[0]?.Period).toBe('H1');
  });

  it('needs no Spent beside Allocated/Committed/Paid, but v1 without Spent still misses it', () => {
    expect(codes(findings(monitoringWorkbook()))).not.toContain('COLUMN_MISSING');
    const v1 = {
      tables: [
        planInfo({ StartYear: 1405, Years: 3, WorkbookKind: 'monitoring' }),
        rawTable(
          'tblActuals',
          ['LinkedId', 'Year', 'Period', 'PhysicalProgress'],
          [['P-EV', 1405, 'FY', 10]],
        ),
      ],
    };
    expect(only(findings(v1), 'COLUMN_MISSING').map((f) => f.column)).toEqual(['Spent']);
  });

  it('a monitoring workbook of revenue actuals alone holds what its kind is for', () => {
    const wb = monitoringWorkbook((t) => {
      t.tblActuals = [];
    });
    const wbOnlyRevenue = { tables: wb.tables.filter((t) => t.name !== 'tblActuals') };
    const fs = findings(wbOnlyRevenue);
    expect(codes(fs)).not.toContain('KIND_CONTENT_MISSING');
    expect(codes(fs)).not.toContain('TABLE_NOT_IN_KIND');
  });
});

describe('validating monitoring workbooks', () => {
  it('the sample monitoring workbook has no monitoring finding against its plan', () => {
    const fs = findings(monitoringWorkbook());
    expect(fs.filter((f) => f.severity === 'error')).toEqual([]);
    for (const code of [
      'PROGRESS_DECREASED',
      'COMMITTED_OVER_ALLOCATED',
      'PAID_OVER_COMMITTED',
      'ACTUALS_DUPLICATE',
      'ACTUALS_PERIOD_MIX',
      'NEGATIVE_AMOUNT',
      'REF_MISSING',
    ])
      expect(codes(fs)).not.toContain(code);
  });

  it('PROGRESS_DECREASED where progress falls from one period to the next', () => {
    // P-EV: 40% at 1406 H1, then 35% at Q3 (row 8 of the sheet: header row 1, seventh row).
    const fs = only(
      findings(
        monitoringWorkbook((t) =>
          t.tblActuals?.push(['P-EV', 1406, 'Q3', 40000, 36000, 30000, 35]),
        ),
      ),
      'PROGRESS_DECREASED',
    );
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({
      severity: 'warning',
      table: 'tblActuals',
      column: 'PhysicalProgress',
      row: 8,
    });
    expect(fs[0]?.message.en).toContain('from 40% at H1 1406 to 35% at Q3 1406');
    // Across years too: P-OK 60% at 1405 FY, then 50% at 1406 H1 (row 6).
    const across = only(
      findings(monitoringWorkbook((t) => (t.tblActuals![4]![6] = 50))),
      'PROGRESS_DECREASED',
    );
    expect(across.map((f) => f.row)).toEqual([6]);
  });

  it('Committed above Allocated and Paid above Committed are warnings at their cells', () => {
    const fs = findings(
      monitoringWorkbook((t) => {
        t.tblActuals![5] = ['A-1', 1406, 'H1', 5000, 6000, 7000, null];
      }),
    );
    expect(only(fs, 'COMMITTED_OVER_ALLOCATED')).toEqual([
      expect.objectContaining({ severity: 'warning', row: 7, column: 'Committed' }),
    ]);
    expect(only(fs, 'PAID_OVER_COMMITTED')).toEqual([
      expect.objectContaining({ severity: 'warning', row: 7, column: 'Paid' }),
    ]);
  });

  it('a period given twice for an item and year, or for a revenue class and year', () => {
    const fs = findings(
      monitoringWorkbook((t) => {
        t.tblActuals!.push(['A-1', 1406, 'H1', 5000, 4000, 3000, null]);
        t.tblRevenueActuals!.push(['government-grants', null, 1406, 'H1', 800]);
      }),
    );
    expect(only(fs, 'ACTUALS_DUPLICATE').map((f) => [f.table, f.row])).toEqual([
      ['tblActuals', 8],
      ['tblRevenueActuals', 5],
    ]);
    // Cumulative figures may give FY beside the quarters: no mix.
    expect(codes(fs)).not.toContain('ACTUALS_PERIOD_MIX');
  });

  it('v1 per-period Spent: H1 beside Q1 would count the quarter twice', () => {
    const v1 = {
      tables: [
        planInfo({ StartYear: 1405, Years: 3, WorkbookKind: 'monitoring' }),
        rawTable(
          'tblActuals',
          ['LinkedId', 'Year', 'Period', 'Spent'],
          [
            ['A-1', 1405, 'Q1', 100],
            ['A-1', 1405, 'H1', 250],
          ],
        ),
      ],
    };
    expect(only(findings(v1), 'ACTUALS_PERIOD_MIX').map((f) => f.row)).toEqual([3]);
  });

  it('amounts are whole Rials ≥ 0', () => {
    const fs = findings(
      monitoringWorkbook((t) => {
        t.tblActuals![5] = ['A-1', 1406, 'H1', 5000, 4000, -1, null];
        t.tblRevenueActuals![2] = ['government-grants', null, 1406, 'H1', 700.5];
      }),
    );
    expect(only(fs, 'NEGATIVE_AMOUNT')).toEqual([
      expect.objectContaining({ table: 'tblActuals', row: 7, column: 'Paid' }),
    ]);
    expect(only(fs, 'MONEY_FRACTION')).toEqual([
      expect.objectContaining({
        table: 'tblRevenueActuals',
        row: 4,
        column: 'Amount',
        severity: 'error',
      }),
    ]);
  });

  it('an actual for an item the plan does not have is REF_MISSING; without the plan it is left for consolidation', () => {
    const wb = monitoringWorkbook((t) => t.tblActuals!.push(['P-XX', 1406, 'H1', 1, 1, 1, 5]));
    expect(only(findings(wb), 'REF_MISSING')).toEqual([
      expect.objectContaining({
        severity: 'error',
        table: 'tblActuals',
        row: 8,
        column: 'LinkedId',
      }),
    ]);
    const alone = validateWorkbook(wb);
    expect(codes(alone.findings)).not.toContain('REF_MISSING');
    expect(alone.skipped.map((s) => s.code)).toContain('REF_MISSING');
  });

  it('the Persian messages of the monitoring rules hold no Latin outside isolates', () => {
    const fs = findings(
      monitoringWorkbook((t) => {
        t.tblActuals![5] = ['A-1', 1406, 'H1', 5000, 6000, 7000, null];
        t.tblActuals!.push(['P-EV', 1406, 'Q3', 40000, 36000, 30000, 35]);
        t.tblRevenueActuals!.push(['government-grants', null, 1406, 'H1', 800]);
      }),
    ).filter((f) =>
      [
        'PROGRESS_DECREASED',
        'COMMITTED_OVER_ALLOCATED',
        'PAID_OVER_COMMITTED',
        'ACTUALS_DUPLICATE',
      ].includes(f.code),
    );
    expect(fs).toHaveLength(4);
    expect(latinLeft(fs.map((f) => f.message.fa).join('\n'))).toEqual([]);
  });
});
