/**
 * Prioritisation criteria and project scores, as the priority score needs
 * them (contract, Calculations): ScaleMin < ScaleMax (the score is divided by
 * their difference), weights with a positive sum (they are normalised), and
 * every score on its criterion's scale ("x outside the scale is an error").
 */
import type { Row } from '../read/plan';
import type { Checker } from './context';
import { shown } from './context';

/** CRITERION_SCALE, CRITERIA_WEIGHTS_ZERO, SCORE_OUT_OF_SCALE, SCORE_MISSING. */
export function checkCriteria(c: Checker): void {
  const own = c.own('tblCriteria');
  if (own && own.rows.length > 0) {
    let weightSum = 0;
    for (const k of own.rows) {
      weightSum += k.Weight ?? 0;
      if (k.ScaleMin !== null && k.ScaleMax !== null && k.ScaleMin >= k.ScaleMax)
        c.add(
          'CRITERION_SCALE',
          c.at(own, k.row, 'ScaleMax'),
          `معیار «${shown(k.CriterionId)}»: بیشینه مقیاس (${k.ScaleMax}) باید بزرگ‌تر از کمینه (${k.ScaleMin}) باشد؛ مقیاس را اصلاح کنید`,
          `criterion "${shown(k.CriterionId)}": ScaleMax (${k.ScaleMax}) must be greater than ScaleMin (${k.ScaleMin}); correct the scale`,
        );
    }
    // With an AHP matrix in reach the weights may come from it; otherwise they must be usable.
    if (weightSum <= 0 && own.columns.has('Weight') && !c.inReach('tblCriteriaPairwise'))
      c.add(
        'CRITERIA_WEIGHTS_ZERO',
        c.at(own, null, 'Weight'),
        'وزن همه معیارها صفر یا خالی است و امتیاز اولویت محاسبه نمی‌شود؛ به هر معیار وزنی مثبت بدهید یا ماتریس مقایسه زوجی را پر کنید',
        'every criterion weight is zero or empty, so no priority score can be computed; give the criteria positive weights or fill in the pairwise matrix',
      );
  }

  const projects = c.own('tblProjects');
  if (!projects || projects.rows.length === 0) return;
  if (!c.inReach('tblCriteria')) {
    c.skip('SCORE_OUT_OF_SCALE', 'tblProjects', null, ['tblCriteria'], projects.rows.length);
    return;
  }
  const criteria = new Map<string, Row<'tblCriteria'>>();
  for (const k of c.reachRows('tblCriteria'))
    if (k.CriterionId !== '' && !criteria.has(k.CriterionId)) criteria.set(k.CriterionId, k);
  const present = new Set(projects.criteria);
  for (const id of criteria.keys())
    if (!present.has(id))
      c.add(
        'SCORE_MISSING',
        c.at(projects, null, 'ProjectId'),
        `جدول پروژه‌ها ستون امتیاز معیار «${shown(id)}» را ندارد؛ ستونی با عنوان «${shown(id)}» بیفزایید و امتیاز هر پروژه را بنویسید`,
        `tblProjects has no score column for criterion "${shown(id)}"; add a column headed "${shown(id)}" and score each project`,
      );
  for (const p of projects.rows) {
    const blank: string[] = [];
    p.scores.forEach((score, id) => {
      const k = criteria.get(id);
      if (!k) return;
      if (score === null) {
        blank.push(id);
        return;
      }
      const { ScaleMin: lo, ScaleMax: hi } = k;
      if (lo !== null && hi !== null && lo >= hi) return; // CRITERION_SCALE says it
      if ((lo !== null && score < lo) || (hi !== null && score > hi))
        c.add(
          'SCORE_OUT_OF_SCALE',
          c.at(projects, p.row, id),
          `امتیاز پروژه «${shown(p.ProjectId)}» در معیار «${shown(id)}» (${score}) بیرون از مقیاس ${lo ?? '−∞'} تا ${hi ?? '∞'} است؛ امتیاز را در این بازه بنویسید`,
          `project "${shown(p.ProjectId)}" scores ${score} on criterion "${shown(id)}", outside its scale ${lo ?? '−∞'}–${hi ?? '∞'}; give a score within the scale`,
        );
    });
    const first = blank[0];
    // Done and dropped projects are not ranked.
    if (first !== undefined && p.Status !== 'done' && p.Status !== 'dropped')
      c.add(
        'SCORE_MISSING',
        c.at(projects, p.row, first),
        `پروژه «${shown(p.ProjectId)}» در معیار ${blank.map(shown).join('، ')} امتیاز ندارد؛ امتیاز را بنویسید تا اولویت آن درست سنجیده شود`,
        `project "${shown(p.ProjectId)}" has no score on ${blank.map(shown).join(', ')}; fill it in so its priority is scored fairly`,
      );
  }
}
