/**
 * Browser sessions (docs/api.md, "People and sign-in"): sign-in with a local account, the
 * session cookie, its CSRF token, and the sign-in's rate limits and lock-out.
 *
 * - **The cookie** `plan_session`: `HttpOnly` (no script reads it, so an injected script
 *   cannot carry it away), `Secure` unless `PLAN_SESSION_INSECURE_HTTP=true`, `Path=/`,
 *   `SameSite=Lax`, no `Max-Age` beyond the session's absolute end. Lax rather than Strict: a
 *   person following a link to the register from an e-mail or the council's site arrives
 *   signed in (Strict would send no cookie on that first navigation and show them signed out);
 *   what Lax still sends cross-site is top-level GET navigations, and a GET changes nothing.
 *   Every state change also needs the CSRF token (below), which a cross-site page cannot read.
 * - **CSRF**: the synchronizer token is `HMAC-SHA256(session secret, "plan-csrf-v1")`: bound
 *   to the session, unguessable without the HttpOnly cookie, the same for the session's life,
 *   so it need not be stored (the register keeps only the secret's SHA-256, and derives the
 *   token from the cookie of each request). The browser gets it from the sign-in's answer or
 *   `GET /api/session` and sends it in `X-CSRF-Token` on every POST, PATCH, PUT and DELETE
 *   authenticated by the cookie; one without it, or with another, is 403 `FORBIDDEN`. Bearer
 *   requests are exempt: a browser never adds an `Authorization` header by itself.
 * - **Sign-in** takes JSON only (`POST /api/session`, `application/json`): an HTML form of
 *   another site cannot send JSON without a CORS preflight the register refuses, so nobody is
 *   signed in to an account of someone else's choosing (login CSRF).
 * - **Answers never tell whether an account exists**: an unknown municipality or e-mail, a
 *   wrong password, a disabled, password-less or locked account all get the same 401 body,
 *   after the same scrypt work (an unknown account is checked against a dummy hash). The
 *   reason goes to the log.
 * - **Rate limits** per client IP and per account (municipality and e-mail, existing or not),
 *   counted in this process over a fixed window: 429 `RATE_LIMITED` with `Retry-After`.
 *   **Lock-out**: `lockoutFailures` consecutive failures of an existing account lock it for
 *   `lockoutMs`, stored in the database (so several processes and restarts agree), each
 *   failure and the lock audited.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { ApiSession } from '#core';
import { CSRF_HEADER, SESSION_COOKIE, SignInBody } from '#core';
import type { SessionConfig } from '../config';
import type { AppDeps } from '../handlers/context';
import { ApiError, apiError } from '../http/errors';
import type { SessionRecord, UserRecord } from '../repositories';
import { TENANT_ID_PATTERN } from '../repositories';
import { dummyHash, verifyPassword } from './password';

/** What an authenticated session request carries besides its principal (`res.locals.session`). */
export interface SessionInfo {
  session: SessionRecord;
  csrfToken: string;
  mustChangePassword: boolean;
}

/** The CSRF token of a session, derived from its secret (see the module comment). */
export function csrfTokenOf(secret: string): string {
  return createHmac('sha256', secret).update('plan-csrf-v1').digest('base64url');
}

/** True when the request's CSRF header is the session's token (compared in constant time). */
export function csrfMatches(req: Request, secret: string): boolean {
  const sent = Buffer.from(req.get(CSRF_HEADER) ?? '');
  const expected = Buffer.from(csrfTokenOf(secret));
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}

