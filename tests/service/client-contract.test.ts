/**
 * The client and the server agree: the story of flow.test.ts (a department pulls its plan,
 * pushes a mistake, fixes it, meets a stale push, retries with its key, is reviewed and
 * approved, and the council consolidates and exports) told again through `RegisterClient`
 * over Node's `fetch`, against the real app listening on 127.0.0.1, on both databases; and
 * the other routes once each. Every JSON answer must parse with the core's schemas AND come
 * out equal to what was sent: a field the server sends that the schemas do not describe
 * fails the test (the client alone would silently drop it).
 */
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import type { ApiResult, ApiSubmission, Fetch, PushResult } from '#core';
import { RegisterClient } from '#core';
import type { Principal } from '../../service/src/auth';
import { testConfig } from '../../service/src/config';
import { actionsFor } from '../../service/src/handlers/submissions';
import { readXlsx, writeRawWorkbook } from '../../io';
import { DB_KINDS } from '../helpers/db';
import { NEW_PROJECT_COST, PLAN_YEARS, withNewProject } from '../helpers/workbook';
import type { Harness } from './api-harness';
import { openHarness, submissionOf, TENANT } from './api-harness';

/** Node's fetch, keeping the last JSON body the server sent, exactly as sent. */
function recordingFetch(): { fetch: Fetch; last: () => unknown } {
  let last: unknown = undefined;
  const fetcher: Fetch = async (url, init) => {
    const res = await fetch(url, init);
    last = (res.headers.get('content-type') ?? '').includes('json')
      ? JSON.parse(await res.clone().text())
      : undefined;
    return res;
  };
  return { fetch: fetcher, last: () => last };
}

