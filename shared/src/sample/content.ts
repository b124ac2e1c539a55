/**
 * The words of the sample plan: a fictional mid-sized Iranian city ("شهر
 * نمونه", about 500,000 people) and its municipality. Titles follow the
 * wording of Iranian five-year municipal plans and annual budgets; amounts
 * are not here (see `amounts.ts`), only relative sizes.
 */
import type {
  ActivityKind,
  DepartmentKind,
  DocLevel,
  DocType,
  FundingNature,
  KpiDirection,
  KpiFrequency,
  MunicipalRole,
  Perspective,
  ProjectStatus,
  RevenueClass,
  StakeholderType,
  SwotKind,
  SwotType,
} from '../contract/enums';

/** The city's name: fictional, so that no real city's figures are implied. */
export const CITY = 'شهر نمونه';
/** The municipality's name. */
export const MUNICIPALITY = 'شهرداری شهر نمونه';
/** The plan's title. */
export const PLAN_TITLE = 'برنامه پنج‌ساله راهبردی-عملیاتی شهر نمونه (۱۴۰۵–۱۴۰۹)';
/** The plan's vision statement (tblPlanInfo `Vision`, printed in the plan book). */
export const VISION =
  'شهری پاک، ایمن و روان با خدمات برابر در همه محله‌ها و شهرداری‌ای پاسخ‌گو و متکی به درآمدهای پایدار';
/** Who signs the council bill (tblPlanInfo `Signatory`, `SignatoryTitle`): a made-up name. */
export const SIGNATORY = 'علی نمونه';
export const SIGNATORY_TITLE = 'شهردار شهر نمونه';

/** Deputies, districts, organisations and a company: ID, name, kind. */
export const DEPARTMENTS: ReadonlyArray<readonly [string, string, DepartmentKind]> = [
  ['D-SRV', 'معاونت خدمات شهری', 'deputy'],
  ['D-TRF', 'معاونت حمل‌ونقل و ترافیک', 'deputy'],
  ['D-CIV', 'معاونت فنی و عمرانی', 'deputy'],
  ['D-URB', 'معاونت شهرسازی و معماری', 'deputy'],
  ['D-FIN', 'معاونت مالی و اقتصادی', 'deputy'],
  ['D-SOC', 'معاونت فرهنگی و اجتماعی', 'deputy'],
  ['D-PLN', 'معاونت برنامه‌ریزی و توسعه سرمایه انسانی', 'deputy'],
  ['R1', 'منطقه ۱', 'district'],
  ['R2', 'منطقه ۲', 'district'],
  ['R3', 'منطقه ۳', 'district'],
  ['R4', 'منطقه ۴', 'district'],
  ['O-FIRE', 'سازمان آتش‌نشانی و خدمات ایمنی', 'organization'],
  ['O-PARK', 'سازمان پارک‌ها و فضای سبز', 'organization'],
  ['O-BUS', 'سازمان مدیریت حمل‌ونقل مسافر (اتوبوس‌رانی)', 'organization'],
  ['O-WASTE', 'سازمان مدیریت پسماند', 'organization'],
  ['C-ICT', 'شرکت فناوری اطلاعات و ارتباطات شهرداری', 'company'],
];

/** The department that files the city's own budget lines (a loan's principal links no item). */
export const FINANCE_DEPT = 'D-FIN';

/** Upstream documents: ID, title, level, type, approval date (Jalali), approving body. */
export const UPSTREAM_DOCS: ReadonlyArray<
  readonly [string, string, DocLevel, DocType, string, string]
> = [
  ['DOC1', 'قانون برنامه پنج‌ساله هفتم پیشرفت', 'national', 'other', '۱۴۰۳', 'مجلس شورای اسلامی'],
  [
    'DOC2',
    'سند آمایش و توسعه استان',
    'provincial',
    'sectoral',
    '۱۴۰۱',
    'شورای برنامه‌ریزی و توسعه استان',
  ],
  [
    'DOC3',
    'طرح جامع شهر نمونه',
    'city',
    'master',
    '۱۳۹۸/۰۶/۱۲',
    'شورای عالی شهرسازی و معماری ایران',
  ],
  ['DOC4', 'طرح تفصیلی شهر نمونه', 'city', 'detailed', '۱۴۰۰/۰۳/۲۰', 'کمیسیون ماده ۵ استان'],
  [
    'DOC5',
    'طرح جامع حمل‌ونقل و ترافیک شهر',
    'city',
    'sectoral',
    '۱۴۰۱/۰۹/۱۵',
    'شورای عالی هماهنگی ترافیک شهرهای استان',
  ],
  [
    'DOC6',
    'سند کاهش خطرپذیری و مدیریت بحران شهر',
    'city',
    'sectoral',
    '۱۴۰۲/۱۱/۰۸',
    'شورای اسلامی شهر',
  ],
];

/** Directives of the upstream documents: ID, document, text, sector. */
export const DIRECTIVES: ReadonlyArray<readonly [string, string, string, string]> = [
  ['DR01', 'DOC1', 'افزایش سهم حمل‌ونقل همگانی در سفرهای درون‌شهری', 'حمل‌ونقل'],
  ['DR02', 'DOC1', 'پایدارسازی درآمد شهرداری‌ها و کاهش اتکا به فروش تراکم', 'مالی'],
  ['DR03', 'DOC1', 'توسعه دولت و شهر هوشمند و خدمات الکترونیک', 'فناوری'],
  ['DR04', 'DOC2', 'کاهش آلودگی و مدیریت یکپارچه پسماند در شهرهای استان', 'محیط زیست'],
  ['DR05', 'DOC2', 'توسعه متوازن و رفع محرومیت از سکونتگاه‌های کم‌برخوردار', 'اجتماعی'],
  ['DR06', 'DOC3', 'دستیابی به سرانه فضای سبز مصوب طرح جامع', 'فضای سبز'],
  ['DR07', 'DOC3', 'بازآفرینی بافت‌های فرسوده و تاریخی مرکز شهر', 'شهرسازی'],
  ['DR08', 'DOC3', 'تکمیل شبکه معابر شریانی و کمربندی‌ها', 'حمل‌ونقل'],
  ['DR09', 'DOC4', 'تأمین خدمات محله‌ای (فرهنگی، ورزشی، سرای محله) در هر محله', 'اجتماعی'],
  ['DR10', 'DOC4', 'ساماندهی سیما و منظر محورهای تاریخی و ورودی‌ها', 'شهرسازی'],
  ['DR11', 'DOC5', 'احداث خطوط اتوبوس تندرو و نوسازی ناوگان', 'حمل‌ونقل'],
  ['DR12', 'DOC5', 'ایمن‌سازی تقاطع‌ها و توسعه پیاده‌راه‌ها', 'حمل‌ونقل'],
  ['DR13', 'DOC6', 'کاهش زمان پاسخ به حوادث و توسعه ایستگاه‌های آتش‌نشانی', 'ایمنی'],
  ['DR14', 'DOC6', 'مهار سیلاب و هدایت آب‌های سطحی', 'ایمنی'],
];

