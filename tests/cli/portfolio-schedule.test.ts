/**
 * `plan portfolio` on the scheduling model: start years, what moved and why, the binding
 * constraints, forcing projects in and out, and the scenarios side by side.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { samplePlanWorkbook } from '#core';
import { writeRawWorkbook } from '../../io';
import { latinLeft } from '../helpers/persianText';
import { FIXTURES, plan, scratch } from './helpers';

const space = scratch();
const file = (name: string) => join(space.dir(), name);

// Scores from criteria-fa.csv (C1 benefit ×3, C2 cost ×1, both on 0–10): P-1 (8, 2) 80,
// P-2 (6, 6) 55, P-3 (10, 8) 80, P-4 and P-5 (8, 6) 70. Budget 700,000 / 300,000 / 400,000
// in 1405–1407, no escalation (no plan information). P-2 is mandatory; P-1 may start 1405–1407.
// Worked by hand: P-4 + P-5 fill 1405 (with P-2) and 1406; P-3 (250,000 in 1406) cannot come
// with them, and 140 > 80 keeps them. P-1 fits only at 1407 (400,000 there, its 100,000 of
// 1406 shifted past the plan): P-1, P-2, P-4, P-5 = 275.
// - P-1 at its planned 1405: 1405 holds P-2 + P-1 only: 135, so 140 lost (P-4, P-5 out).
// - P-3 forced in: P-2, P-1@1407, P-3 = 215, 60 lost (P-4, P-5 out).
// - P-4 forced out: P-2, P-1@1407, P-3 = 215 (P-3 beats P-5: 80 > 70); putting P-4 back
//   raises the score by 60.
const PROJECTS = [
  'ProjectId,ProgramId,Title,StartYear,EndYear,1405,1406,1407,SourceId,Mandatory,EarliestStart,LatestStart,C1,C2',
  'P-1,PG1,Footbridge,1405,1406,400000,100000,0,SRC1,no,1405,1407,8,2',
  'P-2,PG1,Fire station,1405,1405,300000,0,0,SRC1,yes,,,6,6',
  'P-3,PG1,School,1406,1406,0,250000,0,SRC1,no,,,10,8',
  'P-4,PG1,Park,1405,1406,200000,150000,0,SRC1,no,,,8,6',
  'P-5,PG1,Library,1405,1406,200000,150000,0,SRC1,no,,,8,6',
].join('\n');

beforeAll(() => {
  writeFileSync(file('projects.csv'), PROJECTS + '\n');
  writeFileSync(file('budget.csv'), 'Year,Amount\n1405,700000\n1406,300000\n1407,400000\n');
});

const args = (...more: string[]) => [
  'portfolio',
  '--projects',
  file('projects.csv'),
  '--criteria',
  join(FIXTURES, 'csv', 'criteria-fa.csv'),
  '--budget',
  file('budget.csv'),
  ...more,
];

interface Out {
  status: string;
  model: string;
  chosen: string[];
  objective: number;
  schedule: Array<{ id: string; start: number | null; shift: number; costAfterPlan: string }>;
  binding: Array<{ constraint: { kind: string; year: number } }>;
  explanations: Array<{ id: string; why: string; scoreLost: number | null; displaced: string[] }>;
}

describe('plan portfolio with start windows', () => {
  it('moves a project, says why the others are out, and names the binding year', async () => {
    const r = await plan(space.dir(), ...args('--json'));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.status).toBe('optimal');
    expect(out.model).toBe('schedule');
    expect(out.chosen).toEqual(['P-1', 'P-2', 'P-4', 'P-5']);
    expect(out.objective).toBeCloseTo(275, 9);
    expect(out.schedule.find((x) => x.id === 'P-1')).toMatchObject({
      start: 1407,
      shift: 2,
      costAfterPlan: '100000',
    });
    const why = Object.fromEntries(out.explanations.map((e) => [e.id, e]));
    expect(why['P-1']).toMatchObject({ why: 'moved', displaced: ['P-4', 'P-5'] });
    expect(why['P-1']?.scoreLost).toBeCloseTo(140, 9);
    expect(why['P-3']).toMatchObject({ why: 'left-out', displaced: ['P-4', 'P-5'] });
    expect(why['P-3']?.scoreLost).toBeCloseTo(60, 9);
    expect(out.binding.map((b) => b.constraint)).toEqual([{ kind: 'budget', year: 1406 }]);
  });

  it('prints the start years and the reasons in English and in Persian', async () => {
    const en = await plan(space.dir(), ...args('--lang', 'en'));
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Start years of the chosen projects');
    expect(en.stdout).toMatch(/P-1\s+1405\s+1407\s+2\s+100,000/);
    expect(en.stdout).toContain('Why left out or moved');
    expect(en.stdout).toContain('Binding constraints');
    const fa = await plan(space.dir(), ...args());
    expect(fa.code).toBe(0);
    expect(fa.stdout).toContain('چرا بیرون ماند یا جابه‌جا شد');
    expect(latinLeft(fa.stdout, new Set())).toEqual([]);
  });

  it('forces a project out and says what that costs', async () => {
    const r = await plan(space.dir(), ...args('--force-out', 'P-4', '--json'));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.chosen).toEqual(['P-1', 'P-2', 'P-3']);
    expect(out.objective).toBeCloseTo(215, 9);
    const e = out.explanations.find((x) => x.id === 'P-4');
    expect(e?.why).toBe('forced-out');
    expect(e?.scoreLost).toBeCloseTo(-60, 9);
  });

  it('forces a project in', async () => {
    const r = await plan(space.dir(), ...args('--force-in', 'P-3', '--json'));
    const out = JSON.parse(r.stdout) as Out;
    expect(out.chosen).toEqual(['P-1', 'P-2', 'P-3']);
  });

  it('refuses an unknown forced ID', async () => {
    const r = await plan(space.dir(), ...args('--force-in', 'P-9', '--lang', 'en'));
    expect(r.code).toBe(1);
    expect(r.stderr + r.stdout).toContain('P-9');
  });
});

describe('plan portfolio --scenarios all', () => {
  it('solves each scenario of the sample plan and splits robust projects from the rest', async () => {
    writeFileSync(
      file('sample.xlsx'),
      await writeRawWorkbook(samplePlanWorkbook(), { lang: 'fa' }),
    );
    const json = await plan(
      space.dir(),
      'portfolio',
      file('sample.xlsx'),
      '--scenarios',
      'all',
      '--json',
    );
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout) as {
      scenarios: Array<{ scenario: string; chosen: string[]; objective: number }>;
      robust: string[];
      some: Array<{ id: string; chosenIn: string[] }>;
    };
    expect(out.scenarios.length).toBeGreaterThanOrEqual(2);
    // Each scenario is the same optimum `plan portfolio --scenario NAME` gives.
    for (const s of out.scenarios) {
      const one = await plan(
        space.dir(),
        'portfolio',
        file('sample.xlsx'),
        '--scenario',
        s.scenario,
        '--json',
      );
      const single = JSON.parse(one.stdout) as { chosen: string[]; objective: number };
      expect(s.chosen).toEqual(single.chosen);
      expect(s.objective).toBeCloseTo(single.objective, 9);
    }
    // Robust: in every scenario's choice; the rest: in some, not all.
    for (const id of out.robust) for (const s of out.scenarios) expect(s.chosen).toContain(id);
    for (const x of out.some) {
      expect(x.chosenIn.length).toBeGreaterThan(0);
      expect(x.chosenIn.length).toBeLessThan(out.scenarios.length);
    }
    const fa = await plan(space.dir(), 'portfolio', file('sample.xlsx'), '--scenarios', 'all');
    expect(fa.code).toBe(0);
    expect(fa.stdout).toContain('در همه سناریوها (پایدار)');
  }, 120_000);
});
