/**
 * The six-monthly report of Article 71 of the Municipalities Law (گزارش ماده ۷۱ قانون
 * شهرداری‌ها) as a `.docx`, in the plan book's format: a cover (the municipality, the period,
 * the Jalali date, the plan it is measured against), the summary of income and expenditure
 * (revenue realised per class against the forecast; allocated, committed and paid against the
 * current budget per head, department and program), the statistics of the works (projects
 * completed and in progress with their earned value, the KPIs of the year) and what needs
 * attention. Every figure is the core's: the monitoring report (`monitoringReport`) and its
 * Article 71 summary (`article71Summary`); this module only lays them out, money in billion
 * Rials as the plan book writes it.
 */
import type { Article71Summary, Attention, ExecutionFigures, MonitoringReport, Plan } from '#core';
import {
  ATTENTION_FACTOR,
  EV_AT_RISK_FROM,
  EV_ON_TRACK_FROM,
  KPI_STATUSES,
  PERIODS,
  PROJECT_STATUSES,
  REVENUE_CLASSES,
  article71Summary,
  executionStatusCaption,
  formatJalali,
  formatNumber,
  formatPercent,
  periodCaption,
  scenarioCaption,
  tehranDayOf,
} from '#core';
import type { Paragraph, Table } from 'docx';
import { BILLION_CAPTION, billions, id, money, num, year } from './book';
import type { CellValue, PageFrame } from './docx';
import { SIZE, contentsLine, heading, packDocument, para, section, table } from './docx';

/** What the report says about itself beyond the monitoring report. */
export interface Article71Facts {
  /** The municipality's name (the cover's fallback when the plan names none). */
  municipality: string;
  /** When the report is made: its Jalali date (in Tehran) is on the cover and every page. */
  printedOn: Date;
  /**
   * The name of the adopted snapshot the execution is measured against; null when the plan
   * measured against is not adopted: every page then says «پیش‌نویس».
   */
  adopted: string | null;
  /**
   * What the execution is measured against, as the cover says it: the snapshot of the city
   * plan (the register), or the plan workbook (the CLI).
   */
  baseline: string;
  /** The council's resolution adopting that plan, with its vote, when it is recorded. */
  resolution?: string | null;
  /** A report of a practice municipality: every page says «تمرینی» (issue 20). */
  practice?: boolean;
}

/** The chapters of the report, in order: their bookmark and title. */
export const ARTICLE71_CHAPTERS = [
  { key: 'finance', fa: 'خلاصه درآمد و هزینه' },
  { key: 'works', fa: 'آمار عملیات انجام‌شده' },
  { key: 'attention', fa: 'موارد نیازمند توجه' },
] as const;
export type Article71Chapter = (typeof ARTICLE71_CHAPTERS)[number]['key'];

/** The report's title, as the cover and every page's header say it. */
export const ARTICLE71_TITLE = 'گزارش ماده ۷۱ قانون شهرداری‌ها';

const chapterTitle = (key: Article71Chapter, n: number) =>
  `فصل ${formatNumber(n, 'fa')}: ${ARTICLE71_CHAPTERS.find((c) => c.key === key)?.fa ?? key}`;

type Block = Paragraph | Table;

const pct = (v: number | null): CellValue => ({
  text: v === null ? '—' : formatPercent(v, 'fa', 1),
  number: true,
});
const pctText = (v: number | null) => (v === null ? '—' : formatPercent(v, 'fa', 1));
const index = (v: number | null) => (v === null ? '—' : formatNumber(v, 'fa', 2));
const caption = (list: readonly { value: string; fa: string }[], v: string) =>
  list.find((x) => x.value === v)?.fa ?? v;

function note(text: string): Paragraph {
  return para(text, { size: SIZE.small, color: '595959', after: 200 });
}

