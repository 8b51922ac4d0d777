'use client';

import { useEffect, useState } from 'react';
import { createChatClient, type ChatClient, type ChatClientAuth } from '@/chat/client';
import { createConnector, type ConnectionState, type ConnectorConfig, type RealtimeConnector } from '@/realtime/client';

/**
 * The realtime connector for `config`, created in the browser after mount and
 * disconnected on unmount or when `config` changes (pass a memoised object;
 * null means "not yet": no connection is opened). It stays null while the
 * driver's client library loads, which reads as 'connecting'.
 */
export function useRealtimeConnector(config: ConnectorConfig | null): RealtimeConnector | null {
  const [connector, setConnector] = useState<RealtimeConnector | null>(null);
  useEffect(() => {
    if (!config) return;
    let created: RealtimeConnector | undefined;
    let cancelled = false;
    createConnector(config).then(
      (connector) => {
        // Unmounted (or reconfigured) while the library loaded: this connection is nobody's.
        if (cancelled) return connector.disconnect();
        created = connector;
        setConnector(connector);
      },
      (error: unknown) => console.error('realtime: the connector could not be loaded', error),
    );
    return () => {
      cancelled = true;
      created?.disconnect();
      setConnector(null);
    };
  }, [config]);
  return connector;
}

/** The connector's connection state, re-rendering on every change. */
export function useConnectionState(connector: RealtimeConnector | null): ConnectionState {
  const [state, setState] = useState<ConnectionState>(connector?.state ?? 'connecting');
  useEffect(() => {
    if (!connector) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setState(connector.state);
    return connector.onConnectionChange(setState);
  }, [connector]);
  return connector ? state : 'connecting';
}

/** A chat client over `connector`, disposed when either input changes (memoise `auth`). */
export function useChatClient(connector: RealtimeConnector | null, auth: ChatClientAuth | null): ChatClient | null {
  const [client, setClient] = useState<ChatClient | null>(null);
  useEffect(() => {
    if (!connector || !auth) return;
    const created = createChatClient({ connector, auth });
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setClient(created);
    return () => {
      created.dispose();
      setClient(null);
    };
  }, [connector, auth]);
  return client;
}
