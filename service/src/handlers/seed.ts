/**
 * First start: an empty database gets the sample city (shared/src/sample), so the register
 * shows something real at once. Decision (docs/api.md): the sample `city` workbook is split
 * the way the city would file it, each table in a workbook of the kind that may hold it
 * (shared/src/contract/kinds.ts): the framework as the planning deputy's `framework`
 * submission (the cycle's planning department); each department's projects, activities,
 * budget lines and item KPIs as that department's `department` submission; the revenue
 * history and scenarios as the finance deputy's `revenue` submission. The city's monitoring
 * at 1405 H1 (`sampleMonitoringWorkbook`: cumulative allocated, committed and paid, physical
 * progress, realised revenue and KPI readings) is filed as each department's `monitoring`
 * submission (`splitMonitoring`: its items' actuals and its KPIs' readings; realised revenue
 * in the finance deputy's), each checked against the department's approved plan, so the
 * register's monitoring view and Article 71 report show data at once. All are pushed, submitted,
 * reviewed and approved by seeded people, so the consolidated plan is the sample plan, with
 * the sample monitoring workbook's actuals in place of the sample plan's own. An admin API
 * token is written to `<data root>/admin-token` (mode 0600); the log says where, never the
 * token. The city plan then becomes a snapshot, sent to the council, adopted by it with a
 * plausible resolution and published (issue 15), so the public page has a plan at once, and the
 * water company's representative signs it, agreeing with a reservation. Once
 * the framework is approved, an agency representative (the water company, SH13)
 * and a stakeholder (the environmental NGO, SH03) join, tied to the framework's
 * `tblStakeholders`; and when the seed writes files, one person of each role gets a local
 * account whose password is written to `<data root>/local-accounts` (mode 0600), so that a
 * person can sign in on the web at once (README).
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { RawTable, RawWorkbook, WorkbookKind } from '#core';
import {
  KIND_TABLES,
  PRACTICE_MARK,
  SAMPLE_FINANCE_DEPT,
  readPlan,
  sampleMonitoringWorkbook,
  samplePlanWorkbook,
  WORKBOOK_KINDS,
} from '#core';
import type { Principal } from '../auth';
import { createHash } from 'node:crypto';
import type { Role } from '../repositories';
import { hashPassword, oneTimePassword } from '../auth/password';
import type { AppDeps } from './context';
import { signDocument } from './signatures';
import { makeSnapshot, transitionSnapshot } from './snapshots';
import { pushVersion, transition } from './submissions';

/** Tables whose rows belong to the department that carries them out. */
const ITEM_TABLES = new Set(['tblProjects', 'tblActivities', 'tblBudgetLines']);

