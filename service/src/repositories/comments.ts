/**
 * Comments on submissions: a reviewer's remark, optionally anchored to a version, a table, a
 * row (by its ID) and a column, so the add-in can show it beside the cell.
 */
import { sha256Hex } from '../db/canonical';
import { isForeignKeyViolation } from './client';
import type { RepositoryContext } from './context';
import { writeAudited } from './audit';

/** A comment. */
export interface CommentRecord {
  tenantId: string;
  id: string;
  submissionId: string;
  version: number | null;
  tableName: string | null;
  /** The row's ID in its table, e.g. `P-014`. */
  rowKey: string | null;
  columnKey: string | null;
  authorId: string;
  body: string;
  createdAt: Date;
}

/** What a new comment says and where it points. */
export interface CommentInput {
  submissionId: string;
  version?: number | null;
  tableName?: string | null;
  rowKey?: string | null;
  columnKey?: string | null;
  authorId: string;
  body: string;
}

/** Comments. */
export interface CommentRepository {
  add(
    tenantId: string,
    input: CommentInput,
  ): Promise<{ ok: true; comment: CommentRecord } | { ok: false; reason: 'reference-missing' }>;
  /** A submission's comments, oldest first; only those on one version when `version` is given. */
  list(
    tenantId: string,
    submissionId: string,
    options?: { version?: number },
  ): Promise<CommentRecord[]>;
}

/** The comment repository. */
export function commentRepository(ctx: RepositoryContext): CommentRepository {
  const { prisma } = ctx;
  return {
    async add(tenantId, input) {
      try {
        const comment = await writeAudited(ctx, tenantId, async (tx, at) => {
          const created = await tx.comment.create({
            data: {
              tenantId,
              submissionId: input.submissionId,
              version: input.version ?? null,
              tableName: input.tableName ?? null,
              rowKey: input.rowKey ?? null,
              columnKey: input.columnKey ?? null,
              authorId: input.authorId,
              body: input.body,
              createdAt: at,
            },
          });
          return {
            value: created,
            audit: {
              actorId: input.authorId,
              action: 'comment.add',
              entity: 'submission',
              entityId: created.submissionId,
              data: {
                commentId: created.id,
                version: created.version,
                tableName: created.tableName,
                rowKey: created.rowKey,
                columnKey: created.columnKey,
                // What the person said, so that a body changed afterwards is seen (verify.ts).
                bodySha256: sha256Hex(created.body),
              },
            },
          };
        });
        return { ok: true, comment };
      } catch (error) {
        if (isForeignKeyViolation(error)) return { ok: false, reason: 'reference-missing' };
        throw error;
      }
    },

    list: (tenantId, submissionId, options = {}) =>
      prisma.comment.findMany({
        where: {
          tenantId,
          submissionId,
          ...(options.version !== undefined && { version: options.version }),
        },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      }),
  };
}
