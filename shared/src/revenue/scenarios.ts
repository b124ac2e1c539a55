/**
 * Revenue scenarios over a plan: per scenario × revenue class × plan year the
 * point forecast in whole Rials, from `tblRevenueHistory` (summed per class
 * and year over its Codes, except that a line whose `Code` names a funding
 * source is forecast on its own) and the assumptions of `tblRevenueScenarios`,
 * and per scenario the exact total of each year. Also the Monte Carlo of one
 * scenario.
 */
import { REVENUE_CLASSES } from '../contract/enums';
import type { RevenueClass, RevenueMethod } from '../contract/enums';
import type { TableName } from '../contract/tables';
import type { Finding } from '../findings';
import { a1, makeFinding } from '../findings';
import type { Rials } from '../money';
import { roundToRials } from '../money';
import { entriesOf } from '../linkage/rows';
import type { Plan, Row, Table } from '../read/plan';
import { rowsOf } from '../read/plan';
import { idKey } from '../util/ids';
import { ltr, matchKey } from '../util/text';
import type { RevenueFailure } from './failure';
import { revenueFailure } from './failure';
import type { AutoSelection, SeriesForecast } from './forecast';
import { forecastSeries } from './forecast';
import type { FittedMethod, RevenueFit } from './fit';
import { REVENUE_MIN_POINTS } from './fit';
import type {
  RevenueSimulationInput,
  RevenueSimulationSuccess,
  SimulationControl,
  SimulationSeries,
} from './simulate';
import { estimateRevenueVolatility, simulateRevenue } from './simulate';

/** Scenario name used when the plan has history but no `tblRevenueScenarios` rows. */
export const DEFAULT_REVENUE_SCENARIO = 'base';

/**
 * One series of a revenue class, forecast on its own with the class's assumptions: the
 * history lines whose `Code` names one funding source (`sourceId`), or the rest of the
 * class's lines (`sourceId` null; a class none of whose lines names a source is one such
 * part, the whole class).
 */
export interface ClassForecastPart {
  /** The `SourceId` (as `tblFundingSources` spells it) the lines name; null: the other lines. */
  readonly sourceId: string | null;
  /** The method asked for, after a fallback to `auto`. */
  readonly requestedMethod: RevenueMethod;
  readonly method: FittedMethod;
  /** Actual revenue of the part per year; a year missing inside the range is 0. */
  readonly history: ReadonlyMap<number, Rials>;
  /** The part's own origin. */
  readonly lastHistoryYear: number;
  readonly fit: RevenueFit;
  readonly selection: AutoSelection | null;
  /** F_1…F_H of the part from its own origin, with the adjustment. */
  readonly path: readonly number[];
  /** Amount per plan year in whole Rials (a plan year that has history: the actual). */
  readonly amounts: ReadonlyMap<number, Rials>;
}

/**
 * The forecast of one revenue class in one scenario. A class with history lines whose
 * `Code` names a funding source is *split*: its `parts` are forecast one by one and its
 * `history`, `path` and `amounts` are their sums; `requestedMethod`, `method`, `fit` and
 * `selection` are then those of its first part (the lines that name no source when there
 * are any), each part keeping its own. An unsplit class has one part, equal to the class.
 */
