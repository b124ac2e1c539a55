/**
 * Municipalities (the tenants) and their departments.
 */
import { isForeignKeyViolation, isUniqueViolation } from './client';
import type { RepositoryContext } from './context';
import { writeAudited } from './audit';

/** A tenant id: a lower-case slug, 2–40 characters (it also appears in API tokens and URLs). */
export const TENANT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,39}$/;

/** A municipality. */
export interface TenantRecord {
  id: string;
  name: string;
  createdAt: Date;
}

/** A department of a municipality. */
export interface DepartmentRecord {
  tenantId: string;
  id: string;
  /** The workbook's `DeptId`, e.g. "URB". */
  code: string;
  name: string;
  kind: string | null;
  createdAt: Date;
}

/** Municipalities. */
export interface TenantRepository {
  /** Creates a municipality; its first audit entry starts its chain. */
  create(
    input: { id: string; name: string },
    actorId: string | null,
  ): Promise<{ ok: true; tenant: TenantRecord } | { ok: false; reason: 'invalid-id' | 'exists' }>;
  get(tenantId: string): Promise<TenantRecord | null>;
  /** Every municipality (for operators; the tenant table is the one table not kept per tenant). */
  list(): Promise<TenantRecord[]>;
}

/** Departments of a municipality. */
export interface DepartmentRepository {
  create(
    tenantId: string,
    input: { code: string; name: string; kind?: string | null },
    actorId: string | null,
  ): Promise<
    { ok: true; department: DepartmentRecord } | { ok: false; reason: 'exists' | 'no-tenant' }
  >;
  get(tenantId: string, id: string): Promise<DepartmentRecord | null>;
  getByCode(tenantId: string, code: string): Promise<DepartmentRecord | null>;
  list(tenantId: string): Promise<DepartmentRecord[]>;
}

/** The tenant repository. */
export function tenantRepository(ctx: RepositoryContext): TenantRepository {
  const { prisma } = ctx;
  return {
    async create(input, actorId) {
      if (!TENANT_ID_PATTERN.test(input.id)) return { ok: false, reason: 'invalid-id' };
      try {
        const tenant = await writeAudited(ctx, input.id, async (tx, at) => {
          const created = await tx.municipality.create({
            data: { id: input.id, name: input.name, createdAt: at },
          });
          return {
            value: created,
            audit: {
              actorId,
              action: 'tenant.create',
              entity: 'municipality',
              entityId: created.id,
              data: { name: created.name },
            },
          };
        });
        return { ok: true, tenant };
      } catch (error) {
        if (isUniqueViolation(error)) return { ok: false, reason: 'exists' };
        throw error;
      }
    },

    get: (tenantId) => prisma.municipality.findUnique({ where: { id: tenantId } }),

    list: () => prisma.municipality.findMany({ orderBy: { id: 'asc' } }),
  };
}

/** The department repository. */
export function departmentRepository(ctx: RepositoryContext): DepartmentRepository {
  const { prisma } = ctx;
  return {
    async create(tenantId, input, actorId) {
      try {
        const department = await writeAudited(ctx, tenantId, async (tx, at) => {
          const created = await tx.department.create({
            data: {
              tenantId,
              code: input.code,
              name: input.name,
              kind: input.kind ?? null,
              createdAt: at,
            },
          });
          return {
            value: created,
            audit: {
              actorId,
              action: 'department.create',
              entity: 'department',
              entityId: created.id,
              data: { code: created.code, name: created.name, kind: created.kind },
            },
          };
        });
        return { ok: true, department };
      } catch (error) {
        if (isUniqueViolation(error)) return { ok: false, reason: 'exists' };
        if (isForeignKeyViolation(error)) return { ok: false, reason: 'no-tenant' };
        throw error;
      }
    },

    get: (tenantId, id) =>
      prisma.department.findUnique({ where: { tenantId_id: { tenantId, id } } }),

    getByCode: (tenantId, code) =>
      prisma.department.findUnique({ where: { tenantId_code: { tenantId, code } } }),

    list: (tenantId) =>
      prisma.department.findMany({ where: { tenantId }, orderBy: { code: 'asc' } }),
  };
}
