import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStreamPublisher } from '@/ai/reply';
import { coalesceLatest, STREAM_INTERVAL_MS } from '@/ai/stream-coalescing';

/*
 * How a growing reply reaches the visitor: at most one ai-stream per
 * interval per reply, yet growing at least every 100 ms, and the last one
 * equal to the stored text. Timers (and performance.now) are faked, so the
 * intervals are exact.
 */

type Published = { at: number; text: string };

function recordingPublisher() {
  const published: Published[] = [];
  const publisher = createStreamPublisher('conversation', 'temp', async ({ text }) => {
    published.push({ at: performance.now(), text });
  });
  return { published, publisher };
}

const gaps = (published: Published[]) => published.slice(1).map((entry, index) => entry.at - published[index]!.at);

describe('stream coalescing', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('publishes a reply streaming a token every 5 ms at most once per interval, and at least every 100 ms', async () => {
    const { published, publisher } = recordingPublisher();
    let text = '';
    for (let token = 0; token < 200; token++) {
      text += `w${token} `;
      publisher.update(text);
      await vi.advanceTimersByTimeAsync(5);
    }
    const finished = publisher.finish(text.trim());
    await vi.advanceTimersByTimeAsync(STREAM_INTERVAL_MS);
    await finished;

    expect(published[0]).toEqual({ at: 0, text: 'w0 ' });
    for (const gap of gaps(published)) {
      expect(gap).toBeGreaterThanOrEqual(STREAM_INTERVAL_MS);
      expect(gap).toBeLessThanOrEqual(100);
    }
    // A second of streaming: about one event per interval, not one per token.
    expect(published.length).toBeLessThanOrEqual(Math.ceil(1_000 / STREAM_INTERVAL_MS) + 1);
    for (const [index, entry] of published.entries()) if (index > 0) expect(entry.text.startsWith(published[index - 1]!.text.trim())).toBe(true);
    expect(published.at(-1)!.text).toBe(text.trim());
  });

  it('sends the final text once the interval since the last event is over, and not at all when it was sent already', async () => {
    const { published, publisher } = recordingPublisher();
    publisher.update('Hello');
    const finished = publisher.finish('Hello there.');
    await vi.advanceTimersByTimeAsync(STREAM_INTERVAL_MS - 1);
    expect(published.map((entry) => entry.text)).toEqual(['Hello']);
    await vi.advanceTimersByTimeAsync(1);
    await finished;
    expect(published).toEqual([
      { at: 0, text: 'Hello' },
      { at: STREAM_INTERVAL_MS, text: 'Hello there.' },
    ]);

    const again = recordingPublisher();
    again.publisher.update('Done.');
    await again.publisher.finish('Done.');
    expect(again.published.map((entry) => entry.text)).toEqual(['Done.']);
  });

  it('drops the pending text of a failed attempt', async () => {
    const { published, publisher } = recordingPublisher();
    publisher.update('First');
    publisher.update('First attempt, broken');
    await publisher.stop();
    await vi.advanceTimersByTimeAsync(STREAM_INTERVAL_MS * 2);
    expect(published.map((entry) => entry.text)).toEqual(['First']);
  });

  it('in the worker, sends nothing for a reply finished within its first interval: the final text goes with the Generation', async () => {
    const sent: string[] = [];
    const text = coalesceLatest<string>((value) => sent.push(value), { leading: false });
    text.update('Hi');
    text.update('Hi there');
    await vi.advanceTimersByTimeAsync(STREAM_INTERVAL_MS - 1);
    text.cancel();
    await vi.advanceTimersByTimeAsync(STREAM_INTERVAL_MS);
    expect(sent).toEqual([]);

    text.update('A longer reply');
    await vi.advanceTimersByTimeAsync(STREAM_INTERVAL_MS);
    expect(sent).toEqual(['A longer reply']);
  });
});
