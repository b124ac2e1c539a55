/**
 * «رایزنی» (The consultation, `/me/consultation`; issue 15, "Stakeholders"): the latest cycle's
 * consultation as the register lets the signed-in person see it (`GET /api/consultations/{id}`,
 * the core's rules). Agencies' representatives and stakeholders comment on, propose a change
 * to, endorse or object to a goal, strategy, program or project, and endorse or object to a
 * proposal (for their organisation when they choose); the planning office opens and closes the
 * consultation, answers each proposal (accepted and linked to the snapshot where it landed,
 * rejected with a reason, merged into another) and hides what breaks the rules, with a reason.
 * Everyone follows a proposal to its outcome. Stored text is shown as text, never as HTML.
 */
import type {
  AnswerBody,
  ApiConsultation,
  ApiConsultationView,
  ApiContribution,
  ApiFailure,
  ApiSnapshot,
  ContributionKind,
  Language,
  PlanTargetKind,
  SessionClient,
} from '#core';
import {
  CONSULTATION_STAFF,
  CONSULTATION_STATUS_CAPTIONS,
  CONTRIBUTION_CAPTIONS,
  CONTRIBUTION_KINDS,
  OUTCOME_CAPTIONS,
  PLAN_TARGET_KINDS,
  PROPOSAL_OUTCOMES,
  TARGET_CAPTIONS,
  signInPath,
} from '#core';
import {
  Badge,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import {
  Failure,
  Iso,
  PageTitle,
  ScrollTable,
  Section,
  Stored,
  usePageStyles,
} from '../components';
import { count, jalaliDay } from '../format';
import { t } from '../i18n';
import { navigate } from '../router';
import { CONSULTATION_PATH } from '#core';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  stretch: { alignSelf: 'stretch' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 },
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '44rem',
    minWidth: 0,
  },
  // A list of the plan's items: as wide as the form, never wider (a long title on a phone).
  full: { width: '100%', maxWidth: '100%', minWidth: 0 },
  fullSelect: { maxWidth: '100%', textOverflow: 'ellipsis' },
});

type Load =
  | { state: 'loading' }
  | { state: 'failed'; error: ApiFailure }
  | { state: 'no-cycle' }
  | {
      state: 'ok';
      cycleId: string;
      staff: boolean;
      view: ApiConsultationView | null;
      snapshots: ApiSnapshot[];
    };

/** What an answer dialog holds. */
interface AnswerDraft {
  proposal: ApiContribution;
  outcome: AnswerBody['outcome'];
  snapshotId: string;
  mergedIntoId: string;
  reason: string;
}

/** "2 people, 1 organisation" for one side of a tally (the council's review says it too). */
export function side(lang: Language, n: { people: number; organisations: number }): string {
  const people = t(lang, n.people === 1 ? 'consultPerson' : 'consultPeople', {
    n: count(n.people, lang),
  });
  const organisations = t(
    lang,
    n.organisations === 1 ? 'consultOrganisation' : 'consultOrganisations',
    {
      n: count(n.organisations, lang),
    },
  );
  return `${people}${lang === 'fa' ? '، ' : ', '}${organisations}`;
}