/** SWOT factors; weights are in hundredths so that each side sums to exactly 100. */
export const SWOT: ReadonlyArray<readonly [string, SwotKind, string, number, number]> = [
  ['SW01', 'S', 'موقعیت ارتباطی و ترانزیتی ممتاز شهر در استان', 12, 4],
  ['SW02', 'S', 'وجود طرح‌های جامع و تفصیلی مصوب و به‌روز', 10, 3],
  ['SW03', 'S', 'املاک و دارایی‌های قابل مولدسازی شهرداری', 8, 3],
  ['SW04', 'S', 'نیروی انسانی جوان و تحصیل‌کرده در شهرداری', 7, 3],
  ['SW05', 'S', 'تجربه موفق اجرای پروژه‌های مشارکتی', 6, 3],
  ['SW06', 'W', 'اتکای زیاد درآمد به عوارض ساخت‌وساز', 14, 1],
  ['SW07', 'W', 'سهم بالای هزینه‌های پرسنلی از بودجه جاری', 12, 1],
  ['SW08', 'W', 'پروژه‌های نیمه‌تمام و پراکندگی اعتبارات عمرانی', 11, 2],
  ['SW09', 'W', 'کمبود فضای سبز و خدمات محله‌ای در مناطق ۳ و ۴', 10, 2],
  ['SW10', 'W', 'ناکافی بودن سامانه‌های الکترونیک و داده‌های یکپارچه', 10, 2],
  ['SO01', 'O', 'تأکید قانون برنامه هفتم بر حمل‌ونقل همگانی و منابع ملی آن', 14, 3],
  ['SO02', 'O', 'امکان انتشار اوراق مشارکت و جذب سرمایه‌گذار بخش خصوصی', 12, 3],
  ['SO03', 'O', 'مشارکت فعال شورایاران و نهادهای مدنی', 10, 2],
  ['SO04', 'O', 'گسترش فناوری‌های هوشمند و خدمات دولت الکترونیک', 8, 3],
  ['SO05', 'O', 'جاذبه‌های تاریخی و گردشگری مرکز شهر', 6, 2],
  ['ST01', 'T', 'تورم بالا و افزایش بهای تمام‌شده پروژه‌ها', 15, 2],
  ['ST02', 'T', 'رکود بازار مسکن و کاهش درآمد عوارض پروانه', 12, 2],
  ['ST03', 'T', 'خطر سیلاب و زلزله در بخش‌هایی از شهر', 10, 3],
  ['ST04', 'T', 'مهاجرت به حاشیه شهر و گسترش سکونتگاه‌های غیررسمی', 8, 2],
  ['ST05', 'T', 'کم‌آبی و محدودیت آبیاری فضای سبز', 5, 2],
];

/** Macro goals: ID, title, balanced-scorecard perspective, description. */
export const GOALS: ReadonlyArray<readonly [string, string, Perspective, string]> = [
  [
    'G1',
    'شهر سبز، پاک و تاب‌آور',
    'citizen',
    'افزایش سرانه فضای سبز، مدیریت یکپارچه پسماند و آمادگی در برابر حوادث',
  ],
  [
    'G2',
    'جابه‌جایی روان، ایمن و پایدار',
    'citizen',
    'افزایش سهم حمل‌ونقل همگانی و کاهش تصادفات و تراکم ترافیک',
  ],
  [
    'G3',
    'درآمد پایدار و انضباط مالی شهرداری',
    'financial',
    'کاهش اتکا به عوارض ساخت‌وساز، وصول مطالبات و مولدسازی دارایی‌ها',
  ],
  [
    'G4',
    'توسعه متوازن و بازآفرینی شهری',
    'process',
    'نوسازی بافت‌های فرسوده و تأمین خدمات محلات کم‌برخوردار',
  ],
  ['G5', 'شهرداری هوشمند و شفاف', 'process', 'خدمات الکترونیک، مدیریت یکپارچه شهری و شفافیت مالی'],
  [
    'G6',
    'سرمایه انسانی توانمند و مشارکت شهروندان',
    'capacity',
    'آموزش کارکنان و گسترش مشارکت اجتماعی در اداره شهر',
  ],
];

/** Strategies: ID, goal, title, SWOT type, municipal role, directives, owner. */
export const STRATEGIES: ReadonlyArray<
  readonly [string, string, string, SwotType, MunicipalRole, string, string]
> = [
  ['S1.1', 'G1', 'توسعه و نگهداری فضای سبز و بوستان‌های محله‌ای', 'SO', 'lead', 'DR06', 'O-PARK'],
  ['S1.2', 'G1', 'مدیریت یکپارچه پسماند و توسعه بازیافت', 'WO', 'lead', 'DR04', 'O-WASTE'],
  ['S1.3', 'G1', 'افزایش آمادگی در برابر حوادث و بحران', 'ST', 'lead', 'DR13، DR14', 'O-FIRE'],
  ['S2.1', 'G2', 'توسعه حمل‌ونقل همگانی و پاک', 'SO', 'lead', 'DR01، DR11', 'D-TRF'],
  ['S2.2', 'G2', 'تکمیل و بهسازی شبکه معابر و تقاطع‌ها', 'WO', 'lead', 'DR08', 'D-CIV'],
  ['S2.3', 'G2', 'ایمنی تردد و پیاده‌مداری', 'WT', 'lead', 'DR12', 'D-TRF'],
  ['S3.1', 'G3', 'پایدارسازی درآمدها و وصول مطالبات', 'WO', 'lead', 'DR02', 'D-FIN'],
  ['S3.2', 'G3', 'مولدسازی دارایی‌ها و جذب سرمایه‌گذاری', 'SO', 'lead', 'DR02', 'D-FIN'],
  ['S4.1', 'G4', 'بازآفرینی بافت‌های فرسوده و تاریخی', 'WO', 'facilitator', 'DR07', 'D-URB'],
  ['S4.2', 'G4', 'زیرساخت و خدمات محلات کم‌برخوردار', 'ST', 'lead', 'DR05، DR09، DR14', 'D-SRV'],
  ['S4.3', 'G4', 'ساماندهی سیما و منظر شهری', 'SO', 'lead', 'DR10', 'D-URB'],
  ['S5.1', 'G5', 'توسعه خدمات الکترونیک و شهر هوشمند', 'SO', 'lead', 'DR03', 'C-ICT'],
  ['S5.2', 'G5', 'بهبود فرایندها، پاسخ‌گویی و شفافیت', 'WT', 'lead', 'DR02', 'D-PLN'],
  ['S6.1', 'G6', 'توانمندسازی و بهره‌وری کارکنان', 'WO', 'lead', '', 'D-PLN'],
  ['S6.2', 'G6', 'گسترش مشارکت شهروندان و نهادهای مدنی', 'ST', 'facilitator', 'DR09', 'D-SOC'],
];

/**
 * v2: the executive agencies that share a strategy (tblStrategies.PartnerIds): the water and
 * power companies in the intersections they move their networks for, the traffic police in
 * road safety, the water company and education in the underserved neighbourhoods (surface
 * water, school yards opened to residents), after the commitments below.
 */
export const STRATEGY_PARTNERS: Readonly<Record<string, string>> = {
  'S2.2': 'SH13، SH14',
  'S2.3': 'SH15',
  'S4.2': 'SH13، SH16',
};

