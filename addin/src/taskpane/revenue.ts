/**
 * The Revenue view's figures, all from the core: the forecast of a scenario with a method
 * chosen per revenue class (overriding the scenario table's `Method`), its Monte Carlo band
 * (P10, P50, P90), and the fiscal gap per plan year against the plan's spending; and what to
 * write back into the workbook (a table of values, or PLAN.SCENARIO_REVENUE formulas).
 */
import type { FiscalYear, Plan, RevenueClass, RevenueMethod, ScenarioForecast, Table } from '#core';
import {
  chooseScenario,
  fiscalBalance,
  forecastRevenueScenarios,
  matchKey,
  rowsOf,
  simulateRevenueScenario,
  spendingByYear,
} from '#core';

/** Paths of the band's Monte Carlo: P10/P90 of 2,000 paths move by well under 1 % between seeds. */
export const BAND_SIMULATIONS = 2000;
/** Fixed seed, so the band is the same on every open (the first year of the plan). */
export const BAND_SEED = 1405;

/** One year of the chart: history (actual) or forecast with its band. */
export interface RevenuePoint {
  year: number;
  actual: bigint | null;
  p10: bigint | null;
  p50: bigint | null;
  p90: bigint | null;
}

/** What the view shows for a scenario. */
export interface RevenueView {
  scenario: string;
  forecast: ScenarioForecast;
  points: RevenuePoint[];
  gap: readonly FiscalYear[];
}

/** The scenarios of the plan's scenario table, in order. */
export function scenariosOf(plan: Plan): string[] {
  return [...new Set(rowsOf(plan, 'tblRevenueScenarios').map((r) => r.Scenario))];
}

/**
 * The scenario the view opens on: the plan's own (`chooseScenario`, the one its capital budget
 * and fiscal checks use) as the table spells it, else the table's first.
 */
export function defaultScenarioOf(plan: Plan, scenarios: readonly string[]): string {
  const own = matchKey(chooseScenario(plan).name);
  return scenarios.find((s) => matchKey(s) === own) ?? scenarios[0] ?? '';
}

/** The plan with the methods of `scenario` replaced for the classes in `methods`. */
export function withMethods(
  plan: Plan,
  scenario: string,
  methods: ReadonlyMap<RevenueClass, RevenueMethod>,
): Plan {
  if (methods.size === 0) return plan;
  const own = plan.tables.tblRevenueScenarios !== undefined;
  const table = (plan.tables.tblRevenueScenarios ?? plan.reference.tblRevenueScenarios) as
    Table<'tblRevenueScenarios'> | undefined;
  if (!table) return plan;
  const rows = table.rows.map((r) => {
    const m = r.Scenario === scenario && r.RevenueClass ? methods.get(r.RevenueClass) : undefined;
    return m ? { ...r, Method: m } : r;
  });
  const next = { ...table, rows };
  return own
    ? { ...plan, tables: { ...plan.tables, tblRevenueScenarios: next } }
    : { ...plan, reference: { ...plan.reference, tblRevenueScenarios: next } };
}

/** The forecast, band and gap of a scenario, or the core's failure message. */
export function revenueView(
  plan: Plan,
  scenario: string,
  methods: ReadonlyMap<RevenueClass, RevenueMethod> = new Map(),
): { ok: true; view: RevenueView } | { ok: false; message: { fa: string; en: string } } {
  const p = withMethods(plan, scenario, methods);
  const f = forecastRevenueScenarios(p, { scenario });
  if (!f.ok) return { ok: false, message: f.message };
  const forecast = f.scenarios[0];
  if (!forecast) return { ok: false, message: { fa: 'سناریویی نیست', en: 'no scenario' } };
  const spending = new Map([...spendingByYear(p).values()].map((s) => [s.year, s.total]));
  const sim = simulateRevenueScenario(p, {
    scenario,
    simulations: BAND_SIMULATIONS,
    seed: BAND_SEED,
    quantiles: [0.1, 0.5, 0.9],
    spending,
  });
  const history = new Map<number, bigint>();
  for (const c of forecast.classes)
    for (const [y, v] of c.history) history.set(y, (history.get(y) ?? 0n) + v);
  const points: RevenuePoint[] = [...history.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, actual]) => ({ year, actual, p10: null, p50: null, p90: null }));
  for (const year of f.years) {
    const band = sim.ok ? sim.simulation.total.years.find((y) => y.year === year) : undefined;
    const q = (p: number) => band?.quantiles.find((x) => Math.abs(x.p - p) < 1e-9)?.value ?? null;
    points.push({
      year,
      actual: null,
      p10: q(0.1),
      p50: q(0.5) ?? forecast.totals.get(year) ?? null,
      p90: q(0.9),
    });
  }
  const gap = fiscalBalance(p, forecast.totals).years;
  return { ok: true, view: { scenario, forecast, points, gap } };
}

/** Rials as a cell: a number while exact (≤ 2^53), else text so that no digit is lost. */
export function cellOfRials(v: bigint): number | string {
  return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= -BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(v)
    : v.toString();
}

/** The forecast as a table to write: year, point forecast, P10, P50, P90 (whole Rials). */
export function forecastTable(view: RevenueView): {
  header: string[];
  rows: (number | string)[][];
} {
  const text = (v: bigint | null | undefined) =>
    v === null || v === undefined ? '' : cellOfRials(v);
  return {
    header: ['Year', 'Scenario', 'Forecast', 'P10', 'P50', 'P90'],
    rows: view.points
      .filter((p) => p.actual === null)
      .map((p) => [
        p.year,
        view.scenario,
        text(view.forecast.totals.get(p.year)),
        text(p.p10),
        text(p.p50),
        text(p.p90),
      ]),
  };
}

/**
 * PLAN.SCENARIO_REVENUE formulas, one block per revenue class: the class's history as years
 * and amounts side by side (columns A:B from `firstRow`), and next to it the formula that
 * forecasts it to the plan's last year with the scenario's assumptions for that class
 * (`base:general-duties`) and the chosen method.
 */
export function forecastFormulas(
  view: RevenueView,
  lastYear: number,
  firstRow = 1,
): (string | number)[][] {
  const out: (string | number)[][] = [];
  for (const c of view.forecast.classes) {
    const years = [...c.history.entries()].sort((a, b) => a[0] - b[0]);
    if (years.length === 0) continue;
    const top = firstRow + out.length + 1;
    const bottom = top + years.length - 1;
    out.push([c.revenueClass, 'Amount', 'Forecast →']);
    years.forEach(([y, v], i) =>
      out.push([
        y,
        cellOfRials(v),
        i === 0
          ? `=PLAN.SCENARIO_REVENUE(A${top}:B${bottom},${lastYear},"${view.scenario}:${c.revenueClass}","${c.requestedMethod}")`
          : '',
      ]),
    );
  }
  return out;
}
