/**
 * The plan's process, guided, over real HTTP on both databases (issue 20):
 * `GET /api/cycles/{cycleId}/process` on the seeded sample city, whose every department's plan
 * is approved, whose council adopted and published the city plan, and whose departments
 * filed their monitoring of 1405 H1 (`seedSample`).
 *
 * Where the expected figures come from: the seed's own story (every plan approved, one
 * adopted and published snapshot), the deadlines of the six-monthly reports (1405 H1 due after
 * the end of Mehr 1405), and, for the owners who have not reported, the sample monitoring
 * workbook's rows read directly in the test: a project under way in 1405 with no `tblActuals`
 * row is one its owner has not reported.
 */
import request from 'supertest';
import { ApiProcess, readPlan, sampleMonitoringWorkbook, samplePlanWorkbook, rowsOf } from '#core';
import { DB_KINDS } from '../helpers/db';
import type { Harness } from './api-harness';
import { bearer, openHarness } from './api-harness';

describe.each(DB_KINDS)('the process, guided (%s)', (kind) => {
  let h: Harness;
  const url = (on?: string) =>
    `/api/cycles/${h.cycleId}/process${on === undefined ? '' : `?on=${encodeURIComponent(on)}`}`;

  beforeAll(async () => {
    h = await openHarness(kind, {}, {}, { monitoring: true });
  });
  afterAll(async () => {
    await h.close();
  });

  const phase = (p: ApiProcess, id: string) => {
    const found = p.phases.find((x) => x.phase === id);
    if (found === undefined) throw new Error(`no phase ${id}`);
    return found;
  };

  it('counts the sample city complete before the first report is due', async () => {
    const res = await request(h.app).get(url('1405/07/30')).set(bearer(h.tokens.approver));
    expect(res.status).toBe(200);
    const body = ApiProcess.parse(res.body);
    expect(body.on).toBe('1405/07/30');
    // The deadline of 1405 H1 is the end of Mehr: on its last day nothing is due yet.
    expect(body.periodsDue).toEqual([]);
    expect(phase(body, 'monitoring')).toMatchObject({ done: 0, total: 0, score: null });
    // Every phase but monitoring is done: the seed approves every plan and adopts one snapshot.
    for (const p of body.phases.filter((x) => x.phase !== 'monitoring'))
      expect([p.phase, p.done]).toEqual([p.phase, p.total]);
    // Every department that files a plan is counted, and each is approved.
    const departments = readPlan(samplePlanWorkbook()).plan.tables.tblDepartments?.rows ?? [];
    expect(phase(body, 'agreement').total).toBe(body.departments.length);
    expect(body.departments.length).toBeGreaterThan(0);
    expect(body.departments.length).toBeLessThanOrEqual(departments.length);
    expect(phase(body, 'adoption')).toMatchObject({ done: 3, total: 3 });
    expect(body.next).toBeNull();
    expect(phase(body, 'swot').help).toBe('swot');
  });

  it('lists, once 1405 H1 and then the year are due, the KPIs and projects not reported', async () => {
    // Independently of the core: the sample monitoring workbook's own rows, by period.
    const monitoring = readPlan(sampleMonitoringWorkbook()).plan;
    const plan = readPlan(samplePlanWorkbook()).plan;
    const QUARTERS: Record<string, number> = { Q1: 1, Q2: 2, H1: 2, Q3: 3, Q4: 4, FY: 4 };
    const expectedAt = (period: 'H1' | 'FY') => {
      const at = QUARTERS[period] as number;
      const covered = (rows: { id: string; Year: number | null; Period: string | null }[]) =>
        new Set(
          rows
            .filter((r) => r.Year === 1405 && QUARTERS[r.Period ?? ''] !== undefined)
            .filter((r) => (QUARTERS[r.Period ?? ''] as number) >= at)
            .filter((r) => period !== 'FY' || r.Period === 'FY' || r.Period === 'Q4')
            .map((r) => r.id),
        );
      const projectsDone = covered(
        rowsOf(monitoring, 'tblActuals').map((r) => ({ ...r, id: r.LinkedId })),
      );
      const kpisDone = covered(
        rowsOf(monitoring, 'tblKpiActuals').map((r) => ({ ...r, id: r.KpiId })),
      );
      const projects = rowsOf(plan, 'tblProjects')
        .filter((p) => p.Status !== 'dropped' && p.StartYear !== null && p.EndYear !== null)
        .filter((p) => (p.StartYear as number) <= 1405 && (p.EndYear as number) >= 1405)
        .filter((p) => !projectsDone.has(p.ProjectId))
        .map((p) => `${period} project ${p.Dept}:${p.ProjectId}`);
      const kpis = rowsOf(plan, 'tblKpis')
        .filter((k) => period === 'FY' || (k.Frequency ?? 'annual') !== 'annual')
        .filter((k) => !kpisDone.has(k.KpiId))
        .map((k) => `${period} kpi ${k.OwnerDept}:${k.KpiId}`);
      return [...projects, ...kpis];
    };
    const listedOf = (body: ApiProcess) =>
      body.departments
        .flatMap((d) => d.unreported.map((u) => `${u.period.period} ${u.kind} ${d.code}:${u.id}`))
        .sort();

    const h1 = await request(h.app).get(url('۱۴۰۵/۰۸/۰۱')).set(bearer(h.tokens.approver));
    expect(h1.status).toBe(200);
    const atH1 = ApiProcess.parse(h1.body);
    expect(atH1.periodsDue).toEqual([{ year: 1405, period: 'H1' }]);
    expect(listedOf(atH1)).toEqual(expectedAt('H1').sort());
    // A department that filed its monitoring of H1 has its one due report done.
    const filed = atH1.departments.filter((d) => d.reportedThrough !== null);
    expect(filed.length).toBeGreaterThan(0);
    for (const d of filed) {
      expect(d.reportedThrough).toEqual({ year: 1405, period: 'H1' });
      expect(d.phases.find((p) => p.phase === 'monitoring')).toMatchObject({ done: 1, total: 1 });
    }
    // The city's monitoring phase counts one report per department and due period.
    expect(phase(atH1, 'monitoring')).toMatchObject({
      done: filed.length,
      total: atH1.departments.length,
    });

    // After Farvardin 1406 the year 1405 is due too: nothing of it is reported yet.
    const fy = await request(h.app).get(url('1406/02/01')).set(bearer(h.tokens.approver));
    const atFy = ApiProcess.parse(fy.body);
    expect(atFy.periodsDue).toEqual([
      { year: 1405, period: 'H1' },
      { year: 1405, period: 'FY' },
    ]);
    const expectedFy = [...expectedAt('H1'), ...expectedAt('FY')].sort();
    expect(expectedFy.length).toBeGreaterThan(expectedAt('H1').length);
    expect(listedOf(atFy)).toEqual(expectedFy);
    expect(phase(atFy, 'monitoring')).toMatchObject({
      done: filed.length,
      total: 2 * atFy.departments.length,
    });
    // The planning office's next step: remind those who have not reported.
    expect(atFy.next).toMatchObject({ phase: 'monitoring', requirement: 'reports' });
  });

  it('refuses a day it cannot read, saying where, and those who do not read the city plan', async () => {
    const bad = await request(h.app).get(url('1405/13/40')).set(bearer(h.tokens.approver));
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].path).toEqual(['on']);
    const preparer = await request(h.app).get(url()).set(bearer(h.tokens.preparer));
    expect(preparer.status).toBe(403);
  });
});