/** Programs: ID, strategy, title, owner. */
export const PROGRAMS: ReadonlyArray<readonly [string, string, string, string]> = [
  ['PG01', 'S1.1', 'احداث بوستان‌های محله‌ای و کمربند سبز', 'O-PARK'],
  ['PG02', 'S1.1', 'نگهداری فضای سبز موجود', 'O-PARK'],
  ['PG03', 'S1.2', 'جمع‌آوری و حمل بهداشتی پسماند', 'O-WASTE'],
  ['PG04', 'S1.2', 'پردازش، بازیافت و دفع بهداشتی پسماند', 'O-WASTE'],
  ['PG05', 'S1.3', 'توسعه ایستگاه‌ها و تجهیزات آتش‌نشانی', 'O-FIRE'],
  ['PG06', 'S2.1', 'توسعه و نوسازی ناوگان و خطوط اتوبوس', 'O-BUS'],
  ['PG07', 'S2.1', 'توسعه حمل‌ونقل پاک و دوچرخه', 'D-TRF'],
  ['PG08', 'S2.2', 'احداث و تعریض معابر و تقاطع‌های غیرهمسطح', 'D-CIV'],
  ['PG09', 'S2.2', 'نگهداری و بهسازی روسازی معابر', 'D-CIV'],
  ['PG10', 'S2.3', 'ایمن‌سازی تقاطع‌ها و توسعه پیاده‌راه‌ها', 'D-TRF'],
  ['PG11', 'S3.1', 'بهبود وصول عوارض و مطالبات', 'D-FIN'],
  ['PG12', 'S3.2', 'مولدسازی املاک و مشارکت با بخش خصوصی', 'D-FIN'],
  ['PG13', 'S4.1', 'بازآفرینی محله‌های هدف', 'D-URB'],
  ['PG14', 'S4.2', 'خدمات و زیرساخت محلات کم‌برخوردار', 'D-SRV'],
  ['PG15', 'S4.2', 'جمع‌آوری و هدایت آب‌های سطحی', 'D-CIV'],
  ['PG16', 'S4.3', 'بهسازی جداره‌ها و مبلمان شهری', 'D-URB'],
  ['PG17', 'S4.3', 'ساماندهی میادین و ورودی‌های شهر', 'D-URB'],
  ['PG18', 'S5.1', 'توسعه خدمات الکترونیک شهروندی', 'C-ICT'],
  ['PG19', 'S5.1', 'زیرساخت شهر هوشمند', 'C-ICT'],
  ['PG20', 'S5.2', 'شفافیت، بودجه‌ریزی عملیاتی و پاسخ‌گویی', 'D-PLN'],
  ['PG21', 'S6.1', 'آموزش و توانمندسازی کارکنان', 'D-PLN'],
  ['PG22', 'S6.1', 'اداره و پشتیبانی سازمان', 'D-PLN'],
  ['PG23', 'S6.2', 'سراهای محله و مشارکت شهروندی', 'D-SOC'],
  ['PG24', 'S6.2', 'برنامه‌های فرهنگی و اجتماعی', 'D-SOC'],
  ['PG25', 'S2.1', 'پایانه‌ها و پارکینگ‌های عمومی', 'D-TRF'],
];

/** A source of funds and the revenue class that feeds it. */
export const SOURCES: ReadonlyArray<readonly [string, string, RevenueClass, boolean]> = [
  ['SRC-GEN', 'عوارض عمومی (ساختمانی، نوسازی و کسب)', 'general-duties', false],
  ['SRC-DED', 'عوارض اختصاصی (حمل‌ونقل و ترافیک)', 'dedicated-duties', true],
  ['SRC-FEE', 'بهای خدمات (پسماند، اتوبوس، پارکینگ)', 'service-fees', false],
  ['SRC-AST', 'درآمد اجاره و بهره‌برداری املاک شهرداری', 'asset-returns', false],
  ['SRC-GOV', 'کمک‌های دولت (ماده ۱۲ و اعتبارات استانی)', 'government-grants', true],
  ['SRC-DON', 'اعانات و کمک‌های اهدایی خیرین', 'donations', true],
  ['SRC-OTH', 'فروش اموال و املاک', 'other-resources', true],
  ['SRC-BND', 'اوراق مشارکت', 'other-resources', true],
];

/**
 * Capital projects: ID, program, title, department, region, start year,
 * years it runs, size (billion Rials at 1405 prices, before scaling to the
 * capital budget), source, status, mandatory, prerequisites, operating cost
 * once done (per mille of the project's cost a year), scores on C1…C5 (1–10).
 */
export type ProjectSeed = readonly [
  id: string,
  program: string,
  title: string,
  dept: string,
  region: string,
  start: number,
  years: number,
  size: number,
  source: string,
  status: ProjectStatus,
  mandatory: boolean,
  dependsOn: string,
  opexPerMille: number,
  scores: readonly [number, number, number, number, number],
];

