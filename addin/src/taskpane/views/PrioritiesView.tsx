/** @jsxRuntime automatic */
/**
 * Priorities: criteria weights (direct, or AHP with the consistency ratio shown and
 * explained), the ranked projects, and the portfolio under each year's capital budget:
 * rank-and-fill at once, the optimal choice (HiGHS, loaded on demand) beside it; the chosen
 * set is written back as a column next to tblProjects.
 */
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { Fragment, useMemo, useState } from 'react';
import type { Language, PortfolioResult } from '#core';
import { columnLetters, formatPercent, fsi, ltr, scenarioCaption } from '#core';
import { digits, formatNumber, t } from '../i18n';
import { billionsNumber } from '../money';
import type { PrioritiesView as View, SkipReason, WeightMode } from '../priorities';
import {
  CR_LIMIT,
  optimalPortfolio,
  prioritiesView,
  selectionColumn,
  skipReasons,
} from '../priorities';
import { usePane } from '../services';
import { Code, HelpAbout, Note, Num, Rich, Section, useViewStyles, YearTable } from './common';

const usePrioritiesStyles = makeStyles({
  // A reason under a project's title, in a quieter colour.
  why: {
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    paddingInlineStart: tokens.spacingHorizontalXL,
  },
  // The row of a project whose reason follows: no line between the two.
  joined: { borderBottomStyle: 'none' },
});

/** A reason as a sentence of the language, IDs and amounts isolated (shown through `Rich`). */
function reasonText(r: SkipReason, lang: Language): string {
  const id = (x: string) => (lang === 'fa' ? ltr(x) : x);
  const bn = (v: bigint) => ltr(billionsNumber(v, lang));
  switch (r.kind) {
    case 'excluded':
      return r.message[lang];
    case 'prerequisite':
      return t(lang, 'whyPrerequisite', { id: id(r.prerequisite) });
    case 'prerequisite-lower':
      return t(lang, 'whyPrerequisiteLower', { id: id(r.prerequisite) });
    case 'money':
      return t(lang, 'whyMoney', {
        year: digits(String(r.year), lang),
        needs: bn(r.needs),
        left: bn(r.left),
      });
    case 'outscored':
      return t(lang, 'whyOutscored');
  }
}

