/**
 * People and sign-in (issue 15): the shapes of the session, self-service token and
 * administration routes (docs/api.md, "People and sign-in"), requests (`.strict()`) and
 * answers in one home. The server parses with these, the OpenAPI document is made from them
 * and `RegisterClient`'s callers (the web pages) take their types. A schema and its type
 * share one name.
 */
import { z } from 'zod';
import { DEPARTMENT_KINDS } from '../contract/enums';
import { ROLES } from '../contract/workflow';

/** How a person proved who they are when their session opened. */
export const SIGN_IN_METHODS = ['password', 'oidc'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

/** The cookie that carries a browser session (HttpOnly: scripts never read it). */
export const SESSION_COOKIE = 'plan_session';
/**
 * The header a signed-in browser sends its session's CSRF token in, on every request that
 * changes something (`POST`, `PATCH`, `PUT`, `DELETE`); the token comes with the sign-in and
 * with `GET /api/session`.
 */
export const CSRF_HEADER = 'X-CSRF-Token';

const time = z.iso.datetime({ offset: true });
const Email = z
  .string()
  .trim()
  .min(3)
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+$/, 'an e-mail address, like name@city.example');
/** Passwords: NIST SP 800-63B §5.1.1 (at least 8; we ask 10), long passphrases welcome. */
const Password = z.string().min(10).max(256);
const StakeholderId = z.string().trim().min(1).max(64);
const DepartmentCode = z.string().trim().min(1).max(64);

/** `POST /api/session`: sign in with a local account of a municipality. */
export const SignInBody = z
  .object({
    /** The municipality's code (its tenant id, e.g. `sample`). */
    municipality: z.string().trim().min(1).max(40),
    email: Email,
    password: z.string().min(1).max(256),
  })
  .strict();
export type SignInBody = z.infer<typeof SignInBody>;

/** `POST /api/me/password`: a new password, proved by the current (or one-time) one. */
export const ChangePasswordBody = z
  .object({ currentPassword: z.string().min(1).max(256), newPassword: Password })
  .strict();
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

/** `POST /api/me/tokens`: a new API token of the caller. */
export const CreateTokenBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    /** Days until it stops working (default 90; at most a year). */
    expiresInDays: z.number().int().min(1).max(366).default(90),
  })
  .strict();
export type CreateTokenBody = z.infer<typeof CreateTokenBody>;

/** `POST /api/admin/people`: a new person. */
export const CreatePersonBody = z
  .object({
    email: Email,
    displayName: z.string().trim().min(1).max(200),
    roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length),
    /** The person's department (staff of one department, e.g. a preparer); null: city-wide. */
    departmentCode: DepartmentCode.nullable().optional(),
    /** For `agency` and `stakeholder`: the city's `tblStakeholders.StakeholderId`. */
    stakeholderId: StakeholderId.nullable().optional(),
    /**
     * `one-time` (default): the answer carries a password, shown once, to hand over; the
     * person must change it at the first sign-in. `none`: no local account (OIDC or tokens).
     */
    password: z.enum(['one-time', 'none']).default('one-time'),
  })
  .strict();
export type CreatePersonBody = z.infer<typeof CreatePersonBody>;

/** `PATCH /api/admin/people/{id}`: what changes (at least one field). */
export const UpdatePersonBody = z
  .object({
    displayName: z.string().trim().min(1).max(200).optional(),
    roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length).optional(),
    departmentCode: DepartmentCode.nullable().optional(),
    stakeholderId: StakeholderId.nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'name at least one field to change');
export type UpdatePersonBody = z.infer<typeof UpdatePersonBody>;

/** `POST /api/admin/departments`: a new department. */
export const CreateDepartmentBody = z
  .object({
    code: DepartmentCode,
    name: z.string().trim().min(1).max(200),
    kind: z.enum(DEPARTMENT_KINDS.map((k) => k.value) as [string, ...string[]]).optional(),
  })
  .strict();
export type CreateDepartmentBody = z.infer<typeof CreateDepartmentBody>;

/** Who is signed in (the same fields as `GET /api/me`). */
export const ApiSessionUser = z.object({
  tenantId: z.string(),
  userId: z.string(),
  email: z.string(),
  displayName: z.string(),
  departmentId: z.string().nullable(),
  stakeholderId: z.string().nullable(),
  roles: z.array(z.enum(ROLES)),
});

