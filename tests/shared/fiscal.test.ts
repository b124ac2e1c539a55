import fc from 'fast-check';
import type { RawCell, RawWorkbook, RevenueClass } from '#core';
import {
  capitalBudgetByYear,
  chooseScenario,
  computeCapitalBudget,
  fiscalBalance,
  readPlan,
  restrictedSourceFindings,
  spendingByYear,
  validateWorkbook,
} from '#core';
import { planInfo, rawTable } from '../helpers/plan';

const PROJECT_HEADER = [
  'ProjectId',
  'ProgramId',
  'Title',
  'Dept',
  'StartYear',
  'EndYear',
  '1405',
  '1406',
  '1407',
  'SourceId',
  'Status',
  'OpexImpact',
];

// The finance office's plan for 1405–1407 (Rials). Two restricted sources:
// a transport duty (dedicated, earmarked) and a bank loan (borrowing).
const city: RawWorkbook = {
  tables: [
    planInfo({ StartYear: 1405, Years: 3 }),
    rawTable(
      'tblFundingSources',
      ['SourceId', 'Title', 'RevenueClass', 'Restricted'],
      [
        ['SRC-G', 'General duties', 'general-duties', false],
        ['SRC-D', 'Transport duty', 'dedicated-duties', true],
        ['SRC-L', 'Bank loan', 'other-resources', 'بله'],
      ],
    ),
    rawTable('tblProjects', PROJECT_HEADER, [
      ['PR-1', 'P', 'BRT line', 'D-TR', 1405, 1405, 1000, 0, 0, 'SRC-D', 'ongoing', 100],
      ['PR-2', 'P', 'Centre A', 'D-UR', 1405, 1406, 500, 700, 0, 'SRC-L', 'approved', 50],
      ['PR-3', 'P', 'Centre B', 'D-UR', 1405, 1405, 9999, 9999, 9999, 'SRC-G', 'dropped', 1000],
      ['PR-4', 'P', 'Depot', 'D-TR', 1406, 1406, 0, 300, 0, 'SRC-G', 'proposed', 10],
      ['PR-5', 'P', 'Kiosk', '', 1407, 1407, 0, 0, 40, '', 'proposed', 0],
      ['PR-6', 'P', 'Old terminal', 'D-TR', 1400, 1404, 0, 0, 0, 'SRC-G', 'done', 20],
      ['PR-7', 'P', 'Open-ended study', 'D-TR', 1405, null, 0, 0, 0, 'SRC-G', null, 999],
    ]),
    rawTable(
      'tblActivities',
      ['ActivityId', 'ProgramId', 'Title', 'Dept', '1405', '1406', '1407', 'SourceId'],
      [
        // Typed in lower case: it is still SRC-G (IDs match as validation matches them).
        ['A-1', 'P', 'Bus operations', 'D-TR', 200, 210, 220, 'src-g'],
        ['A-2', 'P', 'Centre staff', 'D-UR', 50, 50, 50, 'SRC-D'],
      ],
    ),
    rawTable(
      'tblBudgetLines',
      ['BudgetCode', 'Year', 'Kind', 'LinkedId', 'SourceId', 'Amount'],
      [
        ['B-1', 1405, 'capital', 'PR-1', 'SRC-D', 1000],
        ['B-2', 1405, 'current', 'A-2', 'SRC-D', 50],
        ['B-3', 1405, null, 'A-2', 'SRC-L', 5],
        ['B-4', 1405, null, 'PR-2', 'SRC-L', 500],
        ['B-5', 1405, 'current', 'A-1', 'SRC-G', 200],
      ],
    ),
  ],
};
const { plan } = readPlan(city);

