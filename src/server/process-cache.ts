import { logger } from '@/logger';
import { getRedis } from '@/redis/client';
import { onSignal, sendSignal } from '@/redis/signals';
import type { CacheLoad, CacheStore } from './cache-store';
import { processGlobals } from './process-globals';

/*
 * Answers that change rarely (settings, the portfolio, who a session token
 * belongs to, whether an owner is online), kept in this process so a message
 * does not pay a query for each. The database stays the truth: every write
 * that changes an answer forgets it here and, through Redis, on every other
 * instance; and every entry also dies after its cache's `maxAgeMs`, which
 * bounds how stale an instance that missed the signal (no Redis, several
 * serverless instances; Redis away for a moment) can be.
 *
 * The store is process-wide (Next's bundle and the custom server each load
 * this module): a write in a route handler forgets what the socket server
 * would read, and the signal listener the custom server starts forgets for
 * both.
 */

const INVALIDATION_SIGNAL = 'cache-invalidate';
/** `key` null: the whole cache. */
type Invalidation = { cache: string; key: string | null };

function storeNamed(name: string): CacheStore {
  const stores = (processGlobals.tanyaCaches ??= new Map());
  let store = stores.get(name);
  if (!store) stores.set(name, (store = { entries: new Map(), loads: new Map() }));
  return store;
}

function forgetHere(store: CacheStore, key: string | null): void {
  const forget = (load: CacheLoad) => (load.current = false);
  if (key === null) {
    store.entries.clear();
    store.loads.forEach(forget);
    store.loads.clear();
    return;
  }
  store.entries.delete(key);
  const load = store.loads.get(key);
  if (load) forget(load);
  store.loads.delete(key);
}

export type ProcessCache<V> = {
  /** The cached answer, or the loaded one; concurrent misses of a key share one load. */
  get(key: string): Promise<V>;
  /**
   * After a write committed: forgets `key` (everything when left out) here
   * at once and on the other instances. Resolves once the other instances
   * are told (never rejects: a signal that cannot be sent leaves them to
   * `maxAgeMs`).
   */
  invalidate(key?: string): Promise<void>;
  /** Reads `key` again for this instance (the others keep theirs): for an answer the caller has reason to doubt. */
  reload(key: string): Promise<V>;
};

export function createProcessCache<V>(options: {
  /** Unique per cache: both module copies and every instance find the same cache by it. */
  name: string;
  load: (key: string) => Promise<V>;
  /** How long an entry may be served without asking the database again. */
  maxAgeMs: number;
  /** Beyond this many keys the oldest is forgotten. */
  maxEntries?: number;
  /** Whether a value may be served (checked when loaded and on every hit), e.g. a session that has not expired. */
  isUsable?: (value: V, now: number) => boolean;
}): ProcessCache<V> {
  const { name, load, maxAgeMs, maxEntries = Infinity, isUsable = () => true } = options;
  const store = storeNamed(name);

  async function loadAndKeep(key: string): Promise<V> {
    const loadedAt = Date.now();
    const pending: CacheLoad = { promise: load(key), current: true };
    store.loads.set(key, pending);
    try {
      const value = (await pending.promise) as V;
      if (pending.current && isUsable(value, Date.now())) {
        store.entries.delete(key);
        store.entries.set(key, { value, loadedAt });
        if (store.entries.size > maxEntries) store.entries.delete(store.entries.keys().next().value!);
      }
      return value;
    } finally {
      if (store.loads.get(key) === pending) store.loads.delete(key);
    }
  }

  return {
    async get(key) {
      const now = Date.now();
      const entry = store.entries.get(key);
      if (entry && now - entry.loadedAt < maxAgeMs && isUsable(entry.value as V, now)) return entry.value as V;
      if (entry) store.entries.delete(key);
      const inFlight = store.loads.get(key);
      return inFlight ? (inFlight.promise as Promise<V>) : loadAndKeep(key);
    },
    reload(key) {
      forgetHere(store, key);
      return loadAndKeep(key);
    },
    async invalidate(key) {
      forgetHere(store, key ?? null);
      const redis = getRedis();
      if (!redis) return;
      await sendSignal<Invalidation>(redis, INVALIDATION_SIGNAL, { cache: name, key: key ?? null }).catch((error: unknown) =>
        logger.warn({ err: error, cache: name }, `cache invalidation not sent to the other instances; they catch up within ${maxAgeMs} ms`),
      );
    },
  };
}

/**
 * At start-up, with several instances: another instance's writes forget
 * here what they changed. After Redis comes back from an outage every cache
 * starts over, since the signals sent meanwhile were lost.
 */
export async function followCacheInvalidations(): Promise<void> {
  const redis = getRedis();
  if (!redis) return;
  await onSignal<Invalidation>(redis, INVALIDATION_SIGNAL, ({ cache, key }) => {
    const store = processGlobals.tanyaCaches?.get(cache);
    if (store) forgetHere(store, key);
  });
  redis.subscriber.on('ready', () => {
    for (const store of processGlobals.tanyaCaches?.values() ?? []) forgetHere(store, null);
  });
}
