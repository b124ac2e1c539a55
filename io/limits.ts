/**
 * The default bounds of reading an `.xlsx` file (io/read.ts), apart from the reader so that
 * configuration can name them without loading exceljs.
 */

/** 50 MB: a plan workbook with a few thousand rows is well under 5 MB. */
export const DEFAULT_MAX_BYTES = 50 * 1_048_576;
/**
 * 100 MB unpacked: a plan workbook with a few thousand rows unpacks to a few MB; exceljs
 * needs many times the unpacked size in memory, so this bounds what a parse may cost.
 */
export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 100 * 1_048_576;
/** 1,000 parts: a workbook at the 200-table limit has about 2 parts per table plus sheets. */
export const DEFAULT_MAX_ENTRIES = 1_000;
/** 100,000 sheet rows: 20 times a large plan; refused before exceljs keeps them in memory. */
export const DEFAULT_MAX_SHEET_ROWS = 100_000;
/** 1,000,000 sheet cells (≈1.5 KB each in exceljs: about 1.5 GB at most, see `scanParts`). */
export const DEFAULT_MAX_SHEET_CELLS = 1_000_000;
/**
 * 64 Mi characters of cell text (64 MB of Latin text in UTF-8): a plan workbook of a few
 * thousand rows holds a few million. Bounds what one parse and the copies after it may build.
 */
export const DEFAULT_MAX_TEXT_CHARS = 64 * 1_048_576;
/** Five million table cells: far above any plan, low enough to bound memory. */
export const DEFAULT_MAX_CELLS = 5_000_000;
