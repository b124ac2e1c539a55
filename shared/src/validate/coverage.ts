/**
 * "Every X has Y" (contract, What valid means): every goal has a strategy and
 * a macro KPI, every strategy a program, every program a project or an
 * activity. Only X rows the workbook owns are checked, and only when the
 * tables that could hold Y are in reach; otherwise the check is left for
 * consolidation.
 */
import type { TableName } from '../contract/tables';
import type { Row, Table } from '../read/plan';
import type { AnyRow, Checker } from './context';
import { idKey, shown } from './context';

type Parent = 'tblGoals' | 'tblStrategies' | 'tblPrograms';

/**
 * The parents named by `column` in the rows of `child` in reach: the values
 * as typed, and (built only when some parent is not named exactly) their keys.
 */
class Named {
  readonly exact = new Set<string>();
  private keys: Set<string> | null = null;

  add(value: string): void {
    this.exact.add(value);
  }

  has(id: string): boolean {
    if (this.exact.has(id)) return true;
    if (!this.keys) {
      this.keys = new Set();
      for (const v of this.exact) this.keys.add(idKey(v));
    }
    return this.keys.has(idKey(id));
  }
}

function namedBy<N extends TableName>(
  c: Checker,
  child: N,
  column: string,
  into: Named,
  keep: (row: Row<N>) => boolean = () => true,
): void {
  for (const r of c.reachRows(child)) {
    const v = (r as unknown as AnyRow)[column];
    if (typeof v === 'string' && v !== '' && keep(r)) into.add(v);
  }
}

interface Rule {
  code: 'GOAL_NO_STRATEGY' | 'GOAL_NO_MACRO_KPI' | 'STRATEGY_NO_PROGRAM' | 'PROGRAM_NO_WORK';
  parent: Parent;
  /** Tables any of which may hold a child; with their reference column. */
  children: ReadonlyArray<readonly [TableName, string]>;
  keepKpi?: boolean;
  fa: (id: string) => string;
  en: (id: string) => string;
}

const RULES: readonly Rule[] = [
  {
    code: 'GOAL_NO_STRATEGY',
    parent: 'tblGoals',
    children: [['tblStrategies', 'GoalId']],
    fa: (id) =>
      `هدف «${id}» هیچ راهبردی ندارد؛ دست‌کم یک راهبرد با شناسه هدف «${id}» در جدول راهبردها بیفزایید`,
    en: (id) =>
      `goal "${id}" has no strategy; add at least one strategy with GoalId "${id}" to tblStrategies`,
  },
  {
    code: 'GOAL_NO_MACRO_KPI',
    parent: 'tblGoals',
    children: [['tblKpis', 'LinkedId']],
    keepKpi: true,
    fa: (id) =>
      `هدف «${id}» هیچ شاخص کلانی ندارد؛ شاخصی با سطح «کلان» و شناسه مرتبط «${id}» بیفزایید`,
    en: (id) =>
      `goal "${id}" has no macro KPI; add a KPI with Level "macro" and LinkedId "${id}" to tblKpis`,
  },
  {
    code: 'STRATEGY_NO_PROGRAM',
    parent: 'tblStrategies',
    children: [['tblPrograms', 'StrategyId']],
    fa: (id) =>
      `راهبرد «${id}» هیچ برنامه‌ای ندارد؛ برنامه‌ای با شناسه راهبرد «${id}» بیفزایید یا راهبرد را حذف کنید`,
    en: (id) =>
      `strategy "${id}" has no program; add a program with StrategyId "${id}" or remove the strategy`,
  },
  {
    code: 'PROGRAM_NO_WORK',
    parent: 'tblPrograms',
    children: [
      ['tblProjects', 'ProgramId'],
      ['tblActivities', 'ProgramId'],
    ],
    fa: (id) =>
      `برنامه «${id}» هیچ پروژه یا فعالیتی ندارد؛ پروژه یا فعالیتی با شناسه برنامه «${id}» بیفزایید`,
    en: (id) =>
      `program "${id}" has no project or activity; add a project or an activity with ProgramId "${id}"`,
  },
];

/** GOAL_NO_STRATEGY, GOAL_NO_MACRO_KPI, STRATEGY_NO_PROGRAM, PROGRAM_NO_WORK. */
export function checkCoverage(c: Checker): void {
  for (const rule of RULES) {
    const table = c.own(rule.parent) as Table | undefined;
    const idColumn = table?.spec.idColumn;
    if (!table || !idColumn || table.rows.length === 0) continue;
    const reachable = rule.children.filter(([t]) => c.inReach(t));
    const unreachable = rule.children.filter(([t]) => !c.inReach(t)).map(([t]) => t);
    const found = new Named();
    for (const [child, column] of reachable)
      if (rule.keepKpi) namedBy(c, 'tblKpis', column, found, (k) => k.Level === 'macro');
      else namedBy(c, child, column, found);
    // For a goal without a macro KPI, name the micro KPIs linked to it: often the level is the slip.
    const micro = rule.keepKpi ? microKpis(c) : null;
    for (const r of table.rows as unknown as AnyRow[]) {
      const id = r[idColumn];
      if (typeof id !== 'string' || id === '') continue;
      if (found.has(id)) continue;
      if (unreachable.length > 0) {
        c.skip(rule.code, rule.parent, idColumn, unreachable);
        continue;
      }
      const hint = micro?.get(idKey(id));
      c.add(
        rule.code,
        c.at(table, r.row, idColumn),
        rule.fa(shown(id)) +
          (hint ? ` (شاخص «${shown(hint)}» به آن پیوسته ولی سطحش «خرد» است)` : ''),
        rule.en(shown(id)) + (hint ? ` (KPI "${shown(hint)}" is linked to it but is micro)` : ''),
      );
    }
  }
}

function microKpis(c: Checker): Map<string, string> {
  const out = new Map<string, string>();
  for (const k of c.reachRows('tblKpis'))
    if (k.Level === 'micro' && k.LinkedId !== '' && !out.has(idKey(k.LinkedId)))
      out.set(idKey(k.LinkedId), k.KpiId);
  return out;
}
