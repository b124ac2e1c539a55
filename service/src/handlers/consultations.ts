/**
 * The consultation (issue 15, "Stakeholders"), as the register serves it: the rules are the
 * core's (shared/src/contract/consultation.ts), the shapes the core's API schemas
 * (shared/src/api/consultation.ts). A consultation is opened on the cycle's latest city plan
 * snapshot, whose goals, strategies, programs and projects are what one may speak to, and
 * whose `tblStakeholders` names the organisations. Contributions are limited per person per
 * hour (`CONTRIBUTIONS_PER_HOUR`, counted in this process: 429 with `Retry-After`).
 */
import type {
  ApiConsultation,
  ApiConsultationView,
  ApiContribution,
  AnswerBody,
  ConsultationTarget,
  ContributionBody,
  HideBody,
  OpenConsultationBody,
  PositionTally,
} from '#core';
import {
  CONSULTATION_READERS,
  CONSULTATION_STAFF,
  CONTRIBUTIONS_PER_HOUR,
  CONTRIBUTORS,
  canSeeContribution,
  consultationTargets,
  finalProposal,
  holdsAny,
  judgeAnswer,
  judgeContribution,
  tallyPositions,
  term,
} from '#core';
import { AttemptCounter } from '../auth/session';
import { ApiError, apiError, notFound } from '../http/errors';
import type { Handler } from '../http/route';
import type { ConsultationRecord, ContributionRecord, Role, SnapshotRecord } from '../repositories';
import { assembleCityPlan } from '../consolidate';
import type { AppDeps } from './context';

type ById = { id: string };
type ByCycle = { cycleId: string };
type None = Record<string, never>;

const HOUR_MS = 60 * 60 * 1000;

const contributionTerm = { fa: 'نظر یا پیشنهاد', en: 'The contribution' };

/** What a snapshot's plan offers a consultation: its items, and its organisations by ID. */
interface SnapshotPlan {
  targets: ConsultationTarget[];
  organisations: Map<string, string>;
}

/** Plans of snapshots already read, by tenant and hash (insertion = use order). */
const plans = new Map<string, Promise<SnapshotPlan>>();
const KEEP = 8;

async function readPlan(deps: AppDeps, snapshot: SnapshotRecord): Promise<SnapshotPlan> {
  const pinned = new Map(snapshot.sources.map((s) => [s.submissionId, s.version]));
  const { tables } = await assembleCityPlan(deps, snapshot.tenantId, snapshot.cycleId, pinned);
  const stakeholders = tables.find((t) => t.name === 'tblStakeholders');
  return {
    targets: consultationTargets(tables),
    organisations: new Map(
      (stakeholders?.rows ?? []).map((r) => [String(r.StakeholderId ?? ''), String(r.Name ?? '')]),
    ),
  };
}

/** The plan of a snapshot (kept once read: a snapshot never changes). */
function snapshotPlan(deps: AppDeps, snapshot: SnapshotRecord): Promise<SnapshotPlan> {
  const key = `${snapshot.tenantId}/${snapshot.sha256}`;
  let entry = plans.get(key);
  if (entry === undefined) {
    entry = readPlan(deps, snapshot);
    entry.catch(() => plans.delete(key));
    while (plans.size >= KEEP) plans.delete(plans.keys().next().value as string);
  } else plans.delete(key);
  plans.set(key, entry);
  return entry;
}

