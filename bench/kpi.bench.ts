/**
 * KPI progress is wrapped by an Excel custom function and recalculated over
 * whole columns, so it must cost about as much as writing the formula inline.
 * Figure: `kpiProgress` over 1,000,000 readings against the same arithmetic
 * inline, measured in this process. Target: ≤ 2× the inline baseline.
 */
import type { KpiDirection } from '#core';
import { kpiProgress } from '#core';
import { report, timeMs } from './lib';

const N = 1_000_000;
const directions: KpiDirection[] = ['increase', 'decrease', 'maintain'];
const dir: KpiDirection[] = [];
const base = new Float64Array(N);
const target = new Float64Array(N);
const actual = new Float64Array(N);
// A fixed linear-congruential sequence (Numerical Recipes constants) so every run sees the same data.
let seed = 12345;
const rand = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
for (let i = 0; i < N; i++) {
  dir.push(directions[i % 3] as KpiDirection);
  base[i] = Math.round(rand() * 100);
  target[i] = Math.round(rand() * 100);
  actual[i] = Math.round(rand() * 100);
}

let sink = 0;

function viaLibrary(): void {
  let s = 0;
  for (let i = 0; i < N; i++) {
    const p = kpiProgress({
      direction: dir[i] ?? null,
      baseline: base[i] ?? null,
      target: target[i] ?? null,
      actual: actual[i] ?? null,
    });
    s += p ?? 0;
  }
  sink += s;
}

function inline(): void {
  let s = 0;
  for (let i = 0; i < N; i++) {
    const d = dir[i];
    const b = base[i] ?? 0;
    const t = target[i] ?? 0;
    const a = actual[i] ?? 0;
    let p: number;
    if (d === 'maintain')
      p = t === 0 ? (a === 0 ? 1 : 0) : Math.max(0, 1 - Math.abs(a - t) / Math.abs(t));
    else if (t === b) p = (d === 'increase' ? a >= b : a <= b) ? 1 : 0;
    else p = (a - b) / (t - b);
    s += p;
  }
  sink += s;
}

async function main(): Promise<void> {
  const baseline = await timeMs(inline, 9, 3);
  const value = await timeMs(viaLibrary, 9, 3);
  const ratio = value / baseline;
  report('kpi progress', [
    {
      name: `kpiProgress × ${N.toLocaleString('en')}`,
      value,
      unit: 'ms',
      baselineName: 'inline arithmetic',
      baseline,
      target: '≤ 2× baseline',
      ok: ratio <= 2,
    },
  ]);
  if (!Number.isFinite(sink)) console.log('unexpected', sink);
}

void main();
