import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModelV3 } from '@ai-sdk/provider';
import { env } from '@/config/env';
import type { ChatSettings } from '@/db/repository/settings';
import type { AiProvider } from '@/db/schema/types';
import { logger } from '@/logger';
import { LOCAL_MODEL_ID } from './local/model';

/**
 * The three providers, chosen by settings and made possible by the
 * environment. OpenAI goes through its chat-completions API
 * (`openai.chat`), not the Responses API: it is the same wire format as
 * every OpenAI-compatible server, so one streaming path is exercised by the
 * tests for both, and it keeps no conversation state on OpenAI's side.
 */

const OPENAI_DEFAULT_MODEL = 'gpt-4o-mini';

export type ProviderInfo = { id: AiProvider; available: boolean; defaultModel: string; hint: string | null };

export function listProviders(): ProviderInfo[] {
  return [
    { id: 'local', available: true, defaultModel: LOCAL_MODEL_ID, hint: null },
    {
      id: 'openai',
      available: Boolean(env.OPENAI_API_KEY),
      defaultModel: OPENAI_DEFAULT_MODEL,
      hint: env.OPENAI_API_KEY ? null : 'Set OPENAI_API_KEY in the server environment to use OpenAI.',
    },
    {
      id: 'openai-compatible',
      available: Boolean(env.AI_BASE_URL),
      defaultModel: env.AI_MODEL ?? '',
      hint: env.AI_BASE_URL
        ? null
        : 'Set AI_BASE_URL and AI_MODEL (and AI_API_KEY if the endpoint needs one), e.g. Ollama at http://127.0.0.1:11434/v1.',
    },
  ];
}

/**
 * The provider a fresh install starts with: the first one the environment
 * configures (OpenAI, then a compatible endpoint), else the built-in one.
 * Later the owner chooses in the settings.
 */
export function initialProviderSettings(): { aiProvider: AiProvider; aiModel: string } {
  const configured = listProviders().find((candidate) => candidate.id !== 'local' && candidate.available);
  return configured ? { aiProvider: configured.id, aiModel: configured.defaultModel } : { aiProvider: 'local', aiModel: LOCAL_MODEL_ID };
}

function isProviderAvailable(id: AiProvider): boolean {
  return listProviders().some((provider) => provider.id === id && provider.available);
}

/**
 * A hosted model is an AI SDK model this thread streams from; the built-in
 * one runs in the worker pool (src/ai/local/engine-pool.ts), so there is no
 * model object for it here.
 */
export type ResolvedModel =
  | { provider: 'local'; modelId: string }
  | { provider: Exclude<AiProvider, 'local'>; modelId: string; model: LanguageModelV3 };

/**
 * The model the settings ask for. A provider whose configuration has gone
 * from the environment falls back to the built-in one, so visitors still get
 * answers; the health check reports the fallback.
 */
export function resolveModel(settings: Pick<ChatSettings, 'aiProvider' | 'aiModel'>): ResolvedModel {
  const provider = effectiveProvider(settings.aiProvider);
  if (provider !== settings.aiProvider) {
    logger.warn({ requested: settings.aiProvider }, 'AI provider is not configured; answering with the built-in local provider');
  }
  if (provider === 'openai') {
    const modelId = settings.aiModel || OPENAI_DEFAULT_MODEL;
    return { model: createOpenAI({ apiKey: env.OPENAI_API_KEY }).chat(modelId), provider, modelId };
  }
  if (provider === 'openai-compatible') {
    const modelId = settings.aiModel || env.AI_MODEL!;
    const compatible = createOpenAICompatible({
      name: 'openai-compatible',
      baseURL: env.AI_BASE_URL!,
      apiKey: env.AI_API_KEY,
      // Asks the server for token usage at the end of the stream, for metadata and the daily budget.
      includeUsage: true,
    });
    return { model: compatible.chatModel(modelId), provider, modelId };
  }
  return { provider: 'local', modelId: LOCAL_MODEL_ID };
}

export function effectiveProvider(requested: AiProvider): AiProvider {
  return isProviderAvailable(requested) ? requested : 'local';
}
