/**
 * Issue 10, bug 3: the consolidation trusted whatever was approved. Over real HTTP, on both
 * databases: only an approver or admin files the cycle's one framework, under the cycle's
 * planning department; reference data and the consolidation's framework come from that
 * submission only; a department workbook carrying the framework's or the revenue workbook's
 * tables is refused at push (422, a located TABLE_NOT_IN_KIND), and one stored before the
 * rule is left out of the city plan with the same finding.
 */
import request from 'supertest';
import type { RawTable, RawWorkbook } from '#core';
import {
  coverageReport,
  forecastRevenueScenarios,
  readPlan,
  sampleMonitoringWorkbook,
  samplePlanWorkbook,
} from '#core';
import { splitMonitoring } from '../../service/src/handlers/seed';
import { toVersionTables } from '../../service/src/handlers/workbook';
import { DB_KINDS } from '../helpers/db';
import type { Harness } from './api-harness';
import { TENANT, bearer, openHarness, submissionOf } from './api-harness';

interface Finding {
  code: string;
  severity: string;
  table: string;
  sheet: string | null;
  row: number | null;
  cell: string | null;
  message: { fa: string; en: string };
}

/** The sample's revenue history with every amount multiplied by `factor`. */
function revenueHistory(factor: number): RawTable {
  const t = samplePlanWorkbook().tables.find((x) => x.name === 'tblRevenueHistory');
  if (t === undefined) throw new Error('no revenue history in the sample');
  const amount = t.header.length - 1; // RevenueClass, Code, Year, Amount
  return {
    ...t,
    rows: t.rows.map((r) => r.map((v, i) => (i === amount ? Number(v) * factor : v))),
  };
}

