/**
 * The plan workbook template: the layout of a new plan workbook (sheets,
 * Excel tables, captions, formats, validation lists, widths, direction, a
 * guide), as plain data that the exceljs writer and the add-in both draw.
 */
import type { TemplateOptions } from './workbook';
import { DEFAULT_START_YEAR, DEFAULT_YEARS, planYears, templateWorkbook } from './workbook';
import { layoutWorkbook } from './layout';
import type { WorkbookLayout } from './types';

export * from './types';
export {
  LISTS_SHEET,
  NUMBER_FORMATS,
  PERSIAN_NUMERALS_PREFIX,
  localNumberFormat,
  numberFormatOf,
  validationOf,
  widthOf,
  ListRegistry,
} from './columns';
export { GUIDE_SHEET, guideCells } from './guide';
export {
  GROWTH_ROWS,
  REFERENCE_SHEET_PREFIX,
  TABLE_HEADER_ROW,
  cityOf,
  defaultSheetOf,
  headerTexts,
  layoutWorkbook,
  placeTables,
  safeSheetName,
} from './layout';
export type { LayoutOptions, TablePresentation } from './layout';
export {
  MAX_SHEET_NAME_LENGTH,
  RESERVED_SHEET_NAMES,
  legalSheetName,
  sheetNameKey,
  uniqueSheetNames,
} from './sheetNames';
export type { PrintFooter, SheetPrint } from './print';
export {
  A4_PAPER_SIZE,
  MIN_PRINT_SCALE,
  PRINT_MARGINS,
  columnPoints,
  footerOf,
  printHeaderOf,
  sheetPrintOf,
} from './print';
export {
  DEFAULT_START_YEAR,
  DEFAULT_YEARS,
  YEAR_COLUMNS_AFTER,
  captionOf,
  columnKeysOf,
  enumText,
  headerOf,
  planYears,
  templateWorkbook,
} from './workbook';
export type { TemplateOptions } from './workbook';

/** The layout of a new, empty plan workbook in a language (see `templateWorkbook`). */
export function planTemplate(options: TemplateOptions & { printedOn?: Date }): WorkbookLayout {
  const years = planYears(options.startYear ?? DEFAULT_START_YEAR, options.years ?? DEFAULT_YEARS);
  return layoutWorkbook(templateWorkbook(options), {
    lang: options.lang,
    years,
    ...(options.printedOn && { printedOn: options.printedOn }),
  });
}
