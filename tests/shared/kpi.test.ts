import fc from 'fast-check';
import type { KpiDirection, RawWorkbook } from '#core';
import {
  KPI_AT_RISK_FROM,
  KPI_ON_TRACK_FROM,
  kpiProgress,
  kpiReport,
  kpiStatus,
  readPlan,
} from '#core';
import { planInfo, rawTable } from '../helpers/plan';

const progress = (
  direction: KpiDirection | null,
  baseline: number | null,
  target: number | null,
  actual: number | null,
) => kpiProgress({ direction, baseline, target, actual });

describe('KPI progress, as the contract defines it', () => {
  it('increase: how far the actual has moved from the baseline toward the target', () => {
    // Citizen satisfaction, baseline 40 %, target 50 %.
    expect(progress('increase', 40, 50, 49)).toBeCloseTo(0.9, 12); // (49 − 40)/(50 − 40)
    expect(progress('increase', 40, 50, 46)).toBeCloseTo(0.6, 12); // 6/10
    expect(progress('increase', 40, 50, 45)).toBe(0.5); // 5/10
    expect(progress('increase', 40, 50, 55)).toBe(1.5); // beyond the target: kept, not capped
    expect(progress('increase', 40, 50, 35)).toBe(-0.5); // moved the wrong way: kept
  });

  it('decrease: the same ratio, with the target below the baseline', () => {
    // Road deaths, baseline 20, target 10, actual 12: (12 − 20)/(10 − 20) = −8/−10 = 0.8.
    expect(progress('decrease', 20, 10, 12)).toBeCloseTo(0.8, 12);
    expect(progress('decrease', 20, 10, 10)).toBe(1);
    expect(progress('decrease', 20, 10, 25)).toBe(-0.5); // (25 − 20)/(−10)
  });

  it('target equal to baseline: 1 on the right side or equal, else 0', () => {
    expect(progress('increase', 70, 70, 70)).toBe(1);
    expect(progress('increase', 70, 70, 71)).toBe(1);
    expect(progress('increase', 70, 70, 69)).toBe(0);
    expect(progress('decrease', 5, 5, 4)).toBe(1);
    expect(progress('decrease', 5, 5, 5)).toBe(1);
    expect(progress('decrease', 5, 5, 6)).toBe(0);
  });

  it('maintain: 1 − |a − t|/|t|, floored at 0, baseline not used', () => {
    // Water quality compliance to keep at 95: actual 90 → 1 − 5/95 = 0.947368…
    expect(progress('maintain', null, 95, 90)).toBeCloseTo(1 - 5 / 95, 12);
    expect(progress('maintain', 999, 95, 100)).toBeCloseTo(1 - 5 / 95, 12);
    expect(progress('maintain', null, 95, 190)).toBe(0); // 1 − 95/95
    expect(progress('maintain', null, 95, 300)).toBe(0); // 1 − 205/95 < 0 → 0
    expect(progress('maintain', null, -10, -9)).toBeCloseTo(0.9, 12); // 1 − 1/10
    // Our choice for t = 0 (the ratio is undefined): exactly 0 is 1, anything else 0.
    expect(progress('maintain', null, 0, 0)).toBe(1);
    expect(progress('maintain', null, 0, 0.1)).toBe(0);
  });

  it('missing numbers give no progress rather than a wrong one', () => {
    expect(progress('increase', null, 50, 49)).toBeNull();
    expect(progress('increase', 40, null, 49)).toBeNull();
    expect(progress('increase', 40, 50, null)).toBeNull();
    expect(progress(null, 40, 50, 49)).toBeNull();
    expect(progress('increase', 40, 50, Number.NaN)).toBeNull();
    expect(progress('increase', 40, Infinity, 49)).toBeNull();
    expect(progress('decrease', -Infinity, 10, 12)).toBeNull();
    expect(progress('maintain', null, 95, Infinity)).toBeNull();
    expect(kpiStatus(null)).toBe('no-data');
  });

  it('status: on track from 0.9, at risk from 0.6, off track below', () => {
    expect([KPI_ON_TRACK_FROM, KPI_AT_RISK_FROM]).toEqual([0.9, 0.6]);
    expect(kpiStatus(1.5)).toBe('on-track');
    expect(kpiStatus(0.9)).toBe('on-track');
    expect(kpiStatus(0.89)).toBe('at-risk');
    expect(kpiStatus(0.6)).toBe('at-risk');
    expect(kpiStatus(0.59)).toBe('off-track');
    expect(kpiStatus(-1)).toBe('off-track');
    // (2.0 − 1.1)/(2.1 − 1.1) is 0.8999999999999999 in binary floating point; a person sees 0.9.
    const p = progress('increase', 1.1, 2.1, 2.0);
    expect(p).toBeLessThan(0.9);
    expect(kpiStatus(p)).toBe('on-track');
  });

  it('properties: decrease mirrors increase; 0 at the baseline, 1 at the target; maintain in [0, 1]', () => {
    const num = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(num, num, num, (b, t, a) => {
        // The same ratio with every sign flipped; both null when the quotient overflows
        // (subnormal t − b).
        const dec = progress('decrease', b, t, a);
        const inc = progress('increase', -b, -t, -a);
        if (dec === null || inc === null) expect(dec).toBe(inc);
        else expect(dec).toBeCloseTo(inc, 9);
        if (t !== b) {
          expect(progress('increase', b, t, b)).toBe(0);
          expect(progress('increase', b, t, t)).toBe(1);
        }
        const m = progress('maintain', null, t, a) ?? NaN;
        expect(m >= 0 && m <= 1).toBe(true);
      }),
    );
  });
});

