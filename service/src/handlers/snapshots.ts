/**
 * Snapshots of the city plan and the council stage (docs/api.md, "Snapshots and the
 * council"). A snapshot is made of the latest approved version of each plan submission of a
 * cycle (the framework, revenue and department workbooks: monitoring is execution, not the
 * plan): automatically when the planning office's approval of a plan submission leaves none
 * of the cycle's plan submissions unapproved, or when the planning office asks. The council
 * stage's rule is the core's (`judgeSnapshotAction`); the baseline of a cycle is its first
 * adopted snapshot.
 */
import type {
  ApiMeasuredSnapshot,
  ApiSnapshot,
  ApiSnapshotImpact,
  ApiSnapshotTransition,
  RevisionSide,
  SnapshotStatus,
} from '#core';
import {
  AMENDMENT_TABLES,
  amendableTableOf,
  isFrameworkKind,
  judgeSnapshotAction,
  validateAmendments,
  measureCityPlan,
  measuredSnapshotOf,
  revisionImpact,
  SNAPSHOT_MAKERS,
  snapshotLabel,
  term,
  toAmendmentProblemDetail,
} from '#core';
import { assembleCityPlan } from '../consolidate';
import type { Principal } from '../auth';
import { requireRole } from '../auth';
import type {
  AmendmentInput,
  CycleRecord,
  SnapshotRecord,
  SnapshotSourceRecord,
  SubmissionRecord,
} from '../repositories';
import { ApiError, apiError, notFound } from '../http/errors';
import type { AppDeps } from './context';
import { cycleSubmissions, latestApprovedVersion } from './submissions';

/** Kinds of workbook that are the plan (a snapshot's sources); monitoring is not. */
export function isPlanKind(kind: string): boolean {
  return kind !== 'monitoring';
}

/** The plan submissions of a cycle: the one framework, revenue and department workbooks. */
async function planSubmissions(deps: AppDeps, tenantId: string, cycleId: string) {
  const { included } = await cycleSubmissions(deps, tenantId, cycleId);
  return included.filter((s) => isPlanKind(s.kind));
}

/** The sources of a snapshot made now: each plan submission's latest approved version. */
async function currentSources(
  deps: AppDeps,
  tenantId: string,
  subs: readonly SubmissionRecord[],
): Promise<SnapshotSourceRecord[]> {
  const depts = new Map((await deps.repos.departments.list(tenantId)).map((d) => [d.id, d.code]));
  const out: SnapshotSourceRecord[] = [];
  for (const sub of subs) {
    const version = await latestApprovedVersion(deps, sub);
    if (version === null) continue;
    const detail = await deps.repos.versions.getVersion(tenantId, sub.id, version, {});
    if (detail === null) continue;
    out.push({
      submissionId: sub.id,
      departmentCode: depts.get(sub.departmentId) ?? '',
      kind: sub.kind,
      version,
      tablesSha256: detail.tablesSha256,
    });
  }
  return out;
}

/** A snapshot as the API shows it; `baselineId` is its cycle's first adopted snapshot. */
export function toApiSnapshot(
  s: SnapshotRecord,
  cycle: Pick<CycleRecord, 'startYear'>,
  baselineId: string | null,
): ApiSnapshot {
  return {
    id: s.id,
    cycleId: s.cycleId,
    cycleStart: cycle.startYear,
    number: s.number,
    status: s.status,
    baseline: s.id === baselineId,
    trigger: s.trigger,
    sources: s.sources.map((x) => ({ ...x })),
    sha256: s.sha256,
    createdAt: s.createdAt.toISOString(),
    returnNote: s.returnNote,
    adoption:
      s.resolution === null || s.adoptedAt === null
        ? null
        : { ...s.resolution, adoptedAt: s.adoptedAt.toISOString() },
    publishedAt: s.publishedAt?.toISOString() ?? null,
  };
}