/** The 40 capital projects (see `ProjectSeed`), one per line as a table. */
// prettier-ignore
export const PROJECTS: readonly ProjectSeed[] = [
  ['P-001', 'PG01', 'احداث بوستان محله‌ای نرگس', 'O-PARK', 'منطقه ۳', 1405, 2, 1800, 'SRC-GEN', 'approved', false, '', 40, [7, 6, 4, 3, 4]],
  ['P-002', 'PG01', 'احداث کمربند سبز جنوبی شهر', 'O-PARK', 'کل شهر', 1407, 3, 6500, 'SRC-GOV', 'proposed', false, '', 30, [9, 7, 5, 6, 3]],
  ['P-003', 'PG01', 'احداث بوستان بانوان منطقه ۲', 'O-PARK', 'منطقه ۲', 1409, 1, 1200, 'SRC-DON', 'proposed', false, '', 40, [6, 5, 3, 2, 3]],
  ['P-004', 'PG03', 'احداث ایستگاه میانی انتقال پسماند شمال', 'O-WASTE', 'منطقه ۱', 1405, 2, 3200, 'SRC-DED', 'approved', false, '', 50, [8, 7, 8, 4, 5]],
  ['P-005', 'PG04', 'احداث کارخانه کمپوست و پردازش پسماند', 'O-WASTE', 'کل شهر', 1407, 3, 14000, 'SRC-OTH', 'proposed', false, 'P-004', 60, [9, 8, 9, 8, 7]],
  ['P-006', 'PG03', 'خرید ماشین‌آلات جمع‌آوری پسماند', 'O-WASTE', 'کل شهر', 1405, 1, 2500, 'SRC-FEE', 'approved', true, '', 80, [7, 8, 8, 4, 4]],
  ['P-007', 'PG04', 'احداث مراکز تفکیک از مبدأ و غرفه‌های بازیافت', 'O-WASTE', 'کل شهر', 1406, 2, 900, 'SRC-DON', 'proposed', false, '', 30, [6, 6, 4, 2, 5]],
  ['P-008', 'PG05', 'احداث ایستگاه آتش‌نشانی شماره ۹', 'O-FIRE', 'منطقه ۴', 1405, 2, 2800, 'SRC-GOV', 'ongoing', true, '', 70, [8, 7, 10, 4, 2]],
  ['P-009', 'PG05', 'احداث ایستگاه آتش‌نشانی شماره ۱۰', 'O-FIRE', 'منطقه ۲', 1408, 2, 3000, 'SRC-GEN', 'proposed', false, '', 70, [7, 6, 9, 4, 2]],
  ['P-010', 'PG05', 'خرید نردبان هیدرولیک ۵۵ متری', 'O-FIRE', 'کل شهر', 1406, 1, 2200, 'SRC-AST', 'approved', false, '', 30, [7, 6, 10, 5, 2]],
  ['P-011', 'PG06', 'احداث خط ۲ اتوبوس تندرو (BRT)', 'O-BUS', 'کل شهر', 1405, 3, 18000, 'SRC-OTH', 'ongoing', false, '', 20, [9, 9, 6, 9, 6]],
  ['P-012', 'PG06', 'خرید ۶۰ دستگاه اتوبوس شهری', 'O-BUS', 'کل شهر', 1405, 2, 12000, 'SRC-OTH', 'approved', false, '', 60, [8, 9, 7, 8, 5]],
  ['P-013', 'PG06', 'احداث پایانه اتوبوس‌رانی شرق', 'O-BUS', 'منطقه ۴', 1408, 2, 4000, 'SRC-DED', 'proposed', false, 'P-011', 30, [6, 7, 4, 5, 6]],
  ['P-014', 'PG25', 'احداث پارکینگ طبقاتی مرکز شهر', 'D-TRF', 'منطقه ۱', 1408, 2, 5500, 'SRC-OTH', 'proposed', false, '', 20, [7, 7, 5, 6, 9]],
  ['P-015', 'PG25', 'احداث پایانه مسافربری غرب', 'D-TRF', 'منطقه ۳', 1408, 2, 7000, 'SRC-OTH', 'proposed', false, '', 25, [6, 6, 4, 7, 8]],
  ['P-016', 'PG08', 'احداث تقاطع غیرهمسطح میدان امام حسین', 'D-CIV', 'منطقه ۱', 1405, 3, 22000, 'SRC-OTH', 'ongoing', true, '', 10, [9, 9, 8, 10, 5]],
  ['P-017', 'PG08', 'تعریض و بازگشایی خیابان شهید بهشتی', 'D-CIV', 'منطقه ۲', 1405, 2, 6000, 'SRC-DED', 'approved', false, '', 10, [8, 8, 6, 6, 5]],
  ['P-018', 'PG08', 'احداث پل روگذر کمربندی شمالی', 'D-CIV', 'منطقه ۱', 1407, 3, 16000, 'SRC-DED', 'proposed', false, '', 10, [8, 8, 7, 9, 4]],
  ['P-019', 'PG08', 'تکمیل بلوار کمربندی جنوبی', 'D-CIV', 'منطقه ۴', 1406, 2, 8000, 'SRC-DED', 'approved', false, '', 10, [7, 7, 6, 7, 5]],
  ['P-020', 'PG09', 'روکش آسفالت معابر شریانی', 'D-CIV', 'کل شهر', 1405, 1, 4500, 'SRC-GEN', 'approved', false, '', 0, [6, 9, 6, 5, 3]],
  ['P-021', 'PG10', 'احداث پیاده‌راه خیابان بازار', 'D-TRF', 'منطقه ۱', 1406, 2, 2600, 'SRC-DED', 'proposed', false, '', 20, [7, 7, 5, 4, 6]],
  ['P-022', 'PG10', 'هوشمندسازی چراغ‌های راهنمایی ۴۰ تقاطع', 'D-TRF', 'کل شهر', 1405, 2, 2400, 'SRC-DED', 'approved', false, '', 50, [8, 8, 8, 4, 4]],
  ['P-023', 'PG10', 'احداث ۸ پل عابر پیاده مکانیزه', 'D-TRF', 'کل شهر', 1408, 2, 3600, 'SRC-GEN', 'proposed', false, '', 40, [6, 7, 8, 5, 3]],
  ['P-024', 'PG12', 'احداث مجتمع تجاری-اداری بلوار ولیعصر (مشارکتی)', 'D-FIN', 'منطقه ۲', 1407, 3, 9000, 'SRC-OTH', 'proposed', false, '', 15, [6, 4, 2, 8, 10]],
  ['P-025', 'PG13', 'بازآفرینی محله تاریخی سرچشمه (فاز ۱)', 'D-URB', 'منطقه ۱', 1405, 3, 5000, 'SRC-GOV', 'approved', false, '', 20, [9, 6, 6, 6, 5]],
  ['P-026', 'PG13', 'تملک و آزادسازی املاک معابر بافت فرسوده', 'D-URB', 'منطقه ۳', 1407, 2, 4200, 'SRC-GEN', 'proposed', false, '', 0, [7, 5, 5, 6, 4]],
  ['P-027', 'PG14', 'احداث سرای محله شهرک ولیعصر', 'R4', 'منطقه ۴', 1405, 1, 900, 'SRC-GEN', 'approved', false, '', 50, [6, 6, 4, 2, 3]],
  ['P-028', 'PG14', 'احداث زمین‌های ورزشی چندمنظوره محله‌ای', 'R3', 'منطقه ۳', 1406, 2, 1500, 'SRC-DON', 'proposed', false, '', 40, [6, 7, 3, 3, 3]],
  ['P-029', 'PG15', 'احداث کانال هدایت آب‌های سطحی شرق', 'D-CIV', 'منطقه ۴', 1405, 2, 7500, 'SRC-GOV', 'ongoing', true, '', 10, [9, 8, 10, 7, 2]],
  ['P-030', 'PG15', 'لایروبی و پوشش مسیل‌های شهری', 'D-CIV', 'کل شهر', 1408, 2, 3500, 'SRC-DED', 'proposed', false, 'P-029', 10, [7, 7, 9, 5, 2]],
  ['P-031', 'PG16', 'بدنه‌سازی و نورپردازی محور تاریخی', 'D-URB', 'منطقه ۱', 1408, 2, 2200, 'SRC-GEN', 'proposed', false, 'P-025', 30, [5, 5, 2, 4, 5]],
  ['P-032', 'PG17', 'ساماندهی ورودی شمالی شهر', 'D-URB', 'منطقه ۱', 1409, 1, 3000, 'SRC-GEN', 'proposed', false, '', 20, [6, 5, 3, 5, 3]],
  ['P-033', 'PG17', 'بهسازی میدان شهدا', 'R2', 'منطقه ۲', 1405, 1, 1400, 'SRC-GEN', 'approved', false, '', 20, [5, 6, 3, 3, 4]],
  ['P-034', 'PG18', 'استقرار سامانه یکپارچه شهرسازی الکترونیک', 'C-ICT', 'کل شهر', 1405, 2, 1600, 'SRC-GEN', 'approved', false, '', 90, [8, 7, 5, 3, 7]],
  ['P-035', 'PG18', 'درگاه خدمات شهروندی و اپلیکیشن شهرداری', 'C-ICT', 'کل شهر', 1407, 1, 700, 'SRC-GEN', 'proposed', false, 'P-034', 90, [7, 8, 4, 2, 6]],
  ['P-036', 'PG19', 'احداث مرکز کنترل و مدیریت یکپارچه شهری', 'C-ICT', 'کل شهر', 1408, 2, 4800, 'SRC-OTH', 'proposed', false, 'P-037', 60, [8, 7, 7, 6, 5]],
  ['P-037', 'PG19', 'توسعه شبکه فیبر نوری شهرداری', 'C-ICT', 'کل شهر', 1405, 2, 2000, 'SRC-AST', 'approved', false, '', 40, [7, 5, 5, 4, 6]],
  ['P-038', 'PG20', 'استقرار سامانه جامع مالی و بودجه‌ریزی عملیاتی', 'D-FIN', 'کل شهر', 1405, 1, 800, 'SRC-GEN', 'approved', true, '', 90, [8, 4, 6, 2, 5]],
  ['P-039', 'PG23', 'احداث چهار سرای محله', 'D-SOC', 'کل شهر', 1407, 2, 2400, 'SRC-GEN', 'proposed', false, '', 50, [6, 6, 3, 3, 3]],
  ['P-040', 'PG24', 'احداث فرهنگسرای منطقه ۳', 'D-SOC', 'منطقه ۳', 1408, 2, 3800, 'SRC-GOV', 'proposed', false, '', 40, [6, 6, 3, 5, 3]],
];

