import { and, asc, desc, eq, getTableName, gte, isNotNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Database } from '../client';
import type { HandoverReason, SenderType, UnansweredReason } from '../schema/types';

/*
 * The figures behind the admin's Insights page, for the UTC days [fromDay, toDay). Each query is one pass over
 * its period, bucketed by UTC day in SQL (timestamps are stored in UTC on both dialects); the days without
 * rows are the caller's to fill in.
 */

export type InsightsRange = { from: Date; to: Date; fromDay: string; toDay: string };

/** One UTC day's conversations (by the day they started), split by who answered them. */
export type ConversationDayRow = {
  day: string;
  assistantOnly: number;
  ownerOnly: number;
  both: number;
  nobody: number;
  /** Conversations the assistant wrote in, answering or handing over: the resolution rate's denominator. */
  assistantEngaged: number;
  /** Conversations the assistant answered and never handed over. */
  resolved: number;
};

export type FirstReplyRow = { day: string; seconds: number };
export type HandoverCountRow = { reason: HandoverReason; count: number };
export type TokenUsageRow = { day: string; model: string; tokens: number; pricePerMillion: number | null };
export type ModelPrice = { model: string; pricePerMillion: number };
/** How many ratings of each score were given on a UTC day. */
export type RatingCountRow = { day: string; rating: number; count: number };
export type TopUnansweredRow = { text: string; reason: UnansweredReason; count: number; lastAskedAt: Date };

const TOP_UNANSWERED = 10;

