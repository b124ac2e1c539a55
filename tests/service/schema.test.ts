/**
 * The register's schema, read from a migrated database (PGlite and PostgreSQL) rather than
 * from what the Prisma file says, so a table added later by any migration is held to it:
 * - every table but `municipality` starts its primary key and every unique key with
 *   `tenant_id`, and every foreign key between tenant tables includes it (docs/storage.md);
 * - no foreign key says ON UPDATE CASCADE (ids never change; Citus refuses it when the key
 *   includes the distribution column);
 * - no PostgreSQL enum types: enumerated columns are text with a CHECK constraint whose
 *   values are the core's lists (roles, workbook kinds, department kinds) and the
 *   workflow's statuses and actions;
 * - the migration from enums to text keeps every value, and the one that gave cycles their
 *   planning department keeps the framework each cycle was already served from;
 * - every table registers with `plan admin verify` (service/src/repositories/verify.ts,
 *   `VERIFIED_TABLES`): compared with the audit chain, covered by hashes the chain records, or
 *   listed as holding no state (issue 12 point 4), so a table added later is covered too.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DEPARTMENT_KINDS,
  ROLES,
  SUBMISSION_STATUSES,
  WORKBOOK_KIND_VALUES,
  WORKFLOW_ACTIONS,
  SIGN_IN_METHODS,
  NOTIFICATION_KINDS,
  SIGNATURE_POSITIONS,
  SNAPSHOT_STATUSES,
  AMENDMENT_KINDS,
  AMENDMENT_STATUSES,
  CONSULTATION_STATUSES,
  CONTRIBUTION_KINDS,
  PROPOSAL_OUTCOMES,
  TARGET_KINDS,
} from '#core';
import type { Database } from '../../service/src/db';
import {
  defaultMigrationsDir,
  LEDGER_TABLE,
  openDatabase,
  readMigrations,
} from '../../service/src/db';
import { createRepositories, VERIFIED_TABLES } from '../../service/src/repositories';
import { createScratchDatabase, DB_KINDS } from '../helpers/db';

/** Tables outside the tenant rule: the tenant itself, and the migrator's own ledger. */
const NOT_TENANT_TABLES = new Set(['municipality', LEDGER_TABLE]);

interface Key {
  table: string;
  name: string;
  kind: 'primary key' | 'unique' | 'foreign key';
  columns: string[];
  /** For a foreign key: the referenced table. */
  references: string | null;
}

const query = <T>(db: Database, sql: string) => db.prisma.$queryRawUnsafe<T[]>(sql);

