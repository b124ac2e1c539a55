/** @jest-environment jsdom */
/**
 * The Chain, Revenue and Priorities views on the sample plan (the core's sample city, whose
 * figures are the core's own): what a planner sees and what goes back into the workbook.
 * Expected figures are taken from the sample workbook's raw cells where they can be (a
 * project's money per year, an ID cell's address, the criteria weights), and otherwise from
 * consistency between the views' figures (the gap table against the written forecast).
 */
/// <reference lib="dom" />
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Language, RawTable, RawWorkbook } from '#core';
import { samplePlanWorkbook } from '#core';
import { openPane } from './paneHarness';

const sample = samplePlanWorkbook();
const table = (name: string): RawTable => sample.tables.find((t) => t.name === name)!;

/** The pane on a tab, over the sample workbook (or `workbook`). */
async function open(tab: string, lang: Language = 'en', workbook: RawWorkbook = sample) {
  return (await openPane(workbook, { lang, tab })).office;
}

describe('Chain', () => {
  it('shows goal › strategy › program › scheme › items with money, marks, and selects a row', async () => {
    const office = await open('Chain');
    const tree = await screen.findByRole('tree');
    // The first goal of tblGoals, with its title.
    const goals = table('tblGoals');
    expect(within(tree).getAllByText(String(goals.rows[0]![0]), { exact: false }).length).toBe(1);

    // Opening S1.1 and then PG01 (each a click, which also selects its row) shows P-001.
    const rowOf = (name: string, id: string) => {
      const t = table(name);
      // Every table of the sample has its header on row 2 (A2, or H2 for tblSchemes beside
      // tblPrograms), so data row i is on sheet row 3 + i, in the header's column.
      const column = (t.address ?? 'A2').replace(/\d+$/, '');
      return { sheet: t.sheet, cell: `${column}${3 + t.rows.findIndex((r) => r[0] === id)}` };
    };
    const click = (id: string) => fireEvent.click(tree.querySelector(`[data-id="${id}"]`)!);
    click('S1.1');
    await waitFor(() => expect(tree.querySelector('[data-id="PG01"]')).not.toBeNull());
    click('PG01');
    // P-001 names the scheme SC01 (its «شناسه طرح» in tblProjects): it is under SC01.
    await waitFor(() => expect(tree.querySelector('[data-id="SC01"]')).not.toBeNull());
    click('SC01');
    await waitFor(() => expect(tree.querySelector('[data-id="P-001"]')).not.toBeNull());

    // P-001's money: the sum of its year columns 1405–1409 in tblProjects, in billions.
    const projects = table('tblProjects');
    const idx = projects.rows.findIndex((r) => r[0] === 'P-001');
    const years = ['1405', '1406', '1407', '1408', '1409'].map((y) => projects.header.indexOf(y));
    const total = years.reduce((s, j) => s + Number(projects.rows[idx]![j]), 0);
    const item = tree.querySelector('[data-id="P-001"]') as HTMLElement;
    expect(item.textContent).toContain(
      `Total: ${(Math.round(total / 1e8) / 10).toLocaleString('en-US', { minimumFractionDigits: 1 })} Billion Rials`,
    );
    click('P-001');
    // The chosen level's money per year, as a small table: the same year columns, in billions.
    const money = await within(item).findByTestId('chain-money');
    const bn = (x: number) =>
      (Math.round(x / 1e8) / 10).toLocaleString('en-US', { minimumFractionDigits: 1 });
    expect(
      within(money)
        .getAllByRole('row')
        .slice(1)
        .map((r) => [...r.children].map((c) => c.textContent)),
    ).toEqual(years.map((j, k) => [String(1405 + k), bn(Number(projects.rows[idx]![j]))]));
    await waitFor(() =>
      expect(office.selections).toEqual([
        rowOf('tblStrategies', 'S1.1'),
        rowOf('tblPrograms', 'PG01'),
        rowOf('tblSchemes', 'SC01'),
        rowOf('tblProjects', 'P-001'),
      ]),
    );

    // Strategies whose directives cell is empty in tblStrategies are marked.
    const strategies = table('tblStrategies');
    const dirCol = strategies.header.indexOf('رهنمودهای فرادست');
    const without = strategies.rows.filter((r) => r[dirCol] === null || r[dirCol] === '');
    expect(without.length).toBeGreaterThan(0);
    for (const r of without) {
      const node = tree.querySelector(`[data-id="${String(r[0])}"]`);
      expect(node?.getAttribute('data-marks')).toContain('no-directive');
      expect(node?.textContent).toContain('no upstream directive');
    }
  });
});

