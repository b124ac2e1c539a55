/**
 * Internal helpers shared by linkage, fiscal and kpi: rows of the workbook's
 * own tables together with reference rows (a department workbook names goals,
 * programs and sources of the city framework it does not hold), ID keys, plan
 * years and per-year money maps. Not part of the public API.
 */
import type { TableName } from '../contract/tables';
import type { FindingLocation } from '../findings';
import type { Plan, Row, Table } from '../read/plan';
import { cellOf } from '../read/plan';
import { cleanText } from '../util/text';
import { idKey } from '../validate/context';

/** A row with the table it came from (for A1 addresses and the reference flag). */
export interface Entry<N extends TableName> {
  readonly row: Row<N>;
  readonly table: Table<N>;
}

/** What locating a row needs: its sheet row and its table (any table). */
export interface Located {
  readonly row: { readonly row: number };
  readonly table: {
    readonly name: TableName;
    readonly sheet: string;
    readonly reference: boolean;
    readonly columns: ReadonlyMap<string, number>;
  };
}

/**
 * The key IDs are matched by: the validator's (`validate`), so that a chain
 * resolves exactly the references validation accepts (digits in any script,
 * case, Arabic/Persian letter forms and invisible marks do not matter).
 */
export { idKey } from '../validate/context';

/**
 * Rows of table `name`: the workbook's own rows first, then the reference
 * rows whose ID the workbook does not hold (its own copy wins). Tables with no
 * ID column, or `ownOnly`, give the own rows, else the reference rows, like
 * `rowsOf`.
 */
export function entriesOf<N extends TableName>(
  plan: Plan,
  name: N,
  opts: { ownOnly?: boolean } = {},
): Entry<N>[] {
  const own = plan.tables[name] as Table<N> | undefined;
  const ref = plan.reference[name] as Table<N> | undefined;
  const out: Entry<N>[] = [];
  if (own) for (const row of own.rows) out.push({ row, table: own });
  if (opts.ownOnly) return out;
  const idColumn = (own ?? ref)?.spec.idColumn ?? null;
  if (!ref) return out;
  if (idColumn === null) return own ? out : ref.rows.map((row) => ({ row, table: ref }));
  const held = new Set<string>();
  for (const e of out) held.add(idKey(idOf(e.row, idColumn)));
  for (const row of ref.rows) {
    const key = idKey(idOf(row, idColumn));
    if (key !== '' && held.has(key)) continue;
    out.push({ row, table: ref });
  }
  return out;
}

/** True when the workbook or its reference data holds table `name` at all. */
export function hasTable(plan: Plan, name: TableName): boolean {
  return plan.tables[name] !== undefined || plan.reference[name] !== undefined;
}

function idOf(row: object, column: string): string {
  const v = (row as Record<string, unknown>)[column];
  return typeof v === 'string' ? v : '';
}

/** The value of a text/ref column of a row as a string. */
export function textOf(row: object, column: string): string {
  return idOf(row, column);
}

/** An index of entries by ID key; the first row with an ID wins (duplicates are the validator's). */
export function indexBy<N extends TableName>(
  entries: readonly Entry<N>[],
  column: string,
): Map<string, Entry<N>> {
  const map = new Map<string, Entry<N>>();
  for (const e of entries) {
    const key = idKey(idOf(e.row, column));
    if (key !== '' && !map.has(key)) map.set(key, e);
  }
  return map;
}

/** Where a cell of an entry is, for a finding. */
export function whereOf(entry: Located, column: string): FindingLocation {
  return {
    table: entry.table.name,
    sheet: entry.table.sheet,
    row: entry.row.row,
    column,
    // cellOf reads only the table's column positions, which every table has.
    cell: cellOf(entry.table as Table, entry.row.row, column),
  };
}

/**
 * The plan years money is reported for: the plan period, or, when the
 * workbook gives no StartYear, every year that a cost column names.
 */
export function moneyYears(plan: Plan): number[] {
  if (plan.years.length > 0) return [...plan.years];
  const years = new Set<number>();
  for (const name of ['tblProjects', 'tblActivities'] as const) {
    for (const t of [plan.tables[name], plan.reference[name]])
      for (const r of t?.rows ?? []) for (const y of r.costs.keys()) years.add(y);
  }
  return [...years].sort((a, b) => a - b);
}

/**
 * One spelling per ID for keys people read: the first spelling met (seeded
 * from the defining table), so `SRC-G`, `src-g` and `SRC-G ` add up under `SRC-G`.
 */
export class Spellings {
  private readonly byKey = new Map<string, string>();
  constructor(seed: Iterable<string> = []) {
    for (const id of seed) this.of(id);
  }
  /** The spelling of `id`'s key; `''` for an empty ID. */
  of(id: string): string {
    const key = idKey(id);
    if (key === '') return '';
    let s = this.byKey.get(key);
    if (s === undefined) {
      s = cleanText(id);
      this.byKey.set(key, s);
    }
    return s;
  }
}

/** A per-year map with 0 for every year. */
export function zeroYears(years: readonly number[]): Map<number, bigint> {
  return new Map(years.map((y) => [y, 0n]));
}

/** Adds `from` into `into`, year by year (years `into` lacks are added). */
export function addYears(into: Map<number, bigint>, from: ReadonlyMap<number, bigint>): void {
  for (const [y, v] of from) into.set(y, (into.get(y) ?? 0n) + v);
}

/** True when any year holds a non-zero amount. */
export function anyMoney(map: ReadonlyMap<number, bigint>): boolean {
  for (const v of map.values()) if (v !== 0n) return true;
  return false;
}
