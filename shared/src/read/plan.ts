/**
 * The reader: turns raw tables (header + rows) into a typed plan. Headers may
 * be column keys or Persian/English captions (case-, space- and ZWNJ-
 * insensitive); per-year columns are named by the Jalali year; projects carry
 * one score column per criterion; anything else is kept as an extra column.
 * Problems become located findings; nothing throws on bad input.
 */
import type { ColumnSpec, RowFields, TableName, TableSpec } from '../contract/tables';
import { PLAN_INFO_KEYS, TABLES, findTableSpec } from '../contract/tables';
import { LANGUAGES, UNITS, WORKBOOK_KINDS } from '../contract/enums';
import type { Language, Unit, WorkbookKind } from '../contract/enums';
import type { Finding, FindingLocation, Severity } from '../findings';
import { a1, makeFinding, parseA1 } from '../findings';
import type { UnitScale } from '../money';
import { emptyRecord } from '../util/json';
import { ltr, matchKey } from '../util/text';
import type { RawCell, RawTable, RawWorkbook } from './raw';
import { contractNameOf } from './raw';
import { CELL_TOO_LONG_MESSAGE, isTooLong } from './cells';
import { cellText, isBlank, readCell, readEnum, readMoney, readNumber, readYear } from './cells';

/** Per-table extras beyond the fixed contract columns. */
export type RowExtras<N extends TableName> = N extends 'tblProjects'
  ? { costs: Map<number, bigint>; scores: Map<string, number | null> }
  : N extends 'tblActivities'
    ? { costs: Map<number, bigint> }
    : N extends 'tblKpis'
      ? { targets: Map<number, number | null> }
      : N extends 'tblCriteriaPairwise'
        ? { comparisons: Map<string, number | null> }
        : unknown;

/** One typed row of table `N`. */
export type Row<N extends TableName> = RowFields<N> &
  RowExtras<N> & {
    /** Row number on its sheet (1-based), for locating findings. */
    row: number;
    /** Columns the contract does not know, by header text (kept, never dropped). */
    extra: Record<string, RawCell>;
  };

/** A table read from a workbook. */
export interface Table<N extends TableName = TableName> {
  readonly name: N;
  readonly spec: TableSpec;
  readonly sheet: string;
  /** Sheet row of the header (1-based). */
  readonly headerRow: number;
  /** Sheet column of the first table column (1-based). */
  readonly firstColumn: number;
  /** True when the table is reference data (from the register), not this workbook's own. */
  readonly reference: boolean;
  /** Sheet column (1-based) of each column present: contract keys, years (as text) and criterion IDs. */
  readonly columns: ReadonlyMap<string, number>;
  /** Plan years that have a column. */
  readonly years: readonly number[];
  /** Criterion IDs that have a score column (projects) or a comparison column (pairwise). */
  readonly criteria: readonly string[];
  /** Header text of the extra columns, in order. */
  readonly extraHeaders: readonly string[];
  readonly rows: Row<N>[];
}

/** The workbook's `tblPlanInfo`, typed. */
export interface PlanInfo {
  City: string;
  Municipality: string;
  PlanTitle: string;
  StartYear: number | null;
  Years: number;
  BaseYear: number | null;
  Unit: Unit;
  Department: string;
  WorkbookKind: WorkbookKind | null;
  Language: Language;
  /**
   * The revenue scenario the plan is balanced against (v2), as typed; `''` when not given
   * (the capital budget then uses `base`: `chooseScenario` in fiscal/).
   */
  Scenario: string;
  /** v2: cash carried in at the start of the period, in Rials (scaled by `Unit`); 0 when not given. */
  OpeningBalance: bigint;
  /** v2: the yearly escalation of a moved project's cost (0.25 = 25 %); null when not given. */
  CostEscalation: number | null;
  /** v2: the budget circular whose code list the workbook follows, as typed. */
  Circular: string;
  /** The plan's vision statement (documents: the plan book), as typed. */
  Vision: string;
  /** Who signs the council bill (the mayor, by name), as typed. */
  Signatory: string;
  /** The signatory's title (`شهردار` when not given), as typed. */
  SignatoryTitle: string;
  /** Any other keys, kept. */
  extra: Record<string, string>;
}

