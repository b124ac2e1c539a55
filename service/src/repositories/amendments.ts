/**
 * The council's amendments (docs/storage.md, "Amendments"): made with the `return` of their
 * snapshot (snapshots.ts, in the same transaction and audit entry), and linked here to the
 * later snapshot where each landed, once, conditional on its being open, with its audit entry
 * (`amendment.apply`). Compared with the chain by `plan admin verify` (snapshots-verify.ts).
 */
import type { AmendmentKind, AmendmentStatus } from '#core';
import { AMENDMENT_KINDS, AMENDMENT_STATUSES } from '#core';
import type { RepositoryContext } from './context';
import { writeAudited } from './audit';

/** An amendment as stored. */
export interface AmendmentRecord {
  tenantId: string;
  id: string;
  snapshotId: string;
  seq: number;
  kind: AmendmentKind;
  itemTable: string;
  itemId: string;
  year: number | null;
  /** Whole Rials as decimal text. */
  amount: string | null;
  text: string | null;
  status: AmendmentStatus;
  appliedInSnapshotId: string | null;
  createdById: string | null;
  createdAt: Date;
  appliedById: string | null;
  appliedAt: Date | null;
}

/** Amendments. */
export interface AmendmentRepository {
  get(tenantId: string, id: string): Promise<AmendmentRecord | null>;
  /** Those proposed on a snapshot, by seq. */
  listOf(tenantId: string, snapshotId: string): Promise<AmendmentRecord[]>;
  /** Those linked to a snapshot as applied in it (by their snapshot, then seq). */
  listAppliedIn(tenantId: string, snapshotId: string): Promise<AmendmentRecord[]>;
  /** Links an open amendment to the snapshot it landed in; `stale` when it is no longer open. */
  apply(
    tenantId: string,
    id: string,
    snapshotId: string,
    actorId: string | null,
  ): Promise<
    { ok: true; amendment: AmendmentRecord } | { ok: false; reason: 'not-found' | 'stale' }
  >;
}

type Row = Omit<AmendmentRecord, 'kind' | 'status' | 'amount'> & {
  kind: string;
  status: string;
  amount: bigint | null;
};

function fromRow(row: Row): AmendmentRecord {
  const kind = AMENDMENT_KINDS.find((k) => k === row.kind);
  const status = AMENDMENT_STATUSES.find((s) => s === row.status);
  if (kind === undefined || status === undefined)
    throw new Error(`unknown amendment kind or status ${row.kind} ${row.status}`);
  return { ...row, kind, status, amount: row.amount === null ? null : row.amount.toString() };
}

/** The amendment repository. */
export function amendmentRepository(ctx: RepositoryContext): AmendmentRepository {
  const { prisma } = ctx;
  return {
    async get(tenantId, id) {
      const row = await prisma.councilAmendment.findUnique({
        where: { tenantId_id: { tenantId, id } },
      });
      return row === null ? null : fromRow(row);
    },

    async listOf(tenantId, snapshotId) {
      const rows = await prisma.councilAmendment.findMany({
        where: { tenantId, snapshotId },
        orderBy: { seq: 'asc' },
      });
      return rows.map(fromRow);
    },

    async listAppliedIn(tenantId, snapshotId) {
      const rows = await prisma.councilAmendment.findMany({
        where: { tenantId, appliedInSnapshotId: snapshotId },
        orderBy: [{ createdAt: 'asc' }, { snapshotId: 'asc' }, { seq: 'asc' }],
      });
      return rows.map(fromRow);
    },

    async apply(tenantId, id, snapshotId, actorId) {
      type Outcome = Awaited<ReturnType<AmendmentRepository['apply']>>;
      return writeAudited<Outcome>(ctx, tenantId, async (tx, at) => {
        const { count } = await tx.councilAmendment.updateMany({
          where: { tenantId, id, status: 'open' },
          data: {
            status: 'applied',
            appliedInSnapshotId: snapshotId,
            appliedById: actorId,
            appliedAt: at,
          },
        });
        const now = await tx.councilAmendment.findUnique({
          where: { tenantId_id: { tenantId, id } },
        });
        if (now === null) return { value: { ok: false, reason: 'not-found' }, audit: null };
        if (count === 0) return { value: { ok: false, reason: 'stale' }, audit: null };
        return {
          value: { ok: true, amendment: fromRow(now) },
          audit: {
            actorId,
            action: 'amendment.apply',
            entity: 'council_amendment',
            entityId: id,
            data: { snapshotId: now.snapshotId, appliedInSnapshotId: snapshotId },
          },
        };
      });
    },
  };
}
