/**
 * What every handler works with, and the mappers from repository records to API shapes
 * (`toApiX`). Money leaves the register as strings of whole Rials.
 */
import type { Logger } from 'pino';
import type {
  ApiActionVerdict,
  ApiComment,
  ApiPushVerdict,
  ApiSubmission,
  ApiVersion,
  ApiVersionTotal,
  ApiWorkflowEvent,
} from '#core';
import { WORKBOOK_KIND_VALUES } from '#core';
import type { Config } from '../config';
import type { Mailer } from '../mail';
import type {
  CommentRecord,
  DepartmentRecord,
  Repositories,
  SubmissionRecord,
  VersionSummary,
  WorkflowEventRecord,
} from '../repositories';

/** The dependencies of the handlers. */
export interface AppDeps {
  repos: Repositories;
  config: Config;
  logger: Logger;
  /** Which database is behind the repositories (for health). */
  databaseKind: string;
  /** E-mail out (reminders), where an SMTP server is configured; null: in-app only. */
  mailer?: Mailer | null;
}

/** The ETag of a submission's current version (`"3"`). */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * A submission for the API, with the workflow actions of the caller (`actionsFor` in
 * handlers/submissions.ts).
 */
export function toApiSubmission(
  s: SubmissionRecord,
  dept: Pick<DepartmentRecord, 'code' | 'name'> | null,
  actions: ApiActionVerdict[],
  push: ApiPushVerdict,
): ApiSubmission {
  const kind = WORKBOOK_KIND_VALUES.find((k) => k === s.kind);
  // Kinds are checked when a submission is created; another one in the table is a bug.
  if (kind === undefined) throw new Error(`unknown workbook kind ${s.kind}`);
  return {
    id: s.id,
    cycleId: s.cycleId,
    departmentId: s.departmentId,
    departmentCode: dept?.code ?? null,
    departmentName: dept?.name ?? null,
    kind,
    title: s.title,
    currentVersion: s.currentVersion,
    status: s.status,
    etag: etagOf(s.currentVersion),
    updatedAt: s.updatedAt.toISOString(),
    actions,
    push,
  };
}

/** Totals with amounts as strings of whole Rials. */
export function toApiTotals(totals: VersionSummary['totals']): ApiVersionTotal[] {
  return totals.map((t) => ({ measure: t.measure, year: t.year, amount: t.amount.toString() }));
}

/** A version summary for the API. */
export function toApiVersion(v: VersionSummary): ApiVersion {
  return {
    submissionId: v.submissionId,
    version: v.version,
    baseVersion: v.baseVersion,
    tablesSha256: v.tablesSha256,
    xlsxSha256: v.xlsxSha256,
    createdById: v.createdById,
    createdAt: v.createdAt.toISOString(),
    totals: toApiTotals(v.totals),
  };
}

/** Display names by user id, for naming who did what. */
export type PeopleNames = ReadonlyMap<string, string>;

/** A workflow event for the API, naming who took the step. */
export function toApiEvent(e: WorkflowEventRecord, names: PeopleNames): ApiWorkflowEvent {
  return {
    id: e.id,
    version: e.version,
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    actorId: e.actorId,
    actorName: names.get(e.actorId) ?? null,
    note: e.note,
    createdAt: e.createdAt.toISOString(),
  };
}

/** A comment for the API, naming its author. */
export function toApiComment(c: CommentRecord, names: PeopleNames): ApiComment {
  return {
    id: c.id,
    version: c.version,
    tableName: c.tableName,
    rowKey: c.rowKey,
    columnKey: c.columnKey,
    authorId: c.authorId,
    authorName: names.get(c.authorId) ?? null,
    body: c.body,
    createdAt: c.createdAt.toISOString(),
  };
}

/** The display name of every user of the municipality, by id. */
export async function peopleNames(deps: AppDeps, tenantId: string): Promise<PeopleNames> {
  const users = await deps.repos.users.list(tenantId);
  return new Map(users.map((u) => [u.id, u.displayName]));
}
