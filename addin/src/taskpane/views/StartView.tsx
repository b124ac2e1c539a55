/** @jsxRuntime automatic */
/**
 * Start: create a new plan workbook from the core's template (every contract table as a real
 * Excel table with captions, formats and validation lists), or recognise the open workbook.
 */
import { Body1, Button, Field, ProgressBar, SpinButton, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { TABLE_NAMES, fsi, planTemplate, readPlan } from '#core';
import { recognise, tableCaption } from '../check';
import { setView } from '../paneState';
import { digits, t, tn } from '../i18n';
import { usePane } from '../services';
import { Note, Section, useViewStyles } from './common';

/** The Start view. */
export function StartView() {
  const { lang, office, check, recheck } = usePane();
  const styles = useViewStyles();
  const [startYear, setStartYear] = useState(1405);
  const [progress, setProgress] = useState<number | null>(null);
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(
    null,
  );
  const create = async () => {
    setMessage(null);
    setProgress(0);
    try {
      const layout = planTemplate({ lang, startYear });
      const out = await office.createFromLayout(layout, (done, total) => setProgress(done / total));
      setMessage({
        intent: 'success',
        text: tn(lang, 'created', out.created.length, { skipped: out.skipped.length }),
      });
      await recheck();
    } catch (error) {
      setMessage({
        intent: 'error',
        text: t(lang, 'unexpected', { message: fsi((error as Error).message) }),
      });
    } finally {
      setProgress(null);
    }
  };
  const recognition = check ? recognise(check.workbook, readPlan(check.workbook).findings) : null;
  // Tables by their captions, as their users know them (not by their keys).
  const names = (list: string[]) =>
    list.length
      ? list.map((n) => tableCaption(n, lang)).join(lang === 'fa' ? '، ' : ', ')
      : t(lang, 'none');
  // A workbook that already has every table needs no template: its next step is the check.
  const complete = recognition !== null && recognition.missing.length === 0;
  // A complete workbook needs no template: what it has, and its next step, come first.
  const createSection = (
    <Section title={t(lang, 'createTemplate')}>
      <Field label={t(lang, 'startYear')}>
        <SpinButton
          value={startYear}
          min={1400}
          max={1499}
          displayValue={digits(String(startYear), lang)}
          onChange={(_, d) => {
            const v =
              d.value ??
              Number(d.displayValue?.replace(/[۰-۹]/g, (c) => String(c.charCodeAt(0) - 0x06f0)));
            if (Number.isInteger(v)) setStartYear(v as number);
          }}
        />
      </Field>
      <Button
        appearance={complete ? 'secondary' : 'primary'}
        onClick={() => void create()}
        disabled={progress !== null}
      >
        {t(lang, 'createTemplate')}
      </Button>
      {progress !== null && <ProgressBar value={progress} aria-label={t(lang, 'working')} />}
      {message && <Note intent={message.intent}>{message.text}</Note>}
    </Section>
  );
  const recogniseSection = (
    <Section title={t(lang, 'recognise')}>
      <Button onClick={() => void recheck()}>{t(lang, 'recognise')}</Button>
      {recognition && (
        <>
          <Text weight="semibold">
            {t(lang, 'recognised', {
              present: recognition.present.length,
              total: TABLE_NAMES.length,
            })}
          </Text>
          {complete && (
            <Note intent="success">
              {t(lang, 'completeNext')}{' '}
              <Button size="small" appearance="primary" onClick={() => setView('check')}>
                {t(lang, 'goToCheck')}
              </Button>
            </Note>
          )}
          <Text>
            {t(lang, 'tablesMissing')}: {names(recognition.missing)}
          </Text>
          <Text>
            {t(lang, 'tablesMalformed')}: {names(recognition.malformed)}
          </Text>
          <Text className={styles.muted}>
            {t(lang, 'tablesPresent')}: {names(recognition.present)}
          </Text>
        </>
      )}
    </Section>
  );
  return (
    <div className={styles.stack}>
      <Body1>{t(lang, 'startIntro')}</Body1>
      {complete ? (
        <>
          {recogniseSection}
          {createSection}
        </>
      ) : (
        <>
          {createSection}
          {recogniseSection}
        </>
      )}
    </div>
  );
}
