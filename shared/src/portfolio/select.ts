/**
 * Portfolio selection as a 0–1 mixed-integer program, solved with HiGHS
 * (the `highs` package: HiGHS compiled to WebAssembly, loaded once and cached).
 *
 *   maximise   Σ_i score_i · x_i
 *   subject to Σ_i cost_{i,y} · x_i ≤ budget_y      for every year y
 *              x_i ≤ x_j                             for every prerequisite j of i
 *              x_i = 1                               for mandatory i
 *              x_i ∈ {0, 1}
 *
 * Money stays exact. Mandatory projects and their prerequisites are taken out
 * of the model first and their cost subtracted from the budgets in bigint.
 * For the solver, each binding year's costs are divided by their greatest
 * common divisor (no loss: Σ(c/g)·x ≤ B/g ⟺ Σ(c/g)·x ≤ ⌊B/g⌋ for whole
 * c/g); only when a year's largest cost is still above `maxCoefficient` units is a
 * coarser unit used, with costs rounded UP and the budget rounded DOWN, so any
 * plan the solver accepts fits the true budget. Every plan returned is
 * checked against the bigint budgets; should the solver's tolerances ever let
 * a plan overspend, the budget given to it is tightened by the overspend and
 * it solves again. With a coarser unit, optimality is proven separately by a
 * relaxed model (costs rounded DOWN) whose bound holds for the exact problem.
 */
import type { Highs, ModelData } from 'highs';
import {
  ceilDiv,
  DEFAULT_MAX_COEFFICIENT,
  DEFAULT_TIME_LIMIT_SECONDS,
  gcd,
  HIGHS_ABSOLUTE_GAP,
  isLimit,
  loadPortfolioSolver,
  MAX_TIGHTENINGS,
  runModel,
  STATUS,
} from './solver';
import type { SolveOutcome } from './solver';
import { selectSchedule, usesScheduleModel } from './schedule';
import type { Bilingual } from '../findings';
import { formatRials } from '../money';
import type { Indexed } from './rank';
import {
  closureOf,
  forcedSet,
  indexInput,
  isFeasible,
  rankAndFillIndexed,
  selectionOf,
  spendingOf,
} from './rank';
import type {
  PortfolioInput,
  PortfolioOptions,
  PortfolioProblem,
  PortfolioResult,
  PortfolioStatus,
  Selection,
  YearScale,
} from './types';

export { DEFAULT_MAX_COEFFICIENT, DEFAULT_TIME_LIMIT_SECONDS, loadPortfolioSolver } from './solver';

/** One budget row given to the solver. */
interface BudgetRow {
  k: number;
  year: number;
  /** Rials per unit. */
  unit: bigint;
  exact: boolean;
  /** Conservative (rounded up) and relaxed (rounded down) coefficients per free column. */
  up: number[];
  down: number[];
  /** ⌊left budget / unit⌋, in units; lowered when a plan overspends. */
  cap: number;
}

/** The model over the free columns, and how to run it. */
interface ModelSpec {
  free: readonly number[];
  rows: readonly BudgetRow[];
  /** [a, b]: column a needs column b. */
  deps: ReadonlyArray<readonly [number, number]>;
  relativeGap: number;
  extra: Readonly<Record<string, string | number | boolean>>;
}