/** The names the chapters look up. */
class Names {
  private readonly depts: Map<string, string>;
  private readonly programs: Map<string, string>;
  private readonly items: Map<string, string>;
  constructor(plan: Plan, report: MonitoringReport) {
    this.depts = new Map((plan.tables.tblDepartments?.rows ?? []).map((d) => [d.DeptId, d.Name]));
    this.programs = new Map(
      (plan.tables.tblPrograms?.rows ?? []).map((p) => [p.ProgramId, p.Title]),
    );
    this.items = new Map(report.items.map((i) => [i.id, i.title]));
  }
  department(code: string): string {
    return code === '' ? 'نامشخص' : (this.depts.get(code) ?? code);
  }
  program(code: string): string {
    return this.programs.get(code) ?? '';
  }
  item(code: string): string {
    return this.items.get(code) ?? '';
  }
  /** Groups in the order the plan lists their departments or programs (others after). */
  ordered<G extends { key: string }>(groups: readonly G[], by: 'depts' | 'programs'): G[] {
    const order = [...this[by].keys()];
    const at = (k: string) => {
      const i = order.indexOf(k);
      return i < 0 ? order.length : i;
    };
    return [...groups].sort((a, b) => at(a.key) - at(b.key) || a.key.localeCompare(b.key));
  }
}

/** The money columns of a spending table: v1 actuals have no allocation or commitment. */
function spendingColumns(cumulative: boolean): string[] {
  return cumulative
    ? ['بودجه مصوب سال', 'تخصیص', 'تعهد', 'پرداخت', 'درصد پرداخت']
    : ['بودجه مصوب سال', 'پرداخت', 'درصد پرداخت'];
}
function spendingCells(f: ExecutionFigures, cumulative: boolean): CellValue[] {
  return cumulative
    ? [
        money(f.currentBudget),
        money(f.allocated),
        money(f.committed),
        money(f.paid),
        pct(f.paidExecution),
      ]
    : [money(f.currentBudget), money(f.paid), pct(f.paidExecution)];
}

function finance(report: MonitoringReport, summary: Article71Summary, names: Names): Block[] {
  const when = periodCaption(report.year, report.period, 'fa');
  const cum = report.cumulative;
  const out: Block[] = [];
  const revenue = report.revenue;
  const city = report.city;
  const revenueSentence = revenue.ok
    ? `از درآمد پیش‌بینی‌شده سال (${billions(revenue.total.forecast)} ${BILLION_CAPTION}، سناریوی ${scenarioCaption(revenue.scenario, 'fa')}) ${billions(revenue.total.actual)} ${BILLION_CAPTION} (${pctText(revenue.total.realisation)}) تحقق یافته است`
    : 'درآمد سال پیش‌بینی نشد';
  out.push(
    para(
      `این گزارش عملکرد از ابتدای سال ${year(report.year)} تا پایان ${when} است، که ${pctText(report.share)} سال را در بر می‌گیرد. ${revenueSentence}؛ از بودجه مصوب سال (${billions(city.currentBudget)} ${BILLION_CAPTION}، با اصلاحیه و متمم) ${billions(city.paid)} ${BILLION_CAPTION} (${pctText(city.paidExecution)}) پرداخت شده است.`,
    ),
    note(
      `مبالغ به ${BILLION_CAPTION} است؛ ارقام عملکرد از ابتدای سال تا پایان دوره انباشته‌اند. بودجه مصوب سال، بودجه مصوب با اصلاحیه و متمم است.`,
    ),
    heading(`درآمد به تفکیک طبقه (${BILLION_CAPTION})`, 2),
  );
  if (revenue.ok)
    out.push(
      table(
        ['طبقه درآمد', 'پیش‌بینی سال', 'تحقق تا پایان دوره', 'درصد تحقق'],
        revenue.classes.map((c) => [
          caption(REVENUE_CLASSES, c.revenueClass),
          money(c.forecast),
          money(c.actual),
          pct(c.realisation),
        ]),
        {
          widths: [40, 20, 20, 20],
          totals: [
            'جمع درآمد',
            money(revenue.total.forecast),
            money(revenue.total.actual),
            pct(revenue.total.realisation),
          ],
        },
      ),
    );
  else out.push(note(`درآمد سال پیش‌بینی نشد: ${revenue.message.fa}`));

  const totals = (label: string, extra: CellValue[] = []): CellValue[] => [
    label,
    ...extra,
    ...spendingCells(city, cum),
  ];
  out.push(
    heading(`هزینه به تفکیک سرفصل (${BILLION_CAPTION})`, 2),
    table(
      ['سرفصل', ...spendingColumns(cum)],
      summary.heads.map((h) => [
        h.head === 'capital'
          ? 'تملک دارایی‌های سرمایه‌ای (پروژه‌ها)'
          : 'هزینه‌ای (فعالیت‌های مستمر)',
        ...spendingCells(h, cum),
      ]),
      { totals: totals('جمع') },
    ),
    heading(`هزینه به تفکیک واحد (${BILLION_CAPTION})`, 2),
    table(
      ['واحد', ...spendingColumns(cum)],
      names
        .ordered(report.departments, 'depts')
        .map((d) => [names.department(d.key), ...spendingCells(d, cum)]),
      { totals: totals('جمع شهر') },
    ),
    heading(`هزینه به تفکیک برنامه (${BILLION_CAPTION})`, 2),
    table(
      ['برنامه', 'عنوان', ...spendingColumns(cum)],
      names
        .ordered(report.programs, 'programs')
        .map((g) => [id(g.key), names.program(g.key), ...spendingCells(g, cum)]),
      { totals: totals('جمع شهر', ['']) },
    ),
  );
  return out;
}

