/**
 * The register's HTTP API responses as zod schemas (docs/api.md). The server's OpenAPI
 * document is generated from these, and `RegisterClient` parses every answer with them, so
 * the server, its document and its clients read one description. A schema and its type share
 * one name. Money is a string of whole Rials (exact beyond 2^53); times are ISO 8601 strings.
 *
 * Objects are not strict: a client keeps working when the server adds a field. The contract
 * test (tests/service/client-contract.test.ts) checks the other way, that the server sends
 * nothing these schemas do not describe.
 */
import { z } from 'zod';
import {
  ACTION_REFUSAL_CODES,
  ROLES,
  SUBMISSION_STATUSES,
  WORKFLOW_ACTIONS,
} from '../contract/workflow';
import { WORKBOOK_KIND_VALUES } from '../contract/kinds';
import type { Period } from '../contract/enums';
import { PEOPLE_SCHEMAS } from './people';
import { PERIODS } from '../contract/enums';
import { SNAPSHOT_STATUSES } from '../contract/snapshots';

/** The periods of the contract (`Q1`…`FY`), for `z.enum`. */
const PERIOD_VALUES = PERIODS.map((p) => p.value) as [Period, ...Period[]];

/** A text in Persian and English. */
export const ApiBilingual = z.object({ fa: z.string(), en: z.string() });
export type ApiBilingual = z.infer<typeof ApiBilingual>;

/** Whole Rials as a decimal string (`"-1200"`). */
export const ApiMoney = z.string().regex(/^-?\d+$/);
export type ApiMoney = z.infer<typeof ApiMoney>;

const time = z.iso.datetime({ offset: true });

