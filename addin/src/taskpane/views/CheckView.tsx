/** @jsxRuntime automatic */
/**
 * Check: validation of the whole workbook by the core, the findings grouped by table and
 * severity, a summary a department head can read, and a click on a finding selects its cell
 * in Excel. The check runs again on demand and after the tables change (debounced).
 */
import { Badge, Button, Link, Spinner, Subtitle2, Switch, Text } from '@fluentui/react-components';
import type { Finding } from '#core';
import { helpPageUrl, ltr } from '#core';
import { loadConnection } from '../../api/connection';
import { groupFindings, summary } from '../check';
import { digits, t } from '../i18n';
import { usePane } from '../services';
import { Note, useViewStyles } from './common';

/** The Check view. */
export function CheckView(props: { auto: boolean; setAuto(auto: boolean): void }) {
  const { lang, check, checking, readError, recheck, office, store, defaultServer } = usePane();
  // The register the planner signed in to, else the one that served the pane: its help page
  // for a finding's code (issue 20).
  const register = loadConnection(store)?.server ?? defaultServer ?? null;
  const styles = useViewStyles();
  const go = (f: Finding) => {
    if (f.sheet !== null && f.cell !== null) void office.selectCell(f.sheet, f.cell);
  };
  const findings = check?.findings ?? [];
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  return (
    <div className={styles.stack}>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void recheck()} disabled={checking}>
          {t(lang, 'runCheck')}
        </Button>
        <Switch
          checked={props.auto}
          onChange={(_, d) => props.setAuto(d.checked)}
          label={t(lang, 'autoCheck')}
        />
        {checking && <Spinner size="tiny" aria-label={t(lang, 'working')} />}
      </div>
      {readError && <Note intent="error">{t(lang, 'unexpected', { message: readError })}</Note>}
      {!check && !readError && <Text>{t(lang, 'notChecked')}</Text>}
      {check && (
        <Note intent={errors > 0 ? 'error' : 'success'}>
          <span data-testid="check-summary">{summary(findings, lang)}</span>
          {warnings > 0 && <> {t(lang, 'warningsCount', { n: warnings })}</>}
        </Note>
      )}
      {groupFindings(findings).map((g) => (
        <section
          key={`${g.table}|${g.severity}`}
          className={styles.card}
          aria-label={`${g.table ?? t(lang, 'workbookWide')} · ${t(lang, g.severity === 'error' ? 'errors' : 'warnings')}`}
        >
          <div className={styles.row}>
            <Subtitle2 as="h2" dir="ltr">
              {g.table ?? t(lang, 'workbookWide')}
            </Subtitle2>
            <Badge appearance="filled" color={g.severity === 'error' ? 'danger' : 'warning'}>
              {t(lang, g.severity === 'error' ? 'errors' : 'warnings')}{' '}
              {digits(String(g.findings.length), lang)}
            </Badge>
          </div>
          <ul className={styles.list}>
            {g.findings.map((f, i) => (
              <li key={i} data-code={f.code}>
                {f.cell !== null && f.sheet !== null ? (
                  <Link
                    as="button"
                    onClick={() => go(f)}
                    aria-label={`${t(lang, 'goToCell', { cell: f.cell })}: ${f.message[lang]}`}
                  >
                    <bdi dir="ltr">{f.cell}</bdi>
                  </Link>
                ) : null}{' '}
                <Text>{f.message[lang]}</Text>
                {register !== null && (
                  <>
                    {/* Set apart from the message, so that it does not read as its last word. */}
                    {' · '}
                    <Link
                      href={helpPageUrl(register, f.code, lang)}
                      target="_blank"
                      rel="noopener noreferrer"
                      aria-label={t(lang, 'findingHelpOn', {
                        code: lang === 'fa' ? ltr(f.code) : f.code,
                      })}
                    >
                      {t(lang, 'findingHelp')}
                    </Link>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