/** The baseline of a cycle: its snapshot adopted first (null before any adoption). */
export function baselineOf(snapshots: readonly SnapshotRecord[]): SnapshotRecord | null {
  let first: SnapshotRecord | null = null;
  for (const s of snapshots)
    if (s.adoptedAt !== null && (first === null || s.adoptedAt < (first.adoptedAt ?? s.adoptedAt)))
      first = s;
  return first;
}

async function cycleOrThrow(deps: AppDeps, tenantId: string, cycleId: string) {
  const cycle = await deps.repos.cycles.get(tenantId, cycleId);
  if (cycle === null) throw notFound(term('cycle'));
  return cycle;
}

/** A cycle's snapshots as the API shows them, oldest first. */
export async function listSnapshots(deps: AppDeps, p: Principal, cycleId: string) {
  const cycle = await cycleOrThrow(deps, p.tenantId, cycleId);
  const all = await deps.repos.snapshots.list(p.tenantId, cycleId);
  const baseline = baselineOf(all)?.id ?? null;
  return all.map((s) => toApiSnapshot(s, cycle, baseline));
}

/** One snapshot as the API shows it. */
export async function snapshotView(deps: AppDeps, tenantId: string, s: SnapshotRecord) {
  const cycle = await cycleOrThrow(deps, tenantId, s.cycleId);
  const baseline = baselineOf(await deps.repos.snapshots.list(tenantId, s.cycleId))?.id ?? null;
  return toApiSnapshot(s, cycle, baseline);
}

/**
 * The snapshot a cycle's figures are measured against (the monitoring view, the Article 71
 * report): its latest adopted snapshot, else its latest; null before it has one.
 */
export async function measuredSnapshot(
  deps: AppDeps,
  tenantId: string,
  cycleId: string,
): Promise<{ record: SnapshotRecord; api: ApiMeasuredSnapshot } | null> {
  const all = await deps.repos.snapshots.list(tenantId, cycleId);
  const record = measuredSnapshotOf(all);
  if (record === null) return null;
  const cycle = await cycleOrThrow(deps, tenantId, cycleId);
  return {
    record,
    api: {
      id: record.id,
      number: record.number,
      status: record.status,
      baseline: record.id === baselineOf(all)?.id,
      label: snapshotLabel(record.number, cycle.startYear, cycle.endYear),
      adoptedAt: record.adoptedAt?.toISOString() ?? null,
      resolutionNumber: record.resolution?.resolutionNumber ?? null,
      resolutionDate: record.resolution?.resolutionDate ?? null,
    },
  };
}

const snapshotTerm = { fa: 'نسخه ثبت‌شده برنامه شهر', en: 'The snapshot' };

export async function getSnapshot(deps: AppDeps, p: Principal, id: string) {
  const s = await deps.repos.snapshots.get(p.tenantId, id);
  if (s === null) throw notFound(snapshotTerm);
  return snapshotView(deps, p.tenantId, s);
}

/**
 * Makes a snapshot of the cycle now (the planning office: approver or admin): of every plan
 * submission's latest approved version. Refused (409) when the cycle's framework has no
 * approved version, or when nothing changed since the latest snapshot.
 */
export async function makeSnapshot(
  deps: AppDeps,
  p: Principal,
  cycleId: string,
  trigger: 'explicit' | 'seed' = 'explicit',
) {
  requireRole(p, ...SNAPSHOT_MAKERS);
  await cycleOrThrow(deps, p.tenantId, cycleId);
  const subs = await planSubmissions(deps, p.tenantId, cycleId);
  const sources = await currentSources(deps, p.tenantId, subs);
  if (!sources.some((s) => isFrameworkKind(s.kind)))
    throw apiError(
      'INVALID_TRANSITION',
      'چارچوب برنامه این دوره هنوز تصویب نشده است؛ نسخه‌ای از برنامه شهر ساخته نمی‌شود.',
      'The cycle’s framework has no approved version yet; no snapshot of the city plan is made.',
    );
  const made = await deps.repos.snapshots.create(
    p.tenantId,
    { cycleId, trigger, sources },
    p.userId,
  );
  if (made.ok) return snapshotView(deps, p.tenantId, made.snapshot);
  if (made.reason === 'unchanged' && made.latest !== undefined)
    throw new ApiError(
      'ALREADY_EXISTS',
      {
        fa: `نسخه ثبت‌شده شماره ${made.latest.number} همین نسخه‌های تصویب‌شده را دارد.`,
        en: `Snapshot ${made.latest.number} is of the same approved versions.`,
      },
      { snapshot: await snapshotView(deps, p.tenantId, made.latest) },
    );
  throw apiError(
    'VERSION_CONFLICT',
    'هم‌زمان نسخه دیگری از برنامه شهر ساخته شد؛ دوباره بنگرید.',
    'Another snapshot was made at the same moment; look again.',
  );
}

