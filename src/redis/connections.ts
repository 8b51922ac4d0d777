import type { Redis } from 'ioredis';

/*
 * The shape of one set of Redis connections (opened by src/redis/client.ts),
 * in a module of its own so the process-wide registry
 * (src/server/process-globals.ts) can name it without importing the client.
 */

export type RedisConnections = {
  /**
   * Request-path commands (rate limits, presence, claims). No offline queue
   * and a short timeout: while Redis is away they fail at once and the caller
   * degrades, instead of holding a visitor's send until Redis returns.
   */
  commands: Redis;
  /**
   * Publishes (the Socket.IO adapter's and ours). It queues while Redis is
   * away and never gives up, so the adapter's un-awaited publishes can never
   * reject (an unhandled rejection would end the process); they go out on
   * reconnect.
   */
  publisher: Redis;
  /** In subscriber mode: the Socket.IO adapter's channels and ours (each listener filters its own). */
  subscriber: Redis;
  /** Prepended to every key and channel, so several sites (or test runs) can share one Redis. */
  prefix: string;
  /** Tells this process's own messages apart from other instances' on shared channels. */
  instanceId: string;
};
