/**
 * How a sheet prints: paper orientation, scale, the rows repeated on every page and the
 * footer, worked out from the sheet's column widths so that every writer (the `.xlsx` writer,
 * LibreOffice or Excel printing it) gets one answer.
 *
 * Paper is A4 (what Iranian offices print on) with margins of 0.5 inch on the sides. A sheet
 * that fits a portrait page at full size prints portrait; any other prints landscape, scaled
 * down to fit the page's width, but never below 70 %: smaller type is hard to read on paper,
 * so a wider table goes on to a second page across, its header rows repeated.
 */
import type { Language } from '../contract/enums';
import type { JalaliDate } from '../jalali';
import { formatJalali } from '../jalali';

/** The smallest print scale (percent) a sheet gets: below it, type is too small on paper. */
export const MIN_PRINT_SCALE = 70;

/** Excel's paper size code of A4 (ECMA-376, `ST_PaperSize` 9). */
export const A4_PAPER_SIZE = 9;

/** Margins of a printed sheet, in inches (Excel's unit for them). */
export const PRINT_MARGINS = {
  left: 0.5,
  right: 0.5,
  top: 0.6,
  bottom: 0.75,
  header: 0.3,
  footer: 0.3,
} as const;

// A4 is 210 × 297 mm; 72 points per inch, 25.4 mm per inch.
const A4_POINTS = { short: (210 / 25.4) * 72, long: (297 / 25.4) * 72 };
const PRINTABLE = {
  portrait: A4_POINTS.short - (PRINT_MARGINS.left + PRINT_MARGINS.right) * 72,
  landscape: A4_POINTS.long - (PRINT_MARGINS.left + PRINT_MARGINS.right) * 72,
};

/** Width Excel gives a column without one (8.43 characters, rounded up). */
const DEFAULT_COLUMN_WIDTH = 9;

/**
 * Points a column of `width` Excel character units takes on paper. Excel's own conversion for
 * its default font (Calibri 11, 7 pixels a character): `7·w + 5` pixels, at 96 pixels per inch.
 */
export function columnPoints(width: number): number {
  return ((7 * width + 5) * 72) / 96;
}

/** How one sheet prints. */
export interface SheetPrint {
  readonly orientation: 'portrait' | 'landscape';
  /** Print scale in percent (10–400, Excel's range; here 70–100). */
  readonly scale: number;
  /** Rows printed at the top of every page (the title and header rows); null for none. */
  readonly titleRows: { readonly first: number; readonly last: number } | null;
  /** The footer in Excel's header/footer codes (`&C`, `&P`, `&N`, …). */
  readonly footer: string;
}

/** What the footer of every printed page says. */
export interface PrintFooter {
  /** The city's name (from `tblPlanInfo`), or null when the workbook has none yet. */
  readonly city: string | null;
  /** The day the file was made, in Tehran (`tehranDayOf`); null for none. */
  readonly day: JalaliDate | null;
}

/** Excel's header/footer codes start with `&`; a literal one is `&&`. */
function footerText(text: string): string {
  return text.replace(/&/g, '&&');
}

/**
 * The footer of a sheet: «صفحه X از Y» in the middle, the city on one side and the Jalali date
 * on the other (Persian), or `Page X of Y` (English). Excel puts the page numbers in.
 */
export function footerOf(footer: PrintFooter, lang: Language): string {
  const page = lang === 'fa' ? 'صفحه &P از &N' : 'Page &P of &N';
  const city = footer.city === null ? '' : footerText(footer.city);
  const day = footer.day === null ? '' : formatJalali(footer.day, lang);
  // Sections are physical (left, centre, right); a Persian reader starts on the right.
  const [start, end] = lang === 'fa' ? ['&R', '&L'] : ['&L', '&R'];
  return `${city ? `${start}${city}` : ''}&C${page}${day ? `${end}${day}` : ''}`;
}

/** The print setup of a sheet whose used columns have these widths. */
export function sheetPrintOf(input: {
  /** Width of every used column, from the first (1-based) to the last; gaps get Excel's default. */
  readonly widths: ReadonlyMap<number, number>;
  /** The last row of the repeated title rows (the header row), or 0 for none. */
  readonly titleRowsTo: number;
  readonly footer: PrintFooter;
  readonly lang: Language;
}): SheetPrint {
  const last = Math.max(0, ...input.widths.keys());
  let points = 0;
  for (let c = 1; c <= last; c += 1)
    points += columnPoints(input.widths.get(c) ?? DEFAULT_COLUMN_WIDTH);
  const portrait = points <= PRINTABLE.portrait;
  const fit = Math.floor((100 * PRINTABLE.landscape) / Math.max(points, 1));
  return {
    orientation: portrait ? 'portrait' : 'landscape',
    scale: portrait ? 100 : Math.max(MIN_PRINT_SCALE, Math.min(100, fit)),
    titleRows: input.titleRowsTo > 0 ? { first: 1, last: input.titleRowsTo } : null,
    footer: footerOf(input.footer, input.lang),
  };
}
