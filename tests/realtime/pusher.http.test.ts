import { randomUUID } from 'node:crypto';
import Pusher from 'pusher';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_NOTIFICATIONS_CHANNEL, ADMIN_PRESENCE_CHANNEL, conversationChannel } from '@/realtime/channels';
import type { RealtimeConnector } from '@/realtime/client';
import { createPusherConnector } from '@/realtime/client/pusher-connector';
import { switchAiRepliesOff } from '../chat/helpers';
import { fetchWithCookie } from '../chat/realtime-helpers';
import { useProductionServer } from '../helpers/production-server';
import { hashPassword } from '@/auth/server/password';
import { api, signInAsAdmin } from '../helpers/server';
import { createVisitor } from './helpers';
import { hmacHex, startPusherStandIn } from './pusher-stand-in';
import { startSession } from '../helpers/bot-gate';

/*
 * REALTIME_DRIVER=pusher end to end: the real server publishes to a local
 * stand-in for Pusher (which checks each request's signature as Pusher does),
 * signs subscriptions at /api/pusher/auth and takes webhooks at
 * /api/pusher/webhook. Expected signatures are computed here from Pusher's
 * spec, not with the pusher package the server uses.
 */

const app = { appId: '4242', key: 'tanya-test-key', secret: 'tanya-test-secret-that-is-long-enough' };
const SOCKET_ID = '123456.7890123';
const HELPER_PASSWORD = 'helper-password-long-enough';

