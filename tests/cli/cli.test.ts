import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RawWorkbook } from '#core';
import { TABLE_NAMES, samplePlanWorkbook, toPersianDigits } from '#core';
import { readXlsx, writeRawWorkbook } from '../../io';
import { FIXTURES, plan, scratch } from './helpers';

const csv = (name: string) => join(FIXTURES, 'csv', name);
const space = scratch();
const dir = () => space.dir();

/** A small city workbook with one mistake: strategy S9 names a goal that does not exist. */
const broken: RawWorkbook = {
  tables: [
    {
      name: 'tblPlanInfo',
      header: ['Key', 'Value'],
      rows: [
        ['StartYear', 1405],
        ['Years', 5],
      ],
    },
    {
      name: 'tblGoals',
      header: ['GoalId', 'Title', 'Perspective'],
      rows: [['G1', 'Green city', 'citizen']],
    },
    {
      name: 'tblStrategies',
      header: ['StrategyId', 'GoalId', 'Title'],
      rows: [['S9', 'G9', 'Parks']],
    },
  ],
};

beforeAll(async () => {
  writeFileSync(join(dir(), 'broken.xlsx'), await writeRawWorkbook(broken, { lang: 'en' }));
  const rng = xoroshiro128plus(42);
  writeFileSync(
    join(dir(), 'random.xlsx'),
    new Uint8Array(Array.from({ length: 4096 }, () => uniformInt(rng, 0, 255))),
  );
  writeFileSync(join(dir(), 'empty.xlsx'), new Uint8Array(0));
  copyFileSync(join(FIXTURES, 'xlsx', 'not-a-workbook.xlsx'), join(dir(), 'renamed.xlsx'));
  copyFileSync(join(FIXTURES, 'xlsx', 'no-tables.xlsx'), join(dir(), 'no-tables.xlsx'));
});

