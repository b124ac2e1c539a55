/**
 * The documents the council reads (issue 16), as a council member's office would print them:
 * the register's plan book and council bill of the sample city, converted to PDF by
 * LibreOffice. Measured: the plan book has 20–150 pages, every chapter's heading, the city's
 * totals as the core computed them (the consolidation report: `measureCityPlan`); made from
 * the seed's adopted snapshot, no page says «پیش‌نویس» and the council's resolution with its
 * vote is printed; the bill has the signatory the sample's tblPlanInfo names; made from a
 * snapshot not adopted, every page of a document says «پیش‌نویس». The first pages and each chapter's first page are rendered to PNG under
 * tests/e2e/screenshots/docs/ for a person to look at. The CLI makes the same book from the
 * sample workbook, without a register.
 *
 * Needs `soffice` (Debian `libreoffice-writer`) and poppler-utils: skipped with a note when
 * missing, failing when the environment variable CI is set (`.ci/run` installs both). The
 * font is embedded in each document, so LibreOffice needs no font installed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { officeTools, officeToPdf, pdfPages, pdfPageText, pdfPageToPng } from '../helpers/office';
import { measureCityPlan, samplePlanWorkbook, SAMPLE_SIGNATORY } from '#core';
import { BOOK_CHAPTERS, DRAFT_MARK, billions, planBookDocx } from '../../io';
import type { Harness } from './api-harness';
import { bearer, binary, openHarness, TENANT } from './api-harness';

const tools = officeTools();
if (!tools && !process.env.CI)
  console.warn(
    'documents-pdf: soffice or pdfinfo is not installed; skipped (apt-get install libreoffice-writer poppler-utils)',
  );
const run = tools || process.env.CI ? describe : describe.skip;

/** Where the rendered pages go, for a person to look at (git-ignored). */
const SCREENSHOTS = join(__dirname, '..', 'e2e', 'screenshots', 'docs');

