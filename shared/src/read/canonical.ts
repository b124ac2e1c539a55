/**
 * The canonical form of a plan: a workbook's own contract tables as the reader understood
 * them, written once so that nothing downstream reads the cells as typed again.
 *
 * The register stores it beside the cells as pushed and computes every figure from it
 * (the consolidation merges the canonical tables of many workbooks, each read with its own
 * `Unit`, digits and captions). One row per row the reader kept, keyed by column keys:
 * contract keys, years as `1405`, criterion IDs, extra columns by their header text. Each
 * value is what the reader made of the cell:
 * - amounts: whole Rials, the workbook's `Unit` applied, as decimal strings (exact past 2^53);
 * - enumerations: their stable value (`proposed`, not `پیشنهادی`);
 * - numbers and years: JSON numbers (any digit script, separators and `%` read);
 * - booleans: `true`/`false`; ID lists: `A, B`; text: trimmed, bidi marks removed;
 * - extra columns: as they came (the contract gives them no type), dates as ISO text.
 * Blank cells are left out. `tblPlanInfo` holds the contract's keys and says `Unit` =
 * `Rial`, since every amount now is in Rials. Read back with `readPlan` (headers = keys),
 * canonical tables give the same plan again, whatever unit the workbook was kept in.
 */
import type { EnumValue, Language } from '../contract/enums';
import { LANGUAGES, UNITS, WORKBOOK_KINDS } from '../contract/enums';
import type { ColumnSpec, TableName, TableSpec } from '../contract/tables';
import { PLAN_INFO_KEYS, TABLES, findTableSpec, getTableSpec } from '../contract/tables';
import { captionOf, columnKeysOf, enumText } from '../template/workbook';
import { emptyRecord, ownMember } from '../util/json';
import type { Plan, PlanInfo, Table } from './plan';
import type { RawCell, RawTable, RawWorkbook } from './raw';

/**
 * Version of the canonical form. A stored canonical table of another form is derived again
 * from the cells it came from (which are kept): raise this when the normaliser writes a
 * value differently, e.g. when a contract version gives an extra column a type.
 */
export const CANONICAL_FORM = 1;

/** A value of the canonical form (JSON: no bigint, no Date, no null). */
export type CanonicalCell = string | number | boolean;

/** One row: column key → value; a blank cell has no key. */
export type CanonicalRow = Record<string, CanonicalCell>;

/** One contract table in the canonical form. */
export interface CanonicalTable {
  readonly name: TableName;
  /** Column keys in the contract's order (`orderColumns`), extra columns after. */
  readonly columns: readonly string[];
  readonly rows: readonly CanonicalRow[];
}

/** The amounts of the canonical form are in this unit. */
export const CANONICAL_UNIT = 'Rial';

/**
 * Column keys in the contract's order: the contract's columns as it lists them, the per-year
 * columns (ascending) where it puts them, then every other key (criterion scores, extra
 * columns) in the order given. Only the keys given are returned.
 */
export function orderColumns(table: string, keys: readonly string[]): string[] {
  const spec = findTableSpec(table);
  if (spec === undefined) return [...new Set(keys)];
  const given = new Set(keys);
  const years = spec.yearColumns
    ? keys
        .filter((k) => /^\d{4}$/.test(k))
        .map(Number)
        .sort((a, b) => a - b)
    : [];
  const contract = columnKeysOf(spec, years).filter((k) => given.has(k));
  const placed = new Set(contract);
  return [...contract, ...[...given].filter((k) => !placed.has(k))];
}

/** The canonical value of a contract column's typed value, or undefined when blank. */
function canonicalValue(column: ColumnSpec, value: unknown): CanonicalCell | undefined {
  if (value === null || value === undefined) return undefined;
  switch (column.type) {
    case 'money':
      return typeof value === 'bigint' ? value.toString() : undefined;
    case 'refList':
      return Array.isArray(value) && value.length > 0 ? value.join(', ') : undefined;
    case 'bool':
      return value === true;
    case 'year':
    case 'int':
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    default:
      return typeof value === 'string' && value !== '' ? value : undefined;
  }
}

/** An extra column's cell as JSON: as it came, dates as ISO text, blanks left out. */
function extraValue(value: RawCell | undefined): CanonicalCell | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (typeof value === 'number' && !Number.isFinite(value)) return undefined;
  return value;
}

type ReadRow = Record<string, unknown> & { extra: Record<string, RawCell> };

function canonicalTable(table: Table): CanonicalTable {
  const spec = table.spec;
  const present = spec.columns.filter((c) => table.columns.has(c.key));
  const years = [...table.years].sort((a, b) => a - b);
  const perYear = spec.yearColumns === 'money' ? 'costs' : 'targets';
  const perCriterion = spec.name === 'tblCriteriaPairwise' ? 'comparisons' : 'scores';
  const rows = (table.rows as unknown as ReadRow[]).map((row) => {
    const out: CanonicalRow = emptyRecord<CanonicalCell>();
    const put = (key: string, value: CanonicalCell | undefined) => {
      if (value !== undefined && !Object.hasOwn(out, key)) out[key] = value;
    };
    for (const c of present) put(c.key, canonicalValue(c, row[c.key]));
    if (spec.yearColumns) {
      const values = row[perYear] as ReadonlyMap<number, bigint | number | null> | undefined;
      for (const year of years) {
        const v = values?.get(year);
        put(String(year), typeof v === 'bigint' ? v.toString() : (v ?? undefined));
      }
    }
    const scores = row[perCriterion] as ReadonlyMap<string, number | null> | undefined;
    for (const id of table.criteria) put(id, scores?.get(id) ?? undefined);
    for (const header of table.extraHeaders) put(header, extraValue(ownMember(row.extra, header)));
    return out;
  });
  const keys = [
    ...columnKeysOf(spec, years, table.criteria).filter((k) => table.columns.has(k)),
    ...table.extraHeaders,
  ];
  return { name: spec.name, columns: orderColumns(spec.name, keys), rows };
}

