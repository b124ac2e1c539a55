/**
 * The revenue methods of the contract ("Calculations", Revenue methods) on a
 * yearly series y₁…y_T: `growth`, `trend`, `holt`, `damped`. Each fit returns
 * its parameters, the in-sample SSE and fitted values as plain data, and
 * `projectRevenueFit` turns a fit into the forecast path for h = 1…H.
 */
import type { RevenueFailure } from './failure';
import { revenueFailure } from './failure';
import { minimizeInBox } from './minimize';

/** A method that fits a series (the contract's methods; `auto` chooses among these). */
export type FittedMethod = 'growth' | 'trend' | 'holt' | 'damped';

/**
 * The fitted methods in the order `auto` breaks ties: growth (1 parameter),
 * trend (2), damped (its forecasts level off), holt (extrapolates its trend
 * without limit). The forecasting literature advises the simpler and the
 * damped method when accuracy is equal (see `selectRevenueMethod`).
 */
export const REVENUE_FITTED_METHODS: readonly FittedMethod[] = [
  'growth',
  'trend',
  'damped',
  'holt',
];

/**
 * Fewest yearly values each method accepts: growth needs 1 value with a given
 * rate and 2 for the CAGR; trend 2 (a line); holt 4 and damped 5, as many
 * values as free parameters (α, β, ℓ₀, b₀, and φ): with fewer, a whole family
 * of fits has zero SSE and the forecast is arbitrary.
 */
export const REVENUE_MIN_POINTS = {
  growthGiven: 1,
  growth: 2,
  trend: 2,
  holt: 4,
  damped: 5,
} as const;

/** Longest series accepted: yearly revenue never has this many years; bounds the work on hostile input. */
export const REVENUE_MAX_POINTS = 200;

/** Longest horizon accepted, in years (a five-year plan needs 5 to 10). */
export const REVENUE_MAX_HORIZON = 100;

/** Bounds of the damping factor φ (contract: φ in [0.8, 0.98]; Hyndman & Athanasopoulos, FPP3 §8.2). */
export const DAMPING_BOUNDS = { min: 0.8, max: 0.98 } as const;

interface FitCommon {
  /** Number of values fitted (T). */
  readonly n: number;
  /** In-sample sum of squared errors of the fitted values (see each method). */
  readonly sse: number;
  /** Fitted value for each year (null where the method has none). */
  readonly fitted: readonly (number | null)[];
}

/** `growth`: F_h = y_T·(1+g)^h. */
export interface GrowthFit extends FitCommon {
  readonly method: 'growth';
  /** Yearly growth rate g (0.2 is 20 %). */
  readonly rate: number;
  /** `given` by the caller, or the `cagr` (y_T/y₁)^(1/(T−1)) − 1. */
  readonly rateFrom: 'given' | 'cagr';
  /** y_T, the value the path grows from. */
  readonly last: number;
  // fitted: one-step values y_{t−1}·(1+g) for t ≥ 2 (null for t = 1); sse over t = 2…T.
}

/** `trend`: ordinary least squares line y = a + b·t on the time index t = 1…T. */
export interface TrendFit extends FitCommon {
  readonly method: 'trend';
  /** a: the line's value at t = 0, the year before the first. */
  readonly intercept: number;
  /** b: change per year. */
  readonly slope: number;
}

/** Parameters of Holt's additive trend (φ = 1) or the damped trend (φ < 1). */
export interface HoltParams {
  readonly alpha: number;
  readonly beta: number;
  readonly phi: number;
  /** ℓ₀ */
  readonly initialLevel: number;
  /** b₀ */
  readonly initialTrend: number;
}

/** `holt` or `damped`: fitted smoothing parameters, initial and final states. */
export interface HoltFit extends FitCommon, HoltParams {
  readonly method: 'holt' | 'damped';
  /** ℓ_T */
  readonly level: number;
  /** b_T */
  readonly trend: number;
  // fitted: one-step forecasts ℓ_{t−1} + φ·b_{t−1}; sse over t = 1…T.
}

/** A fitted method, as plain data. */
export type RevenueFit = GrowthFit | TrendFit | HoltFit;

