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
  localNumberFormat,
  numberFormatOf,
  validationOf,
  widthOf,
  yearColumnFormatOf,
} from './columns';
import { GUIDE_SHEET, GUIDE_WIDTHS, guideCells } from './guide';
import type { PrintFooter } from './print';
import { sheetPrintOf } from './print';
import { legalSheetName, uniqueSheetNames } from './sheetNames';
import type { ColumnLayout, LooseCell, SheetLayout, TableLayout, WorkbookLayout } from './types';
import { tehranDayOf } from '../jalali';
import { PLAN_INFO_KEYS } from '../contract/tables';

/** Row of the header of a table placed by `placeTables`; row 1 holds the table's title. */
export const TABLE_HEADER_ROW = 2;

/** Data rows below the last row that still get validation rules, for rows people add. */
export const GROWTH_ROWS = 500;

/** Prefix of the sheet of reference tables (register data), by language. */
export const REFERENCE_SHEET_PREFIX = { fa: 'مرجع - ', en: 'Reference - ' } as const;

/**
 * A name Excel accepts for a sheet.
 * @deprecated The same rule as `legalSheetName` (kept for callers of the old name).
 */
export const safeSheetName = legalSheetName;

/** The sheet a table goes on when it has none: its contract sheet in the language. */
export function defaultSheetOf(
  table: Pick<RawTable, 'name' | 'reference'>,
  lang: Language,
): string {
  const { name, reference } = contractNameOf(table);
  const spec = findTableSpec(name);
  if (!spec) return legalSheetName(table.name);
  const sheet = spec.sheet[lang];
  return legalSheetName(reference ? `${REFERENCE_SHEET_PREFIX[lang]}${sheet}` : sheet);
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

/** How one (non-contract) table of a layout is shown, beyond what its header says. */
export interface TablePresentation {
  /** Title above the header (a contract table's is its caption). */
  readonly title?: string;
  /** Per column (by position): its number format and width, where given. */
  readonly columns?: ReadonlyArray<
    { readonly numFmt?: string | null; readonly width?: number } | undefined
  >;
  /** A totals row below the data (see `TableLayout.totals`). */
  readonly totals?: { readonly label: string; readonly values: readonly RawCell[] };
}

/** Options of `layoutWorkbook`. */
export interface LayoutOptions {
  lang: Language;
  /** The guide sheet: first (default, `true`), last (`'last'`: documents to read) or none. */
  guide?: boolean | 'first' | 'last';
  /** Plan years, for the guide's text (default none). */
  years?: readonly number[];
  /** Sheets drawn before the tables' (a cover), as given; their names keep priority. */
  front?: readonly SheetLayout[];
  /** Titles, formats, widths and totals of tables, by table name. */
  presentation?: Readonly<Record<string, TablePresentation>>;
  /**
   * When the file is made, for the date in the printed footer (Jalali, in Tehran); the core
   * has no clock, so the writer passes it. Absent: no date in the footer.
   */
  printedOn?: Date;
  /** The city named in the printed footer (default: `City` of the workbook's `tblPlanInfo`). */
  city?: string;
  /** A practice municipality's file: every printed page's header says so (`printHeaderOf`). */
  practice?: boolean;
}

/** `City` of a workbook's own plan information table (key or caption), or null. */
export function cityOf(workbook: RawWorkbook): string | null {
  const info = workbook.tables.find((t) => t.name === 'tblPlanInfo');
  if (!info) return null;
  const key = PLAN_INFO_KEYS.find((k) => k.key === 'City');
  const wanted = new Set([key?.key ?? 'City', key?.fa ?? '', key?.en ?? ''].map(matchKey));
  for (const row of info.rows) {
    if (!wanted.has(matchKey(cellText(row[0])))) continue;
    const city = cellText(row[1]);
    return city === '' ? null : city;
  }
  return null;
}

/** A sheet column whose tables want different number formats (none is set for the column). */
const CONFLICT = '\u0000';

/** Widths of a sheet's columns, from the widths it sets and its loose cells' columns. */
function usedWidths(sheet: Omit<SheetLayout, 'print'>): Map<number, number> {
  const widths = new Map<number, number>();
  for (const { column, width } of sheet.columnWidths) widths.set(column, width);
  // A column used without a width still takes paper (Excel's default width).
  for (const c of sheet.cells) if (!widths.has(c.column)) widths.set(c.column, 9);
  for (const t of sheet.tables)
    t.columns.forEach((col, i) => {
      if (!widths.has(t.firstColumn + i)) widths.set(t.firstColumn + i, col.width);
    });
  return widths;
}

/** The last row a sheet uses (its tables with their totals rows, and its loose cells). */
function lastRowOf(sheet: Omit<SheetLayout, 'print'>): number {
  let last = 0;
  for (const c of sheet.cells) last = Math.max(last, c.row);
  for (const t of sheet.tables)
    last = Math.max(last, t.headerRow + Math.max(1, t.rows.length) + (t.totals ? 1 : 0));
  return last;
}

/** A sheet with its print setup (visible sheets only; hidden ones never print). */
function withPrint(
  sheet: Omit<SheetLayout, 'print'> & { print?: SheetLayout['print'] },
  footer: PrintFooter,
  lang: Language,
): SheetLayout {
  if (sheet.hidden || sheet.print) return sheet;
  const headerRows = new Set(sheet.tables.map((t) => t.headerRow));
  const only = [...headerRows][0];
  return {
    ...sheet,
    print: sheetPrintOf({
      widths: usedWidths(sheet),
      rows: lastRowOf(sheet),
      titleRowsTo: headerRows.size === 1 && only !== undefined && only <= 10 ? only : 0,
      footer,
      lang,
    }),
  };
}

/**
 * Lays a workbook out for writing: the front sheets given (a cover), then
 * sheets in the order their tables come, the guide first (or last, for a
 * document to read), the validation lists last (hidden). Every sheet name is
 * legal and unique (`uniqueSheetNames`); every visible sheet has its print
 * setup (`sheetPrintOf`). Right-to-left sheets
 * for Persian. Rows are padded to the header's width.
 */
export function layoutWorkbook(workbook: RawWorkbook, options: LayoutOptions): WorkbookLayout {
  const { lang } = options;
  const presentation = options.presentation ?? {};
  const footer: PrintFooter = {
    city: options.city ?? cityOf(workbook),
    day: options.printedOn ? tehranDayOf(options.printedOn) : null,
    practice: options.practice === true,
  };
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

  const guideAt = options.guide === false ? null : options.guide === 'last' ? 'last' : 'first';
  const front = options.front ?? [];
  // One legal, unique name per sheet; the fixed sheets (front, guide, lists) keep theirs.
  const fixed = [
    ...front.map((s) => s.name),
    ...(guideAt === null ? [] : [GUIDE_SHEET[lang]]),
    LISTS_SHEET,
  ];
  const [fixedNames, tableSheetNames] = [
    uniqueSheetNames(fixed),
    uniqueSheetNames(sheetOrder, uniqueSheetNames(fixed)),
  ];
  const nameOf = new Map(sheetOrder.map((name, i) => [name, tableSheetNames[i] ?? name]));
  const guide: SheetLayout | null =
    guideAt === null
      ? null
      : {
          name: fixedNames[front.length] ?? GUIDE_SHEET[lang],
          rightToLeft: rtl,
          hidden: false,
          frozenRows: 0,
          tables: [],
          cells: guideCells(lang, options.years ?? []),
          columnWidths: GUIDE_WIDTHS,
          columnFormats: [],
        };
  const sheets: SheetLayout[] = front.map((s, i) => ({ ...s, name: fixedNames[i] ?? s.name }));
  if (guide && guideAt === 'first') sheets.push(guide);
  for (const name of sheetOrder) {
    const group = bySheet.get(name) ?? [];
    const tables: TableLayout[] = [];
    const cells: LooseCell[] = [];
    const widths = new Map<number, number>();
    const formats = new Map<number, string>();
    for (const p of group) {
      const { name: contractName, reference } = contractNameOf(p.raw);
      const spec = findTableSpec(contractName);
      const shown = presentation[p.raw.name];
      const columns = layoutColumns(p.raw, spec, criteria, lists, lang).map((c, i) => {
        const own = shown?.columns?.[i];
        const merged =
          own === undefined
            ? c
            : {
                ...c,
                ...(own.numFmt !== undefined && { numFmt: own.numFmt }),
                ...(own.width !== undefined && { width: own.width }),
              };
        // Digits in the workbook's language: the one place every format passes through.
        return merged.numFmt
          ? { ...merged, numFmt: localNumberFormat(merged.numFmt, lang) }
          : merged;
      });
      const width = columns.length;
      const rows = p.raw.rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));
      const titleRow = p.headerRow - 1;
      const titleFree =
        titleRow >= 1 && !group.some((q) => q !== p && inside(titleRow, p.firstColumn, q));
      const title = !titleFree
        ? null
        : (shown?.title ??
          (spec
            ? `${reference ? REFERENCE_SHEET_PREFIX[lang] : ''}${lang === 'fa' ? spec.fa : spec.en}`
            : null));
      if (title) cells.push({ row: titleRow, column: p.firstColumn, value: title, bold: true });
      columns.forEach((c, i) => {
        const at = p.firstColumn + i;
        widths.set(at, Math.max(widths.get(at) ?? 0, c.width));
        // A column's format for the whole sheet only while its tables agree on it; each
        // table's cells carry their own anyway (the writer sets them).
        const known = formats.get(at);
        if (known === undefined) formats.set(at, c.numFmt ?? '');
        else if (known !== (c.numFmt ?? '')) formats.set(at, CONFLICT);
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
        ...(shown?.totals && { totals: shown.totals }),
      });
    }
    const headerRows = new Set(tables.map((t) => t.headerRow));
    const only = [...headerRows][0];
    sheets.push({
      name: nameOf.get(name) ?? name,
      rightToLeft: rtl,
      hidden: false,
      frozenRows: headerRows.size === 1 && only !== undefined && only <= 10 ? only : 0,
      tables,
      cells,
      columnWidths: [...widths].map(([column, w]) => ({ column, width: w })),
      columnFormats: [...formats]
        .filter(([, numFmt]) => numFmt !== '' && numFmt !== CONFLICT)
        .map(([column, numFmt]) => ({ column, numFmt })),
    });
  }
  if (guide && guideAt === 'last') sheets.push(guide);
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
  return { lang, sheets: sheets.map((s) => withPrint(s, footer, lang)) };
}
