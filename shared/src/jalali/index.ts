/**
 * Jalali (Solar Hijri) dates: the calendar of the plan's years. The Iranian
 * fiscal year is the Jalali year, 1 Farvardin to 29 Esfand (30 in a leap year).
 *
 * Conversion is done by `jalaali-js` (Borkowski's algorithm with the table of
 * 33-year-cycle breaks); every `Date` here is read and made in UTC so that the
 * result never depends on the machine's time zone. Excel serial numbers follow
 * Excel's 1900 date system, including its phantom 29 February 1900.
 */
import {
  isLeapJalaaliYear,
  isValidJalaaliDate,
  jalaaliMonthLength,
  toGregorian,
  toJalaali,
} from 'jalaali-js';
import type { Bilingual } from '../findings';
import type { Language } from '../contract/enums';
import { cleanText, toLatinDigits, toPersianDigits } from '../util/text';

/** A day of the Jalali calendar. */
export interface JalaliDate {
  /** Year, e.g. 1405. */
  readonly jy: number;
  /** Month, 1 (Farvardin) to 12 (Esfand). */
  readonly jm: number;
  /** Day of the month, 1 to 29/30/31. */
  readonly jd: number;
}

/**
 * Years that `jalaali-js` converts (its break table covers −61 … 3177); a
 * year outside them is a bug in the caller, not a user error.
 */
export const JALALI_MIN_YEAR = -61;
/** Last Jalali year that `jalaali-js` converts. */
export const JALALI_MAX_YEAR = 3177;

/** Names of the Jalali months, Farvardin first. */
export const JALALI_MONTHS: readonly Bilingual[] = [
  { fa: 'فروردین', en: 'Farvardin' },
  { fa: 'اردیبهشت', en: 'Ordibehesht' },
  { fa: 'خرداد', en: 'Khordad' },
  { fa: 'تیر', en: 'Tir' },
  { fa: 'مرداد', en: 'Mordad' },
  { fa: 'شهریور', en: 'Shahrivar' },
  { fa: 'مهر', en: 'Mehr' },
  { fa: 'آبان', en: 'Aban' },
  { fa: 'آذر', en: 'Azar' },
  { fa: 'دی', en: 'Dey' },
  { fa: 'بهمن', en: 'Bahman' },
  { fa: 'اسفند', en: 'Esfand' },
];

const MS_PER_DAY = 86_400_000;

function checkYear(jy: number): void {
  if (!Number.isInteger(jy) || jy < JALALI_MIN_YEAR || jy > JALALI_MAX_YEAR)
    throw new RangeError(`Jalali year ${jy} is outside ${JALALI_MIN_YEAR}…${JALALI_MAX_YEAR}`);
}

/**
 * The Jalali day of a date, taken in UTC (a `Date` at UTC midnight, as Excel
 * dates and `fromJalali` give, maps to its own day on every machine).
 * @throws RangeError for an invalid `Date` or one outside the supported years (a caller's bug).
 */
