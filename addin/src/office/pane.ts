/**
 * What the Plan pane asks of Excel, as one thin adapter: the views call these functions and
 * never `Excel.run` themselves. Every function is one `Excel.run` with as few
 * `context.sync()` calls as the job allows (reads: one to size the tables, one per block of
 * rows; writes: one per sheet), never a round trip per cell. Bulk writes switch the workbook's
 * events off (`context.runtime.enableEvents`, ExcelApi 1.8) so the pane's own change handler
 * and the PLAN.* functions do not fire for every table drawn, and switch them back on even
 * when the write fails.
 */
/// <reference types="office-js" />
import type {
  LooseCell,
  RawTable,
  RawWorkbook,
  SheetLayout,
  TableLayout,
  WorkbookLayout,
} from '#core';
import { columnLetters } from '#core';
import type { ExcelRun } from './workbook';
import { excelRun, isContractTable, topLeftOf } from './workbook';

/**
 * Most cells one read may carry. Excel on the web refuses a request or response above about
 * 5 MB ("Excel JavaScript API requirement sets: limits", learn.microsoft.com); at 50 bytes a
 * cell as JSON this keeps a block near 2.5 MB, half the limit.
 */
export const CELLS_PER_READ = 50_000;

/**
 * Excel's column width unit is the point; the layout's width is in characters of the default
 * font (Calibri 11, about 7 pixels = 5.25 points a character, plus padding): 7 points a
 * character keeps Persian captions, which are wider, from being cut.
 */
export const POINTS_PER_CHARACTER = 7;

/** How a table of the open workbook stands against the contract. */
export interface TableSize {
  name: string;
  sheet: string;
  /** The address of the whole table, header included (`'Sheet'!A2:F40`). */
  address: string;
  rowCount: number;
  columnCount: number;
}

/** A block of rows of one table, read in one request. */
interface Block {
  table: number;
  /** First row of the block within the table (0 = header). */
  from: number;
  count: number;
}

/** Splits tables into blocks of whole rows, each at most `limit` cells (at least one row). */
export function planBlocks(sizes: readonly TableSize[], limit = CELLS_PER_READ): Block[][] {
  const batches: Block[][] = [];
  let batch: Block[] = [];
  let cells = 0;
  sizes.forEach((size, table) => {
    const perBlock = Math.max(1, Math.floor(limit / Math.max(1, size.columnCount)));
    for (let from = 0; from < size.rowCount; from += perBlock) {
      const count = Math.min(perBlock, size.rowCount - from);
      const n = count * size.columnCount;
      if (cells + n > limit && batch.length > 0) {
        batches.push(batch);
        batch = [];
        cells = 0;
      }
      batch.push({ table, from, count });
      cells += n;
    }
  });
  if (batch.length > 0) batches.push(batch);
  return batches;
}

