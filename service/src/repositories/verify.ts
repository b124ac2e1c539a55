/**
 * `plan admin verify`'s check: the register's stored state is what its audit chain says.
 *
 * 1. **The chain** (`verifyChain`): each entry's hash and link; an edited, reordered or removed
 *    entry is named by its sequence number.
 * 2. **Its head, anchored outside the database** (`audit-head.ts`), when the repositories are
 *    given a head store: the chain must still hold the anchored entry with the anchored hash,
 *    so a tail cut off the chain is named too.
 * 3. **Every table against the chain.** The chain is replayed into the state it describes
 *    (`replayAudit`: who exists with which roles, which tokens were issued and revoked, each
 *    submission's status after its last transition, each decision's actor and note, each
 *    comment's body, each version's hashes), and every table of the schema is compared with it
 *    by the checker it registers in `VERIFIED_TABLES`, both ways: a row the chain does not
 *    describe is `not-audited`, an entry whose row is gone is `missing`, a column that differs
 *    is a `state-mismatch` naming the columns. A table that holds no state of its own says so
 *    there (covered by another table's hashes, or not state), and tests/service/schema.test.ts
 *    fails for a table of the migrated schema that is neither, so tables added later are
 *    covered too.
 *
 * Entries written before an entry recorded some detail (a comment's body hash, a token's
 * name and hash, a department's kind, a user's display name, a cycle's planning department)
 * are compared without it: an entry cannot lose a field without breaking its hash, so a
 * missing field always means an older entry. Read-only, except `anchorHead`.
 */
import type { JsonObject, JsonValue } from '../db/canonical';
import { sha256Hex } from '../db/canonical';
import { LEDGER_TABLE } from '../db/sql';
import { isFrameworkKind } from '#core';
import type { AuditRecord, ChainVerification } from './audit';
import { auditRepository } from './audit';
import type { Db } from './client';
import type { RepositoryContext } from './context';
import { fromDbJson } from './json';
import { textSha256 } from './consultations';
import { notificationSha256 } from './notifications';
import { tablesSha256, versionReportHashes, versionRepository } from './versions';
import { checkAmendments, checkSnapshots, SNAPSHOT_SOURCES_COVERED_BY } from './snapshots-verify';

/** Why a row does not fit. */
export type VerifyReason =
  | Exclude<ChainVerification, { ok: true }>['reason']
  /** The anchored head's entry is gone: the chain was cut at or before it. */
  | 'anchored-head-missing'
  /** The chain holds another entry where the anchored head was. */
  | 'anchored-head-mismatch'
  /** The head file does not parse or its signature does not fit. */
  | 'head-signature-mismatch'
  /** A head store is configured but holds no head for a tenant whose chain has entries. */
  | 'head-not-anchored'
  | 'rows-hash-mismatch'
  | 'plan-hash-mismatch'
  | 'xlsx-hash-mismatch'
  /** A version without its `version.create` entry. */
  | 'no-audit-entry'
  /** A version whose `version.create` entry records other hashes, counts, author or time. */
  | 'audit-entry-mismatch'
  /** A row the chain does not describe (inserted behind the register's back). */
  | 'not-audited'
  /** A row the chain describes that is not there (deleted behind the register's back). */
  | 'missing'
  /** A row whose columns (named in `columns`) differ from what the chain says. */
  | 'state-mismatch';

/** One thing that does not fit, and where. */
export interface VerifyProblem {
  /** The table, e.g. `audit_entry`, `submission_version`, `user_role`. */
  table: string;
  /** The row: `seq 17`, `submission <id> version 3`, `user <id> role admin`, `head`. */
  row: string;
  reason: VerifyReason;
  /** For `state-mismatch`: the columns that differ. */
  columns?: string[];
}

/** What a verification found. */
export interface VerifyReport {
  ok: boolean;
  tenantId: string;
  auditEntries: number;
  versions: number;
  /** The tables compared with the chain. */
  tables: string[];
  /** The anchored head checked, when a head store is configured and holds one. */
  anchoredSeq: string | null;
  problems: VerifyProblem[];
}

/** Options of a verification. */
export interface VerifyOptions {
  /**
   * After the chain verifies, record its head in the head store whatever it holds: the first
   * verification after an upgrade (or after the data root moved). Default false.
   */
  anchorHead?: boolean;
}

/** The check. */
export interface VerifyRepository {
  register(tenantId: string, options?: VerifyOptions): Promise<VerifyReport>;
}

// ---------------------------------------------------------------------------------------------
// The state the chain describes

interface Described<T> {
  entry: AuditRecord;
  state: T;
}

