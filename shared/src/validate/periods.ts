/**
 * Years and money: years inside the plan period, StartYear ≤ EndYear, no
 * negative money, project costs inside the project's span, projects and
 * activities that cost nothing; revenue history and scenarios that would be
 * double counted.
 */
import type { TableName } from '../contract/tables';
import { formatRials } from '../money';
import type { Table } from '../read/plan';
import type { AnyRow, Checker, TableLike } from './context';
import { idKey, rowLabel, shown } from './context';

/** Projects in these states need no cost in the plan and may lie outside it. */
const CLOSED = new Set(['done', 'dropped']);

function negative(c: Checker, table: TableLike, r: AnyRow, column: string, amount: bigint): void {
  const label = rowLabel(table, r);
  c.add(
    'NEGATIVE_AMOUNT',
    c.at(table, r.row, column),
    `${label.fa}: مبلغ ${column} منفی است (${formatRials(amount, 'fa')} ریال)؛ مبالغ برنامه منفی نمی‌شوند، مبلغ را اصلاح کنید`,
    `${label.en}: ${column} is negative (${formatRials(amount)} Rials); plan amounts are never negative, correct it`,
  );
}

/** Reports negative yearly costs; true when every year's cost is zero. */
function costNegatives(
  c: Checker,
  table: TableLike,
  r: AnyRow,
  costs: Map<number, bigint>,
): boolean {
  let allZero = true;
  // forEach, not for-of over entries: no [key, value] array per cell on a hot path.
  costs.forEach((amount, year) => {
    if (amount === 0n) return;
    allZero = false;
    if (amount < 0n) negative(c, table, r, String(year), amount);
  });
  return allZero;
}

