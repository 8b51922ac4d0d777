'use client';

import { useCallback, useMemo, useState } from 'react';
import {
  Composer,
  ImageDropZone,
  MessageList,
  StreamingBubble,
  ThinkingIndicator,
  toDisplayMessage,
  TypingIndicator,
  useChatPreferences,
  type DisplayMessage,
} from '@/chat/ui';
import type { TeamPayload } from '@/auth/server/team';
import type { SavedReply } from '@/chat/saved-replies';
import { cx } from '@/ui/cx';
import { changeConversation, requestAiReply, type ConversationChange } from '../api';
import { visitorLabel } from '../format';
import type { InboxEvent } from '../inbox-list';
import { useOpenConversation, type PendingReply } from '../use-open-conversation';
import { ConversationActions } from './conversation-actions';
import { AssigneeSelect } from './assignee-select';
import { TranscriptMenu } from './transcript-menu';
import { HandlingBadge, MoodBadge, StatusBadge } from './handling-badge';
import { VisitorInfo } from './visitor-info';

type ConversationPanelProps = {
  conversationId: string;
  onBack: () => void;
  onInboxEvent: (event: InboxEvent) => void;
  /** Read once by the inbox, not again for every conversation opened. */
  team: TeamPayload['admins'];
  savedReplies: readonly SavedReply[];
};

const toPendingDisplay = (reply: PendingReply): DisplayMessage => ({
  key: `c:${reply.clientMessageId}`,
  id: null,
  content: reply.content,
  senderType: 'admin',
  createdAt: reply.createdAt,
  status: reply.failed ? 'failed' : 'pending',
  metadata: null,
});

