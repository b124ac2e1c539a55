/**
 * Spending and the fiscal balance of the plan (plan-workbook.md,
 * "Calculations": Spending, Fiscal gap), exact in bigint Rials, with the
 * split by funding source, revenue class and department, the check that
 * restricted (earmarked or capital) sources fund no current spending, and
 * the capital budget: the one choice of the plan's revenue scenario and what
 * it leaves for capital projects (`computeCapitalBudget`).
 */
import type { ProjectStatus, RevenueClass } from '../contract/enums';
import type { Bilingual, Finding } from '../findings';
import { makeFinding } from '../findings';
import { EXCLUDED_PROJECT_STATUSES } from '../linkage/graph';
import type { Entry } from '../linkage/rows';
import { Spellings, entriesOf, idKey, indexBy, moneyYears, whereOf } from '../linkage/rows';
import type { Rials } from '../money';
import { formatRials } from '../money';
import type { Plan } from '../read/plan';
import type { RevenueFailure } from '../revenue/failure';
import { revenueFailure } from '../revenue/failure';
import type { ScenarioForecast } from '../revenue/scenarios';
import { DEFAULT_REVENUE_SCENARIO, forecastRevenueScenarios } from '../revenue/scenarios';
import { toPersianDigits } from '../util/text';
import { inCurrentBudget } from './stages';

/** Spending of a year split by what it is. */
export interface SpendingParts {
  /** Continuous activities' cost (current spending). */
  readonly activities: bigint;
  /** Capital projects' cost. */
  readonly projects: bigint;
  /** `OpexImpact` of projects finished before the year (current spending). */
  readonly opex: bigint;
  /**
   * The financial head (contract v2): `financial` budget lines of the current budget (loan
   * principal repaid, equity in municipal companies). 0 in every v1 workbook.
   */
  readonly financial: bigint;
  /** activities + projects + opex + financial. */
  readonly total: bigint;
}

/** Spending of one plan year, in total and split. */
export interface SpendingYear extends SpendingParts {
  readonly year: number;
  /**
   * By the `SourceId` the item names, spelt as in `tblFundingSources` (IDs
   * match as validation matches them: case, digit script and invisible marks
   * aside). `NO_SOURCE` (`''`)
   * collects items with an empty `SourceId` and all opex impact: the contract
   * names no source for a finished asset's running cost, which falls on
   * general current revenue.
   */
  readonly bySource: ReadonlyMap<string, SpendingParts>;
  /**
   * By the item's `Dept`, spelt as in `tblDepartments` when listed there
   * (`''`: empty). Opex goes to the project's Dept.
   */
  readonly byDept: ReadonlyMap<string, SpendingParts>;
}

/** The `bySource` key of spending that names no funding source. */
export const NO_SOURCE = '';

/** Options of `spendingByYear` and `fiscalBalance`. */
export interface SpendingOptions {
  /**
   * Count only the workbook's own projects and activities. By default the
   * reference rows the workbook does not hold are counted too (a consolidated
   * view when the register supplies other departments' items).
   */
  readonly ownOnly?: boolean;
}

interface Acc {
  activities: bigint;
  projects: bigint;
  opex: bigint;
  financial: bigint;
}

const newAcc = (): Acc => ({ activities: 0n, projects: 0n, opex: 0n, financial: 0n });
const partsOf = (a: Acc): SpendingParts => ({
  activities: a.activities,
  projects: a.projects,
  opex: a.opex,
  financial: a.financial,
  total: a.activities + a.projects + a.opex + a.financial,
});

function accIn(map: Map<string, Acc>, key: string): Acc {
  let a = map.get(key);
  if (!a) {
    a = newAcc();
    map.set(key, a);
  }
  return a;
}

// True when a project's money and opex count in spending (dropped projects' do not).
function projectCounts(status: ProjectStatus | null): boolean {
  return status === null || !EXCLUDED_PROJECT_STATUSES.includes(status);
}

