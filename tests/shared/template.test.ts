import fc from 'fast-check';
import type { ColumnLayout, SheetLayout, TableLayout, WorkbookLayout } from '#core';
import {
  LISTS_SHEET,
  NUMBER_FORMATS,
  PERSIAN_NUMERALS_PREFIX,
  TABLES,
  TABLE_NAMES,
  TABLE_SPECS,
  headerOf,
  layoutWorkbook,
  placeTables,
  planTemplate,
  readPlan,
  templateWorkbook,
} from '#core';

function tableOf(layout: WorkbookLayout, name: string): { sheet: SheetLayout; table: TableLayout } {
  for (const sheet of layout.sheets)
    for (const table of sheet.tables) if (table.name === name) return { sheet, table };
  throw new Error(`no table ${name}`);
}

function column(table: TableLayout, key: string): ColumnLayout {
  const c = table.columns.find((x) => x.key === key);
  if (!c) throw new Error(`no column ${key} in ${table.name}`);
  return c;
}

describe('a new plan workbook in Persian', () => {
  const layout = planTemplate({ lang: 'fa' });

  it('holds every contract table exactly once, on the sheets the contract names', () => {
    const names = layout.sheets.flatMap((s) => s.tables.map((t) => t.name));
    expect([...names].sort()).toEqual([...TABLE_NAMES].sort());
    for (const spec of TABLES) expect(tableOf(layout, spec.name).sheet.name).toBe(spec.sheet.fa);
  });

  it('puts upstream documents and their directives side by side on one sheet, each with a title above', () => {
    const sheet = layout.sheets.find((s) => s.name === 'اسناد فرادست');
    expect(sheet?.tables.map((t) => t.name)).toEqual(['tblUpstreamDocs', 'tblDirectives']);
    // tblUpstreamDocs has 6 columns (A–F); one empty column (G) keeps them apart.
    expect(sheet?.tables.map((t) => t.address)).toEqual(['A2', 'H2']);
    expect(sheet?.cells.filter((c) => c.bold).map((c) => [c.row, c.column, c.value])).toEqual([
      [1, 1, 'اسناد فرادست'],
      [1, 8, 'راهبردهای اسناد فرادست'],
    ]);
    expect(sheet?.frozenRows).toBe(2);
  });

  it('shows Persian captions, right-to-left sheets and a Persian guide first', () => {
    expect(layout.sheets.every((s) => s.rightToLeft)).toBe(true);
    expect(layout.sheets[0]?.name).toBe('راهنما');
    const projects = tableOf(layout, 'tblProjects').table;
    expect(projects.columns.slice(0, 3).map((c) => c.header)).toEqual([
      'شناسه پروژه',
      'شناسه برنامه',
      'عنوان',
    ]);
  });

  it('has one cost column per plan year, right after EndYear as the contract lists them', () => {
    const keys = tableOf(layout, 'tblProjects').table.columns.map((c) => c.key);
    const end = keys.indexOf('EndYear');
    expect(keys.slice(end + 1, end + 6)).toEqual(['1405', '1406', '1407', '1408', '1409']);
    expect(keys[end + 6]).toBe('SourceId');
  });

  it('prefills the plan information: start year 1405, five years, Rials, Persian', () => {
    const info = tableOf(layout, 'tblPlanInfo').table.rows;
    const value = (caption: string) => info.find((r) => r[0] === caption)?.[1];
    expect(value('سال شروع')).toBe(1405);
    expect(value('تعداد سال‌ها')).toBe(5);
    expect(value('سال پایه')).toBe(1404);
    expect(value('واحد پول')).toBe('ریال');
    expect(value('زبان')).toBe('فارسی');
    expect(value('نوع کارپوشه')).toBe('شهر (کل برنامه)');
  });

  it('offers pick lists of Persian captions, kept on a hidden sheet', () => {
    const kind = column(tableOf(layout, 'tblSwot').table, 'Kind').validation;
    expect(kind?.type).toBe('list');
    if (kind?.type !== 'list') return;
    expect(kind.values).toEqual(['قوت', 'ضعف', 'فرصت', 'تهدید']);
    // The source names a range on the hidden sheet that holds exactly those values.
    const lists = layout.sheets.find((s) => s.name === LISTS_SHEET);
    expect(lists?.hidden).toBe(true);
    const m = /^'_lists'!\$([A-Z]+)\$2:\$\1\$(\d+)$/.exec(kind.source);
    expect(m).not.toBeNull();
    const col = (m?.[1] ?? 'A').charCodeAt(0) - 64;
    const listed = lists?.cells
      .filter((c) => c.column === col && c.row >= 2)
      .sort((a, b) => a.row - b.row)
      .map((c) => c.value);
    expect(listed).toEqual(kind.values);
    expect(Number(m?.[2])).toBe(kind.values.length + 1);
  });

  it('formats money with thousands separators, years without, weights with two decimals, in Persian digits', () => {
    // Persian digits: each format behind Excel's Persian numerals prefix [$-3000429].
    const fa = (f: string) => `${PERSIAN_NUMERALS_PREFIX}${f}`;
    const projects = tableOf(layout, 'tblProjects').table;
    expect(column(projects, '1405').numFmt).toBe(fa(NUMBER_FORMATS.money));
    expect(column(projects, 'OpexImpact').numFmt).toBe(fa('#,##0'));
    expect(column(projects, 'StartYear').numFmt).toBe(fa('0'));
    expect(column(tableOf(layout, 'tblSwot').table, 'Weight').numFmt).toBe(fa('0.00'));
    expect(column(tableOf(layout, 'tblRevenueScenarios').table, 'GrowthRate').numFmt).toBe(
      fa('0.0%'),
    );
    // Whole sheet columns carry the format, so rows added later in Excel get it too.
    const sheet = tableOf(layout, 'tblProjects').sheet;
    const at = projects.firstColumn + projects.columns.findIndex((c) => c.key === '1405');
    expect(sheet.columnFormats).toContainEqual({ column: at, numFmt: fa('#,##0') });
  });

  it('has unique column captions in every table, as Excel requires', () => {
    for (const sheet of layout.sheets)
      for (const t of sheet.tables) {
        const headers = t.columns.map((c) => c.header);
        expect(new Set(headers).size).toBe(headers.length);
      }
  });
});