describe('Pusher Channels driver', () => {
  let standIn: Awaited<ReturnType<typeof startPusherStandIn>>;
  beforeAll(async () => {
    standIn = await startPusherStandIn(app, { webhookUrl: () => fixture.server && `${fixture.server.url}/api/pusher/webhook` });
  });
  afterAll(async () => {
    await standIn?.close();
  });
  const fixture = useProductionServer({ admin: true, repository: true, env: () => standIn.env });
  beforeAll(() => switchAiRepliesOff(fixture.server, fixture.adminCookie));

  const authorize = (channel: string, headers: Record<string, string>, socketId = SOCKET_ID) =>
    api(fixture.server, '/api/pusher/auth', {
      body: new URLSearchParams({ socket_id: socketId, channel_name: channel }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });

  const adminUser = async () => (await fixture.repository.getUserById({ id: 1 }))!;

  it('runs without the embedded Socket.IO server, and the health check says which driver serves realtime', async () => {
    const health = await api(fixture.server, '/api/health');
    expect(health.body.data.realtime).toEqual({
      status: 'ok',
      driver: 'pusher',
      detail: `publishing through Pusher (127.0.0.1:${standIn.port}); the embedded Socket.IO server is not attached`,
    });
    const polling = await api(fixture.server, '/socket.io?EIO=4&transport=polling');
    expect(polling.status).toBe(404);
  });

  it('hands pages the public Pusher settings, never the secret', async () => {
    const html = await (await fetch(`${fixture.server.url}/chat`)).text();
    expect(html).toMatch(/\\?"driver\\?":\\?"pusher\\?"/);
    expect(html).toContain(app.key);
    expect(html).not.toContain(app.secret);
  });

  describe('POST /api/pusher/auth', () => {
    it("signs a visitor's own conversation channel as HMAC-SHA256 of socket_id:channel_name, and notes the visitor as seen", async () => {
      const visitor = await createVisitor(fixture.repository);
      const channel = conversationChannel(visitor.conversationId!);
      const response = await authorize(channel, { 'x-session-token': visitor.token });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ auth: `${app.key}:${hmacHex(app.secret, `${SOCKET_ID}:${channel}`)}` });
      expect((await fixture.repository.getConversationById({ id: visitor.conversationId! }))!.visitorLastSeenAt).toBeInstanceOf(Date);
    });

    it("signs the admin presence channel with channel_data carrying the admin's id and name", async () => {
      const user = await adminUser();
      const response = await authorize(ADMIN_PRESENCE_CHANNEL, { cookie: fixture.adminCookie });
      expect(response.status).toBe(200);
      const channelData = response.body.channel_data as string;
      expect(JSON.parse(channelData)).toEqual({ user_id: String(user.id), user_info: { name: user.name } });
      expect(response.body.auth).toBe(`${app.key}:${hmacHex(app.secret, `${SOCKET_ID}:${ADMIN_PRESENCE_CHANNEL}:${channelData}`)}`);
    });

    it('signs the admin notifications channel and any conversation for the admin', async () => {
      const visitor = await createVisitor(fixture.repository);
      for (const channel of [ADMIN_NOTIFICATIONS_CHANNEL, conversationChannel(visitor.conversationId!)]) {
        const response = await authorize(channel, { cookie: fixture.adminCookie });
        expect(response.body).toEqual({ auth: `${app.key}:${hmacHex(app.secret, `${SOCKET_ID}:${channel}`)}` });
      }
    });

    it("refuses a visitor another visitor's conversation and the admin channels with 403, logging the client IP", async () => {
      const owner = await createVisitor(fixture.repository);
      const intruder = await createVisitor(fixture.repository);
      for (const channel of [conversationChannel(owner.conversationId!), ADMIN_NOTIFICATIONS_CHANNEL, ADMIN_PRESENCE_CHANNEL]) {
        const response = await authorize(channel, { 'x-session-token': intruder.token });
        expect(response.status, channel).toBe(403);
        expect(response.body).toMatchObject({ success: false, code: 'forbidden:channel' });
      }
      expect(fixture.server.logs).toContainEqual(
        expect.objectContaining({ security: 'realtime subscription refused', ip: '127.0.0.1', channel: ADMIN_PRESENCE_CHANNEL, role: 'visitor' }),
      );
    });

    it('refuses a visitor without a conversation yet, anyone without credentials, and a malformed socket id', async () => {
      const newcomer = await createVisitor(fixture.repository, { withConversation: false });
      expect((await authorize(conversationChannel('0'.repeat(32)), { 'x-session-token': newcomer.token })).status).toBe(403);
      expect((await authorize(conversationChannel('0'.repeat(32)), {})).status).toBe(401);
      const malformed = await authorize(ADMIN_NOTIFICATIONS_CHANNEL, { cookie: fixture.adminCookie }, '12345');
      expect(malformed.status).toBe(400);
      expect(malformed.body.fields).toHaveProperty('socket_id');
    });
  });

  describe('POST /api/pusher/user-auth', () => {
    const authenticate = (headers: Record<string, string>, socketId = SOCKET_ID) =>
      api(fixture.server, '/api/pusher/user-auth', {
        body: new URLSearchParams({ socket_id: socketId }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      });
    const expectedAuth = (userData: string) => `${app.key}:${hmacHex(app.secret, `${SOCKET_ID}::user::${userData}`)}`;

    it('signs a visitor connection in as its session, and an admin connection as the admin', async () => {
      const visitor = await createVisitor(fixture.repository);
      const asVisitor = await authenticate({ 'x-session-token': visitor.token });
      expect(asVisitor.status).toBe(200);
      expect(JSON.parse(asVisitor.body.user_data)).toEqual({ id: `visitor-session-${visitor.session.id}` });
      expect(asVisitor.body.auth).toBe(expectedAuth(asVisitor.body.user_data));

      const asAdmin = await authenticate({ cookie: fixture.adminCookie });
      expect(JSON.parse(asAdmin.body.user_data)).toEqual({ id: `admin-${(await adminUser()).id}` });
      expect(asAdmin.body.auth).toBe(expectedAuth(asAdmin.body.user_data));
    });

    it('refuses a connection with no session and a malformed socket id', async () => {
      expect((await authenticate({})).body).toMatchObject({ success: false, code: 'unauthorized:auth' });
      expect((await authenticate({ 'x-session-token': 'not-a-session' })).status).toBe(401);
      const malformed = await authenticate({ cookie: fixture.adminCookie }, 'socket');
      expect(malformed.status).toBe(400);
      expect(malformed.body).toMatchObject({ success: false, fields: { socket_id: ['Must be a Pusher socket id.'] } });
    });
  });

  describe('publishing', () => {
    it('sends each event as a REST request that Pusher would accept (signature and body_md5), with unchanged names and payloads', async () => {
      const session = await startSession(fixture.server);
      const token = session.body.data.sessionToken as string;
      const sent = await api(fixture.server, '/api/chat/send', { body: { content: 'Hello over Pusher' }, headers: { 'x-session-token': token } });
      expect(sent.status).toBe(201);
      const { id, conversationId } = sent.body.data as { id: number; conversationId: string };

      await expect
        .poll(() => standIn.published.map((event) => `${event.name} ${event.channels.join(',')}`))
        .toEqual(
          expect.arrayContaining([
            `new-message ${conversationChannel(conversationId)}`,
            `new-conversation ${ADMIN_NOTIFICATIONS_CHANNEL}`,
            `new-message-alert ${ADMIN_NOTIFICATIONS_CHANNEL}`,
          ]),
        );
      const newMessage = standIn.published.find((event) => event.name === 'new-message' && event.channels[0] === conversationChannel(conversationId));
      expect(newMessage!.data).toMatchObject({ id, conversationId, content: 'Hello over Pusher', senderType: 'visitor', status: 'sent' });
      expect(standIn.refused).toEqual([]);
    });

    it('has a stand-in that refuses what Pusher would refuse (a request signed with another secret)', async () => {
      const forger = new Pusher({ appId: app.appId, key: app.key, secret: 'not-the-secret', host: '127.0.0.1', port: String(standIn.port), useTLS: false });
      await expect(forger.trigger('private-admin-notifications', 'new-conversation', {})).rejects.toMatchObject({ status: 401 });
      expect(standIn.refused.at(-1)).toEqual({ path: `/apps/${app.appId}/events`, reason: 'auth_signature does not match' });
      standIn.refused.length = 0;
    });

    it('takes delivered acknowledgements over HTTP (Pusher has no server acks) and publishes message-status', async () => {
      const visitor = await createVisitor(fixture.repository);
      const reply = await api(fixture.server, '/api/chat/send', { body: { conversationId: visitor.conversationId, content: 'Owner here' }, cookie: fixture.adminCookie });
      expect(reply.status).toBe(201);
      const ack = { conversationId: visitor.conversationId, messageIds: [reply.body.data.id] };
      const delivered = await api(fixture.server, '/api/chat/delivered', { body: ack, headers: { 'x-session-token': visitor.token } });
      expect(delivered.body.data).toEqual(ack);
      await expect
        .poll(() => standIn.published.filter((event) => event.name === 'message-status').map((event) => event.data))
        .toContainEqual({ ...ack, status: 'delivered' });

      const stranger = await createVisitor(fixture.repository);
      expect((await api(fixture.server, '/api/chat/delivered', { body: ack, headers: { 'x-session-token': stranger.token } })).status).toBe(404);
    });
  });

  describe('POST /api/pusher/webhook', () => {
    const webhook = (body: string, headers: Record<string, string>) =>
      api(fixture.server, '/api/pusher/webhook', { body, headers: { 'content-type': 'application/json', ...headers } });
    const signed = (payload: unknown, secret = app.secret) => {
      const body = JSON.stringify(payload);
      return { body, headers: { 'x-pusher-key': app.key, 'x-pusher-signature': hmacHex(secret, body) } };
    };
    const presenceEvent = (name: string, userId: string, timeMs = Date.now()) => ({
      time_ms: timeMs,
      events: [{ name, channel: ADMIN_PRESENCE_CHANNEL, user_id: userId }],
    });
    const adminsOnline = async (token: string) =>
      (await api(fixture.server, '/api/pusher/presence', { headers: { 'x-session-token': token } })).body.data.online as boolean;

    it('keeps admin presence from member_added and member_removed, which visitors can ask about', async () => {
      const visitor = await createVisitor(fixture.repository);
      expect(await adminsOnline(visitor.token)).toBe(false);
      const added = signed(presenceEvent('member_added', '77'));
      expect((await webhook(added.body, added.headers)).status).toBe(200);
      expect(await adminsOnline(visitor.token)).toBe(true);

      const removedAt = Date.now();
      const removed = signed(presenceEvent('member_removed', '77', removedAt));
      expect((await webhook(removed.body, removed.headers)).body).toEqual({ success: true, data: { handled: 1 } });
      expect(await adminsOnline(visitor.token)).toBe(false);

      // Pusher may deliver out of order: an older member_added arriving late does not bring the admin back.
      const late = signed(presenceEvent('member_added', '77', removedAt - 1_000));
      expect((await webhook(late.body, late.headers)).status).toBe(200);
      expect(await adminsOnline(visitor.token)).toBe(false);
    });

    it('clears presence when the channel is vacated, and records when a conversation channel emptied as the visitor last seen', async () => {
      const visitor = await createVisitor(fixture.repository);
      const joined = signed(presenceEvent('member_added', '78'));
      await webhook(joined.body, joined.headers);
      expect(await adminsOnline(visitor.token)).toBe(true);

      const vacatedAt = Date.now();
      const vacated = signed({
        time_ms: vacatedAt,
        events: [
          { name: 'channel_vacated', channel: ADMIN_PRESENCE_CHANNEL },
          { name: 'channel_vacated', channel: conversationChannel(visitor.conversationId!) },
        ],
      });
      expect((await webhook(vacated.body, vacated.headers)).body.data).toEqual({ handled: 2 });
      expect(await adminsOnline(visitor.token)).toBe(false);
      expect((await fixture.repository.getConversationById({ id: visitor.conversationId! }))!.visitorLastSeenAt).toEqual(new Date(vacatedAt));
    });

    it('refuses with 401 a wrong signature, another key, missing headers, a replayed batch and a stale one', async () => {
      const visitor = await createVisitor(fixture.repository);
      const batch = signed(presenceEvent('member_added', '79'));
      const refusals = [
        webhook(batch.body, { ...batch.headers, 'x-pusher-signature': hmacHex('another-secret', batch.body) }),
        webhook(batch.body, { ...batch.headers, 'x-pusher-key': 'another-key' }),
        webhook(batch.body, {}),
        webhook(`${batch.body} `, batch.headers),
      ];
      for (const response of await Promise.all(refusals)) {
        expect(response.status).toBe(401);
        expect(response.body).toMatchObject({ success: false, code: 'unauthorized:webhook' });
      }
      expect(await adminsOnline(visitor.token)).toBe(false);

      expect((await webhook(batch.body, batch.headers)).status).toBe(200);
      const replay = await webhook(batch.body, batch.headers);
      expect(replay.status).toBe(401);

      const stale = signed(presenceEvent('member_removed', '79', Date.now() - 10 * 60_000));
      expect((await webhook(stale.body, stale.headers)).status).toBe(401);
      expect(await adminsOnline(visitor.token)).toBe(true);
      expect(fixture.server.logs).toContainEqual(expect.objectContaining({ security: 'pusher webhook refused', reason: 'replayed batch', ip: '127.0.0.1' }));

      const cleanup = signed(presenceEvent('member_removed', '79'));
      await webhook(cleanup.body, cleanup.headers);
    });
  });

  describe('browser connector (pusher-js) through the stand-in', () => {
    const connectors: RealtimeConnector[] = [];
    afterAll(() => connectors.forEach((connector) => connector.disconnect()));

    const connectTo = (identity: { sessionToken: string } | { cookie: string }) => {
      const connector = createPusherConnector({
        key: app.key,
        host: '127.0.0.1',
        port: standIn.port,
        forceTLS: false,
        url: fixture.server.url,
        ...('sessionToken' in identity
          ? { sessionToken: identity.sessionToken }
          : { fetch: fetchWithCookie(identity.cookie) }),
      });
      connectors.push(connector);
      return connector;
    };

    it('carries events, typing and presence between a visitor and the admin, and refuses what the rules refuse', async () => {
      const visitor = await createVisitor(fixture.repository);
      const channel = conversationChannel(visitor.conversationId!);
      const visitorSide = connectTo({ sessionToken: visitor.token });
      const adminSide = connectTo({ cookie: fixture.adminCookie });

      await visitorSide.subscribe(channel).whenSubscribed;
      await expect(visitorSide.subscribe(ADMIN_NOTIFICATIONS_CHANNEL).whenSubscribed).rejects.toThrow(/refused: forbidden/);
      expect(await visitorSide.adminsOnline()).toBe(false);

      const presence = adminSide.subscribe(ADMIN_PRESENCE_CHANNEL);
      await presence.whenSubscribed;
      const user = await adminUser();
      expect(presence.members).toEqual([{ id: String(user.id), name: user.name }]);
      // The stand-in reports the join to the webhook, as Pusher does; visitors see the owner online.
      await expect.poll(() => visitorSide.adminsOnline()).toBe(true);

      const adminConversation = adminSide.subscribe(channel);
      await adminConversation.whenSubscribed;
      const typing = new Promise((resolve) => adminConversation.bind('client-typing', resolve));
      visitorSide.trigger(channel, 'client-typing', { isTyping: true, senderType: 'visitor' });
      expect(await typing).toEqual({ isTyping: true, senderType: 'visitor' });

      const arrived = new Promise((resolve) => visitorSide.subscribe(channel).bind('new-message', resolve));
      const reply = await api(fixture.server, '/api/chat/send', { body: { conversationId: visitor.conversationId, content: 'Live reply' }, cookie: fixture.adminCookie });
      expect(await arrived).toMatchObject({ id: reply.body.data.id, content: 'Live reply', senderType: 'admin' });
      expect(await visitorSide.acknowledgeDelivered(visitor.conversationId!, [reply.body.data.id])).toEqual([reply.body.data.id]);

      adminSide.disconnect();
      await expect.poll(() => visitorSide.adminsOnline()).toBe(false);
    });

    it("ends a signed-out device's connection and a removed admin's at once, and nobody else's", async () => {
      const signedOut = await createVisitor(fixture.repository);
      const bystander = await createVisitor(fixture.repository);
      const signedOutSide = connectTo({ sessionToken: signedOut.token });
      const bystanderSide = connectTo({ sessionToken: bystander.token });
      await signedOutSide.subscribe(conversationChannel(signedOut.conversationId!)).whenSubscribed;
      await bystanderSide.subscribe(conversationChannel(bystander.conversationId!)).whenSubscribed;
      await expect.poll(() => standIn.connectionsOf(`visitor-session-${signedOut.session.id}`)).toBe(1);

      const device = await api(fixture.server, `/api/chat/devices/${signedOut.session.id}?conversationId=${signedOut.conversationId}`, {
        method: 'DELETE',
        cookie: fixture.adminCookie,
      });
      expect(device.status).toBe(200);
      await expect.poll(() => signedOutSide.state).toBe('disconnected');
      expect(standIn.terminated).toContain(`visitor-session-${signedOut.session.id}`);

      const email = `pusher-helper-${randomUUID().slice(0, 8)}@example.com`;
      const helper = await fixture.repository.upsertUserByEmail({ name: 'Helper', email, passwordHash: await hashPassword(HELPER_PASSWORD) });
      const helperSide = connectTo({ cookie: await signInAsAdmin(fixture.server, { email, password: HELPER_PASSWORD }) });
      const ownerSide = connectTo({ cookie: fixture.adminCookie });
      await helperSide.subscribe(ADMIN_NOTIFICATIONS_CHANNEL).whenSubscribed;
      await ownerSide.subscribe(ADMIN_NOTIFICATIONS_CHANNEL).whenSubscribed;
      await expect.poll(() => standIn.connectionsOf(`admin-${helper.id}`)).toBe(1);

      expect((await api(fixture.server, `/api/admin/team/${helper.id}`, { method: 'DELETE', cookie: fixture.adminCookie })).status).toBe(200);
      await expect.poll(() => helperSide.state).toBe('disconnected');
      expect(ownerSide.state).toBe('connected');
      expect(bystanderSide.state).toBe('connected');
    });
  });
});
