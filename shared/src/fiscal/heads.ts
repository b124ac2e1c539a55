/**
 * Contract v2's budget skeleton (plan-workbook.md, "Calculations (v2)"): spending by the
 * three heads of the municipal budget, the operating, capital and financial balances of each
 * plan year against a revenue forecast (they add up to the fiscal gap), the cash position
 * with the opening balance, and the budget's totals per year by head, chapter, function,
 * program, scheme and stage, from the budget lines, with the plan's own costs beside them.
 * Exact in bigint Rials. A v1 workbook (no financial lines, no natures) gives v1's figures.
 */
import type { BudgetKind, BudgetStage, FundingNature, RevenueClass } from '../contract/enums';
import { FUNDING_NATURES, REVENUE_CLASSES } from '../contract/enums';
import type { EnumValue } from '../contract/enums';
import type { Finding } from '../findings';
import { EXCLUDED_PROJECT_STATUSES, itemProgramId } from '../linkage/graph';
import { makeFinding } from '../findings';
import type { Entry } from '../linkage/rows';
import { entriesOf, idKey, indexBy, whereOf } from '../linkage/rows';
import { formatRials } from '../money';
import type { Plan, Row } from '../read/plan';
import { rowsOf } from '../read/plan';
import type { ScenarioForecast } from '../revenue/scenarios';
import { historySources } from '../revenue/scenarios';
import type { SpendingOptions } from './index';
import { spendingByYear } from './index';
import { inCurrentBudget, lineStage } from './stages';

export { CURRENT_BUDGET_STAGES, inCurrentBudget, lineStage } from './stages';

/** The Nature of a funding source; a source without one is revenue (the contract's default). */
export function sourceNature(source: Row<'tblFundingSources'>): FundingNature {
  return source.Nature ?? 'revenue';
}

/** The Nature each forecast line counts in, and the classes whose sources disagree. */
export interface ClassNatures {
  /** The Nature of each class's lines that name no source. */
  readonly of: ReadonlyMap<RevenueClass, FundingNature>;
  /** The Nature of each funding source a history line names, by `idKey` of its `SourceId`. */
  readonly ofSource: ReadonlyMap<string, FundingNature>;
  /** NATURE_MIXED warnings (lines of a class whose unnamed sources differ in Nature count as revenue). */
  readonly findings: readonly Finding[];
}

/**
 * The Nature of each forecast line (contract v2): a history line whose `Code` names a funding
 * source (`historySources`) counts in that source's Nature; the other lines of a class count
 * in the Nature of the class's sources that no line of the class names. A class with no such
 * source is revenue; one whose such sources differ is revenue too, with a NATURE_MIXED
 * warning at its first history line that names no source, unless every line of the class
 * names its source (then nothing counts in the mixed Nature).
 */
export function classNatures(plan: Plan): ClassNatures {
  const sources = historySources(plan);
  const history = entriesOf(plan, 'tblRevenueHistory', { ownOnly: true });
  // The sources each class's lines name, and whether some of its lines name none.
  const named = new Map<RevenueClass, Set<string>>();
  const hasRest = new Set<RevenueClass>();
  for (const r of rowsOf(plan, 'tblRevenueHistory')) {
    if (r.RevenueClass === null) continue;
    const key = idKey(r.Code);
    if (!sources.has(key)) {
      hasRest.add(r.RevenueClass);
      continue;
    }
    let set = named.get(r.RevenueClass);
    if (!set) named.set(r.RevenueClass, (set = new Set()));
    set.add(key);
  }
  const seen = new Map<RevenueClass, Set<FundingNature>>();
  const ofSource = new Map<string, FundingNature>();
  for (const keys of named.values())
    for (const key of keys) {
      const row = sources.get(key);
      if (row) ofSource.set(key, sourceNature(row));
    }
  for (const { row } of entriesOf(plan, 'tblFundingSources')) {
    const cls = row.RevenueClass as RevenueClass;
    let set = seen.get(cls);
    if (!set) seen.set(cls, (set = new Set()));
    if (!named.get(cls)?.has(idKey(row.SourceId))) set.add(sourceNature(row));
  }
  const of = new Map<RevenueClass, FundingNature>();
  const findings: Finding[] = [];
  for (const [cls, natures] of seen) {
    if (natures.size <= 1) {
      of.set(cls, [...natures][0] ?? 'revenue');
      continue;
    }
    of.set(cls, 'revenue');
    // Every line of the class names its source: nothing is counted in the mixed Nature.
    if (named.has(cls) && !hasRest.has(cls)) continue;
    const first =
      history.find((e) => e.row.RevenueClass === cls && !sources.has(idKey(e.row.Code))) ??
      history.find((e) => e.row.RevenueClass === cls);
    findings.push(
      makeFinding(
        'warning',
        'NATURE_MIXED',
        first ? whereOf(first, 'RevenueClass') : { table: 'tblFundingSources', column: 'Nature' },
        {
          fa: `منابع طبقه درآمد «${captionOf(REVENUE_CLASSES, cls)}» ماهیت یکسانی ندارند (${[...natures].map((n) => captionOf(FUNDING_NATURES, n)).join('، ')})؛ پیش‌بینی آن درآمد به شمار آمد. ردیف‌های سابقه را با ستون کد به منبع خود نسبت دهید یا منابع را جدا کنید`,
          en: `the funding sources of revenue class "${cls}" differ in Nature (${[...natures].join(', ')}); its forecast counts as revenue. Name each history line's source in Code, or split the sources`,
        },
      ),
    );
  }
  return { of, ofSource, findings };
}

