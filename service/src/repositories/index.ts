/**
 * The register's repositories: the only modules that talk to the database through Prisma.
 * Every method takes the tenant (municipality id) as its first argument and never reads or
 * writes another tenant's rows; every change is recorded in the tenant's audit chain in the
 * same transaction.
 */
import type { AuditRepository } from './audit';
import type { AuditHeadStore } from './audit-head';
import { auditRepository } from './audit';
import type { Db } from './client';
import type { CommentRepository } from './comments';
import { commentRepository } from './comments';
import type { RepositoryContext } from './context';
import type { CycleRepository } from './cycles';
import { cycleRepository } from './cycles';
import type { IdempotencyRepository } from './idempotency';
import type { ConsultationRepository } from './consultations';
import { consultationRepository } from './consultations';
import type { NotificationRepository } from './notifications';
import { notificationRepository } from './notifications';
import { idempotencyRepository } from './idempotency';
import type { SignatureRepository } from './signatures';
import { signatureRepository } from './signatures';
import type { SnapshotRepository } from './snapshots';
import { snapshotRepository } from './snapshots';
import type { AmendmentRepository } from './amendments';
import { amendmentRepository } from './amendments';
import type { PeopleRepository } from './people';
import { peopleRepository } from './people';
import type { SessionRepository } from './sessions';
import { sessionRepository } from './sessions';
import type { SubmissionRepository } from './submissions';
import { submissionRepository } from './submissions';
import type { DepartmentRepository, TenantRepository } from './tenants';
import { departmentRepository, tenantRepository } from './tenants';
import type { TokenRepository, UserRepository } from './users';
import { tokenRepository, userRepository } from './users';
import type { VerifyRepository } from './verify';
import { verifyRepository } from './verify';
import type { SqlReader } from '../db/sql';
import { prismaReader } from '../db/sql';
import type { VersionRepository } from './versions';
import { DEFAULT_VERSION_CACHE_BYTES, VersionCache } from './version-cache';
import { versionRepository } from './versions';

/** All repositories over one database. */
export interface Repositories {
  tenants: TenantRepository;
  departments: DepartmentRepository;
  users: UserRepository;
  tokens: TokenRepository;
  /** Passwords, lock-out, department and stakeholder of people (people.ts). */
  people: PeopleRepository;
  /** Browser sessions (sessions.ts). */
  sessions: SessionRepository;
  cycles: CycleRepository;
  submissions: SubmissionRepository;
  versions: VersionRepository;
  comments: CommentRepository;
  /** Snapshots of the city plan and the council's decisions on them. */
  snapshots: SnapshotRepository;
  /** Agencies' sign-offs of the strategic document (signatures.ts). */
  signatures: SignatureRepository;
  /** The council's amendments to returned snapshots (amendments.ts). */
  amendments: AmendmentRepository;
  /** In-app notifications: the planning office's reminders (notifications.ts). */
  notifications: NotificationRepository;
  /** Consultations and their contributions (consultations.ts). */
  consultations: ConsultationRepository;
  audit: AuditRepository;
  idempotency: IdempotencyRepository;
  /** `plan admin verify`: the stored state against the audit chain (verify.ts). */
  verify: VerifyRepository;
}

