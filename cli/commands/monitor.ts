/**
 * `plan monitor`: the monitoring report of a plan at a period (contract v2): what needs
 * attention first (projects off track, items paying below 0.8 × the share of the year
 * elapsed, revenue short of its forecast by the same measure), then earned value per
 * project, budget execution per program, department and the city, revenue realisation per
 * class and the KPIs of the year.
 */
import type {
  Attention,
  GroupExecution,
  Language,
  MonitorPeriod,
  MonitoringReport,
  Plan,
  Rials,
} from '#core';
import {
  PERIODS,
  REVENUE_CLASSES,
  executionStatusCaption,
  fsi,
  kpiStatus,
  latestMonitorPeriod,
  monitoringReport,
  parseMonitorPeriod,
  scenarioCaption,
  KPI_STATUSES,
} from '#core';
import type { Command, CommandContext, OptionSpec } from '../command';
import { findingsText, toJsonFinding } from '../findings';
import { money, numShort, percent, plain, textTable } from '../format';
import { EXIT, reportProblem, toJson } from '../io';
import { planFromFile, stopOnErrors } from '../plan-input';

/** `1405-H1` in the run's language (Persian: «شش‌ماهه اول ۱۴۰۵»). */
function periodText(at: MonitorPeriod, lang: Language): string {
  const p = PERIODS.find((x) => x.value === at.period);
  return lang === 'fa'
    ? `${p?.fa ?? at.period} ${plain(at.year, lang)}`
    : `${at.year} ${at.period}`;
}

const ratioText = (v: number | null, lang: Language) => (v === null ? '-' : percent(v, lang, 1));
const indexText = (v: number | null, lang: Language) => (v === null ? '-' : numShort(v, lang, 2));
const m = (v: Rials | null, lang: Language) => (v === null ? '-' : money(v, lang));

function classCaption(c: string, lang: Language): string {
  return lang === 'fa' ? (REVENUE_CLASSES.find((x) => x.value === c)?.fa ?? c) : c;
}

function attentionLine(a: Attention, lang: Language): string {
  switch (a.kind) {
    case 'project-off-track':
      return lang === 'fa'
        ? `پروژه «${fsi(a.id)}» عقب از برنامه است: شاخص عملکرد زمان ${indexText(a.spi, lang)}، شاخص عملکرد هزینه ${indexText(a.cpi, lang)}`
        : `project ${a.id} is off track: SPI ${indexText(a.spi, lang)}, CPI ${indexText(a.cpi, lang)}`;
    case 'execution-low': {
      const noun =
        a.itemKind === 'project'
          ? { fa: 'پروژه', en: 'project' }
          : { fa: 'فعالیت', en: 'activity' };
      const of =
        a.measure === 'budget'
          ? { fa: 'بودجه جاری', en: 'its current budget' }
          : { fa: 'هزینه برنامه‌ریزی‌شده سال', en: 'its planned cost of the year' };
      return lang === 'fa'
        ? `${noun.fa} «${fsi(a.id)}» تنها ${ratioText(a.execution, lang)} ${of.fa} را پرداخته است، کمتر از ${ratioText(a.threshold, lang)}`
        : `${noun.en} ${a.id} has paid ${ratioText(a.execution, lang)} of ${of.en}, below ${ratioText(a.threshold, lang)}`;
    }
    case 'revenue-short':
      return lang === 'fa'
        ? `درآمد «${classCaption(a.revenueClass, lang)}» ${ratioText(a.realisation, lang)} پیش‌بینی سال تحقق یافته است، کمتر از ${ratioText(a.threshold, lang)}`
        : `revenue ${a.revenueClass} has realised ${ratioText(a.realisation, lang)} of the year's forecast, below ${ratioText(a.threshold, lang)}`;
  }
}

function groupRows(
  groups: readonly GroupExecution[],
  lang: Language,
  label: (k: string) => string,
) {
  return groups.map((g) => [
    label(g.key),
    m(g.planned, lang),
    m(g.currentBudget, lang),
    m(g.committed, lang),
    m(g.paid, lang),
    ratioText(g.committedExecution, lang),
    ratioText(g.paidExecution, lang),
    ratioText(g.planRealisation, lang),
  ]);
}

