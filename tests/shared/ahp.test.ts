import fc from 'fast-check';
import type { AhpWeights } from '#core';
import { CONSISTENCY_LIMIT, RANDOM_INDEX, checkPairwise, computeAhp } from '#core';
import reference from '../reference/ahp_numpy.json';

function weightsOf(m: number[][]): AhpWeights {
  const r = computeAhp(m);
  if (!r.ok) throw new Error(`expected weights, got ${r.code}: ${r.message.en}`);
  return r;
}

describe('AHP weights from a pairwise comparison matrix', () => {
  it("reproduces Saaty's published house-buying example to the printed digits", () => {
    // Saaty (1990), "How to make a decision: the analytic hierarchy process",
    // EJOR 48:9-26: eight criteria of buying a house, published weights
    // .173 .054 .188 .018 .031 .036 .167 .333, λmax = 9.669, CI = .238, CR = .169.
    const m = reference.cases['saaty1990-house'].matrix;
    const r = weightsOf(m);
    const published = [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333];
    r.weights.forEach((w, i) => expect(w).toBeCloseTo(published[i] as number, 3));
    expect(r.lambdaMax).toBeCloseTo(9.669, 3);
    expect(r.ci).toBeCloseTo(0.238, 3);
    expect(r.cr).toBeCloseTo(0.169, 3);
    // Saaty's own verdict: above 0.10, the family should revise its judgements.
    expect(r.consistent).toBe(false);
  });

  describe.each(Object.entries(reference.cases))('agrees with numpy.linalg.eig: %s', (_, c) => {
    // Values recorded by tests/reference/ahp_numpy.py (command in its provenance).
    it('weights, λmax, CI and CR', () => {
      const r = weightsOf(c.matrix);
      r.weights.forEach((w, i) => expect(w).toBeCloseTo(c.weights[i] as number, 9));
      expect(r.lambdaMax).toBeCloseTo(c.lambdaMax, 9);
      expect(r.ci).toBeCloseTo(c.ci, 9);
      expect(r.cr).toBeCloseTo(c.cr, 9);
      expect(r.consistent).toBe(c.cr <= CONSISTENCY_LIMIT);
    });
  });

  it('gives w_i/(w_1+w_2) for any 2×2 matrix, consistent by definition', () => {
    // [[1, a], [1/a, 1]] has eigenvector (a, 1)/(1 + a) and λmax = 2 (hand-worked:
    // (1·a + a·1, (1/a)·a + 1) = 2·(a, 1)).
    const r = weightsOf([
      [1, 4],
      [1 / 4, 1],
    ]);
    expect(r.weights[0]).toBeCloseTo(0.8, 12);
    expect(r.weights[1]).toBeCloseTo(0.2, 12);
    expect(r.lambdaMax).toBeCloseTo(2, 12);
    expect(r.cr).toBe(0);
    expect(r.consistent).toBe(true);
  });

  it('gives one criterion all the weight', () => {
    const r = weightsOf([[1]]);
    expect(r.weights).toEqual([1]);
    expect(r.cr).toBe(0);
  });

  it('recovers the weights of any perfectly consistent matrix, with λmax = n and CR = 0', () => {
    // a_ij = w_i / w_j has rank one: A·w = n·w exactly, so the eigenvector is w
    // and λmax = n, CI = CR = 0 (closed form).
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.05, max: 20, noNaN: true }), { minLength: 3, maxLength: 12 }),
        (raw) => {
          const sum = raw.reduce((s, v) => s + v, 0);
          const w = raw.map((v) => v / sum);
          const m = w.map((wi) => w.map((wj) => wi / wj));
          const r = computeAhp(m, { reciprocalTolerance: 1e-9 });
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          r.weights.forEach((x, i) => expect(x).toBeCloseTo(w[i] as number, 9));
          expect(r.lambdaMax).toBeCloseTo(m.length, 9);
          expect(Math.abs(r.cr)).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('does not depend on the order the criteria are listed in', () => {
    // Renaming criteria permutes rows and columns alike; the weights follow.
    const m = reference.cases['saaty-chairs'].matrix;
    const perm = [2, 0, 3, 1];
    const pm = perm.map((i) => perm.map((j) => m[i]?.[j] as number));
    const a = weightsOf(m);
    const b = weightsOf(pm);
    perm.forEach((i, k) => expect(b.weights[k]).toBeCloseTo(a.weights[i] as number, 12));
    expect(b.lambdaMax).toBeCloseTo(a.lambdaMax, 12);
  });

  it('completes a matrix filled only above the diagonal, as people often do', () => {
    const full = reference.cases['three-criteria'].matrix;
    const upper = [
      [null, 3, 5],
      [null, null, 2],
      [null, null, null],
    ];
    const r = weightsOf(upper as unknown as number[][]);
    r.weights.forEach((w, i) =>
      expect(w).toBeCloseTo(reference.cases['three-criteria'].weights[i] as number, 12),
    );
    expect(r.matrix).toEqual(full.map((row) => row.map((v) => expect.closeTo(v, 12))));
  });

  it('uses RI(10) beyond ten criteria and says so (an upper bound on CR)', () => {
    const r = weightsOf(reference.cases.eleven.matrix);
    expect(r.n).toBe(11);
    expect(r.riExtrapolated).toBe(true);
    expect(r.ri).toBe(RANDOM_INDEX[9]);
    expect(RANDOM_INDEX).toEqual([0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49]);
  });
});

