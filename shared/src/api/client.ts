/**
 * One client of the register's HTTP API (docs/api.md), for the `plan` command line and the
 * add-in's pane alike. It does no I/O of its own: the caller gives it a `fetch` (Node's, the
 * browser's, or a fake). Every answer is parsed with the API's zod schemas (`./schemas`);
 * every call returns a value, `{ ok: true, value }` or `{ ok: false, error }` with the
 * server's bilingual message, and nothing throws for an HTTP status or a network failure.
 */
import type { z } from 'zod';
import type { Bilingual } from '../findings';
import type { Language } from '../contract/enums';
import type { WorkflowAction } from '../contract/workflow';
import type { RawTable, RawWorkbook } from '../read/raw';
import { REFERENCE_PREFIX } from '../read/raw';
import type { ApiSnapshotTransition, PublishedTableKey } from './public';
import {
  ApiPublicPlan,
  ApiPublicSnapshotList,
  ApiPublishedTable,
  ApiSnapshot,
  PUBLIC_PATHS,
  SNAPSHOT_PATHS,
} from './public';
import { ApiProcess } from './process';
import type { ReminderBody } from './notifications';
import { ApiNotification, ApiNotifications, ApiReminders } from './notifications';
import type { ApiSignatureBody } from './signatures';
import { ApiAgencyView, ApiSignature, ApiSignatureList, SIGNATURE_PATHS } from './signatures';
import { ApiSnapshotImpact } from './revision';
import type { ApplyAmendmentBody } from './amendments';
import { AMENDMENT_PATHS, ApiAmendment, ApiAmendmentList } from './amendments';
import type { AnswerBody, ContributionBody, HideBody, OpenConsultationBody } from './consultation';
import { ApiConsultation, ApiConsultationView, ApiContribution } from './consultation';
import { toPersianDigits } from '../util/text';
import type {
  CommentBody,
  CreateCycleBody,
  RollCycleBody,
  UpdateCycleBody,
  CreateSubmissionBody,
  SubmissionQuery,
} from './requests';
import {
  ApiAuditVerification,
  ApiComment,
  ApiConsolidation,
  ApiMonitoring,
  ApiCycle,
  ApiDepartment,
  ApiErrorBody,
  ApiHealth,
  ApiMe,
  ApiPushedVersion,
  ApiReference,
  ApiRoll,
  ApiSubmission,
  ApiTransitionResult,
  ApiVersion,
  ApiVersionConflict,
  ApiVersionContent,
  ApiVersionDiff,
  ApiWorkbookInvalid,
  ApiWorkflowEvent,
} from './schemas';

/** Media type of an `.xlsx` file. */
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What the client asks of `fetch` (a subset of `RequestInit` both Node and browsers take). */
export interface FetchInit {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  headers: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
}

/** What the client reads of a `fetch` response. */
export interface FetchResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** The `fetch` the client uses. */
export type Fetch = (url: string, init: FetchInit) => Promise<FetchResponse>;

/** How to reach the register, and as whom. */
export interface Connection {
  /** The server's origin (`https://plan.example.ir`); a trailing slash is fine. */
  server: string;
  /** An API token; empty for the public calls (no `Authorization` header is sent). */
  token: string;
}

/**
 * A failed call. `status` 0 with code `NETWORK`: the register could not be reached (`cause`
 * says why); `INVALID_RESPONSE`: it answered something the schemas do not describe (a
 * different version of the register); `HTTP_<status>`: an error that is not the API's own
 * body (a proxy's page, say). Otherwise the API's code, message and details.
 */
export interface ApiFailure {
  status: number;
  code: string;
  message: Bilingual;
  details?: unknown;
  requestId?: string;
  cause?: string;
}

/** The result of a call. */
export type ApiResult<T> = { ok: true; value: T; headers: FetchResponse['headers'] } | ApiFailed;
/** A failed result. */
export type ApiFailed = { ok: false; error: ApiFailure };

