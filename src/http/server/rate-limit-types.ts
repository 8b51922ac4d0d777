/*
 * The rate limiter's shape, shared by the in-memory limiter
 * (src/http/server/rate-limit.ts) and the Redis one (src/redis/rate-limiter.ts)
 * without either importing the other.
 */

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

/** One key's fixed window in the in-memory limiter. */
export type RateLimitWindow = { count: number; endsAt: number };
