/**
 * Fresh databases for tests, on both kinds the register runs on:
 * - `pglite`: an in-memory PGlite (or a data folder under the OS temp folder);
 * - `postgres`: a new database `plan_test_<random>` on the local PostgreSQL server
 *   (toolchain.md: 127.0.0.1:5432, trust auth), dropped afterwards.
 *
 * - `citus`: only when `CITUS_URL` names a Citus coordinator's administrative database
 *   (e.g. `postgresql://postgres@127.0.0.1:9700/postgres`, its workers added there): a new
 *   database on the coordinator and on each worker, with the extension and the workers added,
 *   so the register's migrator distributes its tables there (docs/storage.md). Every query of
 *   the register runs with `citus.multi_task_query_log_level = error`: a query that would span
 *   more than one shard fails the test instead of running (the register routes each request
 *   to one municipality's shard).
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

/** The databases the register supports (Citus: PostgreSQL distributed by municipality). */
export type DbKind = 'pglite' | 'postgres' | 'citus';

/** The Citus coordinator's administrative URL, when the Citus suite is to run. */
export const CITUS_URL = process.env.CITUS_URL === '' ? undefined : process.env.CITUS_URL;

/** Every kind, for `describe.each(DB_KINDS)`: Citus too when `CITUS_URL` is set. */
export const DB_KINDS: readonly DbKind[] =
  CITUS_URL === undefined ? ['pglite', 'postgres'] : ['pglite', 'postgres', 'citus'];

/** The PostgreSQL kinds (a server reached by URL). */
export const SERVER_KINDS: readonly ('postgres' | 'citus')[] =
  CITUS_URL === undefined ? ['postgres'] : ['postgres', 'citus'];

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

async function withAdmin<T>(
  fn: (client: Client) => Promise<T>,
  adminUrl: string = ADMIN_URL,
): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `The PostgreSQL test server at ${adminUrl} is not reachable (set PLAN_TEST_PG_URL or ` +
        `CITUS_URL, or start it as toolchain.md says): ${(error as Error).message}`,
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
  if (kind === 'citus') return createCitusDatabase(name);
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

/** A URL with another database name. */
function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A new database on the Citus cluster of `CITUS_URL`: created on the coordinator and on every
 * worker its administrative database lists, the extension in each, the workers added to the
 * new database's coordinator (Citus keeps its nodes per database).
 */
async function createCitusDatabase(name: string): Promise<ScratchDatabase> {
  if (CITUS_URL === undefined) throw new Error('the citus kind needs CITUS_URL');
  const coordinator = new URL(CITUS_URL);
  const workers = await withAdmin(
    async (admin) =>
      (
        await admin.query<{ host: string; port: number }>(
          `SELECT nodename AS host, nodeport AS port FROM pg_dist_node
            WHERE groupid <> 0 AND noderole = 'primary' AND isactive ORDER BY nodeport`,
        )
      ).rows,
    CITUS_URL,
  );
  if (workers.length === 0) throw new Error(`the Citus coordinator at ${CITUS_URL} has no workers`);
  const workerUrl = (w: { host: string; port: number }) => {
    const u = new URL(CITUS_URL);
    u.hostname = w.host;
    u.port = String(w.port);
    return u.toString();
  };
  const servers = [CITUS_URL, ...workers.map(workerUrl)];
  for (const server of servers) {
    await withAdmin((admin) => admin.query(`CREATE DATABASE ${name}`), server);
    await withAdmin((db) => db.query('CREATE EXTENSION citus'), withDatabase(server, name));
  }
  await withAdmin(
    async (db) => {
      await db.query('SELECT citus_set_coordinator_host($1, $2)', [
        coordinator.hostname,
        Number(coordinator.port || 5432),
      ]);
      for (const w of workers) await db.query('SELECT citus_add_node($1, $2)', [w.host, w.port]);
    },
    withDatabase(CITUS_URL, name),
  );
  const url = new URL(withDatabase(CITUS_URL, name));
  url.searchParams.set('options', '-c citus.multi_task_query_log_level=error');
  return {
    kind: 'citus',
    url: url.toString(),
    options: { url: url.toString() },
    drop: async () => {
      for (const server of servers)
        await withAdmin(async (admin) => {
          await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        }, server);
    },
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