/** What the chain says of a tenant, entry by entry (see `replayAudit`). */
export interface AuditedState {
  tenant: Described<{ name: unknown }> | null;
  departments: Map<string, Described<{ code: unknown; name: unknown; kind: unknown }>>;
  users: Map<
    string,
    Described<{
      email: unknown;
      displayName: unknown;
      departmentId: unknown;
      stakeholderId: unknown;
      roles: string[];
      disabled: boolean;
    }>
  >;
  /** Local accounts' passwords by user id (the last `user.password` of each). */
  passwords: Map<string, Described<{ passwordHashSha256: unknown; mustChange: unknown }>>;
  /** Browser sessions by id (`session.create`, `session.end`). */
  sessions: Map<
    string,
    Described<{
      userId: unknown;
      method: unknown;
      tokenHashSha256: unknown;
      expiresAt: unknown;
      endedAt: Date | null;
    }>
  >;
  tokens: Map<
    string,
    Described<{
      userId: unknown;
      name: unknown;
      prefix: unknown;
      tokenHashSha256: unknown;
      expiresAt: unknown;
      revokedAt: Date | null;
    }>
  >;
  cycles: Map<
    string,
    Described<{
      startYear: unknown;
      endYear: unknown;
      title: unknown;
      planningDepartmentId: unknown;
      /** The framework (or city) submissions created in the cycle, oldest first. */
      frameworks: string[];
    }>
  >;
  submissions: Map<
    string,
    Described<{
      cycleId: unknown;
      departmentId: unknown;
      kind: unknown;
      title: unknown;
      status: unknown;
      currentVersion: number;
    }>
  >;
  /** `version.create` entries by `submissionId \0 version`. */
  versions: Map<string, { entry: AuditRecord; data: JsonObject }>;
  /** Workflow transitions by their event id. */
  events: Map<
    string,
    Described<{
      submissionId: string;
      action: string;
      from: unknown;
      to: unknown;
      version: unknown;
      note: unknown;
    }>
  >;
  comments: Map<
    string,
    Described<{
      submissionId: string;
      version: unknown;
      tableName: unknown;
      rowKey: unknown;
      columnKey: unknown;
      bodySha256: unknown;
    }>
  >;
  /** Agencies' signatures by id (`signature.create`). */
  signatures: Map<
    string,
    Described<{
      cycleId: unknown;
      snapshotId: unknown;
      stakeholderId: unknown;
      position: unknown;
      textSha256: unknown;
      signedSha256: unknown;
    }>
  >;
  /** Notifications by id (`reminder.send`, `notification.read`). */
  notifications: Map<
    string,
    Described<{
      userId: unknown;
      departmentId: unknown;
      sha256: unknown;
      readAt: Date | null;
    }>
  >;
  /** Consultations by id (`consultation.open`, `consultation.close`). */
  consultations: Map<
    string,
    Described<{
      cycleId: unknown;
      snapshotId: unknown;
      title: unknown;
      noteSha256: unknown;
      closed: { at: Date; by: string | null } | null;
    }>
  >;
  /** Contributions by id (`contribution.add`, `.hide`, `.answer`). */
  contributions: Map<
    string,
    Described<{
      consultationId: unknown;
      kind: unknown;
      targetKind: unknown;
      targetId: unknown;
      textSha256: unknown;
      onBehalf: unknown;
      stakeholderId: unknown;
      hidden: { at: Date; by: string | null; reasonSha256: unknown } | null;
      answer: {
        at: Date;
        by: string | null;
        outcome: unknown;
        reasonSha256: unknown;
        snapshotId: unknown;
        mergedIntoId: unknown;
      } | null;
    }>
  >;
}

const isObject = (value: JsonValue): value is JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const versionKey = (submissionId: string, version: number) => `${submissionId}\u0000${version}`;

/** An empty state, before the tenant's first entry. */
export function emptyAuditedState(): AuditedState {
  return {
    tenant: null,
    departments: new Map(),
    users: new Map(),
    tokens: new Map(),
    passwords: new Map(),
    sessions: new Map(),
    cycles: new Map(),
    submissions: new Map(),
    versions: new Map(),
    events: new Map(),
    comments: new Map(),
    signatures: new Map(),
    notifications: new Map(),
    consultations: new Map(),
    contributions: new Map(),
  };
}

/**
 * Applies one entry to the state the chain describes. A value the entry does not record is
 * left `undefined` (an older entry: compared without it).
 */
