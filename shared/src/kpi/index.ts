/**
 * KPI progress and status (plan-workbook.md, "Calculations": KPI progress),
 * and the monitoring report of every KPI by year: target, actual, progress,
 * status and the trend of achievement.
 */
import type { KpiDirection, KpiLevel, Period } from '../contract/enums';
import type { Bilingual } from '../findings';
import { entriesOf, idKey } from '../linkage/rows';
import type { Plan } from '../read/plan';

/** The numbers one KPI progress is computed from. */
export interface KpiProgressInput {
  readonly baseline: number | null;
  readonly target: number | null;
  readonly actual: number | null;
  readonly direction: KpiDirection | null;
}

/**
 * Progress of a KPI toward its target in a year (1 = target reached):
 * - `increase`, `decrease`: `(a − b)/(t − b)`; when `t = b`, 1 if `a` is on
 *   the desired side of `b` or equal (≥ for increase, ≤ for decrease), else 0;
 * - `maintain`: `1 − |a − t|/|t|`, floored at 0 (baseline not used); when
 *   `t = 0`, 1 if `a = 0` else 0 (any departure from a zero target is total).
 *
 * Not capped: above 1 is over-achievement, below 0 a move away from the
 * target (status reads both). Null when a needed number is missing or not
 * finite (or the quotient overflows), or the direction is null; callers
 * pass a direction read with `readEnum(…, KPI_DIRECTIONS)`.
 * Allocation-free: an Excel function wraps it.
 */
export function kpiProgress(input: KpiProgressInput): number | null {
  return progressOf(input.direction, input.baseline, input.target, input.actual);
}

// Written for speed (an Excel function recalculates it over whole columns):
// the common case is one division and one finiteness test (`x - x === 0` is
// false exactly for NaN and ±Infinity); the rare cases (t = b, a number that
// is not finite) are sorted out only when the quotient is not finite.
function progressOf(
  direction: KpiDirection | null,
  b: number | null,
  t: number | null,
  a: number | null,
): number | null {
  if (a === null || t === null || direction === null) return null;
  if (direction === 'maintain') {
    if (a - a !== 0 || t - t !== 0) return null;
    if (t === 0) return a === 0 ? 1 : 0;
    const p = 1 - Math.abs(a - t) / Math.abs(t);
    return p > 0 ? p : 0;
  }
  if (b === null) return null;
  const r = (a - b) / (t - b);
  // + 0 turns −0 (a = b with t < b) into 0, which is how people read it.
  if (r - r === 0 && t - t === 0) return r + 0;
  if (t !== b || a - a !== 0 || b - b !== 0) return null;
  // t = b: 1 when a is on the desired side of b or equal, else 0.
  return (direction === 'increase' ? a >= b : a <= b) ? 1 : 0;
}

/** Status of a KPI's progress. */
export type KpiStatus = 'on-track' | 'at-risk' | 'off-track' | 'no-data';

/** Progress from which a KPI is on track (contract "KPI progress"). */
export const KPI_ON_TRACK_FROM = 0.9;
/** Progress from which a KPI is at risk, below on track (contract "KPI progress"). */
export const KPI_AT_RISK_FROM = 0.6;
/**
 * Slack on the thresholds for floating-point noise: (a − b)/(t − b) for
 * b = 1.1, t = 2.1, a = 2.0 is 0.8999999999999999 in binary floating point,
 * which people (and Excel's display) read as 0.9.
 */
export const KPI_STATUS_EPSILON = 1e-9;

/** The statuses with their captions. */
export const KPI_STATUSES: ReadonlyArray<{ readonly value: KpiStatus } & Bilingual> = [
  { value: 'on-track', fa: 'مطابق برنامه', en: 'On track' },
  { value: 'at-risk', fa: 'در معرض خطر', en: 'At risk' },
  { value: 'off-track', fa: 'عقب از برنامه', en: 'Off track' },
  { value: 'no-data', fa: 'بدون داده', en: 'No data' },
];

/**
 * On track at progress ≥ 0.9, at risk ≥ 0.6, off track below; no data when
 * the progress is null or NaN.
 */
export function kpiStatus(progress: number | null): KpiStatus {
  if (progress === null || Number.isNaN(progress)) return 'no-data';
  if (progress >= KPI_ON_TRACK_FROM - KPI_STATUS_EPSILON) return 'on-track';
  if (progress >= KPI_AT_RISK_FROM - KPI_STATUS_EPSILON) return 'at-risk';
  return 'off-track';
}

/** One year of a KPI that has an actual. */
export interface KpiYear {
  readonly year: number;
  /** The year's target; null when the KPI has none for the year. */
  readonly target: number | null;
  readonly actual: number;
  /** Where the actual came from: `FY`, or the latest quarter reported. */
  readonly period: Period;
  /** True when the actual is a quarter's reading (the year is not closed). */
  readonly provisional: boolean;
  readonly progress: number | null;
  readonly status: KpiStatus;
}

/** Direction of achievement over the years. */
export type KpiTrend = 'improving' | 'steady' | 'worsening' | 'insufficient-data';

/**
 * Change of progress per year within which a trend is steady: 5 percentage
 * points a year (±0.05). A judgement, not a standard: smaller yearly moves are
 * within the measurement noise of most municipal indicators; see docs/calculations.md.
 */
export const KPI_TREND_STEADY_SLOPE = 0.05;

