/**
 * The one number formatter (shared/src/util/format.ts) that the CLI, the pane and the
 * register's messages share. Expected strings are written out by hand: Persian digits
 * U+06F0–U+06F9, thousands separator U+066C, decimal separator U+066B, minus U+2212.
 */
import { formatInUnit, formatNumber, formatPercent, formatRials } from '#core';

describe('formatNumber', () => {
  it('groups thousands and writes Persian digits and separators', () => {
    expect(formatNumber(1234567.891, 'en', 2)).toBe('1,234,567.89');
    expect(formatNumber(1234567.891, 'fa', 2)).toBe('۱٬۲۳۴٬۵۶۷٫۸۹');
  });

  it('writes one minus sign in Persian for numbers and bigints alike', () => {
    expect(formatNumber(-1234.5, 'fa', 1)).toBe('\u2212۱٬۲۳۴٫۵');
    expect(formatNumber(-1234n, 'fa')).toBe('\u2212۱٬۲۳۴');
    expect(formatRials(-1234n, 'fa')).toBe(formatNumber(-1234n, 'fa'));
    expect(formatNumber(-1234.5, 'en', 1)).toBe('-1,234.5');
  });

  it('keeps bigints exact past 2^53', () => {
    // 2^53 + 1 = 9,007,199,254,740,993: a JavaScript number would print …992.
    expect(formatNumber(9007199254740993n, 'en')).toBe('9,007,199,254,740,993');
  });

  it('gives no sign to a value that rounds to zero', () => {
    expect(formatNumber(-0.004, 'en', 2)).toBe('0.00');
  });

  it('writes percents with the language percent sign', () => {
    expect(formatPercent(0.153, 'en')).toBe('15.3%');
    expect(formatPercent(0.153, 'fa')).toBe('۱۵٫۳٪');
  });

  it('writes Rials in a larger unit from the exact amount, rounded once, half away from zero', () => {
    const billion = 10n ** 9n;
    // 934,118,000,000 Rials = 934.118 billion → 934.1 (hand-worked).
    expect(formatInUnit(934_118_000_000n, billion, 'en')).toBe('934.1');
    expect(formatInUnit(934_118_000_000n, billion, 'fa')).toBe('۹۳۴٫۱');
    // 1.25 billion is a half: away from zero, 1.3 and −1.3; 1.249999999 is 1.2.
    expect(formatInUnit(1_250_000_000n, billion, 'en')).toBe('1.3');
    expect(formatInUnit(-1_250_000_000n, billion, 'en')).toBe('-1.3');
    expect(formatInUnit(-1_250_000_000n, billion, 'fa')).toBe('\u2212۱٫۳');
    expect(formatInUnit(1_249_999_999n, billion, 'en')).toBe('1.2');
    // Past 2^53 Rials the digits stay exact: 12,345,678,912,345,678,900 Rials.
    expect(formatInUnit(12_345_678_912_345_678_900n, billion, 'en')).toBe('12,345,678,912.3');
    // Less than half a tenth of a billion is zero, with no sign.
    expect(formatInUnit(-49_999_999n, billion, 'en')).toBe('0.0');
    expect(formatInUnit(5_000n, 1_000n, 'en', 0)).toBe('5');
  });
});
