/**
 * KPIs SMART enough to measure (contract): a unit, a direction, a baseline
 * measured before the plan, and a target for every plan year that moves the
 * way the direction says.
 */
import type { Row } from '../read/plan';
import type { Checker } from './context';
import { shown } from './context';

/** KPI_NO_UNIT, KPI_NO_DIRECTION, KPI_NO_BASELINE, KPI_NO_TARGET, KPI_*BASELINE_YEAR, KPI_TARGET_DIRECTION. */
export function checkKpis(c: Checker): void {
  const table = c.own('tblKpis');
  if (!table || table.rows.length === 0) return;
  const years = c.plan.years;
  const start = c.plan.info.StartYear;
  const has = (column: string) => table.columns.has(column);

  // A column left out altogether is one finding for the table, not one per KPI.
  if (!has('Unit'))
    c.add(
      'KPI_NO_UNIT',
      c.at(table, null, 'KpiId'),
      'جدول شاخص‌ها ستون «واحد سنجش» (\u2066Unit\u2069) ندارد؛ ستون را بیفزایید و واحد هر شاخص (مثلاً درصد، کیلومتر) را بنویسید',
      'tblKpis has no Unit column; add it and give each KPI its unit (e.g. percent, km)',
    );

  for (const k of table.rows) {
    const id = shown(k.KpiId);
    if (has('Unit') && k.Unit === '')
      c.add(
        'KPI_NO_UNIT',
        c.at(table, k.row, 'Unit'),
        `شاخص «${id}» واحد سنجش ندارد؛ واحد آن را بنویسید (مثلاً درصد، نفر، کیلومتر)`,
        `KPI "${id}" has no unit; fill in its unit (e.g. percent, people, km)`,
      );
    // Direction and Baseline are required columns: when absent the reader has said so.
    if (has('Direction') && k.Direction === null)
      c.add(
        'KPI_NO_DIRECTION',
        c.at(table, k.row, 'Direction'),
        `شاخص «${id}» جهت مطلوب ندارد؛ یکی از «افزایشی»، «کاهشی» یا «حفظ وضعیت» را بنویسید`,
        `KPI "${id}" has no direction; fill in increase, decrease or maintain`,
      );
    if (has('Baseline') && k.Baseline === null)
      c.add(
        'KPI_NO_BASELINE',
        c.at(table, k.row, 'Baseline'),
        `شاخص «${id}» مقدار پایه ندارد؛ مقدار اندازه‌گیری‌شده پیش از شروع برنامه را بنویسید`,
        `KPI "${id}" has no baseline; fill in its value measured before the plan starts`,
      );
    if (has('BaselineYear')) {
      if (k.BaselineYear === null)
        c.add(
          'KPI_NO_BASELINE_YEAR',
          c.at(table, k.row, 'BaselineYear'),
          `شاخص «${id}» سال پایه ندارد؛ سالی را که مقدار پایه در آن سنجیده شده بنویسید`,
          `KPI "${id}" has no baseline year; fill in the year its baseline was measured`,
        );
      else if (start !== null && k.BaselineYear >= start)
        c.add(
          'KPI_BASELINE_YEAR',
          c.at(table, k.row, 'BaselineYear'),
          `سال پایه شاخص «${id}» (${k.BaselineYear}) در دوره برنامه است؛ مقدار پایه باید پیش از ${start} سنجیده شده باشد (معمولاً ${start - 1})`,
          `KPI "${id}" baseline year ${k.BaselineYear} is inside the plan; the baseline is measured before ${start} (usually ${start - 1})`,
        );
    }
    if (years.length === 0) continue;
    const missing = years.filter((y) => {
      const t = k.targets.get(y);
      return t === null || t === undefined;
    });
    const first = missing[0];
    if (first !== undefined)
      c.add(
        'KPI_NO_TARGET',
        c.at(table, k.row, String(first)),
        `شاخص «${id}» برای سال ${missing.join('، ')} هدف ندارد؛ مقدار هدف هر سال برنامه را بنویسید`,
        `KPI "${id}" has no target for ${missing.join(', ')}; fill in a target for every plan year`,
      );
    checkDirection(c, k, years);
  }
}

function checkDirection(c: Checker, k: Row<'tblKpis'>, years: readonly number[]): void {
  if (k.Direction !== 'increase' && k.Direction !== 'decrease') return;
  const up = k.Direction === 'increase';
  let prev: number | null = k.Baseline;
  let prevLabel: { fa: string; en: string } = { fa: 'مقدار پایه', en: 'the baseline' };
  for (const y of years) {
    const t = k.targets.get(y);
    if (t === null || t === undefined) continue;
    if (prev !== null && (up ? t < prev : t > prev)) {
      const table = c.own('tblKpis');
      if (!table) return;
      const id = shown(k.KpiId);
      c.add(
        'KPI_TARGET_DIRECTION',
        c.at(table, k.row, String(y)),
        `هدف ${y} شاخص «${id}» (${t}) ${up ? 'کمتر' : 'بیشتر'} از ${prevLabel.fa} (${prev}) است، حال آنکه جهت مطلوب «${up ? 'افزایشی' : 'کاهشی'}» است؛ هدف یا جهت را اصلاح کنید`,
        `KPI "${id}" target for ${y} (${t}) is ${up ? 'below' : 'above'} ${prevLabel.en} (${prev}) though its direction is ${k.Direction}; correct the target or the direction`,
      );
      return; // the first wrong step is enough to point the user at the row
    }
    prev = t;
    prevLabel = { fa: `هدف ${y}`, en: `the ${y} target` };
  }
}
