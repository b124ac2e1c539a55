/**
 * The scheduling model (contract v2, "Scheduling"): per project, in or out and
 * its start year within its window, as a 0–1 MIP solved with HiGHS.
 *
 *   x[p,s] = 1: project p starts in year s (one column per start option)
 *   maximise   Σ score_p · x[p,s]
 *   subject to Σ_s x[p,s] ≤ 1 (= 1 for mandatory and forced-in projects)
 *              Σ cost[p,s,y] · x[p,s] ≤ budget_y                  every budget year y
 *              Σ_{p∈d} cost[p,s,y] · x[p,s] ≤ MaxCapital_d        every department d, year y
 *              Σ_{p∈d, cost[p,s,y]>0} x[p,s] ≤ MaxProjects_d      every department d, year y
 *              Σ_s x[a,s] ≤ Σ_s x[b,s]                            b a prerequisite of a, no window
 *              x[a,s] ≤ Σ_{t: end[b,t] < s} x[b,t]                 b a prerequisite of a, a window
 *
 * The timing rows are written per start option of the dependant (the
 * disaggregated form): each says "this start needs the prerequisite at a start
 * that ends in time", which is tighter than one row with big-M start years.
 * Money stays exact: costs at a start k > 0 years late are `c·(1+e)^k` computed
 * as a fraction and rounded once per cell to the nearest Rial (halves up); for the
 * solver each money row is divided by its coefficients' greatest common divisor,
 * and only above `maxCoefficient` units rounded (costs up, limit down, so the
 * solver's plan fits); every plan is checked in bigint, tightened and re-solved
 * should tolerances let it overspend, and a relaxed model (costs down) gives the
 * proven bound when a row was rounded.
 */
import type { Highs, ModelData } from 'highs';
import type { Bilingual } from '../findings';
import { formatRials } from '../money';
import { formatNumber } from '../util/format';
import { toPersianDigits } from '../util/text';
import type { Rials } from '../money';
import { indexInput } from './rank';
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
import type {
  ConstraintUse,
  ScheduleFormulation,
  PortfolioConstraint,
  PortfolioExplanation,
  PortfolioInput,
  PortfolioOptions,
  PortfolioProblem,
  PortfolioResult,
  PortfolioStatus,
  ScheduledProject,
  Selection,
  YearScale,
} from './types';

/** Persian digits for a number in Persian text. */
const fd = (n: number | bigint | string): string => toPersianDigits(String(n));
/** An ID isolated for bidi inside Persian text. */
const iso = (id: string): string => `\u2068${id}\u2069`;

/** Below this many seconds left, an explanation is not re-solved. */
const MIN_EXPLAIN_SECONDS = 0.05;

/** The finest unit the solver is given on a retry (see `solveSchedule`): 2^40 units. */
const FINEST_COEFFICIENT = 2n ** 40n;

/** Decimals of `CostEscalation` kept (the rate is read as a fraction over 10^9). */
const RATE_DECIMALS = 9;

/** One start option of a project. */
interface Opt {
  readonly start: number;
  readonly shift: number;
  /** Cost per budget year (index as `years`). */
  readonly costs: bigint[];
  /** Cost shifted past the last budget year. */
  readonly after: bigint;
  readonly end: number;
}

interface SProject {
  readonly id: string;
  readonly score: number;
  readonly planned: Opt;
  /** The start options the model may choose, ascending. */
  readonly opts: Opt[];
  /** The planned start is among `opts`. */
  readonly plannedAllowed: boolean;
  /** Why the planned start is not allowed. */
  readonly plannedBlock: PortfolioConstraint | null;
  readonly hasWindow: boolean;
  readonly mustIn: boolean;
  readonly mustOut: boolean;
  readonly dept: number | null;
  readonly deps: readonly number[];
  readonly plannedTotal: bigint;
  readonly totalCost: bigint | null;
}

interface Dept {
  readonly id: string;
  readonly maxProjects: number | null;
  readonly maxCapital: bigint | null;
}

interface Sched {
  readonly form: Required<ScheduleFormulation>;
  readonly years: number[];
  readonly budget: bigint[];
  readonly ps: SProject[];
  readonly depts: Dept[];
  readonly first: number;
  readonly last: number;
}

/** A plan: per project its start option, or null when out. */
type Assign = (Opt | null)[];

/** (1+e)^k as a fraction, and a cost escalated with it, rounded once (halves up). */
function escalate(c: bigint, k: number, rate: bigint, den: bigint): bigint {
  if (k <= 0 || rate === 0n || c === 0n) return c;
  const num = (den + rate) ** BigInt(k);
  const d = den ** BigInt(k);
  return (c * num * 2n + d) / (2n * d);
}

/** True when the input or options need the scheduling model (see `PortfolioOptions.model`). */
export function usesScheduleModel(input: PortfolioInput, options: PortfolioOptions): boolean {
  if (options.model === 'schedule') return true;
  if ((options.forceIn?.length ?? 0) > 0 || (options.forceOut?.length ?? 0) > 0) return true;
  if (options.explain) return true;
  for (const d of input.departments?.values() ?? [])
    if ((d.maxProjects ?? null) !== null || (d.maxCapital ?? null) !== null) return true;
  const years = [...input.budget.keys()];
  if (years.length === 0) return false;
  const first = Math.min(...years);
  for (const p of input.projects) {
    const planned = plannedStartOf(p.startYear, p.costs, first);
    if (!p.fixedStart && (p.earliestStart ?? planned) < (p.latestStart ?? planned)) return true;
    if (!p.fixedStart && p.readiness && p.readiness !== 'ready' && planned === first) return true;
  }
  return false;
}

function plannedStartOf(
  start: number | null | undefined,
  costs: ReadonlyMap<number, Rials>,
  first: number,
): number {
  if (start !== null && start !== undefined) return start;
  const spent = [...costs].filter(([, c]) => c > 0n).map(([y]) => y);
  return spent.length > 0 ? Math.min(...spent) : first;
}

function problem(code: string, fa: string, en: string, projectId?: string): PortfolioProblem {
  return projectId === undefined
    ? { code, message: { fa, en } }
    : { code, projectId, message: { fa, en } };
}

