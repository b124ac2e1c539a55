/**
 * Figures as the pages show them, through the core's one formatter: money in billion Rials
 * (the exact amount's rounding, never a sum of rounded parts), years and counts in the
 * language's digits, Jalali dates, shares as percents.
 */
import type { Language } from '#core';
import {
  formatInUnit,
  formatJalali,
  formatNumber,
  formatPercent,
  parseJalaliDate,
  tehranDayOf,
  toPersianDigits,
} from '#core';

/** Rials per billion, the unit of every amount the pages show. */
export const BILLION = 1_000_000_000n;

/** Whole Rials (an API amount string or a bigint) in billions with one decimal. */
export function billions(rials: string | bigint, lang: Language): string {
  return formatInUnit(typeof rials === 'bigint' ? rials : BigInt(rials), BILLION, lang, 1);
}

/** A Jalali year (`1405`, `۱۴۰۵`): no thousands separator. */
export function year(y: number | string, lang: Language): string {
  return lang === 'fa' ? toPersianDigits(String(y)) : String(y);
}

/** The Latin digits of a code as the language writes them (`1404/45` → `۱۴۰۴/۴۵` in Persian). */
export function digits(text: string, lang: Language): string {
  return lang === 'fa' ? toPersianDigits(text) : text;
}

/** A count or a plain number. */
export function count(n: number, lang: Language, decimals = 0): string {
  return formatNumber(n, lang, decimals);
}

/** A share 0–1 as a percent (`۴۵٪`, `45%`), whole percents. */
export function percent(share: number, lang: Language): string {
  return formatPercent(share, lang, 0);
}

/** A Jalali date as the API gives it (`1404/12/20`) in words: `۲۰ اسفند ۱۴۰۴`. */
export function jalaliDate(text: string, lang: Language): string {
  const parsed = parseJalaliDate(text);
  return parsed.ok ? formatJalali(parsed.value, lang, { style: 'long' }) : text;
}

/** An instant (ISO text) as its Jalali day in Tehran, in words. */
export function jalaliDay(iso: string, lang: Language): string {
  const date = new Date(iso);
  if (!Number.isFinite(date.getTime())) return iso;
  return formatJalali(tehranDayOf(date), lang, { style: 'long' });
}

/** A number a KPI measures (up to two decimals, as it was written). */
export function measure(n: number, lang: Language): string {
  const decimals = Number.isInteger(n) ? 0 : Math.abs(n * 10 - Math.round(n * 10)) < 1e-9 ? 1 : 2;
  return formatNumber(n, lang, decimals);
}