export function replayAudit(state: AuditedState, entry: AuditRecord): void {
  const data: JsonObject = isObject(entry.data) ? entry.data : {};
  const id = entry.entityId;
  const dot = entry.action.indexOf('.');
  const [verb, detail] = [entry.action.slice(0, dot), entry.action.slice(dot + 1)];
  switch (entry.action) {
    case 'tenant.create':
      state.tenant = { entry, state: { name: data.name } };
      return;
    case 'department.create':
      state.departments.set(id, {
        entry,
        state: { code: data.code, name: data.name, kind: data.kind },
      });
      return;
    case 'user.create':
      state.users.set(id, {
        entry,
        state: {
          email: data.email,
          displayName: data.displayName,
          departmentId: data.departmentId,
          stakeholderId: data.stakeholderId,
          roles: Array.isArray(data.roles) ? data.roles.map(String) : [],
          disabled: false,
        },
      });
      return;
    case 'user.roles': {
      const user = state.users.get(id);
      if (user !== undefined && Array.isArray(data.roles))
        user.state.roles = data.roles.map(String);
      return;
    }
    case 'user.disable':
    case 'user.enable': {
      const user = state.users.get(id);
      if (user !== undefined) user.state.disabled = entry.action === 'user.disable';
      return;
    }
    case 'user.department':
    case 'user.stakeholder':
    case 'user.rename': {
      const user = state.users.get(id);
      if (user === undefined) return;
      if (entry.action === 'user.department') user.state.departmentId = data.departmentId;
      else if (entry.action === 'user.stakeholder') user.state.stakeholderId = data.stakeholderId;
      else user.state.displayName = data.displayName;
      return;
    }
    case 'user.password':
      state.passwords.set(id, {
        entry,
        state: { passwordHashSha256: data.passwordHashSha256, mustChange: data.mustChange },
      });
      return;
    case 'session.create':
      state.sessions.set(id, {
        entry,
        state: {
          userId: data.userId,
          method: data.method,
          tokenHashSha256: data.tokenHashSha256,
          expiresAt: data.expiresAt,
          endedAt: null,
        },
      });
      return;
    case 'session.end': {
      const session = state.sessions.get(id);
      if (session !== undefined) session.state.endedAt = entry.at;
      return;
    }
    case 'token.issue':
      state.tokens.set(id, {
        entry,
        state: {
          userId: data.userId,
          name: data.name,
          prefix: data.prefix,
          tokenHashSha256: data.tokenHashSha256,
          expiresAt: data.expiresAt,
          revokedAt: null,
        },
      });
      return;
    case 'token.revoke': {
      const token = state.tokens.get(id);
      if (token !== undefined) token.state.revokedAt = entry.at;
      return;
    }
    case 'cycle.create':
      state.cycles.set(id, {
        entry,
        state: {
          startYear: data.startYear,
          endYear: data.endYear,
          title: data.title,
          planningDepartmentId: data.planningDepartmentId,
          frameworks: state.cycles.get(id)?.state.frameworks ?? [],
        },
      });
      return;
    case 'cycle.planning-department': {
      const cycle = state.cycles.get(id);
      if (cycle !== undefined) cycle.state.planningDepartmentId = data.planningDepartmentId;
      return;
    }
    case 'submission.create': {
      state.submissions.set(id, {
        entry,
        state: {
          cycleId: data.cycleId,
          departmentId: data.departmentId,
          kind: data.kind,
          title: data.title,
          status: 'draft',
          currentVersion: 0,
        },
      });
      const cycle = typeof data.cycleId === 'string' ? state.cycles.get(data.cycleId) : undefined;
      if (cycle !== undefined && typeof data.kind === 'string' && isFrameworkKind(data.kind))
        cycle.state.frameworks.push(id);
      return;
    }
    case 'version.create': {
      if (typeof data.version !== 'number') return;
      state.versions.set(versionKey(id, data.version), { entry, data });
      const submission = state.submissions.get(id);
      // A push makes the submission a draft again (versions.ts, the push's first statement).
      if (submission !== undefined) {
        submission.state.currentVersion = Math.max(submission.state.currentVersion, data.version);
        submission.state.status = 'draft';
      }
      return;
    }
    case 'reminder.send':
      if (!Array.isArray(data.notifications)) return;
      for (const n of data.notifications) {
        if (!isObject(n) || typeof n.notificationId !== 'string') continue;
        state.notifications.set(n.notificationId, {
          entry,
          state: { userId: n.userId, departmentId: n.departmentId, sha256: n.sha256, readAt: null },
        });
      }
      return;
    case 'notification.read': {
      const n = state.notifications.get(id);
      if (n !== undefined) n.state.readAt = entry.at;
      return;
    }
    case 'signature.create':
      state.signatures.set(id, {
        entry,
        state: {
          cycleId: data.cycleId,
          snapshotId: data.snapshotId,
          stakeholderId: data.stakeholderId,
          position: data.position,
          textSha256: data.textSha256,
          signedSha256: data.signedSha256,
        },
      });
      return;
    case 'consultation.open':
      state.consultations.set(id, {
        entry,
        state: {
          cycleId: data.cycleId,
          snapshotId: data.snapshotId,
          title: data.title,
          noteSha256: data.noteSha256,
          closed: null,
        },
      });
      return;
    case 'consultation.close': {
      const c = state.consultations.get(id);
      if (c !== undefined) c.state.closed = { at: entry.at, by: entry.actorId };
      return;
    }
    case 'contribution.add':
      state.contributions.set(id, {
        entry,
        state: {
          consultationId: data.consultationId,
          kind: data.kind,
          targetKind: data.targetKind,
          targetId: data.targetId,
          textSha256: data.textSha256,
          onBehalf: data.onBehalf,
          stakeholderId: data.stakeholderId,
          hidden: null,
          answer: null,
        },
      });
      return;
    case 'contribution.hide': {
      const c = state.contributions.get(id);
      if (c !== undefined)
        c.state.hidden = { at: entry.at, by: entry.actorId, reasonSha256: data.reasonSha256 };
      return;
    }
    case 'contribution.answer': {
      const c = state.contributions.get(id);
      if (c !== undefined)
        c.state.answer = {
          at: entry.at,
          by: entry.actorId,
          outcome: data.outcome,
          reasonSha256: data.reasonSha256,
          snapshotId: data.snapshotId,
          mergedIntoId: data.mergedIntoId,
        };
      return;
    }
    case 'comment.add':
      if (typeof data.commentId !== 'string') return;
      state.comments.set(data.commentId, {
        entry,
        state: {
          submissionId: id,
          version: data.version,
          tableName: data.tableName,
          rowKey: data.rowKey,
          columnKey: data.columnKey,
          bodySha256: data.bodySha256,
        },
      });
      return;
  }
  // A workflow transition: `submission.<action>`, recorded with its event.
  if (verb === 'submission') {
    const submission = state.submissions.get(id);
    if (submission !== undefined) submission.state.status = data.to;
    if (typeof data.eventId === 'string')
      state.events.set(data.eventId, {
        entry,
        state: {
          submissionId: id,
          action: detail,
          from: data.from,
          to: data.to,
          version: data.version,
          note: data.note,
        },
      });
  }
}

