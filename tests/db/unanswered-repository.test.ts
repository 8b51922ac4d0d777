import { describe, expect, it } from 'vitest';
import { isSameQuestion, normalizeQuestion } from '@/ai/question-similarity';
import { dialects, mysqlSkipReason, useMigratedRepository } from '../helpers/databases';

/*
 * Conformance suite for the unanswered-question inbox on every dialect: one
 * row per question however often it is asked, newest asking first, status
 * changes, and answering into the portfolio's Q&A in one step.
 */

for (const { dialect, create, skip } of dialects) {
  describe.skipIf(skip)(`unanswered questions repository on ${dialect}${skip ? ` (skipped: ${mysqlSkipReason})` : ''}`, () => {
    const fixture = useMigratedRepository(create);

    const ask = (text: string, conversationId: string, askedAt = new Date(), reason: 'not_in_portfolio' | 'limit' = 'not_in_portfolio') => {
      const normalized = normalizeQuestion(text);
      return fixture.repository.recordUnansweredQuestion({
        text,
        normalized,
        language: 'en',
        reason,
        conversationId,
        askedAt,
        isSameQuestion: (stored) => isSameQuestion(normalized, stored),
      });
    };

    it('counts a question asked again, in other words or another conversation, on one row', async () => {
      const first = await ask('Do you have a cat?', 'conversation-1', new Date('2026-01-01T10:00:00Z'));
      const again = await ask('do u have a cat??', 'conversation-2', new Date('2026-01-01T11:00:00Z'), 'limit');
      const same = await ask('Do you have cats', 'conversation-2', new Date('2026-01-01T12:00:00Z'));
      expect(first.created).toBe(true);
      expect(again.created).toBe(false);
      expect(same.created).toBe(false);
      expect(same.question).toMatchObject({
        id: first.question.id,
        text: 'Do you have a cat?',
        count: 3,
        conversationIds: ['conversation-1', 'conversation-2'],
        reason: 'not_in_portfolio',
        status: 'open',
        firstAskedAt: new Date('2026-01-01T10:00:00Z'),
        lastAskedAt: new Date('2026-01-01T12:00:00Z'),
      });
      const other = await ask('Do you have a dog?', 'conversation-3', new Date('2026-01-01T13:00:00Z'));
      expect(other.created).toBe(true);
    });

    it('lists by status, the most recently asked first', async () => {
      const older = await ask('What is your favourite film?', 'conversation-4', new Date('2026-02-01T10:00:00Z'));
      const newer = await ask('Which football team do you support?', 'conversation-5', new Date('2026-02-02T10:00:00Z'));
      const open = await fixture.repository.listUnansweredQuestionsByStatus({ status: 'open' });
      const ids = open.map((question) => question.id);
      expect(ids.indexOf(newer.question.id)).toBeLessThan(ids.indexOf(older.question.id));

      const dismissed = await fixture.repository.updateUnansweredQuestionStatusById({ id: older.question.id, status: 'dismissed' });
      expect(dismissed?.status).toBe('dismissed');
      expect((await fixture.repository.listUnansweredQuestionsByStatus({ status: 'open' })).map((question) => question.id)).not.toContain(older.question.id);
      expect((await fixture.repository.listUnansweredQuestionsByStatus({ status: 'dismissed' })).map((question) => question.id)).toEqual([older.question.id]);
      expect((await fixture.repository.listUnansweredQuestionsByStatus({ status: 'all' })).length).toBeGreaterThanOrEqual(open.length);
      expect(await fixture.repository.updateUnansweredQuestionStatusById({ id: 999_999, status: 'done' })).toBeNull();
    });

    it('answers a question into the Q&A and marks it done; asked again, it opens again', async () => {
      await fixture.repository.replacePortfolio({ document: { about: null, techStack: [], career: [], projects: [], qa: [{ question: 'First?', answer: 'Yes.', published: true }] } });
      const { question } = await ask('Do you speak Japanese?', 'conversation-6');
      const answered = await fixture.repository.answerUnansweredQuestionById({
        id: question.id,
        entry: { question: question.text, answer: 'A little.', language: 'en', published: true },
      });
      expect(answered?.status).toBe('done');
      expect((await fixture.repository.getPortfolio()).qa).toEqual([
        { question: 'First?', answer: 'Yes.', language: undefined, published: true },
        { question: 'Do you speak Japanese?', answer: 'A little.', language: 'en', published: true },
      ]);
      const again = await ask('do you speak japanese', 'conversation-7');
      expect(again.question).toMatchObject({ id: question.id, status: 'open', count: 2 });
      expect(await fixture.repository.answerUnansweredQuestionById({ id: 999_999, entry: { question: 'x', answer: 'y', published: true } })).toBeNull();
      expect((await fixture.repository.getPortfolio()).qa).toHaveLength(2);
    });
  });
}
