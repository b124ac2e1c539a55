/** @jsxRuntime automatic */
/**
 * A person's own pages (docs/web.md, "Sign-in and tokens"): the sign-in (`/signin`) with a
 * local account, and their API tokens (`/me/tokens`), which the Excel add-in's Sync links
 * to. Every call goes through the core's `SessionClient` (the browser keeps the HttpOnly
 * session cookie; the client sends the CSRF header). Errors are the register's own bilingual
 * message, in the page's language; too many attempts (429) are told plainly.
 */
import type {
  ApiFailure,
  ApiIssuedToken,
  ApiSession,
  ApiToken,
  Language,
  SessionClient,
} from '#core';
import {
  OIDC_START_PATH,
  formatTehranDateTime,
  nextOfSearch,
  signInPath,
  TOKENS_PATH,
} from '#core';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import {
  Failure,
  fill,
  Iso,
  PageTitle,
  ScrollTable,
  Section,
  Stored,
  usePageStyles,
} from '../components';
import { digits } from '../format';
import { t } from '../i18n';
import { navigate } from '../router';
import { NotificationsSection } from './NotificationsSection';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '28em',
  },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'flex-end',
  },
  who: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    justifyContent: 'space-between',
  },
  secret: {
    fontFamily: tokens.fontFamilyMonospace,
    wordBreak: 'break-all',
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    display: 'block',
  },
  days: { width: '8em' },
  // On a phone each token is a card of labelled lines instead of a row wider than the screen.
  cards: {
    '@media (max-width: 600px)': {
      '& thead': { display: 'none' },
      '& tr': {
        display: 'block',
        paddingBlock: tokens.spacingVerticalS,
        borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      },
      '& td': { display: 'block', borderBottomStyle: 'none' },
      '& td:first-child': { fontWeight: tokens.fontWeightSemibold },
      '& td[data-label]::before': {
        content: 'attr(data-label)',
        display: 'block',
        fontWeight: tokens.fontWeightSemibold,
        color: tokens.colorNeutralForeground3,
        fontSize: tokens.fontSizeBase200,
      },
    },
  },
});

/** A moment in Jalali and Tehran time (the core's formatter), kept whole in its own isolate. */
function When(props: { iso: string | null; lang: Language }) {
  if (props.iso === null) return <>{t(props.lang, 'never')}</>;
  return <Iso>{formatTehranDateTime(new Date(props.iso), props.lang)}</Iso>;
}

