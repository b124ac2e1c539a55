/**
 * What the pages read off the published plan, with the core's rules: the money of a program
 * or project over the plan (exact bigint sums), each KPI's latest reading, progress and
 * status, and the search. No figure is computed here that the core computes elsewhere.
 */
import type { ApiPublicPlan, KpiStatus, Period } from '#core';
import {
  kpiProgress,
  kpiStatus,
  KPI_DIRECTIONS,
  KPI_STATUSES,
  latestKpiReading,
  matchKey,
  PERIODS,
  sumRials,
} from '#core';

type Plan = ApiPublicPlan;
export type PublicKpi = Plan['kpis'][number];
export type PublicProject = Plan['projects'][number];

/** Σ of a yearly record of API amounts over the plan's years (exact). */
export function sumYears(
  yearly: Readonly<Record<string, string>> | undefined,
  years: readonly number[],
): bigint {
  if (yearly === undefined) return 0n;
  return sumRials(years.map((y) => BigInt(yearly[String(y)] ?? '0')));
}

/** Each program with its money over the plan (`totals.byProgram`), largest first. */
export function programMoney(
  plan: Plan,
): Array<{ program: Plan['programs'][number]; total: bigint }> {
  return plan.programs
    .map((program) => ({ program, total: sumYears(plan.totals.byProgram[program.id], plan.years) }))
    .sort((a, b) => (a.total === b.total ? 0 : a.total > b.total ? -1 : 1));
}

const isPeriod = (p: string): p is Period => PERIODS.some((x) => x.value === p);
const isDirection = (d: string | null): d is (typeof KPI_DIRECTIONS)[number]['value'] =>
  d !== null && KPI_DIRECTIONS.some((x) => x.value === d);

/** A KPI as the pages show it: its latest reading, that year's target, progress and status. */
export interface KpiState {
  kpi: PublicKpi;
  latest: { year: number; period: Period; actual: number } | null;
  target: number | null;
  progress: number | null;
  status: KpiStatus;
}

/** The state of every KPI (the core's progress and status of its latest reading). */
export function kpiStates(plan: Plan): KpiState[] {
  return plan.kpis.map((kpi) => {
    const latest = latestKpiReading(
      kpi.actuals.flatMap((a) => (isPeriod(a.period) ? [{ ...a, period: a.period }] : [])),
    );
    const target = latest === null ? null : (kpi.targets[String(latest.year)] ?? null);
    const progress =
      latest === null
        ? null
        : kpiProgress({
            baseline: kpi.baseline,
            target,
            actual: latest.actual,
            direction: isDirection(kpi.direction) ? kpi.direction : null,
          });
    return { kpi, latest, target, progress, status: kpiStatus(progress) };
  });
}

/** How many KPIs are in each status, in the core's order of statuses. */
export function kpiStatusCounts(
  states: readonly KpiState[],
): Array<{ status: KpiStatus; n: number }> {
  return KPI_STATUSES.map((s) => ({
    status: s.value,
    n: states.filter((k) => k.status === s.value).length,
  }));
}

/** What the search finds: an item of the plan, the section that shows it, and its anchor. */
export interface SearchHit {
  kind: 'goal' | 'strategy' | 'program' | 'project' | 'kpi';
  id: string;
  title: string;
  section: 'strategy' | 'programs' | 'projects' | 'kpis';
}

/**
 * The items whose ID or title holds every word of `q` (matched as the register matches what
 * people type: Persian or Latin digits, Arabic or Persian yeh and kaf, case, spaces and
 * zero-width non-joiners aside), in the plan's order: goals, strategies, programs, projects,
 * KPIs.
 */
export function searchPlan(plan: Plan, q: string): SearchHit[] {
  const words = q
    .split(/\s+/)
    .map(matchKey)
    .filter((w) => w !== '');
  if (words.length === 0) return [];
  const hit = (...texts: string[]) => {
    const keys = texts.map(matchKey);
    return words.every((w) => keys.some((k) => k.includes(w)));
  };
  const out: SearchHit[] = [];
  for (const g of plan.goals)
    if (hit(g.id, g.title, g.description))
      out.push({ kind: 'goal', id: g.id, title: g.title, section: 'strategy' });
  for (const s of plan.strategies)
    if (hit(s.id, s.title, ...s.partners.map((p) => p.name)))
      out.push({ kind: 'strategy', id: s.id, title: s.title, section: 'strategy' });
  for (const p of plan.programs)
    if (hit(p.id, p.title))
      out.push({ kind: 'program', id: p.id, title: p.title, section: 'programs' });
  for (const p of plan.projects)
    if (hit(p.id, p.title, p.region))
      out.push({ kind: 'project', id: p.id, title: p.title, section: 'projects' });
  for (const k of plan.kpis)
    if (hit(k.id, k.title)) out.push({ kind: 'kpi', id: k.id, title: k.title, section: 'kpis' });
  return out;
}

/** The anchor of an item on its page (`#P-004`): stable, so a link may point at one row. */
export function anchorOf(kind: SearchHit['kind'], id: string): string {
  return `${kind}-${id}`;
}