function works(report: MonitoringReport, summary: Article71Summary, names: Names): Block[] {
  const out: Block[] = [];
  const w = summary.works;
  const status = (s: 'on-track' | 'at-risk' | 'off-track' | 'no-data') =>
    KPI_STATUSES.find((x) => x.value === s)?.fa ?? s;
  out.push(
    para(
      `پروژه‌هایی که تا پایان دوره عملکرد گزارش کرده‌اند، با ارزش کسب‌شده آن‌ها: پیشرفت فیزیکی، پیشرفت مالی (هزینه‌شده تاکنون از هزینه کل)، شاخص عملکرد زمان و هزینه، و وضعیت (مطابق برنامه وقتی هر دو شاخص دست‌کم ${index(EV_ON_TRACK_FROM)} است، در معرض خطر وقتی دست‌کم ${index(EV_AT_RISK_FROM)} است، و عقب از برنامه کمتر از آن).`,
    ),
    heading('پروژه‌ها در یک نگاه', 2),
    // One row: how many are completed and in progress, then how many in each status (each
    // group adds up to the projects reported).
    table(
      [
        'تمام‌شده',
        'در حال اجرا',
        status('on-track'),
        status('at-risk'),
        status('off-track'),
        `${status('no-data')} (پیشرفت گزارش نشده)`,
        'جمع پروژه‌های گزارش‌شده',
      ],
      [
        [
          num(w.completed),
          num(w.ongoing),
          num(w.byStatus['on-track']),
          num(w.byStatus['at-risk']),
          num(w.byStatus['off-track']),
          num(w.byStatus['no-data']),
          { text: formatNumber(summary.projects.length, 'fa'), number: true, bold: true },
        ],
      ],
      { widths: [13, 13, 13, 13, 13, 17, 18] },
    ),
  );
  for (const state of ['done', 'ongoing'] as const) {
    const list = summary.projects
      .filter((p) => p.state === state)
      .sort((a, b) => a.projectId.localeCompare(b.projectId));
    const title =
      state === 'done'
        ? `پروژه‌های تمام‌شده (${BILLION_CAPTION})`
        : `پروژه‌های در حال اجرا (${BILLION_CAPTION})`;
    out.push(heading(title, 2));
    if (list.length === 0) {
      out.push(
        note(
          state === 'done'
            ? 'تا پایان این دوره پروژه‌ای تمام نشده است.'
            : 'پروژه‌ای در حال اجرا عملکرد گزارش نکرده است.',
        ),
      );
      continue;
    }
    out.push(
      table(
        [
          'شناسه',
          'عنوان پروژه',
          'واحد',
          'پیشرفت فیزیکی',
          'پیشرفت مالی',
          'شاخص زمان',
          'شاخص هزینه',
          'هزینه کل',
          'هزینه‌شده تاکنون',
          'وضعیت',
        ],
        list.map((p) => [
          id(p.projectId),
          p.title,
          names.department(p.dept),
          pct(p.progress === null ? null : p.progress / 100),
          pct(p.financialProgress),
          { text: index(p.spi), number: true },
          { text: index(p.cpi), number: true },
          money(p.bac),
          money(p.ac),
          executionStatusCaption(p.status).fa,
        ]),
        { widths: [7, 22, 13, 8, 8, 7, 7, 9, 9, 10] },
      ),
    );
  }
  const notes = PROJECT_STATUSES.find((s) => s.value === 'done')?.fa ?? 'تمام‌شده';
  out.push(
    note(
      `پروژه‌ای «${notes}» است که پیشرفت فیزیکی آن به ۱۰۰٪ رسیده یا برنامه آن را پایان‌یافته ثبت کرده است.`,
    ),
  );
  const k = summary.kpiStatus;
  out.push(
    heading(`شاخص‌های عملکرد سال ${year(report.year)}`, 2),
    para(
      `از ${formatNumber(summary.kpis.length, 'fa')} شاخصی که مقدار سال ${year(report.year)} را دارند، ${formatNumber(k['on-track'], 'fa')} ${status('on-track')}، ${formatNumber(k['at-risk'], 'fa')} ${status('at-risk')}، ${formatNumber(k['off-track'], 'fa')} ${status('off-track')} و ${formatNumber(k['no-data'], 'fa')} ${status('no-data')} است. پیشرفت، فاصله مقدار واقعی از مقدار پایه نسبت به فاصله هدف سال از آن است (شاخص‌های «حفظ»: نزدیکی به هدف)؛ مقدار سه‌ماهه‌ها موقت است.`,
    ),
  );
  if (summary.kpis.length > 0)
    out.push(
      table(
        ['شاخص', 'عنوان', 'واحد', 'هدف سال', 'مقدار واقعی', 'پیشرفت', 'وضعیت'],
        summary.kpis.map((x) => [
          id(x.kpiId),
          x.title,
          x.unit,
          num(x.target, decimalsOf(x.target)),
          {
            text: `${formatNumber(x.actual, 'fa', decimalsOf(x.actual))}${x.provisional ? ` (${caption(PERIODS, x.period)})` : ''}`,
            number: true,
          },
          pct(x.progress),
          status(x.status),
        ]),
        { widths: [7, 33, 14, 10, 14, 9, 13] },
      ),
    );
  return out;
}

