/**
 * The API's OpenAPI 3.1 document, served at `/api/docs`. Nothing in it is written by hand
 * twice: the response schemas are the core's (`shared/src/api/schemas.ts`, the ones
 * `RegisterClient` parses with), the request bodies and query parameters are the zod schemas
 * the routes parse with (`routes/schemas.ts`), both turned into JSON Schema by zod's
 * `z.toJSONSchema`; each error status names the codes of `http/errors.ts` it stands for.
 * tests/service/openapi.test.ts lints it with Redocly's recommended rules.
 */
import { z } from 'zod';
import {
  IDEMPOTENCY_KEY_PATTERN,
  API_SCHEMAS,
  AnswerBody,
  ApiConsultation,
  ApiConsultationView,
  ApiContribution,
  ApiProcess,
  ApiNotification,
  ContributionBody,
  HideBody,
  OpenConsultationBody,
  ApiNotifications,
  ApiReminders,
  ApiAgencyView,
  ApiSignature,
  ApiSignatureBody,
  ApiSignatureList,
  ApiAmendment,
  ApiAmendmentList,
  ApiSnapshotImpact,
  ApiSnapshotTransition,
  ApplyAmendmentBody,
  CSRF_HEADER,
  PEOPLE_REQUESTS,
  PUBLIC_API_SCHEMAS,
  PUBLISHED_TABLES,
  SESSION_COOKIE,
  XLSX_MEDIA_TYPE,
} from '#core';
import type { ErrorCode } from './http/errors';
import { ERROR_STATUS } from './http/errors';
import { DOCX_TYPE } from './documents';
import {
  Article71Query,
  CommentBody,
  CreateCycleBody,
  CreateSubmissionBody,
  DiffQuery,
  FormatQuery,
  MonitoringQuery,
  ProcessQuery,
  PushBody,
  ReminderBody,
  SubmissionQuery,
  TransitionBody,
  RollCycleBody,
  UpdateCycleBody,
} from './routes/schemas';

type Json = Record<string, unknown>;
/** Every response schema: the core's API and its snapshots and public plan (`api/public.ts`). */
const RESPONSE_SCHEMAS = {
  ...API_SCHEMAS,
  ...PUBLIC_API_SCHEMAS,
  SnapshotImpact: ApiSnapshotImpact,
  Amendment: ApiAmendment,
  AmendmentList: ApiAmendmentList,
  Process: ApiProcess,
  Reminders: ApiReminders,
  Notification: ApiNotification,
  Notifications: ApiNotifications,
  Signature: ApiSignature,
  AgencyView: ApiAgencyView,
  SignatureList: ApiSignatureList,
  Consultation: ApiConsultation,
  ConsultationView: ApiConsultationView,
  Contribution: ApiContribution,
} as const;
type SchemaName = keyof typeof RESPONSE_SCHEMAS;

/** Request bodies, by component name. */
const REQUEST_SCHEMAS = {
  PushBody,
  TransitionBody,
  CommentBody,
  CreateSubmissionBody,
  CreateCycleBody,
  UpdateCycleBody,
  RollCycleBody,
  SnapshotTransitionBody: ApiSnapshotTransition,
  ApplyAmendmentBody,
  ReminderBody,
  SignatureBody: ApiSignatureBody,
  OpenConsultationBody,
  ContributionBody,
  AnswerBody,
  HideBody,
  ...PEOPLE_REQUESTS,
} as const;
type RequestName = keyof typeof REQUEST_SCHEMAS;

const ref = (name: SchemaName | RequestName) => ({ $ref: `#/components/schemas/${name}` });
const list = (name: SchemaName) => ({ type: 'array', items: ref(name) });

/**
 * A JSON Schema without the empty alternatives that unrepresentable types leave in `anyOf`:
 * a cell may be a `Date` when the server reads an `.xlsx`, but JSON cannot carry one.
 */
function withoutAnything(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutAnything);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    const cleaned = withoutAnything(value);
    out[key] =
      key === 'anyOf' && Array.isArray(cleaned)
        ? cleaned.filter((s) => Object.keys(s as Json).length > 0)
        : cleaned;
  }
  return out;
}

/**
 * JSON Schemas of a set of named zod schemas, each one referring to the others by `$ref`.
 * `io`: responses are described as the server writes them, requests as a client may send
 * them (before defaults and coercion).
 */
function componentSchemas(
  schemas: Readonly<Record<string, z.ZodType>>,
  io: 'input' | 'output',
): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const out = z.toJSONSchema(registry, {
    io,
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  });
  const result: Record<string, Json> = {};
  for (const [id, schema] of Object.entries(out.schemas)) {
    // Each schema is a component of this document, not a JSON Schema document of its own.
    const { $schema: _drop, $id: _id, ...rest } = schema as Json;
    void _drop;
    void _id;
    result[id] = withoutAnything(rest) as Json;
  }
  return result;
}

/** Query parameters from a zod object schema of the routes. */
function queryParams(schema: z.ZodObject, descriptions: Record<string, string> = {}) {
  return Object.entries(schema.shape).map(([name, field]) => {
    const fieldSchema = field as z.ZodType;
    const { $schema: _drop, ...json } = z.toJSONSchema(fieldSchema, {
      io: 'input',
      unrepresentable: 'any',
    }) as Json;
    void _drop;
    return {
      name,
      in: 'query',
      required: !fieldSchema.safeParse(undefined).success,
      ...(descriptions[name] !== undefined && { description: descriptions[name] }),
      schema: withoutAnything(json),
    };
  });
}

const pathParam = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string', minLength: 1, maxLength: 64 },
});
const idParam = pathParam('id', 'The submission.');
/** `Idempotency-Key` (the core's `IDEMPOTENCY_KEY_PATTERN`). */
const idempotencyParam = {
  name: 'Idempotency-Key',
  in: 'header',
  description:
    '8–200 of `[A-Za-z0-9_.:-]`. The same key and request again answer the first result (`Idempotent-Replayed: true`); the same key with another request is a 422 `IDEMPOTENCY_MISMATCH`.',
  schema: { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN.source },
} as const;

const cycleParam = pathParam('cycleId', 'The plan cycle.');
const snapshotParam = pathParam('id', 'The snapshot.');
const codeParam = pathParam('code', 'The municipality’s code (its register id), e.g. `sample`.');
const cycleStartParam = {
  name: 'cycleStart',
  in: 'path',
  required: true,
  description: 'The cycle’s first year, e.g. `1405`.',
  schema: { type: 'integer', minimum: 1000, maximum: 9999 },
};
const numberParam = {
  name: 'number',
  in: 'path',
  required: true,
  description: 'The snapshot’s number in its cycle.',
  schema: { type: 'integer', minimum: 1 },
};
const fileParam = {
  name: 'file',
  in: 'path',
  required: true,
  description: `A published table and format: \`{key}.{format}\`, key one of ${PUBLISHED_TABLES.map((t) => `\`${t.key}\``).join(', ')}; format \`csv\`, \`xlsx\` or \`json\`.`,
  schema: { type: 'string', pattern: '^[a-z-]+\\.(csv|xlsx|json)$' },
};
const versionParam = {
  name: 'version',
  in: 'path',
  required: true,
  description:
    'A version number in plain decimal (`01`, `0x1`, `1e0` are 400), `latest` or `approved` (the latest approved version).',
  schema: {
    anyOf: [
      { type: 'integer', minimum: 1, maximum: 1_000_000_000 },
      { type: 'string', enum: ['latest', 'approved'] },
    ],
  },
};

