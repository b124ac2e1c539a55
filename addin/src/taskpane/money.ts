/** Money as the pane shows it: exact Rials from the core, shortened for the narrow pane. */
import type { Language } from '#core';
import { formatNumber } from './i18n';

const BILLION = 1_000_000_000n;

/**
 * Rials in billions with one decimal (`131,347.7 bn`), rounded half up on the tenth; exact
 * amounts stay in the workbook, the pane only shows them.
 */
export function billions(rials: bigint, lang: Language): string {
  return `${billionsNumber(rials, lang)} ${lang === 'fa' ? 'میلیارد' : 'bn'}`;
}

/** As `billions`, without the unit (for a table whose heading names it). */
export function billionsNumber(rials: bigint, lang: Language): string {
  const tenths = (rials * 10n + (rials >= 0n ? BILLION / 2n : -BILLION / 2n)) / BILLION;
  return formatNumber(Number(tenths) / 10, lang, 1);
}
