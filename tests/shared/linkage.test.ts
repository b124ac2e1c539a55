import fc from 'fast-check';
import type { RawWorkbook } from '#core';
import {
  chainLevel,
  coverageReport,
  formatChain,
  indexPlanLinks,
  readPlan,
  resolveChain,
  samplePlanWorkbook,
} from '#core';
import { planInfo, rawTable } from '../helpers/plan';

// A small city plan for 1405–1407 (amounts in Rials). The story: welfare
// goal G1 has two strategies with programs and money; G2 has a strategy whose
// program has nothing in it; G3 is a goal on paper only; S9 hangs from a goal
// that does not exist; P-04 names a strategy that does not exist; PR-5 names a
// program that does not exist and no source; PR-3 was dropped.
const city: RawWorkbook = {
  tables: [
    planInfo({ StartYear: 1405, Years: 3 }),
    rawTable(
      'tblUpstreamDocs',
      ['DocId', 'Title', 'Level'],
      [['D1', 'Comprehensive plan', 'city']],
    ),
    rawTable(
      'tblDirectives',
      ['DirectiveId', 'DocId', 'Text'],
      [
        ['DR1', 'D1', 'Expand public transport'],
        ['DR2', 'D9', 'Green belts'],
      ],
    ),
    rawTable(
      'tblGoals',
      ['GoalId', 'Title'],
      [
        ['G1', 'Citizen welfare'],
        ['G2', 'Financial sustainability'],
        ['G3', 'Green city'],
      ],
    ),
    rawTable(
      'tblStrategies',
      ['StrategyId', 'GoalId', 'Title', 'DirectiveIds'],
      [
        ['S1.1', 'G1', 'Public transport first', 'DR1'],
        ['S1.2', 'G1', 'Neighbourhood services', 'DR2، DR7'],
        ['S2.1', 'G2', 'Sustainable revenue', ''],
        ['S9', 'G7', 'Orphan strategy', 'DR404'],
      ],
    ),
    rawTable(
      'tblPrograms',
      ['ProgramId', 'StrategyId', 'Title'],
      [
        ['P-01', 'S1.1', 'Bus rapid transit'],
        ['P-02', 'S1.2', 'Local centres'],
        ['P-03', 'S2.1', 'Revenue reform'],
        ['P-04', 'S-X', 'Lost program'],
      ],
    ),
    rawTable(
      'tblFundingSources',
      ['SourceId', 'Title', 'RevenueClass', 'Restricted'],
      [
        ['SRC-G', 'General duties', 'general-duties', false],
        ['SRC-D', 'Transport duty', 'dedicated-duties', true],
        ['SRC-L', 'Bank loan', 'other-resources', true],
      ],
    ),
    rawTable(
      'tblProjects',
      [
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
      ],
      [
        ['PR-1', 'P-01', 'BRT line 1', 'D-TR', 1405, 1405, 1000, 0, 0, 'SRC-D', 'ongoing', 100],
        ['PR-2', 'P-02', 'Centre A', 'D-UR', 1405, 1406, 500, 700, 0, 'SRC-L', 'approved', 50],
        [
          'PR-3',
          'P-02',
          'Centre B',
          'D-UR',
          1405,
          1405,
          9999,
          9999,
          9999,
          'SRC-G',
          'dropped',
          1000,
        ],
        ['PR-4', 'P-04', 'Depot', 'D-TR', 1406, 1406, 0, 300, 0, 'SRC-G', 'proposed', 10],
        ['PR-5', 'PR-NONE', 'Kiosk', '', 1407, 1407, 0, 0, 40, '', 'proposed', 0],
        ['PR-6', 'P-01', 'Old terminal', 'D-TR', 1400, 1404, 0, 0, 0, 'SRC-G', 'done', 20],
      ],
    ),
    rawTable(
      'tblActivities',
      ['ActivityId', 'ProgramId', 'Title', 'Dept', '1405', '1406', '1407', 'SourceId'],
      [
        ['A-1', 'P-01', 'Bus operations', 'D-TR', 200, 210, 220, 'SRC-G'],
        ['A-2', 'P-02', 'Centre staff', 'D-UR', 50, 50, 50, 'SRC-D'],
      ],
    ),
    rawTable(
      'tblBudgetLines',
      ['BudgetCode', 'Year', 'Kind', 'LinkedId', 'SourceId', 'Amount'],
      [
        ['B-1405-01', 1405, 'capital', 'PR-1', 'SRC-D', 1000],
        ['B-1405-02', 1405, 'current', 'A-2', 'SRC-D', 50],
        ['B-1405-03', 1405, 'current', 'A-9', 'SRC-G', 30],
      ],
    ),
    rawTable(
      'tblKpis',
      ['KpiId', 'Level', 'LinkedId', 'Title', 'Direction', 'Baseline', '1405', '1406', '1407'],
      [
        ['K1', 'macro', 'G1', 'Satisfaction', 'increase', 40, 50, 60, 70],
        ['K2', 'micro', 'PR-1', 'Travel time', 'decrease', 30, 25, 20, 20],
        ['K3', 'macro', 'S1.1', 'Transit share', 'increase', 10, 12, 14, 16],
      ],
    ),
  ],
};

