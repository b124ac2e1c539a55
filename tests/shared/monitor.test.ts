/**
 * Monitoring calculations (contract v2, "Calculations (v2)"): earned value against a
 * textbook example, and budget execution, plan realisation and revenue realisation worked by
 * hand on `monitoringWorkbook` read with `monitoredPlan` (tests/helpers/plan.ts) as its
 * reference, at 1406 H1 (half of the year elapsed: the attention threshold is 0.8 × ½ = 0.4).
 */
import type { Plan, RawWorkbook } from '#core';
import {
  executionStatus,
  latestMonitorPeriod,
  monitoringReport,
  parseMonitorPeriod,
  readPlan,
} from '#core';
import { monitoredPlan, monitoringWorkbook, planInfo, rawTable } from '../helpers/plan';

function planOf(wb: RawWorkbook = monitoringWorkbook(), reference = monitoredPlan()): Plan {
  return readPlan(wb, { reference }).plan;
}
const AT = { year: 1406, period: 'H1' } as const;

describe('earned value', () => {
  // The textbook example of earned-value management in the form PMBOK-style courses use
  // (e.g. PMI's Practice Standard for Earned Value Management teaches the same arithmetic):
  // budget at completion 100,000; at the status date half of the work was planned
  // (PV 50,000), 40% is done (EV 40% × 100,000 = 40,000) and 45,000 was spent (AC). Then
  //   SPI = EV / PV = 40,000 / 50,000 = 0.8        (behind schedule)
  //   CPI = EV / AC = 40,000 / 45,000 = 0.8889     (over cost)
  //   EAC = BAC / CPI = 100,000 / 0.8889 = 112,500 (= BAC × AC / EV)
  // P-EV is that project in the contract's terms at 1406 H1: TotalCost 100,000 = BAC;
  // PV = SpentBefore 0 + 1405's cost 20,000 + ½ × 1406's 60,000 = 50,000;
  // progress 40% → EV 40,000; AC = 0 + 1405's latest Paid 18,000 + 1406's Paid at H1 27,000 = 45,000.
  it('P-EV: the textbook figures, off track (SPI 0.8 < 0.85)', () => {
    const ev = monitoringReport(planOf(), AT).earnedValue.find((e) => e.projectId === 'P-EV');
    expect(ev).toMatchObject({ bac: 100000n, pv: 50000n, progress: 40, ev: 40000n, ac: 45000n });
    expect(ev?.spi).toBeCloseTo(0.8, 12);
    expect(ev?.cpi).toBeCloseTo(40000 / 45000, 12);
    expect(ev?.eac).toBe(112500n);
    expect(ev?.status).toBe('off-track');
    expect(ev?.behind).toEqual(['schedule', 'cost']);
  });

  // P-OK has no TotalCost: BAC = SpentBefore 10,000 + 20,000 + 20,000 + 0 = 50,000;
  // PV = 10,000 + 20,000 (1405) + ½ × 20,000 (1406) = 40,000; EV = 80% × 50,000 = 40,000;
  // AC = 10,000 + 20,000 (1405 FY Paid) + 9,000 (1406 H1 Paid) = 39,000;
  // SPI = 1, CPI = 40,000 / 39,000 = 1.0256; EAC = 50,000 × 39,000 / 40,000 = 48,750.
  it('P-OK: BAC from SpentBefore and the plan years, on track', () => {
    const ev = monitoringReport(planOf(), AT).earnedValue.find((e) => e.projectId === 'P-OK');
    expect(ev).toMatchObject({ bac: 50000n, pv: 40000n, ev: 40000n, ac: 39000n, eac: 48750n });
    expect(ev?.spi).toBe(1);
    expect(ev?.cpi).toBeCloseTo(40 / 39, 12);
    expect(ev?.status).toBe('on-track');
    expect(ev?.behind).toEqual([]);
  });

  it('at Q1 the elapsed share is a quarter and the Q1 row is the latest', () => {
    // PV = 20,000 + ¼ × 60,000 = 35,000; EV = 30% × 100,000 = 30,000; AC = 18,000 + 12,000 = 30,000.
    const ev = monitoringReport(planOf(), { year: 1406, period: 'Q1' }).earnedValue.find(
      (e) => e.projectId === 'P-EV',
    );
    expect(ev).toMatchObject({ pv: 35000n, ev: 30000n, ac: 30000n, eac: 100000n });
    expect(ev?.spi).toBeCloseTo(30 / 35, 12); // 0.857: at risk (both ≥ 0.85, not both ≥ 0.95)
    expect(ev?.status).toBe('at-risk');
  });

  it('the status thresholds: both ≥ 0.95 on track, both ≥ 0.85 at risk, else off track', () => {
    expect(executionStatus(0.95, 1.2)).toBe('on-track');
    expect(executionStatus(0.9499, 1.2)).toBe('at-risk');
    expect(executionStatus(0.85, 0.85)).toBe('at-risk');
    expect(executionStatus(0.8499, 2)).toBe('off-track');
    expect(executionStatus(null, 1)).toBeNull();
  });

  it('no progress reported: EV, SPI, CPI, EAC and status are null', () => {
    const wb = monitoringWorkbook((t) => {
      t.tblActuals = [['P-EV', 1406, 'H1', 1, 1, 1, null]];
    });
    const ev = monitoringReport(planOf(wb), AT).earnedValue[0];
    expect(ev).toMatchObject({
      projectId: 'P-EV',
      ev: null,
      spi: null,
      cpi: null,
      eac: null,
      status: null,
    });
  });
});

