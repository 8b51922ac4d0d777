import { and, asc, count, desc, eq, gte, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import type { Database, Tables } from '../client';
import type { NotificationKind, NotificationStatus } from '../schema/types';
import { firstOrNull } from './select';

export type Notification = Tables['notifications']['$inferSelect'];

/**
 * The e-mail outbox and the unsubscribe list. Rows are claimed with a
 * conditional update (pending, due, and no live lease), so of several
 * instances polling the same rows exactly one wins each claim; every later
 * write names the claim token, so an instance whose lease ran out cannot
 * overwrite what the new holder did.
 */
export function createNotificationRepository({ db, tables, transaction, insertReturningIds, affectedRows, isUniqueViolation }: Database) {
  const { notifications, emailUnsubscribes } = tables;

  const byId = (id: number) => firstOrNull(db.select().from(notifications).where(eq(notifications.id, id)).limit(1));

  return {
    /**
     * Writes a pending notification. With a `dedupeKey` that a pending row
     * already holds nothing is written and `created` is false: that row will
     * cover this event too.
     */
    async createNotification(input: {
      kind: NotificationKind;
      conversationId: string | null;
      dedupeKey: string | null;
      dueAt: Date;
    }): Promise<{ created: boolean }> {
      try {
        await transaction((tx) => insertReturningIds(notifications, [{ ...input, status: 'pending', attempts: 0 }], tx));
        return { created: true };
      } catch (error) {
        if (input.dedupeKey && isUniqueViolation(error)) return { created: false };
        throw error;
      }
    },

    /** The pending row holding `dedupeKey` becomes `kind`, due at `dueAt` (a hand-over does not wait for the delay). */
    async hastenPendingNotificationByDedupeKey({ dedupeKey, kind, dueAt }: { dedupeKey: string; kind: NotificationKind; dueAt: Date }) {
      await transaction((tx) =>
        tx
          .update(notifications)
          .set({ kind, dueAt })
          .where(and(eq(notifications.dedupeKey, dedupeKey), eq(notifications.status, 'pending'))),
      );
    },

    getNotificationById: ({ id }: { id: number }): Promise<Notification | null> => byId(id),

    /** The latest mail of one of `kinds` sent about the conversation, or null. */
    getLatestSentNotificationByConversation({ conversationId, kinds }: { conversationId: string; kinds: NotificationKind[] }) {
      return firstOrNull(
        db
          .select()
          .from(notifications)
          .where(and(eq(notifications.conversationId, conversationId), inArray(notifications.kind, kinds), eq(notifications.status, 'sent')))
          .orderBy(desc(notifications.sentAt), desc(notifications.id))
          .limit(1),
      );
    },

    /** Ids of pending rows that are due and not held by a live lease, oldest first. */
    async listClaimableNotificationIds({ now, limit }: { now: Date; limit: number }): Promise<number[]> {
      const rows = await db
        .select({ id: notifications.id })
        .from(notifications)
        .where(
          and(
            eq(notifications.status, 'pending'),
            lte(notifications.dueAt, now),
            or(isNull(notifications.claimedUntil), lt(notifications.claimedUntil, now)),
          ),
        )
        .orderBy(asc(notifications.dueAt), asc(notifications.id))
        .limit(limit);
      return rows.map((row) => row.id);
    },

    /** Takes the row for `leaseMs` if it is still claimable; null when another instance (or an earlier claim) has it. */
    async claimNotificationById({ id, token, now, leaseMs }: { id: number; token: string; now: Date; leaseMs: number }) {
      const claimed = await transaction((tx) =>
        tx
          .update(notifications)
          .set({ claimToken: token, claimedUntil: new Date(now.getTime() + leaseMs) })
          .where(
            and(
              eq(notifications.id, id),
              eq(notifications.status, 'pending'),
              lte(notifications.dueAt, now),
              or(isNull(notifications.claimedUntil), lt(notifications.claimedUntil, now)),
            ),
          ),
      );
      return affectedRows(claimed) === 1 ? byId(id) : null;
    },

    /**
     * Ends the claimed row as sent, skipped or failed (its dedupe key freed, so
     * the conversation's next event makes a new row). False when the claim was lost.
     */
    async finishNotificationByClaim(input: {
      id: number;
      token: string;
      status: Exclude<NotificationStatus, 'pending'>;
      attempts?: number;
      recipient?: string | null;
      upToMessageId?: number | null;
      lastError?: string | null;
      sentAt?: Date | null;
    }): Promise<boolean> {
      const { id, token, ...patch } = input;
      const done = await transaction((tx) =>
        tx
          .update(notifications)
          .set({ ...patch, dedupeKey: null, claimToken: null, claimedUntil: null })
          .where(and(eq(notifications.id, id), eq(notifications.claimToken, token))),
      );
      return affectedRows(done) === 1;
    },

    /** The send failed: the row waits until `dueAt` for its next attempt, with the error kept. */
    async retryNotificationByClaim({ id, token, attempts, dueAt, lastError }: { id: number; token: string; attempts: number; dueAt: Date; lastError: string }) {
      await transaction((tx) =>
        tx
          .update(notifications)
          .set({ attempts, dueAt, lastError, claimToken: null, claimedUntil: null })
          .where(and(eq(notifications.id, id), eq(notifications.claimToken, token))),
      );
    },

    /** Mails of `kinds` sent since `since` (about one conversation, when given). */
    async countSentNotificationsSince({ kinds, since, conversationId }: { kinds: NotificationKind[]; since: Date; conversationId?: string }) {
      const [row] = await db
        .select({ total: count() })
        .from(notifications)
        .where(
          and(
            eq(notifications.status, 'sent'),
            inArray(notifications.kind, kinds),
            gte(notifications.sentAt, since),
            ...(conversationId ? [eq(notifications.conversationId, conversationId)] : []),
          ),
        );
      return Number(row?.total ?? 0);
    },

    /** The conversations whose mails were skipped with `reason` since `since`, oldest first, each once. */
    async listConversationIdsSkippedSince({ since, reason }: { since: Date; reason: string }): Promise<string[]> {
      const rows = await db
        .select({ conversationId: notifications.conversationId })
        .from(notifications)
        .where(and(eq(notifications.status, 'skipped'), eq(notifications.lastError, reason), gte(notifications.updatedAt, since)))
        .orderBy(asc(notifications.id));
      return [...new Set(rows.map((row) => row.conversationId).filter((id): id is string => id !== null))];
    },

    /** The latest notifications that ran out of attempts, newest first, for the settings page. */
    listFailedNotifications({ limit }: { limit: number }): Promise<Notification[]> {
      return db.select().from(notifications).where(eq(notifications.status, 'failed')).orderBy(desc(notifications.updatedAt)).limit(limit);
    },

    /** Idempotent: unsubscribing twice keeps one row. */
    async createEmailUnsubscribe({ conversationId, email }: { conversationId: string; email: string }): Promise<void> {
      try {
        await transaction((tx) => insertReturningIds(emailUnsubscribes, [{ conversationId, email: email.toLowerCase() }], tx));
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    },

    async isEmailUnsubscribed({ conversationId, email }: { conversationId: string; email: string }): Promise<boolean> {
      const row = await firstOrNull(
        db
          .select({ id: emailUnsubscribes.id })
          .from(emailUnsubscribes)
          .where(and(eq(emailUnsubscribes.conversationId, conversationId), eq(emailUnsubscribes.email, email.toLowerCase())))
          .limit(1),
      );
      return row !== null;
    },
  };
}
