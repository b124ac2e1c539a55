/**
 * Every string of the pane in Persian and English, and the number formatting of each
 * language: Persian digits (۰–۹) and the Arabic thousands separator where the user chose
 * Persian, Latin digits in English.
 */
import type { Bilingual, Language } from '#core';
import { formatNumber as formatCoreNumber, term, toPersianDigits } from '#core';

/** A glossary term as a label: its English with a capital (`scenario` → `Scenario`). */
function cap(term: Bilingual): Bilingual {
  return { fa: term.fa, en: term.en.charAt(0).toUpperCase() + term.en.slice(1) };
}

/** The pane's strings. A `{n}`-style placeholder is filled by `t(…, { n })`. */
export const STRINGS = {
  appTitle: { fa: 'ثبت برنامه', en: 'Plan Register' },
  language: { fa: 'زبان', en: 'Language' },
  views: { fa: 'بخش‌های افزونه', en: 'Sections of the add-in' },
  tabStart: { fa: 'شروع', en: 'Start' },
  tabCheck: { fa: 'بررسی', en: 'Check' },
  tabChain: { fa: 'زنجیره', en: 'Chain' },
  tabRevenue: { fa: 'درآمد', en: 'Revenue' },
  tabBudget: { fa: 'بودجه', en: 'Budget' },
  tabPriorities: { fa: 'اولویت', en: 'Priorities' },
  tabSync: { fa: 'سامانه', en: 'Sync' },
  working: { fa: 'در حال انجام…', en: 'Working…' },
  unexpected: { fa: 'خطای پیش‌بینی‌نشده: {message}', en: 'Unexpected error: {message}' },
  // Start
  startIntro: {
    fa: 'یک کارپوشه برنامه تازه از الگو بسازید، یا کارپوشه باز را بشناسید.',
    en: 'Create a new plan workbook from the template, or recognise the open workbook.',
  },
  startYear: { fa: 'سال شروع برنامه', en: 'First year of the plan' },
  createTemplate: { fa: 'ساخت کارپوشه از الگو', en: 'Create from the template' },
  created: {
    fa: '{n} جدول ساخته شد؛ {skipped} جدول از پیش بود.',
    en: '{n} tables created; {skipped} already existed.',
  },
  createdOne: {
    fa: '۱ جدول ساخته شد؛ {skipped} جدول از پیش بود.',
    en: '1 table created; {skipped} already existed.',
  },
  recognise: { fa: 'شناسایی کارپوشه باز', en: 'Recognise the open workbook' },
  tablesPresent: { fa: 'جدول‌های موجود', en: 'Tables present' },
  tablesMissing: { fa: 'جدول‌های ناموجود', en: 'Tables missing' },
  tablesMalformed: { fa: 'جدول‌های نادرست', en: 'Malformed tables' },
  none: { fa: 'هیچ', en: 'none' },
  recognised: {
    fa: '{present} از {total} جدول قرارداد در این کارپوشه هست.',
    en: '{present} of {total} contract tables are in this workbook.',
  },
  completeNext: {
    fa: 'همه جدول‌های برنامه در این کارپوشه هست؛ گام بعد بررسی آن است.',
    en: 'Every plan table is in this workbook; the next step is to check it.',
  },
  goToCheck: { fa: 'رفتن به بررسی', en: 'Go to Check' },
  // Start: where the workbook stands in the plan's process (core: shared/src/process)
  processTitle: { fa: 'جایگاه این کارپوشه در فرایند برنامه', en: 'Where this workbook stands' },
  processIntro: {
    fa: 'از جدول‌های کارپوشه شمرده شده است؛ مراحل مشارکت، تصویب و پایش را سامانه می‌شمارد.',
    en: 'Counted from the workbook’s tables; the register counts agreement, adoption and monitoring.',
  },
  processDone: { fa: '{done} از {total}', en: '{done} of {total}' },
  processNothing: { fa: 'چیزی برای شمردن نیست', en: 'Nothing to count' },
  processNext: { fa: 'گام بعد: {text}', en: 'Next step: {text}' },
  processAllDone: {
    fa: 'هر آنچه از این کارپوشه شمرده می‌شود کامل است.',
    en: 'Everything counted from this workbook is complete.',
  },
  processOwner: { fa: 'متولی: {owner}', en: 'Owner: {owner}' },
  aboutPhase: { fa: 'درباره این مرحله', en: 'About this step' },
  // Check
  runCheck: { fa: 'بررسی دوباره', en: 'Check again' },
  autoCheck: { fa: 'بررسی خودکار پس از ویرایش', en: 'Re-check after edits' },
  blocking: {
    fa: '{n} خطا مانع فرستادن برنامه است.',
    en: '{n} errors block submission.',
  },
  blockingOne: { fa: '۱ خطا مانع فرستادن برنامه است.', en: '1 error blocks submission.' },
  readyToSubmit: {
    fa: 'خطایی نیست؛ برنامه را می‌توان فرستاد.',
    en: 'No errors: the plan can be submitted.',
  },
  warningsCount: { fa: '{n} هشدار (مانع نیست).', en: '{n} warnings (not blocking).' },
  warningsCountOne: { fa: '۱ هشدار (مانع نیست).', en: '1 warning (not blocking).' },
  onSheet: { fa: 'در برگه «{sheet}»', en: 'On the sheet "{sheet}"' },
  referenceOf: { fa: '{table} (داده مرجع)', en: '{table} (reference data)' },
  // A count on a badge: Persian puts the singular after a number («۳ هشدار»).
  errorsCount: { fa: '{n} خطا', en: '{n} errors' },
  errorsCountOne: { fa: '۱ خطا', en: '1 error' },
  warningsBadge: { fa: '{n} هشدار', en: '{n} warnings' },
  warningsBadgeOne: { fa: '۱ هشدار', en: '1 warning' },
  errors: { fa: 'خطاها', en: 'Errors' },
  warnings: { fa: 'هشدارها', en: 'Warnings' },
  workbookWide: { fa: 'کل کارپوشه', en: 'Whole workbook' },
  notChecked: { fa: 'هنوز بررسی نشده است.', en: 'Not checked yet.' },
  goToCell: { fa: 'رفتن به خانه {cell}', en: 'Go to cell {cell}' },
  findingHelp: { fa: 'راهنما', en: 'Help' },
  findingHelpOn: {
    fa: 'راهنمای {code} در سامانه ثبت برنامه (در پنجره‌ای تازه)',
    en: 'Help on {code} in the Plan Register (opens a new window)',
  },
  checkedAt: { fa: 'بررسی: {n} یافته', en: 'Checked: {n} findings' },
  // Chain
  chainIntro: {
    fa: `هدف › راهبرد › برنامه › ${term('scheme').fa} › پروژه و فعالیت، با اعتبار هر سال و شاخص‌ها.`,
    en: `Goal › strategy › program › ${term('scheme').en} › projects and activities, with money per year and KPIs.`,
  },
  noMoney: { fa: 'بی‌اعتبار', en: 'no money' },
  noKpi: { fa: 'بی‌شاخص', en: 'no KPI' },
  noDirective: { fa: 'بی‌سند بالادستی', en: 'no upstream directive' },
  noMoneyMeans: {
    fa: 'هیچ پروژه یا فعالیتی زیر این سطح در سال‌های برنامه اعتبار ندارد.',
    en: 'No project or activity under this level has money in the plan years.',
  },
  noKpiMeans: {
    fa: 'هیچ شاخصی به این سطح پیوند ندارد، پس پیشرفتش سنجیده نمی‌شود.',
    en: 'No KPI is linked to this level, so its progress is not measured.',
  },
  noDirectiveMeans: {
    fa: 'این راهبرد به هیچ حکم سند فرادستی ارجاع نمی‌دهد.',
    en: 'This strategy refers to no directive of an upstream document.',
  },
  showEmptyGoals: {
    fa: 'نمایش هدف‌های شهر که این کارپوشه اعتباری برایشان ندارد ({n})',
    en: 'Show the city’s goals this workbook gives no money to ({n})',
  },
  kpis: { fa: 'شاخص‌ها', en: 'KPIs' },
  total: { fa: 'جمع', en: 'Total' },
  billionRials: { fa: 'میلیارد ریال', en: 'Billion Rials' },
  moneyOf: { fa: 'اعتبار هر سال: {node}', en: 'Money per year: {node}' },
  chooseNode: {
    fa: 'یک سطح را برگزینید تا اعتبار هر سالش را ببینید و ردیفش در کارپوشه انتخاب شود.',
    en: 'Choose a level to see its money per year and select its row in the workbook.',
  },
  emptyChain: { fa: 'هدفی در کارپوشه نیست.', en: 'The workbook has no goals.' },
  // KPIs
  tabKpis: { fa: 'شاخص‌ها', en: 'KPIs' },
  tabMonitor: { fa: 'پایش', en: 'Monitoring' },
  kpiIntro: {
    fa: 'شاخص‌ها به تفکیک سطح و واحد مسئول: مقدار پایه، هدف سال، آخرین مقدار، پیشرفت، وضعیت و روند. با انتخاب هر شاخص ردیفش در کارپوشه انتخاب می‌شود.',
    en: 'KPIs by level and owner: baseline, the year’s target, the latest actual, progress, status and trend. Choosing a KPI selects its row in the workbook.',
  },
  targetYear: { fa: 'سال هدف', en: 'Target year' },
  kpi: { fa: 'شاخص', en: 'KPI' },
  baseline: { fa: 'پایه', en: 'Baseline' },
  targetOf: { fa: 'هدف {year}', en: 'Target {year}' },
  latestActual: { fa: 'آخرین مقدار', en: 'Latest actual' },
  trend: { fa: 'روند', en: 'Trend' },
  noOwner: { fa: 'بی‌واحد مسئول', en: 'No owner' },
  noLevel: { fa: 'بی‌سطح', en: 'No level' },
  goToKpi: { fa: 'رفتن به ردیف شاخص {id}: {title}', en: 'Go to the row of KPI {id}: {title}' },
  noKpis: {
    fa: 'شاخصی در کارپوشه نیست؛ شاخص‌ها را در جدول «شاخص‌های عملکرد» بنویسید.',
    en: 'The workbook has no KPIs; write them in the table "Key performance indicators".',
  },
  // Revenue
  revenueIntro: {
    fa: 'سناریو را برگزینید: گذشته و پیش‌بینی درآمد و تراز مالی هر سال در آن سناریو. روش پیش‌بینی هر طبقه درآمد را پایین‌تر می‌توان تغییر داد.',
    en: 'Choose a scenario: the revenue history and forecast, and the fiscal balance per year under it. The forecasting method of each revenue class can be changed below.',
  },
  methodsFold: { fa: 'روش پیش‌بینی هر طبقه درآمد', en: 'Forecasting method per revenue class' },
  scenario: cap(term('scenario')),
  method: { fa: 'روش', en: 'Method' },
  revenueClass: { fa: 'طبقه درآمد', en: 'Revenue class' },
  history: { fa: 'گذشته', en: 'History' },
  forecast: { fa: 'پیش‌بینی', en: 'Forecast' },
  historyAndForecast: { fa: 'گذشته و پیش‌بینی', en: 'History and forecast' },
  band: { fa: 'بازه ۱۰ تا ۹۰ درصد', en: 'P10–P90 band' },
  forecastMedian: { fa: 'پیش‌بینی (میانه)', en: 'Forecast (median, P50)' },
  amountsIn: { fa: 'مبلغ‌ها به میلیارد ریال', en: 'Amounts in billion Rials' },
  // A year's values under the chart (on hover, or focus and the arrow keys). No Latin «P10»
  // inside Persian text: the percentiles by their Persian names.
  actualRevenue: { fa: 'درآمد واقعی', en: 'Actual' },
  p10: { fa: 'صدک ۱۰ (کم)', en: 'P10 (low)' },
  p50: { fa: 'میانه', en: 'P50 (median)' },
  p90: { fa: 'صدک ۹۰ (زیاد)', en: 'P90 (high)' },
  pointHint: {
    fa: 'برای دیدن مبلغ‌های هر سال، نشانگر را روی نمودار ببرید، یا با کلید \u2066Tab\u2069 به نمودار بروید و با کلیدهای جهت سال را جابه‌جا کنید.',
    en: 'To read a year’s amounts, point at the chart, or Tab to it and move between years with the arrow keys.',
  },
  pointOf: { fa: 'مبلغ‌های سال {year}', en: 'Amounts of {year}' },
  // A surplus is no gap: the glossary's fiscal balance (revenue less spending; negative, a deficit).
  fiscalGap: {
    fa: `${term('fiscalBalance').fa} هر سال (میلیارد ریال)`,
    en: 'Fiscal balance per year (billion Rials)',
  },
  year: { fa: 'سال', en: 'Year' },
  revenue: { fa: 'درآمد', en: 'Revenue' },
  spending: { fa: 'هزینه', en: 'Spending' },
  gap: { fa: 'تراز', en: 'Balance' },
  writeAs: { fa: 'نوشتن در کارپوشه به صورت', en: 'Write into the workbook as' },
  asTable: { fa: 'جدول مقدارها', en: 'A table of values' },
  asFormulas: {
    fa: 'فرمول \u2066PLAN.SCENARIO_REVENUE\u2069',
    en: 'PLAN.SCENARIO_REVENUE formulas',
  },
  write: { fa: 'نوشتن', en: 'Write' },
  written: { fa: 'در برگه «{sheet}» نوشته شد.', en: 'Written to the sheet "{sheet}".' },
  noRevenue: { fa: 'گذشته درآمدی در کارپوشه نیست.', en: 'The workbook has no revenue history.' },
  // Priorities
  prioritiesIntro: {
    fa: 'وزن معیارها، رتبه پروژه‌ها و سبد بهینه زیر بودجه هر سال.',
    en: 'Criteria weights, ranked projects and the optimal portfolio under each year’s budget.',
  },
  weightsFrom: { fa: 'وزن‌ها از', en: 'Weights from' },
  direct: { fa: 'وزن مستقیم', en: 'Direct weights' },
  ahp: { fa: 'مقایسه زوجی (\u2066AHP\u2069)', en: 'Pairwise comparison (AHP)' },
  consistency: { fa: 'نسبت سازگاری: {cr}؛', en: 'Consistency ratio: {cr}.' },
  consistencyOk: {
    fa: 'کمتر از ۰٫۱۰ است: داوری‌ها سازگارند (ساعتی).',
    en: 'Below 0.10: the judgements are consistent (Saaty).',
  },
  consistencyBad: {
    fa: '۰٫۱۰ یا بیشتر است: مقایسه‌ها را بازبینی کنید (ساعتی).',
    en: '0.10 or more: revise the comparisons (Saaty).',
  },
  rank: { fa: 'رتبه', en: 'Rank' },
  project: { fa: 'پروژه', en: 'Project' },
  score: { fa: 'امتیاز', en: 'Score' },
  optimal: { fa: 'بهینه', en: 'Optimal' },
  findOptimal: { fa: 'یافتن سبد بهینه', en: 'Find the optimal portfolio' },
  rankFill: cap(term('rankAndFill')),
  selected: { fa: 'برگزیده', en: 'selected' },
  writeColumn: { fa: 'نوشتن ستون انتخاب', en: 'Write the selection column' },
  // The confirmation before the column is written: what goes where, and what it replaces.
  writeConfirmTitle: {
    fa: 'ستون انتخاب در کارپوشه نوشته شود؟',
    en: 'Write the selection column into the workbook?',
  },
  writeConfirmWhere: {
    fa: 'در برگه «{sheet}»، خانه‌های {range} (ستون کنار جدول پروژه‌ها):',
    en: 'On the sheet “{sheet}”, cells {range} (the column beside the projects table):',
  },
  writeConfirmHeading: {
    fa: 'عنوان «{heading}» در سطر سرستون؛',
    en: 'the heading “{heading}” on the header row;',
  },
  writeConfirmOnes: {
    fa: '۱ کنار هر یک از {n} پروژه برگزیده ({method}) و ۰ کنار {m} پروژه دیگر.',
    en: '1 for each of the {n} projects chosen by {method}, 0 for the other {m}.',
  },
  writeConfirmReplace: {
    fa: 'هر چه اکنون در این خانه‌هاست جایگزین می‌شود. جدول‌های برنامه دست نمی‌خورند.',
    en: 'Whatever these cells hold now is replaced. The plan’s tables are not changed.',
  },
  writeConfirmAll: {
    fa: '۱ کنار هر یک از {n} پروژه: همه برگزیده‌اند ({method}).',
    en: '1 beside every one of the {n} projects: all are chosen ({method}).',
  },
  byOptimal: { fa: 'سبد بهینه', en: 'the optimal portfolio' },
  byRankFill: term('rankAndFill'),
  cancel: { fa: 'انصراف', en: 'Cancel' },
  writeNow: { fa: 'بنویس', en: 'Write' },
  // Why a project is not in the selection shown (priorities.ts, skipReasons).
  notChosen: { fa: 'برگزیده نشد', en: 'Not chosen' },
  whyMoney: {
    fa: 'پول سال {year} کافی نماند: نیاز {needs}، مانده {left} میلیارد ریال',
    en: 'not enough money in {year}: needs {needs}, {left} left (billion Rials)',
  },
  whyPrerequisite: {
    fa: 'پیش‌نیاز آن، {id}، برگزیده نشد',
    en: 'its prerequisite {id} is not chosen',
  },
  whyPrerequisiteLower: {
    fa: 'پیش‌نیاز آن، {id}، رتبه پایین‌تری دارد و در نوبت این پروژه هنوز برگزیده نشده بود',
    en: 'its prerequisite {id} ranks lower, so was not yet chosen at this project’s turn',
  },
  whyOutscored: {
    fa: 'در بودجه جا می‌شد، ولی ترکیب دیگری امتیاز بیشتری دارد',
    en: 'it would fit, but another combination scores more',
  },
  whyTitle: {
    fa: 'هر جا پروژه‌ای در {method} برگزیده نشده، دلیلش زیر آن آمده است.',
    en: 'Where {method} leaves a project out, the reason is under it.',
  },
  noProjects: { fa: 'پروژه‌ای در کارپوشه نیست.', en: 'The workbook has no projects.' },
  budget: { fa: `${term('capitalBudget').fa} هر سال`, en: 'Capital budget per year' },
  noBudget: {
    fa: 'این کارپوشه درآمدی برای تعیین بودجه ندارد (بودجه واحدها از برنامه شهر می‌آید): پروژه‌ها رتبه‌بندی می‌شوند ولی سبدی برگزیده نمی‌شود.',
    en: 'This workbook has no revenue to set a budget (a department’s budget comes from the city plan): projects are ranked, no portfolio is chosen.',
  },
  // Budget: the three balances
  budgetIntro: {
    fa: `بودجه هر سال سه بخش دارد و هر بخش با منابع هم‌نوع خودش تراز می‌شود: ${term('operatingBalance').fa}، ${term('capitalBalance').fa} و ${term('financialBalance').fa}؛ جمع این سه ${term('fiscalBalance').fa} است.`,
    en: `Each year’s budget has three parts, each balanced by resources of its own kind: the ${term('operatingBalance').en}, the ${term('capitalBalance').en} and the ${term('financialBalance').en}; together they make the ${term('fiscalBalance').en}.`,
  },
  openingBalance: { fa: 'موجودی ابتدای دوره', en: 'Opening balance' },
  balancesOverview: { fa: 'تراز هر سال (میلیارد ریال)', en: 'Balances per year (billion Rials)' },
  operatingBalance: cap(term('operatingBalance')),
  capitalBalance: cap(term('capitalBalance')),
  financialBalance: cap(term('financialBalance')),
  fiscalBalance: cap(term('fiscalBalance')),
  cashAtYearEnd: {
    fa: `${term('cashPosition').fa} پایان سال`,
    en: `${cap(term('cashPosition')).en} at year end`,
  },
  yearDetail: { fa: 'سال {year}', en: 'Year {year}' },
  yearDetailLabel: { fa: 'منابع و مصارف سال {year}', en: 'Resources and spending of {year}' },
  resources: { fa: 'منابع', en: 'Resources' },
  spendingHeads: { fa: 'مصارف', en: 'Spending' },
  totalSpending: { fa: 'جمع مصارف', en: 'Total spending' },
  noForecastYear: {
    fa: 'برای این سال پیش‌بینی درآمدی نیست، پس تراز آن و موجودی سال‌های بعد معلوم نیست.',
    en: 'There is no revenue forecast for this year, so its balances and the cash position from here on are unknown.',
  },
  deficitWhy: {
    fa: `چرا مهم است: ${term('currentSpending').fa} (حقوق، خدمات، نگهداری) هر سال تکرار می‌شود و باید از ${term('revenue').fa} پرداخت شود؛ دارایی را یک بار می‌توان فروخت و وام را باید پس داد.`,
    en: `Why it matters: ${term('currentSpending').en} (salaries, services, upkeep) recurs every year and must be paid from ${term('revenue').en}; an asset can be sold only once, and a loan must be repaid.`,
  },
  deficitYear: {
    fa: `${term('operatingBalance').fa} سال {year} منفی است: ${term('currentSpending').fa} باید از ${term('revenue').fa} پرداخت شود، نه از فروش دارایی یا وام.`,
    en: `The ${term('operatingBalance').en} of {year} is negative: ${term('currentSpending').en} must be paid from ${term('revenue').en}, not from asset sales or borrowing.`,
  },
  budgetItem: { fa: 'شرح', en: 'Item' },
  aboutBalances: { fa: 'درباره سه تراز', en: 'About the three balances' },
  // Help on the concept each view shows (HelpAbout).
  aboutChain: { fa: 'درباره زنجیره برنامه', en: 'About the plan’s chain' },
  aboutKpiProgress: { fa: 'درباره پیشرفت و وضعیت شاخص‌ها', en: 'About KPI progress and status' },
  aboutEarnedValue: { fa: 'درباره ارزش کسب‌شده', en: 'About earned value' },
  aboutBudgetExecution: { fa: 'درباره اجرای بودجه', en: 'About budget execution' },
  aboutPriorityScore: { fa: 'درباره امتیاز اولویت', en: 'About the priority score' },
  aboutPortfolio: { fa: 'درباره سبد پروژه‌ها', en: 'About the capital portfolio' },
  aboutAhp: { fa: 'درباره وزن‌دهی معیارها', en: 'About weighting the criteria' },
  aboutRevenue: { fa: 'درباره پیش‌بینی درآمد', en: 'About the revenue forecast' },
  budgetNoRevenue: {
    fa: 'این کارپوشه درآمدی برای سنجش تراز بودجه ندارد (درآمد واحدها در برنامه شهر است): {message}',
    en: 'This workbook has no revenue to balance the budget against (a department’s revenue is in the city plan): {message}',
  },
  budgetNoForecast: {
    fa: 'تراز بودجه محاسبه نشد: {message}',
    en: 'The budget balances could not be computed: {message}',
  },
  budgetScenario: { fa: 'سناریوی درآمد: {scenario}', en: 'Revenue scenario: {scenario}' },
  budgetNotSet: {
    fa: 'بودجه عمرانی تعیین نشد: {message}',
    en: 'No capital budget could be set: {message}',
  },
  solverUnavailable: {
    fa: 'حل‌کننده سبد بهینه (\u2066HiGHS\u2069) بارگذاری نشد: {message}',
    en: 'The optimal-portfolio solver (HiGHS) could not be loaded: {message}',
  },
  optimalStatus: {
    fa: 'بهینه: {optimal}؛ گزینش به ترتیب رتبه: {rank} (جمع امتیاز پروژه‌های برگزیده)',
    en: 'Optimal: {optimal}; rank and fill: {rank} (total score of the chosen projects)',
  },
  // Sync
  server: { fa: 'نشانی سامانه', en: 'Register address' },
  token: { fa: 'کلید دسترسی', en: 'Access token' },
  signIn: { fa: 'ورود', en: 'Sign in' },
  signOut: { fa: 'خروج', en: 'Sign out' },
  signedInAs: { fa: 'وارد شده: {name}', en: 'Signed in as {name}' },
  // Where a token comes from: the web register's own page (`/me/tokens`, sync.ts), or the
  // register's administrator (`plan admin token-issue`, docs/cli.md).
  tokenNote: {
    fa: 'کلید دسترسی را در صفحه «کلیدهای من» سامانه بسازید، یا از مدیر سامانه بگیرید. کلید فقط در حافظه این افزونه می‌ماند، نه در کارپوشه.',
    en: 'Create your access token on the register’s “My tokens” page, or ask its administrator for one. It stays in this add-in’s storage, never in the workbook.',
  },
  tokenPage: { fa: 'ساخت کلید در صفحه «کلیدهای من»', en: 'Create a token on “My tokens”' },
  newWindow: { fa: '(در پنجره تازه)', en: '(opens in a new window)' },
  workflowHistory: { fa: 'گردش کار', en: 'Workflow history' },
  stepNote: { fa: 'یادداشت', en: 'Note' },
  noHistory: { fa: 'هنوز گامی برداشته نشده است.', en: 'No step taken yet.' },
  historyStep: {
    fa: '{action}، نسخه {n}: {from} ← {to}',
    en: '{action}, version {n}: {from} → {to}',
  },
  submission: cap(term('submission')),
  status: { fa: 'وضعیت', en: 'Status' },
  version: { fa: 'نسخه {n}', en: 'Version {n}' },
  pullReference: { fa: 'گرفتن داده مرجع', en: 'Pull reference data' },
  referencePulled: {
    fa: '{n} جدول مرجع در کارپوشه نوشته شد.',
    en: '{n} reference tables written to the workbook.',
  },
  referencePulledOne: {
    fa: '۱ جدول مرجع در کارپوشه نوشته شد.',
    en: '1 reference table written to the workbook.',
  },
  push: { fa: 'فرستادن کارپوشه', en: 'Push the workbook' },
  pushBlocked: {
    fa: 'تا خطاها برطرف نشود فرستادن ممکن نیست.',
    en: 'Pushing is blocked while errors remain.',
  },
  pushed: { fa: 'نسخه {n} ثبت شد.', en: 'Version {n} recorded.' },
  refresh: { fa: 'تازه‌سازی', en: 'Refresh' },
  conflict: {
    fa: 'تعارض: نسخه {current} پس از نسخه شما ({base}) ثبت شده است.',
    en: 'Conflict: version {current} was recorded after yours ({base}).',
  },
  pullTheirs: { fa: 'گرفتن نسخه سامانه', en: 'Pull their version' },
  overwrite: { fa: 'ثبت نسخه من به عنوان نسخه تازه', en: 'Overwrite as a new version' },
  added: { fa: 'افزوده', en: 'added' },
  removed: { fa: 'حذف‌شده', en: 'removed' },
  changed: { fa: 'تغییر', en: 'changed' },
  comments: { fa: 'نظرهای بررسی‌کنندگان', en: 'Reviewers’ comments' },
  noComments: { fa: 'نظری نیست.', en: 'No comments.' },
  invalidPush: {
    fa: 'سامانه کارپوشه را نپذیرفت: {n} خطا.',
    en: 'The register refused the workbook: {n} errors.',
  },
  invalidPushOne: {
    fa: 'سامانه کارپوشه را نپذیرفت: ۱ خطا.',
    en: 'The register refused the workbook: 1 error.',
  },
  reading: { fa: 'خواندن کارپوشه…', en: 'Reading the workbook…' },
  sending: { fa: 'فرستادن…', en: 'Sending…' },
  pulled: { fa: 'نسخه {n} در کارپوشه نوشته شد.', en: 'Version {n} written to the workbook.' },
  // Sync: monitoring workbooks
  createMonitoring: {
    fa: 'ساخت برنامه پایش واحد {dept}',
    en: 'Create the monitoring submission of {dept}',
  },
  monitoringTitle: { fa: 'پایش {dept}', en: 'Monitoring of {dept}' },
  monitoringCreated: {
    fa: 'برنامه پایش ساخته شد؛ اکنون کارپوشه را بفرستید.',
    en: 'The monitoring submission was made; push the workbook now.',
  },
  // Sync: the latest revision's impact
  revisionImpact: {
    fa: 'اثر بازنگری: نسخه {n} برنامه شهر',
    en: 'Revision impact: city plan version {n}',
  },
  againstBaseline: { fa: 'در برابر مبنا (نسخه {n})', en: 'Against the baseline (version {n})' },
  againstPrevious: {
    fa: 'در برابر نسخه پیشین (نسخه {n})',
    en: 'Against the previous version (version {n})',
  },
  impactItems: { fa: 'قلم‌ها', en: 'Items' },
  impactUndeclared: {
    fa: '{n} تغییر در جدول تغییرات درخواستی نیامده است.',
    en: '{n} changes have no row in tblChanges.',
  },
  impactUndeclaredOne: {
    fa: '۱ تغییر در جدول تغییرات درخواستی نیامده است.',
    en: '1 change has no row in tblChanges.',
  },
  impactBalance: { fa: 'تغییر {what} ({scenario})', en: 'Change of the {what} ({scenario})' },
  impactUnchanged: { fa: 'بی‌تغییر', en: 'unchanged' },
  impactKpis: {
    fa: 'شاخص‌ها: {add} افزوده، {drop} حذف‌شده، {change} تغییریافته',
    en: 'KPIs: {add} added, {drop} dropped, {change} changed',
  },
  impactEntering: { fa: 'واردشده به {what}', en: 'Entering the {what}' },
  impactLeaving: { fa: 'خارج‌شده از {what}', en: 'Leaving the {what}' },
  impactSpent: {
    fa: 'تغییر هزینه سرمایه‌ای {what}',
    en: 'Change of the capital spent by the {what}',
  },
  impactNoPortfolio: {
    fa: '{what} سنجیده نشد: برنامه بودجه سرمایه‌ای ندارد.',
    en: 'No {what} to compare: the plan has no capital budget.',
  },
} as const satisfies Record<string, Bilingual>;

