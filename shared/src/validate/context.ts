/**
 * What every validation rule shares: the plan, which tables are in reach
 * (the workbook's own or reference data), ID indexes over both, locating a
 * finding on its cell, and the list of checks left for consolidation.
 */
import type { TableName } from '../contract/tables';
import { getTableSpec } from '../contract/tables';
import type { Bilingual, Finding, FindingLocation } from '../findings';
import { a1, makeFinding } from '../findings';
import type { Plan, Row, Table } from '../read/plan';
import { cellOf } from '../read/plan';
import { fsi } from '../util/text';
import { idKey } from '../util/ids';
import type { ValidationCode } from './codes';
import { VALIDATION_CODES } from './codes';

/** A check that could not be made here because a table it needs is not in reach. */
export interface SkippedCheck {
  /** The code the check would report (a ValidationCode, or an extra rule's code). */
  readonly code: string;
  /** The table whose rows were not (fully) checked. */
  readonly table: TableName;
  /** The column checked, when the check is about one column. */
  readonly column: string | null;
  /** Tables the check needs that neither the workbook nor reference data holds. */
  readonly needs: readonly TableName[];
  /** How many values were left unchecked. */
  readonly count: number;
  /** What was left for consolidation, in both languages. */
  readonly message: Bilingual;
}

/** The key two IDs are compared by: the core's one ID normaliser (util/ids.ts). */
export { idKey };

/**
 * A value typed by a user, for a message: cut so that a hostile cell cannot flood a report,
 * and set in a first-strong bidi isolate (U+2068 … U+2069) so that an ID such as `P-014`
 * keeps its order inside Persian text and a Persian title keeps its own inside English.
 */
