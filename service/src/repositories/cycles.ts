/**
 * Plan cycles: the five-year periods a municipality plans for (e.g. 1405–1409).
 */
import { isForeignKeyViolation, isUniqueViolation } from './client';
import type { RepositoryContext } from './context';
import { writeAudited } from './audit';

/** Years in a cycle unless told otherwise (the five-year plan; plan-workbook.md `Years`). */
export const DEFAULT_CYCLE_YEARS = 5;

/** A plan cycle. */
export interface CycleRecord {
  tenantId: string;
  id: string;
  /** First Jalali year, e.g. 1405. */
  startYear: number;
  /** Last Jalali year, e.g. 1409. */
  endYear: number;
  title: string;
  /** The department that files the cycle's framework; null for an old cycle not yet told. */
  planningDepartmentId: string | null;
  /** The cycle's one framework (or city) submission, once filed. */
  frameworkSubmissionId: string | null;
  createdAt: Date;
}

/** Plan cycles. */
export interface CycleRepository {
  /**
   * Creates a cycle of `years` years (default 5) from `startYear`, whose framework the
   * planning department files; one cycle per start year.
   */
  create(
    tenantId: string,
    input: { startYear: number; years?: number; title: string; planningDepartmentId: string },
    actorId: string | null,
  ): Promise<
    | { ok: true; cycle: CycleRecord }
    | { ok: false; reason: 'exists' | 'reference-missing' | 'invalid-years' }
  >;
  /**
   * Names the cycle's planning department; refused once its framework is filed (the
   * framework stays with the department it was filed under).
   */
  setPlanningDepartment(
    tenantId: string,
    id: string,
    planningDepartmentId: string,
    actorId: string | null,
  ): Promise<
    | { ok: true; cycle: CycleRecord }
    | { ok: false; reason: 'not-found' | 'framework-filed' | 'reference-missing' }
  >;
  get(tenantId: string, id: string): Promise<CycleRecord | null>;
  getByStartYear(tenantId: string, startYear: number): Promise<CycleRecord | null>;
  /** Newest first. */
  list(tenantId: string): Promise<CycleRecord[]>;
}

/** The cycle repository. */
export function cycleRepository(ctx: RepositoryContext): CycleRepository {
  const { prisma } = ctx;
  return {
    async create(tenantId, input, actorId) {
      const years = input.years ?? DEFAULT_CYCLE_YEARS;
      if (!Number.isInteger(input.startYear) || !Number.isInteger(years) || years < 1)
        return { ok: false, reason: 'invalid-years' };
      try {
        const cycle = await writeAudited(ctx, tenantId, async (tx, at) => {
          const created = await tx.planCycle.create({
            data: {
              tenantId,
              startYear: input.startYear,
              endYear: input.startYear + years - 1,
              title: input.title,
              planningDepartmentId: input.planningDepartmentId,
              createdAt: at,
            },
          });
          return {
            value: created,
            audit: {
              actorId,
              action: 'cycle.create',
              entity: 'plan_cycle',
              entityId: created.id,
              data: {
                startYear: created.startYear,
                endYear: created.endYear,
                title: created.title,
                planningDepartmentId: created.planningDepartmentId,
              },
            },
          };
        });
        return { ok: true, cycle };
      } catch (error) {
        if (isUniqueViolation(error)) return { ok: false, reason: 'exists' };
        if (isForeignKeyViolation(error)) return { ok: false, reason: 'reference-missing' };
        throw error;
      }
    },

    async setPlanningDepartment(tenantId, id, planningDepartmentId, actorId) {
      type Outcome = Awaited<ReturnType<CycleRepository['setPlanningDepartment']>>;
      try {
        return await writeAudited<Outcome>(ctx, tenantId, async (tx) => {
          // Conditional on no framework filed: one filed meanwhile makes this match no row.
          const { count } = await tx.planCycle.updateMany({
            where: { tenantId, id, frameworkSubmissionId: null },
            data: { planningDepartmentId },
          });
          const now = await tx.planCycle.findUnique({ where: { tenantId_id: { tenantId, id } } });
          if (now === null) return { value: { ok: false, reason: 'not-found' }, audit: null };
          if (count === 0) return { value: { ok: false, reason: 'framework-filed' }, audit: null };
          return {
            value: { ok: true, cycle: now },
            audit: {
              actorId,
              action: 'cycle.planning-department',
              entity: 'plan_cycle',
              entityId: id,
              data: { planningDepartmentId },
            },
          };
        });
      } catch (error) {
        if (isForeignKeyViolation(error)) return { ok: false, reason: 'reference-missing' };
        throw error;
      }
    },

    get: (tenantId, id) =>
      prisma.planCycle.findUnique({ where: { tenantId_id: { tenantId, id } } }),

    getByStartYear: (tenantId, startYear) =>
      prisma.planCycle.findUnique({ where: { tenantId_startYear: { tenantId, startYear } } }),

    list: (tenantId) =>
      prisma.planCycle.findMany({ where: { tenantId }, orderBy: { startYear: 'desc' } }),
  };
}
