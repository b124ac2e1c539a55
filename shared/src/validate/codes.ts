/**
 * The catalogue of validation finding codes: each code's fixed severity and a
 * one-line title in both languages. docs/validation.md explains each one
 * (meaning and fix); a test keeps the two lists equal.
 */
import type { Severity } from '../findings';

/** What a finding code means and how serious it is. */
export interface FindingCodeInfo {
  readonly severity: Severity;
  readonly fa: string;
  readonly en: string;
}

function code(severity: Severity, fa: string, en: string): FindingCodeInfo {
  return { severity, fa, en };
}

/** Every code `validatePlan` emits, with its severity (fixed per code). */
export const VALIDATION_CODES = {
  // Workbook and plan information
  WORKBOOK_EMPTY: code(
    'error',
    'کارپوشه هیچ جدول برنامه‌ای ندارد',
    'The workbook has no plan tables',
  ),
  PLAN_KIND_MISSING: code('warning', 'نوع کارپوشه مشخص نیست', 'The workbook kind is not given'),
  PLAN_BASE_YEAR: code(
    'warning',
    'سال پایه سال پیش از شروع برنامه نیست',
    'The base year is not the year before the plan starts',
  ),
  PLAN_DEPARTMENT_MISSING: code(
    'warning',
    'کارپوشه واحد، واحد خود را نام نبرده است',
    'A department workbook does not name its department',
  ),
  KIND_CONTENT_MISSING: code(
    'warning',
    'کارپوشه آنچه نوعش انتظار دارد ندارد',
    'The workbook lacks what its kind is for',
  ),
  TABLE_NOT_IN_KIND: code(
    'error',
    'جدولی که از آنِ این نوع کارپوشه نیست',
    'A table that does not belong in this kind of workbook',
  ),
  KPI_LEVEL_NOT_IN_KIND: code(
    'error',
    'سطح شاخص با نوع کارپوشه نمی‌خواند',
    'A KPI level that does not belong in this kind of workbook',
  ),
  // IDs and references
  DUPLICATE_ID: code('error', 'شناسه تکراری', 'Duplicate ID'),
  ID_UNUSUAL: code('warning', 'شناسه نامعمول', 'Unusual ID'),
  ID_CONFUSABLE: code('error', 'دو شناسه که یکسان دیده می‌شوند', 'Two IDs that look the same'),
  ID_LOOKALIKE_LETTER: code(
    'warning',
    'حرفی از خط دیگر در شناسه که لاتین دیده می‌شود',
    'A letter of another script that looks Latin in an ID',
  ),
  REF_MISSING: code('error', 'ارجاع به شناسه‌ای که نیست', 'Reference to an ID that does not exist'),
  REF_SPELLING: code(
    'warning',
    'شناسه با نگارشی دیگر آمده است',
    'An ID is written differently from its definition',
  ),
  DEPT_UNKNOWN: code('warning', 'واحد ناشناخته', 'Unknown department'),
  // Every X has Y
  GOAL_NO_STRATEGY: code('error', 'هدف بدون راهبرد', 'Goal without a strategy'),
  GOAL_NO_MACRO_KPI: code('error', 'هدف بدون شاخص کلان', 'Goal without a macro KPI'),
  STRATEGY_NO_PROGRAM: code('warning', 'راهبرد بدون برنامه', 'Strategy without a program'),
  PROGRAM_NO_WORK: code(
    'error',
    'برنامه بدون پروژه یا فعالیت',
    'Program without a project or activity',
  ),
  // KPIs
  KPI_NO_UNIT: code('error', 'شاخص بدون واحد سنجش', 'KPI without a unit'),
  KPI_NO_DIRECTION: code('error', 'شاخص بدون جهت مطلوب', 'KPI without a direction'),
  KPI_NO_BASELINE: code('error', 'شاخص بدون مقدار پایه', 'KPI without a baseline'),
  KPI_NO_TARGET: code('error', 'شاخص بدون هدف‌گذاری سالانه', 'KPI without a target for a year'),
  KPI_NO_BASELINE_YEAR: code('warning', 'شاخص بدون سال پایه', 'KPI without a baseline year'),
  KPI_BASELINE_YEAR: code(
    'warning',
    'سال پایه شاخص در دوره برنامه است',
    'KPI baseline year inside the plan period',
  ),
  KPI_TARGET_DIRECTION: code(
    'warning',
    'هدف شاخص خلاف جهت مطلوب است',
    'KPI target moves against its direction',
  ),
  // Years and money
  YEAR_NOT_IN_PLAN: code('error', 'سال خارج از دوره برنامه', 'Year outside the plan period'),
  NEGATIVE_AMOUNT: code('error', 'مبلغ منفی', 'Negative amount'),
  PROJECT_NO_YEARS: code(
    'warning',
    'پروژه بدون سال شروع یا پایان',
    'Project without start or end year',
  ),
  PROJECT_YEARS_REVERSED: code(
    'error',
    'سال شروع پروژه پس از سال پایان است',
    'Project starts after it ends',
  ),
  PROJECT_OUTSIDE_PLAN: code(
    'error',
    'پروژه در دوره برنامه نیست',
    'Project lies outside the plan period',
  ),
  PROJECT_STARTS_BEFORE_PLAN: code(
    'warning',
    'پروژه پیش از برنامه شروع شده ولی «در حال اجرا» نیست',
    'Project started before the plan but is not marked ongoing',
  ),
  PROJECT_ENDS_AFTER_PLAN: code(
    'warning',
    'پروژه پس از دوره برنامه پایان می‌یابد',
    'Project ends after the plan period',
  ),
  PROJECT_COST_OUTSIDE_SPAN: code(
    'warning',
    'هزینه پروژه در سالی بیرون از بازه اجرای آن',
    'Project cost in a year outside its start–end span',
  ),
  PROJECT_ZERO_COST: code('warning', 'پروژه بدون هزینه', 'Project with zero cost'),
  ACTIVITY_ZERO_COST: code('warning', 'فعالیت بدون هزینه', 'Activity with zero cost'),
  // Dependencies
  DEPENDENCY_CYCLE: code('error', 'وابستگی چرخشی پروژه‌ها', 'Circular project dependencies'),
  DEPENDENCY_ORDER: code(
    'warning',
    'پیش‌نیاز پس از شروع پروژه تمام می‌شود',
    'A prerequisite ends after the project starts',
  ),
  DEPENDS_ON_DROPPED: code('warning', 'وابستگی به پروژه متوقف', 'Depends on a dropped project'),
  // Criteria and scores
  CRITERION_SCALE: code('error', 'مقیاس معیار نادرست', 'Invalid criterion scale'),
  CRITERIA_WEIGHTS_ZERO: code('error', 'وزن همه معیارها صفر است', 'All criteria weights are zero'),
  SCORE_OUT_OF_SCALE: code(
    'error',
    'امتیاز خارج از مقیاس معیار',
    'Score outside the criterion scale',
  ),
  SCORE_MISSING: code('warning', 'امتیاز معیار داده نشده', 'Criterion score missing'),
  // SWOT
  SWOT_WEIGHTS_SUM: code(
    'error',
    'جمع وزن‌های عوامل \u2066SWOT\u2069 یک نیست',
    'SWOT weights do not sum to 1',
  ),
  SWOT_GROUP_EMPTY: code(
    'warning',
    'عوامل داخلی یا خارجی \u2066SWOT\u2069 نیامده است',
    'No internal or no external SWOT factors',
  ),
  SWOT_RATING_SIDE: code(
    'warning',
    'رتبه قوت یا ضعف با نوع آن نمی‌خواند',
    'Strength or weakness rated on the wrong side',
  ),
  // AHP
  AHP_NOT_SQUARE: code('error', 'ماتریس مقایسه زوجی مربعی نیست', 'Pairwise matrix is not square'),
  AHP_CRITERION_MISSING: code(
    'error',
    'معیاری در ماتریس مقایسه زوجی نیست',
    'A criterion is not in the pairwise matrix',
  ),
  AHP_VALUE_MISSING: code('error', 'خانه خالی در ماتریس مقایسه زوجی', 'Empty pairwise comparison'),
  AHP_NOT_POSITIVE: code('error', 'مقایسه زوجی مثبت نیست', 'Pairwise comparison not positive'),
  AHP_DIAGONAL: code('error', 'قطر ماتریس مقایسه زوجی ۱ نیست', 'Pairwise diagonal is not 1'),
  AHP_NOT_RECIPROCAL: code(
    'error',
    'ماتریس مقایسه زوجی معکوس‌پذیر نیست',
    'Pairwise matrix is not reciprocal',
  ),
  AHP_OUT_OF_SCALE: code(
    'warning',
    'مقایسه زوجی بیرون از مقیاس ۱ تا ۹ ساعتی',
    "Pairwise comparison outside Saaty's 1–9 scale",
  ),
  AHP_INCONSISTENT: code('warning', 'نرخ ناسازگاری بیش از ۰٫۱۰', 'Consistency ratio above 0.10'),
  // Fiscal balance (revenue and fiscal modules)
  FISCAL_DEFICIT: code(
    'warning',
    'هزینه‌های سال بیش از درآمد پیش‌بینی‌شده',
    'Spending of a year above forecast revenue',
  ),
  FISCAL_NO_REVENUE: code(
    'warning',
    'برای سال برنامه درآمدی پیش‌بینی نشده است',
    'No revenue forecast for a plan year',
  ),
  FISCAL_RESTRICTED_CURRENT: code(
    'warning',
    'منبع محدود، هزینه جاری را تأمین می‌کند',
    'A restricted source funds current spending',
  ),
  FISCAL_SCENARIO_UNKNOWN: code(
    'warning',
    'سناریوی درآمد برنامه در جدول سناریوها نیست',
    "The plan's revenue scenario is not in the scenario table",
  ),
  // Budget and monitoring
  BUDGET_OVER_PLAN: code(
    'warning',
    'بودجه سال بیش از هزینه برنامه‌ریزی‌شده',
    'Budget of a year above the planned cost',
  ),
  BUDGET_KIND_MISMATCH: code(
    'warning',
    'نوع اعتبار با پروژه/فعالیت نمی‌خواند',
    'Budget kind does not match project/activity',
  ),
  // Contract v2: the budget skeleton
  BUDGET_LINE_UNLINKED: code(
    'error',
    'ردیف بودجه به پروژه یا فعالیتی نمی‌رسد',
    'A budget line links no project or activity',
  ),
  BUDGET_CODE_UNKNOWN: code(
    'warning',
    'کد بودجه در جدول کدهای ساختار بودجه نیست',
    'A budget code is not in tblBudgetCodes',
  ),
  BUDGET_CODE_LEVEL: code(
    'warning',
    'کد بودجه در سطح درست نیست',
    'A budget code is not at the level that fits',
  ),
  BUDGET_CODE_PARENT: code(
    'warning',
    'کد بودجه پروژه زیر کد طرح یا برنامه آن نیست',
    "A project's budget code is not under its scheme's or program's code",
  ),
  SCHEME_PROGRAM_MISMATCH: code(
    'warning',
    'برنامه پروژه با برنامه طرح آن نمی‌خواند',
    "A project's program is not its scheme's",
  ),
  PARTNER_NOT_AGENCY: code(
    'warning',
    'شریک راهبرد دستگاه اجرایی نیست',
    "A strategy's partner is not an executive agency",
  ),
  COMMITMENT_NOT_AGENCY: code(
    'warning',
    'تعهد از دستگاه اجرایی نیست',
    'A commitment is not given by an executive agency',
  ),
  COMMITMENT_YEARS_REVERSED: code(
    'error',
    'سال پایان تعهد پیش از آغاز آن',
    'A commitment ends before it starts',
  ),
  START_OUTSIDE_WINDOW: code(
    'error',
    'سال شروع بیرون از بازه شروع',
    'The start year is outside the start window',
  ),
  TOTAL_COST_BELOW: code(
    'error',
    'هزینه کل کمتر از هزینه‌های پیش و درون برنامه',
    'The total cost is below the costs before and in the plan',
  ),
  NOT_READY: code(
    'warning',
    'پروژه نخستین سال آماده اجرا نیست',
    'A project of the first year is not ready',
  ),
  CAPACITY_EXCEEDED: code('warning', 'بیش از توان اجرایی واحد', "Above the department's capacity"),
  OPERATING_BALANCE_SOURCE: code(
    'warning',
    'هزینه جاری از فروش دارایی یا وام',
    'Current spending paid from asset sales or borrowing',
  ),
  NATURE_MIXED: code(
    'warning',
    'منابع یک طبقه درآمد ماهیت یکسان ندارند',
    'The sources of a revenue class differ in Nature',
  ),
  OPERATING_DEFICIT: code('warning', 'تراز عملیاتی منفی', 'Negative operating balance'),
  ACTUALS_DUPLICATE: code('warning', 'عملکرد تکراری برای یک دوره', 'Duplicate actual for a period'),
  ACTUALS_PERIOD_MIX: code(
    'warning',
    'عملکرد سالانه و فصلی با هم',
    'Full-year and quarterly actuals together',
  ),
  ACTUALS_PROGRESS_ON_ACTIVITY: code(
    'warning',
    'پیشرفت فیزیکی برای فعالیت مستمر',
    'Physical progress given for an activity',
  ),
  PROGRESS_DECREASED: code(
    'warning',
    'پیشرفت فیزیکی از دوره‌ای به دوره بعد کم شده است',
    'Physical progress falls from one period to the next',
  ),
  COMMITTED_OVER_ALLOCATED: code(
    'warning',
    'تعهد بیش از اعتبار تخصیص‌یافته',
    'Committed above allocated',
  ),
  PAID_OVER_COMMITTED: code('warning', 'پرداخت بیش از تعهد', 'Paid above committed'),
  // Monitoring against the approved plan of the cycle (the register, at push)
  ACTUAL_NOT_IN_PLAN: code(
    'error',
    'عملکرد برای قلمی که در برنامه تصویب‌شده واحد نیست',
    "An actual for an item the department's approved plan does not have",
  ),
  KPI_ACTUAL_NOT_IN_PLAN: code(
    'error',
    'مقدار واقعی شاخصی که در برنامه تصویب‌شده واحد نیست',
    "A KPI reading for a KPI the department's approved plan does not have",
  ),
  REVENUE_ACTUAL_NOT_FINANCE: code(
    'error',
    'درآمد تحقق‌یافته در پایش واحدی جز واحد مالی',
    'Realised revenue in the monitoring of a department other than finance',
  ),
  MONITORING_PERIOD_CLOSED: code(
    'error',
    'تغییر دوره‌ای که پایش آن پیش‌تر تصویب شده است',
    'A change to a period whose monitoring was approved before',
  ),
  // Revenue
  REVENUE_HISTORY_DUPLICATE: code(
    'error',
    'درآمد یک سال دو بار آمده است',
    'Revenue history given twice for a year',
  ),
  REVENUE_HISTORY_GAP: code('warning', 'سال جاافتاده در سابقه درآمد', 'Gap in revenue history'),
  REVENUE_HISTORY_AFTER_BASE: code(
    'warning',
    'سابقه درآمد پس از سال پایه',
    'Revenue history after the base year',
  ),
  SCENARIO_DUPLICATE: code(
    'error',
    'فرض سناریو برای یک طبقه درآمد تکراری است',
    'Scenario assumption given twice for a revenue class',
  ),
} as const satisfies Record<string, FindingCodeInfo>;

