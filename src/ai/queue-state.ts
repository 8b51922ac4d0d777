/*
 * The reply queue's state (src/ai/queue.ts), in a module of its own so the
 * process-wide registry (src/server/process-globals.ts) can name its type
 * without importing the queue.
 */

export type RunningJob = { conversationId: number; automatic: boolean; controller: AbortController };

export type QueueState = {
  /** The last job of each conversation: the next one starts after it. */
  tails: Map<number, Promise<void>>;
  running: Set<RunningJob>;
  /** Every job not yet finished, queued or running. */
  pending: Set<Promise<void>>;
  /** Past the shutdown deadline: jobs still queued start cancelled. */
  cancelledForShutdown: boolean;
};
