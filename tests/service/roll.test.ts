/**
 * Rolling the plan over real HTTP on both databases (issue 14): `POST /api/cycles/{id}/roll`
 * opens 1406–1410 from the seeded 1405–1409 cycle's approved plan and its approved 1405 H1
 * monitoring. Where the expected figures come from: the sample plan and the sample monitoring
 * workbook read by the core's reader in the test (a project's `SpentBefore` and 1406 cost, its
 * H1 `Paid`, each class's H1 realised revenue), combined by the rule by hand (SpentBefore +
 * Paid; the realised year's history = H1, the full year not being reported); not by
 * `rollPlan`, which the register runs.
 */
import request from 'supertest';
import type { RawWorkbook } from '#core';
import { ApiRoll, readPlan, sampleMonitoringWorkbook, samplePlanWorkbook } from '#core';
import { DB_KINDS } from '../helpers/db';
import type { Harness } from './api-harness';
import { bearer, openHarness } from './api-harness';

const sample = readPlan(samplePlanWorkbook()).plan;
const monitoring = readPlan(sampleMonitoringWorkbook()).plan;
/** A civil-works project that runs past 1405 and was paid for at 1405 H1. */
const project = (sample.tables.tblProjects?.rows ?? []).find(
  (p) =>
    p.Dept === 'D-CIV' &&
    (p.EndYear ?? 0) >= 1406 &&
    (monitoring.tables.tblActuals?.rows ?? []).some(
      (a) => a.LinkedId === p.ProjectId && a.Period === 'H1' && a.Paid > 0n,
    ),
);
const paidH1 =
  monitoring.tables.tblActuals?.rows.find(
    (a) => a.LinkedId === project?.ProjectId && a.Year === 1405 && a.Period === 'H1',
  )?.Paid ?? 0n;

describe.each(DB_KINDS)('rolling the plan into the next cycle (%s)', (kind) => {
  let h: Harness;
  let rolled: ApiRoll;
  beforeAll(async () => {
    h = await openHarness(kind, {}, {}, { monitoring: true });
  });
  afterAll(async () => {
    await h.close();
  });
  const roll = (token: string, cycleId = h.cycleId) =>
    request(h.app).post(`/api/cycles/${cycleId}/roll`).set(bearer(token)).send({});
  const pull = async (submissionId: string) => {
    const res = await request(h.app)
      .get(`/api/submissions/${submissionId}/versions/latest?lang=keys`)
      .set(bearer(h.tokens.admin));
    expect(res.status).toBe(200);
    return res.body.workbook as RawWorkbook;
  };
  const tableOf = (wb: RawWorkbook, name: string) => {
    const t = wb.tables.find((x) => x.name === name);
    if (t === undefined) throw new Error(`no ${name}`);
    return { t, at: (k: string) => t.header.indexOf(k) };
  };

  it('is the planning office’s: a preparer is refused', async () => {
    expect((await roll(h.tokens.preparer)).status).toBe(403);
  });

  it('opens 1406–1410 with a draft for the framework, the revenue workbook and each department', async () => {
    const res = await roll(h.tokens.approver);
    expect(res.status).toBe(201);
    rolled = ApiRoll.parse(res.body);
    expect(rolled.cycle).toMatchObject({ startYear: 1406, endYear: 1410 });
    expect(rolled.left).toEqual([]);
    const kinds = rolled.submissions.map((s) => s.kind);
    expect(kinds.filter((k) => k === 'framework')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'revenue')).toHaveLength(1);
    expect(kinds).not.toContain('monitoring');
    const departments = new Set((sample.tables.tblProjects?.rows ?? []).map((p) => p.Dept));
    for (const d of departments)
      expect(rolled.submissions).toContainEqual(
        expect.objectContaining({ departmentCode: d, kind: 'department', version: 1 }),
      );
    expect(rolled.cycle.frameworkSubmissionId).toBe(
      rolled.submissions.find((s) => s.kind === 'framework')?.submissionId,
    );
    // Every draft is a draft of the new cycle.
    const listed = await request(h.app)
      .get(`/api/submissions?cycleId=${rolled.cycle.id}`)
      .set(bearer(h.tokens.admin));
    expect(listed.status).toBe(200);
    expect((listed.body as { status: string }[]).every((s) => s.status === 'draft')).toBe(true);
    expect(listed.body).toHaveLength(rolled.submissions.length);
  });

  it('keeps a project’s later years, the new last year empty, and adds what was paid to SpentBefore', async () => {
    expect(project).toBeDefined();
    expect(paidH1).toBeGreaterThan(0n);
    const civ = rolled.submissions.find((s) => s.departmentCode === 'D-CIV');
    const { t, at } = tableOf(await pull(civ?.submissionId ?? ''), 'tblProjects');
    expect(t.header).not.toContain('1405');
    expect(t.header).toContain('1410');
    const row = t.rows.find((r) => r[at('ProjectId')] === project?.ProjectId);
    expect(row).toBeDefined();
    const before = project?.SpentBefore ?? 0n;
    expect(BigInt(String(row?.[at('SpentBefore')]))).toBe(before + paidH1);
    expect(BigInt(String(row?.[at('1406')] ?? 0))).toBe(project?.costs.get(1406) ?? 0n);
    expect(row?.[at('1410')] ?? null).toBeNull();
    // The draft is the department's to complete: the push after it is validated as always.
    expect(civ?.version).toBe(1);
  });

  it('adds the realised 1405 to the revenue history from H1, and says it is not the full year', async () => {
    const revenue = rolled.submissions.find((s) => s.kind === 'revenue');
    const { t, at } = tableOf(await pull(revenue?.submissionId ?? ''), 'tblRevenueHistory');
    const got = new Map(
      t.rows
        .filter((r) => r[at('Year')] === 1405)
        .map((r) => [String(r[at('RevenueClass')]), BigInt(String(r[at('Amount')]))]),
    );
    const want = new Map<string, bigint>();
    for (const r of monitoring.tables.tblRevenueActuals?.rows ?? [])
      if (r.Year === 1405 && r.Period === 'H1' && r.RevenueClass !== null)
        want.set(r.RevenueClass, (want.get(r.RevenueClass) ?? 0n) + r.Amount);
    expect(want.size).toBeGreaterThan(0);
    expect(got).toEqual(want);
    const note = rolled.notes.find((n) => n.kind === 'revenue' && n.message.en.includes('H1'));
    expect(note?.message.fa).toContain('شش‌ماهه اول');
  });

  it('refuses to roll twice into the same next cycle', async () => {
    const res = await roll(h.tokens.admin);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ALREADY_EXISTS');
  });

  it('refuses a cycle whose framework is not approved, and an unknown cycle', async () => {
    // The new cycle's framework is a draft.
    const res = await roll(h.tokens.approver, rolled.cycle.id);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('INVALID_TRANSITION');
    expect(res.body.message.fa).toMatch(/[\u0600-\u06FF]/);
    expect((await roll(h.tokens.approver, 'no-such-cycle')).status).toBe(404);
  });
});
