/**
 * The SWOT evaluation matrices: the Internal Factor Evaluation (IFE) and
 * External Factor Evaluation (EFE) totals, the cell of the
 * internal–external (IE) matrix they place the city in, and the strategy
 * stance and SWOT strategy type that position suggests.
 *
 * Method: F. R. David, *Strategic Management: Concepts and Cases*
 * (Pearson; the IFE/EFE matrices and the IE matrix are in every edition
 * since the 1990s): a total weighted score is Σ weight × rating, with the
 * weights of a matrix summing to 1 and ratings 1–4, so a total lies in 1–4
 * with 2.5 the average. The IE matrix cuts each axis at 2.0 and 3.0:
 * IFE 1.0–1.99 weak, 2.0–2.99 average, 3.0–4.0 strong; EFE 1.0–1.99 low,
 * 2.0–2.99 medium, 3.0–4.0 high. Cells I, II, IV: grow and build;
 * III, V, VII: hold and maintain; VI, VIII, IX: harvest or divest.
 *
 * The four-quadrant strategy type (SO, ST, WO, WT) cuts both totals at the
 * 2.5 midpoint, as Iranian municipal plans do (contract: "IFE and EFE
 * totals, 1–4, 2.5 the midpoint … suggest the strategy stance").
 */
import type { SwotKind, SwotType } from '../contract/enums';
import type { Bilingual } from '../findings';
import type { Plan } from '../read/plan';
import { rowsOf } from '../read/plan';

/** A cell of David's internal–external matrix, numbered row by row from the top left. */
export type IeCell = 'I' | 'II' | 'III' | 'IV' | 'V' | 'VI' | 'VII' | 'VIII' | 'IX';

/** The strategy stance of an IE cell (David). */
export type IeStance = 'grow-and-build' | 'hold-and-maintain' | 'harvest-or-divest';

/** Band of the IFE total on the IE matrix's x axis. */
export type InternalBand = 'weak' | 'average' | 'strong';

/** Band of the EFE total on the IE matrix's y axis. */
export type ExternalBand = 'low' | 'medium' | 'high';

/**
 * The IE matrix's cut-offs on both axes (David: 1.0–1.99, 2.0–2.99, 3.0–4.0),
 * and the 2.5 midpoint (the average total weighted score) that splits the
 * SWOT quadrants.
 */
export const SWOT_CUTOFFS = { lower: 2, upper: 3, midpoint: 2.5 } as const;

/** One factor as the matrices read it. */
export interface SwotFactorInput {
  readonly kind: SwotKind;
  /** Importance, 0–1; the factors of one matrix sum to 1. */
  readonly weight: number;
  /** 1–4 (IFE: 1 major weakness … 4 major strength; EFE: 1 poor response … 4 superior). */
  readonly rating: number;
}

/** The total of one matrix (IFE or EFE) and what went into it. */
export interface SwotSideScore {
  /** Total weighted score, 1–4: Σ weight × rating / Σ weight. */
  readonly score: number;
  /** Sum of the weights as typed (1 in a well-formed matrix). */
  readonly weightSum: number;
  /** Number of factors counted. */
  readonly factors: number;
  /** Each kind's share of the total (S and W for the IFE, O and T for the EFE). */
  readonly byKind: Readonly<Partial<Record<SwotKind, number>>>;
}

/** Where the city stands on the SWOT matrices. */
export interface SwotMatrix {
  /** IFE total weighted score, 1–4. */
  readonly ife: number;
  /** EFE total weighted score, 1–4. */
  readonly efe: number;
  readonly internalBand: InternalBand;
  readonly externalBand: ExternalBand;
  /** Cell of the internal–external matrix. */
  readonly cell: IeCell;
  readonly stance: IeStance;
  /** Suggested type of strategies from the quadrant at the 2.5 midpoint. */
  readonly strategyType: SwotType;
  readonly internal: SwotSideScore;
  readonly external: SwotSideScore;
}

/** Why the matrices could not be computed. */
export type SwotMatrixProblem = 'SWOT_NO_INTERNAL' | 'SWOT_NO_EXTERNAL' | 'SWOT_ZERO_WEIGHTS';

/** The matrices, or why they cannot be computed. */
export type SwotMatrixResult =
  | { readonly ok: true; readonly value: SwotMatrix }
  | { readonly ok: false; readonly code: SwotMatrixProblem; readonly message: Bilingual };

