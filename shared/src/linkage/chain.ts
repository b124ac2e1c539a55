/**
 * The budget linkage chain of one ID: goal › strategy › program › item
 * (project/activity) › budget lines, with funding sources, upstream
 * directives and documents, KPIs at each level, money per plan year at each
 * level, and the places where the chain breaks, named rather than thrown.
 */
import type { Bilingual } from '../findings';
import type { Language } from '../contract/enums';
import type { Plan } from '../read/plan';
import type { ChainBreak, ItemEntry, LinkData, LinkIndex, LinkLevel, LinkNode } from './graph';
import { follow, indexPlanLinks, itemCounts, levelCaption, makeBreak, refOf } from './graph';
import type { Entry, Located } from './rows';
import { idKey, textOf, zeroYears } from './rows';

/** What was asked and what it named. */
export interface ChainQuery {
  /** The ID as asked. */
  readonly id: string;
  /** The level the ID was found at. */
  readonly level: LinkLevel;
  /** Other levels holding the same ID (IDs are unique per table only); `options.level` picks one. */
  readonly alsoMatches: readonly LinkLevel[];
}

/** The chain of an ID (see `resolveChain`). */
export interface LinkChain {
  readonly query: ChainQuery;
  /** Years the money maps cover (the plan period). */
  readonly years: readonly number[];
  /** The path from the goal down to the asked node; null where the path is broken or below the start. */
  readonly goal: LinkNode | null;
  readonly strategy: LinkNode | null;
  readonly program: LinkNode | null;
  /**
   * The scheme (طرح, contract v2) on the path: a project's `SchemeId`, or the asked scheme;
   * null for activities and projects without one. A scheme's money is a part of its
   * program's (its projects' costs), never added to it.
   */
  readonly scheme: LinkNode | null;
  readonly item: LinkNode | null;
  /** The budget line, when a budget code was asked. */
  readonly budgetLine: LinkNode | null;
  /** The KPI, when a KPI ID was asked (the path is then its linked node's). */
  readonly kpi: LinkNode | null;
  /** Nodes below the asked goal, strategy or program (all depths); empty for items and budget lines. */
  readonly descendants: {
    readonly strategies: readonly LinkNode[];
    readonly programs: readonly LinkNode[];
    /** Schemes of the programs in scope (below an asked goal, strategy or program). */
    readonly schemes: readonly LinkNode[];
    readonly items: readonly LinkNode[];
  };
  /** Budget lines of the items in scope, or the asked line. */
  readonly budgetLines: readonly LinkNode[];
  /** Funding sources of the items and budget lines in scope, distinct. */
  readonly sources: readonly LinkNode[];
  /** Upstream directives of the strategies in scope (`Strategy.DirectiveIds`), distinct. */
  readonly directives: readonly LinkNode[];
  /** The upstream documents those directives come from, distinct. */
  readonly documents: readonly LinkNode[];
  /** The first break on the way up from the asked node, if any (formatChain shows it). */
  readonly pathBreak: ChainBreak | null;
  /** Every break met: on the path, and at sources, directives and documents in scope. */
  readonly breaks: readonly ChainBreak[];
}

/** Options of `resolveChain`. */
export interface ResolveOptions {
  /**
   * Look for the ID at this level only. Without it the order is: budget code,
   * project, activity, program, strategy, goal, KPI (the most specific first).
   */
  readonly level?: LinkLevel;
}

const SEARCH_ORDER: readonly LinkLevel[] = [
  'budget',
  'item',
  'scheme',
  'program',
  'strategy',
  'goal',
  'kpi',
];

function isIndex(x: Plan | LinkIndex): x is LinkIndex {
  return 'data' in x;
}

function findItem(d: LinkData, key: string): ItemEntry | null {
  const p = d.projects.byId.get(key);
  if (p) return { ...p, kind: 'project' };
  const a = d.activities.byId.get(key);
  if (a) return { ...a, kind: 'activity' };
  return null;
}

