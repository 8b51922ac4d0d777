'use client';

import { useCallback, useState } from 'react';
import { awaitsRating, type RatingState } from '@/chat/ratings';
import { useChannelEvent } from '@/chat/ui/hooks/use-channel-event';
import { readStored, writeStored } from '@/chat/ui/stored-value';
import { conversationChannel } from '@/realtime/channels';
import type { RealtimeConnector } from '@/realtime/client';
import { STORAGE_KEYS } from '@/shared/names';
import { rateConversation, type VisitorSession } from './visitor-api';

export type RatingRequest = {
  /** The question is on screen: the conversation was resolved and this resolution is not rated or put aside. */
  asked: boolean;
  /** Just answered (shown as a thank-you until the conversation moves on). */
  thanked: boolean;
  submit: (rating: number, comment: string) => Promise<void>;
  dismiss: () => void;
};

const resolutionKey = (conversationId: string, state: RatingState) => `${conversationId}@${state.resolvedAt}`;

/**
 * "How was this conversation?" for the visitor's conversation: asked when the
 * owner resolves it (the conversation's own update says so, live), once per
 * resolution, unless the owner turned ratings off or the visitor put this
 * resolution's question aside.
 */
export function useRatingRequest(connector: RealtimeConnector | null, session: VisitorSession | null, conversationId: string | null): RatingRequest {
  const [updated, setUpdated] = useState<{ conversationId: string; state: RatingState } | null>(null);
  const [dismissed, setDismissed] = useState(() => readStored(STORAGE_KEYS.ratingDismissed));
  const [thanked, setThanked] = useState<string | null>(null);

  useChannelEvent(connector, conversationId ? conversationChannel(conversationId) : null, 'conversation-updated', (conversation) => {
    setUpdated({ conversationId: conversation.id, state: { status: conversation.status, resolvedAt: conversation.resolvedAt, ratedAt: conversation.ratedAt } });
  });

  const state = updated && updated.conversationId === conversationId ? updated.state : session?.ratingState ?? null;
  const key = conversationId && state ? resolutionKey(conversationId, state) : null;
  const asked = Boolean(session?.ratingsEnabled && state && key && awaitsRating(state) && dismissed !== key && thanked !== key);

  const submit = useCallback(
    async (rating: number, comment: string) => {
      if (!session || !conversationId || !key) return;
      const rated = await rateConversation(session.sessionToken, { conversationId, rating, comment: comment.trim() || null });
      setThanked(key);
      setUpdated({ conversationId, state: { status: rated.status, resolvedAt: rated.resolvedAt, ratedAt: rated.ratedAt } });
    },
    [session, conversationId, key],
  );

  const dismiss = useCallback(() => {
    if (!key) return;
    writeStored(STORAGE_KEYS.ratingDismissed, key);
    setDismissed(key);
  }, [key]);

  return { asked, thanked: thanked !== null && thanked === key && state?.status === 'resolved', submit, dismiss };
}
