import type { RawCell, RawWorkbook, ScenarioForecast } from '#core';
import { forecastRevenueScenarios, readPlan, simulateRevenueScenario } from '#core';
import { planInfo } from '../helpers/plan';

// The revenue unit of a city prepares the five-year plan 1405–1409 from ten
// years of actual revenue, 1395–1404, and three scenarios.
//
// general-duties grows exactly 20 % a year from 1,000 billion Rials:
//   1395: 1,000,000,000,000 … 1404: 1,000,000,000,000 × 1.2^9 = 5,159,780,352,000.
// service-fees is booked under two codes that together grow by 50 billion a year
//   (SF-1: 300 + 30·k billion, SF-2: 200 + 20·k billion, k = 0…9), a straight line.
// asset-returns grows by 10 billion a year from 100 billion, and has no
//   scenario row: it is forecast with `auto`.
const historyRows: RawCell[][] = [];
for (let k = 0; k <= 9; k++) {
  const year = 1395 + k;
  historyRows.push([
    'general-duties',
    'GD',
    year,
    String((1_000_000_000_000n * 12n ** BigInt(k)) / 10n ** BigInt(k)),
  ]);
  historyRows.push(['service-fees', 'SF-1', year, (300 + 30 * k) * 1e9]);
  historyRows.push(['service-fees', 'SF-2', year, (200 + 20 * k) * 1e9]);
  historyRows.push(['asset-returns', '', year, (100 + 10 * k) * 1e9]);
}

const workbook: RawWorkbook = {
  tables: [
    planInfo({ StartYear: 1405, Years: 5 }),
    {
      name: 'tblRevenueHistory',
      sheet: 'Revenue history',
      header: ['RevenueClass', 'Code', 'Year', 'Amount'],
      rows: historyRows,
    },
    {
      name: 'tblRevenueScenarios',
      sheet: 'Scenarios',
      header: ['Scenario', 'RevenueClass', 'Method', 'GrowthRate', 'Adjustment', 'Volatility'],
      rows: [
        ['pessimistic', 'general-duties', 'growth', 0.1, 0.95, 0.08],
        ['pessimistic', 'service-fees', 'trend', null, 0.9, null],
        ['base', 'general-duties', 'growth', null, null, 0.05],
        ['base', 'service-fees', 'trend', null, 1, null],
        ['optimistic', 'general-duties', 'growth', '30%', 1.05, null],
        ['optimistic', 'service-fees', 'روند خطی', null, 1.1, null],
      ],
    },
  ],
};

const { plan, findings: readFindings } = readPlan(workbook);
const result = forecastRevenueScenarios(plan);
if (!result.ok) throw new Error(result.message.en);

function scenario(name: string): ScenarioForecast {
  const s = result.ok ? result.scenarios.find((x) => x.scenario === name) : undefined;
  if (!s) throw new Error(`no scenario ${name}`);
  return s;
}
function amounts(s: ScenarioForecast, cls: string): bigint[] {
  const c = s.classes.find((x) => x.revenueClass === cls);
  if (!c) throw new Error(`no class ${cls}`);
  return [...c.amounts.values()];
}

