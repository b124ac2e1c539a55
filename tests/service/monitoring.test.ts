/**
 * The city's monitoring view over real HTTP (issue 14, the register's part), on both
 * databases: `GET /api/cycles/{cycleId}/monitoring` on the seeded sample city, whose planning
 * deputy's approved `monitoring` submission is the sample monitoring workbook of 1405 H1.
 *
 * Where the expected figures come from: the core's `monitoringReport` run in the test on the
 * sample as ONE city workbook (the sample plan with its actuals, revenue actuals and KPI
 * readings replaced by the sample monitoring workbook's), not on the register's split and
 * merge of it; the register must give the same city, departments, programs and attention.
 * The off-track project is the one the sample makes so by construction
 * (`sampleMonitoringWorkbook`: the scope's first approved or ongoing project with a 1405 cost
 * gets 70 % of its planned progress, SPI ≈ 0.7).
 */
import request from 'supertest';
import type { MonitoringReport, Plan, RawWorkbook } from '#core';
import {
  ApiMonitoring,
  article71Tables,
  monitoringReport,
  readPlan,
  sampleMonitoringWorkbook,
  samplePlanWorkbook,
} from '#core';
import { readXlsx } from '../../io';
import { rialsAsStrings } from '../../service/src/consolidate/monitoring';
import { DB_KINDS } from '../helpers/db';
import type { Harness } from './api-harness';
import { bearer, binary, openHarness } from './api-harness';

/** The sample city as one workbook, with the sample monitoring of 1405 H1 as its actuals. */
function sampleCityAtH1(): Plan {
  // The tables only a monitoring workbook holds (contract v2, kinds).
  const own = new Set(['tblActuals', 'tblRevenueActuals', 'tblKpiActuals']);
  const monitoring = sampleMonitoringWorkbook().tables.filter((t) => own.has(t.name));
  const workbook: RawWorkbook = {
    tables: [...samplePlanWorkbook().tables.filter((t) => !own.has(t.name)), ...monitoring],
  };
  return readPlan(workbook).plan;
}

const byKey = <T extends { key: string }>(groups: readonly T[]) =>
  [...groups].sort((a, b) => a.key.localeCompare(b.key));

