/**
 * A register for API tests: a fresh database (PGlite or PostgreSQL, tests/helpers/db.ts),
 * seeded with the sample city, the express app over it, and API tokens for the people of the
 * story (the civil-works preparer, a reviewer, an approver, the council, the admin).
 */
import pino from 'pino';
import request from 'supertest';
import type { Response } from 'supertest';
import type { Express } from 'express';
import { createApp } from '../../service/src/app';
import type { AppOptions } from '../../service/src/app';
import type { Config } from '../../service/src/config';
import { testConfig } from '../../service/src/config';
import { FRAMEWORK_DEPARTMENT, seedSample } from '../../service/src/handlers/seed';
import type { DbKind, TestDatabase } from '../helpers/db';
import { openTestDatabase } from '../helpers/db';
import { openSeededDatabase } from '../helpers/seeded';
import { getTableSpec } from '#core';

/** The tenant the tests seed. */
export const TENANT = 'sample';

/** An open register. */
export interface Harness {
  app: Express;
  test: TestDatabase;
  tokens: Record<
    'admin' | 'preparer' | 'otherPreparer' | 'reviewer' | 'approver' | 'council',
    string
  >;
  cycleId: string;
  close(): Promise<void>;
}

/** Opens a seeded register on a database kind. */
export async function openHarness(
  kind: DbKind,
  config: Partial<Config> = {},
  extra: Partial<AppOptions> = {},
  seed: { monitoring?: boolean; tokenDir?: string } = {},
): Promise<Harness> {
  const logger = pino({ level: process.env.PLAN_TEST_LOG ?? 'silent' });
  const cfg = testConfig(config);
  // The departments' monitoring only where a test reads it (it takes most of the seed's time).
  const monitoring = seed.monitoring === true;
  const sampleSeed = async (t: TestDatabase) => {
    const seeded = await seedSample(
      { repos: t.repos, config: cfg, logger, databaseKind: kind },
      {
        tenantId: TENANT,
        // A folder: the seed writes the admin token and the local accounts' passwords there.
        tokenDir: seed.tokenDir ?? null,
        monitoring,
      },
    );
    if (seeded === null) throw new Error('the fresh database was not empty');
    return { adminToken: seeded.adminToken };
  };
  // Seeded once per run and copied (tests/helpers/seeded.ts), unless the seed writes files.
  const { test, meta } =
    seed.tokenDir === undefined
      ? await openSeededDatabase(kind, monitoring ? 'sample-monitoring' : 'sample', sampleSeed)
      : await (async () => {
          const t = await openTestDatabase(kind);
          return { test: t, meta: await sampleSeed(t) };
        })();
  const tokenOf = async (email: string) => {
    const user = await test.repos.users.getByEmail(TENANT, email);
    if (user === null) throw new Error(`no user ${email}`);
    const issued = await test.repos.tokens.issue(TENANT, { userId: user.id, name: 'test' }, null);
    if (!issued.ok) throw new Error(issued.reason);
    return issued.secret;
  };
  const tokens = {
    admin: meta.adminToken,
    preparer: await tokenOf(`preparer.d-civ@${TENANT}.example`),
    otherPreparer: await tokenOf(`preparer.d-trf@${TENANT}.example`),
    reviewer: await tokenOf(`reviewer@${TENANT}.example`),
    approver: await tokenOf(`approver@${TENANT}.example`),
    council: await tokenOf(`council@${TENANT}.example`),
  };
  const [cycle] = await test.repos.cycles.list(TENANT);
  if (cycle === undefined) throw new Error('no cycle');
  const app = createApp({ repos: test.repos, config: cfg, databaseKind: kind, logger, ...extra });
  return { app, test, tokens, cycleId: cycle.id, close: () => test.close() };
}

/** Collects a binary response body (supertest buffers only text by default): `.parse(binary)`. */
export const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

/** A bearer header. */
export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** The submission of a department's workbook kind in the seeded cycle. */
export async function submissionOf(h: Harness, code: string, kind = 'department'): Promise<string> {
  const res: Response = await request(h.app)
    .get(`/api/submissions?cycleId=${h.cycleId}&department=${code}&kind=${kind}`)
    .set(bearer(h.tokens.admin));
  const id = (res.body as { id: string }[])[0]?.id;
  if (id === undefined) throw new Error(`no ${kind} submission for ${code}`);
  return id;
}

type Tables = { name: string; header: string[]; rows: (string | number | boolean | null)[][] }[];

/**
 * A revision of the seeded framework's commitments: the approver reopens the framework, the
 * planning department's preparer (`planner`, a token) edits one cell of a `tblCommitments` row
 * and pushes, the submission is submitted, reviewed and approved (which makes the next
 * snapshot), and the approver sends that snapshot to the council. Returns its id.
 */
