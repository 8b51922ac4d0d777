import { ApiError, callApi, type ApiRequest } from '@/http/client/api-client';
import { statusOf } from '@/http/errors';
import type { RealtimeConnector } from '@/realtime/client';
import type { MessageSendAck, MessageSendInput, SentMessagePayload } from '@/realtime/protocol';

export type ChatSendOptions = Pick<ApiRequest, 'baseUrl' | 'fetch' | 'sessionToken' | 'credentials'> & {
  /** The connection to send over when it carries sends; HTTP otherwise (and when none is given). */
  connector?: RealtimeConnector | null;
};

/**
 * Stores one message: over the realtime socket the sender already holds when
 * it is connected (no request pipeline per message), else with POST
 * /api/chat/send. Both answer the same message and fail with the same
 * ApiError, so callers never know which way it went. A socket send left
 * unanswered (timeout, connection lost) goes again over HTTP at once with the
 * same clientMessageId: the server stores it once whichever attempt arrives.
 */
export async function sendChatMessage(input: MessageSendInput, options: ChatSendOptions = {}): Promise<SentMessagePayload> {
  const { connector, ...request } = options;
  const ack = connector ? await connector.sendMessage(input).catch(() => null) : null;
  if (!ack) return callApi<SentMessagePayload>('/api/chat/send', { ...request, method: 'POST', body: input });
  if (ack.ok) return ack.message;
  throw apiErrorOf(ack);
}

/** A refusal over the socket as the HTTP answer's would read: the status its code is answered with over HTTP. */
function apiErrorOf(refusal: Extract<MessageSendAck, { ok: false }>): ApiError {
  return new ApiError({
    error: refusal.error,
    status: statusOf(refusal.code),
    code: refusal.code,
    fields: refusal.fields,
    retryAfterMs: refusal.retryAfterMs ?? null,
  });
}