run('the council documents on paper', () => {
  let h: Harness;
  let dir = '';
  beforeAll(async () => {
    if (!tools)
      throw new Error('soffice and pdfinfo are required in CI (libreoffice-writer, poppler-utils)');
    dir = mkdtempSync(join(tmpdir(), 'plan-docs-'));
    h = await openHarness('pglite');
  });
  afterAll(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const toPdf = (name: string, bytes: Uint8Array) => officeToPdf(dir, name, 'docx', bytes);
  const pagesOf = pdfPages;
  const pageText = pdfPageText;
  const png = (pdf: string, page: number, name: string) =>
    pdfPageToPng(pdf, page, SCREENSHOTS, name);
  const get = (path: string, token: string) =>
    request(h.app).get(path).set(bearer(token)).buffer(true).parse(binary);

  it('makes the plan book from the adopted snapshot: 20–150 pages, every chapter, the totals, the resolution', async () => {
    const res = await get(`/api/cycles/${h.cycleId}/documents/plan-book`, h.tokens.council);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml.document');
    const pdf = toPdf('plan-book', new Uint8Array(res.body as Buffer));
    const pages = pagesOf(pdf);
    expect(pages).toBeGreaterThanOrEqual(20);
    expect(pages).toBeLessThanOrEqual(150);

    const texts = Array.from({ length: pages }, (_, i) => pageText(pdf, i + 1));
    // Adopted (the seed's snapshot): no page is a draft, and the cover names the snapshot and
    // prints the resolution with its vote (handlers/seed.ts SAMPLE_RESOLUTION: 9, 1, 1).
    expect(texts.filter((t) => normal(t).includes(normal(DRAFT_MARK))).length).toBe(0);
    expect(normal(texts[0] ?? '')).toContain(normal('مصوبه شماره'));
    expect(normal(texts[0] ?? '')).toContain(normal('با ۹ رأی موافق، ۱ رأی مخالف و ۱ رأی ممتنع'));

    // Every chapter's heading on the page where it starts (after the contents on page 2).
    const starts = BOOK_CHAPTERS.map((c) =>
      texts.findIndex((t, i) => i > 1 && normal(t).includes(normal(c.fa))),
    );
    expect(starts.filter((s) => s < 0)).toEqual([]);

    // The last chapter: the four agencies' commitments of the sample (shared/src/sample/
    // content.ts COMMITMENTS), their amounts 150 + 90 billion Rials (the other two commit work,
    // not money) = «۲۴۰٫۰» in all, and the council's resolution with its vote.
    const agreements = texts.slice(starts.at(-1)).join('\n');
    for (const cm of ['CM01', 'CM02', 'CM03', 'CM04']) expect(agreements).toContain(cm);
    expect(digits(agreements)).toContain('۲۴۰٫۰');
    expect(normal(agreements)).toContain(normal('مصوبه شماره'));

    // The city's figures as the core computed them (the consolidation report), each in the
    // book as the core's billion-Rials formatting writes it.
    const report = (
      await request(h.app)
        .get(`/api/cycles/${h.cycleId}/consolidation`)
        .set(bearer(h.tokens.council))
    ).body as {
      years: number[];
      totals: { total: Record<string, string> };
      fiscal: { years: { gap: string | null }[] }[];
    };
    const all = texts.join('\n');
    const period = report.years.reduce((a, y) => a + BigInt(report.totals.total[y] ?? '0'), 0n);
    const firstYear = report.totals.total[String(report.years[0])] ?? '0';
    const gap = report.fiscal[0]?.years[0]?.gap ?? null;
    for (const figure of [period, BigInt(firstYear), ...(gap === null ? [] : [BigInt(gap)])])
      expect({
        figure: billions(figure),
        found: digits(all).includes(digits(billions(figure))),
      }).toEqual({
        figure: billions(figure),
        found: true,
      });

    // The first pages and each chapter's first page, for a person to look at.
    png(pdf, 1, 'plan-book-cover');
    png(pdf, 2, 'plan-book-contents');
    BOOK_CHAPTERS.forEach((c, i) => png(pdf, (starts[i] ?? 0) + 1, `plan-book-${i + 1}-${c.key}`));
    writeFileSync(join(SCREENSHOTS, 'plan-book.pdf'), readFileSync(pdf));
  }, 300_000);

  it('makes the council bill, signed by the plan’s signatory, with the resolution', async () => {
    const res = await get(`/api/cycles/${h.cycleId}/documents/council-bill`, h.tokens.approver);
    expect(res.status).toBe(200);
    const pdf = toPdf('council-bill', new Uint8Array(res.body as Buffer));
    const pages = pagesOf(pdf);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(4);
    const first = normal(pageText(pdf, 1));
    expect(first).not.toContain(normal(DRAFT_MARK));
    expect(first).toContain(normal('مصوبه شماره'));
    expect(first).toContain(normal(SAMPLE_SIGNATORY));
    png(pdf, 1, 'council-bill');
  }, 300_000);

  it('makes a snapshot not adopted a draft on every page; the adopted one stays adopted', async () => {
    // A second snapshot of the cycle (the repository makes it as any), not yet adopted.
    const [first] = await h.test.repos.snapshots.list(TENANT, h.cycleId);
    const made = await h.test.repos.snapshots.create(
      TENANT,
      { cycleId: h.cycleId, trigger: 'explicit', sources: first!.sources.slice(1) },
      null,
    );
    if (!made.ok) throw new Error(made.reason);
    const draft = await get(
      `/api/snapshots/${made.snapshot.id}/documents/council-bill`,
      h.tokens.council,
    );
    expect(draft.status).toBe(200);
    const pdf = toPdf('council-bill-draft', new Uint8Array(draft.body as Buffer));
    const pages = Array.from({ length: pagesOf(pdf) }, (_, i) => normal(pageText(pdf, i + 1)));
    expect(pages.filter((t) => !t.includes(normal(DRAFT_MARK)))).toEqual([]);
    expect(pages[0]).not.toContain(normal('مصوبه شماره'));
    // The cycle's documents are of its latest snapshot now: a draft too.
    const cycleBill = await get(
      `/api/cycles/${h.cycleId}/documents/council-bill`,
      h.tokens.council,
    );
    const cyclePdf = toPdf('council-bill-cycle', new Uint8Array(cycleBill.body as Buffer));
    expect(normal(pageText(cyclePdf, 1))).toContain(normal(DRAFT_MARK));
    // The first, adopted snapshot's bill still is not.
    const adopted = await get(
      `/api/snapshots/${first!.id}/documents/council-bill`,
      h.tokens.council,
    );
    const adoptedPdf = toPdf('council-bill-adopted', new Uint8Array(adopted.body as Buffer));
    expect(normal(pageText(adoptedPdf, 1))).not.toContain(normal(DRAFT_MARK));
  }, 300_000);

  it('gives the documents to those who read the city plan only', async () => {
    const res = await get(`/api/cycles/${h.cycleId}/documents/plan-book`, h.tokens.preparer);
    expect(res.status).toBe(403);
    const missing = await get(`/api/cycles/nope/documents/council-bill`, h.tokens.council);
    expect(missing.status).toBe(404);
  });

  it('makes the same chapters from a city workbook without a register (the CLI’s path)', async () => {
    const report = await measureCityPlan(samplePlanWorkbook());
    const bytes = await planBookDocx(report, {
      municipality: '',
      printedOn: new Date(Date.UTC(2026, 2, 20, 21, 0)), // 1 Farvardin 1405 in Tehran
      adopted: null,
    });
    const pdf = toPdf('cli-book', bytes);
    const all = normal(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
    for (const c of BOOK_CHAPTERS) expect(all).toContain(normal(c.fa));
    // The cover's Jalali date, in Persian digits.
    expect(pageText(pdf, 1)).toContain('۱۴۰۵/۰۱/۰۱');
  }, 300_000);
});

/** Digits and separators only, in the order pdftotext gives them (no bidi marks). */
function digits(text: string): string {
  return text.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
}

/**
 * Text as compared: no bidi marks, spaces, tatweel, brackets or Latin runs; Arabic letter
 * forms as Persian ones; the lam-alef ligature as pdftotext writes it («لا» → «ال»).
 */
function normal(text: string): string {
  return text
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069\u200c\u0640\s()[\]A-Za-z0-9:،]/g, '')
    .replace(/\u064a/g, 'ی')
    .replace(/\u0643/g, 'ک')
    .replace(/لا/g, 'ال');
}
