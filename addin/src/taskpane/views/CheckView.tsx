/** @jsxRuntime automatic */
/**
 * Check: validation of the whole workbook by the core, the findings grouped by table and
 * severity, a summary a department head can read, and a click on a finding selects its cell
 * in Excel. The check runs again on demand and after the tables change (debounced).
 */
import { Badge, Button, Link, Spinner, Subtitle2, Switch, Text } from '@fluentui/react-components';
import type { Finding } from '#core';
import { fsi, helpPageUrl, ltr } from '#core';
import { loadConnection } from '../../api/connection';
import { groupFindings, summary, tableCaption, warningsLine } from '../check';
import { t, tn } from '../i18n';
import { usePane } from '../services';
import { Code, Note, Rich, useViewStyles } from './common';

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
      {readError && (
        <Note intent="error">
          <Rich text={t(lang, 'unexpected', { message: fsi(readError) })} />
        </Note>
      )}
      {!check && !readError && <Text>{t(lang, 'notChecked')}</Text>}
      {check && (
        <Note intent={errors > 0 ? 'error' : 'success'}>
          <span data-testid="check-summary">{summary(findings, lang)}</span>
          {warnings > 0 && <> {warningsLine(warnings, lang)}</>}
        </Note>
      )}
      {groupFindings(findings).map((g) => {
        // The table as its users know it: its caption, and the sheet it is on (not its key).
        const caption = g.table === null ? t(lang, 'workbookWide') : tableCaption(g.table, lang);
        const sheet = g.findings.find((f) => f.sheet !== null)?.sheet ?? null;
        const kind = t(lang, g.severity === 'error' ? 'errors' : 'warnings');
        return (
          <section
            key={`${g.table}|${g.severity}`}
            className={styles.card}
            aria-label={`${caption}${lang === 'fa' ? '، ' : ', '}${kind}`}
          >
            <div className={styles.row}>
              <Subtitle2 as="h2">{caption}</Subtitle2>
              <Badge appearance="filled" color={g.severity === 'error' ? 'danger' : 'warning'}>
                {tn(
                  lang,
                  g.severity === 'error' ? 'errorsCount' : 'warningsBadge',
                  g.findings.length,
                )}
              </Badge>
            </div>
            {sheet !== null && sheet !== caption && (
              <Text size={200} className={styles.muted} data-testid="group-sheet">
                <Rich text={t(lang, 'onSheet', { sheet: fsi(sheet) })} />
              </Text>
            )}
            <ul className={styles.list}>
              {g.findings.map((f, i) => (
                <li key={i} data-code={f.code}>
                  {f.cell !== null && f.sheet !== null ? (
                    <Link
                      as="button"
                      className={styles.focusRing}
                      onClick={() => go(f)}
                      aria-label={`${t(lang, 'goToCell', { cell: f.cell })}: ${f.message[lang]}`}
                    >
                      <Code>{f.cell}</Code>
                    </Link>
                  ) : null}{' '}
                  <Text>
                    <Rich text={f.message[lang]} />
                  </Text>
                  {register !== null && (
                    <>
                      {/* Set apart from the message, so that it does not read as its last word. */}
                      {' — '}
                      <Link
                        className={styles.focusRing}
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
        );
      })}
    </div>
  );
}
