/**
 * A revision's impact on KPI targets and on the portfolio, on the small city plan of
 * tests/helpers/plan.ts (the baseline) and a revision of it made by hand. Each side is what the
 * register gives `revisionImpact`: the plan's canonical tables and `measureCityPlan`'s fiscal
 * picture and selected portfolio. Every expected figure is worked out below from the rows.
 */
import type { RawWorkbook, RevisionSide } from '#core';
import { measureCityPlan, readPlan, revisionImpact, toCanonicalTables } from '#core';
import { addRow, setCell, smallCityPlan } from '../helpers/plan';

async function sideOf(number: number, wb: RawWorkbook): Promise<RevisionSide> {
  const measured = await measureCityPlan(wb);
  return {
    number,
    sha256: String(number).repeat(64),
    tables: toCanonicalTables(readPlan(wb).plan),
    years: measured.years,
    fiscal: measured.fiscal,
    portfolio: measured.portfolio,
  };
}

const scores = { C1: 4, C2: 30, C3: 5 };
const project = (id: string, costs: [number, number, number]) => ({
  ProjectId: id,
  ProgramId: 'PR1',
  Title: `پروژه ${id}`,
  Dept: 'D1',
  StartYear: 1405,
  EndYear: 1405,
  '1405': costs[0],
  '1406': costs[1],
  '1407': costs[2],
  SourceId: 'SRC1',
  Status: 'proposed',
  Mandatory: false,
  OpexImpact: 0,
  ...scores,
});

/**
 * The baseline: the small plan (P-1 1,000 / 2,000 / 0 and P-2 0 / 500 / 700, both chosen:
 * the capital budget is about 10,700 in 1405, revenue 11,000 less the activity's 300) and P-4,
 * 20,000 in 1405, more than the year's whole capital budget, so never chosen.
 */
function baselinePlan(): RawWorkbook {
  const wb = smallCityPlan();
  addRow(wb, 'tblProjects', project('P-4', [20000, 0, 0]));
  return wb;
}

/**
 * The revision: P-2 dropped (Status), P-3 added (400 in 1405), P-4 recosted to 200 (now it
 * fits). KPIs: K1's 1406 target 14 → 15.5 and 1407 16 → 16.1; K2 dropped; K3's baseline 0 → 5;
 * K4 added with targets for 1405 and 1406 only.
 */
function revisionPlan(): RawWorkbook {
  const wb = baselinePlan();
  setCell(wb, 'tblProjects', 'P-2', 'Status', 'dropped');
  addRow(wb, 'tblProjects', project('P-3', [400, 0, 0]));
  setCell(wb, 'tblProjects', 'P-4', '1405', 200);
  setCell(wb, 'tblKpis', 'K1', '1406', 15.5);
  setCell(wb, 'tblKpis', 'K1', '1407', 16.1);
  setCell(wb, 'tblKpis', 'K3', 'Baseline', 5);
  const kpis = wb.tables.find((t) => t.name === 'tblKpis')!;
  kpis.rows = kpis.rows.filter((r) => r[0] !== 'K2');
  addRow(wb, 'tblKpis', {
    KpiId: 'K4',
    Level: 'micro',
    LinkedId: 'P-3',
    Title: 'پیشرفت پروژه ۳',
    Unit: 'percent',
    Direction: 'increase',
    Baseline: 0,
    BaselineYear: 1404,
    '1405': 1,
    '1406': 2,
    OwnerDept: 'D1',
    Frequency: 'annual',
  });
  return wb;
}

describe('a revision’s impact on KPI targets and on the portfolio', () => {
  let impact: Awaited<ReturnType<typeof revisionImpact>>;
  beforeAll(async () => {
    impact = revisionImpact(await sideOf(1, baselinePlan()), await sideOf(2, revisionPlan()));
  });

  it('names every KPI added, dropped or changed, with each year’s target and the difference', () => {
    expect(impact.kpis).toEqual([
      {
        kpiId: 'K1',
        title: 'سهم حمل‌ونقل عمومی',
        kind: 'change',
        changed: ['targets'],
        baseline: { before: 10, after: 10 },
        years: [
          { year: 1405, before: 12, after: 12, delta: 0 },
          { year: 1406, before: 14, after: 15.5, delta: 1.5 },
          // 16.1 − 16 is 0.10000000000000142 in binary floating point; people read 0.1.
          { year: 1407, before: 16, after: 16.1, delta: 0.1 },
        ],
      },
      {
        kpiId: 'K2',
        title: 'نسبت بدهی',
        kind: 'drop',
        changed: [],
        baseline: { before: 50, after: null },
        years: [
          { year: 1405, before: 45, after: null, delta: null },
          { year: 1406, before: 40, after: null, delta: null },
          { year: 1407, before: 35, after: null, delta: null },
        ],
      },
      {
        kpiId: 'K3',
        title: 'پیشرفت خط ۲',
        kind: 'change',
        changed: ['baseline'],
        baseline: { before: 0, after: 5 },
        years: [
          { year: 1405, before: 30, after: 30, delta: 0 },
          { year: 1406, before: 60, after: 60, delta: 0 },
          { year: 1407, before: 100, after: 100, delta: 0 },
        ],
      },
      {
        kpiId: 'K4',
        title: 'پیشرفت پروژه ۳',
        kind: 'add',
        changed: [],
        baseline: { before: null, after: 0 },
        years: [
          { year: 1405, before: null, after: 1, delta: null },
          { year: 1406, before: null, after: 2, delta: null },
        ],
      },
    ]);
  });

  it('names the projects entering and leaving the portfolio and why, and the capital spent per year', () => {
    const p = impact.portfolio!;
    expect(p).not.toBeNull();
    // P-3 is new; P-4 was in the plan but did not fit (20,000 > the 1405 budget); P-2 is dropped.
    expect(p.entering).toEqual([
      { id: 'P-3', reason: 'not-in-plan' },
      { id: 'P-4', reason: 'not-chosen' },
    ]);
    expect(p.leaving).toEqual([{ id: 'P-2', reason: 'dropped' }]);
    // Spent by the chosen projects, from their cost columns:
    //   before: 1405 P-1 1,000; 1406 P-1 2,000 + P-2 500 = 2,500; 1407 P-2 700.
    //   after:  1405 P-1 1,000 + P-3 400 + P-4 200 = 1,600; 1406 P-1 2,000; 1407 nothing.
    // Revenue, activities and opex are unchanged, so the capital budget is too, and what is
    // left moves opposite to what is spent.
    expect(p.years.map((y) => [y.year, y.before?.spent, y.after?.spent, y.spent])).toEqual([
      [1405, '1000', '1600', '600'],
      [1406, '2500', '2000', '-500'],
      [1407, '700', '0', '-700'],
    ]);
    for (const y of p.years) {
      expect(y.budget).toBe('0');
      expect(y.after?.budget).toBe(y.before?.budget);
      expect(y.left).toBe((-BigInt(y.spent!)).toString());
      // Left is the budget less what is spent, on each side.
      expect(BigInt(y.after!.left)).toBe(BigInt(y.after!.budget) - BigInt(y.after!.spent));
    }
  });
});
