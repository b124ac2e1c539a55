/**
 * What every portfolio method shares: checking the input, the forced set
 * (mandatory projects and their prerequisites), exact spending per year, and
 * the spreadsheet method "rank by score, fill until the money runs out" that
 * the optimiser is compared with.
 */
import type { Rials } from '../money';
import type {
  PortfolioInput,
  PortfolioProblem,
  PortfolioProject,
  Selection,
  YearSpending,
} from './types';

/** The input checked and indexed. */
export interface Indexed {
  readonly projects: readonly PortfolioProject[];
  readonly years: number[];
  readonly budget: Rials[];
  /** costs[i][k]: project i in years[k]. */
  readonly costs: Rials[][];
  /** Prerequisite indices of each project (unique, self-references dropped). */
  readonly deps: number[][];
  readonly scores: number[];
  readonly index: ReadonlyMap<string, number>;
}

/** Checks the input; returns the problems found or the indexed input. */
export function indexInput(
  input: PortfolioInput,
): { ok: true; value: Indexed } | { ok: false; problems: PortfolioProblem[] } {
  const problems: PortfolioProblem[] = [];
  const years = [...input.budget.keys()].sort((a, b) => a - b);
  const yearPos = new Map(years.map((y, k) => [y, k]));
  for (const y of years) {
    const b = input.budget.get(y) ?? 0n;
    if (b < 0n)
      problems.push({
        code: 'PORTFOLIO_BUDGET_NEGATIVE',
        year: y,
        message: { fa: `بودجه سال ${y} منفی است`, en: `the budget of year ${y} is negative` },
      });
  }
  const index = new Map<string, number>();
  input.projects.forEach((p, i) => {
    if (p.id === '')
      problems.push({
        code: 'PORTFOLIO_ID_EMPTY',
        message: { fa: `پروژه شماره ${i + 1} شناسه ندارد`, en: `project #${i + 1} has no ID` },
      });
    else if (index.has(p.id))
      problems.push({
        code: 'PORTFOLIO_ID_DUPLICATE',
        projectId: p.id,
        message: { fa: `شناسه «${p.id}» تکراری است`, en: `project ID "${p.id}" appears twice` },
      });
    else index.set(p.id, i);
    if (!Number.isFinite(p.score))
      problems.push({
        code: 'PORTFOLIO_SCORE_INVALID',
        projectId: p.id,
        message: {
          fa: `امتیاز پروژه «${p.id}» عدد نیست`,
          en: `the score of project "${p.id}" is not a number`,
        },
      });
    for (const [y, c] of p.costs) {
      if (c < 0n)
        problems.push({
          code: 'PORTFOLIO_COST_NEGATIVE',
          projectId: p.id,
          year: y,
          message: {
            fa: `هزینه پروژه «${p.id}» در سال ${y} منفی است`,
            en: `the cost of project "${p.id}" in ${y} is negative`,
          },
        });
      else if (c > 0n && !yearPos.has(y))
        problems.push({
          code: 'PORTFOLIO_YEAR_NO_BUDGET',
          projectId: p.id,
          year: y,
          message: {
            fa: `پروژه «${p.id}» در سال ${y} هزینه دارد اما بودجه آن سال داده نشده است`,
            en: `project "${p.id}" spends in ${y} but no budget is given for that year`,
          },
        });
    }
  });
  input.projects.forEach((p) => {
    for (const d of p.dependsOn ?? [])
      if (!index.has(d))
        problems.push({
          code: 'PORTFOLIO_DEPENDENCY_UNKNOWN',
          projectId: p.id,
          message: {
            fa: `پیش‌نیاز «${d}» پروژه «${p.id}» در فهرست پروژه‌ها نیست`,
            en: `prerequisite "${d}" of project "${p.id}" is not among the projects`,
          },
        });
  });
  if (problems.length > 0) return { ok: false, problems };
  const deps = input.projects.map((p, i) => [
    ...new Set((p.dependsOn ?? []).map((d) => index.get(d) as number).filter((j) => j !== i)),
  ]);
  return {
    ok: true,
    value: {
      projects: input.projects,
      years,
      budget: years.map((y) => input.budget.get(y) ?? 0n),
      costs: input.projects.map((p) => years.map((y) => p.costs.get(y) ?? 0n)),
      deps,
      scores: input.projects.map((p) => p.score),
      index,
    },
  };
}

