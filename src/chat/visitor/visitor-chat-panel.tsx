'use client';

import { useState, type ReactNode } from 'react';
import { Composer } from '@/chat/ui/composer';
import { ConnectionBanner } from '@/chat/ui/connection-banner';
import { ImageDropZone } from '@/chat/ui/image-drop-zone';
import type { DisplayMessage } from '@/chat/ui/display-message';
import type { Messages } from '@/chat/ui/i18n';
import { Markdown } from '@/chat/ui/markdown/markdown';
import { MessageList } from '@/chat/ui/message-list';
import { ImageSourceProvider } from '@/chat/ui/message-image';
import { MenuAction } from '@/chat/ui/preference-controls';
import { useChatPreferences } from '@/chat/ui/preferences';
import { StreamingBubble } from '@/chat/ui/streaming-bubble';
import { ThinkingIndicator, TypingIndicator } from '@/chat/ui/typing-indicator';
import { cx } from '@/ui/cx';
import { ChatHeader } from './chat-header';
import { OtherDevicesPanel } from './other-devices';
import { ProfilePrompt } from './profile-prompt';
import { RatingPrompt } from './rating-prompt';
import { TranscriptDownload } from './transcript-download';
import { useVisitorImageSource } from './visitor-images';
import type { VisitorChat } from './use-visitor-chat';
import { HONEYPOT_FIELD } from './visitor-api';

/** The welcome text from chat settings, as the owner's first (not stored) message. */
function WelcomeMessage({ text, from }: { text: string; from: string }) {
  return (
    <div data-testid="welcome-message" className="flex flex-col items-start gap-1">
      <div className="px-1 text-xs font-medium text-slate-500 dark:text-slate-400">{from}</div>
      <div className="max-w-[85%] rounded-2xl rounded-bl-md bg-slate-100 px-3.5 py-2 text-[15px] leading-relaxed text-slate-900 sm:max-w-[75%] dark:bg-slate-800 dark:text-slate-100">
        <Markdown text={text} />
      </div>
    </div>
  );
}

/** Published Q&A questions, one tap away, until the visitor has written anything. */
function SuggestedQuestions({ questions, label, onAsk }: { questions: string[]; label: string; onAsk: (question: string) => void }) {
  return (
    <div data-testid="suggested-questions" className="flex flex-col items-start gap-1.5 pt-1">
      <div className="px-1 text-xs font-medium text-slate-500 dark:text-slate-400">{label}</div>
      <div className="flex flex-wrap gap-1.5">
        {questions.map((question) => (
          <button
            key={question}
            type="button"
            onClick={() => onAsk(question)}
            className="rounded-full border border-indigo-200 bg-white px-3 py-1.5 text-left text-sm text-indigo-700 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:border-indigo-400/40 dark:bg-slate-900 dark:text-indigo-200 dark:hover:bg-indigo-500/10"
            data-testid="suggested-question"
          >
            {question}
          </button>
        ))}
      </div>
    </div>
  );
}

function FailedMessageActions({ t, message, chat }: { t: Messages; message: DisplayMessage; chat: VisitorChat }) {
  if (message.status !== 'failed') return null;
  const button = 'rounded px-1.5 py-0.5 font-semibold hover:bg-rose-50 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:hover:bg-rose-500/10';
  return (
    <div className="flex items-center gap-2 px-1 text-xs text-rose-700 dark:text-rose-300" role="alert">
      <span>{t.sendFailed}</span>
      <button type="button" className={button} onClick={() => chat.retry(message.key)} data-testid="retry-message">
        {t.retry}
      </button>
      <button type="button" className={button} onClick={() => chat.discard(message.key)} data-testid="discard-message">
        {t.discard}
      </button>
    </div>
  );
}

/**
 * The visitor's conversation — header, connection state, history, live
 * typing/AI state, composer — used by both the floating widget and /chat.
 */
