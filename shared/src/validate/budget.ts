/**
 * Budget lines against the plan (a year's lines for a project or activity
 * within its planned cost that year; capital lines for projects, current
 * lines for activities) and monitoring actuals that would be counted twice.
 */
import { inCurrentBudget } from '../fiscal/heads';
import { formatRials } from '../money';
import type { Row } from '../read/plan';
import type { Checker, IdEntry, TableLike } from './context';
import { idKey, lookup, shown } from './context';

type Spending = IdEntry<'tblProjects'> | IdEntry<'tblActivities'>;

/** BUDGET_OVER_PLAN and BUDGET_KIND_MISMATCH. */
export function checkBudget(c: Checker): void {
  const table = c.own('tblBudgetLines');
  if (!table || table.rows.length === 0) return;
  const projects = c.inReach('tblProjects') ? c.ids('tblProjects') : null;
  const activities = c.inReach('tblActivities') ? c.ids('tblActivities') : null;
  const period = new Set(c.plan.years);

  const both = [projects, activities];
  // Lines by target, then by year (nested maps: no string keys to build per line).
  const groups = new Map<Spending, Map<number, Row<'tblBudgetLines'>[]>>();
  for (const line of table.rows) {
    if (line.LinkedId === '') continue;
    // An ID in both tables is ambiguous, and one in neither is REF_MISSING or left for consolidation.
    const target: Spending | undefined = lookup<Spending>(both, line.LinkedId);
    if (!target) {
      if ((projects === null || activities === null) && !lookup([projects], line.LinkedId))
        c.skip(
          'BUDGET_OVER_PLAN',
          'tblBudgetLines',
          'LinkedId',
          projects === null ? ['tblProjects'] : ['tblActivities'],
        );
      continue;
    }
    const isProject = target.table === 'tblProjects';
    // A financial line (loan principal, equity) may name the item it serves: no mismatch.
    if ((line.Kind === 'capital' && !isProject) || (line.Kind === 'current' && isProject))
      c.add(
        'BUDGET_KIND_MISMATCH',
        c.at(table, line.row, 'Kind'),
        isProject
          ? `ردیف بودجه «${shown(line.BudgetCode)}» «هزینه‌ای (جاری)» است ولی به پروژه «${shown(target.id)}» می‌رسد؛ پروژه‌ها از اعتبار تملک دارایی سرمایه‌ای تأمین می‌شوند، نوع را «تملک دارایی سرمایه‌ای» کنید`
          : `ردیف بودجه «${shown(line.BudgetCode)}» «تملک دارایی سرمایه‌ای» است ولی به فعالیت مستمر «${shown(target.id)}» می‌رسد؛ نوع را «هزینه‌ای (جاری)» کنید`,
        isProject
          ? `budget line "${shown(line.BudgetCode)}" is current but funds project "${shown(target.id)}"; projects are capital spending, set Kind to capital`
          : `budget line "${shown(line.BudgetCode)}" is capital but funds activity "${shown(target.id)}"; continuous activities are current spending, set Kind to current`,
      );
    if (line.Year === null || (period.size > 0 && !period.has(line.Year))) continue;
    // v2: the plan is compared with the current budget (approved + amended + supplement);
    // a proposal and the outturn are reported on their own.
    if (!inCurrentBudget(line)) continue;
    let byYear = groups.get(target);
    if (!byYear) groups.set(target, (byYear = new Map()));
    const lines = byYear.get(line.Year);
    if (lines) lines.push(line);
    else byYear.set(line.Year, [line]);
  }

  for (const [target, byYear] of groups)
    for (const [year, lines] of byYear) overPlan(c, table, target, year, lines);
}

/** BUDGET_OVER_PLAN for one project or activity in one year. */
function overPlan(
  c: Checker,
  table: TableLike,
  target: Spending,
  year: number,
  lines: readonly Row<'tblBudgetLines'>[],
): void {
  const planned = target.row.costs.get(year) ?? 0n;
  let running = (lines[0] as Row<'tblBudgetLines'>).Amount;
  let over = running > planned ? lines[0] : undefined;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as Row<'tblBudgetLines'>;
    running += line.Amount;
    if (!over && running > planned) over = line;
  }
  if (!over || running <= planned) return;
  const isProject = target.table === 'tblProjects';
  const noun = isProject ? { fa: 'پروژه', en: 'project' } : { fa: 'فعالیت', en: 'activity' };
  c.add(
    'BUDGET_OVER_PLAN',
    c.at(table, over.row, 'Amount'),
    `ردیف‌های بودجه ${year} برای ${noun.fa} «${shown(target.id)}» روی هم ${formatRials(running, 'fa')} ریال است، بیش از هزینه برنامه‌ریزی‌شده آن در ${year} (${formatRials(planned, 'fa')} ریال)؛ هزینه ${year} را در برنامه بالا ببرید یا ردیف‌ها را کم کنید`,
    `budget lines of ${year} for ${noun.en} "${shown(target.id)}" total ${formatRials(running)} Rials, above its planned ${year} cost of ${formatRials(planned)} Rials; raise the planned cost or cut the lines`,
  );
}

