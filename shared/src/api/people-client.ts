/**
 * The client of the people and sign-in routes (docs/api.md, "People and sign-in") for the
 * register's web pages: `RegisterClient` with a browser session instead of a token. The
 * browser sends the HttpOnly session cookie itself (same origin, `credentials: 'same-origin'`,
 * `fetch`'s default); this client keeps the session's CSRF token from the sign-in (or
 * `session()` after a reload) and sends it in `X-CSRF-Token` on every request that changes
 * something. With a token (`Connection.token`), the same methods serve a script.
 */
import type { Connection, Fetch, FetchInit } from './client';
import { RegisterClient } from './client';
import type { ApiResult } from './client';
import type {
  ChangePasswordBody,
  CreateDepartmentBody,
  CreatePersonBody,
  CreateTokenBody,
  SignInBody,
  UpdatePersonBody,
} from './people';
import {
  ApiCreatedPerson,
  ApiIssuedToken,
  ApiPasswordReset,
  ApiPerson,
  ApiPractice,
  ApiSession,
  ApiToken,
  CSRF_HEADER,
} from './people';
import { ApiDepartment } from './schemas';

const seg = (s: string) => encodeURIComponent(s);

/** A client of one register in a browser session (or with a token). */
export class SessionClient extends RegisterClient {
  private csrf: string | null = null;

  constructor(connection: Pick<Connection, 'server'> & Partial<Connection>, fetcher: Fetch) {
    super({ server: connection.server, token: connection.token ?? '' }, fetcher);
  }

  protected override sessionHeaders(method: FetchInit['method']): Record<string, string> {
    return method === 'GET' || this.csrf === null ? {} : { [CSRF_HEADER]: this.csrf };
  }

  /** The CSRF token in use (null before a sign-in or `session()`). */
  get csrfToken(): string | null {
    return this.csrf;
  }

  private keep(result: ApiResult<ApiSession>): ApiResult<ApiSession> {
    if (result.ok) this.csrf = result.value.csrfToken;
    return result;
  }

  /** Signs in with a local account; the browser keeps the cookie, this client the CSRF token. */
  async signIn(body: SignInBody): Promise<ApiResult<ApiSession>> {
    return this.keep(await this.json(ApiSession, '/api/session', { method: 'POST', body }));
  }

  /** The open session (after a reload: the CSRF token again); 401 when signed out. */
  async session(): Promise<ApiResult<ApiSession>> {
    return this.keep(await this.json(ApiSession, '/api/session'));
  }

  /** Signs out. */
  async signOut(): Promise<ApiResult<null>> {
    const result = await this.noContent('/api/session', 'DELETE');
    if (result.ok) this.csrf = null;
    return result;
  }

  /** Changes the caller's password (the one-time one too). */
  changePassword(body: ChangePasswordBody): Promise<ApiResult<null>> {
    return this.noContent('/api/me/password', 'POST', body);
  }

  /** The caller's API tokens. */
  myTokens(): Promise<ApiResult<ApiToken[]>> {
    return this.json(ApiToken.array(), '/api/me/tokens');
  }

  /** A new API token of the caller, its secret shown this once. */
  createMyToken(body: CreateTokenBody): Promise<ApiResult<ApiIssuedToken>> {
    return this.json(ApiIssuedToken, '/api/me/tokens', { method: 'POST', body });
  }

  /** Revokes one of the caller's tokens. */
  revokeMyToken(id: string): Promise<ApiResult<ApiToken>> {
    return this.json(ApiToken, `/api/me/tokens/${seg(id)}`, { method: 'DELETE' });
  }

  /** Everyone (admin). */
  people(): Promise<ApiResult<ApiPerson[]>> {
    return this.json(ApiPerson.array(), '/api/admin/people');
  }

  /** One person (admin). */
  person(id: string): Promise<ApiResult<ApiPerson>> {
    return this.json(ApiPerson, `/api/admin/people/${seg(id)}`);
  }

  /** Adds a person (admin); the one-time password is shown this once. */
  createPerson(body: CreatePersonBody): Promise<ApiResult<ApiCreatedPerson>> {
    return this.json(ApiCreatedPerson, '/api/admin/people', { method: 'POST', body });
  }

  /** Changes a person (admin). */
  updatePerson(id: string, body: UpdatePersonBody): Promise<ApiResult<ApiPerson>> {
    return this.json(ApiPerson, `/api/admin/people/${seg(id)}`, { method: 'PATCH', body });
  }

  /** A new one-time password for a person (admin). */
  resetPassword(id: string): Promise<ApiResult<ApiPasswordReset>> {
    return this.json(ApiPasswordReset, `/api/admin/people/${seg(id)}/password`, {
      method: 'POST',
    });
  }

  /** Makes, or resets, the municipality's practice municipality (admin; issue 20). */
  makePractice(): Promise<ApiResult<ApiPractice>> {
    return this.json(ApiPractice, '/api/admin/practice', { method: 'POST' });
  }

  /** A person's tokens (admin). */
  personTokens(id: string): Promise<ApiResult<ApiToken[]>> {
    return this.json(ApiToken.array(), `/api/admin/people/${seg(id)}/tokens`);
  }

  /** Revokes anyone's token (admin). */
  revokeToken(id: string): Promise<ApiResult<ApiToken>> {
    return this.json(ApiToken, `/api/admin/tokens/${seg(id)}`, { method: 'DELETE' });
  }

  /** Adds a department (admin). */
  createDepartment(body: CreateDepartmentBody): Promise<ApiResult<ApiDepartment>> {
    return this.json(ApiDepartment, '/api/admin/departments', { method: 'POST', body });
  }

  private async noContent(
    path: string,
    method: FetchInit['method'],
    body?: unknown,
  ): Promise<ApiResult<null>> {
    const out = await this.send(path, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    if (!('res' in out)) return out;
    if (!out.res.ok) return this.failure(out.res);
    return { ok: true, value: null, headers: out.res.headers };
  }
}