/** The Priorities view. */
export function PrioritiesView() {
  const { lang, check, office, solverWasmUrl } = usePane();
  const styles = useViewStyles();
  const own = usePrioritiesStyles();
  const plan = check?.plan;
  const [mode, setMode] = useState<WeightMode>('ahp');
  // The answer belongs to the figures it was solved for: after a switch of weights or a re-check
  // of the workbook it no longer applies, and one arriving for an older view is not shown.
  const [solved, setSolved] = useState<{ view: View; result: PortfolioResult } | null>(null);
  const [solving, setSolving] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const view = useMemo(() => (plan ? prioritiesView(plan, mode) : null), [plan, mode]);
  const optimal = solved && solved.view === view ? solved.result : null;
  if (!plan || !view) return null;
  if (view.scoring.projects.length === 0) return <Note>{t(lang, 'noProjects')}</Note>;
  const ahp = view.scoring.ahp;
  const hasBudget = view.budget.size > 0;
  const chosenRank = new Set(hasBudget ? (view.rankFill?.chosen ?? []) : []);
  const chosenOptimal = new Set(optimal?.chosen ?? []);
  const solve = async () => {
    setSolving(true);
    try {
      setSolved({ view, result: await optimalPortfolio(view, solverWasmUrl) });
    } catch (error) {
      setMessage(
        t(lang, 'solverUnavailable', { message: fsi(String((error as Error).message ?? error)) }),
      );
    } finally {
      setSolving(false);
    }
  };
  // What Write puts where: the selection shown (the optimal one once found), in the first
  // column after tblProjects, from its header row to its last project row.
  const table = plan.tables.tblProjects;
  const written = optimal ?? view.rankFill;
  const chosen = written?.chosen ?? [];
  const method = t(lang, optimal ? 'byOptimal' : 'byRankFill');
  const reasons =
    hasBudget && written
      ? skipReasons(view, written, optimal ? 'optimal' : 'rank-and-fill')
      : new Map<string, SkipReason[]>();
  const rows = selectionColumn(view, chosen);
  const lastRow = table ? Math.max(table.headerRow, ...rows.map((r) => r.row)) : 0;
  const column = table ? Math.max(...table.columns.values()) + 1 : 0;
  const range = table
    ? `${columnLetters(column)}${table.headerRow}:${columnLetters(column)}${lastRow}`
    : '';
  const heading = lang === 'fa' ? 'انتخاب سبد' : 'Portfolio';
  const writeColumn = async () => {
    setConfirming(false);
    if (!table) return;
    const block: (string | number)[][] = Array.from(
      { length: lastRow - table.headerRow + 1 },
      () => [''],
    );
    block[0] = [heading];
    for (const r of rows) block[r.row - table.headerRow] = [r.selected ? 1 : 0];
    try {
      await office.writeFormulas(table.sheet, `${columnLetters(column)}${table.headerRow}`, block);
      setMessage(t(lang, 'written', { sheet: table.sheet }));
    } catch (error) {
      setMessage(t(lang, 'unexpected', { message: fsi((error as Error).message) }));
    }
  };
  return (
    <div className={styles.stack}>
      <Body1>{t(lang, 'prioritiesIntro')}</Body1>
      <Section title={t(lang, 'weightsFrom')}>
        <RadioGroup value={mode} onChange={(_, d) => setMode(d.value as WeightMode)}>
          <Radio value="table" label={t(lang, 'direct')} />
          <Radio value="ahp" label={t(lang, 'ahp')} />
        </RadioGroup>
        {mode === 'ahp' && ahp?.ok && (
          <Note intent={ahp.cr < CR_LIMIT ? 'success' : 'warning'}>
            <span data-testid="cr">
              {t(lang, 'consistency', { cr: formatNumber(ahp.cr, lang, 3) })}
            </span>{' '}
            {t(lang, ahp.cr < CR_LIMIT ? 'consistencyOk' : 'consistencyBad')}
          </Note>
        )}
        <table className={styles.table}>
          <tbody>
            {view.scoring.criteria.map((c) => (
              <tr key={c.id}>
                <td className={styles.cell}>{c.title || c.id}</td>
                <td className={`${styles.cell} ${styles.num}`}>
                  <Num>{formatPercent(c.weight, lang, 1)}</Num>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title={t(lang, 'budget')}>
        {hasBudget ? (
          <>
            <YearTable
              lang={lang}
              heading={t(lang, 'billionRials')}
              rows={[...view.budget.entries()]}
              label={t(lang, 'budget')}
              testId="budget"
            />
            {view.scenario !== null && (
              <Text data-testid="budget-scenario">
                {t(lang, 'budgetScenario', { scenario: scenarioCaption(view.scenario, lang) })}
              </Text>
            )}
          </>
        ) : (
          <Note intent="warning">
            {view.budgetProblem?.code === 'REVENUE_UNKNOWN_SCENARIO'
              ? t(lang, 'budgetNotSet', { message: view.budgetProblem.message[lang] })
              : t(lang, 'noBudget')}
          </Note>
        )}
        <div className={styles.row}>
          {/* The next step is the primary one: finding the optimal portfolio, then writing it. */}
          <Button
            appearance={optimal ? 'secondary' : 'primary'}
            data-appearance={optimal ? 'secondary' : 'primary'}
            onClick={() => void solve()}
            disabled={solving || !hasBudget}
          >
            {t(lang, 'findOptimal')}
          </Button>
          <Button
            appearance={optimal ? 'primary' : 'secondary'}
            data-appearance={optimal ? 'primary' : 'secondary'}
            onClick={() => setConfirming(true)}
            disabled={!hasBudget || !table}
          >
            {t(lang, 'writeColumn')}
          </Button>
          {solving && <Spinner size="tiny" aria-label={t(lang, 'working')} />}
        </div>
        {optimal && optimal.status !== 'optimal' && (
          // A time limit or a solver failure: the plan shown is not proven optimal; the core says why.
          <Note intent="warning">{optimal.message[lang]}</Note>
        )}
        {optimal && (
          <Text data-testid="objectives" data-status={optimal.status}>
            {t(lang, 'optimalStatus', {
              optimal: formatNumber(optimal.objective, lang, 1),
              rank: formatNumber(optimal.rankAndFill.objective, lang, 1),
            })}
          </Text>
        )}
        {message && <Note>{message}</Note>}
      </Section>
      <Dialog open={confirming} onOpenChange={(_, d) => setConfirming(d.open)}>
        <DialogSurface aria-describedby="write-confirm-body">
          <DialogBody>
            <DialogTitle>{t(lang, 'writeConfirmTitle')}</DialogTitle>
            <DialogContent id="write-confirm-body" data-testid="write-confirm">
              <Text as="p">
                <Rich
                  text={t(lang, 'writeConfirmWhere', {
                    sheet: fsi(table?.sheet ?? ''),
                    range: ltr(range),
                  })}
                />
              </Text>
              <ul className={styles.list}>
                <li>{t(lang, 'writeConfirmHeading', { heading })}</li>
                <li>
                  {chosen.length === rows.length
                    ? t(lang, 'writeConfirmAll', { n: chosen.length, method })
                    : t(lang, 'writeConfirmOnes', {
                        n: chosen.length,
                        m: rows.length - chosen.length,
                        method,
                      })}
                </li>
              </ul>
              <Text as="p">{t(lang, 'writeConfirmReplace')}</Text>
            </DialogContent>
            <DialogActions>
              {/* Fluent's order: the way out first (and focused first), the action at the end. */}
              <Button onClick={() => setConfirming(false)}>{t(lang, 'cancel')}</Button>
              <Button appearance="primary" onClick={() => void writeColumn()}>
                {t(lang, 'writeNow')}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      {reasons.size > 0 && (
        <Caption1 data-testid="why-title">{t(lang, 'whyTitle', { method })}</Caption1>
      )}
      <table className={styles.table} aria-label={t(lang, 'tabPriorities')}>
        <thead>
          <tr>
            <th className={styles.cell}>{t(lang, 'rank')}</th>
            <th className={styles.cell}>{t(lang, 'project')}</th>
            <th className={`${styles.cell} ${styles.num}`}>{t(lang, 'score')}</th>
            <th className={styles.cell}>{t(lang, 'rankFill')}</th>
            {optimal && <th className={styles.cell}>{t(lang, 'optimal')}</th>}
          </tr>
        </thead>
        <tbody>
          {view.scoring.projects.map((p) => {
            const why = reasons.get(p.id);
            // A project with a reason: its row joined to the reason's, which spans the table.
            const cell = why ? mergeClasses(styles.cell, own.joined) : styles.cell;
            return (
              <Fragment key={p.id}>
                <tr data-id={p.id}>
                  <td className={cell}>{p.rank === null ? '—' : digits(String(p.rank), lang)}</td>
                  <td className={cell}>
                    <Code>{p.id}</Code> {p.title}
                  </td>
                  <td className={mergeClasses(cell, styles.num)}>
                    {p.score === null ? '—' : <Num>{formatNumber(p.score, lang, 1)}</Num>}
                  </td>
                  <td className={cell}>
                    {/* A mark with a name is an image: aria-label on a plain span (a badge)
                        is not announced (axe: aria-prohibited-attr). */}
                    {chosenRank.has(p.id) && (
                      <Badge size="small" color="brand" role="img" aria-label={t(lang, 'selected')}>
                        ✓
                      </Badge>
                    )}
                  </td>
                  {optimal && (
                    <td className={cell}>
                      {chosenOptimal.has(p.id) && (
                        <Badge
                          size="small"
                          color="success"
                          role="img"
                          aria-label={t(lang, 'selected')}
                        >
                          ✓
                        </Badge>
                      )}
                    </td>
                  )}
                </tr>
                {why && (
                  <tr data-why={p.id}>
                    <td className={mergeClasses(styles.cell, own.why)} colSpan={optimal ? 5 : 4}>
                      <span data-testid="why" data-id={p.id}>
                        {t(lang, 'notChosen')}
                        {': '}
                        {why.map((r, k) => (
                          <span key={k}>
                            {k > 0 && (lang === 'fa' ? '؛ ' : '; ')}
                            <Rich text={reasonText(r, lang)} />
                          </span>
                        ))}
                      </span>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
      <HelpAbout
        links={[
          ['priority-score', 'aboutPriorityScore'],
          ['ahp', 'aboutAhp'],
          ['capital-portfolio', 'aboutPortfolio'],
        ]}
      />
    </div>
  );
}
