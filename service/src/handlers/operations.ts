/**
 * One handler per API operation (named by its `operationId` in the OpenAPI document): it
 * takes the parsed request, calls the domain handlers (submissions.ts, cycles.ts,
 * departments.ts) and says what to answer. Routes (routes/index.ts) hold only the path,
 * method and schemas; the adapter (http/route.ts) parses and writes.
 */
import { createHash } from 'node:crypto';
import type {
  ApiSnapshotTransition,
  ApplyAmendmentBody,
  Article71Query,
  CommentBody,
  CreateCycleBody,
  RollCycleBody,
  CreateSubmissionBody,
  DiffQuery,
  FormatQuery,
  MonitoringQuery,
  ProcessQuery,
  ReminderBody,
  SubmissionQuery,
  TransitionBody,
  UpdateCycleBody,
} from '#core';
import { formatDiff, term } from '#core';
import type { ApiMe } from '#core';
import { writeArticle71Workbook, writeRawWorkbook } from '../../../io';
import { consolidate } from '../consolidate';
import { consolidationXlsx, coverFacts } from '../consolidate/document';
import { cityMonitoring, monitoringJson } from '../consolidate/monitoring';
import type { DocumentName } from '../documents';
import { DOCX_TYPE, cycleArticle71, cycleDocument } from '../documents';
import type { JsonValue } from '../db/canonical';
import { canonicalJson } from '../db/canonical';
import { apiError, notFound } from '../http/errors';
import type { Call, Handler, Reply } from '../http/route';
import { XLSX_TYPE } from '../http/upload-body';
import { PushBody } from '../routes/schemas';
import { etagOf, peopleNames, toApiComment, toApiEvent, toApiVersion } from './context';
import { createCycle, listCycles, setPlanningDepartment } from './cycles';
import { listDepartments } from './departments';
import { rollCycle } from './roll';
import type { VersionSelector } from './submissions';
import {
  addComment as addSubmissionComment,
  admitPush,
  createSubmission as createSubmissionOf,
  diffOf,
  listSubmissions as listSubmissionsOf,
  pullJson,
  pullXlsx,
  pushVersion as pushVersionOf,
  readableSubmission,
  referenceWorkbook,
  submissionView,
  transition,
} from './submissions';
import type { UploadReader } from './upload';
import {
  getSnapshot as getSnapshotOf,
  listSnapshots as listSnapshotsOf,
  makeSnapshot,
  snapshotAfterApproval,
  snapshotImpact,
  transitionSnapshot as transitionSnapshotOf,
} from './snapshots';
import { applyAmendment as applyAmendmentOf, snapshotAmendments } from './amendments';
import { snapshotPlanOf } from './public';

import { cycleProcess } from './process';
import type { SignatureBody } from './signatures';
import { agencyView, listSignatures as listSignaturesOf, signDocument } from './signatures';
import { myNotifications, readNotification, sendReminders } from './reminders';

type ById = { id: string };
type ByCycle = { cycleId: string };
type None = Record<string, never>;

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

const xlsxReply = (bytes: Uint8Array, filename: string, headers: Record<string, string> = {}) =>
  ({ file: bytes, type: XLSX_TYPE, filename, headers }) satisfies Reply;

/** `?format=xlsx`, else the `Accept` header, chooses `.xlsx` over JSON. */
function wantsXlsx(call: Call<unknown, unknown, unknown>, format: string | undefined): boolean {
  if (format !== undefined) return format === 'xlsx';
  return call.accepts(['application/json', XLSX_TYPE]) === XLSX_TYPE;
}

export const getMe: Handler<None, None, undefined> = async ({ deps, p }) => {
  const me: ApiMe = {
    ...p,
    practice: (await deps.repos.tenants.get(p.tenantId))?.practice ?? false,
  };
  return { json: me };
};

export const listDepartmentsOperation: Handler<None, None, undefined> = async ({ deps, p }) => ({
  json: await listDepartments(deps, p),
});

export const listCyclesOperation: Handler<None, None, undefined> = async ({ deps, p }) => ({
  json: await listCycles(deps, p),
});

