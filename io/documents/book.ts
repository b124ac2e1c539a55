/**
 * The plan book (سند برنامه راهبردی-عملیاتی شهر و شهرداری) as a `.docx`: a cover, the
 * contents, and one chapter per part of the city plan, from the measured city plan (the
 * register's consolidation, or `measureCityPlan` on a city workbook in the CLI). Every
 * figure comes from a core function (the measure's totals, fiscal balance and portfolio;
 * `swotMatrix`, `budgetBalances`, `simulateRevenueScenario`, `scoreProjects`); this module
 * only lays them out. Money is shown in billion Rials, each amount (and each total) rounded
 * once from its exact Rials.
 */
import type { CityMeasure, Plan, Row } from '#core';
import {
  DOC_LEVELS,
  DOC_TYPES,
  IE_STANCE_CAPTIONS,
  KPI_DIRECTIONS,
  KPI_LEVELS,
  MUNICIPAL_ROLES,
  PERSPECTIVES,
  PORTFOLIO_OUT_CAPTIONS,
  REVENUE_CLASSES,
  SWOT_KINDS,
  SWOT_TYPES,
  budgetBalances,
  forecastRevenueScenarios,
  formatInUnit,
  formatJalali,
  formatNumber,
  ltr,
  readPlan,
  scenarioCaption,
  scoreProjects,
  simulateRevenueScenario,
  swotMatrix,
  tehranDayOf,
  term,
  toPersianDigits,
} from '#core';
import type { Paragraph, Table } from 'docx';
import type { CellValue, PageFrame } from './docx';
import { barChart } from './charts';
import { SIZE, contentsLine, figure, heading, packDocument, para, section, table } from './docx';

/** What the document says about itself beyond the plan. */
export interface DocumentFacts {
  /** The municipality's name (the cover's fallback when the plan names no city). */
  municipality: string;
  /** When the document is made: its Jalali date (in Tehran) is on the cover and every page. */
  printedOn: Date;
  /**
   * The name of the adopted snapshot the plan comes from; null for a plan not adopted, whose
   * every page then says «پیش‌نویس».
   */
  adopted: string | null;
  /**
   * The council's resolutions recorded for the plan (the register: the notes of approvals
   * taken by a council member); printed on the cover when there are.
   */
  resolutions?: readonly string[];
  /** A document of a practice municipality: every page says «تمرینی» (issue 20). */
  practice?: boolean;
}

/** Billion Rials: how Iranian budget documents state city-sized sums. */
export const BILLION = 10n ** 9n;
/** The unit's name as headers state it. */
export const BILLION_CAPTION = 'میلیارد ریال';

/** An amount of whole Rials (as the measure's strings) in billion Rials, Persian digits. */
export function billions(rials: string | bigint | null | undefined): string {
  if (rials === null || rials === undefined) return '—';
  const n = typeof rials === 'bigint' ? rials : BigInt(rials);
  // A negative amount is isolated left to right, so that its minus sign stays on the
  // number's left in a right-to-left line (a deficit never reads as «۷٬۱۴۰٫۶−»).
  const text = formatInUnit(n, BILLION, 'fa');
  return n < 0n ? ltr(text) : text;
}

/** An amount in a table: nothing spent is «۰», not «۰٫۰» (which reads as a rounded sum). */
export const money = (rials: string | bigint | null | undefined): CellValue => ({
  text: rials !== null && rials !== undefined && BigInt(rials) === 0n ? '۰' : billions(rials),
  number: true,
});
/** A number in a table, Persian digits, set at the cell's end; «—» for none. */
export const num = (n: number | bigint | null, decimals = 0): CellValue => ({
  text: n === null ? '—' : formatNumber(n, 'fa', decimals),
  number: true,
});
/** A year in Persian digits. */
export const year = (y: number) => toPersianDigits(String(y));
const caption = <V extends string>(
  list: readonly { value: V; fa: string }[],
  v: string | null | undefined,
) => (v === null || v === undefined ? '' : (list.find((x) => x.value === v)?.fa ?? v));
/** An ID or code inside Persian text, kept whole by the bidi algorithm. */
export const id = (text: string) => (text === '' ? '' : ltr(text));

