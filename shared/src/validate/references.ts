/**
 * IDs and references: IDs unique within their table and usable in a list;
 * every reference resolves against the workbook's own tables plus reference
 * data; departments named by their code or name.
 */
import type { TableName } from '../contract/tables';
import { PLAN_INFO_KEYS, TABLES } from '../contract/tables';
import type { Table } from '../read/plan';
import { idSkeleton, lookAlikeLetters } from '../util/ids';
import { matchKey } from '../util/text';
import type { AnyRow, Checker, IdEntry } from './context';
import { ROW_NOUNS, idKey, rowLabel, shown, tableTitle } from './context';

// An ID longer than this is most likely a title typed into the ID column.
const MAX_ID_LENGTH = 64;
// Separators of ID lists (DependsOn, DirectiveIds): an ID holding one cannot be listed.
const LIST_SEPARATORS = /[,\u060c;\u061b]/;
// Line breaks and other control characters are invisible in a cell.
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

const planInfoKey = new Map<string, string>();
for (const k of PLAN_INFO_KEYS) {
  planInfoKey.set(matchKey(k.key), k.key);
  planInfoKey.set(matchKey(k.fa), k.key);
  planInfoKey.set(matchKey(k.en), k.key);
}

/** DUPLICATE_ID and ID_UNUSUAL over every own table with an ID column. */
export function checkIds(c: Checker): void {
  for (const spec of TABLES) {
    const table = c.own(spec.name) as Table | undefined;
    const idColumn = spec.idColumn;
    if (!table || !idColumn || !table.columns.has(idColumn)) continue;
    const noun = ROW_NOUNS[spec.name];
    const duplicate = (r: AnyRow, id: string, first: number) =>
      c.add(
        'DUPLICATE_ID',
        c.at(table, r.row, idColumn),
        `شناسه ${noun.fa} «${shown(id)}» تکراری است (نخستین بار در ردیف ${first})؛ به هر ${noun.fa} شناسه‌ای یکتا بدهید`,
        `${noun.en} ID "${shown(id)}" is used again (first in row ${first}); give each ${noun.en} its own ID`,
      );
    const repeated = new Set<unknown>();
    if (spec.name === 'tblPlanInfo') {
      // Plan information keys may be given as the key or its caption: `Unit` and `واحد پول` are one key.
      const seen = new Map<string, number>();
      for (const r of table.rows as unknown as AnyRow[]) {
        const id = r[idColumn];
        if (typeof id !== 'string' || id === '') continue;
        const key = planInfoKey.get(matchKey(id)) ?? idKey(id);
        const first = seen.get(key);
        if (first === undefined) seen.set(key, r.row);
        else {
          duplicate(r, id, first);
          repeated.add(r);
        }
      }
    } else if (spec.name === 'tblBudgetLines') {
      // v2: a budget line's ID is unique per (BudgetCode, Stage): the approved line, its
      // amendment and its supplement share the code.
      const seen = new Map<string, number>();
      for (const r of (table as Table<'tblBudgetLines'>).rows) {
        if (r.BudgetCode === '') continue;
        const key = `${idKey(r.BudgetCode)}|${r.Stage ?? 'approved'}`;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, r.row);
        else {
          duplicate(r as unknown as AnyRow, r.BudgetCode, first);
          repeated.add(r);
        }
      }
    } else
      for (const { entry, first } of c.ids(spec.name).duplicates) {
        duplicate(entry.row as unknown as AnyRow, entry.id, first.row.row);
        repeated.add(entry.row);
      }
    // Two IDs that differ yet look the same (TR39 skeleton, util/ids.ts): the second is an
    // error naming the first, as a duplicate would be. Plan-information keys are not IDs a
    // reader tells apart by eye, and their captions are compared by meaning above.
    const bySkeleton = new Map<string, { id: string; row: number }>();
    if (spec.name !== 'tblPlanInfo')
      for (const r of table.rows as unknown as AnyRow[]) {
        const id = r[idColumn];
        if (typeof id !== 'string' || id === '' || repeated.has(r)) continue;
        const skeleton = idSkeleton(id);
        const first = bySkeleton.get(skeleton);
        if (first === undefined) bySkeleton.set(skeleton, { id, row: r.row });
        else if (idKey(first.id) !== idKey(id)) {
          c.add(
            'ID_CONFUSABLE',
            c.at(table, r.row, idColumn),
            `شناسه ${noun.fa} «${shown(id)}» با «${shown(first.id)}» (ردیف ${first.row}) یکسان دیده می‌شود ولی نویسه‌هایش دیگر است؛ به هر ${noun.fa} شناسه‌ای بدهید که با چشم از دیگری جدا شود`,
            `${noun.en} ID "${shown(id)}" looks the same as "${shown(first.id)}" (row ${first.row}) but is made of other characters; give each ${noun.en} an ID that looks different`,
          );
          repeated.add(r);
        }
      }
    for (const r of table.rows as unknown as AnyRow[]) {
      const id = r[idColumn];
      if (typeof id !== 'string' || id === '' || repeated.has(r)) continue;
      const foreign = lookAlikeLetters(id);
      if (foreign.length > 0)
        c.add(
          'ID_LOOKALIKE_LETTER',
          c.at(table, r.row, idColumn),
          `شناسه ${noun.fa} «${shown(id)}» حرف «${foreign.join('، ')}» از خط سیریلیک یا یونانی دارد که لاتین دیده می‌شود؛ آن را با صفحه‌کلید لاتین دوباره بنویسید`,
          `${noun.en} ID "${shown(id)}" holds ${foreign.map((l) => `"${l}"`).join(', ')}, Cyrillic or Greek, which looks Latin; type it again on a Latin keyboard`,
        );
      const why = unusual(id);
      if (why)
        c.add(
          'ID_UNUSUAL',
          c.at(table, r.row, idColumn),
          `شناسه ${noun.fa} «${shown(id)}» ${why.fa}؛ شناسه‌ای کوتاه مانند \u2066P-014\u2069 بنویسید`,
          `${noun.en} ID "${shown(id)}" ${why.en}; use a short code such as P-014`,
        );
    }
  }
}

