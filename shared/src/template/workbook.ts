/**
 * The contents of a new, empty plan workbook: every contract table with its
 * header captions in the chosen language, per-year columns for the plan
 * years, and `tblPlanInfo` prefilled with its keys.
 */
import type { EnumValue, Language, WorkbookKind } from '../contract/enums';
import { LANGUAGES, UNITS, WORKBOOK_KINDS } from '../contract/enums';
import type { TableName, TableSpec } from '../contract/tables';
import { PLAN_INFO_KEYS, TABLES } from '../contract/tables';
import type { RawCell, RawTable, RawWorkbook } from '../read/raw';

/** What a new workbook is for. */
export interface TemplateOptions {
  /** Language of captions, enum values, sheet names and the guide. */
  lang: Language;
  /** First Jalali year of the plan (default 1405, the first year of the next plan). */
  startYear?: number;
  /** Number of plan years (default 5, the five-year plan). */
  years?: number;
  /** Kind of workbook (default `city`: the whole plan in one workbook). */
  kind?: WorkbookKind;
  /** Criterion IDs, for the projects' score columns and the pairwise matrix (default none). */
  criteria?: readonly string[];
  /** Tables to include (default all contract tables). */
  tables?: readonly TableName[];
}

/** The first year of the plan when none is given: the plan that starts in 1405. */
export const DEFAULT_START_YEAR = 1405;
/** Plan length when none is given (the five-year plan). */
export const DEFAULT_YEARS = 5;

/**
 * Where the per-year columns go in each table, as the contract lists the
 * columns (plan-workbook.md, "Tables"): after this column.
 */
export const YEAR_COLUMNS_AFTER: Partial<Record<TableName, string>> = {
  tblProjects: 'EndYear',
  tblActivities: 'Kind',
  tblKpis: 'BaselineYear',
};

/** The plan years from a start year and a count. */
export function planYears(startYear: number, years: number): number[] {
  return Array.from({ length: years }, (_, k) => startYear + k);
}

/** The caption of a column key in a language (`fa` → Persian caption, `en` → English caption). */
export function captionOf(spec: TableSpec, key: string, lang: Language): string {
  const column = spec.columns.find((c) => c.key === key);
  if (!column) return key;
  return lang === 'fa' ? column.fa : column.en;
}

/**
 * The column keys of a contract table in workbook order: fixed columns,
 * year columns (`1405`, …) where the contract puts them, then one column per
 * criterion for projects and the pairwise matrix.
 */
export function columnKeysOf(
  spec: TableSpec,
  years: readonly number[],
  criteria: readonly string[] = [],
): string[] {
  const keys: string[] = [];
  const after = YEAR_COLUMNS_AFTER[spec.name];
  const yearKeys = spec.yearColumns ? years.map(String) : [];
  for (const column of spec.columns) {
    keys.push(column.key);
    if (column.key === after) keys.push(...yearKeys);
  }
  if (spec.yearColumns && after === undefined) keys.push(...yearKeys);
  if (spec.criterionColumns || spec.name === 'tblCriteriaPairwise') keys.push(...criteria);
  return keys;
}

/**
 * The header of a contract table in a language: fixed columns as captions
 * (`fa` Persian, `en` English), year and criterion columns by their names.
 */
export function headerOf(
  spec: TableSpec,
  lang: Language,
  years: readonly number[],
  criteria: readonly string[] = [],
): string[] {
  return columnKeysOf(spec, years, criteria).map((key) => captionOf(spec, key, lang));
}

/** An enum value as shown in a language: the Persian caption for fa, the stable value for en. */
export function enumText(values: readonly EnumValue[], value: string, lang: Language): string {
  const found = values.find((v) => v.value === value);
  if (!found) return value;
  return lang === 'fa' ? found.fa : found.value;
}

function planInfoRows(
  options: Required<Omit<TemplateOptions, 'criteria' | 'tables'>>,
): RawCell[][] {
  const { lang, startYear, years, kind } = options;
  const value: Record<string, RawCell> = {
    City: null,
    Municipality: null,
    PlanTitle: null,
    StartYear: startYear,
    Years: years,
    // The base year is the last actual year; the reader takes years from 1300 (read/cells.ts).
    BaseYear: startYear > 1300 ? startYear - 1 : null,
    Unit: enumText(UNITS, 'Rial', lang),
    Department: null,
    WorkbookKind: enumText(WORKBOOK_KINDS, kind, lang),
    Language: enumText(LANGUAGES, lang, lang),
  };
  // Keys are shown as Persian captions in a Persian workbook and as the stable keys in an
  // English one; the reader accepts either.
  return PLAN_INFO_KEYS.map((k) => [lang === 'fa' ? k.fa : k.key, value[k.key] ?? null]);
}

/**
 * A new, empty plan workbook as raw tables (no sheet or address yet; see
 * `placeTables`). Every contract table is there with its header; only
 * `tblPlanInfo` has rows.
 */
export function templateWorkbook(options: TemplateOptions): RawWorkbook {
  const startYear = options.startYear ?? DEFAULT_START_YEAR;
  const count = options.years ?? DEFAULT_YEARS;
  const kind = options.kind ?? 'city';
  const years = planYears(startYear, count);
  const wanted = options.tables ? new Set<string>(options.tables) : null;
  const tables: RawTable[] = TABLES.filter((spec) => !wanted || wanted.has(spec.name)).map(
    (spec) => ({
      name: spec.name,
      header: headerOf(spec, options.lang, years, options.criteria ?? []),
      rows:
        spec.name === 'tblPlanInfo'
          ? planInfoRows({ lang: options.lang, startYear, years: count, kind })
          : [],
    }),
  );
  return { tables };
}
