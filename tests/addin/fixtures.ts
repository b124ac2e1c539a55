/**
 * A small department workbook for the add-in's tests, small enough to work out by hand:
 * the city framework (goal › strategy › program, funding sources) is reference data pulled
 * from the register into `ref_` tables; the department's own tables hold its project,
 * activity, budget lines, revenue history and scenarios. Amounts in Rials.
 *
 * Hand-worked figures the tests use:
 * - Revenue history of general-duties: 1402 1,000,000,000; 1403 1,100,000,000;
 *   1404 1,210,000,000. Scenario `base`: growth 10 % → 1405: 1,210,000,000 × 1.1 =
 *   1,331,000,000; 1406: × 1.1² = 1,464,100,000.
 *   Scenario `low`: growth 10 % with Adjustment 0.9 → 1405: 1,197,900,000.
 * - Spending 1405: activity A-1 500,000,000 + project P-1 700,000,000 = 1,200,000,000
 *   (P-9 is dropped: not counted). 1406: A-1 600,000,000 + P-1's OpexImpact 50,000,000
 *   (P-1 ends in 1405, so runs from 1406) = 650,000,000.
 * - Fiscal gap `base`: 1405 = 1,331,000,000 − 1,200,000,000 = 131,000,000;
 *   1406 = 1,464,100,000 − 650,000,000 = 814,100,000.
 * - Budget line B-1405-01 funds P-1 › program PR-1 › strategy S-1 › goal G-1.
 */
import type { RawTable, RawWorkbook } from '#core';

/**
 * The framework's tables as the register would cache them in a department workbook: side by
 * side on one sheet, one empty column between (Excel's tables cannot overlap).
 */
export const REFERENCE_TABLES: RawTable[] = [
  {
    name: 'ref_tblGoals',
    sheet: 'مرجع',
    address: 'A1',
    header: ['GoalId', 'Title', 'Perspective'],
    rows: [['G-1', 'Green city', 'citizen']],
  },
  {
    name: 'ref_tblStrategies',
    sheet: 'مرجع',
    address: 'E1',
    header: ['StrategyId', 'GoalId', 'Title'],
    rows: [['S-1', 'G-1', 'Expand parks']],
  },
  {
    name: 'ref_tblPrograms',
    sheet: 'مرجع',
    address: 'I1',
    header: ['ProgramId', 'StrategyId', 'Title'],
    rows: [['PR-1', 'S-1', 'Neighbourhood parks']],
  },
  {
    name: 'ref_tblFundingSources',
    sheet: 'مرجع',
    address: 'M1',
    header: ['SourceId', 'Title', 'RevenueClass', 'Restricted'],
    rows: [['SRC-1', 'General duties', 'general-duties', false]],
  },
];

/** The department's own tables. */
export const OWN_TABLES: RawTable[] = [
  {
    name: 'tblPlanInfo',
    sheet: 'Plan',
    header: ['Key', 'Value'],
    rows: [
      ['StartYear', 1405],
      ['Years', 2],
      ['Unit', 'Rial'],
      ['Language', 'en'],
      ['WorkbookKind', 'department'],
    ],
  },
  {
    name: 'tblProjects',
    sheet: 'Projects',
    address: 'B2',
    header: [
      'ProjectId',
      'ProgramId',
      'Title',
      'StartYear',
      'EndYear',
      '1405',
      '1406',
      'SourceId',
      'Status',
      'OpexImpact',
    ],
    rows: [
      [
        'P-1',
        'PR-1',
        'Park of the river',
        1405,
        1405,
        700_000_000,
        0,
        'SRC-1',
        'approved',
        50_000_000,
      ],
      ['P-9', 'PR-1', 'Old plan', 1405, 1405, 999, 0, 'SRC-1', 'dropped', 0],
    ],
  },
  {
    name: 'tblActivities',
    sheet: 'Activities',
    header: ['ActivityId', 'ProgramId', 'Title', 'Kind', '1405', '1406', 'SourceId'],
    rows: [['A-1', 'PR-1', 'Park upkeep', 'maintenance', 500_000_000, 600_000_000, 'SRC-1']],
  },
  {
    name: 'tblBudgetLines',
    sheet: 'Budget',
    header: ['BudgetCode', 'Year', 'Kind', 'LinkedId', 'SourceId', 'Amount'],
    rows: [['B-1405-01', 1405, 'capital', 'P-1', 'SRC-1', 700_000_000]],
  },
  {
    name: 'tblRevenueHistory',
    sheet: 'Revenue',
    header: ['RevenueClass', 'Code', 'Year', 'Amount'],
    rows: [
      ['general-duties', '', 1402, 1_000_000_000],
      ['general-duties', '', 1403, 1_100_000_000],
      ['general-duties', '', 1404, 1_210_000_000],
    ],
  },
  {
    name: 'tblRevenueScenarios',
    sheet: 'Revenue',
    // Beside the history (A–D), one empty column between.
    address: 'F1',
    header: ['Scenario', 'RevenueClass', 'Method', 'GrowthRate', 'Adjustment', 'Volatility'],
    rows: [
      ['base', 'general-duties', 'growth', 0.1, 1, null],
      ['low', 'general-duties', 'growth', 0.1, 0.9, null],
    ],
  },
];

/** The whole department workbook: own tables and cached reference data. */
export const DEPARTMENT_WORKBOOK: RawWorkbook = { tables: [...OWN_TABLES, ...REFERENCE_TABLES] };

/** The same workbook in Persian (`Language` fa). */
export const DEPARTMENT_WORKBOOK_FA: RawWorkbook = {
  tables: DEPARTMENT_WORKBOOK.tables.map((t) =>
    t.name === 'tblPlanInfo'
      ? { ...t, rows: t.rows.map((r) => (r[0] === 'Language' ? ['Language', 'fa'] : r)) }
      : t,
  ),
};
