/**
 * The API's OpenAPI 3.1 document, served at `/api/docs`. Request bodies come from the same
 * zod schemas the routes parse with (`z.toJSONSchema`), so the document cannot drift from
 * what the server accepts.
 */
import { z } from 'zod';
import { XLSX_TYPE } from './routes';
import {
  CommentBody,
  CreateCycleBody,
  CreateSubmissionBody,
  PushBody,
  TransitionBody,
} from './routes/schemas';

const json = (schema: z.ZodType) => ({
  'application/json': { schema: z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) },
});

const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const cycleParam = { name: 'cycleId', in: 'path', required: true, schema: { type: 'string' } };
const versionParam = {
  name: 'version',
  in: 'path',
  required: true,
  description: 'a version number, `latest` or `approved`',
  schema: { type: 'string' },
};
const formatParam = {
  name: 'format',
  in: 'query',
  schema: { type: 'string', enum: ['json', 'xlsx'] },
};

/** The OpenAPI document for a public origin. */
export function openApiDocument(publicOrigin: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Plan Register API',
      version: '1.0.0',
      description:
        'The central register of the five-year strategic-operational plan: push, pull, diff, workflow and consolidation of plan workbooks. Errors: `{ code, message: { fa, en }, details? }`. Money: strings of whole Rials.',
    },
    servers: [{ url: publicOrigin }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description:
            'An API token (`plan admin token`) or, when configured, an OpenID Connect JWT.',
        },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['code', 'message'],
          properties: {
            code: { type: 'string' },
            message: {
              type: 'object',
              properties: { fa: { type: 'string' }, en: { type: 'string' } },
            },
            details: {},
            requestId: { type: 'string' },
          },
        },
      },
    },
    paths: {
      '/health': {
        get: {
          summary: 'Health, with a database check',
          security: [],
          responses: { 200: { description: 'ok' }, 503: error('database down') },
        },
      },
      '/api/me': {
        get: { summary: 'The caller', responses: { 200: { description: 'principal' } } },
      },
      '/api/departments': {
        get: { summary: 'Departments', responses: { 200: { description: 'list' } } },
      },
      '/api/cycles': {
        get: { summary: 'Plan cycles', responses: { 200: { description: 'list' } } },
        post: {
          summary: 'Create a cycle (admin, approver)',
          requestBody: { required: true, content: json(CreateCycleBody) },
          responses: { 201: { description: 'created' }, 403: error('role'), 409: error('exists') },
        },
      },
      '/api/submissions': {
        get: {
          summary: 'Submissions the caller may read',
          responses: { 200: { description: 'list' } },
        },
        post: {
          summary: 'Create a submission (a department workbook kind in a cycle)',
          requestBody: { required: true, content: json(CreateSubmissionBody) },
          responses: {
            201: { description: 'created' },
            403: error('department'),
            409: error('exists'),
          },
        },
      },
      '/api/submissions/{id}': {
        get: {
          summary: 'A submission (ETag: its current version)',
          parameters: [idParam],
          responses: { 200: { description: 'submission' }, 404: error('not found') },
        },
      },
      '/api/submissions/{id}/versions': {
        get: {
          summary: 'Versions',
          parameters: [idParam],
          responses: { 200: { description: 'list' } },
        },
        post: {
          summary: 'Push a workbook version',
          description:
            'Body: contract tables as JSON, a raw `.xlsx`, or multipart field `file`. `If-Match` names the base version ("0" first). `Idempotency-Key` makes retries return the first result. Errors in the workbook: 422 with the findings, nothing stored.',
          parameters: [
            idParam,
            { name: 'If-Match', in: 'header', required: true, schema: { type: 'string' } },
            { name: 'Idempotency-Key', in: 'header', schema: { type: 'string' } },
          ],
          requestBody: {
            required: true,
            content: {
              ...json(PushBody),
              [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } },
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  properties: { file: { type: 'string', format: 'binary' } },
                },
              },
            },
          },
          responses: {
            201: { description: 'stored (or replayed: `Idempotent-Replayed: true`)' },
            400: error('unreadable file or bad JSON'),
            403: error('not your department'),
            409: error('stale If-Match: details.changes says what changed since'),
            413: error(
              'too large: the body, or an .xlsx whose cells expand to more text, cells or tables than allowed (details.fileError)',
            ),
            415: error('wrong content type'),
            422: error(
              'workbook errors (details.findings), department mismatch, idempotency key reuse',
            ),
            428: error('If-Match missing'),
            503: error('as many .xlsx files as allowed are being read: retry after Retry-After'),
          },
        },
      },
      '/api/submissions/{id}/versions/{version}': {
        get: {
          summary: 'Pull a version as JSON or .xlsx (original, or re-generated from rows)',
          parameters: [
            idParam,
            versionParam,
            formatParam,
            {
              name: 'source',
              in: 'query',
              schema: { type: 'string', enum: ['original', 'rows', 'auto'] },
            },
            { name: 'lang', in: 'query', schema: { type: 'string', enum: ['keys', 'fa', 'en'] } },
          ],
          responses: { 200: { description: 'the version' }, 404: error('no such version') },
        },
      },
      '/api/submissions/{id}/diff': {
        get: {
          summary: 'Row-by-row, cell-by-cell difference of two versions (JSON or text)',
          parameters: [
            idParam,
            { name: 'from', in: 'query', required: true, schema: { type: 'string' } },
            { name: 'to', in: 'query', schema: { type: 'string' } },
            { name: 'format', in: 'query', schema: { type: 'string', enum: ['json', 'text'] } },
          ],
          responses: { 200: { description: 'diff' } },
        },
      },
      '/api/submissions/{id}/transitions': {
        post: {
          summary: 'Workflow: submit, review, approve, return, reopen',
          parameters: [idParam],
          requestBody: { required: true, content: json(TransitionBody) },
          responses: {
            200: { description: 'done' },
            403: error('role or four eyes'),
            409: error('not from this status'),
          },
        },
      },
      '/api/submissions/{id}/history': {
        get: {
          summary: 'Workflow events',
          parameters: [idParam],
          responses: { 200: { description: 'list' } },
        },
      },
      '/api/submissions/{id}/comments': {
        get: {
          summary: 'Comments',
          parameters: [idParam],
          responses: { 200: { description: 'list' } },
        },
        post: {
          summary: 'Add a comment',
          parameters: [idParam],
          requestBody: { required: true, content: json(CommentBody) },
          responses: { 201: { description: 'added' } },
        },
      },
      '/api/cycles/{cycleId}/reference': {
        get: {
          summary: 'Reference data (the approved city framework)',
          parameters: [cycleParam, formatParam],
          responses: { 200: { description: 'tables' } },
        },
      },
      '/api/cycles/{cycleId}/consolidation': {
        get: {
          summary: 'The city-wide plan from the latest approved versions (JSON or .xlsx)',
          parameters: [cycleParam, formatParam],
          responses: { 200: { description: 'report' }, 403: error('role') },
        },
      },
      '/api/audit/verify': {
        get: {
          summary: 'Verify the audit hash chain (admin, council)',
          responses: { 200: { description: 'result' } },
        },
      },
    },
  };
}
