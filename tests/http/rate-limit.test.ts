import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createMemoryRateLimiter } from '@/http/server/rate-limit';

function limiterAt(start: number, limit = 3, windowMs = 60_000) {
  const clock = { now: start };
  const limiter = createMemoryRateLimiter({ name: `test-${randomUUID()}`, limit, windowMs }, () => clock.now);
  return { limiter, clock };
}

describe('memory rate limiter', () => {
  it('allows `limit` hits per window, then refuses with the time left', async () => {
    const { limiter, clock } = limiterAt(1_000_000);
    expect(await limiter.hit('k')).toEqual({ allowed: true, remaining: 2, retryAfterSeconds: 60 });
    await limiter.hit('k');
    expect(await limiter.hit('k')).toMatchObject({ allowed: true, remaining: 0 });
    clock.now += 20_500;
    expect(await limiter.hit('k')).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 40 });
  });

  it('starts a fresh window once the old one ends', async () => {
    const { limiter, clock } = limiterAt(0);
    for (let i = 0; i < 4; i++) await limiter.hit('k');
    clock.now += 60_000;
    expect(await limiter.hit('k')).toMatchObject({ allowed: true, remaining: 2 });
  });

  it('counts keys separately', async () => {
    const { limiter } = limiterAt(0, 1);
    expect((await limiter.hit('a')).allowed).toBe(true);
    expect((await limiter.hit('a')).allowed).toBe(false);
    expect((await limiter.hit('b')).allowed).toBe(true);
  });

  it('forgets a key on reset', async () => {
    const { limiter } = limiterAt(0, 1);
    await limiter.hit('a');
    await limiter.reset('a');
    expect((await limiter.hit('a')).allowed).toBe(true);
  });

  it('shares counts between limiters with the same name (the server and the Next bundle each create one)', async () => {
    const name = `shared-${randomUUID()}`;
    const first = createMemoryRateLimiter({ name, limit: 1, windowMs: 60_000 });
    const second = createMemoryRateLimiter({ name, limit: 1, windowMs: 60_000 });
    await first.hit('k');
    expect((await second.hit('k')).allowed).toBe(false);
  });

  it('never answers a refusal with Retry-After below one second', async () => {
    const { limiter, clock } = limiterAt(0, 1);
    await limiter.hit('k');
    clock.now += 59_999;
    expect(await limiter.hit('k')).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
  });
});
