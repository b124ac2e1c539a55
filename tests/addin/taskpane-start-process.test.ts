/** @jest-environment jsdom */
/**
 * The Start view's "where this workbook stands" (issue 20): the phases the open workbook
 * carries, each counted from its tables, and the next step. Expected counts come from the
 * sample's raw rows (how many goals it has), and from the one change each test makes.
 */
/// <reference lib="dom" />
import { cleanup, screen, within } from '@testing-library/react';
import type { RawWorkbook } from '#core';
import { samplePlanWorkbook } from '#core';
import { openPane } from './paneHarness';

afterEach(cleanup);

const phaseItem = async (id: string) => {
  const list = await screen.findByTestId('process-phases');
  const item = list.querySelector(`[data-phase="${id}"]`);
  if (item === null) throw new Error(`no phase ${id}`);
  return item as HTMLElement;
};

/** The sample with its vision left out of tblPlanInfo. */
function withoutVision(): RawWorkbook {
  const wb = samplePlanWorkbook();
  return {
    tables: wb.tables.map((t) =>
      t.name === 'tblPlanInfo'
        ? { ...t, rows: t.rows.filter((r) => !['Vision', 'چشم‌انداز'].includes(String(r[0]))) }
        : t,
    ),
  };
}

describe('the Start view: where the workbook stands', () => {
  it('shows the sample city complete in every phase a workbook carries', async () => {
    await openPane(samplePlanWorkbook(), { lang: 'en' });
    const list = await screen.findByTestId('process-phases');
    // A whole-city workbook carries the planning office's four phases and the departments' two.
    expect(
      [...list.querySelectorAll('[data-phase]')].map((li) => li.getAttribute('data-phase')),
    ).toEqual(['upstream', 'swot', 'vision', 'strategies', 'programs', 'budget']);
    expect(screen.getByText('Everything counted from this workbook is complete.')).toBeTruthy();
  });

  it('counts a missing vision and names it as the next step, in Persian digits', async () => {
    const goals = samplePlanWorkbook().tables.find((t) => t.name === 'tblGoals')?.rows.length ?? 0;
    expect(goals).toBeGreaterThan(0);
    await openPane(withoutVision(), { lang: 'en' });
    // Vision: the vision (0 of 1) + goals listed (1 of 1) + a macro KPI for each goal.
    const vision = await phaseItem('vision');
    expect(within(vision).getByText(`${goals + 1} of ${goals + 2}`)).toBeTruthy();
    expect(
      screen.getByText(/^Next step: Write the city’s vision in the plan settings/),
    ).toBeTruthy();
    cleanup();
    await openPane(withoutVision(), { lang: 'fa' });
    const fa = (n: number) => String(n).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)] as string);
    const visionFa = await phaseItem('vision');
    expect(within(visionFa).getByText(`${fa(goals + 1)} از ${fa(goals + 2)}`)).toBeTruthy();
    expect(screen.getByText(/^گام بعد: چشم‌انداز شهر را/)).toBeTruthy();
  });
});