/** The sample plan as the workbooks the city files (see the module comment). */
export function splitSamplePlan(sample: RawWorkbook = samplePlanWorkbook()): {
  framework: RawWorkbook;
  departments: Map<string, RawWorkbook>;
  revenue: RawWorkbook;
  monitoring: RawWorkbook;
  startYear: number;
} {
  const { plan } = readPlan(sample);
  const col = (t: RawTable, key: string) => {
    const table = plan.tables[t.name as 'tblProjects'];
    const at = table?.columns.get(key);
    return table === undefined || at === undefined ? -1 : at - table.firstColumn;
  };
  const table = (name: string) => sample.tables.find((t) => t.name === name);
  const owner = new Map<string, string>();
  for (const name of ['tblProjects', 'tblActivities']) {
    const t = table(name);
    if (t === undefined) continue;
    const id = col(t, name === 'tblProjects' ? 'ProjectId' : 'ActivityId');
    const dept = col(t, 'Dept');
    for (const r of t.rows) owner.set(String(r[id]), String(r[dept]));
  }
  const ownerOf = (t: RawTable, r: RawTable['rows'][number]): string | undefined => {
    if (t.name === 'tblProjects' || t.name === 'tblActivities') return String(r[col(t, 'Dept')]);
    if (t.name === 'tblKpis') return owner.get(String(r[col(t, 'LinkedId')]));
    // A budget line that links no item (a loan's principal: the financial head) is the
    // finance department's to file.
    if (t.name === 'tblBudgetLines')
      return owner.get(String(r[col(t, 'LinkedId')] ?? '')) ?? SAMPLE_FINANCE_DEPT;
    return undefined;
  };
  const infoKey = (r: RawTable['rows'][number]) => String(r[0]);
  const info = table('tblPlanInfo');
  const kindRow = info?.rows.findIndex((r) => /نوع کارپوشه|WorkbookKind/i.test(infoKey(r))) ?? -1;
  const frameworkTables: RawTable[] = [];
  const revenueTables: RawTable[] = [];
  const monitoringTables: RawTable[] = [];
  const perDept = new Map<string, Map<string, RawTable>>();
  for (const t of sample.tables) {
    if (t.name === 'tblPlanInfo') {
      frameworkTables.push({
        ...t,
        rows: t.rows.map((r, i) => (i === kindRow ? [r[0] ?? null, 'framework'] : r)),
      });
      continue;
    }
    if (t.name !== 'tblDepartments') {
      if (KIND_TABLES.revenue.has(t.name as 'tblRevenueHistory')) {
        revenueTables.push(t);
        continue;
      }
      if (KIND_TABLES.monitoring.has(t.name as 'tblActuals')) {
        monitoringTables.push(t);
        continue;
      }
    }
    const mine: RawTable['rows'] = [];
    for (const r of t.rows) {
      const dept = ITEM_TABLES.has(t.name) || t.name === 'tblKpis' ? ownerOf(t, r) : undefined;
      if (dept === undefined) {
        mine.push(r);
        continue;
      }
      const tables = perDept.get(dept) ?? new Map<string, RawTable>();
      perDept.set(dept, tables);
      const target = tables.get(t.name) ?? { ...t, rows: [] };
      target.rows.push(r);
      tables.set(t.name, target);
    }
    if (!ITEM_TABLES.has(t.name)) frameworkTables.push({ ...t, rows: mine });
  }
  const startYear = plan.info.StartYear ?? 1405;
  const infoOf = (kind: WorkbookKind, dept: string): RawTable => ({
    name: 'tblPlanInfo',
    header: ['Key', 'Value'],
    rows: [
      ['StartYear', startYear],
      ['Years', plan.info.Years],
      ['BaseYear', plan.info.BaseYear],
      ['Unit', 'Rial'],
      ['Department', dept],
      ['WorkbookKind', kind],
      ['Language', 'fa'],
    ],
  });
  const departments = new Map<string, RawWorkbook>();
  for (const [dept, tables] of perDept)
    departments.set(dept, { tables: [infoOf('department', dept), ...tables.values()] });
  return {
    framework: { tables: frameworkTables },
    departments,
    revenue: { tables: [infoOf('revenue', REVENUE_DEPARTMENT), ...revenueTables] },
    monitoring: { tables: [infoOf('monitoring', FRAMEWORK_DEPARTMENT), ...monitoringTables] },
    startYear,
  };
}

/**
 * The city's monitoring workbook split the way the register takes it (issue 14): each item's
 * actuals to the department that carries the item out, each KPI's readings to the department
 * whose plan holds the KPI (an item's KPI: the item's department; a framework KPI: its
 * `OwnerDept`), and realised revenue to the finance department, which files the revenue
 * workbook. The tables of each department, in the city workbook's order.
 */
export function splitMonitoring(sample: RawWorkbook, city: RawWorkbook): Map<string, RawTable[]> {
  const { plan } = readPlan(sample);
  const owner = new Map<string, string>();
  for (const p of plan.tables.tblProjects?.rows ?? []) owner.set(p.ProjectId, p.Dept);
  for (const a of plan.tables.tblActivities?.rows ?? []) owner.set(a.ActivityId, a.Dept);
  const kpiOwner = new Map<string, string>();
  for (const k of plan.tables.tblKpis?.rows ?? [])
    kpiOwner.set(k.KpiId, owner.get(k.LinkedId) ?? k.OwnerDept);
  const read = readPlan(city).plan;
  const col = (t: RawTable, key: string) => {
    const table = read.tables[t.name as 'tblActuals'];
    const at = table?.columns.get(key);
    return table === undefined || at === undefined ? -1 : at - table.firstColumn;
  };
  const out = new Map<string, Map<string, RawTable>>();
  const put = (dept: string, t: RawTable, r: RawTable['rows'][number]) => {
    const tables = out.get(dept) ?? new Map<string, RawTable>();
    out.set(dept, tables);
    const target = tables.get(t.name) ?? { ...t, rows: [] };
    target.rows.push(r);
    tables.set(t.name, target);
  };
  for (const t of city.tables) {
    if (t.name === 'tblActuals') {
      const id = col(t, 'LinkedId');
      for (const r of t.rows) put(owner.get(String(r[id])) ?? FRAMEWORK_DEPARTMENT, t, r);
    } else if (t.name === 'tblKpiActuals') {
      const id = col(t, 'KpiId');
      for (const r of t.rows) put(kpiOwner.get(String(r[id])) ?? FRAMEWORK_DEPARTMENT, t, r);
    } else if (t.name === 'tblRevenueActuals')
      for (const r of t.rows) put(REVENUE_DEPARTMENT, t, r);
  }
  return new Map([...out].map(([dept, tables]) => [dept, [...tables.values()]]));
}

