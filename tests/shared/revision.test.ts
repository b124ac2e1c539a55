/**
 * A revision's impact on hand-made tables (expected values worked by hand below): each kind
 * of change read from the rows, the warning for a change `tblChanges` does not declare, and
 * the fiscal effect as the later figure minus the earlier.
 */
import type { ApiFiscalScenario, CanonicalTable, RevisionSide } from '#core';
import { revisionImpact } from '#core';

const fiscal = (gap1405: string): ApiFiscalScenario[] => [
  {
    scenario: 'base',
    complete: true,
    openingBalance: '0',
    years: [
      {
        year: 1405,
        revenue: '1000',
        spending: '900',
        activities: '0',
        projects: '900',
        opex: '0',
        financial: '0',
        gap: gap1405,
        current: '0',
        operating: null,
        capitalBalance: '-900',
        financialBalance: '0',
        cash: gap1405,
      },
    ],
  },
];

const side = (number: number, tables: CanonicalTable[], gap: string): RevisionSide => ({
  number,
  sha256: String(number).repeat(64),
  tables,
  years: [1405, 1406],
  fiscal: fiscal(gap),
  portfolio: null,
});

const projects = (rows: Record<string, string | number>[]): CanonicalTable => ({
  name: 'tblProjects',
  columns: ['ProjectId', 'Title', 'ProgramId', 'StartYear', 'EndYear', '1405', '1406'],
  rows,
});

describe('revisionImpact', () => {
  const before = side(
    1,
    [
      projects([
        {
          ProjectId: 'P1',
          Title: 'پل',
          ProgramId: 'PG1',
          StartYear: 1405,
          EndYear: 1406,
          '1405': '100',
          '1406': '200',
        },
        {
          ProjectId: 'P2',
          Title: 'راه',
          ProgramId: 'PG1',
          StartYear: 1405,
          EndYear: 1405,
          '1405': '50',
        },
        {
          ProjectId: 'P3',
          Title: 'پارک',
          ProgramId: 'PG1',
          StartYear: 1405,
          EndYear: 1405,
          '1405': '70',
        },
        {
          ProjectId: 'P4',
          Title: 'مدرسه',
          ProgramId: 'PG1',
          StartYear: 1405,
          EndYear: 1406,
          '1405': '10',
          '1406': '10',
        },
      ]),
    ],
    '100',
  );
  const after = side(
    2,
    [
      projects([
        // P1: 50 moved from 1406 to 1405, total 300 kept → rescheduled.
        {
          ProjectId: 'P1',
          Title: 'پل',
          ProgramId: 'PG1',
          StartYear: 1405,
          EndYear: 1406,
          '1405': '150',
          '1406': '150',
        },
        // P2: total 50 → 80 → recosted; and another program → rescoped.
        {
          ProjectId: 'P2',
          Title: 'راه',
          ProgramId: 'PG2',
          StartYear: 1405,
          EndYear: 1405,
          '1405': '80',
        },
        // P3 dropped; P4 unchanged; P5 added.
        {
          ProjectId: 'P4',
          Title: 'مدرسه',
          ProgramId: 'PG1',
          StartYear: 1405,
          EndYear: 1406,
          '1405': '10',
          '1406': '10',
        },
        {
          ProjectId: 'P5',
          Title: 'کتابخانه',
          ProgramId: 'PG1',
          StartYear: 1406,
          EndYear: 1406,
          '1406': '40',
        },
      ]),
      {
        name: 'tblChanges',
        columns: ['ChangeId', 'LinkedId', 'Change', 'Reason'],
        rows: [
          { ChangeId: 'C1', LinkedId: 'P1', Change: 'reschedule', Reason: 'تأخیر' },
          { ChangeId: 'C2', LinkedId: 'P2', Change: 'recost', Reason: 'تورم' },
        ],
      },
    ],
    '60',
  );

  it('reads every change from the rows and warns of the undeclared ones', () => {
    const impact = revisionImpact(before, after);
    expect(impact.items.map((i) => [i.id, i.kinds, i.before, i.after, i.undeclared])).toEqual([
      ['P1', ['reschedule'], '300', '300', []],
      ['P2', ['rescope', 'recost'], '50', '80', ['rescope']],
      ['P3', ['drop'], '70', null, ['drop']],
      ['P5', ['add'], null, '40', ['add']],
    ]);
    expect(impact.warnings.map((w) => `${w.id}:${w.kind}`)).toEqual([
      'P2:rescope',
      'P3:drop',
      'P5:add',
    ]);
    // Gap 60 − 100 = −40; capital balance −900 − (−900) = 0; operating null on both sides.
    expect(impact.fiscal).toEqual([
      {
        scenario: 'base',
        years: [
          { year: 1405, gap: '-40', operating: null, capitalBalance: '0', financialBalance: '0' },
        ],
      },
    ]);
    // No tblKpis on either side; no capital budget, so no portfolio to compare.
    expect(impact.kpis).toEqual([]);
    expect(impact.portfolio).toBeNull();
    expect(impact.from.number).toBe(1);
    expect(impact.to.number).toBe(2);
  });
});
