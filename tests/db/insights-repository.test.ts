import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { HandoverReason, SenderType } from '@/db/schema/types';
import { readInsights } from '@/insights/server/insights';
import { dialects, mysqlSkipReason, useMigratedRepository } from '../helpers/databases';

/*
 * The Insights figures on every dialect, from a small dataset whose every number is known: who answered each
 * conversation, the owner's reply times, the resolution rate, hand-overs by reason, tokens and their cost,
 * the most asked unanswered questions. The period is the 7 UTC days 2026-03-04 … 2026-03-10; rows one
 * millisecond either side of it must stay out.
 */

const NOW = new Date('2026-03-10T12:00:00Z');

type Line = [SenderType, string, HandoverReason?];

for (const { dialect, create, skip } of dialects) {
  describe.skipIf(skip)(`insights on ${dialect}${skip ? ` (skipped: ${mysqlSkipReason})` : ''}`, () => {
    const fixture = useMigratedRepository(create);

    /** A conversation started at its first line's time; each line is [sender, ISO time, hand-over reason]. */
    const conversation = (...lines: Line[]) =>
      fixture.database.transaction(async (tx) => {
        const { conversations, messages } = fixture.database.tables;
        const startedAt = new Date(lines[0]![1]);
        const [key] = await fixture.database.insertReturningIds(
          conversations,
          [{ publicId: randomUUID().replaceAll('-', ''), visitorId: 'visitor', createdAt: startedAt, lastMessageAt: startedAt }],
          tx,
        );
        await fixture.database.insertReturningIds(
          messages,
          lines.map(([senderType, at, handoverReason]) => ({ conversationId: key, senderType, content: 'text', createdAt: new Date(at), handoverReason: handoverReason ?? null })),
          tx,
        );
      });

    const ask = async (text: string, times: string[], status?: 'dismissed') => {
      let id = 0;
      for (const at of times) {
        const { question } = await fixture.repository.recordUnansweredQuestion({
          text,
          normalized: text.toLowerCase(),
          language: 'en',
          reason: 'not_in_portfolio',
          conversationId: 'c',
          askedAt: new Date(at),
          isSameQuestion: () => false,
        });
        id = question.id;
      }
      if (status) await fixture.repository.updateUnansweredQuestionStatusById({ id, status });
    };

    it('computes every figure of the period, with days of nothing present as zeros', async () => {
      // Before the period: the owner answered, the assistant handed over, neither counts.
      await conversation(['visitor', '2026-03-03T23:59:59.999Z'], ['ai', '2026-03-03T23:59:59.999Z', 'provider_failed'], ['admin', '2026-03-04T00:01:00Z']);
      // The period's first millisecond; the assistant answers.
      await conversation(['visitor', '2026-03-04T00:00:00.000Z'], ['ai', '2026-03-04T00:00:05Z']);
      // Handed over on request, answered by the owner 60 s later.
      await conversation(['visitor', '2026-03-05T10:00:00Z'], ['ai', '2026-03-05T10:00:02Z', 'asked_for_human'], ['admin', '2026-03-05T10:01:00Z']);
      // Started on the 5th's last millisecond: counts on the 5th though its replies fall on the 6th. Both answered; 120 s.
      await conversation(['visitor', '2026-03-05T23:59:59.999Z'], ['ai', '2026-03-06T00:00:00.999Z'], ['admin', '2026-03-06T00:01:59.999Z']);
      // Nobody answered; once the assistant handed over and nobody followed.
      await conversation(['visitor', '2026-03-07T08:00:00Z']);
      await conversation(['visitor', '2026-03-07T09:00:00Z'], ['ai', '2026-03-07T09:00:01Z', 'not_in_portfolio']);
      // The owner wrote first: the wait runs from the visitor's first message (600 s).
      await conversation(['admin', '2026-03-10T11:00:00Z'], ['visitor', '2026-03-10T11:01:00Z'], ['admin', '2026-03-10T11:11:00Z']);
      // Two hand-overs in one conversation, then the owner after 30 s.
      await conversation(['visitor', '2026-03-10T11:30:00Z'], ['ai', '2026-03-10T11:30:01Z', 'rate_limit'], ['ai', '2026-03-10T11:30:10Z', 'budget'], ['admin', '2026-03-10T11:30:30Z']);
      // After the period.
      await conversation(['visitor', '2026-03-11T00:00:00.000Z'], ['ai', '2026-03-11T00:00:00.000Z', 'too_late']);

      const usage = [
        ['2026-03-03', 'gpt-4o-mini', 999],
        ['2026-03-04', 'gpt-4o-mini', 1_000_000],
        ['2026-03-04', 'llama3.1:8b', 500_000],
        ['2026-03-10', 'gpt-4o-mini', 250_000],
        // A row from before models were recorded.
        ['2026-03-10', '', 100],
        ['2026-03-11', 'gpt-4o-mini', 999],
      ] as const;
      for (const [day, model, tokens] of usage) await fixture.repository.addAiTokenUsageByDayAndModel({ day, model, tokens });
      await fixture.repository.setModelPrice({ model: 'gpt-4o-mini', pricePerMillion: 1 });
      await fixture.repository.setModelPrice({ model: 'gpt-4o-mini', pricePerMillion: 0.6 });
      await fixture.repository.setModelPrice({ model: 'claude-unused', pricePerMillion: 3 });

      await ask('Do you have a cat?', ['2026-03-05T10:00:00Z', '2026-03-06T10:00:00Z', '2026-03-09T10:00:00Z']);
      await ask('What is your salary?', ['2026-03-06T10:00:00Z']);
      await ask('Where do you live?', ['2026-03-10T10:00:00Z', '2026-03-10T11:00:00Z']);
      await ask('An old question', ['2026-03-01T10:00:00Z', '2026-03-02T10:00:00Z', '2026-03-03T10:00:00Z', '2026-03-03T23:59:59.999Z']);
      await ask('A dismissed one', ['2026-03-05T10:00:00Z', '2026-03-06T10:00:00Z', '2026-03-07T10:00:00Z', '2026-03-08T10:00:00Z'], 'dismissed');

      const insights = await readInsights(7, NOW, fixture.repository);
      const zero = { assistantOnly: 0, ownerOnly: 0, both: 0, nobody: 0, assistantEngaged: 0, resolved: 0 };
      expect(insights).toMatchObject({ days: 7, from: '2026-03-04', to: '2026-03-10' });
      expect(insights.conversations).toEqual([
        { ...zero, day: '2026-03-04', assistantOnly: 1, assistantEngaged: 1, resolved: 1 },
        { ...zero, day: '2026-03-05', ownerOnly: 1, both: 1, assistantEngaged: 2, resolved: 1 },
        { ...zero, day: '2026-03-06' },
        { ...zero, day: '2026-03-07', nobody: 2, assistantEngaged: 1 },
        { ...zero, day: '2026-03-08' },
        { ...zero, day: '2026-03-09' },
        { ...zero, day: '2026-03-10', ownerOnly: 2, assistantEngaged: 1 },
      ]);
      expect(insights.resolution).toEqual({ assistantEngaged: 5, resolved: 2, rate: 0.4 });

      const none = { replies: 0, medianSeconds: null, p90Seconds: null };
      const { firstReply } = insights;
      expect(firstReply.days.map(({ day, replies, medianSeconds }) => ({ day, replies, medianSeconds }))).toEqual([
        { day: '2026-03-04', replies: 0, medianSeconds: null },
        { day: '2026-03-05', replies: 2, medianSeconds: 90 },
        { day: '2026-03-06', replies: 0, medianSeconds: null },
        { day: '2026-03-07', replies: 0, medianSeconds: null },
        { day: '2026-03-08', replies: 0, medianSeconds: null },
        { day: '2026-03-09', replies: 0, medianSeconds: null },
        { day: '2026-03-10', replies: 2, medianSeconds: 315 },
      ]);
      expect(firstReply.days[0]).toEqual({ day: '2026-03-04', ...none });
      // Linear between ranks: 60 + 0.9 × (120 − 60), 30 + 0.9 × (600 − 30), and over 30, 60, 120, 600: 120 + 0.7 × 480.
      expect(firstReply.days[1]!.p90Seconds).toBeCloseTo(114, 9);
      expect(firstReply.days[6]!.p90Seconds).toBeCloseTo(543, 9);
      expect(firstReply.overall.replies).toBe(4);
      expect(firstReply.overall.medianSeconds).toBe(90);
      expect(firstReply.overall.p90Seconds).toBeCloseTo(456, 9);

      expect(insights.handovers).toEqual([
        { reason: 'not_in_portfolio', count: 1 },
        { reason: 'asked_for_human', count: 1 },
        { reason: 'provider_failed', count: 0 },
        { reason: 'too_late', count: 0 },
        { reason: 'rate_limit', count: 1 },
        { reason: 'budget', count: 1 },
        { reason: 'upset', count: 0 },
        { reason: 'urgent', count: 0 },
        { reason: 'image', count: 0 },
      ]);

      const { tokens } = insights;
      expect(tokens.days.map(({ day, byModel, tokens }) => ({ day, byModel, tokens }))).toEqual([
        { day: '2026-03-04', byModel: { 'gpt-4o-mini': 1_000_000, 'llama3.1:8b': 500_000 }, tokens: 1_500_000 },
        ...['2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09'].map((day) => ({ day, byModel: {}, tokens: 0 })),
        { day: '2026-03-10', byModel: { 'gpt-4o-mini': 250_000, '': 100 }, tokens: 250_100 },
      ]);
      expect(tokens.days.map((day) => day.cost)).toEqual([0.6, 0, 0, 0, 0, 0, 0.15]);
      expect(tokens.models).toEqual([
        { model: 'gpt-4o-mini', tokens: 1_250_000, pricePerMillion: 0.6, cost: 0.75 },
        { model: 'llama3.1:8b', tokens: 500_000, pricePerMillion: null, cost: 0 },
        { model: '', tokens: 100, pricePerMillion: null, cost: 0 },
        { model: 'claude-unused', tokens: 0, pricePerMillion: 3, cost: 0 },
      ]);
      expect(tokens.total).toBe(1_750_100);
      expect(tokens.cost).toBeCloseTo(0.75, 12);

      expect(insights.topUnanswered).toEqual([
        { text: 'Do you have a cat?', reason: 'not_in_portfolio', count: 3, lastAskedAt: '2026-03-09T10:00:00.000Z' },
        { text: 'Where do you live?', reason: 'not_in_portfolio', count: 2, lastAskedAt: '2026-03-10T11:00:00.000Z' },
        { text: 'What is your salary?', reason: 'not_in_portfolio', count: 1, lastAskedAt: '2026-03-06T10:00:00.000Z' },
      ]);

      // The budget still counts every model of the day together.
      expect(await fixture.repository.getAiTokenUsageByDay({ day: '2026-03-04' })).toBe(1_500_000);
    });

    it('answers an empty period with every day at zero', async () => {
      const insights = await readInsights(90, new Date('2030-01-01T00:00:00Z'), fixture.repository);
      expect(insights.conversations).toHaveLength(90);
      expect(insights.from).toBe('2029-10-04');
      expect(insights.to).toBe('2030-01-01');
      expect(insights.conversations.every((day) => day.assistantOnly + day.ownerOnly + day.both + day.nobody === 0)).toBe(true);
      expect(insights.resolution.rate).toBeNull();
      expect(insights.firstReply.overall).toEqual({ replies: 0, medianSeconds: null, p90Seconds: null });
      expect(insights.handovers.every((row) => row.count === 0)).toBe(true);
      expect(insights.tokens.days.every((day) => day.tokens === 0)).toBe(true);
      expect(insights.topUnanswered).toEqual([]);
      expect(insights.ratings).toMatchObject({ count: 0, average: null });
      expect(insights.ratings.days.every((day) => day.count === 0 && day.average === null)).toBe(true);
    });

    it('counts the ratings by the UTC day they were given, with each day’s average and the period’s scores', async () => {
      const rated = async (rating: number, at: string) => {
        const session = await fixture.repository.createChatSession({ tokenHash: randomUUID().replaceAll('-', '').padEnd(64, '0'), visitorId: 'v', expiresAt: new Date('2031-01-01T00:00:00Z') });
        const { conversation } = await fixture.repository.getOrCreateOpenConversationBySessionId({ sessionId: session.id });
        await fixture.repository.updateConversationById({ id: conversation.id, status: 'resolved', resolvedAt: new Date(new Date(at).getTime() - 60_000) });
        await fixture.repository.rateConversationById({ id: conversation.id, rating, comment: null, at: new Date(at) });
      };
      const now = new Date('2040-05-10T12:00:00Z');
      await rated(5, '2040-05-09T23:59:59.999Z');
      await rated(4, '2040-05-09T08:00:00Z');
      await rated(1, '2040-05-10T00:00:00Z');
      await rated(2, '2040-05-03T23:59:59.999Z'); // the day before the 7-day period
      const { ratings } = await readInsights(7, now, fixture.repository);
      expect(ratings.count).toBe(3);
      expect(ratings.average).toBeCloseTo(10 / 3);
      expect(ratings.scores).toEqual([1, 0, 0, 1, 1].map((count, index) => ({ rating: index + 1, count })));
      expect(ratings.days.find((day) => day.day === '2040-05-09')).toEqual({ day: '2040-05-09', count: 2, average: 4.5 });
      expect(ratings.days.find((day) => day.day === '2040-05-10')).toEqual({ day: '2040-05-10', count: 1, average: 1 });
      expect(ratings.days.find((day) => day.day === '2040-05-04')).toEqual({ day: '2040-05-04', count: 0, average: null });
    });
  });
}
