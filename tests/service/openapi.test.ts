/**
 * The OpenAPI document the register serves at `/api/docs`: Redocly's linter (its
 * `recommended` rules, run offline) finds nothing in it; every route of the API router is in
 * it with an `operationId`, a typed success response and the errors it can answer with; and
 * the readable page at `/api/reference` is served from this origin under its own, narrow
 * Content-Security-Policy.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pino from 'pino';
import request from 'supertest';
import { API_REFERENCE_CSP, API_REFERENCE_PATH } from '../../service/src/app';
import { testConfig } from '../../service/src/config';
import type { Repositories } from '../../service/src/repositories';
import { apiRouter } from '../../service/src/routes';
import { publicRouter } from '../../service/src/routes/public';
import type { Harness } from './api-harness';
import { openHarness } from './api-harness';

const run = promisify(execFile);

type Json = Record<string, unknown>;
interface Operation {
  operationId?: string;
  security?: unknown[];
  requestBody?: unknown;
  parameters?: unknown[];
  responses: Record<string, Json>;
}
type Document = { paths: Record<string, Record<string, Operation>> } & Json;

/** Every route of the `/api` router as `METHOD /api/path/{param}`. */
function routerRoutes(): string[] {
  return routesOf(apiRouter(fakeDeps()), '/api');
}

/** Every route of the public plan's router (`/api/public`). */
function publicRoutes(): string[] {
  return routesOf(publicRouter(fakeDeps()), '/api/public');
}

const fakeDeps = () => ({
  repos: {} as Repositories,
  config: testConfig(),
  logger: pino({ level: 'silent' }),
  databaseKind: 'pglite',
});

function routesOf(router: unknown, prefix: string): string[] {
  const stack = (
    router as unknown as {
      stack: { route?: { path: string; methods: Record<string, boolean> } }[];
    }
  ).stack;
  return stack.flatMap((layer) =>
    layer.route === undefined
      ? []
      : Object.keys(layer.route.methods).map(
          (m) => `${m.toUpperCase()} ${prefix}${layer.route!.path.replace(/:(\w+)/g, '{$1}')}`,
        ),
  );
}

