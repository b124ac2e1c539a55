/**
 * The addresses of the register's web pages (docs/web.md): one home for the web app's router
 * and for the service, which answers these paths with the app's page (its single-page
 * fallback) and leaves every other path (`/api`, `/addin`, `/help`, `/manifest.xml`, …) to its
 * own routes. A page of the published plan has a stable address per snapshot and one for the
 * latest: `/plan/<municipality>/<cycle start>/<number>/<section>`, `latest` in place of the
 * cycle and number, `?lang=en` for English (Persian without it), `?q=` for a search.
 */
import type { Language } from '../contract/enums';

/** The sections of the published plan, in the order the web's navigation shows them. */
export const PLAN_SECTIONS = [
  'overview',
  'strategy',
  'programs',
  'projects',
  'kpis',
  'fiscal',
  'data',
  'search',
] as const;

/** A section of the published plan. */
export type PlanSection = (typeof PLAN_SECTIONS)[number];

/** The latest published snapshot, in place of a snapshot's cycle and number. */
export const LATEST = 'latest';

/** A municipality's code as it may appear in an address (the register's tenant IDs). */
const CODE = /^[A-Za-z0-9_-]{1,64}$/;
/** A cycle's first year or a snapshot's number in an address. */
const WHOLE = /^[1-9][0-9]{0,8}$/;

/** Which snapshot a page shows: the latest published one, or one by its cycle and number. */
export type SnapshotRef = typeof LATEST | { cycleStart: number; number: number };

/** A page of the web app. */
export interface WebRoute {
  page: 'plan';
  /** The municipality's code; null: the register's own (the address `/`). */
  municipality: string | null;
  snapshot: SnapshotRef;
  section: PlanSection;
  /** The search's words (section `search`), as typed. */
  q?: string;
}

/** The prefix of the published plan's pages. */
export const PLAN_PATH = '/plan';

/** The sign-in page (`?next=` the page to go back to after it). */
export const SIGN_IN_PATH = '/signin';
/** The prefix of a signed-in person's own pages. */
export const ME_PATH = '/me';
/** A person's API tokens (the add-in's Sync links here, on the register's origin). */
export const TOKENS_PATH = `${ME_PATH}/tokens`;

/** The plan's process, guided, for the planning office (`GET /api/cycles/{id}/process`). */
export const PROCESS_PATH = `${ME_PATH}/process`;

/**
 * An agency's page (`GET /api/cycles/{id}/agency`): its strategies and commitments, the
 * snapshot signed now, the form to sign it and its past signatures.
 */
export const AGENCY_PATH = `${ME_PATH}/agency`;

/**
 * The council's pages: the cycle's snapshots of the city plan, and one snapshot's review
 * (`/me/council/<snapshot id>`) with the council's actions on it.
 */
export const COUNCIL_PATH = `${ME_PATH}/council`;

/** The address of one snapshot's review by the council, in a language. */
export function councilSnapshotPath(snapshotId: string, lang: Language): string {
  const path = `${COUNCIL_PATH}/${encodeURIComponent(snapshotId)}`;
  return lang === 'en' ? `${path}?lang=en` : path;
}

/** The consultation on the latest cycle's city plan (`GET /api/consultations/{id}`). */
export const CONSULTATION_PATH = `${ME_PATH}/consultation`;

/** The administration: people, departments, the practice municipality (admin). */
export const ADMIN_PATH = `${ME_PATH}/admin`;

/**
 * A page of a person's account: the sign-in, their tokens, the process of the plan, the
 * consultation, the administration, the council's list of snapshots and its review of one, an
 * agency's sign-off.
 */
export type AccountPage =
  | 'signin'
  | 'tokens'
  | 'process'
  | 'consultation'
  | 'admin'
  | 'council'
  | 'council-snapshot'
  | 'agency';

/** A snapshot's id as it may appear in an address (the register's ids: uuids). */
const SNAPSHOT_ID = /^[A-Za-z0-9-]{1,64}$/;

/** The account page an address names (a trailing slash allowed), or null. */
export function accountPageOf(pathname: string): AccountPage | null {
  const p = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
  if (p === SIGN_IN_PATH) return 'signin';
  if (p === TOKENS_PATH) return 'tokens';
  if (p === PROCESS_PATH) return 'process';
  if (p === AGENCY_PATH) return 'agency';
  if (p === COUNCIL_PATH) return 'council';
  if (councilSnapshotOf(p) !== null) return 'council-snapshot';
  if (p === CONSULTATION_PATH) return 'consultation';
  if (p === ADMIN_PATH) return 'admin';
  return null;
}

/** The snapshot id of a council review's address (`/me/council/<id>`), or null. */
export function councilSnapshotOf(pathname: string): string | null {
  const p = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
  if (!p.startsWith(`${COUNCIL_PATH}/`)) return null;
  const id = p.slice(COUNCIL_PATH.length + 1);
  return SNAPSHOT_ID.test(id) ? id : null;
}

