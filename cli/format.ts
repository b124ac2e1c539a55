/**
 * Numbers and tables for readable output: thousands separators everywhere,
 * Persian digits and separators when the output is Persian.
 */
import type { Language } from '#core';
import { formatNumber, formatPercent, formatRials, toPersianDigits } from '#core';

/** Whole Rials with thousands separators (Persian digits for fa). */
export function money(value: bigint, lang: Language): string {
  return formatRials(value, lang);
}

/** A number with thousands separators and fixed decimals (the core's one formatter). */
export const num = (value: number, lang: Language, decimals = 0): string =>
  formatNumber(value, lang, decimals);

/** A share (0.153) as a percent (the core's one formatter). */
export const percent = (value: number, lang: Language, decimals = 1): string =>
  formatPercent(value, lang, decimals);

/** A year or an ID-like integer without separators (Persian digits for fa). */
export function plain(value: number | string, lang: Language): string {
  return lang === 'fa' ? toPersianDigits(String(value)) : String(value);
}

/**
 * A plain-text table with aligned columns. Columns listed in `right` are
 * right-aligned (numbers). Widths count code points, which is close enough
 * for Persian text in a terminal.
 */
export function textTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  right: ReadonlySet<number> = new Set(),
): string {
  const len = (s: string) => [...s.replace(/\u200c/g, '')].length;
  const widths = header.map((h, i) => Math.max(len(h), ...rows.map((r) => len(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => {
        const pad = ' '.repeat(Math.max(0, (widths[i] ?? 0) - len(c)));
        return right.has(i) ? pad + c : c + pad;
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n') + '\n';
}

/** A number with as many decimals as it needs, up to `max` (`12.5`, `6`, `0.33`). */
export function numShort(value: number, lang: Language, max = 2): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Number(value.toFixed(max));
  const decimals = (String(rounded).split('.')[1] ?? '').length;
  return num(rounded, lang, Math.min(max, decimals));
}
