/**
 * People and sign-in (issue 15): the session (`GET`/`DELETE /api/session`), the caller's own
 * password and API tokens (`/api/me/…`), and the administration of people, their tokens and
 * departments (`/api/admin/…`, admins only). Every change goes through a repository that
 * audits it. Sign-in itself is auth/session.ts (it has no principal yet).
 */
import type {
  ApiCreatedPerson,
  ApiDepartment,
  ApiIssuedToken,
  ApiPasswordReset,
  ApiPerson,
  ApiToken,
  ChangePasswordBody,
  CreateDepartmentBody,
  CreatePersonBody,
  CreateTokenBody,
  Role,
  UpdatePersonBody,
} from '#core';
import { isOutsideRole, ROLE_CAPTIONS, STAKEHOLDER_TYPES_OF_ROLE } from '#core';
import type { Principal } from '../auth';
import { hashPassword, oneTimePassword, verifyPassword } from '../auth/password';
import { sessionCookie, toApiSession } from '../auth/session';
import { apiError, notFound } from '../http/errors';
import type { Handler } from '../http/route';
import type { ApiTokenRecord, PasswordRecord, UserRecord } from '../repositories';
import type { AppDeps } from './context';
import { approvedFramework, versionPlan } from './submissions';

type ById = { id: string };
type None = Record<string, never>;

const DAY_MS = 86_400_000;

/** A token for the API (never its secret). */
export function toApiToken(t: ApiTokenRecord): ApiToken {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt?.toISOString() ?? null,
    revoked: t.revoked,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}

/** A person for the administration. */
export function toApiPerson(
  u: UserRecord,
  password: PasswordRecord | null,
  departmentCode: string | null,
): ApiPerson {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    departmentId: u.departmentId,
    departmentCode,
    stakeholderId: u.stakeholderId,
    roles: u.roles,
    disabled: u.disabled,
    hasPassword: password !== null,
    mustChangePassword: password?.mustChange ?? false,
    lockedUntil:
      password?.lockedUntil != null && password.lockedUntil.getTime() > Date.now()
        ? password.lockedUntil.toISOString()
        : null,
    createdAt: u.createdAt.toISOString(),
  };
}

// ---------------------------------------------------------------------------------------------
// The session

const noSession = () =>
  notFound({
    fa: 'نشست مرورگر (این درخواست با توکن آمده است)',
    en: 'A browser session (this request came with a token)',
  });

export const getSessionOperation: Handler<None, None, undefined> = async ({ deps, p, session }) => {
  if (session === null) throw noSession();
  const user = await deps.repos.users.get(p.tenantId, p.userId);
  if (user === null) throw noSession();
  return {
    headers: { 'Cache-Control': 'no-store' },
    json: toApiSession(
      user,
      session,
      deps.config.sessions,
      await deps.repos.tenants.isPractice(p.tenantId),
    ),
  };
};

export const signOutOperation: Handler<None, None, undefined> = async ({ deps, p, session }) => {
  if (session === null) throw noSession();
  await deps.repos.sessions.end(p.tenantId, session.session.id, p.userId, 'sign-out');
  return {
    status: 204,
    cookies: [sessionCookie(deps.config.sessions, null)],
    text: '',
    type: 'text/plain',
  };
};

/** `POST /api/me/password`: the current password proves the person; the new one is theirs. */
export const changePasswordOperation: Handler<None, None, ChangePasswordBody> = async ({
  deps,
  p,
  body,
  session,
}) => {
  const current = await deps.repos.people.getPassword(p.tenantId, p.userId);
  if (current === null || !(await verifyPassword(body.currentPassword, current.passwordHash)))
    throw apiError('FORBIDDEN', 'گذرواژه کنونی درست نیست.', 'The current password is not right.');
  if (body.newPassword === body.currentPassword)
    throw apiError(
      'INVALID_REQUEST',
      'گذرواژه تازه باید با گذرواژه کنونی فرق کند.',
      'The new password must differ from the current one.',
      [{ path: ['newPassword'], message: 'same as the current password' }],
    );
  const passwordHash = await hashPassword(body.newPassword, deps.config.sessions.scrypt);
  await deps.repos.people.setPassword(
    p.tenantId,
    p.userId,
    { passwordHash, mustChange: false },
    p.userId,
  );
  // Whoever else held a session of this person (a stolen cookie, a forgotten computer) is out.
  await deps.repos.sessions.endAllForUser(
    p.tenantId,
    p.userId,
    p.userId,
    'password-changed',
    session?.session.id,
  );
  return { status: 204, text: '', type: 'text/plain' };
};

// ---------------------------------------------------------------------------------------------
// The caller's own tokens

