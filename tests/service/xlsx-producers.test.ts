/**
 * Issue #11, "In": the sample plan as other programs write it reads exactly as the file we
 * write: the same validation findings (code, severity, table, sheet, row, column, cell and
 * message), the same spending totals per year, the same typed rows. Every file is made here
 * from `plan sample`'s workbook (tests/fixtures/xlsx/producers.ts, openpyxl, LibreOffice);
 * nothing is downloaded.
 *
 * The sample is valid, so a few defects are put into it first (a program that does not
 * exist, a negative cost, a missing KPI target): findings that must come out at the same
 * cells from every producer.
 *
 * openpyxl (Debian `python3-openpyxl`, run with `/usr/bin/python3`, which is Debian's own)
 * and LibreOffice (`libreoffice-calc`) are installed by `.ci/run`; where one is missing its
 * case is skipped with a note, and fails when the environment variable CI is set.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, RawTable, RawWorkbook } from '#core';
import {
  SAMPLE_PLAN_YEARS,
  captionOf,
  getTableSpec,
  samplePlanWorkbook,
  spendingByYear,
  validateWorkbook,
} from '#core';
import { readXlsx, writeRawWorkbook } from '../../io';
import type { Parts } from '../fixtures/xlsx/producers';
import {
  captionVariants,
  date1904,
  fileOf,
  inlineStrings,
  partsOf,
  reordered,
  tablesLost,
} from '../fixtures/xlsx/producers';

const PYTHON = '/usr/bin/python3';
const hasOpenpyxl = spawnSync(PYTHON, ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0;
const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
for (const [has, what, pkg] of [
  [hasOpenpyxl, 'openpyxl', 'python3-openpyxl'],
  [hasSoffice, 'soffice', 'libreoffice-calc'],
] as const)
  if (!has && !process.env.CI)
    console.log(
      `xlsx-producers: ${what} is not installed; its case is skipped (apt-get install ${pkg})`,
    );
const withOpenpyxl = hasOpenpyxl || process.env.CI ? it : it.skip;
const withSoffice = hasSoffice || process.env.CI ? it : it.skip;

/** The index of a column of a sample table (headers are the Persian captions). */
function column(t: RawTable, key: string): number {
  const i = t.header.indexOf(
    /^\d{4}$/.test(key) ? key : captionOf(getTableSpec(t.name as never), key, 'fa'),
  );
  if (i < 0) throw new Error(`${t.name} has no column ${key}`);
  return i;
}

/** The sample plan with three defects whose findings every producer must keep in place. */
function defectiveSample(): RawWorkbook {
  const edits: Record<string, (t: RawTable) => void> = {
    tblProjects: (t) => (t.rows[0]![column(t, 'ProgramId')] = 'PG-NONE'),
    tblActivities: (t) => (t.rows[1]![column(t, '1406')] = -5),
    tblKpis: (t) => (t.rows[2]![column(t, '1407')] = null),
  };
  return {
    tables: samplePlanWorkbook().tables.map((t) => {
      const copy = { ...t, rows: t.rows.map((r) => [...r]) };
      edits[t.name]?.(copy);
      return copy;
    }),
  };
}

/** What a reading must keep: findings, totals, typed rows (numbers at 15 digits, see below). */
function readingOf(raw: RawWorkbook) {
  const { plan, findings } = validateWorkbook(raw);
  // LibreOffice writes numbers with 15 significant digits, as Excel shows them (1/3 comes back
  // as 0.333333333333333); money is whole Rials and stays exact.
  const plain = (v: unknown): unknown =>
    typeof v === 'bigint'
      ? `${v}n`
      : typeof v === 'number'
        ? Number(v.toPrecision(15))
        : v instanceof Map
          ? [...v].map(([k, x]) => [k, plain(x)])
          : Array.isArray(v)
            ? v.map(plain)
            : v !== null && typeof v === 'object'
              ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]))
              : v;
  return {
    findings: findings.map((f) => ({ ...f })),
    totals: [...spendingByYear(plan).values()].map((s) => plain(s)),
    rows: Object.fromEntries(Object.entries(plan.tables).map(([name, t]) => [name, plain(t.rows)])),
  };
}

const codes = (fs: readonly Finding[]) => fs.map((f) => `${f.code}@${f.table}!${f.cell ?? ''}`);

