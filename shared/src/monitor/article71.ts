/**
 * The six-monthly report of Article 71 of the Municipalities Law (گزارش ماده ۷۱ قانون
 * شهرداری‌ها): a summary of income and expenditure and of the works done, as tables ready to
 * print, made from a monitoring report (`monitoringReport`): income by class (forecast,
 * realised), spending by head and by program (current budget, paid), the completed and
 * ongoing projects with their physical and financial progress, and the KPIs of the year.
 * Persian first: each table's header and captions in the language asked for.
 */
import type { Language, Period } from '../contract/enums';
import { BUDGET_KINDS, PERIODS, PROJECT_STATUSES, REVENUE_CLASSES } from '../contract/enums';
import type { SnapshotStatus } from '../contract/snapshots';
import { SNAPSHOT_STATUS_CAPTIONS } from '../contract/snapshots';
import type { Bilingual } from '../findings';
import type { KpiStatus } from '../kpi';
import { KPI_STATUSES } from '../kpi';
import { entriesOf, idKey } from '../linkage/rows';
import type { Plan } from '../read/plan';
import type { RawCell, RawTable } from '../read/raw';
import type { TablePresentation } from '../template/layout';
import { fsi, toPersianDigits } from '../util/text';
import type { EarnedValue, GroupExecution, MonitoringReport } from './report';
import { emptyGroupExecution, groupExecution } from './report';
import type { ExecutionStatus } from './vocabulary';
import { executionStatusCaption } from './vocabulary';

/** One table of the report with its title and column formats. */
export interface ReportTable {
  readonly table: RawTable;
  readonly presentation: TablePresentation;
}

/** Money as a cell: a number the sheet can add up, or exact text beyond 2^53 Rials. */
export function moneyCell(v: bigint): RawCell {
  return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= -BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(v)
    : v.toString();
}

const AMOUNT = { numFmt: '#,##0' };
const SHARE = { numFmt: '0.0%' };
const TEXT = undefined;

/** The period as people say it: «شش‌ماهه اول ۱۴۰۵», "1405 H1". */
export function periodCaption(year: number, period: string, lang: Language): string {
  const p = PERIODS.find((x) => x.value === period);
  return lang === 'fa'
    ? `${p?.fa ?? period} ${toPersianDigits(String(year))}`
    : `${year} ${p?.en ?? period}`;
}

/** The snapshot of the city plan a report is measured against (the register's). */
export interface Article71Basis {
  /** `snapshotLabel`'s name of it. */
  readonly label: Bilingual;
  readonly status: SnapshotStatus;
  readonly resolutionNumber: string | null;
  /** Jalali, YYYY/MM/DD. */
  readonly resolutionDate: string | null;
}

/** The first sheet when the report is measured against a snapshot: which, and its adoption. */
function basisTable(basis: Article71Basis, lang: Language, title: string): ReportTable {
  const fa = lang === 'fa';
  const r = basis.resolutionNumber;
  const d = basis.resolutionDate;
  const resolution =
    r === null
      ? fa
        ? 'هنوز مصوب شورا نیست'
        : 'not adopted by the council yet'
      : fa
        ? `شماره ${fsi(r)}${d === null ? '' : ` مورخ ${toPersianDigits(d)}`}`
        : `No. ${r}${d === null ? '' : ` of ${d}`}`;
  return {
    table: {
      name: 'tblReportBasis',
      sheet: fa ? 'مبنای گزارش' : 'Basis',
      header: fa ? ['موضوع', 'شرح'] : ['item', 'value'],
      rows: [
        [fa ? 'برنامه مبنای سنجش' : 'plan measured against', basis.label[lang]],
        [fa ? 'وضعیت' : 'status', SNAPSHOT_STATUS_CAPTIONS[basis.status][lang]],
        [fa ? 'مصوبه شورا' : 'council resolution', resolution],
      ],
    },
    presentation: { title, columns: [{ width: 24 }, { width: 48 }] },
  };
}

/** A budget head of the Article 71 report: current spending (activities) or capital (projects). */
export type Article71Head = 'current' | 'capital';

/** A project of the Article 71 report: its earned value, and whether it is completed. */
export interface Article71Project extends EarnedValue {
  /** Completed (progress 100, or the plan marks it done) or in progress. */
  readonly state: 'done' | 'ongoing';
  /** Financial progress: AC / BAC (the share of its whole-life cost spent); null when BAC is 0. */
  readonly financialProgress: number | null;
}

/** A KPI's figures of the report's year. */
export interface Article71Kpi {
  readonly kpiId: string;
  readonly title: string;
  readonly unit: string;
  readonly target: number | null;
  readonly actual: number;
  /** The period of the reading (`FY`, or the latest quarter reported), and whether it is a quarter's. */
  readonly period: Period;
  readonly provisional: boolean;
  readonly progress: number | null;
  readonly status: KpiStatus;
}

/**
 * What the Article 71 report says beyond the monitoring report, made from it once: spending by
 * head, the projects completed and in progress with their earned value, how many are in each
 * state and status, and the KPIs of the year with how many are in each status. The workbook
 * (`article71Tables`) and the document (`io/documents/article71.ts`) both lay out these.
 */