/** The contract tables a plan holds, by name. */
export type PlanTables = { [N in TableName]?: Table<N> };

/** A workbook read as a plan. */
export interface Plan {
  readonly info: PlanInfo;
  /** Plan years (StartYear … StartYear + Years − 1). Empty when StartYear is unknown. */
  readonly years: readonly number[];
  /** The workbook's own tables. */
  readonly tables: PlanTables;
  /** Reference tables (register data or `--reference` workbook) for resolving IDs. */
  readonly reference: PlanTables;
}

/** The plan, and what reading it found. */
export interface ReadResult {
  plan: Plan;
  findings: Finding[];
}

export interface ReadOptions {
  /** A second workbook whose tables serve as reference data (e.g. the city framework). */
  reference?: RawWorkbook;
}

const UNIT_SCALE: Record<Unit, UnitScale> = { Rial: 0, 'Thousand Rials': 3, 'Million Rials': 6 };

/** How many years a plan has when `Years` is not given (the five-year plan). */
export const DEFAULT_PLAN_YEARS = 5;

/** Header keys longer than this are not matched (a hostile header cannot cost more). */
const MAX_HEADER_LENGTH = 256;

interface Located {
  sheet: string;
  headerRow: number;
  firstColumn: number;
}

function locate(raw: RawTable): Located {
  const origin = (raw.address && parseA1(raw.address)) || { row: 1, column: 1 };
  return { sheet: raw.sheet ?? raw.name, headerRow: origin.row, firstColumn: origin.column };
}

class Findings {
  readonly list: Finding[] = [];
  add(
    severity: Severity,
    code: string,
    where: Parameters<typeof makeFinding>[2],
    fa: string,
    en: string,
  ): void {
    this.list.push(makeFinding(severity, code, where, { fa, en }));
  }
}

const headerIndexCache = new WeakMap<TableSpec, Map<string, ColumnSpec>>();

function headerIndex(spec: TableSpec): Map<string, ColumnSpec> {
  let index = headerIndexCache.get(spec);
  if (!index) {
    index = new Map();
    for (const c of spec.columns) {
      index.set(matchKey(c.key), c);
      index.set(matchKey(c.fa), c);
      index.set(matchKey(c.en), c);
    }
    headerIndexCache.set(spec, index);
  }
  return index;
}

