/**
 * The web pages' client of the people routes (`SessionClient`, shared/src/api/people-client.ts)
 * against the real register over HTTP, with Node's fetch behind a small cookie jar standing in
 * for the browser (which keeps the HttpOnly cookie itself): every answer parses with the
 * core's schemas and is exactly what the server sent, and the client sends the CSRF token on
 * state changes only after it has one.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiResult, Fetch } from '#core';
import { CSRF_HEADER, SESSION_COOKIE, SessionClient } from '#core';
import { hashPassword } from '../../service/src/auth/password';
import { testConfig } from '../../service/src/config';
import type { Harness } from './api-harness';
import { openHarness, TENANT } from './api-harness';

const CHEAP = { N: 2 ** 14, r: 8, p: 1 };
const ADMIN = `admin@${TENANT}.example`;
const PASSWORD = 'the administrator’s passphrase';

/** Node's fetch with one cookie jar, keeping the last JSON body and the CSRF header sent. */
function browserFetch() {
  let cookie: string | null = null;
  let last: unknown;
  const sentCsrf: (string | undefined)[] = [];
  const fetcher: Fetch = async (url, init) => {
    sentCsrf.push(init.headers[CSRF_HEADER]);
    const res = await fetch(url, {
      ...init,
      headers: { ...init.headers, ...(cookie !== null && { Cookie: cookie }) },
    });
    const set = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    if (set !== undefined) cookie = /Max-Age=0/.test(set) ? null : (set.split(';')[0] ?? null);
    const type = res.headers.get('content-type') ?? '';
    last = type.includes('json') ? JSON.parse(await res.clone().text()) : undefined;
    return res;
  };
  return { fetch: fetcher, last: () => last, sentCsrf, cookie: () => cookie };
}

describe('SessionClient against the register (pglite)', () => {
  let h: Harness;
  let server: Server;
  let url = '';

  beforeAll(async () => {
    h = await openHarness('pglite', { sessions: { ...testConfig().sessions, scrypt: CHEAP } });
    const admin = (await h.test.repos.users.getByEmail(TENANT, ADMIN))!;
    await h.test.repos.people.setPassword(
      TENANT,
      admin.id,
      { passwordHash: await hashPassword(PASSWORD, CHEAP), mustChange: false },
      null,
    );
    server = h.app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  }, 300_000);
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await h.close();
  });

  it('signs in, administers, makes a token and signs out, each answer as sent', async () => {
    const browser = browserFetch();
    const client = new SessionClient({ server: url }, browser.fetch);
    const exact = <T>(r: ApiResult<T>): T => {
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message.en}`);
      expect(r.value).toEqual(browser.last());
      return r.value;
    };
    const before = await client.session();
    expect(before.ok ? 200 : before.error.status).toBe(401);

    const session = exact(
      await client.signIn({ municipality: TENANT, email: ADMIN, password: PASSWORD }),
    );
    expect(session.user.roles).toEqual(['admin']);
    expect(client.csrfToken).toBe(session.csrfToken);
    expect(browser.cookie()).not.toBeNull();

    const person = exact(
      await client.createPerson({
        email: `ngo@${TENANT}.example`,
        displayName: 'عضو سمن جوانان',
        roles: ['stakeholder'],
        stakeholderId: 'SH05',
        password: 'one-time',
      }),
    );
    expect(person.oneTimePassword).toMatch(/^[A-Za-z2-9]{20}$/);
    const people = exact(await client.people());
    expect(people.map((p) => p.email)).toContain(`ngo@${TENANT}.example`);
    exact(await client.updatePerson(person.person.id, { displayName: 'عضو کانون سمن‌ها' }));
    exact(await client.resetPassword(person.person.id));
    const made = exact(await client.createMyToken({ name: 'script', expiresInDays: 7 }));
    expect(exact(await client.myTokens()).map((t) => t.id)).toContain(made.id);
    expect(exact(await client.revokeMyToken(made.id)).revoked).toBe(true);
    const dept = exact(await client.createDepartment({ code: 'D-WEB', name: 'واحد وب' }));
    expect(dept.code).toBe('D-WEB');

    // The CSRF token went with every state change and with no read.
    expect((await client.signOut()).ok).toBe(true);
    expect(browser.cookie()).toBeNull();
    expect(client.csrfToken).toBeNull();
    const after = await client.me();
    expect(after.ok ? 200 : after.error.status).toBe(401);
    // Calls in order: session, signIn, createPerson, people, update, reset, createToken,
    // myTokens, revoke, createDepartment, signOut, me.
    expect(browser.sentCsrf.map((c) => c !== undefined)).toEqual([
      false,
      false,
      true,
      false,
      true,
      true,
      true,
      false,
      true,
      true,
      true,
      false,
    ]);
  });
});