/** The chapters of the book, in order: their bookmark and title. */
export const BOOK_CHAPTERS = [
  { key: 'upstream', fa: 'اسناد فرادست و راهبردهای آن‌ها' },
  { key: 'swot', fa: 'تحلیل محیطی: عوامل قوت، ضعف، فرصت و تهدید' },
  { key: 'goals', fa: 'چشم‌انداز و اهداف کلان' },
  { key: 'strategies', fa: 'راهبردها، نقش شهرداری و دستگاه‌های همکار' },
  { key: 'programs', fa: 'برنامه‌ها و طرح‌ها' },
  { key: 'items', fa: 'پروژه‌ها و فعالیت‌های مستمر واحدها' },
  { key: 'kpis', fa: 'شاخص‌های عملکرد، مقدار پایه و هدف‌ها' },
  { key: 'revenue', fa: 'سناریوهای درآمد و تراز مالی' },
  { key: 'portfolio', fa: 'اولویت‌بندی و سبد پروژه‌ها' },
  { key: 'agreements', fa: 'تعهدات دستگاه‌های اجرایی و مصوبه شورا' },
] as const;
export type BookChapter = (typeof BOOK_CHAPTERS)[number]['key'];

const chapterTitle = (key: BookChapter, n: number) =>
  `فصل ${toPersianDigits(String(n))}: ${BOOK_CHAPTERS.find((c) => c.key === key)?.fa ?? key}`;

/** The things the chapters look names up in. */
class Lookup {
  constructor(readonly plan: Plan) {}
  department(code: string): string {
    const d = this.plan.tables.tblDepartments?.rows.find((r) => r.DeptId === code);
    return d?.Name ?? code;
  }
  source(code: string): string {
    const s = this.plan.tables.tblFundingSources?.rows.find((r) => r.SourceId === code);
    return s?.Title ?? code;
  }
  stakeholder(code: string): string {
    const s = this.plan.tables.tblStakeholders?.rows.find((r) => r.StakeholderId === code);
    return s?.Name ?? code;
  }
}

type Block = Paragraph | Table;

function note(text: string): Paragraph {
  return para(text, { size: SIZE.small, color: '595959', after: 200 });
}

function upstream(plan: Plan): Block[] {
  const docs = plan.tables.tblUpstreamDocs?.rows ?? [];
  const directives = plan.tables.tblDirectives?.rows ?? [];
  const out: Block[] = [
    para(
      'اسناد فرادست اسنادی‌اند که برنامه باید با آن‌ها هم‌خوان باشد؛ راهبردهای هر سند در جدول دوم آمده و راهبردهای برنامه در فصل چهارم به آن‌ها ارجاع می‌دهند.',
    ),
    table(
      ['شناسه', 'عنوان سند', 'سطح', 'نوع', 'تاریخ تصویب', 'مرجع'],
      docs.map((d) => [
        id(d.DocId),
        d.Title,
        caption(DOC_LEVELS, d.Level),
        caption(DOC_TYPES, d.Type),
        toPersianDigits(d.ApprovedOn),
        d.Reference,
      ]),
      { widths: [9, 35, 10, 12, 12, 22] },
    ),
    heading('راهبردهای اسناد فرادست', 2),
    table(
      ['شناسه', 'سند', 'راهبرد سند فرادست', 'بخش'],
      directives.map((d) => [id(d.DirectiveId), id(d.DocId), d.Text, d.Sector]),
      { widths: [10, 10, 62, 18] },
    ),
  ];
  return out;
}

