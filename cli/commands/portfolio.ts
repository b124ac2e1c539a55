/**
 * `plan portfolio`: the capital projects to fund so that the total priority
 * score is largest within each year's capital budget (mandatory projects and
 * prerequisites kept), compared with rank-and-fill.
 */
import type {
  Finding,
  Language,
  PortfolioResult,
  Rials,
  ScenarioBudget,
  ScenarioPortfolios,
} from '#core';
import {
  cellText,
  computeCapitalBudget,
  forecastRevenueScenarios,
  matchKey,
  portfolioFromPlan,
  readMoney,
  readYear,
  selectPortfolio,
  scenarioCaption,
  selectPortfolioScenarios,
  usesScheduleModel,
} from '#core';
import type { Command, CommandContext } from '../command';
import { intOption } from '../command';
import { findingsText, toJsonFinding } from '../findings';
import { money, num, plain, textTable } from '../format';
import type { CliProblem } from '../io';
import { EXIT, reportProblem, toJson } from '../io';
import type { Loaded } from '../load';
import { loadWorkbook } from '../load';
import { capitalBudgetOf, errorsIn, stopOnErrors } from '../plan-input';
import { projectInputs } from './score';

/** HiGHS time limit when `--time-limit` is not given (the portfolio module's own default is 10 s). */
const DEFAULT_TIME_LIMIT = 30;

function budgetProblem(fa: string, en: string): { ok: false; problem: CliProblem } {
  return { ok: false, problem: { code: EXIT.input, message: { fa, en }, helpFor: 'portfolio' } };
}

/** Reads a `Year,Amount` budget file (CSV or a one-table workbook). */
async function readBudget(ctx: CommandContext, path: string): Promise<Loaded<Map<number, Rials>>> {
  const loaded = await loadWorkbook(ctx.io, path, { csvTable: 'budget' });
  if (!loaded.ok) return loaded;
  const table = loaded.value.workbook.tables[0];
  if (!table) return budgetProblem('فایل بودجه جدولی ندارد', 'the budget file has no table');
  const find = (keys: string[]) => {
    const wanted = new Set(keys.map(matchKey));
    return table.header.findIndex((h) => wanted.has(matchKey(cellText(h))));
  };
  const yi = find(['Year', 'سال']);
  const ai = find(['Amount', 'مبلغ', 'Budget', 'بودجه']);
  if (yi < 0 || ai < 0)
    return budgetProblem(
      'فایل بودجه باید ستون‌های \u2066Year\u2069 و \u2066Amount\u2069 (سال، مبلغ) داشته باشد',
      'the budget file needs the columns Year and Amount',
    );
  const out = new Map<number, Rials>();
  for (const [i, row] of table.rows.entries()) {
    const y = readYear(row[yi]);
    const a = readMoney(row[ai], 0);
    if (!y.ok || y.value === null || !a.ok) {
      const line = i + 2;
      return budgetProblem(
        `سطر ${line} فایل بودجه خوانده نشد: سال و مبلغ (ریال) لازم است`,
        `line ${line} of the budget file could not be read: it needs a year and an amount in Rials`,
      );
    }
    out.set(y.value, (out.get(y.value) ?? 0n) + a.value);
  }
  if (out.size === 0) return budgetProblem('فایل بودجه خالی است', 'the budget file is empty');
  return { ok: true, value: out };
}

