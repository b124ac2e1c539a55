/**
 * The register's HTTP API as the pane uses it (docs/api.md): who am I, the submissions I may
 * see, push a workbook (If-Match + Idempotency-Key), the workflow, comments, reference data.
 * Every call returns a value: `{ ok: true, … }` or `{ ok: false, error }` with the server's
 * bilingual message; a push also distinguishes a conflict (409 with what changed) and an
 * invalid workbook (422 with findings). Nothing here throws for an HTTP status.
 */
import type { Bilingual, Finding, RawTable, RawWorkbook } from '#core';
import { REFERENCE_PREFIX } from '#core';

/** The signed-in person (`GET /api/me`). */
export interface Me {
  email: string;
  displayName: string;
  departmentId: string | null;
  roles: string[];
}

/** A submission (one department's plan workbook in a cycle). */
export interface Submission {
  id: string;
  cycleId: string;
  departmentCode: string | null;
  kind: string;
  title: string;
  currentVersion: number;
  status: string;
  updatedAt: string;
}

/** A reviewer's comment. */
export interface Comment {
  id: string;
  version: number | null;
  tableName: string | null;
  rowKey: string | null;
  columnKey: string | null;
  body: string;
  createdAt: string;
}

/** What changed in one table between two versions (the server's diff). */
export interface TableChanges {
  table: string;
  added: { key: string }[];
  removed: { key: string }[];
  changed: { key: string; cells: { column: string; from: unknown; to: unknown }[] }[];
}

/** A failed call: the server's code and message, or a network failure. */
export interface ApiFailure {
  status: number;
  code: string;
  message: Bilingual;
}

/** The result of a call. */
export type ApiResult<T> = ({ ok: true } & T) | { ok: false; error: ApiFailure };

/** The result of a push. */
export type PushResult =
  | { ok: true; version: number }
  | {
      ok: false;
      kind: 'conflict';
      baseVersion: number;
      currentVersion: number;
      changes: TableChanges[];
      error: ApiFailure;
    }
  | { ok: false; kind: 'invalid'; findings: Finding[]; error: ApiFailure }
  | { ok: false; kind: 'other'; error: ApiFailure };

/** How to reach the register. */
export interface Connection {
  /** The server's origin (`https://plan.example.ir`), no trailing slash needed. */
  server: string;
  token: string;
}

/** The fetch the client uses (the browser's, or a fake in tests). */
export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

const NETWORK: Bilingual = {
  fa: 'سامانه در دسترس نیست؛ نشانی و اتصال را بررسی کنید.',
  en: 'The register could not be reached; check the address and the connection.',
};

async function failure(res: Response): Promise<ApiFailure & { details?: unknown }> {
  try {
    const body = (await res.json()) as { code?: string; message?: Bilingual; details?: unknown };
    return {
      status: res.status,
      code: body.code ?? `HTTP_${res.status}`,
      message: body.message ?? { fa: `خطای ${res.status}`, en: `HTTP ${res.status}` },
      details: body.details,
    };
  } catch {
    return {
      status: res.status,
      code: `HTTP_${res.status}`,
      message: { fa: `خطای ${res.status}`, en: `HTTP ${res.status}` },
    };
  }
}

