/**
 * The value axis of a chart: a round step and its ticks, for the documents' charts (drawn on
 * the server) and the web's (drawn in the browser) alike.
 */

/** A round step for a value axis spanning `span`: 1, 2 or 5 × 10ⁿ giving about five lines. */
export function axisStep(span: number): number {
  const raw = span / 5;
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? raw;
}

/**
 * The ticks of a value axis holding `min` … `max` (0 always inside): multiples of
 * `axisStep`, from the one at or below the smaller of `min` and 0 to the one at or above the
 * larger of `max` and 0.
 */
export function axisTicks(min: number, max: number): number[] {
  const lo = Math.min(min, 0);
  const hi = Math.max(max, 0);
  // Nothing to span (every value 0): one step of 1.
  const step = hi > lo ? axisStep(hi - lo) : 1;
  const first = Math.floor(lo / step);
  const last = Math.max(Math.ceil(hi / step), first + 1);
  const ticks: number[] = [];
  // Multiplied, not added up, and cut to 12 significant digits: no 0.30000000000000004
  // (3 × 0.1) in the labels. `+ 0` makes −0 a 0.
  for (let i = first; i <= last; i++) ticks.push(Number((i * step).toPrecision(12)) + 0);
  return ticks;
}