function solveModel(
  highs: Highs,
  ix: Indexed,
  spec: ModelSpec,
  mode: 'up' | 'down',
  timeLimit: number,
  start: readonly number[] | null,
): SolveOutcome {
  const { free, rows, deps, relativeGap, extra } = spec;
  const n = free.length;
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rowUpper: number[] = [];
  for (const r of rows) {
    const coef = r[mode];
    coef.forEach((v, c) => {
      if (v !== 0) {
        indices.push(c);
        values.push(v);
      }
    });
    starts.push(indices.length);
    rowUpper.push(Math.max(r.cap, 0));
  }
  for (const [a, b] of deps) {
    // x_a − x_b ≤ 0: a needs b.
    indices.push(a, b);
    values.push(1, -1);
    starts.push(indices.length);
    rowUpper.push(0);
  }
  const numRows = rowUpper.length;
  const model: ModelData = {
    numCols: n,
    numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: free.map((i) => ix.scores[i] ?? 0),
    colLower: new Array<number>(n).fill(0),
    colUpper: new Array<number>(n).fill(1),
    rowLower: new Array<number>(numRows).fill(-highs.infinity),
    rowUpper,
    matrix: { format: 'csr', numRows, numCols: n, starts, indices, values },
    integrality: new Array<0 | 1>(n).fill(highs.constants.variableType.integer),
  };
  const first = runModel(highs, model, timeLimit, relativeGap, start, extra);
  // HiGHS' presolve has failed ("Solve error") on models it should solve; try once without it.
  return first.code === null
    ? runModel(highs, model, timeLimit, relativeGap, start, { ...extra, presolve: 'off' })
    : first;
}

function empty(ix: Indexed | null): Selection {
  return {
    chosen: [],
    objective: 0,
    spending: ix ? spendingOf(ix, new Set()) : [],
  };
}

function result(
  status: PortfolioStatus,
  message: Bilingual,
  sel: Selection,
  rest: Partial<PortfolioResult> & { rankAndFill: Selection },
): PortfolioResult {
  return {
    status,
    message,
    ...sel,
    problems: [],
    bestBound: null,
    gap: null,
    forced: [],
    cannotFit: [],
    scoreLeftOnTable: sel.objective - rest.rankAndFill.objective,
    scale: [],
    solveSeconds: 0,
    model: 'v1',
    ...rest,
  };
}

/**
 * Chooses the capital projects that maximise the total priority score within
 * each year's budget, with mandatory projects and their prerequisites in and
 * every chosen project's prerequisites chosen (a dependency cycle simply
 * forces its members in or out together). Never throws on bad input and
 * never runs past the time limit by more than HiGHS' own overrun; the result
 * is always a plan that fits the bigint budgets exactly, never worse than
 * rank-and-fill, with the proven bound and gap.
 *
 * When the input has start windows, department capacities, a readiness that
 * moves a planned start, or the options force or explain projects, the
 * scheduling model solves it instead (`./schedule`: start years, escalated
 * costs, capacities, timing of prerequisites); otherwise this is v1's model,
 * unchanged.
 */
