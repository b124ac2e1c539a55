/**
 * The figures of the help pages' worked examples, computed from the sample city's plan by the
 * same core functions the pane, the CLI and the register use, so that a page never shows a
 * figure the software would not give. A page names a figure `{{swot.ife}}`; each figure is
 * here once, written for each language (Persian digits in Persian, codes isolated).
 */
import type { Language } from '../contract/enums';
import { MUNICIPAL_ROLES, enumCaption, scenarioCaption } from '../contract/enums';
import type { Bilingual } from '../findings';
import { budgetBalances, inCurrentBudget, lineStage } from '../fiscal/heads';
import { computeCapitalBudget, fiscalBalance } from '../fiscal/index';
import {
  KPI_AT_RISK_FROM,
  KPI_ON_TRACK_FROM,
  KPI_STATUSES,
  KPI_TREND_STEADY_SLOPE,
  kpiReport,
} from '../kpi/index';
import { portfolioFromPlan } from '../portfolio/fromPlan';
import { rankAndFill } from '../portfolio/rank';
import { analysePairwiseTable } from '../priority/projects';
import { readPlan, rowsOf } from '../read/plan';
import { simulateRevenueScenario } from '../revenue/scenarios';
import { samplePlanWorkbook } from '../sample/build';
import { sampleMonitoringWorkbook } from '../sample/monitoring';
import {
  ATTENTION_FACTOR,
  EV_AT_RISK_FROM,
  EV_ON_TRACK_FROM,
  executionStatusCaption,
  monitoringReport,
} from '../monitor';
import { swotMatrix } from '../swot/index';
import { formatNumber, formatPercent } from '../util/format';
import { ltr } from '../util/text';

/** One figure of a worked example, in both languages. */
export type HelpValues = ReadonlyMap<string, Bilingual>;

/** Seed and paths of the worked example's Monte Carlo run (the CLI's `--seed 7` example). */
const SIMULATIONS = 2000;
const SEED = 7;

const BILLION = 1_000_000_000n;

/** Whole billions of Rials, rounded half away from zero (the pages speak in billion Rials). */
function billions(value: bigint, lang: Language): string {
  const neg = value < 0n;
  const abs = neg ? -value : value;
  const whole = (abs + BILLION / 2n) / BILLION;
  return formatNumber(neg ? -whole : whole, lang);
}

const both = (f: (lang: Language) => string): Bilingual => ({ fa: f('fa'), en: f('en') });
const dec = (n: number, d = 2) => both((l) => formatNumber(n, l, d));
/** A reading as typed: no more decimals than it has (at most two). */
const short = (n: number) => {
  const rounded = Number(n.toFixed(2));
  return dec(rounded, (String(rounded).split('.')[1] ?? '').length);
};
const bn = (v: bigint) => both((l) => billions(v, l));
const pct = (n: number, d = 1) => both((l) => formatPercent(n, l, d));
const code = (text: string) => ({ fa: ltr(text), en: text });

