/**
 * The consolidated city plan as a document the council reads, on screen or on paper: a cover
 * (city, plan, period, where the cycle stands, who approved each part and when, the council's
 * resolution, contents), summary sheets in billion Rials with names beside codes and totals
 * rows, the portfolio with each project's cost, score, rank and why it is out, then the
 * plan's own tables in exact Rials, and the editor's guide last. Every sheet prints
 * right-to-left on A4 with its header rows repeated and «صفحه X از Y», the city and the
 * Jalali date in the footer (the core's layout: `sheetPrintOf`).
 *
 * Captions come from the core's vocabularies (statuses, kinds, scenarios, KPI statuses, why a
 * project is out); figures from the consolidation report, computed by the core.
 */
import type {
  ApiSignatureList,
  CanonicalRow,
  CanonicalTable,
  LooseCell,
  RawCell,
  RawTable,
  SheetLayout,
  SubmissionStatus,
  TablePresentation,
} from '#core';
import {
  BUDGET_KINDS,
  CHAPTERS,
  DEFAULT_REVENUE_SCENARIO,
  GUIDE_SHEET,
  TABLE_HEADER_ROW,
  a1,
  KPI_STATUSES,
  MONITORING_TABLES,
  PORTFOLIO_OUT_CAPTIONS,
  PRACTICE_BANNER,
  ROLE_CAPTIONS,
  SIGNATURE_POSITION_CAPTIONS,
  SIGNOFF_STALE_EXPLAINED,
  SIGNOFF_STATE_CAPTIONS,
  STATUS_CAPTIONS,
  SUBMISSION_STATUSES,
  WORKBOOK_KINDS,
  defaultSheetOf,
  findTableSpec,
  formatJalali,
  formatNumber,
  presentCanonicalTables,
  readPlan,
  scenarioCaption,
  scoreProjects,
  tehranDayOf,
  toPersianDigits,
} from '#core';
import { layoutWorkbook } from '#core';
import { writeWorkbook } from '../../../io';
import type { AppDeps } from '../handlers/context';
import { signatureList } from '../handlers/signatures';
import { cycleSubmissions, latestApprovedVersion } from '../handlers/submissions';
import type { Consolidation } from './index';

/** The unit of the summary sheets: how many Rials one shown unit is, and its name. */
export interface SummaryUnit {
  readonly rials: bigint;
  readonly fa: string;
}

/** Billion Rials (میلیارد ریال): how Iranian budget documents state city-sized sums. */
export const BILLION_RIALS: SummaryUnit = { rials: 10n ** 9n, fa: 'میلیارد ریال' };

/** One submission of the cycle as the cover lists it. */
export interface CoverSubmission {
  departmentCode: string;
  departmentName: string;
  kind: string;
  status: SubmissionStatus;
  /** The version in the city plan (the latest approved), or null when none is approved. */
  version: number | null;
  /** When that version was approved, and by whom (display name). */
  approvedAt: Date | null;
  approvedBy: string | null;
  /** The note of an approval taken by a council member: the council's resolution. */
  councilResolution: string | null;
}

/** What the register knows about the cycle beyond the report: for the cover. */
export interface CoverFacts {
  /** The municipality's name. */
  municipality: string;
  /** A practice municipality (issue 20): its documents say «تمرینی» on every page. */
  practice: boolean;
  cycle: { title: string; startYear: number; endYear: number };
  submissions: CoverSubmission[];
  /** When the document is made (its date, in Tehran, is printed on every page). */
  printedOn: Date;
  /** Every agency of the plan and its latest sign-off (`GET …/signatures`). */
  signoffs: ApiSignatureList['agencies'];
}

/** Reads the cover's facts: the cycle, each submission's status and its approval. */
export async function coverFacts(
  deps: AppDeps,
  tenantId: string,
  cycleId: string,
  printedOn: Date = new Date(),
): Promise<CoverFacts> {
  const [tenant, cycle, departments, users, { included }, signoffs] = await Promise.all([
    deps.repos.tenants.get(tenantId),
    deps.repos.cycles.get(tenantId, cycleId),
    deps.repos.departments.list(tenantId),
    deps.repos.users.list(tenantId),
    cycleSubmissions(deps, tenantId, cycleId),
    signatureList(deps, tenantId, cycleId).then((l) => l.agencies),
  ]);
  const dept = new Map(departments.map((d) => [d.id, d]));
  const person = new Map(users.map((u) => [u.id, u]));
  const submissions: CoverSubmission[] = [];
  for (const sub of included) {
    const version = await latestApprovedVersion(deps, sub);
    const approval =
      version === null
        ? undefined
        : (await deps.repos.submissions.history(tenantId, sub.id))
            .filter((e) => e.action === 'approve' && e.version === version)
            .at(-1);
    const approver = approval === undefined ? undefined : person.get(approval.actorId);
    const byCouncil = approver?.roles.includes('council') ?? false;
    submissions.push({
      departmentCode: dept.get(sub.departmentId)?.code ?? '',
      departmentName: dept.get(sub.departmentId)?.name ?? '',
      kind: sub.kind,
      status: sub.status,
      version,
      approvedAt: approval?.createdAt ?? null,
      approvedBy: approver?.displayName ?? null,
      councilResolution: byCouncil && approval?.note ? approval.note : null,
    });
  }
  submissions.sort(
    (a, b) =>
      kindRank(a.kind) - kindRank(b.kind) || a.departmentCode.localeCompare(b.departmentCode),
  );
  return {
    municipality: tenant?.name ?? '',
    practice: tenant?.practice ?? false,
    cycle: {
      title: cycle?.title ?? '',
      startYear: cycle?.startYear ?? 0,
      endYear: cycle?.endYear ?? 0,
    },
    submissions,
    printedOn,
    signoffs,
  };
}

