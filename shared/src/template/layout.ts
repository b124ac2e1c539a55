/**
 * Laying raw tables out on sheets: which sheet each table goes on (several
 * tables may share one, side by side so that each can grow downwards), its
 * address, and how each column is shown. Used for new templates, the sample
 * plan and the register's exports alike.
 */
import type { Language } from '../contract/enums';
import type { ColumnSpec, TableSpec } from '../contract/tables';
import { findTableSpec } from '../contract/tables';
import { a1, parseA1 } from '../findings';
import { cellText } from '../read/cells';
import type { RawCell, RawTable, RawWorkbook } from '../read/raw';
import { contractNameOf } from '../read/raw';
import { matchKey } from '../util/text';
import {
  LISTS_SHEET,
  ListRegistry,
  numberFormatOf,
  validationOf,
  widthOf,
  yearColumnFormatOf,
} from './columns';
import { GUIDE_SHEET, GUIDE_WIDTHS, guideCells } from './guide';
import type { ColumnLayout, LooseCell, SheetLayout, TableLayout, WorkbookLayout } from './types';

/** Row of the header of a table placed by `placeTables`; row 1 holds the table's title. */
export const TABLE_HEADER_ROW = 2;

/** Data rows below the last row that still get validation rules, for rows people add. */
export const GROWTH_ROWS = 500;

/** Prefix of the sheet of reference tables (register data), by language. */
export const REFERENCE_SHEET_PREFIX = { fa: 'مرجع - ', en: 'Reference - ' } as const;

// Excel's limits on sheet names: 31 characters, none of : \ / ? * [ ].
const MAX_SHEET_NAME = 31;

/** A name Excel accepts for a sheet. */
export function safeSheetName(name: string): string {
  const cleaned = name.replace(/[:\\/?*[\]]/g, '-').replace(/^'+|'+$/g, '');
  return (cleaned || 'Sheet').slice(0, MAX_SHEET_NAME);
}

/** The sheet a table goes on when it has none: its contract sheet in the language. */
export function defaultSheetOf(
  table: Pick<RawTable, 'name' | 'reference'>,
  lang: Language,
): string {
  const { name, reference } = contractNameOf(table);
  const spec = findTableSpec(name);
  if (!spec) return safeSheetName(table.name);
  const sheet = spec.sheet[lang];
  return safeSheetName(reference ? `${REFERENCE_SHEET_PREFIX[lang]}${sheet}` : sheet);
}

function widthOfRaw(table: RawTable): number {
  return Math.max(1, table.header.length);
}

/**
 * Gives every table a sheet and an address when it lacks them: its contract
 * sheet in the language, and on that sheet to the side of the tables already
 * there (one empty column between), header on row 2 under a title row.
 * Tables that have an address keep it.
 */
export function placeTables(workbook: RawWorkbook, options: { lang: Language }): RawWorkbook {
  const nextColumn = new Map<string, number>();
  const withSheet = workbook.tables.map((t) => ({
    ...t,
    sheet: t.sheet ?? defaultSheetOf(t, options.lang),
  }));
  // Columns already taken by tables that have an address.
  for (const t of withSheet) {
    const at = t.address ? parseA1(t.address) : null;
    if (!at) continue;
    const end = at.column + widthOfRaw(t) + 1;
    nextColumn.set(t.sheet, Math.max(nextColumn.get(t.sheet) ?? 1, end));
  }
  const tables = withSheet.map((t) => {
    if (t.address && parseA1(t.address)) return t;
    const column = nextColumn.get(t.sheet) ?? 1;
    nextColumn.set(t.sheet, column + widthOfRaw(t) + 1);
    return { ...t, address: a1(TABLE_HEADER_ROW, column) };
  });
  return { tables };
}

interface ColumnIndex {
  byKey: Map<string, ColumnSpec>;
}

const indexCache = new WeakMap<TableSpec, ColumnIndex>();

