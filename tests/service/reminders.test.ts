/**
 * Owners who act (issue 20), over real HTTP on both databases: the planning office reminds the
 * departments whose KPIs and projects of a due period are not reported
 * (`POST /api/cycles/{cycleId}/reminders`), and each person reads their own reminders
 * (`GET /api/me/notifications`, `POST /api/me/notifications/{id}/read`).
 *
 * The register is seeded without the departments' monitoring, so on 1405/08/01 (the day after
 * the deadline of 1405 H1, the end of Mehr) every item of H1 is unreported. Where the expected items come from: the sample plan
 * workbook's rows read directly here, as tests/service/process.test.ts does, not the core's
 * `unreported`.
 */
import type { AddressInfo } from 'node:net';
import type { ParsedMail } from 'mailparser';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import {
  ApiNotification,
  ApiNotifications,
  ApiReminders,
  readPlan,
  rowsOf,
  samplePlanWorkbook,
} from '#core';
import { DB_KINDS } from '../helpers/db';
import type { Harness } from './api-harness';
import { TENANT, bearer, openHarness } from './api-harness';

/** The day after the deadline of 1405 H1. */
const ON = '1405/08/01';

/**
 * `DEPT kind:id` of every item of 1405 H1 not reported, from the plan workbook's rows: with no
 * monitoring filed, every project under way in 1405 (not dropped) and every KPI measured more
 * often than yearly (the plan workbooks' own actuals are not reports the register counts: a
 * department reports in its monitoring workbook).
 */
function expectedH1(): string[] {
  const plan = readPlan(samplePlanWorkbook()).plan;
  const projects = rowsOf(plan, 'tblProjects')
    .filter((p) => p.Status !== 'dropped' && p.StartYear !== null && p.EndYear !== null)
    .filter((p) => (p.StartYear as number) <= 1405 && (p.EndYear as number) >= 1405)
    .map((p) => `${p.Dept} project:${p.ProjectId}`);
  const kpis = rowsOf(plan, 'tblKpis')
    .filter((k) => (k.Frequency ?? 'annual') !== 'annual')
    .map((k) => `${k.OwnerDept} kpi:${k.KpiId}`);
  return [...projects, ...kpis].sort();
}

