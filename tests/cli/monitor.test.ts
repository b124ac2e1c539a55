/**
 * `plan monitor` (and `plan sample --kind monitoring`) end to end: the sample's monitoring
 * workbook at 1405 H1 read with the sample plan as reference, and the small hand-worked
 * monitoring workbook of tests/helpers/plan.ts, whose figures tests/shared/monitor.test.ts
 * works out by hand (P-EV: SPI 0.8, CPI 0.8889, EAC 112,500; A-1 paid 30 % of its budget;
 * government grants realised 35 %).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { samplePlanWorkbook } from '#core';
import { writeRawWorkbook } from '../../io';
import { latinLeft } from '../helpers/persianText';
import { monitoredPlan, monitoringWorkbook } from '../helpers/plan';
import { plan, scratch } from './helpers';

const space = scratch();
let sample = '';
let monitoring = '';
let small = '';
let smallPlan = '';

beforeAll(async () => {
  const dir = space.dir();
  sample = join(dir, 'sample.xlsx');
  writeFileSync(sample, await writeRawWorkbook(samplePlanWorkbook(), { lang: 'fa' }));
  monitoring = join(dir, 'monitoring.xlsx');
  const made = await plan(dir, 'sample', '--kind', 'monitoring', '--out', monitoring);
  expect(made.code).toBe(0);
  small = join(dir, 'small-monitoring.xlsx');
  writeFileSync(small, await writeRawWorkbook(monitoringWorkbook(), { lang: 'en' }));
  smallPlan = join(dir, 'small-plan.xlsx');
  writeFileSync(smallPlan, await writeRawWorkbook(monitoredPlan(), { lang: 'en' }));
});

const DATA_WORDS = new Set(
  samplePlanWorkbook().tables.flatMap((t) =>
    t.rows.flatMap((r) =>
      r.flatMap((c) => (typeof c === 'string' ? (c.match(/[A-Za-z]{2,}/g) ?? []) : [])),
    ),
  ),
);

describe('plan monitor', () => {
  it('JSON: the hand-worked figures of the small workbook at 1406 H1', async () => {
    const run = await plan(
      space.dir(),
      'monitor',
      small,
      '--reference',
      smallPlan,
      '--period',
      '1406-H1',
      '--json',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as {
      year: number;
      period: string;
      earnedValue: Array<{
        projectId: string;
        pv: string;
        ev: string;
        ac: string;
        eac: string;
        spi: number;
        status: string;
      }>;
      city: { paid: string; currentBudget: string; paidExecution: number };
      attention: Array<{ kind: string }>;
    };
    expect([out.year, out.period]).toEqual([1406, 'H1']);
    const ev = out.earnedValue.find((e) => e.projectId === 'P-EV');
    expect(ev).toMatchObject({
      pv: '50000',
      ev: '40000',
      ac: '45000',
      eac: '112500',
      spi: 0.8,
      status: 'off-track',
    });
    expect(out.city).toMatchObject({ paid: '39000', currentBudget: '78000', paidExecution: 0.5 });
    expect(out.attention.map((a) => a.kind)).toEqual([
      'project-off-track',
      'execution-low',
      'revenue-short',
    ]);
  });

  it('the readable form leads with what needs attention', async () => {
    const run = await plan(
      space.dir(),
      'monitor',
      small,
      '--reference',
      smallPlan,
      '--period',
      '1406-H1',
      '--lang',
      'en',
    );
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toContain('1406 H1');
    expect(lines[2]).toBe('Needs attention:');
    expect(lines[3]).toBe('- project P-EV is off track: SPI 0.8, CPI 0.89');
    expect(lines[4]).toBe('- activity A-1 has paid 30.0% of its current budget, below 40.0%');
    expect(lines[5]).toBe(
      "- revenue government-grants has realised 35.0% of the year's forecast, below 40.0%",
    );
    expect(lines[6]).toBe('- not reported by this period: P-LATE');
  });

  it('the sample monitoring workbook in Persian: no Latin outside IDs and isolates; the latest period by default', async () => {
    const run = await plan(space.dir(), 'monitor', monitoring, '--reference', sample);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toContain('شش‌ماهه اول ۱۴۰۵');
    expect(run.stdout).toContain('نیازمند توجه:');
    expect(latinLeft(run.stdout + run.stderr, DATA_WORDS)).toEqual([]);
    // And it validates against the plan with no finding.
    const v = await plan(space.dir(), 'validate', monitoring, '--reference', sample, '--json');
    expect(v.code).toBe(0);
    expect((JSON.parse(v.stdout) as { findings: unknown[] }).findings).toEqual([]);
  });

  it('the sample city plan itself: its v1 actuals (Spent per quarter) read as such', async () => {
    const run = await plan(space.dir(), 'monitor', sample, '--period', '1405-H1', '--json');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { cumulative: boolean; city: { paid: string } };
    expect(out.cumulative).toBe(false);
    expect(BigInt(out.city.paid)).toBeGreaterThan(0n);
    const fa = await plan(space.dir(), 'monitor', sample, '--period', '1405-H1');
    expect(latinLeft(fa.stdout + fa.stderr, DATA_WORDS)).toEqual([]);
  });

  it('a department’s monitoring workbook is scoped to it', async () => {
    const file = join(space.dir(), 'civ.xlsx');
    expect(
      (await plan(space.dir(), 'sample', '--kind', 'monitoring', '--dept', 'D-CIV', '--out', file))
        .code,
    ).toBe(0);
    const run = await plan(space.dir(), 'monitor', file, '--reference', sample, '--json');
    const out = JSON.parse(run.stdout) as {
      department: string;
      departments: Array<{ key: string }>;
    };
    expect(out.department).toBe('D-CIV');
    expect(out.departments.map((d) => d.key)).toEqual(['D-CIV']);
  });

  it('a bad period is an input error (exit 2) with a bilingual message; a year outside the plan too', async () => {
    const bad = await plan(space.dir(), 'monitor', small, '--period', '1405-H2', '--lang', 'en');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown period "1405-H2"');
    const fa = await plan(space.dir(), 'monitor', small, '--period', '1405-H2');
    expect(fa.stderr).toContain('دوره «');
    const outside = await plan(
      space.dir(),
      'monitor',
      small,
      '--reference',
      smallPlan,
      '--period',
      '1410-H1',
      '--lang',
      'en',
    );
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('outside the plan period 1405–1407');
  });

  it('plan sample refuses an unknown kind and a department outside the sample', async () => {
    const kind = await plan(
      space.dir(),
      'sample',
      '--kind',
      'nope',
      '--out',
      'x.xlsx',
      '--lang',
      'en',
    );
    expect(kind.code).toBe(2);
    const dept = await plan(
      space.dir(),
      'sample',
      '--kind',
      'monitoring',
      '--dept',
      'D-XX',
      '--out',
      'x.xlsx',
      '--lang',
      'en',
    );
    expect(dept.code).toBe(2);
    expect(dept.stderr).toContain('department "D-XX" is not in the sample plan');
  });
});
