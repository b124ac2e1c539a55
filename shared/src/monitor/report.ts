/**
 * Monitoring of execution (contract v2, "Calculations (v2)"): at a period of a plan year,
 * per item, program, department and the city: allocated, committed and paid against the
 * current budget (budget execution) and against the planned cost (plan realisation); earned
 * value per project (BAC, PV, EV, AC, SPI, CPI, EAC and status); revenue realisation per
 * class against the chosen scenario's forecast; the KPIs' progress, status and trend (v1's
 * `kpiReport`); and what needs attention. Money exact in bigint Rials, ratios numbers.
 *
 * The plan monitored is the one in reach: the workbook's own tables and its reference (a
 * monitoring workbook read with the approved plan as reference). Choices where the contract
 * is silent are in docs/contract.md ("Monitoring").
 */
import type { Period, RevenueClass } from '../contract/enums';
import { PERIOD_QUARTERS, REVENUE_CLASSES } from '../contract/enums';
import type { ScenarioChoice } from '../fiscal';
import { computeCapitalBudget } from '../fiscal';
import { inCurrentBudget } from '../fiscal/heads';
import type { Bilingual, Finding } from '../findings';
import type { KpiReportEntry } from '../kpi';
import { KPI_STATUS_EPSILON, kpiReport } from '../kpi';
import { EXCLUDED_PROJECT_STATUSES } from '../linkage/graph';
import { entriesOf, idKey } from '../linkage/rows';
import type { Rials } from '../money';
import type { Plan, Row, Table } from '../read/plan';
import { toLatinDigits } from '../util/text';
import type { ExecutionStatus } from './vocabulary';
import {
  ATTENTION_FACTOR,
  EV_AT_RISK_FROM,
  EV_ON_TRACK_FROM,
  isCumulativeActuals,
  periodOrder,
  periodShare,
  periodWithin,
} from './vocabulary';

/** A period of a plan year, e.g. 1405 H1. */
export interface MonitorPeriod {
  readonly year: number;
  readonly period: Period;
}

/** The money and ratios of an item, or of a group of items, in the year up to the period. */
export interface ExecutionFigures {
  /** Planned cost of the year (the plan's cost column). */
  readonly planned: Rials;
  /** Current budget of the year (approved + amended + supplement lines). */
  readonly currentBudget: Rials;
  /** Cumulative to the period; null when `tblActuals` is read as v1 (no such column). */
  readonly allocated: Rials | null;
  readonly committed: Rials | null;
  /** Cumulative to the period (v1: the sum of `Spent` of the periods up to it). */
  readonly paid: Rials;
  /** Paid / current budget (null: no current budget). */
  readonly paidExecution: number | null;
  /** Committed / current budget (null: no current budget, or no `Committed`). */
  readonly committedExecution: number | null;
  /** Paid / planned cost of the year (null: no planned cost). */
  readonly planRealisation: number | null;
}

/** One project or activity. */
export interface ItemExecution extends ExecutionFigures {
  readonly id: string;
  readonly kind: 'project' | 'activity';
  readonly title: string;
  readonly programId: string;
  readonly dept: string;
  /** True when the item has an actual of the year up to the period. */
  readonly reported: boolean;
}

/** A program, department or the city: the sums of its items, and their ratios. */
export interface GroupExecution extends ExecutionFigures {
  /** ProgramId or DeptId; '' for the city (and for items that name none). */
  readonly key: string;
  readonly items: number;
}

/** Earned value of a project at the period. */
export interface EarnedValue {
  readonly projectId: string;
  readonly title: string;
  readonly programId: string;
  readonly dept: string;
  /** Budget at completion: TotalCost, else SpentBefore + Σ plan-year costs. */
  readonly bac: Rials;
  /** Planned value: SpentBefore + earlier plan years' costs + the elapsed share of this year's. */
  readonly pv: Rials;
  /** Physical progress (0–100) at the period: the latest reading up to it; null when none. */
  readonly progress: number | null;
  /** Earned value: progress/100 × BAC; null without a progress. */
  readonly ev: Rials | null;
  /** Actual cost: SpentBefore + each earlier plan year's latest Paid + this year's Paid to date. */
  readonly ac: Rials;
  readonly spi: number | null;
  readonly cpi: number | null;
  /** Estimate at completion BAC / CPI (= BAC × AC / EV); null when CPI is null or 0. */
  readonly eac: Rials | null;
  readonly status: ExecutionStatus | null;
  /** What holds it back: `schedule` (SPI below on track), `cost` (CPI below on track). */
  readonly behind: ReadonlyArray<'schedule' | 'cost'>;
}

