/** @jsxRuntime automatic */
/**
 * Pieces the pages share: the styles (Fluent tokens only), the bidi isolates that keep an ID
 * or a number whole inside text of either direction, links that stay inside the app, a
 * section with a heading, and a table that scrolls inside itself on a phone instead of
 * widening the page.
 */
import {
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  mergeClasses,
  Subtitle1,
  Title3,
  tokens,
} from '@fluentui/react-components';
import type { ApiFailure, Language } from '#core';
import { helpPageUrl, PRACTICE_BANNER } from '#core';
import type { ReactNode } from 'react';
import { Fragment } from 'react';
import type { StringKey } from './i18n';
import { STRINGS } from './i18n';
import { onLinkClick } from './router';

/** Styles the pages share. */
export const usePageStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow2,
    minWidth: 0,
    '& p': { margin: 0 },
  },
  muted: { color: tokens.colorNeutralForeground3 },
  scroll: {
    overflowX: 'auto',
    maxWidth: '100%',
    // The scrolled region can be reached and scrolled by keyboard.
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: tokens.strokeWidthThin,
    },
  },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase300 },
  cell: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    textAlign: 'start',
    verticalAlign: 'top',
  },
  head: {
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  // The row's ID stays in view while a wide table scrolls sideways (on a phone).
  sticky: {
    position: 'sticky',
    insetInlineStart: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    zIndex: 1,
  },
  num: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  // An isolate never wraps: `P-004` must not break into «-P» and «004» on a phone.
  iso: { whiteSpace: 'nowrap', unicodeBidi: 'isolate' },
  caption: {
    textAlign: 'start',
    captionSide: 'top',
    fontWeight: tokens.fontWeightSemibold,
    paddingBottom: tokens.spacingVerticalXS,
  },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  negative: { color: tokens.colorPaletteRedForeground1 },
});

/**
 * An ID, a code, a number or a date set inside text of either direction: a left-to-right
 * isolate that never breaks, so that the bidi algorithm keeps it whole and in its own order
 * (`P-004` never shows as `004-P`, a minus stays before its digits in a Persian line).
 */
export function Iso(props: { children: ReactNode; className?: string }) {
  const styles = usePageStyles();
  return (
    <bdi dir="ltr" className={mergeClasses(styles.iso, props.className)} data-iso="ltr">
      {props.children}
    </bdi>
  );
}

/**
 * Text a municipality wrote (a title, a description, an agency's name), in either script:
 * an isolate whose direction follows its own first strong letter. Shown as text, never as HTML.
 */
export function Stored(props: { children: string }) {
  return (
    <bdi dir="auto" data-stored="">
      {props.children}
    </bdi>
  );
}

/** A link to another page of the app (navigates without reloading; a real `href` to share). */
export function AppLink(props: {
  href: string;
  children: ReactNode;
  current?: boolean;
  className?: string;
}) {
  return (
    <Link
      href={props.href}
      onClick={onLinkClick(props.href)}
      aria-current={props.current ? 'page' : undefined}
      className={props.className}
    >
      {props.children}
    </Link>
  );
}

/**
 * A link to the help page of a concept (`/help/<topic>`, the register's one source of help
 * texts, in the page's language), in a new window so the reader keeps their place.
 */
export function HelpLink(props: { topic: string; lang: Language }) {
  return (
    <Link
      href={helpPageUrl(window.location.origin, props.topic, props.lang)}
      target="_blank"
      rel="noopener"
      data-help={props.topic}
    >
      {STRINGS.aboutThis[props.lang]}
    </Link>
  );
}

/** A titled part of a page; with `help`, a link to the help page of what it shows. */
export function Section(props: {
  title: ReactNode;
  id: string;
  children: ReactNode;
  help?: { topic: string; lang: Language };
}) {
  const styles = usePageStyles();
  const headingId = `${props.id}-title`;
  return (
    <section className={styles.card} id={props.id} aria-labelledby={headingId} tabIndex={-1}>
      <Subtitle1 as="h2" id={headingId}>
        {props.title}
      </Subtitle1>
      {props.help !== undefined && <HelpLink topic={props.help.topic} lang={props.help.lang} />}
      {props.children}
    </section>
  );
}

/**
 * A table that scrolls sideways inside its own box when it is wider than the screen (a phone),
 * reachable by keyboard (`tabIndex`) and named for screen readers.
 */
export function ScrollTable(props: { label: string; children: ReactNode; testId?: string }) {
  const styles = usePageStyles();
  return (
    <div
      className={styles.scroll}
      role="region"
      aria-label={props.label}
      tabIndex={0}
      data-testid={props.testId}
    >
      <table className={styles.table}>{props.children}</table>
    </div>
  );
}

/**
 * A string of the pages with its `{name}` placeholders filled by nodes (an `<Iso>` ID, a
 * formatted number), for a sentence that holds an isolate: `fill(lang, 'adoptedBy', {…})`.
 */
export function fill(lang: Language, key: StringKey, values: Record<string, ReactNode>): ReactNode {
  const parts: ReactNode[] = [];
  let last = 0;
  const text = STRINGS[key][lang];
  for (const m of text.matchAll(/\{(\w+)\}/g)) {
    parts.push(text.slice(last, m.index));
    const name = m[1] as string;
    parts.push(<Fragment key={m.index}>{name in values ? values[name] : m[0]}</Fragment>);
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last));
  return <>{parts}</>;
}

/** The page's one `h1`: the section's name. */
export function PageTitle(props: { children: ReactNode }) {
  return <Title3 as="h1">{props.children}</Title3>;
}

/**
 * The mark of a practice municipality (issue 20) at the top of every page of one, public and
 * signed in: «تمرینی — این برنامه واقعی نیست».
 */
export function PracticeBanner(props: { lang: Language }) {
  return (
    <MessageBar intent="warning" layout="singleline" data-practice="">
      <MessageBarBody>
        <strong>{PRACTICE_BANNER[props.lang]}</strong>
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * A failed call to the register, as the person reads it: too many requests (429) said plainly
 * with the register's words after it, otherwise the register's own message in the page's
 * language. Nothing when there is no failure.
 */
export function Failure(props: { lang: Language; error: ApiFailure | null }) {
  const { lang, error } = props;
  if (error === null) return null;
  const text =
    error.status === 429
      ? `${STRINGS.tooMany[lang]} (${error.message[lang]})`
      : error.message[lang];
  return (
    <MessageBar intent="error" role="alert" layout="multiline" data-testid="failure">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