function unusual(id: string): { fa: string; en: string } | null {
  if (LIST_SEPARATORS.test(id))
    return {
      fa: 'جداکننده فهرست (، یا ;) دارد و در فهرست‌های شناسه نمی‌آید',
      en: 'contains a list separator (, ، ;) and cannot be named in an ID list',
    };
  if (hasControl(id))
    return {
      fa: 'نویسه نامرئی یا شکست سطر دارد',
      en: 'contains a line break or control character',
    };
  if (id.length > MAX_ID_LENGTH)
    return {
      fa: `بیش از ${MAX_ID_LENGTH} نویسه است و به عنوان می‌ماند`,
      en: `is longer than ${MAX_ID_LENGTH} characters and looks like a title`,
    };
  return null;
}

function nounsOf(tables: readonly TableName[]): { fa: string; en: string } {
  return {
    fa: tables.map((t) => ROW_NOUNS[t].fa).join(' یا '),
    en: tables.map((t) => ROW_NOUNS[t].en).join(' or '),
  };
}

/** REF_MISSING and REF_SPELLING for every reference column of every own table. */
export function checkReferences(c: Checker): void {
  for (const spec of TABLES) {
    const table = c.own(spec.name) as Table | undefined;
    if (!table) continue;
    for (const col of spec.columns) {
      if (!col.refTables || !table.columns.has(col.key)) continue;
      const targets = col.refTables;
      const reachable = targets.filter((t) => c.inReach(t));
      const unreachable = targets.filter((t) => !c.inReach(t));
      const indexes = reachable.map((t) => c.ids(t));
      const rows = table.rows as unknown as AnyRow[];
      let deferred = 0;
      const check = (r: AnyRow, id: unknown) => {
        if (typeof id !== 'string' || id === '') return;
        for (const ix of indexes) if (ix.exact.has(id)) return;
        if (indexes.length === 0) {
          deferred++;
          return;
        }
        const key = idKey(id);
        let near: IdEntry | undefined;
        for (const ix of indexes) near ??= ix.byKey.get(key);
        if (near) reportSpelling(c, table, r, col.key, id, near);
        // It may be in a table that is not here: the register checks it at consolidation.
        else if (unreachable.length > 0) deferred++;
        else reportMissing(c, table, r, col.key, id, targets, reachable);
      };
      for (const r of rows) {
        const value = r[col.key];
        if (Array.isArray(value)) for (const id of value) check(r, id);
        else check(r, value);
      }
      if (deferred > 0) c.skip('REF_MISSING', spec.name, col.key, unreachable, deferred);
    }
  }
}

