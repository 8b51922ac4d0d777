'use client';

import Link from 'next/link';
import { headerButtonClass } from '@/chat/ui/preference-controls';
import { ChatPreferencesProvider, useChatPreferences } from '@/chat/ui/preferences';
import { cx } from '@/ui/cx';
import { useVisitorChat } from './use-visitor-chat';
import { VisitorChatPanel } from './visitor-chat-panel';

/** /chat: the same chat as the widget, filling the screen (a centred column on wide screens). */
export function ChatPage() {
  return (
    <ChatPreferencesProvider>
      <FullPageChat />
    </ChatPreferencesProvider>
  );
}

function FullPageChat() {
  const { t, themeClass } = useChatPreferences();
  const chat = useVisitorChat({ enabled: true, visible: true });
  return (
    <div className={cx(themeClass, 'h-dvh bg-slate-100 sm:px-4 sm:py-6 dark:bg-slate-900')}>
      <div className="mx-auto h-full max-w-3xl overflow-hidden sm:rounded-2xl sm:border sm:border-slate-200 sm:shadow-xl dark:sm:border-slate-800">
        <VisitorChatPanel
          chat={chat}
          autoFocus
          headerLeading={
            <Link href="/" className={headerButtonClass} aria-label={t.backToSite} title={t.backToSite} data-testid="back-to-site">
              <svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
                <path d="M19 12H5M12 19l-7-7 7-7" />
              </svg>
            </Link>
          }
        />
      </div>
    </div>
  );
}