/** An error response: the codes it stands for (`http/errors.ts`), all of one status. */
interface ErrorResponse {
  status: number;
  response: Json;
}

/** An error response of some codes; `schema` names a specialised body (a conflict's details). */
function failure(
  codes: readonly [ErrorCode, ...ErrorCode[]],
  description: string,
  schema: Json = ref('Error'),
): ErrorResponse {
  const status = ERROR_STATUS[codes[0]];
  if (codes.some((c) => ERROR_STATUS[c] !== status))
    throw new Error(`${codes.join(', ')} are not all answered with ${status}`);
  return {
    status,
    response: {
      description: `${description} (${codes.map((c) => `\`${c}\``).join(', ')}).`,
      content: { 'application/json': { schema } },
    },
  };
}

/** An error response with headers. */
const withHeaders = (e: ErrorResponse, headers: Json): ErrorResponse => ({
  status: e.status,
  response: { ...e.response, headers },
});

/** Error responses many routes may answer with, shared by reference. */
const SHARED_ERRORS = {
  BadRequest: failure(
    ['INVALID_REQUEST'],
    'The request does not match its schema; `details` lists the issues',
  ),
  Unauthenticated: withHeaders(
    failure(['UNAUTHENTICATED'], 'No bearer token, or not a valid one'),
    {
      'WWW-Authenticate': { schema: { type: 'string' } },
    },
  ),
  Forbidden: failure(['FORBIDDEN'], 'The caller’s role or department does not allow this'),
  NotFound: failure(['NOT_FOUND'], 'No such thing, or not one the caller may know of'),
  PayloadTooLarge: failure(
    ['PAYLOAD_TOO_LARGE'],
    'The body is larger than the configured limit, or an .xlsx whose cells expand to more text, cells or tables than allowed (`details.fileError`)',
  ),
  RateLimited: withHeaders(failure(['RATE_LIMITED'], 'Too many requests from this client'), {
    RateLimit: { schema: { type: 'string' } },
  }),
  Unavailable: withHeaders(
    failure(
      ['UNAVAILABLE'],
      'The database cannot serve now, or as many .xlsx files as allowed are being read; try again after `Retry-After` seconds',
    ),
    { 'Retry-After': { schema: { type: 'integer' } } },
  ),
} as const;
type SharedError = keyof typeof SHARED_ERRORS;

const etag = {
  ETag: {
    description: 'The submission’s current (or the returned) version, `"3"`.',
    schema: { type: 'string' },
  },
};

const snapshotEtag = {
  ETag: {
    description:
      'The snapshot’s hash with its status and publication, `"<sha256>.<status>[.published]"`: it changes when the snapshot moves.',
    schema: { type: 'string' },
  },
};

const publicHeaders = {
  ETag: {
    description: 'From the snapshot’s hash (weak for a workbook, whose bytes carry their time).',
    schema: { type: 'string' },
  },
  'Cache-Control': { description: '`public, max-age=300`.', schema: { type: 'string' } },
};

const json = (schema: Json) => ({ 'application/json': { schema } });
const xlsx = {
  [XLSX_MEDIA_TYPE]: { schema: { type: 'string', contentMediaType: XLSX_MEDIA_TYPE } },
};

const openData = {
  ...json(ref('PublishedTable')),
  'text/csv': { schema: { type: 'string', contentMediaType: 'text/csv' } },
  ...xlsx,
};

const docx = { [DOCX_TYPE]: { schema: { type: 'string', contentMediaType: DOCX_TYPE } } };

/** One operation of the document. */
interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tag: Tag;
  /** False for the public routes (no token). */
  authenticated?: boolean;
  parameters?: Json[];
  requestBody?: Json;
  /** The success response, by status. */
  ok: Record<number, Json>;
  /**
   * Shared errors the operation may answer with beyond those every route may: 429 (rate
   * limit), 401 and 503 (the token is looked up in the database), 400 with parameters or a
   * body, 413 with a body.
   */
  errors?: ('Forbidden' | 'NotFound')[];
  /** Errors of its own. */
  own?: ErrorResponse[];
}

type Tag =
  | 'service'
  | 'help'
  | 'session'
  | 'consultation'
  | 'admin'
  | 'people'
  | 'submissions'
  | 'versions'
  | 'workflow'
  | 'city'
  | 'council'
  | 'agencies'
  | 'public';
const TAGS: Record<Tag, string> = {
  service: 'Health and this document.',
  help: 'Help on every finding code and calculation, in Persian and English (public; the same pages as HTML at `/help/{topic}?lang=fa|en`).',
  session: `Signing in in the browser (the \`${SESSION_COOKIE}\` cookie; every state change by cookie sends the session's CSRF token in \`${CSRF_HEADER}\`), the caller's password and own API tokens.`,
  admin:
    'Administration (admin): people, their roles, department, stakeholder and tokens; departments. Every change audited.',
  people: 'The caller, the departments and the plan cycles.',
  submissions: 'Submissions: one department’s workbook of one kind in one cycle.',
  versions: 'Pushing, pulling and comparing versions of a submission.',
  workflow: 'Moving a submission through draft, review and approval; comments.',
  city: 'Reference data and the consolidated city plan of a cycle; the audit log.',
  council:
    'Snapshots of the city plan (the approved versions it was made of, with their hashes) and the council stage: review, adoption with the resolution and vote, return, publication.',
  agencies:
    'Agency sign-offs: an executive agency’s representative reads the strategies the agency partners in and its commitments, and signs the cycle’s strategic document (agree, agree with reservations, disagree), bound to a snapshot and to the hash of what it signed; stale when a revision changes that.',
  consultation:
    'The consultation on a cycle’s city plan: agencies and stakeholders comment, propose, endorse and object; the planning office answers each proposal and moderates (every step audited).',
  public:
    'The published city plan, without signing in: the latest and each published snapshot, and its tables as open data (CSV, .xlsx, JSON). Cacheable: `ETag` is the snapshot’s hash, `Cache-Control: public`.',
};

/** Every route of the API, by path and method. */
const OPERATIONS: Record<
  string,
  Partial<Record<'get' | 'post' | 'patch' | 'delete', Operation>>
