/**
 * Loading a command's input files: an `.xlsx` workbook (every Excel table in
 * it) or a CSV file (one table; header = column keys or captions). Inputs of
 * several files are put together as one raw workbook for the plan reader.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import type { RawTable, RawWorkbook, TableName } from '#core';
import { TABLE_NAMES, cellText, contractNameOf, findTableSpec, matchKey, fsi } from '#core';
import type { FileError } from '../io/errors';
import { megabytes } from '../io/errors';
import { DEFAULT_MAX_BYTES, readXlsx } from '../io/read';
import { DEFAULT_MAX_CSV_BYTES, decodeCsvBytes, readCsvTable } from '../io/csv';
import { looksLikeZip } from '../io/zip';
import type { CliIo, CliProblem } from './io';
import { EXIT } from './io';

/** A loaded input, or why it could not be loaded. */
export type Loaded<T> = { ok: true; value: T } | { ok: false; problem: CliProblem };

/** How a file is read. */
export type InputKind = 'xlsx' | 'csv';

const CSV_EXTENSIONS = new Set(['.csv', '.tsv', '.txt']);
const XLSX_EXTENSIONS = new Set(['.xlsx', '.xlsm']);

/** The absolute path of an argument, from the command's working directory. */
export function pathOf(io: CliIo, path: string): string {
  return resolve(io.cwd ?? process.cwd(), path);
}

function problem(
  fa: string,
  en: string,
  code: number = EXIT.input,
): { ok: false; problem: CliProblem } {
  return { ok: false, problem: { code, message: { fa, en } } };
}

function fileProblem(path: string, error: FileError): { ok: false; problem: CliProblem } {
  const name = basename(path);
  return problem(`${name}: ${error.message.fa}`, `${name}: ${error.message.en}`);
}