describe.each(DB_KINDS)('reminders of unreported periods (%s)', (kind) => {
  let h: Harness;
  const url = () => `/api/cycles/${h.cycleId}/reminders`;
  const expected = expectedH1();
  const itemsOf = (code: string) =>
    expected.filter((e) => e.startsWith(`${code} `)).map((e) => e.slice(code.length + 1));

  beforeAll(async () => {
    h = await openHarness(kind, {}, {}, { monitoring: false });
  });
  afterAll(async () => {
    await h.close();
  });

  it('is sent by the planning office only, and a bad period is refused where it is', async () => {
    const preparer = await request(h.app)
      .post(url())
      .set(bearer(h.tokens.preparer))
      .send({ on: ON });
    expect(preparer.status).toBe(403);
    const unreadable = await request(h.app)
      .post(url())
      .set(bearer(h.tokens.approver))
      .send({ on: ON, period: '1405-H3' });
    expect(unreadable.status).toBe(400);
    expect(unreadable.body.details[0].path).toEqual(['period']);
    expect(unreadable.body.message.fa).toContain('دوره');
    // A period that reads but is not due on the day (1405 FY: after Farvardin 1406).
    const notDue = await request(h.app)
      .post(url())
      .set(bearer(h.tokens.approver))
      .send({ on: ON, period: '1405-FY' });
    expect(notDue.status).toBe(400);
    expect(notDue.body.details[0].path).toEqual(['period']);
    const unknown = await request(h.app)
      .post(url())
      .set(bearer(h.tokens.approver))
      .send({ on: ON, departments: ['D-CIV', 'NOPE'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details[0].path).toEqual(['departments', 1]);
    // Nothing was sent by the refused requests.
    const mine = ApiNotifications.parse(
      (await request(h.app).get('/api/me/notifications').set(bearer(h.tokens.preparer))).body,
    );
    expect(mine).toEqual({ unread: 0, notifications: [] });
  });

  it('reminds one department, whose preparer sees it and marks it read, and no one else', async () => {
    expect(itemsOf('D-CIV').length).toBeGreaterThan(0);
    const sent = await request(h.app)
      .post(url())
      .set(bearer(h.tokens.approver))
      .send({ on: ON, period: '۱۴۰۵-H1', departments: ['D-CIV'], note: 'تا پایان هفته' });
    expect(sent.status).toBe(200);
    const body = ApiReminders.parse(sent.body);
    expect(body.periods).toEqual([{ year: 1405, period: 'H1' }]);
    expect(body.departments.map((d) => [d.code, d.items])).toEqual([
      ['D-CIV', itemsOf('D-CIV').length],
    ]);
    expect(body.notifications).toBe(body.departments[0]?.recipients.length);

    const list = await request(h.app).get('/api/me/notifications').set(bearer(h.tokens.preparer));
    expect(list.status).toBe(200);
    const mine = ApiNotifications.parse(list.body);
    expect(mine.unread).toBe(1);
    const [n] = mine.notifications;
    expect(n).toMatchObject({
      kind: 'reminder',
      cycleId: h.cycleId,
      department: { code: 'D-CIV' },
      periods: [{ year: 1405, period: 'H1' }],
      note: 'تا پایان هفته',
      readAt: null,
    });
    expect(n?.sender.displayName.length).toBeGreaterThan(0);
    expect(n?.items.map((i) => `${i.kind}:${i.id}`).sort()).toEqual(itemsOf('D-CIV'));

    // Another department's preparer has nothing, and cannot read this one.
    const other = await request(h.app)
      .get('/api/me/notifications')
      .set(bearer(h.tokens.otherPreparer));
    expect(ApiNotifications.parse(other.body)).toEqual({ unread: 0, notifications: [] });
    const id = n?.id ?? '';
    const theirs = await request(h.app)
      .post(`/api/me/notifications/${id}/read`)
      .set(bearer(h.tokens.otherPreparer));
    expect(theirs.status).toBe(404);

    const read = await request(h.app)
      .post(`/api/me/notifications/${id}/read`)
      .set(bearer(h.tokens.preparer));
    expect(read.status).toBe(200);
    expect(ApiNotification.parse(read.body).readAt).not.toBeNull();
    const after = ApiNotifications.parse(
      (await request(h.app).get('/api/me/notifications').set(bearer(h.tokens.preparer))).body,
    );
    expect(after.unread).toBe(0);
    expect(after.notifications).toHaveLength(1);
  });

  it('reminds, without a choice, every department with something unreported', async () => {
    const sent = await request(h.app).post(url()).set(bearer(h.tokens.admin)).send({ on: ON });
    expect(sent.status).toBe(200);
    const body = ApiReminders.parse(sent.body);
    const codes = [...new Set(expected.map((e) => e.split(' ')[0] as string))].sort();
    expect(body.departments.map((d) => d.code).sort()).toEqual(codes);
    for (const d of body.departments)
      expect([d.code, d.items]).toEqual([d.code, itemsOf(d.code).length]);
    expect(body.notifications).toBe(body.departments.reduce((n, d) => n + d.recipients.length, 0));
    // The other department's preparer now has theirs (when it has anything unreported).
    const other = ApiNotifications.parse(
      (await request(h.app).get('/api/me/notifications').set(bearer(h.tokens.otherPreparer))).body,
    );
    expect(other.unread).toBe(itemsOf('D-TRF').length > 0 ? 1 : 0);
    // The sendings and the reading are in the audit chain, and the table agrees with it.
    const report = await h.test.repos.verify.register(TENANT);
    expect(report.problems).toEqual([]);
    expect(report.tables).toContain('notification');
  });
});

describe.each(DB_KINDS)('a reminder is sent once per Idempotency-Key (%s)', (kind) => {
  let h: Harness;
  const url = () => `/api/cycles/${h.cycleId}/reminders`;

  beforeAll(async () => {
    h = await openHarness(kind, {}, {}, { monitoring: false });
  });
  afterAll(async () => {
    await h.close();
  });

  const unread = async () =>
    ApiNotifications.parse(
      (await request(h.app).get('/api/me/notifications').set(bearer(h.tokens.preparer))).body,
    ).unread;

  it('answers a retry with the first result and reminds nobody again; another body is refused', async () => {
    const body = { on: ON, departments: ['D-CIV'] };
    const key = 'web-0123456789abcdef';
    const first = await request(h.app)
      .post(url())
      .set(bearer(h.tokens.approver))
      .set('Idempotency-Key', key)
      .send(body);
    expect(first.status).toBe(200);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(await unread()).toBe(1);
    // A double click: two more at once, and one after; each is the first answer again.
    const again = await Promise.all(
      [0, 1, 2].map(() =>
        request(h.app)
          .post(url())
          .set(bearer(h.tokens.approver))
          .set('Idempotency-Key', key)
          .send(body),
      ),
    );
    for (const r of again) {
      expect(r.status).toBe(200);
      expect(r.headers['idempotent-replayed']).toBe('true');
      expect(r.body).toEqual(first.body);
    }
    expect(await unread()).toBe(1);
    // The same key for a different reminder is a mistake of the client's.
    const other = await request(h.app)
      .post(url())
      .set(bearer(h.tokens.approver))
      .set('Idempotency-Key', key)
      .send({ ...body, note: 'دیگر' });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_MISMATCH');
    // Without a key, a second sending is a second reminder (the office may mean it).
    await request(h.app).post(url()).set(bearer(h.tokens.approver)).send(body).expect(200);
    expect(await unread()).toBe(2);
    // A malformed key is refused before anything is sent.
    const bad = await request(h.app)
      .post(url())
      .set(bearer(h.tokens.approver))
      .set('Idempotency-Key', 'short')
      .send(body);
    expect(bad.status).toBe(400);
    expect(await unread()).toBe(2);
    const report = await h.test.repos.verify.register(TENANT);
    expect(report.problems).toEqual([]);
  });
});

/**
 * E-mail where an SMTP server is configured: a real SMTP server (smtp-server) on loopback
 * receives what the register sends through nodemailer, and mailparser reads it back, so the
 * recipients, subject and text are checked as a mail program would see them.
 */
describe('reminders by e-mail through an SMTP server (pglite)', () => {
  let h: Harness;
  let smtp: SMTPServer;
  const received: { to: string[]; mail: ParsedMail }[] = [];
  let refuse = new Set<string>();

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, cb) {
        if (refuse.has(address.address)) cb(new Error('550 mailbox unavailable'));
        else cb();
      },
      onData(stream, session, cb) {
        void simpleParser(stream).then(
          (mail) => {
            received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
            cb();
          },
          (error: Error) => cb(error),
        );
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const { port } = smtp.server.address() as AddressInfo;
    h = await openHarness(
      'pglite',
      {
        mail: { url: `smtp://127.0.0.1:${port}`, from: 'plan@sample.example' },
        publicOrigin: 'https://plan.sample.example',
      },
      {},
      { monitoring: false },
    );
  });
  afterAll(async () => {
    await h.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('mails each reminded person with an address the same items as the notification', async () => {
    const sent = await request(h.app)
      .post(`/api/cycles/${h.cycleId}/reminders`)
      .set(bearer(h.tokens.approver))
      .send({ on: ON, departments: ['D-CIV'], note: 'تا پایان هفته' });
    expect(sent.status).toBe(200);
    const body = ApiReminders.parse(sent.body);
    const people = body.departments[0]?.recipients ?? [];
    expect(people.length).toBeGreaterThan(0);
    expect(body.emails).toEqual({ addressed: people.length, sent: people.length, failed: [] });
    expect(received).toHaveLength(people.length);

    // The preparer's mail, beside the preparer's notification.
    const preparer = `preparer.d-civ@${TENANT}.example`;
    const mail = received.find((r) => r.to.includes(preparer))?.mail;
    expect(mail?.from?.text).toBe('plan@sample.example');
    expect(mail?.subject).toContain('یادآوری گزارش پایش');
    const n = ApiNotifications.parse(
      (await request(h.app).get('/api/me/notifications').set(bearer(h.tokens.preparer))).body,
    ).notifications[0];
    const text = mail?.text ?? '';
    for (const item of n?.items ?? []) expect(text).toContain(item.id);
    expect(text).toContain('تا پایان هفته');
    expect(text).toContain('https://plan.sample.example/me/tokens#notifications');
    // Plain text only: nothing in it for a mail program to render as HTML.
    expect(mail?.html).toBe(false);
  });

  it('reports a mailbox the server refuses, and keeps the in-app reminder', async () => {
    received.length = 0;
    refuse = new Set([`preparer.d-civ@${TENANT}.example`]);
    const before = ApiNotifications.parse(
      (await request(h.app).get('/api/me/notifications').set(bearer(h.tokens.preparer))).body,
    ).notifications.length;
    const sent = await request(h.app)
      .post(`/api/cycles/${h.cycleId}/reminders`)
      .set(bearer(h.tokens.approver))
      .send({ on: ON, departments: ['D-CIV'] });
    expect(sent.status).toBe(200);
    const body = ApiReminders.parse(sent.body);
    const people = body.departments[0]?.recipients ?? [];
    expect(body.emails?.addressed).toBe(people.length);
    expect(body.emails?.sent).toBe(people.length - 1);
    expect(body.emails?.failed.map((f) => f.displayName)).toHaveLength(1);
    const after = ApiNotifications.parse(
      (await request(h.app).get('/api/me/notifications').set(bearer(h.tokens.preparer))).body,
    ).notifications.length;
    expect(after).toBe(before + 1);
    refuse = new Set();
  });
});