export interface Article71Summary {
  /** Current (activities), then capital (projects): the items of the report summed. */
  readonly heads: ReadonlyArray<GroupExecution & { readonly head: Article71Head }>;
  /** Completed projects first, then those in progress (each in the report's order). */
  readonly projects: readonly Article71Project[];
  /** How many projects are completed and in progress, and in each earned-value status. */
  readonly works: {
    readonly completed: number;
    readonly ongoing: number;
    readonly byStatus: Readonly<Record<ExecutionStatus | 'no-data', number>>;
  };
  /** The KPIs with a reading or target of the report's year. */
  readonly kpis: readonly Article71Kpi[];
  readonly kpiStatus: Readonly<Record<KpiStatus, number>>;
}

/**
 * The Article 71 summary of `report` (made from `plan` at the period). Spending by head counts
 * projects as capital and activities as current; a project is completed when its progress is
 * 100 or the plan marks it done, ongoing otherwise; its financial progress is AC / BAC.
 */
export function article71Summary(plan: Plan, report: MonitoringReport): Article71Summary {
  const byHead = groupExecution(
    report.items,
    (i) => (i.kind === 'project' ? 'capital' : 'current'),
    report.cumulative,
  );
  const heads = (['current', 'capital'] as const).map((head) => ({
    ...(byHead.find((g) => g.key === head) ?? emptyGroupExecution(head, report.cumulative)),
    head,
  }));

  const planStatus = new Map<string, string | null>();
  for (const { row } of entriesOf(plan, 'tblProjects'))
    planStatus.set(idKey(row.ProjectId), row.Status);
  const done = (id: string, progress: number | null) =>
    (progress !== null && progress >= 100) || planStatus.get(idKey(id)) === 'done';
  const projects: Article71Project[] = report.earnedValue.map((e) => ({
    ...e,
    state: done(e.projectId, e.progress) ? 'done' : 'ongoing',
    financialProgress: e.bac === 0n ? null : Number(e.ac) / Number(e.bac),
  }));
  projects.sort((a, b) => Number(b.state === 'done') - Number(a.state === 'done'));
  const byStatus = { 'on-track': 0, 'at-risk': 0, 'off-track': 0, 'no-data': 0 };
  for (const p of projects) byStatus[p.status ?? 'no-data'] += 1;
  const completed = projects.filter((p) => p.state === 'done').length;

  const kpis: Article71Kpi[] = [];
  const kpiStatus: Record<KpiStatus, number> = {
    'on-track': 0,
    'at-risk': 0,
    'off-track': 0,
    'no-data': 0,
  };
  for (const k of report.kpis) {
    const y = k.years.find((x) => x.year === report.year);
    if (!y) continue;
    kpis.push({
      kpiId: k.kpiId,
      title: k.title,
      unit: k.unit,
      target: y.target,
      actual: y.actual,
      period: y.period,
      provisional: y.provisional,
      progress: y.progress,
      status: y.status,
    });
    kpiStatus[y.status] += 1;
  }
  return {
    heads,
    projects,
    works: { completed, ongoing: projects.length - completed, byStatus },
    kpis,
    kpiStatus,
  };
}

/**
 * The tables of the Article 71 report of `report` (made from `plan` at the period). The
 * sheet names and titles are in `lang`; a share is a fraction formatted as a percent.
 * Spending by head counts projects as capital and activities as current; a project is
 * completed when its progress is 100 or the plan marks it done, ongoing otherwise; its
 * financial progress is AC / BAC (the share of its whole-life cost spent). Given the `basis`
 * (the register's snapshot measured against), a first sheet names it and its adoption.
 */
