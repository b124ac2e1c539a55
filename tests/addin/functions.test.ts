/**
 * The PLAN.* functions as a finance officer types them: each wrapper against hand-worked
 * values and against the core it wraps, then the entry points Excel calls, which must turn
 * every failure into an Excel error with a message and never let an exception escape.
 */
import fc from 'fast-check';
import {
  computeAhp,
  forecastSeries,
  kpiProgress,
  readPlan,
  samplePlanWorkbook,
  scorePriority,
} from '#core';
import * as fiscal from '../../addin/src/functions/fiscal';
import { ENTRY_POINTS } from '../../addin/src/functions/functions';
import * as jalali from '../../addin/src/functions/jalali';
import * as kpi from '../../addin/src/functions/kpi';
import * as linkage from '../../addin/src/functions/linkage';
import * as priority from '../../addin/src/functions/priority';
import type { FnError } from '../../addin/src/functions/result';
import { isFnError, setMessageLanguage } from '../../addin/src/functions/result';
import * as revenue from '../../addin/src/functions/revenue';
import { DEPARTMENT_WORKBOOK, DEPARTMENT_WORKBOOK_FA } from './fixtures';

// A fixed seed: the properties run the same cases on every machine.
fc.configureGlobal({ seed: 1405 });

const planOf = (wb = DEPARTMENT_WORKBOOK) => {
  const read = readPlan(wb);
  return async () => read;
};

function expectError(out: unknown, kind: FnError['kind'], en?: RegExp): void {
  expect(isFnError(out)).toBe(true);
  const e = out as FnError;
  expect(e.kind).toBe(kind);
  expect(e.message.fa.length).toBeGreaterThan(0);
  if (en) expect(e.message.en).toMatch(en);
}

describe('PLAN.PRIORITY_SCORE', () => {
  // Hand-worked: scores 8, 6, 9 on 0–10; weights 0.5, 0.3, 0.2; the second criterion is a cost.
  // n = 0.8, 1 − 0.6 = 0.4, 0.9 → 100 × (0.5·0.8 + 0.3·0.4 + 0.2·0.9) = 100 × 0.70 = 70.
  it('scores a project from a row of scores and weights', () => {
    expect(
      priority.priorityScore([[8, 6, 9]], [[0.5, 0.3, 0.2]], [['benefit', 'cost', 'benefit']]),
    ).toBeCloseTo(70, 12);
  });

  it('reads a column as well as a row, Persian digits and Persian directions', () => {
    expect(
      priority.priorityScore(
        [[8], [6], [9]],
        [['۰٫۵'], ['0.3'], ['0.2']],
        [['فایده'], ['هزینه'], ['فایده']],
      ),
    ).toBeCloseTo(70, 12);
  });

  it('takes one scale for all criteria or one per criterion', () => {
    // Scores 3 and 30 on scales 0–5 and 0–50 are both 0.6 of their scale: 100 × 0.6 = 60.
    expect(priority.priorityScore([[3, 30]], [[1, 1]], null, [[0, 0]], [[5, 50]])).toBeCloseTo(
      60,
      12,
    );
    // One scale 1–5 for both: (3 − 1)/4 = 0.5 and (5 − 1)/4 = 1 → 100 × (0.5 + 1)/2 = 75.
    expect(priority.priorityScore([[3, 5]], [[2, 2]], null, [[1]], [[5]])).toBeCloseTo(75, 12);
  });

  it('gives the same score as the core for any valid input', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: 0, max: 10, noNaN: true }),
            fc.double({ min: 0.01, max: 100, noNaN: true }),
            fc.boolean(),
          ),
          { minLength: 1, maxLength: 12 },
        ),
        (criteria) => {
          const scores = criteria.map((c) => c[0]);
          const weights = criteria.map((c) => c[1]);
          const dirs = criteria.map((c) => (c[2] ? 'cost' : 'benefit'));
          const core = scorePriority(scores, weights, dirs);
          expect(core.ok).toBe(true);
          expect(priority.priorityScore([scores], [weights], [dirs])).toBe(
            core.ok ? core.value : NaN,
          );
        },
      ),
    );
  });

  it('explains a negative weight, a score off its scale and mismatched lengths as #VALUE!', () => {
    expectError(priority.priorityScore([[8, 6]], [[0.5, -1]]), 'value', /weight of criterion 2/);
    expectError(priority.priorityScore([[11]], [[1]]), 'value', /outside its scale/);
    expectError(priority.priorityScore([[8, 6]], [[1]]), 'value', /same length/);
    expectError(priority.priorityScore([[8, 'x']], [[1, 1]]), 'value', /scores: cell 1×2/);
  });
});

