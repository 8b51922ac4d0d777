'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import { uploadChatImage } from '@/chat/client/upload';
import { ApiError } from '@/http/client/api-client';
import { toDisplayMessage, type DisplayMessage } from '@/chat/ui/display-message';
import { useAdminsOnline } from '@/chat/ui/hooks/use-admins-online';
import { useAiReply, type AiReplyState } from '@/chat/ui/hooks/use-ai-reply';
import { useConversation } from '@/chat/ui/hooks/use-conversation';
import { useChatClient, useConnectionState, useRealtimeConnector } from '@/chat/ui/hooks/use-realtime';
import { useTitleCount } from '@/chat/ui/hooks/use-title-count';
import { useRemoteTyping, useTypingSignal } from '@/chat/ui/hooks/use-typing';
import { useChatPreferences } from '@/chat/ui/preferences';
import { conversationChannel, type MessagePayload } from '@/realtime/channels';
import type { ConnectionState, ConnectorConfig } from '@/realtime/client';
import { useRealtimeConfig } from '@/realtime/client/realtime-config';
import type { OutboxEntry } from './outbox';
import { useRatingRequest, type RatingRequest } from './use-rating-request';
import { useReadReceipts } from './use-read-receipts';
import { useReplyArrivals } from './use-reply-arrivals';
import { useVisitorOutbox } from './use-visitor-outbox';
import { useVisitorProfile } from './use-visitor-profile';
import { renewUntilDone, useVisitorSession } from './use-visitor-session';
import { sendVisitorMessage, type SentMessage, type VisitorSession } from './visitor-api';
import type { VisitorProfile } from './visitor-storage';

export type VisitorChat = {
  session: VisitorSession | null;
  /** The visitor's open conversation, once there is one (the session's, or the one its first message started). */
  conversationId: string | null;
  connection: ConnectionState;
  /** Stored messages, then the ones still in the outbox. */
  messages: DisplayMessage[];
  loaded: boolean;
  hasOlder: boolean;
  loadingOlder: boolean;
  loadOlder: () => Promise<void>;
  ownerOnline: boolean | null;
  ownerTyping: boolean;
  ai: Pick<AiReplyState, 'thinking' | 'stream'>;
  /** The owner's and assistant's messages the visitor has not seen yet. */
  unread: number;
  queued: number;
  /** Uploads an image and sends it as a message of its own. */
  sendImage: (file: File) => void;
  /** Why the last image could not be sent (null once one goes through). */
  imageError: string | null;
  /** "How was this conversation?" after the owner resolved it. */
  rating: RatingRequest;
  /** This browser lost its conversation (signed out from another device, or its session expired). */
  signedOut: boolean;
  /** The server asked to slow down: queued messages go out once it allows. */
  rateLimited: boolean;
  send: (text: string) => void;
  retry: (key: string) => void;
  discard: (key: string) => void;
  /** Call on every keystroke (tells the owner the visitor is typing). */
  typing: () => void;
  profile: VisitorProfile;
  saveProfile: (profile: { name: string; email: string }) => void;
  dismissProfile: () => void;
  /** Whether the reader sees the newest message (the list reports it); read receipts go only then. */
  setAtBottom: (atBottom: boolean) => void;
};

function outboxToDisplay(entry: OutboxEntry): DisplayMessage {
  return {
    key: `c:${entry.clientMessageId}`,
    id: null,
    content: entry.content,
    senderType: 'visitor',
    createdAt: entry.createdAt,
    status: entry.state === 'failed' ? 'failed' : 'pending',
    metadata: null,
  };
}

/** Stored messages, this page's acknowledged sends the client has not fetched yet, then the outbox — each message once. */
function displayedMessages(stored: readonly MessagePayload[], sent: readonly SentMessage[], conversationId: string | null, waiting: readonly OutboxEntry[]): DisplayMessage[] {
  const storedIds = new Set(stored.map((message) => message.id));
  const answered = sent.filter((message) => message.conversationId === conversationId && !storedIds.has(message.id));
  const all: MessagePayload[] = answered.length > 0 ? [...stored, ...answered].sort((a, b) => a.id - b.id) : [...stored];
  // Stored already, but the answer was lost (the outbox hears so on its retry): shown once.
  const storedClientIds = new Set(all.map((message) => message.clientMessageId));
  const unsent = waiting.filter((entry) => !storedClientIds.has(entry.clientMessageId));
  return [...all.map(toDisplayMessage), ...unsent.map(outboxToDisplay)];
}

/** An outbox entry's id from a displayed message's key (`c:<clientMessageId>`). */
const clientIdOfKey = (key: string) => (key.startsWith('c:') ? key.slice(2) : null);

/**
 * Everything the visitor's chat needs, for the widget and the /chat page
 * alike: the session (started when `enabled`), the realtime connection, the
 * conversation's messages, the outbox, the owner's presence and typing, the
 * assistant's thinking/streaming state, unread counting and read receipts
 * (sent while `visible` — the chat is on screen — and the reader is at the bottom).
 */
