/**
 * Browser sessions. A session's secret is the cookie value `ps_<tenantId>_<43 base64url>` (32
 * random bytes, like an API token); only its SHA-256 is stored, so a copy of the database
 * opens no session. The tenant inside lets the register find the tenant before the lookup.
 * A session ends at `expiresAt` (absolute), after the idle timeout since `lastSeenAt`, or
 * when it is ended (sign-out: `endedAt`); rows are kept, as API tokens are, so that the
 * audit chain's `session.create`/`session.end` entries always find them (verify.ts).
 */
import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../db/canonical';
import type { SignInMethod } from '#core';
import { isRole, ROLES } from '#core';
import type { RepositoryContext } from './context';
import { writeAudited } from './audit';
import type { UserRecord } from './users';

/** A session as stored (never its secret). */
export interface SessionRecord {
  tenantId: string;
  id: string;
  userId: string;
  method: SignInMethod;
  createdAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
  endedAt: Date | null;
}

/** Why a cookie opens no session. */
export type SessionRefusal = 'unknown' | 'ended' | 'expired' | 'idle' | 'user-disabled';

/** Sessions. */
export interface SessionRepository {
  /** Opens a session; `secret` is the cookie value, to be sent once and never stored. */
  create(
    tenantId: string,
    input: { userId: string; method: SignInMethod; expiresAt: Date },
  ): Promise<{ session: SessionRecord; secret: string }>;
  /**
   * The session's user when the session is open at `now` and was used within `idleMs`; its
   * `lastSeenAt` moves on (written at most once a minute).
   */
  authenticate(
    tenantId: string,
    tokenHash: string,
    idleMs: number,
  ): Promise<
    { ok: true; session: SessionRecord; user: UserRecord } | { ok: false; reason: SessionRefusal }
  >;
  /**
   * Ends every open session of a person but `exceptId` (a new password, a disabled account),
   * each audited; the number ended.
   */
  endAllForUser(
    tenantId: string,
    userId: string,
    actorId: string | null,
    reason: string,
    exceptId?: string,
  ): Promise<number>;
  /** Ends a session (sign-out); false when it had ended already. */
  end(
    tenantId: string,
    sessionId: string,
    actorId: string | null,
    reason: string,
  ): Promise<boolean>;
}

const SESSION_PATTERN = /^ps_([a-z0-9][a-z0-9-]{1,39})_([A-Za-z0-9_-]{43})$/;
/** `lastSeenAt` is written when it is older than this: not one write per request. */
const TOUCH_EVERY_MS = 60_000;

/** A new session secret of a tenant. */
export function newSessionSecret(tenantId: string): string {
  return `ps_${tenantId}_${randomBytes(32).toString('base64url')}`;
}

/** The tenant named in a session cookie's value, or null when it is not one of ours. */
export function tenantOfSession(secret: string): string | null {
  return SESSION_PATTERN.exec(secret)?.[1] ?? null;
}

/** What is stored of a session secret: lower-case hex SHA-256. */
export const hashSession = (secret: string): string => sha256Hex(secret);

function fromDbSession(row: SessionRecord & { tokenHash?: string }): SessionRecord {
  return {
    tenantId: row.tenantId,
    id: row.id,
    userId: row.userId,
    method: row.method,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    lastSeenAt: row.lastSeenAt,
    endedAt: row.endedAt,
  };
}

/** The session repository. */
export function sessionRepository(ctx: RepositoryContext): SessionRepository {
  const { prisma } = ctx;
  const repo: SessionRepository = {
    async create(tenantId, input) {
      const secret = newSessionSecret(tenantId);
      const session = await writeAudited(ctx, tenantId, async (tx, at) => {
        const row = await tx.userSession.create({
          data: {
            tenantId,
            userId: input.userId,
            tokenHash: hashSession(secret),
            method: input.method,
            createdAt: at,
            expiresAt: input.expiresAt,
            lastSeenAt: at,
          },
        });
        const record = fromDbSession(row as unknown as SessionRecord);
        return {
          value: record,
          audit: {
            actorId: input.userId,
            action: 'session.create',
            entity: 'user_session',
            entityId: record.id,
            data: {
              userId: record.userId,
              method: record.method,
              tokenHashSha256: sha256Hex(row.tokenHash),
              expiresAt: record.expiresAt.toISOString(),
            },
          },
        };
      });
      return { session, secret };
    },

    async authenticate(tenantId, tokenHash, idleMs) {
      const row = await prisma.userSession.findUnique({
        where: { tenantId_tokenHash: { tenantId, tokenHash } },
        include: { user: { include: { roles: { select: { role: true } } } } },
      });
      if (row === null) return { ok: false, reason: 'unknown' };
      const now = ctx.now().getTime();
      if (row.endedAt !== null) return { ok: false, reason: 'ended' };
      if (row.expiresAt.getTime() <= now) return { ok: false, reason: 'expired' };
      if (row.lastSeenAt.getTime() + idleMs <= now) return { ok: false, reason: 'idle' };
      if (row.user.disabled) return { ok: false, reason: 'user-disabled' };
      let lastSeenAt = row.lastSeenAt;
      if (now - lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
        lastSeenAt = new Date(now);
        // The time of the last request: not a statement or a right, so not audited (and not
        // compared by verify), like an API token's `last_used_at`.
        await prisma.userSession.updateMany({
          where: { tenantId, id: row.id, endedAt: null },
          data: { lastSeenAt },
        });
      }
      const held = new Set(row.user.roles.map((r) => r.role).filter(isRole));
      const { roles: _held, ...user } = row.user;
      return {
        ok: true,
        session: fromDbSession({ ...(row as unknown as SessionRecord), lastSeenAt }),
        user: { ...user, roles: ROLES.filter((r) => held.has(r)) },
      };
    },

    async endAllForUser(tenantId, userId, actorId, reason, exceptId) {
      const open = await prisma.userSession.findMany({
        where: {
          tenantId,
          userId,
          endedAt: null,
          ...(exceptId !== undefined && { NOT: { id: exceptId } }),
        },
        select: { id: true },
      });
      let ended = 0;
      for (const { id } of open) if (await repo.end(tenantId, id, actorId, reason)) ended += 1;
      return ended;
    },

    async end(tenantId, sessionId, actorId, reason) {
      return writeAudited(ctx, tenantId, async (tx, at) => {
        const { count } = await tx.userSession.updateMany({
          where: { tenantId, id: sessionId, endedAt: null },
          data: { endedAt: at },
        });
        if (count === 0) return { value: false, audit: null };
        const row = await tx.userSession.findUniqueOrThrow({
          where: { tenantId_id: { tenantId, id: sessionId } },
        });
        return {
          value: true,
          audit: {
            actorId,
            action: 'session.end',
            entity: 'user_session',
            entityId: sessionId,
            data: { userId: row.userId, reason },
          },
        };
      });
    },
  };
  return repo;
}
