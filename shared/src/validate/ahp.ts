/**
 * The AHP pairwise comparison matrix (`tblCriteriaPairwise`): square (rows
 * and columns name the same criteria, every criterion in it), every
 * comparison given and positive, 1 on the diagonal, reciprocal
 * (a_ji = 1/a_ij), on Saaty's 1–9 scale, and a consistency ratio of at most
 * 0.10 (Saaty).
 *
 * The numerical checks and the consistency ratio are the priority module's
 * (`computeAhp`), so that validation accepts exactly the matrices the
 * priority score can use: the same reciprocal tolerance, an empty cell
 * completed from its mirror, an empty diagonal read as 1. This module turns
 * its problems into located findings that name the criteria.
 */
import type { AhpProblem, PairwiseCell } from '../priority';
import { CONSISTENCY_LIMIT, computeAhp } from '../priority';
import type { Row } from '../read/plan';
import type { Checker, TableLike } from './context';
import { idKey, shown } from './context';

function fmt(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}

type PairwiseRow = Row<'tblCriteriaPairwise'>;

/** AHP_NOT_SQUARE, AHP_CRITERION_MISSING, AHP_VALUE_MISSING, AHP_NOT_POSITIVE, AHP_DIAGONAL, AHP_NOT_RECIPROCAL, AHP_OUT_OF_SCALE, AHP_INCONSISTENT. */
export function checkAhp(c: Checker): void {
  const table = c.own('tblCriteriaPairwise');
  if (!table || table.rows.length === 0) return;
  const rows = new Map<string, PairwiseRow>();
  for (const r of table.rows) {
    if (r.CriterionId === '') continue;
    const key = idKey(r.CriterionId);
    if (!rows.has(key)) rows.set(key, r); // duplicates are DUPLICATE_ID
  }
  const cols = new Map<string, string>();
  for (const id of table.criteria) if (!cols.has(idKey(id))) cols.set(idKey(id), id);

  let broken = false;
  for (const [key, r] of rows)
    if (!cols.has(key)) {
      broken = true;
      c.add(
        'AHP_NOT_SQUARE',
        c.at(table, r.row, 'CriterionId'),
        `ماتریس مقایسه زوجی ردیف «${shown(r.CriterionId)}» دارد ولی ستونی به این نام ندارد؛ ستون «${shown(r.CriterionId)}» را بیفزایید یا ردیف را حذف کنید`,
        `the pairwise matrix has a row "${shown(r.CriterionId)}" but no column of that name; add column "${shown(r.CriterionId)}" or remove the row`,
      );
    }
  for (const [key, id] of cols)
    if (!rows.has(key)) {
      broken = true;
      c.add(
        'AHP_NOT_SQUARE',
        c.at(table, null, id),
        `ماتریس مقایسه زوجی ستون «${shown(id)}» دارد ولی ردیفی برای آن ندارد؛ ردیف «${shown(id)}» را بیفزایید یا ستون را حذف کنید`,
        `the pairwise matrix has a column "${shown(id)}" but no row for it; add row "${shown(id)}" or remove the column`,
      );
    }
  if (c.inReach('tblCriteria'))
    for (const crit of c.reachRows('tblCriteria')) {
      const key = idKey(crit.CriterionId);
      if (crit.CriterionId === '' || rows.has(key) || cols.has(key)) continue;
      c.add(
        'AHP_CRITERION_MISSING',
        c.at(table, null, 'CriterionId'),
        `معیار «${shown(crit.CriterionId)}» در ماتریس مقایسه زوجی نیست و وزن \u2066AHP\u2069 نمی‌گیرد؛ ردیف و ستون آن را بیفزایید`,
        `criterion "${shown(crit.CriterionId)}" is not in the pairwise matrix and gets no AHP weight; add its row and column`,
      );
    }

  // The matrix proper: the criteria that have both a row and a column, in column order.
  const order = [...cols].filter(([key]) => rows.has(key));
  const n = order.length;
  if (n === 0) return;
  const ids = order.map(([, id]) => id);
  const rowOf = order.map(([key]) => rows.get(key) as PairwiseRow);
  const typed: PairwiseCell[][] = rowOf.map((r) => ids.map((id) => r.comparisons.get(id)));
  const ahp = computeAhp(typed);
  for (const p of ahp.problems) {
    if (p.row === null || p.column === null) continue; // whole-matrix problems cannot occur here
    report(c, table, rowOf, ids, typed, p);
    if (p.severity === 'error') broken = true;
  }
  if (broken || !ahp.ok || ahp.consistent) return;
  // Name the judgement that departs most from the weights (Saaty: the largest a_ij·w_j/w_i).
  let worst = { i: 0, j: 1, dev: -1 };
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const dev = Math.abs(
        Math.log(
          ((ahp.matrix[i]?.[j] as number) * (ahp.weights[j] as number)) /
            (ahp.weights[i] as number),
        ),
      );
      if (i !== j && dev > worst.dev) worst = { i, j, dev };
    }
  const wi = shown(ids[worst.i]);
  const wj = shown(ids[worst.j]);
  const bound = ahp.riExtrapolated
    ? {
        fa: '؛ برای بیش از ۱۰ معیار با \u2066RI(10)\u2069 حساب شده و کران بالای آن است',
        en: '; with more than 10 criteria it uses RI(10) and is an upper bound',
      }
    : { fa: '', en: '' };
  c.add(
    'AHP_INCONSISTENT',
    c.at(table, null, 'CriterionId'),
    `نرخ ناسازگاری ماتریس مقایسه زوجی ${fmt(ahp.cr)} است و از ${CONSISTENCY_LIMIT} بیشتر است${bound.fa}؛ مقایسه‌ها را بازبینی کنید (بیشترین ناسازگاری: ${wi}/${wj})`,
    `the pairwise matrix's consistency ratio is ${fmt(ahp.cr)}, above ${CONSISTENCY_LIMIT}${bound.en}; revise the comparisons (the most inconsistent is ${wi}/${wj})`,
  );
}

