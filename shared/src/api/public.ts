/**
 * The city plan's snapshots and the public API (docs/api.md, "Snapshots and the council" and
 * "The public plan"). A snapshot is the record of the city plan at one moment: the approved
 * submission versions it was consolidated from, with their hashes. The council adopts or
 * returns it; an adopted snapshot can be published. The public reads, without signing in,
 * only the published tables of a published snapshot: never people, comments, drafts or
 * unpublished snapshots.
 */
import { z } from 'zod';
import { SNAPSHOT_ACTIONS, SNAPSHOT_STATUSES } from '../contract/snapshots';
import type { TableName } from '../contract/tables';
import { isValidJalaliDate } from '../jalali';
import { AMENDMENTS_PER_RETURN, ApiAmendmentProposal } from './amendments';
import { ApiBilingual, ApiFiscalScenario, ApiMoney, ApiPlanTotals } from './schemas';
import { ApiPublicSignoff } from './signatures';

const time = z.iso.datetime({ offset: true });
/** Amounts per plan year (keys are the years). */
const yearly = z.record(z.string(), ApiMoney);

/** A Jalali date `YYYY/MM/DD` with Latin digits (e.g. `1404/12/20`). */
export const ApiJalaliDate = z
  .string()
  .regex(/^\d{4}\/\d{2}\/\d{2}$/)
  .refine((s) => {
    const [y, m, d] = s.split('/').map(Number);
    return isValidJalaliDate(y ?? 0, m ?? 0, d ?? 0);
  }, 'not a Jalali date');
export type ApiJalaliDate = z.infer<typeof ApiJalaliDate>;

/** One submission version a snapshot was made of. */
export const ApiSnapshotSource = z.object({
  submissionId: z.string(),
  departmentCode: z.string(),
  kind: z.string(),
  version: z.int(),
  tablesSha256: z.string().meta({ description: 'The version’s hash of its tables as stored.' }),
});
export type ApiSnapshotSource = z.infer<typeof ApiSnapshotSource>;

/** The council's resolution adopting a snapshot. */
export const ApiAdoption = z.object({
  resolutionNumber: z.string(),
  resolutionDate: ApiJalaliDate,
  votesFor: z.int().min(0),
  votesAgainst: z.int().min(0),
  votesAbstaining: z.int().min(0),
  adoptedAt: time,
});
export type ApiAdoption = z.infer<typeof ApiAdoption>;

/** A snapshot of a cycle's city plan. */
export const ApiSnapshot = z.object({
  id: z.string(),
  cycleId: z.string(),
  cycleStart: z.int().meta({ description: 'The cycle’s first year (the public URL’s part).' }),
  number: z.int().min(1).meta({ description: '1, 2, 3, … per cycle.' }),
  status: z.enum(SNAPSHOT_STATUSES),
  baseline: z.boolean().meta({ description: 'The first adopted snapshot of its cycle.' }),
  trigger: z
    .enum(['last-approval', 'explicit', 'seed'])
    .meta({ description: 'What made it: the last pending approval, a request, or the seed.' }),
  sources: z.array(ApiSnapshotSource),
  sha256: z.string().meta({
    description: 'Hex SHA-256 of the canonical JSON of the cycle and the sources (the ETag).',
  }),
  createdAt: time,
  returnNote: z.string().nullable().meta({ description: 'Why the council returned it.' }),
  adoption: ApiAdoption.nullable(),
  publishedAt: time.nullable(),
});
export type ApiSnapshot = z.infer<typeof ApiSnapshot>;

/** `POST …/snapshots/{id}/transitions`. */
export const ApiSnapshotTransition = z.object({
  action: z.enum(SNAPSHOT_ACTIONS),
  note: z.string().max(4000).optional(),
  /** For `adopt` only. */
  resolution: z
    .object({
      resolutionNumber: z.string().min(1).max(100),
      resolutionDate: ApiJalaliDate,
      votesFor: z.int().min(0),
      votesAgainst: z.int().min(0),
      votesAbstaining: z.int().min(0),
    })
    .optional(),
  /** For `return` only: the amendments proposed per row (checked against the snapshot). */
  amendments: z.array(ApiAmendmentProposal).max(AMENDMENTS_PER_RETURN).optional(),
});
export type ApiSnapshotTransition = z.infer<typeof ApiSnapshotTransition>;

/** A strategy's partner agency (a stakeholder of Type `agency`: an organisation). */
const partner = z.object({ id: z.string(), name: z.string() });