/** `tblPlanInfo` in the canonical form: the contract's keys, typed values, `Unit` = Rial. */
function canonicalPlanInfo(info: PlanInfo): CanonicalTable {
  const rows: CanonicalRow[] = [];
  for (const { key } of PLAN_INFO_KEYS) {
    const typed = key === 'Unit' ? CANONICAL_UNIT : info[key];
    // Money (the opening balance) is kept as its whole Rials, like the tables' money.
    const value = typeof typed === 'bigint' ? (typed === 0n ? null : typed.toString()) : typed;
    if (value === null || value === '') continue;
    rows.push({ Key: key, Value: value });
  }
  for (const [key, value] of Object.entries(info.extra))
    rows.push(value === '' ? { Key: key } : { Key: key, Value: value });
  return { name: 'tblPlanInfo', columns: ['Key', 'Value'], rows };
}

/**
 * A plan's own tables (never its reference data) in the canonical form, in the contract's
 * table order. `tblPlanInfo` is always there (the plan's settings, as read).
 */
export function toCanonicalTables(plan: Plan): CanonicalTable[] {
  const out: CanonicalTable[] = [];
  for (const spec of TABLES) {
    if (spec.name === 'tblPlanInfo') {
      out.push(canonicalPlanInfo(plan.info));
      continue;
    }
    const table = plan.tables[spec.name] as Table | undefined;
    if (table !== undefined) out.push(canonicalTable(table));
  }
  return out;
}

/** Canonical tables as raw tables whose headers are the column keys, for `readPlan`. */
export function fromCanonicalTables(tables: readonly CanonicalTable[]): RawWorkbook {
  return {
    tables: tables.map((t) => ({
      name: t.name,
      header: [...t.columns],
      rows: t.rows.map((row) => t.columns.map((key) => row[key] ?? null)),
    })),
  };
}

/** Largest amount a spreadsheet cell holds exactly as a number. */
const EXACT = BigInt(Number.MAX_SAFE_INTEGER);

function shownMoney(value: CanonicalCell): RawCell {
  if (typeof value !== 'string' || !/^-?\d+$/.test(value)) return value;
  const n = BigInt(value);
  return n <= EXACT && n >= -EXACT ? Number(n) : value;
}

function shownValue(
  spec: TableSpec,
  key: string,
  value: CanonicalCell | undefined,
  lang: Language,
) {
  if (value === undefined) return null;
  if (spec.yearColumns === 'money' && /^\d{4}$/.test(key)) return shownMoney(value);
  const column = spec.columns.find((c) => c.key === key);
  if (column === undefined) return value;
  if (column.type === 'money') return shownMoney(value);
  if (column.type === 'enum' && typeof value === 'string')
    return enumText(column.enumValues ?? [], value, lang);
  if (column.type === 'bool' && lang === 'fa') return value === true ? 'بله' : 'خیر';
  return value;
}

const INFO_ENUMS: Readonly<Record<string, readonly EnumValue[]>> = {
  Unit: UNITS,
  WorkbookKind: WORKBOOK_KINDS,
  Language: LANGUAGES,
};

/**
 * Canonical tables as people read them in a language: contract captions as headers, enum
 * values as their captions (Persian in `fa`), `بله`/`خیر` for booleans in Persian, amounts
 * as numbers while a spreadsheet holds them exactly (≤ 2^53), else as text, so no Rial is
 * lost. Any reader of the contract reads the result back to the same plan.
 */
export function presentCanonicalTables(
  tables: readonly CanonicalTable[],
  lang: Language,
): RawTable[] {
  return tables.map((t) => {
    const spec = getTableSpec(t.name);
    const header = t.columns.map((k) => captionOf(spec, k, lang));
    if (t.name !== 'tblPlanInfo')
      return {
        name: t.name,
        header,
        rows: t.rows.map((row) => t.columns.map((k) => shownValue(spec, k, row[k], lang))),
      };
    const rows = t.rows.map((row) => {
      const key = String(row.Key ?? '');
      const known = PLAN_INFO_KEYS.find((k) => k.key === key);
      const enums = INFO_ENUMS[key];
      const value = row.Value;
      const shown =
        value === undefined
          ? null
          : enums !== undefined && typeof value === 'string'
            ? enumText(enums, value, lang)
            : value;
      return [known === undefined ? key : lang === 'fa' ? known.fa : known.key, shown];
    });
    return { name: t.name, header, rows };
  });
}

/**
 * The IDs of a canonical `refList` cell (joined by `, ` in the canonical form; a workbook's
 * Persian comma `،` is understood too), none for a blank cell.
 */
export function canonicalRefIds(value: CanonicalCell | undefined): string[] {
  return (value === undefined ? '' : String(value))
    .split(/[,،]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
