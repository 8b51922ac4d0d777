import { setImmediate as nextLoopTurn } from 'node:timers/promises';
import { env } from '@/config/env';
import { logger } from '@/logger';
import { processGlobals } from '@/server/process-globals';
import type { QueuedJob, QueueState, TrackedJob } from './queue-state';

/**
 * The in-process queue AI replies run on, after the request that caused them
 * has answered. Replies for one conversation run one after another (a
 * second question waits for the first answer); different conversations run
 * side by side, at most AI_MAX_CONCURRENT_REPLIES at once, admitted in the
 * order their turn came. Its state is process-wide
 * (src/server/process-globals.ts): route handlers (inside Next's bundle)
 * enqueue, the custom server drains it on shutdown.
 */

/** Why a reply was stopped; the reply decides what, if anything, to tell the visitor. */
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

/**
 * Waits for the event loop's next turn, after the I/O already waiting (a
 * visitor's send, the owner's reply): the assistant's steps go after the
 * chat's deliveries, never in one stretch before them.
 */
export const letDeliveryGoFirst = (): Promise<void> => nextLoopTurn();

const state: QueueState = (processGlobals.tanyaAiQueue ??= { tails: new Map(), jobs: new Set(), pending: new Set(), running: 0, admissions: [], cancelledForShutdown: false });

/** Stopped before it ran: a take-over or a switch-off means it has nothing to do. A shutdown still runs it, to store its notice. */
const skipped = (job: TrackedJob) => job.controller.signal.aborted && cancelReasonOf(job.controller.signal) !== 'shutdown';

/** Resolves when the job may run (a slot is its), or false when it was cancelled while waiting for one. */
function admit(job: TrackedJob): Promise<boolean> {
  if (skipped(job)) return Promise.resolve(false);
  if (state.running < env.AI_MAX_CONCURRENT_REPLIES && state.admissions.length === 0) {
    state.running += 1;
    return Promise.resolve(true);
  }
  const { signal } = job.controller;
  return new Promise((resolve) => {
    const enter = () => {
      signal.removeEventListener('abort', leave);
      resolve(true);
    };
    function leave() {
      if (!skipped(job)) return;
      state.admissions = state.admissions.filter((waiting) => waiting !== enter);
      resolve(false);
    }
    state.admissions.push(enter);
    signal.addEventListener('abort', leave, { once: true });
  });
}

function release(): void {
  const next = state.admissions.shift();
  if (next) next();
  else state.running -= 1;
}

/** Queues `run`; the promise settles (never rejects) once it has finished, failed or been cancelled. */
export function enqueueReplyJob(job: QueuedJob, run: (signal: AbortSignal) => Promise<void>): Promise<void> {
  const { conversationId } = job;
  const tracked: TrackedJob = { ...job, controller: new AbortController() };
  if (state.cancelledForShutdown) tracked.controller.abort(new ReplyCancelledError('shutdown'));
  state.jobs.add(tracked);
  const previous = state.tails.get(conversationId) ?? Promise.resolve();
  const task = previous.then(async () => {
    // Not inside the request that queued it: its answer (and every other delivery waiting) goes first.
    await letDeliveryGoFirst();
    if (!(await admit(tracked))) return;
    try {
      await run(tracked.controller.signal);
    } catch (error) {
      logger.error({ err: error, conversationId }, 'AI reply job failed');
    } finally {
      release();
    }
  });
  state.tails.set(conversationId, task);
  state.pending.add(task);
  void task.finally(() => {
    state.pending.delete(task);
    state.jobs.delete(tracked);
    if (state.tails.get(conversationId) === task) state.tails.delete(conversationId);
  });
  return task;
}

/** Whether this process has a reply queued or running that answers `messageId` (or a later message) of the conversation. */
export function hasPendingReply(conversationId: string, messageId: number): boolean {
  for (const job of state.jobs) {
    if (job.conversationId === conversationId && job.afterMessageId >= messageId && !skipped(job)) return true;
  }
  return false;
}

/** Stops the replies of one conversation, running or queued (an admin took it over). */
export function cancelConversationReplies(conversationId: string): void {
  for (const job of state.jobs) {
    if (job.conversationId === conversationId) job.controller.abort(new ReplyCancelledError('taken-over'));
  }
}

/** Stops every automatic reply, running or queued (AI auto-reply was switched off); on-demand ones carry on. */
export function cancelAutomaticReplies(): void {
  for (const job of state.jobs) {
    if (job.automatic) job.controller.abort(new ReplyCancelledError('ai-disabled'));
  }
}

/**
 * For shutdown: lets queued and running replies finish until `deadline`
 * (epoch ms), then cancels what is still queued or running so it stores its
 * notice while the database is still open, and waits for that.
 */
export async function drainReplyJobs(deadline: number): Promise<void> {
  while (state.pending.size > 0 && Date.now() < deadline) {
    await Promise.race([Promise.allSettled([...state.pending]), new Promise((resolve) => setTimeout(resolve, 50))]);
  }
  if (state.pending.size === 0) return;
  logger.warn({ pending: state.pending.size }, 'cancelling AI replies still running at shutdown');
  state.cancelledForShutdown = true;
  for (const job of state.jobs) job.controller.abort(new ReplyCancelledError('shutdown'));
  await Promise.allSettled([...state.pending]);
}