const decimalsOf = (n: number | null) =>
  n === null || Number.isInteger(n) ? 0 : Math.min(2, String(n).split('.')[1]?.length ?? 0);

function attentionRow(a: Attention, names: Names, n: number): CellValue[] {
  switch (a.kind) {
    case 'project-off-track':
      return [
        num(n),
        'پروژه عقب از برنامه',
        `${id(a.id)} ${names.item(a.id)}`,
        `شاخص عملکرد زمان ${index(a.spi)} و شاخص عملکرد هزینه ${index(a.cpi)} (کمتر از ${index(EV_AT_RISK_FROM)})`,
      ];
    case 'execution-low':
      return [
        num(n),
        a.itemKind === 'project' ? 'پرداخت کم پروژه' : 'پرداخت کم فعالیت',
        `${id(a.id)} ${names.item(a.id)}`,
        `${pctText(a.execution)} ${a.measure === 'budget' ? 'بودجه مصوب سال' : 'هزینه برنامه‌ریزی‌شده سال'} پرداخت شده است، کمتر از ${pctText(a.threshold)}`,
      ];
    case 'revenue-short':
      return [
        num(n),
        'تحقق کم درآمد',
        caption(REVENUE_CLASSES, a.revenueClass),
        `${pctText(a.realisation)} پیش‌بینی سال تحقق یافته است، کمتر از ${pctText(a.threshold)}`,
      ];
  }
}

function attention(report: MonitoringReport, names: Names): Block[] {
  const out: Block[] = [
    para(
      `آنچه پیش از همه باید دید: پروژه‌های عقب از برنامه، سپس اقلامی که کمتر از ${pctText(report.threshold)} بودجه سال را پرداخته‌اند (${formatNumber(ATTENTION_FACTOR, 'fa', 1)} برابر ${pctText(report.share)} سالی که گذشته است)، سپس طبقه‌های درآمدی که کمتر از همین اندازه تحقق یافته‌اند.`,
    ),
  ];
  if (report.attention.length === 0) out.push(para('موردی نیازمند توجه نیست.', { bold: true }));
  else
    out.push(
      table(
        ['ردیف', 'موضوع', 'قلم', 'شرح'],
        report.attention.map((a, i) => attentionRow(a, names, i + 1)),
        { widths: [7, 17, 34, 42] },
      ),
    );
  out.push(heading('اقلام بی‌گزارش', 2));
  out.push(
    report.notReported.length === 0
      ? para('همه اقلامی که در سال هزینه یا بودجه دارند عملکرد خود را گزارش کرده‌اند.')
      : para(
          `این اقلام در سال ${year(report.year)} هزینه یا بودجه دارند اما تا پایان دوره عملکردی گزارش نکرده‌اند (${formatNumber(report.notReported.length, 'fa')} قلم): ${report.notReported.map((x) => `${id(x)} ${names.item(x)}`).join('، ')}.`,
        ),
  );
  return out;
}

