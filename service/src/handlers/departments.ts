/**
 * Departments: the list every signed-in person reads (codes and names are not secret within a
 * municipality: the pane and the CLI resolve a plan's department by its code). Express-free.
 */
import type { ApiDepartment } from '#core';
import type { Principal } from '../auth';
import type { DepartmentRecord } from '../repositories';
import type { AppDeps } from './context';

/** A department for the API. */
export function toApiDepartment(d: DepartmentRecord): ApiDepartment {
  return { id: d.id, code: d.code, name: d.name, kind: d.kind };
}

/** The departments of the caller's municipality. */
export async function listDepartments(deps: AppDeps, p: Principal): Promise<ApiDepartment[]> {
  return (await deps.repos.departments.list(p.tenantId)).map(toApiDepartment);
}