export function article71Tables(
  plan: Plan,
  report: MonitoringReport,
  lang: Language,
  basis?: Article71Basis | null,
): ReportTable[] {
  const fa = lang === 'fa';
  const when = periodCaption(report.year, report.period, lang);
  const title = (fa: string, en: string) =>
    lang === 'fa'
      ? `گزارش ماده ۷۱ قانون شهرداری‌ها، ${when}: ${fa}`
      : `Article 71 report, ${when}: ${en}`;
  const out: ReportTable[] = [];
  if (basis !== undefined && basis !== null)
    out.push(basisTable(basis, lang, title('مبنای گزارش', 'basis')));

  // Income by class.
  if (report.revenue.ok) {
    const rows: RawCell[][] = report.revenue.classes.map((c) => [
      REVENUE_CLASSES.find((x) => x.value === c.revenueClass)?.[lang] ?? c.revenueClass,
      c.forecast === null ? null : moneyCell(c.forecast),
      moneyCell(c.actual),
      c.realisation,
    ]);
    const t = report.revenue.total;
    out.push({
      table: {
        name: 'tblReportIncome',
        sheet: fa ? 'درآمد' : 'Income',
        header: fa
          ? ['طبقه درآمد', 'پیش‌بینی سال (ریال)', 'تحقق‌یافته (ریال)', 'درصد تحقق']
          : ['revenue class', 'forecast of the year (Rials)', 'realised (Rials)', 'realised %'],
        rows,
      },
      presentation: {
        title: title('درآمد به تفکیک طبقه', 'income by class'),
        columns: [TEXT, AMOUNT, AMOUNT, SHARE],
        totals: {
          label: fa ? 'جمع' : 'total',
          values: [moneyCell(t.forecast ?? 0n), moneyCell(t.actual), t.realisation],
        },
      },
    });
  }

  const summary = article71Summary(plan, report);
  // Spending by head.
  const heads = summary.heads.map((h) => [
    BUDGET_KINDS.find((k) => k.value === h.head)?.[lang] ?? h.head,
    moneyCell(h.currentBudget),
    moneyCell(h.paid),
    h.paidExecution,
  ]);
  const spendHeader = (first: string, firstEn: string) =>
    fa
      ? [first, 'بودجه مصوب با اصلاحیه و متمم (ریال)', 'پرداخت (ریال)', 'درصد پرداخت']
      : [firstEn, 'current budget (Rials)', 'paid (Rials)', 'paid %'];
  const cityTotals = {
    label: fa ? 'جمع' : 'total',
    values: [
      moneyCell(report.city.currentBudget),
      moneyCell(report.city.paid),
      report.city.paidExecution,
    ],
  };
  out.push({
    table: {
      name: 'tblReportHeads',
      sheet: fa ? 'هزینه به تفکیک سرفصل' : 'Spending by head',
      header: spendHeader('سرفصل', 'head'),
      rows: heads,
    },
    presentation: {
      title: title('هزینه به تفکیک سرفصل', 'spending by head'),
      columns: [TEXT, AMOUNT, AMOUNT, SHARE],
      totals: cityTotals,
    },
  });

  // Spending by program.
  const programTitle = new Map<string, string>();
  for (const { row } of entriesOf(plan, 'tblPrograms'))
    programTitle.set(idKey(row.ProgramId), row.Title);
  out.push({
    table: {
      name: 'tblReportPrograms',
      sheet: fa ? 'هزینه به تفکیک برنامه' : 'Spending by program',
      header: fa
        ? ['برنامه', 'عنوان', ...spendHeader('', '').slice(1)]
        : ['program', 'title', ...spendHeader('', '').slice(1)],
      rows: report.programs.map((g) => [
        g.key,
        programTitle.get(idKey(g.key)) ?? '',
        moneyCell(g.currentBudget),
        moneyCell(g.paid),
        g.paidExecution,
      ]),
    },
    presentation: {
      title: title('هزینه به تفکیک برنامه', 'spending by program'),
      columns: [TEXT, TEXT, AMOUNT, AMOUNT, SHARE],
      totals: { ...cityTotals, values: ['', ...cityTotals.values] },
    },
  });

  // Completed and ongoing projects.
  const projects = summary.projects;
  out.push({
    table: {
      name: 'tblReportProjects',
      sheet: fa ? 'پروژه‌ها' : 'Projects',
      header: fa
        ? [
            'پروژه',
            'عنوان',
            'وضعیت',
            'پیشرفت فیزیکی',
            'پیشرفت مالی',
            'هزینه کل (ریال)',
            'هزینه‌شده تاکنون (ریال)',
            'ارزیابی',
          ]
        : [
            'project',
            'title',
            'state',
            'physical progress',
            'financial progress',
            'total cost (Rials)',
            'spent to date (Rials)',
            'assessment',
          ],
      rows: projects.map((e) => [
        e.projectId,
        e.title,
        PROJECT_STATUSES.find((s) => s.value === e.state)?.[lang] ?? '',
        e.progress === null ? null : e.progress / 100,
        e.financialProgress,
        moneyCell(e.bac),
        moneyCell(e.ac),
        executionStatusCaption(e.status)[lang],
      ]),
    },
    presentation: {
      title: title('پروژه‌های تمام‌شده و در حال اجرا', 'completed and ongoing projects'),
      columns: [TEXT, TEXT, TEXT, SHARE, SHARE, AMOUNT, AMOUNT, TEXT],
    },
  });

  // KPIs of the year.
  const kpiRows: RawCell[][] = summary.kpis.map((k) => [
    k.kpiId,
    k.title,
    k.unit,
    k.target,
    k.actual,
    k.progress,
    KPI_STATUSES.find((s) => s.value === k.status)?.[lang] ?? '',
  ]);
  out.push({
    table: {
      name: 'tblReportKpis',
      sheet: fa ? 'شاخص‌ها' : 'KPIs',
      header: fa
        ? ['شاخص', 'عنوان', 'واحد', 'هدف سال', 'مقدار واقعی', 'پیشرفت', 'وضعیت']
        : ['KPI', 'title', 'unit', 'target of the year', 'actual', 'progress', 'status'],
      rows: kpiRows,
    },
    presentation: {
      title: title('شاخص‌های عملکرد', 'performance indicators'),
      columns: [TEXT, TEXT, TEXT, undefined, undefined, SHARE, TEXT],
    },
  });
  return out;
}
