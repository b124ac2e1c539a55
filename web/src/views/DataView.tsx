/** @jsxRuntime automatic */
/**
 * Open data: every published table of this snapshot, with its number of rows and a download
 * in each open format (CSV, `.xlsx`, JSON) from the register's public API, at addresses that
 * name the snapshot (so that a downloaded file is the one this page shows).
 */
import { listSeparator } from '#core';
import { Link, mergeClasses } from '@fluentui/react-components';
import { Iso, PageTitle, ScrollTable, Section, usePageStyles } from '../components';
import { t, tn } from '../i18n';
import type { ViewProps } from './common';

const FORMATS = [
  ['csv', 'CSV'],
  ['xlsx', 'Excel (.xlsx)'],
  ['json', 'JSON'],
] as const;

export function DataView({ lang, plan }: ViewProps) {
  const page = usePageStyles();
  const head = mergeClasses(page.cell, page.head);
  return (
    <div className={page.stack}>
      <PageTitle>{t(lang, 'data')}</PageTitle>
      <Section title={t(lang, 'dataTables')} id="data-tables">
        <p>{t(lang, 'dataIntro')}</p>
        <ScrollTable label={t(lang, 'dataTables')} testId="data-table">
          <thead>
            <tr>
              <th className={head}>{t(lang, 'table')}</th>
              <th className={head}>{t(lang, 'rowsHeading')}</th>
              <th className={head}>{t(lang, 'downloads')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.tables.map((table) => (
              <tr key={table.key} data-table={table.key}>
                <th className={page.cell} scope="row">
                  {table.name[lang]}
                </th>
                <td className={page.cell}>{tn(lang, 'rows', table.rows)}</td>
                <td className={page.cell}>
                  {FORMATS.map(([format, label], i) => (
                    <span key={format}>
                      {i > 0 && listSeparator(lang)}
                      <Link
                        href={table.downloads[format]}
                        download
                        aria-label={t(lang, 'download', { table: table.name[lang], format: label })}
                        data-format={format}
                      >
                        <Iso>{label}</Iso>
                      </Link>
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      </Section>
    </div>
  );
}