function readPlanInfo(raw: RawTable | undefined, f: Findings): PlanInfo {
  const info: PlanInfo = {
    City: '',
    Municipality: '',
    PlanTitle: '',
    StartYear: null,
    Years: DEFAULT_PLAN_YEARS,
    BaseYear: null,
    Unit: 'Rial',
    Department: '',
    WorkbookKind: null,
    Language: 'fa',
    Scenario: '',
    OpeningBalance: 0n,
    CostEscalation: null,
    Circular: '',
    Vision: '',
    Signatory: '',
    SignatoryTitle: '',
    extra: emptyRecord<string>(),
  };
  if (!raw) return info;
  // The opening balance is money: scaled by Unit, which may come on a later row.
  let opening: { value: RawCell | undefined; where: FindingLocation } | null = null;
  const loc = locate(raw);
  const keyIdx = findHeader(raw, 'Key');
  const valIdx = findHeader(raw, 'Value');
  if (keyIdx < 0 || valIdx < 0) return info; // reported as a missing column by readTable
  const known = new Map<string, string>();
  for (const k of PLAN_INFO_KEYS) {
    known.set(matchKey(k.key), k.key);
    known.set(matchKey(k.fa), k.key);
    known.set(matchKey(k.en), k.key);
  }
  raw.rows.forEach((cells, i) => {
    const keyText = cellText(cells[keyIdx]);
    if (!keyText) return;
    const key = known.get(matchKey(keyText));
    const value = cells[valIdx];
    const where = {
      table: 'tblPlanInfo',
      sheet: loc.sheet,
      row: loc.headerRow + 1 + i,
      column: 'Value',
      cell: a1(loc.headerRow + 1 + i, loc.firstColumn + valIdx),
    };
    const bad = (fa: string, en: string) => f.add('error', 'PLAN_INFO_INVALID', where, fa, en);
    switch (key) {
      case 'StartYear':
      case 'BaseYear': {
        const y = readYear(value);
        if (y.ok) info[key] = y.value;
        else bad(y.problem.message.fa, y.problem.message.en);
        break;
      }
      case 'Years': {
        const n = readNumber(value);
        if (n.ok && n.value !== null && Number.isInteger(n.value) && n.value >= 1 && n.value <= 10)
          info.Years = n.value;
        else if (!(n.ok && n.value === null))
          bad(
            'تعداد سال‌های برنامه باید عددی صحیح بین ۱ و ۱۰ باشد',
            'Years must be a whole number from 1 to 10',
          );
        break;
      }
      case 'Unit':
      case 'WorkbookKind':
      case 'Language': {
        const values = key === 'Unit' ? UNITS : key === 'WorkbookKind' ? WORKBOOK_KINDS : LANGUAGES;
        const e = readEnum(value, values);
        if (!e.ok) bad(e.problem.message.fa, e.problem.message.en);
        else if (e.value !== null) (info as unknown as Record<string, string>)[key] = e.value;
        break;
      }
      case 'OpeningBalance':
        opening = { value, where };
        break;
      case 'CostEscalation': {
        const n = readNumber(value);
        if (n.ok && (n.value === null || (n.value >= 0 && n.value <= 10)))
          info.CostEscalation = n.value;
        else
          bad(
            'نرخ افزایش هزینه باید عددی میان ۰ و ۱۰ باشد (مانند ۰٫۲۵ برای ۲۵ درصد در سال)',
            'CostEscalation must be a number from 0 to 10 (such as 0.25 for 25 % a year)',
          );
        break;
      }
      case undefined:
        info.extra[keyText] = cellText(value);
        break;
      default:
        info[
          key as 'City' | 'Municipality' | 'PlanTitle' | 'Department' | 'Scenario' | 'Circular'
        ] = cellText(value);
    }
  });
  if (opening !== null) {
    const { value, where } = opening as { value: RawCell | undefined; where: FindingLocation };
    const m = readMoney(value, UNIT_SCALE[info.Unit]);
    if (m.ok) info.OpeningBalance = m.value;
    else f.add('error', 'PLAN_INFO_INVALID', where, m.problem.message.fa, m.problem.message.en);
  }
  return info;
}

function findHeader(raw: RawTable, key: string): number {
  const spec = findTableSpec(contractNameOf(raw).name);
  const col = spec?.columns.find((c) => c.key === key);
  if (!col) return -1;
  const wanted = new Set([matchKey(col.key), matchKey(col.fa), matchKey(col.en)]);
  return raw.header.findIndex((h) => {
    const text = cellText(h);
    return text.length <= MAX_HEADER_LENGTH && wanted.has(matchKey(text));
  });
}

interface TableContext {
  scale: UnitScale;
  years: readonly number[];
  criterionIds: ReadonlySet<string>;
}

type AnyRow = Record<string, unknown> & { row: number; extra: Record<string, RawCell> };

