/**
 * The difference between two versions of a submission, row by row and cell by cell. Rows
 * are matched by their table's ID column (`Key` for tblPlanInfo); tables without one (e.g.
 * budget lines, revenue history) are matched by position. A repeated ID is told apart by
 * its occurrence (`P-1`, `P-1#2`). Tables whose names start with `$` are the register's
 * metadata about a version (its sheet layout), not plan rows, and are not compared.
 */
import { findTableSpec } from '../contract/tables';
import type { Language } from '../contract/enums';
import type { JsonObject, JsonValue } from '../util/json';
import { canonicalJson, ownMember } from '../util/json';

/** One changed cell. */
export interface CellChange {
  column: string;
  from: JsonValue;
  to: JsonValue;
}

/** What changed in one table. */
export interface TableDiff {
  table: string;
  /** The column rows are matched by, or null for matching by position. */
  keyColumn: string | null;
  added: { key: string; row: JsonObject }[];
  removed: { key: string; row: JsonObject }[];
  changed: { key: string; cells: CellChange[] }[];
}

/** What changed between two versions. */
export interface VersionDiff {
  from: number;
  to: number;
  tables: TableDiff[];
  summary: { added: number; removed: number; changed: number; cells: number };
}

type Tables = Readonly<Record<string, readonly JsonObject[]>>;

function keyed(rows: readonly JsonObject[], keyColumn: string | null): Map<string, JsonObject> {
  const out = new Map<string, JsonObject>();
  rows.forEach((row, i) => {
    const raw = keyColumn === null ? undefined : ownMember(row, keyColumn);
    const base = raw === undefined || raw === null ? `#${i + 1}` : String(raw).trim();
    let key = base;
    for (let n = 2; out.has(key); n++) key = `${base}#${n}`;
    out.set(key, row);
  });
  return out;
}

const same = (a: JsonValue | undefined, b: JsonValue | undefined) =>
  canonicalJson(a ?? null) === canonicalJson(b ?? null);

/** The difference from `a` (version `from`) to `b` (version `to`). */
export function diffVersions(from: number, a: Tables, to: number, b: Tables): VersionDiff {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((n) => !n.startsWith('$'))
    .sort();
  const tables: TableDiff[] = [];
  const summary = { added: 0, removed: 0, changed: 0, cells: 0 };
  for (const table of names) {
    const keyColumn = findTableSpec(table)?.idColumn ?? null;
    // Table and column names come from workbooks: own members only (`constructor` is a name).
    const before = keyed(ownMember(a, table) ?? [], keyColumn);
    const after = keyed(ownMember(b, table) ?? [], keyColumn);
    const diff: TableDiff = { table, keyColumn, added: [], removed: [], changed: [] };
    for (const [key, row] of after) if (!before.has(key)) diff.added.push({ key, row });
    for (const [key, row] of before) if (!after.has(key)) diff.removed.push({ key, row });
    for (const [key, row] of after) {
      const old = before.get(key);
      if (old === undefined) continue;
      const columns = [...new Set([...Object.keys(old), ...Object.keys(row)])].sort();
      const cells = columns
        .filter((c) => !same(ownMember(old, c), ownMember(row, c)))
        .map((column) => ({
          column,
          from: ownMember(old, column) ?? null,
          to: ownMember(row, column) ?? null,
        }));
      if (cells.length > 0) diff.changed.push({ key, cells });
    }
    if (diff.added.length + diff.removed.length + diff.changed.length === 0) continue;
    summary.added += diff.added.length;
    summary.removed += diff.removed.length;
    summary.changed += diff.changed.length;
    summary.cells += diff.changed.reduce((n, c) => n + c.cells.length, 0);
    tables.push(diff);
  }
  return { from, to, tables, summary };
}

const shown = (v: JsonValue) => (v === null ? '∅' : typeof v === 'string' ? v : JSON.stringify(v));

/** The difference as lines people read (`+` added, `-` removed, `~` changed cell). */
export function formatDiff(diff: VersionDiff, lang: Language = 'en'): string {
  const s = diff.summary;
  const lines = [
    lang === 'fa'
      ? `تفاوت نسخه ${diff.from} با ${diff.to}: ${s.added} ردیف افزوده، ${s.removed} ردیف حذف‌شده، ${s.changed} ردیف تغییرکرده (${s.cells} خانه)`
      : `Version ${diff.from} → ${diff.to}: ${s.added} rows added, ${s.removed} removed, ${s.changed} changed (${s.cells} cells)`,
  ];
  for (const t of diff.tables) {
    lines.push('', t.table);
    for (const r of t.added) lines.push(`+ ${r.key}`);
    for (const r of t.removed) lines.push(`- ${r.key}`);
    for (const r of t.changed)
      for (const c of r.cells)
        lines.push(`~ ${r.key} ${c.column}: ${shown(c.from)} → ${shown(c.to)}`);
  }
  return lines.join('\n') + '\n';
}
