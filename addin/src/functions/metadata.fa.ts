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
        'نرخ رشد (۰٫۰۸ یا ۸٪) برای روش رشد، یا نام سناریویی از جدول سناریوهای درآمد («base» یا «base:general-duties»).',
      method:
        'growth، trend، holt، damped یا auto (پیش‌فرض: روش سناریو، وگرنه auto که دقیق‌ترین روش در سال‌های اخیر را برمی‌گزیند).',
    },
  },
  REVENUE_RANGE: {
    description:
      'بازه پیش‌بینی درآمد با شبیه‌سازی مونت‌کارلو: P10، P50 و P90 هر سال، یا یک چندک دلخواه.',
    parameters: {
      history:
        'درآمد سال‌های گذشته، قدیمی‌ترین اول: یک ستون یا سطر از مبالغ، یا سال‌ها و مبالغ در کنار هم (دست‌کم ۳ سال).',
      horizon: 'تعداد سال‌های آینده (۱ تا ۱۰۰)، یا یک سال (مانند ۱۴۰۸).',
      probability: 'چندکی مانند ۰٫۹ یا «P90»؛ پیش‌فرض سه سطر P10، P50 و P90.',
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
        '«benefit» (فایده) یا «cost» (هزینه)، یکی برای همه یا یکی برای هر معیار؛ پیش‌فرض فایده.',
      scale_min: 'کمینه مقیاس امتیاز، یکی برای همه یا یکی برای هر معیار؛ پیش‌فرض ۰.',
      scale_max: 'بیشینه مقیاس امتیاز، یکی برای همه یا یکی برای هر معیار؛ پیش‌فرض ۱۰.',
    },
  },
  AHP_WEIGHTS: {
    description: 'وزن معیارها به روش AHP: بردار ویژه اصلی ماتریس مقایسه زوجی با جمع ۱.',
    parameters: {
      matrix:
        'ماتریس مقایسه زوجی (مقیاس ۱ تا ۹ ساعتی)؛ ستون و سطر نام معیارها هم می‌تواند در آن باشد.',
      as_row: 'TRUE تا وزن‌ها در یک سطر بریزند؛ پیش‌فرض یک ستون.',
    },
  },
  AHP_CR: {
    description:
      'نسبت سازگاری CR = CI / RI ماتریس مقایسه زوجی؛ بیش از ۰٫۱۰ یعنی قضاوت‌ها ناسازگارند.',
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
        'goal، strategy، program، item، budget، source، directive، document یا kpi (نام فارسی سطح هم پذیرفته است)؛ پیش‌فرض کل زنجیره.',
      part: 'آنچه از سطح نشان داده شود: «id» شناسه (پیش‌فرض)، «title» عنوان یا «both» هر دو.',
    },
  },
  FISCAL_GAP: {
    description: 'شکاف مالی یک سال برنامه: درآمد پیش‌بینی‌شده سناریو منهای مصارف؛ منفی یعنی کسری.',
    parameters: {
      year: 'یکی از سال‌های برنامه، مانند ۱۴۰۵.',
      scenario:
        'سناریویی از جدول سناریوهای درآمد؛ پیش‌فرض سناریوی مشخصات برنامه (Scenario)، وگرنه «base».',
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
        'سناریویی از جدول سناریوهای درآمد؛ پیش‌فرض سناریوی مشخصات برنامه (Scenario)، وگرنه «base».',
    },
  },
  KPI_PROGRESS: {
    description: 'پیشرفت یک شاخص به سوی هدف: ۱ یعنی هدف محقق شده، بیش از ۱ یعنی فراتر از هدف.',
    parameters: {
      baseline: 'مقدار پایه شاخص (در جهت «حفظ وضعیت» به کار نمی‌رود و می‌تواند خالی باشد).',
      target: 'مقدار هدف آن سال.',
      actual: 'مقدار واقعی آن سال.',
      direction: 'increase (افزایشی)، decrease (کاهشی) یا maintain (حفظ وضعیت).',
    },
  },
  KPI_STATUS: {
    description:
      'وضعیت پیشرفت یک شاخص: از ۰٫۹ مطابق برنامه، از ۰٫۶ در معرض خطر، کمتر از آن عقب از برنامه.',
    parameters: {
      progress: 'پیشرفت، مثلاً حاصل PLAN.KPI_PROGRESS؛ خالی یعنی «بدون داده».',
      language:
        '«fa» (پیش‌فرض) یا «en» برای عنوان، «code» برای on-track، at-risk، off-track یا no-data.',
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
        '«numeric» ۱۴۰۵/۰۱/۱۵ با رقم لاتین (پیش‌فرض)، «fa» با رقم فارسی، «long» ۱۵ فروردین ۱۴۰۵، «long-en» به انگلیسی.',
    },
  },
  FROM_JALALI: {
    description: 'تاریخ اکسل یک تاریخ شمسی، برای قالب‌بندی یا محاسبه به عنوان تاریخ.',
    parameters: {
      jalali_date: 'تاریخ شمسی به صورت متن، سال اول، مانند ۱۴۰۵/۰۱/۱۵ (رقم فارسی هم پذیرفته است).',
    },
  },
};
