/** @jsxRuntime automatic */
/**
 * Sync: sign in to the register (address + token, kept in the add-in's storage, never in the
 * document), pull the city framework's reference data into the workbook, push the workbook
 * (refused here while errors remain; a monitoring workbook only to its department's monitoring
 * submission, which it can make when there is none), the submission's status and reviewers'
 * comments, a conflict (409) shown with what changed and the choice to pull theirs or overwrite
 * as a new version, and the impact of the cycle's latest revision of the city plan.
 */
import {
  Badge,
  Button,
  Field,
  Input,
  Link,
  ProgressBar,
  Select,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type {
  ApiComment,
  ApiSnapshot,
  ApiSnapshotImpact,
  ApiWorkflowEvent,
  Bilingual,
  ApiSubmission,
  Connection,
  Finding,
  Language,
  PushResult,
  RawCell,
  RawWorkbook,
} from '#core';
import {
  ACTION_CAPTIONS,
  CITY_WIDE_ROLES,
  CHANGE_KINDS,
  REVENUE_SCENARIOS,
  RegisterClient,
  STATUS_CAPTIONS,
  formatTehranDateTime,
  fsi,
  hasErrors,
  placeTables,
  term,
} from '#core';
import {
  baseVersionOf,
  browserFetch,
  clearConnection,
  loadConnection,
  newIdempotencyKey,
  saveConnection,
  setBaseVersion,
} from '../../api/connection';
import type { TableWrite } from '../../office/pane';
import { digits, formatNumber, t, tn } from '../i18n';
import { billions } from '../money';
import { usePane } from '../services';
import { columnCaption, tableCaption } from '../check';
import type { ImpactSummary } from '../sync';
import {
  both,
  kindRefusal,
  latestRevision,
  missingMonitoring,
  orderSubmissions,
  ownSubmission,
  personName,
  submissionLabel,
  summariseImpact,
  tokenPageUrl,
} from '../sync';
import { Code, Note, Num, Rich, Section, useViewStyles } from './common';

const useSyncStyles = makeStyles({
  // A comment or a step is two lines (who and when, then what): room between entries.
  entries: { '& > li + li': { marginTop: tokens.spacingVerticalS } },
});

/** Who and when, as people read it: a name, and the Jalali day and hour in Tehran. */
function ByAt(props: { name: string | null; at: string; lang: Language }) {
  const { lang } = props;
  return (
    <Text size={200} data-testid="by-at">
      {/* A name may be in either script, and a date is a number run: each is isolated. */}
      <bdi dir="auto">{personName(props.name, lang)}</bdi>
      {lang === 'fa' ? '، ' : ', '}
      <Num>{formatTehranDateTime(new Date(props.at), lang)}</Num>
    </Text>
  );
}

function cellText(c: RawCell): string | number | boolean | null {
  return c instanceof Date ? c.toISOString() : c;
}

/**
 * The tables of a pulled workbook as writes: where they were recorded, else where the core
 * places a table in a new workbook (`placeTables`: its contract sheet in the language, with
 * the reference prefix for `ref_` tables, side by side on a shared sheet).
 */
function writesOf(workbook: RawWorkbook, lang: Language): TableWrite[] {
  return placeTables(workbook, { lang }).tables.map((tb) => ({
    sheet: tb.sheet ?? tb.name,
    name: tb.name,
    header: tb.header.map((h) => String(h ?? '')),
    rows: tb.rows.map((r) => r.map(cellText)),
    ...(tb.address ? { address: tb.address } : {}),
  }));
}

type Busy = null | 'reading' | 'sending' | 'pulling';

/** A change of money as the pane shows it: signed, in billions of Rials. */
function signed(delta: bigint, lang: Language): string {
  return `${delta > 0n ? '+' : ''}${billions(delta, lang)}`;
}

/** Per year, a signed change of money; «unchanged» when no year moved. */
function YearDeltas(props: { deltas: ImpactSummary['balance']; lang: Language }) {
  const { deltas, lang } = props;
  if (deltas.length === 0) return <>{t(lang, 'impactUnchanged')}</>;
  return (
    <>
      {deltas.map((d, i) => (
        <span key={d.year}>
          {i > 0 && (lang === 'fa' ? '، ' : ', ')}
          {digits(String(d.year), lang)}: <Num>{signed(d.delta, lang)}</Num>
        </span>
      ))}
    </>
  );
}

/** IDs as a list in the language (each isolated), or «none». */
function Ids(props: { ids: readonly string[]; lang: Language }) {
  const { ids, lang } = props;
  if (ids.length === 0) return <>{t(lang, 'none')}</>;
  return (
    <>
      {ids.map((id, i) => (
        <span key={id}>
          {i > 0 && (lang === 'fa' ? '، ' : ', ')}
          <Code>{id}</Code>
        </span>
      ))}
    </>
  );
}

/** One comparison of the revision: against the baseline or the previous snapshot. */
function ImpactLines(props: { summary: ImpactSummary; title: string; lang: Language }) {
  const { summary: s, lang } = props;
  const styles = useViewStyles();
  const comma = lang === 'fa' ? '، ' : ', ';
  const scenario =
    s.scenario === null
      ? ''
      : (REVENUE_SCENARIOS.find((x) => x.value === s.scenario)?.[lang] ?? s.scenario);
  const portfolio = term('portfolio')[lang];
  return (
    <li>
      <Text weight="semibold">{props.title}</Text>
      <ul className={styles.list}>
        <li data-testid="impact-items">
          {t(lang, 'impactItems')}:{' '}
          {s.items.map((k, i) => (
            <span key={k.kind}>
              {i > 0 && comma}
              {CHANGE_KINDS.find((c) => c.value === k.kind)?.[lang] ?? k.kind}{' '}
              {formatNumber(k.count, lang)}
            </span>
          ))}
        </li>
        {s.undeclared > 0 && (
          <li data-testid="impact-undeclared">{tn(lang, 'impactUndeclared', s.undeclared)}</li>
        )}
        {s.scenario !== null && (
          <li data-testid="impact-balance">
            {t(lang, 'impactBalance', { what: term('fiscalBalance')[lang], scenario })}:{' '}
            <YearDeltas deltas={s.balance} lang={lang} />
          </li>
        )}
        <li data-testid="impact-kpis">
          {t(lang, 'impactKpis', {
            add: s.kpis.add,
            drop: s.kpis.drop,
            change: s.kpis.change,
          })}
        </li>
        {s.portfolio === null ? (
          <li>{t(lang, 'impactNoPortfolio', { what: portfolio })}</li>
        ) : (
          <>
            <li data-testid="impact-entering">
              {t(lang, 'impactEntering', { what: portfolio })}:{' '}
              <Ids ids={s.portfolio.entering} lang={lang} />
            </li>
            <li data-testid="impact-leaving">
              {t(lang, 'impactLeaving', { what: portfolio })}:{' '}
              <Ids ids={s.portfolio.leaving} lang={lang} />
            </li>
            <li data-testid="impact-spent">
              {t(lang, 'impactSpent', { what: portfolio })}:{' '}
              <YearDeltas deltas={s.portfolio.spent} lang={lang} />
            </li>
          </>
        )}
      </ul>
    </li>
  );
}

/**
 * The cycle's latest revision's impact (`GET /api/snapshots/{id}/impact`): against the
 * baseline, and against the previous snapshot when that is another one.
 */
function RevisionImpact(props: {
  snapshot: ApiSnapshot;
  impact: ApiSnapshotImpact;
  scenario: string;
  lang: Language;
}) {
  const { impact, lang } = props;
  const styles = useViewStyles();
  const base = impact.baseline === null ? null : summariseImpact(impact.baseline, props.scenario);
  const prev =
    impact.previous === null || impact.previous.from.number === impact.baseline?.from.number
      ? null
      : summariseImpact(impact.previous, props.scenario);
  if (base === null && prev === null) return null;
  return (
    <Section title={t(lang, 'revisionImpact', { n: props.snapshot.number })}>
      <ul className={styles.list} data-testid="revision-impact">
        {base && (
          <ImpactLines
            summary={base}
            title={t(lang, 'againstBaseline', { n: base.from })}
            lang={lang}
          />
        )}
        {prev && (
          <ImpactLines
            summary={prev}
            title={t(lang, 'againstPrevious', { n: prev.from })}
            lang={lang}
          />
        )}
      </ul>
    </Section>
  );
}

/** The Sync view. */
export function SyncView() {
  const pane = usePane();
  const { lang, store, office, recheck } = pane;
  const styles = useViewStyles();
  const own = useSyncStyles();
  const [connection, setConnection] = useState<Connection | null>(() => loadConnection(store));
  const [server, setServer] = useState(connection?.server ?? pane.defaultServer ?? '');
  const [token, setToken] = useState('');
  const [name, setName] = useState<string | null>(null);
  // Messages in both languages, shown in the one chosen now: a refusal follows the switch.
  const [error, setError] = useState<Bilingual | null>(null);
  const [refused, setRefused] = useState<Finding[]>([]);
  const [info, setInfo] = useState<Bilingual | null>(null);
  const [callerDept, setCallerDept] = useState<string | null>(null);
  const [cityWide, setCityWide] = useState(false);
  const [subs, setSubs] = useState<ApiSubmission[]>([]);
  const [selected, setSelected] = useState<string>('');
  const [comments, setComments] = useState<ApiComment[]>([]);
  const [history, setHistory] = useState<ApiWorkflowEvent[]>([]);
  const [busy, setBusy] = useState<Busy>(null);
  const [progress, setProgress] = useState(0);
  const [conflict, setConflict] = useState<Extract<PushResult, { kind: 'conflict' }> | null>(null);
  const [revision, setRevision] = useState<{
    snapshot: ApiSnapshot;
    impact: ApiSnapshotImpact;
  } | null>(null);
  const fetcher = pane.fetch ?? browserFetch;
  const client = useMemo(
    () => (connection ? new RegisterClient(connection, fetcher) : null),
    [connection, fetcher],
  );
  const ordered = useMemo(() => orderSubmissions(subs, lang), [subs, lang]);
  const plan = pane.check?.plan ?? null;
  // The one chosen, else the workbook's own submission (derived, so it is there as soon as the
  // list is).
  const current =
    selected && ordered.some((x) => x.id === selected)
      ? selected
      : ownSubmission(ordered, plan, callerDept);
  const sub = subs.find((s) => s.id === current) ?? null;

  const refresh = useCallback(async () => {
    if (!client) return;
    const me = await client.me();
    if (!me.ok) {
      setError(me.error.message);
      return;
    }
    setName(me.value.displayName || me.value.email);
    setCallerDept(me.value.departmentId);
    setCityWide(me.value.roles.some((r) => CITY_WIDE_ROLES.includes(r)));
    pane.setPractice(me.value.practice);
    const list = await client.submissions();
    if (!list.ok) {
      setError(list.error.message);
      return;
    }
    setSubs(list.value);
  }, [client]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    if (!client || !current) return;
    void client.comments(current).then((c) => setComments(c.ok ? c.value : []));
    void client.history(current).then((h) => setHistory(h.ok ? h.value : []));
  }, [client, current, subs]);

  // The cycle's latest revision and its impact; the register shows snapshots to the readers
  // of the city plan only, so for anyone else the pane does not ask and the section stays away.
  const cycleId = sub?.cycleId ?? null;
  useEffect(() => {
    setRevision(null);
    if (!client || cycleId === null || !cityWide) return;
    let live = true;
    void (async () => {
      const list = await client.snapshots(cycleId);
      const latest = list.ok ? latestRevision(list.value) : null;
      if (latest === null) return;
      const got = await client.snapshotImpact(latest.id);
      if (live && got.ok) setRevision({ snapshot: latest, impact: got.value });
    })();
    return () => {
      live = false;
    };
  }, [client, cycleId, subs, cityWide]);

  const missing = missingMonitoring(ordered, plan);
  const createMonitoring = async () => {
    if (!client || missing === null) return;
    setError(null);
    setInfo(null);
    const made = await client.createSubmission({
      cycleId: missing.cycleId,
      departmentCode: missing.departmentCode,
      kind: 'monitoring',
      title: t(lang, 'monitoringTitle', { dept: missing.departmentCode }),
    });
    if (!made.ok) {
      setError(made.error.message);
      return;
    }
    setSelected(made.value.id);
    setInfo(both((l) => t(l, 'monitoringCreated')));
    await refresh();
  };

  const signIn = async () => {
    setError(null);
    const c = { server: server.trim(), token: token.trim() };
    const me = await new RegisterClient(c, fetcher).me();
    if (!me.ok) {
      setError(me.error.message);
      return;
    }
    saveConnection(store, c);
    setToken('');
    setConnection(c);
  };
  const signOut = () => {
    clearConnection(store);
    pane.setPractice(false);
    setConnection(null);
    setSubs([]);
    setName(null);
  };

  const push = async (base?: number) => {
    if (!client || !sub) return;
    const wrongKind = kindRefusal(plan, sub);
    if (wrongKind !== null) {
      setError(wrongKind);
      return;
    }
    setError(null);
    setInfo(null);
    setConflict(null);
    setRefused([]);
    setBusy('reading');
    setProgress(0.2);
    try {
      const checked = await recheck();
      if (!checked) return;
      if (hasErrors(checked.findings)) {
        setError(both((l) => t(l, 'pushBlocked')));
        return;
      }
      setBusy('sending');
      setProgress(0.6);
      const from = base ?? baseVersionOf(store, sub.id) ?? sub.currentVersion;
      const out = await client.push(
        sub.id,
        { workbook: checked.workbook },
        { baseVersion: from, idempotencyKey: newIdempotencyKey() },
      );
      setProgress(1);
      if (out.ok) {
        setBaseVersion(store, sub.id, out.value.version);
        const n = out.value.version;
        setInfo(both((l) => t(l, 'pushed', { n })));
        await refresh();
      } else if (out.kind === 'conflict') setConflict(out);
      else if (out.kind === 'invalid') {
        setRefused(out.findings.filter((f) => f.severity === 'error'));
        const n = out.findings.filter((f) => f.severity === 'error').length;
        setError(both((l) => tn(l, 'invalidPush', n)));
      } else setError(out.error.message);
    } finally {
      setBusy(null);
    }
  };

  const pullTheirs = async () => {
    if (!client || !sub) return;
    setBusy('pulling');
    try {
      const latest = await client.version(sub.id, 'latest', lang);
      if (!latest.ok) {
        setError(latest.error.message);
        return;
      }
      const writes = writesOf(latest.value.workbook, lang);
      for (const [i, w] of writes.entries()) {
        await office.writeTable(w);
        setProgress((i + 1) / writes.length);
      }
      setBaseVersion(store, sub.id, latest.value.version);
      setConflict(null);
      const n = latest.value.version;
      setInfo(both((l) => t(l, 'pulled', { n })));
      await recheck();
    } finally {
      setBusy(null);
    }
  };

  const pullReference = async () => {
    if (!client || !sub) return;
    setBusy('pulling');
    try {
      const ref = await client.reference(sub.cycleId);
      if (!ref.ok) {
        setError(ref.error.message);
        return;
      }
      const writes = writesOf(ref.value.workbook, lang);
      for (const [i, w] of writes.entries()) {
        await office.writeTable(w);
        setProgress((i + 1) / writes.length);
      }
      setInfo(both((l) => tn(l, 'referencePulled', writes.length)));
      await recheck();
    } finally {
      setBusy(null);
    }
  };

  const submit = async () => {
    if (!client || !sub) return;
    setError(null);
    const out = await client.transition(sub.id, 'submit');
    if (!out.ok) setError(out.error.message);
    await refresh();
  };

  const tokenPage = tokenPageUrl(server);
  if (!connection)
    return (
      <div className={styles.stack}>
        <Section title={t(lang, 'signIn')}>
          <Field label={t(lang, 'server')}>
            <Input type="url" dir="ltr" value={server} onChange={(_, d) => setServer(d.value)} />
          </Field>
          <Field label={t(lang, 'token')} hint={t(lang, 'tokenNote')}>
            <Input type="password" dir="ltr" value={token} onChange={(_, d) => setToken(d.value)} />
          </Field>
          {tokenPage !== null && (
            <Link
              className={styles.focusRing}
              href={tokenPage}
              target="_blank"
              rel="noopener noreferrer"
              data-testid="token-page"
            >
              {t(lang, 'tokenPage')} <span className={styles.muted}>{t(lang, 'newWindow')}</span>
            </Link>
          )}
          <Button appearance="primary" onClick={() => void signIn()} disabled={!server || !token}>
            {t(lang, 'signIn')}
          </Button>
          {error && (
            <Note intent="error">
              <Rich text={error[lang]} />
            </Note>
          )}
        </Section>
      </div>
    );

  const blocked = pane.check !== null && hasErrors(pane.check.findings);
  const wrongKind = sub === null ? null : kindRefusal(plan, sub);
  const submitVerdict = sub?.actions.find((a) => a.action === 'submit') ?? null;
  const comma = lang === 'fa' ? '، ' : ', ';
  return (
    <div className={styles.stack}>
      <div className={styles.row}>
        <Text>{name ? t(lang, 'signedInAs', { name: fsi(name) }) : ''}</Text>
        <Button size="small" onClick={signOut}>
          {t(lang, 'signOut')}
        </Button>
      </div>
      <Field label={t(lang, 'submission')}>
        <Select value={current} onChange={(_, d) => setSelected(d.value)}>
          {ordered.map((s) => (
            <option key={s.id} value={s.id}>
              {submissionLabel(s, lang, ordered)}
            </option>
          ))}
        </Select>
      </Field>
      {sub && (
        <Section title={t(lang, 'status')}>
          <div className={styles.row}>
            <Badge
              data-testid="status"
              data-status={sub.status}
              appearance="filled"
              color={
                sub.status === 'approved'
                  ? 'success'
                  : sub.status === 'draft'
                    ? 'informative'
                    : 'brand'
              }
            >
              {STATUS_CAPTIONS[sub.status][lang]}
            </Badge>
            <Text>{t(lang, 'version', { n: sub.currentVersion })}</Text>
            <Button size="small" onClick={() => void refresh()}>
              {t(lang, 'refresh')}
            </Button>
          </div>
          <div className={styles.row}>
            <Button
              appearance="primary"
              onClick={() => void push()}
              disabled={busy !== null || !sub.push.allowed || wrongKind !== null}
              aria-describedby={
                !sub.push.allowed ? 'push-refused' : wrongKind !== null ? 'push-kind' : undefined
              }
            >
              {t(lang, 'push')}
            </Button>
            <Button
              onClick={() => void submit()}
              disabled={busy !== null || !submitVerdict?.allowed}
              aria-describedby={submitVerdict?.allowed ? undefined : 'submit-refused'}
            >
              {ACTION_CAPTIONS.submit[lang]}
            </Button>
            <Button onClick={() => void pullReference()} disabled={busy !== null}>
              {t(lang, 'pullReference')}
            </Button>
          </div>
          {/* Why a step is closed, in the register's words (its verdicts on this submission). */}
          {!sub.push.allowed && sub.push.reason && (
            <Text id="push-refused" data-testid="push-refused" size={200}>
              {t(lang, 'push')}: <Rich text={sub.push.reason[lang]} />
            </Text>
          )}
          {submitVerdict && !submitVerdict.allowed && submitVerdict.reason && (
            <Text id="submit-refused" data-testid="submit-refused" size={200}>
              {ACTION_CAPTIONS.submit[lang]}: <Rich text={submitVerdict.reason[lang]} />
            </Text>
          )}
          {wrongKind !== null && (
            <Text id="push-kind" data-testid="push-kind" size={200}>
              {wrongKind[lang]}
            </Text>
          )}
          {missing !== null && (
            <div className={styles.row}>
              <Button onClick={() => void createMonitoring()} disabled={busy !== null}>
                {t(lang, 'createMonitoring', {
                  dept: lang === 'fa' ? fsi(missing.departmentCode) : missing.departmentCode,
                })}
              </Button>
            </div>
          )}
          {blocked && sub.push.allowed && <Note intent="warning">{t(lang, 'pushBlocked')}</Note>}
          {busy && (
            <>
              <Text>
                {t(
                  lang,
                  busy === 'reading' ? 'reading' : busy === 'sending' ? 'sending' : 'working',
                )}
              </Text>
              <ProgressBar value={progress} aria-label={t(lang, 'working')} />
            </>
          )}
        </Section>
      )}
      {error && (
        <Note intent="error">
          <Rich text={error[lang]} />
        </Note>
      )}
      {refused.length > 0 && (
        <ul className={styles.list} data-testid="refused">
          {refused.slice(0, 10).map((f, i) => (
            <li key={i}>
              {f.table && (
                <>
                  {tableCaption(f.table, lang)}
                  {f.cell && (
                    <>
                      {' '}
                      <Code>{f.cell}</Code>
                    </>
                  )}
                  {': '}
                </>
              )}
              <Rich text={f.message[lang]} />
            </li>
          ))}
        </ul>
      )}
      {info && <Note intent="success">{info[lang]}</Note>}
      {conflict && (
        <Section
          title={t(lang, 'conflict', {
            current: conflict.currentVersion,
            base: conflict.baseVersion,
          })}
        >
          <Text>
            <Rich text={conflict.error.message[lang]} />
          </Text>
          <ul className={styles.list} data-testid="conflict-changes">
            {conflict.changes.tables
              .filter((c) => c.added.length + c.removed.length + c.changed.length > 0)
              .map((c) => (
                <li key={c.table}>
                  {tableCaption(c.table, lang)}: {digits(String(c.added.length), lang)}{' '}
                  {t(lang, 'added')}
                  {comma}
                  {digits(String(c.removed.length), lang)} {t(lang, 'removed')}
                  {comma}
                  {digits(String(c.changed.length), lang)} {t(lang, 'changed')}
                  <ul className={styles.list}>
                    {c.changed.slice(0, 5).flatMap((r) =>
                      r.cells.slice(0, 3).map((cell) => (
                        <li key={`${r.key}|${cell.column}`}>
                          <Code>{r.key}</Code>
                          {comma}
                          {columnCaption(c.table, cell.column, lang)}:{' '}
                          <Code>{String(cell.from)}</Code> {lang === 'fa' ? '←' : '→'}{' '}
                          <Code>{String(cell.to)}</Code>
                        </li>
                      )),
                    )}
                  </ul>
                </li>
              ))}
          </ul>
          <div className={styles.row}>
            <Button onClick={() => void pullTheirs()}>{t(lang, 'pullTheirs')}</Button>
            <Button appearance="primary" onClick={() => void push(conflict.currentVersion)}>
              {t(lang, 'overwrite')}
            </Button>
          </div>
        </Section>
      )}
      {revision && (
        <RevisionImpact
          snapshot={revision.snapshot}
          impact={revision.impact}
          scenario={plan?.info.Scenario ?? ''}
          lang={lang}
        />
      )}
      <Section title={t(lang, 'comments')}>
        {comments.length === 0 ? (
          <Text>{t(lang, 'noComments')}</Text>
        ) : (
          <ul className={mergeClasses(styles.list, own.entries)}>
            {comments.map((c) => (
              <li key={c.id}>
                <ByAt name={c.authorName} at={c.createdAt} lang={lang} />
                <br />
                {c.tableName && (
                  <>
                    {tableCaption(c.tableName, lang)}
                    {c.rowKey && (
                      <>
                        {comma}
                        <Code>{c.rowKey}</Code>
                      </>
                    )}
                    {c.columnKey && (
                      <>
                        {comma}
                        {columnCaption(c.tableName, c.columnKey, lang)}
                      </>
                    )}
                    {': '}
                  </>
                )}
                <bdi dir="auto">{c.body}</bdi>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t(lang, 'workflowHistory')}>
        {history.length === 0 ? (
          <Text>{t(lang, 'noHistory')}</Text>
        ) : (
          <ul className={mergeClasses(styles.list, own.entries)} data-testid="history">
            {history.map((e) => (
              <li key={e.id}>
                <ByAt name={e.actorName} at={e.createdAt} lang={lang} />
                <br />
                {t(lang, 'historyStep', {
                  action: ACTION_CAPTIONS[e.action][lang],
                  n: e.version,
                  from: STATUS_CAPTIONS[e.fromStatus][lang],
                  to: STATUS_CAPTIONS[e.toStatus][lang],
                })}
                {e.note && (
                  // On a line of its own: after the statuses it would read as one of them.
                  <>
                    <br />
                    {t(lang, 'stepNote')}: <bdi dir="auto">{e.note}</bdi>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
