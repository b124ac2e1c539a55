/**
 * The API's routes: path, method, request schema, and the call into a handler. Every route
 * below `/api` (except the docs) needs a bearer token; role and department checks happen in
 * the handlers, on the server, for every request.
 */
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import express, { Router } from 'express';
import multer from 'multer';
import type { Principal } from '../auth';
import { CITY_WIDE_ROLES, canReadDepartment, principalOf, requireRole } from '../auth';
import { consolidate, consolidationXlsx, coverFacts } from '../consolidate';
import { canonicalJson } from '../db/canonical';
import type { JsonValue } from '../db/canonical';
import type { AppDeps } from '../handlers/context';
import { etagOf, toApiComment, toApiEvent, toApiVersion } from '../handlers/context';
import { formatDiff } from '#core';
import { createCycle, listCycles, setPlanningDepartment } from '../handlers/cycles';
import {
  createSubmission,
  diffOf,
  pullJson,
  pullXlsx,
  pushVersion,
  readableSubmission,
  referenceWorkbook,
  submissionView,
  transition,
} from '../handlers/submissions';
import { apiError, notFound } from '../http/errors';
import { writeRawWorkbook } from '../../../io';
import type { UploadReader } from '../handlers/upload';
import { uploadReader } from '../handlers/upload';
import {
  CommentBody,
  CreateCycleBody,
  CreateSubmissionBody,
  DiffQuery,
  FormatQuery,
  Id,
  PushBody,
  SubmissionQuery,
  TransitionBody,
  UpdateCycleBody,
  VersionSelector,
} from './schemas';

