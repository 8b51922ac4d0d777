'use client';

import { useCallback, useEffect, useState } from 'react';
import type { ConversationDevice } from '@/chat/devices';
import { Button } from '@/ui/button';
import { fetchConversationDevices, signOutConversationDevice } from '../api';
import { fullDateTime } from '../format';

/** The browsers the visitor has this conversation open in ("continue on another device"), each of which the owner can sign out. */
export function ConversationDevices({ conversationId }: { conversationId: string }) {
  const [devices, setDevices] = useState<ConversationDevice[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    void fetchConversationDevices(conversationId).then((result) => {
      if (result.success) setDevices(result.data.devices);
      else setError(result.error);
    });
  }, [conversationId]);

  useEffect(load, [load]);

  const signOut = async (device: ConversationDevice) => {
    setError(null);
    const result = await signOutConversationDevice(conversationId, device.id);
    if (result.success) setDevices((list) => list?.filter((entry) => entry.id !== device.id) ?? null);
    else setError(result.error);
  };

  return (
    <section aria-labelledby="visitor-devices-title" className="space-y-2" data-testid="visitor-devices">
      <h3 id="visitor-devices-title" className="text-xs font-medium uppercase tracking-wide text-slate-500">
        Devices
      </h3>
      {devices === null ? null : devices.length === 0 ? (
        <p className="text-sm text-slate-500">No browser is signed in to this conversation.</p>
      ) : (
        <ul className="space-y-2">
          {devices.map((device) => (
            <li key={device.id} className="flex items-center gap-2" data-testid="visitor-device">
              <div className="min-w-0 flex-1 text-sm text-slate-800">
                <div className="truncate">{device.browser}</div>
                <div className="text-xs text-slate-500">
                  Last seen <time dateTime={device.lastSeenAt}>{fullDateTime(device.lastSeenAt)}</time>
                </div>
              </div>
              <Button size="sm" variant="danger" onClick={() => void signOut(device)} data-testid="visitor-device-sign-out">
                Sign out
              </Button>
            </li>
          ))}
        </ul>
      )}
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </section>
  );
}
