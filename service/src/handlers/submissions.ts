/**
 * Submissions: pushing versions (validate with the core → store all or nothing), pulling
 * them, reference data, the workflow and comments. Express-free: routes parse the request,
 * these functions decide, repositories store.
 */
import type {
  ApiActionVerdict,
  MonitoringReference,
  Plan,
  ValidationRule,
  ApiConsolidation,
  ApiSubmission,
  CanonicalTable,
  FourEyesFacts,
  Language,
  RawWorkbook,
  SubmissionStatus,
  WorkbookKind,
  WorkflowAction,
} from '#core';
import {
  CANONICAL_FORM,
  IDEMPOTENCY_KEY_PATTERN,
  checkMonitoringAgainstPlan,
  fromCanonicalTables,
  EDITABLE_STATUSES,
  REFERENCE_TABLES,
  WORKFLOW_ACTIONS,
  diffVersions,
  isFrameworkKind,
  judgeAction,
  judgeActions,
  judgePush,
  notEditableReason,
  idKey,
  needsFourEyesFacts,
  readPlan,
  toCanonicalTables,
  fsi,
  term,
} from '#core';
import { writeRawWorkbook } from '../../../io';
import type { Principal } from '../auth';
import { canReadDepartment, hasRole, requireDepartment, requireRole } from '../auth';
import type { JsonObject, JsonValue } from '../db/canonical';
import { apiError, ApiError, notFound } from '../http/errors';
import type { DepartmentRecord, SubmissionRecord, VersionDetail } from '../repositories';
import type { AppDeps } from './context';
import { etagOf, toApiEvent, toApiSubmission, toApiVersion } from './context';
import {
  fromPlanTables,
  fromVersionTables,
  toPlanTables,
  toVersionTables,
  validateForPush,
  versionTotals,
} from './workbook';

/** Which version to read: a number, the latest, or the latest approved. */
export type VersionSelector = number | 'latest' | 'approved';

/** A submission the caller may read (404 when absent, 403 when not theirs). */
export async function readableSubmission(deps: AppDeps, p: Principal, id: string) {
  const sub = await deps.repos.submissions.getForRead(p.tenantId, id);
  if (sub === null) throw notFound(term('submission'));
  requireDepartment(p, sub.departmentId, false);
  return sub;
}

/** The version number a selector names, or 404. */
export async function resolveVersion(
  deps: AppDeps,
  sub: SubmissionRecord,
  selector: VersionSelector,
): Promise<number> {
  if (selector === 'latest') {
    if (sub.currentVersion === 0)
      throw notFound({ fa: 'نسخه‌ای از این برنامه', en: 'A version of this submission' });
    return sub.currentVersion;
  }
  if (selector === 'approved') {
    const v = await latestApprovedVersion(deps, sub);
    if (v === null)
      throw notFound({
        fa: 'نسخه تصویب‌شده‌ای از این برنامه',
        en: 'An approved version of this submission',
      });
    return v;
  }
  if (selector < 1 || selector > sub.currentVersion)
    throw notFound({ fa: `نسخه ${selector}`, en: `Version ${selector}` });
  return selector;
}

/** The latest version that was approved (an approved version is frozen), or null. */
export async function latestApprovedVersion(
  deps: AppDeps,
  sub: SubmissionRecord,
): Promise<number | null> {
  if (sub.status === 'approved') return sub.currentVersion;
  const events = await deps.repos.submissions.history(sub.tenantId, sub.id);
  const approvals = events.filter((e) => e.action === 'approve');
  return approvals.at(-1)?.version ?? null;
}

/** The stored tables of a version, as pushed. */
export async function versionTables(deps: AppDeps, sub: SubmissionRecord, version: number) {
  const v = await deps.repos.versions.getVersion(sub.tenantId, sub.id, version, { rows: true });
  if (v === null) throw notFound({ fa: `نسخه ${version}`, en: `Version ${version}` });
  return { detail: v, tables: v.tables ?? {} };
}

/**
 * A version's plan in the core's canonical form: what every figure of the register is
 * computed from. Versions stored since plan rows exist have them; for an older one (or one
 * whose rows are of another `CANONICAL_FORM`) the plan is derived from its stored cells
 * with the core's one normaliser, read as its push was read: with its own `tblPlanInfo` and
 * the cycle's framework as reference data (`reference`, asked for only then). Nothing is
 * written back: versions are immutable.
 */
