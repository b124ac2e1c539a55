/**
 * The glossary: the Persian and English term of each word of the plan's domain, kept as data
 * in one place. The pane, the command line, the register and the documents take their terms
 * from here (`term('scenario').fa`), `docs/glossary.md` is generated from it
 * (`npm run docs:glossary`), and a test refuses, in the project's Persian strings, the
 * variants each entry lists under `avoid` (so one thing keeps one name everywhere).
 */
import type { Bilingual } from '../findings';

/** One word of the domain. */
export interface GlossaryEntry {
  readonly key: string;
  /** The term in Persian and in English. */
  readonly fa: string;
  readonly en: string;
  /** What the term means, in a sentence, in both languages. */
  readonly definition: Bilingual;
  /**
   * Persian variants that must not be used for this meaning in the project's own text
   * (regular expressions matched against whole words).
   */
  readonly avoid?: readonly string[];
}

/** The parts of the glossary, in the order the document shows them. */
export const GLOSSARY_SECTIONS = [
  { key: 'chain', title: { fa: 'زنجیره برنامه', en: 'The plan chain' } },
  { key: 'money', title: { fa: 'منابع و بودجه', en: 'Resources and budget' } },
  { key: 'method', title: { fa: 'روش‌ها', en: 'Methods' } },
  { key: 'register', title: { fa: 'سامانه و گردش کار', en: 'The register and its workflow' } },
  { key: 'workbook', title: { fa: 'کارپوشه', en: 'The workbook' } },
] as const;

export type GlossarySection = (typeof GLOSSARY_SECTIONS)[number]['key'];

function entry(
  section: GlossarySection,
  key: string,
  fa: string,
  en: string,
  defFa: string,
  defEn: string,
  avoid?: readonly string[],
): GlossaryEntry & { readonly section: GlossarySection } {
  return {
    section,
    key,
    fa,
    en,
    definition: { fa: defFa, en: defEn },
    ...(avoid ? { avoid } : {}),
  };
}

