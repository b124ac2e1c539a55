/**
 * `plan admin verify`: checks that the register's stored state is what its audit chain says
 * (service/src/repositories/verify.ts):
 *
 * - the audit log's hash chain, entry by entry: an edited, reordered or removed entry is named
 *   by its sequence number;
 * - the chain's head against the head anchored outside the database (the data root's
 *   `audit-head/`): a tail cut off the chain is named;
 * - every table of the schema against the state the chain describes: every version's hashes
 *   (rows as pushed, plan rows, original `.xlsx`, totals, validation report) and its
 *   `version.create` entry, and every `version.create` its version; each submission's status
 *   and current version; users, their roles and disabling; tokens and their revocation;
 *   cycles; each decision's action, actor and note; each comment's author and body. A row the
 *   chain does not describe, a described row that is gone, and a column that differs are
 *   named by table and row.
 *
 * Read-only (but `--anchor-head`). Meant as an action of `plan admin` (same database options);
 * `verifyRegister` is the check itself, `verifyAction` its command-line answer.
 */
import type { Repositories } from '../../service/src/repositories';
import type {
  VerifyOptions,
  VerifyProblem,
  VerifyReport,
} from '../../service/src/repositories/verify';
import type { CliProblem } from '../io';
import { EXIT } from '../io';

export type { VerifyProblem, VerifyReport };

/** Checks a tenant's audit chain, its anchored head and every table against the chain. */
export function verifyRegister(
  repos: Repositories,
  tenantId: string,
  options: VerifyOptions = {},
): Promise<VerifyReport> {
  return repos.verify.register(tenantId, options);
}

const line = (p: VerifyProblem) =>
  `${p.table} ${p.row}: ${p.reason}${p.columns === undefined ? '' : ` (${p.columns.join(', ')})`}`;

/** `plan admin verify` as an admin action: the report as JSON and text, or a problem (exit 1). */
export async function verifyAction(
  repos: Repositories,
  tenantId: string,
  options: VerifyOptions = {},
): Promise<CliProblem | { json: unknown; text: string }> {
  const report = await verifyRegister(repos, tenantId, options);
  if (!report.ok) {
    const list = report.problems.map(line).join('\n');
    return {
      code: EXIT.findings,
      message: {
        fa: `دفتر ${tenantId} دست‌کاری شده یا ناسازگار است:\n${list}`,
        en: `The register of ${tenantId} was altered or is inconsistent:\n${list}`,
      },
    };
  }
  const head =
    report.anchoredSeq === null
      ? 'head not anchored'
      : `head anchored at seq ${report.anchoredSeq}`;
  return {
    json: report,
    text:
      `ok: ${report.auditEntries} audit entries in an unbroken chain (${head}), ` +
      `${report.versions} versions match their hashes and audit entries, ` +
      `${report.tables.length} tables match the chain (${tenantId})`,
  };
}
