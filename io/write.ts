/**
 * Writing a workbook layout (shared/src/template) to a real `.xlsx` file with
 * exceljs: Excel tables for every table, number formats, validation lists,
 * frozen header rows, column widths and right-to-left sheets. Text is always
 * written as text, so a cell that starts with `=`, `+`, `-` or `@` can never
 * become a formula.
 */
import ExcelJS from 'exceljs';
import type {
  CellValidation,
  Language,
  LayoutOptions,
  RawCell,
  RawWorkbook,
  SheetLayout,
  TableLayout,
  WorkbookLayout,
} from '#core';
import { A4_PAPER_SIZE, PRINT_MARGINS, columnLetters, layoutWorkbook } from '#core';

/** Name of the application written into the file's properties. */
const CREATOR = 'Plan Register';

const ERROR_TEXT: Record<Language, { title: string; list: string; range: string }> = {
  fa: {
    title: 'مقدار نامعتبر',
    list: 'یکی از گزینه‌های فهرست را برگزینید.',
    range: 'عدد خارج از بازه مجاز است.',
  },
  en: {
    title: 'Invalid value',
    list: 'Pick one of the listed values.',
    range: 'The number is outside the allowed range.',
  },
};

// exceljs keeps data validations on the worksheet but leaves them out of its public type.
interface WithValidations {
  dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void };
}

/** A raw cell as exceljs should store it; strings stay strings (never formulas). */
function toExcel(value: RawCell | undefined): ExcelJS.CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'string') return value === '' ? null : value;
  return value;
}

function toRule(rule: CellValidation, lang: Language): ExcelJS.DataValidation {
  const text = ERROR_TEXT[lang];
  // A warning, not a stop: readers also accept the English value of a Persian
  // list and the other spelling of a number, so people must be able to type them.
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: text.title,
  };
  if (rule.type === 'list')
    return { ...common, type: 'list', formulae: [rule.source], error: text.list };
  const { min, max } = rule;
  if (min !== undefined && max !== undefined)
    return {
      ...common,
      type: rule.type,
      operator: 'between',
      formulae: [min, max],
      error: text.range,
    };
  if (min !== undefined)
    return {
      ...common,
      type: rule.type,
      operator: 'greaterThanOrEqual',
      formulae: [min],
      error: text.range,
    };
  return {
    ...common,
    type: rule.type,
    operator: 'lessThanOrEqual',
    formulae: [max ?? 0],
    error: text.range,
  };
}

function addTable(ws: ExcelJS.Worksheet, t: TableLayout, lang: Language): void {
  const width = t.columns.length;
  const rows =
    t.rows.length > 0
      ? t.rows.map((r) => Array.from({ length: width }, (_, i) => toExcel(r[i])))
      : // Excel needs at least one data row in a table; an empty one reads back as no rows.
        [Array.from({ length: width }, () => null)];
  const totals = t.totals;
  ws.addTable({
    name: t.name,
    ref: t.address,
    headerRow: true,
    totalsRow: totals !== undefined,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: t.columns.map((c, i) => {
      if (totals === undefined) return { name: c.header, filterButton: true };
      if (i === 0) return { name: c.header, filterButton: true, totalsRowLabel: totals.label };
      const value = totals.values[i];
      // Excel's own SUBTOTAL over the column, with the exact sum as its cached result.
      return typeof value === 'number'
        ? {
            name: c.header,
            filterButton: true,
            totalsRowFunction: 'sum',
            totalsRowResult: value,
          }
        : { name: c.header, filterButton: true, totalsRowFunction: 'none' };
    }),
    rows,
  });
  printStyle(ws, t, rows.length);
  const first = t.headerRow + 1;
  const last = t.headerRow + t.formatRows;
  t.columns.forEach((c, i) => {
    if (!c.validation) return;
    const col = columnLetters(t.firstColumn + i);
    (ws as unknown as WithValidations).dataValidations.add(
      `${col}${first}:${col}${last}`,
      toRule(c.validation, lang),
    );
  });
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF9E9E9E' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFDDE7F3' },
};

/**
 * Cell styles that print: a table style is drawn by Excel but not by every program that
 * prints the file (LibreOffice ignores it), so the header is bold on a light fill, the
 * totals row bold, and every cell has a thin border, in the cells themselves.
 */
