/**
 * `plan chain`: the budget linkage of one ID (budget code, project,
 * activity, program, strategy, goal or KPI): the path up to its goal, money
 * per year at each level, sources, upstream directives and documents, KPIs,
 * and where the chain breaks.
 */
import type { LinkLevel, LinkNode } from '#core';
import { LINK_LEVELS, chainPath, formatChain, resolveChain, fsi } from '#core';
import type { Command } from '../command';
import { findingsText, toJsonFinding } from '../findings';
import { money, plain, textTable } from '../format';
import { EXIT, reportProblem, toJson } from '../io';
import { planFromFile, stopOnErrors } from '../plan-input';

const LEVELS = new Set<string>(LINK_LEVELS.map((l) => l.value));

function nodeJson(n: LinkNode | null) {
  if (!n) return null;
  return {
    level: n.level,
    id: n.id,
    title: n.title,
    itemKind: n.itemKind,
    table: n.table,
    sheet: n.sheet,
    row: n.row,
    reference: n.reference,
    excluded: n.excluded,
    money: Object.fromEntries(n.money),
    kpis: n.kpis,
  };
}

/** `plan chain`: the budget linkage chain of one ID. */
export const chainCommand: Command = {
  name: 'chain',
  summary: {
    fa: 'زنجیره پیوند یک شناسه را از هدف کلان تا ردیف بودجه نشان می‌دهد: راهبرد، برنامه، پروژه یا فعالیت، منابع، اسناد فرادست، شاخص‌ها، مبلغ هر سال و جایی که زنجیره می‌گسلد.',
    en: 'Shows the linkage chain of an ID from its goal down to budget lines: strategy, program, project or activity, sources, upstream documents, KPIs, money per year, and where the chain breaks.',
  },
  usage: 'chain FILE.xlsx ID [--level LEVEL] [--reference FRAMEWORK.xlsx]',
  examples: ['chain plan.xlsx P-016', 'chain plan.xlsx S2.1 --lang en --json'],
  options: {
    level: {
      type: 'string',
      value: 'LEVEL',
      description: {
        fa: 'فقط در این سطح بگرد: \u2066goal\u2069، \u2066strategy\u2069، \u2066program\u2069، \u2066item\u2069، \u2066budget\u2069 یا \u2066kpi\u2069',
        en: 'look at this level only: goal, strategy, program, item, budget or kpi',
      },
    },
    reference: {
      type: 'string',
      value: 'FILE.xlsx',
      description: { fa: 'کارپوشه چارچوب شهر', en: 'the city framework workbook' },
    },
  },
  positionals: { min: 2, max: 2, names: ['FILE.xlsx', 'ID'] },
  async run(ctx) {
    const { io, lang } = ctx;
    const [file = '', id = ''] = ctx.positionals;
    const level = ctx.values.level;
    if (level !== undefined && (typeof level !== 'string' || !LEVELS.has(level)))
      return reportProblem(
        io,
        {
          code: EXIT.input,
          message: {
            fa: `\u2066--level\u2069 باید یکی از ${[...LEVELS].join('، ')} باشد`,
            en: `--level must be one of ${[...LEVELS].join(', ')}`,
          },
          helpFor: 'chain',
        },
        lang,
      );
    const input = await planFromFile(
      ctx,
      file,
      typeof ctx.values.reference === 'string' ? ctx.values.reference : undefined,
    );
    if (!input.ok) return reportProblem(io, input.problem, lang);
    const stop = stopOnErrors(ctx, input.value.findings, [
      'tblGoals',
      'tblStrategies',
      'tblPrograms',
      'tblProjects',
      'tblActivities',
      'tblBudgetLines',
      'tblKpis',
    ]);
    if (stop !== null) return stop;
    const chain = resolveChain(
      input.value.plan,
      id,
      typeof level === 'string' ? { level: level as LinkLevel } : {},
    );
    if (!chain)
      return reportProblem(
        io,
        {
          code: EXIT.findings,
          message: {
            fa: `شناسه «${fsi(id)}» در هیچ جدولی از «${fsi(file)}» نیست (کد بودجه، پروژه، فعالیت، برنامه، راهبرد، هدف یا شاخص)`,
            en: `ID "${id}" is in no table of "${file}" (budget code, project, activity, program, strategy, goal or KPI)`,
          },
        },
        lang,
      );
    const breaks = chain.breaks.map((b) => b.finding);
    if (ctx.json) {
      io.stdout.write(
        toJson({
          query: chain.query,
          years: chain.years,
          path: formatChain(chain, lang),
          goal: nodeJson(chain.goal),
          strategy: nodeJson(chain.strategy),
          program: nodeJson(chain.program),
          scheme: nodeJson(chain.scheme),
          item: nodeJson(chain.item),
          budgetLine: nodeJson(chain.budgetLine),
          kpi: nodeJson(chain.kpi),
          descendants: {
            strategies: chain.descendants.strategies.map(nodeJson),
            programs: chain.descendants.programs.map(nodeJson),
            schemes: chain.descendants.schemes.map(nodeJson),
            items: chain.descendants.items.map(nodeJson),
          },
          budgetLines: chain.budgetLines.map(nodeJson),
          sources: chain.sources.map(nodeJson),
          directives: chain.directives.map(nodeJson),
          documents: chain.documents.map(nodeJson),
          breaks: breaks.map(toJsonFinding),
        }) + '\n',
      );
      return EXIT.ok;
    }
    const caption = (l: LinkLevel) => {
      const c = LINK_LEVELS.find((x) => x.value === l);
      return c ? (lang === 'fa' ? c.fa : c.en) : l;
    };
    let out = formatChain(chain, lang) + '\n\n';
    const path = chainPath(chain);
    out += textTable(
      [
        lang === 'fa' ? 'سطح' : 'level',
        lang === 'fa' ? 'شناسه' : 'ID',
        ...chain.years.map((y) => plain(y, lang)),
      ],
      path.map((n) => [
        caption(n.level),
        n.id,
        ...chain.years.map((y) => money(n.money.get(y) ?? 0n, lang)),
      ]),
      new Set(chain.years.map((_, i) => i + 2)),
    );
    const list = (label: { fa: string; en: string }, nodes: readonly LinkNode[]) => {
      if (nodes.length > 0)
        out += `${lang === 'fa' ? label.fa : label.en}: ${nodes.map((n) => `${lang === 'fa' ? fsi(n.id) : n.id} ${n.title}`.trim()).join(lang === 'fa' ? '؛ ' : '; ')}\n`;
    };
    out += '\n';
    list({ fa: 'منابع تأمین', en: 'Funding sources' }, chain.sources);
    list({ fa: 'رهنمودهای فرادست', en: 'Upstream directives' }, chain.directives);
    list({ fa: 'اسناد فرادست', en: 'Upstream documents' }, chain.documents);
    list({ fa: 'ردیف‌های بودجه', en: 'Budget lines' }, chain.budgetLines);
    const kpis = path.flatMap((n) => n.kpis);
    if (kpis.length > 0)
      out += `${lang === 'fa' ? 'شاخص‌ها' : 'KPIs'}: ${kpis.map((k) => `${k.id} ${k.title}`).join(lang === 'fa' ? '؛ ' : '; ')}\n`;
    io.stdout.write(out);
    if (breaks.length > 0) io.stderr.write(findingsText(breaks, lang));
    return EXIT.ok;
  },
};
