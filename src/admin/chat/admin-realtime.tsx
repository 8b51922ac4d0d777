'use client';

import { createContext, useContext, useEffect, type ReactNode } from 'react';
import type { ChatClient } from '@/chat/client';
import { useChatClient, useConnectionState, useRealtimeConnector } from '@/chat/ui';
import { ADMIN_NOTIFICATIONS_CHANNEL, ADMIN_PRESENCE_CHANNEL } from '@/realtime/channels';
import type { ConnectionState, RealtimeConnector } from '@/realtime/client';
import { useRealtimeConfig } from '@/realtime/client/realtime-config';

/*
 * One realtime connection per open inbox, shared by every part of it. While
 * the inbox is open the admin is subscribed to the admin notifications and
 * joins the presence channel, which is what tells visitors the owner is
 * online. Channels are never unsubscribed by the parts (the connector caches
 * them by name, so one part leaving would cut the others off); closing the
 * inbox closes the connection.
 */

type AdminRealtime = { connector: RealtimeConnector; client: ChatClient; state: ConnectionState };

const AdminRealtimeContext = createContext<AdminRealtime | null>(null);

export function AdminRealtimeProvider({ children, fallback = null }: { children: ReactNode; fallback?: ReactNode }) {
  const connector = useRealtimeConnector(useRealtimeConfig());
  const client = useChatClient(connector, 'admin-cookie');
  const state = useConnectionState(connector);

  useEffect(() => {
    if (!connector) return;
    connector.subscribe(ADMIN_NOTIFICATIONS_CHANNEL);
    connector.subscribe(ADMIN_PRESENCE_CHANNEL);
  }, [connector]);

  if (!connector || !client) return fallback;
  return <AdminRealtimeContext.Provider value={{ connector, client, state }}>{children}</AdminRealtimeContext.Provider>;
}

export function useAdminRealtime(): AdminRealtime {
  const realtime = useContext(AdminRealtimeContext);
  if (!realtime) throw new Error('useAdminRealtime() needs an <AdminRealtimeProvider> above it');
  return realtime;
}

/** Calls `fn` each time the connection comes back after a drop: events sent meanwhile are lost, so state is read again. */
export function onReconnect(connector: RealtimeConnector, fn: () => void): () => void {
  let dropped = false;
  return connector.onConnectionChange((state) => {
    if (state !== 'connected') dropped = true;
    else if (dropped) {
      dropped = false;
      fn();
    }
  });
}
