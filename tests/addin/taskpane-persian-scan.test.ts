/** @jest-environment jsdom */
/**
 * The pane's Persian as it is shown (issue 11, "Persian that is Persian"): every view opened
 * in Persian on the sample plan, and every text the reader sees read off the page. A Latin
 * letter or digit is allowed only inside an element set left to right (`<bdi>`, `dir="ltr"`:
 * IDs, codes, formulas, the register's address) or in text the user typed (cell values are
 * theirs); everything the pane writes itself is Persian, with Persian digits.
 */
/// <reference lib="dom" />
import { screen } from '@testing-library/react';
import { samplePlanWorkbook, templateWorkbook } from '#core';

/** The workbook's own texts (titles, names, notes): the user's words, shown as written. */
const USER_TEXTS = new Set(
  samplePlanWorkbook()
    .tables.flatMap((t) => t.rows.flat())
    .filter((v): v is string => typeof v === 'string')
    .map((v) => v.trim()),
);
import { openPane } from './paneHarness';

/** The tabs of the pane, by their Persian names (i18n.ts). */
const TABS = ['شروع', 'بررسی', 'زنجیره', 'شاخص‌ها', 'درآمد', 'بودجه', 'اولویت', 'سامانه'];

/** Text nodes of the page whose nearest direction is not left to right, with what holds them. */
function persianTexts(root: HTMLElement): Array<{ text: string; where: string }> {
  const out: Array<{ text: string; where: string }> = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    if (text.trim() === '') continue;
    const parent = node.parentElement;
    if (!parent) continue;
    // Isolated left to right (an ID, a code, a number run), marked as English on purpose (the
    // language switch's «English»), or hidden from the reader.
    if (parent.closest('bdi, [dir="ltr"], [lang="en"], code, script, style, [aria-hidden="true"]'))
      continue;
    const where = parent.closest('[role], [data-testid], h1, h2, h3, label, button');
    out.push({
      text,
      where: `${where?.tagName.toLowerCase() ?? parent.tagName.toLowerCase()}${where?.getAttribute('data-testid') ? `#${where.getAttribute('data-testid')}` : ''}`,
    });
  }
  return out;
}

describe('the pane in Persian writes Persian', () => {
  it.each(TABS)('%s: no Latin letter or digit outside an isolate', async (tab) => {
    await openPane(samplePlanWorkbook(), { lang: 'fa', tab });
    // Let the view's first render settle (charts and tables are drawn after the read).
    await screen.findAllByRole('tab');
    await new Promise((r) => setTimeout(r, 50));
    const latin = persianTexts(document.body)
      .filter((t) => !USER_TEXTS.has(t.text.trim()))
      .filter((t) => /[A-Za-z0-9]/.test(t.text.replace(/[\u2066-\u2069][^\u2069]*\u2069/g, '')))
      .map((t) => `${t.where}: ${t.text.trim().slice(0, 80)}`);
    expect(latin).toEqual([]);
  });

  it.each(['شروع', 'بررسی'])(
    '%s on an empty template (the findings of a new workbook): Persian too',
    async (tab) => {
      await openPane(templateWorkbook({ lang: 'fa' }), { lang: 'fa', tab });
      await screen.findAllByRole('tab');
      await new Promise((r) => setTimeout(r, 50));
      const texts = persianTexts(document.body);
      // The view says something (the findings of an empty workbook), and all of it Persian.
      expect(texts.length).toBeGreaterThan(5);
      const latin = texts
        .filter((t) => /[A-Za-z0-9]/.test(t.text.replace(/[\u2066-\u2069][^\u2069]*\u2069/g, '')))
        .map((t) => `${t.where}: ${t.text.trim().slice(0, 80)}`);
      expect(latin).toEqual([]);
    },
  );
});