export const listMyTokens: Handler<None, None, undefined> = async ({ deps, p }) => ({
  json: (await deps.repos.tokens.listForUser(p.tenantId, p.userId)).map(toApiToken),
});

/**
 * `POST /api/me/tokens`: only a person signed in in the browser makes tokens for themselves
 * (a token cannot breed longer-lived tokens if it is stolen).
 */
export const createMyToken: Handler<None, None, CreateTokenBody> = async ({ deps, p, body }) => {
  if (p.via !== 'session')
    throw apiError(
      'FORBIDDEN',
      'توکن تازه را پس از ورود در مرورگر بسازید (نه با توکن دیگر).',
      'Make new tokens signed in in the browser (not with another token).',
    );
  const issued = await deps.repos.tokens.issue(
    p.tenantId,
    {
      userId: p.userId,
      name: body.name,
      expiresAt: new Date(Date.now() + body.expiresInDays * DAY_MS),
    },
    p.userId,
  );
  if (!issued.ok) throw notFound({ fa: 'کاربر', en: 'The user' });
  const answer: ApiIssuedToken = { ...toApiToken(issued.token), token: issued.secret };
  return { status: 201, headers: { 'Cache-Control': 'no-store' }, json: answer };
};

/** Revokes a token of `owner` (the caller's own, or anyone's for an admin). */
async function revokeToken(deps: AppDeps, p: Principal, tokenId: string, owner: string | null) {
  const tokens = owner === null ? null : await deps.repos.tokens.listForUser(p.tenantId, owner);
  if (tokens !== null && !tokens.some((t) => t.id === tokenId))
    throw notFound({ fa: 'توکن', en: 'The token' });
  const result = await deps.repos.tokens.revoke(p.tenantId, tokenId, p.userId);
  if (!result.ok && result.reason === 'not-found') throw notFound({ fa: 'توکن', en: 'The token' });
  const token = result.ok
    ? result.token
    : (await deps.repos.tokens.listForUser(p.tenantId, owner ?? p.userId)).find(
        (t) => t.id === tokenId,
      );
  return token === undefined ? null : toApiToken(token);
}

export const revokeMyToken: Handler<ById, None, undefined> = async ({ deps, p, params }) => {
  const token = await revokeToken(deps, p, params.id, p.userId);
  return { json: token };
};

// ---------------------------------------------------------------------------------------------
// Administration

/** The `tblStakeholders` entries of the city: its newest cycle's approved framework's. */
export async function cityStakeholders(
  deps: AppDeps,
  tenantId: string,
): Promise<Map<string, string>> {
  for (const cycle of await deps.repos.cycles.list(tenantId)) {
    const fw = await approvedFramework(deps, tenantId, cycle.id);
    if (fw === null) continue;
    const plan = await versionPlan(deps, fw.sub, fw.version);
    const table = plan.find((t) => t.name === 'tblStakeholders');
    if (table === undefined) continue;
    return new Map(
      table.rows.map((r) => [String(r.StakeholderId ?? ''), String(r.Type ?? '')] as const),
    );
  }
  return new Map();
}

/**
 * The rule of the outside roles: a person of `agency` or `stakeholder` speaks for one entry
 * of the city's `tblStakeholders`, of a type the role may stand for; staff speak for none.
 */
async function checkStakeholder(
  deps: AppDeps,
  tenantId: string,
  roles: readonly Role[],
  stakeholderId: string | null,
): Promise<void> {
  const outside = roles.filter(isOutsideRole);
  if (outside.length === 0) {
    if (stakeholderId !== null)
      throw apiError(
        'INVALID_REQUEST',
        'فقط نماینده دستگاه اجرایی یا ذی‌نفع به یک ذی‌نفع شهر پیوند می‌خورد.',
        'Only an agency representative or a stakeholder is tied to a stakeholder of the city.',
        [{ path: ['stakeholderId'], message: 'only for the roles agency and stakeholder' }],
      );
    return;
  }
  if (outside.length !== roles.length || outside.length > 1)
    throw apiError(
      'INVALID_REQUEST',
      `نقش‌های «${ROLE_CAPTIONS.agency.fa}» و «${ROLE_CAPTIONS.stakeholder.fa}» با هیچ نقش دیگری جمع نمی‌شوند.`,
      'The roles agency and stakeholder are held alone.',
      [{ path: ['roles'], message: 'agency or stakeholder, alone' }],
    );
  const role = outside[0] as 'agency' | 'stakeholder';
  if (stakeholderId === null)
    throw apiError(
      'INVALID_REQUEST',
      `نقش «${ROLE_CAPTIONS[role].fa}» شناسه ذی‌نفع (\u2066StakeholderId\u2069) می‌خواهد.`,
      `The role ${role} needs a stakeholder (StakeholderId) of the city.`,
      [{ path: ['stakeholderId'], message: 'required for this role' }],
    );
  const type = (await cityStakeholders(deps, tenantId)).get(stakeholderId);
  if (type === undefined)
    throw apiError(
      'INVALID_REQUEST',
      `ذی‌نفع \u2066${stakeholderId}\u2069 در جدول ذی‌نفعان چارچوب تصویب‌شده شهر نیست.`,
      `The stakeholder ${stakeholderId} is not in the city's approved framework (tblStakeholders).`,
      [{ path: ['stakeholderId'], message: 'not a StakeholderId of the city' }],
    );
  if (!(STAKEHOLDER_TYPES_OF_ROLE[role] as readonly string[]).includes(type))
    throw apiError(
      'INVALID_REQUEST',
      `ذی‌نفع \u2066${stakeholderId}\u2069 از نوع \u2066${type}\u2069 است و به نقش «${ROLE_CAPTIONS[role].fa}» نمی‌خورد.`,
      `The stakeholder ${stakeholderId} is of type ${type}, which the role ${role} does not stand for.`,
      [{ path: ['stakeholderId'], message: `type ${type} is not for the role ${role}` }],
    );
}

