/**
 * Reading a pushed `.xlsx` file within the register's bounds: at most `xlsxParses` parses at
 * once (a parse holds the workbook's cells in memory; more at once would let a burst of
 * pushes exhaust the heap), and no more cell text than `xlsxTextMaxChars`. A file over a
 * size or text bound is 413, a busy register 503 with `Retry-After`, anything else the
 * reader refuses 400 with its bilingual reason.
 */
import type { RawWorkbook } from '#core';
import type { FileError, ReadXlsxOptions, ReadXlsxResult } from '../../../io';
import { readXlsx } from '../../../io';
import type { Config } from '../config';
import { ApiError, apiError } from '../http/errors';

/** Seconds a client is asked to wait when every parse slot is taken (a parse takes ≈0.3 s). */
export const PARSE_RETRY_AFTER_SECONDS = 2;

/** File errors that mean "too much" (413), not "unreadable" (400). */
const TOO_MUCH: ReadonlySet<FileError['code']> = new Set([
  'FILE_TOO_LARGE',
  'TEXT_TOO_LARGE',
  'TOO_MANY_CELLS',
  'TOO_MANY_TABLES',
]);

/** Reads pushed workbooks; one per router, so its count of parses is the process's. */
export interface UploadReader {
  /** The raw tables of the file, or throws the API error of its refusal. */
  read(bytes: Uint8Array): Promise<RawWorkbook>;
  /** Parses under way now. */
  readonly parsing: number;
}

/** How an `.xlsx` file is read (io's `readXlsx`; tests wrap it to count parses). */
export type ReadXlsx = (bytes: Uint8Array, options: ReadXlsxOptions) => Promise<ReadXlsxResult>;

/** An upload reader with the configuration's bounds (`read` replaceable in tests). */
export function uploadReader(
  config: Pick<Config, 'xlsxParses' | 'xlsxTextMaxChars'>,
  read: ReadXlsx = readXlsx,
): UploadReader {
  let parsing = 0;
  return {
    get parsing() {
      return parsing;
    },
    async read(bytes) {
      if (parsing >= config.xlsxParses)
        throw new ApiError(
          'UNAVAILABLE',
          {
            fa: 'کارپوشه‌های دیگری هم‌اکنون خوانده می‌شوند؛ چند ثانیه بعد دوباره بفرستید.',
            en: 'Other workbooks are being read right now; send it again in a few seconds.',
          },
          { parsing, limit: config.xlsxParses },
          { 'Retry-After': String(PARSE_RETRY_AFTER_SECONDS) },
        );
      parsing += 1;
      let result: ReadXlsxResult;
      try {
        result = await read(bytes, { maxTextChars: config.xlsxTextMaxChars });
      } finally {
        parsing -= 1;
      }
      if (result.ok) return result.workbook;
      const { code, message } = result.error;
      throw apiError(
        TOO_MUCH.has(code) ? 'PAYLOAD_TOO_LARGE' : 'FILE_UNREADABLE',
        message.fa,
        message.en,
        { fileError: code },
      );
    },
  };
}
