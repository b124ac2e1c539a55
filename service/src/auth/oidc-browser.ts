/**
 * Signing in in the browser with OpenID Connect (issue 15): the authorization code flow with
 * PKCE (RFC 7636, S256), by `openid-client` (the certified relying party library):
 *
 *   GET /api/oidc/start?municipality=…&next=…   a state, a nonce and a code verifier are made,
 *       kept by the register for ten minutes under a random key set in the HttpOnly cookie
 *       `plan_oidc` (SameSite=Lax: the issuer's redirect back is a top-level GET), and the
 *       browser is sent to the issuer's authorization endpoint (from its discovery document);
 *   GET /api/oidc/callback?code=…&state=…       the code is exchanged at the token endpoint
 *       with the verifier; the ID token's signature, issuer, audience (the client ID), expiry,
 *       nonce and state are checked by the library; its e-mail (not marked unverified) names
 *       a person of the municipality typed (or of the token's tenant claim, which must then
 *       agree), who gets a session exactly as a password sign-in does (method `oidc`); then
 *       back to `next`. Any failure goes back to the sign-in page with `?oidc=failed`, and the
 *       reason in the log, never in the address.
 *
 * Pending sign-ins live in this process (at most 10,000, ten minutes each): behind a load
 * balancer, route `/api/oidc/*` of one browser to one process, or run one. `openid-client` is
 * an ES module, loaded on first use as `jose` is (auth/oidc.ts).
 */
import { randomBytes } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { SIGN_IN_PATH, nextOfSearch } from '#core';
import type * as OpenIdClient from 'openid-client';
import type { Configuration } from 'openid-client';
import type { Config } from '../config';
import type { AppDeps } from '../handlers/context';
import { TENANT_ID_PATTERN } from '../repositories';
import { cookieOf, sessionCookie } from './session';

/** The cookie that ties a browser to its pending sign-in. */
export const OIDC_COOKIE = 'plan_oidc';
/** Where the issuer sends the browser back (under `publicOrigin`, unless configured). */
export const OIDC_CALLBACK_PATH = '/api/oidc/callback';
const PENDING_MS = 10 * 60 * 1000;
const MAX_PENDING = 10_000;

interface Pending {
  state: string;
  nonce: string;
  verifier: string;
  tenantId: string;
  next: string;
  lang: 'fa' | 'en';
  expires: number;
}

const isLoopback = (url: URL) =>
  url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';

