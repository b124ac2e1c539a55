import type { Plan } from '#core';
import {
  SAMPLE_LOAN_PRINCIPAL,
  budgetBalances,
  computeAhp,
  forecastRevenueScenarios,
  readPlan,
  rowsOf,
  samplePlanWorkbook,
  validateWorkbook,
} from '#core';

// The sample plan is what a new user opens first (`plan sample`): it must read
// cleanly, validate, look like a real mid-sized Iranian city's plan and balance.
const workbook = samplePlanWorkbook();
const { plan, findings } = readPlan(workbook);
const years = [1405, 1406, 1407, 1408, 1409];

function sum(values: Iterable<bigint>): bigint {
  let s = 0n;
  for (const v of values) s += v;
  return s;
}

/** Spending of a year as the contract defines it (plan-workbook.md, "Calculations": Spending). */
function spendingOf(p: Plan, year: number): bigint {
  const activities = sum(rowsOf(p, 'tblActivities').map((a) => a.costs.get(year) ?? 0n));
  const projects = sum(rowsOf(p, 'tblProjects').map((r) => r.costs.get(year) ?? 0n));
  const opex = sum(
    rowsOf(p, 'tblProjects')
      .filter((r) => r.EndYear !== null && r.EndYear < year)
      .map((r) => r.OpexImpact),
  );
  return activities + projects + opex;
}

/**
 * The base scenario's forecast by the contract's `growth` method, worked
 * here from the table rows: y_1404 · (1 + g)^(year − 1404) · Adjustment per class.
 */
function baseRevenueOf(p: Plan, year: number): number {
  let total = 0;
  for (const s of rowsOf(p, 'tblRevenueScenarios').filter((r) => r.Scenario === 'base')) {
    // The class's 1404 actual, over its lines (other-resources has one per source).
    const last = sum(
      rowsOf(p, 'tblRevenueHistory')
        .filter((h) => h.RevenueClass === s.RevenueClass && h.Year === 1404)
        .map((h) => h.Amount),
    );
    total += Number(last) * (1 + (s.GrowthRate ?? 0)) ** (year - 1404) * (s.Adjustment ?? 1);
  }
  return total;
}

