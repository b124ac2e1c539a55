/**
 * How a sheet prints: paper orientation, scale, the rows repeated on every page and the
 * footer, worked out from the sheet's column widths so that every writer (the `.xlsx` writer,
 * LibreOffice or Excel printing it) gets one answer.
 *
 * Paper is A4 (what Iranian offices print on) with margins of 0.5 inch on the sides. A sheet
 * prints at full size when a page's width holds it (portrait first), else landscape fitted
 * to the page's width, but never below 70 %: smaller type is hard to read on paper, so a
 * table too wide even then prints at 70 % and goes on to a second page across, its header
 * rows repeated on every page.
 */
import type { Language } from '../contract/enums';
import type { JalaliDate } from '../jalali';
import { PRACTICE_BANNER } from '../glossary';
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
 * Points a column of `width` Excel character units takes on paper, taken wide enough for the
 * program that prints. Excel with its default font (Calibri 11, 7 pixels a character) gives
 * `7·w + 5` pixels at 96 per inch, about 5.3 points a character; LibreOffice on a machine
 * without Calibri (or its metric twin Carlito) measures the unit with DejaVu Sans, about 7
 * points a character (measured on the sample city's export converted to PDF). The wider
 * measure is taken, so that a sheet meant to fit a page's width fits it in both.
 */
export function columnPoints(width: number): number {
  return 7 * width + 5;
}

type Orientation = 'portrait' | 'landscape';

const PRINTABLE_HEIGHT = {
  portrait: A4_POINTS.long - (PRINT_MARGINS.top + PRINT_MARGINS.bottom) * 72,
  landscape: A4_POINTS.short - (PRINT_MARGINS.top + PRINT_MARGINS.bottom) * 72,
};

/** Height of a row of 11-point text (Excel's default row: 15 points). */
const ROW_POINTS = 15;

/** How one sheet prints. */
export interface SheetPrint {
  readonly orientation: Orientation;
  /**
   * Print scale in percent (10–400, Excel's range; here 70–100). With `fitToWidth` the
   * printing program sets the scale itself; this is then the lower bound it will reach.
   */
  readonly scale: number;
  /** Fit the columns to one page's width (rows run on over as many pages as they need). */
  readonly fitToWidth: boolean;
  /** Rows printed at the top of every page (the title and header rows); null for none. */
  readonly titleRows: { readonly first: number; readonly last: number } | null;
  /** Columns printed at the side of every page (1-based); null for none. */
  readonly titleColumns: { readonly first: number; readonly last: number } | null;
  /** The footer in Excel's header/footer codes (`&C`, `&P`, `&N`, …). */
  readonly footer: string;
  /** The header in the same codes; empty for none (a practice municipality's mark). */
  readonly header: string;
}

/** What the footer of every printed page says. */
export interface PrintFooter {
  /** The city's name (from `tblPlanInfo`), or null when the workbook has none yet. */
  readonly city: string | null;
  /** The day the file was made, in Tehran (`tehranDayOf`); null for none. */
  readonly day: JalaliDate | null;
  /**
   * A file of a practice municipality (issue 20): every printed page's header says so
   * (`PRACTICE_BANNER`). Absent: a real municipality's file.
   */
  readonly practice?: boolean;
}

/** Excel's header/footer codes start with `&`; a literal one is `&&`. */
function footerText(text: string): string {
  return text.replace(/&/g, '&&');
}

/**
 * The header of a sheet: empty, or for a practice municipality its mark in the middle, bold
 * («تمرینی — این برنامه واقعی نیست»), so that no printed page of it passes for the real plan.
 */
export function printHeaderOf(footer: PrintFooter, lang: Language): string {
  return footer.practice === true ? `&C&B${footerText(PRACTICE_BANNER[lang])}&B` : '';
}

/**
 * The footer of a sheet: «صفحه X از Y» in the middle, the city on one side and the Jalali date
 * on the other (Persian), or `Page X of Y` (English). Excel puts the page numbers in.
 */
export function footerOf(footer: PrintFooter, lang: Language): string {
  // A left-to-right mark before the page field: without it LibreOffice lays the field out
  // against the Persian word before it, with the space moved away («صفحه2از 40»), whatever
  // else surrounds it (tried: right-to-left marks, NBSP, embeddings, isolates, punctuation).
  // With it the line reads «صفحه ۲ از ۴۰» in reading order; the mark is invisible in Excel.
  // Checked on the printed council plan in tests/service/council-pdf.test.ts.
  const page = lang === 'fa' ? 'صفحه \u200e&P از &N' : 'Page &P of &N';
  const city = footer.city === null ? '' : footerText(footer.city);
  const day = footer.day === null ? '' : formatJalali(footer.day, lang);
  // Sections are physical (left, centre, right); a Persian reader starts on the right.
  const [start, end] = lang === 'fa' ? ['&R', '&L'] : ['&L', '&R'];
  return `${city ? `${start}${city}` : ''}&C${page}${day ? `${end}${day}` : ''}`;
}

/**
 * The print setup of a sheet whose used columns have these widths and that uses this many
 * rows: of the orientations and scales (100 % down to 70 %) at which a page's width holds the
 * sheet, the one that prints it on the fewest pages down, the largest such scale, portrait
 * on a tie; landscape at 70 % when none does.
 */
export function sheetPrintOf(input: {
  /** Width of every used column, from the first (1-based) to the last; gaps get Excel's default. */
  readonly widths: ReadonlyMap<number, number>;
  /** The last used row. */
  readonly rows: number;
  /** The last row of the repeated title rows (the header row), or 0 for none. */
  readonly titleRowsTo: number;
  readonly footer: PrintFooter;
  readonly lang: Language;
}): SheetPrint {
  const last = Math.max(0, ...input.widths.keys());
  let points = 0;
  for (let c = 1; c <= last; c += 1)
    points += columnPoints(input.widths.get(c) ?? DEFAULT_COLUMN_WIDTH);
  const fit = (orientation: Orientation) =>
    Math.floor((100 * PRINTABLE[orientation]) / Math.max(points, 1));
  const body = Math.max(0, input.rows - input.titleRowsTo) * ROW_POINTS;
  const repeated = input.titleRowsTo * ROW_POINTS;
  const pagesDown = (orientation: Orientation, scale: number) =>
    Math.max(
      1,
      Math.ceil(body / Math.max(1, (PRINTABLE_HEIGHT[orientation] * 100) / scale - repeated)),
    );
  // Of the scales at which a page's width holds the sheet (by a wide measure of its columns),
  // the one that prints it on the fewest pages down; the largest such; portrait on a tie.
  let best: { orientation: Orientation; scale: number; pages: number } | null = null;
  for (const orientation of ['portrait', 'landscape'] as const)
    for (let scale = Math.min(100, fit(orientation)); scale >= MIN_PRINT_SCALE; scale -= 1) {
      const pages = pagesDown(orientation, scale);
      if (best === null || pages < best.pages || (pages === best.pages && scale > best.scale))
        best = { orientation, scale, pages };
    }
  // Too wide even at 70 %: landscape at 70 %, the columns going on across pages.
  const orientation = best?.orientation ?? 'landscape';
  const scale = best?.scale ?? MIN_PRINT_SCALE;
  // Bound by the width: fitted, so that the printing program sets the scale from its own
  // fonts (never smaller than this); bound by the rows or full size: this scale.
  const fitToWidth = best !== null && scale < 100 && scale === fit(orientation);
  return {
    orientation,
    scale,
    fitToWidth,
    titleRows: input.titleRowsTo > 0 ? { first: 1, last: input.titleRowsTo } : null,
    // A sheet that goes on across pages repeats its first column (a table's ID) on each, so
    // that no page holds numbers without the row they belong to.
    titleColumns: best === null ? { first: 1, last: 1 } : null,
    footer: footerOf(input.footer, input.lang),
    header: printHeaderOf(input.footer, input.lang),
  };
}
