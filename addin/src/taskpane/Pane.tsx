/**
 * Placeholder of the Plan pane: the title in Persian and English and the chosen view's name.
 * The real views (React + Fluent UI v9) come with the pane's own issue.
 */
import { FluentProvider, Subtitle2, Title3, webLightTheme } from '@fluentui/react-components';
import { useSyncExternalStore } from 'react';
import { getView, subscribeView } from './paneState';
import { PANE_VIEWS } from './views';

/** The pane's root component. */
export function Pane() {
  const view = useSyncExternalStore(subscribeView, getView);
  const title = PANE_VIEWS.find((v) => v.id === view)?.title ?? PANE_VIEWS[0].title;
  return (
    <FluentProvider theme={webLightTheme} dir="rtl">
      <main lang="fa" data-view={view}>
        <Title3 as="h1">ثبت برنامه · Plan Register</Title3>
        <div>
          <Subtitle2 as="h2">{title.fa}</Subtitle2>
        </div>
        <div lang="en" dir="ltr">
          <Subtitle2 as="h2">{title.en}</Subtitle2>
        </div>
      </main>
    </FluentProvider>
  );
}
