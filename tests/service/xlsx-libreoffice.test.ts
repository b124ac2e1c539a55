/**
 * A real spreadsheet program opens what we write: LibreOffice Calc converts
 * the sample plan to CSV (the first sheet) and saves it again as .xlsx, and
 * our reader gets the same tables back from LibreOffice's file. Needs
 * `soffice` (Debian `libreoffice-calc`): skipped with a note when it is
 * missing, and failing when the environment variable CI is set.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RawTable } from '#core';
import { SAMPLE_PLAN_YEARS, samplePlanWorkbook } from '#core';
import { readXlsx, writeRawWorkbook } from '../../io';

const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasSoffice && !process.env.CI)
  console.log(
    'xlsx-libreoffice: soffice is not installed; skipped (apt-get install libreoffice-calc)',
  );

const run = hasSoffice || process.env.CI ? describe : describe.skip;

run('LibreOffice and the sample plan', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'plan-lo-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function soffice(args: string[]): void {
    if (!hasSoffice) throw new Error('soffice is required in CI (Debian package libreoffice-calc)');
    const profile = pathToFileURL(join(dir, 'profile')).href;
    execFileSync(
      'soffice',
      [`-env:UserInstallation=${profile}`, '--headless', ...args, '--outdir', join(dir, 'out')],
      {
        stdio: 'ignore',
        timeout: 120_000,
      },
    );
  }

  it('opens the file we write and gives our tables back when it saves it', async () => {
    const sample = samplePlanWorkbook();
    const source = join(dir, 'sample.xlsx');
    writeFileSync(source, await writeRawWorkbook(sample, { lang: 'fa', years: SAMPLE_PLAN_YEARS }));

    // The first sheet (the guide) as UTF-8 CSV (filter options: comma, quote, UTF-8 = 76).
    soffice(['--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', source]);
    const csv = readFileSync(join(dir, 'out', 'sample.csv'), 'utf8');
    expect(csv).toContain('کارپوشه برنامه راهبردی-عملیاتی پنج‌ساله شهر و شهرداری');

    soffice(['--convert-to', 'xlsx', source]);
    const r = await readXlsx(new Uint8Array(readFileSync(join(dir, 'out', 'sample.xlsx'))));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // LibreOffice writes numbers with 15 significant digits (as Excel shows them): 1/3 comes
    // back as 0.333333333333333, so numbers are compared at that precision.
    const at15 = (ts: readonly RawTable[]) =>
      [...ts]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((t) => ({
          ...t,
          rows: t.rows.map((row) =>
            row.map((c) => (typeof c === 'number' ? Number(c.toPrecision(15)) : c)),
          ),
        }));
    expect(at15(r.workbook.tables)).toEqual(at15(sample.tables));
  });
});
