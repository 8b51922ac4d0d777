import type { Logger } from 'pino';
import type { EnginePoolState } from '@/ai/local/engine-protocol';
import type { QueueState } from '@/ai/queue-state';
import type { Database } from '@/db/client';
import type { Repository } from '@/db/repository';
import type { RateLimitWindow } from '@/http/server/rate-limit-types';
import type { Broadcaster } from '@/realtime/server/broadcaster-interface';
import type { RedisConnections } from '@/redis/connections';
import type { CacheStore } from './cache-store';

/**
 * Every process-wide singleton, in one place. The custom server (server.ts →
 * src/server/main.ts) and Next's bundle (route handlers, server components)
 * each load their own copy of every module (the module graph is loaded twice,
 * see NOTES.md), so a module-level variable would exist twice. What both
 * halves must share lives on globalThis under one of these keys; each owner
 * module reads and writes its own key through `processGlobals`, nothing else
 * touches globalThis.
 *
 * This module imports types only, and only from leaf modules, so every owner
 * can import it without a cycle. Browser code keeps no globals of its own
 * (its connectors and clients are made per component, not per process).
 */
export interface ProcessGlobals {
  /** src/logger.ts: one pino instance, so both halves write through one stream at one level. */
  tanyaLogger: Logger;
  /** src/db/index.ts: one connection pool (one SQLite handle, one MySQL pool), opened and closed once. */
  tanyaDatabase: Database;
  /** src/db/index.ts: the repository over that database. */
  tanyaRepository: Repository;
  /** src/redis/client.ts: one set of Redis connections, shared by the Socket.IO adapter and the route handlers, closed once at shutdown. */
  tanyaRedis: RedisConnections;
  /** src/auth/server/secret.ts: the signing secret, read or generated once, so both halves sign and verify with the same one. */
  tanyaAuthSecret: Uint8Array;
  /** src/http/server/rate-limit.ts: the in-memory windows, so a limit counts hits over HTTP (Next) and over sockets (custom server) together. */
  tanyaRateLimitWindows: Map<string, Map<string, RateLimitWindow>>;
  /** src/http/server/client-ip.ts: set by the custom server, which stamps the client IP header; route handlers trust the header only then. */
  tanyaStampsClientIp: boolean;
  /** src/realtime/server/broadcaster.ts: the transport the custom server registered; route handlers publish through it. */
  tanyaBroadcaster: Broadcaster;
  /** src/realtime/server/health.ts: set by the custom server once Socket.IO is attached; GET /api/health reports it. */
  tanyaRealtimeAttached: boolean;
  /** src/ai/queue.ts: the AI reply queue; route handlers enqueue, the custom server drains it at shutdown. */
  tanyaAiQueue: QueueState;
  /** src/server/process-cache.ts: every cache by name, so a write in a route handler forgets what the socket server would read. */
  tanyaCaches: Map<string, CacheStore>;
  /** src/ai/local/engine-pool.ts: the built-in assistant's worker threads, started by the first local reply (from either half), closed at shutdown. */
  tanyaLocalEnginePool: EnginePoolState;
}

/** The registry itself: each entry is absent until its owner sets it. */
export const processGlobals = globalThis as unknown as Partial<ProcessGlobals>;
