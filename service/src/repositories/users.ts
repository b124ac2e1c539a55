/**
 * Users, their roles, and their API tokens.
 *
 * A token is `plan_<tenantId>_<43 characters of base64url>` (32 random bytes). Only its
 * SHA-256 is stored; the full token is shown once, at issue. The tenant inside the token lets
 * the API find the tenant before it looks the token up, since every lookup is per tenant.
 */
import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../db/canonical';
import { findTokenWithUser } from '../db/sql';
import type { Role } from '#core';
import { ROLES, isRole } from '#core';
import { isForeignKeyViolation, isUniqueViolation } from './client';
import type { RepositoryContext } from './context';
import { writeAudited } from './audit';

export type { Role };
export { ROLES };

/** A user with roles. */
export interface UserRecord {
  tenantId: string;
  id: string;
  email: string;
  displayName: string;
  departmentId: string | null;
  /** For the outside roles: the city's `tblStakeholders.StakeholderId`; null for staff. */
  stakeholderId: string | null;
  disabled: boolean;
  /** Sorted in the order of `ROLES`. */
  roles: Role[];
  createdAt: Date;
}

/** An API token as stored (never the secret). */
export interface ApiTokenRecord {
  tenantId: string;
  id: string;
  userId: string;
  name: string;
  /** The token's first characters, e.g. `plan_mashhad_Xy3kQ9`, shown so people can tell tokens apart. */
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  revoked: boolean;
  revokedAt: Date | null;
}

/** Why a token does not authenticate. */
export type TokenRefusal = 'unknown' | 'revoked' | 'expired' | 'user-disabled';

/** Users and roles. */
export interface UserRepository {
  create(
    tenantId: string,
    input: {
      email: string;
      displayName: string;
      departmentId?: string | null;
      stakeholderId?: string | null;
      roles: Role[];
    },
    actorId: string | null,
  ): Promise<
    { ok: true; user: UserRecord } | { ok: false; reason: 'exists' | 'reference-missing' }
  >;
  get(tenantId: string, id: string): Promise<UserRecord | null>;
  getByEmail(tenantId: string, email: string): Promise<UserRecord | null>;
  list(tenantId: string, options?: { departmentId?: string }): Promise<UserRecord[]>;
  /** Replaces the user's roles. */
  setRoles(
    tenantId: string,
    userId: string,
    roles: Role[],
    actorId: string | null,
  ): Promise<{ ok: true; user: UserRecord } | { ok: false; reason: 'not-found' }>;
  /** Disables or re-enables a user (a disabled user's tokens stop working). */
  setDisabled(
    tenantId: string,
    userId: string,
    disabled: boolean,
    actorId: string | null,
  ): Promise<{ ok: true; user: UserRecord } | { ok: false; reason: 'not-found' }>;
}

/** API tokens. */
export interface TokenRepository {
  /** Issues a token for a user; `secret` is the full token, to be shown once and never stored. */
  issue(
    tenantId: string,
    input: { userId: string; name: string; expiresAt?: Date | null },
    actorId: string | null,
  ): Promise<
    { ok: true; token: ApiTokenRecord; secret: string } | { ok: false; reason: 'user-not-found' }
  >;
  /** The token with this hash (`hashToken`), whatever its state, or null. */
  findByHash(tenantId: string, tokenHash: string): Promise<ApiTokenRecord | null>;
  /** The token's user when the token is usable at `now`, else why not. */
  authenticate(
    tenantId: string,
    tokenHash: string,
    now?: Date,
  ): Promise<
    { ok: true; token: ApiTokenRecord; user: UserRecord } | { ok: false; reason: TokenRefusal }
  >;
  /** Revokes a token (conditional: a token is revoked once). */
  revoke(
    tenantId: string,
    tokenId: string,
    actorId: string | null,
  ): Promise<
    { ok: true; token: ApiTokenRecord } | { ok: false; reason: 'not-found' | 'already-revoked' }
  >;
  listForUser(tenantId: string, userId: string): Promise<ApiTokenRecord[]>;
}

type UserChange = { ok: true; user: UserRecord } | { ok: false; reason: 'not-found' };

/** Prefix of every token. */
export const TOKEN_PREFIX = 'plan';
/** Random bytes in a token: 256 bits, beyond guessing. */
const TOKEN_SECRET_BYTES = 32;
/** Characters of the secret part kept in `prefix`: enough to tell tokens apart, 36 of 256 bits. */
const SHOWN_SECRET_CHARS = 6;
const TOKEN_PATTERN = /^plan_([a-z0-9][a-z0-9-]{1,39})_([A-Za-z0-9_-]{43})$/;

