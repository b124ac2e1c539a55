/**
 * The guided process's completeness scores, against plans small enough to count by hand. The
 * expected numbers are counted from the tables typed below: each comment says which rows make
 * each count.
 */
import type { RawWorkbook } from '#core';
import {
  departmentProgress,
  frameworkProgress,
  covers,
  nextStep,
  periodsDue,
  processProgress,
  unreported,
  readPlan,
  samplePlanWorkbook,
} from '#core';
import { planInfo, rawTable } from '../helpers/plan';

const byPhase = <T extends { phase: string }>(list: readonly T[], id: string): T => {
  const found = list.find((p) => p.phase === id);
  if (found === undefined) throw new Error(`no phase ${id}`);
  return found;
};

/** A framework half done: two documents (one with a directive), SWOT with no threat, … */
const framework: RawWorkbook = {
  tables: [
    planInfo({ StartYear: 1405, Years: 2, WorkbookKind: 'framework', Vision: '' }),
    rawTable(
      'tblUpstreamDocs',
      ['DocId', 'Title', 'Level', 'Type'],
      [
        ['D1', 'طرح جامع', 'city', 'comprehensive'],
        ['D2', 'طرح تفصیلی', 'city', 'detailed'],
      ],
    ),
    rawTable('tblDirectives', ['DirectiveId', 'DocId', 'Text'], [['R1', 'D1', 'توسعه حمل‌ونقل']]),
    rawTable(
      'tblSwot',
      ['FactorId', 'Kind', 'Text', 'Weight', 'Rating'],
      [
        ['F1', 'S', 'الف', 0.6, 4],
        ['F2', 'W', 'ب', 0.4, 2],
        ['F3', 'O', 'پ', 0.5, 3],
      ],
    ),
    rawTable(
      'tblGoals',
      ['GoalId', 'Title', 'Perspective'],
      [
        ['G1', 'هدف یک', 'citizen'],
        ['G2', 'هدف دو', 'financial'],
        ['G3', 'هدف سه', 'process'],
      ],
    ),
    rawTable(
      'tblStrategies',
      ['StrategyId', 'GoalId', 'Title', 'SwotType', 'MunicipalRole', 'OwnerDept'],
      [
        ['S1', 'G1', 'راهبرد یک', 'SO', 'lead', 'D-CIV'],
        ['S2', 'G1', 'راهبرد دو', 'ST', null, 'D-CIV'],
        ['S3', 'G2', 'راهبرد سه', 'WO', 'partner', null],
      ],
    ),
    rawTable(
      'tblPrograms',
      ['ProgramId', 'StrategyId', 'Title', 'OwnerDept'],
      [
        ['PR1', 'S1', 'برنامه یک', 'D-CIV'],
        ['PR2', 'S1', 'برنامه دو', 'D-TRF'],
      ],
    ),
    rawTable(
      'tblKpis',
      [
        'KpiId',
        'Level',
        'LinkedId',
        'Title',
        'Unit',
        'Direction',
        'Baseline',
        'BaselineYear',
        '1405',
        '1406',
        'OwnerDept',
      ],
      [
        ['K1', 'macro', 'G1', 'شاخص یک', 'درصد', 'increase', 10, 1404, 12, 14, 'D-CIV'],
        ['K2', 'micro', 'G2', 'شاخص دو', 'درصد', 'increase', 10, 1404, 12, null, 'D-CIV'],
        ['K3', 'macro', 'G3', 'شاخص سه', 'درصد', 'increase', null, null, 12, 14, 'D-TRF'],
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
        'SourceId',
      ],
      [
        ['P1', 'PR1', 'پروژه یک', 'D-CIV', 1405, 1406, 100, 50, 'SRC1'],
        ['P2', 'PR1', 'پروژه دو', 'D-CIV', null, null, 0, 0, null],
        ['P3', 'PR2', 'پروژه سه', 'D-TRF', 1406, 1406, 0, 70, 'SRC1'],
      ],
    ),
    rawTable(
      'tblActivities',
      ['ActivityId', 'ProgramId', 'Title', 'Dept', 'Kind', '1405', '1406', 'SourceId'],
      [['A1', 'PR1', 'فعالیت یک', 'D-CIV', 'service', 30, 30, 'SRC1']],
    ),
    rawTable(
      'tblBudgetLines',
      ['BudgetCode', 'Year', 'Kind', 'LinkedId', 'SourceId', 'Amount'],
      [
        ['B1', 1405, 'capital', 'P1', 'SRC1', 100],
        ['B2', 1406, 'current', 'A1', 'SRC1', 30],
      ],
    ),
  ],
};

