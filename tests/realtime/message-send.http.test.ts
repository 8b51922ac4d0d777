import { afterAll, describe, expect, it } from 'vitest';
import { sendChatMessage } from '@/chat/client';
import { ADMIN_NOTIFICATIONS_CHANNEL, conversationChannel } from '@/realtime/channels';
import { createSocketIoConnector } from '@/realtime/client/socket-io-connector';
import type { MessageSendAck, MessageSendInput } from '@/realtime/protocol';
import { switchAiRepliesOff, visitorSend } from '../chat/helpers';
import { ADMIN, useProductionServer } from '../helpers/production-server';
import { api, signInAsAdmin } from '../helpers/server';
import { connect, createClient, createVisitor, type TestSocket, waitFor } from './helpers';

/*
 * message:send is POST /api/chat/send over the socket: each refusal and
 * answer here is checked against what the route says for the same input.
 */

const send = (socket: TestSocket, input: unknown) =>
  socket.timeout(5_000).emitWithAck('message:send', input as MessageSendInput) as Promise<MessageSendAck>;

/** An HTTP failure body as an ack's refusal reads (the ack adds retryAfterMs where the answer has a header). */
const asRefusal = (body: { error: string; code: string; fields?: unknown }) => ({
  ok: false,
  error: body.error,
  code: body.code,
  ...(body.fields ? { fields: body.fields } : {}),
});

function socketsOf(fixture: { server: { url: string }; adminCookie: string }) {
  const open: TestSocket[] = [];
  const track = async (socket: TestSocket) => {
    open.push(socket);
    return connect(socket);
  };
  return {
    visitor: (token: string) => track(createClient(fixture.server, { auth: { sessionToken: token } })),
    owner: (cookie = fixture.adminCookie) => track(createClient(fixture.server, { extraHeaders: { cookie } })),
    closeAll: () => open.forEach((socket) => socket.close()),
  };
}

