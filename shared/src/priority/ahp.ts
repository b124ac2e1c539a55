/**
 * AHP weights from a pairwise comparison matrix (plan-workbook.md,
 * "Calculations"): the principal right eigenvector normalised to sum 1,
 * `λmax`, `CI = (λmax − n)/(n − 1)` and `CR = CI / RI(n)`.
 *
 * Why power iteration and not mathjs `eigs`: a pairwise matrix that passes the
 * structural checks is strictly positive, so by the Perron–Frobenius theorem
 * its largest eigenvalue is real, simple and strictly larger in modulus than
 * every other eigenvalue, with a strictly positive eigenvector; power
 * iteration from a positive start therefore converges to exactly that vector,
 * geometrically with ratio |λ₂|/λmax. It is twenty lines, needs no complex
 * arithmetic, and keeps mathjs (≈570 KiB when imported whole) out of the
 * add-in bundle for this. The tests check it against `numpy.linalg.eig`.
 */
import type { Bilingual } from '../findings';

/**
 * Saaty's random consistency index RI(n) for n = 1…10 (Saaty, The Analytic
 * Hierarchy Process, 1980; the table the contract fixes): the mean CI of
 * random reciprocal matrices on the 1–9 scale.
 */
export const RANDOM_INDEX: readonly number[] = [
  0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49,
];

/** CR above this is reported as inconsistent (Saaty's 10% rule). */
export const CONSISTENCY_LIMIT = 0.1;

/**
 * How far `a_ij · a_ji` may stray from 1 and still count as reciprocal: 5%.
 * People type 1/k to two decimals; the worst such entry on the 1–9 scale is
 * 0.13 for 1/8 (0.13 × 8 = 1.04), so 5% accepts every two-decimal reciprocal
 * and still rejects a genuine mistake such as 3 against 0.5 (product 1.5).
 */
export const RECIPROCAL_TOLERANCE = 0.05;

/** Same tolerance for the diagonal: |a_ii − 1| ≤ 5%. */
const DIAGONAL_TOLERANCE = RECIPROCAL_TOLERANCE;

/** Saaty's scale runs from 1/9 to 9. */
const SAATY_MAX = 9;

/** Power iteration stops when no weight moves by more than this. */
const CONVERGENCE_TOLERANCE = 1e-13;
/** A guard only: for AHP matrices |λ₂|/λmax is well below 1 and a few dozen steps suffice. */
const MAX_ITERATIONS = 10_000;

/** A cell of a pairwise matrix as read: a number, or empty. */
export type PairwiseCell = number | null | undefined;

/** Stable codes of the structural problems of a pairwise matrix. */
export type AhpProblemCode =
  | 'AHP_EMPTY'
  | 'AHP_NOT_SQUARE'
  | 'AHP_MISSING'
  | 'AHP_NOT_POSITIVE'
  | 'AHP_DIAGONAL'
  | 'AHP_NOT_RECIPROCAL'
  | 'AHP_OFF_SCALE'
  | 'AHP_NO_CONVERGENCE';

/**
 * One problem of a pairwise matrix, located by 0-based row and column (null
 * when it concerns the whole matrix). `error` problems make the weights
 * meaningless; `warning` ones (a value beyond Saaty's 1/9–9 scale) do not.
 */
export interface AhpProblem {
  readonly code: AhpProblemCode;
  readonly severity: 'error' | 'warning';
  readonly row: number | null;
  readonly column: number | null;
  readonly message: Bilingual;
}

/** A computed AHP: weights, λmax and consistency. */
export interface AhpWeights {
  readonly ok: true;
  /** Size of the matrix. */
  readonly n: number;
  /** The principal eigenvector, positive, summing to 1, in matrix order. */
  readonly weights: number[];
  readonly lambdaMax: number;
  /** `(λmax − n)/(n − 1)`; 0 for n ≤ 2 (every reciprocal 1×1 or 2×2 matrix is consistent). */
  readonly ci: number;
  /** The random index used: Saaty's RI(n), or RI(10) for n > 10 (see `riExtrapolated`). */
  readonly ri: number;
  /**
   * True for n > 10, beyond Saaty's table. RI(10) = 1.49 is then used; since
   * RI grows with n in every published table, the CR so computed is an upper
   * bound on the true CR: a matrix reported consistent is consistent.
   */
  readonly riExtrapolated: boolean;
  /** `CI / RI`; 0 for n ≤ 2. */
  readonly cr: number;
  /** `cr ≤ 0.10`. */
  readonly consistent: boolean;
  /** Power-iteration steps taken. */
  readonly iterations: number;
  /** The matrix used, with empty cells completed from their reciprocal (and an empty diagonal as 1). */
  readonly matrix: number[][];
  /** Warnings (values off Saaty's scale); never errors. */
  readonly problems: AhpProblem[];
}

