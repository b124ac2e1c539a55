/**
 * A tiny zip writer for the hostile corpus (PKWARE APPNOTE.TXT 4.3: local headers, central
 * directory, end record). Unlike a real archiver it can lie: an entry may declare an
 * uncompressed size other than what its data inflates to.
 */
import { constants, crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { summariseZip } from '../../io';

/** One entry: its name, its deflated data, and what the headers say about it. */
export interface ZipEntry {
  name: string;
  /** The bytes as stored (deflated, method 8). */
  data: Buffer;
  /** The uncompressed size the headers declare. */
  declaredSize: number;
  crc: number;
}

/** An entry from plain content (honest headers). */
export function entry(name: string, content: string | Buffer): ZipEntry {
  const raw = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { name, data: deflateRawSync(raw), declaredSize: raw.length, crc: crc32(raw) };
}

/**
 * Deflated zeros of `megabytes` MB without holding them: one megabyte deflated with a full
 * flush (byte-aligned, no back-references across it) repeated, then an empty final block.
 */
export function deflatedZeros(megabytes: number): Buffer {
  const mb = Buffer.alloc(1_048_576);
  const chunk = deflateRawSync(mb, { finishFlush: constants.Z_FULL_FLUSH, level: 9 });
  // An empty final stored block: BFINAL=1, BTYPE=00, then LEN=0, NLEN=0xffff.
  const end = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);
  return Buffer.concat([...Array.from({ length: megabytes }, () => chunk), end]);
}

/**
 * An entry from content given in pieces, never joined: each piece is deflated on its own with
 * a full flush (byte-aligned, no back-references across pieces), then an empty final block;
 * the CRC is carried from piece to piece. A piece repeated (the same Buffer) is deflated once.
 */
export function streamedEntry(name: string, pieces: Iterable<Buffer>): ZipEntry {
  const deflated = new Map<Buffer, Buffer>();
  const out: Buffer[] = [];
  let crc = 0;
  let size = 0;
  for (const piece of pieces) {
    let d = deflated.get(piece);
    if (d === undefined) {
      d = deflateRawSync(piece, { finishFlush: constants.Z_FULL_FLUSH });
      deflated.set(piece, d);
    }
    out.push(d);
    crc = crc32(piece, crc);
    size += piece.length;
  }
  out.push(Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]));
  return { name, data: Buffer.concat(out), declaredSize: size, crc };
}

/**
 * The issue's amplification file (#12, item 1): one shared string of `length` characters
 * (`a`, written in 1,000,000-character pieces) named by `references` cells of a table outside
 * the contract (`tblNotes`), beside a header cell of its own. Built without the string.
 */
export function amplifiedWorkbook(length: number, references: number): Buffer {
  const piece = Buffer.alloc(1_000_000, 0x61);
  function* sst(): Generator<Buffer> {
    yield Buffer.from(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="${MAIN}" count="${references + 1}" uniqueCount="2"><si><t>Note</t></si><si><t>`,
    );
    for (let left = length; left > 0; left -= piece.length)
      yield left >= piece.length ? piece : piece.subarray(0, left);
    yield Buffer.from('</t></si></sst>');
  }
  const rows = [`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`];
  for (let i = 0; i < references; i++)
    rows.push(`<row r="${i + 2}"><c r="A${i + 2}" t="s"><v>1</v></c></row>`);
  const base = workbookParts({
    table: 'tblNotes',
    header: ['Note'],
    rows: Array.from({ length: references }, () => ['']),
    sheetXml: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}" xmlns:r="${OFFICE_REL}"><sheetData>${rows.join('')}</sheetData><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`,
  });
  const types = base[0]!;
  const withSst = (xml: string) =>
    xml.replace(
      '</Types>',
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    );
  const rels = (xml: string) =>
    xml.replace(
      '</Relationships>',
      `<Relationship Id="rId2" Type="${OFFICE_REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    );
  return zip([
    entry(types.name, withSst(inflateRawSync(types.data).toString('utf8'))),
    ...base
      .slice(1)
      .map((e) =>
        e.name === 'xl/_rels/workbook.xml.rels'
          ? entry(e.name, rels(inflateRawSync(e.data).toString('utf8')))
          : e,
      ),
    streamedEntry('xl/sharedStrings.xml', sst()),
  ]);
}

/** The archive of the entries. */
export function zip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declaredSize >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, e.data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.declaredSize >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CT = 'http://schemas.openxmlformats.org/package/2006/content-types';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Column letters of a 1-based column (A, B, …, Z, AA, …). */
function letters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The parts of a minimal workbook (ECMA-376 Part 1, §12 and §18): one sheet holding one
 * Excel table of inline-string cells. `sheetXml` replaces the sheet part (hostile XML).
 */
export function workbookParts(options: {
  table?: string;
  header: string[];
  rows: string[][];
  sheetXml?: string;
  /** Rows emitted directly as XML (for huge sheets), after `rows`. */
  extraRowsXml?: string;
}): ZipEntry[] {
  const { header, rows } = options;
  const all = [header, ...rows];
  const lastRow = all.length;
  const ref = `A1:${letters(header.length)}${lastRow}`;
  const sheetRows = all
    .map(
      (r, i) =>
        `<row r="${i + 1}">${r
          .map(
            (v, j) =>
              `<c r="${letters(j + 1)}${i + 1}" t="inlineStr"><is><t>${escapeXml(v)}</t></is></c>`,
          )
          .join('')}</row>`,
    )
    .join('');
  const sheet =
    options.sheetXml ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}" xmlns:r="${OFFICE_REL}"><sheetData>${sheetRows}${options.extraRowsXml ?? ''}</sheetData><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`;
  const table = options.table ?? 'tblProjects';
  return [
    entry(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/></Types>`,
    ),
    entry(
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${REL}"><Relationship Id="rId1" Type="${OFFICE_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    entry(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${OFFICE_REL}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    entry(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${REL}"><Relationship Id="rId1" Type="${OFFICE_REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    entry('xl/worksheets/sheet1.xml', sheet),
    entry(
      'xl/worksheets/_rels/sheet1.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${REL}"><Relationship Id="rId1" Type="${OFFICE_REL}/table" Target="../tables/table1.xml"/></Relationships>`,
    ),
    entry(
      'xl/tables/table1.xml',
      `<?xml version="1.0" encoding="UTF-8"?><table xmlns="${MAIN}" id="1" name="${table}" displayName="${table}" ref="${ref}"><tableColumns count="${header.length}">${header
        .map((h, i) => `<tableColumn id="${i + 1}" name="${escapeXml(h)}"/>`)
        .join('')}</tableColumns></table>`,
    ),
  ];
}

/** The text of each part of an archive written by a trusted writer (the register's own). */
export function unzipText(bytes: Uint8Array): Map<string, string> {
  const summary = summariseZip(bytes);
  if (!summary.ok) throw new Error(`not a zip: ${summary.problem}`);
  const out = new Map<string, string>();
  for (const part of summary.summary.parts) {
    const at = part.localOffset;
    const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const start = at + 30 + view.readUInt16LE(at + 26) + view.readUInt16LE(at + 28);
    const data = view.subarray(start, start + part.compressedSize);
    out.set(part.name, (part.method === 0 ? data : inflateRawSync(data)).toString('utf8'));
  }
  return out;
}
