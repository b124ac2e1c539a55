/**
 * Validation of a plan (contract, "What valid means", plus what a municipal
 * finance user expects). The reader (`readPlan`) reports what is wrong with
 * single cells and columns; validation reports what is wrong between rows and
 * tables: IDs, references, coverage, KPIs, years and money, dependencies,
 * SWOT, AHP, budget lines, monitoring and revenue data. Every finding has a
 * stable code (VALIDATION_CODES, docs/validation.md), a severity fixed by its
 * code, its table, sheet row, column and A1 cell, and a message in Persian
 * and English that names the offending value and says what to do.
 *
 * References resolve against the workbook's own tables plus reference data.
 * A check that needs a table neither holds is not made: it is listed in
 * `skipped` so that the user can be told it is made at consolidation.
 */
import type { WorkbookKind } from '../contract/enums';
import type { Finding } from '../findings';
import type { Plan, ReadOptions } from '../read/plan';
import { readPlan } from '../read/plan';
import type { RawWorkbook } from '../read/raw';
import { checkAhp } from './ahp';
import { checkActuals, checkBudget } from './budget';
import { checkBudgetV2 } from './budgetV2';
import type { SkippedCheck } from './context';
import { Checker } from './context';
import { checkCoverage } from './coverage';
import { checkCriteria } from './criteria';
import { checkDependencies } from './dependencies';
import { checkFiscalBalance } from './fiscal';
import type { HeldTable } from './kinds';
import { checkTablesInKind, unreadContractTables } from './kinds';
import { checkKpis } from './kpis';
import { sortFindings } from './order';
import { checkProjectsAndActivities, checkRevenue, checkYearsAndAmounts } from './periods';
import { checkDepartments, checkIds, checkReferences } from './references';
import { checkSwot } from './swot';
import { checkWorkbook } from './workbook';

export type { FindingCodeInfo, ValidationCode } from './codes';
export { READER_CODES, VALIDATION_CODES } from './codes';
export type { SkippedCheck } from './context';
export { idKey } from './context';
export { sortFindings } from './order';
export type { MonitoringReference } from './monitoringPlan';
export { checkMonitoringAgainstPlan } from './monitoringPlan';
export { SWOT_WEIGHT_TOLERANCE } from './swot';

/** What an extra rule returns: its findings, and the checks it had to leave for consolidation. */
export interface ValidationRuleResult {
  readonly findings: readonly Finding[];
  readonly skipped?: readonly SkippedCheck[];
}

/**
 * A rule added by the caller, run after the built-in ones, e.g. the fiscal
 * balance (spending per year within the forecast revenue of the chosen
 * scenario), which needs the revenue and fiscal modules.
 */
export type ValidationRule = (plan: Plan) => readonly Finding[] | ValidationRuleResult;

/** Options of `validatePlan`. */
export interface ValidateOptions {
  /** Rules run after the built-in ones. */
  readonly extraRules?: readonly ValidationRule[];
  /**
   * The revenue scenario the fiscal-balance rule checks spending against
   * (default: the only scenario, else `base`); `false` leaves the rule out.
   */
  readonly fiscalScenario?: string | false;
  /**
   * The reader's findings for the same workbook: a cell the reader already
   * reported as unreadable is not reported again (its value was read as
   * empty, which would otherwise look like a second problem).
   */
  readonly readFindings?: readonly Finding[];
  /**
   * The kind the workbook is filed as (the register's submission kind), when it is not
   * left to the workbook's own `WorkbookKind`: which tables it may hold.
   */
  readonly workbookKind?: WorkbookKind;
}

/** Findings of a validation, and the checks left for consolidation. */
export interface ValidationResult {
  /** Sorted by table (contract order), sheet row, column. */
  readonly findings: Finding[];
  readonly skipped: SkippedCheck[];
}

const RULES: ReadonlyArray<(c: Checker) => void> = [
  checkWorkbook,
  checkIds,
  checkReferences,
  checkDepartments,
  checkCoverage,
  checkKpis,
  checkProjectsAndActivities,
  checkYearsAndAmounts,
  checkRevenue,
  checkDependencies,
  checkCriteria,
  checkSwot,
  checkAhp,
  checkBudget,
  checkBudgetV2,
  checkActuals,
];

/**
 * Validates a plan and also returns the checks it could not make because a
 * table they need is neither in the workbook nor in reference data.
 */
export function validatePlanDetailed(plan: Plan, options: ValidateOptions = {}): ValidationResult {
  return validateWith(plan, options, []);
}

function validateWith(
  plan: Plan,
  options: ValidateOptions,
  unread: readonly HeldTable[],
): ValidationResult {
  const c = new Checker(plan);
  for (const rule of RULES) rule(c);
  const kind = options.workbookKind ?? plan.info.WorkbookKind;
  if (kind !== null) checkTablesInKind(c, kind, unread);
  let findings: Finding[] = c.findings;
  const skipped = c.skipped();
  if (options.fiscalScenario !== false) {
    const fiscal = checkFiscalBalance(plan, options.fiscalScenario);
    findings.push(...fiscal.findings);
    skipped.push(...fiscal.skipped);
  }
  for (const rule of options.extraRules ?? []) {
    const out = rule(plan);
    if (isRuleResult(out)) {
      findings.push(...out.findings);
      skipped.push(...(out.skipped ?? []));
    } else findings.push(...out);
  }
  if (options.readFindings) {
    const reported = new Set<string>();
    for (const f of options.readFindings)
      if (f.severity === 'error' && f.cell !== null) reported.add(`${f.table}|${f.cell}`);
    if (reported.size > 0)
      findings = findings.filter((f) => f.cell === null || !reported.has(`${f.table}|${f.cell}`));
  }
  return { findings: sortFindings(findings), skipped };
}

function isRuleResult(out: readonly Finding[] | ValidationRuleResult): out is ValidationRuleResult {
  return !Array.isArray(out);
}

/** Validates a plan: the findings, sorted by table, row and column. */
export function validatePlan(plan: Plan, options: ValidateOptions = {}): Finding[] {
  return validatePlanDetailed(plan, options).findings;
}

/** Options of `validateWorkbook`: the reader's (reference data) and the validator's. */
export interface ValidateWorkbookOptions
  extends ReadOptions, Omit<ValidateOptions, 'readFindings'> {}

/** A workbook read and validated. */
export interface WorkbookValidation extends ValidationResult {
  readonly plan: Plan;
}

/**
 * Reads and validates a workbook: the reader's findings and validation's,
 * together and sorted by table (contract order), sheet row and column.
 */
export function validateWorkbook(
  raw: RawWorkbook,
  options: ValidateWorkbookOptions = {},
): WorkbookValidation {
  const read = readPlan(raw, options.reference ? { reference: options.reference } : {});
  const { findings, skipped } = validateWith(
    read.plan,
    {
      extraRules: options.extraRules,
      fiscalScenario: options.fiscalScenario,
      readFindings: read.findings,
      ...(options.workbookKind !== undefined && { workbookKind: options.workbookKind }),
    },
    unreadContractTables(raw),
  );
  return { plan: read.plan, findings: sortFindings([...read.findings, ...findings]), skipped };
}
