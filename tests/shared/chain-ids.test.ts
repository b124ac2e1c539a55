import fc from 'fast-check';
import type { LinkIndex, RawCell, RawWorkbook } from '#core';
import { indexPlanLinks, readPlan, resolveChain, resolveChainIds, samplePlanWorkbook } from '#core';
import { planInfo, rawTable } from '../helpers/plan';

/** What the city plan listed of each item's chain before `resolveChainIds`: the full chain, reduced. */
function fromFullChain(index: LinkIndex, id: string) {
  const chain = resolveChain(index, id);
  return {
    item: id,
    program: chain?.program?.id ?? null,
    strategy: chain?.strategy?.id ?? null,
    goal: chain?.goal?.id ?? null,
    sources: chain?.sources.map((s) => s.id) ?? [],
  };
}

const itemIds = (wb: RawWorkbook) => {
  const { plan } = readPlan(wb);
  return {
    index: indexPlanLinks(plan),
    ids: [
      ...(plan.tables.tblProjects?.rows ?? []).map((r) => r.ProjectId),
      ...(plan.tables.tblActivities?.rows ?? []).map((r) => r.ActivityId),
    ],
  };
};

describe('resolveChainIds: the IDs of an item’s chain, without building the chain', () => {
  it('equals the full chain on every item of the sample city', () => {
    const { index, ids } = itemIds(samplePlanWorkbook());
    expect(ids.length).toBe(100);
    for (const id of ids) expect(resolveChainIds(index, id)).toEqual(fromFullChain(index, id));
  });

  it('climbs a project’s scheme when it names no program, and stops where a link breaks', () => {
    const wb: RawWorkbook = {
      tables: [
        planInfo({ StartYear: 1405, Years: 2 }),
        rawTable('tblGoals', ['GoalId', 'Title'], [['G1', 'Mobility']]),
        rawTable(
          'tblStrategies',
          ['StrategyId', 'GoalId', 'Title'],
          [
            ['S1', 'G1', 'Transit'],
            ['S2', 'G9', 'Orphan'],
          ],
        ),
        rawTable(
          'tblPrograms',
          ['ProgramId', 'StrategyId', 'Title'],
          [
            ['P-1', 'S1', 'Buses'],
            ['P-2', 'S2', 'Lost'],
          ],
        ),
        rawTable('tblSchemes', ['SchemeId', 'ProgramId', 'Title'], [['SC1', 'P-1', 'Fleet']]),
        rawTable(
          'tblFundingSources',
          ['SourceId', 'Title', 'RevenueClass'],
          [
            ['F1', 'General', 'general-duties'],
            ['F2', 'Loan', 'other-resources'],
          ],
        ),
        rawTable(
          'tblProjects',
          ['ProjectId', 'ProgramId', 'SchemeId', 'Title', 'SourceId', '1405'],
          [
            ['PR-1', '', 'SC1', 'By its scheme', 'F2', 10],
            ['PR-2', 'P-2', '', 'Up to a missing goal', 'F9', 10],
            ['PR-3', 'P-9', 'SC1', 'A missing program, though its scheme has one', '', 10],
          ],
        ),
        rawTable(
          'tblBudgetLines',
          ['BudgetCode', 'Year', 'Kind', 'LinkedId', 'SourceId', 'Amount'],
          [
            ['B1', 1405, 'capital', 'PR-1', 'F1', 5],
            ['B2', 1405, 'capital', 'PR-1', 'F2', 5],
            ['B3', 1405, 'capital', 'PR-۲', 'F1', 5],
          ],
        ),
      ],
    };
    const { index } = itemIds(wb);
    // Worked by hand: PR-1 reaches P-1 through SC1, its own F2 first, then its lines' F1.
    expect(resolveChainIds(index, 'PR-1')).toEqual({
      item: 'PR-1',
      program: 'P-1',
      strategy: 'S1',
      goal: 'G1',
      sources: ['F2', 'F1'],
    });
    // S2's goal G9 does not exist; F9 names no source; the line PR-۲ is PR-2's.
    expect(resolveChainIds(index, 'PR-2')).toEqual({
      item: 'PR-2',
      program: 'P-2',
      strategy: 'S2',
      goal: null,
      sources: ['F1'],
    });
    expect(resolveChainIds(index, 'PR-3')).toEqual({
      item: 'PR-3',
      program: null,
      strategy: null,
      goal: null,
      sources: [],
    });
    for (const id of ['PR-1', 'PR-2', 'PR-3', 'PR-9', '', 'B1'])
      expect(resolveChainIds(index, id)).toEqual(fromFullChain(index, id));
  });

  it('equals the full chain on random plans (broken links, shared IDs, digits in any script)', () => {
    const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
    const goal = pick(['G1', 'G2', 'G9', '']);
    const strategy = pick(['S1', 'S2', 'S3', 'S9', '']);
    const program = pick(['P1', 'P2', 'P۳', 'P9', '']);
    const scheme = pick(['SC1', 'SC2', 'SC9', '']);
    const source = pick(['F1', 'F2', 'F۲', 'F9', '']);
    // Items and budget codes share a few IDs (the chain of such an ID is the budget line's).
    const item = pick(['X1', 'X2', 'X۳', 'X4', 'B1']);
    const plans = fc.record({
      strategies: fc.array(fc.tuple(pick(['S1', 'S2', 'S3']), goal), { maxLength: 4 }),
      programs: fc.array(fc.tuple(pick(['P1', 'P2', 'P3']), strategy), { maxLength: 4 }),
      schemes: fc.array(fc.tuple(pick(['SC1', 'SC2']), program), { maxLength: 3 }),
      projects: fc.array(fc.tuple(item, program, scheme, source), { maxLength: 5 }),
      activities: fc.array(fc.tuple(item, program, source), { maxLength: 4 }),
      lines: fc.array(fc.tuple(pick(['B1', 'B2', 'X1']), item, source), { maxLength: 6 }),
    });
    fc.assert(
      fc.property(plans, (p) => {
        const rows = (xs: RawCell[][]) => xs.map((r) => [...r]);
        const wb: RawWorkbook = {
          tables: [
            planInfo({ StartYear: 1405, Years: 2 }),
            rawTable(
              'tblGoals',
              ['GoalId', 'Title'],
              [
                ['G1', 'g1'],
                ['G2', 'g2'],
              ],
            ),
            rawTable(
              'tblStrategies',
              ['StrategyId', 'GoalId', 'Title'],
              rows(p.strategies.map(([s, g]) => [s, g, s])),
            ),
            rawTable(
              'tblPrograms',
              ['ProgramId', 'StrategyId', 'Title'],
              rows(p.programs.map(([x, s]) => [x, s, x])),
            ),
            rawTable(
              'tblSchemes',
              ['SchemeId', 'ProgramId', 'Title'],
              rows(p.schemes.map(([x, pr]) => [x, pr, x])),
            ),
            rawTable(
              'tblFundingSources',
              ['SourceId', 'Title', 'RevenueClass'],
              [
                ['F1', 'f1', 'general-duties'],
                ['F2', 'f2', 'other-resources'],
              ],
            ),
            rawTable(
              'tblProjects',
              ['ProjectId', 'ProgramId', 'SchemeId', 'Title', 'SourceId', '1405'],
              rows(p.projects.map(([x, pr, sc, f]) => [x, pr, sc, x, f, 1])),
            ),
            rawTable(
              'tblActivities',
              ['ActivityId', 'ProgramId', 'Title', 'SourceId', '1405'],
              rows(p.activities.map(([x, pr, f]) => [x, pr, x, f, 1])),
            ),
            rawTable(
              'tblBudgetLines',
              ['BudgetCode', 'Year', 'Kind', 'LinkedId', 'SourceId', 'Amount'],
              rows(p.lines.map(([b, x, f]) => [b, 1405, 'capital', x, f, 1])),
            ),
          ],
        };
        const { index, ids } = itemIds(wb);
        for (const id of [...ids, 'X9', ''])
          expect(resolveChainIds(index, id)).toEqual(fromFullChain(index, id));
      }),
      { numRuns: 300 },
    );
  });
});
