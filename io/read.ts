/**
 * Reading an `.xlsx` file into raw tables: every Excel table (ListObject) of
 * every sheet becomes a RawTable (name, sheet, top-left address, header,
 * rows of primitive cells). Everything outside tables is ignored; the plan
 * reader does the rest. Files that cannot be read come back as a value with a
 * bilingual message, never as an exception.
 */
import ExcelJS from 'exceljs';
import type { RawCell, RawSheet, RawTable, RawWorkbook } from '#core';
import { LIMITS, a1, formatNumber, parseA1, recoverTables, sheetsToSearch } from '#core';
import type { FileError } from './errors';
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_CELLS,
  DEFAULT_MAX_ENTRIES,
  DEFAULT_MAX_SHEET_CELLS,
  DEFAULT_MAX_SHEET_ROWS,
  DEFAULT_MAX_TEXT_CHARS,
  DEFAULT_MAX_UNCOMPRESSED_BYTES,
} from './limits';
import { fileError, megabytes } from './errors';
import type { Normalised } from './normalise';
import { normaliseWorkbook } from './normalise';
import type { ScanResult, ZipPart } from './zip';
import { scanParts, storedBytes, summariseZip } from './zip';

export {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_CELLS,
  DEFAULT_MAX_ENTRIES,
  DEFAULT_MAX_SHEET_CELLS,
  DEFAULT_MAX_SHEET_ROWS,
  DEFAULT_MAX_TEXT_CHARS,
  DEFAULT_MAX_UNCOMPRESSED_BYTES,
};

/** Limits checked before and after parsing. */
export interface ReadXlsxOptions {
  /** Largest file accepted, in bytes (default `DEFAULT_MAX_BYTES`). */
  maxBytes?: number;
  /** Largest total unpacked size of the archive's parts (default `DEFAULT_MAX_UNCOMPRESSED_BYTES`). */
  maxUncompressedBytes?: number;
  /** Most cells in all tables together (default `DEFAULT_MAX_CELLS`). */
  maxCells?: number;
  /** Most parts in the archive (default `DEFAULT_MAX_ENTRIES`). */
  maxEntries?: number;
  /** Most rows in all worksheets, counted before parsing (default `DEFAULT_MAX_SHEET_ROWS`). */
  maxSheetRows?: number;
  /** Most cells in all worksheets, counted before parsing (default `DEFAULT_MAX_SHEET_CELLS`). */
  maxSheetCells?: number;
  /**
   * Most characters of cell text in all worksheets, a shared string counted once per cell
   * that names it, counted before parsing (default `DEFAULT_MAX_TEXT_CHARS`; io/scan.ts).
   */
  maxTextChars?: number;
}

/** The result of reading a workbook. */
export type ReadXlsxResult =
  { ok: true; workbook: RawWorkbook; sheets: string[] } | { ok: false; error: FileError };

// The model exceljs keeps for a table loaded from a file (lib/xlsx/xform/table/table-xform.js);
// its public type describes tables being built, not loaded ones.
interface LoadedTableModel {
  name?: string;
  displayName?: string;
  tableRef?: string;
  ref?: string;
  totalsRow?: boolean;
  columns?: Array<{ name?: string }>;
}

/** A cell value of exceljs as a primitive: formula → its cached result, rich text → plain text. */
export function toRawCell(value: ExcelJS.CellValue | unknown, depth = 0): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'object' || depth > 3) return null;
  const v = value as Record<string, unknown>;
  // Error values (#N/A, #DIV/0!) are kept as their text so that the plan
  // reader reports them at their cell instead of silently reading a blank.
  if (typeof v.error === 'string') return v.error;
  if ('formula' in v || 'sharedFormula' in v) return toRawCell(v.result, depth + 1);
  if (Array.isArray(v.richText)) {
    const text = (v.richText as Array<{ text?: unknown }>)
      .map((part) => (typeof part.text === 'string' ? part.text : ''))
      .join('');
    return text === '' ? null : text;
  }
  if ('hyperlink' in v || 'text' in v) return toRawCell(v.text, depth + 1);
  return null;
}

