import { afterAll, beforeAll } from 'vitest';
import { closeConnections, openRedis, whenReady, type RedisConnections } from '@/redis/client';
import { deleteKeys, redisUrl, uniqueRedisPrefix } from '../helpers/redis';

/** For one describe block: connections to REDIS_URL under a fresh prefix, whose keys are deleted afterwards. */
export function useRedis(): { redis: RedisConnections } {
  const fixture = {} as { redis: RedisConnections };
  beforeAll(async () => {
    fixture.redis = openRedis(redisUrl!, uniqueRedisPrefix());
    if (!(await whenReady(fixture.redis, 5_000))) throw new Error(`Redis at ${redisUrl} is not answering`);
  });
  afterAll(async () => {
    if (!fixture.redis) return;
    await deleteKeys(fixture.redis.commands, fixture.redis.prefix);
    await closeConnections(fixture.redis);
  });
  return fixture;
}