/** The readable report, leading with what needs attention. */
function readable(r: MonitoringReport, lang: Language): string {
  const fa = lang === 'fa';
  let out = fa
    ? `پایش اجرای برنامه تا پایان ${periodText(r, lang)}${r.department ? ` برای واحد «${fsi(r.department)}»` : ''} (${ratioText(r.share, lang)} سال گذشته؛ آستانه توجه ${ratioText(r.threshold, lang)})\n\n`
    : `Plan execution to the end of ${periodText(r, lang)}${r.department ? ` for department ${r.department}` : ''} (${ratioText(r.share, lang)} of the year elapsed; attention below ${ratioText(r.threshold, lang)})\n\n`;
  out += fa ? 'نیازمند توجه:\n' : 'Needs attention:\n';
  if (r.attention.length === 0) out += fa ? '- هیچ مورد\n' : '- nothing\n';
  for (const a of r.attention) out += `- ${attentionLine(a, lang)}\n`;
  if (r.notReported.length > 0)
    out += fa
      ? `- بی‌گزارش تا این دوره: ${r.notReported.map((id) => fsi(id)).join('، ')}\n`
      : `- not reported by this period: ${r.notReported.join(', ')}\n`;

  out +=
    '\n' +
    (fa ? 'ارزش کسب‌شده پروژه‌ها (ریال):\n' : 'Earned value of projects (Rials):\n') +
    textTable(
      fa
        ? [
            'پروژه',
            'بودجه تکمیل',
            'ارزش برنامه‌ای',
            'پیشرفت',
            'ارزش کسب‌شده',
            'هزینه واقعی',
            'شاخص زمان',
            'شاخص هزینه',
            'برآورد تکمیل',
            'وضعیت',
          ]
        : ['project', 'BAC', 'PV', 'progress', 'EV', 'AC', 'SPI', 'CPI', 'EAC', 'status'],
      r.earnedValue.map((e) => [
        e.projectId,
        m(e.bac, lang),
        m(e.pv, lang),
        e.progress === null ? '-' : percent(e.progress / 100, lang, 1),
        m(e.ev, lang),
        m(e.ac, lang),
        indexText(e.spi, lang),
        indexText(e.cpi, lang),
        m(e.eac, lang),
        executionStatusCaption(e.status)[lang],
      ]),
      new Set([1, 2, 3, 4, 5, 6, 7, 8]),
    );

  const head = fa
    ? [
        '',
        'هزینه برنامه سال',
        'بودجه جاری',
        'تعهد',
        'پرداخت',
        'تعهد/بودجه',
        'پرداخت/بودجه',
        'تحقق برنامه',
      ]
    : [
        '',
        'planned',
        'current budget',
        'committed',
        'paid',
        'committed %',
        'paid %',
        'plan realised',
      ];
  const right = new Set([1, 2, 3, 4, 5, 6, 7]);
  out +=
    '\n' +
    (fa ? 'اجرای بودجه به تفکیک برنامه (ریال):\n' : 'Budget execution by program (Rials):\n') +
    textTable(
      [fa ? 'برنامه' : 'program', ...head.slice(1)],
      groupRows(r.programs, lang, (k) => k),
      right,
    );
  out +=
    '\n' +
    (fa ? 'به تفکیک واحد:\n' : 'By department:\n') +
    textTable(
      [fa ? 'واحد' : 'department', ...head.slice(1)],
      groupRows(r.departments, lang, (k) => k),
      right,
    );
  out +=
    '\n' +
    textTable(
      [fa ? 'کل' : 'total', ...head.slice(1)],
      groupRows([r.city], lang, () =>
        r.department ? (fa ? 'جمع واحد' : 'department') : fa ? 'شهر' : 'city',
      ),
      right,
    );

  out += '\n';
  if (r.revenue.ok) {
    out +=
      (fa
        ? `تحقق درآمد در برابر پیش‌بینی سناریوی ${scenarioCaption(r.revenue.scenario, 'fa')} (ریال):\n`
        : `Revenue realised against the forecast of scenario ${r.revenue.scenario} (Rials):\n`) +
      textTable(
        fa
          ? ['طبقه درآمد', 'پیش‌بینی سال', 'تحقق‌یافته', 'تحقق']
          : ['revenue class', 'forecast', 'realised', 'realisation'],
        [
          ...r.revenue.classes.map((c) => [
            classCaption(c.revenueClass, lang),
            m(c.forecast, lang),
            m(c.actual, lang),
            ratioText(c.realisation, lang),
          ]),
          [
            fa ? 'جمع' : 'total',
            m(r.revenue.total.forecast, lang),
            m(r.revenue.total.actual, lang),
            ratioText(r.revenue.total.realisation, lang),
          ],
        ],
        new Set([1, 2, 3]),
      );
  } else out += `${fa ? 'تحقق درآمد' : 'Revenue realisation'}: ${r.revenue.message[lang]}\n`;

  const kpiRows = r.kpis.flatMap((k) => {
    const y = k.years.find((x) => x.year === r.year);
    if (!y) return [];
    const status = KPI_STATUSES.find((s) => s.value === kpiStatus(y.progress));
    return [
      [
        k.kpiId,
        k.title,
        y.target === null ? '-' : numShort(y.target, lang),
        numShort(y.actual, lang),
        ratioText(y.progress, lang),
        status?.[lang] ?? '-',
        trendCaption(k.trend, lang),
      ],
    ];
  });
  if (kpiRows.length > 0)
    out +=
      '\n' +
      (fa ? `شاخص‌های ${plain(r.year, lang)}:\n` : `KPIs of ${r.year}:\n`) +
      textTable(
        fa
          ? ['شاخص', 'عنوان', 'هدف', 'واقعی', 'پیشرفت', 'وضعیت', 'روند']
          : ['KPI', 'title', 'target', 'actual', 'progress', 'status', 'trend'],
        kpiRows,
        new Set([2, 3, 4]),
      );
  return out;
}