describe.each(DB_KINDS)('RegisterClient against the register (%s)', (kind) => {
  let h: Harness;
  let server: Server;
  let url = '';
  const recorder = recordingFetch();
  const as = (token: string) => new RegisterClient({ server: url, token }, recorder.fetch);

  /** The value of a call that must succeed, checked to be exactly the JSON the server sent. */
  function exact<T>(result: ApiResult<T>): T {
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message.en}`);
    expect(result.value).toEqual(recorder.last());
    return result.value;
  }
  /** The failure of a push that must be refused, with the error body exactly as sent. */
  function refusedPush(out: PushResult) {
    if (out.ok) throw new Error('the push was stored');
    const sent = recorder.last() as { code: string; message: unknown; details?: unknown };
    expect({ code: out.error.code, message: out.error.message }).toEqual({
      code: sent.code,
      message: sent.message,
    });
    return out;
  }
  const verdict = (s: ApiSubmission, action: string) => s.actions.find((a) => a.action === action);

  beforeAll(async () => {
    h = await openHarness(kind, {}, {}, { monitoring: true });
    server = h.app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await h.close();
  });

  it('tells the flow story, every answer parsed and complete', async () => {
    const { tokens } = h;
    const [preparer, reviewer, approver, council, admin] = [
      as(tokens.preparer),
      as(tokens.reviewer),
      as(tokens.approver),
      as(tokens.council),
      as(tokens.admin),
    ];
    const id = await submissionOf(h, 'D-CIV');
    const before = exact(await council.consolidation(h.cycleId));

    // Frozen: the seeded plan is approved. The preparer is told why each step is closed.
    const frozen = exact(await preparer.submission(id));
    expect(frozen.status).toBe('approved');
    expect(verdict(frozen, 'reopen')).toMatchObject({ allowed: false, code: 'FORBIDDEN' });
    // The register says beforehand that a push is refused, and why, in the words it refuses with.
    expect(frozen.push).toMatchObject({ allowed: false, code: 'NOT_EDITABLE' });
    expect(frozen.departmentName).toEqual(expect.any(String));
    const refused = refusedPush(
      await preparer.push(id, { workbook: { tables: [] } }, { baseVersion: 1 }),
    );
    expect(refused).toMatchObject({ kind: 'other', error: { status: 409, code: 'NOT_EDITABLE' } });
    if (refused.kind !== 'other') throw new Error(refused.kind);
    expect(refused.error.message).toEqual(frozen.push.reason);
    const reopened = exact(
      await approver.transition(id, 'reopen', { note: 'new projects for 1405' }),
    );
    expect(reopened.submission).toMatchObject({ status: 'draft', departmentCode: 'D-CIV' });
    // As each caller sees it: the approver who reopened it pushes for no department; the
    // department's preparer now may.
    expect(reopened.submission.push).toMatchObject({ allowed: false, code: 'FORBIDDEN' });
    expect(exact(await preparer.submission(id)).push).toEqual({
      allowed: true,
      code: null,
      reason: null,
    });
    expect(reopened.event).toMatchObject({ action: 'reopen', fromStatus: 'approved' });

    // The department's workbook, re-generated from its rows.
    const pulled = await preparer.versionXlsx(id, 'latest');
    if (!pulled.ok) throw new Error(pulled.error.code);
    expect(pulled.value).toMatchObject({ version: 1, regenerated: true });
    const read = await readXlsx(pulled.value.bytes);
    if (!read.ok) throw new Error(read.error.message.en);

    // A mistake: 422 with the findings, parsed; nothing stored.
    const wrong = await writeRawWorkbook(withNewProject(read.workbook, 'PRG-NOPE'), {
      lang: 'fa',
    });
    const invalid = refusedPush(await preparer.push(id, { xlsx: wrong }, { baseVersion: 1 }));
    if (invalid.kind !== 'invalid') throw new Error(invalid.kind);
    expect(invalid.findings.find((f) => f.severity === 'error')).toMatchObject({
      table: 'tblProjects',
    });
    expect(exact(await preparer.versions(id))).toHaveLength(1);

    // Fixed, with an idempotency key: version 2.
    const fixed = await writeRawWorkbook(withNewProject(read.workbook, null), { lang: 'fa' });
    const push = () =>
      preparer.push(
        id,
        { xlsx: fixed },
        { baseVersion: 1, idempotencyKey: 'civ-1405-client-contract' },
      );
    const created = await push();
    if (!created.ok) throw new Error(created.kind);
    expect(created.value).toEqual(recorder.last());
    expect(created).toMatchObject({ replayed: false, value: { version: 2, status: 'draft' } });

    // Someone on version 1 pushes: a conflict, with what changed since (parsed).
    const stale = refusedPush(
      await preparer.push(id, { xlsx: pulled.value.bytes }, { baseVersion: 1 }),
    );
    if (stale.kind !== 'conflict') throw new Error(stale.kind);
    expect(stale).toMatchObject({ baseVersion: 1, currentVersion: 2 });
    expect(
      stale.changes.tables.find((t) => t.table === 'tblProjects')?.added.map((a) => a.key),
    ).toEqual(['P-NEW']);

    // The retry after a lost answer: the first result again.
    const retry = await push();
    if (!retry.ok) throw new Error(retry.kind);
    expect(retry.value).toEqual(recorder.last());
    expect(retry).toMatchObject({ replayed: true, value: { version: 2 } });
    expect(exact(await preparer.versions(id)).map((v) => v.version)).toEqual([1, 2]);

    // The workflow: each submission says who may take which step, and the server agrees.
    const draft = exact(await preparer.submission(id));
    expect(verdict(draft, 'submit')).toEqual({
      action: 'submit',
      allowed: true,
      code: null,
      reason: null,
    });
    expect(exact(await preparer.transition(id, 'submit')).submission.status).toBe('submitted');
    const comment = exact(
      await reviewer.addComment(id, {
        body: 'هزینه سال ۱۴۰۵ را بازبینی کنید',
        version: 2,
        tableName: 'tblProjects',
        rowKey: 'P-NEW',
        columnKey: '1405',
      }),
    );
    expect(comment.rowKey).toBe('P-NEW');
    exact(await reviewer.transition(id, 'review', { note: 'checked' }));
    const mine = exact(await preparer.submission(id));
    expect(verdict(mine, 'approve')).toMatchObject({ allowed: false, code: 'FORBIDDEN' });
    const self = await preparer.transition(id, 'approve');
    expect(self.ok ? null : self.error).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    // The refusal the submission announced is the one the server answers with.
    expect(self.ok ? null : self.error.message).toEqual(verdict(mine, 'approve')?.reason);
    const theirs = exact(await approver.submission(id));
    expect(verdict(theirs, 'approve')?.allowed).toBe(true);
    const approved = exact(await approver.transition(id, 'approve', { note: 'approved for 1405' }));
    expect(approved.submission.status).toBe('approved');
    expect(verdict(approved.submission, 'reopen')?.allowed).toBe(true);

    // History, comments, a version as JSON, the diff as JSON and as text.
    expect(exact(await council.history(id)).map((e) => e.action)).toEqual(
      expect.arrayContaining(['reopen', 'submit', 'review', 'approve']),
    );
    expect(exact(await preparer.comments(id)).map((c) => c.body)).toContain(comment.body);
    const content = exact(await preparer.version(id, 'approved', 'keys'));
    expect(content).toMatchObject({ version: 2, submission: { id } });
    expect(content.workbook.tables.some((t) => t.name === 'tblProjects')).toBe(true);
    const diff = exact(await council.diff(id, 1, 2));
    expect(diff.summary).toMatchObject({ added: 1, removed: 0, changed: 0 });
    const text = await council.diffText(id, 1, 'approved');
    expect(text.ok ? text.value : '').toContain('+ P-NEW');

    // Consolidation: the totals grew by the new project's cost in every year.
    const after = exact(await council.consolidation(h.cycleId));
    for (const y of PLAN_YEARS)
      expect(BigInt(after.totals.total[y] ?? '0') - BigInt(before.totals.total[y] ?? '0')).toBe(
        BigInt(NEW_PROJECT_COST),
      );
    const exported = await council.consolidationXlsx(h.cycleId);
    if (!exported.ok) throw new Error(exported.error.code);
    const opened = await readXlsx(exported.value);
    expect(opened.ok && opened.workbook.tables.some((t) => t.name === 'tblCityTotals')).toBe(true);
    expect(exact(await admin.verifyAudit())).toMatchObject({ ok: true });

    // Monitoring: the seeded city's 1405 H1, and its Article 71 report.
    const monitoring = exact(await council.monitoring(h.cycleId, '1405-H1'));
    expect({ year: monitoring.year, period: monitoring.period }).toEqual({
      year: 1405,
      period: 'H1',
    });
    const report71 = await council.monitoringXlsx(h.cycleId, '1405-H1');
    if (!report71.ok) throw new Error(report71.error.code);
    const report = await readXlsx(report71.value);
    expect(report.ok && report.workbook.tables.map((t) => t.name)).toContain('tblReportIncome');
    const notTheirs = await preparer.monitoring(h.cycleId, '1405-H1');
    expect(notTheirs.ok ? null : notTheirs.error.code).toBe('FORBIDDEN');
  });

  it('parses every other answer, and says what went wrong', async () => {
    const { tokens } = h;
    const admin = as(tokens.admin);
    const preparer = as(tokens.preparer);
    expect(exact(await admin.health())).toEqual({ status: 'ok', database: kind });
    expect(exact(await preparer.me()).roles).toEqual(['preparer']);
    expect(exact(await admin.departments()).map((d) => d.code)).toContain('D-CIV');
    expect(exact(await admin.cycles()).map((c) => c.id)).toContain(h.cycleId);
    const cycle = exact(
      await admin.createCycle({
        startYear: 1410,
        title: '1410–1414',
        planningDepartmentCode: 'D-PLN',
      }),
    );
    expect(cycle).toMatchObject({ startYear: 1410, endYear: 1414 });
    const created = exact(
      await admin.createSubmission({
        cycleId: cycle.id,
        departmentCode: 'D-CIV',
        kind: 'department',
        title: 'Civil works 1410',
      }),
    );
    expect(created).toMatchObject({ currentVersion: 0, status: 'draft' });
    expect(verdict(created, 'submit')).toMatchObject({
      allowed: false,
      code: 'INVALID_TRANSITION',
      reason: { en: 'No version has been pushed yet.' },
    });
    const listed = exact(await preparer.submissions({ department: 'D-CIV', status: 'draft' }));
    expect(listed.map((s) => s.id)).toContain(created.id);
    const reference = exact(await preparer.reference(h.cycleId));
    expect(reference.workbook.tables.every((t) => t.name.startsWith('ref_'))).toBe(true);
    const referenceFile = await preparer.referenceXlsx(h.cycleId);
    expect(referenceFile.ok && referenceFile.value.length > 0).toBe(true);

    // Refusals keep the server's code and bilingual message; failures to connect are values.
    const stranger = await as('plan_sample_wrong').me();
    expect(stranger.ok ? null : stranger.error).toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
      message: { en: 'The token is not valid.' },
    });
    const missing = await preparer.submission('no-such-submission');
    expect(missing.ok ? null : missing.error).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    // A port that was free a moment ago: nothing listens there.
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const down = await new RegisterClient(
      { server: `http://127.0.0.1:${closed}`, token: tokens.admin },
      (u, i) => fetch(u, i),
    ).me();
    expect(down.ok ? null : down.error).toMatchObject({
      status: 0,
      code: 'NETWORK',
      cause: 'ECONNREFUSED',
    });
  });

  it('reads who pushed and submitted only to decide four eyes, and refuses that person', async () => {
    // A principal who holds the approver role and pushed the current version of D-TRF's plan
    // (the seed's preparer): the announced verdict on approve is SAME_PERSON.
    const id = await submissionOf(h, 'D-TRF');
    const sub = (await h.test.repos.submissions.get(TENANT, id))!;
    const version = (await h.test.repos.versions.getVersion(TENANT, id, sub.currentVersion))!;
    const deps = {
      repos: h.test.repos,
      config: testConfig(),
      logger: pino({ level: 'silent' }),
      databaseKind: kind,
    };
    const pusher: Principal = {
      tenantId: TENANT,
      userId: version.createdById,
      email: 'x',
      displayName: 'x',
      departmentId: null,
      stakeholderId: null,
      roles: ['approver'],
      via: 'api-token',
    };
    const reviewed = { ...sub, status: 'reviewed' as const };
    const verdicts = await actionsFor(deps, pusher, reviewed);
    expect(verdicts.find((v) => v.action === 'approve')).toMatchObject({
      allowed: false,
      code: 'SAME_PERSON',
    });
    const other = await actionsFor(deps, { ...pusher, userId: 'someone-else' }, reviewed);
    expect(other.find((v) => v.action === 'approve')?.allowed).toBe(true);
  });
});