/** Media type of an `.xlsx` file. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

function sendXlsx(res: Response, bytes: Uint8Array, filename: string): void {
  res
    .type(XLSX_TYPE)
    .set('Content-Disposition', `attachment; filename="${filename}"`)
    .send(Buffer.from(bytes));
}

function wantsXlsx(req: Request, format: string | undefined): boolean {
  if (format !== undefined) return format === 'xlsx';
  return req.accepts(['application/json', XLSX_TYPE]) === XLSX_TYPE;
}

/** The `/api` router (authentication is mounted before it by the app). */
export function apiRouter(deps: AppDeps): Router {
  const { repos, config } = deps;
  const router = Router();
  const rawXlsx = express.raw({ type: XLSX_TYPE, limit: config.xlsxLimitBytes });
  const uploads = uploadReader(config);
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: config.xlsxLimitBytes, files: 1, fields: 5 },
  });

  router.get('/me', (_req, res) => {
    res.json(principalOf(res));
  });

  router.get('/departments', async (_req, res) => {
    const p = principalOf(res);
    const list = await repos.departments.list(p.tenantId);
    res.json(list.map((d) => ({ id: d.id, code: d.code, name: d.name, kind: d.kind })));
  });

  router.get('/cycles', async (_req, res) => {
    res.json(await listCycles(deps, principalOf(res)));
  });

  router.post('/cycles', async (req, res) => {
    const p = principalOf(res);
    requireRole(p, 'admin', 'approver');
    res.status(201).json(await createCycle(deps, p, CreateCycleBody.parse(req.body)));
  });

  router.patch('/cycles/:cycleId', async (req, res) => {
    const p = principalOf(res);
    requireRole(p, 'admin', 'approver');
    const id = Id.parse(req.params.cycleId);
    res.json(await setPlanningDepartment(deps, p, id, UpdateCycleBody.parse(req.body)));
  });

  router.get('/submissions', async (req, res) => {
    const p = principalOf(res);
    const q = SubmissionQuery.parse(req.query);
    const depts = await repos.departments.list(p.tenantId);
    const byId = new Map(depts.map((d) => [d.id, d]));
    const dept =
      q.department === undefined ? undefined : depts.find((d) => d.code === q.department);
    if (q.department !== undefined && dept === undefined) {
      res.json([]);
      return;
    }
    const subs = await repos.submissions.list(p.tenantId, {
      ...(q.cycleId !== undefined && { cycleId: q.cycleId }),
      ...(dept !== undefined && { departmentId: dept.id }),
      ...(q.kind !== undefined && { kind: q.kind }),
      ...(q.status !== undefined && { status: q.status }),
    });
    const visible = subs.filter((s) => canReadDepartment(p, s.departmentId));
    res.json(
      await Promise.all(
        visible.map((s) => submissionView(deps, p, s, byId.get(s.departmentId)?.code ?? null)),
      ),
    );
  });

  router.post('/submissions', async (req, res) => {
    const p = principalOf(res);
    const body = CreateSubmissionBody.parse(req.body);
    const { submission, department } = await createSubmission(deps, p, body);
    res
      .status(201)
      .set('ETag', etagOf(0))
      .json(await submissionView(deps, p, submission, department.code));
  });

  router.get('/submissions/:id', async (req, res) => {
    const p = principalOf(res);
    const sub = await readableSubmission(deps, p, Id.parse(req.params.id));
    res
      .set('ETag', etagOf(sub.currentVersion))
      .json(await submissionView(deps, p, sub, sub.departmentCode));
  });

  router.get('/submissions/:id/versions', async (req, res) => {
    const p = principalOf(res);
    const sub = await readableSubmission(deps, p, Id.parse(req.params.id));
    const versions = await repos.versions.listVersions(p.tenantId, sub.id, sub.currentVersion);
    res.set('ETag', etagOf(sub.currentVersion)).json(versions.map(toApiVersion));
  });

  router.post('/submissions/:id/versions', rawXlsx, upload.single('file'), async (req, res) => {
    const p = principalOf(res);
    const id = Id.parse(req.params.id);
    const { raw, xlsx, bodyHash } = await pushPayload(req, uploads);
    const ifMatch = req.get('if-match');
    const idempotencyKey = req.get('idempotency-key');
    if (idempotencyKey !== undefined && !/^[\w.:-]{8,200}$/.test(idempotencyKey))
      throw apiError(
        'INVALID_REQUEST',
        'Idempotency-Key باید ۸ تا ۲۰۰ نویسه از حروف، رقم، «-»، «_»، «.» یا «:» باشد.',
        'Idempotency-Key must be 8–200 characters of letters, digits, "-", "_", "." or ":".',
      );
    const requestHash = sha256(`POST\n${req.baseUrl}${req.path}\n${ifMatch ?? ''}\n${bodyHash}`);
    const outcome = await pushVersion(deps, p, id, {
      raw,
      xlsx,
      ifMatch,
      idempotencyKey,
      requestHash,
    });
    if (outcome.replayed) res.set('Idempotent-Replayed', 'true');
    res.status(outcome.status).set('ETag', outcome.etag).json(outcome.body);
  });

  router.get('/submissions/:id/versions/:version', async (req, res) => {
    const p = principalOf(res);
    const id = Id.parse(req.params.id);
    const selector = VersionSelector.parse(req.params.version);
    const q = FormatQuery.parse(req.query);
    if (wantsXlsx(req, q.format)) {
      const { bytes, version, regenerated } = await pullXlsx(
        deps,
        p,
        id,
        selector,
        q.source ?? 'auto',
      );
      res.set('ETag', etagOf(version)).set('X-Plan-Regenerated', String(regenerated));
      sendXlsx(res, bytes, `plan-${id}-v${version}.xlsx`);
      return;
    }
    const { etag, body } = await pullJson(deps, p, id, selector, q.lang ?? 'keys');
    res.set('ETag', etag).json(body);
  });

  router.get('/submissions/:id/diff', async (req, res) => {
    const p = principalOf(res);
    const q = DiffQuery.parse(req.query);
    const diff = await diffOf(deps, p, Id.parse(req.params.id), q.from, q.to);
    if (
      q.format === 'text' ||
      (q.format === undefined && req.accepts(['application/json', 'text/plain']) === 'text/plain')
    ) {
      res.type('text/plain; charset=utf-8').send(formatDiff(diff, q.lang ?? 'en'));
      return;
    }
    res.json(diff);
  });

  router.post('/submissions/:id/transitions', async (req, res) => {
    const p = principalOf(res);
    const body = TransitionBody.parse(req.body);
    const result = await transition(deps, p, Id.parse(req.params.id), body);
    res.set('ETag', result.submission.etag).json(result);
  });

  router.get('/submissions/:id/history', async (req, res) => {
    const p = principalOf(res);
    const sub = await readableSubmission(deps, p, Id.parse(req.params.id));
    const events = await repos.submissions.history(p.tenantId, sub.id);
    res.json(events.map(toApiEvent));
  });

  router.get('/submissions/:id/comments', async (req, res) => {
    const p = principalOf(res);
    const sub = await readableSubmission(deps, p, Id.parse(req.params.id));
    res.json((await repos.comments.list(p.tenantId, sub.id)).map(toApiComment));
  });

  router.post('/submissions/:id/comments', async (req, res) => {
    const p = principalOf(res);
    const sub = await readableSubmission(deps, p, Id.parse(req.params.id));
    const body = CommentBody.parse(req.body);
    const result = await repos.comments.add(p.tenantId, {
      ...body,
      submissionId: sub.id,
      authorId: p.userId,
    });
    if (!result.ok) throw notFound('The submission');
    res.status(201).json(toApiComment(result.comment));
  });

  router.get('/cycles/:cycleId/reference', async (req, res) => {
    const p = principalOf(res);
    const q = FormatQuery.parse(req.query);
    const cycleId = Id.parse(req.params.cycleId);
    const xlsx = wantsXlsx(req, q.format);
    const ref = await referenceWorkbook(deps, p.tenantId, cycleId, {
      asReference: true,
      lang: xlsx ? 'fa' : (q.lang ?? 'keys'),
    });
    if (ref === null) throw notFound('An approved city framework for this cycle');
    if (xlsx) {
      sendXlsx(
        res,
        await writeRawWorkbook(ref.workbook, { lang: 'fa' }),
        `reference-${cycleId}.xlsx`,
      );
      return;
    }
    res.json(ref);
  });

  router.get('/cycles/:cycleId/consolidation', async (req, res) => {
    const p = principalOf(res);
    // The city plan is read by those who read every department's plan.
    requireRole(p, ...CITY_WIDE_ROLES);
    const q = FormatQuery.parse(req.query);
    const cycleId = Id.parse(req.params.cycleId);
    if ((await repos.cycles.get(p.tenantId, cycleId)) === null) throw notFound('The cycle');
    const report = await consolidate(deps, p.tenantId, cycleId);
    if (wantsXlsx(req, q.format)) {
      const facts = await coverFacts(deps, p.tenantId, cycleId);
      sendXlsx(res, await consolidationXlsx(report, facts), `city-plan-${cycleId}.xlsx`);
      return;
    }
    res.json(report);
  });

  router.get('/audit/verify', async (_req, res) => {
    const p = principalOf(res);
    requireRole(p, 'admin', 'council');
    const result = await repos.audit.verifyChain(p.tenantId);
    res.json(result.ok ? result : { ...result, seq: result.seq.toString() });
  });

  return router;
}

