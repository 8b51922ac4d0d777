'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useAiReply, useChannelEvent, useConversation, useRemoteTyping, useTypingSignal } from '@/chat/ui';
import { ADMIN_NOTIFICATIONS_CHANNEL, conversationChannel } from '@/realtime/channels';
import { onReconnect, useAdminRealtime } from './admin-realtime';
import { uploadChatImage } from '@/chat/client/upload';
import { resultOf } from '@/http/client/api-client';
import { fetchConversationDetails, sendAdminMessage } from './api';
import type { InboxEvent } from './inbox-list';
import type { ConversationDetails } from './types';

/** A reply on its way (or refused), shown until the stored message arrives. */
/** `uploadId`: the image the reply carries (uploaded already, so a retry sends the same one). */
export type PendingReply = { clientMessageId: string; content: string; uploadId?: string; createdAt: string; failed: string | null };

const newClientMessageId = () => `admin-${crypto.randomUUID()}`;

/**
 * Everything the conversation panel shows and does for one conversation: its
 * details (kept current by `conversation-updated`, read again after a
 * reconnect), its messages through the shared chat client (gap-filled on every
 * reconnect), the visitor's typing and the AI's thinking and streaming, the
 * owner's replies with retry, and the owner's typing sent to the visitor.
 */
export function useOpenConversation(conversationId: string, onInboxEvent: (event: InboxEvent) => void) {
  const { connector, client } = useAdminRealtime();
  const channel = conversationChannel(conversationId);
  const conversation = useConversation(client, conversationId);
  const { messages } = conversation;
  const ai = useAiReply(connector, conversationId, messages);
  const visitorTyping = useRemoteTyping(connector, channel, 'visitor');
  const typingSignal = useTypingSignal(connector, channel, 'admin');
  const [details, setDetails] = useState<ConversationDetails | null>(null);
  const [detailsError, setDetailsError] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingReply[]>([]);
  const inboxEvent = useRef(onInboxEvent);
  useEffect(() => {
    inboxEvent.current = onInboxEvent;
  });

  useEffect(() => {
    let current = true;
    const load = () =>
      fetchConversationDetails(conversationId).then((result) => {
        if (!current) return;
        if (result.success) {
          setDetails(result.data);
          setDetailsError(null);
        } else setDetailsError(result.error);
      });
    void load();
    const stopWatching = onReconnect(connector, () => void load());
    return () => {
      current = false;
      stopWatching();
    };
  }, [connector, conversationId]);

  // The admins' copy, not the conversation channel's: only it carries the mood.
  useChannelEvent(connector, ADMIN_NOTIFICATIONS_CHANNEL, 'conversation-updated', (update) => {
    if (update.id === conversationId) setDetails((known) => (known ? { ...known, ...update } : known));
  });

  // The owner's and the AI's replies become the list's preview.
  const latest = messages.at(-1);
  useEffect(() => {
    if (latest && latest.senderType !== 'visitor') inboxEvent.current({ type: 'message', message: latest });
  }, [latest]);
  // A stored reply replaces its pending copy (the stored one may arrive before the send's answer).
  const unsent = pending.filter((reply) => !messages.some((message) => message.clientMessageId === reply.clientMessageId));

  const deliver = useCallback(
    async (reply: PendingReply) => {
      setPending((replies) => [...replies.filter((known) => known.clientMessageId !== reply.clientMessageId), { ...reply, failed: null }]);
      const result = await sendAdminMessage(connector, { conversationId, content: reply.content, clientMessageId: reply.clientMessageId, uploadId: reply.uploadId });
      if (!result.success) {
        setPending((replies) => replies.map((known) => (known.clientMessageId === reply.clientMessageId ? { ...known, failed: result.error } : known)));
        return;
      }
      // The event usually arrives first; fetching covers a connection that is down.
      void client.sync(conversationId).catch(() => undefined);
    },
    [client, connector, conversationId],
  );

  const send = useCallback(
    (content: string) => {
      typingSignal.stopped();
      void deliver({ clientMessageId: newClientMessageId(), content, createdAt: new Date().toISOString(), failed: null });
    },
    [deliver, typingSignal],
  );

  const [imageError, setImageError] = useState<string | null>(null);
  const sendImage = useCallback(
    (file: File) => {
      setImageError(null);
      void resultOf(uploadChatImage(file, { conversationId })).then((result) => {
        if (!result.success) {
          setImageError(result.error);
          return;
        }
        void deliver({ clientMessageId: newClientMessageId(), content: '', uploadId: result.data.id, createdAt: new Date().toISOString(), failed: null });
      });
    },
    [conversationId, deliver],
  );

  const discard = useCallback((clientMessageId: string) => setPending((replies) => replies.filter((reply) => reply.clientMessageId !== clientMessageId)), []);

  /**
   * Read receipts: the visitor's messages count as read once the newest is on
   * a visible screen (the list reports whether its bottom is in view).
   */
  const [atBottom, setAtBottom] = useState(true);
  const lastUnreadId = messages.findLast((message) => message.senderType === 'visitor' && message.status !== 'read')?.id;
  useEffect(() => {
    if (!atBottom || lastUnreadId === undefined) return;
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
  }, [atBottom, lastUnreadId, client, conversationId]);

  return {
    details,
    detailsError,
    setDetails,
    ...conversation,
    pending: unsent,
    retry: deliver,
    discard,
    visitorTyping,
    ai,
    send,
    sendImage,
    imageError,
    noteTyping: typingSignal.typing,
    setAtBottom,
  };
}
