/**
 * Opens the register's database: PostgreSQL when a URL is given (production), otherwise the
 * embedded PGlite in a data folder (nothing to install). Either way the migrations are applied
 * first, and the caller gets a Prisma client with the right driver adapter.
 */
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Pool } from 'pg';
import type { Db } from '../repositories/client';
import { createPrismaClient } from '../repositories/client';
import type { MigrationRefusal, MigrationReport } from './migrator';
import { pgliteAdapter } from './pglite-adapter';
import type { SqlReader } from './sql';
import { prismaReader } from './sql';
import {
  applyMigrations,
  defaultMigrationsDir,
  pgConnection,
  pgliteConnection,
  readMigrations,
} from './migrator';

/** Which database is behind a `Database`. */
/** `citus`: a Citus coordinator, the register's tables distributed by municipality. */
export type DatabaseKind = 'pglite' | 'postgres' | 'citus';

/** Where the database is; see `resolveDatabaseTarget` for the order of precedence. */
export interface OpenDatabaseOptions {
  /** A PostgreSQL URL (`postgresql://user@host:5432/db`). */
  url?: string;
  /** A PGlite data folder, or `memory://` for a database that lives only in this process. */
  dataDir?: string;
  /**
   * PGlite only: start from a copy of another PGlite database (what its `dumpDataDir` gave),
   * into an empty `dataDir` (the tests start each register from one seeded copy).
   */
  loadDataDir?: Blob;
  /** Folder of migrations; default: the service's `prisma/migrations`. */
  migrationsDir?: string;
  /** PostgreSQL connection pool (see `DEFAULT_POOL`). */
  pool?: { max?: number; connectionTimeoutMillis?: number };
}

/**
 * The PostgreSQL pool: node-postgres's default of 10 connections, and a wait for a free
 * connection bounded at 10 s (node-postgres waits forever by default: with every connection
 * busy, requests would hang instead of failing with 503 `UNAVAILABLE`).
 */
export const DEFAULT_POOL = { max: 10, connectionTimeoutMillis: 10_000 } as const;

/** An open database. */
export interface Database {
  prisma: Db;
  kind: DatabaseKind;
  /** What the migrator did on opening. */
  migrations: MigrationReport;
  /** What runs the hot reads of `sql.ts` (give it to `createRepositories`). */
  reader: SqlReader;
  /** PGlite only: a copy of the whole database, as a tar archive, for `loadDataDir`. */
  dumpDataDir?: () => Promise<Blob>;
  /** Disconnects Prisma and closes PGlite (or ends the PostgreSQL pool). */
  close(): Promise<void>;
}

/** The database's location, chosen from the options and the environment. */
export type DatabaseTarget =
  { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };

/** Default PGlite data folder, relative to the working directory. */
export const DEFAULT_DATA_DIR = path.join('.data', 'pglite');

/** PGlite's in-memory data folder. */
export const MEMORY_DATA_DIR = 'memory://';

/** Thrown when the database cannot be opened for a reason a person must fix (not a bug). */
export class DatabaseOpenError extends Error {
  constructor(
    readonly code: MigrationRefusal['code'] | 'DATA_DIR_IN_USE',
    readonly messages: { fa: string; en: string },
  ) {
    super(messages.en);
    this.name = 'DatabaseOpenError';
  }
}

/**
 * Chooses the database: `options.url`, then `options.dataDir`, then env `DATABASE_URL`
 * (PostgreSQL), then env `PLAN_DATA_DIR`, then `.data/pglite` under the working directory.
 * An empty variable counts as unset.
 */
export function resolveDatabaseTarget(
  options: OpenDatabaseOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): DatabaseTarget {
  if (nonEmpty(options.url)) return { kind: 'postgres', url: options.url };
  if (nonEmpty(options.dataDir)) return { kind: 'pglite', dataDir: options.dataDir };
  if (nonEmpty(env.DATABASE_URL)) return { kind: 'postgres', url: env.DATABASE_URL };
  if (nonEmpty(env.PLAN_DATA_DIR)) return { kind: 'pglite', dataDir: env.PLAN_DATA_DIR };
  return { kind: 'pglite', dataDir: path.resolve(DEFAULT_DATA_DIR) };
}

function nonEmpty(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}

/** Opens the database, applies pending migrations, and returns a Prisma client over it. */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const target = resolveDatabaseTarget(options);
  const migrations = readMigrations(options.migrationsDir ?? defaultMigrationsDir());
  return target.kind === 'postgres'
    ? openPostgres(target.url, migrations, { ...DEFAULT_POOL, ...options.pool })
    : openPglite(target.dataDir, migrations, options.loadDataDir);
}

