/**
 * Contract v2's budget skeleton (plan-workbook.md, "Calculations (v2)"): spending by head,
 * the operating, capital and financial balances, the cash position and the budget album,
 * checked against figures worked by hand below (small round amounts in Rials, so each sum
 * can be followed line by line).
 */
import type { ClassForecast, RawWorkbook, RevenueClass, ScenarioForecast } from '#core';
import { budgetAlbum, budgetBalances, capitalBudgetByYear, fiscalBalance, readPlan } from '#core';
import { planInfo, rawTable } from '../helpers/plan';

// Plan 1405–1406. A-1 (current, chapter 2) costs 600 and 700; P-1 (1405 only) costs 300 and
// runs at 50 a year once done (opex in 1406); P-2 costs 500 in 1406. Budget lines: a loan's
// principal F-1 of 100 approved and cut by 20 in an amendment, a proposed F-2 of 999 (not in
// the current budget), A-1's 600 approved and 50 supplemented, P-1's 300 approved.
function workbook(extraInfo: Record<string, string | number> = {}): RawWorkbook {
  return {
    tables: [
      planInfo({ StartYear: 1405, Years: 2, OpeningBalance: 1000, ...extraInfo }),
      rawTable(
        'tblFundingSources',
        ['SourceId', 'Title', 'RevenueClass', 'Nature'],
        [
          ['SRC-GEN', 'عوارض عمومی', 'general-duties', 'revenue'],
          ['SRC-SALE', 'فروش اموال', 'other-resources', 'capital-disposal'],
          ['SRC-BOND', 'اوراق', 'government-grants', 'financial-disposal'],
        ],
      ),
      rawTable(
        'tblActivities',
        ['ActivityId', 'ProgramId', 'Title', 'Chapter', '1405', '1406', 'SourceId'],
        [['A-1', 'PG1', 'نگهداری', '2', 600, 700, 'SRC-GEN']],
      ),
      rawTable(
        'tblProjects',
        [
          'ProjectId',
          'ProgramId',
          'Title',
          'StartYear',
          'EndYear',
          '1405',
          '1406',
          'OpexImpact',
          'SchemeId',
        ],
        [
          ['P-1', 'PG1', 'بوستان', 1405, 1405, 300, 0, 50, 'SC1'],
          ['P-2', 'PG2', 'تقاطع', 1406, 1406, 0, 500, 0, 'SC2'],
        ],
      ),
      rawTable(
        'tblPrograms',
        ['ProgramId', 'StrategyId', 'Title', 'Function'],
        [
          ['PG1', 'S1', 'فضای سبز', '01'],
          ['PG2', 'S1', 'معابر', '02'],
        ],
      ),
      rawTable(
        'tblBudgetLines',
        ['BudgetCode', 'Year', 'Kind', 'LinkedId', 'SourceId', 'Amount', 'Stage', 'Chapter'],
        [
          ['F-1', 1405, 'financial', null, 'SRC-GEN', 100, 'approved', null],
          ['F-1', 1405, 'financial', null, 'SRC-GEN', -20, 'amended', null],
          ['F-2', 1406, 'financial', null, 'SRC-GEN', 999, 'proposed', null],
          ['B-A1', 1405, 'current', 'A-1', 'SRC-GEN', 600, null, '2'],
          ['B-A1', 1405, 'current', 'A-1', 'SRC-GEN', 50, 'supplement', '2'],
          ['B-P1', 1405, 'capital', 'P-1', 'SRC-SALE', 300, 'approved', null],
        ],
      ),
    ],
  };
}

/** A forecast given by hand (what forecastRevenueScenarios would return for these amounts). */
function forecast(amounts: Record<string, [number, number]>): ScenarioForecast {
  const classes = Object.entries(amounts).map(([cls, [a, b]]) => {
    const amounts = new Map([
      [1405, BigInt(a)],
      [1406, BigInt(b)],
    ]);
    // An unsplit class: one part, the whole class, naming no source.
    return {
      revenueClass: cls as RevenueClass,
      amounts,
      parts: [{ sourceId: null, amounts }],
    } as unknown as ClassForecast;
  });
  const totals = new Map<number, bigint>();
  for (const c of classes) for (const [y, v] of c.amounts) totals.set(y, (totals.get(y) ?? 0n) + v);
  return { scenario: 'base', classes, totals, complete: true };
}

const REVENUE = forecast({
  'general-duties': [800, 700],
  'other-resources': [250, 400],
  'government-grants': [100, 0],
});