/** A new token for a tenant. */
export function newToken(tenantId: string): string {
  return `${TOKEN_PREFIX}_${tenantId}_${randomBytes(TOKEN_SECRET_BYTES).toString('base64url')}`;
}

/** The tenant named in a token, or null when the string is not a token of ours. */
export function tenantOfToken(token: string): string | null {
  return TOKEN_PATTERN.exec(token)?.[1] ?? null;
}

/** What is stored of a token: lower-case hex SHA-256 of the whole token string. */
export function hashToken(token: string): string {
  return sha256Hex(token);
}

/** The shown part of a token. */
export function tokenPrefix(token: string): string {
  const match = TOKEN_PATTERN.exec(token);
  if (match === null) throw new TypeError('not a token');
  return `${TOKEN_PREFIX}_${match[1] ?? ''}_${(match[2] ?? '').slice(0, SHOWN_SECRET_CHARS)}`;
}

const userInclude = { roles: { select: { role: true } } } as const;

function fromDbUser(row: {
  tenantId: string;
  id: string;
  email: string;
  displayName: string;
  departmentId: string | null;
  stakeholderId: string | null;
  disabled: boolean;
  createdAt: Date;
  roles: { role: string }[];
}): UserRecord {
  // The column's CHECK holds the same list, so no stored role is dropped here.
  const held = new Set<string>(row.roles.map((r) => r.role));
  return { ...row, roles: ROLES.filter((role) => held.has(role)) };
}

function fromDbToken(row: ApiTokenRecord & { tokenHash?: string; lastUsedAt?: Date | null }) {
  const record: ApiTokenRecord = {
    tenantId: row.tenantId,
    id: row.id,
    userId: row.userId,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    revoked: row.revoked,
    revokedAt: row.revokedAt,
  };
  return record;
}

/** The user repository. */
export function userRepository(ctx: RepositoryContext): UserRepository {
  const { prisma } = ctx;
  const get = async (tenantId: string, id: string) => {
    const row = await prisma.user.findUnique({
      where: { tenantId_id: { tenantId, id } },
      include: userInclude,
    });
    return row === null ? null : fromDbUser(row);
  };

  return {
    async create(tenantId, input, actorId) {
      const roles = [...new Set(input.roles)];
      try {
        const user = await writeAudited(ctx, tenantId, async (tx, at) => {
          const created = await tx.user.create({
            data: {
              tenantId,
              email: input.email,
              displayName: input.displayName,
              departmentId: input.departmentId ?? null,
              stakeholderId: input.stakeholderId ?? null,
              createdAt: at,
              roles: { create: roles.map((role) => ({ role })) },
            },
            include: userInclude,
          });
          const record = fromDbUser(created);
          return {
            value: record,
            audit: {
              actorId,
              action: 'user.create',
              entity: 'user',
              entityId: record.id,
              data: {
                email: record.email,
                displayName: record.displayName,
                departmentId: record.departmentId,
                roles: record.roles,
                // Recorded since issue 15 (an older entry has none: verify compares it without).
                stakeholderId: record.stakeholderId,
              },
            },
          };
        });
        return { ok: true, user };
      } catch (error) {
        if (isUniqueViolation(error)) return { ok: false, reason: 'exists' };
        if (isForeignKeyViolation(error)) return { ok: false, reason: 'reference-missing' };
        throw error;
      }
    },

    get,

    async getByEmail(tenantId, email) {
      const row = await prisma.user.findUnique({
        where: { tenantId_email: { tenantId, email } },
        include: userInclude,
      });
      return row === null ? null : fromDbUser(row);
    },

    async list(tenantId, options = {}) {
      const rows = await prisma.user.findMany({
        where: {
          tenantId,
          ...(options.departmentId !== undefined && { departmentId: options.departmentId }),
        },
        include: userInclude,
        orderBy: { email: 'asc' },
      });
      return rows.map(fromDbUser);
    },

    async setRoles(tenantId, userId, roles, actorId) {
      const wanted = [...new Set(roles)];
      return writeAudited<UserChange>(ctx, tenantId, async (tx) => {
        const exists = await tx.user.count({ where: { tenantId, id: userId } });
        if (exists === 0)
          return { value: { ok: false, reason: 'not-found' } as const, audit: null };
        await tx.userRole.deleteMany({ where: { tenantId, userId } });
        await tx.userRole.createMany({ data: wanted.map((role) => ({ tenantId, userId, role })) });
        const row = await tx.user.findUniqueOrThrow({
          where: { tenantId_id: { tenantId, id: userId } },
          include: userInclude,
        });
        const user = fromDbUser(row);
        return {
          value: { ok: true, user } as const,
          audit: {
            actorId,
            action: 'user.roles',
            entity: 'user',
            entityId: userId,
            data: { roles: user.roles },
          },
        };
      });
    },

    async setDisabled(tenantId, userId, disabled, actorId) {
      return writeAudited<UserChange>(ctx, tenantId, async (tx) => {
        const { count } = await tx.user.updateMany({
          where: { tenantId, id: userId },
          data: { disabled },
        });
        if (count === 0) return { value: { ok: false, reason: 'not-found' } as const, audit: null };
        const row = await tx.user.findUniqueOrThrow({
          where: { tenantId_id: { tenantId, id: userId } },
          include: userInclude,
        });
        return {
          value: { ok: true, user: fromDbUser(row) } as const,
          audit: {
            actorId,
            action: disabled ? 'user.disable' : 'user.enable',
            entity: 'user',
            entityId: userId,
          },
        };
      });
    },
  };
}

