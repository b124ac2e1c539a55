/** @jsxRuntime automatic */
/**
 * Priorities: criteria weights (direct, or AHP with the consistency ratio shown and
 * explained), the ranked projects, and the portfolio under each year's capital budget:
 * rank-and-fill at once, the optimal choice (HiGHS, loaded on demand) beside it; the chosen
 * set is written back as a column next to tblProjects.
 */
import { Badge, Body1, Button, Radio, RadioGroup, Spinner, Text } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { PortfolioResult } from '#core';
import { columnLetters, formatPercent, fsi, scenarioCaption } from '#core';
import { digits, formatNumber, t } from '../i18n';
import type { PrioritiesView as View, WeightMode } from '../priorities';
import { CR_LIMIT, optimalPortfolio, prioritiesView, selectionColumn } from '../priorities';
import { usePane } from '../services';
import { Code, Note, Num, Section, YearTable, useViewStyles } from './common';

/** The Priorities view. */
export function PrioritiesView() {
  const { lang, check, office, solverWasmUrl } = usePane();
  const styles = useViewStyles();
  const plan = check?.plan;
  const [mode, setMode] = useState<WeightMode>('ahp');
  // The answer belongs to the figures it was solved for: after a switch of weights or a re-check
  // of the workbook it no longer applies, and one arriving for an older view is not shown.
  const [solved, setSolved] = useState<{ view: View; result: PortfolioResult } | null>(null);
  const [solving, setSolving] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
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
  const writeColumn = async () => {
    const table = plan.tables.tblProjects;
    if (!table) return;
    const chosen = optimal?.chosen ?? view.rankFill?.chosen ?? [];
    const rows = selectionColumn(view, chosen);
    const lastRow = Math.max(table.headerRow, ...rows.map((r) => r.row));
    const column = Math.max(...table.columns.values()) + 1;
    const block: (string | number)[][] = Array.from(
      { length: lastRow - table.headerRow + 1 },
      () => [''],
    );
    block[0] = [lang === 'fa' ? 'انتخاب سبد' : 'Portfolio'];
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
          <Button onClick={() => void solve()} disabled={solving || !hasBudget}>
            {t(lang, 'findOptimal')}
          </Button>
          <Button appearance="primary" onClick={() => void writeColumn()} disabled={!hasBudget}>
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
          {view.scoring.projects.map((p) => (
            <tr key={p.id}>
              <td className={styles.cell}>
                {p.rank === null ? '—' : digits(String(p.rank), lang)}
              </td>
              <td className={styles.cell}>
                <Code>{p.id}</Code> {p.title}
              </td>
              <td className={`${styles.cell} ${styles.num}`}>
                {p.score === null ? '—' : <Num>{formatNumber(p.score, lang, 1)}</Num>}
              </td>
              <td className={styles.cell}>
                {chosenRank.has(p.id) && (
                  <Badge size="small" color="brand" aria-label={t(lang, 'selected')}>
                    ✓
                  </Badge>
                )}
              </td>
              {optimal && (
                <td className={styles.cell}>
                  {chosenOptimal.has(p.id) && (
                    <Badge size="small" color="success" aria-label={t(lang, 'selected')}>
                      ✓
                    </Badge>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
