/**
 * Agency sign-offs (issue 15, "Agencies"): an executive agency's representative signs the
 * city's strategic document per cycle — agrees, agrees with reservations, or disagrees. The
 * vocabulary, what an agency signs (its strategies and commitments in a snapshot's tables),
 * which snapshot is signed, and when a signature is stale, in one place; the register stores
 * and hashes (SHA-256 of `signedText`), the web shows.
 */
import type { Bilingual } from '../findings';
import type { CanonicalRow, CanonicalTable } from '../read/canonical';
import { canonicalRefIds } from '../read/canonical';
import { canonicalJson } from '../util/json';
import type { SnapshotStatus } from './snapshots';

/** An agency's position on the strategic document. */
export const SIGNATURE_POSITIONS = ['agree', 'agree-with-reservations', 'disagree'] as const;
export type SignaturePosition = (typeof SIGNATURE_POSITIONS)[number];

/** Captions of the positions. */
export const SIGNATURE_POSITION_CAPTIONS: Readonly<Record<SignaturePosition, Bilingual>> = {
  agree: { fa: 'موافق', en: 'Agrees' },
  'agree-with-reservations': { fa: 'موافق با ملاحظات', en: 'Agrees with reservations' },
  disagree: { fa: 'مخالف', en: 'Disagrees' },
};

/**
 * What the text of a signature is for each position (a label for the field), and whether it
 * is required: reservations must be written, and so must the reason of a disagreement.
 */
export const SIGNATURE_TEXT_RULES: Readonly<
  Record<SignaturePosition, { required: boolean; label: Bilingual }>
> = {
  agree: { required: false, label: { fa: 'توضیح (دلخواه)', en: 'Note (optional)' } },
  'agree-with-reservations': {
    required: true,
    label: { fa: 'ملاحظات دستگاه', en: 'The agency’s reservations' },
  },
  disagree: { required: true, label: { fa: 'دلیل مخالفت', en: 'Why the agency disagrees' } },
};

/** Where an agency's sign-off stands, for lists and badges: current, stale (sign again), none. */
export const SIGNOFF_STATE_CAPTIONS = {
  current: { fa: 'به‌روز', en: 'Current' },
  stale: { fa: 'کهنه', en: 'Stale' },
  unsigned: { fa: 'امضا نشده', en: 'Not signed' },
} as const satisfies Record<string, Bilingual>;

/** What a stale sign-off means, where there is room to say it (the council's document). */
export const SIGNOFF_STALE_EXPLAINED: Bilingual = {
  fa: 'کهنه: بازنگری، آنچه امضا شده را تغییر داده است',
  en: 'Stale: a revision changed what was signed',
};

/** The longest signature text kept (a page of reservations). */
export const SIGNATURE_TEXT_MAX = 4000;

/** Whether a position needs its text (and it is missing): the refusal's message, else null. */
export function signatureTextProblem(position: SignaturePosition, text: string): Bilingual | null {
  const rule = SIGNATURE_TEXT_RULES[position];
  if (!rule.required || text.trim() !== '') return null;
  return position === 'disagree'
    ? { fa: 'دلیل مخالفت را بنویسید.', en: 'Write why the agency disagrees.' }
    : { fa: 'ملاحظات دستگاه را بنویسید.', en: 'Write the agency’s reservations.' };
}

/**
 * The snapshot statuses an agency signs: the document before the council (in its review) or
 * as the council adopted it. A snapshot only `made` is not yet put forward; a `returned` one
 * is set aside.
 */
export const SIGNABLE_SNAPSHOT_STATUSES: readonly SnapshotStatus[] = ['council-review', 'adopted'];

/**
 * The snapshot of a cycle that agencies sign now, and that signatures are measured against:
 * the newest (by number) in council review or adopted; null when there is none.
 */
export function signableSnapshotOf<S extends { number: number; status: SnapshotStatus }>(
  snapshots: readonly S[],
): S | null {
  return (
    [...snapshots]
      .sort((a, b) => a.number - b.number)
      .filter((s) => SIGNABLE_SNAPSHOT_STATUSES.includes(s.status))
      .at(-1) ?? null
  );
}

/** What an agency signs: its strategies' and its commitments' rows, as the snapshot holds them. */
export interface AgencySigned {
  stakeholderId: string;
  /** `tblStrategies` rows whose `PartnerIds` name the agency, by `StrategyId`. */
  strategies: CanonicalRow[];
  /** `tblCommitments` rows whose `StakeholderId` is the agency, by `CommitmentId`. */
  commitments: CanonicalRow[];
}

const rowsOf = (tables: readonly CanonicalTable[], name: string) =>
  tables.find((t) => t.name === name)?.rows ?? [];

const byId = (key: string) => (a: CanonicalRow, b: CanonicalRow) => {
  const [x, y] = [String(a[key] ?? ''), String(b[key] ?? '')];
  return x < y ? -1 : x > y ? 1 : 0;
};

/** What an agency signs of a snapshot's canonical tables (the consolidated city plan). */
export function agencySignedOf(
  tables: readonly CanonicalTable[],
  stakeholderId: string,
): AgencySigned {
  return {
    stakeholderId,
    strategies: rowsOf(tables, 'tblStrategies')
      .filter((r) => canonicalRefIds(r.PartnerIds).includes(stakeholderId))
      .map((r) => ({ ...r }))
      .sort(byId('StrategyId')),
    commitments: rowsOf(tables, 'tblCommitments')
      .filter((r) => String(r.StakeholderId ?? '') === stakeholderId)
      .map((r) => ({ ...r }))
      .sort(byId('CommitmentId')),
  };
}

/**
 * The text whose SHA-256 is a signature's `signedSha256`: canonical JSON of what was signed
 * (object keys sorted, rows by their IDs), so the same rows give the same hash whatever order
 * a workbook held them in.
 */
export function signedText(signed: AgencySigned): string {
  return canonicalJson({
    stakeholderId: signed.stakeholderId,
    strategies: signed.strategies,
    commitments: signed.commitments,
  });
}

/**
 * A signature is stale when what its agency signed has changed since: the hash of the same
 * agency's rows in the snapshot signed now (`signableSnapshotOf`) is another. A signature of
 * an older snapshot whose agency's rows did not change stays current.
 */
export function isSignatureStale(signedSha256: string, currentSha256: string | null): boolean {
  return currentSha256 !== null && signedSha256 !== currentSha256;
}

/** One signature, for `latestSignatures`. */
export interface SignatureLike {
  stakeholderId: string;
  createdAt: string;
}

/** Every agency's latest signature (signing again supersedes; the history is kept). */
export function latestSignatures<S extends SignatureLike>(signatures: readonly S[]): S[] {
  const latest = new Map<string, S>();
  for (const s of signatures) {
    const seen = latest.get(s.stakeholderId);
    if (seen === undefined || s.createdAt > seen.createdAt) latest.set(s.stakeholderId, s);
  }
  return [...latest.values()].sort((a, b) =>
    a.stakeholderId < b.stakeholderId ? -1 : a.stakeholderId > b.stakeholderId ? 1 : 0,
  );
}