function captionOf(values: readonly EnumValue[], value: string): string {
  return values.find((v) => v.value === value)?.fa ?? value;
}

/** What a budget line is, by its Kind, else by what it links (an activity is current). */
function lineHead(
  line: Row<'tblBudgetLines'>,
  activities: ReadonlyMap<string, Entry<'tblActivities'>>,
): BudgetKind {
  if (line.Kind !== null) return line.Kind;
  return activities.has(idKey(line.LinkedId)) ? 'current' : 'capital';
}

/** One plan year of the three balances. */
export interface BalanceYear {
  readonly year: number;
  /** Current head: activities' costs + opex of finished projects. */
  readonly current: bigint;
  /** Capital head: projects' costs. */
  readonly capital: bigint;
  /** Financial head: `financial` lines of the current budget (loan principal, equity). */
  readonly financial: bigint;
  /** current + capital + financial. */
  readonly spending: bigint;
  /** Forecast revenue by the Nature of its class; null without a forecast for the year. */
  readonly revenue: Readonly<Record<FundingNature, bigint>> | null;
  /** Forecast of Nature revenue − current spending (تراز عملیاتی). */
  readonly operating: bigint | null;
  /** Forecast of Nature capital-disposal − capital spending. */
  readonly capitalBalance: bigint | null;
  /** Forecast of Nature financial-disposal − financial spending. */
  readonly financialBalance: bigint | null;
  /** Forecast revenue − spending: the sum of the three balances. */
  readonly gap: bigint | null;
  /** OpeningBalance + Σ gaps of the plan years up to this one; null once a gap is unknown. */
  readonly cash: bigint | null;
}

/** The three balances of a plan against one scenario's forecast. */
export interface BudgetBalances {
  readonly scenario: string;
  readonly openingBalance: bigint;
  readonly years: readonly BalanceYear[];
  /** NATURE_MIXED and OPERATING_DEFICIT warnings. */
  readonly findings: readonly Finding[];
}

/**
 * The operating, capital and financial balance of each plan year, and the cash position.
 * Spending by head is v1's spending (activities + opex as current, projects as capital) plus
 * the financial head; revenue is the scenario's forecast, each part of a class counted in its
 * Nature (`classNatures`).
 * A year whose operating balance is negative gets an OPERATING_DEFICIT warning (current
 * spending there leans on asset sales or borrowing) when the plan's sources have natures
 * other than revenue; otherwise FISCAL_DEFICIT already says it.
 */
