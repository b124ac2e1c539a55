/**
 * Persian that is Persian, at run time (issue 11): what `plan` prints in Persian (text, not
 * JSON) on the sample plan has every number in Persian digits and names scenarios and
 * methods by their Persian captions. Latin is left only inside bidi isolates (IDs, codes and
 * typed values) and inside IDs such as `P-016`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HELP_CODES, HELP_CONCEPTS, REVENUE_METHODS, samplePlanWorkbook } from '#core';
import { writeRawWorkbook } from '../../io';
import { latinLeft } from '../helpers/persianText';
import { plan, scratch } from './helpers';

const space = scratch();
let file = '';

beforeAll(async () => {
  file = join(space.dir(), 'sample.xlsx');
  writeFileSync(file, await writeRawWorkbook(samplePlanWorkbook(), { lang: 'fa' }));
});

/**
 * Latin words the plan's own data holds (titles such as «خط ۲ اتوبوس تندرو (BRT)»): what
 * a municipality typed is printed as typed.
 */
const DATA_WORDS = new Set(
  samplePlanWorkbook().tables.flatMap((t) =>
    t.rows.flatMap((r) =>
      r.flatMap((c) => (typeof c === 'string' ? (c.match(/[A-Za-z]{2,}/g) ?? []) : [])),
    ),
  ),
);

describe.each([
  ['validate', []],
  ['fiscal', []],
  ['fiscal', ['--scenario', 'pessimistic']],
  ['portfolio', []],
  ['kpi', []],
  ['score', []],
  ['chain', ['P-016']],
  ['budget', []],
  ['budget', ['--by', 'chapter']],
  ['budget', ['--by', 'function']],
])('plan %s %s in Persian', (command, args) => {
  it('prints no Latin digit and no English word outside IDs and isolates', async () => {
    const run = await plan(space.dir(), command, file, ...args);
    expect(run.code).toBe(0);
    expect(latinLeft(run.stdout + run.stderr, DATA_WORDS)).toEqual([]);
  });
});

it('plan forecast names each method by its Persian caption, with Persian digits', async () => {
  const run = await plan(space.dir(), 'forecast', '--history', file, '--scenarios', file);
  expect(run.code).toBe(0);
  expect(latinLeft(run.stdout, DATA_WORDS)).toEqual([]);
  expect(run.stdout).toContain(REVENUE_METHODS.find((m) => m.value === 'growth')?.fa);
});

it('the check itself finds an English word and a Latin number in Persian', () => {
  expect(latinLeft('نقش reviewer\nسبد بهینه: 29 پروژه\nپروژه P-016 و \u2066AHP\u2069')).toEqual([
    'نقش reviewer',
    'سبد بهینه: 29 پروژه',
  ]);
});

it('plan help prints every page in Persian with no Latin outside IDs and isolates', async () => {
  const left: string[] = [];
  for (const topic of ['topics', ...HELP_CONCEPTS, ...Object.keys(HELP_CODES)]) {
    const run = await plan(space.dir(), 'help', topic);
    expect([topic, run.code]).toEqual([topic, 0]);
    left.push(...latinLeft(run.stdout, DATA_WORDS).map((l) => `${topic}: ${l}`));
  }
  expect(left).toEqual([]);
});
