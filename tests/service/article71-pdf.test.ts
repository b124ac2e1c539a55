/**
 * The six-monthly report of Article 71 (issue 16) as a council member's office would print it:
 * the register's `GET /api/cycles/{cycleId}/documents/article-71?period=1405-H1` of the seeded
 * sample city (its departments' approved monitoring of 1405 H1), converted to PDF by
 * LibreOffice. Measured: a sane page count, every chapter's heading, the cover's period and
 * Jalali date, no «پیش‌نویس» (measured against the seed's adopted snapshot, named with its
 * resolution on the cover), and the figures of the report as the core computes them.
 *
 * Where the expected figures come from: the core's `monitoringReport` and `article71Summary`
 * run in the test on the sample as ONE city workbook (the sample plan with its actuals,
 * revenue actuals and KPI readings replaced by the sample monitoring workbook's), as
 * tests/service/monitoring.test.ts does, not on the register's split and merge of it; each
 * amount is looked for as the documents' billion-Rials formatting writes it (`billions`). The
 * pages are rendered to PNG under tests/e2e/screenshots/docs/ for a person to look at.
 *
 * Needs `soffice` and poppler-utils: skipped with a note when missing, failing when CI is set.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { Plan, RawWorkbook } from '#core';
import {
  article71Summary,
  monitoringReport,
  readPlan,
  sampleMonitoringWorkbook,
  samplePlanWorkbook,
} from '#core';
import { ARTICLE71_CHAPTERS, DRAFT_MARK, billions } from '../../io';
import { officeTools, officeToPdf, pdfPages, pdfPageText, pdfPageToPng } from '../helpers/office';
import type { Harness } from './api-harness';
import { bearer, binary, openHarness, TENANT } from './api-harness';

const tools = officeTools();
if (!tools && !process.env.CI)
  console.warn(
    'article71-pdf: soffice or pdfinfo is not installed; skipped (apt-get install libreoffice-writer poppler-utils)',
  );
const run = tools || process.env.CI ? describe : describe.skip;

/** Where the rendered pages go, for a person to look at (git-ignored). */
const SCREENSHOTS = join(__dirname, '..', 'e2e', 'screenshots', 'docs');

/** The sample city as one workbook, with the sample monitoring of 1405 H1 as its actuals. */
function sampleCityAtH1(): Plan {
  const own = new Set(['tblActuals', 'tblRevenueActuals', 'tblKpiActuals']);
  const monitoring = sampleMonitoringWorkbook().tables.filter((t) => own.has(t.name));
  const workbook: RawWorkbook = {
    tables: [...samplePlanWorkbook().tables.filter((t) => !own.has(t.name)), ...monitoring],
  };
  return readPlan(workbook).plan;
}

