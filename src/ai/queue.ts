import { logger } from '@/logger';
import { processGlobals } from '@/server/process-globals';
import type { QueuedJob, RunningJob } from './queue-state';

/**
 * The in-process queue AI replies run on, after the request that caused them
 * has answered. Replies for one conversation run one after another (a
 * second question waits for the first answer); different conversations run
 * side by side. Its state is process-wide (src/server/process-globals.ts):
 * route handlers (inside Next's bundle) enqueue, the custom server drains it
 * on shutdown.
 */

/** Why a running reply was stopped; the reply decides what, if anything, to tell the visitor. */
export type CancelReason = 'taken-over' | 'ai-disabled' | 'shutdown';

export class ReplyCancelledError extends Error {
  override name = 'ReplyCancelledError';
  constructor(readonly reason: CancelReason) {
    super(`AI reply cancelled: ${reason}`);
  }
}

/**
 * Why `signal` was aborted, or null if not by this queue. Not `instanceof`:
 * the custom server (shutdown, other instances' cancellations) and Next's
 * bundle (where replies run) each load their own copy of this class.
 */
export function cancelReasonOf(signal: AbortSignal): CancelReason | null {
  const reason: unknown = signal.reason;
  return reason instanceof Error && reason.name === 'ReplyCancelledError' ? (reason as ReplyCancelledError).reason : null;
}

const state = (processGlobals.tanyaAiQueue ??= { tails: new Map(), running: new Set(), pending: new Set(), waiting: new Set(), cancelledForShutdown: false });

/** Queues `run`; the promise settles (never rejects) once it has finished, failed or been cancelled. */
export function enqueueReplyJob(job: QueuedJob, run: (signal: AbortSignal) => Promise<void>): Promise<void> {
  const { conversationId } = job;
  const waiting: QueuedJob = { ...job };
  state.waiting.add(waiting);
  const previous = state.tails.get(conversationId) ?? Promise.resolve();
  const task = previous.then(async () => {
    const running: RunningJob = { ...job, controller: new AbortController() };
    if (state.cancelledForShutdown) running.controller.abort(new ReplyCancelledError('shutdown'));
    state.running.add(running);
    try {
      await run(running.controller.signal);
    } catch (error) {
      logger.error({ err: error, conversationId }, 'AI reply job failed');
    } finally {
      state.running.delete(running);
    }
  });
  state.tails.set(conversationId, task);
  state.pending.add(task);
  void task.finally(() => {
    state.pending.delete(task);
    state.waiting.delete(waiting);
    if (state.tails.get(conversationId) === task) state.tails.delete(conversationId);
  });
  return task;
}

/** Whether this process has a reply queued or running that answers `messageId` (or a later message) of the conversation. */
export function hasPendingReply(conversationId: string, messageId: number): boolean {
  for (const job of state.waiting) {
    if (job.conversationId === conversationId && job.afterMessageId >= messageId) return true;
  }
  return false;
}

/** Stops the replies being generated for one conversation (an admin took it over). */
export function cancelConversationReplies(conversationId: string): void {
  for (const job of state.running) {
    if (job.conversationId === conversationId) job.controller.abort(new ReplyCancelledError('taken-over'));
  }
}

/** Stops every automatic reply being generated (AI auto-reply was switched off); on-demand ones carry on. */
export function cancelAutomaticReplies(): void {
  for (const job of state.running) {
    if (job.automatic) job.controller.abort(new ReplyCancelledError('ai-disabled'));
  }
}

/**
 * For shutdown: lets queued and running replies finish until `deadline`
 * (epoch ms), then cancels what is still running so it stores its notice
 * while the database is still open, and waits for that.
 */
export async function drainReplyJobs(deadline: number): Promise<void> {
  while (state.pending.size > 0 && Date.now() < deadline) {
    await Promise.race([Promise.allSettled([...state.pending]), new Promise((resolve) => setTimeout(resolve, 50))]);
  }
  if (state.pending.size === 0) return;
  logger.warn({ pending: state.pending.size }, 'cancelling AI replies still running at shutdown');
  state.cancelledForShutdown = true;
  for (const job of state.running) job.controller.abort(new ReplyCancelledError('shutdown'));
  await Promise.allSettled([...state.pending]);
}
