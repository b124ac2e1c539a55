/** @jsxRuntime automatic */
/**
 * Start: create a new plan workbook from the core's template (every contract table as a real
 * Excel table with captions, formats and validation lists), or recognise the open workbook.
 */
import {
  Body1,
  Button,
  Field,
  Link,
  ProgressBar,
  SpinButton,
  Text,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Plan } from '#core';
import {
  PHASE_OWNERS,
  PLAN_PHASES,
  TABLE_NAMES,
  departmentProgress,
  frameworkProgress,
  fsi,
  helpPageUrl,
  nextStep,
  planTemplate,
  readPlan,
} from '#core';
import { loadConnection } from '../../api/connection';
import { recognise, tableCaption } from '../check';
import { setView } from '../paneState';
import { digits, t, tn } from '../i18n';
import { usePane } from '../services';
import { Note, Section, useViewStyles } from './common';

/**
 * The phases a workbook carries, counted from its tables (core: `shared/src/process`): the
 * framework's are the planning office's, a department's its programs and budget; a whole-city
 * workbook carries both. Other kinds (revenue, monitoring) carry none of them.
 */
export function workbookPhases(plan: Plan) {
  const kind = plan.info.WorkbookKind;
  if (kind === 'framework') return frameworkProgress(plan);
  if (kind === 'department') return departmentProgress(plan, plan.info.Department || null);
  if (kind === 'city' || kind === null)
    return [...frameworkProgress(plan), ...departmentProgress(plan, null)];
  return [];
}

/** Where the open workbook stands in the plan's process, with its next step. */
function ProcessSection({ plan }: { plan: Plan }) {
  const { lang, store, defaultServer } = usePane();
  const styles = useViewStyles();
  const phases = workbookPhases(plan);
  if (phases.length === 0) return null;
  const next = nextStep(phases);
  const register = loadConnection(store)?.server ?? defaultServer ?? null;
  const n = (v: number) => digits(String(v), lang);
  return (
    <Section title={t(lang, 'processTitle')}>
      <Text className={styles.muted}>{t(lang, 'processIntro')}</Text>
      <ol
        data-testid="process-phases"
        className={styles.stack}
        // Persian list numbers in Persian (CSS's `persian` counter style).
        style={{ listStyleType: lang === 'fa' ? 'persian' : 'decimal' }}
      >
        {phases.map((p) => {
          const spec = PLAN_PHASES.find((x) => x.id === p.phase);
          if (spec === undefined) return null;
          return (
            <li key={p.phase} data-phase={p.phase}>
              <Text weight="semibold">{spec.title[lang]}</Text>{' '}
              <Text className={styles.muted}>
                {t(lang, 'processOwner', { owner: PHASE_OWNERS[spec.owner][lang] })}
              </Text>
              {p.score === null ? (
                <Text block>{t(lang, 'processNothing')}</Text>
              ) : (
                <>
                  <ProgressBar
                    value={p.score}
                    color={p.score === 1 ? 'success' : 'brand'}
                    aria-label={spec.title[lang]}
                  />
                  <Text block>
                    {t(lang, 'processDone', { done: n(p.done), total: n(p.total) })}
                  </Text>
                </>
              )}
              {spec.help !== null && register !== null && (
                <Link
                  className={styles.focusRing}
                  href={helpPageUrl(register, spec.help, lang)}
                  target="_blank"
                  rel="noopener noreferrer"
                >
                  {t(lang, 'aboutPhase')}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
      <Note intent={next === null ? 'success' : 'info'}>
        {next === null
          ? t(lang, 'processAllDone')
          : t(lang, 'processNext', { text: next.text[lang] })}
      </Note>
    </Section>
  );
}

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
          {check && <ProcessSection plan={check.plan} />}
          {createSection}
        </>
      ) : (
        <>
          {createSection}
          {recogniseSection}
          {check && <ProcessSection plan={check.plan} />}
        </>
      )}
    </div>
  );
}
