/**
 * The workbook as a whole: it holds plan tables at all, its plan information
 * is sane, and it holds what its kind is for.
 */
import type { WorkbookKind } from '../contract/enums';
import { WORKBOOK_KINDS } from '../contract/enums';
import type { PlanInfoKey, TableName } from '../contract/tables';
import { PLAN_INFO_KEYS, getTableSpec } from '../contract/tables';
import type { Table } from '../read/plan';
import { matchKey } from '../util/text';
import type { Checker } from './context';

/**
 * What each kind of workbook is for (contract, tblPlanInfo `WorkbookKind`):
 * each entry is a group of tables at least one of which should have rows.
 */
const EXPECTED: Readonly<Record<WorkbookKind, ReadonlyArray<readonly TableName[]>>> = {
  city: [
    ['tblGoals'],
    ['tblStrategies'],
    ['tblPrograms'],
    ['tblProjects', 'tblActivities'],
    ['tblKpis'],
  ],
  framework: [['tblGoals'], ['tblStrategies'], ['tblPrograms']],
  department: [['tblProjects', 'tblActivities']],
  revenue: [['tblRevenueHistory']],
  monitoring: [['tblActuals', 'tblRevenueActuals', 'tblKpiActuals']],
};

/** The sheet row of a plan-information key (typed as the key or a caption), or null. */
export function planInfoRow(
  info: Pick<Table<'tblPlanInfo'>, 'rows'> | undefined,
  key: PlanInfoKey,
): number | null {
  const spec = PLAN_INFO_KEYS.find((k) => k.key === key);
  if (!info || !spec) return null;
  const wanted = new Set([matchKey(spec.key), matchKey(spec.fa), matchKey(spec.en)]);
  return info.rows.find((r) => wanted.has(matchKey(r.Key)))?.row ?? null;
}

/** WORKBOOK_EMPTY, PLAN_KIND_MISSING, PLAN_BASE_YEAR, PLAN_DEPARTMENT_MISSING, KIND_CONTENT_MISSING. */
export function checkWorkbook(c: Checker): void {
  const own = Object.values(c.plan.tables) as Table[];
  if (own.length === 0) {
    c.add(
      'WORKBOOK_EMPTY',
      {},
      'این کارپوشه هیچ‌یک از جدول‌های برنامه (مانند \u2066tblPlanInfo\u2069 یا \u2066tblProjects\u2069) را ندارد؛ الگوی برنامه را درج کنید یا نام جدول‌ها را بررسی کنید',
      'this workbook holds none of the plan tables (such as tblPlanInfo or tblProjects); insert the plan template or check the table names',
    );
    return;
  }
  const info = c.own('tblPlanInfo');
  const { StartYear, BaseYear, WorkbookKind, Department } = c.plan.info;
  if (info) {
    if (WorkbookKind === null)
      c.add(
        'PLAN_KIND_MISSING',
        c.at(info, planInfoRow(info, 'WorkbookKind'), 'Value'),
        `نوع کارپوشه (\u2066WorkbookKind\u2069) در مشخصات برنامه نیامده است؛ یکی از این‌ها را بنویسید: ${WORKBOOK_KINDS.map((k) => k.fa).join('، ')}`,
        `the workbook kind (WorkbookKind) is not given in tblPlanInfo; add one of: ${WORKBOOK_KINDS.map((k) => k.value).join(', ')}`,
      );
    if (StartYear !== null && BaseYear !== null && BaseYear !== StartYear - 1)
      c.add(
        'PLAN_BASE_YEAR',
        c.at(info, planInfoRow(info, 'BaseYear'), 'Value'),
        `سال پایه (${BaseYear}) معمولاً سال پیش از شروع برنامه (${StartYear - 1}) است، آخرین سالی که عملکردش معلوم است؛ آن را بازبینی کنید`,
        `the base year ${BaseYear} is expected to be the year before the plan starts (${StartYear - 1}), the last year with actuals; review it`,
      );
    if (WorkbookKind === 'department' && Department === '')
      c.add(
        'PLAN_DEPARTMENT_MISSING',
        c.at(info, planInfoRow(info, 'Department'), 'Value'),
        'این کارپوشه واحد است ولی کد واحد (\u2066Department\u2069) در مشخصات برنامه نیامده است؛ کد واحد را بنویسید تا سامانه آن را به واحد درست نسبت دهد',
        'this is a department workbook but tblPlanInfo gives no Department; fill in the department code so the register files it under the right department',
      );
  }
  if (WorkbookKind === null) return;
  const kind = WORKBOOK_KINDS.find((k) => k.value === WorkbookKind);
  for (const group of EXPECTED[WorkbookKind]) {
    if (group.some((name) => (c.own(name)?.rows.length ?? 0) > 0)) continue;
    const first = group[0] as TableName;
    const table = group.map((name) => c.own(name) as Table | undefined).find((t) => t);
    const names = group.map((n) => getTableSpec(n));
    c.add(
      'KIND_CONTENT_MISSING',
      table ? c.at(table, null, null) : { table: first },
      `کارپوشه «${kind?.fa ?? WorkbookKind}» هیچ ردیفی در جدول ${names.map((s) => `«${s.fa}»`).join(' یا ')} ندارد؛ آن‌ها را پر کنید یا نوع کارپوشه را اصلاح کنید`,
      `a ${WorkbookKind} workbook has no rows in ${group.join(' or ')}; fill them in or correct WorkbookKind`,
    );
  }
}
