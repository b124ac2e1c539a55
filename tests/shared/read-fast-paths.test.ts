import fc from 'fast-check';
import { PROJECT_STATUSES, parseRials, readEnum } from '#core';

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