export function shown(value: unknown): string {
  const text = String(value);
  return fsi(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/** An ID of a table in reach, with the row that defines it. */
export interface IdEntry<N extends TableName = TableName> {
  /** The ID as typed in its defining row. */
  readonly id: string;
  readonly row: Row<N>;
  readonly table: TableName;
  /** True when the row comes from reference data. */
  readonly reference: boolean;
}

/** IDs of one table, own rows first, then reference rows not already defined. */
export interface IdIndex<N extends TableName = TableName> {
  /** By the ID exactly as typed; the first definition wins (own before reference). */
  readonly exact: ReadonlyMap<string, IdEntry<N>>;
  /** By `idKey`; the first definition wins (own before reference). */
  readonly byKey: ReadonlyMap<string, IdEntry<N>>;
  /** Own rows whose ID (by `idKey`) an earlier own row already has, in row order. */
  readonly duplicates: ReadonlyArray<{ readonly entry: IdEntry<N>; readonly first: IdEntry<N> }>;
}

/**
 * What locating a finding needs of a table. (`Table<'tblProjects'>` is not
 * assignable to `Table`, whose rows are a union, so rules pass this.)
 */
export type TableLike = Pick<
  Table,
  'name' | 'spec' | 'sheet' | 'headerRow' | 'firstColumn' | 'columns'
>;

/**
 * The entry an ID names in any of `indexes`: by its exact text first, and by
 * `idKey` only when no index has it exactly (the common case builds no key).
 * Undefined when it is in none, or (ambiguous) in more than one.
 */
export function lookup<E>(
  indexes: ReadonlyArray<{
    readonly exact: ReadonlyMap<string, E>;
    readonly byKey: ReadonlyMap<string, E>;
  } | null>,
  id: string,
): E | undefined {
  let found: E | undefined;
  let count = 0;
  for (const ix of indexes) {
    const e = ix?.exact.get(id);
    if (e) {
      found = e;
      count++;
    }
  }
  if (count === 0) {
    const key = idKey(id);
    for (const ix of indexes) {
      const e = ix?.byKey.get(key);
      if (e) {
        found = e;
        count++;
      }
    }
  }
  return count === 1 ? found : undefined;
}

/** A row of any table, for rules that read columns by key. */
export type AnyRow = Record<string, unknown> & { row: number };

/** Singular nouns for a row of each table, for messages. */
export const ROW_NOUNS: Readonly<Record<TableName, Bilingual>> = {
  tblPlanInfo: { fa: 'کلید', en: 'key' },
  tblDepartments: { fa: 'واحد', en: 'department' },
  tblUpstreamDocs: { fa: 'سند فرادست', en: 'upstream document' },
  tblDirectives: { fa: 'رهنمود', en: 'directive' },
  tblSwot: { fa: 'عامل', en: 'factor' },
  tblGoals: { fa: 'هدف', en: 'goal' },
  tblStrategies: { fa: 'راهبرد', en: 'strategy' },
  tblPrograms: { fa: 'برنامه', en: 'program' },
  tblSchemes: { fa: 'طرح', en: 'scheme' },
  tblFundingSources: { fa: 'منبع تأمین', en: 'funding source' },
  tblProjects: { fa: 'پروژه', en: 'project' },
  tblActivities: { fa: 'فعالیت', en: 'activity' },
  tblCriteria: { fa: 'معیار', en: 'criterion' },
  tblCriteriaPairwise: { fa: 'ردیف ماتریس', en: 'matrix row' },
  tblKpis: { fa: 'شاخص', en: 'KPI' },
  tblRevenueHistory: { fa: 'ردیف سابقه درآمد', en: 'revenue history row' },
  tblRevenueScenarios: { fa: 'فرض سناریو', en: 'scenario assumption' },
  tblBudgetCodes: { fa: 'کد بودجه', en: 'budget code' },
  tblBudgetLines: { fa: 'ردیف بودجه', en: 'budget line' },
  tblActuals: { fa: 'ردیف عملکرد', en: 'actuals row' },
  tblRevenueActuals: { fa: 'درآمد تحقق‌یافته', en: 'revenue actual' },
  tblKpiActuals: { fa: 'مقدار واقعی شاخص', en: 'KPI actual' },
  tblStakeholders: { fa: 'ذی‌نفع', en: 'stakeholder' },
  tblCommitments: { fa: 'تعهد دستگاه', en: 'agency commitment' },
  tblChanges: { fa: 'تغییر درخواستی', en: 'requested change' },
};

/** Persian and English names of a table, for messages. */
export function tableTitle(name: TableName): Bilingual {
  const spec = getTableSpec(name);
  return { fa: spec.fa, en: `${spec.en} (${name})` };
}

/** How a row is named in a message: `project P-1`, or `row 7` when it has no ID. */
export function rowLabel(table: TableLike, row: AnyRow): Bilingual {
  const noun = ROW_NOUNS[table.name];
  const idColumn = table.spec.idColumn;
  const id = idColumn ? row[idColumn] : undefined;
  if (typeof id === 'string' && id !== '')
    return { fa: `${noun.fa} ${shown(id)}`, en: `${noun.en} ${shown(id)}` };
  return { fa: `${noun.fa} ردیف ${row.row}`, en: `${noun.en} in row ${row.row}` };
}

interface SkipEntry {
  code: ValidationCode;
  table: TableName;
  column: string | null;
  needs: Set<TableName>;
  count: number;
}

/** The state one validation run shares between rules. */
export class Checker {
  readonly findings: Finding[] = [];
  private readonly skips = new Map<string, SkipEntry>();
  private readonly indexes = new Map<TableName, IdIndex>();

  constructor(readonly plan: Plan) {}

  /** The workbook's own table, if it holds one. */
  own<N extends TableName>(name: N): Table<N> | undefined {
    return this.plan.tables[name] as Table<N> | undefined;
  }

  /** True when the workbook or reference data holds the table. */
  inReach(name: TableName): boolean {
    return this.plan.tables[name] !== undefined || this.plan.reference[name] !== undefined;
  }

  /** Rows of a table in reach: own rows, then reference rows. */
  reachRows<N extends TableName>(name: N): Row<N>[] {
    const own = (this.plan.tables[name] as Table<N> | undefined)?.rows ?? [];
    const ref = (this.plan.reference[name] as Table<N> | undefined)?.rows ?? [];
    return ref.length === 0 ? own : own.length === 0 ? ref : [...own, ...ref];
  }

  /** The IDs of a table in reach (own and reference), built once per run. */
  ids<N extends TableName>(name: N): IdIndex<N> {
    const cached = this.indexes.get(name);
    if (cached) return cached as unknown as IdIndex<N>;
    const exact = new Map<string, IdEntry<N>>();
    const byKey = new Map<string, IdEntry<N>>();
    const duplicates: Array<{ entry: IdEntry<N>; first: IdEntry<N> }> = [];
    const idColumn = getTableSpec(name).idColumn;
    if (idColumn) {
      const add = (t: Table<N> | undefined, reference: boolean) => {
        for (const row of t?.rows ?? []) {
          const id = (row as unknown as AnyRow)[idColumn];
          if (typeof id !== 'string' || id === '') continue;
          const entry: IdEntry<N> = { id, row, table: name, reference };
          const same = exact.get(id);
          if (same) {
            if (!reference && !same.reference) duplicates.push({ entry, first: same });
            continue;
          }
          exact.set(id, entry);
          const key = idKey(id);
          const near = byKey.get(key);
          if (!near) byKey.set(key, entry);
          else if (!reference && !near.reference) duplicates.push({ entry, first: near });
        }
      };
      add(this.plan.tables[name] as Table<N> | undefined, false);
      add(this.plan.reference[name] as Table<N> | undefined, true);
    }
    const index: IdIndex<N> = { exact, byKey, duplicates };
    this.indexes.set(name, index as unknown as IdIndex);
    return index;
  }

  /**
   * Where a finding about a row's column points: the column's cell, or when
   * the column is absent, the row's first cell. With `row` null, the
   * column's header cell (or the table's top-left cell).
   */
  at(table: TableLike, row: number | null, column: string | null): FindingLocation {
    const sheetRow = row ?? table.headerRow;
    const cell =
      (column !== null ? cellOf(table as Table, sheetRow, column) : null) ??
      a1(sheetRow, table.firstColumn);
    return { table: table.name, sheet: table.sheet, row: sheetRow, column, cell };
  }

  /** Adds a finding; its severity is the code's (VALIDATION_CODES). */
  add(code: ValidationCode, where: FindingLocation, fa: string, en: string): void {
    this.findings.push(makeFinding(VALIDATION_CODES[code].severity, code, where, { fa, en }));
  }

  /** Records that `count` values of a check were left for consolidation. */
  skip(
    code: ValidationCode,
    table: TableName,
    column: string | null,
    needs: readonly TableName[],
    count = 1,
  ): void {
    const key = `${code}|${table}|${column ?? ''}`;
    const entry = this.skips.get(key);
    if (entry) {
      entry.count += count;
      for (const n of needs) entry.needs.add(n);
    } else this.skips.set(key, { code, table, column, needs: new Set(needs), count });
  }

  /** The checks left for consolidation, in a stable order. */
  skipped(): SkippedCheck[] {
    return [...this.skips.values()].map((s) => {
      const needs = [...s.needs];
      const what = s.column ? `${s.table}.${s.column}` : s.table;
      const needFa = needs.map((n) => getTableSpec(n).fa).join('، ');
      return {
        code: s.code,
        table: s.table,
        column: s.column,
        needs,
        count: s.count,
        message: {
          fa: `بررسی ${s.code} برای ${what} (${s.count} مورد) به تجمیع در سامانه واگذار شد: جدول ${needFa} نه در این کارپوشه است و نه در داده مرجع`,
          en: `${s.code} on ${what} (${s.count} value(s)) is checked at consolidation in the register: ${needs.join(', ')} is neither in this workbook nor in reference data`,
        },
      };
    });
  }
}