// Sums of products of decimals carry binary noise (0.1 × 3 + … = 2.9999999999999996);
// totals are cleaned to 9 decimals so that a textbook 3.00 is classified as 3.00.
function clean(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

/** IFE band: weak below 2.0, average below 3.0, strong from 3.0 (David). */
export function internalBand(ife: number): InternalBand {
  const x = clean(ife);
  return x < SWOT_CUTOFFS.lower ? 'weak' : x < SWOT_CUTOFFS.upper ? 'average' : 'strong';
}

/** EFE band: low below 2.0, medium below 3.0, high from 3.0 (David). */
export function externalBand(efe: number): ExternalBand {
  const x = clean(efe);
  return x < SWOT_CUTOFFS.lower ? 'low' : x < SWOT_CUTOFFS.upper ? 'medium' : 'high';
}

const IE_CELLS: Readonly<Record<ExternalBand, Readonly<Record<InternalBand, IeCell>>>> = {
  high: { strong: 'I', average: 'II', weak: 'III' },
  medium: { strong: 'IV', average: 'V', weak: 'VI' },
  low: { strong: 'VII', average: 'VIII', weak: 'IX' },
};

/**
 * The IE matrix cell of an IFE and EFE total: columns strong, average, weak
 * (IFE, left to right), rows high, medium, low (EFE, top to bottom).
 */
export function ieCell(ife: number, efe: number): IeCell {
  return IE_CELLS[externalBand(efe)][internalBand(ife)];
}

const STANCES: Readonly<Record<IeCell, IeStance>> = {
  I: 'grow-and-build',
  II: 'grow-and-build',
  IV: 'grow-and-build',
  III: 'hold-and-maintain',
  V: 'hold-and-maintain',
  VII: 'hold-and-maintain',
  VI: 'harvest-or-divest',
  VIII: 'harvest-or-divest',
  IX: 'harvest-or-divest',
};

/** David's stance for an IE cell. */
export function ieStance(cell: IeCell): IeStance {
  return STANCES[cell];
}

/**
 * The SWOT quadrant at the 2.5 midpoint: internally strong (IFE ≥ 2.5) uses
 * strengths (S…), else overcomes weaknesses (W…); externally favourable
 * (EFE ≥ 2.5) seizes opportunities (…O), else meets threats (…T).
 * SO aggressive, ST competitive, WO conservative, WT defensive.
 */
export function swotStrategyType(ife: number, efe: number): SwotType {
  const inside = clean(ife) >= SWOT_CUTOFFS.midpoint ? 'S' : 'W';
  const outside = clean(efe) >= SWOT_CUTOFFS.midpoint ? 'O' : 'T';
  return `${inside}${outside}`;
}

function side(factors: readonly SwotFactorInput[], kinds: readonly SwotKind[]): SwotSideScore {
  let weightSum = 0;
  let weighted = 0;
  let count = 0;
  const byKind: Partial<Record<SwotKind, number>> = {};
  for (const k of kinds) byKind[k] = 0;
  for (const f of factors) {
    if (!kinds.includes(f.kind)) continue;
    count++;
    weightSum += f.weight;
    weighted += f.weight * f.rating;
    byKind[f.kind] = (byKind[f.kind] ?? 0) + f.weight * f.rating;
  }
  // Weights are divided by their sum so that a matrix whose weights do not
  // quite add up to 1 still gives a total on the 1–4 scale; validation
  // reports such weights as SWOT_WEIGHTS_SUM.
  const norm = weightSum > 0 ? weightSum : 1;
  for (const k of kinds) byKind[k] = clean((byKind[k] ?? 0) / norm);
  return { score: clean(weighted / norm), weightSum: clean(weightSum), factors: count, byKind };
}

/**
 * Scores a list of SWOT factors: the IFE from strengths and weaknesses, the
 * EFE from opportunities and threats, and the position they give. Factors
 * with a non-finite weight or rating are left out.
 */
export function scoreSwot(factors: readonly SwotFactorInput[]): SwotMatrixResult {
  const usable = factors.filter((f) => Number.isFinite(f.weight) && Number.isFinite(f.rating));
  const internal = side(usable, ['S', 'W']);
  const external = side(usable, ['O', 'T']);
  if (internal.factors === 0)
    return {
      ok: false,
      code: 'SWOT_NO_INTERNAL',
      message: {
        fa: 'هیچ عامل داخلی (قوت یا ضعف) نیست؛ ماتریس \u2066IFE\u2069 محاسبه نمی‌شود',
        en: 'there are no internal factors (strengths or weaknesses): the IFE cannot be computed',
      },
    };
  if (external.factors === 0)
    return {
      ok: false,
      code: 'SWOT_NO_EXTERNAL',
      message: {
        fa: 'هیچ عامل خارجی (فرصت یا تهدید) نیست؛ ماتریس \u2066EFE\u2069 محاسبه نمی‌شود',
        en: 'there are no external factors (opportunities or threats): the EFE cannot be computed',
      },
    };
  if (internal.weightSum <= 0 || external.weightSum <= 0)
    return {
      ok: false,
      code: 'SWOT_ZERO_WEIGHTS',
      message: {
        fa: 'وزن همه عوامل داخلی یا همه عوامل خارجی صفر است',
        en: 'all internal or all external factors have zero weight',
      },
    };
  const ife = internal.score;
  const efe = external.score;
  const cell = ieCell(ife, efe);
  return {
    ok: true,
    value: {
      ife,
      efe,
      internalBand: internalBand(ife),
      externalBand: externalBand(efe),
      cell,
      stance: ieStance(cell),
      strategyType: swotStrategyType(ife, efe),
      internal,
      external,
    },
  };
}

/**
 * The SWOT matrices of a plan, from its `tblSwot` (the workbook's own, else
 * reference data). Rows whose kind, weight or rating could not be read are
 * left out (the reader reports them).
 */
export function swotMatrix(plan: Plan): SwotMatrixResult {
  const factors: SwotFactorInput[] = [];
  for (const r of rowsOf(plan, 'tblSwot')) {
    if (r.Kind === null || r.Weight === null || r.Rating === null) continue;
    factors.push({ kind: r.Kind, weight: r.Weight, rating: r.Rating });
  }
  return scoreSwot(factors);
}

/** Captions of the IE matrix's stances (David), for documents and the pane. */
export const IE_STANCE_CAPTIONS: Readonly<Record<IeStance, Bilingual>> = {
  'grow-and-build': { fa: 'رشد و توسعه', en: 'Grow and build' },
  'hold-and-maintain': { fa: 'حفظ و نگهداری', en: 'Hold and maintain' },
  'harvest-or-divest': { fa: 'برداشت یا واگذاری', en: 'Harvest or divest' },
};