/** A successful fit. */
export interface FitSuccess<F extends RevenueFit = RevenueFit> {
  readonly ok: true;
  readonly fit: F;
}

/** Checks a series: finite values, not too long, at least `min` values. */
export function checkSeries(
  values: readonly number[],
  min: number,
  method: string,
): RevenueFailure | null {
  if (values.length > REVENUE_MAX_POINTS)
    return revenueFailure(
      'REVENUE_TOO_MANY_POINTS',
      `سری بیش از ${REVENUE_MAX_POINTS} مقدار دارد`,
      `the series has more than ${REVENUE_MAX_POINTS} values`,
    );
  const bad = values.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
  if (bad >= 0)
    return revenueFailure(
      'REVENUE_NOT_FINITE',
      `مقدار شماره ${bad + 1} سری عدد معتبر نیست`,
      `value ${bad + 1} of the series is not a finite number`,
    );
  if (values.length < min)
    return revenueFailure(
      'REVENUE_TOO_FEW_POINTS',
      `روش ${method} دست‌کم ${min} سال سابقه می‌خواهد؛ ${values.length} سال داده شده است`,
      `method ${method} needs at least ${min} years of history; ${values.length} given`,
    );
  return null;
}

/**
 * `growth`: y_T·(1+g)^h with g given, or the CAGR (y_T/y₁)^(1/(T−1)) − 1 when
 * `rate` is null (needs y₁ > 0 and y_T > 0).
 */
export function fitGrowth(
  values: readonly number[],
  rate: number | null = null,
): FitSuccess<GrowthFit> | RevenueFailure {
  const problem = checkSeries(
    values,
    rate === null ? REVENUE_MIN_POINTS.growth : REVENUE_MIN_POINTS.growthGiven,
    'growth',
  );
  if (problem) return problem;
  const n = values.length;
  const first = values[0] as number;
  const last = values[n - 1] as number;
  let g: number;
  if (rate !== null) {
    if (!Number.isFinite(rate) || rate < -1)
      return revenueFailure(
        'REVENUE_BAD_GROWTH_RATE',
        'نرخ رشد باید عددی دست‌کم ۱- (منفی صد درصد) باشد',
        'the growth rate must be a number of at least −1 (−100 %)',
      );
    g = rate;
  } else {
    if (!(first > 0 && last > 0))
      return revenueFailure(
        'REVENUE_NOT_POSITIVE',
        'برای نرخ رشد مرکب، مقدار سال اول و سال آخر باید مثبت باشد',
        'the compound growth rate needs positive first and last values',
      );
    g = Math.pow(last / first, 1 / (n - 1)) - 1;
  }
  const fitted: (number | null)[] = [null];
  let sse = 0;
  for (let t = 1; t < n; t++) {
    const f = (values[t - 1] as number) * (1 + g);
    fitted.push(f);
    sse += ((values[t] as number) - f) ** 2;
  }
  return {
    ok: true,
    fit: {
      method: 'growth',
      rate: g,
      rateFrom: rate === null ? 'cagr' : 'given',
      last,
      n,
      sse,
      fitted,
    },
  };
}

/** `trend`: the ordinary least squares line on t = 1…T; SSE of its residuals. */
export function fitTrend(values: readonly number[]): FitSuccess<TrendFit> | RevenueFailure {
  const problem = checkSeries(values, REVENUE_MIN_POINTS.trend, 'trend');
  if (problem) return problem;
  const n = values.length;
  const tMean = (n + 1) / 2;
  let yMean = 0;
  for (const v of values) yMean += v / n;
  let sxy = 0;
  let sxx = 0;
  values.forEach((v, i) => {
    const dt = i + 1 - tMean;
    sxy += dt * (v - yMean);
    sxx += dt * dt;
  });
  const slope = sxy / sxx;
  const intercept = yMean - slope * tMean;
  const fitted = values.map((_, i) => intercept + slope * (i + 1));
  let sse = 0;
  values.forEach((v, i) => (sse += (v - (fitted[i] as number)) ** 2));
  return { ok: true, fit: { method: 'trend', intercept, slope, n, sse, fitted } };
}

