/**
 * The six-monthly report of Article 71 of the Municipalities Law (گزارش ماده ۷۱ قانون
 * شهرداری‌ها): a summary of income and expenditure and of the works done, as tables ready to
 * print, made from a monitoring report (`monitoringReport`): income by class (forecast,
 * realised), spending by head and by program (current budget, paid), the completed and
 * ongoing projects with their physical and financial progress, and the KPIs of the year.
 * Persian first: each table's header and captions in the language asked for.
 */
import type { Language } from '../contract/enums';
import { BUDGET_KINDS, PERIODS, PROJECT_STATUSES, REVENUE_CLASSES } from '../contract/enums';
import type { SnapshotStatus } from '../contract/snapshots';
import { SNAPSHOT_STATUS_CAPTIONS } from '../contract/snapshots';
import type { Bilingual } from '../findings';
import { KPI_STATUSES } from '../kpi';
import { entriesOf, idKey } from '../linkage/rows';
import type { Plan } from '../read/plan';
import type { RawCell, RawTable } from '../read/raw';
import type { TablePresentation } from '../template/layout';
import { fsi, toPersianDigits } from '../util/text';
import type { MonitoringReport } from './report';
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

  // Spending by head.
  const heads = (['current', 'capital'] as const).map((head) => {
    const items = report.items.filter((i) => (i.kind === 'project') === (head === 'capital'));
    const budget = items.reduce((s, i) => s + i.currentBudget, 0n);
    const paid = items.reduce((s, i) => s + i.paid, 0n);
    return [
      BUDGET_KINDS.find((k) => k.value === head)?.[lang] ?? head,
      moneyCell(budget),
      moneyCell(paid),
      budget === 0n ? null : Number(paid) / Number(budget),
    ];
  });
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
  const planStatus = new Map<string, string | null>();
  for (const { row } of entriesOf(plan, 'tblProjects'))
    planStatus.set(idKey(row.ProjectId), row.Status);
  const done = (id: string, progress: number | null) =>
    (progress !== null && progress >= 100) || planStatus.get(idKey(id)) === 'done';
  const projects = [...report.earnedValue].sort(
    (a, b) => Number(done(b.projectId, b.progress)) - Number(done(a.projectId, a.progress)),
  );
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
        (done(e.projectId, e.progress)
          ? PROJECT_STATUSES.find((s) => s.value === 'done')
          : PROJECT_STATUSES.find((s) => s.value === 'ongoing'))?.[lang] ?? '',
        e.progress === null ? null : e.progress / 100,
        e.bac === 0n ? null : Number(e.ac) / Number(e.bac),
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
  const kpiRows: RawCell[][] = [];
  for (const k of report.kpis) {
    const y = k.years.find((x) => x.year === report.year);
    if (!y) continue;
    kpiRows.push([
      k.kpiId,
      k.title,
      k.unit,
      y.target,
      y.actual,
      y.progress,
      KPI_STATUSES.find((s) => s.value === y.status)?.[lang] ?? '',
    ]);
  }
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