> = {
  '/health': {
    get: {
      operationId: 'getHealth',
      summary: 'Health, with a database check',
      tag: 'service',
      authenticated: false,
      ok: {
        200: { description: 'The register and its database answer.', content: json(ref('Health')) },
      },
      own: [failure(['UNAVAILABLE'], 'The database is down')],
    },
    post: undefined,
  },
  '/api/docs': {
    get: {
      operationId: 'getOpenApiDocument',
      summary: 'This OpenAPI document (also at `/api/openapi.json`)',
      tag: 'service',
      authenticated: false,
      ok: { 200: { description: 'The document.', content: json({ type: 'object' }) } },
    },
    post: undefined,
  },
  '/api/reference': {
    get: {
      operationId: 'getApiReference',
      summary: 'This document as a readable page (Redoc)',
      tag: 'service',
      authenticated: false,
      ok: {
        200: {
          description: 'An HTML page that renders `/api/docs`.',
          content: { 'text/html': { schema: { type: 'string' } } },
        },
      },
    },
    post: undefined,
  },
  '/api/help': {
    get: {
      operationId: 'listHelpTopics',
      summary: 'Every help topic: the concepts, then the finding codes',
      tag: 'help',
      authenticated: false,
      ok: { 200: { description: 'Every topic with its title.', content: json(list('HelpTopic')) } },
    },
    post: undefined,
  },
  '/api/help/{topic}': {
    get: {
      operationId: 'getHelpPage',
      summary: 'One help page, its worked example filled from the sample city',
      tag: 'help',
      authenticated: false,
      parameters: [
        {
          name: 'topic',
          in: 'path',
          required: true,
          description:
            'A finding code (`AHP_INCONSISTENT`, any case) or a concept (`ahp`, `balances`, …).',
          schema: { type: 'string', minLength: 1, maxLength: 64 },
        },
        {
          name: 'lang',
          in: 'query',
          required: false,
          description: 'The page’s language (default `fa`).',
          schema: { type: 'string', enum: ['fa', 'en'] },
        },
      ],
      ok: { 200: { description: 'The page as Markdown.', content: json(ref('HelpPage')) } },
      own: [failure(['NOT_FOUND'], 'No help page has this topic')],
    },
    post: undefined,
  },
  '/api/me': {
    get: {
      operationId: 'getMe',
      summary: 'The caller',
      tag: 'people',
      ok: { 200: { description: 'Who the token belongs to.', content: json(ref('Me')) } },
    },
    post: undefined,
  },
  '/api/session': {
    post: {
      operationId: 'signIn',
      summary: 'Sign in with a local account (JSON only)',
      description: `Sets the HttpOnly session cookie \`${SESSION_COOKIE}\` (Secure, SameSite=Lax) and answers the session with its CSRF token, to be sent in \`${CSRF_HEADER}\` on every state change. The 401 is the same for an unknown municipality or e-mail, a wrong password, and a disabled or locked account.`,
      tag: 'session',
      authenticated: false,
      requestBody: { required: true, content: json(ref('SignInBody')) },
      ok: {
        201: {
          description: 'Signed in.',
          headers: { 'Set-Cookie': { schema: { type: 'string' } } },
          content: json(ref('Session')),
        },
      },
      own: [
        failure(['UNAUTHENTICATED'], 'The sign-in was not accepted'),
        failure(['UNSUPPORTED_MEDIA_TYPE'], 'The body is not JSON'),
      ],
    },
    get: {
      operationId: 'getSession',
      summary: 'The open session and its CSRF token',
      tag: 'session',
      ok: { 200: { description: 'The session.', content: json(ref('Session')) } },
      errors: ['NotFound'],
    },
    delete: {
      operationId: 'signOut',
      summary: 'Sign out: the session ends and the cookie is cleared',
      tag: 'session',
      ok: { 204: { description: 'Signed out.' } },
      errors: ['Forbidden', 'NotFound'],
    },
  },
  '/api/me/password': {
    post: {
      operationId: 'changePassword',
      summary: 'Change the caller’s password (the one-time one too)',
      tag: 'session',
      requestBody: { required: true, content: json(ref('ChangePasswordBody')) },
      ok: { 204: { description: 'Changed.' } },
      errors: ['Forbidden'],
    },
  },
  '/api/me/tokens': {
    get: {
      operationId: 'listMyTokens',
      summary: 'The caller’s API tokens (never their secrets)',
      tag: 'session',
      ok: { 200: { description: 'Every token of the caller.', content: json(list('Token')) } },
    },
    post: {
      operationId: 'createMyToken',
      summary: 'Make an API token for oneself (signed in in the browser); shown once',
      tag: 'session',
      requestBody: { required: true, content: json(ref('CreateTokenBody')) },
      ok: {
        201: { description: 'The token, with its secret.', content: json(ref('IssuedToken')) },
      },
      errors: ['Forbidden'],
    },
  },
  '/api/me/tokens/{id}': {
    delete: {
      operationId: 'revokeMyToken',
      summary: 'Revoke one of the caller’s tokens',
      tag: 'session',
      parameters: [pathParam('id', 'The token.')],
      ok: { 200: { description: 'The token, revoked.', content: json(ref('Token')) } },
      errors: ['Forbidden', 'NotFound'],
    },
  },
  '/api/me/notifications': {
    get: {
      operationId: 'listMyNotifications',
      summary: 'The caller’s notifications (the planning office’s reminders), newest first',
      description:
        'Each reminder (also e-mailed where an SMTP server is configured) names its cycle, department, due periods, the KPIs and projects not reported when it was sent, its sender and note; `unread` counts those not marked read.',
      tag: 'session',
      ok: {
        200: {
          description: 'The notifications and the unread count.',
          content: json(ref('Notifications')),
        },
      },
    },
    post: undefined,
  },
  '/api/me/notifications/{id}/read': {
    post: {
      operationId: 'readMyNotification',
      summary: 'Mark one of the caller’s notifications read',
      tag: 'session',
      parameters: [pathParam('id', 'The notification.')],
      ok: { 200: { description: 'The notification, read.', content: json(ref('Notification')) } },
      errors: ['Forbidden', 'NotFound'],
    },
  },
  '/api/admin/people': {
    get: {
      operationId: 'listPeople',
      summary: 'Every person of the municipality (admin)',
      tag: 'admin',
      ok: { 200: { description: 'Everyone.', content: json(list('Person')) } },
      errors: ['Forbidden'],
    },
    post: {
      operationId: 'createPerson',
      summary: 'Add a person, with a one-time password shown once (admin)',
      tag: 'admin',
      requestBody: { required: true, content: json(ref('CreatePersonBody')) },
      ok: { 201: { description: 'The person.', content: json(ref('CreatedPerson')) } },
      errors: ['Forbidden', 'NotFound'],
      own: [failure(['ALREADY_EXISTS'], 'A person with this e-mail exists')],
    },
  },
  '/api/admin/people/{id}': {
    get: {
      operationId: 'getPerson',
      summary: 'One person (admin)',
      tag: 'admin',
      parameters: [pathParam('id', 'The person.')],
      ok: { 200: { description: 'The person.', content: json(ref('Person')) } },
      errors: ['Forbidden', 'NotFound'],
    },
    patch: {
      operationId: 'updatePerson',
      summary: 'Change a person’s name, roles, department, stakeholder or disabled flag (admin)',
      tag: 'admin',
      parameters: [pathParam('id', 'The person.')],
      requestBody: { required: true, content: json(ref('UpdatePersonBody')) },
      ok: { 200: { description: 'The person after the change.', content: json(ref('Person')) } },
      errors: ['Forbidden', 'NotFound'],
    },
  },
  '/api/admin/people/{id}/password': {
    post: {
      operationId: 'resetPassword',
      summary: 'Give a person a new one-time password, shown once (admin)',
      tag: 'admin',
      parameters: [pathParam('id', 'The person.')],
      ok: { 200: { description: 'The password.', content: json(ref('PasswordReset')) } },
      errors: ['Forbidden', 'NotFound'],
    },
  },
  '/api/admin/people/{id}/tokens': {
    get: {
      operationId: 'listPersonTokens',
      summary: 'A person’s API tokens (admin)',
      tag: 'admin',
      parameters: [pathParam('id', 'The person.')],
      ok: { 200: { description: 'Their tokens.', content: json(list('Token')) } },
      errors: ['Forbidden', 'NotFound'],
    },
  },
  '/api/admin/tokens/{id}': {
    delete: {
      operationId: 'revokeToken',
      summary: 'Revoke anyone’s token (admin)',
      tag: 'admin',
      parameters: [pathParam('id', 'The token.')],
      ok: { 200: { description: 'The token, revoked.', content: json(ref('Token')) } },
      errors: ['Forbidden', 'NotFound'],
    },
  },
  '/api/admin/practice': {
    post: {
      operationId: 'makePractice',
      summary:
        'Make, or reset, the municipality’s practice municipality from the sample; its accounts’ one-time passwords, shown once (admin of a real municipality)',
      tag: 'admin',
      ok: {
        201: {
          description: 'The practice municipality, seeded anew, and its accounts.',
          content: json(ref('Practice')),
        },
      },
      errors: ['Forbidden'],
      own: [failure(['ALREADY_EXISTS'], 'A real municipality has the practice code')],
    },
  },
  '/api/admin/departments': {
    post: {
      operationId: 'createDepartment',
      summary: 'Add a department (admin)',
      tag: 'admin',
      requestBody: { required: true, content: json(ref('CreateDepartmentBody')) },
      ok: { 201: { description: 'The department.', content: json(ref('Department')) } },
      errors: ['Forbidden'],
      own: [failure(['ALREADY_EXISTS'], 'A department with this code, or one like it, exists')],
    },
  },
  '/api/departments': {
    get: {
      operationId: 'listDepartments',
      summary: 'The municipality’s departments',
      tag: 'people',
      ok: { 200: { description: 'Every department.', content: json(list('Department')) } },
    },
    post: undefined,
  },
  '/api/cycles': {
    get: {
      operationId: 'listCycles',
      summary: 'Plan cycles',
      tag: 'people',
      ok: { 200: { description: 'Every cycle.', content: json(list('Cycle')) } },
    },
    post: {
      operationId: 'createCycle',
      summary: 'Create a plan cycle (admin, approver)',
      tag: 'people',
      requestBody: { required: true, content: json(ref('CreateCycleBody')) },
      ok: { 201: { description: 'The new cycle.', content: json(ref('Cycle')) } },
      errors: ['Forbidden'],
      own: [failure(['ALREADY_EXISTS'], 'A cycle starting that year exists')],
    },
  },
  '/api/cycles/{cycleId}': {
    patch: {
      operationId: 'setPlanningDepartment',
      summary:
        'Name the planning department of a cycle whose framework is not filed (admin, approver)',
      tag: 'people',
      parameters: [cycleParam],
      requestBody: { required: true, content: json(ref('UpdateCycleBody')) },
      ok: { 200: { description: 'The cycle.', content: json(ref('Cycle')) } },
      errors: ['Forbidden', 'NotFound'],
      own: [failure(['ALREADY_EXISTS'], 'The cycle’s framework is already filed')],
    },
  },
  '/api/cycles/{cycleId}/roll': {
    post: {
      operationId: 'rollCycle',
      summary: 'Open the next cycle from the cycle’s approved plan (admin, approver)',
      description:
        'The core’s `rollPlan` on the latest approved version of each submission (framework, departments, revenue) with the cycle’s approved monitoring: the next cycle (start + 1 … end + 1) with a draft submission per workbook, its first version the rolled plan, the new last year empty for the department to fill.',
      tag: 'people',
      parameters: [cycleParam],
      requestBody: { required: false, content: json(ref('RollCycleBody')) },
      ok: { 201: { description: 'The new cycle and its drafts.', content: json(ref('Roll')) } },
      errors: ['Forbidden', 'NotFound'],
      own: [
        failure(['INVALID_TRANSITION'], 'The cycle’s framework is not approved'),
        failure(['ALREADY_EXISTS'], 'The next cycle exists already'),
      ],
    },
  },
  '/api/submissions': {
    get: {
      operationId: 'listSubmissions',
      summary: 'The submissions the caller may read',
      tag: 'submissions',
      parameters: queryParams(SubmissionQuery, {
        department: 'A department’s code (`D-CIV`).',
        kind: 'A workbook kind.',
      }),
      ok: {
        200: {
          description: 'Each with the workflow actions the caller may take now.',
          content: json(list('Submission')),
        },
      },
    },
    post: {
      operationId: 'createSubmission',
      summary: 'Create a submission (a department’s workbook kind in a cycle)',
      tag: 'submissions',
      requestBody: { required: true, content: json(ref('CreateSubmissionBody')) },
      ok: {
        201: {
          description: 'The new submission, without versions.',
          headers: etag,
          content: json(ref('Submission')),
        },
      },
      errors: ['Forbidden', 'NotFound'],
      own: [
        failure(['ALREADY_EXISTS'], 'The department has a submission of this kind in the cycle'),
      ],
    },
  },
  '/api/submissions/{id}': {
    get: {
      operationId: 'getSubmission',
      summary: 'A submission',
      tag: 'submissions',
      parameters: [idParam],
      ok: {
        200: {
          description: 'The submission, with the workflow actions the caller may take now.',
          headers: etag,
          content: json(ref('Submission')),
        },
      },
      errors: ['Forbidden', 'NotFound'],
    },
    post: undefined,
  },
  '/api/submissions/{id}/versions': {
    get: {
      operationId: 'listVersions',
      summary: 'A submission’s versions',
      tag: 'versions',
      parameters: [idParam],
      ok: {
        200: { description: 'Oldest first.', headers: etag, content: json(list('Version')) },
      },
      errors: ['Forbidden', 'NotFound'],
    },
    post: {
      operationId: 'pushVersion',
      summary: 'Push a workbook as a new version',
      description:
        'The body is the contract tables as JSON, the `.xlsx` file itself, or a multipart form with the file in `file`. `If-Match` names the base version (`"0"` first). The same `Idempotency-Key` and request again return the first result (`Idempotent-Replayed: true`). The workbook is validated with the core: any error answers 422 with the findings and nothing is stored.',
      tag: 'versions',
      parameters: [
        idParam,
        {
          name: 'If-Match',
          in: 'header',
          required: true,
          description: 'The version the workbook was made from, `"3"`.',
          schema: { type: 'string' },
        },
        idempotencyParam,
      ],
      requestBody: {
        required: true,
        content: {
          ...json(ref('PushBody')),
          ...xlsx,
          'multipart/form-data': {
            schema: {
              type: 'object',
              required: ['file'],
              properties: { file: { type: 'string', contentMediaType: XLSX_MEDIA_TYPE } },
            },
          },
        },
      },
      ok: {
        201: {
          description: 'Stored (or the first result again, `Idempotent-Replayed: true`).',
          headers: {
            ...etag,
            'Idempotent-Replayed': { schema: { type: 'string', enum: ['true'] } },
          },
          content: json(ref('PushedVersion')),
        },
      },
      errors: ['Forbidden', 'NotFound'],
      own: [
        failure(
          ['VERSION_CONFLICT', 'NOT_EDITABLE'],
          'A stale `If-Match` (`details` says what changed since), or the submission is under review or approved',
          {
            anyOf: [
              {
                allOf: [
                  ref('Error'),
                  { type: 'object', properties: { details: ref('VersionConflict') } },
                ],
              },
              ref('Error'),
            ],
          },
        ),
        failure(['UNSUPPORTED_MEDIA_TYPE'], 'Not JSON, `.xlsx` or a multipart form'),
        failure(
          ['WORKBOOK_INVALID', 'DEPARTMENT_MISMATCH', 'IDEMPOTENCY_MISMATCH'],
          'The workbook has errors (`details` has the findings), belongs to another department or kind, or the idempotency key was used for another request',
          {
            anyOf: [
              {
                allOf: [
                  ref('Error'),
                  { type: 'object', properties: { details: ref('WorkbookInvalid') } },
                ],
              },
              ref('Error'),
            ],
          },
        ),
        failure(['PRECONDITION_REQUIRED'], 'No `If-Match`'),
      ],
    },
  },
  '/api/submissions/{id}/versions/{version}': {
    get: {
      operationId: 'pullVersion',
      summary: 'Pull a version as JSON or `.xlsx`',
      description:
        '`.xlsx` with `format=xlsx` or `Accept`: the file as pushed (`source=original`), rebuilt from the stored rows (`rows`), or the original when there is one (`auto`, the default; `X-Plan-Regenerated` says which).',
      tag: 'versions',
      parameters: [
        idParam,
        versionParam,
        ...queryParams(FormatQuery, {
          lang: 'Headers of the JSON tables: column keys, or Persian or English captions.',
        }),
      ],
      ok: {
        200: {
          description: 'The version.',
          headers: {
            ...etag,
            'X-Plan-Regenerated': { schema: { type: 'string', enum: ['true', 'false'] } },
          },
          content: { ...json(ref('VersionContent')), ...xlsx },
        },
      },
      errors: ['Forbidden', 'NotFound'],
    },
    post: undefined,
  },
  '/api/submissions/{id}/diff': {
    get: {
      operationId: 'diffVersions',
      summary: 'What changed between two versions, row by row and cell by cell',
      tag: 'versions',
      parameters: [idParam, ...queryParams(DiffQuery)],
      ok: {
        200: {
          description: 'As JSON, or as readable text (`format=text`).',
          content: { ...json(ref('VersionDiff')), 'text/plain': { schema: { type: 'string' } } },
        },
      },
      errors: ['Forbidden', 'NotFound'],
    },
    post: undefined,
  },
  '/api/submissions/{id}/transitions': {
    get: undefined,
    post: {
      operationId: 'transitionSubmission',
      summary: 'Take a workflow step: submit, review, approve, return, reopen',
      description:
        'Who may take each step is the core’s rule (`shared/src/contract/workflow.ts`); each submission’s `actions` says it for the caller beforehand.',
      tag: 'workflow',
      parameters: [idParam],
      requestBody: { required: true, content: json(ref('TransitionBody')) },
      ok: {
        200: {
          description: 'The submission after the step, and the event recorded.',
          headers: etag,
          content: json(ref('TransitionResult')),
        },
      },
      errors: ['Forbidden', 'NotFound'],
      own: [
        failure(
          ['INVALID_TRANSITION', 'VERSION_CONFLICT'],
          'Not possible from the current status, nothing pushed yet, or a newer version than `expectedVersion`',
        ),
        failure(['SAME_PERSON'], 'Four eyes: the caller pushed or submitted this version'),
      ],
    },
  },
  '/api/submissions/{id}/history': {
    get: {
      operationId: 'listWorkflowEvents',
      summary: 'A submission’s workflow events',
      tag: 'workflow',
      parameters: [idParam],
      ok: { 200: { description: 'Oldest first.', content: json(list('WorkflowEvent')) } },
      errors: ['Forbidden', 'NotFound'],
    },
    post: undefined,
  },
  '/api/submissions/{id}/comments': {
    get: {
      operationId: 'listComments',
      summary: 'A submission’s comments',
      tag: 'workflow',
      parameters: [idParam],
      ok: { 200: { description: 'Oldest first.', content: json(list('Comment')) } },
      errors: ['Forbidden', 'NotFound'],
    },
    post: {
      operationId: 'addComment',
      summary: 'Comment on a submission',
      tag: 'workflow',
      parameters: [idParam],
      requestBody: { required: true, content: json(ref('CommentBody')) },
      ok: { 201: { description: 'The comment.', content: json(ref('Comment')) } },
      errors: ['Forbidden', 'NotFound'],
    },
  },
  '/api/cycles/{cycleId}/reference': {
    get: {
      operationId: 'getReferenceData',
      summary: 'Reference data: the approved city framework’s tables',
      tag: 'city',
      parameters: [cycleParam, ...queryParams(FormatQuery)],
      ok: {
        200: {
          description: 'As `ref_` tables (JSON), or a workbook.',
          content: { ...json(ref('Reference')), ...xlsx },
        },
      },
      errors: ['NotFound'],
    },
    post: undefined,
  },
  '/api/cycles/{cycleId}/consolidation': {
    get: {
      operationId: 'getConsolidation',
      summary: 'The city plan from every approved submission (reviewer, approver, council, admin)',
      tag: 'city',
      parameters: [cycleParam, ...queryParams(FormatQuery)],
      ok: {
        200: {
          description: 'The report as JSON, or the city plan as a workbook.',
          content: { ...json(ref('Consolidation')), ...xlsx },
        },
      },
      errors: ['Forbidden', 'NotFound'],
    },
    post: undefined,
  },
  '/api/cycles/{cycleId}/process': {
    get: {
      operationId: 'getProcess',
      summary:
        'The plan’s process, guided: each phase’s completeness, next steps, who has not reported (reviewer, approver, council, admin)',
      description:
        'The nine phases of the national instruction (`shared/src/process`), each with what it needs, who owns it and its completeness: the share of its countable items done, counted from the city plan of the approved versions and from the register (plans sent and approved, the council’s snapshot, the latest period each department’s approved monitoring reports). For the city and for every department that the plan gives work or that sends a plan, with the next step of each; the six-monthly periods due by the day and the KPIs and projects whose owners have not reported them.',
      tag: 'city',
      parameters: [
        cycleParam,
        ...queryParams(ProcessQuery, {
          on: 'Count as on this Jalali day (`1405/08/01`, Persian digits too); default: today in Tehran.',
        }),
      ],
      ok: { 200: { description: 'The process.', content: json(ref('Process')) } },
      errors: ['Forbidden', 'NotFound'],
      own: [failure(['INVALID_REQUEST'], 'A day that cannot be read (`details[0].path` is `on`)')],
    },
    post: undefined,
  },
  '/api/cycles/{cycleId}/reminders': {
    post: {
      operationId: 'postReminders',
      summary:
        'Remind the departments that have not reported a due period, in-app and by e-mail (approver, admin)',
      description:
        'For each department with KPIs or projects of the due period(s) not reported (the process’s `unreported`, counted as on `on`, default today in Tehran), one notification to each person of the department (enabled users with that department) naming the period, the items, the sender and the note. `period` (`1405-H1`) limits it to one due period; `departments` (codes) to those. Where an SMTP server is configured (`PLAN_SMTP_URL`), each of them whose sign-in name is an e-mail address gets the same reminder by e-mail, after the notifications are stored; `emails` says how many were sent and which failed (null without SMTP).',
      tag: 'city',
      parameters: [cycleParam, idempotencyParam],
      requestBody: { required: false, content: json(ref('ReminderBody')) },
      ok: {
        200: {
          description: 'Who was reminded of how many items.',
          content: json(ref('Reminders')),
        },
      },
      errors: ['Forbidden', 'NotFound'],
      own: [
        failure(
          ['INVALID_REQUEST'],
          'A period that cannot be read or is not due (`details[0].path` is `period`), a day that cannot be read (`on`), an unknown department (`departments`, index), a malformed `Idempotency-Key`',
        ),
        failure(['IDEMPOTENCY_MISMATCH'], 'The `Idempotency-Key` was used for another request'),
      ],
    },
  },
  '/api/cycles/{cycleId}/monitoring': {
    get: {
      operationId: 'getMonitoring',
      summary:
        'The city’s monitoring report at a period, or its Article 71 report (reviewer, approver, council, admin)',
      description:
        'The core’s `monitoringReport` of the city plan assembled from every approved submission (monitoring workbooks included), for the whole city. A period with no actuals gives the report with its empty lists. `format=xlsx`: the six-monthly report of Article 71 of the Municipalities Law as a print-ready workbook (Persian unless `lang=en`), the same as `plan report71`.',
      tag: 'city',
      parameters: [
        cycleParam,
        ...queryParams(MonitoringQuery, {
          period:
            'The year and period, as `1405-H1` (also `1405 Q3`, `FY-1405`, Persian digits); default: the latest period the approved versions report.',
          scenario:
            'The revenue scenario the realisation is measured against; default: the framework’s `Scenario`, else `base`.',
          lang: 'The language of the workbook’s sheets (`format=xlsx`); default `fa`.',
        }),
      ],
      ok: {
        200: {
          description: 'The report as JSON, or the Article 71 report as a workbook.',
          content: { ...json(ref('Monitoring')), ...xlsx },
        },
      },
      errors: ['Forbidden', 'NotFound'],
      own: [
        failure(
          ['INVALID_REQUEST'],
          'A period not understood, a year outside the plan, or no period given when nothing is reported (`details[0].path` is `period`)',
        ),
      ],
    },
    post: undefined,
  },
  '/api/cycles/{cycleId}/documents/plan-book': {
    get: {
      operationId: 'getPlanBook',
      summary:
        'The plan book of the cycle’s latest snapshot as .docx, a draft unless adopted (reviewer, approver, council, admin)',
      tag: 'city',
      parameters: [cycleParam],
      ok: { 200: { description: 'The plan book (docs/documents.md).', content: docx } },
      errors: ['Forbidden', 'NotFound'],
    },
    post: undefined,
  },
  '/api/cycles/{cycleId}/documents/council-bill': {
    get: {
      operationId: 'getCouncilBill',
      summary:
        'The council bill of the cycle’s latest snapshot as .docx, a draft unless adopted (reviewer, approver, council, admin)',
      tag: 'city',
      parameters: [cycleParam],
      ok: { 200: { description: 'The council bill (docs/documents.md).', content: docx } },
      errors: ['Forbidden', 'NotFound'],
    },
    post: undefined,
  },
  '/api/cycles/{cycleId}/documents/article-71': {
    get: {
      operationId: 'getArticle71Report',
      summary:
        'The six-monthly report of Article 71 at a period as .docx, a draft unless measured against an adopted snapshot (reviewer, approver, council, admin)',
      description:
        'The city’s execution to date (the latest approved monitoring of the cycle) measured against its latest adopted snapshot (else its latest snapshot, else the live consolidation: a draft), by the core’s `monitoringReport` as the monitoring view: income by class, spending by head, department and program, the projects with their earned value, the KPIs of the year and what needs attention (docs/documents.md).',
      tag: 'city',
      parameters: [
        cycleParam,
        ...queryParams(Article71Query, {
          period:
            'The year and period, as `1405-H1` (also `1405 Q3`, `FY-1405`, Persian digits); default: the latest period the approved versions report.',
          scenario:
            'The revenue scenario the realisation is measured against; default: the framework’s `Scenario`, else `base`.',
        }),
      ],
      ok: { 200: { description: 'The Article 71 report (docs/documents.md).', content: docx } },
      errors: ['Forbidden', 'NotFound'],
      own: [
        failure(
          ['INVALID_REQUEST'],
          'A period not understood, a year outside the plan, or no period given when nothing is reported (`details[0].path` is `period`)',
        ),
      ],
    },
    post: undefined,
  },
  '/api/cycles/{cycleId}/snapshots': {
    get: {
      operationId: 'listSnapshots',
      summary: 'The cycle’s snapshots of the city plan (reviewer, approver, council, admin)',
      tag: 'council',
      parameters: [cycleParam],
      ok: { 200: { description: 'Oldest first.', content: json(list('Snapshot')) } },
      errors: ['Forbidden', 'NotFound'],
    },
    post: {
      operationId: 'createSnapshot',
      summary: 'Make a snapshot of the city plan now (approver, admin)',
      description:
        'Of the latest approved version of each plan submission of the cycle (framework, revenue, departments; monitoring is not the plan). The register also makes one by itself when an approval leaves no plan submission of the cycle unapproved.',
      tag: 'council',
      parameters: [cycleParam],
      ok: {
        201: {
          description: 'The snapshot made.',
          headers: snapshotEtag,
          content: json(ref('Snapshot')),
        },
      },
      errors: ['Forbidden', 'NotFound'],
      own: [
        failure(
          ['ALREADY_EXISTS', 'INVALID_TRANSITION', 'VERSION_CONFLICT'],
          'The latest snapshot is of the same versions (`details.snapshot`), the framework has no approved version, or another snapshot was made at the same moment',
        ),
      ],
    },
  },
  '/api/cycles/{cycleId}/agency': {
    get: {
      operationId: 'getAgencyView',
      summary: 'What the signed-in agency signs, and its signatures (agency)',
      description:
        'The snapshot signed now (the newest in council review or adopted; null when none), the strategies whose `PartnerIds` name the agency and its `tblCommitments` rows in it, the hash of those rows, and the agency’s signatures, newest first, each with `stale`.',
      tag: 'agencies',
      parameters: [cycleParam],
      ok: { 200: { description: 'The agency’s view.', content: json(ref('AgencyView')) } },
      errors: ['Forbidden', 'NotFound'],
    },
    post: undefined,
  },
  '/api/cycles/{cycleId}/signatures': {
    get: {
      operationId: 'listSignatures',
      summary: 'Every agency’s latest signature (reviewer, approver, council, admin)',
      description:
        'Each agency of the snapshot signed now (and any that signed before), how many strategies and commitments it has there, and its latest signature with `stale`; null when it has not signed.',
      tag: 'agencies',
      parameters: [cycleParam],
      ok: { 200: { description: 'The agencies.', content: json(ref('SignatureList')) } },
      errors: ['Forbidden', 'NotFound'],
    },
    post: {
      operationId: 'createSignature',
      summary: 'Sign the strategic document (agency)',
      description:
        'Signs the snapshot signed now, named by `snapshotId` (the one read); the text is required for `agree-with-reservations` and `disagree`. Signing again adds a signature; the earlier ones are kept.',
      tag: 'agencies',
      parameters: [cycleParam],
      requestBody: { required: true, content: json(ref('SignatureBody')) },
      ok: { 201: { description: 'The signature.', content: json(ref('Signature')) } },
      errors: ['Forbidden', 'NotFound'],
      own: [
        failure(
          ['INVALID_REQUEST'],
          'No text where the position needs one (`details[0].path` is `text`)',
        ),
        failure(
          ['VERSION_CONFLICT', 'INVALID_TRANSITION'],
          'The snapshot read is no longer the one signed now (`details.snapshot`), or there is none to sign',
        ),
      ],
    },
  },
  '/api/snapshots/{id}': {
    get: {
      operationId: 'getSnapshot',
      summary: 'A snapshot of the city plan (reviewer, approver, council, admin)',
      tag: 'council',
      parameters: [snapshotParam],
      ok: {
        200: {
          description: 'The snapshot.',
          headers: snapshotEtag,
          content: json(ref('Snapshot')),
        },
      },
      errors: ['Forbidden', 'NotFound'],
    },
    post: undefined,
  },
  '/api/snapshots/{id}/transitions': {
    post: {
      operationId: 'transitionSnapshot',
      summary: 'A council-stage step: send to the council, adopt, return, publish',
      description:
        '`send-to-council`: approver, admin, from `made`. `adopt` (with `resolution`: number, Jalali date, votes) and `return` (with a `note`, or `amendments` per row, or both: each checked against the snapshot by the core’s `validateAmendments`, a 400 naming `amendments.<index>.<field>` for each problem): council, admin, from `council-review`. `publish`: council, admin, an adopted snapshot once. The rule is the core’s (`shared/src/contract/snapshots.ts`).',
      tag: 'council',
      parameters: [snapshotParam],
      requestBody: { required: true, content: json(ref('SnapshotTransitionBody')) },
      ok: { 200: { description: 'The snapshot after the step.', content: json(ref('Snapshot')) } },
      errors: ['Forbidden', 'NotFound'],
      own: [
        failure(
          ['INVALID_TRANSITION'],
          'Not possible from the snapshot’s status (`details.status`), or already published',
        ),
      ],
    },
  },
  '/api/snapshots/{id}/impact': {
    get: {
      operationId: 'getSnapshotImpact',
      summary:
        'A revision’s impact against the baseline and the previous snapshot (reviewer, approver, council, admin)',
      description:
        'Projects and activities added, dropped, rescoped, rescheduled and recosted, read from the rows; each change without a `tblChanges` row naming the item with that kind is a warning; the change of the fiscal gap and the three balances per scenario and year (`shared/src/api/revision.ts`).',
      tag: 'council',
      parameters: [snapshotParam],
      ok: { 200: { description: 'The impact.', content: json(ref('SnapshotImpact')) } },
      errors: ['Forbidden', 'NotFound'],
    },
    post: undefined,
  },
  '/api/snapshots/{id}/plan': {
    get: {
      operationId: 'getSnapshotPlan',
      summary:
        'A snapshot’s plan in the public plan’s shape, whatever its status (reviewer, approver, council, admin)',
      description:
        'What the public would read once it is adopted and published (`publicPlanOf`): the council reviews a snapshot by it, totals and the fiscal picture per scenario included. Computed each time.',
      tag: 'council',
      parameters: [snapshotParam],
      ok: { 200: { description: 'The plan.', content: json(ref('PublicPlan')) } },
      errors: ['Forbidden', 'NotFound'],
    },
    post: undefined,
  },
  '/api/snapshots/{id}/amendments': {
    get: {
      operationId: 'listSnapshotAmendments',
      summary:
        'The amendments the council proposed on a snapshot, and those applied in it (reviewer, approver, council, admin)',
      tag: 'council',
      parameters: [snapshotParam],
      ok: { 200: { description: 'By seq.', content: json(ref('AmendmentList')) } },
      errors: ['Forbidden', 'NotFound'],
    },
    post: undefined,
  },
  '/api/amendments/{id}/apply': {
    post: {
      operationId: 'applyAmendment',
      summary: 'Link an amendment to the later snapshot where it landed (approver, admin)',
      description:
        'The snapshot must be a later one of the same cycle; a changed cost must be the project’s cost of that year there and a dropped item absent from it (the core’s `judgeAmendmentCarried`); a condition just links. Once.',
      tag: 'council',
      parameters: [pathParam('id', 'The amendment.')],
      requestBody: { required: true, content: json(ref('ApplyAmendmentBody')) },
      ok: { 200: { description: 'The amendment, applied.', content: json(ref('Amendment')) } },
      errors: ['Forbidden', 'NotFound'],
      own: [
        failure(
          ['INVALID_TRANSITION'],
          'Already applied (`details.status`), or the snapshot does not carry it (`details.carried`)',
        ),
      ],
    },
  },
  '/api/snapshots/{id}/documents/plan-book': {
    get: {
      operationId: 'getSnapshotPlanBook',
      summary:
        'The plan book of one snapshot as .docx: with its resolution when adopted, else a draft (reviewer, approver, council, admin)',
      tag: 'council',
      parameters: [snapshotParam],
      ok: { 200: { description: 'The plan book (docs/documents.md).', content: docx } },
      errors: ['Forbidden', 'NotFound'],
    },
    post: undefined,
  },
  '/api/snapshots/{id}/documents/council-bill': {
    get: {
      operationId: 'getSnapshotCouncilBill',
      summary:
        'The council bill of one snapshot as .docx: with its resolution when adopted, else a draft (reviewer, approver, council, admin)',
      tag: 'council',
      parameters: [snapshotParam],
      ok: { 200: { description: 'The council bill (docs/documents.md).', content: docx } },
      errors: ['Forbidden', 'NotFound'],
    },
    post: undefined,
  },
  '/api/public/{code}/plan': {
    get: {
      operationId: 'getPublicPlan',
      summary: 'The latest published city plan (public)',
      description:
        'The plan of the municipality’s latest adopted and published snapshot: vision, goals, strategies with the municipality’s role and partner agencies, programs, schemes, projects and activities with their cost per year, KPIs with targets, funding sources, totals and the fiscal picture per scenario. Never people, comments or drafts.',
      tag: 'public',
      authenticated: false,
      parameters: [codeParam],
      ok: {
        200: { description: 'The plan.', headers: publicHeaders, content: json(ref('PublicPlan')) },
      },
      errors: ['NotFound'],
    },
    post: undefined,
  },
  '/api/public/{code}/snapshots': {
    get: {
      operationId: 'listPublicSnapshots',
      summary: 'The published snapshots of a municipality (public)',
      tag: 'public',
      authenticated: false,
      parameters: [codeParam],
      ok: {
        200: {
          description: 'Newest publication first, each with its stable URL.',
          headers: publicHeaders,
          content: json(ref('PublicSnapshotList')),
        },
      },
      errors: ['NotFound'],
    },
    post: undefined,
  },
  '/api/public/{code}/snapshots/{cycleStart}/{number}': {
    get: {
      operationId: 'getPublicSnapshot',
      summary: 'One published snapshot’s plan, at its stable URL (public)',
      tag: 'public',
      authenticated: false,
      parameters: [codeParam, cycleStartParam, numberParam],
      ok: {
        200: { description: 'The plan.', headers: publicHeaders, content: json(ref('PublicPlan')) },
      },
      errors: ['NotFound'],
    },
    post: undefined,
  },
  '/api/public/{code}/plan/tables/{file}': {
    get: {
      operationId: 'getPublicTable',
      summary: 'A published table of the latest published plan as open data (public)',
      tag: 'public',
      authenticated: false,
      parameters: [codeParam, fileParam],
      ok: {
        200: {
          description: 'The table as JSON, CSV (UTF-8) or a workbook.',
          headers: publicHeaders,
          content: openData,
        },
      },
      errors: ['NotFound'],
    },
    post: undefined,
  },
  '/api/public/{code}/snapshots/{cycleStart}/{number}/tables/{file}': {
    get: {
      operationId: 'getPublicSnapshotTable',
      summary: 'A published table of one published snapshot as open data (public)',
      tag: 'public',
      authenticated: false,
      parameters: [codeParam, cycleStartParam, numberParam, fileParam],
      ok: {
        200: {
          description: 'The table as JSON, CSV (UTF-8) or a workbook.',
          headers: publicHeaders,
          content: openData,
        },
      },
      errors: ['NotFound'],
    },
    post: undefined,
  },
  '/api/cycles/{cycleId}/consultations': {
    get: {
      operationId: 'listConsultations',
      summary: 'A cycle’s consultations, newest first (everyone of the municipality)',
      tag: 'consultation',
      parameters: [cycleParam],
      ok: { 200: { description: 'The consultations.', content: json(list('Consultation')) } },
      errors: ['NotFound'],
    },
    post: {
      operationId: 'openConsultation',
      summary:
        'Open a consultation on the cycle’s latest city plan snapshot (reviewer, approver, admin)',
      description:
        'Its goals, strategies, programs and projects are what agencies and stakeholders may speak to. One open consultation per cycle.',
      tag: 'consultation',
      parameters: [cycleParam],
      requestBody: { required: true, content: json(ref('OpenConsultationBody')) },
      ok: { 201: { description: 'The consultation, open.', content: json(ref('Consultation')) } },
      errors: ['Forbidden', 'NotFound'],
      own: [
        failure(['INVALID_TRANSITION'], 'The cycle has no city plan snapshot yet'),
        failure(
          ['ALREADY_EXISTS'],
          'Another consultation of the cycle is open (`details.consultation`)',
        ),
      ],
    },
  },
  '/api/consultations/{id}': {
    get: {
      operationId: 'getConsultation',
      summary:
        'A consultation, its plan’s items, the contributions the caller may see and the tallies',
      description:
        'The planning office and the council see every contribution, hidden ones and authors’ names included; an author sees their own, hidden or not; everyone else what is not hidden, with the organisation and never the person. Endorsements and objections count each person’s and each organisation’s latest position once, apart.',
      tag: 'consultation',
      parameters: [pathParam('id', 'The consultation.')],
      ok: { 200: { description: 'The consultation.', content: json(ref('ConsultationView')) } },
      errors: ['NotFound'],
    },
  },
  '/api/consultations/{id}/close': {
    post: {
      operationId: 'closeConsultation',
      summary: 'Close a consultation (reviewer, approver, admin); it takes no more contributions',
      tag: 'consultation',
      parameters: [pathParam('id', 'The consultation.')],
      ok: { 200: { description: 'The consultation, closed.', content: json(ref('Consultation')) } },
      errors: ['Forbidden', 'NotFound'],
    },
  },
  '/api/consultations/{id}/contributions': {
    post: {
      operationId: 'contribute',
      summary:
        'Comment on, propose a change to, endorse or object to an item (agency, stakeholder)',
      description:
        'On a goal, strategy, program or project of the consultation’s plan, or (an endorsement or objection) on one of its proposals. `onBehalf`: a position taken for the caller’s organisation. At most 30 per person per hour.',
      tag: 'consultation',
      parameters: [pathParam('id', 'The consultation.')],
      requestBody: { required: true, content: json(ref('ContributionBody')) },
      ok: { 201: { description: 'The contribution.', content: json(ref('Contribution')) } },
      errors: ['Forbidden', 'NotFound'],
      own: [
        failure(
          ['INVALID_REQUEST'],
          'A target the plan does not hold (`details[0].path` is `target.id`), no text for a comment or proposal (`text`), on behalf without an organisation or not a position (`onBehalf`)',
        ),
        failure(['INVALID_TRANSITION'], 'The consultation is closed'),
      ],
    },
  },
  '/api/contributions/{id}/answer': {
    post: {
      operationId: 'answerContribution',
      summary:
        'Answer a proposal: accepted (and where it landed), rejected (why), merged (into which) (reviewer, approver, admin)',
      tag: 'consultation',
      parameters: [pathParam('id', 'The proposal.')],
      requestBody: { required: true, content: json(ref('AnswerBody')) },
      ok: { 200: { description: 'The proposal, answered.', content: json(ref('Contribution')) } },
      errors: ['Forbidden', 'NotFound'],
      own: [
        failure(
          ['INVALID_REQUEST'],
          'Not a proposal; a snapshot not of the cycle or not after the consultation’s (`snapshotId`); a merge into itself, another consultation’s or in a loop (`mergedIntoId`)',
        ),
      ],
    },
  },
  '/api/contributions/{id}/hide': {
    post: {
      operationId: 'hideContribution',
      summary: 'Hide a contribution, with the reason (reviewer, approver, admin; audited)',
      tag: 'consultation',
      parameters: [pathParam('id', 'The contribution.')],
      requestBody: { required: true, content: json(ref('HideBody')) },
      ok: { 200: { description: 'The contribution, hidden.', content: json(ref('Contribution')) } },
      errors: ['Forbidden', 'NotFound'],
    },
  },
  '/api/audit/verify': {
    get: {
      operationId: 'verifyAuditChain',
      summary: 'Verify the audit hash chain (admin, council)',
      tag: 'city',
      ok: {
        200: {
          description: 'Whether the chain holds, or its first broken entry.',
          content: json(ref('AuditVerification')),
        },
      },
      errors: ['Forbidden'],
    },
    post: undefined,
  },
};