function indexOf(spec: TableSpec): ColumnIndex {
  let index = indexCache.get(spec);
  if (!index) {
    const byKey = new Map<string, ColumnSpec>();
    for (const c of spec.columns) {
      byKey.set(matchKey(c.key), c);
      byKey.set(matchKey(c.fa), c);
      byKey.set(matchKey(c.en), c);
    }
    index = { byKey };
    indexCache.set(spec, index);
  }
  return index;
}

/** Criterion IDs named by the workbook's criteria tables (own or reference). */
function criterionIdsOf(workbook: RawWorkbook): Set<string> {
  const ids = new Set<string>();
  const spec = findTableSpec('tblCriteria');
  if (!spec) return ids;
  const idColumn = spec.columns[0];
  for (const t of workbook.tables) {
    if (contractNameOf(t).name !== 'tblCriteria' || !idColumn) continue;
    const wanted = new Set([idColumn.key, idColumn.fa, idColumn.en].map(matchKey));
    const i = t.header.findIndex((h) => wanted.has(matchKey(cellText(h))));
    if (i < 0) continue;
    for (const row of t.rows) {
      const id = cellText(row[i]);
      if (id) ids.add(id);
    }
  }
  return ids;
}

/** Header cells as unique, non-empty text (Excel requires both of table column names). */
export function headerTexts(header: readonly RawCell[]): string[] {
  const seen = new Set<string>();
  return header.map((h, i) => {
    let text = cellText(h) || `Column${i + 1}`;
    if (seen.has(matchKey(text))) {
      let k = 2;
      while (seen.has(matchKey(`${text} (${k})`))) k += 1;
      text = `${text} (${k})`;
    }
    seen.add(matchKey(text));
    return text;
  });
}

function layoutColumns(
  raw: RawTable,
  spec: TableSpec | undefined,
  criteria: ReadonlySet<string>,
  lists: ListRegistry,
  lang: Language,
): ColumnLayout[] {
  const headers = headerTexts(raw.header);
  const pairwise = spec?.name === 'tblCriteriaPairwise';
  return headers.map((header) => {
    const key = matchKey(header);
    const column = spec ? indexOf(spec).byKey.get(key) : undefined;
    if (spec && column) {
      return {
        header,
        key: column.key,
        kind: 'contract',
        numFmt: numberFormatOf(column),
        width: widthOf(column, header, lang),
        validation: validationOf(column, lists),
      };
    }
    if (spec?.yearColumns && /^\d{4}$/.test(key)) {
      return {
        header,
        key,
        kind: 'year',
        numFmt: yearColumnFormatOf(spec.yearColumns),
        width: spec.yearColumns === 'money' ? 20 : 12,
        validation: spec.yearColumns === 'money' ? { type: 'decimal', min: 0 } : null,
      };
    }
    if (spec && (pairwise || (spec.criterionColumns && criteria.has(header)))) {
      return {
        header,
        key: header,
        kind: 'criterion',
        // Pairwise ratios such as 1/3 read best with two decimals; scores as typed.
        numFmt: pairwise ? '0.00' : null,
        width: Math.max(8, header.length + 4),
        validation: pairwise ? { type: 'decimal', min: 0 } : null,
      };
    }
    return {
      header,
      key: null,
      kind: 'extra',
      numFmt: null,
      width: widthOf(null, header, lang),
      validation: null,
    };
  });
}

interface Placed {
  raw: RawTable;
  sheet: string;
  headerRow: number;
  firstColumn: number;
}

function rangeOf(p: Placed): { top: number; bottom: number; left: number; right: number } {
  return {
    top: p.headerRow,
    bottom: p.headerRow + Math.max(1, p.raw.rows.length),
    left: p.firstColumn,
    right: p.firstColumn + widthOfRaw(p.raw) - 1,
  };
}

function inside(row: number, column: number, p: Placed): boolean {
  const r = rangeOf(p);
  return row >= r.top && row <= r.bottom && column >= r.left && column <= r.right;
}

/** Options of `layoutWorkbook`. */
export interface LayoutOptions {
  lang: Language;
  /** Add the guide sheet first (default true). */
  guide?: boolean;
  /** Plan years, for the guide's text (default none). */
  years?: readonly number[];
}