/** Why AHP weights could not be computed: `code`/`message` of the first error, and every problem found. */
export interface AhpFailure {
  readonly ok: false;
  readonly code: AhpProblemCode;
  readonly message: Bilingual;
  readonly problems: AhpProblem[];
}

/** Result of {@link computeAhp}. */
export type AhpResult = AhpWeights | AhpFailure;

/** Options of {@link computeAhp}. */
export interface AhpOptions {
  /** Tolerance on `a_ij · a_ji = 1` and `a_ii = 1`; default {@link RECIPROCAL_TOLERANCE}. */
  readonly reciprocalTolerance?: number;
}

function cellName(i: number, j: number): string {
  return `(${i + 1}, ${j + 1})`;
}

function problem(
  code: AhpProblemCode,
  severity: 'error' | 'warning',
  row: number | null,
  column: number | null,
  fa: string,
  en: string,
): AhpProblem {
  return { code, severity, row, column, message: { fa, en } };
}

function isNumber(v: PairwiseCell): v is number {
  return typeof v === 'number' && !Number.isNaN(v);
}

/**
 * Checks the structure of a pairwise matrix and completes it: an empty cell
 * whose mirror is filled takes the reciprocal (people often fill only the
 * upper triangle), an empty diagonal cell is 1. Reports, as values: not
 * square, empty cells with an empty mirror, non-positive or non-finite
 * values, a diagonal other than 1, `a_ji ≠ 1/a_ij` beyond the tolerance
 * (errors), and values beyond Saaty's 1/9–9 scale (warnings).
 */
export function checkPairwise(
  matrix: ReadonlyArray<ReadonlyArray<PairwiseCell>>,
  options: AhpOptions = {},
): { matrix: number[][] | null; problems: AhpProblem[] } {
  const tol = options.reciprocalTolerance ?? RECIPROCAL_TOLERANCE;
  const n = matrix.length;
  const problems: AhpProblem[] = [];
  if (n === 0) {
    problems.push(
      problem(
        'AHP_EMPTY',
        'error',
        null,
        null,
        'ماتریس مقایسه زوجی خالی است',
        'the matrix is empty',
      ),
    );
    return { matrix: null, problems };
  }
  matrix.forEach((row, i) => {
    if (row.length !== n)
      problems.push(
        problem(
          'AHP_NOT_SQUARE',
          'error',
          i,
          null,
          `ماتریس مربعی نیست: سطر ${i + 1} به جای ${n} خانه ${row.length} خانه دارد`,
          `the matrix is not square: row ${i + 1} has ${row.length} cells instead of ${n}`,
        ),
      );
  });
  if (problems.length > 0) return { matrix: null, problems };

  const at = (i: number, j: number): PairwiseCell => matrix[i]?.[j];
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let j = 0; j < n; j++) {
      const v = at(i, j);
      const mirror = at(j, i);
      let value: number;
      if (isNumber(v)) value = v;
      else if (i === j) value = 1;
      else if (isNumber(mirror) && mirror > 0 && Number.isFinite(mirror)) value = 1 / mirror;
      else {
        // Both cells of the pair empty: reported once, on the upper cell. (A
        // mirror that is zero or negative has its own problem.)
        if (i < j && !isNumber(mirror))
          problems.push(
            problem(
              'AHP_MISSING',
              'error',
              i,
              j,
              `خانه ${cellName(i, j)} و قرینه آن خالی‌اند`,
              `cell ${cellName(i, j)} and its mirror are empty`,
            ),
          );
        value = NaN;
      }
      row.push(value);
      if (isNumber(v) && !(v > 0 && Number.isFinite(v)))
        problems.push(
          problem(
            'AHP_NOT_POSITIVE',
            'error',
            i,
            j,
            `مقدار خانه ${cellName(i, j)} (${v}) باید عددی مثبت باشد`,
            `cell ${cellName(i, j)} (${v}) must be a positive number`,
          ),
        );
    }
    out.push(row);
  }
  for (let i = 0; i < n; i++) {
    const d = out[i]?.[i] ?? NaN;
    if (d > 0 && Math.abs(d - 1) > DIAGONAL_TOLERANCE)
      problems.push(
        problem(
          'AHP_DIAGONAL',
          'error',
          i,
          i,
          `قطر اصلی باید ۱ باشد؛ خانه ${cellName(i, i)} برابر ${d} است`,
          `the diagonal must be 1; cell ${cellName(i, i)} is ${d}`,
        ),
      );
    for (let j = i + 1; j < n; j++) {
      const a = out[i]?.[j] ?? NaN;
      const b = out[j]?.[i] ?? NaN;
      if (!(a > 0 && b > 0 && Number.isFinite(a) && Number.isFinite(b))) continue;
      if (Math.abs(a * b - 1) > tol)
        problems.push(
          problem(
            'AHP_NOT_RECIPROCAL',
            'error',
            j,
            i,
            `خانه ${cellName(j, i)} (${b}) باید معکوس خانه ${cellName(i, j)} (${a}) یعنی ${round4(1 / a)} باشد`,
            `cell ${cellName(j, i)} (${b}) must be the reciprocal of cell ${cellName(i, j)} (${a}), i.e. ${round4(1 / a)}`,
          ),
        );
    }
  }
  const low = (1 / SAATY_MAX) * (1 - tol);
  const high = SAATY_MAX * (1 + tol);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const v = out[i]?.[j] ?? NaN;
      if (i !== j && v > 0 && Number.isFinite(v) && (v < low || v > high))
        problems.push(
          problem(
            'AHP_OFF_SCALE',
            'warning',
            i,
            j,
            `مقدار خانه ${cellName(i, j)} (${v}) بیرون از مقیاس ساعتی ۱/۹ تا ۹ است`,
            `cell ${cellName(i, j)} (${v}) is outside Saaty's 1/9..9 scale`,
          ),
        );
    }
  const ok = !problems.some((p) => p.severity === 'error');
  return { matrix: ok ? out : null, problems };
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** Saaty's RI for a matrix of size n (RI(10) beyond 10, see {@link AhpWeights.riExtrapolated}). */
export function randomIndex(n: number): number {
  const last = RANDOM_INDEX.length;
  return RANDOM_INDEX[Math.min(Math.max(n, 1), last) - 1] ?? 0;
}

