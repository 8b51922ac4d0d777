import type { ConversationPayload, MessagePayload } from '@/realtime/channels';
import type { InboxConversation, InboxFilter } from './types';

/*
 * The inbox list as a value: what each realtime event does to it, with no
 * React and no I/O, so every rule is unit-tested. The server stays the source
 * of truth: whatever the list cannot know from an event (a conversation that
 * moved into the filter without its preview) is reported as `stale`, and the
 * caller fetches the page again.
 */

export type InboxEvent =
  | { type: 'new-conversation'; conversation: ConversationPayload }
  | { type: 'new-message-alert'; conversation: ConversationPayload; message: MessagePayload }
  | { type: 'conversation-updated'; conversation: ConversationPayload }
  /** A message seen on an open conversation's channel (the owner's own replies, the AI's). */
  | { type: 'message'; message: MessagePayload }
  /** The owner read the conversation. */
  | { type: 'read'; conversationId: string };

export type InboxUpdate = { list: InboxConversation[]; stale: boolean };

/**
 * Conversations marked upset or urgent first (the owner answers them before
 * anything else), then newest activity first; ties (same millisecond) by the
 * newer conversation, then by id so the order is stable.
 */
export function byInboxOrder(a: InboxConversation, b: InboxConversation): number {
  return (
    Number(b.mood !== null) - Number(a.mood !== null) ||
    Date.parse(b.lastMessageAt) - Date.parse(a.lastMessageAt) ||
    Date.parse(b.createdAt) - Date.parse(a.createdAt) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

const contains = (text: string | null | undefined, q: string) => Boolean(text && text.toLowerCase().includes(q));

/**
 * Whether a conversation belongs in the list under `filter`, as far as the
 * browser can tell: its status, and the search in its name, email or the
 * given message text (the server also searches older messages).
 */
export function matchesFilter(conversation: ConversationPayload, filter: InboxFilter, messageText?: string): boolean {
  if (filter.status !== 'all' && conversation.status !== filter.status) return false;
  if (filter.assigned === 'mine' && conversation.assignedAdminId !== filter.me) return false;
  if (filter.assigned === 'unassigned' && conversation.assignedAdminId !== null) return false;
  const q = filter.q.trim().toLowerCase();
  if (!q) return true;
  return contains(conversation.visitorName, q) || contains(conversation.visitorEmail, q) || contains(messageText, q);
}

const preview = (message: MessagePayload): NonNullable<InboxConversation['lastMessage']> => ({
  content: message.content,
  senderType: message.senderType,
  createdAt: message.createdAt,
});

function replace(list: InboxConversation[], next: InboxConversation): InboxConversation[] {
  return list.map((item) => (item.id === next.id ? next : item)).sort(byInboxOrder);
}

/** A later page or a reconnect's fetch merged into the list: the server's rows win, nothing appears twice. */
export function mergePages(list: InboxConversation[], rows: InboxConversation[]): InboxConversation[] {
  const byId = new Map(list.map((item) => [item.id, item]));
  for (const row of rows) byId.set(row.id, row);
  return [...byId.values()].sort(byInboxOrder);
}

/**
 * A reconnect's resync: the conversations changed while away replace their
 * old rows, join the list when they now match the status filter and leave it
 * when they no longer do. (A search is fetched again instead: the browser
 * cannot tell whether an older message matches.)
 */
export function applyChangedRows(list: InboxConversation[], rows: InboxConversation[], filter: InboxFilter): InboxConversation[] {
  const changed = new Set(rows.map((row) => row.id));
  const placed = rows.filter((row) => matchesFilter(row, { ...filter, q: '' }));
  return [...list.filter((item) => !changed.has(item.id)), ...placed].sort(byInboxOrder);
}

export function applyInboxEvent(list: InboxConversation[], event: InboxEvent, filter: InboxFilter): InboxUpdate {
  const unchanged = { list, stale: false };
  switch (event.type) {
    case 'new-conversation': {
      const { conversation } = event;
      if (list.some((item) => item.id === conversation.id) || !matchesFilter(conversation, filter)) return unchanged;
      return { list: [...list, { ...conversation, lastMessage: null, unreadCount: 0 }].sort(byInboxOrder), stale: false };
    }
    case 'new-message-alert': {
      const { conversation, message } = event;
      const known = list.find((item) => item.id === conversation.id);
      // The row already shows this message or a later one (a fetch that overtook the event, or the event twice).
      if (known?.lastMessage && Date.parse(known.lastMessage.createdAt) >= Date.parse(message.createdAt)) return unchanged;
      const unreadCount = (known?.unreadCount ?? 0) + (message.senderType === 'visitor' ? 1 : 0);
      const latest = { lastMessage: preview(message), lastMessageAt: message.createdAt, unreadCount };
      if (!known) {
        return matchesFilter(conversation, filter, message.content)
          ? { list: [...list, { ...conversation, ...latest }].sort(byInboxOrder), stale: false }
          : unchanged;
      }
      // The alert's conversation is as it was when the message was stored, and another change (a take-over, a
      // resolve) may have been published before it: status and handling follow `conversation-updated` only.
      return { list: replace(list, { ...known, ...latest }), stale: false };
    }
    case 'conversation-updated': {
      const { conversation } = event;
      const known = list.find((item) => item.id === conversation.id);
      if (!known) return { list, stale: matchesFilter(conversation, filter) };
      if (!matchesFilter(conversation, { ...filter, q: '' })) return { list: list.filter((item) => item.id !== conversation.id), stale: false };
      return { list: replace(list, { ...known, ...conversation }), stale: false };
    }
    case 'message': {
      const { message } = event;
      const known = list.find((item) => item.id === message.conversationId);
      if (!known || Date.parse(message.createdAt) < Date.parse(known.lastMessage?.createdAt ?? '')) return unchanged;
      const lastMessageAt = Date.parse(message.createdAt) > Date.parse(known.lastMessageAt) ? message.createdAt : known.lastMessageAt;
      return { list: replace(list, { ...known, lastMessage: preview(message), lastMessageAt }), stale: false };
    }
    case 'read': {
      const known = list.find((item) => item.id === event.conversationId);
      if (!known || known.unreadCount === 0) return unchanged;
      return { list: replace(list, { ...known, unreadCount: 0 }), stale: false };
    }
  }
}

/**
 * Unread visitor messages by conversation, whatever the list's filter shows
 * (the tab title counts them all): fetched rows set their count, a visitor's
 * message adds one, reading clears it.
 */
export type UnreadTally = ReadonlyMap<string, number>;

export function tallyRows(tally: UnreadTally, rows: readonly InboxConversation[]): UnreadTally {
  const next = new Map(tally);
  for (const row of rows) next.set(row.id, row.unreadCount);
  return next;
}

export function tallyEvent(tally: UnreadTally, event: InboxEvent): UnreadTally {
  if (event.type === 'new-message-alert' && event.message.senderType === 'visitor') {
    return new Map(tally).set(event.conversation.id, (tally.get(event.conversation.id) ?? 0) + 1);
  }
  if (event.type === 'read' && tally.get(event.conversationId)) return new Map(tally).set(event.conversationId, 0);
  return tally;
}

export const totalUnread = (tally: UnreadTally) => [...tally.values()].reduce((sum, count) => sum + count, 0);
