/**
 * Reading the arguments Excel passes to a custom function: numbers (also typed as text with
 * Persian digits), optional arguments (Excel passes `null` for an omitted one), ranges as
 * rows × columns, blank cells (`null` or `""`), and enumerations given in English or Persian.
 * Cell reading itself is the core's (`shared/src/read/cells`).
 */
import type { Bilingual, EnumValue, RawCell } from '#core';
import { isBlank, readEnum, readNumber } from '#core';
import type { Out } from './result';
import { valueError } from './result';

/** What Excel may pass for one cell or argument. */
export type Arg = unknown;

function asCell(v: Arg): RawCell {
  if (v === undefined) return null;
  if (
    v === null ||
    typeof v === 'string' ||
    typeof v === 'number' ||
    typeof v === 'boolean' ||
    v instanceof Date
  )
    return v;
  return String(v);
}

/** True when an argument or cell is empty: omitted, `null`, `""` or blank text. */
export function isBlankArg(v: Arg): boolean {
  if (v === null || v === undefined || v === '') return true;
  if (typeof v !== 'string') return false;
  // Text starting with a visible ASCII character is not blank; anything else (spaces,
  // zero-width or bidi marks) goes through the core's definition.
  const c = v.charCodeAt(0);
  return c > 0x20 && c < 0x7f ? false : isBlank(v);
}

function argError(name: Bilingual, fa: string, en: string) {
  return valueError(`${name.fa}: ${fa}`, `${name.en}: ${en}`);
}

/** A number argument; text with Persian digits or a `%` is read as a number too. */
export function numberArg(v: Arg, name: Bilingual): Out<number> {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'boolean') return argError(name, 'باید عدد باشد', 'must be a number');
  const r = readNumber(asCell(v));
  if (!r.ok) return argError(name, r.problem.message.fa, r.problem.message.en);
  if (r.value === null) return argError(name, 'خالی است', 'is empty');
  return r.value;
}

/** An optional number argument: `undefined` when omitted or blank. */
export function optionalNumberArg(v: Arg, name: Bilingual): Out<number | undefined> {
  return isBlankArg(v) ? undefined : numberArg(v, name);
}

/** A whole number within [min, max]. */
export function integerArg(v: Arg, name: Bilingual, min: number, max: number): Out<number> {
  const n = numberArg(v, name);
  if (typeof n !== 'number') return n;
  if (!Number.isInteger(n) || n < min || n > max)
    return argError(
      name,
      `باید عددی صحیح از ${min} تا ${max} باشد`,
      `must be a whole number from ${min} to ${max}`,
    );
  return n;
}

/** An enumerated argument (English value or Persian/English caption); `undefined` when blank. */
export function enumArg<V extends string>(
  v: Arg,
  values: ReadonlyArray<EnumValue & { readonly value: V }>,
  name: Bilingual,
): Out<V | undefined> {
  const r = readEnum(asCell(v), values);
  if (!r.ok) return argError(name, r.problem.message.fa, r.problem.message.en);
  return (r.value ?? undefined) as V | undefined;
}

/** A range argument as rows of cells; a single value counts as a 1×1 range. */
export function rangeArg(v: Arg): Arg[][] {
  if (!Array.isArray(v)) return [[v]];
  // What Excel passes is already rows of cells: used as it is, without a copy.
  for (let i = 0; i < v.length; i++)
    if (!Array.isArray(v[i])) return v.map((row: Arg) => (Array.isArray(row) ? row : [row]));
  return v as Arg[][];
}

/** The numbers of a range, row by row; blank cells are `null`, anything else must be a number. */
export function numberGrid(v: Arg, name: Bilingual): Out<Array<Array<number | null>>> {
  const rows = rangeArg(v);
  const out: Array<Array<number | null>> = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const cells: Array<number | null> = [];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (typeof cell === 'number' && Number.isFinite(cell)) {
        cells.push(cell);
        continue;
      }
      if (isBlankArg(cell)) {
        cells.push(null);
        continue;
      }
      const n = typeof cell === 'boolean' ? null : readNumber(asCell(cell));
      if (!n || !n.ok || n.value === null)
        return argError(
          name,
          `خانه ${r + 1}×${c + 1} عدد نیست`,
          `cell ${r + 1}×${c + 1} is not a number`,
        );
      cells.push(n.value);
    }
    out.push(cells);
  }
  return out;
}

/**
 * A one-row or one-column range as a list of numbers, blanks dropped at the ends only (a
 * column selected past its last value); a blank in the middle is an error, since a missing
 * year or score would silently shift the rest.
 */
export function numberList(v: Arg, name: Bilingual): Out<number[]> {
  const grid = numberGrid(v, name);
  return Array.isArray(grid) ? listOfGrid(grid, name) : grid;
}

/** `numberList` of a range already read by `numberGrid`. */
export function listOfGrid(grid: Array<Array<number | null>>, name: Bilingual): Out<number[]> {
  const width = grid[0]?.length ?? 0;
  if (grid.length > 1 && width > 1)
    return argError(name, 'باید یک سطر یا یک ستون باشد', 'must be one row or one column');
  const flat = grid.length > 1 ? grid.map((row) => row[0] ?? null) : (grid[0] ?? []);
  let first = 0;
  let last = flat.length - 1;
  while (first <= last && flat[first] === null) first++;
  while (last >= first && flat[last] === null) last--;
  const out: number[] = [];
  for (let i = first; i <= last; i++) {
    const x = flat[i];
    if (x === null || x === undefined)
      return argError(name, `خانه ${i + 1} خالی است`, `cell ${i + 1} is empty`);
    out.push(x);
  }
  return out;
}

/** A one-row or one-column range of text (enumerations, IDs), blanks as `""`. */
export function textList(v: Arg): string[] {
  // One row of text, the common case, is used as it is.
  if (Array.isArray(v) && v.length === 1 && Array.isArray(v[0])) {
    const row = v[0] as unknown[];
    let allText = true;
    for (let i = 0; i < row.length; i++)
      if (typeof row[i] !== 'string') {
        allText = false;
        break;
      }
    if (allText) return row as string[];
  }
  const rows = rangeArg(v);
  const flat = rows.length > 1 ? rows.map((row) => row[0]) : (rows[0] ?? []);
  return flat.map((x) => (isBlankArg(x) ? '' : String(x)));
}

/** True when a cell holds text that is not a number: a label such as a criterion ID or "Year". */
export function isLabel(v: Arg): boolean {
  if (typeof v !== 'string' || isBlankArg(v)) return false;
  const r = readNumber(v);
  return !(r.ok && r.value !== null);
}

/**
 * A range without its leading column and/or row of labels (a table's ID column, its header),
 * so that a whole table can be selected. A column is left out when every cell of it is a label
 * or blank and one at least is a label; the same for the first row.
 */
export function withoutLabels(rows: Arg[][]): Arg[][] {
  let out = rows;
  const firstColumn = out.map((row) => row[0]);
  if (
    out.length > 0 &&
    firstColumn.every((c) => isLabel(c) || isBlankArg(c)) &&
    firstColumn.some(isLabel)
  )
    out = out.map((row) => row.slice(1));
  const firstRow = out[0] ?? [];
  if (
    out.length > 1 &&
    firstRow.every((c) => isLabel(c) || isBlankArg(c)) &&
    firstRow.some(isLabel)
  )
    out = out.slice(1);
  return out;
}
