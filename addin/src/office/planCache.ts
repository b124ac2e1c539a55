/**
 * The plan of the open workbook, read once and kept until a table changes: the PLAN.*
 * functions that look at the workbook (BUDGET_LINK, FISCAL_GAP, …) share one read and one
 * `readPlan`, and any change to a table (values, a table added or deleted) drops it.
 */
import type { RawWorkbook, ReadResult } from '#core';
import { readPlan } from '#core';
import type { ExcelRun } from './workbook';
import { excelRun, readContractTables } from './workbook';

/**
 * Reads the raw tables; when `listen` is given, it is to be called on every change from then
 * on, and `watched` says whether it will be (a host without change events cannot tell).
 */
export type TableReader = (
  listen: (() => void) | undefined,
) => Promise<{ workbook: RawWorkbook; watched: boolean }>;

/** A cached plan, dropped on change. */
export class PlanCache {
  private cached: Promise<ReadResult> | null = null;
  private listening = false;
  /** How many times the workbook was read (for tests and diagnostics). */
  reads = 0;

  constructor(private readonly reader: TableReader) {}

  /** The plan of the workbook as it is now (read at most once between two changes). */
  plan(): Promise<ReadResult> {
    if (this.cached) return this.cached;
    // The change handlers are registered with the first read that succeeds.
    const listen = this.listening ? undefined : () => this.invalidate();
    this.listening = true;
    this.reads++;
    const read = this.reader(listen).then(({ workbook, watched }) => {
      // Without change events a kept plan could go stale: read afresh every time.
      if (!watched) {
        if (this.cached === read) this.cached = null;
        this.listening = false;
      }
      return readPlan(workbook);
    });
    this.cached = read;
    read.catch(() => {
      // A failed read is not kept, so the next call tries again.
      if (this.cached === read) this.cached = null;
      if (listen) this.listening = false;
    });
    return read;
  }

  /** Forgets the cached plan (a table changed). A read under way is not kept either. */
  invalidate(): void {
    this.cached = null;
  }
}

/** A cache over the open workbook through `run` (`Excel.run` by default). */
export function workbookPlanCache(run: ExcelRun = excelRun): PlanCache {
  return new PlanCache(async (listen) => {
    let watched = true;
    const workbook = await readContractTables(
      run,
      listen ? { listen, watched: (w) => (watched = w) } : {},
    );
    return { workbook, watched };
  });
}
