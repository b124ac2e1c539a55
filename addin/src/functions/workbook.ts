/**
 * Where the functions that read the open workbook get its plan: the shared runtime's one
 * `PlanCache` (addin/src/office), read once and dropped when a table changes. The wrappers
 * take a `PlanSource` so that tests can hand them a plan without Office.
 */
import type { ReadResult } from '#core';
import { workbookPlanCache } from '../office/planCache';

/** Gives the plan of the workbook (own tables and cached reference data). */
export type PlanSource = () => Promise<ReadResult>;

/** The one cache of the runtime. */
export const planCache = workbookPlanCache();

/** The open workbook's plan, from the cache. */
export const workbookPlan: PlanSource = () => planCache.plan();
