/**
 * The vocabulary of monitoring (contract v2, "Calculations (v2)"): how a `tblActuals` table is
 * read (v1's per-period `Spent`, or v2's cumulative `Allocated`/`Committed`/`Paid`), the order
 * of periods within a year, the earned-value statuses with their thresholds and captions, and
 * the "needs attention" measure. One home: validation, the calculations, the CLI and the
 * register read them from here.
 */
import type { Period } from '../contract/enums';
import { PERIOD_QUARTERS } from '../contract/enums';
import type { Bilingual } from '../findings';
import { KPI_STATUSES } from '../kpi';

/** v2's money columns of `tblActuals`, cumulative within the year up to the period's end. */
export const CUMULATIVE_ACTUAL_COLUMNS = ['Allocated', 'Committed', 'Paid'] as const;

/**
 * True when a `tblActuals` table is read as v2 (cumulative `Allocated`/`Committed`/`Paid`,
 * `Spent` ignored): it has at least one of those columns (contract, "New columns on v1
 * tables") and, when it also has `Spent`, some row fills one of them. Otherwise v1's reading
 * holds: `Spent` per period, the year's total their sum. The second condition keeps a
 * workbook made from the template (which writes every column) read as v1 while only `Spent`
 * is filled in; an empty cell reads as 0, so "filled" means not 0.
 */
export function isCumulativeActuals(table: {
  readonly columns: ReadonlyMap<string, number>;
  readonly rows: ReadonlyArray<{ Allocated: bigint; Committed: bigint; Paid: bigint }>;
}): boolean {
  if (!CUMULATIVE_ACTUAL_COLUMNS.some((c) => table.columns.has(c))) return false;
  if (!table.columns.has('Spent')) return true;
  return table.rows.some((r) => r.Allocated !== 0n || r.Committed !== 0n || r.Paid !== 0n);
}

/** The share of the year elapsed at a period's end, as a fraction quarters/4. */
export function periodShare(period: Period): number {
  return PERIOD_QUARTERS[period] / 4;
}

/**
 * The order of a period's end within its year, for "the latest period" of a cumulative
 * figure: by quarters elapsed, and at equal quarters `FY` after `Q4` and `H1` beside `Q2` (the
 * same moment: the later row wins).
 */
export function periodOrder(period: Period): number {
  return PERIOD_QUARTERS[period] * 2 + (period === 'FY' ? 1 : 0);
}

/** True when a row of period `row` is known at the end of period `at` (same year). */
export function periodWithin(row: Period, at: Period): boolean {
  return PERIOD_QUARTERS[row] <= PERIOD_QUARTERS[at];
}

/** The earned-value status of a project at a period (contract: SPI and CPI thresholds). */
export type ExecutionStatus = 'on-track' | 'at-risk' | 'off-track';

/** On track when SPI and CPI are both at least this (contract "Earned value"). */
export const EV_ON_TRACK_FROM = 0.95;
/** At risk when SPI and CPI are both at least this, below on track; off track below. */
export const EV_AT_RISK_FROM = 0.85;

/**
 * The statuses with their captions: the words of the KPI statuses (`KPI_STATUSES`), so that
 * a project and a KPI that are on track read the same.
 */
export const EXECUTION_STATUSES: ReadonlyArray<{ readonly value: ExecutionStatus } & Bilingual> =
  KPI_STATUSES.filter(
    (s): s is (typeof KPI_STATUSES)[number] & { value: ExecutionStatus } => s.value !== 'no-data',
  );

/** The caption of a status that cannot be computed (a needed number is missing). */
export const NO_STATUS: Bilingual = KPI_STATUSES.find((s) => s.value === 'no-data') as Bilingual;

/** The caption of a status (null: no data). */
export function executionStatusCaption(status: ExecutionStatus | null): Bilingual {
  return EXECUTION_STATUSES.find((s) => s.value === status) ?? NO_STATUS;
}

/**
 * The "needs attention" measure (issue 14): an item's execution, or a class's revenue
 * realisation, is short when below this multiple of the share of the year elapsed at the
 * period (`periodShare`): at H1, below 0.8 × ½ = 0.4.
 */
export const ATTENTION_FACTOR = 0.8;
