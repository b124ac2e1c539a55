/**
 * Every SQL statement the service writes by hand, besides the migrations: the ONE reviewed
 * module of raw SQL (tests/reliability/portability.test.ts keeps it that way). Everything
 * else goes through Prisma's typed queries.
 *
 * What is here and why:
 * - the migrator's ledger and lock (the migrator cannot use Prisma: it creates the schema);
 * - the service's advisory locks (Prisma has no API for them);
 * - two hot paths where Prisma 6.19's query compiler (WebAssembly, run on the event loop for
 *   every query; plan caching arrives only in Prisma 7.4) costs more than the database:
 *   the token check every request makes, and the insert of a version's rows (10,000 rows of
 *   JSON in one statement instead of Prisma's chunked `createMany`). `npm run bench` shows
 *   both (bench/push.bench.ts).
 *
 * Every statement is a tagged template or has `$n` parameters: values are never spliced in.
 * Every statement names the tenant in its WHERE clause or its rows, like the repositories.
 */

/** Ledger of applied migrations; ours, not Prisma's `_prisma_migrations`. */
export const LEDGER_TABLE = '_plan_migrations';

/**
 * Advisory-lock keys of the service, allocated here so they cannot collide.
 * PostgreSQL keeps the one-bigint and the two-int4 key spaces apart (documentation of
 * `pg_advisory_lock`), so the migrator's bigint key and the per-tenant (int4, int4) keys
 * never meet.
 */
export const LOCK_KEYS = {
  /** The migrator: ASCII "planmigr" read as a big-endian 64-bit integer. */
  migrator: 0x706c616e6d696772n,
  /** The audit chain of one tenant: ASCII "audt" as a 32-bit integer, with hashtext(tenant). */
  auditChain: 0x61756474,
} as const;

/** A transaction on a raw connection: multi-statement scripts and parameterised queries. */
export interface SqlSession {
  /** Runs a script of one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  /** Runs one statement with `$1…` parameters and returns its rows. */
  query<R extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
}

/** The migrator's statements, run on a raw connection (see migrator.ts). */
export const ledger = {
  /** Transaction-scoped: released by COMMIT or ROLLBACK, even if this process dies. */
  async lock(session: SqlSession): Promise<void> {
    await session.query(`SELECT pg_advisory_xact_lock(${LOCK_KEYS.migrator.toString()})::text`);
  },
  async create(session: SqlSession): Promise<void> {
    await session.exec(
      `CREATE TABLE IF NOT EXISTS "${LEDGER_TABLE}" (
         name TEXT PRIMARY KEY,
         checksum TEXT NOT NULL,
         applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
       )`,
    );
  },
  list(session: SqlSession): Promise<{ name: string; checksum: string }[]> {
    return session.query<{ name: string; checksum: string }>(
      `SELECT name, checksum FROM "${LEDGER_TABLE}" ORDER BY name`,
    );
  },
  async record(session: SqlSession, name: string, checksum: string): Promise<void> {
    await session.query(`INSERT INTO "${LEDGER_TABLE}" (name, checksum) VALUES ($1, $2)`, [
      name,
      checksum,
    ]);
  },
};

/** Quotes an identifier read from the catalog (never a user's text): `"name"`, quotes doubled. */
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A foreign key as the catalog describes it: what dropping and re-adding it needs. */
export interface ForeignKeyDefinition {
  table: string;
  name: string;
  /** `pg_get_constraintdef`: `FOREIGN KEY (…) REFERENCES …(…) ON DELETE … ON UPDATE …`. */
  definition: string;
}

/**
 * The distribution step's statements on a Citus coordinator (migrator.ts, docs/storage.md):
 * which tables exist and which are distributed, the foreign keys between them, and Citus's
 * own functions to make `municipality` a reference table and every tenant table a
 * distributed table on `tenant_id`, all colocated.
 */
