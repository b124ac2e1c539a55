/** @jsxRuntime automatic */
/**
 * KPIs: each indicator's level, what it measures (the item it is linked to), unit and
 * direction, its baseline, its target per plan year, its latest reading, and the progress and
 * status the core computes from them (on track from 90 %, at risk from 60 %); the chart of
 * how many KPIs are in each status.
 */
import type { KpiStatus } from '#core';
import {
  enumCaption,
  KPI_DIRECTIONS,
  KPI_LEVELS,
  KPI_STATUSES,
  listSeparator,
  PERIODS,
} from '#core';
import { Badge, makeStyles, mergeClasses } from '@fluentui/react-components';
import { BarChart } from '../charts/charts';
import { Iso, PageTitle, ScrollTable, Section, Stored, usePageStyles } from '../components';
import { count, measure, percent, year } from '../format';
import { t } from '../i18n';
import { anchorOf, kpiStatusCounts, kpiStates } from '../plan';
import type { ViewProps } from './common';
import { STATUS_COLOURS } from './OverviewView';

const useStyles = makeStyles({ title: { minWidth: '14em' } });

const BADGE: Record<KpiStatus, 'success' | 'warning' | 'danger' | 'informative'> = {
  'on-track': 'success',
  'at-risk': 'warning',
  'off-track': 'danger',
  'no-data': 'informative',
};

export function KpisView({ lang, plan }: ViewProps) {
  const page = usePageStyles();
  const styles = useStyles();
  const states = kpiStates(plan);
  const counts = kpiStatusCounts(states);
  const num = mergeClasses(page.cell, page.num);
  const head = mergeClasses(page.cell, page.head);
  return (
    <div className={page.stack}>
      <PageTitle>{t(lang, 'kpis')}</PageTitle>
      <Section title={t(lang, 'chartKpiStatus')} id="chart-kpis">
        <BarChart
          lang={lang}
          testId="chart-kpis"
          title={t(lang, 'chartKpiStatus')}
          barAxis={t(lang, 'status')}
          valueAxis={t(lang, 'kpiCount')}
          bars={counts.map(({ status, n }, i) => ({
            label: KPI_STATUSES.find((s) => s.value === status)?.[lang] ?? status,
            value: n,
            colour: STATUS_COLOURS[i],
            text: count(n, lang),
          }))}
          tick={(v) => (Number.isInteger(v) ? count(v, lang) : '')}
        />
      </Section>
      <Section title={t(lang, 'kpiList')} id="kpis-table" help={{ topic: 'kpi-progress', lang }}>
        <ScrollTable label={t(lang, 'tableScroll', { table: t(lang, 'kpis') })} testId="kpis-table">
          <thead>
            <tr>
              <th className={mergeClasses(head, page.sticky, page.head)}>{t(lang, 'id')}</th>
              <th className={head}>{t(lang, 'title')}</th>
              <th className={head}>{t(lang, 'level')}</th>
              <th className={head}>{t(lang, 'linkedTo')}</th>
              <th className={head}>{t(lang, 'unit')}</th>
              <th className={head}>{t(lang, 'direction')}</th>
              <th className={mergeClasses(head, page.num)}>{t(lang, 'baseline')}</th>
              {plan.years.map((y) => (
                <th key={y} className={mergeClasses(head, page.num)}>
                  {t(lang, 'targetOf', { year: year(y, lang) })}
                </th>
              ))}
              <th className={mergeClasses(head, page.num)}>{t(lang, 'actual')}</th>
              <th className={mergeClasses(head, page.num)}>{t(lang, 'progress')}</th>
              <th className={head}>{t(lang, 'status')}</th>
            </tr>
          </thead>
          <tbody>
            {states.map(({ kpi, latest, progress, status }) => (
              <tr key={kpi.id} id={anchorOf('kpi', kpi.id)} tabIndex={-1}>
                <td className={mergeClasses(page.cell, page.sticky)}>
                  <Iso>{kpi.id}</Iso>
                </td>
                <td className={mergeClasses(page.cell, styles.title)}>
                  <Stored>{kpi.title}</Stored>
                </td>
                <td className={page.cell}>
                  {enumCaption(KPI_LEVELS, kpi.level, lang) ?? t(lang, 'none')}
                </td>
                <td className={page.cell}>
                  <Iso>{kpi.linkedId}</Iso>
                </td>
                <td className={page.cell}>
                  <Stored>{kpi.unit}</Stored>
                </td>
                <td className={page.cell}>
                  {enumCaption(KPI_DIRECTIONS, kpi.direction, lang) ?? t(lang, 'none')}
                </td>
                <td className={num}>
                  {kpi.baseline === null ? (
                    t(lang, 'none')
                  ) : (
                    <Iso>{measure(kpi.baseline, lang)}</Iso>
                  )}
                  {kpi.baselineYear !== null && (
                    <div className={page.muted}>{year(kpi.baselineYear, lang)}</div>
                  )}
                </td>
                {plan.years.map((y) => {
                  const target = kpi.targets[String(y)];
                  return (
                    <td key={y} className={num}>
                      {target === null || target === undefined ? (
                        t(lang, 'none')
                      ) : (
                        <Iso>{measure(target, lang)}</Iso>
                      )}
                    </td>
                  );
                })}
                <td className={num}>
                  {latest === null ? (
                    <span className={page.muted}>{t(lang, 'notMeasured')}</span>
                  ) : (
                    <>
                      <Iso>{measure(latest.actual, lang)}</Iso>
                      <div className={page.muted}>
                        {`${year(latest.year, lang)}${listSeparator(lang)}${enumCaption(PERIODS, latest.period, lang) ?? latest.period}`}
                      </div>
                    </>
                  )}
                </td>
                <td className={num}>
                  {progress === null ? t(lang, 'none') : <Iso>{percent(progress, lang)}</Iso>}
                </td>
                <td className={page.cell}>
                  <Badge appearance="tint" color={BADGE[status]} className={page.iso}>
                    {KPI_STATUSES.find((s) => s.value === status)?.[lang] ?? status}
                  </Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      </Section>
    </div>
  );
}