/** The department that owns the city framework in the sample (the planning deputy). */
export const FRAMEWORK_DEPARTMENT = 'D-PLN';
/** The department whose preparer gets a local account in the sample (civil works). */
export const SAMPLE_PREPARER_DEPT = 'D-CIV';
/** The department that files the sample's revenue workbook (the finance deputy). */
export const REVENUE_DEPARTMENT = 'D-FIN';

/** The sample council's resolution adopting the plan of the cycle starting `startYear`. */
export const SAMPLE_RESOLUTION = (startYear: number) => ({
  resolutionNumber: `${startYear - 1}-187`,
  resolutionDate: `${startYear - 1}/12/20`,
  votesFor: 9,
  votesAgainst: 1,
  votesAbstaining: 1,
});

/** The sample water company's reservation on the plan it signs. */
export const SAMPLE_RESERVATION =
  'جابه‌جایی خطوط آب و فاضلاب تقاطع تنها پس از تأمین اعتبار آن در بودجه سال نخست شرکت آغاز می‌شود.';

/** What `seedSample` made. */
export interface SeedResult {
  tenantId: string;
  adminToken: string;
  tokenFile: string | null;
  /** The file of the local accounts' passwords, when written. */
  accountsFile: string | null;
}

/** The sample's outside people: who, with which role, for which `tblStakeholders` entry. */
const SAMPLE_OUTSIDE_PEOPLE = [
  { local: 'agency', role: 'agency', stakeholderId: 'SH13', name: 'نماینده شرکت آب و فاضلاب' },
  {
    local: 'stakeholder',
    role: 'stakeholder',
    stakeholderId: 'SH03',
    name: 'عضو انجمن دوستداران محیط زیست',
  },
] as const;

const must = <T>(r: ({ ok: true } & T) | { ok: false; reason: string }, what: string): T => {
  if (!r.ok) throw new Error(`seeding: ${what}: ${r.reason}`);
  return r;
};

/** How the sample is seeded (`seedSample`, `seedSampleTenant`). */
export interface SeedOptions {
  tenantId: string;
  tokenDir: string | null;
  logger?: Logger;
  /**
   * File each department's monitoring of 1405 H1 (default): the register's first start does;
   * tests that do not read monitoring leave it out (16 more submissions to push and approve).
   */
  monitoring?: boolean;
  /** Give one person of each role a password (default: when `tokenDir` is set). */
  localAccounts?: boolean;
  /** Seed a practice municipality (issue 20; `handlers/practice.ts`). */
  practice?: boolean;
}

/**
 * Seeds the sample city into an empty database; does nothing (null) when any municipality
 * exists. `tokenDir` null: the admin token is returned, not written.
 */
export async function seedSample(deps: AppDeps, options: SeedOptions): Promise<SeedResult | null> {
  if ((await deps.repos.tenants.list()).length > 0) return null;
  return seedSampleTenant(deps, options);
}

/**
 * Seeds the sample city as the municipality `options.tenantId`, beside any others (a practice
 * municipality); fails when that municipality exists.
 */