describe('the API document and its page (pglite)', () => {
  let h: Harness;
  let doc: Document;
  beforeAll(async () => {
    h = await openHarness('pglite');
    doc = (await request(h.app).get('/api/docs')).body as Document;
  });
  afterAll(async () => {
    await h.close();
  });

  it('passes Redocly’s recommended rules with no error and no warning, offline', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plan-openapi-'));
    try {
      writeFileSync(path.join(dir, 'openapi.json'), JSON.stringify(doc));
      // A local configuration: without one the linter would look for a remote one.
      writeFileSync(path.join(dir, 'redocly.yaml'), 'extends:\n  - recommended\n');
      const cli = require.resolve('@redocly/cli/bin/cli.js');
      const noNetwork = path.join(__dirname, '..', 'helpers', 'no-network.cjs');
      const { stdout, stderr } = await run(
        process.execPath,
        ['--require', noNetwork, cli, 'lint', 'openapi.json', '--format=json'],
        {
          cwd: dir,
          env: {
            PATH: process.env.PATH ?? '',
            HOME: dir,
            // Redocly sends usage telemetry and checks for updates unless told not to.
            REDOCLY_TELEMETRY: 'off',
            REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
          },
          timeout: 120_000,
        },
      );
      // The preload reports (and fails) any socket or DNS lookup the linter attempts.
      expect(stderr).not.toContain('NETWORK-ATTEMPT');
      const report = JSON.parse(stdout) as {
        totals: { errors: number; warnings: number };
        problems: unknown[];
      };
      expect(report.problems).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);

  it('documents every route of the API router, and only those', () => {
    const documented = Object.entries(doc.paths)
      .filter(
        ([p]) =>
          p.startsWith('/api/') &&
          p !== '/api/docs' &&
          p !== API_REFERENCE_PATH &&
          // The help is public and served beside the router, as the documents above are.
          !p.startsWith('/api/help') &&
          // So is the published plan (its own router, below).
          !p.startsWith('/api/public/'),
      )
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`))
      // Signing in has no principal yet: it is served beside the router (auth/session.ts).
      .filter((route) => route !== 'POST /api/session');
    expect(documented.sort()).toEqual(routerRoutes().sort());
  });

  it('documents every route of the public plan’s router, all without a token', () => {
    const documented = Object.entries(doc.paths)
      .filter(([p]) => p.startsWith('/api/public/'))
      .flatMap(([p, ops]) =>
        Object.entries(ops).map(([m, op]) => {
          expect({ p, security: op.security }).toEqual({ p, security: [] });
          return `${m.toUpperCase()} ${p}`;
        }),
      );
    expect(documented.sort()).toEqual(publicRoutes().sort());
  });

  it('gives each operation an id, a typed success answer and its 401/403/404', () => {
    const ids = new Set<string>();
    for (const [p, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method} ${p}`;
        expect({ where, id: typeof op.operationId }).toEqual({ where, id: 'string' });
        ids.add(op.operationId ?? '');
        const ok = Object.entries(op.responses).filter(([s]) => s.startsWith('2'));
        expect({ where, ok: ok.length }).toEqual({ where, ok: 1 });
        const content = (ok[0]?.[1].content ?? {}) as Record<string, { schema?: Json }>;
        for (const [type, media] of Object.entries(content))
          expect({ where, type, typed: media.schema !== undefined }).toEqual({
            where,
            type,
            typed: true,
          });
        const statuses = Object.keys(op.responses);
        expect({ where, 429: statuses.includes('429') }).toEqual({ where, 429: true });
        const authenticated = op.security === undefined;
        // Signing in is public and answers a refused sign-in with 401.
        const answers401 = authenticated || op.operationId === 'signIn';
        expect({ where, 401: statuses.includes('401') }).toEqual({ where, 401: answers401 });
        if (op.requestBody !== undefined)
          expect({ where, 413: statuses.includes('413') }).toEqual({ where, 413: true });
        // A route that reads a submission by id can refuse it (403) or not know it (404).
        if (p.startsWith('/api/submissions/{id}'))
          expect({ where, has: ['403', '404'].filter((s) => statuses.includes(s)) }).toEqual({
            where,
            has: ['403', '404'],
          });
      }
    // Beside the router: health, this document, its page, the two help routes, sign-in and the
    // public plan's routes.
    expect(ids.size).toBe(routerRoutes().length + 6 + publicRoutes().length);
    // Responses name the core's schemas: the submission, with its workflow actions.
    const sub = (doc.components as { schemas: Record<string, { properties: Json }> }).schemas
      .Submission;
    expect(Object.keys(sub?.properties ?? {})).toContain('actions');
    const getSub = doc.paths['/api/submissions/{id}']?.get?.responses['200'] as {
      content: Record<string, { schema: Json }>;
    };
    expect(getSub.content['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/Submission',
    });
  });

  it('serves the readable page from this origin under its own policy', async () => {
    const page = await request(h.app).get(API_REFERENCE_PATH);
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html');
    const csp = page.headers['content-security-policy'];
    expect(csp).toBe(API_REFERENCE_CSP);
    const directives = new Map(
      String(csp)
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    // Scripts only from here: no inline script, no eval; inline styles are Redoc's need.
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)/);
    for (const src of page.text.matchAll(/(?:src|spec-url|href)="([^"]+)"/g))
      expect(src[1]).toMatch(/^(\/api\/|data:)/);

    const bundle = await request(h.app).get(`${API_REFERENCE_PATH}/redoc.standalone.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.type).toBe('application/javascript');
    expect(bundle.text.length).toBeGreaterThan(500_000);
    // Its only outside address (the footer logo) is replaced: the page asks no other origin.
    expect(bundle.text).not.toContain('cdn.redoc.ly');

    // The rest of the register keeps its own policy: the page's is not everyone's.
    const health = await request(h.app).get('/health');
    expect(health.headers['content-security-policy']).not.toBe(API_REFERENCE_CSP);
    expect(health.headers['content-security-policy']).toContain('frame-ancestors');
  });
});