/** Checks the scheduling parts of the input and builds the start options. */
function buildSchedule(
  input: PortfolioInput,
  options: PortfolioOptions,
): { ok: true; value: Sched } | { ok: false; problems: PortfolioProblem[] } {
  const indexed = indexInput(input);
  if (!indexed.ok) return indexed;
  const ix = indexed.value;
  const problems: PortfolioProblem[] = [];
  const years = ix.years;
  const first = years[0] ?? 0;
  const last = years[years.length - 1] ?? 0;
  const yearPos = new Map(years.map((y, k) => [y, k]));
  const e = input.costEscalation ?? 0;
  if (!Number.isFinite(e) || e < 0)
    problems.push(
      problem(
        'PORTFOLIO_ESCALATION_INVALID',
        'نرخ افزایش هزینه باید عددی نامنفی باشد',
        'the cost escalation rate must be a number ≥ 0',
      ),
    );
  const den = 10n ** BigInt(RATE_DECIMALS);
  const rate = Number.isFinite(e) && e > 0 ? BigInt(Math.round(e * 10 ** RATE_DECIMALS)) : 0n;
  const depts: Dept[] = [];
  const deptIndex = new Map<string, number>();
  for (const [id, d] of input.departments ?? []) {
    const mp = d.maxProjects ?? null;
    const mc = d.maxCapital ?? null;
    if (mp !== null && (!Number.isInteger(mp) || mp < 0))
      problems.push(
        problem(
          'PORTFOLIO_CAPACITY_INVALID',
          `سقف پروژه‌های هم‌زمان واحد «${id}» باید عدد صحیح نامنفی باشد`,
          `the project limit of department "${id}" must be a whole number ≥ 0`,
        ),
      );
    if (mc !== null && mc < 0n)
      problems.push(
        problem(
          'PORTFOLIO_CAPACITY_INVALID',
          `سقف اجرای سرمایه‌ای واحد «${id}» منفی است`,
          `the capital limit of department "${id}" is negative`,
        ),
      );
    deptIndex.set(id, depts.length);
    depts.push({ id, maxProjects: mp, maxCapital: mc });
  }
  const forceIn = new Set(options.forceIn ?? []);
  const forceOut = new Set(options.forceOut ?? []);
  for (const id of [...forceIn, ...forceOut])
    if (!ix.index.has(id))
      problems.push(
        problem(
          'PORTFOLIO_FORCED_UNKNOWN',
          `پروژه «${id}» که اجبار شده در فهرست پروژه‌ها نیست`,
          `forced project "${id}" is not among the projects`,
          id,
        ),
      );
  for (const id of forceIn)
    if (forceOut.has(id))
      problems.push(
        problem(
          'PORTFOLIO_FORCED_BOTH',
          `پروژه «${id}» هم به درون و هم به بیرون اجبار شده است`,
          `project "${id}" is forced both in and out`,
          id,
        ),
      );
  const ps: SProject[] = ix.projects.map((p, i) => {
    const planned = plannedStartOf(p.startYear, p.costs, first);
    const spent = [...p.costs].filter(([, c]) => c > 0n).map(([y]) => y);
    const plannedEnd = p.endYear ?? (spent.length > 0 ? Math.max(...spent) : planned);
    const low = p.earliestStart ?? planned;
    const high = p.latestStart ?? planned;
    if (low > high)
      problems.push(
        problem(
          'PORTFOLIO_WINDOW_REVERSED',
          `بازه شروع پروژه «${p.id}» وارونه است (${low} تا ${high})`,
          `the start window of project "${p.id}" is reversed (${low} to ${high})`,
          p.id,
        ),
      );
    const optAt = (start: number): Opt => {
      const shift = start - planned;
      const costs = years.map(() => 0n);
      let after = 0n;
      for (const [y, c0] of p.costs) {
        if (c0 === 0n) continue;
        const c = escalate(c0, shift, rate, den);
        const k = yearPos.get(y + shift);
        if (k !== undefined) costs[k] = (costs[k] ?? 0n) + c;
        else after += c;
      }
      return { start, shift, costs, after, end: plannedEnd + shift };
    };
    const fixed = p.fixedStart === true || (p.earliestStart == null && p.latestStart == null);
    const notReady = !p.fixedStart && !!p.readiness && p.readiness !== 'ready';
    const starts: number[] = [];
    if (fixed) starts.push(planned);
    else for (let s = Math.max(low, first); s <= Math.min(high, last); s++) starts.push(s);
    const allowed = starts.filter((s) => !(notReady && s === first));
    let block: PortfolioConstraint | null = null;
    if (!allowed.includes(planned))
      block =
        notReady && planned === first
          ? { kind: 'readiness', year: first }
          : { kind: 'window', year: planned };
    let plannedTotal = 0n;
    for (const c of p.costs.values()) plannedTotal += c;
    const d = p.dept === undefined ? undefined : deptIndex.get(p.dept);
    return {
      id: p.id,
      score: p.score,
      planned: optAt(planned),
      opts: allowed.map(optAt),
      plannedAllowed: block === null,
      plannedBlock: block,
      hasWindow: !fixed && low < high,
      mustIn: (p.mandatory ?? false) || forceIn.has(p.id),
      mustOut: forceOut.has(p.id),
      dept: d ?? null,
      deps: ix.deps[i] ?? [],
      plannedTotal,
      totalCost: p.totalCost !== undefined && p.totalCost !== 0n ? p.totalCost : null,
    };
  });
  if (problems.length > 0) return { ok: false, problems };
  const form: Required<ScheduleFormulation> = {
    timing: options.formulation?.timing ?? 'per-start',
    symmetry: options.formulation?.symmetry ?? true,
    warmStart: options.formulation?.warmStart ?? true,
  };
  return { ok: true, value: { form, years, budget: ix.budget, ps, depts, first, last } };
}

// ---------------------------------------------------------------- evaluation

function timed(s: Sched, a: number, b: number): boolean {
  return (s.ps[a]?.hasWindow ?? false) || (s.ps[b]?.hasWindow ?? false);
}

const say = {
  budget: (year: number, used: bigint, limit: bigint): Bilingual => ({
    fa: `بودجه عمرانی سال ${fd(year)}: ${formatRials(used, 'fa')} از ${formatRials(limit, 'fa')} ریال`,
    en: `capital budget of ${year}: ${formatRials(used)} of ${formatRials(limit)} Rials`,
  }),
  deptCapital: (dept: string, year: number, used: bigint, limit: bigint): Bilingual => ({
    fa: `سقف اجرای سرمایه‌ای واحد ${iso(dept)} در سال ${fd(year)}: ${formatRials(used, 'fa')} از ${formatRials(limit, 'fa')} ریال`,
    en: `capital limit of department ${dept} in ${year}: ${formatRials(used)} of ${formatRials(limit)} Rials`,
  }),
  deptProjects: (dept: string, year: number, used: bigint, limit: bigint): Bilingual => ({
    fa: `سقف پروژه‌های هم‌زمان واحد ${iso(dept)} در سال ${fd(year)}: ${fd(used)} از ${fd(limit)}`,
    en: `project limit of department ${dept} in ${year}: ${used} of ${limit}`,
  }),
};

