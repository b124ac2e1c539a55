/**
 * `plan portfolio`: the capital projects to fund so that the total priority
 * score is largest within each year's capital budget (mandatory projects and
 * prerequisites kept), compared with rank-and-fill.
 */
import type { Finding, Rials } from '#core';
import { cellText, matchKey, portfolioFromPlan, readMoney, readYear, selectPortfolio } from '#core';
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
    const result = await selectPortfolio(problem.input, {
      timeLimitSeconds: limit.value ?? DEFAULT_TIME_LIMIT,
    });
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
    io.stdout.write(out);
    const warnings = findings.filter((f) => f.severity === 'warning');
    if (warnings.length > 0) io.stderr.write(findingsText(warnings, lang));
    return EXIT.ok;
  },
};
