/**
 * PLAN.PRIORITY_SCORE, PLAN.AHP_WEIGHTS and PLAN.AHP_CR over the core's `scorePriority` and
 * `computeAhp` (shared/src/priority): argument reading only, no arithmetic of their own.
 */
import type { AhpWeights, PerCriterion } from '#core';
import { computeAhp, scorePriority } from '#core';
import type { Arg } from './args';
import { isBlankArg, numberArg, numberGrid, rangeArg, textList, withoutLabels } from './args';
import type { Out } from './result';
import { isFnError, valueError } from './result';

const NAMES = {
  scores: { fa: 'امتیازها', en: 'scores' },
  weights: { fa: 'وزن‌ها', en: 'weights' },
  scaleMin: { fa: 'کمینه مقیاس', en: 'scale_min' },
  scaleMax: { fa: 'بیشینه مقیاس', en: 'scale_max' },
  matrix: { fa: 'ماتریس مقایسه زوجی', en: 'matrix' },
};

type Cells = ArrayLike<number | null | undefined>;

/** A one-row or one-column range as a list with blanks kept as `null` (the core says which criterion is missing). */
function criterionList(v: Arg, name: { fa: string; en: string }): Out<Cells> {
  const grid = numberGrid(v, name);
  if (!Array.isArray(grid)) return grid;
  if (grid.length > 1 && (grid[0]?.length ?? 0) > 1)
    return valueError(
      `${name.fa}: باید یک سطر یا یک ستون باشد`,
      `${name.en}: must be one row or one column`,
    );
  return grid.length === 1 ? (grid[0] ?? []) : grid.map((row) => row[0] ?? null);
}

/** A per-criterion argument that may be one value for all criteria or a list. */
function perCriterionNumber(
  v: Arg,
  name: { fa: string; en: string },
): Out<PerCriterion<number | null | undefined> | undefined> {
  if (isBlankArg(v)) return undefined;
  const rows = rangeArg(v);
  if (rows.length === 1 && rows[0]!.length === 1) return numberArg(rows[0]![0], name);
  return criterionList(v, name);
}

/** The cells of a one-row range as they are, or null for any other shape. */
function oneRow(v: Arg): unknown[] | null {
  return Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) ? (v[0] as unknown[]) : null;
}

/**
 * `PLAN.PRIORITY_SCORE`: `100 × Σ w_j·n_j / Σ w_j` of one project (plan-workbook.md).
 * `directions` is one text for all criteria or one per criterion; scale bounds likewise.
 *
 * It runs once per cell on every recalculation, so the common case (scores, weights and
 * directions as rows, no scale given) goes to the core as Excel passed it; the core checks
 * every value. Anything the core turns down is read again carefully (text with Persian
 * digits, columns, single values) before an error is shown.
 */
export function priorityScore(
  scores: Arg,
  weights: Arg,
  directions?: Arg,
  scaleMin?: Arg,
  scaleMax?: Arg,
): Out<number> {
  const x = oneRow(scores);
  const w = oneRow(weights);
  if (x && w && isBlankArg(scaleMin) && isBlankArg(scaleMax)) {
    const d = isBlankArg(directions) ? undefined : oneRow(directions);
    if (d !== null && (d === undefined || d.length === x.length)) {
      const r = scorePriority(
        x as ArrayLike<number>,
        w as ArrayLike<number>,
        d as ArrayLike<string> | undefined,
      );
      if (r.ok) return r.value;
    }
  }
  return priorityScoreCarefully(scores, weights, directions, scaleMin, scaleMax);
}

function priorityScoreCarefully(
  scores: Arg,
  weights: Arg,
  directions?: Arg,
  scaleMin?: Arg,
  scaleMax?: Arg,
): Out<number> {
  const x = criterionList(scores, NAMES.scores);
  if (isFnError(x)) return x;
  const w = criterionList(weights, NAMES.weights);
  if (isFnError(w)) return w;
  let dirs: PerCriterion<string | null | undefined> | undefined;
  if (!isBlankArg(directions)) {
    const rows = rangeArg(directions);
    dirs =
      rows.length === 1 && rows[0]!.length === 1 ? String(rows[0]![0] ?? '') : textList(directions);
  }
  const lo = perCriterionNumber(scaleMin, NAMES.scaleMin);
  if (isFnError(lo)) return lo;
  const hi = perCriterionNumber(scaleMax, NAMES.scaleMax);
  if (isFnError(hi)) return hi;
  const r = scorePriority(x, w, dirs, lo, hi);
  return r.ok ? r.value : valueError(r.message.fa, r.message.en);
}

/**
 * The numbers of a pairwise matrix. A leading column of labels (the `CriterionId` column of
 * `tblCriteriaPairwise`) and a leading row of labels (its header) are left out, so the whole
 * table can be selected.
 */
export function pairwiseMatrix(v: Arg): Out<Array<Array<number | null>>> {
  return numberGrid(withoutLabels(rangeArg(v)), NAMES.matrix);
}

function ahp(matrix: Arg): Out<AhpWeights> {
  const m = pairwiseMatrix(matrix);
  if (isFnError(m)) return m;
  const r = computeAhp(m);
  return r.ok ? r : valueError(r.message.fa, r.message.en);
}

/** `PLAN.AHP_WEIGHTS`: the principal eigenvector, summing to 1, as a column (or a row). */
export function ahpWeights(matrix: Arg, asRow?: Arg): Out<number[][]> {
  const r = ahp(matrix);
  if (isFnError(r)) return r;
  return asRow === true ? [r.weights] : r.weights.map((w) => [w]);
}

/** `PLAN.AHP_CR`: the consistency ratio CI/RI (0 for two criteria or fewer). */
export function ahpCr(matrix: Arg): Out<number> {
  const r = ahp(matrix);
  return isFnError(r) ? r : r.cr;
}
