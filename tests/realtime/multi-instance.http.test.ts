import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@/auth/server/password';
import { createChatClient } from '@/chat/client';
import { createRepository } from '@/db/repository';
import { ADMIN_NOTIFICATIONS_CHANNEL, ADMIN_PRESENCE_CHANNEL, conversationChannel, type MessagePayload } from '@/realtime/channels';
import type { ConnectionState } from '@/realtime/client';
import { createSocketIoConnector } from '@/realtime/client/socket-io-connector';
import { startChatCompletionsUpstream, type ChatCompletionsUpstream } from '../helpers/chat-completions-upstream';
import { createMysqlDatabase, mysqlSkipReason, mysqlUrl, type TestDatabase } from '../helpers/databases';
import { deleteKeys, redisSkipReason, redisUrl, uniqueRedisPrefix } from '../helpers/redis';
import { api, signInAsAdmin, startTestServer, type TestServer } from '../helpers/server';
import { newVisitor, visitorGet, visitorSend } from '../chat/helpers';
import { fastReconnect, untilMessages, untilState } from '../chat/realtime-helpers';
import { ADMIN, adminEnv } from '../helpers/production-server';
import { collect, connect, createClient, waitFor, type TestSocket } from './helpers';

const skipReason = !redisUrl ? redisSkipReason : !mysqlUrl ? mysqlSkipReason : '';
const MESSAGES_PER_MINUTE = 4;
const HELPER = { name: 'Helper', email: 'helper@example.com', password: 'another long enough password' };

/*
 * Several instances of the server on one MySQL database and one Redis: what
 * a visitor on one instance and the owner on another must see as if there
 * were one process, and what happens to a visitor whose instance dies.
 */
