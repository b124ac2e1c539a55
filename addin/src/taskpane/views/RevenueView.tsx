/** @jsxRuntime automatic */
/**
 * Revenue: a scenario and a method per revenue class, the history and forecast as a chart
 * with the P10–P90 band of the core's Monte Carlo, the fiscal gap per year, and writing the
 * forecast into the workbook as a table of values or as PLAN.SCENARIO_REVENUE formulas.
 */
import {
  Body1,
  Button,
  Caption1,
  Field,
  Radio,
  RadioGroup,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { KeyboardEvent, ReactNode } from 'react';
import { useMemo, useRef, useState } from 'react';
import type { Language, RevenueClass, RevenueMethod } from '#core';
import { REVENUE_CLASSES, REVENUE_METHODS, fsi, scenarioCaption } from '#core';
import type { StringKey } from '../i18n';
import { digits, t } from '../i18n';
import { billions, billionsNumber } from '../money';
import type { RevenuePoint } from '../revenue';
import {
  defaultScenarioOf,
  forecastFormulas,
  forecastTable,
  revenueView,
  scenariosOf,
} from '../revenue';
import { usePane } from '../services';
import { HelpAbout, Note, Num, Section, useViewStyles } from './common';

const W = 320;
const H = 180;
const PAD = 28;

/** The unit inside a sentence: «میلیارد ریال», `billion Rials`. */
const unitOf = (lang: Language) => (lang === 'fa' ? 'میلیارد ریال' : 'billion Rials');

/** The amounts of one year of the chart, labelled: its actual, or its P10, P50 and P90. */
function pointRows(p: RevenuePoint): Array<[StringKey, bigint]> {
  if (p.actual !== null) return [['actualRevenue', p.actual]];
  const rows: Array<[StringKey, bigint | null]> = [
    ['p10', p.p10],
    ['p50', p.p50],
    ['p90', p.p90],
  ];
  return rows.filter((r): r is [StringKey, bigint] => r[1] !== null);
}

/** A year's amounts in words, for its point's accessible name (what a screen reader says on focus). */
function pointLabel(p: RevenuePoint, lang: Language): string {
  const sep = lang === 'fa' ? '؛ ' : '; ';
  const what = t(lang, p.actual !== null ? 'history' : 'forecast');
  const rows = pointRows(p).map(([k, v]) => `${t(lang, k)} ${billionsNumber(v, lang)}`);
  return `${digits(String(p.year), lang)}${lang === 'fa' ? '، ' : ', '}${what}: ${rows.join(sep)} ${unitOf(lang)}`;
}

const useChartStyles = makeStyles({
  // A year's column: transparent, focusable; the ring shows where the keyboard is.
  hit: {
    fill: 'transparent',
    cursor: 'crosshair',
    ':focus': { outline: 'none' },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '-2px',
    },
  },
  // Room for the table of a forecast year (three rows), so that the view does not jump.
  readout: { minHeight: '6.5em' },
  caption: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    paddingBlock: tokens.spacingVerticalXXS,
  },
});

/**
 * The chart: history (solid), P50 (dashed) and the P10–P90 band, drawn in SVG with Fluent's
 * colours. Each year is a column that can be pointed at or focused (one Tab stop, then the
 * arrow keys, Home and End): its amounts appear in the table under the chart, and its
 * accessible name says them.
 */
