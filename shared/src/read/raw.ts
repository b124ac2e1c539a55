/**
 * The wire shape of a workbook: named tables as header + rows, exactly what
 * Office.js (`table.getRange().values`) and an `.xlsx` reader produce. The
 * add-in sends this to the register; the reader turns it into a typed plan.
 */
import { z } from 'zod';

/** A cell as it comes out of a spreadsheet. */
export type RawCell = string | number | boolean | null | Date;

/** One Excel table (ListObject) of a workbook. */
export interface RawTable {
  /** Table name, e.g. `tblProjects`; `ref_tblPrograms` marks reference data of `tblPrograms`. */
  name: string;
  /** Sheet the table is on. */
  sheet?: string;
  /** A1 address of the table's top-left (header) cell; `A1` when absent. */
  address?: string;
  header: RawCell[];
  rows: RawCell[][];
  /** True when the table holds reference data from the register, not this workbook's own. */
  reference?: boolean;
  /**
   * True when the file had no Excel table here and the range was found by its header row on
   * the table's default sheet (read/recover.ts); the reader warns how to restore the table.
   */
  recovered?: boolean;
}

/** A workbook as its tables. */
export interface RawWorkbook {
  tables: RawTable[];
}

// Limits on what a pushed or read workbook may hold; bounds memory and time
// on hostile input (Excel's own limits: 16,384 columns, 32,767 characters a cell).
export const LIMITS = {
  tables: 200,
  columns: 16_384,
  rowsPerTable: 1_048_576,
  cellText: 32_767,
  nameLength: 255,
} as const;

const cell = z.union([
  z.string().max(LIMITS.cellText),
  z.number(),
  z.boolean(),
  z.null(),
  z.date(),
]);

/** zod schema of a raw table as sent over HTTP (dates arrive as strings there). */
export const RawTableSchema = z
  .object({
    name: z.string().min(1).max(LIMITS.nameLength),
    sheet: z.string().max(LIMITS.nameLength).optional(),
    address: z
      .string()
      .regex(/^\$?[A-Za-z]{1,3}\$?\d{1,7}$/)
      .optional(),
    header: z.array(cell).max(LIMITS.columns),
    rows: z.array(z.array(cell).max(LIMITS.columns)).max(LIMITS.rowsPerTable),
    reference: z.boolean().optional(),
    recovered: z.boolean().optional(),
  })
  .strict();

/** zod schema of a raw workbook as sent over HTTP. */
export const RawWorkbookSchema = z
  .object({ tables: z.array(RawTableSchema).max(LIMITS.tables) })
  .strict();

/** Prefix of a table that carries reference data for the contract table of the same name. */
export const REFERENCE_PREFIX = 'ref_';

/** The contract name of a raw table and whether it is reference data. */
export function contractNameOf(table: Pick<RawTable, 'name' | 'reference'>): {
  name: string;
  reference: boolean;
} {
  if (table.name.startsWith(REFERENCE_PREFIX))
    return { name: table.name.slice(REFERENCE_PREFIX.length), reference: true };
  return { name: table.name, reference: table.reference ?? false };
}
