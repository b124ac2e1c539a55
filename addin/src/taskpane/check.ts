/**
 * What the Start and Check views show, computed from the core's results without React: which
 * contract tables a workbook has, and the findings grouped by table and severity with a
 * summary a department head can read.
 */
import type { Finding, Language, RawWorkbook, Severity } from '#core';
import { TABLE_NAMES, contractNameOf, findTableSpec, ltr } from '#core';
import { digits, t, tn } from './i18n';

/** Reader codes that mean a table is there but not in the contract's shape. */
const STRUCTURE_CODES = new Set([
  'COLUMN_MISSING',
  'COLUMN_DUPLICATE',
  'TABLE_DUPLICATE',
  'YEAR_OUT_OF_PERIOD',
]);

/** How the open workbook stands against the contract. */
export interface Recognition {
  /** Contract tables present (own or as `ref_` reference data). */
  present: string[];
  /** Contract tables neither in the workbook nor in its reference data. */
  missing: string[];
  /** Present tables whose header the reader refuses (a required column missing, …). */
  malformed: string[];
}

/** Recognises a workbook from its tables and the reader's findings. */
export function recognise(workbook: RawWorkbook, findings: readonly Finding[]): Recognition {
  const names = new Set(workbook.tables.map((t) => contractNameOf(t).name));
  const present = TABLE_NAMES.filter((n) => names.has(n));
  const malformed = present.filter((n) =>
    findings.some((f) => f.table === n && f.severity === 'error' && STRUCTURE_CODES.has(f.code)),
  );
  return { present, missing: TABLE_NAMES.filter((n) => !names.has(n)), malformed };
}

/** Findings of one table and one severity. */
export interface FindingGroup {
  /** Table name, or null for the workbook as a whole. */
  table: string | null;
  severity: Severity;
  findings: Finding[];
}

/** Groups findings by table (in the order given, which is the contract's) then severity (errors first). */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const severity of ['error', 'warning'] as const)
    for (const f of findings) {
      if (f.severity !== severity) continue;
      const key = `${f.table ?? ''}|${severity}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { table: f.table, severity, findings: [] }));
      g.findings.push(f);
    }
  const order = new Map<string | null, number>();
  findings.forEach((f) => order.has(f.table) || order.set(f.table, order.size));
  return [...groups.values()].sort(
    (a, b) =>
      (order.get(a.table) ?? 0) - (order.get(b.table) ?? 0) ||
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
}

/** The summary line: how many errors block submission, or that none do. */
export function summary(findings: readonly Finding[], lang: Language): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  if (errors === 0) return t(lang, 'readyToSubmit');
  return tn(lang, 'blocking', errors);
}

/**
 * A table as its users know it: the contract's caption in the language (`tblProjects` →
 * «پروژه‌ها»), a `ref_` table as the register's copy of it; a table outside the contract by
 * its own name.
 */
export function tableCaption(table: string, lang: Language): string {
  const { name, reference } = contractNameOf({ name: table });
  const spec = findTableSpec(name);
  if (!spec) return table;
  return reference ? t(lang, 'referenceOf', { table: spec[lang] }) : spec[lang];
}

/** The warnings after the summary, one or many (`1 warning`, `3 warnings`). */
export function warningsLine(n: number, lang: Language): string {
  return tn(lang, 'warningsCount', n);
}

/**
 * A column as its users know it: the contract's caption (`ProjectId` → «شناسه پروژه»); a year
 * column (`1406`) in the language's digits; any other key as it is, isolated left to right.
 */
export function columnCaption(table: string, column: string, lang: Language): string {
  const spec = findTableSpec(contractNameOf({ name: table }).name);
  const col = spec?.columns.find((c) => c.key === column);
  if (col) return col[lang];
  if (/^[0-9]{4}$/.test(column)) return digits(column, lang);
  return lang === 'fa' ? ltr(column) : column;
}
