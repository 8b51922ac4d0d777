import { afterEach, describe, expect, it, vi } from 'vitest';

/*
 * Which model the settings get, depending on what the environment
 * configures. The environment is read once at import, so each case imports
 * the modules afresh under its own variables.
 */

async function providersUnder(variables: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
  return import('@/ai/providers');
}

describe('providers', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('starts a fresh install on the first provider the environment configures', async () => {
    expect((await providersUnder({ OPENAI_API_KEY: '', AI_BASE_URL: '', AI_MODEL: '' })).initialProviderSettings()).toEqual({
      aiProvider: 'local',
      aiModel: 'portfolio-retrieval',
    });
    const compatible = await providersUnder({ OPENAI_API_KEY: '', AI_BASE_URL: 'http://127.0.0.1:11434/v1', AI_MODEL: 'llama3.1:8b' });
    expect(compatible.initialProviderSettings()).toEqual({ aiProvider: 'openai-compatible', aiModel: 'llama3.1:8b' });
    const both = await providersUnder({ OPENAI_API_KEY: 'sk-test', AI_BASE_URL: 'http://127.0.0.1:11434/v1', AI_MODEL: 'llama3.1:8b' });
    expect(both.initialProviderSettings()).toEqual({ aiProvider: 'openai', aiModel: 'gpt-4o-mini' });
  });

  it('offers only the built-in provider without keys, and falls back to it', async () => {
    const { listProviders, resolveModel } = await providersUnder({ OPENAI_API_KEY: '', AI_BASE_URL: '', AI_MODEL: '' });
    expect(listProviders().filter((provider) => provider.available).map((provider) => provider.id)).toEqual(['local']);
    const resolved = resolveModel({ aiProvider: 'openai', aiModel: 'gpt-4o-mini' });
    // The built-in model runs in the worker pool (src/ai/local/engine-pool.ts): no model object on this thread.
    expect(resolved).toEqual({ provider: 'local', modelId: 'portfolio-retrieval' });
  });

  it('talks to OpenAI through chat completions, with the model from the settings', async () => {
    const { resolveModel } = await providersUnder({ OPENAI_API_KEY: 'sk-test' });
    const resolved = resolveModel({ aiProvider: 'openai', aiModel: 'gpt-4.1-mini' });
    expect(resolved).toMatchObject({ provider: 'openai', modelId: 'gpt-4.1-mini' });
    expect('model' in resolved && resolved.model.provider).toBe('openai.chat');
  });

  it('talks to a compatible endpoint with the settings\' model, or AI_MODEL when none is set', async () => {
    const { resolveModel } = await providersUnder({ AI_BASE_URL: 'http://127.0.0.1:11434/v1', AI_MODEL: 'llama3.1:8b' });
    expect(resolveModel({ aiProvider: 'openai-compatible', aiModel: 'qwen2.5:7b' })).toMatchObject({ modelId: 'qwen2.5:7b' });
    const fallback = resolveModel({ aiProvider: 'openai-compatible', aiModel: '' });
    expect(fallback).toMatchObject({ provider: 'openai-compatible', modelId: 'llama3.1:8b' });
    expect('model' in fallback && fallback.model.provider).toBe('openai-compatible.chat');
  });
});