export const createCycleOperation: Handler<None, None, CreateCycleBody> = async ({
  deps,
  p,
  body,
}) => ({ status: 201, json: await createCycle(deps, p, body) });

export const setPlanningDepartmentOperation: Handler<ByCycle, None, UpdateCycleBody> = async ({
  deps,
  p,
  params,
  body,
}) => ({ json: await setPlanningDepartment(deps, p, params.cycleId, body) });

/** `POST /api/cycles/{cycleId}/roll`: the next cycle from the cycle's approved plan. */
export const rollCycleOperation: Handler<ByCycle, None, RollCycleBody> = async ({
  deps,
  p,
  params,
  body,
}) => ({ status: 201, json: await rollCycle(deps, p, params.cycleId, body) });

export const listSubmissions: Handler<None, SubmissionQuery, undefined> = async ({
  deps,
  p,
  query,
}) => ({ json: await listSubmissionsOf(deps, p, query) });

export const createSubmission: Handler<None, None, CreateSubmissionBody> = async ({
  deps,
  p,
  body,
}) => {
  const { submission, department } = await createSubmissionOf(deps, p, body);
  return {
    status: 201,
    headers: { ETag: etagOf(0) },
    json: await submissionView(deps, p, submission, department.code),
  };
};

export const getSubmission: Handler<ById, None, undefined> = async ({ deps, p, params }) => {
  const sub = await readableSubmission(deps, p, params.id);
  return {
    headers: { ETag: etagOf(sub.currentVersion) },
    json: await submissionView(deps, p, sub, sub.departmentCode),
  };
};

export const listVersions: Handler<ById, None, undefined> = async ({ deps, p, params }) => {
  const sub = await readableSubmission(deps, p, params.id);
  const versions = await deps.repos.versions.listVersions(p.tenantId, sub.id, sub.currentVersion);
  return { headers: { ETag: etagOf(sub.currentVersion) }, json: versions.map(toApiVersion) };
};

/** Admits a push before its body is read (`admitPush`: nothing refused is ever parsed). */
export const admitPushOperation: Handler<ById, None, undefined, void> = async ({
  deps,
  p,
  params,
  header,
}) =>
  admitPush(deps, p, params.id, {
    ifMatch: header('if-match'),
    idempotencyKey: header('idempotency-key'),
  });

/** The workbook of a push: JSON tables, a raw `.xlsx` body, or a multipart `file`. */
async function pushPayload(call: Call<unknown, unknown, unknown>, uploads: UploadReader) {
  const { upload } = call;
  if (upload.is('application/json')) {
    const raw = PushBody.parse(upload.rawBody);
    return { raw, xlsx: null, bodyHash: sha256(canonicalJson(upload.rawBody as JsonValue)) };
  }
  let bytes: Uint8Array | null = null;
  if (upload.is(XLSX_TYPE) && Buffer.isBuffer(upload.rawBody))
    bytes = new Uint8Array(upload.rawBody);
  else if (upload.is('multipart/form-data')) {
    if (upload.file === undefined)
      throw apiError(
        'INVALID_REQUEST',
        'فایل کارپوشه را در فیلد \u2066file\u2069 بفرستید.',
        'Send the workbook file in the form field "file".',
      );
    bytes = upload.file;
  }
  if (bytes === null)
    throw apiError(
      'UNSUPPORTED_MEDIA_TYPE',
      'کارپوشه را به‌صورت \u2066JSON\u2069، فایل \u2066.xlsx\u2069 یا فرم چندبخشی بفرستید.',
      `Send the workbook as application/json, ${XLSX_TYPE} or multipart/form-data (got "${upload.contentType}").`,
    );
  return { raw: await uploads.read(bytes), xlsx: bytes, bodyHash: sha256(bytes) };
}

/** Pushes a version (admitted first by `admitPushOperation`). */
export function pushVersion(uploads: UploadReader): Handler<ById, None, undefined> {
  return async (call) => {
    const { deps, p, params, header } = call;
    const { raw, xlsx, bodyHash } = await pushPayload(call, uploads);
    const ifMatch = header('if-match');
    const requestHash = sha256(`POST\n${call.upload.path}\n${ifMatch ?? ''}\n${bodyHash}`);
    const outcome = await pushVersionOf(deps, p, params.id, {
      raw,
      xlsx,
      ifMatch,
      idempotencyKey: header('idempotency-key'),
      requestHash,
    });
    return {
      status: outcome.status,
      headers: {
        ETag: outcome.etag,
        ...(outcome.replayed && { 'Idempotent-Replayed': 'true' }),
      },
      json: outcome.body,
    };
  };
}