function found(d: LinkData, level: LinkLevel, key: string): boolean {
  switch (level) {
    case 'budget':
      return d.budget.byId.has(key);
    case 'item':
      return findItem(d, key) !== null;
    case 'program':
      return d.programs.byId.has(key);
    case 'scheme':
      return d.schemes.byId.has(key);
    case 'strategy':
      return d.strategies.byId.has(key);
    case 'goal':
      return d.goals.byId.has(key);
    case 'kpi':
      return d.kpis.byId.has(key);
    default:
      return false;
  }
}

/** Builds the chain of one asked node. */
class ChainBuilder {
  goal: LinkNode | null = null;
  strategy: LinkNode | null = null;
  program: LinkNode | null = null;
  scheme: LinkNode | null = null;
  item: LinkNode | null = null;
  budgetLine: LinkNode | null = null;
  kpi: LinkNode | null = null;
  pathBreak: ChainBreak | null = null;
  readonly breaks: ChainBreak[] = [];
  readonly strategies: LinkNode[] = [];
  readonly programs: LinkNode[] = [];
  readonly schemes: LinkNode[] = [];
  readonly items: LinkNode[] = [];
  readonly lines: LinkNode[] = [];
  readonly sources = new Map<string, LinkNode>();
  readonly directives = new Map<string, LinkNode>();
  readonly documents = new Map<string, LinkNode>();
  private readonly scopeItems: ItemEntry[] = [];
  private readonly scopeLines: Entry<'tblBudgetLines'>[] = [];
  private readonly scopeStrategies: Entry<'tblStrategies'>[] = [];

  constructor(
    private readonly d: LinkData,
    private readonly years: readonly number[],
  ) {}

  private kpisOf(id: string) {
    return this.d.kpisOf.get(idKey(id)) ?? [];
  }

  private pathBroken(b: ChainBreak | null): void {
    if (!b) return;
    this.breaks.push(b);
    if (!this.pathBreak) this.pathBreak = b;
  }

  goalNode(e: Entry<'tblGoals'>): LinkNode {
    const key = idKey(e.row.GoalId);
    return {
      ...refOf(e, 'goal', 'GoalId'),
      money: this.d.goalMoney.get(key) ?? zeroYears(this.years),
      kpis: this.kpisOf(e.row.GoalId),
      excluded: false,
    };
  }

  strategyNode(e: Entry<'tblStrategies'>): LinkNode {
    const key = idKey(e.row.StrategyId);
    return {
      ...refOf(e, 'strategy', 'StrategyId'),
      money: this.d.strategyMoney.get(key) ?? zeroYears(this.years),
      kpis: this.kpisOf(e.row.StrategyId),
      excluded: false,
    };
  }

  programNode(e: Entry<'tblPrograms'>): LinkNode {
    const key = idKey(e.row.ProgramId);
    return {
      ...refOf(e, 'program', 'ProgramId'),
      money: this.d.programMoney.get(key) ?? zeroYears(this.years),
      kpis: this.kpisOf(e.row.ProgramId),
      excluded: false,
    };
  }

  schemeNode(e: Entry<'tblSchemes'>): LinkNode {
    return {
      ...refOf(e, 'scheme', 'SchemeId'),
      money: this.d.schemeMoney.get(idKey(e.row.SchemeId)) ?? zeroYears(this.years),
      kpis: this.kpisOf(e.row.SchemeId),
      excluded: false,
    };
  }

  itemNode(e: ItemEntry): LinkNode {
    const id = e.kind === 'project' ? e.row.ProjectId : e.row.ActivityId;
    const money = zeroYears(this.years);
    for (const [y, v] of e.row.costs) money.set(y, v);
    return {
      ...refOf(e, 'item', e.kind === 'project' ? 'ProjectId' : 'ActivityId', e.kind),
      money,
      kpis: this.kpisOf(id),
      excluded: !itemCounts(e),
    };
  }

