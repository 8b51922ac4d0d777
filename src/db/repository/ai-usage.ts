import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../client';

/**
 * The site-wide daily token counter behind AI_DAILY_TOKEN_BUDGET. One row per
 * UTC day and model (the insights price each model), incremented in the
 * database so concurrent replies and several instances add up instead of
 * overwriting each other.
 */
export function createAiUsageRepository({ db, tables, transaction, insertReturningIds, affectedRows, isUniqueViolation }: Database) {
  const { aiUsage } = tables;

  type Usage = { day: string; model: string; tokens: number };

  const incrementDay = async ({ day, model, tokens }: Usage) =>
    affectedRows(
      await transaction((tx) =>
        tx
          .update(aiUsage)
          .set({ tokens: sql`${aiUsage.tokens} + ${tokens}` })
          .where(and(eq(aiUsage.day, day), eq(aiUsage.model, model))),
      ),
    ) === 1;

  return {
    /** All models together: the budget is the site's, whichever model spent it. */
    async getAiTokenUsageByDay({ day }: { day: string }): Promise<number> {
      const [row] = await db.select({ tokens: sql<number | null>`sum(${aiUsage.tokens})`.mapWith(Number) }).from(aiUsage).where(eq(aiUsage.day, day));
      return row?.tokens ?? 0;
    },

    /**
     * The day's row is created in a transaction of its own, never in the one
     * that updates: on InnoDB an update that finds no row holds a gap lock,
     * and two such transactions then inserting deadlock each other.
     */
    async addAiTokenUsageByDayAndModel(usage: Usage): Promise<void> {
      if (usage.tokens <= 0 || (await incrementDay(usage))) return;
      try {
        await transaction((tx) => insertReturningIds(aiUsage, [{ day: usage.day, model: usage.model, tokens: 0 }], tx));
      } catch (error) {
        // Another reply created the day's row first; it is there now.
        if (!isUniqueViolation(error)) throw error;
      }
      await incrementDay(usage);
    },
  };
}