/** `/signin`: municipality code, e-mail and password; then back to `?next=`. */
export function SignInView(props: {
  lang: Language;
  client: SessionClient;
  municipality: string;
  /** The register takes OpenID Connect sign-ins: a button for it. */
  oidc?: boolean;
  search: string;
  /** Told the municipality code as it is typed (the frame marks a practice one). */
  onMunicipality?: (code: string) => void;
}) {
  const { lang, client, onMunicipality } = props;
  const styles = useStyles();
  const [municipality, setMunicipality] = useState(props.municipality);
  useEffect(() => onMunicipality?.(municipality), [municipality, onMunicipality]);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [mustChange, setMustChange] = useState(false);
  const next = nextOfSearch(props.search);
  const oidcFailed = new URLSearchParams(props.search).get('oidc') === 'failed';
  // Back in the language the person now reads (they may have switched on this page).
  const back = (path: string) => {
    const url = new URL(path, window.location.origin);
    if (lang === 'en') url.searchParams.set('lang', 'en');
    else url.searchParams.delete('lang');
    return `${url.pathname}${url.search}${url.hash}`;
  };
  return (
    <div className={usePageStyles().stack}>
      <PageTitle>{t(lang, 'signInTitle')}</PageTitle>
      <Section id="signin" title={t(lang, 'signIn')}>
        <p>{t(lang, 'signInIntro')}</p>
        <form
          className={styles.form}
          onSubmit={(e) => {
            e.preventDefault();
            setBusy(true);
            setError(null);
            void client
              .signIn({ municipality: municipality.trim(), email: email.trim(), password })
              .then((r) => {
                setBusy(false);
                if (!r.ok) {
                  setError(r.error);
                  return;
                }
                if (r.value.mustChangePassword) {
                  setMustChange(true);
                  return;
                }
                navigate(back(next));
              });
          }}
        >
          <Field label={t(lang, 'municipalityCode')} required>
            <Input
              name="municipality"
              dir="ltr"
              autoComplete="organization"
              value={municipality}
              onChange={(_, d) => setMunicipality(d.value)}
            />
          </Field>
          <Field label={t(lang, 'email')} required>
            <Input
              name="email"
              type="email"
              dir="ltr"
              autoComplete="username"
              value={email}
              onChange={(_, d) => setEmail(d.value)}
            />
          </Field>
          <Field label={t(lang, 'password')} required>
            <Input
              name="password"
              type="password"
              dir="ltr"
              autoComplete="current-password"
              value={password}
              onChange={(_, d) => setPassword(d.value)}
            />
          </Field>
          <Failure lang={lang} error={error} />
          <div>
            <Button type="submit" appearance="primary" disabled={busy || mustChange}>
              {busy ? t(lang, 'signingIn') : t(lang, 'signIn')}
            </Button>
          </div>
        </form>
        {props.oidc === true && (
          <div className={styles.form}>
            <p>{t(lang, 'oidcIntro')}</p>
            <div>
              <Button
                as="a"
                data-testid="oidc"
                href={`${OIDC_START_PATH}?${new URLSearchParams({
                  municipality: municipality.trim(),
                  next,
                  ...(lang === 'en' && { lang: 'en' }),
                }).toString()}`}
              >
                {t(lang, 'oidcSignIn')}
              </Button>
            </div>
          </div>
        )}
        {oidcFailed && (
          <MessageBar intent="error" data-testid="oidc-failed" layout="multiline">
            <MessageBarBody>{t(lang, 'oidcFailed')}</MessageBarBody>
          </MessageBar>
        )}
        {mustChange && (
          <NewPassword
            lang={lang}
            client={client}
            current={password}
            onDone={() => navigate(back(next))}
          />
        )}
      </Section>
    </div>
  );
}

/** After a one-time password: the new one (twice), then on to where the person was going. */
function NewPassword(props: {
  lang: Language;
  client: SessionClient;
  current: string;
  onDone: () => void;
}) {
  const { lang } = props;
  const styles = useStyles();
  const [first, setFirst] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const differ = again !== '' && first !== again;
  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        if (first !== again) return;
        setBusy(true);
        setError(null);
        void props.client
          .changePassword({ currentPassword: props.current, newPassword: first })
          .then((r) => {
            setBusy(false);
            if (r.ok) props.onDone();
            else setError(r.error);
          });
      }}
    >
      <MessageBar intent="warning" role="alert">
        <MessageBarBody>{t(lang, 'mustChange')}</MessageBarBody>
      </MessageBar>
      <Field label={t(lang, 'newPassword')} required hint={t(lang, 'newPasswordHint')}>
        <Input
          name="newPassword"
          type="password"
          dir="ltr"
          autoComplete="new-password"
          value={first}
          onChange={(_, d) => setFirst(d.value)}
        />
      </Field>
      <Field
        label={t(lang, 'repeatPassword')}
        required
        validationState={differ ? 'error' : 'none'}
        validationMessage={differ ? t(lang, 'passwordsDiffer') : undefined}
      >
        <Input
          name="repeatPassword"
          type="password"
          dir="ltr"
          autoComplete="new-password"
          value={again}
          onChange={(_, d) => setAgain(d.value)}
        />
      </Field>
      <Failure lang={lang} error={error} />
      <div>
        <Button
          type="submit"
          appearance="primary"
          disabled={busy || first === '' || first !== again}
        >
          {t(lang, 'changePassword')}
        </Button>
      </div>
    </form>
  );
}

type SessionState = { state: 'loading' } | { state: 'in'; session: ApiSession };

