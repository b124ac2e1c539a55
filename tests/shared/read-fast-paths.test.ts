import fc from 'fast-check';
import { PROJECT_STATUSES, parseRials, persianNumerals, readEnum } from '#core';

// The reader's shortcuts for what the canonical form holds (plain digit strings, stable enum
// values) must read exactly as the general path does.
describe('the reader’s fast paths read as the general path', () => {
  it('parseRials: a plain digit string equals the same string through the normaliser', () => {
    // A leading space is trimmed by the normaliser, and takes the general path.
    const digits = fc.stringMatching(/^-?0{0,3}\d{1,32}$/);
    fc.assert(
      fc.property(digits, fc.constantFrom(0, 3, 6) as fc.Arbitrary<0 | 3 | 6>, (text, scale) => {
        expect(parseRials(text, scale)).toEqual(parseRials(` ${text}`, scale));
      }),
      { numRuns: 2000 },
    );
    // Worked by hand.
    expect(parseRials('-0012', 3)).toEqual({ ok: true, value: -12000n });
    expect(parseRials('-0', 0)).toEqual({ ok: true, value: 0n });
    expect(parseRials('1'.repeat(30), 0)).toEqual({ ok: true, value: BigInt('1'.repeat(30)) });
    expect(parseRials('1'.repeat(31), 0)).toEqual({ ok: false, error: 'too-large' });
    expect(parseRials(`0${'1'.repeat(30)}`, 0)).toEqual({
      ok: true,
      value: BigInt('1'.repeat(30)),
    });
  });

  it('readEnum: the same text reads the same the first time and every time after', () => {
    const texts = fc.oneof(
      fc.constantFrom(
        'proposed',
        'Proposed',
        ' proposed ',
        'پیشنهادی',
        'در حال اجرا',
        'درحال‌اجرا',
        'ongoing۱',
        'nonsense',
        'x'.repeat(200),
      ),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(texts, { maxLength: 30 }), (list) => {
        const first = list.map((t) => readEnum(t, PROJECT_STATUSES));
        const again = list.map((t) => readEnum(t, PROJECT_STATUSES));
        expect(again).toEqual(first);
      }),
      { numRuns: 300 },
    );
    expect(readEnum('در حال اجرا', PROJECT_STATUSES)).toEqual({ ok: true, value: 'ongoing' });
    expect(readEnum('در حال اجرا', PROJECT_STATUSES)).toEqual({ ok: true, value: 'ongoing' });
    expect(readEnum('nonsense', PROJECT_STATUSES).ok).toBe(false);
    expect(readEnum('nonsense', PROJECT_STATUSES).ok).toBe(false);
  });
});

/** `persianNumerals` as it was written before it copied runs (character by character). */
function formerPersianNumerals(text: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch >= '\u2066' && ch <= '\u2068') depth++;
    else if (ch === '\u2069' && depth > 0) depth--;
    if (depth > 0 || !/[0-9.,]/.test(ch)) {
      out += ch;
      continue;
    }
    const before = text[i - 1] ?? '';
    const after = text[i + 1] ?? '';
    if (ch === '.' || ch === ',') {
      const between = /[0-9۰-۹]/.test(before) && /[0-9]/.test(after);
      out += between ? (ch === '.' ? '\u066b' : '\u066c') : ch;
      continue;
    }
    let start = i;
    while (start > 0 && /[0-9]/.test(text[start - 1] as string)) start--;
    const prev = text[start - 1] ?? '';
    const wordBefore =
      /[A-Za-z_]/.test(prev) || (prev === '-' && /[A-Za-z0-9]/.test(text[start - 2] ?? ''));
    let end = i;
    while (end < text.length && /[0-9]/.test(text[end] as string)) end++;
    const wordAfter = /[A-Za-z_]/.test(text[end] ?? '');
    out += wordBefore || wordAfter ? ch : String.fromCodePoint(0x06f0 + Number(ch));
  }
  return out;
}

describe('persianNumerals copies runs as the character-by-character original did', () => {
  it('gives the same text for any mix of digits, separators, isolates and Latin words', () => {
    const piece = fc.constantFrom(
      '1',
      '2',
      '90',
      '.',
      ',',
      '-',
      '_',
      'P',
      'x',
      ' ',
      'سال ',
      '۱',
      '\u2066',
      '\u2069',
      '\u2067',
      '😀',
      '(',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(persianNumerals(text)).toBe(formerPersianNumerals(text));
      }),
      { numRuns: 3000 },
    );
    expect(persianNumerals('سال 1405 و P-014 و 1,250.5')).toBe('سال ۱۴۰۵ و P-014 و ۱٬۲۵۰٫۵');
  });
});
