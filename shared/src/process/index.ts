/**
 * The plan's process, guided: the phases of preparing and following a strategic-operational
 * plan as the national instruction lays them out, what each needs, who owns it, and how far
 * the city and each department are, counted from the workbooks and the register (never typed
 * in), with the next step for each.
 *
 * A phase's score is the share of its countable items that are done: each requirement counts
 * items (every upstream document has a directive: one item per document; a vision is given:
 * one item), so a person can count a score by hand from the tables. A phase with nothing to
 * count has no score (null), not a full one.
 */
import type { Period } from '../contract/enums';
import type { Bilingual } from '../findings';
import { fromJalali, jalaliMonthLength } from '../jalali';
import type { MonitorPeriod } from '../monitor/report';
import { periodOrder } from '../monitor/vocabulary';
import type { Plan } from '../read/plan';
import { rowsOf } from '../read/plan';

/** The phases, in the order the plan is made and followed. */
export const PHASE_IDS = [
  'upstream',
  'swot',
  'vision',
  'strategies',
  'programs',
  'budget',
  'agreement',
  'adoption',
  'monitoring',
] as const;
export type PhaseId = (typeof PHASE_IDS)[number];

/** Who carries a phase. */
export type PhaseOwner = 'planning-office' | 'department' | 'council';

/** What a phase is. */
export interface PhaseSpec {
  readonly id: PhaseId;
  readonly title: Bilingual;
  /** What the phase needs, in a sentence. */
  readonly needs: Bilingual;
  readonly owner: PhaseOwner;
  /** The help page that explains its method, when there is one (`plan help …`). */
  readonly help: string | null;
  /** True when the phase is counted from the register's records, not from a workbook. */
  readonly register: boolean;
}

/** The owners' names. */
export const PHASE_OWNERS: Readonly<Record<PhaseOwner, Bilingual>> = {
  'planning-office': { fa: 'واحد برنامه‌ریزی', en: 'the planning department' },
  department: { fa: 'هر واحد', en: 'each department' },
  council: { fa: 'شورای شهر', en: 'the city council' },
};

const phase = (
  id: PhaseId,
  owner: PhaseOwner,
  fa: string,
  en: string,
  needsFa: string,
  needsEn: string,
  help: string | null = null,
  register = false,
): PhaseSpec => ({
  id,
  owner,
  title: { fa, en },
  needs: { fa: needsFa, en: needsEn },
  help,
  register,
});

/** The nine phases of the national instruction. */
export const PLAN_PHASES: readonly PhaseSpec[] = [
  phase(
    'upstream',
    'planning-office',
    'شناخت وضع موجود و اسناد فرادست',
    'The current state and the upstream documents',
    'اسناد فرادست شهر و رهنمودهای هر سند.',
    'The city’s upstream documents and the directives of each.',
  ),
  phase(
    'swot',
    'planning-office',
    'تحلیل قوت، ضعف، فرصت و تهدید و ماتریس داخلی-خارجی',
    'SWOT and the internal–external matrix',
    'عوامل چهارگانه با وزن و رتبه؛ وزن‌های داخلی و خارجی هر یک جمعاً یک.',
    'Factors of the four kinds with weights and ratings; internal and external weights each summing to one.',
    'swot',
  ),
  phase(
    'vision',
    'planning-office',
    'چشم‌انداز و اهداف',
    'Vision and goals',
    'چشم‌انداز شهر، اهداف کلان و برای هر هدف شاخصی کلان.',
    'The city’s vision, its macro goals and a macro KPI for each goal.',
  ),
  phase(
    'strategies',
    'planning-office',
    'راهبردها و نقش شهرداری',
    'Strategies and the municipality’s role',
    'برای هر هدف راهبردی با نقش شهرداری و واحد متولی، و برای هر راهبرد برنامه‌ای.',
    'For each goal a strategy with the municipality’s role and its owner, and for each strategy a program.',
  ),
  phase(
    'programs',
    'department',
    'برنامه‌ها، طرح‌ها، پروژه‌ها و فعالیت‌ها',
    'Programs, schemes, projects and activities',
    'برای هر برنامه پروژه یا فعالیتی با هزینه هر سال و منبع تأمین، و شاخص‌ها با مقدار پایه و هدف هر سال.',
    'For each program projects or activities with their cost per year and funding source, and KPIs with a baseline and a target for every year.',
    'kpi-progress',
  ),
  phase(
    'budget',
    'department',
    'برنامه عملیاتی و بودجه',
    'The operational plan and the budget',
    'برای هر پروژه و فعالیتِ سال اول، ردیف بودجه.',
    'A budget line for every project and activity of the first year.',
    'budget-stages',
  ),
  phase(
    'agreement',
    'department',
    'مشارکت و توافق',
    'Consultation and agreement',
    'ارسال برنامه هر واحد به سامانه و تأیید آن.',
    'Each department’s plan sent to the register and approved.',
    null,
    true,
  ),
  phase(
    'adoption',
    'council',
    'تصویب شورا',
    'Council adoption',
    'برنامه یکپارچه شهر، تصویب آن در شورا و انتشار آن.',
    'The consolidated city plan, its adoption by the council and its publication.',
    null,
    true,
  ),
  phase(
    'monitoring',
    'department',
    'پایش و بازنگری',
    'Monitoring and revision',
    'گزارش پایش هر دوره‌ای که موعدش رسیده، تأییدشده.',
    'An approved monitoring report for every period that is due.',
    'earned-value',
    true,
  ),
];

