import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { readXlsx, summariseZip, toRawCell } from '../../io';

const fixtures = join(__dirname, '..', 'fixtures', 'xlsx');
const fixture = (name: string) => new Uint8Array(readFileSync(join(fixtures, name)));

/**
 * A zip archive with stored (uncompressed) entries, laid out as PKWARE's
 * APPNOTE.TXT 4.3 describes. CRCs are left 0: the reader refuses these
 * archives from their directory alone, before any entry is unpacked.
 * `declaredSize` overrides the uncompressed size the directory claims.
 */
function zipOf(entries: Array<{ name: string; data: string; declaredSize?: number }>): Uint8Array {
  const enc = new TextEncoder();
  const parts: number[] = [];
  const central: number[] = [];
  const u16 = (out: number[], v: number) => out.push(v & 0xff, (v >>> 8) & 0xff);
  const u32 = (out: number[], v: number) =>
    out.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
  for (const e of entries) {
    const name = enc.encode(e.name);
    const data = enc.encode(e.data);
    const offset = parts.length;
    u32(parts, 0x04034b50);
    [20, 0, 0, 0, 0].forEach((v) => u16(parts, v));
    u32(parts, 0);
    u32(parts, data.length);
    u32(parts, data.length);
    u16(parts, name.length);
    u16(parts, 0);
    parts.push(...name, ...data);
    u32(central, 0x02014b50);
    [20, 20, 0, 0, 0, 0].forEach((v) => u16(central, v));
    u32(central, 0);
    u32(central, data.length);
    u32(central, e.declaredSize ?? data.length);
    [name.length, 0, 0, 0, 0].forEach((v) => u16(central, v));
    u32(central, 0);
    u32(central, offset);
    central.push(...name);
  }
  const eocd: number[] = [];
  u32(eocd, 0x06054b50);
  [0, 0, entries.length, entries.length].forEach((v) => u16(eocd, v));
  u32(eocd, central.length);
  u32(eocd, parts.length);
  u16(eocd, 0);
  return new Uint8Array([...parts, ...central, ...eocd]);
}

