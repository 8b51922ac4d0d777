import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRepository } from '@/db/repository';
import type { HandoverReason } from '@/db/schema/types';
import { dialects, mysqlSkipReason, useMigratedRepository } from '../helpers/databases';

/*
 * Conformance suite for what the assistant needs from the data layer, on
 * every dialect: the guarded insert that keeps an overtaken AI reply out of
 * a conversation, the takeover that commits with the admin's message, the
 * hourly reply count and the daily token counter.
 */

for (const { dialect, create, skip } of dialects) {
  describe.skipIf(skip)(`AI repository on ${dialect}${skip ? ` (skipped: ${mysqlSkipReason})` : ''}`, () => {
    const fixture = useMigratedRepository(create);
    // The settings row exists before the tests race on it.
    beforeAll(() => fixture.repository.getChatSettings());

    async function conversationWithQuestion() {
      const session = await fixture.repository.createChatSession({
        tokenHash: randomUUID().replace(/-/g, ''),
        visitorId: randomUUID(),
        expiresAt: new Date(Date.now() + 60_000),
      });
      const { conversation } = await fixture.repository.getOrCreateOpenConversationBySessionId({ sessionId: session.id });
      const { message } = await fixture.repository.createMessage({ conversationId: conversation.id, senderType: 'visitor', content: 'Question?' });
      return { conversation, question: message };
    }

    const reply = (
      conversationId: string,
      afterMessageId: number,
      overrides: { automatic?: boolean; handoverReason?: HandoverReason; answersAgain?: boolean } = {},
    ) =>
      fixture.repository.createAssistantMessageIfStillAllowed({
        conversationId,
        content: 'Answer.',
        metadata: { provider: 'local' },
        afterMessageId,
        automatic: overrides.automatic ?? true,
        handoverReason: overrides.handoverReason ?? null,
        answersAgain: overrides.answersAgain,
      });

    it('stores the reply while the AI handles the conversation', async () => {
      const { conversation, question } = await conversationWithQuestion();
      const stored = await reply(conversation.id, question.id);
      expect(stored?.message).toMatchObject({ senderType: 'ai', content: 'Answer.', metadata: { provider: 'local' } });
      expect(stored?.message.id).toBeGreaterThan(question.id);
      expect(stored?.conversation.needsHuman).toBe(false);
    });

    it('raises needsHuman with a handover reply', async () => {
      const { conversation, question } = await conversationWithQuestion();
      const stored = await reply(conversation.id, question.id, { handoverReason: 'not_in_portfolio' });
      expect(stored?.conversation.needsHuman).toBe(true);
      expect((await fixture.repository.getConversationById({ id: conversation.id }))?.needsHuman).toBe(true);
    });

    it('drops the reply once an admin has written after the question, and takes over with that message', async () => {
      const { conversation, question } = await conversationWithQuestion();
      await fixture.repository.createMessage({
        conversationId: conversation.id,
        senderType: 'admin',
        content: 'I will take this one.',
        conversationPatch: { isAiHandled: false, needsHuman: false },
      });
      expect((await fixture.repository.getConversationById({ id: conversation.id }))?.isAiHandled).toBe(false);
      expect(await reply(conversation.id, question.id)).toBeNull();
      // Even an on-demand reply does not follow an admin message it did not see.
      expect(await reply(conversation.id, question.id, { automatic: false })).toBeNull();
      const { messages } = await fixture.repository.listMessagesByConversationId({ conversationId: conversation.id });
      expect(messages.map((message) => message.senderType)).toEqual(['visitor', 'admin']);
    });

    it('drops a second answer to one question (a reply generated again after its process seemed lost), unless asked to answer again', async () => {
      const { conversation, question } = await conversationWithQuestion();
      expect(await reply(conversation.id, question.id)).not.toBeNull();
      expect(await reply(conversation.id, question.id)).toBeNull();
      expect(await reply(conversation.id, question.id, { automatic: false })).toBeNull();
      // Concurrent ones too: the conversation's row lock orders them, and the second sees the first's answer.
      const { conversation: other, question: asked } = await conversationWithQuestion();
      const raced = await Promise.all([reply(other.id, asked.id), reply(other.id, asked.id), reply(other.id, asked.id)]);
      expect(raced.filter(Boolean)).toHaveLength(1);
      expect(await reply(conversation.id, question.id, { automatic: false, answersAgain: true })).not.toBeNull();
      const { messages } = await fixture.repository.listMessagesByConversationId({ conversationId: conversation.id });
      expect(messages.map((message) => message.senderType)).toEqual(['visitor', 'ai', 'ai']);
    });

    it('drops an automatic reply when the AI no longer handles the conversation, but not an on-demand one', async () => {
      const { conversation, question } = await conversationWithQuestion();
      await fixture.repository.updateConversationById({ id: conversation.id, isAiHandled: false });
      expect(await reply(conversation.id, question.id)).toBeNull();
      expect(await reply(conversation.id, question.id, { automatic: false })).not.toBeNull();
    });

    it('drops an automatic reply when AI auto-reply is switched off', async () => {
      const { conversation, question } = await conversationWithQuestion();
      await fixture.repository.updateChatSettings({ aiEnabled: false });
      try {
        expect(await reply(conversation.id, question.id)).toBeNull();
        expect(await reply(conversation.id, question.id, { automatic: false })).not.toBeNull();
      } finally {
        await fixture.repository.updateChatSettings({ aiEnabled: true });
      }
    });

    it('counts the AI replies of one conversation within a window', async () => {
      const { conversation, question } = await conversationWithQuestion();
      const before = new Date(Date.now() - 1_000);
      await reply(conversation.id, question.id);
      await reply(conversation.id, question.id, { answersAgain: true });
      const count = (since: Date) =>
        fixture.repository.countMessagesByConversationSince({ conversationId: conversation.id, senderType: 'ai', since });
      expect(await count(before)).toBe(2);
      expect(await count(new Date(Date.now() + 1_000))).toBe(0);
    });

    it('creates the settings row with the initial provider once, and keeps it afterwards', async () => {
      const fresh = await create();
      try {
        await fresh.database.migrate();
        const freshRepository = createRepository(fresh.database);
        const initial = await freshRepository.initializeChatSettings({ aiProvider: 'openai-compatible', aiModel: 'llama3.1:8b' });
        expect(initial).toMatchObject({ aiProvider: 'openai-compatible', aiModel: 'llama3.1:8b', aiEnabled: true });
        expect(await freshRepository.initializeChatSettings({ aiProvider: 'openai', aiModel: 'gpt-4o-mini' })).toEqual(initial);
        expect(await freshRepository.getChatSettings()).toEqual(initial);
      } finally {
        await fresh.drop();
      }
    });

    it('adds up token usage per day, concurrently, including the first use of a day', async () => {
      const days = [1, 2, 3].map((n) => `2099-0${n}-${dialect === 'sqlite' ? '01' : '02'}`);
      for (const day of days) expect(await fixture.repository.getAiTokenUsageByDay({ day })).toBe(0);
      await Promise.all(days.flatMap((day) => Array.from({ length: 10 }, () => fixture.repository.addAiTokenUsageByDayAndModel({ day, model: 'gpt-4o-mini', tokens: 25 }))));
      for (const day of days) expect(await fixture.repository.getAiTokenUsageByDay({ day })).toBe(250);
      expect(await fixture.repository.getAiTokenUsageByDay({ day: '2099-12-31' })).toBe(0);
    });
  });
}