  lineNode(e: Entry<'tblBudgetLines'>): LinkNode {
    const money = new Map<number, bigint>();
    if (e.row.Year !== null) money.set(e.row.Year, e.row.Amount);
    return { ...refOf(e, 'budget', 'BudgetCode'), money, kpis: [], excluded: false };
  }

  plainNode(e: Located, level: LinkLevel, idColumn: string): LinkNode {
    return { ...refOf(e, level, idColumn), money: new Map(), kpis: [], excluded: false };
  }

  // ---- upward: from the asked node to its goal ----

  climbFromLine(e: Entry<'tblBudgetLines'>): void {
    this.budgetLine = this.lineNode(e);
    this.scopeLines.push(e);
    const item = findItem(this.d, idKey(e.row.LinkedId));
    if (item) {
      this.climbFromItem(item, false);
      return;
    }
    const present = this.d.projects.present || this.d.activities.present;
    this.pathBroken(
      makeBreak(e, 'budget', e.row.BudgetCode, 'LinkedId', e.row.LinkedId, present, 'item'),
    );
  }

  climbFromItem(e: ItemEntry, withLines: boolean): void {
    this.item = this.itemNode(e);
    this.scopeItems.push(e);
    if (withLines) {
      const id = e.kind === 'project' ? e.row.ProjectId : e.row.ActivityId;
      for (const line of this.d.linesOf.get(idKey(id)) ?? []) this.scopeLines.push(line);
    }
    const id = e.kind === 'project' ? e.row.ProjectId : e.row.ActivityId;
    // A project's scheme, when it names one that exists (a SchemeId that names none is
    // validation's SCHEME_… finding, not a break of the goal's path). The program is the
    // project's own; a project that names none reaches its program through its scheme.
    const scheme =
      e.kind === 'project' ? this.d.schemes.byId.get(idKey(e.row.SchemeId)) : undefined;
    if (scheme) this.scheme = this.schemeNode(scheme);
    if (scheme && idKey(e.row.ProgramId) === '') {
      this.climbFromScheme(scheme, false);
      return;
    }
    const r = follow(e, 'item', id, 'ProgramId', e.row.ProgramId, this.d.programs, 'program');
    if (r.ok) this.climbFromProgram(r.entry, false);
    else this.pathBroken(r.broken);
  }

  climbFromScheme(e: Entry<'tblSchemes'>, withDescendants: boolean): void {
    this.scheme = this.schemeNode(e);
    if (withDescendants)
      for (const i of this.d.projectsOfScheme.get(idKey(e.row.SchemeId)) ?? []) this.addItem(i);
    const r = follow(
      e,
      'scheme',
      e.row.SchemeId,
      'ProgramId',
      e.row.ProgramId,
      this.d.programs,
      'program',
    );
    if (r.ok) this.climbFromProgram(r.entry, false);
    else this.pathBroken(r.broken);
  }

  climbFromProgram(e: Entry<'tblPrograms'>, withDescendants: boolean): void {
    this.program = this.programNode(e);
    if (withDescendants) this.addItemsOf(e);
    const r = follow(
      e,
      'program',
      e.row.ProgramId,
      'StrategyId',
      e.row.StrategyId,
      this.d.strategies,
      'strategy',
    );
    if (r.ok) this.climbFromStrategy(r.entry, false);
    else this.pathBroken(r.broken);
  }

  climbFromStrategy(e: Entry<'tblStrategies'>, withDescendants: boolean): void {
    this.strategy = this.strategyNode(e);
    this.scopeStrategies.push(e);
    if (withDescendants) this.addProgramsOf(e);
    const r = follow(e, 'strategy', e.row.StrategyId, 'GoalId', e.row.GoalId, this.d.goals, 'goal');
    if (r.ok) this.goal = this.goalNode(r.entry);
    else this.pathBroken(r.broken);
  }