/** What running Holt's recursion with given parameters produces. */
export interface HoltRun {
  /** One-step forecasts ℓ_{t−1} + φ·b_{t−1}, t = 1…T. */
  readonly fitted: number[];
  /** ℓ_1…ℓ_T */
  readonly levels: number[];
  /** b_1…b_T */
  readonly trends: number[];
  /** Σ (y_t − fitted_t)², t = 1…T. */
  readonly sse: number;
}

/**
 * Runs Holt's additive (damped) trend recursion with given parameters:
 * ŷ_t = ℓ_{t−1} + φ·b_{t−1}; ℓ_t = α·y_t + (1−α)(ℓ_{t−1} + φ·b_{t−1});
 * b_t = β(ℓ_t − ℓ_{t−1}) + (1−β)·φ·b_{t−1}. φ = 1 is Holt's method.
 */
export function runHolt(values: readonly number[], p: HoltParams): HoltRun {
  const { alpha, beta, phi } = p;
  let l = p.initialLevel;
  let b = p.initialTrend;
  const fitted: number[] = [];
  const levels: number[] = [];
  const trends: number[] = [];
  let sse = 0;
  for (const y of values) {
    const f = l + phi * b;
    fitted.push(f);
    sse += (y - f) ** 2;
    const lNew = alpha * y + (1 - alpha) * f;
    b = beta * (lNew - l) + (1 - beta) * phi * b;
    l = lNew;
    levels.push(l);
    trends.push(b);
  }
  return { fitted, levels, trends, sse };
}

/**
 * The least in-sample SSE over the initial states for fixed α, β, φ, on a
 * series already divided by its scale. The one-step errors are linear in
 * (ℓ₀, b₀): e_t = e_t⁰ − Δℓ·P_t − Δb·Q_t, where e⁰ are the errors from a base
 * start and P, Q the forecasts that a unit ℓ₀ or b₀ alone produces (y ≡ 0).
 * So the best start solves a 2×2 least-squares problem exactly, and the
 * search runs over α, β (and φ) only.
 */
function concentratedSse(
  y: Float64Array,
  alpha: number,
  beta: number,
  phi: number,
  start: { l0: number; b0: number },
): number {
  const a1 = 1 - alpha;
  const b1 = 1 - beta;
  // Base start: the first value, no trend (errors stay of the order of the data).
  const l0Base = y[0] as number;
  let l = l0Base;
  let b = 0;
  let lp = 1;
  let bp = 0;
  let lq = 0;
  let bq = 1;
  let see = 0;
  let sep = 0;
  let seq = 0;
  let spp = 0;
  let spq = 0;
  let sqq = 0;
  for (let t = 0; t < y.length; t++) {
    const yt = y[t] as number;
    const f = l + phi * b;
    const e = yt - f;
    const p = lp + phi * bp;
    const q = lq + phi * bq;
    see += e * e;
    sep += e * p;
    seq += e * q;
    spp += p * p;
    spq += p * q;
    sqq += q * q;
    const lNew = alpha * yt + a1 * f;
    b = beta * (lNew - l) + b1 * phi * b;
    l = lNew;
    const lpNew = a1 * p;
    bp = beta * (lpNew - lp) + b1 * phi * bp;
    lp = lpNew;
    const lqNew = a1 * q;
    bq = beta * (lqNew - lq) + b1 * phi * bq;
    lq = lqNew;
  }
  let dl: number;
  let db: number;
  const det = spp * sqq - spq * spq;
  if (det > 1e-12 * spp * sqq) {
    dl = (sep * sqq - seq * spq) / det;
    db = (seq * spp - sep * spq) / det;
  } else {
    // P and Q are (nearly) collinear: the errors depend on one combination of
    // ℓ₀ and b₀ only, and fitting along P alone reaches the same least SSE.
    dl = sep / spp;
    db = 0;
  }
  start.l0 = l0Base + dl;
  start.b0 = db;
  return Math.max(0, see - dl * sep - db * seq);
}