/**
 * After an approval: when the approved submission is a plan submission and none of the
 * cycle's plan submissions is left unapproved, the city plan becomes a snapshot (unless the
 * latest snapshot is of the same versions). Returns the snapshot made, or null.
 */
export async function snapshotAfterApproval(
  deps: AppDeps,
  p: Principal,
  approved: Pick<SubmissionRecord, 'kind' | 'cycleId'>,
): Promise<SnapshotRecord | null> {
  if (!isPlanKind(approved.kind)) return null;
  const subs = await planSubmissions(deps, p.tenantId, approved.cycleId);
  if (!subs.some((s) => isFrameworkKind(s.kind))) return null;
  if (subs.some((s) => s.status !== 'approved')) return null;
  const sources = await currentSources(deps, p.tenantId, subs);
  const made = await deps.repos.snapshots.create(
    p.tenantId,
    { cycleId: approved.cycleId, trigger: 'last-approval', sources },
    p.userId,
  );
  return made.ok ? made.snapshot : null;
}

/**
 * Takes a council-stage action on a snapshot: send to the council (planning office), adopt
 * with the resolution and the vote or return with a note (council, admin), publish an adopted
 * one (council, admin). The rule is the core's; the move is conditional on the status judged.
 */
export async function transitionSnapshot(
  deps: AppDeps,
  p: Principal,
  id: string,
  body: ApiSnapshotTransition,
) {
  const s = await deps.repos.snapshots.get(p.tenantId, id);
  if (s === null) throw notFound(snapshotTerm);
  const refused = judgeSnapshotAction(body.action, s.status, s.publishedAt !== null, p.roles);
  if (refused !== null)
    throw new ApiError(
      refused.code,
      refused.reason,
      refused.code === 'INVALID_TRANSITION' ? { status: s.status } : undefined,
    );
  if (body.action === 'adopt' && body.resolution === undefined)
    throw apiError(
      'INVALID_REQUEST',
      'برای تصویب، شماره و تاریخ مصوبه و آرای موافق، مخالف و ممتنع لازم است.',
      'Adoption needs the resolution’s number and date and the votes for, against and abstaining.',
      [{ path: ['resolution'], message: 'Required' }],
    );
  const proposals = body.action === 'return' ? (body.amendments ?? []) : [];
  if (body.action !== 'return' && (body.amendments ?? []).length > 0)
    throw apiError(
      'INVALID_REQUEST',
      'اصلاحات پیشنهادی تنها با بازگرداندن فرستاده می‌شود.',
      'Amendments go with a return only.',
      [{ path: ['amendments'], message: 'only with the action return' }],
    );
  if (body.action === 'return' && (body.note ?? '').trim() === '' && proposals.length === 0)
    throw apiError(
      'INVALID_REQUEST',
      'برای بازگرداندن، دلیل یا اصلاحات پیشنهادی را بنویسید.',
      'Returning needs a note: why, or the amendments proposed.',
      [{ path: ['note'], message: 'Required' }],
    );
  const amendments = proposals.length === 0 ? [] : await checkedAmendments(deps, s, proposals);
  const result = await deps.repos.snapshots.transition(
    p.tenantId,
    id,
    {
      action: body.action,
      expected: s.status as SnapshotStatus,
      note: body.note ?? null,
      resolution: body.action === 'adopt' ? (body.resolution ?? null) : null,
      amendments,
    },
    p.userId,
  );
  if (!result.ok) {
    if (result.reason === 'not-found') throw notFound(snapshotTerm);
    const now = await deps.repos.snapshots.get(p.tenantId, id);
    throw apiError(
      'INVALID_TRANSITION',
      'نسخه ثبت‌شده در این میان جابه‌جا شد؛ دوباره بنگرید.',
      'The snapshot moved meanwhile; look again.',
      { status: now?.status ?? s.status },
    );
  }
  return snapshotView(deps, p.tenantId, result.snapshot);
}

