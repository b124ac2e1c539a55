/**
 * Issue item 6: who may do what, asked of the real API for every role ×
 * department × endpoint, on both databases.
 *
 * The policy restated from docs/api.md (the model the answers are checked against):
 * - reading a plan (the plan, its versions, a version, the diff, the history, the comments)
 *   and commenting: city-wide staff (reviewer, approver, council, admin) and the preparers of
 *   the plan's own department;
 * - pushing a version: the preparers of the plan's department, and the admin; never the
 *   council, a reviewer, an approver or another department's preparer;
 * - workflow: submit (the department's preparer, admin), review (reviewer), approve
 *   (approver, council; never the person who pushed or submitted that version), return
 *   (reviewer, approver, council), reopen (approver, admin);
 * - a department's new plan: its preparers, an approver, the admin; a new cycle: approver,
 *   admin; consolidation and monitoring: reviewer, approver, council, admin; audit
 *   verification: admin, council.
 * A refusal is 403 (the plan exists; the caller may not); an allowed call is anything else
 * but 401 or 5xx. Allowed writes end in 409 and change nothing (the plans, cycle and
 * submissions exist; workflow steps name a version far ahead), except comments, which are
 * stored.
 *
 * Every refusal must leave an `access.denied` warning in the log with who asked for what.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { DB_KINDS } from '../helpers/db';
import type { Harness } from '../service/api-harness';
import { bearer, openHarness, submissionOf, TENANT } from '../service/api-harness';
import { editable, push, variant } from './helpers';

type Who = 'admin' | 'preparer' | 'otherPreparer' | 'reviewer' | 'approver' | 'council';
const EVERYONE: Who[] = ['admin', 'preparer', 'otherPreparer', 'reviewer', 'approver', 'council'];
const CITY_WIDE: Who[] = ['admin', 'reviewer', 'approver', 'council'];
/** The department of each preparer (api-harness.ts). */
const HOME: Partial<Record<Who, string>> = { preparer: 'D-CIV', otherPreparer: 'D-TRF' };
/** The preparers' two departments and one that is neither's. */
const DEPARTMENTS = ['D-CIV', 'D-TRF', 'D-PLN'];

const reads = (who: Who, dept: string) => CITY_WIDE.includes(who) || HOME[who] === dept;
const pushes = (who: Who, dept: string) => who === 'admin' || HOME[who] === dept;

interface Endpoint {
  name: string;
  allowed(who: Who, dept: string): boolean;
  call(h: Harness, token: string, id: string, dept: string): request.Test;
}

/**
 * A workflow step. `expectedVersion` far ahead makes every ALLOWED step end in 409 (a newer
 * version was pushed) without changing the plan, so the matrix's answers cannot depend on
 * the order the cells are asked in; the role, department and four-eyes checks come first.
 */
const act = (action: string) => (h: Harness, token: string, id: string) =>
  request(h.app)
    .post(`/api/submissions/${id}/transitions`)
    .set(bearer(token))
    .send({ action, expectedVersion: 999_999 });