function rangeOf(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const [from, to] = ref.split(':');
  const start = from ? parseA1(from) : null;
  const end = to ? parseA1(to) : start;
  if (!start || !end) return null;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.column, end.column),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.column, end.column),
  };
}

function isBlankCell(c: RawCell): boolean {
  return c === null || (typeof c === 'string' && c.trim() === '');
}

function cellAt(ws: ExcelJS.Worksheet, row: number, column: number): RawCell {
  const cell = ws.findCell(row, column);
  return cell ? toRawCell(cell.value) : null;
}

/**
 * Reads every Excel table of an `.xlsx` file. The header is taken from the
 * sheet (falling back to the table's column names), data rows from the
 * table's range without its totals row; trailing blank rows are dropped.
 * Tables are assumed to have a header row, as the contract requires.
 */
export async function readXlsx(
  bytes: Uint8Array,
  options: ReadXlsxOptions = {},
): Promise<ReadXlsxResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxUnpacked = options.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES;
  const maxCells = options.maxCells ?? DEFAULT_MAX_CELLS;
  if (bytes.length === 0) return fail('FILE_EMPTY', 'فایل خالی است.', 'The file is empty.');
  if (bytes.length > maxBytes)
    return fail(
      'FILE_TOO_LARGE',
      `فایل ${megabytes(bytes.length, 'fa')} است و از سقف ${megabytes(maxBytes, 'fa')} بزرگ‌تر است.`,
      `The file is ${megabytes(bytes.length, 'en')}, above the limit of ${megabytes(maxBytes, 'en')}.`,
    );
  if (isCompoundFile(bytes)) return { ok: false, error: compoundFileError(bytes) };
  const zip = summariseZip(bytes);
  if (!zip.ok) {
    if (zip.problem === 'not-zip')
      return fail(
        'FILE_NOT_XLSX',
        'این فایل کارپوشه اکسل (\u2066.xlsx\u2069) نیست (فایل فشرده‌ای نیست که کارپوشه‌ها هستند؛ شاید \u2066CSV\u2069 یا متن با پسوند \u2066xlsx\u2069 باشد). فایل را در اکسل با قالب «\u2066Excel Workbook (*.xlsx)\u2069» ذخیره کنید.',
        'This is not an Excel workbook (.xlsx): it is not the zip archive every workbook is (it may be CSV or text named .xlsx). Save it from Excel as "Excel Workbook (*.xlsx)".',
      );
    if (zip.problem === 'zip64')
      return fail(
        'FILE_UNREADABLE',
        'فایل با قالب \u2066ZIP64\u2069 فشرده شده که خوانده نمی‌شود (برای فایل‌های بزرگ‌تر از ۴ گیگابایت است). آن را در اکسل یا لیبره‌آفیس باز کنید و دوباره ذخیره کنید.',
        'The file is packed as ZIP64 (meant for archives above 4 GB), which is not read. Open it in Excel or LibreOffice and save it again.',
        'zip: zip64',
      );
    return fail(
      'FILE_UNREADABLE',
      'فایل ناقص است: پایان آن، که فهرست بخش‌های فایل فشرده در آن است، نیست یا بریده شده است. فایل را دوباره بفرستید یا نسخه کامل را ذخیره کنید.',
      'The file is truncated: its end, where a zip archive lists its parts, is missing or cut off. Send it again or save a complete copy.',
      `zip: ${zip.problem}`,
    );
  }
  if (zip.summary.uncompressedBytes > maxUnpacked)
    return fail(
      'FILE_TOO_LARGE',
      `محتوای فایل پس از گشودن ${megabytes(zip.summary.uncompressedBytes, 'fa')} است و از سقف ${megabytes(maxUnpacked, 'fa')} بزرگ‌تر است.`,
      `The file unpacks to ${megabytes(zip.summary.uncompressedBytes, 'en')}, above the limit of ${megabytes(maxUnpacked, 'en')}.`,
    );
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  if (zip.summary.entries > maxEntries)
    return fail(
      'FILE_UNREADABLE',
      `فایل ${formatNumber(zip.summary.entries, 'fa')} بخش دارد و از سقف ${formatNumber(maxEntries, 'fa')} بیشتر است؛ کارپوشه برنامه چنین نیست.`,
      `The file has ${formatNumber(zip.summary.entries, 'en')} parts, above the limit of ${formatNumber(maxEntries, 'en')}; a plan workbook has far fewer.`,
      'zip: too many entries',
    );
  const names = new Set(zip.summary.names.map((n) => n.toLowerCase()));
  if (!names.has('[content_types].xml') || !names.has('xl/workbook.xml'))
    return { ok: false, error: otherArchiveError(bytes, zip.summary.parts, names) };
  if (zip.summary.parts.some((p) => (p.flags & ZIP_ENCRYPTED) !== 0))
    return fail(
      'FILE_PROTECTED',
      'بخش‌های این فایل فشرده با گذرواژه رمز شده‌اند و خوانده نمی‌شوند. فایل را بی‌گذرواژه ذخیره کنید.',
      'The parts of this zip archive are encrypted with a password and cannot be read. Save the file without a password.',
      'zip: encrypted entries',
    );

  const maxText = options.maxTextChars ?? DEFAULT_MAX_TEXT_CHARS;
  const scanned = await scanParts(bytes, zip.summary.parts, {
    maxRows: options.maxSheetRows ?? DEFAULT_MAX_SHEET_ROWS,
    maxCells: options.maxSheetCells ?? DEFAULT_MAX_SHEET_CELLS,
    maxText,
  });
  if (!scanned.ok) return { ok: false, error: scanRefusal(scanned, maxText) };

  const normalised = normaliseWorkbook(bytes, zip.summary.parts);
  if (!normalised.ok) return { ok: false, error: normaliseRefusal(normalised) };
  const sound = normalised.bytes;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(sound.buffer, sound.byteOffset, sound.byteLength) as never);
  } catch (e) {
    // Every cause the checks above can name has been named: what is left is a structure the
    // reader does not follow, in a file that is a zip of well-formed sheets.
    return fail(
      'FILE_UNREADABLE',
      'ساختار این کارپوشه را خواننده نتوانست دنبال کند، هرچند فایل فشرده و برگه‌هایش سالم‌اند. فایل را در اکسل یا لیبره‌آفیس باز کنید و با قالب «\u2066Excel Workbook (*.xlsx)\u2069» دوباره ذخیره کنید.',
      `The reader could not follow this workbook's structure (${e instanceof Error ? e.message : String(e)}), although the zip and its sheets are sound. Open it in Excel or LibreOffice and save it as "Excel Workbook (*.xlsx)".`,
      e instanceof Error ? e.message : String(e),
    );
  }

  const tables: RawTable[] = [];
  const sheets: string[] = [];
  let cells = 0;
  for (const ws of wb.worksheets) {
    sheets.push(ws.name);
    const loaded = ws.getTables() as unknown as Array<{ table?: LoadedTableModel }>;
    for (const entry of loaded) {
      const model = entry.table;
      const ref = model?.tableRef ?? model?.ref;
      const range = ref ? rangeOf(ref) : null;
      if (!model || !range) continue;
      if (tables.length >= LIMITS.tables)
        return fail(
          'TOO_MANY_TABLES',
          `کارپوشه بیش از ${LIMITS.tables} جدول دارد.`,
          `The workbook has more than ${LIMITS.tables} tables.`,
        );
      const width = range.right - range.left + 1;
      const bottom = range.bottom - (model.totalsRow ? 1 : 0);
      cells += width * (bottom - range.top + 1);
      if (cells > maxCells)
        return fail(
          'TOO_MANY_CELLS',
          `جدول‌های کارپوشه بیش از ${formatNumber(maxCells, 'fa')} خانه دارند.`,
          `The workbook's tables hold more than ${formatNumber(maxCells, 'en')} cells.`,
        );
      const header: RawCell[] = [];
      for (let c = 0; c < width; c++) {
        const fromSheet = cellAt(ws, range.top, range.left + c);
        const fromModel = model.columns?.[c]?.name;
        header.push(fromSheet ?? (fromModel === undefined || fromModel === '' ? null : fromModel));
      }
      const rows: RawCell[][] = [];
      for (let r = range.top + 1; r <= bottom; r++) {
        const row: RawCell[] = [];
        for (let c = 0; c < width; c++) row.push(cellAt(ws, r, range.left + c));
        rows.push(row);
      }
      while (rows.length > 0 && (rows[rows.length - 1] ?? []).every(isBlankCell)) rows.pop();
      tables.push({
        name: model.name ?? model.displayName ?? `Table${tables.length + 1}`,
        sheet: ws.name,
        address: a1(range.top, range.left),
        header,
        rows,
      });
    }
  }
  // Tables lost on the way (Google Sheets and some converters keep cells, not tables): the
  // core finds them by their header rows on their default sheets (read/recover.ts).
  const search = new Set(sheetsToSearch(sheets, tables));
  if (search.size > 0) {
    const grids: RawSheet[] = [];
    for (const ws of wb.worksheets) {
      if (!search.has(ws.name)) continue;
      const found: RawSheet['cells'][number][] = [];
      ws.eachRow({ includeEmpty: false }, (row, r) =>
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          const value = toRawCell(cell.value);
          if (value !== null) found.push({ row: r, column: c, value });
        }),
      );
      grids.push({ name: ws.name, cells: found });
    }
    for (const t of recoverTables(grids, tables)) {
      cells += t.header.length * (t.rows.length + 1);
      if (cells > maxCells)
        return fail(
          'TOO_MANY_CELLS',
          `جدول‌های کارپوشه بیش از ${formatNumber(maxCells, 'fa')} خانه دارند.`,
          `The workbook's tables hold more than ${formatNumber(maxCells, 'en')} cells.`,
        );
      tables.push(t);
    }
  }
  if (tables.length === 0)
    return fail(
      'NO_TABLES',
      'کارپوشه هیچ جدول اکسل (\u2066Table\u2069) ندارد. داده‌ها را با «\u2066Format as Table\u2069» به جدول تبدیل کنید و نام جدول را مانند \u2066tblProjects\u2069 بگذارید، یا با «\u2066plan template\u2069» کارپوشه تازه بسازید.',
      'The workbook has no Excel tables. Turn the data into a table (Home > Format as Table) and name it like tblProjects, or start from "plan template".',
    );
  return { ok: true, workbook: { tables }, sheets };
}

