/** @jsxRuntime automatic */
/**
 * The web face: one FluentProvider whose `dir` and `lang` follow the address's language
 * (Persian right to left unless `?lang=en`), the page's frame (a skip link, the header with
 * the language switch and the search, the sections' navigation, the footer with the
 * snapshot's permanent address), and the section the address names. The published plan is
 * read once per snapshot through the core's one API client.
 */
import type {
  AccountPage,
  ApiPublicPlan,
  ApiPublicSnapshotList,
  Fetch,
  Language,
  PlanSection,
  Role,
  WebRoute,
} from '#core';
import {
  accountPageOf,
  CITY_WIDE_ROLES,
  COUNCIL_PATH,
  councilSnapshotOf,
  isPracticeCode,
  LATEST,
  languageOfSearch,
  SessionClient,
  signInPath,
  ADMIN_PATH,
  CONSULTATION_PATH,
  PROCESS_PATH,
  AGENCY_PATH,
  TOKENS_PATH,
  listSeparator,
  parseWebPath,
  PLAN_SECTIONS,
  RegisterClient,
  TITLE_SEPARATOR,
  webPath,
} from '#core';
import {
  Button,
  FluentProvider,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Title2,
  tokens,
  ToggleButton,
  webLightTheme,
} from '@fluentui/react-components';
import type { Theme } from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AppLink, fill, Iso, PracticeBanner, Stored } from './components';
import { digits, jalaliDate, jalaliDay, year } from './format';
import type { StringKey } from './i18n';
import { t } from './i18n';
import { navigate, useAddress } from './router';
import { DataView } from './views/DataView';
import { FiscalView } from './views/FiscalView';
import { KpisView } from './views/KpisView';
import { OverviewView } from './views/OverviewView';
import { ProgramsView } from './views/ProgramsView';
import { ProjectsView } from './views/ProjectsView';
import { SearchView } from './views/SearchView';
import { StrategyView } from './views/StrategyView';

// A person's own pages load when they are opened: the published plan, what most visitors read,
// does not wait for the sign-in, the administration or the council's review (docs/web.md).
const SignInView = lazy(() =>
  import('./views/AccountViews').then((m) => ({ default: m.SignInView })),
);
const TokensView = lazy(() =>
  import('./views/AccountViews').then((m) => ({ default: m.TokensView })),
);
const AdminView = lazy(() => import('./views/AdminView').then((m) => ({ default: m.AdminView })));
const ConsultationView = lazy(() =>
  import('./views/ConsultationView').then((m) => ({ default: m.ConsultationView })),
);
const AgencyView = lazy(() =>
  import('./views/AgencyView').then((m) => ({ default: m.AgencyView })),
);
const ProcessView = lazy(() =>
  import('./views/ProcessView').then((m) => ({ default: m.ProcessView })),
);
const CouncilListView = lazy(() =>
  import('./views/CouncilViews').then((m) => ({ default: m.CouncilListView })),
);
const CouncilReviewView = lazy(() =>
  import('./views/CouncilViews').then((m) => ({ default: m.CouncilReviewView })),
);

/** What the app is given by its page (tests give their own). */
export interface WebServices {
  fetch: Fetch;
  /** The register's own municipality (the page's `<meta>`), shown at `/`. */
  municipality: string;
  /** People may sign in with OpenID Connect (the page's `<meta>`); absent: not. */
  oidc?: boolean;
}

