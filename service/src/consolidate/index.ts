/**
 * Consolidation: the city-wide plan assembled on the server from the latest approved version
 * of every submission of a cycle (the framework and every department), merged from each
 * version's plan in the core's canonical form (each read once, at its push, with its own
 * Unit, digits and captions: amounts in Rials), then measured with the core only: validation
 * across departments, the chain goal → strategy → program → item, totals per year by
 * department, program and funding source, the fiscal balance against each revenue scenario
 * (with contract v2's operating, capital and financial balances and the cash position), the
 * budget's totals by head, chapter, function, program, scheme and stage (the budget album),
 * the portfolio selection over all departments' projects, and KPI coverage.
 * Exported as an `.xlsx` the council reads and prints (`document.ts`).
 */
import type { CanonicalRow, CanonicalTable, Finding, RawWorkbook } from '#core';
import type { AlbumStage, BudgetGrouping } from '#core';
import {
  BUDGET_STAGES,
  TABLES,
  VALIDATION_CODES,
  budgetAlbum,
  budgetBalances,
  WORKBOOK_KINDS,
  computeCapitalBudget,
  coverageReport,
  findTableSpec,
  fiscalBalance,
  forecastRevenueScenarios,
  fromCanonicalTables,
  indexPlanLinks,
  isContractTable,
  kindHoldsTable,
  kpiReport,
  makeFinding,
  orderColumns,
  portfolioFromPlan,
  resolveChain,
  selectPortfolio,
  sortFindings,
  toPersianDigits,
  validateWorkbook,
  workbookKindOf,
} from '#core';
import type { AppDeps } from '../handlers/context';
import type { IgnoredReason } from '../handlers/submissions';
import {
  cycleSubmissions,
  latestApprovedVersion,
  referenceWorkbook,
  versionPlan,
} from '../handlers/submissions';

/** Where each part of the consolidated plan came from. */
export interface ConsolidationSource {
  submissionId: string;
  departmentCode: string;
  kind: string;
  version: number;
}

/** The city plan assembled from approved versions. */
export interface AssembledPlan {
  /** The merged plan in the canonical form (amounts in Rials, `tblPlanInfo` says so). */
  tables: CanonicalTable[];
  /** The same as raw tables whose headers are the column keys, for the core's reader. */
  workbook: RawWorkbook;
  sources: ConsolidationSource[];
  /** Submissions of the cycle without an approved version (left out). */
  pending: { submissionId: string; departmentCode: string; kind: string; status: string }[];
  /** Submissions of the cycle that are not part of its plan (left out), and why. */
  ignored: { submissionId: string; departmentCode: string; kind: string; reason: IgnoredReason }[];
  /** Tables of approved versions that their workbook's kind may not hold (left out). */
  findings: Finding[];
}

/** Tables of which only one copy is kept (the first source's: the framework comes first). */
const SINGLE_COPY = new Set(['tblPlanInfo']);
/** Tables whose rows are merged by ID, first copy winning (each workbook may list departments). */
const MERGE_BY_ID = new Set(['tblDepartments']);