/** Revenue realisation of a class in the year up to the period. */
export interface RevenueRealisation {
  readonly revenueClass: RevenueClass;
  /** The chosen scenario's forecast of the class for the year; null when it has none. */
  readonly forecast: Rials | null;
  /** Realised to the period (Σ over Codes of the latest period's amount). */
  readonly actual: Rials;
  /** actual / forecast; null without a forecast. */
  readonly realisation: number | null;
}

/** Something the reader of a monitoring report should look at first. */
export type Attention =
  | {
      readonly kind: 'project-off-track';
      readonly id: string;
      readonly spi: number | null;
      readonly cpi: number | null;
    }
  | {
      readonly kind: 'execution-low';
      readonly id: string;
      readonly itemKind: 'project' | 'activity';
      /** The execution measured: paid / current budget, else paid / planned cost. */
      readonly measure: 'budget' | 'plan';
      readonly execution: number;
      readonly threshold: number;
    }
  | {
      readonly kind: 'revenue-short';
      readonly revenueClass: RevenueClass;
      readonly realisation: number;
      readonly threshold: number;
    };

/** The revenue side of the report, or why there is none. */
export type RevenueMonitoring =
  | {
      readonly ok: true;
      readonly choice: ScenarioChoice;
      /** The scenario as the scenario table spells it. */
      readonly scenario: string;
      readonly classes: readonly RevenueRealisation[];
      /** All classes together. */
      readonly total: Omit<RevenueRealisation, 'revenueClass'>;
    }
  | { readonly ok: false; readonly choice: ScenarioChoice; readonly message: Bilingual };

/** The monitoring report of a plan at a period. */
export interface MonitoringReport extends MonitorPeriod {
  /** Share of the year elapsed at the period's end (Q1 ¼, H1 and Q2 ½, Q3 ¾, Q4 and FY 1). */
  readonly share: number;
  /** The attention threshold: ATTENTION_FACTOR × share. */
  readonly threshold: number;
  /** True when `tblActuals` is read as v2 (cumulative Allocated/Committed/Paid). */
  readonly cumulative: boolean;
  /** The department the report is scoped to (the workbook's `Department`), or null: all. */
  readonly department: string | null;
  readonly items: readonly ItemExecution[];
  readonly programs: readonly GroupExecution[];
  readonly departments: readonly GroupExecution[];
  readonly city: GroupExecution;
  readonly earnedValue: readonly EarnedValue[];
  readonly revenue: RevenueMonitoring;
  readonly kpis: readonly KpiReportEntry[];
  /** Projects off track, then items executing below the threshold, then revenue short of it. */
  readonly attention: readonly Attention[];
  /** Items of the scope with planned cost or budget in the year but no actual up to the period. */
  readonly notReported: readonly string[];
  /** What the revenue forecast found (defaulted classes, fallbacks). */
  readonly findings: readonly Finding[];
}

/** Options of `monitoringReport`. */
export interface MonitoringOptions {
  /** The revenue scenario, overriding the plan's `Scenario` (`chooseScenario`). */
  readonly scenario?: string;
  /** Scope to one department (default: the workbook's `Department`; '' for the whole city). */
  readonly department?: string;
}

/** `1405-H1` (also `1405 H1`, `H1-1405`, Persian digits) as a period, or null. */
export function parseMonitorPeriod(text: string): MonitorPeriod | null {
  const t = toLatinDigits(text.trim()).toUpperCase();
  const m = /^(\d{4})[-\s/]?(Q[1-4]|H1|FY)$/.exec(t) ?? /^(Q[1-4]|H1|FY)[-\s/]?(\d{4})$/.exec(t);
  if (!m) return null;
  const [a, b] = [m[1] as string, m[2] as string];
  const year = Number(/^\d/.test(a) ? a : b);
  const period = (/^\d/.test(a) ? b : a) as Period;
  return { year, period };
}

