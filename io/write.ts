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
  TableLayout,
  WorkbookLayout,
} from '#core';
import { columnLetters, layoutWorkbook } from '#core';

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
  ws.addTable({
    name: t.name,
    ref: t.address,
    headerRow: true,
    totalsRow: false,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: t.columns.map((c) => ({ name: c.header, filterButton: true })),
    rows,
  });
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
    for (const c of sheet.cells) {
      const cell = ws.getCell(c.row, c.column);
      cell.value = toExcel(c.value);
      if (c.bold) cell.font = { bold: true };
      if (c.wrap) cell.alignment = { wrapText: true, vertical: 'top' };
    }
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** Lays out raw tables (see `layoutWorkbook`) and writes them as `.xlsx` bytes. */
export async function writeRawWorkbook(
  workbook: RawWorkbook,
  options: LayoutOptions,
): Promise<Uint8Array> {
  return writeWorkbook(layoutWorkbook(workbook, options));
}
