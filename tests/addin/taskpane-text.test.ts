/** @jest-environment jsdom */
/**
 * How the pane sets text of two directions (issue: the task pane made for its users): every
 * ID, code, cell address and value inside Persian text is a left-to-right isolate (`<bdi>`)
 * that never wraps, so that `P-004` never shows as «004-P» or breaks at the hyphen and
 * `#DIV/0!` never as «!DIV/0#»; the isolates the core marks in its messages (U+2066/U+2068 …
 * U+2069) become such elements; no separator that reads as a Persian zero («·» beside «۰»).
 */
/// <reference lib="dom" />
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { RawWorkbook } from '#core';
import { getTableSpec, samplePlanWorkbook } from '#core';
import { openPane } from './paneHarness';

/** The sample plan with two cells of tblProjects typed wrong: a money cell and a title. */
function withBadCells(): RawWorkbook {
  const wb = samplePlanWorkbook();
  const projects = wb.tables.find((t) => t.name === 'tblProjects')!;
  const year = projects.header.indexOf('1406');
  // `#DIV/0!` as Excel's formula error in a money cell; the core quotes it in its message.
  const rows = projects.rows.map((r, i) =>
    i === 3 ? r.map((c, j) => (j === year ? '#DIV/0!' : c)) : r,
  );
  return { tables: wb.tables.map((t) => (t === projects ? { ...t, rows } : t)) };
}

/** Whether a rule of the document's style sheets gives one of this element's classes `white-space: nowrap`. */
function noWrap(el: Element): boolean {
  const classes = new Set(el.classList);
  return [...document.styleSheets].some((sheet) =>
    [...sheet.cssRules].some((rule) => {
      const m = /^\.([\w-]+)\s*\{[^}]*white-space:\s*nowrap/.exec(rule.cssText);
      return m !== null && classes.has(m[1]!);
    }),
  );
}

/** Text nodes still holding a bidi control (they should have become elements). */
function bareControls(root: Element): string[] {
  const out: string[] = [];
  const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode())
    if (/[\u2066-\u2069]/.test(n.textContent ?? '')) out.push(n.textContent ?? '');
  return out;
}

describe('bidirectional text in the pane', () => {
  it('Check: a finding’s cell and the value it quotes are unbroken LTR isolates in Persian', async () => {
    await openPane(withBadCells(), { lang: 'fa', tab: 'بررسی' });
    await screen.findByTestId('check-summary');
    const group = screen.getByRole('region', {
      name: `${getTableSpec('tblProjects').fa}، خطاها`,
    });
    // The heading is the table's caption, not its key.
    expect(within(group).getByRole('heading').textContent).toBe(getTableSpec('tblProjects').fa);
    expect(group.textContent).not.toContain('tblProjects');
    const item = [...group.querySelectorAll('li')].find((li) =>
      li.textContent?.includes('#DIV/0!'),
    )!;
    expect(item).toBeDefined();
    const isolates = [...item.querySelectorAll('bdi')];
    // The cell address (row 4 of the data is sheet row 6: the header is at A2) and the value.
    const value = isolates.find((b) => b.textContent === '#DIV/0!')!;
    expect(value).toBeDefined();
    expect(['ltr', 'auto']).toContain(value.getAttribute('dir'));
    expect(noWrap(value)).toBe(true);
    const cell = isolates.find((b) => /^[A-Z]+6$/.test(b.textContent ?? ''))!;
    expect(cell.getAttribute('dir')).toBe('ltr');
    expect(noWrap(cell)).toBe(true);
    expect(bareControls(group)).toEqual([]);
  });

  it('Chain and Priorities: every ID is an unbroken LTR isolate', async () => {
    await openPane(samplePlanWorkbook(), { lang: 'fa', tab: 'زنجیره' });
    const tree = await screen.findByRole('tree');
    const goal = tree.querySelector('[data-id]')!;
    const id = goal.getAttribute('data-id')!;
    const bdi = [...goal.querySelectorAll('bdi')].find((b) => b.textContent === id)!;
    expect(bdi.getAttribute('dir')).toBe('ltr');
    expect(noWrap(bdi)).toBe(true);

    fireEvent.click(screen.getByRole('tab', { name: 'اولویت' }));
    const table = await screen.findByRole('table', { name: 'اولویت' });
    const rows = within(table).getAllByRole('row').slice(1);
    // P-004 of the sample, as one isolate (never «-P / 004»).
    const p004 = rows.find((r) => r.dataset.id === 'P-004')!;
    const iso = [...p004.querySelectorAll('bdi')].find((b) => b.textContent === 'P-004')!;
    expect(iso.getAttribute('dir')).toBe('ltr');
    expect(noWrap(iso)).toBe(true);
    // Scores are numbers isolated left to right too (a sign stays before the digits).
    const score = p004.querySelector('bdi[data-iso="num"]');
    expect(score?.textContent).toMatch(/^[۰-۹٬٫]+$/);
  });
  it('no view separates with «·», which reads as the Persian zero', async () => {
    const { view } = await openPane(samplePlanWorkbook(), { lang: 'fa' });
    for (const tab of ['شروع', 'بررسی', 'زنجیره', 'درآمد', 'اولویت', 'سامانه']) {
      fireEvent.click(screen.getByRole('tab', { name: tab }));
      await waitFor(() => expect(view.container.querySelector('main')).not.toBeNull());
      const main = view.container.querySelector('main')!;
      expect(main.textContent).not.toContain('·');
      for (const el of main.querySelectorAll('[aria-label]'))
        expect(el.getAttribute('aria-label')).not.toContain('·');
    }
  });
});
