/**
 * The tables of the plan workbook contract (plan-workbook.md, "Tables"), as data:
 * names, columns, column types, Persian and English captions, enumerations and
 * references. The reader, the validator, the template writer (exceljs and
 * Office.js) and the service all read this one description.
 */
import type { EnumValue } from './enums';
import * as E from './enums';

/** How a cell of a column is read. */
export type ColumnType =
  /** A short code unique within its table. */
  | 'id'
  /** Free text. */
  | 'text'
  /** The ID of a row of another table (`refTables`). */
  | 'ref'
  /** A list of IDs separated by `,` or `،`. */
  | 'refList'
  /** One of `enumValues` (English value or Persian caption). */
  | 'enum'
  /** A Jalali year such as 1405. */
  | 'year'
  /** A whole number. */
  | 'int'
  /** A real number. */
  | 'number'
  /** Whole Rials (bigint), scaled by the workbook's `Unit`. */
  | 'money'
  /** TRUE/FALSE (also بله/خیر, 1/0, yes/no). */
  | 'bool';

/** Names of the contract's tables. */
export const TABLE_NAMES = [
  'tblPlanInfo',
  'tblDepartments',
  'tblUpstreamDocs',
  'tblDirectives',
  'tblSwot',
  'tblGoals',
  'tblStrategies',
  'tblPrograms',
  'tblSchemes',
  'tblFundingSources',
  'tblProjects',
  'tblActivities',
  'tblCriteria',
  'tblCriteriaPairwise',
  'tblKpis',
  'tblRevenueHistory',
  'tblRevenueScenarios',
  'tblBudgetCodes',
  'tblBudgetLines',
  'tblActuals',
  'tblRevenueActuals',
  'tblKpiActuals',
  'tblStakeholders',
  'tblCommitments',
  'tblChanges',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** Tables whose IDs can be named by `LinkedId` of a KPI. */
export const KPI_LINK_TABLES = [
  'tblGoals',
  'tblStrategies',
  'tblPrograms',
  'tblProjects',
  'tblActivities',
] as const satisfies readonly TableName[];
/** Tables whose IDs can be named by a budget line or an actual. */
export const SPENDING_TABLES = [
  'tblProjects',
  'tblActivities',
] as const satisfies readonly TableName[];

/** One column of a contract table. */
export interface ColumnSpec {
  /** Stable ASCII PascalCase key. */
  readonly key: string;
  readonly type: ColumnType;
  /** The column must be present (ID, reference and calculation columns). */
  readonly required: boolean;
  /** Persian caption. */
  readonly fa: string;
  /** English caption. */
  readonly en: string;
  readonly enumValues?: readonly EnumValue[];
  /** For `ref`/`refList`: the tables an ID may name. */
  readonly refTables?: readonly TableName[];
  /** Inclusive bounds for numbers. */
  readonly min?: number;
  readonly max?: number;
  /** A value must be given in every row. */
  readonly nonEmpty?: boolean;
  /**
   * The contract version that added the column: `2` for the columns of "Version 2", which a
   * v1 workbook does not have (absent, they read as empty without a finding).
   */
  readonly since?: 2;
  /**
   * Columns that take this one's place (v2's `Allocated`/`Committed`/`Paid` for v1's `Spent`):
   * when one of them is in the table, this required column may be absent.
   */
  readonly replacedBy?: readonly string[];
}

/** What the per-year columns (named `1405`, `1406`, …) of a table hold. */
export type YearColumns = 'money' | 'number' | null;

/** One contract table. */
export interface TableSpec {
  readonly name: TableName;
  /** Default sheet name in a new workbook. */
  readonly sheet: { readonly fa: string; readonly en: string };
  /** Persian and English title of the table. */
  readonly fa: string;
  readonly en: string;
  /** The ID column, unique within the table; null when rows have no single ID. */
  readonly idColumn: string | null;
  readonly columns: readonly ColumnSpec[];
  /** Per-plan-year columns after the fixed ones. */
  readonly yearColumns: YearColumns;
  /** Projects carry one score column per criterion, named by CriterionId. */
  readonly criterionColumns: boolean;
}

interface ColOpts {
  since?: 2;
  replacedBy?: readonly string[];
  required?: boolean;
  nonEmpty?: boolean;
  enumValues?: readonly EnumValue[];
  refTables?: readonly TableName[];
  min?: number;
  max?: number;
}

function col<const K extends string, const T extends ColumnType, const O extends ColOpts = ColOpts>(
  key: K,
  type: T,
  fa: string,
  en: string,
  opts?: O,
): ColumnSpec & { readonly key: K; readonly type: T; readonly enumValues: O['enumValues'] } {
  const required = opts?.required ?? (type === 'id' || type === 'ref' || type === 'refList');
  const nonEmpty = opts?.nonEmpty ?? (type === 'id' || type === 'ref');
  return {
    key,
    type,
    fa,
    en,
    ...opts,
    required,
    nonEmpty,
    enumValues: opts?.enumValues as O['enumValues'],
  };
}

const title = col('Title', 'text', 'عنوان', 'Title', { nonEmpty: true });
const ownerDept = col('OwnerDept', 'text', 'واحد مسئول', 'Owner department');
/** v2: the item's code in the budget structure (checked against `tblBudgetCodes`). */
const budgetCode = col2('BudgetCode', 'text', 'کد بودجه', 'Budget code');
/** v2: the economic chapter of current spending (`1`–`7`, or the circular's list). */
const chapter = col2('Chapter', 'text', 'فصل هزینه', 'Chapter');

/** A column of contract v2 (optional; absent from a v1 workbook, it reads as empty). */
function col2<
  const K extends string,
  const T extends ColumnType,
  const O extends ColOpts = ColOpts,
>(key: K, type: T, fa: string, en: string, opts?: O) {
  return col(key, type, fa, en, { required: false, ...opts, since: 2 } as O & { since: 2 });
}

function table<const N extends TableName, const C extends readonly ColumnSpec[]>(
  name: N,
  fa: string,
  en: string,
  sheet: { fa: string; en: string },
  idColumn: string | null,
  columns: C,
  extra: { yearColumns?: YearColumns; criterionColumns?: boolean } = {},
): TableSpec & { readonly name: N; readonly columns: C } {
  return {
    name,
    fa,
    en,
    sheet,
    idColumn,
    columns,
    yearColumns: extra.yearColumns ?? null,
    criterionColumns: extra.criterionColumns ?? false,
  };
}

/** Every table of the contract, in workbook order, with literal column types. */
export const TABLE_SPECS = [
  table('tblPlanInfo', 'مشخصات برنامه', 'Plan information', { fa: 'مشخصات', en: 'Info' }, 'Key', [
    col('Key', 'id', 'کلید', 'Key'),
    col('Value', 'text', 'مقدار', 'Value', { required: true }),
  ]),
  table('tblDepartments', 'واحدها', 'Departments', { fa: 'واحدها', en: 'Departments' }, 'DeptId', [
    col('DeptId', 'id', 'شناسه واحد', 'Department ID'),
    col('Name', 'text', 'نام', 'Name', { nonEmpty: true }),
    col('Kind', 'enum', 'نوع', 'Kind', { enumValues: E.DEPARTMENT_KINDS }),
    // v2: the administrative limit of the department (feature 9).
    col2('MaxProjects', 'int', 'سقف پروژه‌های هم‌زمان', 'Max projects at once', { min: 0 }),
    col2('MaxCapital', 'money', 'سقف اجرای سرمایه‌ای سالانه', 'Max capital per year'),
  ]),
  table(
    'tblUpstreamDocs',
    'اسناد فرادست',
    'Upstream documents',
    { fa: 'اسناد فرادست', en: 'Upstream' },
    'DocId',
    [
      col('DocId', 'id', 'شناسه سند', 'Document ID'),
      title,
      col('Level', 'enum', 'سطح', 'Level', { enumValues: E.DOC_LEVELS }),
      col('Type', 'enum', 'نوع سند', 'Type', { enumValues: E.DOC_TYPES }),
      col('ApprovedOn', 'text', 'تاریخ تصویب', 'Approved on'),
      col('Reference', 'text', 'مرجع', 'Reference'),
    ],
  ),
  table(
    'tblDirectives',
    'راهبردهای اسناد فرادست',
    'Directives',
    { fa: 'اسناد فرادست', en: 'Upstream' },
    'DirectiveId',
    [
      col('DirectiveId', 'id', 'شناسه رهنمود', 'Directive ID'),
      col('DocId', 'ref', 'شناسه سند', 'Document ID', { refTables: ['tblUpstreamDocs'] }),
      col('Text', 'text', 'متن', 'Text', { nonEmpty: true }),
      col('Sector', 'text', 'بخش', 'Sector'),
    ],
  ),
  table(
    'tblSwot',
    'عوامل محیطی (\u2066SWOT\u2069)',
    'Environment factors (SWOT)',
    { fa: 'عوامل محیطی', en: 'SWOT' },
    'FactorId',
    [
      col('FactorId', 'id', 'شناسه عامل', 'Factor ID'),
      col('Kind', 'enum', 'نوع عامل', 'Kind', {
        enumValues: E.SWOT_KINDS,
        required: true,
        nonEmpty: true,
      }),
      col('Text', 'text', 'شرح', 'Text', { nonEmpty: true }),
      col('Weight', 'number', 'وزن', 'Weight', { required: true, nonEmpty: true, min: 0, max: 1 }),
      col('Rating', 'number', 'رتبه', 'Rating', { required: true, nonEmpty: true, min: 1, max: 4 }),
    ],
  ),
  table('tblGoals', 'اهداف کلان', 'Goals', { fa: 'اهداف', en: 'Goals' }, 'GoalId', [
    col('GoalId', 'id', 'شناسه هدف', 'Goal ID'),
    title,
    col('Perspective', 'enum', 'منظر', 'Perspective', { enumValues: E.PERSPECTIVES }),
    col('Description', 'text', 'شرح', 'Description'),
  ]),
  table(
    'tblStrategies',
    'راهبردها',
    'Strategies',
    { fa: 'راهبردها', en: 'Strategies' },
    'StrategyId',
    [
      col('StrategyId', 'id', 'شناسه راهبرد', 'Strategy ID'),
      col('GoalId', 'ref', 'شناسه هدف', 'Goal ID', { refTables: ['tblGoals'] }),
      title,
      col('SwotType', 'enum', 'نوع راهبرد', 'SWOT type', { enumValues: E.SWOT_TYPES }),
      col('MunicipalRole', 'enum', 'نقش شهرداری', 'Municipal role', {
        enumValues: E.MUNICIPAL_ROLES,
      }),
      col('DirectiveIds', 'refList', 'رهنمودهای فرادست', 'Directive IDs', {
        refTables: ['tblDirectives'],
        required: false,
      }),
      ownerDept,
      // v2: the executive agencies that share the strategy (stakeholders of Type agency).
      col2('PartnerIds', 'refList', 'دستگاه‌های همکار', 'Partner agencies', {
        refTables: ['tblStakeholders'],
        required: false,
      }),
    ],
  ),
  table('tblPrograms', 'برنامه‌ها', 'Programs', { fa: 'برنامه‌ها', en: 'Programs' }, 'ProgramId', [
    col('ProgramId', 'id', 'شناسه برنامه', 'Program ID'),
    col('StrategyId', 'ref', 'شناسه راهبرد', 'Strategy ID', { refTables: ['tblStrategies'] }),
    title,
    ownerDept,
    budgetCode,
    col2('Function', 'text', 'وظیفه', 'Function'),
  ]),
  table('tblSchemes', 'طرح‌ها', 'Schemes', { fa: 'برنامه‌ها', en: 'Programs' }, 'SchemeId', [
    col('SchemeId', 'id', 'شناسه طرح', 'Scheme ID'),
    col('ProgramId', 'ref', 'شناسه برنامه', 'Program ID', { refTables: ['tblPrograms'] }),
    title,
    budgetCode,
    ownerDept,
  ]),
  table(
    'tblFundingSources',
    'منابع تأمین اعتبار',
    'Funding sources',
    { fa: 'منابع', en: 'Sources' },
    'SourceId',
    [
      col('SourceId', 'id', 'شناسه منبع', 'Source ID'),
      title,
      col('RevenueClass', 'enum', 'طبقه درآمد', 'Revenue class', {
        enumValues: E.REVENUE_CLASSES,
        required: true,
      }),
      col('Restricted', 'bool', 'محدود به مصارف خاص', 'Restricted'),
      // v2: revenue, or the disposal of capital or financial assets (borrowing, bonds).
      col2('Nature', 'enum', 'ماهیت منبع', 'Nature', { enumValues: E.FUNDING_NATURES }),
    ],
  ),
  table(
    'tblProjects',
    'پروژه‌های تملک دارایی سرمایه‌ای',
    'Capital projects',
    { fa: 'پروژه‌ها', en: 'Projects' },
    'ProjectId',
    [
      col('ProjectId', 'id', 'شناسه پروژه', 'Project ID'),
      col('ProgramId', 'ref', 'شناسه برنامه', 'Program ID', { refTables: ['tblPrograms'] }),
      title,
      col('Dept', 'text', 'واحد متولی', 'Department'),
      col('Region', 'text', 'منطقه', 'Region'),
      col('StartYear', 'year', 'سال شروع', 'Start year', { required: true }),
      col('EndYear', 'year', 'سال پایان', 'End year', { required: true }),
      col('SourceId', 'ref', 'منبع تأمین', 'Funding source', { refTables: ['tblFundingSources'] }),
      col('Status', 'enum', 'وضعیت', 'Status', { enumValues: E.PROJECT_STATUSES }),
      col('Mandatory', 'bool', 'الزامی', 'Mandatory'),
      col('DependsOn', 'refList', 'پیش‌نیازها', 'Depends on', {
        refTables: ['tblProjects'],
        required: false,
      }),
      col('OpexImpact', 'money', 'هزینه جاری پس از بهره‌برداری', 'Opex impact'),
      // v2: the budget skeleton and the limits of scheduling.
      col2('SchemeId', 'ref', 'شناسه طرح', 'Scheme ID', {
        refTables: ['tblSchemes'],
        required: false,
        nonEmpty: false,
      }),
      budgetCode,
      col2('TotalCost', 'money', 'هزینه کل', 'Total cost'),
      col2('SpentBefore', 'money', 'هزینه‌شده پیش از برنامه', 'Spent before the plan'),
      col2('Readiness', 'enum', 'آمادگی اجرا', 'Readiness', { enumValues: E.READINESS }),
      col2('EarliestStart', 'year', 'زودترین شروع', 'Earliest start'),
      col2('LatestStart', 'year', 'دیرترین شروع', 'Latest start'),
      col2('Location', 'text', 'موقعیت', 'Location'),
    ],
    { yearColumns: 'money', criterionColumns: true },
  ),
  table(
    'tblActivities',
    'فعالیت‌های مستمر',
    'Continuous activities',
    { fa: 'فعالیت‌ها', en: 'Activities' },
    'ActivityId',
    [
      col('ActivityId', 'id', 'شناسه فعالیت', 'Activity ID'),
      col('ProgramId', 'ref', 'شناسه برنامه', 'Program ID', { refTables: ['tblPrograms'] }),
      title,
      col('Dept', 'text', 'واحد متولی', 'Department'),
      col('Kind', 'enum', 'نوع فعالیت', 'Kind', { enumValues: E.ACTIVITY_KINDS }),
      col('SourceId', 'ref', 'منبع تأمین', 'Funding source', { refTables: ['tblFundingSources'] }),
      budgetCode,
      chapter,
    ],
    { yearColumns: 'money' },
  ),
  table(
    'tblCriteria',
    'معیارهای اولویت‌بندی',
    'Prioritisation criteria',
    { fa: 'معیارها', en: 'Criteria' },
    'CriterionId',
    [
      col('CriterionId', 'id', 'شناسه معیار', 'Criterion ID'),
      title,
      col('Weight', 'number', 'وزن', 'Weight', { required: true, min: 0 }),
      col('Direction', 'enum', 'جهت', 'Direction', {
        enumValues: E.CRITERION_DIRECTIONS,
        required: true,
      }),
      col('ScaleMin', 'number', 'کمینه مقیاس', 'Scale min', { required: true, nonEmpty: true }),
      col('ScaleMax', 'number', 'بیشینه مقیاس', 'Scale max', { required: true, nonEmpty: true }),
    ],
  ),
  table(
    'tblCriteriaPairwise',
    'ماتریس مقایسه زوجی (\u2066AHP\u2069)',
    'Pairwise comparison matrix (AHP)',
    { fa: 'معیارها', en: 'Criteria' },
    'CriterionId',
    [col('CriterionId', 'id', 'شناسه معیار', 'Criterion ID', { refTables: ['tblCriteria'] })],
  ),
  table(
    'tblKpis',
    'شاخص‌های عملکرد',
    'Key performance indicators',
    { fa: 'شاخص‌ها', en: 'KPIs' },
    'KpiId',
    [
      col('KpiId', 'id', 'شناسه شاخص', 'KPI ID'),
      col('Level', 'enum', 'سطح', 'Level', {
        enumValues: E.KPI_LEVELS,
        required: true,
        nonEmpty: true,
      }),
      col('LinkedId', 'ref', 'شناسه مرتبط', 'Linked ID', { refTables: KPI_LINK_TABLES }),
      title,
      col('Unit', 'text', 'واحد سنجش', 'Unit'),
      col('Direction', 'enum', 'جهت مطلوب', 'Direction', {
        enumValues: E.KPI_DIRECTIONS,
        required: true,
      }),
      col('Baseline', 'number', 'مقدار پایه', 'Baseline', { required: true }),
      col('BaselineYear', 'year', 'سال پایه', 'Baseline year'),
      ownerDept,
      col('Source', 'text', 'منبع داده', 'Data source'),
      col('Frequency', 'enum', 'تناوب سنجش', 'Frequency', { enumValues: E.KPI_FREQUENCIES }),
    ],
    { yearColumns: 'number' },
  ),
  table(
    'tblRevenueHistory',
    'سابقه درآمد',
    'Revenue history',
    { fa: 'سابقه درآمد', en: 'Revenue history' },
    null,
    [
      col('RevenueClass', 'enum', 'طبقه درآمد', 'Revenue class', {
        enumValues: E.REVENUE_CLASSES,
        required: true,
        nonEmpty: true,
      }),
      col('Code', 'text', 'کد درآمد', 'Code'),
      col('Year', 'year', 'سال', 'Year', { required: true, nonEmpty: true }),
      col('Amount', 'money', 'مبلغ', 'Amount', { required: true, nonEmpty: true }),
    ],
  ),
  table(
    'tblRevenueScenarios',
    'سناریوهای درآمد',
    'Revenue scenarios',
    { fa: 'سناریوها', en: 'Scenarios' },
    null,
    [
      col('Scenario', 'text', 'سناریو', 'Scenario', { required: true, nonEmpty: true }),
      col('RevenueClass', 'enum', 'طبقه درآمد', 'Revenue class', {
        enumValues: E.REVENUE_CLASSES,
        required: true,
        nonEmpty: true,
      }),
      col('Method', 'enum', 'روش پیش‌بینی', 'Method', {
        enumValues: E.REVENUE_METHODS,
        required: true,
      }),
      col('GrowthRate', 'number', 'نرخ رشد', 'Growth rate', { required: true, min: -1 }),
      col('Adjustment', 'number', 'ضریب تعدیل', 'Adjustment', { required: true, min: 0 }),
      col('Volatility', 'number', 'نوسان', 'Volatility', { min: 0 }),
    ],
  ),
  table(
    'tblBudgetCodes',
    'کدهای ساختار بودجه',
    'Budget codes',
    { fa: 'کدهای بودجه', en: 'Budget codes' },
    'Code',
    [
      col('Code', 'id', 'کد', 'Code'),
      col('ParentCode', 'ref', 'کد بالادست', 'Parent code', {
        refTables: ['tblBudgetCodes'],
        nonEmpty: false,
      }),
      col('Level', 'enum', 'سطح', 'Level', {
        enumValues: E.BUDGET_CODE_LEVELS,
        required: true,
        nonEmpty: true,
      }),
      title,
      col('Head', 'enum', 'سرفصل هزینه', 'Head', { enumValues: E.BUDGET_KINDS }),
      col('RevenueClass', 'enum', 'طبقه درآمد', 'Revenue class', {
        enumValues: E.REVENUE_CLASSES,
      }),
    ],
  ),
  table(
    'tblBudgetLines',
    'ردیف‌های بودجه',
    'Budget lines',
    { fa: 'بودجه', en: 'Budget' },
    'BudgetCode',
    [
      col('BudgetCode', 'id', 'کد بودجه', 'Budget code'),
      col('Year', 'year', 'سال', 'Year', { required: true, nonEmpty: true }),
      col('Kind', 'enum', 'نوع اعتبار', 'Kind', { enumValues: E.BUDGET_KINDS }),
      // v2: a financial line (loan principal, equity) may link nothing; validation requires
      // every other line to link a project or activity (BUDGET_LINE_UNLINKED).
      col('LinkedId', 'ref', 'شناسه پروژه/فعالیت', 'Project/activity ID', {
        refTables: SPENDING_TABLES,
        nonEmpty: false,
      }),
      col('SourceId', 'ref', 'منبع تأمین', 'Funding source', { refTables: ['tblFundingSources'] }),
      col('Amount', 'money', 'مبلغ', 'Amount', { required: true, nonEmpty: true }),
      // v2: the budget's stage (default approved) and the economic chapter.
      col2('Stage', 'enum', 'مرحله بودجه', 'Stage', { enumValues: E.BUDGET_STAGES }),
      chapter,
    ],
  ),
  table(
    'tblActuals',
    'عملکرد مالی و فیزیکی',
    'Actual spending and progress',
    { fa: 'پایش', en: 'Monitoring' },
    null,
    [
      col('LinkedId', 'ref', 'شناسه پروژه/فعالیت', 'Project/activity ID', {
        refTables: SPENDING_TABLES,
      }),
      col('Year', 'year', 'سال', 'Year', { required: true, nonEmpty: true }),
      col('Period', 'enum', 'دوره', 'Period', {
        enumValues: E.PERIODS,
        required: true,
        nonEmpty: true,
      }),
      // v1: the amount of the period (the year's total is their sum). With v2's columns below
      // the table is read cumulatively and `Spent` is ignored, so it may be absent.
      col('Spent', 'money', 'هزینه‌شده', 'Spent', {
        required: true,
        replacedBy: ['Allocated', 'Committed', 'Paid'],
      }),
      col('PhysicalProgress', 'number', 'پیشرفت فیزیکی', 'Physical progress', { min: 0, max: 100 }),
      // v2: cumulative within the year up to the period's end.
      col2('Allocated', 'money', 'اعتبار تخصیص‌یافته', 'Allocated'),
      col2('Committed', 'money', 'تعهد', 'Committed'),
      col2('Paid', 'money', 'پرداخت', 'Paid'),
    ],
  ),
  // v2: realised revenue of a plan year, cumulative within the year up to the period's end.
  table(
    'tblRevenueActuals',
    'درآمد تحقق‌یافته',
    'Revenue actuals',
    { fa: 'پایش درآمد', en: 'Revenue actuals' },
    null,
    [
      col('RevenueClass', 'enum', 'طبقه درآمد', 'Revenue class', {
        enumValues: E.REVENUE_CLASSES,
        required: true,
        nonEmpty: true,
      }),
      col('Code', 'text', 'کد درآمد', 'Code'),
      col('Year', 'year', 'سال', 'Year', { required: true, nonEmpty: true }),
      col('Period', 'enum', 'دوره', 'Period', {
        enumValues: E.PERIODS,
        required: true,
        nonEmpty: true,
      }),
      col('Amount', 'money', 'مبلغ', 'Amount', { required: true, nonEmpty: true }),
    ],
  ),
  table(
    'tblKpiActuals',
    'مقادیر واقعی شاخص‌ها',
    'KPI actuals',
    { fa: 'پایش', en: 'Monitoring' },
    null,
    [
      col('KpiId', 'ref', 'شناسه شاخص', 'KPI ID', { refTables: ['tblKpis'] }),
      col('Year', 'year', 'سال', 'Year', { required: true, nonEmpty: true }),
      col('Period', 'enum', 'دوره', 'Period', {
        enumValues: E.PERIODS,
        required: true,
        nonEmpty: true,
      }),
      col('Actual', 'number', 'مقدار واقعی', 'Actual', { required: true, nonEmpty: true }),
    ],
  ),
  table(
    'tblStakeholders',
    'ذی‌نفعان',
    'Stakeholders',
    { fa: 'ذی‌نفعان', en: 'Stakeholders' },
    'StakeholderId',
    [
      col('StakeholderId', 'id', 'شناسه ذی‌نفع', 'Stakeholder ID'),
      col('Name', 'text', 'نام', 'Name', { nonEmpty: true }),
      col('Type', 'enum', 'نوع', 'Type', { enumValues: E.STAKEHOLDER_TYPES }),
    ],
  ),
  // v2: what an executive agency undertakes in the plan (goal 2, feature 5).
  table(
    'tblCommitments',
    'تعهدات دستگاه‌ها',
    'Agency commitments',
    { fa: 'ذی‌نفعان', en: 'Stakeholders' },
    'CommitmentId',
    [
      col('CommitmentId', 'id', 'شناسه تعهد', 'Commitment ID'),
      col('StakeholderId', 'ref', 'شناسه دستگاه', 'Agency ID', {
        refTables: ['tblStakeholders'],
      }),
      col('LinkedId', 'ref', 'شناسه مرتبط', 'Linked ID', {
        refTables: ['tblStrategies', 'tblPrograms', 'tblProjects'],
      }),
      col('Text', 'text', 'متن تعهد', 'Text', { nonEmpty: true }),
      col('FromYear', 'year', 'از سال', 'From year'),
      col('ToYear', 'year', 'تا سال', 'To year'),
      col('Amount', 'money', 'مبلغ از بودجه دستگاه', 'Amount (agency budget)'),
    ],
  ),
  // v2: a requested change of the plan in a revision (بازنگری).
  table(
    'tblChanges',
    'تغییرات درخواستی',
    'Requested changes',
    { fa: 'بازنگری', en: 'Revision' },
    'ChangeId',
    [
      col('ChangeId', 'id', 'شناسه تغییر', 'Change ID'),
      col('LinkedId', 'text', 'شناسه قلم', 'Item ID', { nonEmpty: true }),
      col('Change', 'enum', 'نوع تغییر', 'Change', {
        enumValues: E.CHANGE_KINDS,
        required: true,
        nonEmpty: true,
      }),
      col('Reason', 'text', 'دلیل', 'Reason', { nonEmpty: true }),
      col('RequestedBy', 'ref', 'درخواست‌کننده', 'Requested by', {
        refTables: ['tblDepartments', 'tblStakeholders'],
      }),
      col('Year', 'year', 'سال', 'Year'),
    ],
  ),
] as const;

/** Every table of the contract, in workbook order. */
export const TABLES: readonly TableSpec[] = TABLE_SPECS;

type SpecOf<N extends TableName> = Extract<(typeof TABLE_SPECS)[number], { name: N }>;

/** The value a cell of a column reads as, after coercion. */
export type CellValue<C extends ColumnSpec> = C['type'] extends 'id' | 'text' | 'ref'
  ? string
  : C['type'] extends 'refList'
    ? string[]
    : C['type'] extends 'enum'
      ? C['enumValues'] extends ReadonlyArray<{ readonly value: infer V }>
        ? V | null
        : string | null
      : C['type'] extends 'money'
        ? bigint
        : C['type'] extends 'bool'
          ? boolean
          : number | null;

/** The typed fields of one row of table `N` (contract columns only). */
export type RowFields<N extends TableName> = {
  -readonly [C in SpecOf<N>['columns'][number] as C['key']]: CellValue<C>;
};

const byName = new Map<string, TableSpec>(TABLES.map((t) => [t.name, t]));

/** The spec of a contract table, or undefined for an unknown name. */
export function findTableSpec(name: string): TableSpec | undefined {
  return byName.get(name);
}

/** The spec of a contract table (the name is known to be valid). */
export function getTableSpec(name: TableName): TableSpec {
  const spec = byName.get(name);
  if (!spec) throw new Error(`unknown table ${name}`);
  return spec;
}

/** Keys of `tblPlanInfo`. */
export const PLAN_INFO_KEYS = [
  { key: 'City', fa: 'شهر', en: 'City' },
  { key: 'Municipality', fa: 'شهرداری', en: 'Municipality' },
  { key: 'PlanTitle', fa: 'عنوان برنامه', en: 'Plan title' },
  { key: 'StartYear', fa: 'سال شروع', en: 'Start year' },
  { key: 'Years', fa: 'تعداد سال‌ها', en: 'Years' },
  { key: 'BaseYear', fa: 'سال پایه', en: 'Base year' },
  { key: 'Unit', fa: 'واحد پول', en: 'Unit' },
  { key: 'Department', fa: 'واحد', en: 'Department' },
  { key: 'WorkbookKind', fa: 'نوع کارپوشه', en: 'Workbook kind' },
  { key: 'Language', fa: 'زبان', en: 'Language' },
  // v2: the revenue scenario the plan is balanced against (capital budget, portfolio, fiscal checks).
  { key: 'Scenario', fa: 'سناریوی درآمد', en: 'Revenue scenario' },
  // v2: cash carried in at the start of the period (scaled by Unit), the yearly escalation of
  // a moved project's cost, and the budget circular whose code list the workbook follows.
  { key: 'OpeningBalance', fa: 'موجودی ابتدای دوره', en: 'Opening balance' },
  { key: 'CostEscalation', fa: 'نرخ افزایش هزینه', en: 'Cost escalation' },
  { key: 'Circular', fa: 'بخشنامه بودجه', en: 'Budget circular' },
  // Documents (docs/contract.md): the plan's vision statement, printed in the plan book, and
  // who signs the council bill (the mayor, by name) with the signatory's title.
  { key: 'Vision', fa: 'چشم‌انداز', en: 'Vision' },
  { key: 'Signatory', fa: 'امضاکننده لایحه', en: 'Bill signatory' },
  { key: 'SignatoryTitle', fa: 'سمت امضاکننده', en: 'Signatory title' },
] as const;
export type PlanInfoKey = (typeof PLAN_INFO_KEYS)[number]['key'];

/**
 * Persian caption of every column key (the contract's "Captions"), for
 * writers that show Persian headers.
 */
export const CAPTIONS_FA: Readonly<Record<string, string>> = Object.fromEntries(
  TABLES.flatMap((t) => t.columns.map((c) => [c.key, c.fa] as const)),
);
