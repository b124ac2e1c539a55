/**
 * The one number formatter (shared/src/util/format.ts) that the CLI, the pane and the
 * register's messages share. Expected strings are written out by hand: Persian digits
 * U+06F0–U+06F9, thousands separator U+066C, decimal separator U+066B, minus U+2212.
 */
import { formatNumber, formatPercent, formatRials } from '#core';

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
});