const ENDPOINTS: Endpoint[] = [
  ...['', '/versions', '/versions/latest', '/diff?from=1', '/history', '/comments'].map(
    (suffix): Endpoint => ({
      name: `GET …${suffix}`,
      allowed: reads,
      call: (h, token, id) =>
        request(h.app).get(`/api/submissions/${id}${suffix}`).set(bearer(token)),
    }),
  ),
  {
    name: 'POST …/comments',
    allowed: reads,
    call: (h, token, id) =>
      request(h.app)
        .post(`/api/submissions/${id}/comments`)
        .set(bearer(token))
        .send({ body: 'یادداشت' }),
  },
  {
    name: 'POST …/versions',
    allowed: pushes,
    call: (h, token, id) =>
      request(h.app)
        .post(`/api/submissions/${id}/versions`)
        .set(bearer(token))
        .set('If-Match', '"1"')
        .send({ tables: [] }),
  },
  {
    name: 'submit',
    allowed: (who, dept) => reads(who, dept) && (who === 'admin' || HOME[who] === dept),
    call: act('submit'),
  },
  {
    name: 'review',
    allowed: (who, dept) => reads(who, dept) && who === 'reviewer',
    call: act('review'),
  },
  {
    name: 'approve',
    allowed: (who, dept) => reads(who, dept) && (who === 'approver' || who === 'council'),
    call: act('approve'),
  },
  {
    name: 'return',
    allowed: (who, dept) => reads(who, dept) && ['reviewer', 'approver', 'council'].includes(who),
    call: act('return'),
  },
  {
    name: 'reopen',
    allowed: (who, dept) => reads(who, dept) && (who === 'approver' || who === 'admin'),
    call: act('reopen'),
  },
  {
    // A department's new plan: its preparers, an approver, the admin (ends in 409: it exists).
    name: 'POST /submissions',
    allowed: (who, dept) => who === 'admin' || who === 'approver' || HOME[who] === dept,
    call: (h, token, _id, dept) =>
      request(h.app)
        .post('/api/submissions')
        .set(bearer(token))
        .send({ cycleId: h.cycleId, departmentCode: dept, kind: 'department', title: 't' }),
  },
  {
    // Not a department's: asked once per department all the same (the answer must not vary).
    name: 'GET consolidation',
    allowed: (who) => CITY_WIDE.includes(who),
    call: (h, token) =>
      request(h.app).get(`/api/cycles/${h.cycleId}/consolidation`).set(bearer(token)),
  },
  {
    // The city's monitoring, as the consolidation (asked once per department all the same).
    name: 'GET monitoring',
    allowed: (who) => CITY_WIDE.includes(who),
    call: (h, token) =>
      request(h.app).get(`/api/cycles/${h.cycleId}/monitoring?period=1405-H1`).set(bearer(token)),
  },
  {
    // Agency sign-offs: the agency's own view and signing are an agency's only (no staff role);
    // the list of every agency's latest signature is the city-wide roles'.
    name: 'GET …/agency',
    allowed: () => false,
    call: (h, token) => request(h.app).get(`/api/cycles/${h.cycleId}/agency`).set(bearer(token)),
  },
  {
    name: 'POST …/signatures',
    allowed: () => false,
    call: (h, token) =>
      request(h.app)
        .post(`/api/cycles/${h.cycleId}/signatures`)
        .set(bearer(token))
        .send({ snapshotId: 'x', position: 'agree' }),
  },
  {
    name: 'GET …/signatures',
    allowed: (who) => CITY_WIDE.includes(who),
    call: (h, token) =>
      request(h.app).get(`/api/cycles/${h.cycleId}/signatures`).set(bearer(token)),
  },
  {
    name: 'GET /audit/verify',
    allowed: (who) => who === 'admin' || who === 'council',
    call: (h, token) => request(h.app).get('/api/audit/verify').set(bearer(token)),
  },
  {
    // A new cycle (ends in 409: the seeded 1405 cycle exists).
    name: 'POST /cycles',
    allowed: (who) => who === 'admin' || who === 'approver',
    call: (h, token) =>
      request(h.app)
        .post('/api/cycles')
        .set(bearer(token))
        .send({ startYear: 1405, title: 't', planningDepartmentCode: 'D-PLN' }),
  },
];

