'use client';

import { useEffect, useRef } from 'react';
import type { ChannelEventData, ChannelEventName, RealtimeConnector } from '@/realtime/client';

/**
 * Calls `handler` for every `event` on `channel` while mounted. The handler
 * may change on every render; the binding stays. The channel must already be
 * subscribed by someone (the chat client subscribes conversation channels).
 */
export function useChannelEvent<E extends ChannelEventName>(
  connector: RealtimeConnector | null,
  channel: string | null,
  event: E,
  handler: (data: ChannelEventData<E>) => void,
): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!connector || !channel) return;
    return connector.subscribe(channel).bind(event, (data) => latest.current(data));
  }, [connector, channel, event]);
}
