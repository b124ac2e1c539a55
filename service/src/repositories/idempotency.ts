/**
 * Idempotency keys: a client that retries a request with the same `Idempotency-Key` gets the
 * stored response of the first attempt instead of a second effect; the same key with a
 * different request is refused. Keys belong to a tenant.
 */
import type { JsonValue } from '../db/canonical';
import type { Tx } from './client';
import { isUniqueViolation } from './client';
import type { RepositoryContext } from './context';
import { fromDbJson, toDbJson } from './json';

/** What a key says about a request. */
export type IdempotencyCheck =
  /** Not seen: carry the request out (and save the key with its response). */
  | { kind: 'new' }
  /** Seen with the same request: answer with the stored response. */
  | { kind: 'replay'; storedResponse: JsonValue }
  /** Seen with a different request: refuse (HTTP 422 in the usual convention). */
  | { kind: 'mismatch' };

/** A stored key. */
export interface IdempotencyRecord {
  tenantId: string;
  key: string;
  requestHash: string;
  response: JsonValue;
  createdAt: Date;
}

/** Idempotency keys of the tenants. */
export interface IdempotencyRepository {
  /** The stored key, or null. */
  find(tenantId: string, key: string): Promise<IdempotencyRecord | null>;
  /** Whether a request with this key and request hash is new, a replay, or a mismatch. */
  check(tenantId: string, key: string, requestHash: string): Promise<IdempotencyCheck>;
  /**
   * Saves a key with its response (for requests that are not a version push, which saves its
   * key itself). When the key was saved meanwhile, says what it now means instead.
   */
  save(
    tenantId: string,
    input: { key: string; requestHash: string; response: JsonValue },
  ): Promise<{ kind: 'saved' } | Exclude<IdempotencyCheck, { kind: 'new' }>>;
  /** Deletes the tenant's keys created before a time (keys are kept for a while, not forever). */
  purgeBefore(tenantId: string, before: Date): Promise<number>;
}

/** Compares a stored key with a request. */
export function judgeIdempotency(
  stored: Pick<IdempotencyRecord, 'requestHash' | 'response'> | null,
  requestHash: string,
): IdempotencyCheck {
  if (stored === null) return { kind: 'new' };
  return stored.requestHash === requestHash
    ? { kind: 'replay', storedResponse: stored.response }
    : { kind: 'mismatch' };
}

/** Reads a key inside or outside a transaction. */
export async function findIdempotency(
  client: Tx,
  tenantId: string,
  key: string,
): Promise<IdempotencyRecord | null> {
  const row = await client.idempotencyKey.findUnique({
    where: { tenantId_key: { tenantId, key } },
  });
  return row === null ? null : { ...row, response: fromDbJson(row.response) };
}

/** Inserts a key inside the caller's transaction (a duplicate throws P2002). */
export async function insertIdempotency(
  tx: Tx,
  tenantId: string,
  input: { key: string; requestHash: string; response: JsonValue },
  at: Date,
): Promise<void> {
  await tx.idempotencyKey.create({
    data: {
      tenantId,
      key: input.key,
      requestHash: input.requestHash,
      response: toDbJson(input.response),
      createdAt: at,
    },
  });
}

/** The idempotency repository. */
export function idempotencyRepository({ prisma, now }: RepositoryContext): IdempotencyRepository {
  return {
    find: (tenantId, key) => findIdempotency(prisma, tenantId, key),

    async check(tenantId, key, requestHash) {
      return judgeIdempotency(await findIdempotency(prisma, tenantId, key), requestHash);
    },

    async save(tenantId, input) {
      try {
        await insertIdempotency(prisma, tenantId, input, now());
        return { kind: 'saved' };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const stored = await findIdempotency(prisma, tenantId, input.key);
        const judged = judgeIdempotency(stored, input.requestHash);
        if (judged.kind === 'new') throw error;
        return judged;
      }
    },

    async purgeBefore(tenantId, before) {
      const { count } = await prisma.idempotencyKey.deleteMany({
        where: { tenantId, createdAt: { lt: before } },
      });
      return count;
    },
  };
}