export function useVisitorChat({ enabled, visible }: { enabled: boolean; visible: boolean }): VisitorChat {
  const { playSound, locale, t } = useChatPreferences();
  const visitorSession = useVisitorSession(enabled, locale);
  const { session, conversationId } = visitorSession;

  const token = session?.sessionToken ?? null;
  const realtimeConfig = useRealtimeConfig();
  const connectorConfig = useMemo<ConnectorConfig | null>(() => (token ? { ...realtimeConfig, sessionToken: token } : null), [realtimeConfig, token]);
  const connector = useRealtimeConnector(connectorConfig);
  const connection = useConnectionState(connector);
  const auth = useMemo(() => (token ? { sessionToken: token } : null), [token]);
  const client = useChatClient(connector, auth);
  const conversation = useConversation(client, conversationId);
  const channel = conversationId ? conversationChannel(conversationId) : null;

  const ai = useAiReply(connector, conversationId, conversation.messages);
  const lastOwnerMessageId = conversation.messages.findLast((message) => message.senderType === 'admin')?.id;
  const ownerTyping = useRemoteTyping(connector, channel, 'admin', lastOwnerMessageId);
  const typingSignal = useTypingSignal(connector, channel, 'visitor');
  const presence = useAdminsOnline(connector);
  const noteOwnerActivity = presence.noteActivity;
  const { profile, save: saveProfile, dismiss: dismissProfile } = useVisitorProfile();
  const rating = useRatingRequest(connector, session, conversationId);
  const [imageError, setImageError] = useState<string | null>(null);
  const { joinConversation } = visitorSession;
  const sendImage = useCallback(
    (file: File) => {
      const current = visitorSession.current();
      if (!current) return;
      setImageError(null);
      uploadChatImage(file, { sessionToken: current.sessionToken })
        .then((upload) => {
          // The upload opened the conversation when this is the visitor's first message.
          joinConversation(upload.conversationId);
          return sendVisitorMessage(current.sessionToken, { content: '', clientMessageId: crypto.randomUUID(), uploadId: upload.id }, connector);
        })
        .then((message) => {
          if (message.aiResponsePending) ai.expectReply(message.id);
        })
        .catch((error: unknown) => setImageError(error instanceof ApiError ? error.error : t.imageFailed));
    },
    [visitorSession, joinConversation, connector, ai, t],
  );

  const outbox = useVisitorOutbox(visitorSession, {
    ready: session !== null && connection === 'connected',
    connector,
    onSent: (message) => {
      if (message.aiResponsePending) ai.expectReply(message.id);
    },
  });

  // A refused handshake or a server-closed connection means the session ended: a new one (and with it a new
  // connection), tried again until it works, since nothing else would ever reconnect this chat.
  const { renew } = visitorSession;
  useEffect(() => {
    if (connection !== 'disconnected' || !connector) return;
    return renewUntilDone(renew);
  }, [connection, connector, renew]);

  const messages = useMemo(
    () => displayedMessages(conversation.messages, outbox.sent, conversationId, outbox.entries),
    [conversation.messages, outbox.sent, conversationId, outbox.entries],
  );
  const unread = useMemo(
    () => conversation.messages.filter((message) => message.senderType !== 'visitor' && message.status !== 'read').length,
    [conversation.messages],
  );
  useTitleCount(unread);

  const [atBottom, setAtBottom] = useState(true);
  useReadReceipts({ shown: visible, atBottom, unread, markRead: conversation.markRead });
  const firstSentId = outbox.sent.find((message) => message.conversationId === conversationId)?.id ?? null;
  useReplyArrivals(conversation.messages, conversation.loaded, firstSentId, (arrived) => {
    playSound();
    if (arrived.some((message) => message.senderType === 'admin')) noteOwnerActivity();
  });
  useEffect(() => {
    if (ownerTyping) noteOwnerActivity();
  }, [ownerTyping, noteOwnerActivity]);

  return {
    session,
    conversationId,
    connection,
    messages,
    loaded: conversationId === null ? session !== null : conversation.loaded,
    hasOlder: conversation.hasOlder,
    loadingOlder: conversation.loadingOlder,
    loadOlder: conversation.loadOlder,
    ownerOnline: presence.online,
    ownerTyping,
    ai: { thinking: ai.thinking, stream: ai.stream },
    unread,
    queued: outbox.entries.length,
    signedOut: visitorSession.signedOut,
    sendImage,
    imageError,
    rating,
    rateLimited: outbox.rateLimited,
    send: (text) => {
      typingSignal.stopped();
      const saved = profile.state === 'saved';
      outbox.enqueue({
        content: text,
        ...(saved && profile.name ? { visitorName: profile.name } : {}),
        ...(saved && profile.email ? { visitorEmail: profile.email } : {}),
      });
    },
    retry: (key) => {
      const id = clientIdOfKey(key);
      if (id) outbox.retry(id);
    },
    discard: (key) => {
      const id = clientIdOfKey(key);
      if (id) outbox.discard(id);
    },
    typing: typingSignal.typing,
    profile,
    saveProfile,
    dismissProfile,
    setAtBottom,
  };
}
