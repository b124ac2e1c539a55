/**
 * Reading one cell by its column's type: Persian and Arabic-Indic digits,
 * thousands separators, enum values or their Persian captions, booleans in
 * both languages, money in the workbook's unit. Problems come back as values
 * with a bilingual message, never as exceptions.
 */
import type { ColumnSpec } from '../contract/tables';
import type { EnumValue } from '../contract/enums';
import type { Bilingual } from '../findings';
import type { UnitScale } from '../money';
import { parseRials } from '../money';
import { cleanText, fsi, matchKey, normaliseNumberText, splitIdList } from '../util/text';
import { invisibleInId } from '../util/ids';
import type { RawCell } from './raw';
import { LIMITS } from './raw';

/** A cell that could not be read. */
export interface CellProblem {
  code: string;
  message: Bilingual;
}

export type CellResult<T> = { ok: true; value: T } | { ok: false; problem: CellProblem };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });

/** ISO date of a Date cell; empty for an invalid date (a broken date cell must not throw). */
function isoDate(value: Date): string {
  return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
}

// Long values are cut in messages so that a hostile cell cannot flood a report.
function shown(value: unknown): string {
  const text = value instanceof Date ? isoDate(value) : String(value);
  return fsi(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

function problem(code: string, fa: string, en: string): CellResult<never> {
  return { ok: false, problem: { code, message: { fa, en } } };
}

/** True for a cell with nothing in it (null, empty or blank text). */
export function isBlank(value: RawCell | undefined): boolean {
  return (
    value === null || value === undefined || (typeof value === 'string' && cleanText(value) === '')
  );
}

/** A cell as text (numbers as typed, dates as ISO dates). */
export function cellText(value: RawCell | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return cleanText(String(value));
}

/** Reads a number cell (any digit script); null when blank. */
export function readNumber(value: RawCell | undefined): CellResult<number | null> {
  if (isBlank(value)) return ok(null);
  if (typeof value === 'number') {
    return Number.isFinite(value)
      ? ok(value)
      : problem('CELL_NOT_NUMBER', 'عدد معتبر نیست', 'not a finite number');
  }
  if (typeof value === 'string') {
    let text = normaliseNumberText(value);
    let percent = false;
    if (/[%\u066a]$/.test(text)) {
      percent = true;
      text = text.slice(0, -1);
    }
    if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) {
      const n = Number(text);
      if (Number.isFinite(n)) return ok(percent ? n / 100 : n);
    }
  }
  return problem(
    'CELL_NOT_NUMBER',
    `«${shown(value)}» عدد نیست`,
    `"${shown(value)}" is not a number`,
  );
}

/** Reads a Jalali year (1300–1599); null when blank. */
export function readYear(value: RawCell | undefined): CellResult<number | null> {
  const n = readNumber(value);
  if (!n.ok || n.value === null) {
    return n.ok
      ? n
      : problem(
          'CELL_NOT_YEAR',
          `«${shown(value)}» سال شمسی نیست`,
          `"${shown(value)}" is not a Jalali year`,
        );
  }
  if (!Number.isInteger(n.value) || n.value < 1300 || n.value > 1599) {
    return problem(
      'CELL_NOT_YEAR',
      `«${shown(value)}» سال شمسی معتبری نیست (مثلاً ۱۴۰۵)`,
      `"${shown(value)}" is not a valid Jalali year (e.g. 1405)`,
    );
  }
  return ok(n.value);
}

const TRUE_WORDS = new Set([
  'true',
  '1',
  'yes',
  'y',
  'بله',
  'بلی',
  'آری',
  'دارد',
  'درست',
  'صحیح',
  '✓',
]);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', 'خیر', 'نه', 'ندارد', 'نادرست', 'غلط']);

/** Reads TRUE/FALSE in either language; blank is false. */
export function readBool(value: RawCell | undefined): CellResult<boolean> {
  if (isBlank(value)) return ok(false);
  if (typeof value === 'boolean') return ok(value);
  if (typeof value === 'number' && (value === 0 || value === 1)) return ok(value === 1);
  const key = matchKey(String(value));
  if (TRUE_WORDS.has(key)) return ok(true);
  if (FALSE_WORDS.has(key)) return ok(false);
  return problem(
    'CELL_NOT_BOOL',
    `«${shown(value)}» باید «بله» یا «خیر» باشد`,
    `"${shown(value)}" must be TRUE or FALSE`,
  );
}

const enumIndexCache = new WeakMap<readonly EnumValue[], Map<string, string>>();

function enumIndex(values: readonly EnumValue[]): Map<string, string> {
  let index = enumIndexCache.get(values);
  if (!index) {
    index = new Map();
    for (const v of values) {
      index.set(matchKey(v.value), v.value);
      index.set(matchKey(v.fa), v.value);
      index.set(matchKey(v.en), v.value);
    }
    enumIndexCache.set(values, index);
  }
  return index;
}

/** How many cell texts of one enumeration are remembered (a plan's few spellings of each value). */
const ENUM_SEEN_LIMIT = 256;
/** Longer cell texts are not remembered (no caption is this long). */
const ENUM_SEEN_LENGTH = 80;
const enumSeenCache = new WeakMap<readonly EnumValue[], Map<string, string | undefined>>();

/**
 * The stable value a cell names (undefined when none): the same cell texts come on every row
 * (`proposed`, `پیشنهادی`), so the first few hundred are remembered per enumeration (at most 256 of at most 80 characters each).
 */
function enumValueOf(value: RawCell | undefined, values: readonly EnumValue[]): string | undefined {
  let seen = enumSeenCache.get(values);
  if (seen === undefined) enumSeenCache.set(values, (seen = new Map()));
  if (typeof value !== 'string' || value.length > ENUM_SEEN_LENGTH)
    return enumIndex(values).get(matchKey(cellText(value)));
  if (seen.has(value)) return seen.get(value);
  const found = enumIndex(values).get(matchKey(cellText(value)));
  if (seen.size < ENUM_SEEN_LIMIT) seen.set(value, found);
  return found;
}

/** Reads an enumerated value given as its English value or Persian/English caption; null when blank. */
export function readEnum(
  value: RawCell | undefined,
  values: readonly EnumValue[],
): CellResult<string | null> {
  if (isBlank(value)) return ok(null);
  const found = enumValueOf(value, values);
  if (found !== undefined) return ok(found);
  const listEn = values.map((v) => v.value).join(', ');
  const listFa = values.map((v) => v.fa).join('، ');
  return problem(
    'CELL_BAD_ENUM',
    `«${shown(value)}» مجاز نیست؛ یکی از این‌ها: ${listFa}`,
    `"${shown(value)}" is not allowed; one of: ${listEn}`,
  );
}

/** Reads money in the workbook's unit as whole Rials; blank is 0. */
export function readMoney(value: RawCell | undefined, scale: UnitScale): CellResult<bigint> {
  if (isBlank(value)) return ok(0n);
  const r = parseRials(value instanceof Date ? NaN : value, scale);
  if (r.ok) return ok(r.value);
  if (r.error === 'fraction-of-rial')
    return problem(
      'MONEY_FRACTION',
      `«${shown(value)}» کسری از ریال دارد؛ مبالغ به ریال صحیح‌اند`,
      `"${shown(value)}" has a fraction of a Rial; amounts are whole Rials`,
    );
  if (r.error === 'too-large')
    return problem(
      'MONEY_TOO_LARGE',
      `«${shown(value)}» بیش از حد بزرگ است`,
      `"${shown(value)}" is too large`,
    );
  return problem(
    'CELL_NOT_NUMBER',
    `«${shown(value)}» مبلغ نیست`,
    `"${shown(value)}" is not an amount`,
  );
}

/**
 * True for text above Excel's limit of a cell (32,767 characters, `LIMITS.cellText`). Such a
 * cell is an error wherever it is in a table, known or not: Excel itself cannot hold it.
 */
export function isTooLong(value: RawCell | undefined): boolean {
  return typeof value === 'string' && value.length > LIMITS.cellText;
}

/** The message of `CELL_TOO_LONG`. */
export const CELL_TOO_LONG_MESSAGE = {
  fa: 'متن خانه بیش از ۳۲۷۶۷ نویسه است (سقف یک خانه در اکسل)',
  en: "cell text is longer than 32,767 characters (Excel's limit of a cell)",
} as const;

/** The value of a cell read by its column spec, or a problem. */
export function readCell(
  column: ColumnSpec,
  value: RawCell | undefined,
  scale: UnitScale,
): CellResult<unknown> {
  if (isTooLong(value))
    return problem('CELL_TOO_LONG', CELL_TOO_LONG_MESSAGE.fa, CELL_TOO_LONG_MESSAGE.en);
  if (column.nonEmpty && isBlank(value)) {
    return problem(
      'VALUE_REQUIRED',
      `«${column.fa}» باید پر شود`,
      `${column.en} must be filled in`,
    );
  }
  if (
    (column.type === 'id' || column.type === 'ref' || column.type === 'refList') &&
    typeof value === 'string'
  ) {
    // Before cleanText, which drops bidi marks: the cell as Excel shows it.
    const invisible = invisibleInId(value);
    if (invisible.length > 0)
      return problem(
        'ID_INVISIBLE',
        `«${column.fa}» نویسه نامرئی یا جهت‌نما دارد (${invisible.join('، ')}) و شناسه‌ای دیگر نشان داده می‌شود؛ آن را پاک کنید و شناسه را دوباره بنویسید`,
        `${column.en} holds an invisible or bidi control character (${invisible.join(', ')}) and shows as another ID; delete it and type the ID again`,
      );
  }
  switch (column.type) {
    case 'id':
    case 'text':
    case 'ref':
      return ok(cellText(value));
    case 'refList':
      return ok(splitIdList(cellText(value)));
    case 'enum':
      return readEnum(value, column.enumValues ?? []);
    case 'year':
      return readYear(value);
    case 'money':
      return readMoney(value, scale);
    case 'bool':
      return readBool(value);
    case 'int': {
      const n = readNumber(value);
      if (n.ok && n.value !== null && !Number.isInteger(n.value))
        return problem(
          'CELL_NOT_INTEGER',
          `«${shown(value)}» عدد صحیح نیست`,
          `"${shown(value)}" is not a whole number`,
        );
      return checkRange(column, n, value);
    }
    case 'number':
      return checkRange(column, readNumber(value), value);
  }
}

function checkRange(
  column: ColumnSpec,
  n: CellResult<number | null>,
  raw: RawCell | undefined,
): CellResult<unknown> {
  if (!n.ok || n.value === null) return n;
  const { min, max } = column;
  if ((min !== undefined && n.value < min) || (max !== undefined && n.value > max)) {
    const range = `${min ?? '−∞'}–${max ?? '∞'}`;
    return problem(
      'VALUE_OUT_OF_RANGE',
      `«${shown(raw)}» خارج از بازه مجاز ${range} است`,
      `"${shown(raw)}" is outside the allowed range ${range}`,
    );
  }
  return n;
}
