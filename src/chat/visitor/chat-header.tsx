import type { ReactNode } from 'react';
import type { Messages } from '@/chat/ui/i18n';
import { PreferencesMenu, SoundToggle } from '@/chat/ui/preference-controls';
import { cx } from '@/ui/cx';

function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => Array.from(word)[0]?.toUpperCase() ?? '')
    .join('');
}

/** Who the visitor talks to, whether they are online, and the chat's own controls. */
export function ChatHeader({
  t,
  ownerName,
  ownerOnline,
  aiEnabled,
  leading,
  actions,
  menuActions,
}: {
  t: Messages;
  ownerName: string | null;
  ownerOnline: boolean | null;
  aiEnabled: boolean;
  /** Before the avatar (the /chat page's back link). */
  leading?: ReactNode;
  /** After the settings (the widget's full-page and close buttons). */
  actions?: ReactNode;
  /** Extra entries at the bottom of the settings menu ("Continue on another device"). */
  menuActions?: ReactNode;
}) {
  const name = ownerName ?? t.owner;
  const status = ownerOnline === null ? '' : ownerOnline ? t.ownerOnline(name) : aiEnabled ? t.aiAvailable : t.ownerOffline(name);
  return (
    <header className="flex items-center gap-2 border-b border-slate-200 px-3 py-2.5 dark:border-slate-800">
      {leading}
      <div className="relative shrink-0" aria-hidden="true">
        <span className="inline-flex size-9 items-center justify-center rounded-full bg-indigo-600 text-sm font-bold text-white dark:bg-indigo-500">
          {initialsOf(name) || '?'}
        </span>
        <span
          className={cx(
            'absolute -bottom-0.5 -right-0.5 size-3 rounded-full border-2 border-white dark:border-slate-950',
            ownerOnline ? 'bg-emerald-500' : 'bg-slate-300 dark:bg-slate-600',
          )}
        />
      </div>
      <div className="min-w-0 flex-1">
        <h2 className="truncate text-[15px] font-semibold leading-tight">{ownerName ?? t.chatTitle}</h2>
        <p data-testid="owner-presence" data-online={ownerOnline === null ? 'unknown' : String(ownerOnline)} className="truncate text-xs text-slate-500 dark:text-slate-400">
          {status || '\u00a0'}
        </p>
      </div>
      <SoundToggle />
      <PreferencesMenu>{menuActions}</PreferencesMenu>
      {actions}
    </header>
  );
}