async function departmentIdOf(
  deps: AppDeps,
  tenantId: string,
  code: string | null | undefined,
): Promise<string | null> {
  if (code == null) return null;
  const dept = await deps.repos.departments.getByCode(tenantId, code);
  if (dept === null)
    throw notFound({ fa: `واحد \u2066${code}\u2069`, en: `The department ${code}` });
  return dept.id;
}

async function personView(deps: AppDeps, u: UserRecord): Promise<ApiPerson> {
  const password = await deps.repos.people.getPassword(u.tenantId, u.id);
  const dept =
    u.departmentId === null ? null : await deps.repos.departments.get(u.tenantId, u.departmentId);
  return toApiPerson(u, password, dept?.code ?? null);
}

export const listPeople: Handler<None, None, undefined> = async ({ deps, p }) => {
  const users = await deps.repos.users.list(p.tenantId);
  const departments = new Map(
    (await deps.repos.departments.list(p.tenantId)).map((d) => [d.id, d.code]),
  );
  const people: ApiPerson[] = [];
  for (const u of users) {
    const password = await deps.repos.people.getPassword(p.tenantId, u.id);
    people.push(
      toApiPerson(
        u,
        password,
        u.departmentId === null ? null : (departments.get(u.departmentId) ?? null),
      ),
    );
  }
  return { json: people };
};

export const getPerson: Handler<ById, None, undefined> = async ({ deps, p, params }) => {
  const user = await deps.repos.users.get(p.tenantId, params.id);
  if (user === null) throw notFound({ fa: 'کاربر', en: 'The person' });
  return { json: await personView(deps, user) };
};

export const createPerson: Handler<None, None, CreatePersonBody> = async ({ deps, p, body }) => {
  const stakeholderId = body.stakeholderId ?? null;
  await checkStakeholder(deps, p.tenantId, body.roles, stakeholderId);
  const departmentId = await departmentIdOf(deps, p.tenantId, body.departmentCode);
  const created = await deps.repos.users.create(
    p.tenantId,
    {
      email: body.email,
      displayName: body.displayName,
      departmentId,
      stakeholderId,
      roles: body.roles,
    },
    p.userId,
  );
  if (!created.ok)
    throw created.reason === 'exists'
      ? apiError(
          'ALREADY_EXISTS',
          `کاربری با رایانامه \u2066${body.email}\u2069 هست.`,
          `A person with the e-mail ${body.email} exists.`,
        )
      : notFound({ fa: 'واحد', en: 'The department' });
  let secret: string | null = null;
  if (body.password === 'one-time') {
    secret = oneTimePassword();
    const passwordHash = await hashPassword(secret, deps.config.sessions.scrypt);
    await deps.repos.people.setPassword(
      p.tenantId,
      created.user.id,
      { passwordHash, mustChange: true },
      p.userId,
    );
  }
  const answer: ApiCreatedPerson = {
    person: await personView(deps, created.user),
    oneTimePassword: secret,
  };
  return { status: 201, headers: { 'Cache-Control': 'no-store' }, json: answer };
};

