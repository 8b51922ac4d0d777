'use client';

import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { PusherConnectorOptions } from './pusher-connector';

/**
 * Which realtime driver the browser uses, as the server configured it
 * (REALTIME_DRIVER and the public PUSHER_* values; never the secret). The
 * root layout hands it down, so the same build serves either driver.
 */
export type PublicRealtimeConfig =
  | { driver: 'socket.io' }
  | ({ driver: 'pusher' } & Pick<PusherConnectorOptions, 'key' | 'cluster' | 'host' | 'port' | 'forceTLS'>);

const RealtimeConfigContext = createContext<PublicRealtimeConfig>({ driver: 'socket.io' });

export function RealtimeConfigProvider({ config, children }: { config: PublicRealtimeConfig; children: ReactNode }) {
  // A refreshed server render hands a new object with the same values: keep the old one, or every connector would reconnect.
  const serialized = JSON.stringify(config);
  const stable = useMemo(() => JSON.parse(serialized) as PublicRealtimeConfig, [serialized]);
  return <RealtimeConfigContext.Provider value={stable}>{children}</RealtimeConfigContext.Provider>;
}

export function useRealtimeConfig(): PublicRealtimeConfig {
  return useContext(RealtimeConfigContext);
}