/** Every money and count row with what the plan uses of it. */
function rowUses(s: Sched, assign: Assign): ConstraintUse[] {
  const out: ConstraintUse[] = [];
  const use = (constraint: PortfolioConstraint, limit: bigint, used: bigint, m: Bilingual) =>
    out.push({ constraint, limit, used, over: used > limit ? used - limit : 0n, message: m });
  s.years.forEach((year, k) => {
    let used = 0n;
    for (const o of assign) used += o?.costs[k] ?? 0n;
    const limit = s.budget[k] ?? 0n;
    use({ kind: 'budget', year }, limit, used, say.budget(year, used, limit));
  });
  s.depts.forEach((d, di) => {
    s.years.forEach((year, k) => {
      let money = 0n;
      let count = 0n;
      assign.forEach((o, i) => {
        if (!o || s.ps[i]?.dept !== di) return;
        const c = o.costs[k] ?? 0n;
        money += c;
        if (c > 0n) count++;
      });
      if (d.maxCapital !== null)
        use(
          { kind: 'dept-capital', dept: d.id, year },
          d.maxCapital,
          money,
          say.deptCapital(d.id, year, money, d.maxCapital),
        );
      if (d.maxProjects !== null) {
        const limit = BigInt(d.maxProjects);
        use(
          { kind: 'dept-projects', dept: d.id, year },
          limit,
          count,
          say.deptProjects(d.id, year, count, limit),
        );
      }
    });
  });
  return out;
}

/** True when every money and count row holds (as `rowUses`, without building messages). */
function rowsOk(s: Sched, assign: Assign): boolean {
  const nd = s.depts.length;
  for (let k = 0; k < s.years.length; k++) {
    let used = 0n;
    const money = new Array<bigint>(nd).fill(0n);
    const count = new Array<number>(nd).fill(0);
    for (let i = 0; i < assign.length; i++) {
      const c = assign[i]?.costs[k] ?? 0n;
      if (c === 0n) continue;
      used += c;
      const d = s.ps[i]?.dept ?? null;
      if (d !== null) {
        money[d] = (money[d] ?? 0n) + c;
        count[d] = (count[d] ?? 0) + 1;
      }
    }
    if (used > (s.budget[k] ?? 0n)) return false;
    for (let d = 0; d < nd; d++) {
      const dept = s.depts[d] as Dept;
      if (dept.maxCapital !== null && (money[d] ?? 0n) > dept.maxCapital) return false;
      if (dept.maxProjects !== null && (count[d] ?? 0) > dept.maxProjects) return false;
    }
  }
  return true;
}

/** The logical rules a chosen project breaks: missing prerequisites, timing, readiness, forcing out. */
function logicalBreaks(s: Sched, assign: Assign, i: number): ConstraintUse[] {
  const out: ConstraintUse[] = [];
  const p = s.ps[i];
  const o = assign[i];
  if (!p || !o) return out;
  const add = (constraint: PortfolioConstraint, m: Bilingual) =>
    out.push({ constraint, limit: 0n, used: 1n, over: 1n, message: m });
  if (p.mustOut)
    add(
      { kind: 'forced-out' },
      { fa: `کاربر پروژه «${iso(p.id)}» را بیرون گذاشته است`, en: `the user forced "${p.id}" out` },
    );
  if (!p.opts.includes(o) && p.plannedBlock && o === p.planned)
    add(p.plannedBlock, blockText(p, s));
  for (const j of p.deps) {
    const q = s.ps[j];
    const b = assign[j];
    if (!q) continue;
    if (!b)
      add(
        { kind: 'prerequisite', prerequisite: q.id },
        {
          fa: `پیش‌نیاز «${iso(q.id)}» در برنامه نیست`,
          en: `its prerequisite "${q.id}" is not in the plan`,
        },
      );
    else if (timed(s, i, j) && b.end >= o.start)
      add(
        { kind: 'prerequisite-timing', prerequisite: q.id },
        {
          fa: `پیش‌نیاز «${iso(q.id)}» تا سال ${fd(b.end)} طول می‌کشد و شروع در سال ${fd(o.start)} پیش از پایان آن است`,
          en: `its prerequisite "${q.id}" ends in ${b.end}, so a start in ${o.start} is too early`,
        },
      );
  }
  return out;
}

function blockText(p: SProject, s: Sched): Bilingual {
  return p.plannedBlock?.kind === 'readiness'
    ? {
        fa: `پروژه «${iso(p.id)}» آماده اجرا نیست و نمی‌تواند در نخستین سال برنامه (${fd(s.first)}) آغاز شود`,
        en: `project "${p.id}" is not ready and cannot start in the first plan year (${s.first})`,
      }
    : {
        fa: `سال شروع برنامه‌ریزی‌شده پروژه «${iso(p.id)}» (${fd(p.planned.start)}) بیرون از دوره برنامه یا بازه شروع آن است`,
        en: `the planned start of project "${p.id}" (${p.planned.start}) is outside the plan period or its window`,
      };
}

/** True when the plan keeps every rule of the model (money exact). */
function feasible(s: Sched, assign: Assign): boolean {
  for (let i = 0; i < s.ps.length; i++) {
    const p = s.ps[i] as SProject;
    const o = assign[i] ?? null;
    if (p.mustIn && !o) return false;
    if (!o) continue;
    if (p.mustOut || !p.opts.includes(o)) return false;
    for (const j of p.deps) {
      const b = assign[j];
      if (!b || (timed(s, i, j) && b.end >= o.start)) return false;
    }
  }
  return rowsOk(s, assign);
}

function objectiveOf(s: Sched, assign: Assign): number {
  let total = 0;
  assign.forEach((o, i) => {
    if (o) total += s.ps[i]?.score ?? 0;
  });
  return total;
}

/**
 * Rank-and-fill on the schedule: the mandatory and forced projects (with their prerequisites)
 * first, then the others by descending score (equal scores in input order), each at the first
 * start that fits (the planned one first, then the window in ascending order), when its
 * prerequisites are in. Null when the forced ones cannot all be placed this way.
 */
function rankAndFillSchedule(s: Sched): Assign | null {
  const assign: Assign = s.ps.map(() => null);
  const tryAdd = (i: number): boolean => {
    const p = s.ps[i] as SProject;
    if (p.mustOut) return false;
    const order = p.plannedAllowed ? [p.planned, ...p.opts.filter((o) => o !== p.planned)] : p.opts;
    for (const o0 of order) {
      const o = p.opts.find((x) => x.start === o0.start) ?? o0;
      assign[i] = o;
      if (partialOk(s, assign, i)) return true;
    }
    assign[i] = null;
    return false;
  };
  // The forced closure, repeatedly until nothing more can be placed.
  const forced = new Set<number>();
  const stack = s.ps.flatMap((p, i) => (p.mustIn ? [i] : []));
  while (stack.length > 0) {
    const i = stack.pop() as number;
    if (forced.has(i)) continue;
    forced.add(i);
    stack.push(...(s.ps[i]?.deps ?? []));
  }
  let placed = true;
  while (placed) {
    placed = false;
    for (const i of forced)
      if (!assign[i] && (s.ps[i]?.deps ?? []).every((j) => assign[j])) placed ||= tryAdd(i);
  }
  if ([...forced].some((i) => !assign[i])) return null;
  const order = s.ps
    .map((_, i) => i)
    .filter((i) => !assign[i])
    .sort((a, b) => (s.ps[b]?.score ?? 0) - (s.ps[a]?.score ?? 0) || a - b);
  for (const i of order) if ((s.ps[i]?.deps ?? []).every((j) => assign[j])) tryAdd(i);
  return feasible(s, assign) ? assign : null;
}

