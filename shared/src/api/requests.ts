/**
 * Request schemas of the register's API (zod, `.strict()`: unknown fields such as `status`,
 * `approvedBy` or `version` are refused, never mass-assigned). The server parses with these
 * (service/src/routes/schemas.ts), the OpenAPI document describes them, and `RegisterClient`
 * takes their types. A schema and its type share one name.
 */
import { z } from 'zod';
import { WORKBOOK_KIND_VALUES } from '../contract/kinds';
import { SUBMISSION_STATUSES, WORKFLOW_ACTIONS } from '../contract/workflow';
import { RawWorkbookSchema } from '../read/raw';

/** A push as contract tables in JSON (what the add-in sends): the raw workbook itself. */
export const PushBody = RawWorkbookSchema;
export type PushBody = z.infer<typeof PushBody>;

/** An `Idempotency-Key`: 8–200 of letters, digits, `-`, `_`, `.`, `:` (docs/api.md). */
export const IDEMPOTENCY_KEY_PATTERN = /^[\w.:-]{8,200}$/;

/**
 * A random `Idempotency-Key` for one request a client may retry (a push, a reminder): the
 * client's name and 128 random bits in hex.
 */
export function newIdempotencyKey(client: string): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return `${client}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** An id in a path. */
export const Id = z.string().min(1).max(64);

/**
 * A version number as written in a path or query: canonical decimal only (`1`, `27`; never
 * `01`, `0x1`, `1e0`, ` 1` or `1.0`, which `Number()` would all take for 1), up to 10^9.
 */
const VersionNumber = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/, 'a version is a whole number in plain decimal, like 3')
  .transform(Number)
  .pipe(z.number().int().min(1).max(1_000_000_000));

/** A version in a path or query: a number, `latest` or `approved`. */
export const VersionSelector = z.union([z.literal('latest'), z.literal('approved'), VersionNumber]);
export type VersionSelector = z.infer<typeof VersionSelector>;

/** A workflow action. */
export const TransitionBody = z
  .object({
    action: z.enum(WORKFLOW_ACTIONS),
    note: z.string().max(4000).optional(),
    /** The version the actor looked at; refused if a newer one was pushed meanwhile. */
    expectedVersion: z.number().int().min(0).optional(),
  })
  .strict();
export type TransitionBody = z.infer<typeof TransitionBody>;

/** A comment, optionally anchored to a version, table, row and column. */
export const CommentBody = z
  .object({
    body: z.string().trim().min(1).max(10_000),
    version: z.number().int().min(1).optional(),
    tableName: z.string().max(255).optional(),
    rowKey: z.string().max(255).optional(),
    columnKey: z.string().max(255).optional(),
  })
  .strict();
export type CommentBody = z.infer<typeof CommentBody>;

/** A new submission: a department's workbook of a kind in a cycle. */
export const CreateSubmissionBody = z
  .object({
    cycleId: Id,
    departmentCode: z.string().min(1).max(64),
    kind: z.enum(WORKBOOK_KIND_VALUES),
    title: z.string().trim().min(1).max(500),
  })
  .strict();
export type CreateSubmissionBody = z.infer<typeof CreateSubmissionBody>;

/** A department's code (the workbook's `DeptId`). */
const DepartmentCode = z.string().min(1).max(64);

/** A new plan cycle, and the department that files its framework (the planning deputy). */
export const CreateCycleBody = z
  .object({
    startYear: z.number().int().min(1300).max(1600),
    years: z.number().int().min(1).max(20).optional(),
    title: z.string().trim().min(1).max(500),
    planningDepartmentCode: DepartmentCode,
  })
  .strict();
export type CreateCycleBody = z.infer<typeof CreateCycleBody>;

/** Rolling a cycle into the next (`POST /api/cycles/{cycleId}/roll`): the new cycle's title. */
export const RollCycleBody = z.object({ title: z.string().trim().max(500).optional() }).strict();
export type RollCycleBody = z.infer<typeof RollCycleBody>;

/** A change of a cycle: its planning department (only while no framework is filed). */
export const UpdateCycleBody = z.object({ planningDepartmentCode: DepartmentCode }).strict();
export type UpdateCycleBody = z.infer<typeof UpdateCycleBody>;

/** Filters of the submission list. */
export const SubmissionQuery = z
  .object({
    cycleId: Id.optional(),
    department: z.string().max(64).optional(),
    kind: z.string().max(32).optional(),
    status: z.enum(SUBMISSION_STATUSES).optional(),
  })
  .strict();
export type SubmissionQuery = z.infer<typeof SubmissionQuery>;

/** How to return a version or report. */
export const FormatQuery = z
  .object({
    format: z.enum(['json', 'xlsx', 'text']).optional(),
    lang: z.enum(['fa', 'en', 'keys']).optional(),
    source: z.enum(['original', 'rows', 'auto']).optional(),
  })
  .strict();
export type FormatQuery = z.infer<typeof FormatQuery>;

/**
 * The monitoring view of a cycle: the period (`1405-H1`, also `1405 Q3`, `FY-1405`, Persian
 * digits; read by the core's `parseMonitorPeriod`, so a bad one is refused with a located
 * message, not a zod pattern), the revenue scenario (default: the framework's `Scenario`,
 * else `base`), and JSON or the Article 71 report as `.xlsx` in Persian or English.
 */
export const MonitoringQuery = z
  .object({
    period: z.string().max(32).optional(),
    scenario: z.string().max(100).optional(),
    format: z.enum(['json', 'xlsx']).optional(),
    lang: z.enum(['fa', 'en']).optional(),
  })
  .strict();
export type MonitoringQuery = z.infer<typeof MonitoringQuery>;

/**
 * The Article 71 report of a cycle as `.docx`: the period and the revenue scenario, read as
 * the monitoring view reads them.
 */
export const Article71Query = MonitoringQuery.pick({ period: true, scenario: true }).strict();
export type Article71Query = z.infer<typeof Article71Query>;

/** The two versions of a diff. */
export const DiffQuery = z
  .object({
    from: VersionSelector,
    to: VersionSelector.default('latest'),
    format: z.enum(['json', 'text']).optional(),
    lang: z.enum(['fa', 'en']).optional(),
  })
  .strict();
export type DiffQuery = z.infer<typeof DiffQuery>;
