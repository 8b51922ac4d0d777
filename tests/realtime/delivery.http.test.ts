import { describe, expect, it } from 'vitest';
import { conversationChannel } from '@/realtime/channels';
import type { DeliveredAck } from '@/realtime/protocol';
import { connect, createClient, createVisitor, type TestSocket, waitFor } from './helpers';
import { useProductionServer } from '../helpers/production-server';

const delivered = (socket: TestSocket, conversationId: string, messageIds: number[]) =>
  socket.timeout(5_000).emitWithAck('message:delivered', { conversationId, messageIds }) as Promise<DeliveredAck>;

describe('realtime delivery acknowledgements', () => {
  const fixture = useProductionServer({ admin: true, repository: true });

  it("marks the admin's message delivered when the visitor acknowledges it, and tells the sender", async () => {
    const visitor = await createVisitor(fixture.repository);
    const conversationId = visitor.conversationId!;
    const channel = conversationChannel(conversationId);
    const { message } = await fixture.repository.createMessage({ conversationId, senderType: 'admin', content: 'hello' });
    const { message: own } = await fixture.repository.createMessage({ conversationId, senderType: 'visitor', content: 'hi' });

    const admin = await connect(createClient(fixture.server, { extraHeaders: { cookie: fixture.adminCookie } }));
    await admin.timeout(5_000).emitWithAck('subscribe', channel);
    const status = waitFor(admin, 'message-status');
    const socket = await connect(createClient(fixture.server, { auth: { sessionToken: visitor.token } }));
    // The visitor's own message is not theirs to acknowledge: only the admin's changes.
    expect(await delivered(socket, conversationId, [message.id, own.id])).toEqual({ ok: true, messageIds: [message.id] });
    expect(await status).toEqual([channel, { conversationId, messageIds: [message.id], status: 'delivered' }]);
    const stored = await fixture.repository.listMessagesByConversationId({ conversationId });
    expect(stored.messages.map((row) => [row.id, row.status])).toEqual([
      [message.id, 'delivered'],
      [own.id, 'sent'],
    ]);
    // Acknowledging again changes nothing and publishes nothing new.
    expect(await delivered(socket, conversationId, [message.id])).toEqual({ ok: true, messageIds: [] });
    socket.close();
    admin.close();
  });

  it("refuses acknowledgements for another visitor's conversation and invalid input", async () => {
    const owner = await createVisitor(fixture.repository);
    const intruder = await createVisitor(fixture.repository);
    const { message } = await fixture.repository.createMessage({ conversationId: owner.conversationId!, senderType: 'admin', content: 'private' });
    const socket = await connect(createClient(fixture.server, { auth: { sessionToken: intruder.token } }));
    expect(await delivered(socket, owner.conversationId!, [message.id])).toEqual({ ok: false, error: 'forbidden' });
    expect(await delivered(socket, intruder.conversationId!, ['1' as never])).toEqual({ ok: false, error: 'invalid input' });
    expect(await delivered(socket, -1 as never, [])).toEqual({ ok: false, error: 'invalid input' });
    expect(await delivered(socket, 'not-an-id', [message.id])).toEqual({ ok: false, error: 'forbidden' });
    socket.close();
  });

  it("lets an admin acknowledge a visitor's message", async () => {
    const visitor = await createVisitor(fixture.repository);
    const { message } = await fixture.repository.createMessage({ conversationId: visitor.conversationId!, senderType: 'visitor', content: 'anyone?' });
    const admin = await connect(createClient(fixture.server, { extraHeaders: { cookie: fixture.adminCookie } }));
    expect(await delivered(admin, visitor.conversationId!, [message.id])).toEqual({ ok: true, messageIds: [message.id] });
    admin.close();
  });
});
