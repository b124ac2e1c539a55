/**
 * The council's amendments in the core: a proposal is checked against the rows of the
 * snapshot it amends, and a later snapshot carries it or says why not. The plan here is built
 * by hand: two projects (P-1 costing 100 and 200 Rials in 1405 and 1406), one activity, one
 * program, plan years 1405–1409.
 */
import type { AmendmentPlan, AmendmentProposal, ApiPublicPlan, CanonicalTable } from '#core';
import {
  AMENDMENT_KIND_CAPTIONS,
  AMENDMENT_KINDS,
  amendmentPlanOf,
  amendmentProblemsOf,
  toAmendmentProblemDetail,
  judgeAmendmentCarried,
  projectCostOf,
  validateAmendments,
} from '#core';

const table = (name: string, rows: CanonicalTable['rows']): CanonicalTable =>
  ({ name, columns: Object.keys(rows[0] ?? {}), rows }) as unknown as CanonicalTable;

const plan = (projects = true): AmendmentPlan => ({
  years: [1405, 1406, 1407, 1408, 1409],
  tables: [
    table(
      'tblProjects',
      projects
        ? [
            { ProjectId: 'P-1', Title: 'Park', '1405': '100', '1406': '200' },
            { ProjectId: 'P-2', Title: 'Road', '1405': '50' },
          ]
        : [{ ProjectId: 'P-2', Title: 'Road', '1405': '50' }],
    ),
    table('tblActivities', [{ ActivityId: 'A-1', Title: 'Cleaning', '1405': '7' }]),
    table('tblPrograms', [{ ProgramId: 'PR-1', Title: 'Green city' }]),
  ],
});

describe('the council’s amendments', () => {
  it('has a caption in both languages for every kind', () => {
    for (const k of AMENDMENT_KINDS) {
      expect(AMENDMENT_KIND_CAPTIONS[k].fa).not.toBe('');
      expect(AMENDMENT_KIND_CAPTIONS[k].en).not.toBe('');
    }
  });

  it('takes sound proposals of every kind', () => {
    const ok: AmendmentProposal[] = [
      { kind: 'change-cost', itemId: 'P-1', year: 1406, amount: '150' },
      { kind: 'change-cost', itemId: 'P-1', year: 1405, amount: '0', text: 'cheaper' },
      { kind: 'drop', itemId: 'A-1' },
      { kind: 'condition', itemId: 'PR-1', text: 'Only with the province’s share' },
      { kind: 'condition', itemId: 'P-2', year: 1407, text: 'After the tender' },
    ];
    expect(validateAmendments(ok, plan())).toEqual([]);
  });

  it('names each problem by index and field', () => {
    const bad: AmendmentProposal[] = [
      // A cost is a project's: an activity has none to change here.
      { kind: 'change-cost', itemId: 'A-1', year: 1405, amount: '5' },
      // 1410 is past the plan; 12.5 is not whole Rials.
      { kind: 'change-cost', itemId: 'P-2', year: 1410, amount: '12.5' },
      { kind: 'change-cost', itemId: 'P-2', amount: '-1' },
      { kind: 'drop', itemId: 'PR-1', year: 1405 },
      { kind: 'condition', itemId: 'NOPE', text: '  ' },
    ];
    const problems = validateAmendments(bad, plan()).map((p) => [p.index, p.field]);
    expect(problems).toEqual([
      [0, 'itemId'],
      [1, 'year'],
      [1, 'amount'],
      [2, 'year'],
      [2, 'amount'],
      [3, 'itemId'],
      [3, 'year'],
      [4, 'itemId'],
      [4, 'text'],
    ]);
    const [first] = validateAmendments(bad, plan());
    expect(first?.message.en).toBe('There is no project A-1 in this snapshot.');
    expect(first?.message.fa).toContain('\u2068A-1\u2069');
  });

  it('refuses proposals that contradict each other', () => {
    const twice: AmendmentProposal[] = [
      { kind: 'change-cost', itemId: 'P-1', year: 1405, amount: '1' },
      { kind: 'change-cost', itemId: 'P-1', year: 1405, amount: '2' },
      { kind: 'drop', itemId: 'P-1' },
      { kind: 'drop', itemId: 'P-1' },
    ];
    expect(validateAmendments(twice, plan()).map((p) => [p.index, p.field])).toEqual([
      [0, 'itemId'],
      [1, 'year'],
      [1, 'itemId'],
      [3, 'itemId'],
    ]);
  });

  it('reads a project’s cost of a year from the rows', () => {
    expect(projectCostOf(plan(), 'P-1', 1406)).toBe(200n);
    expect(projectCostOf(plan(), 'P-2', 1406)).toBe(0n);
    expect(projectCostOf(plan(), 'P-9', 1406)).toBeNull();
  });

  it('says whether a later snapshot carries an amendment', () => {
    const cost = { kind: 'change-cost' as const, itemId: 'P-1', year: 1406, amount: '200' };
    expect(judgeAmendmentCarried(cost, plan())).toBeNull();
    expect(judgeAmendmentCarried({ ...cost, amount: '150' }, plan())?.en).toBe(
      'P-1’s cost of 1406 in this snapshot is 200 Rials, not 150.',
    );
    expect(judgeAmendmentCarried({ ...cost, amount: '150' }, plan(false))?.en).toBe(
      'There is no project P-1 in this snapshot.',
    );
    const drop = { kind: 'drop' as const, itemId: 'P-1', year: null, amount: null };
    expect(judgeAmendmentCarried(drop, plan())?.en).toBe(
      'P-1 is still in this snapshot; its drop has not landed.',
    );
    expect(judgeAmendmentCarried(drop, plan(false))).toBeNull();
    const condition = { kind: 'condition' as const, itemId: 'PR-1', year: null, amount: null };
    expect(judgeAmendmentCarried(condition, plan())).toBeNull();
  });
});

describe('the rows of a plan in the public shape, for the review in the browser', () => {
  it('checks a proposal as the register would', () => {
    const plan = {
      years: [1405, 1406],
      projects: [{ id: 'P-1', cost: { '1405': '100', '1406': '200' } }],
      activities: [{ id: 'A-1' }],
      programs: [{ id: 'PR-1' }],
      strategies: [],
      goals: [{ id: 'G-1' }],
      kpis: [],
    } as unknown as ApiPublicPlan;
    const rows = amendmentPlanOf(plan);
    expect(projectCostOf(rows, 'P-1', 1406)).toBe(200n);
    expect(
      validateAmendments(
        [
          { kind: 'drop', itemId: 'A-1' },
          { kind: 'condition', itemId: 'G-1', text: 'x' },
          { kind: 'change-cost', itemId: 'P-9', year: 1405, amount: '1' },
        ],
        rows,
      ).map((p) => [p.index, p.field]),
    ).toEqual([[2, 'itemId']]);
  });
});

describe('the problems of a refused return, as the register names them and a form reads them', () => {
  it('reads back what the register wrote, and nothing else', () => {
    const problems = validateAmendments(
      [{ kind: 'change-cost', itemId: 'P-2', year: 1410, amount: '12.5' }],
      plan(),
    );
    const details = [
      ...problems.map(toAmendmentProblemDetail),
      { path: ['note'], message: 'Required' },
    ];
    expect(details[0]).toEqual({
      path: ['amendments', '0', 'year'],
      code: 'amendment',
      message: '1410 is not a plan year (1405–1409).',
      messageFa: problems[0]!.message.fa,
    });
    expect(amendmentProblemsOf(details)).toEqual(problems);
    expect(amendmentProblemsOf({ status: 'made' })).toEqual([]);
  });
});