/** Rows and the rules of project i hold, given the projects placed so far. */
function partialOk(s: Sched, assign: Assign, i: number): boolean {
  const p = s.ps[i] as SProject;
  const o = assign[i];
  if (!o) return true;
  for (const j of p.deps) {
    const b = assign[j];
    if (!b || (timed(s, i, j) && b.end >= o.start)) return false;
  }
  // Dependants already placed whose timing this start would break.
  for (let a = 0; a < s.ps.length; a++) {
    const x = assign[a];
    if (x && (s.ps[a]?.deps ?? []).includes(i) && timed(s, a, i) && o.end >= x.start) return false;
  }
  return rowsOk(s, assign);
}

/**
 * After a solve: moves chosen projects back to their planned start where the plan stays
 * feasible (equal score, fewer moves), then adds any project left out with a positive score
 * that fits at some start (rounding or an early stop may leave money unused).
 */
function polish(s: Sched, start: Assign): Assign {
  const assign = [...start];
  s.ps.forEach((p, i) => {
    const o = assign[i];
    if (!o || o.shift === 0 || !p.plannedAllowed) return;
    const back = p.opts.find((x) => x.shift === 0);
    if (!back) return;
    assign[i] = back;
    if (!feasible(s, assign)) assign[i] = o;
  });
  const order = s.ps
    .map((_, i) => i)
    .filter((i) => !assign[i] && (s.ps[i]?.score ?? 0) > 0 && !s.ps[i]?.mustOut)
    .sort((a, b) => (s.ps[b]?.score ?? 0) - (s.ps[a]?.score ?? 0) || a - b);
  let added = true;
  while (added) {
    added = false;
    for (const i of order) {
      if (assign[i]) continue;
      const p = s.ps[i] as SProject;
      const opts = [...p.opts].sort((x, y) => Math.abs(x.shift) - Math.abs(y.shift));
      for (const o of opts) {
        assign[i] = o;
        if (feasible(s, assign)) {
          added = true;
          break;
        }
        assign[i] = null;
      }
    }
  }
  return assign;
}

// ---------------------------------------------------------------- the MIP

interface Column {
  readonly p: number;
  readonly o: Opt;
}

interface MoneyRow {
  readonly key: PortfolioConstraint;
  readonly year: number;
  readonly unit: bigint;
  readonly exact: boolean;
  /** Sparse: column → conservative and relaxed coefficient. */
  readonly cols: number[];
  readonly up: number[];
  readonly down: number[];
  /** Exact coefficients, for tightening. */
  readonly exactCoef: bigint[];
  readonly limit: bigint;
  cap: number;
  /** The cap before any tightening (the relaxed model's). */
  readonly cap0: number;
}

interface Model {
  readonly cols: Column[];
  readonly money: MoneyRow[];
  /** Other rows: sparse, with bounds. */
  readonly rows: Array<{ cols: number[]; vals: number[]; lower: number; upper: number }>;
}

function buildModel(s: Sched, maxCoefficient: bigint, fix: Map<number, Opt | null>): Model {
  const cols: Column[] = [];
  const colsOf: number[][] = s.ps.map(() => []);
  s.ps.forEach((p, i) => {
    if (p.mustOut && !fix.has(i)) return;
    const f = fix.get(i);
    const opts = f === undefined ? p.opts : f === null ? [] : [f];
    for (const o of opts) {
      colsOf[i]?.push(cols.length);
      cols.push({ p: i, o });
    }
  });
  const rows: Model['rows'] = [];
  s.ps.forEach((p, i) => {
    const c = colsOf[i] ?? [];
    if (c.length === 0) {
      if (p.mustIn || fix.get(i)) rows.push({ cols: [], vals: [], lower: 1, upper: 1 });
      return;
    }
    const must = p.mustIn || (fix.get(i) ?? null) !== null;
    if (c.length > 1 || must)
      rows.push({ cols: c, vals: c.map(() => 1), lower: must ? 1 : 0, upper: 1 });
  });
  // Dependencies.
  s.ps.forEach((p, a) => {
    for (const b of p.deps) {
      const ca = colsOf[a] ?? [];
      const cb = colsOf[b] ?? [];
      if (ca.length === 0) continue;
      if (!timed(s, a, b)) {
        rows.push({
          cols: [...ca, ...cb],
          vals: [...ca.map(() => 1), ...cb.map(() => -1)],
          lower: -Infinity,
          upper: 0,
        });
        continue;
      }
      if (s.form.timing === 'big-m') {
        // Chosen together (as above), and Σ s·x[a,s] ≥ Σ (end+1)·x[b,t] when a is chosen, with
        // years counted from the plan's first and M large enough to void the row otherwise.
        rows.push({
          cols: [...ca, ...cb],
          vals: [...ca.map(() => 1), ...cb.map(() => -1)],
          lower: -Infinity,
          upper: 0,
        });
        const rel = (y: number) => y - s.first + 1;
        const big = Math.max(1, ...cb.map((t) => rel((cols[t]?.o.end ?? 0) + 1)));
        rows.push({
          cols: [...ca, ...cb],
          vals: [
            ...ca.map((c) => rel(cols[c]?.o.start ?? 0) - big),
            ...cb.map((t) => -rel((cols[t]?.o.end ?? 0) + 1)),
          ],
          lower: -big,
          upper: Infinity,
        });
        continue;
      }
      for (const c of ca) {
        const start = cols[c]?.o.start ?? 0;
        const ok = cb.filter((t) => (cols[t]?.o.end ?? 0) < start);
        rows.push({
          cols: [c, ...ok],
          vals: [1, ...ok.map(() => -1)],
          lower: -Infinity,
          upper: 0,
        });
      }
    }
  });
  if (s.form.symmetry) {
    // Interchangeable projects (same score, department, start options and costs, no
    // prerequisite, nothing depending on them, nothing forced): take them in input order.
    const needed = new Set(s.ps.flatMap((p) => p.deps));
    const groups = new Map<string, number[]>();
    s.ps.forEach((p, i) => {
      if (fix.has(i) || p.mustIn || p.mustOut || p.deps.length > 0 || needed.has(i)) return;
      if ((colsOf[i] ?? []).length === 0) return;
      const key = JSON.stringify([
        p.score,
        p.dept,
        p.hasWindow,
        p.opts.map((o) => [o.start, o.end, o.costs.map(String), String(o.after)]),
      ]);
      groups.set(key, [...(groups.get(key) ?? []), i]);
    });
    for (const g of groups.values())
      for (let k = 0; k + 1 < g.length; k++) {
        const ca = colsOf[g[k] as number] ?? [];
        const cb = colsOf[g[k + 1] as number] ?? [];
        rows.push({
          cols: [...ca, ...cb],
          vals: [...ca.map(() => -1), ...cb.map(() => 1)],
          lower: -Infinity,
          upper: 0,
        });
      }
  }
  // Money rows (budget, department capital) and count rows.
  const money: MoneyRow[] = [];
  const addMoney = (
    key: PortfolioConstraint,
    year: number,
    k: number,
    limit: bigint,
    members: (i: number) => boolean,
  ) => {
    const cs: number[] = [];
    const exactCoef: bigint[] = [];
    const worst = new Map<number, bigint>();
    cols.forEach((c, ci) => {
      if (!members(c.p)) return;
      const v = c.o.costs[k] ?? 0n;
      if (v === 0n) return;
      cs.push(ci);
      exactCoef.push(v);
      if (v > (worst.get(c.p) ?? 0n)) worst.set(c.p, v);
    });
    let demand = 0n;
    for (const v of worst.values()) demand += v;
    if (demand <= limit) return;
    let g = 0n;
    let largest = 0n;
    for (const v of exactCoef) {
      g = gcd(g, v);
      if (v > largest) largest = v;
    }
    const q = ceilDiv(largest / g, maxCoefficient);
    const unit = g * q;
    money.push({
      key,
      year,
      unit,
      exact: q === 1n,
      cols: cs,
      up: exactCoef.map((v) => Number(ceilDiv(v, unit))),
      down: exactCoef.map((v) => Number(v / unit)),
      exactCoef,
      limit,
      cap: limit < 0n ? -1 : Number(limit / unit),
      cap0: limit < 0n ? -1 : Number(limit / unit),
    });
  };
  s.years.forEach((year, k) => {
    addMoney({ kind: 'budget', year }, year, k, s.budget[k] ?? 0n, () => true);
    s.depts.forEach((d, di) => {
      const inDept = (i: number) => s.ps[i]?.dept === di;
      if (d.maxCapital !== null)
        addMoney({ kind: 'dept-capital', dept: d.id, year }, year, k, d.maxCapital, inDept);
      if (d.maxProjects !== null) {
        const cs = cols.flatMap((c, ci) => (inDept(c.p) && (c.o.costs[k] ?? 0n) > 0n ? [ci] : []));
        if (new Set(cs.map((ci) => cols[ci]?.p)).size > d.maxProjects)
          rows.push({ cols: cs, vals: cs.map(() => 1), lower: -Infinity, upper: d.maxProjects });
      }
    });
  });
  return { cols, money, rows };
}

