/** @jsxRuntime automatic */
/**
 * Small pieces the views share: a section with a heading, a status message, the styles, and
 * the bidirectional isolates that keep an ID, a code or a number whole inside Persian text.
 */
import {
  createFocusOutlineStyle,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { Fragment } from 'react';
import type { Language } from '#core';
import { helpPageUrl } from '#core';
import { loadConnection } from '../../api/connection';
import type { StringKey } from '../i18n';
import { digits, t } from '../i18n';
import { usePane } from '../services';
import { billionsNumber } from '../money';

/** Styles the views share (Fluent tokens only). */
export const useViewStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow2,
  },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  num: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  cell: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    textAlign: 'start',
  },
  fold: {
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow2,
  },
  summary: {
    cursor: 'pointer',
    fontWeight: tokens.fontWeightSemibold,
    marginBottom: tokens.spacingVerticalS,
  },
  legend: {
    margin: 0,
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    '& > div': { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline' },
    '& dd': { margin: 0 },
    '& dt': { flexShrink: 0 },
    '& .fui-Badge': { whiteSpace: 'nowrap' },
  },
  chartLegend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
    padding: 0,
    listStyle: 'none',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  // A badge's words stay on one line (its height is fixed).
  badge: { whiteSpace: 'nowrap' },
  // An isolate never wraps: `P-004` must not break into «-P» and «004» at 320 px.
  iso: { whiteSpace: 'nowrap', unicodeBidi: 'isolate' },
  // Fluent's focus ring, for links and other controls that show only an underline on focus.
  // (`position: relative` places the ring, drawn as the link's `::after`.)
  focusRing: { position: 'relative', ...createFocusOutlineStyle({ style: {}, selector: 'focus' }) },
});

/**
 * An ID, a code, a cell address or a formula value (`P-004`, `tblProjects`, `D7`, `#DIV/0!`)
 * set inside text of either direction: a left-to-right isolate that never breaks, so that the
 * bidi algorithm keeps it whole and in its own order.
 */
export function Code(props: { children: ReactNode }) {
  const styles = useViewStyles();
  return (
    <bdi dir="ltr" className={styles.iso} data-iso="ltr">
      {props.children}
    </bdi>
  );
}

/**
 * A number as the language writes it (`−۱۲٬۳۴۵٫۶` or `-12,345.6`), isolated left to right and
 * unbroken, so that its sign stays before its digits in a Persian line.
 */
export function Num(props: { children: ReactNode }) {
  const styles = useViewStyles();
  return (
    <bdi dir="ltr" className={styles.iso} data-iso="num">
      {props.children}
    </bdi>
  );
}

/** The isolates the core puts into its text (`ltr`: U+2066, `fsi`: U+2068, both closed by U+2069). */
const ISOLATED = /([\u2066\u2067\u2068])([^\u2066-\u2069]*)\u2069/g;

/**
 * A message of the core (a finding, the register's error) shown with each isolate the core
 * marked (`ltr()`/`fsi()` in shared/src/util/text.ts) as an unbroken `<bdi>`, so that a value
 * such as «⁨#DIV/0!⁩» keeps its order and never wraps inside itself.
 */
export function Rich(props: { text: string }) {
  const styles = useViewStyles();
  const parts: ReactNode[] = [];
  let last = 0;
  for (const m of props.text.matchAll(ISOLATED)) {
    if (m.index > last) parts.push(props.text.slice(last, m.index));
    const dir = m[1] === '\u2066' ? 'ltr' : m[1] === '\u2067' ? 'rtl' : 'auto';
    parts.push(
      <bdi key={m.index} dir={dir} className={styles.iso} data-iso={dir}>
        {m[2]}
      </bdi>,
    );
    last = m.index + m[0].length;
  }
  if (last < props.text.length) parts.push(props.text.slice(last));
  return <>{parts}</>;
}

/** A titled section of a view. */
export function Section(props: { title: string; children: ReactNode }) {
  const styles = useViewStyles();
  return (
    <section className={styles.card} aria-label={props.title}>
      <Subtitle2 as="h2">{props.title}</Subtitle2>
      {props.children}
    </section>
  );
}

/** A message to the user (polite live region, so screen readers hear results). */
export function Note(props: {
  intent?: 'info' | 'success' | 'warning' | 'error';
  children: ReactNode;
}) {
  return (
    // No MessageBarTitle: without one, the bar's default aria-labelledby would point at no
    // element (axe: aria-valid-attr-value), so the group goes unnamed instead.
    <MessageBar intent={props.intent ?? 'info'} aria-live="polite" aria-labelledby={undefined}>
      <MessageBarBody>{props.children}</MessageBarBody>
    </MessageBar>
  );
}

/**
 * Amounts by year as a small table (year, billion Rials), rather than a run-on line of pairs
 * joined by a separator that a Persian reader could take for a digit.
 */
export function YearTable(props: {
  lang: Language;
  /** The amount column's heading (its unit included). */
  heading: string;
  rows: ReadonlyArray<readonly [number, bigint]>;
  label?: string;
  testId?: string;
}) {
  const styles = useViewStyles();
  const { lang } = props;
  return (
    <table className={styles.table} aria-label={props.label} data-testid={props.testId}>
      <thead>
        <tr>
          <th className={styles.cell}>{t(lang, 'year')}</th>
          <th className={`${styles.cell} ${styles.num}`}>{props.heading}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map(([year, rials]) => (
          <tr key={year}>
            <td className={styles.cell}>{digits(String(year), lang)}</td>
            <td className={`${styles.cell} ${styles.num}`}>
              <Num>{billionsNumber(rials, lang)}</Num>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Links to the help pages of the concepts a view shows (issue 20), on the register the planner
 * signed in to, else the one that served the pane; nothing when neither is known (the help
 * pages are the register's). Each opens in a new window so the workbook keeps its place.
 */
export function HelpAbout(props: {
  links: ReadonlyArray<readonly [topic: string, label: StringKey]>;
}) {
  const { lang, store, defaultServer } = usePane();
  const styles = useViewStyles();
  const register = loadConnection(store)?.server ?? defaultServer ?? null;
  if (register === null) return null;
  return (
    <p>
      {props.links.map(([topic, label], i) => (
        <Fragment key={topic}>
          {i > 0 && ' · '}
          <Link
            className={styles.focusRing}
            href={helpPageUrl(register, topic, lang)}
            target="_blank"
            rel="noopener noreferrer"
            data-help={topic}
          >
            {t(lang, label)}
          </Link>
        </Fragment>
      ))}
    </p>
  );
}
