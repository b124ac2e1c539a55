/**
 * A fake Office host for the browser test: the script served in place of Microsoft's CDN
 * `office.js`. It records what the add-in registers (custom functions, ribbon actions),
 * answers `Office.onReady`, and gives `Excel.run` a tiny workbook whose tables are the raw
 * tables passed in, with the same load-then-sync rule as Excel (values read before
 * `context.sync()` throw).
 */
import type { RawTable } from '#core';

/** The fake office.js, as JavaScript source, for a workbook holding `tables`. */
export function fakeOfficeJs(tables: RawTable[], displayLanguage = 'en-US'): string {
  return `(() => {
  'use strict';
  const TABLES = ${JSON.stringify(tables)};
  const DISPLAY_LANGUAGE = ${JSON.stringify(displayLanguage)};
  const fake = (window.__fakeOffice = { functions: {}, actions: {}, shown: 0, syncs: 0, runs: 0 });

  class ExcelError {
    constructor(code, message) { this.code = code; this.message = message; }
  }
  window.CustomFunctions = {
    associate(id, fn) {
      if (typeof id === 'object') Object.assign(fake.functions, id);
      else fake.functions[id] = fn;
    },
    Error: ExcelError,
    ErrorCode: {
      invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!',
      invalidNumber: '#NUM!', nullReference: '#NULL!', invalidName: '#NAME?', invalidReference: '#REF!',
    },
  };

  // A loadable proxy object: its properties exist only after load() and a sync.
  function loadable(values, pending) {
    const loaded = new Set();
    const obj = {
      load(what) {
        for (const p of String(what).split(',')) pending.push(() => loaded.add(p.trim()));
        return obj;
      },
    };
    for (const key of Object.keys(values))
      Object.defineProperty(obj, key, {
        get() {
          if (!loaded.has(key)) throw new Error('PropertyNotLoaded: ' + key);
          return values[key];
        },
      });
    return obj;
  }

  function context() {
    const pending = [];
    const handlers = [];
    // Like Office: add() gives a handler result whose remove() takes effect at the next sync.
    const events = () => ({
      add(h) {
        handlers.push(h);
        return {
          context: { sync: async () => {} },
          remove() { const i = handlers.indexOf(h); if (i >= 0) handlers.splice(i, 1); },
        };
      },
    });
    const items = TABLES.map((t) => ({
      name: t.name,
      worksheet: loadable({ name: t.sheet || t.name }, pending),
      getRange: () =>
        loadable(
          {
            values: [t.header, ...t.rows].map((r) => r.map((c) => (c === null ? '' : c))),
            address: "'" + (t.sheet || t.name) + "'!" + (t.address || 'A1') + ':Z99',
          },
          pending,
        ),
    }));
    let listed = false;
    const tables = {
      onChanged: events(), onAdded: events(), onDeleted: events(),
      load() { pending.push(() => (listed = true)); },
      get items() {
        if (!listed) throw new Error('PropertyNotLoaded: items');
        return items;
      },
    };
    fake.handlers = handlers;
    return {
      workbook: { tables },
      async sync() {
        fake.syncs++;
        for (const f of pending.splice(0)) f();
      },
    };
  }
  window.Excel = {
    async run(batch) {
      fake.runs++;
      return batch(context());
    },
  };

  const info = { host: 'Excel', platform: 'OfficeOnline' };
  window.Office = {
    context: { displayLanguage: DISPLAY_LANGUAGE, requirements: { isSetSupported: () => true } },
    actions: { associate(name, fn) { fake.actions[name] = fn; } },
    addin: { async showAsTaskpane() { fake.shown++; } },
    onReady(callback) {
      return new Promise((resolve) =>
        setTimeout(() => {
          if (callback) callback(info);
          resolve(info);
        }, 0),
      );
    },
  };
})();
`;
}