export interface ClassForecast {
  readonly revenueClass: RevenueClass;
  /** Sheet row of the `tblRevenueScenarios` row that set the assumptions; null when defaulted to `auto`. */
  readonly row: number | null;
  /** The method asked for (`auto` when the class has no row in the scenario, or after a fallback; split: of `parts[0]`). */
  readonly requestedMethod: RevenueMethod;
  /** The method fitted (split: of `parts[0]`). */
  readonly method: FittedMethod;
  /** `GrowthRate` of the row (null: empty, the CAGR is used by `growth`). */
  readonly growthRate: number | null;
  /** `Adjustment` of the row (1 when empty or defaulted). */
  readonly adjustment: number;
  /** `Volatility` of the row (null: estimated from history by the Monte Carlo). */
  readonly volatility: number | null;
  /** Actual revenue per year, summed over Codes (split: over the parts); a year missing inside the range is 0. */
  readonly history: ReadonlyMap<number, Rials>;
  /** Last year with history: the forecast's origin (h = year − lastHistoryYear; split: the latest of the parts'). */
  readonly lastHistoryYear: number;
  /** The fit (split: of `parts[0]`). */
  readonly fit: RevenueFit;
  /** What `auto` measured; null for a named method (split: of `parts[0]`). */
  readonly selection: AutoSelection | null;
  /**
   * Forecast path F_1…F_H with the adjustment, H = last plan year − lastHistoryYear (split:
   * per year the sum of the parts' forecasts, or actuals where a part has history that year).
   */
  readonly path: readonly number[];
  /** Amount per plan year in whole Rials (a plan year that has history: the actual); split: Σ of the parts', exact. */
  readonly amounts: ReadonlyMap<number, Rials>;
  /** The series the class was forecast as, the lines that name no source first. */
  readonly parts: readonly ClassForecastPart[];
}

/** One scenario's forecast. */
export interface ScenarioForecast {
  readonly scenario: string;
  readonly classes: readonly ClassForecast[];
  /** Σ of the classes' amounts per plan year, exact. */
  readonly totals: ReadonlyMap<number, Rials>;
  /** False when a class with history or a scenario row could not be forecast (its amounts are missing from the totals). */
  readonly complete: boolean;
}

/** The scenarios of a plan. */
export interface RevenueScenariosSuccess {
  readonly ok: true;
  /** Plan years. */
  readonly years: readonly number[];
  readonly scenarios: readonly ScenarioForecast[];
  /** What the user should know: defaulted classes, fallbacks, gaps, failed classes (located in the workbook). */
  readonly findings: readonly Finding[];
}

/** Result of `forecastRevenueScenarios`. */
export type RevenueScenariosResult = RevenueScenariosSuccess | RevenueFailure;

/** Options of `forecastRevenueScenarios`. */
export interface RevenueScenarioOptions {
  /** Only this scenario (name as in the table, case- and digit-insensitive). */
  scenario?: string;
}

interface Assumption {
  row: number | null;
  method: RevenueMethod | null;
  growthRate: number | null;
  adjustment: number | null;
  volatility: number | null;
}

/** Persian caption of a revenue class, for messages. */
function faClass(cls: RevenueClass): string {
  return REVENUE_CLASSES.find((c) => c.value === cls)?.fa ?? cls;
}

function tableOf<N extends TableName>(plan: Plan, name: N): Table<N> | undefined {
  return (plan.tables[name] ?? plan.reference[name]) as Table<N> | undefined;
}

/**
 * The funding sources a history line's `Code` may name, by `idKey` of their `SourceId`
 * (the workbook's own sources, else its reference's). A line whose Code is one of them is
 * forecast on its own and counts in that source's Nature (contract v2).
 */
export function historySources(plan: Plan): ReadonlyMap<string, Row<'tblFundingSources'>> {
  const out = new Map<string, Row<'tblFundingSources'>>();
  for (const { row } of entriesOf(plan, 'tblFundingSources')) {
    const key = idKey(row.SourceId);
    if (key !== '' && !out.has(key)) out.set(key, row);
  }
  return out;
}

/** The yearly series of one part of a class (see `ClassForecastPart`). */
interface PartSeries {
  sourceId: string | null;
  years: number[];
  values: Rials[];
}

/** How a part is named in messages: the class, and the source its lines name. */
function lineLabel(cls: RevenueClass, sourceId: string | null): { fa: string; en: string } {
  if (sourceId === null) return { fa: faClass(cls), en: cls };
  return { fa: `${faClass(cls)}، منبع ${ltr(sourceId)}`, en: `${cls} / ${sourceId}` };
}