function toModelData(highs: Highs, s: Sched, m: Model, mode: 'up' | 'down'): ModelData {
  const n = m.cols.length;
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const inf = highs.infinity;
  for (const r of m.money) {
    r.cols.forEach((c, j) => {
      const v = r[mode][j] ?? 0;
      if (v !== 0) {
        indices.push(c);
        values.push(v);
      }
    });
    starts.push(indices.length);
    rowLower.push(-inf);
    // A negative cap (a negative budget) makes every column of the row impossible.
    rowUpper.push(mode === 'down' ? r.cap0 : r.cap);
  }
  for (const r of m.rows) {
    indices.push(...r.cols);
    values.push(...r.vals);
    starts.push(indices.length);
    rowLower.push(r.lower === -Infinity ? -inf : r.lower);
    rowUpper.push(r.upper === Infinity ? inf : r.upper);
  }
  const numRows = rowUpper.length;
  return {
    numCols: n,
    numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: m.cols.map((c) => s.ps[c.p]?.score ?? 0),
    colLower: new Array<number>(n).fill(0),
    colUpper: new Array<number>(n).fill(1),
    rowLower,
    rowUpper,
    matrix: { format: 'csr', numRows, numCols: n, starts, indices, values },
    integrality: new Array<0 | 1>(n).fill(highs.constants.variableType.integer),
  };
}

interface Solved {
  status: PortfolioStatus;
  assign: Assign | null;
  bound: number | null;
  seconds: number;
  scale: YearScale[];
  error?: string;
}

/** Solves the model (with `fix`: project → the only start allowed, or null for out). */
function solveSchedule(
  highs: Highs,
  s: Sched,
  fix: Map<number, Opt | null>,
  timeLimit: number,
  relativeGap: number,
  maxCoefficient: bigint,
  extra: Readonly<Record<string, string | number | boolean>>,
  warm: Assign | null,
): Solved {
  const m = buildModel(s, maxCoefficient, fix);
  const exact = m.money.every((r) => r.exact);
  const scale: YearScale[] = m.money
    .filter((r) => r.key.kind === 'budget')
    .map((r) => ({ year: r.year, unit: r.unit, exact: r.exact }));
  const toAssign = (x: readonly number[]): Assign => {
    const a: Assign = s.ps.map(() => null);
    x.forEach((v, c) => {
      const col = m.cols[c];
      if (col && v > 0.5) a[col.p] = col.o;
    });
    return a;
  };
  const fitsFix = (a: Assign) =>
    [...fix].every(([i, o]) => (o === null ? !a[i] : a[i]?.start === o.start));
  const start = (a: Assign | null) =>
    a && fitsFix(a) ? m.cols.map((c) => (a[c.p] === c.o ? 1 : 0)) : null;
  const run = (mode: 'up' | 'down', limit: number, warmStart: readonly number[] | null) => {
    const data = toModelData(highs, s, m, mode);
    const first = runModel(highs, data, limit, relativeGap, warmStart, extra);
    return first.code === null
      ? runModel(highs, data, limit, relativeGap, warmStart, { ...extra, presolve: 'off' })
      : first;
  };
  // The model allows a fixed start outside the project's options (an explanation's planned
  // start): check against the options the fix gives.
  const check = (a: Assign) =>
    feasible(
      {
        ...s,
        ps: s.ps.map((p, i) => {
          const f = fix.get(i);
          return f === undefined
            ? p
            : { ...p, opts: f === null ? [] : [f], mustIn: f !== null, mustOut: false };
        }),
      },
      a,
    );
  let remaining = exact ? timeLimit : timeLimit / 2;
  let seconds = 0;
  let firstBound: number | null = null;
  let code: number | null = null;
  let chosen: Assign | null = null;
  let tightened = false;
  let error: string | undefined;
  const warmStart = s.form.warmStart ? start(warm) : null;
  for (let round = 0; round <= MAX_TIGHTENINGS && remaining > 0; round++) {
    const out = run('up', remaining, warmStart);
    code = out.code;
    error = out.error;
    if (round === 0) firstBound = out.bound;
    seconds += out.seconds;
    remaining -= Math.max(out.seconds, 0.01);
    if (!out.x) break;
    const a = toAssign(out.x.map((b) => (b ? 1 : 0)));
    if (check(a)) {
      chosen = a;
      break;
    }
    tightened = true;
    for (const r of m.money) {
      let used = 0n;
      r.cols.forEach((c, j) => {
        const col = m.cols[c];
        if (col && a[col.p] === col.o) used += r.exactCoef[j] ?? 0n;
      });
      if (used > r.limit) r.cap -= Math.max(1, Number(ceilDiv(used - r.limit, r.unit)));
    }
  }
  if (code === STATUS.infeasible || code === STATUS.unboundedOrInfeasible) {
    if (exact && !tightened)
      return { status: 'infeasible', assign: null, bound: null, seconds, scale };
    // Rounding (costs up, limits down) or tightening may have cut off every plan: the relaxed
    // model decides; when it has a plan, solve again on a finer unit.
    const relaxed = run('down', Math.max(remaining, 0.01), null);
    seconds += relaxed.seconds;
    if (relaxed.code === STATUS.infeasible || relaxed.code === STATUS.unboundedOrInfeasible)
      return { status: 'infeasible', assign: null, bound: null, seconds, scale };
    if (maxCoefficient < FINEST_COEFFICIENT) {
      const finer = solveSchedule(
        highs,
        s,
        fix,
        Math.max(timeLimit - seconds, 0.01),
        relativeGap,
        maxCoefficient * 1000n > FINEST_COEFFICIENT ? FINEST_COEFFICIENT : maxCoefficient * 1000n,
        extra,
        warm,
      );
      return { ...finer, seconds: finer.seconds + seconds };
    }
    return {
      status: 'solver-error',
      assign: null,
      bound: null,
      seconds,
      scale,
      error: 'no plan on the rounded model',
    };
  }
  if (code === null || (!chosen && !isLimit(code)))
    return {
      status: 'solver-error',
      assign: null,
      bound: null,
      seconds,
      scale,
      error: error ?? `status ${code ?? 'none'}`,
    };
  let hitLimit = isLimit(code);
  let best = chosen ?? (warm && check(warm) ? warm : null);
  let bound: number | null = exact ? firstBound : null;
  if (!exact) {
    const relaxed = run('down', Math.max(timeLimit - seconds, 0.01), start(best));
    seconds += relaxed.seconds;
    hitLimit ||= isLimit(relaxed.code);
    bound = relaxed.bound;
    if (relaxed.x) {
      const a = toAssign(relaxed.x.map((b) => (b ? 1 : 0)));
      if (check(a) && (!best || objectiveOf(s, a) > objectiveOf(s, best))) best = a;
    }
  }
  if (!best)
    return {
      status: hitLimit ? 'time-limit' : 'solver-error',
      assign: null,
      bound,
      seconds,
      scale,
    };
  if (fix.size === 0) best = polish(s, best);
  if (warm && check(warm) && objectiveOf(s, warm) > objectiveOf(s, best)) best = warm;
  const objective = objectiveOf(s, best);
  const closeEnough =
    bound !== null &&
    bound - objective <= HIGHS_ABSOLUTE_GAP + relativeGap * Math.max(Math.abs(objective), 1);
  const proven = exact ? code === STATUS.optimal && (!tightened || closeEnough) : closeEnough;
  return {
    status: proven ? 'optimal' : hitLimit ? 'time-limit' : 'feasible',
    assign: best,
    bound,
    seconds,
    scale,
  };
}