/** ACTUALS_DUPLICATE, ACTUALS_PERIOD_MIX and ACTUALS_PROGRESS_ON_ACTIVITY. */
export function checkActuals(c: Checker): void {
  const actuals = c.own('tblActuals');
  if (actuals && actuals.rows.length > 0) {
    const projects = c.inReach('tblProjects') ? c.ids('tblProjects') : null;
    const activities = c.inReach('tblActivities') ? c.ids('tblActivities') : null;
    const both = [projects, activities];
    for (const a of actuals.rows) {
      if (a.PhysicalProgress === null || a.LinkedId === '') continue;
      if (lookup<Spending>(both, a.LinkedId)?.table === 'tblActivities')
        c.add(
          'ACTUALS_PROGRESS_ON_ACTIVITY',
          c.at(actuals, a.row, 'PhysicalProgress'),
          `«${shown(a.LinkedId)}» فعالیت مستمر است و پیشرفت فیزیکی ندارد؛ پیشرفت فیزیکی فقط برای پروژه‌ها نوشته می‌شود، خانه را خالی کنید`,
          `"${shown(a.LinkedId)}" is a continuous activity, which has no physical progress; progress is for projects only, clear the cell`,
        );
    }
    periodsOnce(c, actuals, (r) => r.LinkedId, true);
  }
  const kpiActuals = c.own('tblKpiActuals');
  if (kpiActuals && kpiActuals.rows.length > 0) periodsOnce(c, kpiActuals, (r) => r.KpiId, false);
}

interface PeriodRow {
  row: number;
  Year: number | null;
  Period: string | null;
}

function periodsOnce<R extends PeriodRow>(
  c: Checker,
  table: TableLike & { rows: R[] },
  idOf: (r: R) => string,
  // Spending adds up over periods; a KPI's quarterly and yearly measurements do not.
  sums: boolean,
): void {
  const seen = new Map<string, number>();
  const kinds = new Map<string, { fy: boolean; quarter: boolean; reported: boolean }>();
  for (const r of table.rows) {
    const id = idOf(r);
    if (id === '' || r.Year === null || r.Period === null) continue;
    const item = `${idKey(id)}|${r.Year}`;
    const key = `${item}|${r.Period}`;
    const first = seen.get(key);
    if (first !== undefined)
      c.add(
        'ACTUALS_DUPLICATE',
        c.at(table, r.row, 'Period'),
        sums
          ? `برای «${shown(id)}» در ${r.Year} دوره ${r.Period} دو بار آمده است (نخستین بار در ردیف ${first})؛ در جمع دو بار شمرده می‌شود، ردیف‌ها را یکی کنید`
          : `برای شاخص «${shown(id)}» در ${r.Year} دوره ${r.Period} دو مقدار آمده است (نخستین بار در ردیف ${first})؛ مقدار درست را نگه دارید`,
        sums
          ? `"${shown(id)}" has ${r.Period} ${r.Year} twice (first in row ${first}); it would be counted twice, merge the rows`
          : `KPI "${shown(id)}" has two values for ${r.Period} ${r.Year} (first in row ${first}); keep the right one`,
      );
    else seen.set(key, r.row);
    const k = kinds.get(item) ?? { fy: false, quarter: false, reported: false };
    if (r.Period === 'FY') k.fy = true;
    else k.quarter = true;
    kinds.set(item, k);
    if (sums && k.fy && k.quarter && !k.reported) {
      k.reported = true;
      c.add(
        'ACTUALS_PERIOD_MIX',
        c.at(table, r.row, 'Period'),
        `برای «${shown(id)}» در ${r.Year} هم مقدار کل سال (\u2066FY\u2069) آمده و هم فصلی؛ یکی از این دو را نگه دارید تا دو بار شمرده نشود`,
        `"${shown(id)}" has both a full-year (FY) and quarterly values for ${r.Year}; keep one of them so nothing is counted twice`,
      );
    }
  }
}
