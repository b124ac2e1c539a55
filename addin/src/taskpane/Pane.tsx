/** @jsxRuntime automatic */
/**
 * The Plan pane: one FluentProvider whose `dir` follows the chosen language (Persian RTL,
 * English LTR), a header with the language switch, and the views as tabs. The ribbon's
 * buttons choose the tab through `paneState` (they run in the same shared runtime).
 */
import type { Language } from '#core';
import { isLanguage, PRACTICE_BANNER } from '#core';
import {
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
  Subtitle1,
  tokens,
  ToggleButton,
  webLightTheme,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { t } from './i18n';
import { getView, subscribeView } from './paneState';
import type { PaneContext, PaneServices } from './services';
import { PaneCtx, usePane, useWorkbookCheck } from './services';
import { TABS, tabOfView } from './tabs';
import type { TabId } from './tabs';
import { BudgetView } from './views/BudgetView';
import { ChainView } from './views/ChainView';
import { CheckView } from './views/CheckView';
import { KpiView } from './views/KpiView';
import { MonitorView } from './views/MonitorView';
import { PrioritiesView } from './views/PrioritiesView';
import { RevenueView } from './views/RevenueView';
import { StartView } from './views/StartView';
import { SyncView } from './views/SyncView';

const useStyles = makeStyles({
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  languages: { display: 'flex', gap: tokens.spacingHorizontalXS },
  // The pane is about 320–350 px wide: the tabs wrap onto a second line rather than scroll.
  tabs: { flexWrap: 'wrap', padding: `0 ${tokens.spacingHorizontalS}` },
  body: { padding: tokens.spacingHorizontalM },
});

const LANG_KEY = 'plan-register.lang';

/** The pane's root component. */
export function Pane(props: { services: PaneServices; initialLang?: Language }) {
  const { services } = props;
  const [lang, setLangState] = useState<Language>(() => {
    const saved = services.store.getItem(LANG_KEY);
    return isLanguage(saved) ? saved : (props.initialLang ?? 'fa');
  });
  const setLang = useCallback(
    (l: Language) => {
      setLangState(l);
      services.store.setItem(LANG_KEY, l);
    },
    [services.store],
  );
  const [auto, setAuto] = useState(true);
  const { check, checking, readError, recheck } = useWorkbookCheck(services.office, auto);
  useEffect(() => {
    void recheck();
  }, [recheck]);
  const [practice, setPractice] = useState(false);
  const ctx: PaneContext = useMemo(
    () => ({
      ...services,
      lang,
      setLang,
      check,
      checking,
      readError,
      recheck,
      practice,
      setPractice,
    }),
    [services, lang, setLang, check, checking, readError, recheck, practice],
  );
  // Styles are made inside the provider, so that Griffel flips them for right-to-left.
  return (
    <FluentProvider theme={webLightTheme} dir={lang === 'fa' ? 'rtl' : 'ltr'} lang={lang}>
      <PaneCtx.Provider value={ctx}>
        <PaneBody auto={auto} setAuto={setAuto} />
      </PaneCtx.Provider>
    </FluentProvider>
  );
}

function PaneBody(props: { auto: boolean; setAuto(auto: boolean): void }) {
  const { lang, setLang, practice } = usePane();
  const styles = useStyles();
  const ribbonView = useSyncExternalStore(subscribeView, getView);
  const [tab, setTab] = useState<TabId>(tabOfView(ribbonView));
  useEffect(() => setTab(tabOfView(ribbonView)), [ribbonView]);
  return (
    <div className={styles.root} data-view={tab} data-lang={lang}>
      <header className={styles.header}>
        <Subtitle1 as="h1">{t(lang, 'appTitle')}</Subtitle1>
        <div className={styles.languages} role="group" aria-label={t(lang, 'language')}>
          <ToggleButton
            size="small"
            checked={lang === 'fa'}
            aria-pressed={lang === 'fa'}
            onClick={() => setLang('fa')}
            lang="fa"
          >
            فارسی
          </ToggleButton>
          <ToggleButton
            size="small"
            checked={lang === 'en'}
            aria-pressed={lang === 'en'}
            onClick={() => setLang('en')}
            lang="en"
          >
            English
          </ToggleButton>
        </div>
      </header>
      {practice && (
        <MessageBar intent="warning" data-practice="">
          <MessageBarBody>
            <strong>{PRACTICE_BANNER[lang]}</strong>
          </MessageBarBody>
        </MessageBar>
      )}
      <nav aria-label={t(lang, 'views')}>
        <TabList
          className={styles.tabs}
          size="small"
          selectedValue={tab}
          onTabSelect={(_, d) => setTab(d.value as TabId)}
        >
          {TABS.map((x) => (
            <Tab key={x.id} value={x.id} id={`tab-${x.id}`}>
              {t(lang, x.label)}
            </Tab>
          ))}
        </TabList>
      </nav>
      {/* The page's main landmark holds the tab panel: a `role` on <main> itself would take
          the landmark away (axe: landmark-one-main, region). */}
      <main className={styles.body}>
        <div role="tabpanel" aria-labelledby={`tab-${tab}`}>
          {tab === 'start' && <StartView />}
          {tab === 'check' && <CheckView auto={props.auto} setAuto={props.setAuto} />}
          {tab === 'chain' && <ChainView />}
          {tab === 'kpis' && <KpiView />}
          {tab === 'monitor' && <MonitorView />}
          {tab === 'revenue' && <RevenueView />}
          {tab === 'budget' && <BudgetView />}
          {tab === 'priorities' && <PrioritiesView />}
          {tab === 'sync' && <SyncView />}
        </div>
      </main>
    </div>
  );
}
