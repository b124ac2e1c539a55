/**
 * `plan admin verify` for snapshots: the `city_snapshot` and `city_snapshot_source` rows
 * against the chain's `snapshot.*` entries (snapshots.ts writes them), both ways. The entries
 * are replayed here from the chain (whose hashes `verify` checks first) into the state they
 * describe: each snapshot's cycle, number, trigger, hash and author as made; its status, the
 * time it last moved, its return note, resolution and vote, adoption and publication times;
 * and its sources with their hashes. Registered in `VERIFIED_TABLES` (verify.ts).
 */
import type { JsonObject, JsonValue } from '../db/canonical';
import type { Db } from './client';
import { fromDbJson } from './json';

/**
 * What the check is given (a part of verify.ts's `SnapshotCheckContext`, named here so that this
 * module does not import verify.ts, which imports it).
 */
export interface SnapshotCheckContext {
  prisma: Db;
  tenantId: string;
  problem(problem: {
    table: string;
    row: string;
    reason: 'not-audited' | 'missing' | 'state-mismatch';
    columns?: string[];
  }): void;
}

interface DescribedSnapshot {
  at: Date;
  actorId: string | null;
  cycleId: unknown;
  number: unknown;
  trigger: unknown;
  sha256: unknown;
  status: string;
  statusChangedAt: Date | null;
  returnNote: unknown;
  resolution: JsonObject | null;
  adoptedAt: Date | null;
  publishedAt: Date | null;
  sources: Map<string, JsonObject>;
}

const isObject = (v: JsonValue | undefined): v is JsonObject =>
  v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v);

/** The snapshots the chain describes, by id. */
async function describedSnapshots(
  c: SnapshotCheckContext,
): Promise<Map<string, DescribedSnapshot>> {
  const entries = await c.prisma.auditEntry.findMany({
    where: { tenantId: c.tenantId, entity: 'city_snapshot' },
    orderBy: { seq: 'asc' },
  });
  const out = new Map<string, DescribedSnapshot>();
  for (const e of entries) {
    const raw = fromDbJson(e.data as never);
    const data: JsonObject = isObject(raw) ? raw : {};
    const id = e.entityId;
    if (e.action === 'snapshot.create') {
      const sources = new Map<string, JsonObject>();
      if (Array.isArray(data.sources))
        for (const s of data.sources)
          if (isObject(s) && typeof s.submissionId === 'string') sources.set(s.submissionId, s);
      out.set(id, {
        at: e.at,
        actorId: e.actorId,
        cycleId: data.cycleId,
        number: data.number,
        trigger: data.trigger,
        sha256: data.sha256,
        status: 'made',
        statusChangedAt: null,
        returnNote: null,
        resolution: null,
        adoptedAt: null,
        publishedAt: null,
        sources,
      });
      continue;
    }
    const s = out.get(id);
    if (s === undefined) continue;
    if (e.action === 'snapshot.publish') {
      s.publishedAt = e.at;
      continue;
    }
    if (typeof data.to === 'string') s.status = data.to;
    s.statusChangedAt = e.at;
    if (e.action === 'snapshot.return') s.returnNote = data.note ?? null;
    if (e.action === 'snapshot.adopt') {
      s.resolution = isObject(data.resolution) ? data.resolution : null;
      s.adoptedAt = e.at;
    }
  }
  return out;
}

const ms = (d: Date | null) => (d === null ? null : d.getTime());

function differing(pairs: [string, unknown, unknown][]): string[] {
  return pairs.filter(([, stored, described]) => stored !== described).map(([c]) => c);
}

/** `city_snapshot` and its sources against the chain. */
export async function checkSnapshots(c: SnapshotCheckContext): Promise<void> {
  const described = await describedSnapshots(c);
  const rows = await c.prisma.citySnapshot.findMany({
    where: { tenantId: c.tenantId },
    include: { sources: true },
  });
  const seen = new Set<string>();
  for (const r of rows) {
    seen.add(r.id);
    const d = described.get(r.id);
    if (d === undefined) {
      c.problem({ table: 'city_snapshot', row: `city_snapshot ${r.id}`, reason: 'not-audited' });
      for (const s of r.sources)
        c.problem({
          table: 'city_snapshot_source',
          row: `city_snapshot ${r.id} submission ${s.submissionId}`,
          reason: 'not-audited',
        });
      continue;
    }
    const res = d.resolution;
    const changed = differing([
      ['cycle_id', r.cycleId, d.cycleId],
      ['number', r.number, d.number],
      ['trigger', r.trigger, d.trigger],
      ['sha256', r.sha256, d.sha256],
      ['created_by_id', r.createdById, d.actorId],
      ['created_at', r.createdAt.getTime(), d.at.getTime()],
      ['status', r.status, d.status],
      ['status_changed_at', ms(r.statusChangedAt), ms(d.statusChangedAt)],
      ['return_note', r.returnNote, d.returnNote],
      ['resolution_number', r.resolutionNumber, res?.resolutionNumber ?? null],
      ['resolution_date', r.resolutionDate, res?.resolutionDate ?? null],
      ['votes_for', r.votesFor, res?.votesFor ?? null],
      ['votes_against', r.votesAgainst, res?.votesAgainst ?? null],
      ['votes_abstaining', r.votesAbstaining, res?.votesAbstaining ?? null],
      ['adopted_at', ms(r.adoptedAt), ms(d.adoptedAt)],
      ['published_at', ms(r.publishedAt), ms(d.publishedAt)],
    ]);
    if (changed.length > 0)
      c.problem({
        table: 'city_snapshot',
        row: `city_snapshot ${r.id}`,
        reason: 'state-mismatch',
        columns: changed,
      });
    const sourceSeen = new Set<string>();
    for (const s of r.sources) {
      sourceSeen.add(s.submissionId);
      const row = `city_snapshot ${r.id} submission ${s.submissionId}`;
      const ds = d.sources.get(s.submissionId);
      if (ds === undefined) {
        c.problem({ table: 'city_snapshot_source', row, reason: 'not-audited' });
        continue;
      }
      const cols = differing([
        ['version', s.version, ds.version],
        ['department_code', s.departmentCode, ds.departmentCode],
        ['kind', s.kind, ds.kind],
        ['tables_sha256', s.tablesSha256, ds.tablesSha256],
      ]);
      if (cols.length > 0)
        c.problem({ table: 'city_snapshot_source', row, reason: 'state-mismatch', columns: cols });
    }
    for (const sub of d.sources.keys())
      if (!sourceSeen.has(sub))
        c.problem({
          table: 'city_snapshot_source',
          row: `city_snapshot ${r.id} submission ${sub}`,
          reason: 'missing',
        });
  }
  for (const id of described.keys())
    if (!seen.has(id))
      c.problem({ table: 'city_snapshot', row: `city_snapshot ${id}`, reason: 'missing' });
}

