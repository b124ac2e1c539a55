/**
 * The SWOT matrices: IFE and EFE totals, the internal–external (IE) cell,
 * the stance and the SWOT strategy type.
 *
 * Method and cut-offs: F. R. David, Strategic Management: Concepts and Cases
 * (IFE and EFE matrices: weights sum to 1, ratings 1–4, total 1–4 with 2.5
 * the average; IE matrix: 1.0–1.99 / 2.0–2.99 / 3.0–4.0 on each axis; cells
 * I, II, IV grow and build; III, V, VII hold and maintain; VI, VIII, IX
 * harvest or divest). The example city below is made up in David's format and
 * worked by hand.
 */
import type { RawCell, SwotFactorInput } from '#core';
import { ieCell, ieStance, readPlan, scoreSwot, swotMatrix, swotStrategyType } from '#core';
import { planInfo } from '../helpers/plan';

// A mid-sized city's factors, in David's table layout.
//
// IFE                                   weight  rating  weighted
//   S1 stable property-duty revenue      0.20    4       0.80
//   S2 experienced engineering staff     0.15    3       0.45
//   S3 digital building permits          0.10    3       0.30
//   W1 arrears to contractors            0.25    1       0.25
//   W2 ageing bus fleet                  0.20    2       0.40
//   W3 narrow revenue base               0.10    2       0.20
//                                        1.00            2.40  → average (2.0–2.99)
// EFE
//   O1 national urban-rail grants        0.25    3       0.75
//   O2 tourism growth                    0.15    2       0.30
//   O3 public-private partnership law    0.10    2       0.20
//   T1 inflation                         0.30    1       0.30
//   T2 drought                           0.20    2       0.40
//                                        1.00            1.95  → low (1.0–1.99)
// IE: average column, low row → cell VIII → harvest or divest.
// Quadrant at 2.5: IFE 2.40 < 2.5 (weaknesses), EFE 1.95 < 2.5 (threats) → WT, defensive.
const cityRows: RawCell[][] = [
  ['S1', 'S', 'stable property-duty revenue', 0.2, 4],
  ['S2', 'S', 'experienced engineering staff', 0.15, 3],
  ['S3', 'قوت', 'digital building permits', 0.1, 3],
  ['W1', 'W', 'arrears to contractors', 0.25, 1],
  ['W2', 'W', 'ageing bus fleet', 0.2, 2],
  ['W3', 'ضعف', 'narrow revenue base', 0.1, 2],
  ['O1', 'O', 'national urban-rail grants', 0.25, 3],
  ['O2', 'O', 'tourism growth', 0.15, 2],
  ['O3', 'فرصت', 'public-private partnership law', 0.1, 2],
  ['T1', 'T', 'inflation', 0.3, 1],
  ['T2', 'تهدید', 'drought', '۰٫۲', '۲'],
];

describe('the SWOT matrices of a plan', () => {
  const { plan } = readPlan({
    tables: [
      planInfo({ StartYear: 1405 }),
      {
        name: 'tblSwot',
        header: ['FactorId', 'Kind', 'Text', 'Weight', 'Rating'],
        rows: cityRows,
      },
    ],
  });
  const result = swotMatrix(plan);

  it('computes the IFE and EFE totals (hand-worked: 2.40 and 1.95)', () => {
    if (!result.ok) throw new Error(result.message.en);
    expect(result.value.ife).toBeCloseTo(2.4, 9);
    expect(result.value.efe).toBeCloseTo(1.95, 9);
    expect(result.value.internal.weightSum).toBeCloseTo(1, 9);
    // Strengths 0.80 + 0.45 + 0.30 = 1.55; weaknesses 0.25 + 0.40 + 0.20 = 0.85.
    expect(result.value.internal.byKind.S).toBeCloseTo(1.55, 9);
    expect(result.value.internal.byKind.W).toBeCloseTo(0.85, 9);
    expect(result.value.external.factors).toBe(5);
  });

  it('places the city in IE cell VIII: harvest or divest, and suggests WT strategies', () => {
    if (!result.ok) throw new Error(result.message.en);
    expect(result.value).toMatchObject({
      internalBand: 'average',
      externalBand: 'low',
      cell: 'VIII',
      stance: 'harvest-or-divest',
      strategyType: 'WT',
    });
  });
});

