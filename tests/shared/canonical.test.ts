/**
 * The canonical form (shared/src/read/canonical.ts): a workbook read once, with its own
 * Unit, digits and captions, and written as column keys and exact values that read back to
 * the same plan. What the register stores and consolidates from (issue 10, bugs 1 and 5).
 */
import fc from 'fast-check';
import type { CanonicalTable, RawCell, RawWorkbook } from '#core';
import {
  fromCanonicalTables,
  orderColumns,
  presentCanonicalTables,
  readPlan,
  samplePlanWorkbook,
  spendingByYear,
  toCanonicalTables,
} from '#core';
import { planInfo } from '../helpers/plan';
import { amountInUnit, UNIT_NAMES } from '../helpers/workbook';
import type { Spelling, UnitName } from '../helpers/workbook';

const canonicalOf = (raw: RawWorkbook, reference?: RawWorkbook) =>
  toCanonicalTables(readPlan(raw, reference === undefined ? {} : { reference }).plan);
const tableOf = (tables: CanonicalTable[], name: string) => tables.find((t) => t.name === name);

describe('the canonical form of a workbook', () => {
  it('is the reader’s values: Rials with the Unit applied, stable enum values, keys in contract order', () => {
    // A civil-works workbook as a Persian user keeps it: captions, Persian digits, Million Rials.
    const raw: RawWorkbook = {
      tables: [
        {
          name: 'tblPlanInfo',
          header: ['کلید', 'مقدار'],
          rows: [
            ['سال شروع', '۱۴۰۵'],
            ['تعداد سال‌ها', 2],
            ['واحد پول', 'میلیون ریال'],
            ['واحد', 'D-CIV'],
            ['نوع کارپوشه', 'department'],
          ],
        },
        {
          name: 'tblProjects',
          header: [
            'یادداشت',
            'شناسه پروژه',
            '۱۴۰۶',
            'عنوان',
            'شناسه برنامه',
            'سال شروع',
            'سال پایان',
            '۱۴۰۵',
            'وضعیت',
            'الزامی',
            'پیش‌نیازها',
            'هزینه جاری پس از بهره‌برداری',
          ],
          rows: [
            [
              'note',
              'P-1',
              2,
              ' پل ',
              'PRG-1',
              1405,
              '۱۴۰۶',
              '۱٫۲۵',
              'پیشنهادی',
              'بله',
              'P-0،P-2',
              '۰٫۰۰۰۰۰۱',
            ],
          ],
        },
      ],
    };
    const tables = canonicalOf(raw);
    expect(tables.map((t) => t.name)).toEqual(['tblPlanInfo', 'tblProjects']);
    expect(tableOf(tables, 'tblPlanInfo')?.rows).toEqual([
      { Key: 'StartYear', Value: 1405 },
      { Key: 'Years', Value: 2 },
      // The amounts are in Rials now, so the canonical plan says so.
      { Key: 'Unit', Value: 'Rial' },
      { Key: 'Department', Value: 'D-CIV' },
      { Key: 'WorkbookKind', Value: 'department' },
      { Key: 'Language', Value: 'fa' },
    ]);
    const projects = tableOf(tables, 'tblProjects');
    // Contract order (plan-workbook.md: ID, program, title, …, years after EndYear), the
    // extra column after; Dept, Region and SourceId were not in the workbook, so not here.
    expect(projects?.columns).toEqual([
      'ProjectId',
      'ProgramId',
      'Title',
      'StartYear',
      'EndYear',
      '1405',
      '1406',
      'Status',
      'Mandatory',
      'DependsOn',
      'OpexImpact',
      'یادداشت',
    ]);
    // By hand: 1.25 million = 1,250,000; 2 million = 2,000,000; 0.000001 million = 1 Rial.
    expect(projects?.rows).toEqual([
      {
        ProjectId: 'P-1',
        ProgramId: 'PRG-1',
        Title: 'پل',
        StartYear: 1405,
        EndYear: 1406,
        '1405': '1250000',
        '1406': '2000000',
        Status: 'proposed',
        Mandatory: true,
        DependsOn: 'P-0, P-2',
        OpexImpact: '1',
        یادداشت: 'note',
      },
    ]);
  });

  it('reads back to the same plan (the sample, every table), as keys and as Persian captions', () => {
    const first = canonicalOf(samplePlanWorkbook());
    const again = canonicalOf(fromCanonicalTables(first));
    expect(again).toEqual(first);
    const shown: RawWorkbook = { tables: presentCanonicalTables(first, 'fa') };
    expect(canonicalOf(shown)).toEqual(first);
    // The spending the fiscal balance starts from is the same as from the sample's own cells.
    const spending = (raw: RawWorkbook) => [...spendingByYear(readPlan(raw).plan).values()];
    expect(spending(fromCanonicalTables(first))).toEqual(spending(samplePlanWorkbook()));
  });

  it('shows amounts past 2^53 as text, so no Rial is lost in a spreadsheet', () => {
    const raw: RawWorkbook = {
      tables: [
        planInfo({ StartYear: 1405 }),
        {
          name: 'tblActivities',
          header: ['ActivityId', 'ProgramId', 'Title', '1405'],
          rows: [['A-1', 'PRG-1', 'Cleaning', '12345678901234567890']],
        },
      ],
    };
    const [, activities] = presentCanonicalTables(canonicalOf(raw), 'en');
    expect(activities?.header).toEqual(['Activity ID', 'Program ID', 'Title', '1405']);
    expect(activities?.rows[0]?.[3]).toBe('12345678901234567890');
    const small = {
      ...raw,
      tables: [raw.tables[0]!, { ...raw.tables[1]!, rows: [['A-1', 'P', 'T', 42]] }],
    };
    expect(presentCanonicalTables(canonicalOf(small), 'en')[1]?.rows[0]?.[3]).toBe(42);
  });

  it('orders keys as the contract does, not as JavaScript lists an object’s keys', () => {
    const row = { ProjectId: 'P-1', Title: 'x', '1406': '1', Notes: 'n', '1405': '2' };
    // JavaScript lists integer-like keys first: the cause of issue 10, bug 4.
    expect(Object.keys(row)).toEqual(['1405', '1406', 'ProjectId', 'Title', 'Notes']);
    expect(orderColumns('tblProjects', Object.keys(row))).toEqual([
      'ProjectId',
      'Title',
      '1405',
      '1406',
      'Notes',
    ]);
    expect(orderColumns('tblNotInTheContract', ['b', 'a'])).toEqual(['b', 'a']);
  });

  it('reads reference data with the reference’s own Unit', () => {
    const own: RawWorkbook = {
      tables: [planInfo({ StartYear: 1405, Years: 1 })],
    };
    const framework: RawWorkbook = {
      tables: [
        planInfo({ Unit: 'Million Rials' }),
        {
          name: 'tblProjects',
          header: ['ProjectId', 'ProgramId', 'Title', 'StartYear', 'EndYear', '1405'],
          rows: [['P-9', 'PRG-1', 'Depot', 1405, 1405, 3]],
        },
      ],
    };
    const { plan } = readPlan(own, { reference: framework });
    expect(plan.info.Unit).toBe('Rial');
    // 3 Million Rials in the framework are 3,000,000 Rials, whatever unit the department uses.
    expect(plan.reference.tblProjects?.rows[0]?.costs.get(1405)).toBe(3_000_000n);
  });
});