async function openPostgres(
  url: string,
  migrations: ReturnType<typeof readMigrations>,
  pool: { max: number; connectionTimeoutMillis: number },
): Promise<Database> {
  // The migrator uses its own connection: a multi-statement script needs node-postgres's
  // simple protocol, which Prisma's raw queries do not offer.
  const client = new Client({ connectionString: url });
  await client.connect();
  let report: MigrationReport;
  try {
    report = migrated(await applyMigrations(pgConnection(client), migrations));
  } finally {
    await client.end();
  }
  // One pool for Prisma and for the hot reads of sql.ts: one connection limit, one wait bound.
  const pgPool = new Pool({ connectionString: url, ...pool });
  // An idle connection the server ends (restart, administrator, network) is dropped by the
  // pool, which opens a new one when next needed; unheard, the event would end the process.
  pgPool.on('error', () => undefined);
  const prisma = createPrismaClient(new PrismaPg(pgPool));
  return {
    prisma,
    kind: report.citus ? 'citus' : 'postgres',
    migrations: report,
    reader: {
      query: async <R extends Record<string, unknown>>(text: string, params: unknown[]) =>
        (await pgPool.query<R>(text, params)).rows,
    },
    close: async () => {
      await prisma.$disconnect();
      await pgPool.end();
    },
  };
}

async function openPglite(
  dataDir: string,
  migrations: ReturnType<typeof readMigrations>,
  loadDataDir: Blob | undefined,
): Promise<Database> {
  const inMemory = dataDir.startsWith(MEMORY_DATA_DIR);
  const release = inMemory ? () => undefined : lockDataDir(dataDir);
  let db: PGlite | undefined;
  try {
    if (!inMemory) mkdirSync(dataDir, { recursive: true });
    db = await PGlite.create(dataDir, loadDataDir === undefined ? {} : { loadDataDir });
    const report = migrated(await applyMigrations(pgliteConnection(db), migrations));
    const pglite = db;
    const prisma = createPrismaClient(pgliteAdapter(pglite));
    return {
      prisma,
      kind: 'pglite',
      migrations: report,
      // Through Prisma's adapter: it keeps PGlite's one connection to one transaction at a time.
      reader: prismaReader(prisma),
      dumpDataDir: () => pglite.dumpDataDir('none'),
      close: async () => {
        try {
          await prisma.$disconnect();
          await pglite.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    await db?.close();
    release();
    throw error;
  }
}

function migrated(result: MigrationReport | MigrationRefusal): MigrationReport {
  if (!result.ok) throw new DatabaseOpenError(result.code, result.message);
  return result;
}

/** Data folders this process holds open (a second open here would be refused too). */
const openDataDirs = new Set<string>();

/**
 * Claims a PGlite data folder for this process with a lock file beside it
 * (`<folder>.lock`, holding the pid): two PGlite instances writing one folder corrupt it,
 * and PGlite itself does not prevent that. A lock left by a process that no longer runs
 * (e.g. killed) is taken over. Returns the release function.
 */
function lockDataDir(dataDir: string): () => void {
  const folder = path.resolve(dataDir);
  const lockFile = `${folder}.lock`;
  mkdirSync(path.dirname(folder), { recursive: true });
  if (openDataDirs.has(folder)) throw inUse(folder, process.pid);
  for (let attempt = 0; ; attempt += 1) {
    try {
      writeFileSync(lockFile, `${process.pid}\n${os.hostname()}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const holder = Number.parseInt(readFileSync(lockFile, 'utf8').split('\n')[0] ?? '', 10);
      if (Number.isInteger(holder) && holder !== process.pid && isRunning(holder))
        throw inUse(folder, holder);
      unlinkSync(lockFile);
    }
  }
  openDataDirs.add(folder);
  return () => {
    openDataDirs.delete(folder);
    try {
      unlinkSync(lockFile);
    } catch {
      // Already gone: nothing to release.
    }
  };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function inUse(folder: string, pid: number): DatabaseOpenError {
  return new DatabaseOpenError('DATA_DIR_IN_USE', {
    en: `The data folder ${folder} is in use by process ${pid}; stop it first.`,
    fa: `پوشهٔ داده ${folder} در اختیار فرایند ${pid} است؛ نخست آن را متوقف کنید.`,
  });
}
