/**
 * Agency sign-offs (docs/api.md, "Agency sign-offs"): an agency's representative reads the
 * strategies the agency partners in and its commitments, and signs the cycle's strategic
 * document — the snapshot signed now, the newest in council review or adopted
 * (`signableSnapshotOf`). A signature binds to that snapshot and to the SHA-256 of what the
 * agency signed (`signedText`); it is stale when the same agency's rows hash otherwise in the
 * snapshot signed now. The rules are the core's; here they meet the stored snapshots.
 */
import type {
  ApiAgencyView,
  ApiPublicSignoff,
  ApiSignature,
  ApiSignatureBody,
  ApiSignatureList,
  ApiSignedSnapshot,
  CanonicalTable,
} from '#core';
import {
  agencyRowsOf,
  agencySignedOf,
  canonicalRefIds,
  formatJalali,
  isSignatureStale,
  latestSignatures,
  signableSnapshotOf,
  signedText,
  snapshotLabel,
  tehranDayOf,
  term,
} from '#core';
import type { z } from 'zod';
import { assembleCityPlan } from '../consolidate';
import { sha256Hex } from '../db/canonical';
import type { Principal } from '../auth';
import { requireRole } from '../auth';
import type { CycleRecord, SignatureRecord, SnapshotRecord } from '../repositories';
import { apiError, notFound } from '../http/errors';
import type { AppDeps } from './context';

/** The body as parsed (the text defaulted). */
export type SignatureBody = z.output<typeof ApiSignatureBody>;

/** Tables of snapshots already assembled, by tenant, id and hash (a snapshot never changes). */
const assembled = new Map<string, Promise<CanonicalTable[]>>();
const KEEP = 8;

/** The canonical tables of a snapshot's city plan (kept once assembled). */
export async function snapshotTables(deps: AppDeps, s: SnapshotRecord): Promise<CanonicalTable[]> {
  const key = `${s.tenantId}/${s.id}/${s.sha256}`;
  let entry = assembled.get(key);
  if (entry === undefined) {
    const pinned = new Map(s.sources.map((x) => [x.submissionId, x.version]));
    entry = assembleCityPlan(deps, s.tenantId, s.cycleId, pinned).then((a) => a.tables);
    entry.catch(() => assembled.delete(key));
    while (assembled.size >= KEEP) assembled.delete(assembled.keys().next().value as string);
  } else assembled.delete(key);
  assembled.set(key, entry);
  return entry;
}

/** The SHA-256 of what `stakeholderId` signs of these tables. */
export function signedSha256Of(tables: readonly CanonicalTable[], stakeholderId: string): string {
  return sha256Hex(signedText(agencySignedOf(tables, stakeholderId)));
}

/** The agencies of a snapshot's `tblStakeholders` (Type `agency`), by id → name. */
function agenciesOf(tables: readonly CanonicalTable[]): Map<string, string> {
  const rows = tables.find((t) => t.name === 'tblStakeholders')?.rows ?? [];
  return new Map(
    rows
      .filter((r) => r.Type === 'agency')
      .map((r) => [String(r.StakeholderId ?? ''), String(r.Name ?? '')] as const),
  );
}

async function cycleOrThrow(deps: AppDeps, tenantId: string, cycleId: string) {
  const cycle = await deps.repos.cycles.get(tenantId, cycleId);
  if (cycle === null) throw notFound(term('cycle'));
  return cycle;
}

const signedSnapshot = (s: SnapshotRecord, cycle: CycleRecord): ApiSignedSnapshot => ({
  id: s.id,
  number: s.number,
  status: s.status,
  sha256: s.sha256,
  label: snapshotLabel(s.number, cycle.startYear, cycle.endYear),
});

/** The Jalali day an instant falls on in Tehran, `1405/01/15`. */
const jalaliDay = (at: Date) => formatJalali(tehranDayOf(at), 'en');

/** What every view of a cycle's signatures is measured against. */
interface CycleSignatures {
  cycle: CycleRecord;
  snapshots: Map<string, SnapshotRecord>;
  /** The snapshot signed now, and its tables. */
  current: { snapshot: SnapshotRecord; tables: CanonicalTable[] } | null;
  agencies: Map<string, string>;
  people: Map<string, string>;
}

