/**
 * Consultations and their contributions (issue 15, "Stakeholders"; the rules are the core's,
 * shared/src/contract/consultation.ts, judged by the handlers before a write). Every write is
 * one transaction and one audit entry, recording what `plan admin verify` compares the rows
 * with (verify.ts): `consultation.open` and `consultation.close`; `contribution.add` (kind,
 * target, the hash of its text, on whose behalf); `contribution.hide` (the hash of the reason);
 * `contribution.answer` (outcome, the hash of the reason, the snapshot or proposal it names).
 */
import type {
  ConsultationStatus,
  ContributionKind,
  ProposalAnswer,
  ProposalOutcome,
  TargetKind,
} from '#core';
import { sha256Hex } from '../db/canonical';
import type { RepositoryContext } from './context';
import { writeAudited } from './audit';

/** A stored consultation. */
export interface ConsultationRecord {
  tenantId: string;
  id: string;
  cycleId: string;
  snapshotId: string;
  title: string;
  note: string | null;
  status: ConsultationStatus;
  openedById: string;
  openedAt: Date;
  closedById: string | null;
  closedAt: Date | null;
}

/** A stored contribution. */
export interface ContributionRecord {
  tenantId: string;
  id: string;
  consultationId: string;
  kind: ContributionKind;
  targetKind: TargetKind;
  targetId: string;
  text: string | null;
  onBehalf: boolean;
  authorId: string;
  stakeholderId: string | null;
  createdAt: Date;
  hiddenReason: string | null;
  hiddenById: string | null;
  hiddenAt: Date | null;
  outcome: ProposalOutcome | null;
  outcomeReason: string | null;
  landedSnapshotId: string | null;
  mergedIntoId: string | null;
  answeredById: string | null;
  answeredAt: Date | null;
}

/** The hash an audit entry records of a text (null for none). */
export const textSha256 = (text: string | null): string | null =>
  text === null ? null : sha256Hex(text);

/** Consultations. */
export interface ConsultationRepository {
  open(
    tenantId: string,
    input: { cycleId: string; snapshotId: string; title: string; note: string | null },
    actorId: string,
  ): Promise<ConsultationRecord>;
  /** Closes an open consultation; null when there is none of that id, the record when closed. */
  close(tenantId: string, id: string, actorId: string): Promise<ConsultationRecord | null>;
  get(tenantId: string, id: string): Promise<ConsultationRecord | null>;
  /** A cycle's consultations, newest first. */
  list(tenantId: string, cycleId: string): Promise<ConsultationRecord[]>;
  /** A consultation's contributions, oldest first. */
  contributions(tenantId: string, consultationId: string): Promise<ContributionRecord[]>;
  getContribution(tenantId: string, id: string): Promise<ContributionRecord | null>;
  contribute(
    tenantId: string,
    input: {
      consultationId: string;
      kind: ContributionKind;
      targetKind: TargetKind;
      targetId: string;
      text: string | null;
      onBehalf: boolean;
      stakeholderId: string | null;
    },
    actorId: string,
  ): Promise<ContributionRecord>;
  hide(tenantId: string, id: string, reason: string, actorId: string): Promise<ContributionRecord>;
  answer(
    tenantId: string,
    id: string,
    answer: ProposalAnswer,
    actorId: string,
  ): Promise<ContributionRecord>;
}

const asConsultation = (r: Omit<ConsultationRecord, 'status'> & { status: string }) =>
  r as ConsultationRecord;
const asContribution = (
  r: Omit<ContributionRecord, 'kind' | 'targetKind' | 'outcome'> & {
    kind: string;
    targetKind: string;
    outcome: string | null;
  },
) => r as ContributionRecord;

