/** @jsxRuntime automatic */
/**
 * Capital projects: each project's program, department, region, years, status, planned cost
 * per plan year and in all, and its physical progress once monitoring reports it. A filter by
 * status; the rows keep the plan's order. On a phone each project is a card (its cost per
 * year one under another) rather than a row of a table wider than the screen.
 */
import type { Language } from '#core';
import { enumCaption, listSeparator, PROJECT_STATUSES, webPath } from '#core';
import {
  Field,
  makeStyles,
  mergeClasses,
  ProgressBar,
  Select,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { Fragment, useEffect, useState } from 'react';
import {
  AppLink,
  Iso,
  PageTitle,
  ScrollTable,
  Section,
  Stored,
  usePageStyles,
} from '../components';
import { billions, count, percent, year } from '../format';
import { t } from '../i18n';
import type { PublicProject } from '../plan';
import { anchorOf, sumYears } from '../plan';
import type { ViewProps } from './common';

const useStyles = makeStyles({
  progress: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    minWidth: '7em',
  },
  title: { minWidth: '12em' },
  cards: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    '& p': { margin: 0 },
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
    '& dt': { color: tokens.colorNeutralForeground3 },
    '& dd': { margin: 0, minWidth: 0 },
  },
  filter: { maxWidth: '20em' },
});

const ALL = '';

