/**
 * Consolidation: the city-wide plan assembled on the server from the latest approved version
 * of every submission of a cycle (the framework and every department), merged from each
 * version's plan in the core's canonical form (each read once, at its push, with its own
 * Unit, digits and captions: amounts in Rials), then measured by the core (`measureCityPlan`,
 * which the CLI's documents call on a city workbook too): validation
 * across departments, the chain goal → strategy → program → item, totals per year by
 * department, program and funding source, the fiscal balance against each revenue scenario
 * (with contract v2's balances and cash position), the budget album by head, chapter,
 * function, program, scheme and stage,
 * the portfolio selection over all departments' projects, and KPI coverage.
 * Exported as an `.xlsx` the council reads and prints (`document.ts`).
 */
import type { CanonicalRow, CanonicalTable, Finding, RawWorkbook } from '#core';
import {
  TABLES,
  VALIDATION_CODES,
  WORKBOOK_KINDS,
  findTableSpec,
  fsi,
  fromCanonicalTables,
  isContractTable,
  kindHoldsTable,
  makeFinding,
  measureCityPlan,
  orderColumns,
  toPersianDigits,
  workbookKindOf,
} from '#core';
import type { AppDeps } from '../handlers/context';
import { planKey } from '../repositories';
import type { IgnoredReason } from '../handlers/submissions';
import {
  cycleSubmissions,
  latestApprovedVersion,
  referenceWorkbook,
  revenueDepartments,
  versionPlan,
} from '../handlers/submissions';

/** Where each part of the consolidated plan came from. */
export interface ConsolidationSource {
  submissionId: string;
  departmentCode: string;
  kind: string;
  version: number;
}

/** The city plan assembled from approved versions. */
export interface AssembledPlan {
  /** The merged plan in the canonical form (amounts in Rials, `tblPlanInfo` says so). */
  tables: CanonicalTable[];
  /** The same as raw tables whose headers are the column keys, for the core's reader. */
  workbook: RawWorkbook;
  sources: ConsolidationSource[];
  /** Submissions of the cycle without an approved version (left out). */
  pending: { submissionId: string; departmentCode: string; kind: string; status: string }[];
  /** Submissions of the cycle that are not part of its plan (left out), and why. */
  ignored: { submissionId: string; departmentCode: string; kind: string; reason: IgnoredReason }[];
  /** Tables of approved versions that their workbook's kind may not hold (left out). */
  findings: Finding[];
}

/** Tables of which only one copy is kept (the first source's: the framework comes first). */
const SINGLE_COPY = new Set(['tblPlanInfo']);
/** Tables whose rows are merged by ID, first copy winning (each workbook may list departments). */
const MERGE_BY_ID = new Set(['tblDepartments']);

/**
 * Assembles the city plan of a cycle from the approved versions of its submissions, or, given
 * `pinned` (a snapshot's sources: submission → version), from exactly those versions; with
 * `latestOf` too, the submissions of the kinds it accepts (monitoring, measured against a
 * snapshot's plan) are added at their latest approved version.
 */
