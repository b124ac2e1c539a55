/**
 * PLAN.PRIORITY_SCORE's core, `scorePriority`, over 100,000 calls, beside the
 * same arithmetic written inline (target ≤ 2×: checking the arguments and
 * returning a typed result must stay cheap, since Excel calls it once per cell
 * on every recalculation).
 * Run: npm run bench priority (or node --import tsx bench/priority.bench.ts).
 */
import { scorePriority } from '#core';
import { report, timeMs } from './lib';

const CALLS = 100_000;
// Five criteria, the common size of a municipal scoring sheet.
const weights = [5, 3, 2, 4, 1];
const directions = ['benefit', 'cost', 'benefit', 'benefit', 'cost'];
const mins = [0, 0, 1, 0, 0];
const maxs = [10, 100, 5, 10, 10];
const n = weights.length;

// A pool of score vectors within their scales, so no call is the same as the last.
const POOL = 1024;
const pool: number[][] = Array.from({ length: POOL }, (_, k) =>
  weights.map((_, j) => {
    const lo = mins[j] as number;
    const hi = maxs[j] as number;
    return lo + (((k * 7919 + j * 104729) % 1000) / 1000) * (hi - lo);
  }),
);

let sink = 0;
// Held in a local, as a caller does: the module namespace's re-export getters
// (tsx/esbuild compile ES exports to getters) are not part of the function's cost.
const score = scorePriority;

function viaFunction(): void {
  let acc = 0;
  for (let i = 0; i < CALLS; i++) {
    const r = score(pool[i & (POOL - 1)] as number[], weights, directions, mins, maxs);
    if (r.ok) acc += r.value;
  }
  sink += acc;
}

// The baseline: what a hand-written formula does, with no checks at all.
function inline(): void {
  let acc = 0;
  for (let i = 0; i < CALLS; i++) {
    const xs = pool[i & (POOL - 1)] as number[];
    let wsum = 0;
    let s = 0;
    for (let j = 0; j < n; j++) {
      const w = weights[j] as number;
      const lo = mins[j] as number;
      const t = ((xs[j] as number) - lo) / ((maxs[j] as number) - lo);
      wsum += w;
      s += w * (directions[j] === 'cost' ? 1 - t : t);
    }
    acc += (100 * s) / wsum;
  }
  sink += acc;
}

async function main(): Promise<void> {
  // Alternate the two in rounds and keep each side's best median, so that
  // neither gets a warmer JIT or a quieter moment of a shared machine.
  let base = Infinity;
  let value = Infinity;
  for (let round = 0; round < 5; round++) {
    base = Math.min(base, await timeMs(inline, 9, 2));
    value = Math.min(value, await timeMs(viaFunction, 9, 2));
  }
  const ratio = value / base;
  report('priority score', [
    {
      name: `scorePriority × ${CALLS.toLocaleString('en')} (5 criteria)`,
      value,
      unit: 'ms',
      baselineName: 'inline arithmetic',
      baseline: base,
      target: '≤ 2× baseline',
      ok: ratio <= 2,
    },
  ]);
  if (!Number.isFinite(sink)) console.log(sink);
}

void main();