/** One countable requirement of a phase. */
export interface Requirement {
  /** Stable key within the phase. */
  readonly key: string;
  readonly label: Bilingual;
  /** Items done and items to count. */
  readonly done: number;
  readonly total: number;
  /** What to do when not done. */
  readonly next: Bilingual;
}

/** How far one phase is. */
export interface PhaseProgress {
  readonly phase: PhaseId;
  readonly done: number;
  readonly total: number;
  /** done / total, or null when there is nothing to count. */
  readonly score: number | null;
  readonly requirements: readonly Requirement[];
}

/** The next step: the first requirement not done, in phase order. */
export interface NextStep {
  readonly phase: PhaseId;
  readonly requirement: string;
  readonly text: Bilingual;
}

const req = (
  key: string,
  done: number,
  total: number,
  fa: string,
  en: string,
  nextFa: string,
  nextEn: string,
): Requirement => ({ key, done, total, label: { fa, en }, next: { fa: nextFa, en: nextEn } });

const count = <T>(items: readonly T[], test: (item: T) => boolean): number =>
  items.reduce((n, item) => (test(item) ? n + 1 : n), 0);

const given = (value: string | null | undefined): boolean =>
  value !== null && value !== undefined && value.trim() !== '';

/** Sums a phase's requirements into its progress. */
export function phaseProgress(
  phaseId: PhaseId,
  requirements: readonly Requirement[],
): PhaseProgress {
  const done = requirements.reduce((n, r) => n + r.done, 0);
  const total = requirements.reduce((n, r) => n + r.total, 0);
  return { phase: phaseId, done, total, score: total === 0 ? null : done / total, requirements };
}

/** The first requirement not done, in the order given. */
export function nextStep(phases: readonly PhaseProgress[]): NextStep | null {
  for (const p of phases)
    for (const r of p.requirements)
      if (r.done < r.total) return { phase: p.phase, requirement: r.key, text: r.next };
  return null;
}