/** Builds the repositories over a Prisma client (from `openDatabase`). */
export function createRepositories(
  prisma: Db,
  options: {
    now?: () => Date;
    /** Bound of the cache of immutable versions in bytes (0: no cache); default 64 MiB. */
    versionCacheBytes?: number;
    /** What runs the hot reads (`Database.reader`); default: Prisma's raw queries. */
    reader?: SqlReader;
    /** Where the head of each audit chain is anchored after each append; default: nowhere. */
    auditHead?: AuditHeadStore;
  } = {},
): Repositories {
  const cacheBytes = options.versionCacheBytes ?? DEFAULT_VERSION_CACHE_BYTES;
  const ctx: RepositoryContext = {
    prisma,
    now: options.now ?? (() => new Date()),
    reader: options.reader ?? prismaReader(prisma),
    ...(cacheBytes > 0 && { versionCache: new VersionCache(cacheBytes) }),
    ...(options.auditHead !== undefined && { auditHead: options.auditHead }),
  };
  return {
    tenants: tenantRepository(ctx),
    departments: departmentRepository(ctx),
    users: userRepository(ctx),
    tokens: tokenRepository(ctx),
    people: peopleRepository(ctx),
    sessions: sessionRepository(ctx),
    cycles: cycleRepository(ctx),
    submissions: submissionRepository(ctx),
    versions: versionRepository(ctx),
    comments: commentRepository(ctx),
    snapshots: snapshotRepository(ctx),
    signatures: signatureRepository(ctx),
    amendments: amendmentRepository(ctx),
    notifications: notificationRepository(ctx),
    consultations: consultationRepository(ctx),
    audit: auditRepository(ctx),
    idempotency: idempotencyRepository(ctx),
    verify: verifyRepository(ctx),
  };
}

export type { Db } from './client';
export type { AnchoredHead, AuditHead, AuditHeadStore } from './audit-head';
export { fileAuditHeadStore } from './audit-head';
export type {
  TableCoverage,
  VerifyOptions,
  VerifyProblem,
  VerifyReason,
  VerifyReport,
} from './verify';
export { VERIFIED_TABLES } from './verify';
export type { AuditInput, AuditRecord, AuditRepository, ChainVerification } from './audit';
export { auditHash, GENESIS_HASH } from './audit';
export type { CommentInput, CommentRecord, CommentRepository } from './comments';
export type {
  ConsultationRecord,
  ConsultationRepository,
  ContributionRecord,
} from './consultations';
export type { CycleRecord, CycleRepository } from './cycles';
export type { SignatureInput, SignatureRecord, SignatureRepository } from './signatures';
export type {
  NotificationInput,
  NotificationRecord,
  NotificationRepository,
} from './notifications';
export { notificationSha256 } from './notifications';
export type {
  SnapshotRecord,
  SnapshotRepository,
  SnapshotResolution,
  SnapshotSourceRecord,
  SnapshotTrigger,
  AmendmentInput,
} from './snapshots';
export type { AmendmentRecord, AmendmentRepository } from './amendments';
export { snapshotSha256 } from './snapshots';
export type { PasswordRecord, PeopleRepository } from './people';
export type { SessionRecord, SessionRefusal, SessionRepository } from './sessions';
export { hashSession, tenantOfSession } from './sessions';
export { DEFAULT_CYCLE_YEARS } from './cycles';
export type { IdempotencyCheck, IdempotencyRecord, IdempotencyRepository } from './idempotency';
export type {
  SubmissionFilter,
  SubmissionRecord,
  SubmissionRepository,
  SubmissionStatus,
  TransitionInput,
  TransitionResult,
  WorkflowAction,
  WorkflowEventRecord,
} from './submissions';
export { EDITABLE_STATUSES, TRANSITIONS } from './submissions';
export type {
  DepartmentRecord,
  DepartmentRepository,
  TenantRecord,
  TenantRepository,
} from './tenants';
export { TENANT_ID_PATTERN, TENANT_TABLES } from './tenants';
export type {
  ApiTokenRecord,
  Role,
  TokenRefusal,
  TokenRepository,
  UserRecord,
  UserRepository,
} from './users';
export { hashToken, newToken, ROLES, tenantOfToken, tokenPrefix, TOKEN_PREFIX } from './users';
export type {
  CreateVersionInput,
  CreateVersionResult,
  CurrentRow,
  VersionDetail,
  VersionPlan,
  VersionRepository,
  VersionSummary,
  VersionTables,
  VersionTotal,
} from './versions';
export {
  DEFAULT_VERSION_CACHE_BYTES,
  defaultVersionResponse,
  planKey,
  tablesSha256,
  VersionCache,
} from './versions';
