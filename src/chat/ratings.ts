import type { ConversationPayload } from '@/realtime/channels';

/*
 * "How was this conversation?": the visitor is asked once per resolution.
 * The server and the visitor's chat both decide it from the conversation
 * alone, so the question appears (or goes) with the conversation's updates.
 */

export const RATING_COMMENT_MAX = 1000;
export const RATING_SCORES = [1, 2, 3, 4, 5] as const;

export type RatingState = Pick<ConversationPayload, 'status' | 'resolvedAt' | 'ratedAt'>;

/** Resolved, and this resolution has no rating yet. */
export function awaitsRating(conversation: RatingState): boolean {
  if (conversation.status !== 'resolved' || conversation.resolvedAt === null) return false;
  return conversation.ratedAt === null || Date.parse(conversation.ratedAt) < Date.parse(conversation.resolvedAt);
}
