/**
 * A workbook holds only the tables of its kind (contract/kinds.ts): a non-empty contract
 * table outside it is an error (`TABLE_NOT_IN_KIND`), so the register refuses the push;
 * an empty one (a department workbook started from the template) is not reported, nor is
 * reference data. A department's KPIs are micro (`KPI_LEVEL_NOT_IN_KIND`).
 */
import type { WorkbookKind } from '../contract/enums';
import { KPI_LEVELS, WORKBOOK_KINDS } from '../contract/enums';
import type { ContractTableName } from '../contract/kinds';
import { KIND_KPI_LEVELS, isContractTable, kindHoldsTable, kindsHolding } from '../contract/kinds';
import { TABLE_NAMES, findTableSpec } from '../contract/tables';
import { a1, parseA1 } from '../findings';
import { isBlank } from '../read/cells';
import type { RawWorkbook } from '../read/raw';
import { contractNameOf } from '../read/raw';
import type { Checker } from './context';

/** A table of the workbook as this rule sees it. */
export interface HeldTable {
  /** Its contract name. */
  readonly name: ContractTableName;
  readonly sheet: string;
  /** Sheet row of its first row holding a value; null when it has none. */
  readonly firstRow: number | null;
  /** Sheet column of its first column (1-based). */
  readonly firstColumn: number;
}

const read = new Set<string>(TABLE_NAMES);

/**
 * The workbook's own contract tables that the reader does not read (v2 tables before their
 * columns are in the core), so the rule sees them too.
 */
export function unreadContractTables(raw: RawWorkbook): HeldTable[] {
  const out: HeldTable[] = [];
  for (const t of raw.tables) {
    const { name, reference } = contractNameOf(t);
    if (reference || read.has(name) || !isContractTable(name)) continue;
    const origin = (t.address !== undefined && parseA1(t.address)) || { row: 1, column: 1 };
    const first = t.rows.findIndex((r) => r.some((cell) => !isBlank(cell)));
    out.push({
      name,
      sheet: t.sheet ?? t.name,
      firstRow: first < 0 ? null : origin.row + 1 + first,
      firstColumn: origin.column,
    });
  }
  return out;
}

function kindCaption(kind: WorkbookKind): { fa: string; en: string } {
  const k = WORKBOOK_KINDS.find((w) => w.value === kind);
  return { fa: k?.fa ?? kind, en: kind };
}

/** TABLE_NOT_IN_KIND, KPI_LEVEL_NOT_IN_KIND for a workbook filed as `kind`. */
export function checkTablesInKind(
  c: Checker,
  kind: WorkbookKind,
  unread: readonly HeldTable[] = [],
): void {
  const held: HeldTable[] = [
    ...Object.values(c.plan.tables).map((t) => ({
      name: t.name,
      sheet: t.sheet,
      firstRow: t.rows[0]?.row ?? null,
      firstColumn: t.firstColumn,
    })),
    ...unread,
  ];
  const mine = kindCaption(kind);
  for (const t of held) {
    if (t.firstRow === null || kindHoldsTable(kind, t.name)) continue;
    const spec = findTableSpec(t.name);
    const owners = kindsHolding(t.name).map(kindCaption);
    c.add(
      'TABLE_NOT_IN_KIND',
      { table: t.name, sheet: t.sheet, row: t.firstRow, cell: a1(t.firstRow, t.firstColumn) },
      `کارپوشه «${mine.fa}» نباید ${spec ? `${spec.fa} ` : ''}(${t.name}) داشته باشد؛ این جدول از آنِ کارپوشه ${owners.map((o) => `«${o.fa}»`).join(' یا ')} است. ردیف‌هایش را پاک کنید یا آن را در کارپوشه درست بفرستید`,
      `a ${mine.en} workbook may not hold ${t.name}: it belongs in a ${owners.map((o) => o.en).join(' or ')} workbook; delete its rows here or file them in the right workbook`,
    );
  }

  const levels = KIND_KPI_LEVELS[kind];
  const kpis = c.own('tblKpis');
  if (levels === undefined || kpis === undefined || !kindHoldsTable(kind, 'tblKpis')) return;
  for (const row of kpis.rows) {
    if (row.Level === null || levels.includes(row.Level)) continue;
    const level = KPI_LEVELS.find((l) => l.value === row.Level);
    c.add(
      'KPI_LEVEL_NOT_IN_KIND',
      c.at(kpis, row.row, 'Level'),
      `شاخص ${row.KpiId} «${level?.fa ?? row.Level}» است ولی کارپوشه «${mine.fa}» فقط شاخص‌های ${levels.map((l) => `«${KPI_LEVELS.find((x) => x.value === l)?.fa ?? l}»`).join(' و ')} دارد؛ شاخص‌های کلان اهداف و راهبردها در کارپوشه چارچوب شهر می‌آیند`,
      `KPI ${row.KpiId} is ${row.Level}, but a ${mine.en} workbook holds ${levels.join(' and ')} KPIs only; the macro KPIs of goals and strategies belong in the city framework`,
    );
  }
}