const { plan } = readPlan(city);
const years = [1405, 1406, 1407];
const perYear = (m: ReadonlyMap<number, bigint> | undefined) => years.map((y) => m?.get(y));

describe('the chain of a project: from its goal down to its budget lines', () => {
  const chain = resolveChain(plan, 'PR-1');

  it('climbs project › program › strategy › goal with titles', () => {
    expect(chain?.query.level).toBe('item');
    expect(chain?.item).toMatchObject({ id: 'PR-1', itemKind: 'project', table: 'tblProjects' });
    expect(chain?.program?.id).toBe('P-01');
    expect(chain?.strategy?.id).toBe('S1.1');
    expect(chain?.goal).toMatchObject({ id: 'G1', title: 'Citizen welfare' });
    expect(chain?.pathBreak).toBeNull();
    expect(chain && formatChain(chain, 'en', { titles: false })).toBe('G1 › S1.1 › P-01 › PR-1');
    expect(chain && formatChain(chain)).toBe(
      'G1 Citizen welfare › S1.1 Public transport first › P-01 Bus rapid transit › PR-1 BRT line 1',
    );
  });

  it('sums money up the tree, exactly, leaving dropped projects out', () => {
    // Item PR-1: its own costs 1000, 0, 0.
    expect(perYear(chain?.item?.money)).toEqual([1000n, 0n, 0n]);
    // P-01 = PR-1 (1000,0,0) + PR-6 (0,0,0) + A-1 (200,210,220) = (1200,210,220).
    expect(perYear(chain?.program?.money)).toEqual([1200n, 210n, 220n]);
    // S1.1 has only P-01.
    expect(perYear(chain?.strategy?.money)).toEqual([1200n, 210n, 220n]);
    // G1 = S1.1 + S1.2; S1.2 = P-02 = PR-2 (500,700,0) + A-2 (50,50,50), PR-3 dropped
    // → (550,750,50); G1 = (1750, 960, 270).
    expect(perYear(chain?.goal?.money)).toEqual([1750n, 960n, 270n]);
  });

  it('attaches KPIs at each level, budget lines, sources, directives and documents', () => {
    expect(chain?.goal?.kpis.map((k) => k.id)).toEqual(['K1']);
    expect(chain?.strategy?.kpis.map((k) => k.id)).toEqual(['K3']);
    expect(chain?.item?.kpis.map((k) => k.id)).toEqual(['K2']);
    expect(chain?.budgetLines.map((b) => b.id)).toEqual(['B-1405-01']);
    // The project and its line both name SRC-D: listed once.
    expect(chain?.sources.map((s) => s.id)).toEqual(['SRC-D']);
    expect(chain?.directives.map((d) => d.id)).toEqual(['DR1']);
    expect(chain?.documents.map((d) => d.id)).toEqual(['D1']);
    expect(chain?.breaks).toEqual([]);
  });

  it('gives one level for PLAN.BUDGET_LINK', () => {
    if (!chain) throw new Error('no chain');
    expect(chainLevel(chain, 'goal')).toEqual({ id: 'G1', title: 'Citizen welfare' });
    expect(chainLevel(chain, 'source')).toEqual({ id: 'SRC-D', title: 'Transport duty' });
    expect(chainLevel(chain, 'document')).toEqual({ id: 'D1', title: 'Comprehensive plan' });
    expect(chainLevel(chain, 'kpi')?.id).toBe('K2');
  });

  it('finds IDs typed with Persian digits or another case, and says null for unknown IDs', () => {
    expect(resolveChain(plan, 'PR-۱')?.item?.id).toBe('PR-1');
    expect(resolveChain(plan, 'pr-1')?.item?.id).toBe('PR-1');
    expect(resolveChain(plan, 'NOPE')).toBeNull();
    expect(resolveChain(plan, '  ')).toBeNull();
  });
});