/**
 * The history, origin, path and amounts of a split class: per year the sum of its parts'
 * (history over the union of their years, a year a part lacks read as 0). The path runs from
 * the latest origin; a part whose own history reaches a year adds its actual there.
 */
function sumParts(
  parts: readonly ClassForecastPart[],
  years: readonly number[],
  lastPlanYear: number,
): Pick<ClassForecastPart, 'history' | 'lastHistoryYear' | 'path' | 'amounts'> {
  const first = Math.min(...parts.map((p) => Math.min(...p.history.keys())));
  const lastHistoryYear = Math.max(...parts.map((p) => p.lastHistoryYear));
  const history = new Map<number, Rials>();
  for (let y = first; y <= lastHistoryYear; y++)
    history.set(
      y,
      parts.reduce((sum, p) => sum + (p.history.get(y) ?? 0n), 0n),
    );
  const path: number[] = [];
  for (let y = lastHistoryYear + 1; y <= lastPlanYear; y++)
    path.push(
      parts.reduce(
        (sum, p) =>
          sum +
          (y > p.lastHistoryYear
            ? (p.path[y - p.lastHistoryYear - 1] as number)
            : Number(p.history.get(y) ?? 0n)),
        0,
      ),
    );
  const amounts = new Map<number, Rials>();
  for (const year of years)
    amounts.set(
      year,
      parts.reduce((sum, p) => sum + (p.amounts.get(year) ?? 0n), 0n),
    );
  return { history, lastHistoryYear, path, amounts };
}

/**
 * Forecasts every scenario of `tblRevenueScenarios` (or `options.scenario`)
 * for every revenue class with history, over the plan years.
 *
 * Rules, beyond the contract's definitions:
 * - History is summed per class and year over its Codes (exact bigint). A
 *   year missing between a class's first and last year is read as 0, with a
 *   warning, as the contract does for a missing year column.
 * - Lines whose `Code` names a funding source (`historySources`) are a part
 *   of their class on their own, one per source, and the class's other lines
 *   one more; each part is forecast as above with the class's assumptions,
 *   and the class is their sum (`ClassForecast.parts`). A part that cannot
 *   be forecast leaves its whole class out.
 * - The origin of a class is its own last history year; h = plan year − that.
 *   A plan year that already has history takes the actual (warning).
 * - A class with history but no row in a scenario is forecast with `auto`,
 *   adjustment 1 (warning `REVENUE_CLASS_DEFAULTED`), so that a scenario's
 *   total never silently leaves out a revenue class.
 * - An empty Method is `growth` when GrowthRate is given, else `auto` (warning).
 * - A method the history is too short for falls back to `auto` (warning); a
 *   class that cannot be forecast at all (error) is left out and the
 *   scenario is marked `complete: false`.
 * - A second row for the same scenario and class is an error and ignored.
 * - No scenario rows at all: one scenario `base`, every class `auto` (warning).
 */
