'use client';

import { useCallback, useEffect, useState, type CSSProperties } from 'react';
import type { Locale } from '@/chat/ui/i18n';
import { ChatPreferencesProvider, chooseSiteLocale, useChatPreferences } from '@/chat/ui/preferences';
import { CloseChatButton } from '@/chat/visitor/close-chat-button';
import { reportEmbeddingPage } from '@/chat/visitor/page-location';
import { useVisitorChat } from '@/chat/visitor/use-visitor-chat';
import { VisitorChatPanel } from '@/chat/visitor/visitor-chat-panel';
import { cx } from '@/ui/cx';
import { embedMessage, hostMessageSchema, type ChatMessage } from './protocol';

type EmbeddedChatProps = {
  /** The page embedding the chat, as the server checked it against the allow-list: the only origin heard or spoken to. */
  hostOrigin: string;
  /** The host page's URL, reported as the visitor's page (kept only when on the allow-list). */
  pageUrl: string | null;
  locale: Locale | null;
  /** The site's accent colour (embed.js's data-color), already validated. */
  accent: string | null;
};

/** The chat's indigo, which every button and bubble uses, replaced by the site's colour. */
const accentStyle = (accent: string | null): CSSProperties | undefined =>
  accent
    ? ({ '--color-indigo-500': accent, '--color-indigo-600': accent, '--color-indigo-700': accent } as CSSProperties)
    : undefined;

/**
 * /embed/chat: the visitor's chat inside the iframe embed.js creates on
 * another site. The session token stays in this frame's storage (Tanya's
 * origin, partitioned by the browser where it does that); the host page
 * only ever hears the unread count and asks to open, close or set the
 * visitor's profile, through messages checked for origin, source and format.
 */
export function EmbeddedChat({ hostOrigin, pageUrl, locale, accent }: EmbeddedChatProps) {
  // Before the chat's first render, so its first session request already carries them.
  useState(() => {
    if (typeof window === 'undefined') return;
    if (pageUrl) reportEmbeddingPage(pageUrl);
    if (locale) chooseSiteLocale(locale);
  });
  return (
    <ChatPreferencesProvider>
      <EmbeddedPanel hostOrigin={hostOrigin} accent={accent} />
    </ChatPreferencesProvider>
  );
}

function EmbeddedPanel({ hostOrigin, accent }: Pick<EmbeddedChatProps, 'hostOrigin' | 'accent'>) {
  const { t, themeClass } = useChatPreferences();
  const [shown, setShown] = useState(false);
  const chat = useVisitorChat({ enabled: true, visible: shown });
  const { saveProfile } = chat;

  const tellHost = useCallback((message: ChatMessage) => window.parent.postMessage(embedMessage(message), hostOrigin), [hostOrigin]);
  const close = useCallback(() => tellHost({ type: 'close' }), [tellHost]);

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      // Only the embedding page itself: not another frame on it, not another origin, not a message of another format.
      if (event.origin !== hostOrigin || event.source !== window.parent) return;
      const parsed = hostMessageSchema.safeParse(event.data);
      if (!parsed.success) return;
      const message = parsed.data;
      if (message.type === 'open') setShown(true);
      else if (message.type === 'close') setShown(false);
      else if (message.name || message.email) saveProfile({ name: message.name ?? '', email: message.email ?? '' });
    };
    window.addEventListener('message', onMessage);
    tellHost({ type: 'ready' });
    return () => window.removeEventListener('message', onMessage);
  }, [hostOrigin, tellHost, saveProfile]);

  useEffect(() => tellHost({ type: 'unread', count: chat.unread }), [tellHost, chat.unread]);
  const started = chat.session !== null;
  const hasConversation = chat.conversationId !== null;
  useEffect(() => {
    if (started) tellHost({ type: 'conversation', active: hasConversation });
  }, [tellHost, started, hasConversation]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) close();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [close]);

  return (
    <div className={cx(themeClass, 'h-dvh bg-white dark:bg-slate-950')} style={accentStyle(accent)} data-testid="embedded-chat">
      <VisitorChatPanel chat={chat} autoFocus={shown} headerActions={<CloseChatButton t={t} onClick={close} />} />
    </div>
  );
}