/** The result of a push. */
export type PushResult =
  | {
      ok: true;
      value: ApiPushedVersion;
      /** True when the server answered a retry with the first result (`Idempotency-Key`). */
      replayed: boolean;
    }
  /** 409 `VERSION_CONFLICT`: someone pushed on top of the base version meanwhile. */
  | ({ ok: false; kind: 'conflict'; error: ApiFailure } & ApiVersionConflict)
  /** 422 `WORKBOOK_INVALID`: the workbook has errors; nothing was stored. */
  | ({ ok: false; kind: 'invalid'; error: ApiFailure } & ApiWorkbookInvalid)
  | { ok: false; kind: 'other'; error: ApiFailure };

/** What a push sends: the workbook's tables as JSON, or an `.xlsx` file as it is. */
export type PushPayload = { workbook: RawWorkbook } | { xlsx: Uint8Array };

/** A downloaded `.xlsx` version. */
export interface PulledFile {
  bytes: Uint8Array;
  /** The version it is (from `ETag`). */
  version: number;
  /** True when the server rebuilt the file from the stored rows (no original, or asked). */
  regenerated: boolean;
}

/** A version: its number, `latest`, or the latest `approved`. */
export type VersionRef = number | 'latest' | 'approved';

const NETWORK: Bilingual = {
  fa: 'سامانه در دسترس نیست؛ نشانی و اتصال را بررسی کنید.',
  en: 'The register could not be reached; check the address and the connection.',
};

const INVALID_RESPONSE: Bilingual = {
  fa: 'پاسخ سامانه با آنچه این برنامه می‌شناسد نمی‌خواند؛ شاید نسخه سامانه دیگر است.',
  en: 'The register’s answer is not what this client knows; the register may be another version.',
};

const statusMessage = (status: number): Bilingual => ({
  fa: `سرور با وضعیت ${toPersianDigits(String(status))} پاسخ داد.`,
  en: `The server answered with status ${status}.`,
});

/**
 * The workbook as the push's JSON body: only the fields the server's strict schema knows, and
 * without the `ref_` tables, which are the register's own reference data (the server validates
 * a department's workbook against the approved framework itself; sent back, they would be
 * refused as tables appearing twice).
 */
export function pushBody(workbook: RawWorkbook): { tables: RawTable[] } {
  return {
    tables: workbook.tables
      .filter((t) => !t.name.startsWith(REFERENCE_PREFIX))
      .map((t) => ({
        name: t.name,
        ...(t.sheet !== undefined ? { sheet: t.sheet } : {}),
        ...(t.address !== undefined ? { address: t.address } : {}),
        header: t.header,
        rows: t.rows,
      })),
  };
}

const seg = (s: string | number) => encodeURIComponent(String(s));

function query(params: Record<string, string | number | undefined>): string {
  const entries = Object.entries(params).filter(
    (e): e is [string, string | number] => e[1] !== undefined,
  );
  if (entries.length === 0) return '';
  return '?' + entries.map(([k, v]) => `${seg(k)}=${seg(v)}`).join('&');
}

/** The version an `ETag` names (`"3"`, `W/"3"`), or null. */
function versionOfEtag(etag: string | null): number | null {
  const m = /^(?:W\/)?"?(\d+)"?$/.exec((etag ?? '').trim());
  return m === null ? null : Number(m[1]);
}

/** A client of one register for one person. */
export class RegisterClient {
  private readonly base: string;

  private readonly token: string;

  constructor(
    connection: Connection,
    private readonly fetcher: Fetch,
  ) {
    this.base = connection.server.replace(/\/+$/, '');
    this.token = connection.token;
  }

  /**
   * Headers of every request beside the token: none here; a browser session's client
   * (`SessionClient`, people-client.ts) sends its CSRF token on state changes.
   */
  protected sessionHeaders(_method: FetchInit['method']): Record<string, string> {
    return {};
  }