function cover(plan: Plan, report: MonitoringReport, facts: Article71Facts, when: string): Block[] {
  const date = formatJalali(tehranDayOf(facts.printedOn), 'fa');
  return [
    para('', { after: 1800 }),
    para(ARTICLE71_TITLE, { bold: true, size: SIZE.title, align: 'center', after: 300 }),
    para(`گزارش شش‌ماهه عملکرد برنامه و بودجه، ${when}`, {
      bold: true,
      size: SIZE.h2,
      align: 'center',
    }),
    para(plan.info.Municipality || facts.municipality, {
      size: SIZE.h2,
      align: 'center',
      after: 400,
    }),
    para(`شهر: ${plan.info.City || facts.municipality}`, { align: 'center' }),
    // A department's report (the CLI's `--dept`, or the workbook's Department) says so.
    ...(report.department === null
      ? []
      : [
          para(`واحد: ${new Names(plan, report).department(report.department)}`, {
            align: 'center',
            bold: true,
          }),
        ]),
    para(
      `دوره گزارش: ${when}، از ابتدای سال ${year(report.year)} تا پایان دوره (${pctText(report.share)} سال)`,
      { align: 'center' },
    ),
    para(`تاریخ تهیه: ${date}`, { align: 'center' }),
    para(`سنجیده با: ${facts.baseline}`, { align: 'center', bold: true }),
    facts.adopted === null
      ? para('پیش‌نویس: عملکرد با برنامه‌ای سنجیده شده است که هنوز تصویب نشده است.', {
          align: 'center',
          bold: true,
          color: 'C00000',
          after: 600,
        })
      : para(facts.resolution ? facts.resolution : `برنامه مصوب: «${facts.adopted}»`, {
          align: 'center',
          after: 600,
        }),
    para(
      `مبالغ به ${BILLION_CAPTION} است و هر رقم و هر جمع یک بار از مبلغ دقیق به ریال گرد شده است.`,
      { align: 'center', size: SIZE.small, after: 600 },
    ),
    para('فهرست مطالب', { bold: true, size: SIZE.h2, after: 160 }),
    ...ARTICLE71_CHAPTERS.map((c, i) => contentsLine(chapterTitle(c.key, i + 1), `a71-${c.key}`)),
  ];
}

/** The Article 71 report of a monitoring report (of `plan` at its period), as `.docx` bytes. */
export async function article71Docx(
  plan: Plan,
  report: MonitoringReport,
  facts: Article71Facts,
): Promise<Uint8Array> {
  const summary = article71Summary(plan, report);
  const names = new Names(plan, report);
  const when = periodCaption(report.year, report.period, 'fa');
  const city = plan.info.City || facts.municipality;
  const frame: PageFrame = {
    adopted: facts.adopted !== null,
    practice: facts.practice === true,
    title: `${ARTICLE71_TITLE}، ${when}`,
    footer: `${city}، ${formatJalali(tehranDayOf(facts.printedOn), 'fa')}`,
  };
  const chapter: Record<Article71Chapter, () => Block[]> = {
    finance: () => finance(report, summary, names),
    works: () => works(report, summary, names),
    attention: () => attention(report, names),
  };
  const body: Block[] = [];
  ARTICLE71_CHAPTERS.forEach((c, i) => {
    body.push(heading(chapterTitle(c.key, i + 1), 1, `a71-${c.key}`), ...chapter[c.key]());
  });
  return packDocument({
    title: frame.title,
    subject: ARTICLE71_TITLE,
    sections: [section(frame, cover(plan, report, facts, when)), section(frame, body)],
  });
}
