/**
 * PLAN.FISCAL_GAP, PLAN.SPENDING and PLAN.PLAN_REVENUE over the core's choice of the revenue
 * scenario (`computeCapitalBudget`) and fiscal balance (`fiscalBalance`, `spendingByYear`), on
 * the plan of the open workbook. Each plan read is computed once per scenario and kept with it.
 * Amounts are whole Rials (the contract's unit, whatever `Unit` the workbook is typed in).
 */
import type { AlbumStage, BudgetBalances, FiscalBalance, Plan, ScenarioForecast } from '#core';
import {
  BUDGET_KINDS,
  BUDGET_STAGES,
  budgetAlbum,
  budgetBalances,
  computeCapitalBudget,
  fiscalBalance,
  matchKey,
  rialsToNumber,
  spendingByYear,
  toLatinDigits,
} from '#core';
import type { Arg } from './args';
import { integerArg, isBlankArg } from './args';
import type { Out } from './result';
import { isFnError, notAvailable, valueError } from './result';
import { workbookUnreadable } from './revenue';
import type { PlanSource } from './workbook';
import { workbookPlan } from './workbook';

const NAMES = { year: { fa: 'سال', en: 'year' } };

interface Computed {
  scenario: ScenarioForecast;
  balance: FiscalBalance;
  heads: BudgetBalances;
}

// Per plan read and scenario name: the forecast and the balance (Holt fits are not free).
const computed = new WeakMap<Plan, Map<string, Out<Computed>>>();

function compute(plan: Plan, scenario: string | undefined): Out<Computed> {
  let byScenario = computed.get(plan);
  if (!byScenario) computed.set(plan, (byScenario = new Map()));
  const key = scenario === undefined ? '' : matchKey(scenario);
  let out = byScenario.get(key);
  if (out === undefined) {
    out = computeUncached(plan, scenario);
    byScenario.set(key, out);
  }
  return out;
}

function computeUncached(plan: Plan, scenario: string | undefined): Out<Computed> {
  // The scenario as the pane, the CLI and the register choose it: the argument, else the
  // workbook's `Scenario`, else `base`.
  const budget = computeCapitalBudget(plan, scenario === undefined ? {} : { scenario });
  if (!budget.ok)
    return budget.code === 'REVENUE_UNKNOWN_SCENARIO'
      ? notAvailable(budget.message.fa, budget.message.en)
      : valueError(budget.message.fa, budget.message.en);
  return {
    scenario: budget.forecast,
    balance: fiscalBalance(plan, budget.forecast.totals),
    heads: budgetBalances(plan, budget.forecast),
  };
}

async function planYear(year: Arg, plan: PlanSource): Promise<Out<{ plan: Plan; year: number }>> {
  const y = integerArg(year, NAMES.year, 1000, 9999);
  if (isFnError(y)) return y;
  let read;
  try {
    read = await plan();
  } catch (e) {
    return workbookUnreadable(e);
  }
  return { plan: read.plan, year: y };
}

const notPlanYear = (year: number) =>
  notAvailable(`سال ${year} از سال‌های برنامه نیست`, `${year} is not a year of the plan`);

const incomplete = (s: ScenarioForecast) =>
  notAvailable(
    `درآمد سناریوی «${s.scenario}» کامل نیست (یک طبقه درآمد پیش‌بینی‌پذیر نبود)؛ پنجره بررسی را ببینید`,
    `the revenue of scenario "${s.scenario}" is incomplete (a revenue class could not be forecast); see the Check pane`,
  );

function scenarioArg(v: Arg): string | undefined {
  return isBlankArg(v) ? undefined : String(v).trim();
}

/**
 * `PLAN.FISCAL_GAP`: forecast revenue of the scenario − spending in a plan year (negative: a
 * deficit). `#N/A` when the scenario's revenue is incomplete (a revenue class could not be
 * forecast), since the gap would then be too low without saying so.
 */
export async function fiscalGap(
  year: Arg,
  scenario: Arg,
  plan: PlanSource = workbookPlan,
): Promise<Out<number>> {
  return scenarioFigure(
    year,
    scenario,
    plan,
    (c, y) => c.balance.years.find((f) => f.year === y),
    'gap',
  );
}

/**
 * A figure of a plan year against the scenario's forecast: `#N/A` when the revenue is
 * incomplete, the year is not a plan year, or the year has no forecast.
 */