/**
 * Spending per plan year: Σ continuous activities' cost that year + Σ capital
 * projects' cost that year + Σ `OpexImpact` of projects whose `EndYear` is
 * before that year + the financial head (contract v2: Σ `financial` budget lines of the
 * year's current budget; a v1 workbook has none, so its figures do not change). Dropped
 * projects count neither cost nor opex; done
 * projects' opex counts (the asset runs); a project with no `EndYear` has no
 * opex yet. Years: the plan period (or every cost column's year without one).
 * A financial line counts under its own `SourceId` and under the Dept of the item it links
 * (`''` when it links none, as a loan's principal may).
 */
export function spendingByYear(
  plan: Plan,
  options: SpendingOptions = {},
): Map<number, SpendingYear> {
  return new Map(memoOf(plan, options, spendingMemo, computeSpendingByYear));
}

/**
 * What is computed once per plan read (plans are never changed once read; a city's fiscal
 * balance, budget balances, capital budget and validation ask for the same spending of each
 * scenario, 14 times): per plan object, own rows only or with reference rows.
 */
type Memo<T> = WeakMap<Plan, { own?: T; all?: T }>;
const spendingMemo: Memo<Map<number, SpendingYear>> = new WeakMap();
const restrictedMemo: Memo<readonly Finding[]> = new WeakMap();

function memoOf<T>(
  plan: Plan,
  options: SpendingOptions,
  memo: Memo<T>,
  compute: (plan: Plan, options: SpendingOptions) => T,
): T {
  const slot = options.ownOnly === true ? 'own' : 'all';
  let held = memo.get(plan);
  if (held === undefined) memo.set(plan, (held = {}));
  return (held[slot] ??= compute(plan, { ownOnly: options.ownOnly === true }));
}

function computeSpendingByYear(plan: Plan, options: SpendingOptions): Map<number, SpendingYear> {
  const years = moneyYears(plan);
  const sourceIds = new Spellings(entriesOf(plan, 'tblFundingSources').map((e) => e.row.SourceId));
  const deptIds = new Spellings(entriesOf(plan, 'tblDepartments').map((e) => e.row.DeptId));
  const total = new Map<number, Acc>();
  const bySource = new Map<number, Map<string, Acc>>();
  const byDept = new Map<number, Map<string, Acc>>();
  for (const y of years) {
    total.set(y, newAcc());
    bySource.set(y, new Map());
    byDept.set(y, new Map());
  }
  const add = (y: number, source: string, dept: string, part: keyof Acc, v: bigint) => {
    const t = total.get(y);
    const s = bySource.get(y);
    const d = byDept.get(y);
    if (!t || !s || !d || v === 0n) return;
    t[part] += v;
    accIn(s, source)[part] += v;
    accIn(d, dept)[part] += v;
  };
  for (const { row } of entriesOf(plan, 'tblActivities', options)) {
    const source = sourceIds.of(row.SourceId);
    const dept = deptIds.of(row.Dept);
    for (const [y, v] of row.costs) add(y, source, dept, 'activities', v);
  }
  for (const { row } of entriesOf(plan, 'tblProjects', options)) {
    if (!projectCounts(row.Status)) continue;
    const source = sourceIds.of(row.SourceId);
    const dept = deptIds.of(row.Dept);
    for (const [y, v] of row.costs) add(y, source, dept, 'projects', v);
    const end = row.EndYear;
    if (end !== null && row.OpexImpact !== 0n)
      for (const y of years) if (end < y) add(y, NO_SOURCE, dept, 'opex', row.OpexImpact);
  }
  const items = new Map<string, string>();
  for (const { row } of entriesOf(plan, 'tblProjects', options))
    items.set(idKey(row.ProjectId), row.Dept);
  for (const { row } of entriesOf(plan, 'tblActivities', options))
    items.set(idKey(row.ActivityId), row.Dept);
  for (const { row } of entriesOf(plan, 'tblBudgetLines', options)) {
    if (row.Kind !== 'financial' || !inCurrentBudget(row) || row.Year === null) continue;
    const dept = deptIds.of(items.get(idKey(row.LinkedId)) ?? '');
    add(row.Year, sourceIds.of(row.SourceId), dept, 'financial', row.Amount);
  }
  const out = new Map<number, SpendingYear>();
  for (const y of years) {
    const mapParts = (m: Map<string, Acc> | undefined) =>
      new Map([...(m ?? new Map<string, Acc>())].map(([k, a]) => [k, partsOf(a)] as const));
    out.set(y, {
      year: y,
      ...partsOf(total.get(y) ?? newAcc()),
      bySource: mapParts(bySource.get(y)),
      byDept: mapParts(byDept.get(y)),
    });
  }
  return out;
}