describe('help', () => {
  it('lists the commands (Persian by default) and exits 2 when no command is given', async () => {
    const r = await plan(dir());
    expect(r.code).toBe(2);
    for (const c of [
      'template',
      'sample',
      'validate',
      'forecast',
      'score',
      'portfolio',
      'chain',
      'fiscal',
      'kpi',
    ])
      expect(r.stdout).toContain(c);
    expect(r.stdout).toContain('فرمان‌ها');
  });

  it('explains each command with its options and an example', async () => {
    const r = await plan(dir(), 'help', 'validate', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('plan validate FILE.xlsx');
    expect(r.stdout).toContain('--reference');
    expect(r.stdout).toContain('Example:');
    expect((await plan(dir(), 'portfolio', '--help')).stdout).toContain('--budget');
    // The language option may come first: `en` is its value, not the command asked about.
    const first = await plan(dir(), 'help', '--lang', 'en', 'kpi');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('plan kpi FILE.xlsx');
  });

  it('names the unknown command and what there is instead', async () => {
    const r = await plan(dir(), 'budgetize', '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "budgetize"');
    expect(r.stderr).toContain('validate');
  });

  it('explains a finding code or a concept (issue 20), in Persian or English', async () => {
    const en = await plan(dir(), 'help', 'AHP_INCONSISTENT', '--lang', 'en');
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('AHP_INCONSISTENT · Consistency ratio above 0.10');
    expect(en.stdout).toContain('Severity: warning');
    // The link to the concept reads as the command that shows it.
    expect(en.stdout).toContain('(plan help ahp)');
    const fa = await plan(dir(), 'help', 'ahp');
    expect(fa.code).toBe(0);
    expect(fa.stdout).toContain('نسبت سازگاری');
    // A code typed in lower case is the same code.
    expect((await plan(dir(), 'help', 'operating_deficit', '--lang', 'en')).stdout).toContain(
      'OPERATING_DEFICIT',
    );
  });

  it('has a page for every code and concept in both languages, listed by plan help topics', async () => {
    const { HELP_CODES, HELP_CONCEPTS } = await import('#core');
    for (const lang of ['fa', 'en'])
      for (const topic of [...HELP_CONCEPTS, ...Object.keys(HELP_CODES)]) {
        const r = await plan(dir(), 'help', topic, '--lang', lang);
        expect([topic, lang, r.code]).toEqual([topic, lang, 0]);
      }
    const list = await plan(dir(), 'help', 'topics', '--lang', 'en');
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('revenue-forecast');
    expect(list.stdout).toContain('SWOT_WEIGHTS_SUM');
  });

  it('keeps a command name for the command: plan help portfolio is the command', async () => {
    const r = await plan(dir(), 'help', 'portfolio', '--lang', 'en');
    expect(r.stdout).toContain('plan portfolio FILE.xlsx');
  });

  it('names an unknown topic and where the topics are listed', async () => {
    const r = await plan(dir(), 'help', 'NO_SUCH_THING', '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"NO_SUCH_THING" is no command, finding code or concept');
    expect(r.stderr).toContain('plan help topics');
  });

  it('rejects an unknown option and a bad --lang, pointing to the help', async () => {
    const bad = await plan(dir(), 'validate', 'x.xlsx', '--colour', '--lang', 'en');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('plan help validate');
    const lang = await plan(dir(), 'validate', 'x.xlsx', '--lang', 'de');
    expect(lang.code).toBe(2);
    expect(lang.stderr).toContain('--lang');
  });
});

describe('plan template', () => {
  it('writes a Persian workbook with every contract table and says so in Persian', async () => {
    const r = await plan(dir(), 'template', '--out', 'plan-fa.xlsx');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain(`${toPersianDigits(String(TABLE_NAMES.length))} جدول`);
    const read = await readXlsx(new Uint8Array(readFileSync(join(dir(), 'plan-fa.xlsx'))));
    expect(read.ok && read.workbook.tables.length).toBe(TABLE_NAMES.length);
    expect(read.ok && read.sheets[0]).toBe('راهنما');
  });

  it('writes an English workbook for another period, and reports it as JSON', async () => {
    const r = await plan(
      dir(),
      'template',
      '--lang',
      'en',
      '--out',
      'plan-en.xlsx',
      '--start-year',
      '1406',
      '--years',
      '3',
      '--json',
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { lang: string; tables: string[]; sheets: string[] };
    expect(out.lang).toBe('en');
    expect(out.tables).toHaveLength(TABLE_NAMES.length);
    expect(out.sheets[0]).toBe('Guide');
  });

  it('does not overwrite a file unless told to, and needs an .xlsx name', async () => {
    const again = await plan(dir(), 'template', '--out', 'plan-fa.xlsx', '--lang', 'en');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
    expect((await plan(dir(), 'template', '--out', 'plan-fa.xlsx', '--force')).code).toBe(0);
    const txt = await plan(dir(), 'template', '--out', 'plan.txt', '--lang', 'en');
    expect(txt.code).toBe(2);
    expect(txt.stderr).toContain('.xlsx');
    const none = await plan(dir(), 'template', '--lang', 'en');
    expect(none.stderr).toContain('--out');
    expect(existsSync(join(dir(), 'plan.txt'))).toBe(false);
  });
});

describe('plan sample and plan validate', () => {
  beforeAll(async () => {
    expect((await plan(dir(), 'sample', '--out', 'sample.xlsx')).code).toBe(0);
  });

  it('finds nothing wrong with the sample plan (exit 0), in Persian and in English', async () => {
    const fa = await plan(dir(), 'validate', 'sample.xlsx');
    expect(fa.code).toBe(0);
    expect(fa.stdout).toContain('۰ خطا، ۰ هشدار');
    const en = await plan(dir(), 'validate', 'sample.xlsx', '--lang', 'en');
    expect(en.stdout).toContain('0 errors, 0 warnings');
    const json = await plan(dir(), 'validate', 'sample.xlsx', '--json');
    expect(JSON.parse(json.stdout)).toEqual({ findings: [] });
  });

  it('exits 1 on errors and locates each finding by table, row, column and cell', async () => {
    const r = await plan(dir(), 'validate', 'broken.xlsx', '--json');
    expect(r.code).toBe(1);
    const { findings } = JSON.parse(r.stdout) as { findings: Array<Record<string, unknown>> };
    for (const f of findings)
      expect(Object.keys(f)).toEqual([
        'severity',
        'code',
        'table',
        'sheet',
        'row',
        'column',
        'cell',
        'message',
      ]);
    // broken.xlsx: tblStrategies's header is on row 2 (row 1 holds its title), S9 on row 3,
    // GoalId the second column (B).
    const ref = findings.find((f) => f.table === 'tblStrategies' && f.column === 'GoalId');
    expect(ref).toMatchObject({ severity: 'error', row: 3, cell: 'B3' });
    expect((ref?.message as { en: string }).en).toContain('G9');
  });

  it('prints findings readably: Persian words and digits, or English', async () => {
    const fa = await plan(dir(), 'validate', 'broken.xlsx');
    expect(fa.code).toBe(1);
    expect(fa.stdout).toContain('خطا');
    expect(fa.stdout).toContain('!B3');
    expect(fa.stdout).toMatch(/[۱-۹] خطا/);
    const en = await plan(dir(), 'validate', 'broken.xlsx', '--lang', 'en');
    expect(en.stdout).toMatch(/\d+ errors?, \d+ warnings?/);
    expect(en.stdout).toContain('error');
    // Where to read more, with the first finding's code as the example (issue 20).
    expect(en.stdout).toMatch(/plan help <code>, e\.g\. plan help [A-Z_]+\n$/);
    expect(fa.stdout).toContain('\u2066plan help\u2069 <کد>');
  });

  it('resolves IDs against a reference workbook given with --reference', async () => {
    // A department workbook: its projects name programs and sources of the city framework.
    const sample = samplePlanWorkbook();
    const pick = (name: string) => sample.tables.find((t) => t.name === name);
    const info = pick('tblPlanInfo');
    const projects = pick('tblProjects');
    if (!info || !projects) throw new Error('sample tables');
    const rows = projects.rows.filter((r) => r[3] === 'D-CIV');
    const first = rows[0] ?? [];
    const dept: RawWorkbook = {
      tables: [info, { ...projects, rows: [...rows, ['P-099', 'PG99', ...first.slice(2)]] }],
    };
    writeFileSync(join(dir(), 'dept.xlsx'), await writeRawWorkbook(dept, { lang: 'fa' }));
    // Alone, the references cannot be checked (no programs table): skipped, as the contract says.
    const alone = await plan(dir(), 'validate', 'dept.xlsx', '--json');
    const codesAlone = (JSON.parse(alone.stdout) as { findings: Array<{ severity: string }> })
      .findings;
    expect(codesAlone.filter((f) => f.severity === 'error')).toEqual([]);
    // With the framework, PG99 is found missing.
    const withRef = await plan(
      dir(),
      'validate',
      'dept.xlsx',
      '--reference',
      'sample.xlsx',
      '--json',
    );
    expect(withRef.code).toBe(1);
    expect(withRef.stdout).toContain('PG99');
  });

  it('reports a table its WorkbookKind may not hold, where the table starts (TABLE_NOT_IN_KIND)', async () => {
    // A department workbook that carries the city's revenue history (the revenue workbook's).
    const sample = samplePlanWorkbook();
    const pick = (name: string) => sample.tables.find((t) => t.name === name);
    const projects = pick('tblProjects');
    const history = pick('tblRevenueHistory');
    if (!projects || !history) throw new Error('sample tables');
    const dept: RawWorkbook = {
      tables: [
        {
          name: 'tblPlanInfo',
          header: ['Key', 'Value'],
          rows: [
            ['StartYear', 1405],
            ['WorkbookKind', 'department'],
            ['Department', 'D-CIV'],
          ],
        },
        { ...projects, rows: projects.rows.filter((r) => r[3] === 'D-CIV') },
        history,
      ],
    };
    const bytes = await writeRawWorkbook(dept, { lang: 'fa' });
    writeFileSync(join(dir(), 'dept-revenue.xlsx'), bytes);
    const back = await readXlsx(bytes);
    if (!back.ok) throw new Error(back.error.message.en);
    const placed = back.workbook.tables.find((t) => t.name === 'tblRevenueHistory');
    // The header's row + 1: the first row of revenue history, in the header's first column.
    const [, col, row] = /^([A-Z]+)(\d+)$/.exec(placed?.address ?? '') ?? [];
    const r = await plan(dir(), 'validate', 'dept-revenue.xlsx', '--json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as {
      findings: Array<{ code: string; table: string; sheet: string; cell: string }>;
    };
    expect(out.findings.filter((f) => f.code === 'TABLE_NOT_IN_KIND')).toEqual([
      expect.objectContaining({
        table: 'tblRevenueHistory',
        sheet: placed?.sheet,
        cell: `${col}${Number(row) + 1}`,
      }),
    ]);
  });

  it('reads a single-table CSV named by --table', async () => {
    const r = await plan(
      dir(),
      'validate',
      csv('projects-fa.csv'),
      '--table',
      'tblProjects',
      '--lang',
      'en',
    );
    expect(r.stdout).toContain('projects-fa.csv');
    expect(r.code).toBe(1); // no tblPlanInfo: the plan period is unknown (PLAN_INFO_MISSING)
    expect(r.stdout).toContain('PLAN_INFO_MISSING');
  });
});

describe('files plan cannot read (exit 2, a message on stderr, nothing on stdout)', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['random bytes named .xlsx', 'random.xlsx', /not an Excel workbook/],
    ['a text file renamed .xlsx', 'renamed.xlsx', /not an Excel workbook/],
    ['an empty file', 'empty.xlsx', /empty/],
    ['a missing file', 'missing.xlsx', /not found/],
    ['a workbook without tables', 'no-tables.xlsx', /no Excel tables/],
  ];
  for (const [what, file, message] of cases)
    it(what, async () => {
      const r = await plan(dir(), 'validate', file, '--lang', 'en', '--json');
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain(file);
    });

  it('speaks Persian by default', async () => {
    const r = await plan(dir(), 'validate', 'renamed.xlsx');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('کارپوشه اکسل');
  });
});

