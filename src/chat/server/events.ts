import type { ChatParticipant, Conversation, ConversationDetails, ConversationListItem, Message } from '@/db/repository/chat';
import { logger } from '@/logger';
import { noteNewMessage } from '@/notify/server/dispatch';
import { describeUserAgent } from './user-agent';
import { getBroadcaster } from '@/realtime/server/broadcaster';
import {
  ADMIN_NOTIFICATIONS_CHANNEL,
  conversationChannel,
  type ConversationPayload,
  type MessagePayload,
  type ServerEventName,
  type ServerEvents,
} from '@/realtime/channels';

/*
 * The one place chat events leave the server. Every function here is called
 * only after the write it describes has committed, maps database rows to the
 * wire payloads (dates as ISO strings) and publishes. A failed publish is
 * logged, never thrown: the message is stored, and clients fill gaps with
 * `after=` when they reconnect.
 */

export function toMessagePayload(message: Message): MessagePayload {
  return {
    id: message.id,
    conversationId: message.conversationId,
    content: message.content,
    senderType: message.senderType,
    senderId: message.senderId,
    clientMessageId: message.clientMessageId,
    status: message.status,
    createdAt: message.createdAt.toISOString(),
    metadata: message.metadata,
  };
}

/** What the visitor's chat shows of a message's metadata: which stream it ends, hand-overs and their reason, sources, its image. */
const VISITOR_METADATA_KEYS = ['streamId', 'handover', 'notice', 'sources', 'image'] as const;

/**
 * A message as the visitor may see it: without the owner's user id and the
 * assistant's internals (provider, model, token counts, timings). Everything
 * the visitor receives, in answers and on the conversation channel, passes
 * here; the admins' copies (their API answers, `new-message-alert`) keep all.
 */
export function toVisitorMessagePayload(message: Message): MessagePayload {
  const payload = toMessagePayload(message);
  const kept = Object.entries(message.metadata ?? {}).filter(([key]) => (VISITOR_METADATA_KEYS as readonly string[]).includes(key));
  return { ...payload, senderId: null, metadata: kept.length > 0 ? Object.fromEntries(kept) : null };
}

export function toConversationPayload(conversation: Conversation): ConversationPayload {
  return {
    id: conversation.id,
    visitorName: conversation.visitorName,
    visitorEmail: conversation.visitorEmail,
    status: conversation.status,
    isAiHandled: conversation.isAiHandled,
    needsHuman: conversation.needsHuman,
    mood: conversation.mood,
    lastMessageAt: conversation.lastMessageAt.toISOString(),
    createdAt: conversation.createdAt.toISOString(),
    assignedAdminId: conversation.assignedAdminId,
    resolvedAt: conversation.resolvedAt?.toISOString() ?? null,
    rating: conversation.rating,
    ratingComment: conversation.ratingComment,
    ratedAt: conversation.ratedAt?.toISOString() ?? null,
  };
}

export function toConversationListPayload(item: ConversationListItem) {
  return {
    ...toConversationPayload(item),
    lastMessage: item.lastMessage
      ? {
          content: item.lastMessage.content,
          senderType: item.lastMessage.senderType,
          createdAt: item.lastMessage.createdAt.toISOString(),
        }
      : null,
    unreadCount: item.unreadCount,
  };
}

/** One conversation for the admin's panel: the inbox fields plus its visitor's details. */
export function toConversationDetailsPayload(details: ConversationDetails) {
  const { visitor } = details;
  return {
    ...toConversationListPayload(details),
    visitor: visitor
      ? {
          firstSeenAt: visitor.firstSeenAt.toISOString(),
          lastSeenAt: visitor.lastSeenAt.toISOString(),
          pageUrl: visitor.pageUrl,
          userAgent: visitor.userAgent,
          browser: describeUserAgent(visitor.userAgent),
        }
      : null,
  };
}

type Publication = { [E in ServerEventName]: { channel: string; event: E; data: ServerEvents[E] } }[ServerEventName];

