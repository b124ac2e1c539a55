/**
 * Rolling a cycle (issue 14, «برنامه غلتان»): `POST /api/cycles/{cycleId}/roll` opens the next
 * cycle (start + 1 … end + 1) from the cycle's approved plan. The transformation is the core's
 * (`rollPlan`); this module only reads the latest approved version of each submission (the
 * framework, every department, the revenue workbook) and the cycle's approved monitoring (as
 * the consolidation assembles it: revenue actuals from the finance department only), and
 * stores each rolled workbook as the first version of a draft submission of the new cycle, for
 * its department to fill in the new last year and push. Monitoring submissions do not roll.
 */
import type { ApiRoll, CanonicalTable, Finding, RawWorkbook, WorkbookKind } from '#core';
import { fromCanonicalTables, isFrameworkKind, rollPlan, toPersianDigits, term } from '#core';
import type { Principal } from '../auth';
import { requireRole } from '../auth';
import { assembleCityPlan } from '../consolidate';
import type { JsonValue } from '../db/canonical';
import { apiError, notFound } from '../http/errors';
import type { SubmissionRecord } from '../repositories';
import { toApiCycle } from './cycles';
import type { AppDeps } from './context';
import { cycleSubmissions, latestApprovedVersion, versionPlan } from './submissions';
import { toPlanTables, toVersionTables, validateForPush, versionTotals } from './workbook';

/** Tables the monitoring brings to the roll: what was paid and realised. */
const MONITORING_TABLES = new Set(['tblActuals', 'tblRevenueActuals']);

/** What a roll made (the API's `ApiRoll`). */
export type RollResult = ApiRoll;

/** Opens the next cycle from a cycle's approved plan (approver, admin). */
export async function rollCycle(
  deps: AppDeps,
  p: Principal,
  cycleId: string,
  body: { title?: string | undefined },
): Promise<RollResult> {
  requireRole(p, 'admin', 'approver');
  const { repos } = deps;
  const tenantId = p.tenantId;
  const cycle = await repos.cycles.get(tenantId, cycleId);
  if (cycle === null) throw notFound(term('cycle'));
  const depts = new Map((await repos.departments.list(tenantId)).map((d) => [d.id, d]));
  const codeOf = (sub: SubmissionRecord) => depts.get(sub.departmentId)?.code ?? '';
  const { included } = await cycleSubmissions(deps, tenantId, cycleId);

  // The approved plan: each submission's latest approved version (monitoring apart).
  const left: RollResult['left'] = [];
  const approved: { sub: SubmissionRecord; tables: CanonicalTable[] }[] = [];
  for (const sub of included) {
    if (sub.kind === 'monitoring') continue;
    const version = await latestApprovedVersion(deps, sub);
    if (version === null) {
      left.push({
        submissionId: sub.id,
        departmentCode: codeOf(sub),
        kind: sub.kind as WorkbookKind,
        reason: 'not-approved',
      });
      continue;
    }
    approved.push({ sub, tables: await versionPlan(deps, sub, version) });
  }
  const framework = approved.find((a) => isFrameworkKind(a.sub.kind));
  if (framework === undefined)
    throw apiError(
      'INVALID_TRANSITION',
      'چارچوب این دوره برنامه‌ریزی تصویب نشده است؛ برنامه‌ای که تصویب نشده به دوره بعد نمی‌غلتد.',
      'The framework of this cycle is not approved: a plan that is not approved does not roll into the next cycle.',
    );
  const monitoring = (await assembleCityPlan(deps, tenantId, cycleId)).tables.filter((t) =>
    MONITORING_TABLES.has(t.name),
  );

  // Rolled first, stored after: a failure leaves no half-made cycle behind.
  const rolled = approved.map((a) => ({ ...a, rolled: rollPlan(a.tables, { monitoring }) }));
  const start = cycle.startYear + 1;
  const end = cycle.endYear + 1;
  const created = await repos.cycles.create(
    tenantId,
    {
      startYear: start,
      years: end - start + 1,
      title:
        body.title?.trim() || `${toPersianDigits(String(start))}–${toPersianDigits(String(end))}`,
      planningDepartmentId: cycle.planningDepartmentId ?? framework.sub.departmentId,
    },
    p.userId,
  );
  if (!created.ok)
    throw created.reason === 'exists'
      ? apiError(
          'ALREADY_EXISTS',
          `دوره‌ای که از سال ${toPersianDigits(String(start))} آغاز می‌شود از پیش هست؛ برنامه به آن نمی‌غلتد.`,
          `A cycle starting in ${start} already exists; the plan does not roll into it.`,
        )
      : apiError(
          'INVALID_REQUEST',
          'دوره بعد ساخته نشد.',
          `The next cycle was not created (${created.reason}).`,
        );
  const next = created.cycle;

  const frameworkWorkbook: RawWorkbook = fromCanonicalTables(
    rolled.find((r) => r.sub.id === framework.sub.id)?.rolled.tables ?? [],
  );
  const result: RollResult = {
    cycle: toApiCycle(next, depts),
    submissions: [],
    left,
    notes: [],
  };
  // The framework first: the new cycle names it as its framework.
  const ordered = [...rolled].sort(
    (a, b) => Number(isFrameworkKind(b.sub.kind)) - Number(isFrameworkKind(a.sub.kind)),
  );
  for (const { sub, rolled: plan } of ordered) {
    const code = codeOf(sub);
    const made = await repos.submissions.create(
      tenantId,
      { cycleId: next.id, departmentId: sub.departmentId, kind: sub.kind, title: sub.title },
      p.userId,
    );
    if (!made.ok) throw new Error(`rolling: submission ${code} ${sub.kind}: ${made.reason}`);
    const raw = fromCanonicalTables(plan.tables);
    const checked = validateForPush(
      raw,
      isFrameworkKind(sub.kind) ? undefined : frameworkWorkbook,
      sub.kind,
    );
    // The draft is stored with its findings, errors too: the new last year is empty until its
    // department fills it in and pushes (a push is validated as always).
    const findings: Finding[] = checked.findings;
    const version = await repos.versions.createVersion(tenantId, {
      submissionId: made.submission.id,
      baseVersion: 0,
      tables: toVersionTables(raw, checked.plan),
      plan: toPlanTables(checked.plan),
      xlsx: null,
      validation: { findings, skipped: checked.skipped } as unknown as JsonValue,
      totals: versionTotals(checked.plan),
      actorId: p.userId,
    });
    if (version.kind !== 'created')
      throw new Error(`rolling: version of ${code} ${sub.kind}: ${version.kind}`);
    result.submissions.push({
      submissionId: made.submission.id,
      departmentCode: code,
      kind: sub.kind as WorkbookKind,
      version: version.version.version,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
    });
    for (const message of plan.notes)
      result.notes.push({ departmentCode: code, kind: sub.kind as WorkbookKind, message });
  }
  // The cycle as it stands now (its framework named).
  const now = await repos.cycles.get(tenantId, next.id);
  if (now !== null) result.cycle = toApiCycle(now, depts);
  return result;
}
