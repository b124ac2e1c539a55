/**
 * Helpers of the reliability suite: a seeded register (tests/service/api-harness.ts) with the
 * civil-works plan reopened for editing, and the workbook a preparer pushes back as JSON.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import type { RawCell, RawTable, RawWorkbook } from '#core';
import type { Harness } from '../service/api-harness';
import { bearer, submissionOf } from '../service/api-harness';

/** A department's submission, reopened so that it takes pushes, with its latest workbook. */
export interface Editable {
  id: string;
  version: number;
  /** The latest version's workbook as contract tables (headers are column keys). */
  workbook: RawWorkbook;
}

/** Reopens a department's seeded (approved) plan and pulls its latest workbook as JSON. */
export async function editable(h: Harness, department = 'D-CIV'): Promise<Editable> {
  const id = await submissionOf(h, department);
  const reopened = await request(h.app)
    .post(`/api/submissions/${id}/transitions`)
    .set(bearer(h.tokens.approver))
    .send({ action: 'reopen', note: 'reliability test' });
  if (reopened.status !== 200) throw new Error(`reopen: ${reopened.status} ${reopened.text}`);
  const pulled = await request(h.app)
    .get(`/api/submissions/${id}/versions/latest?lang=keys`)
    .set(bearer(h.tokens.admin));
  if (pulled.status !== 200) throw new Error(`pull: ${pulled.status} ${pulled.text}`);
  const body = pulled.body as { version: number; workbook: RawWorkbook };
  return { id, version: body.version, workbook: body.workbook };
}

/** The workbook with one text cell of `tblProjects` changed (a distinct body per `tag`). */
export function variant(workbook: RawWorkbook, tag: string): RawWorkbook {
  return {
    tables: workbook.tables.map((t: RawTable) => {
      if (t.name !== 'tblProjects') return t;
      const col = t.header.indexOf('Title');
      if (col < 0) throw new Error('tblProjects has no Title column');
      const rows = t.rows.map((r, i) => {
        if (i !== 0) return r;
        const row: RawCell[] = [...r];
        row[col] = `پروژه آزمون ${tag}`;
        return row;
      });
      return { ...t, rows };
    }),
  };
}

/** A JSON push of a workbook on a base version, optionally with an idempotency key. */
export function push(
  h: Harness,
  id: string,
  token: string,
  workbook: RawWorkbook,
  base: number,
  key?: string,
) {
  const req = request(h.app)
    .post(`/api/submissions/${id}/versions`)
    .set(bearer(token))
    .set('If-Match', `"${base}"`);
  if (key !== undefined) req.set('Idempotency-Key', key);
  return req.send(workbook);
}

/** Runs `count` tasks with at most `width` in flight at once, results in order. */
export async function pooled<T>(
  count: number,
  width: number,
  task: (i: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      results[i] = await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, count) }, worker));
  return results;
}

/** An app listening on 127.0.0.1 (an ephemeral port), for clients over real HTTP. */
export async function listen(app: Express): Promise<{
  url: string;
  close(): Promise<void>;
}> {
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** What a client got back. */
export interface Reply {
  status: number;
  headers: Headers;
  body: unknown;
}

/** A JSON push over HTTP with `fetch` (a client of its own, unlike supertest's in-process one). */
export async function pushOver(
  url: string,
  id: string,
  token: string,
  workbook: RawWorkbook,
  base: number,
  key?: string,
  signal?: AbortSignal,
): Promise<Reply> {
  const res = await fetch(`${url}/api/submissions/${id}/versions`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      'If-Match': `"${base}"`,
      ...(key !== undefined && { 'Idempotency-Key': key }),
    },
    body: JSON.stringify(workbook),
    ...(signal !== undefined && { signal }),
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

/** Issues another API token for a user (another client of the same person). */
export async function tokenFor(h: Harness, email: string, name: string): Promise<string> {
  const user = await h.test.repos.users.getByEmail('sample', email);
  if (user === null) throw new Error(`no user ${email}`);
  const issued = await h.test.repos.tokens.issue('sample', { userId: user.id, name }, null);
  if (!issued.ok) throw new Error(issued.reason);
  return issued.secret;
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The project's root folder (where `service/src/index.ts` is run from). */
export const REPO = path.join(__dirname, '..', '..');

/** A service process started by `startService`. */
export interface ServiceProcess {
  url: string;
  child: ChildProcess;
  /** What the process wrote to stderr so far. */
  stderr(): string;
}

/**
 * Starts the register as its own process (`node --import tsx service/src/index.ts`, as
 * `npm run dev` does) on 127.0.0.1 and a free port; resolves once `/health` answers (polled,
 * no fixed sleep). `preload` modules are imported before the service (crash.test.ts).
 */
export async function startService(
  env: NodeJS.ProcessEnv,
  options: { port?: number; preload?: string[] } = {},
): Promise<ServiceProcess> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const imports = ['tsx', ...(options.preload ?? [])].flatMap((m) => ['--import', m]);
  const child = spawn(process.execPath, [...imports, path.join('service', 'src', 'index.ts')], {
    cwd: REPO,
    env: { ...process.env, LOG_LEVEL: 'silent', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code, signal) =>
      reject(new Error(`the service exited (${code ?? signal}): ${stderr}`)),
    ),
  );
  exited.catch(() => undefined);
  for (;;) {
    const up = await Promise.race([
      fetch(`${url}/health`).then(
        (r) => r.ok,
        () => false,
      ),
      exited,
    ]);
    if (up) return { url, child, stderr: () => stderr };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Kills a service process with SIGKILL (no clean-up of any kind) and waits until it is gone. */
export async function killService(service: ServiceProcess): Promise<void> {
  const { child } = service;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await gone;
}