function Chart(props: { points: RevenuePoint[]; lang: Language; legend: ReactNode }) {
  const { points, lang } = props;
  const styles = useViewStyles();
  const chart = useChartStyles();
  const [active, setActive] = useState<number | null>(null);
  // The column that takes Tab (roving tabindex): the one last active, else the first forecast year.
  const [stop, setStop] = useState<number | null>(null);
  const columns = useRef<Array<SVGRectElement | null>>([]);
  const values = points.flatMap((p) => [p.actual, p.p10, p.p50, p.p90]).filter((v) => v !== null);
  if (values.length === 0 || points.length < 2) return null;
  const max = Number(values.reduce((a, b) => (a! > b! ? a : b))!);
  const first = points[0]!.year;
  const last = points[points.length - 1]!.year;
  // In Persian the years run right to left, as the pane does.
  const x = (year: number) => {
    const f = (year - first) / Math.max(1, last - first);
    return PAD + (lang === 'fa' ? 1 - f : f) * (W - 2 * PAD);
  };
  const y = (v: bigint) => H - PAD + (-(H - 2 * PAD) * Number(v)) / (max || 1);
  const line = (sel: (p: RevenuePoint) => bigint | null) =>
    points
      .filter((p) => sel(p) !== null)
      .map((p) => `${x(p.year).toFixed(1)},${y(sel(p)!).toFixed(1)}`)
      .join(' ');
  const bandPts = points.filter((p) => p.p10 !== null && p.p90 !== null);
  const band = [
    ...bandPts.map((p) => `${x(p.year).toFixed(1)},${y(p.p90!).toFixed(1)}`),
    ...[...bandPts].reverse().map((p) => `${x(p.year).toFixed(1)},${y(p.p10!).toFixed(1)}`),
  ].join(' ');
  const lastHistory = [...points].reverse().find((p) => p.actual !== null);
  const forecastLine = [
    ...(lastHistory ? [lastHistory] : []),
    ...points.filter((p) => p.p50 !== null),
  ];
  // First, last and every fifth year between: more would crowd 320 px.
  const ticks = points
    .map((p) => p.year)
    .filter(
      (year) =>
        year === first ||
        year === last ||
        (year % 5 === 0 && last - year >= 2 && year - first >= 2),
    );
  const label = `${t(lang, 'history')} ${digits(String(first), lang)}–${digits(
    String(lastHistory?.year ?? first),
    lang,
  )}${lang === 'fa' ? '؛' : ';'} ${t(lang, 'forecast')} ${digits(String(last), lang)}: ${billions(
    points[points.length - 1]!.p50 ?? 0n,
    lang,
  )} (${t(lang, 'band')})`;
  const step = (W - 2 * PAD) / Math.max(1, points.length - 1);
  const firstForecast = points.findIndex((p) => p.actual === null);
  // (Clamped: another scenario or method may give fewer years than the one last focused.)
  const tabStop =
    stop !== null && stop < points.length ? stop : firstForecast >= 0 ? firstForecast : 0;
  const shown = active === null ? null : (points[active] ?? null);
  const move = (to: number) => {
    const i = Math.max(0, Math.min(points.length - 1, to));
    setStop(i);
    setActive(i);
    columns.current[i]?.focus();
  };
  const onKey = (i: number) => (e: KeyboardEvent<SVGRectElement>) => {
    // The arrow that points to the next year on screen: left in Persian, right in English.
    const next = lang === 'fa' ? 'ArrowLeft' : 'ArrowRight';
    const prev = lang === 'fa' ? 'ArrowRight' : 'ArrowLeft';
    const to =
      e.key === next
        ? i + 1
        : e.key === prev
          ? i - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? points.length - 1
              : null;
    if (to === null) return;
    e.preventDefault();
    move(to);
  };
  return (
    <>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        role="group"
        aria-label={label}
        data-testid="revenue-chart"
        onMouseLeave={() => setActive(null)}
      >
        <line x1={PAD} x2={W - PAD} y1={H - PAD} y2={H - PAD} stroke={tokens.colorNeutralStroke1} />
        {bandPts.length > 0 && (
          <polygon points={band} fill={tokens.colorBrandBackground2} stroke="none" />
        )}
        <polyline
          points={line((p) => p.actual)}
          fill="none"
          stroke={tokens.colorNeutralForeground1}
          strokeWidth={2}
        />
        <polyline
          points={forecastLine
            .map((p) => `${x(p.year).toFixed(1)},${y((p.actual ?? p.p50)!).toFixed(1)}`)
            .join(' ')}
          fill="none"
          stroke={tokens.colorBrandForeground1}
          strokeWidth={2}
          strokeDasharray="5 3"
        />
        {ticks.map((year) => (
          <text
            key={year}
            x={x(year)}
            y={H - 8}
            fontSize={10}
            direction="ltr"
            textAnchor="middle"
            fill={tokens.colorNeutralForeground2}
            aria-hidden="true"
          >
            {digits(String(year), lang)}
          </text>
        ))}
        {/* The amount axis: its top in billion Rials (the unit is in the legend). */}
        <text
          x={lang === 'fa' ? W - 2 : 2}
          y={PAD - 6}
          fontSize={10}
          // Anchored in left-to-right terms whatever the pane's direction (a number is LTR).
          direction="ltr"
          textAnchor={lang === 'fa' ? 'end' : 'start'}
          fill={tokens.colorNeutralForeground2}
          aria-hidden="true"
        >
          {billionsNumber(BigInt(Math.round(max)), lang)}
        </text>
        <line
          x1={PAD}
          x2={W - PAD}
          y1={y(BigInt(Math.round(max)))}
          y2={y(BigInt(Math.round(max)))}
          stroke={tokens.colorNeutralStroke2}
          strokeDasharray="2 3"
        />
        {shown && (
          // The year shown: a guide line and its amounts as dots.
          <g aria-hidden="true" data-testid="chart-marker">
            <line
              x1={x(shown.year)}
              x2={x(shown.year)}
              y1={PAD - 4}
              y2={H - PAD}
              stroke={tokens.colorNeutralStroke1}
            />
            {pointRows(shown).map(([k, v]) => (
              <circle
                key={k}
                cx={x(shown.year)}
                cy={y(v)}
                r={3}
                fill={
                  k === 'actualRevenue'
                    ? tokens.colorNeutralForeground1
                    : tokens.colorBrandForeground1
                }
              />
            ))}
          </g>
        )}
        {points.map((p, i) => (
          <rect
            key={p.year}
            ref={(el) => {
              columns.current[i] = el;
            }}
            className={chart.hit}
            x={x(p.year) - step / 2}
            y={PAD - 4}
            width={step}
            height={H - 2 * PAD + 4}
            tabIndex={i === tabStop ? 0 : -1}
            role="img"
            aria-label={pointLabel(p, lang)}
            data-year={p.year}
            onMouseEnter={() => setActive(i)}
            onFocus={() => {
              setStop(i);
              setActive(i);
            }}
            onBlur={() => setActive((a) => (a === i ? null : a))}
            onKeyDown={onKey(i)}
          />
        ))}
      </svg>
      {/* The legend right under the chart, then the year's amounts. */}
      {props.legend}
      {/* The year pointed at or focused, as a small table (hidden from screen readers, which
          hear the same amounts as the focused year's name). */}
      <div className={chart.readout} data-testid="chart-readout">
        {shown ? (
          <table className={styles.table} aria-hidden="true">
            <caption className={chart.caption}>
              {t(lang, 'pointOf', { year: digits(String(shown.year), lang) })}{' '}
              <span className={styles.muted}>({unitOf(lang)})</span>
            </caption>
            <tbody>
              {pointRows(shown).map(([k, v]) => (
                <tr key={k}>
                  <th scope="row" className={styles.cell}>
                    {t(lang, k)}
                  </th>
                  <td className={`${styles.cell} ${styles.num}`}>
                    <Num>{billionsNumber(v, lang)}</Num>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <Caption1 className={styles.muted}>{t(lang, 'pointHint')}</Caption1>
        )}
      </div>
    </>
  );
}

/** The Revenue view. */
export function RevenueView() {
  const { lang, check, office } = usePane();
  const styles = useViewStyles();
  const plan = check?.plan;
  const scenarios = useMemo(() => (plan ? scenariosOf(plan) : []), [plan]);
  const [scenario, setScenario] = useState<string>('');
  const chosen = scenario || (plan ? defaultScenarioOf(plan, scenarios) : '');
  const [methods, setMethods] = useState<Map<RevenueClass, RevenueMethod>>(new Map());
  const [mode, setMode] = useState<'table' | 'formulas'>('table');
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(
    null,
  );
  const result = useMemo(
    () => (plan && chosen ? revenueView(plan, chosen, methods) : null),
    [plan, chosen, methods],
  );
  if (!plan) return null;
  if (!result) return <Note>{t(lang, 'noRevenue')}</Note>;
  if (!result.ok) return <Note intent="warning">{result.message[lang]}</Note>;
  const { view } = result;
  // Formulas go to a sheet of their own, so that they never overwrite the table of values.
  const sheet =
    mode === 'table'
      ? lang === 'fa'
        ? 'پیش‌بینی درآمد'
        : 'Revenue forecast'
      : lang === 'fa'
        ? 'فرمول پیش‌بینی درآمد'
        : 'Revenue formulas';
  const write = async () => {
    setMessage(null);
    try {
      if (mode === 'table') {
        const table = forecastTable(view);
        await office.writeTable({ sheet, name: 'tblRevenueForecast', ...table });
      } else {
        const last = plan.years[plan.years.length - 1] ?? view.points[view.points.length - 1]!.year;
        await office.writeFormulas(sheet, 'A1', forecastFormulas(view, last));
      }
      setMessage({ intent: 'success', text: t(lang, 'written', { sheet }) });
    } catch (error) {
      setMessage({
        intent: 'error',
        text: t(lang, 'unexpected', { message: fsi((error as Error).message) }),
      });
    }
  };
  const caption = (list: ReadonlyArray<{ value: string; fa: string; en: string }>, v: string) =>
    list.find((x) => x.value === v)?.[lang] ?? v;
  return (
    <div className={styles.stack}>
      <Body1>{t(lang, 'revenueIntro')}</Body1>
      <Field label={t(lang, 'scenario')}>
        <Select value={chosen} onChange={(_, d) => setScenario(d.value)}>
          {scenarios.map((s) => (
            <option key={s} value={s}>
              {scenarioCaption(s, lang)}
            </option>
          ))}
        </Select>
      </Field>
      <Section title={t(lang, 'historyAndForecast')}>
        <Chart
          points={view.points}
          lang={lang}
          legend={
            <ul className={styles.chartLegend} data-testid="chart-legend">
              <li>
                <svg width="20" height="8" aria-hidden="true">
                  <line
                    x1="0"
                    x2="20"
                    y1="4"
                    y2="4"
                    stroke={tokens.colorNeutralForeground1}
                    strokeWidth={2}
                  />
                </svg>{' '}
                {t(lang, 'history')}
              </li>
              <li>
                <svg width="20" height="8" aria-hidden="true">
                  <line
                    x1="0"
                    x2="20"
                    y1="4"
                    y2="4"
                    stroke={tokens.colorBrandForeground1}
                    strokeWidth={2}
                    strokeDasharray="5 3"
                  />
                </svg>{' '}
                {t(lang, 'forecastMedian')}
              </li>
              <li>
                <svg width="20" height="8" aria-hidden="true">
                  <rect width="20" height="8" fill={tokens.colorBrandBackground2} />
                </svg>{' '}
                {t(lang, 'band')}
              </li>
              <li>{t(lang, 'amountsIn')}</li>
            </ul>
          }
        />
      </Section>
      <Section title={t(lang, 'fiscalGap')}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th className={styles.cell}>{t(lang, 'year')}</th>
              <th className={`${styles.cell} ${styles.num}`}>{t(lang, 'revenue')}</th>
              <th className={`${styles.cell} ${styles.num}`}>{t(lang, 'spending')}</th>
              <th className={`${styles.cell} ${styles.num}`}>{t(lang, 'gap')}</th>
            </tr>
          </thead>
          <tbody>
            {view.gap.map((g) => (
              <tr key={g.year}>
                <td className={styles.cell}>{digits(String(g.year), lang)}</td>
                <td className={`${styles.cell} ${styles.num}`}>
                  {g.revenue === null ? '—' : <Num>{billionsNumber(g.revenue, lang)}</Num>}
                </td>
                <td className={`${styles.cell} ${styles.num}`}>
                  <Num>{billionsNumber(g.total, lang)}</Num>
                </td>
                <td className={`${styles.cell} ${styles.num}`}>
                  {g.gap === null ? '—' : <Num>{billionsNumber(g.gap, lang)}</Num>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      {/* The per-class methods are a second step: folded, below the figures they change. */}
      <details className={styles.fold}>
        <summary className={`${styles.focusRing} ${styles.summary}`}>
          {t(lang, 'methodsFold')}
        </summary>
        <div className={styles.stack}>
          {view.forecast.classes.map((c) => (
            <Field key={c.revenueClass} label={caption(REVENUE_CLASSES, c.revenueClass)}>
              <Select
                value={methods.get(c.revenueClass) ?? c.requestedMethod}
                onChange={(_, d) =>
                  setMethods((m) => new Map(m).set(c.revenueClass, d.value as RevenueMethod))
                }
              >
                {REVENUE_METHODS.map((m) => (
                  <option key={m.value} value={m.value}>
                    {m[lang]}
                  </option>
                ))}
              </Select>
            </Field>
          ))}
        </div>
      </details>
      <Section title={t(lang, 'writeAs')}>
        <RadioGroup value={mode} onChange={(_, d) => setMode(d.value as 'table' | 'formulas')}>
          <Radio value="table" label={t(lang, 'asTable')} />
          <Radio value="formulas" label={t(lang, 'asFormulas')} />
        </RadioGroup>
        <Button appearance="primary" onClick={() => void write()}>
          {t(lang, 'write')}
        </Button>
        {message && <Note intent={message.intent}>{message.text}</Note>}
      </Section>
      <HelpAbout links={[['revenue-forecast', 'aboutRevenue']]} />
    </div>
  );
}