export function toJalali(date: Date): JalaliDate {
  const t = date.getTime();
  if (!Number.isFinite(t)) throw new RangeError('invalid Date');
  // jalaali-js throws a RangeError itself for days outside its years.
  const j = toJalaali(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  return { jy: j.jy, jm: j.jm, jd: j.jd };
}

/** True when `(jy, jm, jd)` is a real Jalali day in the supported years. */
export function isValidJalaliDate(jy: number, jm: number, jd: number): boolean {
  return (
    Number.isInteger(jy) &&
    Number.isInteger(jm) &&
    Number.isInteger(jd) &&
    jy >= JALALI_MIN_YEAR &&
    jy <= JALALI_MAX_YEAR &&
    isValidJalaaliDate(jy, jm, jd)
  );
}

/**
 * The `Date` at UTC midnight of a Jalali day.
 * @throws RangeError when the day does not exist (check user input with
 *   `parseJalaliDate` or `isValidJalaliDate` first).
 */
export function fromJalali(jy: number, jm: number, jd: number): Date {
  if (!isValidJalaliDate(jy, jm, jd))
    throw new RangeError(`${jy}/${jm}/${jd} is not a Jalali date`);
  const g = toGregorian(jy, jm, jd);
  const d = new Date(0);
  // setUTCFullYear keeps years 0–99 as written (Date.UTC would map them to 1900–1999).
  d.setUTCFullYear(g.gy, g.gm - 1, g.gd);
  return d;
}

/** The Jalali year (and so the Iranian fiscal year) of a date, in UTC. */
export function jalaliYearOf(date: Date): number {
  return toJalali(date).jy;
}

/**
 * True when the Jalali year has 366 days (Esfand has 30). `jalaali-js` places
 * leap years by Borkowski's 33-year cycles, e.g. 1399 and 1403 are leap.
 */
export function isJalaliLeapYear(jy: number): boolean {
  checkYear(jy);
  return isLeapJalaaliYear(jy);
}

/** Days in a Jalali month: 31 for months 1–6, 30 for 7–11, 29 or 30 for Esfand. */
export function jalaliMonthLength(jy: number, jm: number): number {
  checkYear(jy);
  if (!Number.isInteger(jm) || jm < 1 || jm > 12) throw new RangeError(`month ${jm}`);
  return jalaaliMonthLength(jy, jm);
}

/** First and last day of an Iranian fiscal year. */
export interface FiscalYearRange {
  /** 1 Farvardin, UTC midnight. */
  readonly start: Date;
  /** The last day, 29 or 30 Esfand, UTC midnight (inclusive). */
  readonly end: Date;
  /** 365 or 366. */
  readonly days: number;
}

/**
 * The Iranian fiscal year `jy`: 1 Farvardin to the last day of Esfand, both
 * inclusive (Public Accounting Law: the fiscal year is the solar year).
 */
export function fiscalYearRange(jy: number): FiscalYearRange {
  checkYear(jy);
  const start = fromJalali(jy, 1, 1);
  const end = fromJalali(jy, 12, jalaaliMonthLength(jy, 12));
  return { start, end, days: Math.round((end.getTime() - start.getTime()) / MS_PER_DAY) + 1 };
}

/** Why a Jalali date text was not read. */
export type JalaliParseError = 'format' | 'invalid-date';

/** The result of reading a Jalali date typed by a person. */
export type JalaliParse =
  | { readonly ok: true; readonly value: JalaliDate; readonly date: Date }
  | { readonly ok: false; readonly error: JalaliParseError; readonly message: Bilingual };

// Year first, as Persian dates are written; separators people type: / - . and the Arabic-script slash.
const DATE_PATTERN = /^(\d{4})\s*[/\-.\u2215\u066b]\s*(\d{1,2})\s*[/\-.\u2215\u066b]\s*(\d{1,2})$/;

const MAX_DATE_TEXT = 64;

// Long inputs are cut in messages so a hostile cell cannot flood a report.
function shownText(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * Reads a Jalali date written year first: `1405/01/15`, `۱۴۰۵/۰۱/۱۵`,
 * `1405-1-15`, `1405.1.15` (Persian or Arabic-Indic digits, bidi marks and
 * spaces tolerated). A wrong shape or a day that does not exist (30 Esfand of
 * a common year) is a value, never an exception.
 */
export function parseJalaliDate(text: string): JalaliParse {
  const raw = typeof text === 'string' ? text : String(text);
  // A date is short; longer text is not one (and is not scanned further).
  const m = raw.length > MAX_DATE_TEXT ? null : DATE_PATTERN.exec(toLatinDigits(cleanText(raw)));
  if (!m)
    return {
      ok: false,
      error: 'format',
      message: {
        fa: `«${shownText(raw)}» تاریخ شمسی به شکل ۱۴۰۵/۰۱/۱۵ نیست`,
        en: `"${shownText(raw)}" is not a Jalali date like 1405/01/15`,
      },
    };
  const jy = Number(m[1]);
  const jm = Number(m[2]);
  const jd = Number(m[3]);
  if (!isValidJalaliDate(jy, jm, jd))
    return {
      ok: false,
      error: 'invalid-date',
      message: {
        fa: `روز ${toPersianDigits(`${jy}/${jm}/${jd}`)} در تقویم شمسی وجود ندارد`,
        en: `${jy}/${jm}/${jd} is not a day of the Jalali calendar`,
      },
    };
  return { ok: true, value: { jy, jm, jd }, date: fromJalali(jy, jm, jd) };
}

/** How `formatJalali` writes a date. */
export interface FormatJalaliOptions {
  /** `numeric`: 1405/01/15 (default); `long`: 15 Farvardin 1405. */
  readonly style?: 'numeric' | 'long';
}

/**
 * Writes a date (or a Jalali day) as `1405/01/15`, with Persian digits
 * (`۱۴۰۵/۰۱/۱۵`) when `lang` is `fa`; `style: 'long'` gives `۱۵ فروردین ۱۴۰۵`.
 */
export function formatJalali(
  date: Date | JalaliDate,
  lang: Language = 'fa',
  options: FormatJalaliOptions = {},
): string {
  const j = date instanceof Date ? toJalali(date) : date;
  let text: string;
  if (options.style === 'long') {
    const month = JALALI_MONTHS[j.jm - 1];
    text = `${j.jd} ${month ? month[lang] : j.jm} ${j.jy}`;
  } else {
    text = `${j.jy}/${String(j.jm).padStart(2, '0')}/${String(j.jd).padStart(2, '0')}`;
  }
  return lang === 'fa' ? toPersianDigits(text) : text;
}

// Excel's 1900 date system: serial 1 is 1900-01-01 and serial 60 is the
// non-existent 1900-02-29 (kept for Lotus 1-2-3 compatibility, see Microsoft's
// "Excel incorrectly assumes that the year 1900 is a leap year"), so from
// serial 61 (1900-03-01) on, serial n is n days after 1899-12-30.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const EXCEL_PHANTOM_LEAP_DAY = 60;
/** Largest serial Excel accepts: 9999-12-31. */
export const EXCEL_MAX_SERIAL = 2_958_465;

/**
 * The `Date` (UTC) of an Excel serial date in the 1900 date system; a
 * fraction is the time of day. Null for what Excel itself cannot show as a
 * date: below 1, the phantom 29 Feb 1900 (serial 60, from Excel's 1900 leap-year
 * bug), past 9999-12-31, or not a finite number.
 */
export function excelSerialToDate(serial: number): Date | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= EXCEL_MAX_SERIAL + 1) return null;
  const day = Math.floor(serial);
  if (day === EXCEL_PHANTOM_LEAP_DAY) return null;
  // Before the phantom day serials count from 1899-12-31, one day later.
  const shift = day < EXCEL_PHANTOM_LEAP_DAY ? 1 : 0;
  return new Date(EXCEL_EPOCH_MS + (serial + shift) * MS_PER_DAY);
}

