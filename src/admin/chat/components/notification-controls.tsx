'use client';

import { SoundToggle } from '@/chat/ui';

type NotificationControlsProps = {
  permission: NotificationPermission | 'unsupported';
  onRequestPermission: () => void;
};

/** The chime on/off (remembered, shared with the chat widget) and the offer to turn on desktop notifications. */
export function NotificationControls({ permission, onRequestPermission }: NotificationControlsProps) {
  return (
    <div className="flex items-center gap-1">
      <SoundToggle />
      {permission === 'default' ? (
        <button
          type="button"
          onClick={onRequestPermission}
          className="rounded-md px-2 py-1 text-xs font-semibold text-indigo-700 hover:bg-indigo-50"
          data-testid="enable-desktop-notifications"
        >
          Enable desktop alerts
        </button>
      ) : permission === 'denied' ? (
        <span className="text-xs text-slate-500" title="Allow notifications for this site in the browser's settings to get them">
          Desktop alerts blocked
        </span>
      ) : null}
    </div>
  );
}
