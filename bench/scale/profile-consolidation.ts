/**
 * Where a consolidation's time goes (docs/storage.md "Growth"): on a database the scale bench
 * kept (`PLAN_SCALE_KEEP=1 npm run bench scale` prints its address), the consolidation of its
 * first municipality's cycle in this process, twice: the first reads the approved versions
 * from the database, the second from the cache of immutable versions. Prints for each the CPU
 * and wall time and the heap, writes each one's CPU profile (`cold.cpuprofile`,
 * `warm.cpuprofile`: open them in Chrome's DevTools) into the directory given, and the SHA-256
 * of the answer as JSON, which must not change when only the speed does.
 *
 * `node --import tsx bench/scale/profile-consolidation.ts <database url> [directory]`
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import pino from 'pino';
import { testConfig } from '../../service/src/config';
import { consolidate } from '../../service/src/consolidate';
import { openDatabase } from '../../service/src/db';
import { createRepositories } from '../../service/src/repositories';

async function main(): Promise<void> {
  const url = process.argv[2];
  if (url === undefined) throw new Error('usage: profile-consolidation.ts <database url> [dir]');
  const dir = process.argv[3] ?? '.';
  mkdirSync(dir, { recursive: true });
  const pg = new Client({ connectionString: url });
  await pg.connect();
  const first = await pg.query<{ tenant_id: string; id: string }>(
    `SELECT tenant_id, id FROM plan_cycle ORDER BY tenant_id, id LIMIT 1`,
  );
  await pg.end();
  const cycle = first.rows[0];
  if (cycle === undefined) throw new Error('no cycle in that database');
  const db = await openDatabase({ url });
  const deps = {
    repos: createRepositories(db.prisma, { reader: db.reader }),
    config: testConfig({}),
    logger: pino({ level: 'silent' }),
    databaseKind: 'postgres' as const,
  };
  const session = new Session();
  session.connect();
  try {
    for (const name of ['cold', 'warm']) {
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const report = await consolidate(deps, cycle.tenant_id, cycle.id);
      const json = JSON.stringify(report);
      const wall = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
      const heap = process.memoryUsage();
      console.log(
        `${name}: ${wall.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU, ` +
          `heap ${(heap.heapUsed / 1_048_576).toFixed(0)} MB, RSS ${(heap.rss / 1_048_576).toFixed(0)} MB, ` +
          `answer ${(json.length / 1e6).toFixed(1)} M characters, ` +
          `SHA-256 ${createHash('sha256').update(json).digest('hex')}`,
      );
    }
  } finally {
    session.disconnect();
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
