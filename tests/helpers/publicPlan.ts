/**
 * The sample city's plan in the shape of the register's public plan (`ApiPublicPlan`), made
 * here from the sample workbook with the core (the city measure for the totals and the
 * fiscal picture, the read plan for the rows): for the web's page tests in jsdom, which need a
 * payload without starting a register. The browser tests read the real register's.
 */
import type { ApiPublicPlan } from '#core';
import { measureCityPlan, PUBLISHED_TABLES, readPlan, rowsOf, samplePlanWorkbook } from '#core';

const yearly = (map: ReadonlyMap<number, bigint>) =>
  Object.fromEntries([...map].map(([y, v]) => [String(y), v.toString()]));

/** The sample's public plan as snapshot 1 of its cycle, adopted and published. */
export async function samplePublicPlan(): Promise<ApiPublicPlan> {
  const workbook = samplePlanWorkbook();
  const { plan } = readPlan(workbook);
  const measure = await measureCityPlan(workbook, { timeLimitSeconds: 1 });
  const agencies = new Map(rowsOf(plan, 'tblStakeholders').map((s) => [s.StakeholderId, s.Name]));
  const start = plan.years[0] ?? 1405;
  const rowCount: Record<string, number> = {};
  for (const t of PUBLISHED_TABLES) rowCount[t.key] = rowsOf(plan, t.table).length;
  const progress = new Map<string, number>();
  for (const a of rowsOf(plan, 'tblActuals'))
    if (a.PhysicalProgress !== null) progress.set(a.LinkedId, a.PhysicalProgress / 100);
  return {
    municipality: { code: 'sample', name: { fa: plan.info.Municipality, en: 'Sample city' } },
    snapshot: {
      id: 'snap-1',
      cycleId: 'cycle-1',
      cycleStart: start,
      number: 1,
      status: 'adopted',
      baseline: true,
      trigger: 'seed',
      sources: [],
      sha256: '0'.repeat(64),
      createdAt: '2026-03-01T08:00:00.000Z',
      returnNote: null,
      adoption: {
        resolutionNumber: '1404/45',
        resolutionDate: '1404/12/20',
        votesFor: 15,
        votesAgainst: 3,
        votesAbstaining: 2,
        adoptedAt: '2026-03-11T08:00:00.000Z',
      },
      publishedAt: '2026-03-12T08:00:00.000Z',
    },
    cycle: { startYear: start, endYear: plan.years.at(-1) ?? start, title: plan.info.PlanTitle },
    years: [...plan.years],
    title: plan.info.PlanTitle,
    vision: plan.info.Vision === '' ? null : plan.info.Vision,
    goals: rowsOf(plan, 'tblGoals').map((g) => ({
      id: g.GoalId,
      title: g.Title,
      perspective: g.Perspective,
      description: g.Description,
    })),
    strategies: rowsOf(plan, 'tblStrategies').map((s) => ({
      id: s.StrategyId,
      goalId: s.GoalId,
      title: s.Title,
      swotType: s.SwotType,
      municipalRole: s.MunicipalRole,
      ownerDept: s.OwnerDept,
      partners: s.PartnerIds.map((id) => ({ id, name: agencies.get(id) ?? id })),
    })),
    programs: rowsOf(plan, 'tblPrograms').map((p) => ({
      id: p.ProgramId,
      strategyId: p.StrategyId,
      title: p.Title,
      ownerDept: p.OwnerDept,
      budgetCode: p.BudgetCode,
    })),
    schemes: rowsOf(plan, 'tblSchemes').map((s) => ({
      id: s.SchemeId,
      programId: s.ProgramId,
      title: s.Title,
      budgetCode: s.BudgetCode,
    })),
    projects: rowsOf(plan, 'tblProjects').map((p) => ({
      id: p.ProjectId,
      programId: p.ProgramId,
      schemeId: p.SchemeId,
      title: p.Title,
      dept: p.Dept,
      region: p.Region,
      startYear: p.StartYear,
      endYear: p.EndYear,
      sourceId: p.SourceId,
      status: p.Status,
      totalCost: p.TotalCost?.toString() ?? null,
      cost: yearly(p.costs),
      progress: progress.get(p.ProjectId) ?? null,
    })),
    activities: rowsOf(plan, 'tblActivities').map((a) => ({
      id: a.ActivityId,
      programId: a.ProgramId,
      title: a.Title,
      dept: a.Dept,
      kind: a.Kind,
      sourceId: a.SourceId,
      cost: yearly(a.costs),
    })),
    kpis: rowsOf(plan, 'tblKpis').map((k) => ({
      id: k.KpiId,
      level: k.Level,
      linkedId: k.LinkedId,
      title: k.Title,
      unit: k.Unit,
      direction: k.Direction,
      baseline: k.Baseline,
      baselineYear: k.BaselineYear,
      targets: Object.fromEntries([...k.targets].map(([y, v]) => [String(y), v])),
      actuals: rowsOf(plan, 'tblKpiActuals')
        .filter(
          (a) => a.KpiId === k.KpiId && a.Year !== null && a.Period !== null && a.Actual !== null,
        )
        .map((a) => ({
          year: a.Year as number,
          period: a.Period as string,
          actual: a.Actual as number,
        })),
    })),
    fundingSources: rowsOf(plan, 'tblFundingSources').map((s) => ({
      id: s.SourceId,
      title: s.Title,
      revenueClass: s.RevenueClass,
      nature: s.Nature,
    })),
    totals: measure.totals,
    fiscal: measure.fiscal,
    scenario: plan.info.Scenario === '' ? null : plan.info.Scenario,
    tables: PUBLISHED_TABLES.map((t) => ({
      key: t.key,
      name: { fa: t.key, en: t.key },
      rows: rowCount[t.key] ?? 0,
      downloads: {
        csv: `/api/public/sample/snapshots/${start}/1/tables/${t.key}.csv`,
        xlsx: `/api/public/sample/snapshots/${start}/1/tables/${t.key}.xlsx`,
        json: `/api/public/sample/snapshots/${start}/1/tables/${t.key}.json`,
      },
    })),
  };
}