export const pullVersion: Handler<
  ById & { version: VersionSelector },
  FormatQuery,
  undefined
> = async (call) => {
  const { deps, p, params, query } = call;
  if (wantsXlsx(call, query.format)) {
    const { bytes, version, regenerated } = await pullXlsx(
      deps,
      p,
      params.id,
      params.version,
      query.source ?? 'auto',
    );
    return xlsxReply(bytes, `plan-${params.id}-v${version}.xlsx`, {
      ETag: etagOf(version),
      'X-Plan-Regenerated': String(regenerated),
    });
  }
  const { etag, body } = await pullJson(deps, p, params.id, params.version, query.lang ?? 'keys');
  return { headers: { ETag: etag }, json: body };
};

export const diffVersions: Handler<ById, DiffQuery, undefined> = async (call) => {
  const { deps, p, params, query } = call;
  const diff = await diffOf(deps, p, params.id, query.from, query.to);
  if (
    query.format === 'text' ||
    (query.format === undefined &&
      call.accepts(['application/json', 'text/plain']) === 'text/plain')
  )
    return { text: formatDiff(diff, query.lang ?? 'en'), type: 'text/plain; charset=utf-8' };
  return { json: diff };
};

export const transitionSubmission: Handler<ById, None, TransitionBody> = async ({
  deps,
  p,
  params,
  body,
}) => {
  const result = await transition(deps, p, params.id, body);
  // The planning office's approval of the last unapproved plan submission makes the city
  // plan a snapshot; the approval stands whatever becomes of it.
  if (body.action === 'approve')
    await snapshotAfterApproval(deps, p, result.submission).catch((error: unknown) =>
      deps.logger.error({ err: error }, 'no snapshot after the approval'),
    );
  return { headers: { ETag: result.submission.etag }, json: result };
};

export const listWorkflowEvents: Handler<ById, None, undefined> = async ({ deps, p, params }) => {
  const sub = await readableSubmission(deps, p, params.id);
  const [events, names] = await Promise.all([
    deps.repos.submissions.history(p.tenantId, sub.id),
    peopleNames(deps, p.tenantId),
  ]);
  return { json: events.map((e) => toApiEvent(e, names)) };
};

export const listComments: Handler<ById, None, undefined> = async ({ deps, p, params }) => {
  const sub = await readableSubmission(deps, p, params.id);
  const [comments, names] = await Promise.all([
    deps.repos.comments.list(p.tenantId, sub.id),
    peopleNames(deps, p.tenantId),
  ]);
  return { json: comments.map((c) => toApiComment(c, names)) };
};

export const addComment: Handler<ById, None, CommentBody> = async ({ deps, p, params, body }) => ({
  status: 201,
  json: toApiComment(
    await addSubmissionComment(deps, p, params.id, body),
    new Map([[p.userId, p.displayName]]),
  ),
});

export const getReferenceData: Handler<ByCycle, FormatQuery, undefined> = async (call) => {
  const { deps, p, params, query } = call;
  const xlsx = wantsXlsx(call, query.format);
  const ref = await referenceWorkbook(deps, p.tenantId, params.cycleId, {
    asReference: true,
    lang: xlsx ? 'fa' : (query.lang ?? 'keys'),
  });
  if (ref === null)
    throw notFound({
      fa: 'چارچوب تصویب‌شده شهر برای این دوره',
      en: 'An approved city framework for this cycle',
    });
  if (xlsx)
    return xlsxReply(
      await writeRawWorkbook(ref.workbook, {
        lang: 'fa',
        practice: await deps.repos.tenants.isPractice(p.tenantId),
      }),
      `reference-${params.cycleId}.xlsx`,
    );
  return { json: ref };
};

