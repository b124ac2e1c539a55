/**
 * Finding contract tables that lost their Excel table definition. Google Sheets and some
 * converters keep a workbook's cells but drop its tables (ListObjects); the data is still
 * where the template put it. For each contract table the workbook lacks, this looks on the
 * sheets that carry the table's Persian or English default sheet name for its header row:
 * a run of adjacent cells whose texts are that table's column keys or captions (a sheet may
 * hold two tables side by side, as the template's do), and reads down to the first empty row.
 * The reader then warns (`TABLE_RECOVERED`) how to make it a table again.
 */
import type { TableSpec } from '../contract/tables';
import { TABLES } from '../contract/tables';
import { a1, parseA1 } from '../findings';
import { matchKey } from '../util/text';
import { cellText, isBlank } from './cells';
import type { RawCell, RawTable } from './raw';
import { LIMITS, contractNameOf } from './raw';

/** The non-empty cells of a sheet, in any order (1-based row and column). */
export interface RawSheet {
  name: string;
  cells: ReadonlyArray<{ row: number; column: number; value: RawCell }>;
}

/** Header texts longer than this are no caption (as the reader's `MAX_HEADER_LENGTH`). */
const MAX_CAPTION_LENGTH = 256;

const keysOf = new WeakMap<TableSpec, Map<string, string>>();

/** Column key by the match key of its key and captions. */
function captionKeys(spec: TableSpec): Map<string, string> {
  let keys = keysOf.get(spec);
  if (!keys) {
    keys = new Map();
    for (const c of spec.columns)
      for (const text of [c.key, c.fa, c.en]) keys.set(matchKey(text), c.key);
    keysOf.set(spec, keys);
  }
  return keys;
}

interface Run {
  row: number;
  first: number;
  cells: RawCell[];
}

/** How well a run of header cells fits a table: distinct columns matched, and that share. */
function fit(run: Run, spec: TableSpec): { matched: number; share: number } | null {
  const keys = captionKeys(spec);
  const matched = new Set<string>();
  for (const c of run.cells) {
    const text = cellText(c);
    if (text === '' || text.length > MAX_CAPTION_LENGTH) continue;
    const key = keys.get(matchKey(text));
    if (key !== undefined) matched.add(key);
  }
  // A header has the table's ID column (when it has one) and, for a table of two or more
  // columns, at least two of them: a title or one data cell that equals a caption is no header.
  if (spec.idColumn !== null && !matched.has(spec.idColumn)) return null;
  if (matched.size < Math.min(2, spec.columns.length)) return null;
  return { matched: matched.size, share: matched.size / spec.columns.length };
}

/** The table among `specs` that a run fits best, or null. */
function bestFit(run: Run, specs: readonly TableSpec[]): TableSpec | null {
  let best: { spec: TableSpec; matched: number; share: number } | null = null;
  for (const spec of specs) {
    const f = fit(run, spec);
    if (f === null) continue;
    if (
      best === null ||
      f.matched > best.matched ||
      (f.matched === best.matched && f.share > best.share)
    )
      best = { spec, ...f };
  }
  return best?.spec ?? null;
}

interface Area {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const inside = (a: Area, row: number, column: number) =>
  row >= a.top && row <= a.bottom && column >= a.left && column <= a.right;

function areaOf(t: RawTable): Area {
  const at = (t.address && parseA1(t.address)) || { row: 1, column: 1 };
  return {
    top: at.row,
    bottom: at.row + t.rows.length,
    left: at.column,
    right: at.column + Math.max(1, t.header.length) - 1,
  };
}

function ownNames(present: readonly RawTable[]): Set<string> {
  return new Set(
    present.filter((t) => !contractNameOf(t).reference).map((t) => contractNameOf(t).name),
  );
}

function tablesOfSheet(name: string): TableSpec[] {
  const key = matchKey(name);
  return TABLES.filter((s) => matchKey(s.sheet.fa) === key || matchKey(s.sheet.en) === key);
}

/** Which of the sheets may hold a contract table that `present` lacks (the ones to search). */
export function sheetsToSearch(names: readonly string[], present: readonly RawTable[]): string[] {
  const have = ownNames(present);
  return names.filter((n) => tablesOfSheet(n).some((s) => !have.has(s.name)));
}

/**
 * Contract tables that `present` lacks, found on their default sheets (see the header),
 * marked `recovered`. Cells inside the present tables are never taken.
 */
export function recoverTables(
  sheets: readonly RawSheet[],
  present: readonly RawTable[],
): RawTable[] {
  const have = ownNames(present);
  const out: RawTable[] = [];
  for (const sheet of sheets) {
    const here = tablesOfSheet(sheet.name);
    const wanted = here.filter((s) => !have.has(s.name));
    if (wanted.length === 0) continue;
    const taken: Area[] = present.filter((t) => t.sheet === sheet.name).map(areaOf);
    const grid = new Map<number, Map<number, RawCell>>();
    for (const { row, column, value } of sheet.cells) {
      if (isBlank(value) || taken.some((a) => inside(a, row, column))) continue;
      let cells = grid.get(row);
      if (!cells) grid.set(row, (cells = new Map()));
      cells.set(column, value);
    }
    const at = (row: number, column: number) => grid.get(row)?.get(column) ?? null;
    for (const row of [...grid.keys()].sort((a, b) => a - b)) {
      const columns = [...(grid.get(row)?.keys() ?? [])].sort((a, b) => a - b);
      const runs: Run[] = [];
      for (const column of columns) {
        const last = runs.at(-1);
        if (last && last.first + last.cells.length === column) last.cells.push(at(row, column));
        else runs.push({ row, first: column, cells: [at(row, column)] });
      }
      for (const run of runs) {
        if (taken.some((a) => inside(a, run.row, run.first))) continue;
        const spec = bestFit(run, here);
        if (spec === null || have.has(spec.name)) continue;
        const right = run.first + run.cells.length - 1;
        const rows: RawCell[][] = [];
        for (let r = row + 1; rows.length < LIMITS.rowsPerTable; r++) {
          const cells: RawCell[] = [];
          for (let c = run.first; c <= right; c++) cells.push(at(r, c));
          if (cells.every((c) => isBlank(c))) break;
          rows.push(cells);
        }
        const table: RawTable = {
          name: spec.name,
          sheet: sheet.name,
          address: a1(row, run.first),
          header: run.cells,
          rows,
          recovered: true,
        };
        out.push(table);
        have.add(spec.name);
        taken.push(areaOf(table));
      }
    }
  }
  return out;
}
