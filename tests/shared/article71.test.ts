/**
 * The Article 71 summary (`article71Summary`), which the Article 71 workbook and document lay
 * out: on `monitoringWorkbook` read with `monitoredPlan` as its reference at 1406 H1, the
 * figures worked by hand in tests/shared/monitor.test.ts (earned value of P-EV and P-OK) and
 * tests/cli/report71.test.ts (spending by head).
 */
import type { Plan } from '#core';
import { article71Summary, monitoringReport, readPlan } from '#core';
import { monitoredPlan, monitoringWorkbook } from '../helpers/plan';

const plan: Plan = readPlan(monitoringWorkbook(), { reference: monitoredPlan() }).plan;
const report = monitoringReport(plan, { year: 1406, period: 'H1' });
const summary = article71Summary(plan, report);

describe('the Article 71 summary', () => {
  it('sums spending by head: current = the activity A-1, capital = the projects', () => {
    // Current: A-1, budget 10,000, paid 3,000 (30 %). Capital: P-EV, P-OK and P-LATE, budget
    // 48,000 + 20,000 + 0 = 68,000, paid 27,000 + 9,000 = 36,000.
    expect(summary.heads.map((h) => [h.head, h.currentBudget, h.paid])).toEqual([
      ['current', 10000n, 3000n],
      ['capital', 68000n, 36000n],
    ]);
    expect(summary.heads[0]?.paidExecution).toBeCloseTo(0.3, 12);
    // The heads add up to the city, every column.
    for (const k of ['planned', 'currentBudget', 'allocated', 'committed', 'paid'] as const)
      expect(summary.heads.reduce((a, h) => a + (h[k] ?? 0n), 0n)).toBe(report.city[k] ?? 0n);
  });

  it('counts the projects by state and earned-value status, with their financial progress', () => {
    // P-EV: progress 40 %, AC 45,000 of BAC 100,000, off track; P-OK: 80 %, 39,000 of 50,000,
    // on track. Neither is at 100 % nor done in the plan: both in progress.
    expect(
      summary.projects.map((p) => [p.projectId, p.state, p.financialProgress, p.status]),
    ).toEqual([
      ['P-EV', 'ongoing', 0.45, 'off-track'],
      ['P-OK', 'ongoing', 0.78, 'on-track'],
    ]);
    expect(summary.works).toEqual({
      completed: 0,
      ongoing: 2,
      byStatus: { 'on-track': 1, 'at-risk': 0, 'off-track': 1, 'no-data': 0 },
    });
  });

  it('lists the KPIs of the year, each counted once by status', () => {
    const counted = Object.values(summary.kpiStatus).reduce((a, b) => a + b, 0);
    expect(counted).toBe(summary.kpis.length);
    for (const k of summary.kpis) {
      const entry = report.kpis.find((e) => e.kpiId === k.kpiId);
      expect(entry?.years.find((y) => y.year === 1406)?.status).toBe(k.status);
    }
  });
});
