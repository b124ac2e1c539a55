/**
 * `plan score`: the priority score and rank of every project from its
 * criterion scores; with a pairwise matrix, the AHP weights and consistency.
 */
import { CRITERION_DIRECTIONS, scoreProjects } from '#core';
import type { Command, CommandContext } from '../command';
import { findingsText } from '../findings';
import { num, plain, textTable } from '../format';
import { EXIT, reportProblem, toJson } from '../io';
import type { Loaded } from '../load';
import type { PlanInput, TableInput } from '../plan-input';
import { errorsIn, planFromFile, planFromTables, stopOnErrors } from '../plan-input';
import { toJsonFinding } from '../findings';

const NEEDED = ['tblProjects', 'tblCriteria', 'tblCriteriaPairwise'] as const;

/** Reads the inputs of `score` and `portfolio`: a workbook, or `--projects`/`--criteria`[/`--pairwise`] files. */
export async function projectInputs(
  ctx: CommandContext,
  command: string,
): Promise<Loaded<PlanInput>> {
  const file = ctx.positionals[0];
  const projects = ctx.values.projects;
  const criteria = ctx.values.criteria;
  if (file !== undefined) return planFromFile(ctx, file);
  if (typeof projects !== 'string' || typeof criteria !== 'string')
    return {
      ok: false,
      problem: {
        code: EXIT.input,
        message: {
          fa: `یک کارپوشه بدهید (\u2066plan\u2069 ${command} \u2066FILE.xlsx\u2069) یا هر دو گزینه \u2066--projects\u2069 و \u2066--criteria\u2069 را`,
          en: `give a workbook (plan ${command} FILE.xlsx) or both --projects and --criteria`,
        },
        helpFor: command,
      },
    };
  const inputs: TableInput[] = [
    { option: 'projects', table: 'tblProjects', path: projects },
    { option: 'criteria', table: 'tblCriteria', path: criteria },
  ];
  if (typeof ctx.values.pairwise === 'string')
    inputs.push({ option: 'pairwise', table: 'tblCriteriaPairwise', path: ctx.values.pairwise });
  return planFromTables(ctx, inputs);
}

