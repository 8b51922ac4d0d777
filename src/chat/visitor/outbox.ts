import { ApiError } from '@/http/client/api-client';
import type { SendInput, SentMessage } from './visitor-api';

/*
 * Every message the visitor writes goes through this outbox: it is stored
 * (localStorage) before the first attempt, sent in order, one at a time, and
 * removed only once the server answered with the stored message. Each entry
 * keeps the clientMessageId it was created with, so a retry after a lost
 * answer, a reconnect, a reload or a second tab never creates a duplicate
 * (the server answers a repeated id with the message stored the first time).
 *
 * Tabs of one visitor share the stored list: every change is applied to what
 * is stored now (read, change, write), never by writing this tab's copy over
 * another tab's messages, and a tab reloads the list when another one
 * changed it (`reload()`, on the `storage` event).
 */

export type OutboxEntry = SendInput & {
  createdAt: string;
  /** queued: waiting its turn (or for the network); failed: refused for good, the visitor decides. */
  state: 'queued' | 'failed';
  error?: string;
};

export type OutboxStorage = {
  load(): OutboxEntry[];
  /** False when the entries could not be stored (storage full or unavailable). */
  save(entries: OutboxEntry[]): boolean;
};

export type OutboxOptions = {
  storage: OutboxStorage;
  send: (input: SendInput) => Promise<SentMessage>;
  /** Called after each successful send, before the entry disappears from `entries()`. */
  onSent: (entry: OutboxEntry, message: SentMessage) => void;
  /** Called whenever the entries change. */
  onChange: (entries: readonly OutboxEntry[]) => void;
  /** A send failed in a way that clears up by itself (offline, rate limit…); it is retried. */
  onRetryLater?: (error: ApiError) => void;
  /** When a retryable failure happened: retried after this delay (or on `flush()`, e.g. on reconnect). */
  retryDelayMs?: (attempt: number, error: ApiError) => number;
  /** Fresh ids for new entries (tests pass a deterministic one). */
  createId?: () => string;
};

export type Outbox = {
  entries(): readonly OutboxEntry[];
  /** Stores a new message and starts sending; returns its entry. */
  enqueue(input: Omit<SendInput, 'clientMessageId'>): OutboxEntry;
  /** Sends everything queued, in order; resolves when the queue is empty or a send failed. */
  flush(): Promise<void>;
  retry(clientMessageId: string): void;
  discard(clientMessageId: string): void;
  /** Another tab changed the stored entries: take them over and send what is queued. */
  reload(): void;
  dispose(): void;
};

const defaultRetryDelay = (attempt: number, error: ApiError) =>
  error.retryAfterMs ?? Math.min(30_000, 1_000 * 2 ** Math.min(attempt, 5));

export function createOutbox(options: OutboxOptions): Outbox {
  const retryDelay = options.retryDelayMs ?? defaultRetryDelay;
  const createId = options.createId ?? (() => crypto.randomUUID());
  // An entry that was being sent when the page went away is simply queued again (same id, no duplicate).
  let entries: OutboxEntry[] = options.storage.load();
  let flushing: Promise<void> | null = null;
  let again = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  // Once a save failed, this page's copy is the only complete one: changes apply to it.
  let memoryOnly = false;

  function commit(change: (current: OutboxEntry[]) => OutboxEntry[]): void {
    entries = change(memoryOnly ? entries : options.storage.load());
    memoryOnly = !options.storage.save(entries);
    options.onChange(entries);
  }

  function update(id: string, change: Partial<OutboxEntry>): void {
    commit((current) => current.map((entry) => (entry.clientMessageId === id ? { ...entry, ...change } : entry)));
  }

  const without = (id: string) => (current: OutboxEntry[]) => current.filter((entry) => entry.clientMessageId !== id);

  async function drain(): Promise<void> {
    for (;;) {
      const next = entries.find((entry) => entry.state === 'queued');
      if (!next || disposed) return;
      try {
        const message = await options.send(next);
        attempt = 0;
        options.onSent(next, message);
        commit(without(next.clientMessageId));
      } catch (failure) {
        const error = failure instanceof ApiError ? failure : new ApiError({ error: String(failure), status: 0 });
        if (!error.retryable) {
          // Refused as it is (e.g. invalid): later messages still go; this one waits for the visitor.
          update(next.clientMessageId, { state: 'failed', error: error.message });
          continue;
        }
        attempt += 1;
        options.onRetryLater?.(error);
        clearTimeout(timer);
        timer = setTimeout(() => void outbox.flush(), retryDelay(attempt, error));
        return;
      }
    }
  }

  const outbox: Outbox = {
    entries: () => entries,
    enqueue(input) {
      const entry: OutboxEntry = { ...input, clientMessageId: createId(), createdAt: new Date().toISOString(), state: 'queued' };
      commit((current) => [...current, entry]);
      void outbox.flush();
      return entry;
    },
    flush() {
      if (flushing) {
        again = true;
        return flushing;
      }
      clearTimeout(timer);
      flushing = (async () => {
        try {
          do {
            again = false;
            await drain();
          } while (again && !disposed);
        } finally {
          flushing = null;
        }
      })();
      return flushing;
    },
    retry(id) {
      update(id, { state: 'queued', error: undefined });
      void outbox.flush();
    },
    discard(id) {
      commit(without(id));
    },
    reload() {
      if (disposed || memoryOnly) return;
      entries = options.storage.load();
      options.onChange(entries);
      void outbox.flush();
    },
    dispose() {
      disposed = true;
      clearTimeout(timer);
    },
  };
  return outbox;
}

/** The outbox kept in localStorage under `key`; unreadable contents count as empty. */
export function localOutboxStorage(key: string): OutboxStorage {
  return {
    load() {
      try {
        const parsed = JSON.parse(window.localStorage.getItem(key) ?? '[]') as unknown;
        return Array.isArray(parsed) ? parsed.filter(isEntry).map((entry) => ({ ...entry, state: entry.state === 'failed' ? 'failed' : 'queued' })) : [];
      } catch {
        return [];
      }
    },
    save(entries) {
      try {
        if (entries.length === 0) window.localStorage.removeItem(key);
        else window.localStorage.setItem(key, JSON.stringify(entries));
        return true;
      } catch {
        // Storage full or unavailable: the messages stay in memory for this page.
        return false;
      }
    },
  };
}

function isEntry(value: unknown): value is OutboxEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return typeof entry.clientMessageId === 'string' && typeof entry.content === 'string' && typeof entry.createdAt === 'string';
}
