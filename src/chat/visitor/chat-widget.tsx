'use client';

import { usePathname } from 'next/navigation';
import { lazy, Suspense, useEffect, useState } from 'react';
import { ChatPreferencesProvider, useChatPreferences } from '@/chat/ui/preferences';
import { ChatLauncher } from './chat-launcher';
import { hasStoredConversation } from './visitor-storage';

/*
 * The floating chat on every public page. Most visitors never open it, so
 * the page ships only the button: the chat itself (realtime client, message
 * list, Markdown…) loads when the button is pressed — or at once for a
 * returning visitor, whose badge must count the replies that came meanwhile.
 */

const FloatingChat = lazy(() => import('./floating-chat').then((module) => ({ default: module.FloatingChat })));

const PAGES_WITHOUT_WIDGET = ['/chat', '/embed', '/admin'];

/** The widget stays off the pages that are the chat already (here or embedded on another site), and off the admin. */
export function isWidgetHiddenOn(pathname: string): boolean {
  return PAGES_WITHOUT_WIDGET.some((page) => pathname === page || pathname.startsWith(`${page}/`));
}

export function ChatWidget() {
  const pathname = usePathname();
  if (isWidgetHiddenOn(pathname ?? '/')) return null;
  return (
    <ChatPreferencesProvider>
      <WidgetLoader />
    </ChatPreferencesProvider>
  );
}

function IdleLauncher({ onOpen }: { onOpen: () => void }) {
  const { t, themeClass } = useChatPreferences();
  return (
    <div className={themeClass}>
      <ChatLauncher t={t} open={false} unread={0} onClick={onOpen} />
    </div>
  );
}

function WidgetLoader() {
  const [live, setLive] = useState(false);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    // localStorage exists only in the browser: read after mount so the server render matches.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (hasStoredConversation()) setLive(true);
  }, []);
  const openChat = () => {
    setOpen(true);
    setLive(true);
  };
  if (!live) return <IdleLauncher onOpen={openChat} />;
  // While the chat's code loads, the same button stands in (and a press on it still opens the chat).
  return (
    <Suspense fallback={<IdleLauncher onOpen={openChat} />}>
      <FloatingChat open={open} setOpen={setOpen} />
    </Suspense>
  );
}
