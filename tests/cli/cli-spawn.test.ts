/**
 * The real process: `node --import tsx cli/entry.ts`, as a shell
 * or CI script runs it, returns the exit codes the in-process tests see.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeRawWorkbook } from '../../io';
import { samplePlanWorkbook } from '#core';
import { scratch } from './helpers';

const root = join(__dirname, '..', '..');
const space = scratch();

// Run from the project root so that `--import tsx` resolves; files are named by absolute path.
function planProcess(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join('cli', 'entry.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

const file = (name: string) => join(space.dir(), name);

describe('the plan process', () => {
  beforeAll(async () => {
    writeFileSync(
      join(space.dir(), 'sample.xlsx'),
      await writeRawWorkbook(samplePlanWorkbook(), { lang: 'fa' }),
    );
    writeFileSync(
      join(space.dir(), 'broken.xlsx'),
      await writeRawWorkbook(
        {
          tables: [
            { name: 'tblPlanInfo', header: ['Key', 'Value'], rows: [['StartYear', 'soon']] },
          ],
        },
        { lang: 'en' },
      ),
    );
  });

  it('exits 0 for a valid workbook', () => {
    const r = planProcess('validate', file('sample.xlsx'), '--lang', 'en');
    expect(r.stdout).toContain('0 errors');
    expect(r.status).toBe(0);
  });

  it('exits 1 for a workbook with errors', () => {
    const r = planProcess('validate', file('broken.xlsx'), '--json');
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toHaveProperty('findings');
  });

  it('exits 2 for a file it cannot read', () => {
    const r = planProcess('validate', file('nowhere.xlsx'), '--lang', 'en');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('not found');
  });
});