const TRENDS: Readonly<Record<string, { fa: string; en: string }>> = {
  improving: { fa: 'رو به بهبود', en: 'improving' },
  steady: { fa: 'پایدار', en: 'steady' },
  worsening: { fa: 'رو به افت', en: 'worsening' },
  'insufficient-data': { fa: 'داده ناکافی', en: 'insufficient data' },
};
const trendCaption = (t: string, lang: Language) => TRENDS[t]?.[lang] ?? t;

/**
 * The monitoring report a command's arguments ask for (`FILE`, `--reference`, `--period`,
 * `--scenario`, `--dept`), or the exit code after the problem was reported.
 */
export async function monitoringFromArgs(
  ctx: CommandContext,
  helpFor: string,
): Promise<{ ok: true; plan: Plan; report: MonitoringReport } | { ok: false; code: number }> {
  const { io, lang } = ctx;
  const fail = (code: number) => ({ ok: false as const, code });
  const periodValue = typeof ctx.values.period === 'string' ? ctx.values.period : undefined;
  const asked = periodValue === undefined ? null : parseMonitorPeriod(periodValue);
  if (periodValue !== undefined && asked === null)
    return fail(
      reportProblem(
        io,
        {
          code: EXIT.input,
          message: {
            fa: `دوره «${fsi(periodValue)}» شناخته نیست؛ سال و دوره را مانند \u20661405-H1\u2069 بنویسید (دوره‌ها: ${PERIODS.map((p) => fsi(p.value)).join('، ')})`,
            en: `unknown period "${periodValue}"; give the year and period as in 1405-H1 (periods: ${PERIODS.map((p) => p.value).join(', ')})`,
          },
          helpFor,
        },
        lang,
      ),
    );
  const input = await planFromFile(
    ctx,
    ctx.positionals[0] ?? '',
    typeof ctx.values.reference === 'string' ? ctx.values.reference : undefined,
  );
  if (!input.ok) return fail(reportProblem(io, input.problem, lang));
  const stop = stopOnErrors(ctx, input.value.findings, [
    'tblPlanInfo',
    'tblProjects',
    'tblActivities',
    'tblBudgetLines',
    'tblActuals',
    'tblRevenueActuals',
    'tblKpiActuals',
  ]);
  if (stop !== null) return fail(stop);
  const { plan } = input.value;
  const at = asked ?? latestMonitorPeriod(plan);
  if (at === null)
    return fail(
      reportProblem(
        io,
        {
          code: EXIT.findings,
          message: {
            fa: 'کارپوشه هیچ عملکردی (\u2066tblActuals\u2069، \u2066tblRevenueActuals\u2069 یا \u2066tblKpiActuals\u2069) ندارد؛ دوره را با \u2066--period\u2069 بدهید یا عملکرد را بیفزایید',
            en: 'the workbook reports no actuals (tblActuals, tblRevenueActuals or tblKpiActuals); give --period or add the actuals',
          },
          helpFor,
        },
        lang,
      ),
    );
  if (plan.years.length > 0 && !plan.years.includes(at.year))
    return fail(
      reportProblem(
        io,
        {
          code: EXIT.input,
          message: {
            fa: `سال ${plain(at.year, 'fa')} در دوره برنامه (${plain(plan.years[0] ?? '', 'fa')} تا ${plain(plan.years[plan.years.length - 1] ?? '', 'fa')}) نیست`,
            en: `year ${at.year} is outside the plan period ${plan.years[0]}–${plan.years[plan.years.length - 1]}`,
          },
          helpFor,
        },
        lang,
      ),
    );
  const report = monitoringReport(plan, at, {
    ...(typeof ctx.values.scenario === 'string' && { scenario: ctx.values.scenario }),
    ...(typeof ctx.values.dept === 'string' && { department: ctx.values.dept }),
  });
  return { ok: true, plan, report };
}

