/** @jsxRuntime automatic */
/**
 * The plan's process, guided (`/me/process`, docs/web.md): for the planning office, the
 * reviewers, the approvers and the council, the latest cycle's nine phases with how far each
 * is (counted by the register, `GET /api/cycles/{id}/process`), the office's next step, each
 * department's phases and next step, and the KPIs and projects whose owners have not reported
 * a due period. Each phase links to the help page of its method. Signed out, the page sends
 * the person to the sign-in and back.
 */
import type {
  ApiFailure,
  ApiProcess,
  ApiReminders,
  ApiSignatureList,
  Language,
  SessionClient,
} from '#core';
import {
  PHASE_OWNERS,
  SIGNATURE_POSITION_CAPTIONS,
  SIGNOFF_STATE_CAPTIONS,
  PROCESS_PATH,
  helpPageUrl,
  listSeparator,
  newIdempotencyKey,
  periodCaption,
  signInPath,
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
  Link,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { Iso, PageTitle, ScrollTable, Section, Stored, fill, usePageStyles } from '../components';
import { count, digits, jalaliDate, jalaliDay } from '../format';
import { t } from '../i18n';
import { navigate } from '../router';

const useStyles = makeStyles({
  bar: { minWidth: '6em' },
  muted: { color: tokens.colorNeutralForeground3 },
  // On a phone the tables scroll sideways rather than squeeze names into a word a line.
  name: { minWidth: '11em' },
  wide: { minWidth: '16em' },
  nowrap: { whiteSpace: 'nowrap' },
});

type Load =
  | { state: 'loading' }
  | { state: 'failed'; error: ApiFailure }
  | { state: 'none' }
  | { state: 'ok'; process: ApiProcess; cycle: string };

/** The phases a department carries, in the order the city's table shows them. */
const DEPARTMENT_PHASES = ['programs', 'budget', 'agreement', 'monitoring'] as const;

export function ProcessView(props: { lang: Language; client: SessionClient }) {
  const { lang, client } = props;
  const page = usePageStyles();
  const styles = useStyles();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  // Owners who act: the planning office (approver, admin) reminds those who have not reported.
  const [canRemind, setCanRemind] = useState(false);
  // One key per reminder asked for: a second click or a retry reminds nobody twice.
  const [remind, setRemind] = useState<{ code: string | null; name: string; key: string } | null>(
    null,
  );
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<ApiReminders | null>(null);
  const [remindError, setRemindError] = useState<ApiFailure | null>(null);
  // The agencies' sign-offs of the cycle's strategic document.
  const [signoffs, setSignoffs] = useState<ApiSignatureList | null>(null);
  const signIn = signInPath(lang === 'en' ? `${PROCESS_PATH}?lang=en` : PROCESS_PATH, lang);

  useEffect(() => {
    let live = true;
    void (async () => {
      const cycles = await client.cycles();
      if (!live) return;
      if (!cycles.ok) {
        if (cycles.error.status === 401) navigate(signIn, { replace: true });
        else setLoad({ state: 'failed', error: cycles.error });
        return;
      }
      const session = await client.session();
      if (!live) return;
      setCanRemind(
        session.ok && session.value.user.roles.some((r) => r === 'approver' || r === 'admin'),
      );
      const latest = [...cycles.value].sort((a, b) => b.startYear - a.startYear)[0];
      if (latest === undefined) return setLoad({ state: 'none' });
      const [r, signed] = await Promise.all([
        client.process(latest.id),
        client.signatures(latest.id),
      ]);
      if (!live) return;
      setSignoffs(signed.ok ? signed.value : null);
      if (r.ok)
        setLoad({ state: 'ok', process: r.value, cycle: `${latest.startYear}–${latest.endYear}` });
      else if (r.error.status === 401) navigate(signIn, { replace: true });
      else setLoad({ state: 'failed', error: r.error });
    })();
    return () => {
      live = false;
    };
  }, [client, signIn]);

  if (load.state === 'loading') return <Spinner label={t(lang, 'loading')} />;
  if (load.state === 'failed')
    return (
      <MessageBar intent="error" data-testid="failure">
        <MessageBarBody>{load.error.message[lang]}</MessageBarBody>
      </MessageBar>
    );
  if (load.state === 'none')
    return (
      <div className={page.stack}>
        <PageTitle>{t(lang, 'processPage')}</PageTitle>
        <p>{t(lang, 'processNoCycle')}</p>
      </div>
    );
  const { process } = load;
  const origin = window.location.origin;
  const of = (done: number, total: number) =>
    total === 0
      ? t(lang, 'processNothing')
      : t(lang, 'processOf', { done: count(done, lang), total: count(total, lang) });
  const unreported = process.departments.flatMap((d) =>
    d.unreported.map((u) => ({ ...u, name: d.name })),
  );
  const behind = process.departments.filter((d) => d.unreported.length > 0);
  const send = () => {
    if (remind === null) return;
    setBusy(true);
    setRemindError(null);
    void client
      .sendReminders(
        process.cycleId,
        {
          ...(remind.code !== null && { departments: [remind.code] }),
          ...(note.trim() !== '' && { note: note.trim() }),
        },
        { idempotencyKey: remind.key },
      )
      .then((r) => {
        setBusy(false);
        setRemind(null);
        setNote('');
        if (r.ok) setSent(r.value);
        else if (r.error.status === 401) navigate(signIn, { replace: true });
        else setRemindError(r.error);
      });
  };
  const sentPeople =
    sent === null ? 0 : sent.departments.reduce((n, d) => n + d.recipients.length, 0);
  const sentItems = sent === null ? 0 : sent.departments.reduce((n, d) => n + d.items, 0);
  return (
    <div className={page.stack}>
      <PageTitle>{t(lang, 'processPage')}</PageTitle>
      <p>
        {fill(lang, 'processCycle', {
          cycle: digits(load.cycle, lang),
          day: jalaliDate(process.on, lang),
        })}
      </p>
      <MessageBar intent={process.next === null ? 'success' : 'info'} data-testid="office-next">
        <MessageBarBody>
          {process.next === null
            ? t(lang, 'processAllDone')
            : t(lang, 'processNext', { text: process.next.text[lang] })}
        </MessageBarBody>
      </MessageBar>

      <Section title={t(lang, 'processPhases')} id="phases">
        <ScrollTable label={t(lang, 'processPhases')} testId="phases">
          <thead>
            <tr>
              <th scope="col">{t(lang, 'processPhase')}</th>
              <th scope="col">{t(lang, 'processOwner')}</th>
              <th scope="col">{t(lang, 'processDone')}</th>
              <th scope="col">{t(lang, 'processAbout')}</th>
            </tr>
          </thead>
          <tbody>
            {process.phases.map((p) => (
              <tr key={p.phase} data-phase={p.phase}>
                <th scope="row" className={styles.name}>
                  {p.title[lang]}
                </th>
                <td>{PHASE_OWNERS[p.owner][lang]}</td>
                <td className={styles.nowrap}>
                  {p.score !== null && (
                    <ProgressBar
                      className={styles.bar}
                      value={p.score}
                      color={p.score === 1 ? 'success' : 'brand'}
                      aria-label={p.title[lang]}
                    />
                  )}
                  <span data-testid="count">{of(p.done, p.total)}</span>
                </td>
                <td>
                  {p.help !== null && (
                    <Link href={helpPageUrl(origin, p.help, lang)} target="_blank" rel="noopener">
                      {t(lang, 'processAbout')}
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      </Section>

      {signoffs !== null && signoffs.agencies.length > 0 && (
        <Section title={t(lang, 'signoffs')} id="signoffs">
          <p>{t(lang, 'signoffsIntro')}</p>
          <ScrollTable label={t(lang, 'signoffs')} testId="signoffs">
            <thead>
              <tr>
                <th scope="col" className={mergeClasses(page.cell, page.head)}>
                  {t(lang, 'colAgency')}
                </th>
                <th scope="col" className={mergeClasses(page.cell, page.head)}>
                  {t(lang, 'colPosition')}
                </th>
                <th scope="col" className={mergeClasses(page.cell, page.head)}>
                  {t(lang, 'colText')}
                </th>
                <th scope="col" className={mergeClasses(page.cell, page.head)}>
                  {t(lang, 'colDate')}
                </th>
                <th scope="col" className={mergeClasses(page.cell, page.head)}>
                  {t(lang, 'colVersion')}
                </th>
                <th scope="col" className={mergeClasses(page.cell, page.head)}>
                  {t(lang, 'colState')}
                </th>
              </tr>
            </thead>
            <tbody>
              {signoffs.agencies.map(({ agency, latest }) => (
                <tr key={agency.id} data-agency={agency.id}>
                  <th scope="row" className={mergeClasses(page.cell, styles.name)}>
                    <Stored>{agency.name}</Stored> <Iso className={styles.muted}>{agency.id}</Iso>
                  </th>
                  <td className={mergeClasses(page.cell, styles.nowrap)}>
                    {latest === null
                      ? SIGNOFF_STATE_CAPTIONS.unsigned[lang]
                      : SIGNATURE_POSITION_CAPTIONS[latest.position][lang]}
                  </td>
                  <td className={mergeClasses(page.cell, styles.wide)}>
                    {latest === null || latest.text === '' ? '' : <Stored>{latest.text}</Stored>}
                  </td>
                  <td className={mergeClasses(page.cell, styles.nowrap)}>
                    {latest === null ? '' : jalaliDay(latest.createdAt, lang)}
                  </td>
                  <td className={mergeClasses(page.cell, styles.name)}>
                    {latest === null ? '' : latest.snapshot.label[lang]}
                  </td>
                  <td className={page.cell}>
                    {latest !== null && (
                      <Badge appearance="tint" color={latest.stale ? 'warning' : 'success'}>
                        {SIGNOFF_STATE_CAPTIONS[latest.stale ? 'stale' : 'current'][lang]}
                      </Badge>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        </Section>
      )}

      <Section title={t(lang, 'processDepartments')} id="departments">
        <ScrollTable label={t(lang, 'processDepartments')} testId="departments">
          <thead>
            <tr>
              <th scope="col">{t(lang, 'processDepartment')}</th>
              {DEPARTMENT_PHASES.map((id) => (
                <th scope="col" key={id}>
                  {process.phases.find((p) => p.phase === id)?.title[lang] ?? id}
                </th>
              ))}
              <th scope="col">{t(lang, 'processDeptNext')}</th>
              {canRemind && <th scope="col">{t(lang, 'processRemind')}</th>}
            </tr>
          </thead>
          <tbody>
            {process.departments.map((d) => (
              <tr key={d.code} data-dept={d.code}>
                <th scope="row" className={styles.name}>
                  <Stored>{d.name}</Stored> <Iso className={styles.muted}>{d.code}</Iso>
                </th>
                {DEPARTMENT_PHASES.map((id) => {
                  const p = d.phases.find((x) => x.phase === id);
                  return (
                    <td key={id} className={styles.nowrap}>
                      {p === undefined ? '' : of(p.done, p.total)}
                    </td>
                  );
                })}
                <td className={styles.wide}>
                  {d.next === null ? t(lang, 'processNone') : d.next.text[lang]}
                </td>
                {canRemind && (
                  <td className={styles.nowrap}>
                    {d.unreported.length > 0 && (
                      <Button
                        size="small"
                        data-remind={d.code}
                        onClick={() =>
                          setRemind({ code: d.code, name: d.name, key: newIdempotencyKey('web') })
                        }
                      >
                        {t(lang, 'remind')}
                      </Button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      </Section>

      <Section title={t(lang, 'processUnreported')} id="unreported">
        <p>{t(lang, 'processUnreportedIntro')}</p>
        {sent !== null && (
          <MessageBar
            intent={sent.notifications > 0 ? 'success' : 'warning'}
            data-testid="reminded"
          >
            <MessageBarBody>
              {sent.notifications === 0
                ? t(lang, 'remindNobody')
                : t(lang, 'remindSent', {
                    people: count(sentPeople, lang),
                    departments: count(sent.departments.length, lang),
                    items: count(sentItems, lang),
                  })}
              {sent.emails !== null && sent.emails.sent !== null && sent.emails.addressed > 0 && (
                <>
                  {' '}
                  <span data-testid="emailed">
                    {t(lang, 'remindEmailed', {
                      sent: count(sent.emails.sent, lang),
                      addressed: count(sent.emails.addressed, lang),
                    })}
                  </span>
                </>
              )}
              {sent.emails !== null && sent.emails.failed.length > 0 && (
                <>
                  {' '}
                  {t(lang, 'remindEmailFailed', {
                    names: sent.emails.failed.map((f) => f.displayName).join(listSeparator(lang)),
                  })}
                </>
              )}
            </MessageBarBody>
          </MessageBar>
        )}
        {remindError !== null && (
          <MessageBar intent="error">
            <MessageBarBody>{remindError.message[lang]}</MessageBarBody>
          </MessageBar>
        )}
        {canRemind && behind.length > 1 && (
          <div>
            <Button
              appearance="primary"
              data-testid="remind-all"
              onClick={() =>
                setRemind({
                  code: null,
                  name: t(lang, 'remindAllWho'),
                  key: newIdempotencyKey('web'),
                })
              }
            >
              {t(lang, 'remindAll')}
            </Button>
          </div>
        )}
        {process.periodsDue.length === 0 ? (
          <p>{t(lang, 'processNoneDue')}</p>
        ) : unreported.length === 0 ? (
          <p>{t(lang, 'processAllReported')}</p>
        ) : (
          <ScrollTable label={t(lang, 'processUnreported')} testId="unreported">
            <thead>
              <tr>
                <th scope="col">{t(lang, 'processPeriod')}</th>
                <th scope="col">{t(lang, 'processDepartment')}</th>
                <th scope="col">{t(lang, 'processItem')}</th>
              </tr>
            </thead>
            <tbody>
              {unreported.map((u) => (
                <tr key={`${u.period.year}-${u.period.period}-${u.kind}-${u.id}`}>
                  <td className={styles.nowrap}>
                    {periodCaption(u.period.year, u.period.period, lang)}
                  </td>
                  <td className={styles.name}>
                    <Stored>{u.name}</Stored>
                  </td>
                  <td className={styles.wide}>
                    {t(lang, u.kind === 'kpi' ? 'processKpi' : 'processProject')} <Iso>{u.id}</Iso>{' '}
                    <Stored>{u.title}</Stored>
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        )}
      </Section>
      <Dialog open={remind !== null} onOpenChange={(_, d) => !d.open && setRemind(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>
              {remind !== null &&
                fill(lang, 'remindTitle', { who: <Stored>{remind.name}</Stored> })}
            </DialogTitle>
            <DialogContent>
              <p>{t(lang, 'remindBody')}</p>
              <Field label={t(lang, 'remindNote')}>
                <Textarea value={note} onChange={(_, d) => setNote(d.value)} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" disabled={busy} onClick={send} data-testid="remind-send">
                {t(lang, 'remindSend')}
              </Button>
              <Button onClick={() => setRemind(null)}>{t(lang, 'cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
