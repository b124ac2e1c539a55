/**
 * The zip scan that runs before exceljs sees a file (io/zip.ts): what it counts must be what
 * a parser would build, however the XML is spelled.
 */
import { readXlsx } from '../../io';
import { SheetScanner } from '../../io/scan';
import { amplifiedWorkbook, workbookParts, zip } from '../reliability/zip';

/** Rows of one number cell each, the cell's tag spelled `<c` + `sep` + `r="…"`. */
function rowsSpelled(count: number, sep: string): string {
  let xml = '';
  for (let i = 0; i < count; i++)
    xml += `<row r="${i + 3}"><c${sep}r="A${i + 3}"><v>${i}</v></c></row>`;
  return xml;
}

describe('counting the cells of the sheets before parsing', () => {
  const limits = { maxSheetRows: 1_000, maxSheetCells: 50 };
  const file = (sep: string) =>
    new Uint8Array(
      zip(
        workbookParts({
          header: ['ProjectId', 'Title'],
          rows: [['P-1', 'x']],
          extraRowsXml: rowsSpelled(100, sep),
        }),
      ),
    );

  // 4 header/row cells + 100 cells: above the limit of 50 however the tag is written
  // (XML allows any white space between a tag's name and its attributes: XML 1.0 §3.1).
  it.each([
    ['a space', ' '],
    ['a newline', '\n'],
    ['a tab', '\t'],
    ['a carriage return and newline', '\r\n'],
  ])('refuses too many cells written with %s after <c', async (_what, sep) => {
    const r = await readXlsx(file(sep), limits);
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'TOO_MANY_CELLS', detail: 'zip: too-many-cells' },
    });
  });

  it('counts rows written <row\\n r=…> too', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `<row\nr="${i + 3}"/>`).join('');
    const bytes = zip(workbookParts({ header: ['A'], rows: [], extraRowsXml: rows }));
    const r = await readXlsx(new Uint8Array(bytes), { maxSheetRows: 50 });
    expect(r).toMatchObject({ ok: false, error: { detail: 'zip: too-many-rows' } });
  });
});

describe('budgeting the text the cells expand to', () => {
  it('refuses one 60,000,000-character shared string named by 8 cells before parsing it', async () => {
    // The file: 8 × 60,000,000 = 480,000,000 characters, above the 64 Mi default.
    const bytes = amplifiedWorkbook(60_000_000, 8);
    expect(bytes.length).toBeLessThan(200_000);
    const r = await readXlsx(new Uint8Array(bytes));
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'TEXT_TOO_LARGE', detail: 'zip: too-much-text' },
    });
    if (!r.ok) expect(r.error.message.en).toContain('limit of 67,108,864 characters');
  });

  it('counts a shared string once per cell that names it', async () => {
    // 1,000 characters named by 8 cells: 8,000 (+ 4 for the header "Note").
    const bytes = new Uint8Array(amplifiedWorkbook(1_000, 8));
    expect(await readXlsx(bytes, { maxTextChars: 8_004 })).toMatchObject({ ok: true });
    expect(await readXlsx(bytes, { maxTextChars: 8_003 })).toMatchObject({
      ok: false,
      error: { code: 'TEXT_TOO_LARGE' },
    });
  });

  it('counts inline strings as written', async () => {
    const bytes = new Uint8Array(
      zip(workbookParts({ header: ['Title'], rows: [['x'.repeat(500)], ['&<']] })),
    );
    // "Title" 5 + 500 + "&amp;&lt;" 9 (as written: an upper bound of the 2 characters read).
    expect(await readXlsx(bytes, { maxTextChars: 514 })).toMatchObject({ ok: true });
    expect(await readXlsx(bytes, { maxTextChars: 513 })).toMatchObject({ ok: false });
  });
});

describe('reading a part in chunks', () => {
  // The inflater hands the scanner a part in chunks of any size (64 KiB from zlib). A chunk
  // may end anywhere, e.g. inside the `<v>` of a shared-string cell: the scan must count the
  // same as for the part in one piece. (The register once refused its own pulled workbooks
  // of a few thousand rows: "a shared-string index is not a number", when a chunk ended so.)
  const enc = new TextEncoder();
  const strings = `<sst>${'<si><t>abc</t></si>'.repeat(3)}</sst>`;
  const cells = Array.from({ length: 200 }, (_, i) => `<c r="A${i + 1}" t="s"><v>${i % 3}</v></c>`);
  const sheet = `<worksheet><sheetData><row r="1">${cells.join('')}</row></sheetData></worksheet>`;
  const scanWith = (chunks: string[]) => {
    const scan = new SheetScanner({ maxRows: 10, maxCells: 1_000, maxText: 10_000 });
    const shared = scan.part('sharedStrings');
    shared.feed(enc.encode(strings));
    shared.end();
    const part = scan.part('worksheet');
    for (const c of chunks) part.feed(enc.encode(c));
    part.end();
    return { problem: scan.problem, totals: scan.totals };
  };

  it('counts a sheet cut inside every shared-string index as the sheet in one piece', () => {
    const whole = scanWith([sheet]);
    // 200 cells, each naming a 3-character string: 600 characters of text.
    expect(whole).toEqual({
      problem: null,
      totals: { rows: 1, cells: 200, text: 600, sharedText: 9 },
    });
    // Cut after each `<v>` (inside the index, before its digit), at every one of them.
    const cuts = sheet.split('<v>');
    const chunks = cuts.map((c, i) => (i < cuts.length - 1 ? `${c}<v>` : c));
    expect(scanWith(chunks)).toEqual(whole);
    // And in chunks of 7 characters: every cut there is.
    const sevens = Array.from({ length: Math.ceil(sheet.length / 7) }, (_, i) =>
      sheet.slice(i * 7, i * 7 + 7),
    );
    expect(scanWith(sevens)).toEqual(whole);
  });
});