/** The public city plan of one published snapshot. */
export const ApiPublicPlan = z.object({
  municipality: z.object({
    code: z.string(),
    name: ApiBilingual,
    /** True for a practice municipality (issue 20): every page says so; absent otherwise. */
    practice: z.literal(true).optional(),
  }),
  snapshot: ApiSnapshot,
  cycle: z.object({ startYear: z.int(), endYear: z.int(), title: z.string() }),
  years: z.array(z.int()),
  title: z.string(),
  vision: z.string().nullable(),
  goals: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      perspective: z.string().nullable(),
      description: z.string(),
    }),
  ),
  strategies: z.array(
    z.object({
      id: z.string(),
      goalId: z.string(),
      title: z.string(),
      swotType: z.string().nullable(),
      municipalRole: z.string().nullable(),
      ownerDept: z.string(),
      partners: z.array(partner),
      signoffs: z.array(ApiPublicSignoff).meta({
        description:
          'Each partner agency’s latest sign-off of the plan (on this snapshot or an earlier one of its cycle): position, text, Jalali day; organisations, never people.',
      }),
    }),
  ),
  programs: z.array(
    z.object({
      id: z.string(),
      strategyId: z.string(),
      title: z.string(),
      ownerDept: z.string(),
      budgetCode: z.string(),
    }),
  ),
  schemes: z.array(
    z.object({ id: z.string(), programId: z.string(), title: z.string(), budgetCode: z.string() }),
  ),
  projects: z.array(
    z.object({
      id: z.string(),
      programId: z.string(),
      schemeId: z.string(),
      title: z.string(),
      dept: z.string(),
      region: z.string(),
      startYear: z.int().nullable(),
      endYear: z.int().nullable(),
      sourceId: z.string(),
      status: z.string().nullable(),
      totalCost: ApiMoney.nullable(),
      cost: yearly.meta({ description: 'The planned cost per plan year.' }),
      progress: z
        .number()
        .nullable()
        .meta({ description: 'Physical progress 0–1 from the latest approved monitoring.' }),
    }),
  ),
  activities: z.array(
    z.object({
      id: z.string(),
      programId: z.string(),
      title: z.string(),
      dept: z.string(),
      kind: z.string().nullable(),
      sourceId: z.string(),
      cost: yearly,
    }),
  ),
  kpis: z.array(
    z.object({
      id: z.string(),
      level: z.string().nullable(),
      linkedId: z.string(),
      title: z.string(),
      unit: z.string(),
      direction: z.string().nullable(),
      baseline: z.number().nullable(),
      baselineYear: z.int().nullable(),
      targets: z.record(z.string(), z.number().nullable()),
      actuals: z.array(z.object({ year: z.int(), period: z.string(), actual: z.number() })),
    }),
  ),
  fundingSources: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      revenueClass: z.string().nullable(),
      nature: z.string().nullable(),
    }),
  ),
  totals: ApiPlanTotals,
  fiscal: z.array(ApiFiscalScenario),
  scenario: z.string().nullable().meta({ description: 'The scenario the plan is balanced on.' }),
  tables: z.array(
    z.object({
      key: z.string(),
      name: ApiBilingual,
      rows: z.int(),
      downloads: z.object({ csv: z.string(), xlsx: z.string(), json: z.string() }),
    }),
  ),
});
export type ApiPublicPlan = z.infer<typeof ApiPublicPlan>;

/** A published snapshot in the public list of a municipality. */
export const ApiPublicSnapshotEntry = ApiSnapshot.pick({
  cycleStart: true,
  number: true,
  baseline: true,
  sha256: true,
  adoption: true,
  publishedAt: true,
}).extend({ url: z.string() });
export type ApiPublicSnapshotEntry = z.infer<typeof ApiPublicSnapshotEntry>;

export const ApiPublicSnapshotList = z.object({
  municipality: z.object({
    code: z.string(),
    name: ApiBilingual,
    /** True for a practice municipality (issue 20): every page says so; absent otherwise. */
    practice: z.literal(true).optional(),
  }),
  snapshots: z.array(ApiPublicSnapshotEntry),
});
export type ApiPublicSnapshotList = z.infer<typeof ApiPublicSnapshotList>;

/**
 * The tables the public may download, by key: the contract table each is drawn from and
 * the columns published (year columns follow where the table has them). People
 * (`tblStakeholders` beyond agency names, the signatory), budget lines and actuals by item,
 * comments and drafts are never published.
 */