export const GLOSSARY = [
  // The plan chain
  entry(
    'chain',
    'plan',
    'برنامه راهبردی-عملیاتی',
    'strategic-operational plan',
    'برنامه پنج‌ساله شهر و شهرداری، از اسناد فرادست تا بودجه سالانه.',
    "The city's and the municipality's five-year plan, from the upstream documents to the annual budget.",
  ),
  entry(
    'chain',
    'upstreamDocument',
    'سند فرادست',
    'upstream document',
    'طرح جامع، تفصیلی یا هادی و سند‌های ملی و استانی که برنامه باید با آن‌ها هم‌خوان باشد.',
    'A master, comprehensive, detailed or guide plan, or a national or provincial document the plan must agree with.',
  ),
  entry(
    'chain',
    'directive',
    'راهبرد سند فرادست',
    'directive',
    'حکمی از یک سند فرادست که هدف‌های شهر به آن ارجاع می‌دهند.',
    "A provision of an upstream document that the city's goals refer to.",
  ),
  entry(
    'chain',
    'swot',
    'عوامل محیطی',
    'environment factors (SWOT)',
    'قوت‌ها، ضعف‌ها، فرصت‌ها و تهدیدهای شهر که راهبردها از آن‌ها برمی‌آیند.',
    "The city's strengths, weaknesses, opportunities and threats, from which strategies are drawn.",
  ),
  entry(
    'chain',
    'goal',
    'هدف کلان',
    'goal',
    'آنچه شهر در پایان دوره برنامه می‌خواهد به آن رسیده باشد.',
    'What the city means to have reached by the end of the plan period.',
  ),
  entry(
    'chain',
    'strategy',
    'راهبرد',
    'strategy',
    'راه رسیدن به یک هدف کلان، با نقش شهرداری در آن.',
    "A way to reach a goal, with the municipality's role in it.",
  ),
  entry(
    'chain',
    'municipalRole',
    'نقش شهرداری',
    "municipality's role",
    'متولی، مشارکت، تسهیل‌گر یا مطالبه‌گر: سهم شهرداری در یک راهبرد.',
    "Lead, partner, facilitator or advocate: the municipality's part in a strategy.",
  ),
  entry(
    'chain',
    'program',
    'برنامه',
    'program',
    'مجموعه‌ای از طرح‌ها، پروژه‌ها و فعالیت‌ها در خدمت یک راهبرد.',
    'A set of schemes, projects and activities that serves a strategy.',
  ),
  entry(
    'chain',
    'scheme',
    'طرح',
    'scheme',
    'بخشی از یک برنامه که پروژه‌ها و فعالیت‌های هم‌هدف را گرد می‌آورد.',
    'A part of a program that groups projects and activities with one purpose.',
  ),
  entry(
    'chain',
    'capitalProject',
    'پروژه تملک دارایی سرمایه‌ای',
    'capital project',
    'کاری با آغاز و پایان که دارایی می‌سازد و هزینه هر سال برنامه‌اش معلوم است.',
    'Work with a start and an end that builds an asset, with its cost in each plan year.',
  ),
  entry(
    'chain',
    'activity',
    'فعالیت مستمر',
    'continuous activity',
    'کار جاری و تکرارشونده شهرداری، مانند نگهداری و خدمات.',
    "The municipality's recurring work, such as maintenance and services.",
  ),
  entry(
    'chain',
    'kpi',
    'شاخص عملکرد',
    'key performance indicator',
    'سنجه‌ای با مبنا، هدف و زمان که پیشرفت یک هدف یا پروژه را نشان می‌دهد.',
    'A measure with a baseline, a target and a date that shows the progress of a goal or a project.',
  ),
  entry(
    'chain',
    'department',
    'واحد',
    'department',
    'معاونت، منطقه، سازمان یا شرکت شهرداری که بخشی از برنامه را تهیه و اجرا می‌کند.',
    'A deputy, district, organisation or company of the municipality that prepares and carries out part of the plan.',
  ),
  entry(
    'chain',
    'stakeholder',
    'ذی‌نفع',
    'stakeholder',
    'شورا، دستگاه اجرایی، سازمان مردم‌نهاد، بخش خصوصی، خبره یا گروه شهروندی که در توافق برنامه سهم دارد.',
    'The council, an executive agency, an NGO, the private sector, an expert or a citizen group with a part in the agreement.',
  ),
  // Resources and budget
  entry(
    'money',
    'budgetLine',
    'ردیف بودجه',
    'budget line',
    'یک ردیف بودجه سالانه شهرداری در ساختار خود بودجه، با منبع تأمین اعتبارش.',
    "A line of the municipality's annual budget in the budget's own structure, with its funding source.",
  ),
  entry(
    'money',
    'fundingSource',
    'منبع تأمین اعتبار',
    'funding source',
    'منبعی که هزینه یک پروژه یا فعالیت از آن پرداخت می‌شود.',
    'Where the money for a project or an activity comes from.',
    ['منبع تامین'],
  ),
  entry(
    'money',
    'revenue',
    'درآمد',
    'revenue',
    'منابع شهرداری در هر سال: عوارض، بهای خدمات، درآمد اموال، کمک‌ها و سایر منابع.',
    "The municipality's resources in a year: duties, service fees, returns on assets, grants and other resources.",
  ),
  entry(
    'money',
    'revenueForecast',
    'پیش‌بینی درآمد',
    'revenue forecast',
    'درآمد سال‌های برنامه که از سابقه درآمد و سناریو برآورد می‌شود.',
    'The revenue of the plan years, estimated from the revenue history under a scenario.',
  ),
  entry(
    'money',
    'scenario',
    'سناریو',
    'scenario',
    'فرضی درباره آینده (پایه، خوش‌بینانه، بدبینانه) که پیش‌بینی درآمد بر آن استوار است.',
    'An assumption about the future (base, optimistic, pessimistic) on which a revenue forecast rests.',
  ),
  entry(
    'money',
    'capitalBudget',
    'بودجه عمرانی',
    'capital budget',
    'آنچه از درآمد پیش‌بینی‌شده هر سال پس از هزینه‌های جاری برنامه‌ریزی‌شده برای پروژه‌ها می‌ماند.',
    "What remains of a year's forecast revenue after the planned current spending, for capital projects.",
  ),
  entry(
    'money',
    'currentSpending',
    'هزینه جاری',
    'current spending',
    'هزینه فعالیت‌های مستمر و اداره شهرداری در یک سال.',
    'The cost of continuous activities and of running the municipality in a year.',
  ),
  entry(
    'money',
    'fiscalBalance',
    'تراز مالی',
    'fiscal balance',
    'درآمد هر سال منهای هزینه‌های برنامه در همان سال؛ منفی آن کسری است.',
    'A year’s revenue less the plan’s spending in that year; when negative, a deficit.',
  ),
  entry(
    'money',
    'operatingBalance',
    'تراز عملیاتی',
    'operating balance',
    'درآمد هر سال منهای هزینه جاری همان سال؛ منفی آن یعنی هزینه جاری از فروش دارایی یا وام پرداخت می‌شود.',
    'A year’s revenue less its current spending; when negative, current spending is paid from asset sales or borrowing.',
  ),
  entry(
    'money',
    'capitalBalance',
    'تراز سرمایه‌ای',
    'capital balance',
    'واگذاری دارایی‌های سرمایه‌ای هر سال منهای هزینه پروژه‌های تملک دارایی سرمایه‌ای همان سال.',
    'A year’s disposal of capital assets less its capital projects’ costs.',
  ),
  entry(
    'money',
    'financialBalance',
    'تراز دارایی‌های مالی',
    'financial balance',
    'واگذاری دارایی‌های مالی هر سال (وام، اوراق) منهای تملک دارایی‌های مالی همان سال (بازپرداخت‌ها).',
    'A year’s disposal of financial assets (loans, bonds) less its acquisition of financial assets (repayments).',
  ),
  entry(
    'money',
    'cashPosition',
    'موجودی نقد',
    'cash position',
    'موجودی ابتدای دوره به‌اضافه تراز مالی سال‌های برنامه تا پایان هر سال.',
    'The opening balance plus the fiscal balances of the plan years up to the end of each year.',
  ),
  entry(
    'money',
    'rial',
    'ریال',
    'Rial',
    'یکای پول؛ همه مبلغ‌ها در سامانه به ریال درست نگه داشته می‌شوند.',
    'The unit of money; the register keeps every amount in whole Rials.',
  ),
  // Methods
  entry(
    'method',
    'prioritisation',
    'اولویت‌بندی',
    'prioritisation',
    'امتیازدادن به پروژه‌ها با معیارهای وزن‌دار و رتبه‌بندی آن‌ها.',
    'Scoring projects against weighted criteria and ranking them.',
  ),
  entry(
    'method',
    'criterion',
    'معیار',
    'criterion',
    'سنجه‌ای که پروژه‌ها با آن امتیاز می‌گیرند، با وزن و جهت (فایده یا هزینه).',
    'A measure projects are scored on, with a weight and a direction (benefit or cost).',
  ),
  entry(
    'method',
    'ahp',
    'تحلیل سلسله‌مراتبی',
    'analytic hierarchy process (AHP)',
    'وزن‌دادن به معیارها با مقایسه زوجی آن‌ها.',
    'Weighting criteria by comparing them in pairs.',
  ),
  entry(
    'method',
    'consistencyRatio',
    'نسبت سازگاری',
    'consistency ratio',
    'اندازه ناسازگاری مقایسه‌های زوجی؛ بیش از یک‌دهم یعنی قضاوت‌ها را باید بازنگری کرد.',
    'How inconsistent the pairwise comparisons are; above one tenth the judgements should be revised.',
  ),
  entry(
    'method',
    'portfolio',
    'سبد پروژه‌ها',
    'project portfolio',
    'پروژه‌هایی که در سقف بودجه هر سال با بیشترین امتیاز برگزیده می‌شوند.',
    "The projects chosen, within each year's budget, for the highest total score.",
  ),
  entry(
    'method',
    'rankAndFill',
    'گزینش به ترتیب رتبه',
    'rank and fill',
    'برگزیدن پروژه‌ها از بالاترین رتبه به پایین، هر کدام که هنوز در بودجه هر سال جا شود.',
    "Choosing projects from the highest rank down, each one that still fits each year's budget.",
    ['پرکردن'],
  ),
  entry(
    'method',
    'monteCarlo',
    'شبیه‌سازی مونت‌کارلو',
    'Monte Carlo simulation',
    'برآورد بازه درآمد با تکرار بسیار پیش‌بینی با نوسان تصادفی.',
    'Estimating the range of revenue by repeating the forecast many times with random variation.',
  ),
  entry(
    'method',
    'coverage',
    'پوشش زنجیره',
    'chain coverage',
    'اینکه هر هدف راهبرد، هر راهبرد برنامه و هر برنامه پروژه یا فعالیتی داشته باشد.',
    'Whether every goal has a strategy, every strategy a program and every program a project or activity.',
  ),
  // The register and its workflow
  entry(
    'register',
    'register',
    'سامانه ثبت برنامه',
    'Plan Register',
    'سامانه‌ای که هر نسخه برنامه، تصویب‌ها، برنامه یکپارچه شهر و پایش آن را نگه می‌دارد.',
    "The system that keeps every version of the plan, its approvals, the city's consolidated plan and its monitoring.",
    ['دفتر برنامه'],
  ),
  entry(
    'register',
    'cycle',
    'دوره برنامه‌ریزی',
    'planning cycle',
    'یک دور تهیه برنامه برای سال‌های برنامه، با چارچوب شهر و برنامه هر واحد.',
    "One round of preparing the plan for its years, with the city's framework and each department's plan.",
  ),
  entry(
    'register',
    'consultation',
    'رایزنی',
    'consultation',
    'دوره‌ای که واحد برنامه‌ریزی بر برنامه یکپارچه شهر می‌گشاید تا دستگاه‌های اجرایی و ذی‌نفعان نظر، پیشنهاد تغییر، موافقت یا مخالفت خود را ثبت کنند.',
    'A period the planning department opens on the city plan in which the executive agencies and stakeholders comment, propose changes, endorse or object.',
  ),
  entry(
    'register',
    'proposal',
    'پیشنهاد تغییر',
    'proposal',
    'پیشنهادی برای تغییر یک هدف، راهبرد، برنامه یا پروژه که واحد برنامه‌ریزی به آن پاسخ می‌دهد: پذیرفته و پیوندخورده به نسخه‌ای که در آن آمد، نپذیرفته با دلیل، یا ادغام‌شده در پیشنهادی دیگر.',
    'A proposed change to a goal, strategy, program or project, which the planning department answers: accepted and linked to the snapshot where it landed, rejected with a reason, or merged into another.',
  ),
  entry(
    'register',
    'submission',
    'برنامه واحد',
    'submission',
    'برنامه یک واحد در یک دوره، با همه نسخه‌ها و گردش کارش.',
    "A department's plan in a cycle, with all its versions and its workflow.",
  ),
  entry(
    'register',
    'version',
    'نسخه',
    'version',
    'هر بار که کارپوشه‌ای فرستاده می‌شود نسخه تازه‌ای ساخته می‌شود؛ نسخه‌ها هرگز تغییر نمی‌کنند.',
    'Every push of a workbook makes a new version; versions never change.',
  ),
  entry(
    'register',
    'push',
    'فرستادن',
    'push',
    'فرستادن کارپوشه به سامانه که نسخه تازه‌ای می‌سازد.',
    'Sending a workbook to the register, which makes a new version.',
  ),
  entry(
    'register',
    'review',
    'بازبینی',
    'review',
    'بررسی برنامه فرستاده‌شده از سوی بازبین، پیش از تصویب.',
    'The reviewer’s check of a submitted plan, before approval.',
  ),
  entry(
    'register',
    'approval',
    'تصویب',
    'approval',
    'پذیرش نهایی نسخه‌ای از برنامه؛ تنها نسخه‌های تصویب‌شده در برنامه یکپارچه شهر می‌آیند.',
    "The final acceptance of a version; only approved versions enter the city's consolidated plan.",
  ),
  entry(
    'register',
    'consolidation',
    'برنامه یکپارچه شهر',
    'consolidated city plan',
    'جمع برنامه‌های تصویب‌شده همه واحدها بر پایه چارچوب شهر.',
    "The sum of every department's approved plan on the city's framework.",
    ['تلفیق'],
  ),
  entry(
    'register',
    'framework',
    'چارچوب شهر',
    'city framework',
    'داده‌های مرجع دوره: اسناد، هدف‌ها، راهبردها، برنامه‌ها، منابع و معیارها، که واحد برنامه‌ریزی تهیه می‌کند.',
    "The cycle's reference data (documents, goals, strategies, programs, sources, criteria), prepared by the planning department.",
  ),
  entry(
    'register',
    'auditLog',
    'دفتر رویدادها',
    'audit log',
    'زنجیره‌ای از همه تغییرها که هر حلقه‌اش به حلقه پیشین بسته است و دست‌بردن در آن آشکار می‌شود.',
    'A chain of every change, each link bound to the one before, so that tampering shows.',
  ),
  entry(
    'register',
    'council',
    'شورای شهر',
    'city council',
    'شورای اسلامی شهر که برنامه و بودجه را تصویب می‌کند و اجرای آن را پایش می‌کند.',
    'The city council, which approves the plan and the budget and follows their execution.',
  ),
  // The workbook
  entry(
    'workbook',
    'workbook',
    'کارپوشه',
    'workbook',
    'پرونده اکسلی که جدول‌های برنامه در آن است.',
    'The Excel file that holds the plan tables.',
    ['کاربرگ'],
  ),
  entry(
    'workbook',
    'sheet',
    'برگه',
    'sheet',
    'یکی از برگه‌های کارپوشه؛ هر برگه می‌تواند یک یا چند جدول داشته باشد.',
    'One sheet of a workbook; a sheet may hold one table or more.',
  ),
  entry(
    'workbook',
    'table',
    'جدول',
    'table',
    'جدول اکسل با نام ثابت (مانند جدول پروژه‌ها) که سامانه داده برنامه را از آن می‌خواند.',
    'An Excel table with a fixed name (such as the projects table) from which the register reads the plan.',
  ),
  entry(
    'workbook',
    'template',
    'الگو',
    'template',
    'کارپوشه خالی با همه جدول‌های برنامه و راهنمای آن‌ها.',
    'An empty workbook with every plan table and its guide.',
  ),
  entry(
    'workbook',
    'finding',
    'یافته',
    'finding',
    'خطا یا هشداری که بررسی کارپوشه با جای دقیقش (جدول، ردیف، ستون) گزارش می‌کند.',
    'An error or a warning the check reports with its place (table, row, column).',
  ),
  entry(
    'workbook',
    'sample',
    'شهر نمونه',
    'sample city',
    'برنامه کامل یک شهر میانه برای تمرین و آموختن روش.',
    'The complete plan of a mid-sized city, for practice and for learning the method.',
  ),
  entry(
    'register',
    'practiceMunicipality',
    'شهرداری تمرینی',
    'practice municipality',
    'شهرداری جداگانه‌ای در سامانه با برنامه شهر نمونه، که کارکنان یک شهرداری همه گام‌ها را در آن می‌آزمایند بی‌آنکه به برنامه واقعی دست بزنند؛ مدیر سامانه آن را از نو می‌سازد و هر صفحه و سند آن «تمرینی» نشان دارد.',
    "A separate municipality in the register holding the sample city's plan, where a municipality's staff try every step without touching the real plan; its administrator resets it, and every page and document of it is marked practice.",
  ),
] as const;

