import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/config/env';
import { parseEmbedOrigins } from '@/embed/origins';
import { only } from '../config/helpers';

describe('the embed allow-list', () => {
  it('keeps origins as browsers send them, once each, in order', () => {
    expect(parseEmbedOrigins(['https://Blog.Example/', ' http://127.0.0.1:8080 ', '', 'https://blog.example', 'https://x.example:443'])).toEqual({
      origins: ['https://blog.example', 'http://127.0.0.1:8080', 'https://x.example'],
      errors: [],
    });
  });

  it.each([
    ['https://blog.example/posts', 'without a path'],
    ['https://blog.example?x=1', 'without a path'],
    ['https://user:pw@blog.example', 'user name or password'],
    ['ftp://blog.example', 'must start with https://'],
    ['blog.example', 'is not an origin'],
    ['*', 'is not an origin'],
  ])('refuses %j, saying why', (entry, reason) => {
    const { origins, errors } = parseEmbedOrigins([entry]);
    expect(origins).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(reason);
  });

  it('reads EMBED_ORIGINS as a comma-separated list, and stops the server on a wrong entry with how to fix it', () => {
    expect(parseEnv(only({ EMBED_ORIGINS: 'https://a.example, https://b.example' })).EMBED_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
    expect(parseEnv(only()).EMBED_ORIGINS).toEqual([]);
    expect(() => parseEnv(only({ EMBED_ORIGINS: 'https://a.example/blog' }))).toThrow(/EMBED_ORIGINS: "https:\/\/a\.example\/blog" must be an origin alone.*comma-separated/);
  });
});
