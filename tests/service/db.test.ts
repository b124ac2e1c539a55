/**
 * Opening the register's database: the migrator applies each migration once, refuses a
 * database whose history does not match the code, and a PGlite data folder keeps what was
 * written across close/reopen and across a killed process.
 */
import { execFile, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Client } from 'pg';
import {
  applyMigrations,
  DatabaseOpenError,
  defaultMigrationsDir,
  LEDGER_TABLE,
  openDatabase,
  pgConnection,
  pgliteConnection,
  readMigrations,
  resolveDatabaseTarget,
} from '../../service/src/db';
import { createRepositories } from '../../service/src/repositories';
import type { DbKind, ScratchDatabase } from '../helpers/db';
import { createScratchDatabase, DB_KINDS } from '../helpers/db';

const MIGRATIONS = defaultMigrationsDir();
/** Every migration of the history, in the order they apply. */
const ALL = readMigrations(MIGRATIONS).map((m) => m.name);
const INIT = ALL[0] ?? '';

/** A temp copy of the migrations folder to alter. */
function migrationsCopy(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-migrations-'));
  cpSync(MIGRATIONS, dir, { recursive: true });
  return dir;
}

describe('the migration history', () => {
  it('matches the Prisma schema (a schema change without its migration fails here)', async () => {
    // `prisma migrate diff --exit-code` exits 0 when replaying the migrations gives exactly
    // the schema's database, 2 when a migration is missing (docs/storage.md).
    const root = path.resolve(__dirname, '..', '..');
    const cli = path.join(
      path.dirname(require.resolve('prisma/package.json')),
      'build',
      'index.js',
    );
    const args = [
      cli,
      'migrate',
      'diff',
      '--config',
      path.join(root, 'service', 'prisma.config.ts'),
      '--from-migrations',
      MIGRATIONS,
      '--to-schema-datamodel',
      path.join(root, 'service', 'prisma', 'schema.prisma'),
      '--script',
      '--exit-code',
    ];
    const outcome = await new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile(
        process.execPath,
        args,
        // No update check: the CLI would try to reach Prisma's servers.
        { cwd: root, env: { ...process.env, CHECKPOINT_DISABLE: '1' } },
        (error, stdout, stderr) =>
          resolve({ code: error === null ? 0 : Number(error.code ?? 1), stdout: stdout + stderr }),
      );
    });
    expect(outcome).toEqual({ code: 0, stdout: expect.stringContaining('empty migration') });
  });
});

describe('where the database is', () => {
  it('is PostgreSQL when DATABASE_URL is set, else PGlite in .data/pglite or PLAN_DATA_DIR', () => {
    const url = 'postgresql://u@db.example:5432/plan';
    expect(resolveDatabaseTarget({}, { DATABASE_URL: url })).toEqual({ kind: 'postgres', url });
    expect(resolveDatabaseTarget({}, { DATABASE_URL: '', PLAN_DATA_DIR: 'x/y' })).toEqual({
      kind: 'pglite',
      dataDir: 'x/y',
    });
    expect(resolveDatabaseTarget({}, {})).toEqual({
      kind: 'pglite',
      dataDir: path.resolve('.data', 'pglite'),
    });
    // An explicit option wins over the environment.
    expect(resolveDatabaseTarget({ dataDir: 'memory://' }, { DATABASE_URL: url }).kind).toBe(
      'pglite',
    );
  });
});

