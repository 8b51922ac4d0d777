import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/config/env';

/* REDIS_URL turns on the several-instances mode; a wrong value must fail at start-up saying how to fix it. */

const parse = (variables: Record<string, string>) => parseEnv({ NODE_ENV: 'test', ...variables });

describe('Redis configuration', () => {
  it('is off by default and when empty (one process, in memory), with the default key prefix', () => {
    for (const variables of [{}, { REDIS_URL: '', REDIS_KEY_PREFIX: '' }] as Record<string, string>[]) {
      const env = parse(variables);
      expect(env.REDIS_URL).toBeUndefined();
      expect(env.REDIS_KEY_PREFIX).toBe('tanya:');
    }
  });

  it('accepts redis:// and rediss:// URLs and a custom prefix', () => {
    expect(parse({ REDIS_URL: 'redis://:secret@127.0.0.1:6379/2', REDIS_KEY_PREFIX: 'blog:' }).REDIS_URL).toBe('redis://:secret@127.0.0.1:6379/2');
    expect(parse({ REDIS_URL: 'rediss://cache.example.com:6380' }).REDIS_URL).toBe('rediss://cache.example.com:6380');
  });

  it('refuses anything else with a message that shows the expected form', () => {
    expect(() => parse({ REDIS_URL: '127.0.0.1:6379' })).toThrow(/REDIS_URL: must be redis:\/\/\[:password@\]host:6379/);
    expect(() => parse({ REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(/REDIS_URL: must start with redis:\/\/ or rediss:\/\//);
    expect(() => parse({ REDIS_KEY_PREFIX: 'my site' })).toThrow(/REDIS_KEY_PREFIX: must be 1–64 letters/);
  });
});
