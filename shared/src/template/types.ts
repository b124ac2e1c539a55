/**
 * The layout of a plan workbook as plain data: sheets, the Excel tables on
 * them, header captions, number formats, data-validation lists, column
 * widths, frozen rows and sheet direction. The `.xlsx` writer (exceljs, in the
 * service) and the add-in (Office.js) both draw a workbook from this one
 * description, so it holds no library objects.
 */
import type { Language } from '../contract/enums';
import type { RawCell } from '../read/raw';
import type { SheetPrint } from './print';

/** What a column of a laid-out table is, relative to the contract. */
export type ColumnKind =
  /** A fixed contract column (`ProjectId`, `Title`, …). */
  | 'contract'
  /** A per-plan-year column named by the Jalali year (`1405`). */
  | 'year'
  /** A score (projects) or comparison (pairwise matrix) column named by a CriterionId. */
  | 'criterion'
  /** A column the contract does not know (kept as the user made it). */
  | 'extra';

/** A data-validation rule on the data cells of a column. */
export type CellValidation =
  /**
   * Pick from a list. `source` is a range formula without `=`
   * (`'_lists'!$A$2:$A$8`), kept on a hidden sheet because Excel caps an
   * inline list at 255 characters and some captions contain commas.
   */
  | { readonly type: 'list'; readonly source: string; readonly values: readonly string[] }
  /** A number within bounds (either bound may be absent). */
  | { readonly type: 'decimal' | 'whole'; readonly min?: number; readonly max?: number };

/** How one column of a table is shown. */
export interface ColumnLayout {
  /** Header text as written in the workbook. */
  readonly header: string;
  /** The contract key (`ProjectId`), the year (`1405`) or CriterionId; null for an extra column. */
  readonly key: string | null;
  readonly kind: ColumnKind;
  /** Excel number format (`#,##0`), or null for General. */
  readonly numFmt: string | null;
  /** Column width in Excel character units. */
  readonly width: number;
  readonly validation: CellValidation | null;
}

/** One Excel table (ListObject) placed on a sheet. */
export interface TableLayout {
  /** Table name (`tblProjects`, `ref_tblPrograms`). */
  readonly name: string;
  /** A1 address of the header's first cell. */
  readonly address: string;
  /** Sheet row of the header (1-based). */
  readonly headerRow: number;
  /** Sheet column of the first table column (1-based). */
  readonly firstColumn: number;
  readonly columns: readonly ColumnLayout[];
  /** Data rows, each as wide as the header. */
  readonly rows: readonly (readonly RawCell[])[];
  /**
   * How many data rows get validation rules, so that rows people add later are
   * checked too: the data rows plus room to grow.
   */
  readonly formatRows: number;
  /** Title shown in the cell above the header, or null when there is no room for one. */
  readonly title: string | null;
  /**
   * The table's totals row (Excel's, below the data; readers skip it): a label in the first
   * column and each column's sum, or null in a column without one. Absent: no totals row.
   */
  readonly totals?: { readonly label: string; readonly values: readonly RawCell[] };
}

/** A cell outside any table: a title, a line of the guide, an item of a list. */
export interface LooseCell {
  /** Sheet row and column (1-based). */
  readonly row: number;
  readonly column: number;
  readonly value: RawCell;
  /** Shown in bold (titles and headings). */
  readonly bold?: boolean;
  /** Text wraps within the column width. */
  readonly wrap?: boolean;
  /** Font size in points (default the workbook's, 11). */
  readonly size?: number;
  /** Excel number format of the cell (default General). */
  readonly numFmt?: string;
}

/** One sheet of the workbook. */
export interface SheetLayout {
  readonly name: string;
  /** Right-to-left sheet (Persian workbooks). */
  readonly rightToLeft: boolean;
  /** Hidden sheets hold validation lists. */
  readonly hidden: boolean;
  /** Rows frozen at the top (the title and header rows); 0 for none. */
  readonly frozenRows: number;
  readonly tables: readonly TableLayout[];
  readonly cells: readonly LooseCell[];
  /** Width of sheet columns (1-based column number → width), for every column used. */
  readonly columnWidths: ReadonlyArray<{ readonly column: number; readonly width: number }>;
  /** Number format of whole sheet columns (so that rows added later get it too). */
  readonly columnFormats: ReadonlyArray<{ readonly column: number; readonly numFmt: string }>;
  /** How the sheet prints (orientation, scale, repeated rows, footer); absent: Excel's defaults. */
  readonly print?: SheetPrint;
}

/** A whole workbook, ready to be drawn by a writer. */
export interface WorkbookLayout {
  readonly lang: Language;
  readonly sheets: readonly SheetLayout[];
}