/**
 * The sheet «امضای دستگاه‌ها»: each agency of the plan, its latest sign-off (position, the
 * reservations or reason, the Jalali day in Tehran, the snapshot signed) and whether it is
 * current or stale; an agency that has not signed says so. None when the plan has no agency.
 */
function signoffSummary(signoffs: CoverFacts['signoffs']): Summary | null {
  if (signoffs.length === 0) return null;
  return {
    table: {
      name: 'tblCityAgencySignoffs',
      sheet: 'امضای دستگاه‌ها',
      header: [
        'شناسه دستگاه',
        'دستگاه اجرایی',
        'موضع',
        'ملاحظات یا دلیل',
        'تاریخ امضا',
        'نسخه امضاشده',
        'وضعیت امضا',
      ],
      rows: signoffs.map(({ agency, latest }) => [
        agency.id,
        agency.name,
        latest === null
          ? SIGNOFF_STATE_CAPTIONS.unsigned.fa
          : SIGNATURE_POSITION_CAPTIONS[latest.position].fa,
        latest === null || latest.text === '' ? null : latest.text,
        latest === null ? null : formatJalali(tehranDayOf(new Date(latest.createdAt)), 'fa'),
        latest === null ? null : latest.snapshot.label.fa,
        latest === null
          ? null
          : latest.stale
            ? SIGNOFF_STALE_EXPLAINED.fa
            : SIGNOFF_STATE_CAPTIONS.current.fa,
      ]),
    },
    caption: 'امضای سند راهبردی به دست دستگاه‌های اجرایی: موضع، ملاحظات، تاریخ و نسخه',
    presentation: {
      title: 'امضای دستگاه‌های اجرایی همکار بر سند راهبردی برنامه',
      columns: [
        { width: 10 },
        { width: 28 },
        { width: 16 },
        { width: 44 },
        { width: 11 },
        { width: 24 },
        { width: 22 },
      ],
    },
  };
}

function kindRank(kind: string): number {
  return WORKBOOK_KINDS.findIndex((k) => k.value === kind);
}

const fa = (n: number | bigint) => formatNumber(n, 'fa');
const faYear = (y: number) => toPersianDigits(String(y));

/** An amount in Rials (a string of digits) in the summary unit, as a number for the cell. */
function inUnit(rials: string | bigint | null | undefined, unit: SummaryUnit): number | null {
  if (rials === null || rials === undefined) return null;
  const n = typeof rials === 'bigint' ? rials : BigInt(rials);
  // Whole units exactly, then the remainder: no precision lost before the cell's own.
  const whole = n / unit.rials;
  return Number(whole) + Number(n - whole * unit.rials) / Number(unit.rials);
}

/** A number format with separators and one decimal (negative with a minus sign, zero a dash). */
const UNIT_FORMAT = '#,##0.0;-#,##0.0;"-"';
/** A year: no separator. */
const YEAR_FORMAT = '0';

/** Lookups from the plan's own tables: names beside codes. */
class Names {
  private readonly maps = new Map<string, Map<string, CanonicalRow>>();
  constructor(tables: readonly CanonicalTable[]) {
    for (const t of tables) {
      const id = findTableSpec(t.name)?.idColumn;
      if (!id) continue;
      this.maps.set(t.name, new Map(t.rows.map((r) => [String(r[id] ?? ''), r])));
    }
  }
  row(table: string, id: string): CanonicalRow | undefined {
    return this.maps.get(table)?.get(id);
  }
  text(table: string, id: string, column: string): string | null {
    const v = this.row(table, id)?.[column];
    return v === undefined || v === null || v === '' ? null : String(v);
  }
  department(id: string): string | null {
    return this.text('tblDepartments', id, 'Name');
  }
  title(table: string, id: string): string | null {
    return this.text(table, id, 'Title');
  }
  /** The title of a code of the budget structure (the printed plan leaves its list out). */
  budgetCode(code: string): string | null {
    return this.budgetCodes.get(code) ?? null;
  }
  private readonly budgetCodes = new Map<string, string>();
  /** Adds the budget structure's titles (`tblBudgetCodes` of the merged plan). */
  withBudgetCodes(workbook: Consolidation['workbook']): this {
    const table = workbook.tables.find((t) => t.name === 'tblBudgetCodes');
    const header = table?.header.map(String) ?? [];
    const code = header.indexOf('Code');
    const title = header.indexOf('Title');
    if (code >= 0 && title >= 0)
      for (const row of table?.rows ?? []) {
        const c = row[code];
        const t = row[title];
        if (typeof c === 'string' || typeof c === 'number')
          if (typeof t === 'string' && t !== '') this.budgetCodes.set(String(c), t);
      }
    return this;
  }
}

/** The label of a row without a code (money not tied to a department, program, …). */
const UNKNOWN = '(نامشخص)';

interface Summary {
  table: RawTable;
  presentation: TablePresentation;
  /** What the contents says the sheet holds. */
  caption: string;
}

