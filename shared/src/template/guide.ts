/**
 * The guide sheet of a new workbook: what the workbook is, the rules people
 * must keep, and where each table is. Written in the workbook's language.
 */
import type { Language } from '../contract/enums';
import { TABLES } from '../contract/tables';
import { toPersianDigits } from '../util/text';
import type { LooseCell } from './types';

/** Name of the guide sheet in each language. */
export const GUIDE_SHEET = { fa: 'راهنما', en: 'Guide' } as const;

const INTRO = {
  fa: [
    'کارپوشه برنامه راهبردی-عملیاتی پنج‌ساله شهر و شهرداری',
    'داده‌ها در جدول‌های اکسل (\u2066Table\u2069) با نام‌های ثابت نگه داشته می‌شوند. می‌توانید برگه، فرمول، قالب‌بندی و ستون تازه بیفزایید؛ نام جدول‌ها و ستون‌های قرارداد را تغییر ندهید.',
    'مبالغ به ریال و عدد صحیح‌اند (یا به واحدی که در جدول مشخصات برنامه آمده است). سال‌ها شمسی‌اند، مانند ۱۴۰۵.',
    'شناسه‌ها کوتاه و در هر جدول یکتا هستند (\u2066G1\u2069، \u2066S1.2\u2069، \u2066P-014\u2069). فهرست شناسه‌ها را با «،» یا «,» جدا کنید.',
    'برای بررسی کارپوشه: \u2066plan validate FILE.xlsx\u2069',
  ],
  en: [
    'Five-year strategic-operational plan of the city and municipality',
    'Data lives in Excel tables with fixed names. You may add sheets, formulas, formatting and columns of your own; do not rename the contract tables or columns.',
    'Money is in whole Rials (or in the unit set in the plan information table). Years are Jalali years, e.g. 1405.',
    'IDs are short codes unique within their table (G1, S1.2, P-014). Separate a list of IDs with "," or "،".',
    'To check the workbook: plan validate FILE.xlsx',
  ],
} as const;

const HEADINGS = {
  fa: ['برگه', 'جدول', 'شرح', 'ستون‌های لازم'],
  en: ['Sheet', 'Table', 'Description', 'Required columns'],
} as const;

function yearsLine(lang: Language, years: readonly number[]): string | null {
  const first = years[0];
  const last = years[years.length - 1];
  if (first === undefined || last === undefined) return null;
  return lang === 'fa'
    ? `برای هر سال برنامه یک ستون با نام همان سال هست (${toPersianDigits(String(first))} تا ${toPersianDigits(String(last))}). ستون سالِ بیرون از دوره برنامه خطاست.`
    : `Each plan year has a column named by the year (${first} to ${last}). A year column outside the plan period is an error.`;
}

/** The cells of the guide sheet, for a plan with these years. */
export function guideCells(lang: Language, years: readonly number[]): LooseCell[] {
  const cells: LooseCell[] = [];
  const line = yearsLine(lang, years);
  const intro = [...INTRO[lang].slice(0, -1), ...(line ? [line] : []), ...INTRO[lang].slice(-1)];
  intro.forEach((line, i) =>
    cells.push({ row: i + 1, column: 1, value: line, bold: i === 0, wrap: i > 0 }),
  );
  let row = intro.length + 2;
  HEADINGS[lang].forEach((h, c) => cells.push({ row, column: c + 1, value: h, bold: true }));
  for (const spec of TABLES) {
    row += 1;
    const required = spec.columns
      .filter((c) => c.required)
      .map((c) => (lang === 'fa' ? c.fa : c.en))
      .join(lang === 'fa' ? '، ' : ', ');
    cells.push({ row, column: 1, value: spec.sheet[lang] });
    cells.push({ row, column: 2, value: spec.name });
    cells.push({ row, column: 3, value: lang === 'fa' ? spec.fa : spec.en, wrap: true });
    cells.push({ row, column: 4, value: required, wrap: true });
  }
  return cells;
}

/** Column widths of the guide sheet. */
export const GUIDE_WIDTHS = [
  // Together they fit a landscape A4 page at 70 % (print.ts), so the guide prints one page wide.
  { column: 1, width: 50 },
  { column: 2, width: 20 },
  { column: 3, width: 34 },
  { column: 4, width: 46 },
] as const;