export async function versionPlan(
  deps: AppDeps,
  sub: SubmissionRecord,
  version: number,
  reference: () => Promise<RawWorkbook | undefined> = async () =>
    (await referenceWorkbook(deps, sub.tenantId, sub.cycleId))?.workbook,
  /** The version with its plan rows, when the caller read it already (`getPlans`). */
  read?: VersionDetail | null,
): Promise<CanonicalTable[]> {
  const v =
    read === undefined
      ? await deps.repos.versions.getVersion(sub.tenantId, sub.id, version, { plan: true })
      : read;
  if (v === null) throw notFound({ fa: `نسخه ${version}`, en: `Version ${version}` });
  if (v.planForm === CANONICAL_FORM) return fromPlanTables(v.plan ?? {});
  const { tables } = await versionTables(deps, sub, version);
  const ref = isFrameworkKind(sub.kind) ? undefined : await reference();
  const { plan } = readPlan(fromVersionTables(tables), ref === undefined ? {} : { reference: ref });
  return toCanonicalTables(plan);
}

/**
 * The cycle's framework (or city) submission, the one its cycle names (filed under the
 * planning department), and its latest approved version; null when not filed or not approved.
 * No other submission is ever taken as the framework.
 */
export async function approvedFramework(deps: AppDeps, tenantId: string, cycleId: string) {
  const cycle = await deps.repos.cycles.get(tenantId, cycleId);
  if (cycle?.frameworkSubmissionId == null) return null;
  const sub = await deps.repos.submissions.get(tenantId, cycle.frameworkSubmissionId);
  if (sub === null) return null;
  const version = await latestApprovedVersion(deps, sub);
  return version === null ? null : { sub, version };
}

/** Why a submission of a cycle is left out of its consolidation. */
export type IgnoredReason = ApiConsolidation['ignored'][number]['reason'];

/**
 * The submissions a cycle's consolidation is made of: its framework (the one the cycle
 * names) first, then every department, revenue and monitoring submission. Any other
 * framework or city submission (filed before a cycle named its framework) is left out.
 */
export async function cycleSubmissions(deps: AppDeps, tenantId: string, cycleId: string) {
  const [cycle, subs] = await Promise.all([
    deps.repos.cycles.get(tenantId, cycleId),
    deps.repos.submissions.list(tenantId, { cycleId }),
  ]);
  const frameworkId = cycle?.frameworkSubmissionId ?? null;
  const framework = subs.filter((s) => s.id === frameworkId);
  const others = subs.filter((s) => !isFrameworkKind(s.kind));
  const ignored = subs
    .filter((s) => isFrameworkKind(s.kind) && s.id !== frameworkId)
    .map((sub) => ({ sub, reason: 'not-the-cycle-framework' as IgnoredReason }));
  return { included: [...framework, ...others], ignored };
}

/**
 * Creates a submission: a department's workbook of a kind in a cycle. A department's own
 * workbooks: its preparers, an approver or the admin. The cycle's framework (or city)
 * workbook: an approver or the admin only (403), once per cycle (409), under the cycle's
 * planning department (422).
 */
