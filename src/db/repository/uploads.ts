import { eq } from 'drizzle-orm';
import type { Database } from '../client';
import type { SenderType } from '../schema/types';
import { firstOrNull } from './select';

export type Upload = { id: string; conversationId: string; uploadedBy: SenderType; contentType: string; width: number; height: number; bytes: number; createdAt: Date };

/** Images sent in conversations: their facts (the bytes live in the upload storage) and the message that carries them. */
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

    /** The upload, with the message that sent it if one did (the unique index allows one). */
    getUploadById({ id }: { id: string }): Promise<(Upload & { sentBy: { clientMessageId: string | null } | null }) | null> {
      return firstOrNull(
        db
          .select({ ...columns, sentMessageId: messages.id, sentClientMessageId: messages.clientMessageId })
          .from(uploads)
          .innerJoin(conversations, eq(conversations.id, uploads.conversationId))
          .leftJoin(messages, eq(messages.uploadId, uploads.id))
          .where(eq(uploads.id, id))
          .limit(1),
      ).then((row) => {
        if (!row) return null;
        const { sentMessageId, sentClientMessageId, ...upload } = row;
        return { ...upload, sentBy: sentMessageId === null ? null : { clientMessageId: sentClientMessageId } };
      });
    },
  };
}
