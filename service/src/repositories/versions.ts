/**
 * Immutable versions of a submission.
 *
 * `createVersion` writes everything of a push in ONE transaction: the submission's version
 * bump (conditional on the version the client pushed on: optimistic concurrency), the version
 * with its hashes, the `.xlsx` bytes and the validation report, its table rows as pushed, its
 * plan rows (the canonical form the register computes from), its exact money totals, the
 * idempotency record, and the audit entry. A crash or an error anywhere
 * leaves the previous version current and nothing of the new one stored.
 *
 * Versions are never updated or deleted: this module has no path that would.
 */
import type { JsonObject, JsonValue } from '../db/canonical';
import { canonicalJson, sha256Hex } from '../db/canonical';
import type { VersionRowsInput } from '../db/sql';
import { insertVersionRows, VERSION_PLAN_ROWS_SQL } from '../db/sql';
import type { Tx, Prisma } from './client';
import { isUniqueViolation, TX_OPTIONS } from './client';
import type { RepositoryContext } from './context';
import { anchorHead, appendAudit } from './audit';
import type { IdempotencyCheck } from './idempotency';
import { findIdempotency, insertIdempotency, judgeIdempotency } from './idempotency';
import { fromDbJson, toDbJson } from './json';
import { emptyRecord } from '#core';
import type { SubmissionRecord, SubmissionStatus } from './submissions';
import { EDITABLE_STATUSES, fromDbSubmission, statusOf } from './submissions';
import type {
  VersionDetail,
  VersionPlan,
  VersionSummary,
  VersionTables,
  VersionTotal,
} from './version-types';

export type { VersionDetail, VersionPlan, VersionSummary, VersionTables, VersionTotal };
export { DEFAULT_VERSION_CACHE_BYTES, VersionCache } from './version-cache';

/** A push. */
export interface CreateVersionInput {
  submissionId: string;
  /** The version the client pushed on (its current version when it pulled; 0 for the first). */
  baseVersion: number;
  /** The workbook's tables as pushed. */
  tables: VersionTables;
  /** The plan in the canonical form; omitted only by tests of storage alone. */
  plan?: VersionPlan;
  /** The original workbook file; omit or null when pushed as JSON tables. */
  xlsx?: Uint8Array | null;
  /** The validation report (findings) as JSON. */
  validation: JsonValue;
  totals?: readonly VersionTotal[];
  actorId: string;
  idempotency?: {
    key: string;
    /** Hex SHA-256 of the request (method, path, body), computed by the API. */
    requestHash: string;
    /**
     * The response to store for replays, built from the created version. Runs inside the
     * transaction: if it throws, nothing of the push is stored.
     */
    response?: (created: VersionSummary) => JsonValue;
  };
}

/** Outcome of a push. */
export type CreateVersionResult =
  | { kind: 'created'; version: VersionSummary; submission: SubmissionRecord }
  /** Someone pushed first: `baseVersion` is not current any more. */
  | { kind: 'conflict'; currentVersion: number }
  /** The submission is under review or approved (see `EDITABLE_STATUSES`). */
  | { kind: 'not-editable'; status: SubmissionStatus }
  | { kind: 'not-found' }
  /** The same request was carried out before: answer with its stored response. */
  | { kind: 'replay'; storedResponse: JsonValue }
  /** The idempotency key was used before for a different request. */
  | { kind: 'idempotency-mismatch' };

/** One row of a table of a submission's current version. */
export interface CurrentRow {
  submissionId: string;
  departmentId: string;
  version: number;
  rowIndex: number;
  data: JsonObject;
}

