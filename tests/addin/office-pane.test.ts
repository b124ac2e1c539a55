/**
 * The pane's Office adapter (addin/src/office/pane.ts) against office-addin-mock: a large
 * workbook is read in blocks of whole rows, one `context.sync()` per block batch and never a
 * round trip per cell; the template is drawn as real tables with events switched off during
 * the write and back on after it, even when it fails; a finding's cell is selected on its
 * sheet; and a burst of table edits re-checks once.
 */
import { OfficeMockObject } from 'office-addin-mock';
import type { RawTable } from '#core';
import { planTemplate, samplePlanWorkbook } from '#core';
import {
  blockAddress,
  createFromLayout,
  letterIndex,
  planBlocks,
  readAllTables,
  selectCell,
  watchTables,
  writeFormulas,
} from '../../addin/src/office/pane';
import type { ExcelRun } from '../../addin/src/office/workbook';

type Mock = { sync(): Promise<void>; [k: string]: unknown };

/** A mock Excel over raw tables whose ranges are read by index (getRangeByIndexes). */
function mockWorkbook(tables: RawTable[]) {
  let syncs = 0;
  const fresh: Mock[] = [];
  const grid = tables.map((t) => [t.header, ...t.rows]);
  const ranges: Record<string, unknown> = {};
  tables.forEach((t, i) => {
    ranges[`r${i}`] = {
      address: `'${t.sheet}'!A1:Z${t.rows.length + 1}`,
      rowCount: t.rows.length + 1,
      columnCount: t.header.length,
      // Each table sits on its own sheet at row 0 in this mock.
      rowIndex: 0,
      columnIndex: 0,
    };
  });
  const requested: Array<[number, number, number, number]> = [];
  const mock = new OfficeMockObject({
    context: {
      workbook: {
        ranges,
        tables: {
          load(this: { items: unknown }) {
            this.items = tables.map((t, i) => ({
              name: t.name,
              getRange: () =>
                (mock.context.workbook as { ranges: Record<string, unknown> }).ranges[`r${i}`],
              worksheet: {
                name: t.sheet,
                load() {},
                getRangeByIndexes(row: number, col: number, rows: number, cols: number) {
                  requested.push([row, col, rows, cols]);
                  const values = grid[i]!.slice(row, row + rows).map((r) =>
                    r.slice(col, col + cols),
                  );
                  const block = new OfficeMockObject({ values }) as unknown as Mock;
                  fresh.push(block);
                  return block;
                },
              },
            }));
          },
        },
      },
    },
    run: async function (this: { context: unknown }, batch: (c: unknown) => Promise<unknown>) {
      return batch(this.context);
    },
  }) as unknown as { context: Mock & { workbook: unknown }; run: ExcelRun };
  const sync = mock.context.sync.bind(mock.context);
  mock.context.sync = async () => {
    syncs++;
    await sync();
    for (const b of fresh.splice(0)) await b.sync();
  };
  return {
    run: mock.run.bind(mock) as ExcelRun,
    requested,
    get syncs() {
      return syncs;
    },
  };
}