describe("David's IE matrix cut-offs", () => {
  it.each([
    // ife, efe, cell: columns strong/average/weak, rows high/medium/low.
    [3.0, 3.0, 'I'],
    [2.99, 3.0, 'II'],
    [1.99, 4.0, 'III'],
    [3.5, 2.0, 'IV'],
    [2.0, 2.0, 'V'],
    [1.0, 2.99, 'VI'],
    [4.0, 1.99, 'VII'],
    [2.5, 1.0, 'VIII'],
    [1.99, 1.99, 'IX'],
  ] as const)('IFE %s, EFE %s → cell %s', (ife, efe, cell) => {
    expect(ieCell(ife, efe)).toBe(cell);
  });

  it('maps cells to the three stances', () => {
    const cells = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX'] as const;
    expect(cells.map(ieStance)).toEqual([
      'grow-and-build',
      'grow-and-build',
      'hold-and-maintain',
      'grow-and-build',
      'hold-and-maintain',
      'harvest-or-divest',
      'hold-and-maintain',
      'harvest-or-divest',
      'harvest-or-divest',
    ]);
  });

  it('splits the SWOT quadrants at 2.5, the midpoint counting as strong/favourable', () => {
    expect(swotStrategyType(2.5, 2.5)).toBe('SO');
    expect(swotStrategyType(2.5, 2.49)).toBe('ST');
    expect(swotStrategyType(2.49, 2.5)).toBe('WO');
    expect(swotStrategyType(2.49, 2.49)).toBe('WT');
  });
});

describe('scoring edge cases', () => {
  it('classifies a textbook 3.00 as strong despite binary rounding', () => {
    // Ten strengths of weight 0.1 rated 3: 10 × 0.1 × 3 = 3.00 exactly on paper,
    // 2.9999999999999996 in floating point.
    const factors: SwotFactorInput[] = [
      ...Array.from({ length: 10 }, () => ({ kind: 'S' as const, weight: 0.1, rating: 3 })),
      { kind: 'O', weight: 1, rating: 3 },
    ];
    const r = scoreSwot(factors);
    expect(r.ok && r.value.ife).toBe(3);
    expect(r.ok && r.value.cell).toBe('I');
  });

  it('divides by the weight sum when weights do not add up to 1', () => {
    // Weights 2 and 2 (sum 4), ratings 4 and 1: (2·4 + 2·1) / 4 = 2.5.
    const r = scoreSwot([
      { kind: 'S', weight: 2, rating: 4 },
      { kind: 'W', weight: 2, rating: 1 },
      { kind: 'T', weight: 1, rating: 2 },
    ]);
    expect(r.ok && r.value.ife).toBe(2.5);
    expect(r.ok && r.value.internal.weightSum).toBe(4);
    expect(r.ok && r.value.efe).toBe(2);
  });

  it('says why when a side has no factors or only zero weights', () => {
    expect(scoreSwot([{ kind: 'O', weight: 1, rating: 3 }])).toMatchObject({
      ok: false,
      code: 'SWOT_NO_INTERNAL',
    });
    expect(scoreSwot([{ kind: 'S', weight: 1, rating: 3 }])).toMatchObject({
      ok: false,
      code: 'SWOT_NO_EXTERNAL',
    });
    const zero = scoreSwot([
      { kind: 'S', weight: 0, rating: 3 },
      { kind: 'O', weight: 1, rating: 3 },
    ]);
    expect(zero).toMatchObject({ ok: false, code: 'SWOT_ZERO_WEIGHTS' });
    if (!zero.ok) expect(zero.message.fa.length).toBeGreaterThan(0);
  });

  it('a plan without tblSwot cannot be scored', () => {
    const { plan } = readPlan({ tables: [] });
    expect(swotMatrix(plan)).toMatchObject({ ok: false, code: 'SWOT_NO_INTERNAL' });
  });
});
