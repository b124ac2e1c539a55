/**
 * Issue 18, "Growth, measured" (`npm run bench scale`, not part of `npm test`): the register's
 * cost as a city grows and as municipalities are added, on PostgreSQL (a scratch database on
 * the local server, `tests/helpers/db.ts`, created and dropped here).
 *
 * The data (bench/scale/generate.ts): one Tehran-like city (22 districts, 56 departments and
 * organisations, 5,000 projects, 20,000 activities, ~90,000 budget lines, two versions of every
 * department plan), 8 metropolises at a quarter of it, mid-sized cities like the sample and
 * small ones (5 department plans, 30 projects), 1,400 in all. Tehran is pushed through the
 * register's push handler, one department version after another (the code the HTTP route
 * runs); one metropolis, one mid-sized and one small city are pushed the same way and then
 * copied in SQL under new municipality ids (bench/scale/clone.ts), which is what makes 1,400
 * cities take minutes rather than hours.
 *
 * The service runs in a child process (`service/src/index.ts`, as `npm run dev` starts it),
 * so its resident memory is its own, read from /proc (Linux). Figures, each beside a
 * baseline measured in the same run:
 * - consolidation of the largest city (`GET /api/cycles/{id}/consolidation`), target < 2 s;
 *   baseline: one `SELECT` of the same canonical rows (every approved version's plan rows);
 * - the service's peak RSS during it, target < 1 GB; baseline: its RSS just before;
 * - the export (`?format=xlsx`); baseline: the consolidation as JSON;
 * - the diff of two versions of the largest department plan; baseline: one `SELECT` of the
 *   rows of both versions;
 * - a push of the largest department workbook as `.xlsx` over HTTP; baseline: `readXlsx` and
 *   SHA-256 of the same bytes (as bench/push.bench.ts);
 * - 50 concurrent clients reading one submission of the city (and its version list) with 1,
 *   100 and 1,400 municipalities in the database (autocannon in a child process), measured
 *   as municipalities are added and again, back to back, as they are deleted at the end
 *   (1,400 → 100 → 1: the machine's other work changes less within a minute than over the
 *   run); target p99 at 1,400 ≤ 1.2 × p99 at 1 of the same pass.
 *
 * Knobs (a quick run: `PLAN_SCALE_MUNICIPALITIES=20 PLAN_SCALE_FACTOR=0.1 npm run bench scale`):
 * - `--municipalities N` or `PLAN_SCALE_MUNICIPALITIES` (default 1400): how many cities in all
 *   (the read curve measures at 1, min(100, N) and N);
 * - `--factor F` or `PLAN_SCALE_FACTOR` (default 1): the Tehran-like and metropolis sizes ×F.
 */
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { Client } from 'pg';
import pino from 'pino';
import { testConfig } from '../service/src/config';
import { openDatabase } from '../service/src/db';
import { createRepositories } from '../service/src/repositories';
import { readXlsx } from '../io';
import { createScratchDatabase } from '../tests/helpers/db';
import { cloneMunicipality, keepOnly } from './scale/clone';
import type { CityShape, SeededCity } from './scale/generate';
import {
  cityWorkbooks,
  countsOf,
  LARGEST_DEPARTMENT,
  METROPOLIS,
  MID,
  seedCity,
  SMALL,
  TEHRAN,
} from './scale/generate';
import type { BenchLine } from './lib';
import { report, timeMs } from './lib';

