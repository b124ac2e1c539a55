/**
 * Realistic national data for the scale bench (`npm run bench scale`): the workbooks of a city
 * of a given size, built from the sample city (shared/src/sample, split as the register's first
 * start files it: `splitSamplePlan`), and the seeding of such a city through the register's
 * own push and workflow handlers (the same code the HTTP routes call), so every stored version
 * is a real push: parsed, validated against the cycle's framework, stored, totalled, audited.
 *
 * A city's size (`CityShape`): how many departments file plans (the sample's 16 deputies,
 * districts, organisations and company, plus more districts and organisations named after
 * them for a larger city), how many projects and activities they carry out, and how many
 * versions each department pushes. Projects and activities are the sample's, copied under new
 * IDs (`P-<dept>-<n>`, `A-<dept>-<n>`) and given to their department; each item gets its
 * budget lines (`tblBudgetLines`): a project one per year it spends in, an activity one for
 * each of its first four years, so that lines ≈ 4 × items, as the issue's Tehran has
 * (~5,000 projects, ~20,000 activities, ~100,000 lines).
 */
import { createHash } from 'node:crypto';
import type { RawCell, RawTable, RawWorkbook, WorkbookKind } from '#core';
import { captionOf, getTableSpec, readPlan, WORKBOOK_KINDS } from '#core';
import type { Principal } from '../../service/src/auth';
import type { AppDeps } from '../../service/src/handlers/context';
import {
  FRAMEWORK_DEPARTMENT,
  REVENUE_DEPARTMENT,
  splitSamplePlan,
} from '../../service/src/handlers/seed';
import { pushVersion, transition } from '../../service/src/handlers/submissions';
import type { Role } from '../../service/src/repositories';

/** The size of a city. */
export interface CityShape {
  /** A label for the report. */
  label: string;
  /** Districts (`R1`…): the sample has 4. */
  districts: number;
  /** Departments in all (deputies, districts, organisations, company): the sample has 16. */
  departments: number;
  /** Departments that file a department plan (the first ones of the list). */
  filing: number;
  projects: number;
  activities: number;
  /** Versions each department pushes (the last one approved). */
  versions: number;
  /**
   * The share of the projects and activities carried by the largest department (the civil
   * works deputy, `D-CIV`); the rest are spread evenly.
   */
  largestShare: number;
}

/** The issue's Tehran: 22 districts, 56 departments and organisations, ~100,000 budget lines. */
export const TEHRAN: CityShape = {
  label: 'Tehran-like',
  districts: 22,
  departments: 56,
  filing: 56,
  projects: 5000,
  activities: 20000,
  versions: 2,
  largestShare: 0.08,
};
/** A metropolis: about a quarter of Tehran. */
export const METROPOLIS: CityShape = {
  label: 'metropolis',
  districts: 10,
  departments: 30,
  filing: 30,
  projects: 1250,
  activities: 5000,
  versions: 2,
  largestShare: 0.08,
};
/** A mid-sized city like the sample (~500,000 people). */
export const MID: CityShape = {
  label: 'mid-sized',
  districts: 4,
  departments: 16,
  filing: 16,
  projects: 47,
  activities: 60,
  versions: 2,
  largestShare: 0.15,
};
/** A small city: a handful of departments, tens of projects. */
export const SMALL: CityShape = {
  label: 'small',
  districts: 4,
  departments: 16,
  filing: 5,
  projects: 30,
  activities: 40,
  versions: 2,
  largestShare: 0.3,
};

const LARGEST = 'D-CIV';

function colOf(t: RawTable, key: string): number {
  const at = t.header.indexOf(captionOf(getTableSpec(t.name as 'tblProjects'), key, 'fa'));
  if (at < 0) throw new Error(`${t.name} has no column ${key}`);
  return at;
}

/** The city's workbooks: its framework, revenue workbook and each filing department's plan. */
export interface CityWorkbooks {
  framework: RawWorkbook;
  revenue: RawWorkbook;
  /** Department code → its versions' workbooks, first to last. */
  departments: Map<string, RawWorkbook[]>;
  startYear: number;
}

