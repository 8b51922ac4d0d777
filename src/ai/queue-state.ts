/*
 * The reply queue's state (src/ai/queue.ts), in a module of its own so the
 * process-wide registry (src/server/process-globals.ts) can name its type
 * without importing the queue.
 */

export type QueuedJob = { conversationId: string; afterMessageId: number; automatic: boolean };
/** A job from the moment it is queued: its controller stops it whether it is running yet or still waiting. */
export type TrackedJob = QueuedJob & { controller: AbortController };

export type QueueState = {
  /** The last job of each conversation: the next one starts after it. */
  tails: Map<string, Promise<void>>;
  /** Every job not yet finished, queued or running, with what it answers, so a retried send can tell whether its reply is still coming. */
  jobs: Set<TrackedJob>;
  /** Their promises. */
  pending: Set<Promise<void>>;
  /** How many jobs are running (admitted); at most AI_MAX_CONCURRENT_REPLIES. */
  running: number;
  /** Jobs whose turn has come in their conversation, waiting for a running one to finish, oldest first. */
  admissions: Array<() => void>;
  /** Past the shutdown deadline: jobs still queued start cancelled. */
  cancelledForShutdown: boolean;
};
