'use client';

import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import { ChatPreferencesProvider, ConnectionBanner, SoundToggle, useChatPreferences } from '@/chat/ui';
import { cx } from '@/ui/cx';
import { AdminRealtimeProvider, useAdminRealtime } from '../admin-realtime';
import { useAiAutoReply } from '../use-ai-auto-reply';
import { useConversationInbox } from '../use-conversation-inbox';
import { useSavedReplies } from '../use-saved-replies';
import { useTeamAdmins } from '../use-team';
import { useUnansweredQuestions } from '../use-unanswered-questions';
import { useInboxNotifications } from '../use-inbox-notifications';
import { AiAutoReplySwitch } from './ai-auto-reply-switch';
import { ConversationList } from './conversation-list';
import { ConversationPanel } from './conversation-panel';
import { InboxFilters } from './inbox-filters';
import { DesktopAlertsOffer } from './desktop-alerts-offer';
import { UnansweredList } from './unanswered-questions';
import { ImageSourceProvider, uploadUrl, type ImageSource } from '@/chat/ui/message-image';

type AdminChatInboxProps = {
  initialAiEnabled: boolean;
  initialConversationId: string | null;
  /** The signed-in admin: what "Mine" means, and whose alerts come first. */
  currentAdminId: number;
};

/** Edge to edge on phones (the list and a conversation are two screens), a card beside the nav on larger ones. */
const frame =
  '-mx-4 -my-8 flex h-[calc(100dvh-6.25rem)] min-h-[30rem] overflow-hidden border-y border-slate-200 bg-white sm:mx-0 sm:my-0 sm:h-[calc(100dvh-8.75rem)] sm:rounded-xl sm:border sm:shadow-sm';

/**
 * `/admin/chat`: every conversation live, the one being answered, and the
 * switches that apply to all of them. The admin stays in the light theme
 * whatever the chat widget's remembered theme is.
 */
/** The owner's browser shows an image straight from its URL: the admin cookie rides along. */
const adminImageSource: ImageSource = (id) => Promise.resolve(uploadUrl(id));

export function AdminChatInbox(props: AdminChatInboxProps) {
  return (
    <ChatPreferencesProvider>
      <div className="light" data-testid="admin-chat">
        <AdminRealtimeProvider fallback={<div className={frame} aria-busy="true" />}>
          <ImageSourceProvider source={adminImageSource}>
            <Inbox {...props} />
          </ImageSourceProvider>
        </AdminRealtimeProvider>
      </div>
    </ChatPreferencesProvider>
  );
}