/** The consultation repository. */
export function consultationRepository(ctx: RepositoryContext): ConsultationRepository {
  const { prisma } = ctx;
  return {
    open: (tenantId, input, actorId) =>
      writeAudited(ctx, tenantId, async (tx, at) => {
        const row = await tx.consultation.create({
          data: { tenantId, ...input, openedById: actorId, openedAt: at },
        });
        return {
          value: asConsultation(row),
          audit: {
            actorId,
            action: 'consultation.open',
            entity: 'consultation',
            entityId: row.id,
            data: {
              cycleId: input.cycleId,
              snapshotId: input.snapshotId,
              title: input.title,
              noteSha256: textSha256(input.note),
            },
          },
        };
      }),

    close: (tenantId, id, actorId) =>
      writeAudited(ctx, tenantId, async (tx, at) => {
        const found = await tx.consultation.findUnique({
          where: { tenantId_id: { tenantId, id } },
        });
        if (found === null) return { value: null, audit: null };
        if (found.status === 'closed') return { value: asConsultation(found), audit: null };
        const row = await tx.consultation.update({
          where: { tenantId_id: { tenantId, id } },
          data: { status: 'closed', closedById: actorId, closedAt: at },
        });
        return {
          value: asConsultation(row),
          audit: { actorId, action: 'consultation.close', entity: 'consultation', entityId: id },
        };
      }),

    get: async (tenantId, id) => {
      const row = await prisma.consultation.findUnique({
        where: { tenantId_id: { tenantId, id } },
      });
      return row === null ? null : asConsultation(row);
    },

    list: async (tenantId, cycleId) =>
      (
        await prisma.consultation.findMany({
          where: { tenantId, cycleId },
          orderBy: [{ openedAt: 'desc' }, { id: 'asc' }],
        })
      ).map(asConsultation),

    contributions: async (tenantId, consultationId) =>
      (
        await prisma.consultationContribution.findMany({
          where: { tenantId, consultationId },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        })
      ).map(asContribution),

    getContribution: async (tenantId, id) => {
      const row = await prisma.consultationContribution.findUnique({
        where: { tenantId_id: { tenantId, id } },
      });
      return row === null ? null : asContribution(row);
    },

    contribute: (tenantId, input, actorId) =>
      writeAudited(ctx, tenantId, async (tx, at) => {
        const row = await tx.consultationContribution.create({
          data: { tenantId, ...input, authorId: actorId, createdAt: at },
        });
        return {
          value: asContribution(row),
          audit: {
            actorId,
            action: 'contribution.add',
            entity: 'contribution',
            entityId: row.id,
            data: {
              consultationId: input.consultationId,
              kind: input.kind,
              targetKind: input.targetKind,
              targetId: input.targetId,
              textSha256: textSha256(input.text),
              onBehalf: input.onBehalf,
              stakeholderId: input.stakeholderId,
            },
          },
        };
      }),

    hide: (tenantId, id, reason, actorId) =>
      writeAudited(ctx, tenantId, async (tx, at) => {
        const row = await tx.consultationContribution.update({
          where: { tenantId_id: { tenantId, id } },
          data: { hiddenReason: reason, hiddenById: actorId, hiddenAt: at },
        });
        return {
          value: asContribution(row),
          audit: {
            actorId,
            action: 'contribution.hide',
            entity: 'contribution',
            entityId: id,
            data: { reasonSha256: textSha256(reason) },
          },
        };
      }),

    answer: (tenantId, id, answer, actorId) =>
      writeAudited(ctx, tenantId, async (tx, at) => {
        const reason = answer.reason ?? null;
        const landedSnapshotId = answer.outcome === 'accepted' ? answer.snapshotId : null;
        const mergedIntoId = answer.outcome === 'merged' ? answer.mergedIntoId : null;
        const row = await tx.consultationContribution.update({
          where: { tenantId_id: { tenantId, id } },
          data: {
            outcome: answer.outcome,
            outcomeReason: reason,
            landedSnapshotId,
            mergedIntoId,
            answeredById: actorId,
            answeredAt: at,
          },
        });
        return {
          value: asContribution(row),
          audit: {
            actorId,
            action: 'contribution.answer',
            entity: 'contribution',
            entityId: id,
            data: {
              outcome: answer.outcome,
              reasonSha256: textSha256(reason),
              snapshotId: landedSnapshotId,
              mergedIntoId,
            },
          },
        };
      }),
  };
}
