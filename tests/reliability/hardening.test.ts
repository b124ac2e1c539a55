/**
 * Issue #12, item 9: six small holes, each asked of the real API (both databases).
 *
 * - OIDC: a token whose issuer says `email_verified: false` let its holder in as the register
 *   user with that e-mail; now 401 like any bad token.
 * - Four eyes: applied only to approval, so one person holding preparer and reviewer could
 *   review their own push; now review is refused too (403 `SAME_PERSON`), the rule's one home
 *   being `shared/src/contract/workflow.ts`.
 * - A comment on version 999999 was stored; now 404.
 * - Versions in paths took `0x1`, `1e0`, ` 1` (anything `Number()` reads); now only canonical
 *   decimal, else 400.
 * - Source maps under `/addin/` were served to anyone; now 404.
 * - The first admin token was printed in the log; now it is only in its mode-0600 file.
 * - HSTS and CSP `upgrade-insecure-requests` were sent over plain HTTP; now only over HTTPS
 *   (the socket's, or a trusted proxy's `X-Forwarded-Proto`).
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { CryptoKey } from 'jose';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../service/src/app';
import { testConfig } from '../../service/src/config';
import { seedSample } from '../../service/src/handlers/seed';
import { DB_KINDS, openTestDatabase } from '../helpers/db';
import type { Harness } from '../service/api-harness';
import { bearer, openHarness, TENANT } from '../service/api-harness';
import type { Editable } from './helpers';
import { editable, push, tokenFor, variant } from './helpers';

const ISSUER = 'https://login.sample.example';
const AUDIENCE = 'plan-register';
const REVIEWER = `reviewer@${TENANT}.example`;

describe.each(DB_KINDS)('small holes closed (%s)', (kind) => {
  let h: Harness;
  let civ: Editable;
  let key: CryptoKey;
  let addinDir: string;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    key = pair.privateKey;
    const jwks = createLocalJWKSet({
      keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256' }],
    });
    // A built add-in as vite writes it: a bundle and its source map.
    addinDir = mkdtempSync(path.join(os.tmpdir(), 'plan-addin-'));
    writeFileSync(path.join(addinDir, 'functions.js'), 'console.log(1);\n');
    writeFileSync(path.join(addinDir, 'functions.js.map'), '{"version":3,"sources":["x.ts"]}');
    h = await openHarness(
      kind,
      {
        addinDir,
        oidc: {
          issuer: ISSUER,
          audience: AUDIENCE,
          jwksUrl: 'http://127.0.0.1:9/unused',
          tenantClaim: 'plan_tenant',
          emailClaim: 'email',
          clientId: null,
          clientSecret: null,
          redirectUrl: null,
        },
      },
      { oidcKeys: jwks },
    );
    civ = await editable(h, 'D-CIV');
  });
  afterAll(async () => {
    await h.close();
    rmSync(addinDir, { recursive: true, force: true });
  });

  const jwt = (claims: Record<string, unknown>) =>
    new SignJWT({ email: REVIEWER, plan_tenant: TENANT, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key);

  it('refuses an OIDC token whose e-mail the issuer has not verified', async () => {
    const me = async (claims: Record<string, unknown>) =>
      (
        await request(h.app)
          .get('/api/me')
          .set(bearer(await jwt(claims)))
      ).status;
    expect(await me({ email_verified: false })).toBe(401);
    expect(await me({ email_verified: 'false' })).toBe(401);
    // The same token with the e-mail verified (or the claim absent) lets the reviewer in.
    expect(await me({ email_verified: true })).toBe(200);
    expect(await me({})).toBe(200);
  });

  it('lets nobody review a version they pushed', async () => {
    const dept = (await h.test.repos.departments.getByCode(TENANT, 'D-CIV'))!;
    const created = await h.test.repos.users.create(
      TENANT,
      {
        email: `both.${kind}@${TENANT}.example`,
        displayName: 'preparer and reviewer',
        departmentId: dept.id,
        roles: ['preparer', 'reviewer'],
      },
      null,
    );
    expect(created.ok).toBe(true);
    const both = await tokenFor(h, `both.${kind}@${TENANT}.example`, 'test');
    const pushed = await push(h, civ.id, both, variant(civ.workbook, 'four-eyes'), civ.version);
    expect(pushed.status).toBe(201);
    const act = (token: string, action: string) =>
      request(h.app)
        .post(`/api/submissions/${civ.id}/transitions`)
        .set(bearer(token))
        .send({ action });
    expect((await act(h.tokens.preparer, 'submit')).status).toBe(200);
    const own = await act(both, 'review');
    expect({ status: own.status, code: (own.body as { code: string }).code }).toEqual({
      status: 403,
      code: 'SAME_PERSON',
    });
    // The verdict the API announces agrees with the refusal.
    const view = await request(h.app).get(`/api/submissions/${civ.id}`).set(bearer(both));
    const actions = (view.body as { actions: { action: string; code: string | null }[] }).actions;
    expect(actions.find((a) => a.action === 'review')?.code).toBe('SAME_PERSON');
    // Someone else reviews it.
    expect((await act(h.tokens.reviewer, 'review')).status).toBe(200);
  });

  it('refuses a comment on a version that does not exist', async () => {
    const comment = (version: number) =>
      request(h.app)
        .post(`/api/submissions/${civ.id}/comments`)
        .set(bearer(h.tokens.reviewer))
        .send({ body: 'این رقم را بررسی کنید', version });
    expect((await comment(999_999)).status).toBe(404);
    expect((await comment(1)).status).toBe(201);
    const list = await request(h.app)
      .get(`/api/submissions/${civ.id}/comments`)
      .set(bearer(h.tokens.reviewer));
    expect((list.body as { version: number | null }[]).map((c) => c.version)).not.toContain(
      999_999,
    );
  });

  it.each(['0x1', '1e0', '%201', '01', '1.0', '+1', '1%20'])(
    'refuses version %s in a path (400), as it refuses it in a query',
    async (version) => {
      const res = await request(h.app)
        .get(`/api/submissions/${civ.id}/versions/${version}`)
        .set(bearer(h.tokens.admin));
      expect(res.status).toBe(400);
      const diff = await request(h.app)
        .get(`/api/submissions/${civ.id}/diff?from=${version}&to=latest`)
        .set(bearer(h.tokens.admin));
      expect(diff.status).toBe(400);
    },
  );

  it('serves version 1 in plain decimal', async () => {
    const res = await request(h.app)
      .get(`/api/submissions/${civ.id}/versions/1`)
      .set(bearer(h.tokens.admin));
    expect(res.status).toBe(200);
  });

  it('serves the add-in but not its source maps', async () => {
    expect((await request(h.app).get('/addin/functions.js')).status).toBe(200);
    expect((await request(h.app).get('/addin/functions.js.map')).status).toBe(404);
    expect((await request(h.app).get('/addin/FUNCTIONS.JS.MAP')).status).toBe(404);
    expect((await request(h.app).get('/addin/functions.js.map?x=1')).status).toBe(404);
  });

  it('sends HSTS and upgrade-insecure-requests over HTTPS only', async () => {
    const headers = (res: request.Response) => ({
      hsts: res.headers['strict-transport-security'] !== undefined,
      upgrade: /upgrade-insecure-requests/.test(String(res.headers['content-security-policy'])),
    });
    // Plain HTTP, and a forwarded "https" from a proxy the register was not told to trust.
    expect(headers(await request(h.app).get('/health'))).toEqual({ hsts: false, upgrade: false });
    expect(headers(await request(h.app).get('/health').set('X-Forwarded-Proto', 'https'))).toEqual({
      hsts: false,
      upgrade: false,
    });
    // Behind a trusted proxy that says the client came over HTTPS.
    const proxied = createApp({
      repos: h.test.repos,
      config: testConfig({ trustProxy: true }),
      databaseKind: kind,
      logger: pino({ level: 'silent' }),
    });
    expect(
      headers(await request(proxied).get('/health').set('X-Forwarded-Proto', 'https')),
    ).toEqual({ hsts: true, upgrade: true });
    expect(headers(await request(proxied).get('/health'))).toEqual({ hsts: false, upgrade: false });
  });

  it('writes the first admin token to its mode-0600 file only, never to the log', async () => {
    const test = await openTestDatabase(kind);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-seed-'));
    let log = '';
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        log += chunk.toString();
        done();
      },
    });
    try {
      const logger = pino({ level: 'trace' }, sink);
      const seeded = await seedSample(
        { repos: test.repos, config: testConfig(), logger, databaseKind: kind },
        { tenantId: TENANT, tokenDir: dir, logger },
      );
      const file = path.join(dir, 'admin-token');
      expect(seeded?.tokenFile).toBe(file);
      const secret = readFileSync(file, 'utf8').trim();
      expect(secret).toBe(seeded?.adminToken);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      // The log says where the token is, and never what it is (nor its secret part).
      expect(log).toContain('admin-token');
      expect(log).not.toContain(secret);
      expect(log).not.toContain(secret.slice(-20));
      // The local accounts' passwords too: in their mode-0600 file, never in the log.
      const accounts = path.join(dir, 'local-accounts');
      expect(seeded?.accountsFile).toBe(accounts);
      expect(statSync(accounts).mode & 0o777).toBe(0o600);
      const passwords = readFileSync(accounts, 'utf8')
        .split('\n')
        .filter((l) => l !== '' && !l.startsWith('#'))
        .map((l) => l.split('\t')[2] ?? '');
      expect(passwords).toHaveLength(7);
      for (const password of passwords) {
        expect(password).toMatch(/^[A-Za-z2-9]{20}$/);
        expect(log).not.toContain(password);
      }
    } finally {
      await test.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
