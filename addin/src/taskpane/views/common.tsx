/** @jsxRuntime automatic */
/** Small pieces the views share: a section with a heading, a status message, the styles. */
import {
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';

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
});

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
    <MessageBar intent={props.intent ?? 'info'} aria-live="polite">
      <MessageBarBody>{props.children}</MessageBarBody>
    </MessageBar>
  );
}
