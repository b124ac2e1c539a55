/**
 * The sample plan as a workbook: every contract table, Persian captions and
 * enum captions, placed on the sheets of the Persian template.
 */
import type { EnumValue } from '../contract/enums';
import * as E from '../contract/enums';
import type { TableName } from '../contract/tables';
import { getTableSpec } from '../contract/tables';
import type { RawCell, RawTable, RawWorkbook } from '../read/raw';
import { columnKeysOf, enumText, headerOf } from '../template/workbook';
import { placeTables } from '../template/layout';
import type { SampleAmounts } from './amounts';
import { SAMPLE_PLAN_YEARS, floorMillions, perMille, sampleAmounts } from './amounts';
import * as C from './content';

const CRITERION_IDS = C.CRITERIA.map(([id]) => id);
const FIRST_YEAR = 1405;

export type Cells = Record<string, RawCell>;

export function table(name: TableName, rows: readonly Cells[]): RawTable {
  const spec = getTableSpec(name);
  const keys = columnKeysOf(spec, SAMPLE_PLAN_YEARS, CRITERION_IDS);
  return {
    name,
    header: headerOf(spec, 'fa', SAMPLE_PLAN_YEARS, CRITERION_IDS),
    rows: rows.map((r) => keys.map((k) => r[k] ?? null)),
  };
}

export const fa = (values: readonly EnumValue[], value: string) => enumText(values, value, 'fa');
const yesNo = (b: boolean) => (b ? 'بله' : 'خیر');
/** Money as a cell: exact, since every amount of the sample is below 2^53 Rials. */
const cash = (v: bigint): number => Number(v);

function yearCells(costs: ReadonlyMap<number, bigint> | undefined): Cells {
  const out: Cells = {};
  for (const year of SAMPLE_PLAN_YEARS) out[String(year)] = cash(costs?.get(year) ?? 0n);
  return out;
}

export function planInfo(
  kind: 'city' | 'monitoring' = 'city',
  department: string | null = null,
): RawTable {
  const spec = getTableSpec('tblPlanInfo');
  return {
    name: 'tblPlanInfo',
    header: headerOf(spec, 'fa', []),
    rows: [
      ['شهر', C.CITY],
      ['شهرداری', C.MUNICIPALITY],
      ['عنوان برنامه', C.PLAN_TITLE],
      ['سال شروع', FIRST_YEAR],
      ['تعداد سال‌ها', SAMPLE_PLAN_YEARS.length],
      ['سال پایه', FIRST_YEAR - 1],
      ['واحد پول', fa(E.UNITS, 'Rial')],
      ['واحد', department],
      ['نوع کارپوشه', fa(E.WORKBOOK_KINDS, kind)],
      ['زبان', fa(E.LANGUAGES, 'fa')],
      ['بخشنامه بودجه', C.CIRCULAR],
      ['چشم‌انداز', C.VISION],
      ['امضاکننده لایحه', C.SIGNATORY],
      ['سمت امضاکننده', C.SIGNATORY_TITLE],
    ],
  };
}

/**
 * v2: the budget structure of the sample, derived from its programs (C.FUNCTIONS): one
 * scheme (طرح) per program, and codes function `01`, program `01-01`, scheme `01-01-1`,
 * project `01-01-1-001` (the project's number), activity `01-01-A-001`, the seven chapters.
 */
interface BudgetStructure {
  readonly programCode: ReadonlyMap<string, { code: string; fn: string }>;
  readonly schemeOf: ReadonlyMap<string, string>;
  readonly codes: readonly Cells[];
}

/** Programs that hold capital projects in the sample. */
const PROGRAMS_WITH_PROJECTS = new Set(C.PROJECTS.map(([, pg]) => pg));

