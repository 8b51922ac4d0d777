'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { conversationChannel, type ConversationPayload, type MessagePayload } from '@/realtime/channels';
import { onReconnect, useAdminRealtime } from './admin-realtime';
import { fetchConversationDetails, sendAdminMessage } from './api';
import type { InboxEvent } from './inbox-list';
import type { ConversationDetails } from './types';

/** A reply on its way (or refused), shown until the stored message arrives. */
export type PendingReply = { clientMessageId: string; content: string; createdAt: string; failed: string | null };

export type StreamingReply = { tempId: string; text: string };

/** A typing indicator lasts this long unless renewed (the sender may have closed the tab mid-word). */
const TYPING_TIMEOUT_MS = 6000;
/** The server relays at most two client events a second; one "typing" every 2 s is plenty. */
const TYPING_RENEW_MS = 2000;
const TYPING_IDLE_MS = 3000;

const newClientMessageId = () => `admin-${crypto.randomUUID()}`;

/**
 * Everything the conversation panel shows and does for one conversation:
 * its details, its messages through the shared chat client (gap-filled on
 * every reconnect), the visitor's and the AI's typing, the AI's reply as it
 * streams, the owner's replies with retry, the owner's own typing sent to
 * the visitor, and read receipts while the tab is visible.
 */
