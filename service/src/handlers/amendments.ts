/**
 * The council's amendments (docs/api.md, "Amendments"): proposed with the `return` of a
 * snapshot (snapshots.ts), read per snapshot, and linked by the planning office to the later
 * snapshot of the same cycle where each landed: a changed cost or a drop only where that
 * snapshot's rows carry it (the core's `judgeAmendmentCarried`), a condition wherever it says.
 */
import type { ApiAmendment, ApiAmendmentList } from '#core';
import { judgeAmendmentCarried, SNAPSHOT_MAKERS } from '#core';
import type { Principal } from '../auth';
import { requireRole } from '../auth';
import type { AmendmentRecord } from '../repositories';
import { ApiError, apiError, notFound } from '../http/errors';
import type { AppDeps } from './context';
import { snapshotPlan } from './snapshots';

const amendmentTerm = { fa: 'اصلاح پیشنهادی شورا', en: 'The amendment' };
const snapshotTerm = { fa: 'نسخه ثبت‌شده برنامه شهر', en: 'The snapshot' };

/** An amendment as the API shows it. */
export function toApiAmendment(a: AmendmentRecord): ApiAmendment {
  return {
    id: a.id,
    snapshotId: a.snapshotId,
    seq: a.seq,
    kind: a.kind,
    itemTable: a.itemTable,
    itemId: a.itemId,
    year: a.year,
    amount: a.amount,
    text: a.text,
    status: a.status,
    appliedInSnapshotId: a.appliedInSnapshotId,
    createdAt: a.createdAt.toISOString(),
    appliedAt: a.appliedAt?.toISOString() ?? null,
  };
}

/** `GET /snapshots/{id}/amendments`: those proposed on it and those applied in it. */
export async function snapshotAmendments(
  deps: AppDeps,
  p: Principal,
  snapshotId: string,
): Promise<ApiAmendmentList> {
  const s = await deps.repos.snapshots.get(p.tenantId, snapshotId);
  if (s === null) throw notFound(snapshotTerm);
  const [proposed, applied] = await Promise.all([
    deps.repos.amendments.listOf(p.tenantId, snapshotId),
    deps.repos.amendments.listAppliedIn(p.tenantId, snapshotId),
  ]);
  return { proposed: proposed.map(toApiAmendment), applied: applied.map(toApiAmendment) };
}

/**
 * `POST /amendments/{id}/apply`: links an open amendment to a later snapshot of its cycle that
 * carries it (the planning office: approver, admin).
 */
export async function applyAmendment(
  deps: AppDeps,
  p: Principal,
  id: string,
  snapshotId: string,
): Promise<ApiAmendment> {
  requireRole(p, ...SNAPSHOT_MAKERS);
  const a = await deps.repos.amendments.get(p.tenantId, id);
  if (a === null) throw notFound(amendmentTerm);
  if (a.status !== 'open')
    throw apiError(
      'INVALID_TRANSITION',
      'این اصلاح پیش‌تر به نسخه‌ای از برنامه پیوند خورده است.',
      'The amendment is already linked to the snapshot it landed in.',
      { status: a.status, appliedInSnapshotId: a.appliedInSnapshotId },
    );
  const [proposedIn, target] = await Promise.all([
    deps.repos.snapshots.get(p.tenantId, a.snapshotId),
    deps.repos.snapshots.get(p.tenantId, snapshotId),
  ]);
  if (target === null) throw notFound(snapshotTerm);
  if (proposedIn === null) throw notFound(snapshotTerm);
  if (target.cycleId !== proposedIn.cycleId || target.number <= proposedIn.number)
    throw apiError(
      'INVALID_REQUEST',
      'اصلاح تنها در نسخه‌ای پس از نسخه بازگردانده همان دوره می‌نشیند.',
      'An amendment lands only in a later snapshot of the same cycle than the one returned.',
      [{ path: ['snapshotId'], message: 'not a later snapshot of the same cycle' }],
    );
  const why = judgeAmendmentCarried(a, await snapshotPlan(deps, target));
  if (why !== null)
    throw new ApiError('INVALID_TRANSITION', why, {
      path: ['snapshotId'],
      carried: false,
    });
  const result = await deps.repos.amendments.apply(p.tenantId, id, snapshotId, p.userId);
  if (!result.ok) {
    if (result.reason === 'not-found') throw notFound(amendmentTerm);
    throw apiError(
      'INVALID_TRANSITION',
      'این اصلاح در این میان به نسخه دیگری پیوند خورد؛ دوباره بنگرید.',
      'The amendment was linked meanwhile; look again.',
      { status: 'applied' },
    );
  }
  return toApiAmendment(result.amendment);
}
