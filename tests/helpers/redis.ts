import { randomBytes } from 'node:crypto';
import type { RedisConnections } from '@/redis/client';

export const redisUrl = process.env.REDIS_URL || undefined;

export const redisSkipReason =
  'REDIS_URL is not set; set it (e.g. REDIS_URL=redis://127.0.0.1:6379) to run the Redis and multi-instance suites';

if (!redisUrl) console.warn(`[tests] Redis suites skipped: ${redisSkipReason}`);

/** A key prefix no other test run or file shares, so parallel suites never see each other's state. */
export const uniqueRedisPrefix = () => `tanya-test:${Date.now().toString(36)}${randomBytes(3).toString('hex')}:`;

export async function deleteKeys(commands: RedisConnections['commands'], prefix: string): Promise<void> {
  const keys = await commands.keys(`${prefix}*`);
  if (keys.length > 0) await commands.del(...keys);
}