/** Each row's sum over the years and the totals row of a per-year amounts table. */
function amountsSummary(input: {
  name: string;
  sheet: string;
  title: string;
  caption: string;
  codeHeader: string;
  nameHeader: string | null;
  years: readonly number[];
  rows: Record<string, Record<string, string>>;
  nameOf: (code: string) => string | null;
  unit: SummaryUnit;
}): Summary {
  const { years, unit } = input;
  const header: RawCell[] = [
    input.codeHeader,
    ...(input.nameHeader === null ? [] : [input.nameHeader]),
    ...years.map(faYear),
    'جمع دوره',
  ];
  const totals = years.map(() => 0n);
  const rows: RawCell[][] = Object.entries(input.rows).map(([code, amounts]) => {
    const values = years.map((y) => BigInt(amounts[y] ?? '0'));
    values.forEach((v, i) => (totals[i] = (totals[i] ?? 0n) + v));
    const sum = values.reduce((a, b) => a + b, 0n);
    return [
      code === '' ? UNKNOWN : code,
      ...(input.nameHeader === null ? [] : [input.nameOf(code) ?? '']),
      ...values.map((v) => inUnit(v, unit)),
      inUnit(sum, unit),
    ];
  });
  const lead = input.nameHeader === null ? 1 : 2;
  const grand = totals.reduce((a, b) => a + b, 0n);
  return {
    table: { name: input.name, sheet: input.sheet, header, rows },
    caption: input.caption,
    presentation: {
      title: `${input.title} (${unit.fa})`,
      columns: header.map((_, i) =>
        i === 0 ? { width: 14 } : i < lead ? { width: 40 } : { numFmt: UNIT_FORMAT, width: 14 },
      ),
      totals: {
        label: 'جمع',
        values: [
          ...Array.from({ length: lead }, () => null),
          ...totals.map((t) => inUnit(t, unit)),
          inUnit(grand, unit),
        ],
      },
    },
  };
}

/**
 * The report's plan tables back as canonical tables: its `workbook` is the merged canonical
 * plan laid out with the column keys as headers, in the contract's column order.
 */
export function planOf(report: Consolidation): CanonicalTable[] {
  return report.workbook.tables.flatMap((t) => {
    const spec = findTableSpec(t.name);
    // The budget circular's code list is reference data (the framework workbook holds it),
    // not part of the plan the council reads: a few hundred codes would add pages, not sense.
    // Execution (actuals, realised revenue, KPI readings) is the six-monthly report's
    // (`plan report71`, the register's monitoring view), not the plan's.
    // A revision's requested changes (tblChanges) are read against the baseline by the
    // revision's impact report, not printed as rows of the plan.
    if (
      spec === undefined ||
      spec.name === 'tblBudgetCodes' ||
      spec.name === 'tblChanges' ||
      MONITORING_TABLES.has(spec.name)
    )
      return [];
    const header = t.header.map(String);
    const rows = t.rows.map((cells) => {
      const row: CanonicalRow = {};
      header.forEach((key, i) => {
        const cell = cells[i];
        if (cell !== null && cell !== undefined && !(cell instanceof Date)) row[key] = cell;
      });
      return row;
    });
    // A column of contract v2 that no row fills (a start window nobody gave) is left out of
    // the printed plan; every v1 column stays, filled or not, in the contract's order.
    const v2 = new Set(spec.columns.filter((c) => c.since === 2).map((c) => c.key));
    const columns = header.filter(
      (key) => !v2.has(key) || rows.some((r) => r[key] !== undefined && r[key] !== ''),
    );
    return [{ name: spec.name, columns, rows }];
  });
}

/** The sheet of the summaries of spending by head, source and goal. */
const SUMMARY_SHEET = 'خلاصه هزینه‌ها';

/**
 * Summaries placed one under another on their (one) sheet: each header two rows below the
 * previous table's end (its totals row included), leaving an empty row and the title's row.
 */
function stacked(list: Summary[]): Summary[] {
  let header = TABLE_HEADER_ROW;
  return list.map((s) => {
    const placed = { ...s, table: { ...s.table, address: a1(header, 1) } };
    header += Math.max(1, s.table.rows.length) + (s.presentation.totals ? 1 : 0) + 3;
    return placed;
  });
}

/** The sheet of the budget album. */
const ALBUM_SHEET = 'بودجه به تفکیک';

/**
 * The budget album (contract v2) as the council reads it: the current budget of each year
 * that has budget lines, by head, chapter, function and scheme, with the plan's cost of the
 * same items beside it (by program the printed plan has the programs' costs already; the
 * register's report has the budget by program too). None when the plan has no budget lines.
 * A head is named, not coded; a line without a chapter is a capital or financial one (the
 * economic chapters classify current spending), and says so.
 */