/**
 * The sign-in page's address for going back to `next` (a path of this origin) afterwards,
 * in a language.
 */
export function signInPath(next: string, lang: Language): string {
  const params = new URLSearchParams({ next });
  if (lang === 'en') params.set('lang', 'en');
  return `${SIGN_IN_PATH}?${params.toString()}`;
}

/**
 * Where the sign-in goes back to: `?next=` when it is a page of the web app on this origin
 * (never another site: `//host` or `https://…`), else the person's tokens.
 */
export function nextOfSearch(search: string): string {
  const next = new URLSearchParams(search).get('next');
  if (next === null || !next.startsWith('/') || next.startsWith('//') || next.includes('\\'))
    return TOKENS_PATH;
  const pathname = next.split(/[?#]/)[0] ?? '';
  return isWebPath(pathname) && accountPageOf(pathname) !== 'signin' ? next : TOKENS_PATH;
}

/**
 * True when the service answers `pathname` with the web app's page: `/`, `/plan` and every
 * path under `/plan/`, the sign-in (`/signin`) and a person's pages (`/me`, `/me/…`).
 * Nothing under `/api`, `/addin`, `/help` or any other prefix.
 */
export function isWebPath(pathname: string): boolean {
  return (
    pathname === '/' ||
    pathname === PLAN_PATH ||
    pathname.startsWith(`${PLAN_PATH}/`) ||
    pathname === SIGN_IN_PATH ||
    pathname === `${SIGN_IN_PATH}/` ||
    pathname === ME_PATH ||
    pathname.startsWith(`${ME_PATH}/`)
  );
}

const isSection = (s: string): s is PlanSection => (PLAN_SECTIONS as readonly string[]).includes(s);

/**
 * The page an address names, or null when it names none (the app then says so):
 * `/` is the register's own municipality's latest plan;
 * `/plan/<code>[/latest][/<section>]` a municipality's latest published plan;
 * `/plan/<code>/<cycle start>/<number>[/<section>]` one published snapshot, for good.
 * A trailing slash is allowed.
 */
export function parseWebPath(pathname: string, search = ''): WebRoute | null {
  const parts = pathname.split('/').filter((p) => p !== '');
  if (parts.length === 0)
    return { page: 'plan', municipality: null, snapshot: LATEST, section: 'overview' };
  if (parts[0] !== PLAN_PATH.slice(1)) return null;
  const [, code, a, b, c] = parts;
  if (code === undefined)
    return { page: 'plan', municipality: null, snapshot: LATEST, section: 'overview' };
  if (!CODE.test(code) || parts.length > 5) return null;
  let snapshot: SnapshotRef = LATEST;
  let section: string | undefined;
  if (a === undefined || a === LATEST) {
    if (parts.length > 4) return null;
    section = b;
  } else if (WHOLE.test(a) && b !== undefined && WHOLE.test(b)) {
    snapshot = { cycleStart: Number(a), number: Number(b) };
    section = c;
  } else if (parts.length === 3 && isSection(a)) section = a;
  else return null;
  section ??= 'overview';
  if (!isSection(section)) return null;
  const route: WebRoute = { page: 'plan', municipality: code, snapshot, section };
  const q = new URLSearchParams(search).get('q');
  if (section === 'search' && q !== null) route.q = q;
  return route;
}

/** The language an address asks for: `?lang=en` English, anything else Persian. */
export function languageOfSearch(search: string): Language {
  return new URLSearchParams(search).get('lang') === 'en' ? 'en' : 'fa';
}

/**
 * The address of a page in a language (Persian, the default, carries no `lang`): the inverse
 * of `parseWebPath` and `languageOfSearch` for a route of a named municipality; `/` for the
 * register's own.
 */
export function webPath(route: WebRoute, lang: Language): string {
  const params = new URLSearchParams();
  if (route.section === 'search' && route.q !== undefined && route.q !== '')
    params.set('q', route.q);
  if (lang === 'en') params.set('lang', 'en');
  const query = params.toString();
  let path = '/';
  if (route.municipality !== null) {
    const ref =
      route.snapshot === LATEST ? LATEST : `${route.snapshot.cycleStart}/${route.snapshot.number}`;
    path = `${PLAN_PATH}/${encodeURIComponent(route.municipality)}/${ref}/${route.section}`;
  }
  return query === '' ? path : `${path}?${query}`;
}

/**
 * The `<meta>` of the web app's page naming the register's own municipality (the service
 * fills it in when it serves the page), which the address `/` shows.
 */
export const DEFAULT_MUNICIPALITY_META = 'plan-municipality';

/** The page's `<meta>` saying that people may sign in with OpenID Connect (`on`). */
export const OIDC_META = 'plan-oidc';

/** Where the browser starts an OpenID Connect sign-in (`?municipality=&next=&lang=`). */
export const OIDC_START_PATH = '/api/oidc/start';