function budgetStructure(): BudgetStructure {
  const programCode = new Map<string, { code: string; fn: string }>();
  const schemeOf = new Map<string, string>();
  const codes: Cells[] = [];
  const head = (h: string) => fa(E.BUDGET_KINDS, h);
  const level = (l: string) => fa(E.BUDGET_CODE_LEVELS, l);
  for (const [fn, title, programs] of C.FUNCTIONS) {
    codes.push({ Code: fn, ParentCode: null, Level: level('function'), Title: title });
    programs.forEach((pg, i) => {
      const code = `${fn}-${String(i + 1).padStart(2, '0')}`;
      programCode.set(pg, { code, fn });
      const program = C.PROGRAMS.find(([id]) => id === pg);
      codes.push({
        Code: code,
        ParentCode: fn,
        Level: level('program'),
        Title: program?.[2] ?? pg,
      });
      // A scheme (طرح) groups a program's capital projects: only programs that have some.
      if (!PROGRAMS_WITH_PROJECTS.has(pg)) return;
      schemeOf.set(pg, `SC${pg.slice(2)}`);
      codes.push({
        Code: `${code}-1`,
        ParentCode: code,
        Level: level('scheme'),
        Title: `طرح ${program?.[2] ?? pg}`,
        Head: head('capital'),
      });
    });
  }
  for (const [id, pg, title] of C.PROJECTS) {
    const p = programCode.get(pg);
    if (p)
      codes.push({
        Code: `${p.code}-1-${id.slice(2)}`,
        ParentCode: `${p.code}-1`,
        Level: level('project'),
        Title: title,
        Head: head('capital'),
      });
  }
  for (const [id, pg, title] of C.ACTIVITIES) {
    const p = programCode.get(pg);
    if (p)
      codes.push({
        Code: `${p.code}-A-${id.slice(2)}`,
        ParentCode: p.code,
        Level: level('activity'),
        Title: title,
        Head: head('current'),
      });
  }
  for (const chapter of E.CHAPTERS)
    codes.push({
      Code: chapter.value,
      Level: level('chapter'),
      Title: chapter.fa,
      Head: head('current'),
    });
  return { programCode, schemeOf, codes };
}

const STRUCTURE = budgetStructure();

function projects(amounts: SampleAmounts): Cells[] {
  return C.PROJECTS.map((p) => {
    const [id, program, title, dept, region, start, years, , source, status, mandatory, deps] = p;
    const scores = p[13];
    const row: Cells = {
      ProjectId: id,
      ProgramId: program,
      Title: title,
      Dept: dept,
      Region: region,
      StartYear: start,
      EndYear: start + years - 1,
      ...yearCells(amounts.projectCosts.get(id)),
      SourceId: source,
      Status: fa(E.PROJECT_STATUSES, status),
      Mandatory: yesNo(mandatory),
      DependsOn: deps || null,
      OpexImpact: cash(amounts.projectOpex.get(id) ?? 0n),
      ...projectV2(id, program, start, status, amounts),
    };
    CRITERION_IDS.forEach((c, i) => (row[c] = scores[i] ?? null));
    return row;
  });
}

/**
 * v2 columns of a project: its scheme and code; an ongoing project has spent 30 % of its
 * plan-period cost before the plan (rounded down to a million Rials), and its total cost is
 * that plus the plan years' costs; projects starting in the first plan year are ready, later
 * ones at design (starting 1406) or study.
 */
function projectV2(
  id: string,
  program: string,
  start: number,
  status: string,
  amounts: SampleAmounts,
): Cells {
  const inPlan = [...(amounts.projectCosts.get(id)?.values() ?? [])].reduce((a, v) => a + v, 0n);
  const before = status === 'ongoing' ? ((inPlan * 3n) / 10n / 1_000_000n) * 1_000_000n : 0n;
  const p = STRUCTURE.programCode.get(program);
  const readiness = start <= FIRST_YEAR ? 'ready' : start === FIRST_YEAR + 1 ? 'design' : 'study';
  return {
    SchemeId: STRUCTURE.schemeOf.get(program) ?? null,
    BudgetCode: p ? `${p.code}-1-${id.slice(2)}` : null,
    TotalCost: cash(before + inPlan),
    SpentBefore: before === 0n ? null : cash(before),
    Readiness: fa(E.READINESS, readiness),
  };
}

