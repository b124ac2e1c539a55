/** @jsxRuntime automatic */
/**
 * The fiscal picture per revenue scenario, as the register consolidated it: per plan year the
 * forecast revenue, the spending, the gap, the operating, capital and financial balances and
 * the cash position, with the chart of revenue against spending. The scenario the plan is
 * balanced on is chosen first.
 */
import type { ApiFiscalScenario } from '#core';
import { scenarioCaption } from '#core';
import { Field, makeStyles, mergeClasses, Select } from '@fluentui/react-components';
import { useState } from 'react';
import { CHART_COLOURS, ColumnChart } from '../charts/charts';
import { Iso, PageTitle, ScrollTable, Section, usePageStyles } from '../components';
import { billions, count, year } from '../format';
import type { StringKey } from '../i18n';
import { t } from '../i18n';
import type { ViewProps } from './common';
import { inBillions } from './OverviewView';

const useStyles = makeStyles({ filter: { maxWidth: '20em' } });

type Year = ApiFiscalScenario['years'][number];

/** The table's rows: a figure of each year, in the order a finance officer reads them. */
const ROWS: ReadonlyArray<[StringKey, (y: Year) => string | null]> = [
  ['revenue', (y) => y.revenue],
  ['spending', (y) => y.spending],
  ['gap', (y) => y.gap],
  ['operatingBalance', (y) => y.operating],
  ['capitalBalance', (y) => y.capitalBalance],
  ['financialBalance', (y) => y.financialBalance],
  ['cash', (y) => y.cash],
];

export function FiscalView({ lang, plan }: ViewProps) {
  const page = usePageStyles();
  const styles = useStyles();
  const first = plan.fiscal.find((f) => f.scenario === plan.scenario) ?? plan.fiscal[0];
  const [name, setName] = useState(first?.scenario ?? '');
  const scenario = plan.fiscal.find((f) => f.scenario === name) ?? first;
  const num = mergeClasses(page.cell, page.num);
  const head = mergeClasses(page.cell, page.head);
  if (scenario === undefined)
    return (
      <div className={page.stack}>
        <PageTitle>{t(lang, 'fiscal')}</PageTitle>
        <p>{t(lang, 'noFiscal')}</p>
      </div>
    );
  const caption = scenarioCaption(scenario.scenario, lang);
  return (
    <div className={page.stack}>
      <PageTitle>{t(lang, 'fiscal')}</PageTitle>
      <Section
        title={t(lang, 'chartFiscal', { scenario: caption })}
        id="chart-fiscal"
        help={{ topic: 'revenue-forecast', lang }}
      >
        <Field label={t(lang, 'scenario')} className={styles.filter}>
          <Select
            value={scenario.scenario}
            onChange={(_, d) => setName(d.value)}
            data-testid="scenario"
          >
            {plan.fiscal.map((f) => (
              <option key={f.scenario} value={f.scenario}>
                {f.scenario === plan.scenario
                  ? t(lang, 'planScenario', { scenario: scenarioCaption(f.scenario, lang) })
                  : scenarioCaption(f.scenario, lang)}
              </option>
            ))}
          </Select>
        </Field>
        <ColumnChart
          lang={lang}
          testId="chart-fiscal"
          title={t(lang, 'chartFiscal', { scenario: caption })}
          categories={scenario.years.map((y) => year(y.year, lang))}
          categoryAxis={t(lang, 'year')}
          valueAxis={t(lang, 'billionRials')}
          series={[
            {
              label: t(lang, 'revenue'),
              colour: CHART_COLOURS.brand,
              values: scenario.years.map((y) =>
                y.revenue === null ? null : inBillions(BigInt(y.revenue)),
              ),
            },
            {
              label: t(lang, 'spending'),
              colour: CHART_COLOURS.second,
              values: scenario.years.map((y) => inBillions(BigInt(y.spending))),
            },
          ]}
          tick={(v) => count(v, lang)}
        />
      </Section>
      <Section
        title={t(lang, 'fiscalTable', { scenario: caption })}
        id="fiscal-table"
        help={{ topic: 'fiscal-gap', lang }}
      >
        <p className={page.muted}>{t(lang, 'inBillionRials')}</p>
        <ScrollTable
          label={t(lang, 'tableScroll', { table: t(lang, 'fiscal') })}
          testId="fiscal-table"
        >
          <thead>
            <tr>
              <th className={head} />
              {scenario.years.map((y) => (
                <th key={y.year} className={mergeClasses(head, page.num)} scope="col">
                  {year(y.year, lang)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ROWS.map(([key, of]) => (
              <tr key={key}>
                <th className={mergeClasses(head, page.iso)} scope="row">
                  {t(lang, key)}
                </th>
                {scenario.years.map((y) => {
                  const v = of(y);
                  return (
                    <td
                      key={y.year}
                      className={mergeClasses(
                        num,
                        v !== null && v.startsWith('-') ? page.negative : undefined,
                      )}
                    >
                      {v === null ? t(lang, 'none') : <Iso>{billions(v, lang)}</Iso>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </ScrollTable>
        {!scenario.complete && <p className={page.muted}>{t(lang, 'fiscalIncomplete')}</p>}
      </Section>
    </div>
  );
}
