'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '@/http/client/api-client';
import type { RealtimeConnector } from '@/realtime/client';
import { STORAGE_KEYS } from '@/shared/names';
import { createOutbox, localOutboxStorage, type Outbox, type OutboxEntry } from './outbox';
import type { VisitorSessionState } from './use-visitor-session';
import { sendVisitorMessage, type SendInput, type SentMessage } from './visitor-api';

export type VisitorOutbox = {
  /** Messages not yet acknowledged by the server, oldest first. */
  entries: readonly OutboxEntry[];
  /** The server's answers to this page's sends (shown until the chat client has them too). */
  sent: readonly SentMessage[];
  rateLimited: boolean;
  enqueue: (input: Omit<SendInput, 'clientMessageId'>) => void;
  retry: (clientMessageId: string) => void;
  discard: (clientMessageId: string) => void;
};

/**
 * The persisted outbox (outbox.ts) wired to the visitor's session: sends
 * with the current token, over the session's socket while it is connected
 * and over HTTP otherwise (renewing an expired session once, same message id),
 * and flushes as soon as there is a session, after every reconnect and when
 * the browser comes back online.
 */
export function useVisitorOutbox(
  visitorSession: Pick<VisitorSessionState, 'current' | 'renew' | 'joinConversation'>,
  /**
   * `ready`: there is a session and a live connection, so waiting messages may go now.
   * `connector`: the connection opened with the current session's token, to send over.
   */
  options: { ready: boolean; connector: RealtimeConnector | null; onSent: (message: SentMessage) => void },
): VisitorOutbox {
  const { current, renew, joinConversation } = visitorSession;
  const [entries, setEntries] = useState<readonly OutboxEntry[]>([]);
  const [sent, setSent] = useState<SentMessage[]>([]);
  const [rateLimited, setRateLimited] = useState(false);
  const outbox = useRef<Outbox | null>(null);
  const onSent = useRef(options.onSent);
  // Read at each send, so a new connection (a renewed session's) never rebuilds the outbox.
  const connector = useRef(options.connector);
  useEffect(() => {
    onSent.current = options.onSent;
    connector.current = options.connector;
  });

  useEffect(() => {
    const send = async (input: SendInput): Promise<SentMessage> => {
      const session = current();
      if (!session) throw new ApiError({ error: 'no session yet', status: 0 });
      try {
        return await sendVisitorMessage(session.sessionToken, input, connector.current);
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 401) throw error;
        // The session expired while the page was open: a new one, then the same message (same id),
        // over HTTP, since the socket still speaks for the expired session.
        return sendVisitorMessage((await renew()).sessionToken, input);
      }
    };
    const created = createOutbox({
      storage: localOutboxStorage(STORAGE_KEYS.chatOutbox),
      send,
      onRetryLater: (error) => setRateLimited(error.status === 429),
      onSent: (_entry, message) => {
        setRateLimited(false);
        setSent((previous) => [...previous, message]);
        joinConversation(message.conversationId);
        onSent.current(message);
      },
      onChange: setEntries,
    });
    outbox.current = created;
    setEntries(created.entries());
    return () => {
      created.dispose();
      outbox.current = null;
    };
  }, [current, renew, joinConversation]);

  const { ready } = options;
  useEffect(() => {
    if (ready) void outbox.current?.flush();
  }, [ready]);
  useEffect(() => {
    const online = () => void outbox.current?.flush();
    // Another tab of this visitor queued, sent or dropped a message (null key: storage was cleared).
    const otherTab = (event: StorageEvent) => {
      if (event.key === STORAGE_KEYS.chatOutbox || event.key === null) outbox.current?.reload();
    };
    window.addEventListener('online', online);
    window.addEventListener('storage', otherTab);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('storage', otherTab);
    };
  }, []);

  return {
    entries,
    sent,
    rateLimited,
    enqueue: useCallback((input) => void outbox.current?.enqueue(input), []),
    retry: useCallback((id) => outbox.current?.retry(id), []),
    discard: useCallback((id) => outbox.current?.discard(id), []),
  };
}
