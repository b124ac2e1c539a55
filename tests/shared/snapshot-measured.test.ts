/**
 * Which snapshot the monitoring view and the Article 71 report are measured against, and how
 * it is named: the latest adopted snapshot (the council's plan stands until it adopts
 * another), else the latest; the label as the documents print it.
 */
import type { SnapshotStatus } from '#core';
import { measuredSnapshotOf, snapshotLabel } from '#core';

const s = (number: number, status: SnapshotStatus) => ({ number, status });

describe('measuredSnapshotOf', () => {
  it('takes the latest adopted, even with later ones made, in review or returned', () => {
    expect(
      measuredSnapshotOf([s(3, 'council-review'), s(1, 'adopted'), s(2, 'adopted'), s(4, 'made')]),
    ).toEqual(s(2, 'adopted'));
    expect(measuredSnapshotOf([s(1, 'adopted'), s(2, 'returned')])).toEqual(s(1, 'adopted'));
  });
  it('takes the latest when none is adopted, and nothing when there is none', () => {
    expect(measuredSnapshotOf([s(2, 'returned'), s(3, 'made'), s(1, 'council-review')])).toEqual(
      s(3, 'made'),
    );
    expect(measuredSnapshotOf([])).toBeNull();
  });
});

describe('snapshotLabel', () => {
  it('names a snapshot with Persian digits in Persian', () => {
    expect(snapshotLabel(2, 1405, 1409)).toEqual({
      fa: 'نسخه ۲ برنامه دوره ۱۴۰۵–۱۴۰۹',
      en: 'Version 2 of the 1405–1409 plan',
    });
  });
});