// ---------------------------------------------------------------------------------------------
// The tables and their checkers

/** What a table's checker is given. */
export interface TableCheckContext {
  prisma: Db;
  ctx: RepositoryContext;
  tenantId: string;
  state: AuditedState;
  problem(problem: VerifyProblem): void;
  /** Counts a version checked. */
  countVersion(): void;
}

/** How verify covers a table of the schema. */
export type TableCoverage =
  /** Compared with the chain by `check`. */
  | { kind: 'checked'; check: (c: TableCheckContext) => Promise<void> }
  /** Its rows are hashed where the chain records them (`by` says where). */
  | { kind: 'covered'; by: string }
  /** Holds no state anyone decides by; `why`. */
  | { kind: 'not-state'; why: string };

/**
 * The columns of one row whose stored values differ from the described ones; each pair is
 * `[column, stored, described]`, and a described `undefined` (an older entry) is not compared.
 */
function differing(pairs: [string, unknown, unknown][]): string[] {
  return pairs
    .filter(([, stored, described]) => described !== undefined && stored !== described)
    .map(([column]) => column);
}

const ms = (date: Date | null) => (date === null ? null : date.getTime());

/**
 * Compares one table's rows with the described ones both ways, by id: rows the chain does not
 * describe, described rows that are not there, and the columns that differ.
 */
function compareRows<R, D>(
  c: TableCheckContext,
  table: string,
  rows: readonly R[],
  described: ReadonlyMap<string, D>,
  keyOf: (row: R) => string,
  label: (key: string) => string,
  columns: (row: R, described: D) => [string, unknown, unknown][],
): void {
  const seen = new Set<string>();
  for (const row of rows) {
    const key = keyOf(row);
    seen.add(key);
    const d = described.get(key);
    if (d === undefined) {
      c.problem({ table, row: label(key), reason: 'not-audited' });
      continue;
    }
    const changed = differing(columns(row, d));
    if (changed.length > 0)
      c.problem({ table, row: label(key), reason: 'state-mismatch', columns: changed });
  }
  for (const key of described.keys())
    if (!seen.has(key)) c.problem({ table, row: label(key), reason: 'missing' });
}

const checkMunicipality: TableCoverage = {
  kind: 'checked',
  async check(c) {
    const rows = await c.prisma.municipality.findMany({ where: { id: c.tenantId } });
    const described = new Map(c.state.tenant === null ? [] : [[c.tenantId, c.state.tenant]]);
    compareRows(
      c,
      'municipality',
      rows,
      described,
      (r) => r.id,
      (k) => `municipality ${k}`,
      (r, d) => [
        ['name', r.name, d.state.name],
        ['created_at', r.createdAt.getTime(), d.entry.at.getTime()],
      ],
    );
  },
};

const checkDepartments: TableCoverage = {
  kind: 'checked',
  async check(c) {
    const rows = await c.prisma.department.findMany({ where: { tenantId: c.tenantId } });
    compareRows(
      c,
      'department',
      rows,
      c.state.departments,
      (r) => r.id,
      (k) => `department ${k}`,
      (r, d) => [
        ['code', r.code, d.state.code],
        ['name', r.name, d.state.name],
        ['kind', r.kind, d.state.kind],
        ['created_at', r.createdAt.getTime(), d.entry.at.getTime()],
      ],
    );
  },
};

const checkUsers: TableCoverage = {
  kind: 'checked',
  async check(c) {
    const rows = await c.prisma.user.findMany({ where: { tenantId: c.tenantId } });
    compareRows(
      c,
      'app_user',
      rows,
      c.state.users,
      (r) => r.id,
      (k) => `user ${k}`,
      (r, d) => [
        ['email', r.email, d.state.email],
        ['display_name', r.displayName, d.state.displayName],
        ['department_id', r.departmentId, d.state.departmentId],
        ['stakeholder_id', r.stakeholderId, d.state.stakeholderId],
        ['disabled', r.disabled, d.state.disabled],
        ['created_at', r.createdAt.getTime(), d.entry.at.getTime()],
      ],
    );
  },
};