describe('reading a large workbook', () => {
  it('splits tables into blocks of whole rows within the cell limit', () => {
    // 10 rows × 4 columns with at most 12 cells a request: 3 rows (12 cells) a block, so
    // blocks of 3, 3, 3 and 1 rows; each request holds as many blocks as fit in 12 cells.
    const sizes = [{ name: 'a', sheet: 's', address: 'A1', rowCount: 10, columnCount: 4 }];
    const batches = planBlocks(sizes, 12);
    expect(batches.map((b) => b.map((x) => x.count))).toEqual([[3], [3], [3], [1]]);
    // A table wider than the limit still gets one row a block (never zero).
    expect(planBlocks([{ ...sizes[0]!, rowCount: 2, columnCount: 50 }], 12)).toHaveLength(2);
  });

  it('reads every row back, with one sync to list, one to size, one per batch', async () => {
    const wb = samplePlanWorkbook();
    const tables = wb.tables.filter((t) => ['tblProjects', 'tblGoals'].includes(t.name));
    const excel = mockWorkbook(tables);
    // tblGoals: 7 rows (header + 6), tblProjects: 41 rows; a limit of 400 cells.
    const out = await readAllTables(excel.run, 400);
    for (const t of tables) {
      const read = out.workbook.tables.find((x) => x.name === t.name)!;
      expect(read.header).toEqual(t.header);
      expect(read.rows.length).toBe(t.rows.length);
      expect(read.rows[read.rows.length - 1]).toEqual(
        t.rows[t.rows.length - 1]!.map((c) => c ?? null),
      );
    }
    const cells = tables.reduce((n, t) => n + (t.rows.length + 1) * t.header.length, 0);
    const batches = planBlocks(
      tables.map((t) => ({
        name: t.name,
        sheet: '',
        address: '',
        rowCount: t.rows.length + 1,
        columnCount: t.header.length,
      })),
      400,
    ).length;
    expect(batches).toBeGreaterThanOrEqual(Math.ceil(cells / 400));
    expect(excel.syncs).toBe(2 + batches);
    // Never a request per cell: every block is whole rows of the table's width.
    for (const [, , , cols] of excel.requested) expect(cols).toBeGreaterThan(1);
  });
});

/** A recording fake of the parts of Excel the writers use. */
function recordingExcel(failOnSync = -1) {
  const log: string[] = [];
  const events: boolean[] = [];
  let syncs = 0;
  const range = (sheet: string, address: string) => {
    const r = {
      format: { font: {}, columnWidth: 0 } as Record<string, unknown>,
      dataValidation: {} as Record<string, unknown>,
      set values(v: unknown[][]) {
        log.push(`values ${sheet}!${address} ${v.length}x${v[0]?.length ?? 0}`);
      },
      set formulas(v: unknown[][]) {
        log.push(`formulas ${sheet}!${address} ${JSON.stringify(v)}`);
      },
      set numberFormat(v: unknown[][]) {
        log.push(`format ${sheet}!${address} ${String(v[0]?.[0])}`);
      },
      select: () => log.push(`select ${sheet}!${address}`),
    };
    return r;
  };
  const sheet = (name: string) => ({
    name,
    getRange: (a: string) => range(name, a),
    tables: {
      add: (a: string) => {
        const t = { name: '' };
        log.push(`table ${name}!${a}`);
        return new Proxy(t, {
          set: (o, k, v) => {
            if (k === 'name') log.push(`named ${String(v)}`);
            return Reflect.set(o, k, v);
          },
        });
      },
    },
    freezePanes: { freezeRows: (n: number) => log.push(`freeze ${name} ${n}`) },
    activate: () => log.push(`activate ${name}`),
    set visibility(v: string) {
      log.push(`visibility ${name} ${v}`);
    },
  });
  const runtime = {
    set enableEvents(v: boolean) {
      events.push(v);
    },
  };
  const context = {
    runtime,
    workbook: {
      worksheets: {
        items: [] as unknown[],
        load() {},
        getItem: sheet,
        // Sheets named "New…" do not exist yet in this mock.
        getItemOrNullObject: (n: string) =>
          n.startsWith('New') ? { isNullObject: true } : { ...sheet(n), isNullObject: false },
        add: (n: string) => {
          log.push(`add sheet ${n}`);
          return sheet(n);
        },
      },
      tables: { items: [] as unknown[], load() {} },
    },
    async sync() {
      syncs++;
      if (syncs === failOnSync) throw new Error('InvalidArgument');
    },
  };
  const run: ExcelRun = (batch) => batch(context as unknown as Excel.RequestContext);
  return {
    run,
    log,
    events,
    get syncs() {
      return syncs;
    },
  };
}