/** Every primary key, unique index and foreign key of the public schema. */
async function keysOf(db: Database): Promise<{ tables: string[]; keys: Key[] }> {
  const tables = await query<{ table: string }>(
    db,
    `SELECT tablename::text AS "table" FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
  );
  // Names are cast to text: adapter-pg cannot read PostgreSQL's `name` type (toolchain.md).
  const unique = await query<{ table: string; name: string; primary: boolean; columns: string[] }>(
    db,
    `SELECT t.relname::text AS "table", i.relname::text AS name, x.indisprimary AS "primary",
            ARRAY(SELECT COALESCE(a.attname::text, '(expression)')
                    FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                    LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                   ORDER BY k.ord) AS columns
       FROM pg_index x
       JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = 'public' AND x.indisunique
      ORDER BY 1, 2`,
  );
  const foreign = await query<{
    table: string;
    name: string;
    references: string;
    columns: string[];
  }>(
    db,
    `SELECT t.relname::text AS "table", c.conname::text AS name, r.relname::text AS "references",
            ARRAY(SELECT a.attname::text
                    FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                   ORDER BY k.ord) AS columns
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_class r ON r.oid = c.confrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = 'public' AND c.contype = 'f'
      ORDER BY 1, 2`,
  );
  return {
    tables: tables.map((t) => t.table),
    keys: [
      ...unique.map((u) => ({
        table: u.table,
        name: u.name,
        kind: u.primary ? ('primary key' as const) : ('unique' as const),
        columns: u.columns,
        references: null,
      })),
      ...foreign.map((f) => ({ ...f, kind: 'foreign key' as const })),
    ],
  };
}

/** What breaks the tenant rule, one line each (empty: the schema keeps it). */
function tenantRuleBreaches(schema: { tables: string[]; keys: Key[] }): string[] {
  const out: string[] = [];
  for (const table of schema.tables) {
    if (NOT_TENANT_TABLES.has(table)) continue;
    const keys = schema.keys.filter((k) => k.table === table);
    if (!keys.some((k) => k.kind === 'primary key')) out.push(`${table}: no primary key`);
    for (const k of keys) {
      if (k.kind === 'foreign key') {
        if (k.references !== 'municipality' && !k.columns.includes('tenant_id'))
          out.push(`${table}: ${k.name} (${k.columns.join(', ')}) leaves out tenant_id`);
      } else if (k.columns[0] !== 'tenant_id')
        out.push(
          `${table}: ${k.kind} ${k.name} (${k.columns.join(', ')}) does not start with tenant_id`,
        );
    }
  }
  return out;
}

/** The values a `CHECK (col IN (…))` constraint allows, in its order. */
async function checkValues(db: Database, table: string, name: string): Promise<string[]> {
  const [row] = await query<{ def: string }>(
    db,
    `SELECT pg_get_constraintdef(c.oid) AS def FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
      WHERE c.contype = 'c' AND t.relname = '${table}' AND c.conname = '${name}'`,
  );
  if (row === undefined) return [];
  return [...row.def.matchAll(/'([^']*)'::text/g)].map((m) => m[1] ?? '');
}

/** Tables `plan admin verify` does not know, and registered names that are no table. */
function verifyGaps(tables: string[]): { unregistered: string[]; stale: string[] } {
  const registered = Object.keys(VERIFIED_TABLES);
  return {
    unregistered: tables.filter((t) => !registered.includes(t)),
    stale: registered.filter((t) => !tables.includes(t)),
  };
}

describe.each(DB_KINDS)('the migrated schema (%s)', (kind) => {
  let db: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const scratch = await createScratchDatabase(kind);
    drop = scratch.drop;
    db = await openDatabase(scratch.options);
  });
  afterAll(async () => {
    await db.close();
    await drop();
  });

  it('starts every key of every tenant table with tenant_id', async () => {
    const schema = await keysOf(db);
    // Not vacuous: the model's tables are all there, with their keys.
    expect(schema.tables).toEqual(
      expect.arrayContaining(['municipality', 'department', 'submission', 'audit_entry']),
    );
    expect(schema.keys.filter((k) => k.table === 'plan_cycle').map((k) => k.kind)).toEqual(
      expect.arrayContaining(['primary key', 'unique', 'foreign key']),
    );
    expect(tenantRuleBreaches(schema)).toEqual([]);
  });

  it('has no foreign key that cascades an update (Citus refuses them on tenant_id)', async () => {
    // confupdtype: a = NO ACTION, r = RESTRICT, c = CASCADE, n = SET NULL, d = SET DEFAULT.
    const keys = await query<{ name: string; onUpdate: string }>(
      db,
      `SELECT conname::text AS name, confupdtype::text AS "onUpdate" FROM pg_constraint
        WHERE contype = 'f' AND connamespace = 'public'::regnamespace ORDER BY 1`,
    );
    expect(keys.length).toBeGreaterThan(15);
    expect(keys.filter((k) => !['a', 'r'].includes(k.onUpdate))).toEqual([]);
  });

  it('would catch a table added without tenant_id first', async () => {
    await db.prisma.$executeRawUnsafe(
      `CREATE TABLE "later_table" ("id" TEXT PRIMARY KEY, "tenant_id" TEXT NOT NULL, "code" TEXT UNIQUE)`,
    );
    try {
      expect(tenantRuleBreaches(await keysOf(db)).sort()).toEqual([
        'later_table: primary key later_table_pkey (id) does not start with tenant_id',
        'later_table: unique later_table_code_key (code) does not start with tenant_id',
      ]);
    } finally {
      await db.prisma.$executeRawUnsafe(`DROP TABLE "later_table"`);
    }
  });

  it('registers every table with plan admin verify: checked against the chain, covered, or not state', async () => {
    const { tables } = await keysOf(db);
    expect(tables.length).toBeGreaterThan(10);
    expect(verifyGaps(tables)).toEqual({ unregistered: [], stale: [] });
    // What decides who may do what, and what people said, is checked, not waved through.
    for (const table of [
      'app_user',
      'user_role',
      'api_token',
      'submission',
      'workflow_event',
      'comment',
    ])
      expect([table, VERIFIED_TABLES[table]?.kind]).toEqual([table, 'checked']);
  });

  it('would catch a table added later that verify does not know', async () => {
    await db.prisma.$executeRawUnsafe(
      `CREATE TABLE "council_vote" ("tenant_id" TEXT NOT NULL, "id" TEXT NOT NULL, PRIMARY KEY ("tenant_id", "id"))`,
    );
    try {
      expect(verifyGaps((await keysOf(db)).tables)).toEqual({
        unregistered: ['council_vote'],
        stale: [],
      });
    } finally {
      await db.prisma.$executeRawUnsafe(`DROP TABLE "council_vote"`);
    }
  });

  it('has no enum types; each enumerated column is text checked against its list', async () => {
    const enums = await query<{ name: string }>(
      db,
      `SELECT t.typname::text AS name FROM pg_type t
         JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' AND t.typtype = 'e'`,
    );
    expect(enums).toEqual([]);
    const expected: Array<[string, string, readonly string[]]> = [
      ['user_role', 'user_role_role_check', ROLES],
      ['submission', 'submission_status_check', SUBMISSION_STATUSES],
      ['submission', 'submission_kind_check', WORKBOOK_KIND_VALUES],
      ['workflow_event', 'workflow_event_action_check', WORKFLOW_ACTIONS],
      ['workflow_event', 'workflow_event_from_status_check', SUBMISSION_STATUSES],
      ['workflow_event', 'workflow_event_to_status_check', SUBMISSION_STATUSES],
      ['department', 'department_kind_check', DEPARTMENT_KINDS.map((k) => k.value)],
      ['user_session', 'user_session_method_check', SIGN_IN_METHODS],
      ['notification', 'notification_kind_check', NOTIFICATION_KINDS],
      ['agency_signature', 'agency_signature_position_check', SIGNATURE_POSITIONS],
      ['city_snapshot', 'city_snapshot_status_check', SNAPSHOT_STATUSES],
      ['council_amendment', 'council_amendment_kind_check', AMENDMENT_KINDS],
      ['council_amendment', 'council_amendment_status_check', AMENDMENT_STATUSES],
      ['consultation', 'consultation_status_check', CONSULTATION_STATUSES],
      ['consultation_contribution', 'consultation_contribution_kind_check', CONTRIBUTION_KINDS],
      ['consultation_contribution', 'consultation_contribution_target_kind_check', TARGET_KINDS],
      ['consultation_contribution', 'consultation_contribution_outcome_check', PROPOSAL_OUTCOMES],
    ];
    for (const [table, name, values] of expected)
      expect([name, await checkValues(db, table, name)]).toEqual([name, [...values]]);
  });

  it('refuses a value outside the list', async () => {
    await db.prisma.$executeRawUnsafe(
      `INSERT INTO "municipality" ("id", "name") VALUES ('check-city', 'Check')`,
    );
    const insert = (code: string, kindOf: string) =>
      db.prisma.$executeRawUnsafe(
        `INSERT INTO "department" ("tenant_id", "id", "code", "name", "kind")
         VALUES ('check-city', '${code}', '${code}', 'D', '${kindOf}')`,
      );
    // (PGlite's adapter reports a failed raw statement without its message: the rows tell.)
    await expect(insert('D1', 'ministry')).rejects.toThrow();
    await expect(insert('D2', 'district')).resolves.toBe(1);
    const rows = await query<{ code: string }>(
      db,
      `SELECT code FROM "department" WHERE tenant_id = 'check-city'`,
    );
    expect(rows).toEqual([{ code: 'D2' }]);
  });
});

