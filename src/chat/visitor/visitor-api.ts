import { callApi } from '@/http/client/api-client';
import type { MessagePayload } from '@/realtime/channels';

/*
 * The visitor's two write calls to the chat API. Reads and live updates go
 * through the chat client (src/chat/client); these two need answers the
 * client does not keep (the session's settings, a send's AI flag).
 */

export type VisitorSession = {
  sessionToken: string;
  conversationId: number | null;
  welcomeMessage: string | null;
  /** Shown when no admin is online and the assistant is off (null: the UI's own text). */
  offlineMessage: string | null;
  aiEnabled: boolean;
  /** The portfolio owner's name, for labelling their replies. */
  ownerName: string | null;
};

export type SentMessage = MessagePayload & { aiResponsePending?: boolean };

/** Visitors have no cookie to send: the session token in its header is their only credential. */
const callAsVisitor = <T>(path: string, body: unknown, sessionToken?: string) =>
  callApi<T>(path, { method: 'POST', body, sessionToken, credentials: 'omit' });

/** Resumes the stored session or starts a new one (an unusable token simply gets a new session). */
export async function startVisitorSession(sessionToken: string | null): Promise<VisitorSession> {
  const data = await callAsVisitor<Partial<VisitorSession> & { sessionToken: string }>('/api/chat/session', {
    sessionToken: sessionToken ?? undefined,
    pageUrl: window.location.href,
  });
  return {
    sessionToken: data.sessionToken,
    conversationId: data.conversationId ?? null,
    welcomeMessage: data.welcomeMessage ?? null,
    offlineMessage: data.offlineMessage ?? null,
    aiEnabled: data.aiEnabled ?? false,
    ownerName: data.ownerName ?? null,
  };
}

export type SendInput = { content: string; clientMessageId: string; visitorName?: string; visitorEmail?: string };

export function sendVisitorMessage(sessionToken: string, input: SendInput): Promise<SentMessage> {
  return callAsVisitor<SentMessage>('/api/chat/send', input, sessionToken);
}