function operationObject(op: Operation): Json {
  const authenticated = op.authenticated !== false;
  const shared = new Set<SharedError>(['RateLimited', ...(op.errors ?? [])]);
  if (authenticated) {
    shared.add('Unauthenticated');
    shared.add('Unavailable');
  }
  if (op.parameters !== undefined || op.requestBody !== undefined) shared.add('BadRequest');
  if (op.requestBody !== undefined) shared.add('PayloadTooLarge');
  const errors = new Map<number, Json[]>();
  const add = (status: number, response: Json) =>
    errors.set(status, [...(errors.get(status) ?? []), response]);
  for (const name of shared)
    add(SHARED_ERRORS[name].status, { $ref: `#/components/responses/${name}` });
  for (const e of op.own ?? []) add(e.status, e.response);
  const responses: Record<string, Json> = { ...op.ok };
  for (const [status, all] of [...errors].sort((a, b) => a[0] - b[0]))
    responses[String(status)] = all.length === 1 ? (all[0] as Json) : mergeErrors(all);
  return {
    operationId: op.operationId,
    summary: op.summary,
    ...(op.description !== undefined && { description: op.description }),
    tags: [op.tag],
    ...(!authenticated && { security: [] }),
    ...(op.parameters !== undefined && { parameters: op.parameters }),
    ...(op.requestBody !== undefined && { requestBody: op.requestBody }),
    responses,
  };
}

