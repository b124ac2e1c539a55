/**
 * The register under load, on PGlite and on PostgreSQL (a scratch database on the local
 * server, `tests/helpers/db.ts`, created and dropped here):
 *
 * 1. Push of a 10,000-row department workbook over HTTP (`POST …/versions` with the `.xlsx`
 *    bytes: parse, validate with the cycle's framework as reference, store rows, totals and
 *    the file, audit). Baseline in the same process: parsing the same bytes with `readXlsx`
 *    and hashing them with SHA-256, the least any push must do. Target ≤ 4× the baseline.
 * 2. Read latency with 50 concurrent clients for 3 s per route (autocannon, in a child
 *    process so that the load generator does not share the server's event loop), on
 *    PostgreSQL: a submission, its version list, and a department's latest version as JSON,
 *    each after an uncounted 1 s warm-up of the same load.
 *    Target p99 ≤ 100 ms, with errors and non-2xx answers reported (the rate limit is raised
 *    for the run: the default 600 requests a minute per client would answer 429).
 *
 * The workbook is the sample city's civil-works department plan (seeded with `seedSample`,
 * pulled from the register) with its projects copied under new IDs until the workbook holds
 * 10,000 rows: copies of valid rows, so the push stores (201) rather than refuses.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import pino from 'pino';
import type { RawCell, RawWorkbook } from '#core';
import { captionOf, getTableSpec } from '#core';
import { createApp } from '../service/src/app';
import { testConfig } from '../service/src/config';
import { openDatabase } from '../service/src/db';
import { seedSample } from '../service/src/handlers/seed';
import { createRepositories } from '../service/src/repositories';
import { readXlsx, writeRawWorkbook } from '../io';
import type { DbKind } from '../tests/helpers/db';
import { createScratchDatabase } from '../tests/helpers/db';
import type { BenchLine } from './lib';
import { report, timeMs } from './lib';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TENANT = 'sample';
const ROWS = 10_000;
const run = promisify(execFile);
/** Three routes of 3 s each: the ~10 s of load the brief allows. */
const SECONDS_PER_ROUTE = 3;
/** An uncounted warm-up run before each route's measured run. */
const WARMUP_SECONDS = 1;

/** The department workbook grown to `ROWS` rows by copying its projects under new IDs. */
function grow(raw: RawWorkbook): RawWorkbook {
  const count = raw.tables.reduce((n, t) => n + t.rows.length, 0);
  return {
    tables: raw.tables.map((t) => {
      if (t.name !== 'tblProjects') return t;
      const idCol = t.header.indexOf(captionOf(getTableSpec('tblProjects'), 'ProjectId', 'fa'));
      const depCol = t.header.indexOf(captionOf(getTableSpec('tblProjects'), 'DependsOn', 'fa'));
      const extra: RawCell[][] = [];
      for (let i = 0; i < ROWS - count; i++) {
        const row = [...(t.rows[i % t.rows.length] ?? [])];
        row[idCol] = `P-B${String(i + 1).padStart(5, '0')}`;
        if (depCol >= 0) row[depCol] = null;
        extra.push(row);
      }
      return { ...t, rows: [...t.rows, ...extra] };
    }),
  };
}

interface Register {
  url: string;
  tokens: { preparer: string; approver: string };
  civ: string;
  trf: string;
  close(): Promise<void>;
}

async function openRegister(kind: DbKind): Promise<Register> {
  const scratch = await createScratchDatabase(kind);
  const db = await openDatabase(scratch.options);
  const repos = createRepositories(db.prisma, { reader: db.reader });
  const logger = pino({ level: 'silent' });
  const config = testConfig({ rateLimit: { windowMs: 60_000, max: 1_000_000_000 } });
  await seedSample(
    { repos, config, logger, databaseKind: kind },
    { tenantId: TENANT, tokenDir: null },
  );
  const tokenOf = async (email: string) => {
    const user = await repos.users.getByEmail(TENANT, email);
    if (user === null) throw new Error(`no user ${email}`);
    const issued = await repos.tokens.issue(TENANT, { userId: user.id, name: 'bench' }, null);
    if (!issued.ok) throw new Error(issued.reason);
    return issued.secret;
  };
  const tokens = {
    preparer: await tokenOf(`preparer.d-civ@${TENANT}.example`),
    approver: await tokenOf(`approver@${TENANT}.example`),
  };
  const app = createApp({ repos, config, databaseKind: kind, logger });
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const subOf = async (code: string) => {
    const res = await fetch(`${url}/api/submissions?department=${code}&kind=department`, {
      headers: { Authorization: `Bearer ${tokens.approver}` },
    });
    const [sub] = (await res.json()) as { id: string }[];
    if (sub === undefined) throw new Error(`no submission of ${code}`);
    return sub.id;
  };
  return {
    url,
    tokens,
    civ: await subOf('D-CIV'),
    trf: await subOf('D-TRF'),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
      await scratch.drop();
    },
  };
}

