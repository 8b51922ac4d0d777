import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/config/env';
import { configFailure as failure, only } from './helpers';

/* The AI variables fail at start-up with a message that says how to fix them. */

describe('AI configuration', () => {
  it('defaults to the built-in provider with the documented limits', () => {
    expect(parseEnv(only())).toMatchObject({
      AI_TIMEOUT_MS: 20_000,
      AI_MAX_OUTPUT_TOKENS: 400,
      AI_REPLIES_PER_CONVERSATION_PER_HOUR: 20,
      AI_DAILY_TOKEN_BUDGET: 200_000,
      AI_MAX_CONCURRENT_REPLIES: 32,
    });
    expect(parseEnv(only()).OPENAI_API_KEY).toBeUndefined();
  });

  it('accepts an OpenAI-compatible endpoint with its model', () => {
    expect(parseEnv(only({ AI_BASE_URL: 'http://127.0.0.1:11434/v1', AI_MODEL: 'llama3.1:8b', AI_API_KEY: '' }))).toMatchObject({
      AI_BASE_URL: 'http://127.0.0.1:11434/v1',
      AI_MODEL: 'llama3.1:8b',
      AI_API_KEY: undefined,
    });
  });

  it('refuses half an endpoint configuration, saying what is missing', () => {
    expect(failure({ AI_MODEL: 'llama3.1:8b' })).toMatch(/AI_BASE_URL: .*set AI_BASE_URL too/);
    expect(failure({ AI_BASE_URL: 'http://127.0.0.1:11434/v1' })).toMatch(/AI_MODEL: AI_BASE_URL needs AI_MODEL/);
    expect(failure({ AI_BASE_URL: 'localhost:11434', AI_MODEL: 'm' })).toMatch(/AI_BASE_URL: must (be the OpenAI-compatible API base URL|start with http)/);
    expect(failure({ OPENAI_API_KEY: '"sk-abc def"' })).toMatch(/OPENAI_API_KEY: must be the key alone/);
    expect(failure({ AI_DAILY_TOKEN_BUDGET: '-1' })).toMatch(/AI_DAILY_TOKEN_BUDGET/);
  });
});