/** A snapshot's plan tables (its pinned versions, assembled) and its cycle's plan years. */
export async function snapshotPlan(deps: AppDeps, s: SnapshotRecord) {
  const cycle = await cycleOrThrow(deps, s.tenantId, s.cycleId);
  const pinned = new Map(s.sources.map((x) => [x.submissionId, x.version]));
  const assembled = await assembleCityPlan(deps, s.tenantId, s.cycleId, pinned);
  const years: number[] = [];
  for (let y = cycle.startYear; y <= cycle.endYear; y += 1) years.push(y);
  return { tables: assembled.tables, years };
}

/**
 * The council's proposals checked by the core against the snapshot they amend; every problem
 * is one 400 with its place (`amendments.<index>.<field>`) in both languages.
 */
async function checkedAmendments(
  deps: AppDeps,
  s: SnapshotRecord,
  proposals: NonNullable<ApiSnapshotTransition['amendments']>,
): Promise<AmendmentInput[]> {
  const plan = await snapshotPlan(deps, s);
  const problems = validateAmendments(proposals, plan);
  if (problems.length > 0)
    throw new ApiError(
      'INVALID_REQUEST',
      {
        fa: `اصلاحات پیشنهادی با این نسخه برنامه نمی‌خواند: ${problems.map((x) => x.message.fa).join('؛ ')}`,
        en: `The amendments do not fit this snapshot: ${problems.map((x) => x.message.en).join('; ')}`,
      },
      problems.map(toAmendmentProblemDetail),
    );
  return proposals.map((a) => ({
    kind: a.kind,
    itemTable: amendableTableOf(plan, a.itemId, AMENDMENT_TABLES[a.kind]) ?? '',
    itemId: a.itemId,
    year: a.year ?? null,
    amount: a.amount === null || a.amount === undefined ? null : BigInt(a.amount),
    text: (a.text ?? '').trim() === '' ? null : (a.text ?? '').trim(),
  }));
}

/**
 * One side of a revision's comparison: a snapshot's plan, its measured fiscal picture and the
 * portfolio the core selects in its capital budget.
 */
async function revisionSide(deps: AppDeps, s: SnapshotRecord): Promise<RevisionSide> {
  const pinned = new Map(s.sources.map((x) => [x.submissionId, x.version]));
  const assembled = await assembleCityPlan(deps, s.tenantId, s.cycleId, pinned);
  const measured = await measureCityPlan(assembled.workbook, { findings: assembled.findings });
  return {
    number: s.number,
    sha256: s.sha256,
    tables: assembled.tables,
    years: measured.years,
    fiscal: measured.fiscal,
    portfolio: measured.portfolio,
  };
}

/**
 * A snapshot's impact against its cycle's baseline and against the snapshot before it (by
 * number); null where there is none, or where it is the baseline itself.
 */
export async function snapshotImpact(
  deps: AppDeps,
  p: Principal,
  id: string,
): Promise<ApiSnapshotImpact> {
  const s = await deps.repos.snapshots.get(p.tenantId, id);
  if (s === null) throw notFound(snapshotTerm);
  const all = await deps.repos.snapshots.list(p.tenantId, s.cycleId);
  const baseline = baselineOf(all);
  const previous = all.filter((x) => x.number < s.number).at(-1) ?? null;
  const me = await revisionSide(deps, s);
  const against = async (other: SnapshotRecord | null) =>
    other === null || other.id === s.id
      ? null
      : revisionImpact(await revisionSide(deps, other), me);
  return { baseline: await against(baseline), previous: await against(previous) };
}
