/**
 * `plan sample`: writes the sample plan of a mid-sized Iranian city (in
 * Persian): every table filled, valid, and within the base revenue forecast.
 */
import {
  SAMPLE_DEPARTMENTS,
  SAMPLE_PLAN_YEARS,
  fsi,
  sampleMonitoringWorkbook,
  samplePlanWorkbook,
} from '#core';
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
  usage: 'sample --out FILE.xlsx [--kind city|monitoring] [--dept DEPT] [--force]',
  examples: [
    'sample --out sample-plan.xlsx',
    'sample --out sample-plan.xlsx --force --json',
    'sample --kind monitoring --out monitoring-1405-H1.xlsx',
    'sample --kind monitoring --dept D-CIV --out civil-1405-H1.xlsx',
  ],
  options: {
    kind: {
      type: 'string',
      value: 'city|monitoring',
      description: {
        fa: 'نوع کارپوشه: برنامه شهر (پیش‌فرض) یا کارپوشه پایش شش‌ماهه اول ۱۴۰۵ همان برنامه',
        en: 'the kind of workbook: the city plan (default) or a monitoring workbook of it at 1405 H1',
      },
    },
    dept: {
      type: 'string',
      value: 'DEPT',
      description: {
        fa: 'با \u2066--kind monitoring\u2069: پایش یک واحد (شناسه واحد)، نه کل شهر',
        en: 'with --kind monitoring: one department (its DeptId) instead of the city',
      },
    },
    out: OUT_OPTION,
    force: FORCE_OPTION,
  },
  positionals: { min: 0, max: 0, names: [] },
  async run(ctx) {
    const { io, lang } = ctx;
    const kind = typeof ctx.values.kind === 'string' ? ctx.values.kind : 'city';
    const dept = typeof ctx.values.dept === 'string' ? ctx.values.dept : undefined;
    if (kind !== 'city' && kind !== 'monitoring')
      return reportProblem(
        io,
        {
          code: EXIT.input,
          message: {
            fa: `نوع «${fsi(kind)}» شناخته نیست؛ \u2066city\u2069 یا \u2066monitoring\u2069`,
            en: `unknown kind "${kind}"; city or monitoring`,
          },
          helpFor: 'sample',
        },
        lang,
      );
    if (dept !== undefined && kind !== 'monitoring')
      return reportProblem(
        io,
        {
          code: EXIT.input,
          message: {
            fa: 'گزینه \u2066--dept\u2069 تنها با \u2066--kind monitoring\u2069 به کار می‌آید',
            en: '--dept goes with --kind monitoring only',
          },
          helpFor: 'sample',
        },
        lang,
      );
    const out = outOption(ctx, 'sample');
    if (!out.ok) return reportProblem(io, out.problem, lang);
    const target = await checkOutPath(io, out.value, ctx.values.force === true, 'sample');
    if (!target.ok) return reportProblem(io, target.problem, lang);
    if (dept !== undefined && !SAMPLE_DEPARTMENTS.includes(dept))
      return reportProblem(
        io,
        {
          code: EXIT.input,
          message: {
            fa: `واحد «${fsi(dept)}» در برنامه نمونه نیست؛ یکی از ${SAMPLE_DEPARTMENTS.map((d) => fsi(d)).join('، ')}`,
            en: `department "${dept}" is not in the sample plan; one of ${SAMPLE_DEPARTMENTS.join(', ')}`,
          },
          helpFor: 'sample',
        },
        lang,
      );
    const workbook = kind === 'monitoring' ? sampleMonitoringWorkbook(dept) : samplePlanWorkbook();
    const bytes = await writeRawWorkbook(workbook, { lang: 'fa', years: SAMPLE_PLAN_YEARS });
    const written = await writeOut(target.value, out.value, bytes);
    if (!written.ok) return reportProblem(io, written.problem, lang);
    const rows = workbook.tables.reduce((n, t) => n + t.rows.length, 0);
    if (ctx.json) {
      io.stdout.write(
        toJson({
          out: out.value,
          kind,
          ...(dept !== undefined && { department: dept }),
          tables: workbook.tables.map((t) => ({ name: t.name, rows: t.rows.length })),
        }) + '\n',
      );
    } else {
      io.stdout.write(
        lang === 'fa'
          ? `کارپوشه ${kind === 'monitoring' ? 'پایش ' : ''}نمونه «${fsi(out.value)}» با ${num(workbook.tables.length, lang)} جدول و ${num(rows, lang)} ردیف ساخته شد.\n`
          : `Wrote the sample ${kind === 'monitoring' ? 'monitoring workbook' : 'plan'} "${out.value}": ${workbook.tables.length} tables, ${num(rows, lang)} rows.\n`,
      );
    }
    return EXIT.ok;
  },
};
