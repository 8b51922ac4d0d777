import { describe, expect, it } from 'vitest';
import { sendChatMessage } from '@/chat/client';
import { ApiError } from '@/http/client/api-client';
import { createConnector, type RealtimeConnector } from '@/realtime/client';
import type { MessageSendAck, MessageSendInput, SentMessagePayload } from '@/realtime/protocol';

const input: MessageSendInput = { content: 'hello', clientMessageId: 'cm-1' };

const stored = (id: number): SentMessagePayload => ({
  id,
  conversationId: 'c1',
  content: 'hello',
  senderType: 'visitor',
  senderId: null,
  clientMessageId: 'cm-1',
  status: 'sent',
  createdAt: '2026-01-01T00:00:00.000Z',
  metadata: null,
  aiResponsePending: true,
});

/** A connector whose only working part is sendMessage, answering as `answer` says; it records what it was given. */
async function connectorSending(answer: (input: MessageSendInput) => Promise<MessageSendAck | null>) {
  const sent: MessageSendInput[] = [];
  const connector: RealtimeConnector = {
    ...(await createConnector({ driver: 'null' })),
    sendMessage: (given) => {
      sent.push(given);
      return answer(given);
    },
  };
  return { connector, sent };
}

/** The HTTP side: records each POST /api/chat/send and answers as the route does. */
function fakeFetch(respond: () => Response = () => Response.json({ success: true, data: stored(2) }, { status: 201 })) {
  const requests: { url: string; body: unknown; headers: Record<string, string>; credentials?: RequestCredentials }[] = [];
  const fetch: typeof globalThis.fetch = async (url, init) => {
    requests.push({ url: String(url), body: JSON.parse(String(init?.body)), headers: init?.headers as Record<string, string>, credentials: init?.credentials });
    return respond();
  };
  return { fetch, requests };
}

describe('sendChatMessage: socket when it carries sends, HTTP otherwise', () => {
  it('sends over a connected socket and answers its stored message, with no HTTP request', async () => {
    const { connector, sent } = await connectorSending(async () => ({
      ok: true,
      message: stored(1),
      conversationId: 'c1',
      aiResponsePending: true,
      duplicate: false,
    }));
    const http = fakeFetch();
    expect(await sendChatMessage(input, { connector, fetch: http.fetch })).toEqual(stored(1));
    expect(sent).toEqual([input]);
    expect(http.requests).toEqual([]);
  });

  it('goes over HTTP, with the session token, when the connector carries no sends (offline, Pusher, none)', async () => {
    const { connector, sent } = await connectorSending(async () => null);
    const http = fakeFetch();
    expect(await sendChatMessage(input, { connector, fetch: http.fetch, sessionToken: 'tok', credentials: 'omit' })).toEqual(stored(2));
    expect(sent).toEqual([input]);
    expect(http.requests).toMatchObject([{ url: '/api/chat/send', body: input, headers: { 'x-session-token': 'tok' }, credentials: 'omit' }]);

    const withoutConnector = fakeFetch();
    await sendChatMessage(input, { fetch: withoutConnector.fetch });
    expect(withoutConnector.requests).toHaveLength(1);
  });

  it('sends an unanswered socket send (timeout, dropped connection) again over HTTP with the same clientMessageId', async () => {
    const { connector } = await connectorSending(async () => {
      throw new Error('operation has timed out');
    });
    const http = fakeFetch();
    expect(await sendChatMessage(input, { connector, fetch: http.fetch })).toEqual(stored(2));
    expect(http.requests.map((request) => request.body)).toEqual([input]);
  });

  it('turns a socket refusal into the ApiError the HTTP answer would give, without trying HTTP', async () => {
    const { connector } = await connectorSending(async () => ({
      ok: false,
      error: 'You are sending messages too quickly. Try again shortly.',
      code: 'rate_limit:message',
      retryAfterMs: 42_000,
    }));
    const http = fakeFetch();
    const refused = await sendChatMessage(input, { connector, fetch: http.fetch }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 429, code: 'rate_limit:message', error: 'You are sending messages too quickly. Try again shortly.', retryAfterMs: 42_000, retryable: true });
    expect(http.requests).toEqual([]);
  });

  it('reads a refusal over HTTP and over the socket alike', async () => {
    const failure = { error: 'Some fields are not valid.', code: 'bad_request:validation' as const, fields: { content: ['Write a message.'] } };
    const { connector } = await connectorSending(async () => ({ ok: false, ...failure }));
    const refusal = (error: unknown) => error as ApiError;
    const overSocket = await sendChatMessage(input, { connector }).then(() => {
      throw new Error('not refused');
    }, refusal);
    const http = fakeFetch(() => Response.json({ success: false, ...failure }, { status: 400 }));
    const overHttp = await sendChatMessage(input, { fetch: http.fetch }).then(() => {
      throw new Error('not refused');
    }, refusal);
    const shape = (error: ApiError) => ({ status: error.status, code: error.code, error: error.error, fields: error.fields, retryAfterMs: error.retryAfterMs, retryable: error.retryable });
    expect(shape(overSocket)).toEqual(shape(overHttp));
    expect(shape(overSocket)).toMatchObject({ status: 400, retryable: false, fields: failure.fields });
  });
});