export async function createSubmission(
  deps: AppDeps,
  p: Principal,
  body: { cycleId: string; departmentCode: string; kind: WorkbookKind; title: string },
) {
  const dept = await deps.repos.departments.getByCode(p.tenantId, body.departmentCode);
  if (dept === null)
    throw notFound({
      fa: `واحد ${fsi(body.departmentCode)}`,
      en: `Department ${body.departmentCode}`,
    });
  if (isFrameworkKind(body.kind)) requireRole(p, 'approver', 'admin');
  else if (!hasRole(p, 'approver')) requireDepartment(p, dept.id, true);
  const result = await deps.repos.submissions.create(
    p.tenantId,
    { cycleId: body.cycleId, departmentId: dept.id, kind: body.kind, title: body.title },
    p.userId,
  );
  if (result.ok) return { submission: result.submission, department: dept };
  switch (result.reason) {
    case 'exists':
      throw apiError(
        'ALREADY_EXISTS',
        'این برنامه از پیش ساخته شده است.',
        'This department already has a submission of this kind in the cycle.',
      );
    case 'framework-exists':
      throw apiError(
        'ALREADY_EXISTS',
        'این دوره چارچوب شهر (یا برنامه یکپارچه شهر) خود را دارد؛ هر دوره تنها یکی دارد.',
        'This cycle already has its city framework (or city plan); a cycle has exactly one.',
      );
    case 'not-planning-department': {
      const cycle = await deps.repos.cycles.get(p.tenantId, body.cycleId);
      const planning =
        cycle?.planningDepartmentId == null
          ? null
          : await deps.repos.departments.get(p.tenantId, cycle.planningDepartmentId);
      throw apiError(
        'DEPARTMENT_MISMATCH',
        planning === null
          ? 'واحد برنامه‌ریزی این دوره هنوز تعیین نشده است؛ نخست آن را تعیین کنید.'
          : `چارچوب این دوره را واحد برنامه‌ریزی آن، ${planning.code}، ثبت می‌کند نه ${dept.code}.`,
        planning === null
          ? 'This cycle has no planning department yet; name it first.'
          : `The framework of this cycle is filed under its planning department ${planning.code}, not ${dept.code}.`,
        { planningDepartmentCode: planning?.code ?? null },
      );
    }
    case 'reference-missing':
      throw notFound(term('cycle'));
  }
}

/** Reference data of a cycle: the approved framework's tables, marked as reference. */
export async function referenceWorkbook(
  deps: AppDeps,
  tenantId: string,
  cycleId: string,
  options: { asReference?: boolean; lang?: Language | 'keys' } = {},
): Promise<{ workbook: RawWorkbook; source: { submissionId: string; version: number } } | null> {
  const fw = await approvedFramework(deps, tenantId, cycleId);
  if (fw === null) return null;
  const { tables } = await versionTables(deps, fw.sub, fw.version);
  return {
    workbook: fromVersionTables(tables, {
      only: REFERENCE_TABLES,
      asReference: options.asReference ?? true,
      lang: options.lang ?? 'keys',
    }),
    source: { submissionId: fw.sub.id, version: fw.version },
  };
}

/** Parses `If-Match` (`"3"`, `W/"3"`, `3`) into the base version; 428 when absent. */
export function baseVersionOf(ifMatch: string | undefined): number {
  if (ifMatch === undefined || ifMatch.trim() === '')
    throw apiError(
      'PRECONDITION_REQUIRED',
      'سرآیند \u2066If-Match\u2069 با نسخه‌ای که بر پایه آن کار کرده‌اید لازم است ("۰" برای نخستین نسخه).',
      'Send If-Match with the version you worked on ("0" for the first version).',
    );
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(ifMatch.trim());
  if (m === null)
    throw apiError(
      'INVALID_REQUEST',
      '\u2066If-Match\u2069 باید شماره نسخه باشد، مانند "۳".',
      'If-Match must be a version number, like "3".',
    );
  return Number(m[1]);
}

/** The client's `Idempotency-Key`, checked (400 when malformed). */
export function idempotencyKeyOf(header: string | undefined): string | undefined {
  if (header !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(header))
    throw apiError(
      'INVALID_REQUEST',
      '\u2066Idempotency-Key\u2069 باید ۸ تا ۲۰۰ نویسه از حروف، رقم، «-»، «_»، «.» یا «:» باشد.',
      'Idempotency-Key must be 8–200 characters of letters, digits, "-", "_", "." or ":".',
    );
  return header;
}

/**
 * The key a push's `Idempotency-Key` is stored under: the client's key within its caller and
 * submission (`<user>/<submission>/<key>`; `/` is not a key character, so two scopes never
 * meet). Two departments (or one person on two plans) may use the same key.
 */
export function scopedIdempotencyKey(p: Principal, submissionId: string, key: string): string {
  return `${p.userId}/${submissionId}/${key}`;
}

/**
 * Whether a push may go on to have its body read and parsed: everything that does not need
 * the body, checked first, so that a push that will be refused costs no parse. The route's
 * role (preparer or admin: 403), the submission (404), the caller's department (403), and,
 * unless the request is the retry of a stored `Idempotency-Key` (whose answer is the stored
 * one), `If-Match` (428, 400), the submission's status (409) and the base version (409).
 * `pushVersion` checks all of it again after the parse (the repository atomically).
 */
