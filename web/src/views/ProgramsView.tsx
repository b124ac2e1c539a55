/** @jsxRuntime automatic */
/**
 * Programs: each program's strategy, owner and money per plan year (the register's totals by
 * program: its projects and activities), the plan's total in the last row, and the chart of
 * money by program.
 */
import { webPath } from '#core';
import { mergeClasses } from '@fluentui/react-components';
import { BarChart } from '../charts/charts';
import {
  AppLink,
  Iso,
  PageTitle,
  ScrollTable,
  Section,
  Stored,
  usePageStyles,
} from '../components';
import { billions, count, year } from '../format';
import { t } from '../i18n';
import { anchorOf, programMoney, sumYears } from '../plan';
import type { ViewProps } from './common';
import { inBillions } from './OverviewView';

export function ProgramsView({ lang, plan, route }: ViewProps) {
  const page = usePageStyles();
  const rows = programMoney(plan);
  const strategyHref = webPath({ ...route, section: 'strategy' }, lang);
  const num = mergeClasses(page.cell, page.num);
  const head = mergeClasses(page.cell, page.head);
  const label = t(lang, 'programs');
  return (
    <div className={page.stack}>
      <PageTitle>{t(lang, 'programs')}</PageTitle>
      <Section title={t(lang, 'chartByProgram')} id="chart-programs">
        <BarChart
          lang={lang}
          testId="chart-programs"
          title={t(lang, 'chartByProgram')}
          barAxis={t(lang, 'programs')}
          valueAxis={t(lang, 'billionRials')}
          bars={rows.map(({ program, total }) => ({
            label: program.title,
            value: inBillions(total),
            text: billions(total, lang),
          }))}
          tick={(v) => count(v, lang)}
        />
      </Section>
      <Section
        title={t(lang, 'programList')}
        id="programs-table"
        help={{ topic: 'plan-chain', lang }}
      >
        <p className={page.muted}>{t(lang, 'inBillionRials')}</p>
        <ScrollTable label={t(lang, 'tableScroll', { table: label })} testId="programs-table">
          <thead>
            <tr>
              <th className={mergeClasses(head, page.sticky, page.head)}>{t(lang, 'id')}</th>
              <th className={head}>{t(lang, 'title')}</th>
              <th className={head}>{t(lang, 'strategyOne')}</th>
              <th className={head}>{t(lang, 'owner')}</th>
              {plan.years.map((y) => (
                <th key={y} className={mergeClasses(head, page.num)}>
                  {year(y, lang)}
                </th>
              ))}
              <th className={mergeClasses(head, page.num)}>{t(lang, 'total')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ program, total }) => (
              <tr key={program.id} id={anchorOf('program', program.id)} tabIndex={-1}>
                <td className={mergeClasses(page.cell, page.sticky)}>
                  <Iso>{program.id}</Iso>
                </td>
                <td className={page.cell}>
                  <Stored>{program.title}</Stored>
                </td>
                <td className={page.cell}>
                  <AppLink href={`${strategyHref}#${anchorOf('strategy', program.strategyId)}`}>
                    <Iso>{program.strategyId}</Iso>
                  </AppLink>
                </td>
                <td className={page.cell}>
                  <Iso>{program.ownerDept}</Iso>
                </td>
                {plan.years.map((y) => (
                  <td key={y} className={num}>
                    <Iso>
                      {billions(plan.totals.byProgram[program.id]?.[String(y)] ?? '0', lang)}
                    </Iso>
                  </td>
                ))}
                <td className={num}>
                  <Iso>{billions(total, lang)}</Iso>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th className={head} colSpan={4} scope="row">
                {t(lang, 'total')}
              </th>
              {plan.years.map((y) => (
                <td key={y} className={mergeClasses(num, page.head)}>
                  <Iso>{billions(plan.totals.total[String(y)] ?? '0', lang)}</Iso>
                </td>
              ))}
              <td className={mergeClasses(num, page.head)}>
                <Iso>{billions(sumYears(plan.totals.total, plan.years), lang)}</Iso>
              </td>
            </tr>
          </tfoot>
        </ScrollTable>
      </Section>
    </div>
  );
}