describe('reading the tables of a workbook written by exceljs', () => {
  it('gives every table with its sheet, top-left address, header and primitive cells', async () => {
    const r = await readXlsx(fixture('exceljs-features.xlsx'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheets).toEqual(['پروژه‌ها', 'Reference']);
    const byName = new Map(r.workbook.tables.map((t) => [t.name, t]));
    expect(byName.get('tblProjects')).toEqual({
      name: 'tblProjects',
      sheet: 'پروژه‌ها',
      address: 'A2',
      header: ['شناسه پروژه', 'عنوان', '1405', 'Note'],
      // make-fixtures.ts: rich text joined, hyperlink → its text, formulas → cached results,
      // an error value → its text, text that looks like a formula stays text, the blank
      // last row and the totals row are not data.
      rows: [
        ['P-1', 'پل عابر', 1200, 'bold part'],
        ['P-2', 'link title', 2400, new Date(Date.UTC(2026, 2, 21))],
        ['P-3', '=not a formula', '#DIV/0!', '۱٬۲۰۰'],
      ],
    });
    expect(byName.get('tblKpis')).toMatchObject({
      address: 'G2',
      rows: [
        ['K1', 9.5],
        ['K2', true],
      ],
    });
    // Reference data keeps its name; the plan reader strips the prefix (read/raw.ts contractNameOf).
    expect(byName.get('ref_tblPrograms')).toMatchObject({ sheet: 'Reference', address: 'B3' });
  });
});

describe('reading the same workbook after LibreOffice saved it', () => {
  it('gives the same tables (LibreOffice writes its own table XML and shared strings)', async () => {
    const lo = await readXlsx(fixture('libreoffice-features.xlsx'));
    const ours = await readXlsx(fixture('exceljs-features.xlsx'));
    expect(lo.ok && ours.ok).toBe(true);
    if (!lo.ok || !ours.ok) return;
    const sorted = (ts: typeof lo.workbook.tables) =>
      [...ts].sort((a, b) => a.name.localeCompare(b.name));
    expect(sorted(lo.workbook.tables)).toEqual(sorted(ours.workbook.tables));
  });
});

describe('turning exceljs cell values into primitives', () => {
  it('follows the choices the reader documents', () => {
    expect(toRawCell(undefined)).toBeNull();
    expect(toRawCell('')).toBeNull();
    expect(toRawCell({ formula: 'A1', result: undefined })).toBeNull();
    expect(toRawCell({ sharedFormula: 'A1', result: 5 })).toBe(5);
    expect(toRawCell({ formula: 'NA()', result: { error: '#N/A' } })).toBe('#N/A');
    expect(toRawCell({ text: { richText: [{ text: 'a' }, { text: 'b' }] }, hyperlink: 'x' })).toBe(
      'ab',
    );
    expect(toRawCell(new Date(NaN))).toBeNull();
  });
});

describe('files that are not readable workbooks', () => {
  it('refuses an empty file', async () => {
    const r = await readXlsx(new Uint8Array(0));
    expect(r).toMatchObject({ ok: false, error: { code: 'FILE_EMPTY' } });
  });

  it('refuses a text file named .xlsx, saying how to save a workbook', async () => {
    const r = await readXlsx(fixture('not-a-workbook.xlsx'));
    expect(r).toMatchObject({ ok: false, error: { code: 'FILE_NOT_XLSX' } });
    if (!r.ok) {
      expect(r.error.message.en).toContain('Excel Workbook (*.xlsx)');
      expect(r.error.message.fa).toContain('.xlsx');
    }
  });

  it('refuses a zip archive that is not a workbook (e.g. a Word file)', async () => {
    const docx = zipOf([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: '<w:document/>' },
    ]);
    expect(await readXlsx(docx)).toMatchObject({ ok: false, error: { code: 'FILE_NOT_XLSX' } });
  });

  it('refuses an archive that would unpack beyond the limit, before unpacking it', async () => {
    // The directory claims 500 MB for one part: above the 100 MB default.
    const bomb = zipOf([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.xml', data: '<workbook/>', declaredSize: 500 * 1_048_576 },
    ]);
    const r = await readXlsx(bomb);
    expect(r).toMatchObject({ ok: false, error: { code: 'FILE_TOO_LARGE' } });
    expect(summariseZip(bomb)).toMatchObject({ ok: true, summary: { entries: 2 } });
  });

  it('refuses a file above the size limit without parsing it', async () => {
    const r = await readXlsx(fixture('exceljs-features.xlsx'), { maxBytes: 1000 });
    expect(r).toMatchObject({ ok: false, error: { code: 'FILE_TOO_LARGE' } });
  });

  it('says the sizes in each language’s digits: no Latin digit in the Persian message', async () => {
    // 500 MB declared against the 100 MB default (the test above), written by the core's one
    // number formatter: `500.0 MB` in English, `۵۰۰٫۰ مگابایت` in Persian.
    const bomb = zipOf([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.xml', data: '<workbook/>', declaredSize: 500 * 1_048_576 },
    ]);
    const r = await readXlsx(bomb);
    if (r.ok) throw new Error('read a bomb');
    expect(r.error.message.en).toContain('above the limit of 100.0 MB');
    expect(r.error.message.fa).toContain('از سقف ۱۰۰٫۰ مگابایت');
    expect(r.error.message.fa).not.toMatch(/[0-9]/);
  });

  it('refuses a truncated workbook', async () => {
    const whole = fixture('exceljs-features.xlsx');
    const r = await readXlsx(whole.subarray(0, Math.floor(whole.length / 2)));
    expect(r).toMatchObject({ ok: false, error: { code: 'FILE_UNREADABLE' } });
  });

  it('says so when a workbook has no Excel table, and how to make one', async () => {
    const r = await readXlsx(fixture('no-tables.xlsx'));
    expect(r).toMatchObject({ ok: false, error: { code: 'NO_TABLES' } });
    if (!r.ok) expect(r.error.message.en).toContain('Format as Table');
  });

  it('refuses workbooks whose tables hold more cells than allowed', async () => {
    const r = await readXlsx(fixture('exceljs-features.xlsx'), { maxCells: 10 });
    expect(r).toMatchObject({ ok: false, error: { code: 'TOO_MANY_CELLS' } });
  });

  it('never throws on random bytes, with or without a zip signature', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), fc.boolean(), async (bytes, zipLike) => {
        const input = zipLike ? new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes]) : bytes;
        const r = await readXlsx(input);
        expect(r.ok).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});

describe('a table whose file has no cell values in its header row', () => {
  it('takes the header from the table definition', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.addTable({
      name: 'tblGoals',
      ref: 'A1',
      columns: [{ name: 'GoalId' }, { name: 'Title' }],
      rows: [['G1', 'x']],
    });
    ws.getCell('A1').value = null;
    const r = await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(r.ok && r.workbook.tables[0]?.header).toEqual(['GoalId', 'Title']);
  });
});