/** A key of `STRINGS`. */
export type StringKey = keyof typeof STRINGS;

/** Latin digits as the language writes them: Persian digits in Persian. */
export function digits(text: string, lang: Language): string {
  return lang === 'fa' ? toPersianDigits(text) : text;
}

/** A string in a language with its `{name}` placeholders filled (numbers in the language's digits). */
export function t(
  lang: Language,
  key: StringKey,
  values: Record<string, string | number | bigint> = {},
): string {
  return STRINGS[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) return `{${name}}`;
    return typeof v === 'string' ? v : formatNumber(v, lang);
  });
}

/** A whole number or bigint with thousands separators, in the language's digits (the core's one formatter). */
export function formatNumber(value: number | bigint, lang: Language, fractionDigits = 0): string {
  return formatCoreNumber(value, lang, fractionDigits);
}

/**
 * A count in words: the `…One` string of `key` when `n` is 1 (`1 table created`), else `key`
 * with `n` filled (`3 tables created`), so that English never says "1 tables".
 */
export function tn(
  lang: Language,
  key: StringKey,
  n: number,
  values: Record<string, string | number | bigint> = {},
): string {
  const one = `${key}One`;
  if (n === 1 && one in STRINGS) return t(lang, one as StringKey, values);
  return t(lang, key, { ...values, n });
}

/** A bilingual message in a language. */
export function pick(message: Bilingual, lang: Language): string {
  return message[lang];
}
