/**
 * A workbook as the register stores it, and back. The core reads and validates the raw
 * tables once; the register keeps two forms of each version, both as JSON rows keyed by the
 * contract's column keys (years and criterion IDs as themselves, other columns by their
 * header text), each with a `$layout` table that remembers each table's column order
 * (PostgreSQL's jsonb does not keep key order):
 * - the cells as pushed (`toVersionTables`): a number stays a number, text stays text (so
 *   amounts sent as decimal strings stay exact), dates become ISO strings; with each table's
 *   sheet and address, so a pull gives the workbook back as it was;
 * - the plan in the core's canonical form (`toPlanTables`): whole Rials with the workbook's
 *   own Unit applied, stable enum values, contract column order. Every figure the register
 *   computes (the consolidation) comes from these rows, never from the cells.
 */
import type {
  CanonicalRow,
  CanonicalTable,
  Finding,
  Language,
  Plan,
  RawCell,
  RawTable,
  RawWorkbook,
  ValidateWorkbookOptions,
  ValidationRule,
} from '#core';
import {
  CANONICAL_FORM,
  REFERENCE_PREFIX,
  a1,
  captionOf,
  contractNameOf,
  findTableSpec,
  makeFinding,
  parseA1,
  spendingByYear,
  toCanonicalTables,
  validateWorkbook,
  workbookKindOf,
} from '#core';
import type { JsonObject, JsonValue } from '../db/canonical';
import { emptyRecord, ownMember } from '#core';
import type { VersionPlan, VersionTables, VersionTotal } from '../repositories';

/** Name of the stored pseudo-table that keeps each table's place and column order. */
export const LAYOUT_TABLE = '$layout';

/** One entry of `$layout`. */
export interface TableLayoutEntry {
  table: string;
  sheet: string | null;
  address: string | null;
  columns: string[];
}

function toJsonCell(cell: RawCell): JsonValue {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString();
  if (typeof cell === 'number' && !Number.isFinite(cell)) return null;
  return cell;
}

/**
 * Text that a spreadsheet would run as a formula when the file is opened elsewhere (CSV/DDE
 * injection): `=…`, `@…`, or `+`/`-` followed by a call or a DDE pipe. Plain negative
 * numbers and text that merely starts with a dash are fine.
 */
export function looksLikeFormula(text: string): boolean {
  const t = text.trimStart();
  if (t.startsWith('=') || t.startsWith('@')) return true;
  return (t.startsWith('+') || t.startsWith('-')) && /[(|!]/.test(t) && /[A-Za-z]/.test(t);
}

/**
 * Cells of the workbook's own tables that hold formula text: an error finding each (the
 * register stores values, never formulas, and refuses text that would become one).
 */
export function formulaFindings(raw: RawWorkbook): Finding[] {
  const out: Finding[] = [];
  for (const t of raw.tables) {
    if (contractNameOf(t).reference) continue;
    const at = parseA1(t.address ?? 'A1') ?? { row: 1, column: 1 };
    t.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (typeof cell !== 'string' || !looksLikeFormula(cell)) return;
        out.push(
          makeFinding(
            'error',
            'CELL_FORMULA_TEXT',
            {
              table: t.name,
              sheet: t.sheet ?? null,
              row: at.row + 1 + r,
              cell: a1(at.row + 1 + r, at.column + c),
            },
            {
              fa: `متن «${cell.slice(0, 40)}» مانند فرمول است؛ مقدار را بنویسید نه فرمول (یا پیش از آن فاصله نگذارید و آن را با ' آغاز کنید).`,
              en: `The text "${cell.slice(0, 40)}" looks like a formula; enter the value, not a formula.`,
            },
          ),
        );
      }),
    );
  }
  return out;
}

/**
 * Reads and validates a workbook with the core (reference data from the register), as the
 * kind of workbook it is filed as: a table that kind may not hold is an error.
 */
export function validateForPush(
  raw: RawWorkbook,
  reference?: RawWorkbook,
  kind?: string,
  extraRules?: readonly ValidationRule[],
) {
  const workbookKind = kind === undefined ? null : workbookKindOf(kind);
  const options: ValidateWorkbookOptions = {
    ...(reference !== undefined && { reference }),
    ...(workbookKind !== null && { workbookKind }),
    ...(extraRules !== undefined && { extraRules }),
  };
  const result = validateWorkbook(raw, options);
  const findings = [...formulaFindings(raw), ...result.findings];
  return { plan: result.plan, findings, skipped: result.skipped };
}

/** The stored form of a workbook's own tables (reference tables are the register's; dropped). */
export function toVersionTables(raw: RawWorkbook, plan: Plan): VersionTables {
  // Names from the workbook are keys: records without a prototype (`__proto__` is a name).
  const out = emptyRecord<JsonObject[]>();
  const layout: JsonObject[] = [];
  for (const t of raw.tables) {
    if (contractNameOf(t).reference) continue;
    const keys = columnKeys(t, plan);
    const rows = t.rows.map((row) => {
      const obj = emptyRecord<JsonValue>();
      keys.forEach((key, i) => {
        const value = toJsonCell(row[i] ?? null);
        if (value !== null && !Object.hasOwn(obj, key)) obj[key] = value;
      });
      return obj;
    });
    out[t.name] = [...(ownMember(out, t.name) ?? []), ...rows];
    layout.push({
      table: t.name,
      sheet: t.sheet ?? null,
      address: t.address ?? null,
      columns: keys,
    });
  }
  out[LAYOUT_TABLE] = layout;
  return out;
}

