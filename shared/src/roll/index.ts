/**
 * Rolling the plan (issue 14, «برنامه غلتان»): the next cycle (start + 1 … end + 1) made from
 * an approved plan and what its monitoring says of the year that is over. One workbook's
 * canonical tables in, the rolled tables out; pure, the register (POST …/roll) and
 * `plan roll` call it.
 *
 * - `tblPlanInfo`: `StartYear` and `BaseYear` one later; the rest kept.
 * - Per-year columns (projects' and activities' costs, KPI targets): the realised year (the
 *   old start) is dropped, the later years keep their values, the new last year is added
 *   empty for the department to fill.
 * - Projects: what was paid in the realised year (its latest cumulative `Paid` in the
 *   monitoring, or for v1 actuals its `FY` `Spent`, else the sum of its periods' `Spent`) is
 *   added to `SpentBefore`; an `approved` (or `proposed`) project that started before the new start and was
 *   paid for becomes `ongoing`; a project that ended before the new start (its last year was
 *   the realised one) leaves the plan and is named in the notes.
 * - Budget lines of the realised year leave the plan (the budget of a year that is over).
 * - `tblRevenueHistory` gains the realised year from `tblRevenueActuals`: each class (and
 *   `Code`) at `FY`, or, when the full year is not reported, at its latest period, which the
 *   notes say (a part of a year is not the year's revenue: the planning office decides).
 * - Monitoring tables (`tblActuals`, `tblRevenueActuals`, `tblKpiActuals`) and a revision's
 *   `tblChanges` do not roll: the new cycle starts with none.
 */
import type { Bilingual } from '../findings';
import type { Period } from '../contract/enums';
import { PERIODS } from '../contract/enums';
import { findTableSpec } from '../contract/tables';
import { periodOrder } from '../monitor/vocabulary';
import type { CanonicalCell, CanonicalRow, CanonicalTable } from '../read/canonical';
import { orderColumns } from '../read/canonical';
import { idKey } from '../util/ids';
import { fsi, toPersianDigits } from '../util/text';

/** A rolled workbook: its tables and what the planning office should know. */
export interface RolledPlan {
  readonly tables: CanonicalTable[];
  /** The first year of the rolled plan. */
  readonly startYear: number;
  /** The year that left the plan (the old start), whose actuals were carried. */
  readonly realisedYear: number;
  readonly notes: Bilingual[];
}

/** Tables that never roll into the next cycle. */
const NOT_ROLLED = new Set(['tblActuals', 'tblRevenueActuals', 'tblKpiActuals', 'tblChanges']);

const rows = (tables: readonly CanonicalTable[], name: string) =>
  tables.find((t) => t.name === name)?.rows ?? [];
const num = (v: CanonicalCell | undefined): number | null =>
  typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null;
const money = (v: CanonicalCell | undefined): bigint =>
  typeof v === 'string' && /^-?\d+$/.test(v) ? BigInt(v) : typeof v === 'number' ? BigInt(v) : 0n;
const isPeriod = (v: CanonicalCell | undefined): v is Period =>
  typeof v === 'string' && PERIODS.some((p) => p.value === v);
const periodFa = (p: Period) => PERIODS.find((x) => x.value === p)?.fa ?? p;
const fa = (n: number) => toPersianDigits(String(n));

/**
 * What each project or activity paid in `year`, from monitoring actuals in the canonical form
 * (by `idKey` of its ID): cumulative v2 actuals give their latest period's `Paid`; v1 actuals
 * (`Spent` per period) their `FY` row, else the sum of their periods.
 */
export function paidInYear(actuals: readonly CanonicalRow[], year: number): Map<string, bigint> {
  const cumulative = actuals.some(
    (r) => r.Paid !== undefined || r.Allocated !== undefined || r.Committed !== undefined,
  );
  const latest = new Map<string, { order: number; paid: bigint }>();
  const sums = new Map<string, { fy: bigint | null; sum: bigint }>();
  for (const r of actuals) {
    if (num(r.Year) !== year || !isPeriod(r.Period) || typeof r.LinkedId !== 'string') continue;
    const id = idKey(r.LinkedId);
    if (cumulative) {
      const order = periodOrder(r.Period);
      const was = latest.get(id);
      if (was === undefined || order >= was.order) latest.set(id, { order, paid: money(r.Paid) });
    } else {
      const s = sums.get(id) ?? { fy: null, sum: 0n };
      if (r.Period === 'FY') s.fy = money(r.Spent);
      else s.sum += money(r.Spent);
      sums.set(id, s);
    }
  }
  const out = new Map<string, bigint>();
  for (const [id, v] of latest) out.set(id, v.paid);
  for (const [id, v] of sums) out.set(id, v.fy ?? v.sum);
  return out;
}

/**
 * The realised revenue of `year` per class and code (canonical `tblRevenueActuals` rows, which
 * are cumulative): the `FY` row, else the latest period's; with the period each came from.
 */
export function realisedRevenue(
  actuals: readonly CanonicalRow[],
  year: number,
): { revenueClass: string; code: string; amount: bigint; period: Period }[] {
  const best = new Map<
    string,
    { revenueClass: string; code: string; amount: bigint; period: Period }
  >();
  for (const r of actuals) {
    if (num(r.Year) !== year || !isPeriod(r.Period) || typeof r.RevenueClass !== 'string') continue;
    const code = typeof r.Code === 'string' ? r.Code : '';
    const key = `${r.RevenueClass}|${idKey(code)}`;
    const was = best.get(key);
    if (was !== undefined && periodOrder(was.period) > periodOrder(r.Period)) continue;
    best.set(key, {
      revenueClass: r.RevenueClass,
      code,
      amount: money(r.Amount),
      period: r.Period,
    });
  }
  return [...best.values()];
}

