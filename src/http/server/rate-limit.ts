import { getRedis, isRedisConfigured } from '@/redis/client';
import { createRedisRateLimiter } from '@/redis/rate-limiter';
import { processGlobals } from '@/server/process-globals';
import type { RateLimiter, RateLimitPolicy, RateLimitWindow } from './rate-limit-types';

export type { RateLimiter, RateLimitPolicy, RateLimitResult } from './rate-limit-types';

const windowsByPolicy = (processGlobals.tanyaRateLimitWindows ??= new Map());

export function createMemoryRateLimiter(policy: RateLimitPolicy, now: () => number = Date.now): RateLimiter {
  let windows = windowsByPolicy.get(policy.name);
  if (!windows) windowsByPolicy.set(policy.name, (windows = new Map<string, RateLimitWindow>()));
  const store = windows;
  let nextSweepAt = 0;

  // Keys are attacker-chosen (emails, IPs): drop finished windows so the map cannot grow without bound.
  function sweep(at: number) {
    if (at < nextSweepAt) return;
    nextSweepAt = at + policy.windowMs;
    for (const [key, window] of store) if (window.endsAt <= at) store.delete(key);
  }

  return {
    async hit(key) {
      const at = now();
      sweep(at);
      let window = store.get(key);
      if (!window || window.endsAt <= at) store.set(key, (window = { count: 0, endsAt: at + policy.windowMs }));
      window.count += 1;
      return {
        allowed: window.count <= policy.limit,
        retryAfterSeconds: Math.max(1, Math.ceil((window.endsAt - at) / 1000)),
        remaining: Math.max(0, policy.limit - window.count),
      };
    },
    async reset(key) {
      store.delete(key);
    },
  };
}

/** The one place that picks the implementation: Redis when several instances share it, else this process's memory. */
export function createRateLimiter(policy: RateLimitPolicy): RateLimiter {
  const memory = createMemoryRateLimiter(policy);
  // Limiters are made at import; the connection is opened on the first hit, not while `next build` loads modules.
  return isRedisConfigured() ? createRedisRateLimiter(() => getRedis()!, policy, memory) : memory;
}
