/**
 * Enumerations of the plan workbook contract (plan-workbook.md, "Tables").
 * Each value has its stable English key (what is stored) and a Persian caption
 * (what a reader also accepts and what a Persian workbook shows).
 */

/** One allowed value of an enumerated column. */
export interface EnumValue {
  readonly value: string;
  readonly fa: string;
  readonly en: string;
}

function values<const V extends string>(
  list: ReadonlyArray<readonly [V, string, string]>,
): ReadonlyArray<EnumValue & { readonly value: V }> {
  return list.map(([value, fa, en]) => ({ value, fa, en }));
}

export const DEPARTMENT_KINDS = values([
  ['deputy', 'معاونت', 'Deputy'],
  ['district', 'منطقه', 'District'],
  ['organization', 'سازمان', 'Organization'],
  ['company', 'شرکت', 'Company'],
] as const);

export const DOC_LEVELS = values([
  ['national', 'ملی', 'National'],
  ['provincial', 'استانی', 'Provincial'],
  ['regional', 'منطقه‌ای', 'Regional'],
  ['city', 'شهری', 'City'],
] as const);

export const DOC_TYPES = values([
  ['master', 'طرح جامع', 'Master plan'],
  ['comprehensive', 'طرح جامع-تفصیلی', 'Comprehensive plan'],
  ['detailed', 'طرح تفصیلی', 'Detailed plan'],
  ['guide', 'طرح هادی', 'Guide plan'],
  ['sectoral', 'سند بخشی', 'Sectoral document'],
  ['other', 'سایر', 'Other'],
] as const);

export const SWOT_KINDS = values([
  ['S', 'قوت', 'Strength'],
  ['W', 'ضعف', 'Weakness'],
  ['O', 'فرصت', 'Opportunity'],
  ['T', 'تهدید', 'Threat'],
] as const);

export const PERSPECTIVES = values([
  ['citizen', 'شهروند', 'Citizen'],
  ['financial', 'مالی', 'Financial'],
  ['process', 'فرایندهای داخلی', 'Internal process'],
  ['capacity', 'رشد و یادگیری', 'Learning and growth'],
] as const);

export const SWOT_TYPES = values([
  ['SO', 'تهاجمی', 'Aggressive (SO)'],
  ['ST', 'رقابتی', 'Competitive (ST)'],
  ['WO', 'محافظه‌کارانه', 'Conservative (WO)'],
  ['WT', 'تدافعی', 'Defensive (WT)'],
] as const);

export const MUNICIPAL_ROLES = values([
  ['lead', 'متولی', 'Lead'],
  ['partner', 'مشارکت', 'Partner'],
  ['facilitator', 'تسهیل‌گر', 'Facilitator'],
  ['advocate', 'مطالبه‌گر', 'Advocate'],
  ['none', 'بدون نقش', 'None'],
] as const);

export const REVENUE_CLASSES = values([
  ['general-duties', 'عوارض عمومی', 'General duties'],
  ['dedicated-duties', 'عوارض اختصاصی', 'Dedicated duties'],
  ['service-fees', 'بهای خدمات و درآمدهای مؤسسات انتفاعی', 'Service fees'],
  ['asset-returns', 'درآمد حاصل از وجوه و اموال شهرداری', 'Returns on funds and assets'],
  ['government-grants', 'کمک‌های اعطایی دولت و سازمان‌های دولتی', 'Government grants'],
  [
    'donations',
    'اعانات، کمک‌های اهدایی و دارایی‌هایی که به شهرداری تعلق می‌گیرد',
    'Donations and endowed assets',
  ],
  ['other-resources', 'سایر منابع تأمین اعتبار', 'Other resources (borrowing, asset sales)'],
] as const);

export const PROJECT_STATUSES = values([
  ['proposed', 'پیشنهادی', 'Proposed'],
  ['approved', 'مصوب', 'Approved'],
  ['ongoing', 'در حال اجرا', 'Ongoing'],
  ['done', 'خاتمه‌یافته', 'Done'],
  ['dropped', 'متوقف', 'Dropped'],
] as const);

export const ACTIVITY_KINDS = values([
  ['maintenance', 'نگهداری', 'Maintenance'],
  ['service', 'خدمات', 'Service'],
  ['administration', 'اداری', 'Administration'],
  ['transfer', 'انتقالی', 'Transfer'],
] as const);

export const CRITERION_DIRECTIONS = values([
  ['benefit', 'فایده', 'Benefit'],
  ['cost', 'هزینه', 'Cost'],
] as const);

export const KPI_LEVELS = values([
  ['macro', 'کلان', 'Macro'],
  ['micro', 'خرد', 'Micro'],
] as const);

export const KPI_DIRECTIONS = values([
  ['increase', 'افزایشی', 'Increase'],
  ['decrease', 'کاهشی', 'Decrease'],
  ['maintain', 'حفظ وضعیت', 'Maintain'],
] as const);

