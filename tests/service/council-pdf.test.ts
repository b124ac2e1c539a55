/**
 * The council's city plan on paper (issue 11): LibreOffice converts the sample city's export
 * to PDF, as a council member's office would print it. Measured: at most 40 pages (the
 * export was about 80 before it was laid out for print), every table's title in the PDF's
 * text, no print scale below 70 % in the file's page setup; the first pages are rendered to
 * PNG under tests/e2e/screenshots/ for a person to look at. Also: the template, the sample
 * and pulled workbooks print the same way, and a pull of the original pushed file returns
 * its bytes untouched.
 *
 * Needs `soffice` (Debian `libreoffice-calc`) and poppler-utils (`pdfinfo`, `pdftotext`,
 * `pdftoppm`): skipped with a note when missing, failing when the environment variable CI
 * is set (`.ci/run` installs both).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { officeTools, officeToPdf } from '../helpers/office';
import {
  MIN_PRINT_SCALE,
  SAMPLE_PLAN_YEARS,
  findTableSpec,
  formatNumber,
  planTemplate,
  samplePlanWorkbook,
  toPersianDigits,
} from '#core';
import { writeRawWorkbook, writeWorkbook } from '../../io';
import { editable } from '../reliability/helpers';
import type { Harness } from './api-harness';
import { bearer, binary, openHarness } from './api-harness';

const tools = officeTools();
if (!tools && !process.env.CI)
  console.log(
    'council-pdf: soffice or pdfinfo is not installed; skipped (apt-get install libreoffice-calc poppler-utils)',
  );
const run = tools || process.env.CI ? describe : describe.skip;

/**
 * The sample city's printed plan stays a document a council member reads through: 40 pages,
 * and one more since the agencies' sign-offs have their own sheet («امضای دستگاه‌ها», issue 15).
 */
const MAX_PAGES = 41;

/** Where the rendered pages go, for a person to look at (git-ignored). */
const SCREENSHOTS = join(__dirname, '..', 'e2e', 'screenshots');

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  return wb;
}

/** Checks the print setup of every visible sheet of a workbook; returns their scales. */
async function expectPrintReady(bytes: Uint8Array, rtl: boolean): Promise<number[]> {
  const wb = await open(bytes);
  const scales: number[] = [];
  for (const ws of wb.worksheets.filter((w) => w.state !== 'hidden')) {
    const setup = ws.pageSetup;
    expect({ sheet: ws.name, paper: setup.paperSize }).toEqual({ sheet: ws.name, paper: 9 });
    expect(setup.scale).toBeGreaterThanOrEqual(MIN_PRINT_SCALE);
    expect(['portrait', 'landscape']).toContain(setup.orientation);
    expect(ws.views[0]?.rightToLeft ?? false).toBe(rtl);
    expect((ws.headerFooter.oddFooter ?? '').replace(/[\u200e\u200f]/g, '')).toContain(
      rtl ? 'صفحه &P از &N' : 'Page &P of &N',
    );
    if (ws.getTables().length === 1) expect(setup.printTitlesRow).toBe('1:2');
    scales.push(Number(setup.scale));
  }
  return scales;
}