function printStyle(ws: ExcelJS.Worksheet, t: TableLayout, dataRows: number): void {
  const last = t.headerRow + dataRows + (t.totals ? 1 : 0);
  fitRow(ws, t.headerRow, Math.max(...t.columns.map((c) => wrappedLines(c.header, c.width))));
  // exceljs turns each distinct style object into its XML when writing (seconds for a city
  // plan's 100,000 rows); one object per distinct style (and value type: exceljs gives a
  // number without a format `General`) is written once. `writeWorkbook` unshares a cell's
  // style before changing it.
  const shared = new Map<string, Partial<ExcelJS.Style>>();
  for (let r = t.headerRow; r <= last; r += 1)
    for (let i = 0; i < t.columns.length; i += 1) {
      const cell = ws.getCell(r, t.firstColumn + i);
      const place = r === t.headerRow ? 'header' : t.totals && r === last ? 'totals' : 'body';
      const key = `${place}\u0000${i}\u0000${cell.type}\u0000${JSON.stringify(cell.style)}`;
      const style = shared.get(key);
      if (style !== undefined) {
        cell.style = style;
        continue;
      }
      cell.border = BOX;
      const numFmt = t.columns[i]?.numFmt;
      if (r > t.headerRow && numFmt) cell.numFmt = numFmt;
      if (r === t.headerRow) {
        cell.font = { bold: true };
        cell.fill = HEADER_FILL;
        cell.alignment = { wrapText: true, vertical: 'middle' };
      } else if (t.totals && r === last) cell.font = { bold: true };
      shared.set(key, cell.style);
    }
}

/** Points of one line of 11-point text (Excel's default row height). */
const LINE_POINTS = 15;

/**
 * Lines a text takes wrapped in a column of `width` character units. Programs do not grow a
 * row for wrapped text written by another program (LibreOffice keeps the stored height, and
 * the lines then print over each other), so the writer sets the height itself.
 */
function wrappedLines(text: string, width: number): number {
  return Math.max(1, Math.ceil(Array.from(text).length / Math.max(1, width - 1)));
}

/** Makes a row tall enough for `lines` lines (never lower than it is). */
function fitRow(ws: ExcelJS.Worksheet, row: number, lines: number): void {
  const r = ws.getRow(row);
  const height = lines * LINE_POINTS;
  if (lines > 1 && (r.height === undefined || r.height < height)) r.height = height;
}

/** The print setup of a sheet (page, scale, repeated rows, footer) as exceljs takes it. */
function applyPrint(ws: ExcelJS.Worksheet, sheet: SheetLayout): void {
  const print = sheet.print;
  if (print === undefined) return;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: A4_PAPER_SIZE,
    orientation: print.orientation,
    scale: print.scale,
    // Fitted: one page wide, as many pages down as the rows need (0: no bound).
    fitToPage: print.fitToWidth,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { ...PRINT_MARGINS },
    ...(print.titleRows && { printTitlesRow: `${print.titleRows.first}:${print.titleRows.last}` }),
    ...(print.titleColumns && {
      printTitlesColumn: `${columnLetters(print.titleColumns.first)}:${columnLetters(print.titleColumns.last)}`,
    }),
  };
  ws.headerFooter = {
    ...ws.headerFooter,
    oddFooter: print.footer,
    ...(print.header === '' ? {} : { oddHeader: print.header }),
  };
}

/** Writes a workbook layout as `.xlsx` bytes. */
export async function writeWorkbook(layout: WorkbookLayout): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = CREATOR;
  for (const sheet of layout.sheets) {
    const view: Partial<ExcelJS.WorksheetView> =
      sheet.frozenRows > 0
        ? { rightToLeft: sheet.rightToLeft, state: 'frozen', ySplit: sheet.frozenRows, xSplit: 0 }
        : { rightToLeft: sheet.rightToLeft, state: 'normal' };
    const ws = wb.addWorksheet(sheet.name, {
      state: sheet.hidden ? 'hidden' : 'visible',
      views: [view],
    });
    // Column formats before the tables, so that every cell written inherits them
    // and rows added later in Excel get them too.
    for (const { column, width } of sheet.columnWidths) ws.getColumn(column).width = width;
    for (const { column, numFmt } of sheet.columnFormats) ws.getColumn(column).numFmt = numFmt;
    for (const t of sheet.tables) addTable(ws, t, layout.lang);
    const widthOf = new Map(sheet.columnWidths.map((w) => [w.column, w.width]));
    for (const c of sheet.cells) {
      const cell = ws.getCell(c.row, c.column);
      // Its own style object (a table's cells share theirs, see `printStyle`).
      cell.style = { ...cell.style };
      if (c.wrap && typeof c.value === 'string')
        fitRow(ws, c.row, wrappedLines(c.value, widthOf.get(c.column) ?? 9));
      cell.value = toExcel(c.value);
      if (c.bold || c.size) cell.font = { bold: c.bold === true, ...(c.size && { size: c.size }) };
      if (c.wrap) cell.alignment = { wrapText: true, vertical: 'top' };
      if (c.numFmt) cell.numFmt = c.numFmt;
    }
    applyPrint(ws, sheet);
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/**
 * Lays out raw tables (see `layoutWorkbook`) and writes them as `.xlsx` bytes. The printed
 * footer's date is today's (in Tehran) unless `printedOn` says otherwise.
 */
export async function writeRawWorkbook(
  workbook: RawWorkbook,
  options: LayoutOptions,
): Promise<Uint8Array> {
  return writeWorkbook(layoutWorkbook(workbook, { printedOn: new Date(), ...options }));
}
