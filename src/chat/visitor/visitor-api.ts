import type { Locale } from '@/chat/ui/i18n';
import type { MessagePayload } from '@/realtime/channels';

/*
 * The visitor's two write calls to the chat API. Reads and live updates go
 * through the chat client (src/chat/client); these two need answers the
 * client does not keep (the session's settings, a send's AI flag).
 */

export type VisitorSession = {
  sessionToken: string;
  conversationId: number | null;
  /** The language the texts below are in (the one asked for). */
  locale: Locale;
  welcomeMessage: string | null;
  /** Shown when no admin is online and the assistant is off (null: the UI's own text). */
  offlineMessage: string | null;
  aiEnabled: boolean;
  /** The portfolio owner's name, for labelling their replies. */
  ownerName: string | null;
  /** Up to three published Q&A questions, offered as taps before the visitor has written anything. */
  suggestedQuestions: string[];
};

export type SentMessage = MessagePayload & { aiResponsePending?: boolean };

/** A refused or failed call: `retryable` says whether sending the same thing later may work. */
export class VisitorApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null,
    readonly retryAfterMs: number | null,
  ) {
    super(message);
    this.name = 'VisitorApiError';
  }

  /** Offline (status 0), server trouble, rate limits and an expired session clear up by themselves. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 401 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

async function postJson<T>(path: string, body: unknown, sessionToken?: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(sessionToken ? { 'x-session-token': sessionToken } : {}) },
      body: JSON.stringify(body),
      credentials: 'omit',
    });
  } catch (error) {
    throw new VisitorApiError(error instanceof Error ? error.message : 'network error', 0, null, null);
  }
  const answer = (await response.json().catch(() => null)) as { success?: boolean; data?: T; error?: string; code?: string } | null;
  if (!response.ok || !answer?.success) {
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new VisitorApiError(
      answer?.error ?? `request failed with ${response.status}`,
      response.status,
      answer?.code ?? null,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : null,
    );
  }
  return answer.data as T;
}

/** Resumes the stored session or starts a new one (an unusable token simply gets a new session), with its texts in `locale`. */
export async function startVisitorSession(sessionToken: string | null, locale: Locale): Promise<VisitorSession> {
  const data = await postJson<Partial<VisitorSession> & { sessionToken: string }>('/api/chat/session', {
    sessionToken: sessionToken ?? undefined,
    pageUrl: window.location.href,
    locale,
  });
  return {
    sessionToken: data.sessionToken,
    conversationId: data.conversationId ?? null,
    locale: data.locale ?? locale,
    suggestedQuestions: data.suggestedQuestions ?? [],
    welcomeMessage: data.welcomeMessage ?? null,
    offlineMessage: data.offlineMessage ?? null,
    aiEnabled: data.aiEnabled ?? false,
    ownerName: data.ownerName ?? null,
  };
}

export type SendInput = { content: string; clientMessageId: string; visitorName?: string; visitorEmail?: string };

export function sendVisitorMessage(sessionToken: string, input: SendInput): Promise<SentMessage> {
  return postJson<SentMessage>('/api/chat/send', input, sessionToken);
}