describe('plan score with CSV files typed in Persian', () => {
  // criteria-fa.csv: C1 weight 3 (benefit, 0–10), C2 weight 1 (cost, 0–10) → 0.75 and 0.25.
  // Score = 100 × (0.75 × x1/10 + 0.25 × (1 − x2/10)), by hand:
  // P-1 (8, 2): 60 + 20 = 80; P-3 (10, 8): 75 + 5 = 80; P-4 and P-5 (8, 6): 60 + 10 = 70;
  // P-2 (6, 6): 45 + 10 = 55.
  const args = [
    'score',
    '--projects',
    csv('projects-fa.csv'),
    '--criteria',
    csv('criteria-fa.csv'),
  ];

  it('scores and ranks every project, ties sharing a rank', async () => {
    const r = await plan(dir(), ...args, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      weightsFrom: string;
      projects: Array<{ id: string; score: number; rank: number; mandatory: boolean }>;
    };
    expect(out.weightsFrom).toBe('table');
    const got = out.projects.map((p) => [p.id, Number(p.score.toFixed(9)), p.rank]);
    expect(got).toEqual([
      ['P-1', 80, 1],
      ['P-3', 80, 1],
      ['P-4', 70, 3],
      ['P-5', 70, 3],
      ['P-2', 55, 5],
    ]);
    expect(out.projects.find((p) => p.id === 'P-2')?.mandatory).toBe(true);
  });

  it('gives AHP weights and the consistency ratio when a pairwise matrix is given', async () => {
    // pairwise.csv: C1 is 3 times C2 → weights 3/4 and 1/4; a 2×2 reciprocal matrix has CR 0.
    const r = await plan(dir(), ...args, '--pairwise', csv('pairwise.csv'), '--json');
    const out = JSON.parse(r.stdout) as {
      weightsFrom: string;
      ahp: { weights: Record<string, number>; cr: number };
    };
    expect(out.weightsFrom).toBe('ahp');
    expect(out.ahp.weights.C1).toBeCloseTo(0.75, 9);
    expect(out.ahp.weights.C2).toBeCloseTo(0.25, 9);
    expect(out.ahp.cr).toBe(0);
  });

  it('prints the ranking with Persian digits, or in English', async () => {
    const fa = await plan(dir(), ...args);
    expect(fa.stdout).toContain('۸۰٫۰۰');
    expect(fa.stdout).toContain('۰٫۷۵۰');
    const en = await plan(dir(), ...args, '--lang', 'en');
    expect(en.stdout).toContain('80.00');
    expect(en.stdout).toContain('0.750');
  });

  it('needs both tables', async () => {
    const r = await plan(dir(), 'score', '--projects', csv('projects-fa.csv'), '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--criteria');
  });
});