const checkRoles: TableCoverage = {
  kind: 'checked',
  async check(c) {
    const rows = await c.prisma.userRole.findMany({ where: { tenantId: c.tenantId } });
    const described = new Map<string, true>();
    for (const [userId, user] of c.state.users)
      for (const role of user.state.roles) described.set(`user ${userId} role ${role}`, true);
    compareRows(
      c,
      'user_role',
      rows,
      described,
      (r) => `user ${r.userId} role ${r.role}`,
      (k) => k,
      () => [],
    );
  },
};

/** `last_used_at` is not compared: nothing writes it (reserved), and it decides nothing. */
const checkTokens: TableCoverage = {
  kind: 'checked',
  async check(c) {
    const rows = await c.prisma.apiToken.findMany({ where: { tenantId: c.tenantId } });
    compareRows(
      c,
      'api_token',
      rows,
      c.state.tokens,
      (r) => r.id,
      (k) => `api_token ${k}`,
      (r, d) => [
        ['user_id', r.userId, d.state.userId],
        ['name', r.name, d.state.name],
        ['prefix', r.prefix, d.state.prefix],
        ['token_hash', sha256Hex(r.tokenHash), d.state.tokenHashSha256],
        ['created_at', r.createdAt.getTime(), d.entry.at.getTime()],
        ['expires_at', r.expiresAt?.toISOString() ?? null, d.state.expiresAt],
        ['revoked', r.revoked, d.state.revokedAt !== null],
        ['revoked_at', ms(r.revokedAt), ms(d.state.revokedAt)],
      ],
    );
  },
};

/**
 * Passwords against their last `user.password` entry. `failed_count` and `locked_until` are
 * not compared: counters of failed sign-ins, each failure and each lock audited
 * (`user.sign-in-failed`, `user.lock`) but reset by a success, which only its session records.
 */
const checkPasswords: TableCoverage = {
  kind: 'checked',
  async check(c) {
    const rows = await c.prisma.userPassword.findMany({ where: { tenantId: c.tenantId } });
    compareRows(
      c,
      'user_password',
      rows,
      c.state.passwords,
      (r) => r.userId,
      (k) => `user_password ${k}`,
      (r, d) => [
        ['password_hash', sha256Hex(r.passwordHash), d.state.passwordHashSha256],
        ['must_change', r.mustChange, d.state.mustChange],
        ['changed_at', r.changedAt.getTime(), d.entry.at.getTime()],
      ],
    );
  },
};

/** Sessions against `session.create`/`session.end`; `last_seen_at` is not state (idle clock). */
const checkSessions: TableCoverage = {
  kind: 'checked',
  async check(c) {
    const rows = await c.prisma.userSession.findMany({ where: { tenantId: c.tenantId } });
    compareRows(
      c,
      'user_session',
      rows,
      c.state.sessions,
      (r) => r.id,
      (k) => `user_session ${k}`,
      (r, d) => [
        ['user_id', r.userId, d.state.userId],
        ['method', r.method, d.state.method],
        ['token_hash', sha256Hex(r.tokenHash), d.state.tokenHashSha256],
        ['created_at', r.createdAt.getTime(), d.entry.at.getTime()],
        ['expires_at', r.expiresAt.toISOString(), d.state.expiresAt],
        ['ended_at', ms(r.endedAt), ms(d.state.endedAt)],
      ],
    );
  },
};

const checkCycles: TableCoverage = {
  kind: 'checked',
  async check(c) {
    const rows = await c.prisma.planCycle.findMany({ where: { tenantId: c.tenantId } });
    compareRows(
      c,
      'plan_cycle',
      rows,
      c.state.cycles,
      (r) => r.id,
      (k) => `plan_cycle ${k}`,
      (r, d) => {
        const frameworks = d.state.frameworks;
        // One framework per cycle since the rule; a cycle of before may have had several, and
        // the migration that named its framework chose one of them.
        const framework =
          frameworks.length <= 1
            ? (frameworks[0] ?? null)
            : frameworks.includes(r.frameworkSubmissionId ?? '')
              ? r.frameworkSubmissionId
              : frameworks[0];
        return [
          ['start_year', r.startYear, d.state.startYear],
          ['end_year', r.endYear, d.state.endYear],
          ['title', r.title, d.state.title],
          ['planning_department_id', r.planningDepartmentId, d.state.planningDepartmentId],
          ['framework_submission_id', r.frameworkSubmissionId, framework],
          ['created_at', r.createdAt.getTime(), d.entry.at.getTime()],
        ];
      },
    );
  },
};

/** `updated_at` is not compared: the time of the last change, not a statement or a right. */
const checkSubmissions: TableCoverage = {
  kind: 'checked',
  async check(c) {
    const rows = await c.prisma.submission.findMany({ where: { tenantId: c.tenantId } });
    compareRows(
      c,
      'submission',
      rows,
      c.state.submissions,
      (r) => r.id,
      (k) => `submission ${k}`,
      (r, d) => [
        ['cycle_id', r.cycleId, d.state.cycleId],
        ['department_id', r.departmentId, d.state.departmentId],
        ['kind', r.kind, d.state.kind],
        ['title', r.title, d.state.title],
        ['current_version', r.currentVersion, d.state.currentVersion],
        ['status', r.status, d.state.status],
        ['created_by_id', r.createdById, d.entry.actorId],
        ['created_at', r.createdAt.getTime(), d.entry.at.getTime()],
      ],
    );
  },
};

