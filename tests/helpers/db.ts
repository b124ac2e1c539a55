/**
 * Fresh databases for tests, on both kinds the register runs on:
 * - `pglite`: an in-memory PGlite (or a data folder under the OS temp folder);
 * - `postgres`: a new database `plan_test_<random>` on the local PostgreSQL server
 *   (toolchain.md: 127.0.0.1:5432, trust auth), dropped afterwards.
 *
 * The server is reached through `PLAN_TEST_PG_URL` (default
 * `postgresql://postgres@127.0.0.1:5432/postgres`, an administrative database used only to
 * create and drop the test databases).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { Database, OpenDatabaseOptions } from '../../service/src/db';
import { MEMORY_DATA_DIR, openDatabase } from '../../service/src/db';
import type { Repositories } from '../../service/src/repositories';
import { createRepositories } from '../../service/src/repositories';

/** The two databases the register supports. */
export type DbKind = 'pglite' | 'postgres';

/** Both kinds, for `describe.each(DB_KINDS)`. */
export const DB_KINDS: readonly DbKind[] = ['pglite', 'postgres'];

/** Administrative URL of the test PostgreSQL server. */
export const ADMIN_URL =
  process.env.PLAN_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/** Where a scratch database is, and how to get rid of it. */
export interface ScratchDatabase {
  kind: DbKind;
  /** What to pass to `openDatabase` (with a temp folder for PGlite when `persistent`). */
  options: OpenDatabaseOptions;
  /** For PostgreSQL: the URL; for PGlite: undefined. */
  url?: string;
  /** Drops the PostgreSQL database / removes the PGlite folder. */
  drop(): Promise<void>;
}

async function withAdmin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ADMIN_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `The PostgreSQL test server at ${ADMIN_URL} is not reachable (set PLAN_TEST_PG_URL, or ` +
        `start it as toolchain.md says): ${(error as Error).message}`,
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A new empty database of a kind. PGlite is in memory unless `persistent` (then a fresh temp
 * data folder); PostgreSQL is a new database on the test server.
 */
export async function createScratchDatabase(
  kind: DbKind,
  options: { persistent?: boolean } = {},
): Promise<ScratchDatabase> {
  if (kind === 'pglite') {
    if (options.persistent !== true)
      return { kind, options: { dataDir: MEMORY_DATA_DIR }, drop: async () => undefined };
    const parent = mkdtempSync(path.join(os.tmpdir(), 'plan-pglite-'));
    return {
      kind,
      options: { dataDir: path.join(parent, 'data') },
      drop: async () => rmSync(parent, { recursive: true, force: true }),
    };
  }
  const name = `plan_test_${randomBytes(6).toString('hex')}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    kind,
    url: url.toString(),
    options: { url: url.toString() },
    drop: () =>
      withAdmin(async (admin) => {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }),
  };
}

/** An open test database with repositories over it. */
export interface TestDatabase {
  db: Database;
  repos: Repositories;
  scratch: ScratchDatabase;
  /** Closes the database and drops it. */
  close(): Promise<void>;
}

/** Creates, migrates and opens a fresh database of a kind. */
export async function openTestDatabase(
  kind: DbKind,
  options: { now?: () => Date } = {},
): Promise<TestDatabase> {
  const scratch = await createScratchDatabase(kind);
  const db = await openDatabase(scratch.options);
  return {
    db,
    repos: createRepositories(db.prisma, { ...options, reader: db.reader }),
    scratch,
    close: async () => {
      await db.close();
      await scratch.drop();
    },
  };
}

/**
 * Gives the calling `describe` block its own fresh database of a kind: opened in `beforeAll`,
 * closed and dropped in `afterAll`. Returns a getter (the database exists only once the
 * hooks have run).
 */
export function useTestDatabase(kind: DbKind): () => TestDatabase {
  let current: TestDatabase | undefined;
  beforeAll(async () => {
    current = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await current?.close();
    current = undefined;
  });
  return () => {
    if (current === undefined) throw new Error('the test database is opened in beforeAll');
    return current;
  };
}

/** What `seedMunicipality` creates. */
export interface SeededMunicipality {
  tenantId: string;
  departmentId: string;
  preparerId: string;
  reviewerId: string;
  approverId: string;
  cycleId: string;
  submissionId: string;
}

/**
 * A municipality as the story of the tests needs it: the Urban Services department
 * (`URB`), a preparer, a reviewer and an approver, the 1405–1409 cycle, and the department's
 * plan workbook as a submission without versions yet.
 */
export async function seedMunicipality(
  repos: Repositories,
  tenantId: string,
): Promise<SeededMunicipality> {
  const must = <T>(result: ({ ok: true } & T) | { ok: false; reason: string }): T => {
    if (!result.ok) throw new Error(`seeding ${tenantId}: ${result.reason}`);
    return result;
  };
  must(await repos.tenants.create({ id: tenantId, name: `Municipality of ${tenantId}` }, null));
  const { department } = must(
    await repos.departments.create(tenantId, { code: 'URB', name: 'Urban Services' }, null),
  );
  const user = async (email: string, role: 'preparer' | 'reviewer' | 'approver') =>
    must(
      await repos.users.create(
        tenantId,
        { email, displayName: email, departmentId: department.id, roles: [role] },
        null,
      ),
    ).user.id;
  const preparerId = await user(`preparer@${tenantId}`, 'preparer');
  const reviewerId = await user(`reviewer@${tenantId}`, 'reviewer');
  const approverId = await user(`approver@${tenantId}`, 'approver');
  const { cycle } = must(
    await repos.cycles.create(
      tenantId,
      { startYear: 1405, title: '1405–1409', planningDepartmentId: department.id },
      approverId,
    ),
  );
  const { submission } = must(
    await repos.submissions.create(
      tenantId,
      {
        cycleId: cycle.id,
        departmentId: department.id,
        kind: 'department',
        title: 'Urban Services, department plan',
      },
      preparerId,
    ),
  );
  return {
    tenantId,
    departmentId: department.id,
    preparerId,
    reviewerId,
    approverId,
    cycleId: cycle.id,
    submissionId: submission.id,
  };
}