/** The body of every error response: a stable code, one HTTP status per code. */
export const ApiErrorBody = z.object({
  code: z.string().meta({ description: 'Stable error code, e.g. `VERSION_CONFLICT`.' }),
  message: ApiBilingual,
  details: z.unknown().optional(),
  requestId: z.string().optional(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** `GET /health`. */
export const ApiHealth = z.object({ status: z.literal('ok'), database: z.string() });
export type ApiHealth = z.infer<typeof ApiHealth>;

/** `GET /api/me`: who the token belongs to. */
export const ApiMe = z.object({
  tenantId: z.string(),
  userId: z.string(),
  email: z.string(),
  displayName: z.string(),
  departmentId: z.string().nullable(),
  /** For the outside roles (`agency`, `stakeholder`): the city's `tblStakeholders` entry. */
  stakeholderId: z.string().nullable(),
  roles: z.array(z.enum(ROLES)),
  via: z.enum(['api-token', 'oidc', 'session']),
  /** A practice municipality (issue 20): every page says «تمرینی — این برنامه واقعی نیست». */
  practice: z.boolean(),
});
export type ApiMe = z.infer<typeof ApiMe>;

/** A department of the municipality. */
export const ApiDepartment = z.object({
  id: z.string(),
  code: z.string().meta({ description: 'The workbook’s `DeptId`, e.g. `D-CIV`.' }),
  name: z.string(),
  kind: z.string().nullable(),
});
export type ApiDepartment = z.infer<typeof ApiDepartment>;

/** A plan cycle (five Jalali years, usually). */
export const ApiCycle = z.object({
  id: z.string(),
  startYear: z.int(),
  endYear: z.int(),
  title: z.string(),
  planningDepartmentId: z.string().nullable(),
  planningDepartmentCode: z.string().nullable().meta({
    description: 'The department that files the cycle’s framework (the planning deputy).',
  }),
  frameworkSubmissionId: z
    .string()
    .nullable()
    .meta({ description: 'The cycle’s one framework (or city) submission, once filed.' }),
});
export type ApiCycle = z.infer<typeof ApiCycle>;

/** Whether the caller may take a workflow action now, and why not (`judgeAction`). */
export const ApiActionVerdict = z.object({
  action: z.enum(WORKFLOW_ACTIONS),
  allowed: z.boolean(),
  code: z
    .enum(ACTION_REFUSAL_CODES)
    .nullable()
    .meta({ description: 'The error code the transition would answer with; null when allowed.' }),
  reason: ApiBilingual.nullable(),
});
export type ApiActionVerdict = z.infer<typeof ApiActionVerdict>;

/** Whether the caller may push a new version now (`judgePush`), with the reason when not. */
export const ApiPushVerdict = z.object({
  allowed: z.boolean(),
  code: z
    .enum(['FORBIDDEN', 'NOT_EDITABLE'])
    .nullable()
    .meta({ description: 'The error code a push would answer with; null when allowed.' }),
  reason: ApiBilingual.nullable(),
});
export type ApiPushVerdict = z.infer<typeof ApiPushVerdict>;

/** A submission: one department's workbook of one kind in one cycle. */
export const ApiSubmission = z.object({
  id: z.string(),
  cycleId: z.string(),
  departmentId: z.string(),
  departmentCode: z.string().nullable(),
  departmentName: z.string().nullable().meta({ description: 'The department’s name.' }),
  kind: z.enum(WORKBOOK_KIND_VALUES),
  title: z.string(),
  currentVersion: z.int().meta({ description: '0 before the first push.' }),
  status: z.enum(SUBMISSION_STATUSES),
  etag: z.string(),
  updatedAt: time,
  actions: z
    .array(ApiActionVerdict)
    .meta({ description: 'Every workflow action, and whether the caller may take it now.' }),
  push: ApiPushVerdict.meta({
    description: 'Whether the caller may push a new version now, and why not when refused.',
  }),
});
export type ApiSubmission = z.infer<typeof ApiSubmission>;

/** One exact total of a version (`measure` per `year`). */
export const ApiVersionTotal = z.object({
  measure: z.string(),
  year: z.int(),
  amount: ApiMoney,
});
export type ApiVersionTotal = z.infer<typeof ApiVersionTotal>;

/** A stored version of a submission. */
export const ApiVersion = z.object({
  submissionId: z.string(),
  version: z.int(),
  baseVersion: z.int(),
  tablesSha256: z.string(),
  xlsxSha256: z.string().nullable(),
  createdById: z.string(),
  createdAt: time,
  totals: z.array(ApiVersionTotal),
});
export type ApiVersion = z.infer<typeof ApiVersion>;

/** A located, bilingual finding about a workbook (`shared/src/findings.ts`). */
export const ApiFinding = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  table: z.string().nullable(),
  sheet: z.string().nullable(),
  row: z.int().nullable(),
  column: z.string().nullable(),
  cell: z.string().nullable(),
  message: ApiBilingual,
});
export type ApiFinding = z.infer<typeof ApiFinding>;

/** A check left for consolidation because the tables it needs are elsewhere. */
export const ApiSkippedCheck = z.object({
  code: z.string(),
  table: z.string(),
  column: z.string().nullable(),
  needs: z.array(z.string()),
  count: z.int(),
  message: ApiBilingual,
});
export type ApiSkippedCheck = z.infer<typeof ApiSkippedCheck>;

/** What validation kept with a version: its warnings and the checks left for consolidation. */
export const ApiValidation = z.object({
  findings: z.array(ApiFinding),
  skipped: z.array(ApiSkippedCheck),
});
export type ApiValidation = z.infer<typeof ApiValidation>;

/** A push's answer (201): the version, the submission's status, the warnings kept with it. */
export const ApiPushedVersion = ApiVersion.extend({
  status: z.enum(SUBMISSION_STATUSES),
  warnings: z.array(ApiFinding),
  skipped: z.array(ApiSkippedCheck),
});
export type ApiPushedVersion = z.infer<typeof ApiPushedVersion>;

/** A cell as JSON carries it. */
export const ApiCell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type ApiCell = z.infer<typeof ApiCell>;

/** A table of a workbook: its header row and data rows. */
export const ApiTable = z.object({
  name: z.string(),
  sheet: z.string().optional(),
  address: z.string().optional(),
  header: z.array(ApiCell),
  rows: z.array(z.array(ApiCell)),
  reference: z.boolean().optional(),
});
export type ApiTable = z.infer<typeof ApiTable>;

/** A workbook as its tables. */
export const ApiWorkbook = z.object({ tables: z.array(ApiTable) });
export type ApiWorkbook = z.infer<typeof ApiWorkbook>;

/** A version pulled as JSON. */
export const ApiVersionContent = ApiVersion.extend({
  submission: ApiSubmission,
  validation: ApiValidation.nullable(),
  workbook: ApiWorkbook,
});
export type ApiVersionContent = z.infer<typeof ApiVersionContent>;

/** A stored row, keyed by column key. */
const row = z.record(z.string(), ApiCell);

/** What changed in one table between two versions. */
export const ApiTableDiff = z.object({
  table: z.string(),
  keyColumn: z
    .string()
    .nullable()
    .meta({ description: 'The column rows are matched by; null: matched by position.' }),
  added: z.array(z.object({ key: z.string(), row })),
  removed: z.array(z.object({ key: z.string(), row })),
  changed: z.array(
    z.object({
      key: z.string(),
      cells: z.array(z.object({ column: z.string(), from: ApiCell, to: ApiCell })),
    }),
  ),
});
export type ApiTableDiff = z.infer<typeof ApiTableDiff>;

/** What changed between two versions. */
export const ApiVersionDiff = z.object({
  from: z.int(),
  to: z.int(),
  tables: z.array(ApiTableDiff),
  summary: z.object({ added: z.int(), removed: z.int(), changed: z.int(), cells: z.int() }),
});
export type ApiVersionDiff = z.infer<typeof ApiVersionDiff>;

/** `details` of 409 `VERSION_CONFLICT` on a push: what changed since the base version. */
export const ApiVersionConflict = z.object({
  baseVersion: z.int(),
  currentVersion: z.int(),
  changes: ApiVersionDiff,
});
export type ApiVersionConflict = z.infer<typeof ApiVersionConflict>;

/** `details` of 422 `WORKBOOK_INVALID`: every finding (errors and warnings). */
export const ApiWorkbookInvalid = z.object({
  findings: z.array(ApiFinding),
  skipped: z.array(ApiSkippedCheck),
});
export type ApiWorkbookInvalid = z.infer<typeof ApiWorkbookInvalid>;

/** A recorded workflow step. */
export const ApiWorkflowEvent = z.object({
  id: z.string(),
  version: z.int(),
  action: z.enum(WORKFLOW_ACTIONS),
  fromStatus: z.enum(SUBMISSION_STATUSES),
  toStatus: z.enum(SUBMISSION_STATUSES),
  actorId: z.string(),
  /** The display name of who took the step (null when the user is gone). */
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: time,
});
export type ApiWorkflowEvent = z.infer<typeof ApiWorkflowEvent>;

/** A transition's answer: the submission after it, and the event recorded. */
export const ApiTransitionResult = z.object({
  submission: ApiSubmission,
  event: ApiWorkflowEvent,
});
export type ApiTransitionResult = z.infer<typeof ApiTransitionResult>;

/** A comment, optionally anchored to a version, table, row and column. */
export const ApiComment = z.object({
  id: z.string(),
  version: z.int().nullable(),
  tableName: z.string().nullable(),
  rowKey: z.string().nullable(),
  columnKey: z.string().nullable(),
  authorId: z.string(),
  /** The display name of who wrote it (null when the user is gone). */
  authorName: z.string().nullable(),
  body: z.string(),
  createdAt: time,
});
export type ApiComment = z.infer<typeof ApiComment>;

/** A cycle's reference data: the approved framework's tables, as `ref_` tables. */
export const ApiReference = z.object({
  workbook: ApiWorkbook,
  source: z.object({ submissionId: z.string(), version: z.int() }),
});
export type ApiReference = z.infer<typeof ApiReference>;

/** Amounts per plan year (keys are the years). */
const yearly = z.record(z.string(), ApiMoney);

/** A grouping of the budget album: per group key, per year, the budget and the plan's cost. */
const budgetAlbum = z.record(
  z.string(),
  z.record(z.string(), z.object({ budget: ApiMoney, plan: ApiMoney })),
);

/** The city plan's totals per plan year: of the whole, per department, program, funding source and goal. */
export const ApiPlanTotals = z.object({
  total: yearly,
  byDepartment: z.record(z.string(), yearly),
  byProgram: z.record(z.string(), yearly),
  bySource: z.record(z.string(), yearly),
  byGoal: z.record(z.string(), yearly),
});
export type ApiPlanTotals = z.infer<typeof ApiPlanTotals>;

/** The fiscal balance of one revenue scenario, per plan year. */
export const ApiFiscalScenario = z.object({
  scenario: z.string(),
  complete: z.boolean(),
  openingBalance: ApiMoney.meta({
    description: 'tblPlanInfo OpeningBalance: the cash carried in at the start (v2).',
  }),
  years: z.array(
    z.object({
      year: z.int(),
      revenue: ApiMoney.nullable(),
      spending: ApiMoney.meta({
        description: 'activities + projects + opex + financial (v1: the first three).',
      }),
      activities: ApiMoney,
      projects: ApiMoney,
      opex: ApiMoney,
      financial: ApiMoney.meta({
        description: 'The financial head: financial budget lines of the current budget.',
      }),
      gap: ApiMoney.nullable(),
      current: ApiMoney.meta({ description: 'The current head: activities + opex.' }),
      operating: ApiMoney.nullable().meta({
        description: 'The operating balance: forecast of Nature revenue − current spending.',
      }),
      capitalBalance: ApiMoney.nullable().meta({
        description: 'Forecast of Nature capital-disposal − projects.',
      }),
      financialBalance: ApiMoney.nullable().meta({
        description: 'Forecast of Nature financial-disposal − the financial head.',
      }),
      cash: ApiMoney.nullable().meta({
        description: 'OpeningBalance + the gaps of the plan years up to this one.',
      }),
    }),
  ),
});
export type ApiFiscalScenario = z.infer<typeof ApiFiscalScenario>;

/** The city plan assembled from every approved submission of a cycle. */
export const ApiConsolidation = z.object({
  cycleId: z.string(),
  sources: z.array(
    z.object({
      submissionId: z.string(),
      departmentCode: z.string(),
      kind: z.string(),
      version: z.int(),
    }),
  ),
  pending: z
    .array(
      z.object({
        submissionId: z.string(),
        departmentCode: z.string(),
        kind: z.string(),
        status: z.enum(SUBMISSION_STATUSES),
      }),
    )
    .meta({ description: 'Submissions of the cycle without an approved version (left out).' }),
  ignored: z
    .array(
      z.object({
        submissionId: z.string(),
        departmentCode: z.string(),
        kind: z.string(),
        reason: z.enum(['not-the-cycle-framework']),
      }),
    )
    .meta({
      description:
        'Framework or city submissions other than the one the cycle names (left out), and why.',
    }),
  years: z.array(z.int()),
  findings: z.array(ApiFinding),
  skipped: z.array(ApiSkippedCheck),
  totals: ApiPlanTotals,
  chains: z.array(
    z.object({
      item: z.string(),
      program: z.string().nullable(),
      strategy: z.string().nullable(),
      goal: z.string().nullable(),
      sources: z.array(z.string()),
    }),
  ),
  fiscal: z.array(ApiFiscalScenario),
  budget: z
    .object({
      stage: z.literal('current'),
      byHead: budgetAlbum,
      byChapter: budgetAlbum,
      byFunction: budgetAlbum,
      byProgram: budgetAlbum,
      byScheme: budgetAlbum,
      byStage: z.record(z.string(), yearly).meta({
        description:
          'Σ of the budget lines of each stage per year, and `current` (approved + amended + supplement).',
      }),
    })
    .meta({
      description:
        'The budget album (contract v2): the current budget per group key and year, with the plan’s cost columns of the same items beside it. Key `` collects lines whose group is not given.',
    }),
  revenueFindings: z.array(ApiFinding),
  portfolio: z
    .object({
      scenario: z.string(),
      status: z.string(),
      message: ApiBilingual,
      chosen: z.array(z.string()),
      objective: z.number(),
      spending: z.array(
        z.object({ year: z.int(), budget: ApiMoney, spent: ApiMoney, left: ApiMoney }),
      ),
      excluded: z.array(z.object({ id: z.string(), reason: z.string() })),
      starts: z
        .array(
          z.object({
            id: z.string(),
            plannedStart: z.int(),
            start: z.int(),
            costAfterPlan: ApiMoney,
          }),
        )
        .optional()
        .meta({
          description:
            'With start windows or department capacities (the scheduling model): each chosen project’s planned and chosen start year, and the cost its move pushes past the plan.',
        }),
    })
    .nullable(),
  kpi: z.object({
    goalsWithoutMacroKpi: z.array(z.string()),
    programsWithoutMoney: z.array(z.string()),
    strategiesWithoutProgram: z.array(z.string()),
    schemesWithoutProject: z.array(z.string()),
    budgetCodesWithoutMoney: z
      .array(z.string())
      .meta({ description: 'Spending codes of tblBudgetCodes that no item with money reaches.' }),
    kpis: z.int(),
    withActuals: z.int(),
    byStatus: z.record(z.string(), z.int()),
  }),
  workbook: ApiWorkbook,
});
export type ApiConsolidation = z.infer<typeof ApiConsolidation>;

/** Which revenue scenario a figure is measured against, and where its name came from. */
const scenarioChoice = z.object({
  name: z.string(),
  from: z.enum(['option', 'plan', 'default']),
});

/** A revenue class's (or all classes') realisation to the period. */
const revenueFigures = {
  forecast: ApiMoney.nullable().meta({
    description: 'The chosen scenario’s forecast for the year.',
  }),
  actual: ApiMoney.meta({ description: 'Realised to the period.' }),
  realisation: z.number().nullable().meta({ description: 'actual / forecast.' }),
};

/** The money and ratios of an item or a group in the year up to the period (`ExecutionFigures`). */
const executionFigures = {
  planned: ApiMoney.meta({ description: 'Planned cost of the year (the plan’s cost column).' }),
  currentBudget: ApiMoney.meta({
    description: 'Current budget of the year: approved + amended + supplement lines.',
  }),
  allocated: ApiMoney.nullable().meta({
    description: 'Cumulative to the period; null when `tblActuals` has v1’s `Spent` only.',
  }),
  committed: ApiMoney.nullable(),
  paid: ApiMoney.meta({ description: 'Cumulative to the period.' }),
  paidExecution: z.number().nullable().meta({ description: 'paid / currentBudget.' }),
  committedExecution: z.number().nullable().meta({ description: 'committed / currentBudget.' }),
  planRealisation: z.number().nullable().meta({ description: 'paid / planned.' }),
};

/** A program, a department or the city: the sums of its items, and their ratios. */
const groupExecution = z.object({ key: z.string(), items: z.int(), ...executionFigures });

/** One year of a KPI with an actual (`kpiReport`). */
const kpiYear = z.object({
  year: z.int(),
  target: z.number().nullable(),
  actual: z.number(),
  period: z.enum(PERIOD_VALUES),
  provisional: z.boolean(),
  progress: z.number().nullable(),
  status: z.enum(['on-track', 'at-risk', 'off-track', 'no-data']),
});

/**
 * The snapshot of the city plan a figure is measured against (the monitoring view, the
 * Article 71 report): the cycle's latest adopted snapshot, else its latest.
 */
export const ApiMeasuredSnapshot = z.object({
  id: z.string(),
  number: z.int(),
  status: z.enum(SNAPSHOT_STATUSES),
  baseline: z.boolean(),
  label: ApiBilingual.meta({
    description: 'The snapshot’s name (`snapshotLabel`), e.g. “Version 2 of the 1405–1409 plan”.',
  }),
  adoptedAt: z.string().nullable().meta({ description: 'ISO time of the adoption.' }),
  resolutionNumber: z.string().nullable(),
  resolutionDate: z
    .string()
    .nullable()
    .meta({ description: 'The council resolution’s Jalali date, YYYY/MM/DD.' }),
});
export type ApiMeasuredSnapshot = z.infer<typeof ApiMeasuredSnapshot>;

/**
 * `GET /api/cycles/{cycleId}/monitoring`: the monitoring report of the city plan assembled
 * from every approved submission (`monitoringReport` of the core, at the period asked).
 */
export const ApiMonitoring = z.object({
  cycleId: z.string(),
  snapshot: ApiMeasuredSnapshot.nullable().meta({
    description:
      'The snapshot whose plan versions the actuals are measured against (the latest adopted, else the latest); null before the cycle has one (then the approved versions now).',
  }),
  sources: ApiConsolidation.shape.sources,
  pending: ApiConsolidation.shape.pending,
  year: z.int(),
  period: z.enum(PERIOD_VALUES),
  share: z.number().meta({ description: 'Share of the year elapsed at the period’s end.' }),
  threshold: z.number().meta({ description: 'The attention threshold: 0.8 × share.' }),
  cumulative: z.boolean().meta({
    description: 'True when `tblActuals` is read as v2 (cumulative Allocated/Committed/Paid).',
  }),
  department: z.string().nullable().meta({ description: 'Always null here: the whole city.' }),
  items: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['project', 'activity']),
      title: z.string(),
      programId: z.string(),
      dept: z.string(),
      reported: z.boolean(),
      ...executionFigures,
    }),
  ),
  programs: z.array(groupExecution),
  departments: z.array(groupExecution),
  city: groupExecution,
  earnedValue: z.array(
    z.object({
      projectId: z.string(),
      title: z.string(),
      programId: z.string(),
      dept: z.string(),
      bac: ApiMoney,
      pv: ApiMoney,
      progress: z.number().nullable(),
      ev: ApiMoney.nullable(),
      ac: ApiMoney,
      spi: z.number().nullable(),
      cpi: z.number().nullable(),
      eac: ApiMoney.nullable(),
      status: z.enum(['on-track', 'at-risk', 'off-track']).nullable(),
      behind: z.array(z.enum(['schedule', 'cost'])),
    }),
  ),
  revenue: z.discriminatedUnion('ok', [
    z.object({
      ok: z.literal(true),
      choice: scenarioChoice,
      scenario: z.string(),
      classes: z.array(z.object({ revenueClass: z.string(), ...revenueFigures })),
      total: z.object(revenueFigures),
    }),
    z.object({ ok: z.literal(false), choice: scenarioChoice, message: ApiBilingual }),
  ]),
  kpis: z.array(
    z.object({
      kpiId: z.string(),
      title: z.string(),
      level: z.string().nullable(),
      linkedId: z.string(),
      unit: z.string(),
      direction: z.string().nullable(),
      baseline: z.number().nullable(),
      baselineYear: z.int().nullable(),
      reference: z.boolean(),
      years: z.array(kpiYear),
      latest: kpiYear.nullable(),
      trend: z.enum(['improving', 'steady', 'worsening', 'insufficient-data']),
      trendSlope: z.number().nullable(),
    }),
  ),
  attention: z
    .array(
      z.discriminatedUnion('kind', [
        z.object({
          kind: z.literal('project-off-track'),
          id: z.string(),
          spi: z.number().nullable(),
          cpi: z.number().nullable(),
        }),
        z.object({
          kind: z.literal('execution-low'),
          id: z.string(),
          itemKind: z.enum(['project', 'activity']),
          measure: z.enum(['budget', 'plan']),
          execution: z.number(),
          threshold: z.number(),
        }),
        z.object({
          kind: z.literal('revenue-short'),
          revenueClass: z.string(),
          realisation: z.number(),
          threshold: z.number(),
        }),
      ]),
    )
    .meta({
      description:
        'Projects off track, then items paying below the threshold, then revenue classes short of it.',
    }),
  notReported: z.array(z.string()).meta({
    description: 'Items with planned cost or budget in the year but no actual up to the period.',
  }),
  findings: z.array(ApiFinding),
});
export type ApiMonitoring = z.infer<typeof ApiMonitoring>;

