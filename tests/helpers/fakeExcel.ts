/**
 * The one fake Office host of the tests: what Microsoft's `office.js` gives an add-in,
 * over an in-memory workbook (sheets as cell grids, tables placed on them) loaded from raw
 * tables. It answers the Office.js calls the add-in makes (listing and sizing tables, reading
 * ranges by index, adding sheets and tables, writing values, formulas, formats and
 * validation, selecting a cell, table events, `runtime.enableEvents`), registers custom
 * functions and ribbon actions, and keeps Excel's load-then-sync rule: a property read
 * before it was loaded and synced throws `PropertyNotLoaded`, as in Excel.
 *
 * jsdom tests install it on an object of their own (`installFakeExcel`); the browser tests
 * serve it in place of the CDN's office.js (`fakeOfficeJs` in `fakeExcelScript.ts` compiles
 * this very file into the page). So this file is self-contained: no imports at run time.
 */
import type { RawTable } from '#core';

/** A table placed on a sheet (zero-based top-left cell, size with the header row). */
export interface FakeTable {
  name: string;
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** A sheet of the fake workbook. */
export interface FakeSheet {
  name: string;
  /** Cells by `row,col` (zero-based); an empty cell is absent. */
  cells: Record<string, unknown>;
  formats: Record<string, unknown>;
  validation: Record<string, unknown>;
  visibility: string;
  frozen: number;
}

/** What the add-in did, for a test to read (`window.__fakeExcel` in the browser). */
export interface FakeExcelState {
  sheets: Record<string, FakeSheet>;
  tables: FakeTable[];
  selections: Array<{ sheet: string; cell: string }>;
  activated: string[];
  /** Every `context.sync()` (and a handler context's). */
  syncs: number;
  /** Every `Excel.run`. */
  runs: number;
  /** Every switch of `runtime.enableEvents`, in order. */
  events: boolean[];
  enableEvents?: boolean;
  /** The table event handlers added and not removed. */
  handlers: Array<(e: unknown) => unknown>;
  /** Custom functions by id (`CustomFunctions.associate`). */
  functions: Record<string, (...args: unknown[]) => unknown>;
  /** Ribbon actions by name (`Office.actions.associate`). */
  actions: Record<string, (event: unknown) => unknown>;
  /** Times the add-in asked to show its task pane. */
  shown: number;
}

/** The installed host: its state, and what a test does to the workbook from outside. */
export interface FakeExcel {
  state: FakeExcelState;
  /** `Excel.run`, as the add-in's adapter takes it. */
  run<T>(batch: (context: never) => Promise<T>): Promise<T>;
  /** Replaces the workbook's tables (a user's edit) and fires the table-changed handlers. */
  replaceTables(tables: readonly RawTable[]): void;
}

/** Installs `Excel`, `Office` and `CustomFunctions` on `target` (`window`, or a test's object). */
export function installFakeExcel(
  target: Record<string, unknown>,
  options: { tables: readonly RawTable[]; displayLanguage: string },
): FakeExcel {
  const fake: FakeExcelState = {
    sheets: {},
    tables: [],
    selections: [],
    activated: [],
    syncs: 0,
    runs: 0,
    events: [],
    handlers: [],
    functions: {},
    actions: {},
    shown: 0,
  };
  target.__fakeExcel = fake;

  class ExcelError {
    constructor(
      readonly code: string,
      readonly message?: string,
    ) {}
  }
  target.CustomFunctions = {
    associate(id: string | Record<string, (...a: unknown[]) => unknown>, fn?: () => unknown) {
      if (typeof id === 'object') Object.assign(fake.functions, id);
      else if (fn) fake.functions[id] = fn;
    },
    Error: ExcelError,
    ErrorCode: {
      invalidValue: '#VALUE!',
      notAvailable: '#N/A',
      divisionByZero: '#DIV/0!',
      invalidNumber: '#NUM!',
      nullReference: '#NULL!',
      invalidName: '#NAME?',
      invalidReference: '#REF!',
    },
  };

  const letters = (s: string) => {
    let n = 0;
    for (const ch of s.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
    return n;
  };
  const colName = (n: number) => {
    let s = '';
    while (n > 0) {
      const r = (n - 1) % 26;
      s = String.fromCharCode(65 + r) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  };
  interface Block {
    row: number;
    col: number;
    rows: number;
    cols: number;
  }
  // 'A2:C9' or 'B3' → zero-based block; whole columns 'C:C' span 1000 rows.
  function parse(address: string): Block {
    const local = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
    const whole = /^([A-Z]+):([A-Z]+)$/.exec(local);
    if (whole)
      return {
        row: 0,
        col: letters(whole[1]!) - 1,
        rows: 1000,
        cols: letters(whole[2]!) - letters(whole[1]!) + 1,
      };
    const [a = '', b] = local.split(':');
    const m1 = /^([A-Z]+)(\d+)$/.exec(a);
    const m2 = /^([A-Z]+)(\d+)$/.exec(b ?? a);
    if (!m1 || !m2) throw new Error('InvalidArgument: address ' + address);
    const row = Number(m1[2]) - 1;
    const col = letters(m1[1]!) - 1;
    return { row, col, rows: Number(m2[2]) - row, cols: letters(m2[1]!) - col };
  }
  const a1 = (p: Block) =>
    colName(p.col + 1) +
    (p.row + 1) +
    (p.rows * p.cols > 1 ? ':' + colName(p.col + p.cols) + (p.row + p.rows) : '');

  function sheetData(name: string): FakeSheet {
    fake.sheets[name] ??= {
      name,
      cells: {},
      formats: {},
      validation: {},
      visibility: 'Visible',
      frozen: 0,
    };
    return fake.sheets[name];
  }
  const get = (s: FakeSheet, r: number, c: number) => s.cells[r + ',' + c] ?? '';
  const set = (s: FakeSheet, r: number, c: number, v: unknown) => {
    s.cells[r + ',' + c] = v;
  };
  // A cell as Excel holds it: empty for null; a date as the text it was sent as (JSON's form).
  const cellOf = (v: unknown) =>
    v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : v;

  function load(tables: readonly RawTable[]) {
    fake.sheets = {};
    fake.tables = [];
    for (const t of tables) {
      const s = sheetData(t.sheet || t.name);
      const p = parse(t.address || 'A1');
      const clash = fake.tables.find(
        (o) =>
          o.sheet === s.name &&
          o.row < p.row + t.rows.length + 1 &&
          p.row < o.row + o.rows &&
          o.col < p.col + t.header.length &&
          p.col < o.col + o.cols,
      );
      // Excel's tables cannot overlap: a fixture that makes them is wrong, not the add-in.
      if (clash) throw new Error(`tables ${clash.name} and ${t.name} overlap on ${s.name}`);
      [t.header, ...t.rows].forEach((row, i) =>
        row.forEach((v, j) => set(s, p.row + i, p.col + j, cellOf(v))),
      );
      fake.tables.push({
        name: t.name,
        sheet: s.name,
        row: p.row,
        col: p.col,
        rows: t.rows.length + 1,
        cols: t.header.length,
      });
    }
  }
  load(options.tables);

  function fireChanged() {
    for (const h of fake.handlers) void Promise.resolve().then(() => h({ type: 'TableChanged' }));
  }

  /** One `Excel.run`'s request context: what its proxies loaded, applied at each sync. */
  interface Ctx {
    pending: Array<() => void>;
    syncs: number;
  }

  /**
   * Makes `obj` loadable: `load('a,b')` (or `load()` for all, or `items/name` for a
   * collection's items) marks properties to be read at the next sync; reading one before
   * throws, as Excel does.
   */
  function loadable<T extends object>(ctx: Ctx, obj: T, onLoad?: (what: string[]) => void) {
    const loaded = new Set<string>();
    const self = obj as T & { load(what?: string): T; need(prop: string): void };
    self.load = (what?: string) => {
      const props = what === undefined ? ['*'] : String(what).split(',');
      const keys = props.map((p) => p.trim().split('/')[0]!);
      ctx.pending.push(() => {
        for (const k of keys) loaded.add(k);
        onLoad?.(props.map((p) => p.trim()));
      });
      return self;
    };
    self.need = (prop: string) => {
      if (!loaded.has(prop) && !loaded.has('*')) throw new Error('PropertyNotLoaded: ' + prop);
    };
    return self;
  }

  function range(ctx: Ctx, sheetName: string, p: Block) {
    const s = sheetData(sheetName);
    const grid = () =>
      Array.from({ length: p.rows }, (_, i) =>
        Array.from({ length: p.cols }, (_, j) => get(s, p.row + i, p.col + j)),
      );
    const write = (v: unknown[][]) => {
      v.forEach((row, i) => row.forEach((x, j) => set(s, p.row + i, p.col + j, x)));
      if (fake.enableEvents !== false && fake.tables.some((t) => t.sheet === sheetName))
        fireChanged();
    };
    const r = loadable(ctx, {
      get values() {
        r.need('values');
        return grid();
      },
      set values(v: unknown[][]) {
        write(v);
      },
      get formulas() {
        r.need('formulas');
        return grid();
      },
      set formulas(v: unknown[][]) {
        write(v);
      },
      set numberFormat(v: unknown[][]) {
        s.formats[a1(p)] = v[0]?.[0];
      },
      get address() {
        r.need('address');
        return "'" + sheetName + "'!" + a1(p);
      },
      get rowCount() {
        r.need('rowCount');
        return p.rows;
      },
      get columnCount() {
        r.need('columnCount');
        return p.cols;
      },
      get rowIndex() {
        r.need('rowIndex');
        return p.row;
      },
      get columnIndex() {
        r.need('columnIndex');
        return p.col;
      },
      format: { font: {}, columnWidth: 0, wrapText: false },
      dataValidation: {
        set rule(rule: unknown) {
          s.validation[a1(p)] = rule;
        },
      },
      clear() {
        for (let i = 0; i < p.rows; i++)
          for (let j = 0; j < p.cols; j++) delete s.cells[p.row + i + ',' + (p.col + j)];
      },
      select() {
        fake.selections.push({ sheet: sheetName, cell: a1(p) });
      },
    });
    return r;
  }

  /** `isNullObject` is known after the sync that follows the lookup, as in Excel. */
  function found<T extends object>(ctx: Ctx, obj: T): T & { readonly isNullObject: boolean } {
    const at = ctx.syncs;
    return Object.defineProperty(obj, 'isNullObject', {
      get() {
        if (ctx.syncs <= at) throw new Error('PropertyNotLoaded: isNullObject');
        return false;
      },
    }) as T & { readonly isNullObject: boolean };
  }
  function nullObject(ctx: Ctx) {
    const at = ctx.syncs;
    return {
      get isNullObject() {
        if (ctx.syncs <= at) throw new Error('PropertyNotLoaded: isNullObject');
        return true;
      },
      load() {
        return this;
      },
    };
  }

  function tableObject(ctx: Ctx, t: FakeTable) {
    const o = loadable(ctx, {
      get name() {
        o.need('name');
        return t.name;
      },
      set name(n: string) {
        t.name = n;
      },
      worksheet: worksheet(ctx, t.sheet),
      getRange: () => range(ctx, t.sheet, { row: t.row, col: t.col, rows: t.rows, cols: t.cols }),
      delete() {
        fake.tables.splice(fake.tables.indexOf(t), 1);
      },
    });
    return o;
  }

  function worksheet(ctx: Ctx, name: string) {
    const w = loadable(ctx, {
      get name() {
        w.need('name');
        return name;
      },
      getRange: (address: string) => range(ctx, name, parse(address)),
      getRangeByIndexes: (row: number, col: number, rows: number, cols: number) =>
        range(ctx, name, { row, col, rows, cols }),
      activate() {
        fake.activated.push(name);
      },
      freezePanes: {
        freezeRows(n: number) {
          sheetData(name).frozen = n;
        },
      },
      set visibility(v: string) {
        sheetData(name).visibility = v;
      },
      tables: {
        add(address: string) {
          const p = parse(address);
          const t: FakeTable = {
            name: 'Table' + (fake.tables.length + 1),
            sheet: name,
            row: p.row,
            col: p.col,
            rows: p.rows,
            cols: p.cols,
          };
          fake.tables.push(t);
          return tableObject(ctx, t);
        },
      },
    });
    return w;
  }

  /** A collection whose `items` are the ones of the last sync after `load('items…')`. */
  function collection<T>(ctx: Ctx, list: () => T[], extra: object) {
    let items: T[] | null = null;
    const c = loadable(
      ctx,
      {
        get items(): T[] {
          if (items === null) throw new Error('PropertyNotLoaded: items');
          return items;
        },
        ...extra,
      },
      (what) => {
        items = list();
        // `items/name` loads the name of every item too.
        for (const p of what) {
          const [head, sub] = p.split('/');
          if (head === 'items' && sub !== undefined)
            for (const it of items) (it as { load(w: string): void }).load(sub);
        }
        // Those loads land in this same sync.
        for (const f of ctx.pending.splice(0)) f();
      },
    );
    return c;
  }

  function context() {
    const ctx: Ctx = { pending: [], syncs: 0 };
    const events = () => ({
      add(h: (e: unknown) => unknown) {
        fake.handlers.push(h);
        // Like Office: remove() takes effect at the next sync of the handler's context.
        return {
          context: {
            sync: async () => {
              fake.syncs++;
            },
          },
          remove() {
            const i = fake.handlers.indexOf(h);
            if (i >= 0) fake.handlers.splice(i, 1);
          },
        };
      },
    });
    const tables = collection(ctx, () => fake.tables.map((t) => tableObject(ctx, t)), {
      onChanged: events(),
      onAdded: events(),
      onDeleted: events(),
      getItemOrNullObject(n: string) {
        const t = fake.tables.find((x) => x.name === n);
        return t ? found(ctx, tableObject(ctx, t)) : nullObject(ctx);
      },
    });
    const worksheets = collection(
      ctx,
      () => Object.keys(fake.sheets).map((n) => worksheet(ctx, n)),
      {
        getItem(n: string) {
          if (!fake.sheets[n]) throw new Error('ItemNotFound: ' + n);
          return worksheet(ctx, n);
        },
        getItemOrNullObject(n: string) {
          return fake.sheets[n] ? found(ctx, worksheet(ctx, n)) : nullObject(ctx);
        },
        add(n: string) {
          sheetData(n);
          return worksheet(ctx, n);
        },
      },
    );
    return {
      workbook: { tables, worksheets },
      runtime: {
        set enableEvents(v: boolean) {
          fake.enableEvents = v;
          fake.events.push(v);
        },
      },
      async sync() {
        fake.syncs++;
        ctx.syncs++;
        for (const f of ctx.pending.splice(0)) f();
      },
    };
  }

  const run = async <T>(batch: (context: never) => Promise<T>): Promise<T> => {
    fake.runs++;
    return batch(context() as never);
  };
  target.Excel = { run };

  const info = { host: 'Excel', platform: 'OfficeOnline' };
  target.Office = {
    context: {
      displayLanguage: options.displayLanguage,
      requirements: { isSetSupported: () => true },
    },
    actions: {
      associate(name: string, fn: (event: unknown) => unknown) {
        fake.actions[name] = fn;
      },
    },
    addin: {
      async showAsTaskpane() {
        fake.shown++;
      },
    },
    onReady(callback?: (i: typeof info) => void) {
      return new Promise((resolve) =>
        setTimeout(() => {
          if (callback) callback(info);
          resolve(info);
        }, 0),
      );
    },
  };

  return {
    state: fake,
    run,
    replaceTables(tables) {
      load(tables);
      fireChanged();
    },
  };
}