describe('Chain with schemes', () => {
  it('puts a program’s schemes with their projects under it, other items directly, each with its money', async () => {
    // P-003 of SC01 made scheme-less: it then sits directly under its program PG01, beside
    // PG01's activities, while SC01 keeps P-001 and P-002.
    const workbook = samplePlanWorkbook();
    const projects = workbook.tables.find((t) => t.name === 'tblProjects')!;
    const schemeCol = projects.header.indexOf('شناسه طرح');
    projects.rows.find((r) => r[0] === 'P-003')![schemeCol] = null;
    // SC01's title without the word «طرح» it begins with in the sample.
    const schemes = workbook.tables.find((t) => t.name === 'tblSchemes')!;
    const sc01 = schemes.rows.find((r) => r[0] === 'SC01')!;
    sc01[schemes.header.indexOf('عنوان')] = 'بوستان‌های محله‌ای';
    await open('Chain', 'en', workbook);
    const tree = await screen.findByRole('tree');
    const node = (id: string) => tree.querySelector(`[data-id="${id}"]`) as HTMLElement | null;
    const click = (id: string) => fireEvent.click(node(id)!);
    click('S1.1');
    await waitFor(() => expect(node('PG01')).not.toBeNull());
    click('PG01');
    await waitFor(() => expect(node('SC01')).not.toBeNull());
    // The item a node's tree item is in: its parent item.
    const parentOf = (id: string) =>
      node(id)!.parentElement!.closest('[data-id]')!.getAttribute('data-id');
    expect(parentOf('SC01')).toBe('PG01');
    expect(parentOf('P-003')).toBe('PG01');
    expect(parentOf('A-001')).toBe('PG01');
    expect(node('P-001')).toBeNull();
    click('SC01');
    await waitFor(() => expect(node('P-001')).not.toBeNull());
    expect(parentOf('P-001')).toBe('SC01');
    expect(parentOf('P-002')).toBe('SC01');
    // A scheme says what it is (unless its title begins with «طرح», as the sample's do).
    expect(node('SC01')!.querySelector('[data-level="scheme"]')?.textContent).toContain('Scheme');

    // SC01's money per year: the sum of its projects' year columns in tblProjects (P-001 and
    // P-002, neither dropped), in billions with one decimal.
    const years = ['1405', '1406', '1407', '1408', '1409'];
    const inScheme = projects.rows.filter((r) => r[schemeCol] === 'SC01');
    expect(inScheme.map((r) => r[0])).toEqual(['P-001', 'P-002']);
    const perYear = years.map((y) =>
      inScheme.reduce((s, r) => s + Number(r[projects.header.indexOf(y)]), 0),
    );
    const bn = (x: number) =>
      (Math.round(x / 1e8) / 10).toLocaleString('en-US', { minimumFractionDigits: 1 });
    const money = await within(node('SC01')!).findByTestId('chain-money');
    expect(
      within(money)
        .getAllByRole('row')
        .slice(1, 1 + years.length)
        .map((r) => [...r.children].map((c) => c.textContent)),
    ).toEqual(years.map((y, k) => [y, bn(perYear[k]!)]));
  });
});