describe('revenue scenarios of a five-year plan', () => {
  it('reads the workbook without findings and forecasts the three scenarios in table order', () => {
    expect(readFindings).toEqual([]);
    expect(result.years).toEqual([1405, 1406, 1407, 1408, 1409]);
    expect(result.scenarios.map((s) => s.scenario)).toEqual(['pessimistic', 'base', 'optimistic']);
    expect(result.scenarios.every((s) => s.complete)).toBe(true);
  });

  it('sums service-fees over its codes, exactly', () => {
    const c = scenario('base').classes.find((x) => x.revenueClass === 'service-fees');
    // 1395: 300 + 200 = 500 billion; 1404: 570 + 380 = 950 billion.
    expect(c?.history.get(1395)).toBe(500_000_000_000n);
    expect(c?.history.get(1404)).toBe(950_000_000_000n);
    expect(c?.lastHistoryYear).toBe(1404);
  });

  it('base: general-duties grows at the CAGR of the history, 20 %', () => {
    const c = scenario('base').classes.find((x) => x.revenueClass === 'general-duties');
    expect(c?.fit.method).toBe('growth');
    // (5,159,780,352,000 / 1,000,000,000,000)^(1/9) − 1 = 1.2 − 1
    if (c?.fit.method === 'growth') expect(c.fit.rate).toBeCloseTo(0.2, 12);
    // 5,159,780,352,000 × 1.2^h, h = 1…5, rounded half away from zero:
    //   6,191,736,422,400; 7,430,083,706,880; 8,916,100,448,256;
    //   10,699,320,537,907.2 → …907; 12,839,184,645,488.64 → …489
    expect(amounts(scenario('base'), 'general-duties')).toEqual([
      6_191_736_422_400n,
      7_430_083_706_880n,
      8_916_100_448_256n,
      10_699_320_537_907n,
      12_839_184_645_489n,
    ]);
  });

  it('pessimistic and optimistic: the given growth rate, then the adjustment multiplies the path', () => {
    // 5,159,780,352,000 × 1.1^h × 0.95:
    //   h=1: 5,675,758,387,200 × 0.95 = 5,391,970,467,840
    //   h=2: 6,243,334,225,920 × 0.95 = 5,931,167,514,624
    //   h=3: 6,867,667,648,512 × 0.95 = 6,524,284,266,086.4
    //   h=4: 7,554,434,413,363.2 × 0.95 = 7,176,712,692,695.04
    //   h=5: 8,309,877,854,699.52 × 0.95 = 7,894,383,961,964.544
    expect(amounts(scenario('pessimistic'), 'general-duties')).toEqual([
      5_391_970_467_840n,
      5_931_167_514_624n,
      6_524_284_266_086n,
      7_176_712_692_695n,
      7_894_383_961_965n,
    ]);
    // '30%' reads as 0.3. 5,159,780,352,000 × 1.3^h × 1.05:
    //   h=1: 6,707,714,457,600 × 1.05 = 7,043,100,180,480
    //   h=2: 8,720,028,794,880 × 1.05 = 9,156,030,234,624
    //   h=3: 11,336,037,433,344 × 1.05 = 11,902,839,305,011.2
    //   h=4: 14,736,848,663,347.2 × 1.05 = 15,473,691,096,514.56
    //   h=5: 19,157,903,262,351.36 × 1.05 = 20,115,798,425,468.928
    expect(amounts(scenario('optimistic'), 'general-duties')).toEqual([
      7_043_100_180_480n,
      9_156_030_234_624n,
      11_902_839_305_011n,
      15_473_691_096_515n,
      20_115_798_425_469n,
    ]);
  });

  it('service-fees follows its straight line, times the adjustment', () => {
    // The OLS line through 500, 550, …, 950 billion at t = 1…10 is 450 + 50·t
    // billion, so 1405…1409 (t = 11…15) give 1,000 … 1,200 billion.
    const line = [1000n, 1050n, 1100n, 1150n, 1200n].map((b) => b * 1_000_000_000n);
    expect(amounts(scenario('base'), 'service-fees')).toEqual(line);
    expect(amounts(scenario('pessimistic'), 'service-fees')).toEqual(
      line.map((v) => (v * 9n) / 10n),
    );
    // The Persian caption «روند خطی» is the method trend.
    expect(amounts(scenario('optimistic'), 'service-fees')).toEqual(
      line.map((v) => (v * 11n) / 10n),
    );
  });

  it('a class without a row in a scenario is forecast with auto, adjustment 1, and says so', () => {
    for (const s of result.scenarios) {
      const c = s.classes.find((x) => x.revenueClass === 'asset-returns');
      expect(c?.row).toBeNull();
      expect(c?.requestedMethod).toBe('auto');
      expect(c?.adjustment).toBe(1);
      // A straight line (100 + 10·k billion): trend forecasts it without error
      // on the held-out years and wins the tie; 200 … 240 billion.
      expect(c?.method).toBe('trend');
      expect([...(c?.amounts.values() ?? [])]).toEqual(
        [200n, 210n, 220n, 230n, 240n].map((b) => b * 1_000_000_000n),
      );
    }
    const defaulted = result.findings.filter((f) => f.code === 'REVENUE_CLASS_DEFAULTED');
    expect(defaulted).toHaveLength(3);
    expect(defaulted[0]?.severity).toBe('warning');
    expect(defaulted[0]?.message.en).toContain('asset-returns');
  });

  it('totals are the exact sums of the classes, year by year', () => {
    for (const s of result.scenarios) {
      for (const year of result.years) {
        let sum = 0n;
        for (const c of s.classes) sum += c.amounts.get(year) ?? 0n;
        expect(s.totals.get(year)).toBe(sum);
      }
    }
    // Base 1405: 6,191,736,422,400 + 1,000,000,000,000 + 200,000,000,000
    expect(scenario('base').totals.get(1405)).toBe(7_391_736_422_400n);
  });

  it('can forecast one scenario by name', () => {
    const one = forecastRevenueScenarios(plan, { scenario: 'BASE' });
    expect(one.ok && one.scenarios.map((s) => s.scenario)).toEqual(['base']);
    const none = forecastRevenueScenarios(plan, { scenario: 'wishful' });
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.code).toBe('REVENUE_UNKNOWN_SCENARIO');
  });
});

