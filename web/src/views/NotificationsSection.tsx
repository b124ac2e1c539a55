/** @jsxRuntime automatic */
/**
 * «اعلان‌های من» / "My notifications" (on `/me/tokens`, for every signed-in person): the
 * planning office's reminders of the KPIs and projects of a due period not reported
 * (`GET /api/me/notifications`), newest first, with their Jalali day in Tehran, each marked
 * read by its person (`POST /api/me/notifications/{id}/read`). (A reminder may also have come by e-mail.)
 */
import type { ApiFailure, ApiNotification, Language, SessionClient } from '#core';
import { periodCaption } from '#core';
import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { Iso, Section, Stored, fill } from '../components';
import { count, jalaliDay } from '../format';
import { t } from '../i18n';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: '12px', padding: 0, margin: 0 },
  card: {
    listStyle: 'none',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '12px',
  },
  unread: {
    borderInlineStartWidth: '4px',
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorBrandStroke1,
  },
  head: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground3 },
  items: { margin: '4px 0', paddingInlineStart: '1.5em' },
});

export function NotificationsSection(props: { lang: Language; client: SessionClient }) {
  const { lang, client } = props;
  const styles = useStyles();
  const [list, setList] = useState<{ unread: number; notifications: ApiNotification[] } | null>(
    null,
  );
  const [error, setError] = useState<ApiFailure | null>(null);

  const reload = useCallback(async () => {
    const r = await client.myNotifications();
    if (r.ok) setList(r.value);
    else setError(r.error);
  }, [client]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const kindOf = (k: 'kpi' | 'project') => t(lang, k === 'kpi' ? 'processKpi' : 'processProject');
  return (
    <Section id="notifications" title={t(lang, 'myNotifications')}>
      {error !== null && (
        <MessageBar intent="error">
          <MessageBarBody>{error.message[lang]}</MessageBarBody>
        </MessageBar>
      )}
      {list === null ? (
        error === null && <Spinner label={t(lang, 'loading')} />
      ) : list.notifications.length === 0 ? (
        <p>{t(lang, 'noNotifications')}</p>
      ) : (
        <>
          {list.unread > 0 && (
            <p data-testid="unread">
              {t(lang, 'notificationsUnread', { n: count(list.unread, lang) })}
            </p>
          )}
          <ul className={styles.list} data-testid="notifications">
            {list.notifications.map((n) => (
              <li
                key={n.id}
                data-notification={n.id}
                className={`${styles.card} ${n.readAt === null ? styles.unread : ''}`}
              >
                <div className={styles.head}>
                  {n.readAt === null && (
                    <Badge appearance="filled" color="brand">
                      {t(lang, 'unreadBadge')}
                    </Badge>
                  )}
                  <strong>
                    {fill(lang, 'reminderFrom', {
                      sender: <Stored>{n.sender.displayName}</Stored>,
                      department: <Stored>{n.department.name}</Stored>,
                      date: jalaliDay(n.createdAt, lang),
                    })}
                  </strong>
                </div>
                {n.note !== null && (
                  <p>
                    <Stored>{n.note}</Stored>
                  </p>
                )}
                <p>
                  {t(lang, 'reminderPeriods', {
                    periods: n.periods
                      .map((p) => periodCaption(p.year, p.period, lang))
                      .join(lang === 'fa' ? '، ' : ', '),
                  })}
                </p>
                <ul className={styles.items}>
                  {n.items.map((i) => (
                    <li key={`${i.period.year}-${i.period.period}-${i.kind}-${i.id}`}>
                      {kindOf(i.kind)} <Iso>{i.id}</Iso> <Stored>{i.title}</Stored>
                      {n.periods.length > 1 && (
                        <span className={styles.muted}>
                          {' '}
                          ({periodCaption(i.period.year, i.period.period, lang)})
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
                {n.readAt === null ? (
                  <Button
                    size="small"
                    onClick={() => {
                      void client.readNotification(n.id).then((r) => {
                        if (r.ok) void reload();
                        else setError(r.error);
                      });
                    }}
                  >
                    {t(lang, 'markRead')}
                  </Button>
                ) : (
                  <span className={styles.muted}>
                    {t(lang, 'readOn', { date: jalaliDay(n.readAt, lang) })}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}