describe.skipIf(Boolean(skipReason))(`two instances sharing MySQL and Redis${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let database: TestDatabase;
  let prefix: string;
  let a: TestServer;
  let b: TestServer;
  let ownerCookie: string;
  let helperCookie: string;
  /** An OpenAI-compatible upstream the test can make hang, so a reply is still running when the owner takes over. */
  let upstream: ChatCompletionsUpstream;
  let cleanup: (() => unknown)[] = [];

  const instanceEnv = () => ({
    ...adminEnv,
    DATABASE_URL: database.url,
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: prefix,
    CHAT_RATE_LIMIT_PER_MINUTE: String(MESSAGES_PER_MINUTE),
    CHAT_RATE_LIMIT_PER_IP_PER_MINUTE: '0',
    CHAT_SESSION_RATE_LIMIT_PER_IP_PER_MINUTE: '0',
    AI_BASE_URL: upstream.baseUrl,
    AI_MODEL: 'test-model',
  });
  const startInstance = async () => {
    const server = await startTestServer({ env: instanceEnv() });
    cleanup.push(() => server.stop());
    return server;
  };
  const setAi = async (settings: { aiEnabled: boolean; aiProvider?: 'local' | 'openai-compatible' }) => {
    const response = await api(b, '/api/chat/settings', { method: 'PATCH', body: settings, cookie: ownerCookie });
    expect(response.status).toBe(200);
  };

  beforeAll(async () => {
    database = await createMysqlDatabase();
    upstream = await startChatCompletionsUpstream();
    prefix = uniqueRedisPrefix();
    // One after the other: the first start migrates the fresh database.
    a = await startTestServer({ env: instanceEnv() });
    b = await startTestServer({ env: instanceEnv() });
    await createRepository(database.database).upsertUserByEmail({ ...HELPER, passwordHash: await hashPassword(HELPER.password) });
    ownerCookie = await signInAsAdmin(b, ADMIN);
    helperCookie = await signInAsAdmin(a, HELPER);
    await setAi({ aiEnabled: false });
  });
  afterEach(async () => {
    for (const step of cleanup.reverse()) await step();
    cleanup = [];
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
    await upstream?.close();
    if (prefix) {
      const redis = new Redis(redisUrl!);
      await deleteKeys(redis, prefix);
      redis.disconnect();
    }
  });

  const socketTo = async (server: TestServer, auth: { token: string } | { cookie: string }) => {
    const socket = createClient(server, 'token' in auth ? { auth: { sessionToken: auth.token } } : { extraHeaders: { cookie: auth.cookie } });
    cleanup.push(() => socket.close());
    return connect(socket);
  };
  const subscribe = async (socket: TestSocket, channel: string) => {
    const answer = await socket.timeout(5_000).emitWithAck('subscribe', channel);
    expect(answer).toMatchObject({ ok: true });
    return answer;
  };
  /** A visitor whose session and first message went through instance A. */
  const visitorOnA = async (content = 'Hello from instance A') => {
    const token = await newVisitor(a);
    const first = await visitorSend(a, token, { content });
    expect(first.status).toBe(201);
    return { token, conversationId: first.body.data.conversationId as string, first: first.body.data as MessagePayload };
  };

  it('a visitor on A and the owner on B exchange messages both ways', async () => {
    const { token, conversationId } = await visitorOnA();
    const visitor = await socketTo(a, { token });
    await subscribe(visitor, conversationChannel(conversationId));
    const owner = await socketTo(b, { cookie: ownerCookie });
    await subscribe(owner, ADMIN_NOTIFICATIONS_CHANNEL);
    await subscribe(owner, conversationChannel(conversationId));

    const alert = waitFor<[string, { message: MessagePayload }]>(owner, 'new-message-alert');
    const atOwner = waitFor<[string, MessagePayload]>(owner, 'new-message');
    const sent = await visitorSend(a, token, { conversationId, content: 'Are you there?' });
    expect(sent.status).toBe(201);
    expect((await alert)[1].message.id).toBe(sent.body.data.id);
    expect((await atOwner)[1].content).toBe('Are you there?');

    const atVisitor = waitFor<[string, MessagePayload]>(visitor, 'new-message');
    const reply = await api(b, '/api/chat/send', { body: { conversationId, content: 'Yes, hello!' }, cookie: ownerCookie });
    expect(reply.status).toBe(201);
    const [channel, message] = await atVisitor;
    expect(channel).toBe(conversationChannel(conversationId));
    expect(message).toMatchObject({ id: reply.body.data.id, content: 'Yes, hello!', senderType: 'admin' });
  });

  it('typing crosses instances, and the throttle counts a sender across its sockets on both', async () => {
    const { token, conversationId } = await visitorOnA();
    const channel = conversationChannel(conversationId);
    const owner = await socketTo(b, { cookie: ownerCookie });
    await subscribe(owner, channel);
    const typing = collect(owner, 'client-typing');
    const onA = await socketTo(a, { token });
    const onB = await socketTo(b, { token });
    await subscribe(onA, channel);
    await subscribe(onB, channel);

    const first = waitFor(owner, 'client-typing');
    for (let i = 0; i < 5; i++) {
      onA.emit('client-event', { channel, event: 'client-typing', data: { isTyping: true, senderType: 'visitor' } });
      onB.emit('client-event', { channel, event: 'client-typing', data: { isTyping: true, senderType: 'visitor' } });
    }
    expect((await first)[0]).toBe(channel);
    // Anything still on its way through Redis arrives well within this.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(typing).toHaveLength(2);
  });

  it('admin presence crosses instances: members, member-added/removed and "is an admin online"', async () => {
    const { token } = await visitorOnA();
    const visitor = await socketTo(a, { token });
    const owner = await socketTo(b, { cookie: ownerCookie });
    expect(await subscribe(owner, ADMIN_PRESENCE_CHANNEL)).toEqual({ ok: true, members: [{ id: expect.any(String), name: 'owner' }] });
    expect(await visitor.timeout(5_000).emitWithAck('presence:admins-online')).toEqual({ online: true });

    const helper = createClient(a, { extraHeaders: { cookie: helperCookie } });
    await connect(helper);
    const added = waitFor<[string, { name: string }]>(owner, 'member-added');
    const helperJoined = await subscribe(helper, ADMIN_PRESENCE_CHANNEL);
    expect((await added)[1].name).toBe(HELPER.name);
    expect((helperJoined as { members: { name: string }[] }).members.map((member) => member.name).sort()).toEqual([HELPER.name, 'owner'].sort());

    const removed = waitFor<[string, { name: string }]>(owner, 'member-removed');
    helper.close();
    expect((await removed)[1].name).toBe(HELPER.name);

    owner.close();
    await expect.poll(async () => (await visitor.timeout(5_000).emitWithAck('presence:admins-online')).online).toBe(false);
  });

  it('the message rate limit holds across both instances', async () => {
    const token = await newVisitor(a);
    const statuses: number[] = [];
    for (let i = 0; i < MESSAGES_PER_MINUTE + 1; i++) {
      statuses.push((await visitorSend(i % 2 === 0 ? a : b, token, { content: `message ${i}` })).status);
    }
    expect(statuses).toEqual([...Array(MESSAGES_PER_MINUTE).fill(201), 429]);
  });

  it('with AI on, exactly one reply is stored for a visitor message, even when its send reached both instances', async () => {
    await setAi({ aiEnabled: true });
    cleanup.push(() => setAi({ aiEnabled: false }));
    const token = await newVisitor(a);
    const clientMessageId = randomUUID();
    const body = { content: 'What tech stack do you use?', clientMessageId };
    const [onA, onB] = await Promise.all([visitorSend(a, token, body), visitorSend(b, token, body)]);
    expect([onA.status, onB.status].sort()).toEqual([200, 201]);
    expect(onA.body.data.id).toBe(onB.body.data.id);
    const conversationId: string = onA.body.data.conversationId;

    const aiMessages = async () => {
      const page = await visitorGet(a, token, `/api/chat/messages?conversationId=${conversationId}&limit=50`);
      return (page.body.data.messages as MessagePayload[]).filter((message) => message.senderType === 'ai');
    };
    await expect.poll(async () => (await aiMessages()).length, { timeout: 15_000 }).toBe(1);
    // Long enough for a second reply, had another instance been generating one.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await aiMessages()).toHaveLength(1);
  });

  it('the owner taking a conversation over on B stops the AI reply running on A', async () => {
    await setAi({ aiEnabled: true, aiProvider: 'openai-compatible' });
    cleanup.push(() => setAi({ aiEnabled: false, aiProvider: 'local' }));
    upstream.plan({ kind: 'hang' });
    const asked = upstream.requests.length;
    const { conversationId } = await visitorOnA('Tell me about your projects');
    // A claimed the message and is waiting on the upstream (20 s before it would give up on its own).
    await expect.poll(() => upstream.requests.length, { timeout: 10_000 }).toBe(asked + 1);

    const takenOver = await api(b, `/api/chat/conversations/${conversationId}`, { method: 'PATCH', body: { isAiHandled: false }, cookie: ownerCookie });
    expect(takenOver.status).toBe(200);
    const cancelledOnA = () => a.logs.some((entry) => entry.msg === 'AI reply cancelled' && entry.conversationId === conversationId && entry.reason === 'taken-over');
    await expect.poll(cancelledOnA, { timeout: 5_000 }).toBe(true);
    const page = await api(b, `/api/chat/messages?conversationId=${conversationId}&limit=50`, { cookie: ownerCookie });
    expect((page.body.data.messages as MessagePayload[]).filter((message) => message.senderType === 'ai')).toEqual([]);
  });

  it('signing out everywhere on A disconnects the admin sockets open on B at once, and B refuses the cookie', async () => {
    const elsewhere = await signInAsAdmin(b, HELPER);
    const openOnB = await socketTo(b, { cookie: elsewhere });
    const disconnected = waitFor<[string]>(openOnB, 'disconnect');
    const here = await signInAsAdmin(a, HELPER);
    expect((await api(a, '/api/auth/logout', { body: { everywhere: true }, cookie: here })).status).toBe(200);
    expect((await disconnected)[0]).toBe('io server disconnect');
    expect((await api(b, '/api/admin/portfolio', { cookie: elsewhere })).status).toBe(401);
    helperCookie = await signInAsAdmin(a, HELPER);
  });

  it('signing a device out on A closes its socket open on B at once, and B refuses its token', async () => {
    const laptop = await visitorOnA('Carry me to my phone');
    const link = await api(a, '/api/chat/devices/link', { body: { conversationId: laptop.conversationId }, headers: { 'x-session-token': laptop.token } });
    const claimed = await api(a, '/api/chat/devices/claim', { body: { token: new URL(link.body.data.url as string).hash.slice(1) } });
    expect(claimed.status).toBe(200);
    const phoneToken = claimed.body.data.sessionToken as string;
    const phoneOnB = await socketTo(b, { token: phoneToken });
    await subscribe(phoneOnB, conversationChannel(laptop.conversationId));
    const devices = await api(a, `/api/chat/devices?conversationId=${laptop.conversationId}`, { headers: { 'x-session-token': laptop.token } });
    const phone = (devices.body.data.devices as { id: number; current: boolean }[]).find((device) => !device.current)!;

    const disconnected = waitFor<[string]>(phoneOnB, 'disconnect');
    const signedOut = await api(a, `/api/chat/devices/${phone.id}?conversationId=${laptop.conversationId}`, {
      method: 'DELETE',
      headers: { 'x-session-token': laptop.token },
    });
    expect(signedOut.status).toBe(200);
    expect((await disconnected)[0]).toBe('io server disconnect');
    // B had the session in its cache a moment ago; the sign-out's signal made it forget.
    expect((await visitorGet(b, phoneToken, `/api/chat/messages?conversationId=${laptop.conversationId}`)).status).toBe(401);
  });

  for (const signal of ['SIGKILL', 'SIGTERM'] as const) {
    it(`${signal} on the visitor's instance: its connector moves to the other one and gap-fills, nothing lost or doubled`, async () => {
      const doomed = await startInstance();
      const token = await newVisitor(doomed);
      const first = await visitorSend(doomed, token, { content: 'Hi from the instance that will go away' });
      const conversationId: string = first.body.data.conversationId;
      const connector = createSocketIoConnector({ url: [doomed.url, b.url], sessionToken: token, socketOptions: fastReconnect });
      // The visitor's HTTP goes through the load balancer, which sends it to an instance that is up.
      const client = createChatClient({ baseUrl: b.url, connector, auth: { sessionToken: token } });
      cleanup.push(() => connector.disconnect(), () => client.dispose());
      await client.open(conversationId);
      await connector.subscribe(conversationChannel(conversationId)).whenSubscribed;

      const states: ConnectionState[] = [];
      connector.onConnectionChange((state) => states.push(state));
      await doomed.stop(signal);
      // A SIGTERM'd server drains before it exits: the connector may be back (on B) by the time it has.
      await expect.poll(() => states.includes('reconnecting'), { timeout: 10_000 }).toBe(true);
      const missed: number[] = [];
      for (let i = 1; i <= 5; i++) {
        const sent = await api(b, '/api/chat/send', { body: { conversationId, content: `Missed ${i}` }, cookie: ownerCookie });
        expect(sent.status).toBe(201);
        missed.push(sent.body.data.id);
      }
      await untilState(connector, 'connected', 20_000);
      const expected = [first.body.data.id, ...missed];
      const messages = await untilMessages(client, conversationId, (list) => list.length >= expected.length, 'the missed messages');

      // Live again, through B: one more message arrives by event and is not doubled by the gap fill.
      await connector.subscribe(conversationChannel(conversationId)).whenSubscribed;
      const live = await api(b, '/api/chat/send', { body: { conversationId, content: 'Live again' }, cookie: ownerCookie });
      const final = await untilMessages(client, conversationId, (list) => list.some((message) => message.id === live.body.data.id), 'the live message');
      expect(messages.map((message) => message.id)).toEqual(expected);
      expect(final.map((message) => message.id)).toEqual([...expected, live.body.data.id]);
      // Starting a third server is most of this test's time, and slow on a loaded machine.
    }, 120_000);
  }
});