describe('PLAN.AHP_WEIGHTS and PLAN.AHP_CR', () => {
  // A consistent matrix (a_ij = w_i / w_j) has w as its eigenvector and λmax = n, so CR = 0.
  const consistent = [
    [1, 2, 4],
    [1 / 2, 1, 2],
    [1 / 4, 1 / 2, 1],
  ];

  it('gives the weights 4/7, 2/7, 1/7 of a consistent matrix, as a column or a row', () => {
    const column = priority.ahpWeights(consistent) as number[][];
    [4 / 7, 2 / 7, 1 / 7].forEach((w, i) => expect(column[i]![0]).toBeCloseTo(w, 10));
    const row = priority.ahpWeights(consistent, true) as number[][];
    expect(row).toHaveLength(1);
    expect(row[0]![2]).toBeCloseTo(1 / 7, 10);
    expect(priority.ahpCr(consistent)).toBeCloseTo(0, 10);
  });

  it('computes CR by the closed form of a 3×3 matrix', () => {
    // For a12 = a, a13 = b, a23 = c, λmax = 1 + (b/(ac))^(1/3) + (ac/b)^(1/3) (Saaty 1980).
    // a = b = c = 2: λmax = 1 + 0.5^(1/3) + 2^(1/3) = 3.053621; CI = 0.026811; CR = CI/0.58 = 0.046225.
    const m = [
      [1, 2, 2],
      [1 / 2, 1, 2],
      [1 / 2, 1 / 2, 1],
    ];
    const lambda = 1 + Math.cbrt(0.5) + Math.cbrt(2);
    expect(priority.ahpCr(m)).toBeCloseTo((lambda - 3) / 2 / 0.58, 6);
    expect(priority.ahpCr(m)).toBeCloseTo(0.046225, 5);
  });

  it('accepts the pairwise table with its criterion labels and reciprocals typed to two decimals', () => {
    const table = [
      ['', 'C1', 'C2'],
      ['C1', 1, 3],
      ['C2', 0.33, 1],
    ];
    const w = priority.ahpWeights(table) as number[][];
    const core = computeAhp([
      [1, 3],
      [0.33, 1],
    ]);
    expect(core.ok).toBe(true);
    if (core.ok) expect(w.map((r) => r[0])).toEqual(core.weights);
    // 3 against 1/3 exactly would give 0.75 and 0.25.
    expect(w[0]![0]).toBeCloseTo(0.75, 2);
  });

  it('explains a matrix that is not square or not reciprocal', () => {
    expectError(priority.ahpWeights([[1, 2]]), 'value', /not square/);
    expectError(
      priority.ahpCr([
        [1, 3],
        [3, 1],
      ]),
      'value',
      /reciprocal|1\/a/i,
    );
  });
});