export function forecastRevenueScenarios(
  plan: Plan,
  options: RevenueScenarioOptions = {},
): RevenueScenariosResult {
  const years = plan.years;
  if (years.length === 0)
    return revenueFailure(
      'REVENUE_NO_PLAN_YEARS',
      'سال‌های برنامه معلوم نیست (\u2066StartYear\u2069 در مشخصات برنامه)',
      'the plan years are unknown (StartYear in tblPlanInfo)',
    );
  const findings: Finding[] = [];
  const historyTable = tableOf(plan, 'tblRevenueHistory');
  const scenarioTable = tableOf(plan, 'tblRevenueScenarios');
  const where = (
    table: Pick<Table, 'name' | 'sheet' | 'columns'> | undefined,
    row: number | null,
    column: string | null,
  ) => {
    const at = column === null ? undefined : table?.columns.get(column);
    return {
      table: table?.name ?? null,
      sheet: table?.sheet ?? null,
      row,
      column,
      cell: row !== null && at !== undefined ? a1(row, at) : null,
    };
  };

  // History per class, part (the source a line's Code names, else null) and year, exact.
  const sources = historySources(plan);
  const history = new Map<RevenueClass, Map<string | null, Map<number, Rials>>>();
  for (const r of rowsOf(plan, 'tblRevenueHistory')) {
    // Rows with an unreadable class or year were reported by the reader.
    if (r.RevenueClass === null || r.Year === null) continue;
    const source = sources.get(idKey(r.Code))?.SourceId ?? null;
    let parts = history.get(r.RevenueClass);
    if (!parts) history.set(r.RevenueClass, (parts = new Map()));
    const perYear = parts.get(source) ?? new Map<number, Rials>();
    perYear.set(r.Year, (perYear.get(r.Year) ?? 0n) + r.Amount);
    parts.set(source, perYear);
  }
  if (history.size === 0)
    return revenueFailure(
      'REVENUE_NO_HISTORY',
      'سابقه درآمد (\u2066tblRevenueHistory\u2069) خالی است',
      'there is no revenue history (tblRevenueHistory is empty or absent)',
    );
  const classOrder = REVENUE_CLASSES.map((c) => c.value as RevenueClass);
  const series = new Map<RevenueClass, PartSeries[]>();
  for (const cls of classOrder) {
    const parts = history.get(cls);
    if (!parts) continue;
    // The lines that name no source first, then the sources in the order the history names them.
    const ordered = [...parts].sort(([a], [b]) => (a === null ? 0 : 1) - (b === null ? 0 : 1));
    const out: PartSeries[] = [];
    for (const [sourceId, perYear] of ordered) {
      const label = lineLabel(cls, sourceId);
      const first = Math.min(...perYear.keys());
      const last = Math.max(...perYear.keys());
      const ys: number[] = [];
      const vs: Rials[] = [];
      const gaps: number[] = [];
      for (let y = first; y <= last; y++) {
        const v = perYear.get(y);
        if (v === undefined) gaps.push(y);
        ys.push(y);
        vs.push(v ?? 0n);
      }
      if (gaps.length > 0)
        findings.push(
          makeFinding('warning', 'REVENUE_HISTORY_GAP', where(historyTable, null, 'Year'), {
            fa: `سابقه «${label.fa}» برای سال(های) ${gaps.join('، ')} نیست و صفر خوانده شد`,
            en: `the history of ${label.en} has no amount for ${gaps.join(', ')}; read as 0`,
          }),
        );
      if ((years[0] as number) <= last)
        findings.push(
          makeFinding('warning', 'REVENUE_YEAR_HAS_ACTUAL', where(historyTable, null, 'Year'), {
            fa: `برای «${label.fa}» سال‌هایی از برنامه سابقه واقعی دارند؛ مقدار واقعی به جای پیش‌بینی آمد`,
            en: `${label.en} has actual history in plan years; the actual amounts were used instead of a forecast`,
          }),
        );
      out.push({ sourceId, years: ys, values: vs });
    }
    series.set(cls, out);
  }

  // Assumptions per scenario and class, in table order.
  const scenarios = new Map<string, { name: string; rows: Map<RevenueClass, Assumption> }>();
  for (const r of rowsOf(plan, 'tblRevenueScenarios')) {
    const name = r.Scenario.trim();
    if (name === '' || r.RevenueClass === null) continue; // reported by the reader
    const key = matchKey(name);
    const s = scenarios.get(key) ?? { name, rows: new Map<RevenueClass, Assumption>() };
    scenarios.set(key, s);
    if (s.rows.has(r.RevenueClass)) {
      findings.push(
        makeFinding(
          'error',
          'REVENUE_SCENARIO_DUPLICATE',
          where(scenarioTable, r.row, 'RevenueClass'),
          {
            fa: `سناریوی «${name}» برای «${faClass(r.RevenueClass)}» دو ردیف دارد؛ ردیف دوم نادیده گرفته شد`,
            en: `scenario "${name}" has two rows for ${r.RevenueClass}; the second is ignored`,
          },
        ),
      );
      continue;
    }
    s.rows.set(r.RevenueClass, {
      row: r.row,
      method: r.Method,
      growthRate: r.GrowthRate,
      adjustment: r.Adjustment,
      volatility: r.Volatility,
    });
  }
  if (scenarios.size === 0) {
    findings.push(
      makeFinding('warning', 'REVENUE_NO_SCENARIOS', where(scenarioTable, null, null), {
        fa: `سناریوی درآمدی تعریف نشده است؛ سناریوی «${DEFAULT_REVENUE_SCENARIO}» با انتخاب خودکار روش ساخته شد`,
        en: `no revenue scenario is defined; scenario "${DEFAULT_REVENUE_SCENARIO}" was built with the automatic method`,
      }),
    );
    scenarios.set(matchKey(DEFAULT_REVENUE_SCENARIO), {
      name: DEFAULT_REVENUE_SCENARIO,
      rows: new Map(),
    });
  }
  let wanted = [...scenarios.values()];
  if (options.scenario !== undefined) {
    const s = scenarios.get(matchKey(options.scenario.trim()));
    if (!s)
      return revenueFailure(
        'REVENUE_UNKNOWN_SCENARIO',
        `سناریوی «${options.scenario.slice(0, 40)}» در جدول سناریوها نیست`,
        `scenario "${options.scenario.slice(0, 40)}" is not in tblRevenueScenarios`,
      );
    wanted = [s];
  }

  const lastPlanYear = years[years.length - 1] as number;
  const out: ScenarioForecast[] = [];
  for (const s of wanted) {
    const classes: ClassForecast[] = [];
    let complete = true;
    for (const [cls, a] of s.rows) {
      if (series.has(cls)) continue;
      complete = false;
      findings.push(
        makeFinding(
          'error',
          'REVENUE_CLASS_NO_HISTORY',
          where(scenarioTable, a.row, 'RevenueClass'),
          {
            fa: `طبقه «${faClass(cls)}» در سناریوی «${s.name}» سابقه درآمد ندارد و پیش‌بینی نشد`,
            en: `class ${cls} in scenario "${s.name}" has no revenue history and was not forecast`,
          },
        ),
      );
    }
    for (const cls of classOrder) {
      const partSeries = series.get(cls);
      if (!partSeries) continue;
      const given = s.rows.get(cls);
      const a: Assumption = given ?? {
        row: null,
        method: 'auto',
        growthRate: null,
        adjustment: null,
        volatility: null,
      };
      if (!given)
        findings.push(
          makeFinding('warning', 'REVENUE_CLASS_DEFAULTED', where(scenarioTable, null, null), {
            fa: `طبقه «${faClass(cls)}» در سناریوی «${s.name}» ردیفی ندارد؛ با انتخاب خودکار روش و ضریب ۱ پیش‌بینی شد`,
            en: `class ${cls} has no row in scenario "${s.name}"; forecast with the automatic method and adjustment 1`,
          }),
        );
      const asked: RevenueMethod = a.method ?? (a.growthRate !== null ? 'growth' : 'auto');
      if (given && a.method === null)
        findings.push(
          makeFinding('warning', 'REVENUE_METHOD_BLANK', where(scenarioTable, a.row, 'Method'), {
            fa: `روش پیش‌بینی خالی است؛ «${asked === 'growth' ? 'نرخ رشد' : 'انتخاب خودکار'}» به کار رفت`,
            en: `the method is empty; ${asked} was used`,
          }),
        );
      if (given && a.growthRate !== null && asked !== 'growth')
        findings.push(
          makeFinding(
            'warning',
            'REVENUE_GROWTH_IGNORED',
            where(scenarioTable, a.row, 'GrowthRate'),
            {
              fa: `نرخ رشد فقط در روش «نرخ رشد» به کار می‌رود و اینجا نادیده گرفته شد`,
              en: `the growth rate is used by the growth method only and was ignored here`,
            },
          ),
        );
      const opts = { growthRate: a.growthRate, adjustment: a.adjustment ?? 1 };
      const parts: ClassForecastPart[] = [];
      let adjustment = opts.adjustment;
      for (const hist of partSeries) {
        const label = lineLabel(cls, hist.sourceId);
        let method = asked;
        const values = hist.values.map((v) => Number(v));
        const lastHistoryYear = hist.years[hist.years.length - 1] as number;
        const horizon = Math.max(0, lastPlanYear - lastHistoryYear);
        let f: SeriesForecast | RevenueFailure = forecastSeries(values, horizon, {
          ...opts,
          method,
        });
        if (!f.ok && f.code === 'REVENUE_TOO_FEW_POINTS' && method !== 'auto') {
          const need = REVENUE_MIN_POINTS[method];
          findings.push(
            makeFinding(
              'warning',
              'REVENUE_METHOD_FALLBACK',
              where(scenarioTable, a.row, 'Method'),
              {
                fa: `سابقه «${label.fa}» برای روش ${method} کوتاه است (${values.length} سال، دست‌کم ${need})؛ روش خودکار به کار رفت`,
                en: `the history of ${label.en} is too short for ${method} (${values.length} years, needs ${need}); auto was used`,
              },
            ),
          );
          method = 'auto';
          f = forecastSeries(values, horizon, { ...opts, method });
        }
        if (!f.ok) {
          findings.push(
            makeFinding('error', 'REVENUE_CLASS_FAILED', where(scenarioTable, a.row, null), {
              fa: `درآمد «${label.fa}» در سناریوی «${s.name}» پیش‌بینی نشد: ${f.message.fa}`,
              en: `revenue class ${label.en} in scenario "${s.name}" was not forecast: ${f.message.en}`,
            }),
          );
          break;
        }
        const amounts = new Map<number, Rials>();
        let negative = false;
        for (const year of years) {
          const h = year - lastHistoryYear;
          if (h <= 0) {
            amounts.set(year, hist.values[hist.years.indexOf(year)] ?? 0n);
            continue;
          }
          const v = roundToRials(f.path[h - 1] as number);
          if (v < 0n) negative = true;
          amounts.set(year, v);
        }
        if (negative)
          findings.push(
            makeFinding(
              'warning',
              'REVENUE_NEGATIVE_FORECAST',
              where(scenarioTable, a.row, 'Method'),
              {
                fa: `پیش‌بینی «${label.fa}» در سناریوی «${s.name}» به زیر صفر می‌رسد؛ روش دیگری را بسنجید`,
                en: `the forecast of ${label.en} in scenario "${s.name}" falls below zero; consider another method`,
              },
            ),
          );
        adjustment = f.adjustment;
        parts.push({
          sourceId: hist.sourceId,
          requestedMethod: method,
          method: f.method,
          history: new Map(hist.years.map((y, i) => [y, hist.values[i] as Rials])),
          lastHistoryYear,
          fit: f.fit,
          selection: f.selection,
          path: f.path,
          amounts,
        });
      }
      // A class is left out whole when one of its parts could not be forecast.
      if (parts.length < partSeries.length) {
        complete = false;
        continue;
      }
      const head = parts[0] as ClassForecastPart;
      const whole = parts.length === 1 ? head : sumParts(parts, years, lastPlanYear);
      classes.push({
        revenueClass: cls,
        row: a.row,
        requestedMethod: head.requestedMethod,
        method: head.method,
        growthRate: a.growthRate,
        adjustment,
        volatility: a.volatility,
        history: whole.history,
        lastHistoryYear: whole.lastHistoryYear,
        fit: head.fit,
        selection: head.selection,
        path: whole.path,
        amounts: whole.amounts,
        parts,
      });
    }
    const totals = new Map<number, Rials>();
    for (const year of years) {
      let sum = 0n;
      for (const c of classes) sum += c.amounts.get(year) ?? 0n;
      totals.set(year, sum);
    }
    out.push({ scenario: s.name, classes, totals, complete });
  }
  return { ok: true, years, scenarios: out, findings };
}

