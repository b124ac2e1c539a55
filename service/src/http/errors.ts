/**
 * The API's errors: a small taxonomy, each code with one HTTP status, and ONE error handler
 * that turns domain errors, zod errors, body-parser and upload errors and Prisma errors into
 * the bilingual body `{ code, message: { fa, en }, details? }`. Stacks never reach clients.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { MulterError } from 'multer';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import type { Bilingual } from '#core';
import { persianNumerals } from '#core';
import { Prisma } from '../repositories/client';

/** Stable error codes of the API and their HTTP status. */
export const ERROR_STATUS = {
  INVALID_REQUEST: 400,
  FILE_UNREADABLE: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  NOT_ACCEPTABLE: 406,
  VERSION_CONFLICT: 409,
  INVALID_TRANSITION: 409,
  ALREADY_EXISTS: 409,
  PRECONDITION_REQUIRED: 428,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  WORKBOOK_INVALID: 422,
  DEPARTMENT_MISMATCH: 422,
  IDEMPOTENCY_MISMATCH: 422,
  NOT_EDITABLE: 409,
  SAME_PERSON: 403,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

/** An error code of the API. */
export type ErrorCode = keyof typeof ERROR_STATUS;

/** The JSON body of every error response. */
export interface ErrorBody {
  code: ErrorCode;
  message: Bilingual;
  details?: unknown;
  requestId?: string;
}

/**
 * An expected failure of a request, thrown by handlers and answered by the error handler.
 * The numbers of its Persian message are shown in Persian digits (the core's `persianNumerals`).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly bilingual: Bilingual;
  constructor(
    readonly code: ErrorCode,
    message: Bilingual,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message.en);
    this.name = 'ApiError';
    this.status = ERROR_STATUS[code];
    this.bilingual = { fa: persianNumerals(message.fa), en: message.en };
  }
}

/** Builds an `ApiError`. */
export function apiError(code: ErrorCode, fa: string, en: string, details?: unknown): ApiError {
  return new ApiError(code, { fa, en }, details);
}

/** 404 for a thing that does not exist (or that the caller may not know exists), named in both languages. */
export function notFound(what: Bilingual): ApiError {
  return apiError('NOT_FOUND', `${what.fa} پیدا نشد.`, `${what.en} was not found.`);
}

/** What a zod issue says is wrong, in Persian (zod's own messages are English). */
function zodIssueFa(issue: ZodError['issues'][number]): string {
  const where = issue.path.length > 0 ? `\u2066${issue.path.join('.')}\u2069` : 'بدنه درخواست';
  switch (issue.code) {
    case 'invalid_type':
      return `${where}: نوع مقدار درست نیست یا مقدار داده نشده است`;
    case 'too_small':
      return `${where}: کوچک‌تر یا کوتاه‌تر از حد مجاز است`;
    case 'too_big':
      return `${where}: بزرگ‌تر یا بلندتر از حد مجاز است`;
    case 'unrecognized_keys':
      return `${where}: فیلدی دارد که پذیرفته نیست (${issue.keys.map((k) => `\u2066${k}\u2069`).join('، ')})`;
    case 'invalid_format':
      return `${where}: قالب مقدار درست نیست`;
    case 'invalid_value':
      return `${where}: مقدار از مقدارهای مجاز نیست`;
    default:
      return `${where}: مقدار پذیرفته نیست`;
  }
}

/** Unmatched routes. */
export const notFoundRoute: RequestHandler = (req, _res, next) => {
  next(
    apiError(
      'NOT_FOUND',
      'این نشانی در \u2066API\u2069 نیست.',
      `No route ${req.method} ${req.path}.`,
    ),
  );
};

interface HttpLikeError {
  type?: string;
  status?: number;
  statusCode?: number;
}

/** Turns anything thrown into an `ApiError` (unknown errors become INTERNAL). */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof ZodError)
    return new ApiError(
      'INVALID_REQUEST',
      {
        fa: 'درخواست نادرست است: ' + error.issues.map(zodIssueFa).join('؛ '),
        en: 'The request is not valid: ' + error.issues.map((i) => i.message).join('; '),
      },
      error.issues.map((i) => ({ path: i.path.map(String), code: i.code, message: i.message })),
    );
  if (error instanceof MulterError) {
    if (error.code === 'LIMIT_FILE_SIZE') return tooLarge();
    return apiError(
      'INVALID_REQUEST',
      'بارگذاری فایل نادرست است (یک فایل در فیلد \u2066file\u2069 بفرستید).',
      `The upload is not valid (${error.code}): send one file in the field "file".`,
    );
  }
  if (databaseUnavailable(error))
    return new ApiError(
      'UNAVAILABLE',
      {
        fa: 'پایگاه داده اکنون پاسخ نمی‌دهد (همه اتصال‌ها در کارند)؛ چند ثانیه بعد دوباره بکوشید.',
        en: 'The database is busy or unreachable right now; try again in a few seconds.',
      },
      undefined,
      { 'Retry-After': String(RETRY_AFTER_SECONDS) },
    );
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === 'P2002')
      return apiError('ALREADY_EXISTS', 'این مورد از پیش وجود دارد.', 'It already exists.');
    if (error.code === 'P2025') return notFound({ fa: 'این داده', en: 'The record' });
    if (error.code === 'P2003')
      return apiError(
        'INVALID_REQUEST',
        'به موردی ناموجود اشاره شده است.',
        'A reference is missing.',
      );
  }
  const http = error as HttpLikeError | null;
  if (http !== null && typeof http === 'object') {
    if (http.type === 'entity.too.large') return tooLarge();
    if (http.type === 'entity.parse.failed')
      return apiError(
        'INVALID_REQUEST',
        'بدنه \u2066JSON\u2069 خوانا نیست.',
        'The JSON body cannot be parsed.',
      );
    if (http.type === 'encoding.unsupported' || http.type === 'charset.unsupported')
      return apiError(
        'UNSUPPORTED_MEDIA_TYPE',
        'رمزگذاری بدنه پشتیبانی نمی‌شود.',
        'The body encoding is not supported.',
      );
    const status = http.status ?? http.statusCode;
    if (status === 400)
      return apiError('INVALID_REQUEST', 'درخواست نادرست است.', 'The request is not valid.');
  }
  return apiError(
    'INTERNAL',
    'خطای داخلی سامانه؛ با شناسه درخواست به پشتیبانی خبر دهید.',
    'Internal error; report it to support with the request id.',
  );
}