// ---------------------------------------------------------------- results

function selectionFrom(s: Sched, assign: Assign): Selection {
  const uses = rowUses(s, assign).filter((u) => u.constraint.kind === 'budget');
  return {
    chosen: s.ps.flatMap((p, i) => (assign[i] ? [p.id] : [])),
    objective: objectiveOf(s, assign),
    spending: uses.map((u) => ({
      year: (u.constraint as { year: number }).year,
      budget: u.limit,
      spent: u.used,
      left: u.limit - u.used,
    })),
  };
}

function scheduleOf(s: Sched, assign: Assign): ScheduledProject[] {
  return s.ps.map((p, i) => {
    const o = assign[i] ?? null;
    const costs = new Map<number, Rials>();
    let total = 0n;
    if (o) {
      s.years.forEach((y, k) => {
        const c = o.costs[k] ?? 0n;
        if (c !== 0n) costs.set(y, c);
        total += c;
      });
      total += o.after;
    }
    return {
      id: p.id,
      chosen: o !== null,
      plannedStart: p.planned.start,
      start: o?.start ?? null,
      shift: o?.shift ?? 0,
      costs,
      costAfterPlan: o?.after ?? 0n,
      totalCost:
        p.totalCost === null ? null : o ? p.totalCost + total - p.plannedTotal : p.totalCost,
      endYear: o?.end ?? null,
    };
  });
}

function sameKey(a: PortfolioConstraint, b: PortfolioConstraint): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The rows a plan fills: what is left of each is less than the smallest cost (or count) any
 * start option of a project left out, or moved, needs there.
 */
function tightRows(s: Sched, assign: Assign): ConstraintUse[] {
  const uses = rowUses(s, assign);
  return uses.filter((u) => {
    const left = u.limit - u.used;
    const c = u.constraint;
    if (c.kind !== 'budget' && c.kind !== 'dept-capital' && c.kind !== 'dept-projects')
      return false;
    const k = s.years.indexOf(c.year);
    let need: bigint | null = null;
    s.ps.forEach((p, i) => {
      if (assign[i] || p.mustOut) return;
      if (c.kind !== 'budget' && s.depts[p.dept ?? -1]?.id !== c.dept) return;
      for (const o of p.opts) {
        const v = o.costs[k] ?? 0n;
        if (v === 0n) continue;
        const n = c.kind === 'dept-projects' ? 1n : v;
        if (need === null || n < need) need = n;
      }
    });
    return need !== null && left < need;
  });
}

