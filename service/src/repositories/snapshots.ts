/**
 * Snapshots of the city plan (docs/storage.md, "Snapshots"): each names the approved
 * submission versions of a cycle it was made of, with their hashes, and carries the council's
 * decision on it and its publication. Made and moved in one transaction with its audit entry;
 * every move is conditional on the status the actor saw, so two people acting at once cannot
 * both succeed. The state is compared with the chain by `plan admin verify`
 * (snapshots-verify.ts).
 */
import type { AmendmentKind, SnapshotAction, SnapshotStatus } from '#core';
import { SNAPSHOT_RULES, SNAPSHOT_STATUSES } from '#core';
import { canonicalJson, sha256Hex } from '../db/canonical';
import { isForeignKeyViolation, isUniqueViolation } from './client';
import type { RepositoryContext } from './context';
import { writeAudited } from './audit';

/** What made a snapshot. */
export type SnapshotTrigger = 'last-approval' | 'explicit' | 'seed';

/** One submission version of a snapshot. */
export interface SnapshotSourceRecord {
  submissionId: string;
  departmentCode: string;
  kind: string;
  version: number;
  tablesSha256: string;
}

/** The council's resolution. */
export interface SnapshotResolution {
  resolutionNumber: string;
  resolutionDate: string;
  votesFor: number;
  votesAgainst: number;
  votesAbstaining: number;
}

/** An amendment the council proposes when it returns a snapshot (validated by the core). */
export interface AmendmentInput {
  kind: AmendmentKind;
  itemTable: string;
  itemId: string;
  year: number | null;
  amount: bigint | null;
  text: string | null;
}

/** A snapshot with its sources (by submission id). */
export interface SnapshotRecord {
  tenantId: string;
  id: string;
  cycleId: string;
  number: number;
  status: SnapshotStatus;
  trigger: SnapshotTrigger;
  sha256: string;
  createdById: string | null;
  createdAt: Date;
  statusChangedAt: Date | null;
  returnNote: string | null;
  resolution: SnapshotResolution | null;
  adoptedAt: Date | null;
  publishedAt: Date | null;
  sources: SnapshotSourceRecord[];
}

/** Snapshots. */
export interface SnapshotRepository {
  /**
   * Makes the cycle's next snapshot of `sources`. Refused when the cycle's latest snapshot has
   * the same sources (`unchanged`: nothing to decide again), or when another was made at the
   * same moment (`concurrent`).
   */
  create(
    tenantId: string,
    input: { cycleId: string; trigger: SnapshotTrigger; sources: SnapshotSourceRecord[] },
    actorId: string | null,
  ): Promise<
    | { ok: true; snapshot: SnapshotRecord }
    | {
        ok: false;
        reason: 'unchanged' | 'concurrent' | 'reference-missing';
        latest?: SnapshotRecord;
      }
  >;
  /**
   * Takes a council-stage action from `expected` (the status judged); `publish` also needs the
   * snapshot unpublished. `stale` when it moved meanwhile.
   */
  transition(
    tenantId: string,
    id: string,
    input: {
      action: SnapshotAction;
      expected: SnapshotStatus;
      note: string | null;
      resolution: SnapshotResolution | null;
      /** For `return`: stored with it, numbered 1, 2, 3, … in this order. */
      amendments?: readonly AmendmentInput[];
    },
    actorId: string | null,
  ): Promise<{ ok: true; snapshot: SnapshotRecord } | { ok: false; reason: 'not-found' | 'stale' }>;
  get(tenantId: string, id: string): Promise<SnapshotRecord | null>;
  getByNumber(tenantId: string, cycleId: string, number: number): Promise<SnapshotRecord | null>;
  /** The cycle's snapshots, oldest first. */
  list(tenantId: string, cycleId: string): Promise<SnapshotRecord[]>;
  /** Every published snapshot of the tenant, newest publication first. */
  listPublished(tenantId: string): Promise<SnapshotRecord[]>;
}