export async function selectPortfolio(
  input: PortfolioInput,
  options: PortfolioOptions = {},
): Promise<PortfolioResult> {
  if (usesScheduleModel(input, options)) return selectSchedule(input, options);
  const timeLimit =
    options.timeLimitSeconds !== undefined &&
    Number.isFinite(options.timeLimitSeconds) &&
    options.timeLimitSeconds > 0
      ? options.timeLimitSeconds
      : DEFAULT_TIME_LIMIT_SECONDS;
  const relativeGap = Math.max(0, options.relativeGap ?? 0);
  const maxCoefficient = BigInt(
    Math.max(1, Math.floor(options.maxCoefficient ?? DEFAULT_MAX_COEFFICIENT)),
  );

  const indexed = indexInput(input);
  if (!indexed.ok) {
    const first = indexed.problems[0];
    return result(
      'invalid',
      first?.message ?? { fa: 'ورودی نامعتبر است', en: 'the input is not valid' },
      empty(null),
      { problems: indexed.problems, rankAndFill: empty(null) },
    );
  }
  const ix = indexed.value;
  const forced = forcedSet(ix);
  const forcedIds = [...forced].sort((a, b) => a - b).map((i) => ix.projects[i]?.id ?? '');
  const forcedSpend = spendingOf(ix, forced);

  const over: PortfolioProblem[] = forcedSpend
    .filter((s) => s.left < 0n)
    .map((s) => ({
      code: 'PORTFOLIO_MANDATORY_OVER_BUDGET',
      year: s.year,
      budget: s.budget,
      required: s.spent,
      message: {
        fa: `پروژه‌های الزامی (و پیش‌نیازهایشان) به‌تنهایی در سال ${s.year} به ${formatRials(s.spent, 'fa')} ریال نیاز دارند و از بودجه ${formatRials(s.budget, 'fa')} ریال بیشترند`,
        en: `the mandatory projects (with their prerequisites) alone need ${formatRials(s.spent)} Rials in ${s.year}, more than the budget of ${formatRials(s.budget)} Rials`,
      },
    }));
  if (over.length > 0)
    return result('infeasible', (over[0] as PortfolioProblem).message, empty(ix), {
      problems: over,
      forced: forcedIds,
      rankAndFill: empty(ix),
    });

  const greedy = rankAndFillIndexed(ix).chosen;
  const greedySel = selectionOf(ix, greedy);
  const left = forcedSpend.map((s) => s.left);

  // Projects that cannot fit whatever else is chosen: with the prerequisites
  // they would drag in, they exceed what some year has left.
  const cannotFit = new Set<number>();
  ix.projects.forEach((_, i) => {
    if (forced.has(i)) return;
    const need = ix.years.map(() => 0n);
    for (const j of closureOf([i], ix.deps))
      if (!forced.has(j)) ix.costs[j]?.forEach((c, k) => (need[k] = (need[k] ?? 0n) + c));
    if (need.some((c, k) => c > (left[k] ?? 0n))) cannotFit.add(i);
  });
  const free = ix.projects.map((_, i) => i).filter((i) => !forced.has(i) && !cannotFit.has(i));
  const cannotFitIds = [...cannotFit].sort((a, b) => a - b).map((i) => ix.projects[i]?.id ?? '');
  const base = { forced: forcedIds, cannotFit: cannotFitIds, rankAndFill: greedySel };

  const done = (
    chosen: ReadonlySet<number>,
    status: PortfolioStatus,
    bound: number | null,
    extra: Partial<PortfolioResult> = {},
  ): PortfolioResult => {
    const sel = selectionOf(ix, chosen);
    const b = bound === null ? null : Math.max(bound, sel.objective);
    const gap = b === null ? null : (b - sel.objective) / Math.max(Math.abs(sel.objective), 1);
    return result(status, summary(status, sel, greedySel, gap), sel, {
      ...base,
      bestBound: b,
      gap,
      ...extra,
    });
  };

  if (free.length === 0) return done(forced, 'optimal', selectionOf(ix, forced).objective);

  let highs: Highs;
  try {
    highs = options.solver ?? (await loadPortfolioSolver());
  } catch (e) {
    return done(greedy, 'solver-error', null, {
      problems: [
        {
          code: 'PORTFOLIO_SOLVER_UNAVAILABLE',
          message: {
            fa: `حل‌کننده \u2066HiGHS\u2069 بارگذاری نشد؛ نتیجه روش گزینش به ترتیب رتبه آمده است (${String(e)})`,
            en: `the HiGHS solver could not be loaded; the rank-and-fill plan is given (${String(e)})`,
          },
        },
      ],
    });
  }

  // Budget rows for the years that bind (free demand above what is left).
  const col = new Map(free.map((i, c) => [i, c]));
  const rows: BudgetRow[] = [];
  ix.years.forEach((year, k) => {
    let demand = 0n;
    let g = 0n;
    let largest = 0n;
    for (const i of free) {
      const c = ix.costs[i]?.[k] ?? 0n;
      demand += c;
      if (c > 0n) g = gcd(g, c);
      if (c > largest) largest = c;
    }
    const room = left[k] ?? 0n;
    if (demand <= room) return;
    const q = ceilDiv(largest / g, maxCoefficient);
    const unit = g * q;
    rows.push({
      k,
      year,
      unit,
      exact: q === 1n,
      up: free.map((i) => Number(ceilDiv(ix.costs[i]?.[k] ?? 0n, unit))),
      down: free.map((i) => Number((ix.costs[i]?.[k] ?? 0n) / unit)),
      cap: Number(room / unit),
    });
  });
  const exact = rows.every((r) => r.exact);
  const scale: YearScale[] = rows.map((r) => ({ year: r.year, unit: r.unit, exact: r.exact }));
  const depRows: Array<[number, number]> = [];
  for (const i of free)
    for (const j of ix.deps[i] ?? []) {
      const a = col.get(i);
      const b = col.get(j);
      // A prerequisite outside the free set is forced (satisfied); one that cannot fit made i unfit too.
      if (a !== undefined && b !== undefined) depRows.push([a, b]);
    }
  const toSet = (x: readonly boolean[]): Set<number> => {
    const s = new Set(forced);
    x.forEach((on, c) => on && s.add(free[c] as number));
    return s;
  };
  const greedyStart = free.map((i) => (greedy.has(i) ? 1 : 0));
  const spec: ModelSpec = {
    free,
    rows,
    deps: depRows,
    relativeGap,
    extra: options.highsOptions ?? {},
  };

  // Exact models get the whole time; with rounding, the relaxed model that
  // proves the bound gets half.
  let remaining = exact ? timeLimit : timeLimit / 2;
  let seconds = 0;
  let outcome: SolveOutcome | null = null;
  let firstBound: number | null = null;
  let tightened = false;
  let chosen: Set<number> | null = null;
  for (let round = 0; round <= MAX_TIGHTENINGS && remaining > 0; round++) {
    outcome = solveModel(highs, ix, spec, 'up', remaining, greedyStart);
    // Only the untightened model's bound holds for the real problem.
    if (round === 0) firstBound = outcome.bound;
    seconds += outcome.seconds;
    remaining -= Math.max(outcome.seconds, 0.01);
    if (outcome.x === null) break;
    const candidate = toSet(outcome.x);
    if (isFeasible(ix, candidate)) {
      chosen = candidate;
      break;
    }
    // Tolerances let the plan overspend: lower those years' caps by the overspend and solve again.
    tightened = true;
    const spend = spendingOf(ix, candidate);
    for (const r of rows) {
      const s = spend[r.k];
      if (s && s.left < 0n) r.cap -= Math.max(1, Number(ceilDiv(-s.left, r.unit)));
    }
  }
  if (outcome === null || outcome.code === null || (!chosen && !isLimit(outcome.code))) {
    const why = outcome?.error ?? `status ${outcome?.code ?? 'none'}`;
    return done(greedy, 'solver-error', null, {
      scale,
      solveSeconds: seconds,
      problems: [
        {
          code: 'PORTFOLIO_SOLVER_FAILED',
          message: {
            fa: `حل‌کننده به نتیجه نرسید؛ نتیجه روش گزینش به ترتیب رتبه آمده است (${why})`,
            en: `the solver did not finish; the rank-and-fill plan is given (${why})`,
          },
        },
      ],
    });
  }
  const forcedScore = selectionOf(ix, forced).objective;
  let hitLimit = isLimit(outcome.code);
  let best = chosen ?? greedy;
  let bound: number | null = null;
  if (exact) {
    // The model is the real problem in other units: its bound is a true bound.
    bound = firstBound === null ? null : firstBound + forcedScore;
  } else {
    // The relaxed model (costs rounded down) admits every plan that fits the
    // real budgets, so its bound is a true bound; its plan, when it fits the
    // real budgets, is optimal outright.
    const relaxed = solveModel(
      highs,
      ix,
      spec,
      'down',
      Math.max(timeLimit - seconds, 0.01),
      free.map((i) => (best.has(i) ? 1 : 0)),
    );
    seconds += relaxed.seconds;
    hitLimit ||= isLimit(relaxed.code);
    if (relaxed.bound !== null) bound = relaxed.bound + forcedScore;
    if (relaxed.x) {
      const s = toSet(relaxed.x);
      if (selectionOf(ix, s).objective > selectionOf(ix, best).objective && isFeasible(ix, s))
        best = s;
    }
  }
  // Money the rounding or an early stop left unused: fill it, exactly.
  best = fillExactly(ix, best);
  // Never worse than the spreadsheet method (it is the solver's warm start;
  // this only matters when the solver stopped before accepting it).
  if (greedySel.objective > selectionOf(ix, best).objective) best = greedy;
  const objective = selectionOf(ix, best).objective;
  const closeEnough =
    bound !== null &&
    bound - objective <= HIGHS_ABSOLUTE_GAP + relativeGap * Math.max(Math.abs(objective), 1);
  const provenOptimal = exact
    ? outcome.code === STATUS.optimal && (!tightened || closeEnough)
    : closeEnough;
  const status: PortfolioStatus = provenOptimal ? 'optimal' : hitLimit ? 'time-limit' : 'feasible';
  return done(best, status, bound, { scale, solveSeconds: seconds });
}

