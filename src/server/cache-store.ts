/** What one process cache keeps (src/server/process-cache.ts), typed apart so the process-wide registry can name it without a cycle. */
export type CacheEntry = { value: unknown; loadedAt: number };
/** A load in flight; `current` turns false when its key is forgotten, so what it read is not kept. */
export type CacheLoad = { promise: Promise<unknown>; current: boolean };
export type CacheStore = { entries: Map<string, CacheEntry>; loads: Map<string, CacheLoad> };
