/**
 * Reading the open workbook through Office.js, with office-addin-mock standing in for Excel:
 * the contract tables and the reference data the register cached in the workbook (`ref_`
 * tables) come back as raw tables in two round trips, the plan is read once and kept until a
 * table changes, and PLAN.BUDGET_LINK resolves a chain from what was read.
 */
import { OfficeMockObject } from 'office-addin-mock';
import type { RawTable } from '#core';
import { readPlan } from '#core';
import * as linkage from '../../addin/src/functions/linkage';
import { PlanCache, workbookPlanCache } from '../../addin/src/office/planCache';
import type { ExcelRun } from '../../addin/src/office/workbook';
import { readContractTables, topLeftOf } from '../../addin/src/office/workbook';
import { DEPARTMENT_WORKBOOK } from './fixtures';

/** A mock Excel holding `tables`, counting round trips and keeping the change handlers. */
function mockExcel(tables: RawTable[]) {
  const handlers: Array<() => unknown> = [];
  const events = () => ({ add: (h: () => unknown) => handlers.push(h) });
  const ranges: Record<string, unknown> = {};
  const sheets: Record<string, unknown> = {};
  tables.forEach((t, i) => {
    ranges[`r${i}`] = {
      values: [t.header, ...t.rows],
      address: `'${t.sheet}'!${t.address ?? 'A1'}:Z${t.rows.length + 1}`,
    };
    sheets[`s${i}`] = { name: t.sheet };
  });
  const loads: unknown[] = [];
  const mock = new OfficeMockObject({
    context: {
      workbook: {
        ranges,
        sheets,
        tables: {
          onChanged: events(),
          onAdded: events(),
          onDeleted: events(),
          // The mock has no collections: `load('items/name')` fills `items` here, with each
          // table's range and sheet taken from the mock tree so that they need load + sync.
          load(this: { items: unknown }, what: unknown) {
            loads.push(what);
            this.items = tables.map((t, i) => ({
              name: t.name,
              worksheet: workbook.sheets[`s${i}`],
              getRange: () => workbook.ranges[`r${i}`],
            }));
          },
        },
      },
    },
    run: async function (this: { context: unknown }, batch: (c: unknown) => Promise<unknown>) {
      return batch(this.context);
    },
  }) as unknown as {
    context: { sync(): Promise<void>; workbook: Record<string, Record<string, unknown>> };
    run: ExcelRun;
  };
  const workbook = mock.context.workbook as {
    sheets: Record<string, unknown>;
    ranges: Record<string, unknown>;
  };
  let syncs = 0;
  const sync = mock.context.sync.bind(mock.context);
  mock.context.sync = async () => {
    syncs++;
    await sync();
  };
  let runs = 0;
  const run: ExcelRun = (batch) => {
    runs++;
    return mock.run(batch);
  };
  return {
    run,
    handlers,
    loads,
    get syncs() {
      return syncs;
    },
    get runs() {
      return runs;
    },
  };
}

const pivot: RawTable = { name: 'MyPivot', sheet: 'Notes', header: ['a'], rows: [[1]] };

describe('reading the contract tables of the open workbook', () => {
  it('reads own and reference tables in two round trips, and leaves other tables alone', async () => {
    const excel = mockExcel([...DEPARTMENT_WORKBOOK.tables, pivot]);
    const raw = await readContractTables(excel.run);
    expect(excel.syncs).toBe(2);
    expect(raw.tables.map((t) => t.name)).toEqual(DEPARTMENT_WORKBOOK.tables.map((t) => t.name));
    const projects = raw.tables.find((t) => t.name === 'tblProjects')!;
    expect(projects.sheet).toBe('Projects');
    expect(projects.address).toBe('B2');
    expect(projects.header[0]).toBe('ProjectId');
    expect(projects.rows[0]![0]).toBe('P-1');
    const programs = raw.tables.find((t) => t.name === 'ref_tblPrograms')!;
    expect(programs.rows).toEqual([['PR-1', 'S-1', 'Neighbourhood parks']]);
  });

  it('gives the reader a plan in which the ref_ tables are reference data', async () => {
    const excel = mockExcel(DEPARTMENT_WORKBOOK.tables);
    const { plan } = readPlan(await readContractTables(excel.run));
    expect(plan.reference.tblPrograms?.rows.map((r) => r.ProgramId)).toEqual(['PR-1']);
    expect(plan.tables.tblPrograms).toBeUndefined();
    expect(plan.tables.tblProjects?.rows.map((r) => r.ProjectId)).toEqual(['P-1', 'P-9']);
  });

  it('finds the top-left cell of any address Excel writes', () => {
    expect(topLeftOf("'Sheet 1'!B3:F9")).toBe('B3');
    expect(topLeftOf('Budget!$C$10:$H$20')).toBe('C10');
    expect(topLeftOf("'ک!ار'!AA7")).toBe('AA7');
  });
});

describe('the plan cache', () => {
  it('reads the workbook once, and again after a table changes', async () => {
    const excel = mockExcel(DEPARTMENT_WORKBOOK.tables);
    const cache = workbookPlanCache(excel.run);
    const [a, b] = await Promise.all([cache.plan(), cache.plan()]);
    expect(a).toBe(b);
    expect(await cache.plan()).toBe(a);
    expect(excel.runs).toBe(1);
    // onChanged, onAdded and onDeleted of the tables collection, registered once.
    expect(excel.handlers).toHaveLength(3);
    await excel.handlers[0]!();
    const c = await cache.plan();
    expect(c).not.toBe(a);
    expect(excel.runs).toBe(2);
    expect(excel.handlers).toHaveLength(3);
  });

  it('does not keep a failed read', async () => {
    let calls = 0;
    const cache = new PlanCache(async () => {
      calls++;
      if (calls === 1) throw new Error('busy');
      return { workbook: DEPARTMENT_WORKBOOK, watched: true };
    });
    await expect(cache.plan()).rejects.toThrow('busy');
    await expect(cache.plan()).resolves.toHaveProperty('plan');
    expect(calls).toBe(2);
  });

  it('keeps nothing on a host without change events, where it could go stale', async () => {
    let calls = 0;
    const cache = new PlanCache(async () => {
      calls++;
      return { workbook: DEPARTMENT_WORKBOOK, watched: false };
    });
    await cache.plan();
    await cache.plan();
    expect(calls).toBe(2);
  });
});

describe('PLAN.BUDGET_LINK through Office', () => {
  it('resolves a budget code from the department tables and the cached reference data', async () => {
    const excel = mockExcel(DEPARTMENT_WORKBOOK.tables);
    const cache = workbookPlanCache(excel.run);
    const source = () => cache.plan();
    expect(await linkage.budgetLink('B-1405-01', 'goal', 'both', source)).toBe('G-1 Green city');
    expect(await linkage.budgetLink('P-1', 'program', null, source)).toBe('PR-1');
    // A column of BUDGET_LINK formulas shares one read of the workbook.
    expect(excel.runs).toBe(1);
  });
});