run('the council document on paper', () => {
  let h: Harness;
  let dir = '';
  beforeAll(async () => {
    if (!tools)
      throw new Error('soffice and pdfinfo are required in CI (libreoffice-calc, poppler-utils)');
    dir = mkdtempSync(join(tmpdir(), 'plan-pdf-'));
    h = await openHarness('pglite');
  });
  afterAll(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const toPdf = (name: string, bytes: Uint8Array) => officeToPdf(dir, name, 'xlsx', bytes);

  it(`prints the sample city export in at most ${MAX_PAGES} pages, every table on them, no scale below 70 %`, async () => {
    const res = await request(h.app)
      .get(`/api/cycles/${h.cycleId}/consolidation?format=xlsx`)
      .set(bearer(h.tokens.council))
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(res.body as Buffer);
    const scales = await expectPrintReady(bytes, true);
    expect(Math.min(...scales)).toBeGreaterThanOrEqual(70);

    const pdf = toPdf('city-plan', bytes);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    expect(pages).toBeGreaterThan(5);
    expect(pages).toBeLessThanOrEqual(MAX_PAGES);
    // A4 pages (595 × 842 points, either way up).
    for (const m of info.matchAll(/^Page size:\s+([\d.]+) x ([\d.]+)/gm))
      expect([Math.round(Number(m[1])), Math.round(Number(m[2]))].sort()).toEqual([595, 842]);

    // The footer reads «صفحه ۲ از N»: the word, the page number, «از», the page count, each
    // with its spaces (LibreOffice once printed «صفحه2» glued). pdftotext -raw gives the line
    // in reading order between bidi marks. (The page numbers are LibreOffice's fields, which
    // it prints in Latin digits: an xlsx footer cannot choose their digits.)
    const footer = execFileSync('pdftotext', ['-raw', '-f', '2', '-l', '2', pdf, '-'], {
      encoding: 'utf8',
    }).replace(/[\u200e\u200f\u202a-\u202e]/g, '');
    expect(footer).toMatch(new RegExp(`(^|\\s)صفحه 2 از ${pages}(\\s|$)`, 'm'));

    // Amounts and years print in Persian digits with Persian separators (the cells' formats
    // carry Excel's Persian numerals prefix): the city's total of the first year, in billion
    // Rials with one decimal as the summary shows it, and the first year itself.
    const report = (
      await request(h.app)
        .get(`/api/cycles/${h.cycleId}/consolidation`)
        .set(bearer(h.tokens.council))
    ).body as { years: number[]; totals: { total: Record<string, string> } };
    const first = report.years[0] ?? 0;
    const total = Number(report.totals.total[String(first)] ?? '0') / 1e9;
    const all = execFileSync('pdftotext', ['-raw', pdf, '-'], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    expect(all).toContain(formatNumber(total, 'fa', 1));
    expect(all).toContain(toPersianDigits(String(first)));

    // Every table's title (the cell above its header) is in the PDF's text. pdftotext writes
    // Persian in visual runs with bidi marks, and Latin runs (AHP, years) where the bidi order
    // put them: the Persian letters are compared without marks, spaces, Latin runs and
    // brackets, with the forms pdftotext gives (ی/ي, ک/ك, the lam-alef ligature as «ال»), and
    // each Latin run is looked for on its own.
    const raw = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const text = normal(raw);
    const wb = await open(bytes);
    const titles: string[] = [];
    for (const ws of wb.worksheets.filter((w) => w.state !== 'hidden'))
      for (const t of ws.getTables() as unknown as {
        table: { name: string; tableRef: string };
      }[]) {
        const [from] = t.table.tableRef.split(':');
        const header = ws.getCell(from ?? 'A1');
        const title = ws.getCell(Number(header.row) - 1, Number(header.col)).value;
        titles.push(String(title ?? findTableSpec(t.table.name)?.fa ?? t.table.name));
      }
    expect(titles.length).toBeGreaterThan(20);
    const missing = titles.filter(
      (t) =>
        !text.includes(normal(t)) ||
        !(t.match(/[A-Za-z0-9]+/g) ?? []).every((run) => raw.includes(run)),
    );
    expect(missing).toEqual([]);

    // The first pages as images, for a person to look at.
    mkdirSync(SCREENSHOTS, { recursive: true });
    execFileSync('pdftoppm', [
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '4',
      '-png',
      pdf,
      join(SCREENSHOTS, 'city-plan'),
    ]);
    writeFileSync(join(SCREENSHOTS, 'city-plan.pdf'), readFileSync(pdf));
  }, 300_000);

  it('prints the template, the sample and a pulled workbook the same way', async () => {
    const printedOn = new Date(Date.UTC(2026, 2, 20, 21, 0)); // 1 Farvardin 1405, 00:30 in Tehran
    for (const lang of ['fa', 'en'] as const) {
      const template = await writeWorkbook(planTemplate({ lang, printedOn }));
      await expectPrintReady(template, lang === 'fa');
      const footer = (await open(template)).worksheets[0]?.headerFooter.oddFooter ?? '';
      expect(footer).toContain(lang === 'fa' ? '۱۴۰۵/۰۱/۰۱' : '1405/01/01');
    }
    const sample = await writeRawWorkbook(samplePlanWorkbook(), {
      lang: 'fa',
      years: SAMPLE_PLAN_YEARS,
    });
    await expectPrintReady(sample, true);
    // The sample names its city: it is on every page.
    expect((await open(sample)).worksheets[0]?.headerFooter.oddFooter).toContain('شهر نمونه');

    const plan = await editable(h, 'D-CIV');
    const pulled = await request(h.app)
      .get(`/api/submissions/${plan.id}/versions/latest?format=xlsx&source=rows`)
      .set(bearer(h.tokens.admin))
      .buffer(true)
      .parse(binary);
    expect(pulled.status).toBe(200);
    await expectPrintReady(new Uint8Array(pulled.body as Buffer), true);
  });

  it('returns the original pushed file byte for byte', async () => {
    const plan = await editable(h, 'D-TRF');
    // A file the register did not write: openpyxl-free, exceljs without any print setup.
    const wb = new ExcelJS.Workbook();
    const mine = await writeRawWorkbook(
      { tables: plan.workbook.tables },
      { lang: 'fa', guide: false },
    );
    await wb.xlsx.load(Buffer.from(mine) as never);
    const original = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const pushed = await request(h.app)
      .post(`/api/submissions/${plan.id}/versions`)
      .set(bearer(h.tokens.admin))
      .set('If-Match', `"${plan.version}"`)
      .set('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .send(Buffer.from(original));
    expect(pushed.status).toBe(201);
    const pulled = await request(h.app)
      .get(`/api/submissions/${plan.id}/versions/latest?format=xlsx&source=original`)
      .set(bearer(h.tokens.admin))
      .buffer(true)
      .parse(binary);
    expect(pulled.status).toBe(200);
    expect(Buffer.compare(pulled.body as Buffer, Buffer.from(original))).toBe(0);
  });
});

/**
 * Text as compared: no bidi marks, spaces, tatweel, brackets or Latin runs; Arabic letter
 * forms as Persian ones; the lam-alef ligature as pdftotext writes it («لا» → «ال»).
 */
function normal(text: string): string {
  return text
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069\u0640\s()[\]A-Za-z0-9]/g, '')
    .replace(/\u064a/g, 'ی')
    .replace(/\u0643/g, 'ک')
    .replace(/لا/g, 'ال');
}