/** One plan year of the fiscal balance. */
export interface FiscalYear extends SpendingParts {
  readonly year: number;
  /** Forecast revenue of the scenario; null when none was given for the year. */
  readonly revenue: bigint | null;
  /** revenue − total (negative: a deficit); null without revenue. */
  readonly gap: bigint | null;
}

/** One year of a revenue class: its forecast against the spending its sources fund. */
export interface ClassYear {
  readonly year: number;
  readonly revenue: bigint | null;
  readonly spending: SpendingParts;
  /** revenue − spending.total; null without revenue. */
  readonly gap: bigint | null;
}

/** A revenue class's balance over the plan years. */
export interface ClassBalance {
  /**
   * The class; null for spending whose source is empty, unknown or has no
   * class, and for opex impact (these fall on general revenue).
   */
  readonly revenueClass: RevenueClass | null;
  /** IDs of the sources of this class that fund something, as `bySource` keys. */
  readonly sources: readonly string[];
  readonly years: readonly ClassYear[];
}

/** Options of `fiscalBalance`. */
export interface FiscalBalanceOptions extends SpendingOptions {
  /** Forecast revenue per class and year (e.g. from the revenue scenario), for the split by class. */
  readonly revenueByClass?: ReadonlyMap<RevenueClass, ReadonlyMap<number, bigint>>;
}

/** The fiscal balance of a plan against a revenue scenario. */
export interface FiscalBalance {
  readonly years: readonly FiscalYear[];
  /** One entry per revenue class with a forecast or with spending, then the null class if any. */
  readonly byClass: readonly ClassBalance[];
  /** The spending the balance is made of. */
  readonly spending: ReadonlyMap<number, SpendingYear>;
  /**
   * Located, bilingual findings: `FISCAL_DEFICIT` (a year's spending above its
   * revenue), `FISCAL_NO_REVENUE` (a plan year without a forecast) and
   * `FISCAL_RESTRICTED_CURRENT` (a restricted source funding current spending).
   */
  readonly findings: readonly Finding[];
}

/**
 * The fiscal balance: per plan year, forecast revenue − spending (the
 * contract's fiscal gap; negative is a deficit), the same by revenue class
 * (each class's forecast against the spending funded by sources of that class),
 * and the restricted-source check (`restrictedSourceFindings`).
 */
