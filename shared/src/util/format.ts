/**
 * Numbers for people: the one formatter the CLI, the pane, the register's messages and the
 * documents use. Thousands separators always; in Persian, Persian digits, the Arabic
 * thousands separator `٬` (U+066C), the decimal separator `٫` (U+066B) and the minus sign
 * `−` (U+2212), which cannot be mistaken for a hyphen or a dash inside Persian text.
 */
import type { Language } from '../contract/enums';
import { toPersianDigits } from './text';

const MINUS = '\u2212';

function localise(text: string, lang: Language): string {
  if (lang === 'en') return text;
  return toPersianDigits(text.replace(/,/g, '\u066c').replace('.', '\u066b')).replace(/^-/, MINUS);
}

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * A number or bigint with thousands separators and `decimals` fixed decimals (bigints have
 * none), in the language's digits. A value that rounds to zero has no sign; a non-finite
 * number is written as JavaScript writes it.
 */
export function formatNumber(value: number | bigint, lang: Language, decimals = 0): string {
  if (typeof value === 'bigint') {
    const neg = value < 0n;
    return localise((neg ? '-' : '') + group((neg ? -value : value).toString()), lang);
  }
  if (!Number.isFinite(value)) return String(value);
  const fixed = Math.abs(value).toFixed(decimals);
  const [int = '0', frac] = fixed.split('.');
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return localise(`${sign}${group(int)}${frac ? `.${frac}` : ''}`, lang);
}

/** A share (0.153) as a percent: `15.3%`, or `۱۵٫۳٪` with the Persian percent sign. */
export function formatPercent(value: number, lang: Language, decimals = 1): string {
  const text = formatNumber(value * 100, lang, decimals);
  return lang === 'fa' ? `${text}٪` : `${text}%`;
}

/**
 * Whole Rials in a larger unit (`unit` Rials each: 10⁹ for billion Rials) with `decimals`
 * fixed decimals, rounded half away from zero on the exact amount: a total shown this way
 * is the exact total's rounding, never a sum of rounded parts.
 */
export function formatInUnit(rials: bigint, unit: bigint, lang: Language, decimals = 1): string {
  const scale = 10n ** BigInt(decimals);
  const neg = rials < 0n;
  const abs = neg ? -rials : rials;
  const scaled = (abs * scale * 2n + unit) / (unit * 2n);
  if (scaled === 0n) return formatNumber(0, lang, decimals);
  const int = scaled / scale;
  const frac = (scaled % scale).toString().padStart(decimals, '0');
  const text = `${neg ? '-' : ''}${group(int.toString())}${decimals > 0 ? `.${frac}` : ''}`;
  return localise(text, lang);
}

/**
 * A message template with its `{name}` placeholders filled: text as given, numbers and bigints
 * through `formatNumber` in the language's digits; an unknown name is left as `{name}`.
 */
export function fillPlaceholders(
  template: string,
  values: Readonly<Record<string, string | number | bigint>>,
  lang: Language,
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = values[name];
    if (v === undefined) return whole;
    return typeof v === 'string' ? v : formatNumber(v, lang);
  });
}

/**
 * What separates items written on one line: the Persian comma «، » in Persian, «, » in
 * English. Never a middle dot «·», which a Persian reader takes for the digit zero «۰».
 */
export function listSeparator(lang: Language): string {
  return lang === 'fa' ? '، ' : ', ';
}

/** What separates a title from what it is part of: a spaced em dash in both languages. */
export const TITLE_SEPARATOR = ' — ';