/** `POST /api/session` (201) and `GET /api/session`: the open session. */
export const ApiSession = z.object({
  user: ApiSessionUser,
  method: z.enum(SIGN_IN_METHODS),
  /** Send it in `X-CSRF-Token` with every request that changes something. */
  csrfToken: z.string(),
  createdAt: time,
  /** The absolute end of the session. */
  expiresAt: time,
  /** It also ends after this many seconds without a request. */
  idleTimeoutSeconds: z.number().int(),
  /** True after a one-time password: only `POST /api/me/password` (and sign-out) until changed. */
  mustChangePassword: z.boolean(),
  /** True in a practice municipality (issue 20): every page says so. */
  practice: z.boolean(),
});
export type ApiSession = z.infer<typeof ApiSession>;

/** An API token as listed (never its secret). */
export const ApiToken = z.object({
  id: z.string(),
  name: z.string(),
  /** The token's first characters, to tell tokens apart. */
  prefix: z.string(),
  createdAt: time,
  expiresAt: time.nullable(),
  revoked: z.boolean(),
  revokedAt: time.nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;

/** `POST /api/me/tokens`: the new token, with its secret, shown this once. */
export const ApiIssuedToken = ApiToken.extend({
  token: z.string().meta({ description: 'The whole token; the register keeps only its SHA-256.' }),
});
export type ApiIssuedToken = z.infer<typeof ApiIssuedToken>;

/** A person, as the administration sees them. */
export const ApiPerson = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  departmentId: z.string().nullable(),
  departmentCode: z.string().nullable(),
  stakeholderId: z.string().nullable(),
  roles: z.array(z.enum(ROLES)),
  disabled: z.boolean(),
  /** Has a local account (a password). */
  hasPassword: z.boolean(),
  mustChangePassword: z.boolean(),
  /** Locked out after failed sign-ins until then; null: not locked. */
  lockedUntil: time.nullable(),
  createdAt: time,
});
export type ApiPerson = z.infer<typeof ApiPerson>;

/** `POST /api/admin/people` (201): the person and, for `one-time`, the password to hand over. */
export const ApiCreatedPerson = z.object({
  person: ApiPerson,
  oneTimePassword: z.string().nullable(),
});
export type ApiCreatedPerson = z.infer<typeof ApiCreatedPerson>;

/** `POST /api/admin/people/{id}/password`: a new one-time password, shown once. */
export const ApiPasswordReset = z.object({ oneTimePassword: z.string() });
export type ApiPasswordReset = z.infer<typeof ApiPasswordReset>;

/** One person of the real municipality, as an account of its practice municipality. */
export const ApiPracticeAccount = z.object({
  email: z.string(),
  roles: z.array(z.enum(ROLES)),
  /** The department's code in the practice municipality (the sample's), if any. */
  departmentCode: z.string().nullable(),
  /** Shown once: the person changes it at their first sign-in. */
  oneTimePassword: z.string(),
});

/**
 * `POST /api/admin/practice`: the practice municipality made anew from the sample (issue 20),
 * with the real municipality's people as its accounts.
 */
export const ApiPractice = z.object({
  /** The practice municipality's code (`<tenant>-practice`): sign in with it. */
  tenantId: z.string(),
  /** False when it was made for the first time, true when an old one was reset. */
  reset: z.boolean(),
  accounts: z.array(ApiPracticeAccount),
});
export type ApiPractice = z.infer<typeof ApiPractice>;

/** Response schemas of this module, by component name (the OpenAPI document's). */
export const PEOPLE_SCHEMAS = {
  SessionUser: ApiSessionUser,
  Session: ApiSession,
  Token: ApiToken,
  IssuedToken: ApiIssuedToken,
  Person: ApiPerson,
  CreatedPerson: ApiCreatedPerson,
  PasswordReset: ApiPasswordReset,
  Practice: ApiPractice,
} as const;

/** Request schemas of this module, by component name. */
export const PEOPLE_REQUESTS = {
  SignInBody,
  ChangePasswordBody,
  CreateTokenBody,
  CreatePersonBody,
  UpdatePersonBody,
  CreateDepartmentBody,
} as const;
