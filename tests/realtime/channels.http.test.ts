import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_NOTIFICATIONS_CHANNEL, ADMIN_PRESENCE_CHANNEL, conversationChannel } from '@/realtime/channels';
import type { SubscribeAck } from '@/realtime/protocol';
import { useProductionServer } from '../helpers/production-server';
import { collect, connect, createClient, createVisitor, waitFor, type TestSocket } from './helpers';

const subscribe = (socket: TestSocket, channel: string) => socket.timeout(5_000).emitWithAck('subscribe', channel) as Promise<SubscribeAck>;
const typing = (channel: string, isTyping = true) => ({ channel, event: 'client-typing' as const, data: { isTyping, senderType: 'visitor' as const } });

describe('realtime channels', () => {
  const fixture = useProductionServer({ admin: true, repository: true });
  const sockets: TestSocket[] = [];

  const visitorSocket = async (token: string) => {
    const socket = await connect(createClient(fixture.server, { auth: { sessionToken: token } }));
    sockets.push(socket);
    return socket;
  };
  const adminSocket = async () => {
    const socket = await connect(createClient(fixture.server, { extraHeaders: { cookie: fixture.adminCookie } }));
    sockets.push(socket);
    return socket;
  };

  afterAll(() => {
    for (const socket of sockets) socket.close();
  });

  it('lets a visitor join its own conversation and nothing else', async () => {
    const a = await createVisitor(fixture.repository);
    const b = await createVisitor(fixture.repository);
    const socket = await visitorSocket(a.token);
    expect(await subscribe(socket, conversationChannel(a.conversationId!))).toEqual({ ok: true });
    expect(await subscribe(socket, conversationChannel(b.conversationId!))).toEqual({ ok: false, error: 'forbidden' });
    expect(await subscribe(socket, ADMIN_NOTIFICATIONS_CHANNEL)).toEqual({ ok: false, error: 'forbidden' });
    expect(await subscribe(socket, ADMIN_PRESENCE_CHANNEL)).toEqual({ ok: false, error: 'forbidden' });
    expect(await subscribe(socket, 'private-conversation-01')).toEqual({ ok: false, error: 'forbidden' });
    await expect.poll(() => fixture.server.logs.some((entry) => entry.security === 'realtime subscription refused' && entry.channel === ADMIN_NOTIFICATIONS_CHANNEL)).toBe(true);
  });

  it('reads the session again on subscribe: a conversation created after connecting can be joined', async () => {
    const visitor = await createVisitor(fixture.repository, { withConversation: false });
    const socket = await visitorSocket(visitor.token);
    const { conversation } = await fixture.repository.getOrCreateOpenConversationBySessionId({ sessionId: visitor.session.id });
    expect(await subscribe(socket, conversationChannel(conversation.id))).toEqual({ ok: true });
  });

  it('lets an admin join any conversation and the admin channels', async () => {
    const visitor = await createVisitor(fixture.repository);
    const socket = await adminSocket();
    expect(await subscribe(socket, conversationChannel(visitor.conversationId!))).toEqual({ ok: true });
    expect(await subscribe(socket, ADMIN_NOTIFICATIONS_CHANNEL)).toEqual({ ok: true });
    expect(await subscribe(socket, 'private-something-else')).toEqual({ ok: false, error: 'forbidden' });
  });

  it('relays client-typing to the other members only, never back to the sender or to outsiders', async () => {
    const visitor = await createVisitor(fixture.repository);
    const other = await createVisitor(fixture.repository);
    const channel = conversationChannel(visitor.conversationId!);
    const sender = await visitorSocket(visitor.token);
    const admin = await adminSocket();
    const outsider = await visitorSocket(other.token);
    await subscribe(sender, channel);
    await subscribe(admin, channel);
    await subscribe(outsider, conversationChannel(other.conversationId!));
    const echoed = collect(sender, 'client-typing');
    const leaked = collect(outsider, 'client-typing');

    const received = waitFor<[string, unknown]>(admin, 'client-typing');
    sender.emit('client-event', typing(channel));
    expect(await received).toEqual([channel, { isTyping: true, senderType: 'visitor' }]);
    // A round trip through the server after the relay: anything echoed would have arrived by now.
    await subscribe(sender, channel);
    expect(echoed).toEqual([]);
    expect(leaked).toEqual([]);
  });

  it('drops client events from non-members and unknown event names', async () => {
    const visitor = await createVisitor(fixture.repository);
    const intruder = await createVisitor(fixture.repository);
    const channel = conversationChannel(visitor.conversationId!);
    const admin = await adminSocket();
    await subscribe(admin, channel);
    const seen = collect(admin, 'client-typing');
    const intruderSocket = await visitorSocket(intruder.token);
    intruderSocket.emit('client-event', typing(channel));
    const member = await visitorSocket(visitor.token);
    await subscribe(member, channel);
    member.emit('client-event', { channel, event: 'new-message', data: { isTyping: true, senderType: 'visitor' } } as never);
    const marker = waitFor(admin, 'client-typing');
    member.emit('client-event', typing(channel, false));
    await marker;
    expect(seen).toEqual([[channel, { isTyping: false, senderType: 'visitor' }]]);
  });

  it("relays only a boolean and the sender's real role, whatever a client event carries", async () => {
    const visitor = await createVisitor(fixture.repository);
    const channel = conversationChannel(visitor.conversationId!);
    const admin = await adminSocket();
    await subscribe(admin, channel);
    const sender = await visitorSocket(visitor.token);
    await subscribe(sender, channel);
    const received = waitFor<[string, unknown]>(admin, 'client-typing');
    sender.emit('client-event', {
      channel,
      event: 'client-typing',
      data: { isTyping: 'yes', senderType: 'admin', html: '<img src=x onerror=alert(1)>', pad: 'x'.repeat(10_000) },
    } as never);
    expect(await received).toEqual([channel, { isTyping: false, senderType: 'visitor' }]);
  });

  it('throttles client events to at most 2 a second per socket', async () => {
    const visitor = await createVisitor(fixture.repository);
    const channel = conversationChannel(visitor.conversationId!);
    const admin = await adminSocket();
    await subscribe(admin, channel);
    const seen = collect(admin, 'client-typing');
    const sender = await visitorSocket(visitor.token);
    await subscribe(sender, channel);
    for (let i = 0; i < 10; i++) sender.emit('client-event', typing(channel));
    await subscribe(sender, channel);
    await subscribe(admin, channel);
    expect(seen).toHaveLength(2);
  });

  it('stops relaying to a socket after it unsubscribes', async () => {
    const visitor = await createVisitor(fixture.repository);
    const channel = conversationChannel(visitor.conversationId!);
    const admin = await adminSocket();
    const watcher = await adminSocket();
    await subscribe(admin, channel);
    await subscribe(watcher, channel);
    expect(await admin.timeout(5_000).emitWithAck('unsubscribe', channel)).toEqual({ ok: true });
    const seen = collect(admin, 'client-typing');
    const sender = await visitorSocket(visitor.token);
    await subscribe(sender, channel);
    const delivered = waitFor(watcher, 'client-typing');
    sender.emit('client-event', typing(channel));
    await delivered;
    await subscribe(admin, ADMIN_NOTIFICATIONS_CHANNEL);
    expect(seen).toEqual([]);
  });
});