/**
 * The Excel serial (1900 date system) of a date taken in UTC; the time of day
 * becomes the fraction. Null outside 1900-01-01 … 9999-12-31 or for an invalid `Date`.
 */
export function dateToExcelSerial(date: Date): number | null {
  const t = date.getTime();
  if (!Number.isFinite(t)) return null;
  let serial = (t - EXCEL_EPOCH_MS) / MS_PER_DAY;
  // 1900-01-01 … 1900-02-28 are serials 1 … 59 (counted from 1899-12-31).
  if (serial < EXCEL_PHANTOM_LEAP_DAY + 1) serial -= 1;
  if (serial < 1 || serial >= EXCEL_MAX_SERIAL + 1) return null;
  return serial;
}

/**
 * The Jalali day of an Excel serial date (what `PLAN.TO_JALALI` shows), or
 * null when the serial is not a date `excelSerialToDate` accepts or falls
 * outside the Jalali years supported.
 */
export function excelSerialToJalali(serial: number): JalaliDate | null {
  const date = excelSerialToDate(serial);
  if (!date) return null;
  // Jalali 3177 ends in March 3799, so 3798 is the last Gregorian year converted in full.
  if (date.getUTCFullYear() > JALALI_MAX_YEAR + 621) return null;
  return toJalali(date);
}

/** The time zone of Iran's calendar days (IRST, UTC+03:30; summer time until 1401). */
export const TEHRAN_TIME_ZONE = 'Asia/Tehran';

let tehranParts: Intl.DateTimeFormat | undefined;

/**
 * The Jalali day an instant falls on in Tehran: what a calendar on an office wall in Iran
 * shows at that moment (an instant at 22:00 UTC is already the next day there). The offset
 * comes from the time-zone database through `Intl` (the summer time Iran kept until 1401
 * included), not from the machine's own zone.
 * @throws RangeError for an invalid `Date` (a caller's bug).
 */
export function tehranDayOf(instant: Date): JalaliDate {
  if (!Number.isFinite(instant.getTime())) throw new RangeError('invalid Date');
  tehranParts ??= new Intl.DateTimeFormat('en-US', {
    timeZone: TEHRAN_TIME_ZONE,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  });
  const parts = tehranParts.formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const j = toJalaali(part('year'), part('month'), part('day'));
  return { jy: j.jy, jm: j.jm, jd: j.jd };
}

let tehranClock: Intl.DateTimeFormat | undefined;

/**
 * An instant as people in Iran read it: the Jalali day in Tehran and the hour and minute on
 * a Tehran clock, `1405/09/11 14:30` (Persian digits in Persian). For the times of versions,
 * workflow steps and comments, which the register keeps in UTC.
 * @throws RangeError for an invalid `Date`.
 */
export function formatTehranDateTime(instant: Date, lang: Language = 'fa'): string {
  const day = formatJalali(tehranDayOf(instant), lang);
  tehranClock ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: TEHRAN_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const time = tehranClock.format(instant);
  return `${day} ${lang === 'fa' ? toPersianDigits(time) : time}`;
}