describe('revenue scenarios: what the user is told', () => {
  it('falls back to auto when the history is too short for the method, and reports duplicates', () => {
    const wb: RawWorkbook = {
      tables: [
        planInfo({ StartYear: 1405 }),
        {
          name: 'tblRevenueHistory',
          header: ['RevenueClass', 'Year', 'Amount'],
          rows: [
            ['donations', 1402, 10e9],
            ['donations', 1403, 12e9],
            ['donations', 1404, 14e9],
          ],
        },
        {
          name: 'tblRevenueScenarios',
          sheet: 'Scenarios',
          header: ['Scenario', 'RevenueClass', 'Method', 'GrowthRate', 'Adjustment'],
          rows: [
            ['base', 'donations', 'damped', null, null],
            ['base', 'donations', 'trend', null, null],
          ],
        },
      ],
    };
    const r = forecastRevenueScenarios(readPlan(wb).plan);
    if (!r.ok) throw new Error(r.message.en);
    const c = r.scenarios[0]?.classes[0];
    // damped needs 5 years; 3 are given. auto with T = 3 holds out 1 year and
    // fits growth and trend on 1402–1403: trend (10, 12 → 14) is exact, so it wins.
    expect(c?.requestedMethod).toBe('auto');
    expect(c?.method).toBe('trend');
    expect([...(c?.amounts.values() ?? [])]).toEqual([16e9, 18e9, 20e9, 22e9, 24e9].map(BigInt));
    const codes = r.findings.map((f) => f.code);
    expect(codes).toContain('REVENUE_METHOD_FALLBACK');
    const dup = r.findings.find((f) => f.code === 'REVENUE_SCENARIO_DUPLICATE');
    // The second row is sheet row 3 (header on row 1); RevenueClass is column B.
    expect(dup).toMatchObject({ severity: 'error', row: 3, cell: 'B3', sheet: 'Scenarios' });
  });

  it('without scenario rows, builds one base scenario with auto; a gap year reads as 0', () => {
    const wb: RawWorkbook = {
      tables: [
        planInfo({ StartYear: 1405 }),
        {
          name: 'tblRevenueHistory',
          header: ['RevenueClass', 'Year', 'Amount'],
          rows: [
            ['general-duties', 1401, 100],
            ['general-duties', 1403, 300],
            ['general-duties', 1404, 400],
          ],
        },
      ],
    };
    const r = forecastRevenueScenarios(readPlan(wb).plan);
    if (!r.ok) throw new Error(r.message.en);
    expect(r.scenarios.map((s) => s.scenario)).toEqual(['base']);
    expect(r.scenarios[0]?.classes[0]?.history.get(1402)).toBe(0n);
    expect(r.findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(['REVENUE_NO_SCENARIOS', 'REVENUE_HISTORY_GAP']),
    );
  });

  it('uses actuals for plan years already booked, and marks a scenario incomplete when a class cannot be forecast', () => {
    const wb: RawWorkbook = {
      tables: [
        planInfo({ StartYear: 1404, Years: 3 }),
        {
          name: 'tblRevenueHistory',
          header: ['RevenueClass', 'Year', 'Amount'],
          rows: [
            ['general-duties', 1403, 100],
            ['general-duties', 1404, 110],
            ['donations', 1404, 5],
          ],
        },
      ],
    };
    const r = forecastRevenueScenarios(readPlan(wb).plan);
    if (!r.ok) throw new Error(r.message.en);
    const s = r.scenarios[0]!;
    // general-duties: 1404 is actual (110); auto with two years is the CAGR
    // 110/100 − 1 = 10 %: 1405 = 121, 1406 = 133.1 → 133.
    expect([...s.classes[0]!.amounts.values()]).toEqual([110n, 121n, 133n]);
    // donations has one year: no method can be fitted; it is left out, and said so.
    expect(s.classes.map((c) => c.revenueClass)).toEqual(['general-duties']);
    expect(s.complete).toBe(false);
    expect(r.findings.find((f) => f.code === 'REVENUE_CLASS_FAILED')?.severity).toBe('error');
    expect(r.findings.map((f) => f.code)).toContain('REVENUE_YEAR_HAS_ACTUAL');
  });

  it('fails as a value without plan years or without history', () => {
    const noYears = forecastRevenueScenarios(readPlan({ tables: [] }).plan);
    expect(noYears).toMatchObject({ ok: false, code: 'REVENUE_NO_PLAN_YEARS' });
    const noHistory = forecastRevenueScenarios(
      readPlan({
        tables: [planInfo({ StartYear: 1405 })],
      }).plan,
    );
    expect(noHistory).toMatchObject({ ok: false, code: 'REVENUE_NO_HISTORY' });
    if (!noHistory.ok) expect(noHistory.message.fa.length).toBeGreaterThan(0);
  });
});