/** Two error responses of one status (a shared one and the route's own) as one. */
function mergeErrors(all: Json[]): Json {
  const resolved = all.map((r) => {
    const name = typeof r.$ref === 'string' ? r.$ref.split('/').pop() : undefined;
    return name === undefined ? r : SHARED_ERRORS[name as SharedError].response;
  });
  return {
    description: resolved.map((r) => String(r.description)).join(' Or: '),
    content: { 'application/json': { schema: ref('Error') } },
  };
}

/**
 * The OpenAPI document. Its server is `/`, the register that serves it: right behind any
 * proxy or public origin, and never a development `localhost`.
 */
export function openApiDocument() {
  const paths: Record<string, Json> = {};
  for (const [path, methods] of Object.entries(OPERATIONS)) {
    const item: Json = {};
    for (const [method, op] of Object.entries(methods)) if (op) item[method] = operationObject(op);
    paths[path] = item;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Plan Register API',
      version: '1.0.0',
      description:
        'The central register of the five-year strategic-operational plan: push, pull, diff, workflow and consolidation of plan workbooks. Errors: `{ code, message: { fa, en }, details?, requestId? }`, one HTTP status per code. Money: strings of whole Rials.',
      // The package is not licensed for reuse (`"license": "UNLICENSED"`); SPDX names such a
      // license with a `LicenseRef-` identifier.
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: '/', description: 'The register serving this document.' }],
    security: [{ bearer: [] }, { session: [] }],
    tags: (Object.entries(TAGS) as [Tag, string][]).map(([name, description]) => ({
      name,
      description,
    })),
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description:
            'An API token (`plan admin token-issue`, or `POST /api/me/tokens`) or, when configured, an OpenID Connect JWT.',
        },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: `The browser session of \`POST /api/session\`; state changes also send its CSRF token in \`${CSRF_HEADER}\`.`,
        },
      },
      responses: Object.fromEntries(
        Object.entries(SHARED_ERRORS).map(([name, e]) => [name, e.response]),
      ),
      schemas: {
        ...componentSchemas(RESPONSE_SCHEMAS, 'output'),
        ...componentSchemas(REQUEST_SCHEMAS, 'input'),
      },
    },
  };
}
