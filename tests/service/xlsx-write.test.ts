import ExcelJS from 'exceljs';
import type { RawTable } from '#core';
import {
  PERSIAN_NUMERALS_PREFIX,
  SAMPLE_PLAN_YEARS,
  TABLE_NAMES,
  placeTables,
  planTemplate,
  readPlan,
  samplePlanWorkbook,
  templateWorkbook,
} from '#core';
import { readXlsx, writeRawWorkbook, writeWorkbook } from '../../io';

const byName = (tables: readonly RawTable[]) =>
  [...tables].sort((a, b) => a.name.localeCompare(b.name));

async function reopen(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  return wb;
}

// exceljs keeps data validations on the sheet model but not in its public type.
type Validations = Record<string, { type: string; formulae: unknown[] } | undefined>;
const validationsOf = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { dataValidations: { model: Validations } }).dataValidations.model;

describe('writing a new template as a real .xlsx', () => {
  for (const lang of ['fa', 'en'] as const) {
    it(`re-reads to the template's own tables, with no finding (${lang})`, async () => {
      const bytes = await writeWorkbook(planTemplate({ lang }));
      const r = await readXlsx(bytes);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.workbook.tables.map((t) => t.name).sort()).toEqual([...TABLE_NAMES].sort());
      const expected = placeTables(templateWorkbook({ lang }), { lang });
      expect(byName(r.workbook.tables)).toEqual(byName(expected.tables));
      expect(readPlan(r.workbook).findings).toEqual([]);
    });
  }

  it('opens in Excel as a Persian workbook: right-to-left, frozen header, formats and pick lists', async () => {
    const wb = await reopen(await writeWorkbook(planTemplate({ lang: 'fa' })));
    const ws = wb.getWorksheet('پروژه‌ها');
    if (!ws) throw new Error('no projects sheet');
    expect(ws.views[0]).toMatchObject({ rightToLeft: true, state: 'frozen', ySplit: 2 });
    // Header on row 2: ProjectId in A … EndYear in G, then 1405 in H (a money column).
    expect(ws.getCell('H2').value).toBe('1405');
    // Persian digits: the money format behind Excel's Persian numerals prefix.
    expect(ws.getColumn(8).numFmt).toBe(`${PERSIAN_NUMERALS_PREFIX}#,##0`);
    expect(ws.getCell('H3').numFmt).toBe(`${PERSIAN_NUMERALS_PREFIX}#,##0`);
    // Status (N) picks from the hidden lists sheet, in Persian.
    expect(ws.getCell('N2').value).toBe('وضعیت');
    const status = validationsOf(ws)['N3'];
    expect(status?.type).toBe('list');
    const source = String(status?.formulae[0]);
    const lists = wb.getWorksheet('_lists');
    expect(lists?.state).toBe('hidden');
    const m = /^'_lists'!\$([A-Z]+)\$2:\$[A-Z]+\$(\d+)$/.exec(source);
    const col = m?.[1] ?? 'A';
    const values = Array.from(
      { length: Number(m?.[2]) - 1 },
      (_, i) => lists?.getCell(`${col}${i + 2}`).value,
    );
    expect(values).toEqual(['پیشنهادی', 'مصوب', 'در حال اجرا', 'خاتمه‌یافته', 'متوقف']);
    // The title of the table above its header.
    expect(ws.getCell('A1').value).toBe('پروژه‌های تملک دارایی سرمایه‌ای');
  });
});

describe('writing the sample plan', () => {
  it('re-reads to exactly the same raw workbook', async () => {
    const sample = samplePlanWorkbook();
    const bytes = await writeRawWorkbook(sample, { lang: 'fa', years: SAMPLE_PLAN_YEARS });
    const r = await readXlsx(bytes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(byName(r.workbook.tables)).toEqual(byName(sample.tables));
  });
});

describe('text that looks like a formula', () => {
  it('is written as text, never as a formula (no formula injection)', async () => {
    const risky = ['=1+2', '+98 21 1234', '-5', '@SUM(A1:A2)', '=HYPERLINK("http://x","y")'];
    const bytes = await writeRawWorkbook(
      {
        tables: [
          {
            name: 'tblDirectives',
            header: ['DirectiveId', 'Text'],
            rows: risky.map((t, i) => [`D${i}`, t]),
          },
        ],
      },
      { lang: 'en', guide: false },
    );
    const wb = await reopen(bytes);
    const ws = wb.getWorksheet('Upstream');
    risky.forEach((text, i) => {
      const cell = ws?.getCell(3 + i, 2);
      expect(cell?.type).toBe(ExcelJS.ValueType.String);
      expect(cell?.formula).toBeUndefined();
      expect(cell?.value).toBe(text);
    });
    const r = await readXlsx(bytes);
    expect(r.ok && r.workbook.tables[0]?.rows.map((row) => row[1])).toEqual(risky);
  });
});

describe('the cell styles of a table (one style object per distinct style, io/write.ts)', () => {
  it('prints each cell as its own place and type says, and a loose cell changes only itself', async () => {
    const column = (header: string, numFmt: string | null) => ({
      header,
      key: null,
      kind: 'extra' as const,
      numFmt,
      width: 12,
      validation: null,
    });
    const bytes = await writeWorkbook({
      lang: 'en',
      sheets: [
        {
          name: 'Styles',
          rightToLeft: false,
          hidden: false,
          frozenRows: 0,
          tables: [
            {
              name: 'tblStyles',
              address: 'A1',
              headerRow: 1,
              firstColumn: 1,
              columns: [column('Name', null), column('Amount', '#,##0')],
              rows: [
                ['a', 1],
                [2, 3],
                ['c', 'text'],
              ],
              formatRows: 3,
              title: null,
              totals: { label: 'Total', values: [null, 4] },
            },
          ],
          // On a data cell of the table: bold and wrapped, it alone.
          cells: [{ row: 4, column: 1, value: 'loose', bold: true, wrap: true }],
          columnWidths: [],
          columnFormats: [],
        },
      ],
    });
    const ws = (await reopen(bytes)).getWorksheet('Styles');
    if (!ws) throw new Error('no sheet');
    const thin = { style: 'thin', color: { argb: 'FF9E9E9E' } };
    for (let r = 1; r <= 5; r += 1)
      for (let c = 1; c <= 2; c += 1)
        expect(ws.getCell(r, c).border).toEqual({
          top: thin,
          bottom: thin,
          left: thin,
          right: thin,
        });
    // The header: bold on a fill; the totals row bold; data cells neither.
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('B1').fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFDDE7F3' } });
    expect(ws.getCell('A5').font?.bold).toBe(true);
    expect(ws.getCell('B5').font?.bold).toBe(true);
    expect(ws.getCell('A2').font?.bold).toBeFalsy();
    expect(ws.getCell('A3').font?.bold).toBeFalsy();
    expect(ws.getCell('A2').fill).not.toMatchObject({ pattern: 'solid' });
    // The loose cell on A4 is bold and wraps; A2 (text in the same column: the same style
    // before) and A3 not.
    expect(ws.getCell('A4').value).toBe('loose');
    expect(ws.getCell('A4').font?.bold).toBe(true);
    expect(ws.getCell('A4').alignment?.wrapText).toBe(true);
    expect(ws.getCell('A2').alignment?.wrapText).toBeFalsy();
    expect(ws.getCell('A3').alignment?.wrapText).toBeFalsy();
    // The amount column's format on its data cells, not on its header.
    for (const a of ['B2', 'B3', 'B4']) expect(ws.getCell(a).numFmt).toBe('#,##0');
    expect(ws.getCell('B1').numFmt).toBeUndefined();
  });
});
