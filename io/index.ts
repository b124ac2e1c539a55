/**
 * Real `.xlsx` and CSV files: reading Excel tables into raw tables, and
 * writing workbook layouts (templates, the sample plan, exports) with real
 * Excel tables. The only place that imports exceljs.
 */
export type { FileError, FileErrorCode } from './errors';
export { fileError } from './errors';
export type { ReadXlsxOptions, ReadXlsxResult } from './read';
export {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_CELLS,
  DEFAULT_MAX_ENTRIES,
  DEFAULT_MAX_SHEET_CELLS,
  DEFAULT_MAX_SHEET_ROWS,
  DEFAULT_MAX_TEXT_CHARS,
  DEFAULT_MAX_UNCOMPRESSED_BYTES,
  readXlsx,
  toRawCell,
} from './read';
export type { ReadCsvResult } from './csv';
export {
  DEFAULT_MAX_CSV_BYTES,
  decodeCsvBytes,
  detectDelimiter,
  readCsvTable,
  writeCsvTable,
} from './csv';
export { writeRawWorkbook, writeWorkbook } from './write';
export type { Article71Workbook } from './report71';
export { writeArticle71Workbook } from './report71';
export type { ScanLimits, ScanProblem, ScanResult, ZipPart, ZipSummary } from './zip';
export { looksLikeZip, scanParts, storedBytes, summariseZip } from './zip';
export type { Article71Chapter, Article71Facts, BookChapter, DocumentFacts } from './documents';
export {
  ARTICLE71_CHAPTERS,
  ARTICLE71_TITLE,
  BILLION,
  BILLION_CAPTION,
  BOOK_CHAPTERS,
  DEFAULT_SIGNATORY_TITLE,
  DOCUMENT_FONT,
  DRAFT_MARK,
  FIELD_FONT,
  article71Docx,
  billions,
  councilBillDocx,
  planBookDocx,
} from './documents';
