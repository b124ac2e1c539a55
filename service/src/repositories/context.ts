/**
 * What every repository is built from: the Prisma client and the clock. The clock is a
 * parameter so tests can pin times (audit entries hash their timestamp). Types only: the
 * repositories import this file, and it imports none of them.
 */
import type { AuditHeadStore } from './audit-head';
import type { Db } from './client';
import type { VersionCache } from './version-cache';
import type { SqlReader } from '../db/sql';

/** The shared dependencies of the repositories. */
export interface RepositoryContext {
  prisma: Db;
  /** The current time; `new Date()` unless a test pins it. */
  now: () => Date;
  /** What runs the hot reads of `db/sql.ts`. */
  reader: SqlReader;
  /** Cache of immutable versions; none when absent. */
  versionCache?: VersionCache;
  /** Where each committed head of the audit chains is anchored; none when absent. */
  auditHead?: AuditHeadStore;
}