/**
 * Lays a workbook out for writing: sheets in the order their tables come,
 * the guide first, the validation lists last (hidden). Right-to-left sheets
 * for Persian. Rows are padded to the header's width.
 */
export function layoutWorkbook(workbook: RawWorkbook, options: LayoutOptions): WorkbookLayout {
  const { lang } = options;
  const placed: Placed[] = placeTables(workbook, { lang }).tables.map((raw) => {
    const at = parseA1(raw.address ?? 'A1') ?? { row: 1, column: 1 };
    return { raw, sheet: raw.sheet ?? raw.name, headerRow: at.row, firstColumn: at.column };
  });
  const criteria = criterionIdsOf(workbook);
  const lists = new ListRegistry(lang);
  const rtl = lang === 'fa';

  const sheetOrder: string[] = [];
  const bySheet = new Map<string, Placed[]>();
  for (const p of placed) {
    if (!bySheet.has(p.sheet)) {
      bySheet.set(p.sheet, []);
      sheetOrder.push(p.sheet);
    }
    bySheet.get(p.sheet)?.push(p);
  }

  const sheets: SheetLayout[] = [];
  if (options.guide ?? true) {
    sheets.push({
      name: GUIDE_SHEET[lang],
      rightToLeft: rtl,
      hidden: false,
      frozenRows: 0,
      tables: [],
      cells: guideCells(lang, options.years ?? []),
      columnWidths: GUIDE_WIDTHS,
      columnFormats: [],
    });
  }
  for (const name of sheetOrder) {
    const group = bySheet.get(name) ?? [];
    const tables: TableLayout[] = [];
    const cells: LooseCell[] = [];
    const widths = new Map<number, number>();
    const formats = new Map<number, string>();
    for (const p of group) {
      const { name: contractName, reference } = contractNameOf(p.raw);
      const spec = findTableSpec(contractName);
      const columns = layoutColumns(p.raw, spec, criteria, lists, lang);
      const width = columns.length;
      const rows = p.raw.rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));
      const titleRow = p.headerRow - 1;
      const titleFree =
        titleRow >= 1 && !group.some((q) => q !== p && inside(titleRow, p.firstColumn, q));
      const title =
        spec && titleFree
          ? `${reference ? REFERENCE_SHEET_PREFIX[lang] : ''}${lang === 'fa' ? spec.fa : spec.en}`
          : null;
      if (title) cells.push({ row: titleRow, column: p.firstColumn, value: title, bold: true });
      columns.forEach((c, i) => {
        widths.set(p.firstColumn + i, c.width);
        if (c.numFmt) formats.set(p.firstColumn + i, c.numFmt);
      });
      tables.push({
        name: p.raw.name,
        address: a1(p.headerRow, p.firstColumn),
        headerRow: p.headerRow,
        firstColumn: p.firstColumn,
        columns,
        rows,
        formatRows: Math.max(rows.length, 1) + GROWTH_ROWS,
        title,
      });
    }
    const headerRows = new Set(tables.map((t) => t.headerRow));
    const only = [...headerRows][0];
    sheets.push({
      name,
      rightToLeft: rtl,
      hidden: false,
      frozenRows: headerRows.size === 1 && only !== undefined && only <= 10 ? only : 0,
      tables,
      cells,
      columnWidths: [...widths].map(([column, w]) => ({ column, width: w })),
      columnFormats: [...formats].map(([column, numFmt]) => ({ column, numFmt })),
    });
  }
  const all = lists.all();
  if (all.length > 0) {
    const cells: LooseCell[] = [];
    all.forEach((list, c) => {
      cells.push({ row: 1, column: c + 1, value: list.name, bold: true });
      list.values.forEach((v, r) => cells.push({ row: r + 2, column: c + 1, value: v }));
    });
    sheets.push({
      name: LISTS_SHEET,
      rightToLeft: rtl,
      hidden: true,
      frozenRows: 1,
      tables: [],
      cells,
      columnWidths: all.map((l, c) => ({
        column: c + 1,
        width: Math.min(60, Math.max(12, ...l.values.map((v) => v.length + 2))),
      })),
      columnFormats: [],
    });
  }
  return { lang, sheets };
}
