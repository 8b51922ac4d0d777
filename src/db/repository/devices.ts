import { and, desc, eq, gt, lt } from 'drizzle-orm';
import type { Database } from '../client';

/** A live visitor session on a conversation, as its device list shows it. */
export type ConversationDevice = {
  sessionId: number;
  userAgent: string | null;
  createdAt: Date;
  lastSeenAt: Date;
};

/**
 * The devices a conversation is open on (its live visitor sessions), the
 * single use of "continue on another device" links, and signing a device out.
 */
export function createDeviceRepository({ db, tables, transaction, insertReturningIds, affectedRows, isUniqueViolation }: Database) {
  const { chatSessions, conversations, deviceLinkClaims } = tables;

  return {
    /**
     * Records that the link `linkId` was used; false when it had been already
     * (the unique index decides, so two browsers racing with one link cannot
     * both win). Claims of links past their expiry are swept on the way: their
     * JWT is refused before it gets here.
     */
    async claimDeviceLink({ linkId, expiresAt, now = new Date() }: { linkId: string; expiresAt: Date; now?: Date }): Promise<boolean> {
      try {
        await transaction(async (tx) => {
          await tx.delete(deviceLinkClaims).where(lt(deviceLinkClaims.expiresAt, now));
          await insertReturningIds(deviceLinkClaims, [{ linkId, expiresAt, createdAt: now }], tx);
        });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },

    /** The conversation's live sessions, most recently active first. */
    listLiveChatSessionsByConversationId({ conversationId, now = new Date() }: { conversationId: string; now?: Date }): Promise<ConversationDevice[]> {
      return db
        .select({
          sessionId: chatSessions.id,
          userAgent: chatSessions.userAgent,
          createdAt: chatSessions.createdAt,
          lastSeenAt: chatSessions.lastSeenAt,
        })
        .from(chatSessions)
        .innerJoin(conversations, eq(conversations.id, chatSessions.conversationId))
        .where(and(eq(conversations.publicId, conversationId), gt(chatSessions.expiresAt, now)))
        .orderBy(desc(chatSessions.lastSeenAt), desc(chatSessions.id))
        .limit(50);
    },

    /**
     * Ends a live session of the conversation by expiring it now (the row stays,
     * so the visitor details keep when it was last seen). Returns its token hash
     * for the caches to forget, or null when no such live session exists.
     */
    async endChatSessionOfConversation({
      sessionId,
      conversationId,
      now = new Date(),
    }: {
      sessionId: number;
      conversationId: string;
      now?: Date;
    }): Promise<{ tokenHash: string } | null> {
      return transaction(async (tx) => {
        const [row] = await tx
          .select({ tokenHash: chatSessions.tokenHash })
          .from(chatSessions)
          .innerJoin(conversations, eq(conversations.id, chatSessions.conversationId))
          .where(and(eq(chatSessions.id, sessionId), eq(conversations.publicId, conversationId), gt(chatSessions.expiresAt, now)))
          .limit(1);
        if (!row) return null;
        const result = await tx.update(chatSessions).set({ expiresAt: now }).where(eq(chatSessions.id, sessionId));
        return affectedRows(result) === 1 ? row : null;
      });
    },
  };
}
