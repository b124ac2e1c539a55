/**
 * Fakes for the pane's component tests: the pane's real Office adapter (`paneOffice`) over
 * the one fake Excel host (`tests/helpers/fakeExcel.ts`, the same one the browser tests
 * serve as office.js), recording what the views asked of it; a key-value store; and a
 * register answering from a script of responses.
 */
import type { Fetch, RawWorkbook, WorkbookLayout } from '#core';
import type { KeyValueStore } from '../../addin/src/api/connection';
import type { PaneOffice, TableWrite } from '../../addin/src/office/pane';
import { paneOffice } from '../../addin/src/office/pane';
import type { ExcelRun } from '../../addin/src/office/workbook';
import type { FakeExcel } from '../helpers/fakeExcel';
import { installFakeExcel } from '../helpers/fakeExcel';

/** The adapter, the host under it, and what the views asked of it. */
export interface FakeOffice extends PaneOffice {
  /** The fake Excel the adapter talks to (its sheets, tables, selections, syncs). */
  host: FakeExcel;
  reads: number;
  selections: Array<{ sheet: string; cell: string }>;
  layouts: WorkbookLayout[];
  writes: TableWrite[];
  formulas: Array<{
    sheet: string;
    topLeft: string;
    formulas: ReadonlyArray<ReadonlyArray<string | number>>;
  }>;
  /** Simulates an edit: replaces the workbook's tables and fires the table-changed handlers. */
  edit(workbook: RawWorkbook): void;
}

/** The pane's adapter over a fake Excel holding `workbook`. */
export function fakeOffice(workbook: RawWorkbook): FakeOffice {
  const host = installFakeExcel({}, { tables: workbook.tables, displayLanguage: 'fa-IR' });
  const real = paneOffice(host.run as ExcelRun);
  const office: FakeOffice = {
    host,
    reads: 0,
    selections: host.state.selections,
    layouts: [],
    writes: [],
    formulas: [],
    async readAllTables() {
      office.reads++;
      return real.readAllTables();
    },
    async createFromLayout(layout, progress) {
      office.layouts.push(layout);
      return real.createFromLayout(layout, progress);
    },
    selectCell: (sheet, cell) => real.selectCell(sheet, cell),
    async writeTable(write) {
      office.writes.push(write);
      return real.writeTable(write);
    },
    async writeFormulas(sheet, topLeft, formulas) {
      office.formulas.push({ sheet, topLeft, formulas });
      return real.writeFormulas(sheet, topLeft, formulas);
    },
    // No debounce here: its timing is the adapter's own test (office-pane.test.ts).
    watchTables: (onChange) => real.watchTables(onChange, 0),
    edit(next) {
      host.replaceTables(next.tables);
    },
  };
  return office;
}

/** A store in memory. */
export function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

/** One request the fake register saw. */
export interface SeenRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A register answering `route(method, path, body)` with a status and a JSON body. */
export function fakeRegister(route: (req: SeenRequest) => { status: number; body: unknown }): {
  fetch: Fetch;
  seen: SeenRequest[];
} {
  const seen: SeenRequest[] = [];
  const fetch: Fetch = async (url, init) => {
    const u = new URL(url);
    const req: SeenRequest = {
      method: init.method,
      path: u.pathname + u.search,
      headers: init.headers,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    seen.push(req);
    const { status, body } = route(req);
    const text = JSON.stringify(body);
    return {
      ok: status >= 200 && status < 300,
      status,
      headers: {
        get: (name) => (name.toLowerCase() === 'content-type' ? 'application/json' : null),
      },
      text: async () => text,
      arrayBuffer: async () => new TextEncoder().encode(text).buffer as ArrayBuffer,
    };
  };
  return { fetch, seen };
}