/** `/me/tokens`: the person's tokens, a new one (its secret shown once), revoke, sign out. */
export function TokensView(props: { lang: Language; client: SessionClient }) {
  const { lang, client } = props;
  const styles = useStyles();
  const page = usePageStyles();
  const [session, setSession] = useState<SessionState>({ state: 'loading' });
  const [list, setList] = useState<ApiToken[] | null>(null);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const [issued, setIssued] = useState<ApiIssuedToken | null>(null);
  const [copied, setCopied] = useState(false);
  const [confirm, setConfirm] = useState<ApiToken | null>(null);
  const [busy, setBusy] = useState(false);
  const signIn = signInPath(lang === 'en' ? `${TOKENS_PATH}?lang=en` : TOKENS_PATH, lang);

  const reload = useCallback(async () => {
    const r = await client.myTokens();
    if (r.ok) setList(r.value);
    else if (r.error.status === 401) navigate(signIn, { replace: true });
    else setError(r.error);
  }, [client, signIn]);

  useEffect(() => {
    let live = true;
    void client.session().then((r) => {
      if (!live) return;
      if (!r.ok) {
        if (r.error.status === 401) navigate(signIn, { replace: true });
        else setError(r.error);
        return;
      }
      setSession({ state: 'in', session: r.value });
      void reload();
    });
    return () => {
      live = false;
    };
  }, [client, signIn, reload]);

  if (session.state === 'loading')
    return error === null ? (
      <Spinner label={t(lang, 'loading')} />
    ) : (
      <Failure lang={lang} error={error} />
    );
  const user = session.session.user;
  const now = Date.now();
  const stateOf = (k: ApiToken) =>
    k.revoked
      ? t(lang, 'revoked')
      : k.expiresAt !== null && Date.parse(k.expiresAt) <= now
        ? t(lang, 'expired')
        : t(lang, 'active');
  const daysValue = Number(days);
  const daysOk = /^[0-9]{1,3}$/.test(days) && daysValue >= 1 && daysValue <= 366;

  return (
    <div className={page.stack}>
      <div className={styles.who}>
        <PageTitle>{t(lang, 'myTokens')}</PageTitle>
        <div className={styles.row}>
          <span data-testid="signed-in">
            {fill(lang, 'signedInAs', { name: <Stored>{user.displayName}</Stored> })}
          </span>
          <Button
            onClick={() => {
              void client.signOut().then((r) => {
                if (r.ok) navigate(lang === 'en' ? '/?lang=en' : '/');
                else setError(r.error);
              });
            }}
          >
            {t(lang, 'signOut')}
          </Button>
        </div>
      </div>
      <NotificationsSection lang={lang} client={client} />
      <p>{t(lang, 'tokensIntro')}</p>
      <Failure lang={lang} error={error} />
      {issued !== null && (
        <Section id="issued" title={t(lang, 'newToken')}>
          <MessageBar intent="success">
            <MessageBarBody>
              {fill(lang, 'secretOnce', { name: <Stored>{issued.name}</Stored> })}
            </MessageBarBody>
          </MessageBar>
          <code
            className={styles.secret}
            dir="ltr"
            data-testid="secret"
            aria-label={t(lang, 'secretLabel')}
          >
            {issued.token}
          </code>
          <div className={styles.row}>
            <Button
              appearance="primary"
              onClick={() => {
                void navigator.clipboard?.writeText(issued.token).then(
                  () => setCopied(true),
                  () => setCopied(false),
                );
              }}
            >
              {copied ? t(lang, 'copied') : t(lang, 'copy')}
            </Button>
            <Button
              onClick={() => {
                setIssued(null);
                setCopied(false);
              }}
            >
              {t(lang, 'done')}
            </Button>
          </div>
          <p>{fill(lang, 'pasteHow', { server: <Iso>{window.location.origin}</Iso> })}</p>
        </Section>
      )}
      <Section id="create" title={t(lang, 'createToken')}>
        <form
          className={styles.row}
          onSubmit={(e) => {
            e.preventDefault();
            if (!daysOk || name.trim() === '') return;
            setBusy(true);
            setError(null);
            void client.createMyToken({ name: name.trim(), expiresInDays: daysValue }).then((r) => {
              setBusy(false);
              if (!r.ok) {
                if (r.error.status === 401) navigate(signIn, { replace: true });
                else setError(r.error);
                return;
              }
              setIssued(r.value);
              setCopied(false);
              setName('');
              void reload();
            });
          }}
        >
          <Field label={t(lang, 'tokenName')} required hint={t(lang, 'tokenNameHint')}>
            <Input name="name" value={name} onChange={(_, d) => setName(d.value)} />
          </Field>
          <Field
            label={t(lang, 'expiresInDays')}
            required
            hint={t(lang, 'expiresInDaysHint')}
            validationState={daysOk ? 'none' : 'error'}
          >
            <Input
              name="days"
              className={styles.days}
              inputMode="numeric"
              dir="ltr"
              value={digits(days, lang)}
              onChange={(_, d) => setDays(toLatinDigits(d.value))}
            />
          </Field>
          <Button
            type="submit"
            appearance="primary"
            disabled={busy || !daysOk || name.trim() === ''}
          >
            {t(lang, 'createToken')}
          </Button>
        </form>
      </Section>
      <Section id="tokens" title={t(lang, 'tokenList')}>
        {list === null ? (
          <Spinner label={t(lang, 'loading')} />
        ) : list.length === 0 ? (
          <p>{t(lang, 'noTokens')}</p>
        ) : (
          <div className={styles.cards}>
            <ScrollTable label={t(lang, 'tokenList')} testId="token-list">
              <thead>
                <tr>
                  {(['tokenName', 'prefix', 'created', 'expires', 'status'] as const).map((k) => (
                    <th key={k} scope="col" className={`${page.cell} ${page.head}`}>
                      {t(lang, k)}
                    </th>
                  ))}
                  <th scope="col" className={`${page.cell} ${page.head}`}>
                    <span className={page.muted}>{t(lang, 'revoke')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((k) => (
                  <tr key={k.id} data-token={k.prefix}>
                    <td className={page.cell}>
                      <Stored>{k.name}</Stored>
                    </td>
                    <td className={page.cell} data-label={t(lang, 'prefix')}>
                      <Iso>{k.prefix}…</Iso>
                    </td>
                    <td className={page.cell} data-label={t(lang, 'created')}>
                      <When iso={k.createdAt} lang={lang} />
                    </td>
                    <td className={page.cell} data-label={t(lang, 'expires')}>
                      <When iso={k.expiresAt} lang={lang} />
                    </td>
                    <td className={page.cell} data-label={t(lang, 'status')}>
                      {k.revoked && k.revokedAt !== null
                        ? fill(lang, 'revokedOn', { date: <When iso={k.revokedAt} lang={lang} /> })
                        : stateOf(k)}
                    </td>
                    <td className={page.cell}>
                      {!k.revoked && (
                        <Button size="small" onClick={() => setConfirm(k)}>
                          {t(lang, 'revoke')}
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          </div>
        )}
      </Section>
      <Dialog open={confirm !== null} onOpenChange={(_, d) => !d.open && setConfirm(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>
              {confirm !== null &&
                fill(lang, 'revokeTitle', { name: <Stored>{confirm.name}</Stored> })}
            </DialogTitle>
            <DialogContent>{t(lang, 'revokeBody')}</DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  if (confirm === null) return;
                  const id = confirm.id;
                  setConfirm(null);
                  void client.revokeMyToken(id).then((r) => {
                    if (!r.ok) setError(r.error);
                    void reload();
                  });
                }}
              >
                {t(lang, 'revoke')}
              </Button>
              <Button onClick={() => setConfirm(null)}>{t(lang, 'cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}

/** Persian and Arabic-Indic digits typed on a Persian keyboard, as Latin digits. */
function toLatinDigits(text: string): string {
  return text
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}
