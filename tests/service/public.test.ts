/**
 * The public plan over real HTTP on both databases, signed out: the seed's adopted and
 * published snapshot is there with the sample's own figures; answers are cacheable (ETag the
 * snapshot's hash, 304 on `If-None-Match`); every published table comes as CSV, a real
 * `.xlsx` and JSON; and what is not public never shows: a snapshot made or adopted but not
 * published (404), a draft pushed since, a comment, the people of the register, the
 * stakeholders that are not agencies, tables not published.
 */
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import {
  ApiPublicPlan,
  ApiPublishedTable,
  PUBLIC_PATHS,
  PUBLISHED_TABLES,
  readPlan,
  RegisterClient,
  samplePlanWorkbook,
} from '#core';
import { decodeCsvBytes, readCsvTable, readXlsx } from '../../io';
import { DB_KINDS } from '../helpers/db';
import type { Harness } from './api-harness';
import { bearer, binary, openHarness, submissionOf, TENANT } from './api-harness';

/** The sample plan as the core reads it: where the expected counts and amounts come from. */
const sample = readPlan(samplePlanWorkbook()).plan;

describe.each(DB_KINDS)('the public plan (%s)', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(kind);
  }, 120_000);
  afterAll(async () => {
    await h.close();
  });
  const get = (path: string) => request(h.app).get(path);

  it('serves the seed’s adopted plan signed out, with the sample’s own figures', async () => {
    const res = await get(PUBLIC_PATHS.plan(TENANT));
    expect(res.status).toBe(200);
    const plan = ApiPublicPlan.parse(res.body);
    expect(plan.snapshot).toMatchObject({ number: 1, status: 'adopted', baseline: true });
    expect(plan.snapshot.adoption?.resolutionNumber).toBe('1404-187');
    expect(plan.years).toEqual([1405, 1406, 1407, 1408, 1409]);
    expect(plan.goals.map((g) => g.id)).toEqual(sample.tables.tblGoals?.rows.map((r) => r.GoalId));
    expect(plan.projects).toHaveLength(sample.tables.tblProjects?.rows.length ?? -1);
    // Each project's planned cost per year: the sample's Rials (its Unit applied by the reader).
    const first = sample.tables.tblProjects!.rows[0]!;
    const p = plan.projects.find((x) => x.id === first.ProjectId);
    expect(p?.cost['1405']).toBe(first.costs.get(1405)?.toString());
    expect(p?.cost['1405']).toMatch(/^[1-9]\d*$/);
    // Partner agencies by name: only stakeholders of Type agency (the sample's strategies name
    // none yet, so the list may be empty; tests/shared/public-plan.test.ts fills one).
    const agencies = new Set(
      (sample.tables.tblStakeholders?.rows ?? [])
        .filter((r) => r.Type === 'agency')
        .map((r) => r.Name),
    );
    const partners = plan.strategies.flatMap((s) => s.partners.map((x) => x.name));
    expect(partners.every((n) => agencies.has(n))).toBe(true);
    // The fiscal picture is the consolidation's (the snapshot is of the same approved versions).
    const consolidation = await get(`/api/cycles/${h.cycleId}/consolidation`).set(
      bearer(h.tokens.council),
    );
    expect(plan.fiscal).toEqual(consolidation.body.fiscal);
    expect(plan.totals).toEqual(consolidation.body.totals);
    expect(plan.tables.map((t) => t.key)).toEqual(PUBLISHED_TABLES.map((t) => t.key));
  });

  it('is cacheable: public, ETag the snapshot’s hash (and its sign-offs’), 304 when unchanged', async () => {
    const res = await get(PUBLIC_PATHS.plan(TENANT));
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    // The seed's agency signed the plan after publication: the sign-offs' hash follows.
    expect(res.headers.etag).toMatch(new RegExp(`^"${res.body.snapshot.sha256}-[0-9a-f]{16}"$`));
    const again = await get(PUBLIC_PATHS.plan(TENANT)).set('If-None-Match', res.headers.etag!);
    expect(again.status).toBe(304);
    const stable = await get(PUBLIC_PATHS.snapshot(TENANT, 1405, 1));
    expect(stable.status).toBe(200);
    expect(stable.body).toEqual(res.body);
  });

  it('gives every published table as CSV, .xlsx and JSON', async () => {
    const projects = sample.tables.tblProjects!.rows.length;
    const json = await get(PUBLIC_PATHS.table(TENANT, 1405, 1, 'projects', 'json'));
    expect(json.status).toBe(200);
    const table = ApiPublishedTable.parse(json.body);
    expect(table.rows).toHaveLength(projects);
    expect(table.columns).toEqual([
      ...(PUBLISHED_TABLES.find((t) => t.key === 'projects')?.columns ?? []),
      '1405',
      '1406',
      '1407',
      '1408',
      '1409',
    ]);
    const csv = await get(PUBLIC_PATHS.latestTable(TENANT, 'projects', 'csv'))
      .buffer(true)
      .parse(binary);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const read = readCsvTable(decodeCsvBytes(new Uint8Array(csv.body as Buffer)), 'tblProjects');
    if (!read.ok) throw new Error(read.error.message.en);
    expect(read.table.header).toEqual(table.columns);
    expect(read.table.rows).toHaveLength(projects);
    const xlsx = await get(PUBLIC_PATHS.table(TENANT, 1405, 1, 'goals', 'xlsx'))
      .buffer(true)
      .parse(binary);
    expect(xlsx.status).toBe(200);
    const book = await readXlsx(new Uint8Array(xlsx.body as Buffer));
    if (!book.ok) throw new Error(book.error.message.en);
    const goals = book.workbook.tables.find((t) => t.name === 'tblGoals');
    expect(goals?.rows).toHaveLength(sample.tables.tblGoals?.rows.length ?? -1);
    for (const t of PUBLISHED_TABLES)
      for (const format of ['csv', 'json'] as const)
        expect([
          t.key,
          format,
          (await get(PUBLIC_PATHS.latestTable(TENANT, t.key, format))).status,
        ]).toEqual([t.key, format, 200]);
  });

  it('never shows what is not public', async () => {
    const { app, tokens, cycleId } = h;
    // A comment, and a draft with a project of its own, pushed since the adoption.
    const id = await submissionOf(h, 'D-CIV');
    const comment = await request(app)
      .post(`/api/submissions/${id}/comments`)
      .set(bearer(tokens.reviewer))
      .send({ body: 'یادداشت درونی بازبین، نه برای همگان' });
    expect(comment.status).toBe(201);
    expect(
      (
        await request(app)
          .post(`/api/submissions/${id}/transitions`)
          .set(bearer(tokens.approver))
          .send({ action: 'reopen' })
      ).status,
    ).toBe(200);
    const pulled = await request(app)
      .get(`/api/submissions/${id}/versions/latest`)
      .set(bearer(tokens.preparer));
    const tables = pulled.body.workbook.tables as {
      name: string;
      header: string[];
      rows: unknown[][];
    }[];
    const projects = tables.find((t) => t.name === 'tblProjects')!;
    const title = projects.header.indexOf('Title');
    projects.rows[0]![title] = 'پروژه پیش‌نویس منتشرنشده';
    const pushed = await request(app)
      .post(`/api/submissions/${id}/versions`)
      .set(bearer(tokens.preparer))
      .set('If-Match', `"${pulled.body.version}"`)
      .send({ tables });
    expect(pushed.status).toBe(201);

    // A snapshot made (and then adopted) but not published: of the draft's submission at v1
    // and the rest, as the repository makes any, and moved as the council would.
    const [first] = await h.test.repos.snapshots.list(TENANT, cycleId);
    const made = await h.test.repos.snapshots.create(
      TENANT,
      { cycleId, trigger: 'explicit', sources: first!.sources.filter((s) => s.kind !== 'revenue') },
      null,
    );
    if (!made.ok) throw new Error(made.reason);
    const second = made.snapshot;
    const hidden = async () => {
      expect((await get(PUBLIC_PATHS.snapshot(TENANT, 1405, 2))).status).toBe(404);
      expect((await get(PUBLIC_PATHS.table(TENANT, 1405, 2, 'goals', 'json'))).status).toBe(404);
      expect((await get(PUBLIC_PATHS.plan(TENANT))).body.snapshot.number).toBe(1);
      const list = await get(PUBLIC_PATHS.snapshots(TENANT));
      expect(list.body.snapshots.map((s: { number: number }) => s.number)).toEqual([1]);
    };
    await hidden();
    const moved = await h.test.repos.snapshots.transition(
      TENANT,
      second.id,
      { action: 'send-to-council', expected: 'made', note: null, resolution: null },
      null,
    );
    expect(moved.ok).toBe(true);
    const adopted = await h.test.repos.snapshots.transition(
      TENANT,
      second.id,
      {
        action: 'adopt',
        expected: 'council-review',
        note: null,
        resolution: {
          resolutionNumber: '1405-9',
          resolutionDate: '1405/01/20',
          votesFor: 6,
          votesAgainst: 5,
          votesAbstaining: 0,
        },
      },
      null,
    );
    expect(adopted.ok).toBe(true);
    await hidden();

    // Nothing of the people, the comment or the draft in anything public.
    const everything = [
      (await get(PUBLIC_PATHS.plan(TENANT))).text,
      (await get(PUBLIC_PATHS.snapshots(TENANT))).text,
      ...(await Promise.all(
        PUBLISHED_TABLES.flatMap((t) =>
          (['csv', 'json'] as const).map(
            async (f) => (await get(PUBLIC_PATHS.latestTable(TENANT, t.key, f))).text,
          ),
        ),
      )),
    ].join('\n');
    const users = await h.test.db.prisma.user.findMany({ where: { tenantId: TENANT } });
    expect(users.length).toBeGreaterThan(3);
    for (const u of users) {
      expect(everything).not.toContain(u.email);
      expect(everything).not.toContain(u.displayName);
      expect(everything).not.toContain(u.id);
    }
    expect(everything).not.toContain('یادداشت درونی بازبین');
    expect(everything).not.toContain('پروژه پیش‌نویس منتشرنشده');
    // Stakeholders that are people's organisations (the council and the municipality's own
    // departments are named in the plan's own texts, e.g. an upstream document's reference).
    const organisations = (sample.tables.tblStakeholders?.rows ?? []).filter(
      (s) => s.Type !== 'agency' && s.Type !== 'council' && s.Type !== 'department',
    );
    expect(organisations.length).toBeGreaterThan(3);
    for (const s of organisations) expect(everything).not.toContain(s.Name);

    // Published now: the stable URL answers, and the latest is the new one.
    const published = await h.test.repos.snapshots.transition(
      TENANT,
      second.id,
      { action: 'publish', expected: 'adopted', note: null, resolution: null },
      null,
    );
    expect(published.ok).toBe(true);
    expect((await get(PUBLIC_PATHS.snapshot(TENANT, 1405, 2))).status).toBe(200);
    const latest = await get(PUBLIC_PATHS.plan(TENANT));
    expect(latest.body.snapshot.number).toBe(2);
    // Made without the revenue workbook: no scenario, so no fiscal picture.
    expect(latest.body.fiscal).toEqual([]);
  });

  it('is read by RegisterClient over real HTTP, signed out for the public plan', async () => {
    const server = h.app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const anyone = new RegisterClient({ server: url, token: '' }, fetch);
      const plan = await anyone.publicPlan(TENANT);
      if (!plan.ok) throw new Error(plan.error.code);
      const list = await anyone.publicSnapshots(TENANT);
      if (!list.ok) throw new Error(list.error.code);
      expect(list.value.snapshots[0]?.number).toBe(plan.value.snapshot.number);
      const goals = await anyone.publicTable(TENANT, 1405, 1, 'goals');
      if (!goals.ok) throw new Error(goals.error.code);
      expect(goals.value.rows).toHaveLength(sample.tables.tblGoals?.rows.length ?? -1);
      const missing = await anyone.publicPlan(TENANT, { cycleStart: 1405, number: 99 });
      expect(missing.ok ? 200 : missing.error.status).toBe(404);
      // The signed-in snapshot routes, through the same client.
      const council = new RegisterClient({ server: url, token: h.tokens.council }, fetch);
      const snapshots = await council.snapshots(h.cycleId);
      if (!snapshots.ok) throw new Error(snapshots.error.code);
      const impact = await council.snapshotImpact(snapshots.value[0]!.id);
      if (!impact.ok) throw new Error(impact.error.code);
      expect(impact.value).toEqual({ baseline: null, previous: null });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('answers 404 for what is not there, and needs no sign-in for any of it', async () => {
    expect((await get(PUBLIC_PATHS.plan('no-such-city'))).status).toBe(404);
    expect((await get('/api/public/NOT A CODE/plan')).status).toBe(404);
    expect((await get(PUBLIC_PATHS.snapshot(TENANT, 1410, 1))).status).toBe(404);
    expect((await get(`/api/public/${TENANT}/plan/tables/people.json`)).status).toBe(404);
    expect((await get(`/api/public/${TENANT}/plan/tables/projects.pdf`)).status).toBe(404);
    expect((await get(`/api/public/${TENANT}/comments`)).status).toBe(404);
    // The signed-in API stays signed-in.
    expect((await get(`/api/cycles/${h.cycleId}/snapshots`)).status).toBe(401);
  });
});
