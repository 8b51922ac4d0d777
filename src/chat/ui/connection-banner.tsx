'use client';

import { useEffect, useRef, useState } from 'react';
import type { ConnectionState } from '@/realtime/client';
import { cx } from '@/ui/cx';
import type { Messages } from './i18n';

/** "Connecting…" only shows if connecting takes longer than this (no flash on every page load). */
const CONNECTING_GRACE_MS = 1_000;
const BACK_ONLINE_MS = 3_000;

type Shown = 'connecting' | 'reconnecting' | 'back-online' | null;

/**
 * The connection state for people, not sockets: nothing while all is well,
 * "Connecting…" when it takes a while, "Reconnecting…" after a drop (with how
 * many messages wait in the outbox), and a short "Back online" after it.
 */
export function ConnectionBanner({ state, t, queued = 0 }: { state: ConnectionState; t: Messages; queued?: number }) {
  const [shown, setShown] = useState<Shown>(null);
  const wasDown = useRef(false);

  useEffect(() => {
    if (state === 'connecting' && !wasDown.current) {
      const timer = setTimeout(() => setShown('connecting'), CONNECTING_GRACE_MS);
      return () => clearTimeout(timer);
    }
    if (state === 'reconnecting' || state === 'disconnected' || state === 'connecting') {
      wasDown.current = true;
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setShown('reconnecting');
      return;
    }
    if (!wasDown.current) {
      setShown(null);
      return;
    }
    wasDown.current = false;
    setShown('back-online');
    const timer = setTimeout(() => setShown(null), BACK_ONLINE_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const text =
    shown === 'connecting' ? t.connecting : shown === 'reconnecting' ? t.reconnecting : shown === 'back-online' ? t.backOnline : '';
  return (
    <div role="status" aria-live="polite" data-testid="connection-banner" data-state={shown ?? 'ok'}>
      {shown ? (
        <div
          className={cx(
            'px-4 py-1.5 text-center text-xs font-medium',
            shown === 'back-online'
              ? 'bg-emerald-50 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-200'
              : 'bg-amber-50 text-amber-900 dark:bg-amber-500/15 dark:text-amber-100',
          )}
        >
          {text}
          {shown === 'reconnecting' && queued > 0 ? <span className="block">{t.offlineQueued(queued)}</span> : null}
        </div>
      ) : null}
    </div>
  );
}