/** Assembles the city plan of a cycle from the approved versions of its submissions. */
export async function assembleCityPlan(
  deps: AppDeps,
  tenantId: string,
  cycleId: string,
): Promise<AssembledPlan> {
  const { included, ignored } = await cycleSubmissions(deps, tenantId, cycleId);
  const depts = new Map((await deps.repos.departments.list(tenantId)).map((d) => [d.id, d.code]));
  // The cycle's framework first, so its plan info and department list win.
  const ordered = [...included].sort(
    (a, b) => rank(a.kind) - rank(b.kind) || a.departmentId.localeCompare(b.departmentId),
  );
  const outOfKind: Finding[] = [];
  const merged = new Map<string, CanonicalRow[]>();
  const columns = new Map<string, string[]>();
  const seenIds = new Map<string, Set<string>>();
  const sources: ConsolidationSource[] = [];
  const pending: AssembledPlan['pending'] = [];
  // Asked for only by versions stored before plan rows were (see `versionPlan`).
  let reference: Promise<RawWorkbook | undefined> | undefined;
  const referenceOnce = () =>
    (reference ??= referenceWorkbook(deps, tenantId, cycleId).then((r) => r?.workbook));
  for (const sub of ordered) {
    const code = depts.get(sub.departmentId) ?? '';
    const version = await latestApprovedVersion(deps, sub);
    if (version === null) {
      pending.push({
        submissionId: sub.id,
        departmentCode: code,
        kind: sub.kind,
        status: sub.status,
      });
      continue;
    }
    sources.push({ submissionId: sub.id, departmentCode: code, kind: sub.kind, version });
    const kind = workbookKindOf(sub.kind);
    for (const table of await versionPlan(deps, sub, version, referenceOnce)) {
      const name = table.name;
      // A version stored before the register refused tables outside their kind: the table
      // stays out of the city plan (another office owns it), with the finding a push gets.
      if (kind !== null && isContractTable(name) && !kindHoldsTable(kind, name)) {
        if (table.rows.length > 0)
          outOfKind.push(
            makeFinding(
              VALIDATION_CODES.TABLE_NOT_IN_KIND.severity,
              'TABLE_NOT_IN_KIND',
              { table: name },
              {
                fa: `نسخه ${toPersianDigits(String(version))} کارپوشه «${WORKBOOK_KINDS.find((k) => k.value === kind)?.fa ?? ''}» واحد ${code} جدول ${name} را دارد که از آنِ این نوع کارپوشه نیست؛ در برنامه شهر به شمار نیامد`,
                en: `version ${version} of ${code}'s ${sub.kind} workbook holds ${name}, which a ${sub.kind} workbook may not hold; it is left out of the city plan`,
              },
            ),
          );
        continue;
      }
      const known = columns.get(name) ?? [];
      for (const c of table.columns) if (!known.includes(c)) known.push(c);
      columns.set(name, known);
      if (SINGLE_COPY.has(name) && merged.has(name)) continue;
      const rows = merged.get(name) ?? [];
      merged.set(name, rows);
      const idColumn = findTableSpec(name)?.idColumn ?? null;
      const ids = seenIds.get(name) ?? new Set<string>();
      seenIds.set(name, ids);
      for (const row of table.rows) {
        if (MERGE_BY_ID.has(name) && idColumn !== null) {
          const id = String(row[idColumn] ?? '');
          if (ids.has(id)) continue;
          ids.add(id);
        }
        rows.push(row);
      }
    }
  }
  // Contract tables in contract order, each with its columns in the contract's order: the
  // union of every source's columns (a department may have a column another lacks).
  const tables: CanonicalTable[] = TABLES.filter((spec) => merged.has(spec.name)).map((spec) => ({
    name: spec.name,
    columns: orderColumns(spec.name, columns.get(spec.name) ?? []),
    rows: merged.get(spec.name) ?? [],
  }));
  return {
    tables,
    workbook: fromCanonicalTables(tables),
    sources,
    pending,
    ignored: ignored.map(({ sub, reason }) => ({
      submissionId: sub.id,
      departmentCode: depts.get(sub.departmentId) ?? '',
      kind: sub.kind,
      reason,
    })),
    findings: outOfKind,
  };
}

function rank(kind: string): number {
  return kind === 'framework' ? 0 : kind === 'city' ? 1 : kind === 'revenue' ? 2 : 3;
}

type Amounts = Record<string, string>;

function yearly(map: ReadonlyMap<number, bigint>): Amounts {
  const out: Amounts = {};
  for (const [year, amount] of [...map].sort((a, b) => a[0] - b[0])) out[year] = amount.toString();
  return out;
}

function byKey(map: ReadonlyMap<string, ReadonlyMap<number, bigint>>): Record<string, Amounts> {
  const out: Record<string, Amounts> = {};
  for (const [key, years] of [...map].sort((a, b) => a[0].localeCompare(b[0])))
    out[key] = yearly(years);
  return out;
}

