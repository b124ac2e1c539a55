/**
 * The link graph of a plan: upstream documents → directives → strategies,
 * goals → strategies → programs → (schemes, طرح, contract v2) → projects/activities →
 * budget lines, with
 * funding sources and KPIs, indexed once so that many chains (an Excel
 * function over a column of IDs) cost a lookup each. Money is summed up the
 * tree here, exactly, in bigint.
 */
import type { KpiDirection, KpiLevel, ProjectStatus } from '../contract/enums';
import type { TableName } from '../contract/tables';
import type { Bilingual, Finding } from '../findings';
import { makeFinding } from '../findings';
import type { Plan } from '../read/plan';
import type { Entry, Located } from './rows';
import {
  addYears,
  entriesOf,
  hasTable,
  idKey,
  indexBy,
  moneyYears,
  textOf,
  whereOf,
  zeroYears,
} from './rows';

/** A level of the chain from an upstream document to a budget line. */
export type LinkLevel =
  | 'goal'
  | 'strategy'
  | 'program'
  | 'scheme'
  | 'item'
  | 'budget'
  | 'source'
  | 'directive'
  | 'document'
  | 'kpi';

/** The chain's levels with their captions, goal first. */
export const LINK_LEVELS: ReadonlyArray<{ readonly value: LinkLevel } & Bilingual> = [
  { value: 'goal', fa: 'هدف کلان', en: 'Goal' },
  { value: 'strategy', fa: 'راهبرد', en: 'Strategy' },
  { value: 'program', fa: 'برنامه', en: 'Program' },
  { value: 'scheme', fa: 'طرح', en: 'Scheme' },
  { value: 'item', fa: 'پروژه/فعالیت', en: 'Project/activity' },
  { value: 'budget', fa: 'ردیف بودجه', en: 'Budget line' },
  { value: 'source', fa: 'منبع تأمین', en: 'Funding source' },
  { value: 'directive', fa: 'رهنمود فرادست', en: 'Upstream directive' },
  { value: 'document', fa: 'سند فرادست', en: 'Upstream document' },
  { value: 'kpi', fa: 'شاخص', en: 'KPI' },
];

/** What an item of a program is: a capital project or a continuous activity. */
export type LinkItemKind = 'project' | 'activity';

/** A KPI attached to a node of the chain (its `LinkedId` names the node). */
export interface LinkKpi {
  readonly id: string;
  readonly title: string;
  readonly level: KpiLevel | null;
  readonly direction: KpiDirection | null;
  readonly unit: string;
}

/** Where a row of the chain is. */
export interface LinkRef {
  readonly level: LinkLevel;
  readonly id: string;
  readonly title: string;
  /** For items: project or activity; null otherwise. */
  readonly itemKind: LinkItemKind | null;
  readonly table: TableName;
  readonly sheet: string;
  /** Sheet row (1-based). */
  readonly row: number;
  /** True when the row comes from reference data (the register / city framework). */
  readonly reference: boolean;
}

/** A node of a chain: a row with its KPIs and its money per plan year. */
export interface LinkNode extends LinkRef {
  /**
   * Rials per year: a project's or activity's cost; a program's sum of its
   * items; a strategy's sum of its programs; a goal's sum of its strategies; a
   * budget line's Amount in its Year. Empty for sources, directives, documents and KPIs.
   */
  readonly money: ReadonlyMap<number, bigint>;
  /** KPIs whose `LinkedId` is this node's ID. */
  readonly kpis: readonly LinkKpi[];
  /**
   * True for a dropped project: listed, with its own costs, but not counted
   * in its program's money (nor in spending).
   */
  readonly excluded: boolean;
}

/** Why a link is missing. */
export type BreakReason =
  /** The reference cell is empty. */
  | 'empty'
  /** The reference names an ID that no row holds. */
  | 'missing'
  /** Neither the workbook nor its reference data holds the table the reference points into. */
  | 'no-table';

/** A place where the chain breaks: a row whose reference leads nowhere. */
export interface ChainBreak {
  /** Level of the row that holds the broken reference. */
  readonly at: LinkLevel;
  /** ID of that row. */
  readonly id: string;
  /** The level the reference should reach (null for a KPI's `LinkedId`, which may name several). */
  readonly missing: LinkLevel | null;
  /** The ID named, or null when the cell is empty. */
  readonly missingId: string | null;
  readonly reason: BreakReason;
  /** Located warning (table, row, column, A1 cell) with a bilingual message. */
  readonly finding: Finding;
}

