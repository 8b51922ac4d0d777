import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { processGlobals } from '@/server/process-globals';

/*
 * The reply queue (src/ai/queue.ts) with a limit of two: never more running
 * than that, admitted in the order their turn came, one conversation's
 * replies one after another, and queued replies cancelled, reported and
 * drained like running ones.
 */

const LIMIT = 2;

type Queue = typeof import('@/ai/queue');

/** A job that runs until the test lets it finish, recording when it started and how its signal ended. */
function controllableJob(log: string[], name: string) {
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  let seenSignal: AbortSignal | null = null;
  return {
    run: async (signal: AbortSignal) => {
      seenSignal = signal;
      log.push(`start ${name}`);
      if (!signal.aborted) await Promise.race([finished, new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }))]);
      log.push(`end ${name}`);
    },
    finish: () => finish(),
    signal: () => seenSignal,
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('AI reply queue', () => {
  let queue: Queue;
  let running = 0;
  let mostRunning = 0;

  beforeEach(async () => {
    delete processGlobals.tanyaAiQueue;
    vi.resetModules();
    vi.stubEnv('AI_MAX_CONCURRENT_REPLIES', String(LIMIT));
    queue = await import('@/ai/queue');
    running = 0;
    mostRunning = 0;
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  /** Queues a controllable job for `conversationId`, counting how many run at once. */
  function enqueue(log: string[], name: string, conversationId: string, options: { afterMessageId?: number; automatic?: boolean } = {}) {
    const job = controllableJob(log, name);
    const done = queue.enqueueReplyJob(
      { conversationId, afterMessageId: options.afterMessageId ?? 1, automatic: options.automatic ?? true },
      async (signal) => {
        running += 1;
        mostRunning = Math.max(mostRunning, running);
        try {
          await job.run(signal);
        } finally {
          running -= 1;
        }
      },
    );
    return { ...job, done };
  }

  it('never runs more than the limit, and admits waiting replies first come, first served', async () => {
    const log: string[] = [];
    const jobs = ['a', 'b', 'c', 'd', 'e'].map((name) => enqueue(log, name, `conversation-${name}`));
    await settle();
    expect(log).toEqual(['start a', 'start b']);
    jobs[1]!.finish();
    await settle();
    jobs[0]!.finish();
    await settle();
    expect(log).toEqual(['start a', 'start b', 'end b', 'start c', 'end a', 'start d']);
    for (const job of jobs) job.finish();
    await Promise.all(jobs.map((job) => job.done));
    expect(log.filter((entry) => entry.startsWith('start'))).toEqual(['start a', 'start b', 'start c', 'start d', 'start e']);
    expect(mostRunning).toBe(LIMIT);
  });

  it('does not start a reply inside the call that queued it', async () => {
    const log: string[] = [];
    const job = enqueue(log, 'a', 'conversation-a');
    await Promise.resolve();
    await Promise.resolve();
    expect(log).toEqual([]);
    await settle();
    expect(log).toEqual(['start a']);
    job.finish();
    await job.done;
  });

  it('runs one conversation\'s replies one after another, without holding a slot while waiting for its turn', async () => {
    const log: string[] = [];
    const first = enqueue(log, 'x1', 'conversation-x');
    const second = enqueue(log, 'x2', 'conversation-x', { afterMessageId: 2 });
    const other = enqueue(log, 'y', 'conversation-y');
    await settle();
    expect(log).toEqual(['start x1', 'start y']);
    first.finish();
    await settle();
    expect(log).toEqual(['start x1', 'start y', 'end x1', 'start x2']);
    second.finish();
    other.finish();
    await Promise.all([first.done, second.done, other.done]);
  });

  it('cancels queued replies on a take-over: they never start, they stop counting as pending, and the line moves on', async () => {
    const log: string[] = [];
    const blockers = [enqueue(log, 'a', 'conversation-a'), enqueue(log, 'b', 'conversation-b')];
    const queued = enqueue(log, 'x', 'conversation-x', { afterMessageId: 7 });
    const later = enqueue(log, 'c', 'conversation-c');
    await settle();
    expect(queue.hasPendingReply('conversation-x', 7)).toBe(true);
    queue.cancelConversationReplies('conversation-x');
    expect(queue.hasPendingReply('conversation-x', 7)).toBe(false);
    await queued.done;
    blockers[0]!.finish();
    await settle();
    expect(log).toEqual(['start a', 'start b', 'end a', 'start c']);
    blockers[1]!.finish();
    later.finish();
    await Promise.all([...blockers, later].map((job) => job.done));
    expect(log).not.toContain('start x');
  });

  it('cancels queued automatic replies when AI is switched off, but not the ones the owner asked for', async () => {
    const log: string[] = [];
    const blockers = [enqueue(log, 'a', 'conversation-a'), enqueue(log, 'b', 'conversation-b')];
    const automatic = enqueue(log, 'auto', 'conversation-x');
    const asked = enqueue(log, 'asked', 'conversation-y', { automatic: false });
    await settle();
    queue.cancelAutomaticReplies();
    expect(blockers[0]!.signal()?.aborted).toBe(true);
    for (const job of blockers) job.finish();
    await settle();
    expect(log).toContain('start asked');
    expect(log).not.toContain('start auto');
    asked.finish();
    await Promise.all([...blockers, automatic, asked].map((job) => job.done));
  });

  it('drains queued replies at shutdown: past the deadline they start cancelled, to store their notice', async () => {
    const log: string[] = [];
    const jobs = ['a', 'b', 'c'].map((name) => enqueue(log, name, `conversation-${name}`));
    await settle();
    await queue.drainReplyJobs(Date.now() + 100);
    expect(log.filter((entry) => entry.startsWith('start'))).toEqual(['start a', 'start b', 'start c']);
    expect(jobs.every((job) => job.signal() && queue.cancelReasonOf(job.signal()!) === 'shutdown')).toBe(true);
    expect(mostRunning).toBeLessThanOrEqual(LIMIT);
  });
});