/**
 * Every version against its hashes and its `version.create` entry, and every such entry
 * against its version: the rows as pushed and the plan rows (recomputed from the rows as
 * stored), the original `.xlsx` bytes, the totals and validation report, the row counts, plan
 * form, base version, author and time.
 */
const checkVersions: TableCoverage = {
  kind: 'checked',
  async check(c) {
    const versions = versionRepository({ ...c.ctx, versionCache: undefined });
    const table = 'submission_version';
    const seen = new Set<string>();
    const rows = await c.prisma.submissionVersion.findMany({
      where: { tenantId: c.tenantId },
      select: { submissionId: true, version: true },
      orderBy: [{ submissionId: 'asc' }, { version: 'asc' }],
    });
    for (const { submissionId, version } of rows) {
      c.countVersion();
      seen.add(versionKey(submissionId, version));
      const row = `submission ${submissionId} version ${version}`;
      const at = (reason: VerifyReason) => c.problem({ table, row, reason });
      const v = await versions.getVersion(c.tenantId, submissionId, version, {
        rows: true,
        plan: true,
        xlsx: true,
      });
      if (v === null) continue;
      const tables = v.tables ?? {};
      if (tablesSha256(tables) !== v.tablesSha256) at('rows-hash-mismatch');
      const plan = v.plan ?? {};
      const planRows = Object.values(plan).reduce((n, r) => n + r.length, 0);
      // No plan rows and no hash: a version stored before plan rows were.
      const planHash = planRows === 0 && v.planForm === null ? null : tablesSha256(plan);
      if (planHash !== v.planSha256) at('plan-hash-mismatch');
      const bytes = v.xlsx ?? null;
      if ((bytes === null ? null : sha256Hex(bytes)) !== v.xlsxSha256) at('xlsx-hash-mismatch');
      const logged = c.state.versions.get(versionKey(submissionId, version));
      const rowCount = Object.values(tables).reduce((n, r) => n + r.length, 0);
      const hashes = versionReportHashes(v);
      if (logged === undefined) at('no-audit-entry');
      else if (
        logged.data.tablesSha256 !== v.tablesSha256 ||
        (logged.data.xlsxSha256 ?? null) !== v.xlsxSha256 ||
        logged.data.rows !== rowCount ||
        // Entries of versions stored before plan rows were name none of these.
        (logged.data.planSha256 ?? null) !== v.planSha256 ||
        (logged.data.planForm ?? null) !== v.planForm ||
        (logged.data.planRows ?? 0) !== planRows ||
        logged.data.baseVersion !== v.baseVersion ||
        // Entries written before these hashes were recorded do not have them.
        (logged.data.totalsSha256 !== undefined &&
          logged.data.totalsSha256 !== hashes.totalsSha256) ||
        (logged.data.validationSha256 !== undefined &&
          logged.data.validationSha256 !== hashes.validationSha256) ||
        logged.entry.actorId !== v.createdById ||
        logged.entry.at.getTime() !== v.createdAt.getTime()
      )
        at('audit-entry-mismatch');
    }
    for (const [key, logged] of c.state.versions)
      if (!seen.has(key))
        c.problem({
          table,
          row: `submission ${logged.entry.entityId} version ${String(logged.data.version)}`,
          reason: 'missing',
        });
  },
};

const checkEvents: TableCoverage = {
  kind: 'checked',
  async check(c) {
    const rows = await c.prisma.workflowEvent.findMany({ where: { tenantId: c.tenantId } });
    compareRows(
      c,
      'workflow_event',
      rows,
      c.state.events,
      (r) => r.id,
      (k) => `workflow_event ${k}`,
      (r, d) => [
        ['submission_id', r.submissionId, d.state.submissionId],
        ['version', r.version, d.state.version],
        ['action', r.action, d.state.action],
        ['from_status', r.fromStatus, d.state.from],
        ['to_status', r.toStatus, d.state.to],
        ['actor_id', r.actorId, d.entry.actorId],
        ['note', r.note, d.state.note],
        ['created_at', r.createdAt.getTime(), d.entry.at.getTime()],
      ],
    );
  },
};

const checkComments: TableCoverage = {
  kind: 'checked',
  async check(c) {
    const rows = await c.prisma.comment.findMany({ where: { tenantId: c.tenantId } });
    compareRows(
      c,
      'comment',
      rows,
      c.state.comments,
      (r) => r.id,
      (k) => `comment ${k}`,
      (r, d) => [
        ['submission_id', r.submissionId, d.state.submissionId],
        ['version', r.version, d.state.version],
        ['table_name', r.tableName, d.state.tableName],
        ['row_key', r.rowKey, d.state.rowKey],
        ['column_key', r.columnKey, d.state.columnKey],
        ['author_id', r.authorId, d.entry.actorId],
        ['body', sha256Hex(r.body), d.state.bodySha256],
        ['created_at', r.createdAt.getTime(), d.entry.at.getTime()],
      ],
    );
  },
};