/** Statuses whose projects are not counted in money (see docs/calculations.md). */
export const EXCLUDED_PROJECT_STATUSES: readonly ProjectStatus[] = ['dropped'];

interface Lookup<N extends TableName> {
  readonly present: boolean;
  readonly byId: Map<string, Entry<N>>;
}

/** Everything `resolveChain` and `coverageReport` need, built once per plan. */
export interface LinkIndex {
  readonly plan: Plan;
  readonly years: readonly number[];
  /** @internal */ readonly data: LinkData;
}

/** @internal */
export interface LinkData {
  goals: Lookup<'tblGoals'>;
  strategies: Lookup<'tblStrategies'>;
  programs: Lookup<'tblPrograms'>;
  schemes: Lookup<'tblSchemes'>;
  projects: Lookup<'tblProjects'>;
  activities: Lookup<'tblActivities'>;
  budget: Lookup<'tblBudgetLines'>;
  sources: Lookup<'tblFundingSources'>;
  directives: Lookup<'tblDirectives'>;
  documents: Lookup<'tblUpstreamDocs'>;
  kpis: Lookup<'tblKpis'>;
  goalList: Entry<'tblGoals'>[];
  strategyList: Entry<'tblStrategies'>[];
  programList: Entry<'tblPrograms'>[];
  itemList: ItemEntry[];
  budgetList: Entry<'tblBudgetLines'>[];
  kpiList: Entry<'tblKpis'>[];
  strategiesOf: Map<string, Entry<'tblStrategies'>[]>;
  programsOf: Map<string, Entry<'tblPrograms'>[]>;
  itemsOf: Map<string, ItemEntry[]>;
  /**
   * Items, schemes and programs by the ID key of their own `BudgetCode` (contract v2): the
   * level and the ID key they are found at. The first row holding a code wins.
   */
  byBudgetCode: Map<string, { level: 'item' | 'scheme' | 'program'; key: string }>;
  /** Schemes by their program's ID key; projects by their scheme's. */
  schemesOf: Map<string, Entry<'tblSchemes'>[]>;
  projectsOfScheme: Map<string, ItemEntry[]>;
  linesOf: Map<string, Entry<'tblBudgetLines'>[]>;
  kpisOf: Map<string, LinkKpi[]>;
  /** Money of programs, strategies and goals by ID key. */
  programMoney: Map<string, Map<number, bigint>>;
  strategyMoney: Map<string, Map<number, bigint>>;
  goalMoney: Map<string, Map<number, bigint>>;
  /** Money of schemes: Σ of their projects' costs (a part of their program's, not added to it). */
  schemeMoney: Map<string, Map<number, bigint>>;
}

/** A project or an activity with its kind. */
export type ItemEntry =
  | (Entry<'tblProjects'> & { readonly kind: 'project' })
  | (Entry<'tblActivities'> & { readonly kind: 'activity' });