describe('Monte Carlo of a scenario', () => {
  const spending = new Map<number, bigint>([
    [1405, 1_000_000_000n], // far below any path's revenue
    [1409, 100_000_000_000_000n], // far above
  ]);
  const run = (seed: number) =>
    simulateRevenueScenario(plan, { scenario: 'pessimistic', simulations: 2_000, seed, spending });

  it('takes σ from Volatility when given, else from the history', () => {
    const r = run(7);
    if (!r.ok) throw new Error(r.message.en);
    const byClass = Object.fromEntries(r.volatilities.map((v) => [v.revenueClass, v]));
    expect(byClass['general-duties']).toEqual({
      revenueClass: 'general-duties',
      sigma: 0.08,
      from: 'volatility',
    });
    expect(byClass['service-fees']?.from).toBe('history');
    // service-fees: log-growth ln(550/500), ln(600/550), …, ln(950/900) has a
    // spread; asset-returns likewise.
    expect(byClass['service-fees']?.sigma).toBeGreaterThan(0);
  });

  it('reports the point forecast of the total as the exact sum and the shortfall against spending', () => {
    const r = run(7);
    if (!r.ok) throw new Error(r.message.en);
    const totalYears = r.simulation.total.years;
    expect(totalYears.map((y) => y.point)).toEqual([...r.forecast.totals.values()]);
    expect(totalYears[0]?.shortfallProbability).toBe(0);
    expect(totalYears[4]?.shortfallProbability).toBe(1);
    expect(totalYears[2]?.shortfallProbability).toBeNull();
    for (const y of totalYears) {
      const [p10, p50, p90] = y.quantiles.map((q) => q.value);
      expect(p10! <= p50! && p50! <= p90!).toBe(true);
    }
  });

  it('reproduces its numbers with the same seed', () => {
    expect(run(11)).toEqual(run(11));
    const a = run(11);
    const b = run(12);
    if (!a.ok || !b.ok) throw new Error('simulation failed');
    expect(a.simulation.total.years[4]?.quantiles).not.toEqual(
      b.simulation.total.years[4]?.quantiles,
    );
  });
});