export async function admitPush(
  deps: AppDeps,
  p: Principal,
  submissionId: string,
  headers: { ifMatch: string | undefined; idempotencyKey: string | undefined },
): Promise<void> {
  requireRole(p, 'preparer', 'admin');
  const key = idempotencyKeyOf(headers.idempotencyKey);
  const sub = await deps.repos.submissions.get(p.tenantId, submissionId);
  if (sub === null) throw notFound(term('submission'));
  requireDepartment(p, sub.departmentId, true);
  const baseVersion = baseVersionOf(headers.ifMatch);
  if (
    key !== undefined &&
    (await deps.repos.idempotency.find(p.tenantId, scopedIdempotencyKey(p, sub.id, key))) !== null
  )
    return;
  if (!EDITABLE_STATUSES.includes(sub.status)) throw notEditable(sub.status);
  if (baseVersion !== sub.currentVersion)
    throw await conflict(deps, sub, baseVersion, sub.currentVersion);
}

/** What a push gives the handler. */
export interface PushInput {
  raw: RawWorkbook;
  xlsx: Uint8Array | null;
  ifMatch: string | undefined;
  /** The client's key as sent (scoped to the caller and the submission when stored). */
  idempotencyKey: string | undefined;
  /** Hex SHA-256 of the request (method, path, If-Match, body). */
  requestHash: string;
}

/** The outcome of a push: HTTP status, body, and whether it is a replay. */
export interface PushOutcome {
  status: number;
  body: JsonValue;
  replayed: boolean;
  etag: string;
}

/**
 * Pushes a workbook as a new version: re-validates it with the core (errors: 422 with the
 * findings, nothing stored; warnings are kept with the version), checks its department and
 * kind against the submission, and stores it conditional on `If-Match` (409 with what
 * changed since, when stale) and once per `Idempotency-Key`.
 */
export async function pushVersion(
  deps: AppDeps,
  p: Principal,
  submissionId: string,
  input: PushInput,
): Promise<PushOutcome> {
  const { repos } = deps;
  const sub = await repos.submissions.get(p.tenantId, submissionId);
  if (sub === null) throw notFound(term('submission'));
  requireDepartment(p, sub.departmentId, true);
  const baseVersion = baseVersionOf(input.ifMatch);
  const clientKey = idempotencyKeyOf(input.idempotencyKey);
  const idem =
    clientKey === undefined
      ? undefined
      : { key: scopedIdempotencyKey(p, sub.id, clientKey), requestHash: input.requestHash };
  if (idem !== undefined) {
    const seen = await repos.idempotency.check(p.tenantId, idem.key, idem.requestHash);
    if (seen.kind === 'replay') return replay(seen.storedResponse);
    if (seen.kind === 'mismatch') throw idempotencyMismatch();
  }

  // Cheap refusals before the costly validation (the repository checks both again, atomically).
  if (!EDITABLE_STATUSES.includes(sub.status)) throw notEditable(sub.status);
  if (baseVersion !== sub.currentVersion)
    throw await conflict(deps, sub, baseVersion, sub.currentVersion);

  const reference = isFrameworkKind(sub.kind)
    ? undefined
    : (await referenceWorkbook(deps, p.tenantId, sub.cycleId))?.workbook;
  // A monitoring workbook is checked against the approved plan of its cycle too.
  const extraRules = sub.kind === 'monitoring' ? [await monitoringRule(deps, sub)] : undefined;
  const { plan, findings, skipped } = validateForPush(input.raw, reference, sub.kind, extraRules);
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0)
    throw new ApiError(
      'WORKBOOK_INVALID',
      {
        fa: `کارپوشه ${errors.length} خطا دارد و ذخیره نشد؛ خطاها را برطرف کنید و دوباره بفرستید.`,
        en: `The workbook has ${errors.length} error(s) and was not stored; fix them and push again.`,
      },
      { findings, skipped },
    );
  await checkOwnership(deps, sub, plan.info.Department, plan.info.WorkbookKind);

  const warnings = findings.filter((f) => f.severity === 'warning');
  const validation = { findings: warnings, skipped } as unknown as JsonValue;
  const result = await repos.versions.createVersion(p.tenantId, {
    submissionId: sub.id,
    baseVersion,
    tables: toVersionTables(input.raw, plan),
    plan: toPlanTables(plan),
    xlsx: input.xlsx,
    validation,
    totals: versionTotals(plan),
    actorId: p.userId,
    ...(idem !== undefined && {
      idempotency: {
        ...idem,
        response: (created) =>
          ({
            ...toApiVersion(created),
            status: 'draft',
            warnings,
            skipped,
          }) as unknown as JsonValue,
      },
    }),
  });
  switch (result.kind) {
    case 'created':
      return {
        status: 201,
        replayed: false,
        etag: etagOf(result.version.version),
        body: {
          ...toApiVersion(result.version),
          status: result.submission.status,
          warnings,
          skipped,
        } as unknown as JsonValue,
      };
    case 'replay':
      return replay(result.storedResponse);
    case 'idempotency-mismatch':
      throw idempotencyMismatch();
    case 'not-found':
      throw notFound(term('submission'));
    case 'not-editable':
      throw notEditable(result.status);
    case 'conflict':
      throw await conflict(deps, sub, baseVersion, result.currentVersion);
  }
}