function albumSummaries(report: Consolidation, names: Names, unit: SummaryUnit): Summary[] {
  const budget = report.budget;
  const years = report.years.filter((y) =>
    Object.values(budget.byHead).some((g) => (g[y]?.budget ?? '0') !== '0'),
  );
  if (years.length === 0) return [];
  const caption = (list: readonly { value: string; fa: string }[]) => (code: string) =>
    list.find((v) => v.value === code)?.fa ?? null;
  const groupings: {
    name: string;
    title: string;
    codeHeader: string;
    rows: Consolidation['budget']['byHead'];
    nameOf: (code: string) => string | null;
    /** What the first column shows for a key (default: the key, «(نامشخص)» for none). */
    codeOf?: (code: string) => string;
    /** The title column's header, or null when the first column says it all. */
    titleHeader?: string | null;
  }[] = [
    {
      name: 'tblCityBudgetByHead',
      title: 'بودجه جاری به تفکیک سرفصل',
      codeHeader: 'سرفصل',
      rows: budget.byHead,
      nameOf: caption(BUDGET_KINDS),
      codeOf: (c) => caption(BUDGET_KINDS)(c) ?? UNKNOWN,
      titleHeader: null,
    },
    {
      name: 'tblCityBudgetByChapter',
      title: 'بودجه جاری به تفکیک فصل هزینه',
      codeHeader: 'فصل',
      rows: budget.byChapter,
      nameOf: (c) => (c === '' ? 'تملک دارایی‌ها (بی‌فصل)' : caption(CHAPTERS)(c)),
      codeOf: (c) => (c === '' ? '-' : c),
    },
    {
      name: 'tblCityBudgetByFunction',
      title: 'بودجه جاری به تفکیک وظیفه',
      codeHeader: 'کد وظیفه',
      rows: budget.byFunction,
      nameOf: (c) => names.budgetCode(c),
    },
    {
      name: 'tblCityBudgetByScheme',
      title: 'بودجه جاری به تفکیک طرح',
      codeHeader: 'شناسه طرح',
      rows: budget.byScheme,
      nameOf: (c) =>
        c === '' ? 'فعالیت‌های مستمر و پروژه‌های بی‌طرح' : names.title('tblSchemes', c),
      codeOf: (c) => (c === '' ? '-' : c),
    },
  ];
  return groupings.map((g) => {
    const titled = g.titleHeader !== null;
    const lead = titled ? 2 : 1;
    const header: RawCell[] = [
      g.codeHeader,
      ...(titled ? [g.titleHeader ?? 'عنوان'] : []),
      ...years.flatMap((y) => [`بودجه ${faYear(y)}`, `برنامه ${faYear(y)}`]),
    ];
    const sums = years.map(() => ({ budget: 0n, plan: 0n }));
    // A group with neither budget nor plan cost in the years shown (a scheme whose projects
    // start later) says nothing on this page.
    const shown = Object.entries(g.rows).filter(([, cells]) =>
      years.some((y) => (cells[y]?.budget ?? '0') !== '0' || (cells[y]?.plan ?? '0') !== '0'),
    );
    const rows: RawCell[][] = shown.map(([code, cells]) => [
      g.codeOf ? g.codeOf(code) : code === '' ? UNKNOWN : code,
      ...(titled ? [g.nameOf(code) ?? ''] : []),
      ...years.flatMap((y, i) => {
        const cell = cells[y] ?? { budget: '0', plan: '0' };
        const sum = sums[i];
        if (sum) {
          sum.budget += BigInt(cell.budget);
          sum.plan += BigInt(cell.plan);
        }
        return [inUnit(cell.budget, unit), inUnit(cell.plan, unit)];
      }),
    ]);
    return {
      table: { name: g.name, sheet: ALBUM_SHEET, header, rows },
      caption: `${g.title}، با هزینه برنامه در کنار آن`,
      presentation: {
        title: `${g.title} و هزینه برنامه (${unit.fa})`,
        columns: header.map((_, i) =>
          i === 0
            ? { width: titled ? 14 : 30 }
            : i < lead
              ? { width: 40 }
              : { numFmt: UNIT_FORMAT, width: 14 },
        ),
        totals: {
          label: 'جمع',
          values: [
            ...Array.from({ length: lead }, () => null),
            ...sums.flatMap((t) => [inUnit(t.budget, unit), inUnit(t.plan, unit)]),
          ],
        },
      },
    };
  });
}

/**
 * `lower` placed under `upper` on upper's sheet (two empty rows and a title row between
 * them), when both are there: on paper a short table under a narrow one takes one page, where
 * side by side the pair spills across two (the agencies' commitments under the stakeholders).
 */
function stackUnder(tables: RawTable[], upper: string, lower: string): RawTable[] {
  const top = tables.find((t) => t.name === upper);
  if (!top || !tables.some((t) => t.name === lower)) return tables;
  const sheet = top.sheet ?? defaultSheetOf(top, 'fa');
  const below = TABLE_HEADER_ROW + Math.max(1, top.rows.length) + 3;
  return tables.map((t) =>
    t.name === upper
      ? { ...t, sheet, address: a1(TABLE_HEADER_ROW, 1) }
      : t.name === lower
        ? { ...t, sheet, address: a1(below, 1) }
        : t,
  );
}

