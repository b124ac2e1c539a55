/**
 * The city's monitoring view: the monitoring report (`monitoringReport` of the core) of the
 * city plan assembled from every approved submission of a cycle (`assembleCityPlan`: the
 * framework, the departments' plans, the revenue workbook and the monitoring workbooks with
 * their actuals), at the period asked, for the whole city. Every figure is the core's; this
 * module only reads the request, assembles the plan and turns Rials into strings.
 */
import type { MonitorPeriod, MonitoringReport, Plan } from '#core';
import {
  PERIODS,
  fsi,
  latestMonitorPeriod,
  monitoringReport,
  parseMonitorPeriod,
  toPersianDigits,
  validateWorkbook,
} from '#core';
import type { AppDeps } from '../handlers/context';
import { ApiError } from '../http/errors';
import type { AssembledPlan } from '.';
import { assembleCityPlan } from '.';

/** What the monitoring view is asked for. */
export interface MonitoringAsk {
  /** As written in the query (`1405-H1`); absent: the latest period the plan reports. */
  period?: string | undefined;
  /** The revenue scenario (default: the framework's `Scenario`, else `base`). */
  scenario?: string | undefined;
}

/** The city's monitoring report, with the plan it was made from and where that came from. */
export interface CityMonitoring {
  plan: Plan;
  report: MonitoringReport;
  assembled: AssembledPlan;
}

/** A 400 about the `period` of the query, located at it. */
function badPeriod(fa: string, en: string, given: string | undefined): ApiError {
  return new ApiError('INVALID_REQUEST', { fa, en }, [
    { path: ['period'], code: 'invalid_value', message: en, ...(given !== undefined && { given }) },
  ]);
}

/** The period of the query, or the latest the plan reports; a bad or missing one is a 400. */
export function monitorPeriodOf(plan: Plan, given: string | undefined): MonitorPeriod {
  let at: MonitorPeriod | null;
  if (given !== undefined) {
    at = parseMonitorPeriod(given);
    if (at === null)
      throw badPeriod(
        `دوره «${fsi(given)}» شناخته نیست؛ سال و دوره را مانند ${fsi('1405-H1')} بنویسید (دوره‌ها: ${PERIODS.map((p) => fsi(p.value)).join('، ')}).`,
        `Unknown period "${given}": give the year and period as in 1405-H1 (periods: ${PERIODS.map((p) => p.value).join(', ')}).`,
        given,
      );
  } else {
    at = latestMonitorPeriod(plan);
    if (at === null)
      throw badPeriod(
        `نسخه‌های تصویب‌شده این دوره برنامه‌ریزی هیچ عملکردی ندارند؛ سال و دوره گزارش را با ${fsi('?period=1405-H1')} بدهید.`,
        'The approved versions of this cycle report no actuals: give the period, as in ?period=1405-H1.',
        undefined,
      );
  }
  const years = plan.years;
  if (years.length > 0 && !years.includes(at.year))
    throw badPeriod(
      `سال ${toPersianDigits(String(at.year))} در دوره برنامه (${toPersianDigits(String(years[0]))} تا ${toPersianDigits(String(years[years.length - 1]))}) نیست.`,
      `Year ${at.year} is outside the plan period ${years[0]}–${years[years.length - 1]}.`,
      given,
    );
  return at;
}

/**
 * The monitoring report of a cycle's city plan at a period (the whole city): of the approved
 * versions now, or, given `pinned` (a snapshot's sources), of the snapshot's plan with the
 * latest approved monitoring of the cycle.
 */
export async function cityMonitoring(
  deps: AppDeps,
  tenantId: string,
  cycleId: string,
  ask: MonitoringAsk,
  pinned?: ReadonlyMap<string, number>,
): Promise<CityMonitoring> {
  const assembled = await assembleCityPlan(deps, tenantId, cycleId, pinned, { monitoring: true });
  // Read as the consolidation reads it: the whole city's plan, every table in reach.
  const { plan } = validateWorkbook(assembled.workbook, { workbookKind: 'city' });
  const at = monitorPeriodOf(plan, ask.period);
  const report = monitoringReport(plan, at, {
    // The city, whatever department the framework's plan information names.
    department: '',
    ...(ask.scenario !== undefined && ask.scenario.trim() !== '' && { scenario: ask.scenario }),
  });
  return { plan, report, assembled };
}

/** A value with every bigint (Rials) as its decimal string, for JSON. */
export function rialsAsStrings(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(rialsAsStrings);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rialsAsStrings(v)]));
  return value;
}

/** The monitoring view as the API answers it (money as strings of whole Rials). */
export function monitoringJson(cycleId: string, m: CityMonitoring) {
  return {
    cycleId,
    sources: m.assembled.sources,
    pending: m.assembled.pending,
    ...(rialsAsStrings(m.report) as Record<string, unknown>),
  };
}
