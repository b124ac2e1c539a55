/**
 * The migrator. Its statements (the migration ledger and lock) are in `sql.ts`, the one
 * reviewed module of the service that holds raw SQL besides the migrations themselves.
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
import type { ForeignKeyDefinition, SqlSession } from './sql';
import { citus, ledger } from './sql';

export type { SqlSession } from './sql';
export { LEDGER_TABLE, LOCK_KEYS } from './sql';

/** One migration found on disk. */
export interface Migration {
  /** Directory name, e.g. `20261124000000_init`; migrations apply in this order. */
  name: string;
  sql: string;
  /** Hex SHA-256 of the SQL with line endings normalised to LF (a CRLF checkout is the same file). */
  checksum: string;
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
  /** Whether the database is a Citus coordinator (its tables distributed by municipality). */
  citus: boolean;
  /** On a Citus coordinator: the tables this run distributed (or made reference tables). */
  distributed: string[];
}

/** Why the migrator refused to run; nothing was changed. */
export interface MigrationRefusal {
  ok: false;
  code: 'MIGRATION_CHECKSUM_CHANGED' | 'MIGRATION_UNKNOWN';
  /** The migration at fault. */
  migration: string;
  message: { fa: string; en: string };
}

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
  const distributed: string[] = [];
  try {
    for (;;) {
      const step = await connection.transaction((session) => applyNext(session, migrations));
      if (step === null) break;
      applied.push(step.name);
      distributed.push(...step.distributed);
    }
    // A new cluster's tables were made local (nothing was distributed yet); a run that
    // stopped between its last migration and this step leaves them so too.
    const citusPresent = await connection.transaction(async (session) => {
      // Under the migrator's lock: two processes starting at once distribute once.
      await ledger.lock(session);
      distributed.push(...(await distribute(session, [])));
      return citus.present(session);
    });
    return { ok: true, applied, total: migrations.length, citus: citusPresent, distributed };
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

/**
 * Checks the ledger and applies the first pending migration; null when none is pending.
 *
 * On a Citus coordinator whose tables are already distributed, a migration runs without its
 * `ADD CONSTRAINT … FOREIGN KEY` statements (Citus refuses a foreign key between a new local
 * table and a distributed one), then its new tables are distributed and those statements run,
 * all in this one transaction. On a new cluster every migration runs as on PostgreSQL, and
 * `applyMigrations` distributes the tables once at the end (the older migrations' foreign keys
 * say `ON UPDATE CASCADE`, which Citus refuses on a distributed table; a later migration
 * changes them).
 */
async function applyNext(
  session: SqlSession,
  migrations: readonly Migration[],
): Promise<{ name: string; distributed: string[] } | null> {
  await ledger.lock(session);
  await ledger.create(session);
  const rows = await ledger.list(session);
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
  let distributed: string[] = [];
  if ((await citus.present(session)) && (await citus.distributed(session)).size > 0) {
    const { rest, foreignKeys } = splitForeignKeys(next);
    await citus.sequential(session);
    if (rest.trim() !== '') await session.exec(rest);
    distributed = await distribute(session, foreignKeys);
  } else {
    await session.exec(next.sql);
  }
  await ledger.record(session, next.name, next.checksum);
  return { name: next.name, distributed };
}

/**
 * The distribution step on a Citus coordinator (nothing elsewhere): every table of the schema
 * not yet known to Citus becomes a reference table (`municipality`: it has no `tenant_id`) or
 * a distributed table on `tenant_id`, colocated with the others, so that one municipality's
 * rows of every table sit on one shard group. Citus wants the tables distributed before the
 * foreign keys between them exist: they are dropped and re-added around it. Then the held
 * statements run. Idempotent: a second run finds nothing to do. Returns the tables it did.
 */
async function distribute(session: SqlSession, held: readonly string[]): Promise<string[]> {
  if (!(await citus.present(session))) return [];
  const known = await citus.distributed(session);
  const tables = await citus.tables(session);
  const todo = tables.filter((t) => !known.has(t.name));
  if (todo.length > 0) {
    await citus.sequential(session);
    const keys: ForeignKeyDefinition[] = await citus.foreignKeys(
      session,
      todo.map((t) => t.name),
    );
    for (const key of keys) await citus.dropForeignKey(session, key);
    for (const table of todo.filter((t) => !t.tenant))
      await citus.createReferenceTable(session, table.name);
    let colocateWith =
      tables.find((t) => t.tenant && known.has(t.name))?.name ?? ('default' as string);
    for (const table of todo.filter((t) => t.tenant)) {
      await citus.createDistributedTable(session, table.name, colocateWith);
      if (colocateWith === 'default') colocateWith = table.name;
    }
    for (const key of keys) await citus.addForeignKey(session, key);
  }
  for (const statement of held) await session.exec(statement);
  return todo.map((t) => t.name);
}

/**
 * A migration's statements, its `ADD CONSTRAINT … FOREIGN KEY` ones apart. Migrations are the
 * SQL `prisma migrate diff` writes: statements end with `;` at the end of a line, and none
 * has a dollar-quoted body (a migration that does is refused here, on Citus only).
 */
export function splitForeignKeys(migration: Migration): { rest: string; foreignKeys: string[] } {
  if (migration.sql.includes('$$'))
    throw new Error(
      `migration ${migration.name} has a dollar-quoted body, which the Citus distribution step cannot split; split it by hand`,
    );
  const statements = migration.sql
    .replace(/\r\n/g, '\n')
    .split(/;[ \t]*\n/)
    .map((s) =>
      s
        .split('\n')
        .filter((line) => !/^\s*--/.test(line))
        .join('\n')
        .trim()
        .replace(/;$/, ''),
    )
    .filter((s) => s !== '');
  const isForeignKey = (s: string) =>
    /^ALTER\s+TABLE\s+\S+\s+ADD\s+CONSTRAINT\s+\S+\s+FOREIGN\s+KEY\b/i.test(s);
  return {
    rest: statements
      .filter((s) => !isForeignKey(s))
      .map((s) => `${s};`)
      .join('\n'),
    foreignKeys: statements.filter(isForeignKey),
  };
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