export async function reviseCommitment(
  h: Harness,
  planner: string,
  id: string,
  column: 'Text' | 'Amount',
  value: string | number,
): Promise<string> {
  const sub = await submissionOf(h, FRAMEWORK_DEPARTMENT, 'framework');
  const step = async (token: string, action: string) => {
    const res = await request(h.app)
      .post(`/api/submissions/${sub}/transitions`)
      .set(bearer(token))
      .send({ action, note: 'بازنگری' });
    if (res.status !== 200) throw new Error(`${action}: ${JSON.stringify(res.body).slice(0, 500)}`);
  };
  await step(h.tokens.approver, 'reopen');
  const pulled = await request(h.app)
    .get(`/api/submissions/${sub}/versions/latest`)
    .set(bearer(planner));
  if (pulled.status !== 200) throw new Error(`pull: ${pulled.status}`);
  const tables = pulled.body.workbook.tables as Tables;
  const t = tables.find((x) => x.name === 'tblCommitments');
  if (t === undefined) throw new Error('no tblCommitments');
  const spec = getTableSpec('tblCommitments');
  const at = (key: string) => {
    const caption = spec.columns.find((c) => c.key === key);
    return t.header.findIndex((x) => x === key || x === caption?.fa || x === caption?.en);
  };
  const row = t.rows.find((r) => r[at('CommitmentId')] === id);
  if (row === undefined) throw new Error(`no ${id}`);
  row[at(column)] = value;
  const pushed = await request(h.app)
    .post(`/api/submissions/${sub}/versions`)
    .set(bearer(planner))
    .set('If-Match', `"${pulled.body.version}"`)
    .send({ tables });
  if (pushed.status !== 201) throw new Error(JSON.stringify(pushed.body).slice(0, 1500));
  await step(planner, 'submit');
  await step(h.tokens.reviewer, 'review');
  await step(h.tokens.approver, 'approve');
  // The approval made the next snapshot; the planning office sends it to the council.
  const list = await request(h.app)
    .get(`/api/cycles/${h.cycleId}/snapshots`)
    .set(bearer(h.tokens.approver));
  const newest = (list.body as { id: string; status: string }[]).at(-1);
  if (newest?.status !== 'made') throw new Error(`no new snapshot: ${newest?.status}`);
  const sent = await request(h.app)
    .post(`/api/snapshots/${newest.id}/transitions`)
    .set(bearer(h.tokens.approver))
    .send({ action: 'send-to-council' });
  if (sent.status !== 200) throw new Error(`send-to-council: ${sent.status}`);
  return newest.id;
}

/**
 * A new approved version of D-CIV with part of its first project's cost moved between 1406
 * and 1405 (`direction` 1) or back (−1), the total kept so the workbook stays valid: a
 * revision whose approval makes the cycle's next snapshot possible. `amount` (Rials) is the
 * part moved; by default a tenth of the project's 1406 cost.
 */
export async function reviseCivilWorks(
  h: Harness,
  direction: 1 | -1,
  amount?: number,
): Promise<{ id: string; version: number; projectId: string; moved: number }> {
  const id = await submissionOf(h, 'D-CIV');
  const { app, tokens } = h;
  const step = (token: string, action: string) =>
    request(app)
      .post(`/api/submissions/${id}/transitions`)
      .set(bearer(token))
      .send({ action, note: 'بازنگری' });
  expect((await step(tokens.approver, 'reopen')).status).toBe(200);
  const pulled = await request(app)
    .get(`/api/submissions/${id}/versions/latest`)
    .set(bearer(tokens.preparer));
  expect(pulled.status).toBe(200);
  const tables = pulled.body.workbook.tables as {
    name: string;
    header: string[];
    rows: (string | number | boolean | null)[][];
  }[];
  const projects = tables.find((t) => t.name === 'tblProjects');
  const col = (y: string) => projects?.header.findIndex((c) => String(c) === y) ?? -1;
  const [y5, y6] = [col('1405'), col('1406')];
  expect(Math.min(y5, y6)).toBeGreaterThan(-1);
  const row = projects!.rows[0]!;
  const projectId = String(row[projects!.header.indexOf('ProjectId')]);
  const moved = amount ?? Math.floor(Number(row[y6] ?? 0) / 10);
  row[y5] = Number(row[y5] ?? 0) + direction * moved;
  row[y6] = Number(row[y6] ?? 0) - direction * moved;
  const pushed = await request(app)
    .post(`/api/submissions/${id}/versions`)
    .set(bearer(tokens.preparer))
    .set('If-Match', `"${pulled.body.version}"`)
    .send({ tables });
  if (pushed.status !== 201) throw new Error(JSON.stringify(pushed.body).slice(0, 1500));
  expect((await step(tokens.preparer, 'submit')).status).toBe(200);
  expect((await step(tokens.reviewer, 'review')).status).toBe(200);
  expect((await step(tokens.approver, 'approve')).status).toBe(200);
  return { id, version: pushed.body.version as number, projectId, moved };
}