describe('Chain in a department’s workbook', () => {
  it('hides the city’s goals it gives no money to (a switch shows them) and explains each mark', async () => {
    // The city's goals as reference data (as Sync pulls them), one more (G9) that no item of
    // this workbook serves.
    const goals = table('tblGoals');
    const g9 = goals.rows[0]!.map((c, j) => (j === 0 ? 'G9' : j === 1 ? 'هدفی دیگر' : c));
    const workbook: RawWorkbook = {
      tables: sample.tables.map((t) =>
        t === goals ? { ...t, name: 'ref_tblGoals', reference: true, rows: [...t.rows, g9] } : t,
      ),
    };
    await open('Chain', 'en', workbook);
    const tree = await screen.findByRole('tree');
    expect(tree.querySelector('[data-id="G1"]')).not.toBeNull();
    expect(tree.querySelector('[data-id="G9"]')).toBeNull();
    fireEvent.click(
      screen.getByRole('switch', { name: /city’s goals this workbook gives no money to \(1\)/ }),
    );
    await waitFor(() => expect(tree.querySelector('[data-id="G9"]')).not.toBeNull());
    expect(tree.querySelector('[data-id="G9"]')?.getAttribute('data-marks')).toContain('no-money');
    // Each mark is explained in words beside the tree.
    const legend = screen.getByTestId('chain-legend');
    expect(legend.textContent).toContain('no money');
    expect(legend.textContent).toContain('No project or activity under this level has money');
  });
});

describe('Revenue', () => {
  it('shows the forecast with its band and the gap, and writes it as a table or as formulas', async () => {
    const office = await open('Revenue');
    const chart = await screen.findByTestId('revenue-chart');
    // A group of years (each one focusable), named by its summary.
    expect(chart.getAttribute('role')).toBe('group');
    // Its axis: the first and last year of tblRevenueHistory and the plan (1395, 1409), and a
    // legend with the unit.
    const ticks = [...chart.querySelectorAll('text')].map((e) => e.textContent);
    expect(ticks).toEqual(expect.arrayContaining(['1395', '1409']));
    expect(screen.getByTestId('chart-legend').textContent).toContain('Amounts in billion Rials');
    // The gap table has one row per plan year (tblPlanInfo: 1405–1409).
    const gapTable = screen.getByRole('region', { name: /Fiscal balance per year/ });
    const rows = within(gapTable).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.firstElementChild?.textContent)).toEqual([
      '1405',
      '1406',
      '1407',
      '1408',
      '1409',
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Write' }));
    await screen.findByText('Written to the sheet "Revenue forecast".');
    const written = office.writes[0]!;
    expect(written.name).toBe('tblRevenueForecast');
    expect(written.header).toEqual(['Year', 'Scenario', 'Forecast', 'P10', 'P50', 'P90']);
    expect(written.rows.map((r) => r[0])).toEqual([1405, 1406, 1407, 1408, 1409]);
    for (const r of written.rows) {
      const [p10, p50, p90] = [Number(r[3]), Number(r[4]), Number(r[5])];
      expect(p10).toBeLessThan(p50);
      expect(p50).toBeLessThan(p90);
    }
    // The gap table's revenue column is the written point forecast, in billions of Rials.
    const first = Number(written.rows[0]![2]);
    expect(rows[0]!.children[1]!.textContent).toBe(
      (Math.round(first / 1e8) / 10).toLocaleString('en-US', { minimumFractionDigits: 1 }),
    );

    // Another method for one class changes the forecast.
    const method = screen.getByRole('combobox', { name: /General duties|general-duties/i });
    fireEvent.change(method, { target: { value: 'damped' } });
    fireEvent.click(screen.getByRole('radio', { name: 'PLAN.SCENARIO_REVENUE formulas' }));
    fireEvent.click(screen.getByRole('button', { name: 'Write' }));
    await waitFor(() => expect(office.formulas).toHaveLength(1));
    const formulas = office.formulas[0]!.formulas.flat().filter(
      (c) => typeof c === 'string' && c.startsWith('='),
    );
    // One formula per revenue class of the scenario (7 in tblRevenueScenarios for base).
    const classes = table('tblRevenueScenarios').rows.filter((r) => r[0] === 'base').length;
    expect(formulas).toHaveLength(classes);
    expect(formulas).toContainEqual(
      expect.stringMatching(
        /^=PLAN\.SCENARIO_REVENUE\(A\d+:B\d+,1409,"base:general-duties","damped"\)$/,
      ),
    );
  });
});

