'use client';

import { useCallback, useEffect, useState } from 'react';
import type { RealtimeConnector } from '@/realtime/client';

const POLL_MS = 20_000;

/**
 * Whether the owner (any admin) is online, for visitors, who may ask but not
 * join the presence channel: asked on every (re)connect, every 20 s while the
 * page is visible, and when it becomes visible. `noteActivity()` marks the
 * owner online at once (a reply or their typing proves it). Null = not known yet.
 */
export function useAdminsOnline(connector: RealtimeConnector | null): { online: boolean | null; noteActivity: () => void } {
  const [online, setOnline] = useState<boolean | null>(null);

  useEffect(() => {
    if (!connector) return;
    let active = true;
    const ask = () => {
      if (connector.state !== 'connected' || document.visibilityState === 'hidden') return;
      connector.adminsOnline().then(
        (answer) => active && setOnline(answer),
        () => undefined,
      );
    };
    ask();
    const stopListening = connector.onConnectionChange((state) => (state === 'connected' ? ask() : undefined));
    const timer = setInterval(ask, POLL_MS);
    document.addEventListener('visibilitychange', ask);
    return () => {
      active = false;
      stopListening();
      clearInterval(timer);
      document.removeEventListener('visibilitychange', ask);
    };
  }, [connector]);

  const noteActivity = useCallback(() => setOnline(true), []);
  return { online, noteActivity };
}
