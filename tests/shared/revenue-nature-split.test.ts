/**
 * Contract v2: a `tblRevenueHistory` line whose `Code` names a funding source is forecast on
 * its own and counts in that source's Nature ("Version 2", plan-workbook.md). A class that
 * mixes natures (asset sales and borrowing under other-resources) is split this way. Every
 * figure below is worked by hand from the growth method, F_h = y_T × (1 + g)^h × adjustment.
 */
import type { RawCell, RawWorkbook } from '#core';
import { budgetBalances, forecastRevenueScenarios, readPlan } from '#core';
import { planInfo, rawTable } from '../helpers/plan';

// Plan 1405–1406. general-duties (SRC-GEN, revenue) had 1000 in 1404. other-resources has
// two sources, asset sales SRC-SALE (capital-disposal) and bonds SRC-LOAN
// (financial-disposal), and three kinds of line: SRC-SALE's 150 and 200 (1403, 1404),
// SRC-LOAN's 100 (1404, its Code typed in lower case: IDs match as elsewhere) and 40 under
// a finer code ORD that names no source. A-1 costs 900 a year (current), P-1 400 a year
// (capital).
function workbook(
  opts: {
    sources?: RawCell[][];
    history?: RawCell[][];
    scenarios?: RawCell[][];
  } = {},
): RawWorkbook {
  return {
    tables: [
      planInfo({ StartYear: 1405, Years: 2 }),
      rawTable(
        'tblFundingSources',
        ['SourceId', 'Title', 'RevenueClass', 'Nature'],
        [
          ['SRC-GEN', 'عوارض عمومی', 'general-duties', 'revenue'],
          ['SRC-SALE', 'فروش اموال', 'other-resources', 'capital-disposal'],
          ['SRC-LOAN', 'اوراق مشارکت', 'other-resources', 'financial-disposal'],
          ...(opts.sources ?? []),
        ],
      ),
      rawTable(
        'tblActivities',
        ['ActivityId', 'ProgramId', 'Title', '1405', '1406', 'SourceId'],
        [['A-1', 'PG1', 'نگهداری', 900, 900, 'SRC-GEN']],
      ),
      rawTable(
        'tblProjects',
        ['ProjectId', 'ProgramId', 'Title', 'StartYear', 'EndYear', '1405', '1406', 'SourceId'],
        [['P-1', 'PG1', 'بوستان', 1405, 1406, 400, 400, 'SRC-SALE']],
      ),
      rawTable('tblPrograms', ['ProgramId', 'StrategyId', 'Title'], [['PG1', 'S1', 'فضای سبز']]),
      rawTable(
        'tblRevenueHistory',
        ['RevenueClass', 'Code', 'Year', 'Amount'],
        opts.history ?? [
          ['general-duties', null, 1404, 1000],
          ['other-resources', 'SRC-SALE', 1403, 150],
          ['other-resources', 'SRC-SALE', 1404, 200],
          ['other-resources', 'src-loan', 1404, 100],
          ['other-resources', 'ORD', 1404, 40],
        ],
      ),
      rawTable(
        'tblRevenueScenarios',
        ['Scenario', 'RevenueClass', 'Method', 'GrowthRate', 'Adjustment'],
        opts.scenarios ?? [
          ['base', 'general-duties', 'growth', 0.1, 1],
          ['base', 'other-resources', 'growth', 0.5, 1],
        ],
      ),
    ],
  };
}

function forecastOf(wb: RawWorkbook) {
  const { plan } = readPlan(wb);
  const r = forecastRevenueScenarios(plan);
  if (!r.ok) throw new Error(r.message.en);
  const base = r.scenarios[0];
  if (!base) throw new Error('no scenario');
  return { plan, base, findings: r.findings };
}

const amountsOf = (m: ReadonlyMap<number, bigint>) => [...m.values()];

