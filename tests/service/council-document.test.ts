/**
 * The council's city plan as a document (issue 11, "Out"): the consolidated export of the
 * seeded sample city read back with exceljs, as a council member would open it. Expected
 * figures come from the same consolidation's JSON (exact Rials, divided by 10^9 for the
 * summaries' unit); captions from the core's vocabularies; dates from the register's own
 * workflow history, written as the Jalali day in Tehran.
 */
import ExcelJS from 'exceljs';
import request from 'supertest';
import type { RawWorkbook } from '#core';
import {
  GUIDE_SHEET,
  MIN_PRINT_SCALE,
  PORTFOLIO_OUT_CAPTIONS,
  PERSIAN_NUMERALS_PREFIX,
  REVENUE_SCENARIOS,
  SAMPLE_LOAN_PRINCIPAL,
  STATUS_CAPTIONS,
  formatJalali,
  formatNumber,
  localNumberFormat,
  tehranDayOf,
} from '#core';
import type { Consolidation } from '../../service/src/consolidate';
import { consolidationXlsx, coverFacts } from '../../service/src/consolidate/document';
import { testConfig } from '../../service/src/config';
import pino from 'pino';
import { readXlsx } from '../../io';
import { editable, push } from '../reliability/helpers';
import type { Harness } from './api-harness';
import { bearer, binary, openHarness, TENANT } from './api-harness';
import { SAMPLE_RESERVATION } from '../../service/src/handlers/seed';

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  return wb;
}

/** Every text of a sheet's cells, top to bottom. */
function texts(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => out.push(String(c.value ?? ''))));
  return out;
}

