/**
 * Issue item 5: the audit log is append-only and tamper-evident, and `plan admin verify`
 * (cli/commands/verify.ts) names any stored row whose bytes were changed.
 *
 * The tampering is done with SQL behind the register's back (as someone with database
 * access would), one change at a time, undone after each check.
 */
import request from 'supertest';
import { main } from '../../cli/main';
import { verifyAction, verifyRegister } from '../../cli/commands/verify';
import { XLSX_TYPE } from '../../service/src/routes';
import { DB_KINDS } from '../helpers/db';
import type { Harness } from '../service/api-harness';
import { bearer, binary, openHarness, TENANT } from '../service/api-harness';
import { editable, push, variant } from './helpers';

describe.each(DB_KINDS)('audit integrity and plan admin verify (%s)', (kind) => {
  let h: Harness;
  let id: string;
  let xlsxVersion: number;
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

  /** `plan admin verify` itself, on the database (PostgreSQL: an in-memory PGlite is this process's). */
  async function cli(): Promise<{ code: number; out: string }> {
    let out = '';
    const write = (t: string) => (out += t);
    const code = await main(
      [
        'admin',
        'verify',
        '--database-url',
        h.test.scratch.url!,
        '--tenant',
        TENANT,
        '--lang',
        'en',
      ],
      { cwd: process.cwd(), env: {}, stdout: { write }, stderr: { write } },
    );
    return { code, out };
  }

  if (kind === 'postgres')
    it('makes `plan admin verify` name the changed row and exit non-zero', async () => {
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
