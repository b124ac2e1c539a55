/**
 * The Monitoring view's figures, without React: the core's monitoring report
 * (`monitoringReport`, the one `plan monitor` prints and the register serves) at a period of
 * the workbook's actuals, as the rows the view shows, each with the cells it selects in Excel:
 * a project's earned value and status (its row in tblProjects), a program's budget execution
 * (its row in tblPrograms), a revenue class's realisation (its actuals rows of the year in
 * tblRevenueActuals) and a KPI's status and trend (its row in tblKpis).
 */
import type {
  EarnedValue,
  GroupExecution,
  KpiReportEntry,
  MonitorPeriod,
  MonitoringReport,
  Plan,
  RevenueRealisation,
  Table,
  TableName,
} from '#core';
import { a1, idKey, latestMonitorPeriod, monitoringReport } from '#core';

/** Cells of the workbook a row selects; null when they are not this workbook's own. */
export type CellsAt = { sheet: string; range: string } | null;

/** The Monitoring view of a plan at a period. */
export interface MonitorView {
  report: MonitoringReport;
  projects: Array<{ ev: EarnedValue; at: CellsAt }>;
  /** `reported`: some item of the program has an actual of the year up to the period. */
  programs: Array<{ group: GroupExecution; title: string; reported: boolean; at: CellsAt }>;
  revenue: Array<{ line: RevenueRealisation; at: CellsAt }>;
  /** KPIs with a reading; `unread` counts the others. */
  kpis: Array<{ entry: KpiReportEntry; at: CellsAt }>;
  unread: number;
}

/** The rows of an own table whose ID (`column`) is `id`, as one range from first to last. */
function rowsAt(
  plan: Plan,
  name: TableName,
  match: (row: Record<string, unknown>) => boolean,
): CellsAt {
  const table = plan.tables[name] as Table | undefined;
  if (!table || table.reference) return null;
  const rows = (table.rows as unknown as Array<Record<string, unknown> & { row: number }>).filter(
    match,
  );
  if (rows.length === 0) return null;
  const columns = [...table.columns.values()];
  const first = Math.min(...columns);
  const last = Math.max(...columns);
  const top = Math.min(...rows.map((r) => r.row));
  const bottom = Math.max(...rows.map((r) => r.row));
  return { sheet: table.sheet, range: `${a1(top, first)}:${a1(bottom, last)}` };
}

const same = (a: unknown, b: string) => typeof a === 'string' && idKey(a) === idKey(b);

/** The period the view opens on: the latest the workbook reports, or null when none. */
export function defaultMonitorPeriod(plan: Plan): MonitorPeriod | null {
  return latestMonitorPeriod(plan);
}

/** The view's rows at a period (scoped as the core scopes it: the workbook's department). */
export function monitorView(plan: Plan, at: MonitorPeriod): MonitorView {
  const report = monitoringReport(plan, at);
  const programTitles = new Map<string, string>();
  for (const t of [plan.tables.tblPrograms, plan.reference.tblPrograms])
    for (const p of t?.rows ?? [])
      if (!programTitles.has(idKey(p.ProgramId))) programTitles.set(idKey(p.ProgramId), p.Title);
  return {
    report,
    projects: report.earnedValue.map((ev) => ({
      ev,
      at: rowsAt(plan, 'tblProjects', (r) => same(r.ProjectId, ev.projectId)),
    })),
    programs: report.programs.map((group) => ({
      group,
      title: programTitles.get(idKey(group.key)) ?? '',
      reported: report.items.some((i) => i.reported && idKey(i.programId) === idKey(group.key)),
      at: rowsAt(plan, 'tblPrograms', (r) => same(r.ProgramId, group.key)),
    })),
    revenue: report.revenue.ok
      ? report.revenue.classes.map((line) => ({
          line,
          at: rowsAt(
            plan,
            'tblRevenueActuals',
            (r) => r.RevenueClass === line.revenueClass && r.Year === at.year,
          ),
        }))
      : [],
    kpis: report.kpis
      .filter((entry) => entry.latest !== null)
      .map((entry) => ({
        entry,
        at: rowsAt(plan, 'tblKpis', (r) => same(r.KpiId, entry.kpiId)),
      })),
    unread: report.kpis.filter((entry) => entry.latest === null).length,
  };
}
