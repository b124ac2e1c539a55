/**
 * Issue item 10: the register's limits answer with the right status, early.
 *
 * - A body over the limit is refused with 413 while it is still arriving: the client
 *   streams up to 256 MiB and counts what it had sent when the 413 came (the server reads
 *   at most the limit, then stops; the rest is what the loopback socket buffers held), and
 *   a declared `Content-Length` over the limit is refused before any of the body is read.
 * - Past the rate limit: 429 with `Retry-After`.
 * - With every pooled connection busy: 503 `UNAVAILABLE` with `Retry-After`, not 500, and
 *   service again once one frees up (PostgreSQL only: PGlite is one embedded connection
 *   without a pool).
 */
import http from 'node:http';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../service/src/app';
import { testConfig } from '../../service/src/config';
import { openDatabase } from '../../service/src/db';
import { XLSX_TYPE } from '../../service/src/routes';
import { createRepositories } from '../../service/src/repositories';
import { DB_KINDS } from '../helpers/db';
import type { Harness } from '../service/api-harness';
import { bearer, openHarness } from '../service/api-harness';
import { editable, listen } from './helpers';

const LIMIT = 64 * 1024;
const ATTEMPT = 256 * 1_048_576;
/** What may be in flight when the 413 arrives: the limit plus loopback socket buffers. */
const IN_FLIGHT = 32 * 1_048_576;

/**
 * Streams `total` bytes (after `prefix`) to the server until it answers; returns the status
 * and how many bytes had been written by then.
 */
function stream(
  url: string,
  headers: Record<string, string>,
  total: number,
  prefix = '',
): Promise<{ status: number; sent: number }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    let sent = 0;
    let answered = false;
    const req = http.request(
      {
        hostname: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers,
      },
      (res) => {
        answered = true;
        res.resume();
        resolve({ status: res.statusCode ?? 0, sent });
        req.destroy();
      },
    );
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const pump = () => {
      if (sent === 0 && prefix !== '') {
        sent += prefix.length;
        req.write(prefix);
      }
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe.each(DB_KINDS)('limits (%s)', (kind) => {
  let h: Harness;
  let server: { url: string; close(): Promise<void> };
  let civ: { id: string; version: number };
  beforeAll(async () => {
    h = await openHarness(kind, {
      jsonLimitBytes: LIMIT,
      xlsxLimitBytes: LIMIT,
      rateLimit: { windowMs: 60_000, max: 1000 },
    });
    server = await listen(h.app);
    // Open for pushes: a push is admitted (status, If-Match) before its body is read, so
    // that the body's limit is what answers here.
    civ = await editable(h, 'D-CIV');
  });
  afterAll(async () => {
    await server.close();
    await h.close();
  });

  const path = async () => `${server.url}/api/submissions/${civ.id}/versions`;
  const auth = () => ({
    Authorization: `Bearer ${h.tokens.preparer}`,
    'If-Match': `"${civ.version}"`,
  });

  it('refuses an endless JSON body with 413 without reading it all', async () => {
    const res = await stream(
      await path(),
      { ...auth(), 'Content-Type': 'application/json' },
      ATTEMPT,
      '{"tables":[{"name":"',
    );
    expect(res.status).toBe(413);
    expect(res.sent).toBeLessThan(IN_FLIGHT);
  });

  it('refuses an endless multipart upload with 413 without reading it all', async () => {
    const boundary = 'xxBOUNDARYxx';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="plan.xlsx"\r\nContent-Type: ${XLSX_TYPE}\r\n\r\n`;
    const res = await stream(
      await path(),
      { ...auth(), 'Content-Type': `multipart/form-data; boundary=${boundary}` },
      ATTEMPT,
      head,
    );
    expect(res.status).toBe(413);
    expect(res.sent).toBeLessThan(IN_FLIGHT);
  });

  it('refuses a declared 1 GiB .xlsx body before reading it', async () => {
    const res = await stream(
      await path(),
      { ...auth(), 'Content-Type': XLSX_TYPE, 'Content-Length': String(1024 * 1_048_576) },
      ATTEMPT,
    );
    expect(res.status).toBe(413);
    expect(res.sent).toBeLessThan(IN_FLIGHT);
  });

  it('answers 429 with Retry-After past the rate limit', async () => {
    const limited = createApp({
      repos: h.test.repos,
      config: testConfig({ rateLimit: { windowMs: 60_000, max: 3 } }),
      databaseKind: kind,
      logger: pino({ level: 'silent' }),
    });
    const statuses: number[] = [];
    let last: request.Response | undefined;
    for (let i = 0; i < 4; i++) {
      last = await request(limited).get('/api/me').set(bearer(h.tokens.reviewer));
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(last?.body.code).toBe('RATE_LIMITED');
    expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
  });

  if (kind !== 'pglite')
    it('answers 503 with Retry-After while every pooled connection is busy', async () => {
      const db = await openDatabase({
        url: h.test.scratch.url!,
        pool: { max: 1, connectionTimeoutMillis: 200 },
      });
      const app = createApp({
        repos: createRepositories(db.prisma, { reader: db.reader }),
        config: testConfig(),
        databaseKind: kind,
        logger: pino({ level: 'silent' }),
      });
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let holding!: () => void;
      const held = new Promise<void>((resolve) => (holding = resolve));
      // The pool's only connection, taken by a transaction that waits for the test.
      const tx = db.prisma.$transaction(async (t) => {
        await t.submission.count();
        holding();
        await released;
      });
      try {
        await held;
        const busy = await request(app).get('/api/me').set(bearer(h.tokens.reviewer));
        expect(busy.status).toBe(503);
        expect(busy.body.code).toBe('UNAVAILABLE');
        expect(Number(busy.headers['retry-after'])).toBeGreaterThan(0);
        const health = await request(app).get('/health');
        expect(health.status).toBe(503);
      } finally {
        release();
        await tx;
      }
      expect((await request(app).get('/api/me').set(bearer(h.tokens.reviewer))).status).toBe(200);
      await db.close();
    });
});
