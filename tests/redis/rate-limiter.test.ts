import { describe, expect, it } from 'vitest';
import { createMemoryRateLimiter } from '@/http/server/rate-limit';
import { openRedis } from '@/redis/client';
import { createRedisRateLimiter } from '@/redis/rate-limiter';
import { redisSkipReason, redisUrl } from '../helpers/redis';
import { useRedis } from './helpers';

describe.skipIf(!redisUrl)(`Redis rate limiter${redisUrl ? '' : ` (skipped: ${redisSkipReason})`}`, () => {
  const fixture = useRedis();
  const policy = (name: string, limit = 3, windowMs = 60_000) => ({ name, limit, windowMs });
  const limiter = (name: string, limit?: number, windowMs?: number) =>
    createRedisRateLimiter(() => fixture.redis, policy(name, limit, windowMs), createMemoryRateLimiter(policy(`${name}-fallback`, limit, windowMs)));

  it('counts hits per key in a window and refuses past the limit', async () => {
    const sends = limiter('count');
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await sends.hit('visitor-1'));
    expect(results.map((result) => result.allowed)).toEqual([true, true, true, false]);
    expect(results.map((result) => result.remaining)).toEqual([2, 1, 0, 0]);
    expect(results[3]!.retryAfterSeconds).toBeGreaterThan(0);
    expect(results[3]!.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await sends.hit('visitor-2')).allowed).toBe(true);
  });

  it('shares the counters between limiters (instances) with the same name', async () => {
    const onA = limiter('shared');
    const onB = limiter('shared');
    await onA.hit('ip');
    await onB.hit('ip');
    await onA.hit('ip');
    expect((await onB.hit('ip')).allowed).toBe(false);
    expect((await limiter('other-policy').hit('ip')).allowed).toBe(true);
  });

  it('starts a new window once the old one has expired', async () => {
    const quick = limiter('window', 1, 300);
    expect((await quick.hit('k')).allowed).toBe(true);
    expect((await quick.hit('k')).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await quick.hit('k')).allowed).toBe(true);
  });

  it('reset clears a key for everyone', async () => {
    const logins = limiter('reset', 1);
    await logins.hit('owner@example.com');
    await logins.reset('owner@example.com');
    expect((await limiter('reset', 1).hit('owner@example.com')).allowed).toBe(true);
  });

  it('counts in memory instead while Redis is unreachable, without failing the caller', async () => {
    // A port nothing listens on: every command fails at once (no offline queue).
    const unreachable = openRedis('redis://127.0.0.1:1', fixture.redis.prefix);
    try {
      const fallback = createMemoryRateLimiter(policy('outage-fallback', 2));
      const outage = createRedisRateLimiter(() => unreachable, policy('outage', 2), fallback);
      const results = [await outage.hit('k'), await outage.hit('k'), await outage.hit('k')];
      expect(results.map((result) => result.allowed)).toEqual([true, true, false]);
    } finally {
      unreachable.commands.disconnect();
      unreachable.publisher.disconnect();
      unreachable.subscriber.disconnect();
    }
  });
});