describe('spending of each plan year', () => {
  const spending = spendingByYear(plan);
  const at = (y: number) => spending.get(y);

  it('adds activities, projects and the opex of finished projects', () => {
    // Activities: A-1 + A-2 = 250, 260, 270.
    // Projects (PR-3 dropped): 1405: 1000 + 500 = 1500; 1406: 700 + 300 = 1000; 1407: 40.
    // Opex of projects whose EndYear is before the year (PR-7 has no EndYear, PR-3 dropped):
    //   1405: PR-6 (ended 1404) 20; 1406: 20 + PR-1 100 = 120; 1407: 120 + PR-2 50 + PR-4 10 = 180.
    expect([1405, 1406, 1407].map((y) => at(y))).toMatchObject([
      { activities: 250n, projects: 1500n, opex: 20n, total: 1770n },
      { activities: 260n, projects: 1000n, opex: 120n, total: 1380n },
      { activities: 270n, projects: 40n, opex: 180n, total: 490n },
    ]);
  });

  it('splits by funding source, opex and sourceless items under the empty key', () => {
    const by1405 = at(1405)?.bySource;
    expect(by1405?.get('SRC-G')).toEqual({
      activities: 200n,
      projects: 0n,
      opex: 0n,
      financial: 0n,
      total: 200n,
    });
    expect(by1405?.get('SRC-D')).toEqual({
      activities: 50n,
      projects: 1000n,
      opex: 0n,
      financial: 0n,
      total: 1050n,
    });
    expect(by1405?.get('SRC-L')?.total).toBe(500n);
    expect(by1405?.get('')).toEqual({
      activities: 0n,
      projects: 0n,
      opex: 20n,
      financial: 0n,
      total: 20n,
    });
    // 1407: PR-5 (no source) 40 + all opex 180.
    expect(at(1407)?.bySource.get('')).toEqual({
      activities: 0n,
      projects: 40n,
      opex: 180n,
      financial: 0n,
      total: 220n,
    });
  });

  it('splits by department, opex with the department that runs the asset', () => {
    // 1407, D-TR: A-1 220 + opex of PR-6 20, PR-1 100, PR-4 10 = 350.
    expect(at(1407)?.byDept.get('D-TR')).toEqual({
      activities: 220n,
      projects: 0n,
      opex: 130n,
      financial: 0n,
      total: 350n,
    });
    // D-UR: A-2 50 + PR-2's opex 50; no department: PR-5 40.
    expect(at(1407)?.byDept.get('D-UR')?.total).toBe(100n);
    expect(at(1407)?.byDept.get('')?.total).toBe(40n);
  });
});

describe('fiscal balance against a revenue scenario', () => {
  const revenue = new Map([
    [1405, 2000n],
    [1406, 1000n],
  ]);
  const revenueByClass = new Map<RevenueClass, Map<number, bigint>>([
    [
      'general-duties',
      new Map([
        [1405, 1500n],
        [1406, 700n],
      ]),
    ],
    [
      'dedicated-duties',
      new Map([
        [1405, 300n],
        [1406, 200n],
      ]),
    ],
    [
      'other-resources',
      new Map([
        [1405, 200n],
        [1406, 100n],
      ]),
    ],
  ]);
  const balance = fiscalBalance(plan, revenue, { revenueByClass });

  it('gives the gap of each year: revenue − spending, negative for a deficit', () => {
    expect(balance.years.map((y) => [y.year, y.revenue, y.total, y.gap])).toEqual([
      [1405, 2000n, 1770n, 230n], // 2000 − 1770
      [1406, 1000n, 1380n, -380n], // 1000 − 1380
      [1407, null, 490n, null], // no forecast given
    ]);
    const deficit = balance.findings.find((f) => f.code === 'FISCAL_DEFICIT');
    expect(deficit).toMatchObject({ severity: 'warning', column: '1406' });
    expect(deficit?.message.en).toContain('380');
    expect(deficit?.message.fa).toContain('۳۸۰');
    expect(balance.findings.find((f) => f.code === 'FISCAL_NO_REVENUE')?.column).toBe('1407');
  });

  it('sets each revenue class against the spending its sources fund', () => {
    const row = (cls: RevenueClass | null, y: number) =>
      balance.byClass.find((c) => c.revenueClass === cls)?.years.find((x) => x.year === y);
    expect(balance.byClass.map((c) => c.revenueClass)).toEqual([
      'general-duties',
      'dedicated-duties',
      'other-resources',
      null,
    ]);
    // General duties 1406: A-1 210 + PR-4 300 = 510 against 700 → 190.
    expect(row('general-duties', 1406)).toMatchObject({ revenue: 700n, gap: 190n });
    expect(row('general-duties', 1406)?.spending.total).toBe(510n);
    // Dedicated duties 1405: A-2 50 + PR-1 1000 = 1050 against 300 → −750.
    expect(row('dedicated-duties', 1405)?.gap).toBe(-750n);
    // Unassigned (opex and sourceless items) has no revenue of its own.
    expect(row(null, 1407)).toMatchObject({ revenue: null, gap: null });
    expect(row(null, 1407)?.spending.total).toBe(220n);
    expect(balance.byClass.find((c) => c.revenueClass === 'dedicated-duties')?.sources).toEqual([
      'SRC-D',
    ]);
  });

  it('flags restricted sources that fund current spending, at the cell', () => {
    const flagged = balance.findings
      .filter((f) => f.code === 'FISCAL_RESTRICTED_CURRENT')
      .map((f) => `${f.table}!${f.cell}`);
    // A-2 is a continuous activity on the earmarked transport duty (row 3, SourceId in H);
    // B-2 is a current line on it; B-3 has no Kind but funds activity A-2 from the loan.
    // B-1 and B-4 fund projects; B-5 uses an unrestricted source.
    expect(flagged).toEqual(['tblActivities!H3', 'tblBudgetLines!E3', 'tblBudgetLines!E4']);
    const a2 = balance.findings.find((f) => f.cell === 'H3');
    expect(a2?.message.en).toContain('Transport duty');
    expect(a2?.message.fa).toContain('SRC-D');
    expect(restrictedSourceFindings(plan)).toHaveLength(3);
  });

  it('leaves for capital projects: revenue − activities − opex', () => {
    // 1405: 2000 − 250 − 20 = 1730; 1406: 1000 − 260 − 120 = 620; no 1407 forecast.
    const capital = capitalBudgetByYear(revenue, plan);
    expect([...capital]).toEqual([
      [1405, 1730n],
      [1406, 620n],
    ]);
    // The capital budget less the projects is the fiscal gap: 1730 − 1500 = 230, 620 − 1000 = −380.
    for (const y of balance.years)
      if (y.gap !== null) expect((capital.get(y.year) ?? 0n) - y.projects).toBe(y.gap);
  });

  it('subtracts the opex of every project not dropped, proposed ones included', () => {
    // Planned-opex basis: 1407's opex 180 includes proposed PR-4's 10; dropped PR-3's 1000 is out.
    const r = new Map([[1407, 1000n]]);
    expect(capitalBudgetByYear(r, plan).get(1407)).toBe(550n); // 1000 − 270 − 180
  });
});