/** Options of `rollPlan`. */
export interface RollOptions {
  /**
   * The monitoring of the plan's cycle in the canonical form (its `tblActuals` and
   * `tblRevenueActuals`; the latest approved versions): what was paid and realised in the
   * year that leaves the plan.
   */
  readonly monitoring?: readonly CanonicalTable[];
}

/** One workbook's plan rolled a year on (see the module comment). */
export function rollPlan(plan: readonly CanonicalTable[], options: RollOptions = {}): RolledPlan {
  const info = rows(plan, 'tblPlanInfo');
  const infoValue = (key: string) => info.find((r) => r.Key === key)?.Value;
  const start = num(infoValue('StartYear'));
  if (start === null) throw new Error('rollPlan: the plan has no StartYear');
  const years = num(infoValue('Years')) ?? 5;
  const next = start + 1;
  const added = String(start + years);
  const dropped = String(start);
  const monitoring = options.monitoring ?? [];
  const paid = paidInYear(rows(monitoring, 'tblActuals'), start);
  const revenue = realisedRevenue(rows(monitoring, 'tblRevenueActuals'), start);
  const notes: Bilingual[] = [];
  const out: CanonicalTable[] = [];

  for (const table of plan) {
    if (NOT_ROLLED.has(table.name)) continue;
    const spec = findTableSpec(table.name);
    let columns = [...table.columns];
    let rolled: CanonicalRow[] = table.rows.map((r) => ({ ...r }));
    if (table.name === 'tblPlanInfo') {
      rolled = rolled.map((r) => {
        if (r.Key === 'StartYear') return { ...r, Value: next };
        if (r.Key === 'BaseYear' && num(r.Value) !== null)
          return { ...r, Value: (num(r.Value) as number) + 1 };
        return r;
      });
    }
    if (spec?.yearColumns) {
      columns = orderColumns(table.name, [...columns.filter((c) => c !== dropped), added]);
      for (const r of rolled) delete r[dropped];
    }
    if (table.name === 'tblProjects') {
      const gone: string[] = [];
      rolled = rolled.filter((r) => {
        const end = num(r.EndYear);
        if (end !== null && end < next) {
          gone.push(String(r.ProjectId ?? ''));
          return false;
        }
        return true;
      });
      for (const r of rolled) {
        const spent = paid.get(idKey(String(r.ProjectId ?? ''))) ?? 0n;
        if (spent !== 0n) {
          r.SpentBefore = (money(r.SpentBefore) + spent).toString();
          if (!columns.includes('SpentBefore'))
            columns = orderColumns(table.name, [...columns, 'SpentBefore']);
          const begun = num(r.StartYear);
          if (
            (r.Status === 'approved' || r.Status === 'proposed') &&
            begun !== null &&
            begun < next
          )
            r.Status = 'ongoing';
        }
      }
      if (gone.length > 0)
        notes.push({
          fa: `${fa(gone.length)} پروژه که آخرین سالشان ${fa(start)} بود در برنامه ${fa(next)} نیامدند: ${gone.map(fsi).join('، ')}`,
          en: `${gone.length} project(s) whose last year was ${start} leave the ${next} plan: ${gone.join(', ')}`,
        });
    }
    if (table.name === 'tblBudgetLines')
      rolled = rolled.filter((r) => {
        const y = num(r.Year);
        return y === null || y >= next;
      });
    if (table.name === 'tblRevenueHistory' && revenue.length > 0) {
      const realised = new Set(revenue.map((v) => `${v.revenueClass}|${idKey(v.code)}`));
      rolled = rolled.filter(
        (r) =>
          num(r.Year) !== start ||
          !realised.has(`${String(r.RevenueClass)}|${idKey(String(r.Code ?? ''))}`),
      );
      const keys = [
        'RevenueClass',
        'Year',
        'Amount',
        ...(revenue.some((v) => v.code) ? ['Code'] : []),
      ];
      columns = orderColumns(table.name, [...columns, ...keys]);
      for (const v of revenue) {
        const row: CanonicalRow = {
          RevenueClass: v.revenueClass,
          Year: start,
          Amount: v.amount.toString(),
        };
        if (v.code !== '') row.Code = v.code;
        rolled.push(row);
      }
      const partial = [...new Set(revenue.filter((v) => v.period !== 'FY').map((v) => v.period))];
      if (partial.length > 0)
        notes.push({
          fa: `درآمد ${fa(start)} در سابقه درآمد از گزارش ${partial.map(periodFa).join('، ')} آمده است، نه از کل سال؛ پس از گزارش کل سال آن را به‌روز کنید`,
          en: `the ${start} revenue history comes from the ${partial.join(', ')} report, not the full year (FY); update it once the year is reported`,
        });
    }
    out.push({ name: table.name, columns, rows: rolled });
  }
  if (
    revenue.length > 0 &&
    !out.some((t) => t.name === 'tblRevenueHistory') &&
    plan.some((t) => t.name === 'tblRevenueScenarios')
  )
    notes.push({
      fa: `این کارپوشه سابقه درآمد ندارد؛ درآمد تحقق‌یافته ${fa(start)} به آن افزوده نشد`,
      en: `this workbook has no revenue history; the realised revenue of ${start} was not added`,
    });
  return { tables: out, startYear: next, realisedYear: start, notes };
}
