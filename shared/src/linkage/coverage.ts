/**
 * Coverage of the plan's linkage: what is planned without a purpose (money
 * that reaches no strategy), what is intended without means (strategies with
 * no program, programs with no money), what cannot be measured (goals with no
 * macro KPI), and what has no funding source or upstream basis; with money
 * totals per year by goal, strategy, program, department and funding source.
 */
import type { Bilingual, Finding } from '../findings';
import { makeFinding } from '../findings';
import type { Plan } from '../read/plan';
import type { ChainBreak, ItemEntry, LinkIndex, LinkRef } from './graph';
import { follow, indexPlanLinks, itemCounts, itemProgramId, makeBreak, refOf } from './graph';
import type { Located } from './rows';
import { Spellings, addYears, anyMoney, entriesOf, idKey, whereOf, zeroYears } from './rows';

/** Money the plan holds that reaches no strategy. */
export interface UnlinkedMoney {
  /** The project, activity or budget line holding the money. */
  readonly ref: LinkRef;
  /** Its money per year (an item's costs, a budget line's Amount in its Year). */
  readonly money: ReadonlyMap<number, bigint>;
  /** Where its chain breaks before reaching a strategy. */
  readonly break: ChainBreak;
}

/** A project or activity that names no funding source that exists. */
export interface SourcelessItem {
  readonly ref: LinkRef;
  readonly break: ChainBreak;
}

/**
 * Rials per year by an ID, spelt as in its defining table (IDs match as
 * validation matches them); `''` collects what has none.
 */
export type YearTotals = ReadonlyMap<string, ReadonlyMap<number, bigint>>;

/** Money totals of the plan's items (dropped projects not counted, no opex). */
export interface CoverageTotals {
  /** All items' costs per year. */
  readonly total: ReadonlyMap<number, bigint>;
  /** By the goal the item's chain reaches (`''`: it breaks before a goal). */
  readonly byGoal: YearTotals;
  /** By the strategy the item's chain reaches (`''`: it breaks before a strategy). */
  readonly byStrategy: YearTotals;
  /** By the item's program (`itemProgramId`: its `ProgramId`, else its scheme's; `''`: none). */
  readonly byProgram: YearTotals;
  /** By the item's `Dept` (`''`: empty). */
  readonly byDept: YearTotals;
  /** By the item's `SourceId` (`''`: empty). */
  readonly bySource: YearTotals;
}

/** The checks of `coverageReport`. */
export type CoverageCheck =
  | 'strategies-without-program'
  | 'programs-without-money'
  | 'money-without-strategy'
  | 'goals-without-macro-kpi'
  | 'items-without-source'
  | 'strategies-without-directive'
  | 'schemes-without-project';

/** A check not made because a table it needs is in neither the workbook nor its reference data. */
export interface CoverageSkip {
  readonly check: CoverageCheck;
  readonly message: Bilingual;
}

/** What `coverageReport` finds. */
export interface CoverageReport {
  readonly years: readonly number[];
  readonly strategiesWithoutProgram: readonly LinkRef[];
  /** Programs none of whose (counted) projects and activities has a cost above 0 in any year. */
  readonly programsWithoutMoney: readonly LinkRef[];
  readonly moneyWithoutStrategy: readonly UnlinkedMoney[];
  /** Goals that no KPI of level `macro` names in `LinkedId`. */
  readonly goalsWithoutMacroKpi: readonly LinkRef[];
  readonly itemsWithoutSource: readonly SourcelessItem[];
  /** Strategies none of whose `DirectiveIds` names an existing directive (or with none). */
  readonly strategiesWithoutDirective: readonly LinkRef[];
  /** Schemes (طرح, contract v2) that no counted project names in `SchemeId`. */
  readonly schemesWithoutProject: readonly LinkRef[];
  /**
   * Codes of `tblBudgetCodes` (levels function, program, scheme, project, activity) that carry
   * no money: no counted item with a cost names the code, its scheme's or its program's
   * (or the program's `Function`), nor a code below it. A list, not findings: a circular's
   * code list holds many codes a city does not use.
   */
  readonly budgetCodesWithoutMoney: readonly string[];
  readonly totals: CoverageTotals;
  readonly skipped: readonly CoverageSkip[];
  /**
   * Each gap above as a located warning, for rows of the workbook's own tables
   * only (reference rows are the register's to fix).
   */
  readonly findings: readonly Finding[];
}