/** `plan score`: priority scores, ranks and AHP weights. */
export const scoreCommand: Command = {
  name: 'score',
  summary: {
    fa: 'امتیاز اولویت (۰ تا ۱۰۰) و رتبه هر پروژه را از امتیاز معیارها حساب می‌کند؛ با ماتریس مقایسه زوجی، وزن‌های \u2066AHP\u2069 و نسبت سازگاری را هم می‌دهد.',
    en: 'Computes the priority score (0–100) and rank of every project from its criterion scores; with a pairwise matrix, also the AHP weights and consistency ratio.',
  },
  usage: 'score --projects FILE --criteria FILE [--pairwise FILE] | score FILE.xlsx',
  examples: [
    'score --projects projects.csv --criteria criteria.csv',
    'score --projects projects.csv --criteria criteria.csv --pairwise pairwise.csv --json',
    'score plan.xlsx --lang en',
  ],
  options: {
    projects: {
      type: 'string',
      value: 'FILE',
      description: {
        fa: 'جدول پروژه‌ها (\u2066CSV\u2069 یا \u2066xlsx\u2069)',
        en: 'the projects table (CSV or xlsx)',
      },
    },
    criteria: {
      type: 'string',
      value: 'FILE',
      description: {
        fa: 'جدول معیارها (\u2066CSV\u2069 یا \u2066xlsx\u2069)',
        en: 'the criteria table (CSV or xlsx)',
      },
    },
    pairwise: {
      type: 'string',
      value: 'FILE',
      description: {
        fa: 'ماتریس مقایسه زوجی \u2066AHP\u2069 (اختیاری)',
        en: 'the AHP pairwise comparison matrix (optional)',
      },
    },
  },
  positionals: { min: 0, max: 1, names: ['FILE.xlsx'] },
  async run(ctx) {
    const { io, lang } = ctx;
    const input = await projectInputs(ctx, 'score');
    if (!input.ok) return reportProblem(io, input.problem, lang);
    const stop = stopOnErrors(ctx, input.value.findings, NEEDED);
    if (stop !== null) return stop;
    const result = scoreProjects(input.value.plan);
    const ahp = result.ahp && result.ahp.ok ? result.ahp : null;
    const failed = errorsIn(result.findings).length > 0;
    if (ctx.json) {
      io.stdout.write(
        toJson({
          weightsFrom: result.weightsFrom,
          criteria: result.criteria,
          ahp: ahp
            ? {
                weights: Object.fromEntries(result.criteria.map((c, i) => [c.id, ahp.weights[i]])),
                lambdaMax: ahp.lambdaMax,
                ci: ahp.ci,
                ri: ahp.ri,
                cr: ahp.cr,
                consistent: ahp.consistent,
              }
            : null,
          projects: result.projects.map((p) => ({
            id: p.id,
            title: p.title,
            score: p.score,
            rank: p.rank,
            mandatory: p.mandatory,
            status: p.status,
            missing: p.missing,
          })),
          findings: result.findings.map(toJsonFinding),
        }) + '\n',
      );
      return failed ? EXIT.findings : EXIT.ok;
    }
    const dirCaption = (d: string) =>
      lang === 'fa' ? (CRITERION_DIRECTIONS.find((c) => c.value === d)?.fa ?? d) : d;
    const criteriaRows = result.criteria.map((c) => [
      c.id,
      c.title,
      num(c.weight, lang, 3),
      dirCaption(c.direction),
      `${num(c.scaleMin, lang)}–${num(c.scaleMax, lang)}`,
    ]);
    let out =
      (lang === 'fa' ? 'معیارها' : 'Criteria') +
      (result.weightsFrom === 'ahp'
        ? lang === 'fa'
          ? ' (وزن از \u2066AHP\u2069)'
          : ' (weights from AHP)'
        : '') +
      ':\n' +
      textTable(
        lang === 'fa'
          ? ['شناسه', 'عنوان', 'وزن', 'جهت', 'مقیاس']
          : ['ID', 'title', 'weight', 'direction', 'scale'],
        criteriaRows,
        new Set([2]),
      );
    if (ahp)
      out +=
        (lang === 'fa'
          ? `\u2066AHP\u2069: \u2066λmax\u2069 = ${num(ahp.lambdaMax, lang, 4)}، \u2066CI\u2069 = ${num(ahp.ci, lang, 4)}، \u2066CR\u2069 = ${num(ahp.cr, lang, 4)} (${ahp.consistent ? 'سازگار' : 'ناسازگار؛ بیش از ۰٫۱۰'})`
          : `AHP: λmax = ${num(ahp.lambdaMax, lang, 4)}, CI = ${num(ahp.ci, lang, 4)}, CR = ${num(ahp.cr, lang, 4)} (${ahp.consistent ? 'consistent' : 'inconsistent: above 0.10'})`) +
        '\n';
    const flag = lang === 'fa' ? 'بله' : 'yes';
    out +=
      '\n' +
      (lang === 'fa' ? 'پروژه‌ها به ترتیب امتیاز:\n' : 'Projects by score:\n') +
      textTable(
        lang === 'fa'
          ? ['رتبه', 'شناسه', 'عنوان', 'امتیاز', 'الزامی']
          : ['rank', 'ID', 'title', 'score', 'mandatory'],
        result.projects.map((p) => [
          p.rank === null ? '-' : plain(p.rank, lang),
          p.id,
          p.title,
          p.score === null ? '-' : num(p.score, lang, 2),
          p.mandatory ? flag : '',
        ]),
        new Set([0, 3]),
      );
    io.stdout.write(out);
    if (result.findings.length > 0) io.stderr.write(findingsText(result.findings, lang));
    return failed ? EXIT.findings : EXIT.ok;
  },
};