describe('the capital budget of a plan: one scenario choice, one opex basis', () => {
  // One revenue class, flat at 1,000 a year: `base` grows it by 0 (1,000 a year), `pessimistic`
  // also by 0 with Adjustment 0.5 (500 a year); `optimistic` is not defined.
  const history = rawTable(
    'tblRevenueHistory',
    ['RevenueClass', 'Year', 'Amount'],
    [1402, 1403, 1404].map((y) => ['general-duties', y, 1000]),
  );
  const scenarios = (names: readonly string[]) =>
    rawTable(
      'tblRevenueScenarios',
      ['Scenario', 'RevenueClass', 'Method', 'GrowthRate', 'Adjustment'],
      names.map((n) => [n, 'general-duties', 'growth', 0, n === 'pessimistic' ? 0.5 : 1]),
    );
  const workbook = (info: RawCell[][], names = ['base', 'pessimistic']): RawWorkbook => ({
    tables: [
      ...city.tables.map((t) =>
        t.name === 'tblPlanInfo' ? { ...t, rows: [...t.rows, ...info] } : t,
      ),
      history,
      scenarios(names),
    ],
  });
  const budgetOf = (info: RawCell[][], options: { scenario?: string } = {}) =>
    computeCapitalBudget(readPlan(workbook(info)).plan, options);
  // Activities 250, 260, 270 and opex 20, 120, 180 (above): base 1000 − both; pessimistic 500 − both.
  const BASE = [
    [1405, 730n],
    [1406, 620n],
    [1407, 550n],
  ];
  const PESSIMISTIC = [
    [1405, 230n],
    [1406, 120n],
    [1407, 50n],
  ];

  it('is the base scenario when the workbook names none', () => {
    const b = budgetOf([]);
    if (!b.ok) throw new Error(b.message.en);
    expect(b.choice).toEqual({ name: 'base', from: 'default' });
    expect(b.forecast.scenario).toBe('base');
    expect([...b.byYear]).toEqual(BASE);
  });

  it('follows the Scenario of tblPlanInfo, by key or Persian caption, in any case', () => {
    for (const key of ['Scenario', 'سناریوی درآمد']) {
      const b = budgetOf([[key, 'PESSIMISTIC']]);
      if (!b.ok) throw new Error(b.message.en);
      expect(b.choice).toEqual({ name: 'PESSIMISTIC', from: 'plan' });
      expect(b.forecast.scenario).toBe('pessimistic');
      expect([...b.byYear]).toEqual(PESSIMISTIC);
    }
  });

  it('lets an explicit scenario override the workbook’s (a blank one does not)', () => {
    const asked = budgetOf([['Scenario', 'pessimistic']], { scenario: 'base' });
    expect(asked.ok && [...asked.byYear]).toEqual(BASE);
    expect(asked.choice.from).toBe('option');
    const blank = budgetOf([['Scenario', 'pessimistic']], { scenario: '  ' });
    expect(blank.ok && [...blank.byYear]).toEqual(PESSIMISTIC);
  });

  it('never falls back to the only or the first scenario of the table', () => {
    const b = computeCapitalBudget(readPlan(workbook([], ['pessimistic'])).plan);
    expect(b).toMatchObject({ ok: false, code: 'REVENUE_UNKNOWN_SCENARIO' });
    if (b.ok) return;
    expect(b.message.en).toBe(
      'scenario "base" is not in tblRevenueScenarios; name the plan\'s scenario in tblPlanInfo (Scenario)',
    );
  });

  it('says when the scenario the workbook names is not there, and validation locates it', () => {
    const wb = workbook([['Scenario', 'optimistic']]);
    const b = computeCapitalBudget(readPlan(wb).plan);
    expect(b).toMatchObject({ ok: false, code: 'REVENUE_UNKNOWN_SCENARIO' });
    if (!b.ok) expect(b.message.en).toContain('tblPlanInfo names it');
    const found = validateWorkbook(wb).findings.filter((f) => f.code === 'FISCAL_SCENARIO_UNKNOWN');
    // tblPlanInfo has StartYear, Years, then Scenario: sheet row 4, Value in column B.
    expect(found).toMatchObject([{ severity: 'warning', table: 'tblPlanInfo', cell: 'B4' }]);
    expect(found[0]?.message.fa).toContain('«optimistic»');
  });

  it('balances the validation check against the same scenario', () => {
    // 1405: spending 1,770 against base 1,000 (gap −770) or pessimistic 500 (gap −1,270).
    const deficits = (info: RawCell[][]) =>
      validateWorkbook(workbook(info))
        .findings.filter((f) => f.code === 'FISCAL_DEFICIT' && f.column === '1405')
        .map((f) => f.message.en);
    expect(deficits([])[0]).toContain('by 770 Rials');
    expect(deficits([['Scenario', 'pessimistic']])[0]).toContain('by 1,270 Rials');
  });

  it('takes the city framework’s Scenario into a department workbook that names none', () => {
    const framework: RawWorkbook = {
      tables: [planInfo({ Scenario: 'pessimistic' })],
    };
    const department = (own: RawCell[][]): RawWorkbook => ({
      tables: [rawTable('tblPlanInfo', ['Key', 'Value'], [['StartYear', 1405], ...own])],
    });
    const scenarioOf = (own: RawCell[][]) =>
      chooseScenario(readPlan(department(own), { reference: framework }).plan);
    expect(scenarioOf([])).toEqual({ name: 'pessimistic', from: 'plan' });
    expect(scenarioOf([['Scenario', 'base']])).toEqual({ name: 'base', from: 'plan' });
  });
});

