/**
 * The value axis of the charts (shared/src/util/chart.ts) and the latest reading of a KPI
 * (shared/src/kpi: the rule the monitoring report and the web's KPI page share), and the
 * filling of a message's placeholders (shared/src/util/format.ts).
 */
import { axisStep, axisTicks, fillPlaceholders, latestKpiReading } from '#core';

describe('axisStep and axisTicks', () => {
  // Hand-worked: span/5 rounded up to 1, 2 or 5 × 10ⁿ.
  it.each([
    [100, 20],
    [7, 2],
    [150_000, 50_000],
    [2, 0.5],
    [0, 1],
  ])('a span of %d steps by %d', (span, step) => {
    expect(axisStep(span)).toBe(step);
  });

  it('holds zero and both ends, in whole steps', () => {
    expect(axisTicks(0, 148_300)).toEqual([0, 50_000, 100_000, 150_000]);
    // −12,491 … 56,126: span 68,617 → step 20,000; from −20,000 to 60,000.
    expect(axisTicks(-12_491, 56_126)).toEqual([-20_000, 0, 20_000, 40_000, 60_000]);
    expect(axisTicks(0, 0)).toEqual([0, 1]);
    expect(axisTicks(0, 0.3)).toEqual([0, 0.1, 0.2, 0.3]);
  });
});

describe('latestKpiReading', () => {
  it('takes the latest year, its full-year value over its quarters, the later of two alike', () => {
    expect(
      latestKpiReading([
        { year: 1405, period: 'FY', actual: 1 },
        { year: 1406, period: 'Q3', actual: 2 },
        { year: 1406, period: 'Q1', actual: 3 },
      ]),
    ).toEqual({ year: 1406, period: 'Q3', actual: 2 });
    expect(
      latestKpiReading([
        { year: 1406, period: 'FY', actual: 4 },
        { year: 1406, period: 'Q4', actual: 5 },
        { year: 1406, period: 'FY', actual: 6 },
      ]),
    ).toEqual({ year: 1406, period: 'FY', actual: 6 });
    expect(latestKpiReading([])).toBeNull();
  });
});

describe('fillPlaceholders', () => {
  it('fills text as given and numbers in the language’s digits, leaving an unknown name', () => {
    expect(fillPlaceholders('{n} پروژه در {year}، {x}', { n: 1234, year: 'سال' }, 'fa')).toBe(
      '۱٬۲۳۴ پروژه در سال، {x}',
    );
    expect(fillPlaceholders('{n} projects', { n: 12345678901234567890n }, 'en')).toBe(
      '12,345,678,901,234,567,890 projects',
    );
  });
});
