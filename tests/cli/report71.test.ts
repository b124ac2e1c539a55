/**
 * `plan report71`: the Article 71 six-monthly report as a workbook, on the hand-worked
 * monitoring workbook of tests/helpers/plan.ts at 1406 H1 (figures worked by hand in
 * tests/shared/monitor.test.ts) and on the sample's monitoring workbook in Persian.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { samplePlanWorkbook } from '#core';
import { readXlsx, writeRawWorkbook } from '../../io';
import { monitoredPlan, monitoringWorkbook } from '../helpers/plan';
import { plan, scratch } from './helpers';

const space = scratch();
let small = '';
let smallPlan = '';

beforeAll(async () => {
  small = join(space.dir(), 'small-monitoring.xlsx');
  writeFileSync(small, await writeRawWorkbook(monitoringWorkbook(), { lang: 'en' }));
  smallPlan = join(space.dir(), 'small-plan.xlsx');
  writeFileSync(smallPlan, await writeRawWorkbook(monitoredPlan(), { lang: 'en' }));
});

async function tablesOf(file: string) {
  const read = await readXlsx(new Uint8Array(readFileSync(join(space.dir(), file))));
  if (!read.ok) throw new Error('report unreadable');
  return new Map(read.workbook.tables.map((t) => [t.name, t]));
}

describe('plan report71', () => {
  it('writes income, spending by head and program, projects and KPIs with the hand-worked figures', async () => {
    const run = await plan(
      space.dir(),
      'report71',
      small,
      '--reference',
      smallPlan,
      '--period',
      '1406-H1',
      '--out',
      'r.xlsx',
      '--lang',
      'en',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const t = await tablesOf('r.xlsx');
    expect([...t.keys()]).toEqual([
      'tblReportIncome',
      'tblReportHeads',
      'tblReportPrograms',
      'tblReportProjects',
      'tblReportKpis',
    ]);
    // Income: general duties forecast 12,100, realised 5,000; grants 2,000 and 700.
    expect(t.get('tblReportIncome')?.rows.map((r) => r.slice(0, 3))).toEqual([
      ['General duties', 12100, 5000],
      ['Government grants', 2000, 700],
    ]);
    // Heads: current = A-1 (budget 10,000, paid 3,000: 30 %); capital = P-EV, P-OK, P-LATE
    // (48,000 + 20,000 + 0 = 68,000; paid 27,000 + 9,000 = 36,000).
    expect(t.get('tblReportHeads')?.rows).toEqual([
      [expect.any(String), 10000, 3000, 0.3],
      [expect.any(String), 68000, 36000, 36000 / 68000],
    ]);
    expect(t.get('tblReportPrograms')?.rows.map((r) => [r[0], r[2], r[3]])).toEqual([
      ['PR1', 68000, 36000],
      ['PR2', 10000, 3000],
    ]);
    // Projects: physical progress 40 % and 80 %; financial AC / BAC = 45,000 / 100,000 and
    // 39,000 / 50,000.
    expect(t.get('tblReportProjects')?.rows.map((r) => [r[0], r[3], r[4]])).toEqual([
      ['P-EV', 0.4, 0.45],
      ['P-OK', 0.8, 0.78],
    ]);
  });

  it('writes the sample’s report in Persian', async () => {
    const sample = join(space.dir(), 'sample.xlsx');
    writeFileSync(sample, await writeRawWorkbook(samplePlanWorkbook(), { lang: 'fa' }));
    expect(
      (await plan(space.dir(), 'sample', '--kind', 'monitoring', '--out', 'm.xlsx')).code,
    ).toBe(0);
    const run = await plan(
      space.dir(),
      'report71',
      'm.xlsx',
      '--reference',
      sample,
      '--out',
      'fa.xlsx',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('گزارش ماده ۷۱ شش‌ماهه اول ۱۴۰۵');
    const t = await tablesOf('fa.xlsx');
    expect(t.get('tblReportIncome')?.sheet).toBe('درآمد');
    expect(t.get('tblReportIncome')?.header[0]).toBe('طبقه درآمد');
    expect(t.get('tblReportKpis')?.rows.length).toBeGreaterThan(0);
  });

  it('needs --out', async () => {
    const run = await plan(space.dir(), 'report71', small, '--lang', 'en');
    expect(run.code).toBe(2);
  });
});