/** The signature of an OLE compound file (MS-CFB §2.2): old `.xls` files and encrypted workbooks. */
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** General purpose flag bit 0 of a zip entry: encrypted (APPNOTE.TXT 4.4.4). */
const ZIP_ENCRYPTED = 0x0001;

function isCompoundFile(bytes: Uint8Array): boolean {
  return COMPOUND_FILE.every((b, i) => bytes[i] === b);
}

/**
 * An OLE compound file: a workbook encrypted with a password (Excel keeps the encrypted
 * package in a stream named `EncryptedPackage`, MS-OFFCRYPTO §2.3.4.4; stream names are
 * UTF-16), or a file of Excel 97–2003 or another older Office program.
 */
function compoundFileError(bytes: Uint8Array): FileError {
  const stream = Buffer.from('EncryptedPackage', 'utf16le');
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.includes(stream))
    return fileError(
      'FILE_PROTECTED',
      'این کارپوشه با گذرواژه رمز شده است و خوانده نمی‌شود. آن را در اکسل باز کنید، گذرواژه را بردارید («پرونده › اطلاعات › محافظت از کارپوشه») و دوباره ذخیره کنید.',
      'This workbook is encrypted with a password and cannot be read. Open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password) and save it again.',
      'cfb: encrypted package',
    );
  return fileError(
    'FILE_NOT_XLSX',
    'این فایل با قالب قدیمی اکسل ۹۷ تا ۲۰۰۳ (\u2066.xls\u2069) یا برنامه قدیمی دیگری از آفیس است. آن را در اکسل یا لیبره‌آفیس باز کنید و با قالب «\u2066Excel Workbook (*.xlsx)\u2069» ذخیره کنید.',
    'This is an Excel 97–2003 workbook (.xls) or another older Office file. Open it in Excel or LibreOffice and save it as "Excel Workbook (*.xlsx)".',
    'cfb: not encrypted',
  );
}

