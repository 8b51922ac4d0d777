import { and, eq } from 'drizzle-orm';
import type { Database } from '../client';
import type { SenderType } from '../schema/types';
import { firstOrNull } from './select';

export type Upload = { id: string; conversationId: string; uploadedBy: SenderType; contentType: string; width: number; height: number; bytes: number; createdAt: Date };

/** Images sent in conversations: their facts (the bytes live in the upload storage) and whether a message carries them. */
export function createUploadRepository({ db, tables, transaction }: Database) {
  const { uploads, conversations, messages } = tables;
  const columns = {
    id: uploads.id,
    conversationId: conversations.publicId,
    uploadedBy: uploads.uploadedBy,
    contentType: uploads.contentType,
    width: uploads.width,
    height: uploads.height,
    bytes: uploads.bytes,
    createdAt: uploads.createdAt,
  };

  return {
    /** Records an upload in `conversationId`; false when that conversation does not exist. */
    async createUpload(input: Omit<Upload, 'createdAt'>): Promise<boolean> {
      return transaction(async (tx) => {
        const [conversation] = await tx.select({ key: conversations.id }).from(conversations).where(eq(conversations.publicId, input.conversationId)).limit(1);
        if (!conversation) return false;
        await tx.insert(uploads).values({ ...input, conversationId: conversation.key, createdAt: new Date() });
        return true;
      });
    },

    getUploadById({ id }: { id: string }): Promise<Upload | null> {
      return firstOrNull(db.select(columns).from(uploads).innerJoin(conversations, eq(conversations.id, uploads.conversationId)).where(eq(uploads.id, id)).limit(1));
    },

    async isUploadSentWithClientMessageId({ id, clientMessageId }: { id: string; clientMessageId: string }): Promise<boolean> {
      const sent = await firstOrNull(
        db.select({ id: messages.id }).from(messages).where(and(eq(messages.uploadId, id), eq(messages.clientMessageId, clientMessageId))).limit(1),
      );
      return sent !== null;
    },

    async isUploadSent({ id }: { id: string }): Promise<boolean> {
      return (await firstOrNull(db.select({ id: messages.id }).from(messages).where(eq(messages.uploadId, id)).limit(1))) !== null;
    },
  };
}
