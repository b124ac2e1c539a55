/**
 * Authentication (bearer tokens: the register's API tokens, or OpenID Connect JWTs when
 * configured) and authorisation (roles and departments). The tenant is always the token's,
 * never the request body's.
 */
import type { Request, RequestHandler, Response } from 'express';
import { ROLE_CAPTIONS } from '#core';
import type { Role } from '../repositories';
import type { Repositories, UserRecord } from '../repositories';
import { hashToken, tenantOfToken } from '../repositories';
import { apiError } from '../http/errors';
import type { OidcVerifier } from './oidc';

/** Who is calling. */
export interface Principal {
  tenantId: string;
  userId: string;
  email: string;
  displayName: string;
  /** The user's department (id), or null for city-wide staff. */
  departmentId: string | null;
  roles: Role[];
  /** How the caller proved who they are. */
  via: 'api-token' | 'oidc';
}

/** The caller of an authenticated request. */
export function principalOf(res: Response): Principal {
  const p = res.locals.principal as Principal | undefined;
  if (p === undefined) throw new Error('principalOf used on a route without authentication');
  return p;
}

function fromUser(user: UserRecord, via: Principal['via']): Principal {
  return {
    tenantId: user.tenantId,
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    departmentId: user.departmentId,
    roles: user.roles,
    via,
  };
}

const unauthenticated = (en: string, fa: string) => apiError('UNAUTHENTICATED', fa, en, undefined);

/** Reads `Authorization: Bearer …` and sets `res.locals.principal`, or answers 401. */
export function authenticate(repos: Repositories, oidc: OidcVerifier | null): RequestHandler {
  return async (req: Request, res, next) => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (match === null) {
      const error = unauthenticated(
        'Sign in: send "Authorization: Bearer <token>".',
        'وارد شوید: سرآیند «\u2066Authorization: Bearer\u2069 <\u2066token\u2069>» را بفرستید.',
      );
      res.set('WWW-Authenticate', 'Bearer');
      next(error);
      return;
    }
    const token = match[1] ?? '';
    const tenantId = tenantOfToken(token);
    if (tenantId !== null) {
      const result = await repos.tokens.authenticate(tenantId, hashToken(token));
      if (!result.ok) {
        // The reason (unknown, revoked, expired, user disabled) goes to the log, not to the
        // caller: telling them would say which stolen or guessed tokens once existed.
        res.locals.authFailure = result.reason;
        res.set('WWW-Authenticate', 'Bearer error="invalid_token"');
        next(unauthenticated('The token is not valid.', 'توکن معتبر نیست.'));
        return;
      }
      res.locals.principal = fromUser(result.user, 'api-token');
      next();
      return;
    }
    if (oidc !== null) {
      const verified = await oidc.verify(token);
      if (verified.ok) {
        const user = await repos.users.getByEmail(verified.tenantId, verified.email);
        if (user !== null && !user.disabled) {
          res.locals.principal = fromUser(user, 'oidc');
          next();
          return;
        }
      }
    }
    res.locals.authFailure = oidc === null ? 'not-an-api-token' : 'oidc-rejected';
    res.set('WWW-Authenticate', 'Bearer error="invalid_token"');
    next(unauthenticated('The token is not valid.', 'توکن معتبر نیست.'));
  };
}

/** True when the principal holds any of the roles. */
export function hasRole(p: Principal, ...roles: Role[]): boolean {
  return p.roles.some((r) => roles.includes(r));
}

/** Refuses (403) unless the principal holds one of the roles. */
export function requireRole(p: Principal, ...roles: Role[]): void {
  if (!hasRole(p, ...roles))
    throw apiError(
      'FORBIDDEN',
      `این کار نقش ${roles.map((r) => ROLE_CAPTIONS[r].fa).join(' یا ')} می‌خواهد.`,
      `This needs the role ${roles.join(' or ')}.`,
    );
}

/** Roles that read every department's submissions (city-wide staff). */
export const CITY_WIDE_ROLES: readonly Role[] = ['reviewer', 'approver', 'council', 'admin'];

/** True when the principal may read a department's submissions. */
export function canReadDepartment(p: Principal, departmentId: string): boolean {
  return hasRole(p, ...CITY_WIDE_ROLES) || p.departmentId === departmentId;
}

/** Refuses (403) a preparer pushing for, or anyone reading, a department not theirs. */
export function requireDepartment(p: Principal, departmentId: string, write: boolean): void {
  const allowed = write
    ? (hasRole(p, 'preparer') && p.departmentId === departmentId) || hasRole(p, 'admin')
    : canReadDepartment(p, departmentId);
  if (!allowed)
    throw apiError(
      'FORBIDDEN',
      write
        ? 'فقط تهیه‌کنندگان همین واحد می‌توانند برای آن نسخه بفرستند.'
        : 'به برنامه این واحد دسترسی ندارید.',
      write
        ? 'Only preparers of this department may push for it.'
        : 'You have no access to this department’s plan.',
    );
}