describe('the sample plan as other producers write it', () => {
  let dir = '';
  let original: Uint8Array;
  let parts: Parts;
  let expected: ReturnType<typeof readingOf>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plan-producers-'));
    original = await writeRawWorkbook(defectiveSample(), { lang: 'fa', years: SAMPLE_PLAN_YEARS });
    parts = partsOf(original);
    const read = await readXlsx(original);
    if (!read.ok) throw new Error(read.error.message.en);
    expected = readingOf(read.workbook);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function read(bytes: Uint8Array): Promise<RawWorkbook> {
    const r = await readXlsx(bytes);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message.en} (${r.error.detail})`);
    return r.workbook;
  }

  it('has the three defects as findings to compare (and the sample totals)', () => {
    expect(codes(expected.findings)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^REF_MISSING@tblProjects!B3$/),
        expect.stringMatching(/^\w+@tblActivities!G4$/),
        expect.stringMatching(/^KPI_NO_TARGET@tblKpis!/),
      ]),
    );
    expect(expected.totals).toHaveLength(SAMPLE_PLAN_YEARS.length);
  });

  it('reads our own file back unchanged (the baseline of every comparison)', async () => {
    expect(readingOf(await read(original))).toEqual(expected);
  });

  withOpenpyxl('reads it re-saved by openpyxl (absolute relationship targets)', () => {
    const source = join(dir, 'sample.xlsx');
    const target = join(dir, 'openpyxl.xlsx');
    writeFileSync(source, original);
    execFileSync(
      PYTHON,
      [
        '-c',
        'import sys, openpyxl; openpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])',
        source,
        target,
      ],
      { timeout: 60_000 },
    );
    const bytes = new Uint8Array(readFileSync(target));
    // What makes this producer different: it writes absolute targets (and inline strings).
    expect(
      partsOf(bytes).find((p) => p.name === 'xl/worksheets/_rels/sheet2.xml.rels')?.text,
    ).toContain('Target="/xl/tables/');
    return read(bytes).then((raw) => expect(readingOf(raw)).toEqual(expected));
  });

  withSoffice(
    'reads it converted by LibreOffice',
    async () => {
      const source = join(dir, 'sample.xlsx');
      writeFileSync(source, original);
      const profile = pathToFileURL(join(dir, 'profile')).href;
      execFileSync(
        'soffice',
        [
          `-env:UserInstallation=${profile}`,
          '--headless',
          '--convert-to',
          'xlsx',
          '--outdir',
          join(dir, 'lo'),
          source,
        ],
        { stdio: 'ignore', timeout: 120_000 },
      );
      const raw = await read(new Uint8Array(readFileSync(join(dir, 'lo', 'sample.xlsx'))));
      expect(readingOf(raw)).toEqual(expected);
    },
    150_000,
  );

  it('reads it with inline strings instead of shared strings', async () => {
    const inlined = inlineStrings(parts);
    expect(inlined.some((p) => p.name === 'xl/sharedStrings.xml')).toBe(false);
    expect(readingOf(await read(fileOf(inlined)))).toEqual(expected);
  });

  it.each(['1', 'true'] as const)(
    'reads it in the 1904 date system (date1904="%s")',
    async (flag) => {
      expect(readingOf(await read(fileOf(date1904(parts, flag))))).toEqual(expected);
    },
  );

  it.each(['1', 'true'] as const)(
    'reads the dates of a 1904 workbook as the same days (date1904="%s")',
    async (flag) => {
      // The sample has no date cells; the reader's fixture has one (2026-03-21 in tblProjects).
      const fixture = new Uint8Array(
        readFileSync(join(__dirname, '..', 'fixtures', 'xlsx', 'exceljs-features.xlsx')),
      );
      const ours = await read(fixture);
      const shifted = date1904(partsOf(fixture), flag);
      // The serial of 2026-03-21 is 46102 in the 1900 system, 44640 in the 1904 one.
      expect(shifted.find((p) => /sheet1\.xml$/.test(p.name))?.text).toContain('<v>44640</v>');
      const raw = await read(fileOf(shifted));
      expect(raw.tables).toEqual(ours.tables);
      expect(JSON.stringify(raw.tables)).toContain('2026-03-21T00:00:00.000Z');
    },
  );

  it('reads it with the zip entries and the content types in another order', async () => {
    const turned = reordered(parts);
    expect(turned[0]?.name).not.toBe(parts[0]?.name);
    expect(readingOf(await read(fileOf(turned)))).toEqual(expected);
  });

  it('reads it with the Persian captions typed with NBSP, ZWNJ and space variants', async () => {
    const varied = captionVariants(parts);
    expect(varied.changed).toBeGreaterThan(50);
    const raw = await read(fileOf(varied.parts));
    // The headers are what was typed; the plan read from them is the same.
    const projects = raw.tables.find((t) => t.name === 'tblProjects')!;
    expect(projects.header).not.toEqual(
      defectiveSample().tables.find((t) => t.name === 'tblProjects')!.header,
    );
    expect(readingOf(raw)).toEqual(expected);
  });

  it('finds the tables of a workbook that lost them, and warns how to restore each', async () => {
    const raw = await read(fileOf(tablesLost(parts)));
    const ours = (await read(original)).tables;
    // Every table comes back whole, where it was, marked as recovered.
    const key = (t: RawTable) => t.name;
    expect([...raw.tables].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      [...ours]
        .map((t) => ({ ...t, recovered: true }))
        .sort((a, b) => key(a).localeCompare(key(b))),
    );
    const reading = readingOf(raw);
    const recovered = reading.findings.filter((f) => f.code === 'TABLE_RECOVERED');
    expect(recovered.map((f) => f.table).sort()).toEqual(ours.map((t) => t.name).sort());
    const projects = recovered.find((f) => f.table === 'tblProjects')!;
    expect(projects).toMatchObject({ severity: 'warning', sheet: 'پروژه‌ها', cell: 'A2', row: 2 });
    expect(projects.message.en).toContain('Insert › Table');
    expect(projects.message.fa).toContain('درج › جدول');
    expect({
      ...reading,
      findings: reading.findings.filter((f) => f.code !== 'TABLE_RECOVERED'),
    }).toEqual(expected);
  });
});