function notEditable(status: SubmissionStatus): ApiError {
  // The core's words, which the pane shows before a push (`judgePush`): the status by its caption.
  const reason = notEditableReason(status);
  return apiError('NOT_EDITABLE', reason.fa, reason.en, { status });
}

/** 409 with what changed between the client's base version and the current one. */
async function conflict(deps: AppDeps, sub: SubmissionRecord, base: number, current: number) {
  const changes = await changesSince(deps, sub, Math.min(base, current), current);
  return new ApiError(
    'VERSION_CONFLICT',
    {
      fa: `نسخه ${base} آخرین نسخه نیست (آخرین: ${current}). تغییرات را بگیرید و دوباره بفرستید.`,
      en: `Version ${base} is not the current version (current: ${current}). Pull the changes and push again.`,
    },
    { baseVersion: base, currentVersion: current, changes },
    { ETag: etagOf(current) },
  );
}

function replay(stored: JsonValue): PushOutcome {
  const version = (stored as { version?: number } | null)?.version ?? 0;
  return { status: 201, body: stored, replayed: true, etag: etagOf(version) };
}

/** The 422 of an `Idempotency-Key` reused for a different request. */
export function idempotencyMismatch(): ApiError {
  return apiError(
    'IDEMPOTENCY_MISMATCH',
    'این \u2066Idempotency-Key\u2069 پیش‌تر برای درخواست دیگری به کار رفته است؛ کلید تازه بسازید.',
    'This Idempotency-Key was used for a different request; use a new key.',
  );
}

async function changesSince(deps: AppDeps, sub: SubmissionRecord, base: number, current: number) {
  const before = base === 0 ? {} : (await versionTables(deps, sub, base)).tables;
  const after = current === 0 ? {} : (await versionTables(deps, sub, current)).tables;
  return diffVersions(base, before, current, after);
}

/** The workbook's `Department` and `WorkbookKind` must be the submission's. */
async function checkOwnership(
  deps: AppDeps,
  sub: SubmissionRecord,
  department: string,
  kind: string | null,
): Promise<void> {
  const dept = await deps.repos.departments.get(sub.tenantId, sub.departmentId);
  const code = dept?.code ?? '';
  const framework = isFrameworkKind(sub.kind);
  const deptOk = department.trim() === '' ? framework : idKey(department) === idKey(code);
  if (!deptOk)
    throw apiError(
      'DEPARTMENT_MISMATCH',
      `این کارپوشه از آنِ واحد «${department || '—'}» است، نه «${code}» که این برنامه به آن تعلق دارد.`,
      `This workbook belongs to department "${department || '—'}", not "${code}" that owns this submission.`,
      { workbookDepartment: department, submissionDepartment: code },
    );
  if (kind !== null && kind !== sub.kind)
    throw apiError(
      'DEPARTMENT_MISMATCH',
      `نوع کارپوشه «${kind}» است ولی این برنامه از نوع «${sub.kind}» است.`,
      `The workbook is of kind "${kind}" but this submission is "${sub.kind}".`,
      { workbookKind: kind, submissionKind: sub.kind },
    );
}