describe.each(DB_KINDS)('the city’s monitoring view (%s)', (kind) => {
  let h: Harness;
  let plan: Plan;
  let expected: MonitoringReport;
  const url = () => `/api/cycles/${h.cycleId}/monitoring`;

  beforeAll(async () => {
    h = await openHarness(kind, {}, {}, { monitoring: true });
    plan = sampleCityAtH1();
    expected = monitoringReport(plan, { year: 1405, period: 'H1' }, { department: '' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('gives the core’s report of the assembled city plan at 1405 H1', async () => {
    const res = await request(h.app).get(`${url()}?period=1405-H1`).set(bearer(h.tokens.council));
    expect(res.status).toBe(200);
    // Exactly the response schema: nothing more, nothing less (money as strings of Rials).
    const body = ApiMonitoring.parse(res.body);
    expect(body).toEqual(res.body);
    expect(body.sources.map((s) => s.kind)).toContain('monitoring');
    expect(body.pending).toEqual([]);
    // Measured against the seed's snapshot: number 1, adopted by the council (resolution
    // 1404-187 of 1404/12/20, the seed's), the cycle 1405–1409's baseline.
    expect(body.snapshot).toEqual({
      id: expect.any(String),
      number: 1,
      status: 'adopted',
      baseline: true,
      label: { fa: 'نسخه ۱ برنامه دوره ۱۴۰۵–۱۴۰۹', en: 'Version 1 of the 1405–1409 plan' },
      adoptedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      resolutionNumber: '1404-187',
      resolutionDate: '1404/12/20',
    });
    const want = rialsAsStrings(expected) as typeof body;
    expect({ year: body.year, period: body.period, department: body.department }).toEqual({
      year: 1405,
      period: 'H1',
      department: null,
    });
    // v2 actuals: cumulative Allocated/Committed/Paid.
    expect(body.cumulative).toBe(true);
    expect(body.city).toEqual(want.city);
    expect(body.city.items).toBeGreaterThan(0);
    expect(BigInt(body.city.paid)).toBeGreaterThan(0n);
    expect(byKey(body.departments)).toEqual(byKey(want.departments));
    expect(byKey(body.programs)).toEqual(byKey(want.programs));
    expect(body.revenue).toEqual(want.revenue);
    const sortById = <T extends { projectId: string }>(xs: readonly T[]) =>
      [...xs].sort((a, b) => a.projectId.localeCompare(b.projectId));
    expect(sortById(body.earnedValue)).toEqual(sortById(want.earnedValue));
    expect([...body.notReported].sort()).toEqual([...want.notReported].sort());
    const key = (a: ApiMonitoring['attention'][number]) =>
      `${a.kind}:${'id' in a ? a.id : a.revenueClass}`;
    expect(body.attention.map(key).sort()).toEqual(want.attention.map(key).sort());
  });

  it('names the sample’s off-track project first in what needs attention', async () => {
    const res = await request(h.app).get(`${url()}?period=1405-H1`).set(bearer(h.tokens.approver));
    expect(res.status).toBe(200);
    const body = ApiMonitoring.parse(res.body);
    // The sample's construction: the first approved or ongoing project with a 1405 cost.
    const offTrack = (plan.tables.tblProjects?.rows ?? []).find(
      (p) =>
        (p.costs.get(1405) ?? 0n) !== 0n && (p.Status === 'approved' || p.Status === 'ongoing'),
    )?.ProjectId;
    expect(offTrack).toBeDefined();
    expect(body.attention[0]).toMatchObject({ kind: 'project-off-track', id: offTrack });
    // The rest, as the sample is built: its second activity pays 60 % of half its
    // year by H1 (30 % of the budget, below 0.8 × ½ = 40 %), and service fees realise 78 % of
    // half the year's forecast (39 %, below 40 %: `H1_REALISED` in shared/src/sample/build.ts).
    expect(body.attention.map((a) => [a.kind, 'id' in a ? a.id : a.revenueClass])).toEqual([
      ['project-off-track', offTrack],
      ['execution-low', 'A-002'],
      ['revenue-short', 'service-fees'],
    ]);
    const slow = body.attention[1];
    expect(slow?.kind === 'execution-low' && slow.execution).toBeCloseTo(0.3, 2);
    const ev = body.earnedValue.find((e) => e.projectId === offTrack);
    // 70 % of the planned progress: SPI 0.7 within the rounding of progress to 0.1 %.
    expect(ev?.spi).toBeCloseTo(0.7, 2);
    expect(ev?.status).toBe('off-track');
  });

  it('defaults to the latest period the approved versions report', async () => {
    const res = await request(h.app).get(url()).set(bearer(h.tokens.reviewer));
    expect(res.status).toBe(200);
    expect({ year: res.body.year, period: res.body.period }).toEqual({ year: 1405, period: 'H1' });
  });

  it('reads Persian digits and other spellings of the period', async () => {
    const res = await request(h.app)
      .get(`${url()}?period=${encodeURIComponent('H1-۱۴۰۵')}`)
      .set(bearer(h.tokens.council));
    expect(res.status).toBe(200);
    expect(res.body.city).toEqual((rialsAsStrings(expected) as ApiMonitoring).city);
  });

  it('gives a period with no monitoring data its report, with nothing reported', async () => {
    const res = await request(h.app).get(`${url()}?period=1407-Q1`).set(bearer(h.tokens.council));
    expect(res.status).toBe(200);
    const body = ApiMonitoring.parse(res.body);
    // The sample reports 1405 only: in 1407 no item has an actual, so none is earned-value
    // assessed or flagged as slow; every item with a 1407 cost or budget is "not reported".
    expect(body.earnedValue).toEqual([]);
    expect(body.attention.filter((a) => a.kind !== 'revenue-short')).toEqual([]);
    // Revenue realised is 0 of each class's forecast: every class is short of 0.8 × ¼.
    expect(body.attention.every((a) => a.kind === 'revenue-short' && a.realisation === 0)).toBe(
      true,
    );
    expect(body.items.every((i) => !i.reported)).toBe(true);
    expect(body.notReported).toEqual(body.items.map((i) => i.id));
    expect(body.city.paid).toBe('0');
    const want = monitoringReport(plan, { year: 1407, period: 'Q1' }, { department: '' });
    expect(body.city).toEqual((rialsAsStrings(want) as ApiMonitoring).city);
  });

  it('gives a cycle with nothing approved yet empty lists, and asks for the period', async () => {
    const made = await request(h.app)
      .post('/api/cycles')
      .set(bearer(h.tokens.admin))
      .send({ startYear: 1410, title: '1410–1414', planningDepartmentCode: 'D-PLN' });
    expect(made.status).toBe(201);
    const empty = `/api/cycles/${made.body.id as string}/monitoring`;
    const asked = await request(h.app).get(empty).set(bearer(h.tokens.council));
    expect(asked.status).toBe(400);
    expect(asked.body.details[0].path).toEqual(['period']);
    const res = await request(h.app).get(`${empty}?period=1410-H1`).set(bearer(h.tokens.council));
    expect(res.status).toBe(200);
    const body = ApiMonitoring.parse(res.body);
    expect(body.sources).toEqual([]);
    // No snapshot yet: measured against nothing named.
    expect(body.snapshot).toBeNull();
    expect([body.items, body.earnedValue, body.attention, body.notReported]).toEqual([
      [],
      [],
      [],
      [],
    ]);
    expect(body.city).toMatchObject({ items: 0, paid: '0', currentBudget: '0' });
  });

  it.each([
    ['1405-H3', 'an unknown period'],
    ['H1', 'no year'],
    ['1399-H1', 'a year outside the plan'],
  ])('refuses %s (%s) with a bilingual 400 located at the period', async (period) => {
    const res = await request(h.app)
      .get(`${url()}?period=${encodeURIComponent(period)}`)
      .set(bearer(h.tokens.council));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_REQUEST');
    expect(res.body.message.fa).toMatch(/[\u0600-\u06FF]/);
    expect(res.body.message.en).toMatch(/period|Year/);
    expect(res.body.details[0].path).toEqual(['period']);
  });

  it('returns the Article 71 report as a workbook with the report’s tables', async () => {
    const res = await request(h.app)
      .get(`${url()}?period=1405-H1&format=xlsx`)
      .set(bearer(h.tokens.council))
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const read = await readXlsx(new Uint8Array(res.body as Buffer));
    if (!read.ok) throw new Error(read.error.message.en);
    // The tables `plan report71` writes from the same report: the same names, sheets and
    // rows (the expected report's tables, made by the core in the test).
    // The first sheet names the snapshot measured against (the seed's, as above).
    const basis = {
      label: { fa: 'نسخه ۱ برنامه دوره ۱۴۰۵–۱۴۰۹', en: 'Version 1 of the 1405–1409 plan' },
      status: 'adopted' as const,
      resolutionNumber: '1404-187',
      resolutionDate: '1404/12/20',
    };
    const parts = article71Tables(plan, expected, 'fa', basis);
    expect(parts[0]?.table.name).toBe('tblReportBasis');
    expect(read.workbook.tables.map((t) => t.name)).toEqual(parts.map((p) => p.table.name));
    const got = new Map(read.workbook.tables.map((t) => [t.name, t]));
    for (const { table } of parts) {
      const t = got.get(table.name);
      expect(t?.sheet).toBe(table.sheet);
      expect(t?.rows.length).toBe(table.rows.length);
    }
    const basisRows = got.get('tblReportBasis')?.rows ?? [];
    expect(basisRows[0]).toEqual(['برنامه مبنای سنجش', 'نسخه ۱ برنامه دوره ۱۴۰۵–۱۴۰۹']);
    expect(basisRows[1]).toEqual(['وضعیت', 'مصوب شورا']);
    expect(String(basisRows[2]?.[1])).toContain('1404-187');
    expect(String(basisRows[2]?.[1])).toContain('مورخ ۱۴۰۴/۱۲/۲۰');
    // The income table row for row (class captions, forecast, realised: whole Rials).
    const income = parts.find((p) => p.table.name === 'tblReportIncome')?.table;
    expect(got.get('tblReportIncome')?.rows.map((r) => r.slice(0, 3))).toEqual(
      income?.rows.map((r) => r.slice(0, 3)),
    );
  });

  it('refuses a department user as the consolidation does', async () => {
    const consolidation = await request(h.app)
      .get(`/api/cycles/${h.cycleId}/consolidation`)
      .set(bearer(h.tokens.preparer));
    const res = await request(h.app).get(`${url()}?period=1405-H1`).set(bearer(h.tokens.preparer));
    expect(consolidation.status).toBe(403);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe(consolidation.body.code);
    const xlsx = await request(h.app)
      .get(`${url()}?period=1405-H1&format=xlsx`)
      .set(bearer(h.tokens.otherPreparer));
    expect(xlsx.status).toBe(403);
  });

  it('answers 404 for a cycle that is not there', async () => {
    const res = await request(h.app)
      .get('/api/cycles/no-such-cycle/monitoring?period=1405-H1')
      .set(bearer(h.tokens.council));
    expect(res.status).toBe(404);
  });
});
