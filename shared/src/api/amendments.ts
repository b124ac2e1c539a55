/**
 * The council's amendments in the API (docs/api.md, "Amendments"): what `return` accepts per
 * row, what `GET /api/snapshots/{id}/amendments` answers and what `POST
 * /api/amendments/{id}/apply` takes. The vocabulary and the rules are the core's
 * (`shared/src/contract/amendments.ts`).
 */
import { z } from 'zod';
import type { AmendmentProblem } from '../contract/amendments';
import { AMENDMENT_KINDS, AMENDMENT_STATUSES, AMENDMENT_TEXT_MAX } from '../contract/amendments';

const time = z.iso.datetime({ offset: true });

/** One amendment as the council proposes it (in `return`'s `amendments`). */
export const ApiAmendmentProposal = z
  .object({
    kind: z.enum(AMENDMENT_KINDS),
    itemId: z.string().min(1).max(64),
    year: z
      .int()
      .nullable()
      .optional()
      .meta({ description: 'A plan year (a cost’s; a condition’s, if any).' }),
    amount: z.string().max(30).nullable().optional().meta({
      description: '`change-cost`: the new cost of the year, whole Rials as decimal text.',
    }),
    text: z
      .string()
      .max(AMENDMENT_TEXT_MAX)
      .nullable()
      .optional()
      .meta({ description: '`condition`: the condition; otherwise an optional reason.' }),
  })
  .strict();
export type ApiAmendmentProposal = z.infer<typeof ApiAmendmentProposal>;

/** The most amendments one return may carry (one per row of a large plan is far below it). */
export const AMENDMENTS_PER_RETURN = 500;

/** One amendment as stored. */
export const ApiAmendment = z.object({
  id: z.string(),
  snapshotId: z.string().meta({ description: 'The snapshot the council returned with it.' }),
  seq: z.int().min(1).meta({ description: '1, 2, 3, … in the order proposed.' }),
  kind: z.enum(AMENDMENT_KINDS),
  itemTable: z.string().meta({ description: 'The contract table of the item, e.g. tblProjects.' }),
  itemId: z.string(),
  year: z.int().nullable(),
  amount: z.string().regex(/^\d+$/).nullable(),
  text: z.string().nullable(),
  status: z.enum(AMENDMENT_STATUSES),
  appliedInSnapshotId: z.string().nullable().meta({ description: 'The snapshot it landed in.' }),
  createdAt: time,
  appliedAt: time.nullable(),
});
export type ApiAmendment = z.infer<typeof ApiAmendment>;

/** `GET /api/snapshots/{id}/amendments`. */
export const ApiAmendmentList = z.object({
  proposed: z.array(ApiAmendment).meta({ description: 'Proposed when it was returned, by seq.' }),
  applied: z
    .array(ApiAmendment)
    .meta({ description: 'Amendments of earlier snapshots linked to this one as applied.' }),
});
export type ApiAmendmentList = z.infer<typeof ApiAmendmentList>;

/** `POST /api/amendments/{id}/apply`: the snapshot where the amendment landed. */
export const ApplyAmendmentBody = z.object({ snapshotId: z.string().min(1).max(64) }).strict();
export type ApplyAmendmentBody = z.infer<typeof ApplyAmendmentBody>;

/** The amendments' paths. */
export const AMENDMENT_PATHS = {
  ofSnapshot: (snapshotId: string) => `/api/snapshots/${encodeURIComponent(snapshotId)}/amendments`,
  apply: (id: string) => `/api/amendments/${encodeURIComponent(id)}/apply`,
} as const;

const PROBLEM_FIELDS = ['kind', 'itemId', 'year', 'amount', 'text'] as const;

/**
 * One problem of a return's amendments in a 400's `details`: where (`amendments.<index>.<field>`)
 * and why, in English (`message`, as zod's details have it) and Persian (`messageFa`).
 */
export const ApiAmendmentProblemDetail = z.object({
  path: z.tuple([z.literal('amendments'), z.string().regex(/^\d+$/), z.enum(PROBLEM_FIELDS)]),
  code: z.literal('amendment'),
  message: z.string(),
  messageFa: z.string(),
});
export type ApiAmendmentProblemDetail = z.infer<typeof ApiAmendmentProblemDetail>;

/** A core problem as the register's 400 names it. */
export function toAmendmentProblemDetail(p: AmendmentProblem): ApiAmendmentProblemDetail {
  return {
    path: ['amendments', String(p.index), p.field],
    code: 'amendment',
    message: p.message.en,
    messageFa: p.message.fa,
  };
}

/** The amendment problems of an error's `details` (none when it names none), for a form. */
export function amendmentProblemsOf(details: unknown): AmendmentProblem[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((d) => {
    const parsed = ApiAmendmentProblemDetail.safeParse(d);
    if (!parsed.success) return [];
    const { path, message, messageFa } = parsed.data;
    return [{ index: Number(path[1]), field: path[2], message: { fa: messageFa, en: message } }];
  });
}