export async function assembleCityPlan(
  deps: AppDeps,
  tenantId: string,
  cycleId: string,
  pinned?: ReadonlyMap<string, number>,
  latestOf?: (kind: string) => boolean,
): Promise<AssembledPlan> {
  const all = await cycleSubmissions(deps, tenantId, cycleId);
  const included =
    pinned === undefined
      ? all.included
      : all.included.filter((s) => pinned.has(s.id) || latestOf?.(s.kind) === true);
  const ignored = pinned === undefined ? all.ignored : [];
  const depts = new Map((await deps.repos.departments.list(tenantId)).map((d) => [d.id, d.code]));
  // The cycle's framework first, so its plan info and department list win.
  const ordered = [...included].sort(
    (a, b) => rank(a.kind) - rank(b.kind) || a.departmentId.localeCompare(b.departmentId),
  );
  const outOfKind: Finding[] = [];
  const merged = new Map<string, CanonicalRow[]>();
  const columns = new Map<string, string[]>();
  const seenIds = new Map<string, Set<string>>();
  const sources: ConsolidationSource[] = [];
  const pending: AssembledPlan['pending'] = [];
  // Asked for only by versions stored before plan rows were (see `versionPlan`).
  let reference: Promise<RawWorkbook | undefined> | undefined;
  // Realised revenue is the finance department's to report (the one filing the revenue
  // workbook): another department's monitoring version stored before the push refused it
  // keeps its revenue out of the city plan, with the finding a push gets.
  const finance = new Set(await revenueDepartments(deps, tenantId, cycleId));
  const referenceOnce = () =>
    (reference ??= referenceWorkbook(deps, tenantId, cycleId).then((r) => r?.workbook));
  // Which version of each submission, then all of their plans read at once (`getPlans`).
  const versions = new Map<string, number | null>();
  for (const sub of ordered)
    versions.set(sub.id, pinned?.get(sub.id) ?? (await latestApprovedVersion(deps, sub)));
  const plans = await deps.repos.versions.getPlans(
    tenantId,
    ordered.flatMap((sub) => {
      const version = versions.get(sub.id) ?? null;
      return version === null ? [] : [{ submissionId: sub.id, version }];
    }),
  );
  for (const sub of ordered) {
    const code = depts.get(sub.departmentId) ?? '';
    const version = versions.get(sub.id) ?? null;
    if (version === null) {
      pending.push({
        submissionId: sub.id,
        departmentCode: code,
        kind: sub.kind,
        status: sub.status,
      });
      continue;
    }
    sources.push({ submissionId: sub.id, departmentCode: code, kind: sub.kind, version });
    const kind = workbookKindOf(sub.kind);
    const read = plans.get(planKey({ submissionId: sub.id, version })) ?? null;
    for (const table of await versionPlan(deps, sub, version, referenceOnce, read)) {
      const name = table.name;
      // A version stored before the register refused tables outside their kind: the table
      // stays out of the city plan (another office owns it), with the finding a push gets.
      if (kind !== null && isContractTable(name) && !kindHoldsTable(kind, name)) {
        if (table.rows.length > 0)
          outOfKind.push(
            makeFinding(
              VALIDATION_CODES.TABLE_NOT_IN_KIND.severity,
              'TABLE_NOT_IN_KIND',
              { table: name },
              {
                fa: `نسخه ${toPersianDigits(String(version))} کارپوشه «${WORKBOOK_KINDS.find((k) => k.value === kind)?.fa ?? ''}» واحد ${code} جدول ${name} را دارد که از آنِ این نوع کارپوشه نیست؛ در برنامه شهر به شمار نیامد`,
                en: `version ${version} of ${code}'s ${sub.kind} workbook holds ${name}, which a ${sub.kind} workbook may not hold; it is left out of the city plan`,
              },
            ),
          );
        continue;
      }
      if (name === 'tblRevenueActuals' && sub.kind === 'monitoring' && !finance.has(code)) {
        if (table.rows.length > 0)
          outOfKind.push(
            makeFinding(
              VALIDATION_CODES.REVENUE_ACTUAL_NOT_FINANCE.severity,
              'REVENUE_ACTUAL_NOT_FINANCE',
              { table: name },
              {
                fa: `نسخه ${toPersianDigits(String(version))} پایش واحد ${fsi(code)} درآمد تحقق‌یافته دارد، حال آنکه درآمد شهر را واحد مالی گزارش می‌کند؛ در برنامه شهر به شمار نیامد`,
                en: `version ${version} of ${code}'s monitoring holds realised revenue, which the finance department reports for the city; it is left out of the city plan`,
              },
            ),
          );
        continue;
      }
      const known = columns.get(name) ?? [];
      for (const c of table.columns) if (!known.includes(c)) known.push(c);
      columns.set(name, known);
      if (SINGLE_COPY.has(name) && merged.has(name)) continue;
      const rows = merged.get(name) ?? [];
      merged.set(name, rows);
      const idColumn = findTableSpec(name)?.idColumn ?? null;
      const ids = seenIds.get(name) ?? new Set<string>();
      seenIds.set(name, ids);
      for (const row of table.rows) {
        if (MERGE_BY_ID.has(name) && idColumn !== null) {
          const id = String(row[idColumn] ?? '');
          if (ids.has(id)) continue;
          ids.add(id);
        }
        rows.push(row);
      }
    }
  }
  // Contract tables in contract order, each with its columns in the contract's order: the
  // union of every source's columns (a department may have a column another lacks).
  const tables: CanonicalTable[] = TABLES.filter((spec) => merged.has(spec.name)).map((spec) => ({
    name: spec.name,
    columns: orderColumns(spec.name, columns.get(spec.name) ?? []),
    rows: merged.get(spec.name) ?? [],
  }));
  return {
    tables,
    workbook: fromCanonicalTables(tables),
    sources,
    pending,
    ignored: ignored.map(({ sub, reason }) => ({
      submissionId: sub.id,
      departmentCode: depts.get(sub.departmentId) ?? '',
      kind: sub.kind,
      reason,
    })),
    findings: outOfKind,
  };
}

function rank(kind: string): number {
  return kind === 'framework' ? 0 : kind === 'city' ? 1 : kind === 'revenue' ? 2 : 3;
}

/**
 * The consolidated plan's report (money as strings of whole Rials): the core measures it. Of
 * the cycle's approved versions now, or of a snapshot's (`pinned`).
 */
export async function consolidate(
  deps: AppDeps,
  tenantId: string,
  cycleId: string,
  pinned?: ReadonlyMap<string, number>,
) {
  const assembled = await assembleCityPlan(deps, tenantId, cycleId, pinned);
  const measured = await measureCityPlan(assembled.workbook, { findings: assembled.findings });
  return {
    cycleId,
    sources: assembled.sources,
    pending: assembled.pending,
    ignored: assembled.ignored,
    ...measured,
  };
}

/** The consolidation report. */
export type Consolidation = Awaited<ReturnType<typeof consolidate>>;
