/**
 * The API's routes: path, method, the schemas of the request, and the handler of the
 * operation (handlers/operations.ts). Every route below `/api` (except the docs) needs a
 * bearer token; role and department checks happen in the handlers, on the server, for every
 * request. A push is admitted (role, submission, department, status, `If-Match`) before its
 * body is read, so a refused push is never parsed.
 */
import { Router } from 'express';
import { SUBMISSION_ROLES } from '#core';
import { z } from 'zod';
import type { Principal } from '../auth';
import { CITY_WIDE_ROLES } from '../auth';
import {
  AnswerBody,
  ApiSignatureBody,
  ApiSnapshotTransition,
  ApplyAmendmentBody,
  CONSULTATION_STAFF,
  CONTRIBUTORS,
  ContributionBody,
  HideBody,
  OpenConsultationBody,
  SNAPSHOT_MAKERS,
} from '#core';
import type { Role } from '../repositories';
import type { AppDeps } from '../handlers/context';
import * as consult from '../handlers/consultations';
import * as op from '../handlers/operations';
import * as people from '../handlers/people';
import { makePracticeOperation } from '../handlers/practice';
import type { ReadXlsx } from '../handlers/upload';
import { uploadReader } from '../handlers/upload';
import { routes } from '../http/route';
import { uploadBody } from '../http/upload-body';
import {
  Article71Query,
  ChangePasswordBody,
  CreateDepartmentBody,
  CreatePersonBody,
  CreateTokenBody,
  UpdatePersonBody,
  CommentBody,
  CreateCycleBody,
  CreateSubmissionBody,
  DiffQuery,
  FormatQuery,
  Id,
  MonitoringQuery,
  ProcessQuery,
  ReminderBody,
  RollCycleBody,
  SubmissionQuery,
  TransitionBody,
  UpdateCycleBody,
  VersionSelector,
} from './schemas';

export { XLSX_TYPE } from '../http/upload-body';

/** Who makes cycles and names their planning department. */
const PLANNERS: readonly Role[] = ['admin', 'approver'];
/** Who pushes versions (a preparer only for their own department: `admitPush`). */
const PUSHERS: readonly Role[] = ['preparer', 'admin'];
/** Who administers people, tokens and departments. */
const ADMINS: readonly Role[] = ['admin'];
/** Who act for the planning department: send the reminders of unreported periods. */
const REMINDERS: readonly Role[] = ['approver', 'admin'];
/** Who verifies the audit chain. */
const AUDITORS: readonly Role[] = ['admin', 'council'];

const ById = z.object({ id: Id });
const ByCycle = z.object({ cycleId: Id });
const ByVersion = z.object({ id: Id, version: VersionSelector });

/** What the router may be given besides the handlers' dependencies. */
export interface RouterOptions {
  /** The `.xlsx` reader of pushes (tests count its calls). */
  readXlsx?: ReadXlsx;
}

