/**
 * The consultation (issue 15, "Stakeholders"): the planning office opens one on a cycle's city
 * plan (a snapshot); the people outside the municipality (agencies' representatives and
 * stakeholders) comment on, propose a change to, and endorse or object to a goal, strategy,
 * program or project, or a proposal; an organisation endorses on behalf of its members. The
 * planning office answers every proposal (accepted and linked to the snapshot where it
 * landed; rejected with a reason; merged into another) and hides what breaks the rules (with
 * a reason). One home for the vocabulary and the rules: who may do what, what counts, what
 * each person sees; the register stores and audits, the web shows.
 */
import type { Bilingual } from '../findings';
import type { CanonicalCell, CanonicalTable } from '../read/canonical';
import type { Role } from './workflow';
import { OUTSIDE_ROLES } from './workflow';

/** Where a consultation stands. */
export const CONSULTATION_STATUSES = ['open', 'closed'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

/** What a contribution is. */
export const CONTRIBUTION_KINDS = ['comment', 'proposal', 'endorsement', 'objection'] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

/** What a contribution is about: an item of the plan, or (for a position) a proposal. */
export const TARGET_KINDS = ['goal', 'strategy', 'program', 'project', 'proposal'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** The items of the plan one may speak to (a proposal is a contribution, not a plan row). */
export const PLAN_TARGET_KINDS = ['goal', 'strategy', 'program', 'project'] as const;
export type PlanTargetKind = (typeof PLAN_TARGET_KINDS)[number];

/** How the planning office answered a proposal. */
export const PROPOSAL_OUTCOMES = ['accepted', 'rejected', 'merged'] as const;
export type ProposalOutcome = (typeof PROPOSAL_OUTCOMES)[number];

/** Captions, Persian and English (the glossary's terms). */
export const CONSULTATION_STATUS_CAPTIONS: Readonly<Record<ConsultationStatus, Bilingual>> = {
  open: { fa: 'باز', en: 'Open' },
  closed: { fa: 'بسته', en: 'Closed' },
};
export const CONTRIBUTION_CAPTIONS: Readonly<Record<ContributionKind, Bilingual>> = {
  comment: { fa: 'نظر', en: 'Comment' },
  proposal: { fa: 'پیشنهاد تغییر', en: 'Proposal' },
  endorsement: { fa: 'موافقت', en: 'Endorsement' },
  objection: { fa: 'مخالفت', en: 'Objection' },
};
export const TARGET_CAPTIONS: Readonly<Record<TargetKind, Bilingual>> = {
  goal: { fa: 'هدف کلان', en: 'Goal' },
  strategy: { fa: 'راهبرد', en: 'Strategy' },
  program: { fa: 'برنامه', en: 'Program' },
  project: { fa: 'پروژه', en: 'Project' },
  proposal: { fa: 'پیشنهاد', en: 'Proposal' },
};
export const OUTCOME_CAPTIONS: Readonly<Record<ProposalOutcome | 'pending', Bilingual>> = {
  pending: { fa: 'در انتظار پاسخ', en: 'Awaiting an answer' },
  accepted: { fa: 'پذیرفته شد', en: 'Accepted' },
  rejected: { fa: 'پذیرفته نشد', en: 'Rejected' },
  merged: { fa: 'در پیشنهادی دیگر ادغام شد', en: 'Merged into another' },
};

/** The longest text of a contribution, an answer's reason or a moderation's reason. */
export const MAX_CONTRIBUTION_TEXT = 4000;
/** Contributions (comments and proposals) one person may make in an hour. */
export const CONTRIBUTIONS_PER_HOUR = 30;

/** Who opens, closes, answers and moderates a consultation: the planning office. */
export const CONSULTATION_STAFF: readonly Role[] = ['reviewer', 'approver', 'admin'];
/** Who reads a consultation whole, hidden contributions and authors included. */
export const CONSULTATION_READERS: readonly Role[] = ['reviewer', 'approver', 'council', 'admin'];
/** Who contributes: the people outside the municipality. */
export const CONTRIBUTORS: readonly Role[] = OUTSIDE_ROLES;

/** True when one of `roles` is in `allowed`. */
export const holdsAny = (roles: readonly Role[], allowed: readonly Role[]) =>
  roles.some((r) => allowed.includes(r));

/** An item of the plan that may be spoken to. */
export interface ConsultationTarget {
  kind: PlanTargetKind;
  id: string;
  title: string;
}

const TARGET_TABLES: ReadonlyArray<readonly [PlanTargetKind, string, string]> = [
  ['goal', 'tblGoals', 'GoalId'],
  ['strategy', 'tblStrategies', 'StrategyId'],
  ['program', 'tblPrograms', 'ProgramId'],
  ['project', 'tblProjects', 'ProjectId'],
];

const text = (v: CanonicalCell | undefined) => (v === undefined || v === null ? '' : String(v));

/** The goals, strategies, programs and projects of a city plan's tables, in table order. */
export function consultationTargets(tables: readonly CanonicalTable[]): ConsultationTarget[] {
  const out: ConsultationTarget[] = [];
  for (const [kind, name, key] of TARGET_TABLES) {
    const table = tables.find((t) => t.name === name);
    for (const row of table?.rows ?? []) {
      const id = text(row[key]);
      if (id !== '') out.push({ kind, id, title: text(row.Title) });
    }
  }
  return out;
}

/** A contribution as the rules read it. */
export interface ContributionFacts {
  id: string;
  kind: ContributionKind;
  targetKind: TargetKind;
  targetId: string;
  authorId: string;
  /** The author's organisation (their `tblStakeholders` entry), null for staff. */
  stakeholderId: string | null;
  /** A position taken for the organisation (not the person alone). */
  onBehalf: boolean;
  hidden: boolean;
  createdAt: Date;
}

/** Endorsements and objections of one target, people and organisations counted apart. */
export interface PositionTally {
  endorse: { people: number; organisations: number };
  object: { people: number; organisations: number };
}

const targetKey = (kind: TargetKind, id: string) => `${kind}\u0000${id}`;

/**
 * The positions on each target: a person's latest position counts once as theirs, an
 * organisation's latest position taken on its behalf (by any of its people) once as the
 * organisation's; a hidden one does not count, nor does it undo an earlier one. Keyed by
 * `targetKind:targetId`.
 */
export function tallyPositions(
  contributions: readonly ContributionFacts[],
): Map<string, PositionTally> {
  const latest = new Map<string, { c: ContributionFacts; organisation: boolean }>();
  const ordered = [...contributions]
    .filter((c) => !c.hidden && (c.kind === 'endorsement' || c.kind === 'objection'))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  for (const c of ordered) {
    const organisation = c.onBehalf && c.stakeholderId !== null;
    const who = organisation ? `o:${c.stakeholderId}` : `p:${c.authorId}`;
    latest.set(`${targetKey(c.targetKind, c.targetId)}\u0000${who}`, { c, organisation });
  }
  const out = new Map<string, PositionTally>();
  for (const { c, organisation } of latest.values()) {
    const target = `${c.targetKind}:${c.targetId}`;
    const tally = out.get(target) ?? {
      endorse: { people: 0, organisations: 0 },
      object: { people: 0, organisations: 0 },
    };
    const side = c.kind === 'endorsement' ? tally.endorse : tally.object;
    if (organisation) side.organisations += 1;
    else side.people += 1;
    out.set(target, tally);
  }
  return out;
}

/** Why a contribution is refused (the register answers 400, 403 or 409 with these words). */
export type ContributionRefusal =
  | { code: 'closed'; message: Bilingual }
  | { code: 'target'; message: Bilingual }
  | { code: 'text'; message: Bilingual }
  | { code: 'on-behalf'; message: Bilingual };

/**
 * Judges a new contribution: the consultation open; a plan target that the consultation's city
 * plan holds, or for a position a proposal of this consultation that is not hidden; a text for
 * a comment and a proposal; on behalf of an organisation only for a position, by a person tied
 * to one. Null when it may be made.
 */
export function judgeContribution(input: {
  status: ConsultationStatus;
  kind: ContributionKind;
  targetKind: TargetKind;
  targetId: string;
  text: string | null;
  onBehalf: boolean;
  stakeholderId: string | null;
  targets: readonly ConsultationTarget[];
  proposals: ReadonlyArray<{ id: string; hidden: boolean }>;
}): ContributionRefusal | null {
  if (input.status !== 'open')
    return {
      code: 'closed',
      message: {
        fa: 'این رایزنی بسته شده است و نظر تازه نمی‌پذیرد.',
        en: 'This consultation is closed and takes no new contributions.',
      },
    };
  const position = input.kind === 'endorsement' || input.kind === 'objection';
  if (input.targetKind === 'proposal') {
    const found = input.proposals.find((p) => p.id === input.targetId && !p.hidden);
    if (!position || found === undefined)
      return {
        code: 'target',
        message: !position
          ? {
              fa: 'بر پیشنهاد تنها می‌توان موافقت یا مخالفت ثبت کرد.',
              en: 'A proposal takes only an endorsement or an objection.',
            }
          : {
              fa: 'پیشنهادی با این شناسه در این رایزنی نیست.',
              en: 'This consultation has no proposal with this ID.',
            },
      };
  } else if (!input.targets.some((t) => t.kind === input.targetKind && t.id === input.targetId))
    return {
      code: 'target',
      message: {
        fa: `${TARGET_CAPTIONS[input.targetKind].fa} \u2066${input.targetId}\u2069 در برنامه این رایزنی نیست.`,
        en: `${TARGET_CAPTIONS[input.targetKind].en} ${input.targetId} is not in this consultation's plan.`,
      },
    };
  if (!position && (input.text === null || input.text.trim() === ''))
    return {
      code: 'text',
      message: {
        fa: 'نظر و پیشنهاد متن می‌خواهند.',
        en: 'A comment and a proposal need a text.',
      },
    };
  if (input.onBehalf && (!position || input.stakeholderId === null))
    return {
      code: 'on-behalf',
      message: {
        fa: 'تنها موافقت یا مخالفت، و تنها از سوی عضو یک سازمان، به نام آن سازمان ثبت می‌شود.',
        en: 'Only an endorsement or an objection, by a member of an organisation, is made on its behalf.',
      },
    };
  return null;
}

/** An answer to a proposal. */
export type ProposalAnswer =
  | { outcome: 'accepted'; snapshotId: string; reason: string | null }
  | { outcome: 'rejected'; reason: string }
  | { outcome: 'merged'; mergedIntoId: string; reason: string | null };

/**
 * Judges an answer to a proposal: only a proposal is answered; accepted names a snapshot of the
 * same cycle made after the consultation opened (where it landed); rejected gives a reason;
 * merged names another proposal of the same consultation that is not itself merged into this
 * one (no loop). Null when it may be given.
 */
export function judgeAnswer(input: {
  kind: ContributionKind;
  answer: ProposalAnswer;
  proposalId: string;
  /** Snapshots of the consultation's cycle made after it opened. */
  laterSnapshots: readonly string[];
  /** The consultation's proposals and where each is merged (null: not merged). */
  proposals: ReadonlyArray<{ id: string; mergedIntoId: string | null }>;
}): Bilingual | null {
  if (input.kind !== 'proposal')
    return { fa: 'تنها پیشنهاد پاسخ می‌گیرد.', en: 'Only a proposal is answered.' };
  const a = input.answer;
  if (a.outcome === 'accepted' && !input.laterSnapshots.includes(a.snapshotId))
    return {
      fa: 'پیشنهاد پذیرفته‌شده به برنامه‌ای پیوند می‌خورد که پس از گشودن رایزنی در همین دوره ساخته شده است.',
      en: 'An accepted proposal is linked to a city plan snapshot of the same cycle made after the consultation opened.',
    };
  if (a.outcome === 'rejected' && a.reason.trim() === '')
    return { fa: 'نپذیرفتن دلیل می‌خواهد.', en: 'A rejection needs a reason.' };
  if (a.outcome === 'merged') {
    const into = new Map(input.proposals.map((p) => [p.id, p.mergedIntoId]));
    if (a.mergedIntoId === input.proposalId || !into.has(a.mergedIntoId))
      return {
        fa: 'پیشنهاد در پیشنهاد دیگری از همین رایزنی ادغام می‌شود.',
        en: 'A proposal is merged into another proposal of the same consultation.',
      };
    // Follow the chain from the target: it must not come back here.
    const seen = new Set<string>([input.proposalId]);
    for (let at: string | null | undefined = a.mergedIntoId; at != null; at = into.get(at)) {
      if (seen.has(at))
        return {
          fa: 'این ادغام دوری می‌سازد (آن پیشنهاد خود در این یکی ادغام شده است).',
          en: 'This merge makes a loop (that proposal is itself merged into this one).',
        };
      seen.add(at);
    }
  }
  return null;
}

/** Where a proposal ended up, following merges (the proposal itself when not merged). */
export function finalProposal(
  id: string,
  proposals: ReadonlyArray<{ id: string; mergedIntoId: string | null }>,
): string {
  const into = new Map(proposals.map((p) => [p.id, p.mergedIntoId]));
  const seen = new Set<string>();
  let at = id;
  for (let next = into.get(at); next != null && !seen.has(next); next = into.get(at)) {
    seen.add(at);
    at = next;
  }
  return at;
}

/**
 * What a person sees of a contribution: the planning office and the council everything; its
 * author their own, hidden or not (with the reason); anyone else a contribution not hidden.
 */
export function canSeeContribution(
  viewer: { userId: string; roles: readonly Role[] },
  c: { authorId: string; hidden: boolean },
): boolean {
  if (holdsAny(viewer.roles, CONSULTATION_READERS)) return true;
  return !c.hidden || c.authorId === viewer.userId;
}