/** A version as JSON: its tables (raw, header = keys or captions), warnings and totals. */
export async function pullJson(
  deps: AppDeps,
  p: Principal,
  submissionId: string,
  selector: VersionSelector,
  lang: Language | 'keys',
) {
  const sub = await readableSubmission(deps, p, submissionId);
  const version = await resolveVersion(deps, sub, selector);
  const { detail, tables } = await versionTables(deps, sub, version);
  return {
    etag: etagOf(version),
    body: {
      submission: await submissionView(deps, p, sub, sub.departmentCode),
      ...toApiVersion(detail),
      validation: detail.validation,
      workbook: fromVersionTables(tables, { lang }),
    },
  };
}

/** A version as `.xlsx`: the stored original, or re-generated from its rows. */
export async function pullXlsx(
  deps: AppDeps,
  p: Principal,
  submissionId: string,
  selector: VersionSelector,
  source: 'original' | 'rows' | 'auto',
): Promise<{ bytes: Uint8Array; version: number; regenerated: boolean }> {
  const sub = await readableSubmission(deps, p, submissionId);
  const version = await resolveVersion(deps, sub, selector);
  if (source !== 'rows') {
    const v = await deps.repos.versions.getVersion(p.tenantId, sub.id, version, { xlsx: true });
    if (v?.xlsx != null) return { bytes: v.xlsx, version, regenerated: false };
    if (source === 'original')
      throw notFound({
        fa: 'پرونده اصلی \u2066.xlsx\u2069 این نسخه (این نسخه به‌صورت \u2066JSON\u2069 فرستاده شده است)',
        en: 'The original .xlsx of this version (it was pushed as JSON)',
      });
  }
  const { tables } = await versionTables(deps, sub, version);
  const workbook = fromVersionTables(tables, { lang: 'fa' });
  const practice = await deps.repos.tenants.isPractice(p.tenantId);
  return {
    bytes: await writeRawWorkbook(workbook, { lang: 'fa', practice }),
    version,
    regenerated: true,
  };
}

/** Who pushed and who submitted a submission's current version (what four eyes looks at). */
async function fourEyesFacts(deps: AppDeps, sub: SubmissionRecord): Promise<FourEyesFacts> {
  const events = await deps.repos.submissions.history(sub.tenantId, sub.id);
  const version =
    sub.currentVersion === 0
      ? null
      : await deps.repos.versions.getVersion(sub.tenantId, sub.id, sub.currentVersion);
  return {
    pushedBy: version?.createdById ?? null,
    submittedBy: events
      .filter((e) => e.action === 'submit' && e.version === sub.currentVersion)
      .map((e) => e.actorId),
  };
}

/**
 * The workflow actions the caller may take on a submission now, and why not for the others
 * (`judgeActions`). Who pushed and submitted is read only when a verdict hangs on it (an
 * approver looking at a reviewed plan), so that the hot reads stay one statement.
 */
export async function actionsFor(
  deps: AppDeps,
  p: Principal,
  sub: SubmissionRecord,
): Promise<ApiActionVerdict[]> {
  const facts = WORKFLOW_ACTIONS.some((a) => needsFourEyesFacts(a, p, sub))
    ? await fourEyesFacts(deps, sub)
    : undefined;
  return judgeActions(p, sub, facts);
}

/**
 * A submission as the caller sees it: with its department's code and name, the caller's
 * workflow actions and whether the caller may push (the core's `judgePush`, the rule
 * `admitPush` applies). The department is looked up when not given.
 */
export async function submissionView(
  deps: AppDeps,
  p: Principal,
  sub: SubmissionRecord,
  departmentCode: string | null,
  department?: Pick<DepartmentRecord, 'code' | 'name'> | null,
): Promise<ApiSubmission> {
  const dept =
    department !== undefined
      ? department
      : await deps.repos.departments.get(p.tenantId, sub.departmentId);
  return toApiSubmission(
    sub,
    departmentCode === null ? null : { code: departmentCode, name: dept?.name ?? departmentCode },
    await actionsFor(deps, p, sub),
    judgePush(p, sub),
  );
}

/** A refused action as the error it answers with. */
function refusal(verdict: ApiActionVerdict, status: string): ApiError {
  const code = verdict.code ?? 'INVALID_TRANSITION';
  const reason = verdict.reason ?? {
    fa: 'این کار اکنون ممکن نیست.',
    en: `The action "${verdict.action}" is not possible now.`,
  };
  return new ApiError(code, reason, code === 'INVALID_TRANSITION' ? { status } : undefined);
}

