import { sendChatMessage } from '@/chat/client';
import type { RatingState } from '@/chat/ratings';
import type { Locale } from '@/chat/ui/i18n';
import { ApiError, callApi } from '@/http/client/api-client';
import type { RealtimeConnector } from '@/realtime/client';
import type { SentMessagePayload } from '@/realtime/protocol';
import type { ConversationPayload } from '@/realtime/channels';
import { proveNotABot } from './bot-gate';
import { visitorPageUrl } from './page-location';

/*
 * The visitor's two write calls to the chat API. Reads and live updates go
 * through the chat client (src/chat/client); these two need answers the
 * client does not keep (the session's settings, a send's AI flag).
 */

export type VisitorSession = {
  sessionToken: string;
  conversationId: string | null;
  /** The language the texts below are in (the one asked for). */
  locale: Locale;
  welcomeMessage: string | null;
  /** Shown when no admin is online and the assistant is off (null: the UI's own text). */
  offlineMessage: string | null;
  aiEnabled: boolean;
  /** Whether the owner asks visitors to rate a resolved conversation. */
  ratingsEnabled: boolean;
  /** The open conversation's resolution and rating, as of the session's start (updates arrive on its channel). */
  ratingState: RatingState | null;
  /** The portfolio owner's name, for labelling their replies. */
  ownerName: string | null;
  /** Up to three published Q&A questions, offered as taps before the visitor has written anything. */
  suggestedQuestions: string[];
};

export type { SentMessagePayload as SentMessage } from '@/realtime/protocol';

/** Visitors have no cookie to send: the session token in its header is their only credential. */
const callAsVisitor = <T>(path: string, body: unknown, sessionToken?: string) =>
  callApi<T>(path, { method: 'POST', body, sessionToken, credentials: 'omit' });

/** The name of the widget's honeypot input: hidden from people, so only a bot fills it. */
export const HONEYPOT_FIELD = 'website';

const honeypotValue = () => document.querySelector<HTMLInputElement>(`input[name="${HONEYPOT_FIELD}"]`)?.value ?? '';

type SessionAnswer = Partial<VisitorSession> & { sessionToken: string };

/**
 * Resumes the stored session or starts a new one (an unusable token simply gets a new session), with its
 * texts in `locale`. Only a new
 * one passes the bot gate: the challenge is fetched and solved here, when the server asks for it.
 */
export async function startVisitorSession(sessionToken: string | null, locale: Locale): Promise<VisitorSession> {
  const body = { sessionToken: sessionToken ?? undefined, pageUrl: visitorPageUrl(), locale, [HONEYPOT_FIELD]: honeypotValue() };
  let data: SessionAnswer | null = null;
  if (sessionToken) {
    try {
      data = await callAsVisitor<SessionAnswer>('/api/chat/session', body);
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'forbidden:bot_gate')) throw error;
    }
  }
  data ??= await callAsVisitor<SessionAnswer>('/api/chat/session', { ...body, botGate: (await proveNotABot()) ?? undefined });
  return {
    sessionToken: data.sessionToken,
    conversationId: data.conversationId ?? null,
    locale: data.locale ?? locale,
    suggestedQuestions: data.suggestedQuestions ?? [],
    welcomeMessage: data.welcomeMessage ?? null,
    offlineMessage: data.offlineMessage ?? null,
    aiEnabled: data.aiEnabled ?? false,
    ratingsEnabled: data.ratingsEnabled ?? false,
    ratingState: data.ratingState ?? null,
    ownerName: data.ownerName ?? null,
  };
}

/** The query parameter of the "continue in the browser" link in a visitor's mail. */
export const RESUME_PARAMETER = 'resume';

/**
 * The resume link this page was opened with, exchanged for a new session
 * bound to its conversation (null without one). The link leaves the address
 * bar at once, so it is neither bookmarked nor shared by accident.
 */
export async function takeResumeLink(): Promise<string | null> {
  const url = new URL(window.location.href);
  const token = url.searchParams.get(RESUME_PARAMETER);
  if (!token) return null;
  url.searchParams.delete(RESUME_PARAMETER);
  window.history.replaceState(window.history.state, '', url);
  try {
    const { sessionToken } = await callAsVisitor<{ sessionToken: string }>('/api/chat/resume', { token });
    return sessionToken;
  } catch {
    // An expired link simply leaves the visitor with their usual session.
    return null;
  }
}

export type SendInput = { content: string; clientMessageId: string; visitorName?: string; visitorEmail?: string; uploadId?: string };

/** Over the visitor's socket when it is connected (it must be the one opened with `sessionToken`), else over HTTP. */
export function sendVisitorMessage(sessionToken: string, input: SendInput, connector?: RealtimeConnector | null): Promise<SentMessagePayload> {
  return sendChatMessage(input, { connector, sessionToken, credentials: 'omit' });
}

/** The visitor's answer to "How was this conversation?". */
export const rateConversation = (sessionToken: string, input: { conversationId: string; rating: number; comment: string | null }) =>
  callAsVisitor<ConversationPayload>('/api/chat/rating', input, sessionToken);
