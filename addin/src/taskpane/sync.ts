/**
 * What the Sync view shows of the register's submissions, without React: the list sorted by
 * department name (then kind and title), each named by its department with its code isolated,
 * and the one to preselect: the open workbook's own (its `Department` and `WorkbookKind` in
 * tblPlanInfo), else the caller's department's, else the first; whether the workbook's kind
 * fits the submission (a monitoring workbook goes to a monitoring submission) and the
 * monitoring submission to make when its department has none; and the summary of the cycle's
 * latest revision's impact.
 */
import type {
  ApiRevisionImpact,
  ApiSnapshot,
  ApiSubmission,
  Bilingual,
  ChangeKind,
  Language,
  Plan,
} from '#core';
import { CHANGE_KINDS, TOKENS_PATH, WORKBOOK_KINDS, idKey, ltr } from '#core';

/** A message kept in both languages, so that it follows the language switch. */
export function both(text: (lang: Language) => string): Bilingual {
  return { fa: text('fa'), en: text('en') };
}

const kindOrder = (kind: string) => WORKBOOK_KINDS.findIndex((k) => k.value === kind);

/** The submissions by department name in the language's collation, then kind, then title. */
export function orderSubmissions(subs: readonly ApiSubmission[], lang: Language): ApiSubmission[] {
  const collator = new Intl.Collator(lang);
  const name = (s: ApiSubmission) => s.departmentName ?? s.departmentCode ?? s.title;
  return [...subs].sort(
    (a, b) =>
      collator.compare(name(a), name(b)) ||
      kindOrder(a.kind) - kindOrder(b.kind) ||
      collator.compare(a.title, b.title),
  );
}

/**
 * A submission as an option of the list: its department's name and code (`عمران (D-CIV)`),
 * with its kind when the department has more than one submission in the list.
 */
export function submissionLabel(
  s: ApiSubmission,
  lang: Language,
  all: readonly ApiSubmission[],
): string {
  const name = s.departmentName ?? s.title;
  const code = s.departmentCode
    ? ` (${lang === 'fa' ? ltr(s.departmentCode) : s.departmentCode})`
    : '';
  const several = all.filter((x) => x.departmentId === s.departmentId).length > 1;
  const kind = WORKBOOK_KINDS.find((k) => k.value === s.kind)?.[lang] ?? s.kind;
  return several ? `${name}${code}${lang === 'fa' ? '، ' : ', '}${kind}` : `${name}${code}`;
}

/**
 * The submission to preselect: the workbook's own (the department its tblPlanInfo names,
 * of its kind when it says one), else one of the caller's department, else the first of
 * the ordered list; '' for an empty list.
 */
export function ownSubmission(
  ordered: readonly ApiSubmission[],
  plan: Plan | null,
  callerDepartmentId: string | null,
): string {
  const dept = plan?.info.Department.trim() ?? '';
  const kind = plan?.info.WorkbookKind ?? null;
  if (dept !== '') {
    const mine = ordered.filter(
      (s) => s.departmentCode !== null && idKey(s.departmentCode) === idKey(dept),
    );
    const match = mine.find((s) => kind === null || s.kind === kind) ?? mine[0];
    if (match) return match.id;
  }
  const caller = ordered.find((s) => s.departmentId === callerDepartmentId);
  return caller?.id ?? ordered[0]?.id ?? '';
}

/**
 * The path of the web register's page where a signed-in person issues and revokes their own
 * access tokens, on the register's origin (the web face serves it, docs/web.md; its address
 * lives with the web's routes, `TOKENS_PATH`; docs/addin.md, "Sync").
 */
export const TOKEN_PAGE_PATH = TOKENS_PATH;

/**
 * The token page of the register at `server` (its origin, whatever path was typed), or null
 * while the address is not a web address.
 */
