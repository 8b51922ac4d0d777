import type { toConversationDetailsPayload, toConversationListPayload } from '@/chat/events';
import type { ChatSettingsPayload } from '@/chat/settings';
import type { ConversationStatus } from '@/db/schema/types';

/* The shapes the admin inbox receives, taken from the server functions that produce them. */

/** A row of the inbox: `GET /api/chat/conversations`. */
export type InboxConversation = ReturnType<typeof toConversationListPayload>;

/** One conversation for the panel: `GET /api/chat/conversations/:id`. */
export type ConversationDetails = ReturnType<typeof toConversationDetailsPayload>;

export type VisitorDetails = NonNullable<ConversationDetails['visitor']>;

export type StatusFilter = ConversationStatus | 'all';

export type InboxFilter = { status: StatusFilter; q: string };

export type Pagination = { total: number; page: number; limit: number; totalPages: number };

export type { ChatSettingsPayload };

/** `providers` in `GET /api/chat/settings` once the AI branch lands; absent before. */
export type AiProviderOption = { id: ChatSettingsPayload['aiProvider']; available: boolean; defaultModel: string; hint: string | null };

export type ChatSettingsAnswer = ChatSettingsPayload & { providers?: AiProviderOption[] };

/** `POST /api/chat/ai/test`, built by the AI branch (CONTRACTS.md). */
export type AssistantTestAnswer = {
  answer: string;
  handover: boolean;
  facts: { source: string; label: string; text: string }[];
  provider: string;
  model: string;
};
