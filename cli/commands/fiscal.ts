/**
 * `plan fiscal`: spending of each plan year (activities, projects, opex of
 * finished projects) against the forecast revenue of a scenario, the gap,
 * the same by revenue class, and (contract v2) the operating, capital and
 * financial balance with the cash position.
 */
import type { RevenueClass, Rials } from '#core';
import { REVENUE_CLASSES, fiscalBalance, scenarioCaption, budgetBalances } from '#core';
import type { Command } from '../command';
import { findingsText, toJsonFinding } from '../findings';
import { money, plain, textTable } from '../format';
import { EXIT, reportProblem, toJson } from '../io';
import { capitalBudgetOf, planFromFile, stopOnErrors } from '../plan-input';

/** `plan fiscal`: the fiscal balance of a revenue scenario. */
export const fiscalCommand: Command = {
  name: 'fiscal',
  summary: {
    fa: 'مصارف هر سال برنامه (فعالیت‌های مستمر، پروژه‌ها و هزینه جاری پروژه‌های تمام‌شده) را با درآمد پیش‌بینی‌شده یک سناریو می‌سنجد و مازاد یا کسری را نشان می‌دهد.',
    en: 'Compares each plan year’s spending (continuous activities, projects, opex of finished projects) with the forecast revenue of a scenario and shows the surplus or deficit.',
  },
  usage: 'fiscal FILE.xlsx [--scenario NAME] [--reference FRAMEWORK.xlsx]',
  examples: ['fiscal plan.xlsx', 'fiscal plan.xlsx --scenario pessimistic --lang en --json'],
  options: {
    scenario: {
      type: 'string',
      value: 'NAME',
      description: {
        fa: 'سناریوی درآمد (پیش‌فرض: سناریوی مشخصات برنامه، وگرنه \u2066base\u2069)',
        en: 'revenue scenario (default: the workbook’s Scenario, else base)',
      },
    },
    reference: {
      type: 'string',
      value: 'FILE.xlsx',
      description: { fa: 'کارپوشه چارچوب شهر', en: 'the city framework workbook' },
    },
  },
  positionals: { min: 1, max: 1, names: ['FILE.xlsx'] },
  async run(ctx) {
    const { io, lang } = ctx;
    const input = await planFromFile(
      ctx,
      ctx.positionals[0] ?? '',
      typeof ctx.values.reference === 'string' ? ctx.values.reference : undefined,
    );
    if (!input.ok) return reportProblem(io, input.problem, lang);
    const stop = stopOnErrors(ctx, input.value.findings, [
      'tblPlanInfo',
      'tblProjects',
      'tblActivities',
      'tblFundingSources',
      'tblRevenueHistory',
      'tblRevenueScenarios',
    ]);
    if (stop !== null) return stop;
    const { plan } = input.value;
    const chosen = capitalBudgetOf(ctx, plan);
    if (!chosen.ok) return reportProblem(io, chosen.problem, lang);
    const s = chosen.budget.forecast;
    const byClass = new Map<RevenueClass, ReadonlyMap<number, Rials>>(
      s.classes.map((c) => [c.revenueClass, c.amounts]),
    );
    const balance = fiscalBalance(plan, s.totals, { revenueByClass: byClass });
    // v2: the operating, capital and financial balance of each year and the cash position.
    const heads = budgetBalances(plan, s);
    const findings = [...chosen.budget.findings, ...balance.findings, ...heads.findings];
    if (ctx.json) {
      io.stdout.write(
        toJson({
          scenario: s.scenario,
          complete: s.complete,
          years: balance.years,
          byClass: balance.byClass,
          openingBalance: heads.openingBalance,
          balances: heads.years,
          findings: findings.map(toJsonFinding),
        }) + '\n',
      );
      return EXIT.ok;
    }
    const m = (v: Rials | null) => (v === null ? '-' : money(v, lang));
    let out =
      (lang === 'fa'
        ? `تراز مالی برنامه در سناریوی ${scenarioCaption(s.scenario, 'fa')} (ریال):\n`
        : `Fiscal balance in scenario ${s.scenario} (Rials):\n`) +
      textTable(
        lang === 'fa'
          ? [
              'سال',
              'درآمد پیش‌بینی',
              'فعالیت‌ها',
              'پروژه‌ها',
              'هزینه جاری پروژه‌ها',
              'جمع مصارف',
              'مازاد/کسری',
            ]
          : ['year', 'forecast revenue', 'activities', 'projects', 'opex', 'spending', 'gap'],
        balance.years.map((y) => [
          plain(y.year, lang),
          m(y.revenue),
          m(y.activities),
          m(y.projects),
          m(y.opex),
          m(y.total),
          m(y.gap),
        ]),
        new Set([1, 2, 3, 4, 5, 6]),
      );
    const caption = (c: RevenueClass | null) =>
      c === null
        ? lang === 'fa'
          ? 'بدون طبقه'
          : 'no class'
        : lang === 'fa'
          ? (REVENUE_CLASSES.find((x) => x.value === c)?.fa ?? c)
          : c;
    const rows = balance.byClass.flatMap((c) =>
      c.years.map((y) => [
        caption(c.revenueClass),
        plain(y.year, lang),
        m(y.revenue),
        m(y.spending.total),
        m(y.gap),
      ]),
    );
    out +=
      '\n' +
      (lang === 'fa' ? 'به تفکیک طبقه درآمد:\n' : 'By revenue class:\n') +
      textTable(
        lang === 'fa'
          ? ['طبقه درآمد', 'سال', 'درآمد', 'مصارف از منابع آن', 'مازاد/کسری']
          : ['revenue class', 'year', 'revenue', 'spending it funds', 'gap'],
        rows,
        new Set([2, 3, 4]),
      );
    out +=
      '\n' +
      (lang === 'fa'
        ? 'تراز عملیاتی، سرمایه‌ای و مالی (هزینه جاری از درآمد، پروژه‌ها از واگذاری دارایی سرمایه‌ای، بازپرداخت‌ها از واگذاری دارایی مالی):\n'
        : 'Operating, capital and financial balance (current spending against revenue, projects against capital disposals, repayments against financial disposals):\n') +
      textTable(
        lang === 'fa'
          ? [
              'سال',
              'هزینه جاری',
              'تملک سرمایه‌ای',
              'تملک مالی',
              'تراز عملیاتی',
              'تراز سرمایه‌ای',
              'تراز مالی',
              'موجودی نقد',
            ]
          : [
              'year',
              'current',
              'capital',
              'financial',
              'operating',
              'capital balance',
              'financial balance',
              'cash',
            ],
        heads.years.map((y) => [
          plain(y.year, lang),
          m(y.current),
          m(y.capital),
          m(y.financial),
          m(y.operating),
          m(y.capitalBalance),
          m(y.financialBalance),
          m(y.cash),
        ]),
        new Set([1, 2, 3, 4, 5, 6, 7]),
      );
    io.stdout.write(out);
    if (findings.length > 0) io.stderr.write(findingsText(findings, lang));
    return EXIT.ok;
  },
};