describe('chains from other starting points', () => {
  const index = indexPlanLinks(plan);

  it('a budget code climbs through its item', () => {
    const chain = resolveChain(index, 'B-1405-02');
    expect(chain?.query.level).toBe('budget');
    expect(chain && formatChain(chain, 'en', { titles: false })).toBe(
      'G1 › S1.2 › P-02 › A-2 › B-1405-02',
    );
    expect(chain?.item?.itemKind).toBe('activity');
    expect(perYear(chain?.budgetLine?.money)).toEqual([50n, undefined, undefined]);
    expect(chain?.sources.map((s) => s.id)).toEqual(['SRC-D']);
  });

  it('a KPI shows the chain of what it measures', () => {
    const chain = resolveChain(index, 'K1');
    expect(chain?.query.level).toBe('kpi');
    expect(chain && formatChain(chain, 'en', { titles: false })).toBe('G1 › K1');
    expect(chain?.descendants.strategies.map((s) => s.id)).toEqual(['S1.1', 'S1.2']);
  });

  it('a strategy lists what lies below it and its upstream basis, naming broken links', () => {
    const chain = resolveChain(index, 'S1.2');
    expect(chain?.goal?.id).toBe('G1');
    expect(chain?.descendants.programs.map((p) => p.id)).toEqual(['P-02']);
    expect(chain?.descendants.items.map((i) => i.id)).toEqual(['PR-2', 'PR-3', 'A-2']);
    // The dropped project is listed but marked as not counted.
    expect(chain?.descendants.items.find((i) => i.id === 'PR-3')?.excluded).toBe(true);
    expect(chain?.budgetLines.map((b) => b.id)).toEqual(['B-1405-02']);
    expect(chain?.sources.map((s) => s.id).sort()).toEqual(['SRC-D', 'SRC-G', 'SRC-L']);
    expect(chain?.directives.map((d) => d.id)).toEqual(['DR2']);
    expect(chain?.documents).toEqual([]);
    // DR2 names document D9, which does not exist; DR7 does not exist (in the order listed).
    expect(chain?.breaks.map((b) => [b.at, b.missing, b.missingId, b.reason])).toEqual([
      ['directive', 'document', 'D9', 'missing'],
      ['strategy', 'directive', 'DR7', 'missing'],
    ]);
    expect(chain?.breaks[1]?.finding).toMatchObject({
      table: 'tblStrategies',
      row: 3,
      column: 'DirectiveIds',
      cell: 'D3',
    });
  });

  it('a broken chain says where it breaks instead of failing', () => {
    const depot = resolveChain(index, 'PR-4');
    expect(depot?.program?.id).toBe('P-04');
    expect(depot?.strategy).toBeNull();
    expect(depot?.goal).toBeNull();
    expect(depot?.pathBreak).toMatchObject({
      at: 'program',
      missing: 'strategy',
      missingId: 'S-X',
    });
    expect(depot && formatChain(depot, 'en', { titles: false })).toBe(
      'S-X (not found) › P-04 › PR-4',
    );
    expect(depot && formatChain(depot, 'fa', { titles: false })).toBe(
      'S-X (یافت نشد) › P-04 › PR-4',
    );

    const line = resolveChain(index, 'B-1405-03');
    expect(line?.pathBreak?.finding).toMatchObject({
      code: 'LINK_MISSING',
      table: 'tblBudgetLines',
      row: 4,
      column: 'LinkedId',
      cell: 'D4',
    });
    expect(line && formatChain(line, 'en', { titles: false })).toBe('A-9 (not found) › B-1405-03');

    const kiosk = resolveChain(index, 'PR-5');
    expect(kiosk?.breaks.map((b) => [b.missing, b.reason])).toEqual([
      ['program', 'missing'],
      ['source', 'empty'],
    ]);
  });

  it('picks a level when an ID is in several tables', () => {
    const twin: RawWorkbook = {
      tables: [
        planInfo({ StartYear: 1405 }),
        rawTable('tblGoals', ['GoalId', 'Title'], [['X1', 'Goal X1']]),
        rawTable('tblPrograms', ['ProgramId', 'StrategyId', 'Title'], [['X1', 'S1', 'Program X1']]),
      ],
    };
    const p = readPlan(twin).plan;
    const chain = resolveChain(p, 'X1');
    expect(chain?.query).toEqual({ id: 'X1', level: 'program', alsoMatches: ['goal'] });
    // No strategies table anywhere: S1 cannot be checked, which is not the same as missing.
    expect(chain?.pathBreak).toMatchObject({ reason: 'no-table', missing: 'strategy' });
    expect(chain?.pathBreak?.finding.code).toBe('LINK_UNCHECKED');
    expect(chain && formatChain(chain, 'en', { titles: false })).toBe('S1 (?) › X1');
    expect(resolveChain(p, 'X1', { level: 'goal' })?.goal?.title).toBe('Goal X1');
  });
});

