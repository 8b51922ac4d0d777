import type { RateLimiter, RateLimitPolicy } from '@/http/server/rate-limit-types';
import { logger } from '@/logger';
import { redisKey, type RedisConnections } from './client';

/*
 * One fixed window per key, counted in Redis so every instance sees every
 * hit: the first hit creates the counter with the window as its expiry.
 * Returns the count and the milliseconds left in the window.
 */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

const FALLBACK_LOG_INTERVAL_MS = 10_000;

/**
 * The same limiter as the in-memory one, with the counters in Redis. While
 * Redis cannot answer, `fallback` (this instance's in-memory limiter) counts
 * instead: limits then hold per instance rather than not at all, and a
 * visitor's send never fails because Redis is away.
 */
export function createRedisRateLimiter(connect: () => RedisConnections, policy: RateLimitPolicy, fallback: RateLimiter): RateLimiter {
  const keyOf = (redis: RedisConnections, key: string) => redisKey(redis, 'rate', policy.name, key);
  let lastWarnedAt = 0;
  const warn = (error: unknown) => {
    if (Date.now() - lastWarnedAt < FALLBACK_LOG_INTERVAL_MS) return;
    lastWarnedAt = Date.now();
    logger.warn({ err: error, limiter: policy.name }, 'redis: rate limit counted in this instance only (Redis unavailable)');
  };

  return {
    async hit(key) {
      try {
        const redis = connect();
        const [count, ttlMs] = (await redis.commands.eval(HIT_SCRIPT, 1, keyOf(redis, key), policy.windowMs)) as [number, number];
        return {
          allowed: count <= policy.limit,
          retryAfterSeconds: Math.max(1, Math.ceil(ttlMs / 1000)),
          remaining: Math.max(0, policy.limit - count),
        };
      } catch (error) {
        warn(error);
        return fallback.hit(key);
      }
    },
    async reset(key) {
      await fallback.reset(key);
      try {
        const redis = connect();
        await redis.commands.del(keyOf(redis, key));
      } catch (error) {
        warn(error);
      }
    },
  };
}
