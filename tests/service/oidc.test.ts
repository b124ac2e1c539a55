/**
 * Signing in with the city's identity provider (OpenID Connect): a JWT signed with the
 * issuer's RS256 key, published as a JWKS on a local HTTP server that the register fetches
 * like a real issuer's. A valid token for a register user's e-mail lets them in with that
 * user's roles; an expired token, another audience or issuer, a forged signature, an
 * unsigned token (`alg: none`) or an unknown e-mail gets 401 with a body that says nothing
 * about why (no stack, no token, no library message).
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { CryptoKey, JWK } from 'jose';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { Harness } from './api-harness';
import { bearer, openHarness, TENANT } from './api-harness';

const ISSUER = 'https://login.sample.example';
const AUDIENCE = 'plan-register';
const KID = 'city-key-1';
const REVIEWER = `reviewer@${TENANT}.example`;

describe('OIDC bearer tokens', () => {
  let h: Harness;
  let jwksServer: Server;
  let key: CryptoKey;
  let otherKey: CryptoKey;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    const publicJwk: JWK = {
      ...(await exportJWK(pair.publicKey)),
      kid: KID,
      alg: 'RS256',
      use: 'sig',
    };
    key = pair.privateKey;
    ({ privateKey: otherKey } = await generateKeyPair('RS256'));
    jwksServer = createServer((_req, res) => {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ keys: [publicJwk] }));
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    const port = (jwksServer.address() as AddressInfo).port;
    h = await openHarness('pglite', {
      oidc: {
        issuer: ISSUER,
        audience: AUDIENCE,
        jwksUrl: `http://127.0.0.1:${port}/jwks.json`,
        tenantClaim: 'plan_tenant',
        emailClaim: 'email',
        clientId: null,
        clientSecret: null,
        redirectUrl: null,
      },
    });
  });
  afterAll(async () => {
    await h.close();
    await new Promise<void>((resolve) => jwksServer.close(() => resolve()));
  });

  /** A token as the issuer would sign it, with overrides for each wrong case. */
  const token = (
    claims: Record<string, unknown> = {},
    options: { issuer?: string; audience?: string; expiresAt?: number; signWith?: CryptoKey } = {},
  ) =>
    new SignJWT({ email: REVIEWER, plan_tenant: TENANT, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: KID })
      .setIssuer(options.issuer ?? ISSUER)
      .setAudience(options.audience ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(options.expiresAt ?? '5m')
      .sign(options.signWith ?? key);

  const me = (jwt: string) => request(h.app).get('/api/me').set(bearer(jwt));

  it('lets a register user in with a valid token, with the register’s roles', async () => {
    const res = await me(await token());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ email: REVIEWER, tenantId: TENANT, via: 'oidc' });
    expect(res.body.roles).toEqual(['reviewer']);
  });

  /** A JWT with `alg: none` and no signature (RFC 7519 §6.1). */
  const unsigned = () => {
    const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    return `${part({ alg: 'none', typ: 'JWT' })}.${part({
      email: REVIEWER,
      plan_tenant: TENANT,
      iss: ISSUER,
      aud: AUDIENCE,
      iat: now,
      exp: now + 300,
    })}.`;
  };

  const refused: [string, () => Promise<string> | string][] = [
    // An hour ago: jose allows no clock tolerance unless asked.
    ['expired', () => token({}, { expiresAt: Math.floor(Date.now() / 1000) - 3600 })],
    ['for another audience', () => token({}, { audience: 'another-app' })],
    ['from another issuer', () => token({}, { issuer: 'https://evil.example' })],
    ['signed with another key under the same kid', () => token({}, { signWith: otherKey })],
    ['unsigned (alg: none)', unsigned],
    ['for an e-mail the register does not know', () => token({ email: 'nobody@sample.example' })],
    ['for another municipality', () => token({ plan_tenant: 'elsewhere' })],
    ['not a JWT at all', () => 'not.a.jwt'],
  ];

  it.each(refused)('refuses a token %s with a 401 that leaks nothing', async (_name, make) => {
    const jwt = await make();
    const res = await me(jwt);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    expect(Object.keys(res.body).sort()).toEqual(['code', 'message', 'requestId']);
    expect(res.body.code).toBe('UNAUTHENTICATED');
    expect(res.body.message).toEqual({ fa: 'توکن معتبر نیست.', en: 'The token is not valid.' });
    expect(res.text).not.toContain(jwt);
    expect(res.text).not.toMatch(/stack|jose|JWS|JWT|exp|aud|iss|at /i);
  });
});