function swot(plan: Plan): Block[] {
  const factors = plan.tables.tblSwot?.rows ?? [];
  const matrix = swotMatrix(plan);
  const out: Block[] = [];
  for (const kinds of [
    ['S', 'W'],
    ['O', 'T'],
  ] as const) {
    const internal = kinds[0] === 'S';
    out.push(
      heading(
        internal
          ? `ماتریس ارزیابی عوامل درونی (${ltr('IFE')})`
          : `ماتریس ارزیابی عوامل بیرونی (${ltr('EFE')})`,
        2,
      ),
      table(
        ['شناسه', 'نوع', 'عامل', 'وزن', 'رتبه', 'امتیاز وزنی'],
        factors
          .filter((f) => f.Kind !== null && (kinds as readonly string[]).includes(f.Kind))
          .map((f) => [
            id(f.FactorId),
            caption(SWOT_KINDS, f.Kind),
            f.Text,
            num(f.Weight, 2),
            num(f.Rating),
            num(f.Weight !== null && f.Rating !== null ? f.Weight * f.Rating : null, 2),
          ]),
        {
          widths: [9, 9, 52, 10, 10, 10],
          totals: matrix.ok
            ? [
                '',
                '',
                'جمع',
                num((internal ? matrix.value.internal : matrix.value.external).weightSum, 2),
                '',
                num(internal ? matrix.value.ife : matrix.value.efe, 2),
              ]
            : undefined,
        },
      ),
    );
  }
  if (matrix.ok) {
    const m = matrix.value;
    out.push(
      heading('جایگاه شهر در ماتریس درونی-بیرونی', 2),
      para(
        `جمع امتیاز وزنی عوامل درونی ${formatNumber(m.ife, 'fa', 2)} و عوامل بیرونی ${formatNumber(m.efe, 'fa', 2)} است (هر دو میان ۱ و ۴، با میانگین ۲٫۵). شهر در خانه ${ltr(m.cell)} ماتریس درونی-بیرونی می‌نشیند و راهبرد پیشنهادی این خانه «${IE_STANCE_CAPTIONS[m.stance].fa}» است؛ نوع راهبردهای پیشنهادی ${caption(SWOT_TYPES, m.strategyType)} است.`,
      ),
    );
  } else
    out.push(
      note(
        'ماتریس‌های ارزیابی را نمی‌توان حساب کرد: عوامل درونی یا بیرونی یا وزن آن‌ها داده نشده است.',
      ),
    );
  return out;
}

function goals(plan: Plan): Block[] {
  const list = plan.tables.tblGoals?.rows ?? [];
  const out: Block[] = [];
  out.push(heading('چشم‌انداز', 2));
  out.push(
    plan.info.Vision
      ? para(`«${plan.info.Vision}»`, { bold: true, align: 'center', after: 240 })
      : note('چشم‌انداز در مشخصات برنامه نیامده است.'),
  );
  out.push(
    heading('اهداف کلان', 2),
    table(
      ['شناسه', 'عنوان هدف', 'منظر', 'شرح'],
      list.map((g) => [id(g.GoalId), g.Title, caption(PERSPECTIVES, g.Perspective), g.Description]),
      { widths: [9, 30, 14, 47] },
    ),
  );
  return out;
}

function strategies(plan: Plan, names: Lookup): Block[] {
  const list = plan.tables.tblStrategies?.rows ?? [];
  return [
    para(
      `هر ${term('strategy').fa} با ${term('municipalRole').fa} در آن و دستگاه‌هایی که شهرداری با آن‌ها همکاری می‌کند.`,
    ),
    table(
      [
        'شناسه',
        'هدف',
        'عنوان راهبرد',
        'نوع',
        'نقش شهرداری',
        'واحد مسئول',
        'دستگاه‌های همکار',
        'راهبردهای فرادست',
      ],
      list.map((s) => [
        id(s.StrategyId),
        id(s.GoalId),
        s.Title,
        caption(SWOT_TYPES, s.SwotType),
        caption(MUNICIPAL_ROLES, s.MunicipalRole),
        names.department(s.OwnerDept),
        s.PartnerIds.length === 0 ? '—' : s.PartnerIds.map((p) => names.stakeholder(p)).join('، '),
        s.DirectiveIds.map(id).join('، '),
      ]),
      { widths: [7, 6, 25, 9, 8, 15, 19, 11] },
    ),
  ];
}

function programs(plan: Plan, names: Lookup, report: CityMeasure): Block[] {
  const list = plan.tables.tblPrograms?.rows ?? [];
  const schemes = plan.tables.tblSchemes?.rows ?? [];
  const years = report.years;
  const total = (code: string) =>
    years.reduce((a, y) => a + BigInt(report.totals.byProgram[code]?.[y] ?? '0'), 0n);
  return [
    para(
      `هزینه هر برنامه جمع هزینه پروژه‌ها و فعالیت‌های آن در دوره است (${BILLION_CAPTION})؛ هزینه هر سال در فصل ششم آمده است.`,
    ),
    table(
      [
        'شناسه',
        'راهبرد',
        'عنوان برنامه',
        'واحد مسئول',
        'کد بودجه',
        `هزینه دوره (${BILLION_CAPTION})`,
      ],
      list.map((p) => [
        id(p.ProgramId),
        id(p.StrategyId),
        p.Title,
        names.department(p.OwnerDept),
        id(p.BudgetCode),
        money(total(p.ProgramId)),
      ]),
      { widths: [8, 8, 38, 20, 12, 14] },
    ),
    heading('طرح‌ها', 2),
    table(
      ['شناسه', 'برنامه', 'عنوان طرح', 'کد بودجه', 'واحد مسئول'],
      schemes.map((s) => [
        id(s.SchemeId),
        id(s.ProgramId),
        s.Title,
        id(s.BudgetCode),
        names.department(s.OwnerDept),
      ]),
      { widths: [9, 9, 50, 12, 20] },
    ),
  ];
}