/** Contributions per person per hour, per register (app). */
const counters = new WeakMap<AppDeps, AttemptCounter>();
function counterOf(deps: AppDeps): AttemptCounter {
  let c = counters.get(deps);
  if (c === undefined) {
    c = new AttemptCounter(HOUR_MS, CONTRIBUTIONS_PER_HOUR);
    counters.set(deps, c);
  }
  return c;
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

function toApiConsultation(c: ConsultationRecord, snapshotNumber: number): ApiConsultation {
  return {
    id: c.id,
    cycleId: c.cycleId,
    snapshot: { id: c.snapshotId, number: snapshotNumber },
    title: c.title,
    note: c.note,
    status: c.status,
    openedAt: c.openedAt.toISOString(),
    closedAt: iso(c.closedAt),
  };
}

async function consultationOf(deps: AppDeps, tenantId: string, id: string) {
  const c = await deps.repos.consultations.get(tenantId, id);
  if (c === null) throw notFound(term('consultation'));
  const snapshot = await deps.repos.snapshots.get(tenantId, c.snapshotId);
  if (snapshot === null) throw notFound(term('consultation'));
  return { consultation: c, snapshot };
}

const ZERO: PositionTally = {
  endorse: { people: 0, organisations: 0 },
  object: { people: 0, organisations: 0 },
};

/** Everything needed to show contributions to one reader. */
interface ViewContext {
  viewer: { userId: string; roles: readonly Role[] };
  names: Map<string, string>;
  organisations: Map<string, string>;
  targets: ConsultationTarget[];
  snapshots: Map<string, number>;
  all: readonly ContributionRecord[];
  tallies: Map<string, PositionTally>;
}

function toApiContribution(r: ContributionRecord, v: ViewContext): ApiContribution {
  const staff = holdsAny(v.viewer.roles, CONSULTATION_READERS);
  const title =
    r.targetKind === 'proposal'
      ? (v.all.find((x) => x.id === r.targetId)?.text ?? '').slice(0, 140)
      : (v.targets.find((t) => t.kind === r.targetKind && t.id === r.targetId)?.title ?? '');
  const proposals = v.all
    .filter((x) => x.kind === 'proposal')
    .map((x) => ({ id: x.id, mergedIntoId: x.mergedIntoId }));
  return {
    id: r.id,
    kind: r.kind,
    target: { kind: r.targetKind, id: r.targetId, title },
    text: r.text,
    onBehalf: r.onBehalf,
    organisation:
      r.stakeholderId === null
        ? null
        : { id: r.stakeholderId, name: v.organisations.get(r.stakeholderId) || r.stakeholderId },
    author: staff ? (v.names.get(r.authorId) ?? null) : null,
    mine: r.authorId === v.viewer.userId,
    createdAt: r.createdAt.toISOString(),
    hidden:
      r.hiddenAt === null ? null : { reason: r.hiddenReason ?? '', at: r.hiddenAt.toISOString() },
    answer:
      r.outcome === null || r.answeredAt === null
        ? null
        : {
            outcome: r.outcome,
            reason: r.outcomeReason,
            snapshot:
              r.landedSnapshotId === null
                ? null
                : { id: r.landedSnapshotId, number: v.snapshots.get(r.landedSnapshotId) ?? 0 },
            mergedIntoId: r.mergedIntoId,
            finalId: finalProposal(r.id, proposals),
            at: r.answeredAt.toISOString(),
          },
    tally: r.kind === 'proposal' ? (v.tallies.get(`proposal:${r.id}`) ?? ZERO) : null,
  };
}

const factsOf = (r: ContributionRecord) => ({
  id: r.id,
  kind: r.kind,
  targetKind: r.targetKind,
  targetId: r.targetId,
  authorId: r.authorId,
  stakeholderId: r.stakeholderId,
  onBehalf: r.onBehalf,
  hidden: r.hiddenAt !== null,
  createdAt: r.createdAt,
});

async function viewContext(
  deps: AppDeps,
  p: { tenantId: string; userId: string; roles: readonly Role[] },
  c: ConsultationRecord,
  snapshot: SnapshotRecord,
  /** What the caller has read already (as it stands after its write): not read again. */
  known: {
    all?: readonly ContributionRecord[];
    snapshots?: readonly SnapshotRecord[];
  } = {},
): Promise<ViewContext> {
  const [plan, all, users, snapshots] = await Promise.all([
    snapshotPlan(deps, snapshot),
    known.all ?? deps.repos.consultations.contributions(p.tenantId, c.id),
    deps.repos.users.list(p.tenantId),
    known.snapshots ?? deps.repos.snapshots.list(p.tenantId, c.cycleId),
  ]);
  return {
    viewer: { userId: p.userId, roles: p.roles },
    names: new Map(users.map((u) => [u.id, u.displayName])),
    organisations: plan.organisations,
    targets: plan.targets,
    snapshots: new Map(snapshots.map((s) => [s.id, s.number])),
    all,
    tallies: tallyPositions(all.map(factsOf)),
  };
}

/** `POST /api/cycles/{cycleId}/consultations`: opens one on the cycle's latest snapshot. */
export const openConsultation: Handler<ByCycle, None, OpenConsultationBody> = async ({
  deps,
  p,
  params,
  body,
}) => {
  if ((await deps.repos.cycles.get(p.tenantId, params.cycleId)) === null)
    throw notFound(term('cycle'));
  const snapshot = (await deps.repos.snapshots.list(p.tenantId, params.cycleId)).at(-1);
  if (snapshot === undefined)
    throw apiError(
      'INVALID_TRANSITION',
      'این دوره هنوز برنامه یکپارچه‌ای (نسخه ثبت‌شده‌ای از برنامه شهر) ندارد که رایزنی بر آن گشوده شود.',
      'This cycle has no city plan snapshot yet to open a consultation on.',
    );
  const open = (await deps.repos.consultations.list(p.tenantId, params.cycleId)).find(
    (c) => c.status === 'open',
  );
  if (open !== undefined)
    throw new ApiError(
      'ALREADY_EXISTS',
      {
        fa: 'رایزنی دیگری بر این دوره باز است؛ نخست آن را ببندید.',
        en: 'Another consultation on this cycle is open; close it first.',
      },
      { consultation: open.id },
    );
  const made = await deps.repos.consultations.open(
    p.tenantId,
    {
      cycleId: params.cycleId,
      snapshotId: snapshot.id,
      title: body.title,
      note: body.note ?? null,
    },
    p.userId,
  );
  return { status: 201, json: toApiConsultation(made, snapshot.number) };
};

/** `GET /api/cycles/{cycleId}/consultations`: newest first. */
export const listConsultations: Handler<ByCycle, None, undefined> = async ({ deps, p, params }) => {
  if ((await deps.repos.cycles.get(p.tenantId, params.cycleId)) === null)
    throw notFound(term('cycle'));
  const [list, snapshots] = await Promise.all([
    deps.repos.consultations.list(p.tenantId, params.cycleId),
    deps.repos.snapshots.list(p.tenantId, params.cycleId),
  ]);
  const numbers = new Map(snapshots.map((s) => [s.id, s.number]));
  return { json: list.map((c) => toApiConsultation(c, numbers.get(c.snapshotId) ?? 0)) };
};

/** `GET /api/consultations/{id}`: the consultation as the reader may see it. */
export const getConsultation: Handler<ById, None, undefined> = async ({ deps, p, params }) => {
  const { consultation, snapshot } = await consultationOf(deps, p.tenantId, params.id);
  const v = await viewContext(deps, p, consultation, snapshot);
  const contribute = consultation.status === 'open' && holdsAny(p.roles, CONTRIBUTORS);
  const view: ApiConsultationView = {
    consultation: toApiConsultation(consultation, snapshot.number),
    targets: v.targets,
    contributions: v.all
      .filter((r) => canSeeContribution(p, { authorId: r.authorId, hidden: r.hiddenAt !== null }))
      .map((r) => toApiContribution(r, v)),
    tallies: [...v.tallies]
      .filter(([key]) => !key.startsWith('proposal:'))
      .map(([key, tally]) => {
        const at = key.indexOf(':');
        return {
          target: {
            kind: key.slice(0, at) as ApiContribution['target']['kind'],
            id: key.slice(at + 1),
          },
          tally,
        };
      }),
    can: {
      contribute,
      moderate: holdsAny(p.roles, CONSULTATION_STAFF),
      onBehalf: contribute && p.stakeholderId !== null,
    },
  };
  return { json: view };
};

/** `POST /api/consultations/{id}/close`. */
export const closeConsultation: Handler<ById, None, undefined> = async ({ deps, p, params }) => {
  const { snapshot } = await consultationOf(deps, p.tenantId, params.id);
  const closed = await deps.repos.consultations.close(p.tenantId, params.id, p.userId);
  if (closed === null) throw notFound(term('consultation'));
  return { json: toApiConsultation(closed, snapshot.number) };
};

/** `POST /api/consultations/{id}/contributions`: a comment, a proposal or a position. */
export const contribute: Handler<ById, None, ContributionBody> = async ({
  deps,
  p,
  params,
  body,
}) => {
  const { consultation, snapshot } = await consultationOf(deps, p.tenantId, params.id);
  const wait = counterOf(deps).hit(`${p.tenantId}\u0000${p.userId}`);
  if (wait !== null)
    throw new ApiError(
      'RATE_LIMITED',
      {
        fa: `در این ساعت بیش از اندازه نظر ثبت کرده‌اید؛ ${wait} ثانیه دیگر دوباره بکوشید.`,
        en: `Too many contributions this hour; try again in ${wait} seconds.`,
      },
      undefined,
      { 'Retry-After': String(wait) },
    );
  const [plan, all] = await Promise.all([
    snapshotPlan(deps, snapshot),
    deps.repos.consultations.contributions(p.tenantId, consultation.id),
  ]);
  const text = body.text ?? null;
  const onBehalf = body.onBehalf === true;
  const refused = judgeContribution({
    status: consultation.status,
    kind: body.kind,
    targetKind: body.target.kind,
    targetId: body.target.id,
    text,
    onBehalf,
    stakeholderId: p.stakeholderId,
    targets: plan.targets,
    proposals: all
      .filter((r) => r.kind === 'proposal')
      .map((r) => ({ id: r.id, hidden: r.hiddenAt !== null })),
  });
  if (refused !== null)
    throw new ApiError(
      refused.code === 'closed' ? 'INVALID_TRANSITION' : 'INVALID_REQUEST',
      refused.message,
      [
        {
          path:
            refused.code === 'target'
              ? ['target', 'id']
              : refused.code === 'text'
                ? ['text']
                : refused.code === 'on-behalf'
                  ? ['onBehalf']
                  : [],
          code: 'invalid_value',
          message: refused.message.en,
        },
      ],
    );
  const made = await deps.repos.consultations.contribute(
    p.tenantId,
    {
      consultationId: consultation.id,
      kind: body.kind,
      targetKind: body.target.kind,
      targetId: body.target.id,
      text,
      onBehalf,
      stakeholderId: p.stakeholderId,
    },
    p.userId,
  );
  const v = await viewContext(deps, p, consultation, snapshot, { all: [...all, made] });
  return { status: 201, json: toApiContribution(made, v) };
};

async function contributionOf(deps: AppDeps, tenantId: string, id: string) {
  const r = await deps.repos.consultations.getContribution(tenantId, id);
  if (r === null) throw notFound(contributionTerm);
  const { consultation, snapshot } = await consultationOf(deps, tenantId, r.consultationId);
  return { r, consultation, snapshot };
}

/** `POST /api/contributions/{id}/answer`: the planning office answers a proposal. */
export const answerContribution: Handler<ById, None, AnswerBody> = async ({
  deps,
  p,
  params,
  body,
}) => {
  const { r, consultation, snapshot } = await contributionOf(deps, p.tenantId, params.id);
  const [all, snapshots] = await Promise.all([
    deps.repos.consultations.contributions(p.tenantId, consultation.id),
    deps.repos.snapshots.list(p.tenantId, consultation.cycleId),
  ]);
  const answer =
    body.outcome === 'accepted'
      ? { outcome: body.outcome, snapshotId: body.snapshotId, reason: body.reason ?? null }
      : body.outcome === 'merged'
        ? { outcome: body.outcome, mergedIntoId: body.mergedIntoId, reason: body.reason ?? null }
        : { outcome: body.outcome, reason: body.reason };
  const refused = judgeAnswer({
    kind: r.kind,
    answer,
    proposalId: r.id,
    laterSnapshots: snapshots.filter((s) => s.number > snapshot.number).map((s) => s.id),
    proposals: all
      .filter((x) => x.kind === 'proposal')
      .map((x) => ({ id: x.id, mergedIntoId: x.mergedIntoId })),
  });
  if (refused !== null)
    throw new ApiError('INVALID_REQUEST', refused, [
      {
        path:
          body.outcome === 'accepted'
            ? ['snapshotId']
            : body.outcome === 'merged'
              ? ['mergedIntoId']
              : ['reason'],
        code: 'invalid_value',
        message: refused.en,
      },
    ]);
  const answered = await deps.repos.consultations.answer(p.tenantId, r.id, answer, p.userId);
  const v = await viewContext(deps, p, consultation, snapshot, {
    all: all.map((x) => (x.id === answered.id ? answered : x)),
    snapshots,
  });
  return { json: toApiContribution(answered, v) };
};

/** `POST /api/contributions/{id}/hide`: moderation, with its reason (audited). */
export const hideContribution: Handler<ById, None, HideBody> = async ({
  deps,
  p,
  params,
  body,
}) => {
  const { r, consultation, snapshot } = await contributionOf(deps, p.tenantId, params.id);
  const hidden = await deps.repos.consultations.hide(p.tenantId, r.id, body.reason, p.userId);
  const v = await viewContext(deps, p, consultation, snapshot);
  return { json: toApiContribution(hidden, v) };
};
