/**
 * Which contract tables each kind of workbook (tblPlanInfo `WorkbookKind`) may hold as its
 * own rows: the one map the validator (`TABLE_NOT_IN_KIND`), the register's push and its
 * consolidation read. A city plan is filed as one framework, department workbooks, revenue
 * and monitoring workbooks; a table outside its workbook's kind would let one office
 * overwrite what another owns (a department's own revenue history flowing into the city's
 * fiscal balance), so it is refused when it has rows.
 *
 * Decisions where the contract is silent:
 * - `tblPlanInfo` and `tblDepartments` are allowed in every kind: every workbook needs its
 *   settings, and the departments its rows name are what `Dept`/`OwnerDept` are checked
 *   against when no framework is at hand. In the consolidation the framework's department
 *   rows come first and win by `DeptId`.
 * - `city` holds every table: it is the whole plan in one workbook and counts as the
 *   framework of its cycle.
 * - `tblKpis` is in `framework` (macro KPIs of goals and strategies, and the KPIs of its
 *   programs) and in `department` (the micro KPIs of its items and programs); a macro KPI in
 *   a department workbook is refused (`KPI_LEVEL_NOT_IN_KIND`): the city's goals are the
 *   framework's to measure.
 * - Reference tables (`ref_…`) are the register's data pulled into a workbook, not its own
 *   rows: any kind may carry them.
 */
import type { KpiLevel, WorkbookKind } from './enums';
import { WORKBOOK_KINDS } from './enums';
import type { TableName } from './tables';
import { TABLE_NAMES } from './tables';

/**
 * Tables of the contract that the reader does not read yet, listed by name so that the map
 * covers the whole contract before the reader knows their columns. Every v2 table is read
 * now (TABLE_NAMES); the list stays for the next version's.
 */
export const V2_TABLE_NAMES = [] as const;

/** The name of any table of the contract, v1 or v2. */
export type ContractTableName = TableName | (typeof V2_TABLE_NAMES)[number];

/** Every table of the contract, v1 (in workbook order) then v2. */
export const CONTRACT_TABLE_NAMES: readonly ContractTableName[] = [
  ...new Set<ContractTableName>([...TABLE_NAMES, ...V2_TABLE_NAMES]),
];

/** Tables every kind may hold. */
export const COMMON_TABLES = [
  'tblPlanInfo',
  'tblDepartments',
] as const satisfies readonly TableName[];

/** The tables of each kind besides `COMMON_TABLES` (`city`: all of them). */
const OWN_TABLES = {
  framework: [
    'tblUpstreamDocs',
    'tblDirectives',
    'tblSwot',
    'tblGoals',
    'tblStrategies',
    'tblPrograms',
    'tblSchemes',
    'tblFundingSources',
    'tblCriteria',
    'tblCriteriaPairwise',
    'tblKpis',
    'tblBudgetCodes',
    'tblStakeholders',
    'tblCommitments',
    // A revision of the framework carries its requested changes too (contract v2).
    'tblChanges',
  ],
  department: ['tblProjects', 'tblActivities', 'tblBudgetLines', 'tblKpis', 'tblChanges'],
  revenue: ['tblRevenueHistory', 'tblRevenueScenarios'],
  monitoring: ['tblActuals', 'tblRevenueActuals', 'tblKpiActuals'],
} as const satisfies Record<Exclude<WorkbookKind, 'city'>, readonly ContractTableName[]>;

// Every contract table belongs to some kind besides `city`: a table added to the contract
// without a place here fails to compile.
type Placed = (typeof OWN_TABLES)[keyof typeof OWN_TABLES][number] | (typeof COMMON_TABLES)[number];
const everyTablePlaced: Exclude<ContractTableName, Placed> extends never ? true : never = true;
void everyTablePlaced;

/** The tables each kind of workbook may hold as its own rows. */
export const KIND_TABLES: Readonly<Record<WorkbookKind, ReadonlySet<ContractTableName>>> = {
  city: new Set(CONTRACT_TABLE_NAMES),
  framework: new Set([...COMMON_TABLES, ...OWN_TABLES.framework]),
  department: new Set([...COMMON_TABLES, ...OWN_TABLES.department]),
  revenue: new Set([...COMMON_TABLES, ...OWN_TABLES.revenue]),
  monitoring: new Set([...COMMON_TABLES, ...OWN_TABLES.monitoring]),
};

/**
 * The monitoring workbook's own tables (execution: actuals, realised revenue, KPI readings):
 * what the six-monthly report reads, not part of the plan the council approves.
 */
export const MONITORING_TABLES: ReadonlySet<ContractTableName> = new Set(OWN_TABLES.monitoring);

/** Framework tables that are the framework's own reading, not named by other workbooks' IDs. */
const FRAMEWORK_ONLY: ReadonlySet<ContractTableName> = new Set<ContractTableName>([
  'tblSwot',
  'tblStakeholders',
  'tblCommitments',
]);

/**
 * Contract tables served as reference data to the cycle's other workbooks: the common tables
 * and the framework's tables their rows name (programs, schemes, sources, budget codes, …).
 */
export const REFERENCE_TABLES: ReadonlySet<ContractTableName> = new Set<ContractTableName>([
  ...COMMON_TABLES,
  ...OWN_TABLES.framework.filter((t) => !FRAMEWORK_ONLY.has(t)),
]);

/** KPI levels a kind's `tblKpis` may hold (kinds not listed hold no KPIs, or any level). */
export const KIND_KPI_LEVELS: Readonly<Partial<Record<WorkbookKind, readonly KpiLevel[]>>> = {
  department: ['micro'],
};

/** Kinds that hold the city framework of a cycle (its reference data): one per cycle. */
export const FRAMEWORK_KINDS: readonly WorkbookKind[] = ['framework', 'city'];

/** True for a kind that holds the city framework. */
export function isFrameworkKind(kind: string): boolean {
  return (FRAMEWORK_KINDS as readonly string[]).includes(kind);
}

/** True when a kind of workbook may hold a contract table (any non-contract name: true). */
export function kindHoldsTable(kind: WorkbookKind, table: string): boolean {
  if (!isContractTable(table)) return true;
  return KIND_TABLES[kind].has(table);
}

/** True for the name of a contract table (v1 or v2). */
export function isContractTable(name: string): name is ContractTableName {
  return (CONTRACT_TABLE_NAMES as readonly string[]).includes(name);
}

/** The kinds whose workbooks hold a table, besides `city` (for messages: where it belongs). */
export function kindsHolding(table: ContractTableName): WorkbookKind[] {
  return WORKBOOK_KINDS.map((k) => k.value).filter(
    (k) => k !== 'city' && KIND_TABLES[k].has(table),
  );
}

/** The workbook kind a stored value names, or null for anything else. */
export function workbookKindOf(value: string): WorkbookKind | null {
  return WORKBOOK_KINDS.find((k) => k.value === value)?.value ?? null;
}

/** The workbook kinds, as their values (for CHECK constraints and request schemas). */
export const WORKBOOK_KIND_VALUES = WORKBOOK_KINDS.map((k) => k.value) as [
  WorkbookKind,
  ...WorkbookKind[],
];