/** The planning office's phases counted from a plan (a framework or a whole city's). */
export function frameworkProgress(plan: Plan): PhaseProgress[] {
  const docs = rowsOf(plan, 'tblUpstreamDocs');
  const directives = rowsOf(plan, 'tblDirectives');
  const withDirective = new Set(directives.map((d) => d.DocId));
  const swot = rowsOf(plan, 'tblSwot');
  const goals = rowsOf(plan, 'tblGoals');
  const strategies = rowsOf(plan, 'tblStrategies');
  const programs = rowsOf(plan, 'tblPrograms');
  const kpis = rowsOf(plan, 'tblKpis');
  const kinds = new Set(swot.map((f) => f.Kind));
  const weightSum = (side: readonly string[]) =>
    swot.filter((f) => side.includes(f.Kind ?? '')).reduce((s, f) => s + (f.Weight ?? 0), 0);
  const sumsToOne = (side: readonly string[]) => Math.abs(weightSum(side) - 1) <= 0.01;
  const macroFor = new Set(kpis.filter((k) => k.Level === 'macro').map((k) => k.LinkedId));
  const strategyFor = new Set(strategies.map((s) => s.GoalId));
  const programFor = new Set(programs.map((p) => p.StrategyId));
  return [
    phaseProgress('upstream', [
      req(
        'documents',
        docs.length > 0 ? 1 : 0,
        1,
        'سند فرادستی ثبت شده است',
        'An upstream document is listed',
        'اسناد فرادست شهر (طرح جامع، تفصیلی، …) را در جدول اسناد فرادست بنویسید.',
        'List the city’s upstream documents (master, comprehensive, detailed plans) in the upstream documents table.',
      ),
      req(
        'directives',
        count(docs, (d) => withDirective.has(d.DocId)),
        docs.length,
        'هر سند فرادست رهنمودی دارد',
        'Each upstream document has a directive',
        'رهنمودهای هر سند فرادست را در جدول رهنمودها بنویسید.',
        'Write each upstream document’s directives in the directives table.',
      ),
    ]),
    phaseProgress('swot', [
      req(
        'kinds',
        count(['S', 'W', 'O', 'T'], (k) => kinds.has(k as never)),
        4,
        'عامل از هر چهار نوع (قوت، ضعف، فرصت، تهدید)',
        'Factors of all four kinds (S, W, O, T)',
        'برای هر یک از قوت، ضعف، فرصت و تهدید دست‌کم یک عامل بنویسید.',
        'Write at least one strength, weakness, opportunity and threat.',
      ),
      req(
        'weights',
        (sumsToOne(['S', 'W']) ? 1 : 0) + (sumsToOne(['O', 'T']) ? 1 : 0),
        2,
        'وزن‌های داخلی و خارجی هر یک جمعاً یک',
        'Internal and external weights each sum to one',
        'وزن عوامل داخلی (قوت و ضعف) و خارجی (فرصت و تهدید) را چنان بدهید که هر یک جمعاً یک شود.',
        'Weigh the internal (S, W) and the external (O, T) factors so that each side sums to one.',
      ),
    ]),
    phaseProgress('vision', [
      req(
        'vision',
        given(plan.info.Vision) ? 1 : 0,
        1,
        'چشم‌انداز نوشته شده است',
        'The vision is written',
        'چشم‌انداز شهر را در تنظیمات برنامه (کلید چشم‌انداز) بنویسید.',
        'Write the city’s vision in the plan settings (the Vision key).',
      ),
      req(
        'goals',
        goals.length > 0 ? 1 : 0,
        1,
        'هدف کلانی ثبت شده است',
        'A macro goal is listed',
        'اهداف کلان شهر را در جدول اهداف بنویسید.',
        'List the city’s macro goals in the goals table.',
      ),
      req(
        'macroKpis',
        count(goals, (g) => macroFor.has(g.GoalId)),
        goals.length,
        'هر هدف شاخصی کلان دارد',
        'Each goal has a macro KPI',
        'برای هر هدف شاخصی کلان با مقدار پایه و هدف هر سال تعریف کنید.',
        'Define a macro KPI with a baseline and yearly targets for each goal.',
      ),
    ]),
    phaseProgress('strategies', [
      req(
        'strategies',
        count(goals, (g) => strategyFor.has(g.GoalId)),
        goals.length,
        'هر هدف راهبردی دارد',
        'Each goal has a strategy',
        'برای هر هدف دست‌کم یک راهبرد بنویسید.',
        'Write at least one strategy for each goal.',
      ),
      req(
        'roles',
        count(strategies, (s) => s.MunicipalRole !== null && given(s.OwnerDept)),
        strategies.length,
        'هر راهبرد نقش شهرداری و واحد متولی دارد',
        'Each strategy has the municipality’s role and an owner',
        'نقش شهرداری (متولی، شریک، تسهیل‌گر، مدافع) و واحد متولی هر راهبرد را بنویسید.',
        'Give each strategy the municipality’s role (lead, partner, facilitator, advocate) and its owning department.',
      ),
      req(
        'programs',
        count(strategies, (s) => programFor.has(s.StrategyId)),
        strategies.length,
        'هر راهبرد برنامه‌ای دارد',
        'Each strategy has a program',
        'برای هر راهبرد دست‌کم یک برنامه بنویسید.',
        'Write at least one program for each strategy.',
      ),
    ]),
  ];
}

/**
 * A department's phases counted from its workbook (or from the city plan, restricted to what
 * the department owns): its programs' projects and activities, their costs and sources, its
 * KPIs' baselines and targets, and the budget lines of the first year. `dept` null: the whole
 * plan, every department together.
 */