const UNASSIGNED = '';

function itemId(i: ItemEntry): string {
  return i.kind === 'project' ? i.row.ProjectId : i.row.ActivityId;
}

function itemRef(i: ItemEntry): LinkRef {
  return refOf(i, 'item', i.kind === 'project' ? 'ProjectId' : 'ActivityId', i.kind);
}

function moneyMessage(id: string, broken: ChainBreak): Bilingual {
  return {
    fa: `اعتبار «${id}» به هیچ راهبردی نمی‌رسد: ${broken.finding.message.fa}`,
    en: `the money of "${id}" reaches no strategy: ${broken.finding.message.en}`,
  };
}

function add(
  map: Map<string, Map<number, bigint>>,
  key: string,
  years: readonly number[],
  money: ReadonlyMap<number, bigint>,
): void {
  let m = map.get(key);
  if (!m) {
    m = zeroYears(years);
    map.set(key, m);
  }
  addYears(m, money);
}

/**
 * The coverage of a plan's linkage (see `CoverageReport`). Tables are the
 * workbook's own rows plus the reference rows it does not hold; a check that
 * needs a table neither has is listed in `skipped` (it is made at
 * consolidation, in the register). All money exact.
 */
export function coverageReport(plan: Plan | LinkIndex): CoverageReport {
  const index = 'data' in plan ? plan : indexPlanLinks(plan);
  const d = index.data;
  const years = index.years;
  const findings: Finding[] = [];
  const skipped: CoverageSkip[] = [];
  const warn = (e: Located, column: string, code: string, message: Bilingual) => {
    if (!e.table.reference)
      findings.push(makeFinding('warning', code, whereOf(e, column), message));
  };
  const skip = (check: CoverageCheck, table: string) =>
    skipped.push({
      check,
      message: {
        fa: `این بررسی انجام نشد: جدول ${table} نه در کارپوشه است و نه در داده مرجع`,
        en: `not checked: table ${table} is neither in the workbook nor in the reference data`,
      },
    });
  const itemsPresent = d.projects.present || d.activities.present;

  // Strategies with no program.
  const strategiesWithoutProgram: LinkRef[] = [];
  if (!d.programs.present) skip('strategies-without-program', 'tblPrograms');
  else
    for (const s of d.strategyList) {
      if ((d.programsOf.get(idKey(s.row.StrategyId)) ?? []).length > 0) continue;
      strategiesWithoutProgram.push(refOf(s, 'strategy', 'StrategyId'));
      warn(s, 'StrategyId', 'COVERAGE_STRATEGY_NO_PROGRAM', {
        fa: `راهبرد «${s.row.StrategyId}» هیچ برنامه‌ای ندارد`,
        en: `strategy "${s.row.StrategyId}" has no program`,
      });
    }

  // Programs with no money.
  const programsWithoutMoney: LinkRef[] = [];
  if (!itemsPresent) skip('programs-without-money', 'tblProjects/tblActivities');
  else
    for (const p of d.programList) {
      const items = d.itemsOf.get(idKey(p.row.ProgramId)) ?? [];
      if (items.some((i) => itemCounts(i) && [...i.row.costs.values()].some((v) => v > 0n)))
        continue;
      programsWithoutMoney.push(refOf(p, 'program', 'ProgramId'));
      warn(p, 'ProgramId', 'COVERAGE_PROGRAM_NO_MONEY', {
        fa: `برنامه «${p.row.ProgramId}» هیچ پروژه یا فعالیتی با اعتبار ندارد`,
        en: `program "${p.row.ProgramId}" has no project or activity with money`,
      });
    }

  // Where each item's chain goes: program, strategy, goal (or where it breaks).
  const totals = {
    total: zeroYears(years),
    byGoal: new Map<string, Map<number, bigint>>(),
    byStrategy: new Map<string, Map<number, bigint>>(),
    byProgram: new Map<string, Map<number, bigint>>(),
    byDept: new Map<string, Map<number, bigint>>(),
    bySource: new Map<string, Map<number, bigint>>(),
  };
  const moneyWithoutStrategy: UnlinkedMoney[] = [];
  const itemsWithoutSource: SourcelessItem[] = [];
  // Where each item's chain breaks before a strategy, by row (budget lines reuse it).
  const itemBreak = new Map<object, ChainBreak | null>();
  let unverifiable = false;

  const climb = (i: ItemEntry) => {
    const out = { strategy: UNASSIGNED, goal: UNASSIGNED };
    let broken: ChainBreak | null = null;
    const programId = itemProgramId(i, d.schemes.byId);
    const p = follow(i, 'item', itemId(i), 'ProgramId', programId, d.programs, 'program');
    if (!p.ok) broken = p.broken;
    else {
      const s = follow(
        p.entry,
        'program',
        p.entry.row.ProgramId,
        'StrategyId',
        p.entry.row.StrategyId,
        d.strategies,
        'strategy',
      );
      if (!s.ok) broken = s.broken;
      else {
        out.strategy = s.entry.row.StrategyId;
        const g = follow(
          s.entry,
          'strategy',
          s.entry.row.StrategyId,
          'GoalId',
          s.entry.row.GoalId,
          d.goals,
          'goal',
        );
        if (g.ok) out.goal = g.entry.row.GoalId;
      }
    }
    return { ...out, broken };
  };

  const programIds = new Spellings(d.programList.map((e) => e.row.ProgramId));
  const sourceIds = new Spellings(
    entriesOf(index.plan, 'tblFundingSources').map((e) => e.row.SourceId),
  );
  const deptIds = new Spellings(entriesOf(index.plan, 'tblDepartments').map((e) => e.row.DeptId));
  for (const i of d.itemList) {
    const counts = itemCounts(i);
    const { strategy, goal, broken } = climb(i);
    itemBreak.set(i.row, broken);
    if (counts) {
      addYears(totals.total, i.row.costs);
      add(totals.byProgram, programIds.of(itemProgramId(i, d.schemes.byId)), years, i.row.costs);
      add(totals.byStrategy, strategy, years, i.row.costs);
      add(totals.byGoal, goal, years, i.row.costs);
      add(totals.byDept, deptIds.of(i.row.Dept), years, i.row.costs);
      add(totals.bySource, sourceIds.of(i.row.SourceId), years, i.row.costs);
    }
    const src = follow(i, 'item', itemId(i), 'SourceId', i.row.SourceId, d.sources, 'source');
    if (counts && !src.ok && src.broken && src.broken.reason !== 'no-table') {
      itemsWithoutSource.push({ ref: itemRef(i), break: src.broken });
      warn(i, 'SourceId', 'COVERAGE_ITEM_NO_SOURCE', src.broken.finding.message);
    }
    if (broken?.reason === 'no-table') unverifiable = true;
    if (counts && broken && broken.reason !== 'no-table' && anyMoney(i.row.costs)) {
      moneyWithoutStrategy.push({
        ref: itemRef(i),
        money: i.row.costs,
        break: broken,
      });
      warn(i, 'ProgramId', 'COVERAGE_MONEY_NO_STRATEGY', moneyMessage(itemId(i), broken));
    }
  }
  if (!d.sources.present) skip('items-without-source', 'tblFundingSources');

  // Budget lines whose money reaches no strategy.
  for (const b of d.budgetList) {
    if (b.row.Amount === 0n) continue;
    const key = idKey(b.row.LinkedId);
    // A financial line may link no item (contract v2: a loan's principal, equity in a
    // municipal company): the city's, not a program's, so it is not money without a strategy.
    if (key === '' && b.row.Kind === 'financial') continue;
    const item = key === '' ? undefined : (d.projects.byId.get(key) ?? d.activities.byId.get(key));
    const broken = item
      ? (itemBreak.get(item.row) ?? null)
      : makeBreak(b, 'budget', b.row.BudgetCode, 'LinkedId', b.row.LinkedId, itemsPresent, 'item');
    if (!broken) continue;
    if (broken.reason === 'no-table') {
      unverifiable = true;
      continue;
    }
    const money = new Map<number, bigint>();
    if (b.row.Year !== null) money.set(b.row.Year, b.row.Amount);
    moneyWithoutStrategy.push({ ref: refOf(b, 'budget', 'BudgetCode'), money, break: broken });
    warn(b, 'LinkedId', 'COVERAGE_MONEY_NO_STRATEGY', moneyMessage(b.row.BudgetCode, broken));
  }
  if (unverifiable || !d.programs.present || !d.strategies.present)
    skip('money-without-strategy', !d.programs.present ? 'tblPrograms' : 'tblStrategies');

  // Goals with no macro KPI.
  const goalsWithoutMacroKpi: LinkRef[] = [];
  if (!d.kpis.present) skip('goals-without-macro-kpi', 'tblKpis');
  else
    for (const g of d.goalList) {
      const kpis = d.kpisOf.get(idKey(g.row.GoalId)) ?? [];
      if (kpis.some((k) => k.level === 'macro')) continue;
      goalsWithoutMacroKpi.push(refOf(g, 'goal', 'GoalId'));
      warn(g, 'GoalId', 'COVERAGE_GOAL_NO_MACRO_KPI', {
        fa: `هدف «${g.row.GoalId}» هیچ شاخص کلانی ندارد`,
        en: `goal "${g.row.GoalId}" has no macro KPI`,
      });
    }

  // Strategies with no upstream directive.
  const strategiesWithoutDirective: LinkRef[] = [];
  for (const s of d.strategyList) {
    const ids = s.row.DirectiveIds.filter((x) => idKey(x) !== '');
    // Without the directives table, a named directive is taken on trust.
    const ok = d.directives.present
      ? ids.some((x) => d.directives.byId.has(idKey(x)))
      : ids.length > 0;
    if (ok) continue;
    strategiesWithoutDirective.push(refOf(s, 'strategy', 'StrategyId'));
    warn(s, 'DirectiveIds', 'COVERAGE_STRATEGY_NO_DIRECTIVE', {
      fa: `راهبرد «${s.row.StrategyId}» به هیچ رهنمود سند فرادستی پیوند ندارد`,
      en: `strategy "${s.row.StrategyId}" is linked to no upstream directive`,
    });
  }

  // Schemes with no project.
  const schemesWithoutProject: LinkRef[] = [];
  if (d.schemes.present && !d.projects.present) skip('schemes-without-project', 'tblProjects');
  else
    for (const sc of d.schemes.byId.values()) {
      const projects = d.projectsOfScheme.get(idKey(sc.row.SchemeId)) ?? [];
      if (projects.some(itemCounts)) continue;
      schemesWithoutProject.push(refOf(sc, 'scheme', 'SchemeId'));
      warn(sc, 'SchemeId', 'COVERAGE_SCHEME_NO_PROJECT', {
        fa: `طرح «${sc.row.SchemeId}» هیچ پروژه‌ای ندارد`,
        en: `scheme "${sc.row.SchemeId}" has no project`,
      });
    }

  // Budget codes with no money: the codes the items with money carry, with their ancestors.
  const codes = entriesOf(index.plan, 'tblBudgetCodes');
  const parentOf = new Map(codes.map((c) => [idKey(c.row.Code), c.row.ParentCode]));
  const withMoney = new Set<string>();
  const mark = (code: string) => {
    // Up the ParentCode chain, once per code (a cycle in the list stops at a seen code).
    for (let key = idKey(code); key !== '' && !withMoney.has(key);) {
      withMoney.add(key);
      key = idKey(parentOf.get(key) ?? '');
    }
  };
  for (const i of d.itemList) {
    if (!itemCounts(i) || !anyMoney(i.row.costs)) continue;
    mark(i.row.BudgetCode);
    const program = d.programs.byId.get(idKey(itemProgramId(i, d.schemes.byId)));
    if (i.kind === 'project') mark(d.schemes.byId.get(idKey(i.row.SchemeId))?.row.BudgetCode ?? '');
    mark(program?.row.BudgetCode ?? '');
    mark(program?.row.Function ?? '');
  }
  const SPENDING_LEVELS = new Set(['function', 'program', 'scheme', 'project', 'activity']);
  const budgetCodesWithoutMoney = codes
    .filter((c) => c.row.Level !== null && SPENDING_LEVELS.has(c.row.Level))
    .filter((c) => !withMoney.has(idKey(c.row.Code)))
    .map((c) => c.row.Code);

  return {
    years,
    strategiesWithoutProgram,
    programsWithoutMoney,
    moneyWithoutStrategy,
    goalsWithoutMacroKpi,
    itemsWithoutSource,
    strategiesWithoutDirective,
    schemesWithoutProject,
    budgetCodesWithoutMoney,
    totals,
    skipped,
    findings,
  };
}