/**
 * Carries out a workflow action. Who may act (role, department, four eyes) and from which
 * status is the core's rule (`judgeAction`); the repository then moves the status only if it
 * is still the one judged, so two people acting at once cannot both succeed.
 */
export async function transition(
  deps: AppDeps,
  p: Principal,
  submissionId: string,
  input: {
    action: WorkflowAction;
    note?: string | undefined;
    expectedVersion?: number | undefined;
  },
) {
  const sub = await readableSubmission(deps, p, submissionId);
  const facts = needsFourEyesFacts(input.action, p, sub)
    ? await fourEyesFacts(deps, sub)
    : undefined;
  const verdict = judgeAction(input.action, p, sub, facts);
  if (!verdict.allowed) throw refusal(verdict, sub.status);
  const result = await deps.repos.submissions.transition(p.tenantId, {
    submissionId: sub.id,
    action: input.action,
    actorId: p.userId,
    note: input.note ?? null,
    ...(input.expectedVersion !== undefined && { expectedVersion: input.expectedVersion }),
  });
  switch (result.kind) {
    case 'done':
      return {
        submission: await submissionView(deps, p, result.submission, sub.departmentCode),
        event: toApiEvent(result.event, new Map([[p.userId, p.displayName]])),
      };
    case 'not-found':
      throw notFound(term('submission'));
    case 'no-version':
      throw refusal(judgeAction(input.action, p, { ...sub, currentVersion: 0 }), sub.status);
    case 'version-changed':
      throw apiError(
        'VERSION_CONFLICT',
        `نسخه تازه‌تری (${result.currentVersion}) فرستاده شده است؛ آن را ببینید.`,
        `A newer version (${result.currentVersion}) was pushed meanwhile; look at it first.`,
        { currentVersion: result.currentVersion },
      );
    case 'invalid-transition':
      // Someone else moved it between the judgement and the write: judged again on what is now.
      throw refusal(
        judgeAction(input.action, p, { ...sub, status: result.status }, facts),
        result.status,
      );
  }
}

/**
 * The submissions the caller may read, filtered as asked (a department code that names no
 * department gives an empty list).
 */
export async function listSubmissions(
  deps: AppDeps,
  p: Principal,
  q: { cycleId?: string; department?: string; kind?: string; status?: SubmissionStatus },
): Promise<ApiSubmission[]> {
  const depts = await deps.repos.departments.list(p.tenantId);
  const byId = new Map(depts.map((d) => [d.id, d]));
  const dept = q.department === undefined ? undefined : depts.find((d) => d.code === q.department);
  if (q.department !== undefined && dept === undefined) return [];
  const subs = await deps.repos.submissions.list(p.tenantId, {
    ...(q.cycleId !== undefined && { cycleId: q.cycleId }),
    ...(dept !== undefined && { departmentId: dept.id }),
    ...(q.kind !== undefined && { kind: q.kind }),
    ...(q.status !== undefined && { status: q.status }),
  });
  const visible = subs.filter((s) => canReadDepartment(p, s.departmentId));
  return Promise.all(
    visible.map((s) => {
      const d = byId.get(s.departmentId) ?? null;
      return submissionView(deps, p, s, d?.code ?? null, d);
    }),
  );
}

/**
 * A comment on a submission the caller may read; one anchored to a version needs that
 * version to exist (404 otherwise: a remark on version 999999 is a remark on nothing).
 */
export async function addComment(
  deps: AppDeps,
  p: Principal,
  submissionId: string,
  body: {
    body: string;
    version?: number | undefined;
    tableName?: string | undefined;
    rowKey?: string | undefined;
    columnKey?: string | undefined;
  },
) {
  const sub = await readableSubmission(deps, p, submissionId);
  if (body.version !== undefined) await resolveVersion(deps, sub, body.version);
  const result = await deps.repos.comments.add(p.tenantId, {
    ...body,
    submissionId: sub.id,
    authorId: p.userId,
  });
  if (!result.ok) throw notFound(term('submission'));
  return result.comment;
}

/** Stored comment body limits (a remark, not a document). */
export const COMMENT_MAX_CHARS = 10_000;