/** Continuous activities: ID, program, title, department, kind, relative size, source. */
// prettier-ignore
export const ACTIVITIES: ReadonlyArray<
  readonly [string, string, string, string, ActivityKind, number, string]
> = [
  ['A-001', 'PG01', 'نگهداری و آبیاری بوستان‌های نوساز', 'O-PARK', 'maintenance', 20, 'SRC-GEN'],
  ['A-002', 'PG01', 'تولید نهال و گل در نهالستان شهرداری', 'O-PARK', 'service', 8, 'SRC-GEN'],
  ['A-003', 'PG02', 'نگهداری فضای سبز منطقه ۱', 'R1', 'maintenance', 30, 'SRC-GEN'],
  ['A-004', 'PG02', 'نگهداری فضای سبز منطقه ۲', 'R2', 'maintenance', 28, 'SRC-GEN'],
  ['A-005', 'PG02', 'نگهداری فضای سبز منطقه ۳', 'R3', 'maintenance', 26, 'SRC-GEN'],
  ['A-006', 'PG02', 'نگهداری فضای سبز منطقه ۴', 'R4', 'maintenance', 24, 'SRC-GEN'],
  ['A-007', 'PG03', 'جمع‌آوری و حمل پسماند خانگی منطقه ۱', 'R1', 'service', 35, 'SRC-FEE'],
  ['A-008', 'PG03', 'جمع‌آوری و حمل پسماند خانگی منطقه ۲', 'R2', 'service', 33, 'SRC-FEE'],
  ['A-009', 'PG03', 'جمع‌آوری و حمل پسماند خانگی منطقه ۳', 'R3', 'service', 30, 'SRC-FEE'],
  ['A-010', 'PG03', 'جمع‌آوری و حمل پسماند خانگی منطقه ۴', 'R4', 'service', 28, 'SRC-FEE'],
  ['A-011', 'PG03', 'رفت‌وروب و نظافت معابر', 'D-SRV', 'service', 40, 'SRC-GEN'],
  ['A-012', 'PG04', 'بهره‌برداری از مرکز دفن بهداشتی پسماند', 'O-WASTE', 'service', 22, 'SRC-FEE'],
  ['A-013', 'PG04', 'آموزش تفکیک پسماند از مبدأ', 'O-WASTE', 'service', 5, 'SRC-GEN'],
  ['A-014', 'PG05', 'عملیات اطفای حریق و امداد و نجات', 'O-FIRE', 'service', 38, 'SRC-GEN'],
  ['A-015', 'PG05', 'نگهداری و تعمیر خودروها و تجهیزات آتش‌نشانی', 'O-FIRE', 'maintenance', 12, 'SRC-GEN'],
  ['A-016', 'PG05', 'آموزش همگانی ایمنی و آمادگی در برابر بحران', 'O-FIRE', 'service', 4, 'SRC-GEN'],
  ['A-017', 'PG06', 'یارانه بلیت و جبران زیان خدمات اتوبوس‌رانی', 'O-BUS', 'transfer', 45, 'SRC-GEN'],
  ['A-018', 'PG06', 'تعمیر و نگهداری ناوگان اتوبوس', 'O-BUS', 'maintenance', 20, 'SRC-AST'],
  ['A-019', 'PG06', 'سوخت و بهره‌برداری خطوط اتوبوس', 'O-BUS', 'service', 25, 'SRC-FEE'],
  ['A-020', 'PG25', 'بهره‌برداری از پارکینگ‌ها و پایانه‌های موجود', 'D-TRF', 'service', 8, 'SRC-AST'],
  ['A-021', 'PG07', 'نگهداری مسیرهای دوچرخه و ایستگاه‌های دوچرخه اشتراکی', 'D-TRF', 'maintenance', 4, 'SRC-FEE'],
  ['A-022', 'PG08', 'مطالعات و طراحی طرح‌های عمرانی معابر', 'D-CIV', 'administration', 9, 'SRC-GEN'],
  ['A-023', 'PG09', 'لکه‌گیری و ترمیم آسفالت منطقه ۱', 'R1', 'maintenance', 14, 'SRC-GEN'],
  ['A-024', 'PG09', 'لکه‌گیری و ترمیم آسفالت منطقه ۲', 'R2', 'maintenance', 13, 'SRC-GEN'],
  ['A-025', 'PG09', 'لکه‌گیری و ترمیم آسفالت منطقه ۳', 'R3', 'maintenance', 12, 'SRC-GEN'],
  ['A-026', 'PG09', 'لکه‌گیری و ترمیم آسفالت منطقه ۴', 'R4', 'maintenance', 12, 'SRC-GEN'],
  ['A-027', 'PG10', 'خط‌کشی و نصب علائم ترافیکی', 'D-TRF', 'maintenance', 10, 'SRC-GEN'],
  ['A-028', 'PG10', 'نگهداری چراغ‌های راهنمایی و دوربین‌های نظارت تصویری', 'D-TRF', 'maintenance', 7, 'SRC-GEN'],
  ['A-029', 'PG11', 'وصول مطالبات و عوارض معوق', 'D-FIN', 'administration', 6, 'SRC-GEN'],
  ['A-030', 'PG11', 'به‌روزرسانی بانک اطلاعات املاک و نوسازی', 'D-FIN', 'administration', 5, 'SRC-GEN'],
  ['A-031', 'PG11', 'کنترل ساخت‌وساز و ممیزی پروانه‌ها', 'D-URB', 'administration', 8, 'SRC-GEN'],
  ['A-032', 'PG12', 'نگهداری و بهره‌برداری از املاک و مستغلات شهرداری', 'D-FIN', 'maintenance', 9, 'SRC-AST'],
  ['A-033', 'PG12', 'بازاریابی و برگزاری مزایده‌های سرمایه‌گذاری', 'D-FIN', 'administration', 3, 'SRC-AST'],
  ['A-034', 'PG13', 'دفاتر تسهیل‌گری و خدمات نوسازی محلات', 'D-URB', 'service', 5, 'SRC-GEN'],
  ['A-035', 'PG14', 'نگهداری روشنایی معابر و بوستان‌ها', 'D-SRV', 'maintenance', 15, 'SRC-GEN'],
  ['A-036', 'PG14', 'نگهداری تأسیسات و ساختمان‌های خدماتی مناطق', 'D-SRV', 'maintenance', 10, 'SRC-GEN'],
  ['A-037', 'PG14', 'خدمات شهری محلات حاشیه‌ای', 'R4', 'service', 8, 'SRC-GEN'],
  ['A-038', 'PG15', 'لایروبی کانال‌ها و جداول', 'D-SRV', 'maintenance', 11, 'SRC-GEN'],
  ['A-039', 'PG15', 'نگهداری ایستگاه‌های پمپاژ آب‌های سطحی', 'D-SRV', 'maintenance', 4, 'SRC-GEN'],
  ['A-040', 'PG16', 'نگهداری مبلمان شهری و المان‌ها', 'D-URB', 'maintenance', 5, 'SRC-GEN'],
  ['A-041', 'PG16', 'ساماندهی تابلوهای تبلیغاتی', 'D-URB', 'service', 3, 'SRC-AST'],
  ['A-042', 'PG17', 'نگهداری میادین و ورودی‌های شهر', 'O-PARK', 'maintenance', 6, 'SRC-GEN'],
  ['A-043', 'PG18', 'پشتیبانی و نگهداری سامانه‌های نرم‌افزاری', 'C-ICT', 'maintenance', 7, 'SRC-GEN'],
  ['A-044', 'PG18', 'سامانه ۱۳۷ و پاسخ‌گویی به شهروندان', 'C-ICT', 'service', 5, 'SRC-GEN'],
  ['A-045', 'PG19', 'نگهداری شبکه ارتباطی و مرکز داده', 'C-ICT', 'maintenance', 5, 'SRC-GEN'],
  ['A-046', 'PG20', 'حسابرسی، بازرسی و رسیدگی به شکایات', 'D-PLN', 'administration', 4, 'SRC-GEN'],
  ['A-047', 'PG20', 'تهیه و پایش برنامه و بودجه عملیاتی', 'D-PLN', 'administration', 3, 'SRC-GEN'],
  ['A-048', 'PG21', 'آموزش ضمن خدمت کارکنان', 'D-PLN', 'service', 4, 'SRC-GEN'],
  ['A-049', 'PG21', 'دوره‌های تخصصی مدیران و کارشناسان', 'D-PLN', 'service', 2, 'SRC-GEN'],
  ['A-050', 'PG22', 'حقوق و مزایای کارکنان رسمی و پیمانی', 'D-PLN', 'administration', 200, 'SRC-GEN'],
  ['A-051', 'PG22', 'حقوق و مزایای کارکنان قراردادی و شرکتی', 'D-PLN', 'administration', 130, 'SRC-GEN'],
  ['A-052', 'PG22', 'بیمه و بازنشستگی کارکنان', 'D-PLN', 'transfer', 55, 'SRC-GEN'],
  ['A-053', 'PG22', 'هزینه‌های اداری، انرژی و ارتباطات ساختمان‌ها', 'D-FIN', 'administration', 30, 'SRC-GEN'],
  ['A-054', 'PG22', 'بازپرداخت اصل و سود تسهیلات و اوراق', 'D-FIN', 'transfer', 40, 'SRC-AST'],
  ['A-055', 'PG22', 'پشتیبانی خودرویی و ماشین‌آلات اداری', 'D-SRV', 'administration', 12, 'SRC-GEN'],
  ['A-056', 'PG23', 'اداره سراهای محله', 'D-SOC', 'service', 8, 'SRC-GEN'],
  ['A-057', 'PG23', 'حمایت از طرح‌های مشارکتی شورایاری‌ها', 'D-SOC', 'transfer', 4, 'SRC-GEN'],
  ['A-058', 'PG24', 'برگزاری جشنواره‌ها و مناسبت‌های فرهنگی شهر', 'D-SOC', 'service', 6, 'SRC-GEN'],
  ['A-059', 'PG24', 'اداره کتابخانه‌ها و فرهنگسراها', 'D-SOC', 'service', 7, 'SRC-GEN'],
  ['A-060', 'PG24', 'حمایت از گروه‌های آسیب‌پذیر و ساماندهی کودکان کار', 'D-SOC', 'transfer', 5, 'SRC-GEN'],
];

