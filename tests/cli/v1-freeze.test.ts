/**
 * A v1 workbook gives the same results as before contract v2 (issue 13). The sample plan of
 * wave 1 was frozen, before the sample gained v2's columns and tables, as
 * `tests/fixtures/v1/sample-v1.xlsx` (written by `plan sample`), with what `plan validate`,
 * `fiscal`, `portfolio`, `kpi` and `chain P-016` printed for it (`--lang en --json`, at commit
 * time). Every figure, ID and English message must stay as it was (v2 may add figures beside
 * them); Persian messages may be reworded (issue 11), so they are left out of the comparison.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, plan, scratch } from './helpers';

const V1 = join(FIXTURES, 'v1');
const workbook = join(V1, 'sample-v1.xlsx');
const space = scratch();

/** The JSON without its Persian texts (any `fa` key). */
function withoutPersian(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPersian);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== 'fa')
        .map(([k, v]) => [k, withoutPersian(v)]),
    );
  return value;
}

describe.each([
  ['validate', ['validate', workbook], 'validate.json'],
  ['fiscal', ['fiscal', workbook], 'fiscal.json'],
  ['portfolio', ['portfolio', workbook], 'portfolio.json'],
  ['kpi', ['kpi', workbook], 'kpi.json'],
  ['chain', ['chain', workbook, 'P-016'], 'chain-P-016.json'],
])('plan %s on the frozen v1 sample', (_name, args, frozen) => {
  it('prints the figures it printed before v2', async () => {
    const run = await plan(space.dir(), ...args, '--lang', 'en', '--json');
    expect(run.stderr).toBe('');
    const expected = JSON.parse(readFileSync(join(V1, frozen), 'utf8')) as unknown;
    // Everything printed then is printed now (v2 adds beside it, e.g. fiscal's balances).
    expect(withoutPersian(JSON.parse(run.stdout))).toMatchObject(
      withoutPersian(expected) as object,
    );
  });
});
