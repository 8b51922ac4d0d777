import type { TeamPayload } from '@/auth/server/team';
import type { ConversationDevice } from '@/chat/devices';
import type { SavedRepliesImportResult, SavedReply } from '@/chat/saved-replies';
import { sendChatMessage } from '@/chat/client';
import { requestJson, resultOf } from '@/http/client/api-client';
import type { RealtimeConnector } from '@/realtime/client';
import type {
  AssistantTestAnswer,
  ChatSettingsPayload,
  ConversationDetails,
  InboxConversation,
  InboxFilter,
  Pagination,
  TestMailResult,
  UnansweredQuestion,
} from './types';
import type { UnansweredStatus } from '@/db/schema/types';

/* The admin inbox's calls to the chat API; each resolves to the API's `{ success }` shape. */

type InboxPage = { conversations: InboxConversation[]; nextCursor: string | null; syncedAt: string };

/** The first page of the inbox (`page` 1, with its total), or the one after `cursor` (keyset: stable while messages arrive). */
export function fetchInboxPage(filter: InboxFilter, limit: number, cursor?: string) {
  const query = new URLSearchParams({ status: filter.status, limit: String(limit) });
  if (filter.assigned !== 'all') query.set('assigned', filter.assigned);
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

export type ConversationChange = { status?: InboxConversation['status']; isAiHandled?: boolean; assignedAdminId?: number | null; mood?: null };

export const changeConversation = (id: string, change: ConversationChange) =>
  requestJson<InboxConversation>('PATCH', `/api/chat/conversations/${id}`, change);

/** Over the admin's socket while it is connected, else over HTTP (always under Pusher). */
export const sendAdminMessage = (connector: RealtimeConnector, input: { conversationId: string; content: string; clientMessageId: string; uploadId?: string }) =>
  resultOf(sendChatMessage(input, { connector }));

export const fetchChatSettings = () => requestJson<ChatSettingsPayload>('GET', '/api/chat/settings');

/** Takes the patch as typed, so a value the API refuses comes back as its field error. */
export const saveChatSettings = (patch: Partial<Omit<ChatSettingsPayload, 'updatedAt'>> | Record<string, unknown>) =>
  requestJson<ChatSettingsPayload>('PATCH', '/api/chat/settings', patch);

/** Asks the assistant for a reply now (also in a conversation taken over); it arrives over the channel. `regenerate` answers an answered message again. */
export const requestAiReply = (conversationId: string, regenerate = false) =>
  requestJson<{ pending: true }>('POST', '/api/chat/ai/respond', { conversationId, regenerate });

/** Sends a test mail now; a refused send is an answer (`sent: false` with the SMTP error), not a failure. */
export const sendTestMail = () => requestJson<TestMailResult>('POST', '/api/chat/settings/test-mail');

export const testAssistant = (question: string) => requestJson<AssistantTestAnswer>('POST', '/api/chat/ai/test', { question });

export const fetchUnansweredQuestions = (status: UnansweredStatus | 'all' = 'open') =>
  requestJson<{ questions: UnansweredQuestion[] }>('GET', `/api/chat/unanswered?status=${status}`);

export const changeUnansweredQuestion = (id: number, status: UnansweredStatus) =>
  requestJson<UnansweredQuestion>('PATCH', `/api/chat/unanswered/${id}`, { status });

/** Stores the pair in the portfolio's Q&A and marks the question done. */
export const answerUnansweredQuestion = (id: number, input: { answer: string; question?: string; language?: 'en' | 'id' }) =>
  requestJson<UnansweredQuestion>('POST', `/api/chat/unanswered/${id}/answer`, input);

export const fetchConversationDevices = (conversationId: string) =>
  requestJson<{ devices: ConversationDevice[] }>('GET', `/api/chat/devices?conversationId=${encodeURIComponent(conversationId)}`);

export const signOutConversationDevice = (conversationId: string, deviceId: number) =>
  requestJson<{ signedOut: true }>('DELETE', `/api/chat/devices/${deviceId}?conversationId=${encodeURIComponent(conversationId)}`);

export type SavedReplyDraft = { title: string; text: string; shortcut: string };

export const fetchSavedReplies = () => requestJson<{ replies: SavedReply[] }>('GET', '/api/chat/saved-replies');

export const createSavedReply = (draft: SavedReplyDraft) => requestJson<SavedReply>('POST', '/api/chat/saved-replies', draft);

export const updateSavedReply = (id: number, draft: SavedReplyDraft) => requestJson<SavedReply>('PATCH', `/api/chat/saved-replies/${id}`, draft);

export const deleteSavedReply = (id: number) => requestJson<{ deleted: true }>('DELETE', `/api/chat/saved-replies/${id}`);

/** Sends an export file's parsed contents as they are: the server judges all of it. */
export const importSavedReplies = (file: unknown) => requestJson<SavedRepliesImportResult>('POST', '/api/chat/saved-replies/import', file);

/** A plain link: the browser downloads the file under the name the server gives it. */
export const SAVED_REPLIES_EXPORT_URL = '/api/chat/saved-replies/export';

export const fetchTeam = () => requestJson<TeamPayload>('GET', '/api/admin/team');
export const inviteAdmin = (email: string) => requestJson<{ id: number; email: string; url: string; expiresAt: string }>('POST', '/api/admin/team/invitations', { email });
export const cancelInvitation = (id: number) => requestJson<{ cancelled: true }>('DELETE', `/api/admin/team/invitations/${id}`);
export const removeAdmin = (id: number) => requestJson<{ removed: true }>('DELETE', `/api/admin/team/${id}`);
