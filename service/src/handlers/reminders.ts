/**
 * Owners who act (issue 20): `POST /api/cycles/{cycleId}/reminders` sends the people of each
 * department with KPIs and projects of a due period not reported one in-app notification
 * naming them (the items from the process, `cycleProcess`, i.e. the core's `unreported`);
 * `GET /api/me/notifications` and `POST /api/me/notifications/{id}/read` are each person's
 * own. Where an SMTP server is configured, each reminded person whose sign-in name is an
 * e-mail address gets the reminder by e-mail too, after the notifications are stored (a mail
 * that fails is reported, never undoes them). Once per `Idempotency-Key` (docs/api.md).
 */
import type {
  ApiNotification,
  ApiNotifications,
  ApiReminderItem,
  ApiReminders,
  ReminderBody,
} from '#core';
import { fsi, parseMonitorPeriod, reminderMail, term } from '#core';
import type { Principal } from '../auth';
import type { JsonValue } from '../db/canonical';
import { canonicalJson, sha256Hex } from '../db/canonical';
import type { Mailer } from '../mail';
import { mailAddressOf } from '../mail';
import { ApiError, notFound } from '../http/errors';
import type { NotificationRecord } from '../repositories';
import type { AppDeps } from './context';
import { cycleProcess } from './process';
import { idempotencyKeyOf, idempotencyMismatch } from './submissions';

type Due = { year: number; period: string };

const samePeriod = (a: Due, b: Due) => a.year === b.year && a.period === b.period;

const periodText = (p: { year: number; period: string }) => `${p.year}-${p.period}`;

/** The period asked for, which must be one due on the day; a bad one is a located 400. */
function periodOf(given: string, due: readonly Due[]): Due {
  const parsed = parseMonitorPeriod(given);
  const where = [{ path: ['period'], code: 'invalid_value', message: '', given }];
  if (parsed === null || (parsed.period !== 'H1' && parsed.period !== 'FY'))
    throw new ApiError(
      'INVALID_REQUEST',
      {
        fa: `دوره «${fsi(given)}» خوانده نشد؛ سال و دوره‌ی شش‌ماهه را مانند ${fsi('1405-H1')} یا ${fsi('1405-FY')} بنویسید.`,
        en: `The period "${given}" could not be read; write the year and the six-monthly period, as 1405-H1 or 1405-FY.`,
      },
      where.map((w) => ({ ...w, message: 'not a six-monthly period (1405-H1, 1405-FY)' })),
    );
  if (!due.some((d) => samePeriod(d, parsed))) {
    const list = due.map(periodText);
    throw new ApiError(
      'INVALID_REQUEST',
      {
        fa: `مهلت گزارش دوره‌ی «${fsi(periodText(parsed))}» هنوز نگذشته است؛ دوره‌های سررسیده: ${list.length === 0 ? 'هیچ' : list.map(fsi).join('، ')}.`,
        en: `The report of ${periodText(parsed)} is not due yet; due: ${list.length === 0 ? 'none' : list.join(', ')}.`,
      },
      where.map((w) => ({ ...w, message: 'not a due period' })),
    );
  }
  return parsed;
}

/** A sending's answer, and whether it is the stored answer of an `Idempotency-Key`'s first use. */
export interface RemindersOutcome {
  body: ApiReminders;
  replayed: boolean;
}

/** Sends the reminders of a cycle's due period(s) and says who was reminded of how much. */
export async function sendReminders(
  deps: AppDeps,
  p: Principal,
  cycleId: string,
  body: ReminderBody,
  options: { now?: Date; idempotencyKey?: string | undefined } = {},
): Promise<RemindersOutcome> {
  const now = options.now ?? new Date();
  const clientKey = idempotencyKeyOf(options.idempotencyKey);
  if ((await deps.repos.cycles.get(p.tenantId, cycleId)) === null) throw notFound(term('cycle'));
  const process = await cycleProcess(deps, p.tenantId, cycleId, body.on, now);
  const period = body.period === undefined ? null : periodOf(body.period, process.periodsDue);
  const periods = period === null ? process.periodsDue : [period];
  const known = new Map(process.departments.map((d) => [d.code, d]));
  const departments = await deps.repos.departments.list(p.tenantId);
  const byCode = new Map(departments.map((d) => [d.code, d]));
  (body.departments ?? []).forEach((code, i) => {
    if (!byCode.has(code))
      throw new ApiError(
        'INVALID_REQUEST',
        {
          fa: `واحد «${fsi(code)}» در این شهرداری نیست.`,
          en: `There is no department "${code}" in this municipality.`,
        },
        [
          {
            path: ['departments', i],
            code: 'invalid_value',
            message: 'no such department',
            given: code,
          },
        ],
      );
  });
  const asked = body.departments === undefined ? null : new Set(body.departments);
  const reminded: ApiReminders['departments'] = [];
  const skipped: ApiReminders['skipped'] = [];
  const to: {
    userId: string;
    displayName: string;
    email: string | null;
    departmentId: string;
    periods: Due[];
    items: ApiReminderItem[];
  }[] = [];
  const codes = asked === null ? [...known.keys()] : [...asked];
  for (const code of codes) {
    const items: ApiReminderItem[] = (known.get(code)?.unreported ?? [])
      .filter((u) => periods.some((x) => samePeriod(x, u.period)))
      .map((u) => ({ kind: u.kind, id: u.id, title: u.title, period: u.period }));
    if (items.length === 0) {
      if (asked !== null) skipped.push({ code, reason: 'nothing-unreported' });
      continue;
    }
    const department = byCode.get(code);
    const people =
      department === undefined
        ? []
        : (await deps.repos.users.list(p.tenantId, { departmentId: department.id })).filter(
            (u) => !u.disabled,
          );
    if (department === undefined || people.length === 0) {
      skipped.push({ code, reason: 'no-people' });
      continue;
    }
    const itemPeriods = periods.filter((x) => items.some((i) => samePeriod(x, i.period)));
    for (const u of people)
      to.push({
        userId: u.id,
        displayName: u.displayName,
        email: mailAddressOf(u.email),
        departmentId: department.id,
        periods: itemPeriods,
        items,
      });
    reminded.push({
      code,
      name: department.name,
      items: items.length,
      recipients: people.map((u) => ({ id: u.id, displayName: u.displayName })),
    });
  }
  const note = body.note === undefined || body.note.trim() === '' ? null : body.note.trim();
  const mailer = deps.mailer ?? null;
  const mailed = mailer === null ? [] : to.filter((t) => t.email !== null);
  const answer = (notifications: number, emails: ApiReminders['emails']): ApiReminders => ({
    cycleId,
    on: process.on,
    periods: [...periods],
    departments: reminded,
    skipped,
    notifications,
    emails,
  });
  const outcome = await deps.repos.notifications.sendReminders(p.tenantId, {
    cycleId,
    senderId: p.userId,
    note,
    to: to.map((t) => ({
      userId: t.userId,
      departmentId: t.departmentId,
      periods: t.periods as unknown as JsonValue,
      items: t.items as unknown as JsonValue,
    })),
    ...(clientKey !== undefined && {
      idempotency: {
        // Within its caller and cycle, as a push's key is within its caller and submission.
        key: `${p.userId}/reminders/${cycleId}/${clientKey}`,
        requestHash: sha256Hex(canonicalJson({ cycleId, body: body as unknown as JsonValue })),
        response: (made) =>
          answer(
            made.length,
            mailer === null ? null : { addressed: mailed.length, sent: null, failed: [] },
          ) as unknown as JsonValue,
      },
    }),
  });
  if (outcome.kind === 'replay')
    return { body: outcome.storedResponse as unknown as ApiReminders, replayed: true };
  if (outcome.kind === 'mismatch') throw idempotencyMismatch();
  const emails = mailer === null ? null : await mailReminders(deps, mailer, p, mailed, note);
  return { body: answer(outcome.made.length, emails), replayed: false };
}

