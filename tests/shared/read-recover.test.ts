/**
 * Tables that lost their Excel definition (read/recover.ts), and Excel's cell limit in every
 * table (read/plan.ts): what the reader finds on raw sheet cells.
 */
import type { RawCell, RawSheet, RawTable } from '#core';
import { readPlan, recoverTables, sheetsToSearch } from '#core';

/** A sheet from rows of cells starting at A1 (null: an empty cell). */
function sheet(name: string, rows: RawCell[][]): RawSheet {
  const cells: RawSheet['cells'][number][] = [];
  rows.forEach((r, i) =>
    r.forEach((value, j) => {
      if (value !== null) cells.push({ row: i + 1, column: j + 1, value });
    }),
  );
  return { name, cells };
}

describe('finding a table by its header row on its default sheet', () => {
  // The template's layout: a title on row 1, headers on row 2, two tables side by side with
  // one empty column between (tblCriteria at A2, tblCriteriaPairwise at H2).
  const criteria = sheet('معیارها', [
    ['معیارها', null, null, null, null, null, null, 'مقایسه زوجی'],
    [
      'شناسه معیار',
      'عنوان',
      'وزن',
      'جهت',
      'کمینه مقیاس',
      'بیشینه مقیاس',
      null,
      'شناسه معیار',
      'C1',
      'C2',
    ],
    ['C1', 'هزینه', 0.4, 'هزینه', 1, 10, null, 'C1', 1, 2],
    ['C2', 'اثر', 0.6, 'فایده', 1, 10, null, 'C2', 0.5, 1],
    [null, null, null, null, null, null, null, null, null, null],
    ['یادداشت زیر جدول', 'خوانده نمی‌شود'],
  ]);

  it('finds two tables on one sheet, each down to its first empty row', () => {
    const found = recoverTables([criteria], []);
    expect(found).toEqual([
      {
        name: 'tblCriteria',
        sheet: 'معیارها',
        address: 'A2',
        header: ['شناسه معیار', 'عنوان', 'وزن', 'جهت', 'کمینه مقیاس', 'بیشینه مقیاس'],
        rows: [
          ['C1', 'هزینه', 0.4, 'هزینه', 1, 10],
          ['C2', 'اثر', 0.6, 'فایده', 1, 10],
        ],
        recovered: true,
      },
      {
        name: 'tblCriteriaPairwise',
        sheet: 'معیارها',
        address: 'H2',
        header: ['شناسه معیار', 'C1', 'C2'],
        rows: [
          ['C1', 1, 2],
          ['C2', 0.5, 1],
        ],
        recovered: true,
      },
    ]);
  });

  it('leaves a table that is present alone, and takes none of its cells', () => {
    const present: RawTable = {
      name: 'tblCriteria',
      sheet: 'معیارها',
      address: 'A2',
      header: ['شناسه معیار', 'عنوان', 'وزن', 'جهت', 'کمینه مقیاس', 'بیشینه مقیاس'],
      rows: [['C1', 'هزینه', 0.4, 'هزینه', 1, 10]],
    };
    expect(recoverTables([criteria], [present]).map((t) => `${t.name}@${t.address}`)).toEqual([
      'tblCriteriaPairwise@H2',
    ]);
    expect(sheetsToSearch(['معیارها', 'پروژه‌ها', 'Notes'], [present])).toEqual([
      'معیارها',
      'پروژه‌ها',
    ]);
  });

  it('reads English sheet names and column keys, wherever the header row is', () => {
    const goals = sheet('Goals', [
      [],
      [],
      [null, null, 'GoalId', 'Title', 'Perspective'],
      [null, null, 'G1', 'Green city', 'citizen'],
    ]);
    expect(recoverTables([goals], [])).toMatchObject([
      { name: 'tblGoals', address: 'C3', rows: [['G1', 'Green city', 'citizen']] },
    ]);
  });

  it('takes no title, no lone caption and no sheet of another name', () => {
    const notAHeader = sheet('اهداف', [['شناسه هدف'], ['G1', 'عنوان']]);
    expect(recoverTables([notAHeader], [])).toEqual([]);
    const elsewhere = sheet('Sheet1', [
      ['GoalId', 'Title'],
      ['G1', 'x'],
    ]);
    expect(recoverTables([elsewhere], [])).toEqual([]);
  });

  it('has the reader warn where the table was read and how to restore it', () => {
    const [table] = recoverTables(
      [sheet('اهداف', [[], ['شناسه هدف', 'عنوان'], ['G1', 'شهر سبز'], ['G2', 'شهر ایمن']])],
      [],
    );
    const { findings, plan } = readPlan({ tables: [table!] });
    expect(plan.tables.tblGoals?.rows.map((r) => r.GoalId)).toEqual(['G1', 'G2']);
    const [finding] = findings.filter((f) => f.code === 'TABLE_RECOVERED');
    expect(finding).toMatchObject({
      severity: 'warning',
      table: 'tblGoals',
      sheet: 'اهداف',
      row: 2,
      cell: 'A2',
    });
    expect(finding?.message.en).toContain('range A2:B4');
    expect(finding?.message.fa).toContain('A2:B4');
  });
});

describe("Excel's cell limit in every table", () => {
  const long = 'ب'.repeat(32_768);
  const ok = 'ب'.repeat(32_767);

  it('flags a long cell in a table the contract does not know, header included', () => {
    const { findings } = readPlan({
      tables: [
        {
          name: 'tblNotes',
          sheet: 'یادداشت',
          address: 'B3',
          header: ['Note', long],
          rows: [
            [ok, null],
            [long, 'x'],
          ],
        },
      ],
    });
    expect(findings.filter((f) => f.code === 'CELL_TOO_LONG')).toEqual([
      expect.objectContaining({
        severity: 'error',
        table: 'tblNotes',
        sheet: 'یادداشت',
        row: 3,
        cell: 'C3',
      }),
      expect.objectContaining({ table: 'tblNotes', row: 5, column: 'Note', cell: 'B5' }),
    ]);
  });

  it("flags a long cell in a contract table's extra column", () => {
    const { findings } = readPlan({
      tables: [
        { name: 'tblGoals', header: ['GoalId', 'Title', 'یادداشت'], rows: [['G1', 'x', long]] },
      ],
    });
    expect(findings.filter((f) => f.code === 'CELL_TOO_LONG')).toEqual([
      expect.objectContaining({ table: 'tblGoals', row: 2, column: 'یادداشت', cell: 'C2' }),
    ]);
  });
});