// A monitoring workbook: KPIs with targets for 1405–1407 and readings by period.
const monitoring: RawWorkbook = {
  tables: [
    planInfo({ StartYear: 1405, Years: 3 }),
    rawTable(
      'tblKpis',
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
      ],
      [
        ['K1', 'macro', 'G1', 'Satisfaction', '%', 'increase', 40, 1404, 50, 60, 70],
        ['K2', 'micro', 'P1', 'Response time', 'min', 'کاهشی', 30, 1404, 25, 20, 15],
        ['K3', 'micro', 'P1', 'Green space per capita', 'm²', 'increase', 10, 1404, 12, 14, 16],
        ['K4', 'macro', 'G1', 'Not yet measured', '%', 'increase', 0, 1404, 10, 20, 30],
      ],
    ),
    rawTable(
      'tblKpiActuals',
      ['KpiId', 'Year', 'Period', 'Actual'],
      [
        ['K1', 1405, 'Q2', 47],
        ['K1', 1405, 'FY', 49], // the closed year's value wins over any quarter
        ['K1', 1406, 'Q1', 52],
        ['K1', 1406, 'سه‌ماهه سوم', 56], // Q3, typed in Persian: the latest quarter so far
        ['K2', 1405, 'FY', 26], // (26 − 30)/(25 − 30) = 0.8
        ['K3', 1405, 'FY', 10.4], // (10.4 − 10)/(12 − 10) = 0.2
        ['K3', 1406, 'FY', 12], // (12 − 10)/(14 − 10) = 0.5
        ['K3', 1407, 'FY', 14.8], // (14.8 − 10)/(16 − 10) = 0.8
      ],
    ),
  ],
};

describe('the KPI report of a monitoring workbook', () => {
  const report = kpiReport(readPlan(monitoring).plan);
  const byId = new Map(report.map((r) => [r.kpiId, r]));

  it('takes the FY value, else the latest quarter, and scores each year', () => {
    const k1 = byId.get('K1');
    expect(k1?.years.map((y) => [y.year, y.period, y.actual, y.target, y.provisional])).toEqual([
      [1405, 'FY', 49, 50, false],
      [1406, 'Q3', 56, 60, true],
    ]);
    // 1405: (49 − 40)/(50 − 40) = 0.9 on track; 1406: (56 − 40)/(60 − 40) = 0.8 at risk.
    expect(k1?.years[0]?.progress).toBeCloseTo(0.9, 12);
    expect(k1?.years.map((y) => y.status)).toEqual(['on-track', 'at-risk']);
    expect(k1?.latest?.year).toBe(1406);
    expect(byId.get('K2')?.years[0]?.progress).toBeCloseTo(0.8, 12);
  });

  it('reads the trend as the least-squares slope of progress per year', () => {
    // K1: 0.9 → 0.8, slope −0.1 a year: worsening.
    expect(byId.get('K1')?.trend).toBe('worsening');
    expect(byId.get('K1')?.trendSlope).toBeCloseTo(-0.1, 12);
    // K3: 0.2, 0.5, 0.8 on 1405–1407, slope 0.3 a year: improving.
    expect(byId.get('K3')?.trend).toBe('improving');
    expect(byId.get('K3')?.trendSlope).toBeCloseTo(0.3, 12);
    // One reading is no trend; no reading is no data.
    expect(byId.get('K2')?.trend).toBe('insufficient-data');
    expect(byId.get('K4')).toMatchObject({ years: [], latest: null, trend: 'insufficient-data' });
  });

  it('reports framework KPIs from reference data only where this workbook measures them', () => {
    const framework: RawWorkbook = {
      tables: [
        planInfo({ StartYear: 1405 }),
        rawTable(
          'tblKpis',
          ['KpiId', 'Level', 'LinkedId', 'Title', 'Direction', 'Baseline', '1405'],
          [
            ['KC1', 'macro', 'G1', 'City KPI measured here', 'increase', 0, 10],
            ['KC2', 'macro', 'G1', 'City KPI measured elsewhere', 'increase', 0, 10],
          ],
        ),
      ],
    };
    const dept: RawWorkbook = {
      tables: [
        planInfo({ StartYear: 1405 }),
        rawTable(
          'tblKpiActuals',
          ['KpiId', 'Year', 'Period', 'Actual'],
          [['KC1', 1405, 'FY', '۷']],
        ),
      ],
    };
    const r = kpiReport(readPlan(dept, { reference: framework }).plan);
    expect(r.map((k) => [k.kpiId, k.reference, k.years[0]?.progress])).toEqual([
      ['KC1', true, 0.7], // (7 − 0)/(10 − 0), Persian digit read
    ]);
  });
});
