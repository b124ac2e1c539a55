/**
 * `plan report71`: the six-monthly report of Article 71 of the Municipalities Law as a
 * print-ready workbook: income by class (forecast, realised), spending by head and by program
 * (current budget, paid), the completed and ongoing projects with their physical and
 * financial progress, and the KPIs of the year; Persian first (the sheets in the run's
 * language, right to left in Persian).
 */
import { fsi, periodCaption } from '#core';
import { writeArticle71Workbook } from '../../io';
import type { Command } from '../command';
import { num } from '../format';
import { EXIT, reportProblem, toJson } from '../io';
import { FORCE_OPTION, OUT_OPTION, checkOutPath, outOption, writeOut } from '../output';
import { MONITOR_OPTIONS, monitoringFromArgs } from './monitor';

export const report71Command: Command = {
  name: 'report71',
  summary: {
    fa: 'گزارش شش‌ماهه ماده ۷۱ قانون شهرداری‌ها، آماده چاپ: درآمد به تفکیک طبقه، هزینه به تفکیک سرفصل و برنامه، پروژه‌های تمام‌شده و در حال اجرا با پیشرفت فیزیکی و مالی، و شاخص‌ها.',
    en: 'The six-monthly report of Article 71 of the Municipalities Law, ready to print: income by class, spending by head and program, completed and ongoing projects with physical and financial progress, and the KPIs.',
  },
  usage: 'report71 FILE.xlsx --period 1405-H1 --out REPORT.xlsx [--reference PLAN.xlsx] [--force]',
  examples: [
    'report71 monitoring.xlsx --reference plan.xlsx --period 1405-H1 --out report-1405-H1.xlsx',
  ],
  options: { ...MONITOR_OPTIONS, out: OUT_OPTION, force: FORCE_OPTION },
  positionals: { min: 1, max: 1, names: ['FILE.xlsx'] },
  async run(ctx) {
    const { io, lang } = ctx;
    const out = outOption(ctx, 'report71');
    if (!out.ok) return reportProblem(io, out.problem, lang);
    const got = await monitoringFromArgs(ctx, 'report71');
    if (!got.ok) return got.code;
    const target = await checkOutPath(io, out.value, ctx.values.force === true, 'report71');
    if (!target.ok) return reportProblem(io, target.problem, lang);
    const { bytes, parts } = await writeArticle71Workbook(got.plan, got.report, lang);
    const written = await writeOut(target.value, out.value, bytes);
    if (!written.ok) return reportProblem(io, written.problem, lang);
    const when = periodCaption(got.report.year, got.report.period, lang);
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
