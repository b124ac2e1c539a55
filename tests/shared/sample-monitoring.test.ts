/**
 * The sample's monitoring workbook at 1405 H1 (shared/src/sample/monitoring.ts), read with the
 * sample plan as its reference: valid, and showing what it was built to show. The expected
 * figures are the construction's own factors: the scope's first project reaches 70 % of its
 * planned progress (SPI ≈ 0.7, off track); the second activity pays 60 % of half its year
 * (0.6 × ½ = 0.3 of its budget, below 0.8 × ½ = 0.4); service fees realise 78 % of half their
 * forecast (0.78 × ½ = 0.39, below 0.4); every other class 95–104 % of half.
 */
import type { RawWorkbook } from '#core';
import {
  monitoringReport,
  readPlan,
  sampleMonitoringWorkbook,
  samplePlanWorkbook,
  validateWorkbook,
} from '#core';

const plan = samplePlanWorkbook();
const report = (wb: RawWorkbook) =>
  monitoringReport(readPlan(wb, { reference: plan }).plan, { year: 1405, period: 'H1' });

describe('the sample monitoring workbook', () => {
  it.each([
    ['the city', undefined],
    ['D-CIV', 'D-CIV'],
  ])('for %s is valid against the sample plan, with no finding at all', (_name, dept) => {
    expect(validateWorkbook(sampleMonitoringWorkbook(dept), { reference: plan }).findings).toEqual(
      [],
    );
  });

  it('for the city: one project off track, the others on track; one slow activity; service fees short', () => {
    const r = report(sampleMonitoringWorkbook());
    expect(r.cumulative).toBe(true);
    const off = r.earnedValue.filter((e) => e.status === 'off-track');
    expect(off).toHaveLength(1);
    expect(off[0]?.spi).toBeCloseTo(0.7, 2);
    expect(
      r.earnedValue.filter((e) => e.status !== 'off-track').every((e) => e.status === 'on-track'),
    ).toBe(true);
    expect(r.attention.map((a) => a.kind)).toEqual([
      'project-off-track',
      'execution-low',
      'revenue-short',
    ]);
    const low = r.attention[1];
    expect(low?.kind === 'execution-low' && low.execution).toBeCloseTo(0.3, 2);
    const short = r.attention[2];
    expect(short?.kind === 'revenue-short' && short.revenueClass).toBe('service-fees');
    expect(short?.kind === 'revenue-short' && short.realisation).toBeCloseTo(0.39, 3);
    expect(r.notReported).toEqual([]);
  });

  it('for a department: its own items only, and no revenue of its own', () => {
    const wb = sampleMonitoringWorkbook('D-CIV');
    expect(wb.tables.map((t) => t.name)).not.toContain('tblRevenueActuals');
    const r = report(wb);
    expect(r.department).toBe('D-CIV');
    expect(new Set(r.items.map((i) => i.dept))).toEqual(new Set(['D-CIV']));
    expect(r.earnedValue.filter((e) => e.status === 'off-track')).toHaveLength(1);
    // The city's revenue (from the reference) is shown but not flagged for a department.
    expect(r.revenue.ok).toBe(true);
    expect(r.attention.map((a) => a.kind)).not.toContain('revenue-short');
  });
});