describe('sending a message over the socket (message:send)', () => {
  const fixture = useProductionServer({ admin: true, repository: true });
  const sockets = socketsOf(fixture);
  afterAll(() => sockets.closeAll());

  it("stores the visitor's message, alerts the owner, and acks the HTTP answer", async () => {
    const aiOn = await api(fixture.server, '/api/chat/settings', { method: 'PATCH', body: { aiEnabled: true }, cookie: fixture.adminCookie });
    expect(aiOn.status).toBe(200);
    const owner = await sockets.owner();
    expect(await owner.timeout(5_000).emitWithAck('subscribe', ADMIN_NOTIFICATIONS_CHANNEL)).toEqual({ ok: true });
    // No conversation yet: the first message opens it, over the socket as over HTTP.
    const visitor = await createVisitor(fixture.repository, { withConversation: false });
    const socket = await sockets.visitor(visitor.token);
    const alert = waitFor<[string, { conversation: { id: string }; message: { id: number; content: string } }]>(owner, 'new-message-alert');

    const ack = await send(socket, { content: '  Hello over the socket  ', clientMessageId: 'socket-first' });
    if (!ack.ok) throw new Error(`refused: ${JSON.stringify(ack)}`);
    expect(ack).toEqual({
      ok: true,
      message: {
        id: expect.any(Number),
        conversationId: expect.any(String),
        content: 'Hello over the socket',
        senderType: 'visitor',
        senderId: null,
        clientMessageId: 'socket-first',
        status: 'sent',
        createdAt: expect.any(String),
        metadata: null,
        aiResponsePending: true,
      },
      conversationId: ack.message.conversationId,
      aiResponsePending: true,
      duplicate: false,
    });
    const [channel, alerted] = await alert;
    expect(channel).toBe(ADMIN_NOTIFICATIONS_CHANNEL);
    expect(alerted).toMatchObject({ conversation: { id: ack.conversationId }, message: { id: ack.message.id, content: 'Hello over the socket' } });
    expect((await fixture.repository.getChatSessionById({ id: visitor.session.id }))?.conversationId).toBe(ack.conversationId);

    // The same answer as the route's for another visitor's first message.
    const other = await createVisitor(fixture.repository, { withConversation: false });
    const overHttp = await visitorSend(fixture.server, other.token, { content: 'Hello over HTTP', clientMessageId: 'http-first' });
    expect(overHttp.status).toBe(201);
    expect(Object.keys(ack.message).sort()).toEqual(Object.keys(overHttp.body.data).sort());
    expect(overHttp.body.data.aiResponsePending).toBe(true);
  });

  describe('with the assistant off', () => {
    it('answers a retry with the stored message, over either path, and stores it once', async () => {
      await switchAiRepliesOff(fixture.server, fixture.adminCookie);
      const visitor = await createVisitor(fixture.repository);
      const socket = await sockets.visitor(visitor.token);
      const input = { content: 'Only once', clientMessageId: 'retry-me' };

      const first = await send(socket, input);
      expect(first).toMatchObject({ ok: true, duplicate: false, aiResponsePending: false });
      const again = await send(socket, input);
      expect(again).toMatchObject({ ok: true, duplicate: true });
      const overHttp = await visitorSend(fixture.server, visitor.token, input);
      expect(overHttp.status).toBe(200);
      // HTTP first, then the socket: the same again.
      const viaHttpFirst = await visitorSend(fixture.server, visitor.token, { content: 'Also once', clientMessageId: 'http-then-socket' });
      expect(viaHttpFirst.status).toBe(201);
      const thenSocket = await send(socket, { content: 'Also once', clientMessageId: 'http-then-socket' });
      expect(thenSocket).toMatchObject({ ok: true, duplicate: true });

      if (!first.ok || !again.ok || !thenSocket.ok) throw new Error('refused');
      expect(again.message).toEqual(first.message);
      expect(overHttp.body.data.id).toBe(first.message.id);
      expect(thenSocket.message.id).toBe(viaHttpFirst.body.data.id);
      const stored = await fixture.repository.listMessagesByConversationId({ conversationId: visitor.conversationId! });
      expect(stored.messages.map((message) => message.clientMessageId)).toEqual(['retry-me', 'http-then-socket']);
    });

    it("sends through the browser's connector when connected and over HTTP otherwise, one message for one clientMessageId", async () => {
      const visitor = await createVisitor(fixture.repository);
      const connector = createSocketIoConnector({ url: fixture.server.url, sessionToken: visitor.token });
      try {
        await expect.poll(() => connector.state).toBe('connected');
        const input = { content: 'From the widget', clientMessageId: 'widget-1' };
        const overSocket = await sendChatMessage(input, { connector, baseUrl: fixture.server.url, sessionToken: visitor.token });
        connector.disconnect();
        // Disconnected: the same send goes over HTTP and finds the message the socket stored.
        const overHttp = await sendChatMessage(input, { connector, baseUrl: fixture.server.url, sessionToken: visitor.token });
        expect(overHttp).toEqual(overSocket);
        const stored = await fixture.repository.listMessagesByConversationId({ conversationId: visitor.conversationId! });
        expect(stored.messages.map((message) => message.id)).toEqual([overSocket.id]);
      } finally {
        connector.disconnect();
      }
    });

    it('refuses malformed input with the field errors the route gives, and keeps the socket', async () => {
      const visitor = await createVisitor(fixture.repository);
      const socket = await sockets.visitor(visitor.token);
      const bad = { content: '   ', clientMessageId: 'not valid!', visitorEmail: 'nope' };
      const overHttp = await visitorSend(fixture.server, visitor.token, bad);
      expect(overHttp.status).toBe(400);
      const refused = await send(socket, bad);
      expect(refused).toEqual(asRefusal(overHttp.body));
      expect(refused).toMatchObject({ code: 'bad_request:validation', fields: { content: ['Write a message.'], clientMessageId: [expect.any(String)], visitorEmail: [expect.any(String)] } });

      for (const payload of [42, null, 'hello', [], { content: 7 }]) {
        expect(await send(socket, payload)).toMatchObject({ ok: false, code: 'bad_request:validation', fields: expect.any(Object) });
      }
      // Without an ack, or with something else where the ack goes: nothing to answer, nothing breaks.
      const emitLoosely = socket.emit.bind(socket) as (...args: unknown[]) => unknown;
      emitLoosely('message:send', { content: 'no ack', clientMessageId: 'no-ack' });
      emitLoosely('message:send', { content: 'odd ack', clientMessageId: 'odd-ack' }, 'not a function');
      expect(await send(socket, { content: 'still here', clientMessageId: 'after-bad' })).toMatchObject({ ok: true });
      expect(socket.connected).toBe(true);
    });

    it("refuses a send into another visitor's conversation as the route does, storing nothing there", async () => {
      const owner = await createVisitor(fixture.repository);
      const intruder = await createVisitor(fixture.repository);
      const socket = await sockets.visitor(intruder.token);
      const input = { conversationId: owner.conversationId!, content: 'let me in', clientMessageId: 'intrude-1' };
      const refused = await send(socket, input);
      const overHttp = await visitorSend(fixture.server, intruder.token, { ...input, clientMessageId: 'intrude-2' });
      expect(overHttp.status).toBe(404);
      expect(refused).toEqual(asRefusal(overHttp.body));
      expect(refused).toMatchObject({ code: 'not_found:conversation' });
      expect((await fixture.repository.listMessagesByConversationId({ conversationId: owner.conversationId! })).messages).toEqual([]);
      const logged = fixture.server.logs.filter((entry) => entry.security === 'chat send into foreign conversation refused');
      expect(logged.length).toBeGreaterThanOrEqual(2);
    });

    it("delivers the owner's reply over the socket to the visitor, and answers as the route does", async () => {
      const visitor = await createVisitor(fixture.repository);
      const conversationId = visitor.conversationId!;
      const visitorSocket = await sockets.visitor(visitor.token);
      expect(await visitorSocket.timeout(5_000).emitWithAck('subscribe', conversationChannel(conversationId))).toEqual({ ok: true });
      const owner = await sockets.owner();
      const arrived = waitFor<[string, { id: number; senderType: string; content: string; senderId: number | null }]>(visitorSocket, 'new-message');

      const ack = await send(owner, { conversationId, content: 'Owner here', clientMessageId: 'owner-1' });
      expect(ack).toMatchObject({ ok: true, conversationId, aiResponsePending: false, duplicate: false, message: { senderType: 'admin', content: 'Owner here', aiResponsePending: false } });
      if (!ack.ok) throw new Error('refused');
      expect(await arrived).toEqual([conversationChannel(conversationId), expect.objectContaining({ id: ack.message.id, senderType: 'admin', content: 'Owner here', senderId: null })]);
      expect(await send(owner, { conversationId, content: 'Owner here', clientMessageId: 'owner-1' })).toMatchObject({ ok: true, duplicate: true, message: { id: ack.message.id } });

      // Answering needs the conversation, over the socket as over HTTP.
      const withoutConversation = { content: 'to whom?', clientMessageId: 'owner-2' };
      const overHttp = await api(fixture.server, '/api/chat/send', { body: withoutConversation, cookie: fixture.adminCookie });
      expect(overHttp.status).toBe(400);
      expect(await send(owner, withoutConversation)).toEqual(asRefusal(overHttp.body));
    });

    it('refuses a reply from an admin session revoked after the handshake, before the sweep closes its socket', async () => {
      const visitor = await createVisitor(fixture.repository);
      const cookie = await signInAsAdmin(fixture.server, ADMIN);
      const owner = await sockets.owner(cookie);
      const claims = JSON.parse(Buffer.from(cookie.split('=')[1]!.split('.')[1]!, 'base64url').toString()) as { jti: string };
      await fixture.repository.deleteAdminSessionById({ id: claims.jti });
      expect(await send(owner, { conversationId: visitor.conversationId!, content: 'too late', clientMessageId: 'revoked-1' })).toMatchObject({
        ok: false,
        code: 'unauthorized:auth',
      });
      expect((await fixture.repository.listMessagesByConversationId({ conversationId: visitor.conversationId! })).messages).toEqual([]);
    });
  });
});