export function departmentProgress(plan: Plan, dept: string | null): PhaseProgress[] {
  const mine = (owner: string | null | undefined) => dept === null || owner === dept;
  const programs = rowsOf(plan, 'tblPrograms').filter((p) => mine(p.OwnerDept));
  const allProjects = rowsOf(plan, 'tblProjects');
  const allActivities = rowsOf(plan, 'tblActivities');
  const projects = allProjects.filter((p) => mine(p.Dept));
  const activities = allActivities.filter((a) => mine(a.Dept));
  const kpis = rowsOf(plan, 'tblKpis').filter((k) => mine(k.OwnerDept));
  const lines = rowsOf(plan, 'tblBudgetLines');
  const hasItem = new Set([
    ...allProjects.map((p) => p.ProgramId),
    ...allActivities.map((a) => a.ProgramId),
  ]);
  const costed = (costs: ReadonlyMap<number, bigint>) => [...costs.values()].some((c) => c > 0n);
  const first = plan.years[0];
  const budgeted = new Set(lines.filter((l) => l.Year === first).map((l) => l.LinkedId));
  const dueFirstYear = [
    ...projects.filter((p) => first !== undefined && (p.costs.get(first) ?? 0n) > 0n),
    ...activities.filter((a) => first !== undefined && (a.costs.get(first) ?? 0n) > 0n),
  ].map((r) => ('ProjectId' in r ? r.ProjectId : r.ActivityId));
  return [
    phaseProgress('programs', [
      req(
        'items',
        projects.length + activities.length > 0 ? 1 : 0,
        1,
        'پروژه یا فعالیتی ثبت شده است',
        'A project or an activity is listed',
        'پروژه‌های تملک دارایی و فعالیت‌های مستمر واحد را در جدول‌های پروژه‌ها و فعالیت‌ها بنویسید.',
        'List the department’s capital projects and continuous activities in the projects and activities tables.',
      ),
      req(
        'programItems',
        count(programs, (p) => hasItem.has(p.ProgramId)),
        programs.length,
        'هر برنامه پروژه یا فعالیتی دارد',
        'Each program has a project or an activity',
        'برای هر برنامه‌ای که متولی آن هستید پروژه یا فعالیتی بنویسید.',
        'Write a project or an activity for each program you own.',
      ),
      req(
        'projectCosts',
        count(projects, (p) => costed(p.costs) && p.StartYear !== null && p.EndYear !== null),
        projects.length,
        'هر پروژه سال شروع و پایان و هزینه دارد',
        'Each project has its years and a cost',
        'سال شروع و پایان و هزینه هر سال هر پروژه را بنویسید.',
        'Give each project its start and end years and its cost per year.',
      ),
      req(
        'sources',
        count(projects, (p) => given(p.SourceId)) + count(activities, (a) => given(a.SourceId)),
        projects.length + activities.length,
        'هر پروژه و فعالیت منبع تأمین دارد',
        'Each project and activity has a funding source',
        'منبع تأمین هر پروژه و فعالیت را بنویسید.',
        'Name the funding source of each project and activity.',
      ),
      req(
        'kpiTargets',
        count(
          kpis,
          (k) =>
            k.Baseline !== null &&
            plan.years.every((y) => k.targets.get(y) !== null && k.targets.get(y) !== undefined),
        ),
        kpis.length,
        'هر شاخص مقدار پایه و هدف هر سال دارد',
        'Each KPI has a baseline and a target for every year',
        'مقدار پایه و هدف هر سال برنامه را برای هر شاخص بنویسید.',
        'Give each KPI its baseline and a target for every plan year.',
      ),
    ]),
    phaseProgress('budget', [
      req(
        'firstYearLines',
        count(dueFirstYear, (id) => budgeted.has(id)),
        dueFirstYear.length,
        'هر پروژه و فعالیت سال اول ردیف بودجه دارد',
        'Each project and activity of the first year has a budget line',
        'برای هر پروژه و فعالیتی که در سال اول هزینه دارد ردیف بودجه بنویسید.',
        'Write a budget line for each project and activity with a cost in the first year.',
      ),
    ]),
  ];
}

/** What the register knows of a department, for the register's phases. */
export interface DepartmentFacts {
  readonly code: string;
  /** Its plan was sent (pending, approved or returned after review). */
  readonly submitted: boolean;
  /** Its latest plan version is approved. */
  readonly approved: boolean;
  /** The latest period its approved monitoring reports (cumulative: it covers the earlier). */
  readonly reportedThrough: MonitorPeriod | null;
}

/** What the register knows of the city's plan. */
export interface CityFacts {
  readonly snapshot: boolean;
  readonly adopted: boolean;
  readonly published: boolean;
  /** The monitoring periods whose reports are due by now (`periodsDue`). */
  readonly periodsDue: readonly MonitorPeriod[];
}

