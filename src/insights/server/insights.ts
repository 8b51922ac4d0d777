import { getRepository, type Repository } from '@/db';
import type { FirstReplyRow, InsightsRange, RatingCountRow, TokenUsageRow } from '@/db/repository/insights';
import { handoverReasons } from '@/db/schema/types';
import type { ModelPriceInput } from '../schemas';
import type { InsightsDays, InsightsPayload, ReplyTimes, TokenDay } from '../types';

/*
 * "How the chat is doing": the period's figures as the Insights page draws them. SQL does the counting and the
 * per-day grouping; what is left here is filling the days without rows with zeros, reading percentiles off the
 * ordered waits, and pricing the tokens.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The last `days` UTC days, today included. */
export function insightsRange(days: InsightsDays, now: Date): InsightsRange & { dayList: string[] } {
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  const from = new Date(to.getTime() - days * DAY_MS);
  const dayList = Array.from({ length: days }, (_, index) => isoDay(new Date(from.getTime() + index * DAY_MS)));
  return { from, to, fromDay: isoDay(from), toDay: isoDay(to), dayList };
}

/** Linear interpolation between the closest ranks (as spreadsheets' PERCENTILE.INC): the median of 1, 2, 3, 4 is 2.5. */
export function percentile(sorted: readonly number[], fraction: number): number | null {
  if (sorted.length === 0) return null;
  const rank = (sorted.length - 1) * fraction;
  const below = Math.floor(rank);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (rank - below);
}

const replyTimes = (sorted: readonly number[]): ReplyTimes => ({
  replies: sorted.length,
  medianSeconds: percentile(sorted, 0.5),
  p90Seconds: percentile(sorted, 0.9),
});

function firstReplyFigures(dayList: string[], waits: FirstReplyRow[]): InsightsPayload['firstReply'] {
  // The rows come shortest first, so each day's list is sorted as it is filled.
  const byDay = new Map(dayList.map((day) => [day, [] as number[]]));
  for (const { day, seconds } of waits) byDay.get(day)?.push(seconds);
  return {
    days: dayList.map((day) => ({ day, ...replyTimes(byDay.get(day)!) })),
    overall: replyTimes(waits.map((wait) => wait.seconds)),
  };
}

const costOf = (tokens: number, pricePerMillion: number | null) => (tokens * (pricePerMillion ?? 0)) / 1_000_000;

function tokenFigures(dayList: string[], usage: TokenUsageRow[], prices: { model: string; pricePerMillion: number }[]): InsightsPayload['tokens'] {
  const days = new Map<string, TokenDay>(dayList.map((day) => [day, { day, byModel: {}, tokens: 0, cost: 0 }]));
  // Every priced model is listed, used or not, so the owner can see and change its price.
  const models = new Map(prices.map(({ model, pricePerMillion }) => [model, { model, tokens: 0, pricePerMillion: pricePerMillion as number | null, cost: 0 }]));
  for (const row of usage) {
    const cost = costOf(row.tokens, row.pricePerMillion);
    const day = days.get(row.day);
    if (day) {
      day.byModel[row.model] = row.tokens;
      day.tokens += row.tokens;
      day.cost += cost;
    }
    const model = models.get(row.model) ?? { model: row.model, tokens: 0, pricePerMillion: row.pricePerMillion, cost: 0 };
    model.tokens += row.tokens;
    model.cost += cost;
    models.set(row.model, model);
  }
  const modelList = [...models.values()].sort((a, b) => b.tokens - a.tokens || a.model.localeCompare(b.model));
  return {
    days: [...days.values()],
    models: modelList,
    total: modelList.reduce((sum, model) => sum + model.tokens, 0),
    cost: modelList.reduce((sum, model) => sum + model.cost, 0),
  };
}

const RATING_SCORES = [1, 2, 3, 4, 5];

function ratingFigures(dayList: string[], rows: RatingCountRow[]): InsightsPayload['ratings'] {
  const days = new Map(dayList.map((day) => [day, { count: 0, sum: 0 }]));
  const scores = new Map(RATING_SCORES.map((rating) => [rating, 0]));
  for (const { day, rating, count } of rows) {
    const totals = days.get(day);
    if (totals) {
      totals.count += count;
      totals.sum += rating * count;
    }
    scores.set(rating, (scores.get(rating) ?? 0) + count);
  }
  const count = [...scores.values()].reduce((sum, n) => sum + n, 0);
  const sum = [...scores.entries()].reduce((total, [rating, n]) => total + rating * n, 0);
  return {
    days: dayList.map((day) => {
      const totals = days.get(day)!;
      return { day, count: totals.count, average: totals.count === 0 ? null : totals.sum / totals.count };
    }),
    scores: RATING_SCORES.map((rating) => ({ rating, count: scores.get(rating)! })),
    count,
    average: count === 0 ? null : sum / count,
  };
}

/** `repository` is the app's unless the benchmark or a test brings its own database. */
export async function readInsights(days: InsightsDays, now = new Date(), repository: Repository = getRepository()): Promise<InsightsPayload> {
  const range = insightsRange(days, now);
  const { dayList } = range;
  const [conversationRows, waits, handovers, usage, prices, topUnanswered, ratings] = await Promise.all([
    repository.listConversationCountsByDay(range),
    repository.listFirstOwnerReplyWaits(range),
    repository.countHandoversByReason(range),
    repository.listTokenUsageByDayAndModel(range),
    repository.listModelPrices(),
    repository.listTopUnansweredQuestions(range),
    repository.listRatingCountsByDay(range),
  ]);

  const conversationsByDay = new Map(conversationRows.map((row) => [row.day, row]));
  const conversations = dayList.map(
    (day) => conversationsByDay.get(day) ?? { day, assistantOnly: 0, ownerOnly: 0, both: 0, nobody: 0, assistantEngaged: 0, resolved: 0 },
  );
  const assistantEngaged = conversations.reduce((sum, row) => sum + row.assistantEngaged, 0);
  const resolved = conversations.reduce((sum, row) => sum + row.resolved, 0);
  const handoverCounts = new Map(handovers.map((row) => [row.reason, row.count]));

  return {
    days,
    from: dayList[0]!,
    to: dayList.at(-1)!,
    conversations,
    firstReply: firstReplyFigures(dayList, waits),
    resolution: { assistantEngaged, resolved, rate: assistantEngaged === 0 ? null : resolved / assistantEngaged },
    handovers: handoverReasons.map((reason) => ({ reason, count: handoverCounts.get(reason) ?? 0 })),
    tokens: tokenFigures(dayList, usage, prices),
    topUnanswered: topUnanswered.map((row) => ({ ...row, lastAskedAt: row.lastAskedAt.toISOString() })),
    ratings: ratingFigures(dayList, ratings),
  };
}

export async function setModelPrice(input: ModelPriceInput): Promise<ModelPriceInput> {
  await getRepository().setModelPrice(input);
  return input;
}