/** `plan portfolio`: the best-scoring set of projects within each year's capital budget. */
export const portfolioCommand: Command = {
  name: 'portfolio',
  summary: {
    fa: 'پروژه‌هایی را برمی‌گزیند که بیشترین جمع امتیاز را در سقف بودجه عمرانی هر سال دارند (پروژه‌های الزامی و پیش‌نیازها حفظ می‌شوند) و با روش «گزینش به ترتیب رتبه» مقایسه می‌کند.',
    en: 'Chooses the projects with the largest total score within each year’s capital budget (mandatory projects and prerequisites kept) and compares with rank-and-fill.',
  },
  usage:
    'portfolio FILE.xlsx [--scenario NAME] | portfolio --projects FILE --criteria FILE --budget FILE',
  examples: [
    'portfolio plan.xlsx --scenario pessimistic',
    'portfolio plan.xlsx --scenarios all',
    'portfolio plan.xlsx --force-in P-007 --force-out P-012',
    'portfolio --projects projects.csv --criteria criteria.csv --budget budget.csv --json',
  ],
  options: {
    scenario: {
      type: 'string',
      value: 'NAME',
      description: {
        fa: 'سناریوی درآمد برای سقف بودجه عمرانی (پیش‌فرض: سناریوی مشخصات برنامه، وگرنه \u2066base\u2069)',
        en: 'revenue scenario that sets the capital budget (default: the workbook’s Scenario, else base)',
      },
    },
    projects: {
      type: 'string',
      value: 'FILE',
      description: { fa: 'جدول پروژه‌ها', en: 'the projects table' },
    },
    criteria: {
      type: 'string',
      value: 'FILE',
      description: { fa: 'جدول معیارها', en: 'the criteria table' },
    },
    pairwise: {
      type: 'string',
      value: 'FILE',
      description: { fa: 'ماتریس مقایسه زوجی (اختیاری)', en: 'pairwise matrix (optional)' },
    },
    budget: {
      type: 'string',
      value: 'FILE',
      description: {
        fa: 'بودجه عمرانی هر سال: \u2066CSV\u2069 با ستون‌های \u2066Year\u2069,\u2066Amount\u2069 (ریال)',
        en: 'capital budget per year: a CSV with Year,Amount (Rials)',
      },
    },
    scenarios: {
      type: 'string',
      value: 'all|NAMES',
      description: {
        fa: 'سبد بهینه زیر هر سناریوی درآمد، کنار هم (\u2066all\u2069: همه سناریوها، یا نام‌ها با ویرگول)',
        en: 'the optimal portfolio under each revenue scenario, side by side (all, or names separated by commas)',
      },
    },
    'force-in': {
      type: 'string',
      value: 'IDS',
      description: {
        fa: 'پروژه‌هایی که باید در سبد باشند (شناسه‌ها با ویرگول)',
        en: 'projects forced into the portfolio (IDs separated by commas)',
      },
    },
    'force-out': {
      type: 'string',
      value: 'IDS',
      description: {
        fa: 'پروژه‌هایی که نباید در سبد باشند (شناسه‌ها با ویرگول)',
        en: 'projects forced out of the portfolio (IDs separated by commas)',
      },
    },
    'time-limit': {
      type: 'string',
      value: 'SECONDS',
      description: {
        fa: 'سقف زمان حل (پیش‌فرض ۳۰ ثانیه)',
        en: 'solver time limit (default 30 seconds)',
      },
    },
  },
  positionals: { min: 0, max: 1, names: ['FILE.xlsx'] },
  async run(ctx) {
    const { io, lang } = ctx;
    const limit = intOption(ctx, 'portfolio', 'time-limit', {
      min: 1,
      max: 3600,
      fallback: DEFAULT_TIME_LIMIT,
    });
    if (!limit.ok) return reportProblem(io, limit.problem, lang);
    const fromFile = ctx.positionals[0] !== undefined;
    if (!fromFile && typeof ctx.values.budget !== 'string')
      return reportProblem(
        io,
        {
          code: EXIT.input,
          message: {
            fa: 'با \u2066--projects\u2069 و \u2066--criteria\u2069، بودجه هر سال را هم با \u2066--budget FILE\u2069 بدهید (ستون‌های \u2066Year\u2069,\u2066Amount\u2069)',
            en: 'with --projects and --criteria, also give the budget of each year with --budget FILE (columns Year,Amount)',
          },
          helpFor: 'portfolio',
        },
        lang,
      );
    const input = await projectInputs(ctx, 'portfolio');
    if (!input.ok) return reportProblem(io, input.problem, lang);
    const { plan } = input.value;
    const findings: Finding[] = [];
    let budget: ReadonlyMap<number, Rials>;
    let scenario: string | null = null;
    if (fromFile) {
      const stop = stopOnErrors(ctx, input.value.findings);
      if (stop !== null) return stop;
      const chosen = capitalBudgetOf(ctx, plan);
      if (!chosen.ok) return reportProblem(io, chosen.problem, lang);
      scenario = chosen.budget.forecast.scenario;
      findings.push(...chosen.budget.findings);
      budget = chosen.budget.byYear;
    } else {
      const stop = stopOnErrors(ctx, input.value.findings, ['tblProjects', 'tblCriteria']);
      if (stop !== null) return stop;
      const b = await readBudget(ctx, ctx.values.budget as string);
      if (!b.ok) return reportProblem(io, b.problem, lang);
      budget = b.value;
    }
    const problem = portfolioFromPlan(plan, budget);
    findings.push(...problem.findings, ...problem.scoring.findings);
    if (errorsIn(findings).length > 0) {
      io.stderr.write(findingsText(errorsIn(findings), lang));
      return EXIT.findings;
    }
    const forceIn = idList(ctx.values['force-in']);
    const forceOut = idList(ctx.values['force-out']);
    const base = {
      timeLimitSeconds: limit.value ?? DEFAULT_TIME_LIMIT,
      ...(forceIn.length > 0 ? { forceIn } : {}),
      ...(forceOut.length > 0 ? { forceOut } : {}),
    };
    // The scheduling model explains its decisions (one re-solve per project left out or moved).
    const options = usesScheduleModel(problem.input, base) ? { ...base, explain: true } : base;
    if (typeof ctx.values.scenarios === 'string') {
      if (!fromFile)
        return reportProblem(
          io,
          {
            code: EXIT.input,
            message: {
              fa: '\u2066--scenarios\u2069 کتاب کار برنامه را لازم دارد (سناریوها و پیش‌بینی درآمد در آن است)',
              en: '--scenarios needs the plan workbook (its scenarios and revenue forecast)',
            },
            helpFor: 'portfolio',
          },
          lang,
        );
      const budgets = scenarioBudgets(plan, ctx.values.scenarios);
      if (!budgets.ok) return reportProblem(io, budgets.problem, lang);
      const side = await selectPortfolioScenarios(problem.input, budgets.value, options);
      if (ctx.json) {
        io.stdout.write(
          toJson({
            scenarios: side.scenarios.map((x) => ({
              scenario: x.scenario,
              ...resultJson(x.result),
            })),
            robust: side.robust,
            some: side.some,
            never: side.never,
            startDiffers: side.startDiffers,
            excluded: problem.excluded,
            findings: findings.map(toJsonFinding),
          }) + '\n',
        );
        return EXIT.ok;
      }
      io.stdout.write(
        scenariosText(
          side,
          problem.input.projects.map((x) => x.id),
          lang,
        ),
      );
      return EXIT.ok;
    }
    const result = await selectPortfolio(problem.input, options);
    const solved = !['infeasible', 'invalid'].includes(result.status);
    if (ctx.json) {
      io.stdout.write(
        toJson({
          status: result.status,
          message: result.message,
          scenario,
          chosen: result.chosen,
          objective: result.objective,
          bestBound: result.bestBound,
          gap: result.gap,
          forced: result.forced,
          cannotFit: result.cannotFit,
          spending: result.spending,
          rankAndFill: result.rankAndFill,
          scoreLeftOnTable: result.scoreLeftOnTable,
          excluded: problem.excluded,
          problems: result.problems,
          ...scheduleJson(result),
          findings: findings.map(toJsonFinding),
        }) + '\n',
      );
      return solved ? EXIT.ok : EXIT.findings;
    }
    let out = `${lang === 'fa' ? result.message.fa : result.message.en}\n`;
    if (!solved) {
      io.stdout.write(out);
      for (const p of result.problems)
        io.stderr.write(`plan: ${lang === 'fa' ? p.message.fa : p.message.en}\n`);
      return EXIT.findings;
    }
    const rf = new Set(result.rankAndFill.chosen);
    const chosen = new Set(result.chosen);
    out +=
      (lang === 'fa'
        ? `انتخاب‌شده‌ها (${num(result.chosen.length, lang)}): `
        : `Chosen (${result.chosen.length}): `) +
      result.chosen.join(lang === 'fa' ? '، ' : ', ') +
      '\n';
    out +=
      (lang === 'fa'
        ? `جمع امتیاز: ${num(result.objective, lang, 2)}؛ گزینش به ترتیب رتبه: ${num(result.rankAndFill.objective, lang, 2)} (${num(result.scoreLeftOnTable, lang, 2)} امتیاز کمتر)`
        : `Total score: ${num(result.objective, lang, 2)}; rank-and-fill: ${num(result.rankAndFill.objective, lang, 2)} (${num(result.scoreLeftOnTable, lang, 2)} less)`) +
      '\n';
    const onlyOpt = result.chosen.filter((id) => !rf.has(id));
    const onlyRf = result.rankAndFill.chosen.filter((id) => !chosen.has(id));
    if (onlyOpt.length + onlyRf.length > 0)
      out +=
        (lang === 'fa'
          ? `فقط در انتخاب بهینه: ${onlyOpt.join('، ') || '-'}؛ فقط در گزینش به ترتیب رتبه: ${onlyRf.join('، ') || '-'}`
          : `Only in the optimal choice: ${onlyOpt.join(', ') || '-'}; only in rank-and-fill: ${onlyRf.join(', ') || '-'}`) +
        '\n';
    const rfSpent = new Map(result.rankAndFill.spending.map((s) => [s.year, s.spent]));
    out +=
      '\n' +
      textTable(
        lang === 'fa'
          ? ['سال', 'بودجه عمرانی', 'هزینه انتخاب بهینه', 'مانده', 'هزینه گزینش به ترتیب رتبه']
          : ['year', 'capital budget', 'optimal spending', 'left', 'rank-and-fill spending'],
        result.spending.map((s) => [
          plain(s.year, lang),
          money(s.budget, lang),
          money(s.spent, lang),
          money(s.left, lang),
          money(rfSpent.get(s.year) ?? 0n, lang),
        ]),
        new Set([1, 2, 3, 4]),
      );
    out += scheduleText(result, lang);
    io.stdout.write(out);
    const warnings = findings.filter((f) => f.severity === 'warning');
    if (warnings.length > 0) io.stderr.write(findingsText(warnings, lang));
    return EXIT.ok;
  },
};

