import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Message } from '@/db/repository/chat';
import { dialects, mysqlSkipReason, useMigratedRepository } from '../helpers/databases';

/*
 * Conformance suite for the query the AI reply recovery runs after a process
 * died (src/ai/recovery.ts), on every dialect: which visitor questions are
 * still waiting for an answer, within the window, page by page.
 */

const MINUTE = 60_000;

for (const { dialect, create, skip } of dialects) {
  describe.skipIf(skip)(`questions awaiting a reply on ${dialect}${skip ? ` (skipped: ${mysqlSkipReason})` : ''}`, () => {
    const fixture = useMigratedRepository(create);

    async function conversationWith(...senders: Message['senderType'][]) {
      const session = await fixture.repository.createChatSession({
        tokenHash: randomUUID().replace(/-/g, ''),
        visitorId: randomUUID(),
        expiresAt: new Date(Date.now() + 60 * MINUTE),
      });
      const { conversation } = await fixture.repository.getOrCreateOpenConversationBySessionId({ sessionId: session.id });
      const messages: Message[] = [];
      for (const senderType of senders) {
        messages.push((await fixture.repository.createMessage({ conversationId: conversation.id, senderType, content: `${senderType} says hi` })).message);
      }
      return { conversationId: conversation.id, messages };
    }

    const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * MINUTE);

    /** Moves a conversation and all its messages to `at`, as if they had been written then. */
    async function backdate(conversationId: string, at: Date) {
      const { conversations, messages } = fixture.database.tables;
      await fixture.database.transaction(async (tx) => {
        const [row] = await tx.select({ key: conversations.id }).from(conversations).where(eq(conversations.publicId, conversationId));
        await tx.update(conversations).set({ lastMessageAt: at }).where(eq(conversations.id, row!.key));
        await tx.update(messages).set({ createdAt: at }).where(eq(messages.conversationId, row!.key));
      });
    }

    /** Every page from `since`, with the page sizes seen. */
    async function listAll(since: Date, limit: number) {
      const questions: Message[] = [];
      const pages: number[] = [];
      let cursor;
      do {
        const page = await fixture.repository.listQuestionsAwaitingReplySince({ since, cursor, limit });
        questions.push(...page.questions);
        pages.push(page.questions.length);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return { questions, pages };
    }

    it('finds the latest visitor question nothing followed, only in open AI-handled conversations within the window', async () => {
      const since = minutesAgo(60);
      const unanswered = await conversationWith('visitor');
      const askedTwice = await conversationWith('visitor', 'visitor');
      const askedAgain = await conversationWith('visitor', 'ai', 'visitor');
      const answered = await conversationWith('visitor', 'ai');
      const ownerAnswered = await conversationWith('visitor', 'admin');
      const takenOver = await conversationWith('visitor');
      await fixture.repository.updateConversationById({ id: takenOver.conversationId, isAiHandled: false });
      const closed = await conversationWith('visitor');
      await fixture.repository.updateConversationById({ id: closed.conversationId, status: 'closed' });
      const resolved = await conversationWith('visitor');
      await fixture.repository.updateConversationById({ id: resolved.conversationId, status: 'resolved' });
      const tooOld = await conversationWith('visitor');
      await backdate(tooOld.conversationId, minutesAgo(61));
      const olderButInWindow = await conversationWith('visitor');
      await backdate(olderButInWindow.conversationId, minutesAgo(30));
      const empty = await conversationWith();

      const { questions } = await listAll(since, 100);
      const found = new Map(questions.map((question) => [question.conversationId, question]));
      const latestOf = (conversation: { messages: Message[] }) => conversation.messages.at(-1)!.id;
      expect(found.get(unanswered.conversationId)?.id).toBe(latestOf(unanswered));
      expect(found.get(askedTwice.conversationId)?.id).toBe(latestOf(askedTwice));
      expect(found.get(askedAgain.conversationId)?.id).toBe(latestOf(askedAgain));
      expect(found.get(resolved.conversationId)?.id).toBe(latestOf(resolved));
      expect(found.get(olderButInWindow.conversationId)?.id).toBe(latestOf(olderButInWindow));
      for (const left of [answered, ownerAnswered, takenOver, closed, tooOld, empty]) expect(found.has(left.conversationId)).toBe(false);
      expect(questions).toHaveLength(5);
      expect(questions.every((question) => question.senderType === 'visitor' && question.content === 'visitor says hi')).toBe(true);
      // The oldest waiting first: the one from half an hour ago leads.
      expect(questions[0]!.conversationId).toBe(olderButInWindow.conversationId);
    });

    it('pages through every waiting question once, whatever the page size', async () => {
      const since = minutesAgo(1);
      // Several share one lastMessageAt to the millisecond: the cursor's id keeps them apart.
      const waiting = [];
      for (let i = 0; i < 7; i++) waiting.push(await conversationWith('visitor'));
      const sameMoment = minutesAgo(0.5);
      for (const { conversationId } of waiting.slice(0, 3)) await backdate(conversationId, sameMoment);
      const expected = new Set(waiting.map(({ messages }) => messages[0]!.id));
      for (const limit of [1, 2, 3, 100]) {
        const { questions, pages } = await listAll(since, limit);
        const ids = questions.map((question) => question.id).filter((id) => expected.has(id));
        expect(new Set(ids).size).toBe(ids.length);
        expect(new Set(ids)).toEqual(expected);
        expect(Math.max(...pages)).toBeLessThanOrEqual(limit);
      }
    });
  });
}