/** Computes every figure; throws only on a bug (the sample is a valid plan). */
function compute(): HelpValues {
  const out = new Map<string, Bilingual>();
  const put = (key: string, v: Bilingual) => out.set(key, v);
  const workbook = samplePlanWorkbook();
  const { plan } = readPlan(workbook);
  const first = plan.info.StartYear ?? 0;
  put(
    'plan.start',
    both((l) => formatNumber(first, l).replace(/[٬,]/g, '')),
  );
  put(
    'plan.end',
    both((l) => formatNumber(first + 4, l).replace(/[٬,]/g, '')),
  );
  const year = (y: number) => both((l) => formatNumber(y, l).replace(/[٬,]/g, ''));

  // SWOT: IFE and EFE totals and the IE cell.
  const swot = swotMatrix(plan);
  if (!swot.ok) throw new Error('sample SWOT does not score');
  const s = swot.value;
  put('swot.ife', dec(s.ife));
  put('swot.efe', dec(s.efe));
  put(
    'swot.factors',
    both((l) => formatNumber(rowsOf(plan, 'tblSwot').length, l)),
  );
  put('swot.S', dec(s.internal.byKind.S ?? 0));
  put('swot.W', dec(s.internal.byKind.W ?? 0));
  put('swot.O', dec(s.external.byKind.O ?? 0));
  put('swot.T', dec(s.external.byKind.T ?? 0));
  // The IE cells are numbered in Roman numerals in David's text; in Persian by ordinal words.
  const ordinal = ['یکم', 'دوم', 'سوم', 'چهارم', 'پنجم', 'ششم', 'هفتم', 'هشتم', 'نهم'];
  const cells = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX'];
  put('swot.cell', { fa: ordinal[cells.indexOf(s.cell)] ?? ltr(s.cell), en: s.cell });
  put('swot.type', code(s.strategyType));

  // AHP: weights, λmax, CI, RI, CR.
  const pairwise = analysePairwiseTable(plan);
  const ahp = pairwise?.ahp;
  if (!pairwise || !ahp || !ahp.ok) throw new Error('sample AHP does not compute');
  put(
    'ahp.n',
    both((l) => formatNumber(ahp.n, l)),
  );
  const criteria = rowsOf(plan, 'tblCriteria');
  pairwise.ids.forEach((id, i) => {
    put(`ahp.id${i + 1}`, code(id));
    const title = criteria.find((c) => c.CriterionId === id)?.Title ?? id;
    put(`ahp.title${i + 1}`, { fa: title, en: id });
    put(`ahp.w${i + 1}`, pct(ahp.weights[i] ?? 0));
  });
  put('ahp.lambda', dec(ahp.lambdaMax, 3));
  put('ahp.ci', dec(ahp.ci, 3));
  put('ahp.ri', dec(ahp.ri));
  put('ahp.cr', dec(ahp.cr, 3));
  put('ahp.a12', dec(ahp.matrix[0]?.[1] ?? 0, 0));
  put(
    'ahp.a21',
    both((l) => `${formatNumber(1, l)}/${formatNumber(ahp.matrix[0]?.[1] ?? 0, l)}`),
  );

  // Priority scores and the portfolio.
  const budget = computeCapitalBudget(plan);
  if (!budget.ok) throw new Error('sample capital budget does not compute');
  const portfolio = portfolioFromPlan(plan, budget.byYear);
  const ranked = portfolio.scoring.projects.filter((p) => p.score !== null);
  const top = ranked[0];
  const second = ranked[1];
  if (!top || !second) throw new Error('sample projects are not scored');
  put(
    'priority.count',
    both((l) => formatNumber(ranked.length, l)),
  );
  put('priority.top.id', code(top.id));
  put('priority.top.title', { fa: top.title, en: top.id });
  put('priority.top.score', dec(top.score ?? 0, 1));
  put('priority.second.id', code(second.id));
  put('priority.second.score', dec(second.score ?? 0, 1));
  const chosen = rankAndFill(portfolio.input);
  if (!chosen) throw new Error('sample portfolio has no feasible selection');
  const candidates = portfolio.input.projects.length;
  put(
    'portfolio.candidates',
    both((l) => formatNumber(candidates, l)),
  );
  put(
    'portfolio.chosen',
    both((l) => formatNumber(chosen.chosen.length, l)),
  );
  put(
    'portfolio.mandatory',
    both((l) => formatNumber(portfolio.input.projects.filter((p) => p.mandatory).length, l)),
  );
  const firstSpend = chosen.spending[0];
  put('portfolio.year1.spend', bn(firstSpend?.spent ?? 0n));
  put('portfolio.year1.budget', bn(firstSpend?.budget ?? 0n));

  // Capital budget and the fiscal gap, in the plan's scenario.
  const f = budget.forecast;
  put('scenario', { fa: scenarioCaption(f.scenario, 'fa'), en: f.scenario });
  const balance = fiscalBalance(plan, f.totals);
  const y1 = balance.years[0];
  if (!y1) throw new Error('sample has no plan year');
  put('fiscal.year', year(y1.year));
  put('fiscal.revenue', bn(y1.revenue ?? 0n));
  put('fiscal.activities', bn(y1.activities));
  put('fiscal.projects', bn(y1.projects));
  put('fiscal.opex', bn(y1.opex));
  put('fiscal.total', bn(y1.total));
  put('fiscal.gap', bn(y1.gap ?? 0n));
  const cb1 = budget.byYear.get(y1.year) ?? 0n;
  put('capital.year1', bn(cb1));

  // Operating, capital and financial balances.
  const heads = budgetBalances(plan, f);
  const h1 = heads.years[0];
  if (!h1 || !h1.revenue) throw new Error('sample has no balance year');
  put('heads.current', bn(h1.current));
  put('heads.capital', bn(h1.capital));
  put('heads.financial', bn(h1.financial));
  put('heads.revenue', bn(h1.revenue.revenue));
  put('heads.capitalDisposal', bn(h1.revenue['capital-disposal']));
  put('heads.financialDisposal', bn(h1.revenue['financial-disposal']));
  put('heads.operating', bn(h1.operating ?? 0n));
  put('heads.capitalBalance', bn(h1.capitalBalance ?? 0n));
  put('heads.financialBalance', bn(h1.financialBalance ?? 0n));
  put('heads.gap', bn(h1.gap ?? 0n));

  // Revenue forecast and its P10/P50/P90.
  const sim = simulateRevenueScenario(plan, {
    scenario: f.scenario,
    simulations: SIMULATIONS,
    seed: SEED,
    quantiles: [0.1, 0.5, 0.9],
  });
  if (!sim.ok) throw new Error('sample revenue does not simulate');
  const t1 = sim.simulation.total.years[0];
  if (!t1) throw new Error('sample simulation has no year');
  const q = (p: number) => t1.quantiles.find((x) => x.p === p)?.value ?? 0n;
  put('revenue.year', year(t1.year));
  put('revenue.point', bn(t1.point));
  put('revenue.p10', bn(q(0.1)));
  put('revenue.p50', bn(q(0.5)));
  put('revenue.p90', bn(q(0.9)));
  put(
    'revenue.simulations',
    both((l) => formatNumber(SIMULATIONS, l)),
  );
  put(
    'revenue.seed',
    both((l) => formatNumber(SEED, l)),
  );
  const lastYear = f.totals.size > 0 ? Math.max(...f.totals.keys()) : first;
  put('revenue.lastYear', year(lastYear));
  put('revenue.last', bn(f.totals.get(lastYear) ?? 0n));

  // The current budget: approved + amendments + supplements, per stage.
  const lines = rowsOf(plan, 'tblBudgetLines').filter((l) => l.Year === first);
  const byStage = new Map<string, bigint>();
  let current = 0n;
  for (const l of lines) {
    const amount = l.Amount ?? 0n;
    byStage.set(lineStage(l), (byStage.get(lineStage(l)) ?? 0n) + amount);
    if (inCurrentBudget(l)) current += amount;
  }
  for (const stage of ['proposed', 'approved', 'amended', 'supplement', 'outturn'])
    put(`budget.${stage}`, bn(byStage.get(stage) ?? 0n));
  put('budget.current', bn(current));
  put(
    'budget.lines',
    both((l) => formatNumber(lines.length, l)),
  );

  // KPI progress, status and trend: the first KPI with an actual.
  const kpi = kpiReport(plan).find((k) => k.latest !== null && k.latest.progress !== null);
  if (!kpi || !kpi.latest) throw new Error('sample has no KPI actual');
  put('kpi.id', code(kpi.kpiId));
  put('kpi.title', { fa: kpi.title, en: kpi.kpiId });
  put('kpi.unit', { fa: kpi.unit, en: '' });
  put('kpi.baseline', short(kpi.baseline ?? 0));
  put('kpi.year', year(kpi.latest.year));
  put('kpi.target', short(kpi.latest.target ?? 0));
  put('kpi.actual', short(kpi.latest.actual));
  put('kpi.progress', pct(kpi.latest.progress ?? 0));
  const status = KPI_STATUSES.find((x) => x.value === kpi.latest?.status);
  put('kpi.status', { fa: status?.fa ?? '', en: status?.en ?? '' });
  put('kpi.onTrack', pct(KPI_ON_TRACK_FROM, 0));
  put('kpi.atRisk', pct(KPI_AT_RISK_FROM, 0));
  put('kpi.steady', pct(KPI_TREND_STEADY_SLOPE, 0));

  // Earned value and budget execution: the sample city's monitoring workbook of 1405 H1
  // against its plan, through the report the CLI (`plan monitor`) and the register give.
  const monitored = readPlan(sampleMonitoringWorkbook(), { reference: workbook }).plan;
  const report = monitoringReport(monitored, { year: 1405, period: 'H1' });
  const off = report.earnedValue.find((e) => e.status === 'off-track');
  if (!off || off.ev === null || off.spi === null || off.cpi === null || off.eac === null)
    throw new Error('sample has no off-track project');
  put('ev.id', code(off.projectId));
  put('ev.title', { fa: off.title, en: off.projectId });
  put('ev.bac', bn(off.bac));
  put('ev.pv', bn(off.pv));
  put('ev.progress', pct((off.progress ?? 0) / 100, 0));
  put('ev.ev', bn(off.ev));
  put('ev.ac', bn(off.ac));
  put('ev.spi', dec(off.spi));
  put('ev.cpi', dec(off.cpi));
  put('ev.eac', bn(off.eac));
  put('ev.status', executionStatusCaption(off.status));
  put('ev.onTrack', dec(EV_ON_TRACK_FROM));
  put('ev.atRisk', dec(EV_AT_RISK_FROM));
  const slow = report.attention.find((a) => a.kind === 'execution-low');
  const item = report.items.find((i) => slow && 'id' in slow && i.id === slow.id);
  if (!slow || slow.kind !== 'execution-low' || !item) throw new Error('sample has no slow item');
  put('exec.id', code(item.id));
  put('exec.title', { fa: item.title, en: item.id });
  put('exec.budget', bn(item.currentBudget));
  put('exec.paid', bn(item.paid));
  put('exec.execution', pct(slow.execution));
  put('exec.share', pct(report.share, 0));
  put('exec.factor', dec(ATTENTION_FACTOR, 1));
  put('exec.threshold', pct(slow.threshold, 0));

  // The plan's chain (help/<lang>/plan-chain.md): how many of each link the sample has, and
  // one project followed up to its goal.
  const count = (table: Parameters<typeof rowsOf>[1]) =>
    both((l) => formatNumber(rowsOf(plan, table).length, l));
  put('chain.goals', count('tblGoals'));
  put('chain.strategies', count('tblStrategies'));
  put('chain.programs', count('tblPrograms'));
  put('chain.schemes', count('tblSchemes'));
  put('chain.projects', count('tblProjects'));
  put('chain.activities', count('tblActivities'));
  put('chain.lines', count('tblBudgetLines'));
  const strategies = rowsOf(plan, 'tblStrategies');
  for (const role of ['lead', 'facilitator'] as const)
    put(
      `chain.role.${role}`,
      both((l) => formatNumber(strategies.filter((x) => x.MunicipalRole === role).length, l)),
    );
  const project = rowsOf(plan, 'tblProjects')[0];
  const scheme = rowsOf(plan, 'tblSchemes').find((x) => x.SchemeId === project?.SchemeId);
  const program = rowsOf(plan, 'tblPrograms').find((x) => x.ProgramId === project?.ProgramId);
  const strategy = strategies.find((x) => x.StrategyId === program?.StrategyId);
  const goal = rowsOf(plan, 'tblGoals').find((x) => x.GoalId === strategy?.GoalId);
  if (!project || !scheme || !program || !strategy || !goal)
    throw new Error('sample project P-001 is not linked up to a goal');
  const stored = (text: string) => ({ fa: text, en: text });
  put('chain.project.id', code(project.ProjectId));
  put('chain.project.title', stored(project.Title));
  put('chain.scheme.id', code(scheme.SchemeId));
  put('chain.scheme.title', stored(scheme.Title));
  put('chain.program.id', code(program.ProgramId));
  put('chain.program.title', stored(program.Title));
  put('chain.strategy.id', code(strategy.StrategyId));
  put('chain.strategy.title', stored(strategy.Title));
  put('chain.strategy.role', {
    fa: enumCaption(MUNICIPAL_ROLES, strategy.MunicipalRole, 'fa') ?? '',
    en: enumCaption(MUNICIPAL_ROLES, strategy.MunicipalRole, 'en') ?? '',
  });
  put('chain.goal.id', code(goal.GoalId));
  put('chain.goal.title', stored(goal.Title));
  const years = [...project.costs].filter(([, v]) => v > 0n);
  put('chain.project.years', {
    fa: years.map(([y]) => year(y).fa).join(' و '),
    en: years.map(([y]) => year(y).en).join(' and '),
  });
  put('chain.project.cost', bn(years.reduce((a, [, v]) => a + v, 0n)));
  put('chain.project.line', code(project.BudgetCode ?? ''));
  return out;
}

let cached: HelpValues | null = null;

/** The worked examples' figures (computed once: the sample is fixed). */
export function helpValues(): HelpValues {
  cached ??= compute();
  return cached;
}