/** A small department plan in Rials: projects, activities and budget lines with amounts. */
interface DeptPlan {
  projects: { cost: bigint[]; opex: bigint }[];
  activities: bigint[][];
  budget: bigint[];
}

const YEARS = [1405, 1406, 1407];
// Up to 10^16 Rials: a big city's yearly budget (plan-workbook.md, Conventions), past 2^53.
const rials = fc.bigInt({ min: 0n, max: 10n ** 16n });
const deptPlan: fc.Arbitrary<DeptPlan> = fc.record({
  projects: fc.array(
    fc.record({ cost: fc.array(rials, { minLength: 3, maxLength: 3 }), opex: rials }),
    {
      minLength: 1,
      maxLength: 4,
    },
  ),
  activities: fc.array(fc.array(rials, { minLength: 3, maxLength: 3 }), { maxLength: 3 }),
  budget: fc.array(rials, { maxLength: 3 }),
});

/** The plan as a workbook in a unit, amounts written exactly in that unit. */
function workbookOf(p: DeptPlan, unit: UnitName, spelling: Spelling): RawWorkbook {
  const cash = (v: bigint): RawCell => amountInUnit(v, unit, spelling);
  return {
    tables: [
      {
        name: 'tblPlanInfo',
        header: ['Key', 'Value'],
        rows: [
          ['StartYear', 1405],
          ['Years', YEARS.length],
          [
            'Unit',
            spelling.persianUnit
              ? { Rial: 'ریال', 'Thousand Rials': 'هزار ریال', 'Million Rials': 'میلیون ریال' }[
                  unit
                ]
              : unit,
          ],
        ],
      },
      {
        name: 'tblProjects',
        header: [
          'ProjectId',
          'ProgramId',
          'Title',
          'StartYear',
          'EndYear',
          ...YEARS.map(String),
          'OpexImpact',
        ],
        rows: p.projects.map((x, i) => [
          `P-${i}`,
          'PRG-1',
          `Project ${i}`,
          1405,
          1406,
          ...x.cost.map(cash),
          cash(x.opex),
        ]),
      },
      {
        name: 'tblActivities',
        header: ['ActivityId', 'ProgramId', 'Title', ...YEARS.map(String)],
        rows: p.activities.map((c, i) => [`A-${i}`, 'PRG-1', `Activity ${i}`, ...c.map(cash)]),
      },
      {
        name: 'tblBudgetLines',
        header: ['BudgetCode', 'Year', 'LinkedId', 'Amount'],
        rows: p.budget.map((a, i) => [`B-${i}`, 1405, 'P-0', cash(a)]),
      },
    ],
  };
}

describe('the same plan in Rial, Thousand Rials and Million Rials', () => {
  it('has one canonical form, whatever the unit, digits or captions (property)', () => {
    const spelling = fc.record({ persianDigits: fc.boolean(), persianUnit: fc.boolean() });
    fc.assert(
      fc.property(deptPlan, spelling, (p, s) => {
        const [rial, ...others] = UNIT_NAMES.map((u) => canonicalOf(workbookOf(p, u, s)));
        for (const other of others) expect(other).toEqual(rial);
        // And the canonical amounts are the plan's Rials (the first project's first year).
        expect(tableOf(rial ?? [], 'tblProjects')?.rows[0]?.['1405']).toBe(
          p.projects[0]?.cost[0]?.toString(),
        );
      }),
      { numRuns: 200 },
    );
  });
});