/** One conversation: header with its controls, the history, the reply box and (on wide screens) the visitor. */
export function ConversationPanel({ conversationId, onBack, onInboxEvent, team, savedReplies }: ConversationPanelProps) {
  const { t, locale } = useChatPreferences();
  const open = useOpenConversation(conversationId, onInboxEvent);
  const { details, setDetails, pending, retry, discard } = open;
  const [showInfo, setShowInfo] = useState(false);
  const name = details ? visitorLabel(details) : t.visitor;

  const displayed = useMemo(() => [...open.messages.map(toDisplayMessage), ...pending.map(toPendingDisplay)], [open.messages, pending]);
  const senderLabel = useCallback((message: DisplayMessage) => (message.senderType === 'visitor' ? name : message.senderType === 'admin' ? t.you : t.aiAssistant), [name, t]);

  const change = useCallback(
    async (patch: ConversationChange) => {
      const result = await changeConversation(conversationId, patch);
      if (!result.success) return result.error;
      setDetails((known) => (known ? { ...known, ...result.data } : known));
      onInboxEvent({ type: 'conversation-updated', conversation: result.data });
      return null;
    },
    [conversationId, onInboxEvent, setDetails],
  );

  const askAi = useCallback(
    async (regenerate: boolean) => {
      const result = await requestAiReply(conversationId, regenerate);
      return result.success ? null : result.error;
    },
    [conversationId],
  );
  // The server answers each visitor message once; after that the owner can only ask for another answer explicitly.
  const aiAnswered = useMemo(() => {
    const question = open.messages.findLast((message) => message.senderType === 'visitor');
    return question !== undefined && open.messages.some((message) => message.senderType === 'ai' && message.id > question.id);
  }, [open.messages]);

  const failedActions = (message: DisplayMessage) => {
    const reply = message.status === 'failed' ? pending.find((item) => `c:${item.clientMessageId}` === message.key) : undefined;
    if (!reply) return null;
    return (
      <div className="flex items-center gap-2 text-xs text-red-700" role="alert" data-testid="reply-failed">
        <span>{reply.failed}</span>
        <button type="button" className="font-semibold underline" onClick={() => void retry(reply)}>
          {t.retry}
        </button>
        <button type="button" className="text-slate-500 underline" onClick={() => discard(reply.clientMessageId)}>
          {t.discard}
        </button>
      </div>
    );
  };

  const footer = (
    <>
      {open.visitorTyping ? <TypingIndicator label={t.isTyping(name)} /> : null}
      {open.ai.thinking ? <ThinkingIndicator label={t.aiThinking} /> : null}
      {open.ai.stream ? <StreamingBubble text={open.ai.stream.text} t={t} /> : null}
    </>
  );
  const closed = details?.status === 'closed';

  return (
    <section className="flex h-full min-h-0 flex-col" aria-label={`Conversation with ${name}`} data-testid="conversation-panel" data-conversation-id={conversationId}>
      {/* Two rows: on one, the actions squeezed the visitor's name to a few letters at 1280 px. */}
      <header className="flex flex-col gap-2 border-b border-slate-200 px-3 py-2.5 sm:px-4">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <button
            type="button"
            onClick={onBack}
            className="-ml-1 inline-flex size-9 items-center justify-center rounded-full text-slate-600 hover:bg-slate-100 md:hidden"
            aria-label="Back to conversations"
            data-testid="back-to-list"
          >
            <svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
              <path d="M15 18l-6-6 6-6" />
            </svg>
          </button>
          <div className="min-w-48 flex-1">
            <h2 className="truncate text-base font-semibold text-slate-900" data-testid="conversation-title">
              {name}
            </h2>
            {details ? (
              <div className="mt-0.5 flex flex-wrap items-center gap-1.5">
                <StatusBadge status={details.status} />
                <MoodBadge mood={details.mood} />
                <HandlingBadge conversation={details} />
              </div>
            ) : null}
          </div>
          <div className="flex shrink-0 items-center gap-1.5">
            {details ? <AssigneeSelect admins={team} assignedAdminId={details.assignedAdminId} onChange={change} /> : null}
            {details ? <TranscriptMenu conversationId={details.id} /> : null}
            <button
              type="button"
              onClick={() => setShowInfo((shown) => !shown)}
              aria-expanded={showInfo}
              aria-controls="visitor-info-panel"
              className="rounded-md px-2 py-1 text-xs font-semibold text-indigo-700 hover:bg-indigo-50 xl:hidden"
              data-testid="toggle-visitor-info"
            >
              {showInfo ? 'Hide visitor' : 'Visitor info'}
            </button>
          </div>
        </div>
        {details ? <ConversationActions conversation={details} onChange={change} onAskAi={askAi} aiAnswered={aiAnswered} /> : null}
      </header>
      {open.detailsError ? (
        <p role="alert" className="border-b border-red-100 bg-red-50 px-4 py-2 text-sm text-red-700">
          {open.detailsError}
        </p>
      ) : null}

      <div className="flex min-h-0 flex-1">
        <ImageDropZone
          onDrop={closed ? undefined : open.sendImage}
          label={t.dropImage}
          className={cx('min-h-0 min-w-0 flex-1 flex-col', showInfo ? 'hidden xl:flex' : 'flex')}
        >
          <MessageList
            messages={displayed}
            viewer="admin"
            senderLabel={senderLabel}
            t={t}
            locale={locale}
            hasOlder={open.hasOlder}
            loadingOlder={open.loadingOlder}
            onLoadOlder={open.loadOlder}
            footer={open.visitorTyping || open.ai.thinking || open.ai.stream ? footer : null}
            footerVersion={`${open.visitorTyping}-${open.ai.thinking}-${open.ai.stream?.text.length ?? 0}`}
            actionsFor={failedActions}
            onAtBottomChange={open.setAtBottom}
            intro={open.loaded && displayed.length === 0 ? <p className="py-8 text-center text-sm text-slate-500">No messages yet.</p> : null}
          />
          <div className="border-t border-slate-200 bg-white p-3">
            {closed ? (
              <p className="text-center text-sm text-slate-500" data-testid="closed-notice">
                This conversation is closed. Reopen it to reply; if the visitor writes again, a new conversation starts.
              </p>
            ) : (
              <>
                {details?.isAiHandled ? <p className="mb-2 text-xs text-slate-500">Replying takes this conversation over from the AI assistant.</p> : null}
                {open.imageError ? (
                  <p role="alert" className="mb-2 text-xs text-red-700" data-testid="image-error">
                    {open.imageError}
                  </p>
                ) : null}
                <Composer
                  t={t}
                  onSend={open.send}
                  onTyping={open.noteTyping}
                  onAttach={open.sendImage}
                  placeholder={`Reply to ${name}… (/ for saved replies)`}
                  savedReplies={savedReplies}
                />
              </>
            )}
          </div>
        </ImageDropZone>
        <aside
          id="visitor-info-panel"
          className={cx('min-h-0 overflow-y-auto border-slate-200 bg-slate-50/60 p-4 xl:block xl:w-64 xl:shrink-0 xl:border-l', showInfo ? 'block flex-1' : 'hidden')}
        >
          {details ? <VisitorInfo details={details} /> : <p className="text-sm text-slate-500">Loading…</p>}
        </aside>
      </div>
    </section>
  );
}