/**
 * The latest period the workbook reports (the greatest year, then period end, over
 * `tblActuals`, `tblRevenueActuals` and `tblKpiActuals`), or null when it reports none.
 */
export function latestMonitorPeriod(plan: Plan): MonitorPeriod | null {
  let best: MonitorPeriod | null = null;
  const consider = (year: number | null, period: Period | null) => {
    if (year === null || period === null) return;
    if (
      !best ||
      year > best.year ||
      (year === best.year && periodOrder(period) > periodOrder(best.period))
    )
      best = { year, period };
  };
  for (const { row } of entriesOf(plan, 'tblActuals')) consider(row.Year, row.Period);
  for (const { row } of entriesOf(plan, 'tblRevenueActuals')) consider(row.Year, row.Period);
  for (const { row } of entriesOf(plan, 'tblKpiActuals')) consider(row.Year, row.Period);
  return best;
}

/** a / b as a number; null when b is 0. */
function ratio(a: Rials, b: Rials): number | null {
  return b === 0n ? null : Number(a) / Number(b);
}

/** Round-half-up division of non-negative bigints (b > 0). */
function divRound(a: bigint, b: bigint): bigint {
  return (2n * a + b) / (2n * b);
}

/** The row of latest period end among rows (later row wins at the same end). */
function latest<R extends { Period: Period | null; row: number }>(rows: readonly R[]): R | null {
  let best: R | null = null;
  for (const r of rows)
    if (r.Period !== null && (!best || periodOrder(r.Period) >= periodOrder(best.Period as Period)))
      best = r;
  return best;
}

interface ActualFigures {
  allocated: Rials;
  committed: Rials;
  paid: Rials;
  reported: boolean;
}

/**
 * An item's actual figures of a year up to a period: v2, the latest row's cumulative
 * Allocated/Committed/Paid; v1, the sum of `Spent` of the periods within it (`Spent` is what
 * was paid; allocation and commitment are not reported).
 */
function actualsOf(
  rows: readonly Row<'tblActuals'>[],
  year: number,
  upTo: Period,
  cumulative: boolean,
): ActualFigures {
  const within = rows.filter(
    (r) => r.Year === year && r.Period !== null && periodWithin(r.Period, upTo),
  );
  if (cumulative) {
    const r = latest(within);
    return {
      allocated: r?.Allocated ?? 0n,
      committed: r?.Committed ?? 0n,
      paid: r?.Paid ?? 0n,
      reported: r !== null,
    };
  }
  let paid = 0n;
  for (const r of within) paid += r.Spent;
  return { allocated: 0n, committed: 0n, paid, reported: within.length > 0 };
}

/** The latest physical progress of a project up to a period (any earlier year counts). */
function progressAt(rows: readonly Row<'tblActuals'>[], at: MonitorPeriod): number | null {
  let best: Row<'tblActuals'> | null = null;
  const rank = (r: Row<'tblActuals'>) => (r.Year as number) * 100 + periodOrder(r.Period as Period);
  for (const r of rows) {
    if (r.Year === null || r.Period === null || r.PhysicalProgress === null) continue;
    if (r.Year > at.year || (r.Year === at.year && !periodWithin(r.Period, at.period))) continue;
    if (!best || rank(r) >= rank(best)) best = r;
  }
  return best?.PhysicalProgress ?? null;
}

/** EV = progress/100 × BAC, exact to the Rial (progress kept to 6 decimals). */
function earned(progress: number, bac: Rials): Rials {
  const micro = BigInt(Math.round(progress * 1e6));
  return divRound(bac * micro, 100_000_000n);
}

/** The contract's earned-value status: on track when SPI and CPI ≥ 0.95, at risk when ≥ 0.85. */
export function executionStatus(spi: number | null, cpi: number | null): ExecutionStatus | null {
  if (spi === null || cpi === null) return null;
  const low = Math.min(spi, cpi);
  if (low >= EV_ON_TRACK_FROM - KPI_STATUS_EPSILON) return 'on-track';
  if (low >= EV_AT_RISK_FROM - KPI_STATUS_EPSILON) return 'at-risk';
  return 'off-track';
}

