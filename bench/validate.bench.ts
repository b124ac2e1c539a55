/**
 * Validation speed: a city workbook of 50,000 rows across its tables, generated
 * from a fixed seed, read and validated (`validateWorkbook`). About 1% of the
 * values are broken on purpose (negative costs, reversed years, missing KPI
 * targets, budget lines above plan, early prerequisites), so the path that
 * builds findings is timed too.
 * Baselines in the same process: `readPlan` alone and a plain `JSON.stringify`
 * of the same raw workbook. Target: under 500 ms (the brief's budget for
 * read + validate of 50,000 rows).
 */
import type { RawCell, RawTable, RawWorkbook } from '#core';
import { readPlan, validateWorkbook } from '#core';
import { report, timeMs } from './lib';

// mulberry32: a small seeded generator, so every run validates the same workbook.
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const YEARS = [1405, 1406, 1407, 1408, 1409];

/** The workbook: row counts add up to 50,000. */
function generate(seed: number): RawWorkbook {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const broken = () => r() < 0.01;
  const t = (name: string, header: string[], rows: RawCell[][]): RawTable => ({
    name,
    sheet: name.slice(3),
    address: 'A1',
    header,
    rows,
  });
  const n = {
    depts: 30,
    goals: 40,
    strategies: 200,
    programs: 1_000,
    sources: 10,
    projects: 15_000,
    activities: 10_000,
    kpis: 4_000,
    budget: 12_000,
    actuals: 6_000,
    kpiActuals: 1_540,
    swot: 40,
    criteria: 5,
    history: 70,
    scenarios: 21,
    info: 7,
    pairwise: 5,
    directives: 20,
    docs: 5,
    stakeholders: 7,
  };
  const total = Object.values(n).reduce((a, b) => a + b, 0);
  if (total !== 50_000) throw new Error(`generator makes ${total} rows, not 50,000`);
  const ids = (prefix: string, count: number) =>
    Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);
  const D = ids('D', n.depts);
  const G = ids('G', n.goals);
  const S = ids('S', n.strategies);
  const PR = ids('PR', n.programs);
  const SRC = ids('SRC', n.sources);
  const P = ids('P-', n.projects);
  const A = ids('A-', n.activities);
  const K = ids('K', n.kpis);
  const C = ids('C', n.criteria);
  const money = () => (broken() ? -int(1, 1e6) : int(0, 5e11));
  const spans: Array<{ start: number; end: number; costs: number[] }> = [];
  const activityCosts: number[][] = [];
  return {
    tables: [
      t(
        'tblPlanInfo',
        ['Key', 'Value'],
        [
          ['StartYear', 1405],
          ['Years', 5],
          ['BaseYear', 1404],
          ['WorkbookKind', 'city'],
          ['Unit', 'Rial'],
          ['City', 'Bench'],
          ['Language', 'fa'],
        ],
      ),
      t(
        'tblDepartments',
        ['DeptId', 'Name', 'Kind'],
        D.map((d) => [d, `dept ${d}`, 'district']),
      ),
      t(
        'tblUpstreamDocs',
        ['DocId', 'Title', 'Level', 'Type', 'ApprovedOn', 'Reference'],
        ids('DOC', n.docs).map((d) => [d, 'doc', 'city', 'master', '1400', '']),
      ),
      t(
        'tblDirectives',
        ['DirectiveId', 'DocId', 'Text', 'Sector'],
        ids('DIR', n.directives).map((d) => [d, pick(['DOC1', 'DOC2']), 'text', 'x']),
      ),
      t(
        'tblSwot',
        ['FactorId', 'Kind', 'Text', 'Weight', 'Rating'],
        ids('F', n.swot).map((f, i) => {
          const kind = (['S', 'W', 'O', 'T'] as const)[i % 4] as string;
          return [f, kind, 'factor', 0.05, kind === 'S' ? 4 : kind === 'W' ? 1 : 3];
        }),
      ),
      t(
        'tblGoals',
        ['GoalId', 'Title', 'Perspective', 'Description'],
        G.map((g) => [g, 'goal', 'citizen', '']),
      ),
      t(
        'tblStrategies',
        ['StrategyId', 'GoalId', 'Title', 'SwotType', 'MunicipalRole', 'DirectiveIds', 'OwnerDept'],
        S.map((s, i) => [
          s,
          G[i % G.length] ?? 'G1',
          'strategy',
          'SO',
          'lead',
          'DIR1, DIR2',
          pick(D),
        ]),
      ),
      t(
        'tblPrograms',
        ['ProgramId', 'StrategyId', 'Title', 'OwnerDept'],
        PR.map((p, i) => [p, broken() ? 'S-none' : (S[i % S.length] ?? 'S1'), 'program', pick(D)]),
      ),
      t(
        'tblFundingSources',
        ['SourceId', 'Title', 'RevenueClass', 'Restricted'],
        SRC.map((s) => [s, 'source', 'general-duties', false]),
      ),
      t(
        'tblProjects',
        [
          'ProjectId',
          'ProgramId',
          'Title',
          'Dept',
          'Region',
          'StartYear',
          'EndYear',
          ...YEARS.map(String),
          'SourceId',
          'Status',
          'Mandatory',
          'DependsOn',
          'OpexImpact',
          ...C,
        ],
        P.map((p, i) => {
          const start = int(1405, 1408);
          const end = broken() ? start - 1 : int(start, 1409);
          const costs = YEARS.map((y) => (y >= start && y <= end ? money() : 0));
          spans.push({ start, end, costs });
          // A prerequisite that ends by the time this one starts (broken: any earlier project).
          const dep = i > 0 && r() < 0.3 ? int(0, i - 1) : -1;
          const depOk = dep >= 0 && (broken() || (spans[dep]?.end ?? 9999) <= start);
          return [
            p,
            PR[i % PR.length] ?? 'PR1',
            'project',
            pick(D),
            String(int(1, 22)),
            start,
            end,
            ...costs,
            pick(SRC),
            'approved',
            false,
            depOk ? `P-${dep + 1}` : '',
            int(0, 1e9),
            ...C.map(() => int(1, 5)),
          ];
        }),
      ),
      t(
        'tblActivities',
        ['ActivityId', 'ProgramId', 'Title', 'Dept', 'Kind', ...YEARS.map(String), 'SourceId'],
        A.map((a, i) => {
          const costs = YEARS.map(() => money());
          activityCosts.push(costs);
          return [
            a,
            PR[i % PR.length] ?? 'PR1',
            'activity',
            pick(D),
            'service',
            ...costs,
            pick(SRC),
          ];
        }),
      ),
      t(
        'tblCriteria',
        ['CriterionId', 'Title', 'Weight', 'Direction', 'ScaleMin', 'ScaleMax'],
        C.map((c) => [c, 'criterion', 1, 'benefit', 1, 5]),
      ),
      t(
        'tblCriteriaPairwise',
        ['CriterionId', ...C],
        C.map((ci, i) => [ci, ...C.map((_, j) => 2 ** (j - i))]),
      ),
      t(
        'tblKpis',
        [
          'KpiId',
          'Level',
          'LinkedId',
          'Title',
          'Unit',
          'Direction',
          'Baseline',
          'BaselineYear',
          ...YEARS.map(String),
          'OwnerDept',
          'Source',
          'Frequency',
        ],
        K.map((k, i) => [
          k,
          i < G.length ? 'macro' : 'micro',
          i < G.length ? (G[i] ?? 'G1') : pick(P),
          'kpi',
          '%',
          'increase',
          10,
          1404,
          ...YEARS.map((_, j) => (broken() ? null : 11 + j)),
          pick(D),
          'stats',
          'annual',
        ]),
      ),
      t(
        'tblRevenueHistory',
        ['RevenueClass', 'Code', 'Year', 'Amount'],
        Array.from({ length: n.history }, (_, i) => [
          'general-duties',
          `code${Math.floor(i / 10)}`,
          1395 + (i % 10),
          int(1e9, 1e12),
        ]),
      ),
      t(
        'tblRevenueScenarios',
        ['Scenario', 'RevenueClass', 'Method', 'GrowthRate', 'Adjustment', 'Volatility'],
        Array.from({ length: n.scenarios }, (_, i) => [
          `scenario${Math.floor(i / 7)}`,
          [
            'general-duties',
            'dedicated-duties',
            'service-fees',
            'asset-returns',
            'government-grants',
            'donations',
            'other-resources',
          ][i % 7] as string,
          'growth',
          0.1,
          1,
          null,
        ]),
      ),
      t(
        'tblBudgetLines',
        ['BudgetCode', 'Year', 'Kind', 'LinkedId', 'SourceId', 'Amount'],
        Array.from({ length: n.budget }, (_, i) => {
          // A line for a year the item is planned in, at most a quarter of that year's cost
          // (broken: ten times it).
          const project = r() < 0.5;
          const k = int(0, (project ? P.length : A.length) - 1);
          const costs = (project ? spans[k]?.costs : activityCosts[k]) ?? [];
          const y = int(0, YEARS.length - 1);
          const cost = Math.max(0, costs[y] ?? 0);
          return [
            `B-${i + 1}`,
            YEARS[y] ?? 1405,
            project ? 'capital' : 'current',
            (project ? P[k] : A[k]) ?? 'P-1',
            pick(SRC),
            broken() ? cost * 10 + 1 : Math.floor(cost / 4),
          ];
        }),
      ),
      t(
        'tblActuals',
        ['LinkedId', 'Year', 'Period', 'Spent', 'PhysicalProgress'],
        Array.from({ length: n.actuals }, (_, i) => [
          P[i] ?? 'P-1',
          1405,
          'FY',
          int(0, 1e9),
          int(0, 100),
        ]),
      ),
      t(
        'tblKpiActuals',
        ['KpiId', 'Year', 'Period', 'Actual'],
        Array.from({ length: n.kpiActuals }, (_, i) => [K[i] ?? 'K1', 1405, 'FY', int(0, 100)]),
      ),
      t(
        'tblStakeholders',
        ['StakeholderId', 'Name', 'Type'],
        ids('SH', n.stakeholders).map((s) => [s, 'party', 'ngo']),
      ),
    ],
  };
}

