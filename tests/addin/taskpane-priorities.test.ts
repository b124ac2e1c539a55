/** @jest-environment jsdom */
/**
 * Priorities, as a finance officer meets it: why a project is not chosen (read off the core's
 * portfolio result, never recomputed), the next step as the primary button, and a
 * confirmation that says what will be written where before anything is written.
 */
/// <reference lib="dom" />
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { PortfolioInput, Rials } from '#core';
import { evaluateSelection, rankAndFill, samplePlanWorkbook } from '#core';
import type { PrioritiesView } from '../../addin/src/taskpane/priorities';
import { skipReasons } from '../../addin/src/taskpane/priorities';
import { openPane } from './paneHarness';

const r = (n: number) => BigInt(n) as Rials;

/**
 * A hand-worked problem. Budget 1405: 100, 1406: 50. Scores: A 90, B 80, C 70 (needs E),
 * D 60, G 50 (needs B), E 10; F is out of the problem (dropped).
 * Rank and fill, by descending score: A (1405: 60, left 40); B needs 50 > 40, passed over;
 * C needs E, not yet taken, passed over; D (1405: 30, left 10); G needs B, passed over;
 * E (1406: 10, left 40). Chosen: A, D, E; left 1405: 10, 1406: 40.
 */
const input: PortfolioInput = {
  budget: new Map([
    [1405, r(100)],
    [1406, r(50)],
  ]),
  projects: [
    { id: 'A', score: 90, costs: new Map([[1405, r(60)]]) },
    { id: 'B', score: 80, costs: new Map([[1405, r(50)]]) },
    { id: 'C', score: 70, costs: new Map([[1406, r(20)]]), dependsOn: ['E'] },
    { id: 'D', score: 60, costs: new Map([[1405, r(30)]]) },
    { id: 'G', score: 50, costs: new Map([[1405, r(5)]]), dependsOn: ['B'] },
    { id: 'E', score: 10, costs: new Map([[1406, r(10)]]) },
    { id: 'H', score: 0, costs: new Map([[1405, r(10)]]) },
  ],
};
const view = {
  scoring: {
    projects: ['A', 'B', 'C', 'D', 'G', 'F', 'E', 'H'].map((id) => ({ id })),
  },
  portfolio: {
    input,
    excluded: [
      {
        id: 'F',
        reason: 'dropped',
        message: { fa: 'پروژه «F» متوقف شده است', en: 'project "F" is dropped' },
      },
    ],
  },
} as unknown as PrioritiesView;

describe('why a project is not chosen', () => {
  it('rank and fill: money, a prerequisite passed over, one that ranks lower, one excluded', () => {
    const selection = rankAndFill(input)!;
    // H (score 0, 1405: 10) fits the 10 left after D, so rank and fill takes it last.
    expect(selection.chosen).toEqual(['A', 'D', 'E', 'H']);
    const why = skipReasons(view, selection, 'rank-and-fill');
    expect(Object.fromEntries(why)).toEqual({
      // 1405 left after A, D and H: 100 − 60 − 30 − 10 = 0.
      B: [{ kind: 'money', year: 1405, needs: 50n, left: 0n }],
      // E was taken after C's turn (score 10 < 70); 1406 has 40 left, so money was not it.
      C: [{ kind: 'prerequisite-lower', prerequisite: 'E' }],
      // B is not chosen; G's 5 in 1405 exceeds the 0 left too.
      G: [
        { kind: 'prerequisite', prerequisite: 'B' },
        { kind: 'money', year: 1405, needs: 5n, left: 0n },
      ],
      F: [
        {
          kind: 'excluded',
          message: { fa: 'پروژه «F» متوقف شده است', en: 'project "F" is dropped' },
        },
      ],
    });
  });

  it('the optimal portfolio: money, and a project that fits but scores nothing', () => {
    // By hand: all of 1406 fits (C + E = 30 ≤ 50); in 1405 the best subset of A 60, B 50,
    // D 30, G 5 (needs B) within 100 is B + D + G (85, score 190), better than A + D (90,
    // score 150). Left: 1405 15, 1406 20. H (score 0) would fit in the 15.
    const optimal = evaluateSelection(input, ['B', 'C', 'D', 'G', 'E'])!;
    expect(optimal.feasible).toBe(true);
    const why = skipReasons(view, optimal, 'optimal');
    expect(why.get('A')).toEqual([{ kind: 'money', year: 1405, needs: 60n, left: 15n }]);
    expect(why.get('H')).toEqual([{ kind: 'outscored' }]);
    expect(why.has('B')).toBe(false);
  });
});