function activities(amounts: SampleAmounts): Cells[] {
  return C.ACTIVITIES.map(([id, program, title, dept, kind, , source]) => ({
    ActivityId: id,
    ProgramId: program,
    Title: title,
    Dept: dept,
    Kind: fa(E.ACTIVITY_KINDS, kind),
    ...yearCells(amounts.activityCosts.get(id)),
    SourceId: source,
    BudgetCode: `${STRUCTURE.programCode.get(program)?.code ?? ''}-A-${id.slice(2)}`,
    Chapter: C.ACTIVITY_CHAPTERS[kind],
  }));
}

function kpis(): Cells[] {
  return C.KPIS.map(
    ([id, level, linked, title, unit, direction, baseline, targets, owner, source, freq]) => {
      const row: Cells = {
        KpiId: id,
        Level: fa(E.KPI_LEVELS, level),
        LinkedId: linked,
        Title: title,
        Unit: unit,
        Direction: fa(E.KPI_DIRECTIONS, direction),
        Baseline: baseline,
        BaselineYear: FIRST_YEAR - 1,
        OwnerDept: owner,
        Source: source,
        Frequency: fa(E.KPI_FREQUENCIES, freq),
      };
      SAMPLE_PLAN_YEARS.forEach((y, i) => (row[String(y)] = targets[i] ?? null));
      return row;
    },
  );
}

/**
 * Budget lines (contract v2's stages): the first plan year's approved budget, every approved
 * or ongoing project's cost that year and every activity's; an amendment (اصلاحیه) that cuts
 * the largest ongoing project's 1405 line by a tenth; the second year's request (پیشنهادی) for
 * the ongoing projects; and the principal of an earlier loan repaid in 1405 (the financial
 * head: a line that links no item).
 */
function budgetLines(amounts: SampleAmounts): Cells[] {
  const rows: Cells[] = [];
  const ongoing: string[] = [];
  for (const [id, , , , , , , , source, status] of C.PROJECTS) {
    const cost = amounts.projectCosts.get(id)?.get(FIRST_YEAR) ?? 0n;
    if (cost === 0n || (status !== 'approved' && status !== 'ongoing')) continue;
    if (status === 'ongoing') ongoing.push(id);
    rows.push({
      BudgetCode: `${FIRST_YEAR}-3-${id.slice(2)}`,
      Year: FIRST_YEAR,
      Kind: fa(E.BUDGET_KINDS, 'capital'),
      LinkedId: id,
      SourceId: source,
      Amount: cash(cost),
      Stage: fa(E.BUDGET_STAGES, 'approved'),
    });
  }
  for (const [id, , , , kind, , source] of C.ACTIVITIES) {
    rows.push({
      BudgetCode: `${FIRST_YEAR}-2-${id.slice(2)}`,
      Year: FIRST_YEAR,
      Kind: fa(E.BUDGET_KINDS, 'current'),
      LinkedId: id,
      SourceId: source,
      Amount: cash(amounts.activityCosts.get(id)?.get(FIRST_YEAR) ?? 0n),
      Stage: fa(E.BUDGET_STAGES, 'approved'),
      Chapter: C.ACTIVITY_CHAPTERS[kind],
    });
  }
  const cost = (id: string, year: number) => amounts.projectCosts.get(id)?.get(year) ?? 0n;
  const largest = [...ongoing].sort((a, b) => Number(cost(b, FIRST_YEAR) - cost(a, FIRST_YEAR)))[0];
  const line = (id: string) => rows.find((r) => r.LinkedId === id);
  if (largest !== undefined)
    rows.push({
      ...line(largest),
      // Whole Rials: a tenth, rounded down to a million.
      Amount: -cash((cost(largest, FIRST_YEAR) / 10n / 1_000_000n) * 1_000_000n),
      Stage: fa(E.BUDGET_STAGES, 'amended'),
    });
  for (const id of ongoing) {
    const next = cost(id, FIRST_YEAR + 1);
    if (next === 0n) continue;
    rows.push({
      ...line(id),
      BudgetCode: `${FIRST_YEAR + 1}-3-${id.slice(2)}`,
      Year: FIRST_YEAR + 1,
      Amount: cash(next),
      Stage: fa(E.BUDGET_STAGES, 'proposed'),
    });
  }
  rows.push({
    BudgetCode: `${FIRST_YEAR}-4-01`,
    Year: FIRST_YEAR,
    Kind: fa(E.BUDGET_KINDS, 'financial'),
    LinkedId: null,
    SourceId: 'SRC-GEN',
    Amount: cash(SAMPLE_LOAN_PRINCIPAL),
    Stage: fa(E.BUDGET_STAGES, 'approved'),
  });
  return rows;
}

