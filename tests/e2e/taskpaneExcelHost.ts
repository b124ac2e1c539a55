/**
 * A fake Excel host for the pane's browser test: the script served in place of Microsoft's
 * CDN office.js. It holds an in-memory workbook (sheets as cell grids, tables placed on them)
 * loaded from raw tables, and answers the Office.js calls the pane's adapter makes: listing
 * and sizing tables, reading ranges by index, adding sheets and tables, writing values,
 * formulas, formats and validation, selecting a cell, table-changed events and
 * `runtime.enableEvents`. What the pane did is recorded on `window.__fakeExcel` (selections,
 * syncs, event switches) for the test to read.
 */
import type { RawTable } from '#core';

/** The fake office.js source for a workbook holding `tables`. */
export function fakeExcelJs(tables: RawTable[], displayLanguage = 'fa-IR'): string {
  return `(() => {
  'use strict';
  const INITIAL = ${JSON.stringify(tables)};
  const fake = (window.__fakeExcel = {
    sheets: {}, tables: [], selections: [], activated: [], syncs: 0, runs: 0,
    events: [], handlers: [], functions: {},
  });
  window.CustomFunctions = {
    associate(id, fn) { if (typeof id === 'object') Object.assign(fake.functions, id); else fake.functions[id] = fn; },
    Error: class { constructor(code, message) { this.code = code; this.message = message; } },
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!' },
  };

  const letters = (s) => { let n = 0; for (const ch of s.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64; return n; };
  const colName = (n) => { let s = ''; while (n > 0) { const r = (n - 1) % 26; s = String.fromCharCode(65 + r) + s; n = Math.floor((n - 1) / 26); } return s; };
  // 'A2:C9' or 'B3' → zero-based { row, col, rows, cols }; whole columns 'C:C' span 1000 rows.
  function parse(address) {
    const local = address.slice(address.lastIndexOf('!') + 1).replace(/\\$/g, '');
    const whole = /^([A-Z]+):([A-Z]+)$/.exec(local);
    if (whole) return { row: 0, col: letters(whole[1]) - 1, rows: 1000, cols: letters(whole[2]) - letters(whole[1]) + 1 };
    const [a, b] = local.split(':');
    const m1 = /^([A-Z]+)(\\d+)$/.exec(a);
    const m2 = /^([A-Z]+)(\\d+)$/.exec(b || a);
    if (!m1 || !m2) throw new Error('InvalidArgument: address ' + address);
    const row = Number(m1[2]) - 1, col = letters(m1[1]) - 1;
    return { row, col, rows: Number(m2[2]) - row, cols: letters(m2[1]) - col };
  }
  const a1 = (p) => colName(p.col + 1) + (p.row + 1) + (p.rows * p.cols > 1 ? ':' + colName(p.col + p.cols) + (p.row + p.rows) : '');

  function sheetData(name) {
    if (!fake.sheets[name]) fake.sheets[name] = { name, cells: {}, formats: {}, validation: {}, visibility: 'Visible', frozen: 0 };
    return fake.sheets[name];
  }
  const get = (s, r, c) => { const v = s.cells[r + ',' + c]; return v === undefined ? '' : v; };
  const set = (s, r, c, v) => { s.cells[r + ',' + c] = v; };

  // The initial workbook: each raw table written at its address on its sheet.
  for (const t of INITIAL) {
    const s = sheetData(t.sheet || t.name);
    const p = parse(t.address || 'A1');
    [t.header, ...t.rows].forEach((row, i) => row.forEach((v, j) => set(s, p.row + i, p.col + j, v === null ? '' : v)));
    fake.tables.push({ name: t.name, sheet: s.name, row: p.row, col: p.col, rows: t.rows.length + 1, cols: t.header.length });
  }

  function fireChanged() {
    for (const h of fake.handlers) Promise.resolve().then(() => h({ type: 'TableChanged' }));
  }

  function range(sheetName, p) {
    const s = sheetData(sheetName);
    const grid = () => Array.from({ length: p.rows }, (_, i) => Array.from({ length: p.cols }, (_, j) => get(s, p.row + i, p.col + j)));
    const write = (v) => {
      v.forEach((row, i) => row.forEach((x, j) => set(s, p.row + i, p.col + j, x)));
      if (fake.enableEvents !== false && fake.tables.some((t) => t.sheet === sheetName)) fireChanged();
    };
    return {
      load() { return this; },
      get values() { return grid(); },
      set values(v) { write(v); },
      get formulas() { return grid(); },
      set formulas(v) { write(v); },
      set numberFormat(v) { s.formats[a1(p)] = v[0] && v[0][0]; },
      get address() { return "'" + sheetName + "'!" + a1(p); },
      get rowCount() { return p.rows; },
      get columnCount() { return p.cols; },
      get rowIndex() { return p.row; },
      get columnIndex() { return p.col; },
      format: { font: {}, columnWidth: 0, wrapText: false },
      dataValidation: { set rule(r) { s.validation[a1(p)] = r; } },
      clear() { for (let i = 0; i < p.rows; i++) for (let j = 0; j < p.cols; j++) delete s.cells[(p.row + i) + ',' + (p.col + j)]; },
      select() { fake.selections.push({ sheet: sheetName, cell: a1(p) }); },
    };
  }

  function tableObject(t) {
    return {
      get name() { return t.name; },
      set name(n) { t.name = n; },
      worksheet: worksheet(t.sheet),
      getRange: () => range(t.sheet, { row: t.row, col: t.col, rows: t.rows, cols: t.cols }),
      delete() { fake.tables.splice(fake.tables.indexOf(t), 1); },
      isNullObject: false,
      load() { return this; },
    };
  }

  function worksheet(name) {
    return {
      get name() { return name; },
      isNullObject: false,
      load() { return this; },
      getRange: (address) => range(name, parse(address)),
      getRangeByIndexes: (row, col, rows, cols) => range(name, { row, col, rows, cols }),
      activate() { fake.activated.push(name); },
      freezePanes: { freezeRows(n) { sheetData(name).frozen = n; } },
      set visibility(v) { sheetData(name).visibility = v; },
      tables: {
        add(address) {
          const p = parse(address);
          const t = { name: 'Table' + (fake.tables.length + 1), sheet: name, row: p.row, col: p.col, rows: p.rows, cols: p.cols };
          fake.tables.push(t);
          return tableObject(t);
        },
      },
    };
  }

  const nullObject = { isNullObject: true, load() { return this; } };
  function context() {
    const events = () => ({ add(h) { fake.handlers.push(h); return { context: { sync: async () => { fake.syncs++; } }, remove() { fake.handlers.splice(fake.handlers.indexOf(h), 1); } }; } });
    const tables = {
      onChanged: events(), onAdded: events(), onDeleted: events(),
      load() { return this; },
      get items() { return fake.tables.map(tableObject); },
      getItemOrNullObject(n) { const t = fake.tables.find((x) => x.name === n); return t ? tableObject(t) : nullObject; },
    };
    const worksheets = {
      load() { return this; },
      get items() { return Object.keys(fake.sheets).map(worksheet); },
      getItem(n) { if (!fake.sheets[n]) throw new Error('ItemNotFound: ' + n); return worksheet(n); },
      getItemOrNullObject(n) { return fake.sheets[n] ? worksheet(n) : nullObject; },
      add(n) { sheetData(n); return worksheet(n); },
    };
    return {
      workbook: { tables, worksheets },
      runtime: { set enableEvents(v) { fake.enableEvents = v; fake.events.push(v); } },
      async sync() { fake.syncs++; },
    };
  }

  window.Excel = { run: async (batch) => { fake.runs++; return batch(context()); } };
  window.Office = {
    context: { displayLanguage: ${JSON.stringify(displayLanguage)} },
    onReady(cb) { const info = { host: 'Excel', platform: 'OfficeOnline' }; setTimeout(() => cb && cb(info)); return Promise.resolve(info); },
  };
})();`;
}