function readTable(
  raw: RawTable,
  spec: TableSpec,
  reference: boolean,
  ctx: TableContext,
  f: Findings,
): Table {
  const loc = locate(raw);
  const name = spec.name;
  const where = (column: string | null, row: number | null, colIndex: number | null) => ({
    table: raw.name,
    sheet: loc.sheet,
    row,
    column,
    cell: row !== null && colIndex !== null ? a1(row, loc.firstColumn + colIndex) : null,
  });

  const index = headerIndex(spec);
  const fixed: Array<{ spec: ColumnSpec; i: number }> = [];
  const yearCols: Array<{ year: number; i: number }> = [];
  const critCols: Array<{ id: string; i: number }> = [];
  const extraCols: Array<{ header: string; i: number }> = [];
  const columns = new Map<string, number>();
  const period = new Set(ctx.years);

  raw.header.forEach((h, i) => {
    const text = cellText(h);
    const headerRow = loc.headerRow;
    if (text === '') {
      extraCols.push({ header: `(${a1(headerRow, loc.firstColumn + i)})`, i });
      return;
    }
    if (text.length > MAX_HEADER_LENGTH) {
      f.add(
        'warning',
        'HEADER_TOO_LONG',
        where(null, headerRow, i),
        'عنوان ستون بیش از حد بلند است و نادیده گرفته شد',
        'column header is too long and was ignored',
      );
      extraCols.push({ header: `(${a1(headerRow, loc.firstColumn + i)})`, i });
      return;
    }
    const key = matchKey(text);
    const colSpec = index.get(key);
    let columnKey: string | null = null;
    if (colSpec) {
      columnKey = colSpec.key;
      fixed.push({ spec: colSpec, i });
    } else if (spec.yearColumns && /^\d{4}$/.test(key)) {
      const year = Number(key);
      columnKey = String(year);
      if (period.size > 0 && !period.has(year)) {
        f.add(
          'error',
          'YEAR_OUT_OF_PERIOD',
          where(columnKey, headerRow, i),
          `ستون سال ${text} خارج از دوره برنامه است`,
          `year column ${year} is outside the plan period`,
        );
        columnKey = null;
        extraCols.push({ header: text, i });
      } else yearCols.push({ year, i });
    } else if (
      (spec.criterionColumns || name === 'tblCriteriaPairwise') &&
      ctx.criterionIds.has(text)
    ) {
      columnKey = text;
      critCols.push({ id: text, i });
    } else {
      extraCols.push({ header: text, i });
    }
    if (columnKey !== null) {
      if (columns.has(columnKey)) {
        f.add(
          'error',
          'COLUMN_DUPLICATE',
          where(columnKey, headerRow, i),
          `ستون «${text}» دو بار آمده است`,
          `column "${text}" appears twice`,
        );
      } else columns.set(columnKey, loc.firstColumn + i);
    }
  });

  // Pairwise matrix columns are named by criterion IDs; when the criteria
  // table is not in reach, take every non-key header as a criterion.
  if (name === 'tblCriteriaPairwise' && ctx.criterionIds.size === 0) {
    for (const e of extraCols.splice(0)) {
      critCols.push({ id: e.header, i: e.i });
      columns.set(e.header, loc.firstColumn + e.i);
    }
  }

  const firstFixed = new Map<string, number>();
  for (const c of fixed) if (!firstFixed.has(c.spec.key)) firstFixed.set(c.spec.key, c.i);
  for (const c of spec.columns) {
    // A column of contract v2 may be absent from a v1 workbook: it reads as empty, silently.
    if (firstFixed.has(c.key) || c.since === 2) continue;
    // v1's column is not needed beside the v2 columns that take its place.
    if (c.replacedBy?.some((k) => firstFixed.has(k))) continue;
    const severity: Severity = c.required ? 'error' : 'warning';
    f.add(
      severity,
      c.required ? 'COLUMN_MISSING' : 'COLUMN_ABSENT',
      where(c.key, loc.headerRow, null),
      c.required
        ? `ستون الزامی «${c.fa}» (${ltr(c.key)}) در جدول نیست`
        : `ستون «${c.fa}» (${ltr(c.key)}) در جدول نیست و خالی خوانده شد`,
      c.required
        ? `required column ${c.key} ("${c.en}") is missing`
        : `column ${c.key} is absent and read as empty`,
    );
  }
  if (spec.yearColumns) {
    const present = new Set(yearCols.map((y) => y.year));
    for (const year of ctx.years) {
      if (!present.has(year))
        f.add(
          'warning',
          'YEAR_COLUMN_MISSING',
          where(String(year), loc.headerRow, null),
          `ستون سال ${year} نیست و صفر خوانده شد`,
          `year column ${year} is missing and read as 0`,
        );
    }
  }

  const rows: AnyRow[] = [];
  const width = raw.header.length;
  raw.rows.forEach((cells, r) => {
    const sheetRow = loc.headerRow + 1 + r;
    if (cells.length === 0 || cells.every((c) => isBlank(c))) return;
    if (cells.length > width && cells.slice(width).some((c) => !isBlank(c)))
      f.add(
        'warning',
        'ROW_WIDER_THAN_HEADER',
        where(null, sheetRow, width),
        'این ردیف خانه‌هایی بیرون از ستون‌های جدول دارد که خوانده نشد',
        'this row has cells beyond the table columns; they were not read',
      );
    const out: AnyRow = { row: sheetRow, extra: emptyRecord<RawCell>() };
    for (const c of spec.columns) {
      const at = firstFixed.get(c.key);
      const result = readCell(c, at === undefined ? null : cells[at], ctx.scale);
      if (result.ok) out[c.key] = result.value;
      else {
        // A missing column is reported once, above; do not repeat per row.
        if (at !== undefined)
          f.add(
            'error',
            result.problem.code,
            where(c.key, sheetRow, at),
            result.problem.message.fa,
            result.problem.message.en,
          );
        out[c.key] = readCell({ ...c, nonEmpty: false }, null, ctx.scale).ok ? emptyOf(c) : null;
      }
    }
    if (spec.yearColumns) {
      const perYear = new Map<number, unknown>();
      for (const year of ctx.years.length ? ctx.years : yearCols.map((y) => y.year))
        perYear.set(year, spec.yearColumns === 'money' ? 0n : null);
      for (const { year, i } of yearCols) {
        const colSpec: ColumnSpec =
          spec.yearColumns === 'money'
            ? {
                key: String(year),
                type: 'money',
                fa: String(year),
                en: String(year),
                required: false,
              }
            : {
                key: String(year),
                type: 'number',
                fa: String(year),
                en: String(year),
                required: false,
              };
        const result = readCell(colSpec, cells[i], ctx.scale);
        if (result.ok) perYear.set(year, result.value);
        else
          f.add(
            'error',
            result.problem.code,
            where(String(year), sheetRow, i),
            result.problem.message.fa,
            result.problem.message.en,
          );
      }
      out[spec.yearColumns === 'money' ? 'costs' : 'targets'] = perYear;
    }
    if (spec.criterionColumns || name === 'tblCriteriaPairwise') {
      const values = new Map<string, number | null>();
      for (const { id, i } of critCols) {
        const n = readNumber(cells[i]);
        if (n.ok) values.set(id, n.value);
        else {
          values.set(id, null);
          f.add(
            'error',
            n.problem.code,
            where(id, sheetRow, i),
            n.problem.message.fa,
            n.problem.message.en,
          );
        }
      }
      out[name === 'tblCriteriaPairwise' ? 'comparisons' : 'scores'] = values;
    }
    for (const { header, i } of extraCols) {
      const v = cells[i];
      if (isTooLong(v))
        f.add(
          'error',
          'CELL_TOO_LONG',
          where(header, sheetRow, i),
          CELL_TOO_LONG_MESSAGE.fa,
          CELL_TOO_LONG_MESSAGE.en,
        );
      if (v !== undefined) out.extra[header] = v;
    }
    rows.push(out);
  });

  return {
    name,
    spec,
    sheet: loc.sheet,
    headerRow: loc.headerRow,
    firstColumn: loc.firstColumn,
    reference,
    columns,
    years: yearCols.map((y) => y.year),
    criteria: critCols.map((c) => c.id),
    extraHeaders: extraCols.map((e) => e.header),
    rows: rows as unknown as Row<TableName>[],
  } as Table;
}

