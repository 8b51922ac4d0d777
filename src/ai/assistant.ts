import type { ModelMessage } from 'ai';
import { env } from '@/config/env';
import { readCurrentChatSettings } from '@/chat/server/settings-cache';
import type { ChatSettings } from '@/db/repository/settings';
import { AppError } from '@/http/errors';
import { logger } from '@/logger';
import type { PortfolioDocument } from '@/portfolio/schema';
import { readPublishedPortfolio } from '@/portfolio/server/portfolio-cache';
import { describeProviderError, generateReply, type Generation } from './generate';
import { isDailyBudgetSpent, recordTokenUsage } from './limits';
import { portfolioIndex } from './local/portfolio-index';
import type { PortfolioFact } from './portfolio-facts';
import { buildSystemPrompt, CONTEXT_BUDGET_CHARS } from './prompt';
import { resolveModel, type ResolvedModel } from './providers';
import { selectContext } from './retrieval';

/** The portfolio facts an answer is grounded on, as the admin's test box shows them. */
export type FactReference = { source: string; label: string; text: string };

export type ModelInput = {
  resolved: ResolvedModel;
  system: string;
  contextFacts: PortfolioFact[];
  ownerName: string;
};

/** Everything but the messages: the model the settings choose and a system prompt holding the facts relevant to `question`. */
export function prepareModelInput(input: { settings: ChatSettings; portfolio: PortfolioDocument; question: string }): ModelInput {
  // Built once per portfolio version, not per question.
  const index = portfolioIndex(input.portfolio);
  const ownerName = input.portfolio.about?.name ?? 'the site owner';
  const resolved = resolveModel(input.settings, index);
  // The built-in model answers from the index, not from the prompt: ranking facts for it would only cost time.
  const contextFacts = resolved.provider === 'local' ? index.facts : selectContext(input.question, index.facts, CONTEXT_BUDGET_CHARS);
  return {
    resolved,
    system: buildSystemPrompt({ ownerName, facts: contextFacts, ownerInstructions: input.settings.aiSystemPrompt }),
    contextFacts,
    ownerName,
  };
}

export function generationOptions(settings: ChatSettings) {
  return { temperature: settings.aiTemperature, maxOutputTokens: env.AI_MAX_OUTPUT_TOKENS, timeoutMs: env.AI_TIMEOUT_MS };
}

/** The facts the built-in provider says an answer used; null for a provider that does not say. */
export function reportedFacts(generation: Generation): FactReference[] | null {
  const local = generation.providerMetadata?.local?.facts;
  return Array.isArray(local) ? (local as FactReference[]) : null;
}

/**
 * The facts behind an answer: those the built-in provider says it used, or
 * for a hosted model the facts it was given.
 */
function factsBehind(generation: Generation, input: ModelInput): FactReference[] {
  const local = input.resolved.provider === 'local' ? reportedFacts(generation) : null;
  return local ?? input.contextFacts.map(({ source, label, text }) => ({ source, label, text }));
}

/**
 * The settings page's "test the assistant" box: one question through the
 * configured provider, answered without creating a conversation.
 */
export async function testAssistant(question: string) {
  const [settings, { portfolio }] = await Promise.all([readCurrentChatSettings(), readPublishedPortfolio()]);
  const input = prepareModelInput({ settings, portfolio, question });
  if (await isDailyBudgetSpent(input.resolved.provider)) {
    throw new AppError('rate_limit:ai_budget', { message: 'Today\'s AI token budget (AI_DAILY_TOKEN_BUDGET) is spent.' });
  }
  const messages: ModelMessage[] = [{ role: 'user', content: question }];
  let generation: Generation;
  try {
    generation = await generateReply({
      model: input.resolved.model,
      system: input.system,
      messages,
      ...generationOptions(settings),
      signal: new AbortController().signal,
    });
  } catch (error) {
    logger.warn({ error: describeProviderError(error), provider: input.resolved.provider }, 'AI test question failed');
    throw new AppError('unavailable:ai', {
      message: `The ${input.resolved.provider} provider did not answer: ${error instanceof Error ? error.message : 'unknown error'}`,
    });
  }
  await recordTokenUsage(input.resolved.provider, generation.inputTokens + generation.outputTokens);
  return {
    answer: generation.text,
    handover: generation.handover,
    facts: factsBehind(generation, input),
    provider: input.resolved.provider,
    model: input.resolved.modelId,
  };
}