/** The figures of a sum of items. */
function figures(
  sum: { planned: Rials; currentBudget: Rials; allocated: Rials; committed: Rials; paid: Rials },
  cumulative: boolean,
): ExecutionFigures {
  return {
    planned: sum.planned,
    currentBudget: sum.currentBudget,
    allocated: cumulative ? sum.allocated : null,
    committed: cumulative ? sum.committed : null,
    paid: sum.paid,
    paidExecution: ratio(sum.paid, sum.currentBudget),
    committedExecution: cumulative ? ratio(sum.committed, sum.currentBudget) : null,
    planRealisation: ratio(sum.paid, sum.planned),
  };
}

type Spending = Row<'tblProjects'> | Row<'tblActivities'>;

/**
 * The monitoring report of a plan at a period (contract v2, "Calculations (v2)"; the choices
 * where it is silent are in docs/contract.md):
 * - items are the plan's projects (not dropped) and activities of the scope (the workbook's
 *   `Department`, or `options.department`) that have planned cost, current budget or an
 *   actual in the year; programs, departments and the city sum their items;
 * - earned value is computed for the scope's projects with an actual up to the period;
 * - what needs attention: projects off track; reported items whose paid / current budget
 *   (else paid / planned cost) is below ATTENTION_FACTOR × the share of the year elapsed;
 *   revenue classes whose realisation is below the same (in a department's report only when
 *   the workbook itself reports revenue: otherwise it is the city's, shown but not flagged).
 */
export function monitoringReport(
  plan: Plan,
  at: MonitorPeriod,
  options: MonitoringOptions = {},
): MonitoringReport {
  const share = periodShare(at.period);
  const threshold = ATTENTION_FACTOR * share;
  const actualEntries = entriesOf(plan, 'tblActuals');
  const actualTable = actualEntries[0]?.table as Table<'tblActuals'> | undefined;
  const cumulative = actualTable ? isCumulativeActuals(actualTable) : false;
  const deptOption = options.department ?? plan.info.Department;
  const department = deptOption.trim() === '' ? null : deptOption.trim();

  const actualsBy = new Map<string, Row<'tblActuals'>[]>();
  for (const { row } of actualEntries) {
    const key = idKey(row.LinkedId);
    const list = actualsBy.get(key);
    if (list) list.push(row);
    else actualsBy.set(key, [row]);
  }
  const budgetBy = new Map<string, Rials>();
  for (const { row } of entriesOf(plan, 'tblBudgetLines')) {
    if (row.Year !== at.year || row.LinkedId === '' || !inCurrentBudget(row)) continue;
    const key = idKey(row.LinkedId);
    budgetBy.set(key, (budgetBy.get(key) ?? 0n) + row.Amount);
  }

  const spending: Array<{ row: Spending; kind: 'project' | 'activity'; id: string }> = [];
  for (const { row } of entriesOf(plan, 'tblProjects'))
    if (row.Status === null || !EXCLUDED_PROJECT_STATUSES.includes(row.Status))
      spending.push({ row, kind: 'project', id: row.ProjectId });
  for (const { row } of entriesOf(plan, 'tblActivities'))
    spending.push({ row, kind: 'activity', id: row.ActivityId });

  const inScope = (dept: string) => department === null || idKey(dept) === idKey(department);
  const items: ItemExecution[] = [];
  const earnedValue: EarnedValue[] = [];
  const notReported: string[] = [];
  for (const { row, kind, id } of spending) {
    const dept = row.Dept;
    if (!inScope(dept)) continue;
    const key = idKey(id);
    const rows = actualsBy.get(key) ?? [];
    const planned = row.costs.get(at.year) ?? 0n;
    const currentBudget = budgetBy.get(key) ?? 0n;
    const actual = actualsOf(rows, at.year, at.period, cumulative);
    if (planned === 0n && currentBudget === 0n && !actual.reported) continue;
    if (!actual.reported) notReported.push(id);
    items.push({
      id,
      kind,
      title: row.Title,
      programId: row.ProgramId,
      dept,
      reported: actual.reported,
      ...figures({ planned, currentBudget, ...actual }, cumulative),
    });
    if (kind === 'project' && actual.reported)
      earnedValue.push(earnedValueOf(row as Row<'tblProjects'>, rows, at, cumulative, plan.years));
  }

  const group = (keyOf: (i: ItemExecution) => string) => groupExecution(items, keyOf, cumulative);
  const programs = group((i) => i.programId);
  const departments = group((i) => i.dept);
  const city = group(() => '')[0] ?? emptyGroupExecution('', cumulative);

  const revenue = revenueMonitoring(plan, at, options.scenario);
  const revenueSide = revenue.revenue;
  const attention: Attention[] = [];
  for (const ev of earnedValue)
    if (ev.status === 'off-track')
      attention.push({ kind: 'project-off-track', id: ev.projectId, spi: ev.spi, cpi: ev.cpi });
  for (const i of items) {
    if (!i.reported) continue;
    const measure = i.paidExecution !== null ? 'budget' : 'plan';
    const execution = i.paidExecution ?? i.planRealisation;
    if (execution !== null && execution < threshold - KPI_STATUS_EPSILON)
      attention.push({
        kind: 'execution-low',
        id: i.id,
        itemKind: i.kind,
        measure,
        execution,
        threshold,
      });
  }
  // A department's report shows the city's revenue (from its reference) but does not flag
  // it: revenue is the finance office's to answer for, unless this workbook reports it.
  const revenueOwned = department === null || plan.tables.tblRevenueActuals !== undefined;
  if (revenueSide.ok && revenueOwned)
    for (const c of revenueSide.classes)
      if (c.realisation !== null && c.realisation < threshold - KPI_STATUS_EPSILON)
        attention.push({
          kind: 'revenue-short',
          revenueClass: c.revenueClass,
          realisation: c.realisation,
          threshold,
        });

  return {
    ...at,
    share,
    threshold,
    cumulative,
    department,
    items,
    programs,
    departments,
    city,
    earnedValue,
    revenue: revenue.revenue,
    kpis: kpiReport(plan),
    attention,
    notReported,
    findings: revenue.findings,
  };
}

