/**
 * Snapshots of the city plan and the council stage, over real HTTP on both databases: the
 * seed's adopted and published baseline; a department's new version, once approved, makes
 * the next snapshot by itself (and an explicit one of the same versions is refused); who may
 * send, adopt, return and publish; the resolution and the vote as given; the audit chain and
 * `plan admin verify` describe every snapshot, and a snapshot edited behind the register's
 * back is named.
 */
import request from 'supertest';
import { ApiSnapshot, SNAPSHOT_RULES } from '#core';
import { DB_KINDS } from '../helpers/db';
import type { Harness } from './api-harness';
import { bearer, openHarness, reviseCivilWorks as reviseCivilWorksOf, TENANT } from './api-harness';

describe.each(DB_KINDS)('snapshots and the council (%s)', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(kind);
  }, 120_000);
  afterAll(async () => {
    await h.close();
  });

  const list = async () => {
    const res = await request(h.app)
      .get(`/api/cycles/${h.cycleId}/snapshots`)
      .set(bearer(h.tokens.council));
    expect(res.status).toBe(200);
    return (res.body as unknown[]).map((s) => ApiSnapshot.parse(s));
  };
  const act = (token: string, id: string, body: Record<string, unknown>) =>
    request(h.app).post(`/api/snapshots/${id}/transitions`).set(bearer(token)).send(body);

  let moved: number | undefined;
  let movedId = '';
  /** A new approved version of D-CIV with part of one project's cost moved between years. */
  async function reviseCivilWorks(direction: 1 | -1) {
    const r = await reviseCivilWorksOf(h, direction, moved);
    moved = r.moved;
    movedId = r.projectId;
    return r;
  }

  it('starts with the seed’s snapshot: adopted by the council, published, the baseline', async () => {
    const [first, ...rest] = await list();
    expect(rest).toEqual([]);
    expect(first).toMatchObject({
      number: 1,
      status: 'adopted',
      baseline: true,
      trigger: 'seed',
      cycleStart: 1405,
      // The seed's resolution (handlers/seed.ts SAMPLE_RESOLUTION).
      adoption: {
        resolutionNumber: '1404-187',
        resolutionDate: '1404/12/20',
        votesFor: 9,
        votesAgainst: 1,
        votesAbstaining: 1,
      },
    });
    expect(first?.publishedAt).not.toBeNull();
    // Every plan submission of the seed and none of its monitoring: the framework, revenue
    // and the departments' workbooks, each at its approved version 1 with its stored hash.
    const subs = await request(h.app)
      .get(`/api/submissions?cycleId=${h.cycleId}`)
      .set(bearer(h.tokens.admin));
    const plan = (subs.body as { id: string; kind: string }[]).filter(
      (s) => s.kind !== 'monitoring',
    );
    expect(first?.sources.map((s) => s.submissionId).sort()).toEqual(plan.map((s) => s.id).sort());
    expect(
      first?.sources.every((s) => s.version === 1 && /^[0-9a-f]{64}$/.test(s.tablesSha256)),
    ).toBe(true);
  });

  it('makes the next snapshot when the last plan submission is approved; refuses one of the same versions', async () => {
    const { id, version } = await reviseCivilWorks(1);
    const all = await list();
    expect(all.map((s) => [s.number, s.status, s.trigger, s.baseline])).toEqual([
      [1, 'adopted', 'seed', true],
      [2, 'made', 'last-approval', false],
    ]);
    const second = all[1]!;
    expect(second.sources.find((s) => s.submissionId === id)?.version).toBe(version);
    expect(second.sha256).not.toBe(all[0]?.sha256);
    // Asked again with nothing changed: 409, naming the snapshot of those versions.
    const again = await request(h.app)
      .post(`/api/cycles/${h.cycleId}/snapshots`)
      .set(bearer(h.tokens.approver));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_EXISTS');
    expect(again.body.details.snapshot.number).toBe(2);
    // Made by the planning office only.
    const byCouncil = await request(h.app)
      .post(`/api/cycles/${h.cycleId}/snapshots`)
      .set(bearer(h.tokens.council));
    expect(byCouncil.status).toBe(403);
    // One snapshot, by id, with its hash and status as the ETag (it moves; its hash does not).
    const one = await request(h.app)
      .get(`/api/snapshots/${second.id}`)
      .set(bearer(h.tokens.reviewer));
    expect(one.status).toBe(200);
    expect(one.headers.etag).toBe(`"${second.sha256}.made"`);
    // Its impact against the baseline (also the previous): the one project rescheduled (cost
    // moved from 1406 to 1405, the total kept), undeclared in tblChanges (a warning); the gap
    // and the capital balance fall by the amount moved in 1405 and rise by it in 1406
    // (revenue unchanged; spending +moved in 1405, −moved in 1406).
    const impact = await request(h.app)
      .get(`/api/snapshots/${second.id}/impact`)
      .set(bearer(h.tokens.council));
    expect(impact.status).toBe(200);
    const m = BigInt(moved!);
    expect(m).toBeGreaterThan(0n);
    for (const against of [impact.body.baseline, impact.body.previous]) {
      expect(against.items).toEqual([
        {
          table: 'tblProjects',
          id: movedId,
          kinds: ['reschedule'],
          before: against.items[0].before,
          after: against.items[0].before,
          undeclared: ['reschedule'],
        },
      ]);
      expect(against.warnings.map((w: { id: string; kind: string }) => [w.id, w.kind])).toEqual([
        [movedId, 'reschedule'],
      ]);
      const base = against.fiscal.find((f: { scenario: string }) => f.scenario === 'base');
      expect(base.years.slice(0, 3)).toEqual([
        {
          year: 1405,
          gap: (-m).toString(),
          operating: '0',
          capitalBalance: (-m).toString(),
          financialBalance: '0',
        },
        {
          year: 1406,
          gap: m.toString(),
          operating: '0',
          capitalBalance: m.toString(),
          financialBalance: '0',
        },
        { year: 1407, gap: '0', operating: '0', capitalBalance: '0', financialBalance: '0' },
      ]);
    }
    // The baseline has no impact against itself.
    const own = await request(h.app)
      .get(`/api/snapshots/${all[0]!.id}/impact`)
      .set(bearer(h.tokens.council));
    expect(own.body).toEqual({ baseline: null, previous: null });
    // A preparer does not read the city plan.
    const byPreparer = await request(h.app)
      .get(`/api/snapshots/${second.id}`)
      .set(bearer(h.tokens.preparer));
    expect(byPreparer.status).toBe(403);
  });

  it('goes to the council, is returned with a note; the next is adopted with its vote and published once', async () => {
    const second = (await list())[1]!;
    // The council does not send to itself; the planning office does.
    expect((await act(h.tokens.council, second.id, { action: 'send-to-council' })).status).toBe(
      403,
    );
    expect(SNAPSHOT_RULES['send-to-council'].roles).toContain('approver');
    const sent = await act(h.tokens.approver, second.id, { action: 'send-to-council' });
    expect(sent.status).toBe(200);
    expect(sent.body.status).toBe('council-review');
    // Not publishable before adoption; the approver neither adopts nor returns.
    const early = await act(h.tokens.council, second.id, { action: 'publish' });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      code: 'INVALID_TRANSITION',
      details: { status: 'council-review' },
    });
    expect((await act(h.tokens.approver, second.id, { action: 'return', note: 'x' })).status).toBe(
      403,
    );
    // Returning needs a note.
    expect((await act(h.tokens.council, second.id, { action: 'return' })).status).toBe(400);
    const returned = await act(h.tokens.council, second.id, {
      action: 'return',
      note: 'هزینه پروژه نخست کاهش یابد',
    });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({
      status: 'returned',
      returnNote: 'هزینه پروژه نخست کاهش یابد',
    });

    await reviseCivilWorks(-1);
    const third = (await list())[2]!;
    expect(third).toMatchObject({ number: 3, status: 'made' });
    expect((await act(h.tokens.approver, third.id, { action: 'send-to-council' })).status).toBe(
      200,
    );
    // Adoption needs the resolution; a date that is no Jalali date is 400 (Esfand 1404 has 29 days).
    expect((await act(h.tokens.council, third.id, { action: 'adopt' })).status).toBe(400);
    const resolution = {
      resolutionNumber: '1405-22',
      resolutionDate: '1405/02/10',
      votesFor: 8,
      votesAgainst: 2,
      votesAbstaining: 1,
    };
    const badDate = await act(h.tokens.council, third.id, {
      action: 'adopt',
      resolution: { ...resolution, resolutionDate: '1404/12/30' },
    });
    expect(badDate.status).toBe(400);
    const adopted = await act(h.tokens.council, third.id, { action: 'adopt', resolution });
    expect(adopted.status).toBe(200);
    expect(adopted.body).toMatchObject({
      status: 'adopted',
      baseline: false,
      adoption: resolution,
    });
    // The baseline stays the first adopted.
    expect((await list()).filter((s) => s.baseline).map((s) => s.number)).toEqual([1]);
    const published = await act(h.tokens.council, third.id, { action: 'publish' });
    expect(published.status).toBe(200);
    expect(published.body.publishedAt).not.toBeNull();
    const twice = await act(h.tokens.admin, third.id, { action: 'publish' });
    expect(twice.status).toBe(409);
    // A returned snapshot stays returned.
    expect((await act(h.tokens.approver, second.id, { action: 'send-to-council' })).status).toBe(
      409,
    );
  });

  it('records every snapshot in the audit chain, and verify names one edited behind its back', async () => {
    const entries = await h.test.repos.audit.list(TENANT, { limit: 100_000 });
    const snapshotEntries = entries
      .filter((e) => e.entity === 'city_snapshot')
      .map((e) => e.action);
    // 1: create, send, adopt, publish; 2: create, send, return; 3: create, send, adopt, publish.
    expect(snapshotEntries).toEqual([
      'snapshot.create',
      'snapshot.send-to-council',
      'snapshot.adopt',
      'snapshot.publish',
      'snapshot.create',
      'snapshot.send-to-council',
      'snapshot.return',
      'snapshot.create',
      'snapshot.send-to-council',
      'snapshot.adopt',
      'snapshot.publish',
    ]);
    const clean = await h.test.repos.verify.register(TENANT);
    expect(clean.problems).toEqual([]);
    expect(clean.tables).toContain('city_snapshot');
    const [, second] = await list();
    await h.test.db.prisma.$executeRawUnsafe(
      `UPDATE "city_snapshot" SET "votes_for" = 11 WHERE "tenant_id" = '${TENANT}' AND "number" = 3`,
    );
    await h.test.db.prisma.$executeRawUnsafe(
      `UPDATE "city_snapshot_source" SET "version" = 1 WHERE "tenant_id" = '${TENANT}' AND "snapshot_id" = '${second!.id}' AND "version" = 2`,
    );
    const tampered = await h.test.repos.verify.register(TENANT);
    expect(tampered.problems.map((p) => [p.table, p.reason, p.columns ?? []]).sort()).toEqual([
      ['city_snapshot', 'state-mismatch', ['votes_for']],
      ['city_snapshot_source', 'state-mismatch', ['version']],
    ]);
  });
});