describe('budget execution and plan realisation', () => {
  const report = () => monitoringReport(planOf(), AT);

  it('per item: paid and committed over the current budget, paid over the planned cost', () => {
    // P-EV 1406: current budget 50,000 − 5,000 + 3,000 = 48,000 (the proposed 99,999 is not in it);
    // paid 27,000 / 48,000 = 0.5625, committed 36,000 / 48,000 = 0.75; planned 60,000:
    // realisation 27,000 / 60,000 = 0.45.
    const p = report().items.find((i) => i.id === 'P-EV');
    expect(p).toMatchObject({
      planned: 60000n,
      currentBudget: 48000n,
      allocated: 40000n,
      committed: 36000n,
      paid: 27000n,
    });
    expect(p?.paidExecution).toBe(0.5625);
    expect(p?.committedExecution).toBe(0.75);
    expect(p?.planRealisation).toBe(0.45);
    // 3,000 / 10,000 = 0.3 of both budget and plan; committed 4,000 / 10,000 = 0.4.
    const a = report().items.find((i) => i.id === 'A-1');
    expect([a?.paidExecution, a?.committedExecution, a?.planRealisation]).toEqual([0.3, 0.4, 0.3]);
  });

  it('per program, department and city: the sums of the items, and their ratios', () => {
    const r = report();
    // PR1 = P-EV + P-OK: planned 60,000 + 20,000 = 80,000; budget 48,000 + 20,000 = 68,000;
    // allocated 40,000 + 15,000; committed 36,000 + 12,000; paid 27,000 + 9,000 = 36,000.
    const pr1 = r.programs.find((g) => g.key === 'PR1');
    expect(pr1).toMatchObject({
      items: 2,
      planned: 80000n,
      currentBudget: 68000n,
      allocated: 55000n,
      committed: 48000n,
      paid: 36000n,
    });
    expect(pr1?.paidExecution).toBeCloseTo(36000 / 68000, 12); // 0.5294
    expect(pr1?.planRealisation).toBe(0.45); // 36,000 / 80,000
    // PR2 = A-1 + P-LATE (planned 5,000, unreported): planned 15,000, budget 10,000, paid 3,000.
    const pr2 = r.programs.find((g) => g.key === 'PR2');
    expect(pr2).toMatchObject({ items: 2, planned: 15000n, currentBudget: 10000n, paid: 3000n });
    expect(pr2?.planRealisation).toBeCloseTo(0.2, 12);
    expect(r.departments.map((d) => [d.key, d.paid])).toEqual([
      ['D1', 36000n],
      ['D2', 3000n],
    ]);
    // City: planned 95,000, budget 78,000, paid 39,000 → 0.5; committed 52,000 → 0.6667.
    expect(r.city).toMatchObject({
      items: 4,
      planned: 95000n,
      currentBudget: 78000n,
      paid: 39000n,
      committed: 52000n,
    });
    expect(r.city.paidExecution).toBe(0.5);
    expect(r.city.committedExecution).toBeCloseTo(52 / 78, 12);
    expect(r.notReported).toEqual(['P-LATE']);
  });

  it('a v1 table: paid is the sum of Spent of the periods up to the period; no allocation or commitment', () => {
    const wb: RawWorkbook = {
      tables: [
        planInfo({ StartYear: 1405, Years: 3, WorkbookKind: 'monitoring' }),
        rawTable(
          'tblActuals',
          ['LinkedId', 'Year', 'Period', 'Spent', 'PhysicalProgress'],
          [
            ['A-1', 1406, 'Q1', 1000, null],
            ['A-1', 1406, 'Q2', 1500, null],
            ['A-1', 1406, 'Q3', 9999, null],
          ],
        ),
      ],
    };
    const r = monitoringReport(planOf(wb), AT);
    expect(r.cumulative).toBe(false);
    // 1,000 + 1,500 = 2,500 paid by H1 (Q3 is after it); 2,500 / 10,000 = 0.25.
    expect(r.items.find((i) => i.id === 'A-1')).toMatchObject({
      paid: 2500n,
      allocated: null,
      committed: null,
      paidExecution: 0.25,
    });
  });

  it('v2 columns left empty beside a filled Spent (a workbook made from the template): still v1', () => {
    const wb: RawWorkbook = {
      tables: [
        planInfo({ StartYear: 1405, Years: 3, WorkbookKind: 'monitoring' }),
        rawTable(
          'tblActuals',
          [
            'LinkedId',
            'Year',
            'Period',
            'Spent',
            'PhysicalProgress',
            'Allocated',
            'Committed',
            'Paid',
          ],
          [
            ['A-1', 1406, 'Q1', 1000, null, null, null, null],
            ['A-1', 1406, 'Q2', 1500, null, null, null, null],
          ],
        ),
      ],
    };
    const r = monitoringReport(planOf(wb), AT);
    expect(r.cumulative).toBe(false);
    expect(r.items.find((i) => i.id === 'A-1')?.paid).toBe(2500n); // 1,000 + 1,500
  });

  it('scoped to the workbook’s department', () => {
    const wb = monitoringWorkbook();
    wb.tables[0] = planInfo({
      StartYear: 1405,
      Years: 3,
      WorkbookKind: 'monitoring',
      Department: 'D2',
    });
    const r = monitoringReport(planOf(wb), AT);
    expect(r.department).toBe('D2');
    expect(r.items.map((i) => i.id).sort()).toEqual(['A-1', 'P-LATE']);
    expect(r.earnedValue).toEqual([]);
  });
});

