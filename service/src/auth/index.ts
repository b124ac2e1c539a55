/**
 * Authentication (bearer tokens: the register's API tokens, or OpenID Connect JWTs when
 * configured; or the browser's session cookie, session.ts) and authorisation (roles and
 * departments). The tenant is always the token's or the session's, never the request body's.
 */
import type { Request, RequestHandler, Response } from 'express';
import { CITY_WIDE_ROLES, ROLE_CAPTIONS, SUBMISSION_ROLES } from '#core';
import type { Role } from '../repositories';
import type { Repositories, UserRecord } from '../repositories';
import { hashToken, tenantOfToken } from '../repositories';
import { apiError } from '../http/errors';
import type { OidcVerifier } from './oidc';
import type { SessionConfig } from '../config';
import type { SessionInfo } from './session';
import { csrfMatches, csrfTokenOf, SAFE_METHODS, sessionCookieOf } from './session';
import { hashSession, tenantOfSession } from '../repositories';

/** Who is calling. */
export interface Principal {
  tenantId: string;
  userId: string;
  email: string;
  displayName: string;
  /** The user's department (id), or null for city-wide staff. */
  departmentId: string | null;
  /** For the outside roles (agency, stakeholder): the `tblStakeholders` entry; else null. */
  stakeholderId: string | null;
  roles: Role[];
  /** How the caller proved who they are. */
  via: 'api-token' | 'oidc' | 'session';
}

/** The session of a request authenticated by its cookie, or null. */
export function sessionOf(res: Response): SessionInfo | null {
  return (res.locals.session as SessionInfo | undefined) ?? null;
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
    stakeholderId: user.stakeholderId,
    roles: user.roles,
    via,
  };
}

/**
 * What a session that must change its one-time password may still do: see itself, sign out,
 * and change the password.
 */
const BEFORE_PASSWORD_CHANGE = new Set([
  'GET /session',
  'DELETE /session',
  'GET /me',
  'POST /me/password',
]);

const unauthenticated = (en: string, fa: string) => apiError('UNAUTHENTICATED', fa, en, undefined);

/**
 * Reads `Authorization: Bearer …`, else the session cookie, and sets `res.locals.principal`
 * (and for a session `res.locals.session`), or answers 401. A request authenticated by the
 * cookie that changes something must carry the session's CSRF token (403 otherwise).
 */
export function authenticate(
  repos: Repositories,
  oidc: OidcVerifier | null,
  sessions: SessionConfig,
): RequestHandler {
  return async (req: Request, res, next) => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const cookie = header === '' ? sessionCookieOf(req) : null;
    if (match === null && cookie !== null) {
      const tenantId = tenantOfSession(cookie);
      const result =
        tenantId === null
          ? ({ ok: false, reason: 'not-a-session' } as const)
          : await repos.sessions.authenticate(tenantId, hashSession(cookie), sessions.idleMs);
      if (!result.ok) {
        res.locals.authFailure = `session-${result.reason}`;
        next(
          unauthenticated(
            'The session has ended; sign in again.',
            'نشست پایان یافته است؛ دوباره وارد شوید.',
          ),
        );
        return;
      }
      if (!SAFE_METHODS.has(req.method) && !csrfMatches(req, cookie)) {
        next(
          apiError(
            'FORBIDDEN',
            'درخواست بی‌نشانه \u2066CSRF\u2069 پذیرفته نیست: نشانه نشست را در سرآیند «\u2066X-CSRF-Token\u2069» بفرستید.',
            'A request without the session’s CSRF token is refused: send it in the "X-CSRF-Token" header.',
          ),
        );
        return;
      }
      const password =
        result.session.method === 'password'
          ? await repos.people.getPassword(result.user.tenantId, result.user.id)
          : null;
      const info: SessionInfo = {
        session: result.session,
        csrfToken: csrfTokenOf(cookie),
        mustChangePassword: password?.mustChange ?? false,
      };
      if (info.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(`${req.method} ${req.path}`)) {
        next(
          apiError(
            'FORBIDDEN',
            'نخست گذرواژه یک‌بارمصرف را عوض کنید.',
            'Change the one-time password first (POST /api/me/password).',
          ),
        );
        return;
      }
      res.locals.principal = fromUser(result.user, 'session');
      res.locals.session = info;
      next();
      return;
    }
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

/** Roles that read every department's submissions (city-wide staff): the core's. */
export { CITY_WIDE_ROLES };

/** True when the principal may read a department's submissions. */
export function canReadDepartment(p: Principal, departmentId: string): boolean {
  return (
    hasRole(p, ...CITY_WIDE_ROLES) ||
    // The outside roles (agency, stakeholder) read no submission, whatever their department.
    (p.departmentId === departmentId && hasRole(p, ...SUBMISSION_ROLES))
  );
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
