/**
 * Budget lines against the plan (a year's lines for a project or activity
 * within its planned cost that year; capital lines for projects, current
 * lines for activities) and monitoring actuals that would be counted twice.
 */
import { inCurrentBudget } from '../fiscal/heads';
import { formatRials } from '../money';
import type { Period } from '../contract/enums';
import { PERIODS } from '../contract/enums';
import { isCumulativeActuals, periodOrder } from '../monitor/vocabulary';
import type { Row, Table } from '../read/plan';
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

/**
 * ACTUALS_DUPLICATE, ACTUALS_PERIOD_MIX, ACTUALS_PROGRESS_ON_ACTIVITY, and v2's
 * PROGRESS_DECREASED, COMMITTED_OVER_ALLOCATED and PAID_OVER_COMMITTED; the periods of
 * `tblRevenueActuals` once per class, code and year.
 */
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
    const cumulative = isCumulativeActuals(actuals);
    periodsOnce(c, actuals, (r) => r.LinkedId, cumulative ? 'cumulative' : 'sums');
    progressNeverFalls(c, actuals);
    if (cumulative) paidWithinCommitted(c, actuals);
  }
  const revenue = c.own('tblRevenueActuals');
  if (revenue && revenue.rows.length > 0)
    periodsOnce(
      c,
      revenue,
      (r) =>
        r.RevenueClass === null
          ? ''
          : r.Code === ''
            ? r.RevenueClass
            : `${r.RevenueClass} / ${r.Code}`,
      'cumulative',
    );
  const kpiActuals = c.own('tblKpiActuals');
  if (kpiActuals && kpiActuals.rows.length > 0)
    periodsOnce(c, kpiActuals, (r) => r.KpiId, 'readings');
}

/**
 * PROGRESS_DECREASED: a project's `PhysicalProgress` is cumulative over its life, so it
 * never falls from one period to the next (rows in year and period order; a later row of
 * the same period end, e.g. `H1` beside `Q2`, counts as next).
 */
function progressNeverFalls(c: Checker, actuals: Table<'tblActuals'>): void {
  const byItem = new Map<string, Row<'tblActuals'>[]>();
  for (const a of actuals.rows) {
    if (a.LinkedId === '' || a.Year === null || a.Period === null || a.PhysicalProgress === null)
      continue;
    const key = idKey(a.LinkedId);
    const list = byItem.get(key);
    if (list) list.push(a);
    else byItem.set(key, [a]);
  }
  for (const rows of byItem.values()) {
    const sorted = [...rows].sort(
      (a, b) =>
        (a.Year as number) - (b.Year as number) ||
        periodOrder(a.Period as Period) - periodOrder(b.Period as Period) ||
        a.row - b.row,
    );
    for (let i = 1; i < sorted.length; i++) {
      const before = sorted[i - 1] as Row<'tblActuals'>;
      const now = sorted[i] as Row<'tblActuals'>;
      const was = before.PhysicalProgress as number;
      const is = now.PhysicalProgress as number;
      if (is >= was) continue;
      c.add(
        'PROGRESS_DECREASED',
        c.at(actuals, now.row, 'PhysicalProgress'),
        `پیشرفت فیزیکی «${shown(now.LinkedId)}» از ${was}٪ در ${periodFa(before.Period)} ${before.Year} به ${is}٪ در ${periodFa(now.Period)} ${now.Year} کم شده است؛ پیشرفت فیزیکی از آغاز پروژه انباشته است و کم نمی‌شود، یکی از دو مقدار را اصلاح کنید`,
        `physical progress of "${shown(now.LinkedId)}" falls from ${was}% at ${before.Period} ${before.Year} to ${is}% at ${now.Period} ${now.Year}; progress is cumulative over the project's life and never falls, correct one of the two`,
      );
    }
  }
}

/** COMMITTED_OVER_ALLOCATED and PAID_OVER_COMMITTED, where both columns are in the table. */
function paidWithinCommitted(c: Checker, actuals: Table<'tblActuals'>): void {
  const has = (k: string) => actuals.columns.has(k);
  for (const a of actuals.rows) {
    const id = shown(a.LinkedId);
    const when = `${a.Period ?? ''} ${a.Year ?? ''}`.trim();
    const whenFa = `${periodFa(a.Period)} ${a.Year ?? ''}`.trim();
    if (has('Committed') && has('Allocated') && a.Committed > a.Allocated)
      c.add(
        'COMMITTED_OVER_ALLOCATED',
        c.at(actuals, a.row, 'Committed'),
        `تعهد «${id}» در ${whenFa} (${formatRials(a.Committed, 'fa')} ریال) از اعتبار تخصیص‌یافته (${formatRials(a.Allocated, 'fa')} ریال) بیشتر است؛ تعهد بی‌پشتوانه اعتبار است، یکی از دو مبلغ را اصلاح کنید`,
        `committed for "${id}" at ${when} (${formatRials(a.Committed)} Rials) is above its allocation (${formatRials(a.Allocated)} Rials); a commitment without allocation has no credit behind it, correct one of the two`,
      );
    if (has('Paid') && has('Committed') && a.Paid > a.Committed)
      c.add(
        'PAID_OVER_COMMITTED',
        c.at(actuals, a.row, 'Paid'),
        `پرداخت «${id}» در ${whenFa} (${formatRials(a.Paid, 'fa')} ریال) از تعهد آن (${formatRials(a.Committed, 'fa')} ریال) بیشتر است؛ پرداخت بدون تعهد ثبت نمی‌شود، یکی از دو مبلغ را اصلاح کنید`,
        `paid for "${id}" at ${when} (${formatRials(a.Paid)} Rials) is above its commitment (${formatRials(a.Committed)} Rials); nothing is paid without a commitment, correct one of the two`,
      );
  }
}

