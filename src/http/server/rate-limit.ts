import { getRedis, isRedisConfigured } from '@/redis/client';
import { createRedisRateLimiter } from '@/redis/rate-limiter';

export type RateLimitResult = {
  allowed: boolean;
  /** Seconds until the window that refused (or will refuse) this key ends. */
  retryAfterSeconds: number;
  /** Hits left in the current window after this one. */
  remaining: number;
};

/**
 * Counts hits per key in fixed windows. Async so that a shared store (Redis,
 * for several app instances) can sit behind the same interface.
 */
export interface RateLimiter {
  hit(key: string): Promise<RateLimitResult>;
  reset(key: string): Promise<void>;
}

export type RateLimitPolicy = {
  /** Distinguishes limiters that share a store; also names them in logs. */
  name: string;
  limit: number;
  windowMs: number;
};

type Window = { count: number; endsAt: number };

/*
 * The custom server and Next's bundle each load this module; a limiter must
 * see the hits from both, so the windows live on globalThis.
 */
const globalForRateLimit = globalThis as unknown as { tanyaRateLimitWindows?: Map<string, Map<string, Window>> };
const windowsByPolicy = (globalForRateLimit.tanyaRateLimitWindows ??= new Map());

export function createMemoryRateLimiter(policy: RateLimitPolicy, now: () => number = Date.now): RateLimiter {
  let windows = windowsByPolicy.get(policy.name);
  if (!windows) windowsByPolicy.set(policy.name, (windows = new Map<string, Window>()));
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
