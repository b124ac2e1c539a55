/**
 * What the public sees of a city plan (issue 15, "The public"): the rule, in one place, that
 * turns the canonical tables of an adopted, published snapshot into `ApiPublicPlan` and each
 * of `PUBLISHED_TABLES` into open data. Only the listed tables and columns leave: no people
 * (partner agencies are named, other stakeholders never), no comments, no drafts, no budget
 * lines, no scores. Pure: the register gives the tables and the measured figures.
 */
import type { CanonicalCell, CanonicalRow, CanonicalTable } from '../read/canonical';
import { canonicalRefIds } from '../read/canonical';
import { getTableSpec } from '../contract/tables';
import type { ApiFiscalScenario, ApiPlanTotals } from './schemas';
import type { ApiPublicPlan, PublicFormat, PublishedTableKey } from './public';
import type { AmendmentPlan } from '../contract/amendments';
import type { TableName } from '../contract/tables';
import { PUBLIC_PATHS, PUBLISHED_TABLES } from './public';

type Rows = readonly CanonicalRow[];

const text = (v: CanonicalCell | undefined): string => (v === undefined ? '' : String(v));
const textOrNull = (v: CanonicalCell | undefined): string | null =>
  v === undefined || v === '' ? null : String(v);
const num = (v: CanonicalCell | undefined): number | null =>
  typeof v === 'number'
    ? v
    : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))
      ? Number(v)
      : null;
const int = (v: CanonicalCell | undefined): number | null => {
  const n = num(v);
  return n === null || !Number.isInteger(n) ? null : n;
};
const money = (v: CanonicalCell | undefined): string | null =>
  v === undefined ? null : /^-?\d+$/.test(String(v)) ? String(v) : null;
const ids = canonicalRefIds;

/** Per plan year: the row's amounts (absent years left out). */
function perYear(row: CanonicalRow, years: readonly number[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const y of years) {
    const m = money(row[String(y)]);
    if (m !== null) out[String(y)] = m;
  }
  return out;
}

/** The rows of a table, none when absent. */
function rowsOf(tables: readonly CanonicalTable[], name: string): Rows {
  return tables.find((t) => t.name === name)?.rows ?? [];
}

/** What the register gives besides the tables. */
export interface PublicPlanFacts {
  municipality: ApiPublicPlan['municipality'];
  snapshot: ApiPublicPlan['snapshot'];
  cycle: ApiPublicPlan['cycle'];
  years: readonly number[];
  totals: ApiPlanTotals;
  fiscal: readonly ApiFiscalScenario[];
}

