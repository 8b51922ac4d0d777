import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { CONVERSATION_ID_PATTERN } from '@/chat/conversation-id';
import { conversationChannel } from '@/realtime/channels';
import { api } from '../helpers/server';
import { useProductionServer } from '../helpers/production-server';
import { collect, connect, createClient, type TestSocket } from '../realtime/helpers';
import { newVisitor, switchAiRepliesOff, visitorGet, visitorRead, visitorSend } from './helpers';

/*
 * A visitor only ever sees its conversation's random public id: in every API
 * answer, every event and the channel name. The numeric key the database
 * counts with is not another name for the conversation.
 */

/** Every value under a `conversationId` key, and the `id` of every object shaped like a conversation. */
function conversationIdsIn(value: unknown, found: unknown[] = []): unknown[] {
  if (Array.isArray(value)) value.forEach((item) => conversationIdsIn(item, found));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('conversationId' in record) found.push(record.conversationId);
    if ('isAiHandled' in record && 'id' in record) found.push(record.id);
    Object.values(record).forEach((item) => conversationIdsIn(item, found));
  }
  return found;
}

const subscribe = (socket: TestSocket, channel: string) => socket.timeout(5_000).emitWithAck('subscribe', channel);

describe('conversation ids seen by a visitor', () => {
  const fixture = useProductionServer({ admin: true, repository: true });

  it('are the public id everywhere, and the numeric key opens nothing', async () => {
    const { server, adminCookie: cookie } = fixture;
    await switchAiRepliesOff(server, cookie);
    const token = await newVisitor(server);
    const sent = await visitorSend(server, token, { content: 'hello', visitorName: 'Tia' });
    const publicId = sent.body.data.conversationId as string;
    expect(publicId).toMatch(CONVERSATION_ID_PATTERN);

    const socket = await connect(createClient(server, { auth: { sessionToken: token } }));
    const events = (['new-message', 'message-read', 'message-status', 'conversation-updated'] as const).map((event) => collect(socket, event));
    expect(await subscribe(socket, conversationChannel(publicId))).toEqual({ ok: true });

    const reply = await api(server, '/api/chat/send', { cookie, body: { conversationId: publicId, content: 'hi Tia' } });
    await api(server, `/api/chat/conversations/${publicId}`, { method: 'PATCH', cookie, body: { status: 'resolved' } });
    const answers = [
      sent.body,
      (await api(server, '/api/chat/session', { body: { sessionToken: token } })).body,
      (await visitorGet(server, token, `/api/chat/messages?conversationId=${publicId}`)).body,
      (await api(server, '/api/chat/delivered', { body: { conversationId: publicId, messageIds: [reply.body.data.id] }, headers: { 'x-session-token': token } })).body,
      (await visitorRead(server, token, { conversationId: publicId, upToMessageId: reply.body.data.id })).body,
    ];
    await expect.poll(() => events.every((seen) => seen.length > 0), { timeout: 5_000 }).toBe(true);

    const seen = conversationIdsIn([answers, events]);
    expect(seen.length).toBeGreaterThan(8);
    expect(new Set(seen)).toEqual(new Set([publicId]));
    for (const [channel] of events.flat()) expect(channel).toBe(conversationChannel(publicId));

    const { conversations } = fixture.database.tables;
    const [{ key }] = (await fixture.database.db
      .select({ key: conversations.id })
      .from(conversations)
      .where(eq(conversations.publicId, publicId))) as [{ key: number }];
    expect(JSON.stringify(answers)).not.toMatch(new RegExp(`"conversationId":${key}\\b`));
    expect((await visitorGet(server, token, `/api/chat/messages?conversationId=${key}`)).status).toBe(404);
    expect((await api(server, `/api/chat/conversations/${key}`, { cookie })).status).toBe(404);
    expect(await subscribe(socket, `private-conversation-${key}`)).toEqual({ ok: false, error: 'forbidden' });
    const admin = await connect(createClient(server, { extraHeaders: { cookie, origin: server.url } }));
    expect(await subscribe(admin, `private-conversation-${key}`)).toEqual({ ok: false, error: 'forbidden' });
    admin.close();
    socket.close();
  });
});
