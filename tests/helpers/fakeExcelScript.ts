/**
 * The fake Office host (`fakeExcel.ts`) as the script a browser test serves in place of the
 * CDN's office.js: that same file compiled by swc (the compiler the tests already run on) and
 * installed on `window`, so the browser tests and the jsdom tests meet one fake of Excel.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { transformSync } from '@swc/core';
import type { RawTable } from '#core';

let compiled: string | undefined;

/** `fakeExcel.ts` as a CommonJS module body (compiled once per test file). */
function hostSource(): string {
  compiled ??= transformSync(readFileSync(path.join(__dirname, 'fakeExcel.ts'), 'utf8'), {
    filename: 'fakeExcel.ts',
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  }).code;
  return compiled;
}

/**
 * The fake office.js for a workbook holding `tables`, shown in `displayLanguage`; what the
 * add-in did is on `window.__fakeExcel` (`FakeExcelState`).
 */
export function fakeOfficeJs(tables: readonly RawTable[], displayLanguage = 'fa-IR'): string {
  return `(() => {
  'use strict';
  const exports = {};
  const module = { exports };
${hostSource()}
  exports.installFakeExcel(window, ${JSON.stringify({ tables, displayLanguage })});
})();
`;
}