/** A zip archive that is not an `.xlsx` workbook: say what it is, when it can be told. */
function otherArchiveError(
  bytes: Uint8Array,
  parts: readonly ZipPart[],
  names: ReadonlySet<string>,
): FileError {
  const mimetype = parts.find((p) => p.name === 'mimetype' && p.method === 0);
  const stored = mimetype && storedBytes(bytes, mimetype);
  const kind = stored ? Buffer.from(stored).toString('latin1') : '';
  if (kind.startsWith('application/vnd.oasis.opendocument.spreadsheet'))
    return fileError(
      'FILE_NOT_XLSX',
      'این فایل صفحه‌گسترده اپن‌داکیومنت (\u2066.ods\u2069) است، نه کارپوشه اکسل. آن را در لیبره‌آفیس یا اکسل باز کنید و با قالب «\u2066Excel 2007-365 (.xlsx)\u2069» ذخیره کنید.',
      'This is an OpenDocument spreadsheet (.ods), not an Excel workbook. Open it in LibreOffice or Excel and save it as "Excel 2007-365 (.xlsx)".',
      'zip: ods',
    );
  if (names.has('xl/workbook.bin'))
    return fileError(
      'FILE_NOT_XLSX',
      'این فایل کارپوشه دودویی اکسل (\u2066.xlsb\u2069) است. آن را در اکسل با قالب «\u2066Excel Workbook (*.xlsx)\u2069» ذخیره کنید.',
      'This is an Excel binary workbook (.xlsb). Save it from Excel as "Excel Workbook (*.xlsx)".',
      'zip: xlsb',
    );
  if (names.has('word/document.xml') || names.has('ppt/presentation.xml'))
    return fileError(
      'FILE_NOT_XLSX',
      'این فایل سند ورد یا ارائه پاورپوینت است، نه کارپوشه اکسل.',
      'This is a Word document or a PowerPoint presentation, not an Excel workbook.',
      'zip: other office document',
    );
  return fileError(
    'FILE_NOT_XLSX',
    'این فایل فشرده (\u2066zip\u2069) هست ولی کارپوشه اکسل نیست (بخش \u2066xl/workbook.xml\u2069 را ندارد). آن را در اکسل با قالب \u2066.xlsx\u2069 ذخیره کنید.',
    'This is a zip archive but not an Excel workbook (it has no xl/workbook.xml part). Save it from Excel as .xlsx.',
    'zip: not a workbook',
  );
}

