/** @jsxRuntime automatic */
/**
 * Monitoring: the core's monitoring report at a period of the workbook's actuals. Execution
 * per project (earned value: SPI, CPI, physical progress, the status and what holds it back),
 * budget execution per program (paid against the current budget, below the attention
 * threshold marked), revenue realisation per class against the plan's scenario, and each
 * KPI's status and trend. Choosing a row selects its cells in the workbook.
 */
import {
  Badge,
  Body1,
  Field,
  Link,
  makeStyles,
  Select,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useMemo, useState } from 'react';
import type { Bilingual, ExecutionStatus, KpiStatus, Language, MonitorPeriod, Plan } from '#core';
import {
  EV_AT_RISK_FROM,
  EV_ON_TRACK_FROM,
  KPI_STATUSES,
  KPI_TRENDS,
  PERIODS,
  REVENUE_CLASSES,
  executionStatusCaption,
  formatPercent,
  periodOrder,
} from '#core';
import { digits, formatNumber } from '../i18n';
import { billionsNumber } from '../money';
import type { CellsAt } from '../monitor';
import { defaultMonitorPeriod, monitorView } from '../monitor';
import { usePane } from '../services';
import { Code, HelpAbout, Note, Num, Section, useViewStyles } from './common';

/** The view's own words, in both languages. */
const S = {
  intro: {
    fa: 'عملکرد تا پایان {period}، {share} از سال گذشته است؛ آنچه کمتر از {threshold} اجرا شده نشان‌دار است. هر ردیف را بزنید تا خانه‌هایش در کارپوشه برگزیده شود.',
    en: 'Figures to the end of {period}, {share} of the year elapsed; what executes below {threshold} is marked. Choose a row to select its cells in the workbook.',
  },
  none: {
    fa: 'این کارپوشه هنوز عملکردی ندارد: جدول‌های عملکرد مالی و فیزیکی، درآمد تحقق‌یافته و مقادیر واقعی شاخص‌ها خالی‌اند.',
    en: 'This workbook has no actuals yet: the actuals, revenue actuals and KPI actuals tables are empty.',
  },
  period: { fa: 'دوره گزارش', en: 'Reporting period' },
  projects: { fa: 'اجرای پروژه‌ها (ارزش کسب‌شده)', en: 'Project execution (earned value)' },
  noProjects: {
    fa: 'هیچ پروژه‌ای تا این دوره پیشرفت فیزیکی گزارش نکرده است.',
    en: 'No project reports physical progress up to this period.',
  },
  evHow: {
    fa: 'شاخص زمان = ارزش کار انجام‌شده ÷ ارزش کار برنامه‌ریزی‌شده تا امروز؛ شاخص هزینه = ارزش کار انجام‌شده ÷ پرداخت. از {on} به بالا مطابق برنامه، از {risk} تا {on} در معرض خطر، کمتر از {risk} عقب از برنامه.',
    en: 'SPI = value of the work done ÷ value of the work planned to date; CPI = value of the work done ÷ paid. {on} or more on track, {risk} to {on} at risk, below {risk} off track.',
  },
  spi: { fa: 'شاخص زمان', en: 'SPI' },
  cpi: { fa: 'شاخص هزینه', en: 'CPI' },
  progress: { fa: 'پیشرفت', en: 'Progress' },
  status: { fa: 'وضعیت', en: 'Status' },
  schedule: { fa: 'عقب از برنامه زمانی', en: 'behind schedule' },
  cost: { fa: 'هزینه بیش از کار انجام‌شده', en: 'costing more than the work done' },
  noProgress: { fa: 'پیشرفت فیزیکی گزارش نشده', en: 'no physical progress reported' },
  programs: { fa: 'تحقق بودجه برنامه‌ها', en: 'Budget execution by program' },
  budget: { fa: 'بودجه جاری (میلیارد ریال)', en: 'Current budget (bn Rials)' },
  paid: { fa: 'پرداخت (میلیارد ریال)', en: 'Paid (bn Rials)' },
  execution: { fa: 'تحقق', en: 'Executed' },
  low: { fa: 'کم', en: 'low' },
  notReported: { fa: 'گزارش نشده', en: 'not reported' },
  unread: {
    fa: '{n} شاخص دیگر هنوز مقدار واقعی ندارند.',
    en: '{n} other KPI(s) have no reading yet.',
  },
  revenue: { fa: 'تحقق درآمد', en: 'Revenue realisation' },
  scenario: {
    fa: 'در برابر پیش‌بینی سناریوی {scenario}',
    en: 'Against the {scenario} scenario’s forecast',
  },
  forecast: { fa: 'پیش‌بینی سال (میلیارد ریال)', en: 'Year’s forecast (bn Rials)' },
  realised: { fa: 'تحقق‌یافته (میلیارد ریال)', en: 'Realised (bn Rials)' },
  total: { fa: 'جمع', en: 'Total' },
  kpis: { fa: 'شاخص‌ها: وضعیت و روند', en: 'KPIs: status and trend' },
  trend: { fa: 'روند', en: 'Trend' },
  latest: { fa: 'آخرین مقدار', en: 'Latest' },
  goTo: { fa: 'رفتن به خانه‌های {id} در کارپوشه', en: 'Go to the cells of {id} in the workbook' },
} as const satisfies Record<string, Bilingual>;