/**
 * Items summed by a key (a program, a department, a budget head, the city): planned cost,
 * current budget, allocated, committed and paid, with their ratios; groups in the order their
 * first item comes, keys compared as IDs are (`idKey`). One home for every group the
 * monitoring report and the Article 71 report show.
 */
export function groupExecution(
  items: readonly ItemExecution[],
  keyOf: (i: ItemExecution) => string,
  cumulative: boolean,
): GroupExecution[] {
  const sums = new Map<
    string,
    {
      key: string;
      items: number;
      planned: Rials;
      currentBudget: Rials;
      allocated: Rials;
      committed: Rials;
      paid: Rials;
    }
  >();
  for (const i of items) {
    const key = keyOf(i);
    const k = idKey(key);
    const s = sums.get(k) ?? {
      key,
      items: 0,
      planned: 0n,
      currentBudget: 0n,
      allocated: 0n,
      committed: 0n,
      paid: 0n,
    };
    s.items += 1;
    s.planned += i.planned;
    s.currentBudget += i.currentBudget;
    s.allocated += i.allocated ?? 0n;
    s.committed += i.committed ?? 0n;
    s.paid += i.paid;
    sums.set(k, s);
  }
  return [...sums.values()].map((s) => ({
    key: s.key,
    items: s.items,
    ...figures(s, cumulative),
  }));
}

/** A group of no items: zeros (ratios null). */
export function emptyGroupExecution(key: string, cumulative: boolean): GroupExecution {
  return {
    key,
    items: 0,
    ...figures(
      { planned: 0n, currentBudget: 0n, allocated: 0n, committed: 0n, paid: 0n },
      cumulative,
    ),
  };
}

/**
 * A project's budget at completion (contract, "Earned value"): `TotalCost`, else (empty or 0,
 * docs/contract.md) `SpentBefore` + Σ its plan-year costs.
 */
export function budgetAtCompletion(p: Row<'tblProjects'>): Rials {
  if (p.TotalCost !== 0n) return p.TotalCost;
  let sum = p.SpentBefore;
  for (const v of p.costs.values()) sum += v;
  return sum;
}

