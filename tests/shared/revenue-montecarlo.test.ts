import fc from 'fast-check';
import type { RevenueSimulationInput, SimulationSeries } from '#core';
import { createRevenueSimulation, quantileOfSorted, simulateRevenue } from '#core';

// A revenue class whose point forecast grows 10 % a year from 1,000 billion
// Rials (y_1404 = 1e12): F = 1.1e12, 1.21e12, 1.331e12 for 1405–1407.
const duties: SimulationSeries = {
  key: 'general-duties',
  lastYear: 1404,
  path: [1.1e12, 1.21e12, 1.331e12],
  sigma: 0.1,
};
const years = [1405, 1406, 1407];
const input = (over: Partial<RevenueSimulationInput> = {}): RevenueSimulationInput => ({
  series: [duties],
  years,
  simulations: 2_000,
  seed: 42,
  ...over,
});

describe('Monte Carlo of revenue', () => {
  it('gives identical numbers for the same seed and different ones for another seed', () => {
    const a = simulateRevenue(input());
    const b = simulateRevenue(input());
    const c = simulateRevenue(input({ seed: 43 }));
    expect(a).toEqual(b);
    if (!a.ok || !c.ok) throw new Error('simulation failed');
    expect(a.series[0]?.years[2]?.quantiles).not.toEqual(c.series[0]?.years[2]?.quantiles);
  });

  it('with σ = 0 every quantile and the mean are the point forecast', () => {
    const r = simulateRevenue(
      input({ series: [{ ...duties, sigma: 0 }], quantiles: [0, 0.1, 0.5, 0.9, 1] }),
    );
    if (!r.ok) throw new Error(r.message.en);
    const points = [1_100_000_000_000n, 1_210_000_000_000n, 1_331_000_000_000n];
    r.series[0]?.years.forEach((y, i) => {
      expect(y.point).toBe(points[i]);
      expect(y.mean).toBe(points[i]);
      for (const q of y.quantiles) expect(q.value).toBe(points[i]);
    });
  });

  it('with many paths, P50 is the point forecast and P10/P90 follow the log-normal', () => {
    // ln X_h = ln F_h + σ·(ε_1 + … + ε_h) is normal with mean ln F_h and s.d.
    // σ√h, so X_h's median is exp(ln F_h) = F_h and its p-quantile is
    // F_h·exp(σ√h·z_p), z_0.1 = −1.2815515655446004 (scipy.stats.norm.ppf(0.1),
    // Debian scipy 1.10.1). For 1406 (h = 2): P10 = 1.21e12 × exp(0.1 × √2 × −1.28155)
    // = 1.0094257e12, P90 = 1.4504286e12. With 20,000 paths the sampling s.d. of
    // these quantiles is below 0.2 %; the tolerance is 1 %.
    const r = simulateRevenue(input({ simulations: 20_000 }));
    if (!r.ok) throw new Error(r.message.en);
    const z = 1.2815515655446004;
    r.series[0]?.years.forEach((y, i) => {
      const h = i + 1;
      const f = duties.path[i] as number;
      const [p10, p50, p90] = y.quantiles.map((q) => Number(q.value));
      expect(Math.abs(p50! / f - 1)).toBeLessThan(0.01);
      expect(Math.abs(p10! / (f * Math.exp(-0.1 * Math.sqrt(h) * z)) - 1)).toBeLessThan(0.01);
      expect(Math.abs(p90! / (f * Math.exp(0.1 * Math.sqrt(h) * z)) - 1)).toBeLessThan(0.01);
      // The mean of a log-normal is above its median: F·exp(hσ²/2).
      expect(Math.abs(Number(y.mean) / (f * Math.exp((h * 0.01) / 2)) - 1)).toBeLessThan(0.01);
    });
  });

  it('orders the quantiles: P10 ≤ P50 ≤ P90, for any seed and σ', () => {
    fc.assert(
      fc.property(fc.integer(), fc.double({ min: 0, max: 1, noNaN: true }), (seed, sigma) => {
        const r = simulateRevenue(
          input({ seed, simulations: 200, series: [{ ...duties, sigma }] }),
        );
        if (!r.ok) return false;
        return [...r.series[0]!.years, ...r.total.years].every((y) => {
          const [p10, p50, p90] = y.quantiles.map((q) => q.value);
          return p10! <= p50! && p50! <= p90!;
        });
      }),
      { numRuns: 25 },
    );
  });

  it('gives the probability that total revenue falls short of planned spending', () => {
    const spending = new Map<number, bigint>([
      [1405, 1n], // far below: never short
      [1406, 1_000_000_000_000_000n], // far above: always short
    ]);
    const r = simulateRevenue(input({ spending }));
    if (!r.ok) throw new Error(r.message.en);
    expect(r.total.years.map((y) => y.shortfallProbability)).toEqual([0, 1, null]);
    expect(r.total.years[1]?.spending).toBe(1_000_000_000_000_000n);
    // At the point forecast itself about half the paths fall short (the median).
    const atPoint = simulateRevenue(
      input({ simulations: 10_000, spending: new Map([[1407, 1_331_000_000_000n]]) }),
    );
    if (!atPoint.ok) throw new Error(atPoint.message.en);
    expect(atPoint.total.years[2]?.shortfallProbability).toBeCloseTo(0.5, 1);
  });

  it('sums independent classes path by path: the total spreads less than the sum of the spreads', () => {
    const fees: SimulationSeries = {
      key: 'service-fees',
      lastYear: 1404,
      path: [5e11, 5.5e11, 6e11],
      sigma: 0.2,
    };
    const r = simulateRevenue(input({ series: [duties, fees], simulations: 5_000 }));
    if (!r.ok) throw new Error(r.message.en);
    const spread = (q: readonly { value: bigint }[]) => Number(q[2]!.value - q[0]!.value);
    const y = 2;
    const parts =
      spread(r.series[0]!.years[y]!.quantiles) + spread(r.series[1]!.years[y]!.quantiles);
    // Perfectly correlated classes would make these equal; independent ones diversify.
    expect(spread(r.total.years[y]!.quantiles)).toBeLessThan(parts);
    // The total's point forecast is the exact sum: 1,331,000,000,000 + 600,000,000,000.
    expect(r.total.years[y]?.point).toBe(1_931_000_000_000n);
  });

  it("keeps a class's numbers when another class is added (one random stream per class)", () => {
    const alone = simulateRevenue(input());
    const fees: SimulationSeries = {
      key: 'service-fees',
      lastYear: 1404,
      path: [5e11, 5.5e11, 6e11],
      sigma: 0.2,
    };
    const together = simulateRevenue(input({ series: [duties, fees] }));
    if (!alone.ok || !together.ok) throw new Error('simulation failed');
    expect(together.series[0]).toEqual(alone.series[0]);
  });

  it('uses the actual amount for a year that is not in the future', () => {
    const r = simulateRevenue(
      input({ years: [1404, 1405], series: [{ ...duties, actuals: new Map([[1404, 1e12]]) }] }),
    );
    if (!r.ok) throw new Error(r.message.en);
    expect(r.series[0]?.years[0]?.quantiles.map((q) => q.value)).toEqual([
      1_000_000_000_000n,
      1_000_000_000_000n,
      1_000_000_000_000n,
    ]);
  });

  it('runs in chunks with the same result, whatever the chunk sizes', () => {
    const whole = simulateRevenue(input({ simulations: 1_000 }));
    const created = createRevenueSimulation(input({ simulations: 1_000 }));
    if (!created.ok) throw new Error(created.message.en);
    const sim = created.simulation;
    for (const chunk of [1, 7, 333, 10_000]) sim.run(chunk);
    expect(sim.done).toBe(1_000);
    expect(sim.result()).toEqual(whole);
  });

  it('stops when asked and says so', () => {
    let calls = 0;
    const r = simulateRevenue(input({ simulations: 10_000 }), {
      checkEvery: 500,
      shouldStop: () => ++calls > 3,
    });
    expect(r).toMatchObject({ ok: false, code: 'REVENUE_CANCELLED' });
    expect(calls).toBe(4);
  });

  it.each([
    ['no paths', { simulations: 0 }, 'REVENUE_BAD_OPTION'],
    ['too many paths', { simulations: 10_000_000 }, 'REVENUE_BAD_OPTION'],
    ['a fractional seed', { seed: 1.5 }, 'REVENUE_BAD_OPTION'],
    ['a quantile above 1', { quantiles: [0.5, 1.5] }, 'REVENUE_BAD_OPTION'],
    ['a negative σ', { series: [{ ...duties, sigma: -0.1 }] }, 'REVENUE_BAD_OPTION'],
    ['a year beyond the forecast', { years: [1405, 1410] }, 'REVENUE_BAD_OPTION'],
    [
      'a zero point forecast',
      { series: [{ ...duties, path: [1e12, 0, 1e12] }] },
      'REVENUE_PATH_NOT_POSITIVE',
    ],
  ] as const)('refuses %s', (_label, over, code) => {
    const r = simulateRevenue(input(over as Partial<RevenueSimulationInput>));
    expect(r).toMatchObject({ ok: false, code });
    if (!r.ok) expect(r.message.fa.length).toBeGreaterThan(0);
  });
});

describe('quantiles', () => {
  it('interpolates linearly between order statistics (type 7, as R and NumPy by default)', () => {
    // 1, 2, 3, 4: P10 at position 0.3 → 1.3; P50 at 1.5 → 2.5; P90 at 2.7 → 3.7.
    const s = Float64Array.from([1, 2, 3, 4]);
    expect(quantileOfSorted(s, 0.1)).toBeCloseTo(1.3, 12);
    expect(quantileOfSorted(s, 0.5)).toBeCloseTo(2.5, 12);
    expect(quantileOfSorted(s, 0.9)).toBeCloseTo(3.7, 12);
    expect(quantileOfSorted(s, 1)).toBe(4);
  });
});