/** The stored form of a plan's own tables in the core's canonical form. */
export function toPlanTables(plan: Plan): VersionPlan {
  const out = emptyRecord<JsonObject[]>();
  const layout: JsonObject[] = [];
  for (const t of toCanonicalTables(plan)) {
    out[t.name] = t.rows.map((row) => Object.assign(emptyRecord<JsonValue>(), row));
    layout.push({ table: t.name, sheet: null, address: null, columns: [...t.columns] });
  }
  out[LAYOUT_TABLE] = layout;
  return { form: CANONICAL_FORM, tables: out };
}

/** Stored plan rows as the core's canonical tables (contract tables only, in stored order). */
export function fromPlanTables(
  tables: Readonly<Record<string, readonly JsonObject[]>>,
): CanonicalTable[] {
  const out: CanonicalTable[] = [];
  for (const entry of layoutOf(tables)) {
    const spec = findTableSpec(entry.table);
    if (spec === undefined) continue;
    const rows = (ownMember(tables, entry.table) ?? []) as readonly CanonicalRow[];
    out.push({ name: spec.name, columns: entry.columns, rows });
  }
  return out;
}

/** Column keys of a raw table: contract keys where the reader recognised the column. */
function columnKeys(t: RawTable, plan: Plan): string[] {
  const spec = findTableSpec(t.name);
  const table = spec === undefined ? undefined : plan.tables[spec.name];
  const bySheetColumn = new Map<number, string>();
  if (table !== undefined) for (const [key, col] of table.columns) bySheetColumn.set(col, key);
  const first = table?.firstColumn ?? 1;
  const seen = new Set<string>();
  return t.header.map((h, i) => {
    const text = h === null ? '' : h instanceof Date ? h.toISOString() : String(h).trim();
    let key = bySheetColumn.get(first + i) ?? (text === '' ? `Column${i + 1}` : text);
    while (seen.has(key)) key = `${key}_${i + 1}`;
    seen.add(key);
    return key;
  });
}

/** The `$layout` entries of stored tables (tables without one get their keys in first-seen order). */
export function layoutOf(
  tables: Readonly<Record<string, readonly JsonObject[]>>,
): TableLayoutEntry[] {
  const entries = (ownMember(tables, LAYOUT_TABLE) ?? []).map((e) => ({
    table: String(e.table),
    sheet: typeof e.sheet === 'string' ? e.sheet : null,
    address: typeof e.address === 'string' ? e.address : null,
    columns: Array.isArray(e.columns) ? e.columns.map(String) : [],
  }));
  const known = new Set(entries.map((e) => e.table));
  for (const [name, rows] of Object.entries(tables)) {
    if (name === LAYOUT_TABLE || known.has(name)) continue;
    const columns: string[] = [];
    for (const row of rows)
      for (const k of Object.keys(row)) if (!columns.includes(k)) columns.push(k);
    entries.push({ table: name, sheet: null, address: null, columns });
  }
  return entries;
}

function fromJsonCell(value: JsonValue | undefined): RawCell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

/**
 * Stored tables back as a raw workbook: headers are the column keys, or the captions of
 * `lang` (`fa`/`en`) for contract columns; `prefix`/`reference` mark reference data.
 */
export function fromVersionTables(
  tables: Readonly<Record<string, readonly JsonObject[]>>,
  options: { lang?: Language | 'keys'; only?: ReadonlySet<string>; asReference?: boolean } = {},
): RawWorkbook {
  const lang = options.lang ?? 'keys';
  const out: RawTable[] = [];
  for (const entry of layoutOf(tables)) {
    if (options.only !== undefined && !options.only.has(entry.table)) continue;
    const spec = findTableSpec(entry.table);
    const header = entry.columns.map((key) =>
      spec === undefined || lang === 'keys' ? key : captionOf(spec, key, lang),
    );
    const rows = (ownMember(tables, entry.table) ?? []).map((row) =>
      entry.columns.map((k) => fromJsonCell(ownMember(row, k))),
    );
    const table: RawTable = options.asReference
      ? { name: `${REFERENCE_PREFIX}${entry.table}`, header, rows, reference: true }
      : { name: entry.table, header, rows };
    if (!options.asReference && entry.sheet !== null) table.sheet = entry.sheet;
    if (!options.asReference && entry.address !== null) table.address = entry.address;
    out.push(table);
  }
  return { tables: out };
}

/** Exact money totals of a plan's own items per year (the core's spending, by part). */
export function versionTotals(plan: Plan): VersionTotal[] {
  const out: VersionTotal[] = [];
  for (const s of spendingByYear(plan, { ownOnly: true }).values()) {
    out.push({ measure: 'activities', year: s.year, amount: s.activities });
    out.push({ measure: 'projects', year: s.year, amount: s.projects });
    out.push({ measure: 'opex', year: s.year, amount: s.opex });
    out.push({ measure: 'total', year: s.year, amount: s.total });
  }
  return out;
}
