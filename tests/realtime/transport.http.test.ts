import { describe, expect, it } from 'vitest';
import { conversationChannel } from '@/realtime/channels';
import { openServerDatabase, useProductionServer } from '../helpers/production-server';
import { api, startTestServer, type TestServer } from '../helpers/server';
import { connect, createClient, createVisitor, waitFor } from './helpers';

describe('realtime transport', () => {
  const fixture = useProductionServer({ repository: true });

  it('upgrades to websocket on the same port after Next has served a page', async () => {
    // Next attaches its own upgrade handling on the first request it serves.
    expect((await fetch(`${fixture.server.url}/`)).status).toBe(200);
    const visitor = await createVisitor(fixture.repository);
    const socket = await connect(createClient(fixture.server, { auth: { sessionToken: visitor.token }, transports: ['websocket'] }));
    expect(socket.io.engine.transport.name).toBe('websocket');
    expect(await socket.timeout(5_000).emitWithAck('subscribe', conversationChannel(visitor.conversationId!))).toEqual({ ok: true });
    socket.close();
  });

  it('reports realtime as ok in the health check', async () => {
    const health = await api(fixture.server, '/api/health');
    expect(health.body.data.realtime).toEqual({ status: 'ok', driver: 'socket.io' });
  });

  it('drops a client that sends an oversized packet, and keeps serving everyone else', async () => {
    const visitor = await createVisitor(fixture.repository);
    const channel = conversationChannel(visitor.conversationId!);
    for (const transport of ['websocket', 'polling'] as const) {
      const socket = await connect(createClient(fixture.server, { auth: { sessionToken: visitor.token }, transports: [transport] }));
      const disconnected = waitFor<[string]>(socket, 'disconnect');
      socket.emit('client-event', { channel, event: 'client-typing', data: { isTyping: true, padding: 'x'.repeat(32 * 1024) } as never });
      const [reason] = await disconnected;
      expect(reason).toMatch(/transport (close|error)/);
    }
    const healthy = await connect(createClient(fixture.server, { auth: { sessionToken: visitor.token } }));
    expect(await healthy.timeout(5_000).emitWithAck('subscribe', channel)).toEqual({ ok: true });
    healthy.close();
  });

  it('survives malformed packets', async () => {
    const visitor = await createVisitor(fixture.repository);
    const socket = await connect(createClient(fixture.server, { auth: { sessionToken: visitor.token }, transports: ['websocket'] }));
    const disconnected = waitFor(socket, 'disconnect');
    // Raw engine.io messages that are not valid Socket.IO packets.
    socket.io.engine.write('2["subscribe",');
    socket.io.engine.write('9garbage');
    await disconnected;
    const again = await connect(createClient(fixture.server, { auth: { sessionToken: visitor.token } }));
    expect(await again.timeout(5_000).emitWithAck('presence:admins-online')).toEqual({ online: false });
    again.close();
    expect((await api(fixture.server, '/api/health')).status).toBe(200);
  });
});

describe('realtime across a restart', () => {
  it('clients see a transport close on SIGTERM, not a server disconnect, and reconnect to the next process', async () => {
    const first = await startTestServer();
    const { database, repository } = openServerDatabase(first);
    const visitor = await createVisitor(repository);
    await database.close();
    const socket = await connect(
      createClient(first, { auth: { sessionToken: visitor.token }, reconnection: true, reconnectionDelay: 100, reconnectionDelayMax: 500 }),
    );
    const disconnected = waitFor<[string]>(socket, 'disconnect');
    let second: TestServer | undefined;
    try {
      expect(await first.stop('SIGTERM')).toBe(0);
      const [reason] = await disconnected;
      // The transport went away (closed, or destroyed at the drain deadline when the close did not finish in time):
      // never 'io server disconnect', after which a Socket.IO client would not reconnect by itself.
      expect(['transport close', 'transport error']).toContain(reason);
      const reconnected = waitFor(socket, 'connect', 60_000);
      second = await startTestServer({ dataDir: first.dataDir, env: { PORT: String(first.port) } });
      await reconnected;
      expect(await socket.timeout(5_000).emitWithAck('subscribe', conversationChannel(visitor.conversationId!))).toEqual({ ok: true });
    } finally {
      socket.close();
      await second?.stop();
    }
  });
});
