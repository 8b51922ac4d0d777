import type { Conversation, Message } from '@/db/repository/chat';
import { logger } from '@/logger';
import { noteHandover, noteVisitorMessage } from './owner-notifications';
import { isHandover } from './templates';
import { noteOwnerReply } from './visitor-notifications';

/**
 * A stored message, as the mails see it: a visitor's may need the owner, a
 * hand-over needs the owner now, the owner's reply may need to reach the
 * visitor. Writes the outbox row only (the worker sends); a failure is
 * logged, never thrown: the message itself is stored and delivered.
 */
export async function noteNewMessage({ conversation, message }: { conversation: Conversation; message: Message }): Promise<void> {
  try {
    if (message.senderType === 'visitor') await noteVisitorMessage(conversation);
    else if (isHandover(message)) await noteHandover(conversation);
    else if (message.senderType === 'admin') await noteOwnerReply(conversation);
  } catch (error) {
    logger.error({ err: error, conversationId: conversation.id, messageId: message.id }, 'notification could not be queued');
  }
}
