import { and, count, eq, lt, lte } from 'drizzle-orm';
import type { Database } from '../client';

/*
 * Realtime state that must outlive one process: presence as Pusher's webhooks
 * report it, and the webhook batches already handled. With the embedded
 * Socket.IO server presence lives in that server's memory instead.
 */
export function createRealtimeRepository({ db, tables, transaction, insertReturningIds, affectedRows, isUniqueViolation }: Database) {
  const { realtimePresence, webhookReceipts } = tables;

  /** Applies the change unless a newer one for that member is stored already; false when there is no row yet. */
  const updateMember = async (input: { channel: string; memberId: string; present: boolean; at: Date }) => {
    const member = and(eq(realtimePresence.channel, input.channel), eq(realtimePresence.memberId, input.memberId));
    const apply = () =>
      transaction((tx) =>
        tx
          .update(realtimePresence)
          .set({ present: input.present, changedAt: input.at })
          .where(and(member, lte(realtimePresence.changedAt, input.at))),
      );
    if (affectedRows(await apply()) > 0) return true;
    const [existing] = await db.select({ id: realtimePresence.id }).from(realtimePresence).where(member).limit(1);
    if (!existing) return false;
    // A concurrent first webhook may have inserted the row after our update looked: apply once more
    // (a no-op when the stored change is the newer one).
    await apply();
    return true;
  };

  return {
    /** A member joined (`present`) or left a presence channel at `at`; an older change arriving late is ignored. */
    async recordPresenceChangeByMember(input: { channel: string; memberId: string; present: boolean; at: Date }): Promise<void> {
      if (await updateMember(input)) return;
      try {
        await transaction((tx) =>
          insertReturningIds(realtimePresence, [{ channel: input.channel, memberId: input.memberId, present: input.present, changedAt: input.at }], tx),
        );
      } catch (error) {
        // Another webhook inserted the member first: apply ours over it if it is newer.
        if (!isUniqueViolation(error)) throw error;
        await updateMember(input);
      }
    },

    /** Nobody is left in the channel at `at`: every member known before then has gone. */
    async markPresenceChannelVacatedByName({ channel, at }: { channel: string; at: Date }): Promise<void> {
      await transaction((tx) =>
        tx
          .update(realtimePresence)
          .set({ present: false, changedAt: at })
          .where(and(eq(realtimePresence.channel, channel), lte(realtimePresence.changedAt, at))),
      );
    },

    async countPresentMembersByChannel({ channel }: { channel: string }): Promise<number> {
      const [row] = await db
        .select({ total: count() })
        .from(realtimePresence)
        .where(and(eq(realtimePresence.channel, channel), eq(realtimePresence.present, true)));
      return row?.total ?? 0;
    },

    /**
     * Records a webhook batch's signature; false when it was recorded before
     * (a replay). Receipts older than `forgetBefore` are pruned on the way:
     * batches that old are refused by their timestamp anyway.
     */
    async recordWebhookReceiptBySignature({ signature, receivedAt, forgetBefore }: { signature: string; receivedAt: Date; forgetBefore: Date }): Promise<boolean> {
      await transaction((tx) => tx.delete(webhookReceipts).where(lt(webhookReceipts.receivedAt, forgetBefore)));
      try {
        await transaction((tx) => insertReturningIds(webhookReceipts, [{ signature, receivedAt }], tx));
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },

    /** Forgets a receipt, so the same batch is accepted again (Pusher's retry after a failed handling). */
    async forgetWebhookReceiptBySignature({ signature }: { signature: string }): Promise<void> {
      await transaction((tx) => tx.delete(webhookReceipts).where(eq(webhookReceipts.signature, signature)));
    },
  };
}
