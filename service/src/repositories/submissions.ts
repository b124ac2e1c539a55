/**
 * Submissions (one workbook of one department in one cycle) and their workflow:
 * draft → submitted → reviewed → approved, with `return` back to the preparer and `reopen`
 * of an approved plan. Every transition is conditional on the status (and version) the actor
 * saw, so two people acting at once cannot both succeed; each is recorded as a workflow event
 * (the review or decision) and an audit entry, in one transaction.
 */
import type { SubmissionStatus, WorkflowAction } from '#core';
import {
  EDITABLE_STATUSES,
  SUBMISSION_STATUSES,
  TRANSITIONS,
  WORKFLOW_ACTIONS,
  isFrameworkKind,
} from '#core';
import { findSubmissionForRead } from '../db/sql';
import type { Tx } from './client';
import { isForeignKeyViolation, isUniqueViolation } from './client';
import type { RepositoryContext } from './context';
import { writeAudited } from './audit';

export type { SubmissionStatus, WorkflowAction };
/** The workflow's rules live in the core (`shared/src/contract/workflow.ts`). */
export { EDITABLE_STATUSES, TRANSITIONS };

/** A stored status as its type; a value outside the list is a bug (the CHECK forbids it). */
export function statusOf(value: string): SubmissionStatus {
  const status = SUBMISSION_STATUSES.find((known) => known === value);
  if (status === undefined) throw new Error(`unknown submission status ${value}`);
  return status;
}

function actionOf(value: string): WorkflowAction {
  const action = WORKFLOW_ACTIONS.find((known) => known === value);
  if (action === undefined) throw new Error(`unknown workflow action ${value}`);
  return action;
}

/** A stored submission row as its record. */
export function fromDbSubmission<R extends { status: string }>(
  row: R,
): Omit<R, 'status'> & { status: SubmissionStatus } {
  return { ...row, status: statusOf(row.status) };
}

/** A stored workflow event row as its record. */
function fromDbEvent<R extends { action: string; fromStatus: string; toStatus: string }>(
  row: R,
): Omit<R, 'action' | 'fromStatus' | 'toStatus'> & {
  action: WorkflowAction;
  fromStatus: SubmissionStatus;
  toStatus: SubmissionStatus;
} {
  return {
    ...row,
    action: actionOf(row.action),
    fromStatus: statusOf(row.fromStatus),
    toStatus: statusOf(row.toStatus),
  };
}

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
  /**
   * Creates a submission (no version yet, status draft). One per cycle, department and kind;
   * a framework (or city) submission is the cycle's one framework, filed under its planning
   * department (in the same transaction, so two at once cannot both be it).
   */
  create(
    tenantId: string,
    input: { cycleId: string; departmentId: string; kind: string; title: string },
    actorId: string,
  ): Promise<
    | { ok: true; submission: SubmissionRecord }
    | {
        ok: false;
        reason: 'exists' | 'reference-missing' | 'framework-exists' | 'not-planning-department';
      }
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
          if (isFrameworkKind(input.kind)) await claimFramework(tx, tenantId, input, created.id);
          return {
            value: fromDbSubmission(created),
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
        if (error instanceof FrameworkRefusal) return { ok: false, reason: error.reason };
        if (isUniqueViolation(error)) return { ok: false, reason: 'exists' };
        if (isForeignKeyViolation(error)) return { ok: false, reason: 'reference-missing' };
        throw error;
      }
    },

    async get(tenantId, id) {
      const row = await prisma.submission.findUnique({ where: { tenantId_id: { tenantId, id } } });
      return row === null ? null : fromDbSubmission(row);
    },

    async getForRead(tenantId, id) {
      const row = await findSubmissionForRead(ctx.reader, tenantId, id);
      return row === null ? null : fromDbSubmission(row);
    },

    async find(tenantId, key) {
      const row = await prisma.submission.findUnique({
        where: { tenantId_cycleId_departmentId_kind: { tenantId, ...key } },
      });
      return row === null ? null : fromDbSubmission(row);
    },

    async list(tenantId, filter = {}) {
      const status = filter.status;
      const rows = await prisma.submission.findMany({
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
      return rows.map(fromDbSubmission);
    },

    async transition(tenantId, input) {
      const rule = TRANSITIONS[input.action];
      return writeAudited<TransitionResult>(ctx, tenantId, async (tx, at) => {
        const refuse = (value: TransitionResult) => ({ value, audit: null });
        const row = await tx.submission.findUnique({
          where: { tenantId_id: { tenantId, id: input.submissionId } },
        });
        if (row === null) return refuse({ kind: 'not-found' });
        const seen = fromDbSubmission(row);
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
          const now = fromDbSubmission(
            await tx.submission.findUniqueOrThrow({
              where: { tenantId_id: { tenantId, id: seen.id } },
            }),
          );
          return refuse(judge(now, input) ?? { kind: 'invalid-transition', status: now.status });
        }
        const event = fromDbEvent(
          await tx.workflowEvent.create({
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
          }),
        );
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

    async history(tenantId, submissionId) {
      const rows = await prisma.workflowEvent.findMany({
        where: { tenantId, submissionId },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      });
      return rows.map(fromDbEvent);
    },
  };
}

/** Thrown inside the create transaction to roll it back: the cycle's framework is not free. */
class FrameworkRefusal extends Error {
  constructor(readonly reason: 'framework-exists' | 'not-planning-department') {
    super(reason);
  }
}

/**
 * Makes a new submission its cycle's framework: conditional on none filed yet and on the
 * planning department, so of two concurrent creations one matches no row and rolls back.
 */
async function claimFramework(
  tx: Tx,
  tenantId: string,
  input: { cycleId: string; departmentId: string },
  submissionId: string,
): Promise<void> {
  const { count } = await tx.planCycle.updateMany({
    where: {
      tenantId,
      id: input.cycleId,
      frameworkSubmissionId: null,
      planningDepartmentId: input.departmentId,
    },
    data: { frameworkSubmissionId: submissionId },
  });
  if (count === 1) return;
  const cycle = await tx.planCycle.findUnique({
    where: { tenantId_id: { tenantId, id: input.cycleId } },
  });
  throw new FrameworkRefusal(
    cycle?.frameworkSubmissionId == null ? 'not-planning-department' : 'framework-exists',
  );
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