/** Agencies' signatures against their `signature.create` (every column; the text by hash). */
const checkSignatures: TableCoverage = {
  kind: 'checked',
  async check(c) {
    const rows = await c.prisma.agencySignature.findMany({ where: { tenantId: c.tenantId } });
    compareRows(
      c,
      'agency_signature',
      rows,
      c.state.signatures,
      (r) => r.id,
      (k) => `signature ${k}`,
      (r, d) => [
        ['cycle_id', r.cycleId, d.state.cycleId],
        ['snapshot_id', r.snapshotId, d.state.snapshotId],
        ['stakeholder_id', r.stakeholderId, d.state.stakeholderId],
        ['user_id', r.userId, d.entry.actorId],
        ['position', r.position, d.state.position],
        ['text', sha256Hex(r.text), d.state.textSha256],
        ['signed_sha256', r.signedSha256, d.state.signedSha256],
        ['created_at', r.createdAt.getTime(), d.entry.at.getTime()],
      ],
    );
  },
};

/**
 * Notifications against the `reminder.send` that made them (person, department, the hash of
 * what each says, sender, time) and the `notification.read` that marked them read.
 */
const checkNotifications: TableCoverage = {
  kind: 'checked',
  async check(c) {
    const rows = await c.prisma.notification.findMany({ where: { tenantId: c.tenantId } });
    compareRows(
      c,
      'notification',
      rows,
      c.state.notifications,
      (r) => r.id,
      (k) => `notification ${k}`,
      (r, d) => [
        ['user_id', r.userId, d.state.userId],
        ['department_id', r.departmentId, d.state.departmentId],
        [
          'content',
          notificationSha256({
            ...r,
            periods: fromDbJson(r.periods),
            items: fromDbJson(r.items),
          }),
          d.state.sha256,
        ],
        ['sender_id', r.senderId, d.entry.actorId],
        ['cycle_id', r.cycleId, d.entry.entityId],
        ['created_at', r.createdAt.getTime(), d.entry.at.getTime()],
        ['read_at', ms(r.readAt), ms(d.state.readAt)],
      ],
    );
  },
};

/** Consultations against their `consultation.open` and `consultation.close`. */
const checkConsultations: TableCoverage = {
  kind: 'checked',
  async check(c) {
    const rows = await c.prisma.consultation.findMany({ where: { tenantId: c.tenantId } });
    compareRows(
      c,
      'consultation',
      rows,
      c.state.consultations,
      (r) => r.id,
      (k) => `consultation ${k}`,
      (r, d) => [
        ['cycle_id', r.cycleId, d.state.cycleId],
        ['snapshot_id', r.snapshotId, d.state.snapshotId],
        ['title', r.title, d.state.title],
        ['note', textSha256(r.note), d.state.noteSha256],
        ['opened_by_id', r.openedById, d.entry.actorId],
        ['opened_at', r.openedAt.getTime(), d.entry.at.getTime()],
        ['status', r.status, d.state.closed === null ? 'open' : 'closed'],
        ['closed_by_id', r.closedById, d.state.closed?.by ?? null],
        ['closed_at', ms(r.closedAt), ms(d.state.closed?.at ?? null)],
      ],
    );
  },
};

/**
 * Contributions against the `contribution.add` that made them (what was said, by whom, on
 * what, on whose behalf), the `contribution.hide` that hid one and the `contribution.answer`
 * that answered it.
 */
const checkContributions: TableCoverage = {
  kind: 'checked',
  async check(c) {
    const rows = await c.prisma.consultationContribution.findMany({
      where: { tenantId: c.tenantId },
    });
    compareRows(
      c,
      'consultation_contribution',
      rows,
      c.state.contributions,
      (r) => r.id,
      (k) => `contribution ${k}`,
      (r, d) => {
        const { hidden, answer } = d.state;
        return [
          ['consultation_id', r.consultationId, d.state.consultationId],
          ['kind', r.kind, d.state.kind],
          ['target_kind', r.targetKind, d.state.targetKind],
          ['target_id', r.targetId, d.state.targetId],
          ['text', textSha256(r.text), d.state.textSha256],
          ['on_behalf', r.onBehalf, d.state.onBehalf],
          ['stakeholder_id', r.stakeholderId, d.state.stakeholderId],
          ['author_id', r.authorId, d.entry.actorId],
          ['created_at', r.createdAt.getTime(), d.entry.at.getTime()],
          ['hidden_reason', textSha256(r.hiddenReason), hidden?.reasonSha256 ?? null],
          ['hidden_by_id', r.hiddenById, hidden?.by ?? null],
          ['hidden_at', ms(r.hiddenAt), ms(hidden?.at ?? null)],
          ['outcome', r.outcome, answer?.outcome ?? null],
          ['outcome_reason', textSha256(r.outcomeReason), answer?.reasonSha256 ?? null],
          ['landed_snapshot_id', r.landedSnapshotId, answer?.snapshotId ?? null],
          ['merged_into_id', r.mergedIntoId, answer?.mergedIntoId ?? null],
          ['answered_by_id', r.answeredById, answer?.by ?? null],
          ['answered_at', ms(r.answeredAt), ms(answer?.at ?? null)],
        ];
      },
    );
  },
};