describe('PLAN.KPI_PROGRESS and PLAN.KPI_STATUS', () => {
  it('measures progress by the contract formula', () => {
    // increase: (17 − 10)/(20 − 10) = 0.7; decrease: (25 − 30)/(20 − 30) = 0.5.
    expect(kpi.kpiProgressOf(10, 20, 17, 'increase')).toBeCloseTo(0.7, 12);
    expect(kpi.kpiProgressOf(30, 20, 25, 'decrease')).toBeCloseTo(0.5, 12);
    // maintain 95 with 90 measured: 1 − |90 − 95|/95 = 0.947368…; the baseline may be empty.
    expect(kpi.kpiProgressOf('', 95, 90, 'maintain')).toBeCloseTo(1 - 5 / 95, 12);
    // Persian direction and digits: افزایشی = increase.
    expect(kpi.kpiProgressOf('۱۰', '۲۰', '۱۷', 'افزایشی')).toBeCloseTo(0.7, 12);
  });

  it('agrees with the core for any numbers', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.constantFrom('increase', 'decrease', 'maintain'),
        (b, t, a, d) => {
          const core = kpiProgress({ baseline: b, target: t, actual: a, direction: d });
          const mine = kpi.kpiProgressOf(b, t, a, d);
          // The core has no finite progress (null) where the function shows #NUM!.
          if (core === null) expectError(mine, 'num');
          else expect(mine).toBe(core);
        },
      ),
    );
  });

  it('asks for a direction and numbers', () => {
    expectError(kpi.kpiProgressOf(10, 20, 17, ''), 'value', /direction is missing/);
    expectError(kpi.kpiProgressOf(10, 20, 17, 'up'), 'value', /direction/);
    expectError(kpi.kpiProgressOf(10, 'twenty', 17, 'increase'), 'value', /target/);
  });

  it('reads the status in Persian by default, in English or as a code', () => {
    expect(kpi.kpiStatusOf(0.7)).toBe('در معرض خطر');
    expect(kpi.kpiStatusOf(0.95, 'en')).toBe('On track');
    expect(kpi.kpiStatusOf(0.5, 'code')).toBe('off-track');
    expect(kpi.kpiStatusOf('', 'code')).toBe('no-data');
    expectError(kpi.kpiStatusOf(0.5, 'de'), 'value', /language/);
  });
});

describe('PLAN.JALALI_YEAR, PLAN.TO_JALALI and PLAN.FROM_JALALI', () => {
  // Excel's DATE(2026,3,21) is serial 46102 (DATE(2025,1,1) = 45658, + 365 + 31 + 28 + 20).
  // 21 March 2026 is Nowruz, 1 Farvardin 1405 (the equinox fell on 20 March after noon, Tehran time).
  const NOWRUZ_1405 = 46102;

  it('gives the fiscal year of an Excel date, either side of Nowruz', () => {
    expect(jalali.jalaliYear(NOWRUZ_1405)).toBe(1405);
    expect(jalali.jalaliYear(NOWRUZ_1405 - 1)).toBe(1404);
    expect(jalali.jalaliYear('۱۴۰۵/۰۶/۳۱')).toBe(1405);
  });

  it('writes a date in the Jalali calendar in four formats', () => {
    expect(jalali.toJalaliText(NOWRUZ_1405)).toBe('1405/01/01');
    // 1403 was a leap year, so 1404 is common and its Esfand ends on the 29th.
    expect(jalali.toJalaliText(NOWRUZ_1405 - 1)).toBe('1404/12/29');
    expect(jalali.toJalaliText(NOWRUZ_1405, 'fa')).toBe('۱۴۰۵/۰۱/۰۱');
    expect(jalali.toJalaliText(NOWRUZ_1405, 'long')).toBe('۱ فروردین ۱۴۰۵');
    expect(jalali.toJalaliText(NOWRUZ_1405, 'long-en')).toBe('1 Farvardin 1405');
  });

  it('turns a Jalali date back into the Excel date', () => {
    expect(jalali.fromJalaliText('۱۴۰۵/۰۱/۰۱')).toBe(NOWRUZ_1405);
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 80_000 }), (serial) => {
        const text = jalali.toJalaliText(serial);
        expect(jalali.fromJalaliText(text)).toBe(serial);
      }),
    );
  });

  it('explains what is not a date', () => {
    expectError(jalali.jalaliYear('tomorrow'), 'value', /Jalali date like/);
    expectError(jalali.fromJalaliText('1404/12/30'), 'value', /not a day/);
    expectError(jalali.toJalaliText(NOWRUZ_1405, 'roman'), 'value', /format/);
    expectError(jalali.jalaliYear(''), 'value', /empty/);
  });
});