describe('the Priorities view on the sample plan', () => {
  const sample = samplePlanWorkbook();
  const projects = sample.tables.find((t) => t.name === 'tblProjects')!;

  it('says why each project is left out, the ID isolated, in Persian', async () => {
    await openPane(sample, { lang: 'fa', tab: 'اولویت' });
    // P-005 needs P-004 (its «پیش‌نیازها» cell in the sample), which scores lower: rank and
    // fill reaches P-004 after P-005's turn.
    expect(
      projects.rows.find((row) => row[0] === 'P-005')![projects.header.indexOf('پیش‌نیازها')],
    ).toBe('P-004');
    const why = (await screen.findAllByTestId('why')).find((e) => e.dataset.id === 'P-005')!;
    expect(why.textContent).toBe(
      'برگزیده نشد: پیش‌نیاز آن، P-004، رتبه پایین‌تری دارد و در نوبت این پروژه هنوز برگزیده نشده بود',
    );
    expect(why.querySelector('bdi[dir="ltr"]')!.textContent).toBe('P-004');
    expect(screen.getByTestId('why-title').textContent).toContain(
      'در گزینش به ترتیب رتبه برگزیده نشد',
    );
    // Its rank is above P-004's in the ranked table.
    const ranked = screen.getByRole('table', { name: 'اولویت' });
    const rankOf = (id: string) =>
      within(ranked)
        .getAllByRole('row')
        .find((row) => row.dataset.id === id)!.firstElementChild!.textContent!;
    const latin = (s: string) =>
      Number(s.replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d))));
    expect(latin(rankOf('P-005'))).toBeLessThan(latin(rankOf('P-004')));
  });

  it('makes finding the optimal portfolio the primary step, and confirms before writing', async () => {
    const { office } = await openPane(sample, { tab: 'Priorities' });
    const find = await screen.findByRole('button', { name: 'Find the optimal portfolio' });
    const write = screen.getByRole('button', { name: 'Write the selection column' });
    // Before anything is found, finding is the primary step (the appearance given to Fluent's
    // Button, mirrored in data-appearance).
    expect(find.dataset.appearance).toBe('primary');
    expect(write.dataset.appearance).toBe('secondary');
    fireEvent.click(write);
    const dialog = await screen.findByRole('dialog', { hidden: true });
    const body = within(dialog).getByTestId('write-confirm').textContent!;
    // tblProjects of the sample: 30 columns from A (A..AD), header on row 2, 40 projects
    // (rows 3–42): the column after it is AE, AE2:AE42.
    expect(projects.header).toHaveLength(30);
    expect(body).toContain(`On the sheet “${projects.sheet}”, cells AE2:AE42`);
    expect(body).toContain('the heading “Portfolio”');
    // Rank and fill leaves P-005 and P-036 out (each waits on a lower-ranked prerequisite).
    expect(body).toContain(
      '1 for each of the 38 projects chosen by rank and fill, 0 for the other 2.',
    );
    expect(body).toContain('Whatever these cells hold now is replaced.');
    // Cancel writes nothing.
    // (In jsdom Fluent's focus trap marks the open surface aria-hidden too: `hidden: true`.
    // The browser test opens the same dialog by its accessible roles.)
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel', hidden: true }));
    await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull());
    expect(office.formulas).toHaveLength(0);
    // Write, confirmed, writes that block.
    fireEvent.click(write);
    fireEvent.click(
      within(await screen.findByRole('dialog', { hidden: true })).getByRole('button', {
        name: 'Write',
        hidden: true,
      }),
    );
    await waitFor(() => expect(office.formulas).toHaveLength(1));
    expect(office.formulas[0]!.topLeft).toBe('AE2');
    expect(office.formulas[0]!.formulas).toHaveLength(41);
  });
});