function reportSpelling(
  c: Checker,
  table: Table,
  r: AnyRow,
  column: string,
  id: string,
  near: IdEntry,
): void {
  const label = rowLabel(table, r);
  c.add(
    'REF_SPELLING',
    c.at(table, r.row, column),
    `${label.fa}: «${shown(id)}» همان ${ROW_NOUNS[near.table].fa} «${shown(near.id)}» است با نگارشی دیگر (رقم فارسی، حروف بزرگ/کوچک یا فاصله)؛ آن را دقیقاً «${shown(near.id)}» بنویسید`,
    `${label.en}: "${shown(id)}" is ${ROW_NOUNS[near.table].en} "${shown(near.id)}" written differently (digits, case or spaces); write it exactly as "${shown(near.id)}"`,
  );
}

function reportMissing(
  c: Checker,
  table: Table,
  r: AnyRow,
  column: string,
  id: string,
  targets: readonly TableName[],
  searched: readonly TableName[],
): void {
  const label = rowLabel(table, r);
  const what = nounsOf(targets);
  const where = searched.map((t) => tableTitle(t));
  c.add(
    'REF_MISSING',
    c.at(table, r.row, column),
    `${label.fa}: ${what.fa} «${shown(id)}» در ${where.map((w) => w.fa).join('، ')} (این کارپوشه و داده مرجع) نیست؛ شناسه را اصلاح کنید یا «${shown(id)}» را به آن جدول بیفزایید`,
    `${label.en}: ${what.en} "${shown(id)}" is not in ${where.map((w) => w.en).join(', ')} (this workbook or reference data); correct the ID or add "${shown(id)}" there`,
  );
}

const DEPT_COLUMNS: ReadonlyArray<readonly [TableName, string]> = [
  ['tblStrategies', 'OwnerDept'],
  ['tblPrograms', 'OwnerDept'],
  ['tblProjects', 'Dept'],
  ['tblActivities', 'Dept'],
  ['tblKpis', 'OwnerDept'],
];

/**
 * DEPT_UNKNOWN: a department column names a department (by DeptId or Name)
 * that `tblDepartments` does not hold; a typo splits a department's totals.
 */
export function checkDepartments(c: Checker): void {
  const reach = c.inReach('tblDepartments');
  const known = new Set<string>();
  if (reach)
    for (const d of c.reachRows('tblDepartments')) {
      if (d.DeptId) known.add(idKey(d.DeptId));
      if (d.Name) known.add(idKey(d.Name));
    }
  const info = c.own('tblPlanInfo');
  const dept = c.plan.info.Department;
  if (info && dept !== '') {
    if (!reach) c.skip('DEPT_UNKNOWN', 'tblPlanInfo', 'Value', ['tblDepartments']);
    else if (!known.has(idKey(dept))) {
      const row = info.rows.find((r) => planInfoKey.get(matchKey(r.Key)) === 'Department');
      c.add(
        'DEPT_UNKNOWN',
        c.at(info, row?.row ?? null, 'Value'),
        `واحد «${shown(dept)}» این کارپوشه در جدول واحدها نیست؛ کد واحد را از آن جدول بنویسید`,
        `this workbook's department "${shown(dept)}" is not in tblDepartments; use a department code from that table`,
      );
    }
  }
  for (const [name, column] of DEPT_COLUMNS) {
    const table = c.own(name) as Table | undefined;
    if (!table || !table.columns.has(column)) continue;
    let deferred = 0;
    for (const r of table.rows as unknown as AnyRow[]) {
      const value = r[column];
      if (typeof value !== 'string' || value === '') continue;
      if (!reach) {
        deferred++;
        continue;
      }
      if (known.has(idKey(value))) continue;
      const label = rowLabel(table, r);
      c.add(
        'DEPT_UNKNOWN',
        c.at(table, r.row, column),
        `${label.fa}: واحد «${shown(value)}» در جدول واحدها نیست؛ کد یا نام واحد را همان‌طور که در آن جدول است بنویسید`,
        `${label.en}: department "${shown(value)}" is not in tblDepartments; write its code or name as that table has it`,
      );
    }
    if (deferred > 0) c.skip('DEPT_UNKNOWN', name, column, ['tblDepartments'], deferred);
  }
}
