/**
 * Issue item 5: the audit log is append-only and tamper-evident, and `plan admin verify`
 * (cli/commands/verify.ts) names any stored row whose bytes were changed.
 * Issue 12 point 4: it also names any state that differs from what the chain says (a
 * version deleted, a status forged, a decision's actor or note changed, a comment rewritten,
 * a role inserted, a revoked token restored), and a tail cut off the chain, against the head
 * anchored outside the database.
 *
 * The tampering is done with SQL behind the register's back (as someone with database
 * access would), one change at a time, undone after each check.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { main } from '../../cli/main';
import { verifyAction, verifyRegister } from '../../cli/commands/verify';
import { createRepositories } from '../../service/src/repositories';
import { fileAuditHeadStore } from '../../service/src/repositories/audit-head';
import { XLSX_TYPE } from '../../service/src/routes';
import type { AuditInput } from '../../service/src/repositories';
import { appendAudit } from '../../service/src/repositories/audit';
import type { Tx } from '../../service/src/repositories/client';
import type { SeededMunicipality } from '../helpers/db';
import { DB_KINDS, seedMunicipality, useTestDatabase } from '../helpers/db';
import type { Harness } from '../service/api-harness';
import { bearer, binary, openHarness, TENANT } from '../service/api-harness';
import { editable, push, variant } from './helpers';

describe.each(DB_KINDS)('audit integrity and plan admin verify (%s)', (kind) => {
  let h: Harness;
  let id: string;
  let xlsxVersion: number;
  /** People of the seeded city: the civil-works preparer and the council member. */
  let preparerId: string;
  let councilId: string;
  /** A comment on the latest version, and a token issued and revoked. */
  let commentId: string;
  let revokedTokenId: string;
  beforeAll(async () => {
    h = await openHarness(kind);
    const plan = await editable(h);
    id = plan.id;
    // One version pushed as JSON (rows only) and one as a file (rows and original bytes).
    expect(
      (await push(h, id, h.tokens.preparer, variant(plan.workbook, 'json'), plan.version)).status,
    ).toBe(201);
    const file = await request(h.app)
      .get(`/api/submissions/${id}/versions/latest?format=xlsx`)
      .set(bearer(h.tokens.preparer))
      .buffer(true)
      .parse(binary);
    const pushed = await request(h.app)
      .post(`/api/submissions/${id}/versions`)
      .set(bearer(h.tokens.preparer))
      .set('If-Match', `"${plan.version + 1}"`)
      .set('Content-Type', XLSX_TYPE)
      .send(file.body as Buffer);
    expect(pushed.status).toBe(201);
    xlsxVersion = pushed.body.version as number;
    const repos = h.test.repos;
    preparerId = (await repos.users.getByEmail(TENANT, `preparer.d-civ@${TENANT}.example`))!.id;
    councilId = (await repos.users.getByEmail(TENANT, `council@${TENANT}.example`))!.id;
    const comment = await repos.comments.add(TENANT, {
      submissionId: id,
      version: xlsxVersion,
      tableName: 'tblProjects',
      rowKey: 'P-001',
      authorId: councilId,
      body: 'هزینه سال ۱۴۰۶ را توضیح دهید',
    });
    if (!comment.ok) throw new Error(comment.reason);
    commentId = comment.comment.id;
    const issued = await repos.tokens.issue(
      TENANT,
      { userId: preparerId, name: 'old laptop' },
      null,
    );
    if (!issued.ok) throw new Error(issued.reason);
    revokedTokenId = issued.token.id;
    const revoked = await repos.tokens.revoke(TENANT, revokedTokenId, null);
    if (!revoked.ok) throw new Error(revoked.reason);
  });
  afterAll(async () => {
    await h.close();
  });

  /**
   * Changes one stored value with SQL, runs verify, and puts the value back (read as text
   * first, written back from the text).
   */
  async function tampered(
    table: string,
    column: string,
    where: string,
    changed: string,
    asText: string,
    fromText: string,
  ) {
    const db = h.test.db.prisma;
    const [before] = await db.$queryRawUnsafe<{ v: string }[]>(
      `SELECT ${asText} AS v FROM ${table} WHERE ${where}`,
    );
    if (before === undefined) throw new Error(`no row in ${table} where ${where}`);
    expect(
      await db.$executeRawUnsafe(`UPDATE ${table} SET ${column} = ${changed} WHERE ${where}`),
    ).toBe(1);
    try {
      return await verifyRegister(h.test.repos, TENANT);
    } finally {
      await db.$executeRawUnsafe(
        `UPDATE ${table} SET ${column} = ${fromText} WHERE ${where}`,
        before.v,
      );
    }
  }

  const version = () =>
    `tenant_id = '${TENANT}' AND submission_id = '${id}' AND version = ${xlsxVersion}`;

  /** Runs SQL statements, verifies, and runs the statements that undo them. */
  async function tamperedBy(change: string[], undo: string[]) {
    const db = h.test.db.prisma;
    for (const sql of change) await db.$executeRawUnsafe(sql);
    try {
      return await verifyRegister(h.test.repos, TENANT);
    } finally {
      for (const sql of undo) await db.$executeRawUnsafe(sql);
    }
  }

  /** Statements that set rows aside in a kept table and delete them, and put them back. */
  function removed(table: string, where: string) {
    const kept = `tamper_kept_${table}`;
    return {
      change: [
        `CREATE TABLE ${kept} AS SELECT * FROM ${table} WHERE ${where}`,
        `DELETE FROM ${table} WHERE ${where}`,
      ],
      undo: [`INSERT INTO ${table} SELECT * FROM ${kept}`, `DROP TABLE ${kept}`],
    };
  }

  /** Several `removed`: deleted in the order given, put back in the reverse order. */
  function removedAll(...parts: { change: string[]; undo: string[] }[]) {
    return {
      change: parts.flatMap((p) => p.change),
      undo: [...parts].reverse().flatMap((p) => p.undo),
    };
  }

  const OF_TENANT = `tenant_id = '${TENANT}'`;

  it('verifies the untouched register', async () => {
    const report = await verifyRegister(h.test.repos, TENANT);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.versions).toBeGreaterThan(2);
    const answer = await verifyAction(h.test.repos, TENANT);
    expect('text' in answer && answer.text).toMatch(/^ok: /);
  });

  it('names the version whose stored row changed', async () => {
    const report = await tampered(
      'version_row',
      'data',
      `${version()} AND table_name = 'tblProjects' AND row_index = 0`,
      `jsonb_set(data, '{Title}', '"changed"')`,
      'data::text',
      '$1::jsonb',
    );
    expect(report.problems).toEqual([
      {
        table: 'submission_version',
        row: `submission ${id} version ${xlsxVersion}`,
        reason: 'rows-hash-mismatch',
      },
    ]);
  });

  it('names the version whose plan row (the canonical form figures come from) changed', async () => {
    const report = await tampered(
      'version_plan_row',
      'data',
      `${version()} AND table_name = 'tblProjects' AND row_index = 0`,
      `jsonb_set(data, '{1405}', '"1"')`,
      'data::text',
      '$1::jsonb',
    );
    expect(report.problems).toEqual([
      {
        table: 'submission_version',
        row: `submission ${id} version ${xlsxVersion}`,
        reason: 'plan-hash-mismatch',
      },
    ]);
  });

  it('names the version whose plan form changed (its plan would be derived again from its cells)', async () => {
    const report = await tampered(
      'submission_version',
      'plan_form',
      version(),
      'NULL',
      'plan_form::text',
      '$1::int',
    );
    expect(report.problems).toEqual([
      {
        table: 'submission_version',
        row: `submission ${id} version ${xlsxVersion}`,
        reason: 'audit-entry-mismatch',
      },
    ]);
  });

  it('names the version whose original file changed by one byte', async () => {
    const report = await tampered(
      'submission_version',
      'xlsx',
      version(),
      `overlay(xlsx placing '\\x00'::bytea from 100 for 1)`,
      `encode(xlsx, 'hex')`,
      `decode($1, 'hex')`,
    );
    expect(report.problems).toEqual([
      {
        table: 'submission_version',
        row: `submission ${id} version ${xlsxVersion}`,
        reason: 'xlsx-hash-mismatch',
      },
    ]);
  });

  it('names the version whose recorded base version changed', async () => {
    const report = await tampered(
      'submission_version',
      'base_version',
      version(),
      'base_version + 1',
      'base_version::text',
      '$1::int',
    );
    expect(report.problems).toEqual([
      {
        table: 'submission_version',
        row: `submission ${id} version ${xlsxVersion}`,
        reason: 'audit-entry-mismatch',
      },
    ]);
  });

  it('names the version whose money total changed', async () => {
    const [total] = await h.test.db.prisma.$queryRawUnsafe<{ measure: string; year: number }[]>(
      `SELECT measure, year FROM version_total WHERE ${version()} ORDER BY measure, year LIMIT 1`,
    );
    if (total === undefined) throw new Error('the pushed version has no totals');
    const report = await tampered(
      'version_total',
      'amount',
      `${version()} AND measure = '${total.measure}' AND year = ${total.year}`,
      'amount + 1',
      'amount::text',
      '$1::numeric',
    );
    expect(report.problems).toEqual([
      {
        table: 'submission_version',
        row: `submission ${id} version ${xlsxVersion}`,
        reason: 'audit-entry-mismatch',
      },
    ]);
  });

  it('names the version whose validation report changed', async () => {
    const report = await tampered(
      'submission_version',
      'validation',
      version(),
      `'{"findings": []}'::jsonb`,
      'validation::text',
      '$1::jsonb',
    );
    expect(report.problems).toEqual([
      {
        table: 'submission_version',
        row: `submission ${id} version ${xlsxVersion}`,
        reason: 'audit-entry-mismatch',
      },
    ]);
  });

  it('names the audit entry that changed, and the version it no longer matches', async () => {
    const [entry] = await h.test.db.prisma.$queryRawUnsafe<{ seq: bigint }[]>(
      `SELECT seq FROM audit_entry WHERE tenant_id = '${TENANT}' AND action = 'version.create' AND data->>'version' = '${xlsxVersion}'`,
    );
    const seq = entry!.seq.toString();
    const report = await tampered(
      'audit_entry',
      'data',
      `tenant_id = '${TENANT}' AND seq = ${seq}`,
      `jsonb_set(data, '{tablesSha256}', '"${'0'.repeat(64)}"')`,
      'data::text',
      '$1::jsonb',
    );
    expect(report.problems).toEqual([
      { table: 'audit_entry', row: `seq ${seq}`, reason: 'hash-mismatch' },
      {
        table: 'submission_version',
        row: `submission ${id} version ${xlsxVersion}`,
        reason: 'audit-entry-mismatch',
      },
    ]);
  });

  it('names the version deleted whole while its version.create entry remains', async () => {
    // The version pushed as JSON, one before the latest: nothing else points at it.
    const deleted = xlsxVersion - 1;
    const where = `${OF_TENANT} AND submission_id = '${id}' AND version = ${deleted}`;
    const { change, undo } = removedAll(
      removed('version_total', where),
      removed('version_plan_row', where),
      removed('version_row', where),
      removed('submission_version', where),
    );
    const report = await tamperedBy(change, undo);
    expect(report.problems).toEqual([
      {
        table: 'submission_version',
        row: `submission ${id} version ${deleted}`,
        reason: 'missing',
      },
    ]);
  });

  it("names the submission whose status was forged (not its last audited transition's)", async () => {
    // After the two pushes the plan is a draft; the forged status says it was approved.
    const report = await tampered(
      'submission',
      'status',
      `${OF_TENANT} AND id = '${id}'`,
      `'approved'`,
      'status',
      '$1',
    );
    expect(report.problems).toEqual([
      {
        table: 'submission',
        row: `submission ${id}`,
        reason: 'state-mismatch',
        columns: ['status'],
      },
    ]);
  });

  /** The seeded approval of the civil-works plan (before the reopen of `editable`). */
  async function approval(): Promise<string> {
    const [event] = await h.test.db.prisma.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id FROM workflow_event WHERE ${OF_TENANT} AND submission_id = '${id}' AND action = 'approve'`,
    );
    if (event === undefined) throw new Error('the seeded plan has no approval');
    return event.id;
  }

  it('names the approval whose actor was changed', async () => {
    const eventId = await approval();
    const report = await tampered(
      'workflow_event',
      'actor_id',
      `${OF_TENANT} AND id = '${eventId}'`,
      `'${councilId}'`,
      'actor_id',
      '$1',
    );
    expect(report.problems).toEqual([
      {
        table: 'workflow_event',
        row: `workflow_event ${eventId}`,
        reason: 'state-mismatch',
        columns: ['actor_id'],
      },
    ]);
  });

  it('names the approval whose note was changed', async () => {
    const eventId = await approval();
    const report = await tampered(
      'workflow_event',
      'note',
      `${OF_TENANT} AND id = '${eventId}'`,
      `'approved after the council vote'`,
      'note',
      '$1',
    );
    expect(report.problems).toEqual([
      {
        table: 'workflow_event',
        row: `workflow_event ${eventId}`,
        reason: 'state-mismatch',
        columns: ['note'],
      },
    ]);
  });

  it('names the comment whose body was rewritten', async () => {
    const report = await tampered(
      'comment',
      'body',
      `${OF_TENANT} AND id = '${commentId}'`,
      `'هزینه‌ها درست است'`,
      'body',
      '$1',
    );
    expect(report.problems).toEqual([
      {
        table: 'comment',
        row: `comment ${commentId}`,
        reason: 'state-mismatch',
        columns: ['body'],
      },
    ]);
  });

  it('names the admin role inserted straight into user_role', async () => {
    const key = `${OF_TENANT} AND user_id = '${preparerId}' AND role = 'admin'`;
    const report = await tamperedBy(
      [
        `INSERT INTO user_role (tenant_id, user_id, role) VALUES ('${TENANT}', '${preparerId}', 'admin')`,
      ],
      [`DELETE FROM user_role WHERE ${key}`],
    );
    expect(report.problems).toEqual([
      { table: 'user_role', row: `user ${preparerId} role admin`, reason: 'not-audited' },
    ]);
  });

  it('names the revoked token made usable again', async () => {
    const where = `${OF_TENANT} AND id = '${revokedTokenId}'`;
    const [before] = await h.test.db.prisma.$queryRawUnsafe<{ at: string }[]>(
      `SELECT revoked_at::text AS at FROM api_token WHERE ${where}`,
    );
    const report = await tamperedBy(
      [`UPDATE api_token SET revoked = false, revoked_at = NULL WHERE ${where}`],
      [
        `UPDATE api_token SET revoked = true, revoked_at = '${before!.at}'::timestamp WHERE ${where}`,
      ],
    );
    expect(report.problems).toEqual([
      {
        table: 'api_token',
        row: `api_token ${revokedTokenId}`,
        reason: 'state-mismatch',
        columns: ['revoked', 'revoked_at'],
      },
    ]);
  });

  describe('the head anchored outside the database', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'plan-audit-head-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    /** Repositories that anchor each head they append in `dir`. */
    const anchored = () =>
      createRepositories(h.test.db.prisma, {
        reader: h.test.db.reader,
        auditHead: fileAuditHeadStore(dir),
      });

    it('names a tenant whose head is not anchored', async () => {
      const report = await verifyRegister(anchored(), TENANT);
      expect(report.problems).toEqual([
        { table: 'audit_entry', row: 'head', reason: 'head-not-anchored' },
      ]);
    });

    it('keeps the key and the head in files only their owner reads', async () => {
      const repos = anchored();
      const added = await repos.comments.add(TENANT, {
        submissionId: id,
        authorId: councilId,
        body: 'نخستین سخن پس از لنگر',
      });
      expect(added.ok).toBe(true);
      expect((await verifyRegister(repos, TENANT)).problems).toEqual([]);
      const [key, head] = [
        path.join(dir, 'audit-head.key'),
        path.join(dir, 'audit-head', `${TENANT}.json`),
      ];
      expect(statSync(key).mode & 0o777).toBe(0o600);
      expect(statSync(head).mode & 0o777).toBe(0o600);
    });

    it('detects the tail of the chain cut off, which the chain and the state alone cannot show', async () => {
      const repos = anchored();
      const added = await repos.comments.add(TENANT, {
        submissionId: id,
        authorId: councilId,
        body: 'سخن آخر',
      });
      if (!added.ok) throw new Error(added.reason);
      const [entry] = await h.test.db.prisma.$queryRawUnsafe<{ seq: bigint }[]>(
        `SELECT seq FROM audit_entry WHERE ${OF_TENANT} AND action = 'comment.add' AND data->>'commentId' = '${added.comment.id}'`,
      );
      const seq = entry!.seq.toString();
      // The last entry and the comment it records, removed together: what is left agrees.
      const { change, undo } = removedAll(
        removed('comment', `${OF_TENANT} AND id = '${added.comment.id}'`),
        removed('audit_entry', `${OF_TENANT} AND seq = ${seq}`),
      );
      const db = h.test.db.prisma;
      for (const sql of change) await db.$executeRawUnsafe(sql);
      try {
        expect((await verifyRegister(h.test.repos, TENANT)).problems).toEqual([]);
        expect((await verifyRegister(repos, TENANT)).problems).toEqual([
          { table: 'audit_entry', row: `seq ${seq}`, reason: 'anchored-head-missing' },
        ]);
      } finally {
        for (const sql of undo) await db.$executeRawUnsafe(sql);
      }
      expect((await verifyRegister(repos, TENANT)).problems).toEqual([]);
    });

    it('names a head whose signature does not fit (changed in the file)', async () => {
      const file = path.join(dir, 'audit-head', `${TENANT}.json`);
      const before = readFileSync(file, 'utf8');
      const head = JSON.parse(before) as { seq: string };
      writeFileSync(
        file,
        before.replace(`"seq":"${head.seq}"`, `"seq":"${BigInt(head.seq) - 1n}"`),
      );
      try {
        expect((await verifyRegister(anchored(), TENANT)).problems).toEqual([
          { table: 'audit_entry', row: 'head', reason: 'head-signature-mismatch' },
        ]);
      } finally {
        writeFileSync(file, before);
      }
    });
  });

  /** `plan admin verify` itself, on the database (PostgreSQL: an in-memory PGlite is this process's). */
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'plan-verify-root-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  async function cli(...extra: string[]): Promise<{ code: number; out: string }> {
    let out = '';
    const write = (t: string) => (out += t);
    const code = await main(
      [
        'admin',
        'verify',
        '--database-url',
        h.test.scratch.url!,
        '--data-root',
        root,
        '--tenant',
        TENANT,
        '--lang',
        'en',
        ...extra,
      ],
      { cwd: process.cwd(), env: {}, stdout: { write }, stderr: { write } },
    );
    return { code, out };
  }

  if (kind !== 'pglite')
    it('makes `plan admin verify` name the changed row and exit non-zero', async () => {
      // This data root holds no head yet (the harness anchors none): named, until anchored.
      const unanchored = await cli();
      expect(unanchored.code).not.toBe(0);
      expect(unanchored.out).toContain('audit_entry head: head-not-anchored');
      expect(await cli('--anchor-head')).toMatchObject({
        code: 0,
        out: expect.stringMatching(/^ok: .*head anchored at seq \d+/),
      });
      expect(await cli()).toMatchObject({ code: 0, out: expect.stringMatching(/^ok: /) });
      const db = h.test.db.prisma;
      const where = `tenant_id = '${TENANT}' AND submission_id = '${id}' AND version = ${xlsxVersion} AND table_name = 'tblProjects' AND row_index = 0`;
      const [before] = await db.$queryRawUnsafe<{ v: string }[]>(
        `SELECT data::text AS v FROM version_row WHERE ${where}`,
      );
      await db.$executeRawUnsafe(
        `UPDATE version_row SET data = jsonb_set(data, '{Title}', '"changed"') WHERE ${where}`,
      );
      try {
        const run = await cli();
        expect(run.code).not.toBe(0);
        expect(run.out).toContain(
          `submission_version submission ${id} version ${xlsxVersion}: rows-hash-mismatch`,
        );
      } finally {
        await db.$executeRawUnsafe(
          `UPDATE version_row SET data = $1::jsonb WHERE ${where}`,
          before!.v,
        );
      }
    });

  it('is clean again once every change is undone', async () => {
    expect((await verifyRegister(h.test.repos, TENANT)).ok).toBe(true);
  });
});

/**
 * Chains written before entries recorded a comment's body hash, a token's name and hash
 * digest, a department's kind, a user's display name and a cycle's planning department keep
 * verifying (the hash rule is unchanged; verify compares what an entry records).
 */
describe.each(DB_KINDS)('verify on a chain of older entries (%s)', (kind) => {
  const database = useTestDatabase(kind);
  const T = 'legacy';
  let seeded: SeededMunicipality;
  let commentId: string;

  beforeAll(async () => {
    const { db, repos } = database();
    seeded = await seedMunicipality(repos, T);
    const prisma = db.prisma;
    /** One change and its entry as the register wrote them before, in one transaction. */
    const older = (work: (tx: Tx, at: Date) => Promise<AuditInput>) =>
      prisma.$transaction(async (tx) => {
        const at = new Date();
        await appendAudit(tx, T, await work(tx, at), at);
      });
    await older(async (tx, at) => {
      const d = await tx.department.create({
        data: { tenantId: T, code: 'D3', name: 'District 3', kind: 'district', createdAt: at },
      });
      return {
        actorId: null,
        action: 'department.create',
        entity: 'department',
        entityId: d.id,
        data: { code: d.code, name: d.name },
      };
    });
    await older(async (tx, at) => {
      const u = await tx.user.create({
        data: {
          tenantId: T,
          email: 'old@legacy',
          displayName: 'An older colleague',
          departmentId: seeded.departmentId,
          createdAt: at,
          roles: { create: [{ role: 'council' }] },
        },
      });
      return {
        actorId: null,
        action: 'user.create',
        entity: 'user',
        entityId: u.id,
        data: { email: u.email, departmentId: u.departmentId, roles: ['council'] },
      };
    });
    await older(async (tx, at) => {
      const t = await tx.apiToken.create({
        data: {
          tenantId: T,
          userId: seeded.reviewerId,
          name: 'laptop',
          prefix: 'plan_legacy_abcdef',
          tokenHash: 'f'.repeat(64),
          createdAt: at,
        },
      });
      return {
        actorId: null,
        action: 'token.issue',
        entity: 'api_token',
        entityId: t.id,
        data: { userId: t.userId, prefix: t.prefix, expiresAt: null },
      };
    });
    await older(async (tx, at) => {
      // Its planning department named later by the migration that added the column.
      const c = await tx.planCycle.create({
        data: {
          tenantId: T,
          startYear: 1410,
          endYear: 1414,
          title: '1410–1414',
          planningDepartmentId: seeded.departmentId,
          createdAt: at,
        },
      });
      return {
        actorId: seeded.approverId,
        action: 'cycle.create',
        entity: 'plan_cycle',
        entityId: c.id,
        data: { startYear: c.startYear, endYear: c.endYear, title: c.title },
      };
    });
    await older(async (tx, at) => {
      const c = await tx.comment.create({
        data: {
          tenantId: T,
          submissionId: seeded.submissionId,
          authorId: seeded.reviewerId,
          body: 'یادداشت پیشین',
          createdAt: at,
        },
      });
      commentId = c.id;
      return {
        actorId: seeded.reviewerId,
        action: 'comment.add',
        entity: 'submission',
        entityId: c.submissionId,
        data: {
          commentId: c.id,
          version: null,
          tableName: null,
          rowKey: null,
          columnKey: null,
        },
      };
    });
  });

  it('verifies, each older entry compared with what it records', async () => {
    const report = await verifyRegister(database().repos, T);
    expect(report.problems).toEqual([]);
    expect(report.tables).toContain('comment');
  });

  it("still names an older comment's author changed, though not its body (the entry has no hash of it)", async () => {
    const prisma = database().db.prisma;
    const where = `tenant_id = '${T}' AND id = '${commentId}'`;
    await prisma.$executeRawUnsafe(`UPDATE comment SET body = 'بازنوشته' WHERE ${where}`);
    try {
      expect((await verifyRegister(database().repos, T)).problems).toEqual([]);
      await prisma.$executeRawUnsafe(
        `UPDATE comment SET author_id = '${seeded.approverId}' WHERE ${where}`,
      );
      expect((await verifyRegister(database().repos, T)).problems).toEqual([
        {
          table: 'comment',
          row: `comment ${commentId}`,
          reason: 'state-mismatch',
          columns: ['author_id'],
        },
      ]);
    } finally {
      await prisma.$executeRawUnsafe(
        `UPDATE comment SET body = 'یادداشت پیشین', author_id = '${seeded.reviewerId}' WHERE ${where}`,
      );
    }
    expect((await verifyRegister(database().repos, T)).ok).toBe(true);
  });
});