export const PUBLISHED_TABLES = [
  { key: 'goals', table: 'tblGoals', columns: ['GoalId', 'Title', 'Perspective', 'Description'] },
  {
    key: 'strategies',
    table: 'tblStrategies',
    columns: [
      'StrategyId',
      'GoalId',
      'Title',
      'SwotType',
      'MunicipalRole',
      'OwnerDept',
      'PartnerIds',
    ],
  },
  {
    key: 'programs',
    table: 'tblPrograms',
    columns: ['ProgramId', 'StrategyId', 'Title', 'OwnerDept', 'BudgetCode'],
  },
  {
    key: 'schemes',
    table: 'tblSchemes',
    columns: ['SchemeId', 'ProgramId', 'Title', 'BudgetCode'],
  },
  {
    key: 'projects',
    table: 'tblProjects',
    columns: [
      'ProjectId',
      'ProgramId',
      'SchemeId',
      'Title',
      'Dept',
      'Region',
      'StartYear',
      'EndYear',
      'SourceId',
      'Status',
      'TotalCost',
    ],
  },
  {
    key: 'activities',
    table: 'tblActivities',
    columns: ['ActivityId', 'ProgramId', 'Title', 'Dept', 'Kind', 'SourceId'],
  },
  {
    key: 'kpis',
    table: 'tblKpis',
    columns: [
      'KpiId',
      'Level',
      'LinkedId',
      'Title',
      'Unit',
      'Direction',
      'Baseline',
      'BaselineYear',
    ],
  },
  {
    key: 'funding-sources',
    table: 'tblFundingSources',
    columns: ['SourceId', 'Title', 'RevenueClass', 'Nature'],
  },
  {
    key: 'upstream-documents',
    table: 'tblUpstreamDocs',
    columns: ['DocId', 'Title', 'Level', 'Type', 'ApprovedOn', 'Reference'],
  },
] as const satisfies readonly {
  key: string;
  table: TableName;
  columns: readonly string[];
}[];
export type PublishedTableKey = (typeof PUBLISHED_TABLES)[number]['key'];
/** The open-data formats of a published table. */
export const PUBLIC_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type PublicFormat = (typeof PUBLIC_FORMATS)[number];

/**
 * The public paths (no sign-in; `Cache-Control: public`, ETag the snapshot's sha256).
 * `code` is the municipality's code (its register id).
 */
export const PUBLIC_PATHS = {
  /** The latest published snapshot's plan (`ApiPublicPlan`). */
  plan: (code: string) => `/api/public/${encodeURIComponent(code)}/plan`,
  /** The published snapshots (`ApiPublicSnapshotList`). */
  snapshots: (code: string) => `/api/public/${encodeURIComponent(code)}/snapshots`,
  /** One published snapshot's plan, at its stable URL (`ApiPublicPlan`). */
  snapshot: (code: string, cycleStart: number, number: number) =>
    `/api/public/${encodeURIComponent(code)}/snapshots/${cycleStart}/${number}`,
  /** A published table of one snapshot as open data. */
  table: (
    code: string,
    cycleStart: number,
    number: number,
    key: PublishedTableKey,
    format: PublicFormat,
  ) =>
    `/api/public/${encodeURIComponent(code)}/snapshots/${cycleStart}/${number}/tables/${key}.${format}`,
  /** A published table of the latest published snapshot. */
  latestTable: (code: string, key: PublishedTableKey, format: PublicFormat) =>
    `/api/public/${encodeURIComponent(code)}/plan/tables/${key}.${format}`,
} as const;

/** The signed-in paths of snapshots. */
export const SNAPSHOT_PATHS = {
  /** GET: the cycle's snapshots (`ApiSnapshot[]`); POST: make one now (planning office). */
  list: (cycleId: string) => `/api/cycles/${encodeURIComponent(cycleId)}/snapshots`,
  /** GET one (`ApiSnapshot`). */
  one: (id: string) => `/api/snapshots/${encodeURIComponent(id)}`,
  /** POST an `ApiSnapshotTransition` (answers the `ApiSnapshot`). */
  transitions: (id: string) => `/api/snapshots/${encodeURIComponent(id)}/transitions`,
} as const;

/** A published table as JSON open data (`…/tables/{key}.json`). */
export const ApiPublishedTable = z.object({
  key: z.string(),
  table: z.string().meta({ description: 'The contract table it is drawn from.' }),
  name: ApiBilingual,
  columns: z.array(z.string()).meta({ description: 'Column keys, then the plan years.' }),
  captions: z.array(z.string()).meta({ description: 'Persian captions of the columns.' }),
  rows: z.array(z.array(z.union([z.string(), z.number(), z.boolean(), z.null()]))),
  snapshot: z.object({ cycleStart: z.int(), number: z.int(), sha256: z.string() }),
});
export type ApiPublishedTable = z.infer<typeof ApiPublishedTable>;

/** The schemas above, by component name, for the OpenAPI document. */
export const PUBLIC_API_SCHEMAS = {
  JalaliDate: ApiJalaliDate,
  SnapshotSource: ApiSnapshotSource,
  Adoption: ApiAdoption,
  Snapshot: ApiSnapshot,
  PublicPlan: ApiPublicPlan,
  PublicSnapshotEntry: ApiPublicSnapshotEntry,
  PublicSnapshotList: ApiPublicSnapshotList,
  PublishedTable: ApiPublishedTable,
} as const;
