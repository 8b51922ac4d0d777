/**
 * How often a growing reply is pushed on, per reply: every ai-stream event
 * costs an emit to each subscriber, and a crowd means many replies growing
 * at once. 80 ms keeps a stream under the promised "grows at least every
 * 100 ms" with 20 ms to spare for a busy event loop firing the timer late,
 * and is 12 events a second per reply at most (50 ms was 20).
 */
export const STREAM_INTERVAL_MS = 80;

export type Coalescer<T> = {
  /** The newest value; sent when the interval allows, superseding any value not yet sent. */
  update(value: T): void;
  /** Drops a value not yet sent. */
  cancel(): void;
  /** Drops a value not yet sent and sends `value` once the interval since the previous send is over, unless it is what was sent last. */
  last(value: T): Promise<void>;
};

/**
 * Sends the newest of a stream of values at most once per `intervalMs`.
 * `leading`: the first value goes out at once (a hosted model's first token
 * should show immediately); otherwise it waits one interval, so a value
 * superseded within it (a reply finished that fast) is never sent at all.
 */
export function coalesceLatest<T>(send: (value: T) => void, options: { leading: boolean; intervalMs?: number }): Coalescer<T> {
  const intervalMs = options.intervalMs ?? STREAM_INTERVAL_MS;
  let nextAllowedAt = options.leading ? -Infinity : null;
  let sent: { value: T } | null = null;
  let pending: { value: T } | null = null;
  let timer: NodeJS.Timeout | undefined;

  const emit = (value: T) => {
    nextAllowedAt = performance.now() + intervalMs;
    if (sent && sent.value === value) return;
    sent = { value };
    send(value);
  };
  const flush = () => {
    timer = undefined;
    const next = pending;
    pending = null;
    if (next) emit(next.value);
  };
  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
    pending = null;
  };

  return {
    update(value) {
      pending = { value };
      if (timer) return;
      nextAllowedAt ??= performance.now() + intervalMs;
      const wait = nextAllowedAt - performance.now();
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    },
    cancel,
    async last(value) {
      cancel();
      if (sent && sent.value === value) return;
      // Only a value already sent holds the last one back: a reply finished within its first interval goes out at once.
      const wait = sent && nextAllowedAt !== null ? nextAllowedAt - performance.now() : 0;
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      emit(value);
    },
  };
}