export function budgetBalances(
  plan: Plan,
  forecast: ScenarioForecast,
  options: SpendingOptions = {},
): BudgetBalances {
  const natures = classNatures(plan);
  const spending = spendingByYear(plan, options);
  const findings: Finding[] = [...natures.findings];
  const years: BalanceYear[] = [];
  let cash: bigint | null = plan.info.OpeningBalance;
  // In a plan whose revenue is all of Nature revenue (every v1 workbook), a negative operating
  // balance implies the fiscal deficit FISCAL_DEFICIT already reports: warn only where the
  // natures are split.
  const splitsNatures = [...natures.of.values(), ...natures.ofSource.values()].some(
    (n) => n !== 'revenue',
  );
  for (const s of spending.values()) {
    const current = s.activities + s.opex;
    const capital = s.projects;
    const fin = s.financial;
    const total = current + capital + fin;
    let revenue: Record<FundingNature, bigint> | null = null;
    if (forecast.totals.has(s.year)) {
      revenue = { revenue: 0n, 'capital-disposal': 0n, 'financial-disposal': 0n };
      for (const c of forecast.classes) {
        for (const part of c.parts) {
          const amount = part.amounts.get(s.year);
          if (amount === undefined) continue;
          const nature =
            part.sourceId === null
              ? natures.of.get(c.revenueClass)
              : natures.ofSource.get(idKey(part.sourceId));
          revenue[nature ?? 'revenue'] += amount;
        }
      }
    }
    const operating = revenue === null ? null : revenue.revenue - current;
    const capitalBalance = revenue === null ? null : revenue['capital-disposal'] - capital;
    const financialBalance = revenue === null ? null : revenue['financial-disposal'] - fin;
    const gap =
      operating === null || capitalBalance === null || financialBalance === null
        ? null
        : operating + capitalBalance + financialBalance;
    cash = cash === null || gap === null ? null : cash + gap;
    years.push({
      year: s.year,
      current,
      capital,
      financial: fin,
      spending: total,
      revenue,
      operating,
      capitalBalance,
      financialBalance,
      gap,
      cash,
    });
    if (operating !== null && operating < 0n && revenue !== null && splitsNatures)
      findings.push(
        makeFinding(
          'warning',
          'OPERATING_DEFICIT',
          { table: null, column: String(s.year) },
          {
            fa: `تراز عملیاتی سال ${s.year} منفی است: هزینه‌های جاری ${formatRials(current, 'fa')} ریال از درآمدهای عمومی ${formatRials(revenue.revenue, 'fa')} ریال به اندازه ${formatRials(-operating, 'fa')} ریال بیشتر است؛ هزینه جاری نباید از فروش دارایی یا وام تأمین شود`,
            en: `the operating balance of ${s.year} is negative: current spending of ${formatRials(current)} Rials exceeds revenue of ${formatRials(revenue.revenue)} Rials by ${formatRials(-operating)} Rials; current spending must not be paid from asset sales or borrowing`,
          },
        ),
      );
  }
  return { scenario: forecast.scenario, openingBalance: plan.info.OpeningBalance, years, findings };
}

/** How the budget album groups its totals. */
export type BudgetGrouping = 'head' | 'chapter' | 'function' | 'program' | 'scheme';

/** A stage of the album: one stage of the lines, or `current` (approved + amended + supplement). */
export type AlbumStage = BudgetStage | 'current';

/** One group of one year: the budget (of the chosen stage) and the plan's cost beside it. */
export interface AlbumCell {
  readonly budget: bigint;
  readonly plan: bigint;
}

/** The budget album of one grouping: per year, per group key (`''`: not given). */
export interface BudgetAlbum {
  readonly stage: AlbumStage;
  readonly by: BudgetGrouping;
  readonly years: readonly number[];
  readonly groups: ReadonlyMap<string, ReadonlyMap<number, AlbumCell>>;
}

/**
 * The budget's totals per year by `by`, from the budget lines of `stage` (default the
 * current budget), with the plan's cost columns of the same items beside them (`plan`):
 * projects are capital, activities current. A line's chapter is its own `Chapter`, else its
 * activity's; its program, scheme and function are those of the item it links (the
 * program's `Function`). Lines whose key is unknown go to `''`.
 */
export function budgetAlbum(
  plan: Plan,
  by: BudgetGrouping,
  stage: AlbumStage = 'current',
  options: SpendingOptions = {},
): BudgetAlbum {
  const [album] = budgetAlbums(plan, [{ by, stage }], options);
  if (album === undefined) throw new Error('budgetAlbums answered nothing');
  return album;
}

