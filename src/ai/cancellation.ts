import { logger } from '@/logger';
import { getRedis } from '@/redis/client';
import { onSignal, sendSignal } from '@/redis/signals';
import { cancelAutomaticReplies, cancelConversationReplies } from './queue';

/*
 * Stopping AI replies wherever they run. With several instances the reply to
 * a message runs on the instance that claimed it, while the owner may take
 * the conversation over (or switch AI off) on another. Kept apart from the
 * assistant so the custom server can follow other instances' cancellations
 * without loading the AI SDK and the reply pipeline.
 */

export type ReplyCancellation = { conversationId: string } | { allAutomatic: true };
const REPLY_CANCELLATION_SIGNAL = 'ai-reply-cancel';

function cancelReplies(cancellation: ReplyCancellation): void {
  if ('conversationId' in cancellation) cancelConversationReplies(cancellation.conversationId);
  else cancelAutomaticReplies();
}

/** Cancels here at once, and on the other instances, where the reply may be running. */
export function cancelRepliesEverywhere(cancellation: ReplyCancellation): void {
  cancelReplies(cancellation);
  const redis = getRedis();
  if (!redis) return;
  // If the signal is lost, the reply still is not stored: storing re-checks the conversation in the database.
  sendSignal(redis, REPLY_CANCELLATION_SIGNAL, cancellation).catch((error: unknown) =>
    logger.warn({ err: error, ...cancellation }, 'AI reply cancellation not sent to the other instances'),
  );
}

/** At start-up, with several instances: a take-over or switch-off on another instance stops the replies running here. */
export async function followReplyCancellations(): Promise<void> {
  const redis = getRedis();
  if (redis) await onSignal<ReplyCancellation>(redis, REPLY_CANCELLATION_SIGNAL, cancelReplies);
}