/** E-mails the stored reminders (after they are committed); a failure is logged and listed. */
async function mailReminders(
  deps: AppDeps,
  mailer: Mailer,
  p: Principal,
  mailed: readonly {
    userId: string;
    displayName: string;
    email: string | null;
    departmentId: string;
    periods: Due[];
    items: ApiReminderItem[];
  }[],
  note: string | null,
): Promise<NonNullable<ApiReminders['emails']>> {
  const departments = new Map(
    (await deps.repos.departments.list(p.tenantId)).map((d) => [d.id, d]),
  );
  const sender = (await deps.repos.users.get(p.tenantId, p.userId))?.displayName ?? '';
  const practice = (await deps.repos.tenants.get(p.tenantId))?.practice ?? false;
  const link = `${deps.config.publicOrigin.replace(/\/$/, '')}/me/tokens#notifications`;
  const failed: { id: string; displayName: string }[] = [];
  let sent = 0;
  for (const m of mailed) {
    const d = departments.get(m.departmentId);
    const text = reminderMail({
      department: { code: d?.code ?? '', name: d?.name ?? '' },
      sender,
      periods: m.periods,
      items: m.items,
      note,
      link,
      practice,
    });
    try {
      await mailer.send({ to: m.email ?? '', ...text });
      sent += 1;
    } catch (error) {
      deps.logger.warn({ err: error, userId: m.userId }, 'reminder e-mail not sent');
      failed.push({ id: m.userId, displayName: m.displayName });
    }
  }
  return { addressed: mailed.length, sent, failed };
}

/** Notifications as the API shows them, with their department's and sender's names. */
async function toApi(
  deps: AppDeps,
  tenantId: string,
  rows: readonly NotificationRecord[],
): Promise<ApiNotification[]> {
  const departments = new Map((await deps.repos.departments.list(tenantId)).map((d) => [d.id, d]));
  const senders = new Map<string, string>();
  for (const r of rows)
    if (!senders.has(r.senderId))
      senders.set(
        r.senderId,
        (await deps.repos.users.get(tenantId, r.senderId))?.displayName ?? '',
      );
  return rows.map((r) => {
    const d = departments.get(r.departmentId);
    return {
      id: r.id,
      kind: 'reminder',
      cycleId: r.cycleId,
      department: { id: r.departmentId, code: d?.code ?? '', name: d?.name ?? '' },
      sender: { id: r.senderId, displayName: senders.get(r.senderId) ?? '' },
      periods: r.periods as ApiNotification['periods'],
      items: r.items as ApiNotification['items'],
      note: r.note,
      createdAt: r.createdAt.toISOString(),
      readAt: r.readAt === null ? null : r.readAt.toISOString(),
    };
  });
}

/** The signed-in person's notifications, newest first. */
export async function myNotifications(deps: AppDeps, p: Principal): Promise<ApiNotifications> {
  const rows = await deps.repos.notifications.listForUser(p.tenantId, p.userId);
  return {
    unread: rows.filter((r) => r.readAt === null).length,
    notifications: await toApi(deps, p.tenantId, rows),
  };
}

/** Marks one of the signed-in person's notifications read; another's is not found. */
export async function readNotification(
  deps: AppDeps,
  p: Principal,
  id: string,
): Promise<ApiNotification> {
  const row = await deps.repos.notifications.markRead(p.tenantId, p.userId, id);
  if (row === null) throw notFound({ fa: 'اعلان', en: 'The notification' });
  const [one] = await toApi(deps, p.tenantId, [row]);
  if (one === undefined) throw new Error('no notification');
  return one;
}