/** Versions of submissions. */
export interface VersionRepository {
  /** Stores a push, all or nothing (see the module comment). */
  createVersion(tenantId: string, input: CreateVersionInput): Promise<CreateVersionResult>;
  /**
   * A version; its rows as pushed (`rows`), its plan rows (`plan`) and its bytes (`xlsx`)
   * only when asked for. Without `xlsx`, the answer may come from the cache of immutable
   * versions (`VersionCache`) and is frozen: do not change it. With `xlsx` it is always read
   * from the database (what `plan admin verify` needs).
   */
  getVersion(
    tenantId: string,
    submissionId: string,
    version: number,
    options?: { rows?: boolean; plan?: boolean; xlsx?: boolean },
  ): Promise<VersionDetail | null>;
  /**
   * Many versions of a tenant with their plan rows (`getVersion(…, { plan: true })` of each),
   * keyed `submissionId/version`, a version that does not exist left out: what the cache holds
   * answered from it, the others read with two statements in all (their summaries, then
   * every plan row of them), not two per version. The consolidation reads a city's approved
   * versions this way.
   */
  getPlans(
    tenantId: string,
    versions: readonly { submissionId: string; version: number }[],
  ): Promise<Map<string, VersionDetail>>;
  /**
   * The versions of a submission, oldest first, without rows and bytes. `current`, the
   * submission's current version as the caller just read it, lets a cached list answer
   * without a query when it already holds versions 1…current.
   */
  listVersions(
    tenantId: string,
    submissionId: string,
    current?: number,
  ): Promise<readonly VersionSummary[]>;
  /**
   * The rows of one table in the current versions of a cycle's submissions: as pushed
   * (`form: 'cells'`, the default), or their plan rows (`'plan'`: what figures across
   * departments must be computed from; versions stored before plan rows have none).
   */
  currentRows(
    tenantId: string,
    query: {
      cycleId: string;
      tableName: string;
      statuses?: readonly SubmissionStatus[];
      form?: 'cells' | 'plan';
    },
  ): Promise<CurrentRow[]>;
}

/** SHA-256 of a version's tables: the hash of their canonical JSON. */
export function tablesSha256(tables: VersionTables): string {
  return sha256Hex(canonicalJson(tables));
}

/** Totals in `measure`, then `year` order: how versions hold them. */
const byMeasureYear = (a: VersionTotal, b: VersionTotal) =>
  a.measure === b.measure ? a.year - b.year : a.measure < b.measure ? -1 : 1;

/**
 * SHA-256 of a version's money totals and of its validation report (canonical JSON, totals
 * in `measure`, `year` order with amounts as decimal strings): recorded in the version's
 * audit entry so that `plan admin verify` can tell if either was changed.
 */
export function versionReportHashes(version: {
  totals: readonly VersionTotal[];
  validation: JsonValue;
}): { totalsSha256: string; validationSha256: string } {
  const totals = [...version.totals]
    .sort(byMeasureYear)
    .map((t) => ({ measure: t.measure, year: t.year, amount: t.amount.toString() }));
  return {
    totalsSha256: sha256Hex(canonicalJson(totals)),
    validationSha256: sha256Hex(canonicalJson(version.validation)),
  };
}

/** The response stored for replays when the caller gives none. */
export function defaultVersionResponse(created: VersionSummary): JsonObject {
  return {
    submissionId: created.submissionId,
    version: created.version,
    baseVersion: created.baseVersion,
    tablesSha256: created.tablesSha256,
    xlsxSha256: created.xlsxSha256,
    createdAt: created.createdAt.toISOString(),
  };
}

/** Thrown inside the push transaction to roll it back with an outcome; turned into a value. */
class Outcome extends Error {
  constructor(readonly result: CreateVersionResult) {
    super(result.kind);
  }
}

const summarySelect = {
  tenantId: true,
  submissionId: true,
  version: true,
  baseVersion: true,
  tablesSha256: true,
  xlsxSha256: true,
  planForm: true,
  planSha256: true,
  createdById: true,
  createdAt: true,
  totals: { select: { measure: true, year: true, amount: true } },
} as const;

function fromDbTotals(rows: { measure: string; year: number; amount: Prisma.Decimal }[]) {
  return rows
    .map((row) => ({ measure: row.measure, year: row.year, amount: BigInt(row.amount.toFixed(0)) }))
    .sort(byMeasureYear);
}

const cacheKey = (tenantId: string, submissionId: string, version?: number) =>
  version === undefined
    ? `${tenantId}\u0000${submissionId}`
    : `${tenantId}\u0000${submissionId}\u0000${version}`;