export function useOpenConversation(conversationId: number, onInboxEvent: (event: InboxEvent) => void) {
  const { connector, client } = useAdminRealtime();
  const [details, setDetails] = useState<ConversationDetails | null>(null);
  const [detailsError, setDetailsError] = useState<string | null>(null);
  const [messages, setMessages] = useState<readonly MessagePayload[]>([]);
  const [loading, setLoading] = useState(true);
  const [hasOlder, setHasOlder] = useState(false);
  const [pending, setPending] = useState<PendingReply[]>([]);
  const [visitorTyping, setVisitorTyping] = useState(false);
  const [aiTyping, setAiTyping] = useState(false);
  const [streaming, setStreaming] = useState<StreamingReply | null>(null);
  const inboxEvent = useRef(onInboxEvent);
  useEffect(() => {
    inboxEvent.current = onInboxEvent;
  });

  const loadDetails = useCallback(async () => {
    const result = await fetchConversationDetails(conversationId);
    if (result.success) {
      setDetails(result.data);
      setDetailsError(null);
    } else setDetailsError(result.error);
  }, [conversationId]);

  useEffect(() => {
    let current = true;
    setDetails(null);
    setMessages([]);
    setPending([]);
    setLoading(true);
    setVisitorTyping(false);
    setAiTyping(false);
    setStreaming(null);
    void loadDetails();

    const stopMessages = client.onMessages((id, list) => {
      if (id !== conversationId) return;
      setMessages(list);
      setHasOlder(client.hasOlder(id));
      // The stored reply replaces its pending copy and the streaming bubble.
      setPending((replies) => replies.filter((reply) => !list.some((message) => message.clientMessageId === reply.clientMessageId)));
      setStreaming((stream) => (stream && list.some((message) => message.metadata?.streamId === stream.tempId) ? null : stream));
      const latest = list.at(-1);
      if (latest && latest.senderType !== 'visitor') inboxEvent.current({ type: 'message', message: latest });
    });
    client
      .open(conversationId)
      .catch(() => undefined)
      .finally(() => {
        if (!current) return;
        setMessages(client.messages(conversationId));
        setHasOlder(client.hasOlder(conversationId));
        setLoading(false);
      });

    const channel = connector.subscribe(conversationChannel(conversationId));
    let typingTimer: number | undefined;
    const unbind = [
      channel.bind('client-typing', ({ isTyping, senderType }) => {
        if (senderType !== 'visitor') return;
        window.clearTimeout(typingTimer);
        setVisitorTyping(isTyping);
        if (isTyping) typingTimer = window.setTimeout(() => setVisitorTyping(false), TYPING_TIMEOUT_MS);
      }),
      channel.bind('ai-typing', ({ isTyping }) => {
        setAiTyping(isTyping);
        if (!isTyping) setStreaming(null);
      }),
      channel.bind('ai-stream', ({ tempId, text }) => setStreaming({ tempId, text })),
      channel.bind('new-message', (message) => {
        if (message.senderType === 'visitor') setVisitorTyping(false);
      }),
      channel.bind('conversation-updated', (conversation: ConversationPayload) =>
        setDetails((known) => (known ? { ...known, ...conversation } : known)),
      ),
    ];
    const stopWatching = onReconnect(connector, () => void loadDetails());

    return () => {
      current = false;
      window.clearTimeout(typingTimer);
      for (const stop of unbind) stop();
      stopWatching();
      stopMessages();
      client.close(conversationId);
    };
  }, [conversationId, client, connector, loadDetails]);

  // Read receipts: whatever the visitor wrote counts as read once it is on a visible screen.
  const lastUnreadId = messages.findLast((message) => message.senderType === 'visitor' && message.status !== 'read')?.id;
  useEffect(() => {
    if (lastUnreadId === undefined) return;
    const markRead = () => {
      if (document.hidden) return;
      client.markRead(conversationId, lastUnreadId).then(
        () => inboxEvent.current({ type: 'read', conversationId }),
        () => undefined,
      );
    };
    markRead();
    document.addEventListener('visibilitychange', markRead);
    return () => document.removeEventListener('visibilitychange', markRead);
  }, [lastUnreadId, client, conversationId]);

  const typing = useRef({ sentAt: 0, idleTimer: 0 });
  const sendTyping = useCallback(
    (isTyping: boolean) => connector.trigger(conversationChannel(conversationId), 'client-typing', { isTyping, senderType: 'admin' }),
    [connector, conversationId],
  );
  /** Called on every keystroke: "typing" at most every 2 s, "stopped" after 3 s without one. */
  const noteTyping = useCallback(() => {
    const now = Date.now();
    if (now - typing.current.sentAt > TYPING_RENEW_MS) {
      typing.current.sentAt = now;
      sendTyping(true);
    }
    window.clearTimeout(typing.current.idleTimer);
    typing.current.idleTimer = window.setTimeout(() => {
      typing.current.sentAt = 0;
      sendTyping(false);
    }, TYPING_IDLE_MS);
  }, [sendTyping]);
  const stopTyping = useCallback(() => {
    window.clearTimeout(typing.current.idleTimer);
    if (typing.current.sentAt === 0) return;
    typing.current.sentAt = 0;
    sendTyping(false);
  }, [sendTyping]);
  useEffect(() => stopTyping, [stopTyping]);

  const deliver = useCallback(
    async (reply: PendingReply) => {
      setPending((replies) => [...replies.filter((known) => known.clientMessageId !== reply.clientMessageId), { ...reply, failed: null }]);
      const result = await sendAdminMessage({ conversationId, content: reply.content, clientMessageId: reply.clientMessageId });
      if (!result.success) {
        setPending((replies) => replies.map((known) => (known.clientMessageId === reply.clientMessageId ? { ...known, failed: result.error } : known)));
        return;
      }
      // The event usually arrives first; fetching covers a connection that is down.
      void client.sync(conversationId).catch(() => undefined);
    },
    [client, conversationId],
  );

  const send = useCallback(
    (content: string) => {
      stopTyping();
      void deliver({ clientMessageId: newClientMessageId(), content, createdAt: new Date().toISOString(), failed: null });
    },
    [deliver, stopTyping],
  );

  const loadOlder = useCallback(() => client.loadOlder(conversationId), [client, conversationId]);

  return {
    details,
    detailsError,
    setDetails,
    messages,
    loading,
    hasOlder,
    loadOlder,
    pending,
    retry: deliver,
    visitorTyping,
    aiTyping,
    streaming,
    send,
    noteTyping,
  };
}
