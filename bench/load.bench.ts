/**
 * Issue item 11 (`npm run bench:load`, not part of `npm test`): the register on PostgreSQL
 * under 50 clients reading plans and 5 pushing new versions for DURATION_S seconds, with
 * autocannon. Reports read and push latency (p50, p99), errors (non-2xx and socket
 * errors) and the service's resident memory in the first and the last 10 s (read from
 * /proc, Linux). Baseline: the same read by one client on the idle service.
 * Targets (the issue): read p99 ≤ 300 ms, zero errors, no memory growth.
 *
 * Needs the PostgreSQL server of toolchain.md (PLAN_TEST_PG_URL as in tests/helpers/db.ts).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { createScratchDatabase } from '../tests/helpers/db';
import { report, timeMs } from './lib';

/** The part of autocannon's result used here (autocannon 8 ships no type declarations). */
interface LoadResult {
  latency: { p50: number; p99: number };
  requests: { average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}
const autocannon = createRequire(__filename)('autocannon') as (
  options: Record<string, unknown>,
) => Promise<LoadResult>;

const DURATION_S = Number(process.env.PLAN_LOAD_SECONDS ?? 60);
/**
 * Seconds of the same load before the measured window, whose memory is not compared: the
 * service's heap grows to its working size (compiled code, pools, caches) while it warms up,
 * which is not a leak. Latency and errors count the warm-up too.
 */
const WARMUP_S = Number(process.env.PLAN_LOAD_WARMUP_SECONDS ?? 15);
const READERS = 50;
const PUSHERS = 5;
const REPO = path.join(__dirname, '..');

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

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1);

