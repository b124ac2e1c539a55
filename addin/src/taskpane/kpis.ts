/**
 * The KPI view's figures, without React: the core's KPI report (`kpiReport`, the one `plan
 * kpi` prints) grouped by level (macro, then micro) and owner department, each KPI with its
 * unit, baseline, the chosen year's target, its latest actual with that year's progress and
 * status, its trend, and the cells of its row in tblKpis to select.
 */
import type { KpiReportEntry, KpiYear, Plan, Row, Table } from '#core';
import { KPI_LEVELS, a1, idKey, kpiReport } from '#core';

/** One KPI as the view shows it. */
export interface KpiRow {
  entry: KpiReportEntry;
  owner: string;
  /** The target of the chosen year, or null when the KPI has none for it. */
  target: number | null;
  latest: KpiYear | null;
  /** Its row in tblKpis (first to last column), or null for a KPI of the reference data. */
  at: { sheet: string; range: string } | null;
}

/** KPIs of one level and one owner. */
export interface KpiGroup {
  level: KpiReportEntry['level'];
  owner: string;
  rows: KpiRow[];
}

/**
 * The year whose targets are shown at first: the latest year with an actual of any KPI, else
 * the plan's first year.
 */
export function defaultKpiYear(plan: Plan): number | null {
  const years = kpiReport(plan).flatMap((k) => k.years.map((y) => y.year));
  return years.length > 0 ? Math.max(...years) : (plan.years[0] ?? null);
}

/** The report grouped by level (the contract's order) and owner (the workbook's order). */
export function kpiGroups(plan: Plan, year: number | null): KpiGroup[] {
  // The workbook's own KPI rows first, then the reference data's (as the report reads them).
  const rows = new Map<string, { row: Row<'tblKpis'>; table: Table<'tblKpis'> }>();
  for (const table of [plan.tables.tblKpis, plan.reference.tblKpis])
    for (const row of table?.rows ?? [])
      if (table && !rows.has(idKey(row.KpiId))) rows.set(idKey(row.KpiId), { row, table });
  const groups = new Map<string, KpiGroup>();
  for (const entry of kpiReport(plan)) {
    const found = rows.get(idKey(entry.kpiId));
    const owner = found?.row.OwnerDept ?? '';
    const key = `${entry.level ?? ''}|${owner}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { level: entry.level, owner, rows: [] }));
    let at: KpiRow['at'] = null;
    if (found && !found.table.reference) {
      const columns = [...found.table.columns.values()];
      const first = Math.min(...columns);
      const last = Math.max(...columns);
      at = {
        sheet: found.table.sheet,
        range: `${a1(found.row.row, first)}:${a1(found.row.row, last)}`,
      };
    }
    g.rows.push({
      entry,
      owner,
      target: year === null ? null : (found?.row.targets.get(year) ?? null),
      latest: entry.latest,
      at,
    });
  }
  const levelOrder = (l: KpiReportEntry['level']) => KPI_LEVELS.findIndex((x) => x.value === l);
  return [...groups.values()].sort((a, b) => levelOrder(a.level) - levelOrder(b.level));
}