/** Reads a file's bytes, refusing missing files, folders and files above the size limit. */
export async function readInputBytes(
  io: CliIo,
  path: string,
  maxBytes: number,
): Promise<Loaded<Uint8Array>> {
  const full = pathOf(io, path);
  try {
    const info = await stat(full);
    if (info.isDirectory())
      return problem(`«${fsi(path)}» یک پوشه است، نه فایل.`, `"${path}" is a folder, not a file.`);
    if (info.size > maxBytes)
      return problem(
        `«${fsi(path)}» ${megabytes(info.size, 'fa')} است و از سقف ${megabytes(maxBytes, 'fa')} بزرگ‌تر است.`,
        `"${path}" is ${megabytes(info.size, 'en')}, above the limit of ${megabytes(maxBytes, 'en')}.`,
      );
    return { ok: true, value: new Uint8Array(await readFile(full)) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      return problem(
        `فایل «${fsi(path)}» پیدا نشد. نشانی را بررسی کنید.`,
        `file "${path}" not found; check the path.`,
      );
    if (code === 'EACCES')
      return problem(`اجازه خواندن «${fsi(path)}» نیست.`, `no permission to read "${path}".`);
    return problem(
      `«${fsi(path)}» خوانده نشد.`,
      `"${path}" could not be read (${code ?? 'error'}).`,
    );
  }
}

/** How a file will be read: by its extension, else by its first bytes. */
export function kindOf(path: string, bytes: Uint8Array): InputKind {
  const ext = extname(path).toLowerCase();
  if (CSV_EXTENSIONS.has(ext)) return 'csv';
  if (XLSX_EXTENSIONS.has(ext)) return 'xlsx';
  return looksLikeZip(bytes) ? 'xlsx' : 'csv';
}

/** The contract table a CSV file's name suggests (`projects.csv`, `tblProjects.csv`), if any. */
export function tableFromFileName(path: string): TableName | null {
  const stem = matchKey(basename(path, extname(path)));
  for (const name of TABLE_NAMES) {
    const key = matchKey(name);
    if (stem === key || stem === key.replace(/^tbl/, '')) return name;
  }
  return null;
}

/**
 * Loads a workbook file. An `.xlsx` gives all its tables; a CSV gives one
 * table named `csvTable` (or the table its file name suggests).
 */
export async function loadWorkbook(
  io: CliIo,
  path: string,
  options: { csvTable?: string | null } = {},
): Promise<Loaded<{ workbook: RawWorkbook; kind: InputKind }>> {
  const max = Math.max(DEFAULT_MAX_BYTES, DEFAULT_MAX_CSV_BYTES);
  const bytes = await readInputBytes(io, path, max);
  if (!bytes.ok) return bytes;
  const kind = kindOf(path, bytes.value);
  if (kind === 'xlsx') {
    const read = await readXlsx(bytes.value);
    if (!read.ok) return fileProblem(path, read.error);
    return { ok: true, value: { workbook: read.workbook, kind } };
  }
  const table = options.csvTable ?? tableFromFileName(path);
  if (!table)
    return problem(
      `معلوم نیست «${fsi(basename(path))}» کدام جدول است. نام جدول را با \u2066--table\u2069 بدهید (مثلاً \u2066--table tblProjects\u2069) یا فایل را به نام جدول بنامید (\u2066projects.csv\u2069).`,
      `cannot tell which table "${basename(path)}" is. Name it with --table (e.g. --table tblProjects) or name the file after the table (projects.csv).`,
    );
  const csv = readCsvTable(decodeCsvBytes(bytes.value), table);
  if (!csv.ok) return fileProblem(path, csv.error);
  return { ok: true, value: { workbook: { tables: [csv.table] }, kind } };
}

/**
 * Loads one contract table from a file given for it (`--projects FILE`): a
 * CSV is that table; from an `.xlsx`, the table of that name (or the only
 * table), together with the workbook's `tblPlanInfo` and criteria when it has them.
 */
export async function loadTable(
  io: CliIo,
  path: string,
  table: TableName,
  option: string,
): Promise<Loaded<RawTable[]>> {
  const loaded = await loadWorkbook(io, path, { csvTable: table });
  if (!loaded.ok) return loaded;
  const { workbook, kind } = loaded.value;
  if (kind === 'csv') return { ok: true, value: workbook.tables };
  const own = workbook.tables.filter((t) => !contractNameOf(t).reference);
  const found = own.find((t) => t.name === table);
  const only = own.length === 1 ? own[0] : undefined;
  const chosen =
    found ?? (only && !findTableSpec(only.name) ? { ...only, name: table } : undefined);
  if (!chosen) {
    const names = workbook.tables.map((t) => t.name).join(', ');
    return problem(
      `«${fsi(basename(path))}» (داده شده با --${option}) جدول ${table} ندارد؛ جدول‌هایش: ${names}`,
      `"${basename(path)}" (given as --${option}) has no table ${table}; its tables: ${names}`,
    );
  }
  const extras = workbook.tables.filter(
    (t) => t !== found && (t.name === 'tblPlanInfo' || t.name === 'tblCriteria'),
  );
  return { ok: true, value: [chosen, ...extras] };
}

const YEAR_HEADER = /^\d{4}$/;

/** Jalali years named by the per-year column headers (`1405`, …) of a set of tables. */
function yearsMentioned(tables: readonly RawTable[]): number[] {
  const years = new Set<number>();
  for (const t of tables) {
    const spec = findTableSpec(contractNameOf(t).name);
    if (!spec?.yearColumns) continue;
    for (const h of t.header) {
      const key = matchKey(cellText(h));
      if (YEAR_HEADER.test(key)) years.add(Number(key));
    }
  }
  return [...years].filter((y) => y >= 1300 && y <= 1599).sort((a, b) => a - b);
}

/**
 * Puts tables from several files together as one workbook. The first
 * `tblPlanInfo` wins; when none came with the files (CSV inputs), one is made
 * from the years their per-year columns name, so that per-year columns read as the plan
 * period (at most 10 years, the reader's limit).
 */
export function assemble(tables: readonly RawTable[]): {
  workbook: RawWorkbook;
  madeInfo: boolean;
} {
  const out: RawTable[] = [];
  const seen = new Set<string>();
  for (const t of tables) {
    if (seen.has(t.name)) continue;
    seen.add(t.name);
    out.push(t);
  }
  if (seen.has('tblPlanInfo')) return { workbook: { tables: out }, madeInfo: false };
  const years = yearsMentioned(out);
  const first = years[0];
  const last = years[years.length - 1];
  if (first === undefined || last === undefined)
    return { workbook: { tables: out }, madeInfo: true };
  out.unshift({
    name: 'tblPlanInfo',
    header: ['Key', 'Value'],
    rows: [
      ['StartYear', first],
      ['Years', Math.min(10, last - first + 1)],
    ],
  });
  return { workbook: { tables: out }, madeInfo: true };
}