function s(lang: Language, key: keyof typeof S, values: Record<string, string> = {}): string {
  return S[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? `{${k}}`);
}

const useMonitorStyles = makeStyles({
  head: { textAlign: 'end', verticalAlign: 'bottom' },
  badge: { whiteSpace: 'nowrap' },
  title: {
    paddingTop: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalXS,
    textAlign: 'start',
  },
  low: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  totalRow: { fontWeight: tokens.fontWeightSemibold },
});

const EXECUTION_COLOR: Record<ExecutionStatus, 'success' | 'warning' | 'danger'> = {
  'on-track': 'success',
  'at-risk': 'warning',
  'off-track': 'danger',
};
const KPI_COLOR: Record<KpiStatus, 'success' | 'warning' | 'danger' | 'informative'> = {
  'on-track': 'success',
  'at-risk': 'warning',
  'off-track': 'danger',
  'no-data': 'informative',
};

/** The periods the workbook's actuals report, latest first. */
function reportedPeriods(plan: Plan): MonitorPeriod[] {
  const seen = new Map<string, MonitorPeriod>();
  for (const t of [
    plan.tables.tblActuals,
    plan.tables.tblRevenueActuals,
    plan.tables.tblKpiActuals,
  ])
    for (const r of t?.rows ?? [])
      if (r.Year !== null && r.Period !== null)
        seen.set(`${r.Year}-${r.Period}`, { year: r.Year, period: r.Period });
  return [...seen.values()].sort(
    (a, b) => b.year - a.year || periodOrder(b.period) - periodOrder(a.period),
  );
}

const periodText = (p: MonitorPeriod, lang: Language) =>
  `${PERIODS.find((x) => x.value === p.period)?.[lang] ?? p.period} ${digits(String(p.year), lang)}`;
const ratio = (x: number | null, lang: Language) =>
  x === null ? '—' : formatNumber(Math.round(x * 100) / 100, lang, 2);
const percent = (x: number | null, lang: Language) =>
  x === null ? '—' : formatPercent(x, lang, 0);