/**
 * AHP weights, λmax, CI and CR of a pairwise comparison matrix, or every
 * structural problem when the matrix is not a usable reciprocal matrix.
 * Used by `PLAN.AHP_WEIGHTS`, `PLAN.AHP_CR`, the validator and
 * `scoreProjects`.
 */
export function computeAhp(
  matrix: ReadonlyArray<ReadonlyArray<PairwiseCell>>,
  options: AhpOptions = {},
): AhpResult {
  const checked = checkPairwise(matrix, options);
  const a = checked.matrix;
  if (a === null) return failure(checked.problems);
  const n = a.length;

  // Start from the normalised row geometric means, already close to the
  // eigenvector (and exact for a perfectly consistent matrix).
  let w = a.map((row) => Math.exp(row.reduce((s, v) => s + Math.log(v), 0) / n));
  normalise(w);
  let next = new Array<number>(n).fill(0);
  let lambda = n;
  let iterations = 0;
  let converged = false;
  while (iterations < MAX_ITERATIONS) {
    iterations++;
    for (let i = 0; i < n; i++) {
      const row = a[i] as number[];
      let s = 0;
      for (let j = 0; j < n; j++) s += (row[j] as number) * (w[j] as number);
      next[i] = s;
    }
    // With Σw = 1, Σ(Aw) is the estimate of λmax that AHP texts use; at the
    // fixed point Aw = λmax·w it is exact.
    lambda = next.reduce((s, v) => s + v, 0);
    let delta = 0;
    for (let i = 0; i < n; i++) {
      const v = (next[i] as number) / lambda;
      delta = Math.max(delta, Math.abs(v - (w[i] as number)));
      next[i] = v;
    }
    [w, next] = [next, w];
    if (delta <= CONVERGENCE_TOLERANCE) {
      converged = true;
      break;
    }
  }
  if (!converged)
    return failure([
      ...checked.problems,
      problem(
        'AHP_NO_CONVERGENCE',
        'error',
        null,
        null,
        'محاسبه بردار ویژه همگرا نشد',
        'the eigenvector computation did not converge',
      ),
    ]);
  const ri = randomIndex(n);
  const ci = n <= 2 ? 0 : (lambda - n) / (n - 1);
  const cr = n <= 2 ? 0 : ci / ri;
  return {
    ok: true,
    n,
    weights: w,
    lambdaMax: lambda,
    ci,
    ri,
    riExtrapolated: n > RANDOM_INDEX.length,
    cr,
    consistent: cr <= CONSISTENCY_LIMIT,
    iterations,
    matrix: a,
    problems: checked.problems,
  };
}

function normalise(w: number[]): void {
  const s = w.reduce((acc, v) => acc + v, 0);
  for (let i = 0; i < w.length; i++) w[i] = (w[i] as number) / s;
}

function failure(problems: AhpProblem[]): AhpFailure {
  const first = problems.find((p) => p.severity === 'error') ?? problems[0];
  return {
    ok: false,
    code: first?.code ?? 'AHP_EMPTY',
    message: first?.message ?? { fa: 'ماتریس نامعتبر است', en: 'the matrix is not valid' },
    problems,
  };
}
