import type { ConversationDayRow } from '@/db/repository/insights';
import type { HandoverReason, UnansweredReason } from '@/db/schema/types';

/** What GET /api/admin/insights answers and the Insights page draws: every UTC day of the period is present, zeros included. */

export const insightsPeriods = [7, 30, 90] as const;
export type InsightsDays = (typeof insightsPeriods)[number];
export const DEFAULT_INSIGHTS_DAYS: InsightsDays = 30;

/** One UTC day's conversations (by the day they started), split by who answered them. */
export type ConversationDay = ConversationDayRow;

/** Seconds; null when no conversation of the day got an owner's reply. */
export type ReplyTimes = { replies: number; medianSeconds: number | null; p90Seconds: number | null };

export type TokenDay = { day: string; byModel: Record<string, number>; tokens: number; cost: number };
export type ModelUsage = { model: string; tokens: number; pricePerMillion: number | null; cost: number };

/** A day's ratings: how many, and their average (null without any). */
export type RatingDay = { day: string; count: number; average: number | null };

export type InsightsPayload = {
  days: InsightsDays;
  /** First and last UTC day, inclusive (YYYY-MM-DD). */
  from: string;
  to: string;
  conversations: ConversationDay[];
  firstReply: { days: (ReplyTimes & { day: string })[]; overall: ReplyTimes };
  /** resolved / assistantEngaged over the period; null when the assistant wrote in no conversation. */
  resolution: { assistantEngaged: number; resolved: number; rate: number | null };
  handovers: { reason: HandoverReason; count: number }[];
  /** Hosted providers only (the built-in one costs nothing); a model the owner gave no price costs 0. */
  tokens: { days: TokenDay[]; models: ModelUsage[]; total: number; cost: number };
  topUnanswered: { text: string; reason: UnansweredReason; count: number; lastAskedAt: string }[];
  /** The visitors' answers to "How was this conversation?", by the day given, and how many of each score. */
  ratings: { days: RatingDay[]; scores: { rating: number; count: number }[]; count: number; average: number | null };
};
