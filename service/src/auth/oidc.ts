/**
 * OpenID Connect: JWT bearer tokens signed by a configured issuer, checked with `jose`
 * against the issuer's JWKS (issuer, audience, expiry and signature), its e-mail not marked
 * unverified (`email_verified: false`). The user is then the register's user with the token's
 * e-mail in the token's tenant (roles stay the register's).
 *
 * `jose` 6 is an ES module: it is loaded on first use (Node ≥ 20.19 requires ES modules from
 * CommonJS), so a register without OIDC, and its tests, never load it.
 */
import type { JWTVerifyGetKey } from 'jose';
import type { OidcConfig } from '../config';

/** What a verified JWT says about its holder. */
export type OidcResult = { ok: true; tenantId: string; email: string } | { ok: false };

/** Verifies JWT bearer tokens. */
export interface OidcVerifier {
  verify(token: string): Promise<OidcResult>;
}

/** A verifier for a configuration; `keys` replaces the remote JWKS (tests use a local key set). */
export function oidcVerifier(
  config: OidcConfig,
  defaultTenant: string,
  keys?: JWTVerifyGetKey,
): OidcVerifier {
  let jwks: JWTVerifyGetKey | undefined = keys;
  return {
    async verify(token) {
      try {
        const jose = await import('jose');
        jwks ??= jose.createRemoteJWKSet(new URL(config.jwksUrl));
        const { payload } = await jose.jwtVerify(token, jwks, {
          issuer: config.issuer,
          audience: config.audience,
        });
        const email = payload[config.emailClaim];
        const tenant = payload[config.tenantClaim] ?? defaultTenant;
        if (typeof email !== 'string' || typeof tenant !== 'string') return { ok: false };
        // The e-mail is who the holder is here: one the issuer says it has not verified
        // (OIDC Core 1.0 §5.1 `email_verified`) names nobody. An issuer that leaves the claim
        // out (some do for e-mails they issue themselves) is trusted for the e-mail it signs.
        const verified = payload.email_verified;
        if (verified === false || verified === 'false') return { ok: false };
        return { ok: true, tenantId: tenant, email };
      } catch {
        // A bad signature, a wrong issuer or audience, an expired token: all are "not valid".
        return { ok: false };
      }
    },
  };
}
