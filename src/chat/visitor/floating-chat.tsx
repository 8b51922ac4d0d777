'use client';

import { useCallback, useEffect, useRef } from 'react';
import { headerButtonClass } from '@/chat/ui/preference-controls';
import { useChatPreferences } from '@/chat/ui/preferences';
import { cx } from '@/ui/cx';
import { ChatLauncher } from './chat-launcher';
import { CloseChatButton } from './close-chat-button';
import { useVisitorChat } from './use-visitor-chat';
import { VisitorChatPanel } from './visitor-chat-panel';

/**
 * The widget's live part, loaded only when needed (see chat-widget.tsx):
 * connects at once (a returning visitor's badge counts replies that came
 * meanwhile) and shows the chat as a panel (full screen on phones) while `open`.
 */
export function FloatingChat({ open, setOpen }: { open: boolean; setOpen: (open: boolean) => void }) {
  const { t, themeClass } = useChatPreferences();
  const launcher = useRef<HTMLButtonElement>(null);
  const chat = useVisitorChat({ enabled: true, visible: open });

  const close = useCallback(() => {
    setOpen(false);
    launcher.current?.focus();
  }, [setOpen]);

  // Escape closes the open chat wherever the focus is (on touch screens it may be nowhere in particular).
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) close();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [open, close]);

  return (
    <div className={themeClass}>
      {open ? (
        <div
          role="dialog"
          aria-modal="false"
          aria-label={t.chatTitle}
          data-testid="chat-widget-panel"
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
                <CloseChatButton t={t} onClick={close} />
              </>
            }
          />
        </div>
      ) : null}
      <ChatLauncher ref={launcher} t={t} open={open} unread={chat.unread} onClick={() => (open ? close() : setOpen(true))} />
    </div>
  );
}