describe('coverage of the plan', () => {
  const report = coverageReport(plan);

  it('lists what is intended without means, money without purpose, goals without measure', () => {
    expect(report.strategiesWithoutProgram.map((s) => s.id)).toEqual(['S9']);
    expect(report.programsWithoutMoney.map((p) => p.id)).toEqual(['P-03']);
    expect(report.moneyWithoutStrategy.map((m) => [m.ref.id, m.break.missingId])).toEqual([
      ['PR-4', 'S-X'],
      ['PR-5', 'PR-NONE'],
      ['B-1405-03', 'A-9'],
    ]);
    expect(perYear(report.moneyWithoutStrategy[0]?.money)).toEqual([0n, 300n, 0n]);
    expect(report.goalsWithoutMacroKpi.map((g) => g.id)).toEqual(['G2', 'G3']);
    expect(report.itemsWithoutSource.map((i) => i.ref.id)).toEqual(['PR-5']);
    // S2.1 names none; S9 names only DR404, which does not exist. S1.2's DR2 exists.
    expect(report.strategiesWithoutDirective.map((s) => s.id)).toEqual(['S2.1', 'S9']);
    expect(report.skipped).toEqual([]);
  });

  it('reports each gap as a located warning', () => {
    const codes = report.findings.map((f) => `${f.code} ${f.cell}`);
    expect(codes).toContain('COVERAGE_STRATEGY_NO_PROGRAM A5');
    expect(codes).toContain('COVERAGE_PROGRAM_NO_MONEY A4');
    expect(codes).toContain('COVERAGE_MONEY_NO_STRATEGY B5'); // PR-4's ProgramId, row 5
    expect(codes).toContain('COVERAGE_ITEM_NO_SOURCE J6'); // PR-5's SourceId, row 6
    expect(codes).toContain('COVERAGE_GOAL_NO_MACRO_KPI A3');
    expect(
      report.findings.every((f) => f.severity === 'warning' && f.message.fa && f.message.en),
    ).toBe(true);
  });

  it('totals money by goal, strategy, program, department and source, adding up exactly', () => {
    const t = report.totals;
    // Counted items: PR-1 (1000,0,0), PR-2 (500,700,0), PR-4 (0,300,0), PR-5 (0,0,40),
    // PR-6 (0,0,0), A-1 (200,210,220), A-2 (50,50,50) → (1750, 1260, 310).
    expect(perYear(t.total)).toEqual([1750n, 1260n, 310n]);
    expect(perYear(t.byGoal.get('G1'))).toEqual([1750n, 960n, 270n]);
    // PR-4 and PR-5 reach no goal: (0,300,0) + (0,0,40).
    expect(perYear(t.byGoal.get(''))).toEqual([0n, 300n, 40n]);
    expect(perYear(t.byStrategy.get('S1.2'))).toEqual([550n, 750n, 50n]);
    expect(perYear(t.byProgram.get('P-04'))).toEqual([0n, 300n, 0n]);
    // D-TR: PR-1 + PR-4 + PR-6 + A-1 = (1200, 510, 220).
    expect(perYear(t.byDept.get('D-TR'))).toEqual([1200n, 510n, 220n]);
    // SRC-D: PR-1 + A-2 = (1050, 50, 50).
    expect(perYear(t.bySource.get('SRC-D'))).toEqual([1050n, 50n, 50n]);
    expect(perYear(t.bySource.get(''))).toEqual([0n, 0n, 40n]);
  });
});

