import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReply, ProviderTimeoutError, visibleReply } from '@/ai/generate';
import { startChatCompletionsUpstream, type ChatCompletionsUpstream } from '../helpers/chat-completions-upstream';

/*
 * One reply attempt against a real chat-completions stream (the in-test
 * upstream): what the visitor sees, the handover marker, timeouts and
 * errors, without the server around it.
 */

describe('visibleReply', () => {
  it('removes the handover marker and reports it', () => {
    expect(visibleReply('[[handover]] Rizky will answer.', { complete: true })).toEqual({ text: 'Rizky will answer.', handover: true });
    expect(visibleReply('Plain answer.', { complete: true })).toEqual({ text: 'Plain answer.', handover: false });
  });

  it('holds back a marker that may still be arriving, and only while the stream runs', () => {
    expect(visibleReply('[[hand', { complete: false }).text).toBe('');
    expect(visibleReply('See [', { complete: false }).text).toBe('See ');
    expect(visibleReply('See [', { complete: true }).text).toBe('See [');
  });
});

describe('generateReply over the chat-completions wire format', () => {
  let upstream: ChatCompletionsUpstream;
  const model = () =>
    createOpenAICompatible({ name: 'openai-compatible', baseURL: upstream.baseUrl, includeUsage: true }).chatModel('test-model');
  const run = (options: { timeoutMs?: number; signal?: AbortSignal; onText?: (text: string) => void } = {}) =>
    generateReply({
      model: model(),
      system: 'You are a test.',
      messages: [{ role: 'user', content: 'Question?' }],
      maxOutputTokens: 100,
      timeoutMs: options.timeoutMs ?? 2_000,
      signal: options.signal ?? new AbortController().signal,
      onText: options.onText,
    });

  beforeAll(async () => {
    upstream = await startChatCompletionsUpstream();
  });
  afterAll(async () => {
    await upstream?.close();
  });

  it('streams the growing text and reports usage, limits and timings', async () => {
    upstream.plan({ kind: 'stream', chunks: ['One', ' two', ' three.'], chunkDelayMs: 5, usage: { prompt: 30, completion: 3 } });
    const seen: string[] = [];
    const reply = await run({ onText: (text) => seen.push(text) });
    expect(seen).toEqual(['One', 'One two', 'One two three.']);
    expect(reply).toMatchObject({ text: 'One two three.', handover: false, inputTokens: 30, outputTokens: 3 });
    expect(reply.timeToFirstTokenMs).toBeGreaterThanOrEqual(0);
    const sent = upstream.requests.at(-1)!;
    expect(sent).toMatchObject({ model: 'test-model', stream: true, max_tokens: 100, stream_options: { include_usage: true } });
  });

  it('never shows a handover marker split across chunks', async () => {
    upstream.plan({ kind: 'stream', chunks: ['[[hand', 'over]] Rizky', ' will answer.'] });
    const seen: string[] = [];
    const reply = await run({ onText: (text) => seen.push(text) });
    expect(reply).toMatchObject({ text: 'Rizky will answer.', handover: true });
    expect(seen.every((text) => !text.includes('['))).toBe(true);
  });

  it('fails on an error status', async () => {
    upstream.plan({ kind: 'status', status: 500 });
    await expect(run()).rejects.toThrow(/500|upstream says/);
  });

  it('fails with a timeout when the upstream goes silent', async () => {
    upstream.plan({ kind: 'hang' });
    const started = performance.now();
    await expect(run({ timeoutMs: 300 })).rejects.toBeInstanceOf(ProviderTimeoutError);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('times out between tokens too, not only before the first', async () => {
    upstream.plan({ kind: 'stream', chunks: ['Slow', ' stream'], chunkDelayMs: 1_000 });
    await expect(run({ timeoutMs: 300 })).rejects.toBeInstanceOf(ProviderTimeoutError);
  });

  it('stops when its signal is aborted, with the abort reason', async () => {
    upstream.plan({ kind: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('taken over')), 50);
    await expect(run({ signal: controller.signal })).rejects.toThrow('taken over');
  });
});
