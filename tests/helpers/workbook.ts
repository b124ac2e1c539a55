/**
 * Workbook edits the register's end-to-end tests (HTTP and CLI) make to a pulled workbook.
 */
import type { RawCell, RawTable, RawWorkbook } from '#core';
import { UNITS, captionOf, findTableSpec, getTableSpec, toPersianDigits } from '#core';

/** A new project's cost in each plan year: one billion Rials, so totals move by exactly that. */
export const NEW_PROJECT_COST = 1_000_000_000;
/** The sample cycle's plan years. */
export const PLAN_YEARS = ['1405', '1406', '1407', '1408', '1409'];

/** The index of a `tblProjects` column in a table read with Persian captions. */
export function projectColumn(t: RawTable, key: string): number {
  const i = t.header.indexOf(captionOf(getTableSpec('tblProjects'), key, 'fa'));
  if (i < 0) throw new Error(`no column ${key}`);
  return i;
}

/**
 * The workbook with one new project appended (a copy of the first, renamed `P-NEW` and
 * costing `NEW_PROJECT_COST` a year), in `programId` when given; nothing else touched.
 */
export function withNewProject(raw: RawWorkbook, programId: string | null): RawWorkbook {
  return {
    tables: raw.tables.map((t) => {
      if (t.name !== 'tblProjects') return t;
      const row: RawCell[] = [...(t.rows[0] ?? [])];
      row[projectColumn(t, 'ProjectId')] = 'P-NEW';
      row[projectColumn(t, 'Title')] = 'پل عابر پیاده تازه';
      if (programId !== null) row[projectColumn(t, 'ProgramId')] = programId;
      row[projectColumn(t, 'StartYear')] = 1405;
      row[projectColumn(t, 'EndYear')] = 1409;
      row[projectColumn(t, 'Status')] = 'proposed';
      row[projectColumn(t, 'Mandatory')] = false;
      row[projectColumn(t, 'DependsOn')] = null;
      row[projectColumn(t, 'OpexImpact')] = 0;
      for (const y of PLAN_YEARS) row[t.header.indexOf(y)] = NEW_PROJECT_COST;
      return { ...t, rows: [...t.rows, row] };
    }),
  };
}

/** Powers of ten of each `Unit` (the contract: amounts are scaled by 10^3 / 10^6 on read). */
const UNIT_POWER = { Rial: 0, 'Thousand Rials': 3, 'Million Rials': 6 } as const;
/** A unit of the contract. */
export type UnitName = keyof typeof UNIT_POWER;
/** The three units, Rial first. */
export const UNIT_NAMES = Object.keys(UNIT_POWER) as UnitName[];

/** How a workbook is written by hand: digits and captions as a person might type them. */
export interface Spelling {
  /** Persian digits and the Persian decimal separator `٫` in amounts. */
  persianDigits?: boolean;
  /** The unit in `tblPlanInfo` as its Persian caption (`میلیون ریال`) instead of the key. */
  persianUnit?: boolean;
}

/**
 * Whole Rials written in a unit, exactly: 1,234,567 Rials is `1.234567` Million Rials (the
 * reader shifts the decimal point back, so no Rial is lost whatever the unit).
 */
export function amountInUnit(rials: bigint, unit: UnitName, spelling: Spelling = {}): string {
  const power = UNIT_POWER[unit];
  const sign = rials < 0n ? '-' : '';
  const digits = (rials < 0n ? -rials : rials).toString().padStart(power + 1, '0');
  const whole = digits.slice(0, digits.length - power);
  const fraction = digits.slice(digits.length - power).replace(/0+$/, '');
  const point = spelling.persianDigits ? '\u066b' : '.';
  const text = `${sign}${whole}${fraction === '' ? '' : point + fraction}`;
  return spelling.persianDigits ? toPersianDigits(text) : text;
}

/**
 * A workbook whose header cells are column keys (a JSON pull with `lang=keys`, amounts in
 * Rials), written in another unit: `tblPlanInfo`'s `Unit` says so and every amount (money
 * columns and per-year costs of projects and activities) is that amount in the unit.
 */
export function writtenInUnit(
  raw: RawWorkbook,
  unit: UnitName,
  spelling: Spelling = {},
): RawWorkbook {
  return {
    tables: raw.tables.map((t) => {
      const spec = findTableSpec(t.name);
      if (spec === undefined) return t;
      if (t.name === 'tblPlanInfo') {
        const caption = UNITS.find((u) => u.value === unit)?.fa ?? unit;
        return {
          ...t,
          rows: t.rows.map((r) =>
            r[0] === 'Unit' ? [r[0], spelling.persianUnit ? caption : unit, ...r.slice(2)] : r,
          ),
        };
      }
      const money = t.header.map((h) => {
        const key = String(h);
        if (spec.yearColumns === 'money' && /^\d{4}$/.test(key)) return true;
        return spec.columns.some((c) => c.key === key && c.type === 'money');
      });
      return {
        ...t,
        rows: t.rows.map((r) =>
          r.map((cell, i) => {
            if (!money[i] || cell === null || cell === '') return cell;
            return amountInUnit(BigInt(String(cell)), unit, spelling);
          }),
        ),
      };
    }),
  };
}