/** The consolidated plan's report (money as strings of whole Rials). */
export async function consolidate(deps: AppDeps, tenantId: string, cycleId: string) {
  const assembled = await assembleCityPlan(deps, tenantId, cycleId);
  // The assembled plan is the whole city's: every table is in reach of a `city` workbook.
  const validation = validateWorkbook(assembled.workbook, { workbookKind: 'city' });
  const { plan, skipped } = validation;
  const findings = sortFindings([...assembled.findings, ...validation.findings]);
  const coverage = coverageReport(plan);
  const index = indexPlanLinks(plan);
  const items = [
    ...(plan.tables.tblProjects?.rows ?? []).map((r) => r.ProjectId),
    ...(plan.tables.tblActivities?.rows ?? []).map((r) => r.ActivityId),
  ];
  const chains = items.map((id) => {
    const chain = resolveChain(index, id);
    return {
      item: id,
      program: chain?.program?.id ?? null,
      strategy: chain?.strategy?.id ?? null,
      goal: chain?.goal?.id ?? null,
      sources: chain?.sources.map((s) => s.id) ?? [],
    };
  });

  const revenue = forecastRevenueScenarios(plan);
  const scenarios = revenue.ok ? revenue.scenarios : [];
  const str = (v: bigint | null) => v?.toString() ?? null;
  const fiscal = scenarios.map((s) => {
    const balance = fiscalBalance(plan, s.totals);
    // v2: the same gap split into the three balances, and the cash position (one rule each,
    // in the core; the gap of both is one figure).
    const heads = new Map(budgetBalances(plan, s).years.map((y) => [y.year, y]));
    return {
      scenario: s.scenario,
      complete: s.complete,
      openingBalance: plan.info.OpeningBalance.toString(),
      years: balance.years.map((y) => {
        const h = heads.get(y.year);
        return {
          year: y.year,
          revenue: str(y.revenue),
          spending: y.total.toString(),
          activities: y.activities.toString(),
          projects: y.projects.toString(),
          opex: y.opex.toString(),
          financial: y.financial.toString(),
          gap: str(y.gap),
          current: (y.activities + y.opex).toString(),
          operating: str(h?.operating ?? null),
          capitalBalance: str(h?.capitalBalance ?? null),
          financialBalance: str(h?.financialBalance ?? null),
          cash: str(h?.cash ?? null),
        };
      }),
    };
  });

  // The budget album (contract v2): the current budget's totals by each grouping with the
  // plan's costs beside them, and each stage's total on its own.
  const albumOf = (by: BudgetGrouping, stage: AlbumStage = 'current') => {
    const album = budgetAlbum(plan, by, stage);
    const out: Record<string, Record<string, { budget: string; plan: string }>> = {};
    for (const [key, years] of [...album.groups].sort((a, b) => a[0].localeCompare(b[0])))
      out[key] = Object.fromEntries(
        [...years]
          .sort((a, b) => a[0] - b[0])
          .map(([year, c]) => [year, { budget: c.budget.toString(), plan: c.plan.toString() }]),
      );
    return out;
  };
  const stageTotals = (stage: AlbumStage): Amounts => {
    const sums = new Map<number, bigint>();
    for (const years of budgetAlbum(plan, 'head', stage).groups.values())
      for (const [year, c] of years) sums.set(year, (sums.get(year) ?? 0n) + c.budget);
    return yearly(sums);
  };
  const budget = {
    stage: 'current' as const,
    byHead: albumOf('head'),
    byChapter: albumOf('chapter'),
    byFunction: albumOf('function'),
    byProgram: albumOf('program'),
    byScheme: albumOf('scheme'),
    byStage: Object.fromEntries(
      [...BUDGET_STAGES.map((s) => s.value), 'current' as const].map((stage) => [
        stage,
        stageTotals(stage),
      ]),
    ),
  };

  // The capital budget as the pane and the CLI set it: the city's scenario (the framework's
  // `Scenario`, else `base`) less activities and planned opex.
  const capital = computeCapitalBudget(plan);
  let portfolio = null;
  if (capital.ok) {
    const problem = portfolioFromPlan(plan, capital.byYear);
    // Ten seconds bounds a request; HiGHS proves optimality for a city's few hundred projects well within it.
    const result = await selectPortfolio(problem.input, { timeLimitSeconds: 10 });
    portfolio = {
      scenario: capital.forecast.scenario,
      status: result.status,
      message: result.message,
      chosen: result.chosen,
      objective: result.objective,
      spending: result.spending.map((s) => ({
        year: s.year,
        budget: s.budget.toString(),
        spent: s.spent.toString(),
        left: s.left.toString(),
      })),
      excluded: problem.excluded.map((e) => ({ id: e.id, reason: e.reason })),
    };
  }

  const kpis = kpiReport(plan);
  return {
    cycleId,
    sources: assembled.sources,
    pending: assembled.pending,
    ignored: assembled.ignored,
    years: plan.years,
    findings: findings as Finding[],
    skipped,
    totals: {
      total: yearly(coverage.totals.total),
      byDepartment: byKey(coverage.totals.byDept),
      byProgram: byKey(coverage.totals.byProgram),
      bySource: byKey(coverage.totals.bySource),
      byGoal: byKey(coverage.totals.byGoal),
    },
    chains,
    fiscal,
    budget,
    revenueFindings: revenue.ok ? revenue.findings : [],
    portfolio,
    kpi: {
      goalsWithoutMacroKpi: coverage.goalsWithoutMacroKpi.map((g) => g.id),
      programsWithoutMoney: coverage.programsWithoutMoney.map((g) => g.id),
      strategiesWithoutProgram: coverage.strategiesWithoutProgram.map((g) => g.id),
      kpis: kpis.length,
      withActuals: kpis.filter((k) => k.latest !== null).length,
      byStatus: countBy(kpis.map((k) => k.latest?.status ?? 'no-data')),
    },
    workbook: assembled.workbook,
  };
}

/** The consolidation report. */
export type Consolidation = Awaited<ReturnType<typeof consolidate>>;

function countBy(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}