/** The workbook of a push: JSON tables, a raw `.xlsx` body, or a multipart `file`. */
async function pushPayload(req: Request, uploads: UploadReader) {
  const type = req.get('content-type') ?? '';
  if (req.is('application/json')) {
    const raw = PushBody.parse(req.body);
    return { raw, xlsx: null, bodyHash: sha256(canonicalJson(req.body as JsonValue)) };
  }
  let bytes: Uint8Array | null = null;
  if (req.is(XLSX_TYPE) && Buffer.isBuffer(req.body)) bytes = new Uint8Array(req.body);
  else if (req.is('multipart/form-data')) {
    if (req.file === undefined)
      throw apiError(
        'INVALID_REQUEST',
        'فایل کارپوشه را در فیلد file بفرستید.',
        'Send the workbook file in the form field "file".',
      );
    bytes = new Uint8Array(req.file.buffer);
  }
  if (bytes === null)
    throw apiError(
      'UNSUPPORTED_MEDIA_TYPE',
      'کارپوشه را به‌صورت JSON، فایل .xlsx یا فرم چندبخشی بفرستید.',
      `Send the workbook as application/json, ${XLSX_TYPE} or multipart/form-data (got "${type}").`,
    );
  return { raw: await uploads.read(bytes), xlsx: bytes, bodyHash: sha256(bytes) };
}

/** Re-exported for the app: the principal type of authenticated routes. */
export type { Principal };
