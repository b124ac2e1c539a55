/**
 * `GET /api/cycles/{cycleId}/process`: the plan's process, guided. The core counts
 * (`shared/src/process`); this gathers what it counts from: the city plan assembled from the
 * approved versions, and the register's facts (which departments sent and had approved their
 * plans, the latest period each one's approved monitoring reports, the council's snapshot).
 */
import type { ApiProcess, CityFacts, DepartmentFacts, MonitorPeriod, PhaseProgress } from '#core';
import {
  PLAN_PHASES,
  formatJalali,
  fromCanonicalTables,
  fsi,
  latestMonitorPeriod,
  parseJalaliDate,
  periodOrder,
  periodsDue,
  processProgress,
  readPlan,
  rowsOf,
  tehranDayOf,
  unreported,
  validateWorkbook,
} from '#core';
import { assembleCityPlan } from '../consolidate';
import { ApiError } from '../http/errors';
import type { AppDeps } from './context';
import { cycleSubmissions, latestApprovedVersion, versionPlan } from './submissions';

/** The kinds of workbook in which a department sends its plan. */
const PLAN_KINDS = new Set(['department', 'city']);

const later = (a: MonitorPeriod | null, b: MonitorPeriod | null): MonitorPeriod | null =>
  a === null
    ? b
    : b === null
      ? a
      : b.year > a.year || (b.year === a.year && periodOrder(b.period) > periodOrder(a.period))
        ? b
        : a;

/** The Jalali day of `?on=`, or today in Tehran; a day that cannot be read is a 400. */
function dayOf(on: string | undefined, now: Date): { jy: number; jm: number; jd: number } {
  if (on === undefined) return tehranDayOf(now);
  const parsed = parseJalaliDate(on);
  if (!parsed.ok)
    throw new ApiError(
      'INVALID_REQUEST',
      {
        fa: `روز «${fsi(on)}» خوانده نشد: ${parsed.message.fa}`,
        en: `The day "${on}" could not be read: ${parsed.message.en}`,
      },
      [{ path: ['on'], code: 'invalid_value', message: parsed.message.en, given: on }],
    );
  return parsed.value;
}

const withSpec = (p: PhaseProgress) => {
  const spec = PLAN_PHASES.find((s) => s.id === p.phase);
  if (spec === undefined) throw new Error(`no phase ${p.phase}`);
  return {
    ...p,
    requirements: [...p.requirements],
    title: spec.title,
    owner: spec.owner,
    help: spec.help,
  };
};

/** The process of a cycle as on a day (default: today in Tehran). */
export async function cycleProcess(
  deps: AppDeps,
  tenantId: string,
  cycleId: string,
  on: string | undefined,
  now: Date = new Date(),
): Promise<ApiProcess> {
  const day = dayOf(on, now);
  const assembled = await assembleCityPlan(deps, tenantId, cycleId);
  const { plan } = validateWorkbook(assembled.workbook, { workbookKind: 'city' });
  const [{ included }, departments, snapshots] = await Promise.all([
    cycleSubmissions(deps, tenantId, cycleId),
    deps.repos.departments.list(tenantId),
    deps.repos.snapshots.list(tenantId, cycleId),
  ]);
  // A department takes part when the plan gives it work or it sends a plan of its own.
  const owners = new Set<string>([
    ...rowsOf(plan, 'tblPrograms').map((r) => r.OwnerDept),
    ...rowsOf(plan, 'tblProjects').map((r) => r.Dept),
    ...rowsOf(plan, 'tblActivities').map((r) => r.Dept),
    ...rowsOf(plan, 'tblKpis').map((r) => r.OwnerDept),
  ]);
  const facts = new Map<string, DepartmentFacts & { name: string }>();
  for (const d of departments) {
    const subs = included.filter((s) => s.departmentId === d.id);
    const plans = subs.filter((s) => PLAN_KINDS.has(s.kind));
    if (!owners.has(d.code) && plans.length === 0) continue;
    let submitted = false;
    let approved = false;
    for (const s of plans) {
      const version = await latestApprovedVersion(deps, s);
      submitted ||= s.status !== 'draft' || version !== null;
      approved ||= version !== null;
    }
    let reportedThrough: MonitorPeriod | null = null;
    for (const s of subs.filter((x) => x.kind === 'monitoring')) {
      const version = await latestApprovedVersion(deps, s);
      if (version === null) continue;
      const tables = await versionPlan(deps, s, version);
      reportedThrough = later(
        reportedThrough,
        latestMonitorPeriod(readPlan(fromCanonicalTables(tables)).plan),
      );
    }
    facts.set(d.code, { code: d.code, name: d.name, submitted, approved, reportedThrough });
  }
  const due = periodsDue(plan.years, day);
  const city: CityFacts = {
    snapshot: snapshots.length > 0,
    adopted: snapshots.some((s) => s.adoptedAt !== null),
    published: snapshots.some((s) => s.publishedAt !== null),
    periodsDue: due,
  };
  const progress = processProgress(plan, [...facts.values()], city);
  const missing = due.flatMap((p) => unreported(plan, p));
  return {
    cycleId,
    on: formatJalali(day, 'en'),
    periodsDue: due,
    phases: progress.phases.map(withSpec),
    next: progress.next,
    departments: progress.departments.map((d) => {
      const f = facts.get(d.code);
      return {
        code: d.code,
        name: f?.name ?? d.code,
        phases: d.phases.map(withSpec),
        next: d.next,
        reportedThrough: f?.reportedThrough ?? null,
        unreported: missing.filter((m) => m.dept === d.code),
      };
    }),
  };
}
