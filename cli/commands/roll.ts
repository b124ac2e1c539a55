/**
 * `plan roll`: a plan workbook rolled a year on (the core's `rollPlan`, the register's
 * `POST …/roll` for one workbook): the next plan (start + 1 … end + 1) with the realised year's
 * payments in `SpentBefore` and its revenue in the history, from the workbook's own actuals (a
 * city workbook) or from a monitoring workbook given with `--monitoring`.
 */
import {
  fromCanonicalTables,
  fsi,
  placeTables,
  presentCanonicalTables,
  readPlan,
  rollPlan,
  toCanonicalTables,
  toPersianDigits,
} from '#core';
import { writeRawWorkbook } from '../../io/write';
import type { Command } from '../command';
import { EXIT, reportProblem, toJson } from '../io';
import { FORCE_OPTION, OUT_OPTION, checkOutPath, outOption, writeOut } from '../output';
import { planFromFile } from '../plan-input';

export const rollCommand: Command = {
  name: 'roll',
  summary: {
    fa: 'برنامه را یک سال به پیش می‌غلتاند: سال گذشته از برنامه بیرون می‌رود، پرداخت‌های آن به هزینه پیش از برنامه و درآمد تحقق‌یافته‌اش به سابقه درآمد افزوده می‌شود، و سال تازه پایانی خالی می‌ماند.',
    en: 'Rolls the plan a year on: the past year leaves the plan, its payments join SpentBefore and its realised revenue the revenue history, and the new last year is left empty.',
  },
  usage: 'roll FILE.xlsx --out NEXT.xlsx [--monitoring MONITORING.xlsx] [--force]',
  examples: [
    'roll plan-1405.xlsx --out plan-1406.xlsx',
    'roll plan-1405.xlsx --monitoring monitoring-1405.xlsx --out plan-1406.xlsx',
  ],
  options: {
    monitoring: {
      type: 'string',
      value: 'FILE',
      description: {
        fa: 'کارپوشه پایش سال گذشته (پیش‌فرض: عملکردهای خود کارپوشه)',
        en: 'the monitoring workbook of the past year (default: the workbook’s own actuals)',
      },
    },
    out: OUT_OPTION,
    force: FORCE_OPTION,
  },
  positionals: { min: 1, max: 1, names: ['FILE.xlsx'] },
  async run(ctx) {
    const { io, lang } = ctx;
    const out = outOption(ctx, 'roll');
    if (!out.ok) return reportProblem(io, out.problem, lang);
    const input = await planFromFile(ctx, ctx.positionals[0] ?? '');
    if (!input.ok) return reportProblem(io, input.problem, lang);
    const tables = toCanonicalTables(input.value.plan);
    let monitoring = tables;
    if (typeof ctx.values.monitoring === 'string') {
      const m = await planFromFile(ctx, ctx.values.monitoring);
      if (!m.ok) return reportProblem(io, m.problem, lang);
      monitoring = toCanonicalTables(m.value.plan);
    }
    if (input.value.plan.info.StartYear === null)
      return reportProblem(
        io,
        {
          code: EXIT.input,
          message: {
            fa: 'کارپوشه سال شروع برنامه ندارد؛ سال شروع را در مشخصات برنامه بنویسید',
            en: 'the workbook has no StartYear; give it in tblPlanInfo',
          },
          helpFor: 'roll',
        },
        lang,
      );
    const target = await checkOutPath(io, out.value, ctx.values.force === true, 'roll');
    if (!target.ok) return reportProblem(io, target.problem, lang);
    const rolled = rollPlan(tables, { monitoring });
    const raw = { tables: presentCanonicalTables(rolled.tables, 'fa') };
    const years = readPlan(fromCanonicalTables(rolled.tables)).plan.years;
    const bytes = await writeRawWorkbook(placeTables(raw, { lang: 'fa' }), { lang: 'fa', years });
    const written = await writeOut(target.value, out.value, bytes);
    if (!written.ok) return reportProblem(io, written.problem, lang);
    const notes = rolled.notes.map((n) => n[lang]);
    io.stdout.write(
      ctx.json
        ? toJson({
            out: out.value,
            startYear: rolled.startYear,
            realisedYear: rolled.realisedYear,
            notes,
          }) + '\n'
        : (lang === 'fa'
            ? `برنامه از ${toPersianDigits(String(rolled.startYear))} در «${fsi(out.value)}» نوشته شد.\n`
            : `Wrote the plan from ${rolled.startYear} to "${out.value}".\n`) +
            notes.map((n) => `- ${n}\n`).join(''),
    );
    return EXIT.ok;
  },
};