async function main(): Promise<void> {
  const scratch = await createScratchDatabase('postgres');
  const root = mkdtempSync(path.join(os.tmpdir(), 'plan-load-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join('service', 'src', 'index.ts')],
    {
      cwd: REPO,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: scratch.url,
        PLAN_DATA_ROOT: root,
        PLAN_SEED: 'sample',
        LOG_LEVEL: 'warn',
        PLAN_RATE_MAX: '10000000',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  try {
    for (;;) {
      const up = await fetch(`${url}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      if (child.exitCode !== null) throw new Error('the service did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const token = readFileSync(path.join(root, 'admin-token'), 'utf8').trim();
    const auth = { Authorization: `Bearer ${token}` };
    const subs = (await (
      await fetch(`${url}/api/submissions?kind=department`, { headers: auth })
    ).json()) as { id: string; currentVersion: number }[];
    if (subs.length < PUSHERS) throw new Error(`only ${subs.length} department plans`);
    // Each pusher owns one plan (reopened), so pushes do not conflict with each other.
    const pushTo = subs.slice(0, PUSHERS);
    const workbooks: string[] = [];
    for (const s of pushTo) {
      await fetch(`${url}/api/submissions/${s.id}/transitions`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: '{"action":"reopen"}',
      });
      const pulled = (await (
        await fetch(`${url}/api/submissions/${s.id}/versions/latest?lang=keys`, { headers: auth })
      ).json()) as { workbook: unknown };
      workbooks.push(JSON.stringify(pulled.workbook));
    }
    const readPath = `/api/submissions/${subs[subs.length - 1]!.id}/versions/latest?lang=keys`;
    const idle = await timeMs(
      () => fetch(`${url}${readPath}`, { headers: auth }).then((r) => r.arrayBuffer()),
      20,
      3,
    );

    const samples: { t: number; mb: number }[] = [];
    const started = Date.now();
    const sampler = setInterval(
      () => samples.push({ t: (Date.now() - started) / 1000, mb: rssMb(child.pid!) }),
      1000,
    );
    const pushStatuses = new Map<number, number>();
    // The current version of each pushed plan, from the pushes' answers.
    const versions = new Map(pushTo.map((p) => [p.id, p.currentVersion]));
    const onResponse = (status: number, body: string) => {
      pushStatuses.set(status, (pushStatuses.get(status) ?? 0) + 1);
      if (status !== 201) return;
      const created = JSON.parse(body) as { submissionId: string; version: number };
      versions.set(created.submissionId, created.version);
    };
    // One autocannon per pusher, one connection each, bound to its own plan: autocannon
    // resets a request's context before every request, so it cannot keep a connection on
    // one plan; and it records an answer before building the next request, so each push
    // names the version its previous push created.
    const [reads, ...pushers] = await Promise.all([
      autocannon({
        url: `${url}${readPath}`,
        connections: READERS,
        duration: WARMUP_S + DURATION_S,
        headers: auth,
      }),
      ...pushTo.map((plan, i) =>
        autocannon({
          url,
          connections: 1,
          duration: WARMUP_S + DURATION_S,
          requests: [
            {
              method: 'POST',
              setupRequest: (req: Record<string, unknown>) => ({
                ...req,
                path: `/api/submissions/${plan.id}/versions`,
                headers: {
                  ...auth,
                  'Content-Type': 'application/json',
                  'If-Match': `"${String(versions.get(plan.id))}"`,
                },
                body: workbooks[i],
              }),
              onResponse,
            },
          ],
        }),
      ),
    ]);
    clearInterval(sampler);
    console.log(`push answers by status: ${JSON.stringify(Object.fromEntries(pushStatuses))}`);
    const first = mean(
      samples.filter((s) => s.t > WARMUP_S && s.t <= WARMUP_S + 10).map((s) => s.mb),
    );
    const last = mean(samples.filter((s) => s.t > WARMUP_S + DURATION_S - 10).map((s) => s.mb));
    const errors = (r: LoadResult) => r.errors + r.timeouts + r.non2xx;
    // Each pusher's own percentiles; the report takes the median p50 and the worst p99.
    const pushP50 = [...pushers.map((r) => r.latency.p50)].sort((a, b) => a - b)[
      Math.floor(PUSHERS / 2)
    ]!;
    const pushP99 = Math.max(...pushers.map((r) => r.latency.p99));
    const pushErrors = pushers.reduce((n, r) => n + errors(r), 0);
    const pushed = pushers.reduce((n, r) => n + r['2xx'], 0);
    report(
      `load: ${READERS} readers + ${PUSHERS} pushers, ${WARMUP_S} + ${DURATION_S} s, PostgreSQL`,
      [
        {
          name: 'read p50',
          value: reads.latency.p50,
          unit: 'ms',
          baselineName: 'idle read',
          baseline: idle,
        },
        {
          name: 'read p99',
          value: reads.latency.p99,
          unit: 'ms',
          baselineName: 'idle read',
          baseline: idle,
          target: '≤ 300 ms',
          ok: reads.latency.p99 <= 300,
        },
        { name: 'reads per second', value: reads.requests.average, unit: 'req/s' },
        {
          name: 'push p50 (median of the 5 pushers)',
          value: pushP50,
          unit: 'ms',
          baselineName: 'idle read',
          baseline: idle,
        },
        {
          name: 'push p99 (worst of the 5 pushers)',
          value: pushP99,
          unit: 'ms',
          baselineName: 'idle read',
          baseline: idle,
        },
        { name: 'pushes stored', value: pushed, unit: 'versions' },
        {
          name: 'errors (reads + pushes)',
          value: errors(reads) + pushErrors,
          unit: 'responses',
          target: '0',
          ok: errors(reads) + pushErrors === 0,
        },
        {
          name: 'service RSS, last 10 s',
          value: last,
          unit: 'MB',
          baselineName: 'first 10 s',
          baseline: first,
          target: 'no growth (≤ 1.10×)',
          ok: last <= first * 1.1,
        },
      ],
    );
  } finally {
    // SIGTERM, then SIGKILL if the service has not stopped within 5 s (its shutdown waits for
    // open connections).
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const late = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(late);
    await scratch.drop();
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
