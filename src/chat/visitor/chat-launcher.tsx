import type { Ref } from 'react';
import type { Messages } from '@/chat/ui/i18n';
import { cx } from '@/ui/cx';
import { LAUNCHER_ICONS } from './launcher-icons';

type ChatLauncherProps = { t: Messages; open: boolean; unread: number; onClick: () => void; ref?: Ref<HTMLButtonElement> };

/** The round button at the bottom right that opens (and, on wide screens, closes) the chat; shows unread replies. */
export function ChatLauncher({ t, open, unread, onClick, ref }: ChatLauncherProps) {
  const action = open ? t.closeChat : t.openChat;
  return (
    <button
      ref={ref}
      type="button"
      data-testid="chat-launcher"
      aria-expanded={open}
      aria-label={unread > 0 ? `${action} (${t.unreadCount(unread)})` : action}
      onClick={onClick}
      className={cx(
        'fixed bottom-5 right-5 z-40 inline-flex size-14 items-center justify-center rounded-full bg-indigo-600 text-white shadow-lg shadow-indigo-600/30 transition hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:bg-indigo-500',
        open && 'max-sm:hidden',
      )}
    >
      {open ? (
        <svg viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" aria-hidden="true">
          <path d={LAUNCHER_ICONS.collapse} />
        </svg>
      ) : (
        <svg viewBox="0 0 24 24" width="26" height="26" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
          <path d={LAUNCHER_ICONS.chat} />
        </svg>
      )}
      {unread > 0 ? (
        <span
          data-testid="chat-unread-badge"
          aria-hidden="true"
          className="absolute -right-1 -top-1 inline-flex min-w-5 items-center justify-center rounded-full bg-rose-600 px-1.5 text-[11px] font-bold leading-5 text-white ring-2 ring-white dark:ring-slate-950"
        >
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </button>
  );
}