/** Options every monitoring command takes. */
export const MONITOR_OPTIONS: Record<string, OptionSpec> = {
  reference: {
    type: 'string',
    value: 'FILE.xlsx',
    description: { fa: 'کارپوشه برنامه مصوب', en: 'the approved plan workbook' },
  },
  period: {
    type: 'string',
    value: 'YEAR-PERIOD',
    description: {
      fa: 'سال و دوره، مانند \u20661405-H1\u2069 (دوره‌ها: \u2066Q1\u2069 تا \u2066Q4\u2069، \u2066H1\u2069، \u2066FY\u2069؛ پیش‌فرض: آخرین دوره گزارش‌شده)',
      en: 'year and period, e.g. 1405-H1 (periods Q1–Q4, H1, FY; default: the latest period reported)',
    },
  },
  scenario: {
    type: 'string',
    value: 'NAME',
    description: {
      fa: 'سناریوی درآمد (پیش‌فرض: سناریوی مشخصات برنامه، وگرنه \u2066base\u2069)',
      en: 'revenue scenario (default: the workbook’s Scenario, else base)',
    },
  },
  dept: {
    type: 'string',
    value: 'DEPT',
    description: {
      fa: 'تنها اقلام یک واحد (پیش‌فرض: واحد کارپوشه، وگرنه کل شهر)',
      en: 'only one department’s items (default: the workbook’s Department, else the city)',
    },
  },
};

/** `plan monitor`: the monitoring report at a period. */
export const monitorCommand: Command = {
  name: 'monitor',
  summary: {
    fa: 'پایش اجرا در یک دوره: آنچه نیازمند توجه است، ارزش کسب‌شده هر پروژه، اجرای بودجه هر برنامه و واحد و کل شهر، تحقق درآمد هر طبقه و شاخص‌ها.',
    en: 'Monitoring at a period: what needs attention, earned value per project, budget execution per program, department and the city, revenue realisation per class, and the KPIs.',
  },
  usage:
    'monitor FILE.xlsx [--reference PLAN.xlsx] [--period 1405-H1] [--scenario NAME] [--dept DEPT]',
  examples: [
    'monitor monitoring.xlsx --reference plan.xlsx --period 1405-H1',
    'monitor plan.xlsx --lang en --json',
  ],
  options: MONITOR_OPTIONS,
  positionals: { min: 1, max: 1, names: ['FILE.xlsx'] },
  async run(ctx) {
    const { io, lang } = ctx;
    const got = await monitoringFromArgs(ctx, 'monitor');
    if (!got.ok) return got.code;
    const { report } = got;
    if (ctx.json) {
      const { findings, ...rest } = report;
      io.stdout.write(toJson({ ...rest, findings: findings.map(toJsonFinding) }) + '\n');
      return EXIT.ok;
    }
    io.stdout.write(readable(report, lang));
    if (report.findings.length > 0) io.stderr.write(findingsText(report.findings, lang));
    return EXIT.ok;
  },
};