/** Why the file cannot be put right for the parser, in words that name the cause. */
function normaliseRefusal(n: Exclude<Normalised, { ok: true }>): FileError {
  switch (n.problem) {
    case 'strict':
      return fileError(
        'FILE_UNREADABLE',
        'این کارپوشه با قالب «\u2066Strict Open XML\u2069» ذخیره شده است که خوانده نمی‌شود. آن را در اکسل باز کنید و با قالب «\u2066Excel Workbook (*.xlsx)\u2069» ذخیره کنید.',
        'This workbook is saved as "Strict Open XML Spreadsheet", which is not read. Open it in Excel and save it as "Excel Workbook (*.xlsx)".',
        'xlsx: strict',
      );
    case 'missing-part':
      return fileError(
        'FILE_UNREADABLE',
        `بخش ${n.part} به بخش ${n.target} ارجاع می‌دهد که در فایل نیست؛ برنامه‌ای که فایل را ساخته آن را ناقص نوشته است. فایل را در اکسل یا لیبره‌آفیس باز کنید و دوباره ذخیره کنید.`,
        `The part ${n.part} refers to ${n.target}, which the file lacks; the program that wrote it left it out. Open the file in Excel or LibreOffice and save it again.`,
        `xlsx: missing ${n.target}`,
      );
    case 'malformed':
      return fileError(
        'FILE_UNREADABLE',
        `بخش ${n.part} فایل، \u2066XML\u2069 درست‌ساختی نیست و خوانده نشد. فایل را در اکسل یا لیبره‌آفیس باز کنید و دوباره ذخیره کنید.`,
        `The part ${n.part} of the file is not well-formed XML (${n.detail}). Open it in Excel or LibreOffice and save it again.`,
        `zip: malformed ${n.part}: ${n.detail}`,
      );
  }
}