describe('PLAN.SCENARIO_REVENUE', () => {
  const plan = planOf();

  it('grows a column of history at a given rate into a row of years', async () => {
    // 121 × 1.1 = 133.1 and × 1.1² = 146.41.
    const out = (await revenue.scenarioRevenue(
      [[100], [110], [121]],
      2,
      0.1,
      null,
      plan,
    )) as number[][];
    expect(out).toHaveLength(1);
    expect(out[0]![0]).toBeCloseTo(133.1, 9);
    expect(out[0]![1]).toBeCloseTo(146.41, 9);
  });

  it('reads a rate typed as a percentage, and forecasts a single target year', async () => {
    // Years and amounts side by side: 1406 is two years after 1404 → 121 × 1.08² = 141.1344.
    const history = [
      ['Year', 'Amount'],
      [1402, 100],
      [1403, 110],
      [1404, 121],
    ];
    const out = (await revenue.scenarioRevenue(history, 1406, '8%', null, plan)) as number[][];
    expect(out).toEqual([[expect.closeTo(141.1344, 9)]]);
  });

  it('takes a scenario of the workbook, also with its revenue class', async () => {
    // Scenario low: growth 10 %, adjustment 0.9 → 121 × 1.21 × 0.9 = 131.769.
    const history = [
      [1402, 1403, 1404],
      [100, 110, 121],
    ];
    expect(await revenue.scenarioRevenue(history, 1406, 'low', null, plan)).toEqual([
      [expect.closeTo(131.769, 9)],
    ]);
    expect(await revenue.scenarioRevenue(history, 1406, 'low:عوارض عمومی', null, plan)).toEqual([
      [expect.closeTo(131.769, 9)],
    ]);
  });

  it('follows the core for a named method', async () => {
    // A straight line 10, 20, 30 continues 40, 50 (ordinary least squares fits it exactly).
    const out = (await revenue.scenarioRevenue(
      [[10, 20, 30]],
      2,
      null,
      'trend',
      plan,
    )) as number[][];
    expect(out[0]![0]).toBeCloseTo(40, 9);
    expect(out[0]![1]).toBeCloseTo(50, 9);
    const values = [120, 131, 150, 158, 171, 190, 204];
    const core = forecastSeries(values, 3, { method: 'damped' });
    // The method may be given by its Persian caption (روند میرا, damped trend).
    const mine = (await revenue.scenarioRevenue([values], 3, '', 'روند میرا', plan)) as number[][];
    expect(core.ok).toBe(true);
    if (core.ok) expect(mine).toEqual([[...core.path]]);
  });

  it('explains what it cannot use', async () => {
    expectError(
      await revenue.scenarioRevenue([[100], [110]], 1406, null, null, plan),
      'value',
      /give the years/,
    );
    expectError(
      await revenue.scenarioRevenue([[100], [110]], 2, 0.1, 'trend', plan),
      'value',
      /growth method only/,
    );
    expectError(
      await revenue.scenarioRevenue([[100], [110]], 2, 'optimistic', null, plan),
      'na',
      /no scenario "optimistic"/,
    );
    expectError(
      await revenue.scenarioRevenue(
        [
          [1402, 1],
          [1404, 2],
        ],
        1,
        null,
        null,
        plan,
      ),
      'value',
      /follow one another/,
    );
    expectError(
      await revenue.scenarioRevenue([[100], [110]], 0, null, null, plan),
      'value',
      /horizon/,
    );
  });
});