export const citus = {
  async present(session: SqlSession): Promise<boolean> {
    const rows = await session.query(`SELECT 1 AS one FROM pg_extension WHERE extname = 'citus'`);
    return rows.length > 0;
  },
  /** Ordinary tables of the current schema, besides the migration ledger, by name. */
  async tables(session: SqlSession): Promise<{ name: string; tenant: boolean }[]> {
    const rows = await session.query<{ name: string; tenant: boolean }>(
      `SELECT c.relname AS name,
              EXISTS (SELECT 1 FROM pg_attribute a
                       WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
                AS tenant
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> $1
        ORDER BY c.relname`,
      [LEDGER_TABLE],
    );
    return rows;
  },
  /** Tables of the current schema that Citus already distributes (or replicates). */
  async distributed(session: SqlSession): Promise<Set<string>> {
    const rows = await session.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_dist_partition p JOIN pg_class c ON c.oid = p.logicalrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema()`,
    );
    return new Set(rows.map((r) => r.name));
  },
  /** The foreign keys from or to any of these tables. */
  foreignKeys(session: SqlSession, tables: string[]): Promise<ForeignKeyDefinition[]> {
    return session.query<ForeignKeyDefinition & Record<string, unknown>>(
      `SELECT src.relname AS "table", k.conname AS name, pg_get_constraintdef(k.oid) AS definition
         FROM pg_constraint k
         JOIN pg_class src ON src.oid = k.conrelid
         JOIN pg_class dst ON dst.oid = k.confrelid
         JOIN pg_namespace n ON n.oid = src.relnamespace
        WHERE k.contype = 'f' AND n.nspname = current_schema()
          AND (src.relname = ANY($1::text[]) OR dst.relname = ANY($1::text[]))
        ORDER BY src.relname, k.conname`,
      [tables],
    );
  },
  /**
   * Distributed DDL in one transaction with other statements: Citus then wants one
   * connection per worker (its documentation of `citus.multi_shard_modify_mode`).
   */
  async sequential(session: SqlSession): Promise<void> {
    await session.exec(`SET LOCAL citus.multi_shard_modify_mode TO 'sequential'`);
  },
  async dropForeignKey(session: SqlSession, fk: ForeignKeyDefinition): Promise<void> {
    await session.exec(`ALTER TABLE ${ident(fk.table)} DROP CONSTRAINT ${ident(fk.name)}`);
  },
  async addForeignKey(session: SqlSession, fk: ForeignKeyDefinition): Promise<void> {
    await session.exec(
      `ALTER TABLE ${ident(fk.table)} ADD CONSTRAINT ${ident(fk.name)} ${fk.definition}`,
    );
  },
  async createReferenceTable(session: SqlSession, table: string): Promise<void> {
    await session.query(`SELECT create_reference_table($1::regclass)::text`, [ident(table)]);
  },
  async createDistributedTable(
    session: SqlSession,
    table: string,
    colocateWith: string,
  ): Promise<void> {
    await session.query(
      `SELECT create_distributed_table($1::regclass, 'tenant_id', colocate_with => $2)::text`,
      [ident(table), colocateWith],
    );
  },
};

/** A Prisma client or transaction client: what runs tagged-template raw statements. */
export interface RawExecutor {
  $executeRaw(query: TemplateStringsArray, ...values: unknown[]): PromiseLike<number>;
}

/**
 * What runs the hot reads below: a `$n`-parameterised statement returning rows. On
 * PostgreSQL the service gives the node-postgres pool that Prisma's adapter also uses (one
 * pool, one limit), skipping Prisma's per-query work; otherwise Prisma's raw query
 * (`prismaReader`), e.g. on PGlite.
 */
export interface SqlReader {
  query<R extends Record<string, unknown>>(text: string, params: unknown[]): Promise<R[]>;
}

/** A reader through Prisma's raw queries. */
export function prismaReader(db: {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): PromiseLike<T>;
}): SqlReader {
  return {
    query: async <R extends Record<string, unknown>>(text: string, params: unknown[]) =>
      db.$queryRawUnsafe<R[]>(text, ...params),
  };
}

/**
 * A timestamp column as milliseconds since 1970 UTC (how Prisma stores `DateTime`): drivers
 * would read a `timestamp` without time zone in the process's local zone.
 */
const ms = (column: string) => `(extract(epoch from ${column}) * 1000)::float8`;

/**
 * Takes the transaction-scoped advisory lock of a tenant's audit chain: appends of one tenant
 * queue here, so two concurrent appends cannot both read the same last row and fork the chain.
 * Released at COMMIT or ROLLBACK. (On PGlite, one connection, transactions already run one
 * at a time; the lock is then a no-op.)
 */
export async function lockAuditChain(tx: RawExecutor, tenantId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_KEYS.auditChain}::int4, hashtext(${tenantId}::text))`;
}

/** An API token with its user and the user's roles, as one row. */
export interface TokenUserRow {
  tenantId: string;
  id: string;
  userId: string;
  name: string;
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  revoked: boolean;
  revokedAt: Date | null;
  email: string;
  displayName: string;
  departmentId: string | null;
  stakeholderId: string | null;
  disabled: boolean;
  userCreatedAt: Date;
  roles: string[];
}

const date = (value: unknown): Date => new Date(Number(value));
const dateOrNull = (value: unknown): Date | null => (value === null ? null : date(value));

/**
 * The plan rows of many versions of a tenant (parallel arrays of submission ids and versions),
 * in the order `rowsQuery` gives one version's; `data` as text, parsed by the caller.
 */
export const VERSION_PLAN_ROWS_SQL = `SELECT r.submission_id AS "submissionId", r.version,
            r.table_name AS "tableName", r.data::text AS data
       FROM version_plan_row r
       JOIN unnest($2::text[], $3::int4[]) AS v(submission_id, version)
         ON v.submission_id = r.submission_id AND v.version = r.version
      WHERE r.tenant_id = $1
      ORDER BY r.submission_id, r.version, r.table_name, r.row_index`;

/** The statement of `findTokenWithUser` ($1 tenant, $2 token hash); tests EXPLAIN it on Citus. */
export const TOKEN_WITH_USER_SQL = `SELECT t.tenant_id AS "tenantId", t.id, t.user_id AS "userId", t.name, t.prefix,
            ${ms('t.created_at')} AS "createdAt", ${ms('t.expires_at')} AS "expiresAt",
            t.revoked, ${ms('t.revoked_at')} AS "revokedAt", u.email,
            u.display_name AS "displayName", u.department_id AS "departmentId",
            u.stakeholder_id AS "stakeholderId", u.disabled,
            ${ms('u.created_at')} AS "userCreatedAt",
            COALESCE(array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL),
                     '{}'::text[]) AS roles
       FROM api_token t
       JOIN app_user u ON u.tenant_id = t.tenant_id AND u.id = t.user_id
       LEFT JOIN user_role r ON r.tenant_id = u.tenant_id AND r.user_id = u.id
      WHERE t.tenant_id = $1 AND t.token_hash = $2
      GROUP BY t.tenant_id, t.id, u.tenant_id, u.id`;

/**
 * The token with this hash in this tenant, with its user and the user's roles: one statement
 * (Prisma's `include` would be three), run on every authenticated request. The roles come
 * from a join, not a correlated subquery: Citus plans the join on one shard and the
 * subquery on all of them.
 */
export async function findTokenWithUser(
  db: SqlReader,
  tenantId: string,
  tokenHash: string,
): Promise<TokenUserRow | null> {
  const rows = await db.query(TOKEN_WITH_USER_SQL, [tenantId, tokenHash]);
  const row = rows[0];
  if (row === undefined) return null;
  return {
    ...(row as unknown as TokenUserRow),
    createdAt: date(row.createdAt),
    expiresAt: dateOrNull(row.expiresAt),
    revokedAt: dateOrNull(row.revokedAt),
    userCreatedAt: date(row.userCreatedAt),
  };
}

/** The rows of one version, in table order: what `insertVersionRows` stores. */
export interface VersionRowsInput {
  tenantId: string;
  submissionId: string;
  version: number;
  tableNames: string[];
  rowIndexes: number[];
  /** Each row as JSON text (the `{ ColumnKey: value }` object). */
  data: string[];
}

/**
 * Stores a version's rows of one form (`cells`: as pushed, `version_row`; `plan`: the
 * canonical form, `version_plan_row`) with ONE statement: three parallel arrays unnested on
 * the server. Returns the number of rows stored. Runs inside the push's transaction.
 */
export async function insertVersionRows(
  tx: RawExecutor,
  rows: VersionRowsInput,
  form: 'cells' | 'plan' = 'cells',
): Promise<number> {
  if (rows.data.length === 0) return 0;
  // Two literal statements: a table name cannot be a parameter, and is never spliced in.
  if (form === 'plan')
    return tx.$executeRaw`
      INSERT INTO version_plan_row (tenant_id, submission_id, version, table_name, row_index, data)
      SELECT ${rows.tenantId}, ${rows.submissionId}, ${rows.version}::int4, u.t, u.i, u.d::jsonb
        FROM unnest(${rows.tableNames}::text[], ${rows.rowIndexes}::int4[], ${rows.data}::text[])
             AS u(t, i, d)`;
  return tx.$executeRaw`
    INSERT INTO version_row (tenant_id, submission_id, version, table_name, row_index, data)
    SELECT ${rows.tenantId}, ${rows.submissionId}, ${rows.version}::int4, u.t, u.i, u.d::jsonb
      FROM unnest(${rows.tableNames}::text[], ${rows.rowIndexes}::int4[], ${rows.data}::text[])
           AS u(t, i, d)`;
}

/** A submission with its department's code, as one row. */
export interface SubmissionReadRow {
  tenantId: string;
  id: string;
  cycleId: string;
  departmentId: string;
  departmentCode: string;
  kind: string;
  title: string;
  currentVersion: number;
  status: string;
  createdById: string;
  createdAt: Date;
  updatedAt: Date;
}

/** The statement of `findSubmissionForRead` ($1 tenant, $2 submission id). */
export const SUBMISSION_FOR_READ_SQL = `SELECT s.tenant_id AS "tenantId", s.id, s.cycle_id AS "cycleId",
            s.department_id AS "departmentId", d.code AS "departmentCode", s.kind, s.title,
            s.current_version AS "currentVersion", s.status,
            s.created_by_id AS "createdById", ${ms('s.created_at')} AS "createdAt",
            ${ms('s.updated_at')} AS "updatedAt"
       FROM submission s
       JOIN department d ON d.tenant_id = s.tenant_id AND d.id = s.department_id
      WHERE s.tenant_id = $1 AND s.id = $2`;

/**
 * A submission and its department's code: one statement (Prisma would make two, each through
 * its query compiler), read by every request on a submission.
 */
export async function findSubmissionForRead(
  db: SqlReader,
  tenantId: string,
  submissionId: string,
): Promise<SubmissionReadRow | null> {
  const rows = await db.query(SUBMISSION_FOR_READ_SQL, [tenantId, submissionId]);
  const row = rows[0];
  if (row === undefined) return null;
  return {
    ...(row as unknown as SubmissionReadRow),
    createdAt: date(row.createdAt),
    updatedAt: date(row.updatedAt),
  };
}

/** A transaction client that runs a raw statement with `$n` parameters. */
export interface UnsafeRawExecutor {
  $executeRawUnsafe(query: string, ...values: unknown[]): PromiseLike<number>;
}

/**
 * Deletes every row of a municipality from `tables` (children first), inside the caller's
 * transaction: only a practice municipality's reset does this (tenants.ts `purgePractice`),
 * and it is the one place where audit entries go, the practice municipality's whole chain
 * with the rest of it; no real municipality's rows are ever deleted. A cycle names its
 * framework submission, whose cycle it is: that tie is cut first. The table names are the
 * repositories' own constant list, never input.
 */
export async function purgeTenantRows(
  tx: UnsafeRawExecutor,
  tenantId: string,
  tables: readonly string[],
): Promise<void> {
  await tx.$executeRawUnsafe(
    `UPDATE "plan_cycle" SET "framework_submission_id" = NULL WHERE "tenant_id" = $1`,
    tenantId,
  );
  for (const table of tables)
    await tx.$executeRawUnsafe(`DELETE FROM "${table}" WHERE "tenant_id" = $1`, tenantId);
}