async function publishAll(publications: Publication[]): Promise<void> {
  const broadcaster = getBroadcaster();
  const results = await Promise.allSettled(
    publications.map(({ channel, event, data }) =>
      broadcaster.publish(channel, event as ServerEventName, data as ServerEvents[ServerEventName]),
    ),
  );
  results.forEach((result, index) => {
    if (result.status === 'rejected') {
      const { channel, event } = publications[index]!;
      logger.error({ err: result.reason, channel, event }, 'chat event could not be published');
    }
  });
}

/**
 * A stored message: to everyone on its conversation (the visitor's copy, as
 * the visitor is on that channel), and to the admins in full, whose inbox
 * rows follow every message whichever tab or instance wrote it (their inbox
 * chimes only for visitors' messages and the assistant's handovers).
 * `new-conversation` goes first when this message opened the conversation.
 * The e-mail outbox hears of it here too, so every path that stores a
 * message (visitor, owner, assistant) queues its notification the same way.
 */
export async function publishNewMessage(input: { conversation: Conversation; message: Message; conversationCreated: boolean }) {
  const conversation = toConversationPayload(input.conversation);
  const message = toMessagePayload(input.message);
  const publications: Publication[] = [
    { channel: conversationChannel(conversation.id), event: 'new-message', data: toVisitorMessagePayload(input.message) },
  ];
  if (input.conversationCreated) {
    publications.push({ channel: ADMIN_NOTIFICATIONS_CHANNEL, event: 'new-conversation', data: conversation });
  }
  publications.push({ channel: ADMIN_NOTIFICATIONS_CHANNEL, event: 'new-message-alert', data: { conversation, message } });
  await Promise.all([publishAll(publications), noteNewMessage(input)]);
}

/**
 * Status, handling or mood changed: the visitor's widget and the admin inbox
 * both follow it. How the visitor's messages read is the owner's to know,
 * not the visitor's: their copy never carries the mood.
 */
export function publishConversationUpdated(conversation: Conversation) {
  const data = toConversationPayload(conversation);
  return publishAll([
    { channel: conversationChannel(conversation.id), event: 'conversation-updated', data: { ...data, mood: null } },
    { channel: ADMIN_NOTIFICATIONS_CHANNEL, event: 'conversation-updated', data },
  ]);
}

export function publishMessagesRead(input: { conversationId: string; messageIds: number[]; readBy: ChatParticipant; readAt: Date }) {
  if (input.messageIds.length === 0) return Promise.resolve();
  return publishAll([
    {
      channel: conversationChannel(input.conversationId),
      event: 'message-read',
      data: {
        conversationId: input.conversationId,
        messageIds: input.messageIds,
        readBy: input.readBy,
        readAt: input.readAt.toISOString(),
      },
    },
  ]);
}

/** The recipient's client has these messages: their sender sees them delivered. */
export function publishMessagesDelivered(input: { conversationId: string; messageIds: number[] }) {
  if (input.messageIds.length === 0) return Promise.resolve();
  return publishAll([
    { channel: conversationChannel(input.conversationId), event: 'message-status', data: { ...input, status: 'delivered' } },
  ]);
}

/** The assistant started (true) or stopped (false) working on a reply; false comes also after a failure or a discarded reply. */
export function publishAiTyping(conversationId: string, isTyping: boolean) {
  return publishAll([{ channel: conversationChannel(conversationId), event: 'ai-typing', data: { conversationId, isTyping } }]);
}

/** The reply being generated, as the whole text so far: a client that missed an event still shows the right text. */
export function publishAiStream(input: { conversationId: string; tempId: string; text: string }) {
  return publishAll([{ channel: conversationChannel(input.conversationId), event: 'ai-stream', data: input }]);
}

/** The AI auto-reply switch (or another setting) changed: every admin tab follows it. */
export function publishAiSettingsChanged(data: ServerEvents['ai-settings-changed']) {
  return publishAll([{ channel: ADMIN_NOTIFICATIONS_CHANNEL, event: 'ai-settings-changed', data }]);
}
