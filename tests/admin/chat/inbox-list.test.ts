import { describe, expect, it } from 'vitest';
import { applyInboxEvent, matchesFilter, mergePages, tallyEvent, tallyRows, totalUnread } from '@/admin/chat/inbox-list';
import { previewText } from '@/admin/chat/format';
import type { InboxConversation, InboxFilter } from '@/admin/chat/types';
import type { ConversationPayload, MessagePayload } from '@/realtime/channels';

/** Conversation `n` of a test, with an id of the real shape. */
const cid = (n: number) => n.toString(16).padStart(32, '0');
const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 19, minute)).toISOString();

function conversation(n: number, minute: number, overrides: Partial<ConversationPayload> = {}): ConversationPayload {
  return {
    id: cid(n),
    visitorName: `Visitor ${n}`,
    visitorEmail: null,
    status: 'active',
    isAiHandled: true,
    needsHuman: false,
    mood: null,
    lastMessageAt: at(minute),
    createdAt: at(0),
    assignedAdminId: null,
    resolvedAt: null,
    rating: null,
    ratingComment: null,
    ratedAt: null,
    ...overrides,
  };
}

function row(n: number, minute: number, overrides: Partial<InboxConversation> = {}): InboxConversation {
  return { ...conversation(n, minute), lastMessage: { content: `hello from ${n}`, senderType: 'visitor', createdAt: at(minute) }, unreadCount: 0, ...overrides };
}

function message(n: number, minute: number, content: string, senderType: MessagePayload['senderType'] = 'visitor'): MessagePayload {
  return { id: n * 100 + minute, conversationId: cid(n), content, senderType, senderId: null, clientMessageId: null, status: 'sent', createdAt: at(minute), metadata: null };
}

const all: InboxFilter = { status: 'all', q: '', assigned: 'all', me: 1 };
const active: InboxFilter = { status: 'active', q: '', assigned: 'all', me: 1 };
const ids = (list: InboxConversation[]) => list.map((item) => parseInt(item.id, 16));

