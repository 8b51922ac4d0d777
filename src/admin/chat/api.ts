import { requestJson } from '@/http/client/api-client';
import type { MessagePayload } from '@/realtime/channels';
import type {
  AssistantTestAnswer,
  ChatSettingsPayload,
  ConversationDetails,
  InboxConversation,
  InboxFilter,
  Pagination,
} from './types';

/* The admin inbox's calls to the chat API; each resolves to the API's `{ success }` shape. */

type InboxPage = { conversations: InboxConversation[]; nextCursor: string | null; syncedAt: string };

/** The first page of the inbox (`page` 1, with its total), or the one after `cursor` (keyset: stable while messages arrive). */
export function fetchInboxPage(filter: InboxFilter, limit: number, cursor?: string) {
  const query = new URLSearchParams({ status: filter.status, limit: String(limit) });
  if (cursor) query.set('cursor', cursor);
  const q = filter.q.trim();
  if (q) query.set('q', q);
  return requestJson<InboxPage & { pagination?: Pagination }>('GET', `/api/chat/conversations?${query}`);
}

/** The conversations changed since an earlier answer's `syncedAt`, whatever the filter (a reconnect's resync). */
export function fetchInboxChanges(changedSince: string, limit: number, cursor?: string | null) {
  const query = new URLSearchParams({ changedSince, limit: String(limit) });
  if (cursor) query.set('cursor', cursor);
  return requestJson<InboxPage>('GET', `/api/chat/conversations?${query}`);
}

export const fetchConversationDetails = (id: string) => requestJson<ConversationDetails>('GET', `/api/chat/conversations/${id}`);

export type ConversationChange = { status?: InboxConversation['status']; isAiHandled?: boolean };

export const changeConversation = (id: string, change: ConversationChange) =>
  requestJson<InboxConversation>('PATCH', `/api/chat/conversations/${id}`, change);

export const sendAdminMessage = (input: { conversationId: string; content: string; clientMessageId: string }) =>
  requestJson<MessagePayload>('POST', '/api/chat/send', input);

export const fetchChatSettings = () => requestJson<ChatSettingsPayload>('GET', '/api/chat/settings');

/** Takes the patch as typed, so a value the API refuses comes back as its field error. */
export const saveChatSettings = (patch: Partial<Omit<ChatSettingsPayload, 'updatedAt'>> | Record<string, unknown>) =>
  requestJson<ChatSettingsPayload>('PATCH', '/api/chat/settings', patch);

/** Asks the assistant for a reply now (also in a conversation taken over); it arrives over the channel. */
export const requestAiReply = (conversationId: string) => requestJson<{ pending: true }>('POST', '/api/chat/ai/respond', { conversationId });

export const testAssistant = (question: string) => requestJson<AssistantTestAnswer>('POST', '/api/chat/ai/test', { question });