/** The principal of an earlier loan the sample city repays in 1405 (400 billion Rials). */
export const SAMPLE_LOAN_PRINCIPAL = 400_000_000_000n;

/** Projects and activities reported on for 1405 Q1 and Q2. */
const MONITORED = [
  'P-008',
  'P-011',
  'P-012',
  'P-016',
  'P-017',
  'P-029',
  'P-034',
  'A-007',
  'A-011',
  'A-014',
  'A-017',
  'A-035',
  'A-050',
  'A-051',
];

/**
 * Spending of 1405 Q1 and Q2: 15–22% and 20–28% of the year's cost (work
 * starts slowly in spring); a project's physical progress is its cumulative
 * spending over its whole cost, in whole percent.
 */
function actuals(amounts: SampleAmounts): Cells[] {
  const rows: Cells[] = [];
  for (const id of MONITORED) {
    const isProject = id.startsWith('P-');
    const costs = isProject ? amounts.projectCosts.get(id) : amounts.activityCosts.get(id);
    const year = Number(costs?.get(FIRST_YEAR) ?? 0n);
    const total = [...(costs?.values() ?? [])].reduce((s, v) => s + Number(v), 0);
    let spent = 0;
    for (const [period, from, to] of [
      ['Q1', 150, 220],
      ['Q2', 200, 280],
    ] as const) {
      const amount = Number(
        BigInt(Math.floor((year * perMille(amounts.rng, from, to)) / 1e6)) * 1_000_000n,
      );
      spent += amount;
      rows.push({
        LinkedId: id,
        Year: FIRST_YEAR,
        Period: fa(E.PERIODS, period),
        Spent: amount,
        PhysicalProgress: isProject ? Math.round((100 * spent) / total) : null,
      });
    }
  }
  return rows;
}

/**
 * How much of its pro-rata forecast each class realised by the end of 1405 H1 (realised ÷
 * (½ × the base forecast of 1405)): most classes close to it, and service fees short (78%:
 * realisation 0.39, below 0.8 × ½ = 0.4, so monitoring lists it as needing attention).
 */
const H1_REALISED: Readonly<Record<string, number>> = {
  'general-duties': 1.02,
  'dedicated-duties': 0.97,
  'service-fees': 0.78,
  'asset-returns': 1.01,
  'government-grants': 0.95,
  donations: 1.04,
  'other-resources': 0.96,
};

/**
 * Realised revenue of 1405 H1 by class (cumulative, whole millions): the base scenario's
 * `growth` forecast of 1405 (the 1404 actual × (1 + g) × adjustment, as the forecast computes
 * it), half of it, times `H1_REALISED`.
 */
export function revenueActuals(amounts: SampleAmounts): Cells[] {
  return amounts.scenarios
    .filter((s) => s.scenario === 'base')
    .map((s) => {
      const last = amounts.history.find(
        (h) => h.revenueClass === s.revenueClass && h.year === FIRST_YEAR - 1,
      );
      const forecast = Number(last?.amount ?? 0n) * (1 + s.growthRate) * s.adjustment;
      const realised = (forecast / 2) * (H1_REALISED[s.revenueClass] ?? 1);
      return {
        RevenueClass: fa(E.REVENUE_CLASSES, s.revenueClass),
        Code: null,
        Year: FIRST_YEAR,
        Period: fa(E.PERIODS, 'H1'),
        Amount: Number(BigInt(Math.floor(realised / 1e6)) * 1_000_000n),
      };
    });
}

