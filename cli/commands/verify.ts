/**
 * `plan admin verify`: checks that the register's stored history is what was written.
 *
 * - The audit log's hash chain, entry by entry (`verifyChain`): an edited, reordered or
 *   removed entry is named by its sequence number.
 * - Every version of every submission: the SHA-256 of its rows as pushed and of its plan rows
 *   (the canonical form the register computes from) recomputed from the rows as stored, the
 *   SHA-256 of its original `.xlsx` bytes, and its `version.create` audit entry, which must
 *   exist and record the same hashes, row counts, plan form, base version, author and time. A
 *   changed byte in a row, in the bytes, or in the entry is named by submission and version.
 *   (Versions stored before plan rows existed have none, and their entries do not name any.)
 *
 * The entry also records the SHA-256 of the version's money totals and validation report
 * (`versionReportHashes`), so a changed total or finding is named too (entries written before
 * those hashes were recorded are checked without them).
 *
 * Read-only. Meant as an action of `plan admin` (same database options); `verifyRegister` is
 * the check itself, `verifyAction` its command-line answer.
 */
import type { JsonObject } from '../../service/src/db/canonical';
import { sha256Hex } from '../../service/src/db/canonical';
import type { AuditRecord, Repositories } from '../../service/src/repositories';
import { tablesSha256, versionReportHashes } from '../../service/src/repositories/versions';
import type { CliProblem } from '../io';
import { EXIT } from '../io';

/** One thing that does not fit, and where. */
export interface VerifyProblem {
  /** `audit_entry` or `submission_version`. */
  table: 'audit_entry' | 'submission_version';
  /** The row: `seq 17`, or `submission <id> version 3`. */
  row: string;
  reason:
    | 'sequence-gap'
    | 'prev-hash-mismatch'
    | 'hash-mismatch'
    | 'head-mismatch'
    | 'rows-hash-mismatch'
    | 'plan-hash-mismatch'
    | 'xlsx-hash-mismatch'
    | 'no-audit-entry'
    | 'audit-entry-mismatch';
}

/** What `verifyRegister` found. */
export interface VerifyReport {
  ok: boolean;
  tenantId: string;
  auditEntries: number;
  versions: number;
  problems: VerifyProblem[];
}

/** Checks a tenant's audit chain and every stored version against it. */
export async function verifyRegister(repos: Repositories, tenantId: string): Promise<VerifyReport> {
  const problems: VerifyProblem[] = [];
  const chain = await repos.audit.verifyChain(tenantId);
  if (!chain.ok)
    problems.push({
      table: 'audit_entry',
      row: `seq ${chain.seq.toString()}`,
      reason: chain.reason,
    });
  let versions = 0;
  for (const sub of await repos.submissions.list(tenantId)) {
    const created = new Map<number, { entry: AuditRecord; data: JsonObject }>();
    for (const e of await repos.audit.listForEntity(tenantId, 'submission', sub.id))
      if (e.action === 'version.create' && e.data !== null && typeof e.data === 'object') {
        const data = e.data as JsonObject;
        if (typeof data.version === 'number') created.set(data.version, { entry: e, data });
      }
    for (const summary of await repos.versions.listVersions(tenantId, sub.id)) {
      versions += 1;
      const row = `submission ${sub.id} version ${summary.version}`;
      const at = (reason: VerifyProblem['reason']) =>
        problems.push({ table: 'submission_version', row, reason });
      const v = await repos.versions.getVersion(tenantId, sub.id, summary.version, {
        rows: true,
        plan: true,
        xlsx: true,
      });
      if (v === null) continue;
      const tables = v.tables ?? {};
      if (tablesSha256(tables) !== v.tablesSha256) at('rows-hash-mismatch');
      const plan = v.plan ?? {};
      const planRows = Object.values(plan).reduce((n, rows) => n + rows.length, 0);
      // No plan rows and no hash: a version stored before plan rows were.
      const planHash = planRows === 0 && v.planForm === null ? null : tablesSha256(plan);
      if (planHash !== v.planSha256) at('plan-hash-mismatch');
      const bytes = v.xlsx ?? null;
      if ((bytes === null ? null : sha256Hex(bytes)) !== v.xlsxSha256) at('xlsx-hash-mismatch');
      const logged = created.get(summary.version);
      const rowCount = Object.values(tables).reduce((n, rows) => n + rows.length, 0);
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
  }
  return {
    ok: problems.length === 0,
    tenantId,
    auditEntries: chain.ok ? chain.entries : 0,
    versions,
    problems,
  };
}

/** `plan admin verify` as an admin action: the report as JSON and text, or a problem (exit 1). */
export async function verifyAction(
  repos: Repositories,
  tenantId: string,
): Promise<CliProblem | { json: unknown; text: string }> {
  const report = await verifyRegister(repos, tenantId);
  if (!report.ok) {
    const list = report.problems.map((p) => `${p.table} ${p.row}: ${p.reason}`).join('\n');
    return {
      code: EXIT.findings,
      message: {
        fa: `دفتر ${tenantId} دست‌کاری شده یا ناسازگار است:\n${list}`,
        en: `The register of ${tenantId} was altered or is inconsistent:\n${list}`,
      },
    };
  }
  return {
    json: report,
    text: `ok: ${report.auditEntries} audit entries in an unbroken chain, ${report.versions} versions match their hashes and audit entries (${tenantId})`,
  };
}
