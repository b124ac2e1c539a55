/**
 * The order findings are shown in: workbook-wide first, then by table in
 * contract order, then by sheet row, then by column; ties keep the order
 * the checks made them in (reader before validation).
 */
import { TABLE_NAMES } from '../contract/tables';
import type { Finding } from '../findings';
import { parseA1 } from '../findings';
import { contractNameOf } from '../read/raw';

const RANK = new Map<string, number>(TABLE_NAMES.map((name, i) => [name, i]));

function tableRank(table: string | null): number {
  if (table === null) return -1;
  return RANK.get(table) ?? RANK.get(contractNameOf({ name: table }).name) ?? TABLE_NAMES.length;
}

/** Options of `sortFindings`. */
export interface SortFindingsOptions {
  /** Errors (what blocks a push) before warnings, as a list a person works down is read. */
  readonly errorsFirst?: boolean;
}

/**
 * Findings sorted for people: by table (contract order), row, column; stable. The one order
 * the core, the CLI, the register and the pane show findings in.
 */
export function sortFindings(
  findings: readonly Finding[],
  options: SortFindingsOptions = {},
): Finding[] {
  const keyed = findings.map((f, i) => ({
    f,
    i,
    s: options.errorsFirst === true && f.severity !== 'error' ? 1 : 0,
    t: tableRank(f.table),
    r: f.row ?? -1,
    c: (f.cell !== null ? parseA1(f.cell)?.column : undefined) ?? -1,
  }));
  keyed.sort((a, b) => a.s - b.s || a.t - b.t || a.r - b.r || a.c - b.c || a.i - b.i);
  return keyed.map((k) => k.f);
}