describe('the sample plan', () => {
  it('is the same every time it is made', () => {
    expect(samplePlanWorkbook()).toEqual(workbook);
  });

  it('reads without a single finding, as a Persian city workbook for 1405–1409', () => {
    expect(findings).toEqual([]);
    expect(plan.years).toEqual(years);
    expect(plan.info).toMatchObject({
      City: 'شهر نمونه',
      WorkbookKind: 'city',
      Language: 'fa',
      Unit: 'Rial',
      BaseYear: 1404,
    });
  });

  it('validates with no errors', () => {
    const result = validateWorkbook(workbook);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('has the departments, districts and organisations of a mid-sized municipality', () => {
    const names = rowsOf(plan, 'tblDepartments').map((d) => d.Name);
    for (const name of [
      'معاونت خدمات شهری',
      'معاونت حمل‌ونقل و ترافیک',
      'معاونت فنی و عمرانی',
      'منطقه ۱',
      'منطقه ۴',
      'سازمان آتش‌نشانی و خدمات ایمنی',
      'سازمان پارک‌ها و فضای سبز',
    ])
      expect(names).toContain(name);
    const kinds = new Set(rowsOf(plan, 'tblDepartments').map((d) => d.Kind));
    expect(kinds).toEqual(new Set(['deputy', 'district', 'organization', 'company']));
  });

  it('has the sizes the brief asks for', () => {
    const count = (n: Parameters<typeof rowsOf>[1]) => rowsOf(plan, n).length;
    expect(count('tblGoals')).toBe(6);
    expect(new Set(rowsOf(plan, 'tblGoals').map((g) => g.Perspective)).size).toBe(4);
    expect(count('tblStrategies')).toBe(15);
    expect(count('tblPrograms')).toBe(25);
    expect(count('tblProjects')).toBe(40);
    expect(count('tblActivities')).toBe(60);
    expect(count('tblCriteria')).toBe(5);
    expect(count('tblKpis')).toBeGreaterThanOrEqual(30);
    // 7 revenue classes × 10 years (1395–1404), other-resources in two lines a year (asset
    // sales SRC-OTH, bonds SRC-BND): 8 × 10 = 80; 3 scenarios × 7 classes.
    expect(count('tblRevenueHistory')).toBe(80);
    expect(count('tblRevenueScenarios')).toBe(21);
    // Council, departments, NGOs, private sector, experts, citizen groups, executive agencies.
    expect(new Set(rowsOf(plan, 'tblStakeholders').map((s) => s.Type)).size).toBe(7);
    // v2: what four agencies undertake (water, power, traffic police, education), each an
    // agency; a requested change of a revision.
    const agencies = new Set(
      rowsOf(plan, 'tblStakeholders')
        .filter((s) => s.Type === 'agency')
        .map((s) => s.StakeholderId),
    );
    expect(rowsOf(plan, 'tblCommitments').every((c) => agencies.has(c.StakeholderId))).toBe(true);
    expect(count('tblCommitments')).toBe(4);
    expect(count('tblChanges')).toBe(1);
  });

  it('links every goal to strategies and a macro KPI, and every program to projects or activities', () => {
    const strategiesOf = new Set(rowsOf(plan, 'tblStrategies').map((s) => s.GoalId));
    const macro = new Set(
      rowsOf(plan, 'tblKpis')
        .filter((k) => k.Level === 'macro')
        .map((k) => k.LinkedId),
    );
    for (const g of rowsOf(plan, 'tblGoals')) {
      expect(strategiesOf).toContain(g.GoalId);
      expect(macro).toContain(g.GoalId);
    }
    const funded = new Set([
      ...rowsOf(plan, 'tblProjects').map((p) => p.ProgramId),
      ...rowsOf(plan, 'tblActivities').map((a) => a.ProgramId),
    ]);
    for (const p of rowsOf(plan, 'tblPrograms')) expect(funded).toContain(p.ProgramId);
  });

  it('has SWOT weights summing to 1 on each side and ratings 1–4', () => {
    const side = (kinds: string[]) =>
      rowsOf(plan, 'tblSwot')
        .filter((f) => f.Kind !== null && kinds.includes(f.Kind))
        .reduce((s, f) => s + (f.Weight ?? 0), 0);
    expect(side(['S', 'W'])).toBeCloseTo(1, 10);
    expect(side(['O', 'T'])).toBeCloseTo(1, 10);
    for (const f of rowsOf(plan, 'tblSwot')) {
      expect(f.Rating).toBeGreaterThanOrEqual(1);
      expect(f.Rating).toBeLessThanOrEqual(4);
    }
  });

  it('has a consistent AHP matrix whose weights are those typed in tblCriteria', () => {
    const ids = rowsOf(plan, 'tblCriteria').map((c) => c.CriterionId);
    const matrix = rowsOf(plan, 'tblCriteriaPairwise').map((r) =>
      ids.map((id) => r.comparisons.get(id) ?? null),
    );
    const ahp = computeAhp(matrix);
    expect(ahp.ok).toBe(true);
    if (!ahp.ok) return;
    // numpy.linalg.eig on the same matrix (/usr/bin/python3, numpy 1.24.2):
    // λmax = 5.068080256981168, CR = 0.015196485933296436 with RI(5) = 1.12.
    expect(ahp.lambdaMax).toBeCloseTo(5.068080256981168, 6);
    expect(ahp.cr).toBeCloseTo(0.015196485933296436, 6);
    expect(ahp.consistent).toBe(true);
    const typed = rowsOf(plan, 'tblCriteria').map((c) => c.Weight ?? 0);
    ahp.weights.forEach((w, i) => expect(Math.abs(w - (typed[i] ?? 0))).toBeLessThan(0.005));
  });

  it('scores every project on every criterion within its scale', () => {
    for (const p of rowsOf(plan, 'tblProjects')) {
      expect([...p.scores.keys()]).toEqual(['C1', 'C2', 'C3', 'C4', 'C5']);
      for (const v of p.scores.values()) {
        expect(v).toBeGreaterThanOrEqual(1);
        expect(v).toBeLessThanOrEqual(10);
      }
    }
  });

  it('has KPI targets for every plan year, each moving the right way from the baseline', () => {
    for (const k of rowsOf(plan, 'tblKpis')) {
      const path = [k.Baseline ?? NaN, ...years.map((y) => k.targets.get(y) ?? NaN)];
      expect(path.every(Number.isFinite)).toBe(true);
      for (let i = 1; i < path.length; i++) {
        const [before, after] = [path[i - 1] ?? 0, path[i] ?? 0];
        if (k.Direction === 'increase') expect(after).toBeGreaterThan(before);
        else if (k.Direction === 'decrease') expect(after).toBeLessThan(before);
        else expect(after).toBe(before);
      }
    }
  });

  it('has ten years of revenue growing with Iranian inflation, 5.0 × 10^13 Rials in 1404', () => {
    const total1404 = sum(
      rowsOf(plan, 'tblRevenueHistory')
        .filter((h) => h.Year === 1404)
        .map((h) => h.Amount),
    );
    expect(total1404).toBe(50_000_000_000_000n);
    for (const cls of new Set(rowsOf(plan, 'tblRevenueHistory').map((h) => h.RevenueClass))) {
      // The class's amount of a year, summed over its lines (other-resources has two).
      const perYear = new Map<number, bigint>();
      for (const h of rowsOf(plan, 'tblRevenueHistory'))
        if (h.RevenueClass === cls && h.Year !== null)
          perYear.set(h.Year, (perYear.get(h.Year) ?? 0n) + h.Amount);
      const series = [...perYear]
        .map(([Year, Amount]) => ({ Year, Amount }))
        .sort((a, b) => a.Year - b.Year);
      expect(series.map((h) => h.Year)).toEqual([
        1395, 1396, 1397, 1398, 1399, 1400, 1401, 1402, 1403, 1404,
      ]);
      const growth = series
        .slice(1)
        .map((h, i) => Number(h.Amount) / Number(series[i]?.Amount) - 1);
      for (const g of growth) expect(g).toBeGreaterThan(-0.05);
      for (const g of growth) expect(g).toBeLessThan(0.6);
      // 1397–1404: the inflation years, 30–40% a year on average (±15 points per class).
      const recent = growth.slice(2);
      const mean = recent.reduce((a, b) => a + b, 0) / recent.length;
      expect(mean).toBeGreaterThan(0.25);
      expect(mean).toBeLessThan(0.45);
    }
  });

  it('plans a budget of a city of ~500,000 (10^13–10^14 Rials) and spends within the base forecast every year', () => {
    for (const year of years) {
      const spending = Number(spendingOf(plan, year));
      const revenue = baseRevenueOf(plan, year);
      expect(spending).toBeLessThanOrEqual(revenue);
      // Within the means, but using most of them: no idealism, no idle money.
      expect(spending / revenue).toBeGreaterThan(0.75);
    }
    const first = Number(spendingOf(plan, 1405));
    expect(first).toBeGreaterThan(1e13);
    expect(first).toBeLessThan(1e14);
  });

  it('funds current spending only from unrestricted sources', () => {
    const restricted = new Set(
      rowsOf(plan, 'tblFundingSources')
        .filter((s) => s.Restricted)
        .map((s) => s.SourceId),
    );
    for (const a of rowsOf(plan, 'tblActivities')) expect(restricted.has(a.SourceId)).toBe(false);
  });

  it('starts every project after its prerequisites end, within the plan period', () => {
    const byId = new Map(rowsOf(plan, 'tblProjects').map((p) => [p.ProjectId, p]));
    const withDeps = rowsOf(plan, 'tblProjects').filter((p) => p.DependsOn.length > 0);
    expect(withDeps.length).toBeGreaterThanOrEqual(3);
    for (const p of withDeps)
      for (const d of p.DependsOn)
        expect(p.StartYear).toBeGreaterThan(byId.get(d)?.EndYear ?? 9999);
    for (const p of rowsOf(plan, 'tblProjects')) {
      expect(p.StartYear).toBeGreaterThanOrEqual(1405);
      expect(p.EndYear).toBeLessThanOrEqual(1409);
      expect((p.EndYear ?? 0) - (p.StartYear ?? 0)).toBeLessThanOrEqual(2);
      // Money only in the project's own years.
      for (const [y, cost] of p.costs)
        expect(cost > 0n).toBe(y >= (p.StartYear ?? 0) && y <= (p.EndYear ?? 0));
    }
    expect(rowsOf(plan, 'tblProjects').filter((p) => p.Mandatory).length).toBeGreaterThan(2);
  });

  it('splits other-resources into asset sales and bonds, each counted in its Nature', () => {
    // Each source's lines are forecast on their own by `growth`: y_1404 of the source's lines ·
    // (1 + g)^h · Adjustment, rounded to Rials, with other-resources' base row.
    const row = rowsOf(plan, 'tblRevenueScenarios').find(
      (r) => r.Scenario === 'base' && r.RevenueClass === 'other-resources',
    );
    const forecastOf = (source: string, year: number) => {
      const last = sum(
        rowsOf(plan, 'tblRevenueHistory')
          .filter((h) => h.Code === source && h.Year === 1404)
          .map((h) => h.Amount),
      );
      return Number(last) * (1 + (row?.GrowthRate ?? 0)) ** (year - 1404) * (row?.Adjustment ?? 1);
    };
    const r = forecastRevenueScenarios(plan, { scenario: 'base' });
    if (!r.ok) throw new Error(r.message.en);
    const base = r.scenarios[0];
    if (!base) throw new Error('no base scenario');
    const balances = budgetBalances(plan, base);
    expect(balances.findings.map((f) => f.code)).not.toContain('NATURE_MIXED');
    for (const y of balances.years) {
      // Bonds (SRC-BND) are the financial head's resource; asset sales (SRC-OTH) the capital's.
      const bonds = Number(y.revenue?.['financial-disposal'] ?? 0n);
      const sales = Number(y.revenue?.['capital-disposal'] ?? 0n);
      expect(bonds).toBeGreaterThan(0);
      expect(Math.abs(bonds - forecastOf('SRC-BND', y.year))).toBeLessThanOrEqual(1);
      expect(Math.abs(sales - forecastOf('SRC-OTH', y.year))).toBeLessThanOrEqual(1);
    }
  });

  it('has a year whose operating balance is negative in the pessimistic scenario, with its warning', () => {
    // Operating balance = forecast of the classes of Nature revenue − current spending
    // (activities + opex), computed here from the forecast's classes and the plan's rows; the
    // core's balances must agree, and warn of that year (the sample's natures are split).
    const r = forecastRevenueScenarios(plan, { scenario: 'pessimistic' });
    if (!r.ok) throw new Error(r.message.en);
    const pessimistic = r.scenarios[0];
    if (!pessimistic) throw new Error('no pessimistic scenario');
    const balances = budgetBalances(plan, pessimistic);
    const negative = balances.years.filter((y) => (y.operating ?? 0n) < 0n);
    expect(negative.length).toBeGreaterThan(0);
    const capitalOrFinancial = new Set(
      rowsOf(plan, 'tblFundingSources')
        .filter((src) => src.Nature !== null && src.Nature !== 'revenue')
        .map((src) => src.RevenueClass),
    );
    for (const y of negative) {
      // Classes whose sources are all of Nature revenue (other-resources is split off).
      const revenue = sum(
        pessimistic.classes
          .filter((c) => !capitalOrFinancial.has(c.revenueClass))
          .map((c) => c.amounts.get(y.year) ?? 0n),
      );
      const activities = sum(rowsOf(plan, 'tblActivities').map((a) => a.costs.get(y.year) ?? 0n));
      expect(y.operating).toBe(revenue - y.current);
      expect(y.current).toBeGreaterThanOrEqual(activities);
      expect(revenue).toBeLessThan(y.current);
    }
    expect(
      balances.findings.filter((f) => f.code === 'OPERATING_DEFICIT').map((f) => f.column),
    ).toEqual(negative.map((y) => String(y.year)));
  });

  it('budgets 1405 at the planned cost, with an amendment, the 1406 request and a loan repaid', () => {
    const planned = (year: number) =>
      new Map<string, bigint>([
        ...rowsOf(plan, 'tblProjects').map((p) => [p.ProjectId, p.costs.get(year) ?? 0n] as const),
        ...rowsOf(plan, 'tblActivities').map(
          (a) => [a.ActivityId, a.costs.get(year) ?? 0n] as const,
        ),
      ]);
    const lines = rowsOf(plan, 'tblBudgetLines');
    const of = (stage: string) => lines.filter((b) => (b.Stage ?? 'approved') === stage);
    // Approved: 1405 at the planned cost of the item each links, one loan's principal aside.
    for (const b of of('approved').filter((b) => b.Kind !== 'financial')) {
      expect(b.Year).toBe(1405);
      expect(b.Amount).toBe(planned(1405).get(b.LinkedId));
    }
    const loan = of('approved').filter((b) => b.Kind === 'financial');
    expect(loan.map((b) => [b.LinkedId, b.Amount])).toEqual([['', SAMPLE_LOAN_PRINCIPAL]]);
    // One amendment: a cut of a tenth of the largest ongoing project's approved line.
    const [cut, ...more] = of('amended');
    expect(more).toEqual([]);
    const approved = of('approved').find((b) => b.BudgetCode === cut?.BudgetCode);
    expect(approved?.LinkedId).toBe(cut?.LinkedId);
    expect(cut?.Amount).toBeLessThan(0n);
    expect(-(cut?.Amount ?? 0n) * 10n).toBeLessThanOrEqual(approved?.Amount ?? 0n);
    expect(-(cut?.Amount ?? 0n) * 10n).toBeGreaterThan((approved?.Amount ?? 0n) - 10_000_000n);
    // The 1406 request: each ongoing project's planned 1406 cost, not in the current budget.
    const ongoing = rowsOf(plan, 'tblProjects').filter(
      (p) => p.Status === 'ongoing' && (p.costs.get(1406) ?? 0n) > 0n,
    );
    expect(of('proposed').map((b) => [b.Year, b.LinkedId, b.Amount])).toEqual(
      ongoing.map((p) => [1406, p.ProjectId, p.costs.get(1406)]),
    );
    const spent = new Map<string, bigint>();
    for (const a of rowsOf(plan, 'tblActuals'))
      spent.set(a.LinkedId, (spent.get(a.LinkedId) ?? 0n) + a.Spent);
    for (const [id, s] of spent) expect(s).toBeLessThanOrEqual(planned(1405).get(id) ?? 0n);
    expect(rowsOf(plan, 'tblKpiActuals').length).toBeGreaterThan(0);
  });
});
