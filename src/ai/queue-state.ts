/*
 * The reply queue's state (src/ai/queue.ts), in a module of its own so the
 * process-wide registry (src/server/process-globals.ts) can name its type
 * without importing the queue.
 */

export type QueuedJob = { conversationId: string; afterMessageId: number; automatic: boolean };
export type RunningJob = QueuedJob & { controller: AbortController };

export type QueueState = {
  /** The last job of each conversation: the next one starts after it. */
  tails: Map<string, Promise<void>>;
  running: Set<RunningJob>;
  /** Every job not yet finished, queued or running. */
  pending: Set<Promise<void>>;
  /** What those jobs answer, so a retried send can tell whether its reply is still coming. */
  waiting: Set<QueuedJob>;
  /** Past the shutdown deadline: jobs still queued start cancelled. */
  cancelledForShutdown: boolean;
};
