/**
 * A department's monitoring workbook against the approved plan of its cycle (contract v2,
 * issue 14): what the register checks at a monitoring push, beyond the workbook's own rules.
 *
 * - ACTUAL_NOT_IN_PLAN: an actual (`tblActuals`) for a project or activity that the
 *   department's approved plan does not have: it could be measured against nothing.
 * - KPI_ACTUAL_NOT_IN_PLAN: a KPI reading (`tblKpiActuals`) for a KPI that neither the
 *   department's approved plan nor the framework (a KPI whose `OwnerDept` is the department)
 *   has.
 * - REVENUE_ACTUAL_NOT_FINANCE: realised revenue (`tblRevenueActuals`) in the monitoring of a
 *   department that does not answer for revenue: the city's revenue is reported once, by the
 *   department that files the cycle's revenue workbook.
 * - MONITORING_PERIOD_CLOSED: each new period is a new version of the department's monitoring
 *   submission, its amounts cumulative, so the periods of the version approved before are
 *   closed: their rows come again unchanged (and are not checked again: a period is checked
 *   once, against the plan of its time), and a new or changed row of a period at or before
 *   the latest approved one, or a row of it left out, is a finding (periods in order).
 *
 * Pure: the register gives the plans (read from its approved versions), this decides.
 */
import type { Period } from '../contract/enums';
import { periodOrder } from '../monitor/vocabulary';
import type { Plan, Row } from '../read/plan';
import { PERIODS } from '../contract/enums';
import type { Finding } from '../findings';
import type { TableLike } from './context';
import { Checker, idKey, shown } from './context';

/** What a monitoring workbook is checked against. */
export interface MonitoringReference {
  /** The department filing the monitoring (its DeptId). */
  readonly department: string;
  /** The department's approved plan in the cycle (its projects, activities, KPIs); null: none. */
  readonly approved: Plan | null;
  /** The cycle's approved framework (its KPIs owned by the department count); null: none. */
  readonly framework: Plan | null;
  /** The departments that answer for revenue (who files the cycle's revenue workbook). */
  readonly revenueDepartments: readonly string[];
  /** The latest approved version of this monitoring submission before this push, if any. */
  readonly previous?: Plan | null;
}

type MonitoringTable = 'tblActuals' | 'tblKpiActuals' | 'tblRevenueActuals';
/** A row of one of them. */
type MonitoringRow = Row<'tblActuals'> | Row<'tblKpiActuals'> | Row<'tblRevenueActuals'>;

/** The row's item and period, and its figures, as compared between versions. */
function rowKey(name: MonitoringTable, r: MonitoringRow): { key: string; values: string } {
  const at = `${r.Year ?? ''}|${r.Period ?? ''}`;
  if (name === 'tblActuals') {
    const a = r as Row<'tblActuals'>;
    return {
      key: `A|${idKey(a.LinkedId)}|${at}`,
      values: [a.Spent, a.Allocated, a.Committed, a.Paid, a.PhysicalProgress].join('|'),
    };
  }
  if (name === 'tblKpiActuals') {
    const k = r as Row<'tblKpiActuals'>;
    return { key: `K|${idKey(k.KpiId)}|${at}`, values: String(k.Actual) };
  }
  const v = r as Row<'tblRevenueActuals'>;
  return { key: `R|${v.RevenueClass ?? ''}|${idKey(v.Code)}|${at}`, values: String(v.Amount) };
}

/** The item a row reports, for messages. */
function rowItem(name: MonitoringTable, r: MonitoringRow): string {
  if (name === 'tblActuals') return (r as Row<'tblActuals'>).LinkedId;
  if (name === 'tblKpiActuals') return (r as Row<'tblKpiActuals'>).KpiId;
  const v = r as Row<'tblRevenueActuals'>;
  return v.Code === '' ? (v.RevenueClass ?? '') : `${v.RevenueClass ?? ''} / ${v.Code}`;
}

const TABLES: readonly MonitoringTable[] = ['tblActuals', 'tblKpiActuals', 'tblRevenueActuals'];

/** A period's place in time: year, then the period's end (FY after Q4). */
const when = (year: number, period: Period) => year * 100 + periodOrder(period);
const periodFa = (p: Period | null) => PERIODS.find((x) => x.value === p)?.fa ?? '';

