/**
 * The append-only audit log, one hash chain per tenant.
 *
 * Each entry stores `prevHash` (the previous entry's hash; 64 zeros for the first) and
 * `hash = SHA-256(canonical JSON of { tenantId, seq, at, actorId, action, entity, entityId,
 * data, prevHash })`. Editing, reordering or deleting an entry in the middle breaks the chain
 * at that entry, and `verifyChain` names it. (Cutting entries off the END is invisible to a
 * chain alone: compare the head hash with one recorded elsewhere, `expectedHead`.)
 *
 * Entries are only ever appended, inside the transaction of the change they record, and
 * this module has no update or delete path.
 */
import type { JsonObject, JsonValue } from '../db/canonical';
import { canonicalJson, sha256Hex } from '../db/canonical';
import { lockAuditChain } from '../db/sql';
import type { Tx } from './client';
import { TX_OPTIONS } from './client';
import type { RepositoryContext } from './context';
import { fromDbJson } from './json';

/** `prevHash` of a tenant's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** Entries read per query while verifying a chain (bounds memory on a long log). */
const VERIFY_BATCH = 1000;

/** What a change says about itself in the log. */
export interface AuditInput {
  /** The user who made the change; null for the system (e.g. creating the first tenant). */
  actorId: string | null;
  /** Dotted verb, e.g. `version.create`, `submission.approve`, `token.revoke`. */
  action: string;
  /** The kind of thing changed, e.g. `submission`. */
  entity: string;
  entityId: string;
  /** Details worth keeping; never secrets (token hashes, passwords). */
  data?: JsonObject;
}

/** One stored audit entry. */
export interface AuditRecord {
  tenantId: string;
  /** 1, 2, 3, … per tenant. */
  seq: bigint;
  at: Date;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  data: JsonValue;
  prevHash: string;
  hash: string;
}

/** Result of verifying a tenant's chain. */
export type ChainVerification =
  | { ok: true; entries: number; head: string }
  | {
      ok: false;
      /** The first entry that does not fit. */
      seq: bigint;
      reason: 'sequence-gap' | 'prev-hash-mismatch' | 'hash-mismatch' | 'head-mismatch';
    };

/** The hash of an entry from its content and its predecessor's hash. */
export function auditHash(entry: Omit<AuditRecord, 'hash'>): string {
  return sha256Hex(
    canonicalJson({
      tenantId: entry.tenantId,
      seq: entry.seq.toString(),
      at: entry.at.toISOString(),
      actorId: entry.actorId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      data: entry.data,
      prevHash: entry.prevHash,
    }),
  );
}

/**
 * Appends an entry to the tenant's chain inside the caller's transaction, under the tenant's
 * advisory lock. Call it as the LAST statement of a transaction: the lock is held until
 * commit, so nothing may wait on another lock after it (no deadlock, and the chain's
 * serialisation point is as short as it can be).
 */
export async function appendAudit(
  tx: Tx,
  tenantId: string,
  input: AuditInput,
  at: Date,
): Promise<AuditRecord> {
  await lockAuditChain(tx, tenantId);
  const last = await tx.auditEntry.findFirst({
    where: { tenantId },
    orderBy: { seq: 'desc' },
    select: { seq: true, hash: true },
  });
  const entry: Omit<AuditRecord, 'hash'> = {
    tenantId,
    seq: (last?.seq ?? 0n) + 1n,
    at,
    actorId: input.actorId,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId,
    data: input.data ?? {},
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const hash = auditHash(entry);
  await tx.auditEntry.create({ data: { ...entry, data: entry.data as JsonObject, hash } });
  return { ...entry, hash };
}

/**
 * Runs `work` in one interactive transaction and appends its audit entry as the transaction's
 * last statement (see `appendAudit`). `work` returns the audit entry to append, or null when
 * it changed nothing (e.g. a conditional update that matched no row).
 */
export async function writeAudited<T>(
  ctx: RepositoryContext,
  tenantId: string,
  work: (tx: Tx, at: Date) => Promise<{ value: T; audit: AuditInput | null }>,
): Promise<T> {
  let appended: AuditRecord | null = null;
  const value = await ctx.prisma.$transaction(async (tx) => {
    const at = ctx.now();
    const { value, audit } = await work(tx, at);
    if (audit !== null) appended = await appendAudit(tx, tenantId, audit, at);
    return value;
  }, TX_OPTIONS);
  if (appended !== null) anchorHead(ctx, appended);
  return value;
}

/** Anchors a committed entry as its chain's head outside the database (`audit-head.ts`). */
export function anchorHead(ctx: RepositoryContext, entry: AuditRecord): void {
  ctx.auditHead?.record({ tenantId: entry.tenantId, seq: entry.seq, hash: entry.hash });
}

/** Reading and verifying the audit log. */
export interface AuditRepository {
  /** Entries of a tenant in chain order, after `afterSeq` (exclusive), at most `limit` (100). */
  list(tenantId: string, options?: { afterSeq?: bigint; limit?: number }): Promise<AuditRecord[]>;
  /** Entries about one entity, oldest first. */
  listForEntity(tenantId: string, entity: string, entityId: string): Promise<AuditRecord[]>;
  /**
   * Recomputes the tenant's chain from the first entry: ok with the count and head hash, or
   * the first entry that does not fit. `expectedHead` (a head hash kept elsewhere) also
   * catches entries cut off the end.
   */
  verifyChain(tenantId: string, options?: { expectedHead?: string }): Promise<ChainVerification>;
}

function fromDbAudit(row: {
  tenantId: string;
  seq: bigint;
  at: Date;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  data: unknown;
  prevHash: string;
  hash: string;
}): AuditRecord {
  return { ...row, data: fromDbJson(row.data as never) };
}

/** The audit repository. */
export function auditRepository({ prisma }: RepositoryContext): AuditRepository {
  return {
    async list(tenantId, options = {}) {
      const rows = await prisma.auditEntry.findMany({
        where: { tenantId, seq: { gt: options.afterSeq ?? 0n } },
        orderBy: { seq: 'asc' },
        take: Math.min(Math.max(options.limit ?? 100, 1), 1000),
      });
      return rows.map(fromDbAudit);
    },

    async listForEntity(tenantId, entity, entityId) {
      const rows = await prisma.auditEntry.findMany({
        where: { tenantId, entity, entityId },
        orderBy: { seq: 'asc' },
      });
      return rows.map(fromDbAudit);
    },

    async verifyChain(tenantId, options = {}) {
      let expectedSeq = 1n;
      let prevHash = GENESIS_HASH;
      let entries = 0;
      for (;;) {
        const batch = await prisma.auditEntry.findMany({
          where: { tenantId, seq: { gte: expectedSeq } },
          orderBy: { seq: 'asc' },
          take: VERIFY_BATCH,
        });
        for (const row of batch.map(fromDbAudit)) {
          if (row.seq !== expectedSeq) return { ok: false, seq: row.seq, reason: 'sequence-gap' };
          if (row.prevHash !== prevHash)
            return { ok: false, seq: row.seq, reason: 'prev-hash-mismatch' };
          if (auditHash(row) !== row.hash)
            return { ok: false, seq: row.seq, reason: 'hash-mismatch' };
          prevHash = row.hash;
          expectedSeq += 1n;
          entries += 1;
        }
        if (batch.length < VERIFY_BATCH) break;
      }
      if (options.expectedHead !== undefined && options.expectedHead !== prevHash)
        return { ok: false, seq: expectedSeq, reason: 'head-mismatch' };
      return { ok: true, entries, head: prevHash };
    },
  };
}
