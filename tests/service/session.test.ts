/**
 * Signing in in the browser, on both databases, over real HTTP: a local account's password
 * (scrypt), the session cookie and its attributes, the CSRF token every state change must
 * carry, sign-out, the idle timeout, the rate limits and the lock-out, and answers that never
 * tell whether an account exists.
 */
import { scryptSync } from 'node:crypto';
import request from 'supertest';
import { CSRF_HEADER, SESSION_COOKIE } from '#core';
import { hashPassword, verifyPassword } from '../../service/src/auth/password';
import type { Config } from '../../service/src/config';
import { testConfig } from '../../service/src/config';
import type { Harness } from './api-harness';
import { bearer, openHarness, TENANT } from './api-harness';
import { DB_KINDS } from '../helpers/db';

const REVIEWER = `reviewer@${TENANT}.example`;
const PASSWORD = 'a long and honest passphrase';
/** 2^14: the lowest cost the register allows, to keep the tests quick (config.ts). */
const CHEAP = { N: 2 ** 14, r: 8, p: 1 };

/** The session cookie a response sets, as `name=value` for the next request. */
function cookieOf(res: request.Response): string {
  const set = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const line = set.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (line === undefined) throw new Error('no session cookie');
  return line.split(';')[0] ?? '';
}

describe('password hashing', () => {
  it('is scrypt: RFC 7914 §12’s test vector through the same node function', () => {
    // RFC 7914 §12, second vector: P = "password", S = "NaCl", N = 1024, r = 8, p = 16, 64 bytes.
    const key = scryptSync('password', 'NaCl', 64, { N: 1024, r: 8, p: 16 });
    expect(key.toString('hex')).toBe(
      'fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162' +
        '2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640',
    );
  });

  it('salts, names its parameters, and tells the password from others', async () => {
    const a = await hashPassword(PASSWORD, CHEAP);
    const b = await hashPassword(PASSWORD, CHEAP);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    await expect(verifyPassword(PASSWORD, a)).resolves.toBe(true);
    await expect(verifyPassword(`${PASSWORD} `, a)).resolves.toBe(false);
    await expect(verifyPassword(PASSWORD, 'not a hash')).resolves.toBe(false);
  });
});