export const getConsolidation: Handler<ByCycle, FormatQuery, undefined> = async (call) => {
  const { deps, p, params, query } = call;
  if ((await deps.repos.cycles.get(p.tenantId, params.cycleId)) === null)
    throw notFound(term('cycle'));
  const report = await consolidate(deps, p.tenantId, params.cycleId);
  if (wantsXlsx(call, query.format)) {
    const facts = await coverFacts(deps, p.tenantId, params.cycleId);
    return xlsxReply(await consolidationXlsx(report, facts), `city-plan-${params.cycleId}.xlsx`);
  }
  return { json: report };
};

/**
 * The city's monitoring report at a period (JSON), or its Article 71 report as a
 * print-ready workbook (`?format=xlsx`, Persian unless `lang=en`): the same core functions
 * as `plan monitor` and `plan report71`, over the city plan of every approved submission.
 */
export const getMonitoring: Handler<ByCycle, MonitoringQuery, undefined> = async (call) => {
  const { deps, p, params, query } = call;
  if ((await deps.repos.cycles.get(p.tenantId, params.cycleId)) === null)
    throw notFound(term('cycle'));
  const monitoring = await cityMonitoring(deps, p.tenantId, params.cycleId, query);
  if (wantsXlsx(call, query.format)) {
    const { report } = monitoring;
    const { bytes } = await writeArticle71Workbook(
      monitoring.plan,
      report,
      query.lang ?? 'fa',
      monitoring.snapshot,
      await deps.repos.tenants.isPractice(p.tenantId),
    );
    return xlsxReply(bytes, `article71-${report.year}-${report.period}-${params.cycleId}.xlsx`);
  }
  return { json: monitoringJson(params.cycleId, monitoring) };
};

/** The plan's process, guided: phases, completeness, next steps, who has not reported. */
export const getProcess: Handler<ByCycle, ProcessQuery, undefined> = async ({
  deps,
  p,
  params,
  query,
}) => {
  if ((await deps.repos.cycles.get(p.tenantId, params.cycleId)) === null)
    throw notFound(term('cycle'));
  return { json: await cycleProcess(deps, p.tenantId, params.cycleId, query.on) };
};

/** Owners who act: reminds the departments that have not reported a due period (in-app). */
export const postReminders: Handler<ByCycle, None, ReminderBody> = async ({
  deps,
  p,
  params,
  body,
  header,
}) => {
  const outcome = await sendReminders(deps, p, params.cycleId, body, {
    idempotencyKey: header('idempotency-key'),
  });
  return {
    json: outcome.body,
    ...(outcome.replayed && { headers: { 'Idempotent-Replayed': 'true' } }),
  };
};

/** The signed-in person's notifications, newest first, and how many are unread. */
export const listMyNotifications: Handler<None, None, undefined> = async ({ deps, p }) => ({
  json: await myNotifications(deps, p),
});

/** Marks one of the signed-in person's notifications read. */
export const readMyNotification: Handler<ById, None, undefined> = async ({ deps, p, params }) => ({
  json: await readNotification(deps, p, params.id),
});

/** `GET …/documents/plan-book` and `…/council-bill`: the document as `.docx`. */
const documentOf =
  (name: DocumentName): Handler<ByCycle, None, undefined> =>
  async ({ deps, p, params }) => {
    if ((await deps.repos.cycles.get(p.tenantId, params.cycleId)) === null)
      throw notFound(term('cycle'));
    const bytes = await cycleDocument(deps, p.tenantId, params.cycleId, name);
    return { file: bytes, type: DOCX_TYPE, filename: `${name}-${params.cycleId}.docx` };
  };

/** `GET /snapshots/{id}/documents/…`: the document of one snapshot. */
const snapshotDocumentOf =
  (name: DocumentName): Handler<ById, None, undefined> =>
  async ({ deps, p, params }) => {
    const snapshot = await deps.repos.snapshots.get(p.tenantId, params.id);
    if (snapshot === null) throw notFound({ fa: 'نسخه ثبت‌شده برنامه شهر', en: 'The snapshot' });
    const bytes = await cycleDocument(
      deps,
      p.tenantId,
      snapshot.cycleId,
      name,
      new Date(),
      snapshot,
    );
    return {
      file: bytes,
      type: DOCX_TYPE,
      filename: `${name}-${snapshot.cycleId}-${snapshot.number}.docx`,
    };
  };

