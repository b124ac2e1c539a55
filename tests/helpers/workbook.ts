/**
 * Workbook edits the register's end-to-end tests (HTTP and CLI) make to a pulled workbook.
 */
import type { RawCell, RawTable, RawWorkbook } from '#core';
import { captionOf, getTableSpec } from '#core';

/** A new project's cost in each plan year: one billion Rials, so totals move by exactly that. */
export const NEW_PROJECT_COST = 1_000_000_000;
/** The sample cycle's plan years. */
export const PLAN_YEARS = ['1405', '1406', '1407', '1408', '1409'];

/** The index of a `tblProjects` column in a table read with Persian captions. */
export function projectColumn(t: RawTable, key: string): number {
  const i = t.header.indexOf(captionOf(getTableSpec('tblProjects'), key, 'fa'));
  if (i < 0) throw new Error(`no column ${key}`);
  return i;
}

/**
 * The workbook with one new project appended (a copy of the first, renamed `P-NEW` and
 * costing `NEW_PROJECT_COST` a year), in `programId` when given; nothing else touched.
 */
export function withNewProject(raw: RawWorkbook, programId: string | null): RawWorkbook {
  return {
    tables: raw.tables.map((t) => {
      if (t.name !== 'tblProjects') return t;
      const row: RawCell[] = [...(t.rows[0] ?? [])];
      row[projectColumn(t, 'ProjectId')] = 'P-NEW';
      row[projectColumn(t, 'Title')] = 'پل عابر پیاده تازه';
      if (programId !== null) row[projectColumn(t, 'ProgramId')] = programId;
      row[projectColumn(t, 'StartYear')] = 1405;
      row[projectColumn(t, 'EndYear')] = 1409;
      row[projectColumn(t, 'Status')] = 'proposed';
      row[projectColumn(t, 'Mandatory')] = false;
      row[projectColumn(t, 'DependsOn')] = null;
      row[projectColumn(t, 'OpexImpact')] = 0;
      for (const y of PLAN_YEARS) row[t.header.indexOf(y)] = NEW_PROJECT_COST;
      return { ...t, rows: [...t.rows, row] };
    }),
  };
}
