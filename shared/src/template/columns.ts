/**
 * How each kind of contract column is shown: number format, width and the
 * data-validation rule people see when they type.
 */
import type { EnumValue, Language } from '../contract/enums';
import * as E from '../contract/enums';
import type { ColumnSpec, YearColumns } from '../contract/tables';
import { columnLetters } from '../findings';
import type { CellValidation } from './types';

/** Excel number formats used by the template. */
export const NUMBER_FORMATS = {
  /** Whole Rials with thousands separators. */
  money: '#,##0',
  /** A Jalali year, without a thousands separator (`1405`, not `1,405`). */
  year: '0',
  /** Weights and pairwise ratios, two decimals. */
  weight: '0.00',
  /** Growth rates and volatility, shown as percents (0.3 → 30.0%). */
  percent: '0.0%',
  /** Whole numbers. */
  integer: '0',
} as const;

/** Columns shown with two decimals. */
const WEIGHT_KEYS = new Set(['Weight']);
/** Columns holding a rate, shown as percents (the cell still holds 0.3). */
const PERCENT_KEYS = new Set(['GrowthRate', 'Volatility']);
/** Free-text columns that hold long text and get a wide column. */
const LONG_TEXT_KEYS = new Set(['Text', 'Description']);

/** Name of the hidden sheet that holds the validation lists. */
export const LISTS_SHEET = '_lists';

/**
 * The locale and numeral-shape prefix of a Persian number format: `[$-3000429]`, Excel's
 * `xxyyzzzz` code with numerals `03` (Extended Arabic-Indic, the Persian ۰–۹), calendar `00`
 * (the workbook's) and locale `0429` (Persian). Excel shows the cell's digits in Persian with
 * it; LibreOffice too, with the Persian separators (۱۲٬۳۴۵٫۶). The value stays a number.
 */
export const PERSIAN_NUMERALS_PREFIX = '[$-3000429]';

/**
 * A number format as the language writes it: in Persian every section (`pos;neg;zero;text`)
 * gets `PERSIAN_NUMERALS_PREFIX` (a section without its own prefix prints Latin digits, as
 * LibreOffice does for a negative amount), in English the format unchanged. A section that
 * already names a locale (`[$-…]`) is left as it is. Quoted text and escapes keep their `;`.
 */
export function localNumberFormat(format: string, lang: Language): string {
  if (lang !== 'fa' || format === '' || format.toLowerCase() === 'general') return format;
  const sections: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < format.length; i += 1) {
    const ch = format[i] ?? '';
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted) {
      current += ch + (format[i + 1] ?? '');
      i += 1;
      continue;
    }
    if (ch === ';' && !quoted) {
      sections.push(current);
      current = '';
    } else current += ch;
  }
  sections.push(current);
  return sections
    .map((s) => (s.includes('[$-') || s === '' ? s : PERSIAN_NUMERALS_PREFIX + s))
    .join(';');
}

/** Number format of a contract column, or null for General. */
export function numberFormatOf(column: ColumnSpec): string | null {
  if (PERCENT_KEYS.has(column.key)) return NUMBER_FORMATS.percent;
  if (WEIGHT_KEYS.has(column.key)) return NUMBER_FORMATS.weight;
  switch (column.type) {
    case 'money':
      return NUMBER_FORMATS.money;
    case 'year':
      return NUMBER_FORMATS.year;
    case 'int':
      return NUMBER_FORMATS.integer;
    default:
      return null;
  }
}

/** Number format of a per-year column of a table. */
export function yearColumnFormatOf(kind: YearColumns): string | null {
  return kind === 'money' ? NUMBER_FORMATS.money : null;
}

// Widths in Excel character units. Persian text renders narrower per character
// than the unit suggests, so captions get a little slack (+4).
const WIDTH = { id: 12, ref: 14, refList: 18, text: 24, title: 45, long: 60, money: 20, year: 9 };