async function cycleSignatures(
  deps: AppDeps,
  tenantId: string,
  cycleId: string,
  signatures: readonly SignatureRecord[] = [],
): Promise<CycleSignatures> {
  const cycle = await cycleOrThrow(deps, tenantId, cycleId);
  const all = await deps.repos.snapshots.list(tenantId, cycleId);
  const signable = signableSnapshotOf(all);
  const current =
    signable === null ? null : { snapshot: signable, tables: await snapshotTables(deps, signable) };
  const people = new Map<string, string>();
  for (const id of new Set(signatures.map((x) => x.userId)))
    people.set(id, (await deps.repos.users.get(tenantId, id))?.displayName ?? '');
  return {
    cycle,
    snapshots: new Map(all.map((s) => [s.id, s])),
    current,
    agencies: current === null ? new Map() : agenciesOf(current.tables),
    people,
  };
}

function toApiSignature(
  c: CycleSignatures,
  s: SignatureRecord,
  currentSha256: (stakeholderId: string) => string | null,
): ApiSignature {
  const snapshot = c.snapshots.get(s.snapshotId);
  if (snapshot === undefined) throw new Error(`signature ${s.id} of an unknown snapshot`);
  return {
    id: s.id,
    cycleId: s.cycleId,
    agency: { id: s.stakeholderId, name: c.agencies.get(s.stakeholderId) ?? s.stakeholderId },
    snapshot: signedSnapshot(snapshot, c.cycle),
    position: s.position,
    text: s.text,
    signedSha256: s.signedSha256,
    signedBy: { id: s.userId, displayName: c.people.get(s.userId) ?? '' },
    createdAt: s.createdAt.toISOString(),
    signedOn: jalaliDay(s.createdAt),
    stale: isSignatureStale(s.signedSha256, currentSha256(s.stakeholderId)),
  };
}

/** The current hash of each agency's rows, computed once per agency. */
function currentHashes(c: CycleSignatures): (stakeholderId: string) => string | null {
  const memo = new Map<string, string>();
  return (id) => {
    if (c.current === null) return null;
    let h = memo.get(id);
    if (h === undefined) memo.set(id, (h = signedSha256Of(c.current.tables, id)));
    return h;
  };
}

/** The agency a representative speaks for, or 403. */
function agencyOf(p: Principal): string {
  requireRole(p, 'agency');
  if (p.stakeholderId === null)
    throw apiError(
      'FORBIDDEN',
      'حساب شما به دستگاه اجرایی‌ای پیوند نخورده است.',
      'Your account is tied to no agency.',
    );
  return p.stakeholderId;
}

/** `GET /api/cycles/{cycleId}/agency`: what the signed-in representative's agency signs. */
export async function agencyView(
  deps: AppDeps,
  p: Principal,
  cycleId: string,
): Promise<ApiAgencyView> {
  const stakeholderId = agencyOf(p);
  await cycleOrThrow(deps, p.tenantId, cycleId);
  const mine = await deps.repos.signatures.list(p.tenantId, cycleId, stakeholderId);
  const c = await cycleSignatures(deps, p.tenantId, cycleId, mine);
  const hashes = currentHashes(c);
  const signed = c.current === null ? null : agencySignedOf(c.current.tables, stakeholderId);
  const rows =
    c.current === null || signed === null
      ? { strategies: [], commitments: [] }
      : agencyRowsOf(c.current.tables, signed);
  return {
    cycleId,
    agency: { id: stakeholderId, name: c.agencies.get(stakeholderId) ?? stakeholderId },
    snapshot: c.current === null ? null : signedSnapshot(c.current.snapshot, c.cycle),
    signedSha256: hashes(stakeholderId),
    ...rows,
    signatures: mine.map((s) => toApiSignature(c, s, hashes)).reverse(),
  };
}

/**
 * `POST /api/cycles/{cycleId}/signatures`: the representative signs the snapshot signed now,
 * which must be the one they read (`snapshotId`), else 409 with the one to read.
 */
