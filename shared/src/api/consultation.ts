/**
 * The consultation's API shapes (issue 15, "Stakeholders"; the rules are the core's,
 * shared/src/contract/consultation.ts): the planning office opens a consultation on a cycle's
 * latest city plan snapshot (`POST /api/cycles/{cycleId}/consultations`), closes it
 * (`POST /api/consultations/{id}/close`); the people outside the municipality contribute
 * (`POST /api/consultations/{id}/contributions`); the planning office answers a proposal
 * (`POST /api/contributions/{id}/answer`) and hides what breaks the rules
 * (`POST /api/contributions/{id}/hide`); everyone signed in reads a consultation
 * (`GET /api/consultations/{id}`) as the core's `canSeeContribution` lets them.
 */
import { z } from 'zod';
import {
  CONSULTATION_STATUSES,
  CONTRIBUTION_KINDS,
  MAX_CONTRIBUTION_TEXT,
  PLAN_TARGET_KINDS,
  PROPOSAL_OUTCOMES,
  TARGET_KINDS,
} from '../contract/consultation';

const Text = z.string().trim().min(1).max(MAX_CONTRIBUTION_TEXT);
const Id = z.string().min(1).max(64);

/** `POST /api/cycles/{cycleId}/consultations`: opens one on the cycle's latest snapshot. */
export const OpenConsultationBody = z
  .object({
    title: z.string().trim().min(1).max(200),
    note: Text.optional(),
  })
  .strict();
export type OpenConsultationBody = z.infer<typeof OpenConsultationBody>;

/** `POST /api/consultations/{id}/contributions`. */
export const ContributionBody = z
  .object({
    kind: z.enum(CONTRIBUTION_KINDS),
    target: z.object({ kind: z.enum(TARGET_KINDS), id: Id }).strict(),
    /** Required for a comment and a proposal; optional for a position. */
    text: Text.optional(),
    /** A position taken for the person's organisation (its members' voice, counted apart). */
    onBehalf: z.boolean().optional(),
  })
  .strict();
export type ContributionBody = z.infer<typeof ContributionBody>;

/** `POST /api/contributions/{id}/answer`: the planning office's answer to a proposal. */
export const AnswerBody = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('accepted'), snapshotId: Id, reason: Text.optional() }).strict(),
  z.object({ outcome: z.literal('rejected'), reason: Text }).strict(),
  z.object({ outcome: z.literal('merged'), mergedIntoId: Id, reason: Text.optional() }).strict(),
]);
export type AnswerBody = z.infer<typeof AnswerBody>;

/** `POST /api/contributions/{id}/hide`: moderation, with its reason. */
export const HideBody = z.object({ reason: Text }).strict();
export type HideBody = z.infer<typeof HideBody>;

const Tally = z.object({
  endorse: z.object({ people: z.int(), organisations: z.int() }),
  object: z.object({ people: z.int(), organisations: z.int() }),
});

/** A consultation. */
export const ApiConsultation = z.object({
  id: z.string(),
  cycleId: z.string(),
  snapshot: z.object({ id: z.string(), number: z.int() }),
  title: z.string(),
  note: z.string().nullable(),
  status: z.enum(CONSULTATION_STATUSES),
  openedAt: z.string().meta({ description: 'ISO 8601 (UTC).' }),
  closedAt: z.string().nullable(),
});
export type ApiConsultation = z.infer<typeof ApiConsultation>;

/** One contribution, as the reader may see it. */
export const ApiContribution = z.object({
  id: z.string(),
  kind: z.enum(CONTRIBUTION_KINDS),
  target: z.object({
    kind: z.enum(TARGET_KINDS),
    id: z.string(),
    title: z.string().meta({ description: 'The item’s title in the plan (a proposal: its text).' }),
  }),
  text: z.string().nullable(),
  onBehalf: z.boolean(),
  /** The author's organisation (its `tblStakeholders` name), null for staff. */
  organisation: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The author's name: for the planning office and the council only; null for others. */
  author: z.string().nullable(),
  /** The reader's own contribution. */
  mine: z.boolean(),
  createdAt: z.string(),
  /** Hidden by the planning office: why and when (shown to its author and to staff only). */
  hidden: z.object({ reason: z.string(), at: z.string() }).nullable(),
  /** A proposal's answer; null for other kinds and while it waits. */
  answer: z
    .object({
      outcome: z.enum(PROPOSAL_OUTCOMES),
      reason: z.string().nullable(),
      /** Accepted: the city plan snapshot where it landed. */
      snapshot: z.object({ id: z.string(), number: z.int() }).nullable(),
      /** Merged: the proposal it went into, and the one it ended in (following merges). */
      mergedIntoId: z.string().nullable(),
      finalId: z.string(),
      at: z.string(),
    })
    .nullable(),
  /** A proposal's endorsements and objections. */
  tally: Tally.nullable(),
});
export type ApiContribution = z.infer<typeof ApiContribution>;

/** `GET /api/consultations/{id}`: the consultation, its plan's items and what was said. */
export const ApiConsultationView = z.object({
  consultation: ApiConsultation,
  /** The goals, strategies, programs and projects of its city plan. */
  targets: z.array(
    z.object({ kind: z.enum(PLAN_TARGET_KINDS), id: z.string(), title: z.string() }),
  ),
  /** Oldest first. */
  contributions: z.array(ApiContribution),
  /** Each plan item's endorsements and objections (only items with any). */
  tallies: z.array(
    z.object({ target: z.object({ kind: z.enum(TARGET_KINDS), id: z.string() }), tally: Tally }),
  ),
  /** What the reader may do here. */
  can: z.object({ contribute: z.boolean(), moderate: z.boolean(), onBehalf: z.boolean() }),
});
export type ApiConsultationView = z.infer<typeof ApiConsultationView>;