/** The Monitoring view. */
export function MonitorView() {
  const { lang, check, office } = usePane();
  const styles = { ...useViewStyles(), ...useMonitorStyles() };
  const plan = check?.plan ?? null;
  const periods = useMemo(() => (plan ? reportedPeriods(plan) : []), [plan]);
  const [chosen, setChosen] = useState<string | null>(null);
  const at =
    periods.find((p) => `${p.year}-${p.period}` === chosen) ??
    (plan ? defaultMonitorPeriod(plan) : null);
  const view = useMemo(
    () => (plan && at ? monitorView(plan, at) : null),
    [plan, at?.year, at?.period],
  );
  if (!plan) return null;
  if (!view || !at) return <Note>{s(lang, 'none')}</Note>;
  const { report } = view;
  const select = (cells: CellsAt) => {
    if (cells) void office.selectCell(cells.sheet, cells.range);
  };
  const go = (id: string, cells: CellsAt, label: ReactNode) => (
    <Link
      as="button"
      className={styles.focusRing}
      onClick={() => select(cells)}
      disabled={cells === null}
      // The visible text (ID and title) is the name; what a click does is the description
      // (axe: label-content-name-mismatch).
      title={s(lang, 'goTo', { id })}
    >
      {label}
    </Link>
  );
  const caption = (list: ReadonlyArray<{ value: string; fa: string; en: string }>, v: string) =>
    list.find((x) => x.value === v)?.[lang] ?? v;
  const th = (text: string) => <th className={`${styles.cell} ${styles.head}`}>{text}</th>;
  const num = (text: string, low = false) => (
    <td className={`${styles.cell} ${styles.num}`}>
      <span className={low ? styles.low : undefined}>
        <Num>{text}</Num>
      </span>
    </td>
  );
  return (
    <div className={styles.stack}>
      <Field label={s(lang, 'period')}>
        <Select
          value={`${at.year}-${at.period}`}
          onChange={(_, d) => setChosen(d.value)}
          data-testid="monitor-period"
        >
          {periods.map((p) => (
            <option key={`${p.year}-${p.period}`} value={`${p.year}-${p.period}`}>
              {periodText(p, lang)}
            </option>
          ))}
        </Select>
      </Field>
      <Body1>
        {s(lang, 'intro', {
          period: periodText(at, lang),
          share: formatPercent(report.share, lang, 0),
          threshold: formatPercent(report.threshold, lang, 0),
        })}
      </Body1>

      <Section title={s(lang, 'projects')}>
        <Text size={200} className={styles.muted}>
          {s(lang, 'evHow', {
            on: formatNumber(EV_ON_TRACK_FROM, lang, 2),
            risk: formatNumber(EV_AT_RISK_FROM, lang, 2),
          })}
        </Text>
        {view.projects.length === 0 ? (
          <Text className={styles.muted}>{s(lang, 'noProjects')}</Text>
        ) : (
          <table className={styles.table} data-testid="monitor-projects">
            <thead>
              <tr>
                {th(s(lang, 'progress'))}
                {th(s(lang, 'spi'))}
                {th(s(lang, 'cpi'))}
                {th(s(lang, 'status'))}
              </tr>
            </thead>
            {view.projects.map(({ ev, at: cells }) => {
              const reason =
                ev.status === null
                  ? s(lang, 'noProgress')
                  : ev.behind.map((b) => s(lang, b)).join(lang === 'fa' ? '، ' : ', ');
              return (
                <tbody key={ev.projectId} data-id={ev.projectId} data-status={ev.status ?? 'none'}>
                  <tr>
                    <td colSpan={4} className={styles.title}>
                      {go(
                        ev.projectId,
                        cells,
                        <>
                          <Code>{ev.projectId}</Code> <bdi>{ev.title}</bdi>
                        </>,
                      )}
                      {reason !== '' && (
                        <Text size={200} className={styles.muted}>
                          {' '}
                          ({reason})
                        </Text>
                      )}
                    </td>
                  </tr>
                  <tr>
                    {num(ev.progress === null ? '—' : formatPercent(ev.progress / 100, lang, 0))}
                    {num(ratio(ev.spi, lang), ev.behind.includes('schedule'))}
                    {num(ratio(ev.cpi, lang), ev.behind.includes('cost'))}
                    <td className={styles.cell}>
                      <Badge
                        size="small"
                        appearance="tint"
                        color={ev.status ? EXECUTION_COLOR[ev.status] : 'informative'}
                        className={styles.badge}
                      >
                        {executionStatusCaption(ev.status)[lang]}
                      </Badge>
                    </td>
                  </tr>
                </tbody>
              );
            })}
          </table>
        )}
      </Section>

      <Section title={s(lang, 'programs')}>
        <table className={styles.table} data-testid="monitor-programs">
          <thead>
            <tr>
              {th(s(lang, 'budget'))}
              {th(s(lang, 'paid'))}
              {th(s(lang, 'execution'))}
            </tr>
          </thead>
          {view.programs.map(({ group, title, reported, at: cells }) => {
            const low =
              reported && group.paidExecution !== null && group.paidExecution < report.threshold;
            return (
              <tbody key={group.key} data-id={group.key} data-low={low}>
                <tr>
                  <td colSpan={3} className={styles.title}>
                    {go(
                      group.key,
                      cells,
                      <>
                        <Code>{group.key}</Code> <bdi>{title}</bdi>
                      </>,
                    )}
                  </td>
                </tr>
                <tr>
                  {num(billionsNumber(group.currentBudget, lang))}
                  {num(billionsNumber(group.paid, lang))}
                  <td className={`${styles.cell} ${styles.num}`}>
                    {reported ? (
                      <span className={low ? styles.low : undefined}>
                        <Num>{percent(group.paidExecution, lang)}</Num>
                        {low && <> {s(lang, 'low')}</>}
                      </span>
                    ) : (
                      <span className={styles.muted}>{s(lang, 'notReported')}</span>
                    )}
                  </td>
                </tr>
              </tbody>
            );
          })}
        </table>
      </Section>

      {report.revenue.ok ? (
        <Section title={s(lang, 'revenue')}>
          <Text size={200} className={styles.muted}>
            {s(lang, 'scenario', { scenario: report.revenue.scenario })}
          </Text>
          <table className={styles.table} data-testid="monitor-revenue">
            <thead>
              <tr>
                {th(s(lang, 'forecast'))}
                {th(s(lang, 'realised'))}
                {th(s(lang, 'execution'))}
              </tr>
            </thead>
            {view.revenue.map(({ line, at: cells }) => {
              const low = line.realisation !== null && line.realisation < report.threshold;
              return (
                <tbody key={line.revenueClass} data-id={line.revenueClass} data-low={low}>
                  <tr>
                    <td colSpan={3} className={styles.title}>
                      {go(line.revenueClass, cells, caption(REVENUE_CLASSES, line.revenueClass))}
                    </td>
                  </tr>
                  <tr>
                    {num(line.forecast === null ? '—' : billionsNumber(line.forecast, lang))}
                    {num(billionsNumber(line.actual, lang))}
                    {num(percent(line.realisation, lang), low)}
                  </tr>
                </tbody>
              );
            })}
            <tbody>
              <tr className={styles.totalRow}>
                <td colSpan={3} className={styles.title}>
                  {s(lang, 'total')}
                </td>
              </tr>
              <tr className={styles.totalRow}>
                {num(
                  report.revenue.total.forecast === null
                    ? '—'
                    : billionsNumber(report.revenue.total.forecast, lang),
                )}
                {num(billionsNumber(report.revenue.total.actual, lang))}
                {num(percent(report.revenue.total.realisation, lang))}
              </tr>
            </tbody>
          </table>
        </Section>
      ) : (
        <Section title={s(lang, 'revenue')}>
          <Text className={styles.muted}>{report.revenue.message[lang]}</Text>
        </Section>
      )}

      {report.kpis.length > 0 && (
        <Section title={s(lang, 'kpis')}>
          {view.unread > 0 && (
            <Text size={200} className={styles.muted}>
              {s(lang, 'unread', { n: formatNumber(view.unread, lang) })}
            </Text>
          )}
          <table className={styles.table} data-testid="monitor-kpis">
            <thead>
              <tr>
                {th(s(lang, 'latest'))}
                {th(s(lang, 'trend'))}
                {th(s(lang, 'status'))}
              </tr>
            </thead>
            {view.kpis.map(({ entry: k, at: cells }) => {
              const status = k.latest?.status ?? 'no-data';
              return (
                <tbody key={k.kpiId} data-id={k.kpiId} data-status={status}>
                  <tr>
                    <td colSpan={3} className={styles.title}>
                      {go(
                        k.kpiId,
                        cells,
                        <>
                          <Code>{k.kpiId}</Code> <bdi>{k.title}</bdi>
                        </>,
                      )}
                    </td>
                  </tr>
                  <tr>
                    {num(
                      k.latest === null
                        ? '—'
                        : formatNumber(
                            k.latest.actual,
                            lang,
                            Math.min(2, (String(k.latest.actual).split('.')[1] ?? '').length),
                          ),
                    )}
                    <td className={`${styles.cell} ${styles.num}`}>
                      {caption(KPI_TRENDS, k.trend)}
                    </td>
                    <td className={styles.cell}>
                      <Badge
                        size="small"
                        appearance="tint"
                        color={KPI_COLOR[status]}
                        className={styles.badge}
                      >
                        {caption(KPI_STATUSES, status)}
                      </Badge>
                    </td>
                  </tr>
                </tbody>
              );
            })}
          </table>
        </Section>
      )}
      <HelpAbout
        links={[
          ['earned-value', 'aboutEarnedValue'],
          ['budget-execution', 'aboutBudgetExecution'],
        ]}
      />
    </div>
  );
}
