import { eq, sql } from 'drizzle-orm';
import type { Database } from '../client';

/**
 * The site-wide daily token counter behind AI_DAILY_TOKEN_BUDGET. One row per
 * UTC day, incremented in the database so concurrent replies and several
 * instances add up instead of overwriting each other.
 */
export function createAiUsageRepository({ db, tables, transaction, insertReturningIds, affectedRows, isUniqueViolation }: Database) {
  const { aiUsage } = tables;

  const increment = ({ day, tokens }: { day: string; tokens: number }) =>
    transaction(async (tx) => {
      const updated = await tx
        .update(aiUsage)
        .set({ tokens: sql`${aiUsage.tokens} + ${tokens}` })
        .where(eq(aiUsage.day, day));
      if (affectedRows(updated) === 1) return;
      await insertReturningIds(aiUsage, [{ day, tokens }], tx);
    });

  return {
    async getAiTokenUsageByDay({ day }: { day: string }): Promise<number> {
      const [row] = await db.select({ tokens: aiUsage.tokens }).from(aiUsage).where(eq(aiUsage.day, day)).limit(1);
      return row?.tokens ?? 0;
    },

    async addAiTokenUsageByDay({ day, tokens }: { day: string; tokens: number }): Promise<void> {
      if (tokens <= 0) return;
      try {
        await increment({ day, tokens });
      } catch (error) {
        // MySQL: another instance created the day's row between our update and insert; it exists now.
        if (!isUniqueViolation(error)) throw error;
        await increment({ day, tokens });
      }
    },
  };
}
