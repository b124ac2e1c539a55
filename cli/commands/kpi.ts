/**
 * `plan kpi`: the monitoring report of every KPI: each year with an actual,
 * its target, progress and status (on track ≥ 0.9, at risk ≥ 0.6), and the trend.
 */
import type { KpiStatus } from '#core';
import { kpiReport } from '#core';
import type { Command } from '../command';
import { numShort, percent, plain, textTable } from '../format';
import { EXIT, reportProblem, toJson } from '../io';
import { planFromFile, stopOnErrors } from '../plan-input';

const STATUS: Record<KpiStatus, { fa: string; en: string }> = {
  'on-track': { fa: 'در مسیر', en: 'on track' },
  'at-risk': { fa: 'در خطر', en: 'at risk' },
  'off-track': { fa: 'خارج از مسیر', en: 'off track' },
  'no-data': { fa: 'بی‌داده', en: 'no data' },
};

/** `plan kpi`: the KPI monitoring report. */
export const kpiCommand: Command = {
  name: 'kpi',
  summary: {
    fa: 'گزارش پایش شاخص‌ها: هدف، مقدار واقعی، درصد پیشرفت و وضعیت هر شاخص در هر سال، و روند آن.',
    en: 'KPI monitoring report: target, actual, progress and status of each KPI in each year, and its trend.',
  },
  usage: 'kpi FILE.xlsx [--reference FRAMEWORK.xlsx]',
  examples: ['kpi plan.xlsx', 'kpi plan.xlsx --lang en --json'],
  options: {
    reference: {
      type: 'string',
      value: 'FILE.xlsx',
      description: { fa: 'کارپوشه چارچوب شهر', en: 'the city framework workbook' },
    },
  },
  positionals: { min: 1, max: 1, names: ['FILE.xlsx'] },
  async run(ctx) {
    const { io, lang } = ctx;
    const input = await planFromFile(
      ctx,
      ctx.positionals[0] ?? '',
      typeof ctx.values.reference === 'string' ? ctx.values.reference : undefined,
    );
    if (!input.ok) return reportProblem(io, input.problem, lang);
    const stop = stopOnErrors(ctx, input.value.findings, ['tblKpis', 'tblKpiActuals']);
    if (stop !== null) return stop;
    const report = kpiReport(input.value.plan);
    if (ctx.json) {
      io.stdout.write(toJson({ kpis: report }) + '\n');
      return EXIT.ok;
    }
    const rows: string[][] = [];
    for (const k of report) {
      if (k.years.length === 0) {
        rows.push([
          k.kpiId,
          k.title,
          '-',
          '-',
          '-',
          '-',
          lang === 'fa' ? STATUS['no-data'].fa : STATUS['no-data'].en,
        ]);
        continue;
      }
      for (const y of k.years)
        rows.push([
          k.kpiId,
          k.title,
          `${plain(y.year, lang)}${y.provisional ? ` ${y.period}` : ''}`,
          y.target === null ? '-' : numShort(y.target, lang),
          numShort(y.actual, lang),
          y.progress === null ? '-' : percent(y.progress, lang, 0),
          lang === 'fa' ? STATUS[y.status].fa : STATUS[y.status].en,
        ]);
    }
    io.stdout.write(
      textTable(
        lang === 'fa'
          ? ['شاخص', 'عنوان', 'سال', 'هدف', 'واقعی', 'پیشرفت', 'وضعیت']
          : ['KPI', 'title', 'year', 'target', 'actual', 'progress', 'status'],
        rows,
        new Set([3, 4, 5]),
      ),
    );
    return EXIT.ok;
  },
};
