/**
 * The priority score of one project (plan-workbook.md, "Calculations"):
 * `100 × Σ_j w_j · n_j`, with `w_j` the criteria weights divided by their sum
 * and `n_j = (x_j − ScaleMin_j) / (ScaleMax_j − ScaleMin_j)` for a `benefit`
 * criterion, `1 − that` for a `cost` criterion.
 *
 * This is the plan-free form behind the Excel function `PLAN.PRIORITY_SCORE`.
 * It is called once per cell on every recalculation, so the success path makes
 * one pass over the criteria, allocates nothing but its result, and builds
 * error messages only when something is wrong.
 */
import { CRITERION_DIRECTIONS } from '../contract/enums';
import type { CriterionDirection } from '../contract/enums';
import type { Bilingual } from '../findings';
import { matchKey } from '../util/text';

/**
 * Scale used when `PLAN.PRIORITY_SCORE` is given no `scale_min`/`scale_max`:
 * 0 to 10, the scale most scoring sheets use (a criterion table always states
 * its own ScaleMin/ScaleMax, so this default only serves the formula).
 */
export const DEFAULT_SCALE_MIN = 0;
/** See {@link DEFAULT_SCALE_MIN}. */
export const DEFAULT_SCALE_MAX = 10;

/** Stable codes of the ways a priority score cannot be computed. */
export type PriorityErrorCode =
  /** No criteria at all. */
  | 'PRIORITY_EMPTY'
  /** `scores`, `weights`, `directions` or the scale arrays differ in length. */
  | 'PRIORITY_LENGTH_MISMATCH'
  /** A weight is negative or not a number. */
  | 'PRIORITY_WEIGHT_INVALID'
  /** Every weight is zero: nothing to normalise by. */
  | 'PRIORITY_WEIGHTS_ZERO'
  /** A score is missing or not a number. */
  | 'PRIORITY_SCORE_MISSING'
  /** A score lies outside its criterion's scale. */
  | 'PRIORITY_SCORE_OUT_OF_SCALE'
  /** ScaleMax is not greater than ScaleMin (or either is not a number). */
  | 'PRIORITY_SCALE_INVALID'
  /** A direction is neither `benefit` nor `cost` (nor their Persian captions). */
  | 'PRIORITY_DIRECTION_INVALID';

/** Why a priority score could not be computed; `index` is the 0-based criterion at fault. */
export interface PriorityError {
  readonly ok: false;
  readonly code: PriorityErrorCode;
  readonly message: Bilingual;
  readonly index: number | null;
}

/** A priority score (0–100) or the reason there is none. */
export type PriorityScoreResult = { readonly ok: true; readonly value: number } | PriorityError;

/** A value per criterion, or one value for all of them. */
export type PerCriterion<T> = ArrayLike<T> | T;

/**
 * Reads a direction as typed: `benefit`/`cost`, their Persian captions
 * (فایده/هزینه) or English captions, any case; empty means `benefit`.
 * Returns null for anything else.
 */
export function parseCriterionDirection(value: unknown): CriterionDirection | null {
  if (value === 'benefit' || value === 'cost') return value;
  if (value === null || value === undefined || value === '') return 'benefit';
  if (typeof value !== 'string') return null;
  const key = matchKey(value);
  if (key === '') return 'benefit';
  for (const d of CRITERION_DIRECTIONS)
    if (key === matchKey(d.value) || key === matchKey(d.fa) || key === matchKey(d.en))
      return d.value;
  return null;
}

function fail(
  code: PriorityErrorCode,
  index: number | null,
  fa: string,
  en: string,
): PriorityError {
  return { ok: false, code, index, message: { fa, en } };
}

function isList<T>(v: PerCriterion<T> | null | undefined): v is ArrayLike<T> {
  return typeof v === 'object' && v !== null && typeof (v as ArrayLike<T>).length === 'number';
}

/**
 * The priority score of one project from its criterion scores.
 *
 * @param scores - `x_j`, one per criterion.
 * @param weights - `w_j`, any non-negative numbers with a positive sum (they
 *   are normalised; a zero weight switches a criterion off).
 * @param directions - `benefit` or `cost` per criterion, or one for all;
 *   omitted or empty: all `benefit`. Persian captions are accepted.
 * @param scaleMin - ScaleMin per criterion or one for all (default 0).
 * @param scaleMax - ScaleMax per criterion or one for all (default 10).
 * @returns `{ ok: true, value }` with the score in 0–100, or a
 *   {@link PriorityError} naming the first criterion at fault.
 */
