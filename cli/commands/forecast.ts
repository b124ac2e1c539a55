/**
 * `plan forecast`: revenue forecasts per class and year for each scenario,
 * with the Monte Carlo P10/P50/P90; `--json` adds the fitted parameters and
 * in-sample SSE.
 */
import type {
  Finding,
  Language,
  RawCell,
  RawTable,
  RevenueMethod,
  RevenueQuantile,
  Rials,
  SimulatedYear,
} from '#core';
import {
  PLAN_INFO_KEYS,
  REVENUE_CLASSES,
  cellText,
  forecastRevenueScenarios,
  matchKey,
  parseRevenueMethod,
  readPlan,
  simulateRevenueScenario,
  fsi,
  scenarioCaption,
  REVENUE_METHODS,
} from '#core';
import type { Command } from '../command';
import { intOption, requireOption } from '../command';
import { findingsText, toJsonFinding } from '../findings';
import { money, plain, textTable } from '../format';
import { EXIT, reportProblem, toJson } from '../io';
import { loadTable } from '../load';
import { stopOnErrors } from '../plan-input';

/** Paths simulated when `--simulations` is not given: P10/P90 move by well under 1% between seeds. */
const DEFAULT_SIMULATIONS = 5_000;
/** Seed when `--seed` is not given, so that a run is reproducible by default. */
const DEFAULT_SEED = 1;
/** Plan years forecast from CSV history when `--horizon` is not given: the five-year plan. */
const DEFAULT_HORIZON = 5;
/** The reader's longest plan (read/plan.ts: Years 1–10). */
const MAX_HORIZON = 10;

const classCaption = (cls: string, lang: Language) => {
  const c = REVENUE_CLASSES.find((x) => x.value === cls);
  return c ? (lang === 'fa' ? c.fa : c.value) : cls;
};

function quantile(qs: readonly RevenueQuantile[], p: number): Rials | null {
  return qs.find((q) => Math.abs(q.p - p) < 1e-9)?.value ?? null;
}

function columnOf(table: RawTable, keys: readonly string[]): number {
  const wanted = new Set(keys.map(matchKey));
  return table.header.findIndex((h) => wanted.has(matchKey(cellText(h))));
}

/** The history's last year, for the plan years of a CSV forecast. */
function lastHistoryYear(history: RawTable): number | null {
  const i = columnOf(history, ['Year', 'سال']);
  if (i < 0) return null;
  let last: number | null = null;
  for (const row of history.rows) {
    const y = Number(matchKey(cellText(row[i])));
    if (Number.isInteger(y) && y >= 1300 && y <= 1599) last = Math.max(last ?? y, y);
  }
  return last;
}

/** The classes of the history, for a scenario table made from `--method`. */
function classesOf(history: RawTable): string[] {
  const i = columnOf(history, ['RevenueClass', 'طبقه درآمد', 'Revenue class']);
  if (i < 0) return [];
  return [...new Set(history.rows.map((r) => cellText(r[i])).filter((c) => c !== ''))];
}

