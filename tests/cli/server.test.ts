/**
 * The `plan` commands that talk to a register server, run in process against a real HTTP
 * server (the test harness's app on 127.0.0.1, a free port) on both databases: the civil-works
 * preparer logs in, pulls its plan, pushes it with a mistake (findings, as validate shows
 * them), fixes it, meets a stale push (what changed), the reviewer and approver move it on,
 * and the council exports the city plan and opens it. `plan admin` is tried on a PGlite folder.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli/main';
import { credentialsPath } from '../../cli/remote';
import { openDatabase } from '../../service/src/db';
import { createRepositories } from '../../service/src/repositories';
import { hashToken } from '../../service/src/repositories/users';
import { readXlsx, writeRawWorkbook } from '../../io';
import { createScratchDatabase, DB_KINDS, seedMunicipality } from '../helpers/db';
import { projectColumn, withNewProject } from '../helpers/workbook';
import type { Harness } from '../service/api-harness';
import { openHarness, submissionOf } from '../service/api-harness';
import type { Run } from './helpers';
import { latinLeft } from '../helpers/persianText';

/** Runs `plan ...argv` in `cwd` with its own environment (credentials live under it). */
async function planIn(cwd: string, env: Record<string, string>, ...argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    cwd,
    env,
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

describe.each(DB_KINDS)('plan against a register server (%s)', (kind) => {
  let h: Harness;
  let server: Server;
  let url = '';
  let dir = '';
  let env: Record<string, string> = {};
  const plan = (...argv: string[]) => planIn(dir, env, ...argv);
  /** Another person's token for one command (PLAN_TOKEN overrides the stored one). */
  const as = (token: string, ...argv: string[]) =>
    planIn(dir, { ...env, PLAN_TOKEN: token }, ...argv);

  beforeAll(async () => {
    h = await openHarness(kind);
    server = h.app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dir = mkdtempSync(join(tmpdir(), 'plan-cli-server-'));
    env = { XDG_CONFIG_HOME: join(dir, 'config') };
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('logs in without echoing the token and keeps it readable by the user only', async () => {
    const refused = await plan(
      'login',
      '--server',
      url,
      '--token',
      'plan_sample_wrong',
      '--lang',
      'en',
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('UNAUTHENTICATED');
    expect(refused.stderr + refused.stdout).not.toContain('plan_sample_wrong');

    const ok = await plan(
      'login',
      '--server',
      url + '/',
      '--token',
      h.tokens.preparer,
      '--lang',
      'en',
    );
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('preparer.d-civ@sample.example');
    expect(ok.stdout + ok.stderr).not.toContain(h.tokens.preparer);
    const file = credentialsPath(env);
    expect(file).toBe(join(dir, 'config', 'plan-register', 'credentials.json'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      server: url,
      token: h.tokens.preparer,
    });
  });

  it('lists the cycles with their planning department, and creates one (approver, admin)', async () => {
    const list = await plan('cycles', '--json');
    expect(list.code).toBe(0);
    const framework = await submissionOf(h, 'D-PLN', 'framework');
    expect(JSON.parse(list.stdout).cycles).toEqual([
      expect.objectContaining({
        id: h.cycleId,
        planningDepartmentCode: 'D-PLN',
        frameworkSubmissionId: framework,
      }),
    ]);
    const text = await plan('cycles', '--lang', 'en');
    expect(text.stdout).toContain('planning department');
    expect(text.stdout).toContain('D-PLN');

    const args = ['cycles', 'create', '--start-year', '۱۴۱۰', '--title', 'برنامه دوم'];
    const missing = await as(h.tokens.approver, ...args, '--lang', 'en');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--planning-department');
    const withDept = [...args, '--planning-department', 'D-PLN', '--json'];
    // The preparer may not (403: exit 2); the approver may (201); a second time is 409 (exit 1).
    expect((await plan(...withDept)).code).toBe(2);
    const made = await as(h.tokens.approver, ...withDept);
    expect(made.code).toBe(0);
    expect(JSON.parse(made.stdout)).toMatchObject({
      startYear: 1410,
      endYear: 1414,
      planningDepartmentCode: 'D-PLN',
      frameworkSubmissionId: null,
    });
    const again = await as(h.tokens.approver, ...withDept);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('ALREADY_EXISTS');
    // Before its framework is filed, the planning department may be corrected.
    const id = JSON.parse(made.stdout).id as string;
    const moved = await as(
      h.tokens.admin,
      'cycles',
      'planning',
      id,
      '--planning-department',
      'D-FIN',
      '--json',
    );
    expect(moved.code).toBe(0);
    expect(JSON.parse(moved.stdout).planningDepartmentCode).toBe('D-FIN');
  });

  it('pushes, refuses, conflicts, moves through the workflow, pulls, diffs and exports', async () => {
    const id = await submissionOf(h, 'D-CIV');
    // The seeded plan is approved (frozen): the approver reopens it.
    const reopened = await as(h.tokens.approver, 'reopen', id, '--note', 'new projects', '--json');
    expect(reopened.code).toBe(0);
    expect(JSON.parse(reopened.stdout).submission.status).toBe('draft');

    const pulled = await plan('pull', id, '--out', 'v1.xlsx', '--json');
    expect(pulled.code).toBe(0);
    expect(JSON.parse(pulled.stdout)).toMatchObject({ version: 1, regenerated: true });
    const read = await readXlsx(new Uint8Array(readFileSync(join(dir, 'v1.xlsx'))));
    if (!read.ok) throw new Error(read.error.message.en);

    // A mistake: the new project names a program the city does not have. 422, nothing stored.
    writeFileSync(
      join(dir, 'wrong.xlsx'),
      await writeRawWorkbook(withNewProject(read.workbook, 'PRG-NOPE'), { lang: 'fa' }),
    );
    const wrong = await plan('push', 'wrong.xlsx', '--submission', id, '--base', '1', '--json');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('plan: ');
    const findings = JSON.parse(wrong.stdout).findings as Record<string, unknown>[];
    const error = findings.find((f) => f.severity === 'error');
    // The same keys as `plan validate --json` prints (docs/cli.md).
    expect(Object.keys(error ?? {})).toEqual([
      'severity',
      'code',
      'table',
      'sheet',
      'row',
      'column',
      'cell',
      'message',
    ]);
    expect(error).toMatchObject({ table: 'tblProjects', column: 'ProgramId' });
    const wrongText = await plan(
      'push',
      'wrong.xlsx',
      '--submission',
      id,
      '--base',
      '1',
      '--lang',
      'en',
    );
    expect(wrongText.code).toBe(1);
    expect(wrongText.stdout).toMatch(/error\s+\S+!\S+\s+\S+/);
    expect(wrongText.stdout).toMatch(/wrong\.xlsx: \d+ errors?, \d+ warnings?/);

    // Fixed, pushed by department and kind with an idempotency key: version 2.
    const fixedBytes = await writeRawWorkbook(withNewProject(read.workbook, null), { lang: 'fa' });
    writeFileSync(join(dir, 'fixed.xlsx'), fixedBytes);
    const push = () =>
      plan(
        'push',
        'fixed.xlsx',
        '--department',
        'D-CIV',
        '--kind',
        'department',
        '--base',
        '1',
        '--idempotency-key',
        'civ-1405-cli-push',
        '--json',
      );
    const pushed = await push();
    expect(pushed.code).toBe(0);
    expect(JSON.parse(pushed.stdout)).toMatchObject({ version: 2, replayed: false });
    // The same key again (a lost answer): the first result, not a third version.
    const again = await push();
    expect(JSON.parse(again.stdout)).toMatchObject({ version: 2, replayed: true });

    // A stale push from version 1: exit 1 and what changed since (the new project).
    const stale = await plan('push', 'v1.xlsx', '--submission', id, '--base', '1', '--lang', 'en');
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('Version 1 is not the current version');
    expect(stale.stdout).toContain('+ P-NEW');

    const status = await plan('status', id, '--json');
    expect(status.code).toBe(0);
    const s = JSON.parse(status.stdout);
    expect(s.submission).toMatchObject({ status: 'draft', currentVersion: 2 });
    expect(s.versions.map((v: { version: number }) => v.version).sort()).toEqual([1, 2]);
    expect((await plan('status', '--lang', 'en')).stdout).toContain(id);

    // Workflow: the preparer submits, the reviewer reviews, the preparer may not approve.
    expect((await plan('submit', id)).code).toBe(0);
    expect((await as(h.tokens.reviewer, 'review', id, '--note', 'checked')).code).toBe(0);
    const self = await plan('approve', id, '--lang', 'en');
    expect(self.code).toBe(2);
    expect(self.stderr).toContain('[FORBIDDEN, 403]');
    const approved = await as(h.tokens.approver, 'approve', id, '--note', 'ok', '--lang', 'en');
    expect(approved.code).toBe(0);
    expect(approved.stdout).toContain('approved (version 2)');
    const text = await plan('status', id, '--lang', 'en');
    expect(text.stdout).toContain('Status: approved');
    expect(text.stdout).toContain('checked');
    // In Persian: Jalali times on a Tehran clock, captions for steps and kinds, and no
    // English word or Latin digit outside IDs and the notes people typed.
    const fa = await plan('status', id);
    expect(fa.stdout).toMatch(/[۰-۹]{4}\/[۰-۹]{2}\/[۰-۹]{2} [۰-۹]{2}:[۰-۹]{2}/);
    expect(fa.stdout).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(latinLeft(fa.stdout, new Set(['checked', 'ok', 'new', 'projects']))).toEqual([]);
    // Who took each step, by name: the seeded reviewer reviewed and the approver approved.
    expect(fa.stdout).toMatch(/اعلام بازبینی.*کارشناس بازبینی برنامه.*checked/);
    expect(fa.stdout).toMatch(/تصویب .*معاون برنامه‌ریزی.*ok/);

    // The approved version as pushed: byte for byte the file that was sent.
    const original = await plan('pull', id, '--approved', '--original', '--out', 'approved.xlsx');
    expect(original.code).toBe(0);
    expect(readFileSync(join(dir, 'approved.xlsx')).equals(Buffer.from(fixedBytes))).toBe(true);
    const exists = await plan('pull', id, '--out', 'approved.xlsx', '--lang', 'en');
    expect(exists.code).toBe(2);
    expect(exists.stderr).toContain('--force');

    const diff = await plan('diff', id, '1', '2', '--json');
    expect(diff.code).toBe(0);
    // One row added (P-NEW), nothing else touched: withNewProject only appends.
    expect(JSON.parse(diff.stdout).summary).toMatchObject({ added: 1, removed: 0, changed: 0 });
    expect((await plan('diff', id, '1', 'approved', '--lang', 'en')).stdout).toContain('+ P-NEW');

    // The preparer may not export; the council may, and the file opens with the city totals.
    expect((await plan('export', '--cycle', h.cycleId, '--out', 'city.xlsx')).code).toBe(2);
    const exported = await as(
      h.tokens.council,
      'export',
      '--cycle',
      h.cycleId,
      '--out',
      'city.xlsx',
    );
    expect(exported.code).toBe(0);
    const city = await readXlsx(new Uint8Array(readFileSync(join(dir, 'city.xlsx'))));
    if (!city.ok) throw new Error(city.error.message.en);
    expect(city.workbook.tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['tblCityTotals', 'tblProjects']),
    );
    const projects = city.workbook.tables.find((t) => t.name === 'tblProjects');
    const idCol = projects ? projectColumn(projects, 'ProjectId') : -1;
    expect(projects?.rows.some((r) => r[idCol] === 'P-NEW')).toBe(true);
  });

  it('says what to do without credentials, and when the server is down', async () => {
    const none = await planIn(
      dir,
      { XDG_CONFIG_HOME: join(dir, 'empty') },
      'status',
      '--lang',
      'en',
    );
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('plan login');
    const down = await planIn(
      dir,
      { ...env, PLAN_SERVER: 'http://127.0.0.1:1' },
      'status',
      '--lang',
      'en',
    );
    expect(down.code).toBe(2);
    expect(down.stderr).toContain('cannot be reached');
  });
});

describe('plan admin on the database itself', () => {
  it('creates a user, issues a token that authenticates, lists and revokes it', async () => {
    const scratch = await createScratchDatabase('pglite', { persistent: true });
    const dataDir = scratch.options.dataDir ?? '';
    try {
      const db = await openDatabase({ dataDir });
      await seedMunicipality(createRepositories(db.prisma), 'kashan');
      await db.close();
      const dir = mkdtempSync(join(tmpdir(), 'plan-cli-admin-'));
      const admin = (...argv: string[]) =>
        planIn(dir, {}, 'admin', ...argv, '--tenant', 'kashan', '--data-dir', dataDir, '--json');

      const user = await admin('user-create', '--email', 'ops@kashan', '--roles', 'admin,council');
      expect(user.code).toBe(0);
      expect(JSON.parse(user.stdout).roles).toEqual(['council', 'admin']);
      expect((await admin('user-create', '--email', 'x@kashan', '--roles', 'king')).code).toBe(2);
      expect((await admin('user-create', '--email', 'ops@kashan', '--roles', 'admin')).code).toBe(
        1,
      );

      const issued = await admin('token-issue', '--email', 'ops@kashan', '--name', 'laptop');
      expect(issued.code).toBe(0);
      const { id, token } = JSON.parse(issued.stdout) as { id: string; token: string };
      expect(token.startsWith('plan_kashan_')).toBe(true);

      const check = async () => {
        const open = await openDatabase({ dataDir });
        try {
          return await createRepositories(open.prisma).tokens.authenticate(
            'kashan',
            hashToken(token),
          );
        } finally {
          await open.close();
        }
      };
      expect((await check()).ok).toBe(true);
      const listed = await admin('tokens', '--email', 'ops@kashan');
      expect(listed.stdout).not.toContain(token);
      expect(JSON.parse(listed.stdout)).toEqual([
        expect.objectContaining({ id, name: 'laptop', revoked: false }),
      ]);
      expect((await admin('token-revoke', '--id', id)).code).toBe(0);
      expect(await check()).toEqual({ ok: false, reason: 'revoked' });
      rmSync(dir, { recursive: true, force: true });
    } finally {
      await scratch.drop();
    }
  });
});