export function ProjectsView({ lang, plan, route }: ViewProps) {
  const page = usePageStyles();
  const styles = useStyles();
  const [status, setStatus] = useState(ALL);
  const phone = usePhone();
  const shown = plan.projects.filter((p) => status === ALL || p.status === status);
  const programsHref = webPath({ ...route, section: 'programs' }, lang);
  const num = mergeClasses(page.cell, page.num);
  const head = mergeClasses(page.cell, page.head);
  const present = PROJECT_STATUSES.filter((s) => plan.projects.some((p) => p.status === s.value));
  return (
    <div className={page.stack}>
      <PageTitle>{t(lang, 'projects')}</PageTitle>
      <Section
        title={t(lang, 'projectList', { n: shown.length })}
        id="projects-table"
        help={{ topic: 'capital-portfolio', lang }}
      >
        <Field label={t(lang, 'status')} className={styles.filter}>
          <Select value={status} onChange={(_, d) => setStatus(d.value)}>
            <option value={ALL}>{t(lang, 'allStatuses', { n: plan.projects.length })}</option>
            {present.map((s) => (
              <option key={s.value} value={s.value}>
                {`${s[lang]} (${count(plan.projects.filter((p) => p.status === s.value).length, lang)})`}
              </option>
            ))}
          </Select>
        </Field>
        <p className={page.muted}>{t(lang, 'inBillionRials')}</p>
        {phone ? (
          <ol className={styles.cards} data-testid="projects-table">
            {shown.map((p) => (
              <ProjectCard
                key={p.id}
                lang={lang}
                project={p}
                years={plan.years}
                programsHref={programsHref}
              />
            ))}
          </ol>
        ) : (
          <ScrollTable
            label={t(lang, 'tableScroll', { table: t(lang, 'projects') })}
            testId="projects-table"
          >
            <thead>
              <tr>
                <th className={mergeClasses(head, page.sticky, page.head)}>{t(lang, 'id')}</th>
                <th className={head}>{t(lang, 'title')}</th>
                <th className={head}>{t(lang, 'programOne')}</th>
                <th className={head}>{t(lang, 'owner')}</th>
                <th className={head}>{t(lang, 'years')}</th>
                <th className={head}>{t(lang, 'status')}</th>
                {plan.years.map((y) => (
                  <th key={y} className={mergeClasses(head, page.num)}>
                    {year(y, lang)}
                  </th>
                ))}
                <th className={mergeClasses(head, page.num)}>{t(lang, 'total')}</th>
                <th className={head}>{t(lang, 'progress')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((p) => (
                <tr key={p.id} id={anchorOf('project', p.id)} tabIndex={-1}>
                  <td className={mergeClasses(page.cell, page.sticky)}>
                    <Iso>{p.id}</Iso>
                  </td>
                  <td className={mergeClasses(page.cell, styles.title)}>
                    <Stored>{p.title}</Stored>
                    {p.region !== '' && (
                      <div className={page.muted}>
                        <Stored>{p.region}</Stored>
                      </div>
                    )}
                  </td>
                  <td className={page.cell}>
                    <AppLink href={`${programsHref}#${anchorOf('program', p.programId)}`}>
                      <Iso>{p.programId}</Iso>
                    </AppLink>
                  </td>
                  <td className={page.cell}>
                    <Iso>{p.dept}</Iso>
                  </td>
                  <td className={mergeClasses(page.cell, page.num)}>{span(p, lang)}</td>
                  <td className={page.cell}>
                    {enumCaption(PROJECT_STATUSES, p.status, lang) ?? t(lang, 'none')}
                  </td>
                  {plan.years.map((y) => (
                    <td key={y} className={num}>
                      <Iso>{billions(p.cost[String(y)] ?? '0', lang)}</Iso>
                    </td>
                  ))}
                  <td className={num}>
                    <Iso>{billions(sumYears(p.cost, plan.years), lang)}</Iso>
                  </td>
                  <td className={page.cell}>
                    {p.progress === null ? (
                      <span className={page.muted}>{t(lang, 'notMeasured')}</span>
                    ) : (
                      <div className={styles.progress}>
                        <ProgressBar
                          value={Math.min(Math.max(p.progress, 0), 1)}
                          aria-label={t(lang, 'progressOf', { id: p.id })}
                        />
                        <Iso>{percent(p.progress, lang)}</Iso>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        )}
      </Section>
    </div>
  );
}

/** A project's years, `۱۴۰۵–۱۴۰۷`, or one year. */
function span(p: PublicProject, lang: Language): string {
  if (p.startYear === null && p.endYear === null) return '';
  if (p.startYear === p.endYear || p.endYear === null) return year(p.startYear ?? '', lang);
  if (p.startYear === null) return year(p.endYear, lang);
  return `${year(p.startYear, lang)}–${year(p.endYear, lang)}`;
}

/** True on a phone's width (≤ 600 px): a project then reads as a card, not a table row. */
function usePhone(): boolean {
  const query = '(max-width: 600px)';
  const [phone, setPhone] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const update = () => setPhone(list.matches);
    list.addEventListener('change', update);
    return () => list.removeEventListener('change', update);
  }, []);
  return phone;
}

/** A project as a card (on a phone): its facts, its cost per year, its progress. */
function ProjectCard(props: {
  lang: Language;
  project: PublicProject;
  years: readonly number[];
  programsHref: string;
}) {
  const { lang, project: p } = props;
  const page = usePageStyles();
  const styles = useStyles();
  const anchor = anchorOf('project', p.id);
  return (
    <li id={anchor} tabIndex={-1} className={styles.card} aria-labelledby={`${anchor}-title`}>
      <Subtitle2 as="h3" id={`${anchor}-title`}>
        <Iso>{p.id}</Iso> <Stored>{p.title}</Stored>
      </Subtitle2>
      <dl className={styles.facts}>
        <dt>{t(lang, 'programOne')}</dt>
        <dd>
          <AppLink href={`${props.programsHref}#${anchorOf('program', p.programId)}`}>
            <Iso>{p.programId}</Iso>
          </AppLink>
        </dd>
        <dt>{t(lang, 'owner')}</dt>
        <dd>
          <Iso>{p.dept}</Iso>
          {p.region !== '' && (
            <>
              {listSeparator(lang)}
              <Stored>{p.region}</Stored>
            </>
          )}
        </dd>
        <dt>{t(lang, 'years')}</dt>
        <dd>{span(p, lang)}</dd>
        <dt>{t(lang, 'status')}</dt>
        <dd>{enumCaption(PROJECT_STATUSES, p.status, lang) ?? t(lang, 'none')}</dd>
        {/* The years the project has money in (a card lists no row of zeros). */}
        {props.years
          .filter((y) => BigInt(p.cost[String(y)] ?? '0') !== 0n)
          .map((y) => (
            <Fragment key={y}>
              <dt>{t(lang, 'costOf', { year: year(y, lang) })}</dt>
              <dd>
                <Iso>{billions(p.cost[String(y)] ?? '0', lang)}</Iso>
              </dd>
            </Fragment>
          ))}
        <dt>{t(lang, 'total')}</dt>
        <dd>
          <Iso>{billions(sumYears(p.cost, props.years), lang)}</Iso>
        </dd>
        <dt>{t(lang, 'progress')}</dt>
        <dd>
          {p.progress === null ? (
            <span className={page.muted}>{t(lang, 'notMeasured')}</span>
          ) : (
            <Iso>{percent(p.progress, lang)}</Iso>
          )}
        </dd>
      </dl>
    </li>
  );
}
