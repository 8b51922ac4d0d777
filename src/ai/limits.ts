import { env } from '@/config/env';
import { getRepository } from '@/db';
import type { AiProvider } from '@/db/schema/types';
import type { NoticeReason } from './notices';

/**
 * Cost limits. The built-in provider costs nothing, so only hosted providers
 * spend the site's daily token budget; the hourly reply limit per
 * conversation applies to every provider (it also stops a visitor from
 * keeping the assistant busy forever).
 */

const HOUR_MS = 60 * 60 * 1000;

const utcDay = (date = new Date()) => date.toISOString().slice(0, 10);

const isHosted = (provider: AiProvider) => provider !== 'local';

export async function isDailyBudgetSpent(provider: AiProvider): Promise<boolean> {
  if (!isHosted(provider) || env.AI_DAILY_TOKEN_BUDGET === 0) return false;
  return (await getRepository().getAiTokenUsageByDay({ day: utcDay() })) >= env.AI_DAILY_TOKEN_BUDGET;
}

/** The limit that stops this reply, or null when it may go ahead. */
export async function reachedReplyLimit(conversationId: string, provider: AiProvider): Promise<NoticeReason | null> {
  if (env.AI_REPLIES_PER_CONVERSATION_PER_HOUR > 0) {
    const recent = await getRepository().countMessagesByConversationSince({
      conversationId,
      senderType: 'ai',
      since: new Date(Date.now() - HOUR_MS),
    });
    if (recent >= env.AI_REPLIES_PER_CONVERSATION_PER_HOUR) return 'rate-limit';
  }
  return (await isDailyBudgetSpent(provider)) ? 'budget' : null;
}

/** Counted with the budget off too: the Insights page shows what each hosted model used and cost. */
export async function recordTokenUsage(provider: AiProvider, model: string, tokens: number): Promise<void> {
  if (isHosted(provider)) await getRepository().addAiTokenUsageByDayAndModel({ day: utcDay(), model, tokens });
}
