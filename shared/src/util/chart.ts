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
  const step = axisStep(Math.max(hi - lo, Number.EPSILON));
  const first = Math.floor(lo / step);
  const last = Math.max(Math.ceil(hi / step), first + 1);
  const ticks: number[] = [];
  // Multiplied, not added up: no drift (0.1 + 0.2) in the labels.
  for (let i = first; i <= last; i++) ticks.push(i * step + 0);
  return ticks;
}
