/**
 * The migrator, and the one reviewed module of the service that holds raw SQL (besides the
 * migrations themselves): the migration ledger, and the advisory-lock keys of the service.
 *
 * Why our own: `prisma migrate deploy` through @prisma/adapter-pg fails on PostgreSQL
 * (prisma/orm#27403: the adapter cannot read PostgreSQL's `name` type), while the SQL that
 * `prisma migrate diff` writes is plain PostgreSQL. This applies
 * `service/prisma/migrations/<name>/migration.sql` in name order, once each, each in a
 * transaction under an advisory lock (two processes starting at once wait for each other),
 * recording each name and checksum. It refuses to run when an applied migration's file has
 * changed or is missing: the database would not be what the code expects.
 */
import type { PGlite, Transaction as PGliteTransaction } from '@electric-sql/pglite';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Client as PgClient } from 'pg';
import { sha256Hex } from './canonical';

/** One migration found on disk. */
export interface Migration {
  /** Directory name, e.g. `20261124000000_init`; migrations apply in this order. */
  name: string;
  sql: string;
  /** Hex SHA-256 of the SQL with line endings normalised to LF (a CRLF checkout is the same file). */
  checksum: string;
}

/** A transaction on a raw connection: multi-statement scripts and parameterised queries. */
export interface SqlSession {
  /** Runs a script of one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  /** Runs one statement with `$1…` parameters and returns its rows. */
  query<R extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
}

/** A raw connection that can run a function in one transaction. */
export interface SqlConnection {
  /** Runs `fn` in a transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (session: SqlSession) => Promise<T>): Promise<T>;
}

/** What a successful run did. */
export interface MigrationReport {
  ok: true;
  /** Names applied by this run, in order. */
  applied: string[];
  /** Migrations found on disk (all now applied). */
  total: number;
}

/** Why the migrator refused to run; nothing was changed. */
export interface MigrationRefusal {
  ok: false;
  code: 'MIGRATION_CHECKSUM_CHANGED' | 'MIGRATION_UNKNOWN';
  /** The migration at fault. */
  migration: string;
  message: { fa: string; en: string };
}

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

/** Finds `service/prisma/migrations` from the source tree (jest, tsx) or the built `dist/` tree. */
export function defaultMigrationsDir(): string {
  const candidates = [
    // service/src/db → service/prisma/migrations
    path.resolve(__dirname, '..', '..', 'prisma', 'migrations'),
    // dist/service/src/db → service/prisma/migrations (tsc does not copy .sql files)
    path.resolve(__dirname, '..', '..', '..', '..', 'service', 'prisma', 'migrations'),
  ];
  const found = candidates.find((dir) => existsSync(dir));
  if (found === undefined)
    throw new Error(`migrations folder not found; looked in ${candidates.join(', ')}`);
  return found;
}

/** Reads the migrations of a folder in apply order (directory names sorted). */
export function readMigrations(dir: string): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'migration.sql')),
    )
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: migrationChecksum(sql) };
    });
}

/** The checksum recorded for a migration's SQL. */
export function migrationChecksum(sql: string): string {
  return sha256Hex(sql.replace(/\r\n/g, '\n'));
}

/**
 * Applies the pending migrations, each in its own transaction under the migrator's advisory
 * lock. Idempotent: a second run applies nothing. Refuses (changing nothing) when an applied
 * migration's checksum differs from its file or its file is gone.
 *
 * One transaction per migration, not one for all: PostgreSQL cannot use an enum value added
 * by `ALTER TYPE … ADD VALUE` before that transaction commits, so a later migration that uses
 * it must run in a later transaction. Each transaction re-reads the ledger under the lock, so
 * two processes starting at once still apply each migration exactly once.
 */
export async function applyMigrations(
  connection: SqlConnection,
  migrations: readonly Migration[],
): Promise<MigrationReport | MigrationRefusal> {
  const applied: string[] = [];
  try {
    for (;;) {
      const name = await connection.transaction((session) => applyNext(session, migrations));
      if (name === null) return { ok: true, applied, total: migrations.length };
      applied.push(name);
    }
  } catch (error) {
    if (error instanceof Refused) return error.refusal;
    throw error;
  }
}