/** Builds the workbooks of a city of `shape` (deterministic). */
export function cityWorkbooks(shape: CityShape): CityWorkbooks {
  const split = splitSamplePlan();
  const allDept = [...split.departments.values()];
  const tableOf = (wb: RawWorkbook, name: string) => wb.tables.find((t) => t.name === name);
  const gather = (name: string): { header: RawTable['header']; rows: RawCell[][] } => {
    const rows: RawCell[][] = [];
    let header: RawTable['header'] = [];
    for (const wb of allDept) {
      const t = tableOf(wb, name);
      if (t === undefined) continue;
      header = t.header;
      rows.push(...t.rows);
    }
    return { header, rows };
  };
  const projects = gather('tblProjects');
  const activities = gather('tblActivities');
  const lines = gather('tblBudgetLines');
  const pT = { name: 'tblProjects', header: projects.header, rows: [] } as RawTable;
  const aT = { name: 'tblActivities', header: activities.header, rows: [] } as RawTable;
  const lT = { name: 'tblBudgetLines', header: lines.header, rows: [] } as RawTable;

  // The framework: the sample's, its tblDepartments grown to the city's departments.
  const deptT = split.framework.tables.find((t) => t.name === 'tblDepartments');
  if (deptT === undefined) throw new Error('the sample framework has no tblDepartments');
  const dId = colOf(deptT, 'DeptId');
  const dName = colOf(deptT, 'Name');
  const deptRows = [...deptT.rows];
  const districtRow = deptRows.find((r) => String(r[dId]).startsWith('R'));
  const orgRow = deptRows.find((r) => String(r[dId]).startsWith('O-'));
  if (districtRow === undefined || orgRow === undefined) throw new Error('sample departments');
  const sampleDistricts = deptRows.filter((r) => String(r[dId]).startsWith('R')).length;
  for (let i = sampleDistricts + 1; i <= shape.districts; i++) {
    const r = [...districtRow];
    r[dId] = `R${i}`;
    r[dName] = `منطقه ${i.toLocaleString('fa-IR', { useGrouping: false })}`;
    deptRows.push(r);
  }
  for (let i = 1; deptRows.length < shape.departments; i++) {
    const r = [...orgRow];
    r[dId] = `O-X${String(i).padStart(2, '0')}`;
    r[dName] = `سازمان ${i.toLocaleString('fa-IR', { useGrouping: false })} شهرداری`;
    deptRows.push(r);
  }
  const framework: RawWorkbook = {
    tables: split.framework.tables.map((t) => (t === deptT ? { ...t, rows: deptRows } : t)),
  };

  // Which departments file: the largest first, then the framework's and the revenue's, then
  // the list's order.
  const codes = deptRows.map((r) => String(r[dId]));
  const order = [
    LARGEST,
    FRAMEWORK_DEPARTMENT,
    REVENUE_DEPARTMENT,
    ...codes.filter((c) => c !== LARGEST && c !== FRAMEWORK_DEPARTMENT && c !== REVENUE_DEPARTMENT),
  ].slice(0, shape.filing);
  const share = (total: number, i: number): number => {
    const big = Math.round(total * shape.largestShare);
    if (order.length === 1) return total;
    if (i === 0) return big;
    const rest = total - big;
    const n = order.length - 1;
    return Math.floor(rest / n) + (i - 1 < rest % n ? 1 : 0);
  };

  const pId = colOf(pT, 'ProjectId');
  const pDept = colOf(pT, 'Dept');
  const pDep = colOf(pT, 'DependsOn');
  const pSrc = colOf(pT, 'SourceId');
  const aId = colOf(aT, 'ActivityId');
  const aDept = colOf(aT, 'Dept');
  const aSrc = colOf(aT, 'SourceId');
  const aChapter = colOf(aT, 'Chapter');
  const lCode = colOf(lT, 'BudgetCode');
  const lYear = colOf(lT, 'Year');
  const lKind = colOf(lT, 'Kind');
  const lLinked = colOf(lT, 'LinkedId');
  const lSrc = colOf(lT, 'SourceId');
  const lAmount = colOf(lT, 'Amount');
  const lStage = colOf(lT, 'Stage');
  const lChapter = colOf(lT, 'Chapter');
  const years = [1405, 1406, 1407, 1408, 1409];
  const yearCol = (t: RawTable, y: number) => t.header.indexOf(String(y));
  // Template budget lines: one of a project (capital), one of an activity (current).
  const capital = lines.rows.find((r) => String(r[lLinked]).startsWith('P-'));
  const current = lines.rows.find((r) => String(r[lLinked]).startsWith('A-'));
  if (capital === undefined || current === undefined) throw new Error('sample budget lines');
  const approved = capital[lStage];

  const departments = new Map<string, RawWorkbook[]>();
  order.forEach((code, i) => {
    const tag = String(i + 1).padStart(3, '0');
    const pRows: RawCell[][] = [];
    const aRows: RawCell[][] = [];
    const lRows: RawCell[][] = [];
    const np = share(shape.projects, i);
    const na = share(shape.activities, i);
    for (let n = 0; n < np; n++) {
      const r = [...(projects.rows[(n + i) % projects.rows.length] ?? [])];
      const id = `P-${tag}-${String(n + 1).padStart(4, '0')}`;
      r[pId] = id;
      r[pDept] = code;
      r[pDep] = null;
      pRows.push(r);
      for (const y of years) {
        const amount = r[yearCol(pT, y)];
        if (typeof amount !== 'number' || amount === 0) continue;
        const l = [...capital];
        l[lCode] = `${y}-3-${tag}-${n + 1}`;
        l[lYear] = y;
        l[lLinked] = id;
        l[lSrc] = r[pSrc] ?? null;
        l[lAmount] = amount;
        l[lStage] = approved ?? null;
        lRows.push(l);
      }
    }
    for (let n = 0; n < na; n++) {
      const r = [...(activities.rows[(n + i) % activities.rows.length] ?? [])];
      const id = `A-${tag}-${String(n + 1).padStart(5, '0')}`;
      r[aId] = id;
      r[aDept] = code;
      aRows.push(r);
      for (const y of years.slice(0, 4)) {
        const amount = r[yearCol(aT, y)];
        if (typeof amount !== 'number' || amount === 0) continue;
        const l = [...current];
        l[lCode] = `${y}-2-${tag}-${n + 1}`;
        l[lYear] = y;
        l[lKind] = current[lKind] ?? null;
        l[lLinked] = id;
        l[lSrc] = r[aSrc] ?? null;
        l[lAmount] = amount;
        l[lStage] = approved ?? null;
        l[lChapter] = r[aChapter] ?? null;
        lRows.push(l);
      }
    }
    const info: RawTable = {
      name: 'tblPlanInfo',
      header: ['Key', 'Value'],
      rows: [
        ['StartYear', split.startYear],
        ['Years', years.length],
        ['BaseYear', split.startYear - 1],
        ['Unit', 'Rial'],
        ['Department', code],
        ['WorkbookKind', 'department'],
        ['Language', 'fa'],
      ],
    };
    const first: RawWorkbook = {
      tables: [info, { ...pT, rows: pRows }, { ...aT, rows: aRows }, { ...lT, rows: lRows }].filter(
        (t) => t.name === 'tblPlanInfo' || t.rows.length > 0,
      ),
    };
    const versions = [first];
    for (let v = 2; v <= shape.versions; v++) versions.push(revise(versions[v - 2]!, v, lAmount));
    departments.set(code, versions);
  });
  return { framework, revenue: split.revenue, departments, startYear: split.startYear };
}