export function fiscalBalance(
  plan: Plan,
  revenueByYear: ReadonlyMap<number, bigint>,
  options: FiscalBalanceOptions = {},
): FiscalBalance {
  const spending = spendingByYear(plan, options);
  const findings: Finding[] = [];
  const years: FiscalYear[] = [];
  for (const s of spending.values()) {
    const revenue = revenueByYear.get(s.year) ?? null;
    const gap = revenue === null ? null : revenue - s.total;
    years.push({
      year: s.year,
      activities: s.activities,
      projects: s.projects,
      opex: s.opex,
      financial: s.financial,
      total: s.total,
      revenue,
      gap,
    });
    const where = { table: null, column: String(s.year) };
    if (revenue === null)
      findings.push(
        makeFinding('warning', 'FISCAL_NO_REVENUE', where, {
          fa: `برای سال ${toPersianDigits(String(s.year))} درآمد پیش‌بینی‌شده‌ای داده نشده است`,
          en: `no revenue forecast is given for ${s.year}`,
        }),
      );
    else if (gap !== null && gap < 0n)
      findings.push(
        makeFinding('warning', 'FISCAL_DEFICIT', where, deficitMessage(s.year, s.total, revenue)),
      );
  }

  const sources = indexBy(entriesOf(plan, 'tblFundingSources'), 'SourceId');
  const classOf = (key: string): RevenueClass | null =>
    key === NO_SOURCE ? null : (sources.get(idKey(key))?.row.RevenueClass ?? null);
  const classes = new Map<RevenueClass | null, { sources: Set<string> }>();
  for (const cls of options.revenueByClass?.keys() ?? []) classes.set(cls, { sources: new Set() });
  for (const s of spending.values())
    for (const [key, parts] of s.bySource) {
      if (parts.total === 0n) continue;
      const cls = classOf(key);
      let c = classes.get(cls);
      if (!c) classes.set(cls, (c = { sources: new Set() }));
      if (key !== NO_SOURCE) c.sources.add(key);
    }
  const ordered = [...classes.keys()].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : CLASS_ORDER.indexOf(a) - CLASS_ORDER.indexOf(b),
  );
  const byClass: ClassBalance[] = ordered.map((cls) => ({
    revenueClass: cls,
    sources: [...(classes.get(cls)?.sources ?? [])].sort(),
    years: [...spending.values()].map((s) => {
      const acc = newAcc();
      for (const [key, parts] of s.bySource) {
        if (classOf(key) !== cls) continue;
        acc.activities += parts.activities;
        acc.projects += parts.projects;
        acc.opex += parts.opex;
        acc.financial += parts.financial;
      }
      const spent = partsOf(acc);
      const revenue = cls === null ? null : (options.revenueByClass?.get(cls)?.get(s.year) ?? null);
      return {
        year: s.year,
        revenue,
        spending: spent,
        gap: revenue === null ? null : revenue - spent.total,
      };
    }),
  }));

  findings.push(...restrictedSourceFindings(plan, options));
  return { years, byClass, spending, findings };
}

// Order of the revenue classes in the municipal budget (contract "Revenue classes").
const CLASS_ORDER: readonly RevenueClass[] = [
  'general-duties',
  'dedicated-duties',
  'service-fees',
  'asset-returns',
  'government-grants',
  'donations',
  'other-resources',
];

function deficitMessage(year: number, spending: bigint, revenue: bigint): Bilingual {
  const gap = spending - revenue;
  return {
    fa: `کسری در سال ${toPersianDigits(String(year))}: مصارف ${formatRials(spending, 'fa')} ریال از درآمد پیش‌بینی‌شده ${formatRials(revenue, 'fa')} ریال به اندازه ${formatRials(gap, 'fa')} ریال بیشتر است`,
    en: `deficit in ${year}: spending of ${formatRials(spending)} Rials exceeds the forecast revenue of ${formatRials(revenue)} Rials by ${formatRials(gap)} Rials`,
  };
}

/**
 * The restricted-source rule: a source marked `Restricted` (earmarked money
 * such as dedicated duties and specific government grants, or capital
 * resources such as borrowing and asset sales) may fund capital projects only,
 * never current spending. Current spending is a continuous activity, or a
 * budget line of `Kind` current (or with no Kind, linked to an activity).
 * Basis: the operational balance of Iranian public budgeting, under which
 * current spending is met from current revenue and capital and earmarked
 * resources are kept for capital acquisition (docs/calculations.md).
 *
 * One located warning per offending row (cell of its `SourceId`), for the
 * workbook's own rows with money above 0 (reference rows are the register's).
 */
export function restrictedSourceFindings(plan: Plan, options: SpendingOptions = {}): Finding[] {
  return [...memoOf(plan, options, restrictedMemo, computeRestrictedSourceFindings)];
}