describe.each(DB_KINDS)('the framework and the tables of each kind (%s)', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(kind, {}, {}, { monitoring: true });
  });
  afterAll(async () => {
    await h.close();
  });

  const consolidation = async () => {
    const res = await request(h.app)
      .get(`/api/cycles/${h.cycleId}/consolidation`)
      .set(bearer(h.tokens.council));
    expect(res.status).toBe(200);
    return res.body as {
      sources: { submissionId: string; kind: string; departmentCode: string }[];
      ignored: { submissionId: string; reason: string }[];
      findings: Finding[];
      fiscal: { scenario: string; years: { year: number; revenue: string | null }[] }[];
      totals: { total: Record<string, string> };
    };
  };
  const baseRevenue1405 = (c: Awaited<ReturnType<typeof consolidation>>) =>
    c.fiscal.find((s) => s.scenario === 'base')?.years.find((y) => y.year === 1405)?.revenue;

  /** D-CIV's approved workbook, reopened, as JSON tables with the contract's keys. */
  async function civilWorkbook(): Promise<{ id: string; version: number; raw: RawWorkbook }> {
    const id = await submissionOf(h, 'D-CIV');
    const sub = await request(h.app).get(`/api/submissions/${id}`).set(bearer(h.tokens.admin));
    if (sub.body.status === 'approved')
      expect(
        (
          await request(h.app)
            .post(`/api/submissions/${id}/transitions`)
            .set(bearer(h.tokens.approver))
            .send({ action: 'reopen' })
        ).status,
      ).toBe(200);
    const pulled = await request(h.app)
      .get(`/api/submissions/${id}/versions/latest?lang=keys`)
      .set(bearer(h.tokens.preparer));
    expect(pulled.status).toBe(200);
    return { id, version: pulled.body.version as number, raw: pulled.body.workbook as RawWorkbook };
  }

  it('consolidates the seeded workbooks, each of its own kind, to the sample city plan', async () => {
    // The core on the sample as one city workbook: what the split must add up to.
    const { plan } = readPlan(samplePlanWorkbook());
    const revenue = forecastRevenueScenarios(plan);
    if (!revenue.ok) throw new Error('the sample forecasts');
    const city = await consolidation();
    expect(city.ignored).toEqual([]);
    // Each department that reports 1405 H1 files its own monitoring (the seed's split).
    const monitoring = splitMonitoring(samplePlanWorkbook(), sampleMonitoringWorkbook()).size;
    expect(monitoring).toBeGreaterThan(1);
    expect(city.sources.map((s) => s.kind).sort()).toEqual(
      [
        'framework',
        'revenue',
        ...Array<string>(monitoring).fill('monitoring'),
        ...Array<string>(city.sources.length - 2 - monitoring).fill('department'),
      ].sort(),
    );
    for (const s of revenue.scenarios)
      expect(
        city.fiscal.find((f) => f.scenario === s.scenario)?.years.map((y) => y.revenue),
      ).toEqual(plan.years.map((y) => s.totals.get(y)?.toString() ?? null));
    const total = coverageReport(plan).totals.total;
    expect(city.totals.total).toEqual(
      Object.fromEntries([...total].map(([y, amount]) => [String(y), amount.toString()])),
    );
  });

  it('names the planning deputy as the seeded cycle’s planning department', async () => {
    const res = await request(h.app).get('/api/cycles').set(bearer(h.tokens.preparer));
    expect(res.status).toBe(200);
    const framework = await submissionOf(h, 'D-PLN', 'framework');
    expect(res.body).toEqual([
      expect.objectContaining({
        id: h.cycleId,
        planningDepartmentCode: 'D-PLN',
        frameworkSubmissionId: framework,
      }),
    ]);
  });

  it('lets only an approver or admin file a framework, one per cycle, under the planning department', async () => {
    const create = (token: string, departmentCode: string, kindOf = 'framework') =>
      request(h.app)
        .post('/api/submissions')
        .set(bearer(token))
        .send({ cycleId: h.cycleId, departmentCode, kind: kindOf, title: 'چارچوب دیگر' });
    // The civil-works preparer, for their own department: not theirs to file.
    expect((await create(h.tokens.preparer, 'D-CIV')).status).toBe(403);
    expect((await create(h.tokens.preparer, 'D-CIV', 'city')).status).toBe(403);
    // The approver: the cycle has its framework already, so a second is refused.
    const second = await create(h.tokens.approver, 'D-CIV');
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('ALREADY_EXISTS');
    expect((await create(h.tokens.admin, 'D-CIV', 'city')).status).toBe(409);

    // A new cycle names its planning department; its framework goes there only.
    const cycle = await request(h.app)
      .post('/api/cycles')
      .set(bearer(h.tokens.approver))
      .send({ startYear: 1410, title: '۱۴۱۰ تا ۱۴۱۴', planningDepartmentCode: 'D-PLN' });
    expect(cycle.status).toBe(201);
    expect(cycle.body).toMatchObject({
      startYear: 1410,
      endYear: 1414,
      planningDepartmentCode: 'D-PLN',
      frameworkSubmissionId: null,
    });
    const inCycle = (token: string, departmentCode: string) =>
      request(h.app)
        .post('/api/submissions')
        .set(bearer(token))
        .send({ cycleId: cycle.body.id, departmentCode, kind: 'framework', title: 'چارچوب' });
    const elsewhere = await inCycle(h.tokens.approver, 'D-CIV');
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.code).toBe('DEPARTMENT_MISMATCH');
    const filed = await inCycle(h.tokens.approver, 'D-PLN');
    expect(filed.status).toBe(201);
    const listed = await request(h.app).get('/api/cycles').set(bearer(h.tokens.admin));
    const mine = (listed.body as { id: string; frameworkSubmissionId: string | null }[]).find(
      (c) => c.id === cycle.body.id,
    );
    expect(mine?.frameworkSubmissionId).toBe(filed.body.id);
    // With its framework filed, the planning department no longer moves.
    const move = await request(h.app)
      .patch(`/api/cycles/${cycle.body.id}`)
      .set(bearer(h.tokens.admin))
      .send({ planningDepartmentCode: 'D-CIV' });
    expect(move.status).toBe(409);
    // A cycle without a known planning department is refused.
    const unknown = await request(h.app)
      .post('/api/cycles')
      .set(bearer(h.tokens.admin))
      .send({ startYear: 1415, title: 't', planningDepartmentCode: 'D-NOPE' });
    expect(unknown.status).toBe(404);
    const missing = await request(h.app)
      .post('/api/cycles')
      .set(bearer(h.tokens.admin))
      .send({ startYear: 1415, title: 't' });
    expect(missing.status).toBe(400);
  });

  it('takes reference data and the city framework from the planning department’s submission only', async () => {
    // A framework filed before the rule, by a department whose id sorts first, approved.
    const { prisma } = h.test.db;
    await prisma.department.create({
      data: {
        tenantId: TENANT,
        id: '00000000-0000-4000-8000-000000000000',
        code: 'D-ROGUE',
        name: 'واحد دیگر',
      },
    });
    const admin = await h.test.repos.users.getByEmail(TENANT, `admin@${TENANT}.example`);
    const rogue = await prisma.submission.create({
      data: {
        tenantId: TENANT,
        cycleId: h.cycleId,
        departmentId: '00000000-0000-4000-8000-000000000000',
        kind: 'framework',
        title: 'چارچوب ناخوانده',
        createdById: admin?.id ?? '',
      },
    });
    const raw: RawWorkbook = {
      tables: [
        { name: 'tblPlanInfo', header: ['Key', 'Value'], rows: [['StartYear', 1405]] },
        {
          name: 'tblPrograms',
          header: ['ProgramId', 'StrategyId', 'Title'],
          rows: [['PG-ROGUE', 'S1.1', 'برنامه ناخوانده']],
        },
      ],
    };
    const stored = await h.test.repos.versions.createVersion(TENANT, {
      submissionId: rogue.id,
      baseVersion: 0,
      tables: toVersionTables(raw, readPlan(raw).plan),
      xlsx: null,
      validation: { findings: [], skipped: [] },
      totals: [],
      actorId: admin?.id ?? '',
    });
    expect(stored.kind).toBe('created');
    await prisma.submission.update({
      where: { tenantId_id: { tenantId: TENANT, id: rogue.id } },
      data: { status: 'approved' },
    });

    const reference = await request(h.app)
      .get(`/api/cycles/${h.cycleId}/reference`)
      .set(bearer(h.tokens.preparer));
    expect(reference.status).toBe(200);
    expect(reference.body.source.submissionId).toBe(await submissionOf(h, 'D-PLN', 'framework'));
    const programs = (reference.body.workbook.tables as RawTable[]).find(
      (t) => t.name === 'ref_tblPrograms',
    );
    expect(programs?.rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(programs?.rows)).not.toContain('PG-ROGUE');

    const city = await consolidation();
    expect(city.sources.map((s) => s.submissionId)).not.toContain(rogue.id);
    expect(city.ignored).toEqual([
      expect.objectContaining({ submissionId: rogue.id, reason: 'not-the-cycle-framework' }),
    ]);
  });

  it('refuses a department workbook that carries the revenue workbook’s history (422, located)', async () => {
    const before = baseRevenue1405(await consolidation());
    expect(before).not.toBeNull();
    const { id, version, raw } = await civilWorkbook();
    // Ten-fold revenue history: before the fix it was stored and the city's revenue grew.
    const tables = [...raw.tables, { ...revenueHistory(10), sheet: 'درآمد', address: 'B3' }];
    const push = await request(h.app)
      .post(`/api/submissions/${id}/versions`)
      .set(bearer(h.tokens.preparer))
      .set('If-Match', `"${version}"`)
      .send({ tables });
    expect(push.status).toBe(422);
    expect(push.body.code).toBe('WORKBOOK_INVALID');
    const errors = (push.body.details.findings as Finding[]).filter((f) => f.severity === 'error');
    // Header at B3: the first row of history is row 4, its first cell B4.
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'TABLE_NOT_IN_KIND',
        table: 'tblRevenueHistory',
        sheet: 'درآمد',
        row: 4,
        cell: 'B4',
      }),
    ]);
    expect(errors[0]?.message.fa).toContain('tblRevenueHistory');
    expect(errors[0]?.message.en).toContain('revenue workbook');
    const versions = await request(h.app)
      .get(`/api/submissions/${id}/versions`)
      .set(bearer(h.tokens.preparer));
    expect(versions.body).toHaveLength(version);
    expect(baseRevenue1405(await consolidation())).toBe(before);
  });

  it('refuses the framework’s programs and sources in a department workbook, and takes empty ones', async () => {
    const { id, version, raw } = await civilWorkbook();
    const sample = samplePlanWorkbook().tables;
    const of = (name: string) => sample.find((t) => t.name === name) as RawTable;
    const refused = await request(h.app)
      .post(`/api/submissions/${id}/versions`)
      .set(bearer(h.tokens.preparer))
      .set('If-Match', `"${version}"`)
      .send({ tables: [...raw.tables, of('tblPrograms'), of('tblFundingSources')] });
    expect(refused.status).toBe(422);
    const where = (refused.body.details.findings as Finding[])
      .filter((f) => f.code === 'TABLE_NOT_IN_KIND')
      .map((f) => f.table);
    expect(where).toEqual(['tblPrograms', 'tblFundingSources']);
    // The same tables empty, as in a workbook started from the template: stored.
    const empty = [of('tblPrograms'), of('tblFundingSources'), revenueHistory(1)].map((t) => ({
      ...t,
      rows: [],
    }));
    const taken = await request(h.app)
      .post(`/api/submissions/${id}/versions`)
      .set(bearer(h.tokens.preparer))
      .set('If-Match', `"${version}"`)
      .send({ tables: [...raw.tables, ...empty] });
    expect(taken.status).toBe(201);
  });

  it('leaves out of the city plan a table stored outside its kind before the rule, and says so', async () => {
    const before = baseRevenue1405(await consolidation());
    // D-TRF's approved plan gains, as if pushed before the rule, a ten-fold revenue history.
    const id = await submissionOf(h, 'D-TRF');
    const { prisma } = h.test.db;
    const sub = await h.test.repos.submissions.get(TENANT, id);
    if (sub === null) throw new Error('no D-TRF plan');
    const pulled = await request(h.app)
      .get(`/api/submissions/${id}/versions/latest?lang=keys`)
      .set(bearer(h.tokens.admin));
    const raw: RawWorkbook = {
      tables: [...(pulled.body.workbook as RawWorkbook).tables, revenueHistory(10)],
    };
    await prisma.submission.update({
      where: { tenantId_id: { tenantId: TENANT, id } },
      data: { status: 'draft' },
    });
    const stored = await h.test.repos.versions.createVersion(TENANT, {
      submissionId: id,
      baseVersion: sub.currentVersion,
      tables: toVersionTables(raw, readPlan(raw).plan),
      xlsx: null,
      validation: { findings: [], skipped: [] },
      totals: [],
      actorId: sub.createdById,
    });
    expect(stored.kind).toBe('created');
    await prisma.submission.update({
      where: { tenantId_id: { tenantId: TENANT, id } },
      data: { status: 'approved' },
    });
    const city = await consolidation();
    expect(baseRevenue1405(city)).toBe(before);
    expect(city.findings.filter((f) => f.code === 'TABLE_NOT_IN_KIND')).toEqual([
      expect.objectContaining({ table: 'tblRevenueHistory', severity: 'error' }),
    ]);
  });
});