type Costs = ReadonlyMap<number, bigint> | undefined;

function items(plan: Plan, names: Lookup, report: CityMeasure): Block[] {
  const years = report.years;
  const projects = plan.tables.tblProjects?.rows ?? [];
  const activities = plan.tables.tblActivities?.rows ?? [];
  const depts = Object.keys(report.totals.byDepartment);
  const out: Block[] = [
    para(
      `هزینه هر سال پروژه‌ها و فعالیت‌های مستمر هر واحد، با منبع تأمین اعتبار آن (${BILLION_CAPTION}). جمع هر واحد و جمع شهر از ارقام دقیق به ریال گرد شده است.`,
    ),
    heading(`جمع هزینه واحدها (${BILLION_CAPTION})`, 2),
    table(
      ['واحد', ...years.map(year), 'جمع دوره'],
      depts.map((d) => {
        const amounts = report.totals.byDepartment[d] ?? {};
        return [
          d === '' ? 'نامشخص' : names.department(d),
          ...years.map((y) => money(amounts[y] ?? '0')),
          money(years.reduce((a, y) => a + BigInt(amounts[y] ?? '0'), 0n)),
        ];
      }),
      {
        totals: [
          'جمع شهر',
          ...years.map((y) => money(report.totals.total[y] ?? '0')),
          money(years.reduce((a, y) => a + BigInt(report.totals.total[y] ?? '0'), 0n)),
        ],
      },
    ),
  ];
  const costRow = (
    code: string,
    title: string,
    costs: Costs,
    source: string | null,
  ): CellValue[] => [
    id(code),
    title,
    ...years.map((y) => money(costs?.get(y) ?? 0n)),
    money([...(costs?.values() ?? [])].reduce((a, b) => a + b, 0n)),
    source === null || source === '' ? '' : names.source(source),
  ];
  // The same columns in every department's tables: the source's name wraps to two lines.
  const yearWidth = 45 / Math.max(1, years.length);
  const widths = [7, 24, ...years.map(() => yearWidth), 9, 15];
  for (const d of depts) {
    const p = projects.filter((r) => r.Dept === d);
    const a = activities.filter((r) => r.Dept === d);
    if (p.length === 0 && a.length === 0) continue;
    out.push(heading(d === '' ? 'بدون واحد' : `${names.department(d)} (${id(d)})`, 2));
    const header = (what: string) => ['شناسه', what, ...years.map(year), 'جمع', 'منبع تأمین'];
    if (p.length > 0)
      out.push(
        para('پروژه‌های تملک دارایی سرمایه‌ای', { bold: true, keepNext: true, after: 60 }),
        table(
          header('عنوان پروژه'),
          p.map((r) => costRow(r.ProjectId, r.Title, projectCosts(r), r.SourceId)),
          { widths },
        ),
      );
    if (a.length > 0)
      out.push(
        para('فعالیت‌های مستمر', { bold: true, keepNext: true, before: 160, after: 60 }),
        table(
          header('عنوان فعالیت'),
          a.map((r) => costRow(r.ActivityId, r.Title, r.costs, r.SourceId)),
          { widths },
        ),
      );
  }
  return out;
}

function projectCosts(r: Row<'tblProjects'>): Costs {
  return (r as { costs?: ReadonlyMap<number, bigint> }).costs;
}

function kpis(plan: Plan, report: CityMeasure): Block[] {
  const list = plan.tables.tblKpis?.rows ?? [];
  const years = report.years;
  return [
    para(`هر ${term('kpi').fa} با مقدار پایه، سال پایه و هدف هر سال برنامه، به واحد سنجش خود.`),
    table(
      ['شناسه', 'سطح', 'پیوند', 'عنوان شاخص', 'واحد', 'جهت', 'پایه', ...years.map(year)],
      list.map((k) => [
        id(k.KpiId),
        caption(KPI_LEVELS, k.Level),
        id(k.LinkedId),
        k.Title,
        k.Unit,
        caption(KPI_DIRECTIONS, k.Direction),
        {
          text:
            k.Baseline === null
              ? '—'
              : `${formatNumber(k.Baseline, 'fa', decimalsOf(k.Baseline))}${k.BaselineYear === null ? '' : ` (${year(k.BaselineYear)})`}`,
          number: true,
        },
        ...years.map((y) => {
          const t = (k as { targets?: ReadonlyMap<number, number | null> }).targets?.get(y);
          return num(t ?? null, t === undefined || t === null ? 0 : decimalsOf(t));
        }),
      ]),
      { widths: [7, 6, 6, 23, 12, 7, 9, ...years.map(() => 30 / Math.max(1, years.length))] },
    ),
  ];
}

