/**
 * Plan cycles: list, create, and name the department that files a cycle's framework (its
 * planning department, usually the planning deputy). Express-free: routes parse the request,
 * these functions decide, repositories store.
 */
import type { ApiCycle } from '#core';
import { toPersianDigits, fsi, term } from '#core';
import type { Principal } from '../auth';
import { requireRole } from '../auth';
import { apiError, notFound } from '../http/errors';
import type { CycleRecord, DepartmentRecord } from '../repositories';
import type { AppDeps } from './context';

/** A cycle for the API. */
export function toApiCycle(
  c: CycleRecord,
  departments: ReadonlyMap<string, Pick<DepartmentRecord, 'code'>>,
): ApiCycle {
  return {
    id: c.id,
    startYear: c.startYear,
    endYear: c.endYear,
    title: c.title,
    planningDepartmentId: c.planningDepartmentId,
    planningDepartmentCode:
      c.planningDepartmentId === null
        ? null
        : (departments.get(c.planningDepartmentId)?.code ?? null),
    frameworkSubmissionId: c.frameworkSubmissionId,
  };
}

async function departmentsById(deps: AppDeps, tenantId: string) {
  return new Map((await deps.repos.departments.list(tenantId)).map((d) => [d.id, d]));
}

/** The department a code names, or 404. */
async function departmentOf(deps: AppDeps, tenantId: string, code: string) {
  const dept = await deps.repos.departments.getByCode(tenantId, code);
  if (dept === null) throw notFound({ fa: `واحد ${fsi(code)}`, en: `Department ${code}` });
  return dept;
}

/** Every cycle of the caller's municipality, newest first. */
export async function listCycles(deps: AppDeps, p: Principal): Promise<ApiCycle[]> {
  const [cycles, depts] = await Promise.all([
    deps.repos.cycles.list(p.tenantId),
    departmentsById(deps, p.tenantId),
  ]);
  return cycles.map((c) => toApiCycle(c, depts));
}

/** Creates a cycle (admin, approver) with its planning department. */
export async function createCycle(
  deps: AppDeps,
  p: Principal,
  body: {
    startYear: number;
    years?: number | undefined;
    title: string;
    planningDepartmentCode: string;
  },
): Promise<ApiCycle> {
  requireRole(p, 'admin', 'approver');
  const dept = await departmentOf(deps, p.tenantId, body.planningDepartmentCode);
  const result = await deps.repos.cycles.create(
    p.tenantId,
    {
      startYear: body.startYear,
      ...(body.years !== undefined && { years: body.years }),
      title: body.title,
      planningDepartmentId: dept.id,
    },
    p.userId,
  );
  if (!result.ok)
    throw result.reason === 'exists'
      ? apiError(
          'ALREADY_EXISTS',
          `دوره‌ای که از سال ${toPersianDigits(String(body.startYear))} آغاز می‌شود از پیش هست.`,
          `A cycle starting in ${body.startYear} already exists.`,
        )
      : apiError(
          'INVALID_REQUEST',
          'این دوره ساخته نشد.',
          `The cycle was not created (${result.reason}).`,
        );
  return toApiCycle(result.cycle, new Map([[dept.id, dept]]));
}

/**
 * Names a cycle's planning department (admin, approver): for a cycle made before cycles had
 * one, or to correct it before the framework is filed (409 after).
 */
export async function setPlanningDepartment(
  deps: AppDeps,
  p: Principal,
  cycleId: string,
  body: { planningDepartmentCode: string },
): Promise<ApiCycle> {
  requireRole(p, 'admin', 'approver');
  const dept = await departmentOf(deps, p.tenantId, body.planningDepartmentCode);
  const result = await deps.repos.cycles.setPlanningDepartment(
    p.tenantId,
    cycleId,
    dept.id,
    p.userId,
  );
  if (result.ok) return toApiCycle(result.cycle, new Map([[dept.id, dept]]));
  if (result.reason === 'framework-filed')
    throw apiError(
      'ALREADY_EXISTS',
      'چارچوب این دوره پیش‌تر زیر واحد برنامه‌ریزی آن ثبت شده است؛ واحد برنامه‌ریزی دیگر جابه‌جا نمی‌شود.',
      'The framework of this cycle is already filed under its planning department, which no longer moves.',
    );
  throw notFound(term('cycle'));
}