/** Diff between two versions the caller may read. */
export async function diffOf(
  deps: AppDeps,
  p: Principal,
  submissionId: string,
  from: VersionSelector,
  to: VersionSelector,
) {
  const sub = await readableSubmission(deps, p, submissionId);
  const a = await resolveVersion(deps, sub, from);
  const b = await resolveVersion(deps, sub, to);
  const [ta, tb] = [
    (await versionTables(deps, sub, a)).tables,
    (await versionTables(deps, sub, b)).tables,
  ];
  return diffVersions(a, ta, b, tb);
}

/** Rows as the API returns them from `JsonObject` (re-exported for the consolidation). */
export type StoredTables = Record<string, JsonObject[]>;

// Monitoring pushes (issue 14): what a monitoring workbook is checked against, the approved
// plan of its cycle. The rule is the core's (`checkMonitoringAgainstPlan`); these functions
// only find its inputs: the department's approved `department` version, the cycle's approved
// framework, the departments that file the cycle's `revenue` workbook (the finance department:
// decision, docs/api.md), and the submission's latest approved version (its closed periods).

/** A version's plan as the core's typed plan (canonical rows: Rials, column keys). */
async function planOf(deps: AppDeps, sub: SubmissionRecord, version: number): Promise<Plan> {
  return readPlan(fromCanonicalTables(await versionPlan(deps, sub, version))).plan;
}

/**
 * Framework plans read for monitoring pushes, by tenant, submission and version: a version is
 * immutable (and IDs are UUIDs), so every department's monitoring push reads the cycle's
 * framework once, not again. A few entries: one per cycle in use.
 */
const FRAMEWORK_PLANS = new Map<string, Promise<Plan>>();
const FRAMEWORK_PLANS_KEPT = 8;

function frameworkPlanOf(deps: AppDeps, sub: SubmissionRecord, version: number): Promise<Plan> {
  const key = `${sub.tenantId}|${sub.id}|${version}`;
  const known = FRAMEWORK_PLANS.get(key);
  if (known !== undefined) return known;
  const read = planOf(deps, sub, version);
  FRAMEWORK_PLANS.set(key, read);
  read.catch(() => FRAMEWORK_PLANS.delete(key));
  while (FRAMEWORK_PLANS.size > FRAMEWORK_PLANS_KEPT) {
    const oldest = FRAMEWORK_PLANS.keys().next().value;
    if (oldest === undefined) break;
    FRAMEWORK_PLANS.delete(oldest);
  }
  return read;
}

/** The latest approved version's plan of a submission, or null. */
async function approvedPlanOf(deps: AppDeps, sub: SubmissionRecord | undefined) {
  if (sub === undefined) return null;
  const version = await latestApprovedVersion(deps, sub);
  return version === null ? null : planOf(deps, sub, version);
}

/**
 * The codes of the departments that answer for a cycle's revenue: those filing its `revenue`
 * workbook. Their monitoring alone reports realised revenue.
 */
export async function revenueDepartments(
  deps: AppDeps,
  tenantId: string,
  cycleId: string,
): Promise<string[]> {
  const subs = await deps.repos.submissions.list(tenantId, { cycleId, kind: 'revenue' });
  const codes: string[] = [];
  for (const s of subs) {
    const d = await deps.repos.departments.get(tenantId, s.departmentId);
    if (d !== null) codes.push(d.code);
  }
  return codes;
}

/** The extra validation rule of a monitoring push to `sub`: against its cycle's approved plan. */
export async function monitoringRule(
  deps: AppDeps,
  sub: SubmissionRecord,
): Promise<ValidationRule> {
  const { tenantId, cycleId } = sub;
  const dept = await deps.repos.departments.get(tenantId, sub.departmentId);
  const [plans, framework, finance, previous] = await Promise.all([
    deps.repos.submissions.list(tenantId, {
      cycleId,
      departmentId: sub.departmentId,
      kind: 'department',
    }),
    approvedFramework(deps, tenantId, cycleId),
    revenueDepartments(deps, tenantId, cycleId),
    approvedPlanOf(deps, sub),
  ]);
  const reference: MonitoringReference = {
    department: dept?.code ?? '',
    approved: await approvedPlanOf(deps, plans[0]),
    framework:
      framework === null ? null : await frameworkPlanOf(deps, framework.sub, framework.version),
    revenueDepartments: finance,
    previous,
  };
  return (plan) => checkMonitoringAgainstPlan(plan, reference);
}
