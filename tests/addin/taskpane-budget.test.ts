/** @jest-environment jsdom */
/**
 * The Budget view on the sample plan: per plan year the three balances of the plan's scenario,
 * spending by head and the cash position. Spending by head is summed here from the sample's raw
 * rows (activities' and projects' year columns, finished projects' opex, the financial budget
 * line); revenue is the core's forecast, so each balance is checked as resource − spending of
 * the figures shown, and the cash position as the opening balance plus the gaps so far.
 */
/// <reference lib="dom" />
import { cleanup, screen, within } from '@testing-library/react';
import type { Language, RawCell, RawWorkbook } from '#core';
import { samplePlanWorkbook } from '#core';
import { openPane } from './paneHarness';

afterEach(cleanup);

const YEARS = [1405, 1406, 1407, 1408, 1409];
const bn = (x: number) =>
  (Math.round(x / 1e8) / 10).toLocaleString('en-US', { minimumFractionDigits: 1 });
/** A shown amount back to a number of billions (`−1,234.5` → -1234.5). */
const num = (text: string | null) => Number((text ?? '').replace(/,/g, '').replace('−', '-'));

function rawSums(wb: RawWorkbook, year: number) {
  const t = (name: string) => wb.tables.find((x) => x.name === name)!;
  const col = (name: string, header: string) => t(name).header.indexOf(header);
  const n = (c: RawCell | undefined) => (typeof c === 'number' ? c : 0);
  const acts = t('tblActivities');
  const projects = t('tblProjects');
  const live = projects.rows.filter((r) => r[col('tblProjects', 'وضعیت')] !== 'متوقف');
  const activities = acts.rows.reduce((s, r) => s + n(r[col('tblActivities', String(year))]), 0);
  // Opex of the projects that end before the year (the asset runs from the year after).
  const opex = live
    .filter((r) => n(r[col('tblProjects', 'سال پایان')]) > 0)
    .filter((r) => n(r[col('tblProjects', 'سال پایان')]) < year)
    .reduce((s, r) => s + n(r[col('tblProjects', 'هزینه جاری پس از بهره‌برداری')]), 0);
  const capital = live.reduce((s, r) => s + n(r[col('tblProjects', String(year))]), 0);
  const lines = t('tblBudgetLines');
  const financial = lines.rows
    .filter((r) => r[col('tblBudgetLines', 'نوع اعتبار')] === 'تملک دارایی مالی')
    .filter((r) => r[col('tblBudgetLines', 'سال')] === year)
    .reduce((s, r) => s + n(r[col('tblBudgetLines', 'مبلغ')]), 0);
  return { current: activities + opex, capital, financial };
}

async function open(lang: Language, workbook: RawWorkbook = samplePlanWorkbook()) {
  await openPane(workbook, { lang, tab: lang === 'fa' ? 'بودجه' : 'Budget' });
  return screen.findByTestId('budget-overview');
}

/** A year's detail table as label → shown amount. */
function detail(year: number): Map<string, string> {
  const table = screen.getByTestId(`budget-year-${year}`);
  return new Map(
    within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => [r.getAttribute('data-row')!, r.children[1]!.textContent ?? '']),
  );
}

