/**
 * Reading the open workbook's contract tables through Office.js. This folder is the only
 * place that calls `Excel.run`. One read lists the tables (one `context.sync()`) and then
 * loads every contract table's values, sheet and address together (one more
 * `context.sync()` for all of them); reference data the register pulled into the workbook
 * is read the same way, from tables named `ref_<contract table>`.
 */
/// <reference types="office-js" />
import type { RawCell, RawTable, RawWorkbook } from '#core';
import { contractNameOf, findTableSpec } from '#core';

/** What `readContractTables` needs of Office.js: `Excel.run` (the real one, or a mock). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The global `Excel.run`, looked up when called (office.js may load after this module). */
export const excelRun: ExcelRun = (batch) =>
  (globalThis as unknown as { Excel: { run: ExcelRun } }).Excel.run(batch);

/** True for a table the contract reads: a contract table or its `ref_` reference copy. */
export function isContractTable(name: string): boolean {
  return findTableSpec(contractNameOf({ name }).name) !== undefined;
}

/** The top-left cell of an address such as `'Sheet 1'!B3:F9` (`B3`). */
export function topLeftOf(address: string): string | undefined {
  const local = address.slice(address.lastIndexOf('!') + 1);
  const first = local.split(':')[0]?.replace(/\$/g, '');
  return first && /^[A-Z]{1,3}\d+$/i.test(first) ? first : undefined;
}

function toCell(v: unknown): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

/** Options of `readContractTables`. */
export interface ReadOptions {
  /**
   * To be called on any change to the tables from now on: registered on the tables
   * collection's `onChanged` (ExcelApi 1.7), `onAdded` and `onDeleted`, in the same batch as
   * the read, so listening costs no extra round trip.
   */
  listen?: () => void;
  /** Told whether the host has the change events (`listen` can only be kept if it does). */
  watched?: (watched: boolean) => void;
}

/** Reads every contract table (own and `ref_`) of the open workbook as raw tables. */
export async function readContractTables(
  run: ExcelRun = excelRun,
  options: ReadOptions = {},
): Promise<RawWorkbook> {
  return run(async (context) => {
    const collection = context.workbook.tables;
    if (options.listen) {
      const listener = options.listen;
      const handler = async () => listener();
      // Older hosts lack the events (undefined here): then nothing may be cached.
      options.watched?.(collection.onChanged !== undefined);
      collection.onChanged?.add(handler);
      collection.onAdded?.add(handler);
      collection.onDeleted?.add(handler);
    }
    collection.load('items/name');
    await context.sync();

    const reads = collection.items
      .filter((t) => isContractTable(t.name))
      .map((t) => {
        const range = t.getRange();
        range.load('values,address');
        const sheet = t.worksheet;
        sheet.load('name');
        return { name: t.name, range, sheet };
      });
    await context.sync();

    const tables: RawTable[] = reads.map(({ name, range, sheet }) => {
      const values = (range.values as unknown[][]).map((row) => row.map(toCell));
      const address = topLeftOf(range.address);
      return {
        name,
        sheet: sheet.name,
        ...(address ? { address } : {}),
        header: values[0] ?? [],
        rows: values.slice(1),
      };
    });
    return { tables };
  });
}
