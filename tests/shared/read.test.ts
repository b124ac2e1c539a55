import type { RawWorkbook } from '#core';
import { readPlan } from '#core';
import { planInfo } from '../helpers/plan';

// A department workbook typed by a Persian user: Persian captions, Persian digits, Thousand Rials.
const workbook: RawWorkbook = {
  tables: [
    {
      name: 'tblPlanInfo',
      sheet: 'مشخصات',
      header: ['کلید', 'مقدار'],
      rows: [
        ['StartYear', '۱۴۰۵'],
        ['Years', 5],
        ['واحد پول', 'هزار ریال'],
      ],
    },
    {
      name: 'tblProjects',
      sheet: 'پروژه‌ها',
      address: 'B3',
      header: [
        'شناسه پروژه',
        'شناسه برنامه',
        'عنوان',
        'سال شروع',
        'سال پایان',
        'منبع تأمین',
        '۱۴۰۵',
        '1406',
        'الزامی',
        'یادداشت من',
        '1412',
      ],
      rows: [
        ['P-1', 'PR1', 'پل عابر', '۱۴۰۵', 1406, 'SRC1', '۱٬۲۰۰٬۵۰۰', 2.5, 'بله', 'note', null],
        ['P-2', 'PR1', 'x', 'abc', 1406, 'SRC1', 0.0005, 0, 'maybe', null, null],
      ],
    },
  ],
};

describe('reading a plan workbook', () => {
  const { plan, findings } = readPlan(workbook);

  it('reads the plan period and unit from Persian keys and digits', () => {
    expect(plan.info.StartYear).toBe(1405);
    expect(plan.info.Unit).toBe('Thousand Rials');
    expect(plan.years).toEqual([1405, 1406, 1407, 1408, 1409]);
  });

  it('reads Persian captions, Persian digits and scales Thousand Rials exactly', () => {
    const p1 = plan.tables.tblProjects?.rows[0];
    expect(p1?.ProjectId).toBe('P-1');
    expect(p1?.StartYear).toBe(1405);
    // ۱٬۲۰۰٬۵۰۰ thousand Rials = 1,200,500 × 1000 Rials (hand-worked)
    expect(p1?.costs.get(1405)).toBe(1_200_500_000n);
    expect(p1?.costs.get(1406)).toBe(2_500n);
    expect(p1?.costs.get(1407)).toBe(0n);
    expect(p1?.Mandatory).toBe(true);
    // Extra columns are kept, including the out-of-period year column.
    expect(p1?.extra).toEqual({ 'یادداشت من': 'note', '1412': null });
  });

  it('locates bad cells by sheet, row, column and A1 address', () => {
    const year = findings.find((f) => f.code === 'CELL_NOT_YEAR');
    // Header at B3, so the second data row is sheet row 5; StartYear is the 4th column: E.
    expect(year).toMatchObject({
      table: 'tblProjects',
      sheet: 'پروژه‌ها',
      row: 5,
      column: 'StartYear',
      cell: 'E5',
      severity: 'error',
    });
    expect(year?.message.fa).toContain('abc');
    const frac = findings.find((f) => f.code === 'MONEY_FRACTION');
    expect(frac).toMatchObject({ row: 5, column: '1405', cell: 'H5' });
    expect(findings.find((f) => f.code === 'CELL_NOT_BOOL')).toMatchObject({ cell: 'J5' });
  });

  it('flags year columns outside the plan period and missing ones', () => {
    expect(findings.find((f) => f.code === 'YEAR_OUT_OF_PERIOD')).toMatchObject({ cell: 'L3' });
    expect(findings.filter((f) => f.code === 'YEAR_COLUMN_MISSING').map((f) => f.column)).toEqual([
      '1407',
      '1408',
      '1409',
    ]);
  });
});

describe('reading hostile cells', () => {
  it('reads an invalid Date cell as empty instead of throwing', () => {
    const { plan, findings } = readPlan({
      tables: [
        planInfo({ StartYear: 1405 }),
        {
          name: 'tblUpstreamDocs',
          header: ['DocId', 'Title', 'ApprovedOn'],
          rows: [['D1', 'طرح جامع', new Date(NaN)]],
        },
      ],
    });
    expect(plan.tables.tblUpstreamDocs?.rows[0]?.ApprovedOn).toBe('');
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('scales whole-number amounts exactly on the fast path and the text path alike', () => {
    const { plan } = readPlan({
      tables: [
        planInfo({ StartYear: 1405, Unit: 'Million Rials' }),
        {
          name: 'tblRevenueHistory',
          header: ['RevenueClass', 'Year', 'Amount'],
          // 9,007,199,254,740,991 (2^53 − 1) million Rials = 2^53 − 1 followed by six zeros (hand-worked).
          rows: [
            ['general-duties', 1404, Number.MAX_SAFE_INTEGER],
            ['general-duties', 1403, '9007199254740991'],
          ],
        },
      ],
    });
    const amounts = plan.tables.tblRevenueHistory?.rows.map((r) => r.Amount);
    expect(amounts).toEqual([9_007_199_254_740_991_000_000n, 9_007_199_254_740_991_000_000n]);
  });
});
