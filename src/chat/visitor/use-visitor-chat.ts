'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
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
import { createOutbox, localOutboxStorage, type Outbox, type OutboxEntry } from './outbox';
import { sendVisitorMessage, startVisitorSession, VisitorApiError, type SendInput, type SentMessage, type VisitorSession } from './visitor-api';
import { OUTBOX_KEY, readProfile, readStoredSession, writeProfile, writeStoredSession, type VisitorProfile } from './visitor-storage';

export type VisitorChat = {
  session: VisitorSession | null;
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

const SESSION_RETRY_MS = 3_000;

/** Whether the tab is visible (not minimised, not in the background). */
function usePageVisible(): boolean {
  const [visible, setVisible] = useState(true);
  useEffect(() => {
    const update = () => setVisible(document.visibilityState !== 'hidden');
    update();
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);
  return visible;
}

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

/**
 * Everything the visitor's chat needs, for the widget and the /chat page
 * alike: the session (started when `enabled`), the realtime connection, the
 * conversation's messages, the outbox, the owner's presence and typing, the
 * assistant's thinking/streaming state, unread counting and read receipts
 * (sent while `visible` — the chat is on screen — and the reader is at the bottom).
 */
export function useVisitorChat({ enabled, visible }: { enabled: boolean; visible: boolean }): VisitorChat {
  const { playSound } = useChatPreferences();
  const [session, setSession] = useState<VisitorSession | null>(null);
  const [conversationId, setConversationId] = useState<number | null>(null);
  const sessionRef = useRef<VisitorSession | null>(null);

  // ── Session ─────────────────────────────────────────────────────────────
  const renewSession = useCallback(async (): Promise<VisitorSession> => {
    const stored = readStoredSession();
    const started = await startVisitorSession(sessionRef.current?.sessionToken ?? stored?.token ?? null);
    sessionRef.current = started;
    writeStoredSession({ token: started.sessionToken, conversationId: started.conversationId });
    setSession(started);
    setConversationId(started.conversationId);
    return started;
  }, []);

  useEffect(() => {
    if (!enabled || session) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = () =>
      renewSession().catch(() => {
        // Offline at load: try again; messages written meanwhile wait in the outbox.
        if (!cancelled) timer = setTimeout(attempt, SESSION_RETRY_MS);
      });
    void attempt();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [enabled, session, renewSession]);

  // ── Realtime ────────────────────────────────────────────────────────────
  const token = session?.sessionToken ?? null;
  const realtimeConfig = useRealtimeConfig();
  const connectorConfig = useMemo<ConnectorConfig | null>(() => (token ? { ...realtimeConfig, sessionToken: token } : null), [realtimeConfig, token]);
  const connector = useRealtimeConnector(connectorConfig);
  const connection = useConnectionState(connector);
  const auth = useMemo(() => (token ? { sessionToken: token } : null), [token]);
  const client = useChatClient(connector, auth);
  const conversation = useConversation(client, conversationId);
  const channel = conversationId ? conversationChannel(conversationId) : null;

  // A refused handshake means the session expired: get a new one (and with it a new connection).
  useEffect(() => {
    if (connection === 'disconnected' && connector) void renewSession().catch(() => undefined);
  }, [connection, connector, renewSession]);

  const ai = useAiReply(connector, conversationId, conversation.messages);
  const lastOwnerMessageId = conversation.messages.findLast((message) => message.senderType === 'admin')?.id;
  const ownerTyping = useRemoteTyping(connector, channel, 'admin', lastOwnerMessageId);
  const typingSignal = useTypingSignal(connector, channel, 'visitor');
  const presence = useAdminsOnline(connector);

  // ── Outbox ──────────────────────────────────────────────────────────────
  const [outboxEntries, setOutboxEntries] = useState<readonly OutboxEntry[]>([]);
  const [sent, setSent] = useState<SentMessage[]>([]);
  const [rateLimited, setRateLimited] = useState(false);
  const outboxRef = useRef<Outbox | null>(null);
  const expectReply = useRef(ai.expectReply);
  useEffect(() => {
    expectReply.current = ai.expectReply;
  });

  useEffect(() => {
    const send = async (input: SendInput): Promise<SentMessage> => {
      const current = sessionRef.current;
      if (!current) throw new VisitorApiError('no session yet', 0, null, null);
      try {
        return await sendVisitorMessage(current.sessionToken, input);
      } catch (error) {
        if (!(error instanceof VisitorApiError) || error.status !== 401) throw error;
        // The session expired while the page was open: a new one, then the same message (same id).
        const renewed = await renewSession();
        return sendVisitorMessage(renewed.sessionToken, input);
      }
    };
    const outbox = createOutbox({
      storage: localOutboxStorage(OUTBOX_KEY),
      send,
      onRetryLater: (error) => setRateLimited(error.status === 429),
      onSent: (_entry, message) => {
        setRateLimited(false);
        setSent((previous) => [...previous, message]);
        setConversationId(message.conversationId);
        const current = sessionRef.current;
        if (current && current.conversationId !== message.conversationId) {
          sessionRef.current = { ...current, conversationId: message.conversationId };
          writeStoredSession({ token: current.sessionToken, conversationId: message.conversationId });
        }
        if (message.aiResponsePending) expectReply.current();
      },
      onChange: setOutboxEntries,
    });
    outboxRef.current = outbox;
    setOutboxEntries(outbox.entries());
    return () => {
      outbox.dispose();
      outboxRef.current = null;
    };
  }, [renewSession]);

  // Whatever waited goes out as soon as there is a session, and again after every reconnect.
  useEffect(() => {
    if (session && connection === 'connected') void outboxRef.current?.flush();
  }, [session, connection]);
  useEffect(() => {
    const online = () => void outboxRef.current?.flush();
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, []);

  // ── What is shown ───────────────────────────────────────────────────────
  const messages = useMemo(() => {
    const stored = conversation.messages;
    const storedIds = new Set(stored.map((message) => message.id));
    const answered = sent.filter((message) => message.conversationId === conversationId && !storedIds.has(message.id));
    const all: MessagePayload[] = answered.length > 0 ? [...stored, ...answered].sort((a, b) => a.id - b.id) : [...stored];
    // Stored already, but the answer was lost (the outbox will hear so on its retry): show it once.
    const storedClientIds = new Set(all.map((message) => message.clientMessageId));
    const waiting = outboxEntries.filter((entry) => !storedClientIds.has(entry.clientMessageId));
    return [...all.map(toDisplayMessage), ...waiting.map(outboxToDisplay)];
  }, [conversation.messages, sent, conversationId, outboxEntries]);

  const unreadIds = useMemo(
    () => conversation.messages.filter((message) => message.senderType !== 'visitor' && message.status !== 'read').map((message) => message.id),
    [conversation.messages],
  );
  const unread = unreadIds.length;
  useTitleCount(unread);

  // ── Read receipts, sound, presence hints ────────────────────────────────
  const pageVisible = usePageVisible();
  const [atBottom, setAtBottom] = useState(true);
  const marking = useRef(false);
  const markRead = conversation.markRead;
  useEffect(() => {
    if (!visible || !pageVisible || !atBottom || unread === 0 || marking.current) return;
    marking.current = true;
    markRead()
      .catch(() => undefined)
      .finally(() => {
        marking.current = false;
      });
  }, [visible, pageVisible, atBottom, unread, markRead]);

  const newestSeen = useRef<number | null>(null);
  const noteOwnerActivity = presence.noteActivity;
  useEffect(() => {
    if (!conversation.loaded) return;
    const newest = conversation.messages.at(-1)?.id ?? 0;
    if (newestSeen.current === null) {
      newestSeen.current = newest;
      return;
    }
    const arrived = conversation.messages.filter((message) => message.id > newestSeen.current! && message.senderType !== 'visitor');
    newestSeen.current = Math.max(newestSeen.current, newest);
    if (arrived.length === 0) return;
    playSound();
    if (arrived.some((message) => message.senderType === 'admin')) noteOwnerActivity();
  }, [conversation.loaded, conversation.messages, playSound, noteOwnerActivity]);

  useEffect(() => {
    if (ownerTyping) noteOwnerActivity();
  }, [ownerTyping, noteOwnerActivity]);

  // ── Profile ─────────────────────────────────────────────────────────────
  const [profile, setProfile] = useState<VisitorProfile>({ name: '', email: '', state: 'ask' });
  useEffect(() => {
    // localStorage exists only in the browser: read after mount so the server render matches.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setProfile(readProfile());
  }, []);
  const storeProfile = useCallback((next: VisitorProfile) => {
    writeProfile(next);
    setProfile(next);
  }, []);

  const send = useCallback(
    (text: string) => {
      typingSignal.stopped();
      const saved = profile.state === 'saved';
      outboxRef.current?.enqueue({
        content: text,
        ...(saved && profile.name ? { visitorName: profile.name } : {}),
        ...(saved && profile.email ? { visitorEmail: profile.email } : {}),
      });
    },
    [profile, typingSignal],
  );

  const idOfKey = (key: string) => (key.startsWith('c:') ? key.slice(2) : null);
  return {
    session,
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
    queued: outboxEntries.length,
    rateLimited,
    send,
    retry: (key) => {
      const id = idOfKey(key);
      if (id) outboxRef.current?.retry(id);
    },
    discard: (key) => {
      const id = idOfKey(key);
      if (id) outboxRef.current?.discard(id);
    },
    typing: typingSignal.typing,
    profile,
    saveProfile: ({ name, email }) => storeProfile({ name: name.trim(), email: email.trim(), state: 'saved' }),
    dismissProfile: () => storeProfile({ ...profile, state: 'dismissed' }),
    setAtBottom,
  };
}