  startAtGoal(e: Entry<'tblGoals'>): void {
    this.goal = this.goalNode(e);
    for (const s of this.d.strategiesOf.get(idKey(e.row.GoalId)) ?? []) {
      this.strategies.push(this.strategyNode(s));
      this.scopeStrategies.push(s);
      this.addProgramsOf(s);
    }
  }

  // ---- downward: what lies under the asked node ----

  private addProgramsOf(s: Entry<'tblStrategies'>): void {
    for (const p of this.d.programsOf.get(idKey(s.row.StrategyId)) ?? []) {
      this.programs.push(this.programNode(p));
      this.addItemsOf(p);
    }
  }

  private addItemsOf(p: Entry<'tblPrograms'>): void {
    for (const sc of this.d.schemesOf.get(idKey(p.row.ProgramId)) ?? [])
      this.schemes.push(this.schemeNode(sc));
    for (const i of this.d.itemsOf.get(idKey(p.row.ProgramId)) ?? []) this.addItem(i);
  }

  private addItem(i: ItemEntry): void {
    this.items.push(this.itemNode(i));
    this.scopeItems.push(i);
    const id = i.kind === 'project' ? i.row.ProjectId : i.row.ActivityId;
    for (const line of this.d.linesOf.get(idKey(id)) ?? []) this.scopeLines.push(line);
  }

  // ---- sideways: sources, directives, documents ----

  finish(): void {
    if (this.budgetLine) this.lines.push(this.budgetLine);
    else for (const line of this.scopeLines) this.lines.push(this.lineNode(line));
    const sourceHolders: Array<{
      e: Located;
      at: LinkLevel;
      id: string;
      value: string;
    }> = [];
    // A budget line asked for is funded by its own source; otherwise items and their lines.
    if (!this.budgetLine)
      for (const i of this.scopeItems)
        sourceHolders.push({
          e: i,
          at: 'item',
          id: i.kind === 'project' ? i.row.ProjectId : i.row.ActivityId,
          value: i.row.SourceId,
        });
    for (const l of this.scopeLines)
      sourceHolders.push({ e: l, at: 'budget', id: l.row.BudgetCode, value: l.row.SourceId });
    for (const h of sourceHolders) {
      const r = follow(h.e, h.at, h.id, 'SourceId', h.value, this.d.sources, 'source');
      if (!r.ok) {
        if (r.broken) this.breaks.push(r.broken);
        continue;
      }
      const key = idKey(r.entry.row.SourceId);
      if (!this.sources.has(key))
        this.sources.set(key, this.plainNode(r.entry, 'source', 'SourceId'));
    }
    for (const s of this.scopeStrategies) {
      for (const dirId of s.row.DirectiveIds) {
        const r = follow(
          s,
          'strategy',
          s.row.StrategyId,
          'DirectiveIds',
          dirId,
          this.d.directives,
          'directive',
        );
        if (!r.ok) {
          if (r.broken) this.breaks.push(r.broken);
          continue;
        }
        const dKey = idKey(r.entry.row.DirectiveId);
        if (this.directives.has(dKey)) continue;
        this.directives.set(dKey, this.plainNode(r.entry, 'directive', 'DirectiveId'));
        const doc = follow(
          r.entry,
          'directive',
          r.entry.row.DirectiveId,
          'DocId',
          r.entry.row.DocId,
          this.d.documents,
          'document',
        );
        if (!doc.ok) {
          if (doc.broken) this.breaks.push(doc.broken);
          continue;
        }
        const docKey = idKey(doc.entry.row.DocId);
        if (!this.documents.has(docKey))
          this.documents.set(docKey, this.plainNode(doc.entry, 'document', 'DocId'));
      }
    }
  }
}