describe.each(DB_KINDS)('sessions (%s)', (kind) => {
  let h: Harness;
  const sessions: Partial<Config['sessions']> = {
    scrypt: CHEAP,
    lockoutFailures: 3,
    signInMaxPerAccount: 100,
    signInMaxPerIp: 100,
  };

  beforeAll(async () => {
    h = await openHarness(kind, { sessions: { ...testConfig().sessions, ...sessions } });
    const reviewer = (await h.test.repos.users.getByEmail(TENANT, REVIEWER))!;
    await h.test.repos.people.setPassword(
      TENANT,
      reviewer.id,
      { passwordHash: await hashPassword(PASSWORD, CHEAP), mustChange: false },
      null,
    );
  }, 300_000);
  afterAll(async () => {
    await h.close();
  });

  const signIn = (email: string, password: string, municipality = TENANT) =>
    request(h.app).post('/api/session').send({ municipality, email, password });

  it('signs in, sets an HttpOnly, Secure, SameSite=Lax cookie and answers the CSRF token', async () => {
    const res = await signIn(REVIEWER, PASSWORD);
    expect(res.status).toBe(201);
    const set = ([] as string[]).concat(res.headers['set-cookie'] ?? [])[0] ?? '';
    expect(set).toMatch(new RegExp(`^${SESSION_COOKIE}=ps_${TENANT}_[\\w-]{43}; `));
    expect(set.split('; ')).toEqual(
      expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Lax', 'Secure']),
    );
    expect(res.body).toMatchObject({
      user: { email: REVIEWER, roles: ['reviewer'], stakeholderId: null },
      method: 'password',
      mustChangePassword: false,
      idleTimeoutSeconds: 30 * 60,
    });
    expect(res.body.csrfToken).toMatch(/^[\w-]{43}$/);
    // The cookie authenticates: the same person, via the session.
    const me = await request(h.app).get('/api/me').set('Cookie', cookieOf(res));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: REVIEWER, via: 'session' });
    const session = await request(h.app).get('/api/session').set('Cookie', cookieOf(res));
    expect(session.body.csrfToken).toBe(res.body.csrfToken);
  });

  it('refuses a state change by cookie without the CSRF token, and takes it with the token', async () => {
    const res = await signIn(REVIEWER, PASSWORD);
    const cookie = cookieOf(res);
    const sub = (
      await request(h.app).get(`/api/submissions?cycleId=${h.cycleId}`).set('Cookie', cookie)
    ).body[0].id as string;
    const comment = { body: 'نظر بازبین' };
    const bare = await request(h.app)
      .post(`/api/submissions/${sub}/comments`)
      .set('Cookie', cookie)
      .send(comment);
    expect(bare.status).toBe(403);
    expect(bare.body.code).toBe('FORBIDDEN');
    expect(bare.body.message.en).toContain('CSRF');
    const wrong = await request(h.app)
      .post(`/api/submissions/${sub}/comments`)
      .set('Cookie', cookie)
      .set(CSRF_HEADER, 'x'.repeat(43))
      .send(comment);
    expect(wrong.status).toBe(403);
    const ok = await request(h.app)
      .post(`/api/submissions/${sub}/comments`)
      .set('Cookie', cookie)
      .set(CSRF_HEADER, res.body.csrfToken as string)
      .send(comment);
    expect(ok.status).toBe(201);
    // A bearer request needs no CSRF token: a browser never adds the header by itself.
    const byToken = await request(h.app)
      .post(`/api/submissions/${sub}/comments`)
      .set(bearer(h.tokens.reviewer))
      .send(comment);
    expect(byToken.status).toBe(201);
  });

  it('signs out: the cookie is cleared and the session no longer opens', async () => {
    const res = await signIn(REVIEWER, PASSWORD);
    const cookie = cookieOf(res);
    const noToken = await request(h.app).delete('/api/session').set('Cookie', cookie);
    expect(noToken.status).toBe(403);
    const out = await request(h.app)
      .delete('/api/session')
      .set('Cookie', cookie)
      .set(CSRF_HEADER, res.body.csrfToken as string);
    expect(out.status).toBe(204);
    expect(String(out.headers['set-cookie'])).toContain('Max-Age=0');
    const after = await request(h.app).get('/api/me').set('Cookie', cookie);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('UNAUTHENTICATED');
  });

  it('answers an unknown account, municipality and a wrong password alike', async () => {
    const answers = await Promise.all([
      signIn(REVIEWER, 'not the password'),
      signIn(`nobody@${TENANT}.example`, PASSWORD),
      signIn(REVIEWER, PASSWORD, 'atlantis'),
      signIn(`approver@${TENANT}.example`, PASSWORD), // exists, has no password
    ]);
    for (const a of answers) {
      expect(a.status).toBe(401);
      expect(a.headers['set-cookie']).toBeUndefined();
    }
    const bodies = answers.map((a) => ({ code: a.body.code, message: a.body.message }));
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
  });

  it('locks an account after the configured failures, with the same answer, and audits it', async () => {
    const email = `council@${TENANT}.example`;
    const council = (await h.test.repos.users.getByEmail(TENANT, email))!;
    await h.test.repos.people.setPassword(
      TENANT,
      council.id,
      { passwordHash: await hashPassword(PASSWORD, CHEAP), mustChange: false },
      null,
    );
    // lockoutFailures is 3 here: three wrong passwords lock it.
    for (let i = 0; i < 3; i += 1) expect((await signIn(email, 'wrong password')).status).toBe(401);
    const locked = await signIn(email, PASSWORD);
    expect(locked.status).toBe(401);
    expect(locked.body.message).toEqual((await signIn(email, 'wrong')).body.message);
    const entries = await h.test.repos.audit.listForEntity(TENANT, 'user', council.id);
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['user.sign-in-failed', 'user.lock']),
    );
    const verify = await request(h.app).get('/api/audit/verify').set(bearer(h.tokens.admin));
    expect(verify.body.ok).toBe(true);
  });

  it('ends a session after the idle timeout', async () => {
    const short = await openHarness(kind, {
      sessions: { ...testConfig().sessions, ...sessions, idleMs: 0 },
    });
    try {
      const reviewer = (await short.test.repos.users.getByEmail(TENANT, REVIEWER))!;
      await short.test.repos.people.setPassword(
        TENANT,
        reviewer.id,
        { passwordHash: await hashPassword(PASSWORD, CHEAP), mustChange: false },
        null,
      );
      const res = await request(short.app)
        .post('/api/session')
        .send({ municipality: TENANT, email: REVIEWER, password: PASSWORD });
      expect(res.status).toBe(201);
      const me = await request(short.app).get('/api/me').set('Cookie', cookieOf(res));
      expect(me.status).toBe(401);
    } finally {
      await short.close();
    }
  });
});

describe('sign-in rate limits (pglite)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness('pglite', {
      sessions: {
        ...testConfig().sessions,
        scrypt: CHEAP,
        signInMaxPerAccount: 2,
        signInMaxPerIp: 4,
      },
    });
  }, 300_000);
  afterAll(async () => {
    await h.close();
  });
  const attempt = (email: string) =>
    request(h.app)
      .post('/api/session')
      .send({ municipality: TENANT, email, password: 'whatever it is' });

  it('limits attempts per account, known or not, then per client address', async () => {
    // Two per account: the third on the same (unknown) account is 429, with Retry-After.
    expect((await attempt('a@x.example')).status).toBe(401);
    expect((await attempt('a@x.example')).status).toBe(401);
    const third = await attempt('a@x.example');
    expect(third.status).toBe(429);
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    // Four per address: the fourth attempt from here counts, the fifth is refused.
    expect((await attempt('b@x.example')).status).toBe(401);
    expect((await attempt('c@x.example')).status).toBe(429);
  });
});
