/**
 * What every repository is built from: the Prisma client and the clock. The clock is a
 * parameter so tests can pin times (audit entries hash their timestamp).
 */
import type { AuditInput } from './audit';
import { appendAudit } from './audit';
import type { Db, Tx } from './client';
import { TX_OPTIONS } from './client';
import type { VersionCache } from './versions';
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
}

/**
 * Runs `work` in one interactive transaction and appends its audit entry as the transaction's
 * last statement (see `appendAudit`). `work` returns the audit entry to append, or null when
 * it changed nothing (e.g. a conditional update that matched no row).
 */
export async function writeAudited<T>(
  ctx: RepositoryContext,
  tenantId: string,
  work: (tx: Tx, at: Date) => Promise<{ value: T; audit: AuditInput | null }>,
): Promise<T> {
  return ctx.prisma.$transaction(async (tx) => {
    const at = ctx.now();
    const { value, audit } = await work(tx, at);
    if (audit !== null) await appendAudit(tx, tenantId, audit, at);
    return value;
  }, TX_OPTIONS);
}