/** The project and activity rules on years and money. */
export function checkProjectsAndActivities(c: Checker): void {
  const years = c.plan.years;
  const first = years[0];
  const last = years[years.length - 1];
  const projects = c.own('tblProjects');
  if (projects) {
    if (first === undefined && projects.rows.length > 0)
      c.skip('PROJECT_OUTSIDE_PLAN', 'tblProjects', 'StartYear', ['tblPlanInfo']);
    for (const p of projects.rows) {
      const r = p as unknown as AnyRow;
      const id = shown(p.ProjectId);
      const zero = costNegatives(c, projects, r, p.costs);
      if (p.OpexImpact < 0n) negative(c, projects, r, 'OpexImpact', p.OpexImpact);
      const closed = p.Status !== null && CLOSED.has(p.Status);
      const { StartYear: s, EndYear: e } = p;
      let outsidePlan = false;
      if (s === null || e === null) {
        if (projects.columns.has('StartYear') && projects.columns.has('EndYear'))
          c.add(
            'PROJECT_NO_YEARS',
            c.at(projects, p.row, s === null ? 'StartYear' : 'EndYear'),
            `پروژه «${id}» سال ${s === null ? 'شروع' : 'پایان'} ندارد؛ بدون آن هزینه‌ها با بازه اجرا سنجیده نمی‌شوند و هزینه جاری پس از بهره‌برداری در تراز مالی نمی‌آید`,
            `project "${id}" has no ${s === null ? 'start' : 'end'} year; without it its costs cannot be checked against its span and its opex impact is left out of the fiscal balance`,
          );
      } else if (s > e) {
        c.add(
          'PROJECT_YEARS_REVERSED',
          c.at(projects, p.row, 'EndYear'),
          `پروژه «${id}» در ${s} شروع و در ${e} تمام می‌شود؛ سال پایان نباید پیش از سال شروع باشد`,
          `project "${id}" starts in ${s} but ends in ${e}; the end year cannot come before the start year`,
        );
      } else if (first !== undefined && last !== undefined) {
        if (e < first || s > last) {
          outsidePlan = true;
          if (!closed)
            c.add(
              'PROJECT_OUTSIDE_PLAN',
              c.at(projects, p.row, e < first ? 'EndYear' : 'StartYear'),
              `پروژه «${id}» (${s}–${e}) هیچ سالی در دوره برنامه ${first}–${last} ندارد؛ سال‌ها را اصلاح کنید یا آن را به برنامه بعد ببرید`,
              `project "${id}" (${s}–${e}) has no year in the plan period ${first}–${last}; correct its years or move it to another plan`,
            );
        } else {
          if (s < first && !closed && p.Status !== 'ongoing')
            c.add(
              'PROJECT_STARTS_BEFORE_PLAN',
              c.at(projects, p.row, 'StartYear'),
              `پروژه «${id}» در ${s}، پیش از شروع برنامه (${first})، آغاز شده است؛ وضعیت آن را «در حال اجرا» کنید یا سال شروع را اصلاح کنید`,
              `project "${id}" started in ${s}, before the plan (${first}); mark its status ongoing or correct the start year`,
            );
          if (e > last)
            c.add(
              'PROJECT_ENDS_AFTER_PLAN',
              c.at(projects, p.row, 'EndYear'),
              `پروژه «${id}» در ${e}، پس از پایان برنامه (${last})، تمام می‌شود؛ هزینه سال‌های پس از ${last} در این برنامه نیست و باید در برنامه بعد دیده شود`,
              `project "${id}" ends in ${e}, after the plan (${last}); its cost after ${last} is not in this plan and must be carried into the next one`,
            );
        }
        const outside: number[] = [];
        p.costs.forEach((v, y) => {
          if (v > 0n && (y < s || y > e)) outside.push(y);
        });
        const firstOutside = outside[0];
        if (firstOutside !== undefined)
          c.add(
            'PROJECT_COST_OUTSIDE_SPAN',
            c.at(projects, p.row, String(firstOutside)),
            `پروژه «${id}» در ${outside.join('، ')} هزینه دارد، بیرون از بازه اجرای ${s}–${e}؛ هزینه یا سال‌های شروع و پایان را اصلاح کنید`,
            `project "${id}" has cost in ${outside.join(', ')}, outside its span ${s}–${e}; correct the cost or the start and end years`,
          );
      }
      // A project outside the plan has no plan-year cost by definition: PROJECT_OUTSIDE_PLAN says it.
      if (zero && !closed && !outsidePlan && p.costs.size > 0)
        c.add(
          'PROJECT_ZERO_COST',
          c.at(projects, p.row, first !== undefined ? String(first) : 'ProjectId'),
          `پروژه «${id}» در هیچ سال برنامه هزینه‌ای ندارد؛ هزینه سال‌های اجرا را بنویسید یا وضعیت را «متوقف» کنید`,
          `project "${id}" has no cost in any plan year; fill in its yearly cost or mark it dropped`,
        );
    }
  }
  const activities = c.own('tblActivities');
  if (activities)
    for (const a of activities.rows) {
      const zero = costNegatives(c, activities, a as unknown as AnyRow, a.costs);
      if (zero && a.costs.size > 0)
        c.add(
          'ACTIVITY_ZERO_COST',
          c.at(activities, a.row, first !== undefined ? String(first) : 'ActivityId'),
          `فعالیت «${shown(a.ActivityId)}» در هیچ سال برنامه هزینه‌ای ندارد؛ هزینه سالانه آن را بنویسید`,
          `activity "${shown(a.ActivityId)}" has no cost in any plan year; fill in its yearly cost`,
        );
    }
}

/** YEAR_NOT_IN_PLAN and NEGATIVE_AMOUNT on budget lines, actuals and KPI actuals. */
export function checkYearsAndAmounts(c: Checker): void {
  const period = new Set(c.plan.years);
  const first = c.plan.years[0];
  const last = c.plan.years[c.plan.years.length - 1];
  const yearTables: ReadonlyArray<readonly [TableName, readonly string[]]> = [
    ['tblBudgetLines', ['Amount']],
    ['tblActuals', ['Spent', 'Allocated', 'Committed', 'Paid']],
    ['tblRevenueActuals', ['Amount']],
    ['tblKpiActuals', []],
  ];
  for (const [name, moneyColumns] of yearTables) {
    const table = c.own(name) as Table | undefined;
    if (!table) continue;
    for (const r of table.rows as unknown as AnyRow[]) {
      const year = r.Year;
      if (typeof year === 'number') {
        if (first === undefined) c.skip('YEAR_NOT_IN_PLAN', name, 'Year', ['tblPlanInfo']);
        else if (!period.has(year)) {
          const label = rowLabel(table, r);
          c.add(
            'YEAR_NOT_IN_PLAN',
            c.at(table, r.row, 'Year'),
            `${label.fa}: سال ${year} در دوره برنامه (${first}–${last}) نیست؛ سال را اصلاح کنید`,
            `${label.en}: year ${year} is outside the plan period ${first}–${last}; correct the year`,
          );
        }
      }
      // v2: an amendment may cut an approved line, so its amount may be negative.
      const cut = name === 'tblBudgetLines' && r.Stage === 'amended';
      for (const money of moneyColumns) {
        const amount = r[money];
        if (typeof amount === 'bigint' && amount < 0n && !cut) negative(c, table, r, money, amount);
      }
    }
  }
}

