'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { ADMIN_NOTIFICATIONS_CHANNEL } from '@/realtime/channels';
import { onReconnect, useAdminRealtime } from './admin-realtime';
import { fetchChatSettings, saveChatSettings } from './api';

type AutoReplyState = {
  enabled: boolean;
  saving: boolean;
  error: string | null;
  /** Who flipped it last from another tab or device, to say so beside the switch. */
  changedBy: string | null;
};

/**
 * The global AI auto-reply switch. Saving flips it at once (and back when
 * the server refuses); a change made in any other admin tab arrives as
 * `ai-settings-changed`, and after a reconnect the stored value is read again.
 */
export function useAiAutoReply(initialEnabled: boolean) {
  const { connector } = useAdminRealtime();
  const [state, setState] = useState<AutoReplyState>({ enabled: initialEnabled, saving: false, error: null, changedBy: null });
  const saving = useRef(false);

  useEffect(() => {
    const channel = connector.subscribe(ADMIN_NOTIFICATIONS_CHANNEL);
    const unbind = channel.bind('ai-settings-changed', ({ aiEnabled, changedBy }) => {
      if (saving.current) return;
      setState((current) => (current.enabled === aiEnabled ? current : { ...current, enabled: aiEnabled, changedBy, error: null }));
    });
    const stopWatching = onReconnect(connector, () => {
      void fetchChatSettings().then((result) => {
        if (result.success && !saving.current) setState((current) => ({ ...current, enabled: result.data.aiEnabled }));
      });
    });
    return () => {
      unbind();
      stopWatching();
    };
  }, [connector]);

  const setEnabled = useCallback(async (enabled: boolean) => {
    if (saving.current) return;
    saving.current = true;
    setState((current) => ({ ...current, enabled, saving: true, error: null, changedBy: null }));
    const result = await saveChatSettings({ aiEnabled: enabled });
    saving.current = false;
    setState((current) =>
      result.success
        ? { ...current, enabled: result.data.aiEnabled, saving: false }
        : { ...current, enabled: !enabled, saving: false, error: result.error },
    );
  }, []);

  return { ...state, setEnabled };
}