/**
 * The next version of a department plan, as a department revises its plan: every 20th budget
 * line's amount raised by 1 %, a whole number of Rials (a few percent of the rows change).
 */
function revise(wb: RawWorkbook, v: number, amountCol: number): RawWorkbook {
  return {
    tables: wb.tables.map((t) =>
      t.name !== 'tblBudgetLines'
        ? t
        : {
            ...t,
            rows: t.rows.map((r, i) => {
              if ((i + v) % 20 !== 0) return r;
              const out = [...r];
              const a = out[amountCol];
              if (typeof a === 'number') out[amountCol] = a + Math.round(a / 100);
              return out;
            }),
          },
    ),
  };
}

/** Counts of a city's stored rows, for the report. */
export interface CityCounts {
  departments: number;
  projects: number;
  activities: number;
  budgetLines: number;
  versions: number;
}

export function countsOf(city: CityWorkbooks): CityCounts {
  let projects = 0;
  let activities = 0;
  let budgetLines = 0;
  let versions = 2; // framework and revenue
  for (const vs of city.departments.values()) {
    versions += vs.length;
    const last = vs[vs.length - 1]!;
    for (const t of last.tables) {
      if (t.name === 'tblProjects') projects += t.rows.length;
      if (t.name === 'tblActivities') activities += t.rows.length;
      if (t.name === 'tblBudgetLines') budgetLines += t.rows.length;
    }
  }
  return { departments: city.departments.size, projects, activities, budgetLines, versions };
}

const must = <T>(r: ({ ok: true } & T) | { ok: false; reason: string }, what: string): T => {
  if (!r.ok) throw new Error(`seeding: ${what}: ${r.reason}`);
  return r;
};