export function scorePriority(
  scores: ArrayLike<number | null | undefined>,
  weights: ArrayLike<number | null | undefined>,
  directions?: PerCriterion<string | null | undefined> | null,
  scaleMin: PerCriterion<number | null | undefined> = DEFAULT_SCALE_MIN,
  scaleMax: PerCriterion<number | null | undefined> = DEFAULT_SCALE_MAX,
): PriorityScoreResult {
  // The fast path, small enough for the JIT to inline: lists of scores,
  // weights and directions spelled `benefit`/`cost`, one scale for all
  // criteria (as the Excel function passes it) or a list per criterion, every
  // value valid. Anything else (a shared direction, a caption, a bad value)
  // goes to the general path, which computes the same formula and names the
  // first problem.
  if (Array.isArray(directions)) {
    const n = scores.length;
    const minList = Array.isArray(scaleMin);
    const maxList = Array.isArray(scaleMax);
    if (
      n > 0 &&
      weights.length === n &&
      directions.length === n &&
      (!minList || scaleMin.length === n) &&
      (!maxList || scaleMax.length === n)
    ) {
      let weightSum = 0;
      let acc = 0;
      let j = 0;
      for (; j < n; j++) {
        const x = scores[j];
        const w = weights[j];
        const lo: unknown = minList ? scaleMin[j] : scaleMin;
        const hi: unknown = maxList ? scaleMax[j] : scaleMax;
        const d: unknown = directions[j];
        if (!(
          typeof w === 'number' &&
          w >= 0 &&
          w < Infinity &&
          typeof lo === 'number' &&
          typeof hi === 'number' &&
          hi > lo &&
          hi - lo < Infinity &&
          typeof x === 'number' &&
          x >= lo &&
          x <= hi &&
          (d === 'benefit' || d === 'cost')
        ))
          break;
        const t = (x - lo) / (hi - lo);
        weightSum += w;
        acc += w * (d === 'cost' ? 1 - t : t);
      }
      if (j === n && weightSum > 0) return { ok: true, value: (100 * acc) / weightSum };
    }
  }
  return scoreGeneral(scores, weights, directions, scaleMin, scaleMax);
}

/** The general path of {@link scorePriority}: any argument shape, and the error when there is one. */
function scoreGeneral(
  scores: ArrayLike<number | null | undefined>,
  weights: ArrayLike<number | null | undefined>,
  directions?: PerCriterion<string | null | undefined> | null,
  scaleMin: PerCriterion<number | null | undefined> = DEFAULT_SCALE_MIN,
  scaleMax: PerCriterion<number | null | undefined> = DEFAULT_SCALE_MAX,
): PriorityScoreResult {
  const n = scores.length;
  const dirList = isList(directions) && typeof directions !== 'string';
  const minList = isList(scaleMin);
  const maxList = isList(scaleMax);
  if (
    n === 0 ||
    weights.length !== n ||
    (dirList && (directions as ArrayLike<unknown>).length !== n) ||
    (minList && (scaleMin as ArrayLike<unknown>).length !== n) ||
    (maxList && (scaleMax as ArrayLike<unknown>).length !== n)
  )
    return n === 0 ? explain('PRIORITY_EMPTY', null) : explain('PRIORITY_LENGTH_MISMATCH', null);
  // One direction for all criteria, parsed once.
  let sharedCost = false;
  if (!dirList && directions !== 'benefit') {
    const d = parseCriterionDirection(directions);
    if (d === null) return explain('PRIORITY_DIRECTION_INVALID', null, directions);
    sharedCost = d === 'cost';
  }
  let weightSum = 0;
  let acc = 0;
  for (let j = 0; j < n; j++) {
    const x = scores[j];
    const w = weights[j];
    const lo = minList
      ? (scaleMin as ArrayLike<number | null | undefined>)[j]
      : (scaleMin as number | null | undefined);
    const hi = maxList
      ? (scaleMax as ArrayLike<number | null | undefined>)[j]
      : (scaleMax as number | null | undefined);
    // One test for the usual case; which check failed is worked out off the hot path.
    if (!(
      typeof w === 'number' &&
      w >= 0 &&
      w < Infinity &&
      typeof lo === 'number' &&
      typeof hi === 'number' &&
      hi > lo &&
      hi - lo < Infinity &&
      typeof x === 'number' &&
      x >= lo &&
      x <= hi
    ))
      return diagnose(j, x, w, lo, hi);
    let cost = sharedCost;
    if (dirList) {
      const d = (directions as ArrayLike<string | null | undefined>)[j];
      if (d === 'cost') cost = true;
      else if (d !== 'benefit' && d !== null && d !== undefined && d !== '') {
        // Rare: a caption such as «هزینه»; parsed off the fast path.
        const parsed = parseCriterionDirection(d);
        if (parsed === null) return explain('PRIORITY_DIRECTION_INVALID', j, d);
        cost = parsed === 'cost';
      }
    }
    const t = (x - lo) / (hi - lo);
    weightSum += w;
    acc += w * (cost ? 1 - t : t);
  }
  if (!(weightSum > 0)) return explain('PRIORITY_WEIGHTS_ZERO', null);
  return { ok: true, value: (100 * acc) / weightSum };
}

