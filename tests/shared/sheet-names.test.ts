/**
 * The one sheet-name rule (shared/src/template/sheetNames.ts), checked against Excel's rules
 * (Microsoft, "Rename a worksheet": 31 characters, none of `: \ / ? * [ ]`, no apostrophe at
 * either end, `History` reserved, unique without case).
 */
import fc from 'fast-check';
import {
  MAX_SHEET_NAME_LENGTH,
  layoutWorkbook,
  legalSheetName,
  sheetNameKey,
  uniqueSheetNames,
} from '#core';

/** What Excel refuses in a sheet name (exceljs refuses the same when it writes). */
function excelRefuses(name: string): boolean {
  return (
    name.length === 0 ||
    Array.from(name).length > MAX_SHEET_NAME_LENGTH ||
    /[:\\/?*[\]]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    sheetNameKey(name) === sheetNameKey('History')
  );
}

describe('legal and unique sheet names', () => {
  it('keeps a legal name as it is', () => {
    expect(legalSheetName('پروژه‌ها')).toBe('پروژه‌ها');
    expect(legalSheetName('Projects 1405')).toBe('Projects 1405');
  });

  it('numbers the name Excel keeps for itself, in any case', () => {
    expect(legalSheetName('History')).toBe('History (2)');
    expect(legalSheetName('HISTORY')).toBe('HISTORY (2)');
  });

  it('replaces what Excel refuses and cuts to 31 characters', () => {
    expect(legalSheetName('[Plan]: a/b\\c*?')).toBe('-Plan-- a-b-c--');
    expect(legalSheetName("'quoted'")).toBe('quoted');
    // Found by the property below: apostrophes and spaces mixed at an end.
    expect(legalSheetName("' 'a")).toBe('a');
    expect(legalSheetName("a ' '")).toBe('a');
    expect(legalSheetName('')).toBe('Sheet');
    expect(legalSheetName("'''")).toBe('Sheet');
    const long = 'برنامه عملیاتی معاونت خدمات شهری و محیط زیست ۱۴۰۵';
    expect(Array.from(legalSheetName(long))).toHaveLength(31);
    // A cut that would end on an apostrophe drops it.
    expect(legalSheetName(`${'a'.repeat(30)}'b`)).toBe('a'.repeat(30));
  });

  it('tells apart names that differ only in case, first come first kept', () => {
    expect(uniqueSheetNames(['notes', 'NOTES', 'Notes'])).toEqual([
      'notes',
      'NOTES (2)',
      'Notes (3)',
    ]);
    expect(uniqueSheetNames(['راهنما'], ['راهنما'])).toEqual(['راهنما (2)']);
    // A number that would pass 31 characters is made room for.
    const long = 'x'.repeat(40);
    const [a, b] = uniqueSheetNames([long, long.toUpperCase()]);
    expect(a).toBe('x'.repeat(31));
    expect(b).toBe(`${'X'.repeat(27)} (2)`);
  });

  it('gives any list of names a list Excel accepts (property)', () => {
    const piece = fc.constantFrom(
      'a',
      'A',
      'ب',
      ' ',
      "'",
      '[',
      ']',
      ':',
      '*',
      '?',
      '/',
      '\\',
      'History',
      '𝒳',
    );
    const name = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(name, { maxLength: 12 }), (names) => {
        const out = uniqueSheetNames(names);
        expect(out).toHaveLength(names.length);
        for (const n of out) expect(excelRefuses(n)).toBe(false);
        expect(new Set(out.map(sheetNameKey)).size).toBe(out.length);
      }),
    );
  });

  it('lays out tables whose sheets clash or are illegal on legal, distinct sheets', () => {
    const table = (name: string, sheet: string) => ({ name, sheet, header: ['A'], rows: [[1]] });
    const layout = layoutWorkbook(
      {
        tables: [
          table('t1', 'History'),
          table('t2', 'notes'),
          table('t3', 'NOTES'),
          table('t4', 'notes'),
          table('t5', "'a[b]'"),
          table('t6', 'راهنما'),
        ],
      },
      { lang: 'fa' },
    );
    const where = (t: string) =>
      layout.sheets.find((s) => s.tables.some((x) => x.name === t))?.name;
    expect(where('t1')).toBe('History (2)');
    expect(where('t2')).toBe('notes');
    // The same sheet name is one sheet; the other case is another.
    expect(where('t4')).toBe('notes');
    expect(where('t3')).toBe('NOTES (2)');
    expect(where('t5')).toBe('a-b-');
    // The guide keeps its name; the user's sheet of that name is numbered.
    expect(layout.sheets[0]?.name).toBe('راهنما');
    expect(where('t6')).toBe('راهنما (2)');
  });
});