function lookup<N extends TableName>(plan: Plan, name: N, idColumn: string) {
  const list = entriesOf(plan, name);
  return { list, lookup: { present: hasTable(plan, name), byId: indexBy(list, idColumn) } };
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The program an item belongs to, as written: its own `ProgramId`, else (a project that names
 * none) the `ProgramId` of the scheme it names (contract v2). The one rule the chain, the
 * program's money, coverage and the budget album share.
 */
export function itemProgramId(
  item: { readonly row: { readonly ProgramId: string; readonly SchemeId?: string } },
  schemes: ReadonlyMap<string, Entry<'tblSchemes'>>,
): string {
  const own = item.row.ProgramId;
  if (idKey(own) !== '' || item.row.SchemeId === undefined) return own;
  return schemes.get(idKey(item.row.SchemeId))?.row.ProgramId ?? own;
}

/** True when an item's money counts (dropped projects' does not). */
export function itemCounts(item: ItemEntry): boolean {
  return item.kind === 'activity' || !EXCLUDED_PROJECT_STATUSES.includes(item.row.Status as never);
}

/**
 * Indexes a plan's links once: every table is the workbook's own rows plus
 * the reference rows it does not hold. Treat the plan as frozen afterwards.
 */
export function indexPlanLinks(plan: Plan): LinkIndex {
  const years = moneyYears(plan);
  const goals = lookup(plan, 'tblGoals', 'GoalId');
  const strategies = lookup(plan, 'tblStrategies', 'StrategyId');
  const programs = lookup(plan, 'tblPrograms', 'ProgramId');
  const schemes = lookup(plan, 'tblSchemes', 'SchemeId');
  const projects = lookup(plan, 'tblProjects', 'ProjectId');
  const activities = lookup(plan, 'tblActivities', 'ActivityId');
  const budget = lookup(plan, 'tblBudgetLines', 'BudgetCode');
  const sources = lookup(plan, 'tblFundingSources', 'SourceId');
  const directives = lookup(plan, 'tblDirectives', 'DirectiveId');
  const documents = lookup(plan, 'tblUpstreamDocs', 'DocId');
  const kpis = lookup(plan, 'tblKpis', 'KpiId');

  const itemList: ItemEntry[] = [
    ...projects.list.map((e) => ({ ...e, kind: 'project' as const })),
    ...activities.list.map((e) => ({ ...e, kind: 'activity' as const })),
  ];
  const strategiesOf = new Map<string, Entry<'tblStrategies'>[]>();
  for (const s of strategies.list) push(strategiesOf, idKey(s.row.GoalId), s);
  const programsOf = new Map<string, Entry<'tblPrograms'>[]>();
  for (const p of programs.list) push(programsOf, idKey(p.row.StrategyId), p);
  const itemsOf = new Map<string, ItemEntry[]>();
  const programOf = (i: ItemEntry) => itemProgramId(i, schemes.lookup.byId);
  for (const i of itemList) push(itemsOf, idKey(programOf(i)), i);
  const schemesOf = new Map<string, Entry<'tblSchemes'>[]>();
  for (const sc of schemes.list) push(schemesOf, idKey(sc.row.ProgramId), sc);
  const projectsOfScheme = new Map<string, ItemEntry[]>();
  for (const i of itemList)
    if (i.kind === 'project' && idKey(i.row.SchemeId) !== '')
      push(projectsOfScheme, idKey(i.row.SchemeId), i);
  const byBudgetCode = new Map<string, { level: 'item' | 'scheme' | 'program'; key: string }>();
  const coded = (code: string, level: 'item' | 'scheme' | 'program', id: string) => {
    const k = idKey(code);
    if (k !== '' && !byBudgetCode.has(k)) byBudgetCode.set(k, { level, key: idKey(id) });
  };
  for (const i of itemList)
    coded(i.row.BudgetCode, 'item', i.kind === 'project' ? i.row.ProjectId : i.row.ActivityId);
  for (const sc of schemes.list) coded(sc.row.BudgetCode, 'scheme', sc.row.SchemeId);
  for (const p of programs.list) coded(p.row.BudgetCode, 'program', p.row.ProgramId);
  const linesOf = new Map<string, Entry<'tblBudgetLines'>[]>();
  for (const b of budget.list) push(linesOf, idKey(b.row.LinkedId), b);
  const kpisOf = new Map<string, LinkKpi[]>();
  for (const k of kpis.list)
    push(kpisOf, idKey(k.row.LinkedId), {
      id: k.row.KpiId,
      title: k.row.Title,
      level: k.row.Level,
      direction: k.row.Direction,
      unit: k.row.Unit,
    });

  // Money flows up only along links that resolve: an item under a missing
  // program is counted nowhere above it (coverageReport lists it).
  const programMoney = new Map<string, Map<number, bigint>>();
  for (const [key] of programs.lookup.byId) programMoney.set(key, zeroYears(years));
  for (const item of itemList) {
    if (!itemCounts(item)) continue;
    const m = programMoney.get(idKey(programOf(item)));
    if (m) addYears(m, item.row.costs);
  }
  const schemeMoney = new Map<string, Map<number, bigint>>();
  for (const [key] of schemes.lookup.byId) schemeMoney.set(key, zeroYears(years));
  for (const [key, list] of projectsOfScheme) {
    const m = schemeMoney.get(key);
    if (m) for (const item of list) if (itemCounts(item)) addYears(m, item.row.costs);
  }
  const strategyMoney = new Map<string, Map<number, bigint>>();
  for (const [key] of strategies.lookup.byId) strategyMoney.set(key, zeroYears(years));
  for (const [key, p] of programs.lookup.byId) {
    const m = strategyMoney.get(idKey(p.row.StrategyId));
    const own = programMoney.get(key);
    if (m && own) addYears(m, own);
  }
  const goalMoney = new Map<string, Map<number, bigint>>();
  for (const [key] of goals.lookup.byId) goalMoney.set(key, zeroYears(years));
  for (const [key, s] of strategies.lookup.byId) {
    const m = goalMoney.get(idKey(s.row.GoalId));
    const own = strategyMoney.get(key);
    if (m && own) addYears(m, own);
  }

  return {
    plan,
    years,
    data: {
      goals: goals.lookup,
      strategies: strategies.lookup,
      programs: programs.lookup,
      schemes: schemes.lookup,
      projects: projects.lookup,
      activities: activities.lookup,
      budget: budget.lookup,
      sources: sources.lookup,
      directives: directives.lookup,
      documents: documents.lookup,
      kpis: kpis.lookup,
      goalList: goals.list,
      strategyList: strategies.list,
      programList: programs.list,
      itemList,
      budgetList: budget.list,
      kpiList: kpis.list,
      strategiesOf,
      programsOf,
      itemsOf,
      byBudgetCode,
      schemesOf,
      projectsOfScheme,
      linesOf,
      kpisOf,
      programMoney,
      strategyMoney,
      goalMoney,
      schemeMoney,
    },
  };
}

const LEVEL_NAME = new Map(LINK_LEVELS.map((l) => [l.value, l]));

/** The bilingual caption of a level. */
export function levelCaption(level: LinkLevel): Bilingual {
  return LEVEL_NAME.get(level) ?? { fa: level, en: level };
}

/** A reference of a row to another level, resolved or broken. */
export type Resolved<N extends TableName> =
  | { readonly ok: true; readonly entry: Entry<N> }
  | { readonly ok: false; readonly broken: ChainBreak | null };

/** Follows one reference (`column` of `from`) into `target`; a break when it leads nowhere. */
export function follow<N extends TableName>(
  from: Located,
  at: LinkLevel,
  fromId: string,
  column: string,
  value: string,
  target: Lookup<N>,
  missing: LinkLevel,
): Resolved<N> {
  const key = idKey(value);
  if (key !== '') {
    const entry = target.byId.get(key);
    if (entry) return { ok: true, entry };
  }
  return { ok: false, broken: makeBreak(from, at, fromId, column, value, target.present, missing) };
}

/** A break of the link `column` of `from`. */
export function makeBreak(
  from: Located,
  at: LinkLevel,
  fromId: string,
  column: string,
  value: string,
  tablePresent: boolean,
  missing: LinkLevel | null,
): ChainBreak {
  const key = idKey(value);
  const reason: BreakReason = key === '' ? 'empty' : tablePresent ? 'missing' : 'no-table';
  const what = missing
    ? levelCaption(missing)
    : {
        fa: 'هدف، راهبرد، برنامه، پروژه یا فعالیت',
        en: 'goal, strategy, program, project or activity',
      };
  const who = levelCaption(at);
  const message: Bilingual =
    reason === 'empty'
      ? {
          fa: `${who.fa} «${fromId}» به هیچ ${what.fa} پیوند ندارد (ستون ${column} خالی است)`,
          en: `${who.en} "${fromId}" names no ${what.en.toLowerCase()} (${column} is empty)`,
        }
      : reason === 'missing'
        ? {
            fa: `${what.fa} «${value}» که ${who.fa} «${fromId}» نام برده، وجود ندارد`,
            en: `${what.en} "${value}" named by ${who.en.toLowerCase()} "${fromId}" does not exist`,
          }
        : {
            fa: `${what.fa} «${value}» بررسی نشد: جدول آن نه در این کارپوشه است و نه در داده مرجع`,
            en: `${what.en} "${value}" could not be checked: its table is neither in the workbook nor in the reference data`,
          };
  const code =
    reason === 'empty' ? 'LINK_EMPTY' : reason === 'missing' ? 'LINK_MISSING' : 'LINK_UNCHECKED';
  return {
    at,
    id: fromId,
    missing,
    missingId: key === '' ? null : value,
    reason,
    finding: makeFinding('warning', code, whereOf(from, column), message),
  };
}

/** The `LinkRef` of an entry. */
export function refOf(
  entry: Located,
  level: LinkLevel,
  idColumn: string,
  itemKind: LinkItemKind | null = null,
): LinkRef {
  const row = entry.row as unknown as Record<string, unknown>;
  const title =
    typeof row.Title === 'string' ? row.Title : typeof row.Text === 'string' ? row.Text : '';
  return {
    level,
    id: textOf(entry.row, idColumn),
    title,
    itemKind,
    table: entry.table.name,
    sheet: entry.table.sheet,
    row: entry.row.row,
    reference: entry.table.reference,
  };
}
