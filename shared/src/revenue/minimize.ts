/**
 * A small derivative-free minimiser for the smoothing parameters: Nelder–Mead
 * (Nelder & Mead 1965, The Computer Journal 7(4):308–313) with the standard
 * coefficients (reflection 1, expansion 2, contraction ½, shrink ½) and every
 * trial point clamped into the box. Two or three parameters and a cheap
 * objective make this faster and simpler than a gradient method here, and the
 * clamping lets the simplex settle on a face of the box (α = 1, φ = 0.98),
 * where the optimum of short revenue series often lies.
 */

/** Result of a minimisation. */
export interface Minimum {
  readonly x: number[];
  readonly f: number;
  readonly evaluations: number;
}

/** Options of `minimizeInBox`. */
export interface MinimizeOptions {
  /** Size of the initial simplex along each axis (clamped into the box). */
  step: number;
  /** Upper bound on iterations. */
  maxIterations: number;
  /** Stop when the spread of f over the simplex is below this (absolute). */
  fTolerance: number;
  /** …and the simplex is smaller than this along every axis. */
  xTolerance: number;
}

function clampInto(x: number[], lower: readonly number[], upper: readonly number[]): number[] {
  return x.map((v, i) => Math.min(upper[i] ?? v, Math.max(lower[i] ?? v, v)));
}

/**
 * Minimises `f` over the box `[lower, upper]` starting from `x0`.
 * Deterministic: the same inputs give the same steps.
 */
export function minimizeInBox(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  lower: readonly number[],
  upper: readonly number[],
  options: MinimizeOptions,
): Minimum {
  const n = x0.length;
  let evaluations = 0;
  const evaluate = (x: number[]): { x: number[]; f: number } => {
    evaluations++;
    const v = f(x);
    return { x, f: Number.isFinite(v) ? v : Number.POSITIVE_INFINITY };
  };
  const start = clampInto([...x0], lower, upper);
  const simplex = [evaluate(start)];
  for (let i = 0; i < n; i++) {
    const p = [...start];
    const v = p[i] ?? 0;
    // Step inwards when a step outwards would leave the box.
    p[i] = v + options.step <= (upper[i] ?? v) ? v + options.step : v - options.step;
    simplex.push(evaluate(clampInto(p, lower, upper)));
  }

  for (let iter = 0; iter < options.maxIterations; iter++) {
    simplex.sort((a, b) => a.f - b.f);
    const best = simplex[0] as { x: number[]; f: number };
    const worst = simplex[n] as { x: number[]; f: number };
    const second = simplex[n - 1] as { x: number[]; f: number };
    let spreadX = 0;
    for (const s of simplex)
      for (let i = 0; i < n; i++)
        spreadX = Math.max(spreadX, Math.abs((s.x[i] ?? 0) - (best.x[i] ?? 0)));
    if (worst.f - best.f <= options.fTolerance && spreadX <= options.xTolerance) break;

    const centroid = new Array<number>(n).fill(0);
    for (let k = 0; k < n; k++)
      for (let i = 0; i < n; i++)
        centroid[i] = (centroid[i] ?? 0) + ((simplex[k] as { x: number[] }).x[i] ?? 0) / n;
    const along = (t: number) =>
      clampInto(
        centroid.map((c, i) => c + t * (c - (worst.x[i] ?? 0))),
        lower,
        upper,
      );

    const reflected = evaluate(along(1));
    if (reflected.f < best.f) {
      const expanded = evaluate(along(2));
      simplex[n] = expanded.f < reflected.f ? expanded : reflected;
    } else if (reflected.f < second.f) {
      simplex[n] = reflected;
    } else {
      const outside = reflected.f < worst.f;
      const contracted = evaluate(along(outside ? 0.5 : -0.5));
      if (contracted.f < (outside ? reflected.f : worst.f)) simplex[n] = contracted;
      else {
        for (let k = 1; k <= n; k++) {
          const s = simplex[k] as { x: number[] };
          simplex[k] = evaluate(
            clampInto(
              s.x.map((v, i) => (best.x[i] ?? 0) + 0.5 * (v - (best.x[i] ?? 0))),
              lower,
              upper,
            ),
          );
        }
      }
    }
  }
  simplex.sort((a, b) => a.f - b.f);
  const best = simplex[0] as { x: number[]; f: number };
  return { x: best.x, f: best.f, evaluations };
}
