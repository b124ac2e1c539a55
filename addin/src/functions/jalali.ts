/**
 * PLAN.JALALI_YEAR, PLAN.TO_JALALI and PLAN.FROM_JALALI over the core's Jalali calendar
 * (shared/src/jalali). Excel passes a date as its serial number (1900 date system); a Jalali
 * date may also be given as text such as 1405/01/15 (any digits).
 */
import type { JalaliDate } from '#core';
import {
  dateToExcelSerial,
  excelSerialToJalali,
  formatJalali,
  matchKey,
  parseJalaliDate,
  readNumber,
} from '#core';
import type { Arg } from './args';
import { isBlankArg } from './args';
import type { Out } from './result';
import { isFnError, valueError } from './result';

const notADate = (v: Arg) =>
  valueError(
    `«${String(v).slice(0, 40)}» تاریخ نیست؛ یک تاریخ اکسل یا تاریخ شمسی مانند ۱۴۰۵/۰۱/۱۵ بدهید`,
    `"${String(v).slice(0, 40)}" is not a date; give an Excel date or a Jalali date like 1405/01/15`,
  );

/** The Jalali day of an argument: an Excel serial date, or Jalali text. */
export function jalaliDayOf(v: Arg): Out<JalaliDate> {
  if (isBlankArg(v)) return valueError('تاریخ خالی است', 'the date is empty');
  if (typeof v === 'number') return excelSerialToJalali(v) ?? notADate(v);
  if (typeof v === 'string') {
    const parsed = parseJalaliDate(v);
    if (parsed.ok) return parsed.value;
    // A serial typed as text (e.g. with Persian digits) is still a date.
    const n = readNumber(v);
    if (n.ok && n.value !== null) return excelSerialToJalali(n.value) ?? notADate(v);
    return valueError(parsed.message.fa, parsed.message.en);
  }
  return notADate(v);
}

/** `PLAN.JALALI_YEAR`: the Jalali year, which is the Iranian fiscal year, of a date. */
export function jalaliYear(date: Arg): Out<number> {
  const d = jalaliDayOf(date);
  return isFnError(d) ? d : d.jy;
}

/** Formats `TO_JALALI` accepts: `numeric` 1405/01/15, `fa` ۱۴۰۵/۰۱/۱۵, `long` ۱۵ فروردین ۱۴۰۵, `long-en` 15 Farvardin 1405. */
export const JALALI_FORMATS = ['numeric', 'fa', 'long', 'long-en'] as const;

/** `PLAN.TO_JALALI`: the Jalali date as text; `numeric` (sortable, Latin digits) by default. */
export function toJalaliText(date: Arg, format?: Arg): Out<string> {
  const d = jalaliDayOf(date);
  if (isFnError(d)) return d;
  const key = isBlankArg(format) ? 'numeric' : matchKey(String(format));
  switch (key) {
    case 'numeric':
      return formatJalali(d, 'en');
    case 'fa':
      return formatJalali(d, 'fa');
    case 'long':
      return formatJalali(d, 'fa', { style: 'long' });
    case 'longen':
      return formatJalali(d, 'en', { style: 'long' });
    default:
      return valueError(
        `قالب «${String(format).slice(0, 20)}» شناخته نیست؛ یکی از: ${JALALI_FORMATS.join('، ')}`,
        `format "${String(format).slice(0, 20)}" is unknown; one of: ${JALALI_FORMATS.join(', ')}`,
      );
  }
}

/** `PLAN.FROM_JALALI`: the Excel serial date of a Jalali date given as text. */
export function fromJalaliText(text: Arg): Out<number> {
  if (isBlankArg(text)) return valueError('تاریخ خالی است', 'the date is empty');
  const parsed = parseJalaliDate(String(text));
  if (!parsed.ok) return valueError(parsed.message.fa, parsed.message.en);
  return (
    dateToExcelSerial(parsed.date) ??
    valueError(
      'این تاریخ بیرون از بازه تاریخ‌های اکسل است',
      'this date is outside the dates Excel can show',
    )
  );
}