function emptyOf(c: ColumnSpec): unknown {
  switch (c.type) {
    case 'id':
    case 'text':
    case 'ref':
      return '';
    case 'refList':
      return [];
    case 'money':
      return 0n;
    case 'bool':
      return false;
    default:
      return null;
  }
}

function criterionIdsOf(raws: RawTable[], f: Findings): Set<string> {
  const ids = new Set<string>();
  const spec = findTableSpec('tblCriteria');
  if (!spec) return ids;
  for (const raw of raws) {
    const i = findHeader(raw, 'CriterionId');
    if (i < 0) continue;
    for (const cells of raw.rows) {
      const id = cellText(cells[i]);
      if (id) ids.add(id);
    }
  }
  void f;
  return ids;
}

/** `CELL_TOO_LONG` for every cell (header included) of a table the reader does not read. */
function tooLongCells(raw: RawTable, f: Findings): void {
  const loc = locate(raw);
  const at = (row: number, i: number, column: string | null) => ({
    table: raw.name,
    sheet: loc.sheet,
    row,
    column,
    cell: a1(row, loc.firstColumn + i),
  });
  raw.header.forEach((h, i) => {
    if (isTooLong(h))
      f.add(
        'error',
        'CELL_TOO_LONG',
        at(loc.headerRow, i, null),
        CELL_TOO_LONG_MESSAGE.fa,
        CELL_TOO_LONG_MESSAGE.en,
      );
  });
  raw.rows.forEach((cells, r) =>
    cells.forEach((c, i) => {
      if (!isTooLong(c)) return;
      const header = raw.header[i];
      const column = header === undefined || isTooLong(header) ? null : cellText(header) || null;
      f.add(
        'error',
        'CELL_TOO_LONG',
        at(loc.headerRow + 1 + r, i, column),
        CELL_TOO_LONG_MESSAGE.fa,
        CELL_TOO_LONG_MESSAGE.en,
      );
    }),
  );
}