/** A period as Persian text says it («شش‌ماهه اول»). */
const periodFa = (p: Period | null) => PERIODS.find((x) => x.value === p)?.fa ?? '';

interface PeriodRow {
  row: number;
  Year: number | null;
  Period: Period | null;
}

/**
 * How the periods of a table add up: `sums` (v1's `Spent`: amounts per period, the year's
 * total their sum, so a full year or half beside the quarters it covers counts twice),
 * `cumulative` (v2: each period's figure is to date, so any mix is fine) or `readings` (a
 * KPI's measurement: never summed).
 */
type PeriodMode = 'sums' | 'cumulative' | 'readings';

function periodsOnce<R extends PeriodRow>(
  c: Checker,
  table: TableLike & { rows: R[] },
  idOf: (r: R) => string,
  mode: PeriodMode,
): void {
  const seen = new Map<string, number>();
  const kinds = new Map<string, { periods: Set<Period>; reported: boolean }>();
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
        mode === 'sums'
          ? `برای «${shown(id)}» در ${r.Year} دوره ${r.Period} دو بار آمده است (نخستین بار در ردیف ${first})؛ در جمع دو بار شمرده می‌شود، ردیف‌ها را یکی کنید`
          : mode === 'cumulative'
            ? `برای «${shown(id)}» در ${r.Year} دوره ${periodFa(r.Period)} دو بار آمده است (نخستین بار در ردیف ${first})؛ هر دوره یک بار و با مبلغ انباشته تا پایان آن می‌آید، ردیف درست را نگه دارید`
            : `برای شاخص «${shown(id)}» در ${r.Year} دوره ${r.Period} دو مقدار آمده است (نخستین بار در ردیف ${first})؛ مقدار درست را نگه دارید`,
        mode === 'sums'
          ? `"${shown(id)}" has ${r.Period} ${r.Year} twice (first in row ${first}); it would be counted twice, merge the rows`
          : mode === 'cumulative'
            ? `"${shown(id)}" has ${r.Period} ${r.Year} twice (first in row ${first}); each period is given once, to date, keep the right row`
            : `KPI "${shown(id)}" has two values for ${r.Period} ${r.Year} (first in row ${first}); keep the right one`,
      );
    else seen.set(key, r.row);
    if (mode !== 'sums') continue;
    const k = kinds.get(item) ?? { periods: new Set<Period>(), reported: false };
    k.periods.add(r.Period);
    kinds.set(item, k);
    if (!k.reported && overlaps(k.periods)) {
      k.reported = true;
      // FY beside quarters; else FY beside H1, or H1 beside Q1 or Q2 (the half's message).
      const fy = k.periods.has('FY') && [...k.periods].some((p) => p.startsWith('Q'));
      c.add(
        'ACTUALS_PERIOD_MIX',
        c.at(table, r.row, 'Period'),
        fy
          ? `برای «${shown(id)}» در ${r.Year} هم مقدار کل سال (\u2066FY\u2069) آمده و هم فصلی؛ یکی از این دو را نگه دارید تا دو بار شمرده نشود`
          : `برای «${shown(id)}» در ${r.Year} هم مقدار شش‌ماهه اول (\u2066H1\u2069) آمده و هم مقداری که با آن هم‌پوشان است (کل سال یا سه‌ماهه اول یا دوم)؛ یکی از این دو را نگه دارید تا دو بار شمرده نشود`,
        fy
          ? `"${shown(id)}" has both a full-year (FY) and quarterly values for ${r.Year}; keep one of them so nothing is counted twice`
          : `"${shown(id)}" has both a first-half (H1) value and one it overlaps (FY, Q1 or Q2) for ${r.Year}; keep one of them so nothing is counted twice`,
      );
    }
  }
}

/** True when per-period amounts would count a stretch of the year twice (FY or H1 with what they cover). */
function overlaps(periods: ReadonlySet<Period>): boolean {
  const quarters = ['Q1', 'Q2', 'Q3', 'Q4'].filter((q) => periods.has(q as Period)).length;
  if (periods.has('FY')) return quarters > 0 || periods.has('H1');
  if (periods.has('H1')) return periods.has('Q1') || periods.has('Q2');
  return false;
}
