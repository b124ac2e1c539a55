/**
 * What the public sees of a plan's tables (`publicPlanOf`, `publishedTable`), on tables made
 * by hand: partner agencies are named, other stakeholders never; only published columns leave
 * (a score column, a budget line, a stakeholder's row do not); amounts are the rows' Rials.
 */
import type { CanonicalTable } from '#core';
import { publicPlanOf, publishedTable } from '#core';

const tables: CanonicalTable[] = [
  { name: 'tblPlanInfo', columns: ['Key', 'Value'], rows: [{ Key: 'Vision', Value: 'شهر پاک' }] },
  {
    name: 'tblStrategies',
    columns: ['StrategyId', 'GoalId', 'Title', 'PartnerIds'],
    rows: [{ StrategyId: 'S1', GoalId: 'G1', Title: 'آب', PartnerIds: 'SH1، SH2, SH9' }],
  },
  {
    name: 'tblStakeholders',
    columns: ['StakeholderId', 'Name', 'Type'],
    rows: [
      { StakeholderId: 'SH1', Name: 'شرکت آب و فاضلاب', Type: 'agency' },
      { StakeholderId: 'SH2', Name: 'انجمن محله', Type: 'ngo' },
    ],
  },
  {
    name: 'tblProjects',
    columns: ['ProjectId', 'Title', 'C1', '1405', '1406'],
    rows: [{ ProjectId: 'P1', Title: 'پل', C1: 4, '1405': '1200', '1406': '0' }],
  },
  {
    name: 'tblBudgetLines',
    columns: ['LineId', 'LinkedId'],
    rows: [{ LineId: 'B1', LinkedId: 'P1' }],
  },
];

const facts = {
  municipality: { code: 'x', name: { fa: 'شهر', en: 'City' } },
  snapshot: {
    id: 's',
    cycleId: 'c',
    cycleStart: 1405,
    number: 2,
    status: 'adopted' as const,
    baseline: false,
    trigger: 'explicit' as const,
    sources: [],
    sha256: 'a'.repeat(64),
    createdAt: '2026-01-01T00:00:00.000Z',
    returnNote: null,
    adoption: null,
    publishedAt: null,
  },
  cycle: { startYear: 1405, endYear: 1406, title: 'برنامه' },
  years: [1405, 1406],
  totals: { total: {}, byDepartment: {}, byProgram: {}, bySource: {}, byGoal: {} },
  fiscal: [],
};

describe('the public plan of a snapshot’s tables', () => {
  it('names partner agencies only, and the vision', () => {
    const plan = publicPlanOf(tables, facts);
    expect(plan.vision).toBe('شهر پاک');
    // SH2 is an NGO and SH9 is not a stakeholder: neither is a partner agency.
    expect(plan.strategies[0]?.partners).toEqual([{ id: 'SH1', name: 'شرکت آب و فاضلاب' }]);
    expect(JSON.stringify(plan)).not.toContain('انجمن محله');
    expect(plan.projects[0]?.cost).toEqual({ '1405': '1200', '1406': '0' });
    expect(plan.tables.find((t) => t.key === 'projects')?.downloads.csv).toBe(
      '/api/public/x/snapshots/1405/2/tables/projects.csv',
    );
  });

  it('publishes the listed columns and the plan years, nothing else', () => {
    const projects = publishedTable(tables, 'projects', [1405, 1406]);
    expect(projects?.columns.slice(0, 2)).toEqual(['ProjectId', 'ProgramId']);
    expect(projects?.columns.slice(-2)).toEqual(['1405', '1406']);
    expect(projects?.columns).not.toContain('C1');
    expect(projects?.rows[0]?.at(-2)).toBe('1200');
    expect(publishedTable(tables, 'stakeholders', [1405])).toBeNull();
    expect(publishedTable(tables, 'budget-lines', [1405])).toBeNull();
  });
});
