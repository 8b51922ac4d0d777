import type { UploadPayload } from '@/chat/server/uploads/service';
import { callApi } from '@/http/client/api-client';

export type { UploadPayload };

/**
 * Uploads an image for the next message: a visitor by its token (into its own
 * conversation), the owner by its cookie into `conversationId`.
 */
export function uploadChatImage(file: File, auth: { sessionToken: string } | { conversationId: string }): Promise<UploadPayload> {
  const form = new FormData();
  form.set('file', file);
  if ('conversationId' in auth) form.set('conversationId', auth.conversationId);
  return callApi<UploadPayload>('/api/chat/uploads', {
    form,
    ...('sessionToken' in auth ? { sessionToken: auth.sessionToken, credentials: 'omit' as const } : {}),
  });
}
