import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { conversationChannel, type ConversationPayload } from '@/realtime/channels';
import { useProductionServer } from '../helpers/production-server';
import { api } from '../helpers/server';
import { connect, createClient, waitFor } from '../realtime/helpers';
import { newVisitor, switchAiRepliesOff, visitorSend } from './helpers';

/* "How was this conversation?": asked when the owner resolves, answered once per resolution, by the visitor only. */
describe('rating a resolved conversation', () => {
  const fixture = useProductionServer({ admin: true });

  beforeAll(async () => {
    await switchAiRepliesOff(fixture.server, fixture.adminCookie);
  });

  async function conversation() {
    const token = await newVisitor(fixture.server);
    const sent = await visitorSend(fixture.server, token, { content: 'Thanks for the help!', clientMessageId: randomUUID() });
    return { token, conversationId: sent.body.data.conversationId as string };
  }
  const setStatus = (conversationId: string, status: string) =>
    api(fixture.server, `/api/chat/conversations/${conversationId}`, { method: 'PATCH', body: { status }, cookie: fixture.adminCookie });
  const rate = (token: string, body: Record<string, unknown>) => api(fixture.server, '/api/chat/rating', { body, headers: { 'x-session-token': token } });
  const sessionOf = (token: string) => api(fixture.server, '/api/chat/session', { body: { sessionToken: token } });
  const setRatings = (ratingsEnabled: boolean) =>
    api(fixture.server, '/api/chat/settings', { method: 'PATCH', body: { ratingsEnabled }, cookie: fixture.adminCookie });

  it('asks once the owner resolves (live on the conversation channel), takes one answer per resolution and shows it to the owner', async () => {
    const { token, conversationId } = await conversation();
    const early = await rate(token, { conversationId, rating: 5 });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ success: false, code: 'conflict:rating' });

    const socket = await connect(createClient(fixture.server, { auth: { sessionToken: token } }));
    expect(await socket.timeout(5_000).emitWithAck('subscribe', conversationChannel(conversationId))).toMatchObject({ ok: true });
    const updated = waitFor<[string, ConversationPayload]>(socket, 'conversation-updated');
    expect((await setStatus(conversationId, 'resolved')).status).toBe(200);
    const [, live] = await updated;
    socket.close();
    expect(live).toMatchObject({ id: conversationId, status: 'resolved', rating: null, ratedAt: null });
    expect(live.resolvedAt).toEqual(expect.any(String));

    // A browser coming back later learns it from its session.
    const session = await sessionOf(token);
    expect(session.body.data).toMatchObject({ ratingsEnabled: true, ratingState: { status: 'resolved', resolvedAt: live.resolvedAt, ratedAt: null } });

    const answer = await rate(token, { conversationId, rating: 4, comment: '  Quick and friendly.  ' });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toMatchObject({ rating: 4, ratingComment: 'Quick and friendly.' });
    const twice = await rate(token, { conversationId, rating: 1 });
    expect(twice.status).toBe(409);

    const details = await api(fixture.server, `/api/chat/conversations/${conversationId}`, { cookie: fixture.adminCookie });
    expect(details.body.data).toMatchObject({ rating: 4, ratingComment: 'Quick and friendly.' });
    const inbox = await api(fixture.server, '/api/chat/conversations?status=resolved', { cookie: fixture.adminCookie });
    expect(inbox.body.data.conversations.find((item: { id: string }) => item.id === conversationId)).toMatchObject({ rating: 4 });

    // Resolving again without reopening is not a new resolution; reopening and resolving is, and is asked again.
    await setStatus(conversationId, 'resolved');
    expect((await rate(token, { conversationId, rating: 2 })).status).toBe(409);
    await setStatus(conversationId, 'active');
    expect((await rate(token, { conversationId, rating: 2 })).status).toBe(409);
    await setStatus(conversationId, 'resolved');
    const again = await rate(token, { conversationId, rating: 5 });
    expect(again.status).toBe(200);
    expect(again.body.data).toMatchObject({ rating: 5, ratingComment: null });
  });

  it('takes only a whole score from 1 to 5 and a short comment, from the conversation’s own visitor', async () => {
    const { token, conversationId } = await conversation();
    await setStatus(conversationId, 'resolved');
    for (const rating of [0, 6, 3.5, '4', null]) {
      const refused = await rate(token, { conversationId, rating });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ success: false, code: 'bad_request:validation', fields: { rating: ['Choose from 1 to 5.'] } });
    }
    const long = await rate(token, { conversationId, rating: 3, comment: 'x'.repeat(1001) });
    expect(long.body).toMatchObject({ code: 'bad_request:validation', fields: { comment: ['Use at most 1000 characters.'] } });

    const stranger = await conversation();
    const foreign = await rate(stranger.token, { conversationId, rating: 1 });
    expect(foreign.status).toBe(404);
    const byOwner = await api(fixture.server, '/api/chat/rating', { body: { conversationId, rating: 5 }, cookie: fixture.adminCookie });
    expect(byOwner.status).toBe(403);
    expect(byOwner.body).toMatchObject({ success: false, code: 'forbidden:rating' });
    expect((await api(fixture.server, '/api/chat/rating', { body: { conversationId, rating: 5 } })).status).toBe(401);
  });

  it('asks nothing while the owner has ratings turned off', async () => {
    const { token, conversationId } = await conversation();
    await setStatus(conversationId, 'resolved');
    expect((await setRatings(false)).status).toBe(200);
    try {
      expect((await sessionOf(token)).body.data.ratingsEnabled).toBe(false);
      const refused = await rate(token, { conversationId, rating: 5 });
      expect(refused.status).toBe(403);
      expect(refused.body.error).toBe('Ratings are turned off on this site.');
    } finally {
      await setRatings(true);
    }
    expect((await rate(token, { conversationId, rating: 5 })).status).toBe(200);
  });
});
