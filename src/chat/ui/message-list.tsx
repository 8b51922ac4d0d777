'use client';

import { Fragment, useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { cx } from '@/ui/cx';
import { isOwnMessage, type DisplayMessage, type ViewerSide } from './display-message';
import { dayKey, formatDay } from './format';
import type { Locale, Messages } from './i18n';
import { MessageBubble } from './message-bubble';
import { messageText } from '@/chat/message-text';

export type MessageListProps = {
  messages: readonly DisplayMessage[];
  viewer: ViewerSide;
  senderLabel: (message: DisplayMessage) => string;
  t: Messages;
  locale: Locale;
  hasOlder: boolean;
  loadingOlder: boolean;
  /** The first page is on its way: says so instead of an empty list. */
  loading?: boolean;
  onLoadOlder: () => void | Promise<void>;
  /** Above the first message (e.g. the welcome message), shown once the oldest page is loaded. */
  intro?: ReactNode;
  /** Below the last message: typing, thinking, the streaming reply. Changes here scroll like new messages. */
  footer?: ReactNode;
  /** Changes whenever `footer`'s content grows (e.g. the stream's length), so the list can follow it. */
  footerVersion?: string | number;
  actionsFor?: (message: DisplayMessage) => ReactNode;
  /** Whether the bottom is visible: the caller marks messages read only then. */
  onAtBottomChange?: (atBottom: boolean) => void;
  className?: string;
};

/** Closer than this to the bottom counts as "at the bottom" (new messages then scroll into view). */
const BOTTOM_SLACK_PX = 48;
/** Scrolling this close to the top loads the previous page. */
const TOP_LOAD_PX = 120;
/** Messages from one sender within this time form a run that shows the sender once. */
const RUN_MS = 5 * 60_000;

function startsRun(message: DisplayMessage, previous: DisplayMessage | undefined): boolean {
  if (!previous || previous.senderType !== message.senderType) return true;
  if (dayKey(previous.createdAt) !== dayKey(message.createdAt)) return true;
  return new Date(message.createdAt).getTime() - new Date(previous.createdAt).getTime() > RUN_MS;
}

/**
 * The scrolling history: follows new messages only while the reader is at the
 * bottom (or when they sent one themselves), keeps the reader's place when an
 * older page is prepended, loads older pages near the top (and by a button,
 * for keyboards), and announces newly arrived messages from the other side in
 * a polite live region.
 */
export function MessageList({
  messages,
  viewer,
  senderLabel,
  t,
  locale,
  hasOlder,
  loadingOlder,
  loading = false,
  onLoadOlder,
  intro,
  footer,
  footerVersion,
  actionsFor,
  onAtBottomChange,
  className,
}: MessageListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  /** `scrollTop` as last seen by a scroll event or set here; lower now means a scroll up whose event has not fired yet. */
  const knownTop = useRef(0);
  const [showJump, setShowJump] = useState(false);
  /** Where the reader was before an older page was requested, to restore after it is prepended. */
  const anchor = useRef<{ height: number; top: number } | null>(null);
  const firstKey = messages[0]?.key;
  const last = messages.at(-1);
  const lastKey = last?.key;
  const previousLastKey = useRef<string | undefined>(undefined);

  const scrollToBottom = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    element.scrollTop = element.scrollHeight;
    knownTop.current = element.scrollTop;
    atBottom.current = true;
    setShowJump(false);
  }, []);

  const requestOlder = useCallback(() => {
    const element = scroller.current;
    if (!element || !hasOlder || loadingOlder) return;
    anchor.current = { height: element.scrollHeight, top: element.scrollTop };
    void onLoadOlder();
  }, [hasOlder, loadingOlder, onLoadOlder]);

  const onScroll = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    knownTop.current = element.scrollTop;
    const bottom = element.scrollHeight - element.scrollTop - element.clientHeight <= BOTTOM_SLACK_PX;
    if (bottom !== atBottom.current) {
      atBottom.current = bottom;
      onAtBottomChange?.(bottom);
    }
    if (bottom) setShowJump(false);
    if (element.scrollTop <= TOP_LOAD_PX) requestOlder();
  }, [onAtBottomChange, requestOlder]);

  // An older page was prepended: keep the same message under the reader's eyes.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || !anchor.current) return;
    element.scrollTop = anchor.current.top + (element.scrollHeight - anchor.current.height);
    knownTop.current = element.scrollTop;
    anchor.current = null;
  }, [firstKey]);

  // New content at the bottom: follow it if the reader was there, or if they just sent it.
  useLayoutEffect(() => {
    const newLast = lastKey !== previousLastKey.current;
    const firstRender = previousLastKey.current === undefined;
    previousLastKey.current = lastKey;
    // Scroll events fire with the next frame: a reader who scrolled up in this one has left the bottom already,
    // and a re-render now (a status tick, typing) must not pull them back before the event says so.
    const element = scroller.current;
    const scrolledUp = element !== null && element.scrollTop < knownTop.current - 1;
    if (firstRender || (atBottom.current && !scrolledUp) || (newLast && last && isOwnMessage(last, viewer))) {
      scrollToBottom();
    } else if (newLast) {
      setShowJump(true);
    }
  }, [lastKey, last, viewer, footerVersion, scrollToBottom]);

  // The container resizes (keyboard opening on phones, window resize): stay pinned to the bottom.
  useEffect(() => {
    const element = scroller.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (atBottom.current) element.scrollTop = element.scrollHeight;
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const announcement = useAnnouncement(messages, viewer, senderLabel, t);

  return (
    <div className={cx('relative min-h-0 flex-1', className)}>
      <div
        ref={scroller}
        onScroll={onScroll}
        data-testid="message-list"
        className="h-full overflow-y-auto overscroll-contain px-3 py-4 sm:px-4"
        tabIndex={0}
        aria-label={t.chatTitle}
        role="region"
        aria-busy={loading || undefined}
      >
        {hasOlder ? (
          <div className="flex justify-center pb-2">
            <button
              type="button"
              data-testid="load-older"
              onClick={requestOlder}
              disabled={loadingOlder}
              className="rounded-full px-3 py-1 text-xs font-medium text-indigo-700 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:opacity-60 dark:text-indigo-300 dark:hover:bg-indigo-500/10"
            >
              {loadingOlder ? t.loadingOlder : t.loadOlder}
            </button>
          </div>
        ) : (
          intro
        )}
        {loading && messages.length === 0 ? (
          <p data-testid="loading-messages" className="py-6 text-center text-xs text-slate-500 dark:text-slate-400">
            {t.loadingMessages}
          </p>
        ) : null}
        <ol className="flex flex-col">
          {messages.map((message, index) => {
            const previous = messages[index - 1];
            const newDay = !previous || dayKey(previous.createdAt) !== dayKey(message.createdAt);
            return (
              <Fragment key={message.key}>
                {newDay ? (
                  <li className="my-3 flex justify-center" data-testid="day-separator">
                    <span className="rounded-full bg-slate-100 px-2.5 py-0.5 text-[11px] font-medium text-slate-600 dark:bg-slate-800 dark:text-slate-400">
                      {formatDay(message.createdAt, locale, t)}
                    </span>
                  </li>
                ) : null}
                <li>
                  <MessageBubble
                    message={message}
                    viewer={viewer}
                    senderLabel={senderLabel(message)}
                    showSender={newDay || startsRun(message, previous)}
                    t={t}
                    locale={locale}
                    actions={actionsFor?.(message)}
                  />
                </li>
              </Fragment>
            );
          })}
        </ol>
        {footer ? <div className="mt-3 space-y-2">{footer}</div> : null}
      </div>
      {showJump ? (
        <button
          type="button"
          data-testid="jump-to-latest"
          onClick={scrollToBottom}
          aria-label={t.jumpToLatest}
          className="absolute bottom-3 left-1/2 -translate-x-1/2 rounded-full bg-indigo-600 px-3 py-1.5 text-xs font-semibold text-white shadow-lg hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          ↓ {t.jumpToLatest}
        </button>
      ) : null}
      <div className="sr-only" aria-live="polite" aria-atomic="true" data-testid="live-region">
        {announcement}
      </div>
    </div>
  );
}

/**
 * The text of the newest message from the other side that arrived while the
 * list was shown (not history loaded on open or when scrolling back).
 */
function useAnnouncement(
  messages: readonly DisplayMessage[],
  viewer: ViewerSide,
  senderLabel: (message: DisplayMessage) => string,
  t: Messages,
): string {
  const [state, setState] = useState<{ seenUpTo: number | null; text: string }>({ seenUpTo: null, text: '' });
  const newestId = messages.reduce((max, message) => Math.max(max, message.id ?? 0), 0);
  if (state.seenUpTo === null) {
    if (messages.length > 0) setState({ seenUpTo: newestId, text: '' });
  } else if (newestId > state.seenUpTo) {
    const arrived = messages.filter((message) => (message.id ?? 0) > state.seenUpTo! && !isOwnMessage(message, viewer));
    const latest = arrived.at(-1);
    setState({
      seenUpTo: newestId,
      text: latest ? t.newMessageFrom(latest.senderType === 'ai' ? t.aiAssistant : senderLabel(latest), messageText(latest.content)) : state.text,
    });
  }
  return state.text;
}