/** `GET /api/audit/verify`: whether the audit hash chain holds. */
export const ApiAuditVerification = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), entries: z.int(), head: z.string() }),
  z.object({
    ok: z.literal(false),
    seq: z.string().meta({ description: 'The first entry that does not fit.' }),
    reason: z.enum(['sequence-gap', 'prev-hash-mismatch', 'hash-mismatch', 'head-mismatch']),
  }),
]);
export type ApiAuditVerification = z.infer<typeof ApiAuditVerification>;

/**
 * The named schemas, as the OpenAPI document's components (`#/components/schemas/<name>`):
 * a schema reached from another is referenced, not copied.
 */
/** `GET /api/help`: one topic of the help pages (a finding code or a concept) and its title. */
export const ApiHelpTopic = z.object({
  topic: z.string(),
  kind: z.enum(['code', 'concept']),
  title: ApiBilingual,
});
export type ApiHelpTopic = z.infer<typeof ApiHelpTopic>;

/** `GET /api/help/{topic}`: a help page in one language, its figures filled in. */
export const ApiHelpPage = z.object({
  topic: z.string(),
  kind: z.enum(['code', 'concept']),
  lang: z.enum(['fa', 'en']),
  title: z.string(),
  /** The page as Markdown (the subset of `shared/src/help/markdown.ts`). */
  markdown: z.string(),
});
export type ApiHelpPage = z.infer<typeof ApiHelpPage>;

