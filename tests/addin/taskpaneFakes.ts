/**
 * Fakes for the pane's component tests: an in-memory Office adapter over a raw workbook
 * (records selections, creations and writes; fires the table-changed handler on demand), a
 * key-value store, and a register answering from a script of responses.
 */
import type { Fetch, RawWorkbook, WorkbookLayout } from '#core';
import type { KeyValueStore } from '../../addin/src/api/connection';
import type { PaneOffice, TableWrite } from '../../addin/src/office/pane';

/** The fake adapter and what it recorded. */
export interface FakeOffice extends PaneOffice {
  workbook: RawWorkbook;
  reads: number;
  selections: Array<{ sheet: string; cell: string }>;
  layouts: WorkbookLayout[];
  writes: TableWrite[];
  formulas: Array<{
    sheet: string;
    topLeft: string;
    formulas: ReadonlyArray<ReadonlyArray<string | number>>;
  }>;
  /** Simulates an edit: replaces the workbook and fires the table-changed handlers. */
  edit(workbook: RawWorkbook): void;
}

/** An adapter over `workbook`. */
export function fakeOffice(workbook: RawWorkbook): FakeOffice {
  const handlers: Array<() => void> = [];
  const office: FakeOffice = {
    workbook,
    reads: 0,
    selections: [],
    layouts: [],
    writes: [],
    formulas: [],
    async readAllTables() {
      office.reads++;
      return { workbook: office.workbook, names: office.workbook.tables.map((t) => t.name) };
    },
    async createFromLayout(layout) {
      office.layouts.push(layout);
      const created = layout.sheets.flatMap((s) => s.tables.map((t) => t.name));
      return { created, skipped: [] };
    },
    async selectCell(sheet, cell) {
      office.selections.push({ sheet, cell });
    },
    async writeTable(write) {
      office.writes.push(write);
    },
    async writeFormulas(sheet, topLeft, formulas) {
      office.formulas.push({ sheet, topLeft, formulas });
    },
    async watchTables(onChange) {
      handlers.push(onChange);
      return {
        watched: true,
        stop: async () => {
          handlers.splice(handlers.indexOf(onChange), 1);
        },
      };
    },
    edit(next) {
      office.workbook = next;
      for (const h of [...handlers]) h();
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
