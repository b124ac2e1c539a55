/**
 * The council bill (لایحه) that sends the plan book to the city council: a short cover letter
 * signed by the mayor (tblPlanInfo `Signatory` and `SignatoryTitle`) and the summary tables,
 * from the same measured city plan as the book (figures from the core; money in billion
 * Rials rounded once from exact Rials).
 */
import type { CityMeasure } from '#core';
import { formatJalali, readPlan, scenarioCaption, tehranDayOf, toPersianDigits } from '#core';
import type { Paragraph, Table } from 'docx';
import type { DocumentFacts } from './book';
import { BILLION_CAPTION, billions } from './book';
import type { CellValue, PageFrame } from './docx';
import { SIZE, heading, packDocument, para, section, table } from './docx';

/** The signatory's title when the plan gives none. */
export const DEFAULT_SIGNATORY_TITLE = 'شهردار';

/** The council bill of a measured city plan, as `.docx` bytes. */
export async function councilBillDocx(
  report: CityMeasure,
  facts: DocumentFacts,
): Promise<Uint8Array> {
  const plan = readPlan(report.workbook).plan;
  const city = plan.info.City || facts.municipality;
  const title = plan.info.PlanTitle || 'سند برنامه راهبردی-عملیاتی شهر و شهرداری';
  const date = formatJalali(tehranDayOf(facts.printedOn), 'fa');
  const frame: PageFrame = {
    adopted: facts.adopted !== null,
    practice: facts.practice === true,
    title: `لایحه ${title}`,
    footer: `${city}، ${date}`,
  };
  const years = report.years;
  const y = (n: number) => toPersianDigits(String(n));
  const money = (v: string | bigint | null | undefined): CellValue => ({
    text: billions(v),
    number: true,
  });
  const sum = (a: Record<string, string> | undefined) =>
    years.reduce((t, yr) => t + BigInt(a?.[yr] ?? '0'), 0n);
  const first = years[0];
  const last = years.at(-1);
  const period = first === undefined || last === undefined ? '' : ` ${y(first)} تا ${y(last)}`;
  const signatory = plan.info.Signatory;
  const signTitle = plan.info.SignatoryTitle || DEFAULT_SIGNATORY_TITLE;
  const blocks: (Paragraph | Table)[] = [
    para(`تاریخ: ${date}`, { align: 'end', size: SIZE.small }),
    para(`ریاست محترم شورای اسلامی ${city}`, { bold: true, before: 240 }),
    para('با سلام و احترام،', { after: 200 }),
    para(
      `به پیوست «${title}» برای دوره${period}، که از برنامه‌های تصویب‌شده واحدهای شهرداری فراهم شده است، همراه با جدول‌های خلاصه هزینه‌ها، منابع و تراز مالی آن تقدیم می‌شود. خواهشمند است دستور فرمایید در دستور کار شورا قرار گیرد و نتیجه بررسی و تصویب آن به شهرداری اعلام شود.`,
      { align: 'justify', after: 400 },
    ),
    para(signatory || '(نام امضاکننده در مشخصات برنامه نیامده است)', {
      align: 'end',
      bold: true,
      after: 0,
    }),
    para(signTitle, { align: 'end', after: 400 }),
    // Once adopted: the council's resolution, with its vote.
    ...(facts.adopted === null
      ? []
      : (facts.resolutions ?? []).map((r) => para(r, { bold: true, after: 200 }))),
    heading(`هزینه‌های برنامه به تفکیک واحد (${BILLION_CAPTION})`, 2),
    table(
      ['واحد', ...years.map(y), 'جمع دوره'],
      Object.entries(report.totals.byDepartment).map(([code, amounts]) => [
        plan.tables.tblDepartments?.rows.find((d) => d.DeptId === code)?.Name ?? (code || 'نامشخص'),
        ...years.map((yr) => money(amounts[yr] ?? '0')),
        money(sum(amounts)),
      ]),
      {
        totals: [
          'جمع شهر',
          ...years.map((yr) => money(report.totals.total[yr] ?? '0')),
          money(sum(report.totals.total)),
        ],
      },
    ),
    heading(`هزینه‌ها به تفکیک منبع تأمین (${BILLION_CAPTION})`, 2),
    table(
      ['منبع تأمین', ...years.map(y), 'جمع دوره'],
      Object.entries(report.totals.bySource).map(([code, amounts]) => [
        plan.tables.tblFundingSources?.rows.find((s) => s.SourceId === code)?.Title ??
          (code || 'نامشخص'),
        ...years.map((yr) => money(amounts[yr] ?? '0')),
        money(sum(amounts)),
      ]),
    ),
    heading(`تراز مالی در سناریوهای درآمد (${BILLION_CAPTION})`, 2),
    table(
      ['سناریو', 'سال', 'درآمد پیش‌بینی', 'هزینه کل', 'مازاد/کسری'],
      report.fiscal.flatMap((s) =>
        s.years.map((f) => [
          scenarioCaption(s.scenario, 'fa'),
          y(f.year),
          money(f.revenue),
          money(f.spending),
          money(f.gap),
        ]),
      ),
    ),
  ];
  return packDocument({
    title: frame.title,
    subject: 'لایحه برنامه راهبردی-عملیاتی شهر و شهرداری',
    sections: [section(frame, blocks)],
  });
}