/** The latest period a plan's monitoring rows report, or null. */
function latestPeriod(plan: Plan): { year: number; period: Period; at: number } | null {
  let best: { year: number; period: Period; at: number } | null = null;
  for (const name of TABLES) {
    const t = plan.tables[name] as { rows: MonitoringRow[] } | undefined;
    for (const r of t?.rows ?? []) {
      if (r.Year === null || r.Period === null) continue;
      const at = when(r.Year, r.Period);
      if (best === null || at > best.at) best = { year: r.Year, period: r.Period, at };
    }
  }
  return best;
}

/** The monitoring workbook's findings against the approved plan of its cycle. */
export function checkMonitoringAgainstPlan(
  monitoring: Plan,
  ref: MonitoringReference,
): { findings: Finding[] } {
  const c = new Checker(monitoring);
  const dept = idKey(ref.department);
  const deptShown = shown(ref.department);

  // Rows of the periods already approved, unchanged, are not checked again.
  const closed = ref.previous ? latestPeriod(ref.previous) : null;
  const before = new Map<string, string>();
  if (ref.previous)
    for (const name of TABLES) {
      const t = ref.previous.tables[name] as { rows: MonitoringRow[] } | undefined;
      for (const r of t?.rows ?? []) {
        const { key, values } = rowKey(name, r);
        before.set(key, values);
      }
    }
  const seen = new Set<string>();
  /** True when the row is a closed period's, as approved: checked once, not again. */
  const checkedBefore = (name: MonitoringTable, table: TableLike, r: MonitoringRow) => {
    const { key, values } = rowKey(name, r);
    seen.add(key);
    if (closed === null || r.Year === null || r.Period === null) return false;
    if (when(r.Year, r.Period) > closed.at) return false;
    const was = before.get(key);
    if (was === values) return true;
    const item = shown(rowItem(name, r));
    c.add(
      'MONITORING_PERIOD_CLOSED',
      c.at(table, r.row, 'Period'),
      was === undefined
        ? `«${item}» در ${periodFa(r.Period)} ${r.Year} ردیف تازه‌ای است، حال آنکه گزارش تا ${periodFa(closed.period)} ${closed.year} پیش‌تر تصویب شده است؛ هر دوره یک بار و به ترتیب گزارش می‌شود، اصلاح را در مبلغ انباشته دوره بعد بیاورید`
        : `«${item}» در ${periodFa(r.Period)} ${r.Year} با نسخه تصویب‌شده پیشین (گزارش تا ${periodFa(closed.period)} ${closed.year}) فرق دارد؛ دوره‌ای که تصویب شده بسته است، اصلاح را در مبلغ انباشته دوره بعد بیاورید`,
      was === undefined
        ? `"${item}" at ${r.Period} ${r.Year} is a new row, but the report up to ${closed.period} ${closed.year} was approved before; each period is reported once and in order, carry a correction in the next period's cumulative figure`
        : `"${item}" at ${r.Period} ${r.Year} differs from the approved version before it (reported up to ${closed.period} ${closed.year}); an approved period is closed, carry a correction in the next period's cumulative figure`,
    );
    return false;
  };

  // Projects and activities of the department's approved plan.
  const items = new Set<string>();
  for (const p of ref.approved?.tables.tblProjects?.rows ?? []) items.add(idKey(p.ProjectId));
  for (const a of ref.approved?.tables.tblActivities?.rows ?? []) items.add(idKey(a.ActivityId));
  const actuals = c.own('tblActuals');
  for (const a of actuals?.rows ?? []) {
    if (checkedBefore('tblActuals', actuals as TableLike, a) || a.LinkedId === '') continue;
    if (items.has(idKey(a.LinkedId))) continue;
    const id = shown(a.LinkedId);
    c.add(
      'ACTUAL_NOT_IN_PLAN',
      c.at(actuals as TableLike, a.row, 'LinkedId'),
      ref.approved === null
        ? `برای «${id}» عملکرد آمده، ولی واحد ${deptShown} در این دوره برنامه‌ریزی برنامه تصویب‌شده‌ای ندارد؛ عملکرد با برنامه تصویب‌شده سنجیده می‌شود، نخست برنامه واحد را به تصویب برسانید`
        : `«${id}» پروژه یا فعالیتی از برنامه تصویب‌شده واحد ${deptShown} نیست؛ شناسه را اصلاح کنید، یا اگر قلم از آنِ واحد دیگری است عملکردش را آن واحد گزارش کند`,
      ref.approved === null
        ? `"${id}" has an actual, but department ${ref.department} has no approved plan in this cycle; actuals are measured against the approved plan, have the department's plan approved first`
        : `"${id}" is not a project or activity of department ${ref.department}'s approved plan; correct the ID, or if the item is another department's, let that department report it`,
    );
  }

  // KPIs of the department's approved plan and the framework's KPIs it owns.
  const kpis = new Set<string>();
  for (const k of ref.approved?.tables.tblKpis?.rows ?? []) kpis.add(idKey(k.KpiId));
  for (const k of ref.framework?.tables.tblKpis?.rows ?? [])
    if (idKey(k.OwnerDept) === dept) kpis.add(idKey(k.KpiId));
  const readings = c.own('tblKpiActuals');
  for (const k of readings?.rows ?? []) {
    if (checkedBefore('tblKpiActuals', readings as TableLike, k) || k.KpiId === '') continue;
    if (kpis.has(idKey(k.KpiId))) continue;
    const id = shown(k.KpiId);
    c.add(
      'KPI_ACTUAL_NOT_IN_PLAN',
      c.at(readings as TableLike, k.row, 'KpiId'),
      `شاخص «${id}» نه در برنامه تصویب‌شده واحد ${deptShown} هست و نه در چارچوب به نام این واحد؛ شناسه را اصلاح کنید، یا مقدار شاخص را واحد متولی آن گزارش کند`,
      `KPI "${id}" is neither in department ${ref.department}'s approved plan nor owned by it in the framework; correct the ID, or let the KPI's owner report its value`,
    );
  }

  // Realised revenue: the revenue department's alone.
  const revenue = c.own('tblRevenueActuals');
  const answersForRevenue = ref.revenueDepartments.some((d) => idKey(d) === dept);
  const finance = ref.revenueDepartments.map((d) => shown(d));
  for (const r of revenue?.rows ?? []) {
    if (checkedBefore('tblRevenueActuals', revenue as TableLike, r) || answersForRevenue) continue;
    const what = shown(rowItem('tblRevenueActuals', r));
    c.add(
      'REVENUE_ACTUAL_NOT_FINANCE',
      c.at(revenue as TableLike, r.row, 'Amount'),
      finance.length === 0
        ? `درآمد تحقق‌یافته «${what}» در پایش واحد ${deptShown} آمده، ولی هیچ واحدی کارپوشه درآمد این دوره برنامه‌ریزی را نفرستاده است؛ درآمد را واحد مالی که کارپوشه درآمد را می‌فرستد گزارش می‌کند`
        : `درآمد تحقق‌یافته «${what}» در پایش واحد ${deptShown} آمده؛ درآمد شهر را فقط واحد مالی (${finance.join('، ')}) که کارپوشه درآمد را می‌فرستد گزارش می‌کند، این ردیف‌ها را از کارپوشه بردارید`,
      finance.length === 0
        ? `realised revenue "${what}" is in department ${ref.department}'s monitoring, but no department files this cycle's revenue workbook; revenue is reported by the finance department that files it`
        : `realised revenue "${what}" is in department ${ref.department}'s monitoring; the city's revenue is reported only by the finance department (${ref.revenueDepartments.join(', ')}) that files the revenue workbook, remove these rows`,
    );
  }

  // A closed period's row left out of this version.
  if (closed !== null && ref.previous) {
    let first: { table: MonitoringTable; item: string; year: number; period: Period } | null = null;
    let missing = 0;
    for (const name of TABLES) {
      const t = ref.previous.tables[name] as { rows: MonitoringRow[] } | undefined;
      for (const r of t?.rows ?? []) {
        if (r.Year === null || r.Period === null) continue;
        if (seen.has(rowKey(name, r).key)) continue;
        missing++;
        first ??= { table: name, item: rowItem(name, r), year: r.Year, period: r.Period };
      }
    }
    if (first !== null) {
      const own = c.own(first.table);
      const item = shown(first.item);
      c.add(
        'MONITORING_PERIOD_CLOSED',
        own ? c.at(own as TableLike, null, 'Period') : { table: first.table },
        `${missing} ردیف از نسخه تصویب‌شده پیشین در این نسخه نیست (نخستین: «${item}» در ${periodFa(first.period)} ${first.year})؛ هر نسخه پایش همه دوره‌های گزارش‌شده سال را با مبالغ انباشته دارد، ردیف‌ها را برگردانید`,
        `${missing} row(s) of the approved version before are not in this version (first: "${item}" at ${first.period} ${first.year}); each monitoring version holds every period reported so far, with cumulative amounts, put them back`,
      );
    }
  }
  return { findings: c.findings };
}
