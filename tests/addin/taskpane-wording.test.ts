/** @jest-environment jsdom */
/**
 * The pane's words, read as a Persian-speaking finance officer and an English one would
 * (issue: the task pane made for its users): scenarios by their captions (the contract's
 * REVENUE_SCENARIOS), the Persian percent sign «٪», the glossary's terms (its fiscal balance,
 * not «شکاف»; its «گزینش به ترتیب رتبه», not the calque «رتبه و پرکردن»), and English counts
 * that agree with their number ("1 warning", never "1 warnings").
 */
/// <reference lib="dom" />
import { screen, within } from '@testing-library/react';
import type { Language, RawWorkbook } from '#core';
import { REVENUE_SCENARIOS, samplePlanWorkbook, term } from '#core';
import { tn } from '../../addin/src/taskpane/i18n';
import { openPane } from './paneHarness';

async function open(tab: string, lang: Language, workbook: RawWorkbook = samplePlanWorkbook()) {
  return openPane(workbook, { lang, tab });
}

describe('the pane’s wording', () => {
  it.each(['fa', 'en'] as const)(
    'Revenue (%s): scenarios by their captions, the fiscal balance by the glossary’s name',
    async (lang) => {
      await open(lang === 'fa' ? 'درآمد' : 'Revenue', lang);
      await screen.findByTestId('revenue-chart');
      const scenario = screen.getByRole('combobox', {
        name: lang === 'fa' ? 'سناریو' : 'Scenario',
      });
      // The sample's tblRevenueScenarios holds the three standard scenarios.
      const shown = within(scenario)
        .getAllByRole('option')
        .map((o) => o.textContent);
      expect([...shown].sort()).toEqual(REVENUE_SCENARIOS.map((s) => s[lang]).sort());
      const balance = term('fiscalBalance')[lang];
      expect(
        screen.getByRole('region', { name: new RegExp(balance, 'i') }).textContent,
      ).not.toMatch(/شکاف|gap/i);
    },
  );

  it('Priorities in Persian: weights with «٪», scores compared with the glossary’s term', async () => {
    const { view } = await open('اولویت', 'fa');
    const weights = await screen.findByRole('region', { name: 'وزن‌ها از' });
    const cells = within(weights)
      .getAllByRole('cell')
      .filter((c) => /[۰-۹]/.test(c.textContent ?? ''));
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) expect(c.textContent).toMatch(/^[۰-۹٫]+٪$/);
    const text = view.container.textContent ?? '';
    expect(text).not.toContain('%');
    expect(text).not.toContain('پرکردن');
    expect(screen.getByRole('columnheader', { name: term('rankAndFill').fa })).toBeTruthy();
    // The budget's scenario by its caption (the sample's Scenario is `base`).
    expect(screen.getByTestId('budget-scenario').textContent).toBe('سناریوی درآمد: پایه');
  });

  it('counts agree with their number in English and are Persian digits in Persian', () => {
    expect(tn('en', 'warningsCount', 1)).toBe('1 warning (not blocking).');
    expect(tn('en', 'warningsCount', 3)).toBe('3 warnings (not blocking).');
    expect(tn('en', 'blocking', 1)).toBe('1 error blocks submission.');
    expect(tn('en', 'created', 1, { skipped: 0 })).toBe('1 table created; 0 already existed.');
    expect(tn('en', 'referencePulled', 1)).toBe('1 reference table written to the workbook.');
    expect(tn('fa', 'warningsCount', 12)).toBe('۱۲ هشدار (مانع نیست).');
  });
});