describe('the consolidated plan as a council document (pglite)', () => {
  let h: Harness;
  let bytes: Uint8Array;
  let report: Consolidation;
  beforeAll(async () => {
    h = await openHarness('pglite');
    const json = await request(h.app)
      .get(`/api/cycles/${h.cycleId}/consolidation`)
      .set(bearer(h.tokens.council));
    expect(json.status).toBe(200);
    report = json.body as Consolidation;
    const res = await request(h.app)
      .get(`/api/cycles/${h.cycleId}/consolidation?format=xlsx`)
      .set(bearer(h.tokens.council))
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    bytes = new Uint8Array(res.body as Buffer);
  });
  afterAll(async () => {
    await h.close();
  });

  it('opens on a cover and ends with the editor guide', async () => {
    const wb = await open(bytes);
    const visible = wb.worksheets.filter((w) => w.state !== 'hidden').map((w) => w.name);
    expect(visible[0]).toBe('جلد و فهرست');
    expect(visible.at(-1)).toBe(GUIDE_SHEET.fa);
    // The summaries come before the plan's own tables.
    expect(visible.indexOf('جمع واحدها')).toBeLessThan(visible.indexOf('پروژه‌ها'));
  });

  it('says on the cover whose plan it is, where the cycle stands, who approved and when', async () => {
    const wb = await open(bytes);
    const cover = texts(wb.getWorksheet('جلد و فهرست') as ExcelJS.Worksheet);
    expect(cover).toContain('شهر: شهر نمونه');
    expect(cover).toContain('دوره برنامه: ۱۴۰۵ تا ۱۴۰۹');
    // Every seeded submission is approved (the seed approves each one).
    const n = report.sources.length;
    expect(cover).toContain(
      `وضعیت چرخه: هر ${formatNumber(n, 'fa')} کارپوشه ${STATUS_CAPTIONS.approved.fa}`,
    );
    // The framework's approval day, from its history, as the Jalali day in Tehran.
    const framework = report.sources.find((s) => s.kind === 'framework');
    const history = await request(h.app)
      .get(`/api/submissions/${framework?.submissionId}/history`)
      .set(bearer(h.tokens.council));
    const approved = (history.body as { action: string; createdAt: string }[]).find(
      (e) => e.action === 'approve',
    );
    expect(approved).toBeDefined();
    expect(cover).toContain(formatJalali(tehranDayOf(new Date(String(approved?.createdAt))), 'fa'));
    // No council member approved anything in the seed: no resolution to show.
    expect(cover.some((t) => t.startsWith('مصوبه شورا: در سامانه ثبت نشده است'))).toBe(true);
    // The contents names every visible sheet but the cover.
    const visible = wb.worksheets.filter((w) => w.state !== 'hidden').map((w) => w.name);
    for (const sheet of visible.slice(1)) expect(cover).toContain(sheet);
  });

  it('reports the budget album and the three balances, adding up to the figures beside them', async () => {
    // Independent of the album code: the sample's budget lines summed here by stage, the
    // current budget being approved + amended + supplement (contract v2).
    const lines = (report.workbook as RawWorkbook).tables.find((t) => t.name === 'tblBudgetLines');
    const col = (key: string) => lines?.header.indexOf(key) ?? -1;
    const byStage = new Map<string, Map<string, bigint>>();
    for (const r of lines?.rows ?? []) {
      const stage = String(r[col('Stage')] ?? '') || 'approved';
      const year = String(r[col('Year')]);
      const m = byStage.get(stage) ?? new Map<string, bigint>();
      byStage.set(stage, m);
      m.set(year, (m.get(year) ?? 0n) + BigInt(String(r[col('Amount')])));
    }
    const current = new Map<string, bigint>();
    for (const stage of ['approved', 'amended', 'supplement'])
      for (const [y, v] of byStage.get(stage) ?? []) current.set(y, (current.get(y) ?? 0n) + v);
    expect(current.size).toBeGreaterThan(0);
    for (const [y, v] of current) {
      expect(report.budget.byStage.current?.[y]).toBe(v.toString());
      // Every grouping splits the same current budget.
      for (const by of ['byHead', 'byChapter', 'byFunction', 'byProgram', 'byScheme'] as const) {
        const sum = Object.values(report.budget[by]).reduce(
          (t, g) => t + BigInt(g[y]?.budget ?? '0'),
          0n,
        );
        expect({ by, y, sum }).toEqual({ by, y, sum: v });
      }
    }
    // The loan's principal (a line that links no item) reached the city plan through the
    // finance department's workbook: the financial head of the first year.
    expect(report.budget.byHead.financial?.[String(report.years[0])]?.budget).toBe(
      SAMPLE_LOAN_PRINCIPAL.toString(),
    );
    expect(report.fiscal[0]?.years[0]?.financial).toBe(SAMPLE_LOAN_PRINCIPAL.toString());
    // The plan figure beside the capital head is the projects' cost of the fiscal balance.
    const base = report.fiscal[0];
    for (const fy of base?.years ?? [])
      expect(report.budget.byHead.capital?.[fy.year]?.plan ?? '0').toBe(fy.projects);

    // The three balances add up to the gap; the cash position carries the opening balance.
    for (const s of report.fiscal) {
      let cash = BigInt(s.openingBalance);
      for (const y of s.years) {
        if (y.gap === null) continue;
        const parts = [y.operating, y.capitalBalance, y.financialBalance].map((v) =>
          BigInt(v ?? 0),
        );
        expect(parts.reduce((a, b) => a + b, 0n)).toBe(BigInt(y.gap));
        cash += BigInt(y.gap);
        expect(y.cash).toBe(cash.toString());
      }
    }

    // On paper: the album's sheet, heads named in Persian, and the balances table.
    const file = await readXlsx(bytes);
    if (!file.ok) throw new Error(file.error.message.en);
    const byHead = file.workbook.tables.find((t) => t.name === 'tblCityBudgetByHead');
    expect(byHead?.rows.map((r) => r[0]).sort()).toEqual(
      ['تملک دارایی سرمایه‌ای', 'تملک دارایی مالی', 'هزینه‌ای (جاری)'].sort(),
    );
    const firstYear = [...current.keys()].sort()[0] ?? '';
    const budgetCol =
      byHead?.header.indexOf(`بودجه ${formatNumber(Number(firstYear), 'fa').replace(/٬/g, '')}`) ??
      -1;
    expect(budgetCol).toBeGreaterThan(0);
    const onPaper = (byHead?.rows ?? []).reduce((t, r) => t + Number(r[budgetCol]), 0);
    expect(onPaper).toBeCloseTo(Number(current.get(firstYear)) / 1e9, 6);
    // The fiscal table shows the financial head its total includes: the parts add up.
    const fiscalTable = file.workbook.tables.find((t) => t.name === 'tblCityFiscal');
    const h = (name: string) => fiscalTable?.header.indexOf(name) ?? -1;
    expect(h('تملک دارایی مالی')).toBeGreaterThan(0);
    for (const r of fiscalTable?.rows ?? []) {
      const parts = ['فعالیت‌های مستمر', 'پروژه‌ها', 'هزینه بهره‌برداری', 'تملک دارایی مالی'];
      const sum = parts.reduce((t, p) => t + Number(r[h(p)] ?? 0), 0);
      expect(sum).toBeCloseTo(Number(r[h('هزینه کل')]), 6);
    }
    // The plan, not its execution: actuals are the six-monthly report's.
    const names = file.workbook.tables.map((t) => t.name);
    for (const t of ['tblActuals', 'tblKpiActuals', 'tblRevenueActuals'])
      expect(names).not.toContain(t);
    expect(names).toContain('tblBudgetLines');
    const balances = file.workbook.tables.find((t) => t.name === 'tblCityBalances');
    expect(balances?.header).toEqual([
      'سناریو',
      'سال',
      'تراز عملیاتی',
      'تراز سرمایه‌ای',
      'تراز مالی',
      'مازاد/کسری',
      'موجودی پایان سال',
    ]);
    // In the plan's scenario (the portfolio's), a row per plan year.
    expect(balances?.rows.map((r) => r[0])).toEqual(
      report.years.map(
        () => REVENUE_SCENARIOS.find((s) => s.value === report.portfolio?.scenario)?.fa,
      ),
    );
  });

  it('states summaries in billion Rials, with names beside codes and totals rows', async () => {
    const file = await readXlsx(bytes);
    if (!file.ok) throw new Error(file.error.message.en);
    const wb = await open(bytes);
    const ws = wb.getWorksheet('جمع واحدها') as ExcelJS.Worksheet;
    expect(String(ws.getCell('A1').value)).toBe(
      'هزینه پروژه‌ها و فعالیت‌ها به تفکیک واحد (میلیارد ریال)',
    );
    const byDept = file.workbook.tables.find((t) => t.name === 'tblCityByDept');
    expect(byDept?.header.slice(0, 2)).toEqual(['شناسه واحد', 'نام واحد']);
    // The totals row (Excel's, which readers skip) holds each year's city total.
    const rows = byDept?.rows.length ?? 0;
    const totalsRow = ws.getRow(2 + rows + 1);
    expect(totalsRow.getCell(1).value).toBe('جمع');
    report.years.forEach((y, i) => {
      const cell = totalsRow.getCell(3 + i).value as { result?: number } | null;
      expect(cell?.result).toBeCloseTo(Number(report.totals.total[String(y)]) / 1e9, 6);
      expect(ws.getCell(3, 3 + i).numFmt).toBe(localNumberFormat('#,##0.0;-#,##0.0;"-"', 'fa'));
    });
    // Years are written without a separator on the fiscal sheet.
    const fiscal = wb.getWorksheet('تراز مالی') as ExcelJS.Worksheet;
    expect(fiscal.getCell('B3').value).toBe(report.years[0]);
    expect(fiscal.getCell('B3').numFmt).toBe(`${PERSIAN_NUMERALS_PREFIX}0`);
    // Scenarios by their Persian captions.
    const scenarios = file.workbook.tables
      .find((t) => t.name === 'tblCityFiscal')
      ?.rows.map((r) => r[0]);
    expect(new Set(scenarios)).toEqual(new Set(REVENUE_SCENARIOS.map((s) => s.fa)));
    // The plan's own tables keep exact Rials.
    const projects = file.workbook.tables.find((t) => t.name === 'tblProjects');
    const planProjects = (report.workbook as RawWorkbook).tables.find(
      (t) => t.name === 'tblProjects',
    );
    const col = planProjects?.header.indexOf('1405') ?? -1;
    expect(String(projects?.rows[0]?.[projects.header.indexOf('1405')])).toBe(
      String(planProjects?.rows[0]?.[col]),
    );
  });

  it('writes no English word on the summary sheets but codes', async () => {
    const wb = await open(bytes);
    const codes = /^[A-Z]{1,6}(-[A-Z0-9.]+)*$|^[A-Z]+[0-9.]+$|^[A-Z]-[A-Z]+$/;
    for (const name of [
      'جلد و فهرست',
      'خلاصه هزینه‌ها',
      'جمع واحدها',
      'جمع برنامه‌ها',
      'تراز مالی',
      'سبد پروژه‌ها',
      'زنجیره',
      'پوشش شاخص‌ها',
      'امضای دستگاه‌ها',
    ]) {
      const ws = wb.getWorksheet(name) as ExcelJS.Worksheet;
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (typeof c.value !== 'string') return;
          // The seed's people are named by their e-mail names (user data, not the document's).
          if (name === 'جلد و فهرست' && Number(c.col) === 7) return;
          // Codes are set in bidi isolates in Persian text (the core's ltr/fsi).
          for (const word of c.value.replace(/[\u2066-\u2069]/g, '').split(/[\s،,()«»:؛/]+/))
            if (/[A-Za-z]/.test(word))
              expect({ sheet: name, word, code: codes.test(word) }).toEqual({
                sheet: name,
                word,
                code: true,
              });
        }),
      );
    }
  });

  it('lists every agency’s sign-off: position, reservation, Jalali day, snapshot, current or stale', async () => {
    const wb = await open(bytes);
    const ws = wb.getWorksheet('امضای دستگاه‌ها') as ExcelJS.Worksheet;
    expect(ws).toBeDefined();
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const header = rows.findIndex((r) => r[0] === 'شناسه دستگاه');
    expect(rows[header]).toEqual([
      'شناسه دستگاه',
      'دستگاه اجرایی',
      'موضع',
      'ملاحظات یا دلیل',
      'تاریخ امضا',
      'نسخه امضاشده',
      'وضعیت امضا',
    ]);
    const body = rows.slice(header + 1);
    // The seed's water company signed snapshot 1 with a reservation; the other three have not.
    expect(body.map((r) => r[0])).toEqual(['SH13', 'SH14', 'SH15', 'SH16']);
    const [water, power] = body;
    expect(water?.slice(0, 4)).toEqual([
      'SH13',
      'شرکت آب و فاضلاب استان',
      'موافق با ملاحظات',
      SAMPLE_RESERVATION,
    ]);
    expect(String(water?.[4])).toMatch(/^[۰-۹]{4}\/[۰-۹]{2}\/[۰-۹]{2}$/);
    expect(water?.slice(5)).toEqual(['نسخه ۱ برنامه دوره ۱۴۰۵–۱۴۰۹', 'به‌روز']);
    expect(power?.[2]).toBe('امضا نشده');
    const cover = texts(wb.getWorksheet('جلد و فهرست') as ExcelJS.Worksheet);
    expect(cover).toContain('امضای دستگاه‌ها');
  });

  it('lists every project with its title, score, rank and why it is out', async () => {
    const facts = await coverFacts(
      {
        repos: h.test.repos,
        config: testConfig(),
        logger: pino({ level: 'silent' }),
        databaseKind: 'pglite',
      },
      TENANT,
      h.cycleId,
    );
    const portfolio = report.portfolio;
    if (portfolio === null) throw new Error('the sample has a capital budget');
    // The same report with one chosen project left out and another excluded as dropped.
    const [out, dropped] = portfolio.chosen;
    const edited: Consolidation = {
      ...report,
      portfolio: {
        ...portfolio,
        chosen: portfolio.chosen.filter((id) => id !== out && id !== dropped),
        excluded: [{ id: String(dropped), reason: 'dropped' }],
      },
    };
    const file = await readXlsx(await consolidationXlsx(edited, facts));
    if (!file.ok) throw new Error(file.error.message.en);
    const table = file.workbook.tables.find((t) => t.name === 'tblCityPortfolio');
    expect(table?.header.slice(0, 4)).toEqual(['رتبه', 'شناسه پروژه', 'عنوان پروژه', 'امتیاز']);
    const planProjects = (report.workbook as RawWorkbook).tables.find(
      (t) => t.name === 'tblProjects',
    );
    expect(table?.rows).toHaveLength(planProjects?.rows.length ?? -1);
    const row = (id: string | undefined) => table?.rows.find((r) => r[1] === id) ?? [];
    const title = planProjects?.header.indexOf('Title') ?? -1;
    expect(row(out)[2]).toBe(planProjects?.rows.find((r) => r[0] === out)?.[title]);
    expect(row(out).slice(-2)).toEqual(['خیر', PORTFOLIO_OUT_CAPTIONS['not-chosen'].fa]);
    expect(row(dropped).slice(-2)).toEqual(['خیر', PORTFOLIO_OUT_CAPTIONS.dropped.fa]);
    const chosen = table?.rows.find((r) => r[1] === portfolio.chosen[2]) ?? [];
    expect(chosen.slice(-2)).toEqual(['بله', null]);
    // Ranked: rank 1 first, scores falling.
    const scores = (table?.rows ?? []).map((r) => Number(r[3]));
    expect(table?.rows[0]?.[0]).toBe(1);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('prints every sheet right-to-left on A4, at 70 % or more, with the footer and repeated headers', async () => {
    const wb = await open(bytes);
    for (const ws of wb.worksheets.filter((w) => w.state !== 'hidden')) {
      const setup = ws.pageSetup;
      expect({ sheet: ws.name, paper: setup.paperSize }).toEqual({ sheet: ws.name, paper: 9 });
      expect(setup.scale).toBeGreaterThanOrEqual(MIN_PRINT_SCALE);
      expect(['portrait', 'landscape']).toContain(setup.orientation);
      expect(ws.views[0]?.rightToLeft).toBe(true);
      const footer = (ws.headerFooter.oddFooter ?? '').replace(/\u200f/g, '');
      expect(footer.replace(/\u200e/g, '')).toContain('صفحه &P از &N');
      expect(footer).toContain('شهر نمونه');
      expect(footer).toMatch(/[۰-۹]{4}\/[۰-۹]{2}\/[۰-۹]{2}/);
      // A sheet of one table repeats its title and header rows on every page.
      const tables = ws.getTables();
      if (tables.length === 1) expect(setup.printTitlesRow).toBe('1:2');
    }
  });

  it('shows the council resolution when a council member approved with one', async () => {
    const plan = await editable(h, 'D-URB');
    const pushed = await push(h, plan.id, h.tokens.admin, plan.workbook, plan.version);
    expect(pushed.status).toBe(201);
    for (const [token, action, note] of [
      [h.tokens.admin, 'submit', undefined],
      [h.tokens.reviewer, 'review', undefined],
      [h.tokens.council, 'approve', 'مصوبه شماره ۱۲۳ شورای اسلامی شهر'],
    ] as const) {
      const step = await request(h.app)
        .post(`/api/submissions/${plan.id}/transitions`)
        .set(bearer(token))
        .send({ action, ...(note && { note }) });
      expect(step.status).toBe(200);
    }
    const res = await request(h.app)
      .get(`/api/cycles/${h.cycleId}/consolidation?format=xlsx`)
      .set(bearer(h.tokens.council))
      .buffer(true)
      .parse(binary);
    const cover = texts(
      (await open(new Uint8Array(res.body as Buffer))).getWorksheet(
        'جلد و فهرست',
      ) as ExcelJS.Worksheet,
    );
    expect(cover).toContain('مصوبه شورا: مصوبه شماره ۱۲۳ شورای اسلامی شهر');
  });

  it('exports a cycle with nothing approved yet: a cover that says so, empty summaries', async () => {
    const created = await request(h.app)
      .post('/api/cycles')
      .set(bearer(h.tokens.admin))
      .send({ startYear: 1410, title: 'برنامه ۱۴۱۰', planningDepartmentCode: 'D-PLN' });
    expect(created.status).toBe(201);
    const res = await request(h.app)
      .get(`/api/cycles/${created.body.id}/consolidation?format=xlsx`)
      .set(bearer(h.tokens.council))
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    const wb = await open(new Uint8Array(res.body as Buffer));
    const cover = texts(wb.getWorksheet('جلد و فهرست') as ExcelJS.Worksheet);
    expect(cover).toContain('وضعیت چرخه: هنوز کارپوشه‌ای در این چرخه ثبت نشده است');
    expect(cover).toContain('برنامه ۱۴۱۰');
    // The period is the cycle's when no plan says it; the summaries are there, empty.
    expect(cover).toContain('دوره برنامه: ۱۴۱۰ تا ۱۴۱۴');
    expect(wb.getWorksheet('جمع واحدها')).toBeDefined();
  });
});
