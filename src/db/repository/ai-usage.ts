import { eq, sql } from 'drizzle-orm';
import type { Database } from '../client';

/**
 * The site-wide daily token counter behind AI_DAILY_TOKEN_BUDGET. One row per
 * UTC day, incremented in the database so concurrent replies and several
 * instances add up instead of overwriting each other.
 */
export function createAiUsageRepository({ db, tables, transaction, insertReturningIds, affectedRows, isUniqueViolation }: Database) {
  const { aiUsage } = tables;

  const incrementDay = async ({ day, tokens }: { day: string; tokens: number }) =>
    affectedRows(
      await transaction((tx) =>
        tx
          .update(aiUsage)
          .set({ tokens: sql`${aiUsage.tokens} + ${tokens}` })
          .where(eq(aiUsage.day, day)),
      ),
    ) === 1;

  return {
    async getAiTokenUsageByDay({ day }: { day: string }): Promise<number> {
      const [row] = await db.select({ tokens: aiUsage.tokens }).from(aiUsage).where(eq(aiUsage.day, day)).limit(1);
      return row?.tokens ?? 0;
    },

    /**
     * The day's row is created in a transaction of its own, never in the one
     * that updates: on InnoDB an update that finds no row holds a gap lock,
     * and two such transactions then inserting deadlock each other.
     */
    async addAiTokenUsageByDay({ day, tokens }: { day: string; tokens: number }): Promise<void> {
      if (tokens <= 0 || (await incrementDay({ day, tokens }))) return;
      try {
        await transaction((tx) => insertReturningIds(aiUsage, [{ day, tokens: 0 }], tx));
      } catch (error) {
        // Another reply created the day's row first; it is there now.
        if (!isUniqueViolation(error)) throw error;
      }
      await incrementDay({ day, tokens });
    },
  };
}