// Search settings. A grid finds the basin (SSE surfaces of short series can
// have several), Nelder–Mead refines from the best grid points. 11 × 11 (× 4
// for φ) points and 3 starts keep a 20-year fit to a few milliseconds.
const GRID = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
const PHI_GRID = [0.8, 0.86, 0.92, 0.98];
const STARTS = 3;
const NM = { step: 0.1, maxIterations: 400, fTolerance: 1e-15, xTolerance: 1e-9 };

/**
 * `holt` (damped = false) or `damped`: α, β in [0, 1] (and φ in [0.8, 0.98]),
 * ℓ₀ and b₀ chosen to minimise the in-sample SSE of the one-step errors.
 */
export function fitHolt(
  values: readonly number[],
  damped = false,
): FitSuccess<HoltFit> | RevenueFailure {
  const method = damped ? 'damped' : 'holt';
  const problem = checkSeries(
    values,
    damped ? REVENUE_MIN_POINTS.damped : REVENUE_MIN_POINTS.holt,
    method,
  );
  if (problem) return problem;
  // Work on y / scale so that the SSE surface and tolerances do not depend on
  // the currency unit (Rials run to 10^16).
  let scale = 0;
  for (const v of values) scale = Math.max(scale, Math.abs(v));
  if (scale === 0) scale = 1;
  const y = Float64Array.from(values, (v) => v / scale);
  const start = { l0: 0, b0: 0 };
  const objective = (x: readonly number[]) =>
    concentratedSse(y, x[0] as number, x[1] as number, damped ? (x[2] as number) : 1, start);

  const candidates: Array<{ x: number[]; f: number }> = [];
  for (const alpha of GRID)
    for (const beta of GRID)
      for (const phi of damped ? PHI_GRID : [1]) {
        const x = damped ? [alpha, beta, phi] : [alpha, beta];
        candidates.push({ x, f: objective(x) });
      }
  candidates.sort((a, b) => a.f - b.f);
  const lower = damped ? [0, 0, DAMPING_BOUNDS.min] : [0, 0];
  const upper = damped ? [1, 1, DAMPING_BOUNDS.max] : [1, 1];
  let best = { x: candidates[0]?.x ?? lower, f: candidates[0]?.f ?? Infinity };
  for (const c of candidates.slice(0, STARTS)) {
    let m = minimizeInBox(objective, c.x, lower, upper, NM);
    // A restart from the result guards against a simplex that collapsed early.
    m = minimizeInBox(objective, m.x, lower, upper, NM);
    if (m.f < best.f) best = { x: m.x, f: m.f };
  }
  const alpha = best.x[0] as number;
  const beta = best.x[1] as number;
  const phi = damped ? (best.x[2] as number) : 1;
  concentratedSse(y, alpha, beta, phi, start);
  const params: HoltParams = {
    alpha,
    beta,
    phi,
    initialLevel: start.l0 * scale,
    initialTrend: start.b0 * scale,
  };
  // The reported SSE and states come from a run in the original units.
  const run = runHolt(values, params);
  return {
    ok: true,
    fit: {
      method,
      ...params,
      level: run.levels[run.levels.length - 1] as number,
      trend: run.trends[run.trends.length - 1] as number,
      n: values.length,
      sse: run.sse,
      fitted: run.fitted,
    },
  };
}

/** The forecast path F_1…F_H of a fit (no adjustment applied). */
export function projectRevenueFit(fit: RevenueFit, horizon: number): number[] {
  const out: number[] = [];
  switch (fit.method) {
    case 'growth': {
      for (let h = 1; h <= horizon; h++) out.push(fit.last * Math.pow(1 + fit.rate, h));
      return out;
    }
    case 'trend': {
      for (let h = 1; h <= horizon; h++) out.push(fit.intercept + fit.slope * (fit.n + h));
      return out;
    }
    default: {
      // ℓ_T + (φ + … + φ^h)·b_T; for holt φ = 1 and the sum is h.
      let damping = 0;
      let power = 1;
      for (let h = 1; h <= horizon; h++) {
        power *= fit.phi;
        damping += power;
        out.push(fit.level + damping * fit.trend);
      }
      return out;
    }
  }
}