function computeRestrictedSourceFindings(plan: Plan, options: SpendingOptions): Finding[] {
  const sources = indexBy(entriesOf(plan, 'tblFundingSources'), 'SourceId');
  const restricted = (id: string) => sources.get(idKey(id))?.row.Restricted === true;
  const out: Finding[] = [];
  const flag = (
    e: Entry<'tblActivities'> | Entry<'tblBudgetLines'>,
    id: string,
    what: Bilingual,
  ) => {
    if (e.table.reference) return;
    const source = sources.get(idKey(e.row.SourceId));
    const title = source?.row.Title ? ` (${source.row.Title})` : '';
    out.push(
      makeFinding('warning', 'FISCAL_RESTRICTED_CURRENT', whereOf(e, 'SourceId'), {
        fa: `منبع محدود «${e.row.SourceId}»${title} فقط برای پروژه‌های تملک دارایی سرمایه‌ای است و نباید ${what.fa} «${id}» را تأمین کند`,
        en: `restricted source "${e.row.SourceId}"${title} may fund capital projects only, not ${what.en} "${id}"`,
      }),
    );
  };
  const activities = entriesOf(plan, 'tblActivities', options);
  for (const e of activities) {
    if (!restricted(e.row.SourceId)) continue;
    if (![...e.row.costs.values()].some((v) => v !== 0n)) continue;
    flag(e, e.row.ActivityId, { fa: 'فعالیت مستمر (هزینه جاری)', en: 'the continuous activity' });
  }
  const activityIds = new Set(activities.map((e) => idKey(e.row.ActivityId)));
  const projectIds = new Set(
    entriesOf(plan, 'tblProjects', options).map((e) => idKey(e.row.ProjectId)),
  );
  for (const e of entriesOf(plan, 'tblBudgetLines', options)) {
    if (e.row.Amount === 0n || !restricted(e.row.SourceId)) continue;
    const linked = idKey(e.row.LinkedId);
    const current =
      e.row.Kind === 'current' ||
      (e.row.Kind === null && activityIds.has(linked) && !projectIds.has(linked));
    if (current)
      flag(e, e.row.BudgetCode, { fa: 'ردیف بودجه جاری', en: 'the current budget line' });
  }
  return out;
}

/**
 * What a revenue path leaves for capital projects in each plan year: revenue − continuous
 * activities − opex impact − the financial head (loan principal due is paid before any new
 * project; 0 in a v1 workbook), on the **planned-opex basis**: the opex of every project that
 * counts in spending (not dropped) and finished before the year, as the contract's Spending
 * counts it. So capital budget − projects = the fiscal gap, and a portfolio that fits the
 * budget leaves no deficit once the projects left out are dropped. Negative when current
 * spending alone exceeds revenue; years without a revenue forecast are left out.
 *
 * This is the arithmetic only. A plan's capital budget is `computeCapitalBudget`, which also
 * chooses the scenario; call that unless the revenue path is already the chosen one.
 */
export function capitalBudgetByYear(
  revenueByYear: ReadonlyMap<number, bigint>,
  plan: Plan,
  options: SpendingOptions = {},
): Map<number, Rials> {
  const out = new Map<number, Rials>();
  for (const s of spendingByYear(plan, options).values()) {
    const revenue = revenueByYear.get(s.year);
    if (revenue !== undefined) out.set(s.year, revenue - s.activities - s.opex - s.financial);
  }
  return out;
}

/** Where the name of the chosen scenario came from. */
export type ScenarioSource =
  /** Given by the caller (the CLI's `--scenario`, a function's argument). */
  | 'option'
  /** `tblPlanInfo`'s `Scenario` (or the reference plan information's). */
  | 'plan'
  /** Neither: `DEFAULT_REVENUE_SCENARIO` (`base`). */
  | 'default';

/** The revenue scenario a plan's figures are balanced against. */
export interface ScenarioChoice {
  /** As given (trimmed); scenarios match case- and digit-insensitively. */
  readonly name: string;
  readonly from: ScenarioSource;
}

/**
 * The revenue scenario the plan is balanced against (contract v2, `tblPlanInfo` key
 * `Scenario`): `scenario` when given and not blank (an explicit choice overrides the
 * workbook's), else the plan's `Scenario`, else `base`. Never "the only one" or "the first":
 * a scenario table read in another order must not move the budget.
 */
export function chooseScenario(plan: Plan, scenario?: string): ScenarioChoice {
  const asked = scenario?.trim() ?? '';
  if (asked !== '') return { name: asked, from: 'option' };
  const named = plan.info.Scenario.trim();
  if (named !== '') return { name: named, from: 'plan' };
  return { name: DEFAULT_REVENUE_SCENARIO, from: 'default' };
}