/**
 * Every table of the schema and how verify covers it. A table added by a later migration
 * must be added here (tests/service/schema.test.ts reads the migrated schema and fails
 * otherwise), with a checker if it holds state anyone decides by or that a person stated.
 */
export const VERIFIED_TABLES: Readonly<Record<string, TableCoverage>> = {
  municipality: checkMunicipality,
  department: checkDepartments,
  app_user: checkUsers,
  user_role: checkRoles,
  api_token: checkTokens,
  user_password: checkPasswords,
  user_session: checkSessions,
  plan_cycle: checkCycles,
  submission: checkSubmissions,
  submission_version: checkVersions,
  version_row: { kind: 'covered', by: 'submission_version: tables_sha256, in its version.create' },
  version_plan_row: {
    kind: 'covered',
    by: 'submission_version: plan_sha256, in its version.create',
  },
  version_total: { kind: 'covered', by: 'submission_version: totalsSha256 in its version.create' },
  workflow_event: checkEvents,
  comment: checkComments,
  notification: checkNotifications,
  consultation: checkConsultations,
  consultation_contribution: checkContributions,
  city_snapshot: { kind: 'checked', check: checkSnapshots },
  city_snapshot_source: { kind: 'covered', by: SNAPSHOT_SOURCES_COVERED_BY },
  agency_signature: checkSignatures,
  council_amendment: { kind: 'checked', check: checkAmendments },
  audit_entry: { kind: 'covered', by: 'itself: the hash chain and its head anchored outside' },
  idempotency_key: {
    kind: 'not-state',
    why: 'a replay cache of responses, purged after a while; a push records its key in its version.create entry',
  },
  [LEDGER_TABLE]: { kind: 'not-state', why: "the migrator's ledger of applied migrations" },
};

/** Entries read per query while replaying the chain (bounds the query, not the state). */
const REPLAY_BATCH = 1000;

/** The verification over a repository context. */
export function verifyRepository(ctx: RepositoryContext): VerifyRepository {
  const { prisma } = ctx;
  const audit = auditRepository(ctx);
  return {
    async register(tenantId, options = {}) {
      const problems: VerifyProblem[] = [];
      const problem = (p: VerifyProblem) => problems.push(p);
      const chain = await audit.verifyChain(tenantId);
      if (!chain.ok)
        problem({ table: 'audit_entry', row: `seq ${chain.seq.toString()}`, reason: chain.reason });

      // The chain replayed into the state it describes.
      const state = emptyAuditedState();
      let last: { seq: bigint; hash: string } | null = null;
      for (let after = 0n; ;) {
        const batch = await prisma.auditEntry.findMany({
          where: { tenantId, seq: { gt: after } },
          orderBy: { seq: 'asc' },
          take: REPLAY_BATCH,
        });
        for (const row of batch) {
          const entry: AuditRecord = { ...row, data: fromDbJson(row.data as never) };
          replayAudit(state, entry);
          last = { seq: entry.seq, hash: entry.hash };
          after = entry.seq;
        }
        if (batch.length < REPLAY_BATCH) break;
      }

      // The head anchored outside the database.
      let anchoredSeq: string | null = null;
      const store = ctx.auditHead;
      if (store !== undefined) {
        const anchored = store.read(tenantId);
        if (anchored.kind === 'bad-signature')
          problem({ table: 'audit_entry', row: 'head', reason: 'head-signature-mismatch' });
        else if (anchored.kind === 'none') {
          if (last !== null && options.anchorHead !== true)
            problem({ table: 'audit_entry', row: 'head', reason: 'head-not-anchored' });
        } else {
          anchoredSeq = anchored.seq.toString();
          const held = await prisma.auditEntry.findUnique({
            where: { tenantId_seq: { tenantId, seq: anchored.seq } },
            select: { hash: true },
          });
          if (held === null)
            problem({
              table: 'audit_entry',
              row: `seq ${anchoredSeq}`,
              reason: 'anchored-head-missing',
            });
          else if (held.hash !== anchored.hash)
            problem({
              table: 'audit_entry',
              row: `seq ${anchoredSeq}`,
              reason: 'anchored-head-mismatch',
            });
        }
        if (options.anchorHead === true && chain.ok && last !== null) {
          store.replace({ tenantId, ...last });
          anchoredSeq = last.seq.toString();
        }
      }

      // Every table against the state.
      let versions = 0;
      const tables: string[] = [];
      for (const [table, coverage] of Object.entries(VERIFIED_TABLES)) {
        if (coverage.kind !== 'checked') continue;
        tables.push(table);
        await coverage.check({
          prisma,
          ctx,
          tenantId,
          state,
          problem,
          countVersion: () => (versions += 1),
        });
      }
      return {
        ok: problems.length === 0,
        tenantId,
        auditEntries: chain.ok ? chain.entries : 0,
        versions,
        tables,
        anchoredSeq,
        problems,
      };
    },
  };
}