export const KPI_FREQUENCIES = values([
  ['annual', 'سالانه', 'Annual'],
  ['semiannual', 'شش‌ماهه', 'Semiannual'],
  ['quarterly', 'فصلی', 'Quarterly'],
] as const);

export const REVENUE_METHODS = values([
  ['growth', 'نرخ رشد', 'Growth rate'],
  ['trend', 'روند خطی', 'Linear trend'],
  ['holt', 'هموارسازی هولت', "Holt's trend"],
  ['damped', 'روند میرا', 'Damped trend'],
  ['auto', 'انتخاب خودکار', 'Automatic'],
] as const);

/**
 * The revenue scenarios every plan names (`tblRevenueScenarios.Scenario` may hold any other
 * name too, shown as written): their captions for reports and documents.
 */
export const REVENUE_SCENARIOS = values([
  ['pessimistic', 'بدبینانه', 'Pessimistic'],
  ['base', 'پایه', 'Base'],
  ['optimistic', 'خوش‌بینانه', 'Optimistic'],
] as const);

/** The three heads of spending of the municipal budget (v2 adds `financial`). */
export const BUDGET_KINDS = values([
  ['current', 'هزینه‌ای (جاری)', 'Current'],
  ['capital', 'تملک دارایی سرمایه‌ای', 'Capital'],
  ['financial', 'تملک دارایی مالی', 'Financial assets'],
] as const);

/** v2: the stage of a budget line (plan-workbook.md, "Version 2"). */
export const BUDGET_STAGES = values([
  ['proposed', 'پیشنهادی', 'Proposed'],
  ['approved', 'مصوب', 'Approved'],
  ['amended', 'اصلاحیه', 'Amendment'],
  ['supplement', 'متمم', 'Supplement'],
  ['outturn', 'تفریغ', 'Outturn'],
] as const);

/**
 * v2: the economic chapters of spending in Iranian public budgets (after GFS), as the
 * contract lists them; the circular in force may differ, and then `tblBudgetCodes` (Level
 * `chapter`) holds its own list.
 */
export const CHAPTERS = values([
  ['1', 'جبران خدمات کارکنان', 'Compensation of employees'],
  ['2', 'استفاده از کالاها و خدمات', 'Use of goods and services'],
  ['3', 'هزینه‌های اموال و دارایی', 'Property expenses'],
  ['4', 'یارانه', 'Subsidies'],
  ['5', 'کمک‌های بلاعوض', 'Grants'],
  ['6', 'رفاه اجتماعی', 'Social benefits'],
  ['7', 'سایر هزینه‌ها', 'Other expenses'],
] as const);

/** v2: what kind of money a funding source is (the operating balance's rule). */
export const FUNDING_NATURES = values([
  ['revenue', 'درآمد', 'Revenue'],
  ['capital-disposal', 'واگذاری دارایی‌های سرمایه‌ای', 'Disposal of capital assets'],
  ['financial-disposal', 'واگذاری دارایی‌های مالی', 'Disposal of financial assets'],
] as const);

/** v2: how ready a capital project is to start (the technical limit). */
export const READINESS = values([
  ['idea', 'ایده', 'Idea'],
  ['study', 'مطالعه', 'Study'],
  ['design', 'طراحی', 'Design'],
  ['permits', 'اخذ مجوز', 'Permits'],
  ['ready', 'آماده اجرا', 'Ready'],
] as const);

/** v2: the level of a code in the budget structure (`tblBudgetCodes`). */
export const BUDGET_CODE_LEVELS = values([
  ['function', 'وظیفه', 'Function'],
  ['program', 'برنامه', 'Program'],
  ['scheme', 'طرح', 'Scheme'],
  ['project', 'پروژه', 'Project'],
  ['activity', 'فعالیت', 'Activity'],
  ['chapter', 'فصل هزینه', 'Chapter'],
  ['revenue', 'درآمد', 'Revenue'],
] as const);

export const PERIODS = values([
  ['Q1', 'سه‌ماهه اول', 'Q1'],
  ['Q2', 'سه‌ماهه دوم', 'Q2'],
  ['Q3', 'سه‌ماهه سوم', 'Q3'],
  ['Q4', 'سه‌ماهه چهارم', 'Q4'],
  // v2: the first half (Article 71's six-monthly report).
  ['H1', 'شش‌ماهه اول', 'H1'],
  ['FY', 'کل سال', 'Full year'],
] as const);

/**
 * Quarters of the year elapsed at a period's end (contract v2, earned value's PV: Q1 ¼, H1
 * and Q2 ½, Q3 ¾, Q4 and FY all): the one place the share of the year a period stands for is
 * kept (monitoring's PV, its "needs attention" measure, and which cumulative row is latest).
 */
export const PERIOD_QUARTERS: Readonly<Record<ValueOf<typeof PERIODS>, 1 | 2 | 3 | 4>> = {
  Q1: 1,
  Q2: 2,
  H1: 2,
  Q3: 3,
  Q4: 4,
  FY: 4,
};

