/** @jest-environment jsdom */
/**
 * The Monitoring view on the sample plan (its own actuals, up to 1405 Q2): the core's
 * monitoring report as rows (earned value per project with its status and what holds it back,
 * budget execution per program, revenue realisation per class, KPI status and trend), each row
 * selecting its cells through the fake Excel. The figures the view must show are the core's
 * `monitoringReport` on the same workbook (the view only presents them); the cells it selects
 * are worked out from the sample's raw tables (header at A2, so data row i is sheet row 3 + i).
 */
/// <reference lib="dom" />
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { RawTable } from '#core';
import {
  columnLetters,
  latestMonitorPeriod,
  monitoringReport,
  readPlan,
  samplePlanWorkbook,
} from '#core';
import { openPane } from './paneHarness';

const sample = samplePlanWorkbook();
const table = (name: string): RawTable => sample.tables.find((t) => t.name === name)!;
const plan = readPlan(sample).plan;

describe('Monitoring', () => {
  it('shows each project’s earned value with its status and reason, and selects its row', async () => {
    const at = latestMonitorPeriod(plan)!;
    expect(at).toEqual({ year: 1405, period: 'Q2' });
    const report = monitoringReport(plan, at);
    const { office } = await openPane(sample, { lang: 'en', tab: 'Monitoring' });
    const projects = await screen.findByTestId('monitor-projects');
    const shown = [...projects.querySelectorAll('tbody[data-id]')].map((b) => [
      b.getAttribute('data-id'),
      b.getAttribute('data-status'),
    ]);
    expect(shown).toEqual(report.earnedValue.map((e) => [e.projectId, e.status]));
    // The first off-track project: behind schedule and over cost, SPI and CPI to two decimals.
    const off = report.earnedValue.find((e) => e.status === 'off-track' && e.behind.length === 2)!;
    const body = projects.querySelector(`tbody[data-id="${off.projectId}"]`) as HTMLElement;
    expect(body.textContent).toContain('behind schedule, costing more than the work done');
    expect(body.textContent).toContain('Off track');
    const cells = within(body)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells.slice(2, 4)).toEqual([off.spi!.toFixed(2), off.cpi!.toFixed(2)]);

    // A click selects the project's row of tblProjects, from column A to its last column.
    const projectsRaw = table('tblProjects');
    const i = projectsRaw.rows.findIndex((r) => r[0] === off.projectId);
    const last = columnLetters(projectsRaw.header.length);
    fireEvent.click(
      // Named by what it shows (the ID and title), described by what it does.
      within(body).getByRole('button', {
        name: new RegExp(`^${off.projectId} `),
        description: `Go to the cells of ${off.projectId} in the workbook`,
      }),
    );
    await waitFor(() =>
      expect(office.selections).toEqual([
        { sheet: projectsRaw.sheet, cell: `A${3 + i}:${last}${3 + i}` },
      ]),
    );
  });

  it('shows budget execution by program, revenue realisation and KPIs, each selecting its cells', async () => {
    const report = monitoringReport(plan, { year: 1405, period: 'Q2' });
    const { office } = await openPane(sample, { lang: 'en', tab: 'Monitoring' });
    const programs = await screen.findByTestId('monitor-programs');
    expect(
      [...programs.querySelectorAll('tbody[data-id]')].map((b) => b.getAttribute('data-id')),
    ).toEqual(report.programs.map((g) => g.key));
    // Programs that report and pay below the threshold (0.8 × ½ = 40 %) are marked; one with
    // no actual of its items up to the period says "not reported" rather than 0 %.
    const reported = (key: string) => report.items.some((i) => i.reported && i.programId === key);
    const low = report.programs.filter(
      (g) => reported(g.key) && g.paidExecution !== null && g.paidExecution < 0.4,
    );
    expect(low.length).toBeGreaterThan(0);
    const silent = report.programs.find((g) => !reported(g.key));
    expect(silent).toBeDefined();
    expect(programs.querySelector(`tbody[data-id="${silent?.key}"]`)?.textContent).toContain(
      'not reported',
    );
    expect(
      [...programs.querySelectorAll('tbody[data-low="true"]')].map((b) =>
        b.getAttribute('data-id'),
      ),
    ).toEqual(low.map((g) => g.key));

    // Service fees realise 39 % of the year's forecast by Q2 (the sample's construction):
    // below 40 %, marked; a click selects its 1405 rows of tblRevenueActuals.
    const revenue = screen.getByTestId('monitor-revenue');
    const fees = revenue.querySelector('tbody[data-id="service-fees"]') as HTMLElement;
    expect(fees.getAttribute('data-low')).toBe('true');
    const rows = (plan.tables.tblRevenueActuals?.rows ?? []).filter(
      (r) => r.RevenueClass === 'service-fees' && r.Year === 1405,
    );
    const top = Math.min(...rows.map((r) => r.row));
    const bottom = Math.max(...rows.map((r) => r.row));
    fireEvent.click(within(fees).getByRole('button'));
    await waitFor(() =>
      expect(office.selections).toEqual([
        { sheet: table('tblRevenueActuals').sheet, cell: `A${top}:E${bottom}` },
      ]),
    );

    const kpis = screen.getByTestId('monitor-kpis');
    // KPIs with a reading are listed; the others are counted.
    const read = report.kpis.filter((k) => k.latest !== null);
    expect(kpis.querySelectorAll('tbody[data-id]')).toHaveLength(read.length);
    screen.getByText(`${report.kpis.length - read.length} other KPI(s) have no reading yet.`);
  });

  it('speaks Persian, and says so when the workbook has no actuals', async () => {
    await openPane(sample, { lang: 'fa', tab: 'پایش' });
    await screen.findByText(/عملکرد تا پایان سه‌ماهه دوم ۱۴۰۵، ۵۰٪ از سال گذشته است/);
    expect(screen.getByText('اجرای پروژه‌ها (ارزش کسب‌شده)')).toBeTruthy();
  });

  it('tells a workbook without actuals that there is nothing to monitor yet', async () => {
    const none = new Set(['tblActuals', 'tblRevenueActuals', 'tblKpiActuals']);
    await openPane(
      { tables: sample.tables.filter((t) => !none.has(t.name)) },
      { lang: 'en', tab: 'Monitoring' },
    );
    await screen.findByText(/This workbook has no actuals yet/);
  });
});