describe('a department workbook resolves the city framework from reference data', () => {
  const framework: RawWorkbook = {
    tables: [
      planInfo({ StartYear: 1405, Years: 2 }),
      rawTable(
        'tblGoals',
        ['GoalId', 'Title'],
        [
          ['G1', 'Welfare'],
          ['G2', 'Other goal'],
        ],
      ),
      rawTable(
        'tblStrategies',
        ['StrategyId', 'GoalId', 'Title', 'DirectiveIds'],
        [
          ['S1', 'G1', 'Strategy 1', ''],
          ['S2', 'G2', 'Strategy 2', ''],
        ],
      ),
      rawTable('tblPrograms', ['ProgramId', 'StrategyId', 'Title'], [['P1', 'S1', 'Program 1']]),
      rawTable(
        'tblFundingSources',
        ['SourceId', 'Title', 'RevenueClass'],
        [['SRC', 'General', 'general-duties']],
      ),
    ],
  };
  // Amounts past 2^53 (≈ 9.007e15) stay exact: 9,007,199,254,740,993 is 2^53 + 1.
  const dept: RawWorkbook = {
    tables: [
      planInfo({ StartYear: 1405, Years: 2, Department: 'D-7' }),
      rawTable(
        'tblProjects',
        ['ProjectId', 'ProgramId', 'Title', 'StartYear', 'EndYear', '1405', '1406', 'SourceId'],
        [
          ['X-1', 'P1', 'Tunnel', 1405, 1406, '9007199254740993', '9007199254740993', 'SRC'],
          ['X-2', 'P1', 'Bridge', 1405, 1406, '9007199254740993', 1, 'SRC'],
        ],
      ),
    ],
  };
  const { plan: deptPlan } = readPlan(dept, { reference: framework });

  it('links own projects to reference programs, strategies and goals, with exact big sums', () => {
    const chain = resolveChain(deptPlan, 'X-1');
    expect(chain?.goal?.id).toBe('G1');
    expect(chain?.goal?.reference).toBe(true);
    expect(chain?.item?.reference).toBe(false);
    // 2 × (2^53 + 1) = 18,014,398,509,481,986 in 1405; (2^53 + 1) + 1 in 1406.
    expect(chain?.goal?.money.get(1405)).toBe(18_014_398_509_481_986n);
    expect(chain?.goal?.money.get(1406)).toBe(9_007_199_254_740_994n);
  });

  it('lists framework gaps but leaves their findings to the register', () => {
    const report = coverageReport(deptPlan);
    expect(report.strategiesWithoutProgram.map((s) => [s.id, s.reference])).toEqual([['S2', true]]);
    expect(report.findings.filter((f) => f.code === 'COVERAGE_STRATEGY_NO_PROGRAM')).toEqual([]);
    // No KPI table anywhere: that check waits for consolidation.
    expect(report.skipped.map((s) => s.check)).toContain('goals-without-macro-kpi');
  });
});