describe.each(DB_KINDS)('the migrator on %s', (kind: DbKind) => {
  let scratch: ScratchDatabase;
  const temp: string[] = [];
  beforeAll(async () => {
    // PGlite in a data folder, so that reopening sees the same database.
    scratch = await createScratchDatabase(kind, { persistent: true });
  });
  afterAll(async () => {
    await scratch.drop();
    for (const dir of temp) rmSync(dir, { recursive: true, force: true });
  });

  it('applies every migration on a new database, then nothing, keeping the data', async () => {
    const first = await openDatabase(scratch.options);
    expect(first.kind).toBe(kind);
    expect(first.migrations).toEqual({
      ok: true,
      applied: ALL,
      total: ALL.length,
      citus: kind === 'citus',
      // On Citus every table of the schema: municipality and the tenant tables.
      distributed:
        kind === 'citus'
          ? expect.arrayContaining(['municipality', 'submission', 'audit_entry'])
          : [],
    });
    const repos = createRepositories(first.prisma);
    expect((await repos.tenants.create({ id: 'shiraz', name: 'Shiraz' }, null)).ok).toBe(true);
    await first.close();

    const again = await openDatabase(scratch.options);
    expect(again.migrations).toEqual({
      ok: true,
      applied: [],
      total: ALL.length,
      citus: kind === 'citus',
      distributed: [],
    });
    expect(await createRepositories(again.prisma).tenants.get('shiraz')).toMatchObject({
      name: 'Shiraz',
    });
    await again.close();
  });

  it('refuses to start when an applied migration was edited, and changes nothing', async () => {
    const dir = migrationsCopy();
    temp.push(dir);
    const file = path.join(dir, INIT, 'migration.sql');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n-- an edit after the fact\n`);
    await expect(openDatabase({ ...scratch.options, migrationsDir: dir })).rejects.toMatchObject({
      code: 'MIGRATION_CHECKSUM_CHANGED',
      messages: { fa: expect.stringContaining(INIT), en: expect.stringContaining(INIT) },
    });
    // The same history with Windows line endings is the same history.
    writeFileSync(
      file,
      readFileSync(path.join(MIGRATIONS, INIT, 'migration.sql'), 'utf8').replace(/\n/g, '\r\n'),
    );
    const crlf = await openDatabase({ ...scratch.options, migrationsDir: dir });
    expect(crlf.migrations.applied).toEqual([]);
    await crlf.close();
  });

  it('refuses a database that has a migration the code does not know', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-migrations-'));
    temp.push(dir);
    const error: unknown = await openDatabase({ ...scratch.options, migrationsDir: dir }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect(error).toMatchObject({ code: 'MIGRATION_UNKNOWN' });
  });

  it('applies a new migration once, after the ones already applied', async () => {
    const dir = migrationsCopy();
    temp.push(dir);
    const name = '29991231000000_cycle_note';
    mkdirSync(path.join(dir, name));
    writeFileSync(
      path.join(dir, name, 'migration.sql'),
      'ALTER TABLE "plan_cycle" ADD COLUMN "note" TEXT;\n',
    );
    const first = await openDatabase({ ...scratch.options, migrationsDir: dir });
    expect(first.migrations).toMatchObject({ ok: true, applied: [name], total: ALL.length + 1 });
    await first.close();
    const second = await openDatabase({ ...scratch.options, migrationsDir: dir });
    expect(second.migrations.applied).toEqual([]);
    await second.close();
  });
});

describe.each(DB_KINDS)('two migrators starting at once on %s', (kind: DbKind) => {
  it('apply each migration exactly once (the advisory lock makes one wait)', async () => {
    const scratch = await createScratchDatabase(kind);
    const migrations = readMigrations(MIGRATIONS);
    const clients: Client[] = [];
    let pglite: PGlite | undefined;
    try {
      let connections;
      if (kind !== 'pglite') {
        clients.push(
          new Client({ connectionString: scratch.url }),
          new Client({ connectionString: scratch.url }),
        );
        await Promise.all(clients.map((c) => c.connect()));
        connections = clients.map(pgConnection);
      } else {
        pglite = await PGlite.create();
        connections = [pgliteConnection(pglite), pgliteConnection(pglite)];
      }
      const reports = await Promise.all(connections.map((c) => applyMigrations(c, migrations)));
      // Each migration takes the lock on its own, so the two may share the history out.
      const applied = reports.flatMap((r) => (r.ok ? r.applied : []));
      expect([...applied].sort()).toEqual(ALL);
      const query = `SELECT name FROM "${LEDGER_TABLE}" ORDER BY name`;
      const ledger =
        kind !== 'pglite'
          ? (await clients[0]!.query(query)).rows
          : (await pglite!.query(query)).rows;
      expect(ledger).toEqual(ALL.map((name) => ({ name })));
    } finally {
      await Promise.all(clients.map((c) => c.end()));
      await pglite?.close();
      await scratch.drop();
    }
  });
});

describe('a PGlite data folder', () => {
  let scratch: ScratchDatabase;
  beforeAll(async () => {
    scratch = await createScratchDatabase('pglite', { persistent: true });
  });
  afterAll(() => scratch.drop());

  it('keeps the last good version when the process is killed in the middle of a push, and is opened by one database at a time', async () => {
    // A child process opens the folder, pushes version 1, then starts pushing version 2 and
    // is killed (SIGKILL) while that transaction is open.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '-e', CHILD_SCRIPT, scratch.options.dataDir ?? ''],
      { cwd: path.resolve(__dirname, '..', '..'), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const submissionId = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /IN_TX (\S+)/.exec(out);
        if (match?.[1] !== undefined) resolve(match[1]);
      });
      child.on('exit', (code) => reject(new Error(`child exited ${code}: ${stderr}`)));
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    // The killed process's lock is stale: the folder opens, and the push never happened.
    const db = await openDatabase(scratch.options);
    try {
      const repos = createRepositories(db.prisma);
      const submission = await repos.submissions.get('tabriz', submissionId);
      expect(submission?.currentVersion).toBe(1);
      expect(
        (await repos.versions.listVersions('tabriz', submissionId)).map((v) => v.version),
      ).toEqual([1]);
      const v1 = await repos.versions.getVersion('tabriz', submissionId, 1, { rows: true });
      expect(v1?.tables).toEqual({ tblProjects: [{ ProjectId: 'P-1', '1405': '100' }] });
      expect(await repos.audit.verifyChain('tabriz')).toMatchObject({ ok: true });
      // While it is open here, nobody else may open the folder.
      await expect(openDatabase(scratch.options)).rejects.toMatchObject({
        code: 'DATA_DIR_IN_USE',
      });
    } finally {
      await db.close();
    }
  });
});

/**
 * Run by `node --import tsx -e` in the child; plain JavaScript that requires the service's
 * TypeScript modules (tsx compiles them). argv[1] is the data folder.
 */
const CHILD_SCRIPT = `
const path = require('node:path');
const { openDatabase } = require(path.resolve('service/src/db/open.ts'));
const { createRepositories } = require(path.resolve('service/src/repositories/index.ts'));
(async () => {
  const db = await openDatabase({ dataDir: process.argv[1] });
  const r = createRepositories(db.prisma);
  const t = 'tabriz';
  await r.tenants.create({ id: t, name: 'Tabriz' }, null);
  const dept = (await r.departments.create(t, { code: 'URB', name: 'Urban Services' }, null)).department;
  const user = (await r.users.create(t, { email: 'p@tabriz', displayName: 'P', roles: ['preparer'] }, null)).user;
  const cycle = (await r.cycles.create(t, { startYear: 1405, title: '1405-1409', planningDepartmentId: dept.id }, user.id)).cycle;
  const sub = (await r.submissions.create(t, { cycleId: cycle.id, departmentId: dept.id, kind: 'department', title: 'Urban' }, user.id)).submission;
  const table = (amount) => ({ tblProjects: [{ ProjectId: 'P-1', '1405': amount }] });
  await r.versions.createVersion(t, { submissionId: sub.id, baseVersion: 0, tables: table('100'), validation: [], actorId: user.id });
  await r.versions.createVersion(t, {
    submissionId: sub.id, baseVersion: 1, tables: table('200'), validation: [], actorId: user.id,
    idempotency: { key: 'k', requestHash: 'h', response: () => {
      process.stdout.write('IN_TX ' + sub.id + '\\n');
      // Block the event loop inside the open transaction until the parent kills us.
      for (;;) {}
    } },
  });
})();
`;
