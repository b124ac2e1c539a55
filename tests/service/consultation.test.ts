/**
 * The consultation through the register's HTTP API, on both databases (issue 15,
 * "Stakeholders"): the planning office opens one on the seeded cycle's city plan; the seed's
 * stakeholder (SH03, an NGO) and agency representative (SH13, the water company) comment,
 * propose, endorse and object; the planning office answers each proposal (accepted and linked
 * to the revision's snapshot, rejected with a reason, merged) and hides one, with its reason;
 * who sees what, who may do what, the tallies (people and organisations apart), the audit
 * chain verified. Stored text comes back as it was written (the web shows it as text).
 */
import request from 'supertest';
import {
  ApiConsultation,
  ApiConsultationView,
  ApiContribution,
  CONTRIBUTIONS_PER_HOUR,
} from '#core';
import { DB_KINDS } from '../helpers/db';
import type { Harness } from './api-harness';
import { bearer, openHarness, reviseCivilWorks, TENANT } from './api-harness';

describe.each(DB_KINDS)('the consultation (%s)', (kind) => {
  let h: Harness;
  let stakeholder: string;
  let agency: string;
  let consultation: ApiConsultation;
  beforeAll(async () => {
    h = await openHarness(kind);
    const tokenOf = async (email: string) => {
      const user = await h.test.repos.users.getByEmail(TENANT, email);
      if (user === null) throw new Error(`no ${email}`);
      const issued = await h.test.repos.tokens.issue(TENANT, { userId: user.id, name: 't' }, null);
      if (!issued.ok) throw new Error(issued.reason);
      return issued.secret;
    };
    stakeholder = await tokenOf(`stakeholder@${TENANT}.example`);
    agency = await tokenOf(`agency@${TENANT}.example`);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  const view = async (token: string) => {
    const res = await request(h.app)
      .get(`/api/consultations/${consultation.id}`)
      .set(bearer(token));
    expect(res.status).toBe(200);
    return ApiConsultationView.parse(res.body);
  };
  const contribute = (token: string, body: Record<string, unknown>) =>
    request(h.app)
      .post(`/api/consultations/${consultation.id}/contributions`)
      .set(bearer(token))
      .send(body);

  it('is opened by the planning office on the latest snapshot, one at a time', async () => {
    const denied = await request(h.app)
      .post(`/api/cycles/${h.cycleId}/consultations`)
      .set(bearer(stakeholder))
      .send({ title: 'x' });
    expect(denied.status).toBe(403);
    const res = await request(h.app)
      .post(`/api/cycles/${h.cycleId}/consultations`)
      .set(bearer(h.tokens.approver))
      .send({ title: 'رایزنی برنامه ۱۴۰۵–۱۴۰۹', note: 'نظر خود را تا پایان آذر بفرستید.' });
    expect(res.status).toBe(201);
    consultation = ApiConsultation.parse(res.body);
    // The seed's one snapshot (adopted and published) is the latest.
    expect(consultation).toMatchObject({ status: 'open', snapshot: { number: 1 } });
    const again = await request(h.app)
      .post(`/api/cycles/${h.cycleId}/consultations`)
      .set(bearer(h.tokens.reviewer))
      .send({ title: 'دومی' });
    expect(again.status).toBe(409);
    expect(again.body.details).toEqual({ consultation: consultation.id });
    // Everyone of the municipality finds it.
    const list = await request(h.app)
      .get(`/api/cycles/${h.cycleId}/consultations`)
      .set(bearer(agency));
    expect(list.status).toBe(200);
    expect(list.body.map((c: ApiConsultation) => c.id)).toEqual([consultation.id]);
  });

  it('offers the plan’s goals, strategies, programs and projects, and lets the outside contribute', async () => {
    const v = await view(stakeholder);
    expect(v.targets.filter((t) => t.kind === 'project')).toHaveLength(40);
    expect(v.can).toEqual({ contribute: true, moderate: false, onBehalf: true });
    expect((await view(h.tokens.reviewer)).can).toEqual({
      contribute: false,
      moderate: true,
      onBehalf: false,
    });
    const staff = await contribute(h.tokens.reviewer, {
      kind: 'comment',
      target: { kind: 'goal', id: 'G1' },
      text: 'x',
    });
    expect(staff.status).toBe(403);
  });

  let proposal: ApiContribution;
  let second: ApiContribution;
  it('takes comments, proposals and positions, and refuses what does not hold, located', async () => {
    const text = '<img src=x onerror=alert(1)> بودجه پروژه P-001 در ۱۴۰۵ کم است';
    const comment = await contribute(stakeholder, {
      kind: 'comment',
      target: { kind: 'project', id: 'P-001' },
      text,
    });
    expect(comment.status).toBe(201);
    // Stored and returned as written: the page shows it as text.
    expect(ApiContribution.parse(comment.body)).toMatchObject({
      text,
      organisation: { id: 'SH03' },
      author: null,
      mine: true,
      target: { title: 'احداث بوستان محله‌ای نرگس' },
    });
    const p1 = await contribute(stakeholder, {
      kind: 'proposal',
      target: { kind: 'project', id: 'P-001' },
      text: 'بخشی از هزینه ۱۴۰۶ به ۱۴۰۵ برود تا بوستان زودتر باز شود.',
    });
    expect(p1.status).toBe(201);
    proposal = ApiContribution.parse(p1.body);
    expect(proposal.tally).toEqual({
      endorse: { people: 0, organisations: 0 },
      object: { people: 0, organisations: 0 },
    });
    const p2 = await contribute(agency, {
      kind: 'proposal',
      target: { kind: 'project', id: 'P-001' },
      text: 'همین جابه‌جایی هزینه، با لوله‌گذاری آب هم‌زمان.',
    });
    expect(p2.status).toBe(201);
    second = ApiContribution.parse(p2.body);
    // The NGO endorses the proposal for its members; the agency's person for themself.
    expect(
      (
        await contribute(stakeholder, {
          kind: 'endorsement',
          target: { kind: 'proposal', id: proposal.id },
          onBehalf: true,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await contribute(agency, {
          kind: 'endorsement',
          target: { kind: 'proposal', id: proposal.id },
        })
      ).status,
    ).toBe(201);
    expect(
      (await contribute(agency, { kind: 'objection', target: { kind: 'goal', id: 'G1' } })).status,
    ).toBe(201);
    const bad = await contribute(stakeholder, {
      kind: 'comment',
      target: { kind: 'project', id: 'P-999' },
      text: 'x',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].path).toEqual(['target', 'id']);
    expect(bad.body.message.fa).toContain('P-999');
    const noText = await contribute(stakeholder, {
      kind: 'proposal',
      target: { kind: 'goal', id: 'G1' },
    });
    expect(noText.status).toBe(400);
    expect(noText.body.details[0].path).toEqual(['text']);
    const unknownField = await contribute(stakeholder, {
      kind: 'comment',
      target: { kind: 'goal', id: 'G1' },
      text: 'x',
      author: 'someone else',
    });
    expect(unknownField.status).toBe(400);
  });

  it('counts people and organisations apart', async () => {
    const v = await view(h.tokens.council);
    const p = v.contributions.find((c) => c.id === proposal.id);
    expect(p?.tally).toEqual({
      endorse: { people: 1, organisations: 1 },
      object: { people: 0, organisations: 0 },
    });
    expect(v.tallies).toEqual([
      {
        target: { kind: 'goal', id: 'G1' },
        tally: {
          endorse: { people: 0, organisations: 0 },
          object: { people: 1, organisations: 0 },
        },
      },
    ]);
    // The council sees who wrote; the stakeholder sees the agency's organisation, not its person.
    expect(v.contributions.every((c) => c.author !== null)).toBe(true);
    const outside = await view(stakeholder);
    const theirs = outside.contributions.find((c) => c.id === second.id);
    expect(theirs).toMatchObject({ author: null, mine: false, organisation: { id: 'SH13' } });
    expect(theirs?.organisation?.name).toBe('شرکت آب و فاضلاب استان');
  });

  it('hides a contribution with its reason: its author and the staff see it, no one else', async () => {
    const v = await view(stakeholder);
    const comment = v.contributions.find((c) => c.kind === 'comment');
    expect(comment).toBeDefined();
    const denied = await request(h.app)
      .post(`/api/contributions/${comment!.id}/hide`)
      .set(bearer(agency))
      .send({ reason: 'x' });
    expect(denied.status).toBe(403);
    const hidden = await request(h.app)
      .post(`/api/contributions/${comment!.id}/hide`)
      .set(bearer(h.tokens.reviewer))
      .send({ reason: 'نشانی و کد در متن؛ دوباره بی آن بفرستید.' });
    expect(hidden.status).toBe(200);
    expect(hidden.body.hidden.reason).toBe('نشانی و کد در متن؛ دوباره بی آن بفرستید.');
    expect((await view(agency)).contributions.some((c) => c.id === comment!.id)).toBe(false);
    const own = (await view(stakeholder)).contributions.find((c) => c.id === comment!.id);
    expect(own?.hidden?.reason).toContain('دوباره');
    expect((await view(h.tokens.council)).contributions.some((c) => c.id === comment!.id)).toBe(
      true,
    );
  });

  it('answers each proposal: merged, then accepted and linked to the revision’s snapshot', async () => {
    const answer = (id: string, body: Record<string, unknown>, token = h.tokens.approver) =>
      request(h.app).post(`/api/contributions/${id}/answer`).set(bearer(token)).send(body);
    expect(
      (await answer(proposal.id, { outcome: 'rejected', reason: 'x' }, stakeholder)).status,
    ).toBe(403);
    // Accepted into the seed's snapshot: not after the consultation's, so refused.
    const early = await answer(proposal.id, {
      outcome: 'accepted',
      snapshotId: consultation.snapshot.id,
    });
    expect(early.status).toBe(400);
    expect(early.body.details[0].path).toEqual(['snapshotId']);
    expect((await answer(proposal.id, { outcome: 'rejected' })).status).toBe(400);
    const merged = await answer(second.id, { outcome: 'merged', mergedIntoId: proposal.id });
    expect(merged.status).toBe(200);
    expect(merged.body.answer).toMatchObject({ outcome: 'merged', finalId: proposal.id });
    const loop = await answer(proposal.id, { outcome: 'merged', mergedIntoId: second.id });
    expect(loop.status).toBe(400);
    // The planning office applies the proposal as a revision; its approval makes snapshot 2.
    await reviseCivilWorks(h, 1);
    const made = await request(h.app)
      .post(`/api/cycles/${h.cycleId}/snapshots`)
      .set(bearer(h.tokens.approver));
    expect([201, 409]).toContain(made.status);
    const snapshots = await request(h.app)
      .get(`/api/cycles/${h.cycleId}/snapshots`)
      .set(bearer(h.tokens.approver));
    const latest = snapshots.body.at(-1) as { id: string; number: number };
    expect(latest.number).toBe(2);
    const accepted = await answer(proposal.id, {
      outcome: 'accepted',
      snapshotId: latest.id,
      reason: 'در بازنگری دوم آمد.',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.answer).toMatchObject({
      outcome: 'accepted',
      snapshot: { id: latest.id, number: 2 },
      finalId: proposal.id,
    });
    // Anyone signed in follows the merged one to where it ended, and that one to its snapshot.
    const followed = await view(agency);
    const mine = followed.contributions.find((c) => c.id === second.id);
    expect(mine?.answer?.finalId).toBe(proposal.id);
    const end = followed.contributions.find((c) => c.id === mine?.answer?.finalId);
    expect(end?.answer?.snapshot?.number).toBe(2);
  });

  it('closes, and then takes nothing more', async () => {
    const closed = await request(h.app)
      .post(`/api/consultations/${consultation.id}/close`)
      .set(bearer(h.tokens.reviewer));
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    const late = await contribute(stakeholder, {
      kind: 'comment',
      target: { kind: 'goal', id: 'G1' },
      text: 'دیر',
    });
    expect(late.status).toBe(409);
    expect((await view(stakeholder)).can.contribute).toBe(false);
  });

  it('records every step in the audit chain, and verify finds the rows as it says', async () => {
    const entries = await h.test.repos.audit.list(TENANT, { limit: 100 });
    const actions = new Set<string>();
    for (let after: bigint | undefined, page = entries; page.length > 0;) {
      for (const e of page) actions.add(e.action);
      after = page.at(-1)!.seq;
      page = await h.test.repos.audit.list(TENANT, { afterSeq: after, limit: 100 });
    }
    for (const a of [
      'consultation.open',
      'contribution.add',
      'contribution.hide',
      'contribution.answer',
      'consultation.close',
    ])
      expect(actions).toContain(a);
    const report = await h.test.repos.verify.register(TENANT);
    expect(report.problems).toEqual([]);
    expect(report.tables).toEqual(
      expect.arrayContaining(['consultation', 'consultation_contribution']),
    );
    // A row changed behind the register's back is found.
    await h.test.db.prisma.$executeRawUnsafe(
      `UPDATE "consultation_contribution" SET "text" = 'edited' WHERE "tenant_id" = '${TENANT}' AND "id" = '${second.id}'`,
    );
    const tampered = await h.test.repos.verify.register(TENANT);
    expect(tampered.problems.map((p) => p.table)).toContain('consultation_contribution');
  });
});

describe('the consultation’s limits', () => {
  let h: Harness;
  afterAll(async () => {
    await h?.close();
  });
  it(`takes at most ${CONTRIBUTIONS_PER_HOUR} contributions a person an hour, then 429 with Retry-After`, async () => {
    h = await openHarness('pglite');
    const user = await h.test.repos.users.getByEmail(TENANT, `stakeholder@${TENANT}.example`);
    const issued = await h.test.repos.tokens.issue(TENANT, { userId: user!.id, name: 't' }, null);
    if (!issued.ok) throw new Error(issued.reason);
    const opened = await request(h.app)
      .post(`/api/cycles/${h.cycleId}/consultations`)
      .set(bearer(h.tokens.approver))
      .send({ title: 'حد' });
    const statuses: number[] = [];
    for (let i = 0; i <= CONTRIBUTIONS_PER_HOUR; i++) {
      const res = await request(h.app)
        .post(`/api/consultations/${opened.body.id}/contributions`)
        .set(bearer(issued.secret))
        .send({ kind: 'endorsement', target: { kind: 'goal', id: 'G1' } });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(statuses.filter((s) => s === 201)).toHaveLength(CONTRIBUTIONS_PER_HOUR);
    expect(statuses.at(-1)).toBe(429);
  }, 120_000);
});
