/**
 * Issue item 8: hostile `.xlsx` files, all generated here (tests/reliability/zip.ts writes
 * the archives by hand so that they can lie). Each is refused with a 4xx, or read safely;
 * none changes `Object.prototype`.
 *
 * Time and memory: the files are read by the register's reader in a child process whose V8
 * heap is capped at HEAP_MB (a read that needed more would crash it, and the test would
 * fail), and which reports its peak resident memory (asserted under RSS_MB: Node, tsx and
 * exceljs take ≈100 MB, all nine files together ≈130 MB here) and each read's duration. The
 * issue asks for "under 2 s"; the reads take ≈5–100 ms here, so 2 s leaves a slow CI runner
 * ample room.
 * (Before the fixes a lying zip bomb took 3.3 s and 1.2 GB, a 1,000,000-row sheet 6.4 s and
 * 1.6 GB, 20,000 entries 0.8 s and 550 MB.)
 *
 * The API part (the same files pushed to the register) runs on PGlite only: a file is read
 * and refused before any database access, so PostgreSQL adds nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { XLSX_TYPE } from '../../service/src/routes';
import { readXlsx } from '../../io';
import type { Harness } from '../service/api-harness';
import { bearer, openHarness } from '../service/api-harness';
import type { ZipEntry } from './zip';
import { deflatedZeros, entry, workbookParts, zip } from './zip';
import { editable } from './helpers';

const HEAP_MB = 256;
const RSS_MB = 300;
/** The bound on each refusal. */
const LIMIT_MS = 2000;

const plain = () =>
  workbookParts({ header: ['ProjectId', 'Title'], rows: [['P-1', 'پل عابر پیاده']] });

/** The corpus, and what the reader must do with each file. */
/** `refused`: the refusal's code and the reader's detail, or false for a file read safely. */
function corpus(): { name: string; bytes: Buffer; refused: string | false }[] {
  const base = plain();
  const sheetAt = base.findIndex((e) => e.name === 'xl/worksheets/sheet1.xml');
  const replaceSheet = (e: ZipEntry) => base.map((b, i) => (i === sheetAt ? e : b));
  const million = Array.from(
    { length: 1_000_000 },
    (_, i) => `<row r="${i + 3}"><c r="A${i + 3}"><v>${i}</v></c></row>`,
  ).join('');
  const entities = (body: string) =>
    workbookParts({
      header: ['ProjectId', 'Title'],
      rows: [],
      sheetXml:
        '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">' +
        '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">' +
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>' +
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
        `<row r="1"><c r="A1" t="inlineStr"><is><t>${body}</t></is></c></row></sheetData></worksheet>`,
    });
  const bomb = deflatedZeros(1100); // 1,100 MiB of zeros in ≈1.1 MB
  return [
    {
      // Honest directory: it says 1.1 GB, refused before anything is inflated.
      name: 'zip bomb, declared 1.1 GB',
      bytes: zip([
        ...base,
        { name: 'xl/media/big.bin', data: bomb, declaredSize: 1100 * 1_048_576, crc: 0 },
      ]),
      refused: 'FILE_TOO_LARGE',
    },
    {
      // Lying directory: it says 1,000 bytes; the data inflates to 1.1 GB.
      name: 'zip bomb, declared 1 KB',
      bytes: zip([...base, { name: 'xl/media/big.bin', data: bomb, declaredSize: 1000, crc: 0 }]),
      refused: 'FILE_UNREADABLE zip: size-mismatch',
    },
    {
      name: 'zip bomb as the worksheet',
      bytes: zip(
        replaceSheet({ name: 'xl/worksheets/sheet1.xml', data: bomb, declaredSize: 1000, crc: 0 }),
      ),
      refused: 'FILE_UNREADABLE zip: size-mismatch',
    },
    {
      name: '20,000 entries',
      bytes: zip([
        ...base,
        ...Array.from({ length: 20_000 }, (_, i) => entry(`xl/x/${i}.xml`, '<a/>')),
      ]),
      refused: 'FILE_UNREADABLE zip: too many entries',
    },
    {
      // Never unpacked to disk, so the names are inert; the workbook is read as usual.
      name: 'path traversal names',
      bytes: zip([
        ...base,
        entry('../../../../tmp/evil.xml', '<a/>'),
        entry('/etc/passwd', 'root'),
        entry('xl\\..\\..\\evil.xml', '<a/>'),
      ]),
      refused: false,
    },
    {
      name: 'external entity (XXE)',
      bytes: zip(entities('&xxe;')),
      refused: 'FILE_UNREADABLE zip: doctype',
    },
    {
      name: 'entity expansion (billion laughs)',
      bytes: zip(entities('&d;&d;&d;')),
      refused: 'FILE_UNREADABLE zip: doctype',
    },
    {
      name: '1,000,000-row sheet',
      bytes: zip(
        workbookParts({
          header: ['ProjectId', 'Title'],
          rows: [['P-1', 'x']],
          extraRowsXml: million,
        }),
      ),
      refused: 'TOO_MANY_CELLS zip: too-many-rows',
    },
    {
      name: 'formula-like text and __proto__ keys',
      bytes: zip(
        workbookParts({
          table: 'tblProjects',
          header: ['__proto__', 'constructor', 'prototype'],
          rows: [
            ['=HYPERLINK("http://x","y")', "+cmd|'/c calc'!A1", '-2+3'],
            ['@SUM(A1)', '__proto__', '{"__proto__":{"polluted":true}}'],
          ],
        }),
      ),
      refused: false,
    },
  ];
}

