import type { MessageStatus, SenderType } from '@/db/schema/types';
import type { MessagePayload } from '@/realtime/channels';

/**
 * A message as the chat UI shows it: a stored message, or one still in the
 * sender's outbox (`id` null, status 'pending' or 'failed').
 */
export type DisplayMessage = {
  /** Stable across the outbox → stored transition (the clientMessageId when there is one). */
  key: string;
  id: number | null;
  content: string;
  senderType: SenderType;
  createdAt: string;
  status: MessageStatus | 'pending';
  metadata: Record<string, unknown> | null;
};

export function messageKey(message: { id: number | null; clientMessageId?: string | null }): string {
  return message.clientMessageId ? `c:${message.clientMessageId}` : `m:${message.id}`;
}

export function toDisplayMessage(message: MessagePayload): DisplayMessage {
  return {
    key: messageKey(message),
    id: message.id,
    content: message.content,
    senderType: message.senderType,
    createdAt: message.createdAt,
    status: message.status,
    metadata: message.metadata,
  };
}

/** Which side of the conversation the viewer is on: their own messages sit on the right with ticks. */
export type ViewerSide = 'visitor' | 'admin';

export function isOwnMessage(message: { senderType: SenderType }, viewer: ViewerSide): boolean {
  return message.senderType === viewer;
}