/** The hash of a snapshot: its cycle, number and sources (sorted by submission). */
export function snapshotSha256(
  tenantId: string,
  cycleId: string,
  number: number,
  sources: readonly SnapshotSourceRecord[],
): string {
  return sha256Hex(
    canonicalJson({
      tenantId,
      cycleId,
      number,
      sources: sortSources(sources).map((s) => ({ ...s })),
    }),
  );
}

/** The hash of the sources alone: two snapshots of it are the same plan. */
function sourcesKey(sources: readonly SnapshotSourceRecord[]): string {
  return sha256Hex(canonicalJson(sortSources(sources).map((s) => ({ ...s }))));
}

function sortSources(sources: readonly SnapshotSourceRecord[]): SnapshotSourceRecord[] {
  return [...sources].sort((a, b) => a.submissionId.localeCompare(b.submissionId));
}

function statusOf(value: string): SnapshotStatus {
  const status = SNAPSHOT_STATUSES.find((s) => s === value);
  if (status === undefined) throw new Error(`unknown snapshot status ${value}`);
  return status;
}

type Row = {
  tenantId: string;
  id: string;
  cycleId: string;
  number: number;
  status: string;
  trigger: string;
  sha256: string;
  createdById: string | null;
  createdAt: Date;
  statusChangedAt: Date | null;
  returnNote: string | null;
  resolutionNumber: string | null;
  resolutionDate: string | null;
  votesFor: number | null;
  votesAgainst: number | null;
  votesAbstaining: number | null;
  adoptedAt: Date | null;
  publishedAt: Date | null;
  sources: {
    submissionId: string;
    departmentCode: string;
    kind: string;
    version: number;
    tablesSha256: string;
  }[];
};

function fromRow(row: Row): SnapshotRecord {
  return {
    tenantId: row.tenantId,
    id: row.id,
    cycleId: row.cycleId,
    number: row.number,
    status: statusOf(row.status),
    trigger: row.trigger as SnapshotTrigger,
    sha256: row.sha256,
    createdById: row.createdById,
    createdAt: row.createdAt,
    statusChangedAt: row.statusChangedAt,
    returnNote: row.returnNote,
    resolution:
      row.resolutionNumber === null || row.resolutionDate === null
        ? null
        : {
            resolutionNumber: row.resolutionNumber,
            resolutionDate: row.resolutionDate,
            votesFor: row.votesFor ?? 0,
            votesAgainst: row.votesAgainst ?? 0,
            votesAbstaining: row.votesAbstaining ?? 0,
          },
    adoptedAt: row.adoptedAt,
    publishedAt: row.publishedAt,
    sources: sortSources(
      row.sources.map((s) => ({
        submissionId: s.submissionId,
        departmentCode: s.departmentCode,
        kind: s.kind,
        version: s.version,
        tablesSha256: s.tablesSha256,
      })),
    ),
  };
}

const withSources = {
  sources: {
    select: {
      submissionId: true,
      departmentCode: true,
      kind: true,
      version: true,
      tablesSha256: true,
    },
  },
} as const;