describe('hostile .xlsx files', () => {
  let dir: string;
  let files: { name: string; bytes: Buffer; refused: string | false; file: string }[];
  let h: Harness;
  const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'plan-hostile-'));
    files = corpus().map((c, i) => {
      const file = path.join(dir, `${i}.xlsx`);
      writeFileSync(file, c.bytes);
      return { ...c, file };
    });
    h = await openHarness('pglite');
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await h.close();
  });

  it(`refuses or safely reads each file within ${LIMIT_MS} ms and a ${HEAP_MB} MB heap`, () => {
    const out = execFileSync(
      process.execPath,
      [
        `--max-old-space-size=${HEAP_MB}`,
        '--import',
        'tsx',
        path.join(__dirname, 'read-files.ts'),
        ...files.map((f) => f.file),
      ],
      { encoding: 'utf8', cwd: path.join(__dirname, '..', '..') },
    );
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const peak = lines.pop() as { peakRssMb: number };
    expect(lines).toHaveLength(files.length);
    lines.forEach((line, i) => {
      const f = files[i]!;
      // Refused for the reason expected (code and the reader's detail), not by accident.
      const why = line.ok ? false : [line.code, line.detail].filter((x) => x !== null).join(' ');
      expect({ name: f.name, refused: why }).toEqual({ name: f.name, refused: f.refused });
      expect({ name: f.name, fast: (line.ms as number) < LIMIT_MS }).toEqual({
        name: f.name,
        fast: true,
      });
    });
    expect(peak.peakRssMb).toBeLessThan(RSS_MB);
    const slowest = Math.max(...lines.map((l) => l.ms as number));
    process.stdout.write(
      `hostile xlsx: ${files.length} files, slowest read ${slowest.toFixed(0)} ms, peak RSS ${peak.peakRssMb.toFixed(0)} MB\n`,
    );
  });

  it('answers each refused file with a 4xx from the API, and the others with 422 (not a plan)', async () => {
    const plan = await editable(h);
    for (const f of files) {
      const res = await request(h.app)
        .post(`/api/submissions/${plan.id}/versions`)
        .set(bearer(h.tokens.preparer))
        .set('If-Match', `"${plan.version}"`)
        .set('Content-Type', XLSX_TYPE)
        .send(f.bytes);
      expect({ name: f.name, status: res.status >= 400 && res.status < 500 }).toEqual({
        name: f.name,
        status: true,
      });
      expect(JSON.stringify(res.body)).not.toMatch(/root:|at .*\.ts:\d+/);
    }
    expect((await h.test.repos.submissions.get('sample', plan.id))?.currentVersion).toBe(
      plan.version,
    );
  });

  it('keeps formula-like text as text and __proto__ as a plain header, prototype untouched', async () => {
    const f = files.find((x) => x.name.startsWith('formula-like'))!;
    const read = await readXlsx(new Uint8Array(f.bytes));
    if (!read.ok) throw new Error(read.error.message.en);
    const [table] = read.workbook.tables;
    expect(table?.header).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(table?.rows[0]?.[0]).toBe('=HYPERLINK("http://x","y")');
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a JSON push carrying __proto__ keys without polluting anything', async () => {
    const id = (await editable(h, 'D-TRF')).id;
    const body =
      '{"tables":[{"name":"tblProjects","header":["__proto__"],"rows":[["x"]]}],' +
      '"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}';
    const res = await request(h.app)
      .post(`/api/submissions/${id}/versions`)
      .set(bearer(h.tokens.otherPreparer))
      .set('If-Match', '"1"')
      .set('Content-Type', 'application/json')
      .send(body);
    expect(res.status).toBe(400);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