  protected async send(
    path: string,
    init: {
      method?: FetchInit['method'];
      headers?: Record<string, string>;
      body?: FetchInit['body'];
    },
  ): Promise<{ res: FetchResponse } | ApiFailed> {
    try {
      const res = await this.fetcher(this.base + path, {
        method: init.method ?? 'GET',
        headers: {
          // No token: a browser session, whose cookie the browser sends itself.
          ...(this.token !== '' && { Authorization: `Bearer ${this.token}` }),
          ...this.sessionHeaders(init.method ?? 'GET'),
          ...init.headers,
        },
        ...(init.body !== undefined && { body: init.body }),
      });
      return { res };
    } catch (e) {
      const cause = (e as { cause?: { code?: unknown } } | null)?.cause?.code;
      return {
        ok: false,
        error: {
          status: 0,
          code: 'NETWORK',
          message: NETWORK,
          cause: typeof cause === 'string' ? cause : String((e as Error | null)?.message ?? e),
        },
      };
    }
  }

  /** The failure an error response stands for. */
  protected async failure(res: FetchResponse): Promise<ApiFailed> {
    let body: unknown = null;
    try {
      body = JSON.parse(await res.text());
    } catch {
      body = null;
    }
    const parsed = ApiErrorBody.safeParse(body);
    if (!parsed.success)
      return {
        ok: false,
        error: {
          status: res.status,
          code: `HTTP_${res.status}`,
          message: statusMessage(res.status),
        },
      };
    const { code, message, details, requestId } = parsed.data;
    return {
      ok: false,
      error: {
        status: res.status,
        code,
        message,
        ...(details !== undefined && { details }),
        ...(requestId !== undefined && { requestId }),
      },
    };
  }

  /** Parses a successful JSON answer with its schema. */
  private async parse<S extends z.ZodType>(
    res: FetchResponse,
    schema: S,
  ): Promise<ApiResult<z.infer<S>>> {
    let body: unknown;
    try {
      body = JSON.parse(await res.text());
    } catch {
      body = undefined;
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success)
      return {
        ok: false,
        error: {
          status: res.status,
          code: 'INVALID_RESPONSE',
          message: INVALID_RESPONSE,
          details: parsed.error.issues.slice(0, 20),
        },
      };
    return { ok: true, value: parsed.data, headers: res.headers };
  }

  protected async json<S extends z.ZodType>(
    schema: S,
    path: string,
    init: {
      method?: FetchInit['method'];
      body?: unknown;
      headers?: Record<string, string>;
    } = {},
  ): Promise<ApiResult<z.infer<S>>> {
    const out = await this.send(path, {
      ...(init.method !== undefined && { method: init.method }),
      headers: {
        Accept: 'application/json',
        ...(init.body !== undefined && { 'Content-Type': 'application/json' }),
        ...init.headers,
      },
      ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
    });
    if (!('res' in out)) return out;
    if (!out.res.ok) return this.failure(out.res);
    return this.parse(out.res, schema);
  }

  private async file(path: string): Promise<ApiResult<Uint8Array>> {
    const out = await this.send(path, { headers: { Accept: XLSX_MEDIA_TYPE } });
    if (!('res' in out)) return out;
    if (!out.res.ok) return this.failure(out.res);
    return {
      ok: true,
      value: new Uint8Array(await out.res.arrayBuffer()),
      headers: out.res.headers,
    };
  }

  private async text(path: string): Promise<ApiResult<string>> {
    const out = await this.send(path, { headers: { Accept: 'text/plain' } });
    if (!('res' in out)) return out;
    if (!out.res.ok) return this.failure(out.res);
    return { ok: true, value: await out.res.text(), headers: out.res.headers };
  }

  /** The register's health (no token needed). */
  health(): Promise<ApiResult<ApiHealth>> {
    return this.json(ApiHealth, '/health');
  }

  /** The signed-in person: a valid token gives `ok`. */
  me(): Promise<ApiResult<ApiMe>> {
    return this.json(ApiMe, '/api/me');
  }

  /** The municipality's departments. */
  departments(): Promise<ApiResult<ApiDepartment[]>> {
    return this.json(ApiDepartment.array(), '/api/departments');
  }

  /** The plan cycles. */
  cycles(): Promise<ApiResult<ApiCycle[]>> {
    return this.json(ApiCycle.array(), '/api/cycles');
  }

  /** Creates a plan cycle (admin, approver). */
  createCycle(body: CreateCycleBody): Promise<ApiResult<ApiCycle>> {
    return this.json(ApiCycle, '/api/cycles', { method: 'POST', body });
  }

