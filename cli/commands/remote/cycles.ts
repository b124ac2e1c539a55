/**
 * `plan cycles`: the plan cycles of the register (docs/api.md), each with its planning
 * department (which files the cycle's framework) and its framework submission; `create` makes
 * one, `planning` names the planning department of one whose framework is not filed yet.
 */
import { fsi } from '#core';
import type { ApiCycle, ApiResult, RegisterClient } from '#core';
import type { Command, CommandContext } from '../../command';
import { intOption, requireOption } from '../../command';
import { plain, textTable } from '../../format';
import type { CliProblem } from '../../io';
import { EXIT, reportProblem, toJson } from '../../io';
import type { Remote } from './common';
import { withServer } from './common';

const ACTIONS = ['list', 'create', 'planning'] as const;
type Action = (typeof ACTIONS)[number];

const problem = (fa: string, en: string): CliProblem => ({
  code: EXIT.input,
  message: { fa, en },
  helpFor: 'cycles',
});

const planningOption = (ctx: CommandContext) =>
  requireOption(ctx, 'cycles', 'planning-department', {
    fa: 'کد واحدی که چارچوب دوره را ثبت می‌کند (معاونت برنامه‌ریزی)',
    en: 'code of the department that files the cycle’s framework (the planning deputy)',
  });

/** The call an action makes, or the problem with its arguments. */
function callOf(
  ctx: CommandContext,
  client: RegisterClient,
  action: Action,
): (() => Promise<ApiResult<ApiCycle | ApiCycle[]>>) | CliProblem {
  if (action === 'list') return () => client.cycles();
  const planning = planningOption(ctx);
  if (!planning.ok) return planning.problem;
  if (action === 'planning') {
    const id = ctx.positionals[1];
    if (id === undefined)
      return problem(
        'شناسه دوره را پس از \u2066planning\u2069 بنویسید',
        'give the cycle ID after planning',
      );
    return () => client.setPlanningDepartment(id, { planningDepartmentCode: planning.value });
  }
  const start = intOption(ctx, 'cycles', 'start-year', { min: 1300, max: 1600, fallback: null });
  if (!start.ok) return start.problem;
  if (start.value === null)
    return problem('گزینه \u2066--start-year\u2069 لازم است', 'option --start-year is required');
  const years = intOption(ctx, 'cycles', 'years', { min: 1, max: 20, fallback: null });
  if (!years.ok) return years.problem;
  const title = requireOption(ctx, 'cycles', 'title', { fa: 'عنوان دوره', en: 'cycle title' });
  if (!title.ok) return title.problem;
  const body = {
    startYear: start.value,
    ...(years.value !== null && { years: years.value }),
    title: title.value,
    planningDepartmentCode: planning.value,
  };
  return () => client.createCycle(body);
}

async function run(
  ctx: CommandContext,
  remote: Remote,
  action: Action,
): Promise<number | CliProblem> {
  const { io, lang } = ctx;
  const call = callOf(ctx, remote.client, action);
  if (typeof call !== 'function') return call;
  const answer = remote.value(await call());
  if (!answer.ok) return answer.problem;
  const cycles = Array.isArray(answer.value) ? answer.value : [answer.value];
  if (ctx.json) {
    io.stdout.write(toJson(action === 'list' ? { cycles } : cycles[0]) + '\n');
    return EXIT.ok;
  }
  io.stdout.write(
    textTable(
      lang === 'fa'
        ? ['شناسه', 'سال‌ها', 'عنوان', 'واحد برنامه‌ریزی', 'چارچوب']
        : ['id', 'years', 'title', 'planning department', 'framework'],
      cycles.map((c) => [
        c.id,
        `${plain(c.startYear, lang)}–${plain(c.endYear, lang)}`,
        c.title,
        c.planningDepartmentCode ?? '-',
        c.frameworkSubmissionId ?? '-',
      ]),
    ),
  );
  return EXIT.ok;
}

/** `plan cycles [create | planning CYCLE]`. */
export const cyclesCommand: Command = {
  name: 'cycles',
  summary: {
    fa: 'دوره‌های برنامه در سرور با واحد برنامه‌ریزی (که چارچوب دوره را ثبت می‌کند) و چارچوب هر دوره؛ \u2066create\u2069 دوره تازه می‌سازد (مدیر یا تصویب‌کننده) و \u2066planning\u2069 واحد برنامه‌ریزی دوره‌ای را که هنوز چارچوب ندارد تعیین می‌کند.',
    en: 'The plan cycles on the server, with each one’s planning department (which files the cycle’s framework) and framework; create makes a cycle (admin or approver), planning names the planning department of a cycle whose framework is not filed yet.',
  },
  usage:
    'cycles [create --start-year YEAR [--years N] --title TEXT --planning-department CODE | planning CYCLE --planning-department CODE]',
  examples: [
    'cycles',
    '\u2066cycles create --start-year 1410 --title\u2069 "برنامه ۱۴۱۰ تا ۱۴۱۴" \u2066--planning-department D-PLN\u2069',
    'cycles planning 3b1e… --planning-department D-PLN --json',
  ],
  options: {
    'start-year': {
      type: 'string',
      value: 'YEAR',
      description: { fa: 'نخستین سال دوره', en: 'first year of the cycle' },
    },
    years: {
      type: 'string',
      value: 'N',
      description: { fa: 'شمار سال‌ها (پیش‌فرض ۵)', en: 'number of years (default 5)' },
    },
    title: { type: 'string', value: 'TEXT', description: { fa: 'عنوان دوره', en: 'cycle title' } },
    'planning-department': {
      type: 'string',
      value: 'CODE',
      description: {
        fa: 'کد واحد برنامه‌ریزی دوره (ثبت‌کننده چارچوب)',
        en: 'code of the cycle’s planning department (files the framework)',
      },
    },
  },
  positionals: { min: 0, max: 2, names: ['ACTION', 'CYCLE'] },
  async run(ctx) {
    const { io, lang } = ctx;
    const action = (ctx.positionals[0] ?? 'list') as Action;
    if (!ACTIONS.includes(action))
      return reportProblem(
        io,
        problem(
          `کار «${fsi(action)}» شناخته نیست؛ کارها: ${ACTIONS.join('، ')}`,
          `unknown action "${action}"; actions: ${ACTIONS.join(', ')}`,
        ),
        lang,
      );
    return withServer(ctx, (remote) => run(ctx, remote, action));
  },
};
