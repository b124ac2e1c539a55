/**
 * Findings for people (one line each, located by sheet and cell) and for
 * programs (the `--json` shape of `plan validate`).
 */
import type { Finding } from '#core';
import { TABLE_NAMES, contractNameOf } from '#core';
import type { CliLang } from './io';
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

const TABLE_ORDER = new Map<string, number>(TABLE_NAMES.map((n, i) => [n, i]));

/** Errors first, then by table in workbook order, row and column. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const order = (f: Finding) =>
    f.table === null ? -1 : (TABLE_ORDER.get(contractNameOf({ name: f.table }).name) ?? 99);
  return [...findings].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
      order(a) - order(b) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      (a.column ?? '').localeCompare(b.column ?? ''),
  );
}

/** Where a finding points, as people read it: `Sheet!D7`, or the table and column. */
export function whereOf(f: Finding): string {
  if (f.sheet && f.cell) return `${f.sheet}!${f.cell}`;
  const parts = [f.table, f.column].filter((p): p is string => !!p);
  return parts.join('.') || '-';
}

/** Findings as an aligned plain-text list. */
export function findingsText(findings: readonly Finding[], lang: CliLang): string {
  if (findings.length === 0) return '';
  const severity = (f: Finding) =>
    lang === 'fa' ? (f.severity === 'error' ? 'خطا' : 'هشدار') : f.severity;
  const rows = sortFindings(findings).map((f) => [
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
export function countsText(findings: readonly Finding[], lang: CliLang): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  return lang === 'fa'
    ? `${num(errors, lang)} خطا، ${num(warnings, lang)} هشدار`
    : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}