/** The token repository. */
export function tokenRepository(ctx: RepositoryContext): TokenRepository {
  const { prisma } = ctx;
  return {
    async issue(tenantId, input, actorId) {
      const secret = newToken(tenantId);
      try {
        const token = await writeAudited(ctx, tenantId, async (tx, at) => {
          const created = await tx.apiToken.create({
            data: {
              tenantId,
              userId: input.userId,
              name: input.name,
              prefix: tokenPrefix(secret),
              tokenHash: hashToken(secret),
              createdAt: at,
              expiresAt: input.expiresAt ?? null,
            },
          });
          const record = fromDbToken(created);
          return {
            value: record,
            audit: {
              actorId,
              action: 'token.issue',
              entity: 'api_token',
              entityId: record.id,
              data: {
                userId: record.userId,
                name: record.name,
                prefix: record.prefix,
                // A digest of the stored digest: names the token's secret without revealing
                // anything usable, so a hash swapped in afterwards is seen (verify.ts).
                tokenHashSha256: sha256Hex(created.tokenHash),
                expiresAt: record.expiresAt?.toISOString() ?? null,
              },
            },
          };
        });
        return { ok: true, token, secret };
      } catch (error) {
        if (isForeignKeyViolation(error)) return { ok: false, reason: 'user-not-found' };
        throw error;
      }
    },

    async findByHash(tenantId, tokenHash) {
      const row = await prisma.apiToken.findUnique({
        where: { tenantId_tokenHash: { tenantId, tokenHash } },
      });
      return row === null ? null : fromDbToken(row);
    },

    async authenticate(tenantId, tokenHash, now = ctx.now()) {
      // One statement on every request (sql.ts says why it is not Prisma's `include`).
      const row = await findTokenWithUser(ctx.reader, tenantId, tokenHash);
      if (row === null) return { ok: false, reason: 'unknown' };
      if (row.revoked) return { ok: false, reason: 'revoked' };
      if (row.expiresAt !== null && row.expiresAt.getTime() <= now.getTime())
        return { ok: false, reason: 'expired' };
      if (row.disabled) return { ok: false, reason: 'user-disabled' };
      const user = fromDbUser({
        tenantId: row.tenantId,
        id: row.userId,
        email: row.email,
        displayName: row.displayName,
        departmentId: row.departmentId,
        stakeholderId: row.stakeholderId,
        disabled: row.disabled,
        createdAt: row.userCreatedAt,
        roles: row.roles.filter(isRole).map((role) => ({ role })),
      });
      return { ok: true, token: fromDbToken(row), user };
    },

    async revoke(tenantId, tokenId, actorId) {
      return writeAudited<Awaited<ReturnType<TokenRepository['revoke']>>>(
        ctx,
        tenantId,
        async (tx, at) => {
          const { count } = await tx.apiToken.updateMany({
            where: { tenantId, id: tokenId, revoked: false },
            data: { revoked: true, revokedAt: at },
          });
          if (count === 0) {
            const exists = await tx.apiToken.count({ where: { tenantId, id: tokenId } });
            const reason = exists === 0 ? 'not-found' : 'already-revoked';
            return { value: { ok: false, reason } as const, audit: null };
          }
          const row = await tx.apiToken.findUniqueOrThrow({
            where: { tenantId_id: { tenantId, id: tokenId } },
          });
          const token = fromDbToken(row);
          return {
            value: { ok: true, token } as const,
            audit: {
              actorId,
              action: 'token.revoke',
              entity: 'api_token',
              entityId: tokenId,
              data: { userId: token.userId, prefix: token.prefix },
            },
          };
        },
      );
    },

    async listForUser(tenantId, userId) {
      const rows = await prisma.apiToken.findMany({
        where: { tenantId, userId },
        orderBy: { createdAt: 'asc' },
      });
      return rows.map(fromDbToken);
    },
  };
}