/** Methods that change nothing (RFC 9110 §9.2.1): no CSRF token needed. */
export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A cookie's value in a request, or null. */
export function cookieOf(req: Request, name: string): string | null {
  const header = req.get('cookie');
  if (header === undefined) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** The session cookie's value in a request, or null. */
export const sessionCookieOf = (req: Request): string | null => cookieOf(req, SESSION_COOKIE);

/** The `Set-Cookie` value that opens (or, with `secret` null, clears) the session cookie. */
export function sessionCookie(
  config: SessionConfig,
  secret: string | null,
  expiresAt?: Date,
): string {
  const attributes = [
    `${SESSION_COOKIE}=${secret ?? ''}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    ...(config.secureCookie ? ['Secure'] : []),
    secret === null || expiresAt === undefined ? 'Max-Age=0' : `Expires=${expiresAt.toUTCString()}`,
  ];
  return attributes.join('; ');
}

/** The session as the API answers it. */
export function toApiSession(
  user: UserRecord,
  info: SessionInfo,
  config: SessionConfig,
  practice: boolean,
): ApiSession {
  return {
    user: {
      tenantId: user.tenantId,
      userId: user.id,
      email: user.email,
      displayName: user.displayName,
      departmentId: user.departmentId,
      stakeholderId: user.stakeholderId,
      roles: user.roles,
    },
    method: info.session.method,
    csrfToken: info.csrfToken,
    createdAt: info.session.createdAt.toISOString(),
    expiresAt: info.session.expiresAt.toISOString(),
    idleTimeoutSeconds: Math.round(config.idleMs / 1000),
    mustChangePassword: info.mustChangePassword,
    practice,
  };
}

/** Counts attempts per key over fixed windows; forgets keys whose window has passed. */
export class AttemptCounter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  constructor(
    private readonly windowMs: number,
    private readonly max: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one attempt; the seconds to wait when it is over the limit, else null. */
  hit(key: string): number | null {
    const now = this.now();
    if (this.windows.size > 10_000)
      for (const [k, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(k);
    const w = this.windows.get(key);
    if (w === undefined || now - w.start >= this.windowMs) {
      this.windows.set(key, { start: now, count: 1 });
      return this.max >= 1 ? null : Math.ceil(this.windowMs / 1000);
    }
    w.count += 1;
    return w.count > this.max ? Math.ceil((w.start + this.windowMs - now) / 1000) : null;
  }
}

const refused = () =>
  apiError(
    'UNAUTHENTICATED',
    'ورود پذیرفته نشد: رایانامه، گذرواژه یا کد شهرداری درست نیست، یا حساب پس از چند تلاش ناموفق برای مدتی بسته شده است.',
    'The sign-in was not accepted: the e-mail, password or municipality code is wrong, or the account is locked for a while after failed attempts.',
  );

const tooMany = (seconds: number) =>
  new ApiError(
    'RATE_LIMITED',
    {
      fa: `تلاش‌های ورود بیش از حد مجاز است؛ ${seconds} ثانیه دیگر دوباره بکوشید.`,
      en: `Too many sign-in attempts; try again in ${seconds} seconds.`,
    },
    undefined,
    { 'Retry-After': String(seconds) },
  );

/** `POST /api/session`: sign in with a local account (see the module comment). */
export function signIn(deps: AppDeps): RequestHandler {
  const { repos, config, logger } = deps;
  const c = config.sessions;
  const perIp = new AttemptCounter(c.signInWindowMs, c.signInMaxPerIp);
  const perAccount = new AttemptCounter(c.signInWindowMs, c.signInMaxPerAccount);
  // One dummy per process: its cost is the configured one, as a real account's.
  const dummy = dummyHash(c.scrypt);

  return async (req: Request, res: Response) => {
    if (!req.is('application/json'))
      throw apiError(
        'UNSUPPORTED_MEDIA_TYPE',
        'ورود فقط با بدنه \u2066JSON\u2069 پذیرفته می‌شود.',
        'Sign in with a JSON body (application/json).',
      );
    const body = SignInBody.parse(req.body);
    const ipWait = perIp.hit(req.ip ?? 'unknown');
    const accountWait = perAccount.hit(`${body.municipality}\u0000${body.email.toLowerCase()}`);
    const wait = Math.max(ipWait ?? 0, accountWait ?? 0);
    if (wait > 0) {
      logger.warn({ tenant: body.municipality, ip: req.ip }, 'sign-in rate limited');
      throw tooMany(wait);
    }
    const tenantId = body.municipality;
    const user = TENANT_ID_PATTERN.test(tenantId)
      ? await repos.users.getByEmail(tenantId, body.email)
      : null;
    const password = user === null ? null : await repos.people.getPassword(tenantId, user.id);
    const matches = await verifyPassword(body.password, password?.passwordHash ?? dummy);
    const now = Date.now();
    const locked = password?.lockedUntil != null && password.lockedUntil.getTime() > now;
    const reason =
      user === null
        ? 'unknown-account'
        : user.disabled
          ? 'user-disabled'
          : password === null
            ? 'no-password'
            : locked
              ? 'locked'
              : matches
                ? null
                : 'wrong-password';
    if (reason !== null || user === null || password === null) {
      res.locals.authFailure = reason;
      if (reason === 'wrong-password' && user !== null) {
        const { locked: nowLocked } = await repos.people.recordFailure(tenantId, user.id, {
          lockAfter: c.lockoutFailures,
          lockMs: c.lockoutMs,
        });
        if (nowLocked) logger.warn({ tenant: tenantId, userId: user.id }, 'account locked');
      }
      logger.info({ tenant: tenantId, reason }, 'sign-in refused');
      throw refused();
    }
    await repos.people.recordSuccess(tenantId, user.id);
    const { session, secret } = await repos.sessions.create(tenantId, {
      userId: user.id,
      method: 'password',
      expiresAt: new Date(now + c.absoluteMs),
    });
    const info: SessionInfo = {
      session,
      csrfToken: csrfTokenOf(secret),
      mustChangePassword: password.mustChange,
    };
    res
      .status(201)
      .set('Cache-Control', 'no-store')
      .append('Set-Cookie', sessionCookie(c, secret, session.expiresAt))
      .json(toApiSession(user, info, c, await repos.tenants.isPractice(tenantId)));
  };
}