/** σ of one class for the Monte Carlo, and where it came from. */
export interface ClassVolatility {
  readonly revenueClass: RevenueClass;
  readonly sigma: number;
  readonly from: 'volatility' | 'history';
}

/**
 * The Monte Carlo input of a scenario forecast: one series per class, with
 * σ = the class's `Volatility`, or else `estimateRevenueVolatility` of its
 * history. Use it with `createRevenueSimulation` to run in chunks.
 */
export function toRevenueSimulationInput(
  forecast: ScenarioForecast,
  years: readonly number[],
  options: Pick<RevenueSimulationInput, 'simulations' | 'seed' | 'quantiles' | 'spending'>,
): { ok: true; input: RevenueSimulationInput; volatilities: ClassVolatility[] } | RevenueFailure {
  const series: SimulationSeries[] = [];
  const volatilities: ClassVolatility[] = [];
  for (const c of forecast.classes) {
    let sigma = c.volatility;
    let from: ClassVolatility['from'] = 'volatility';
    if (sigma === null) {
      const est = estimateRevenueVolatility([...c.history.values()].map((v) => Number(v)));
      if (!est.ok)
        return revenueFailure(
          'REVENUE_NO_VOLATILITY',
          `نوسان «${faClass(c.revenueClass)}» برآورد نشد: ${est.message.fa}`,
          `the volatility of ${c.revenueClass} could not be estimated: ${est.message.en}`,
        );
      sigma = est.sigma;
      from = 'history';
    }
    volatilities.push({ revenueClass: c.revenueClass, sigma, from });
    series.push({
      key: c.revenueClass,
      lastYear: c.lastHistoryYear,
      path: c.path,
      sigma,
      actuals: new Map([...c.history].map(([y, v]) => [y, Number(v)])),
    });
  }
  return { ok: true, input: { ...options, series, years }, volatilities };
}

