/**
 * Findings for people (one line each, located by sheet and cell) and for
 * programs (the `--json` shape of `plan validate`).
 */
import type { Finding, Language } from '#core';
import { sortFindings } from '#core';
import { num, textTable } from './format';

/** A finding as `plan validate --json` prints it. */
export interface JsonFinding {
  severity: Finding['severity'];
  code: string;
  table: string | null;
  sheet: string | null;
  row: number | null;
  column: string | null;
  cell: string | null;
  message: { fa: string; en: string };
}

/** The JSON shape of a finding (fixed key order). */
export function toJsonFinding(f: Finding): JsonFinding {
  return {
    severity: f.severity,
    code: f.code,
    table: f.table,
    sheet: f.sheet,
    row: f.row,
    column: f.column,
    cell: f.cell,
    message: { fa: f.message.fa, en: f.message.en },
  };
}

/** Errors first, then by table in workbook order, row and column (the core's one order). */
export const sortForPeople = (findings: readonly Finding[]): Finding[] =>
  sortFindings(findings, { errorsFirst: true });

/** Where a finding points, as people read it: `Sheet!D7`, or the table and column. */
export function whereOf(f: Finding): string {
  if (f.sheet && f.cell) return `${f.sheet}!${f.cell}`;
  const parts = [f.table, f.column].filter((p): p is string => !!p);
  return parts.join('.') || '-';
}

/** Findings as an aligned plain-text list. */
export function findingsText(findings: readonly Finding[], lang: Language): string {
  if (findings.length === 0) return '';
  const severity = (f: Finding) =>
    lang === 'fa' ? (f.severity === 'error' ? 'خطا' : 'هشدار') : f.severity;
  const rows = sortForPeople(findings).map((f) => [
    severity(f),
    whereOf(f),
    f.code,
    lang === 'fa' ? f.message.fa : f.message.en,
  ]);
  const header =
    lang === 'fa' ? ['شدت', 'محل', 'کد', 'پیام'] : ['severity', 'where', 'code', 'message'];
  return textTable(header, rows);
}

/** `3 errors, 5 warnings` (in Persian for fa). */
export function countsText(findings: readonly Finding[], lang: Language): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  return lang === 'fa'
    ? `${num(errors, lang)} خطا، ${num(warnings, lang)} هشدار`
    : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}