/** How verify covers `city_snapshot_source`. */
export const SNAPSHOT_SOURCES_COVERED_BY =
  'city_snapshot: the sources and their hashes in its snapshot.create entry, checked row by row with it';

interface DescribedAmendment {
  at: Date;
  actorId: string | null;
  snapshotId: string;
  amendment: JsonObject;
  appliedAt: Date | null;
  appliedById: string | null;
  appliedInSnapshotId: unknown;
}

/**
 * `council_amendment` against the chain: each amendment as its snapshot's `snapshot.return`
 * recorded it (seq, kind, item, year, amount, text, author, time) and its `amendment.apply`
 * (the snapshot it landed in, who linked it, when), both ways.
 */
export async function checkAmendments(c: SnapshotCheckContext): Promise<void> {
  const entries = await c.prisma.auditEntry.findMany({
    where: {
      tenantId: c.tenantId,
      OR: [{ entity: 'city_snapshot', action: 'snapshot.return' }, { entity: 'council_amendment' }],
    },
    orderBy: { seq: 'asc' },
  });
  const described = new Map<string, DescribedAmendment>();
  for (const e of entries) {
    const raw = fromDbJson(e.data as never);
    const data: JsonObject = isObject(raw) ? raw : {};
    if (e.action === 'snapshot.return') {
      if (Array.isArray(data.amendments))
        for (const a of data.amendments)
          if (isObject(a) && typeof a.amendmentId === 'string')
            described.set(a.amendmentId, {
              at: e.at,
              actorId: e.actorId,
              snapshotId: e.entityId,
              amendment: a,
              appliedAt: null,
              appliedById: null,
              appliedInSnapshotId: null,
            });
      continue;
    }
    const d = described.get(e.entityId);
    if (e.action === 'amendment.apply' && d !== undefined) {
      d.appliedAt = e.at;
      d.appliedById = e.actorId;
      d.appliedInSnapshotId = data.appliedInSnapshotId ?? null;
    }
  }
  const rows = await c.prisma.councilAmendment.findMany({ where: { tenantId: c.tenantId } });
  const seen = new Set<string>();
  for (const r of rows) {
    seen.add(r.id);
    const row = `council_amendment ${r.id}`;
    const d = described.get(r.id);
    if (d === undefined) {
      c.problem({ table: 'council_amendment', row, reason: 'not-audited' });
      continue;
    }
    const a = d.amendment;
    const changed = differing([
      ['snapshot_id', r.snapshotId, d.snapshotId],
      ['seq', r.seq, a.seq],
      ['kind', r.kind, a.kind],
      ['item_table', r.itemTable, a.itemTable],
      ['item_id', r.itemId, a.itemId],
      ['year', r.year, a.year ?? null],
      ['amount', r.amount?.toString() ?? null, a.amount ?? null],
      ['text', r.text, a.text ?? null],
      ['created_by_id', r.createdById, d.actorId],
      ['created_at', r.createdAt.getTime(), d.at.getTime()],
      ['status', r.status, d.appliedAt === null ? 'open' : 'applied'],
      ['applied_in_snapshot_id', r.appliedInSnapshotId, d.appliedInSnapshotId],
      ['applied_by_id', r.appliedById, d.appliedById],
      ['applied_at', ms(r.appliedAt), ms(d.appliedAt)],
    ]);
    if (changed.length > 0)
      c.problem({ table: 'council_amendment', row, reason: 'state-mismatch', columns: changed });
  }
  for (const id of described.keys())
    if (!seen.has(id))
      c.problem({ table: 'council_amendment', row: `council_amendment ${id}`, reason: 'missing' });
}
