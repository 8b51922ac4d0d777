import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dialects, mysqlSkipReason, useMigratedRepository } from '../helpers/databases';

/* One rating per resolution, on every dialect, whatever races. */
for (const { dialect, create, skip } of dialects) {
  describe.skipIf(skip)(`conversation ratings on ${dialect}${skip ? ` (skipped: ${mysqlSkipReason})` : ''}`, () => {
    const fixture = useMigratedRepository(create);

    async function newConversation() {
      const session = await fixture.repository.createChatSession({
        tokenHash: createHash('sha256').update(randomUUID()).digest('hex'),
        visitorId: `v_${randomUUID()}`,
        expiresAt: new Date(Date.now() + 3_600_000),
      });
      return (await fixture.repository.getOrCreateOpenConversationBySessionId({ sessionId: session.id })).conversation;
    }

    it('rates only a resolved conversation, once per resolution, even when answers race', async () => {
      const { id } = await newConversation();
      expect(await fixture.repository.rateConversationById({ id, rating: 5, comment: null })).toBeNull();

      const resolvedAt = new Date(Date.now() - 1_000);
      await fixture.repository.updateConversationById({ id, status: 'resolved', resolvedAt });
      const answers = await Promise.all([1, 2, 3, 4].map((rating) => fixture.repository.rateConversationById({ id, rating, comment: `try ${rating}` })));
      const stored = answers.filter((answer) => answer !== null);
      expect(stored).toHaveLength(1);
      const rated = await fixture.repository.getConversationById({ id });
      expect(rated).toMatchObject({ rating: stored[0]!.rating, ratingComment: `try ${stored[0]!.rating}`, resolvedAt });
      expect(rated!.ratedAt!.getTime()).toBeGreaterThanOrEqual(resolvedAt.getTime());

      // A new resolution may be rated again; the answer replaces the old one.
      await fixture.repository.updateConversationById({ id, status: 'active' });
      expect(await fixture.repository.rateConversationById({ id, rating: 1, comment: null })).toBeNull();
      await fixture.repository.updateConversationById({ id, status: 'resolved', resolvedAt: new Date(Date.now() + 1_000) });
      expect(await fixture.repository.rateConversationById({ id, rating: 2, comment: null, at: new Date(Date.now() + 2_000) })).toMatchObject({ rating: 2, ratingComment: null });
    });
  });
}
