import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { closeRedis } from '@/redis/client';
import { createProcessCache } from '@/server/process-cache';

/** A load the test settles by hand, to hold it in flight while something else happens. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A cache over a loader that counts its calls and answers `answers` in turn. */
function countingCache<V>(answers: (() => Promise<V>)[], options: { maxAgeMs?: number; maxEntries?: number; isUsable?: (value: V, now: number) => boolean; name?: string } = {}) {
  const loads: string[] = [];
  const cache = createProcessCache<V>({
    name: options.name ?? `test-${randomUUID()}`,
    maxAgeMs: options.maxAgeMs ?? 60_000,
    ...(options.maxEntries !== undefined ? { maxEntries: options.maxEntries } : {}),
    ...(options.isUsable ? { isUsable: options.isUsable } : {}),
    load: (key) => {
      const answer = answers[loads.length] ?? answers.at(-1)!;
      loads.push(key);
      return answer();
    },
  });
  return { cache, loads };
}

describe('process cache', () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  // With REDIS_URL set, invalidations try to reach other instances through the shared connections.
  afterAll(() => closeRedis());

  it('answers a hit from memory and loads each key on its own miss', async () => {
    const { cache, loads } = countingCache([async () => 'first', async () => 'second']);
    expect(await cache.get('a')).toBe('first');
    expect(await cache.get('a')).toBe('first');
    expect(await cache.get('b')).toBe('second');
    expect(loads).toEqual(['a', 'b']);
  });

  it('lets concurrent misses of a key share one load', async () => {
    const pending = deferred<string>();
    const { cache, loads } = countingCache([() => pending.promise]);
    const answers = Promise.all([cache.get('k'), cache.get('k'), cache.get('k')]);
    pending.resolve('loaded');
    expect(await answers).toEqual(['loaded', 'loaded', 'loaded']);
    expect(await cache.get('k')).toBe('loaded');
    expect(loads).toEqual(['k']);
  });

  it('loads again once an entry is older than the max age', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { cache, loads } = countingCache([async () => 'old', async () => 'new'], { maxAgeMs: 1_000 });
    expect(await cache.get('k')).toBe('old');
    vi.advanceTimersByTime(999);
    expect(await cache.get('k')).toBe('old');
    vi.advanceTimersByTime(1);
    expect(await cache.get('k')).toBe('new');
    expect(loads).toHaveLength(2);
  });

  it('checks a value on every hit: one that stopped being usable (an expired session) is loaded again, and an unusable load is not kept', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.now();
    const { cache, loads } = countingCache<{ expiresAt: number } | null>(
      [async () => ({ expiresAt: start + 100 }), async () => null, async () => ({ expiresAt: start + 60_000 })],
      { isUsable: (value, now) => value !== null && value.expiresAt > now },
    );
    expect(await cache.get('token')).toEqual({ expiresAt: start + 100 });
    vi.advanceTimersByTime(100);
    expect(await cache.get('token')).toBeNull();
    expect(await cache.get('token')).toEqual({ expiresAt: start + 60_000 });
    expect(loads).toHaveLength(3);
  });

  it('never keeps what a load read before an invalidation, nor lets later callers join it', async () => {
    const stale = deferred<string>();
    const { cache, loads } = countingCache([() => stale.promise, async () => 'after the write']);
    const early = cache.get('k');
    await cache.invalidate('k');
    // A caller after the write must not share the load that may have read before it.
    expect(await cache.get('k')).toBe('after the write');
    stale.resolve('before the write');
    expect(await early).toBe('before the write');
    expect(await cache.get('k')).toBe('after the write');
    expect(loads).toHaveLength(2);
  });

  it('invalidates one key or all of them', async () => {
    let version = 0;
    const { cache } = countingCache([async () => ++version]);
    expect(await cache.get('a')).toBe(1);
    expect(await cache.get('b')).toBe(2);
    await cache.invalidate('a');
    expect(await cache.get('a')).toBe(3);
    expect(await cache.get('b')).toBe(2);
    await cache.invalidate();
    expect(await cache.get('b')).toBe(4);
  });

  it('does not keep a failed load', async () => {
    const { cache, loads } = countingCache<string>([() => Promise.reject(new Error('database away')), async () => 'back']);
    await expect(cache.get('k')).rejects.toThrow('database away');
    expect(await cache.get('k')).toBe('back');
    expect(loads).toHaveLength(2);
  });

  it('forgets the oldest key beyond its size', async () => {
    const { cache, loads } = countingCache([async () => 'value'], { maxEntries: 2 });
    await cache.get('a');
    await cache.get('b');
    await cache.get('c');
    await cache.get('c');
    await cache.get('b');
    await cache.get('a');
    expect(loads).toEqual(['a', 'b', 'c', 'a']);
  });

  it('is one store per name in the process, as both module copies (custom server and Next) need', async () => {
    const name = `test-${randomUUID()}`;
    const server = countingCache([async () => 'from the server copy', async () => 'after the write'], { name });
    const next = countingCache([async () => 'from the Next copy'], { name });
    expect(await server.cache.get('k')).toBe('from the server copy');
    expect(await next.cache.get('k')).toBe('from the server copy');
    // A write in a route handler forgets what the socket server would read.
    await next.cache.invalidate('k');
    expect(await server.cache.get('k')).toBe('after the write');
    expect(next.loads).toHaveLength(0);
  });

  it('reloads a doubted key here, in place of what it held', async () => {
    const { cache, loads } = countingCache([async () => 'cached', async () => 'fresh']);
    expect(await cache.get('k')).toBe('cached');
    expect(await cache.reload('k')).toBe('fresh');
    expect(await cache.get('k')).toBe('fresh');
    expect(loads).toHaveLength(2);
  });
});
