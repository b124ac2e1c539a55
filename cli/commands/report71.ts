/**
 * `plan report71`: the six-monthly report of Article 71 of the Municipalities Law as a
 * print-ready workbook: income by class (forecast, realised), spending by head and by program
 * (current budget, paid), the completed and ongoing projects with their physical and
 * financial progress, and the KPIs of the year; Persian first (the sheets in the run's
 * language, right to left in Persian). With `--out FILE.docx`, the same report as a document
 * in the plan book's format (`article71Docx`: cover, income and expenditure, the works, what
 * needs attention), in Persian; made from a workbook, it is a draft as `plan book`'s are.
 */
import { basename, extname } from 'node:path';
import { fsi, periodCaption } from '#core';
import { article71Docx, writeArticle71Workbook } from '../../io';
import type { Command, OptionSpec } from '../command';
import { num } from '../format';
import { EXIT, reportProblem, toJson } from '../io';
import { FORCE_OPTION, checkOutPath, outOption, writeOut } from '../output';
import { MONITOR_OPTIONS, monitoringFromArgs } from './monitor';

/** `--out`: a workbook, or (by its extension) the document. */
const OUT_ARTICLE71_OPTION: OptionSpec = {
  type: 'string',
  value: 'FILE.xlsx|FILE.docx',
  description: {
    fa: 'پرونده خروجی: \u2066.xlsx\u2069 (کارپوشه آماده چاپ) یا \u2066.docx\u2069 (سند گزارش)',
    en: 'the file to write: .xlsx (a print-ready workbook) or .docx (the report as a document)',
  },
};

export const report71Command: Command = {
  name: 'report71',
  summary: {
    fa: 'گزارش شش‌ماهه ماده ۷۱ قانون شهرداری‌ها، آماده چاپ: درآمد به تفکیک طبقه، هزینه به تفکیک سرفصل و برنامه، پروژه‌های تمام‌شده و در حال اجرا با پیشرفت فیزیکی و مالی، و شاخص‌ها.',
    en: 'The six-monthly report of Article 71 of the Municipalities Law, ready to print: income by class, spending by head and program, completed and ongoing projects with physical and financial progress, and the KPIs.',
  },
  usage:
    'report71 FILE.xlsx --period 1405-H1 --out REPORT.xlsx|REPORT.docx [--reference PLAN.xlsx] [--force]',
  examples: [
    'report71 monitoring.xlsx --reference plan.xlsx --period 1405-H1 --out report-1405-H1.xlsx',
    'report71 monitoring.xlsx --reference plan.xlsx --period 1405-H1 --out report-1405-H1.docx',
  ],
  options: { ...MONITOR_OPTIONS, out: OUT_ARTICLE71_OPTION, force: FORCE_OPTION },
  positionals: { min: 1, max: 1, names: ['FILE.xlsx'] },
  async run(ctx) {
    const { io, lang } = ctx;
    const out = outOption(ctx, 'report71');
    if (!out.ok) return reportProblem(io, out.problem, lang);
    const docx = extname(out.value).toLowerCase() === '.docx';
    const target = await checkOutPath(
      io,
      out.value,
      ctx.values.force === true,
      'report71',
      docx ? '.docx' : '.xlsx',
    );
    if (!target.ok) return reportProblem(io, target.problem, lang);
    const got = await monitoringFromArgs(ctx, 'report71');
    if (!got.ok) return got.code;
    const when = periodCaption(got.report.year, got.report.period, lang);
    if (docx) {
      const { plan, report } = got;
      const reference = typeof ctx.values.reference === 'string' ? ctx.values.reference : null;
      const bytes = await article71Docx(plan, report, {
        municipality: plan.info.Municipality || plan.info.City,
        printedOn: new Date(),
        adopted: null,
        baseline: `کارپوشه برنامه «${fsi(basename(reference ?? ctx.positionals[0] ?? ''))}»`,
      });
      const written = await writeOut(target.value, out.value, bytes);
      if (!written.ok) return reportProblem(io, written.problem, lang);
      io.stdout.write(
        ctx.json
          ? toJson({
              out: out.value,
              year: report.year,
              period: report.period,
              draft: true,
            }) + '\n'
          : lang === 'fa'
            ? `گزارش ماده ۷۱ ${when} در «${fsi(out.value)}» نوشته شد (پیش‌نویس: برنامه‌ای که با آن سنجیده شد هنوز تصویب نشده است).\n`
            : `Wrote the Article 71 report of ${when} to "${out.value}" (a draft: the plan it is measured against is not adopted).\n`,
      );
      return EXIT.ok;
    }
    const { bytes, parts } = await writeArticle71Workbook(got.plan, got.report, lang);
    const written = await writeOut(target.value, out.value, bytes);
    if (!written.ok) return reportProblem(io, written.problem, lang);
    io.stdout.write(
      ctx.json
        ? toJson({
            out: out.value,
            year: got.report.year,
            period: got.report.period,
            sheets: parts.map((p) => p.table.sheet),
          }) + '\n'
        : lang === 'fa'
          ? `گزارش ماده ۷۱ ${when} در «${fsi(out.value)}» نوشته شد (${num(parts.length, lang)} برگه).\n`
          : `Wrote the Article 71 report of ${when} to "${out.value}" (${parts.length} sheets).\n`,
    );
    return EXIT.ok;
  },
};