describe('the three balances and the cash position', () => {
  const { plan } = readPlan(workbook());
  const balances = budgetBalances(plan, REVENUE);

  it('splits spending into the three heads', () => {
    // 1405: current = A-1 600; capital = P-1 300; financial = 100 − 20 (the proposed 999 is not
    // in the current budget). 1406: current = 700 + P-1's opex 50; capital = P-2 500; financial 0.
    expect(
      balances.years.map((y) => [y.year, y.current, y.capital, y.financial, y.spending]),
    ).toEqual([
      [1405, 600n, 300n, 80n, 980n],
      [1406, 750n, 500n, 0n, 1250n],
    ]);
  });

  it('balances each head against the revenue of its Nature, adding up to the gap', () => {
    // 1405: operating 800 − 600 = 200, capital 250 − 300 = −50, financial 100 − 80 = 20;
    // gap 1150 − 980 = 170 = 200 − 50 + 20. 1406: 700 − 750 = −50, 400 − 500 = −100, 0 − 0;
    // gap 1100 − 1250 = −150.
    expect(
      balances.years.map((y) => [y.operating, y.capitalBalance, y.financialBalance, y.gap]),
    ).toEqual([
      [200n, -50n, 20n, 170n],
      [-50n, -100n, 0n, -150n],
    ]);
  });

  it('gives the fiscal balance and the capital budget the same gap, financial head included', () => {
    // One figure, one rule: the v1 fiscal gap is v2's with the financial head (0 in v1).
    // 1405: 1150 − (600 + 300 + 80) = 170; 1406: 1100 − 1250 = −150 (as above). The capital
    // budget leaves revenue − current − financial: 1150 − 600 − 80 = 470 and 1100 − 750 = 350,
    // so capital budget − projects (470 − 300, 350 − 500) is the gap again.
    const fiscal = fiscalBalance(plan, REVENUE.totals);
    expect(fiscal.years.map((y) => [y.financial, y.total, y.gap])).toEqual([
      [80n, 980n, 170n],
      [0n, 1250n, -150n],
    ]);
    expect([...capitalBudgetByYear(REVENUE.totals, plan)]).toEqual([
      [1405, 470n],
      [1406, 350n],
    ]);
    // The loan's principal names SRC-GEN and links no item: its department is empty.
    const y1405 = fiscal.spending.get(1405);
    expect(y1405?.bySource.get('SRC-GEN')?.financial).toBe(80n);
    expect(y1405?.byDept.get('')?.financial).toBe(80n);
  });

  it('carries the opening balance into the cash position, never into the yearly balances', () => {
    // 1000 + 170 = 1170; 1170 − 150 = 1020.
    expect(balances.openingBalance).toBe(1000n);
    expect(balances.years.map((y) => y.cash)).toEqual([1170n, 1020n]);
  });

  it('warns of a year whose current spending leans on asset sales or borrowing', () => {
    expect(balances.findings.map((f) => [f.code, f.column])).toEqual([
      ['OPERATING_DEFICIT', '1406'],
    ]);
  });

  it('reads the opening balance in the workbook’s Unit', () => {
    const { plan: millions } = readPlan(workbook({ Unit: 'Million Rials' }));
    expect(millions.info.OpeningBalance).toBe(1000n * 10n ** 6n);
  });

  it('counts a class whose sources differ in Nature as revenue, with a warning', () => {
    const wb = workbook();
    const sources = wb.tables.find((t) => t.name === 'tblFundingSources');
    sources?.rows.push(['SRC-LOAN', 'وام', 'other-resources', 'financial-disposal']);
    const mixed = budgetBalances(readPlan(wb).plan, REVENUE);
    // other-resources (250) now counts as revenue: operating 1405 = 800 + 250 − 600 = 450.
    expect(mixed.years[0]?.operating).toBe(450n);
    expect(mixed.findings.map((f) => f.code)).toContain('NATURE_MIXED');
  });
});

describe('the budget album', () => {
  const { plan } = readPlan(workbook());
  const cells = (
    by: Parameters<typeof budgetAlbum>[1],
    stage?: Parameters<typeof budgetAlbum>[2],
  ) =>
    Object.fromEntries(
      [...budgetAlbum(plan, by, stage).groups].map(([k, years]) => [
        k,
        Object.fromEntries([...years].map(([y, c]) => [y, [c.budget, c.plan]])),
      ]),
    );

  it('totals the current budget by head, with the plan’s cost beside it', () => {
    // current: 600 + 50 (supplement) = 650 against A-1's 600 and 700; capital: P-1's 300
    // against P-1 300 and P-2 500; financial: 100 − 20 = 80 (no plan column holds it).
    expect(cells('head')).toEqual({
      current: { 1405: [650n, 600n], 1406: [0n, 700n] },
      capital: { 1405: [300n, 300n], 1406: [0n, 500n] },
      financial: { 1405: [80n, 0n] },
    });
  });

  it('totals by chapter, function and scheme', () => {
    expect(cells('chapter')).toEqual({
      '2': { 1405: [650n, 600n], 1406: [0n, 700n] },
      '': { 1405: [380n, 300n], 1406: [0n, 500n] },
    });
    expect(cells('function')).toEqual({
      '01': { 1405: [950n, 900n], 1406: [0n, 700n] },
      '02': { 1406: [0n, 500n] },
      '': { 1405: [80n, 0n] },
    });
    expect(cells('scheme')).toEqual({
      '': { 1405: [730n, 600n], 1406: [0n, 700n] },
      SC1: { 1405: [300n, 300n] },
      SC2: { 1406: [0n, 500n] },
    });
  });

  it('shows one stage on its own', () => {
    expect(cells('head', 'proposed')).toEqual({
      financial: { 1406: [999n, 0n] },
      current: { 1405: [0n, 600n], 1406: [0n, 700n] },
      capital: { 1405: [0n, 300n], 1406: [0n, 500n] },
    });
  });
});
