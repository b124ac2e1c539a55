/**
 * Why a file could not be read as a workbook or a table: a stable code and a
 * message in Persian and English that says what to do about it.
 */
import type { Bilingual, Language } from '#core';
import { formatNumber } from '#core';

/** Stable codes of file-level read failures. */
export type FileErrorCode =
  | 'FILE_EMPTY'
  | 'FILE_TOO_LARGE'
  | 'FILE_NOT_XLSX'
  | 'FILE_UNREADABLE'
  | 'FILE_PROTECTED'
  | 'NO_TABLES'
  | 'TOO_MANY_TABLES'
  | 'TOO_MANY_CELLS'
  | 'TEXT_TOO_LARGE'
  | 'CSV_UNREADABLE'
  | 'CSV_EMPTY';

/** A file that could not be read. */
export interface FileError {
  readonly code: FileErrorCode;
  readonly message: Bilingual;
  /** Technical detail for logs (a parser's own message); not shown to users as the reason. */
  readonly detail?: string;
}

/** Builds a file error. */
export function fileError(code: FileErrorCode, fa: string, en: string, detail?: string): FileError {
  return detail === undefined
    ? { code, message: { fa, en } }
    : { code, message: { fa, en }, detail: detail.slice(0, 500) };
}

/** A size in bytes as megabytes for a message in `lang` (`52.4 MB`, `۵۲٫۴ مگابایت`). */
export function megabytes(bytes: number, lang: Language): string {
  const mb = formatNumber(bytes / 1_048_576, lang, 1);
  return lang === 'fa' ? `${mb} مگابایت` : `${mb} MB`;
}
