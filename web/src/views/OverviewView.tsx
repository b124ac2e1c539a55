/** @jsxRuntime automatic */
/**
 * The plan at a glance: the city's vision, how many goals, strategies, programs, projects and
 * KPIs it holds and its money over the plan, and the three charts (the fiscal balance of the
 * scenario the plan is balanced on, money by program, KPI status), each linking to its section.
 */
import { KPI_STATUSES, scenarioCaption, webPath } from '#core';
import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { BarChart, CHART_COLOURS, ColumnChart } from '../charts/charts';
import { AppLink, PageTitle, Section, Stored, usePageStyles } from '../components';
import { billions, BILLION, count, year } from '../format';
import { t } from '../i18n';
import { kpiStatusCounts, kpiStates, programMoney, sumYears } from '../plan';
import type { ViewProps } from './common';

const useStyles = makeStyles({
  figures: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(9em, 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
  },
  figure: {
    display: 'flex',
    flexDirection: 'column-reverse',
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    '& dd': {
      margin: 0,
      fontSize: tokens.fontSizeHero700,
      lineHeight: tokens.lineHeightHero700,
      fontWeight: tokens.fontWeightSemibold,
    },
  },
  charts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 480px), 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  vision: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
});

/** The KPI statuses' colours, in the core's order (on track, at risk, off track, no data). */
export const STATUS_COLOURS = [
  CHART_COLOURS.good,
  CHART_COLOURS.warn,
  CHART_COLOURS.bad,
  CHART_COLOURS.none,
];

/** Rials as a number of billions for a bar's length (the labels stay exact). */
export const inBillions = (rials: bigint) => Number(rials / (BILLION / 10n)) / 10;

export function OverviewView({ lang, plan, route }: ViewProps) {
  const page = usePageStyles();
  const styles = useStyles();
  const total = sumYears(plan.totals.total, plan.years);
  const scenario = plan.fiscal.find((f) => f.scenario === plan.scenario) ?? plan.fiscal[0];
  const programs = programMoney(plan).slice(0, 8);
  const kpis = kpiStatusCounts(kpiStates(plan));
  const to = (section: ViewProps['route']['section']) => webPath({ ...route, section }, lang);
  const figures: Array<[string, string]> = [
    [t(lang, 'goals'), count(plan.goals.length, lang)],
    [t(lang, 'strategies'), count(plan.strategies.length, lang)],
    [t(lang, 'programs'), count(plan.programs.length, lang)],
    [t(lang, 'projects'), count(plan.projects.length, lang)],
    [t(lang, 'kpis'), count(plan.kpis.length, lang)],
    [`${t(lang, 'cost')} (${t(lang, 'billionRials')})`, billions(total, lang)],
  ];
  return (
    <div className={page.stack}>
      <PageTitle>{t(lang, 'overview')}</PageTitle>
      {plan.vision !== null && plan.vision !== '' && (
        <Section title={t(lang, 'vision')} id="vision">
          <Body1 as="p" className={styles.vision}>
            <Stored>{plan.vision}</Stored>
          </Body1>
        </Section>
      )}
      <Section
        title={t(lang, 'period', {
          from: year(plan.cycle.startYear, lang),
          to: year(plan.cycle.endYear, lang),
        })}
        id="figures"
      >
        <dl className={styles.figures}>
          {figures.map(([label, value]) => (
            <div key={label} className={styles.figure}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </Section>
      <div className={styles.charts}>
        {scenario !== undefined && (
          <Section title={t(lang, 'fiscal')} id="chart-fiscal">
            <ColumnChart
              lang={lang}
              testId="chart-fiscal"
              title={t(lang, 'chartFiscal', { scenario: scenarioCaption(scenario.scenario, lang) })}
              categories={scenario.years.map((y) => year(y.year, lang))}
              categoryAxis={t(lang, 'year')}
              valueAxis={t(lang, 'billionRials')}
              series={[
                {
                  label: t(lang, 'revenue'),
                  colour: CHART_COLOURS.brand,
                  values: scenario.years.map((y) =>
                    y.revenue === null ? null : inBillions(BigInt(y.revenue)),
                  ),
                },
                {
                  label: t(lang, 'spending'),
                  colour: CHART_COLOURS.second,
                  values: scenario.years.map((y) => inBillions(BigInt(y.spending))),
                },
              ]}
              tick={(v) => count(v, lang)}
            />
            <AppLink href={to('fiscal')}>{t(lang, 'fiscal')}</AppLink>
          </Section>
        )}
        <Section title={t(lang, 'chartByProgram')} id="chart-programs">
          <BarChart
            lang={lang}
            testId="chart-programs"
            title={t(lang, 'chartByProgram')}
            barAxis={t(lang, 'programs')}
            valueAxis={t(lang, 'billionRials')}
            bars={programs.map(({ program, total: money }) => ({
              label: program.title,
              value: inBillions(money),
              text: billions(money, lang),
            }))}
            tick={(v) => count(v, lang)}
          />
          <AppLink href={to('programs')}>{t(lang, 'programs')}</AppLink>
        </Section>
        <Section title={t(lang, 'chartKpiStatus')} id="chart-kpis">
          <BarChart
            lang={lang}
            testId="chart-kpis"
            title={t(lang, 'chartKpiStatus')}
            barAxis={t(lang, 'status')}
            valueAxis={t(lang, 'kpiCount')}
            bars={kpis.map(({ status, n }, i) => ({
              label: KPI_STATUSES.find((s) => s.value === status)?.[lang] ?? status,
              value: n,
              colour: STATUS_COLOURS[i],
              text: count(n, lang),
            }))}
            tick={(v) => (Number.isInteger(v) ? count(v, lang) : '')}
          />
          <AppLink href={to('kpis')}>{t(lang, 'kpis')}</AppLink>
        </Section>
      </div>
    </div>
  );
}