/** The version repository. */
export function versionRepository(ctx: RepositoryContext): VersionRepository {
  const { prisma } = ctx;
  const cache = ctx.versionCache;

  async function push(tx: Tx, tenantId: string, input: CreateVersionInput, at: Date) {
    const next = input.baseVersion + 1;
    // The optimistic-concurrency gate, and the first statement on purpose: it takes the
    // submission's row lock, so a concurrent push on the same base waits here and then
    // matches no row, instead of colliding later on the version's primary key.
    const { count } = await tx.submission.updateMany({
      where: {
        tenantId,
        id: input.submissionId,
        currentVersion: input.baseVersion,
        status: { in: [...EDITABLE_STATUSES] },
      },
      data: { currentVersion: next, status: 'draft', updatedAt: at },
    });
    if (count === 0) throw new Outcome(await whyNot(tx, tenantId, input));

    const tables = input.tables;
    const plan = input.plan ?? null;
    const xlsx = input.xlsx ?? null;
    const created = await tx.submissionVersion.create({
      data: {
        tenantId,
        submissionId: input.submissionId,
        version: next,
        baseVersion: input.baseVersion,
        tablesSha256: tablesSha256(tables),
        xlsx: xlsx === null ? null : new Uint8Array(xlsx),
        xlsxSha256: xlsx === null ? null : sha256Hex(xlsx),
        validation: toDbJson(input.validation),
        planForm: plan?.form ?? null,
        planSha256: plan === null ? null : tablesSha256(plan.tables),
        createdById: input.actorId,
        createdAt: at,
      },
      select: { tenantId: true, submissionId: true, version: true },
    });
    const rows = rowsInput(tenantId, input.submissionId, next, tables);
    const planRows = rowsInput(tenantId, input.submissionId, next, plan?.tables ?? {});
    // One statement for all rows of each form (sql.ts says why it is not Prisma's `createMany`).
    await insertVersionRows(tx, rows, 'cells');
    await insertVersionRows(tx, planRows, 'plan');
    const totals = input.totals ?? [];
    if (totals.length > 0)
      await tx.versionTotal.createMany({
        data: totals.map((total) => ({
          ...created,
          measure: total.measure,
          year: total.year,
          // A decimal string: exact at any size (a JavaScript number is not past 2^53).
          amount: total.amount.toString(),
        })),
      });
    const summary = await tx.submissionVersion.findUniqueOrThrow({
      where: { tenantId_submissionId_version: created },
      select: summarySelect,
    });
    const version: VersionSummary = { ...summary, totals: fromDbTotals(summary.totals) };
    if (input.idempotency !== undefined) {
      const response = (input.idempotency.response ?? defaultVersionResponse)(version);
      await insertIdempotency(tx, tenantId, { ...input.idempotency, response }, at);
    }
    const submission = fromDbSubmission(
      await tx.submission.findUniqueOrThrow({
        where: { tenantId_id: { tenantId, id: input.submissionId } },
      }),
    );
    const entry = await appendAudit(
      tx,
      tenantId,
      {
        actorId: input.actorId,
        action: 'version.create',
        entity: 'submission',
        entityId: input.submissionId,
        data: {
          version: next,
          baseVersion: input.baseVersion,
          tablesSha256: version.tablesSha256,
          xlsxSha256: version.xlsxSha256,
          ...versionReportHashes({ totals: version.totals, validation: input.validation }),
          rows: rows.data.length,
          ...(plan !== null && {
            planForm: plan.form,
            planSha256: version.planSha256,
            planRows: planRows.data.length,
          }),
          idempotencyKey: input.idempotency?.key ?? null,
        },
      },
      at,
    );
    return { created: { kind: 'created' as const, version, submission }, entry };
  }

  /** Why the conditional bump matched no row (read inside the same transaction). */
  async function whyNot(
    tx: Tx,
    tenantId: string,
    input: CreateVersionInput,
  ): Promise<CreateVersionResult> {
    if (input.idempotency !== undefined) {
      // A concurrent request with the same key may have just committed (we waited on its row
      // lock): answer as its replay rather than as a conflict.
      const judged = idempotencyOutcome(
        judgeIdempotency(
          await findIdempotency(tx, tenantId, input.idempotency.key),
          input.idempotency.requestHash,
        ),
      );
      if (judged !== null) return judged;
    }
    const now = await tx.submission.findUnique({
      where: { tenantId_id: { tenantId, id: input.submissionId } },
      select: { currentVersion: true, status: true },
    });
    if (now === null) return { kind: 'not-found' };
    if (now.currentVersion !== input.baseVersion)
      return { kind: 'conflict', currentVersion: now.currentVersion };
    return { kind: 'not-editable', status: statusOf(now.status) };
  }

  async function replayed(tenantId: string, input: CreateVersionInput) {
    if (input.idempotency === undefined) return null;
    const stored = await findIdempotency(prisma, tenantId, input.idempotency.key);
    return idempotencyOutcome(judgeIdempotency(stored, input.idempotency.requestHash));
  }

  return {
    async createVersion(tenantId, input) {
      const early = await replayed(tenantId, input);
      if (early !== null) return early;
      try {
        const { created, entry } = await prisma.$transaction(
          (tx) => push(tx, tenantId, input, ctx.now()),
          TX_OPTIONS,
        );
        anchorHead(ctx, entry);
        return created;
      } catch (error) {
        if (error instanceof Outcome) return error.result;
        // The same key was stored by a concurrent request between our check and our insert.
        if (isUniqueViolation(error)) {
          const late = await replayed(tenantId, input);
          if (late !== null) return late;
        }
        throw error;
      }
    },

    async getVersion(tenantId, submissionId, version, options = {}) {
      const key = cacheKey(tenantId, submissionId, version);
      const wantRows = options.rows === true;
      const wantPlan = options.plan === true;
      const prior = options.xlsx === true ? undefined : cache?.detail(key);
      if (
        prior !== undefined &&
        (!wantRows || prior.tables !== undefined) &&
        (!wantPlan || prior.plan !== undefined)
      )
        return only(prior, options);
      const row = await prisma.submissionVersion.findUnique({
        where: { tenantId_submissionId_version: { tenantId, submissionId, version } },
        select: { ...summarySelect, validation: true, xlsx: options.xlsx === true },
      });
      if (row === null) return null;
      const { xlsx, validation, totals, ...rest } = row;
      const detail: VersionDetail = {
        ...rest,
        totals: fromDbTotals(totals),
        validation: fromDbJson(validation),
      };
      const where = { tenantId, submissionId, version };
      if (wantRows) detail.tables = groupRows(await prisma.versionRow.findMany(rowsQuery(where)));
      if (wantPlan) detail.plan = groupRows(await prisma.versionPlanRow.findMany(rowsQuery(where)));
      if (options.xlsx === true) {
        detail.xlsx = xlsx ?? null;
        return detail;
      }
      if (cache === undefined || (!wantRows && !wantPlan)) return detail;
      // Keep what an earlier read cached of the other form, so both stay cached together.
      const kept: VersionDetail = { ...detail };
      const tables = detail.tables ?? prior?.tables;
      const plan = detail.plan ?? prior?.plan;
      if (tables !== undefined) kept.tables = tables;
      if (plan !== undefined) kept.plan = plan;
      return only(cache.keepDetail(key, kept), options);
    },

    async getPlans(tenantId, versions) {
      const out = new Map<string, VersionDetail>();
      const missing: { submissionId: string; version: number }[] = [];
      for (const v of versions) {
        const prior = cache?.detail(cacheKey(tenantId, v.submissionId, v.version));
        if (prior?.plan !== undefined) out.set(planKey(v), only(prior, { plan: true }));
        else if (!missing.some((m) => m.submissionId === v.submissionId && m.version === v.version))
          missing.push(v);
      }
      if (missing.length === 0) return out;
      const rows = await prisma.submissionVersion.findMany({
        where: {
          tenantId,
          OR: missing.map((m) => ({ submissionId: m.submissionId, version: m.version })),
        },
        orderBy: [{ submissionId: 'asc' }, { version: 'asc' }],
        select: { ...summarySelect, validation: true },
      });
      // Every plan row of them in one statement, in version, table and row order (each
      // version's rows as `getVersion` reads them), `data` parsed as the driver parses JSON.
      const planRows = await ctx.reader.query<{
        submissionId: string;
        version: number;
        tableName: string;
        data: string;
      }>(VERSION_PLAN_ROWS_SQL, [
        tenantId,
        missing.map((m) => m.submissionId),
        missing.map((m) => m.version),
      ]);
      const grouped = new Map<string, { tableName: string; data: unknown }[]>();
      for (const r of planRows) {
        const key = planKey({ submissionId: r.submissionId, version: Number(r.version) });
        let list = grouped.get(key);
        if (list === undefined) grouped.set(key, (list = []));
        list.push({ tableName: r.tableName, data: JSON.parse(r.data) as unknown });
      }
      for (const row of rows) {
        const { validation, totals, ...rest } = row;
        const detail: VersionDetail = {
          ...rest,
          totals: fromDbTotals(totals),
          validation: fromDbJson(validation),
          plan: groupRows(grouped.get(planKey(row)) ?? []),
        };
        const key = cacheKey(tenantId, row.submissionId, row.version);
        const prior = cache?.detail(key);
        if (cache === undefined) {
          out.set(planKey(row), detail);
          continue;
        }
        const kept: VersionDetail = { ...detail };
        if (prior?.tables !== undefined) kept.tables = prior.tables;
        out.set(planKey(row), only(cache.keepDetail(key, kept), { plan: true }));
      }
      return out;
    },

    async listVersions(tenantId, submissionId, current) {
      const key = cacheKey(tenantId, submissionId);
      const cached = cache?.list(key);
      if (cached !== undefined && current !== undefined && cached.at(-1)?.version === current)
        return cached;
      const rows = await prisma.submissionVersion.findMany({
        where: { tenantId, submissionId },
        orderBy: { version: 'asc' },
        select: summarySelect,
      });
      const list = rows.map((row) => ({ ...row, totals: fromDbTotals(row.totals) }));
      return cache === undefined ? list : cache.keepList(key, list);
    },

    async currentRows(tenantId, query) {
      const model = query.form === 'plan' ? prisma.versionPlanRow : prisma.versionRow;
      const submissions = await prisma.submission.findMany({
        where: {
          tenantId,
          cycleId: query.cycleId,
          currentVersion: { gt: 0 },
          ...(query.statuses !== undefined && { status: { in: [...query.statuses] } }),
        },
        select: { id: true, departmentId: true, currentVersion: true },
      });
      if (submissions.length === 0) return [];
      const rows = await (model as typeof prisma.versionRow).findMany({
        where: {
          tenantId,
          tableName: query.tableName,
          OR: submissions.map((s) => ({ submissionId: s.id, version: s.currentVersion })),
        },
        orderBy: [{ submissionId: 'asc' }, { rowIndex: 'asc' }],
        select: { submissionId: true, version: true, rowIndex: true, data: true },
      });
      const department = new Map(submissions.map((s) => [s.id, s.departmentId]));
      return rows.map((r) => ({
        ...r,
        departmentId: department.get(r.submissionId) ?? '',
        data: r.data as JsonObject,
      }));
    },
  };
}

