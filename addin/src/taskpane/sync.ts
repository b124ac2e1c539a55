/**
 * What the Sync view shows of the register's submissions, without React: the list sorted by
 * department name (then kind and title), each named by its department with its code isolated,
 * and the one to preselect: the open workbook's own (its `Department` and `WorkbookKind` in
 * tblPlanInfo), else the caller's department's, else the first.
 */
import type { ApiSubmission, Bilingual, Language, Plan } from '#core';
import { TOKENS_PATH, WORKBOOK_KINDS, idKey, ltr } from '#core';

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