describe('plan portfolio with CSV files', () => {
  it('beats rank-and-fill within each year’s budget, keeping the mandatory project', async () => {
    // budget.csv: 700,000 in 1405 and 300,000 in 1406. P-2 is mandatory (300,000 in 1405),
    // leaving 400,000 and 300,000. Rank-and-fill takes P-1 (80; 400,000 + 100,000), after
    // which nothing else fits: 55 + 80 = 135. P-4 + P-5 (70 each; 200,000 + 150,000 each)
    // fill both years exactly: 55 + 70 + 70 = 195, 60 more (worked by hand).
    const r = await plan(
      dir(),
      'portfolio',
      '--projects',
      csv('projects-fa.csv'),
      '--criteria',
      csv('criteria-fa.csv'),
      '--budget',
      csv('budget.csv'),
      '--json',
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      status: string;
      chosen: string[];
      objective: number;
      rankAndFill: { chosen: string[]; objective: number };
      scoreLeftOnTable: number;
      spending: Array<{ year: number; budget: string; spent: string; left: string }>;
    };
    expect(out.status).toBe('optimal');
    expect(out.chosen).toEqual(['P-2', 'P-4', 'P-5']);
    expect(out.objective).toBeCloseTo(195, 9);
    expect(out.rankAndFill.chosen.sort()).toEqual(['P-1', 'P-2']);
    expect(out.scoreLeftOnTable).toBeCloseTo(60, 9);
    expect(out.spending).toEqual([
      { year: 1405, budget: '700000', spent: '700000', left: '0' },
      { year: 1406, budget: '300000', spent: '300000', left: '0' },
    ]);
  });

  it('needs a budget with CSV inputs', async () => {
    const r = await plan(
      dir(),
      'portfolio',
      '--projects',
      csv('projects-fa.csv'),
      '--criteria',
      csv('criteria-fa.csv'),
      '--lang',
      'en',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--budget');
  });
});

describe('plan forecast', () => {
  const history = csv('revenue-history-fa.csv');

  it('forecasts a class growing 20% a year by its growth rate, with parameters and SSE in JSON', async () => {
    // 1,000,000 → 2,073,600 over 1400–1404: CAGR (2.0736)^(1/4) − 1 = 0.2 exactly;
    // 1405: 2,073,600 × 1.2 = 2,488,320; 1406: × 1.2 = 2,985,984. Every one-step fit is exact: SSE 0.
    const r = await plan(
      dir(),
      'forecast',
      '--history',
      history,
      '--method',
      'growth',
      '--horizon',
      '2',
      '--simulations',
      '0',
      '--json',
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      years: number[];
      scenarios: Array<{
        scenario: string;
        classes: Array<{
          revenueClass: string;
          method: string;
          parameters: { rate: number };
          sse: number;
          years: Array<{ year: number; point: string }>;
        }>;
      }>;
    };
    expect(out.years).toEqual([1405, 1406]);
    const cls = out.scenarios[0]?.classes[0];
    expect(cls).toMatchObject({ revenueClass: 'general-duties', method: 'growth' });
    expect(cls?.parameters.rate).toBeCloseTo(0.2, 12);
    expect(cls?.sse).toBeLessThan(1e-12 * 2_073_600 ** 2);
    expect(cls?.years.map((y) => y.point)).toEqual(['2488320', '2985984']);
  });

  it('gives P10 ≤ P50 ≤ P90 per year, the same for the same seed', async () => {
    const args = [
      'forecast',
      '--history',
      history,
      '--method',
      'growth',
      '--horizon',
      '3',
      '--simulations',
      '400',
      '--seed',
      '7',
      '--json',
    ];
    const a = await plan(dir(), ...args);
    const b = await plan(dir(), ...args);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const out = JSON.parse(a.stdout) as {
      scenarios: Array<{ total: Array<{ p10: string; p50: string; p90: string }> }>;
    };
    for (const y of out.scenarios[0]?.total ?? []) {
      expect(BigInt(y.p10) <= BigInt(y.p50)).toBe(true);
      expect(BigInt(y.p50) <= BigInt(y.p90)).toBe(true);
    }
  });

  it('prints a readable table with thousands separators', async () => {
    const r = await plan(
      dir(),
      'forecast',
      '--history',
      history,
      '--method',
      'growth',
      '--horizon',
      '2',
      '--simulations',
      '0',
    );
    expect(r.stdout).toContain('۲٬۴۸۸٬۳۲۰');
    expect(r.stdout).toContain('عوارض عمومی');
  });

  it('names an unknown method', async () => {
    const r = await plan(
      dir(),
      'forecast',
      '--history',
      history,
      '--method',
      'magic',
      '--lang',
      'en',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('holt');
  });
});

describe('plan chain, fiscal and kpi on the sample plan', () => {
  it('shows the chain of a project from its goal, with money per year', async () => {
    const r = await plan(dir(), 'chain', 'sample.xlsx', 'P-016', '--lang', 'en');
    expect(r.code).toBe(0);
    const first = r.stdout.split('\n')[0] ?? '';
    // P-016 is in program PG08 and, through the sample's structure, in its scheme SC08.
    expect(first.split(' › ').map((p) => p.split(' ')[0])).toEqual([
      'G2',
      'S2.2',
      'PG08',
      'SC08',
      'P-016',
    ]);
    const json = JSON.parse(
      (await plan(dir(), 'chain', 'sample.xlsx', 'P-016', '--json')).stdout,
    ) as {
      item: { money: Record<string, string> };
      sources: Array<{ id: string }>;
    };
    expect(json.sources.map((s) => s.id)).toEqual(['SRC-OTH']);
    // P-016 runs 1405–1407 (content.ts), so it costs nothing in 1408–1409.
    expect(json.item.money['1408']).toBe('0');
    expect(BigInt(json.item.money['1405'] ?? '0') > 0n).toBe(true);
  });

  it('exits 1 for an ID no table holds', async () => {
    const r = await plan(dir(), 'chain', 'sample.xlsx', 'NOPE-1', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('NOPE-1');
  });

  it('balances every year of the base scenario, and runs any scenario by name', async () => {
    const base = JSON.parse((await plan(dir(), 'fiscal', 'sample.xlsx', '--json')).stdout) as {
      years: Array<{ year: number; gap: string }>;
    };
    expect(base.years.map((y) => y.year)).toEqual([1405, 1406, 1407, 1408, 1409]);
    for (const y of base.years) expect(BigInt(y.gap) >= 0n).toBe(true);
    const r = await plan(
      dir(),
      'fiscal',
      'sample.xlsx',
      '--scenario',
      'pessimistic',
      '--lang',
      'en',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('scenario pessimistic');
    const unknown = await plan(
      dir(),
      'fiscal',
      'sample.xlsx',
      '--scenario',
      'rosy',
      '--lang',
      'en',
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('rosy');
  });

  it('reports KPI progress and status from the 1405 quarterly actuals', async () => {
    const r = await plan(dir(), 'kpi', 'sample.xlsx', '--json');
    expect(r.code).toBe(0);
    const { kpis } = JSON.parse(r.stdout) as {
      kpis: Array<{
        kpiId: string;
        latest: { year: number; period: string; actual: number; progress: number } | null;
      }>;
    };
    // K13 (minutes to reach a fire, decrease): baseline 6.8, target 1405 6.5, Q2 actual 6.6:
    // progress (6.6 − 6.8)/(6.5 − 6.8) = 2/3 (hand-worked).
    const k13 = kpis.find((k) => k.kpiId === 'K13');
    expect(k13?.latest).toMatchObject({ year: 1405, period: 'Q2', actual: 6.6 });
    expect(k13?.latest?.progress).toBeCloseTo(2 / 3, 9);
    const en = await plan(dir(), 'kpi', 'sample.xlsx', '--lang', 'en');
    expect(en.stdout).toContain('at risk');
  });
});