/**
 * The linkage chain of a budget code, project, activity, program, strategy,
 * goal or KPI ID: the path up to its goal (with the first missing link named
 * in `pathBreak`), what lies below it, its budget lines, funding sources,
 * upstream directives and documents, KPIs at each level and money per plan
 * year at each level (program = Σ its items' costs, strategy = Σ programs,
 * goal = Σ strategies; exact; dropped projects not counted).
 *
 * Tables are the workbook's own rows plus reference rows (the city framework)
 * that the workbook does not hold. IDs match with digits in any script.
 * Pass a `LinkIndex` (`indexPlanLinks`) when resolving many IDs.
 *
 * An ID that no table holds may be the `BudgetCode` of a project, activity, scheme or
 * program (contract v2): the chain is then that row's.
 *
 * @returns the chain, or null when no table holds the ID (at `options.level`, if given).
 */
export function resolveChain(
  plan: Plan | LinkIndex,
  id: string,
  options: ResolveOptions = {},
): LinkChain | null {
  const index = isIndex(plan) ? plan : indexPlanLinks(plan);
  const d = index.data;
  let key = idKey(id);
  if (key === '') return null;
  const order = options.level ? [options.level] : SEARCH_ORDER;
  const matches = SEARCH_ORDER.filter((l) => found(d, l, key));
  let level = order.find((l) => found(d, l, key));
  // Not an ID: the budget code an item, a scheme or a program carries (contract v2), e.g.
  // PLAN.BUDGET_LINK on a code column.
  const coded = level === undefined ? d.byBudgetCode.get(key) : undefined;
  if (coded && (options.level === undefined || options.level === coded.level)) {
    level = coded.level;
    key = coded.key;
  }
  if (!level) return null;

  const b = new ChainBuilder(d, index.years);
  startAt(b, d, level, key);
  b.finish();
  return {
    query: { id, level, alsoMatches: matches.filter((l) => l !== level) },
    years: index.years,
    goal: b.goal,
    strategy: b.strategy,
    program: b.program,
    scheme: b.scheme,
    item: b.item,
    budgetLine: b.budgetLine,
    kpi: b.kpi,
    descendants: {
      strategies: b.strategies,
      programs: b.programs,
      schemes: b.schemes,
      items: b.items,
    },
    budgetLines: b.lines,
    sources: [...b.sources.values()],
    directives: [...b.directives.values()],
    documents: [...b.documents.values()],
    pathBreak: b.pathBreak,
    breaks: b.breaks,
  };
}

/** The IDs of an item's chain that the city plan lists (see `resolveChainIds`). */
export interface ChainIds {
  readonly item: string;
  readonly program: string | null;
  readonly strategy: string | null;
  readonly goal: string | null;
  /** Funding sources of the item and its budget lines, distinct, in the order met. */
  readonly sources: readonly string[];
}

/**
 * The IDs of the chain of `id` that the city plan lists for each of its items: its program,
 * strategy and goal, and its funding sources. The same as `resolveChain(index, id)` reduced to
 * those IDs, without building the chain's nodes, money and sideways links (the city plan
 * asks for tens of thousands of items): a project or activity ID that is not also a budget
 * code is climbed directly, anything else is resolved in full. tests/shared/chain-ids.test.ts
 * holds the two equal.
 */
