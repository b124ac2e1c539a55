/** @jsxRuntime automatic */
/**
 * Goals and strategies: each goal with its perspective and description, and under it its
 * strategies, each with the municipality's role, its stance from the environment analysis, the
 * department that owns it, its partner agencies and its programs (linked to their rows).
 */
import {
  enumCaption,
  MUNICIPAL_ROLES,
  PERSPECTIVES,
  SIGNATURE_POSITION_CAPTIONS,
  SWOT_TYPES,
  webPath,
} from '#core';
import { Badge, Body1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { AppLink, HelpLink, Iso, PageTitle, Section, Stored, usePageStyles } from '../components';
import { jalaliDate } from '../format';
import { t } from '../i18n';
import { anchorOf } from '../plan';
import type { ViewProps } from './common';

const useStyles = makeStyles({
  strategy: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ':focus': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
    '& dt': { color: tokens.colorNeutralForeground3 },
    '& dd': { margin: 0, minWidth: 0 },
  },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  // A goal's strategies side by side at a desk, one under another on a phone.
  strategies: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 440px), 1fr))',
    columnGap: tokens.spacingHorizontalXXL,
  },
});

export function StrategyView({ lang, plan, route }: ViewProps) {
  const page = usePageStyles();
  const styles = useStyles();
  const programsHref = webPath({ ...route, section: 'programs' }, lang);
  return (
    <div className={page.stack}>
      <PageTitle>{t(lang, 'strategy')}</PageTitle>
      <p>
        <HelpLink topic="plan-chain" lang={lang} />
      </p>
      {plan.goals.map((goal) => {
        const strategies = plan.strategies.filter((s) => s.goalId === goal.id);
        const perspective = enumCaption(PERSPECTIVES, goal.perspective, lang);
        return (
          <Section
            key={goal.id}
            id={anchorOf('goal', goal.id)}
            title={
              <>
                <Iso>{goal.id}</Iso> <Stored>{goal.title}</Stored>
              </>
            }
          >
            {perspective !== null && (
              <div className={styles.badges}>
                <Badge appearance="tint" color="brand">
                  {perspective}
                </Badge>
              </div>
            )}
            {goal.description !== '' && (
              <Body1 as="p">
                <Stored>{goal.description}</Stored>
              </Body1>
            )}
            <div className={styles.strategies}>
              {strategies.map((s) => {
                const programs = plan.programs.filter((p) => p.strategyId === s.id);
                return (
                  <article
                    key={s.id}
                    id={anchorOf('strategy', s.id)}
                    tabIndex={-1}
                    className={styles.strategy}
                    aria-labelledby={`${anchorOf('strategy', s.id)}-title`}
                  >
                    <Subtitle2 as="h3" id={`${anchorOf('strategy', s.id)}-title`}>
                      <Iso>{s.id}</Iso> <Stored>{s.title}</Stored>
                    </Subtitle2>
                    <dl className={styles.facts}>
                      <dt>{t(lang, 'municipalRole')}</dt>
                      <dd>
                        {enumCaption(MUNICIPAL_ROLES, s.municipalRole, lang) ?? t(lang, 'none')}
                      </dd>
                      {s.swotType !== null && (
                        <>
                          <dt>{t(lang, 'stance')}</dt>
                          <dd>
                            {enumCaption(SWOT_TYPES, s.swotType, lang) ?? <Iso>{s.swotType}</Iso>}
                          </dd>
                        </>
                      )}
                      <dt>{t(lang, 'owner')}</dt>
                      <dd>
                        <Iso>{s.ownerDept}</Iso>
                      </dd>
                      <dt>{t(lang, 'partners')}</dt>
                      <dd>
                        {s.partners.length === 0 ? (
                          <span className={page.muted}>{t(lang, 'noPartners')}</span>
                        ) : (
                          <ul className={page.list}>
                            {s.partners.map((p) => (
                              <li key={p.id}>
                                <Stored>{p.name}</Stored>
                              </li>
                            ))}
                          </ul>
                        )}
                      </dd>
                      {s.signoffs.length > 0 && (
                        <>
                          <dt>{t(lang, 'signoffs')}</dt>
                          <dd>
                            <ul className={page.list} data-testid="signoffs">
                              {s.signoffs.map((o) => (
                                <li key={o.agency.id} data-signoff={o.position}>
                                  <Stored>{o.agency.name}</Stored>
                                  {lang === 'fa' ? '، ' : ', '}
                                  {t(lang, 'signoffOn', {
                                    position: SIGNATURE_POSITION_CAPTIONS[o.position][lang],
                                    date: jalaliDate(o.signedOn, lang),
                                  })}
                                  {o.text !== '' && (
                                    <>
                                      {': '}
                                      <Stored>{o.text}</Stored>
                                    </>
                                  )}
                                  {o.stale && (
                                    <span className={page.muted}> ({t(lang, 'signoffStale')})</span>
                                  )}
                                </li>
                              ))}
                            </ul>
                          </dd>
                        </>
                      )}
                      <dt>{t(lang, 'programs')}</dt>
                      <dd>
                        {programs.length === 0 ? (
                          t(lang, 'none')
                        ) : (
                          <ul className={page.list}>
                            {programs.map((p) => (
                              <li key={p.id}>
                                <AppLink href={`${programsHref}#${anchorOf('program', p.id)}`}>
                                  <Iso>{p.id}</Iso> <Stored>{p.title}</Stored>
                                </AppLink>
                              </li>
                            ))}
                          </ul>
                        )}
                      </dd>
                    </dl>
                  </article>
                );
              })}
            </div>
          </Section>
        );
      })}
    </div>
  );
}
