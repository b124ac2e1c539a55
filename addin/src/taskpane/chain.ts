/**
 * The Chain view's tree, built from the core's linkage (`resolveChain` over one link index):
 * goal › strategy › program › scheme (طرح, contract v2) › projects, with activities and projects
 * that name no scheme directly under their program; each node with its money per plan year,
 * its KPIs and what it lacks (money, a KPI, an upstream directive for a strategy).
 */
import type { LinkLevel, LinkNode, Plan, Table } from '#core';
import { cellOf, coverageReport, indexPlanLinks, resolveChain, rowsOf } from '#core';

/** One node of the tree. */
export interface ChainTreeNode {
  node: LinkNode;
  /** Sum of the node's money over the plan years (Rials). */
  total: bigint;
  noMoney: boolean;
  noKpi: boolean;
  /** Only strategies are linked to upstream directives. */
  noDirective: boolean;
  children: ChainTreeNode[];
}

const ID_COLUMN: Record<string, string> = {
  tblGoals: 'GoalId',
  tblStrategies: 'StrategyId',
  tblPrograms: 'ProgramId',
  tblSchemes: 'SchemeId',
  tblProjects: 'ProjectId',
  tblActivities: 'ActivityId',
};

/** A row's identity: its table and sheet row (reference rows have no sheet row of their own). */
function nodeKey(n: LinkNode): string {
  return `${n.table}|${n.reference ? 'ref' : 'own'}|${n.row}|${n.id}`;
}

/** The tree of a plan, goals first in the order of the workbook (or its reference data). */
export function chainTree(plan: Plan): { years: readonly number[]; goals: ChainTreeNode[] } {
  const index = indexPlanLinks(plan);
  const coverage = coverageReport(index);
  const withoutDirective = new Set(coverage.strategiesWithoutDirective.map((r) => r.id));
  const make = (node: LinkNode, children: ChainTreeNode[]): ChainTreeNode => {
    let total = 0n;
    for (const v of node.money.values()) total += v;
    return {
      node,
      total,
      noMoney: total === 0n,
      noKpi: node.kpis.length === 0,
      noDirective: node.level === 'strategy' && withoutDirective.has(node.id),
      children,
    };
  };
  const at = (id: string, level: LinkLevel) => resolveChain(index, id, { level });
  const goals = rowsOf(plan, 'tblGoals').flatMap((g) => {
    const goal = at(g.GoalId, 'goal');
    if (!goal?.goal) return [];
    const strategies = goal.descendants.strategies.map((s) => {
      const sc = at(s.id, 'strategy');
      const programs = (sc?.descendants.programs ?? []).map((p) => {
        const pc = at(p.id, 'program');
        // A scheme's projects under it; the program's other items (activities, projects
        // without a scheme) directly under the program, after its schemes.
        const inScheme = new Set<string>();
        const schemes = (pc?.descendants.schemes ?? []).map((sc) => {
          const items = at(sc.id, 'scheme')?.descendants.items ?? [];
          for (const i of items) inScheme.add(nodeKey(i));
          return make(
            sc,
            items.map((i) => make(i, [])),
          );
        });
        const direct = (pc?.descendants.items ?? []).filter((i) => !inScheme.has(nodeKey(i)));
        return make(p, [...schemes, ...direct.map((i) => make(i, []))]);
      });
      return make(s, programs);
    });
    return [make(goal.goal, strategies)];
  });
  return { years: index.years, goals };
}

/** The cell to select for a node: its ID cell on its own sheet (null for reference rows). */
export function cellOfNode(plan: Plan, node: LinkNode): { sheet: string; cell: string } | null {
  if (node.reference) return null;
  const table = plan.tables[node.table] as Table | undefined;
  const column = ID_COLUMN[node.table];
  if (!table || !column) return null;
  const cell = cellOf(table, node.row, column);
  return cell ? { sheet: node.sheet, cell } : null;
}