describe('PLAN.REVENUE_RANGE', () => {
  // Exact 10 % growth: the log-growth never varies, σ = 0, so every path is the forecast:
  // 146.41 × 1.1 = 161.051 → 161; × 1.1² = 177.1561 → 177; × 1.1³ = 194.87171 → 195.
  const geometric = [[100], [110], [121], [133.1], [146.41]];
  const noisy = [
    [1402, 100],
    [1403, 112],
    [1404, 119],
    [1405, 135],
    [1406, 141],
    [1407, 160],
  ];

  it('collapses to the forecast when the history has no volatility', async () => {
    expect(await revenue.revenueRange(geometric, 3, null, 1000, null)).toEqual([
      [161, 177, 195],
      [161, 177, 195],
      [161, 177, 195],
    ]);
  });

  it('widens P10–P90 around the forecast, the same numbers for the same seed', async () => {
    const a = (await revenue.revenueRange(noisy, 3, null, 5000, 42)) as number[][];
    const b = (await revenue.revenueRange(noisy, 3, null, 5000, 42)) as number[][];
    expect(a).toEqual(b);
    for (let y = 0; y < 3; y++) {
      expect(a[0]![y]).toBeLessThan(a[1]![y]!);
      expect(a[1]![y]).toBeLessThan(a[2]![y]!);
    }
    // The model's median is the point forecast (ln X_h = ln F_h + σ·S_h, S_h symmetric).
    const f = forecastSeries([100, 112, 119, 135, 141, 160], 3, { method: 'auto' });
    expect(f.ok).toBe(true);
    if (f.ok) a[1]!.forEach((p50, y) => expect(Math.abs(p50 / f.path[y]! - 1)).toBeLessThan(0.02));
    const other = (await revenue.revenueRange(noisy, 3, null, 5000, 43)) as number[][];
    expect(other).not.toEqual(a);
  });

  it('gives one quantile when asked, for a row of years or one year', async () => {
    const all = (await revenue.revenueRange(noisy, 2, null, 2000, 7)) as number[][];
    expect(await revenue.revenueRange(noisy, 2, 'P90', 2000, 7)).toEqual([all[2]]);
    expect(await revenue.revenueRange(noisy, 1409, 0.1, 2000, 7)).toEqual([[all[0]![1]]]);
  });

  it('stops when Excel cancels it', async () => {
    let checks = 0;
    const cancellation = {
      get cancelled() {
        return ++checks > 1;
      },
    };
    const out = await revenue.revenueRange(noisy, 20, null, 100_000, 1, cancellation);
    expectError(out, 'value', /cancelled/);
  });

  it('explains a bad probability or count', async () => {
    expectError(await revenue.revenueRange(noisy, 2, 90, null, null), 'value', /probability/);
    expectError(await revenue.revenueRange(noisy, 2, null, 0, null), 'value', /simulations/);
    expectError(
      await revenue.revenueRange([[100], [110]], 2, null, null, null),
      'value',
      /at least 3 years/,
    );
  });
});

describe('PLAN.BUDGET_LINK on a department workbook with cached reference data', () => {
  const plan = planOf();

  it('shows the chain of a budget code, goal first, through the reference tables', async () => {
    expect(await linkage.budgetLink('B-1405-01', null, null, plan)).toBe(
      'G-1 Green city › S-1 Expand parks › PR-1 Neighbourhood parks › P-1 Park of the river › B-1405-01',
    );
  });

  it('gives one level, by English or Persian name, as ID, title or both', async () => {
    expect(await linkage.budgetLink('B-1405-01', 'program', null, plan)).toBe('PR-1');
    expect(await linkage.budgetLink('B-1405-01', 'هدف کلان', 'title', plan)).toBe('Green city');
    expect(await linkage.budgetLink('P-1', 'strategy', 'both', plan)).toBe('S-1 Expand parks');
    expect(await linkage.budgetLink('B-1405-01', 'source', null, plan)).toBe('SRC-1');
  });

  it('names a project’s scheme (طرح) on the sample plan, by either name of the level', async () => {
    // The sample puts P-016 (PG08) in its program's scheme SC08 (shared/src/sample).
    const sample = planOf(samplePlanWorkbook());
    expect(await linkage.budgetLink('P-016', 'scheme', null, sample)).toBe('SC08');
    expect(await linkage.budgetLink('P-016', 'طرح', null, sample)).toBe('SC08');
    expect(await linkage.budgetLink('SC08', 'program', null, sample)).toBe('PG08');
    // By the budget code P-016 carries (its BudgetCode column), as by its ID.
    const code = readPlan(samplePlanWorkbook()).plan.tables.tblProjects?.rows.find(
      (r) => r.ProjectId === 'P-016',
    )?.BudgetCode;
    expect(await linkage.budgetLink(code, 'item', null, sample)).toBe('P-016');
    // A department workbook without schemes: #N/A, saying the chain has none.
    expectError(await linkage.budgetLink('P-1', 'scheme', null, plan), 'na', /no scheme/);
  });

  it('says #N/A for an unknown code and a missing level', async () => {
    expectError(await linkage.budgetLink('B-9999', null, null, plan), 'na', /no such budget code/);
    expectError(await linkage.budgetLink('B-1405-01', 'kpi', null, plan), 'na', /no kpi/);
    expectError(
      await linkage.budgetLink('B-1405-01', 'floor', null, plan),
      'value',
      /level "floor"/,
    );
  });

  it('writes the chain in the workbook language', async () => {
    const fa = await linkage.budgetLink('P-1', null, null, planOf(DEPARTMENT_WORKBOOK_FA));
    expect(fa).toBe(
      'G-1 Green city › S-1 Expand parks › PR-1 Neighbourhood parks › P-1 Park of the river',
    );
  });

  it('says #N/A when the workbook cannot be read', async () => {
    const broken = async () => {
      throw new Error('RichApi.Error: the workbook is busy');
    };
    expectError(
      await linkage.budgetLink('P-1', null, null, broken),
      'na',
      /could not be read: RichApi/,
    );
  });
});

