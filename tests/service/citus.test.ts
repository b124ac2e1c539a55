/**
 * The register on a Citus cluster (issue 18), run only when `CITUS_URL` names a coordinator
 * with workers (tests/helpers/db.ts; CI has none, so this file is skipped there). The flow
 * test, the 100 conflicting pushes and the SIGKILL test run on Citus too through `DB_KINDS`,
 * every query of the register with `citus.multi_task_query_log_level = error`. Here:
 * - the migrator distributed every tenant table on `tenant_id`, colocated, and made
 *   `municipality` a reference table;
 * - the guard is real: a query that spans shards fails under it (so the suites passing on
 *   Citus means every query they made was planned on one shard);
 * - the hand-written hot reads (service/src/db/sql.ts) are planned on one shard: `EXPLAIN`
 *   says one task.
 */
import { Client } from 'pg';
import { seedSample } from '../../service/src/handlers/seed';
import { testConfig } from '../../service/src/config';
import pino from 'pino';
import type { TestDatabase } from '../helpers/db';
import { CITUS_URL, openTestDatabase } from '../helpers/db';
import { SUBMISSION_FOR_READ_SQL, TOKEN_WITH_USER_SQL } from '../../service/src/db/sql';

const maybe = CITUS_URL === undefined ? describe.skip : describe;

maybe('the register on Citus', () => {
  let test: TestDatabase;
  let raw: Client;
  beforeAll(async () => {
    test = await openTestDatabase('citus');
    const deps = {
      repos: test.repos,
      config: testConfig(),
      logger: pino({ level: 'silent' }),
      databaseKind: 'citus' as const,
    };
    await seedSample(deps, { tenantId: 'sample', tokenDir: null, monitoring: false });
    // A second municipality, so that a query that forgot its tenant would span shards.
    const other = await test.repos.tenants.create({ id: 'other', name: 'Other' }, null);
    expect(other.ok).toBe(true);
    expect(
      (await test.repos.departments.create('other', { code: 'D-FIN', name: 'Finance' }, null)).ok,
    ).toBe(true);
    // The same database without the guard: the test reads Citus's catalog and plans.
    const url = new URL(test.scratch.url!);
    url.searchParams.delete('options');
    raw = new Client({ connectionString: url.toString() });
    await raw.connect();
  }, 300_000);
  afterAll(async () => {
    await raw?.end();
    await test?.close();
  });

  it('distributes every tenant table on tenant_id, colocated; municipality is a reference table', async () => {
    const rows = (
      await raw.query<{ table: string; method: string; column: string | null; group: number }>(
        `SELECT logicalrelid::text AS "table", partmethod AS method,
                column_to_column_name(logicalrelid, partkey) AS "column", colocationid AS "group"
           FROM pg_dist_partition ORDER BY 1`,
      )
    ).rows;
    const tables = (
      await raw.query<{ name: string }>(
        `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_plan_migrations'`,
      )
    ).rows.map((r) => r.name);
    expect(rows.map((r) => r.table).sort()).toEqual([...tables].sort());
    const reference = rows.filter((r) => r.method === 'n');
    expect(reference.map((r) => r.table)).toEqual(['municipality']);
    const distributed = rows.filter((r) => r.method === 'h');
    expect(distributed.length).toBe(tables.length - 1);
    expect(new Set(distributed.map((r) => r.column))).toEqual(new Set(['tenant_id']));
    expect(new Set(distributed.map((r) => r.group)).size).toBe(1);
  });

  it('spreads each table over both workers (the cluster really distributes)', async () => {
    const nodes = (
      await raw.query<{ n: number }>(
        `SELECT count(DISTINCT nodeport)::int AS n FROM citus_shards WHERE table_name = 'submission'::regclass`,
      )
    ).rows[0]!.n;
    expect(nodes).toBe(2);
  });

  it('refuses, under the guard, a query that spans shards', async () => {
    // The register's own connection (the guard in its options): a count of every tenant.
    await expect(test.db.prisma.submission.count()).rejects.toThrow(/multi-task/);
    // The same count for one tenant runs.
    expect(
      await test.db.prisma.submission.count({ where: { tenantId: 'sample' } }),
    ).toBeGreaterThan(0);
  });

  it('plans the hand-written hot reads on one shard', async () => {
    const plans: Record<string, [string, unknown[]]> = {
      token: [TOKEN_WITH_USER_SQL, ['sample', 'x']],
      submission: [SUBMISSION_FOR_READ_SQL, ['sample', 'x']],
    };
    for (const [name, [sql, params]] of Object.entries(plans)) {
      const text = (await raw.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params)).rows
        .map((r) => r['QUERY PLAN'])
        .join('\n');
      expect({ name, tasks: /Task Count: (\d+)/.exec(text)?.[1] }).toEqual({ name, tasks: '1' });
    }
  });
});
