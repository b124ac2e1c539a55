/**
 * A monitoring workbook of the sample plan (contract v2, `WorkbookKind` `monitoring`) for the
 * city or one department, at 1405 H1: cumulative Allocated/Committed/Paid and physical
 * progress at Q1 and H1 of every project (approved or ongoing) and activity of the scope that
 * has a cost in 1405, the realised revenue of H1 by class (city only: the finance office's
 * part), and the H1 readings of the scope's quarterly KPIs. Consistent with the sample plan
 * by construction: most projects on track, one off track, one activity paying slowly, and
 * service fees short of the forecast (see `H1_REALISED` in build.ts). Deterministic.
 */
import * as E from '../contract/enums';
import { budgetAtCompletion } from '../monitor';
import { readPlan } from '../read/plan';
import type { RawWorkbook } from '../read/raw';
import { placeTables } from '../template/layout';
import { floorMillions, sampleAmounts } from './amounts';
import type { Cells } from './build';
import { fa, planInfo, revenueActuals, samplePlanWorkbook, table } from './build';
import * as C from './content';

const YEAR = 1405;

/** The DeptIds of the sample plan (a monitoring workbook may be made for each). */
export const SAMPLE_DEPARTMENTS: readonly string[] = C.DEPARTMENTS.map(([id]) => id);

/** Progress against plan (SPI) and payment against half the year's cost, by turn. */
const ON_TRACK: ReadonlyArray<readonly [number, number]> = [
  [1.0, 0.98],
  [0.98, 1.0],
  [1.02, 0.97],
  [0.97, 0.99],
];
/** The scope's first project: 70 % of the planned progress for 5 % more than half its cost. */
const OFF_TRACK: readonly [number, number] = [0.7, 1.05];
/** Activities pay about half their year by H1; the scope's second pays 60 % of that. */
const ACTIVITY_PACE: readonly number[] = [0.96, 1.0, 0.92, 0.98];
const SLOW_ACTIVITY = 0.6;

/** Share of the H1 figures already reached at Q1 (cumulative, so never more). */
const Q1_OF_H1 = 0.45;

const round1 = (x: number) => Math.round(x * 10) / 10;
const cash = (v: bigint): number => Number(v);
const m = (x: number) => floorMillions(Math.max(0, x));

/** The monitoring rows (Q1 and H1) of one item from its H1 figures. */
function rows(id: string, paid: bigint, cost: bigint, progress: number | null): Cells[] {
  const committed = [paid, m(0.58 * Number(cost))].reduce((a, b) => (a > b ? a : b));
  const allocated = [committed, m(0.65 * Number(cost))].reduce((a, b) => (a > b ? a : b));
  const h1 = { Allocated: allocated, Committed: committed, Paid: paid };
  const q1 = {
    Allocated: m(Number(allocated) * Q1_OF_H1),
    Committed: m(Number(committed) * Q1_OF_H1),
    Paid: m(Number(paid) * Q1_OF_H1),
  };
  return (
    [
      ['Q1', q1, progress === null ? null : round1(progress * Q1_OF_H1)],
      ['H1', h1, progress],
    ] as const
  ).map(([period, money, p]) => ({
    LinkedId: id,
    Year: YEAR,
    Period: fa(E.PERIODS, period),
    Allocated: cash(money.Allocated),
    Committed: cash(money.Committed),
    Paid: cash(money.Paid),
    PhysicalProgress: p,
  }));
}

/**
 * The sample's monitoring workbook at 1405 H1, for the city (`department` absent or empty)
 * or one department of `tblDepartments` (its projects, activities and KPIs; no revenue).
 * Read it with the sample plan as reference.
 */
export function sampleMonitoringWorkbook(department?: string): RawWorkbook {
  const dept = department?.trim() ? department.trim() : null;
  const plan = readPlan(samplePlanWorkbook()).plan;
  const inScope = (d: string) => dept === null || d === dept;
  const actuals: Cells[] = [];
  let project = 0;
  for (const p of plan.tables.tblProjects?.rows ?? []) {
    const cost = p.costs.get(YEAR) ?? 0n;
    if (!inScope(p.Dept) || cost === 0n) continue;
    if (p.Status !== 'approved' && p.Status !== 'ongoing') continue;
    const [f, g] = project === 0 ? OFF_TRACK : (ON_TRACK[project % ON_TRACK.length] ?? [1, 1]);
    project++;
    const bac = budgetAtCompletion(p);
    const pv = Number(p.SpentBefore) + Number(cost) / 2;
    // SPI = EV / PV = f, within the rounding of progress to a tenth of a percent.
    const progress = Math.min(100, round1((100 * f * pv) / Number(bac)));
    actuals.push(...rows(p.ProjectId, m((g * Number(cost)) / 2), cost, progress));
  }
  let activity = 0;
  for (const a of plan.tables.tblActivities?.rows ?? []) {
    const cost = a.costs.get(YEAR) ?? 0n;
    if (!inScope(a.Dept) || cost === 0n) continue;
    const pace =
      activity === 1 ? SLOW_ACTIVITY : (ACTIVITY_PACE[activity % ACTIVITY_PACE.length] ?? 1);
    activity++;
    actuals.push(...rows(a.ActivityId, m((pace * Number(cost)) / 2), cost, null));
  }
  const owners = new Map(C.KPIS.map((k) => [k[0], k[8]] as const));
  const kpiActuals = C.KPI_ACTUALS.filter(([id]) => inScope(owners.get(id) ?? '')).map(
    // The Q2 reading is the H1 reading: the half ends with the second quarter.
    ([KpiId, , h1]) => ({ KpiId, Year: YEAR, Period: fa(E.PERIODS, 'H1'), Actual: h1 }),
  );
  const tables = [
    planInfo('monitoring', dept),
    table('tblActuals', actuals),
    ...(dept === null ? [table('tblRevenueActuals', revenueActuals(sampleAmounts()))] : []),
    table('tblKpiActuals', kpiActuals),
  ];
  return placeTables({ tables }, { lang: 'fa' });
}
