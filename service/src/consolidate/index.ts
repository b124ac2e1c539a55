/**
 * Consolidation: the city-wide plan assembled on the server from the latest approved version
 * of every submission of a cycle (the framework and every department), then measured with
 * the core only: validation across departments, the chain goal → strategy → program → item,
 * totals per year by department, program and funding source, the fiscal balance against each
 * revenue scenario, the portfolio selection over all departments' projects, and KPI coverage.
 * Exported as an `.xlsx` with Persian captions for the council.
 */
import { findTableSpec } from '../../../shared/src/contract/tables';
import { computeCapitalBudget, fiscalBalance } from '../../../shared/src/fiscal';
import type { Finding } from '../../../shared/src/findings';
import { kpiReport } from '../../../shared/src/kpi';
import { coverageReport, indexPlanLinks, resolveChain } from '../../../shared/src/linkage';
import { portfolioFromPlan, selectPortfolio } from '../../../shared/src/portfolio';
import type { RawCell, RawTable, RawWorkbook } from '../../../shared/src/read/raw';
import { forecastRevenueScenarios } from '../../../shared/src/revenue';
import { validateWorkbook } from '../../../shared/src/validate';
import type { JsonObject } from '../db/canonical';
import type { AppDeps } from '../handlers/context';
import { latestApprovedVersion, versionTables } from '../handlers/submissions';
import { fromVersionTables, LAYOUT_TABLE, layoutOf } from '../handlers/workbook';
import { writeRawWorkbook } from '../xlsx';

/** Where each part of the consolidated plan came from. */
export interface ConsolidationSource {
  submissionId: string;
  departmentCode: string;
  kind: string;
  version: number;
}

/** The city plan assembled from approved versions, as raw tables keyed by column keys. */
export interface AssembledPlan {
  workbook: RawWorkbook;
  sources: ConsolidationSource[];
  /** Submissions of the cycle without an approved version (left out). */
  pending: { submissionId: string; departmentCode: string; kind: string; status: string }[];
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
  const subs = await deps.repos.submissions.list(tenantId, { cycleId });
  const depts = new Map((await deps.repos.departments.list(tenantId)).map((d) => [d.id, d.code]));
  // Framework first, so its plan info and department list win.
  const ordered = [...subs].sort(
    (a, b) => rank(a.kind) - rank(b.kind) || a.departmentId.localeCompare(b.departmentId),
  );
  const merged: Record<string, JsonObject[]> = {};
  const layout = new Map<string, string[]>();
  const seenIds = new Map<string, Set<string>>();
  const sources: ConsolidationSource[] = [];
  const pending: AssembledPlan['pending'] = [];
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
    const { tables } = await versionTables(deps, sub, version);
    for (const entry of layoutOf(tables)) {
      const name = entry.table;
      const rows = tables[name] ?? [];
      const columns = layout.get(name) ?? [];
      for (const c of entry.columns) if (!columns.includes(c)) columns.push(c);
      layout.set(name, columns);
      if (SINGLE_COPY.has(name) && merged[name] !== undefined) continue;
      const idColumn = findTableSpec(name)?.idColumn ?? null;
      const ids = seenIds.get(name) ?? new Set<string>();
      seenIds.set(name, ids);
      for (const row of rows) {
        if (MERGE_BY_ID.has(name) && idColumn !== null) {
          const id = String(row[idColumn] ?? '');
          if (ids.has(id)) continue;
          ids.add(id);
        }
        (merged[name] ??= []).push(row);
      }
    }
  }
  merged[LAYOUT_TABLE] = [...layout].map(([table, columns]) => ({
    table,
    sheet: null,
    address: null,
    columns,
  }));
  return { workbook: fromVersionTables(merged), sources, pending };
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
  const { plan, findings, skipped } = validateWorkbook(assembled.workbook);
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
  const fiscal = scenarios.map((s) => {
    const balance = fiscalBalance(plan, s.totals);
    return {
      scenario: s.scenario,
      complete: s.complete,
      years: balance.years.map((y) => ({
        year: y.year,
        revenue: y.revenue?.toString() ?? null,
        spending: y.total.toString(),
        activities: y.activities.toString(),
        projects: y.projects.toString(),
        opex: y.opex.toString(),
        gap: y.gap?.toString() ?? null,
      })),
    };
  });

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

