/** @jsxRuntime automatic */
/**
 * An agency's sign-off (`/me/agency`, docs/web.md): for an executive agency's representative,
 * the latest cycle's snapshot signed now, the strategies the agency partners in and its
 * commitments (what it signs, `GET /api/cycles/{id}/agency`), a form to sign — agree, agree
 * with reservations (text), disagree (reason) — confirmed in a dialog, and the agency's
 * signatures, a stale one marked. Signed out, the page sends the person to the sign-in and back.
 */
import type { ApiAgencyView, ApiFailure, Language, SessionClient, SignaturePosition } from '#core';
import {
  AGENCY_PATH,
  SIGNATURE_POSITIONS,
  SIGNATURE_POSITION_CAPTIONS,
  SIGNATURE_TEXT_MAX,
  SIGNATURE_TEXT_RULES,
  SIGNOFF_STATE_CAPTIONS,
  SNAPSHOT_STATUS_CAPTIONS,
  signInPath,
  signatureTextProblem,
} from '#core';
import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { Iso, PageTitle, ScrollTable, Section, Stored, fill, usePageStyles } from '../components';
import { billions, digits, jalaliDay, year } from '../format';
import { t } from '../i18n';
import { navigate } from '../router';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3 },
  name: { minWidth: '12em' },
  wide: { minWidth: '16em' },
  nowrap: { whiteSpace: 'nowrap' },
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '40em',
  },
  text: { whiteSpace: 'pre-wrap' },
  intro: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    '& p': { margin: 0 },
  },
});

type Load =
  | { state: 'loading' }
  | { state: 'failed'; error: ApiFailure }
  | { state: 'none' }
  | { state: 'ok'; view: ApiAgencyView; cycle: string };

