/** @jsxRuntime automatic */
/**
 * The pages' charts, drawn as SVG at the width of their box (so that a label is as large on a
 * phone as on a desk), right to left in Persian: the categories run from the right, the value
 * axis stands on the right, bars grow from the right. Both axes are labelled (the unit on the
 * value axis, the categories' name on the other). Each chart is an image with a name for
 * screen readers, and its figures are also in a table beside it (the pages' own tables).
 */
import type { Language } from '#core';
import { axisTicks } from '#core';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useLayoutEffect, useRef, useState } from 'react';

const useStyles = makeStyles({
  box: { width: '100%', minWidth: 0 },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: 0,
    padding: 0,
    listStyle: 'none',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  swatch: {
    display: 'inline-block',
    width: '12px',
    height: '12px',
    marginInlineEnd: tokens.spacingHorizontalXS,
    verticalAlign: 'middle',
    borderRadius: tokens.borderRadiusSmall,
  },
});

/** The chart colours: Fluent's palette, told apart also by their place in the legend. */
export const CHART_COLOURS = {
  brand: tokens.colorBrandBackground,
  second: tokens.colorPaletteMarigoldBorderActive,
  good: tokens.colorPaletteGreenBackground3,
  warn: tokens.colorPaletteMarigoldBackground3,
  bad: tokens.colorPaletteRedBackground3,
  none: tokens.colorNeutralBackground5,
} as const;

/** The width of an element, followed as it changes. */
function useWidth(): [React.RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el === null) return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

const FONT = 12;
const AXIS = tokens.colorNeutralForeground3;
const GRID = tokens.colorNeutralStroke2;

/** One series of a column chart. */
export interface ColumnSeries {
  label: string;
  colour: string;
  /** One value per category (null: none). */
  values: readonly (number | null)[];
}

/**
 * Grouped columns, one group per category (`categories`, in reading order: the first on the
 * right in Persian), the value axis in `unit` with its ticks written by `tick`.
 */
export function ColumnChart(props: {
  lang: Language;
  title: string;
  categories: readonly string[];
  /** The categories' name (the axis's title: «سال»). */
  categoryAxis: string;
  /** The value axis's title (its unit: «میلیارد ریال»). */
  valueAxis: string;
  series: readonly ColumnSeries[];
  tick(value: number): string;
  testId?: string;
}) {
  const styles = useStyles();
  const [ref, width] = useWidth();
  const rtl = props.lang === 'fa';
  const height = 280;
  const all = props.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const ticks = axisTicks(Math.min(0, ...all), Math.max(0, ...all));
  const lo = ticks[0] ?? 0;
  const hi = ticks[ticks.length - 1] ?? 1;
  const axisWidth = 12 + Math.max(...ticks.map((v) => props.tick(v).length)) * 7.5;
  const top = 28; // the value axis's title
  const bottom = 48; // the categories and their axis's title
  const plotW = Math.max(width - axisWidth - 12, 40);
  const plotH = height - top - bottom;
  const y = (v: number) => top + ((hi - v) / (hi - lo || 1)) * plotH;
  // In Persian the value axis is on the right and the plot to its left.
  const plotStart = rtl ? 12 : axisWidth;
  const groupW = plotW / Math.max(props.categories.length, 1);
  const barW = Math.min(28, (groupW * 0.7) / Math.max(props.series.length, 1));
  const xOfGroup = (i: number) =>
    rtl ? plotStart + plotW - (i + 1) * groupW : plotStart + i * groupW;
  const axisX = rtl ? plotStart + plotW : plotStart;
  const tickX = rtl ? axisX + 6 : axisX - 6;
  return (
    <figure className={styles.box} style={{ margin: 0 }} data-testid={props.testId}>
      <ul className={styles.legend} aria-hidden="true">
        {props.series.map((s) => (
          <li key={s.label}>
            <span className={styles.swatch} style={{ backgroundColor: s.colour }} />
            {s.label}
          </li>
        ))}
      </ul>
      <div ref={ref} className={styles.box}>
        {width > 0 && (
          <svg
            width={width}
            height={height}
            role="img"
            aria-label={props.title}
            direction={rtl ? 'rtl' : 'ltr'}
            fontFamily="inherit"
            fontSize={FONT}
          >
            <title>{props.title}</title>
            {ticks.map((v) => (
              <g key={v}>
                <line
                  x1={plotStart}
                  x2={plotStart + plotW}
                  y1={y(v)}
                  y2={y(v)}
                  stroke={v === 0 ? AXIS : GRID}
                  strokeWidth={v === 0 ? 1.5 : 1}
                />
                <text
                  x={tickX}
                  y={y(v)}
                  dominantBaseline="middle"
                  textAnchor={rtl ? 'start' : 'end'}
                  fill={AXIS}
                  direction="ltr"
                  unicodeBidi="isolate"
                >
                  {props.tick(v)}
                </text>
              </g>
            ))}
            <text x={rtl ? width - 4 : 4} y={12} textAnchor="start" fill={AXIS} fontWeight={600}>
              {props.valueAxis}
            </text>
            {props.categories.map((c, i) => {
              const gx = xOfGroup(i);
              const n = props.series.length;
              const start = gx + (groupW - n * barW) / 2;
              return (
                <g key={c}>
                  {props.series.map((s, j) => {
                    const v = s.values[i];
                    if (v === null || v === undefined) return null;
                    // In Persian the first series stands on the right of its group.
                    const k = rtl ? n - 1 - j : j;
                    const y0 = y(Math.max(v, 0));
                    const h = Math.abs(y(v) - y(0));
                    return (
                      <rect
                        key={s.label}
                        x={start + k * barW}
                        y={y0}
                        width={barW - 2}
                        height={Math.max(h, 1)}
                        fill={s.colour}
                      />
                    );
                  })}
                  <text x={gx + groupW / 2} y={top + plotH + 18} textAnchor="middle" fill={AXIS}>
                    {c}
                  </text>
                </g>
              );
            })}
            <text
              x={plotStart + plotW / 2}
              y={height - 6}
              textAnchor="middle"
              fill={AXIS}
              fontWeight={600}
            >
              {props.categoryAxis}
            </text>
          </svg>
        )}
      </div>
    </figure>
  );
}