describe('the guided process: completeness counted by hand', () => {
  const { plan } = readPlan(framework);

  it('counts the planning office’s phases from the framework', () => {
    const phases = frameworkProgress(plan);
    // upstream: 1 of 1 (documents listed) + 1 of 2 (D1 has directive R1, D2 none) = 2 of 3.
    expect(byPhase(phases, 'upstream')).toMatchObject({ done: 2, total: 3 });
    // swot: kinds S, W, O of the four = 3 of 4; weights: S+W = 1.0 yes, O+T = 0.5 no = 1 of 2.
    expect(byPhase(phases, 'swot')).toMatchObject({ done: 4, total: 6 });
    // vision: no vision 0/1, goals listed 1/1, macro KPI for G1 (K1) and G3 (K3), not G2 (K2
    // is micro) 2/3 = 3 of 5.
    expect(byPhase(phases, 'vision')).toMatchObject({ done: 3, total: 5, score: 3 / 5 });
    // strategies: G1 and G2 have one, G3 none 2/3; role and owner: S1 only 1/3 (S2 no role,
    // S3 no owner); a program: S1 only 1/3 = 4 of 9.
    expect(byPhase(phases, 'strategies')).toMatchObject({ done: 4, total: 9 });
  });

  it('counts a department’s own phases, only from what it owns', () => {
    const civ = departmentProgress(plan, 'D-CIV');
    // programs: items listed 1/1; D-CIV owns PR1, which has P1 = 1/1; its projects P1 (years
    // and costs) and P2 (neither) = 1/2; sources: P1 and A1 yes, P2 none = 2/3; its KPIs K1
    // (baseline, both targets) and K2 (no 1406 target) = 1/2. In all 6 of 9.
    const programs = byPhase(civ, 'programs');
    expect(programs).toMatchObject({ done: 6, total: 9 });
    expect(programs.requirements.map((r) => [r.key, r.done, r.total])).toEqual([
      ['items', 1, 1],
      ['programItems', 1, 1],
      ['projectCosts', 1, 2],
      ['sources', 2, 3],
      ['kpiTargets', 1, 2],
    ]);
    // budget: first year 1405 costs: P1 (100) and A1 (30), P2 has 0; lines of 1405: B1 for P1
    // (B2 is 1406) = 1 of 2.
    expect(byPhase(civ, 'budget')).toMatchObject({ done: 1, total: 2, score: 0.5 });
    // The next step is the first requirement not done, in phase order: P2's years and cost.
    expect(nextStep(civ)).toMatchObject({ phase: 'programs', requirement: 'projectCosts' });

    const trf = departmentProgress(plan, 'D-TRF');
    // D-TRF: PR2 has P3 1/1, P3 costed 1/1, sources 1/1, K3 no baseline 0/1; first year: P3
    // costs nothing in 1405, so the budget has nothing to count.
    expect(byPhase(trf, 'programs')).toMatchObject({ done: 4, total: 5 });
    expect(byPhase(trf, 'budget')).toMatchObject({ done: 0, total: 0, score: null });
  });

  it('adds what the register knows: sent, approved, adopted, monitored', () => {
    const progress = processProgress(
      plan,
      [
        {
          code: 'D-CIV',
          submitted: true,
          approved: true,
          reportedThrough: { year: 1405, period: 'H1' },
        },
        { code: 'D-TRF', submitted: true, approved: false, reportedThrough: null },
      ],
      {
        snapshot: false,
        adopted: false,
        published: false,
        periodsDue: [{ year: 1405, period: 'H1' }],
      },
    );
    // City agreement: one of two departments approved.
    expect(byPhase(progress.phases, 'agreement')).toMatchObject({ done: 1, total: 2 });
    // Adoption: nothing yet, 0 of 3; monitoring: D-CIV reported 1405-H1, D-TRF not = 1 of 2.
    expect(byPhase(progress.phases, 'adoption')).toMatchObject({ done: 0, total: 3 });
    expect(byPhase(progress.phases, 'monitoring')).toMatchObject({ done: 1, total: 2 });
    // The phases come in the instruction's order.
    expect(progress.phases.map((p) => p.phase)).toEqual([
      'upstream',
      'swot',
      'vision',
      'strategies',
      'programs',
      'budget',
      'agreement',
      'adoption',
      'monitoring',
    ]);
    // The office's next step: the first thing not done of its own phases (D2's directive).
    expect(progress.next).toMatchObject({ phase: 'upstream', requirement: 'directives' });
    const trf = progress.departments.find((d) => d.code === 'D-TRF');
    expect(byPhase(trf?.phases ?? [], 'agreement')).toMatchObject({ done: 1, total: 2 });
    expect(trf?.next).toMatchObject({ phase: 'programs', requirement: 'kpiTargets' });
  });

  it('finds the sample city’s framework complete but for what it lacks', () => {
    const sample = readPlan(samplePlanWorkbook()).plan;
    const phases = frameworkProgress(sample);
    // The sample is a complete plan: each framework phase is fully done.
    for (const p of phases) expect([p.phase, p.done]).toEqual([p.phase, p.total]);
  });
});

