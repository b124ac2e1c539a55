/**
 * How a sheet prints (shared/src/template/print.ts) and the day in Tehran of the printed
 * footer (shared/src/jalali). Expected figures are worked by hand from A4 (595.3 × 841.9
 * points), the margins (0.5 inch each side, 0.6 top, 0.75 bottom), 7·w + 5 points a column
 * and 15 points a row.
 */
import {
  MIN_PRINT_SCALE,
  columnPoints,
  footerOf,
  printHeaderOf,
  layoutWorkbook,
  localNumberFormat,
  sheetPrintOf,
  tehranDayOf,
} from '#core';

const footer = { city: 'شهر نمونه', day: { jy: 1405, jm: 1, jd: 1 } };
const widths = (...w: number[]) => new Map(w.map((width, i) => [i + 1, width]));

describe('the day in Tehran', () => {
  it('turns the day at midnight in Tehran, not in UTC', () => {
    // 1 Farvardin 1405 is 21 March 2026; Tehran is UTC+03:30 since 1402 (no summer time).
    expect(tehranDayOf(new Date('2026-03-20T21:00:00Z'))).toEqual({ jy: 1405, jm: 1, jd: 1 });
    expect(tehranDayOf(new Date('2026-03-20T20:00:00Z'))).toEqual({ jy: 1404, jm: 12, jd: 29 });
  });
  it('keeps the summer time Iran had until 1401 (UTC+04:30)', () => {
    // 30 June 2021, 19:45 UTC is 00:15 on 1 July in Tehran then: 10 Tir 1400 (9 Tir at +03:30).
    expect(tehranDayOf(new Date('2021-06-30T19:45:00Z'))).toEqual({ jy: 1400, jm: 4, jd: 10 });
  });
});

describe('print setup of a sheet', () => {
  it('prints a narrow sheet upright at full size', () => {
    const p = sheetPrintOf({
      widths: widths(10, 10, 10),
      rows: 20,
      titleRowsTo: 2,
      footer,
      lang: 'fa',
    });
    expect(p).toMatchObject({ orientation: 'portrait', scale: 100, fitToWidth: false });
    expect(p.titleRows).toEqual({ first: 1, last: 2 });
    expect(p.titleColumns).toBeNull();
  });

  it('fits a wide sheet to a landscape page when that is 70 % or more', () => {
    // 10 columns of 13.57 units ≈ 1,000 points; landscape holds 769.9: 76 %.
    const w = (1000 / 10 - 5) / 7;
    expect(columnPoints(w) * 10).toBeCloseTo(1000, 6);
    const p = sheetPrintOf({
      widths: widths(...Array(10).fill(w)),
      rows: 20,
      titleRowsTo: 2,
      footer,
      lang: 'fa',
    });
    expect(p).toMatchObject({ orientation: 'landscape', scale: 76, fitToWidth: true });
  });

  it('prints a sheet too wide even then at 70 %, its first column on every page', () => {
    const p = sheetPrintOf({
      widths: widths(...Array(20).fill(15)),
      rows: 20,
      titleRowsTo: 2,
      footer,
      lang: 'fa',
    });
    expect(p).toMatchObject({
      orientation: 'landscape',
      scale: MIN_PRINT_SCALE,
      fitToWidth: false,
    });
    expect(p.titleColumns).toEqual({ first: 1, last: 1 });
  });

  it('takes a long sheet down as far as that saves a page, and no further', () => {
    // Four columns of 15 (440 points) fit portrait. 98 rows below 2 header rows: 1,470 points;
    // a portrait page holds 744.7 − 30 at 100 % (3 pages) and 1,033.9 at 70 % (2 pages); the
    // largest scale with 2 pages has 744.7·100/s − 30 ≥ 735: s = 97.
    const p = sheetPrintOf({
      widths: widths(15, 15, 15, 15),
      rows: 100,
      titleRowsTo: 2,
      footer,
      lang: 'fa',
    });
    expect(p).toMatchObject({ orientation: 'portrait', scale: 97, fitToWidth: false });
  });

  it('writes the footer: page X of Y, the city and the Jalali date', () => {
    expect(footerOf(footer, 'fa')).toBe('&Rشهر نمونه&Cصفحه \u200e&P از &N&L۱۴۰۵/۰۱/۰۱');
    expect(footerOf({ city: 'A&B', day: null }, 'en')).toBe('&LA&&B&CPage &P of &N');
    expect(footerOf({ city: null, day: null }, 'en')).toBe('&CPage &P of &N');
  });

  it('heads every page of a practice municipality with its mark, and no other', () => {
    expect(printHeaderOf({ ...footer, practice: true }, 'fa')).toBe(
      '&C&Bتمرینی — این برنامه واقعی نیست&B',
    );
    expect(printHeaderOf({ ...footer, practice: true }, 'en')).toBe(
      '&C&BPractice — this is not the real plan&B',
    );
    expect(printHeaderOf(footer, 'fa')).toBe('');
    expect(printHeaderOf({ ...footer, practice: false }, 'en')).toBe('');
  });
});

describe('Persian digits in number formats (localNumberFormat)', () => {
  // The prefix is Excel's locale code xxyyzzzz: numerals 03 (Extended Arabic-Indic, ۰–۹),
  // locale 0429 (Persian); LibreOffice prints such a cell as ۱۲٬۳۴۵٫۶ (tried by hand with
  // soffice --convert-to pdf; the council PDF test checks a printed amount).
  it('prefixes every section in Persian, leaves English alone', () => {
    expect(localNumberFormat('#,##0.0;-#,##0.0;"-"', 'fa')).toBe(
      '[$-3000429]#,##0.0;[$-3000429]-#,##0.0;[$-3000429]"-"',
    );
    expect(localNumberFormat('0', 'fa')).toBe('[$-3000429]0');
    expect(localNumberFormat('#,##0.0;-#,##0.0;"-"', 'en')).toBe('#,##0.0;-#,##0.0;"-"');
  });

  it('keeps quoted and escaped semicolons, General, and a section with its own locale', () => {
    expect(localNumberFormat('0" ;x";\\;0', 'fa')).toBe('[$-3000429]0" ;x";[$-3000429]\\;0');
    expect(localNumberFormat('General', 'fa')).toBe('General');
    expect(localNumberFormat('[$-409]0;0', 'fa')).toBe('[$-409]0;[$-3000429]0');
  });

  it('lays out a Persian workbook’s amounts with Persian digits, an English one’s without', () => {
    for (const lang of ['fa', 'en'] as const) {
      const layout = layoutWorkbook(
        { tables: [{ name: 'tblProjects', header: ['ProjectId', '1405'], rows: [['P-1', 5]] }] },
        { lang },
      );
      const money = layout.sheets.flatMap((s) => s.tables).flatMap((t) => t.columns)[1]?.numFmt;
      expect(money).toBe(lang === 'fa' ? '[$-3000429]#,##0' : '#,##0');
    }
  });
});
