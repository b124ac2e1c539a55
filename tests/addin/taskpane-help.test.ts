/** @jest-environment jsdom */
/**
 * Help where the question arises (issue 20): every analysis view of the pane links to the
 * register's help page of the concept it shows, in the pane's language, and each link names a
 * topic the register has a page for (the core's `helpPage`, what `/help/<topic>` serves).
 */
/// <reference lib="dom" />
import { cleanup, waitFor } from '@testing-library/react';
import type { Language } from '#core';
import { helpPage, sampleMonitoringWorkbook, samplePlanWorkbook } from '#core';
import { STRINGS } from '../../addin/src/taskpane/i18n';
import { TABS } from '../../addin/src/taskpane/tabs';
import { openPane, signedInStore } from './paneHarness';

afterEach(cleanup);

/** The concepts each view explains (what a planner meets there for the first time). */
const EXPECTED: Record<string, readonly string[]> = {
  chain: ['plan-chain'],
  kpis: ['kpi-progress'],
  revenue: ['revenue-forecast'],
  budget: ['balances'],
  priorities: ['priority-score', 'ahp', 'capital-portfolio'],
  monitor: ['earned-value', 'budget-execution'],
};

const tabName = (id: string, lang: Language) => {
  const tab = TABS.find((t) => t.id === id);
  if (tab === undefined) throw new Error(`no tab ${id}`);
  return STRINGS[tab.label][lang];
};

describe.each(['fa', 'en'] as const)('the pane’s help links (%s)', (lang) => {
  it.each(Object.entries(EXPECTED))('%s links to its concepts’ help pages', async (id, topics) => {
    const workbook = id === 'monitor' ? sampleMonitoringWorkbook('D-CIV') : samplePlanWorkbook();
    await openPane(workbook, {
      lang,
      tab: tabName(id, lang),
      store: signedInStore('https://plan.example/'),
    });
    await waitFor(() => {
      const found = [...document.querySelectorAll('a[data-help]')].map((a) =>
        a.getAttribute('data-help'),
      );
      for (const topic of topics) expect(found).toContain(topic);
    });
    for (const topic of topics) {
      const a = document.querySelector(`a[data-help="${topic}"]`) as HTMLAnchorElement;
      expect(a.getAttribute('href')).toBe(`https://plan.example/help/${topic}?lang=${lang}`);
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.textContent?.length).toBeGreaterThan(3);
      // A page the register serves, in this language.
      expect(helpPage(topic, lang)).not.toBeNull();
    }
  });

  it('shows no help link when no register is known (the pages are the register’s)', async () => {
    await openPane(samplePlanWorkbook(), { lang, tab: tabName('chain', lang) });
    await waitFor(() => expect(document.querySelector('[role="tree"]')).not.toBeNull());
    expect(document.querySelector('a[data-help]')).toBeNull();
  });
});
