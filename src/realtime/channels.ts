import { isConversationId } from '@/chat/conversation-id';
import type { ConversationMood, ConversationStatus, MessageStatus, SenderType } from '@/db/schema/types';

/**
 * Channel names and the typed map of every event, shared by the server
 * broadcaster and the browser connector, whichever transport (Socket.IO now,
 * Pusher later) carries them. Names follow the owner's plan.
 */
export const ADMIN_NOTIFICATIONS_CHANNEL = 'private-admin-notifications';
export const ADMIN_PRESENCE_CHANNEL = 'presence-admin-chat';
const CONVERSATION_PREFIX = 'private-conversation-';

/** Named by the conversation's public id, so channel names cannot be guessed. */
export const conversationChannel = (conversationId: string) => `${CONVERSATION_PREFIX}${conversationId}`;

/** The conversation id of a conversation channel name, or null for any other name. */
export function conversationIdOfChannel(channel: string): string | null {
  if (!channel.startsWith(CONVERSATION_PREFIX)) return null;
  const id = channel.slice(CONVERSATION_PREFIX.length);
  return isConversationId(id) ? id : null;
}

/** A message as it travels in events and API answers: dates as ISO strings. */
export type MessagePayload = {
  id: number;
  conversationId: string;
  content: string;
  senderType: SenderType;
  senderId: number | null;
  clientMessageId: string | null;
  status: MessageStatus;
  createdAt: string;
  metadata: Record<string, unknown> | null;
};

export type ConversationPayload = {
  id: string;
  visitorName: string | null;
  visitorEmail: string | null;
  status: ConversationStatus;
  isAiHandled: boolean;
  needsHuman: boolean;
  /** A visitor's message read as upset or urgent (src/ai/mood.ts), until the owner clears it; always null on the visitor's channel. */
  mood: ConversationMood | null;
  lastMessageAt: string;
  createdAt: string;
  /** The admin it is assigned to; null: unassigned. */
  assignedAdminId: number | null;
  /** The latest resolution; the visitor is asked to rate each one once (src/chat/ratings.ts). */
  resolvedAt: string | null;
  /** The visitor's rating (1–5) and comment, for the latest resolution it answered. */
  rating: number | null;
  ratingComment: string | null;
  ratedAt: string | null;
};

export type PresenceMember = { id: string; name: string };

/** Server → client events, by name, with their payloads. */
export type ServerEvents = {
  // private-conversation-{id}
  'new-message': MessagePayload;
  'message-status': { conversationId: string; messageIds: number[]; status: MessageStatus };
  'message-read': { conversationId: string; messageIds: number[]; readBy: 'visitor' | 'admin'; readAt: string };
  'ai-typing': { conversationId: string; isTyping: boolean };
  'ai-stream': { conversationId: string; tempId: string; text: string };
  // private-conversation-{id} and private-admin-notifications
  'conversation-updated': ConversationPayload;
  // private-admin-notifications
  'new-conversation': ConversationPayload;
  'new-message-alert': { conversation: ConversationPayload; message: MessagePayload };
  'ai-settings-changed': { aiEnabled: boolean; changedBy: string };
  // presence-admin-chat
  'member-added': PresenceMember;
  'member-removed': PresenceMember;
};

/** Client events a member may relay to the other members of a channel it belongs to. */
export type ClientEvents = {
  'client-typing': { isTyping: boolean; senderType: 'visitor' | 'admin' };
};

export type ServerEventName = keyof ServerEvents;
export type ClientEventName = keyof ClientEvents;