/** `POST /api/cycles/{cycleId}/roll`: the next cycle opened from the cycle's approved plan. */
export const ApiRoll = z.object({
  cycle: ApiCycle,
  submissions: z.array(
    z.object({
      submissionId: z.string(),
      departmentCode: z.string(),
      kind: z.enum(WORKBOOK_KIND_VALUES),
      version: z.int(),
      errors: z.int().meta({
        description:
          'Findings of the rolled draft that a push would refuse (the new last year is the department’s to fill).',
      }),
      warnings: z.int(),
    }),
  ),
  left: z.array(
    z.object({
      submissionId: z.string(),
      departmentCode: z.string(),
      kind: z.enum(WORKBOOK_KIND_VALUES),
      reason: z.enum(['not-approved']),
    }),
  ),
  notes: z.array(
    z.object({
      departmentCode: z.string(),
      kind: z.enum(WORKBOOK_KIND_VALUES),
      message: ApiBilingual,
    }),
  ),
});
export type ApiRoll = z.infer<typeof ApiRoll>;

export const API_SCHEMAS = {
  Bilingual: ApiBilingual,
  Money: ApiMoney,
  Error: ApiErrorBody,
  Health: ApiHealth,
  Me: ApiMe,
  Department: ApiDepartment,
  Cycle: ApiCycle,
  ActionVerdict: ApiActionVerdict,
  Submission: ApiSubmission,
  VersionTotal: ApiVersionTotal,
  Version: ApiVersion,
  Finding: ApiFinding,
  SkippedCheck: ApiSkippedCheck,
  Validation: ApiValidation,
  PushedVersion: ApiPushedVersion,
  Cell: ApiCell,
  Table: ApiTable,
  Workbook: ApiWorkbook,
  VersionContent: ApiVersionContent,
  TableDiff: ApiTableDiff,
  VersionDiff: ApiVersionDiff,
  VersionConflict: ApiVersionConflict,
  WorkbookInvalid: ApiWorkbookInvalid,
  WorkflowEvent: ApiWorkflowEvent,
  TransitionResult: ApiTransitionResult,
  Comment: ApiComment,
  Reference: ApiReference,
  PlanTotals: ApiPlanTotals,
  FiscalScenario: ApiFiscalScenario,
  Consolidation: ApiConsolidation,
  Monitoring: ApiMonitoring,
  Roll: ApiRoll,
  AuditVerification: ApiAuditVerification,
  HelpTopic: ApiHelpTopic,
  HelpPage: ApiHelpPage,
  ...PEOPLE_SCHEMAS,
} as const;
