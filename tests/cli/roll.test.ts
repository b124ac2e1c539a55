/**
 * `plan roll` on the hand-made plan and monitoring workbooks of tests/helpers/plan.ts
 * (1405–1407): rolled to 1406–1408 with the 1405 payments of the monitoring. Worked by hand
 * from those workbooks: P-EV paid 18,000 by 1405 FY (no SpentBefore before) → SpentBefore
 * 18,000, and approved but started and paid for: ongoing; P-OK paid 20,000 by 1405 FY onto
 * SpentBefore 10,000 → 30,000; its 1406 cost (20,000) kept; the new 1408 empty.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPlan } from '#core';
import { readXlsx, writeRawWorkbook } from '../../io';
import { monitoredPlan, monitoringWorkbook } from '../helpers/plan';
import { plan, scratch } from './helpers';

const space = scratch();

describe('plan roll', () => {
  it('writes the next plan with what was paid in SpentBefore and the new last year empty', async () => {
    const dir = space.dir();
    writeFileSync(join(dir, 'p.xlsx'), await writeRawWorkbook(monitoredPlan(), { lang: 'en' }));
    writeFileSync(
      join(dir, 'm.xlsx'),
      await writeRawWorkbook(monitoringWorkbook(), { lang: 'en' }),
    );
    const run = await plan(
      dir,
      'roll',
      'p.xlsx',
      '--monitoring',
      'm.xlsx',
      '--out',
      'r.xlsx',
      '--json',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      out: 'r.xlsx',
      startYear: 1406,
      realisedYear: 1405,
    });
    const read = await readXlsx(new Uint8Array(readFileSync(join(dir, 'r.xlsx'))));
    if (!read.ok) throw new Error('unreadable');
    const rolled = readPlan(read.workbook).plan;
    expect(rolled.info.StartYear).toBe(1406);
    expect(rolled.years).toEqual([1406, 1407, 1408]);
    const p = (id: string) => rolled.tables.tblProjects?.rows.find((r) => r.ProjectId === id);
    expect(p('P-EV')).toMatchObject({ SpentBefore: 18000n, Status: 'ongoing' });
    expect(p('P-OK')?.SpentBefore).toBe(30000n);
    expect(p('P-OK')?.costs.get(1406)).toBe(20000n);
    expect(p('P-EV')?.costs.has(1405)).toBe(false);
    expect(p('P-EV')?.costs.get(1408) ?? 0n).toBe(0n);
  });

  it('refuses to run without --out, in Persian by default', async () => {
    const run = await plan(space.dir(), 'roll', 'p.xlsx');
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/[\u0600-\u06FF]/);
  });
});
