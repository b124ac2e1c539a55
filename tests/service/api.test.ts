/**
 * The register's front door: the health check reaches the database, the OpenAPI document
 * describes the routes, request ids come back, CORS answers only configured origins, rate
 * limits answer 429 with the bilingual body, security headers are set, and revoked tokens
 * stop working.
 */
import request from 'supertest';
import type { Harness } from './api-harness';
import { bearer, openHarness, TENANT } from './api-harness';

/** The add-in's host in these tests. */
const ADDIN_ORIGIN = 'https://addin.example';

describe('the register front door (pglite)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness('pglite', {
      corsOrigins: [ADDIN_ORIGIN],
      rateLimit: { windowMs: 60_000, max: 1000 },
      publicOrigin: 'https://plan.example.ir',
    });
  });
  afterAll(async () => {
    await h.close();
  });

  it('reports health with the database it checked', async () => {
    const res = await request(h.app).get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'pglite' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('serves the add-in manifest for its public origin, pointing at the served add-in', async () => {
    const res = await request(h.app).get('/manifest.xml');
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/xml');
    const urls = [...res.text.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1] ?? '');
    expect(urls.length).toBeGreaterThan(5);
    // Every URL is under the add-in's path on the configured public origin.
    for (const url of urls) expect(url.startsWith('https://plan.example.ir/addin/')).toBe(true);
    // The task pane page those URLs name is served (the add-in is built by `npm run build`).
    const page = await request(h.app).get('/addin/taskpane.html');
    expect(page.status).toBe(200);
    expect(page.text).toContain('office.js');
  });

  it('serves the OpenAPI document at /api/docs without a token', async () => {
    const res = await request(h.app).get('/api/docs');
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/submissions/{id}/versions',
        '/api/cycles/{cycleId}/consolidation',
      ]),
    );
  });

  it('echoes a request id, or makes one', async () => {
    const given = await request(h.app).get('/health').set('X-Request-Id', 'abc-123');
    expect(given.headers['x-request-id']).toBe('abc-123');
    const made = await request(h.app).get('/health');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers CORS for the add-in origin only', async () => {
    const ok = await request(h.app)
      .options('/api/submissions')
      .set('Origin', ADDIN_ORIGIN)
      .set('Access-Control-Request-Method', 'POST');
    expect(ok.status).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe(ADDIN_ORIGIN);
    expect(ok.headers['access-control-allow-headers']).toContain('If-Match');
    const other = await request(h.app).get('/health').set('Origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('stops a revoked token', async () => {
    const user = await h.test.repos.users.getByEmail(TENANT, `council@${TENANT}.example`);
    const issued = await h.test.repos.tokens.issue(
      TENANT,
      { userId: user?.id ?? '', name: 'short' },
      null,
    );
    if (!issued.ok) throw new Error(issued.reason);
    expect((await request(h.app).get('/api/me').set(bearer(issued.secret))).status).toBe(200);
    await h.test.repos.tokens.revoke(TENANT, issued.token.id, null);
    const after = await request(h.app).get('/api/me').set(bearer(issued.secret));
    expect(after.status).toBe(401);
    // Which tokens once existed is not told to the caller (it goes to the log).
    expect(after.body.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(after.body)).not.toMatch(/revoked|لغو/);
  });
});

describe('rate limits (pglite)', () => {
  let h: Harness;
  beforeAll(async () => {
    // Three requests a window: the fourth is refused.
    h = await openHarness('pglite', { rateLimit: { windowMs: 60_000, max: 3 } });
  });
  afterAll(async () => {
    await h.close();
  });

  it('answers 429 with the bilingual body past the limit', async () => {
    for (let i = 0; i < 3; i++) expect((await request(h.app).get('/health')).status).toBe(200);
    const res = await request(h.app).get('/health');
    expect(res.status).toBe(429);
    expect(res.body.code).toBe('RATE_LIMITED');
    expect(res.body.message.fa).toEqual(expect.any(String));
  });
});