/** One explanation: re-solve with project i forced in at its planned start. */
function explainOne(
  highs: Highs,
  s: Sched,
  base: Assign,
  baseObjective: number,
  i: number,
  why: PortfolioExplanation['why'],
  clock: { left: number; each: number },
  maxCoefficient: bigint,
  extra: Readonly<Record<string, string | number | boolean>>,
): PortfolioExplanation {
  const p = s.ps[i] as SProject;
  const added: Assign = [...base];
  added[i] = p.opts.find((o) => o.shift === 0) ?? p.planned;
  const violated = [
    ...logicalBreaks(s, added, i).filter((u) => u.constraint.kind !== 'forced-out'),
    ...rowUses(s, added).filter((u) => u.over > 0n),
  ];
  const head = {
    id: p.id,
    why,
    plannedStart: p.planned.start,
    start: base[i]?.start ?? null,
    violated,
  };
  if (!p.plannedAllowed) {
    const m = blockText(p, s);
    return {
      ...head,
      status: 'infeasible',
      objectiveForcedIn: null,
      scoreLost: null,
      tight: [],
      displaced: [],
      message: m,
    };
  }
  const sched: Sched =
    why === 'forced-out'
      ? { ...s, ps: s.ps.map((q, j) => (j === i ? { ...q, mustOut: false } : q)) }
      : s;
  if (clock.left < MIN_EXPLAIN_SECONDS)
    return {
      ...head,
      status: 'time-limit',
      objectiveForcedIn: null,
      scoreLost: null,
      tight: [],
      displaced: [],
      message: {
        fa: `برای توضیح «${iso(p.id)}» زمان نماند و حل دوباره انجام نشد${violated.length ? `؛ افزودن آن به این برنامه از این قیدها می‌گذرد: ${violated.map((x) => x.message.fa).join('، ')}` : ''}`,
        en: `no time was left to re-solve for "${p.id}"${violated.length ? `; added to this plan it would break: ${violated.map((x) => x.message.en).join(', ')}` : ''}`,
      },
    };
  const fix = new Map<number, Opt | null>([[i, added[i] as Opt]]);
  const limit = Math.min(clock.each, clock.left);
  const r = solveSchedule(highs, sched, fix, limit, 0, maxCoefficient, extra, added);
  clock.left -= Math.max(r.seconds, 0.01);
  if (!r.assign) {
    const list = violated.map((u) => u.message);
    return {
      ...head,
      status: r.status === 'optimal' ? 'infeasible' : r.status,
      objectiveForcedIn: null,
      scoreLost: null,
      tight: [],
      displaced: [],
      message: {
        fa: `پروژه «${iso(p.id)}» با شروع در سال ${fd(p.planned.start)} در هیچ برنامه شدنی‌ای نمی‌گنجد${list.length ? `: ${list.map((x) => x.fa).join('؛ ')}` : ''}`,
        en: `project "${p.id}" starting in ${p.planned.start} fits no feasible plan${list.length ? `: ${list.map((x) => x.en).join('; ')}` : ''}`,
      },
    };
  }
  const forced = r.assign;
  const objective = objectiveOf(s, forced);
  const lost = baseObjective - objective;
  const mine = (u: ConstraintUse) => {
    const c = u.constraint;
    if (c.kind !== 'budget' && c.kind !== 'dept-capital' && c.kind !== 'dept-projects')
      return false;
    if (c.kind !== 'budget' && s.depts[p.dept ?? -1]?.id !== c.dept) return false;
    const k = s.years.indexOf(c.year);
    return ((forced[i] as Opt).costs[k] ?? 0n) > 0n;
  };
  const tight = rowUses(s, forced).filter(
    (u) =>
      mine(u) &&
      (u.used === u.limit || tightRows(s, forced).some((t) => sameKey(t.constraint, u.constraint))),
  );
  const displaced = s.ps.flatMap((q, j) =>
    j !== i && base[j] && (!forced[j] || forced[j]?.start !== base[j]?.start) ? [q.id] : [],
  );
  const lostText = Math.abs(lost).toFixed(2);
  const newTight = tight.filter((t) => !violated.some((v) => sameKey(v.constraint, t.constraint)));
  const part = (lang: 'fa' | 'en', label: string, xs: ConstraintUse[]) =>
    xs.length === 0
      ? ''
      : `${lang === 'fa' ? '؛ ' : '; '}${label}: ${xs.map((x) => x.message[lang]).join(lang === 'fa' ? '، ' : ', ')}`;
  return {
    ...head,
    status: r.status,
    objectiveForcedIn: objective,
    scoreLost: lost,
    tight,
    displaced,
    message: {
      fa: `با گنجاندن «${iso(p.id)}» از سال ${fd(p.planned.start)}، امتیاز کل ${formatNumber(Math.abs(lost), 'fa', 2)} ${lost < 0 ? 'بیشتر' : 'کمتر'} می‌شود${displaced.length ? `؛ بیرون یا جابه‌جا: ${displaced.map(iso).join('، ')}` : ''}${part('fa', 'افزودن آن به این برنامه از این قیدها می‌گذرد', violated)}${part('fa', 'قیدهای پر در برنامه با آن', newTight)}`,
      en: `putting "${p.id}" in from ${p.planned.start} ${lost < 0 ? 'raises' : 'lowers'} the total score by ${lostText}${displaced.length ? `; out or moved: ${displaced.join(', ')}` : ''}${part('en', 'added to this plan it would break', violated)}${part('en', 'full in the plan with it', newTight)}`,
    },
  };
}

function pct(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}

function summaryOf(
  status: PortfolioStatus,
  sel: Selection,
  moved: number,
  gap: number | null,
): Bilingual {
  const n = sel.chosen.length;
  const obj = sel.objective.toFixed(2);
  const g = gap === null ? { fa: 'نامعلوم', en: 'unknown' } : { fa: fd(pct(gap)), en: pct(gap) };
  switch (status) {
    case 'optimal':
      return {
        fa: `برنامه زمانی بهینه: ${fd(n)} پروژه با امتیاز کل ${formatNumber(sel.objective, 'fa', 2)}، ${fd(moved)} پروژه جابه‌جا شده`,
        en: `optimal schedule: ${n} projects, total score ${obj}, ${moved} moved`,
      };
    case 'time-limit':
      return {
        fa: `مهلت زمانی تمام شد: بهترین برنامه یافته ${fd(n)} پروژه با امتیاز کل ${formatNumber(sel.objective, 'fa', 2)}، فاصله اثبات‌شده تا بهینه ${g.fa}`,
        en: `time limit reached: best schedule found has ${n} projects, total score ${obj}, proven gap ${g.en}`,
      };
    case 'feasible':
      return {
        fa: `برنامه شدنی: ${fd(n)} پروژه با امتیاز کل ${formatNumber(sel.objective, 'fa', 2)}، فاصله اثبات‌شده تا بهینه ${g.fa} (به سبب گرد کردن مبالغ)`,
        en: `feasible schedule: ${n} projects, total score ${obj}, proven gap ${g.en} (money was rounded for the solver)`,
      };
    default:
      return {
        fa: `نتیجه روش گزینش به ترتیب رتبه: ${fd(n)} پروژه با امتیاز کل ${formatNumber(sel.objective, 'fa', 2)}`,
        en: `rank-and-fill schedule: ${n} projects, total score ${obj}`,
      };
  }
}

/** The forced projects at their planned starts: the rows they alone overspend (for `infeasible`). */
function infeasibleProblems(s: Sched): PortfolioProblem[] {
  const assign: Assign = s.ps.map(() => null);
  const stack = s.ps.flatMap((p, i) => (p.mustIn ? [i] : []));
  const out: PortfolioProblem[] = [];
  while (stack.length > 0) {
    const i = stack.pop() as number;
    if (assign[i]) continue;
    const p = s.ps[i] as SProject;
    assign[i] = p.plannedAllowed ? p.planned : (p.opts[0] ?? p.planned);
    if (p.opts.length === 0)
      out.push({
        code: 'PORTFOLIO_MANDATORY_CANNOT_START',
        projectId: p.id,
        message: blockText(p, s),
      });
    stack.push(...p.deps);
  }
  for (const u of rowUses(s, assign))
    if (u.over > 0n) {
      const c = u.constraint as { year: number };
      out.push({
        code:
          u.constraint.kind === 'budget'
            ? 'PORTFOLIO_MANDATORY_OVER_BUDGET'
            : 'PORTFOLIO_MANDATORY_OVER_CAPACITY',
        year: c.year,
        budget: u.limit,
        required: u.used,
        message: {
          fa: `پروژه‌های الزامی و اجباری (و پیش‌نیازهایشان) در شروع برنامه‌ریزی‌شده از این سقف بیشترند: ${u.message.fa}`,
          en: `the mandatory and forced projects (with their prerequisites) at their planned starts exceed this limit: ${u.message.en}`,
        },
      });
    }
  out.push({
    code: 'PORTFOLIO_SCHEDULE_INFEASIBLE',
    message: {
      fa: 'هیچ برنامه زمانی‌ای پروژه‌های الزامی و اجباری را در سقف بودجه، توان واحدها، پیش‌نیازها و آمادگی جا نمی‌دهد',
      en: 'no schedule fits the mandatory and forced projects within the budgets, the departments’ capacities, the prerequisites and readiness',
    },
  });
  return out;
}

