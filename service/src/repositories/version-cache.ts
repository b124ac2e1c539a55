/**
 * The cache of immutable versions, shared by every repository built over one database
 * (`RepositoryContext.versionCache`).
 */
import { LRUCache } from 'lru-cache';
import type { VersionDetail, VersionSummary } from './version-types';

/**
 * Versions are immutable once committed (`versions.ts` has no path that updates them), so what was
 * read of one can be kept and served again in any process, with no invalidation: the cache
 * of a version's summary, validation report and rows, and of each submission's version list
 * up to the latest version seen. Bounded by an estimate of the bytes kept (`maxBytes`), least
 * recently used out first. The hot read routes (`GET …/versions`, `GET …/versions/latest`)
 * then cost the submission's row and nothing more (bench/push.bench.ts).
 */
export class VersionCache {
  private readonly details: LRUCache<string, VersionDetail>;
  private readonly lists: LRUCache<string, readonly VersionSummary[]>;

  constructor(maxBytes: number) {
    this.details = new LRUCache({
      maxSize: Math.max(1, Math.floor(maxBytes * 0.9)),
      sizeCalculation: (detail) => approxBytes(detail),
    });
    this.lists = new LRUCache({
      maxSize: Math.max(1, Math.floor(maxBytes * 0.1)),
      sizeCalculation: (list) => 256 + list.length * 512,
    });
  }

  detail(key: string): VersionDetail | undefined {
    return this.details.get(key);
  }

  keepDetail(key: string, detail: VersionDetail): VersionDetail {
    deepFreeze(detail);
    this.details.set(key, detail);
    return detail;
  }

  list(key: string): readonly VersionSummary[] | undefined {
    return this.lists.get(key);
  }

  keepList(key: string, list: VersionSummary[]): readonly VersionSummary[] {
    deepFreeze(list);
    this.lists.set(key, list);
    return list;
  }
}

/** Default bound of the version cache: 64 MiB (configurable: `PLAN_VERSION_CACHE_MB`). */
export const DEFAULT_VERSION_CACHE_BYTES = 64 * 1_048_576;

/** A rough size in bytes of what a version holds (UTF-16 text of its JSON, plus overhead). */
function approxBytes(detail: VersionDetail): number {
  let chars = JSON.stringify(detail.validation ?? null).length;
  for (const rows of [...Object.values(detail.tables ?? {}), ...Object.values(detail.plan ?? {})])
    for (const row of rows) chars += JSON.stringify(row).length;
  return 1024 + 2 * chars;
}

/** Freezes a cached value all the way down, so a caller that changes it fails loudly. */
function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  if (value instanceof Date) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}
