/**
 * `plan report71`: the Article 71 six-monthly report as a workbook, on the hand-worked
 * monitoring workbook of tests/helpers/plan.ts at 1406 H1 (figures worked by hand in
 * tests/shared/monitor.test.ts) and on the sample's monitoring workbook in Persian; and as a
 * document (`--out FILE.docx`) with the same hand-worked figures in billion Rials. How its
 * pages look is tested through LibreOffice in tests/service/article71-pdf.test.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { samplePlanWorkbook } from '#core';
import {
  ARTICLE71_CHAPTERS,
  DOCUMENT_FONT,
  DRAFT_MARK,
  billions,
  readXlsx,
  storedBytes,
  summariseZip,
  writeRawWorkbook,
} from '../../io';
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

  it('writes the report as a .docx: its chapters, the hand-worked figures, a draft', async () => {
    const run = await plan(
      space.dir(),
      'report71',
      small,
      '--reference',
      smallPlan,
      '--period',
      '1406-H1',
      '--out',
      'r.docx',
      '--lang',
      'en',
    );
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout).toContain('a draft');
    const body = part(join(space.dir(), 'r.docx'), /^word\/document\.xml$/);
    const text = words(body);
    for (const c of ARTICLE71_CHAPTERS) expect(text).toContain(c.fa);
    expect(text).toContain('شش‌ماهه اول ۱۴۰۶');
    // The cover names the plan it is measured against: the reference workbook.
    expect(text).toContain('small-plan.xlsx');
    expect(body).toContain('<w:bidi/>');
    expect(body).toContain(`w:cs="${DOCUMENT_FONT}"`);
    expect(words(part(join(space.dir(), 'r.docx'), /^word\/header\d*\.xml$/))).toContain(
      DRAFT_MARK,
    );
    // The two projects reported by 1406 H1 (above), both in progress.
    expect(text).toContain('پروژه‌های در حال اجرا');
    expect(text).toContain('P-EV');
    expect(text).toContain('P-OK');
  }, 60_000);

  it('writes the sample’s report as a .docx with the workbook’s totals in billion Rials', async () => {
    const sample = join(space.dir(), 'sample-docx.xlsx');
    writeFileSync(sample, await writeRawWorkbook(samplePlanWorkbook(), { lang: 'fa' }));
    expect(
      (await plan(space.dir(), 'sample', '--kind', 'monitoring', '--out', 'm2.xlsx')).code,
    ).toBe(0);
    const args = ['report71', 'm2.xlsx', '--reference', sample, '--period', '1405-H1'];
    expect((await plan(space.dir(), ...args, '--out', 'm2-report.xlsx')).code).toBe(0);
    const run = await plan(space.dir(), ...args, '--out', 'm2-report.docx');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('پیش‌نویس');
    // The same core figures through the other writer: the workbook's totals of spending by
    // head (current budget, paid) and of income (forecast, realised), in whole Rials.
    const t = await tablesOf('m2-report.xlsx');
    const heads = t.get('tblReportHeads')?.rows ?? [];
    const income = t.get('tblReportIncome')?.rows ?? [];
    const sum = (rows: readonly (readonly unknown[])[], col: number) =>
      rows.reduce((a, r) => a + BigInt(Number(r[col] ?? 0)), 0n);
    const text = words(part(join(space.dir(), 'm2-report.docx'), /^word\/document\.xml$/));
    for (const rials of [sum(heads, 1), sum(heads, 2), sum(income, 1), sum(income, 2)])
      expect({ rials, found: text.includes(strip(billions(rials))) }).toEqual({
        rials,
        found: true,
      });
  }, 120_000);

  it('needs --out', async () => {
    const run = await plan(space.dir(), 'report71', small, '--lang', 'en');
    expect(run.code).toBe(2);
  });
});

/** The text of the XML parts of a .docx whose names match. */
function part(path: string, name: RegExp): string {
  const bytes = new Uint8Array(readFileSync(path));
  const zip = summariseZip(bytes);
  if (!zip.ok) throw new Error(zip.problem);
  return zip.summary.parts
    .filter((p) => name.test(p.name))
    .map((p) => {
      const stored = storedBytes(bytes, p);
      if (stored === null) throw new Error(`cut short: ${p.name}`);
      return (p.method === 0 ? Buffer.from(stored) : inflateRawSync(stored)).toString('utf8');
    })
    .join('\n');
}

/** The words of the runs (w:t) of some XML, joined. */
const words = (xml: string) =>
  [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

/** Text without bidi isolates (the docx writes a negative amount isolated). */
const strip = (text: string) => text.replace(/[\u2066-\u2069]/g, '');