export function resolveChainIds(index: LinkIndex, id: string): ChainIds {
  const d = index.data;
  const key = idKey(id);
  const item = key !== '' && !d.budget.byId.has(key) ? findItem(d, key) : null;
  if (item === null) {
    const chain = resolveChain(index, id);
    return {
      item: id,
      program: chain?.program?.id ?? null,
      strategy: chain?.strategy?.id ?? null,
      goal: chain?.goal?.id ?? null,
      sources: chain?.sources.map((s) => s.id) ?? [],
    };
  }
  // The path up, as `ChainBuilder.climbFromItem` and the climbs above it take it (`follow`:
  // an empty ID names nothing).
  const at = <T>(byId: ReadonlyMap<string, T>, value: string): T | null => {
    const k = idKey(value);
    return k === '' ? null : (byId.get(k) ?? null);
  };
  const scheme = item.kind === 'project' ? at(d.schemes.byId, item.row.SchemeId) : null;
  const program =
    scheme !== null && idKey(item.row.ProgramId) === ''
      ? at(d.programs.byId, scheme.row.ProgramId)
      : at(d.programs.byId, item.row.ProgramId);
  const strategy = program === null ? null : at(d.strategies.byId, program.row.StrategyId);
  const goal = strategy === null ? null : at(d.goals.byId, strategy.row.GoalId);
  // The sources, as `ChainBuilder.finish` collects them: the item's, then its lines'.
  const sources = new Map<string, string>();
  const addSource = (value: string) => {
    const e = at(d.sources.byId, value);
    if (e === null) return;
    const sKey = idKey(e.row.SourceId);
    if (!sources.has(sKey)) sources.set(sKey, textOf(e.row, 'SourceId'));
  };
  addSource(item.row.SourceId);
  const itemId = item.kind === 'project' ? item.row.ProjectId : item.row.ActivityId;
  for (const line of d.linesOf.get(idKey(itemId)) ?? []) addSource(line.row.SourceId);
  return {
    item: id,
    program: program === null ? null : textOf(program.row, 'ProgramId'),
    strategy: strategy === null ? null : textOf(strategy.row, 'StrategyId'),
    goal: goal === null ? null : textOf(goal.row, 'GoalId'),
    sources: [...sources.values()],
  };
}

function startAt(b: ChainBuilder, d: LinkData, level: LinkLevel, key: string): void {
  switch (level) {
    case 'budget': {
      const e = d.budget.byId.get(key);
      if (e) b.climbFromLine(e);
      return;
    }
    case 'item': {
      const e = findItem(d, key);
      if (e) b.climbFromItem(e, true);
      return;
    }
    case 'program': {
      const e = d.programs.byId.get(key);
      if (e) b.climbFromProgram(e, true);
      return;
    }
    case 'scheme': {
      const e = d.schemes.byId.get(key);
      if (e) b.climbFromScheme(e, true);
      return;
    }
    case 'strategy': {
      const e = d.strategies.byId.get(key);
      if (e) b.climbFromStrategy(e, true);
      return;
    }
    case 'goal': {
      const e = d.goals.byId.get(key);
      if (e) b.startAtGoal(e);
      return;
    }
    case 'kpi': {
      const e = d.kpis.byId.get(key);
      if (!e) return;
      b.kpi = b.plainNode(e, 'kpi', 'KpiId');
      // A KPI's LinkedId may name any level; the upper levels are tried first,
      // since macro KPIs (the common case) measure goals and strategies.
      const linked = idKey(e.row.LinkedId);
      for (const l of ['goal', 'strategy', 'program', 'scheme', 'item'] as const) {
        if (linked !== '' && found(d, l, linked)) {
          startAt(b, d, l, linked);
          return;
        }
      }
      const present =
        d.goals.present ||
        d.strategies.present ||
        d.programs.present ||
        d.projects.present ||
        d.activities.present;
      const broken = makeBreak(e, 'kpi', e.row.KpiId, 'LinkedId', e.row.LinkedId, present, null);
      b.breaks.push(broken);
      b.pathBreak = broken;
      return;
    }
    default:
      return;
  }
}

/** One level's ID and title, as `PLAN.BUDGET_LINK(id, level)` shows it. */
export interface LinkLabel {
  readonly id: string;
  readonly title: string;
}

/**
 * The nodes of one level of a chain: the path node when the chain has one;
 * else the nodes of that level below the asked node; for `budget`, `source`,
 * `directive` and `document` the chain's lists; for `kpi` the asked KPI or
 * else the KPIs of the deepest node of the path.
 */