/** One bar of a bar chart. */
export interface Bar {
  label: string;
  value: number;
  colour?: string;
  /** The value as written beside the bar. */
  text: string;
}

/**
 * Horizontal bars, each under its label (which then has the whole width, on a phone too),
 * growing from the right in Persian; the value axis along the bottom with its title.
 */
export function BarChart(props: {
  lang: Language;
  title: string;
  bars: readonly Bar[];
  /** The value axis's title (its unit). */
  valueAxis: string;
  /** The bars' name (what each is: «برنامه»). */
  barAxis: string;
  tick(value: number): string;
  testId?: string;
}) {
  const styles = useStyles();
  const [ref, width] = useWidth();
  const rtl = props.lang === 'fa';
  const row = 44;
  const top = 24;
  const bottom = 44;
  const height = top + props.bars.length * row + bottom;
  const max = Math.max(0, ...props.bars.map((b) => b.value));
  const ticks = axisTicks(0, max);
  const hi = ticks[ticks.length - 1] ?? 1;
  const side = 16;
  const plotW = Math.max(width - 2 * side, 40);
  // The longest value label that fits beside a full bar.
  const valueRoom = 10 + Math.max(0, ...props.bars.map((b) => b.text.length)) * 7.5;
  const scale = (v: number) => (v / (hi || 1)) * (plotW - valueRoom);
  const x0 = rtl ? side + plotW : side;
  const dir = rtl ? -1 : 1;
  const maxChars = Math.max(8, Math.floor(plotW / 7));
  const cut = (s: string) => (s.length > maxChars ? `${s.slice(0, maxChars - 1)}…` : s);
  return (
    <figure className={styles.box} style={{ margin: 0 }} data-testid={props.testId}>
      <div ref={ref} className={styles.box}>
        {width > 0 && (
          <svg
            width={width}
            height={height}
            role="img"
            aria-label={props.title}
            direction={rtl ? 'rtl' : 'ltr'}
            fontFamily="inherit"
            fontSize={FONT}
          >
            <title>{props.title}</title>
            <text x={x0} y={14} textAnchor="start" fill={AXIS} fontWeight={600}>
              {props.barAxis}
            </text>
            {ticks.map((v) => {
              const x = x0 + dir * scale(v);
              return (
                <g key={v}>
                  <line x1={x} x2={x} y1={top} y2={top + props.bars.length * row} stroke={GRID} />
                  <text
                    x={x}
                    y={top + props.bars.length * row + 16}
                    textAnchor="middle"
                    fill={AXIS}
                    direction="ltr"
                    unicodeBidi="isolate"
                  >
                    {props.tick(v)}
                  </text>
                </g>
              );
            })}
            {props.bars.map((b, i) => {
              const y = top + i * row;
              const w = Math.max(scale(b.value), 1);
              return (
                <g key={`${b.label}-${i}`}>
                  <text x={x0} y={y + 14} textAnchor="start" fill={tokens.colorNeutralForeground1}>
                    <title>{b.label}</title>
                    {cut(b.label)}
                  </text>
                  <rect
                    x={rtl ? x0 - w : x0}
                    y={y + 20}
                    width={w}
                    height={16}
                    fill={b.colour ?? CHART_COLOURS.brand}
                  />
                  <text
                    x={x0 + dir * (w + 6)}
                    y={y + 28}
                    dominantBaseline="middle"
                    textAnchor="start"
                    fill={AXIS}
                  >
                    {b.text}
                  </text>
                </g>
              );
            })}
            <text
              x={side + plotW / 2}
              y={height - 6}
              textAnchor="middle"
              fill={AXIS}
              fontWeight={600}
            >
              {props.valueAxis}
            </text>
          </svg>
        )}
      </div>
    </figure>
  );
}