describe('PLAN.OPERATING_BALANCE and PLAN.BUDGET_TOTAL (contract v2)', () => {
  const plan = planOf();

  it('balances current spending against revenue (figures of fixtures.ts)', async () => {
    // 1405: 1,331,000,000 − A-1's 500,000,000 = 831,000,000 (P-1 is capital). 1406:
    // 1,464,100,000 − (A-1's 600,000,000 + P-1's opex 50,000,000) = 814,100,000.
    expect(await fiscal.operatingBalance(1405, null, plan)).toBe(831_000_000);
    expect(await fiscal.operatingBalance('۱۴۰۶', 'base', plan)).toBe(814_100_000);
    expectError(await fiscal.operatingBalance(1410, null, plan), 'na', /not a year of the plan/);
  });

  it('totals the budget lines of a year by head and stage', async () => {
    // One line: B-1405-01, capital, 700,000,000, no stage (approved).
    expect(await fiscal.budgetTotal(1405, null, null, null, plan)).toBe(700_000_000);
    expect(await fiscal.budgetTotal(1405, 'capital', null, null, plan)).toBe(700_000_000);
    expect(await fiscal.budgetTotal(1405, 'هزینه‌ای (جاری)', null, null, plan)).toBe(0);
    expect(await fiscal.budgetTotal(1405, null, null, 'مصوب', plan)).toBe(700_000_000);
    expect(await fiscal.budgetTotal(1405, null, null, 'proposed', plan)).toBe(0);
    expect(await fiscal.budgetTotal(1406, null, null, null, plan)).toBe(0);
    expectError(await fiscal.budgetTotal(1405, 'loans', null, null, plan), 'value', /head/);
    expectError(await fiscal.budgetTotal(1405, null, null, 'final', plan), 'value', /stage/);
  });
});

describe('PLAN.FISCAL_GAP, PLAN.SPENDING and PLAN.PLAN_REVENUE', () => {
  const plan = planOf();

  it('balances forecast revenue against spending (see fixtures.ts for the hand-worked figures)', async () => {
    expect(await fiscal.planSpending(1405, plan)).toBe(1_200_000_000);
    expect(await fiscal.planSpending(1406, plan)).toBe(650_000_000);
    expect(await fiscal.planRevenue(1405, null, plan)).toBe(1_331_000_000);
    expect(await fiscal.fiscalGap(1405, null, plan)).toBe(131_000_000);
    expect(await fiscal.fiscalGap(1406, 'base', plan)).toBe(814_100_000);
    // Scenario low: 1,331,000,000 × 0.9 = 1,197,900,000 − 1,200,000,000 = −2,100,000, a deficit.
    expect(await fiscal.fiscalGap('۱۴۰۵', 'low', plan)).toBe(-2_100_000);
  });

  it('says #N/A for a year outside the plan or an unknown scenario', async () => {
    expectError(await fiscal.fiscalGap(1410, null, plan), 'na', /not a year of the plan/);
    expectError(await fiscal.fiscalGap(1405, 'optimistic', plan), 'na', /optimistic/);
    expectError(await fiscal.planSpending('next year', plan), 'value', /year/);
  });

  it('defaults to the workbook’s Scenario, the one its capital budget uses', async () => {
    const named = (scenario: string) =>
      planOf({
        tables: DEPARTMENT_WORKBOOK.tables.map((t) =>
          t.name === 'tblPlanInfo' ? { ...t, rows: [...t.rows, ['Scenario', scenario]] } : t,
        ),
      });
    // Scenario low, as above: −2,100,000; an argument still overrides it.
    expect(await fiscal.fiscalGap(1405, null, named('low'))).toBe(-2_100_000);
    expect(await fiscal.planRevenue(1405, null, named('low'))).toBe(1_197_900_000);
    expect(await fiscal.fiscalGap(1405, 'base', named('low'))).toBe(131_000_000);
    expectError(
      await fiscal.fiscalGap(1405, null, named('optimistic')),
      'na',
      /tblPlanInfo names it/,
    );
  });
});

