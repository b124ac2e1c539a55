/**
 * `plan book` and `plan bill` on the sample workbook, without a register: each writes a
 * `.docx` whose text is the plan's (its chapters' headings, the signatory the sample's
 * tblPlanInfo names), right to left, in the embedded Persian font, and a draft on every page
 * (its header says «پیش‌نویس»). How the pages look is tested through LibreOffice in
 * tests/service/documents-pdf.test.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { SAMPLE_SIGNATORY, measureCityPlan, samplePlanWorkbook } from '#core';
import {
  BOOK_CHAPTERS,
  DOCUMENT_FONT,
  DRAFT_MARK,
  planBookDocx,
  storedBytes,
  summariseZip,
  writeRawWorkbook,
} from '../../io';
import { plan, scratch } from './helpers';

const space = scratch();
let file = '';

beforeAll(async () => {
  file = join(space.dir(), 'city.xlsx');
  writeFileSync(file, await writeRawWorkbook(samplePlanWorkbook(), { lang: 'fa' }));
});

/** The text of the XML parts of a .docx whose names match. */
function parts(path: string | Uint8Array, name: RegExp): string {
  const bytes = typeof path === 'string' ? new Uint8Array(readFileSync(path)) : path;
  const zip = summariseZip(bytes);
  if (!zip.ok) throw new Error(zip.problem);
  return zip.summary.parts
    .filter((p) => name.test(p.name))
    .map((p) => {
      const stored = storedBytes(bytes, p);
      if (stored === null) throw new Error(`cut short: ${p.name}`);
      return (p.method === 0 ? Buffer.from(stored) : inflateRawSync(stored)).toString('utf8');
    })
    .join('\n');
}

/** The words of the runs (w:t) of some XML, joined. */
const words = (xml: string) =>
  [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe('plan book and plan bill', () => {
  it('writes the plan book of a city workbook: every chapter, right to left, a draft', async () => {
    const out = join(space.dir(), 'plan.docx');
    const run = await plan(space.dir(), 'book', file, '--out', out, '--lang', 'en');
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout).toContain('a draft');
    const body = parts(out, /^word\/document\.xml$/);
    for (const c of BOOK_CHAPTERS) expect(words(body)).toContain(c.fa);
    expect(body).toContain('<w:bidi/>');
    expect(body).toContain(`w:cs="${DOCUMENT_FONT}"`);
    expect(words(parts(out, /^word\/header\d*\.xml$/))).toContain(DRAFT_MARK);
    // Two charts rendered on the server: the fiscal balance and the capital budget.
    const zip = summariseZip(new Uint8Array(readFileSync(out)));
    expect(zip.ok && zip.summary.names.filter((n) => /^word\/media\/.*\.png$/.test(n)).length).toBe(
      2,
    );
    // The font travels with the file (obfuscated, as ECMA-376 embeds fonts).
    expect(parts(out, /^word\/fontTable\.xml$/)).toContain('w:embedRegular');
  }, 60_000);

  it('writes the council bill signed by the signatory the plan names', async () => {
    const out = join(space.dir(), 'bill.docx');
    const run = await plan(space.dir(), 'bill', file, '--out', out);
    expect(run.code).toBe(0);
    expect(words(parts(out, /^word\/document\.xml$/))).toContain(SAMPLE_SIGNATORY);
  }, 60_000);

  it('refuses an --out that is not .docx, and an existing file without --force', async () => {
    const wrong = await plan(space.dir(), 'book', file, '--out', 'plan.xlsx', '--lang', 'en');
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('must end in .docx');
    const out = join(space.dir(), 'again.docx');
    writeFileSync(out, 'mine');
    const again = await plan(space.dir(), 'bill', file, '--out', out, '--lang', 'en');
    expect(again.code).not.toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('mine');
  }, 60_000);

  it('drops the draft mark from a document made from an adopted snapshot', async () => {
    const report = await measureCityPlan(samplePlanWorkbook());
    const facts = { municipality: '', printedOn: new Date(Date.UTC(2026, 2, 20)) };
    const draft = await planBookDocx(report, { ...facts, adopted: null });
    const adopted = await planBookDocx(report, { ...facts, adopted: 'مصوب ۱۴۰۵' });
    expect(words(parts(draft, /^word\/header\d*\.xml$/))).toContain(DRAFT_MARK);
    expect(words(parts(adopted, /^word\/header\d*\.xml$/))).not.toContain(DRAFT_MARK);
    expect(words(parts(adopted, /^word\/document\.xml$/))).toContain('مصوب ۱۴۰۵');
    expect(words(parts(adopted, /^word\/document\.xml$/))).not.toContain(DRAFT_MARK);
  }, 60_000);
});