/** `plan forecast`: revenue forecasts and Monte Carlo quantiles per class and year. */
export const forecastCommand: Command = {
  name: 'forecast',
  summary: {
    fa: 'درآمد هر طبقه را در هر سال برنامه و برای هر سناریو پیش‌بینی می‌کند، با صدک‌های ۱۰، ۵۰ و ۹۰ از شبیه‌سازی مونت‌کارلو؛ با \u2066--json\u2069 پارامترهای برازش و \u2066SSE\u2069 درون‌نمونه‌ای را هم می‌دهد.',
    en: 'Forecasts revenue per class, plan year and scenario, with P10/P50/P90 from a Monte Carlo simulation; with --json also the fitted parameters and in-sample SSE.',
  },
  usage:
    'forecast --history FILE [--scenarios FILE] [--scenario NAME] [--method M] [--horizon N] [--simulations N --seed S]',
  examples: [
    'forecast --history revenue-history.csv --method holt --horizon 5',
    'forecast --history plan.xlsx --scenarios plan.xlsx --simulations 10000 --seed 7 --json',
  ],
  options: {
    history: {
      type: 'string',
      value: 'FILE',
      description: {
        fa: 'سابقه درآمد: \u2066CSV\u2069 با ستون‌های \u2066RevenueClass\u2069، \u2066Year\u2069، \u2066Amount\u2069 یا کارپوشه‌ای با \u2066tblRevenueHistory\u2069',
        en: 'revenue history: a CSV with RevenueClass, Year, Amount, or a workbook with tblRevenueHistory',
      },
    },
    scenarios: {
      type: 'string',
      value: 'FILE',
      description: {
        fa: 'فرض‌های سناریوها (\u2066tblRevenueScenarios\u2069)؛ بی آن: یک سناریوی \u2066base\u2069 با روش خودکار',
        en: 'scenario assumptions (tblRevenueScenarios); without it one scenario "base", method auto',
      },
    },
    scenario: {
      type: 'string',
      value: 'NAME',
      description: { fa: 'فقط این سناریو', en: 'only this scenario' },
    },
    method: {
      type: 'string',
      value: 'M',
      description: {
        fa: 'روش برای همه طبقه‌ها: \u2066growth\u2069، \u2066trend\u2069، \u2066holt\u2069، \u2066damped\u2069 یا \u2066auto\u2069',
        en: 'method for every class: growth, trend, holt, damped or auto',
      },
    },
    horizon: {
      type: 'string',
      value: 'N',
      description: {
        fa: 'تعداد سال‌های پیش‌بینی پس از آخرین سال سابقه (۱ تا ۱۰؛ پیش‌فرض ۵ یا دوره برنامه)',
        en: 'years to forecast after the last history year (1–10; default 5, or the plan period)',
      },
    },
    simulations: {
      type: 'string',
      value: 'N',
      description: {
        fa: 'تعداد مسیرهای مونت‌کارلو (پیش‌فرض ۵۰۰۰؛ ۰ بدون شبیه‌سازی)',
        en: 'Monte Carlo paths (default 5000; 0 for none)',
      },
    },
    seed: {
      type: 'string',
      value: 'S',
      description: { fa: 'بذر عدد تصادفی (پیش‌فرض ۱)', en: 'random seed (default 1)' },
    },
  },
  positionals: { min: 0, max: 0, names: [] },
  async run(ctx) {
    const { io, lang } = ctx;
    const historyPath = requireOption(ctx, 'forecast', 'history', {
      fa: 'فایل سابقه درآمد',
      en: 'the revenue history file',
    });
    if (!historyPath.ok) return reportProblem(io, historyPath.problem, lang);
    const horizon = intOption(ctx, 'forecast', 'horizon', {
      min: 1,
      max: MAX_HORIZON,
      fallback: null,
    });
    if (!horizon.ok) return reportProblem(io, horizon.problem, lang);
    const sims = intOption(ctx, 'forecast', 'simulations', {
      min: 0,
      max: 100_000,
      fallback: DEFAULT_SIMULATIONS,
    });
    if (!sims.ok) return reportProblem(io, sims.problem, lang);
    const seed = intOption(ctx, 'forecast', 'seed', {
      min: 0,
      max: Number.MAX_SAFE_INTEGER,
      fallback: DEFAULT_SEED,
    });
    if (!seed.ok) return reportProblem(io, seed.problem, lang);
    let method: RevenueMethod | null = null;
    if (typeof ctx.values.method === 'string') {
      method = parseRevenueMethod(ctx.values.method);
      if (method === null)
        return reportProblem(
          io,
          {
            code: EXIT.input,
            message: {
              fa: `روش «${fsi(ctx.values.method)}» شناخته نیست؛ یکی از \u2066growth\u2069، \u2066trend\u2069، \u2066holt\u2069، \u2066damped\u2069، \u2066auto\u2069`,
              en: `unknown method "${ctx.values.method}"; one of growth, trend, holt, damped, auto`,
            },
            helpFor: 'forecast',
          },
          lang,
        );
    }

    const history = await loadTable(io, historyPath.value, 'tblRevenueHistory', 'history');
    if (!history.ok) return reportProblem(io, history.problem, lang);
    const [historyTable] = history.value;
    if (!historyTable) return EXIT.input;
    const tables: RawTable[] = [...history.value];
    if (typeof ctx.values.scenarios === 'string') {
      const sc = await loadTable(io, ctx.values.scenarios, 'tblRevenueScenarios', 'scenarios');
      if (!sc.ok) return reportProblem(io, sc.problem, lang);
      tables.push(...sc.value.filter((t) => t.name === 'tblRevenueScenarios'));
    }
    if (method !== null) {
      // --method replaces the method of every scenario row, or makes one scenario of it.
      const scen = tables.find((t) => t.name === 'tblRevenueScenarios');
      if (scen) {
        const m = columnOf(scen, ['Method', 'روش پیش‌بینی']);
        const rows = scen.rows.map((r) => r.map((c, i) => (i === m ? method : c)));
        tables.splice(tables.indexOf(scen), 1, {
          ...scen,
          header: m < 0 ? [...scen.header, 'Method'] : scen.header,
          rows: m < 0 ? rows.map((r) => [...r, method]) : rows,
        });
      } else
        tables.push({
          name: 'tblRevenueScenarios',
          header: ['Scenario', 'RevenueClass', 'Method', 'GrowthRate', 'Adjustment'],
          rows: classesOf(historyTable).map((c) => ['base', c, method, null, null]),
        });
    }
    // Plan years: --horizon after the last history year; else the workbook's plan; else 5 years.
    // The workbook's other settings (its Unit above all) are kept.
    const info = tables.find((t) => t.name === 'tblPlanInfo');
    const last = lastHistoryYear(historyTable);
    let own = tables;
    if ((!info || horizon.value !== null) && last !== null) {
      const period: RawCell[][] = [
        ['StartYear', last + 1],
        ['Years', horizon.value ?? DEFAULT_HORIZON],
      ];
      const periodKeys = new Set(
        PLAN_INFO_KEYS.filter((k) => k.key === 'StartYear' || k.key === 'Years').flatMap((k) =>
          [k.key, k.fa, k.en].map(matchKey),
        ),
      );
      const kept = info ? info.rows.filter((r) => !periodKeys.has(matchKey(cellText(r[0])))) : [];
      const made: RawTable = info
        ? { ...info, rows: [...kept.map((r) => [r[0] ?? null, r[1] ?? null]), ...period] }
        : { name: 'tblPlanInfo', header: ['Key', 'Value'], rows: period };
      own = [made, ...tables.filter((t) => t !== info)];
    }
    const read = readPlan({ tables: own });
    const stop = stopOnErrors(
      ctx,
      read.findings.filter((f) => f.code !== 'PLAN_INFO_MISSING'),
      ['tblRevenueHistory', 'tblRevenueScenarios', 'tblPlanInfo'],
    );
    if (stop !== null) return stop;
    const wanted = typeof ctx.values.scenario === 'string' ? ctx.values.scenario : undefined;
    const forecast = forecastRevenueScenarios(read.plan, wanted ? { scenario: wanted } : {});
    if (!forecast.ok)
      return reportProblem(io, { code: EXIT.findings, message: forecast.message }, lang);
    const findings: Finding[] = [...forecast.findings];

    const results = [];
    for (const s of forecast.scenarios) {
      let simulated: Map<string, readonly SimulatedYear[]> | null = null;
      if ((sims.value ?? 0) > 0) {
        const sim = simulateRevenueScenario(read.plan, {
          scenario: s.scenario,
          simulations: sims.value ?? DEFAULT_SIMULATIONS,
          seed: seed.value ?? DEFAULT_SEED,
        });
        if (!sim.ok) return reportProblem(io, { code: EXIT.findings, message: sim.message }, lang);
        simulated = new Map(sim.simulation.series.map((x) => [x.key, x.years]));
        simulated.set('', sim.simulation.total.years);
      }
      const yearsOf = (key: string, points: ReadonlyMap<number, Rials>) =>
        forecast.years.map((year) => {
          const sy = simulated?.get(key)?.find((y) => y.year === year);
          return {
            year,
            point: points.get(year) ?? null,
            p10: sy ? quantile(sy.quantiles, 0.1) : null,
            p50: sy ? quantile(sy.quantiles, 0.5) : null,
            p90: sy ? quantile(sy.quantiles, 0.9) : null,
          };
        });
      results.push({
        scenario: s.scenario,
        complete: s.complete,
        classes: s.classes.map((c) => ({
          revenueClass: c.revenueClass,
          requestedMethod: c.requestedMethod,
          method: c.method,
          growthRate: c.growthRate,
          adjustment: c.adjustment,
          lastHistoryYear: c.lastHistoryYear,
          parameters: c.fit,
          sse: c.fit.sse,
          years: yearsOf(c.revenueClass, c.amounts),
        })),
        total: yearsOf('', s.totals),
      });
    }

    if (ctx.json) {
      io.stdout.write(
        toJson({
          years: forecast.years,
          simulations: sims.value,
          seed: seed.value,
          scenarios: results,
          findings: findings.map(toJsonFinding),
        }) + '\n',
      );
      return EXIT.ok;
    }
    const m = (v: Rials | null) => (v === null ? '-' : money(v, lang));
    const header =
      lang === 'fa'
        ? ['طبقه درآمد', 'روش', 'سال', 'پیش‌بینی', 'صدک ۱۰', 'صدک ۵۰', 'صدک ۹۰']
        : ['revenue class', 'method', 'year', 'forecast', 'P10', 'P50', 'P90'];
    let out = '';
    for (const s of results) {
      const rows: string[][] = [];
      for (const c of s.classes)
        for (const y of c.years)
          rows.push([
            classCaption(c.revenueClass, lang),
            lang === 'fa'
              ? (REVENUE_METHODS.find((r) => r.value === c.method)?.fa ?? c.method)
              : c.method,
            plain(y.year, lang),
            m(y.point),
            m(y.p10),
            m(y.p50),
            m(y.p90),
          ]);
      for (const y of s.total)
        rows.push([
          lang === 'fa' ? 'جمع' : 'total',
          '',
          plain(y.year, lang),
          m(y.point),
          m(y.p10),
          m(y.p50),
          m(y.p90),
        ]);
      out +=
        (lang === 'fa'
          ? `سناریوی ${scenarioCaption(s.scenario, 'fa')} (ریال):\n`
          : `Scenario ${s.scenario} (Rials):\n`) +
        textTable(header, rows, new Set([3, 4, 5, 6])) +
        '\n';
    }
    io.stdout.write(out);
    if (findings.length > 0) io.stderr.write(findingsText(findings, lang));
    return EXIT.ok;
  },
};