export const updatePerson: Handler<ById, None, UpdatePersonBody> = async ({
  deps,
  p,
  params,
  body,
}) => {
  const user = await deps.repos.users.get(p.tenantId, params.id);
  if (user === null) throw notFound({ fa: 'کاربر', en: 'The person' });
  const roles = body.roles ?? user.roles;
  const stakeholderId = body.stakeholderId === undefined ? user.stakeholderId : body.stakeholderId;
  if (body.roles !== undefined || body.stakeholderId !== undefined)
    await checkStakeholder(deps, p.tenantId, roles, stakeholderId);
  if (
    user.id === p.userId &&
    (body.disabled === true || (body.roles !== undefined && !roles.includes('admin')))
  )
    throw apiError(
      'FORBIDDEN',
      'مدیر سامانه نمی‌تواند خود را از کار بیندازد یا نقش مدیر را از خود بگیرد.',
      'An administrator cannot disable themselves or drop their own admin role.',
    );
  const { tenantId } = p;
  const people = deps.repos.people;
  if (body.departmentCode !== undefined) {
    const departmentId = await departmentIdOf(deps, tenantId, body.departmentCode);
    if (departmentId !== user.departmentId)
      await people.setDepartment(tenantId, user.id, departmentId, p.userId);
  }
  // Roles and stakeholder move together: the stakeholder first when it goes away, last when
  // it comes, so a half-done change never leaves a staff role tied to a stakeholder.
  if (stakeholderId !== user.stakeholderId && stakeholderId === null)
    await people.setStakeholder(tenantId, user.id, null, p.userId);
  if (body.roles !== undefined && body.roles.join() !== user.roles.join())
    await deps.repos.users.setRoles(tenantId, user.id, body.roles, p.userId);
  if (stakeholderId !== user.stakeholderId && stakeholderId !== null)
    await people.setStakeholder(tenantId, user.id, stakeholderId, p.userId);
  if (body.displayName !== undefined && body.displayName !== user.displayName)
    await people.setDisplayName(tenantId, user.id, body.displayName, p.userId);
  if (body.disabled !== undefined && body.disabled !== user.disabled) {
    await deps.repos.users.setDisabled(tenantId, user.id, body.disabled, p.userId);
    if (body.disabled)
      await deps.repos.sessions.endAllForUser(tenantId, user.id, p.userId, 'user-disabled');
  }
  const after = await deps.repos.users.get(tenantId, user.id);
  if (after === null) throw notFound({ fa: 'کاربر', en: 'The person' });
  return { json: await personView(deps, after) };
};

export const resetPassword: Handler<ById, None, undefined> = async ({ deps, p, params }) => {
  const user = await deps.repos.users.get(p.tenantId, params.id);
  if (user === null) throw notFound({ fa: 'کاربر', en: 'The person' });
  const secret = oneTimePassword();
  const passwordHash = await hashPassword(secret, deps.config.sessions.scrypt);
  await deps.repos.people.setPassword(
    p.tenantId,
    user.id,
    { passwordHash, mustChange: true },
    p.userId,
  );
  await deps.repos.sessions.endAllForUser(p.tenantId, user.id, p.userId, 'password-reset');
  const answer: ApiPasswordReset = { oneTimePassword: secret };
  return { headers: { 'Cache-Control': 'no-store' }, json: answer };
};

export const listPersonTokens: Handler<ById, None, undefined> = async ({ deps, p, params }) => {
  const user = await deps.repos.users.get(p.tenantId, params.id);
  if (user === null) throw notFound({ fa: 'کاربر', en: 'The person' });
  return { json: (await deps.repos.tokens.listForUser(p.tenantId, user.id)).map(toApiToken) };
};

export const revokeAnyToken: Handler<ById, None, undefined> = async ({ deps, p, params }) => ({
  json: await revokeToken(deps, p, params.id, null),
});

export const createDepartmentOperation: Handler<None, None, CreateDepartmentBody> = async ({
  deps,
  p,
  body,
}) => {
  const created = await deps.repos.departments.create(
    p.tenantId,
    { code: body.code, name: body.name, ...(body.kind !== undefined && { kind: body.kind }) },
    p.userId,
  );
  if (!created.ok)
    throw created.reason === 'invalid-code' || created.reason === 'no-tenant'
      ? apiError(
          'INVALID_REQUEST',
          'کد واحد تهی است یا نویسه نادیدنی دارد.',
          'The department code is empty or holds an invisible character.',
          [{ path: ['code'], message: created.reason }],
        )
      : apiError(
          'ALREADY_EXISTS',
          `واحدی با کد \u2066${body.code}\u2069 (یا کدی هم‌نما) هست.`,
          `A department with the code ${body.code} (or one that looks the same) exists.`,
        );
  const d = created.department;
  const answer: ApiDepartment = { id: d.id, code: d.code, name: d.name, kind: d.kind };
  return { status: 201, json: answer };
};