export async function seedSampleTenant(deps: AppDeps, options: SeedOptions): Promise<SeedResult> {
  const { repos } = deps;
  const { tenantId } = options;
  const sample = samplePlanWorkbook();
  const { plan } = readPlan(sample);
  const name = plan.info.Municipality || tenantId;
  must(
    await repos.tenants.create(
      {
        id: tenantId,
        name: options.practice === true ? `${name} (${PRACTICE_MARK.fa})` : name,
        practice: options.practice === true,
      },
      null,
    ),
    'tenant',
  );
  const deptIds = new Map<string, string>();
  const deptNames = new Map<string, string>();
  for (const d of plan.tables.tblDepartments?.rows ?? []) {
    deptNames.set(d.DeptId, d.Name);
    const { department } = must(
      await repos.departments.create(
        tenantId,
        { code: d.DeptId, name: d.Name, kind: d.Kind },
        null,
      ),
      `department ${d.DeptId}`,
    );
    deptIds.set(d.DeptId, department.id);
  }
  // The sample's people, named as a municipality's staff would see them in the register.
  const SEED_NAMES: Readonly<Record<string, string>> = {
    admin: 'مدیر سامانه',
    reviewer: 'کارشناس بازبینی برنامه',
    approver: 'معاون برنامه‌ریزی',
    council: 'دبیرخانه شورای شهر',
  };
  const user = async (
    email: string,
    roles: Role[],
    dept: string | null,
    stakeholderId: string | null = null,
  ): Promise<Principal> => {
    const local = email.split('@')[0] ?? email;
    const displayName =
      SEED_NAMES[local] ??
      (dept !== null ? `کارشناس برنامه ${deptNames.get(dept) ?? dept}` : local);
    const { user: u } = must(
      await repos.users.create(
        tenantId,
        {
          email,
          displayName,
          departmentId: dept === null ? null : (deptIds.get(dept) ?? null),
          stakeholderId,
          roles,
        },
        null,
      ),
      `user ${email}`,
    );
    return {
      tenantId,
      userId: u.id,
      email,
      displayName: u.displayName,
      departmentId: u.departmentId,
      stakeholderId: u.stakeholderId,
      roles: u.roles,
      via: 'api-token',
    };
  };
  const admin = await user(`admin@${tenantId}.example`, ['admin'], null);
  const reviewer = await user(`reviewer@${tenantId}.example`, ['reviewer'], FRAMEWORK_DEPARTMENT);
  const approver = await user(`approver@${tenantId}.example`, ['approver'], FRAMEWORK_DEPARTMENT);
  const council = await user(`council@${tenantId}.example`, ['council'], null);
  const { framework, departments, revenue, monitoring, startYear } = splitSamplePlan(sample);
  const deptId = (code: string): string => {
    const id = deptIds.get(code);
    if (id === undefined) throw new Error(`seeding: no department ${code}`);
    return id;
  };
  const { cycle } = must(
    await repos.cycles.create(
      tenantId,
      {
        startYear,
        years: plan.info.Years,
        title: plan.info.PlanTitle || `${startYear}`,
        planningDepartmentId: deptId(FRAMEWORK_DEPARTMENT),
      },
      admin.userId,
    ),
    'cycle',
  );
  const preparers = new Map<string, Principal>();
  const file = async (code: string, kind: WorkbookKind, workbook: RawWorkbook) => {
    const preparer =
      preparers.get(code) ??
      (await user(`preparer.${code.toLowerCase()}@${tenantId}.example`, ['preparer'], code));
    preparers.set(code, preparer);
    // The framework is filed by the approver (createSubmission's rule); the rest by preparers.
    const creator = kind === 'framework' ? approver : preparer;
    const { submission } = must(
      await repos.submissions.create(
        tenantId,
        {
          cycleId: cycle.id,
          departmentId: deptId(code),
          kind,
          title: `برنامه ${WORKBOOK_KINDS.find((k) => k.value === kind)?.fa ?? kind}، ${deptNames.get(code) ?? code}`,
        },
        creator.userId,
      ),
      `submission ${code} ${kind}`,
    );
    const body = JSON.stringify(workbook);
    await pushVersion(deps, preparer, submission.id, {
      raw: workbook,
      xlsx: null,
      ifMatch: '"0"',
      idempotencyKey: undefined,
      requestHash: createHash('sha256').update(body).digest('hex'),
    });
    await transition(deps, preparer, submission.id, {
      action: 'submit',
      note: 'ثبت خودکار برنامه شهر نمونه',
    });
    await transition(deps, reviewer, submission.id, {
      action: 'review',
      note: 'ثبت خودکار برنامه شهر نمونه',
    });
    await transition(deps, approver, submission.id, {
      action: 'approve',
      note: 'ثبت خودکار برنامه شهر نمونه',
    });
  };
  await file(FRAMEWORK_DEPARTMENT, 'framework', framework);
  // The framework's tblStakeholders now names them: the outside people join.
  const outside = new Map<string, Principal>();
  for (const o of SAMPLE_OUTSIDE_PEOPLE) {
    const { user: u } = must(
      await repos.users.create(
        tenantId,
        {
          email: `${o.local}@${tenantId}.example`,
          displayName: o.name,
          stakeholderId: o.stakeholderId,
          roles: [o.role],
        },
        admin.userId,
      ),
      `user ${o.local}`,
    );
    outside.set(o.local, {
      tenantId,
      userId: u.id,
      email: u.email,
      displayName: u.displayName,
      departmentId: null,
      stakeholderId: u.stakeholderId,
      roles: u.roles,
      via: 'api-token',
    });
  }
  await file(REVENUE_DEPARTMENT, 'revenue', revenue);
  for (const [code, workbook] of departments) await file(code, 'department', workbook);
  // The city's monitoring of 1405 H1, filed by the departments that answer for it.
  const info = monitoring.tables.filter((t) => t.name === 'tblPlanInfo');
  const monitored =
    options.monitoring === false
      ? new Map<string, RawTable[]>()
      : splitMonitoring(sample, sampleMonitoringWorkbook());
  for (const [code, tables] of monitored)
    await file(code, 'monitoring', {
      tables: [
        ...info.map((t) => ({
          ...t,
          rows: t.rows.map((r) => (r[0] === 'Department' ? [r[0], code] : r)),
        })),
        ...tables,
      ],
    });

  // The city plan as the council adopted it (a plausible resolution of the sample's council of
  // eleven, in Esfand before the plan's first year) and published, so that the public page
  // has a plan before anyone signs in.
  const snapshot = await makeSnapshot(deps, approver, cycle.id, 'seed');
  await transitionSnapshot(deps, approver, snapshot.id, {
    action: 'send-to-council',
    note: 'ثبت خودکار برنامه شهر نمونه',
  });
  await transitionSnapshot(deps, council, snapshot.id, {
    action: 'adopt',
    resolution: SAMPLE_RESOLUTION(startYear),
  });
  await transitionSnapshot(deps, council, snapshot.id, { action: 'publish' });
  // The water company's representative signs the adopted plan, with a reservation.
  const agency = outside.get('agency');
  if (agency !== undefined)
    await signDocument(deps, agency, cycle.id, {
      snapshotId: snapshot.id,
      position: 'agree-with-reservations',
      text: SAMPLE_RESERVATION,
    });

  const { secret } = must(
    await repos.tokens.issue(tenantId, { userId: admin.userId, name: 'first start' }, null),
    'admin token',
  );
  let tokenFile: string | null = null;
  if (options.tokenDir !== null) {
    mkdirSync(options.tokenDir, { recursive: true });
    tokenFile = path.join(options.tokenDir, 'admin-token');
    writeFileSync(tokenFile, `${secret}\n`, { mode: 0o600 });
    chmodSync(tokenFile, 0o600);
  }
  // One person of each role with a password, in a mode-0600 file beside the token.
  let accountsFile: string | null = null;
  if (options.tokenDir !== null && (options.localAccounts ?? true)) {
    const lines = [
      '# Local accounts of the sample city: role, e-mail, password (municipality code: ' +
        `${tenantId}). Sign in at the register's web page; change them or remove this file.`,
    ];
    const people: [Role, string][] = [
      ['admin', `admin@${tenantId}.example`],
      ['preparer', `preparer.${SAMPLE_PREPARER_DEPT.toLowerCase()}@${tenantId}.example`],
      ['reviewer', `reviewer@${tenantId}.example`],
      ['approver', `approver@${tenantId}.example`],
      ['council', `council@${tenantId}.example`],
      ['agency', `agency@${tenantId}.example`],
      ['stakeholder', `stakeholder@${tenantId}.example`],
    ];
    for (const [role, email] of people) {
      const u = await repos.users.getByEmail(tenantId, email);
      if (u === null) throw new Error(`seeding: no user ${email}`);
      const password = oneTimePassword();
      must(
        await repos.people.setPassword(
          tenantId,
          u.id,
          {
            passwordHash: await hashPassword(password, deps.config.sessions.scrypt),
            mustChange: false,
          },
          null,
        ),
        `password of ${email}`,
      );
      lines.push(`${role}\t${email}\t${password}`);
    }
    accountsFile = path.join(options.tokenDir, 'local-accounts');
    writeFileSync(accountsFile, `${lines.join('\n')}\n`, { mode: 0o600 });
    chmodSync(accountsFile, 0o600);
  }
  // The token is a secret: it goes to its mode-0600 file (or back to the caller), never to
  // the log, which is copied to places a secret must not go (terminals, log collectors).
  options.logger?.warn(
    { tenantId, tokenFile },
    tokenFile === null
      ? 'seeded the sample plan; an admin API token was issued to the caller'
      : `seeded the sample plan; the admin API token is in ${tokenFile}${accountsFile === null ? '' : `, the local accounts' passwords in ${accountsFile}`} (readable by this user only)`,
  );
  return { tenantId, adminToken: secret, tokenFile, accountsFile };
}