  /** Opens the next cycle from a cycle's approved plan (admin, approver). */
  rollCycle(cycleId: string, body: RollCycleBody = {}): Promise<ApiResult<ApiRoll>> {
    return this.json(ApiRoll, `/api/cycles/${seg(cycleId)}/roll`, { method: 'POST', body });
  }

  /** Names the planning department of a cycle whose framework is not filed yet (admin, approver). */
  setPlanningDepartment(cycleId: string, body: UpdateCycleBody): Promise<ApiResult<ApiCycle>> {
    return this.json(ApiCycle, `/api/cycles/${seg(cycleId)}`, { method: 'PATCH', body });
  }

  /** The submissions this person may see, filtered. */
  submissions(filter: SubmissionQuery = {}): Promise<ApiResult<ApiSubmission[]>> {
    return this.json(ApiSubmission.array(), `/api/submissions${query({ ...filter })}`);
  }

  /** Creates a submission (a department's workbook kind in a cycle). */
  createSubmission(body: CreateSubmissionBody): Promise<ApiResult<ApiSubmission>> {
    return this.json(ApiSubmission, '/api/submissions', { method: 'POST', body });
  }

  /** One submission as it is now (status, current version, the caller's actions). */
  submission(id: string): Promise<ApiResult<ApiSubmission>> {
    return this.json(ApiSubmission, `/api/submissions/${seg(id)}`);
  }

  /** A submission's versions. */
  versions(id: string): Promise<ApiResult<ApiVersion[]>> {
    return this.json(ApiVersion.array(), `/api/submissions/${seg(id)}/versions`);
  }

  /** A version as JSON: its tables with headers as keys or captions in `lang`. */
  version(
    id: string,
    version: VersionRef = 'latest',
    lang: Language | 'keys' = 'keys',
  ): Promise<ApiResult<ApiVersionContent>> {
    return this.json(
      ApiVersionContent,
      `/api/submissions/${seg(id)}/versions/${seg(version)}${query({ lang })}`,
    );
  }

  /** A version as `.xlsx`: the file as pushed (`original`), rebuilt from rows, or either. */
  async versionXlsx(
    id: string,
    version: VersionRef = 'latest',
    source: 'original' | 'rows' | 'auto' = 'auto',
  ): Promise<ApiResult<PulledFile>> {
    const out = await this.file(
      `/api/submissions/${seg(id)}/versions/${seg(version)}${query({ format: 'xlsx', source })}`,
    );
    if (!out.ok) return out;
    return {
      ok: true,
      headers: out.headers,
      value: {
        bytes: out.value,
        version: versionOfEtag(out.headers.get('etag')) ?? 0,
        regenerated: out.headers.get('x-plan-regenerated') === 'true',
      },
    };
  }

