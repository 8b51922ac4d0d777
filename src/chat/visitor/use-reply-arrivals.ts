'use client';

import { useEffect, useRef } from 'react';
import type { MessagePayload } from '@/realtime/channels';

/**
 * Calls `onArrived` with the owner's and assistant's messages that arrive
 * after the history was first loaded (not the history itself, nor older
 * pages loaded while scrolling back): the moment for the chime. Replies to
 * a message this page sent (`firstSentId`) are new even when they are in the
 * first history: the page's first message creates the conversation, and the
 * assistant may have answered before that history loads.
 */
export function useReplyArrivals(
  messages: readonly MessagePayload[],
  loaded: boolean,
  firstSentId: number | null,
  onArrived: (arrived: MessagePayload[]) => void,
): void {
  const newestSeen = useRef<number | null>(null);
  const callback = useRef(onArrived);
  useEffect(() => {
    callback.current = onArrived;
  });
  useEffect(() => {
    if (!loaded) return;
    const newest = messages.at(-1)?.id ?? 0;
    const seen = newestSeen.current ?? (firstSentId === null ? null : Math.min(firstSentId, newest));
    newestSeen.current = Math.max(seen ?? 0, newest);
    if (seen === null) return;
    const arrived = messages.filter((message) => message.id > seen && message.senderType !== 'visitor');
    if (arrived.length > 0) callback.current(arrived);
  }, [messages, loaded, firstSentId]);
}
