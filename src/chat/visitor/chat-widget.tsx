'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { headerButtonClass } from '@/chat/ui/preference-controls';
import { ChatPreferencesProvider, useChatPreferences } from '@/chat/ui/preferences';
import { cx } from '@/ui/cx';
import { useVisitorChat } from './use-visitor-chat';
import { VisitorChatPanel } from './visitor-chat-panel';
import { hasStoredConversation } from './visitor-storage';

/** The widget stays off the pages that are the chat already, and off the admin. */
export function isWidgetHiddenOn(pathname: string): boolean {
  return pathname === '/chat' || pathname.startsWith('/chat/') || pathname === '/admin' || pathname.startsWith('/admin/');
}

/** The floating chat button (bottom right of every public page) and the chat it opens. */
export function ChatWidget() {
  const pathname = usePathname();
  if (isWidgetHiddenOn(pathname ?? '/')) return null;
  return (
    <ChatPreferencesProvider>
      <FloatingChat />
    </ChatPreferencesProvider>
  );
}

function FloatingChat() {
  const { t, themeClass } = useChatPreferences();
  const [open, setOpen] = useState(false);
  // A returning visitor connects at once, so replies that came meanwhile show on the badge.
  const [returning, setReturning] = useState(false);
  const launcher = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // localStorage exists only in the browser: read after mount so the server render matches.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setReturning(hasStoredConversation());
  }, []);
  const chat = useVisitorChat({ enabled: open || returning, visible: open });

  const close = () => {
    setOpen(false);
    launcher.current?.focus();
  };

  return (
    <div className={themeClass}>
      {open ? (
        <div
          role="dialog"
          aria-modal="false"
          aria-label={t.chatTitle}
          data-testid="chat-widget-panel"
          onKeyDown={(event) => {
            if (event.key === 'Escape') close();
          }}
          className="fixed inset-0 z-50 flex flex-col overflow-hidden bg-white sm:inset-auto sm:bottom-24 sm:right-5 sm:h-[min(680px,calc(100dvh-8rem))] sm:w-[400px] sm:rounded-2xl sm:border sm:border-slate-200 sm:shadow-2xl dark:bg-slate-950 sm:dark:border-slate-800"
        >
          <VisitorChatPanel
            chat={chat}
            autoFocus
            headerActions={
              <>
                <a href="/chat" className={cx(headerButtonClass, 'max-sm:hidden')} aria-label={t.openFullPage} title={t.openFullPage} data-testid="open-full-page">
                  <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
                    <path d="M15 3h6v6M9 21H3v-6M21 3l-7 7M3 21l7-7" />
                  </svg>
                </a>
                <button type="button" onClick={close} className={headerButtonClass} aria-label={t.closeChat} title={t.closeChat} data-testid="close-chat">
                  <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" aria-hidden="true">
                    <path d="M18 6L6 18M6 6l12 12" />
                  </svg>
                </button>
              </>
            }
          />
        </div>
      ) : null}
      <button
        ref={launcher}
        type="button"
        data-testid="chat-launcher"
        aria-expanded={open}
        aria-label={chat.unread > 0 ? `${open ? t.closeChat : t.openChat} (${t.unreadCount(chat.unread)})` : open ? t.closeChat : t.openChat}
        onClick={() => (open ? close() : setOpen(true))}
        className={cx(
          'fixed bottom-5 right-5 z-40 inline-flex size-14 items-center justify-center rounded-full bg-indigo-600 text-white shadow-lg shadow-indigo-600/30 transition hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:bg-indigo-500',
          open && 'max-sm:hidden',
        )}
      >
        {open ? (
          <svg viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" aria-hidden="true">
            <path d="M6 9l6 6 6-6" />
          </svg>
        ) : (
          <svg viewBox="0 0 24 24" width="26" height="26" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
            <path d="M21 11.5a8.4 8.4 0 0 1-.9 3.8 8.5 8.5 0 0 1-7.6 4.7 8.4 8.4 0 0 1-3.8-.9L3 21l1.9-5.7a8.4 8.4 0 0 1-.9-3.8 8.5 8.5 0 0 1 4.7-7.6 8.4 8.4 0 0 1 3.8-.9h.5a8.5 8.5 0 0 1 8 8v.5z" />
          </svg>
        )}
        {chat.unread > 0 ? (
          <span
            data-testid="chat-unread-badge"
            aria-hidden="true"
            className="absolute -right-1 -top-1 inline-flex min-w-5 items-center justify-center rounded-full bg-rose-600 px-1.5 text-[11px] font-bold leading-5 text-white ring-2 ring-white dark:ring-slate-950"
          >
            {chat.unread > 99 ? '99+' : chat.unread}
          </span>
        ) : null}
      </button>
    </div>
  );
}
