/**
 * Owners who act (issue 20): the planning office reminds the people of the departments whose
 * KPIs and projects of a due period are not reported (`POST /api/cycles/{cycleId}/reminders`,
 * the items from the core's `unreported`), and each person reads their own notifications
 * (`GET /api/me/notifications`, `POST /api/me/notifications/{id}/read`). Where the register
 * has an SMTP server, each reminded person whose sign-in name is an e-mail address also gets
 * the reminder by e-mail (the core's `reminderMail`).
 */
import { z } from 'zod';

/** The kinds of notification (the `notification.kind` CHECK). */
export const NOTIFICATION_KINDS = ['reminder'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

const Period = z.object({ year: z.int(), period: z.string() });

/** One KPI or project a reminder names. */
export const ApiReminderItem = z.object({
  kind: z.enum(['kpi', 'project']),
  id: z.string(),
  title: z.string(),
  period: Period,
});
export type ApiReminderItem = z.infer<typeof ApiReminderItem>;

/** One notification of the signed-in person. */
export const ApiNotification = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  cycleId: z.string(),
  department: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  sender: z.object({ id: z.string(), displayName: z.string() }),
  periods: z.array(Period),
  items: z.array(ApiReminderItem),
  note: z.string().nullable(),
  createdAt: z.string().meta({ description: 'ISO 8601 (UTC).' }),
  readAt: z.string().nullable(),
});
export type ApiNotification = z.infer<typeof ApiNotification>;

/** `GET /api/me/notifications`: newest first, with how many are unread. */
export const ApiNotifications = z.object({
  unread: z.int(),
  notifications: z.array(ApiNotification),
});
export type ApiNotifications = z.infer<typeof ApiNotifications>;

/** `POST /api/cycles/{cycleId}/reminders`: who was reminded of how many items. */
export const ApiReminders = z.object({
  cycleId: z.string(),
  on: z.string().meta({ description: 'The Jalali day the due periods are counted on (Tehran).' }),
  periods: z.array(Period),
  departments: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      items: z.int().meta({ description: 'The KPIs and projects named in its reminder.' }),
      recipients: z.array(z.object({ id: z.string(), displayName: z.string() })),
    }),
  ),
  /** The departments asked for with nothing unreported, or nobody to remind. */
  skipped: z.array(
    z.object({ code: z.string(), reason: z.enum(['nothing-unreported', 'no-people']) }),
  ),
  notifications: z.int(),
  /**
   * The e-mails of the reminder: null where the register has no SMTP server. `sent` is null
   * on a replay of an `Idempotency-Key` (nothing is sent again).
   */
  emails: z
    .object({
      addressed: z.int().meta({ description: 'Reminded people with an e-mail address.' }),
      sent: z.int().nullable(),
      failed: z.array(z.object({ id: z.string(), displayName: z.string() })),
    })
    .nullable(),
});
export type ApiReminders = z.infer<typeof ApiReminders>;

/**
 * The reminder to send: one due period (`1405-H1`, read by the core's `parseMonitorPeriod`;
 * default every due period), the departments by code (default every one with something
 * unreported), a note, and the Jalali day the due periods are counted on (default today in
 * Tehran), as `?on=` of the process.
 */
export const ReminderBody = z
  .object({
    period: z.string().max(32).optional(),
    departments: z.array(z.string().min(1).max(50)).max(500).optional(),
    note: z.string().max(2000).optional(),
    on: z.string().max(32).optional(),
  })
  .strict();
export type ReminderBody = z.infer<typeof ReminderBody>;