/** `TABLE_RECOVERED`: where a table without its Excel definition was read, and how to restore it. */
function recoveredFinding(raw: RawTable, f: Findings): void {
  const loc = locate(raw);
  const range = `${a1(loc.headerRow, loc.firstColumn)}:${a1(
    loc.headerRow + Math.max(1, raw.rows.length),
    loc.firstColumn + Math.max(1, raw.header.length) - 1,
  )}`;
  f.add(
    'warning',
    'TABLE_RECOVERED',
    {
      table: raw.name,
      sheet: loc.sheet,
      row: loc.headerRow,
      cell: a1(loc.headerRow, loc.firstColumn),
    },
    `جدول ${raw.name} در فایل تعریف نشده بود (برخی برنامه‌ها در تبدیل، خانه‌ها را نگه می‌دارند و جدول‌ها را نه) و از سطر سرآیند محدوده ${range} در برگه «${loc.sheet}» تا نخستین سطر خالی خوانده شد. برای بازگرداندن جدول، این محدوده را برگزینید، با «درج › جدول» (با گزینه «جدول من سرآیند دارد») آن را جدول کنید و در «طراحی جدول › نام جدول» نام آن را ${raw.name} بگذارید.`,
    `table ${raw.name} was not defined in the file (some programs keep the cells but drop Excel tables when converting); it was read from its header row, range ${range} on sheet "${loc.sheet}", down to the first empty row. To restore it, select that range, Insert › Table (with "My table has headers"), and name it ${raw.name} under Table Design › Table Name.`,
  );
}

/**
 * Reads a workbook's tables into a plan. Unknown tables are ignored (kept by
 * writers), reference tables (`ref_…` or `reference: true`, or the tables of
 * `options.reference`) go to `plan.reference`.
 */
