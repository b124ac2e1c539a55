/** @jsxRuntime automatic */
/**
 * The council's pages (docs/web.md, "The council · شورا"). `/me/council`: the latest cycle's
 * snapshots of the city plan (number, status, the day it was made, baseline or revision, the
 * resolution). `/me/council/<id>`: one snapshot's review (its cost per year and the fiscal gap
 * per scenario as the core measured them, its impact against the baseline, the council's
 * amendments) and the actions the core's `judgeSnapshotAction` allows the person: send to the
 * council (the planning office), adopt with a resolution, return with amendments per row,
 * publish. Each action is confirmed, then the page shows the new status. Everyone else who may
 * read snapshots (reviewers, approvers, admins) sees the same pages with the actions they may
 * take, or none. Signed out, the pages send the person to the sign-in and back.
 */
import type {
  AmendmentKind,
  AmendmentProblem,
  AmendmentProposal,
  ApiAmendment,
  ApiAmendmentList,
  ApiFailure,
  ApiPublicPlan,
  ApiSnapshot,
  ApiSnapshotImpact,
  ApiSnapshotTransition,
  Bilingual,
  Language,
  Role,
  SessionClient,
  SnapshotAction,
} from '#core';
import {
  AMENDMENT_KIND_CAPTIONS,
  AMENDMENT_KINDS,
  AMENDMENT_STATUS_CAPTIONS,
  CHANGE_KINDS,
  COUNCIL_PATH,
  SNAPSHOT_ACTION_CAPTIONS,
  SNAPSHOT_MAKERS,
  SNAPSHOT_STATUS_CAPTIONS,
  amendmentPlanOf,
  amendmentProblemsOf,
  councilSnapshotPath,
  fsi,
  judgeSnapshotAction,
  normaliseNumberText,
  parseJalaliDate,
  scenarioCaption,
  signInPath,
  toLatinDigits,
  validateAmendments,
  webPath,
  LATEST,
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
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import {
  AppLink,
  Failure,
  Iso,
  PageTitle,
  ScrollTable,
  Section,
  Stored,
  fill,
  usePageStyles,
} from '../components';
import { billions, count, digits, jalaliDate, jalaliDay, year } from '../format';
import { VoicesSection } from './VoicesSection';
import { t } from '../i18n';
import { navigate } from '../router';

const useStyles = makeStyles({
  nowrap: { whiteSpace: 'nowrap' },
  name: { minWidth: '11em' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(12em, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
    // A picker as wide as its longest title must not push past its column.
    '& > *': { minWidth: 0 },
  },
  picker: { minWidth: 0, maxWidth: '100%', '& select': { minWidth: 0, maxWidth: '100%' } },
  amendment: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, paddingInline: tokens.spacingHorizontalXS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  head: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  negative: { color: tokens.colorPaletteRedForeground1 },
  cellStack: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'start',
    gap: tokens.spacingVerticalXS,
  },
});

/** Whether a person may read the council's pages at all (the roles that read snapshots). */
const READERS: readonly Role[] = ['reviewer', 'approver', 'council', 'admin'];

/** The sign-in address that comes back to `path`. */
const signInFor = (path: string, lang: Language) =>
  signInPath(lang === 'en' ? `${path}?lang=en` : path, lang);

/** A status as a badge. */
function StatusBadge(props: { lang: Language; snapshot: ApiSnapshot }) {
  const { snapshot, lang } = props;
  const color =
    snapshot.status === 'adopted'
      ? 'success'
      : snapshot.status === 'returned'
        ? 'danger'
        : snapshot.status === 'council-review'
          ? 'brand'
          : 'informative';
  return (
    <Badge appearance="tint" color={color} data-status={snapshot.status}>
      {SNAPSHOT_STATUS_CAPTIONS[snapshot.status][lang]}
      {snapshot.publishedAt !== null && ` · ${t(lang, 'councilPublished')}`}
    </Badge>
  );
}

// ---------------------------------------------------------------------------------------------
// The list

type ListLoad =
  | { state: 'loading' }
  | { state: 'failed'; error: ApiFailure }
  | { state: 'none' }
  | { state: 'ok'; cycle: string; snapshots: ApiSnapshot[] };

/** `/me/council`: the latest cycle's snapshots, newest first. */
export function CouncilListView(props: { lang: Language; client: SessionClient }) {
  const { lang, client } = props;
  const page = usePageStyles();
  const styles = useStyles();
  const [load, setLoad] = useState<ListLoad>({ state: 'loading' });
  const signIn = signInFor(COUNCIL_PATH, lang);
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
      const latest = [...cycles.value].sort((a, b) => b.startYear - a.startYear)[0];
      if (latest === undefined) return setLoad({ state: 'none' });
      const r = await client.snapshots(latest.id);
      if (!live) return;
      if (r.ok)
        setLoad({
          state: 'ok',
          cycle: `${latest.startYear}–${latest.endYear}`,
          snapshots: [...r.value].sort((a, b) => b.number - a.number),
        });
      else if (r.error.status === 401) navigate(signIn, { replace: true });
      else setLoad({ state: 'failed', error: r.error });
    })();
    return () => {
      live = false;
    };
  }, [client, signIn]);

  if (load.state === 'loading') return <Spinner label={t(lang, 'loading')} />;
  if (load.state === 'failed') return <Failure lang={lang} error={load.error} />;
  const head = mergeClasses(page.cell, page.head);
  const baseline = load.state === 'ok' ? load.snapshots.find((s) => s.baseline) : undefined;
  return (
    <div className={page.stack}>
      <PageTitle>{t(lang, 'councilPage')}</PageTitle>
      <p>{t(lang, 'councilIntro')}</p>
      {load.state === 'none' || load.snapshots.length === 0 ? (
        <p>{t(lang, 'councilNone')}</p>
      ) : (
        <Section
          title={t(lang, 'councilCycle', { cycle: digits(load.cycle, lang) })}
          id="snapshots"
        >
          <ScrollTable label={t(lang, 'councilList')} testId="snapshots">
            <thead>
              <tr>
                {(
                  [
                    'councilNumber',
                    'councilStatus',
                    'councilMade',
                    'councilKind',
                    'councilResolution',
                  ] as const
                ).map((k) => (
                  <th key={k} scope="col" className={head}>
                    {t(lang, k)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {load.snapshots.map((s) => (
                <tr key={s.id} data-snapshot={s.number}>
                  <th scope="row" className={mergeClasses(page.cell, styles.nowrap)}>
                    <AppLink href={councilSnapshotPath(s.id, lang)}>
                      {t(lang, 'councilOpen', { n: s.number })}
                    </AppLink>
                  </th>
                  <td className={mergeClasses(page.cell, styles.nowrap)}>
                    <StatusBadge lang={lang} snapshot={s} />
                  </td>
                  <td className={mergeClasses(page.cell, styles.nowrap)}>
                    {jalaliDay(s.createdAt, lang)}
                  </td>
                  <td className={page.cell}>
                    {s.baseline
                      ? t(lang, 'councilBaseline')
                      : baseline !== undefined && s.number > baseline.number
                        ? t(lang, 'councilRevision')
                        : ''}
                  </td>
                  <td className={mergeClasses(page.cell, styles.name)}>
                    {s.adoption !== null &&
                      fill(lang, 'adoptedBy', {
                        resolution: <Iso>{digits(s.adoption.resolutionNumber, lang)}</Iso>,
                        date: jalaliDate(s.adoption.resolutionDate, lang),
                      })}
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        </Section>
      )}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// The review

interface Review {
  snapshot: ApiSnapshot;
  plan: ApiPublicPlan;
  impact: ApiSnapshotImpact;
  amendments: ApiAmendmentList;
  roles: readonly Role[];
  /**
   * For the planning office: the open amendments of the cycle's earlier returned snapshots,
   * each with its snapshot's number, to link to this one where they landed.
   */
  open: { number: number; amendment: ApiAmendment }[];
}

type ReviewLoad =
  { state: 'loading' } | { state: 'failed'; error: ApiFailure } | { state: 'ok'; review: Review };

/** One amendment row of the return form, as typed. */
interface Row {
  key: number;
  kind: AmendmentKind;
  itemId: string;
  year: string;
  amount: string;
  text: string;
}

/** What the adopt form holds, as typed. */
interface AdoptForm {
  number: string;
  date: string;
  votesFor: string;
  votesAgainst: string;
  votesAbstaining: string;
}

type Pending =
  | { action: 'send-to-council' | 'publish' }
  | { action: 'adopt'; resolution: NonNullable<ApiSnapshotTransition['resolution']> }
  | { action: 'return'; note: string; amendments: AmendmentProposal[] };

const VOTES = ['votesFor', 'votesAgainst', 'votesAbstaining'] as const;

/** A vote typed in any digits: a whole number ≥ 0, or null. */
function voteOf(text: string): number | null {
  const n = normaliseNumberText(text);
  return /^\d{1,6}$/.test(n) ? Number(n) : null;
}

/** `/me/council/<id>`: one snapshot's review and the council's actions on it. */
export function CouncilReviewView(props: {
  lang: Language;
  client: SessionClient;
  snapshotId: string;
}) {
  const { lang, client, snapshotId } = props;
  const page = usePageStyles();
  const styles = useStyles();
  const [load, setLoad] = useState<ReviewLoad>({ state: 'loading' });
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<ApiSnapshot | null>(null);
  const [actionError, setActionError] = useState<ApiFailure | null>(null);
  const signIn = signInFor(`${COUNCIL_PATH}/${encodeURIComponent(snapshotId)}`, lang);

  const read = useCallback(async (): Promise<ReviewLoad | 'signin'> => {
    const [snapshot, plan, impact, amendments, session] = await Promise.all([
      client.snapshot(snapshotId),
      client.snapshotPlan(snapshotId),
      client.snapshotImpact(snapshotId),
      client.snapshotAmendments(snapshotId),
      client.session(),
    ]);
    for (const r of [snapshot, plan, impact, amendments, session])
      if (!r.ok) return r.error.status === 401 ? 'signin' : { state: 'failed', error: r.error };
    if (!snapshot.ok || !plan.ok || !impact.ok || !amendments.ok || !session.ok)
      return { state: 'loading' };
    const open: Review['open'] = [];
    if (session.value.user.roles.some((r) => SNAPSHOT_MAKERS.includes(r))) {
      const all = await client.snapshots(snapshot.value.cycleId);
      if (!all.ok) return { state: 'failed', error: all.error };
      for (const earlier of all.value)
        if (earlier.status === 'returned' && earlier.number < snapshot.value.number) {
          const of = await client.snapshotAmendments(earlier.id);
          if (!of.ok) return { state: 'failed', error: of.error };
          for (const a of of.value.proposed)
            if (a.status === 'open') open.push({ number: earlier.number, amendment: a });
        }
    }
    return {
      state: 'ok',
      review: {
        snapshot: snapshot.value,
        plan: plan.value,
        impact: impact.value,
        amendments: amendments.value,
        roles: session.value.user.roles,
        open,
      },
    };
  }, [client, snapshotId]);

  useEffect(() => {
    let live = true;
    void read().then((r) => {
      if (!live) return;
      if (r === 'signin') navigate(signIn, { replace: true });
      else setLoad(r);
    });
    return () => {
      live = false;
    };
  }, [read, signIn]);

  if (load.state === 'loading') return <Spinner label={t(lang, 'loading')} />;
  if (load.state === 'failed') return <Failure lang={lang} error={load.error} />;
  const { snapshot, plan, impact, amendments, roles, open } = load.review;
  const link = (a: ApiAmendment) => {
    setBusy(true);
    setActionError(null);
    void client.applyAmendment(a.id, { snapshotId: snapshot.id }).then(async (r) => {
      if (!r.ok) {
        setBusy(false);
        if (r.error.status === 401) navigate(signIn, { replace: true });
        else setActionError(r.error);
        return;
      }
      const again = await read();
      setBusy(false);
      if (again === 'signin') navigate(signIn, { replace: true });
      else setLoad(again);
    });
  };
  const allowed = (action: SnapshotAction) =>
    judgeSnapshotAction(action, snapshot.status, snapshot.publishedAt !== null, roles) === null;
  const canRead = roles.some((r) => READERS.includes(r));

  const confirm = () => {
    if (pending === null) return;
    setBusy(true);
    setActionError(null);
    const body: ApiSnapshotTransition =
      pending.action === 'adopt'
        ? { action: 'adopt', resolution: pending.resolution }
        : pending.action === 'return'
          ? {
              action: 'return',
              ...(pending.note !== '' && { note: pending.note }),
              ...(pending.amendments.length > 0 && { amendments: pending.amendments }),
            }
          : { action: pending.action };
    void client.transitionSnapshot(snapshot.id, body).then(async (r) => {
      setPending(null);
      if (!r.ok) {
        setBusy(false);
        if (r.error.status === 401) navigate(signIn, { replace: true });
        else setActionError(r.error);
        return;
      }
      const again = await read();
      setBusy(false);
      if (again === 'signin') navigate(signIn, { replace: true });
      else {
        setLoad(again);
        setDone(r.value);
      }
    });
  };

  const total = plan.totals.total;
  const head = mergeClasses(page.cell, page.head);
  const num = mergeClasses(page.cell, page.num);
  const baseline = impact.baseline;
  const titleOf = (id: string) =>
    plan.projects.find((p) => p.id === id)?.title ??
    plan.activities.find((a) => a.id === id)?.title ??
    null;
  const changeCaption = (kind: string) =>
    CHANGE_KINDS.find((k) => k.value === kind)?.[lang] ?? kind;
  const publicLink = webPath(
    {
      page: 'plan',
      municipality: plan.municipality.code,
      snapshot: LATEST,
      section: 'overview',
    },
    lang,
  );

  return (
    <div className={page.stack}>
      <p>
        <AppLink href={lang === 'en' ? `${COUNCIL_PATH}?lang=en` : COUNCIL_PATH}>
          {t(lang, 'councilBack')}
        </AppLink>
      </p>
      <div className={styles.head}>
        <PageTitle>{t(lang, 'councilSnapshotTitle', { n: snapshot.number })}</PageTitle>
        <StatusBadge lang={lang} snapshot={snapshot} />
        <Badge appearance="outline">
          {snapshot.baseline ? t(lang, 'councilBaseline') : t(lang, 'councilRevision')}
        </Badge>
      </div>
      <p>
        {t(lang, 'councilMadeOn', { date: jalaliDay(snapshot.createdAt, lang) })}
        {' · '}
        {t(lang, 'councilCycle', {
          cycle: digits(`${plan.cycle.startYear}–${plan.cycle.endYear}`, lang),
        })}
      </p>
      {snapshot.adoption !== null && (
        <p data-testid="adoption">
          {fill(lang, 'adoptedBy', {
            resolution: <Iso>{digits(snapshot.adoption.resolutionNumber, lang)}</Iso>,
            date: jalaliDate(snapshot.adoption.resolutionDate, lang),
          })}
          {lang === 'fa' ? '؛ ' : '; '}
          {t(lang, 'vote', {
            for: snapshot.adoption.votesFor,
            against: snapshot.adoption.votesAgainst,
            abstain: snapshot.adoption.votesAbstaining,
          })}
        </p>
      )}
      {snapshot.returnNote !== null && (
        <p>{fill(lang, 'councilReturnNote', { note: <Stored>{snapshot.returnNote}</Stored> })}</p>
      )}
      {done !== null && (
        <MessageBar intent="success" data-testid="status-now" aria-live="polite">
          <MessageBarBody>
            {t(lang, 'councilNow', {
              status:
                SNAPSHOT_STATUS_CAPTIONS[done.status][lang] +
                (done.publishedAt !== null ? ` · ${t(lang, 'councilPublished')}` : ''),
            })}
            {done.publishedAt !== null && (
              <>
                {' '}
                <AppLink href={publicLink}>{t(lang, 'councilPublicLink')}</AppLink>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}

      <Section title={t(lang, 'councilTotals')} id="totals">
        <p className={page.muted}>{t(lang, 'councilGap')}</p>
        <ScrollTable label={t(lang, 'councilTotals')} testId="totals">
          <thead>
            <tr>
              <th scope="col" className={head}>
                {t(lang, 'councilYear')}
              </th>
              <th scope="col" className={mergeClasses(head, page.num)}>
                {t(lang, 'councilCost')}
              </th>
              {plan.fiscal.map((f) => (
                <th scope="col" key={f.scenario} className={mergeClasses(head, page.num)}>
                  {t(lang, 'councilGapOf', { scenario: scenarioCaption(f.scenario, lang) })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {plan.years.map((y) => (
              <tr key={y}>
                <th scope="row" className={head}>
                  {year(y, lang)}
                </th>
                <td className={num}>{billions(total[String(y)] ?? '0', lang)}</td>
                {plan.fiscal.map((f) => {
                  const gap = f.years.find((x) => x.year === y)?.gap ?? null;
                  return (
                    <td
                      key={f.scenario}
                      className={mergeClasses(
                        num,
                        gap !== null && gap.startsWith('-') ? page.negative : undefined,
                      )}
                    >
                      {gap === null ? '—' : <Iso>{billions(gap, lang)}</Iso>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      </Section>

      <Section title={t(lang, 'councilImpact')} id="impact">
        {baseline === null ? (
          <p>{t(lang, 'councilImpactNone')}</p>
        ) : (
          <>
            {baseline.items.length === 0 ? (
              <p>{t(lang, 'councilImpactSame')}</p>
            ) : (
              <ScrollTable label={t(lang, 'councilImpact')} testId="impact">
                <thead>
                  <tr>
                    <th scope="col" className={head}>
                      {t(lang, 'councilItem')}
                    </th>
                    <th scope="col" className={head}>
                      {t(lang, 'councilChange')}
                    </th>
                    <th scope="col" className={mergeClasses(head, page.num)}>
                      {t(lang, 'councilBefore')}
                    </th>
                    <th scope="col" className={mergeClasses(head, page.num)}>
                      {t(lang, 'councilAfter')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {baseline.items.map((i) => {
                    const title = titleOf(i.id);
                    return (
                      <tr key={`${i.table}-${i.id}`} data-item={i.id}>
                        <th scope="row" className={mergeClasses(page.cell, styles.name)}>
                          <Iso>{i.id}</Iso> {title !== null && <Stored>{title}</Stored>}
                        </th>
                        <td className={page.cell}>
                          {i.kinds.map(changeCaption).join(lang === 'fa' ? '، ' : ', ')}
                        </td>
                        <td className={num}>
                          {i.before === null ? '—' : billions(i.before, lang)}
                        </td>
                        <td className={num}>{i.after === null ? '—' : billions(i.after, lang)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </ScrollTable>
            )}
            <h3>{t(lang, 'councilKpisChanged')}</h3>
            {baseline.kpis.length === 0 ? (
              <p>{t(lang, 'councilKpisSame')}</p>
            ) : (
              <ul className={page.list}>
                {baseline.kpis.map((k) => (
                  <li key={k.kpiId}>
                    <Iso>{k.kpiId}</Iso> <Stored>{k.title}</Stored>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </Section>

      {(amendments.proposed.length > 0 || amendments.applied.length > 0) && (
        <Section title={t(lang, 'councilAmendments')} id="amendments">
          {amendments.proposed.length > 0 && (
            <AmendmentTable
              lang={lang}
              rows={amendments.proposed}
              label="councilAmendmentsProposed"
              titleOf={titleOf}
            />
          )}
          {amendments.applied.length > 0 && (
            <AmendmentTable
              lang={lang}
              rows={amendments.applied}
              label="councilAmendmentsApplied"
              titleOf={titleOf}
            />
          )}
        </Section>
      )}

      {open.length > 0 && (
        <Section title={t(lang, 'councilToLink')} id="to-link">
          <p>{t(lang, 'councilToLinkIntro')}</p>
          {actionError !== null && <Failure lang={lang} error={actionError} />}
          <ScrollTable label={t(lang, 'councilToLink')} testId="to-link">
            <thead>
              <tr>
                {(
                  [
                    'councilNumber',
                    'councilAmendmentKind',
                    'councilItem',
                    'councilYear',
                    'councilAmountBillions',
                    'councilText',
                  ] as const
                ).map((k) => (
                  <th
                    key={k}
                    scope="col"
                    className={mergeClasses(
                      head,
                      k === 'councilAmountBillions' ? page.num : undefined,
                    )}
                  >
                    {t(lang, k)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {open.map(({ number, amendment: a }) => (
                <tr key={a.id} data-open={`${number}-${a.seq}`}>
                  <td className={mergeClasses(page.cell, styles.nowrap)}>
                    <div className={styles.cellStack}>
                      {t(lang, 'councilAmendmentOf', { n: number, seq: a.seq })}
                      <Button
                        size="small"
                        disabled={busy}
                        data-link={a.seq}
                        onClick={() => link(a)}
                      >
                        {t(lang, 'councilLinkHere')}
                      </Button>
                    </div>
                  </td>
                  <td className={page.cell}>{AMENDMENT_KIND_CAPTIONS[a.kind][lang]}</td>
                  <td className={mergeClasses(page.cell, styles.name)}>
                    <Iso>{a.itemId}</Iso>{' '}
                    {titleOf(a.itemId) !== null && <Stored>{titleOf(a.itemId) ?? ''}</Stored>}
                  </td>
                  <td className={page.cell}>{a.year === null ? '' : year(a.year, lang)}</td>
                  <td className={num}>{a.amount === null ? '' : billions(a.amount, lang)}</td>
                  <td className={page.cell}>{a.text !== null && <Stored>{a.text}</Stored>}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        </Section>
      )}

      <VoicesSection lang={lang} client={client} cycleId={snapshot.cycleId} />

      {canRead && (
        <Section title={t(lang, 'councilActions')} id="actions">
          {actionError !== null && open.length === 0 && <Failure lang={lang} error={actionError} />}
          {allowed('send-to-council') && (
            <div className={styles.form}>
              <p>{t(lang, 'councilSendIntro')}</p>
              <div>
                <Button
                  appearance="primary"
                  data-action="send-to-council"
                  onClick={() => setPending({ action: 'send-to-council' })}
                >
                  {SNAPSHOT_ACTION_CAPTIONS['send-to-council'][lang]}
                </Button>
              </div>
            </div>
          )}
          {allowed('adopt') && (
            <AdoptForm
              lang={lang}
              onAdopt={(resolution) => setPending({ action: 'adopt', resolution })}
            />
          )}
          {allowed('return') && (
            <ReturnForm
              lang={lang}
              plan={plan}
              refused={amendmentProblemsOf(actionError?.details)}
              onReturn={(note, list) => setPending({ action: 'return', note, amendments: list })}
            />
          )}
          {allowed('publish') && (
            <div className={styles.form}>
              <h3>{t(lang, 'councilPublishForm')}</h3>
              <p>{t(lang, 'councilPublishIntro')}</p>
              <div>
                <Button
                  appearance="primary"
                  data-action="publish"
                  onClick={() => setPending({ action: 'publish' })}
                >
                  {SNAPSHOT_ACTION_CAPTIONS.publish[lang]}
                </Button>
              </div>
            </div>
          )}
          {!(['send-to-council', 'adopt', 'return', 'publish'] as const).some(allowed) && (
            <p>{t(lang, 'councilReadOnly')}</p>
          )}
        </Section>
      )}

      <Dialog open={pending !== null} onOpenChange={(_, d) => !d.open && setPending(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>
              {pending !== null && SNAPSHOT_ACTION_CAPTIONS[pending.action][lang]}
              {' — '}
              {t(lang, 'councilConfirm')}
            </DialogTitle>
            <DialogContent>
              {pending !== null && <p data-testid="confirm-text">{confirmText(lang, pending)}</p>}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" disabled={busy} onClick={confirm} data-testid="confirm">
                {pending !== null && SNAPSHOT_ACTION_CAPTIONS[pending.action][lang]}
              </Button>
              <Button onClick={() => setPending(null)}>{t(lang, 'cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}

function confirmText(lang: Language, p: Pending): string {
  switch (p.action) {
    case 'send-to-council':
      return t(lang, 'councilConfirmSend');
    case 'publish':
      return t(lang, 'councilConfirmPublish');
    case 'return':
      return t(lang, 'councilConfirmReturn', { n: p.amendments.length });
    case 'adopt':
      return t(lang, 'councilConfirmAdopt', {
        // A code inside the sentence: isolated, so that its parts keep their order.
        number: fsi(digits(p.resolution.resolutionNumber, lang)),
        date: jalaliDate(p.resolution.resolutionDate, lang),
        for: p.resolution.votesFor,
        against: p.resolution.votesAgainst,
        abstain: p.resolution.votesAbstaining,
      });
  }
}

function AmendmentTable(props: {
  lang: Language;
  rows: readonly ApiAmendment[];
  label: 'councilAmendmentsProposed' | 'councilAmendmentsApplied';
  titleOf: (id: string) => string | null;
}) {
  const { lang } = props;
  const page = usePageStyles();
  const head = mergeClasses(page.cell, page.head);
  return (
    <ScrollTable label={t(lang, props.label)} testId={props.label}>
      <caption className={page.caption}>{t(lang, props.label)}</caption>
      <thead>
        <tr>
          {(
            [
              'councilAmendmentSeq',
              'councilAmendmentKind',
              'councilItem',
              'councilYear',
              'councilAmountBillions',
              'councilText',
              'councilStatus',
            ] as const
          ).map((k) => (
            <th
              key={k}
              scope="col"
              className={mergeClasses(head, k === 'councilAmountBillions' ? page.num : undefined)}
            >
              {t(lang, k)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((a) => (
          <tr key={a.id} data-amendment={a.seq}>
            <td className={page.cell}>{count(a.seq, lang)}</td>
            <td className={page.cell}>{AMENDMENT_KIND_CAPTIONS[a.kind][lang]}</td>
            <td className={page.cell}>
              <Iso>{a.itemId}</Iso>{' '}
              {props.titleOf(a.itemId) !== null && <Stored>{props.titleOf(a.itemId) ?? ''}</Stored>}
            </td>
            <td className={page.cell}>{a.year === null ? '' : year(a.year, lang)}</td>
            <td className={mergeClasses(page.cell, page.num)}>
              {a.amount === null ? '' : billions(a.amount, lang)}
            </td>
            <td className={page.cell}>{a.text !== null && <Stored>{a.text}</Stored>}</td>
            <td className={page.cell}>{AMENDMENT_STATUS_CAPTIONS[a.status][lang]}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

/** The adopt form: the resolution's number and Jalali date, and the vote. */
function AdoptForm(props: {
  lang: Language;
  onAdopt: (resolution: NonNullable<ApiSnapshotTransition['resolution']>) => void;
}) {
  const { lang } = props;
  const styles = useStyles();
  const [form, setForm] = useState<AdoptForm>({
    number: '',
    date: '',
    votesFor: '',
    votesAgainst: '',
    votesAbstaining: '',
  });
  const [shown, setShown] = useState(false);
  const date = parseJalaliDate(form.date);
  const problems: Partial<Record<keyof AdoptForm, string>> = {};
  if (form.number.trim() === '') problems.number = t(lang, 'councilNeedNumber');
  if (!date.ok) problems.date = date.message[lang];
  for (const v of VOTES) if (voteOf(form[v]) === null) problems[v] = t(lang, 'councilNeedVotes');
  const field = (key: keyof AdoptForm) =>
    shown && problems[key] !== undefined
      ? { validationState: 'error' as const, validationMessage: problems[key] }
      : {};
  const set = (key: keyof AdoptForm) => (_: unknown, d: { value: string }) =>
    setForm((f) => ({ ...f, [key]: d.value }));
  const labels = {
    votesFor: 'councilVotesFor',
    votesAgainst: 'councilVotesAgainst',
    votesAbstaining: 'councilVotesAbstaining',
  } as const;
  return (
    <form
      className={styles.form}
      data-testid="adopt-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setShown(true);
        if (Object.keys(problems).length > 0 || !date.ok) return;
        const { jy, jm, jd } = date.value;
        props.onAdopt({
          resolutionNumber: toLatinDigits(form.number.trim()),
          resolutionDate: `${jy}/${String(jm).padStart(2, '0')}/${String(jd).padStart(2, '0')}`,
          votesFor: voteOf(form.votesFor) ?? 0,
          votesAgainst: voteOf(form.votesAgainst) ?? 0,
          votesAbstaining: voteOf(form.votesAbstaining) ?? 0,
        });
      }}
    >
      <h3>{t(lang, 'councilAdoptForm')}</h3>
      <div className={styles.row}>
        <Field label={t(lang, 'councilResolutionNumber')} required {...field('number')}>
          <Input name="resolutionNumber" value={form.number} onChange={set('number')} />
        </Field>
        <Field
          label={t(lang, 'councilResolutionDate')}
          hint={t(lang, 'councilDateHint')}
          required
          {...field('date')}
        >
          <Input
            name="resolutionDate"
            value={form.date}
            onChange={set('date')}
            inputMode="numeric"
          />
        </Field>
      </div>
      <div className={styles.row}>
        {VOTES.map((v) => (
          <Field key={v} label={t(lang, labels[v])} required {...field(v)}>
            <Input name={v} value={form[v]} onChange={set(v)} inputMode="numeric" />
          </Field>
        ))}
      </div>
      <div>
        <Button type="submit" appearance="primary" data-action="adopt">
          {SNAPSHOT_ACTION_CAPTIONS.adopt[lang]}
        </Button>
      </div>
    </form>
  );
}

let rowKeys = 0;
const emptyRow = (): Row => ({
  key: (rowKeys += 1),
  kind: 'change-cost',
  itemId: '',
  year: '',
  amount: '',
  text: '',
});

/** The proposal a typed row stands for (digits of either script; blanks as absent). */
function proposalOf(r: Row): AmendmentProposal {
  const amount = normaliseNumberText(r.amount);
  const yearText = toLatinDigits(r.year).trim();
  return {
    kind: r.kind,
    itemId: r.itemId,
    ...(r.kind !== 'drop' && yearText !== '' && { year: Number(yearText) }),
    ...(r.kind === 'change-cost' && amount !== '' && { amount }),
    ...(r.kind !== 'drop' && r.text.trim() !== '' && { text: r.text.trim() }),
  };
}

/** The return form: why, and the amendments per row, checked by the core as typed. */
function ReturnForm(props: {
  lang: Language;
  plan: ApiPublicPlan;
  /** What the register refused of the last return sent, by row and field. */
  refused: readonly AmendmentProblem[];
  onReturn: (note: string, amendments: AmendmentProposal[]) => void;
}) {
  const { lang, plan } = props;
  const styles = useStyles();
  const [note, setNote] = useState('');
  const [rows, setRows] = useState<Row[]>([]);
  const [shown, setShown] = useState(false);
  const proposals = rows.map(proposalOf);
  const problems = validateAmendments(proposals, amendmentPlanOf(plan)).map((p) => ({
    ...p,
    // An empty pick reads better as "pick one" than as "no item".
    message: p.field === 'itemId' && rows[p.index]?.itemId === '' ? pickMessage : p.message,
  }));
  const nothing = note.trim() === '' && rows.length === 0;
  const problemOf = (index: number, f: string): Bilingual | undefined =>
    shown
      ? (problems.find((p) => p.index === index && p.field === f)?.message ??
        props.refused.find((p) => p.index === index && p.field === f)?.message)
      : undefined;
  const field = (index: number, f: string) => {
    const m = problemOf(index, f);
    return m === undefined ? {} : { validationState: 'error' as const, validationMessage: m[lang] };
  };
  const update = (key: number, change: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...change } : r)));
  return (
    <form
      className={styles.form}
      data-testid="return-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setShown(true);
        if (problems.length > 0 || nothing) return;
        props.onReturn(note.trim(), proposals);
      }}
    >
      <h3>{t(lang, 'councilReturnForm')}</h3>
      <Field
        label={t(lang, 'councilNote')}
        {...(shown && nothing
          ? {
              validationState: 'error' as const,
              validationMessage: t(lang, 'councilNeedNoteOrAmendment'),
            }
          : {})}
      >
        <Textarea name="note" value={note} onChange={(_, d) => setNote(d.value)} />
      </Field>
      {rows.map((r, index) => {
        const project = plan.projects.find((p) => p.id === r.itemId);
        const yearNumber = Number(toLatinDigits(r.year));
        const now = project?.cost[String(yearNumber)];
        return (
          <fieldset key={r.key} className={styles.amendment} data-row={index + 1}>
            <legend className={styles.legend}>
              {t(lang, 'councilAmendmentN', { n: index + 1 })}
            </legend>
            <div className={styles.row}>
              <Field label={t(lang, 'councilAmendmentKind')}>
                <Select
                  name="kind"
                  value={r.kind}
                  onChange={(_, d) => update(r.key, { kind: d.value as AmendmentKind })}
                >
                  {AMENDMENT_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {AMENDMENT_KIND_CAPTIONS[k][lang]}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={t(lang, 'councilItem')} {...field(index, 'itemId')}>
                <Select
                  className={styles.picker}
                  name="itemId"
                  value={r.itemId}
                  onChange={(_, d) => update(r.key, { itemId: d.value })}
                >
                  <option value="">{t(lang, 'councilPickItem')}</option>
                  <optgroup label={t(lang, 'councilProjects')}>
                    {plan.projects.map((p) => (
                      <option key={p.id} value={p.id}>
                        {`${fsi(p.id)} · ${p.title}`}
                      </option>
                    ))}
                  </optgroup>
                  {r.kind !== 'change-cost' && (
                    <optgroup label={t(lang, 'councilActivities')}>
                      {plan.activities.map((a) => (
                        <option key={a.id} value={a.id}>
                          {`${fsi(a.id)} · ${a.title}`}
                        </option>
                      ))}
                    </optgroup>
                  )}
                </Select>
              </Field>
              {r.kind !== 'drop' && (
                <Field label={t(lang, 'councilYear')} {...field(index, 'year')}>
                  <Select
                    name="year"
                    value={r.year}
                    onChange={(_, d) => update(r.key, { year: d.value })}
                  >
                    <option value="">{t(lang, 'councilNoYear')}</option>
                    {plan.years.map((y) => (
                      <option key={y} value={String(y)}>
                        {year(y, lang)}
                      </option>
                    ))}
                  </Select>
                </Field>
              )}
              {r.kind === 'change-cost' && (
                <Field
                  label={t(lang, 'councilAmount')}
                  {...field(index, 'amount')}
                  {...(problemOf(index, 'amount') === undefined && {
                    hint: amountHint(lang, now, normaliseNumberText(r.amount)),
                  })}
                >
                  <Input
                    name="amount"
                    value={r.amount}
                    inputMode="numeric"
                    onChange={(_, d) => update(r.key, { amount: d.value })}
                  />
                </Field>
              )}
            </div>
            {r.kind !== 'drop' && (
              <Field label={t(lang, 'councilText')} {...field(index, 'text')}>
                <Textarea
                  name="text"
                  value={r.text}
                  onChange={(_, d) => update(r.key, { text: d.value })}
                />
              </Field>
            )}
            <div>
              <Button
                size="small"
                onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
              >
                {t(lang, 'councilRemoveAmendment', { n: index + 1 })}
              </Button>
            </div>
          </fieldset>
        );
      })}
      <div className={styles.buttons}>
        <Button onClick={() => setRows((rs) => [...rs, emptyRow()])} data-action="add-amendment">
          {t(lang, 'councilAddAmendment')}
        </Button>
        <Button type="submit" appearance="primary" data-action="return">
          {SNAPSHOT_ACTION_CAPTIONS.return[lang]}
        </Button>
      </div>
    </form>
  );
}

/** Under the new amount: the year's cost now, and what was typed, in billion Rials. */
function amountHint(lang: Language, now: string | undefined, typed: string): string {
  const parts: string[] = [];
  if (/^\d+$/.test(typed)) parts.push(t(lang, 'councilTyped', { amount: billions(typed, lang) }));
  if (now !== undefined) parts.push(t(lang, 'councilCurrentCost', { amount: billions(now, lang) }));
  return parts.join(lang === 'fa' ? '؛ ' : '; ');
}

const pickMessage: Bilingual = {
  fa: 'یک پروژه یا فعالیت برگزینید.',
  en: 'Pick a project or an activity.',
};
