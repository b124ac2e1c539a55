/** @jest-environment jsdom */
/**
 * The Plan pane as a department's planner meets it, rendered with Testing Library in jsdom
 * over a fake Office adapter: the pane opens in Persian (RTL, Persian digits) and switches to
 * English; Start creates every contract table from the core's template and recognises what a
 * workbook lacks; Check groups the core's findings, says how many errors block submission,
 * selects a finding's cell in Excel, and checks again after an edit.
 * The set-up every pane test shares is in `paneHarness.ts`.
 */
/// <reference lib="dom" />
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { RawWorkbook } from '#core';
import { TABLE_NAMES, columnLetters, getTableSpec, samplePlanWorkbook } from '#core';
import { setView } from '../../addin/src/taskpane/paneState';
import { renderPane, signedInStore } from './paneHarness';
import { fakeOffice, memoryStore } from './taskpaneFakes';

/** The sample plan with the Title of its first project emptied: one VALUE_REQUIRED error. */
function withEmptyTitle(): { workbook: RawWorkbook; cell: string; sheet: string } {
  const wb = samplePlanWorkbook();
  const projects = wb.tables.find((t) => t.name === 'tblProjects')!;
  const col = projects.header.indexOf('عنوان'); // the Persian caption of Title
  const rows = projects.rows.map((r, i) => (i === 0 ? r.map((c, j) => (j === col ? null : c)) : r));
  // The table's header is at A2 (placeTables), so data row 1 is sheet row 3 and the column
  // is the header's index counted from A.
  const cell = `${columnLetters(1 + col)}3`;
  return {
    workbook: { tables: wb.tables.map((t) => (t === projects ? { ...t, rows } : t)) },
    cell,
    sheet: projects.sheet!,
  };
}