/**
 * The six-monthly reports (Article 71 of the Municipalities Law): the first half (`H1`) of each
 * plan year, then the whole year (`FY`). Each is due a month after its period ends: the first
 * half at the end of Mehr, the year at the end of Farvardin of the next year (the register's
 * choice: the law asks for the report every six months and names no day).
 */
export function reportDeadline(period: MonitorPeriod): { jy: number; jm: number; jd: number } {
  return period.period === 'FY'
    ? { jy: period.year + 1, jm: 1, jd: jalaliMonthLength(period.year + 1, 1) }
    : { jy: period.year, jm: 7, jd: jalaliMonthLength(period.year, 7) };
}

/** The periods reported on six-monthly. */
export const REPORT_PERIODS: readonly Period[] = ['H1', 'FY'];

/**
 * The plan's six-monthly reports whose deadline has passed on `today` (a Tehran day, as
 * `tehranDayOf` gives it), in order.
 */
export function periodsDue(
  years: readonly number[],
  today: { jy: number; jm: number; jd: number },
): MonitorPeriod[] {
  const day = (d: { jy: number; jm: number; jd: number }) => fromJalali(d.jy, d.jm, d.jd).getTime();
  const due: MonitorPeriod[] = [];
  for (const year of years)
    for (const period of REPORT_PERIODS) {
      const p = { year, period };
      if (day(reportDeadline(p)) < day(today)) due.push(p);
    }
  return due;
}

/** True when a report through `through` covers `period` (the same year's later period, or a later year). */
export function covers(through: MonitorPeriod | null, period: MonitorPeriod): boolean {
  if (through === null) return false;
  return (
    through.year > period.year ||
    (through.year === period.year && periodOrder(through.period) >= periodOrder(period.period))
  );
}

/** A department's register phases: its plan sent and approved, its monitoring reports. */
export function departmentRegisterProgress(
  facts: DepartmentFacts,
  city: CityFacts,
): PhaseProgress[] {
  return [
    phaseProgress('agreement', [
      req(
        'submitted',
        facts.submitted ? 1 : 0,
        1,
        'برنامه واحد به سامانه فرستاده شده است',
        'The department’s plan is sent to the register',
        'کارپوشه برنامه واحد را از افزونه اکسل به سامانه بفرستید.',
        'Send the department’s plan workbook to the register from the Excel add-in.',
      ),
      req(
        'approved',
        facts.approved ? 1 : 0,
        1,
        'برنامه واحد تأیید شده است',
        'The department’s plan is approved',
        'یافته‌های بازبینی را برطرف کنید و برای تأیید بفرستید.',
        'Address the review’s findings and send it for approval.',
      ),
    ]),
    phaseProgress('monitoring', [
      req(
        'reports',
        count(city.periodsDue, (p) => covers(facts.reportedThrough, p)),
        city.periodsDue.length,
        'گزارش پایش هر دوره سررسیده تأیید شده است',
        'Every due period’s monitoring report is approved',
        'کارپوشه پایش دوره را از الگو بسازید، عملکرد را بنویسید و به سامانه بفرستید.',
        'Make the period’s monitoring workbook from the template, fill in the actuals and send it to the register.',
      ),
    ]),
  ];
}

/** The city's register phases: every department approved, the council's adoption. */
export function cityRegisterProgress(
  departments: readonly DepartmentFacts[],
  city: CityFacts,
): PhaseProgress[] {
  return [
    phaseProgress('agreement', [
      req(
        'approved',
        count(departments, (d) => d.approved),
        departments.length,
        'برنامه هر واحد تأیید شده است',
        'Every department’s plan is approved',
        'برنامه‌های در انتظار بازبینی و تأیید را بررسی کنید.',
        'Review and approve the plans that wait for it.',
      ),
    ]),
    phaseProgress('adoption', [
      req(
        'snapshot',
        city.snapshot ? 1 : 0,
        1,
        'نسخه برنامه یکپارچه شهر ساخته شده است',
        'A snapshot of the city plan is made',
        'با تأیید آخرین برنامه واحدها، نسخه برنامه شهر ساخته می‌شود.',
        'Approving the last department’s plan makes the city plan’s snapshot.',
      ),
      req(
        'adopted',
        city.adopted ? 1 : 0,
        1,
        'شورا برنامه را تصویب کرده است',
        'The council adopted the plan',
        'نسخه برنامه را با لایحه به شورا بفرستید و مصوبه را ثبت کنید.',
        'Send the snapshot to the council with its bill and record the resolution.',
      ),
      req(
        'published',
        city.published ? 1 : 0,
        1,
        'برنامه مصوب منتشر شده است',
        'The adopted plan is published',
        'برنامه مصوب را برای شهروندان منتشر کنید.',
        'Publish the adopted plan for the citizens.',
      ),
    ]),
    phaseProgress('monitoring', [
      req(
        'reports',
        departments.reduce(
          (n, d) => n + count(city.periodsDue, (p) => covers(d.reportedThrough, p)),
          0,
        ),
        departments.length * city.periodsDue.length,
        'گزارش پایش هر واحد در هر دوره سررسیده تأیید شده است',
        'Every department’s report of every due period is approved',
        'واحدهایی را که گزارش پایش نداده‌اند یادآوری کنید.',
        'Remind the departments that have not reported.',
      ),
    ]),
  ];
}