/** A random Idempotency-Key (8–200 of `[A-Za-z0-9_.:-]`, docs/api.md). */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return `addin-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

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

/** A client of one register for one person. */
export class RegisterClient {
  constructor(
    private readonly connection: Connection,
    private readonly fetcher: Fetch = (url, init) => globalThis.fetch(url, init),
  ) {}

  private url(path: string): string {
    return `${this.connection.server.replace(/\/+$/, '')}${path}`;
  }

  private async call(
    path: string,
    init: RequestInit = {},
  ): Promise<{ res: Response } | { error: ApiFailure }> {
    try {
      const res = await this.fetcher(this.url(path), {
        ...init,
        headers: {
          Accept: 'application/json',
          Authorization: `Bearer ${this.connection.token}`,
          ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...(init.headers as Record<string, string> | undefined),
        },
      });
      return { res };
    } catch {
      return { error: { status: 0, code: 'NETWORK', message: NETWORK } };
    }
  }

  private async json<T>(path: string, init?: RequestInit): Promise<ApiResult<{ value: T }>> {
    const out = await this.call(path, init);
    if ('error' in out) return { ok: false, error: out.error };
    if (!out.res.ok) return { ok: false, error: await failure(out.res) };
    return { ok: true, value: (await out.res.json()) as T };
  }

  /** The signed-in person: a valid token gives `ok`. */
  me(): Promise<ApiResult<{ value: Me }>> {
    return this.json<Me>('/api/me');
  }

  /** The submissions this person may see. */
  submissions(): Promise<ApiResult<{ value: Submission[] }>> {
    return this.json<Submission[]>('/api/submissions');
  }

  /** One submission, as it is now (status, current version). */
  submission(id: string): Promise<ApiResult<{ value: Submission }>> {
    return this.json<Submission>(`/api/submissions/${encodeURIComponent(id)}`);
  }

  /** The reviewers' comments on a submission. */
  comments(id: string): Promise<ApiResult<{ value: Comment[] }>> {
    return this.json<Comment[]>(`/api/submissions/${encodeURIComponent(id)}/comments`);
  }

  /** A workflow step (`submit`, …). */
  transition(id: string, action: string, note?: string): Promise<ApiResult<{ value: unknown }>> {
    return this.json(`/api/submissions/${encodeURIComponent(id)}/transitions`, {
      method: 'POST',
      body: JSON.stringify({ action, ...(note ? { note } : {}) }),
    });
  }

  /** The latest version: its number and tables, with headers as captions in `lang`. */
  async latest(
    id: string,
    lang: 'fa' | 'en',
  ): Promise<ApiResult<{ value: { version: number; workbook: RawWorkbook } }>> {
    const out = await this.json<{ version: number; workbook: RawWorkbook }>(
      `/api/submissions/${encodeURIComponent(id)}/versions/latest?lang=${lang}`,
    );
    return out;
  }

  /** The city framework's reference data for a cycle, as `ref_` tables. */
  async reference(cycleId: string): Promise<ApiResult<{ value: RawWorkbook }>> {
    const out = await this.json<{ workbook: RawWorkbook }>(
      `/api/cycles/${encodeURIComponent(cycleId)}/reference`,
    );
    return out.ok ? { ok: true, value: out.value.workbook } : out;
  }

  /**
   * Pushes a workbook as a new version on top of `baseVersion`. The key makes a retry after a
   * lost response safe (the server answers the first result again).
   */
  async push(
    id: string,
    workbook: RawWorkbook,
    baseVersion: number,
    idempotencyKey: string = newIdempotencyKey(),
  ): Promise<PushResult> {
    const out = await this.call(`/api/submissions/${encodeURIComponent(id)}/versions`, {
      method: 'POST',
      headers: { 'If-Match': `"${baseVersion}"`, 'Idempotency-Key': idempotencyKey },
      body: JSON.stringify(pushBody(workbook)),
    });
    if ('error' in out) return { ok: false, kind: 'other', error: out.error };
    const { res } = out;
    if (res.ok) {
      const body = (await res.json()) as { version?: number };
      return { ok: true, version: body.version ?? baseVersion + 1 };
    }
    const error = await failure(res);
    const details = (error.details ?? {}) as {
      baseVersion?: number;
      currentVersion?: number;
      changes?: { tables?: TableChanges[] } | TableChanges[];
      findings?: Finding[];
    };
    const { details: _omit, ...plain } = error;
    void _omit;
    if (error.code === 'VERSION_CONFLICT') {
      const changes = Array.isArray(details.changes)
        ? details.changes
        : (details.changes?.tables ?? []);
      return {
        ok: false,
        kind: 'conflict',
        baseVersion: details.baseVersion ?? baseVersion,
        currentVersion: details.currentVersion ?? baseVersion,
        changes,
        error: plain,
      };
    }
    if (error.code === 'WORKBOOK_INVALID')
      return { ok: false, kind: 'invalid', findings: details.findings ?? [], error: plain };
    return { ok: false, kind: 'other', error: plain };
  }
}

/** Where the pane keeps the sign-in: the add-in's own storage, never the document. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const CONNECTION_KEY = 'plan-register.connection';

/**
 * Reads the saved connection. The add-in's `localStorage` is partitioned by Office per add-in
 * (and, in Office on the web, per top-level origin), so the token stays with this add-in on this
 * machine and is never written into the workbook that people share.
 */
export function loadConnection(store: KeyValueStore): Connection | null {
  try {
    const raw = store.getItem(CONNECTION_KEY);
    if (raw === null) return null;
    const parsed = JSON.parse(raw) as Partial<Connection>;
    return typeof parsed.server === 'string' && typeof parsed.token === 'string'
      ? { server: parsed.server, token: parsed.token }
      : null;
  } catch {
    return null;
  }
}

/** Saves the connection (sign-in). */
export function saveConnection(store: KeyValueStore, connection: Connection): void {
  store.setItem(CONNECTION_KEY, JSON.stringify(connection));
}

/** Forgets the connection (sign-out). */
export function clearConnection(store: KeyValueStore): void {
  store.removeItem(CONNECTION_KEY);
}

/** The version this workbook was last pulled or pushed as, per submission (If-Match). */
export function baseVersionOf(store: KeyValueStore, submissionId: string): number | null {
  const raw = store.getItem(`plan-register.base.${submissionId}`);
  return raw === null || !/^\d+$/.test(raw) ? null : Number(raw);
}

/** Records the version this workbook now is. */
export function setBaseVersion(store: KeyValueStore, submissionId: string, version: number): void {
  store.setItem(`plan-register.base.${submissionId}`, String(version));
}