/** Seconds a client should wait after a 503 (about one pool wait, `DEFAULT_POOL`). */
const RETRY_AFTER_SECONDS = 5;

/**
 * Prisma codes of a database that cannot serve now (prisma.io/docs/orm/reference/error-reference):
 * P1001 unreachable, P1002 timed out, P1017 connection closed, P2024 pool timeout, P2028
 * transaction could not start in time.
 */
const UNAVAILABLE_CODES: ReadonlySet<string> = new Set([
  'P1001',
  'P1002',
  'P1017',
  'P2024',
  'P2028',
]);

/** True when an error says the database is exhausted or unreachable (not a bug: 503). */
export function databaseUnavailable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError)
    return UNAVAILABLE_CODES.has(error.code);
  if (error instanceof Prisma.PrismaClientInitializationError)
    return UNAVAILABLE_CODES.has(error.errorCode ?? '');
  // node-postgres's own message when no pooled connection frees up within
  // `connectionTimeoutMillis` (pg-pool/index.js), passed through by the Prisma adapter.
  return error instanceof Error && /timeout exceeded when trying to connect/i.test(error.message);
}

/** 413 `PAYLOAD_TOO_LARGE`. */
export function tooLarge(): ApiError {
  return apiError(
    'PAYLOAD_TOO_LARGE',
    'حجم درخواست از سقف مجاز بیشتر است.',
    'The request body is larger than allowed.',
  );
}

/** The JSON body of an error response. */
export function errorBody(api: ApiError, req: { id?: unknown }): ErrorBody {
  const body: ErrorBody = { code: api.code, message: api.bilingual };
  if (api.details !== undefined) body.details = api.details;
  if (typeof req.id === 'string') body.requestId = req.id;
  return body;
}

/** The one error handler: logs unexpected errors with their stack, answers with the code only. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    void _next;
    const api = toApiError(error);
    if (api.code === 'INTERNAL') logger.error({ err: error, requestId: req.id }, 'request failed');
    // Every refusal of access is logged with who asked for what (never the token itself).
    if (api.status === 401 || api.status === 403) {
      const who = res.locals.principal as { userId?: string; tenantId?: string } | undefined;
      logger.warn(
        {
          event: 'access.denied',
          status: api.status,
          code: api.code,
          method: req.method,
          path: req.originalUrl.split('?')[0],
          userId: who?.userId ?? null,
          tenantId: who?.tenantId ?? null,
          reason: (res.locals.authFailure as string | undefined) ?? null,
          requestId: req.id,
        },
        'access denied',
      );
    }
    if (res.headersSent) return;
    res.set(api.headers).status(api.status).json(errorBody(api, req));
  };
}
