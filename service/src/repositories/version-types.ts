/**
 * The records of immutable versions (what `versions.ts` stores and `version-cache.ts` keeps):
 * types only, so that the repositories' context, the cache and the version repository need
 * not import each other.
 */
import type { JsonObject, JsonValue } from '../db/canonical';

/** Stored tables of a version: table name → rows `{ ColumnKey: value }`. */
export type VersionTables = Readonly<Record<string, readonly JsonObject[]>>;

/** A version's plan in the canonical form, as stored: its form and its tables. */
export interface VersionPlan {
  /** `CANONICAL_FORM` of the core that wrote the tables. */
  form: number;
  tables: VersionTables;
}

/** An exact money total of a version (whole Rials). */
export interface VersionTotal {
  /** What is summed, e.g. `projects`, `activities`, `budget`. */
  measure: string;
  /** Jalali year. */
  year: number;
  amount: bigint;
}

/** A version without its rows and bytes. */
export interface VersionSummary {
  tenantId: string;
  submissionId: string;
  version: number;
  baseVersion: number;
  tablesSha256: string;
  xlsxSha256: string | null;
  /** The form of the stored plan rows; null: stored before plan rows were (derive from cells). */
  planForm: number | null;
  planSha256: string | null;
  createdById: string;
  createdAt: Date;
  totals: VersionTotal[];
}

/** A version with what was asked for. */
export interface VersionDetail extends VersionSummary {
  validation: JsonValue;
  /** The tables as pushed; present when asked for (`rows: true`). */
  tables?: Record<string, JsonObject[]>;
  /** The plan rows; present when asked for (`plan: true`), empty when `planForm` is null. */
  plan?: Record<string, JsonObject[]>;
  /** Present when asked for (`xlsx: true`); null when the version was pushed as JSON. */
  xlsx?: Uint8Array | null;
}