/** The parallel arrays `insertVersionRows` takes, from stored tables. */
function rowsInput(
  tenantId: string,
  submissionId: string,
  version: number,
  tables: VersionTables,
): VersionRowsInput {
  const rows: VersionRowsInput = {
    tenantId,
    submissionId,
    version,
    tableNames: [],
    rowIndexes: [],
    data: [],
  };
  for (const [tableName, tableRows] of Object.entries(tables))
    tableRows.forEach((data, rowIndex) => {
      rows.tableNames.push(tableName);
      rows.rowIndexes.push(rowIndex);
      rows.data.push(JSON.stringify(data));
    });
  return rows;
}

/** The key of a version in `getPlans`' answer. */
export const planKey = (v: { submissionId: string; version: number }) =>
  `${v.submissionId}/${v.version}`;

/** The query of a version's rows of one form, in table and row order. */
function rowsQuery(where: { tenantId: string; submissionId: string; version: number }) {
  return {
    where,
    orderBy: [{ tableName: 'asc' as const }, { rowIndex: 'asc' as const }],
    select: { tableName: true, data: true },
  };
}

function groupRows(rows: { tableName: string; data: unknown }[]): Record<string, JsonObject[]> {
  // Table names come from workbooks (`constructor`, `__proto__`): a record without a prototype.
  const tables = emptyRecord<JsonObject[]>();
  for (const r of rows) {
    if (!Object.hasOwn(tables, r.tableName)) tables[r.tableName] = [];
    tables[r.tableName]!.push(r.data as JsonObject);
  }
  return tables;
}

/** A (cached) detail with only the parts asked for: itself when it holds no other part. */
function only(detail: VersionDetail, options: { rows?: boolean; plan?: boolean }): VersionDetail {
  const otherTables = options.rows !== true && detail.tables !== undefined;
  const otherPlan = options.plan !== true && detail.plan !== undefined;
  if (!otherTables && !otherPlan) return detail;
  const { tables, plan, ...bare } = detail;
  return {
    ...bare,
    ...(options.rows === true && tables !== undefined && { tables }),
    ...(options.plan === true && plan !== undefined && { plan }),
  };
}

function idempotencyOutcome(judged: IdempotencyCheck): CreateVersionResult | null {
  switch (judged.kind) {
    case 'new':
      return null;
    case 'replay':
      return { kind: 'replay', storedResponse: judged.storedResponse };
    case 'mismatch':
      return { kind: 'idempotency-mismatch' };
  }
}