/** Which check a criterion failed, in the order the checks are documented. */
function diagnose(
  j: number,
  x: number | null | undefined,
  w: number | null | undefined,
  lo: number | null | undefined,
  hi: number | null | undefined,
): PriorityError {
  if (typeof w !== 'number' || !(w >= 0) || w === Infinity)
    return explain('PRIORITY_WEIGHT_INVALID', j);
  if (typeof lo !== 'number' || typeof hi !== 'number' || !(hi > lo) || !(hi - lo < Infinity))
    return explain('PRIORITY_SCALE_INVALID', j);
  if (typeof x !== 'number' || Number.isNaN(x)) return explain('PRIORITY_SCORE_MISSING', j);
  return explain('PRIORITY_SCORE_OUT_OF_SCALE', j, x, lo, hi);
}

/** Builds the error, with its message in both languages (cold path). */
function explain(
  code: PriorityErrorCode,
  j: number | null,
  value?: unknown,
  lo?: number,
  hi?: number,
): PriorityError {
  const k = j === null ? '' : String(j + 1);
  switch (code) {
    case 'PRIORITY_EMPTY':
      return fail(code, j, 'هیچ معیاری داده نشده است', 'no criteria were given');
    case 'PRIORITY_LENGTH_MISMATCH':
      return fail(
        code,
        j,
        'تعداد امتیازها، وزن‌ها، جهت‌ها و حدود مقیاس باید برابر باشد',
        'scores, weights, directions and scale bounds must have the same length',
      );
    case 'PRIORITY_WEIGHT_INVALID':
      return fail(
        code,
        j,
        `وزن معیار ${k} باید عددی نامنفی باشد`,
        `the weight of criterion ${k} must be a non-negative number`,
      );
    case 'PRIORITY_WEIGHTS_ZERO':
      return fail(code, j, 'مجموع وزن معیارها صفر است', 'the criteria weights add up to zero');
    case 'PRIORITY_SCALE_INVALID':
      return fail(
        code,
        j,
        `بیشینه مقیاس معیار ${k} باید بزرگ‌تر از کمینه آن باشد`,
        `ScaleMax of criterion ${k} must be greater than its ScaleMin`,
      );
    case 'PRIORITY_SCORE_MISSING':
      return fail(
        code,
        j,
        `امتیاز معیار ${k} داده نشده یا عدد نیست`,
        `the score of criterion ${k} is missing or not a number`,
      );
    case 'PRIORITY_SCORE_OUT_OF_SCALE':
      return fail(
        code,
        j,
        `امتیاز ${String(value)} معیار ${k} بیرون از مقیاس ${lo} تا ${hi} است`,
        `the score ${String(value)} of criterion ${k} is outside its scale ${lo}..${hi}`,
      );
    case 'PRIORITY_DIRECTION_INVALID': {
      const which = k === '' ? '' : ` ${k}`;
      return fail(
        code,
        j,
        `جهت معیار${which} («${String(value)}») باید «فایده» یا «هزینه» باشد`,
        `the direction of criterion${which} ("${String(value)}") must be benefit or cost`,
      );
    }
  }
}