describe('the pane shell', () => {
  it('opens in Persian, right to left, and switches to English, left to right', async () => {
    const office = fakeOffice(samplePlanWorkbook());
    const store = memoryStore();
    const { container } = renderPane({ office, store });
    await waitFor(() => expect(office.reads).toBe(1));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('ثبت برنامه');
    expect(container.querySelector('[dir="rtl"]')).not.toBeNull();
    expect(screen.getByRole('tab', { name: 'بررسی' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Plan Register');
    expect(container.firstElementChild?.getAttribute('dir')).toBe('ltr');
    // The choice is remembered in the add-in's storage.
    expect(store.data.get('plan-register.lang')).toBe('en');
  });

  it('opens the tab a ribbon button chose', async () => {
    const office = fakeOffice(samplePlanWorkbook());
    renderPane({ office, store: memoryStore() }, 'en');
    act(() => setView('check'));
    await waitFor(() =>
      expect(screen.getByRole('tab', { name: 'Check' }).getAttribute('aria-selected')).toBe('true'),
    );
    act(() => setView('register'));
    await waitFor(() =>
      expect(screen.getByRole('tab', { name: 'Sync' }).getAttribute('aria-selected')).toBe('true'),
    );
  });
});

describe('Start', () => {
  it('creates every contract table from the template of the chosen language', async () => {
    const office = fakeOffice({ tables: [] });
    renderPane({ office, store: memoryStore() }, 'en');
    fireEvent.click(await screen.findByRole('button', { name: 'Create from the template' }));
    await screen.findByText(`${TABLE_NAMES.length} tables created; 0 already existed.`);
    const layout = office.layouts[0]!;
    expect(layout.lang).toBe('en');
    const tables = layout.sheets.flatMap((s) => s.tables.map((t) => t.name));
    expect([...tables].sort()).toEqual([...TABLE_NAMES].sort());
  });

  it('recognises a workbook: which contract tables are missing', async () => {
    const wb = samplePlanWorkbook();
    const office = fakeOffice({
      tables: wb.tables.filter((t) => t.name !== 'tblKpis' && t.name !== 'tblStakeholders'),
    });
    renderPane({ office, store: memoryStore() }, 'en');
    // Every contract table is in the sample (plan-workbook.md), two taken out.
    await screen.findByText(
      `${TABLE_NAMES.length - 2} of ${TABLE_NAMES.length} contract tables are in this workbook.`,
    );
    // By their captions in the contract (tables.ts), in its order (tblKpis before tblStakeholders),
    // not by their keys.
    expect(screen.getByText(/Tables missing/).textContent).toContain(
      `${getTableSpec('tblKpis').en}, ${getTableSpec('tblStakeholders').en}`,
    );
    expect(screen.getByText(/Tables missing/).textContent).not.toContain('tblKpis');
  });
});

describe('Check', () => {
  it('groups the findings, says what blocks submission, and selects a finding’s cell', async () => {
    const { workbook, cell, sheet } = withEmptyTitle();
    const office = fakeOffice(workbook);
    renderPane({ office, store: memoryStore() }, 'fa');
    fireEvent.click(screen.getByRole('tab', { name: 'بررسی' }));
    // One emptied required cell: one error, in Persian digits.
    expect((await screen.findByTestId('check-summary')).textContent).toBe(
      '۱ خطا مانع فرستادن برنامه است.',
    );
    // The group is named by the table's caption (پروژه‌ها), not its key.
    const group = screen.getByRole('region', {
      name: `${getTableSpec('tblProjects').fa}، خطاها`,
    });
    // Its badge counts as Persian does: the number, then the singular noun.
    expect(group.querySelector('.fui-Badge')?.textContent).toBe('۱ خطا');
    const link = within(group).getByRole('button', { name: new RegExp(`رفتن به خانه ${cell}`) });
    fireEvent.click(link);
    await waitFor(() => expect(office.selections).toEqual([{ sheet, cell }]));
  });

  it.each([
    ['fa', 'بررسی', 'راهنما'],
    ['en', 'Check', 'Help'],
  ] as const)(
    '%s: links each finding to the register’s help page for its code, in the pane’s language',
    async (lang, tab, label) => {
      // Signed in to a register: its help pages (issue 20), opened outside the pane.
      const { workbook } = withEmptyTitle();
      const office = fakeOffice(workbook);
      renderPane({ office, store: signedInStore('https://plan.example/') }, lang);
      fireEvent.click(screen.getByRole('tab', { name: tab }));
      await screen.findByTestId('check-summary');
      const item = document.querySelector('li[data-code="VALUE_REQUIRED"]') as HTMLElement;
      const help = within(item).getByRole('link', { name: /VALUE_REQUIRED/ });
      expect(help.textContent).toBe(label);
      expect(help.getAttribute('href')).toBe(
        `https://plan.example/help/VALUE_REQUIRED?lang=${lang}`,
      );
      expect(help.getAttribute('target')).toBe('_blank');
    },
  );

  it('links to the register that served the pane when the planner has not signed in', async () => {
    const { workbook } = withEmptyTitle();
    const office = fakeOffice(workbook);
    renderPane({ office, store: memoryStore(), defaultServer: 'https://register.city' }, 'en');
    fireEvent.click(screen.getByRole('tab', { name: 'Check' }));
    await screen.findByTestId('check-summary');
    expect(screen.getByRole('link', { name: /Help on VALUE_REQUIRED/ }).getAttribute('href')).toBe(
      'https://register.city/help/VALUE_REQUIRED?lang=en',
    );
  });

  it('checks again after the tables change, and finds the plan clean once fixed', async () => {
    jest.useFakeTimers();
    try {
      const { workbook } = withEmptyTitle();
      const office = fakeOffice(workbook);
      renderPane({ office, store: memoryStore() }, 'en');
      fireEvent.click(screen.getByRole('tab', { name: 'Check' }));
      await screen.findByText('1 error blocks submission.');
      const before = office.reads;
      await act(async () => office.edit(samplePlanWorkbook()));
      await screen.findByText('No errors: the plan can be submitted.');
      expect(office.reads).toBe(before + 1);
    } finally {
      jest.useRealTimers();
    }
  });
});