const decimalsOf = (n: number) =>
  Number.isInteger(n) ? 0 : Math.min(2, String(n).split('.')[1]?.length ?? 0);

/** Paths and seed of the book's Monte Carlo: the CLI's defaults (P10/P90 move well under 1%). */
const SIMULATIONS = 5_000;
const SEED = 1;

function revenue(plan: Plan, report: CityMeasure): Block[] {
  const out: Block[] = [];
  const years = report.years;
  const forecast = forecastRevenueScenarios(plan);
  // The scenario the plan is balanced against (the capital budget's), else the first.
  const scenario = report.portfolio?.scenario;
  out.push(
    para(
      `${term('revenueForecast').fa} هر ${term('scenario').fa}، هزینه برنامه و مازاد یا کسری هر سال (${BILLION_CAPTION}). دامنه صدک ۱۰ تا ۹۰ از ${term('monteCarlo').fa} با ${formatNumber(SIMULATIONS, 'fa')} مسیر به دست آمده است.`,
    ),
  );
  if (forecast.ok) {
    out.push(
      heading(`درآمد پیش‌بینی هر طبقه (${BILLION_CAPTION})`, 2),
      table(
        ['سناریو', 'طبقه درآمد', ...years.map(year), 'جمع دوره'],
        forecast.scenarios.flatMap((s) =>
          s.classes.map((c) => [
            scenarioCaption(s.scenario, 'fa'),
            caption(REVENUE_CLASSES, c.revenueClass),
            ...years.map((y) => money(c.amounts.get(y) ?? null)),
            money(years.reduce((a, y) => a + (c.amounts.get(y) ?? 0n), 0n)),
          ]),
        ),
      ),
    );
  }
  out.push(heading(`${term('fiscalBalance').fa} در هر سناریو (${BILLION_CAPTION})`, 2));
  out.push(
    table(
      [
        'سناریو',
        'سال',
        'درآمد پیش‌بینی',
        'هزینه کل',
        'فعالیت‌های مستمر',
        'پروژه‌ها',
        'هزینه بهره‌برداری',
        'مازاد/کسری',
      ],
      report.fiscal.flatMap((s) =>
        s.years.map((y) => [
          scenarioCaption(s.scenario, 'fa'),
          year(y.year),
          money(y.revenue),
          money(y.spending),
          money(y.activities),
          money(y.projects),
          money(y.opex),
          money(y.gap),
        ]),
      ),
    ),
  );
  if (forecast.ok) {
    const chosen = forecast.scenarios.find((s) => s.scenario === scenario) ?? forecast.scenarios[0];
    if (chosen !== undefined) {
      const fiscal = report.fiscal.find((f) => f.scenario === chosen.scenario);
      if (fiscal !== undefined)
        out.push(
          ...figure(
            barChart({
              categories: fiscal.years.map((f) => year(f.year)),
              series: [
                {
                  label: 'درآمد پیش‌بینی',
                  colour: '#2E75B6',
                  values: fiscal.years.map((f) => (f.revenue === null ? null : BigInt(f.revenue))),
                },
                {
                  label: 'هزینه کل',
                  colour: '#C55A11',
                  values: fiscal.years.map((f) => BigInt(f.spending)),
                },
              ],
              unit: BILLION,
            }),
            `درآمد پیش‌بینی و هزینه کل هر سال، سناریوی ${scenarioCaption(chosen.scenario, 'fa')} (${BILLION_CAPTION})`,
          ),
        );
      const balances = budgetBalances(plan, chosen);
      out.push(
        heading(
          `تراز عملیاتی، سرمایه‌ای و مالی، سناریوی ${scenarioCaption(chosen.scenario, 'fa')} (${BILLION_CAPTION})`,
          2,
        ),
        table(
          [
            'سال',
            'هزینه جاری',
            'هزینه سرمایه‌ای',
            'تراز عملیاتی',
            'تراز سرمایه‌ای',
            'تراز مالی',
            'مازاد/کسری',
            'موجودی پایان سال',
          ],
          balances.years.map((y) => [
            year(y.year),
            money(y.current),
            money(y.capital),
            money(y.operating),
            money(y.capitalBalance),
            money(y.financialBalance),
            money(y.gap),
            money(y.cash),
          ]),
        ),
      );
      const sim = simulateRevenueScenario(plan, {
        scenario: chosen.scenario,
        simulations: SIMULATIONS,
        seed: SEED,
        quantiles: [0.1, 0.5, 0.9],
      });
      if (sim.ok) {
        const q = (y: (typeof sim.simulation.total.years)[number], p: number) =>
          y.quantiles.find((x) => Math.abs(x.p - p) < 1e-9)?.value ?? null;
        const spending = new Map(
          report.fiscal
            .find((f) => f.scenario === chosen.scenario)
            ?.years.map((y) => [y.year, y.spending]) ?? [],
        );
        out.push(
          heading(
            `دامنه درآمد کل، صدک ۱۰ تا ۹۰، سناریوی ${scenarioCaption(chosen.scenario, 'fa')} (${BILLION_CAPTION})`,
            2,
          ),
          table(
            ['سال', 'صدک ۱۰', 'صدک ۵۰', 'صدک ۹۰', 'هزینه کل'],
            sim.simulation.total.years.map((y) => [
              year(y.year),
              money(q(y, 0.1)),
              money(q(y, 0.5)),
              money(q(y, 0.9)),
              money(spending.get(y.year) ?? null),
            ]),
          ),
        );
      }
    }
  } else out.push(note('درآمد پیش‌بینی نشد: سابقه درآمد یا فرض‌های سناریوها کامل نیست.'));
  return out;
}