export function VisitorChatPanel({
  chat,
  headerLeading,
  headerActions,
  autoFocus,
  className,
}: {
  chat: VisitorChat;
  headerLeading?: ReactNode;
  headerActions?: ReactNode;
  autoFocus?: boolean;
  className?: string;
}) {
  const { t, locale, themeClass } = useChatPreferences();
  const session = chat.session;
  const ownerName = session?.ownerName ?? null;
  const ownerLabel = ownerName ?? t.owner;
  const aiEnabled = session?.aiEnabled ?? false;
  const showOffline = chat.ownerOnline === false && !aiEnabled;
  const showProfile = chat.profile.state === 'ask' && session !== null;
  const suggestions = session && chat.loaded && chat.messages.length === 0 ? session.suggestedQuestions : [];
  const [devicesOpen, setDevicesOpen] = useState(false);
  const imageSource = useVisitorImageSource(session?.sessionToken ?? null);
  // Only a conversation can be carried over or downloaded: before the first message there is nothing to take.
  const ownConversation = session && chat.conversationId ? { sessionToken: session.sessionToken, conversationId: chat.conversationId } : null;

  const footer = (
    <>
      {chat.ai.stream ? <StreamingBubble text={chat.ai.stream.text} t={t} /> : null}
      {chat.ai.thinking ? <ThinkingIndicator label={t.aiThinking} /> : null}
      {chat.ownerTyping ? <TypingIndicator label={t.isTyping(ownerLabel)} /> : null}
    </>
  );
  const hasFooter = Boolean(chat.ai.stream || chat.ai.thinking || chat.ownerTyping);

  return (
    <section
      data-testid="chat-panel"
      lang={locale}
      aria-label={ownerName ? t.chatWith(ownerName) : t.chatTitle}
      className={cx(themeClass, 'relative flex h-full min-h-0 flex-col bg-white text-slate-900 [color-scheme:light] dark:bg-slate-950 dark:text-slate-100 dark:[color-scheme:dark]', className)}
    >
      {/* The bot gate's honeypot: out of sight and out of the tab order, so only a form-filling bot fills it. */}
      <div aria-hidden="true" className="pointer-events-none absolute -left-[9999px] h-px w-px overflow-hidden">
        <input type="text" name={HONEYPOT_FIELD} aria-label="Leave this field empty" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <ChatHeader
        t={t}
        ownerName={ownerName}
        ownerOnline={chat.ownerOnline}
        aiEnabled={aiEnabled}
        leading={headerLeading}
        actions={headerActions}
        menuActions={
          ownConversation ? (
            <>
              <MenuAction label={t.continueOnDevice} onSelect={() => setDevicesOpen(true)} testId="continue-on-device" />
              <TranscriptDownload t={t} locale={locale} {...ownConversation} />
            </>
          ) : null
        }
      />
      {devicesOpen && ownConversation ? <OtherDevicesPanel t={t} locale={locale} {...ownConversation} onClose={() => setDevicesOpen(false)} /> : null}
      <ImageDropZone onDrop={chat.sendImage} label={t.dropImage} className="flex min-h-0 flex-1 flex-col">
        <ConnectionBanner state={chat.connection} t={t} queued={chat.queued} />
        <ImageSourceProvider source={imageSource}>
          <MessageList
            messages={chat.messages}
            viewer="visitor"
            senderLabel={(message) => (message.senderType === 'visitor' ? t.you : ownerLabel)}
            t={t}
            locale={locale}
            hasOlder={chat.hasOlder}
            loadingOlder={chat.loadingOlder}
            loading={!chat.loaded}
            onLoadOlder={chat.loadOlder}
            onAtBottomChange={chat.setAtBottom}
            intro={
              <div className="space-y-2 pb-1">
                {/* Only once the session answered: the owner's own greeting, not a placeholder that changes under the reader. */}
                {session ? <WelcomeMessage text={session.welcomeMessage || t.welcomeFallback} from={ownerLabel} /> : null}
                {suggestions.length > 0 ? <SuggestedQuestions questions={suggestions} label={t.suggestedQuestions} onAsk={chat.send} /> : null}
                {showProfile ? <ProfilePrompt t={t} profile={chat.profile} onSave={chat.saveProfile} onDismiss={chat.dismissProfile} /> : null}
              </div>
            }
            footer={hasFooter ? footer : null}
            footerVersion={`${chat.ai.stream?.text.length ?? 0}:${chat.ai.thinking}:${chat.ownerTyping}`}
            actionsFor={(message) => <FailedMessageActions t={t} message={message} chat={chat} />}
          />
        </ImageSourceProvider>
        <div className="border-t border-slate-200 bg-white px-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] pt-2 dark:border-slate-800 dark:bg-slate-950">
          {chat.rateLimited ? (
            <div data-testid="rate-limit-notice" role="status" className="mb-2 rounded-lg bg-amber-50 px-3 py-2 text-xs text-amber-900 dark:bg-amber-500/15 dark:text-amber-100">
              {t.rateLimited}
            </div>
          ) : null}
          <RatingPrompt t={t} request={chat.rating} />
          {chat.signedOut ? (
            <div data-testid="signed-out-notice" role="status" className="mb-2 rounded-lg bg-slate-100 px-3 py-2 text-xs text-slate-600 dark:bg-slate-900 dark:text-slate-300">
              {t.deviceSignedOut}
            </div>
          ) : null}
          {showOffline ? (
            <div data-testid="offline-notice" className="mb-2 rounded-lg bg-slate-100 px-3 py-2 text-xs text-slate-600 dark:bg-slate-900 dark:text-slate-300">
              {session?.offlineMessage || t.offlineFallback}
            </div>
          ) : null}
          {chat.imageError ? (
            <div data-testid="image-error" role="alert" className="mb-2 rounded-lg bg-rose-50 px-3 py-2 text-xs text-rose-800 dark:bg-rose-500/15 dark:text-rose-100">
              {chat.imageError}
            </div>
          ) : null}
          <Composer t={t} onSend={chat.send} onTyping={chat.typing} onAttach={chat.sendImage} autoFocus={autoFocus} />
        </div>
      </ImageDropZone>
    </section>
  );
}
