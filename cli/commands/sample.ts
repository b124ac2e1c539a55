/**
 * `plan sample`: writes the sample plan of a mid-sized Iranian city (in
 * Persian): every table filled, valid, and within the base revenue forecast.
 */
import { samplePlanWorkbook, SAMPLE_PLAN_YEARS, fsi } from '#core';
import { writeRawWorkbook } from '../../io/write';
import type { Command } from '../command';

import { num } from '../format';
import { EXIT, reportProblem, toJson } from '../io';
import { FORCE_OPTION, OUT_OPTION, checkOutPath, outOption, writeOut } from '../output';

/** `plan sample`: the sample plan workbook. */
export const sampleCommand: Command = {
  name: 'sample',
  summary: {
    fa: 'کارپوشه نمونه کامل برنامه یک شهر میانه (۱۴۰۵ تا ۱۴۰۹) را می‌سازد؛ برای آموختن و آزمودن.',
    en: 'Writes a complete sample plan of a mid-sized city (1405 to 1409, in Persian), to learn from and test with.',
  },
  usage: 'sample --out FILE.xlsx [--force]',
  examples: ['sample --out sample-plan.xlsx', 'sample --out sample-plan.xlsx --force --json'],
  options: {
    out: OUT_OPTION,
    force: FORCE_OPTION,
  },
  positionals: { min: 0, max: 0, names: [] },
  async run(ctx) {
    const { io, lang } = ctx;
    const out = outOption(ctx, 'sample');
    if (!out.ok) return reportProblem(io, out.problem, lang);
    const target = await checkOutPath(io, out.value, ctx.values.force === true, 'sample');
    if (!target.ok) return reportProblem(io, target.problem, lang);
    const workbook = samplePlanWorkbook();
    const bytes = await writeRawWorkbook(workbook, { lang: 'fa', years: SAMPLE_PLAN_YEARS });
    const written = await writeOut(target.value, out.value, bytes);
    if (!written.ok) return reportProblem(io, written.problem, lang);
    const rows = workbook.tables.reduce((n, t) => n + t.rows.length, 0);
    if (ctx.json) {
      io.stdout.write(
        toJson({
          out: out.value,
          tables: workbook.tables.map((t) => ({ name: t.name, rows: t.rows.length })),
        }) + '\n',
      );
    } else {
      io.stdout.write(
        lang === 'fa'
          ? `کارپوشه نمونه «${fsi(out.value)}» با ${num(workbook.tables.length, lang)} جدول و ${num(rows, lang)} ردیف ساخته شد.\n`
          : `Wrote the sample plan "${out.value}": ${workbook.tables.length} tables, ${num(rows, lang)} rows.\n`,
      );
    }
    return EXIT.ok;
  },
};