describe('the inbox list under realtime events', () => {
  const list = [row(1, 10), row(2, 5, { unreadCount: 2 }), row(3, 1)];

  it('moves a conversation with a new visitor message to the top and counts it unread', () => {
    const { list: next, stale } = applyInboxEvent(list, { type: 'new-message-alert', conversation: conversation(3, 20), message: message(3, 20, 'Are you there?') }, all);
    expect(stale).toBe(false);
    expect(ids(next)).toEqual([3, 1, 2]);
    expect(next[0]).toMatchObject({ unreadCount: 1, lastMessage: { content: 'Are you there?', senderType: 'visitor' }, lastMessageAt: at(20) });
  });

  it('counts a message once, when a fetch already showed it or the event comes twice', () => {
    const alert = { type: 'new-message-alert', conversation: conversation(2, 5), message: message(2, 5, 'hello from 2') } as const;
    expect(applyInboxEvent(list, alert, all).list).toBe(list);
    const once = applyInboxEvent(list, { ...alert, conversation: conversation(2, 30), message: message(2, 30, 'again?') }, all).list;
    expect(once.find((item) => item.id === cid(2))!.unreadCount).toBe(3);
    expect(applyInboxEvent(once, { ...alert, conversation: conversation(2, 30), message: message(2, 30, 'again?') }, all).list).toBe(once);
  });

  it('adds a conversation it did not list when its message matches the filter, and ignores it otherwise', () => {
    const alert = { type: 'new-message-alert', conversation: conversation(9, 30), message: message(9, 30, 'Need a React contractor') } as const;
    expect(ids(applyInboxEvent(list, alert, all).list)).toEqual([9, 1, 2, 3]);
    expect(applyInboxEvent(list, alert, all).list[0]!.unreadCount).toBe(1);
    expect(ids(applyInboxEvent(list, alert, { status: 'all', q: 'react', assigned: 'all', me: 1 }).list)).toEqual([9, 1, 2, 3]);
    expect(applyInboxEvent(list, alert, { status: 'all', q: 'vue', assigned: 'all', me: 1 }).list).toBe(list);
    expect(applyInboxEvent(list, alert, { status: 'resolved', q: '', assigned: 'all', me: 1 }).list).toBe(list);
  });

  it('lists a new conversation once, however often it is announced', () => {
    const once = applyInboxEvent(list, { type: 'new-conversation', conversation: conversation(7, 40) }, active).list;
    expect(ids(once)).toEqual([7, 1, 2, 3]);
    expect(once[0]).toMatchObject({ lastMessage: null, unreadCount: 0 });
    expect(applyInboxEvent(once, { type: 'new-conversation', conversation: conversation(7, 40) }, active).list).toBe(once);
  });

  it('follows status and handling changes, and drops a conversation that left the filter', () => {
    const handled = applyInboxEvent(list, { type: 'conversation-updated', conversation: conversation(2, 5, { isAiHandled: false, needsHuman: true }) }, active).list;
    expect(handled.find((item) => item.id === cid(2))).toMatchObject({ isAiHandled: false, needsHuman: true, unreadCount: 2, lastMessage: { content: 'hello from 2' } });
    const resolved = applyInboxEvent(list, { type: 'conversation-updated', conversation: conversation(2, 5, { status: 'resolved' }) }, active);
    expect(ids(resolved.list)).toEqual([1, 3]);
    expect(resolved.stale).toBe(false);
  });

  it("keeps a take-over when the assistant's message, stored just before it, is announced just after it", () => {
    const takenOver = applyInboxEvent(list, { type: 'conversation-updated', conversation: conversation(2, 5, { isAiHandled: false }) }, active).list;
    const late = applyInboxEvent(takenOver, { type: 'new-message-alert', conversation: conversation(2, 6, { isAiHandled: true }), message: message(2, 6, 'The AI answer', 'ai') }, active).list;
    expect(late.find((item) => item.id === cid(2))).toMatchObject({ isAiHandled: false, lastMessage: { content: 'The AI answer', senderType: 'ai' } });
  });

  it('asks for a fetch when a conversation it does not hold enters the filter', () => {
    const reopened = applyInboxEvent(list, { type: 'conversation-updated', conversation: conversation(8, 2, { status: 'active' }) }, active);
    expect(reopened).toEqual({ list, stale: true });
    expect(applyInboxEvent(list, { type: 'conversation-updated', conversation: conversation(8, 2, { status: 'closed' }) }, active).stale).toBe(false);
  });

  it("shows the owner's and the AI's replies as the preview without counting them unread", () => {
    const next = applyInboxEvent(list, { type: 'message', message: message(2, 50, 'On it!', 'admin') }, all).list;
    expect(ids(next)).toEqual([2, 1, 3]);
    expect(next[0]).toMatchObject({ unreadCount: 2, lastMessage: { content: 'On it!', senderType: 'admin' } });
    // An older message (a history page) does not replace a newer preview.
    expect(applyInboxEvent(list, { type: 'message', message: message(1, 3, 'old', 'ai') }, all).list).toBe(list);
  });

  it('clears the unread count when the owner reads the conversation', () => {
    const next = applyInboxEvent(list, { type: 'read', conversationId: cid(2) }, all).list;
    expect(next.find((item) => item.id === cid(2))!.unreadCount).toBe(0);
    expect(applyInboxEvent(next, { type: 'read', conversationId: cid(2) }, all).list).toBe(next);
  });

  it('puts a conversation marked upset or urgent on top, and back in its place once the mark is cleared', () => {
    const marked = applyInboxEvent(list, { type: 'conversation-updated', conversation: conversation(3, 1, { mood: 'upset' }) }, active).list;
    expect(ids(marked)).toEqual([3, 1, 2]);
    // Newer activity elsewhere does not push it down.
    const later = applyInboxEvent(marked, { type: 'new-message-alert', conversation: conversation(2, 30), message: message(2, 30, 'hi') }, active).list;
    expect(ids(later)).toEqual([3, 2, 1]);
    expect(ids(mergePages(later, [row(4, 50, { mood: 'urgent' })]))).toEqual([4, 3, 2, 1]);
    const cleared = applyInboxEvent(later, { type: 'conversation-updated', conversation: conversation(3, 1, { mood: null }) }, active).list;
    expect(ids(cleared)).toEqual([2, 1, 3]);
  });

  it('merges a fetched page without duplicates, the server winning', () => {
    const merged = mergePages(list, [row(2, 60, { unreadCount: 5 }), row(4, 0)]);
    expect(ids(merged)).toEqual([2, 1, 3, 4]);
    expect(merged[0]!.unreadCount).toBe(5);
  });
});