describe('message:send rate limits', () => {
  const fixture = useProductionServer({ admin: true, repository: true, env: { CHAT_RATE_LIMIT_PER_MINUTE: '2' } });
  const sockets = socketsOf(fixture);
  afterAll(() => sockets.closeAll());

  it('refuses past the limit with how long to wait, counted with the HTTP sends, and logs it', async () => {
    await switchAiRepliesOff(fixture.server, fixture.adminCookie);
    const visitor = await createVisitor(fixture.repository);
    const socket = await sockets.visitor(visitor.token);
    expect(await send(socket, { content: 'one', clientMessageId: 'limit-1' })).toMatchObject({ ok: true });
    expect((await visitorSend(fixture.server, visitor.token, { content: 'two', clientMessageId: 'limit-2' })).status).toBe(201);

    const refused = await send(socket, { content: 'three', clientMessageId: 'limit-3' });
    expect(refused).toMatchObject({ ok: false, code: 'rate_limit:message', error: 'You are sending messages too quickly. Try again shortly.' });
    if (refused.ok) throw new Error('not refused');
    expect(refused.retryAfterMs! % 1000).toBe(0);
    expect(refused.retryAfterMs).toBeGreaterThanOrEqual(1000);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(60_000);
    const overHttp = await visitorSend(fixture.server, visitor.token, { content: 'four', clientMessageId: 'limit-4' });
    expect(overHttp.status).toBe(429);
    expect({ ...asRefusal(overHttp.body), retryAfterMs: Number(overHttp.headers.get('retry-after')) * 1000 }).toMatchObject({
      code: refused.code,
      error: refused.error,
      retryAfterMs: expect.any(Number),
    });
    expect(fixture.server.logs.filter((entry) => entry.security === 'chat rate limited').length).toBeGreaterThanOrEqual(2);
    expect(socket.connected).toBe(true);
    const stored = await fixture.repository.listMessagesByConversationId({ conversationId: visitor.conversationId! });
    expect(stored.messages.map((message) => message.content)).toEqual(['one', 'two']);
  });
});
