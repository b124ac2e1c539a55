/**
 * Money in whole Rials, exact. A big city's annual budget passes 2^53 Rials,
 * so amounts are `bigint` end to end; floating point is used only for rates
 * and forecasts, and rounded to whole Rials once, at the boundary.
 */
import type { Language } from './contract/enums';
import { formatNumber } from './util/format';
import { normaliseNumberText } from './util/text';

/** Whole Rials. */
export type Rials = bigint;

/** Power of ten an amount is multiplied by on read: Rial 0, Thousand Rials 3, Million Rials 6. */
export type UnitScale = 0 | 3 | 6;

/** Why a money cell could not be read. */
export type MoneyParseError = 'not-a-number' | 'fraction-of-rial' | 'too-large';

/** Result of reading a money cell. */
export type MoneyParse = { ok: true; value: Rials } | { ok: false; error: MoneyParseError };

// 10^30 Rials is far beyond any budget; bounds the work done on hostile input.
const MAX_DIGITS = 30;
const PLAIN_INTEGER = /^-?\d+$/;

/**
 * Exact decimal expansion of a finite JS number (no exponent), e.g.
 * 1.5e21 → "1500000000000000000000", 1e-7 → "0.0000001".
 */
function numberToPlain(n: number): string {
  const s = String(n);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, int = '', frac = '', expText = '0'] = m;
  const exp = Number(expText);
  const digits = int + frac;
  const point = int.length + exp;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * Reads an amount (a number, or text with Persian/Arabic-Indic digits and
 * thousands separators) in the workbook's unit and returns whole Rials.
 * `1.5` Thousand Rials is 1500 Rials; `0.5` Rial is an error (no fractions of a Rial).
 */
export function parseRials(value: unknown, scale: UnitScale = 0): MoneyParse {
  let text: string;
  if (typeof value === 'bigint') text = value.toString();
  else if (typeof value === 'number') {
    // Fast path: most amounts are whole numbers within 2^53, exact as they are.
    if (Number.isSafeInteger(value))
      return { ok: true, value: BigInt(value) * 10n ** BigInt(scale) };
    if (!Number.isFinite(value)) return { ok: false, error: 'not-a-number' };
    text = numberToPlain(value);
  } else if (typeof value === 'string') {
    // Fast path: plain ASCII digits (how the canonical form and the register keep amounts),
    // which the normaliser below leaves as they are.
    if (value.length <= MAX_DIGITS && PLAIN_INTEGER.test(value))
      return { ok: true, value: BigInt(value) * 10n ** BigInt(scale) };
    text = normaliseNumberText(value);
  } else return { ok: false, error: 'not-a-number' };
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return { ok: false, error: 'not-a-number' };
  const sign = m[1] === '-' ? -1n : 1n;
  const intPart = (m[2] ?? '').replace(/^0+(?=\d)/, '');
  let frac = m[3] ?? '';
  if (intPart.length > MAX_DIGITS) return { ok: false, error: 'too-large' };
  // Shift the decimal point right by `scale` digits.
  const shifted = frac.slice(0, scale).padEnd(scale, '0');
  frac = frac.slice(scale);
  if (/[1-9]/.test(frac)) return { ok: false, error: 'fraction-of-rial' };
  const digits = (intPart || '0') + shifted;
  return { ok: true, value: sign * BigInt(digits) };
}

/** Sum of amounts, exact. */
export function sumRials(values: Iterable<Rials>): Rials {
  let total = 0n;
  for (const v of values) total += v;
  return total;
}

/**
 * Rounds a non-integer Rial amount from a calculation (a forecast, a share)
 * to whole Rials, half away from zero. Only for values computed in floating
 * point; amounts read from workbooks are already exact.
 */
export function roundToRials(value: number): Rials {
  if (!Number.isFinite(value)) throw new RangeError(`cannot round ${value} to Rials`);
  const r = Math.sign(value) * Math.round(Math.abs(value));
  return BigInt(numberToPlain(r).replace(/\.\d*$/, ''));
}

/** A bigint amount as a JS number, for statistics and charts only (never for totals). */
export function rialsToNumber(value: Rials): number {
  return Number(value);
}

/**
 * Splits `total` into parts proportional to `weights` by largest remainder,
 * so the parts always add up to the total exactly.
 */
export function allocateRials(total: Rials, weights: readonly bigint[]): Rials[] {
  const sumW = weights.reduce((a, b) => a + b, 0n);
  if (sumW <= 0n) throw new RangeError('allocation weights must have a positive sum');
  if (weights.some((w) => w < 0n)) throw new RangeError('allocation weights must not be negative');
  const sign = total < 0n ? -1n : 1n;
  const abs = total * sign;
  const parts = weights.map((w) => (abs * w) / sumW);
  const remainders = weights.map((w, i) => ({ i, r: (abs * w) % sumW }));
  let left = abs - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts.map((p) => p * sign);
}

/** Formats Rials with thousands separators (`1,234,567`); Persian digits and `٬` when `lang` is fa. */
export function formatRials(value: Rials, lang: Language = 'en'): string {
  return formatNumber(value, lang);
}
