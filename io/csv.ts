/**
 * Reading one table from a CSV file: the first record is the header (column
 * keys or captions, Persian or English), the rest are rows of text cells that
 * the plan reader interprets (Persian digits, thousands separators…).
 */
import { parse } from 'csv-parse/sync';
import type { RawCell, RawTable } from '#core';
import { LIMITS } from '#core';
import type { FileError } from './errors';
import { fileError, megabytes } from './errors';

/** 20 MB of CSV text is some hundred thousand rows: far above any plan table. */
export const DEFAULT_MAX_CSV_BYTES = 20 * 1_048_576;

/** The result of reading a CSV table. */
export type ReadCsvResult = { ok: true; table: RawTable } | { ok: false; error: FileError };

/**
 * Text of a CSV file from its bytes: UTF-8 (with or without a byte-order
 * mark); when the bytes are not valid UTF-8, Windows-1256, the code page that
 * Persian Windows uses when Excel saves "CSV (Comma delimited)".
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1256').decode(bytes);
  }
}

/** The field delimiter of a CSV text: `,`, `;`, tab or `،` (Persian comma), whichever the header line has most of. */
export function detectDelimiter(text: string): string {
  const firstLine = text.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '';
  // Count outside double quotes only.
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t', '\u060c']) {
    const count = unquoted.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Reads a CSV text as the raw table `tableName` (at `A1`, as if pasted on a
 * sheet of that name). Blank cells are null; blank lines are skipped.
 */
export function readCsvTable(
  text: string,
  tableName: string,
  options: { maxBytes?: number } = {},
): ReadCsvResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_CSV_BYTES;
  // Length in UTF-16 units is at most the UTF-8 byte length, a cheap first bound.
  if (text.length > maxBytes)
    return fail(
      'FILE_TOO_LARGE',
      `فایل \u2066CSV\u2069 از سقف ${megabytes(maxBytes, 'fa')} بزرگ‌تر است.`,
      `The CSV file is above the limit of ${megabytes(maxBytes, 'en')}.`,
    );
  const clean = text.replace(/^\ufeff/, '');
  if (clean.trim() === '')
    return fail('CSV_EMPTY', 'فایل \u2066CSV\u2069 خالی است.', 'The CSV file is empty.');
  let records: string[][];
  try {
    records = parse(clean, {
      delimiter: detectDelimiter(clean),
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: LIMITS.cellText * 4,
    }) as string[][];
  } catch (e) {
    return fail(
      'CSV_UNREADABLE',
      'فایل \u2066CSV\u2069 خوانده نشد (مثلاً یک نقل‌قول بسته نشده است). آن را دوباره از اکسل با قالب «\u2066CSV UTF-8\u2069» ذخیره کنید.',
      'The CSV file could not be read (e.g. an unclosed quote). Save it again from Excel as "CSV UTF-8".',
      e instanceof Error ? e.message : String(e),
    );
  }
  const [head, ...body] = records;
  if (!head || head.every((h) => h.trim() === ''))
    return fail(
      'CSV_EMPTY',
      'فایل \u2066CSV\u2069 سطر عنوان ندارد.',
      'The CSV file has no header line.',
    );
  if (body.length > LIMITS.rowsPerTable || head.length > LIMITS.columns)
    return fail(
      'TOO_MANY_CELLS',
      'فایل \u2066CSV\u2069 بیش از حد سطر یا ستون دارد.',
      'The CSV file has too many rows or columns.',
    );
  const cell = (s: string | undefined): RawCell => (s === undefined || s.trim() === '' ? null : s);
  const width = head.length;
  return {
    ok: true,
    table: {
      name: tableName,
      sheet: tableName,
      address: 'A1',
      header: head.map((h) => cell(h.trim())),
      rows: body.map((r) =>
        Array.from({ length: Math.max(width, r.length) }, (_, i) => cell(r[i])),
      ),
    },
  };
}

function fail(
  code: FileError['code'],
  fa: string,
  en: string,
  detail?: string,
): { ok: false; error: FileError } {
  return { ok: false, error: fileError(code, fa, en, detail) };
}

/** A CSV field: quoted when it holds a comma, a quote, a line break or leading/trailing space. */
function csvField(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  const s = cell instanceof Date ? cell.toISOString() : String(cell);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * One table as CSV bytes (RFC 4180: comma, CRLF, fields quoted as needed), UTF-8 with a
 * byte-order mark so that Excel opens Persian text as Persian; `readCsvTable` reads it back.
 */
export function writeCsvTable(
  header: readonly RawCell[],
  rows: readonly (readonly RawCell[])[],
): Uint8Array {
  const lines = [header, ...rows].map((r) => r.map(csvField).join(','));
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}
