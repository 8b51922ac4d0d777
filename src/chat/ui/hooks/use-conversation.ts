'use client';

import { useCallback, useEffect, useState } from 'react';
import type { ChatClient } from '@/chat/client';
import type { MessagePayload } from '@/realtime/channels';

export type ConversationState = {
  messages: readonly MessagePayload[];
  /** True once the first page arrived (the list may be legitimately empty). */
  loaded: boolean;
  hasOlder: boolean;
  loadingOlder: boolean;
  error: Error | null;
  loadOlder: () => Promise<void>;
  markRead: () => Promise<void>;
};

const EMPTY: readonly MessagePayload[] = [];

/** Opens a conversation in the chat client (live events + history) for as long as the component shows it. */
export function useConversation(client: ChatClient | null, conversationId: string | null): ConversationState {
  const [snapshot, setSnapshot] = useState<{ key: string; messages: readonly MessagePayload[]; hasOlder: boolean; loaded: boolean }>({
    key: '',
    messages: EMPTY,
    hasOlder: false,
    loaded: false,
  });
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const key = client && conversationId ? conversationId : '';

  useEffect(() => {
    if (!client || !conversationId) return;
    let active = true;
    const show = (loaded: boolean) =>
      setSnapshot((previous) => ({
        key: conversationId,
        messages: client.messages(conversationId),
        hasOlder: client.hasOlder(conversationId),
        loaded: loaded || (previous.key === conversationId && previous.loaded),
      }));
    const stop = client.onMessages((id) => {
      if (id === conversationId && active) show(false);
    });
    client.open(conversationId).then(
      () => {
        if (!active) return;
        setError(null);
        show(true);
      },
      (failure: unknown) => {
        if (active) setError(failure instanceof Error ? failure : new Error(String(failure)));
      },
    );
    return () => {
      active = false;
      stop();
      client.close(conversationId);
    };
  }, [client, conversationId]);

  const loadOlder = useCallback(async () => {
    if (!client || !conversationId) return;
    setLoadingOlder(true);
    try {
      await client.loadOlder(conversationId);
      setSnapshot((previous) => ({ ...previous, messages: client.messages(conversationId), hasOlder: client.hasOlder(conversationId) }));
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
    } finally {
      setLoadingOlder(false);
    }
  }, [client, conversationId]);

  const markRead = useCallback(async () => {
    if (client && conversationId) await client.markRead(conversationId);
  }, [client, conversationId]);

  const current = snapshot.key === key;
  return {
    messages: current ? snapshot.messages : EMPTY,
    loaded: current && snapshot.loaded,
    hasOlder: current && snapshot.hasOlder,
    loadingOlder,
    error,
    loadOlder,
    markRead,
  };
}
