/**
 * `plan template`: writes a new, empty plan workbook with every contract
 * table, in Persian or English.
 */
import type { WorkbookKind } from '#core';
import { WORKBOOK_KINDS, planTemplate, fsi } from '#core';
import { writeWorkbook } from '../../io/write';
import type { Command } from '../command';
import { intOption } from '../command';
import { EXIT, reportProblem, toJson } from '../io';
import { FORCE_OPTION, OUT_OPTION, checkOutPath, outOption, writeOut } from '../output';
import { num } from '../format';

/** `plan template`: a new, empty plan workbook. */
export const templateCommand: Command = {
  name: 'template',
  summary: {
    fa: 'کارپوشه خالی برنامه با همه جدول‌های قرارداد، عنوان‌های فارسی یا انگلیسی، فهرست‌های انتخابی و قالب اعداد می‌سازد.',
    en: 'Writes an empty plan workbook with every contract table, Persian or English captions, pick lists and number formats.',
  },
  usage:
    'template [--lang fa|en] --out FILE.xlsx [--start-year 1405] [--years 5] [--kind city] [--force]',
  examples: [
    'template --out plan-1405.xlsx',
    'template --lang en --out plan-en.xlsx --start-year 1406',
  ],
  options: {
    out: OUT_OPTION,
    'start-year': {
      type: 'string',
      value: 'YEAR',
      description: { fa: 'نخستین سال برنامه (پیش‌فرض ۱۴۰۵)', en: 'first plan year (default 1405)' },
    },
    years: {
      type: 'string',
      value: 'N',
      description: {
        fa: 'تعداد سال‌های برنامه (پیش‌فرض ۵)',
        en: 'number of plan years (default 5)',
      },
    },
    kind: {
      type: 'string',
      value: 'KIND',
      description: {
        fa: 'نوع کارپوشه: \u2066city\u2069، \u2066framework\u2069، \u2066department\u2069، \u2066revenue\u2069 یا \u2066monitoring\u2069',
        en: 'workbook kind: city, framework, department, revenue or monitoring',
      },
    },
    force: FORCE_OPTION,
  },
  positionals: { min: 0, max: 0, names: [] },
  async run(ctx) {
    const { io, lang } = ctx;
    const out = outOption(ctx, 'template');
    if (!out.ok) return reportProblem(io, out.problem, lang);
    const start = intOption(ctx, 'template', 'start-year', {
      min: 1300,
      max: 1599,
      fallback: 1405,
    });
    if (!start.ok) return reportProblem(io, start.problem, lang);
    const years = intOption(ctx, 'template', 'years', { min: 1, max: 10, fallback: 5 });
    if (!years.ok) return reportProblem(io, years.problem, lang);
    const kindText = ctx.values.kind ?? 'city';
    const kind = WORKBOOK_KINDS.find((k) => k.value === kindText)?.value;
    if (!kind)
      return reportProblem(
        io,
        {
          code: EXIT.input,
          message: {
            fa: `\u2066--kind\u2069 باید یکی از ${WORKBOOK_KINDS.map((k) => k.value).join('، ')} باشد`,
            en: `--kind must be one of ${WORKBOOK_KINDS.map((k) => k.value).join(', ')}`,
          },
          helpFor: 'template',
        },
        lang,
      );
    const target = await checkOutPath(io, out.value, ctx.values.force === true, 'template');
    if (!target.ok) return reportProblem(io, target.problem, lang);
    const layout = planTemplate({
      lang,
      startYear: start.value ?? 1405,
      years: years.value ?? 5,
      kind: kind as WorkbookKind,
      // The printed footer's date: the day the file is made, in Tehran.
      printedOn: new Date(),
    });
    const written = await writeOut(target.value, out.value, await writeWorkbook(layout));
    if (!written.ok) return reportProblem(io, written.problem, lang);
    const tables = layout.sheets.flatMap((s) => s.tables.map((t) => t.name));
    if (ctx.json) {
      io.stdout.write(
        toJson({ out: out.value, lang, sheets: layout.sheets.map((s) => s.name), tables }) + '\n',
      );
    } else {
      io.stdout.write(
        lang === 'fa'
          ? `کارپوشه «${fsi(out.value)}» با ${num(tables.length, lang)} جدول ساخته شد.\n`
          : `Wrote "${out.value}" with ${tables.length} tables.\n`,
      );
    }
    return EXIT.ok;
  },
};
