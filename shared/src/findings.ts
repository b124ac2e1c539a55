/**
 * Findings: what validation and reading report about a workbook. Each carries
 * a severity (`error` blocks a push, `warning` does not), a stable code, where
 * it is (table, sheet row, column key, A1 cell on its sheet) and a message in
 * Persian and English.
 */

import { persianNumerals } from './util/text';

export type Severity = 'error' | 'warning';

/** A message in both languages. */
export interface Bilingual {
  readonly fa: string;
  readonly en: string;
}

/** One finding about a workbook. */
export interface Finding {
  readonly severity: Severity;
  /** Stable code, e.g. `REF_MISSING`; see FINDING_CODES. */
  readonly code: string;
  /** Table name (`tblProjects`), or null for the workbook as a whole. */
  readonly table: string | null;
  /** Sheet name, when the table's location is known. */
  readonly sheet: string | null;
  /** Row number on the sheet (1-based, as Excel shows it), or null. */
  readonly row: number | null;
  /** Column key (`ProjectId`, `1405`, a CriterionId), or null. */
  readonly column: string | null;
  /** A1 address of the cell on its sheet (`D7`), or null. */
  readonly cell: string | null;
  readonly message: Bilingual;
}

/** Where a finding points. */
export interface FindingLocation {
  table?: string | null;
  sheet?: string | null;
  row?: number | null;
  column?: string | null;
  cell?: string | null;
}

/** Builds a finding; the numbers of its Persian message are shown in Persian digits. */
export function makeFinding(
  severity: Severity,
  code: string,
  where: FindingLocation,
  message: Bilingual,
): Finding {
  return {
    severity,
    code,
    table: where.table ?? null,
    sheet: where.sheet ?? null,
    row: where.row ?? null,
    column: where.column ?? null,
    cell: where.cell ?? null,
    message: { fa: persianNumerals(message.fa), en: message.en },
  };
}

/** True when any finding is an error (a push would be refused). */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

/** Column number (1-based) as letters: 1 → A, 28 → AB. */
export function columnLetters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A1 address of a cell from its 1-based row and column. */
export function a1(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** Parses an A1 address (`B3`, `$B$3`) into 1-based row and column. */
export function parseA1(address: string): { row: number; column: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return null;
  const letters = (m[1] ?? '').toUpperCase();
  let column = 0;
  for (const ch of letters) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), column };
}