export function ConsultationView(props: { lang: Language; client: SessionClient }) {
  const { lang, client } = props;
  const page = usePageStyles();
  const styles = useStyles();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [error, setError] = useState<ApiFailure | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The contribution form.
  const [targetKind, setTargetKind] = useState<PlanTargetKind>('project');
  const [targetId, setTargetId] = useState('');
  const [kind, setKind] = useState<ContributionKind>('comment');
  const [text, setText] = useState('');
  const [onBehalf, setOnBehalf] = useState(false);
  // Endorsements and objections of proposals for the person's organisation.
  const [forOrganisation, setForOrganisation] = useState(false);
  // Opening one (the planning office).
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  // Dialogs.
  const [answer, setAnswer] = useState<AnswerDraft | null>(null);
  const [hide, setHide] = useState<{ c: ApiContribution; reason: string } | null>(null);
  const [closing, setClosing] = useState(false);
  const here = lang === 'en' ? `${CONSULTATION_PATH}?lang=en` : CONSULTATION_PATH;
  const signIn = signInPath(here, lang);

  const reload = useCallback(async () => {
    const cycles = await client.cycles();
    if (!cycles.ok) {
      if (cycles.error.status === 401) navigate(signIn, { replace: true });
      else setLoad({ state: 'failed', error: cycles.error });
      return;
    }
    const latest = [...cycles.value].sort((a, b) => b.startYear - a.startYear)[0];
    if (latest === undefined) return setLoad({ state: 'no-cycle' });
    const session = await client.session();
    const staff =
      session.ok && session.value.user.roles.some((r) => CONSULTATION_STAFF.includes(r));
    const list = await client.consultations(latest.id);
    if (!list.ok) return setLoad({ state: 'failed', error: list.error });
    const chosen: ApiConsultation | undefined =
      list.value.find((c) => c.status === 'open') ?? list.value[0];
    const view = chosen === undefined ? null : await client.consultation(chosen.id);
    if (view !== null && !view.ok) return setLoad({ state: 'failed', error: view.error });
    const snapshots = staff ? await client.snapshots(latest.id) : null;
    setLoad({
      state: 'ok',
      cycleId: latest.id,
      staff,
      view: view === null ? null : view.value,
      snapshots: snapshots?.ok === true ? snapshots.value : [],
    });
  }, [client, signIn]);

  useEffect(() => {
    void reload();
  }, [reload]);

  if (load.state === 'loading') return <Spinner label={t(lang, 'loading')} />;
  if (load.state === 'failed') return <Failure lang={lang} error={load.error} />;
  if (load.state === 'no-cycle')
    return (
      <div className={page.stack}>
        <PageTitle>{t(lang, 'consultPage')}</PageTitle>
        <p>{t(lang, 'processNoCycle')}</p>
      </div>
    );

  const act = async (
    work: () => Promise<{ ok: true } | { ok: false; error: ApiFailure }>,
    message: string,
  ) => {
    setBusy(true);
    setError(null);
    setDone(null);
    const r = await work();
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setDone(message);
    await reload();
  };

  const { view, staff } = load;
  if (view === null)
    return (
      <div className={page.stack}>
        <PageTitle>{t(lang, 'consultPage')}</PageTitle>
        <p>{t(lang, 'consultNone')}</p>
        <Failure lang={lang} error={error} />
        {staff && (
          <Section title={t(lang, 'consultOpen')} id="open">
            <div className={styles.form}>
              <Field label={t(lang, 'consultTitle')} required>
                <Input value={title} onChange={(_, d) => setTitle(d.value)} name="title" />
              </Field>
              <Field label={t(lang, 'consultNote')}>
                <Textarea value={note} onChange={(_, d) => setNote(d.value)} name="note" />
              </Field>
              <div>
                <Button
                  appearance="primary"
                  disabled={busy || title.trim() === ''}
                  onClick={() =>
                    void act(
                      () =>
                        client.openConsultation(load.cycleId, {
                          title,
                          ...(note.trim() !== '' && { note }),
                        }),
                      t(lang, 'consultOpened'),
                    )
                  }
                >
                  {t(lang, 'consultOpen')}
                </Button>
              </div>
            </div>
          </Section>
        )}
      </div>
    );

  const { consultation, can } = view;
  const targets = view.targets.filter((x) => x.kind === targetKind);
  const position = kind === 'endorsement' || kind === 'objection';
  const proposals = view.contributions.filter((c) => c.kind === 'proposal');
  const comments = view.contributions.filter((c) => c.kind === 'comment');
  const titleOf = (kindOf: string, id: string) =>
    view.targets.find((x) => x.kind === kindOf && x.id === id)?.title ?? '';
  const later = load.snapshots.filter((s) => s.number > consultation.snapshot.number);

  const submit = () =>
    void act(
      () =>
        client.contribute(consultation.id, {
          kind,
          target: { kind: targetKind, id: targetId },
          ...(text.trim() !== '' && { text }),
          ...(position && onBehalf && { onBehalf: true }),
        }),
      t(lang, 'consultSaved'),
    ).then(() => setText(''));

  const positionOn = (c: ApiContribution, k: 'endorsement' | 'objection') =>
    void act(
      () =>
        client.contribute(consultation.id, {
          kind: k,
          target: { kind: 'proposal', id: c.id },
          ...(forOrganisation && can.onBehalf && { onBehalf: true }),
        }),
      t(lang, 'consultSaved'),
    );

  // Who and when, each part its own box: Persian names in an English line (and back) keep
  // their places whatever the line breaks.
  const who = (c: ApiContribution) => (
    <span className={styles.meta}>
      {[
        c.organisation !== null && <Stored key="o">{c.organisation.name}</Stored>,
        c.author !== null && <Stored key="a">{c.author}</Stored>,
        c.mine && <span key="m">{t(lang, 'consultMine')}</span>,
        c.onBehalf && <span key="b">{t(lang, 'consultOnBehalfMark')}</span>,
        <span key="d">{jalaliDay(c.createdAt, lang)}</span>,
      ].filter((x) => x !== false)}
    </span>
  );

  const hiddenNote = (c: ApiContribution) =>
    c.hidden !== null && (
      <MessageBar intent="warning" layout="multiline" className={styles.stretch}>
        <MessageBarBody>
          {t(lang, 'consultHidden')} <Stored>{c.hidden.reason}</Stored>
        </MessageBarBody>
      </MessageBar>
    );

  const target = (c: ApiContribution) => (
    <span>
      {TARGET_CAPTIONS[c.target.kind][lang]}{' '}
      {c.target.kind === 'proposal' ? (
        <Link href={`#contribution-${c.target.id}`}>{t(lang, 'consultThatProposal')}</Link>
      ) : (
        <>
          <Iso>{c.target.id}</Iso> <Stored>{c.target.title}</Stored>
        </>
      )}
    </span>
  );

  const outcome = (c: ApiContribution) => {
    const a = c.answer;
    if (a === null)
      return (
        <Badge appearance="outline" color="informative">
          {OUTCOME_CAPTIONS.pending[lang]}
        </Badge>
      );
    return (
      <div className={styles.row} data-outcome={a.outcome}>
        <Badge
          appearance="filled"
          color={
            a.outcome === 'accepted'
              ? 'success'
              : a.outcome === 'rejected'
                ? 'danger'
                : 'informative'
          }
        >
          {OUTCOME_CAPTIONS[a.outcome][lang]}
        </Badge>
        {a.snapshot !== null && (
          <span>{t(lang, 'consultLanded', { number: count(a.snapshot.number, lang) })}</span>
        )}
        {a.mergedIntoId !== null && (
          <Link href={`#contribution-${a.finalId}`}>{t(lang, 'consultFollow')}</Link>
        )}
        {a.reason !== null && <Stored>{a.reason}</Stored>}
      </div>
    );
  };

  return (
    <div className={page.stack}>
      <PageTitle>{t(lang, 'consultPage')}</PageTitle>
      <Section title={<Stored>{consultation.title}</Stored>} id="consultation">
        <div className={styles.row}>
          <Badge appearance="tint" color={consultation.status === 'open' ? 'success' : 'subtle'}>
            {CONSULTATION_STATUS_CAPTIONS[consultation.status][lang]}
          </Badge>
          <span>
            {t(lang, 'consultOn', {
              number: count(consultation.snapshot.number, lang),
              day: jalaliDay(consultation.openedAt, lang),
            })}
          </span>
        </div>
        {consultation.note !== null && (
          <p className={styles.text}>
            <Stored>{consultation.note}</Stored>
          </p>
        )}
        {can.moderate && consultation.status === 'open' && (
          <div>
            <Button onClick={() => setClosing(true)}>{t(lang, 'consultClose')}</Button>
          </div>
        )}
      </Section>
      <Failure lang={lang} error={error} />
      {done !== null && (
        <MessageBar intent="success" data-testid="done">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}

      {can.contribute && (
        <Section title={t(lang, 'consultSay')} id="say">
          <div className={styles.form}>
            <Field label={t(lang, 'consultAbout')}>
              <Select
                name="target-kind"
                value={targetKind}
                onChange={(_, d) => {
                  setTargetKind(d.value as PlanTargetKind);
                  setTargetId('');
                }}
              >
                {PLAN_TARGET_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {TARGET_CAPTIONS[k][lang]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t(lang, 'consultItem')} required>
              <Select
                name="target"
                value={targetId}
                onChange={(_, d) => setTargetId(d.value)}
                className={styles.full}
                select={{ className: styles.fullSelect }}
              >
                <option value="">{t(lang, 'consultChoose')}</option>
                {targets.map((x) => (
                  <option key={x.id} value={x.id}>
                    {`\u2066${x.id}\u2069 ${x.title}`}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t(lang, 'consultKind')}>
              <RadioGroup
                layout="horizontal"
                value={kind}
                onChange={(_, d) => setKind(d.value as ContributionKind)}
              >
                {CONTRIBUTION_KINDS.map((k) => (
                  <Radio key={k} value={k} label={CONTRIBUTION_CAPTIONS[k][lang]} />
                ))}
              </RadioGroup>
            </Field>
            <Field
              label={t(lang, position ? 'consultTextOptional' : 'consultText')}
              required={!position}
            >
              <Textarea
                value={text}
                onChange={(_, d) => setText(d.value)}
                name="text"
                resize="vertical"
              />
            </Field>
            {can.onBehalf && (
              <Checkbox
                checked={position && onBehalf}
                disabled={!position}
                onChange={(_, d) => setOnBehalf(d.checked === true)}
                label={t(lang, 'consultOnBehalf')}
              />
            )}
            <div>
              <Button
                appearance="primary"
                disabled={busy || targetId === '' || (!position && text.trim() === '')}
                onClick={submit}
                data-testid="contribute"
              >
                {t(lang, 'consultSend')}
              </Button>
            </div>
          </div>
        </Section>
      )}

      <Section title={t(lang, 'consultProposals')} id="proposals">
        {proposals.length === 0 && <p className={page.muted}>{t(lang, 'consultNoProposals')}</p>}
        {can.contribute && can.onBehalf && proposals.length > 0 && (
          <Checkbox
            checked={forOrganisation}
            onChange={(_, d) => setForOrganisation(d.checked === true)}
            label={t(lang, 'consultOnBehalf')}
          />
        )}
        {proposals.map((c) => (
          <article
            key={c.id}
            id={`contribution-${c.id}`}
            className={styles.item}
            tabIndex={-1}
            aria-label={`${CONTRIBUTION_CAPTIONS.proposal[lang]} ${TARGET_CAPTIONS[c.target.kind][lang]} ${c.target.id}`}
            data-contribution={c.id}
          >
            {target(c)}
            <p className={styles.text}>
              <Stored>{c.text ?? ''}</Stored>
            </p>
            {who(c)}
            {c.tally !== null && (
              <span>
                {t(lang, 'consultEndorse')}: {side(lang, c.tally.endorse)} ·{' '}
                {t(lang, 'consultObject')}: {side(lang, c.tally.object)}
              </span>
            )}
            {outcome(c)}
            {hiddenNote(c)}
            <div className={styles.row}>
              {can.contribute && c.hidden === null && c.answer === null && (
                <>
                  <Button size="small" disabled={busy} onClick={() => positionOn(c, 'endorsement')}>
                    {t(lang, 'consultIEndorse')}
                  </Button>
                  <Button size="small" disabled={busy} onClick={() => positionOn(c, 'objection')}>
                    {t(lang, 'consultIObject')}
                  </Button>
                </>
              )}
              {can.moderate && (
                <>
                  <Button
                    size="small"
                    appearance="primary"
                    onClick={() =>
                      setAnswer({
                        proposal: c,
                        outcome: 'accepted',
                        snapshotId: later.at(-1)?.id ?? '',
                        mergedIntoId: '',
                        reason: '',
                      })
                    }
                  >
                    {t(lang, 'consultAnswer')}
                  </Button>
                  {c.hidden === null && (
                    <Button size="small" onClick={() => setHide({ c, reason: '' })}>
                      {t(lang, 'consultHide')}
                    </Button>
                  )}
                </>
              )}
            </div>
          </article>
        ))}
      </Section>

      <Section title={t(lang, 'consultComments')} id="comments">
        {comments.length === 0 && <p className={page.muted}>{t(lang, 'consultNoComments')}</p>}
        {comments.map((c) => (
          <article
            key={c.id}
            id={`contribution-${c.id}`}
            className={styles.item}
            data-contribution={c.id}
          >
            {target(c)}
            <p className={styles.text}>
              <Stored>{c.text ?? ''}</Stored>
            </p>
            {who(c)}
            {hiddenNote(c)}
            {can.moderate && c.hidden === null && (
              <div>
                <Button size="small" onClick={() => setHide({ c, reason: '' })}>
                  {t(lang, 'consultHide')}
                </Button>
              </div>
            )}
          </article>
        ))}
      </Section>

      <Section title={t(lang, 'consultPositions')} id="positions">
        {view.tallies.length === 0 ? (
          <p className={page.muted}>{t(lang, 'consultNoPositions')}</p>
        ) : (
          <ScrollTable label={t(lang, 'consultPositions')} testId="positions-table">
            <thead>
              <tr>
                <th className={`${page.cell} ${page.head}`}>{t(lang, 'consultItem')}</th>
                <th className={`${page.cell} ${page.head} ${page.num}`}>
                  {t(lang, 'consultEndorse')}
                </th>
                <th className={`${page.cell} ${page.head} ${page.num}`}>
                  {t(lang, 'consultObject')}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.tallies.map(({ target: x, tally }) => (
                <tr key={`${x.kind}:${x.id}`}>
                  <td className={page.cell}>
                    {TARGET_CAPTIONS[x.kind][lang]} <Iso>{x.id}</Iso>{' '}
                    <Stored>{titleOf(x.kind, x.id)}</Stored>
                  </td>
                  <td className={`${page.cell} ${page.num}`}>{side(lang, tally.endorse)}</td>
                  <td className={`${page.cell} ${page.num}`}>{side(lang, tally.object)}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        )}
      </Section>

      <Dialog open={answer !== null} onOpenChange={(_, d) => !d.open && setAnswer(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t(lang, 'consultAnswerTitle')}</DialogTitle>
            <DialogContent>
              {answer !== null && (
                <div className={styles.form}>
                  <p className={styles.text}>
                    <Stored>{answer.proposal.text ?? ''}</Stored>
                  </p>
                  <Field label={t(lang, 'consultOutcome')}>
                    <RadioGroup
                      value={answer.outcome}
                      onChange={(_, d) =>
                        setAnswer({ ...answer, outcome: d.value as AnswerBody['outcome'] })
                      }
                    >
                      {PROPOSAL_OUTCOMES.map((o) => (
                        <Radio key={o} value={o} label={OUTCOME_CAPTIONS[o][lang]} />
                      ))}
                    </RadioGroup>
                  </Field>
                  {answer.outcome === 'accepted' && (
                    <Field
                      label={t(lang, 'consultLandedIn')}
                      required
                      hint={later.length === 0 ? t(lang, 'consultNoLater') : undefined}
                    >
                      <Select
                        value={answer.snapshotId}
                        onChange={(_, d) => setAnswer({ ...answer, snapshotId: d.value })}
                      >
                        {later.map((s) => (
                          <option key={s.id} value={s.id}>
                            {t(lang, 'consultSnapshot', { number: count(s.number, lang) })}
                          </option>
                        ))}
                      </Select>
                    </Field>
                  )}
                  {answer.outcome === 'merged' && (
                    <Field label={t(lang, 'consultMergeInto')} required>
                      <Select
                        value={answer.mergedIntoId}
                        onChange={(_, d) => setAnswer({ ...answer, mergedIntoId: d.value })}
                      >
                        <option value="">{t(lang, 'consultChoose')}</option>
                        {proposals
                          .filter((p) => p.id !== answer.proposal.id)
                          .map((p) => (
                            <option key={p.id} value={p.id}>
                              {`\u2066${p.target.id}\u2069 ${(p.text ?? '').slice(0, 60)}`}
                            </option>
                          ))}
                      </Select>
                    </Field>
                  )}
                  <Field
                    label={t(
                      lang,
                      answer.outcome === 'rejected' ? 'consultWhy' : 'consultWhyOptional',
                    )}
                    required={answer.outcome === 'rejected'}
                  >
                    <Textarea
                      value={answer.reason}
                      onChange={(_, d) => setAnswer({ ...answer, reason: d.value })}
                    />
                  </Field>
                </div>
              )}
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                disabled={busy}
                data-testid="answer-send"
                onClick={() => {
                  if (answer === null) return;
                  const reason = answer.reason.trim() === '' ? undefined : answer.reason;
                  const body: AnswerBody =
                    answer.outcome === 'accepted'
                      ? {
                          outcome: 'accepted',
                          snapshotId: answer.snapshotId,
                          ...(reason !== undefined && { reason }),
                        }
                      : answer.outcome === 'merged'
                        ? {
                            outcome: 'merged',
                            mergedIntoId: answer.mergedIntoId,
                            ...(reason !== undefined && { reason }),
                          }
                        : { outcome: 'rejected', reason: answer.reason };
                  const id = answer.proposal.id;
                  setAnswer(null);
                  void act(() => client.answerContribution(id, body), t(lang, 'consultAnswered'));
                }}
              >
                {t(lang, 'consultAnswer')}
              </Button>
              <Button onClick={() => setAnswer(null)}>{t(lang, 'cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>

      <Dialog open={hide !== null} onOpenChange={(_, d) => !d.open && setHide(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t(lang, 'consultHideTitle')}</DialogTitle>
            <DialogContent>
              {hide !== null && (
                <div className={styles.form}>
                  <p className={styles.text}>
                    <Stored>{hide.c.text ?? ''}</Stored>
                  </p>
                  <Field label={t(lang, 'consultWhy')} required>
                    <Textarea
                      value={hide.reason}
                      onChange={(_, d) => setHide({ ...hide, reason: d.value })}
                    />
                  </Field>
                </div>
              )}
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                disabled={busy || hide === null || hide.reason.trim() === ''}
                data-testid="hide-send"
                onClick={() => {
                  if (hide === null) return;
                  const { c, reason } = hide;
                  setHide(null);
                  void act(
                    () => client.hideContribution(c.id, { reason }),
                    t(lang, 'consultHiddenDone'),
                  );
                }}
              >
                {t(lang, 'consultHide')}
              </Button>
              <Button onClick={() => setHide(null)}>{t(lang, 'cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>

      <Dialog open={closing} onOpenChange={(_, d) => !d.open && setClosing(false)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t(lang, 'consultClose')}</DialogTitle>
            <DialogContent>{t(lang, 'consultCloseBody')}</DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                disabled={busy}
                onClick={() => {
                  setClosing(false);
                  void act(
                    () => client.closeConsultation(consultation.id),
                    t(lang, 'consultClosed'),
                  );
                }}
              >
                {t(lang, 'consultClose')}
              </Button>
              <Button onClick={() => setClosing(false)}>{t(lang, 'cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