export function readPlan(workbook: RawWorkbook, options: ReadOptions = {}): ReadResult {
  const f = new Findings();
  const own = new Map<string, RawTable>();
  const refs = new Map<string, RawTable>();
  const sources: Array<{ raw: RawTable; fromReference: boolean }> = [
    ...workbook.tables.map((raw) => ({ raw, fromReference: false })),
    ...(options.reference?.tables ?? []).map((raw) => ({ raw, fromReference: true })),
  ];
  for (const { raw, fromReference } of sources) {
    const { name, reference } = contractNameOf(raw);
    if (!findTableSpec(name)) {
      // Tables the contract does not know are kept, not read; Excel's cell limit holds there too.
      if (!fromReference) tooLongCells(raw, f);
      continue;
    }
    if (raw.recovered && !reference && !fromReference) recoveredFinding(raw, f);
    const target = reference || fromReference ? refs : own;
    if (target.has(name)) {
      if (fromReference && !reference) continue; // the main workbook's reference copy wins
      const loc = locate(raw);
      f.add(
        'error',
        'TABLE_DUPLICATE',
        { table: raw.name, sheet: loc.sheet, cell: a1(loc.headerRow, loc.firstColumn) },
        `جدول ${raw.name} دو بار آمده است`,
        `table ${raw.name} appears twice`,
      );
      continue;
    }
    target.set(name, raw);
  }

  const infoFindings = new Findings();
  let info = readPlanInfo(own.get('tblPlanInfo'), infoFindings);
  const refInfo = refs.has('tblPlanInfo')
    ? readPlanInfo(refs.get('tblPlanInfo'), new Findings())
    : null;
  if (info.StartYear === null && refInfo) {
    info = {
      ...info,
      StartYear: refInfo.StartYear,
      Years: refInfo.Years,
      Unit: own.has('tblPlanInfo') ? info.Unit : refInfo.Unit,
    };
  }
  // The city's scenario is reference data too: a department workbook balanced against the
  // framework's revenue uses the framework's scenario unless it names its own.
  if (info.Scenario === '' && refInfo) info = { ...info, Scenario: refInfo.Scenario };
  f.list.push(...infoFindings.list);
  const years =
    info.StartYear === null
      ? []
      : Array.from({ length: info.Years }, (_, k) => (info.StartYear as number) + k);
  if (info.StartYear === null && own.size > 0) {
    const t = own.get('tblPlanInfo');
    f.add(
      'error',
      'PLAN_INFO_MISSING',
      { table: 'tblPlanInfo', sheet: t ? locate(t).sheet : null, column: 'StartYear' },
      'سال شروع برنامه (\u2066StartYear\u2069) در جدول مشخصات برنامه نیست',
      'the plan start year (StartYear) is not given in tblPlanInfo',
    );
  }

  const criteriaRaws = [own.get('tblCriteria'), refs.get('tblCriteria')].filter(
    (t): t is RawTable => t !== undefined,
  );
  const ctx: TableContext = {
    scale: UNIT_SCALE[info.Unit],
    years,
    criterionIds: criterionIdsOf(criteriaRaws, f),
  };

  // Reference data is another workbook: its amounts are in its own Unit when it says one.
  const refPlanInfo = refs.get('tblPlanInfo');
  const refCtx: TableContext =
    refPlanInfo === undefined
      ? ctx
      : { ...ctx, scale: UNIT_SCALE[readPlanInfo(refPlanInfo, new Findings()).Unit] };

  const tables: Record<string, Table> = {};
  const reference: Record<string, Table> = {};
  for (const spec of TABLES) {
    const mine = own.get(spec.name);
    if (mine) tables[spec.name] = readTable(mine, spec, false, ctx, f);
    const theirs = refs.get(spec.name);
    // Reference data is the register's, already checked there: its findings are not the user's to fix.
    if (theirs) reference[spec.name] = readTable(theirs, spec, true, refCtx, new Findings());
  }
  return {
    plan: { info, years, tables: tables as PlanTables, reference: reference as PlanTables },
    findings: f.list,
  };
}

/** The rows of a table from the workbook, or else from reference data, or empty. */
export function rowsOf<N extends TableName>(
  plan: Plan,
  name: N,
  opts: { own?: boolean } = {},
): Row<N>[] {
  const own = plan.tables[name] as Table<N> | undefined;
  if (own || opts.own) return own?.rows ?? [];
  return (plan.reference[name] as Table<N> | undefined)?.rows ?? [];
}

/** The A1 address of a column's cell in a row of a table, when the column is present. */
export function cellOf(table: Pick<Table, 'columns'>, row: number, column: string): string | null {
  const c = table.columns.get(column);
  return c === undefined ? null : a1(row, c);
}