/** A stand-in for the runtime's `CustomFunctions`, to see what reaches Excel. */
class FakeExcelError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

describe('the entry points Excel calls', () => {
  beforeAll(() => {
    (globalThis as Record<string, unknown>).CustomFunctions = {
      Error: FakeExcelError,
      ErrorCode: {
        invalidValue: '#VALUE!',
        notAvailable: '#N/A',
        invalidNumber: '#NUM!',
        divisionByZero: '#DIV/0!',
      },
    };
  });
  afterAll(() => {
    delete (globalThis as Record<string, unknown>).CustomFunctions;
    setMessageLanguage('fa-IR');
  });

  it('return plain values', async () => {
    expect(
      ENTRY_POINTS.PRIORITY_SCORE([[8, 6, 9]], [[0.5, 0.3, 0.2]], [['benefit', 'cost', 'benefit']]),
    ).toBeCloseTo(70, 12);
    expect(ENTRY_POINTS.KPI_PROGRESS(10, 20, 17, 'increase')).toBeCloseTo(0.7, 12);
    expect(await ENTRY_POINTS.SCENARIO_REVENUE([[100], [110], [121]], 1, 0.1)).toEqual([
      [expect.closeTo(133.1, 9)],
    ]);
  });

  it('throw a #VALUE! with the message in the display language', () => {
    setMessageLanguage('fa-IR');
    const fa = captureSync(() => ENTRY_POINTS.PRIORITY_SCORE([[8, 6]], [[0.5, -1]]));
    expect(fa).toEqual(new FakeExcelError('#VALUE!', 'وزن معیار 2 باید عددی نامنفی باشد'));
    setMessageLanguage('en-US');
    const en = captureSync(() => ENTRY_POINTS.PRIORITY_SCORE([[8, 6]], [[0.5, -1]]));
    expect(en).toEqual(
      new FakeExcelError('#VALUE!', 'the weight of criterion 2 must be a non-negative number'),
    );
  });

  it('speak the pane’s language for a locale that is neither Persian nor English', () => {
    // The pane opens in Persian for such a locale (languageOfLocale); the messages follow it.
    setMessageLanguage('de-DE');
    const de = captureSync(() => ENTRY_POINTS.PRIORITY_SCORE([[8, 6]], [[0.5, -1]]));
    expect(de).toEqual(new FakeExcelError('#VALUE!', 'وزن معیار 2 باید عددی نامنفی باشد'));
  });

  it('reject with #N/A, not an exception, when there is no workbook to read', async () => {
    setMessageLanguage('en-US');
    const e = await ENTRY_POINTS.BUDGET_LINK('B-1405-01').then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(FakeExcelError);
    expect((e as FakeExcelError).code).toBe('#N/A');
    expect((e as FakeExcelError).message).toMatch(/could not be read/);
  });

  it('never let anything but an Excel error escape, whatever is typed', async () => {
    const cell = fc.oneof(
      fc.double(),
      fc.string(),
      fc.constantFrom('', null, true, false, '۱۴۰۵/۰۱/۰۱', 'P90', 'cost', 'هزینه', '8%'),
      fc.integer({ min: -5, max: 2000 }),
    );
    const arg = fc.oneof(cell, fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 4 }));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(ENTRY_POINTS)),
        fc.array(arg, { minLength: 1, maxLength: 5 }),
        async (id, args) => {
          // Keep simulations small: the count is the 4th argument of REVENUE_RANGE.
          if (id === 'REVENUE_RANGE') args[3] = 200;
          const fn = ENTRY_POINTS[id as keyof typeof ENTRY_POINTS] as (...a: unknown[]) => unknown;
          try {
            await fn(...args);
          } catch (e) {
            expect(e).toBeInstanceOf(FakeExcelError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

function captureSync(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  return undefined;
}
