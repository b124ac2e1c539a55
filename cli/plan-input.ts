/**
 * Inputs of the calculation commands: a whole plan workbook, or single tables
 * given as CSV/xlsx files (`--projects FILE`), read as a plan. Reading errors
 * in the tables a command needs stop it with the located findings.
 */
import type { CapitalBudget, Finding, Plan, RawTable, RawWorkbook, TableName } from '#core';
import { computeCapitalBudget, contractNameOf, readPlan } from '#core';
import type { CommandContext } from './command';
import { findingsText } from './findings';
import type { CliProblem } from './io';
import { EXIT } from './io';
import type { Loaded } from './load';
import { assemble, loadTable, loadWorkbook } from './load';

/** A plan read from the command's inputs. */
export interface PlanInput {
  plan: Plan;
  /** What reading found (all tables). */
  findings: Finding[];
  workbook: RawWorkbook;
}

// Made-up plan information is not the user's to fix: its absence is not reported.
const IGNORED_WHEN_MADE = new Set(['PLAN_INFO_MISSING']);

/** Reads a plan workbook (and an optional reference workbook) given by path. */
export async function planFromFile(
  ctx: CommandContext,
  file: string,
  reference?: string,
): Promise<Loaded<PlanInput>> {
  const loaded = await loadWorkbook(ctx.io, file);
  if (!loaded.ok) return loaded;
  let ref: RawWorkbook | undefined;
  if (reference) {
    const r = await loadWorkbook(ctx.io, reference);
    if (!r.ok) return r;
    ref = r.value.workbook;
  }
  const workbook = loaded.value.workbook;
  const read = readPlan(workbook, ref ? { reference: ref } : {});
  return { ok: true, value: { plan: read.plan, findings: read.findings, workbook } };
}

/** One table file given by an option (`--projects FILE` → tblProjects). */
export interface TableInput {
  option: string;
  table: TableName;
  path: string;
}

/** Reads single-table inputs (CSV or xlsx) as one plan. */
export async function planFromTables(
  ctx: CommandContext,
  inputs: readonly TableInput[],
  extra: readonly RawTable[] = [],
): Promise<Loaded<PlanInput>> {
  const tables: RawTable[] = [];
  for (const input of inputs) {
    const loaded = await loadTable(ctx.io, input.path, input.table, input.option);
    if (!loaded.ok) return loaded;
    tables.push(...loaded.value);
  }
  const { workbook, madeInfo } = assemble([...tables, ...extra]);
  const read = readPlan(workbook);
  const findings = madeInfo
    ? read.findings.filter((f) => !IGNORED_WHEN_MADE.has(f.code))
    : read.findings;
  return { ok: true, value: { plan: read.plan, findings, workbook } };
}

/** The errors among findings that concern the given tables (all tables when none are given). */
export function errorsIn(findings: readonly Finding[], tables?: readonly TableName[]): Finding[] {
  const wanted = tables ? new Set<string>(tables) : null;
  return findings.filter(
    (f) =>
      f.severity === 'error' &&
      (!wanted || f.table === null || wanted.has(contractNameOf({ name: f.table }).name)),
  );
}

/**
 * Stops a command when the tables it needs have reading errors: writes them
 * to stderr and returns exit code 1; returns null when there are none.
 */
export function stopOnErrors(
  ctx: CommandContext,
  findings: readonly Finding[],
  tables?: readonly TableName[],
): number | null {
  const errors = errorsIn(findings, tables);
  if (errors.length === 0) return null;
  const head =
    ctx.lang === 'fa'
      ? '\u2066plan\u2069: این خطاها را در ورودی درست کنید و دوباره اجرا کنید:\n'
      : 'plan: fix these errors in the input and run again:\n';
  ctx.io.stderr.write(head + findingsText(errors, ctx.lang));
  return EXIT.findings;
}

/**
 * The plan's capital budget and the scenario it comes from (`computeCapitalBudget`: the
 * command's `--scenario`, else the workbook's `Scenario`, else `base`), or the problem to
 * report (the forecast cannot be made, or the workbook has no such scenario).
 */
export function capitalBudgetOf(
  ctx: CommandContext,
  plan: Plan,
): { ok: true; budget: CapitalBudget } | { ok: false; problem: CliProblem } {
  const scenario = typeof ctx.values.scenario === 'string' ? ctx.values.scenario : undefined;
  const budget = computeCapitalBudget(plan, scenario === undefined ? {} : { scenario });
  if (!budget.ok) return { ok: false, problem: { code: EXIT.findings, message: budget.message } };
  return { ok: true, budget };
}