/** A money string as a cell: a number while exact (≤ 2^53), else text, so no Rial is lost. */
function money(value: string | null): RawCell {
  if (value === null) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : value;
}

function amountsTable(
  name: string,
  sheet: string,
  label: string,
  years: readonly number[],
  rows: Record<string, Amounts>,
): RawTable {
  return {
    name,
    sheet,
    header: [label, ...years.map(String)],
    rows: Object.entries(rows).map(([key, amounts]) => [
      key === '' ? '(نامشخص)' : key,
      ...years.map((y) => money(amounts[y] ?? '0')),
    ]),
  };
}

/** The consolidation as an `.xlsx` the council opens: the plan's tables and the summaries, in Persian. */
export async function consolidationXlsx(report: Consolidation): Promise<Uint8Array> {
  const plan = fromVersionTables(
    Object.fromEntries(
      report.workbook.tables.map((t) => [
        t.name,
        t.rows.map((r) => Object.fromEntries(t.header.map((h, i) => [String(h), r[i] ?? null]))),
      ]),
    ) as Record<string, JsonObject[]>,
    { lang: 'fa' },
  );
  const years = report.years;
  const summaries: RawTable[] = [
    amountsTable('tblCityTotals', 'جمع‌ها', 'کل برنامه', years, { 'جمع کل': report.totals.total }),
    amountsTable('tblCityByDept', 'جمع‌ها', 'واحد متولی', years, report.totals.byDepartment),
    amountsTable(
      'tblCityByProgram',
      'جمع برنامه‌ها',
      'شناسه برنامه',
      years,
      report.totals.byProgram,
    ),
    amountsTable('tblCityBySource', 'جمع منابع', 'منبع تأمین', years, report.totals.bySource),
    {
      name: 'tblCityFiscal',
      sheet: 'تراز مالی',
      header: [
        'سناریو',
        'سال',
        'درآمد پیش‌بینی',
        'هزینه کل',
        'فعالیت‌های مستمر',
        'پروژه‌ها',
        'هزینه بهره‌برداری',
        'مازاد/کسری',
      ],
      rows: report.fiscal.flatMap((s) =>
        s.years.map((y) => [
          s.scenario,
          y.year,
          money(y.revenue),
          money(y.spending),
          money(y.activities),
          money(y.projects),
          money(y.opex),
          money(y.gap),
        ]),
      ),
    },
    {
      name: 'tblCityChain',
      sheet: 'زنجیره',
      header: ['شناسه پروژه/فعالیت', 'شناسه برنامه', 'شناسه راهبرد', 'شناسه هدف', 'منابع'],
      rows: report.chains.map((c) => [c.item, c.program, c.strategy, c.goal, c.sources.join('، ')]),
    },
    {
      name: 'tblCityPortfolio',
      sheet: 'سبد پروژه‌ها',
      header: ['شناسه پروژه', 'انتخاب‌شده'],
      rows: (report.portfolio?.chosen ?? []).map((id) => [id, 'بله']),
    },
    {
      name: 'tblCityKpiCoverage',
      sheet: 'پوشش شاخص‌ها',
      header: ['شاخص پوشش', 'تعداد', 'شناسه‌ها'],
      rows: [
        [
          'اهداف بدون شاخص کلان',
          report.kpi.goalsWithoutMacroKpi.length,
          report.kpi.goalsWithoutMacroKpi.join('، '),
        ],
        [
          'برنامه‌های بدون اعتبار',
          report.kpi.programsWithoutMoney.length,
          report.kpi.programsWithoutMoney.join('، '),
        ],
        [
          'راهبردهای بدون برنامه',
          report.kpi.strategiesWithoutProgram.length,
          report.kpi.strategiesWithoutProgram.join('، '),
        ],
        ['شمار شاخص‌ها', report.kpi.kpis, null],
      ],
    },
  ];
  return writeRawWorkbook({ tables: [...summaries, ...plan.tables] }, { lang: 'fa' });
}
