import fc from 'fast-check';
import type { RawCell, RawWorkbook, TableName } from '#core';
import { ROW_SCHEMAS, TABLE_NAMES, readPlan, samplePlanWorkbook } from '#core';

/** Every row the reader made without an error in it (rows with errors hold empty stand-ins). */
function rowsOfEveryTable(workbook: RawWorkbook) {
  const { plan, findings } = readPlan(workbook);
  const broken = new Set(
    findings.filter((f) => f.severity === 'error').map((f) => `${f.table}|${f.row}`),
  );
  return TABLE_NAMES.flatMap((name) =>
    (plan.tables[name]?.rows ?? [])
      .filter((row) => !broken.has(`${name}|${row.row}`))
      .map((row) => ({ name, row: row as unknown })),
  );
}

describe('the zod schema of every contract table', () => {
  it('accepts every row the reader makes of the sample plan', () => {
    const rows = rowsOfEveryTable(samplePlanWorkbook());
    // The sample fills every table of the contract.
    expect(new Set(rows.map((r) => r.name)).size).toBe(TABLE_NAMES.length);
    for (const { name, row } of rows) {
      const parsed = ROW_SCHEMAS[name].safeParse(row);
      if (!parsed.success) throw new Error(`${name}: ${parsed.error.message}`);
    }
  });

  it('accepts every row the reader reads without an error, whatever the cells', () => {
    const cell: fc.Arbitrary<RawCell> = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.double(),
      fc.integer({ min: 1300, max: 1600 }),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom('۱۴۰۶', 'بله', 'هزار ریال', 'benefit', 'increase', 'S', '1,200'),
    );
    const tables: TableName[] = [
      'tblProjects',
      'tblKpis',
      'tblSwot',
      'tblBudgetLines',
      'tblCriteria',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...tables),
        fc.array(fc.array(cell, { minLength: 20, maxLength: 20 }), { maxLength: 5 }),
        (name, rows) => {
          const header = headerOf(name);
          const workbook: RawWorkbook = {
            tables: [
              { name: 'tblPlanInfo', header: ['Key', 'Value'], rows: [['StartYear', 1405]] },
              { name, header, rows: rows.map((r) => r.slice(0, header.length)) },
            ],
          };
          for (const { name: n, row } of rowsOfEveryTable(workbook)) {
            const parsed = ROW_SCHEMAS[n].safeParse(row);
            if (!parsed.success) throw new Error(`${n}: ${parsed.error.message}`);
          }
        },
      ),
      { numRuns: 200, seed: 1405 },
    );
  });

  it('refuses a row that breaks its table shape', () => {
    const good = rowsOfEveryTable(samplePlanWorkbook()).find((r) => r.name === 'tblProjects');
    const bad = { ...(good?.row as object), OpexImpact: 1.5 };
    expect(ROW_SCHEMAS.tblProjects.safeParse(bad).success).toBe(false);
    expect(
      ROW_SCHEMAS.tblProjects.safeParse({ ...(good?.row as object), Status: 'maybe' }).success,
    ).toBe(false);
  });
});

function headerOf(name: TableName): string[] {
  const keys: Record<string, string[]> = {
    tblProjects: [
      'ProjectId',
      'ProgramId',
      'Title',
      'StartYear',
      'EndYear',
      'SourceId',
      'Status',
      'Mandatory',
      'DependsOn',
      'OpexImpact',
      '1405',
      '1406',
    ],
    tblKpis: [
      'KpiId',
      'Level',
      'LinkedId',
      'Direction',
      'Baseline',
      'BaselineYear',
      'Frequency',
      '1405',
    ],
    tblSwot: ['FactorId', 'Kind', 'Text', 'Weight', 'Rating'],
    tblBudgetLines: ['BudgetCode', 'Year', 'Kind', 'LinkedId', 'SourceId', 'Amount'],
    tblCriteria: ['CriterionId', 'Title', 'Weight', 'Direction', 'ScaleMin', 'ScaleMax'],
  };
  return keys[name] ?? [];
}