describe('drawing the template', () => {
  it('adds every sheet and table of the layout, one sync per sheet, events off meanwhile', async () => {
    const layout = planTemplate({ lang: 'fa', startYear: 1405 });
    const excel = recordingExcel();
    const progress: number[] = [];
    const out = await createFromLayout(layout, excel.run, (done) => progress.push(done));
    const tables = layout.sheets.flatMap((s) => s.tables);
    expect(out.created).toEqual(tables.map((t) => t.name));
    expect(excel.log.filter((l) => l.startsWith('named ')).map((l) => l.slice(6))).toEqual(
      tables.map((t) => t.name),
    );
    // One sync to look at the workbook, one per sheet, one to switch the events back on.
    expect(excel.syncs).toBe(1 + layout.sheets.length + 1);
    expect(progress).toEqual(layout.sheets.map((_, i) => i + 1));
    expect(excel.events).toEqual([false, true]);
    // The money columns of projects get the layout's number format on their data rows.
    const projects = tables.find((t) => t.name === 'tblProjects')!;
    const i1405 = projects.columns.findIndex((c) => c.key === '1405');
    const col = projects.firstColumn + i1405;
    const fmt = projects.columns[i1405]!.numFmt;
    expect(excel.log).toContain(
      `format ${layout.sheets.find((s) => s.tables.includes(projects))!.name}!${blockAddress(projects.headerRow + 1, col, projects.formatRows, 1)} ${fmt}`,
    );
    // The hidden list sheet is hidden.
    expect(excel.log.some((l) => /^visibility .* Hidden$/.test(l))).toBe(true);
  });

  it('switches the events back on when a write fails', async () => {
    const excel = recordingExcel(2);
    await expect(createFromLayout(planTemplate({ lang: 'en' }), excel.run)).rejects.toThrow(
      'InvalidArgument',
    );
    expect(excel.events).toEqual([false, true]);
  });

  it('writes formulas as a block at a cell, padded to a rectangle', async () => {
    const excel = recordingExcel();
    await writeFormulas('Forecast', 'B3', [['=1', '=2'], ['=3']], excel.run);
    expect(excel.log).toContain('formulas Forecast!B3:C4 [["=1","=2"],["=3",""]]');
    expect(letterIndex('AB')).toBe(28); // A=1 … Z=26, AA=27, AB=28
  });

  it('adds the sheet of a formula block when the workbook lacks it', async () => {
    const excel = recordingExcel();
    await writeFormulas('New forecast', 'A1', [['=1']], excel.run);
    expect(excel.log).toEqual(['add sheet New forecast', 'formulas New forecast!A1 [["=1"]]']);
    expect(excel.events).toEqual([false, true]);
  });
});

describe('following the workbook', () => {
  it('selects a finding’s cell on its sheet', async () => {
    const excel = recordingExcel();
    await selectCell('پروژه‌ها', 'D7', excel.run);
    expect(excel.log).toEqual(['activate پروژه‌ها', 'select پروژه‌ها!D7']);
  });

  it('calls back once for a burst of table edits', async () => {
    jest.useFakeTimers();
    try {
      const handlers: Array<() => Promise<void>> = [];
      const removed: Array<() => Promise<void>> = [];
      const context = { sync: jest.fn(async () => undefined) };
      const events = {
        add: (h: () => Promise<void>) => (
          handlers.push(h),
          { remove: () => removed.push(h), context }
        ),
      };
      const run: ExcelRun = (batch) =>
        batch({
          workbook: { tables: { onChanged: events, onAdded: events, onDeleted: events } },
          sync: async () => undefined,
        } as unknown as Excel.RequestContext);
      const onChange = jest.fn();
      const w = await watchTables(onChange, 500, run);
      expect(w.watched).toBe(true);
      // Typing across a row: one event per cell, 100 ms apart.
      for (let i = 0; i < 5; i++) {
        await handlers[0]!();
        jest.advanceTimersByTime(100);
      }
      expect(onChange).not.toHaveBeenCalled();
      jest.advanceTimersByTime(500);
      expect(onChange).toHaveBeenCalledTimes(1);
      // Stopping removes the three handlers in the context they were added in.
      await w.stop();
      expect(removed).toEqual(handlers);
      expect(context.sync).toHaveBeenCalled();
    } finally {
      jest.useRealTimers();
    }
  });
});
