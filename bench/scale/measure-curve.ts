/**
 * The city measure's cost per row as a city grows (part of the scale bench's findings,
 * docs/storage.md "Growth"): the core's `measureCityPlan` (what the consolidation runs after
 * assembling the approved versions) on the Tehran-like city of bench/scale/generate.ts at
 * several sizes, merged in memory (no database). Prints, for each size, the rows and the CPU
 * time of the process (the least of three runs after one warm-up; CPU time, not wall time, so
 * that other work on the machine does not bend the curve) and the time per row: a flat
 * per-row cost is linear growth.
 *
 * `node --import tsx bench/scale/measure-curve.ts [0.05,0.1,0.2,0.4,1]`
 */
import type { RawTable, RawWorkbook } from '#core';
import { measureCityPlan } from '#core';
import { cityWorkbooks, TEHRAN } from './generate';

/** The Tehran-like city at `factor` of its size, as one city workbook. */
function cityOf(factor: number): RawWorkbook {
  const city = cityWorkbooks({
    ...TEHRAN,
    projects: Math.round(TEHRAN.projects * factor),
    activities: Math.round(TEHRAN.activities * factor),
    versions: 1,
  });
  const tables = new Map<string, RawTable>();
  for (const t of city.framework.tables) tables.set(t.name, { ...t, rows: [...t.rows] });
  for (const [first] of city.departments.values())
    for (const t of first?.tables ?? []) {
      if (t.name === 'tblPlanInfo') continue;
      const into = tables.get(t.name);
      if (into) into.rows.push(...t.rows);
      else tables.set(t.name, { ...t, rows: [...t.rows] });
    }
  return { tables: [...tables.values()] };
}

async function main(): Promise<void> {
  const factors = (process.argv[2] ?? '0.05,0.1,0.2,0.4,1').split(',').map(Number);
  for (const f of factors) {
    const wb = cityOf(f);
    await measureCityPlan(wb, {});
    let cpu = Infinity;
    for (let i = 0; i < 3; i++) {
      const t0 = process.cpuUsage();
      await measureCityPlan(wb, {});
      const u = process.cpuUsage(t0);
      cpu = Math.min(cpu, (u.user + u.system) / 1000);
    }
    const rows = wb.tables.reduce((n, t) => n + t.rows.length, 0);
    console.log(
      `×${f}: ${rows} rows, measureCityPlan ${cpu.toFixed(0)} ms CPU, ${((cpu / rows) * 1000).toFixed(1)} µs a row`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