/** IDs given as `A,B` (Persian comma too), trimmed, empty ones left out. */
function idList(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return value
    .split(/[,،]/)
    .map((x) => x.trim())
    .filter((x) => x !== '');
}

/** Each asked scenario's capital budget (`computeCapitalBudget`, the one rule). */
function scenarioBudgets(
  plan: Parameters<typeof computeCapitalBudget>[0],
  asked: string,
): { ok: true; value: ScenarioBudget[] } | { ok: false; problem: CliProblem } {
  let names = idList(asked);
  if (names.length === 1 && names[0]?.toLowerCase() === 'all') {
    const all = forecastRevenueScenarios(plan);
    if (!all.ok) return { ok: false, problem: { code: EXIT.findings, message: all.message } };
    names = all.scenarios.map((x) => x.scenario);
  }
  const value: ScenarioBudget[] = [];
  for (const name of names) {
    const b = computeCapitalBudget(plan, { scenario: name });
    if (!b.ok) return { ok: false, problem: { code: EXIT.findings, message: b.message } };
    value.push({ scenario: b.forecast.scenario, budget: b.byYear });
  }
  return { ok: true, value };
}

/** Bidi-isolated ID for Persian text. */
const iso = (id: string, lang: Language): string => (lang === 'fa' ? `\u2068${id}\u2069` : id);

