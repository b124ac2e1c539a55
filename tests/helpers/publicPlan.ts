/**
 * The sample city's plan as the register publishes it (`ApiPublicPlan`), made here with the
 * core's own rule (`publicPlanOf` over the sample workbook's canonical tables, the city
 * measure for the totals and the fiscal picture), for the web's unit tests, which need a
 * payload without starting a register. The browser tests read the real register's.
 */
import type { ApiPublicPlan } from '#core';
import {
  measureCityPlan,
  publicPlanOf,
  readPlan,
  samplePlanWorkbook,
  toCanonicalTables,
} from '#core';

/** The sample's public plan as snapshot 1 of its cycle, adopted and published. */
export async function samplePublicPlan(): Promise<ApiPublicPlan> {
  const workbook = samplePlanWorkbook();
  const { plan } = readPlan(workbook);
  const measure = await measureCityPlan(workbook, { timeLimitSeconds: 1 });
  const start = plan.years[0] ?? 1405;
  return publicPlanOf(toCanonicalTables(plan), {
    municipality: {
      code: 'sample',
      name: { fa: plan.info.Municipality, en: plan.info.Municipality },
    },
    snapshot: {
      id: 'snapshot-1',
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
        resolutionNumber: `${start - 1}-187`,
        resolutionDate: `${start - 1}/12/20`,
        votesFor: 9,
        votesAgainst: 1,
        votesAbstaining: 1,
        adoptedAt: '2026-03-11T08:00:00.000Z',
      },
      publishedAt: '2026-03-12T08:00:00.000Z',
    },
    cycle: { startYear: start, endYear: plan.years.at(-1) ?? start, title: plan.info.PlanTitle },
    years: measure.years,
    totals: measure.totals,
    fiscal: measure.fiscal,
  });
}
