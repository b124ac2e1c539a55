/**
 * The city measure's shortcuts (issue 18, docs/storage.md "Growth") against the general
 * functions they stand for, on a generated city of a metropolis's tenth (the scale bench's
 * generator): each item's chain as its IDs (`resolveChainIds`) against the full chain, and the
 * totals, fiscal balance and budget balances (spending computed once per plan) against the
 * same functions on a plan read anew, to the Rial.
 */
import type { RawTable, RawWorkbook } from '#core';
import {
  budgetBalances,
  coverageReport,
  fiscalBalance,
  forecastRevenueScenarios,
  indexPlanLinks,
  measureCityPlan,
  readPlan,
  resolveChain,
} from '#core';
import { cityWorkbooks, TEHRAN } from '../../bench/scale/generate';

/** A city of `projects` and `activities` as one merged workbook (as the register merges it). */
function generatedCity(projects: number, activities: number): RawWorkbook {
  const city = cityWorkbooks({ ...TEHRAN, projects, activities, versions: 1 });
  const tables = new Map<string, RawTable>();
  for (const t of city.framework.tables) tables.set(t.name, { ...t, rows: [...t.rows] });
  // The revenue workbook and each department's plan, after the framework (as consolidated).
  for (const book of [city.revenue, ...[...city.departments.values()].map((v) => v[0])])
    for (const t of book?.tables ?? []) {
      if (t.name === 'tblPlanInfo') continue;
      const into = tables.get(t.name);
      if (into) into.rows.push(...t.rows);
      else tables.set(t.name, { ...t, rows: [...t.rows] });
    }
  return { tables: [...tables.values()] };
}

describe('the city measure’s shortcuts on a generated city', () => {
  const wb = generatedCity(400, 1600);
  let measured: Awaited<ReturnType<typeof measureCityPlan>>;
  beforeAll(async () => {
    measured = await measureCityPlan(wb, { timeLimitSeconds: 10 });
  }, 120_000);

  it('lists each item’s program, strategy, goal and sources as its full chain does', () => {
    const { plan } = readPlan(wb);
    const index = indexPlanLinks(plan);
    const ids = [
      ...(plan.tables.tblProjects?.rows ?? []).map((r) => r.ProjectId),
      ...(plan.tables.tblActivities?.rows ?? []).map((r) => r.ActivityId),
    ];
    expect(ids).toHaveLength(2000);
    expect(measured.chains).toHaveLength(ids.length);
    ids.forEach((id, i) => {
      const chain = resolveChain(index, id);
      expect(measured.chains[i]).toEqual({
        item: id,
        program: chain?.program?.id ?? null,
        strategy: chain?.strategy?.id ?? null,
        goal: chain?.goal?.id ?? null,
        sources: chain?.sources.map((s) => s.id) ?? [],
      });
    });
    // Chains that reach a goal, with sources: the comparison is not of empty chains.
    expect(measured.chains.filter((c) => c.goal !== null && c.sources.length > 0).length).toBe(
      ids.length,
    );
  });

  it('gives the totals, fiscal balance and budget balances of a plan read anew, to the Rial', () => {
    const { plan } = readPlan(wb);
    const totals = coverageReport(plan).totals;
    const yearly = (m: ReadonlyMap<number, bigint>) =>
      Object.fromEntries([...m].map(([y, v]) => [String(y), v.toString()]));
    expect(measured.totals.total).toEqual(yearly(totals.total));
    const revenue = forecastRevenueScenarios(plan);
    if (!revenue.ok) throw new Error('no revenue scenarios');
    expect(revenue.scenarios.length).toBeGreaterThan(1);
    expect(measured.fiscal.map((f) => f.scenario)).toEqual(
      revenue.scenarios.map((s) => s.scenario),
    );
    revenue.scenarios.forEach((s, i) => {
      const balance = fiscalBalance(plan, s.totals);
      const heads = budgetBalances(plan, s);
      expect(measured.fiscal[i]?.years.map((y) => [y.spending, y.gap, y.operating])).toEqual(
        balance.years.map((y) => [
          y.total.toString(),
          y.gap?.toString() ?? null,
          heads.years.find((h) => h.year === y.year)?.operating?.toString() ?? null,
        ]),
      );
    });
    // The spending of every year is the sum of its parts.
    for (const f of measured.fiscal)
      for (const y of f.years)
        expect(BigInt(y.spending)).toBe(
          BigInt(y.activities) + BigInt(y.projects) + BigInt(y.opex) + BigInt(y.financial),
        );
  });
});
