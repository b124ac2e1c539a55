/**
 * `plan budget`: the budget album (آلبوم بودجه) of a workbook: the budget lines' totals per
 * year by head, chapter, function, program or scheme, for one stage or the current budget
 * (approved + amendments + supplements), with the plan's cost of the same items beside them.
 */
import type {
  AlbumStage,
  BudgetAlbum,
  BudgetGrouping,
  Language,
  Plan,
  RawTable,
  Rials,
} from '#core';
import { CHAPTERS, BUDGET_KINDS, BUDGET_STAGES, budgetAlbum, fsi, moneyCell } from '#core';
import type { Command } from '../command';
import { writeRawWorkbook } from '../../io';
import { money, plain, textTable } from '../format';
import { FORCE_OPTION, OUT_OPTION, checkOutPath, writeOut } from '../output';
import { EXIT, reportProblem, toJson } from '../io';
import { planFromFile, stopOnErrors } from '../plan-input';

const GROUPINGS: readonly BudgetGrouping[] = ['head', 'chapter', 'function', 'program', 'scheme'];
const GROUPING_CAPTIONS: Readonly<Record<BudgetGrouping, { fa: string; en: string }>> = {
  head: { fa: 'سرفصل', en: 'head' },
  chapter: { fa: 'فصل هزینه', en: 'chapter' },
  function: { fa: 'وظیفه', en: 'function' },
  program: { fa: 'برنامه', en: 'program' },
  scheme: { fa: 'طرح', en: 'scheme' },
};

export const budgetCommand: Command = {
  name: 'budget',
  summary: {
    fa: 'آلبوم بودجه: جمع ردیف‌های بودجه هر سال به تفکیک سرفصل، فصل هزینه، وظیفه، برنامه یا طرح، در یک مرحله یا بودجه جاری (مصوب و اصلاحیه و متمم)، با هزینه برنامه همان اقلام در کنار آن.',
    en: 'The budget album: the budget lines’ totals per year by head, chapter, function, program or scheme, for one stage or the current budget (approved + amendments + supplements), with the plan’s cost of the same items beside them.',
  },
  usage:
    'budget FILE.xlsx [--by head|chapter|function|program|scheme] [--stage STAGE] [--reference FRAMEWORK.xlsx]',
  examples: ['budget plan.xlsx', 'budget plan.xlsx --by chapter --stage proposed --lang en --json'],
  options: {
    by: {
      type: 'string',
      value: 'head|chapter|function|program|scheme',
      description: { fa: 'تفکیک (پیش‌فرض سرفصل)', en: 'grouping (default head)' },
    },
    stage: {
      type: 'string',
      value: 'STAGE',
      description: {
        fa: 'مرحله بودجه: \u2066current\u2069 (پیش‌فرض: مصوب و اصلاحیه و متمم) یا یکی از مرحله‌ها',
        en: 'the budget stage: current (default: approved + amended + supplement) or one stage',
      },
    },
    reference: {
      type: 'string',
      value: 'FILE.xlsx',
      description: { fa: 'کارپوشه چارچوب شهر', en: 'the city framework workbook' },
    },
    out: OUT_OPTION,
    force: FORCE_OPTION,
  },
  positionals: { min: 1, max: 1, names: ['FILE.xlsx'] },
  async run(ctx) {
    const { io, lang } = ctx;
    const byValue = typeof ctx.values.by === 'string' ? ctx.values.by : 'head';
    const by = GROUPINGS.find((g) => g === byValue);
    const stageValue = typeof ctx.values.stage === 'string' ? ctx.values.stage : 'current';
    const stage: AlbumStage | undefined =
      stageValue === 'current'
        ? 'current'
        : BUDGET_STAGES.find((s) => s.value === stageValue)?.value;
    if (by === undefined || stage === undefined)
      return reportProblem(
        io,
        {
          code: EXIT.input,
          message:
            by === undefined
              ? {
                  fa: `تفکیک «${fsi(byValue)}» شناخته نیست؛ یکی از ${GROUPINGS.map((g) => fsi(g)).join('، ')}`,
                  en: `unknown grouping "${byValue}"; one of ${GROUPINGS.join(', ')}`,
                }
              : {
                  fa: `مرحله «${fsi(stageValue)}» شناخته نیست؛ \u2066current\u2069 یا یکی از ${BUDGET_STAGES.map((s) => fsi(s.value)).join('، ')}`,
                  en: `unknown stage "${stageValue}"; current or one of ${BUDGET_STAGES.map((s) => s.value).join(', ')}`,
                },
          helpFor: 'budget',
        },
        lang,
      );
    const input = await planFromFile(
      ctx,
      ctx.positionals[0] ?? '',
      typeof ctx.values.reference === 'string' ? ctx.values.reference : undefined,
    );
    if (!input.ok) return reportProblem(io, input.problem, lang);
    const stop = stopOnErrors(ctx, input.value.findings, ['tblPlanInfo', 'tblBudgetLines']);
    if (stop !== null) return stop;
    const album = budgetAlbum(input.value.plan, by, stage);
    const stageName =
      stage === 'current'
        ? lang === 'fa'
          ? 'بودجه جاری (مصوب، اصلاحیه و متمم)'
          : 'current budget (approved, amended, supplement)'
        : (BUDGET_STAGES.find((s) => s.value === stage)?.[lang] ?? stage);
    if (typeof ctx.values.out === 'string') {
      // The album as a print-ready workbook: one sheet per grouping, in the run's language.
      const out = ctx.values.out;
      const target = await checkOutPath(io, out, ctx.values.force === true, 'budget');
      if (!target.ok) return reportProblem(io, target.problem, lang);
      const tables = GROUPINGS.map((g) => albumTable(input.value.plan, g, stage, lang));
      const amount = { numFmt: '#,##0' };
      const presentation = Object.fromEntries(
        tables.map((t, i) => {
          const g = GROUPINGS[i] as BudgetGrouping;
          const title =
            lang === 'fa'
              ? `آلبوم بودجه به تفکیک ${GROUPING_CAPTIONS[g].fa}، ${stageName}`
              : `Budget album by ${g}, ${stageName}`;
          return [t.name, { title, columns: [undefined, { numFmt: '0' }, amount, amount, amount] }];
        }),
      );
      const bytes = await writeRawWorkbook(
        { tables },
        { lang, guide: false, presentation, city: input.value.plan.info.City || undefined },
      );
      const written = await writeOut(target.value, out, bytes);
      if (!written.ok) return reportProblem(io, written.problem, lang);
      io.stdout.write(
        ctx.json
          ? toJson({ out, sheets: GROUPINGS }) + '\n'
          : lang === 'fa'
            ? `آلبوم بودجه در «${fsi(out)}» نوشته شد (${GROUPINGS.length} برگه).\n`
            : `Wrote the budget album to "${out}" (${GROUPINGS.length} sheets).\n`,
      );
      return EXIT.ok;
    }
    if (ctx.json) {
      io.stdout.write(
        toJson({
          by,
          stage,
          years: album.years,
          groups: [...album.groups].map(([key, years]) => ({
            key,
            years: [...years].map(([year, c]) => ({ year, budget: c.budget, plan: c.plan })),
          })),
        }) + '\n',
      );
      return EXIT.ok;
    }
    const m = (v: Rials) => money(v, lang);
    // In Persian text the codes are isolated for bidi; in the workbook's cells they stand alone.
    const label = (key: string) => groupLabel(by, key, lang, lang === 'fa' ? fsi : String);
    const rows: string[][] = [];
    for (const [key, years] of album.groups)
      for (const year of album.years) {
        const c = years.get(year);
        if (!c) continue;
        rows.push([label(key), plain(year, lang), m(c.budget), m(c.plan), m(c.budget - c.plan)]);
      }
    io.stdout.write(
      (lang === 'fa'
        ? `آلبوم بودجه به تفکیک ${GROUPING_CAPTIONS[by].fa}، ${stageName} (ریال):\n`
        : `Budget album by ${by}, ${stageName} (Rials):\n`) +
        textTable(
          lang === 'fa'
            ? [GROUPING_CAPTIONS[by].fa, 'سال', 'بودجه', 'برنامه', 'تفاوت']
            : [by, 'year', 'budget', 'plan', 'difference'],
          rows,
          new Set([2, 3, 4]),
        ),
    );
    return EXIT.ok;
  },
};

