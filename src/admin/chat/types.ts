import type { testAssistant } from '@/ai/assistant';
import type { UnansweredQuestionPayload } from '@/ai/unanswered';
import type { toConversationDetailsPayload, toConversationListPayload } from '@/chat/server/events';
import type { ChatSettingsPayload } from '@/chat/server/settings';
import type { ConversationStatus } from '@/db/schema/types';
import type { FailedNotification, MailSetup, TestMailResult } from '@/notify/server/mail-setup';

/* The shapes the admin inbox receives, taken from the server functions that produce them. */

/** A row of the inbox: `GET /api/chat/conversations`. */
export type InboxConversation = ReturnType<typeof toConversationListPayload>;

/** One conversation for the panel: `GET /api/chat/conversations/:id`. */
export type ConversationDetails = ReturnType<typeof toConversationDetailsPayload>;

export type VisitorDetails = NonNullable<ConversationDetails['visitor']>;

export type StatusFilter = ConversationStatus | 'all';

/** Whose conversations the inbox shows: the viewer's, nobody's, or everyone's. */
export type AssigneeFilter = 'all' | 'mine' | 'unassigned';
/** `me`: the viewing admin's id, what "mine" means. */
export type InboxFilter = { status: StatusFilter; q: string; assigned: AssigneeFilter; me: number };

export type Pagination = { total: number; page: number; limit: number; totalPages: number };

export type { ChatSettingsPayload };

/** A provider the settings page offers, with whether this server has it configured. */
export type AiProviderOption = ChatSettingsPayload['providers'][number];

/** `POST /api/chat/ai/test`: the answer and the portfolio facts behind it. */
export type AssistantTestAnswer = Awaited<ReturnType<typeof testAssistant>>;

/** A question the assistant handed over: `GET /api/chat/unanswered`. */
export type UnansweredQuestion = UnansweredQuestionPayload;

/** How the server's e-mail is set up, the notifications that failed for good, and `POST /api/chat/settings/test-mail`'s answer. */
export type { FailedNotification, MailSetup, TestMailResult };