/** Prioritisation criteria: ID, title, direction, scale 1–10. */
export const CRITERIA: ReadonlyArray<readonly [string, string, 'benefit' | 'cost']> = [
  ['C1', 'همسویی با اسناد فرادست و اهداف برنامه', 'benefit'],
  ['C2', 'جمعیت بهره‌مند', 'benefit'],
  ['C3', 'فوریت، ایمنی و الزام قانونی', 'benefit'],
  ['C4', 'هزینه تمام‌شده و بار مالی', 'cost'],
  ['C5', 'توجیه اقتصادی و جذب مشارکت', 'benefit'],
];

/**
 * The AHP pairwise matrix of C1…C5 (row over column, Saaty 1–9): safety and
 * legal urgency first, then alignment, people served, cost, economics.
 * Principal eigenvector ≈ (0.2625, 0.1599, 0.4185, 0.0973, 0.0618),
 * λmax ≈ 5.0681, CI ≈ 0.0170, CR ≈ 0.0152 with RI(5) = 1.12 (computed with
 * numpy.linalg.eig; see tests/shared/sample.test.ts).
 */
export const PAIRWISE: ReadonlyArray<readonly [number, number, number, number, number]> = [
  [1, 2, 1 / 2, 3, 4],
  [1 / 2, 1, 1 / 3, 2, 3],
  [2, 3, 1, 4, 5],
  [1 / 3, 1 / 2, 1 / 4, 1, 2],
  [1 / 4, 1 / 3, 1 / 5, 1 / 2, 1],
];

/** Criterion weights as typed in tblCriteria: the AHP weights to two decimals (sum 1.00). */
export const CRITERION_WEIGHTS: readonly number[] = [0.26, 0.16, 0.42, 0.1, 0.06];

/**
 * KPIs: ID, level, linked ID, title, unit, direction, baseline (1404),
 * targets 1405…1409, owner, data source, frequency.
 */
export type KpiSeed = readonly [
  id: string,
  level: 'macro' | 'micro',
  linked: string,
  title: string,
  unit: string,
  direction: KpiDirection,
  baseline: number,
  targets: readonly [number, number, number, number, number],
  owner: string,
  source: string,
  frequency: KpiFrequency,
];