/** The scheduling model's parts of the JSON (none for v1's model, whose JSON is frozen). */
function scheduleJson(r: PortfolioResult): Record<string, unknown> {
  if (r.model !== 'schedule') return {};
  return {
    model: r.model,
    schedule: (r.schedule ?? []).map((x) => ({ ...x, costs: Object.fromEntries(x.costs) })),
    binding: r.binding ?? [],
    capacity: r.capacity ?? [],
    explanations: r.explanations ?? [],
  };
}

function resultJson(r: PortfolioResult): Record<string, unknown> {
  return {
    status: r.status,
    message: r.message,
    chosen: r.chosen,
    objective: r.objective,
    bestBound: r.bestBound,
    gap: r.gap,
    spending: r.spending,
    problems: r.problems,
    ...scheduleJson(r),
  };
}

/** Start years, what moved and why, and the binding constraints (scheduling model only). */
function scheduleText(r: PortfolioResult, lang: Language): string {
  if (r.model !== 'schedule' || !r.schedule) return '';
  const fa = lang === 'fa';
  let out = '\n';
  const rows = r.schedule.filter((x) => x.chosen);
  out +=
    (fa ? 'سال شروع پروژه‌های انتخاب‌شده:\n' : 'Start years of the chosen projects:\n') +
    textTable(
      fa
        ? ['پروژه', 'شروع برنامه‌ریزی‌شده', 'شروع', 'جابه‌جایی', 'هزینه پس از دوره برنامه']
        : ['project', 'planned start', 'start', 'moved by', 'cost after the plan'],
      rows.map((x) => [
        iso(x.id, lang),
        plain(x.plannedStart, lang),
        plain(x.start ?? '', lang),
        x.shift === 0 ? '-' : num(x.shift, lang),
        money(x.costAfterPlan, lang),
      ]),
      new Set([3, 4]),
    );
  const why = r.explanations ?? [];
  if (why.length > 0) {
    out += '\n' + (fa ? 'چرا بیرون ماند یا جابه‌جا شد:\n' : 'Why left out or moved:\n');
    for (const e of why) {
      const head = fa
        ? `${iso(e.id, lang)} (${e.why === 'moved' ? 'جابه‌جا شده' : e.why === 'forced-out' ? 'به خواست کاربر بیرون' : 'بیرون مانده'})`
        : `${e.id} (${e.why})`;
      out += `- ${head}: ${fa ? e.message.fa : e.message.en}\n`;
    }
  }
  const binding = r.binding ?? [];
  if (binding.length > 0) {
    out += '\n' + (fa ? 'قیدهای پرشده:\n' : 'Binding constraints:\n');
    for (const b of binding) out += `- ${fa ? b.message.fa : b.message.en}\n`;
  }
  return out;
}