/** v2: what a requested change of the plan does (tblChanges `Change`, a revision's rows). */
export const CHANGE_KINDS = values([
  ['add', 'افزودن', 'Add'],
  ['drop', 'حذف', 'Drop'],
  ['rescope', 'تغییر دامنه', 'Rescope'],
  ['reschedule', 'تغییر زمان‌بندی', 'Reschedule'],
  ['recost', 'تغییر هزینه', 'Recost'],
] as const);

export const STAKEHOLDER_TYPES = values([
  ['council', 'شورای شهر', 'City council'],
  ['department', 'واحد شهرداری', 'Municipal department'],
  ['ngo', 'سازمان مردم‌نهاد', 'NGO'],
  ['private', 'بخش خصوصی', 'Private sector'],
  ['expert', 'خبره', 'Expert'],
  ['citizen-group', 'گروه شهروندی', 'Citizen group'],
  ['agency', 'دستگاه اجرایی', 'Executive agency'],
  ['university', 'دانشگاه', 'University'],
  ['neighbourhood-council', 'شورایاری', 'Neighbourhood council'],
] as const);

export const WORKBOOK_KINDS = values([
  ['city', 'شهر (کل برنامه)', 'City (whole plan)'],
  ['framework', 'چارچوب شهر', 'City framework'],
  ['department', 'واحد', 'Department'],
  ['revenue', 'درآمد', 'Revenue'],
  ['monitoring', 'پایش', 'Monitoring'],
] as const);

export const UNITS = values([
  ['Rial', 'ریال', 'Rial'],
  ['Thousand Rials', 'هزار ریال', 'Thousand Rials'],
  ['Million Rials', 'میلیون ریال', 'Million Rials'],
] as const);

export const LANGUAGES = values([
  ['fa', 'فارسی', 'Persian'],
  ['en', 'انگلیسی', 'English'],
] as const);

/**
 * A scenario's name as shown in a language: the caption of a standard scenario
 * (`pessimistic` → بدبینانه), any other name as written (in Persian text, in a first-strong
 * isolate, so that a Latin name keeps its order).
 */
export function scenarioCaption(name: string, lang: 'fa' | 'en'): string {
  const known = REVENUE_SCENARIOS.find((s) => s.value === name.trim().toLowerCase());
  if (known !== undefined) return known[lang];
  return lang === 'fa' ? `\u2068${name}\u2069` : name;
}

/**
 * The caption of an enumeration's value in a language (`enumCaption(MUNICIPAL_ROLES, 'lead',
 * 'fa')` → متولی); null for a value the enumeration does not hold, or none.
 */
export function enumCaption(
  list: ReadonlyArray<EnumValue>,
  value: string | null | undefined,
  lang: 'fa' | 'en',
): string | null {
  if (value === null || value === undefined) return null;
  return list.find((v) => v.value === value)?.[lang] ?? null;
}

type ValueOf<T extends ReadonlyArray<{ readonly value: string }>> = T[number]['value'];
export type DepartmentKind = ValueOf<typeof DEPARTMENT_KINDS>;
export type DocLevel = ValueOf<typeof DOC_LEVELS>;
export type DocType = ValueOf<typeof DOC_TYPES>;
export type SwotKind = ValueOf<typeof SWOT_KINDS>;
export type Perspective = ValueOf<typeof PERSPECTIVES>;
export type SwotType = ValueOf<typeof SWOT_TYPES>;
export type MunicipalRole = ValueOf<typeof MUNICIPAL_ROLES>;
export type RevenueClass = ValueOf<typeof REVENUE_CLASSES>;
export type ProjectStatus = ValueOf<typeof PROJECT_STATUSES>;
export type ActivityKind = ValueOf<typeof ACTIVITY_KINDS>;
export type CriterionDirection = ValueOf<typeof CRITERION_DIRECTIONS>;
export type KpiLevel = ValueOf<typeof KPI_LEVELS>;
export type KpiDirection = ValueOf<typeof KPI_DIRECTIONS>;
export type KpiFrequency = ValueOf<typeof KPI_FREQUENCIES>;
export type RevenueMethod = ValueOf<typeof REVENUE_METHODS>;
export type BudgetKind = ValueOf<typeof BUDGET_KINDS>;
export type BudgetStage = ValueOf<typeof BUDGET_STAGES>;
export type Chapter = ValueOf<typeof CHAPTERS>;
export type FundingNature = ValueOf<typeof FUNDING_NATURES>;
export type Readiness = ValueOf<typeof READINESS>;
export type BudgetCodeLevel = ValueOf<typeof BUDGET_CODE_LEVELS>;
export type Period = ValueOf<typeof PERIODS>;
export type StakeholderType = ValueOf<typeof STAKEHOLDER_TYPES>;
export type ChangeKind = ValueOf<typeof CHANGE_KINDS>;
export type WorkbookKind = ValueOf<typeof WORKBOOK_KINDS>;
export type Unit = ValueOf<typeof UNITS>;
/** The project's one language type (its list, guard and locale rule: `util/language.ts`). */
export type Language = ValueOf<typeof LANGUAGES>;
