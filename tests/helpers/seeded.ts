/**
 * Seeded test databases made once per test run and copied for each test: seeding the sample
 * city takes seconds (every department's plan pushed, reviewed and approved), and most
 * integration tests start from it. The first test that asks for a seed of a kind makes it and
 * keeps a copy; every later test of the run gets its own copy of that copy:
 *
 * - PGlite: a dump of the seeded database (`Database.dumpDataDir`), loaded into a new
 *   in-memory PGlite (`loadDataDir`);
 * - PostgreSQL: a template database, copied by `CREATE DATABASE … TEMPLATE`.
 *
 * Each test still has a database of its own that it may change at will. The copies live only
 * for one run: `tests/helpers/run-setup.cjs` names a folder and a
 * run id in the environment, and `run-teardown.cjs` removes both. Without them (a script outside
 * jest), or on Citus, every call seeds afresh.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { MEMORY_DATA_DIR, openDatabase } from '../../service/src/db';
import { createRepositories } from '../../service/src/repositories';
import type { DbKind, TestDatabase } from './db';
import { ADMIN_URL, openTestDatabase } from './db';

/** What the seed function returns, kept beside the copy (JSON: e.g. the admin token). */
type Meta = Record<string, unknown>;

const SEED_DIR = process.env.PLAN_TEST_RUN_DIR;
const SEED_RUN = process.env.PLAN_TEST_RUN_ID;

/**
 * A fresh database of a kind holding what `seed` puts there, with what `seed` returned.
 * `key` names the seed (same key, same seed function, same result): e.g. `sample-monitoring`.
 */
export async function openSeededDatabase<M extends Meta>(
  kind: DbKind,
  key: string,
  seed: (test: TestDatabase) => Promise<M>,
): Promise<{ test: TestDatabase; meta: M }> {
  if (!/^[a-z0-9-]+$/.test(key)) throw new Error(`a seed key is lower-case letters and digits`);
  if (SEED_DIR === undefined || SEED_RUN === undefined || kind === 'citus') {
    const test = await openTestDatabase(kind);
    return { test, meta: await seed(test) };
  }
  return kind === 'pglite' ? seededPglite(key, seed) : seededPostgres(key, seed);
}

async function seededPglite<M extends Meta>(
  key: string,
  seed: (test: TestDatabase) => Promise<M>,
): Promise<{ test: TestDatabase; meta: M }> {
  const folder = path.join(SEED_DIR as string, `pglite-${key}`);
  if (existsSync(path.join(folder, 'meta.json'))) {
    const db = await openDatabase({
      dataDir: MEMORY_DATA_DIR,
      loadDataDir: new Blob([readFileSync(path.join(folder, 'data.tar'))]),
    });
    const test: TestDatabase = {
      db,
      repos: createRepositories(db.prisma, { reader: db.reader }),
      scratch: { kind: 'pglite', options: { dataDir: MEMORY_DATA_DIR }, drop: async () => {} },
      close: () => db.close(),
    };
    return { test, meta: JSON.parse(readFileSync(path.join(folder, 'meta.json'), 'utf8')) as M };
  }
  const test = await openTestDatabase('pglite');
  const meta = await seed(test);
  const dump = test.db.dumpDataDir;
  if (dump === undefined) throw new Error('PGlite gave no dump');
  // Written aside, then renamed: another worker sees the whole copy or none. When two make it
  // at once, the first rename wins and the other's copy is dropped.
  const aside = `${folder}.${process.pid}.${randomBytes(3).toString('hex')}`;
  mkdirSync(aside, { recursive: true });
  writeFileSync(path.join(aside, 'data.tar'), Buffer.from(await (await dump()).arrayBuffer()));
  writeFileSync(path.join(aside, 'meta.json'), JSON.stringify(meta));
  try {
    renameSync(aside, folder);
  } catch {
    rmSync(aside, { recursive: true, force: true });
  }
  return { test, meta };
}

async function seededPostgres<M extends Meta>(
  key: string,
  seed: (test: TestDatabase) => Promise<M>,
): Promise<{ test: TestDatabase; meta: M }> {
  const template = `plan_seed_${SEED_RUN as string}_${key.replace(/-/g, '_')}`;
  const metaFile = path.join(SEED_DIR as string, `postgres-${key}.json`);
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    // One maker per template across the run's workers: the others wait here until it is made.
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [template]);
    if (!existsSync(metaFile)) {
      const maker = await openTestDatabase('postgres');
      let meta: M;
      try {
        meta = await seed(maker);
      } finally {
        await maker.db.close();
      }
      const made = new URL(maker.scratch.url as string).pathname.slice(1);
      await admin.query(`ALTER DATABASE ${made} RENAME TO ${template}`);
      writeFileSync(metaFile, JSON.stringify(meta));
    }
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [template]);
    const name = `plan_test_${randomBytes(6).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    const db = await openDatabase({ url: url.toString() });
    const drop = async () => {
      const a = new Client({ connectionString: ADMIN_URL });
      await a.connect();
      try {
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await a.end();
      }
    };
    const test: TestDatabase = {
      db,
      repos: createRepositories(db.prisma, { reader: db.reader }),
      scratch: { kind: 'postgres', url: url.toString(), options: { url: url.toString() }, drop },
      close: async () => {
        await db.close();
        await drop();
      },
    };
    return { test, meta: JSON.parse(readFileSync(metaFile, 'utf8')) as M };
  } finally {
    await admin.end();
  }
}