/** The snapshot repository. */
export function snapshotRepository(ctx: RepositoryContext): SnapshotRepository {
  const { prisma } = ctx;
  const get = async (tenantId: string, id: string) => {
    const row = await prisma.citySnapshot.findUnique({
      where: { tenantId_id: { tenantId, id } },
      include: withSources,
    });
    return row === null ? null : fromRow(row);
  };
  return {
    async create(tenantId, input, actorId) {
      type Outcome = Awaited<ReturnType<SnapshotRepository['create']>>;
      const sources = sortSources(input.sources);
      try {
        return await writeAudited<Outcome>(ctx, tenantId, async (tx, at) => {
          const latestRow = await tx.citySnapshot.findFirst({
            where: { tenantId, cycleId: input.cycleId },
            orderBy: { number: 'desc' },
            include: withSources,
          });
          const latest = latestRow === null ? null : fromRow(latestRow);
          if (latest !== null && sourcesKey(latest.sources) === sourcesKey(sources))
            return { value: { ok: false, reason: 'unchanged', latest }, audit: null };
          const number = (latest?.number ?? 0) + 1;
          const sha256 = snapshotSha256(tenantId, input.cycleId, number, sources);
          const created = await tx.citySnapshot.create({
            data: {
              tenantId,
              cycleId: input.cycleId,
              number,
              trigger: input.trigger,
              sha256,
              createdById: actorId,
              createdAt: at,
              sources: { create: sources.map((s) => ({ ...s })) },
            },
            include: withSources,
          });
          return {
            value: { ok: true, snapshot: fromRow(created) },
            audit: {
              actorId,
              action: 'snapshot.create',
              entity: 'city_snapshot',
              entityId: created.id,
              data: {
                cycleId: input.cycleId,
                number,
                trigger: input.trigger,
                sha256,
                sources: sources.map((s) => ({ ...s })),
              },
            },
          };
        });
      } catch (error) {
        if (isUniqueViolation(error)) return { ok: false, reason: 'concurrent' };
        if (isForeignKeyViolation(error)) return { ok: false, reason: 'reference-missing' };
        throw error;
      }
    },

    async transition(tenantId, id, input, actorId) {
      type Outcome = Awaited<ReturnType<SnapshotRepository['transition']>>;
      const rule = SNAPSHOT_RULES[input.action];
      return writeAudited<Outcome>(ctx, tenantId, async (tx, at) => {
        const data =
          input.action === 'publish'
            ? { publishedAt: at }
            : {
                status: rule.to,
                statusChangedAt: at,
                ...(input.action === 'return' && { returnNote: input.note }),
                ...(input.action === 'adopt' &&
                  input.resolution !== null && { ...input.resolution, adoptedAt: at }),
              };
        const { count } = await tx.citySnapshot.updateMany({
          where: {
            tenantId,
            id,
            status: input.expected,
            ...(input.action === 'publish' && { publishedAt: null }),
          },
          data,
        });
        const now = await tx.citySnapshot.findUnique({
          where: { tenantId_id: { tenantId, id } },
          include: withSources,
        });
        if (now === null) return { value: { ok: false, reason: 'not-found' }, audit: null };
        if (count === 0) return { value: { ok: false, reason: 'stale' }, audit: null };
        // One at a time, in order: an interactive transaction runs one statement at a time.
        const amendments = [];
        if (input.action === 'return')
          for (const [i, a] of (input.amendments ?? []).entries())
            amendments.push(
              await tx.councilAmendment.create({
                data: {
                  tenantId,
                  snapshotId: id,
                  seq: i + 1,
                  kind: a.kind,
                  itemTable: a.itemTable,
                  itemId: a.itemId,
                  year: a.year,
                  amount: a.amount,
                  text: a.text,
                  createdById: actorId,
                  createdAt: at,
                },
              }),
            );
        return {
          value: { ok: true, snapshot: fromRow(now) },
          audit: {
            actorId,
            action: `snapshot.${input.action}`,
            entity: 'city_snapshot',
            entityId: id,
            data: {
              from: input.expected,
              to: rule.to,
              note: input.note,
              ...(input.action === 'adopt' &&
                input.resolution !== null && { resolution: { ...input.resolution } }),
              ...(amendments.length > 0 && {
                amendments: amendments.map((a) => ({
                  amendmentId: a.id,
                  seq: a.seq,
                  kind: a.kind,
                  itemTable: a.itemTable,
                  itemId: a.itemId,
                  year: a.year,
                  amount: a.amount?.toString() ?? null,
                  text: a.text,
                })),
              }),
            },
          },
        };
      });
    },

    get,

    async getByNumber(tenantId, cycleId, number) {
      const row = await prisma.citySnapshot.findUnique({
        where: { tenantId_cycleId_number: { tenantId, cycleId, number } },
        include: withSources,
      });
      return row === null ? null : fromRow(row);
    },

    async list(tenantId, cycleId) {
      const rows = await prisma.citySnapshot.findMany({
        where: { tenantId, cycleId },
        orderBy: { number: 'asc' },
        include: withSources,
      });
      return rows.map(fromRow);
    },

    async listPublished(tenantId) {
      const rows = await prisma.citySnapshot.findMany({
        where: { tenantId, publishedAt: { not: null } },
        orderBy: [{ publishedAt: 'desc' }, { number: 'desc' }],
        include: withSources,
      });
      return rows.map(fromRow);
    },
  };
}
