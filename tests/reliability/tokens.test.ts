/**
 * Issue item 7: every kind of bad bearer token gets 401, and the body says nothing about
 * why: expired, wrong audience, wrong issuer, bad signature and `alg: none` OpenID Connect
 * tokens (signed here with a key published as a JWKS on 127.0.0.1, fetched by the register
 * as a real issuer's), and unknown, revoked and expired API tokens of the register. All the
 * bodies are the same (apart from the request id), so a caller learns nothing about which
 * tokens once existed; the reason goes to the log only (`access.denied`). On both databases.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { CryptoKey, JWK } from 'jose';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import pino from 'pino';
import request from 'supertest';
import { DB_KINDS } from '../helpers/db';
import type { Harness } from '../service/api-harness';
import { bearer, openHarness, TENANT } from '../service/api-harness';

const ISSUER = 'https://login.sample.example';
const AUDIENCE = 'plan-register';
const KID = 'city-key-1';
const REVIEWER = `reviewer@${TENANT}.example`;

/** Log lines the app wrote, parsed. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line.trim() !== '') lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: pino({ level: 'warn' }, stream) };
}

describe.each(DB_KINDS)('bad tokens (%s)', (kind) => {
  let h: Harness;
  let jwks: Server;
  let key: CryptoKey;
  let otherKey: CryptoKey;
  const log = capture();

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    const publicJwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: KID, alg: 'RS256' };
    key = pair.privateKey;
    ({ privateKey: otherKey } = await generateKeyPair('RS256'));
    jwks = createServer((_req, res) => {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ keys: [publicJwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const port = (jwks.address() as AddressInfo).port;
    h = await openHarness(
      kind,
      {
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
      },
      { logger: log.logger },
    );
  });
  afterAll(async () => {
    await h.close();
    await new Promise<void>((resolve) => jwks.close(() => resolve()));
  });

  const jwt = (
    options: { issuer?: string; audience?: string; expiresAt?: number; signWith?: CryptoKey } = {},
  ) =>
    new SignJWT({ email: REVIEWER, plan_tenant: TENANT })
      .setProtectedHeader({ alg: 'RS256', kid: KID })
      .setIssuer(options.issuer ?? ISSUER)
      .setAudience(options.audience ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(options.expiresAt ?? '5m')
      .sign(options.signWith ?? key);

  /** RFC 7519 §6.1: an unsigned JWT, otherwise valid. */
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

  it('lets the valid ones in (the refusals below are not a broken setup)', async () => {
    const viaOidc = await request(h.app)
      .get('/api/me')
      .set(bearer(await jwt()));
    expect(viaOidc.status).toBe(200);
    expect(viaOidc.body).toMatchObject({ email: REVIEWER, via: 'oidc' });
    const viaToken = await request(h.app).get('/api/me').set(bearer(h.tokens.reviewer));
    expect(viaToken.status).toBe(200);
  });

  it('answers 401 with one and the same body for every bad token, and logs why', async () => {
    const user = await h.test.repos.users.getByEmail(TENANT, REVIEWER);
    const revoked = await h.test.repos.tokens.issue(TENANT, { userId: user!.id, name: 'r' }, null);
    const expired = await h.test.repos.tokens.issue(
      TENANT,
      { userId: user!.id, name: 'e', expiresAt: new Date(Date.UTC(2000, 0, 1)) },
      null,
    );
    if (!revoked.ok || !expired.ok) throw new Error('issue');
    expect((await h.test.repos.tokens.revoke(TENANT, revoked.token.id, null)).ok).toBe(true);
    // A token of the register's shape that was never issued: the revoked one, last character changed.
    const unknown = revoked.secret.slice(0, -1) + (revoked.secret.endsWith('A') ? 'B' : 'A');
    const bad: [string, string][] = [
      ['jwt expired', await jwt({ expiresAt: Math.floor(Date.now() / 1000) - 3600 })],
      ['jwt wrong audience', await jwt({ audience: 'another-app' })],
      ['jwt wrong issuer', await jwt({ issuer: 'https://evil.example' })],
      ['jwt bad signature', await jwt({ signWith: otherKey })],
      ['jwt alg none', unsigned()],
      ['api token unknown', unknown],
      ['api token revoked', revoked.secret],
      ['api token expired', expired.secret],
    ];
    const bodies = new Map<string, unknown>();
    for (const [name, token] of bad) {
      const requestId = name.replace(/ /g, '-');
      const res = await request(h.app)
        .get('/api/submissions')
        .set(bearer(token))
        .set('X-Request-Id', requestId);
      expect({ name, status: res.status }).toEqual({ name, status: 401 });
      expect(res.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
      const { requestId: echoed, ...rest } = res.body as { requestId: string };
      expect(echoed).toBe(requestId);
      bodies.set(name, rest);
      // (The request id, chosen here, names the case: the rest of the body must not.)
      const said = JSON.stringify(rest);
      expect(said).not.toContain(token.slice(-16));
      expect(said).not.toMatch(/revoked|expired|unknown|stack|prisma|jose|JWS|JWT|aud|iss/i);
      const denied = log.lines.filter(
        (l) => l.event === 'access.denied' && l.requestId === requestId,
      );
      expect({ name, logged: denied.length }).toEqual({ name, logged: 1 });
    }
    const first = bodies.get('jwt expired');
    expect(first).toEqual({
      code: 'UNAUTHENTICATED',
      message: { fa: 'توکن معتبر نیست.', en: 'The token is not valid.' },
    });
    for (const [name, body] of bodies) expect({ name, body }).toEqual({ name, body: first });
    const reasons = log.lines
      .filter((l) => typeof l.requestId === 'string' && l.requestId.startsWith('api-token'))
      .map((l) => l.reason);
    expect(reasons).toEqual(expect.arrayContaining(['unknown', 'revoked', 'expired']));
  });
});
