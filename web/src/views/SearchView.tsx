/** @jsxRuntime automatic */
/**
 * The search's results: the goals, strategies, programs, projects and KPIs whose ID or title
 * holds the words, each linked to its row on its section's page (a stable address too).
 */
import { webPath } from '#core';
import { makeStyles, tokens } from '@fluentui/react-components';
import { AppLink, Iso, PageTitle, Section, Stored, usePageStyles } from '../components';
import type { StringKey } from '../i18n';
import { t, tn } from '../i18n';
import type { SearchHit } from '../plan';
import { anchorOf, searchPlan } from '../plan';
import type { ViewProps } from './common';

const useStyles = makeStyles({
  results: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
});

const KIND: Record<SearchHit['kind'], StringKey> = {
  goal: 'goal',
  strategy: 'strategyOne',
  program: 'programOne',
  project: 'projectOne',
  kpi: 'kpiOne',
};

export function SearchView({ lang, plan, route }: ViewProps) {
  const page = usePageStyles();
  const styles = useStyles();
  const q = (route.q ?? '').trim();
  const hits = searchPlan(plan, q);
  return (
    <div className={page.stack}>
      <PageTitle>{t(lang, 'search')}</PageTitle>
      <Section
        title={q === '' ? t(lang, 'search') : tn(lang, 'searchResults', hits.length, { q })}
        id="results"
      >
        {q === '' && <p>{t(lang, 'searchEmpty')}</p>}
        {q !== '' && hits.length === 0 && <p role="status">{t(lang, 'searchNone', { q })}</p>}
        {hits.length > 0 && (
          <ol className={styles.results} data-testid="search-results">
            {hits.map((h) => (
              <li key={`${h.kind}-${h.id}`}>
                <span className={page.muted}>{t(lang, KIND[h.kind])}</span>{' '}
                <AppLink
                  href={`${webPath({ ...route, section: h.section, q: undefined }, lang)}#${anchorOf(h.kind, h.id)}`}
                >
                  <Iso>{h.id}</Iso> <Stored>{h.title}</Stored>
                </AppLink>
              </li>
            ))}
          </ol>
        )}
      </Section>
    </div>
  );
}