/** Thrown inside the transaction so that it rolls back; turned into a value above. */
class Refused extends Error {
  constructor(readonly refusal: MigrationRefusal) {
    super(refusal.message.en);
  }
}

/** Checks the ledger and applies the first pending migration; null when none is pending. */
async function applyNext(
  session: SqlSession,
  migrations: readonly Migration[],
): Promise<string | null> {
  // Transaction-scoped: released by COMMIT or ROLLBACK, even if this process dies.
  await session.query(`SELECT pg_advisory_xact_lock(${LOCK_KEYS.migrator.toString()})::text`);
  await session.exec(
    `CREATE TABLE IF NOT EXISTS "${LEDGER_TABLE}" (
       name TEXT PRIMARY KEY,
       checksum TEXT NOT NULL,
       applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
     )`,
  );
  const rows = await session.query<{ name: string; checksum: string }>(
    `SELECT name, checksum FROM "${LEDGER_TABLE}" ORDER BY name`,
  );
  const onDisk = new Map(migrations.map((m) => [m.name, m]));
  for (const row of rows) {
    const file = onDisk.get(row.name);
    if (file === undefined) throw new Refused(refusal('MIGRATION_UNKNOWN', row.name));
    if (file.checksum !== row.checksum)
      throw new Refused(refusal('MIGRATION_CHECKSUM_CHANGED', row.name));
  }
  const done = new Set(rows.map((row) => row.name));
  const next = migrations.find((migration) => !done.has(migration.name));
  if (next === undefined) return null;
  await session.exec(next.sql);
  await session.query(`INSERT INTO "${LEDGER_TABLE}" (name, checksum) VALUES ($1, $2)`, [
    next.name,
    next.checksum,
  ]);
  return next.name;
}

function refusal(code: MigrationRefusal['code'], migration: string): MigrationRefusal {
  const message =
    code === 'MIGRATION_CHECKSUM_CHANGED'
      ? {
          en: `Migration ${migration} was changed after it was applied to this database; write a new migration instead of editing an applied one.`,
          fa: `مهاجرت ${migration} پس از اعمال بر این پایگاه داده تغییر کرده است؛ به جای ویرایش مهاجرت اعمال‌شده، مهاجرت تازه‌ای بنویسید.`,
        }
      : {
          en: `This database has migration ${migration}, which this version of the service does not know; run a newer version.`,
          fa: `این پایگاه داده مهاجرت ${migration} را دارد که این نسخه از سرویس نمی‌شناسد؛ نسخهٔ جدیدتری را اجرا کنید.`,
        };
  return { ok: false, code, migration, message };
}

/** A raw connection over a PGlite database (its `transaction` serialises with other users). */
export function pgliteConnection(db: PGlite): SqlConnection {
  return {
    transaction: (fn) =>
      db.transaction((tx: PGliteTransaction) =>
        fn({
          exec: async (sql) => {
            await tx.exec(sql);
          },
          query: async <R extends Record<string, unknown>>(sql: string, params?: unknown[]) =>
            (await tx.query<R>(sql, params)).rows,
        }),
      ),
  };
}

/** A raw connection over one connected node-postgres client. */
export function pgConnection(client: PgClient): SqlConnection {
  return {
    transaction: async (fn) => {
      await client.query('BEGIN');
      try {
        const result = await fn({
          // A query without parameters goes over the simple protocol: several statements are fine.
          exec: async (sql) => {
            await client.query(sql);
          },
          query: async <R extends Record<string, unknown>>(sql: string, params?: unknown[]) =>
            (await client.query<R>(sql, params)).rows,
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    },
  };
}

/** A transaction client that can run a tagged-template raw statement (Prisma's `$executeRaw`). */
export interface RawExecutor {
  $executeRaw(query: TemplateStringsArray, ...values: unknown[]): PromiseLike<number>;
}

/**
 * Takes the transaction-scoped advisory lock of a tenant's audit chain: appends of one tenant
 * queue here, so two concurrent appends cannot both read the same last row and fork the chain.
 * Released at COMMIT or ROLLBACK. (On PGlite, one connection, transactions already run one
 * at a time; the lock is then a no-op.)
 */
export async function lockAuditChain(tx: RawExecutor, tenantId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_KEYS.auditChain}::int4, hashtext(${tenantId}::text))`;
}
