/**
 * Reference data: a department workbook names the city framework's
 * programs, funding sources and departments without holding them. With
 * the framework as reference those references resolve; without it they are
 * not reported as missing but listed as checked at consolidation.
 */
import type { RawTable, RawWorkbook } from '#core';
import { validateWorkbook } from '#core';

// District 1's workbook: one project under the framework's program PR-D2.
function department(): RawWorkbook {
  return {
    tables: [
      {
        name: 'tblPlanInfo',
        sheet: 'مشخصات',
        header: ['کلید', 'مقدار'],
        rows: [
          ['StartYear', '۱۴۰۵'],
          ['Years', 3],
          ['BaseYear', 1404],
          ['WorkbookKind', 'department'],
          ['Department', 'D2'],
        ],
      },
      {
        name: 'tblProjects',
        sheet: 'پروژه‌ها',
        address: 'A1',
        header: [
          'ProjectId',
          'ProgramId',
          'Title',
          'Dept',
          'StartYear',
          'EndYear',
          '1405',
          '1406',
          '1407',
          'SourceId',
          'Status',
          'DependsOn',
          'OpexImpact',
          'Region',
          'Mandatory',
        ],
        rows: [
          [
            'P-D2-1',
            'PR-D2',
            'پیاده‌راه',
            'D2',
            1405,
            1406,
            '۱٬۰۰۰',
            2000,
            0,
            'SRC1',
            'approved',
            '',
            0,
            '1',
            false,
          ],
        ],
      },
    ],
  };
}

// The city framework, as the register or `--reference FRAMEWORK.xlsx` supplies it.
function framework(): RawWorkbook {
  return {
    tables: [
      { name: 'tblPlanInfo', header: ['Key', 'Value'], rows: [['StartYear', 1405]] },
      { name: 'tblGoals', header: ['GoalId', 'Title'], rows: [['G1', 'شهر روان']] },
      {
        name: 'tblStrategies',
        header: ['StrategyId', 'GoalId', 'Title', 'DirectiveIds'],
        rows: [['S1.1', 'G1', 'پیاده‌مداری', '']],
      },
      {
        name: 'tblPrograms',
        header: ['ProgramId', 'StrategyId', 'Title', 'OwnerDept'],
        rows: [['PR-D2', 'S1.1', 'پیاده‌راه‌سازی منطقه ۱', 'D2']],
      },
      {
        name: 'tblFundingSources',
        header: ['SourceId', 'Title', 'RevenueClass'],
        rows: [['SRC1', 'عوارض', 'general-duties']],
      },
      {
        name: 'tblDepartments',
        header: ['DeptId', 'Name', 'Kind'],
        rows: [['D2', 'منطقه ۱', 'district']],
      },
    ],
  };
}

describe('a department workbook and the city framework', () => {
  it('validates clean with the framework as reference data', () => {
    const { findings, skipped } = validateWorkbook(department(), { reference: framework() });
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.map((f) => f.code)).not.toContain('REF_MISSING');
    // Left for consolidation: the criterion scores (no criteria table in reach) and the
    // fiscal balance (a department workbook holds no revenue history).
    expect(skipped.map((s) => s.code)).toEqual(['SCORE_OUT_OF_SCALE', 'FISCAL_DEFICIT']);
  });

  it('validates the same when the register pulled the framework in as ref_ tables', () => {
    const pulled: RawTable[] = framework().tables.map((t) => ({ ...t, name: `ref_${t.name}` }));
    const wb = department();
    wb.tables.push(...pulled);
    const { findings } = validateWorkbook(wb);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('without reference data, skips the checks it cannot make and lists them', () => {
    const { findings, skipped } = validateWorkbook(department());
    expect(findings.map((f) => f.code)).not.toContain('REF_MISSING');
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    const refs = skipped.filter((s) => s.code === 'REF_MISSING');
    expect(refs.map((s) => [s.table, s.column, s.needs, s.count])).toEqual([
      ['tblProjects', 'ProgramId', ['tblPrograms'], 1],
      ['tblProjects', 'SourceId', ['tblFundingSources'], 1],
    ]);
    // The message tells the user where the check is made.
    expect(refs[0]?.message.en).toContain('consolidation');
    expect(refs[0]?.message.fa).toContain('تجمیع');
    expect(skipped.map((s) => s.code)).toContain('DEPT_UNKNOWN');
  });

  it('still reports a program that the framework does not have', () => {
    const wb = department();
    const projects = wb.tables.find((t) => t.name === 'tblProjects') as RawTable;
    (projects.rows[0] as unknown[])[1] = 'PR-9.9';
    const f = validateWorkbook(wb, { reference: framework() }).findings.find(
      (x) => x.code === 'REF_MISSING',
    );
    // Projects at A1: P-D2-1 is row 2, ProgramId column B.
    expect(f).toMatchObject({ severity: 'error', table: 'tblProjects', row: 2, cell: 'B2' });
    expect(f?.message.en).toContain('PR-9.9');
    expect(f?.message.fa).toContain('PR-9.9');
  });

  it('defers a KPI link that may be in a table not in reach, and checks one that is', () => {
    const wb = department();
    wb.tables.push({
      name: 'tblKpis',
      header: [
        'KpiId',
        'Level',
        'LinkedId',
        'Title',
        'Unit',
        'Direction',
        'Baseline',
        'BaselineYear',
        '1405',
        '1406',
        '1407',
      ],
      rows: [
        // Linked to the framework's program PR-D2: no programs table here, so it may exist.
        ['K1', 'micro', 'PR-D2', 'x', '%', 'increase', 1, 1404, 2, 3, 4],
        // Linked to the workbook's own project: resolves.
        ['K2', 'micro', 'P-D2-1', 'y', '%', 'increase', 0, 1404, 30, 60, 100],
      ],
    });
    const { findings, skipped } = validateWorkbook(wb);
    expect(findings.map((f) => f.code)).not.toContain('REF_MISSING');
    const kpi = skipped.find((s) => s.table === 'tblKpis');
    expect(kpi).toMatchObject({ code: 'REF_MISSING', column: 'LinkedId', count: 1 });
    expect(kpi?.needs).toEqual(['tblGoals', 'tblStrategies', 'tblPrograms', 'tblActivities']);
  });

  it('applies "every program has a project or activity" only to programs it owns', () => {
    // The framework's programs have no projects here; they are not this workbook's to fix.
    const ref = framework();
    ref.tables.push({
      name: 'tblPrograms',
      header: ['ProgramId', 'StrategyId', 'Title'],
      rows: [['PR-OTHER', 'S1.1', 'other district']],
    });
    const { findings } = validateWorkbook(department(), { reference: ref });
    expect(findings.map((f) => f.code)).not.toContain('PROGRAM_NO_WORK');
  });
});