export const getSnapshotPlanBook = snapshotDocumentOf('plan-book');
export const getSnapshotCouncilBill = snapshotDocumentOf('council-bill');

export const getPlanBook = documentOf('plan-book');

/**
 * `GET …/documents/article-71?period=1405-H1`: the Article 71 report of the cycle as `.docx`,
 * its figures the monitoring view's (a bad period is the same located 400).
 */
export const getArticle71Report: Handler<ByCycle, Article71Query, undefined> = async ({
  deps,
  p,
  params,
  query,
}) => {
  if ((await deps.repos.cycles.get(p.tenantId, params.cycleId)) === null)
    throw notFound(term('cycle'));
  const { bytes, monitoring } = await cycleArticle71(deps, p.tenantId, params.cycleId, query);
  const { year, period } = monitoring.report;
  return {
    file: bytes,
    type: DOCX_TYPE,
    filename: `article71-${year}-${period}-${params.cycleId}.docx`,
  };
};
export const getCouncilBill = documentOf('council-bill');

export const verifyAuditChain: Handler<None, None, undefined> = async ({ deps, p }) => {
  const result = await deps.repos.audit.verifyChain(p.tenantId);
  return { json: result.ok ? result : { ...result, seq: result.seq.toString() } };
};

/**
 * A snapshot's ETag: its hash, and its status and publication, which change while the hash
 * does not (a cache that revalidated on the hash alone would keep a status it has left).
 */
const snapshotEtag = (s: { sha256: string; status: string; publishedAt: string | null }) =>
  `"${s.sha256}.${s.status}${s.publishedAt === null ? '' : '.published'}"`;

export const listSnapshots: Handler<ByCycle, None, undefined> = async ({ deps, p, params }) => ({
  json: await listSnapshotsOf(deps, p, params.cycleId),
});

export const createSnapshot: Handler<ByCycle, None, undefined> = async ({ deps, p, params }) => {
  const snapshot = await makeSnapshot(deps, p, params.cycleId);
  return { status: 201, headers: { ETag: snapshotEtag(snapshot) }, json: snapshot };
};

export const getSnapshot: Handler<ById, None, undefined> = async ({ deps, p, params }) => {
  const snapshot = await getSnapshotOf(deps, p, params.id);
  return { headers: { ETag: snapshotEtag(snapshot) }, json: snapshot };
};

export const transitionSnapshot: Handler<ById, None, ApiSnapshotTransition> = async ({
  deps,
  p,
  params,
  body,
}) => ({ json: await transitionSnapshotOf(deps, p, params.id, body) });

export const getSnapshotImpact: Handler<ById, None, undefined> = async ({ deps, p, params }) => ({
  json: await snapshotImpact(deps, p, params.id),
});

export const listSnapshotAmendments: Handler<ById, None, undefined> = async ({
  deps,
  p,
  params,
}) => ({ json: await snapshotAmendments(deps, p, params.id) });

export const applyAmendment: Handler<ById, None, ApplyAmendmentBody> = async ({
  deps,
  p,
  params,
  body,
}) => ({ json: await applyAmendmentOf(deps, p, params.id, body.snapshotId) });

export const getSnapshotPlan: Handler<ById, None, undefined> = async ({ deps, p, params }) => ({
  json: await snapshotPlanOf(deps, p.tenantId, params.id),
});

// Agency sign-offs (handlers/signatures.ts).

export const getAgencyView: Handler<ByCycle, None, undefined> = async ({ deps, p, params }) => ({
  json: await agencyView(deps, p, params.cycleId),
});

export const createSignature: Handler<ByCycle, None, SignatureBody> = async ({
  deps,
  p,
  params,
  body,
}) => ({ status: 201, json: await signDocument(deps, p, params.cycleId, body) });

export const listSignatures: Handler<ByCycle, None, undefined> = async ({ deps, p, params }) => ({
  json: await listSignaturesOf(deps, p, params.cycleId),
});
