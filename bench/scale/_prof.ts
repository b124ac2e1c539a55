import pino from 'pino';
import { performance } from 'node:perf_hooks';
import { testConfig } from '../../service/src/config';
import { openDatabase } from '../../service/src/db';
import { createRepositories } from '../../service/src/repositories';
import { assembleCityPlan } from '../../service/src/consolidate';
import { measureCityPlan } from '#core';
async function main() {
  const url = process.argv[2]!;
  const db = await openDatabase({ url });
  const repos = createRepositories(db.prisma, { reader: db.reader });
  const deps = { repos, config: testConfig({}), logger: pino({ level: 'silent' }), databaseKind: 'postgres' as const };
  const cycleId = (await repos.cycles.list('tehran'))[0]!.id;
  for (let i = 0; i < Number(process.env.RUNS ?? 2); i++) {
    let t = performance.now();
    const a = await assembleCityPlan(deps, 'tehran', cycleId);
    console.log('assemble', (performance.now() - t).toFixed(0), 'rss', (process.memoryUsage().rss / 1048576).toFixed(0));
    t = performance.now();
    const m = await measureCityPlan(a.workbook, { findings: a.findings });
    console.log('measure', (performance.now() - t).toFixed(0), 'findings', m.findings.length, 'rss', (process.memoryUsage().rss / 1048576).toFixed(0));
    t = performance.now();
    const s = JSON.stringify(m, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
    console.log('stringify', (performance.now() - t).toFixed(0), 'MB', (s.length / 1048576).toFixed(1), 'rss', (process.memoryUsage().rss / 1048576).toFixed(0));
    const sizes = Object.entries(m).map(([k, v]) => [k, (JSON.stringify(v ?? null, (_k, x) => (typeof x === 'bigint' ? x.toString() : x)).length / 1048576).toFixed(1)]);
    console.log(JSON.stringify(sizes));
    const codes = new Map<string, number>(); for (const f of m.findings) codes.set(f.code, (codes.get(f.code) ?? 0) + 1);
    console.log([...codes].sort((a, b) => b[1] - a[1]).slice(0, 8));
  }
  await db.close();
}
main();
