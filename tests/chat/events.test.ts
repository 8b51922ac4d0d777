import { afterEach, describe, expect, it, vi } from 'vitest';
import { publishConversationUpdated, publishMessagesRead, publishNewMessage } from '@/chat/server/events';
import type { Conversation, Message } from '@/db/repository/chat';
import { logger } from '@/logger';
import { registerBroadcaster, type Broadcaster } from '@/realtime/server/broadcaster';

const at = new Date('2026-01-02T03:04:05.000Z');
const ID = '0123456789abcdef0123456789abcdef';
const conversation: Conversation = {
  id: ID,
  visitorId: 'v',
  visitorName: 'Ada',
  visitorEmail: null,
  status: 'active',
  isAiHandled: true,
  needsHuman: false,
  mood: null,
  moodAt: null,
  lastMessageAt: at,
  visitorLastSeenAt: null,
  adminLastSeenAt: null,
  assignedAdminId: null,
  resolvedAt: null,
  rating: null,
  ratingComment: null,
  ratedAt: null,
  createdAt: at,
  updatedAt: at,
};
const message = (senderType: Message['senderType']): Message => ({
  id: 11,
  conversationId: ID,
  senderType,
  senderId: null,
  content: 'hi',
  clientMessageId: null,
  status: 'sent',
  readAt: null,
  uploadId: null,
  metadata: null,
  createdAt: at,
});

function record(options: { failOn?: string } = {}) {
  const published: [string, string, unknown][] = [];
  const broadcaster: Broadcaster = {
    async publish(channel, event, data) {
      if (event === options.failOn) throw new Error('transport down');
      published.push([channel, event, data]);
    },
  };
  registerBroadcaster(broadcaster);
  return published;
}

afterEach(() => {
  registerBroadcaster(undefined);
  vi.restoreAllMocks();
});

describe('chat event dispatch', () => {
  it('sends a visitor’s first message to the conversation and alerts the admins about the new conversation', async () => {
    const published = record();
    await publishNewMessage({ conversation, message: message('visitor'), conversationCreated: true });
    expect(published.map(([channel, event]) => `${channel} ${event}`)).toEqual([
      `private-conversation-${ID} new-message`,
      'private-admin-notifications new-conversation',
      'private-admin-notifications new-message-alert',
    ]);
    expect(published[0]![2]).toMatchObject({ id: 11, createdAt: '2026-01-02T03:04:05.000Z' });
    expect(published[1]![2]).toMatchObject({ id: ID, lastMessageAt: '2026-01-02T03:04:05.000Z', createdAt: '2026-01-02T03:04:05.000Z' });
  });

  it("keeps every admin inbox current with the owner's and the assistant's replies too", async () => {
    for (const sender of ['admin', 'ai'] as const) {
      const published = record();
      await publishNewMessage({ conversation, message: message(sender), conversationCreated: false });
      expect(published.map(([channel, event]) => `${channel} ${event}`)).toEqual([
        `private-conversation-${ID} new-message`,
        'private-admin-notifications new-message-alert',
      ]);
    }
  });

  it('sends conversation updates to both the conversation and the admins', async () => {
    const published = record();
    await publishConversationUpdated(conversation);
    expect(published.map(([channel, event]) => `${channel} ${event}`)).toEqual([
      `private-conversation-${ID} conversation-updated`,
      'private-admin-notifications conversation-updated',
    ]);
  });

  it('announces read marks only when some message changed', async () => {
    const published = record();
    await publishMessagesRead({ conversationId: ID, messageIds: [], readBy: 'admin', readAt: at });
    await publishMessagesRead({ conversationId: ID, messageIds: [1, 2], readBy: 'visitor', readAt: at });
    expect(published).toEqual([
      [`private-conversation-${ID}`, 'message-read', { conversationId: ID, messageIds: [1, 2], readBy: 'visitor', readAt: at.toISOString() }],
    ]);
  });

  it('never fails the caller when the transport does: the message is already stored', async () => {
    const published = record({ failOn: 'new-message' });
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    await expect(publishNewMessage({ conversation, message: message('visitor'), conversationCreated: false })).resolves.toBeUndefined();
    expect(published.map(([, event]) => event)).toEqual(['new-message-alert']);
    expect(logged).toHaveBeenCalledWith(
      expect.objectContaining({ channel: `private-conversation-${ID}`, event: 'new-message' }),
      'chat event could not be published',
    );
  });
});