const run = promisify(execFile);
const REPO = path.join(__dirname, '..');
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function arg(name: string, env: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const raw = at >= 0 ? process.argv[at + 1] : process.env[env];
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} / ${env}: not a positive number`);
  return n;
}
const MUNICIPALITIES = Math.floor(arg('municipalities', 'PLAN_SCALE_MUNICIPALITIES', 1400));
const FACTOR = arg('factor', 'PLAN_SCALE_FACTOR', 1);
const METROPOLISES = 8;
const MID_CITIES = 91; // 1 + 8 + 91 = 100
const SECONDS = 5;
const WARMUP_SECONDS = 1;

const scaled = (s: CityShape): CityShape =>
  FACTOR === 1
    ? s
    : {
        ...s,
        projects: Math.max(10, Math.round(s.projects * FACTOR)),
        activities: Math.max(10, Math.round(s.activities * FACTOR)),
      };

const log = (msg: string) =>
  console.log(`[scale ${new Date().toISOString().slice(11, 19)}] ${msg}`);

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

interface CannonResult {
  latency: { p50: number; p99: number };
  requests: { total: number; average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}

async function cannon(url: string, token: string, seconds: number): Promise<CannonResult> {
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
    { maxBuffer: 64 * 1_048_576, timeout: 120_000 },
  );
  return JSON.parse(stdout) as CannonResult;
}

async function main(): Promise<void> {
  const started = performance.now();
  const scratch = await createScratchDatabase('postgres');
  const url = scratch.url!;
  const root = mkdtempSync(path.join(os.tmpdir(), 'plan-scale-'));
  const db = await openDatabase(scratch.options);
  const repos = createRepositories(db.prisma, { reader: db.reader });
  const deps = {
    repos,
    config: testConfig({}),
    logger: pino({ level: 'silent' }),
    databaseKind: 'postgres' as const,
  };
  const lines: BenchLine[] = [];
  const curve: {
    pass: 'up' | 'down';
    municipalities: number;
    route: string;
    p50: number;
    p99: number;
    rps: number;
  }[] = [];
  let child: ReturnType<typeof spawn> | undefined;
  try {
    // 1. The largest city, pushed department by department.
    const tehranBooks = cityWorkbooks(scaled(TEHRAN));
    const counts = countsOf(tehranBooks);
    log(`Tehran-like: ${JSON.stringify(counts)}`);
    let t0 = performance.now();
    const tehran = await seedCity(deps, 'tehran', tehranBooks, (code, done, of) => {
      if (done % 10 === 0 || done === of) log(`  tehran ${done}/${of} departments (${code})`);
    });
    const seedTehranS = (performance.now() - t0) / 1000;
    log(`Tehran-like seeded in ${seedTehranS.toFixed(1)} s`);

    // The service, in its own process.
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['--import', 'tsx', path.join('service', 'src', 'index.ts')], {
      cwd: REPO,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: url,
        PLAN_DATA_ROOT: root,
        PLAN_SEED: 'none',
        LOG_LEVEL: 'warn',
        PLAN_RATE_MAX: '1000000000',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const service = child;
    for (;;) {
      const up = await fetch(`${base}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      if (service.exitCode !== null) throw new Error('the service did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const auth = (t: string) => ({ Authorization: `Bearer ${t}` });
    const civ = tehran.submissions.get(LARGEST_DEPARTMENT)!;

    const readCurve = async (municipalities: number, pass: 'up' | 'down' = 'up') => {
      const routes: [string, string][] = [
        ['GET a submission', `/api/submissions/${civ}`],
        ['GET its version list', `/api/submissions/${civ}/versions`],
      ];
      for (const [route, p] of routes) {
        await cannon(base + p, tehran.approverToken, WARMUP_SECONDS);
        const r = await cannon(base + p, tehran.approverToken, SECONDS);
        const bad = r.errors + r.timeouts + r.non2xx;
        if (bad > 0) throw new Error(`${route}: ${bad} failed of ${r.requests.total}`);
        curve.push({
          pass,
          municipalities,
          route,
          p50: r.latency.p50,
          p99: r.latency.p99,
          rps: r.requests.average,
        });
        log(
          `  ${municipalities} municipalities, ${route}: p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${r.requests.average} req/s`,
        );
      }
    };
    await readCurve(1);

    // 2. Up to 100: the metropolises (pushed), then mid-sized cities (one pushed, copied).
    let count = 1;
    t0 = performance.now();
    const metroBooks = cityWorkbooks(scaled(METROPOLIS));
    log(`metropolis: ${JSON.stringify(countsOf(metroBooks))}`);
    // One metropolis pushed, the others copies of it (only the largest city's figures are
    // measured; the others are there to be numerous).
    if (count < MUNICIPALITIES) {
      await seedCity(deps, 'metro-1', metroBooks);
      count++;
      const n = Math.min(METROPOLISES - 1, MUNICIPALITIES - count);
      await cloneMunicipality(
        url,
        'metro-1',
        Array.from({ length: n }, (_, i) => `metro-${i + 2}`),
      );
      count += n;
    }
    const seedMetroS = (performance.now() - t0) / 1000;
    let seeded: SeededCity | undefined;
    if (count < MUNICIPALITIES) {
      seeded = await seedCity(deps, 'mid-000', cityWorkbooks(MID));
      count++;
      const n = Math.min(MID_CITIES - 1, MUNICIPALITIES - count);
      const ids = Array.from({ length: n }, (_, i) => `mid-${String(i + 1).padStart(3, '0')}`);
      await cloneMunicipality(url, seeded.tenantId, ids);
      count += n;
    }
    log(`${count} municipalities`);
    if (count > 1) await readCurve(count);

    // 3. Up to MUNICIPALITIES: small cities (one pushed, copied).
    t0 = performance.now();
    if (count < MUNICIPALITIES) {
      const small = await seedCity(deps, 'small-0000', cityWorkbooks(SMALL));
      count++;
      const n = MUNICIPALITIES - count;
      const ids = Array.from({ length: n }, (_, i) => `small-${String(i + 1).padStart(4, '0')}`);
      await cloneMunicipality(url, small.tenantId, ids);
      count += n;
    }
    const fillS = (performance.now() - t0) / 1000;
    log(`${count} municipalities (small ones in ${fillS.toFixed(1)} s)`);
    if (count > Math.min(100, MUNICIPALITIES)) await readCurve(count);

    // 4. The largest city's figures, with every municipality in the database.
    const pg = new Client({ connectionString: url });
    await pg.connect();
    try {
      // Baseline: one SELECT of the rows the consolidation merges (each approved version's
      // canonical plan rows).
      const selectPlanRows = async () =>
        pg.query(
          `SELECT r.submission_id, r.table_name, r.row_index, r.data
             FROM version_plan_row r
             JOIN submission s ON s.tenant_id = r.tenant_id AND s.id = r.submission_id
                              AND s.current_version = r.version
            WHERE r.tenant_id = $1 AND s.cycle_id = $2`,
          [tehran.tenantId, tehran.cycleId],
        );
      const planRows = (await selectPlanRows()).rowCount ?? 0;
      const select = await timeMs(selectPlanRows, 3, 1);
      const consolidationUrl = `${base}/api/cycles/${tehran.cycleId}/consolidation`;
      const getOk = async (u: string, token: string) => {
        const res = await fetch(u, { headers: auth(token) });
        const body = await res.arrayBuffer();
        if (res.status !== 200)
          throw new Error(`${u}: ${res.status} ${Buffer.from(body).toString().slice(0, 300)}`);
        return body.byteLength;
      };
      await getOk(consolidationUrl, tehran.approverToken); // warm-up: code compiled
      // The service's peak resident memory while `fn` runs (sampled every 20 ms).
      const peakDuring = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
        let peak = rssMb(service.pid!);
        const sampler = setInterval(() => {
          peak = Math.max(peak, rssMb(service.pid!));
        }, 20);
        try {
          return [await fn(), peak];
        } finally {
          clearInterval(sampler);
        }
      };
      const before = rssMb(service.pid!);
      const [consolidation, peak] = await peakDuring(() =>
        timeMs(() => getOk(consolidationUrl, tehran.approverToken), 2, 0),
      );
      lines.push(
        {
          name: `consolidation of the largest city (${counts.departments} department plans, ${planRows} plan rows), JSON`,
          value: consolidation,
          unit: 'ms',
          baselineName: 'one SELECT of the same plan rows',
          baseline: select,
          target: '< 2000 ms',
          ok: consolidation < 2000,
        },
        {
          name: 'service RSS, peak during the consolidations',
          value: peak,
          unit: 'MB',
          baselineName: 'RSS before',
          baseline: before,
          target: '< 1024 MB',
          ok: peak < 1024,
        },
      );
      log(
        `consolidation ${consolidation.toFixed(0)} ms, RSS ${before.toFixed(0)} → ${peak.toFixed(0)} MB`,
      );

      const [exportMs, exportPeak] = await peakDuring(() =>
        timeMs(() => getOk(`${consolidationUrl}?format=xlsx`, tehran.approverToken), 1, 0),
      );
      lines.push(
        {
          name: 'export of the largest city (.xlsx)',
          value: exportMs,
          unit: 'ms',
          baselineName: 'the consolidation as JSON',
          baseline: consolidation,
        },
        {
          name: 'service RSS, peak during the export',
          value: exportPeak,
          unit: 'MB',
          baselineName: 'RSS before the consolidations',
          baseline: before,
        },
      );
      log(`export ${exportMs.toFixed(0)} ms`);

      // The diff of the largest department's two versions.
      const selectBoth = async () =>
        pg.query(
          `SELECT version, table_name, row_index, data FROM version_row
            WHERE tenant_id = $1 AND submission_id = $2 AND version IN (1, 2)`,
          [tehran.tenantId, civ],
        );
      const diffRows = (await selectBoth()).rowCount ?? 0;
      const selectBothMs = await timeMs(selectBoth, 3, 1);
      const diffMs = await timeMs(
        () => getOk(`${base}/api/submissions/${civ}/diff?from=1&to=2`, tehran.approverToken),
        3,
        1,
      );
      lines.push({
        name: `diff of two versions of the largest department plan (${diffRows} rows)`,
        value: diffMs,
        unit: 'ms',
        baselineName: 'one SELECT of both versions’ rows',
        baseline: selectBothMs,
      });
      log(`diff ${diffMs.toFixed(0)} ms`);

      // A push of the largest department workbook as .xlsx.
      const reopen = await fetch(`${base}/api/submissions/${civ}/transitions`, {
        method: 'POST',
        headers: { ...auth(tehran.approverToken), 'Content-Type': 'application/json' },
        body: JSON.stringify({ action: 'reopen' }),
      });
      if (reopen.status !== 200) throw new Error(`reopen: ${reopen.status} ${await reopen.text()}`);
      const versions = tehranBooks.departments.get(LARGEST_DEPARTMENT)!;
      const workbook = versions[versions.length - 1]!;
      const pushRows = workbook.tables.reduce((n, t) => n + t.rows.length, 0);
      // The workbook as the department would push it: its latest version pulled as .xlsx
      // (the register's template layout), pushed back unchanged.
      const pulled = await fetch(`${base}/api/submissions/${civ}/versions/latest?format=xlsx`, {
        headers: auth(tehran.preparerToken),
      });
      if (pulled.status !== 200) throw new Error(`pull: ${pulled.status}`);
      const bytes = new Uint8Array(await pulled.arrayBuffer());
      let version = versions.length;
      const pushMs = await timeMs(
        async () => {
          const res = await fetch(`${base}/api/submissions/${civ}/versions`, {
            method: 'POST',
            headers: {
              ...auth(tehran.preparerToken),
              'Content-Type': XLSX_TYPE,
              'If-Match': `"${version}"`,
            },
            body: Buffer.from(bytes),
          });
          if (res.status !== 201)
            throw new Error(`push: ${res.status} ${(await res.text()).slice(0, 500)}`);
          version++;
        },
        2,
        1,
      );
      const parseMs = await timeMs(async () => {
        const read = await readXlsx(bytes);
        if (!read.ok) throw new Error(read.error.message.en);
        createHash('sha256').update(bytes).digest('hex');
      }, 3);
      lines.push({
        name: `push of the largest department workbook (${pushRows} rows, ${(bytes.length / 1024).toFixed(0)} KiB .xlsx) over HTTP`,
        value: pushMs,
        unit: 'ms',
        baselineName: 'readXlsx + sha256 of the same bytes',
        baseline: parseMs,
      });
      log(`push ${pushMs.toFixed(0)} ms`);
    } finally {
      await pg.end();
    }

    // 5. The read curve again on the way down, back to back (the machine's other work
    // changes less within a minute than over the run): all municipalities, then the first
    // 100 (Tehran, the metropolises, the mid-sized cities), then Tehran alone.
    if (count > 1) {
      await readCurve(count, 'down');
      const hundred = Math.min(100, count);
      if (hundred < count) {
        const first = [
          'tehran',
          ...Array.from({ length: METROPOLISES }, (_, i) => `metro-${i + 1}`),
        ];
        for (let i = 0; i < MID_CITIES; i++) first.push(`mid-${String(i).padStart(3, '0')}`);
        await keepOnly(url, first.slice(0, hundred));
        await readCurve(hundred, 'down');
      }
      await keepOnly(url, ['tehran']);
      await readCurve(1, 'down');
    }

    // The read curve: each route at every size beside the same route at one municipality of
    // the same pass.
    for (const c of curve) {
      const one = curve.find(
        (o) => o.pass === c.pass && o.route === c.route && o.municipalities === 1,
      )!;
      const last = c.municipalities === count && count > 1;
      lines.push(
        {
          name: `${c.route}, 50 clients, ${c.municipalities} ${c.municipalities === 1 ? 'municipality' : 'municipalities'} (${c.pass === 'up' ? 'adding' : 'removing'}): p99`,
          value: c.p99,
          unit: 'ms',
          ...(c.municipalities === 1
            ? {}
            : { baselineName: 'p99 at 1 municipality', baseline: one.p99 }),
          ...(last ? { target: '≤ 1.2×', ok: c.p99 <= 1.2 * one.p99 } : {}),
        },
        {
          name: `${c.route}, 50 clients, ${c.municipalities} ${c.municipalities === 1 ? 'municipality' : 'municipalities'} (${c.pass === 'up' ? 'adding' : 'removing'}): p50`,
          value: c.p50,
          unit: 'ms',
        },
        {
          name: `${c.route}, 50 clients, ${c.municipalities} ${c.municipalities === 1 ? 'municipality' : 'municipalities'} (${c.pass === 'up' ? 'adding' : 'removing'}): requests/s`,
          value: c.rps,
          unit: 'req/s',
        },
      );
    }
    lines.push(
      { name: 'seeding the largest city (pushes)', value: seedTehranS, unit: 's' },
      { name: 'seeding a metropolis (pushes) and copying it', value: seedMetroS, unit: 's' },
      { name: 'whole run', value: (performance.now() - started) / 1000, unit: 's' },
    );
    report(
      `scale: ${count} municipalities, the largest ${counts.projects} projects, ${counts.activities} activities, ${counts.budgetLines} budget lines, PostgreSQL`,
      lines,
    );
  } finally {
    if (child !== undefined && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      const late = setTimeout(() => child!.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(late);
    }
    await db.close();
    if (process.env.PLAN_SCALE_KEEP === '1') log(`database kept: ${url}`);
    else await scratch.drop();
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