/**
 * The history lines of a class's amount of a year: one line with no Code, or, for a class of
 * `HISTORY_SOURCES`, one line per source (Code = its SourceId) that add up to the amount.
 */
function historyLines(revenueClass: E.RevenueClass, amount: bigint): [string | null, bigint][] {
  const sources = C.HISTORY_SOURCES.find(([cls]) => cls === revenueClass)?.[1];
  if (!sources) return [[null, amount]];
  let rest = amount;
  return sources.map(([id, share], i) => {
    const part = i === sources.length - 1 ? rest : floorMillions(Number(amount) * share);
    rest -= part;
    return [id, part];
  });
}

/** The sample plan's raw tables (not yet placed on sheets). */
function tables(): RawTable[] {
  const amounts = sampleAmounts();
  const classFa = (c: string) => fa(E.REVENUE_CLASSES, c);
  return [
    planInfo(),
    table(
      'tblDepartments',
      C.DEPARTMENTS.map(([DeptId, Name, kind]) => ({
        DeptId,
        Name,
        Kind: fa(E.DEPARTMENT_KINDS, kind),
      })),
    ),
    table(
      'tblUpstreamDocs',
      C.UPSTREAM_DOCS.map(([DocId, Title, level, type, ApprovedOn, Reference]) => ({
        DocId,
        Title,
        Level: fa(E.DOC_LEVELS, level),
        Type: fa(E.DOC_TYPES, type),
        ApprovedOn,
        Reference,
      })),
    ),
    table(
      'tblDirectives',
      C.DIRECTIVES.map(([DirectiveId, DocId, Text, Sector]) => ({
        DirectiveId,
        DocId,
        Text,
        Sector,
      })),
    ),
    table(
      'tblSwot',
      C.SWOT.map(([FactorId, kind, Text, hundredths, Rating]) => ({
        FactorId,
        Kind: fa(E.SWOT_KINDS, kind),
        Text,
        Weight: hundredths / 100,
        Rating,
      })),
    ),
    table(
      'tblGoals',
      C.GOALS.map(([GoalId, Title, perspective, Description]) => ({
        GoalId,
        Title,
        Perspective: fa(E.PERSPECTIVES, perspective),
        Description,
      })),
    ),
    table(
      'tblStrategies',
      C.STRATEGIES.map(([StrategyId, GoalId, Title, swot, role, DirectiveIds, OwnerDept]) => ({
        StrategyId,
        GoalId,
        Title,
        SwotType: fa(E.SWOT_TYPES, swot),
        MunicipalRole: fa(E.MUNICIPAL_ROLES, role),
        DirectiveIds: DirectiveIds || null,
        OwnerDept,
        PartnerIds: C.STRATEGY_PARTNERS[StrategyId] ?? null,
      })),
    ),
    table(
      'tblPrograms',
      C.PROGRAMS.map(([ProgramId, StrategyId, Title, OwnerDept]) => ({
        ProgramId,
        StrategyId,
        Title,
        OwnerDept,
        BudgetCode: STRUCTURE.programCode.get(ProgramId)?.code ?? null,
        Function: STRUCTURE.programCode.get(ProgramId)?.fn ?? null,
      })),
    ),
    table(
      'tblSchemes',
      C.PROGRAMS.filter(([ProgramId]) => STRUCTURE.schemeOf.has(ProgramId)).map(
        ([ProgramId, , Title, OwnerDept]) => ({
          SchemeId: STRUCTURE.schemeOf.get(ProgramId) ?? null,
          ProgramId,
          Title: `طرح ${Title}`,
          BudgetCode: `${STRUCTURE.programCode.get(ProgramId)?.code ?? ''}-1`,
          OwnerDept,
        }),
      ),
    ),
    table(
      'tblFundingSources',
      C.SOURCES.map(([SourceId, Title, cls, restricted]) => ({
        SourceId,
        Title,
        RevenueClass: classFa(cls),
        Restricted: yesNo(restricted),
        Nature: fa(E.FUNDING_NATURES, C.SOURCE_NATURES[SourceId] ?? 'revenue'),
      })),
    ),
    table('tblProjects', projects(amounts)),
    table('tblActivities', activities(amounts)),
    table(
      'tblCriteria',
      C.CRITERIA.map(([CriterionId, Title, direction], i) => ({
        CriterionId,
        Title,
        Weight: C.CRITERION_WEIGHTS[i] ?? null,
        Direction: fa(E.CRITERION_DIRECTIONS, direction),
        ScaleMin: 1,
        ScaleMax: 10,
      })),
    ),
    table(
      'tblCriteriaPairwise',
      C.PAIRWISE.map((values, i) => {
        const row: Cells = { CriterionId: CRITERION_IDS[i] ?? null };
        CRITERION_IDS.forEach((c, j) => (row[c] = values[j] ?? null));
        return row;
      }),
    ),
    table('tblKpis', kpis()),
    table(
      'tblRevenueHistory',
      amounts.history.flatMap((h) =>
        historyLines(h.revenueClass, h.amount).map(([Code, amount]) => ({
          RevenueClass: classFa(h.revenueClass),
          Code,
          Year: h.year,
          Amount: cash(amount),
        })),
      ),
    ),
    table(
      'tblRevenueScenarios',
      amounts.scenarios.map((s) => ({
        Scenario: s.scenario,
        RevenueClass: classFa(s.revenueClass),
        Method: fa(E.REVENUE_METHODS, 'growth'),
        GrowthRate: s.growthRate,
        Adjustment: s.adjustment,
        Volatility: s.volatility,
      })),
    ),
    table('tblBudgetCodes', STRUCTURE.codes),
    table('tblBudgetLines', budgetLines(amounts)),
    table('tblActuals', actuals(amounts)),
    table('tblRevenueActuals', revenueActuals(amounts)),
    table(
      'tblKpiActuals',
      C.KPI_ACTUALS.flatMap(([KpiId, q1, q2]) => [
        { KpiId, Year: FIRST_YEAR, Period: fa(E.PERIODS, 'Q1'), Actual: q1 },
        { KpiId, Year: FIRST_YEAR, Period: fa(E.PERIODS, 'Q2'), Actual: q2 },
      ]),
    ),
    table(
      'tblStakeholders',
      C.STAKEHOLDERS.map(([StakeholderId, Name, type]) => ({
        StakeholderId,
        Name,
        Type: fa(E.STAKEHOLDER_TYPES, type),
      })),
    ),
    table(
      'tblCommitments',
      C.COMMITMENTS.map(
        ([CommitmentId, StakeholderId, LinkedId, Text, FromYear, ToYear, amount]) => ({
          CommitmentId,
          StakeholderId,
          LinkedId,
          Text,
          FromYear,
          ToYear,
          Amount: amount === null ? null : cash(amount),
        }),
      ),
    ),
    table(
      'tblChanges',
      C.CHANGES.map(([ChangeId, LinkedId, change, Reason, RequestedBy, Year]) => ({
        ChangeId,
        LinkedId,
        Change: fa(E.CHANGE_KINDS, change),
        Reason,
        RequestedBy,
        Year,
      })),
    ),
  ];
}

/**
 * The complete sample plan of a mid-sized Iranian city ("شهر نمونه", plan
 * 1405–1409, a `city` workbook in Persian), placed on the sheets of the
 * Persian template. Deterministic: every call returns the same workbook.
 */
export function samplePlanWorkbook(): RawWorkbook {
  return placeTables({ tables: tables() }, { lang: 'fa' });
}