run('the Article 71 report on paper', () => {
  let h: Harness;
  let dir = '';
  beforeAll(async () => {
    if (!tools)
      throw new Error('soffice and pdfinfo are required in CI (libreoffice-writer, poppler-utils)');
    dir = mkdtempSync(join(tmpdir(), 'plan-a71-'));
    h = await openHarness('pglite', {}, {}, { monitoring: true });
  });
  afterAll(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const url = () => `/api/cycles/${h.cycleId}/documents/article-71`;
  const get = (path: string, token: string) =>
    request(h.app).get(path).set(bearer(token)).buffer(true).parse(binary);
  const pagesOf = pdfPages;
  const pageText = pdfPageText;
  const png = (pdf: string, page: number, name: string) =>
    pdfPageToPng(pdf, page, SCREENSHOTS, name);

  it('makes the report of 1405 H1: its chapters, the adopted plan, the core’s figures', async () => {
    const res = await get(`${url()}?period=1405-H1`, h.tokens.council);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml.document');
    expect(res.headers['content-disposition']).toContain(`article71-1405-H1-${h.cycleId}.docx`);
    const pdf = officeToPdf(dir, 'article71', 'docx', new Uint8Array(res.body as Buffer));
    const pages = pagesOf(pdf);
    // The sample: a cover, the summary (spending by head, by every department and by its 25
    // programs), the works (the projects reported, the KPIs of 1405) and the attention list.
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(pages).toBeLessThanOrEqual(15);
    const texts = Array.from({ length: pages }, (_, i) => pageText(pdf, i + 1));

    // The cover: the period, and the adopted snapshot with its resolution (handlers/seed.ts:
    // SAMPLE_RESOLUTION, 9 for, 1 against, 1 abstaining); no page is a draft.
    const cover = normal(texts[0] ?? '');
    expect(cover).toContain(normal('گزارش ماده ۷۱ قانون شهرداری‌ها'));
    expect(cover).toContain(normal('شش‌ماهه اول ۱۴۰۵'));
    // (pdftotext gives the period «۱۴۰۵–۱۴۰۹» in its visual order: only its words are compared.)
    expect(cover).toContain(normal('سنجیده با: نسخه ۱ برنامه دوره'));
    expect(cover).toContain(normal('مصوبه شماره'));
    expect(cover).toContain(normal('با ۹ رأی موافق، ۱ رأی مخالف و ۱ رأی ممتنع'));
    expect(texts.filter((t) => normal(t).includes(normal(DRAFT_MARK))).length).toBe(0);

    // Every chapter's heading on a page after the cover.
    const starts = ARTICLE71_CHAPTERS.map((c) =>
      texts.findIndex((t, i) => i > 0 && normal(t).includes(normal(c.fa))),
    );
    expect(starts.filter((s) => s < 0)).toEqual([]);

    // The figures, as the core computes them on the sample city at 1405 H1.
    const plan = sampleCityAtH1();
    const report = monitoringReport(plan, { year: 1405, period: 'H1' }, { department: '' });
    const summary = article71Summary(plan, report);
    if (!report.revenue.ok) throw new Error('the sample forecasts its revenue');
    const capital = summary.heads.find((x) => x.head === 'capital');
    const all = digits(texts.join('\n'));
    const figures = {
      'revenue forecast': report.revenue.total.forecast,
      'revenue realised': report.revenue.total.actual,
      'city current budget': report.city.currentBudget,
      'city committed': report.city.committed,
      'city paid': report.city.paid,
      'capital paid': capital?.paid ?? null,
      'first department paid': report.departments[0]?.paid ?? null,
      'off-track project BAC': summary.projects.find((p) => p.status === 'off-track')?.bac ?? null,
    };
    const missing = Object.entries(figures).filter(
      ([, v]) => v === null || !all.includes(digits(billions(v))),
    );
    expect(missing.map(([k, v]) => `${k} ${v === null ? 'none' : billions(v)}`)).toEqual([]);
    // The sample's attention list (tests/service/monitoring.test.ts): the off-track project,
    // the activity A-002 paying 30 % by H1, the service fees realising 39 %.
    const attention = texts[starts[2] ?? 0] ?? '';
    for (const item of ['A-002', summary.projects.find((p) => p.status === 'off-track')?.projectId])
      expect(attention).toContain(item);
    // How many projects are in progress and off track, as the summary counts them.
    expect(summary.works.ongoing).toBeGreaterThan(0);
    expect(summary.works.byStatus['off-track']).toBe(1);

    for (let p = 1; p <= Math.min(pages, 6); p += 1) png(pdf, p, `article71-${p}`);
  }, 300_000);

  it('stays measured against the adopted snapshot when a later one is not adopted', async () => {
    // A second snapshot of the cycle (the repository makes it as any; one source fewer, as a
    // snapshot the same as the last is refused), not yet adopted: the report still reads the
    // execution against snapshot 1, the plan the council adopted.
    const [first] = await h.test.repos.snapshots.list(TENANT, h.cycleId);
    const made = await h.test.repos.snapshots.create(
      TENANT,
      { cycleId: h.cycleId, trigger: 'explicit', sources: first!.sources.slice(1) },
      null,
    );
    if (!made.ok) throw new Error(made.reason);
    expect(made.snapshot.number).toBe(2);
    const res = await get(`${url()}?period=1405-H1`, h.tokens.council);
    expect(res.status).toBe(200);
    const pdf = officeToPdf(dir, 'article71-later', 'docx', new Uint8Array(res.body as Buffer));
    const cover = normal(pageText(pdf, 1));
    expect(cover).toContain(normal('سنجیده با: نسخه ۱ برنامه دوره'));
    expect(cover).not.toContain(normal(DRAFT_MARK));
  }, 300_000);

  it('is read by those who read the monitoring view; a bad period is a located 400', async () => {
    expect((await get(`${url()}?period=1405-H1`, h.tokens.preparer)).status).toBe(403);
    expect((await get(`/api/cycles/nope/documents/article-71`, h.tokens.council)).status).toBe(404);
    const bad = await request(h.app).get(`${url()}?period=1405-H7`).set(bearer(h.tokens.approver));
    expect(bad.status).toBe(400);
    expect(bad.body.details?.[0]?.path).toEqual(['period']);
    const unknown = await request(h.app).get(`${url()}?format=xlsx`).set(bearer(h.tokens.council));
    expect(unknown.status).toBe(400);
  });
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