describe('structural checks of a pairwise matrix, as values', () => {
  it('reports a matrix that is not square', () => {
    const r = computeAhp([
      [1, 2, 3],
      [0.5, 1],
      [1 / 3, 1, 1],
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('AHP_NOT_SQUARE');
    expect(r.problems[0]).toMatchObject({ code: 'AHP_NOT_SQUARE', row: 1 });
    expect(r.message.fa).toContain('مربعی');
  });

  it('reports zero, negative and non-finite judgements', () => {
    const r = computeAhp([
      [1, 0, 3],
      [2, 1, -1],
      [1 / 3, Infinity, 1],
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const positive = r.problems.filter((p) => p.code === 'AHP_NOT_POSITIVE');
    expect(positive.map((p) => [p.row, p.column])).toEqual([
      [0, 1],
      [1, 2],
      [2, 1],
    ]);
  });

  it('reports a pair that is not reciprocal, located on the lower cell', () => {
    // 3 against 0.5: 3 × 0.5 = 1.5, far from 1.
    const r = computeAhp([
      [1, 3, 2],
      [0.5, 1, 1],
      [0.5, 1, 1],
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      expect.objectContaining({ code: 'AHP_NOT_RECIPROCAL', row: 1, column: 0 }),
    ]);
  });

  it('accepts reciprocals typed to two decimals (tolerance 5%)', () => {
    expect(computeAhp(reference.cases['two-decimals'].matrix).ok).toBe(true);
  });

  it('reports a diagonal other than 1 and pairs left empty on both sides', () => {
    const r = computeAhp([
      [2, 3, null],
      [1 / 3, 1, 4],
      [null, 1 / 4, 1],
    ] as unknown as number[][]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.code).sort()).toEqual(['AHP_DIAGONAL', 'AHP_MISSING']);
    expect(r.problems.find((p) => p.code === 'AHP_MISSING')).toMatchObject({ row: 0, column: 2 });
  });

  it("warns (without failing) about values beyond Saaty's 1–9 scale", () => {
    const r = checkPairwise([
      [1, 12],
      [1 / 12, 1],
    ]);
    expect(r.matrix).not.toBeNull();
    expect(r.problems.map((p) => [p.code, p.severity, p.row, p.column])).toEqual([
      ['AHP_OFF_SCALE', 'warning', 0, 1],
      ['AHP_OFF_SCALE', 'warning', 1, 0],
    ]);
  });

  it('reports an empty matrix', () => {
    const r = computeAhp([]);
    expect(r).toMatchObject({ ok: false, code: 'AHP_EMPTY' });
  });
});