/** Push timings (ms) on one database, and the bytes pushed. */
async function pushBench(kind: DbKind): Promise<{ push: number; bytes: Uint8Array }> {
  const reg = await openRegister(kind);
  try {
    const auth = (t: string) => ({ Authorization: `Bearer ${t}` });
    const reopen = await fetch(`${reg.url}/api/submissions/${reg.civ}/transitions`, {
      method: 'POST',
      headers: { ...auth(reg.tokens.approver), 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: 'reopen' }),
    });
    if (reopen.status !== 200) throw new Error(`reopen: ${reopen.status}`);
    const pulled = await fetch(
      `${reg.url}/api/submissions/${reg.civ}/versions/latest?format=xlsx`,
      { headers: auth(reg.tokens.preparer) },
    );
    const read = await readXlsx(new Uint8Array(await pulled.arrayBuffer()));
    if (!read.ok) throw new Error(read.error.message.en);
    const big = grow(read.workbook);
    const rows = big.tables.reduce((n, t) => n + t.rows.length, 0);
    if (rows !== ROWS) throw new Error(`${rows} rows, not ${ROWS}`);
    const bytes = await writeRawWorkbook(big, { lang: 'fa' });
    let version = 1;
    const push = await timeMs(
      async () => {
        const res = await fetch(`${reg.url}/api/submissions/${reg.civ}/versions`, {
          method: 'POST',
          headers: {
            ...auth(reg.tokens.preparer),
            'Content-Type': XLSX_TYPE,
            'If-Match': `"${version}"`,
          },
          body: Buffer.from(bytes),
        });
        if (res.status !== 201)
          throw new Error(`push: ${res.status} ${(await res.text()).slice(0, 500)}`);
        version++;
      },
      5,
      1,
    );
    return { push, bytes };
  } finally {
    await reg.close();
  }
}

interface CannonResult {
  latency: { p50: number; p99: number; average: number };
  requests: { total: number; average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}

/** 50 clients for `seconds` on one route, by the autocannon CLI in a child process. */
async function cannon(
  url: string,
  token: string,
  seconds = SECONDS_PER_ROUTE,
): Promise<CannonResult> {
  const { stdout } = await run(
    process.execPath,
    [
      require.resolve('autocannon/autocannon.js'),
      '-c',
      '50',
      '-d',
      String(seconds),
      '-j',
      '-H',
      `Authorization=Bearer ${token}`,
      url,
    ],
    { maxBuffer: 64 * 1_048_576, timeout: 60_000 },
  );
  return JSON.parse(stdout) as CannonResult;
}

async function main(): Promise<void> {
  const lines: BenchLine[] = [];
  for (const kind of ['pglite', 'postgres'] as const) {
    const { push, bytes } = await pushBench(kind);
    const baseline = await timeMs(async () => {
      const read = await readXlsx(bytes);
      if (!read.ok) throw new Error(read.error.message.en);
      createHash('sha256').update(bytes).digest('hex');
    });
    lines.push({
      name: `push of ${ROWS} rows (${(bytes.length / 1024).toFixed(0)} KiB .xlsx) over HTTP, ${kind}`,
      value: push,
      unit: 'ms',
      baselineName: 'readXlsx + sha256 of the same bytes',
      baseline,
      target: '≤ 4×',
      ok: push <= 4 * baseline,
    });
  }

  const reg = await openRegister('postgres');
  try {
    const routes: [string, string][] = [
      ['GET a submission', `/api/submissions/${reg.trf}`],
      ['GET its version list', `/api/submissions/${reg.trf}/versions`],
      ['GET the latest version as JSON', `/api/submissions/${reg.trf}/versions/latest`],
    ];
    for (const [name, path] of routes) {
      // One second of the same load first, not counted: the route's code compiled, the pool's
      // connections opened, the version cached (what a running service has done long ago).
      await cannon(reg.url + path, reg.tokens.approver, WARMUP_SECONDS);
      const r = await cannon(reg.url + path, reg.tokens.approver);
      const tag = `${name}, 50 clients, postgres`;
      lines.push(
        { name: `${tag}: p50`, value: r.latency.p50, unit: 'ms' },
        {
          name: `${tag}: p99`,
          value: r.latency.p99,
          unit: 'ms',
          target: '≤ 100 ms',
          ok: r.latency.p99 <= 100,
        },
        { name: `${tag}: requests/s`, value: r.requests.average, unit: 'req/s' },
        {
          name: `${tag}: errors + timeouts + non-2xx of ${r.requests.total}`,
          value: r.errors + r.timeouts + r.non2xx,
          unit: 'requests',
          target: '0',
          ok: r.errors + r.timeouts + r.non2xx === 0,
        },
      );
    }
  } finally {
    await reg.close();
  }
  report('push and read (register service)', lines);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