function portfolio(plan: Plan, report: CityMeasure): Block[] {
  const scoring = scoreProjects(plan);
  const p = report.portfolio;
  const chosen = new Set(p?.chosen ?? []);
  const excluded = new Map((p?.excluded ?? []).map((e) => [e.id, e.reason]));
  const out: Block[] = [];
  const how =
    scoring.weightsFrom === 'ahp'
      ? `وزن معیارها از ${term('ahp').fa} به دست آمده است${scoring.ahp?.ok ? ` (${term('consistencyRatio').fa} ${formatNumber(scoring.ahp.cr, 'fa', 3)})` : ''}.`
      : scoring.weightsFrom === 'table'
        ? 'وزن معیارها همان است که در جدول معیارها آمده است.'
        : 'وزنی برای معیارها داده نشده است و پروژه‌ها امتیاز ندارند.';
  out.push(
    para(
      `${term('prioritisation').fa}: هر پروژه با معیارهای زیر امتیازی از ۰ تا ۱۰۰ می‌گیرد. ${how} سپس ${term('portfolio').fa} با بهینه‌سازی عدد صحیح (بیشترین جمع امتیاز در سقف ${term('capitalBudget').fa} هر سال، با پروژه‌های الزامی و پیش‌نیازها) برگزیده می‌شود.`,
    ),
    heading('معیارهای اولویت‌بندی', 2),
    table(
      ['شناسه', 'معیار', 'وزن'],
      scoring.criteria.map((c) => [id(c.id), c.title, num(c.weight, 3)]),
      { widths: [12, 70, 18] },
    ),
  );
  if (p !== null) {
    out.push(
      heading(
        `${term('capitalBudget').fa} و هزینه سبد، سناریوی ${scenarioCaption(p.scenario, 'fa')} (${BILLION_CAPTION})`,
        2,
      ),
      ...figure(
        barChart({
          categories: p.spending.map((x) => year(x.year)),
          series: [
            {
              label: term('capitalBudget').fa,
              colour: '#2E75B6',
              values: p.spending.map((x) => BigInt(x.budget)),
            },
            {
              label: 'هزینه سبد',
              colour: '#70AD47',
              values: p.spending.map((x) => BigInt(x.spent)),
            },
          ],
          unit: BILLION,
        }),
        `${term('capitalBudget').fa} و هزینه سبد پروژه‌ها هر سال (${BILLION_CAPTION})`,
      ),
      table(
        ['سال', term('capitalBudget').fa, 'هزینه سبد', 'مانده'],
        p.spending.map((s) => [year(s.year), money(s.budget), money(s.spent), money(s.left)]),
        {
          totals: [
            'جمع',
            money(p.spending.reduce((a, s) => a + BigInt(s.budget), 0n)),
            money(p.spending.reduce((a, s) => a + BigInt(s.spent), 0n)),
            money(p.spending.reduce((a, s) => a + BigInt(s.left), 0n)),
          ],
        },
      ),
    );
  }
  out.push(
    heading('پروژه‌ها به ترتیب امتیاز', 2),
    table(
      ['رتبه', 'شناسه', 'عنوان پروژه', 'امتیاز', 'در سبد', 'دلیل بیرون ماندن'],
      [...scoring.projects]
        .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.id.localeCompare(b.id))
        .map((s) => {
          const inside = chosen.has(s.id);
          const reason = excluded.get(s.id) ?? 'not-chosen';
          return [
            num(s.rank),
            id(s.id),
            s.title,
            num(s.score, 1),
            p === null ? '—' : inside ? 'بله' : 'خیر',
            p === null || inside
              ? ''
              : (PORTFOLIO_OUT_CAPTIONS[reason as keyof typeof PORTFOLIO_OUT_CAPTIONS]?.fa ??
                reason),
          ];
        }),
      { widths: [7, 10, 45, 9, 8, 21] },
    ),
  );
  return out;
}

