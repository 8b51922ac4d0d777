/** Value types shared by both dialects' schemas and by the rest of the app. */

export type CoreValue = { icon: string; title: string; description: string };
export type ProjectListItem = { name: string; type?: string };

export const conversationStatuses = ['active', 'resolved', 'closed'] as const;
export type ConversationStatus = (typeof conversationStatuses)[number];

/** How a visitor's message read (src/ai/mood.ts): the conversation is marked until the owner clears it. */
export const conversationMoods = ['upset', 'urgent'] as const;
export type ConversationMood = (typeof conversationMoods)[number];

export const senderTypes = ['visitor', 'admin', 'ai'] as const;
export type SenderType = (typeof senderTypes)[number];

/** Delivery status, Chatwoot-style: sent when stored, delivered when a recipient's client acknowledged it. */
export const messageStatuses = ['sent', 'delivered', 'read', 'failed'] as const;
export type MessageStatus = (typeof messageStatuses)[number];

export const aiProviders = ['local', 'openai', 'openai-compatible'] as const;
export type AiProvider = (typeof aiProviders)[number];

export type MessageMetadata = Record<string, unknown>;

/** Languages the chat speaks; texts the owner writes per language (welcome, offline) are keyed by these. */
export const chatLanguages = ['en', 'id'] as const;
export type ChatLanguage = (typeof chatLanguages)[number];

/** Why the assistant handed a question to the owner instead of answering it. */
export const unansweredReasons = ['not_in_portfolio', 'asked_for_human', 'provider_failed', 'limit'] as const;
export type UnansweredReason = (typeof unansweredReasons)[number];

/**
 * Why a stored assistant message handed the conversation to the owner (messages.handover_reason): finer than
 * UnansweredReason, so the insights tell a spent budget from an hourly limit and a failed provider from a late one.
 */
export const handoverReasons = ['not_in_portfolio', 'asked_for_human', 'provider_failed', 'too_late', 'rate_limit', 'budget', 'upset', 'urgent', 'image'] as const;
export type HandoverReason = (typeof handoverReasons)[number];

/** open: waiting for the owner; done: answered (e.g. into the Q&A); dismissed: the owner chose to ignore it. */
export const unansweredStatuses = ['open', 'done', 'dismissed'] as const;
export type UnansweredStatus = (typeof unansweredStatuses)[number];

/**
 * What an outbox row is about: the owner's mail about a conversation's unread messages, the owner's mail about a
 * hand-over (sent at once), the owner's summary once the hourly limit is reached, the visitor's copy of the owner's reply.
 */
export const notificationKinds = ['owner_messages', 'owner_handover', 'owner_summary', 'visitor_reply'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** pending: waiting or being retried; sent; failed: out of attempts (the SMTP error is kept); skipped: no longer needed. */
export const notificationStatuses = ['pending', 'sent', 'failed', 'skipped'] as const;
export type NotificationStatus = (typeof notificationStatuses)[number];
