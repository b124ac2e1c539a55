/**
 * In-app notifications (issue 20, "Owners who act"): today the planning office's reminders to
 * the people of a department whose KPIs and projects of a due period are not reported. One
 * sending is one transaction and one audit entry (`reminder.send`, naming every notification
 * it made and the hash of what each says); marking one read is `notification.read`.
 */
import type { JsonObject, JsonValue } from '../db/canonical';
import { canonicalJson, sha256Hex } from '../db/canonical';
import type { Prisma } from './client';
import { isUniqueViolation } from './client';
import type { RepositoryContext } from './context';
import { writeAudited } from './audit';
import type { IdempotencyCheck } from './idempotency';
import { findIdempotency, insertIdempotency, judgeIdempotency } from './idempotency';
import { fromDbJson, toDbJson } from './json';

/** A stored notification. */
export interface NotificationRecord {
  tenantId: string;
  id: string;
  userId: string;
  kind: string;
  cycleId: string;
  departmentId: string;
  senderId: string;
  periods: JsonValue;
  items: JsonValue;
  note: string | null;
  createdAt: Date;
  readAt: Date | null;
}

/** One notification to make. */
export interface NotificationInput {
  userId: string;
  departmentId: string;
  periods: JsonValue;
  items: JsonValue;
}

/** The hash of what a notification says, as its `reminder.send` entry records it. */
export function notificationSha256(n: {
  kind: string;
  cycleId: string;
  departmentId: string;
  periods: JsonValue;
  items: JsonValue;
  note: string | null;
}): string {
  return sha256Hex(
    canonicalJson({
      kind: n.kind,
      cycleId: n.cycleId,
      departmentId: n.departmentId,
      periods: n.periods,
      items: n.items,
      note: n.note,
    }),
  );
}

/** What a sending did: made the notifications, or was the retry of a key already used. */
export type ReminderOutcome =
  { kind: 'sent'; made: NotificationRecord[] } | Exclude<IdempotencyCheck, { kind: 'new' }>;

/** Notifications. */
export interface NotificationRepository {
  /** Sends one reminder to each person named, in one transaction and one audit entry. */
  sendReminders(
    tenantId: string,
    input: {
      cycleId: string;
      senderId: string;
      note: string | null;
      to: NotificationInput[];
      /**
       * Once per `Idempotency-Key`: the key is stored with its response in the same
       * transaction as the notifications, so a retry (or a double click) reminds nobody twice.
       */
      idempotency?: {
        key: string;
        requestHash: string;
        response: (made: readonly NotificationRecord[]) => JsonValue;
      };
    },
  ): Promise<ReminderOutcome>;
  /** A person's notifications, newest first. */
  listForUser(tenantId: string, userId: string): Promise<NotificationRecord[]>;
  /**
   * Marks a person's notification read (once: the first time counts); null when it is not
   * theirs or does not exist.
   */
  markRead(tenantId: string, userId: string, id: string): Promise<NotificationRecord | null>;
}

const fromDb = (
  r: Omit<NotificationRecord, 'periods' | 'items'> & {
    periods: Prisma.JsonValue;
    items: Prisma.JsonValue;
  },
): NotificationRecord => ({ ...r, periods: fromDbJson(r.periods), items: fromDbJson(r.items) });

/** The notification repository. */
export function notificationRepository(ctx: RepositoryContext): NotificationRepository {
  const { prisma } = ctx;
  return {
    async sendReminders(tenantId, input) {
      const { idempotency } = input;
      const seen = async (): Promise<ReminderOutcome | null> => {
        if (idempotency === undefined) return null;
        const judged = judgeIdempotency(
          await findIdempotency(prisma, tenantId, idempotency.key),
          idempotency.requestHash,
        );
        return judged.kind === 'new' ? null : judged;
      };
      const early = await seen();
      if (early !== null) return early;
      const send = writeAudited(ctx, tenantId, async (tx, at) => {
        const made: NotificationRecord[] = [];
        for (const n of input.to) {
          const row = await tx.notification.create({
            data: {
              tenantId,
              userId: n.userId,
              kind: 'reminder',
              cycleId: input.cycleId,
              departmentId: n.departmentId,
              senderId: input.senderId,
              periods: toDbJson(n.periods),
              items: toDbJson(n.items),
              note: input.note,
              createdAt: at,
            },
          });
          made.push(fromDb(row));
        }
        if (idempotency !== undefined)
          await insertIdempotency(
            tx,
            tenantId,
            {
              key: idempotency.key,
              requestHash: idempotency.requestHash,
              response: idempotency.response(made),
            },
            at,
          );
        const notifications: JsonObject[] = made.map((m) => ({
          notificationId: m.id,
          userId: m.userId,
          departmentId: m.departmentId,
          sha256: notificationSha256(m),
        }));
        return {
          value: made,
          audit:
            made.length === 0
              ? null
              : {
                  actorId: input.senderId,
                  action: 'reminder.send',
                  entity: 'cycle',
                  entityId: input.cycleId,
                  data: { notifications, idempotencyKey: idempotency?.key ?? null },
                },
        };
      });
      try {
        return { kind: 'sent', made: await send };
      } catch (error) {
        // The same key was stored by a concurrent request between our check and our insert.
        if (isUniqueViolation(error)) {
          const late = await seen();
          if (late !== null) return late;
        }
        throw error;
      }
    },

    listForUser: async (tenantId, userId) =>
      (
        await prisma.notification.findMany({
          where: { tenantId, userId },
          orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        })
      ).map(fromDb),

    markRead: (tenantId, userId, id) =>
      writeAudited(ctx, tenantId, async (tx, at) => {
        const found = await tx.notification.findUnique({
          where: { tenantId_id: { tenantId, id } },
        });
        if (found === null || found.userId !== userId) return { value: null, audit: null };
        if (found.readAt !== null) return { value: fromDb(found), audit: null };
        const row = await tx.notification.update({
          where: { tenantId_id: { tenantId, id } },
          data: { readAt: at },
        });
        return {
          value: fromDb(row),
          audit: {
            actorId: userId,
            action: 'notification.read',
            entity: 'notification',
            entityId: id,
          },
        };
      }),
  };
}
