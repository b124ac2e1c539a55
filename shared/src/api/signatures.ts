/**
 * Agency sign-offs (docs/api.md, "Agency sign-offs"; the rule in
 * `shared/src/contract/signatures.ts`): the request an agency's representative signs with,
 * what the representative sees (`ApiAgencyView`), a signature (`ApiSignature`) and the
 * city-wide list (`ApiSignatureList`).
 */
import { z } from 'zod';
import {
  SIGNATURE_POSITIONS,
  SIGNATURE_TEXT_MAX,
  signatureTextProblem,
} from '../contract/signatures';
import type { AgencySigned } from '../contract/signatures';
import { SNAPSHOT_STATUSES } from '../contract/snapshots';
import type { CanonicalCell, CanonicalTable } from '../read/canonical';
import { ApiBilingual, ApiMoney } from './schemas';

/** `POST /api/cycles/{cycleId}/signatures`: sign the snapshot read (`snapshotId`). */
export const ApiSignatureBody = z
  .object({
    snapshotId: z.string().min(1).max(64).meta({
      description:
        'The snapshot the agency read and signs: it must be the one signed now (`ApiAgencyView.snapshot`), else 409.',
    }),
    position: z.enum(SIGNATURE_POSITIONS),
    text: z.string().max(SIGNATURE_TEXT_MAX).default('').meta({
      description:
        'The reservations (`agree-with-reservations`) or the reason (`disagree`): required for both.',
    }),
  })
  .strict()
  .superRefine((body, ctx) => {
    const problem = signatureTextProblem(body.position, body.text);
    if (problem !== null) ctx.addIssue({ code: 'custom', path: ['text'], message: problem.en });
  });
export type ApiSignatureBody = z.input<typeof ApiSignatureBody>;

/** The snapshot a signature binds to, or the one signed now. */
export const ApiSignedSnapshot = z.object({
  id: z.string(),
  number: z.int(),
  status: z.enum(SNAPSHOT_STATUSES),
  sha256: z.string(),
  label: ApiBilingual,
});
export type ApiSignedSnapshot = z.infer<typeof ApiSignedSnapshot>;

/** An agency (a `tblStakeholders` entry of Type `agency`): an organisation, never a person. */
export const ApiAgency = z.object({ id: z.string(), name: z.string() });

/** One signature. */
export const ApiSignature = z.object({
  id: z.string(),
  cycleId: z.string(),
  agency: ApiAgency,
  snapshot: ApiSignedSnapshot,
  position: z.enum(SIGNATURE_POSITIONS),
  text: z.string(),
  signedSha256: z.string().meta({
    description:
      'SHA-256 of the canonical JSON of the agency’s strategies’ and commitments’ rows signed.',
  }),
  signedBy: z.object({ id: z.string(), displayName: z.string() }),
  createdAt: z.string(),
  signedOn: z.string().meta({ description: 'The Jalali day signed, in Tehran: `1405/01/15`.' }),
  stale: z.boolean().meta({
    description:
      'What the agency signed has changed in the snapshot signed now (a revision): sign again.',
  }),
});
export type ApiSignature = z.infer<typeof ApiSignature>;

/** A strategy an agency partners in. */
export const ApiAgencyStrategy = z.object({
  id: z.string(),
  goalId: z.string(),
  title: z.string(),
  municipalRole: z.string().nullable(),
  ownerDept: z.string(),
});

/** One of an agency's commitments (`tblCommitments`). */
export const ApiAgencyCommitment = z.object({
  id: z.string(),
  linkedId: z.string(),
  linkedTitle: z.string().nullable(),
  text: z.string(),
  fromYear: z.int().nullable(),
  toYear: z.int().nullable(),
  amount: ApiMoney.nullable(),
});

/** `GET /api/cycles/{cycleId}/agency`: what the signed-in agency's representative sees. */
export const ApiAgencyView = z.object({
  cycleId: z.string(),
  agency: ApiAgency,
  snapshot: ApiSignedSnapshot.nullable().meta({
    description:
      'The snapshot signed now (the newest in council review or adopted); null: none yet.',
  }),
  signedSha256: z.string().nullable().meta({
    description: 'The hash of what the agency would sign in that snapshot.',
  }),
  strategies: z.array(ApiAgencyStrategy),
  commitments: z.array(ApiAgencyCommitment),
  signatures: z.array(ApiSignature).meta({ description: 'The agency’s signatures, newest first.' }),
});
export type ApiAgencyView = z.infer<typeof ApiAgencyView>;

/** `GET /api/cycles/{cycleId}/signatures`: every agency of the plan and its latest signature. */
export const ApiSignatureList = z.object({
  cycleId: z.string(),
  snapshot: ApiSignedSnapshot.nullable(),
  agencies: z.array(
    z.object({
      agency: ApiAgency,
      strategies: z.int().meta({ description: 'How many strategies it partners in.' }),
      commitments: z.int(),
      latest: ApiSignature.nullable(),
    }),
  ),
});
export type ApiSignatureList = z.infer<typeof ApiSignatureList>;

/** The public side: an agency's position on a strategy it partners in (no person named). */
export const ApiPublicSignoff = z.object({
  agency: ApiAgency,
  position: z.enum(SIGNATURE_POSITIONS),
  text: z.string(),
  signedOn: z.string().meta({ description: 'The Jalali day signed, in Tehran.' }),
  snapshotNumber: z.int(),
  stale: z.boolean().meta({ description: 'What it signed differs from this published plan.' }),
});
export type ApiPublicSignoff = z.infer<typeof ApiPublicSignoff>;

/** The paths. */
export const SIGNATURE_PATHS = {
  agency: (cycleId: string) => `/api/cycles/${encodeURIComponent(cycleId)}/agency`,
  signatures: (cycleId: string) => `/api/cycles/${encodeURIComponent(cycleId)}/signatures`,
} as const;

const text = (v: CanonicalCell | undefined) => (v === undefined ? '' : String(v));
const year = (v: CanonicalCell | undefined) =>
  typeof v === 'number' && Number.isInteger(v) ? v : null;

/**
 * What an agency's representative reads of what it signs: its strategies and its commitments,
 * each commitment with the title of the strategy, program or project it serves.
 */
export function agencyRowsOf(
  tables: readonly CanonicalTable[],
  signed: AgencySigned,
): Pick<ApiAgencyView, 'strategies' | 'commitments'> {
  const titles = new Map<string, string>();
  for (const [table, key] of [
    ['tblStrategies', 'StrategyId'],
    ['tblPrograms', 'ProgramId'],
    ['tblProjects', 'ProjectId'],
  ] as const)
    for (const r of tables.find((t) => t.name === table)?.rows ?? [])
      titles.set(text(r[key]), text(r.Title));
  return {
    strategies: signed.strategies.map((r) => ({
      id: text(r.StrategyId),
      goalId: text(r.GoalId),
      title: text(r.Title),
      municipalRole: r.MunicipalRole === undefined ? null : text(r.MunicipalRole),
      ownerDept: text(r.OwnerDept),
    })),
    commitments: signed.commitments.map((r) => ({
      id: text(r.CommitmentId),
      linkedId: text(r.LinkedId),
      linkedTitle: titles.get(text(r.LinkedId)) ?? null,
      text: text(r.Text),
      fromYear: year(r.FromYear),
      toYear: year(r.ToYear),
      amount: typeof r.Amount === 'string' && /^-?\d+$/.test(r.Amount) ? r.Amount : null,
    })),
  };
}
