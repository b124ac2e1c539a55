/**
 * `GET /api/cycles/{cycleId}/process`: the plan's process, guided (core: `shared/src/process`):
 * the city's nine phases with their completeness counted from the city plan and the register,
 * the planning office's next step, each department's phases and next step, and the KPIs and
 * projects whose owners have not reported a due six-monthly period.
 */
import { z } from 'zod';
import { PHASE_IDS } from '../process';
import { ApiBilingual } from './schemas';

const Period = z.object({ year: z.int(), period: z.string() });

/** One countable requirement. */
export const ApiRequirement = z.object({
  key: z.string(),
  label: ApiBilingual,
  done: z.int(),
  total: z.int(),
  next: ApiBilingual,
});

/** How far one phase is. */
export const ApiPhaseProgress = z.object({
  phase: z.enum(PHASE_IDS),
  title: ApiBilingual,
  owner: z.enum(['planning-office', 'department', 'council']),
  help: z.string().nullable().meta({ description: 'The help page of its method (`/help/…`).' }),
  done: z.int(),
  total: z.int(),
  score: z.number().nullable().meta({ description: 'done / total; null: nothing to count.' }),
  requirements: z.array(ApiRequirement),
});

export const ApiNextStep = z
  .object({ phase: z.enum(PHASE_IDS), requirement: z.string(), text: ApiBilingual })
  .nullable();

/** A KPI or project whose owner has not reported a due period. */
export const ApiUnreported = z.object({
  dept: z.string(),
  kind: z.enum(['kpi', 'project']),
  id: z.string(),
  title: z.string(),
  period: Period,
});

/** The answer. */
export const ApiProcess = z.object({
  cycleId: z.string(),
  on: z.string().meta({ description: 'The Jalali day it is counted on (Tehran), `1405/08/01`.' }),
  periodsDue: z.array(Period),
  phases: z.array(ApiPhaseProgress),
  next: ApiNextStep,
  departments: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      phases: z.array(ApiPhaseProgress),
      next: ApiNextStep,
      reportedThrough: Period.nullable(),
      unreported: z.array(ApiUnreported),
    }),
  ),
});
export type ApiProcess = z.infer<typeof ApiProcess>;

/** `?on=1405/08/01`: count as on that Jalali day (default: today in Tehran). */
export const ProcessQuery = z.object({ on: z.string().max(32).optional() }).strict();
export type ProcessQuery = z.infer<typeof ProcessQuery>;