describe.each(DB_KINDS)('migrating a database made before them (%s)', (kind) => {
  it('keeps every enumerated value and each cycle’s framework', async () => {
    const scratch = await createScratchDatabase(kind, { persistent: true });
    // The history up to the first migration only: a register as it was.
    const first = readMigrations(defaultMigrationsDir())[0]?.name ?? '';
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-migrations-'));
    cpSync(path.join(defaultMigrationsDir(), first), path.join(dir, first), { recursive: true });
    try {
      const old = await openDatabase({ ...scratch.options, migrationsDir: dir });
      const run = (sql: string) => old.prisma.$executeRawUnsafe(sql);
      await run(`INSERT INTO "municipality" ("id", "name") VALUES ('old', 'Old city')`);
      await run(`INSERT INTO "department" ("tenant_id", "id", "code", "name", "kind") VALUES
        ('old', 'd-pln', 'D-PLN', 'Planning', 'deputy'), ('old', 'd-civ', 'D-CIV', 'Civil', NULL)`);
      await run(`INSERT INTO "app_user" ("tenant_id", "id", "email", "display_name") VALUES
        ('old', 'u1', 'a@old', 'A'), ('old', 'u2', 'b@old', 'B')`);
      await run(`INSERT INTO "user_role" ("tenant_id", "user_id", "role") VALUES
        ('old', 'u1', 'approver'), ('old', 'u1', 'council'), ('old', 'u2', 'preparer')`);
      await run(`INSERT INTO "plan_cycle" ("tenant_id", "id", "start_year", "end_year", "title") VALUES
        ('old', 'c1', 1405, 1409, 'first'), ('old', 'c2', 1410, 1414, 'second')`);
      // Cycle 1: D-PLN's framework was never approved, D-CIV's city plan was: the register
      // served the city plan as reference data, so it stays the cycle's framework. Cycle 2
      // has none.
      await run(`INSERT INTO "submission"
        ("tenant_id", "id", "cycle_id", "department_id", "kind", "title", "current_version", "status", "created_by_id", "updated_at") VALUES
        ('old', 's-fw', 'c1', 'd-pln', 'framework', 'fw', 1, 'submitted', 'u2', now()),
        ('old', 's-city', 'c1', 'd-civ', 'city', 'city', 2, 'returned', 'u2', now()),
        ('old', 's-dept', 'c2', 'd-civ', 'department', 'dept', 1, 'approved', 'u2', now())`);
      await run(`INSERT INTO "workflow_event"
        ("tenant_id", "id", "submission_id", "version", "action", "from_status", "to_status", "actor_id") VALUES
        ('old', 'e1', 's-city', 1, 'approve', 'reviewed', 'approved', 'u1'),
        ('old', 'e2', 's-city', 1, 'reopen', 'approved', 'draft', 'u1'),
        ('old', 'e3', 's-city', 2, 'return', 'submitted', 'returned', 'u1')`);
      await old.close();

      const now = await openDatabase(scratch.options);
      try {
        const applied = readMigrations(defaultMigrationsDir())
          .map((m) => m.name)
          .filter((n) => n !== first);
        expect(now.migrations).toMatchObject({ ok: true, applied });
        const repos = createRepositories(now.prisma, { reader: now.reader });
        expect((await repos.users.get('old', 'u1'))?.roles).toEqual(['approver', 'council']);
        expect((await repos.users.get('old', 'u2'))?.roles).toEqual(['preparer']);
        const statuses = (await repos.submissions.list('old')).map((s) => [s.id, s.kind, s.status]);
        expect(statuses.sort()).toEqual([
          ['s-city', 'city', 'returned'],
          ['s-dept', 'department', 'approved'],
          ['s-fw', 'framework', 'submitted'],
        ]);
        expect(
          (await repos.submissions.history('old', 's-city')).map((e) => [
            e.action,
            e.fromStatus,
            e.toStatus,
          ]),
        ).toEqual([
          ['approve', 'reviewed', 'approved'],
          ['reopen', 'approved', 'draft'],
          ['return', 'submitted', 'returned'],
        ]);
        expect(await repos.cycles.get('old', 'c1')).toMatchObject({
          planningDepartmentId: 'd-civ',
          frameworkSubmissionId: 's-city',
        });
        expect(await repos.cycles.get('old', 'c2')).toMatchObject({
          planningDepartmentId: null,
          frameworkSubmissionId: null,
        });
        expect((await repos.departments.get('old', 'd-pln'))?.kind).toBe('deputy');
      } finally {
        await now.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await scratch.drop();
    }
  });
});