/** The `/api` router (authentication is mounted before it by the app). */
export function apiRouter(deps: AppDeps, options: RouterOptions = {}): Router {
  const router = Router();
  const api = routes(router, deps);
  const uploads = uploadReader(deps.config, options.readXlsx);

  api.get('/me', {}, op.getMe);
  // People and sign-in (POST /api/session, the sign-in, is mounted before authentication).
  api.get('/session', {}, people.getSessionOperation);
  api.delete('/session', {}, people.signOutOperation);
  api.post('/me/password', { body: ChangePasswordBody }, people.changePasswordOperation);
  api.get('/me/tokens', {}, people.listMyTokens);
  api.post('/me/tokens', { body: CreateTokenBody }, people.createMyToken);
  api.delete('/me/tokens/:id', { params: ById }, people.revokeMyToken);
  // Each person's own notifications (handlers/reminders.ts).
  api.get('/me/notifications', {}, op.listMyNotifications);
  api.post('/me/notifications/:id/read', { params: ById }, op.readMyNotification);
  api.post('/admin/practice', { roles: ADMINS }, makePracticeOperation);
  api.get('/admin/people', { roles: ADMINS }, people.listPeople);
  api.post('/admin/people', { roles: ADMINS, body: CreatePersonBody }, people.createPerson);
  api.get('/admin/people/:id', { roles: ADMINS, params: ById }, people.getPerson);
  api.patch(
    '/admin/people/:id',
    { roles: ADMINS, params: ById, body: UpdatePersonBody },
    people.updatePerson,
  );
  api.post('/admin/people/:id/password', { roles: ADMINS, params: ById }, people.resetPassword);
  api.get('/admin/people/:id/tokens', { roles: ADMINS, params: ById }, people.listPersonTokens);
  api.delete('/admin/tokens/:id', { roles: ADMINS, params: ById }, people.revokeAnyToken);
  api.post(
    '/admin/departments',
    { roles: ADMINS, body: CreateDepartmentBody },
    people.createDepartmentOperation,
  );
  api.get('/departments', {}, op.listDepartmentsOperation);
  api.get('/cycles', {}, op.listCyclesOperation);
  api.post('/cycles', { roles: PLANNERS, body: CreateCycleBody }, op.createCycleOperation);
  api.patch(
    '/cycles/:cycleId',
    { roles: PLANNERS, params: ByCycle, body: UpdateCycleBody },
    op.setPlanningDepartmentOperation,
  );
  api.post(
    '/cycles/:cycleId/roll',
    { roles: PLANNERS, params: ByCycle, body: RollCycleBody },
    op.rollCycleOperation,
  );
  api.get('/submissions', { query: SubmissionQuery }, op.listSubmissions);
  api.post('/submissions', { body: CreateSubmissionBody }, op.createSubmission);
  api.get('/submissions/:id', { params: ById }, op.getSubmission);
  api.get('/submissions/:id/versions', { params: ById }, op.listVersions);
  api.post(
    '/submissions/:id/versions',
    {
      roles: PUSHERS,
      params: ById,
      before: op.admitPushOperation,
      parsers: uploadBody(deps.config),
    },
    op.pushVersion(uploads),
  );
  api.get(
    '/submissions/:id/versions/:version',
    { params: ByVersion, query: FormatQuery },
    op.pullVersion,
  );
  api.get('/submissions/:id/diff', { params: ById, query: DiffQuery }, op.diffVersions);
  api.post(
    '/submissions/:id/transitions',
    { params: ById, body: TransitionBody },
    op.transitionSubmission,
  );
  api.get('/submissions/:id/history', { params: ById }, op.listWorkflowEvents);
  api.get('/submissions/:id/comments', { params: ById }, op.listComments);
  api.post('/submissions/:id/comments', { params: ById, body: CommentBody }, op.addComment);
  api.get(
    '/cycles/:cycleId/reference',
    // The approved framework is a submission's: staff only (the outside roles read the
    // published plan).
    { roles: SUBMISSION_ROLES, params: ByCycle, query: FormatQuery },
    op.getReferenceData,
  );
  api.get(
    '/cycles/:cycleId/consolidation',
    // The city plan is read by those who read every department's plan.
    { roles: CITY_WIDE_ROLES, params: ByCycle, query: FormatQuery },
    op.getConsolidation,
  );
  api.get(
    '/cycles/:cycleId/monitoring',
    // The city's execution is read by those who read the city plan.
    { roles: CITY_WIDE_ROLES, params: ByCycle, query: MonitoringQuery },
    op.getMonitoring,
  );
  api.get(
    '/cycles/:cycleId/process',
    // The process, guided (handlers/process.ts): read by those who read the city plan.
    { roles: CITY_WIDE_ROLES, params: ByCycle, query: ProcessQuery },
    op.getProcess,
  );
  api.post(
    '/cycles/:cycleId/reminders',
    // Owners who act (handlers/reminders.ts): in-app reminders of the unreported items.
    { roles: REMINDERS, params: ByCycle, body: ReminderBody },
    op.postReminders,
  );
  // The council's documents are read by those who read the city plan.
  api.get(
    '/cycles/:cycleId/documents/plan-book',
    { roles: CITY_WIDE_ROLES, params: ByCycle },
    op.getPlanBook,
  );
  api.get(
    '/cycles/:cycleId/documents/council-bill',
    { roles: CITY_WIDE_ROLES, params: ByCycle },
    op.getCouncilBill,
  );
  api.get(
    '/cycles/:cycleId/documents/article-71',
    // The six-monthly report: read by those who read the monitoring view.
    { roles: CITY_WIDE_ROLES, params: ByCycle, query: Article71Query },
    op.getArticle71Report,
  );
  // Snapshots of the city plan and the council stage (handlers/snapshots.ts): read by those
  // who read the city plan; made by the planning office; moved as the core's rule says.
  api.get(
    '/cycles/:cycleId/snapshots',
    { roles: CITY_WIDE_ROLES, params: ByCycle },
    op.listSnapshots,
  );
  api.post(
    '/cycles/:cycleId/snapshots',
    { roles: SNAPSHOT_MAKERS, params: ByCycle },
    op.createSnapshot,
  );
  api.get('/snapshots/:id', { roles: CITY_WIDE_ROLES, params: ById }, op.getSnapshot);
  api.post(
    '/snapshots/:id/transitions',
    { roles: CITY_WIDE_ROLES, params: ById, body: ApiSnapshotTransition },
    op.transitionSnapshot,
  );
  api.get('/snapshots/:id/impact', { roles: CITY_WIDE_ROLES, params: ById }, op.getSnapshotImpact);
  api.get('/snapshots/:id/plan', { roles: CITY_WIDE_ROLES, params: ById }, op.getSnapshotPlan);
  // The council's amendments (handlers/amendments.ts): proposed with a return, read with the
  // snapshot, linked by the planning office to the later snapshot where each landed.
  api.get(
    '/snapshots/:id/amendments',
    { roles: CITY_WIDE_ROLES, params: ById },
    op.listSnapshotAmendments,
  );
  api.post(
    '/amendments/:id/apply',
    { roles: SNAPSHOT_MAKERS, params: ById, body: ApplyAmendmentBody },
    op.applyAmendment,
  );
  api.get(
    '/snapshots/:id/documents/plan-book',
    { roles: CITY_WIDE_ROLES, params: ById },
    op.getSnapshotPlanBook,
  );
  api.get(
    '/snapshots/:id/documents/council-bill',
    { roles: CITY_WIDE_ROLES, params: ById },
    op.getSnapshotCouncilBill,
  );
  // Agency sign-offs (handlers/signatures.ts): an agency's representative reads what the
  // agency signs and signs; the city-wide roles read every agency's latest signature.
  api.get('/cycles/:cycleId/agency', { roles: ['agency'], params: ByCycle }, op.getAgencyView);
  api.post(
    '/cycles/:cycleId/signatures',
    { roles: ['agency'], params: ByCycle, body: ApiSignatureBody },
    op.createSignature,
  );
  api.get(
    '/cycles/:cycleId/signatures',
    { roles: CITY_WIDE_ROLES, params: ByCycle },
    op.listSignatures,
  );
  api.get('/cycles/:cycleId/consultations', { params: ByCycle }, consult.listConsultations);
  api.post(
    '/cycles/:cycleId/consultations',
    { roles: CONSULTATION_STAFF, params: ByCycle, body: OpenConsultationBody },
    consult.openConsultation,
  );
  api.get('/consultations/:id', { params: ById }, consult.getConsultation);
  api.post(
    '/consultations/:id/close',
    { roles: CONSULTATION_STAFF, params: ById },
    consult.closeConsultation,
  );
  api.post(
    '/consultations/:id/contributions',
    { roles: CONTRIBUTORS, params: ById, body: ContributionBody },
    consult.contribute,
  );
  api.post(
    '/contributions/:id/answer',
    { roles: CONSULTATION_STAFF, params: ById, body: AnswerBody },
    consult.answerContribution,
  );
  api.post(
    '/contributions/:id/hide',
    { roles: CONSULTATION_STAFF, params: ById, body: HideBody },
    consult.hideContribution,
  );
  api.get('/audit/verify', { roles: AUDITORS }, op.verifyAuditChain);
  return router;
}

/** Re-exported for the app: the principal type of authenticated routes. */
export type { Principal };