/** Options of `simulateRevenueScenario`. */
export interface ScenarioSimulationOptions extends SimulationControl {
  /** The scenario to simulate (as in `tblRevenueScenarios`). */
  scenario: string;
  simulations: number;
  seed: number;
  quantiles?: readonly number[];
  /** Planned spending per plan year (e.g. from the fiscal module). */
  spending?: ReadonlyMap<number, bigint>;
}

/** Result of `simulateRevenueScenario`. */
export type ScenarioSimulationResult =
  | {
      readonly ok: true;
      readonly forecast: ScenarioForecast;
      readonly volatilities: readonly ClassVolatility[];
      readonly simulation: RevenueSimulationSuccess;
      readonly findings: readonly Finding[];
    }
  | RevenueFailure;

/**
 * Monte Carlo of one scenario of a plan over its years: per class and for the
 * total, P10/P50/P90 (or the asked quantiles), and the probability that total
 * revenue falls short of `spending`. Classes are drawn independently (see
 * `RevenueSimulationSuccess.total`).
 */
export function simulateRevenueScenario(
  plan: Plan,
  options: ScenarioSimulationOptions,
): ScenarioSimulationResult {
  const r = forecastRevenueScenarios(plan, { scenario: options.scenario });
  if (!r.ok) return r;
  const forecast = r.scenarios[0] as ScenarioForecast;
  const { simulations, seed, quantiles, spending } = options;
  const prepared = toRevenueSimulationInput(forecast, r.years, {
    simulations,
    seed,
    quantiles,
    spending,
  });
  if (!prepared.ok) return prepared;
  const simulation = simulateRevenue(prepared.input, options);
  if (!simulation.ok) return simulation;
  return {
    ok: true,
    forecast,
    volatilities: prepared.volatilities,
    simulation,
    findings: r.findings,
  };
}
