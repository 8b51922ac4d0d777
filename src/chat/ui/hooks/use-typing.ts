'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { RealtimeConnector } from '@/realtime/client';
import { useChannelEvent } from './use-channel-event';

/** How often "still typing" is repeated while keys keep coming, and when silence means "stopped". */
const TYPING_REPEAT_MS = 2_500;
const TYPING_IDLE_MS = 3_000;
/** A remote "typing" without a later "stopped" (a lost event, a closed tab) expires after this. */
const REMOTE_TYPING_TTL_MS = 6_000;

/**
 * Tells the other side of a conversation that this side is typing: call
 * `typing()` on every input and `stopped()` when the message is sent. Sends
 * at most one "typing" per 2.5 s (the server relays at most 2 a second) and a
 * "stopped" after 3 s without input.
 */
export function useTypingSignal(connector: RealtimeConnector | null, channel: string | null, senderType: 'visitor' | 'admin') {
  const state = useRef({ typing: false, lastSentAt: 0, idleTimer: undefined as ReturnType<typeof setTimeout> | undefined });
  // The server relays only for members: until the channel is (re)subscribed, keystrokes are not worth an event.
  const subscribed = useRef(false);
  useEffect(() => {
    subscribed.current = false;
    if (!connector || !channel) return;
    let active = true;
    const watch = () =>
      connector.subscribe(channel).whenSubscribed.then(
        () => {
          if (active) subscribed.current = true;
        },
        () => undefined,
      );
    void watch();
    const stopWatching = connector.onConnectionChange((connection) => {
      subscribed.current = false;
      if (connection === 'connected') void watch();
    });
    return () => {
      active = false;
      stopWatching();
    };
  }, [connector, channel]);

  const send = useCallback(
    (isTyping: boolean) => {
      if (connector && channel && subscribed.current) connector.trigger(channel, 'client-typing', { isTyping, senderType });
    },
    [connector, channel, senderType],
  );

  const stopped = useCallback(() => {
    const current = state.current;
    clearTimeout(current.idleTimer);
    if (!current.typing) return;
    current.typing = false;
    send(false);
  }, [send]);

  const typing = useCallback(() => {
    const current = state.current;
    const now = Date.now();
    if (!current.typing || now - current.lastSentAt >= TYPING_REPEAT_MS) {
      current.typing = true;
      current.lastSentAt = now;
      send(true);
    }
    clearTimeout(current.idleTimer);
    current.idleTimer = setTimeout(stopped, TYPING_IDLE_MS);
  }, [send, stopped]);

  useEffect(() => stopped, [stopped]);
  return { typing, stopped };
}

/**
 * Whether the other side (`from`) is typing on `channel`, from its client-typing
 * events. A change of `sentKey` (e.g. the id of that side's newest message)
 * ends it at once: whoever was typing has just sent.
 */
export function useRemoteTyping(connector: RealtimeConnector | null, channel: string | null, from: 'visitor' | 'admin', sentKey?: unknown): boolean {
  const [typing, setTyping] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useChannelEvent(connector, channel, 'client-typing', (data) => {
    if (data.senderType !== from) return;
    clearTimeout(timer.current);
    // Pusher relays client events as sent (no server of ours in between): only a real `true` counts.
    const isTyping = data.isTyping === true;
    setTyping(isTyping);
    if (isTyping) timer.current = setTimeout(() => setTyping(false), REMOTE_TYPING_TTL_MS);
  });

  useEffect(() => () => clearTimeout(timer.current), []);
  // A new channel starts with nobody typing; a new message from that side ends its typing.
  const [seen, setSeen] = useState({ channel, sentKey });
  if (seen.channel !== channel || seen.sentKey !== sentKey) {
    setSeen({ channel, sentKey });
    setTyping(false);
  }
  return typing;
}