/** Width of a column: room for its header and for typical values. */
export function widthOf(column: ColumnSpec | null, header: string, lang: Language): number {
  let base: number;
  if (!column) base = WIDTH.text;
  else if (column.key === 'Title' || column.key === 'Name') base = WIDTH.title;
  else if (LONG_TEXT_KEYS.has(column.key)) base = WIDTH.long;
  else
    switch (column.type) {
      case 'id':
        base = WIDTH.id;
        break;
      case 'ref':
        base = WIDTH.ref;
        break;
      case 'refList':
        base = WIDTH.refList;
        break;
      case 'money':
        base = WIDTH.money;
        break;
      case 'year':
        base = WIDTH.year;
        break;
      case 'enum': {
        const longest = Math.max(
          ...(column.enumValues ?? []).map((v) => (lang === 'fa' ? v.fa : v.value).length),
        );
        base = Math.min(40, longest + 4);
        break;
      }
      case 'bool':
        base = 10;
        break;
      case 'text':
        base = WIDTH.text;
        break;
      default:
        base = 12;
    }
  return Math.max(base, Math.min(50, header.length + 4));
}

/** The validation lists of one workbook: each distinct list once, on the hidden sheet. */
export class ListRegistry {
  private readonly lists: Array<{ name: string; values: readonly string[] }> = [];
  private readonly byName = new Map<string, number>();

  constructor(private readonly lang: Language) {}

  /** The list rule for an enumeration, registering the list on first use. */
  enumRule(values: readonly EnumValue[]): CellValidation {
    const name = enumNameOf(values);
    return this.rule(
      name,
      values.map((v) => (this.lang === 'fa' ? v.fa : v.value)),
    );
  }

  /** The list rule of a TRUE/FALSE column (بله/خیر in Persian; readers accept both). */
  boolRule(): CellValidation {
    return this.rule('BOOLEAN', this.lang === 'fa' ? ['بله', 'خیر'] : ['TRUE', 'FALSE']);
  }

  private rule(name: string, values: readonly string[]): CellValidation {
    let index = this.byName.get(name);
    if (index === undefined) {
      index = this.lists.length;
      this.lists.push({ name, values });
      this.byName.set(name, index);
    }
    const col = columnLetters(index + 1);
    // Row 1 holds the list's name; its values start on row 2.
    const source = `'${LISTS_SHEET}'!$${col}$2:$${col}$${values.length + 1}`;
    return { type: 'list', source, values };
  }

  /** Every registered list, in column order of the lists sheet. */
  all(): ReadonlyArray<{ name: string; values: readonly string[] }> {
    return this.lists;
  }
}

// Names of the enumerations, for the header of their column on the lists sheet.
const ENUM_NAMES = new Map<readonly EnumValue[], string>(
  (Object.entries(E) as Array<[string, unknown]>)
    .filter((entry): entry is [string, readonly EnumValue[]] => Array.isArray(entry[1]))
    .map(([name, list]) => [list, name]),
);

function enumNameOf(values: readonly EnumValue[]): string {
  return ENUM_NAMES.get(values) ?? values.map((v) => v.value).join('|');
}

/** The validation rule of a contract column, or null when it has none. */
export function validationOf(column: ColumnSpec, lists: ListRegistry): CellValidation | null {
  switch (column.type) {
    case 'enum':
      return column.enumValues ? lists.enumRule(column.enumValues) : null;
    case 'bool':
      return lists.boolRule();
    case 'year':
      // The reader's Jalali year range (read/cells.ts readYear).
      return { type: 'whole', min: 1300, max: 1599 };
    case 'number':
    case 'int':
      if (column.min === undefined && column.max === undefined) return null;
      return {
        type: column.type === 'int' ? 'whole' : 'decimal',
        ...(column.min === undefined ? {} : { min: column.min }),
        ...(column.max === undefined ? {} : { max: column.max }),
      };
    case 'money':
      return { type: 'decimal', min: 0 };
    default:
      return null;
  }
}