/**
 * What each executive agency undertakes in the plan (`tblCommitments`), under the agency's
 * name (`tblStakeholders`), with the strategy, program or project it serves; then the
 * council's resolutions recorded for the plan (the cover's), or that there is none yet.
 */
function agreements(plan: Plan, names: Lookup, facts: DocumentFacts): Block[] {
  const list = plan.tables.tblCommitments?.rows ?? [];
  const linked = new Map<string, string>();
  for (const r of plan.tables.tblStrategies?.rows ?? []) linked.set(r.StrategyId, r.Title);
  for (const r of plan.tables.tblPrograms?.rows ?? []) linked.set(r.ProgramId, r.Title);
  for (const r of plan.tables.tblProjects?.rows ?? []) linked.set(r.ProjectId, r.Title);
  const out: Block[] = [
    para(
      `دستگاه‌های اجرایی شهر در اجرای برنامه سهم دارند. جدول زیر کاری را که هر دستگاه بر عهده گرفته است، با راهبرد، برنامه یا پروژه‌ای که به آن خدمت می‌کند، سال‌های آن و مبلغی که از بودجه خود می‌گذارد، نشان می‌دهد. مبلغ به ${BILLION_CAPTION} است و در هزینه‌های شهرداری در فصل‌های پیشین نیامده است؛ جایی که مبلغی نیامده، تعهد از جنس کار است نه پول.`,
    ),
  ];
  if (list.length === 0) out.push(note('تعهدی از دستگاه‌های اجرایی در برنامه ثبت نشده است.'));
  else {
    // Grouped by agency, in the order the agencies first appear.
    const agencies: string[] = [];
    for (const c of list) if (!agencies.includes(c.StakeholderId)) agencies.push(c.StakeholderId);
    const rows = agencies.flatMap((a) => list.filter((c) => c.StakeholderId === a));
    const years = (from: number | null, to: number | null) =>
      from === null && to === null
        ? '—'
        : from === null || to === null || from === to
          ? year((from ?? to) as number)
          : `${year(from)} تا ${year(to)}`;
    const total = rows.reduce((a, c) => a + (c.Amount ?? 0n), 0n);
    out.push(
      heading(`تعهدات دستگاه‌ها (${BILLION_CAPTION})`, 2),
      table(
        ['دستگاه', 'شناسه', 'در خدمت', 'تعهد', 'سال‌ها', 'مبلغ'],
        rows.map((c, i) => [
          i > 0 && rows[i - 1]?.StakeholderId === c.StakeholderId
            ? ''
            : names.stakeholder(c.StakeholderId),
          id(c.CommitmentId),
          `${id(c.LinkedId)} ${linked.get(c.LinkedId) ?? ''}`.trim(),
          c.Text,
          years(c.FromYear, c.ToYear),
          c.Amount === null || c.Amount === 0n ? { text: '—', number: true } : money(c.Amount),
        ]),
        {
          widths: [17, 7, 22, 32, 12, 10],
          totals: total === 0n ? undefined : ['جمع', '', '', '', '', money(total)],
        },
      ),
    );
  }
  out.push(heading('مصوبه شورای اسلامی شهر', 2));
  const resolutions = facts.resolutions ?? [];
  if (resolutions.length > 0) for (const r of resolutions) out.push(para(r));
  else
    out.push(
      para(
        facts.adopted === null
          ? 'این برنامه هنوز به تصویب شورای اسلامی شهر نرسیده است؛ مصوبه شورا پس از تصویب در این بخش می‌آید.'
          : `برنامه با «${facts.adopted}» تصویب شده است؛ متن مصوبه ثبت نشده است.`,
      ),
    );
  return out;
}