function toCell(v: unknown): RawTable['rows'][number][number] {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

/**
 * Reads every contract table (own and `ref_`) in blocks: one sync sizes them all, then one
 * sync per batch of blocks of at most `CELLS_PER_READ` cells, so a large workbook never
 * exceeds the request limit and a small one costs two round trips. `names` lists every table
 * of the workbook, contract or not (for recognising a workbook).
 */
export async function readAllTables(
  run: ExcelRun = excelRun,
  limit = CELLS_PER_READ,
): Promise<{ workbook: RawWorkbook; names: string[] }> {
  return run(async (context) => {
    const collection = context.workbook.tables;
    collection.load('items/name');
    await context.sync();
    const names = collection.items.map((t) => t.name);
    const found = collection.items
      .filter((t) => isContractTable(t.name))
      .map((t) => {
        const range = t.getRange();
        range.load('address,rowCount,columnCount,rowIndex,columnIndex');
        const sheet = t.worksheet;
        sheet.load('name');
        return { name: t.name, range, sheet };
      });
    await context.sync();
    const sizes: TableSize[] = found.map((f) => ({
      name: f.name,
      sheet: f.sheet.name,
      address: f.range.address,
      rowCount: f.range.rowCount,
      columnCount: f.range.columnCount,
    }));
    const values: unknown[][][] = sizes.map(() => []);
    for (const batch of planBlocks(sizes, limit)) {
      const loads = batch.map((b) => {
        const f = found[b.table]!;
        const range = f.sheet.getRangeByIndexes(
          f.range.rowIndex + b.from,
          f.range.columnIndex,
          b.count,
          f.range.columnCount,
        );
        range.load('values');
        return { b, range };
      });
      await context.sync();
      for (const { b, range } of loads) values[b.table]!.push(...(range.values as unknown[][]));
    }
    const tables: RawTable[] = sizes.map((size, i) => {
      const rows = values[i]!.map((r) => r.map(toCell));
      const address = topLeftOf(size.address);
      return {
        name: size.name,
        sheet: size.sheet,
        ...(address ? { address } : {}),
        header: rows[0] ?? [],
        rows: rows.slice(1),
      };
    });
    return { workbook: { tables }, names };
  });
}

/** Runs `write` with the workbook's events off, and switches them back on whatever happens. */
async function withoutEvents<T>(
  context: Excel.RequestContext,
  write: () => Promise<T>,
): Promise<T> {
  const runtime = context.runtime as Excel.Runtime | undefined;
  if (runtime) runtime.enableEvents = false;
  try {
    return await write();
  } finally {
    if (runtime) {
      runtime.enableEvents = true;
      await context.sync();
    }
  }
}

/** The A1 address of a block from its top-left cell (1-based) and size. */
export function blockAddress(row: number, column: number, rows: number, columns: number): string {
  const first = `${columnLetters(column)}${row}`;
  if (rows === 1 && columns === 1) return first;
  return `${first}:${columnLetters(column + columns - 1)}${row + rows - 1}`;
}

function excelValue(v: unknown): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

function drawTable(sheet: Excel.Worksheet, t: TableLayout): void {
  const width = t.columns.length;
  // An Excel table needs at least one data row: an empty template table gets one blank row.
  const rows = t.rows.length > 0 ? t.rows : [t.columns.map(() => null)];
  const values = [t.columns.map((c) => c.header), ...rows.map((r) => r.map(excelValue))];
  const address = blockAddress(t.headerRow, t.firstColumn, values.length, width);
  sheet.getRange(address).values = values;
  const table = sheet.tables.add(address, true);
  table.name = t.name;
  if (t.title !== null && t.headerRow > 1) {
    const title = sheet.getRange(blockAddress(t.headerRow - 1, t.firstColumn, 1, 1));
    title.values = [[t.title]];
    title.format.font.bold = true;
  }
  const formatRows = Math.max(1, t.formatRows);
  t.columns.forEach((c, i) => {
    const column = sheet.getRange(blockAddress(t.headerRow + 1, t.firstColumn + i, formatRows, 1));
    if (c.numFmt !== null)
      column.numberFormat = Array.from({ length: formatRows }, () => [c.numFmt]);
    const v = c.validation;
    if (v?.type === 'list')
      column.dataValidation.rule = { list: { inCellDropDown: true, source: `=${v.source}` } };
    else if (v) {
      const bound =
        v.min !== undefined && v.max !== undefined
          ? { formula1: v.min, formula2: v.max, operator: 'Between' }
          : v.min !== undefined
            ? { formula1: v.min, operator: 'GreaterThanOrEqualTo' }
            : { formula1: v.max ?? 0, operator: 'LessThanOrEqualTo' };
      const rule = bound as Excel.BasicDataValidation;
      column.dataValidation.rule = v.type === 'whole' ? { wholeNumber: rule } : { decimal: rule };
    }
  });
}

function drawCells(sheet: Excel.Worksheet, cells: readonly LooseCell[]): void {
  for (const c of cells) {
    const range = sheet.getRange(blockAddress(c.row, c.column, 1, 1));
    range.values = [[excelValue(c.value)]];
    if (c.bold) range.format.font.bold = true;
    if (c.wrap) range.format.wrapText = true;
  }
}

function drawSheet(sheet: Excel.Worksheet, s: SheetLayout): void {
  drawCells(sheet, s.cells);
  for (const t of s.tables) drawTable(sheet, t);
  for (const w of s.columnWidths)
    sheet.getRange(`${columnLetters(w.column)}:${columnLetters(w.column)}`).format.columnWidth =
      w.width * POINTS_PER_CHARACTER;
  if (s.frozenRows > 0) sheet.freezePanes.freezeRows(s.frozenRows);
  if (s.hidden) sheet.visibility = 'Hidden' as Excel.SheetVisibility;
}

/** What `createFromLayout` reports as it goes (for the pane's progress bar). */
export type Progress = (done: number, total: number) => void;

/**
 * Draws a workbook layout (the template of `shared/`) into the open workbook: each sheet
 * added if missing, its loose cells, its tables as real Excel tables with captions, number
 * formats and validation lists, widths, frozen rows, hidden list sheets. One sync per sheet,
 * events off throughout. A table of the same name already in the workbook is left as it is
 * and reported in `skipped` (Excel refuses two tables of one name).
 */
export async function createFromLayout(
  layout: WorkbookLayout,
  run: ExcelRun = excelRun,
  progress?: Progress,
): Promise<{ created: string[]; skipped: string[] }> {
  return run(async (context) =>
    withoutEvents(context, async () => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      const tables = context.workbook.tables;
      tables.load('items/name');
      await context.sync();
      const haveSheets = new Set(sheets.items.map((s) => s.name));
      const haveTables = new Set(tables.items.map((t) => t.name));
      const created: string[] = [];
      const skipped: string[] = [];
      let done = 0;
      for (const s of layout.sheets) {
        const sheet = haveSheets.has(s.name) ? sheets.getItem(s.name) : sheets.add(s.name);
        const fresh = s.tables.filter((t) => !haveTables.has(t.name));
        skipped.push(...s.tables.filter((t) => haveTables.has(t.name)).map((t) => t.name));
        drawSheet(sheet, { ...s, tables: fresh });
        created.push(...fresh.map((t) => t.name));
        await context.sync();
        progress?.(++done, layout.sheets.length);
      }
      return { created, skipped };
    }),
  );
}

