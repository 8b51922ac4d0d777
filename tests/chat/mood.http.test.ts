import { describe, expect, it } from 'vitest';
import type { ConversationPayload, MessagePayload, ServerEvents } from '@/realtime/channels';
import { dialects, mysqlSkipReason } from '../helpers/databases';
import { adminApi, adminCopyOf, settle, useAssistantServer, visitorInConversation, waitForEvent } from '../ai/helpers';

/*
 * Upset visitors first: a visitor message that reads upset or urgent marks
 * the conversation, the assistant hands it to the owner with its notice
 * instead of answering, the inbox lists it first, and the owner clears the
 * mark with PATCH. The real server on the built-in provider; SQLite always,
 * MySQL when MYSQL_URL is set.
 */

for (const { dialect, create, skip } of dialects) {
  describe.skipIf(skip)(`upset and urgent visitors on ${dialect}${skip ? ` (skipped: ${mysqlSkipReason})` : ''}`, () => {
    const fixture = useAssistantServer({ create });

    const inboxIds = async (query = '') => {
      const response = await adminApi(fixture, `/api/chat/conversations?status=active${query}`);
      expect(response.status).toBe(200);
      return (response.body.data.conversations as ConversationPayload[]).map((conversation) => conversation.id);
    };
    const conversationUpdate = (conversationId: string, matches: (data: ConversationPayload) => boolean, what: string) =>
      waitForEvent<ConversationPayload>(
        fixture.adminEvents,
        ({ event, data }) => event === 'conversation-updated' && (data as ConversationPayload).id === conversationId && matches(data as ConversationPayload),
        what,
      );

    it('marks the conversation, hands it to the owner with a notice instead of an answer, lists it first, and the owner clears the mark', async () => {
      const upset = await visitorInConversation(fixture);
      const sent = await upset.send('This is unacceptable. I paid two weeks ago and nobody answers, I want a refund!');
      expect(sent.status).toBe(201);

      const marked = await conversationUpdate(upset.conversationId, (data) => data.mood === 'upset', 'the mark');
      expect(marked.mood).toBe('upset');
      const notice = await upset.nextAiReply();
      expect(notice.content).toBe("I'm sorry about this. I've let Rizky know right away, and they'll reply to you here personally as soon as they can.");
      expect(notice.metadata).toMatchObject({ handover: true, notice: 'upset' });
      expect((await adminCopyOf(fixture, notice)).metadata).toMatchObject({ handover: true, notice: 'upset' });
      // The assistant says nothing else: the notice is its only message.
      const seen = await settle(upset);
      expect(seen.filter(({ event, data }) => event === 'new-message' && (data as MessagePayload).senderType === 'ai')).toHaveLength(1);
      // How the visitor's messages read is the owner's to know: the visitor's channel never carries it.
      const visitorUpdates = seen.filter(({ event }) => event === 'conversation-updated').map(({ data }) => data as ServerEvents['conversation-updated']);
      expect(visitorUpdates.every((data) => data.mood === null)).toBe(true);

      // Handed over the way every hand-over is: the owner is needed.
      await conversationUpdate(upset.conversationId, (data) => data.needsHuman, 'the hand-over');
      const details = (await adminApi(fixture, `/api/chat/conversations/${upset.conversationId}`)).body.data;
      expect(details).toMatchObject({ mood: 'upset', needsHuman: true });

      // A calmer visitor writing later gets an answer, and still comes after the marked conversation, even on a one-row page.
      const calm = await visitorInConversation(fixture);
      await calm.send("What's your tech stack?");
      const answer = await calm.nextAiReply();
      expect(answer.metadata).not.toHaveProperty('handover');
      expect((await inboxIds()).slice(0, 2)).toEqual([upset.conversationId, calm.conversationId]);
      expect(await inboxIds('&limit=1')).toEqual([upset.conversationId, calm.conversationId]);

      const cleared = await adminApi(fixture, `/api/chat/conversations/${upset.conversationId}`, { method: 'PATCH', body: { mood: null } });
      expect(cleared.status).toBe(200);
      expect(cleared.body.data).toMatchObject({ id: upset.conversationId, mood: null });
      await conversationUpdate(upset.conversationId, (data) => data.mood === null && data.needsHuman, 'the mark cleared');
      expect(await inboxIds('&limit=1')).toEqual([calm.conversationId]);
      upset.close();
      calm.close();
    });

    it('marks an urgent Indonesian message once, answering it with the notice in Indonesian', async () => {
      const visitor = await visitorInConversation(fixture);
      await visitor.send('Tolong segera hubungi saya, websitenya mati');
      const notice = await visitor.nextAiReply();
      expect(notice.content).toBe('Baik, ini mendesak. Saya sudah langsung memberi tahu Rizky, dan Rizky akan membalas Anda sendiri di sini secepatnya.');
      expect(notice.metadata).toMatchObject({ handover: true, notice: 'urgent' });
      await visitor.send('Ini penipuan, saya kecewa!');
      const seen = await settle(visitor);
      // Told once, as past a limit: the owner is on the way, the assistant stays quiet.
      expect(seen.filter(({ event, data }) => event === 'new-message' && (data as MessagePayload).senderType === 'ai')).toHaveLength(1);
      // The first mark stays: the conversation is still urgent, and never announced as anything else.
      const moods = fixture.adminEvents
        .filter(({ event, data }) => event === 'conversation-updated' && (data as ConversationPayload).id === visitor.conversationId)
        .map(({ data }) => (data as ConversationPayload).mood);
      expect(new Set(moods)).toEqual(new Set(['urgent']));
      expect((await adminApi(fixture, `/api/chat/conversations/${visitor.conversationId}`)).body.data.mood).toBe('urgent');
      visitor.close();
    });

    it('refuses a PATCH that sets a mood, or names an unknown field, with 400', async () => {
      const visitor = await visitorInConversation(fixture);
      for (const body of [{ mood: 'upset' }, { mood: 'calm' }, { mood: null, moodAt: null }, {}]) {
        const response = await adminApi(fixture, `/api/chat/conversations/${visitor.conversationId}`, { method: 'PATCH', body });
        expect(response.status, JSON.stringify(body)).toBe(400);
        expect(response.body).toMatchObject({ success: false, code: 'bad_request:validation' });
      }
      visitor.close();
    });
  });
}