/** Fluent's light theme in Vazirmatn (bundled), which has Persian and Latin letters alike. */
const theme: Theme = {
  ...webLightTheme,
  fontFamilyBase: `Vazirmatn, ${webLightTheme.fontFamilyBase}`,
};

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    display: 'flex',
    flexDirection: 'column',
  },
  skip: {
    position: 'absolute',
    insetInlineStart: tokens.spacingHorizontalS,
    top: '-100px',
    zIndex: 1,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus': { top: tokens.spacingVerticalS },
  },
  header: {
    backgroundColor: tokens.colorBrandBackground2,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    maxWidth: '1200px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    boxSizing: 'border-box',
  },
  brand: { display: 'flex', flexDirection: 'column', minWidth: 0, '& p': { margin: 0 } },
  // The plan's title: large at a desk, smaller on a phone so that the page starts on screen.
  planTitle: {
    '@media (max-width: 600px)': {
      fontSize: tokens.fontSizeBase500,
      lineHeight: tokens.lineHeightBase500,
    },
  },
  tools: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
  },
  languages: { display: 'flex', gap: tokens.spacingHorizontalXS },
  search: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  searchInput: { width: '14em', maxWidth: '50vw' },
  nav: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  navList: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    listStyle: 'none',
    maxWidth: '1200px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    boxSizing: 'border-box',
  },
  navCurrent: { fontWeight: tokens.fontWeightSemibold, textDecorationLine: 'underline' },
  main: {
    flexGrow: 1,
    width: '100%',
    maxWidth: '1200px',
    margin: '0 auto',
    padding: tokens.spacingHorizontalL,
    boxSizing: 'border-box',
    ':focus': { outlineStyle: 'none' },
  },
  older: { marginBottom: tokens.spacingVerticalL },
  footer: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  footerBody: {
    '& p': { margin: 0 },
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    maxWidth: '1200px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    boxSizing: 'border-box',
  },
});

/** The app's root. */
export function App(props: { services: WebServices }) {
  const address = useAddress();
  const lang = languageOfSearch(address.search);
  const parsed = parseWebPath(address.pathname, address.search);
  const route: WebRoute | null =
    parsed === null
      ? null
      : { ...parsed, municipality: parsed.municipality ?? props.services.municipality };
  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = lang === 'fa' ? 'rtl' : 'ltr';
  }, [lang]);
  const account = accountPageOf(address.pathname);
  // Styles are made inside the provider, so that Griffel flips them for right-to-left.
  return (
    <FluentProvider theme={theme} dir={lang === 'fa' ? 'rtl' : 'ltr'} lang={lang}>
      {account === null ? (
        <Shell lang={lang} route={route} services={props.services} hash={address.hash} />
      ) : (
        <AccountShell
          lang={lang}
          page={account}
          services={props.services}
          pathname={address.pathname}
          search={address.search}
        />
      )}
    </FluentProvider>
  );
}

type Load =
  | { state: 'loading' }
  | { state: 'ok'; plan: ApiPublicPlan }
  | { state: 'none' }
  | { state: 'error'; message: string };

/** The published plan of a route's snapshot, read once per snapshot. */
function usePlan(services: WebServices, route: WebRoute | null, lang: Language): Load {
  const client = useMemo(
    () => new RegisterClient({ server: window.location.origin, token: '' }, services.fetch),
    [services.fetch],
  );
  const key =
    route === null
      ? ''
      : `${route.municipality}/${route.snapshot === LATEST ? LATEST : `${route.snapshot.cycleStart}/${route.snapshot.number}`}`;
  const [loads, setLoads] = useState<Record<string, Load>>({});
  const asked = useRef(new Set<string>());
  const municipality = route?.municipality ?? null;
  const snapshot = route?.snapshot ?? LATEST;
  useEffect(() => {
    // One read per snapshot: the route's object changes on every navigation, its key does not.
    if (municipality === null || asked.current.has(key)) return;
    asked.current.add(key);
    void client.publicPlan(municipality, snapshot).then((r) => {
      const load: Load = r.ok
        ? { state: 'ok', plan: r.value }
        : r.error.status === 404
          ? { state: 'none' }
          : { state: 'error', message: r.error.message[lang] };
      setLoads((l) => ({ ...l, [key]: load }));
    });
  }, [client, key, municipality, snapshot, lang]);
  return loads[key] ?? { state: 'loading' };
}