describe('revenue realisation', () => {
  it('per class against the chosen scenario’s forecast of the year', () => {
    const r = monitoringReport(planOf(), AT);
    expect(r.revenue.ok).toBe(true);
    if (!r.revenue.ok) return;
    expect(r.revenue.scenario).toBe('base');
    // general duties: forecast 10,000 × 1.1² = 12,100 (growth method from 1404); realised at
    // H1 5,000 (the latest period's cumulative amount, not Q1 + H1): 5,000 / 12,100 = 0.4132.
    // government grants: 2,000 × 1⁰ … = 2,000; 700 / 2,000 = 0.35.
    expect(r.revenue.classes.map((c) => [c.revenueClass, c.forecast, c.actual])).toEqual([
      ['general-duties', 12100n, 5000n],
      ['government-grants', 2000n, 700n],
    ]);
    expect(r.revenue.classes[0]?.realisation).toBeCloseTo(5000 / 12100, 12);
    expect(r.revenue.classes[1]?.realisation).toBe(0.35);
    // Total 5,700 / 14,100 = 0.4043.
    expect(r.revenue.total).toMatchObject({ forecast: 14100n, actual: 5700n });
    expect(r.revenue.total.realisation).toBeCloseTo(5700 / 14100, 12);
  });

  it('an unknown scenario is a failure of the revenue side only', () => {
    const r = monitoringReport(planOf(), AT, { scenario: 'nope' });
    expect(r.revenue.ok).toBe(false);
    expect(r.items.length).toBeGreaterThan(0);
  });
});

describe('what needs attention', () => {
  it('projects off track, items and revenue below 0.8 × the share of the year elapsed', () => {
    const r = monitoringReport(planOf(), AT);
    expect(r.threshold).toBe(0.4); // 0.8 × ½
    // P-EV off track (SPI 0.8); A-1 paid 0.3 of its budget < 0.4 (P-OK's 0.45 and P-EV's
    // 0.5625 are not); government grants realised 0.35 < 0.4 (general duties' 0.413 is not).
    expect(r.attention).toEqual([
      { kind: 'project-off-track', id: 'P-EV', spi: 0.8, cpi: expect.closeTo(0.8889, 4) },
      {
        kind: 'execution-low',
        id: 'A-1',
        itemKind: 'activity',
        measure: 'budget',
        execution: 0.3,
        threshold: 0.4,
      },
      {
        kind: 'revenue-short',
        revenueClass: 'government-grants',
        realisation: 0.35,
        threshold: 0.4,
      },
    ]);
  });
});

describe('periods', () => {
  it('parses 1405-H1 and its variants', () => {
    expect(parseMonitorPeriod('1405-H1')).toEqual({ year: 1405, period: 'H1' });
    expect(parseMonitorPeriod('۱۴۰۶ q3')).toEqual({ year: 1406, period: 'Q3' });
    expect(parseMonitorPeriod('FY-1405')).toEqual({ year: 1405, period: 'FY' });
    expect(parseMonitorPeriod('1405-H2')).toBeNull();
  });

  it('the latest period the workbook reports', () => {
    expect(latestMonitorPeriod(planOf())).toEqual({ year: 1406, period: 'H1' });
  });
});