describe('Revenue: a year’s amounts on hover and focus', () => {
  /** The readout under the chart as label → text, row by row. */
  const readout = () =>
    [...screen.getByTestId('chart-readout').querySelectorAll('tr')].map((r) => [
      r.children[0]!.textContent,
      r.children[1]!.textContent,
    ]);

  it('one Tab stop on the first forecast year, arrows and Home/End move; amounts in billions', async () => {
    const office = await open('Revenue');
    const chart = await screen.findByTestId('revenue-chart');
    const columns = [...chart.querySelectorAll('rect[data-year]')] as SVGRectElement[];
    // 1395–1404 of tblRevenueHistory, then the plan's 1405–1409: one column each.
    expect(columns.map((c) => Number(c.dataset.year))).toEqual(
      Array.from({ length: 15 }, (_, i) => 1395 + i),
    );
    // Roving tab index: only the first forecast year is in the Tab order.
    expect(
      columns.filter((c) => c.getAttribute('tabindex') === '0').map((c) => c.dataset.year),
    ).toEqual(['1405']);
    expect(screen.getByTestId('chart-readout').textContent).toContain('arrow keys');

    // The values of 1405 are those written as tblRevenueForecast (P10, P50, P90 in Rials), in
    // billions with one decimal.
    fireEvent.click(screen.getByRole('button', { name: 'Write' }));
    await screen.findByText('Written to the sheet "Revenue forecast".');
    const row1405 = office.writes[0]!.rows[0]!;
    const bn = (rials: number) =>
      (Math.round(rials / 1e8) / 10).toLocaleString('en-US', { minimumFractionDigits: 1 });
    fireEvent.focus(columns[10]!);
    expect(readout()).toEqual([
      ['P10 (low)', bn(Number(row1405[3]))],
      ['P50 (median)', bn(Number(row1405[4]))],
      ['P90 (high)', bn(Number(row1405[5]))],
    ]);
    expect(screen.getByTestId('chart-readout').textContent).toContain('Amounts of 1405');
    // Its accessible name says the same (what a screen reader reads on focus).
    expect(columns[10]!.getAttribute('aria-label')).toBe(
      `1405, Forecast: P10 (low) ${bn(Number(row1405[3]))}; P50 (median) ${bn(Number(row1405[4]))}; P90 (high) ${bn(Number(row1405[5]))} billion Rials`,
    );

    // Home: the first history year, its actual the sum of tblRevenueHistory's 1395 rows.
    fireEvent.keyDown(columns[10]!, { key: 'Home' });
    expect(document.activeElement).toBe(columns[0]);
    const h = table('tblRevenueHistory');
    const sum1395 = h.rows.filter((r) => r[2] === 1395).reduce((a, r) => a + Number(r[3]), 0);
    expect(readout()).toEqual([['Actual', bn(sum1395)]]);
    // In English the next year is to the right.
    fireEvent.keyDown(columns[0]!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(columns[1]);
    expect(columns[1]!.getAttribute('tabindex')).toBe('0');
    fireEvent.keyDown(columns[1]!, { key: 'End' });
    expect(document.activeElement).toBe(columns[14]);
    expect(screen.getByTestId('chart-readout').textContent).toContain('Amounts of 1409');
    // Pointing at a year shows it too; leaving the chart clears it.
    fireEvent.mouseEnter(columns[3]!);
    expect(readout()).toEqual([
      ['Actual', bn(h.rows.filter((r) => r[2] === 1398).reduce((a, r) => a + Number(r[3]), 0))],
    ]);
    fireEvent.mouseLeave(chart);
    expect(readout()).toEqual([]);
  });

  it('in Persian: the next year is to the left, Persian digits and names, no Latin «P10»', async () => {
    await open('درآمد', 'fa');
    const chart = await screen.findByTestId('revenue-chart');
    const columns = [...chart.querySelectorAll('rect[data-year]')] as SVGRectElement[];
    fireEvent.focus(columns[10]!);
    fireEvent.keyDown(columns[10]!, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(columns[11]);
    const rows = readout();
    expect(rows.map((r) => r[0])).toEqual(['صدک ۱۰ (کم)', 'میانه', 'صدک ۹۰ (زیاد)']);
    for (const [, v] of rows) expect(v).toMatch(/^[۰-۹٬]+٫[۰-۹]$/);
    expect(screen.getByTestId('chart-readout').textContent).toContain('مبلغ‌های سال ۱۴۰۶');
    expect(columns[11]!.getAttribute('aria-label')).toMatch(/^۱۴۰۶، پیش‌بینی: صدک ۱۰ \(کم\) /);
    expect(columns[11]!.getAttribute('aria-label')).not.toMatch(/[A-Za-z0-9]/);
  });
});

describe('Priorities', () => {
  it('shows AHP weights with the consistency ratio in Persian digits, ranks and writes a column', async () => {
    const office = await open('اولویت', 'fa');
    const cr = await screen.findByTestId('cr');
    // Persian digits and the Arabic decimal separator: «۰٫۰…».
    expect(cr.textContent).toMatch(/^نسبت سازگاری: ۰٫[۰-۹]{3}؛$/);

    // Direct weights: the Weight column of tblCriteria as shares of its sum.
    fireEvent.click(screen.getByRole('radio', { name: 'وزن مستقیم' }));
    const criteria = table('tblCriteria');
    const w = criteria.rows.map((r) => Number(r[2]));
    const sum = w.reduce((a, b) => a + b, 0);
    // With the Persian percent sign «٪» (U+066A), not «%».
    const shown = screen.getAllByText(/٪$/).map((e) => e.textContent);
    const fa = (n: number) =>
      (n * 100)
        .toFixed(1)
        .replace('.', '\u066b')
        .replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
    expect(shown.slice(0, w.length)).toEqual(w.map((x) => `${fa(x / sum)}٪`));

    // The ranked table: ranks 1, 2, … in Persian digits.
    const ranked = screen.getByRole('table', { name: 'اولویت' });
    const firstRank = within(ranked).getAllByRole('row')[1]!.firstElementChild!.textContent;
    expect(firstRank).toBe('۱');

    fireEvent.click(screen.getByRole('button', { name: 'نوشتن ستون انتخاب' }));
    // Confirmed first (tests/addin/taskpane-priorities.test.ts: what the dialog says).
    fireEvent.click(
      within(await screen.findByRole('dialog', { hidden: true })).getByRole('button', {
        name: 'بنویس',
        hidden: true,
      }),
    );
    await waitFor(() => expect(office.formulas).toHaveLength(1));
    const projects = table('tblProjects');
    const write = office.formulas[0]!;
    // Beside tblProjects (header at A2): the first column after its last, from the header row.
    const letters = (n: number): string =>
      n <= 0 ? '' : letters(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26));
    expect(write.sheet).toBe(projects.sheet);
    expect(write.topLeft).toBe(`${letters(projects.header.length + 1)}2`);
    expect(write.formulas).toHaveLength(projects.rows.length + 1);
    expect(write.formulas[0]).toEqual(['انتخاب سبد']);
    const flags = write.formulas.slice(1).map((r) => r[0]);
    expect(flags.every((f) => f === 0 || f === 1 || f === '')).toBe(true);
    expect(flags.filter((f) => f === 1).length).toBeGreaterThan(0);
  });

  it('says so when the workbook has no revenue to set a budget', async () => {
    await open('Priorities', 'en', {
      tables: sample.tables.filter(
        (t) => t.name !== 'tblRevenueHistory' && t.name !== 'tblRevenueScenarios',
      ),
    });
    await screen.findByText(/This workbook has no revenue to set a budget/);
    expect(
      (screen.getByRole('button', { name: 'Write the selection column' }) as HTMLButtonElement)
        .disabled,
    ).toBe(true);
  });

  it('names the scenario of the budget: the workbook’s own, and says when it is not there', async () => {
    const withScenario = (name: string) => ({
      tables: sample.tables.map((t) =>
        t.name === 'tblPlanInfo' ? { ...t, rows: [...t.rows, ['Scenario', name]] } : t,
      ),
    });
    const show = (name: string) => open('Priorities', 'en', withScenario(name));
    await show('pessimistic');
    expect((await screen.findByTestId('budget-scenario')).textContent).toBe(
      // By its caption in the contract's REVENUE_SCENARIOS.
      'Revenue scenario: Pessimistic',
    );
    cleanup();
    await show('optimistic-2');
    await screen.findByText(/scenario "optimistic-2" is not in tblRevenueScenarios/);
    expect(screen.queryByTestId('budget')).toBeNull();
  });
});