/** The public plan of a snapshot's canonical tables. */
export function publicPlanOf(
  tables: readonly CanonicalTable[],
  facts: PublicPlanFacts,
): ApiPublicPlan {
  const years = [...facts.years];
  const info = new Map(rowsOf(tables, 'tblPlanInfo').map((r) => [text(r.Key), r.Value]));
  // Partner agencies: stakeholders of Type agency only, by name (organisations, not people).
  const agencies = new Map(
    rowsOf(tables, 'tblStakeholders')
      .filter((r) => r.Type === 'agency')
      .map((r) => [text(r.StakeholderId), text(r.Name)]),
  );
  const kpiTargets = (r: CanonicalRow) =>
    Object.fromEntries(years.map((y) => [String(y), num(r[String(y)])]));
  const { code } = facts.municipality;
  const { cycleStart, number } = facts.snapshot;
  return {
    municipality: facts.municipality,
    snapshot: facts.snapshot,
    cycle: facts.cycle,
    years,
    title: text(info.get('PlanTitle')) || facts.cycle.title,
    vision: textOrNull(info.get('Vision')),
    goals: rowsOf(tables, 'tblGoals').map((r) => ({
      id: text(r.GoalId),
      title: text(r.Title),
      perspective: textOrNull(r.Perspective),
      description: text(r.Description),
    })),
    strategies: rowsOf(tables, 'tblStrategies').map((r) => ({
      id: text(r.StrategyId),
      goalId: text(r.GoalId),
      title: text(r.Title),
      swotType: textOrNull(r.SwotType),
      municipalRole: textOrNull(r.MunicipalRole),
      ownerDept: text(r.OwnerDept),
      partners: ids(r.PartnerIds)
        .filter((id) => agencies.has(id))
        .map((id) => ({ id, name: agencies.get(id) ?? id })),
      // The register adds the agencies' sign-offs (they come after publication).
      signoffs: [],
    })),
    programs: rowsOf(tables, 'tblPrograms').map((r) => ({
      id: text(r.ProgramId),
      strategyId: text(r.StrategyId),
      title: text(r.Title),
      ownerDept: text(r.OwnerDept),
      budgetCode: text(r.BudgetCode),
    })),
    schemes: rowsOf(tables, 'tblSchemes').map((r) => ({
      id: text(r.SchemeId),
      programId: text(r.ProgramId),
      title: text(r.Title),
      budgetCode: text(r.BudgetCode),
    })),
    projects: rowsOf(tables, 'tblProjects').map((r) => ({
      id: text(r.ProjectId),
      programId: text(r.ProgramId),
      schemeId: text(r.SchemeId),
      title: text(r.Title),
      dept: text(r.Dept),
      region: text(r.Region),
      startYear: int(r.StartYear),
      endYear: int(r.EndYear),
      sourceId: text(r.SourceId),
      status: textOrNull(r.Status),
      totalCost: money(r.TotalCost),
      cost: perYear(r, years),
      // A snapshot is the plan; execution comes from monitoring, which a snapshot does not hold.
      progress: null,
    })),
    activities: rowsOf(tables, 'tblActivities').map((r) => ({
      id: text(r.ActivityId),
      programId: text(r.ProgramId),
      title: text(r.Title),
      dept: text(r.Dept),
      kind: textOrNull(r.Kind),
      sourceId: text(r.SourceId),
      cost: perYear(r, years),
    })),
    kpis: rowsOf(tables, 'tblKpis').map((r) => ({
      id: text(r.KpiId),
      level: textOrNull(r.Level),
      linkedId: text(r.LinkedId),
      title: text(r.Title),
      unit: text(r.Unit),
      direction: textOrNull(r.Direction),
      baseline: num(r.Baseline),
      baselineYear: int(r.BaselineYear),
      targets: kpiTargets(r),
      actuals: [],
    })),
    fundingSources: rowsOf(tables, 'tblFundingSources').map((r) => ({
      id: text(r.SourceId),
      title: text(r.Title),
      revenueClass: textOrNull(r.RevenueClass),
      nature: textOrNull(r.Nature),
    })),
    totals: facts.totals,
    fiscal: [...facts.fiscal],
    scenario: textOrNull(info.get('Scenario')),
    tables: PUBLISHED_TABLES.map((t) => {
      const spec = getTableSpec(t.table);
      const link = (format: PublicFormat) =>
        PUBLIC_PATHS.table(code, cycleStart, number, t.key, format);
      return {
        key: t.key,
        name: { fa: spec.fa, en: spec.en },
        rows: rowsOf(tables, t.table).length,
        downloads: { csv: link('csv'), xlsx: link('xlsx'), json: link('json') },
      };
    }),
  };
}

/** A published table as open data: its published columns (then its plan years), and rows. */
export interface PublishedTableData {
  key: PublishedTableKey;
  /** The contract table it is drawn from. */
  table: string;
  name: { fa: string; en: string };
  /** Column keys (`ProjectId`, …, `1405`, …). */
  columns: string[];
  /** Persian captions of the columns, in the same order. */
  captions: string[];
  rows: (string | number | boolean | null)[][];
}

/** One of `PUBLISHED_TABLES` of a snapshot's canonical tables; null for an unknown key. */
export function publishedTable(
  tables: readonly CanonicalTable[],
  key: string,
  years: readonly number[],
): PublishedTableData | null {
  const t = PUBLISHED_TABLES.find((p) => p.key === key);
  if (t === undefined) return null;
  const spec = getTableSpec(t.table);
  const yearCols = spec.yearColumns === null ? [] : years.map(String);
  const columns = [...t.columns, ...yearCols];
  const caption = (c: string) => spec.columns.find((s) => s.key === c)?.fa ?? c;
  return {
    key: t.key,
    table: t.table,
    name: { fa: spec.fa, en: spec.en },
    columns,
    captions: columns.map(caption),
    rows: rowsOf(tables, t.table).map((r) => columns.map((c) => r[c] ?? null)),
  };
}

/**
 * The rows an amendment is checked against, read back from a plan in the public shape (the
 * council's review in the browser checks its proposals with the same `validateAmendments` as
 * the register, which checks them again against the snapshot's own rows): each item's id,
 * and a project's cost per plan year in whole Rials.
 */
export function amendmentPlanOf(plan: ApiPublicPlan): AmendmentPlan {
  const rows = (key: string, items: readonly { id: string }[]) =>
    items.map((i) => ({ [key]: i.id }) as CanonicalRow);
  const table = (name: TableName, r: CanonicalRow[]): CanonicalTable => ({
    name,
    columns: Object.keys(r[0] ?? {}),
    rows: r,
  });
  return {
    years: plan.years,
    tables: [
      table(
        'tblProjects',
        plan.projects.map((p) => ({ ProjectId: p.id, ...p.cost }) as CanonicalRow),
      ),
      table('tblActivities', rows('ActivityId', plan.activities)),
      table('tblPrograms', rows('ProgramId', plan.programs)),
      table('tblStrategies', rows('StrategyId', plan.strategies)),
      table('tblGoals', rows('GoalId', plan.goals)),
      table('tblKpis', rows('KpiId', plan.kpis)),
    ],
  };
}
