/** @jsxRuntime automatic */
/**
 * KPIs: the core's KPI report by level and owner department, each KPI with its unit, baseline,
 * the chosen year's target, its latest actual, that year's progress and status, and its
 * trend; choosing a KPI selects its row in tblKpis.
 */
import {
  Badge,
  Body1,
  Field,
  Link,
  makeStyles,
  Select,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { KpiStatus, Language } from '#core';
import { KPI_LEVELS, KPI_STATUSES, KPI_TRENDS, formatPercent, idKey, rowsOf } from '#core';
import { digits, formatNumber, t } from '../i18n';
import type { KpiGroup, KpiRow } from '../kpis';
import { defaultKpiYear, kpiGroups } from '../kpis';
import { usePane } from '../services';
import { Code, HelpAbout, Note, Num, Section, useViewStyles } from './common';

const useKpiStyles = makeStyles({
  owner: { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
  // Headings may wrap (the figures under them do not): the four columns fit 320 px.
  head: { textAlign: 'end', verticalAlign: 'bottom' },
  badge: { whiteSpace: 'nowrap' },
  kpiTitle: {
    paddingTop: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalXS,
    textAlign: 'start',
  },
});

const STATUS_COLOR: Record<KpiStatus, 'success' | 'warning' | 'danger' | 'informative'> = {
  'on-track': 'success',
  'at-risk': 'warning',
  'off-track': 'danger',
  'no-data': 'informative',
};

/** A KPI's value as typed (up to two decimals), in the language's digits. */
function value(v: number | null, lang: Language): string {
  if (v === null) return '—';
  // As many decimals as the value has, at most two (9.5 stays ۹٫۵, not ۹٫۵۰).
  const decimals = Math.min(2, (String(v).split('.')[1] ?? '').length);
  return formatNumber(v, lang, decimals);
}

/** The KPI view. */
export function KpiView() {
  const { lang, check, office } = usePane();
  const styles = { ...useViewStyles(), ...useKpiStyles() };
  const plan = check?.plan ?? null;
  const [year, setYear] = useState<number | null>(null);
  const chosenYear = year ?? (plan ? defaultKpiYear(plan) : null);
  const groups = useMemo(() => (plan ? kpiGroups(plan, chosenYear) : []), [plan, chosenYear]);
  const departments = useMemo(
    () => new Map(plan ? rowsOf(plan, 'tblDepartments').map((d) => [idKey(d.DeptId), d.Name]) : []),
    [plan],
  );
  // One section per level, its owners in the order the report meets them.
  const levels: Array<{ level: KpiGroup['level']; groups: KpiGroup[] }> = [];
  for (const g of groups) {
    const last = levels[levels.length - 1];
    if (last && last.level === g.level) last.groups.push(g);
    else levels.push({ level: g.level, groups: [g] });
  }
  if (!plan) return null;
  if (groups.length === 0) return <Note>{t(lang, 'noKpis')}</Note>;
  const caption = (list: ReadonlyArray<{ value: string; fa: string; en: string }>, v: string) =>
    list.find((x) => x.value === v)?.[lang] ?? v;
  const select = (r: KpiRow) => {
    if (r.at) void office.selectCell(r.at.sheet, r.at.range);
  };
  return (
    <div className={styles.stack}>
      <Body1>{t(lang, 'kpiIntro')}</Body1>
      <Field label={t(lang, 'targetYear')}>
        <Select
          value={chosenYear === null ? '' : String(chosenYear)}
          onChange={(_, d) => setYear(Number(d.value))}
        >
          {plan.years.map((y) => (
            <option key={y} value={y}>
              {digits(String(y), lang)}
            </option>
          ))}
        </Select>
      </Field>
      {levels.map(({ level, groups: owners }) => (
        <Section key={level ?? ''} title={level ? caption(KPI_LEVELS, level) : t(lang, 'noLevel')}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th className={`${styles.cell} ${styles.head}`}>{t(lang, 'baseline')}</th>
                <th className={`${styles.cell} ${styles.head}`}>
                  {t(lang, 'targetOf', { year: digits(String(chosenYear ?? ''), lang) })}
                </th>
                <th className={`${styles.cell} ${styles.head}`}>{t(lang, 'latestActual')}</th>
                <th className={`${styles.cell} ${styles.head}`}>{t(lang, 'status')}</th>
              </tr>
            </thead>
            {owners.map((g) => {
              const owner = g.owner
                ? (departments.get(idKey(g.owner)) ?? g.owner)
                : t(lang, 'noOwner');
              const label = `${level ? caption(KPI_LEVELS, level) : t(lang, 'noLevel')}${lang === 'fa' ? '، ' : ', '}${owner}`;
              return (
                <tbody key={g.owner} aria-label={label} data-testid="kpi-group">
                  <tr>
                    <th colSpan={4} scope="colgroup" className={`${styles.cell} ${styles.owner}`}>
                      {owner}
                    </th>
                  </tr>
                  {g.rows.flatMap((r) => {
                    const k = r.entry;
                    const status = r.latest?.status ?? 'no-data';
                    return [
                      <tr key={`${k.kpiId}|title`} data-id={k.kpiId} data-status={status}>
                        <td colSpan={4} className={styles.kpiTitle}>
                          <Link
                            as="button"
                            className={styles.focusRing}
                            onClick={() => select(r)}
                            disabled={r.at === null}
                            aria-label={t(lang, 'goToKpi', { id: k.kpiId, title: k.title })}
                          >
                            <Code>{k.kpiId}</Code> <bdi>{k.title}</bdi>
                          </Link>{' '}
                          <Text size={200} className={styles.muted}>
                            {k.unit && (
                              <>
                                <bdi>({k.unit})</bdi>{' '}
                              </>
                            )}
                            {t(lang, 'trend')}: {caption(KPI_TRENDS, k.trend)}
                          </Text>
                        </td>
                      </tr>,
                      <tr key={`${k.kpiId}|values`} data-values={k.kpiId}>
                        <td className={`${styles.cell} ${styles.num}`}>
                          <Num>{value(k.baseline, lang)}</Num>
                        </td>
                        <td className={`${styles.cell} ${styles.num}`}>
                          <Num>{value(r.target, lang)}</Num>
                        </td>
                        <td className={`${styles.cell} ${styles.num}`}>
                          <Num>{value(r.latest?.actual ?? null, lang)}</Num>
                          {r.latest && (
                            <Text size={100} className={styles.muted}>
                              {' '}
                              {digits(String(r.latest.year), lang)}
                              {r.latest.provisional && (
                                <>
                                  {' '}
                                  <Code>{r.latest.period}</Code>
                                </>
                              )}
                            </Text>
                          )}
                        </td>
                        <td className={styles.cell}>
                          <Badge
                            size="small"
                            appearance="tint"
                            color={STATUS_COLOR[status]}
                            className={styles.badge}
                          >
                            {caption(KPI_STATUSES, status)}
                            {r.latest?.progress != null && (
                              <>
                                {' '}
                                <Num>{formatPercent(r.latest.progress, lang, 0)}</Num>
                              </>
                            )}
                          </Badge>
                        </td>
                      </tr>,
                    ];
                  })}
                </tbody>
              );
            })}
          </table>
        </Section>
      ))}
      <HelpAbout links={[['kpi-progress', 'aboutKpiProgress']]} />
    </div>
  );
}