export async function signDocument(
  deps: AppDeps,
  p: Principal,
  cycleId: string,
  body: SignatureBody,
): Promise<ApiSignature> {
  const stakeholderId = agencyOf(p);
  const c = await cycleSignatures(deps, p.tenantId, cycleId);
  c.people.set(p.userId, p.displayName);
  if (c.current === null)
    throw apiError(
      'INVALID_TRANSITION',
      'هنوز نسخه‌ای از برنامه شهر به شورا نرفته یا مصوب نشده است که امضا شود.',
      'No snapshot of the city plan is in council review or adopted yet: there is nothing to sign.',
    );
  if (c.current.snapshot.id !== body.snapshotId)
    throw apiError(
      'VERSION_CONFLICT',
      'نسخه‌ای که خواندید دیگر نسخه در دست امضا نیست؛ نسخه تازه را بخوانید و دوباره امضا کنید.',
      'The snapshot you read is no longer the one signed now; read the newer one and sign again.',
      { snapshot: signedSnapshot(c.current.snapshot, c.cycle) },
    );
  if (!c.agencies.has(stakeholderId))
    throw apiError(
      'FORBIDDEN',
      `دستگاه ${stakeholderId} در فهرست دستگاه‌های اجرایی این نسخه برنامه نیست.`,
      `The agency ${stakeholderId} is not among the agencies of this snapshot.`,
    );
  const made = await deps.repos.signatures.create(
    p.tenantId,
    {
      cycleId,
      snapshotId: c.current.snapshot.id,
      stakeholderId,
      position: body.position,
      text: body.text.trim(),
      signedSha256: signedSha256Of(c.current.tables, stakeholderId),
    },
    p.userId,
  );
  if (!made.ok) throw notFound(term('cycle'));
  return toApiSignature(c, made.signature, currentHashes(c));
}

/** `GET /api/cycles/{cycleId}/signatures`: every agency of the plan and its latest signature. */
export async function listSignatures(
  deps: AppDeps,
  p: Principal,
  cycleId: string,
): Promise<ApiSignatureList> {
  return signatureList(deps, p.tenantId, cycleId);
}

/** Every agency of a cycle's plan and its latest signature (the list, the consolidation). */
export async function signatureList(
  deps: AppDeps,
  tenantId: string,
  cycleId: string,
): Promise<ApiSignatureList> {
  await cycleOrThrow(deps, tenantId, cycleId);
  const all = await deps.repos.signatures.list(tenantId, cycleId);
  const latest = new Map(
    latestSignatures(
      all.map((s) => ({
        ...s,
        createdAt: s.createdAt.toISOString(),
        record: s,
      })),
    ).map((s) => [s.stakeholderId, s.record] as const),
  );
  const c = await cycleSignatures(deps, tenantId, cycleId, [...latest.values()]);
  const hashes = currentHashes(c);
  const ids = [...new Set([...c.agencies.keys(), ...latest.keys()])].sort();
  return {
    cycleId,
    snapshot: c.current === null ? null : signedSnapshot(c.current.snapshot, c.cycle),
    agencies: ids.map((id) => {
      const signed = c.current === null ? null : agencySignedOf(c.current.tables, id);
      const record = latest.get(id);
      return {
        agency: { id, name: c.agencies.get(id) ?? id },
        strategies: signed?.strategies.length ?? 0,
        commitments: signed?.commitments.length ?? 0,
        latest: record === undefined ? null : toApiSignature(c, record, hashes),
      };
    }),
  };
}

/**
 * The public side, for a published snapshot's strategies: each partner agency's latest
 * signature made on this snapshot or an earlier one of its cycle (later ones are of later
 * plans), stale when what it signed differs from this snapshot's rows. Organisations only.
 */
export async function publicSignoffs(
  deps: AppDeps,
  snapshot: SnapshotRecord,
  tables: readonly CanonicalTable[],
): Promise<Map<string, ApiPublicSignoff[]>> {
  const all = await deps.repos.snapshots.list(snapshot.tenantId, snapshot.cycleId);
  const numbers = new Map(all.map((s) => [s.id, s.number]));
  const upTo = (await deps.repos.signatures.list(snapshot.tenantId, snapshot.cycleId)).filter(
    (s) => (numbers.get(s.snapshotId) ?? Infinity) <= snapshot.number,
  );
  const agencies = agenciesOf(tables);
  const signoff = new Map<string, ApiPublicSignoff>();
  for (const s of latestSignatures(
    upTo.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), at: r.createdAt })),
  )) {
    signoff.set(s.stakeholderId, {
      agency: { id: s.stakeholderId, name: agencies.get(s.stakeholderId) ?? s.stakeholderId },
      position: s.position,
      text: s.text,
      signedOn: jalaliDay(s.at),
      snapshotNumber: numbers.get(s.snapshotId) ?? 0,
      stale: s.signedSha256 !== signedSha256Of(tables, s.stakeholderId),
    });
  }
  const byStrategy = new Map<string, ApiPublicSignoff[]>();
  for (const r of tables.find((t) => t.name === 'tblStrategies')?.rows ?? []) {
    const list = canonicalRefIds(r.PartnerIds).flatMap((id) => {
      const s = signoff.get(id);
      return s === undefined ? [] : [s];
    });
    if (list.length > 0) byStrategy.set(String(r.StrategyId ?? ''), list);
  }
  return byStrategy;
}