/** A code that `validatePlan` emits. */
export type ValidationCode = keyof typeof VALIDATION_CODES;

/**
 * Codes the reader (`readPlan`) emits, with their severity, so that a UI can
 * show one catalogue. The reader owns these checks; validation does not
 * repeat them.
 */
export const READER_CODES = {
  PLAN_INFO_INVALID: code('error', 'مقدار نامعتبر در مشخصات برنامه', 'Invalid plan information'),
  PLAN_INFO_MISSING: code('error', 'سال شروع برنامه نیامده است', 'Plan start year missing'),
  TABLE_DUPLICATE: code('error', 'جدول تکراری', 'Duplicate table'),
  TABLE_RECOVERED: code(
    'warning',
    'جدول بی‌تعریف از سرآیندش خوانده شد',
    'Table without its definition read from its header',
  ),
  COLUMN_MISSING: code('error', 'ستون الزامی نیست', 'Required column missing'),
  COLUMN_ABSENT: code('warning', 'ستون اختیاری نیست', 'Optional column absent'),
  COLUMN_DUPLICATE: code('error', 'ستون تکراری', 'Duplicate column'),
  HEADER_TOO_LONG: code('warning', 'عنوان ستون بیش از حد بلند', 'Column header too long'),
  YEAR_OUT_OF_PERIOD: code('error', 'ستون سال خارج از دوره', 'Year column outside the period'),
  YEAR_COLUMN_MISSING: code('warning', 'ستون سال نیست', 'Year column missing'),
  ROW_WIDER_THAN_HEADER: code('warning', 'ردیف پهن‌تر از جدول', 'Row wider than the table'),
  VALUE_REQUIRED: code('error', 'مقدار الزامی خالی است', 'Required value empty'),
  VALUE_OUT_OF_RANGE: code('error', 'مقدار خارج از بازه', 'Value out of range'),
  CELL_TOO_LONG: code('error', 'متن خانه بیش از حد بلند', 'Cell text too long'),
  ID_INVISIBLE: code('error', 'نویسه نامرئی در شناسه', 'Invisible character in an ID'),
  CELL_NOT_NUMBER: code('error', 'عدد نیست', 'Not a number'),
  CELL_NOT_YEAR: code('error', 'سال نیست', 'Not a year'),
  CELL_NOT_INTEGER: code('error', 'عدد صحیح نیست', 'Not a whole number'),
  CELL_NOT_BOOL: code('error', 'بله/خیر نیست', 'Not TRUE/FALSE'),
  CELL_BAD_ENUM: code('error', 'مقدار مجاز نیست', 'Value not allowed'),
  MONEY_FRACTION: code('error', 'کسر ریال', 'Fraction of a Rial'),
  MONEY_TOO_LARGE: code('error', 'مبلغ بیش از حد بزرگ', 'Amount too large'),
} as const satisfies Record<string, FindingCodeInfo>;