/** Indices reachable from `start` through prerequisites (including `start`). */
export function closureOf(start: Iterable<number>, deps: readonly number[][]): Set<number> {
  const out = new Set<number>();
  const stack = [...start];
  while (stack.length > 0) {
    const i = stack.pop() as number;
    if (out.has(i)) continue;
    out.add(i);
    for (const j of deps[i] ?? []) if (!out.has(j)) stack.push(j);
  }
  return out;
}

/** Mandatory projects and, transitively, their prerequisites. */
export function forcedSet(ix: Indexed): Set<number> {
  return closureOf(
    ix.projects.flatMap((p, i) => (p.mandatory ? [i] : [])),
    ix.deps,
  );
}

/** Exact spending per year of a set of projects. */
export function spendingOf(ix: Indexed, chosen: ReadonlySet<number>): YearSpending[] {
  return ix.years.map((year, k) => {
    let spent = 0n;
    for (const i of chosen) spent += ix.costs[i]?.[k] ?? 0n;
    const budget = ix.budget[k] ?? 0n;
    return { year, budget, spent, left: budget - spent };
  });
}

/** The selection a set of indices stands for: IDs in input order, Σ score, spending. */
export function selectionOf(ix: Indexed, chosen: ReadonlySet<number>): Selection {
  const order = [...chosen].sort((a, b) => a - b);
  let objective = 0;
  for (const i of order) objective += ix.scores[i] ?? 0;
  return {
    chosen: order.map((i) => ix.projects[i]?.id ?? ''),
    objective,
    spending: spendingOf(ix, chosen),
  };
}

/** True when the set fits every budget exactly and holds every prerequisite of its members. */
export function isFeasible(ix: Indexed, chosen: ReadonlySet<number>): boolean {
  for (const i of chosen) for (const j of ix.deps[i] ?? []) if (!chosen.has(j)) return false;
  return spendingOf(ix, chosen).every((s) => s.left >= 0n);
}

/**
 * Rank-and-fill on indexed input; see {@link rankAndFill}. `feasible` is
 * false only when the forced projects alone overspend (they are taken anyway).
 */
export function rankAndFillIndexed(ix: Indexed): { chosen: Set<number>; feasible: boolean } {
  const chosen = forcedSet(ix);
  const left = spendingOf(ix, chosen).map((s) => s.left);
  const feasible = left.every((l) => l >= 0n);
  const order = ix.projects
    .map((_, i) => i)
    .filter((i) => !chosen.has(i))
    // Descending score; equal scores keep input order (a spreadsheet sort is stable).
    .sort((a, b) => (ix.scores[b] ?? 0) - (ix.scores[a] ?? 0) || a - b);
  if (!feasible) return { chosen, feasible };
  for (const i of order) {
    if (!(ix.deps[i] ?? []).every((j) => chosen.has(j))) continue;
    const cost = ix.costs[i] ?? [];
    if (!cost.every((c, k) => c <= (left[k] ?? 0n))) continue;
    chosen.add(i);
    cost.forEach((c, k) => {
      left[k] = (left[k] ?? 0n) - c;
    });
  }
  return { chosen, feasible };
}

/**
 * The common spreadsheet method, defined precisely so it can be compared:
 * 1. take the mandatory projects and their prerequisites;
 * 2. go through the other projects once, by descending score (equal scores in
 *    input order), and take a project when every one of its prerequisites is
 *    already taken and its cost fits what is left of every year's budget.
 * A project passed over is not revisited, so a prerequisite that ranks lower
 * than its dependant blocks it, and projects in a dependency cycle are never
 * taken unless forced: exactly what a ranked list filled from the top does.
 * Returns null for malformed input (see `selectPortfolio` for the problems).
 */
export function rankAndFill(input: PortfolioInput): Selection | null {
  const ix = indexInput(input);
  if (!ix.ok) return null;
  return selectionOf(ix.value, rankAndFillIndexed(ix.value).chosen);
}

/**
 * Evaluates a set of project IDs against the input (e.g. the plan people
 * drew up by hand): Σ score, exact spending, and whether it fits every budget
 * and holds every prerequisite. Unknown IDs are listed, not counted. Null for
 * malformed input.
 */
export function evaluateSelection(
  input: PortfolioInput,
  ids: readonly string[],
): (Selection & { feasible: boolean; unknown: string[] }) | null {
  const indexed = indexInput(input);
  if (!indexed.ok) return null;
  const ix = indexed.value;
  const set = new Set<number>();
  const unknown: string[] = [];
  for (const id of ids) {
    const i = ix.index.get(id);
    if (i === undefined) unknown.push(id);
    else set.add(i);
  }
  return { ...selectionOf(ix, set), feasible: isFeasible(ix, set), unknown };
}