/** The trends with their captions (the pane's KPI view). */
export const KPI_TRENDS: ReadonlyArray<{ readonly value: KpiTrend } & Bilingual> = [
  { value: 'improving', fa: 'رو به بهبود', en: 'Improving' },
  { value: 'steady', fa: 'بی‌تغییر', en: 'Steady' },
  { value: 'worsening', fa: 'رو به افت', en: 'Worsening' },
  { value: 'insufficient-data', fa: 'داده کافی نیست', en: 'Too few years' },
];

/** One KPI in the monitoring report. */
export interface KpiReportEntry {
  readonly kpiId: string;
  readonly title: string;
  readonly level: KpiLevel | null;
  readonly linkedId: string;
  readonly unit: string;
  readonly direction: KpiDirection | null;
  readonly baseline: number | null;
  readonly baselineYear: number | null;
  /** True when the KPI row comes from reference data (the city framework). */
  readonly reference: boolean;
  /** Years with an actual, in order. */
  readonly years: readonly KpiYear[];
  /** The last of `years`, or null. */
  readonly latest: KpiYear | null;
  readonly trend: KpiTrend;
  /** Least-squares slope of progress per year over the years with a progress; null with fewer than two. */
  readonly trendSlope: number | null;
}

// Quarters later in the year win; FY wins over all.
// H1 ends with Q2 (v2): it ranks with it, and of the two the later row wins.
const PERIOD_RANK: Record<Period, number> = { Q1: 1, Q2: 2, H1: 2, Q3: 3, Q4: 4, FY: 5 };

/** One reading of a KPI as the register publishes it. */
export interface KpiReading {
  readonly year: number;
  readonly period: Period;
  readonly actual: number;
}

/**
 * The reading that stands for a KPI now: of the latest year with a reading, its `FY` value,
 * else its latest quarter's (the rule of `kpiReport`); of two for the same period, the later.
 * Null without readings.
 */
export function latestKpiReading<R extends KpiReading>(readings: readonly R[]): R | null {
  let best: R | null = null;
  for (const r of readings)
    if (
      best === null ||
      r.year > best.year ||
      (r.year === best.year && PERIOD_RANK[r.period] >= PERIOD_RANK[best.period])
    )
      best = r;
  return best;
}

/**
 * The KPI monitoring report: for each KPI, each year with an actual, its
 * target, actual, progress and status, and the trend.
 *
 * The actual of a year is its `FY` value when given, else the latest
 * quarter's (marked provisional). Quarterly values are taken as year-to-date
 * or point-in-time readings, never summed: right for levels and rates and
 * for cumulative KPIs reported to date; a KPI whose quarters are separate
 * flows must report its `FY` value. Two rows for the same KPI, year and period:
 * the later row wins.
 *
 * KPIs are the workbook's own, plus the reference KPIs (city framework) that
 * have an actual here. Actuals come from the workbook's `tblKpiActuals`, or the
 * reference's when the workbook has none.
 */
export function kpiReport(plan: Plan): KpiReportEntry[] {
  const readings = new Map<string, Map<number, { period: Period; actual: number }>>();
  for (const { row } of entriesOf(plan, 'tblKpiActuals')) {
    if (row.Year === null || row.Period === null || row.Actual === null) continue;
    const key = idKey(row.KpiId);
    let byYear = readings.get(key);
    if (!byYear) readings.set(key, (byYear = new Map()));
    const have = byYear.get(row.Year);
    if (!have || PERIOD_RANK[row.Period] >= PERIOD_RANK[have.period])
      byYear.set(row.Year, { period: row.Period, actual: row.Actual });
  }
  const out: KpiReportEntry[] = [];
  for (const { row, table } of entriesOf(plan, 'tblKpis')) {
    const byYear = readings.get(idKey(row.KpiId));
    if (table.reference && !byYear) continue;
    const years: KpiYear[] = [...(byYear ?? new Map<number, never>())]
      .sort(([a], [b]) => a - b)
      .map(([year, r]) => {
        const target = row.targets.get(year) ?? null;
        const progress = progressOf(row.Direction, row.Baseline, target, r.actual);
        return {
          year,
          target,
          actual: r.actual,
          period: r.period,
          provisional: r.period !== 'FY',
          progress,
          status: kpiStatus(progress),
        };
      });
    const slope = trendSlope(years);
    out.push({
      kpiId: row.KpiId,
      title: row.Title,
      level: row.Level,
      linkedId: row.LinkedId,
      unit: row.Unit,
      direction: row.Direction,
      baseline: row.Baseline,
      baselineYear: row.BaselineYear,
      reference: table.reference,
      years,
      latest: years[years.length - 1] ?? null,
      trend:
        slope === null
          ? 'insufficient-data'
          : slope > KPI_TREND_STEADY_SLOPE
            ? 'improving'
            : slope < -KPI_TREND_STEADY_SLOPE
              ? 'worsening'
              : 'steady',
      trendSlope: slope,
    });
  }
  return out;
}

/** Ordinary least-squares slope of progress on year; null with fewer than two points. */
function trendSlope(years: readonly KpiYear[]): number | null {
  const pts = years.filter((y): y is KpiYear & { progress: number } => y.progress !== null);
  if (pts.length < 2) return null;
  const n = pts.length;
  const mx = pts.reduce((s, p) => s + p.year, 0) / n;
  const my = pts.reduce((s, p) => s + p.progress, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of pts) {
    sxy += (p.year - mx) * (p.progress - my);
    sxx += (p.year - mx) ** 2;
  }
  return sxx === 0 ? null : sxy / sxx;
}