/** The cover's lines and the contents. */
function cover(plan: Plan, report: CityMeasure, facts: DocumentFacts): Block[] {
  const city = plan.info.City || facts.municipality;
  const first = report.years[0];
  const last = report.years.at(-1);
  const lines: Block[] = [
    para('', { after: 1800 }),
    para(plan.info.PlanTitle || 'برنامه راهبردی-عملیاتی شهر و شهرداری', {
      bold: true,
      size: SIZE.title,
      align: 'center',
      after: 400,
    }),
    para('سند برنامه راهبردی-عملیاتی شهر و شهرداری', {
      bold: true,
      size: SIZE.h2,
      align: 'center',
    }),
    para(plan.info.Municipality || facts.municipality, {
      size: SIZE.h2,
      align: 'center',
      after: 400,
    }),
    para(`شهر: ${city}`, { align: 'center' }),
  ];
  if (first !== undefined && last !== undefined)
    lines.push(para(`دوره برنامه: ${year(first)} تا ${year(last)}`, { align: 'center' }));
  lines.push(
    para(`تاریخ تهیه: ${formatJalali(tehranDayOf(facts.printedOn), 'fa')}`, { align: 'center' }),
    para(
      facts.adopted === null
        ? 'پیش‌نویس: این سند از برنامه‌ای ساخته شده است که هنوز تصویب نشده است.'
        : `از نسخه تصویب‌شده «${facts.adopted}»`,
      {
        align: 'center',
        bold: true,
        color: facts.adopted === null ? 'C00000' : undefined,
        after: (facts.resolutions ?? []).length > 0 ? 200 : 600,
      },
    ),
    // The council's resolutions (the adoption's, with its vote, first).
    ...(facts.resolutions ?? []).map((r, i, all) =>
      para(r, { align: 'center', after: i === all.length - 1 ? 600 : 120 }),
    ),
    para(
      `مبالغ به ${BILLION_CAPTION} است و هر رقم و هر جمع یک بار از مبلغ دقیق به ریال گرد شده است.`,
      {
        align: 'center',
        size: SIZE.small,
      },
    ),
    heading('فهرست مطالب', 1, undefined),
    ...BOOK_CHAPTERS.map((c, i) => contentsLine(chapterTitle(c.key, i + 1), `ch-${c.key}`)),
  );
  return lines;
}

/** The plan book of a measured city plan, as `.docx` bytes. */
export async function planBookDocx(report: CityMeasure, facts: DocumentFacts): Promise<Uint8Array> {
  const plan = readPlan(report.workbook).plan;
  const names = new Lookup(plan);
  const city = plan.info.City || facts.municipality;
  const frame: PageFrame = {
    adopted: facts.adopted !== null,
    practice: facts.practice === true,
    title: plan.info.PlanTitle || 'سند برنامه راهبردی-عملیاتی شهر و شهرداری',
    footer: `${city}، ${formatJalali(tehranDayOf(facts.printedOn), 'fa')}`,
  };
  const chapter: Record<BookChapter, () => Block[]> = {
    upstream: () => upstream(plan),
    swot: () => swot(plan),
    goals: () => goals(plan),
    strategies: () => strategies(plan, names),
    programs: () => programs(plan, names, report),
    items: () => items(plan, names, report),
    kpis: () => kpis(plan, report),
    revenue: () => revenue(plan, report),
    portfolio: () => portfolio(plan, report),
    agreements: () => agreements(plan, names, facts),
  };
  const body: Block[] = [];
  BOOK_CHAPTERS.forEach((c, i) => {
    body.push(heading(chapterTitle(c.key, i + 1), 1, `ch-${c.key}`), ...chapter[c.key]());
  });
  return packDocument({
    title: frame.title,
    subject: 'سند برنامه راهبردی-عملیاتی شهر و شهرداری',
    sections: [section(frame, cover(plan, report, facts)), section(frame, body)],
  });
}
