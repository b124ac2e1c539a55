/**
 * People in the browser, on both databases, over real HTTP: the sample city's local accounts
 * written at first start (one per role, mode 0600), what the outside roles (agency,
 * stakeholder) may read, the caller's own API tokens, and the administration of people and
 * tokens, every change audited and the audit chain still verifying.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import request from 'supertest';
import type { Express } from 'express';
import { CSRF_HEADER, ROLES, SESSION_COOKIE } from '#core';
import { createApp } from '../../service/src/app';
import { testConfig } from '../../service/src/config';
import { seedSample } from '../../service/src/handlers/seed';
import type { TestDatabase } from '../helpers/db';
import { DB_KINDS, openTestDatabase } from '../helpers/db';

const TENANT = 'sample';
/** 2^14: the lowest cost the register allows, to keep the tests quick (config.ts). */
const config = testConfig({
  sessions: { ...testConfig().sessions, scrypt: { N: 2 ** 14, r: 8, p: 1 } },
});

interface Browser {
  cookie: string;
  csrf: string;
  body: Record<string, unknown>;
}

describe.each(DB_KINDS)('people and their accounts (%s)', (kind) => {
  let test: TestDatabase;
  let app: Express;
  let dir: string;
  let adminToken: string;
  let accounts: Map<string, { email: string; password: string }>;

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    dir = mkdtempSync(path.join(os.tmpdir(), 'plan-people-'));
    const logger = pino({ level: 'silent' });
    const seeded = await seedSample(
      { repos: test.repos, config, logger, databaseKind: kind },
      { tenantId: TENANT, tokenDir: dir },
    );
    adminToken = seeded!.adminToken;
    accounts = new Map(
      readFileSync(path.join(dir, 'local-accounts'), 'utf8')
        .split('\n')
        .filter((l) => l !== '' && !l.startsWith('#'))
        .map((l) => {
          const [role, email, password] = l.split('\t');
          return [role!, { email: email!, password: password! }];
        }),
    );
    app = createApp({ repos: test.repos, config, databaseKind: kind, logger });
  }, 300_000);
  afterAll(async () => {
    await test.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const signIn = async (email: string, password: string): Promise<Browser> => {
    const res = await request(app)
      .post('/api/session')
      .send({ municipality: TENANT, email, password });
    expect({ email, status: res.status }).toEqual({ email, status: 201 });
    const set = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const cookie = (set.find((c) => c.startsWith(`${SESSION_COOKIE}=`)) ?? '').split(';')[0]!;
    return { cookie, csrf: res.body.csrfToken as string, body: res.body };
  };
  const as = (b: Browser) => ({ Cookie: b.cookie, [CSRF_HEADER]: b.csrf });
  const admin = () => ({ Authorization: `Bearer ${adminToken}` });

  it('writes one local account per role to a file only its owner reads, and each signs in', async () => {
    const file = path.join(dir, 'local-accounts');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect([...accounts.keys()].sort()).toEqual([...ROLES].sort());
    for (const [role, { email, password }] of accounts) {
      const b = await signIn(email, password);
      expect((b.body.user as { roles: string[] }).roles).toEqual([role]);
    }
  });

  it('ties the agency and the stakeholder to the framework’s stakeholders, and shows them no submission', async () => {
    const agency = await signIn(accounts.get('agency')!.email, accounts.get('agency')!.password);
    expect(agency.body.user).toMatchObject({ roles: ['agency'], stakeholderId: 'SH13' });
    const subs = await request(app).get('/api/submissions').set(as(agency));
    expect(subs.status).toBe(200);
    expect(subs.body).toEqual([]);
    const cycles = await request(app).get('/api/cycles').set(as(agency));
    expect(cycles.status).toBe(200);
    const cycleId = (cycles.body as { id: string }[])[0]!.id;
    const reference = await request(app).get(`/api/cycles/${cycleId}/reference`).set(as(agency));
    expect(reference.status).toBe(403);
    const consolidation = await request(app)
      .get(`/api/cycles/${cycleId}/consolidation`)
      .set(as(agency));
    expect(consolidation.status).toBe(403);
    const one = (await request(app).get(`/api/submissions?cycleId=${cycleId}`).set(admin())).body[0]
      .id as string;
    expect((await request(app).get(`/api/submissions/${one}`).set(as(agency))).status).toBe(403);
    const comment = await request(app)
      .post(`/api/submissions/${one}/comments`)
      .set(as(agency))
      .send({ body: 'نظر' });
    expect(comment.status).toBe(403);
  });

  it('lets a signed-in person make, list and revoke their own tokens; a token makes none', async () => {
    const { email, password } = accounts.get('reviewer')!;
    const b = await signIn(email, password);
    const made = await request(app)
      .post('/api/me/tokens')
      .set(as(b))
      .send({ name: 'laptop', expiresInDays: 30 });
    expect(made.status).toBe(201);
    expect(made.body.token).toMatch(new RegExp(`^plan_${TENANT}_[\\w-]{43}$`));
    expect(made.body.token.startsWith(made.body.prefix)).toBe(true);
    // 30 days from now, within the test's own minute.
    const days = (Date.parse(made.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.99);
    expect(days).toBeLessThanOrEqual(30);
    const bearer = { Authorization: `Bearer ${made.body.token as string}` };
    expect((await request(app).get('/api/me').set(bearer)).body.via).toBe('api-token');
    const byToken = await request(app).post('/api/me/tokens').set(bearer).send({ name: 'more' });
    expect(byToken.status).toBe(403);
    const list = await request(app).get('/api/me/tokens').set(as(b));
    expect(list.body.map((t: { name: string }) => t.name)).toContain('laptop');
    expect(JSON.stringify(list.body)).not.toContain(made.body.token);
    const revoked = await request(app).delete(`/api/me/tokens/${made.body.id}`).set(as(b));
    expect(revoked.status).toBe(200);
    expect(revoked.body.revoked).toBe(true);
    expect((await request(app).get('/api/me').set(bearer)).status).toBe(401);
    // Someone else's token is not theirs to revoke.
    const adminTokens = await request(app).get('/api/me/tokens').set(admin());
    const theirs = (adminTokens.body as { id: string }[])[0]!.id;
    expect((await request(app).delete(`/api/me/tokens/${theirs}`).set(as(b))).status).toBe(404);
  });

  it('administers people: a one-time password, the stakeholder rule, disabling, and tokens', async () => {
    const reviewer = await signIn(
      accounts.get('reviewer')!.email,
      accounts.get('reviewer')!.password,
    );
    const person = {
      email: `power@${TENANT}.example`,
      displayName: 'نماینده شرکت برق',
      roles: ['agency'],
      stakeholderId: 'SH14',
    };
    expect(
      (await request(app).post('/api/admin/people').set(as(reviewer)).send(person)).status,
    ).toBe(403);
    // SH03 is an NGO: not an agency; SH99 is nobody; a preparer speaks for no stakeholder.
    for (const wrong of [
      { ...person, stakeholderId: 'SH03' },
      { ...person, stakeholderId: 'SH99' },
      { ...person, stakeholderId: null },
      { ...person, roles: ['preparer'] },
      { ...person, roles: ['agency', 'reviewer'] },
    ]) {
      const res = await request(app).post('/api/admin/people').set(admin()).send(wrong);
      expect({ wrong, status: res.status, code: res.body.code }).toEqual({
        wrong,
        status: 400,
        code: 'INVALID_REQUEST',
      });
    }
    const created = await request(app).post('/api/admin/people').set(admin()).send(person);
    expect(created.status).toBe(201);
    expect(created.body.person).toMatchObject({
      roles: ['agency'],
      stakeholderId: 'SH14',
      hasPassword: true,
      mustChangePassword: true,
    });
    const once = created.body.oneTimePassword as string;
    expect(once).toMatch(/^[A-Za-z2-9]{20}$/);
    expect((await request(app).post('/api/admin/people').set(admin()).send(person)).status).toBe(
      409,
    );

    // The one-time password lets them in to change it, and to nothing else.
    const first = await signIn(person.email, once);
    const elsewhere = await signIn(person.email, once);
    expect(first.body.mustChangePassword).toBe(true);
    expect((await request(app).get('/api/cycles').set(as(first))).status).toBe(403);
    const changed = await request(app)
      .post('/api/me/password')
      .set(as(first))
      .send({ currentPassword: once, newPassword: 'the agency’s own passphrase' });
    expect(changed.status).toBe(204);
    // The change ends the person's other sessions, not this one.
    expect((await request(app).get('/api/me').set(as(elsewhere))).status).toBe(401);
    expect((await request(app).get('/api/cycles').set(as(first))).status).toBe(200);
    const again = await signIn(person.email, 'the agency’s own passphrase');
    expect(again.body.mustChangePassword).toBe(false);

    // Disabled: the session stops, and signing in is refused like a wrong password.
    const id = created.body.person.id as string;
    const disabled = await request(app)
      .patch(`/api/admin/people/${id}`)
      .set(admin())
      .send({ disabled: true });
    expect(disabled.body.disabled).toBe(true);
    expect((await request(app).get('/api/me').set(as(again))).status).toBe(401);
    const refused = await request(app)
      .post('/api/session')
      .send({ municipality: TENANT, email: person.email, password: 'the agency’s own passphrase' });
    expect(refused.status).toBe(401);

    // A staff member moves department and role; an admin revokes their token.
    const preparer = (await request(app).get('/api/admin/people').set(admin())).body.find(
      (p: { email: string }) => p.email === accounts.get('preparer')!.email,
    ) as { id: string; departmentCode: string };
    expect(preparer.departmentCode).toBe('D-CIV');
    const moved = await request(app)
      .patch(`/api/admin/people/${preparer.id}`)
      .set(admin())
      .send({ departmentCode: 'D-TRF', displayName: 'کارشناس حمل‌ونقل' });
    expect(moved.body).toMatchObject({ departmentCode: 'D-TRF', displayName: 'کارشناس حمل‌ونقل' });
    const issued = await test.repos.tokens.issue(
      TENANT,
      { userId: preparer.id, name: 'cli' },
      null,
    );
    const secret = issued.ok ? issued.secret : '';
    const tokens = await request(app).get(`/api/admin/people/${preparer.id}/tokens`).set(admin());
    const tokenId = (tokens.body as { id: string; name: string }[]).find(
      (t) => t.name === 'cli',
    )!.id;
    expect(
      (await request(app).delete(`/api/admin/tokens/${tokenId}`).set(admin())).body.revoked,
    ).toBe(true);
    expect(
      (
        await request(app)
          .get('/api/me')
          .set({ Authorization: `Bearer ${secret}` })
      ).status,
    ).toBe(401);

    // A department, and every change above in the audit chain, which still verifies with
    // the new tables (passwords, sessions) compared.
    const dept = await request(app)
      .post('/api/admin/departments')
      .set(admin())
      .send({ code: 'D-NEW', name: 'واحد تازه', kind: 'organization' });
    expect(dept.status).toBe(201);
    const actions = (await test.repos.audit.listForEntity(TENANT, 'user', id)).map((e) => e.action);
    expect(actions).toEqual(['user.create', 'user.password', 'user.password', 'user.disable']);
    const report = await test.repos.verify.register(TENANT);
    expect(report.problems).toEqual([]);
    expect(report.tables).toEqual(expect.arrayContaining(['user_password', 'user_session']));
  });

  it('catches a password or a session written behind the register’s back', async () => {
    await test.db.prisma.$executeRawUnsafe(
      `UPDATE "user_password" SET "password_hash" = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' WHERE "tenant_id" = '${TENANT}' AND "user_id" = (SELECT id FROM "app_user" WHERE email = 'council@${TENANT}.example')`,
    );
    await test.db.prisma.$executeRawUnsafe(
      `UPDATE "user_session" SET "expires_at" = "expires_at" + interval '30 days' WHERE "tenant_id" = '${TENANT}'`,
    );
    const report = await test.repos.verify.register(TENANT);
    const tables = new Set(report.problems.map((p) => `${p.table} ${p.reason}`));
    expect([...tables].sort()).toEqual([
      'user_password state-mismatch',
      'user_session state-mismatch',
    ]);
  });
});