describe('a revenue class whose history lines name their sources', () => {
  const { plan, base } = forecastOf(workbook());
  const other = base.classes.find((c) => c.revenueClass === 'other-resources');

  it('forecasts each source’s lines and the rest as parts, and the class as their sum', () => {
    // Parts at g = 0.5 from 1404: the rest (ORD) 40 → 60, 90; SRC-SALE 200 → 300, 450;
    // SRC-LOAN 100 → 150, 225. The class: 60 + 300 + 150 = 510 and 90 + 450 + 225 = 765.
    expect(other?.parts.map((p) => [p.sourceId, amountsOf(p.amounts)])).toEqual([
      [null, [60n, 90n]],
      ['SRC-SALE', [300n, 450n]],
      ['SRC-LOAN', [150n, 225n]],
    ]);
    expect(amountsOf(other?.amounts ?? new Map())).toEqual([510n, 765n]);
    expect(other?.path).toEqual([510, 765]);
    // History summed over the parts: 1403 only SRC-SALE's 150; 1404 200 + 100 + 40 = 340.
    expect([...(other?.history ?? [])]).toEqual([
      [1403, 150n],
      [1404, 340n],
    ]);
    // general-duties 1000 × 1.1 = 1100, × 1.1² = 1210; total 1405: 1100 + 510 = 1610.
    expect(amountsOf(base.totals)).toEqual([1610n, 1975n]);
  });

  it('counts each part in its source’s Nature, and the rest in that of the unnamed sources', () => {
    const b = budgetBalances(plan, base);
    // Revenue: 1100 + 60 (the rest: no source of other-resources is left unnamed, so revenue)
    // = 1160 in 1405, 1210 + 90 = 1300 in 1406. Capital-disposal: SRC-SALE's 300, 450.
    // Financial-disposal: SRC-LOAN's 150, 225.
    expect(b.years.map((y) => y.revenue)).toEqual([
      { revenue: 1160n, 'capital-disposal': 300n, 'financial-disposal': 150n },
      { revenue: 1300n, 'capital-disposal': 450n, 'financial-disposal': 225n },
    ]);
    // Operating 1160 − 900 = 260; capital 300 − 400 = −100; financial 150 − 0 = 150.
    expect(b.years.map((y) => [y.operating, y.capitalBalance, y.financialBalance])).toEqual([
      [260n, -100n, 150n],
      [400n, 50n, 225n],
    ]);
    // The class's sources differ in Nature, but its lines name them: no NATURE_MIXED.
    expect(b.findings.map((f) => f.code)).not.toContain('NATURE_MIXED');
  });

  it('counts the rest in the Nature of the one source no line names', () => {
    const wb = workbook({
      sources: [['SRC-LAND', 'فروش زمین', 'other-resources', 'capital-disposal']],
    });
    const { plan: p, base: f } = forecastOf(wb);
    const b = budgetBalances(p, f);
    // The rest (60, 90) now counts as capital-disposal: 300 + 60 = 360, 450 + 90 = 540.
    expect(b.years.map((y) => y.revenue?.['capital-disposal'])).toEqual([360n, 540n]);
    expect(b.years.map((y) => y.revenue?.revenue)).toEqual([1100n, 1210n]);
    expect(b.findings.map((f) => f.code)).not.toContain('NATURE_MIXED');
  });

  it('warns when the unnamed sources of the rest differ in Nature, and counts the rest as revenue', () => {
    const wb = workbook({
      sources: [
        ['SRC-LAND', 'فروش زمین', 'other-resources', 'capital-disposal'],
        ['SRC-BANK', 'وام بانکی', 'other-resources', 'financial-disposal'],
      ],
    });
    const { plan: p, base: f } = forecastOf(wb);
    const b = budgetBalances(p, f);
    // The rest (60) counts as revenue: 1100 + 60 = 1160; the named parts keep their natures.
    expect(b.years[0]?.revenue).toEqual({
      revenue: 1160n,
      'capital-disposal': 300n,
      'financial-disposal': 150n,
    });
    const mixed = b.findings.filter((x) => x.code === 'NATURE_MIXED');
    // At the class's first line that names no source: the ORD line, data row 5 (sheet row 6).
    expect(mixed.map((x) => [x.table, x.row])).toEqual([['tblRevenueHistory', 6]]);
  });

  it('does not warn when every line of the class names its source', () => {
    const wb = workbook({
      sources: [
        ['SRC-LAND', 'فروش زمین', 'other-resources', 'capital-disposal'],
        ['SRC-BANK', 'وام بانکی', 'other-resources', 'financial-disposal'],
      ],
      history: [
        ['general-duties', null, 1404, 1000],
        ['other-resources', 'SRC-SALE', 1404, 200],
        ['other-resources', 'SRC-LOAN', 1404, 100],
      ],
    });
    const { plan: p, base: f } = forecastOf(wb);
    const b = budgetBalances(p, f);
    // 200 × 1.5 = 300 capital-disposal, 100 × 1.5 = 150 financial-disposal, no rest.
    expect(b.years[0]?.revenue).toEqual({
      revenue: 1100n,
      'capital-disposal': 300n,
      'financial-disposal': 150n,
    });
    expect(b.findings.map((x) => x.code)).not.toContain('NATURE_MIXED');
  });

  it('keeps a class whose lines name no source mixed, as revenue with NATURE_MIXED', () => {
    const wb = workbook({
      history: [
        ['general-duties', null, 1404, 1000],
        ['other-resources', 'ORD', 1404, 300],
      ],
    });
    const { plan: p, base: f } = forecastOf(wb);
    const other = f.classes.find((c) => c.revenueClass === 'other-resources');
    expect(other?.parts.map((x) => x.sourceId)).toEqual([null]);
    const b = budgetBalances(p, f);
    // 300 × 1.5 = 450 counted as revenue: 1100 + 450 = 1550.
    expect(b.years[0]?.revenue?.revenue).toBe(1550n);
    expect(b.findings.map((x) => x.code)).toContain('NATURE_MIXED');
  });

  it('fits each part on its own series: the growth of a part is its own CAGR', () => {
    // No GrowthRate: the growth method takes each series' CAGR. SRC-SALE 100, 200 grows 100 %
    // (→ 400 in 1405), SRC-LOAN 100, 100 grows 0 % (→ 100): the class 500. Summed first, the
    // class would be 200, 300 (CAGR 50 %) → 450: the split changes the figure, as it should.
    const history: RawCell[][] = [
      ['general-duties', null, 1404, 1000],
      ['other-resources', 'SRC-SALE', 1403, 100],
      ['other-resources', 'SRC-SALE', 1404, 200],
      ['other-resources', 'SRC-LOAN', 1403, 100],
      ['other-resources', 'SRC-LOAN', 1404, 100],
    ];
    const scenarios: RawCell[][] = [
      ['base', 'general-duties', 'growth', 0.1, 1],
      ['base', 'other-resources', 'growth', null, 1],
    ];
    const split = forecastOf(workbook({ history, scenarios }));
    const cls = (f: typeof split) =>
      f.base.classes.find((c) => c.revenueClass === 'other-resources');
    expect(cls(split)?.amounts.get(1405)).toBe(500n);
    // The same lines under codes that name no source: one series, 450.
    const plain = forecastOf(
      workbook({
        history: history.map(([c, code, ...rest]) => [
          c ?? null,
          code === null ? null : `X-${String(code)}`,
          ...rest,
        ]),
        scenarios,
      }),
    );
    expect(cls(plain)?.amounts.get(1405)).toBe(450n);
    expect(cls(plain)?.parts).toHaveLength(1);
  });

  it('leaves the whole class out when one part cannot be forecast, naming the part', () => {
    // trend needs 2 years: the rest (ORD, 1403–1404) and SRC-SALE have them, SRC-LOAN has only
    // 1404; it falls back to auto, which needs 2 as well, and fails.
    const { base, findings } = forecastOf(
      workbook({
        history: [
          ['general-duties', null, 1404, 1000],
          ['other-resources', 'ORD', 1403, 30],
          ['other-resources', 'ORD', 1404, 40],
          ['other-resources', 'SRC-SALE', 1403, 150],
          ['other-resources', 'SRC-SALE', 1404, 200],
          ['other-resources', 'SRC-LOAN', 1404, 100],
        ],
        scenarios: [
          ['base', 'general-duties', 'growth', 0.1, 1],
          ['base', 'other-resources', 'trend', null, 1],
        ],
      }),
    );
    expect(base.complete).toBe(false);
    expect(base.classes.map((c) => c.revenueClass)).toEqual(['general-duties']);
    // Only general-duties is left: 1100, 1210.
    expect(amountsOf(base.totals)).toEqual([1100n, 1210n]);
    const about = findings.filter((f) => f.message.en.includes('other-resources / SRC-LOAN'));
    expect(about.map((f) => f.code)).toEqual(['REVENUE_METHOD_FALLBACK', 'REVENUE_CLASS_FAILED']);
  });
});