describe('a new plan workbook in English', () => {
  const layout = planTemplate({ lang: 'en', startYear: 1406, years: 3 });

  it('uses English captions, stable enum values and left-to-right sheets', () => {
    expect(layout.sheets.every((s) => !s.rightToLeft)).toBe(true);
    expect(layout.sheets[0]?.name).toBe('Guide');
    const swot = tableOf(layout, 'tblSwot').table;
    expect(swot.columns.map((c) => c.header)).toEqual([
      'Factor ID',
      'Kind',
      'Text',
      'Weight',
      'Rating',
    ]);
    const kind = column(swot, 'Kind').validation;
    expect(kind?.type === 'list' && kind.values).toEqual(['S', 'W', 'O', 'T']);
    const info = tableOf(layout, 'tblPlanInfo').table.rows;
    expect(info.find((r) => r[0] === 'StartYear')?.[1]).toBe(1406);
    expect(info.find((r) => r[0] === 'Language')?.[1]).toBe('en');
  });

  it('has one column per plan year 1406–1408 in projects, activities and KPIs', () => {
    for (const name of ['tblProjects', 'tblActivities', 'tblKpis'])
      expect(
        tableOf(layout, name)
          .table.columns.filter((c) => c.kind === 'year')
          .map((c) => c.key),
      ).toEqual(['1406', '1407', '1408']);
  });
});

describe('reading a new template as a plan', () => {
  it('gives the plan period and no finding, in either language', () => {
    for (const lang of ['fa', 'en'] as const) {
      const { plan, findings } = readPlan(placeTables(templateWorkbook({ lang }), { lang }));
      expect(findings).toEqual([]);
      expect(plan.years).toEqual([1405, 1406, 1407, 1408, 1409]);
      expect(plan.info.Language).toBe(lang);
      expect(plan.info.WorkbookKind).toBe('city');
    }
  });

  it('reads every start year and plan length as the period, with a column for each year', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1300, max: 1589 }),
        fc.integer({ min: 1, max: 10 }),
        fc.constantFrom('fa' as const, 'en' as const),
        (startYear, years, lang) => {
          const { plan, findings } = readPlan(templateWorkbook({ lang, startYear, years }));
          const expected = Array.from({ length: years }, (_, k) => startYear + k);
          expect(findings).toEqual([]);
          expect(plan.years).toEqual(expected);
          expect(plan.tables.tblProjects?.years).toEqual(expected);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('reads criterion score columns of projects when the criteria are given', () => {
    const wb = templateWorkbook({ lang: 'fa', criteria: ['C1', 'C2'] });
    const projects = wb.tables.find((t) => t.name === 'tblProjects');
    expect(projects?.header.slice(-2)).toEqual(['C1', 'C2']);
    const spec = TABLE_SPECS.find((t) => t.name === 'tblCriteriaPairwise');
    expect(spec && headerOf(spec, 'en', [], ['C1', 'C2'])).toEqual(['Criterion ID', 'C1', 'C2']);
  });
});

describe('laying out tables that already have places', () => {
  it('keeps given sheets and addresses and places new tables beside them', () => {
    const layout = layoutWorkbook(
      {
        tables: [
          {
            name: 'tblGoals',
            sheet: 'My goals',
            address: 'C5',
            header: ['GoalId', 'Title'],
            rows: [['G1', 'x']],
          },
          { name: 'tblStrategies', sheet: 'My goals', header: ['StrategyId', 'GoalId'], rows: [] },
          { name: 'myNotes', header: ['Note'], rows: [['kept']] },
        ],
      },
      { lang: 'en', guide: false },
    );
    expect(layout.sheets.map((s) => s.name)).toEqual(['My goals', 'myNotes']);
    const [goals, strategies] = layout.sheets[0]?.tables ?? [];
    expect(goals?.address).toBe('C5');
    // Goals span C–D; one empty column (E), then strategies from F, header on row 2.
    expect(strategies?.address).toBe('F2');
    // A table the contract does not know is kept, with its columns as extras.
    expect(layout.sheets[1]?.tables[0]?.columns[0]?.kind).toBe('extra');
  });
});