/** Scenarios side by side: each scenario's plan per project, then robust and the rest. */
function scenariosText(side: ScenarioPortfolios, order: readonly string[], lang: Language): string {
  const fa = lang === 'fa';
  const names = side.scenarios.map((x) => x.scenario);
  let out = '';
  for (const x of side.scenarios)
    out += `${fa ? scenarioCaption(x.scenario, 'fa') : x.scenario}: ${fa ? x.result.message.fa : x.result.message.en}\n`;
  const ids = [...side.robust, ...side.some.map((x) => x.id)];
  ids.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const cell = (r: PortfolioResult, id: string): string => {
    if (!r.chosen.includes(id)) return '-';
    const at = r.schedule?.find((x) => x.id === id)?.start;
    return at === undefined || at === null ? (fa ? 'بله' : 'yes') : plain(at, lang);
  };
  out +=
    '\n' +
    textTable(
      [fa ? 'پروژه' : 'project', ...names.map((n) => (fa ? scenarioCaption(n, 'fa') : n))],
      ids.map((id) => [iso(id, lang), ...side.scenarios.map((x) => cell(x.result, id))]),
    );
  const list = (xs: string[]) => xs.map((x) => iso(x, lang)).join(fa ? '، ' : ', ') || '-';
  out += fa
    ? `\nدر همه سناریوها (پایدار): ${list(side.robust)}\nفقط در برخی: ${list(side.some.map((x) => x.id))}\n`
    : `\nChosen in every scenario (robust): ${list(side.robust)}\nOnly in some: ${list(side.some.map((x) => x.id))}\n`;
  return out;
}