describe('Budget', () => {
  it('shows spending by head from the rows, the three balances and the cash position', async () => {
    const wb = samplePlanWorkbook();
    await open('en', wb);
    expect(screen.getByTestId('budget-scenario').textContent).toBe('Revenue scenario: Base');
    // The sample's tblPlanInfo gives no OpeningBalance: 0.
    expect(screen.getByTestId('opening-balance').textContent).toBe(
      'Opening balance: 0.0 Billion Rials',
    );
    let cash = 0;
    for (const year of YEARS) {
      const sums = rawSums(wb, year);
      const d = detail(year);
      expect(d.get('operating-spending')).toBe(bn(sums.current));
      expect(d.get('capital-spending')).toBe(bn(sums.capital));
      expect(d.get('financial-spending')).toBe(bn(sums.financial));
      expect(d.get('spending')).toBe(bn(sums.current + sums.capital + sums.financial));
      // Each balance is its resource less its spending (to the tenth each is rounded to).
      for (const part of ['operating', 'capital', 'financial']) {
        const resource = num(d.get(`${part}-resource`)!);
        const spent = num(d.get(`${part}-spending`)!);
        expect(Math.abs(num(d.get(`${part}-balance`)!) - (resource - spent))).toBeLessThan(0.21);
      }
      const gap = num(d.get('gap')!);
      const parts = ['operating', 'capital', 'financial'].map((p) => num(d.get(`${p}-balance`)!));
      expect(Math.abs(gap - parts.reduce((s, x) => s + x, 0))).toBeLessThan(0.21);
      cash += gap;
      expect(Math.abs(num(d.get('cash')!) - cash)).toBeLessThan(0.1 * YEARS.length + 0.01);
    }
    // 1405 carries the loan's principal: 400 billion Rials, the sample's financial line.
    expect(detail(1405).get('financial-spending')).toBe('400.0');
    // The sample's operating balances are all positive: no deficit to report.
    expect(screen.queryAllByTestId('operating-deficit')).toEqual([]);
  });

  it('names a year of negative operating balance with the core’s finding, why, and its help', async () => {
    // The sample with A-001's 1406 cost raised by 30,000 billion Rials: the operating balance
    // of 1406 falls by exactly that (the forecast does not change), from its shown value.
    await open('en');
    const before = num(detail(1406).get('operating-balance')!);
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(30_000);
    cleanup();
    const wb = samplePlanWorkbook();
    const acts = wb.tables.find((t) => t.name === 'tblActivities')!;
    const c1406 = acts.header.indexOf('1406');
    const a1 = acts.rows.find((r) => r[0] === 'A-001')!;
    a1[c1406] = Number(a1[c1406]) + 30_000e9;
    await openPane(wb, { lang: 'en', tab: 'Budget', defaultServer: 'https://plan.example' });
    await screen.findByTestId('budget-overview');
    const after = num(detail(1406).get('operating-balance')!);
    expect(Math.abs(after - (before - 30_000))).toBeLessThan(0.11);
    const deficits = screen.getAllByTestId('operating-deficit');
    expect(deficits.map((d) => d.getAttribute('data-year'))).toEqual(['1406']);
    const note = deficits[0]!.closest('.fui-MessageBar') as HTMLElement;
    // The core's OPERATING_DEFICIT text (its deficit is −after, in whole Rials).
    expect(note.textContent).toContain('The operating balance of 1406 is negative');
    expect(note.textContent).toContain(
      'current spending must not be paid from asset sales or borrowing',
    );
    // And why: current spending recurs, an asset sells once.
    expect(note.textContent).toContain('Why it matters: current spending');
    const help = within(note).getByRole('link', { name: /OPERATING_DEFICIT/ });
    expect(help.getAttribute('href')).toContain('OPERATING_DEFICIT');
    expect(help.getAttribute('href')).toContain('https://plan.example');
  });

  it('says why there are no balances when the workbook has no revenue', async () => {
    // A department's workbook: no revenue history or scenarios of its own.
    const wb = samplePlanWorkbook();
    await openPane(
      {
        tables: wb.tables.filter(
          (t) => t.name !== 'tblRevenueHistory' && t.name !== 'tblRevenueScenarios',
        ),
      },
      { lang: 'en', tab: 'Budget' },
    );
    await screen.findByText(/This workbook has no revenue to balance the budget against/);
    expect(screen.queryByTestId('budget-overview')).toBeNull();
  });

  it('speaks Persian with Persian digits', async () => {
    const overview = await open('fa');
    const rows = within(overview).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.children[0]!.textContent)).toEqual([
      '۱۴۰۵',
      '۱۴۰۶',
      '۱۴۰۷',
      '۱۴۰۸',
      '۱۴۰۹',
    ]);
    expect(overview.textContent).not.toMatch(/[0-9]/);
    expect(screen.getByTestId('budget-scenario').textContent).toContain('سناریوی درآمد');
    expect(detail(1405).get('financial-spending')).toBe('۴۰۰٫۰');
  });
});
