/**
 * `plan budget` and the v2 part of `plan fiscal` on the sample plan, checked against sums
 * made here from the workbook's own rows (not through the core's album), and the three
 * balances against v1's fiscal gap, which a different function computes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { samplePlanWorkbook } from '#core';
import { readXlsx, writeRawWorkbook } from '../../io';
import { plan, scratch } from './helpers';

const space = scratch();
let file = '';
const wb = samplePlanWorkbook();

beforeAll(async () => {
  file = join(space.dir(), 'sample.xlsx');
  writeFileSync(file, await writeRawWorkbook(wb, { lang: 'fa' }));
});

/** The current budget's stages by their Persian captions (contract v2: approved + amended + supplement). */
const CURRENT = ['مصوب', 'اصلاحیه', 'متمم'];

/**
 * Σ Amount of the sample's budget lines by the column `Kind` (Persian captions), over the
 * lines of the given stages (their captions; default the current budget's).
 */
function linesByKind(stages: readonly string[] = CURRENT): Map<string, bigint> {
  const t = wb.tables.find((x) => x.name === 'tblBudgetLines');
  const header = (t?.header ?? []).map(String);
  // The sample writes Persian headers: «نوع اعتبار» is Kind, «مبلغ» Amount, «مرحله بودجه» Stage.
  const kind = header.indexOf('نوع اعتبار');
  const amount = header.indexOf('مبلغ');
  const stage = header.indexOf('مرحله بودجه');
  const out = new Map<string, bigint>();
  for (const r of t?.rows ?? []) {
    if (!stages.includes(String(r[stage]))) continue;
    const k = String(r[kind]);
    out.set(k, (out.get(k) ?? 0n) + BigInt(Number(r[amount])));
  }
  return out;
}

interface Album {
  groups: Array<{ key: string; years: Array<{ year: number; budget: string; plan: string }> }>;
}

describe('plan budget', () => {
  it('totals the current budget by head as the lines add up', async () => {
    const run = await plan(space.dir(), 'budget', file, '--json', '--lang', 'en');
    expect(run.code).toBe(0);
    const album = JSON.parse(run.stdout) as Album;
    const byKind = linesByKind();
    const total = (key: string) =>
      album.groups.find((g) => g.key === key)?.years.reduce((s, y) => s + BigInt(y.budget), 0n) ??
      0n;
    // The current budget: approved lines and the amendment's cut, not the 1406 request.
    expect(total('capital')).toBe(byKind.get('تملک دارایی سرمایه‌ای'));
    expect(total('current')).toBe(byKind.get('هزینه‌ای (جاری)'));
    expect(total('financial')).toBe(byKind.get('تملک دارایی مالی'));
    expect(byKind.get('تملک دارایی مالی')).toBeGreaterThan(0n);
  });

  it('refuses an unknown grouping or stage, saying which are known', async () => {
    const by = await plan(space.dir(), 'budget', file, '--by', 'colour', '--lang', 'en');
    expect(by.code).not.toBe(0);
    expect(by.stderr).toContain('head, chapter, function, program, scheme');
    const stage = await plan(space.dir(), 'budget', file, '--stage', 'final', '--lang', 'en');
    expect(stage.stderr).toContain('proposed, approved, amended, supplement, outturn');
  });

  it('shows one stage on its own: the 1406 request, and an outturn the sample has none of as zeros', async () => {
    const proposed = JSON.parse(
      (await plan(space.dir(), 'budget', file, '--stage', 'proposed', '--json')).stdout,
    ) as Album;
    const sum = (album: Album) =>
      album.groups.flatMap((g) => g.years).reduce((s, y) => s + BigInt(y.budget), 0n);
    expect(sum(proposed)).toBe(linesByKind(['پیشنهادی']).get('تملک دارایی سرمایه‌ای'));
    expect(sum(proposed)).toBeGreaterThan(0n);
    const outturn = JSON.parse(
      (await plan(space.dir(), 'budget', file, '--stage', 'outturn', '--json')).stdout,
    ) as Album;
    expect(
      outturn.groups.flatMap((g) => g.years.map((y) => y.budget)).every((b) => b === '0'),
    ).toBe(true);
  });
});

describe('plan budget --out', () => {
  it('writes the album as a workbook of five tables whose sums are the command’s', async () => {
    const run = await plan(space.dir(), 'budget', file, '--out', 'album.xlsx', '--lang', 'en');
    expect(run.code).toBe(0);
    const read = await readXlsx(new Uint8Array(readFileSync(join(space.dir(), 'album.xlsx'))));
    if (!read.ok) throw new Error('album unreadable');
    expect(read.workbook.tables.map((t) => t.name)).toEqual([
      'tblAlbumHead',
      'tblAlbumChapter',
      'tblAlbumFunction',
      'tblAlbumProgram',
      'tblAlbumScheme',
    ]);
    // Every grouping adds up to the same budget: Σ of the current budget's lines.
    const byKind = linesByKind();
    const lines = [...byKind.values()].reduce((a, b) => a + b, 0n);
    for (const t of read.workbook.tables)
      expect(t.rows.reduce((a, r) => a + BigInt(Number(r[2])), 0n)).toBe(lines);
    // Again without --force: refused, the file kept.
    const again = await plan(space.dir(), 'budget', file, '--out', 'album.xlsx', '--lang', 'en');
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('--force');
  });
});

describe('plan fiscal with contract v2', () => {
  it('gives operating, capital and financial balances that add up to v1’s gap, every year', async () => {
    const run = await plan(space.dir(), 'fiscal', file, '--json', '--lang', 'en');
    const out = JSON.parse(run.stdout) as {
      years: Array<{ year: number; gap: string | null }>;
      balances: Array<{
        year: number;
        operating: string;
        capitalBalance: string;
        financialBalance: string;
        gap: string;
      }>;
    };
    expect(out.balances.map((b) => b.year)).toEqual(out.years.map((y) => y.year));
    for (const [i, b] of out.balances.entries()) {
      expect(BigInt(b.operating) + BigInt(b.capitalBalance) + BigInt(b.financialBalance)).toBe(
        BigInt(b.gap),
      );
      expect(b.gap).toBe(out.years[i]?.gap);
    }
  });
});