/** What `seedCity` made: the ids a bench needs. */
export interface SeededCity {
  tenantId: string;
  cycleId: string;
  /** Department code → its department submission's id. */
  submissions: Map<string, string>;
  /** An API token of the city's approver (reads everything of the city). */
  approverToken: string;
  /** An API token of the largest department's preparer. */
  preparerToken: string;
}

/**
 * Seeds a city of `city`'s workbooks into the register as `tenantId`: the municipality, its
 * departments and people, a cycle, the framework and revenue (approved), and every department's
 * versions pushed one after another and the last one submitted, reviewed and approved.
 * `onDepartment` is told after each department (progress).
 */
export async function seedCity(
  deps: AppDeps,
  tenantId: string,
  city: CityWorkbooks,
  onDepartment?: (code: string, done: number, of: number) => void,
): Promise<SeededCity> {
  const { repos } = deps;
  const { plan } = readPlan(city.framework);
  must(await repos.tenants.create({ id: tenantId, name: `شهرداری ${tenantId}` }, null), 'tenant');
  const deptIds = new Map<string, string>();
  for (const d of plan.tables.tblDepartments?.rows ?? []) {
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
  const deptId = (code: string): string => {
    const id = deptIds.get(code);
    if (id === undefined) throw new Error(`seeding: no department ${code}`);
    return id;
  };
  const user = async (email: string, roles: Role[], dept: string | null): Promise<Principal> => {
    const { user: u } = must(
      await repos.users.create(
        tenantId,
        {
          email,
          displayName: email.split('@')[0] ?? email,
          departmentId: dept === null ? null : deptId(dept),
          stakeholderId: null,
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
  const { cycle } = must(
    await repos.cycles.create(
      tenantId,
      {
        startYear: city.startYear,
        years: plan.info.Years,
        title: plan.info.PlanTitle || `${city.startYear}`,
        planningDepartmentId: deptId(FRAMEWORK_DEPARTMENT),
      },
      admin.userId,
    ),
    'cycle',
  );
  const preparers = new Map<string, Principal>();
  const note = 'ثبت خودکار داده‌های آزمون رشد';
  const submissions = new Map<string, string>();
  const file = async (code: string, kind: WorkbookKind, versions: readonly RawWorkbook[]) => {
    const preparer =
      preparers.get(code) ??
      (await user(`preparer.${code.toLowerCase()}@${tenantId}.example`, ['preparer'], code));
    preparers.set(code, preparer);
    const creator = kind === 'framework' ? approver : preparer;
    const { submission } = must(
      await repos.submissions.create(
        tenantId,
        {
          cycleId: cycle.id,
          departmentId: deptId(code),
          kind,
          title: `برنامه ${WORKBOOK_KINDS.find((k) => k.value === kind)?.fa ?? kind}، ${code}`,
        },
        creator.userId,
      ),
      `submission ${code} ${kind}`,
    );
    for (let v = 0; v < versions.length; v++) {
      const body = JSON.stringify(versions[v]);
      await pushVersion(deps, preparer, submission.id, {
        raw: versions[v]!,
        xlsx: null,
        ifMatch: `"${v}"`,
        idempotencyKey: undefined,
        requestHash: createHash('sha256').update(body).digest('hex'),
      });
    }
    await transition(deps, preparer, submission.id, { action: 'submit', note });
    await transition(deps, reviewer, submission.id, { action: 'review', note });
    await transition(deps, approver, submission.id, { action: 'approve', note });
    return submission.id;
  };
  await file(FRAMEWORK_DEPARTMENT, 'framework', [city.framework]);
  await file(REVENUE_DEPARTMENT, 'revenue', [city.revenue]);
  let done = 0;
  for (const [code, versions] of city.departments) {
    submissions.set(code, await file(code, 'department', versions));
    onDepartment?.(code, ++done, city.departments.size);
  }
  const token = async (p: Principal) =>
    must(
      await repos.tokens.issue(tenantId, { userId: p.userId, name: 'scale bench' }, null),
      'token',
    ).secret;
  const largest = preparers.get(LARGEST);
  if (largest === undefined) throw new Error('seeding: the largest department filed nothing');
  return {
    tenantId,
    cycleId: cycle.id,
    submissions,
    approverToken: await token(approver),
    preparerToken: await token(largest),
  };
}

/** The code of the largest department of every shape. */
export const LARGEST_DEPARTMENT = LARGEST;
