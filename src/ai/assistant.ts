import type { ModelMessage } from 'ai';
import { env } from '@/config/env';
import { readCurrentChatSettings } from '@/chat/server/settings-cache';
import type { ChatSettings } from '@/db/repository/settings';
import { AppError } from '@/http/errors';
import { logger } from '@/logger';
import type { PortfolioDocument } from '@/portfolio/schema';
import { readPublishedPortfolio } from '@/portfolio/server/portfolio-cache';
import type { AiProvider } from '@/db/schema/types';
import { describeProviderError, generateReply, type Generation, type GenerationRequest } from './generate';
import { generateLocalReply } from './local/engine-pool';
import { isDailyBudgetSpent, recordTokenUsage } from './limits';
import { portfolioIndex } from './local/portfolio-index';
import type { PortfolioFact } from './portfolio-facts';
import { buildSystemPrompt, CONTEXT_BUDGET_CHARS } from './prompt';
import { resolveModel } from './providers';
import { selectContext } from './retrieval';

/** The portfolio facts an answer is grounded on, as the admin's test box shows them. */
export type FactReference = { source: string; label: string; text: string };

/** One attempt at a reply, whichever provider: the settings, prompt and portfolio are already bound. */
export type ReplyAttempt = Omit<GenerationRequest, 'model' | 'system'>;

export type ModelInput = {
  provider: AiProvider;
  modelId: string;
  /** The facts a hosted model is given; the built-in one reports the facts it used in its Generation instead. */
  contextFacts: PortfolioFact[];
  ownerName: string;
  generate: (attempt: ReplyAttempt) => Promise<Generation>;
};

/**
 * The model the settings choose, bound to what it answers from: a hosted
 * model gets a system prompt holding the facts relevant to `question`; the
 * built-in one gets the portfolio itself, in a worker thread, where its
 * index is built and its answer written.
 */
export function prepareModelInput(input: { settings: ChatSettings; portfolio: PortfolioDocument; question: string }): ModelInput {
  const ownerName = input.portfolio.about?.name ?? 'the site owner';
  const ownerInstructions = input.settings.aiSystemPrompt;
  const resolved = resolveModel(input.settings);
  if (resolved.provider === 'local') {
    const { portfolio } = input;
    return {
      provider: resolved.provider,
      modelId: resolved.modelId,
      contextFacts: [],
      ownerName,
      generate: (attempt) => generateLocalReply({ ...attempt, portfolio, ownerName, ownerInstructions }),
    };
  }
  // Built once per portfolio version, not per question.
  const contextFacts = selectContext(input.question, portfolioIndex(input.portfolio).facts, CONTEXT_BUDGET_CHARS);
  const system = buildSystemPrompt({ ownerName, facts: contextFacts, ownerInstructions });
  const { model } = resolved;
  return {
    provider: resolved.provider,
    modelId: resolved.modelId,
    contextFacts,
    ownerName,
    generate: (attempt) => generateReply({ ...attempt, model, system }),
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
  if (input.provider === 'local') return reportedFacts(generation) ?? [];
  return input.contextFacts.map(({ source, label, text }) => ({ source, label, text }));
}

/**
 * The settings page's "test the assistant" box: one question through the
 * configured provider, answered without creating a conversation.
 */
export async function testAssistant(question: string) {
  const [settings, { portfolio }] = await Promise.all([readCurrentChatSettings(), readPublishedPortfolio()]);
  const input = prepareModelInput({ settings, portfolio, question });
  if (await isDailyBudgetSpent(input.provider)) {
    throw new AppError('rate_limit:ai_budget', { message: 'Today\'s AI token budget (AI_DAILY_TOKEN_BUDGET) is spent.' });
  }
  const messages: ModelMessage[] = [{ role: 'user', content: question }];
  let generation: Generation;
  try {
    generation = await input.generate({ messages, ...generationOptions(settings), signal: new AbortController().signal });
  } catch (error) {
    logger.warn({ error: describeProviderError(error), provider: input.provider }, 'AI test question failed');
    throw new AppError('unavailable:ai', {
      message: `The ${input.provider} provider did not answer: ${error instanceof Error ? error.message : 'unknown error'}`,
    });
  }
  await recordTokenUsage(input.provider, input.modelId, generation.inputTokens + generation.outputTokens);
  return {
    answer: generation.text,
    handover: generation.handover,
    facts: factsBehind(generation, input),
    provider: input.provider,
    model: input.modelId,
  };
}
