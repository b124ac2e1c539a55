/**
 * The web face served by the register (issue 15): its page at `/` and at every address of the
 * app (`/plan/…`), the municipality named in the page, its hashed bundles cached for good and
 * its source maps never served; every other path (the API, the add-in, the help, the
 * manifest) answered by its own route, and an unknown one by the JSON 404, not by the page.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { Harness } from './api-harness';
import { openHarness, TENANT } from './api-harness';

const PAGE =
  '<!doctype html><html lang="fa" dir="rtl"><head><title>t</title></head><body><div id="root"></div></body></html>';

describe('the web face at /', () => {
  let h: Harness;
  let webDir: string;

  beforeAll(async () => {
    webDir = mkdtempSync(path.join(os.tmpdir(), 'plan-web-serve-'));
    mkdirSync(path.join(webDir, 'assets'));
    writeFileSync(path.join(webDir, 'index.html'), PAGE);
    writeFileSync(path.join(webDir, 'assets', 'index-abc123.js'), 'console.log(1);\n');
    writeFileSync(path.join(webDir, 'assets', 'index-abc123.js.map'), '{"version":3}');
    h = await openHarness('pglite', { webDir });
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it.each([
    '/',
    '/plan',
    '/plan/sample',
    '/plan/sample/latest/projects',
    '/plan/sample/1405/1/kpis',
    // A person's own pages (the add-in's Sync links to `/me/tokens`).
    '/signin',
    '/signin?next=%2Fme%2Ftokens&lang=en',
    '/me/tokens',
  ])('answers %s with the page, naming the register’s municipality', async (address) => {
    const res = await request(h.app).get(address);
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/html');
    expect(res.text).toContain('<div id="root">');
    expect(res.text).toContain(`<meta name="plan-municipality" content="${TENANT}" />`);
    // Revalidated on each visit: a new build is seen at once.
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('asks the browser to fetch the plan the page shows while it reads the bundle', async () => {
    const preload = (href: string) =>
      `<link rel="preload" href="${href}" as="fetch" crossorigin="anonymous" />`;
    expect((await request(h.app).get('/')).text).toContain(preload(`/api/public/${TENANT}/plan`));
    expect((await request(h.app).get('/plan/other/1405/2/kpis')).text).toContain(
      preload('/api/public/other/snapshots/1405/2'),
    );
    // An address that names no page preloads nothing.
    expect((await request(h.app).get('/plan/x/latest/nothing')).text).not.toContain('preload');
    // Nor does a person's own page: it reads no plan.
    expect((await request(h.app).get('/me/tokens')).text).not.toContain('preload');
  });

  it('serves the bundles for a year, never their source maps', async () => {
    const js = await request(h.app).get('/assets/index-abc123.js');
    expect(js.status).toBe(200);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const map = await request(h.app).get('/assets/index-abc123.js.map');
    expect(map.status).toBe(404);
    expect(map.body.code).toBe('NOT_FOUND');
  });

  it.each(['/nothing-here', '/planning', '/assets/missing.js', '/signing', '/mere'])(
    'leaves %s to the JSON 404',
    async (address) => {
      const res = await request(h.app).get(address);
      expect(res.status).toBe(404);
      expect(res.type).toBe('application/json');
      expect(res.body.code).toBe('NOT_FOUND');
    },
  );

  it('leaves the API, the help and the health check to their own routes', async () => {
    expect((await request(h.app).get('/api/me')).status).toBe(401);
    const unknown = await request(h.app).get('/api/nothing-here');
    expect(unknown.type).toBe('application/json');
    expect(unknown.text).not.toContain('<div id="root">');
    const help = await request(h.app).get('/help/balances?lang=en');
    expect(help.status).toBe(200);
    expect(help.text).not.toContain('<div id="root">');
    expect((await request(h.app).get('/health')).body.status).toBe('ok');
  });
});