/** One problem of `computeAhp`, located on its cell and told with the criteria's IDs. */
function report(
  c: Checker,
  table: TableLike,
  rowOf: readonly PairwiseRow[],
  ids: readonly string[],
  typed: readonly (readonly PairwiseCell[])[],
  p: AhpProblem,
): void {
  const i = p.row as number;
  const j = p.column as number;
  const at = c.at(table, (rowOf[i] as PairwiseRow).row, ids[j] as string);
  const pair = `${shown(ids[i])}/${shown(ids[j])}`;
  const mirrorPair = `${shown(ids[j])}/${shown(ids[i])}`;
  const v = typed[i]?.[j];
  const mirror = typed[j]?.[i];
  const value = typeof v === 'number' ? fmt(v) : '';
  switch (p.code) {
    case 'AHP_MISSING':
      c.add(
        'AHP_VALUE_MISSING',
        at,
        `مقایسه ${pair} و قرینه‌اش ${mirrorPair} هر دو خالی‌اند؛ اهمیت نسبی را با مقیاس ۱ تا ۹ در یکی از آن دو بنویسید`,
        `comparison ${pair} and its mirror ${mirrorPair} are both empty; fill in the relative importance on the 1–9 scale in one of them`,
      );
      return;
    case 'AHP_NOT_POSITIVE':
      c.add(
        'AHP_NOT_POSITIVE',
        at,
        `مقایسه ${pair} برابر ${value} است؛ مقایسه‌ها مثبت‌اند (۱/۹ تا ۹)`,
        `comparison ${pair} is ${value}; comparisons are positive (1/9 to 9)`,
      );
      return;
    case 'AHP_DIAGONAL':
      c.add(
        'AHP_DIAGONAL',
        at,
        `خانه قطر ${pair} برابر ${value} است؛ هر معیار با خودش هم‌ارز است، ۱ بنویسید`,
        `diagonal cell ${pair} is ${value}; a criterion compared with itself is 1`,
      );
      return;
    case 'AHP_NOT_RECIPROCAL': {
      const m = typeof mirror === 'number' ? mirror : NaN;
      c.add(
        'AHP_NOT_RECIPROCAL',
        at,
        `مقایسه ${pair} برابر ${value} است ولی ${mirrorPair} برابر ${fmt(m)}؛ باید معکوس هم باشند: ${value} را به ۱/${fmt(m)} = ${fmt(1 / m)} تغییر دهید`,
        `comparison ${pair} is ${value} but ${mirrorPair} is ${fmt(m)}; they must be reciprocal: change ${value} to 1/${fmt(m)} = ${fmt(1 / m)}`,
      );
      return;
    }
    case 'AHP_OFF_SCALE':
      c.add(
        'AHP_OUT_OF_SCALE',
        at,
        `مقایسه ${pair} برابر ${value || fmt(1 / (mirror as number))} بیرون از مقیاس ساعتی (۱/۹ تا ۹) است؛ آن را به مقیاس برگردانید`,
        `comparison ${pair} is ${value || fmt(1 / (mirror as number))}, outside Saaty's scale (1/9 to 9); bring it onto the scale`,
      );
      return;
    default:
      // AHP_EMPTY, AHP_NOT_SQUARE (the matrix built above is square and not
      // empty) and AHP_NO_CONVERGENCE (a positive matrix converges, Perron).
      return;
  }
}
