import { randomUUID } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import { env } from '@/config/env';
import { logger } from '@/logger';
import { processGlobals } from '@/server/process-globals';
import type { RedisConnections } from './connections';

/*
 * The connections to Redis when REDIS_URL is set (several instances share
 * fan-out and state through it); null otherwise, and every caller then keeps
 * its in-memory version. This module is the only one that opens connections.
 *
 * An outage must not take the site down: every connection has an error
 * listener, reconnects by itself, and callers fall back or wait (see below).
 */

export type { RedisConnections } from './connections';

const COMMAND_TIMEOUT_MS = 1_000;
const READY_TIMEOUT_MS = 5_000;
const ERROR_LOG_INTERVAL_MS = 10_000;

function open(url: string, role: string, options: RedisOptions): Redis {
  const connection = new Redis(url, { connectionName: `tanya-${role}`, lazyConnect: false, ...options });
  let lastLoggedAt = 0;
  // Reconnection retries raise an error every attempt: one log line per interval is enough to see the outage.
  connection.on('error', (error: Error) => {
    if (Date.now() - lastLoggedAt < ERROR_LOG_INTERVAL_MS) return;
    lastLoggedAt = Date.now();
    logger.error({ err: error, role }, 'redis: connection error (retrying)');
  });
  connection.on('ready', () => logger.info({ role }, 'redis: connected'));
  return connection;
}

/** Opens a set of connections; the app uses the shared one (`getRedis`), tests open their own with their own prefix. */
export function openRedis(url: string, prefix: string): RedisConnections {
  return {
    commands: open(url, 'commands', { enableOfflineQueue: false, commandTimeout: COMMAND_TIMEOUT_MS, maxRetriesPerRequest: 1 }),
    publisher: open(url, 'publisher', { maxRetriesPerRequest: null }),
    subscriber: open(url, 'subscriber', { maxRetriesPerRequest: null }),
    prefix,
    instanceId: randomUUID(),
  };
}

export const isRedisConfigured = (): boolean => Boolean(env.REDIS_URL);

/** The shared connections, opened on first use; null without REDIS_URL. */
export function getRedis(): RedisConnections | null {
  if (!env.REDIS_URL) return null;
  return (processGlobals.tanyaRedis ??= openRedis(env.REDIS_URL, env.REDIS_KEY_PREFIX));
}

/** A key (or channel) under this site's prefix: `redisKey(redis, 'rate', name, key)` → `tanya:rate:name:key`. */
export function redisKey(redis: RedisConnections, ...parts: (string | number)[]): string {
  return `${redis.prefix}${parts.join(':')}`;
}

/**
 * At start-up: opens the connections and waits (briefly) until they are
 * ready, so the first requests already share state. Redis being down is
 * logged, not fatal: the site serves on its own and catches up on reconnect.
 */
export async function connectRedis(): Promise<RedisConnections | null> {
  const redis = getRedis();
  if (!redis) return null;
  if (await whenReady(redis, READY_TIMEOUT_MS)) logger.info({ prefix: redis.prefix }, 'redis ready');
  else logger.error({ prefix: redis.prefix }, 'redis: not reachable at start-up; serving without shared state until it is');
  return redis;
}

/** Whether all connections are ready within `timeoutMs`. */
export async function whenReady(redis: RedisConnections, timeoutMs: number): Promise<boolean> {
  const connections = [redis.commands, redis.publisher, redis.subscriber];
  const ready = Promise.all(connections.map((connection) => (connection.status === 'ready' ? undefined : new Promise((resolve) => connection.once('ready', resolve)))));
  const timeout = new Promise<boolean>((resolve) => setTimeout(resolve, timeoutMs, false).unref());
  return Promise.race([ready.then(() => true), timeout]);
}

/** At shutdown, after everything that publishes has stopped: sends what is queued, then closes. */
export async function closeRedis(): Promise<void> {
  const redis = processGlobals.tanyaRedis;
  if (!redis) return;
  processGlobals.tanyaRedis = undefined;
  await closeConnections(redis);
}

export async function closeConnections(redis: RedisConnections): Promise<void> {
  await Promise.all(
    [redis.commands, redis.publisher, redis.subscriber].map((connection) =>
      // quit() waits for Redis; when Redis is away there is nothing left to flush.
      connection.status === 'ready' ? connection.quit().catch(() => connection.disconnect()) : connection.disconnect(),
    ),
  );
}