describe('reference rows and big amounts', () => {
  it('counts reference items the workbook does not hold unless ownOnly', () => {
    const wb: RawWorkbook = {
      tables: [
        planInfo({ StartYear: 1405, Years: 1 }),
        rawTable(
          'tblActivities',
          ['ActivityId', 'ProgramId', '1405', 'SourceId'],
          [['A-1', 'P', '9007199254740993', 'S']],
        ),
        rawTable(
          'ref_tblActivities',
          ['ActivityId', 'ProgramId', '1405', 'SourceId'],
          [
            ['A-1', 'P', 5, 'S'], // the workbook's own A-1 wins
            ['A-9', 'P', '9007199254740993', 'S'],
          ],
        ),
      ],
    };
    const p = readPlan(wb).plan;
    // (2^53 + 1) + (2^53 + 1) = 18,014,398,509,481,986, exact.
    expect(spendingByYear(p).get(1405)?.total).toBe(18_014_398_509_481_986n);
    expect(spendingByYear(p, { ownOnly: true }).get(1405)?.total).toBe(9_007_199_254_740_993n);
  });
});

describe('properties over generated plans', () => {
  const money = fc.bigInt({ min: 0n, max: 10n ** 18n });
  const arb = fc.record({
    projects: fc.array(
      fc.record({
        costs: fc.tuple(money, money, money),
        end: fc.option(fc.integer({ min: 1400, max: 1407 }), { nil: null }),
        opex: money,
        status: fc.constantFrom('proposed', 'approved', 'ongoing', 'done', 'dropped', null),
        source: fc.constantFrom('', 'S1', 'S2'),
        dept: fc.constantFrom('', 'D1', 'D2'),
      }),
      { maxLength: 8 },
    ),
    activities: fc.array(
      fc.record({ costs: fc.tuple(money, money, money), source: fc.constantFrom('', 'S1') }),
      { maxLength: 5 },
    ),
    // v2's financial head: budget lines of Kind financial; only the current budget's stages count.
    financial: fc.array(
      fc.record({
        year: fc.constantFrom(1405, 1406, 1407),
        amount: money,
        stage: fc.constantFrom('approved', 'amended', 'supplement', 'proposed', 'outturn', null),
        link: fc.constantFrom('', 'PR0', 'A0'),
      }),
      { maxLength: 5 },
    ),
    revenue: fc.tuple(money, money, money),
  });
  const years = [1405, 1406, 1407];

  it('the total is the sum of its parts (financial head included), of its sources and of its departments; gap = capital − projects', () => {
    fc.assert(
      fc.property(arb, (g) => {
        const wb: RawWorkbook = {
          tables: [
            planInfo({ StartYear: 1405, Years: 3 }),
            rawTable(
              'tblProjects',
              PROJECT_HEADER,
              g.projects.map((p, i) => [
                `PR${i}`,
                'P',
                'x',
                p.dept,
                1400,
                p.end,
                ...p.costs.map(String),
                p.source,
                p.status,
                String(p.opex),
              ]),
            ),
            rawTable(
              'tblActivities',
              ['ActivityId', 'ProgramId', '1405', '1406', '1407', 'SourceId'],
              g.activities.map((a, i) => [`A${i}`, 'P', ...a.costs.map(String), a.source]),
            ),
            rawTable(
              'tblBudgetLines',
              ['BudgetCode', 'Year', 'Kind', 'LinkedId', 'SourceId', 'Amount', 'Stage'],
              g.financial.map((f, i) => [
                `F${i}`,
                f.year,
                'financial',
                f.link,
                'S1',
                String(f.amount),
                f.stage,
              ]),
            ),
          ],
        };
        const p = readPlan(wb).plan;
        const spending = spendingByYear(p);
        const revenue = new Map(years.map((y, k) => [y, g.revenue[k] ?? 0n]));
        const capital = capitalBudgetByYear(revenue, p);
        const balance = fiscalBalance(p, revenue);
        years.forEach((y, k) => {
          const s = spending.get(y);
          if (!s) throw new Error(`no ${y}`);
          // The contract's definition, computed here from the generator's numbers.
          const live = g.projects.filter((x) => x.status !== 'dropped');
          const acts = g.activities.reduce((t, a) => t + (a.costs[k] ?? 0n), 0n);
          const projs = live.reduce((t, x) => t + (x.costs[k] ?? 0n), 0n);
          const opex = live
            .filter((x) => x.end !== null && x.end < y)
            .reduce((t, x) => t + x.opex, 0n);
          const fin = g.financial
            .filter(
              (f) => f.year === y && ['approved', 'amended', 'supplement', null].includes(f.stage),
            )
            .reduce((t, f) => t + f.amount, 0n);
          expect([s.activities, s.projects, s.opex, s.financial, s.total]).toEqual([
            acts,
            projs,
            opex,
            fin,
            acts + projs + opex + fin,
          ]);
          const sum = (m: ReadonlyMap<string, { total: bigint }>) =>
            [...m.values()].reduce((t, v) => t + v.total, 0n);
          expect(sum(s.bySource)).toBe(s.total);
          expect(sum(s.byDept)).toBe(s.total);
          const fy = balance.years[k];
          expect(fy?.gap).toBe((g.revenue[k] ?? 0n) - s.total);
          expect((capital.get(y) ?? 0n) - s.projects).toBe(fy?.gap);
        });
      }),
      { numRuns: 80 },
    );
  });
});