/** Why the scan refused the file, in words that name the cause. */
function scanRefusal(scanned: Extract<ScanResult, { ok: false }>, maxText: number): FileError {
  const detail = `zip: ${scanned.problem}`;
  switch (scanned.problem) {
    case 'doctype':
      return fileError(
        'FILE_UNREADABLE',
        'فایل بخشی با تعریف \u2066DOCTYPE\u2069 دارد که کارپوشه‌های اکسل ندارند؛ برای ایمنی خوانده نشد. آن را در اکسل باز کنید و دوباره ذخیره کنید.',
        'A part of the file declares a DOCTYPE, which Excel workbooks never do; for safety it was not read. Open it in Excel and save it again.',
        detail,
      );
    case 'too-many-rows':
    case 'too-many-cells':
    case 'too-many-strings':
      return fileError(
        'TOO_MANY_CELLS',
        'برگه‌های کارپوشه بیش از اندازه سطر یا خانه دارند؛ کارپوشه برنامه چنین نیست.',
        'The sheets hold far more rows or cells than a plan workbook; the file was not read.',
        detail,
      );
    case 'too-much-text': {
      const limit = formatNumber(maxText, 'en');
      const persian = formatNumber(maxText, 'fa');
      return fileError(
        'TEXT_TOO_LARGE',
        `متن خانه‌های کارپوشه (هر متن مشترک به شمار خانه‌هایی که آن را به کار می‌برند) از سقف ${persian} نویسه بیشتر است؛ کارپوشه برنامه چنین نیست. خانه‌های بسیار بلند را کوتاه کنید.`,
        `The text of the workbook's cells (a shared string counted once per cell that uses it) is above the limit of ${limit} characters; a plan workbook holds far less. Shorten the very long cells.`,
        detail,
      );
    }
    case 'malformed':
      return fileError(
        'FILE_UNREADABLE',
        `بخش ${scanned.part} فایل، \u2066XML\u2069 درست‌ساختی نیست و خوانده نشد. برنامه‌ای که فایل را ساخته آن را نادرست نوشته است؛ فایل را در اکسل یا لیبره‌آفیس باز کنید و دوباره ذخیره کنید.`,
        `The part ${scanned.part} of the file is not well-formed XML (${scanned.detail}); the program that wrote the file wrote it wrongly. Open it in Excel or LibreOffice and save it again.`,
        `zip: malformed ${scanned.part}: ${scanned.detail}`,
      );
    case 'size-mismatch':
      return fileError(
        'FILE_UNREADABLE',
        `بخش ${scanned.part} فایل بزرگ‌تر از اندازه‌ای است که فهرست فایل فشرده می‌گوید؛ فایل دست‌کاری شده یا خراب است و خوانده نشد.`,
        `The part ${scanned.part} inflates beyond the size the zip directory declares; the file is tampered with or damaged and was not read.`,
        detail,
      );
    case 'unsupported-method':
      return fileError(
        'FILE_UNREADABLE',
        `بخش ${scanned.part} فایل با روشی فشرده شده که کارپوشه‌های اکسل به کار نمی‌برند؛ آن را در اکسل باز کنید و دوباره ذخیره کنید.`,
        `The part ${scanned.part} is compressed with a method Excel workbooks do not use; open the file in Excel and save it again.`,
        detail,
      );
    case 'truncated':
      return fileError(
        'FILE_UNREADABLE',
        'فایل ناقص است (پیش از پایان بریده شده) و خوانده نشد. دوباره آن را بفرستید یا نسخه کامل را ذخیره کنید.',
        'The file is truncated (cut off before its end) and could not be read. Send it again or save a complete copy.',
        detail,
      );
  }
}

function fail(
  code: FileError['code'],
  fa: string,
  en: string,
  detail?: string,
): { ok: false; error: FileError } {
  return { ok: false, error: fileError(code, fa, en, detail) };
}
