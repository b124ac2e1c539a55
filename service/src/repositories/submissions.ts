/**
 * Submissions (one workbook of one department in one cycle) and their workflow:
 * draft → submitted → reviewed → approved, with `return` back to the preparer and `reopen`
 * of an approved plan. Every transition is conditional on the status (and version) the actor
 * saw, so two people acting at once cannot both succeed; each is recorded as a workflow event
 * (the review or decision) and an audit entry, in one transaction.
 */
import type { SubmissionStatus, WorkflowAction } from '../../../shared/src/contract/workflow';
import {
  EDITABLE_STATUSES,
  isSubmissionStatus,
  TRANSITIONS,
} from '../../../shared/src/contract/workflow';
import { findSubmissionForRead } from '../db/sql';
import { isForeignKeyViolation, isUniqueViolation } from './client';
import type { RepositoryContext } from './context';
import { writeAudited } from './context';

export type { SubmissionStatus, WorkflowAction };
/** The workflow's rules live in the core (`shared/src/contract/workflow.ts`). */
export { EDITABLE_STATUSES, TRANSITIONS };

/** A submission. */
export interface SubmissionRecord {
  tenantId: string;
  id: string;
  cycleId: string;
  departmentId: string;
  /** Workbook kind (plan-workbook.md `WorkbookKind`), e.g. `department`. */
  kind: string;
  title: string;
  /** Latest version; 0 before the first push. */
  currentVersion: number;
  status: SubmissionStatus;
  createdById: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A recorded review or decision. */
export interface WorkflowEventRecord {
  tenantId: string;
  id: string;
  submissionId: string;
  /** The version decided on. */
  version: number;
  action: WorkflowAction;
  fromStatus: SubmissionStatus;
  toStatus: SubmissionStatus;
  actorId: string;
  note: string | null;
  createdAt: Date;
}

/** Input of a workflow transition. */
export interface TransitionInput {
  submissionId: string;
  action: WorkflowAction;
  actorId: string;
  note?: string | null;
  /** The status the actor saw; the transition fails if it changed meanwhile. */
  expectedStatus?: SubmissionStatus;
  /** The version the actor saw; the transition fails if a newer one was pushed meanwhile. */
  expectedVersion?: number;
}

/** Outcome of a workflow transition. */
export type TransitionResult =
  | { kind: 'done'; submission: SubmissionRecord; event: WorkflowEventRecord }
  | { kind: 'not-found' }
  /** The action does not leave from the current status (or it is not the expected one). */
  | { kind: 'invalid-transition'; status: SubmissionStatus }
  /** `expectedVersion` is no longer current. */
  | { kind: 'version-changed'; currentVersion: number }
  /** Nothing to submit: no version was pushed yet. */
  | { kind: 'no-version' };

/** Filters of `list`. */
export interface SubmissionFilter {
  cycleId?: string;
  departmentId?: string;
  kind?: string;
  status?: SubmissionStatus | readonly SubmissionStatus[];
}

/** Submissions and their workflow. */
export interface SubmissionRepository {
  /** Creates a submission (no version yet, status draft). One per cycle, department and kind. */
  create(
    tenantId: string,
    input: { cycleId: string; departmentId: string; kind: string; title: string },
    actorId: string,
  ): Promise<
    | { ok: true; submission: SubmissionRecord }
    | { ok: false; reason: 'exists' | 'reference-missing' }
  >;
  get(tenantId: string, id: string): Promise<SubmissionRecord | null>;
  /** A submission and its department's code, in one statement: the read routes' first step. */
  getForRead(
    tenantId: string,
    id: string,
  ): Promise<(SubmissionRecord & { departmentCode: string }) | null>;
  /** The submission of a department's workbook kind in a cycle. */
  find(
    tenantId: string,
    key: { cycleId: string; departmentId: string; kind: string },
  ): Promise<SubmissionRecord | null>;
  list(tenantId: string, filter?: SubmissionFilter): Promise<SubmissionRecord[]>;
  /** Carries out a workflow action, conditional on the current status (and version). */
  transition(tenantId: string, input: TransitionInput): Promise<TransitionResult>;
  /** The submission's reviews and decisions, oldest first. */
  history(tenantId: string, submissionId: string): Promise<WorkflowEventRecord[]>;
}

/** The submission repository. */
export function submissionRepository(ctx: RepositoryContext): SubmissionRepository {
  const { prisma } = ctx;
  return {
    async create(tenantId, input, actorId) {
      try {
        const submission = await writeAudited(ctx, tenantId, async (tx, at) => {
          const created = await tx.submission.create({
            data: {
              tenantId,
              cycleId: input.cycleId,
              departmentId: input.departmentId,
              kind: input.kind,
              title: input.title,
              createdById: actorId,
              createdAt: at,
              updatedAt: at,
            },
          });
          return {
            value: created,
            audit: {
              actorId,
              action: 'submission.create',
              entity: 'submission',
              entityId: created.id,
              data: {
                cycleId: created.cycleId,
                departmentId: created.departmentId,
                kind: created.kind,
                title: created.title,
              },
            },
          };
        });
        return { ok: true, submission };
      } catch (error) {
        if (isUniqueViolation(error)) return { ok: false, reason: 'exists' };
        if (isForeignKeyViolation(error)) return { ok: false, reason: 'reference-missing' };
        throw error;
      }
    },

    get: (tenantId, id) =>
      prisma.submission.findUnique({ where: { tenantId_id: { tenantId, id } } }),

    async getForRead(tenantId, id) {
      const row = await findSubmissionForRead(ctx.reader, tenantId, id);
      if (row === null) return null;
      const status = row.status;
      if (!isSubmissionStatus(status)) throw new Error(`unknown submission status ${status}`);
      return { ...row, status };
    },

    find: (tenantId, key) =>
      prisma.submission.findUnique({
        where: { tenantId_cycleId_departmentId_kind: { tenantId, ...key } },
      }),

    list(tenantId, filter = {}) {
      const status = filter.status;
      return prisma.submission.findMany({
        where: {
          tenantId,
          ...(filter.cycleId !== undefined && { cycleId: filter.cycleId }),
          ...(filter.departmentId !== undefined && { departmentId: filter.departmentId }),
          ...(filter.kind !== undefined && { kind: filter.kind }),
          ...(status !== undefined && {
            status: typeof status === 'string' ? status : { in: [...status] },
          }),
        },
        orderBy: [{ cycleId: 'asc' }, { departmentId: 'asc' }, { kind: 'asc' }],
      });
    },

    async transition(tenantId, input) {
      const rule = TRANSITIONS[input.action];
      return writeAudited<TransitionResult>(ctx, tenantId, async (tx, at) => {
        const refuse = (value: TransitionResult) => ({ value, audit: null });
        const seen = await tx.submission.findUnique({
          where: { tenantId_id: { tenantId, id: input.submissionId } },
        });
        if (seen === null) return refuse({ kind: 'not-found' });
        const judged = judge(seen, input);
        if (judged !== null) return refuse(judged);
        // Conditional on exactly what was read: a concurrent change makes this match no row.
        const { count } = await tx.submission.updateMany({
          where: {
            tenantId,
            id: seen.id,
            status: seen.status,
            currentVersion: seen.currentVersion,
          },
          data: { status: rule.to, updatedAt: at },
        });
        if (count === 0) {
          const now = await tx.submission.findUniqueOrThrow({
            where: { tenantId_id: { tenantId, id: seen.id } },
          });
          return refuse(judge(now, input) ?? { kind: 'invalid-transition', status: now.status });
        }
        const event = await tx.workflowEvent.create({
          data: {
            tenantId,
            submissionId: seen.id,
            version: seen.currentVersion,
            action: input.action,
            fromStatus: seen.status,
            toStatus: rule.to,
            actorId: input.actorId,
            note: input.note ?? null,
            createdAt: at,
          },
        });
        const submission = { ...seen, status: rule.to, updatedAt: at };
        return {
          value: { kind: 'done', submission, event },
          audit: {
            actorId: input.actorId,
            action: `submission.${input.action}`,
            entity: 'submission',
            entityId: seen.id,
            data: {
              version: seen.currentVersion,
              from: seen.status,
              to: rule.to,
              eventId: event.id,
              note: event.note,
            },
          },
        };
      });
    },

    history: (tenantId, submissionId) =>
      prisma.workflowEvent.findMany({
        where: { tenantId, submissionId },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      }),
  };
}

/**
 * Why a transition cannot leave from this submission's state, or null when it can: the
 * workflow's status and version rules (`TRANSITIONS`), judged again on what this transaction
 * read. Who may act is the handler's question, asked before.
 */
function judge(submission: SubmissionRecord, input: TransitionInput): TransitionResult | null {
  const rule = TRANSITIONS[input.action];
  const status = submission.status;
  if (
    !rule.from.includes(status) ||
    (input.expectedStatus !== undefined && input.expectedStatus !== status)
  )
    return { kind: 'invalid-transition', status };
  if (input.expectedVersion !== undefined && input.expectedVersion !== submission.currentVersion)
    return { kind: 'version-changed', currentVersion: submission.currentVersion };
  if (rule.needsVersion === true && submission.currentVersion === 0) return { kind: 'no-version' };
  return null;
}