/** The KPIs (see `KpiSeed`), one per line as a table. */
// prettier-ignore
export const KPIS: readonly KpiSeed[] = [
  ['K01', 'macro', 'G1', 'سرانه فضای سبز شهری', 'مترمربع به ازای هر نفر', 'increase', 9.5, [10.3, 11.1, 11.9, 12.7, 13.5], 'O-PARK', 'سامانه GIS فضای سبز', 'annual'],
  ['K02', 'macro', 'G1', 'سهم پسماند بازیافت‌شده', 'درصد', 'increase', 12, [14, 17, 20, 23, 26], 'O-WASTE', 'گزارش سازمان مدیریت پسماند', 'annual'],
  ['K03', 'macro', 'G2', 'سهم سفرهای با حمل‌ونقل همگانی', 'درصد', 'increase', 18, [19.5, 21, 23, 25, 27], 'D-TRF', 'آمارگیری مبدأ-مقصد سفر', 'annual'],
  ['K04', 'macro', 'G2', 'کشته‌شدگان تصادفات درون‌شهری', 'نفر در سال', 'decrease', 64, [60, 56, 52, 48, 44], 'D-TRF', 'اداره کل پزشکی قانونی استان', 'annual'],
  ['K05', 'macro', 'G3', 'سهم درآمدهای پایدار از کل درآمد', 'درصد', 'increase', 38, [40, 43, 46, 49, 52], 'D-FIN', 'صورت‌های مالی شهرداری', 'annual'],
  ['K06', 'macro', 'G4', 'مساحت بافت فرسوده نوسازی‌شده (تجمعی)', 'هکتار', 'increase', 45, [55, 68, 82, 97, 112], 'D-URB', 'دفتر نوسازی بافت‌های فرسوده', 'annual'],
  ['K07', 'macro', 'G5', 'سهم خدمات شهرداری ارائه‌شده به‌صورت الکترونیک', 'درصد', 'increase', 35, [45, 55, 65, 75, 85], 'C-ICT', 'سامانه خدمات الکترونیک', 'annual'],
  ['K08', 'macro', 'G6', 'سرانه آموزش کارکنان', 'نفر-ساعت در سال', 'increase', 18, [22, 26, 30, 34, 38], 'D-PLN', 'سامانه آموزش کارکنان', 'annual'],
  ['K09', 'micro', 'PG01', 'مساحت بوستان‌های جدید بهره‌برداری‌شده (تجمعی)', 'هکتار', 'increase', 0, [4, 9, 14, 20, 26], 'O-PARK', 'سامانه GIS فضای سبز', 'annual'],
  ['K10', 'micro', 'PG02', 'سهم فضای سبز با آبیاری نوین', 'درصد', 'increase', 22, [27, 32, 38, 44, 50], 'O-PARK', 'گزارش سازمان پارک‌ها', 'annual'],
  ['K11', 'micro', 'PG03', 'رضایت شهروندان از جمع‌آوری پسماند', 'درصد', 'increase', 68, [70, 72, 74, 76, 78], 'O-WASTE', 'نظرسنجی سامانه ۱۳۷', 'semiannual'],
  ['K12', 'micro', 'PG04', 'پسماند دفن‌شده روزانه', 'تن در روز', 'decrease', 520, [500, 470, 430, 390, 350], 'O-WASTE', 'باسکول مرکز دفن', 'quarterly'],
  ['K13', 'micro', 'PG05', 'میانگین زمان رسیدن آتش‌نشانان به محل حادثه', 'دقیقه', 'decrease', 6.8, [6.5, 6.2, 5.9, 5.6, 5.3], 'O-FIRE', 'سامانه اعزام ۱۲۵', 'quarterly'],
  ['K14', 'micro', 'PG06', 'مسافران روزانه اتوبوس', 'هزار نفر', 'increase', 210, [225, 245, 270, 295, 320], 'O-BUS', 'سامانه بلیت الکترونیک', 'quarterly'],
  ['K15', 'micro', 'PG07', 'طول مسیرهای ویژه دوچرخه', 'کیلومتر', 'increase', 14, [18, 23, 28, 33, 38], 'D-TRF', 'سامانه GIS معابر', 'annual'],
  ['K16', 'micro', 'PG08', 'میانگین سرعت سفر شبکه اصلی در ساعت اوج', 'کیلومتر بر ساعت', 'increase', 21, [21.5, 22.5, 23.5, 24.5, 25.5], 'D-TRF', 'مرکز کنترل ترافیک', 'annual'],
  ['K17', 'micro', 'PG09', 'سهم معابر اصلی با روسازی مطلوب', 'درصد', 'increase', 55, [60, 65, 70, 75, 80], 'D-CIV', 'سامانه مدیریت روسازی', 'annual'],
  ['K18', 'micro', 'PG10', 'تصادفات جرحی در تقاطع‌های پرحادثه', 'مورد در سال', 'decrease', 410, [390, 365, 340, 315, 290], 'D-TRF', 'پلیس راهور', 'annual'],
  ['K19', 'micro', 'PG11', 'نسبت وصول عوارض به مطالبات', 'درصد', 'increase', 52, [56, 60, 64, 68, 72], 'D-FIN', 'سامانه درآمد', 'quarterly'],
  ['K20', 'micro', 'PG12', 'درآمد بهره‌برداری از املاک شهرداری', 'میلیارد ریال', 'increase', 1800, [2400, 3200, 4200, 5500, 7000], 'D-FIN', 'صورت‌های مالی شهرداری', 'annual'],
  ['K21', 'micro', 'PG13', 'واحدهای مسکونی نوسازی‌شده در بافت فرسوده', 'واحد در سال', 'increase', 350, [420, 500, 580, 660, 740], 'D-URB', 'سامانه پروانه ساختمانی', 'annual'],
  ['K22', 'micro', 'PG14', 'سهم محلات کم‌برخوردار دارای سرای محله', 'درصد', 'increase', 40, [50, 60, 70, 80, 90], 'D-SRV', 'گزارش معاونت خدمات شهری', 'annual'],
  ['K23', 'micro', 'PG15', 'نقاط آب‌گرفتگی معابر در بارندگی', 'نقطه', 'decrease', 36, [32, 27, 22, 17, 12], 'D-CIV', 'گزارش ستاد بحران', 'annual'],
  ['K24', 'micro', 'PG16', 'طول جداره‌های ساماندهی‌شده (تجمعی)', 'کیلومتر', 'increase', 3, [5, 7, 9, 11, 13], 'D-URB', 'گزارش معاونت شهرسازی', 'annual'],
  ['K25', 'micro', 'PG17', 'میادین و ورودی‌های بهسازی‌شده (تجمعی)', 'مورد', 'increase', 2, [4, 6, 8, 10, 12], 'D-URB', 'گزارش معاونت شهرسازی', 'annual'],
  ['K26', 'micro', 'PG18', 'میانگین زمان صدور پروانه ساختمانی', 'روز', 'decrease', 75, [60, 50, 40, 32, 25], 'C-ICT', 'سامانه شهرسازی الکترونیک', 'quarterly'],
  ['K27', 'micro', 'PG19', 'سهم تقاطع‌های اصلی زیر پایش مرکز کنترل', 'درصد', 'increase', 30, [40, 55, 70, 85, 95], 'C-ICT', 'مرکز کنترل ترافیک', 'annual'],
  ['K28', 'micro', 'PG20', 'رتبه شهرداری در ارزیابی شفافیت استان', 'رتبه', 'decrease', 9, [8, 7, 6, 5, 4], 'D-PLN', 'گزارش استانداری', 'annual'],
  ['K29', 'micro', 'PG21', 'سهم کارکنان دارای گواهی آموزش تخصصی', 'درصد', 'increase', 45, [52, 59, 66, 73, 80], 'D-PLN', 'سامانه آموزش کارکنان', 'annual'],
  ['K30', 'micro', 'PG22', 'سهم هزینه‌های پرسنلی از هزینه‌های جاری', 'درصد', 'maintain', 48, [48, 48, 48, 48, 48], 'D-FIN', 'صورت‌های مالی شهرداری', 'annual'],
  ['K31', 'micro', 'PG23', 'شهروندان مشارکت‌کننده در طرح‌های محله‌ای', 'نفر', 'increase', 12000, [14000, 16500, 19000, 21500, 24000], 'D-SOC', 'سامانه شورایاری‌ها', 'semiannual'],
  ['K32', 'micro', 'PG24', 'کاربران فعال کتابخانه‌ها و فرهنگسراها', 'نفر', 'increase', 28000, [30000, 33000, 36000, 39000, 42000], 'D-SOC', 'سامانه عضویت کتابخانه‌ها', 'annual'],
  ['K33', 'micro', 'PG25', 'ظرفیت پارکینگ عمومی مرکز شهر', 'جای پارک', 'increase', 2400, [2500, 3100, 3300, 3900, 4200], 'D-TRF', 'گزارش معاونت حمل‌ونقل', 'annual'],
];