const EMPTY: Selection = { chosen: [], objective: 0, spending: [] };

/** `selectPortfolio` on the scheduling model (see the module's comment). */
export async function selectSchedule(
  input: PortfolioInput,
  options: PortfolioOptions,
): Promise<PortfolioResult> {
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
  const extra = options.highsOptions ?? {};
  const base = {
    problems: [] as PortfolioProblem[],
    bestBound: null,
    gap: null,
    forced: [] as string[],
    cannotFit: [] as string[],
    rankAndFill: EMPTY,
    scoreLeftOnTable: 0,
    scale: [] as YearScale[],
    solveSeconds: 0,
    model: 'schedule' as const,
  };
  const built = buildSchedule(input, options);
  if (!built.ok)
    return {
      ...EMPTY,
      ...base,
      status: 'invalid',
      message: built.problems[0]?.message ?? {
        fa: 'ورودی نامعتبر است',
        en: 'the input is not valid',
      },
      problems: built.problems,
    };
  const s = built.value;
  const forcedIds = s.ps.filter((p) => p.mustIn).map((p) => p.id);
  const cannotFit = s.ps.filter((p) => p.opts.length === 0 || p.mustOut).map((p) => p.id);
  const common0 = { ...base, forced: forcedIds, cannotFit };
  // A mandatory or forced project with no start it may take (readiness, window) or also forced
  // out: no plan exists; say so without asking the solver.
  if (s.ps.some((p) => p.mustIn && (p.opts.length === 0 || p.mustOut))) {
    const problems = infeasibleProblems(s);
    return {
      ...EMPTY,
      spending: selectionFrom(
        s,
        s.ps.map(() => null),
      ).spending,
      ...common0,
      status: 'infeasible',
      message: (problems[0] as PortfolioProblem).message,
      problems,
    };
  }
  const greedy = rankAndFillSchedule(s);
  const greedySel = greedy
    ? selectionFrom(s, greedy)
    : selectionFrom(
        s,
        s.ps.map(() => null),
      );
  const common = { ...base, forced: forcedIds, cannotFit, rankAndFill: greedySel };

  let highs: Highs;
  try {
    highs = options.solver ?? (await loadPortfolioSolver());
  } catch (e) {
    const a = greedy ?? s.ps.map(() => null);
    const sel = selectionFrom(s, a);
    return {
      ...sel,
      ...common,
      status: 'solver-error',
      message: summaryOf('solver-error', sel, 0, null),
      schedule: scheduleOf(s, a),
      problems: [
        problem(
          'PORTFOLIO_SOLVER_UNAVAILABLE',
          `حل‌کننده \u2066HiGHS\u2069 بارگذاری نشد؛ نتیجه روش گزینش به ترتیب رتبه آمده است (${String(e)})`,
          `the HiGHS solver could not be loaded; the rank-and-fill plan is given (${String(e)})`,
        ),
      ],
    };
  }
  const solved = solveSchedule(
    highs,
    s,
    new Map(),
    timeLimit,
    relativeGap,
    maxCoefficient,
    extra,
    greedy,
  );
  if (!solved.assign) {
    if (solved.status === 'infeasible' || (greedy === null && solved.status !== 'solver-error')) {
      const problems = infeasibleProblems(s);
      return {
        ...EMPTY,
        spending: selectionFrom(
          s,
          s.ps.map(() => null),
        ).spending,
        ...common,
        rankAndFill: EMPTY,
        status: 'infeasible',
        message: (problems[0] as PortfolioProblem).message,
        problems,
        solveSeconds: solved.seconds,
        scale: solved.scale,
      };
    }
    const a = greedy ?? s.ps.map(() => null);
    const sel = selectionFrom(s, a);
    const why = solved.error ?? 'no plan';
    return {
      ...sel,
      ...common,
      status: 'solver-error',
      message: summaryOf('solver-error', sel, 0, null),
      schedule: scheduleOf(s, a),
      solveSeconds: solved.seconds,
      problems: [
        problem(
          'PORTFOLIO_SOLVER_FAILED',
          `حل‌کننده به نتیجه نرسید؛ نتیجه روش گزینش به ترتیب رتبه آمده است (${why})`,
          `the solver did not finish; the rank-and-fill plan is given (${why})`,
        ),
      ],
    };
  }
  const best = solved.assign;
  const sel = selectionFrom(s, best);
  const bound = solved.bound === null ? null : Math.max(solved.bound, sel.objective);
  const gap =
    bound === null ? null : (bound - sel.objective) / Math.max(Math.abs(sel.objective), 1);
  const schedule = scheduleOf(s, best);
  const moved = schedule.filter((p) => p.chosen && p.shift !== 0).length;
  let explanations: PortfolioExplanation[] | undefined;
  if (options.explain) {
    const wanted = options.explain === true ? null : new Set(options.explain);
    const each =
      options.explainTimeLimitSeconds !== undefined && options.explainTimeLimitSeconds > 0
        ? options.explainTimeLimitSeconds
        : Math.max(0.5, timeLimit / 10);
    // All explanations together get at most the main time limit, so a plan with many
    // projects left out stays within about twice the limit.
    const clock = { left: timeLimit, each };
    explanations = [];
    s.ps.forEach((p, i) => {
      const o = best[i];
      const why: PortfolioExplanation['why'] | null = p.mustOut
        ? 'forced-out'
        : !o
          ? 'left-out'
          : o.shift !== 0
            ? 'moved'
            : null;
      if (wanted ? !wanted.has(p.id) || (o && o.shift === 0) : why === null) return;
      explanations?.push(
        explainOne(
          highs,
          s,
          best,
          sel.objective,
          i,
          why ?? 'left-out',
          clock,
          maxCoefficient,
          extra,
        ),
      );
    });
  }
  return {
    ...sel,
    ...common,
    status: solved.status,
    message: summaryOf(solved.status, sel, moved, gap),
    bestBound: bound,
    gap,
    scoreLeftOnTable: sel.objective - greedySel.objective,
    scale: solved.scale,
    solveSeconds: solved.seconds,
    schedule,
    binding: tightRows(s, best),
    capacity: rowUses(s, best).filter((u) => u.constraint.kind !== 'budget'),
    ...(explanations ? { explanations } : {}),
  };
}