export function AgencyView(props: { lang: Language; client: SessionClient }) {
  const { lang, client } = props;
  const page = usePageStyles();
  const styles = useStyles();
  const head = mergeClasses(page.cell, page.head);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [position, setPosition] = useState<SignaturePosition | null>(null);
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [signed, setSigned] = useState(false);
  const [signError, setSignError] = useState<ApiFailure | null>(null);
  const signIn = signInPath(lang === 'en' ? `${AGENCY_PATH}?lang=en` : AGENCY_PATH, lang);

  const read = useCallback(async () => {
    const cycles = await client.cycles();
    if (!cycles.ok) {
      if (cycles.error.status === 401) navigate(signIn, { replace: true });
      else setLoad({ state: 'failed', error: cycles.error });
      return;
    }
    const latest = [...cycles.value].sort((a, b) => b.startYear - a.startYear)[0];
    if (latest === undefined) return setLoad({ state: 'none' });
    const r = await client.agencyView(latest.id);
    if (r.ok)
      setLoad({ state: 'ok', view: r.value, cycle: `${latest.startYear}–${latest.endYear}` });
    else if (r.error.status === 401) navigate(signIn, { replace: true });
    else setLoad({ state: 'failed', error: r.error });
  }, [client, signIn]);

  useEffect(() => {
    void read();
  }, [read]);

  if (load.state === 'loading') return <Spinner label={t(lang, 'loading')} />;
  if (load.state === 'failed')
    return (
      <div className={page.stack}>
        <PageTitle>{t(lang, 'agencyPage')}</PageTitle>
        <MessageBar intent="error" data-testid="failure">
          <MessageBarBody>
            {load.error.status === 403 ? t(lang, 'agencyNotAgency') : load.error.message[lang]}
          </MessageBarBody>
        </MessageBar>
      </div>
    );
  if (load.state === 'none')
    return (
      <div className={page.stack}>
        <PageTitle>{t(lang, 'agencyPage')}</PageTitle>
        <p>{t(lang, 'processNoCycle')}</p>
      </div>
    );
  const { view } = load;
  const snapshot = view.snapshot;
  const problem = position === null ? null : signatureTextProblem(position, text);
  const latest = view.signatures[0];
  const start = () => {
    setTried(true);
    setSigned(false);
    if (position === null || problem !== null) return;
    setConfirming(true);
  };
  const sign = () => {
    if (snapshot === null || position === null) return;
    setBusy(true);
    setSignError(null);
    void client
      .sign(view.cycleId, { snapshotId: snapshot.id, position, text: text.trim() })
      .then(async (r) => {
        setBusy(false);
        setConfirming(false);
        if (r.ok) {
          setSigned(true);
          setPosition(null);
          setText('');
          setTried(false);
          await read();
        } else if (r.error.status === 401) navigate(signIn, { replace: true });
        else {
          setSignError(r.error);
          // The version signed now changed meanwhile: read the new one.
          if (r.error.code === 'VERSION_CONFLICT') await read();
        }
      });
  };
  return (
    <div className={page.stack}>
      <PageTitle>{t(lang, 'agencyPage')}</PageTitle>
      <div className={styles.intro}>
        <p>{fill(lang, 'agencyIntro', { agency: <Stored>{view.agency.name}</Stored> })}</p>
        <p>{t(lang, 'agencyCycle', { cycle: digits(load.cycle, lang) })}</p>
        {snapshot !== null && (
          <p data-testid="snapshot">
            {t(lang, 'agencySnapshot', {
              label: snapshot.label[lang],
              status:
                lang === 'en'
                  ? SNAPSHOT_STATUS_CAPTIONS[snapshot.status].en.toLowerCase()
                  : SNAPSHOT_STATUS_CAPTIONS[snapshot.status].fa,
            })}
          </p>
        )}
      </div>
      {snapshot === null && (
        <MessageBar intent="info" data-testid="no-snapshot">
          <MessageBarBody>{t(lang, 'agencyNoSnapshot')}</MessageBarBody>
        </MessageBar>
      )}
      {latest?.stale === true && (
        <MessageBar intent="warning" data-testid="stale">
          <MessageBarBody>{t(lang, 'agencyStaleNote')}</MessageBarBody>
        </MessageBar>
      )}

      <Section title={t(lang, 'agencyStrategies')} id="strategies">
        {view.strategies.length === 0 ? (
          <p>{t(lang, 'agencyNoStrategies')}</p>
        ) : (
          <ScrollTable label={t(lang, 'agencyStrategies')} testId="strategies">
            <thead>
              <tr>
                <th scope="col" className={head}>
                  {t(lang, 'colId')}
                </th>
                <th scope="col" className={head}>
                  {t(lang, 'colTitle')}
                </th>
                <th scope="col" className={head}>
                  {t(lang, 'colGoal')}
                </th>
                <th scope="col" className={head}>
                  {t(lang, 'owner')}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.strategies.map((s) => (
                <tr key={s.id} data-strategy={s.id}>
                  <td className={mergeClasses(page.cell, styles.nowrap)}>
                    <Iso>{s.id}</Iso>
                  </td>
                  <th scope="row" className={mergeClasses(page.cell, styles.wide)}>
                    <Stored>{s.title}</Stored>
                  </th>
                  <td className={page.cell}>
                    <Iso>{s.goalId}</Iso>
                  </td>
                  <td className={page.cell}>
                    <Iso>{s.ownerDept}</Iso>
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        )}
      </Section>

      <Section title={t(lang, 'agencyCommitments')} id="commitments">
        {view.commitments.length === 0 ? (
          <p>{t(lang, 'agencyNoCommitments')}</p>
        ) : (
          <ScrollTable label={t(lang, 'agencyCommitments')} testId="commitments">
            <thead>
              <tr>
                <th scope="col" className={head}>
                  {t(lang, 'colId')}
                </th>
                <th scope="col" className={head}>
                  {t(lang, 'colCommitment')}
                </th>
                <th scope="col" className={head}>
                  {t(lang, 'colLinked')}
                </th>
                <th scope="col" className={head}>
                  {t(lang, 'colYears')}
                </th>
                <th scope="col" className={head}>
                  {t(lang, 'colAmount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.commitments.map((c) => (
                <tr key={c.id} data-commitment={c.id}>
                  <td className={mergeClasses(page.cell, styles.nowrap)}>
                    <Iso>{c.id}</Iso>
                  </td>
                  <th scope="row" className={mergeClasses(page.cell, styles.wide)}>
                    <Stored>{c.text}</Stored>
                  </th>
                  <td className={mergeClasses(page.cell, styles.name)}>
                    <Iso>{c.linkedId}</Iso>{' '}
                    {c.linkedTitle !== null && <Stored>{c.linkedTitle}</Stored>}
                  </td>
                  <td className={mergeClasses(page.cell, styles.nowrap)}>
                    {c.fromYear === null
                      ? t(lang, 'none')
                      : c.toYear === null || c.toYear === c.fromYear
                        ? year(c.fromYear, lang)
                        : t(lang, 'yearsFromTo', {
                            from: year(c.fromYear, lang),
                            to: year(c.toYear, lang),
                          })}
                  </td>
                  <td className={mergeClasses(page.cell, page.num)}>
                    {c.amount === null ? t(lang, 'none') : billions(c.amount, lang)}
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        )}
      </Section>

      {snapshot !== null && (
        <Section title={t(lang, 'agencySign')} id="sign">
          <div className={styles.form}>
            <Field
              label={t(lang, 'agencyPosition')}
              required
              validationState={tried && position === null ? 'error' : 'none'}
              validationMessage={tried && position === null ? t(lang, 'agencyChoose') : undefined}
            >
              <RadioGroup
                value={position ?? ''}
                onChange={(_, d) => setPosition(d.value as SignaturePosition)}
                data-testid="position"
              >
                {SIGNATURE_POSITIONS.map((p) => (
                  <Radio key={p} value={p} label={SIGNATURE_POSITION_CAPTIONS[p][lang]} />
                ))}
              </RadioGroup>
            </Field>
            <Field
              label={
                position === null
                  ? SIGNATURE_TEXT_RULES.agree.label[lang]
                  : SIGNATURE_TEXT_RULES[position].label[lang]
              }
              required={position !== null && SIGNATURE_TEXT_RULES[position].required}
              validationState={tried && problem !== null ? 'error' : 'none'}
              validationMessage={tried && problem !== null ? problem[lang] : undefined}
            >
              <Textarea
                value={text}
                maxLength={SIGNATURE_TEXT_MAX}
                resize="vertical"
                rows={4}
                onChange={(_, d) => setText(d.value)}
                data-testid="text"
              />
            </Field>
            <div>
              <Button appearance="primary" onClick={start} data-testid="sign">
                {t(lang, 'agencySignButton')}
              </Button>
            </div>
            {signed && (
              <MessageBar intent="success" data-testid="signed">
                <MessageBarBody>{t(lang, 'agencySigned')}</MessageBarBody>
              </MessageBar>
            )}
            {signError !== null && (
              <MessageBar intent="error" data-testid="sign-error">
                <MessageBarBody>{signError.message[lang]}</MessageBarBody>
              </MessageBar>
            )}
          </div>
        </Section>
      )}

      <Section title={t(lang, 'agencyHistory')} id="signatures">
        {view.signatures.length === 0 ? (
          <p>{t(lang, 'agencyNoSignatures')}</p>
        ) : (
          <ScrollTable label={t(lang, 'agencyHistory')} testId="signatures">
            <thead>
              <tr>
                <th scope="col" className={head}>
                  {t(lang, 'colDate')}
                </th>
                <th scope="col" className={head}>
                  {t(lang, 'colPosition')}
                </th>
                <th scope="col" className={head}>
                  {t(lang, 'colText')}
                </th>
                <th scope="col" className={head}>
                  {t(lang, 'colVersion')}
                </th>
                <th scope="col" className={head}>
                  {t(lang, 'colSignedBy')}
                </th>
                <th scope="col" className={head}>
                  {t(lang, 'colState')}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.signatures.map((s) => (
                <tr key={s.id} data-signature={s.position} data-stale={String(s.stale)}>
                  <td className={mergeClasses(page.cell, styles.nowrap)}>
                    {jalaliDay(s.createdAt, lang)}
                  </td>
                  <th scope="row" className={mergeClasses(page.cell, styles.nowrap)}>
                    {SIGNATURE_POSITION_CAPTIONS[s.position][lang]}
                  </th>
                  <td className={mergeClasses(page.cell, styles.wide)}>
                    {s.text === '' ? (
                      t(lang, 'none')
                    ) : (
                      <span className={styles.text}>
                        <Stored>{s.text}</Stored>
                      </span>
                    )}
                  </td>
                  <td className={mergeClasses(page.cell, styles.name)}>{s.snapshot.label[lang]}</td>
                  <td className={mergeClasses(page.cell, styles.name)}>
                    <Stored>{s.signedBy.displayName}</Stored>
                  </td>
                  <td className={page.cell}>
                    <Badge appearance="tint" color={s.stale ? 'warning' : 'success'}>
                      {SIGNOFF_STATE_CAPTIONS[s.stale ? 'stale' : 'current'][lang]}
                    </Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        )}
      </Section>

      <Dialog open={confirming} onOpenChange={(_, d) => !d.open && setConfirming(false)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t(lang, 'agencyConfirmTitle')}</DialogTitle>
            <DialogContent>
              <p>
                {snapshot !== null &&
                  position !== null &&
                  fill(lang, 'agencyConfirmBody', {
                    position: SIGNATURE_POSITION_CAPTIONS[position][lang],
                    agency: <Stored>{view.agency.name}</Stored>,
                    label: snapshot.label[lang],
                  })}
              </p>
              {text.trim() !== '' && (
                <p className={styles.text}>
                  <Stored>{text.trim()}</Stored>
                </p>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" disabled={busy} onClick={sign} data-testid="confirm">
                {t(lang, 'agencyConfirm')}
              </Button>
              <Button onClick={() => setConfirming(false)}>{t(lang, 'cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