/**
 * After a solve on rounded costs: adds, by descending score, any remaining
 * project with a positive score that fits the exact budgets left and has its
 * prerequisites in (the rounding may have left a little money unused).
 */
function fillExactly(ix: Indexed, chosen: ReadonlySet<number>): Set<number> {
  const out = new Set(chosen);
  const left = spendingOf(ix, out).map((s) => s.left);
  const order = ix.projects
    .map((_, i) => i)
    .filter((i) => !out.has(i) && (ix.scores[i] ?? 0) > 0)
    .sort((a, b) => (ix.scores[b] ?? 0) - (ix.scores[a] ?? 0) || a - b);
  let added = true;
  while (added) {
    added = false;
    for (const i of order) {
      if (out.has(i) || !(ix.deps[i] ?? []).every((j) => out.has(j))) continue;
      const cost = ix.costs[i] ?? [];
      if (!cost.every((c, k) => c <= (left[k] ?? 0n))) continue;
      out.add(i);
      cost.forEach((c, k) => (left[k] = (left[k] ?? 0n) - c));
      added = true;
    }
  }
  return out;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}

function summary(
  status: PortfolioStatus,
  sel: Selection,
  greedy: Selection,
  gap: number | null,
): Bilingual {
  const n = sel.chosen.length;
  const obj = sel.objective.toFixed(2);
  const lost = (sel.objective - greedy.objective).toFixed(2);
  const gapText = gap === null ? { fa: 'نامعلوم', en: 'unknown' } : { fa: pct(gap), en: pct(gap) };
  switch (status) {
    case 'optimal':
      return {
        fa: `سبد بهینه: ${n} پروژه با امتیاز کل ${obj}؛ روش گزینش به ترتیب رتبه ${lost} امتیاز کمتر می‌گیرد`,
        en: `optimal portfolio: ${n} projects, total score ${obj}; rank-and-fill leaves ${lost} on the table`,
      };
    case 'time-limit':
      return {
        fa: `مهلت زمانی تمام شد: بهترین سبد یافته ${n} پروژه با امتیاز کل ${obj}، فاصله اثبات‌شده تا بهینه ${gapText.fa}`,
        en: `time limit reached: best portfolio found has ${n} projects, total score ${obj}, proven gap ${gapText.en}`,
      };
    case 'feasible':
      return {
        fa: `سبد شدنی: ${n} پروژه با امتیاز کل ${obj}، فاصله اثبات‌شده تا بهینه ${gapText.fa} (به سبب گرد کردن مبالغ)`,
        en: `feasible portfolio: ${n} projects, total score ${obj}, proven gap ${gapText.en} (money was rounded for the solver)`,
      };
    default:
      return {
        fa: `نتیجه روش گزینش به ترتیب رتبه: ${n} پروژه با امتیاز کل ${obj}`,
        en: `rank-and-fill plan: ${n} projects, total score ${obj}`,
      };
  }
}
