import fc from 'fast-check';
import {
  formatTehranDateTime,
  EXCEL_MAX_SERIAL,
  dateToExcelSerial,
  excelSerialToDate,
  excelSerialToJalali,
  fiscalYearRange,
  formatJalali,
  fromJalali,
  isJalaliLeapYear,
  jalaliYearOf,
  parseJalaliDate,
  toJalali,
} from '#core';

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const iso = (d: Date | null) => d?.toISOString().slice(0, 10);

// ICU's Persian calendar (Node's Intl), an independent implementation of the
// arithmetic Jalali calendar: a second opinion for every conversion below.
const icu = new Intl.DateTimeFormat('en-u-ca-persian', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});
function icuJalali(date: Date) {
  const parts = Object.fromEntries(icu.formatToParts(date).map((p) => [p.type, p.value]));
  return { jy: Number(parts.year), jm: Number(parts.month), jd: Number(parts.day) };
}

describe('Jalali dates and the Iranian fiscal year', () => {
  it('knows Nowruz: 1 Farvardin 1403 = 20 March 2024, 1404 = 21 March 2025, 1405 = 21 March 2026', () => {
    // Source: the official Iranian calendar (Nowruz 1403 fell on Wednesday 20 March 2024,
    // Nowruz 1404 on Friday 21 March 2025); ICU agrees (checked below).
    expect(iso(fromJalali(1403, 1, 1))).toBe('2024-03-20');
    expect(iso(fromJalali(1404, 1, 1))).toBe('2025-03-21');
    expect(iso(fromJalali(1405, 1, 1))).toBe('2026-03-21');
    expect(toJalali(utc(2024, 3, 20))).toEqual({ jy: 1403, jm: 1, jd: 1 });
    expect(toJalali(utc(2024, 3, 19))).toEqual({ jy: 1402, jm: 12, jd: 29 });
    for (const d of [utc(2024, 3, 20), utc(2025, 3, 21), utc(2026, 3, 21)])
      expect(icuJalali(d)).toEqual({ ...toJalali(d) });
  });

  it('knows leap years: 1403 has 366 days, 1404 has 365', () => {
    // Hand-worked: Nowruz 1403 (2024-03-20) to Nowruz 1404 (2025-03-21) is 366 days, since
    // 2024-03-20 → 2025-03-20 is 365 (29 Feb 2024 falls before) and one more day to the 21st.
    expect(isJalaliLeapYear(1403)).toBe(true);
    expect(isJalaliLeapYear(1404)).toBe(false);
    // Leap years of the 1400s by the 33-year cycles jalaali-js uses (Borkowski's breaks);
    // ICU's arithmetic calendar gives the same (each has a 30 Esfand).
    const leaps = [1399, 1403, 1408, 1412, 1416, 1420];
    for (let y = 1399; y <= 1420; y++) {
      expect(isJalaliLeapYear(y)).toBe(leaps.includes(y));
      const lastDay = fiscalYearRange(y).end;
      expect(icuJalali(lastDay)).toEqual({ jy: y, jm: 12, jd: leaps.includes(y) ? 30 : 29 });
    }
  });

  it('gives the fiscal year range, 1 Farvardin to the last of Esfand', () => {
    const fy1403 = fiscalYearRange(1403);
    expect([iso(fy1403.start), iso(fy1403.end), fy1403.days]).toEqual([
      '2024-03-20',
      '2025-03-20',
      366,
    ]);
    const fy1404 = fiscalYearRange(1404);
    expect([iso(fy1404.start), iso(fy1404.end), fy1404.days]).toEqual([
      '2025-03-21',
      '2026-03-20',
      365,
    ]);
    expect(jalaliYearOf(utc(2026, 3, 20))).toBe(1404);
    expect(jalaliYearOf(utc(2026, 3, 21))).toBe(1405);
  });

  it('does not depend on the time of day or the machine time zone', () => {
    // 23:30 UTC on 20 March 2024 is still 1 Farvardin 1403 in UTC terms.
    expect(toJalali(new Date(Date.UTC(2024, 2, 20, 23, 30)))).toEqual({ jy: 1403, jm: 1, jd: 1 });
    expect(() => toJalali(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => fromJalali(1404, 12, 30)).toThrow(RangeError);
  });

  it('round-trips every day of 1900–2100 and agrees with ICU', () => {
    const day = fc.integer({
      min: Date.UTC(1900, 0, 1) / 864e5,
      max: Date.UTC(2100, 11, 31) / 864e5,
    });
    fc.assert(
      fc.property(day, (n) => {
        const d = new Date(n * 864e5);
        const j = toJalali(d);
        expect(fromJalali(j.jy, j.jm, j.jd).getTime()).toBe(d.getTime());
        expect(icuJalali(d)).toEqual({ ...j });
      }),
      { numRuns: 500 },
    );
  });
});

describe('reading and writing Jalali dates', () => {
  it('reads the forms people type', () => {
    for (const text of [
      '1405/01/15',
      '۱۴۰۵/۰۱/۱۵',
      '1405-1-15',
      '١٤٠٥/١/١٥',
      ' 1405 / 1 / 15 ',
      '\u200f1405.01.15',
    ])
      expect(parseJalaliDate(text)).toMatchObject({ ok: true, value: { jy: 1405, jm: 1, jd: 15 } });
    // 1 Farvardin 1405 is 2026-03-21 (above), so the 15th is 14 days later: 4 April 2026.
    const r = parseJalaliDate('1405/01/15');
    expect(r.ok && iso(r.date)).toBe('2026-04-04');
  });

  it('says why a text is not a date, in both languages, without throwing', () => {
    const leap = parseJalaliDate('1404/12/30'); // 1404 is not leap: Esfand has 29 days
    expect(leap).toMatchObject({ ok: false, error: 'invalid-date' });
    expect(parseJalaliDate('1403/12/30').ok).toBe(true);
    for (const text of ['15/01/1405', '', 'abc', '1405/01', '1405/13/01x', '9'.repeat(200)]) {
      const r = parseJalaliDate(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message.fa.length > 0 && r.message.en.length > 0).toBe(true);
    }
    expect(parseJalaliDate('1405/13/01')).toMatchObject({ ok: false, error: 'invalid-date' });
  });

  it('writes dates with Persian digits for Persian readers', () => {
    const d = utc(2026, 4, 4);
    expect(formatJalali(d, 'en')).toBe('1405/01/15');
    expect(formatJalali(d, 'fa')).toBe('۱۴۰۵/۰۱/۱۵');
    expect(formatJalali(d, 'en', { style: 'long' })).toBe('15 Farvardin 1405');
    expect(formatJalali({ jy: 1403, jm: 12, jd: 30 }, 'fa', { style: 'long' })).toBe(
      '۳۰ اسفند ۱۴۰۳',
    );
  });

  it('parses what it writes', () => {
    const day = fc.integer({
      min: Date.UTC(1921, 2, 21) / 864e5,
      max: Date.UTC(2221, 2, 20) / 864e5,
    });
    fc.assert(
      fc.property(day, fc.constantFrom('fa' as const, 'en' as const), (n, lang) => {
        const d = new Date(n * 864e5);
        const r = parseJalaliDate(formatJalali(d, lang));
        expect(r.ok && r.date.getTime()).toBe(d.getTime());
      }),
    );
  });
});

describe('Excel serial dates (1900 date system)', () => {
  it('matches Excel and LibreOffice', () => {
    // LibreOffice Calc 7 (`soffice --headless --convert-to csv` of a sheet with
    // =TEXT(45000;"YYYY-MM-DD") and =DATE(2008;1;1)) printed 2023-03-15 and 39448;
    // Microsoft's DATE function documentation also gives 1 Jan 2008 = 39448.
    expect(iso(excelSerialToDate(45000))).toBe('2023-03-15');
    expect(dateToExcelSerial(utc(2023, 3, 15))).toBe(45000);
    expect(dateToExcelSerial(utc(2008, 1, 1))).toBe(39448);
    // 2023-03-15 is 6 days before Nowruz 1402 (2023-03-21); 1401 is not leap, so 29 − 5 = 24 Esfand.
    expect(excelSerialToJalali(45000)).toEqual({ jy: 1401, jm: 12, jd: 24 });
  });

  it('keeps the 1900 leap-year bug: serial 60 is 29 Feb 1900, a day that never was', () => {
    // Excel: 1 = 1900-01-01, 59 = 1900-02-28, 60 = "1900-02-29", 61 = 1900-03-01
    // (Microsoft: "Excel incorrectly assumes that the year 1900 is a leap year").
    expect(iso(excelSerialToDate(1))).toBe('1900-01-01');
    expect(iso(excelSerialToDate(59))).toBe('1900-02-28');
    expect(excelSerialToDate(60)).toBeNull();
    expect(iso(excelSerialToDate(61))).toBe('1900-03-01');
    expect(dateToExcelSerial(utc(1900, 2, 28))).toBe(59);
    expect(dateToExcelSerial(utc(1900, 3, 1))).toBe(61);
    expect(iso(excelSerialToDate(EXCEL_MAX_SERIAL))).toBe('9999-12-31');
    for (const bad of [0, -1, Number.NaN, Infinity, EXCEL_MAX_SERIAL + 1])
      expect(excelSerialToDate(bad)).toBeNull();
    expect(dateToExcelSerial(utc(1899, 12, 31))).toBeNull();
    expect(excelSerialToJalali(EXCEL_MAX_SERIAL)).toBeNull(); // beyond jalaali-js' years
  });

  it('keeps the time of day as the fraction', () => {
    // 45000.5 is noon of 2023-03-15.
    expect(excelSerialToDate(45000.5)?.toISOString()).toBe('2023-03-15T12:00:00.000Z');
    expect(dateToExcelSerial(new Date(Date.UTC(2023, 2, 15, 18)))).toBe(45000.75);
  });

  it('round-trips every serial Excel can show', () => {
    const serial = fc.integer({ min: 1, max: EXCEL_MAX_SERIAL }).filter((n) => n !== 60);
    fc.assert(
      fc.property(serial, (n) => {
        const d = excelSerialToDate(n);
        expect(d && dateToExcelSerial(d)).toBe(n);
      }),
      { numRuns: 500 },
    );
  });
});

describe('formatTehranDateTime', () => {
  // Tehran keeps UTC+03:30 since 1402 (no summer time). 1 Azar 1405 is 22 November 2026
  // (jalaali-js and the Iranian calendar), so 2 December 2026 is 11 Azar 1405.
  it('gives the Jalali day and the clock in Tehran', () => {
    expect(formatTehranDateTime(new Date('2026-12-02T10:00:00Z'), 'en')).toBe('1405/09/11 13:30');
    expect(formatTehranDateTime(new Date('2026-12-02T10:00:00Z'))).toBe('۱۴۰۵/۰۹/۱۱ ۱۳:۳۰');
  });

  it('turns the day at midnight in Tehran, not in UTC', () => {
    // 21:00 UTC is 00:30 of the next day in Tehran.
    expect(formatTehranDateTime(new Date('2026-12-02T21:00:00Z'), 'en')).toBe('1405/09/12 00:30');
  });
});