/** Options of `computeCapitalBudget`. */
export interface CapitalBudgetOptions extends SpendingOptions {
  /**
   * The revenue scenario, overriding the plan's `Scenario` (e.g. the CLI's `--scenario`);
   * blank or absent: the plan's, else `base` (`chooseScenario`).
   */
  readonly scenario?: string;
}

/** The capital budget of a plan, and the scenario it comes from. */
export interface CapitalBudget {
  readonly ok: true;
  /** How the scenario was chosen. */
  readonly choice: ScenarioChoice;
  /** The chosen scenario's forecast (its name as the scenario table spells it). */
  readonly forecast: ScenarioForecast;
  /** Per plan year with a forecast: what the scenario leaves for capital projects (`capitalBudgetByYear`). */
  readonly byYear: ReadonlyMap<number, Rials>;
  /** What the forecast found (defaulted classes, fallbacks, failed classes). */
  readonly findings: readonly Finding[];
}

/** Why a plan has no capital budget: the revenue failure, and the scenario that was asked for. */
export type CapitalBudgetFailure = RevenueFailure & { readonly choice: ScenarioChoice };

/** Result of `computeCapitalBudget`. */
export type CapitalBudgetResult = CapitalBudget | CapitalBudgetFailure;

/**
 * The capital budget of a plan: chooses the scenario (`chooseScenario`: the option, else
 * `tblPlanInfo`'s `Scenario`, else `base`), forecasts it (`forecastRevenueScenarios`) and
 * leaves per year its revenue − activities − planned opex − the financial head
 * (`capitalBudgetByYear`). The one
 * place where the pane, the `PLAN.*` functions, validation, the CLI and the register's
 * consolidation get the scenario and the budget, so they agree on one workbook.
 *
 * Fails (a value, never a throw) when the plan has no years or no revenue history, or when
 * the chosen scenario is not in `tblRevenueScenarios` (`REVENUE_UNKNOWN_SCENARIO`, with a
 * message that says where the name came from).
 */
export function computeCapitalBudget(
  plan: Plan,
  options: CapitalBudgetOptions = {},
): CapitalBudgetResult {
  const choice = chooseScenario(plan, options.scenario);
  const result = forecastRevenueScenarios(plan, { scenario: choice.name });
  if (!result.ok) {
    if (result.code !== 'REVENUE_UNKNOWN_SCENARIO') return { ...result, choice };
    return { ...unknownScenario(choice), choice };
  }
  const forecast = result.scenarios[0];
  if (!forecast) return { ...unknownScenario(choice), choice };
  return {
    ok: true,
    choice,
    forecast,
    byYear: capitalBudgetByYear(forecast.totals, plan, options),
    findings: result.findings,
  };
}

function unknownScenario(choice: ScenarioChoice): RevenueFailure {
  const name = choice.name.slice(0, 40);
  const fa = `سناریوی «${name}» در جدول سناریوهای درآمد (\u2066tblRevenueScenarios\u2069) نیست`;
  const en = `scenario "${name}" is not in tblRevenueScenarios`;
  switch (choice.from) {
    case 'plan':
      return revenueFailure(
        'REVENUE_UNKNOWN_SCENARIO',
        `${fa}؛ مشخصات برنامه (\u2066Scenario\u2069 در \u2066tblPlanInfo\u2069) آن را نام برده است`,
        `${en}; tblPlanInfo names it (Scenario)`,
      );
    case 'default':
      return revenueFailure(
        'REVENUE_UNKNOWN_SCENARIO',
        `${fa}؛ سناریوی برنامه را در مشخصات برنامه (\u2066Scenario\u2069 در \u2066tblPlanInfo\u2069) بنویسید`,
        `${en}; name the plan's scenario in tblPlanInfo (Scenario)`,
      );
    default:
      return revenueFailure('REVENUE_UNKNOWN_SCENARIO', fa, en);
  }
}
