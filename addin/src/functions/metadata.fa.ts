/**
 * Persian descriptions of the PLAN.* functions and their parameters, keyed by function id and
 * parameter name. The build puts them into `functions.fa-IR.json`, which the manifest serves to
 * Excel in Persian; it fails when a function or parameter has no Persian text, or when a text
 * names one that does not exist. Function names stay English (PLAN.PRIORITY_SCORE) so that a
 * formula reads the same in every language.
 */

/** Persian text of one function. */
export interface FunctionTextFa {
  description: string;
  /** By parameter name as in `functions.json`. */
  parameters: Record<string, string>;
}

/** Persian text of every function, by id. */
export const FUNCTION_TEXT_FA: Readonly<Record<string, FunctionTextFa>> = {
  SCENARIO_REVENUE: {
    description: 'پیش‌بینی یک سری درآمد: سطری از سال‌های آینده، یا مقدار یک سال.',
    parameters: {
      history:
        'درآمد سال‌های گذشته، قدیمی‌ترین اول: یک ستون یا سطر از مبالغ، یا سال‌ها و مبالغ در کنار هم.',
      horizon:
        'تعداد سال‌های آینده (۱ تا ۱۰۰) برای سطری از پیش‌بینی‌ها، یا یک سال (مانند ۱۴۰۸) برای پیش‌بینی همان سال.',
      scenario_or_growth:
        'نرخ رشد (۰٫۰۸ یا ۸٪) برای روش رشد، یا نام سناریویی از جدول سناریوهای درآمد («\u2066base\u2069» یا «\u2066base:general-duties\u2069»).',
      method:
        '\u2066growth\u2069، \u2066trend\u2069، \u2066holt\u2069، \u2066damped\u2069 یا \u2066auto\u2069 (پیش‌فرض: روش سناریو، وگرنه \u2066auto\u2069 که دقیق‌ترین روش در سال‌های اخیر را برمی‌گزیند).',
    },
  },
  REVENUE_RANGE: {
    description:
      'بازه پیش‌بینی درآمد با شبیه‌سازی مونت‌کارلو: \u2066P10\u2069، \u2066P50\u2069 و \u2066P90\u2069 هر سال، یا یک چندک دلخواه.',
    parameters: {
      history:
        'درآمد سال‌های گذشته، قدیمی‌ترین اول: یک ستون یا سطر از مبالغ، یا سال‌ها و مبالغ در کنار هم (دست‌کم ۳ سال).',
      horizon: 'تعداد سال‌های آینده (۱ تا ۱۰۰)، یا یک سال (مانند ۱۴۰۸).',
      probability:
        'چندکی مانند ۰٫۹ یا «\u2066P90\u2069»؛ پیش‌فرض سه سطر \u2066P10\u2069، \u2066P50\u2069 و \u2066P90\u2069.',
      simulations: 'تعداد مسیرهای شبیه‌سازی، حداکثر ۱۰۰۰۰۰؛ پیش‌فرض ۱۰۰۰۰.',
      seed: 'بذر عددهای تصادفی؛ بذر یکسان عددهای یکسان می‌دهد (پیش‌فرض ۱).',
    },
  },
  PRIORITY_SCORE: {
    description: 'امتیاز اولویت (۰ تا ۱۰۰) یک پروژه از امتیاز آن در هر معیار و وزن معیارها.',
    parameters: {
      scores: 'امتیاز پروژه در هر معیار (یک سطر یا یک ستون).',
      weights: 'وزن هر معیار؛ هر عدد نامنفی (وزن‌ها نرمال می‌شوند).',
      directions:
        '«\u2066benefit\u2069» (فایده) یا «\u2066cost\u2069» (هزینه)، یکی برای همه یا یکی برای هر معیار؛ پیش‌فرض فایده.',
      scale_min: 'کمینه مقیاس امتیاز، یکی برای همه یا یکی برای هر معیار؛ پیش‌فرض ۰.',
      scale_max: 'بیشینه مقیاس امتیاز، یکی برای همه یا یکی برای هر معیار؛ پیش‌فرض ۱۰.',
    },
  },
  AHP_WEIGHTS: {
    description: 'وزن معیارها به روش \u2066AHP\u2069: بردار ویژه اصلی ماتریس مقایسه زوجی با جمع ۱.',
    parameters: {
      matrix:
        'ماتریس مقایسه زوجی (مقیاس ۱ تا ۹ ساعتی)؛ ستون و سطر نام معیارها هم می‌تواند در آن باشد.',
      as_row: '\u2066TRUE\u2069 تا وزن‌ها در یک سطر بریزند؛ پیش‌فرض یک ستون.',
    },
  },
  AHP_CR: {
    description:
      'نسبت سازگاری \u2066CR = CI / RI\u2069 ماتریس مقایسه زوجی؛ بیش از ۰٫۱۰ یعنی قضاوت‌ها ناسازگارند.',
    parameters: {
      matrix:
        'ماتریس مقایسه زوجی (مقیاس ۱ تا ۹ ساعتی)؛ ستون و سطر نام معیارها هم می‌تواند در آن باشد.',
    },
  },
  BUDGET_LINK: {
    description:
      'زنجیره پیوند یک ردیف بودجه یا شناسه (هدف › راهبرد › برنامه › پروژه یا فعالیت)، یا یک سطح از آن.',
    parameters: {
      id_or_budget_code: 'کد ردیف بودجه، یا شناسه پروژه، فعالیت، برنامه، راهبرد، هدف یا شاخص.',
      level:
        '\u2066goal\u2069، \u2066strategy\u2069، \u2066program\u2069، \u2066item\u2069، \u2066budget\u2069، \u2066source\u2069، \u2066directive\u2069، \u2066document\u2069 یا \u2066kpi\u2069 (نام فارسی سطح هم پذیرفته است)؛ پیش‌فرض کل زنجیره.',
      part: 'آنچه از سطح نشان داده شود: «\u2066id\u2069» شناسه (پیش‌فرض)، «\u2066title\u2069» عنوان یا «\u2066both\u2069» هر دو.',
    },
  },
  FISCAL_GAP: {
    description: 'شکاف مالی یک سال برنامه: درآمد پیش‌بینی‌شده سناریو منهای مصارف؛ منفی یعنی کسری.',
    parameters: {
      year: 'یکی از سال‌های برنامه، مانند ۱۴۰۵.',
      scenario:
        'سناریویی از جدول سناریوهای درآمد؛ پیش‌فرض سناریوی مشخصات برنامه (\u2066Scenario\u2069)، وگرنه «\u2066base\u2069».',
    },
  },
  SPENDING: {
    description:
      'مصارف یک سال برنامه: فعالیت‌های مستمر، پروژه‌های تملک دارایی و هزینه جاری پروژه‌هایی که پیش از آن سال تمام شده‌اند.',
    parameters: {
      year: 'یکی از سال‌های برنامه، مانند ۱۴۰۵.',
    },
  },
  PLAN_REVENUE: {
    description: 'درآمد پیش‌بینی‌شده یک سال برنامه در یک سناریو، همه طبقه‌های درآمد با هم.',
    parameters: {
      year: 'یکی از سال‌های برنامه، مانند ۱۴۰۵.',
      scenario:
        'سناریویی از جدول سناریوهای درآمد؛ پیش‌فرض سناریوی مشخصات برنامه (\u2066Scenario\u2069)، وگرنه «\u2066base\u2069».',
    },
  },
  KPI_PROGRESS: {
    description: 'پیشرفت یک شاخص به سوی هدف: ۱ یعنی هدف محقق شده، بیش از ۱ یعنی فراتر از هدف.',
    parameters: {
      baseline: 'مقدار پایه شاخص (در جهت «حفظ وضعیت» به کار نمی‌رود و می‌تواند خالی باشد).',
      target: 'مقدار هدف آن سال.',
      actual: 'مقدار واقعی آن سال.',
      direction:
        '\u2066increase\u2069 (افزایشی)، \u2066decrease\u2069 (کاهشی) یا \u2066maintain\u2069 (حفظ وضعیت).',
    },
  },
  KPI_STATUS: {
    description:
      'وضعیت پیشرفت یک شاخص: از ۰٫۹ مطابق برنامه، از ۰٫۶ در معرض خطر، کمتر از آن عقب از برنامه.',
    parameters: {
      progress: 'پیشرفت، مثلاً حاصل \u2066PLAN.KPI_PROGRESS\u2069؛ خالی یعنی «بدون داده».',
      language:
        '«\u2066fa\u2069» (پیش‌فرض) یا «\u2066en\u2069» برای عنوان، «\u2066code\u2069» برای \u2066on-track\u2069، \u2066at-risk\u2069، \u2066off-track\u2069 یا \u2066no-data\u2069.',
    },
  },
  JALALI_YEAR: {
    description: 'سال شمسی (همان سال مالی) یک تاریخ.',
    parameters: {
      date: 'تاریخ اکسل، یا تاریخ شمسی به صورت متن مانند ۱۴۰۵/۰۱/۱۵.',
    },
  },
  TO_JALALI: {
    description: 'یک تاریخ به تقویم شمسی.',
    parameters: {
      date: 'تاریخ اکسل.',
      format:
        '«\u2066numeric\u2069» ۱۴۰۵/۰۱/۱۵ با رقم لاتین (پیش‌فرض)، «\u2066fa\u2069» با رقم فارسی، «\u2066long\u2069» ۱۵ فروردین ۱۴۰۵، «\u2066long-en\u2069» به انگلیسی.',
    },
  },
  FROM_JALALI: {
    description: 'تاریخ اکسل یک تاریخ شمسی، برای قالب‌بندی یا محاسبه به عنوان تاریخ.',
    parameters: {
      jalali_date: 'تاریخ شمسی به صورت متن، سال اول، مانند ۱۴۰۵/۰۱/۱۵ (رقم فارسی هم پذیرفته است).',
    },
  },
};
