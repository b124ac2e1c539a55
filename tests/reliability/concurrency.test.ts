/**
 * Issue items 1, 2 and 12: many clients push to one plan at the same moment.
 *
 * - 100 pushes, all on the same base version, from several clients (different tokens of the
 *   preparer and the admin) over real HTTP; on PostgreSQL through TWO service PROCESSES
 *   (`node service/src/index.ts`, as deployed, each with its own pool and memory) on one
 *   database, so no lock inside one process can be what keeps them apart (issue item 12):
 *   exactly one is stored (201), the 99 others get 409, the version rises by exactly one,
 *   and exactly one `version.create` audit entry is written.
 * - One `Idempotency-Key` sent 50 times at once, and again after the client gave up on a
 *   request (aborted it, as after a timeout): one version, one audit entry, the same body
 *   every time; the same key with a different body is refused (422).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DB_KINDS } from '../helpers/db';
import type { Harness } from '../service/api-harness';
import { openHarness, TENANT } from '../service/api-harness';
import type { Editable, Reply } from './helpers';
import type { ServiceProcess } from './helpers';
import {
  editable,
  killService,
  listen,
  pushOver,
  startService,
  tokenFor,
  variant,
} from './helpers';

/** The figures. */
const CONFLICTING = 100;
const SAME_KEY = 50;

/** Generous rate limit: these tests are about concurrency, not about the limiter. */
const config = { rateLimit: { windowMs: 60_000, max: 100_000 } };

describe.each(DB_KINDS)('concurrent pushes to one plan (%s)', (kind) => {
  let h: Harness;
  let plan: Editable;
  const servers: { url: string; close(): Promise<void> }[] = [];
  const processes: ServiceProcess[] = [];
  const root = mkdtempSync(path.join(os.tmpdir(), 'plan-concurrency-'));

  beforeAll(async () => {
    h = await openHarness(kind, config);
    plan = await editable(h);
    if (kind === 'pglite') {
      // PGlite is embedded: one process owns the database; clients reach it over HTTP.
      servers.push(await listen(h.app));
      return;
    }
    // Two service processes on the database the harness seeded.
    const env = {
      DATABASE_URL: h.test.scratch.url,
      PLAN_DATA_ROOT: root,
      PLAN_SEED: 'none',
      PLAN_RATE_MAX: String(config.rateLimit.max),
    };
    for (const started of await Promise.all([startService(env), startService(env)])) {
      processes.push(started);
      servers.push({ url: started.url, close: () => killService(started) });
    }
    expect(new Set(processes.map((p) => p.child.pid)).size).toBe(2);
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    await h.close();
    rmSync(root, { recursive: true, force: true });
  });

  const versionEvents = async () =>
    (await h.test.repos.audit.listForEntity(TENANT, 'submission', plan.id)).filter(
      (e) => e.action === 'version.create',
    );

  it('stores exactly one of 100 pushes on the same base; the others get 409', async () => {
    const clients = [
      h.tokens.preparer,
      h.tokens.admin,
      await tokenFor(h, `preparer.d-civ@${TENANT}.example`, 'laptop'),
      await tokenFor(h, `preparer.d-civ@${TENANT}.example`, 'desktop'),
    ];
    const before = await h.test.repos.submissions.get(TENANT, plan.id);
    const eventsBefore = (await versionEvents()).length;
    // Each push carries a different workbook (a different title), as different people would.
    const replies: Reply[] = await Promise.all(
      Array.from({ length: CONFLICTING }, (_, i) =>
        pushOver(
          servers[i % servers.length]!.url,
          plan.id,
          clients[i % clients.length]!,
          variant(plan.workbook, `conflict-${i}`),
          plan.version,
        ),
      ),
    );
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(CONFLICTING - 1);
    for (const r of replies.filter((x) => x.status === 409))
      expect((r.body as { code: string }).code).toBe('VERSION_CONFLICT');

    const after = await h.test.repos.submissions.get(TENANT, plan.id);
    expect(after?.currentVersion).toBe((before?.currentVersion ?? -1) + 1);
    expect(await h.test.repos.versions.listVersions(TENANT, plan.id)).toHaveLength(
      after?.currentVersion ?? -1,
    );
    const events = await versionEvents();
    expect(events).toHaveLength(eventsBefore + 1);
    expect((await h.test.repos.audit.verifyChain(TENANT)).ok).toBe(true);
    plan = { ...plan, version: after?.currentVersion ?? 0 };
  });

  it('answers 50 simultaneous retries and a retry after a timeout with one version', async () => {
    const key = `retry-${kind}-0001`;
    const body = variant(plan.workbook, 'idempotent');
    const before = await h.test.repos.submissions.get(TENANT, plan.id);
    const eventsBefore = (await versionEvents()).length;

    // A client that gave up: the request is aborted once the server has it (the body is
    // sent), so the server may or may not have stored it — the client cannot know.
    const gaveUp = new AbortController();
    const abandoned = pushOver(
      servers[0]!.url,
      plan.id,
      h.tokens.preparer,
      body,
      plan.version,
      key,
      gaveUp.signal,
    );
    gaveUp.abort();
    await expect(abandoned).rejects.toThrow();

    const replies = await Promise.all(
      Array.from({ length: SAME_KEY }, (_, i) =>
        pushOver(
          servers[i % servers.length]!.url,
          plan.id,
          h.tokens.preparer,
          body,
          plan.version,
          key,
        ),
      ),
    );
    const late = await pushOver(
      servers[0]!.url,
      plan.id,
      h.tokens.preparer,
      body,
      plan.version,
      key,
    );
    const all = [...replies, late];
    expect(all.map((r) => r.status)).toEqual(all.map(() => 201));
    const first = all[0]!.body;
    for (const r of all) expect(r.body).toEqual(first);
    expect((first as { version: number }).version).toBe((before?.currentVersion ?? -1) + 1);
    // At most one of the answers did the work (none, if the abandoned request did it).
    expect(
      all.filter((r) => r.headers.get('idempotent-replayed') !== 'true').length,
    ).toBeLessThanOrEqual(1);

    const after = await h.test.repos.submissions.get(TENANT, plan.id);
    expect(after?.currentVersion).toBe((before?.currentVersion ?? -1) + 1);
    expect(await versionEvents()).toHaveLength(eventsBefore + 1);

    const other = await pushOver(
      servers[0]!.url,
      plan.id,
      h.tokens.preparer,
      variant(plan.workbook, 'a different body'),
      plan.version,
      key,
    );
    expect(other.status).toBe(422);
    expect((other.body as { code: string }).code).toBe('IDEMPOTENCY_MISMATCH');
    expect((await h.test.repos.submissions.get(TENANT, plan.id))?.currentVersion).toBe(
      after?.currentVersion,
    );
  });
});
