/**
 * `plan validate`: checks a workbook against the contract and prints every
 * finding, located by sheet and cell. Exit 0 without errors, 1 with errors,
 * 2 when the file cannot be read.
 */
import type { Language } from '#core';
import { hasErrors, fsi, ltr } from '#core';
import type { Command } from '../command';
import { checkWorkbook } from '../check';
import { countsText, findingsText, sortForPeople, toJsonFinding } from '../findings';
import { EXIT, reportProblem, toJson } from '../io';
import { loadWorkbook } from '../load';

/** Where to read about a finding's code, with the first one as the example. */
function readMore(code: string, lang: Language): string {
  return lang === 'fa'
    ? `توضیح هر کد و راه رفع آن: ${ltr('plan help')} <کد>، مانند ${ltr(`plan help ${code}`)}`
    : `What a code means and how to fix it: plan help <code>, e.g. plan help ${code}`;
}

/** `plan validate`: the findings of a workbook; exit 0 without errors, 1 with, 2 unreadable. */
export const validateCommand: Command = {
  name: 'validate',
  summary: {
    fa: 'کارپوشه را با قرارداد می‌سنجد و هر خطا و هشدار را با برگه و خانه‌اش نشان می‌دهد. کد خروج: ۰ بی‌خطا، ۱ با خطا، ۲ فایل ناخوانا.',
    en: 'Checks a workbook against the contract and lists every error and warning with its sheet and cell. Exit code: 0 no errors, 1 errors, 2 unreadable file.',
  },
  usage: 'validate FILE.xlsx [--reference FRAMEWORK.xlsx] [--table NAME] [--json]',
  examples: [
    'validate plan.xlsx',
    'validate dept-transport.xlsx --reference framework.xlsx --json',
    'validate projects.csv --table tblProjects --lang en',
  ],
  options: {
    reference: {
      type: 'string',
      value: 'FILE.xlsx',
      description: {
        fa: 'کارپوشه چارچوب شهر برای یافتن شناسه‌هایی که این کارپوشه ندارد',
        en: 'the city framework workbook, to resolve IDs this workbook does not hold',
      },
    },
    table: {
      type: 'string',
      value: 'NAME',
      description: {
        fa: 'نام جدول، وقتی ورودی \u2066CSV\u2069 است (مثلاً \u2066tblProjects\u2069)',
        en: 'table name when the input is a CSV file (e.g. tblProjects)',
      },
    },
  },
  positionals: { min: 1, max: 1, names: ['FILE.xlsx'] },
  async run(ctx) {
    const { io, lang } = ctx;
    const file = ctx.positionals[0] ?? '';
    const table = typeof ctx.values.table === 'string' ? ctx.values.table : null;
    const loaded = await loadWorkbook(io, file, { csvTable: table });
    if (!loaded.ok) return reportProblem(io, loaded.problem, lang);
    let reference;
    if (typeof ctx.values.reference === 'string') {
      const ref = await loadWorkbook(io, ctx.values.reference);
      if (!ref.ok) return reportProblem(io, ref.problem, lang);
      reference = ref.value.workbook;
    }
    const findings = sortForPeople(checkWorkbook(loaded.value.workbook, reference));
    if (ctx.json) {
      io.stdout.write(toJson({ findings: findings.map(toJsonFinding) }) + '\n');
    } else {
      const summary = `${lang === 'fa' ? fsi(file) : file}: ${countsText(findings, lang)}\n`;
      const more = findings.length ? `${readMore(findings[0]?.code ?? '', lang)}\n` : '';
      io.stdout.write(
        findingsText(findings, lang) + (findings.length ? '\n' : '') + summary + more,
      );
    }
    return hasErrors(findings) ? EXIT.findings : EXIT.ok;
  },
};