/** Earned value of one project at the period (the contract's definitions). */
function earnedValueOf(
  p: Row<'tblProjects'>,
  rows: readonly Row<'tblActuals'>[],
  at: MonitorPeriod,
  cumulative: boolean,
  years: readonly number[],
): EarnedValue {
  let pv = p.SpentBefore;
  let ac = p.SpentBefore;
  const costYears = years.length > 0 ? years : [...p.costs.keys()].sort((a, b) => a - b);
  for (const y of costYears) {
    const cost = p.costs.get(y) ?? 0n;
    if (y < at.year) {
      pv += cost;
      // An earlier year's latest Paid (v1: its Spent summed over the year).
      ac += actualsOf(rows, y, 'FY', cumulative).paid;
    } else if (y === at.year) {
      pv += divRound(cost * BigInt(PERIOD_QUARTERS[at.period]), 4n);
      ac += actualsOf(rows, y, at.period, cumulative).paid;
    }
  }
  const bac = budgetAtCompletion(p);
  const progress = progressAt(rows, at);
  const ev = progress === null ? null : earned(progress, bac);
  const spi = ev === null ? null : ratio(ev, pv);
  const cpi = ev === null ? null : ratio(ev, ac);
  const eac = ev === null || ev === 0n || ac === 0n ? null : divRound(bac * ac, ev);
  const status = executionStatus(spi, cpi);
  const behind: Array<'schedule' | 'cost'> = [];
  if (spi !== null && spi < EV_ON_TRACK_FROM - KPI_STATUS_EPSILON) behind.push('schedule');
  if (cpi !== null && cpi < EV_ON_TRACK_FROM - KPI_STATUS_EPSILON) behind.push('cost');
  return {
    projectId: p.ProjectId,
    title: p.Title,
    programId: p.ProgramId,
    dept: p.Dept,
    bac,
    pv,
    progress,
    ev,
    ac,
    spi,
    cpi,
    eac,
    status,
    behind,
  };
}

/**
 * Revenue realisation per class at the period: `tblRevenueActuals` (the latest period up to
 * it, summed over Codes) over the chosen scenario's forecast of the year
 * (`computeCapitalBudget`: `chooseScenario` and `forecastRevenueScenarios`).
 */
function revenueMonitoring(
  plan: Plan,
  at: MonitorPeriod,
  scenario: string | undefined,
): { revenue: RevenueMonitoring; findings: readonly Finding[] } {
  // Realised: per class and Code, the latest period's cumulative amount; then Σ over Codes.
  const byLine = new Map<string, Row<'tblRevenueActuals'>[]>();
  for (const { row } of entriesOf(plan, 'tblRevenueActuals')) {
    if (row.RevenueClass === null || row.Year !== at.year || row.Period === null) continue;
    if (!periodWithin(row.Period, at.period)) continue;
    const key = `${row.RevenueClass}|${idKey(row.Code)}`;
    const list = byLine.get(key);
    if (list) list.push(row);
    else byLine.set(key, [row]);
  }
  const actual = new Map<RevenueClass, Rials>();
  for (const rows of byLine.values()) {
    const r = latest(rows);
    if (!r || r.RevenueClass === null) continue;
    actual.set(r.RevenueClass, (actual.get(r.RevenueClass) ?? 0n) + r.Amount);
  }
  const budget = computeCapitalBudget(plan, scenario !== undefined ? { scenario } : {});
  if (!budget.ok)
    return { revenue: { ok: false, choice: budget.choice, message: budget.message }, findings: [] };
  const forecast = new Map<RevenueClass, Rials>();
  for (const c of budget.forecast.classes) {
    const amount = c.amounts.get(at.year);
    if (amount !== undefined) forecast.set(c.revenueClass, amount);
  }
  const classes: RevenueRealisation[] = [];
  let totalForecast = 0n;
  let totalActual = 0n;
  for (const { value } of REVENUE_CLASSES) {
    const f = forecast.get(value) ?? null;
    const a = actual.get(value);
    if (f === null && a === undefined) continue;
    totalForecast += f ?? 0n;
    totalActual += a ?? 0n;
    classes.push({
      revenueClass: value,
      forecast: f,
      actual: a ?? 0n,
      realisation: f === null ? null : ratio(a ?? 0n, f),
    });
  }
  return {
    revenue: {
      ok: true,
      choice: budget.choice,
      scenario: budget.forecast.scenario,
      classes,
      total: {
        forecast: totalForecast,
        actual: totalActual,
        realisation: ratio(totalActual, totalForecast),
      },
    },
    findings: budget.findings,
  };
}