export type GlossaryKey = (typeof GLOSSARY)[number]['key'];

const BY_KEY = new Map<string, GlossaryEntry>(GLOSSARY.map((e) => [e.key, e]));

/** The mark on every document page of a practice municipality (beside the draft mark). */
export const PRACTICE_MARK: Bilingual = { fa: 'تمرینی', en: 'Practice' };

/** The banner on every page of a practice municipality, web and pane. */
export const PRACTICE_BANNER: Bilingual = {
  fa: `${PRACTICE_MARK.fa} — این برنامه واقعی نیست`,
  en: `${PRACTICE_MARK.en} — this is not the real plan`,
};

/** The code of a municipality's practice municipality (issue 20): `mashhad-practice`. */
export function practiceTenantId(tenantId: string): string {
  return `${tenantId}${PRACTICE_SUFFIX}`;
}

/** The ending of every practice municipality's code. */
export const PRACTICE_SUFFIX = '-practice';

/** Whether a municipality code names a practice municipality (as a person types it). */
export function isPracticeCode(code: string): boolean {
  const c = code.trim().toLowerCase();
  return c.length > PRACTICE_SUFFIX.length && c.endsWith(PRACTICE_SUFFIX);
}

/** The term for a key, in both languages. */
export function term(key: GlossaryKey): Bilingual {
  const found = BY_KEY.get(key);
  if (!found) throw new Error(`no glossary term ${key}`);
  return { fa: found.fa, en: found.en };
}