/**
 * Revenue history and scenarios: no negative amounts, no class-year given
 * twice (it would be counted twice), no gaps (the forecasting methods read a
 * yearly series), nothing after the base year; one assumption per scenario
 * and class.
 */
export function checkRevenue(c: Checker): void {
  const history = c.own('tblRevenueHistory');
  if (history) {
    const baseYear =
      c.plan.info.BaseYear ?? (c.plan.info.StartYear !== null ? c.plan.info.StartYear - 1 : null);
    const seen = new Map<string, number>();
    const yearsByClass = new Map<string, { years: Set<number>; row: number }>();
    for (const h of history.rows) {
      const r = h as unknown as AnyRow;
      if (h.Amount < 0n) negative(c, history, r, 'Amount', h.Amount);
      if (h.RevenueClass === null || h.Year === null) continue;
      const line = `${h.RevenueClass}${h.Code ? ` / ${shown(h.Code)}` : ''}`;
      const key = `${h.RevenueClass}|${idKey(h.Code)}|${h.Year}`;
      const firstRow = seen.get(key);
      if (firstRow !== undefined)
        c.add(
          'REVENUE_HISTORY_DUPLICATE',
          c.at(history, h.row, 'Year'),
          `درآمد «${line}» سال ${h.Year} دو بار آمده است (نخستین بار در ردیف ${firstRow})؛ یکی را حذف کنید یا با کد درآمد جدا کنید تا دو بار شمرده نشود`,
          `revenue "${line}" for ${h.Year} is given twice (first in row ${firstRow}); remove one or tell them apart by Code, or it is counted twice`,
        );
      else seen.set(key, h.row);
      const group = yearsByClass.get(line) ?? { years: new Set<number>(), row: h.row };
      group.years.add(h.Year);
      yearsByClass.set(line, group);
      if (baseYear !== null && h.Year > baseYear)
        c.add(
          'REVENUE_HISTORY_AFTER_BASE',
          c.at(history, h.row, 'Year'),
          `سابقه درآمد «${line}» برای ${h.Year} پس از سال پایه (${baseYear}، آخرین سال عملکرد) است؛ سال پایه را به‌روز کنید یا سال را اصلاح کنید`,
          `revenue history "${line}" for ${h.Year} is after the base year ${baseYear} (the last actual year); update BaseYear or correct the year`,
        );
    }
    for (const [line, { years, row }] of yearsByClass) {
      const sorted = [...years].sort((a, b) => a - b);
      const gaps: number[] = [];
      for (let i = 1; i < sorted.length; i++) {
        const a = sorted[i - 1] as number;
        const b = sorted[i] as number;
        // A gap of hundreds of years is a typo in a year; listing it all would flood the message.
        for (let y = a + 1; y < b && gaps.length < 20; y++) gaps.push(y);
      }
      if (gaps.length > 0)
        c.add(
          'REVENUE_HISTORY_GAP',
          c.at(history, row, 'Year'),
          `سابقه درآمد «${line}» سال ${gaps.join('، ')} را ندارد؛ روش‌های پیش‌بینی سری سالانه پیوسته می‌خواهند، درآمد آن سال‌ها را بیفزایید`,
          `revenue history "${line}" lacks ${gaps.join(', ')}; the forecasting methods need an unbroken yearly series, add those years`,
        );
    }
  }
  const scenarios = c.own('tblRevenueScenarios');
  if (scenarios) {
    const seen = new Map<string, number>();
    for (const s of scenarios.rows) {
      if (s.Scenario === '' || s.RevenueClass === null) continue;
      const key = `${idKey(s.Scenario)}|${s.RevenueClass}`;
      const firstRow = seen.get(key);
      if (firstRow === undefined) {
        seen.set(key, s.row);
        continue;
      }
      c.add(
        'SCENARIO_DUPLICATE',
        c.at(scenarios, s.row, 'RevenueClass'),
        `سناریوی «${shown(s.Scenario)}» برای طبقه «${s.RevenueClass}» دو فرض دارد (نخستین بار در ردیف ${firstRow})؛ یکی را نگه دارید`,
        `scenario "${shown(s.Scenario)}" has two assumptions for ${s.RevenueClass} (first in row ${firstRow}); keep one`,
      );
    }
  }
}