export function createInsightsRepository({ db, dialect, tables, transaction, insertReturningIds, isUniqueViolation }: Database) {
  const { conversations, messages, aiUsage, aiModelPrices, unansweredQuestions } = tables;

  const utcDay = (column: AnySQLiteColumn | SQL) =>
    dialect === 'sqlite' ? sql<string>`strftime('%Y-%m-%d', ${column} / 1000, 'unixepoch')` : sql<string>`date_format(${column}, '%Y-%m-%d')`;
  const inRange = (column: AnySQLiteColumn, range: InsightsRange) => and(gte(column, range.from), lt(column, range.to));
  const count = (condition: SQL) => sql<number>`sum(case when ${condition} then 1 else 0 end)`.mapWith(Number);

  // Drizzle leaves a selected column unqualified when its query reads one table, so inside a correlated
  // subquery `id` would be the message's: these name their table.
  const column = (table: SQLiteTable, column: AnySQLiteColumn) => sql`${sql.identifier(getTableName(table))}.${sql.identifier(column.name)}`;
  const message = {
    id: column(messages, messages.id),
    conversationId: column(messages, messages.conversationId),
    senderType: column(messages, messages.senderType),
    handoverReason: column(messages, messages.handoverReason),
    createdAt: column(messages, messages.createdAt),
  };
  const conversationKey = column(conversations, conversations.id);

  // Each test is a seek on messages_conversation_sender_idx (conversation, sender, id).
  const hasMessage = (senderType: SenderType, handover?: SQL) =>
    sql<number>`exists (select 1 from ${messages} where ${message.conversationId} = ${conversationKey} and ${message.senderType} = ${senderType}${handover ? sql` and ${handover}` : sql``})`;
  const firstMessage = (senderType: SenderType, value: SQL, after?: SQL) =>
    sql`(select ${value} from ${messages} where ${message.conversationId} = ${conversationKey} and ${message.senderType} = ${senderType}${after ? sql` and ${message.id} > ${after}` : sql``} order by ${message.id} limit 1)`;

  return {
    async listConversationCountsByDay(range: InsightsRange): Promise<ConversationDayRow[]> {
      // Hand-overs are few: read off messages_handover_reason_created_idx once, not looked for among every
      // assistant message of every conversation (on MariaDB that search was most of the query's time).
      const handedOverIn = db
        .selectDistinct({ conversationId: sql<number>`${message.conversationId}`.as('handed_over_conversation') })
        .from(messages)
        .where(and(isNotNull(messages.handoverReason), gte(messages.createdAt, range.from), eq(messages.senderType, 'ai')))
        .as('handed_over');
      const perConversation = db
        .select({
          day: utcDay(conversations.createdAt).as('day'),
          answered: hasMessage('ai', sql`${message.handoverReason} is null`).as('answered'),
          handedOver: sql<number>`case when ${handedOverIn.conversationId} is null then 0 else 1 end`.as('handed_over'),
          owner: hasMessage('admin').as('owner'),
        })
        .from(conversations)
        .leftJoin(handedOverIn, eq(handedOverIn.conversationId, conversations.id))
        .where(inRange(conversations.createdAt, range))
        // One row per conversation anyway; grouped, the subquery is computed once instead of merged into the
        // outer query, where MariaDB re-ran each test for every sum that reads it (six times for `answered`).
        .groupBy(conversations.id)
        .as('per_conversation');
      const { day, answered, handedOver, owner } = perConversation;
      return db
        .select({
          day,
          assistantOnly: count(sql`${answered} = 1 and ${owner} = 0`),
          ownerOnly: count(sql`${answered} = 0 and ${owner} = 1`),
          both: count(sql`${answered} = 1 and ${owner} = 1`),
          nobody: count(sql`${answered} = 0 and ${owner} = 0`),
          assistantEngaged: count(sql`${answered} = 1 or ${handedOver} = 1`),
          resolved: count(sql`${answered} = 1 and ${handedOver} = 0`),
        })
        .from(perConversation)
        .groupBy(sql`${day}`)
        .orderBy(sql`${day}`);
    },

    /**
     * How long each conversation of the period waited from its visitor's first message to the owner's first
     * message after it, in seconds, shortest first: the percentiles are read off this one ordered column.
     */
    async listFirstOwnerReplyWaits(range: InsightsRange): Promise<FirstReplyRow[]> {
      const firstVisitorId = firstMessage('visitor', message.id);
      const askedAt = firstMessage('visitor', message.createdAt);
      const repliedAt = firstMessage('admin', message.createdAt, firstVisitorId);
      const seconds =
        dialect === 'sqlite'
          ? sql<number>`(${repliedAt} - ${askedAt}) / 1000.0`
          : sql<number>`timestampdiff(microsecond, ${askedAt}, ${repliedAt}) / 1000000`;
      const waits = db
        .select({ day: utcDay(conversations.createdAt).as('day'), seconds: seconds.as('seconds') })
        .from(conversations)
        .where(inRange(conversations.createdAt, range))
        .as('waits');
      return db
        .select({ day: waits.day, seconds: sql<number>`${waits.seconds}`.mapWith(Number) })
        .from(waits)
        .where(isNotNull(waits.seconds))
        .orderBy(asc(waits.seconds));
    },

    async countHandoversByReason(range: InsightsRange): Promise<HandoverCountRow[]> {
      const rows = await db
        .select({ reason: messages.handoverReason, count: sql<number>`count(*)`.mapWith(Number) })
        .from(messages)
        .where(and(isNotNull(messages.handoverReason), inRange(messages.createdAt, range)))
        .groupBy(messages.handoverReason);
      return rows as HandoverCountRow[];
    },

    /** The visitors' ratings by the UTC day they were given (the latest answer of each conversation). */
    listRatingCountsByDay(range: InsightsRange): Promise<RatingCountRow[]> {
      const day = utcDay(conversations.ratedAt);
      return db
        .select({ day: day.as('day'), rating: sql<number>`${conversations.rating}`.mapWith(Number), count: sql<number>`count(*)`.mapWith(Number) })
        .from(conversations)
        .where(and(isNotNull(conversations.rating), inRange(conversations.ratedAt, range)))
        .groupBy(day, conversations.rating)
        .orderBy(day, conversations.rating);
    },

    /** ai_usage is already one row per day and model; the join brings each model's price along. */
    listTokenUsageByDayAndModel(range: InsightsRange): Promise<TokenUsageRow[]> {
      return db
        .select({ day: aiUsage.day, model: aiUsage.model, tokens: aiUsage.tokens, pricePerMillion: aiModelPrices.pricePerMillion })
        .from(aiUsage)
        .leftJoin(aiModelPrices, eq(aiModelPrices.model, aiUsage.model))
        .where(and(gte(aiUsage.day, range.fromDay), lt(aiUsage.day, range.toDay)))
        .orderBy(aiUsage.day, aiUsage.model);
    },

    /**
     * The questions handed over most often among those asked in the period. The table keeps one count per
     * question, not per asking, so `count` is the question's total; dismissed ones are left out.
     */
    listTopUnansweredQuestions(range: InsightsRange): Promise<TopUnansweredRow[]> {
      return db
        .select({ text: unansweredQuestions.text, reason: unansweredQuestions.reason, count: unansweredQuestions.count, lastAskedAt: unansweredQuestions.lastAskedAt })
        .from(unansweredQuestions)
        .where(and(inRange(unansweredQuestions.lastAskedAt, range), ne(unansweredQuestions.status, 'dismissed')))
        .orderBy(desc(unansweredQuestions.count), desc(unansweredQuestions.lastAskedAt), desc(unansweredQuestions.id))
        .limit(TOP_UNANSWERED);
    },

    listModelPrices(): Promise<ModelPrice[]> {
      return db.select({ model: aiModelPrices.model, pricePerMillion: aiModelPrices.pricePerMillion }).from(aiModelPrices).orderBy(aiModelPrices.model);
    },

    /** Creates or replaces a model's price; a second writer of a new model's first price makes it an update. */
    async setModelPrice({ model, pricePerMillion }: ModelPrice): Promise<void> {
      const update = () => transaction((tx) => tx.update(aiModelPrices).set({ pricePerMillion }).where(eq(aiModelPrices.model, model)));
      const [existing] = await db.select({ id: aiModelPrices.id }).from(aiModelPrices).where(eq(aiModelPrices.model, model)).limit(1);
      if (existing) {
        await update();
        return;
      }
      try {
        await transaction((tx) => insertReturningIds(aiModelPrices, [{ model, pricePerMillion }], tx));
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        await update();
      }
    },
  };
}