async function scenarioFigure<K extends string>(
  year: Arg,
  scenario: Arg,
  plan: PlanSource,
  yearOf: (c: Computed, year: number) => Partial<Record<K, bigint | null>> | undefined,
  figure: K,
): Promise<Out<number>> {
  const at = await planYear(year, plan);
  if (isFnError(at)) return at;
  const c = compute(at.plan, scenarioArg(scenario));
  if (isFnError(c)) return c;
  if (!c.scenario.complete) return incomplete(c.scenario);
  const y = yearOf(c, at.year);
  if (!y) return notPlanYear(at.year);
  const value = y[figure];
  if (value === null || value === undefined)
    return notAvailable(
      `برای سال ${at.year} درآمد پیش‌بینی‌شده‌ای نیست`,
      `there is no revenue forecast for ${at.year}`,
    );
  return rialsToNumber(value);
}

/** `PLAN.SPENDING`: spending of a plan year (activities + projects + opex of finished projects). */
export async function planSpending(
  year: Arg,
  plan: PlanSource = workbookPlan,
): Promise<Out<number>> {
  const at = await planYear(year, plan);
  if (isFnError(at)) return at;
  const y = spendingByYear(at.plan).get(at.year);
  return y ? rialsToNumber(y.total) : notPlanYear(at.year);
}

/** `PLAN.PLAN_REVENUE`: forecast revenue of the scenario in a plan year, all classes. */
export async function planRevenue(
  year: Arg,
  scenario: Arg,
  plan: PlanSource = workbookPlan,
): Promise<Out<number>> {
  const at = await planYear(year, plan);
  if (isFnError(at)) return at;
  const c = compute(at.plan, scenarioArg(scenario));
  if (isFnError(c)) return c;
  if (!c.scenario.complete) return incomplete(c.scenario);
  const total = c.scenario.totals.get(at.year);
  return total === undefined ? notPlanYear(at.year) : rialsToNumber(total);
}

/**
 * `PLAN.OPERATING_BALANCE`: forecast revenue of Nature revenue − current spending in a plan
 * year (contract v2; negative: current spending leans on asset sales or borrowing).
 */
export async function operatingBalance(
  year: Arg,
  scenario: Arg,
  plan: PlanSource = workbookPlan,
): Promise<Out<number>> {
  return scenarioFigure(
    year,
    scenario,
    plan,
    (c, y) => c.heads.years.find((f) => f.year === y),
    'operating',
  );
}

/** An enum argument by its key or caption (either language), or undefined when blank. */
function enumArg<V extends string>(
  v: Arg,
  values: ReadonlyArray<{ value: V; fa: string; en: string }>,
): V | undefined | null {
  if (isBlankArg(v)) return undefined;
  const key = matchKey(String(v));
  return values.find((x) => [x.value, x.fa, x.en].some((t) => matchKey(t) === key))?.value ?? null;
}

/**
 * `PLAN.BUDGET_TOTAL`: the budget lines of a plan year, optionally of one head and one
 * chapter, in the current budget (approved + amended + supplement) or one stage.
 */
export async function budgetTotal(
  year: Arg,
  head: Arg,
  chapter: Arg,
  stage: Arg,
  plan: PlanSource = workbookPlan,
): Promise<Out<number>> {
  const at = await planYear(year, plan);
  if (isFnError(at)) return at;
  const h = enumArg(head, BUDGET_KINDS);
  if (h === null)
    return valueError(
      `سرفصل «${String(head).slice(0, 20)}» شناخته نیست؛ \u2066current\u2069، \u2066capital\u2069 یا \u2066financial\u2069`,
      `unknown head "${String(head).slice(0, 20)}"; current, capital or financial`,
    );
  const stageKey = isBlankArg(stage) ? 'current' : matchKey(String(stage));
  const st: AlbumStage | null = [matchKey('current'), matchKey('بودجه جاری')].includes(stageKey)
    ? 'current'
    : (enumArg(stage, BUDGET_STAGES) ?? null);
  if (st === null)
    return valueError(
      `مرحله «${String(stage).slice(0, 20)}» شناخته نیست؛ \u2066current\u2069 یا یکی از مرحله‌های بودجه`,
      `unknown stage "${String(stage).slice(0, 20)}"; current or a budget stage`,
    );
  const wanted = isBlankArg(chapter) ? undefined : toLatinDigits(String(chapter).trim());
  const by = wanted === undefined ? 'head' : 'chapter';
  const album = budgetAlbum(at.plan, by, st);
  if (!at.plan.years.includes(at.year)) return notPlanYear(at.year);
  let total = 0n;
  if (wanted === undefined) {
    for (const [key, years] of album.groups)
      if (h === undefined || key === h) total += years.get(at.year)?.budget ?? 0n;
  } else {
    // By chapter, then the head of the chapter's lines: chapters are current spending.
    if (h !== undefined && h !== 'current') return 0;
    total = album.groups.get(wanted)?.get(at.year)?.budget ?? 0n;
  }
  return rialsToNumber(total);
}