/** A caption of a group key in the album (a head, a chapter with its title, a code). */
function groupLabel(
  by: BudgetGrouping,
  key: string,
  lang: Language,
  code: (text: string) => string = String,
): string {
  if (key === '') return lang === 'fa' ? 'نامعلوم' : 'not given';
  if (by === 'head') return BUDGET_KINDS.find((k) => k.value === key)?.[lang] ?? key;
  if (by === 'chapter') {
    const c = CHAPTERS.find((x) => x.value === key);
    return c ? `${code(key)} ${c[lang]}` : code(key);
  }
  return code(key);
}

/** One grouping of the album as a table of the workbook (amounts in whole Rials). */
function albumTable(plan: Plan, by: BudgetGrouping, stage: AlbumStage, lang: Language): RawTable {
  const album: BudgetAlbum = budgetAlbum(plan, by, stage);
  const caption = GROUPING_CAPTIONS[by][lang];
  const rows: RawTable['rows'] = [];
  for (const [key, years] of album.groups)
    for (const year of album.years) {
      const c = years.get(year);
      if (!c) continue;
      // Exact as text beyond 2^53 Rials, else a number the sheet can add up.
      const cell = moneyCell;
      rows.push([
        groupLabel(by, key, lang),
        year,
        cell(c.budget),
        cell(c.plan),
        cell(c.budget - c.plan),
      ]);
    }
  const name = `tblAlbum${by[0]?.toUpperCase()}${by.slice(1)}`;
  return {
    name,
    sheet: lang === 'fa' ? `آلبوم - ${caption}` : `Album - ${caption}`,
    header:
      lang === 'fa'
        ? [caption, 'سال', 'بودجه (ریال)', 'برنامه (ریال)', 'تفاوت (ریال)']
        : [caption, 'year', 'budget (Rials)', 'plan (Rials)', 'difference (Rials)'],
    rows,
  };
}