describe('the unread tally for the tab title', () => {
  it('counts every conversation seen, whatever the filter shows now', () => {
    // Loaded under "active", then the owner switched to "resolved": the active ones still count.
    let tally = tallyRows(new Map(), [row(1, 10, { unreadCount: 2 }), row(2, 5)]);
    tally = tallyRows(tally, [row(3, 1, { status: 'resolved' })]);
    expect(totalUnread(tally)).toBe(2);
    tally = tallyEvent(tally, { type: 'new-message-alert', conversation: conversation(4, 20), message: message(4, 20, 'hi') });
    tally = tallyEvent(tally, { type: 'new-message-alert', conversation: conversation(4, 21), message: message(4, 21, 'AI handover', 'ai') });
    expect(totalUnread(tally)).toBe(3);
    tally = tallyEvent(tally, { type: 'read', conversationId: cid(1) });
    expect(totalUnread(tally)).toBe(1);
    // A fetch is the truth: it replaces what events added.
    expect(totalUnread(tallyRows(tally, [row(4, 21, { unreadCount: 0 })]))).toBe(0);
  });
});

describe('matchesFilter', () => {
  it('matches status, then the search in name, email or message text, ignoring case', () => {
    const sari = conversation(1, 0, { visitorName: 'Sari Dewi', visitorEmail: 'sari@example.com', status: 'resolved' });
    expect(matchesFilter(sari, { status: 'resolved', q: '', assigned: 'all', me: 1 })).toBe(true);
    expect(matchesFilter(sari, { status: 'active', q: '', assigned: 'all', me: 1 })).toBe(false);
    expect(matchesFilter(sari, { status: 'all', q: ' DEWI ', assigned: 'all', me: 1 })).toBe(true);
    expect(matchesFilter(sari, { status: 'all', q: 'example.COM', assigned: 'all', me: 1 })).toBe(true);
    expect(matchesFilter(sari, { status: 'all', q: 'budget', assigned: 'all', me: 1 }, 'What is your budget?')).toBe(true);
    expect(matchesFilter(sari, { status: 'all', q: 'budget', assigned: 'all', me: 1 })).toBe(false);
    const assignedToTwo = conversation(8, 3, { assignedAdminId: 2 });
    expect(matchesFilter(assignedToTwo, { status: 'all', q: '', assigned: 'mine', me: 2 })).toBe(true);
    expect(matchesFilter(assignedToTwo, { status: 'all', q: '', assigned: 'mine', me: 1 })).toBe(false);
    expect(matchesFilter(assignedToTwo, { status: 'all', q: '', assigned: 'unassigned', me: 1 })).toBe(false);
    expect(matchesFilter(conversation(9, 3), { status: 'all', q: '', assigned: 'unassigned', me: 1 })).toBe(true);
  });
});

describe('previewText', () => {
  it('turns Markdown into one plain line for the list', () => {
    expect(previewText('Yes — **MIT**. The list:\n\n- realtime\n- AI\n\n`npm start` and [docs](https://example.com)')).toBe(
      'Yes — MIT. The list: realtime AI npm start and docs',
    );
    expect(previewText('eko_p@mail.test said 2 * 3')).toBe('eko_p@mail.test said 2 * 3');
  });
});