export function chainLevelNodes(chain: LinkChain, level: LinkLevel): LinkLabel[] {
  const one = (n: LinkNode | null): LinkLabel[] => (n ? [{ id: n.id, title: n.title }] : []);
  const many = (ns: readonly LinkNode[]): LinkLabel[] =>
    ns.map((n) => ({ id: n.id, title: n.title }));
  switch (level) {
    case 'goal':
      return one(chain.goal);
    case 'strategy':
      return chain.strategy ? one(chain.strategy) : many(chain.descendants.strategies);
    case 'program':
      return chain.program ? one(chain.program) : many(chain.descendants.programs);
    case 'scheme':
      return chain.scheme ? one(chain.scheme) : many(chain.descendants.schemes);
    case 'item':
      return chain.item ? one(chain.item) : many(chain.descendants.items);
    case 'budget':
      return many(chain.budgetLines);
    case 'source':
      return many(chain.sources);
    case 'directive':
      return many(chain.directives);
    case 'document':
      return many(chain.documents);
    case 'kpi': {
      if (chain.kpi) return one(chain.kpi);
      const deepest = chain.item ?? chain.scheme ?? chain.program ?? chain.strategy ?? chain.goal;
      return (deepest?.kpis ?? []).map((k) => ({ id: k.id, title: k.title }));
    }
  }
}

/**
 * One level of a chain as a single ID and title (several joined with `, ` or
 * the Persian comma `، `), or null when the chain has nothing at that level.
 */
export function chainLevel(
  chain: LinkChain,
  level: LinkLevel,
  lang: Language = 'en',
): LinkLabel | null {
  const nodes = chainLevelNodes(chain, level);
  if (nodes.length === 0) return null;
  const sep = lang === 'fa' ? '، ' : ', ';
  return { id: nodes.map((n) => n.id).join(sep), title: nodes.map((n) => n.title).join(sep) };
}

/**
 * The nodes of a chain's path, goal first: goal, strategy, program, scheme, item and the
 * asked budget line, each where the chain has one (the one order every view shows).
 */
export function chainPath(chain: LinkChain): LinkNode[] {
  return [
    chain.goal,
    chain.strategy,
    chain.program,
    chain.scheme,
    chain.item,
    chain.budgetLine,
  ].filter((n): n is LinkNode => n !== null);
}

/** Separator between levels; U+203A is bidi-mirrored, so it points along Persian text too. */
export const CHAIN_SEPARATOR = ' › ';

/** Options of `formatChain`. */
export interface FormatChainOptions {
  /** Show titles after IDs (default true). */
  readonly titles?: boolean;
}

function placeholder(b: ChainBreak, lang: Language): string {
  const level: Bilingual = b.missing ? levelCaption(b.missing) : { fa: 'پیوند', en: 'Link' };
  if (b.reason === 'empty')
    return lang === 'fa' ? `(بدون ${level.fa})` : `(no ${level.en.toLowerCase()})`;
  const id = b.missingId ?? '';
  if (b.reason === 'missing') return lang === 'fa' ? `${id} (یافت نشد)` : `${id} (not found)`;
  return `${id} (?)`;
}

/**
 * The path of a chain as one line, goal first: `G1 Title › S1.2 Title › P-03
 * Title › PR-014 Title` (a budget line or an asked KPI last). A broken link
 * shows where it breaks: `PR9 (not found) › PR-014 Title`, `(no program) › …`.
 */
export function formatChain(
  chain: LinkChain,
  lang: Language = 'en',
  options: FormatChainOptions = {},
): string {
  const titles = options.titles ?? true;
  const label = (n: LinkNode) => (titles && n.title ? `${n.id} ${n.title}` : n.id);
  const parts: string[] = [];
  if (chain.pathBreak) parts.push(placeholder(chain.pathBreak, lang));
  for (const n of chainPath(chain)) parts.push(label(n));
  if (chain.kpi) parts.push(label(chain.kpi));
  return parts.join(CHAIN_SEPARATOR);
}