describe('the six-monthly reports: when each is due', () => {
  // Deadlines: H1 of 1405 at the end of Mehr 1405 (30 Mehr: months 7–11 have 30 days), the year
  // 1405 at the end of Farvardin 1406 (31 days).
  it('lists the periods whose deadline has passed', () => {
    expect(periodsDue([1405, 1406], { jy: 1405, jm: 7, jd: 30 })).toEqual([]);
    expect(periodsDue([1405, 1406], { jy: 1405, jm: 8, jd: 1 })).toEqual([
      { year: 1405, period: 'H1' },
    ]);
    expect(periodsDue([1405, 1406], { jy: 1406, jm: 2, jd: 1 })).toEqual([
      { year: 1405, period: 'H1' },
      { year: 1405, period: 'FY' },
    ]);
  });
  it('counts a later cumulative report as covering an earlier period', () => {
    expect(covers({ year: 1405, period: 'Q3' }, { year: 1405, period: 'H1' })).toBe(true);
    expect(covers({ year: 1405, period: 'Q1' }, { year: 1405, period: 'H1' })).toBe(false);
    expect(covers({ year: 1406, period: 'Q1' }, { year: 1405, period: 'FY' })).toBe(true);
    expect(covers(null, { year: 1405, period: 'H1' })).toBe(false);
  });
});

describe('owners who have not reported', () => {
  const monitored: RawWorkbook = {
    tables: [
      ...framework.tables.filter((t) => t.name !== 'tblKpis'),
      rawTable(
        'tblKpis',
        ['KpiId', 'Level', 'LinkedId', 'Title', 'Unit', 'Direction', 'OwnerDept', 'Frequency'],
        [
          ['K1', 'macro', 'G1', 'شاخص یک', 'درصد', 'increase', 'D-CIV', 'semiannual'],
          ['K2', 'macro', 'G2', 'شاخص دو', 'درصد', 'increase', 'D-CIV', 'annual'],
          ['K3', 'macro', 'G3', 'شاخص سه', 'درصد', 'increase', 'D-TRF', 'quarterly'],
        ],
      ),
      rawTable('tblKpiActuals', ['KpiId', 'Year', 'Period', 'Actual'], [['K3', 1405, 'Q3', 11]]),
      rawTable('tblActuals', ['LinkedId', 'Year', 'Period', 'Spent'], [['P1', 1405, 'Q1', 10]]),
    ],
  };
  it('lists each KPI and project of the period without a report, with its owner', () => {
    const { plan } = readPlan(monitored);
    const missing = unreported(plan, { year: 1405, period: 'H1' });
    // K1 (semiannual, nothing reported) is missing; K2 is annual (asked at FY only); K3's Q3
    // report covers H1. P1 reported Q1 only (before H1's end): missing; P2 has no years: not
    // counted; P3 runs 1406 only: not under way in 1405.
    expect(missing.map((m) => [m.kind, m.id, m.dept])).toEqual([
      ['kpi', 'K1', 'D-CIV'],
      ['project', 'P1', 'D-CIV'],
    ]);
    const fy = unreported(plan, { year: 1405, period: 'FY' });
    expect(fy.map((m) => m.id)).toEqual(['K1', 'K2', 'K3', 'P1']);
  });
});
