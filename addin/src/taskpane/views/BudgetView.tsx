/** @jsxRuntime automatic */
/**
 * Budget: per plan year the three balances of the plan's scenario — operating (revenue less
 * current spending), capital, financial — with spending by head and the cash position from
 * the opening balance, all from the core's `budgetBalances`. A year whose operating balance
 * is negative is named with the core's OPERATING_DEFICIT text, why it matters, and its help.
 */
import { Link, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { BalanceYear, Language } from '#core';
import { BUDGET_KINDS, FUNDING_NATURES, helpPageUrl, ltr, scenarioCaption } from '#core';
import { loadConnection } from '../../api/connection';
import { budgetView, deficitFinding, deficitYears } from '../budget';
import { digits, t } from '../i18n';
import { billionsNumber } from '../money';
import { usePane } from '../services';
import { HelpAbout, Note, Num, Rich, Section, useViewStyles } from './common';

const useStyles = makeStyles({
  wrap: { whiteSpace: 'normal', verticalAlign: 'bottom' },
  // A negative operating balance, the figure the warning above is about.
  deficit: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** An amount in billions, or a dash where the forecast has no figure. */
function Amount(props: { rials: bigint | null; lang: Language }) {
  return props.rials === null ? <>—</> : <Num>{billionsNumber(props.rials, props.lang)}</Num>;
}

const caption = (list: ReadonlyArray<{ value: string; fa: string; en: string }>, v: string) =>
  list.find((x) => x.value === v)!;

/** One year's resources and spending, part by part, each part closed by its balance. */
function YearDetail(props: { y: BalanceYear; lang: Language }) {
  const { y, lang } = props;
  const styles = useViewStyles();
  const r = y.revenue;
  const parts = [
    {
      key: 'operating',
      resource: caption(FUNDING_NATURES, 'revenue')[lang],
      resourceAmount: r?.revenue ?? null,
      head: caption(BUDGET_KINDS, 'current')[lang],
      spent: y.current,
      balance: t(lang, 'operatingBalance'),
      balanceAmount: y.operating,
    },
    {
      key: 'capital',
      resource: caption(FUNDING_NATURES, 'capital-disposal')[lang],
      resourceAmount: r?.['capital-disposal'] ?? null,
      head: caption(BUDGET_KINDS, 'capital')[lang],
      spent: y.capital,
      balance: t(lang, 'capitalBalance'),
      balanceAmount: y.capitalBalance,
    },
    {
      key: 'financial',
      resource: caption(FUNDING_NATURES, 'financial-disposal')[lang],
      resourceAmount: r?.['financial-disposal'] ?? null,
      head: caption(BUDGET_KINDS, 'financial')[lang],
      spent: y.financial,
      balance: t(lang, 'financialBalance'),
      balanceAmount: y.financialBalance,
    },
  ];
  const num = `${styles.cell} ${styles.num}`;
  const strong = { fontWeight: 600 } as const;
  return (
    <table
      className={styles.table}
      aria-label={t(lang, 'yearDetailLabel', { year: digits(String(y.year), lang) })}
      data-testid={`budget-year-${y.year}`}
    >
      <thead>
        <tr>
          <th className={styles.cell}>{t(lang, 'budgetItem')}</th>
          <th className={num}>{t(lang, 'billionRials')}</th>
        </tr>
      </thead>
      <tbody>
        {parts.map((p) => (
          <PartRows key={p.key} p={p} lang={lang} num={num} strong={strong} />
        ))}
        <tr data-row="spending">
          <td className={styles.cell}>{t(lang, 'totalSpending')}</td>
          <td className={num}>
            <Amount rials={y.spending} lang={lang} />
          </td>
        </tr>
        <tr data-row="gap" style={strong}>
          <td className={styles.cell}>{t(lang, 'fiscalBalance')}</td>
          <td className={num}>
            <Amount rials={y.gap} lang={lang} />
          </td>
        </tr>
        <tr data-row="cash" style={strong}>
          <td className={styles.cell}>{t(lang, 'cashAtYearEnd')}</td>
          <td className={num}>
            <Amount rials={y.cash} lang={lang} />
          </td>
        </tr>
      </tbody>
    </table>
  );
}

function PartRows(props: {
  p: {
    key: string;
    resource: string;
    resourceAmount: bigint | null;
    head: string;
    spent: bigint;
    balance: string;
    balanceAmount: bigint | null;
  };
  lang: Language;
  num: string;
  strong: { fontWeight: number };
}) {
  const { p, lang, num } = props;
  const styles = useViewStyles();
  return (
    <>
      <tr data-row={`${p.key}-resource`}>
        <td className={styles.cell}>
          {t(lang, 'resources')}: {p.resource}
        </td>
        <td className={num}>
          <Amount rials={p.resourceAmount} lang={lang} />
        </td>
      </tr>
      <tr data-row={`${p.key}-spending`}>
        <td className={styles.cell}>
          {t(lang, 'spendingHeads')}: {p.head}
        </td>
        <td className={num}>
          <Amount rials={p.spent} lang={lang} />
        </td>
      </tr>
      <tr data-row={`${p.key}-balance`} style={props.strong}>
        <td className={styles.cell}>{p.balance}</td>
        <td className={num}>
          <Amount rials={p.balanceAmount} lang={lang} />
        </td>
      </tr>
    </>
  );
}

/** The Budget view. */
export function BudgetView() {
  const { lang, check, store, defaultServer } = usePane();
  const styles = useViewStyles();
  const local = useStyles();
  const view = useMemo(() => (check ? budgetView(check.plan) : null), [check]);
  if (!view) return null;
  if (!view.ok)
    return (
      <Note intent="warning">
        <Rich
          text={t(
            lang,
            view.problem.code === 'REVENUE_UNKNOWN_SCENARIO'
              ? 'budgetNoForecast'
              : 'budgetNoRevenue',
            { message: view.problem.message[lang] },
          )}
        />
      </Note>
    );
  const { balances } = view;
  // The register the planner signed in to, else the one that served the pane (as Check does).
  const register = loadConnection(store)?.server ?? defaultServer ?? null;
  const help = (topic: string, label: string, aria?: string) =>
    register !== null && (
      <Link
        className={styles.focusRing}
        href={helpPageUrl(register, topic, lang)}
        target="_blank"
        rel="noopener noreferrer"
        aria-label={aria}
      >
        {label}
      </Link>
    );
  const num = `${styles.cell} ${styles.num}`;
  // Headings wrap (their figures do not): the pane is 320 px at its narrowest.
  const heading = mergeClasses(styles.cell, styles.num, local.wrap);
  const others = balances.findings.filter((f) => f.code !== 'OPERATING_DEFICIT');
  return (
    <div className={styles.stack}>
      <Text>{t(lang, 'budgetIntro')}</Text>
      <Text data-testid="budget-scenario">
        {t(lang, 'budgetScenario', { scenario: scenarioCaption(balances.scenario, lang) })}
      </Text>
      <Text data-testid="opening-balance">
        {t(lang, 'openingBalance')}: <Amount rials={balances.openingBalance} lang={lang} />{' '}
        {t(lang, 'billionRials')}
      </Text>
      {deficitYears(balances).map((y) => {
        const f = deficitFinding(balances, y.year);
        return (
          <Note key={y.year} intent="warning">
            <span data-testid="operating-deficit" data-year={y.year}>
              {f ? (
                // The core's message opens a sentence here (in English, with a capital).
                <Rich text={f.message[lang].charAt(0).toUpperCase() + f.message[lang].slice(1)} />
              ) : (
                t(lang, 'deficitYear', { year: digits(String(y.year), lang) })
              )}
            </span>
            <br />
            {t(lang, 'deficitWhy')}
            {register !== null && (
              <>
                {' — '}
                {help(
                  'OPERATING_DEFICIT',
                  t(lang, 'findingHelp'),
                  t(lang, 'findingHelpOn', {
                    code: lang === 'fa' ? ltr('OPERATING_DEFICIT') : 'OPERATING_DEFICIT',
                  }),
                )}
              </>
            )}
          </Note>
        );
      })}
      {others.map((f, i) => (
        <Note key={`o${i}`} intent="warning">
          <span data-code={f.code}>
            <Rich text={f.message[lang]} />
          </span>
        </Note>
      ))}
      <Section title={t(lang, 'balancesOverview')}>
        <table className={styles.table} data-testid="budget-overview">
          <thead>
            <tr>
              <th className={styles.cell}>{t(lang, 'year')}</th>
              <th className={heading}>{t(lang, 'operatingBalance')}</th>
              <th className={heading}>{t(lang, 'fiscalBalance')}</th>
              <th className={heading}>{t(lang, 'cashAtYearEnd')}</th>
            </tr>
          </thead>
          <tbody>
            {balances.years.map((y) => (
              <tr key={y.year} data-year={y.year}>
                <td className={styles.cell}>{digits(String(y.year), lang)}</td>
                <td
                  className={
                    y.operating !== null && y.operating < 0n
                      ? mergeClasses(styles.cell, styles.num, local.deficit)
                      : num
                  }
                >
                  <Amount rials={y.operating} lang={lang} />
                </td>
                <td className={num}>
                  <Amount rials={y.gap} lang={lang} />
                </td>
                <td className={num}>
                  <Amount rials={y.cash} lang={lang} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      {balances.years.map((y) => (
        <details key={y.year} className={styles.fold} data-testid="budget-fold">
          <summary className={styles.summary}>
            {t(lang, 'yearDetail', { year: digits(String(y.year), lang) })}
          </summary>
          {y.revenue === null && <Text className={styles.muted}>{t(lang, 'noForecastYear')}</Text>}
          <YearDetail y={y} lang={lang} />
        </details>
      ))}
      <HelpAbout links={[['balances', 'aboutBalances']]} />
    </div>
  );
}