async function main(): Promise<void> {
  const workbook = generate(20251124);
  const rows = workbook.tables.reduce((s, t) => s + t.rows.length, 0);
  const result = validateWorkbook(workbook);
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  console.log(
    `${rows} rows in ${workbook.tables.length} tables: ${result.findings.length} findings (${errors} errors)`,
  );
  // Interleaved rounds, so that a busy machine slows the figure and its baselines alike.
  const times = { json: [] as number[], read: [] as number[], full: [] as number[] };
  await timeMs(() => validateWorkbook(workbook), 1, 2);
  for (let round = 0; round < 9; round++) {
    times.json.push(await timeMs(() => JSON.stringify(workbook), 1, 0));
    times.read.push(await timeMs(() => readPlan(workbook), 1, 0));
    times.full.push(await timeMs(() => validateWorkbook(workbook), 1, 0));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  const json = median(times.json);
  const read = median(times.read);
  const full = median(times.full);
  report('validate', [
    {
      name: 'validateWorkbook (read + validate), 50,000 rows',
      value: full,
      unit: 'ms',
      baselineName: 'readPlan alone',
      baseline: read,
      target: '< 500 ms',
      ok: full < 500,
    },
    {
      name: 'validateWorkbook (read + validate), 50,000 rows',
      value: full,
      unit: 'ms',
      baselineName: 'JSON.stringify of the raw workbook',
      baseline: json,
    },
    {
      name: 'validation alone (validateWorkbook − readPlan)',
      value: Math.max(0, full - read),
      unit: 'ms',
      baselineName: 'readPlan alone',
      baseline: read,
    },
  ]);
}

void main();