/** The process of a cycle: the city's phases, and each department's, with next steps. */
export interface ProcessProgress {
  /** The city's phases, in order (the planning office's and the council's). */
  readonly phases: readonly PhaseProgress[];
  /** The planning office's next step. */
  readonly next: NextStep | null;
  readonly departments: readonly {
    readonly code: string;
    readonly phases: readonly PhaseProgress[];
    readonly next: NextStep | null;
  }[];
}

/** In phase order. */
const ordered = (phases: readonly PhaseProgress[]): PhaseProgress[] =>
  [...phases].sort((a, b) => PHASE_IDS.indexOf(a.phase) - PHASE_IDS.indexOf(b.phase));

/**
 * A cycle's process from its city plan (the framework and every department's plan read
 * together, as the register consolidates them) and what the register knows.
 */
export function processProgress(
  plan: Plan,
  departments: readonly DepartmentFacts[],
  city: CityFacts,
): ProcessProgress {
  const cityPhases = ordered([
    ...frameworkProgress(plan),
    ...departmentProgress(plan, null),
    ...cityRegisterProgress(departments, city),
  ]);
  // The departments' own work (programs, budget) is theirs; approving, adopting and reminding
  // are the office's.
  const officePhases = cityPhases.filter((p) => p.phase !== 'programs' && p.phase !== 'budget');
  return {
    phases: cityPhases,
    next: nextStep(officePhases),
    departments: departments.map((d) => {
      const phases = ordered([
        ...departmentProgress(plan, d.code),
        ...departmentRegisterProgress(d, city),
      ]);
      return { code: d.code, phases, next: nextStep(phases) };
    }),
  };
}

/** A KPI or a project whose owner has not reported a due period. */
export interface Unreported {
  readonly dept: string;
  readonly kind: 'kpi' | 'project';
  readonly id: string;
  readonly title: string;
  readonly period: MonitorPeriod;
}

/**
 * What the owners have not reported for a due period, from the city plan: every KPI measured
 * in that period (annual ones at `FY` only) without a `tblKpiActuals` row of that period or a
 * later one of the year, and every project under way that year (not dropped, its years
 * spanning it) without a `tblActuals` row of that period or later; each with its owner (the
 * KPI's `OwnerDept`, the project's `Dept`).
 */
export function unreported(plan: Plan, period: MonitorPeriod): Unreported[] {
  const reported = (rows: readonly { id: string; Year: number | null; Period: Period | null }[]) =>
    new Set(
      rows
        .filter(
          (r) =>
            r.Year !== null &&
            r.Period !== null &&
            covers({ year: r.Year, period: r.Period }, period),
        )
        .map((r) => r.id),
    );
  const kpiDone = reported(rowsOf(plan, 'tblKpiActuals').map((r) => ({ ...r, id: r.KpiId })));
  const projectDone = reported(rowsOf(plan, 'tblActuals').map((r) => ({ ...r, id: r.LinkedId })));
  const out: Unreported[] = [];
  for (const k of rowsOf(plan, 'tblKpis')) {
    // A KPI without a frequency is measured once a year.
    if ((k.Frequency ?? 'annual') === 'annual' && period.period !== 'FY') continue;
    if (!kpiDone.has(k.KpiId))
      out.push({ dept: k.OwnerDept, kind: 'kpi', id: k.KpiId, title: k.Title, period });
  }
  for (const p of rowsOf(plan, 'tblProjects')) {
    if (p.Status === 'dropped' || p.StartYear === null || p.EndYear === null) continue;
    if (p.StartYear > period.year || p.EndYear < period.year) continue;
    if (!projectDone.has(p.ProjectId))
      out.push({ dept: p.Dept, kind: 'project', id: p.ProjectId, title: p.Title, period });
  }
  return out;
}
