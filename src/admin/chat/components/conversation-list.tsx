'use client';

import type { InboxConversation } from '../types';
import { fullDateTime, previewText, shortTimeAgo, visitorLabel } from '../format';
import { HandlingBadge, MoodBadge } from './handling-badge';
import { RatingBadge } from './rating-badge';
import { Button } from '@/ui/button';
import { cx } from '@/ui/cx';
import { messageText } from '@/chat/message-text';

const senderPrefix = { visitor: '', admin: 'You: ', ai: 'AI: ' } as const;

function ConversationListItem({ conversation, selected, onSelect }: { conversation: InboxConversation; selected: boolean; onSelect: (id: string) => void }) {
  const unread = conversation.unreadCount > 0;
  const last = conversation.lastMessage;
  return (
    <li>
      <button
        type="button"
        onClick={() => onSelect(conversation.id)}
        aria-current={selected ? 'true' : undefined}
        className={cx(
          'relative flex w-full flex-col gap-1 border-l-4 px-3 py-3 text-left transition focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600',
          selected
            ? 'border-l-indigo-600 bg-indigo-50'
            : conversation.mood
              ? 'border-l-rose-500 bg-rose-50/60 hover:bg-rose-50'
              : conversation.needsHuman
                ? 'border-l-amber-400 bg-amber-50/60 hover:bg-amber-50'
                : 'border-l-transparent hover:bg-slate-50',
        )}
        data-testid="conversation-list-item"
        data-conversation-id={conversation.id}
      >
        <span className="flex items-center gap-2">
          <span className={cx('min-w-0 flex-1 truncate text-sm', unread ? 'font-bold text-slate-900' : 'font-medium text-slate-800')} data-testid="conversation-visitor-name">
            {visitorLabel(conversation)}
          </span>
          <time dateTime={conversation.lastMessageAt} title={fullDateTime(conversation.lastMessageAt)} className="shrink-0 text-xs text-slate-600">
            {shortTimeAgo(conversation.lastMessageAt)}
          </time>
        </span>
        <span className="flex items-center gap-2">
          <span className={cx('min-w-0 flex-1 truncate text-xs', unread ? 'text-slate-800' : 'text-slate-600')} data-testid="conversation-preview">
            {last ? `${senderPrefix[last.senderType]}${previewText(messageText(last.content))}` : 'No messages yet'}
          </span>
          {unread ? (
            <span
              className="inline-flex min-w-5 shrink-0 items-center justify-center rounded-full bg-indigo-600 px-1.5 text-[11px] font-bold leading-5 text-white"
              aria-label={`${conversation.unreadCount} unread`}
              data-testid="unread-count"
            >
              {conversation.unreadCount > 99 ? '99+' : conversation.unreadCount}
            </span>
          ) : null}
        </span>
        <span className="flex flex-wrap items-center gap-1">
          <MoodBadge mood={conversation.mood} />
          <HandlingBadge conversation={conversation} />
          {conversation.rating !== null ? <RatingBadge rating={conversation.rating} /> : null}
        </span>
      </button>
    </li>
  );
}

type ConversationListProps = {
  conversations: InboxConversation[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  state: 'loading' | 'ready' | 'error';
  errorMessage?: string;
  searching: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  onRetry: () => void;
};

/** The inbox's conversations, newest activity first, with what each needs from the owner at a glance. */
export function ConversationList({ conversations, selectedId, onSelect, state, errorMessage, searching, hasMore, loadingMore, onLoadMore, onRetry }: ConversationListProps) {
  if (state === 'error') {
    return (
      <div role="alert" className="p-4 text-sm text-red-700">
        <p>The conversations could not be loaded: {errorMessage}</p>
        <button type="button" onClick={onRetry} className="mt-2 font-semibold underline">
          Try again
        </button>
      </div>
    );
  }
  if (state === 'loading' && conversations.length === 0) {
    return <p className="p-4 text-sm text-slate-500">Loading conversations…</p>;
  }
  if (conversations.length === 0) {
    return (
      <p className="p-4 text-sm text-slate-500" data-testid="conversation-list-empty">
        {searching ? 'No conversation matches your search.' : 'No conversations here yet. New ones appear the moment a visitor writes.'}
      </p>
    );
  }
  return (
    <div>
      <ul className="divide-y divide-slate-100" aria-label="Conversations" data-testid="conversation-list">
        {conversations.map((conversation) => (
          <ConversationListItem key={conversation.id} conversation={conversation} selected={conversation.id === selectedId} onSelect={onSelect} />
        ))}
      </ul>
      {hasMore ? (
        <div className="p-3">
          <Button size="sm" className="w-full" onClick={onLoadMore} disabled={loadingMore}>
            {loadingMore ? 'Loading…' : 'Load more conversations'}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
