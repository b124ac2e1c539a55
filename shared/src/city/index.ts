/**
 * The city plan measured: what the register's consolidation reports and what the documents
 * print, from one merged city workbook (the register's assembled plan, or a `city` workbook
 * given to the CLI). Validation across departments, the chain goal → strategy → program →
 * item, totals per year by department, program, funding source and goal, the fiscal balance
 * against each revenue scenario (with contract v2's operating, capital and financial balances
 * and the cash position), the budget's totals by head, chapter, function, program, scheme and
 * stage (the budget album), the portfolio over all departments' projects and KPI
 * coverage, each from the core's own function. Money is returned as strings of whole Rials
 * (the report is JSON).
 */
import { BUDGET_STAGES } from '../contract/enums';
import type { Finding } from '../findings';
import { computeCapitalBudget, fiscalBalance } from '../fiscal';
import type { AlbumStage, BudgetAlbum, BudgetGrouping } from '../fiscal/heads';
import { budgetAlbums, budgetBalances } from '../fiscal/heads';
import { kpiReport } from '../kpi';
import { coverageReport, indexPlanLinks, resolveChainIds } from '../linkage';
import { portfolioFromPlan, selectPortfolio } from '../portfolio';
import type { RawWorkbook } from '../read/raw';
import { forecastRevenueScenarios } from '../revenue';
import { validateWorkbook } from '../validate';
import { sortFindings } from '../validate/order';

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

function countBy(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

/** Options of `measureCityPlan`. */
export interface MeasureCityOptions {
  /** Findings found before measuring (the register's: tables outside their kind). */
  findings?: readonly Finding[];
  /** The portfolio solver's time limit; ten seconds bounds a request (the register's). */
  timeLimitSeconds?: number;
}

/**
 * Measures a merged city plan (raw tables whose headers are column keys or captions) with
 * the core: the consolidation report's figures.
 */
export async function measureCityPlan(workbook: RawWorkbook, options: MeasureCityOptions = {}) {
  // The merged plan is the whole city's: every table is in reach of a `city` workbook.
  const validation = validateWorkbook(workbook, { workbookKind: 'city' });
  const { plan, skipped } = validation;
  const findings = sortFindings([...(options.findings ?? []), ...validation.findings]);
  // One index of the plan's links for the coverage and every item's chain.
  const index = indexPlanLinks(plan);
  const coverage = coverageReport(index);
  const items = [
    ...(plan.tables.tblProjects?.rows ?? []).map((r) => r.ProjectId),
    ...(plan.tables.tblActivities?.rows ?? []).map((r) => r.ActivityId),
  ];
  // Of each item's chain the IDs of its program, strategy, goal and sources.
  const chains = items.map((id) => resolveChainIds(index, id));

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
  // plan's costs beside them, and each stage's total on its own (all albums in one pass over
  // the plan: `budgetAlbums`).
  const groupings: BudgetGrouping[] = ['head', 'chapter', 'function', 'program', 'scheme'];
  const stages: AlbumStage[] = [...BUDGET_STAGES.map((s) => s.value), 'current'];
  const albums = budgetAlbums(plan, [
    ...groupings.map((by) => ({ by })),
    ...stages.map((stage) => ({ by: 'head' as const, stage })),
  ]);
  const albumOf = (album: BudgetAlbum) => {
    const out: Record<string, Record<string, { budget: string; plan: string }>> = {};
    for (const [key, years] of [...album.groups].sort((a, b) => a[0].localeCompare(b[0])))
      out[key] = Object.fromEntries(
        [...years]
          .sort((a, b) => a[0] - b[0])
          .map(([year, c]) => [year, { budget: c.budget.toString(), plan: c.plan.toString() }]),
      );
    return out;
  };
  const stageTotals = (album: BudgetAlbum): Amounts => {
    const sums = new Map<number, bigint>();
    for (const years of album.groups.values())
      for (const [year, c] of years) sums.set(year, (sums.get(year) ?? 0n) + c.budget);
    return yearly(sums);
  };
  const [byHead, byChapter, byFunction, byProgram, byScheme] = albums as [
    BudgetAlbum,
    BudgetAlbum,
    BudgetAlbum,
    BudgetAlbum,
    BudgetAlbum,
  ];
  const budget = {
    stage: 'current' as const,
    byHead: albumOf(byHead),
    byChapter: albumOf(byChapter),
    byFunction: albumOf(byFunction),
    byProgram: albumOf(byProgram),
    byScheme: albumOf(byScheme),
    byStage: Object.fromEntries(
      stages.map((stage, i) => [stage, stageTotals(albums[groupings.length + i]!)]),
    ),
  };

  // The capital budget as the pane and the CLI set it: the city's scenario (the framework's
  // `Scenario`, else `base`) less activities and planned opex.
  const capital = computeCapitalBudget(plan);
  let portfolio = null;
  if (capital.ok) {
    const problem = portfolioFromPlan(plan, capital.byYear);
    // HiGHS proves optimality for a city's few hundred projects well within ten seconds.
    const result = await selectPortfolio(problem.input, {
      timeLimitSeconds: options.timeLimitSeconds ?? 10,
    });
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
      ...(result.model === 'schedule' && result.schedule
        ? {
            starts: result.schedule.flatMap((x) =>
              x.start === null
                ? []
                : [
                    {
                      id: x.id,
                      plannedStart: x.plannedStart,
                      start: x.start,
                      costAfterPlan: x.costAfterPlan.toString(),
                    },
                  ],
            ),
          }
        : {}),
    };
  }

  const kpis = kpiReport(plan);
  return {
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
      schemesWithoutProject: coverage.schemesWithoutProject.map((g) => g.id),
      budgetCodesWithoutMoney: [...coverage.budgetCodesWithoutMoney],
      kpis: kpis.length,
      withActuals: kpis.filter((k) => k.latest !== null).length,
      byStatus: countBy(kpis.map((k) => k.latest?.status ?? 'no-data')),
    },
    workbook,
  };
}

/** A measured city plan (the consolidation report without where its parts came from). */
export type CityMeasure = Awaited<ReturnType<typeof measureCityPlan>>;