describe('properties over generated plans', () => {
  // A plan of goals › strategies › programs › projects, every link valid, random money.
  const arbPlan = fc
    .record({
      goals: fc.integer({ min: 1, max: 3 }),
      strategies: fc.integer({ min: 1, max: 4 }),
      programs: fc.integer({ min: 1, max: 5 }),
      items: fc.array(
        fc.record({
          program: fc.nat(),
          costs: fc.tuple(
            fc.bigInt({ min: 0n, max: 10n ** 18n }),
            fc.bigInt({ min: 0n, max: 10n ** 18n }),
          ),
          dropped: fc.boolean(),
          dept: fc.constantFrom('', 'D1', 'D2'),
          source: fc.constantFrom('', 'S-A', 'S-B'),
        }),
        { maxLength: 12 },
      ),
    })
    .map((g) => {
      const goalIds = Array.from({ length: g.goals }, (_, i) => `G${i}`);
      const strategyIds = Array.from({ length: g.strategies }, (_, i) => `S${i}`);
      const programIds = Array.from({ length: g.programs }, (_, i) => `P${i}`);
      const strategyGoal = strategyIds.map((_, i) => goalIds[i % goalIds.length] as string);
      const programStrategy = programIds.map(
        (_, i) => strategyIds[i % strategyIds.length] as string,
      );
      const items = g.items.map((it, i) => ({
        ...it,
        id: `PR${i}`,
        programId: programIds[it.program % programIds.length] as string,
      }));
      const wb: RawWorkbook = {
        tables: [
          planInfo({ StartYear: 1405, Years: 2 }),
          rawTable(
            'tblGoals',
            ['GoalId', 'Title'],
            goalIds.map((id) => [id, id]),
          ),
          rawTable(
            'tblStrategies',
            ['StrategyId', 'GoalId', 'Title'],
            strategyIds.map((id, i) => [id, strategyGoal[i] ?? '', id]),
          ),
          rawTable(
            'tblPrograms',
            ['ProgramId', 'StrategyId', 'Title'],
            programIds.map((id, i) => [id, programStrategy[i] ?? '', id]),
          ),
          rawTable(
            'tblProjects',
            [
              'ProjectId',
              'ProgramId',
              'Title',
              'Dept',
              'StartYear',
              'EndYear',
              '1405',
              '1406',
              'SourceId',
              'Status',
            ],
            items.map((it) => [
              it.id,
              it.programId,
              it.id,
              it.dept,
              1405,
              1406,
              String(it.costs[0]),
              String(it.costs[1]),
              it.source,
              it.dropped ? 'dropped' : 'approved',
            ]),
          ),
        ],
      };
      const goalOfProgram = new Map(
        programIds.map((p, i) => {
          const s = strategyIds.indexOf(programStrategy[i] ?? '');
          return [p, strategyGoal[s] ?? ''] as const;
        }),
      );
      return { wb, items, goalOfProgram };
    });

  const sumOf = (m: ReadonlyMap<string, ReadonlyMap<number, bigint>>, y: number) =>
    [...m.values()].reduce((s, v) => s + (v.get(y) ?? 0n), 0n);

  it('every project reaches its goal when every link exists', () => {
    fc.assert(
      fc.property(arbPlan, ({ wb, items, goalOfProgram }) => {
        const index = indexPlanLinks(readPlan(wb).plan);
        for (const it of items) {
          const chain = resolveChain(index, it.id);
          expect(chain?.pathBreak).toBeNull();
          expect(chain?.goal?.id).toBe(goalOfProgram.get(it.programId));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('each goal holds the sum of its programs, and every split of the totals adds up', () => {
    fc.assert(
      fc.property(arbPlan, ({ wb, items }) => {
        const p = readPlan(wb).plan;
        const report = coverageReport(p);
        for (const [k, y] of [0, 1].map((k) => [k, 1405 + k] as const)) {
          // Σ counted items' costs, computed directly from the generator's numbers.
          const expected = items
            .filter((i) => !i.dropped)
            .reduce((s, i) => s + (i.costs[k] ?? 0n), 0n);
          expect(report.totals.total.get(y)).toBe(expected);
          for (const split of ['byGoal', 'byStrategy', 'byProgram', 'byDept', 'bySource'] as const)
            expect(sumOf(report.totals[split], y)).toBe(expected);
          // Every link exists, so nothing lands in the '' bucket of goals.
          expect(report.totals.byGoal.get('')?.get(y) ?? 0n).toBe(0n);
          // A goal's chain money equals the coverage total of that goal.
          for (const g of report.totals.byGoal.keys())
            expect(resolveChain(p, g, { level: 'goal' })?.goal?.money.get(y)).toBe(
              report.totals.byGoal.get(g)?.get(y),
            );
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('schemes (طرح, contract v2) between a program and its projects', () => {
  // Program P-1 has schemes SC1 (projects PR-1 300+200, PR-2 dropped 999) and SC2 (none yet);
  // PR-3 names no program, only its scheme SC1; activity A-1 is in P-1 with no scheme.
  const wb: RawWorkbook = {
    tables: [
      planInfo({ StartYear: 1405, Years: 2 }),
      rawTable('tblGoals', ['GoalId', 'Title'], [['G1', 'Mobility']]),
      rawTable('tblStrategies', ['StrategyId', 'GoalId', 'Title'], [['S1', 'G1', 'Transit']]),
      rawTable('tblPrograms', ['ProgramId', 'StrategyId', 'Title'], [['P-1', 'S1', 'Buses']]),
      rawTable(
        'tblSchemes',
        ['SchemeId', 'ProgramId', 'Title'],
        [
          ['SC1', 'P-1', 'Fleet renewal'],
          ['SC2', 'P-1', 'Depots'],
        ],
      ),
      rawTable(
        'tblProjects',
        ['ProjectId', 'ProgramId', 'SchemeId', 'Title', 'Status', '1405', '1406'],
        [
          ['PR-1', 'P-1', 'SC1', 'Electric buses', 'approved', 300, 200],
          ['PR-2', 'P-1', 'SC1', 'Diesel buses', 'dropped', 999, 0],
          ['PR-3', '', 'SC1', 'Minibuses', 'proposed', 0, 50],
        ],
      ),
      rawTable(
        'tblActivities',
        ['ActivityId', 'ProgramId', 'Title', '1405', '1406'],
        [['A-1', 'P-1', 'Bus operation', 10, 10]],
      ),
    ],
  };
  const { plan } = readPlan(wb);
  const index = indexPlanLinks(plan);

  it('puts a project’s scheme on its path, between program and project', () => {
    const chain = resolveChain(index, 'PR-1');
    expect(formatChain(chain!, 'en', { titles: false })).toBe('G1 › S1 › P-1 › SC1 › PR-1');
    expect(chainLevel(chain!, 'scheme')).toEqual({ id: 'SC1', title: 'Fleet renewal' });
    // An activity has no scheme.
    expect(resolveChain(index, 'A-1')?.scheme).toBeNull();
  });

  it('reaches the program through the scheme when a project names none', () => {
    const chain = resolveChain(index, 'PR-3');
    expect(formatChain(chain!, 'en', { titles: false })).toBe('G1 › S1 › P-1 › SC1 › PR-3');
    expect(chain?.pathBreak).toBeNull();
  });

  it('resolves a scheme: its program above, its projects below, their money summed', () => {
    const chain = resolveChain(index, 'SC1');
    expect(chain?.query.level).toBe('scheme');
    expect(chain?.program?.id).toBe('P-1');
    expect(chain?.descendants.items.map((i) => i.id)).toEqual(['PR-1', 'PR-2', 'PR-3']);
    // PR-1 300 + 200, PR-3 0 + 50; the dropped PR-2 counts nowhere.
    expect([...(chain?.scheme?.money ?? [])]).toEqual([
      [1405, 300n],
      [1406, 250n],
    ]);
  });

  it('lists a program’s schemes, and keeps its money as the sum of its items', () => {
    const chain = resolveChain(index, 'P-1');
    expect(chain?.descendants.schemes.map((s) => s.id)).toEqual(['SC1', 'SC2']);
    expect(chainLevel(chain!, 'scheme', 'fa')?.id).toBe('SC1، SC2');
    // 300 + 10 and 200 + 50 + 10: a scheme is a part of its program, not added to it.
    expect([...(chain?.program?.money ?? [])]).toEqual([
      [1405, 310n],
      [1406, 260n],
    ]);
  });
});

describe('coverage of schemes and budget codes (contract v2)', () => {
  // P-1 (code 01-01, function 01) has scheme SC1 (code 01-01-1) with project PR-1 costing
  // 100, and scheme SC2 (code 01-01-2) with only a dropped project; P-2 (code 01-02) has
  // nothing. A loan's principal links no item.
  const wb: RawWorkbook = {
    tables: [
      planInfo({ StartYear: 1405, Years: 1 }),
      rawTable('tblGoals', ['GoalId', 'Title'], [['G1', 'Mobility']]),
      rawTable('tblStrategies', ['StrategyId', 'GoalId', 'Title'], [['S1', 'G1', 'Transit']]),
      rawTable(
        'tblPrograms',
        ['ProgramId', 'StrategyId', 'Title', 'BudgetCode', 'Function'],
        [
          ['P-1', 'S1', 'Buses', '01-01', '01'],
          ['P-2', 'S1', 'Trams', '01-02', '01'],
        ],
      ),
      rawTable(
        'tblSchemes',
        ['SchemeId', 'ProgramId', 'Title', 'BudgetCode'],
        [
          ['SC1', 'P-1', 'Fleet', '01-01-1'],
          ['SC2', 'P-1', 'Depots', '01-01-2'],
        ],
      ),
      rawTable(
        'tblProjects',
        ['ProjectId', 'ProgramId', 'SchemeId', 'Title', 'Status', '1405'],
        [
          ['PR-1', 'P-1', 'SC1', 'Electric buses', 'approved', 100],
          ['PR-2', 'P-1', 'SC2', 'Old depot', 'dropped', 50],
        ],
      ),
      rawTable(
        'tblBudgetCodes',
        ['Code', 'ParentCode', 'Level', 'Title'],
        [
          ['01', '', 'function', 'Transport'],
          ['01-01', '01', 'program', 'Buses'],
          ['01-01-1', '01-01', 'scheme', 'Fleet'],
          ['01-01-2', '01-01', 'scheme', 'Depots'],
          ['01-02', '01', 'program', 'Trams'],
          ['1', '', 'chapter', 'Compensation'],
        ],
      ),
      rawTable(
        'tblBudgetLines',
        ['BudgetCode', 'Year', 'Kind', 'LinkedId', 'Amount'],
        [['F-1', 1405, 'financial', '', 30]],
      ),
    ],
  };
  const report = coverageReport(readPlan(wb).plan);

  it('lists schemes without a counted project, with a located warning', () => {
    expect(report.schemesWithoutProject.map((s) => s.id)).toEqual(['SC2']);
    expect(report.findings.map((f) => f.code)).toContain('COVERAGE_SCHEME_NO_PROJECT');
  });

  it('lists the spending codes no money reaches (chapters are not spending codes here)', () => {
    // PR-1's money marks its scheme's 01-01-1, its program's 01-01 and the function 01.
    expect(report.budgetCodesWithoutMoney).toEqual(['01-01-2', '01-02']);
  });

  it('does not count a loan’s principal (no item) as money without a strategy', () => {
    expect(report.moneyWithoutStrategy).toEqual([]);
  });
});

describe('a budget code an item, scheme or program carries (contract v2)', () => {
  const { plan } = readPlan(samplePlanWorkbook());
  const index = indexPlanLinks(plan);
  const project = plan.tables.tblProjects?.rows.find((r) => r.ProjectId === 'P-016');
  const scheme = plan.tables.tblSchemes?.rows.find((r) => r.SchemeId === project?.SchemeId);

  it('resolves to the row that carries it, as its ID would', () => {
    expect(project?.BudgetCode).toBeTruthy();
    const byCode = resolveChain(index, project?.BudgetCode ?? '');
    expect(byCode?.query.level).toBe('item');
    expect(byCode?.item?.id).toBe('P-016');
    expect(formatChain(byCode!, 'en', { titles: false })).toBe(
      formatChain(resolveChain(index, 'P-016')!, 'en', { titles: false }),
    );
    expect(resolveChain(index, scheme?.BudgetCode ?? '')?.scheme?.id).toBe(scheme?.SchemeId);
  });

  it('keeps an ID first, and the asked level', () => {
    expect(resolveChain(index, project?.BudgetCode ?? '', { level: 'program' })).toBeNull();
    expect(resolveChain(index, 'no-such-code')).toBeNull();
  });
});
