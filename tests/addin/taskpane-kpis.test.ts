/** @jest-environment jsdom */
/**
 * The KPI view on the sample plan (the core's sample city): the core's KPI report by level and
 * owner, each KPI with its baseline, the chosen year's target and its latest actual, and a
 * click that selects its row in tblKpis. Expected figures are the sample workbook's raw cells.
 */
/// <reference lib="dom" />
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { RawTable } from '#core';
import { KPI_LEVELS, samplePlanWorkbook } from '#core';
import { openPane } from './paneHarness';

const sample = samplePlanWorkbook();
const table = (name: string): RawTable => sample.tables.find((t) => t.name === name)!;

describe('KPIs', () => {
  it('shows each KPI by level and owner with its target and latest actual, and selects its row', async () => {
    const { office } = await openPane(sample, { lang: 'en', tab: 'KPIs' });
    const groups = await screen.findAllByTestId('kpi-group');
    // Macro KPIs first (the contract's KPI_LEVELS order), each group named by its owner's name.
    expect(groups[0]!.getAttribute('aria-label')).toMatch(new RegExp(`^${KPI_LEVELS[0]!.en}, `));
    const kpis = table('tblKpis');
    const depts = table('tblDepartments');
    const ownerCol = kpis.header.indexOf('واحد مسئول');
    const k12 = kpis.rows.findIndex((r) => r[0] === 'K12');
    const owner = String(kpis.rows[k12]![ownerCol]);
    const ownerName = String(depts.rows.find((r) => r[0] === owner)?.[1] ?? owner);
    const row = document.querySelector('tr[data-id="K12"]') as HTMLElement;
    expect(row.closest('tbody')!.getAttribute('aria-label')).toContain(ownerName);
    const values = document.querySelector('tr[data-values="K12"]') as HTMLElement;

    // The year shown at first is the latest with an actual: tblKpiActuals holds 1405 only.
    const actuals = table('tblKpiActuals');
    expect(new Set(actuals.rows.map((r) => r[1]))).toEqual(new Set([1405]));
    const cells = within(values)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    const num = (v: unknown) => Number(v).toLocaleString('en-US', { maximumFractionDigits: 2 });
    // Baseline and the 1405 target: K12's cells of tblKpis.
    expect(cells[0]).toBe(num(kpis.rows[k12]![kpis.header.indexOf('مقدار پایه')]));
    expect(cells[1]).toBe(num(kpis.rows[k12]![kpis.header.indexOf('1405')]));
    // Latest actual: K12's second-quarter reading of 1405 (a later quarter wins), marked Q2.
    const q2 = actuals.rows.find((r) => r[0] === 'K12' && r[2] === 'سه‌ماهه دوم')!;
    expect(cells[2]).toBe(`${num(q2[3])} 1405 Q2`);

    // A click selects K12's row of tblKpis: header at A2, so data row i is sheet row 3 + i,
    // from column A to the table's last (16 columns: P).
    fireEvent.click(within(row).getByRole('button', { name: /^Go to the row of KPI K12/ }));
    await waitFor(() =>
      expect(office.selections).toEqual([{ sheet: kpis.sheet, cell: `A${3 + k12}:P${3 + k12}` }]),
    );

    // Another year: its targets.
    fireEvent.change(screen.getByRole('combobox', { name: 'Target year' }), {
      target: { value: '1409' },
    });
    const k01 = kpis.rows.findIndex((r) => r[0] === 'K01');
    await waitFor(() =>
      expect(
        within(document.querySelector('tr[data-values="K01"]') as HTMLElement).getAllByRole(
          'cell',
        )[1]!.textContent,
      ).toBe(num(kpis.rows[k01]![kpis.header.indexOf('1409')])),
    );
  });

  it('says what to do when the workbook has no KPIs, in Persian', async () => {
    await openPane(
      { tables: sample.tables.filter((t) => t.name !== 'tblKpis' && t.name !== 'tblKpiActuals') },
      { lang: 'fa', tab: 'شاخص‌ها' },
    );
    await screen.findByText(/شاخص‌ها را در جدول «شاخص‌های عملکرد» بنویسید/);
  });
});
