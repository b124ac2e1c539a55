/**
 * The optimal portfolio under each revenue scenario, side by side: the same
 * projects against each scenario's capital budget, and which projects every
 * scenario chooses (robust) and which only some do.
 */
import type { Rials } from '../money';
import { selectPortfolio } from './select';
import type { PortfolioInput, PortfolioOptions, PortfolioResult } from './types';

/** One scenario's capital budget. */
export interface ScenarioBudget {
  readonly scenario: string;
  readonly budget: ReadonlyMap<number, Rials>;
}

/** A project chosen under some scenarios but not all. */
export interface ScenarioDependent {
  readonly id: string;
  /** The scenarios that choose it, in the order given. */
  readonly chosenIn: string[];
}

/** The portfolios of every scenario and how they agree. */
export interface ScenarioPortfolios {
  readonly scenarios: ReadonlyArray<{
    readonly scenario: string;
    readonly result: PortfolioResult;
  }>;
  /** Chosen under every scenario that was solved (input order). */
  readonly robust: string[];
  /** Chosen under some solved scenarios only (input order). */
  readonly some: ScenarioDependent[];
  /** Chosen under none. */
  readonly never: string[];
  /**
   * Projects whose start differs between the scenarios that choose them (the scheduling
   * model only), with each scenario's start.
   */
  readonly startDiffers: ReadonlyArray<{
    readonly id: string;
    readonly starts: ReadonlyArray<{ readonly scenario: string; readonly start: number }>;
  }>;
}

/**
 * Solves `input`'s projects against each scenario's budget (one after another, each with
 * `options`; the same model rules as `selectPortfolio`) and compares the choices. Scenarios
 * that end `infeasible`, `invalid` or `solver-error` are listed but not compared.
 */
export async function selectPortfolioScenarios(
  input: PortfolioInput,
  budgets: readonly ScenarioBudget[],
  options: PortfolioOptions = {},
): Promise<ScenarioPortfolios> {
  const scenarios: Array<{ scenario: string; result: PortfolioResult }> = [];
  for (const b of budgets)
    scenarios.push({
      scenario: b.scenario,
      result: await selectPortfolio({ ...input, budget: b.budget }, options),
    });
  const solved = scenarios.filter(
    (s) => !['infeasible', 'invalid', 'solver-error'].includes(s.result.status),
  );
  const robust: string[] = [];
  const some: ScenarioDependent[] = [];
  const never: string[] = [];
  const startDiffers: Array<{ id: string; starts: Array<{ scenario: string; start: number }> }> =
    [];
  for (const p of input.projects) {
    const chosenIn = solved.filter((s) => s.result.chosen.includes(p.id)).map((s) => s.scenario);
    if (solved.length > 0 && chosenIn.length === solved.length) robust.push(p.id);
    else if (chosenIn.length > 0) some.push({ id: p.id, chosenIn });
    else never.push(p.id);
    const starts = solved.flatMap((s) => {
      const at = s.result.schedule?.find((x) => x.id === p.id)?.start ?? null;
      return at === null ? [] : [{ scenario: s.scenario, start: at }];
    });
    if (new Set(starts.map((x) => x.start)).size > 1) startDiffers.push({ id: p.id, starts });
  }
  return { scenarios, robust, some, never, startDiffers };
}
