/**
 * `plan book` and `plan bill`: the plan book and the council bill of a city workbook as
 * `.docx`, without a register: the workbook is measured by the core as the register
 * measures its consolidation (`measureCityPlan`) and laid out by the documents module the
 * register uses too. A workbook is a plan not adopted: every page says «پیش‌نویس».
 */
import type { CityMeasure } from '#core';
import { fsi, measureCityPlan } from '#core';
import type { DocumentFacts } from '../../io';
import { councilBillDocx, planBookDocx } from '../../io';
import type { Command } from '../command';
import { EXIT, reportProblem, toJson } from '../io';
import { FORCE_OPTION, OUT_DOCX_OPTION, checkOutPath, outOption, writeOut } from '../output';
import { planFromFile, stopOnErrors } from '../plan-input';

type Make = (report: CityMeasure, facts: DocumentFacts) => Promise<Uint8Array>;

function documentCommand(input: {
  name: string;
  what: { fa: string; en: string };
  summary: { fa: string; en: string };
  make: Make;
}): Command {
  const { name, what, make } = input;
  return {
    name,
    summary: input.summary,
    usage: `${name} FILE.xlsx --out FILE.docx [--force]`,
    examples: [`${name} city-plan.xlsx --out ${name === 'book' ? 'plan' : 'bill'}.docx`],
    options: { out: OUT_DOCX_OPTION, force: FORCE_OPTION },
    positionals: { min: 1, max: 1, names: ['FILE.xlsx'] },
    async run(ctx) {
      const { io, lang } = ctx;
      const outPath = outOption(ctx, name);
      if (!outPath.ok) return reportProblem(io, outPath.problem, lang);
      const out = outPath.value;
      const target = await checkOutPath(io, out, ctx.values.force === true, name, '.docx');
      if (!target.ok) return reportProblem(io, target.problem, lang);
      const input = await planFromFile(ctx, ctx.positionals[0] ?? '');
      if (!input.ok) return reportProblem(io, input.problem, lang);
      const stop = stopOnErrors(ctx, input.value.findings, ['tblPlanInfo']);
      if (stop !== null) return stop;
      const report = await measureCityPlan(input.value.workbook);
      const bytes = await make(report, {
        municipality: input.value.plan.info.Municipality || input.value.plan.info.City,
        printedOn: new Date(),
        adopted: null,
      });
      const written = await writeOut(target.value, out, bytes);
      if (!written.ok) return reportProblem(io, written.problem, lang);
      io.stdout.write(
        ctx.json
          ? toJson({ out, draft: true }) + '\n'
          : lang === 'fa'
            ? `${what.fa} در «${fsi(out)}» نوشته شد (پیش‌نویس: برنامه هنوز تصویب نشده است).\n`
            : `Wrote ${what.en} to "${out}" (a draft: the plan is not adopted).\n`,
      );
      return EXIT.ok;
    },
  };
}

/** `plan book`: the plan book of a city workbook. */
export const bookCommand = documentCommand({
  name: 'book',
  what: { fa: 'سند برنامه', en: 'the plan book' },
  summary: {
    fa: 'سند برنامه راهبردی-عملیاتی شهر و شهرداری را از کارپوشه شهر به صورت \u2066.docx\u2069 می‌سازد: جلد، فهرست و فصل‌های برنامه، با مبالغ به میلیارد ریال.',
    en: 'Makes the plan book of a city workbook as .docx: cover, contents and the plan’s chapters, amounts in billion Rials.',
  },
  make: planBookDocx,
});

/** `plan bill`: the council bill of a city workbook. */
export const billCommand = documentCommand({
  name: 'bill',
  what: { fa: 'لایحه شورا', en: 'the council bill' },
  summary: {
    fa: 'لایحه برنامه برای شورای شهر را از کارپوشه شهر به صورت \u2066.docx\u2069 می‌سازد: نامه با امضای شهردار و جدول‌های خلاصه.',
    en: 'Makes the council bill of a city workbook as .docx: a cover letter signed by the mayor and the summary tables.',
  },
  make: councilBillDocx,
});