/** Selects a cell (`D7`) on a sheet and shows the sheet: where a finding points. */
export async function selectCell(
  sheet: string,
  cell: string,
  run: ExcelRun = excelRun,
): Promise<void> {
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await context.sync();
  });
}

/** A table to write: its sheet, name, header and rows, placed at `address` (default A1). */
export interface TableWrite {
  sheet: string;
  name: string;
  header: readonly string[];
  rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null>>;
  address?: string;
}

/**
 * Writes a table, replacing a table of the same name (its rows are cleared and rewritten,
 * so formulas that name it keep working). Values starting with `=` are written as formulas.
 * One sync to look, one to write; events off.
 */
export async function writeTable(write: TableWrite, run: ExcelRun = excelRun): Promise<void> {
  await run(async (context) =>
    withoutEvents(context, async () => {
      const sheets = context.workbook.worksheets;
      const existingSheet = sheets.getItemOrNullObject(write.sheet);
      const existing = context.workbook.tables.getItemOrNullObject(write.name);
      await context.sync();
      const sheet = existingSheet.isNullObject ? sheets.add(write.sheet) : existingSheet;
      const cells = [write.header, ...write.rows].map((r) => r.map(excelValue));
      const top = write.address ?? 'A1';
      const match = /^([A-Z]+)(\d+)$/.exec(top);
      const column = match ? letterIndex(match[1]!) : 1;
      const row = match ? Number(match[2]) : 1;
      if (!existing.isNullObject) {
        // The old rows go too: a shorter table must not leave rows of the old one below it.
        existing.getRange().clear();
        existing.delete();
      }
      const address = blockAddress(row, column, cells.length, write.header.length);
      sheet.getRange(address).formulas = cells;
      const table = sheet.tables.add(address, true);
      table.name = write.name;
      await context.sync();
    }),
  );
}