function Inbox({ initialAiEnabled, initialConversationId, currentAdminId }: AdminChatInboxProps) {
  const { t, playSound } = useChatPreferences();
  const { state } = useAdminRealtime();
  const inbox = useConversationInbox({ status: 'active', q: '', assigned: 'all', me: currentAdminId });
  const autoReply = useAiAutoReply(initialAiEnabled);
  const [selectedId, setSelectedId] = useState<string | null>(initialConversationId);
  const [tab, setTab] = useState<'conversations' | 'unanswered'>('conversations');
  const unanswered = useUnansweredQuestions();
  const team = useTeamAdmins();
  const { replies: savedReplies } = useSavedReplies();
  const notifications = useInboxNotifications({
    unreadTotal: inbox.unreadTotal,
    openConversationId: selectedId,
    onOpenConversation: setSelectedId,
    playSound,
    currentAdminId,
  });

  // The open conversation is in the address, so a reload or a shared link opens it again.
  useEffect(() => {
    const url = new URL(window.location.href);
    if (selectedId === null) url.searchParams.delete('c');
    else url.searchParams.set('c', selectedId);
    window.history.replaceState(window.history.state, '', url);
  }, [selectedId]);

  const back = useCallback(() => setSelectedId(null), []);

  return (
    <div className={frame}>
      <div className={cx('min-h-0 w-full flex-col border-slate-200 md:flex md:w-80 md:shrink-0 md:border-r', selectedId === null ? 'flex' : 'hidden')}>
        <div className="space-y-3 border-b border-slate-200 p-3">
          <div className="flex items-center justify-between gap-2">
            <h1 className="flex items-baseline gap-2 text-lg font-bold tracking-tight text-slate-900">
              Inbox
              {inbox.load.kind === 'ready' ? (
                <span className="text-sm font-medium text-slate-500" data-testid="inbox-total" aria-label={`${inbox.total} conversations`}>
                  {inbox.total}
                </span>
              ) : null}
            </h1>
            <div className="flex items-center gap-1">
              <SoundToggle />
              <Link href="/admin/chat/settings" className="rounded-md px-2 py-1.5 text-xs font-semibold text-slate-600 hover:bg-slate-100 hover:text-slate-900" data-testid="chat-settings-link">
                Settings
              </Link>
            </div>
          </div>
          <AiAutoReplySwitch {...autoReply} onChange={(enabled) => void autoReply.setEnabled(enabled)} />
          <DesktopAlertsOffer permission={notifications.permission} onRequestPermission={() => void notifications.requestPermission()} />
        </div>
        <ConnectionBanner state={state} t={t} />
        <div role="tablist" aria-label="Inbox views" className="flex border-b border-slate-200 text-sm font-semibold">
          {(
            [
              { id: 'conversations', label: 'Conversations', count: null },
              { id: 'unanswered', label: 'Unanswered', count: unanswered.questions.length },
            ] as const
          ).map((view) => (
            <button
              key={view.id}
              type="button"
              role="tab"
              aria-selected={tab === view.id}
              onClick={() => setTab(view.id)}
              className={cx('flex-1 px-3 py-2', tab === view.id ? 'border-b-2 border-indigo-600 text-indigo-700' : 'text-slate-500 hover:text-slate-800')}
              data-testid={`inbox-tab-${view.id}`}
            >
              {view.label}
              {view.count ? (
                <span className="ml-1.5 rounded-full bg-amber-100 px-1.5 py-0.5 text-xs text-amber-800" data-testid="unanswered-total">
                  {view.count}
                </span>
              ) : null}
            </button>
          ))}
        </div>
        {tab === 'conversations' ? (
          <>
            <InboxFilters
              status={inbox.filter.status}
              onStatusChange={inbox.setStatus}
              assigned={inbox.filter.assigned}
              onAssignedChange={inbox.setAssigned}
              query={inbox.query}
              onQueryChange={inbox.setQuery}
            />
            <div className="min-h-0 flex-1 overflow-y-auto">
              <ConversationList
                conversations={inbox.list}
                selectedId={selectedId}
                onSelect={setSelectedId}
                state={inbox.load.kind}
                errorMessage={inbox.load.kind === 'error' ? inbox.load.message : undefined}
                searching={inbox.filter.q.trim() !== ''}
                hasMore={inbox.hasMore}
                loadingMore={inbox.loadingMore}
                onLoadMore={() => void inbox.loadMore()}
                onRetry={inbox.refresh}
              />
            </div>
          </>
        ) : (
          <div className="min-h-0 flex-1 overflow-y-auto" role="tabpanel" aria-label="Unanswered questions">
            <UnansweredList {...unanswered} onOpenConversation={setSelectedId} />
          </div>
        )}
      </div>
      <div className={cx('min-h-0 min-w-0 flex-1', selectedId === null ? 'hidden md:flex' : 'flex')}>
        {selectedId === null ? (
          <div className="m-auto max-w-xs p-6 text-center text-sm text-slate-500" data-testid="no-conversation-selected">
            Choose a conversation to read it and reply. New messages show up here the moment visitors send them.
          </div>
        ) : (
          <div className="h-full min-h-0 w-full">
            <ConversationPanel key={selectedId} conversationId={selectedId} onBack={back} onInboxEvent={inbox.apply} team={team} savedReplies={savedReplies} />
          </div>
        )}
      </div>
    </div>
  );
}