/** Log lines the app wrote, parsed. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line.trim() !== '') lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: pino({ level: 'warn' }, stream) };
}

describe.each(DB_KINDS)('who may do what (%s)', (kind) => {
  let h: Harness;
  const log = capture();
  beforeAll(async () => {
    h = await openHarness(kind, {}, { logger: log.logger }, { monitoring: true });
  });
  afterAll(async () => {
    await h.close();
  });

  const denials = (requestId: string) =>
    log.lines.filter((l) => l.event === 'access.denied' && l.requestId === requestId);

  it('answers every role × department × endpoint as the policy says, and logs each refusal', async () => {
    const ids = new Map<string, string>();
    for (const d of DEPARTMENTS) ids.set(d, await submissionOf(h, d));
    const wrong: string[] = [];
    let refused = 0;
    for (const who of EVERYONE)
      for (const dept of DEPARTMENTS)
        for (const e of ENDPOINTS) {
          const requestId = `authz-${who}-${dept}-${e.name}`.replace(/[^\w.-]/g, '_').slice(0, 64);
          const res = await e
            .call(h, h.tokens[who], ids.get(dept)!, dept)
            .set('X-Request-Id', requestId);
          const allowed = e.allowed(who, dept);
          if (allowed === (res.status === 403) || res.status === 401 || res.status >= 500)
            wrong.push(`${who} ${dept} ${e.name}: ${res.status} ${res.body?.code as string}`);
          if (res.status === 403) {
            refused += 1;
            if (denials(requestId).length !== 1) wrong.push(`${who} ${dept} ${e.name}: not logged`);
            expect(denials(requestId)[0]).toMatchObject({
              status: 403,
              method: expect.any(String),
            });
          }
        }
    expect(wrong).toEqual([]);
    // 6 people × 3 departments × 21 endpoints; refusals counted by hand from the policy:
    // a preparer is refused all 21 on the 2 departments not theirs, and on its own review,
    // approve, return, reopen, consolidation, monitoring, audit, new cycle and the three
    // sign-off routes (11): 2 × (42 + 11) = 106;
    // every other staff role is refused the agency's view and signing (2 × 3 departments) besides:
    // admin: review, approve, return (5 × 3 = 15); reviewer: push, submit, approve, reopen,
    // audit, new cycle, new plan (9 × 3 = 27); approver: push, submit, review, audit
    // (6 × 3 = 18); council: push, submit, review, reopen, new cycle, new plan (8 × 3 = 24).
    expect(refused).toBe(106 + 15 + 27 + 18 + 24);
  });

  it('never lets the council write plan data', async () => {
    const plan = await editable(h, 'D-CIV');
    const res = await push(
      h,
      plan.id,
      h.tokens.council,
      variant(plan.workbook, 'council'),
      plan.version,
    );
    expect(res.status).toBe(403);
    expect((await h.test.repos.submissions.get(TENANT, plan.id))?.currentVersion).toBe(
      plan.version,
    );
  });

  it('lets nobody approve a version they pushed or submitted', async () => {
    // One person holding both roles: the only way "their own submission" can reach approve.
    const civ = await h.test.repos.departments.getByCode(TENANT, 'D-CIV');
    const both = await h.test.repos.users.create(
      TENANT,
      {
        email: `both@${TENANT}.example`,
        displayName: 'both',
        departmentId: civ!.id,
        roles: ['preparer', 'approver'],
      },
      null,
    );
    if (!both.ok) throw new Error(both.reason);
    const issued = await h.test.repos.tokens.issue(
      TENANT,
      { userId: both.user.id, name: 't' },
      null,
    );
    if (!issued.ok) throw new Error(issued.reason);
    const self = issued.secret;
    const plan = await editable(h, 'D-CIV').catch(async () => {
      // Already reopened by the previous test: just read it.
      const id = await submissionOf(h, 'D-CIV');
      const sub = await h.test.repos.submissions.get(TENANT, id);
      const pulled = await request(h.app)
        .get(`/api/submissions/${id}/versions/latest?lang=keys`)
        .set(bearer(h.tokens.admin));
      return { id, version: sub!.currentVersion, workbook: pulled.body.workbook };
    });
    const pushed = await push(h, plan.id, self, variant(plan.workbook, 'own'), plan.version);
    expect(pushed.status).toBe(201);
    const step = (token: string, action: string) =>
      request(h.app)
        .post(`/api/submissions/${plan.id}/transitions`)
        .set(bearer(token))
        .send({ action });
    expect((await step(h.tokens.preparer, 'submit')).status).toBe(200);
    expect((await step(h.tokens.reviewer, 'review')).status).toBe(200);
    const own = await step(self, 'approve');
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('SAME_PERSON');
    // The preparer who submitted is not an approver; another approver may approve.
    expect((await step(h.tokens.approver, 'approve')).status).toBe(200);
  });

  it('refuses mass-assigned status, approvedBy and version fields', async () => {
    const id = await submissionOf(h, 'D-TRF');
    const before = await h.test.repos.submissions.get(TENANT, id);
    const attempts = [
      request(h.app)
        .post(`/api/submissions/${id}/transitions`)
        .set(bearer(h.tokens.otherPreparer))
        .send({ action: 'submit', status: 'approved' }),
      request(h.app)
        .post(`/api/submissions/${id}/transitions`)
        .set(bearer(h.tokens.otherPreparer))
        .send({ action: 'submit', approvedBy: 'x' }),
      request(h.app)
        .post(`/api/submissions/${id}/comments`)
        .set(bearer(h.tokens.otherPreparer))
        .send({ body: 'x', approvedBy: 'me' }),
      request(h.app).post('/api/submissions').set(bearer(h.tokens.otherPreparer)).send({
        cycleId: h.cycleId,
        departmentCode: 'D-TRF',
        kind: 'revenue',
        title: 't',
        status: 'approved',
        version: 7,
      }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('INVALID_REQUEST');
    }
    // A push is admitted before its body is read (issue #12, item 3): to this approved plan it
    // is refused as not editable, whatever its body says (push-admission.test.ts; an
    // admitted push with such fields is 400, api-bad-input.test.ts).
    const pushed = await request(h.app)
      .post(`/api/submissions/${id}/versions`)
      .set(bearer(h.tokens.otherPreparer))
      .set('If-Match', '"1"')
      .send({ tables: [], status: 'approved', version: 99 });
    expect({ status: pushed.status, code: pushed.body.code }).toEqual({
      status: 409,
      code: 'NOT_EDITABLE',
    });
    const after = await h.test.repos.submissions.get(TENANT, id);
    expect(after).toEqual(before);
  });
});