  /**
   * Pushes a workbook as a new version on top of `baseVersion` ("0" first). The key makes a
   * retry after a lost answer safe: the server answers the first result again.
   */
  async push(
    id: string,
    payload: PushPayload,
    options: { baseVersion: number; idempotencyKey?: string },
  ): Promise<PushResult> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'If-Match': `"${options.baseVersion}"`,
      ...(options.idempotencyKey !== undefined && { 'Idempotency-Key': options.idempotencyKey }),
    };
    const out = await this.send(`/api/submissions/${seg(id)}/versions`, {
      method: 'POST',
      ...('xlsx' in payload
        ? {
            headers: { ...headers, 'Content-Type': XLSX_MEDIA_TYPE },
            body: new Uint8Array(payload.xlsx),
          }
        : {
            headers: { ...headers, 'Content-Type': 'application/json' },
            body: JSON.stringify(pushBody(payload.workbook)),
          }),
    });
    if (!('res' in out)) return { ok: false, kind: 'other', error: out.error };
    const { res } = out;
    if (res.ok) {
      const parsed = await this.parse(res, ApiPushedVersion);
      if (!parsed.ok) return { ok: false, kind: 'other', error: parsed.error };
      return {
        ok: true,
        value: parsed.value,
        replayed: res.headers.get('idempotent-replayed') === 'true',
      };
    }
    const { error } = await this.failure(res);
    if (error.code === 'VERSION_CONFLICT') {
      const details = ApiVersionConflict.safeParse(error.details);
      if (details.success) return { ok: false, kind: 'conflict', error, ...details.data };
    }
    if (error.code === 'WORKBOOK_INVALID') {
      const details = ApiWorkbookInvalid.safeParse(error.details);
      if (details.success) return { ok: false, kind: 'invalid', error, ...details.data };
    }
    return { ok: false, kind: 'other', error };
  }

  /** What changed between two versions. */
  diff(
    id: string,
    from: VersionRef,
    to: VersionRef = 'latest',
  ): Promise<ApiResult<ApiVersionDiff>> {
    return this.json(ApiVersionDiff, `/api/submissions/${seg(id)}/diff${query({ from, to })}`);
  }

  /** The same difference as the server's readable text. */
  diffText(
    id: string,
    from: VersionRef,
    to: VersionRef = 'latest',
    lang: Language = 'en',
  ): Promise<ApiResult<string>> {
    return this.text(
      `/api/submissions/${seg(id)}/diff${query({ from, to, format: 'text', lang })}`,
    );
  }

  /** A workflow step. `expectedVersion`: refused if a newer version arrived meanwhile. */
  transition(
    id: string,
    action: WorkflowAction,
    options: { note?: string; expectedVersion?: number } = {},
  ): Promise<ApiResult<ApiTransitionResult>> {
    return this.json(ApiTransitionResult, `/api/submissions/${seg(id)}/transitions`, {
      method: 'POST',
      body: { action, ...options },
    });
  }

  /** A submission's workflow events, oldest first. */
  history(id: string): Promise<ApiResult<ApiWorkflowEvent[]>> {
    return this.json(ApiWorkflowEvent.array(), `/api/submissions/${seg(id)}/history`);
  }

  /** The comments on a submission. */
  comments(id: string): Promise<ApiResult<ApiComment[]>> {
    return this.json(ApiComment.array(), `/api/submissions/${seg(id)}/comments`);
  }

  /** Adds a comment. */
  addComment(id: string, body: CommentBody): Promise<ApiResult<ApiComment>> {
    return this.json(ApiComment, `/api/submissions/${seg(id)}/comments`, {
      method: 'POST',
      body,
    });
  }

  /** A cycle's reference data (the approved framework) as `ref_` tables. */
  reference(cycleId: string, lang: Language | 'keys' = 'keys'): Promise<ApiResult<ApiReference>> {
    return this.json(ApiReference, `/api/cycles/${seg(cycleId)}/reference${query({ lang })}`);
  }

  /** The same reference data as an `.xlsx` workbook. */
  referenceXlsx(cycleId: string): Promise<ApiResult<Uint8Array>> {
    return this.file(`/api/cycles/${seg(cycleId)}/reference${query({ format: 'xlsx' })}`);
  }

  /** The consolidated city plan of a cycle (reviewer, approver, council, admin). */
  consolidation(cycleId: string): Promise<ApiResult<ApiConsolidation>> {
    return this.json(ApiConsolidation, `/api/cycles/${seg(cycleId)}/consolidation`);
  }

  /** The consolidated city plan as an `.xlsx` workbook. */
  consolidationXlsx(cycleId: string): Promise<ApiResult<Uint8Array>> {
    return this.file(`/api/cycles/${seg(cycleId)}/consolidation${query({ format: 'xlsx' })}`);
  }

  /**
   * The plan's process, guided, as on a Jalali day (default today in Tehran): each phase's
   * completeness, the next steps, who has not reported (reviewer, approver, council, admin).
   */
  process(cycleId: string, on?: string): Promise<ApiResult<ApiProcess>> {
    return this.json(ApiProcess, `/api/cycles/${seg(cycleId)}/process${query({ on })}`);
  }

  /**
   * Reminds the people of the departments with KPIs and projects of a due period not
   * reported (approver, admin): one in-app notification each, and an e-mail where the
   * register sends e-mail; who was reminded of how much. With a key, a retry (or a second
   * click) reminds nobody again: the server answers the first result.
   */
  sendReminders(
    cycleId: string,
    body: ReminderBody = {},
    options: { idempotencyKey?: string } = {},
  ): Promise<ApiResult<ApiReminders>> {
    return this.json(ApiReminders, `/api/cycles/${seg(cycleId)}/reminders`, {
      method: 'POST',
      body,
      ...(options.idempotencyKey !== undefined && {
        headers: { 'Idempotency-Key': options.idempotencyKey },
      }),
    });
  }

  /** A cycle's consultations, newest first (everyone of the municipality signed in). */
  consultations(cycleId: string): Promise<ApiResult<ApiConsultation[]>> {
    return this.json(ApiConsultation.array(), `/api/cycles/${seg(cycleId)}/consultations`);
  }

  /** Opens a consultation on the cycle's latest city plan snapshot (the planning office). */
  openConsultation(
    cycleId: string,
    body: OpenConsultationBody,
  ): Promise<ApiResult<ApiConsultation>> {
    return this.json(ApiConsultation, `/api/cycles/${seg(cycleId)}/consultations`, {
      method: 'POST',
      body,
    });
  }

  /** A consultation as the signed-in person may see it. */
  consultation(id: string): Promise<ApiResult<ApiConsultationView>> {
    return this.json(ApiConsultationView, `/api/consultations/${seg(id)}`);
  }

  /** Closes a consultation (the planning office). */
  closeConsultation(id: string): Promise<ApiResult<ApiConsultation>> {
    return this.json(ApiConsultation, `/api/consultations/${seg(id)}/close`, { method: 'POST' });
  }

  /** A comment, a proposal, an endorsement or an objection (agencies and stakeholders). */
  contribute(id: string, body: ContributionBody): Promise<ApiResult<ApiContribution>> {
    return this.json(ApiContribution, `/api/consultations/${seg(id)}/contributions`, {
      method: 'POST',
      body,
    });
  }

  /** The planning office's answer to a proposal. */
  answerContribution(id: string, body: AnswerBody): Promise<ApiResult<ApiContribution>> {
    return this.json(ApiContribution, `/api/contributions/${seg(id)}/answer`, {
      method: 'POST',
      body,
    });
  }

  /** Hides a contribution, with the reason (the planning office). */
  hideContribution(id: string, body: HideBody): Promise<ApiResult<ApiContribution>> {
    return this.json(ApiContribution, `/api/contributions/${seg(id)}/hide`, {
      method: 'POST',
      body,
    });
  }

  /** The signed-in person's notifications, newest first, and how many are unread. */
  myNotifications(): Promise<ApiResult<ApiNotifications>> {
    return this.json(ApiNotifications, '/api/me/notifications');
  }

  /** Marks one of the signed-in person's notifications read. */
  readNotification(id: string): Promise<ApiResult<ApiNotification>> {
    return this.json(ApiNotification, `/api/me/notifications/${seg(id)}/read`, {
      method: 'POST',
    });
  }

  /**
   * The city's monitoring report at a period, `1405-H1` (reviewer, approver, council, admin);
   * without one, at the latest period the approved versions report.
   */
  monitoring(cycleId: string, period?: string): Promise<ApiResult<ApiMonitoring>> {
    return this.json(ApiMonitoring, `/api/cycles/${seg(cycleId)}/monitoring${query({ period })}`);
  }

  /** The city's Article 71 report at a period as a print-ready `.xlsx` workbook. */
  monitoringXlsx(
    cycleId: string,
    period?: string,
    lang: Language = 'fa',
  ): Promise<ApiResult<Uint8Array>> {
    return this.file(
      `/api/cycles/${seg(cycleId)}/monitoring${query({ period, format: 'xlsx', lang })}`,
    );
  }

  /** Whether the audit hash chain holds (admin, council). */
  verifyAudit(): Promise<ApiResult<ApiAuditVerification>> {
    return this.json(ApiAuditVerification, '/api/audit/verify');
  }

  /** The cycle's snapshots of the city plan, oldest first (reviewer, approver, council, admin). */
  snapshots(cycleId: string): Promise<ApiResult<ApiSnapshot[]>> {
    return this.json(ApiSnapshot.array(), SNAPSHOT_PATHS.list(cycleId));
  }

  /** Makes a snapshot of the cycle's approved plan now (approver, admin). */
  makeSnapshot(cycleId: string): Promise<ApiResult<ApiSnapshot>> {
    return this.json(ApiSnapshot, SNAPSHOT_PATHS.list(cycleId), { method: 'POST' });
  }

  /** One snapshot. */
  snapshot(id: string): Promise<ApiResult<ApiSnapshot>> {
    return this.json(ApiSnapshot, SNAPSHOT_PATHS.one(id));
  }

  /** A council-stage step on a snapshot (send, adopt, return, publish). */
  transitionSnapshot(id: string, body: ApiSnapshotTransition): Promise<ApiResult<ApiSnapshot>> {
    return this.json(ApiSnapshot, SNAPSHOT_PATHS.transitions(id), { method: 'POST', body });
  }

  /** What the signed-in agency signs in a cycle, and its signatures (agency). */
  agencyView(cycleId: string): Promise<ApiResult<ApiAgencyView>> {
    return this.json(ApiAgencyView, SIGNATURE_PATHS.agency(cycleId));
  }

  /** Signs the cycle's strategic document, the snapshot read (agency). */
  sign(cycleId: string, body: ApiSignatureBody): Promise<ApiResult<ApiSignature>> {
    return this.json(ApiSignature, SIGNATURE_PATHS.signatures(cycleId), { method: 'POST', body });
  }

  /** Every agency's latest signature in a cycle (reviewer, approver, council, admin). */
  signatures(cycleId: string): Promise<ApiResult<ApiSignatureList>> {
    return this.json(ApiSignatureList, SIGNATURE_PATHS.signatures(cycleId));
  }

  /** A snapshot's impact against the baseline and the previous snapshot. */
  snapshotImpact(id: string): Promise<ApiResult<ApiSnapshotImpact>> {
    return this.json(ApiSnapshotImpact, `${SNAPSHOT_PATHS.one(id)}/impact`);
  }

  /** A snapshot's plan in the public shape, whatever its status (the council's review). */
  snapshotPlan(id: string): Promise<ApiResult<ApiPublicPlan>> {
    return this.json(ApiPublicPlan, `${SNAPSHOT_PATHS.one(id)}/plan`);
  }

  /** The amendments the council proposed on a snapshot, and those applied in it. */
  snapshotAmendments(id: string): Promise<ApiResult<ApiAmendmentList>> {
    return this.json(ApiAmendmentList, AMENDMENT_PATHS.ofSnapshot(id));
  }

  /** Links an amendment to the snapshot where it landed (approver, admin). */
  applyAmendment(id: string, body: ApplyAmendmentBody): Promise<ApiResult<ApiAmendment>> {
    return this.json(ApiAmendment, AMENDMENT_PATHS.apply(id), { method: 'POST', body });
  }

  /** A published table of a snapshot as JSON open data (public). */
  publicTable(
    code: string,
    cycleStart: number,
    number: number,
    key: PublishedTableKey,
  ): Promise<ApiResult<ApiPublishedTable>> {
    return this.json(ApiPublishedTable, PUBLIC_PATHS.table(code, cycleStart, number, key, 'json'));
  }

  /**
   * The latest published plan of a municipality (no token needed), or one published snapshot
   * of it by its cycle's first year and its number (the stable address).
   */
  publicPlan(
    municipality: string,
    snapshot: 'latest' | { cycleStart: number; number: number } = 'latest',
  ): Promise<ApiResult<ApiPublicPlan>> {
    const path =
      snapshot === 'latest'
        ? PUBLIC_PATHS.plan(municipality)
        : PUBLIC_PATHS.snapshot(municipality, snapshot.cycleStart, snapshot.number);
    return this.json(ApiPublicPlan, path);
  }

  /** A municipality's published snapshots (no token needed). */
  publicSnapshots(municipality: string): Promise<ApiResult<ApiPublicSnapshotList>> {
    return this.json(ApiPublicSnapshotList, PUBLIC_PATHS.snapshots(municipality));
  }
}