/** The summary sheets of the report, in the order the cover lists them. */
function summaries(report: Consolidation, names: Names, unit: SummaryUnit): Summary[] {
  const years = report.years;
  const out: Summary[] = [];
  // Spending by head from the fiscal balance (the same for every scenario), else the total.
  const spending = report.fiscal[0]?.years;
  type FiscalYear = Consolidation['fiscal'][number]['years'][number];
  const heads: Record<string, Record<string, string>> = {};
  if (spending !== undefined) {
    const head = (label: string, pick: (y: FiscalYear) => string) =>
      (heads[label] = Object.fromEntries(spending.map((y) => [String(y.year), pick(y)])));
    head('فعالیت‌های مستمر', (y) => y.activities);
    head('پروژه‌های تملک دارایی سرمایه‌ای', (y) => y.projects);
    head('هزینه بهره‌برداری پروژه‌های پایان‌یافته', (y) => y.opex);
    // The financial head (v2) only where the plan has one: a v1 plan's document is unchanged.
    if (spending.some((y) => y.financial !== '0')) head('تملک دارایی‌های مالی', (y) => y.financial);
  } else heads['جمع هزینه‌ها'] = report.totals.total;
  const headNames = new Map(Object.keys(heads).map((label, i) => [faYear(i + 1), label]));
  const totals = amountsSummary({
    name: 'tblCityTotals',
    sheet: SUMMARY_SHEET,
    // With the opex of finished projects, as the fiscal balance counts spending; the other
    // summaries split the projects' and activities' costs alone.
    title: 'هزینه‌های برنامه به تفکیک سرفصل و سال',
    caption: 'هزینه‌های برنامه به تفکیک سرفصل و سال',
    codeHeader: 'ردیف',
    nameHeader: 'سرفصل',
    years,
    rows: Object.fromEntries(Object.values(heads).map((amounts, i) => [faYear(i + 1), amounts])),
    nameOf: (c) => headNames.get(c) ?? null,
    unit,
  });
  const bySource = amountsSummary({
    name: 'tblCityBySource',
    sheet: SUMMARY_SHEET,
    title: 'هزینه پروژه‌ها و فعالیت‌ها به تفکیک منبع تأمین',
    caption: 'هزینه‌های هر منبع تأمین به تفکیک سال',
    codeHeader: 'شناسه منبع',
    nameHeader: 'عنوان منبع',
    years,
    rows: report.totals.bySource,
    nameOf: (c) => names.title('tblFundingSources', c),
    unit,
  });
  const byGoal = amountsSummary({
    name: 'tblCityByGoal',
    sheet: SUMMARY_SHEET,
    title: 'هزینه پروژه‌ها و فعالیت‌ها به تفکیک هدف کلان',
    caption: 'هزینه‌های هر هدف کلان به تفکیک سال',
    codeHeader: 'شناسه هدف',
    nameHeader: 'عنوان هدف',
    years,
    rows: report.totals.byGoal,
    nameOf: (c) => names.title('tblGoals', c),
    unit,
  });
  out.push(
    ...stacked([totals, bySource, byGoal]),
    amountsSummary({
      name: 'tblCityByDept',
      sheet: 'جمع واحدها',
      title: 'هزینه پروژه‌ها و فعالیت‌ها به تفکیک واحد',
      caption: 'هزینه‌های هر واحد به تفکیک سال',
      codeHeader: 'شناسه واحد',
      nameHeader: 'نام واحد',
      years,
      rows: report.totals.byDepartment,
      nameOf: (c) => names.department(c),
      unit,
    }),
    amountsSummary({
      name: 'tblCityByProgram',
      sheet: 'جمع برنامه‌ها',
      title: 'هزینه پروژه‌ها و فعالیت‌ها به تفکیک برنامه',
      caption: 'هزینه‌های هر برنامه به تفکیک سال',
      codeHeader: 'شناسه برنامه',
      nameHeader: 'عنوان برنامه',
      years,
      rows: report.totals.byProgram,
      nameOf: (c) => names.title('tblPrograms', c),
      unit,
    }),
  );

  out.push(...stacked(albumSummaries(report, names, unit)));

  // The financial head (v2: loan principal repaid) only where the plan has one, so that the
  // parts shown add up to the total; a v1 plan's table is unchanged.
  const withFinancial = report.fiscal.some((s) => s.years.some((y) => y.financial !== '0'));
  const fiscalHeader = [
    'سناریو',
    'سال',
    'درآمد پیش‌بینی',
    'هزینه کل',
    'فعالیت‌های مستمر',
    'پروژه‌ها',
    'هزینه بهره‌برداری',
    ...(withFinancial ? ['تملک دارایی مالی'] : []),
    'مازاد/کسری',
  ];
  const fiscal: Summary[] = [];
  fiscal.push({
    table: {
      name: 'tblCityFiscal',
      sheet: 'تراز مالی',
      header: fiscalHeader,
      rows: report.fiscal.flatMap((s) =>
        s.years.map((y) => [
          scenarioCaption(s.scenario, 'fa'),
          y.year,
          inUnit(y.revenue, unit),
          inUnit(y.spending, unit),
          inUnit(y.activities, unit),
          inUnit(y.projects, unit),
          inUnit(y.opex, unit),
          ...(withFinancial ? [inUnit(y.financial, unit)] : []),
          inUnit(y.gap, unit),
        ]),
      ),
    },
    caption: 'درآمد پیش‌بینی، هزینه و مازاد یا کسری هر سال در هر سناریوی درآمد',
    presentation: {
      title: `تراز مالی برنامه در سناریوهای درآمد (${unit.fa})`,
      columns: fiscalHeader.map((_, i) =>
        i === 0
          ? { width: 14 }
          : i === 1
            ? { numFmt: YEAR_FORMAT, width: 8 }
            : { numFmt: UNIT_FORMAT, width: 16 },
      ),
    },
  });

  // Contract v2's three balances and the cash position in the plan's scenario (the one the
  // capital budget and the portfolio use; the register's report has every scenario's): the
  // same gap as above, split by what pays for what (current spending from revenue, projects
  // from asset sales, repayments from borrowing). One scenario keeps the sheet on one page.
  const planScenario =
    report.fiscal.find((s) => s.scenario === report.portfolio?.scenario) ??
    report.fiscal.find((s) => s.scenario === DEFAULT_REVENUE_SCENARIO) ??
    report.fiscal[0];
  const balanceHeader = [
    'سناریو',
    'سال',
    'تراز عملیاتی',
    'تراز سرمایه‌ای',
    'تراز مالی',
    'مازاد/کسری',
    'موجودی پایان سال',
  ];
  fiscal.push({
    table: {
      name: 'tblCityBalances',
      sheet: 'تراز مالی',
      header: balanceHeader,
      rows: [planScenario ?? { scenario: '', years: [] }].flatMap((s) =>
        s.years.map((y) => [
          scenarioCaption(s.scenario, 'fa'),
          y.year,
          inUnit(y.operating, unit),
          inUnit(y.capitalBalance, unit),
          inUnit(y.financialBalance, unit),
          inUnit(y.gap, unit),
          inUnit(y.cash, unit),
        ]),
      ),
    },
    caption: 'تراز عملیاتی، سرمایه‌ای و مالی هر سال و موجودی نقد با مانده ابتدای دوره',
    presentation: {
      title: `تراز عملیاتی، سرمایه‌ای و مالی در سناریوی ${scenarioCaption(planScenario?.scenario ?? '', 'fa')}؛ موجودی ابتدای دوره ${formatNumber(inUnit(planScenario?.openingBalance ?? '0', unit) ?? 0, 'fa', 1)} (${unit.fa})`,
      columns: balanceHeader.map((_, i) =>
        i === 0
          ? { width: 14 }
          : i === 1
            ? { numFmt: YEAR_FORMAT, width: 8 }
            : { numFmt: UNIT_FORMAT, width: 16 },
      ),
    },
  });

  // The portfolio: every project, ranked by score, with its cost per year and why it is out.
  // The fiscal balance and the capital budget go before the portfolio (filled in below).
  const fiscalAt = out.length;
  const plan = readPlan(report.workbook).plan;
  const scoring = scoreProjects(plan);
  const portfolio = report.portfolio;
  const chosen = new Set(portfolio?.chosen ?? []);
  const excluded = new Map((portfolio?.excluded ?? []).map((e) => [e.id, e.reason]));
  const projects = [...scoring.projects].sort(
    (a, b) =>
      (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
      a.id.localeCompare(b.id),
  );
  const portfolioHeader = [
    'رتبه',
    'شناسه پروژه',
    'عنوان پروژه',
    'امتیاز',
    ...years.map(faYear),
    'در سبد',
    'دلیل بیرون ماندن',
  ];
  out.push({
    table: {
      name: 'tblCityPortfolio',
      sheet: 'سبد پروژه‌ها',
      header: portfolioHeader,
      rows: projects.map((p) => {
        const row = names.row('tblProjects', p.id);
        const reason = excluded.get(p.id);
        const inside = chosen.has(p.id);
        const why =
          portfolio === null || inside
            ? null
            : (PORTFOLIO_OUT_CAPTIONS[
                (reason ?? 'not-chosen') as keyof typeof PORTFOLIO_OUT_CAPTIONS
              ]?.fa ?? reason);
        return [
          p.rank,
          p.id,
          p.title,
          p.score === null ? null : Math.round(p.score * 10) / 10,
          ...years.map((y) => {
            const cost = row?.[String(y)];
            return cost === undefined || cost === null ? null : inUnit(String(cost), unit);
          }),
          portfolio === null ? null : inside ? 'بله' : 'خیر',
          why,
        ];
      }),
    },
    caption:
      portfolio === null
        ? 'پروژه‌ها با امتیاز و رتبه (بودجه سرمایه‌ای تعیین نشده است)'
        : `پروژه‌ها با امتیاز، رتبه و هزینه هر سال؛ سبد بهینه در سناریوی ${scenarioCaption(portfolio.scenario, 'fa')}`,
    presentation: {
      title:
        portfolio === null
          ? `پروژه‌های سرمایه‌ای به ترتیب امتیاز (${unit.fa})`
          : `سبد پروژه‌های سرمایه‌ای، سناریوی ${scenarioCaption(portfolio.scenario, 'fa')} (${unit.fa})`,
      columns: portfolioHeader.map((_, i) =>
        i === 0
          ? { numFmt: '0', width: 6 }
          : i === 1
            ? { width: 11 }
            : i === 2
              ? { width: 46 }
              : i === 3
                ? { numFmt: '0.0', width: 8 }
                : i < 4 + years.length
                  ? { numFmt: UNIT_FORMAT, width: 10 }
                  : i === 4 + years.length
                    ? { width: 7 }
                    : { width: 24 },
      ),
    },
  });

  if (portfolio !== null) {
    const budgetHeader = ['سال', 'بودجه سرمایه‌ای', 'هزینه سبد', 'مانده'];
    const spendingRows = portfolio.spending;
    const sum = (pick: (s: (typeof spendingRows)[number]) => string) =>
      spendingRows.reduce((a, s) => a + BigInt(pick(s)), 0n);
    fiscal.push({
      table: {
        name: 'tblCityCapitalBudget',
        sheet: 'تراز مالی',
        header: budgetHeader,
        rows: spendingRows.map((s) => [
          s.year,
          inUnit(s.budget, unit),
          inUnit(s.spent, unit),
          inUnit(s.left, unit),
        ]),
      },
      caption: 'بودجه سرمایه‌ای هر سال و آنچه سبد پروژه‌ها از آن به کار می‌برد',
      presentation: {
        title: `بودجه سرمایه‌ای و هزینه سبد پروژه‌ها، سناریوی ${scenarioCaption(portfolio.scenario, 'fa')} (${unit.fa})`,
        columns: budgetHeader.map((_, i) =>
          // The fiscal table's widths: the two share the sheet's columns.
          i === 0 ? { numFmt: YEAR_FORMAT, width: 14 } : { numFmt: UNIT_FORMAT, width: 16 },
        ),
        totals: {
          label: 'جمع',
          values: [
            null,
            inUnit(
              sum((s) => s.budget),
              unit,
            ),
            inUnit(
              sum((s) => s.spent),
              unit,
            ),
            inUnit(
              sum((s) => s.left),
              unit,
            ),
          ],
        },
      },
    });
  }

  out.splice(fiscalAt, 0, ...stacked(fiscal));

  const chainHeader = [
    'شناسه',
    'عنوان پروژه یا فعالیت',
    'برنامه',
    'عنوان برنامه',
    'راهبرد',
    'هدف',
    'عنوان هدف',
    'منابع',
  ];
  out.push({
    table: {
      name: 'tblCityChain',
      sheet: 'زنجیره',
      header: chainHeader,
      rows: report.chains.map((c) => [
        c.item,
        names.title('tblProjects', c.item) ?? names.title('tblActivities', c.item),
        c.program,
        c.program === null ? null : names.title('tblPrograms', c.program),
        c.strategy,
        c.goal,
        c.goal === null ? null : names.title('tblGoals', c.goal),
        c.sources.join('، '),
      ]),
    },
    caption: 'زنجیره هر پروژه و فعالیت تا برنامه، راهبرد، هدف و منابع',
    presentation: {
      title: 'زنجیره پروژه‌ها و فعالیت‌ها: برنامه، راهبرد، هدف کلان و منابع',
      columns: [
        { width: 12 },
        { width: 36 },
        { width: 10 },
        { width: 32 },
        { width: 10 },
        { width: 9 },
        { width: 30 },
        { width: 18 },
      ],
    },
  });

  const kpiStatus = report.kpi.byStatus;
  out.push({
    table: {
      name: 'tblCityKpiCoverage',
      sheet: 'پوشش شاخص‌ها',
      header: ['شاخص پوشش', 'تعداد', 'شناسه‌ها'],
      rows: [
        [
          'اهداف بدون شاخص کلان',
          report.kpi.goalsWithoutMacroKpi.length,
          report.kpi.goalsWithoutMacroKpi.join('، '),
        ],
        [
          'برنامه‌های بدون اعتبار',
          report.kpi.programsWithoutMoney.length,
          report.kpi.programsWithoutMoney.join('، '),
        ],
        [
          'راهبردهای بدون برنامه',
          report.kpi.strategiesWithoutProgram.length,
          report.kpi.strategiesWithoutProgram.join('، '),
        ],
        ['شمار شاخص‌ها', report.kpi.kpis, null],
        ['شاخص‌های دارای مقدار واقعی', report.kpi.withActuals, null],
        ...KPI_STATUSES.map((s) => [`شاخص‌های «${s.fa}»`, kpiStatus[s.value] ?? 0, null]),
      ],
    },
    caption: 'پوشش اهداف، برنامه‌ها و راهبردها با شاخص و اعتبار، و وضعیت شاخص‌ها',
    presentation: {
      title: 'پوشش شاخص‌ها و وضعیت آن‌ها',
      columns: [{ width: 36 }, { numFmt: '#,##0', width: 10 }, { width: 50 }],
    },
  });
  return out;
}

/** The cover: the plan, where the cycle stands, its approvals, and the contents. */
function coverSheet(
  report: Consolidation,
  facts: CoverFacts,
  contents: { sheet: string; caption: string }[],
  unit: SummaryUnit,
  info: { city: string | null; planTitle: string | null },
): SheetLayout {
  const cells: LooseCell[] = [];
  let row = 1;
  const line = (value: string, extra: Partial<LooseCell> = {}) => {
    cells.push({ row, column: 1, value, ...extra });
    row += 1;
  };
  const city = info.city ?? facts.municipality;
  if (facts.practice) line(PRACTICE_BANNER.fa, { bold: true, size: 14 });
  line(info.planTitle ?? facts.cycle.title, { bold: true, size: 16 });
  line('برنامه راهبردی-عملیاتی شهر و شهرداری (برنامه یکپارچه شهر از برنامه‌های تصویب‌شده)', {
    bold: true,
    size: 12,
  });
  line(`شهر: ${city}`);
  const first = report.years[0] ?? facts.cycle.startYear;
  const last = report.years.at(-1) ?? facts.cycle.endYear;
  line(`دوره برنامه: ${faYear(first)} تا ${faYear(last)}`);

  const subs = facts.submissions;
  const counts = SUBMISSION_STATUSES.map(
    (s) => [s, subs.filter((x) => x.status === s).length] as const,
  ).filter(([, n]) => n > 0);
  const approved = subs.filter((s) => s.status === 'approved').length;
  line(
    subs.length === 0
      ? 'وضعیت چرخه: هنوز کارپوشه‌ای در این چرخه ثبت نشده است'
      : approved === subs.length
        ? `وضعیت چرخه: هر ${fa(subs.length)} کارپوشه ${STATUS_CAPTIONS.approved.fa}`
        : `وضعیت چرخه: ${counts.map(([s, n]) => `${fa(n)} ${STATUS_CAPTIONS[s].fa}`).join('، ')} (از ${fa(subs.length)} کارپوشه)`,
  );
  const council = subs.filter((s) => s.councilResolution !== null);
  line(
    council.length > 0
      ? `مصوبه شورا: ${council.map((s) => s.councilResolution).join('؛ ')}`
      : `مصوبه شورا: در سامانه ثبت نشده است (هیچ تصویبی را ${ROLE_CAPTIONS.council.fa} ثبت نکرده است)`,
  );
  line(`تاریخ تهیه این سند: ${formatJalali(tehranDayOf(facts.printedOn), 'fa')}`);
  line(
    `مبالغ برگه‌های خلاصه به ${unit.fa} است؛ مبالغ دقیق به ریال در جدول‌های برنامه (پس از خلاصه‌ها) آمده است.`,
  );
  row += 1;

  // Who approved each part, and when.
  line('کارپوشه‌های چرخه و تصویب آن‌ها', { bold: true, size: 12 });
  const heads = [
    'شناسه واحد',
    'نام واحد',
    'نوع کارپوشه',
    'نسخه',
    'وضعیت',
    'تاریخ تصویب',
    'تصویب‌کننده',
  ];
  heads.forEach((h, c) => cells.push({ row, column: c + 1, value: h, bold: true }));
  row += 1;
  for (const s of subs) {
    const values: RawCell[] = [
      s.departmentCode,
      s.departmentName,
      WORKBOOK_KINDS.find((k) => k.value === s.kind)?.fa ?? s.kind,
      s.version === null ? null : faYear(s.version),
      STATUS_CAPTIONS[s.status].fa,
      s.approvedAt === null ? null : formatJalali(tehranDayOf(s.approvedAt), 'fa'),
      s.approvedBy,
    ];
    values.forEach((v, c) => cells.push({ row, column: c + 1, value: v }));
    row += 1;
  }
  row += 1;

  line('فهرست', { bold: true, size: 12 });
  ['برگه', 'محتوا'].forEach((h, c) => cells.push({ row, column: c + 1, value: h, bold: true }));
  row += 1;
  for (const c of contents) {
    cells.push({ row, column: 1, value: c.sheet });
    cells.push({ row, column: 2, value: c.caption });
    row += 1;
  }
  return {
    name: 'جلد و فهرست',
    rightToLeft: true,
    hidden: false,
    frozenRows: 0,
    tables: [],
    cells,
    // Narrow enough for a portrait A4 page at 70 % (print.ts): the cover prints on one page.
    columnWidths: [
      { column: 1, width: 14 },
      { column: 2, width: 27 },
      { column: 3, width: 14 },
      { column: 4, width: 6 },
      { column: 5, width: 12 },
      { column: 6, width: 11 },
      { column: 7, width: 14 },
    ],
    columnFormats: [],
  };
}

/** A value of the merged plan's `tblPlanInfo`, or null. */
function planInfo(tables: readonly CanonicalTable[], key: string): string | null {
  const row = tables.find((t) => t.name === 'tblPlanInfo')?.rows.find((r) => r.Key === key);
  const value = row?.Value;
  return value === undefined || value === null || value === '' ? null : String(value);
}

/**
 * The consolidation as an `.xlsx` the council reads and prints: the cover, the summaries,
 * the plan's tables and the guide (see the module's comment).
 */
export async function consolidationXlsx(
  report: Consolidation,
  facts: CoverFacts,
  unit: SummaryUnit = BILLION_RIALS,
): Promise<Uint8Array> {
  const canonical = planOf(report);
  const names = new Names(canonical).withBudgetCodes(report.workbook);
  const signoffs = signoffSummary(facts.signoffs);
  const sums = [...summaries(report, names, unit), ...(signoffs === null ? [] : [signoffs])];
  const plan = stackUnder(
    presentCanonicalTables(canonical, 'fa'),
    'tblStakeholders',
    'tblCommitments',
  );
  const presentation: Record<string, TablePresentation> = {};
  for (const s of sums) presentation[s.table.name] = s.presentation;
  // The commitments' text wraps in a narrower column, so that they print on the
  // stakeholders' page (stackUnder) instead of a second page across.
  presentation.tblCommitments = {
    columns: [{}, {}, {}, { width: 28 }, {}, {}, { width: 14 }],
  };
  // The strategies' lists of directives and partner agencies wrap in narrower columns, so that
  // the sheet keeps to a page's width.
  presentation.tblStrategies = {
    columns: [{}, {}, { width: 36 }, {}, {}, { width: 13 }, {}, { width: 13 }],
  };
  const tables = [...sums.map((s) => s.table), ...plan];
  // The contents: each sheet once, with what its tables are.
  const contents: { sheet: string; caption: string }[] = [];
  const captionOfTable = new Map(sums.map((s) => [s.table.name, s.caption]));
  for (const t of tables) {
    const sheet = t.sheet ?? defaultSheetOf(t, 'fa');
    const caption = captionOfTable.get(t.name) ?? findTableSpec(t.name)?.fa ?? t.name;
    const known = contents.find((c) => c.sheet === sheet);
    if (known) known.caption = `${known.caption}؛ ${caption}`;
    else contents.push({ sheet, caption });
  }
  contents.push({ sheet: GUIDE_SHEET.fa, caption: 'راهنمای ویرایش کارپوشه برنامه' });
  const city = planInfo(canonical, 'City');
  const cover = coverSheet(report, facts, contents, unit, {
    city,
    planTitle: planInfo(canonical, 'PlanTitle'),
  });
  const layout = layoutWorkbook(
    { tables },
    {
      lang: 'fa',
      guide: 'last',
      years: report.years,
      front: [cover],
      presentation,
      printedOn: facts.printedOn,
      city: city ?? facts.municipality,
      practice: facts.practice,
    },
  );
  return writeWorkbook(layout);
}