/** A municipality's published snapshots (for the list in the footer), or null until read. */
function useSnapshots(
  services: WebServices,
  municipality: string | null,
): ApiPublicSnapshotList['snapshots'] | null {
  const [list, setList] = useState<{
    of: string;
    snapshots: ApiPublicSnapshotList['snapshots'];
  } | null>(null);
  useEffect(() => {
    if (municipality === null) return;
    const client = new RegisterClient(
      { server: window.location.origin, token: '' },
      services.fetch,
    );
    let live = true;
    void client.publicSnapshots(municipality).then((r) => {
      if (live && r.ok) setList({ of: municipality, snapshots: r.value.snapshots });
    });
    return () => {
      live = false;
    };
  }, [services.fetch, municipality]);
  return list !== null && list.of === municipality ? list.snapshots : null;
}

function Shell(props: {
  lang: Language;
  route: WebRoute | null;
  services: WebServices;
  hash: string;
}) {
  const { lang, route } = props;
  const styles = useStyles();
  const load = usePlan(props.services, route, lang);
  const plan = load.state === 'ok' ? load.plan : null;
  const snapshots = useSnapshots(props.services, route?.municipality ?? null);
  // The newest published snapshot (the list is the register's, newest last or first).
  const newest =
    snapshots === null || snapshots.length === 0
      ? null
      : snapshots.reduce((a, b) =>
          b.cycleStart > a.cycleStart || (b.cycleStart === a.cycleStart && b.number > a.number)
            ? b
            : a,
        );
  const older =
    plan !== null &&
    newest !== null &&
    (newest.cycleStart !== plan.snapshot.cycleStart || newest.number !== plan.snapshot.number);
  const main = useRef<HTMLElement>(null);
  const here = route === null ? '' : webPath(route, lang);
  // The page whose content last had the focus: the one first opened, which keeps the focus at
  // the start of the document (a remount of the frame must not count as a move either).
  const shown = useRef(here);
  // A new page: to its top, and the focus to its content (screen readers hear the new page).
  useEffect(() => {
    if (shown.current === here) return;
    shown.current = here;
    if (props.hash === '') {
      window.scrollTo(0, 0);
      main.current?.focus();
    }
  }, [here, props.hash]);
  useEffect(() => {
    if (props.hash === '' || plan === null) return;
    const target = document.getElementById(decodeURIComponent(props.hash.slice(1)));
    target?.scrollIntoView();
    target?.focus({ preventScroll: true });
  }, [props.hash, plan]);
  const section = route?.section ?? 'overview';
  const title =
    plan === null
      ? t(lang, 'appTitle')
      : `${plan.title}${TITLE_SEPARATOR}${t(lang, sectionKey(section))}`;
  useEffect(() => {
    document.title = title;
  }, [title]);

  const to = (changes: Partial<WebRoute>, l: Language = lang) =>
    route === null ? '/' : webPath({ ...route, ...changes }, l);

  return (
    <div className={styles.root} data-lang={lang} data-section={section}>
      <a className={styles.skip} href="#content">
        {t(lang, 'skipToContent')}
      </a>
      <header className={styles.header}>
        <div className={styles.bar}>
          <div className={styles.brand}>
            <Subtitle2 as="p">
              {plan !== null && (
                <>
                  <Stored>{plan.municipality.name[lang]}</Stored>
                  {TITLE_SEPARATOR}
                </>
              )}
              {t(lang, 'appTitle')}
            </Subtitle2>
            {plan !== null && (
              <Title2 as="p" className={styles.planTitle}>
                <Stored>{plan.title}</Stored>
              </Title2>
            )}
          </div>
          <div className={styles.tools}>
            <SearchForm lang={lang} route={route} />
            <AppLink
              href={signInPath(lang === 'en' ? `${TOKENS_PATH}?lang=en` : TOKENS_PATH, lang)}
            >
              {t(lang, 'signIn')}
            </AppLink>
            <div className={styles.languages} role="group" aria-label={t(lang, 'language')}>
              {(['fa', 'en'] as const).map((l) => (
                <ToggleButton
                  key={l}
                  size="small"
                  checked={lang === l}
                  aria-pressed={lang === l}
                  lang={l}
                  onClick={() => navigate(to({}, l) + props.hash, { replace: true })}
                >
                  {l === 'fa' ? 'فارسی' : 'English'}
                </ToggleButton>
              ))}
            </div>
          </div>
        </div>
        {plan?.municipality.practice === true && <PracticeBanner lang={lang} />}
      </header>
      <nav className={styles.nav} aria-label={t(lang, 'sections')}>
        <ul className={styles.navList}>
          {PLAN_SECTIONS.filter((s) => s !== 'search').map((s) => (
            <li key={s}>
              <AppLink
                href={to({ section: s, q: undefined })}
                current={section === s}
                className={section === s ? styles.navCurrent : undefined}
              >
                {t(lang, sectionKey(s))}
              </AppLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="content" ref={main} tabIndex={-1} className={styles.main}>
        {older && route !== null && (
          <div className={styles.older}>
            <Note intent="warning">
              {t(lang, 'olderSnapshot')}{' '}
              <AppLink href={webPath({ ...route, snapshot: LATEST }, lang)}>
                {t(lang, 'toLatest')}
              </AppLink>
            </Note>
          </div>
        )}
        <Page lang={lang} route={route} load={load} />
      </main>
      <footer className={styles.footer}>
        <div className={styles.footerBody}>
          {plan !== null && route !== null && (
            <SnapshotNote lang={lang} plan={plan} route={route} snapshots={snapshots ?? []} />
          )}
        </div>
      </footer>
    </div>
  );
}

function sectionKey(section: PlanSection): StringKey {
  return section;
}

function Page(props: { lang: Language; route: WebRoute | null; load: Load }) {
  const { lang, route, load } = props;
  if (route === null)
    return (
      <Note intent="warning">
        {t(lang, 'notFound')}{' '}
        <AppLink href={lang === 'en' ? '/?lang=en' : '/'}>{t(lang, 'toLatest')}</AppLink>
      </Note>
    );
  if (load.state === 'loading') return <Spinner label={t(lang, 'loading')} />;
  if (load.state === 'none') return <Note intent="info">{t(lang, 'noPlan')}</Note>;
  if (load.state === 'error')
    return <Note intent="error">{t(lang, 'unexpected', { message: load.message })}</Note>;
  const view = { lang, plan: load.plan, route };
  switch (route.section) {
    case 'overview':
      return <OverviewView {...view} />;
    case 'strategy':
      return <StrategyView {...view} />;
    case 'programs':
      return <ProgramsView {...view} />;
    case 'projects':
      return <ProjectsView {...view} />;
    case 'kpis':
      return <KpisView {...view} />;
    case 'fiscal':
      return <FiscalView {...view} />;
    case 'data':
      return <DataView {...view} />;
    case 'search':
      return <SearchView {...view} />;
  }
}

function Note(props: { intent: 'info' | 'warning' | 'error'; children: React.ReactNode }) {
  return (
    <MessageBar intent={props.intent} aria-live="polite">
      <MessageBarBody>{props.children}</MessageBarBody>
    </MessageBar>
  );
}

/** The search box: a form whose submission goes to the search page with `?q=`. */
function SearchForm(props: { lang: Language; route: WebRoute | null }) {
  const { lang, route } = props;
  const styles = useStyles();
  const [q, setQ] = useState(route?.q ?? '');
  useEffect(() => setQ(route?.q ?? ''), [route?.q]);
  return (
    <form
      role="search"
      className={styles.search}
      onSubmit={(e) => {
        e.preventDefault();
        if (route !== null) navigate(webPath({ ...route, section: 'search', q: q.trim() }, lang));
      }}
    >
      <Input
        type="search"
        className={styles.searchInput}
        value={q}
        onChange={(_, d) => setQ(d.value)}
        aria-label={t(lang, 'searchLabel')}
        placeholder={t(lang, 'searchLabel')}
        name="q"
      />
      <Button type="submit" appearance="primary">
        {t(lang, 'searchButton')}
      </Button>
    </form>
  );
}

/** The snapshot's resolution, its dates and its permanent address. */
function SnapshotNote(props: {
  lang: Language;
  plan: ApiPublicPlan;
  route: WebRoute;
  snapshots: ApiPublicSnapshotList['snapshots'];
}) {
  const { lang, plan, route } = props;
  const { snapshot } = plan;
  const adoption = snapshot.adoption;
  const permanent = webPath(
    { ...route, snapshot: { cycleStart: snapshot.cycleStart, number: snapshot.number } },
    lang,
  );
  const latest = webPath({ ...route, snapshot: LATEST }, lang);
  return (
    <>
      <p>
        {t(lang, 'period', {
          from: year(plan.cycle.startYear, lang),
          to: year(plan.cycle.endYear, lang),
        })}
      </p>
      {adoption !== null && (
        <p data-testid="adoption">
          {fill(lang, 'adoptedBy', {
            // A resolution's number is a code (`۱۴۰۴/۴۵`): kept left to right, in the language's digits.
            resolution: <Iso>{digits(adoption.resolutionNumber, lang)}</Iso>,
            date: jalaliDate(adoption.resolutionDate, lang),
          })}
          {lang === 'fa' ? '؛ ' : '; '}
          {t(lang, 'vote', {
            for: adoption.votesFor,
            against: adoption.votesAgainst,
            abstain: adoption.votesAbstaining,
          })}
        </p>
      )}
      {snapshot.publishedAt !== null && (
        <p>{t(lang, 'publishedOn', { date: jalaliDay(snapshot.publishedAt, lang) })}</p>
      )}
      <p>
        <AppLink href={permanent}>{t(lang, 'permalink')}</AppLink>
        {listSeparator(lang)}
        <AppLink href={latest}>{t(lang, 'latestLink')}</AppLink>
      </p>
      {props.snapshots.length > 1 && (
        <nav aria-label={t(lang, 'published')}>
          <p>{t(lang, 'published')}</p>
          <ul>
            {props.snapshots.map((e) => {
              const ref = { cycleStart: e.cycleStart, number: e.number };
              const here = e.cycleStart === snapshot.cycleStart && e.number === snapshot.number;
              return (
                <li key={`${e.cycleStart}-${e.number}`}>
                  <AppLink href={webPath({ ...route, snapshot: ref }, lang)} current={here}>
                    {t(lang, 'snapshotName', { cycle: year(e.cycleStart, lang), number: e.number })}
                  </AppLink>
                  {e.adoption !== null &&
                    `${listSeparator(lang)}${jalaliDate(e.adoption.resolutionDate, lang)}`}
                </li>
              );
            })}
          </ul>
        </nav>
      )}
    </>
  );
}

/** The person's one session client (the CSRF token it keeps lives as long as the page). */
let sessionClient: { fetch: Fetch; client: SessionClient } | null = null;
function clientOf(fetch: Fetch): SessionClient {
  if (sessionClient === null || sessionClient.fetch !== fetch)
    sessionClient = { fetch, client: new SessionClient({ server: window.location.origin }, fetch) };
  return sessionClient.client;
}

/** Each account page's heading (its title and its link's text). */
const ACCOUNT_HEADINGS = {
  signin: 'signInTitle',
  tokens: 'myTokens',
  process: 'processPage',
  consultation: 'consultPage',
  council: 'councilPage',
  'council-snapshot': 'councilPage',
  admin: 'adminPage',
  agency: 'agencyPage',
} as const satisfies Record<AccountPage, StringKey>;

/** The signed-in person's pages, linked from each other's header. */
const ACCOUNT_LINKS: ReadonlyArray<{ page: AccountPage; path: string; roles?: readonly Role[] }> = [
  { page: 'tokens', path: TOKENS_PATH },
  { page: 'process', path: PROCESS_PATH, roles: CITY_WIDE_ROLES },
  { page: 'consultation', path: CONSULTATION_PATH },
  { page: 'council', path: COUNCIL_PATH, roles: CITY_WIDE_ROLES },
  { page: 'admin', path: ADMIN_PATH, roles: ['admin'] },
  { page: 'agency', path: AGENCY_PATH, roles: ['agency'] },
];

/** The frame of a person's own pages: the register's name, the language switch, the page. */
function AccountShell(props: {
  lang: Language;
  page: AccountPage;
  services: WebServices;
  pathname: string;
  search: string;
}) {
  const { lang, page } = props;
  const styles = useStyles();
  const client = clientOf(props.services.fetch);
  // A practice municipality's pages say so (the sign-in page, of the code being typed).
  const [practice, setPractice] = useState(false);
  // Who is signed in: their roles choose the links to their own pages.
  const [roles, setRoles] = useState<readonly Role[]>([]);
  useEffect(() => {
    if (page === 'signin') return;
    let live = true;
    void client.session().then((r) => {
      if (!live) return;
      setPractice(r.ok && r.value.practice);
      // Each link is shown to those whose roles open its page (the register still decides).
      setRoles(r.ok ? r.value.user.roles : []);
    });
    return () => {
      live = false;
    };
  }, [client, page]);
  const onMunicipality = useCallback((code: string) => setPractice(isPracticeCode(code)), []);
  const heading = ACCOUNT_HEADINGS[page];
  const title = `${t(lang, heading)}${TITLE_SEPARATOR}${t(lang, 'appTitle')}`;
  useEffect(() => {
    document.title = title;
  }, [title]);
  const inLang = (l: Language) => {
    const params = new URLSearchParams(props.search);
    if (l === 'en') params.set('lang', 'en');
    else params.delete('lang');
    const q = params.toString();
    return q === '' ? props.pathname : `${props.pathname}?${q}`;
  };
  return (
    <div className={styles.root} data-lang={lang} data-section={page}>
      <a className={styles.skip} href="#content">
        {t(lang, 'skipToContent')}
      </a>
      <header className={styles.header}>
        <div className={styles.bar}>
          <div className={styles.brand}>
            <Subtitle2 as="p">{t(lang, 'appTitle')}</Subtitle2>
          </div>
          <div className={styles.tools}>
            <AppLink href={lang === 'en' ? '/?lang=en' : '/'}>{t(lang, 'toPlan')}</AppLink>
            {page !== 'signin' &&
              // The agency's page is linked for its representatives only.
              ACCOUNT_LINKS.filter(
                (l) =>
                  l.page !== page &&
                  (l.roles === undefined || l.roles.some((r) => roles.includes(r))),
              ).map((l) => (
                <AppLink key={l.page} href={lang === 'en' ? `${l.path}?lang=en` : l.path}>
                  {t(lang, ACCOUNT_HEADINGS[l.page])}
                </AppLink>
              ))}
            <div className={styles.languages} role="group" aria-label={t(lang, 'language')}>
              {(['fa', 'en'] as const).map((l) => (
                <ToggleButton
                  key={l}
                  size="small"
                  checked={lang === l}
                  aria-pressed={lang === l}
                  lang={l}
                  onClick={() => navigate(inLang(l), { replace: true })}
                >
                  {l === 'fa' ? 'فارسی' : 'English'}
                </ToggleButton>
              ))}
            </div>
          </div>
        </div>
        {practice && <PracticeBanner lang={lang} />}
      </header>
      <main id="content" tabIndex={-1} className={styles.main}>
        <Suspense fallback={<Spinner label={t(lang, 'loading')} />}>
          {page === 'signin' ? (
            <SignInView
              lang={lang}
              client={client}
              municipality={props.services.municipality}
              oidc={props.services.oidc === true}
              search={props.search}
              onMunicipality={onMunicipality}
            />
          ) : page === 'process' ? (
            <ProcessView lang={lang} client={client} />
          ) : page === 'agency' ? (
            <AgencyView lang={lang} client={client} />
          ) : page === 'council' ? (
            <CouncilListView lang={lang} client={client} />
          ) : page === 'council-snapshot' ? (
            <CouncilReviewView
              key={props.pathname}
              lang={lang}
              client={client}
              snapshotId={councilSnapshotOf(props.pathname) ?? ''}
            />
          ) : page === 'consultation' ? (
            <ConsultationView lang={lang} client={client} />
          ) : page === 'admin' ? (
            <AdminView lang={lang} client={client} />
          ) : (
            <TokensView lang={lang} client={client} />
          )}
        </Suspense>
      </main>
    </div>
  );
}