/** KPI actuals of 1405 Q1 and Q2 (quarterly KPIs): ID, Q1, Q2. */
export const KPI_ACTUALS: ReadonlyArray<readonly [string, number, number]> = [
  ['K12', 512, 502],
  ['K13', 6.7, 6.6],
  ['K14', 212, 216],
  ['K19', 54, 56],
  ['K26', 70, 62],
];

/** Participating parties: ID, name, type. */
export const STAKEHOLDERS: ReadonlyArray<readonly [string, string, StakeholderType]> = [
  ['SH01', 'شورای اسلامی شهر', 'council'],
  ['SH02', 'معاونت‌ها، مناطق و سازمان‌های شهرداری', 'department'],
  ['SH03', 'انجمن دوستداران محیط زیست شهر', 'ngo'],
  ['SH04', 'جمعیت هلال‌احمر شهرستان', 'ngo'],
  ['SH05', 'کانون سمن‌های جوانان و نوجوانان', 'ngo'],
  ['SH06', 'اتاق بازرگانی، صنایع، معادن و کشاورزی استان', 'private'],
  ['SH07', 'انجمن انبوه‌سازان مسکن و ساختمان', 'private'],
  ['SH08', 'سرمایه‌گذاران و پیمانکاران طرح‌های مشارکتی', 'private'],
  ['SH09', 'اعضای هیئت علمی دانشگاه‌های شهر', 'expert'],
  ['SH10', 'سازمان نظام مهندسی ساختمان استان', 'expert'],
  ['SH11', 'شورایاران محلات', 'citizen-group'],
  ['SH12', 'اتحادیه‌های صنفی و کسبه بازار', 'citizen-group'],
  ['SH13', 'شرکت آب و فاضلاب استان', 'agency'],
  ['SH14', 'شرکت توزیع نیروی برق شهرستان', 'agency'],
  ['SH15', 'پلیس راهور فرماندهی انتظامی شهرستان', 'agency'],
  ['SH16', 'اداره آموزش و پرورش شهرستان', 'agency'],
];

/**
 * v2: what the executive agencies undertake in the plan (tblCommitments): ID, agency, the
 * strategy, program or project it serves, the text, from and to year, and the amount (Rials)
 * from the agency's own budget (none: a commitment of work, not money).
 */
export const COMMITMENTS: ReadonlyArray<
  readonly [string, string, string, string, number, number, bigint | null]
> = [
  [
    'CM01',
    'SH13',
    'P-016',
    'جابه‌جایی خطوط آب و فاضلاب در محدوده تقاطع پیش از آغاز عملیات',
    1405,
    1406,
    150_000_000_000n,
  ],
  ['CM02', 'SH14', 'P-016', 'انتقال شبکه برق و روشنایی محدوده تقاطع', 1405, 1405, 90_000_000_000n],
  [
    'CM03',
    'SH15',
    'PG10',
    'اعمال قانون و کنترل ترافیک در تقاطع‌های ایمن‌سازی‌شده و پیاده‌راه‌ها',
    1405,
    1409,
    null,
  ],
  [
    'CM04',
    'SH16',
    'P-028',
    'گشودن حیاط و سالن ورزشی ده مدرسه محلات کم‌برخوردار به روی اهالی پس از ساعت آموزشی',
    1406,
    1409,
    null,
  ],
];

/**
 * v2: a requested change of the plan (tblChanges), as a revision would carry it: the
 * council asks to postpone a project. ID, item, kind, reason, requested by, year.
 */
export const CHANGES: ReadonlyArray<readonly [string, string, string, string, string, number]> = [
  [
    'CH01',
    'P-014',
    'reschedule',
    'درخواست شورا: آغاز پارکینگ طبقاتی پس از بهره‌برداری خط ۲ اتوبوس تندرو',
    'SH01',
    1406,
  ],
];

/**
 * v2: an illustrative budget structure for the sample (function codes `01`–`05`, so that they
 * never meet the chapters `1`–`7`), marked as such in the workbook
 * (tblPlanInfo `Circular`): a municipality replaces it with the code list of the budget
 * circular in force. Functions (وظایف) and the programs under each.
 */
export const CIRCULAR = 'فهرست نمونه برای آموزش؛ کدهای بخشنامه بودجه سال جاری را جایگزین کنید';

export const FUNCTIONS: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  ['01', 'خدمات شهری و محیط زیست', ['PG01', 'PG02', 'PG03', 'PG04', 'PG05', 'PG14']],
  ['02', 'عمران و توسعه شهری', ['PG08', 'PG09', 'PG13', 'PG15', 'PG16', 'PG17']],
  ['03', 'حمل‌ونقل و ترافیک', ['PG06', 'PG07', 'PG10', 'PG25']],
  ['04', 'فرهنگی و اجتماعی', ['PG23', 'PG24']],
  [
    '05',
    'مدیریت، برنامه‌ریزی و پشتیبانی',
    ['PG11', 'PG12', 'PG18', 'PG19', 'PG20', 'PG21', 'PG22'],
  ],
];

/** The economic chapter of each kind of continuous activity in the sample. */
export const ACTIVITY_CHAPTERS: Readonly<Record<ActivityKind, string>> = {
  maintenance: '2',
  service: '2',
  administration: '1',
  transfer: '5',
};

/**
 * The Nature of each funding source: asset sales are capital, borrowing is financial; every
 * other source is revenue.
 */
export const SOURCE_NATURES: Readonly<Record<string, FundingNature>> = {
  'SRC-OTH': 'capital-disposal',
  'SRC-BND': 'financial-disposal',
};

/**
 * Revenue classes whose history lines name their source in `Code`, so that each is forecast
 * on its own and counts in its source's Nature: other-resources mixes asset sales (SRC-OTH)
 * and bonds (SRC-BND). Each source but the last takes its share of the class's amount of the
 * year (whole millions, rounded down), the last the rest, so the class's history is unchanged.
 * Bonds are about two fifths of such a city's other resources.
 */
export const HISTORY_SOURCES: ReadonlyArray<
  readonly [RevenueClass, ReadonlyArray<readonly [string, number]>]
> = [
  [
    'other-resources',
    [
      ['SRC-BND', 0.4],
      ['SRC-OTH', 0.6],
    ],
  ],
];