/** The 1-based index of column letters (`A` → 1, `AB` → 28). */
export function letterIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Writes a block of formulas (or values) at `topLeft` of a sheet, added if missing; events off. */
export async function writeFormulas(
  sheet: string,
  topLeft: string,
  formulas: ReadonlyArray<ReadonlyArray<string | number>>,
  run: ExcelRun = excelRun,
): Promise<void> {
  const match = /^([A-Z]+)(\d+)$/.exec(topLeft);
  if (!match) throw new Error(`not a cell address: ${topLeft}`);
  const width = Math.max(...formulas.map((r) => r.length));
  await run(async (context) =>
    withoutEvents(context, async () => {
      const address = blockAddress(
        Number(match[2]),
        letterIndex(match[1]!),
        formulas.length,
        width,
      );
      const sheets = context.workbook.worksheets;
      const existing = sheets.getItemOrNullObject(sheet);
      await context.sync();
      const target = existing.isNullObject ? sheets.add(sheet) : existing;
      target.getRange(address).formulas = formulas.map((r) => [
        ...r,
        ...Array.from({ length: width - r.length }, () => ''),
      ]);
      await context.sync();
    }),
  );
}

/**
 * Calls `onChange` after the tables change (values, a table added or deleted), once per burst
 * of changes: `delayMs` after the last one (typing across a row fires one event per cell).
 * Returns a function that stops listening. Without the events (older hosts) nothing is
 * called, and `watched` is false.
 */
export async function watchTables(
  onChange: () => void,
  delayMs = 800,
  run: ExcelRun = excelRun,
): Promise<{ watched: boolean; stop: () => Promise<void> }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = async () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      onChange();
    }, delayMs);
  };
  const added = await run(async (context) => {
    const tables = context.workbook.tables;
    if (tables.onChanged === undefined) return [];
    const results = [
      tables.onChanged.add(fire),
      tables.onAdded?.add(fire),
      tables.onDeleted?.add(fire),
    ];
    await context.sync();
    return results.filter(
      (r): r is OfficeExtension.EventHandlerResult<Excel.TableChangedEventArgs> => !!r,
    );
  });
  return {
    watched: added.length > 0,
    stop: async () => {
      if (timer !== undefined) clearTimeout(timer);
      if (added.length === 0) return;
      // A handler is removed through the request context it was added in (Office's
      // "Work with events" pattern); a fresh context would sync nothing of it.
      for (const h of added) h.remove();
      await added[0]?.context.sync();
    },
  };
}

/**
 * The adapter the pane's views receive: the functions above bound to one `Excel.run` (the
 * real one in the add-in, a mock in tests).
 */
export interface PaneOffice {
  readAllTables(): Promise<{ workbook: RawWorkbook; names: string[] }>;
  createFromLayout(
    layout: WorkbookLayout,
    progress?: Progress,
  ): Promise<{ created: string[]; skipped: string[] }>;
  selectCell(sheet: string, cell: string): Promise<void>;
  writeTable(write: TableWrite): Promise<void>;
  writeFormulas(
    sheet: string,
    topLeft: string,
    formulas: ReadonlyArray<ReadonlyArray<string | number>>,
  ): Promise<void>;
  watchTables(
    onChange: () => void,
    delayMs?: number,
  ): Promise<{ watched: boolean; stop: () => Promise<void> }>;
}

/** The adapter over `run` (`Excel.run` by default). */
export function paneOffice(run: ExcelRun = excelRun): PaneOffice {
  return {
    readAllTables: () => readAllTables(run),
    createFromLayout: (layout, progress) => createFromLayout(layout, run, progress),
    selectCell: (sheet, cell) => selectCell(sheet, cell, run),
    writeTable: (write) => writeTable(write, run),
    writeFormulas: (sheet, topLeft, formulas) => writeFormulas(sheet, topLeft, formulas, run),
    watchTables: (onChange, delayMs) => watchTables(onChange, delayMs, run),
  };
}
