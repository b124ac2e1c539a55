/**
 * Every string of the web pages in Persian and English. Numbers go through the core's one
 * formatter (Persian digits and separators in Persian); IDs and codes are set in `<Iso>`
 * (a bidi isolate) by the views, never inside these strings.
 */
import type { Bilingual, Language } from '#core';
import { fillPlaceholders, term } from '#core';

/** A glossary term as a label: its English with a capital (`scenario` → `Scenario`). */
function cap(t: Bilingual): Bilingual {
  return { fa: t.fa, en: t.en.charAt(0).toUpperCase() + t.en.slice(1) };
}

/** The pages' strings. A `{name}` placeholder is filled by `t(…, { name })`. */
export const STRINGS = {
  appTitle: { fa: term('register').fa, en: term('register').en },
  skipToContent: { fa: 'رفتن به متن صفحه', en: 'Skip to the content' },
  language: { fa: 'زبان', en: 'Language' },
  sections: { fa: 'بخش‌های برنامه', en: 'Sections of the plan' },
  loading: { fa: 'در حال بارگیری…', en: 'Loading…' },
  aboutThis: { fa: 'این چیست و چگونه خوانده می‌شود؟', en: 'What is this and how to read it?' },
  notFound: { fa: 'این نشانی صفحه‌ای ندارد.', en: 'There is no page at this address.' },
  toLatest: { fa: 'رفتن به آخرین برنامه منتشرشده', en: 'Go to the latest published plan' },
  noPlan: {
    fa: 'هنوز برنامه‌ای منتشر نشده است.',
    en: 'No plan has been published yet.',
  },
  // Sections
  overview: { fa: 'نمای کلی', en: 'Overview' },
  strategy: { fa: 'هدف‌ها و راهبردها', en: 'Goals and strategies' },
  programs: { fa: 'برنامه‌ها', en: 'Programs' },
  projects: { fa: 'پروژه‌ها', en: 'Projects' },
  kpis: { fa: 'شاخص‌ها', en: 'KPIs' },
  fiscal: { fa: term('fiscalBalance').fa, en: cap(term('fiscalBalance')).en },
  data: { fa: 'داده باز', en: 'Open data' },
  search: { fa: 'جست‌وجو', en: 'Search' },
  projectList: { fa: 'فهرست پروژه‌ها ({n})', en: 'List of projects ({n})' },
  programList: { fa: 'اعتبار هر برنامه در هر سال', en: 'Money per program and year' },
  kpiList: { fa: 'شاخص‌ها، هدف‌ها و آخرین مقدارها', en: 'KPIs, targets and latest actuals' },
  // Search
  searchLabel: { fa: 'جست‌وجو در برنامه', en: 'Search the plan' },
  searchButton: { fa: 'بجو', en: 'Search' },
  searchResults: { fa: '{n} نتیجه برای «{q}»', en: '{n} results for “{q}”' },
  searchResultsOne: { fa: '۱ نتیجه برای «{q}»', en: '1 result for “{q}”' },
  searchNone: { fa: 'برای «{q}» چیزی یافت نشد.', en: 'Nothing found for “{q}”.' },
  searchEmpty: {
    fa: 'واژه‌ای از عنوان یا شناسه هدف، راهبرد، برنامه، پروژه یا شاخص بنویسید.',
    en: 'Type a word of the title or the ID of a goal, strategy, program, project or KPI.',
  },
  // The snapshot
  adoptedBy: {
    fa: 'مصوب شورای شهر، مصوبه شماره {resolution} مورخ {date}',
    en: 'Adopted by the city council, resolution {resolution} of {date}',
  },
  adoptedOn: { fa: 'مصوب شورای شهر در {date}', en: 'Adopted by the city council on {date}' },
  publishedOn: { fa: 'انتشار: {date}', en: 'Published {date}' },
  vote: {
    fa: 'رأی: {for} موافق، {against} مخالف، {abstain} ممتنع',
    en: 'Vote: {for} for, {against} against, {abstain} abstaining',
  },
  permalink: { fa: 'نشانی پایدار این نسخه', en: 'Permanent address of this version' },
  latestLink: { fa: 'نشانی آخرین نسخه', en: 'Address of the latest version' },
  published: { fa: 'نسخه‌های منتشرشده برنامه', en: 'Published versions of the plan' },
  snapshotName: { fa: 'دوره {cycle}، نسخه {number}', en: 'Cycle {cycle}, version {number}' },
  olderSnapshot: {
    fa: 'این نسخه‌ای پیشین از برنامه است.',
    en: 'This is an earlier version of the plan.',
  },
  period: { fa: 'سال‌های {from} تا {to}', en: 'Years {from} to {to}' },
  vision: { fa: 'چشم‌انداز', en: 'Vision' },
  goals: { fa: 'هدف‌های کلان', en: 'Goals' },
  strategies: { fa: 'راهبردها', en: 'Strategies' },
  kpiCount: { fa: 'شمار شاخص‌ها', en: 'Number of KPIs' },
  // Figures
  billionRials: { fa: 'میلیارد ریال', en: 'billion Rials' },
  inBillionRials: { fa: 'مبلغ‌ها به میلیارد ریال', en: 'Amounts in billion Rials' },
  total: { fa: 'جمع', en: 'Total' },
  year: { fa: 'سال', en: 'Year' },
  id: { fa: 'شناسه', en: 'ID' },
  title: { fa: 'عنوان', en: 'Title' },
  owner: { fa: 'واحد متولی', en: 'Owner' },
  status: { fa: 'وضعیت', en: 'Status' },
  progress: { fa: 'پیشرفت', en: 'Progress' },
  progressOf: { fa: 'پیشرفت فیزیکی پروژه {id}', en: 'Physical progress of project {id}' },
  allStatuses: { fa: 'همه ({n})', en: 'All ({n})' },
  programOne: { fa: 'برنامه', en: 'Program' },
  projectOne: { fa: 'پروژه', en: 'Project' },
  kpiOne: { fa: 'شاخص', en: 'KPI' },
  years: { fa: 'سال‌ها', en: 'Years' },
  cost: { fa: 'اعتبار', en: 'Cost' },
  costOf: { fa: 'اعتبار {year}', en: 'Cost {year}' },
  notMeasured: { fa: 'سنجیده نشده', en: 'not measured' },
  none: { fa: '—', en: '—' },
  tableScroll: {
    fa: '{table} (برای دیدن همه ستون‌ها جابه‌جا کنید)',
    en: '{table} (scroll to see every column)',
  },
  // Strategy
  goal: { fa: cap(term('goal')).fa, en: cap(term('goal')).en },
  strategyOne: { fa: term('strategy').fa, en: cap(term('strategy')).en },
  municipalRole: { fa: term('municipalRole').fa, en: cap(term('municipalRole')).en },
  partners: { fa: 'دستگاه‌های همکار', en: 'Partner agencies' },
  stance: { fa: 'نوع راهبرد', en: 'Stance' },
  noPartners: { fa: 'دستگاه همکاری ثبت نشده است.', en: 'No partner agency recorded.' },
  commitment: { fa: 'تعهد', en: 'Commitment' },
  // KPIs
  baseline: { fa: 'مقدار پایه', en: 'Baseline' },
  targetOf: { fa: 'هدف {year}', en: 'Target {year}' },
  actual: { fa: 'آخرین مقدار', en: 'Latest actual' },
  unit: { fa: 'یکای سنجش', en: 'Unit' },
  level: { fa: 'سطح', en: 'Level' },
  linkedTo: { fa: 'پیوند با', en: 'Linked to' },
  direction: { fa: 'جهت مطلوب', en: 'Direction' },
  // Fiscal
  scenario: cap(term('scenario')),
  revenue: { fa: term('revenue').fa, en: cap(term('revenue')).en },
  spending: { fa: 'هزینه', en: 'Spending' },
  gap: { fa: 'شکاف مالی', en: 'Fiscal gap' },
  operatingBalance: { fa: term('operatingBalance').fa, en: cap(term('operatingBalance')).en },
  capitalBalance: { fa: term('capitalBalance').fa, en: cap(term('capitalBalance')).en },
  financialBalance: { fa: term('financialBalance').fa, en: cap(term('financialBalance')).en },
  cash: { fa: term('cashPosition').fa, en: cap(term('cashPosition')).en },
  noFiscal: { fa: 'این برنامه سناریوی درآمدی ندارد.', en: 'This plan has no revenue scenario.' },
  planScenario: { fa: '{scenario} (مبنای برنامه)', en: '{scenario} (the plan’s basis)' },
  fiscalTable: {
    fa: 'تراز هر سال، سناریوی {scenario}',
    en: 'Balances per year, {scenario} scenario',
  },
  fiscalIncomplete: {
    fa: 'پیش‌بینی درآمد این سناریو همه طبقه‌های درآمد را در بر نمی‌گیرد.',
    en: 'This scenario’s revenue forecast does not cover every revenue class.',
  },
  // Charts
  chartFiscal: {
    fa: 'درآمد پیش‌بینی‌شده و هزینه هر سال ({scenario})',
    en: 'Forecast revenue and spending per year ({scenario})',
  },
  chartByProgram: { fa: 'اعتبار هر برنامه در کل دوره', en: 'Money per program over the plan' },
  chartKpiStatus: { fa: 'وضعیت شاخص‌ها', en: 'Status of the KPIs' },
  chartAsTable: { fa: 'داده‌های نمودار', en: 'The chart’s figures' },
  // Open data
  dataIntro: {
    fa: 'هر جدول برنامه منتشرشده را می‌توان با قالب‌های باز بارگرفت و آزادانه به کار برد.',
    en: 'Every table of the published plan can be downloaded in open formats and reused freely.',
  },
  dataTables: { fa: 'جدول‌های منتشرشده', en: 'Published tables' },
  table: { fa: 'جدول', en: 'Table' },
  rowsHeading: { fa: 'ردیف‌ها', en: 'Rows' },
  downloads: { fa: 'بارگیری', en: 'Download' },
  download: { fa: 'بارگیری {table} با قالب {format}', en: 'Download {table} as {format}' },
  rows: { fa: '{n} ردیف', en: '{n} rows' },
  rowsOne: { fa: '۱ ردیف', en: '1 row' },
  // Account: the sign-in and a person's tokens
  signIn: { fa: 'ورود', en: 'Sign in' },
  signInTitle: { fa: 'ورود به سامانه', en: 'Sign in to the register' },
  signInIntro: {
    fa: 'با حساب کاربری خود در سامانه وارد شوید تا کلید دسترسی افزونه اکسل را بسازید.',
    en: 'Sign in with your account on the register to create an access token for the Excel add-in.',
  },
  municipalityCode: { fa: 'کد شهرداری', en: 'Municipality code' },
  email: { fa: 'نشانی رایانامه', en: 'E-mail address' },
  password: { fa: 'گذرواژه', en: 'Password' },
  signingIn: { fa: 'در حال ورود…', en: 'Signing in…' },
  tooMany: {
    fa: 'تلاش‌ها بیش از اندازه بود. چند دقیقه صبر کنید و دوباره بکوشید.',
    en: 'Too many attempts. Wait a few minutes and try again.',
  },
  mustChange: {
    fa: 'گذرواژه شما یک‌بارمصرف است. پیش از ادامه، گذرواژه تازه‌ای برگزینید.',
    en: 'Your password is a one-time one. Choose a new password before you go on.',
  },
  newPassword: { fa: 'گذرواژه تازه', en: 'New password' },
  newPasswordHint: { fa: 'دست‌کم ۱۰ نویسه', en: 'At least 10 characters' },
  repeatPassword: { fa: 'تکرار گذرواژه تازه', en: 'New password again' },
  passwordsDiffer: { fa: 'دو گذرواژه یکی نیستند.', en: 'The two passwords differ.' },
  changePassword: { fa: 'ثبت گذرواژه تازه', en: 'Save the new password' },
  signOut: { fa: 'خروج', en: 'Sign out' },
  myTokens: { fa: 'کلیدهای من', en: 'My tokens' },
  // The plan's process, guided (/me/process)
  processPage: { fa: 'فرایند برنامه', en: 'The plan’s process' },
  processCycle: {
    fa: 'دوره برنامه‌ریزی {cycle}، شمرده در {day}',
    en: 'Cycle {cycle}, counted on {day}',
  },
  processPhases: { fa: 'مراحل برنامه', en: 'The phases' },
  processPhase: { fa: 'مرحله', en: 'Phase' },
  processOwner: { fa: 'متولی', en: 'Owner' },
  processDone: { fa: 'انجام‌شده', en: 'Done' },
  processOf: { fa: '{done} از {total}', en: '{done} of {total}' },
  processNothing: { fa: 'چیزی برای شمردن نیست', en: 'nothing to count' },
  processAbout: { fa: 'راهنما', en: 'Help' },
  processNext: {
    fa: 'گام بعد واحد برنامه‌ریزی: {text}',
    en: 'The planning department’s next step: {text}',
  },
  processAllDone: { fa: 'هر آنچه شمرده می‌شود کامل است.', en: 'Everything counted is complete.' },
  processDepartments: { fa: 'واحدها', en: 'Departments' },
  processDepartment: { fa: 'واحد', en: 'Department' },
  processDeptNext: { fa: 'گام بعد', en: 'Next step' },
  processNone: { fa: 'ندارد', en: 'none' },
  processUnreported: { fa: 'گزارش‌نشده‌ها', en: 'Not reported' },
  processUnreportedIntro: {
    fa: 'شاخص‌ها و پروژه‌هایی که متولی آن‌ها تا موعد دوره گزارش نداده است.',
    en: 'The KPIs and projects whose owners have not reported by the period’s deadline.',
  },
  processNoneDue: { fa: 'هنوز موعد گزارشی نرسیده است.', en: 'No report is due yet.' },
  processAllReported: { fa: 'همه گزارش داده‌اند.', en: 'Everyone has reported.' },
  processItem: { fa: 'مورد', en: 'Item' },
  processPeriod: { fa: 'دوره', en: 'Period' },
  processKpi: { fa: 'شاخص', en: 'KPI' },
  processProject: { fa: 'پروژه', en: 'Project' },
  processNoCycle: { fa: 'هنوز دوره برنامه‌ریزی‌ای نیست.', en: 'There is no plan cycle yet.' },
  // Agency sign-offs (/me/agency; the planning office's list on /me/process; the public page)
  agencyPage: { fa: 'امضای سند راهبردی', en: 'Signing the strategic document' },
  agencyLink: { fa: 'امضای دستگاه', en: 'Agency sign-off' },
  agencyIntro: {
    fa: 'آنچه {agency} امضا می‌کند: راهبردهایی که در آن‌ها همکار است و تعهداتی که در برنامه پذیرفته است.',
    en: 'What {agency} signs: the strategies it partners in and the commitments it made in the plan.',
  },
  agencyCycle: { fa: 'دوره برنامه: {cycle}', en: 'Plan cycle: {cycle}' },
  agencySnapshot: {
    fa: 'نسخه در دست امضا: {label}، {status}',
    en: 'The version to sign: {label}, {status}',
  },
  agencyNoSnapshot: {
    fa: 'هنوز نسخه‌ای از برنامه شهر به شورا نرفته است؛ چیزی برای امضا نیست.',
    en: 'No version of the city plan has gone to the council yet: there is nothing to sign.',
  },
  agencyNotAgency: {
    fa: 'این صفحه از آنِ نمایندگان دستگاه‌های اجرایی است.',
    en: 'This page is for the representatives of executive agencies.',
  },
  agencyStrategies: { fa: 'راهبردهای همکاری', en: 'Strategies it partners in' },
  agencyNoStrategies: {
    fa: 'دستگاه در هیچ راهبردی همکار نام برده نشده است.',
    en: 'No strategy names the agency as a partner.',
  },
  agencyCommitments: { fa: 'تعهدات دستگاه', en: 'The agency’s commitments' },
  agencyNoCommitments: {
    fa: 'دستگاه در این برنامه تعهدی ندارد.',
    en: 'The agency has no commitment in this plan.',
  },
  colId: { fa: 'شناسه', en: 'ID' },
  colTitle: { fa: 'عنوان', en: 'Title' },
  colGoal: { fa: 'هدف', en: 'Goal' },
  colLinked: { fa: 'در خدمت', en: 'Serves' },
  colCommitment: { fa: 'تعهد', en: 'Commitment' },
  colYears: { fa: 'سال‌ها', en: 'Years' },
  colAmount: { fa: 'مبلغ (میلیارد ریال)', en: 'Amount (billion Rials)' },
  colAgency: { fa: 'دستگاه', en: 'Agency' },
  colPosition: { fa: 'موضع', en: 'Position' },
  colText: { fa: 'ملاحظات یا دلیل', en: 'Reservations or reason' },
  colDate: { fa: 'تاریخ', en: 'Date' },
  colVersion: { fa: 'نسخه', en: 'Version' },
  colState: { fa: 'وضعیت', en: 'State' },
  colSignedBy: { fa: 'امضاکننده', en: 'Signed by' },
  yearsFromTo: { fa: '{from} تا {to}', en: '{from} to {to}' },
  agencySign: { fa: 'امضا', en: 'Sign' },
  agencyPosition: { fa: 'موضع دستگاه', en: 'The agency’s position' },
  agencyChoose: { fa: 'موضع دستگاه را برگزینید.', en: 'Choose the agency’s position.' },
  agencySignButton: { fa: 'امضای سند…', en: 'Sign the document…' },
  agencyConfirmTitle: { fa: 'ثبت امضای دستگاه', en: 'Record the agency’s signature' },
  agencyConfirmBody: {
    fa: 'موضع «{position}» به نام {agency} بر {label} ثبت می‌شود. امضا پس از ثبت تغییر نمی‌کند؛ برای تغییر موضع دوباره امضا کنید.',
    en: 'The position “{position}” is recorded for {agency} on {label}. A signature does not change once recorded: to change the position, sign again.',
  },
  agencyConfirm: { fa: 'ثبت امضا', en: 'Record the signature' },
  agencySigned: { fa: 'امضا ثبت شد.', en: 'The signature is recorded.' },
  agencyHistory: { fa: 'امضاهای دستگاه', en: 'The agency’s signatures' },
  agencyNoSignatures: {
    fa: 'دستگاه هنوز سند راهبردی این دوره را امضا نکرده است.',
    en: 'The agency has not signed this cycle’s strategic document yet.',
  },
  agencyStaleNote: {
    fa: 'آخرین امضای دستگاه کهنه است: بازنگری برنامه، آنچه دستگاه امضا کرده بود را تغییر داده است. نسخه تازه را بخوانید و دوباره امضا کنید.',
    en: 'The agency’s latest signature is stale: a revision of the plan changed what it signed. Read the new version and sign again.',
  },
  signoffs: { fa: 'امضای دستگاه‌ها', en: 'Agency sign-offs' },
  signoffsIntro: {
    fa: 'آخرین امضای هر دستگاه اجرایی همکار بر سند راهبردی این دوره.',
    en: 'Each partner agency’s latest signature of this cycle’s strategic document.',
  },
  signoffOn: { fa: '{position}، {date}', en: '{position}, {date}' },
  signoffStale: {
    fa: 'امضای نسخه‌ای پیشین؛ آنچه امضا شد در این برنامه دیگر شده است',
    en: 'signed on an earlier version; what was signed differs in this plan',
  },
  // Owners who act: reminders (/me/process) and my notifications (/me/tokens)
  remind: { fa: 'یادآوری', en: 'Send a reminder' },
  remindAll: {
    fa: 'یادآوری به همه واحدهای گزارش‌نداده',
    en: 'Remind every department that has not reported',
  },
  remindTitle: { fa: 'یادآوری به {who}', en: 'Remind {who}' },
  remindAllWho: { fa: 'همه واحدهای گزارش‌نداده', en: 'every department that has not reported' },
  remindBody: {
    fa: 'به هر یک از کارکنان این واحدها یک اعلان در سامانه فرستاده می‌شود که موارد گزارش‌نشده دوره‌های سررسیده را نام می‌برد؛ اگر سامانه رایانامه می‌فرستد، همین یادآوری به نشانی رایانامه هر کس هم می‌رود.',
    en: 'Each person of these departments gets a notification in the register naming the items of the due periods not reported, and the same reminder by e-mail where the register sends e-mail.',
  },
  remindNote: { fa: 'یادداشت (اختیاری)', en: 'Note (optional)' },
  remindSend: { fa: 'فرستادن یادآوری', en: 'Send the reminder' },
  remindSent: {
    fa: 'یادآوری به {people} نفر در {departments} واحد درباره {items} مورد فرستاده شد.',
    en: 'Reminded {people} people in {departments} departments of {items} items.',
  },
  remindNobody: { fa: 'کسی برای یادآوری نبود.', en: 'There was nobody to remind.' },
  remindEmailed: {
    fa: '{sent} رایانامه از {addressed} فرستاده شد.',
    en: '{sent} of {addressed} e-mails sent.',
  },
  remindEmailFailed: {
    fa: 'رایانامه به این کسان نرسید: {names}',
    en: 'The e-mail did not reach: {names}',
  },
  processRemind: { fa: 'یادآوری', en: 'Reminder' },
  myNotifications: { fa: 'اعلان‌های من', en: 'My notifications' },
  notificationsUnread: { fa: '{n} اعلان خوانده‌نشده', en: '{n} unread' },
  noNotifications: { fa: 'اعلانی ندارید.', en: 'You have no notifications.' },
  reminderFrom: {
    fa: 'یادآوری از {sender} برای {department}، {date}',
    en: 'Reminder from {sender} to {department}, {date}',
  },
  reminderPeriods: {
    fa: 'گزارش دوره {periods} هنوز داده نشده است:',
    en: 'Not yet reported for {periods}:',
  },
  markRead: { fa: 'خواندم', en: 'Mark as read' },
  readOn: { fa: 'خوانده شد: {date}', en: 'Read {date}' },
  unreadBadge: { fa: 'خوانده‌نشده', en: 'Unread' },
  signedInAs: { fa: 'وارد شده: {name}', en: 'Signed in as {name}' },
  tokensIntro: {
    fa: 'کلید دسترسی، افزونه اکسل را به نام شما به سامانه وصل می‌کند. برای هر رایانه یک کلید بسازید و کلیدی را که دیگر به کار نمی‌برید باطل کنید.',
    en: 'An access token connects the Excel add-in to the register in your name. Create one per computer, and revoke a token you no longer use.',
  },
  tokenName: { fa: 'نام کلید', en: 'Token name' },
  tokenNameHint: { fa: 'مثلاً: رایانه دفتر', en: 'For example: office computer' },
  expiresInDays: { fa: 'اعتبار (روز)', en: 'Valid for (days)' },
  expiresInDaysHint: { fa: 'از ۱ تا ۳۶۶ روز', en: 'From 1 to 366 days' },
  createToken: { fa: 'ساخت کلید', en: 'Create token' },
  newToken: { fa: 'کلید تازه', en: 'New token' },
  tokenList: { fa: 'کلیدهای شما', en: 'Your tokens' },
  noTokens: { fa: 'هنوز کلیدی نساخته‌اید.', en: 'You have no token yet.' },
  prefix: { fa: 'آغاز کلید', en: 'Prefix' },
  created: { fa: 'ساخته‌شده', en: 'Created' },
  expires: { fa: 'پایان اعتبار', en: 'Expires' },
  never: { fa: 'بی‌پایان', en: 'Never' },
  revoked: { fa: 'باطل‌شده', en: 'Revoked' },
  revokedOn: { fa: 'باطل‌شده در {date}', en: 'Revoked on {date}' },
  active: { fa: 'فعال', en: 'Active' },
  expired: { fa: 'منقضی', en: 'Expired' },
  revoke: { fa: 'باطل کردن', en: 'Revoke' },
  revokeTitle: { fa: 'باطل کردن کلید «{name}»؟', en: 'Revoke the token “{name}”?' },
  revokeBody: {
    fa: 'افزونه‌ای که با این کلید وصل است دیگر به سامانه دسترسی نخواهد داشت. این کار بازگشت ندارد.',
    en: 'An add-in connected with this token will lose access to the register. This cannot be undone.',
  },
  cancel: { fa: 'انصراف', en: 'Cancel' },
  secretOnce: {
    fa: 'کلید «{name}» ساخته شد. آن را هم‌اکنون رونوشت کنید: دیگر نشان داده نخواهد شد.',
    en: 'The token “{name}” was created. Copy it now: it will not be shown again.',
  },
  secretLabel: { fa: 'کلید دسترسی', en: 'Access token' },
  copy: { fa: 'رونوشت', en: 'Copy' },
  copied: { fa: 'رونوشت شد', en: 'Copied' },
  pasteHow: {
    fa: 'در اکسل، در افزونه برنامه، زبانه «سامانه» را باز کنید، نشانی این سامانه ({server}) را در «نشانی سامانه» و این کلید را در «کلید دسترسی» بگذارید و «ورود» را بزنید.',
    en: 'In Excel, open the plan add-in’s “Sync” tab, put this register’s address ({server}) in “Register address” and this token in “Access token”, then press “Sign in”.',
  },
  done: { fa: 'بستن', en: 'Done' },
  toPlan: { fa: 'برنامه منتشرشده', en: 'The published plan' },
  unexpected: {
    fa: 'برنامه منتشرشده را نشد خواند: {message}',
    en: 'The published plan could not be read: {message}',
  },
} as const satisfies Record<string, Bilingual>;

/** A key of `STRINGS`. */
export type StringKey = keyof typeof STRINGS;

/** A string in a language with its `{name}` placeholders filled (numbers in the language's digits). */
export function t(
  lang: Language,
  key: StringKey,
  values: Record<string, string | number | bigint> = {},
): string {
  return fillPlaceholders(STRINGS[key][lang], values, lang);
}

/** A count in words: the `…One` string when `n` is 1, else `key` with `n` filled. */
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