export function tokenPageUrl(server: string): string | null {
  try {
    const url = new URL(server.trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return `${url.origin}${TOKEN_PAGE_PATH}`;
  } catch {
    return null;
  }
}

/**
 * Who wrote a comment or took a workflow step, by name: the register's display name, else a
 * phrase for someone no longer in the register (an ID means nothing to a reader).
 */
export function personName(name: string | null, lang: Language): string {
  const trimmed = name?.trim() ?? '';
  if (trimmed !== '') return trimmed;
  return lang === 'fa' ? 'کاربری که دیگر در سامانه نیست' : 'a former user';
}

/**
 * Whether the open workbook may be pushed to `sub` as far as its kind goes: a monitoring
 * workbook (tblPlanInfo `WorkbookKind` = `monitoring`) goes to its department's monitoring
 * submission, and a plan workbook never to a monitoring submission (the register refuses
 * either with 422 at push, `checkOwnership`; the pane says so before reading the workbook).
 * Null when it may.
 */
export function kindRefusal(plan: Plan | null, sub: ApiSubmission): Bilingual | null {
  const kind = plan?.info.WorkbookKind ?? null;
  if (kind === null) return null;
  if (kind === 'monitoring' && sub.kind !== 'monitoring')
    return {
      fa: 'این کارپوشه پایش است و به برنامه پایش واحد خود فرستاده می‌شود، نه به این برنامه.',
      en: 'This is a monitoring workbook: it goes to its department’s monitoring submission, not to this one.',
    };
  if (kind !== 'monitoring' && sub.kind === 'monitoring')
    return {
      fa: 'این برنامه پایش است؛ کارپوشه برنامه به آن فرستاده نمی‌شود.',
      en: 'This is a monitoring submission; a plan workbook is not pushed to it.',
    };
  return null;
}

/**
 * The monitoring submission a monitoring workbook needs and its department does not have yet:
 * its department's code (tblPlanInfo `Department`, as the register spells it) and the cycle
 * (that of the department's other submissions, else of the first listed). Null when the
 * workbook is not monitoring, names no department the list knows, or the submission exists.
 */
export function missingMonitoring(
  ordered: readonly ApiSubmission[],
  plan: Plan | null,
): { departmentCode: string; cycleId: string } | null {
  if (plan?.info.WorkbookKind !== 'monitoring') return null;
  const dept = idKey(plan.info.Department.trim());
  if (dept === '') return null;
  const mine = ordered.filter((s) => s.departmentCode !== null && idKey(s.departmentCode) === dept);
  if (mine.some((s) => s.kind === 'monitoring')) return null;
  const cycleId = mine[0]?.cycleId ?? ordered[0]?.cycleId;
  const code = mine[0]?.departmentCode ?? null;
  return cycleId === undefined || code === null ? null : { departmentCode: code, cycleId };
}

/** The cycle's latest snapshot that is a revision (after its baseline); null when none is. */
export function latestRevision(snapshots: readonly ApiSnapshot[]): ApiSnapshot | null {
  const baseline = snapshots.find((s) => s.baseline);
  if (baseline === undefined) return null;
  return (
    [...snapshots]
      .filter((s) => s.number > baseline.number)
      .sort((a, b) => a.number - b.number)
      .at(-1) ?? null
  );
}

/** What the Sync view says of a revision's impact against one earlier snapshot. */
export interface ImpactSummary {
  /** The earlier snapshot's number. */
  readonly from: number;
  /** Items (projects and activities) per kind of change, in the contract's order. */
  readonly items: readonly { readonly kind: ChangeKind; readonly count: number }[];
  /** Changes no tblChanges row declares. */
  readonly undeclared: number;
  /** The scenario the fiscal balance is read in, and its change per year (Rials). */
  readonly scenario: string | null;
  readonly balance: readonly { readonly year: number; readonly delta: bigint }[];
  readonly kpis: { readonly add: number; readonly drop: number; readonly change: number };
  readonly portfolio: {
    readonly entering: readonly string[];
    readonly leaving: readonly string[];
    readonly spent: readonly { readonly year: number; readonly delta: bigint }[];
  } | null;
}

/**
 * The summary of an impact: counts of each kind of change, the fiscal balance's change per
 * year in the plan's scenario (`scenario`, else `base`, else the first the impact has), the
 * KPIs added, dropped and changed, and the projects entering and leaving the portfolio with
 * the change of capital spent per year. Years whose change is 0 are left out.
 */
export function summariseImpact(impact: ApiRevisionImpact, scenario: string): ImpactSummary {
  const wanted = scenario.trim() === '' ? 'base' : scenario.trim();
  const fiscal =
    impact.fiscal.find((f) => f.scenario === wanted) ??
    impact.fiscal.find((f) => f.scenario === 'base') ??
    impact.fiscal[0];
  const nonzero = (ys: readonly { year: number; value: string | null }[]) =>
    ys.flatMap((y) =>
      y.value === null || BigInt(y.value) === 0n ? [] : [{ year: y.year, delta: BigInt(y.value) }],
    );
  const count = (kind: string) => impact.kpis.filter((k) => k.kind === kind).length;
  const p = impact.portfolio;
  return {
    from: impact.from.number,
    items: CHANGE_KINDS.map((k) => ({
      kind: k.value,
      count: impact.items.filter((i) => (i.kinds as readonly string[]).includes(k.value)).length,
    })),
    undeclared: impact.warnings.length,
    scenario: fiscal?.scenario ?? null,
    balance: nonzero((fiscal?.years ?? []).map((y) => ({ year: y.year, value: y.gap }))),
    kpis: { add: count('add'), drop: count('drop'), change: count('change') },
    portfolio:
      p === null
        ? null
        : {
            entering: p.entering.map((e) => e.id),
            leaving: p.leaving.map((e) => e.id),
            spent: nonzero(p.years.map((y) => ({ year: y.year, value: y.spent }))),
          },
  };
}
