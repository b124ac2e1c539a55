/**
 * Local accounts and what an administrator changes about a person beyond roles and the
 * disabled flag (users.ts): the password (its scrypt string, made by auth/password.ts; this
 * module never sees a password), the failed sign-ins and the lock-out, the department and
 * the stakeholder an outside person speaks for. Every change is audited; the audit entries
 * hold a SHA-256 of the stored hash, never the hash itself (audit.ts: never secrets).
 */
import type { JsonObject } from '../db/canonical';
import { sha256Hex } from '../db/canonical';
import type { RepositoryContext } from './context';
import type { AuditInput } from './audit';
import { writeAudited } from './audit';
import { isForeignKeyViolation } from './client';
import type { UserRecord } from './users';

/** A local account's password as stored. */
export interface PasswordRecord {
  tenantId: string;
  userId: string;
  passwordHash: string;
  mustChange: boolean;
  changedAt: Date;
  failedCount: number;
  lockedUntil: Date | null;
}

type Found<T> = { ok: true } & T;
type NotFound = { ok: false; reason: 'not-found' };

/** Passwords, lock-out, department and stakeholder of people. */
export interface PeopleRepository {
  getPassword(tenantId: string, userId: string): Promise<PasswordRecord | null>;
  /** Sets (or replaces) a person's password; resets the failures and any lock. */
  setPassword(
    tenantId: string,
    userId: string,
    input: { passwordHash: string; mustChange: boolean },
    actorId: string | null,
  ): Promise<Found<{ password: PasswordRecord }> | NotFound>;
  /**
   * Counts a failed sign-in; at `lockAfter` consecutive failures the account is locked until
   * `now + lockMs` (audited as `user.lock`) and the count starts again.
   */
  recordFailure(
    tenantId: string,
    userId: string,
    policy: { lockAfter: number; lockMs: number },
  ): Promise<{ locked: boolean; failedCount: number }>;
  /** A successful sign-in: the failures are forgotten. */
  recordSuccess(tenantId: string, userId: string): Promise<void>;
  /** Moves a person to a department (null: city-wide). */
  setDepartment(
    tenantId: string,
    userId: string,
    departmentId: string | null,
    actorId: string | null,
  ): Promise<Found<{ userId: string }> | NotFound | { ok: false; reason: 'reference-missing' }>;
  /** Ties a person to a `tblStakeholders.StakeholderId` of the city (null: none). */
  setStakeholder(
    tenantId: string,
    userId: string,
    stakeholderId: string | null,
    actorId: string | null,
  ): Promise<Found<{ userId: string }> | NotFound>;
  /** Renames a person. */
  setDisplayName(
    tenantId: string,
    userId: string,
    displayName: string,
    actorId: string | null,
  ): Promise<Found<{ userId: string }> | NotFound>;
}

/** The people repository. */
export function peopleRepository(ctx: RepositoryContext): PeopleRepository {
  const { prisma } = ctx;

  /** One audited column change of `app_user`. */
  const setUserColumn = async (
    tenantId: string,
    userId: string,
    data: Partial<Pick<UserRecord, 'departmentId' | 'stakeholderId' | 'displayName'>>,
    action: string,
    actorId: string | null,
  ): Promise<Found<{ userId: string }> | NotFound> =>
    writeAudited<Found<{ userId: string }> | NotFound>(ctx, tenantId, async (tx) => {
      const { count } = await tx.user.updateMany({ where: { tenantId, id: userId }, data });
      if (count === 0) return { value: { ok: false, reason: 'not-found' } as const, audit: null };
      return {
        value: { ok: true, userId } as const,
        audit: {
          actorId,
          action,
          entity: 'user',
          entityId: userId,
          data: { ...data } as JsonObject,
        },
      };
    });

  return {
    async getPassword(tenantId, userId) {
      return prisma.userPassword.findUnique({ where: { tenantId_userId: { tenantId, userId } } });
    },

    async setPassword(tenantId, userId, input, actorId) {
      try {
        return await writeAudited(ctx, tenantId, async (tx, at) => {
          const fields = {
            passwordHash: input.passwordHash,
            mustChange: input.mustChange,
            changedAt: at,
            failedCount: 0,
            lockedUntil: null,
          };
          const password = await tx.userPassword.upsert({
            where: { tenantId_userId: { tenantId, userId } },
            create: { tenantId, userId, ...fields },
            update: fields,
          });
          return {
            value: { ok: true, password } as const,
            audit: {
              actorId,
              action: 'user.password',
              entity: 'user',
              entityId: userId,
              data: {
                // Names the stored hash without giving anything to try passwords against.
                passwordHashSha256: sha256Hex(password.passwordHash),
                mustChange: password.mustChange,
              },
            },
          };
        });
      } catch (error) {
        if (isForeignKeyViolation(error)) return { ok: false, reason: 'not-found' };
        throw error;
      }
    },

    async recordFailure(tenantId, userId, policy) {
      return writeAudited<{ locked: boolean; failedCount: number }>(
        ctx,
        tenantId,
        async (
          tx,
          at,
        ): Promise<{ value: { locked: boolean; failedCount: number }; audit: AuditInput }> => {
          const row = await tx.userPassword.update({
            where: { tenantId_userId: { tenantId, userId } },
            data: { failedCount: { increment: 1 } },
          });
          if (row.failedCount < policy.lockAfter)
            return {
              value: { locked: false, failedCount: row.failedCount },
              audit: {
                actorId: null,
                action: 'user.sign-in-failed',
                entity: 'user',
                entityId: userId,
                data: { failedCount: row.failedCount },
              },
            };
          const until = new Date(at.getTime() + policy.lockMs);
          await tx.userPassword.update({
            where: { tenantId_userId: { tenantId, userId } },
            data: { failedCount: 0, lockedUntil: until },
          });
          return {
            value: { locked: true, failedCount: row.failedCount },
            audit: {
              actorId: null,
              action: 'user.lock',
              entity: 'user',
              entityId: userId,
              data: { failedCount: row.failedCount, lockedUntil: until.toISOString() },
            },
          };
        },
      );
    },

    async recordSuccess(tenantId, userId) {
      await prisma.userPassword.updateMany({
        where: {
          tenantId,
          userId,
          OR: [{ failedCount: { gt: 0 } }, { lockedUntil: { not: null } }],
        },
        data: { failedCount: 0, lockedUntil: null },
      });
    },

    async setDepartment(tenantId, userId, departmentId, actorId) {
      try {
        return await setUserColumn(tenantId, userId, { departmentId }, 'user.department', actorId);
      } catch (error) {
        if (isForeignKeyViolation(error)) return { ok: false, reason: 'reference-missing' };
        throw error;
      }
    },

    async setStakeholder(tenantId, userId, stakeholderId, actorId) {
      return setUserColumn(tenantId, userId, { stakeholderId }, 'user.stakeholder', actorId);
    },

    async setDisplayName(tenantId, userId, displayName, actorId) {
      return setUserColumn(tenantId, userId, { displayName }, 'user.rename', actorId);
    },
  };
}
