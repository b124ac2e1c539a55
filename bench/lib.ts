/**
 * Tiny benchmark helpers. Every figure is reported next to a baseline measured
 * in the same process, as a ratio, because absolute times vary between machines.
 */
import { performance } from 'node:perf_hooks';

/** Median wall time in milliseconds of `runs` calls of `fn` (after `warmup` calls). */
export async function timeMs(
  fn: () => unknown | Promise<unknown>,
  runs = 5,
  warmup = 1,
): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}

/** One line of the benchmark report. */
export interface BenchLine {
  name: string;
  value: number;
  unit: string;
  baselineName?: string;
  baseline?: number;
  /** Target ratio (value / baseline) or absolute target in `unit`. */
  target?: string;
  ok?: boolean;
}

/** Prints benchmark lines as a readable table and as one JSON line for tools. */
export function report(suite: string, lines: BenchLine[]): void {
  console.log(`\n== ${suite}`);
  for (const l of lines) {
    const ratio = l.baseline
      ? ` | baseline ${l.baselineName ?? ''} ${l.baseline.toFixed(3)} ${l.unit} | ratio ${(l.value / l.baseline).toFixed(2)}×`
      : '';
    const target = l.target
      ? ` | target ${l.target}${l.ok === undefined ? '' : l.ok ? ' ✓' : ' ✗'}`
      : '';
    console.log(`${l.name}: ${l.value.toFixed(3)} ${l.unit}${ratio}${target}`);
  }
  console.log(`BENCH_JSON ${JSON.stringify({ suite, lines })}`);
}