/** The browser sign-in's two handlers, or null when OIDC or its client ID is not configured. */
export function oidcBrowser(
  deps: AppDeps,
): { start: RequestHandler; callback: RequestHandler } | null {
  const { config, repos, logger } = deps;
  const oidc = config.oidc;
  if (oidc === null || oidc.clientId === null) return null;
  const clientId = oidc.clientId;
  const redirectUri = oidc.redirectUrl ?? `${config.publicOrigin}${OIDC_CALLBACK_PATH}`;
  const pending = new Map<string, Pending>();
  let discovered: Promise<{ lib: typeof OpenIdClient; config: Configuration }> | null = null;

  const discover = () => {
    discovered ??= (async () => {
      const lib = await import('openid-client');
      const issuer = new URL(oidc.issuer);
      // Plain HTTP only to an issuer on this machine (a test's, a developer's).
      const insecure = issuer.protocol === 'http:' && isLoopback(issuer);
      const found = await lib.discovery(
        issuer,
        clientId,
        undefined,
        oidc.clientSecret === null ? lib.None() : lib.ClientSecretBasic(oidc.clientSecret),
        insecure ? { execute: [lib.allowInsecureRequests] } : undefined,
      );
      return { lib, config: found };
    })();
    discovered.catch(() => {
      discovered = null;
    });
    return discovered;
  };

  const backToSignIn = (res: Response, p: Pick<Pending, 'next' | 'lang'> | null) => {
    const params = new URLSearchParams({ oidc: 'failed' });
    if (p !== null) params.set('next', p.next);
    if (p?.lang === 'en') params.set('lang', 'en');
    res.redirect(303, `${SIGN_IN_PATH}?${params.toString()}`);
  };

  const cookie = (value: string, maxAge: number) =>
    [
      `${OIDC_COOKIE}=${value}`,
      'Path=/api/oidc',
      'HttpOnly',
      'SameSite=Lax',
      ...(config.sessions.secureCookie ? ['Secure'] : []),
      `Max-Age=${maxAge}`,
    ].join('; ');

  const start: RequestHandler = async (req: Request, res: Response) => {
    const q = req.query;
    const tenantId = typeof q.municipality === 'string' ? q.municipality : config.defaultTenant;
    const lang = q.lang === 'en' ? 'en' : 'fa';
    const next = nextOfSearch(`?next=${encodeURIComponent(String(q.next ?? ''))}`);
    if (!TENANT_ID_PATTERN.test(tenantId)) return backToSignIn(res, { next, lang });
    try {
      const { lib, config: issuer } = await discover();
      const verifier = lib.randomPKCECodeVerifier();
      const state = lib.randomState();
      const nonce = lib.randomNonce();
      const now = Date.now();
      if (pending.size >= MAX_PENDING)
        for (const [k, v] of pending)
          if (v.expires < now || pending.size >= MAX_PENDING) pending.delete(k);
      const key = randomBytes(32).toString('base64url');
      pending.set(key, { state, nonce, verifier, tenantId, next, lang, expires: now + PENDING_MS });
      const url = lib.buildAuthorizationUrl(issuer, {
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        code_challenge: await lib.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
        ...(lang === 'fa' ? { ui_locales: 'fa en' } : { ui_locales: 'en' }),
      });
      res
        .set('Cache-Control', 'no-store')
        .append('Set-Cookie', cookie(key, PENDING_MS / 1000))
        .redirect(303, url.href);
    } catch (error) {
      logger.warn({ err: error }, 'OIDC sign-in could not start (discovery failed?)');
      backToSignIn(res, { next, lang });
    }
  };

  const callback: RequestHandler = async (req: Request, res: Response) => {
    const key = cookieOf(req, OIDC_COOKIE);
    const p = key === null ? undefined : pending.get(key);
    if (key !== null) pending.delete(key);
    res.set('Cache-Control', 'no-store').append('Set-Cookie', cookie('', 0));
    if (p === undefined || p.expires < Date.now()) {
      logger.info('OIDC callback without a pending sign-in (expired, replayed or forged)');
      return backToSignIn(res, p ?? null);
    }
    try {
      const { lib, config: issuer } = await discover();
      const current = new URL(req.originalUrl, redirectUri);
      const tokens = await lib.authorizationCodeGrant(issuer, current, {
        pkceCodeVerifier: p.verifier,
        expectedState: p.state,
        expectedNonce: p.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (idClaims === undefined) throw new Error('no ID token');
      // The scope's claims (e-mail) come in the ID token or, as many issuers give them, from
      // the UserInfo endpoint (OIDC Core 1.0 §5.4), for the same subject.
      const claims: Record<string, unknown> =
        idClaims[oidc.emailClaim] !== undefined
          ? idClaims
          : {
              ...(await lib.fetchUserInfo(issuer, tokens.access_token, idClaims.sub)),
              ...idClaims,
            };
      const email = claims[oidc.emailClaim];
      const claimed = claims[oidc.tenantClaim];
      const verified = claims.email_verified;
      if (
        typeof email !== 'string' ||
        verified === false ||
        verified === 'false' ||
        (claimed !== undefined && claimed !== p.tenantId)
      ) {
        logger.info(
          { tenant: p.tenantId },
          'OIDC sign-in refused: no usable e-mail or another municipality',
        );
        return backToSignIn(res, p);
      }
      const user = await repos.users.getByEmail(p.tenantId, email);
      if (user === null || user.disabled) {
        logger.info({ tenant: p.tenantId }, 'OIDC sign-in refused: no such person, or disabled');
        return backToSignIn(res, p);
      }
      const { session, secret } = await repos.sessions.create(p.tenantId, {
        userId: user.id,
        method: 'oidc',
        expiresAt: new Date(Date.now() + config.sessions.absoluteMs),
      });
      const sep = p.next.includes('?') ? '&' : '?';
      const to = p.lang === 'en' && !/[?&]lang=/.test(p.next) ? `${p.next}${sep}lang=en` : p.next;
      res.append('Set-Cookie', sessionCookie(config.sessions, secret, session.expiresAt));
      res.redirect(303, to);
    } catch (error) {
      logger.warn({ err: error, tenant: p.tenantId }, 'OIDC sign-in failed at the token exchange');
      backToSignIn(res, p);
    }
  };

  return { start, callback };
}

/** Whether the browser sign-in is on (the web's sign-in page shows its button). */
export const oidcBrowserEnabled = (config: Config) =>
  config.oidc !== null && config.oidc.clientId !== null;
