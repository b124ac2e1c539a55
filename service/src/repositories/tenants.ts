/**
 * Municipalities (the tenants) and their departments.
 */
import { idKey, idSkeleton, invisibleInId, normalizeId } from '#core';
import { isForeignKeyViolation, isUniqueViolation, TX_OPTIONS } from './client';
import type { RepositoryContext } from './context';
import { writeAudited } from './audit';
import { purgeTenantRows } from '../db/sql';

/** A tenant id: a lower-case slug, 2–40 characters (it also appears in API tokens and URLs). */
export const TENANT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,39}$/;

/** A municipality. */
export interface TenantRecord {
  id: string;
  name: string;
  /**
   * A practice municipality (issue 20): seeded from the sample for the people of a real one to
   * try every step; resettable by its admin; every page and document of it says «تمرینی».
   */
  practice: boolean;
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
    input: { id: string; name: string; practice?: boolean },
    actorId: string | null,
  ): Promise<{ ok: true; tenant: TenantRecord } | { ok: false; reason: 'invalid-id' | 'exists' }>;
  get(tenantId: string): Promise<TenantRecord | null>;
  /** True for a practice municipality: its pages and documents are marked (issue 20). */
  isPractice(tenantId: string): Promise<boolean>;
  /** Every municipality (for operators; the tenant table is the one table not kept per tenant). */
  list(): Promise<TenantRecord[]>;
  /**
   * Deletes a practice municipality and everything of it, in one transaction (its reset, before
   * it is seeded again); false when there is no practice municipality of that id (a real one is
   * never deleted). Its audit chain goes with it: the anchored head of the chain seeded anew is
   * then `replace`d, not `record`ed (`anchorNewChain`).
   */
  purgePractice(tenantId: string): Promise<boolean>;
  /** Anchors the chain's current head whatever was anchored (after a practice reset). */
  anchorNewChain(tenantId: string): Promise<void>;
}

/**
 * The tables of a municipality, children before their parents (the order a purge deletes in).
 * tests/service/practice.test.ts checks that it names every table that has `tenant_id`.
 */
export const TENANT_TABLES = [
  'consultation_contribution',
  'consultation',
  'notification',
  'idempotency_key',
  'audit_entry',
  'comment',
  'workflow_event',
  'agency_signature',
  'council_amendment',
  'city_snapshot_source',
  'city_snapshot',
  'version_total',
  'version_plan_row',
  'version_row',
  'submission_version',
  'submission',
  'plan_cycle',
  'user_session',
  'user_password',
  'api_token',
  'user_role',
  'app_user',
  'department',
] as const;

/** Departments of a municipality. */
export interface DepartmentRepository {
  /**
   * Creates a department. Its code is stored in the core's one ID form (`normalizeId`: NFKC,
   * Persian letters, ASCII digits), so `K-يك` is stored as `K-یک`. Refused: a code that is
   * empty or holds an invisible or bidi control character (`invalid-code`: `K-ONE` + U+200B),
   * and one that is, or looks the same as, a code of the municipality (`exists`; `lookalike`
   * when only the confusable skeleton is equal, e.g. a Cyrillic `К`).
   */
  create(
    tenantId: string,
    input: { code: string; name: string; kind?: string | null },
    actorId: string | null,
  ): Promise<
    | { ok: true; department: DepartmentRecord }
    | { ok: false; reason: 'exists' | 'lookalike' | 'invalid-code' | 'no-tenant' }
  >;
  get(tenantId: string, id: string): Promise<DepartmentRecord | null>;
  /** The department whose code is this one compared by `idKey` (`k-۱` finds `K-1`). */
  getByCode(tenantId: string, code: string): Promise<DepartmentRecord | null>;
  list(tenantId: string): Promise<DepartmentRecord[]>;
}

/** A department code the municipality already has, or one that looks the same (rolls back). */
class CodeTaken extends Error {
  constructor(readonly reason: 'exists' | 'lookalike') {
    super(reason);
  }
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
            data: {
              id: input.id,
              name: input.name,
              practice: input.practice ?? false,
              createdAt: at,
            },
          });
          return {
            value: created,
            audit: {
              actorId,
              action: 'tenant.create',
              entity: 'municipality',
              entityId: created.id,
              data: { name: created.name, ...(created.practice && { practice: true }) },
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
    async isPractice(tenantId) {
      const m = await prisma.municipality.findUnique({
        where: { id: tenantId },
        select: { practice: true },
      });
      return m?.practice === true;
    },

    list: () => prisma.municipality.findMany({ orderBy: { id: 'asc' } }),

    async purgePractice(tenantId) {
      return prisma.$transaction(async (tx) => {
        const tenant = await tx.municipality.findUnique({ where: { id: tenantId } });
        if (tenant === null || !tenant.practice) return false;
        await purgeTenantRows(tx, tenantId, TENANT_TABLES);
        await tx.municipality.delete({ where: { id: tenantId } });
        return true;
      }, TX_OPTIONS);
    },

    async anchorNewChain(tenantId) {
      const last = await prisma.auditEntry.findFirst({
        where: { tenantId },
        orderBy: { seq: 'desc' },
        select: { seq: true, hash: true },
      });
      if (last !== null) ctx.auditHead?.replace({ tenantId, seq: last.seq, hash: last.hash });
    },
  };
}

/** The department repository. */
export function departmentRepository(ctx: RepositoryContext): DepartmentRepository {
  const { prisma } = ctx;
  return {
    async create(tenantId, input, actorId) {
      const code = normalizeId(input.code);
      if (code === '' || invisibleInId(input.code).length > 0)
        return { ok: false, reason: 'invalid-code' };
      try {
        const department = await writeAudited(ctx, tenantId, async (tx, at) => {
          // Departments are few (tens): compare with every code of the municipality.
          const others = await tx.department.findMany({
            where: { tenantId },
            select: { code: true },
          });
          const same = others.find((o) => idKey(o.code) === idKey(code));
          if (same !== undefined) throw new CodeTaken('exists');
          const skeleton = idSkeleton(code);
          if (others.some((o) => idSkeleton(o.code) === skeleton)) throw new CodeTaken('lookalike');
          const created = await tx.department.create({
            data: {
              tenantId,
              code,
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
        if (error instanceof CodeTaken) return { ok: false, reason: error.reason };
        if (isUniqueViolation(error)) return { ok: false, reason: 'exists' };
        if (isForeignKeyViolation(error)) return { ok: false, reason: 'no-tenant' };
        throw error;
      }
    },

    get: (tenantId, id) =>
      prisma.department.findUnique({ where: { tenantId_id: { tenantId, id } } }),

    async getByCode(tenantId, code) {
      const exact = await prisma.department.findUnique({
        where: { tenantId_code: { tenantId, code: normalizeId(code) } },
      });
      if (exact !== null) return exact;
      // Codes stored before they were normalised, or typed in another case or digits.
      const key = idKey(code);
      const all = await prisma.department.findMany({ where: { tenantId } });
      return all.find((d) => idKey(d.code) === key) ?? null;
    },

    list: (tenantId) =>
      prisma.department.findMany({ where: { tenantId }, orderBy: { code: 'asc' } }),
  };
}