/**
 * Several budget albums of one plan (`budgetAlbum` of each `{ by, stage }`, in order), with the
 * plan's items indexed once and its budget lines read once: what the consolidation of a large
 * city asks for (five groupings and every stage), at the cost of about one album.
 */
export function budgetAlbums(
  plan: Plan,
  wanted: readonly { by: BudgetGrouping; stage?: AlbumStage }[],
  options: SpendingOptions = {},
): BudgetAlbum[] {
  const projects = indexBy(entriesOf(plan, 'tblProjects', options), 'ProjectId');
  const activities = indexBy(entriesOf(plan, 'tblActivities', options), 'ActivityId');
  const programs = indexBy(entriesOf(plan, 'tblPrograms'), 'ProgramId');
  const schemes = indexBy(entriesOf(plan, 'tblSchemes'), 'SchemeId');
  const albums = wanted.map(({ by, stage = 'current' }) => ({
    by,
    stage,
    groups: new Map<string, Map<number, { budget: bigint; plan: bigint }>>(),
  }));
  const add = (
    groups: Map<string, Map<number, { budget: bigint; plan: bigint }>>,
    key: string,
    year: number,
    part: 'budget' | 'plan',
    amount: bigint,
  ) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = new Map()));
    let cell = g.get(year);
    if (!cell) g.set(year, (cell = { budget: 0n, plan: 0n }));
    cell[part] += amount;
  };
  const keyOf = (
    by: BudgetGrouping,
    item: { project?: Row<'tblProjects'>; activity?: Row<'tblActivities'> },
    head: BudgetKind,
    chapter: string,
    programOf: () => string,
  ): string => {
    switch (by) {
      case 'head':
        return head;
      case 'chapter':
        return chapter;
      case 'program': {
        const programId = programOf();
        return programs.get(idKey(programId))?.row.ProgramId ?? programId;
      }
      case 'scheme':
        return item.project?.SchemeId ?? '';
      case 'function':
        return programs.get(idKey(programOf()))?.row.Function ?? '';
    }
  };
  const programOnce = (row: Row<'tblProjects'> | Row<'tblActivities'> | undefined) => {
    let programId: string | undefined;
    return () => (programId ??= row === undefined ? '' : itemProgramId({ row }, schemes));
  };
  for (const { row } of entriesOf(plan, 'tblBudgetLines', options)) {
    if (row.Year === null) continue;
    const inCurrent = inCurrentBudget(row);
    const own = lineStage(row);
    const linked = idKey(row.LinkedId);
    const project = projects.get(linked)?.row;
    const activity = activities.get(linked)?.row;
    const head = lineHead(row, activities);
    const chapter = row.Chapter || activity?.Chapter || '';
    const programOf = programOnce(project ?? activity);
    const item = { project, activity };
    for (const a of albums) {
      if (a.stage === 'current' ? !inCurrent : own !== a.stage) continue;
      add(a.groups, keyOf(a.by, item, head, chapter, programOf), row.Year, 'budget', row.Amount);
    }
  }
  for (const { row } of projects.values()) {
    // As in spending: a dropped project's cost does not count.
    if (row.Status !== null && EXCLUDED_PROJECT_STATUSES.includes(row.Status)) continue;
    const programOf = programOnce(row);
    const item = { project: row };
    for (const a of albums) {
      const key = keyOf(a.by, item, 'capital', '', programOf);
      for (const [year, cost] of row.costs) if (cost !== 0n) add(a.groups, key, year, 'plan', cost);
    }
  }
  for (const { row } of activities.values()) {
    const programOf = programOnce(row);
    const item = { activity: row };
    for (const a of albums) {
      const key = keyOf(a.by, item, 'current', row.Chapter, programOf);
      for (const [year, cost] of row.costs) if (cost !== 0n) add(a.groups, key, year, 'plan', cost);
    }
  }
  return albums.map(({ by, stage, groups }) => {
    const years = [
      ...new Set([...plan.years, ...[...groups.values()].flatMap((g) => [...g.keys()])]),
    ].sort((a, b) => a - b);
    return { stage, by, years, groups };
  });
}
