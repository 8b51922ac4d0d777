import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_PRESENCE_CHANNEL, conversationChannel } from '@/realtime/channels';
import type { ConnectionState, RealtimeConnector } from '@/realtime/client';
import { createSocketIoConnector } from '@/realtime/client/socket-io-connector';
import { ADMIN, adminEnv, openServerDatabase, useProductionServer } from '../helpers/production-server';
import { signInAsAdmin, startTestServer } from '../helpers/server';
import { createVisitor } from './helpers';

/** Resolves when the connector reaches `state` (at once if it is there already). */
function untilState(connector: RealtimeConnector, state: ConnectionState, timeoutMs = 60_000): Promise<void> {
  if (connector.state === state) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`connector never reached "${state}" (is "${connector.state}")`)), timeoutMs);
    const stop = connector.onConnectionChange((next) => {
      if (next !== state) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}

function nextEvent<T>(bind: (fn: (data: T) => void) => () => void, timeoutMs = 5_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out waiting for an event')), timeoutMs);
    const unbind = bind((data) => {
      clearTimeout(timer);
      unbind();
      resolve(data);
    });
  });
}

const fastReconnect = { reconnectionDelay: 100, reconnectionDelayMax: 500 };

describe('Socket.IO connector', () => {
  const fixture = useProductionServer({ admin: true, repository: true });
  const connectors: RealtimeConnector[] = [];

  const visitorConnector = (sessionToken: string) => {
    const connector = createSocketIoConnector({ url: fixture.server.url, sessionToken, socketOptions: fastReconnect });
    connectors.push(connector);
    return connector;
  };
  const adminConnector = () => {
    const connector = createSocketIoConnector({ url: fixture.server.url, socketOptions: { ...fastReconnect, extraHeaders: { cookie: fixture.adminCookie } } });
    connectors.push(connector);
    return connector;
  };

  afterAll(() => {
    for (const connector of connectors) connector.disconnect();
  });

  it('subscribes (before or after connecting), caches channels by name, and rejects refused subscriptions', async () => {
    const visitor = await createVisitor(fixture.repository);
    const other = await createVisitor(fixture.repository);
    const connector = visitorConnector(visitor.token);
    const own = connector.subscribe(conversationChannel(visitor.conversationId!));
    expect(connector.subscribe(conversationChannel(visitor.conversationId!))).toBe(own);
    await own.whenSubscribed;
    expect(connector.state).toBe('connected');
    await expect(connector.subscribe(conversationChannel(other.conversationId!)).whenSubscribed).rejects.toThrow(/refused: forbidden/);
  });

  it('relays trigger() to bound listeners of the other members, and unbinds', async () => {
    const visitor = await createVisitor(fixture.repository);
    const channelName = conversationChannel(visitor.conversationId!);
    const admin = adminConnector();
    const adminChannel = admin.subscribe(channelName);
    const visitorSide = visitorConnector(visitor.token);
    await Promise.all([adminChannel.whenSubscribed, visitorSide.subscribe(channelName).whenSubscribed]);

    const typing = nextEvent<{ isTyping: boolean }>((fn) => adminChannel.bind('client-typing', fn));
    visitorSide.trigger(channelName, 'client-typing', { isTyping: true, senderType: 'visitor' });
    expect(await typing).toEqual({ isTyping: true, senderType: 'visitor' });
  });

  it('acknowledges delivery and exposes presence', async () => {
    const visitor = await createVisitor(fixture.repository);
    const channelName = conversationChannel(visitor.conversationId!);
    const { message } = await fixture.repository.createMessage({ conversationId: visitor.conversationId!, senderType: 'admin', content: 'hi' });
    const admin = adminConnector();
    const presence = admin.subscribe(ADMIN_PRESENCE_CHANNEL);
    const adminChannel = admin.subscribe(channelName);
    await Promise.all([presence.whenSubscribed, adminChannel.whenSubscribed]);
    expect(presence.members.map((member) => member.name)).toContain('owner');

    const visitorSide = visitorConnector(visitor.token);
    await untilState(visitorSide, 'connected');
    expect(await visitorSide.adminsOnline()).toBe(true);
    const status = nextEvent<unknown>((fn) => adminChannel.bind('message-status', fn));
    expect(await visitorSide.acknowledgeDelivered(visitor.conversationId!, [message.id])).toEqual([message.id]);
    expect(await status).toEqual({ conversationId: visitor.conversationId!, messageIds: [message.id], status: 'delivered' });
  });

  it('reports a refused handshake as disconnected', async () => {
    const connector = visitorConnector('7c9e6679-7425-40de-944b-e07fc1f90ae7');
    await untilState(connector, 'disconnected', 5_000);
  });
});

describe('Socket.IO connector across a server restart', () => {
  it('goes reconnecting, comes back connected and subscribes its channels again', async () => {
    let server = await startTestServer({ env: adminEnv });
    const { database, repository } = openServerDatabase(server);
    const visitor = await createVisitor(repository);
    await database.close();
    const channelName = conversationChannel(visitor.conversationId!);
    const connector = createSocketIoConnector({ url: server.url, sessionToken: visitor.token, socketOptions: fastReconnect });
    let admin: RealtimeConnector | undefined;
    try {
      const channel = connector.subscribe(channelName);
      await channel.whenSubscribed;
      const states: ConnectionState[] = [];
      connector.onConnectionChange((state) => states.push(state));

      await server.stop('SIGTERM');
      await untilState(connector, 'reconnecting', 5_000);
      server = await startTestServer({ dataDir: server.dataDir, env: { ...adminEnv, PORT: String(server.port) } });
      await untilState(connector, 'connected');
      await channel.whenSubscribed;
      expect(states).toEqual(['reconnecting', 'connected']);

      // Events flow on the re-subscribed channel without the caller doing anything.
      const adminCookie = await signInAsAdmin(server, ADMIN);
      admin = createSocketIoConnector({ url: server.url, socketOptions: { extraHeaders: { cookie: adminCookie } } });
      await admin.subscribe(channelName).whenSubscribed;
      const typing = nextEvent<unknown>((fn) => channel.bind('client-typing', fn));
      admin.trigger(channelName, 'client-typing', { isTyping: true, senderType: 'admin' });
      expect(await typing).toEqual({ isTyping: true, senderType: 'admin' });
    } finally {
      admin?.disconnect();
      connector.disconnect();
      await server.stop();
    }
  });
});
