import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { isProduction } from '@/config/env';
import { logger } from '@/logger';
import { processGlobals } from '@/server/process-globals';
import type { Generation } from '../generate';
import type { EngineJob, EngineJobHandle, EnginePoolState, EngineRequest, EngineResponse, EngineWorker, LocalGenerationRequest } from './engine-protocol';
import { portfolioFingerprint } from './portfolio-index';

/**
 * The built-in assistant's worker threads. Its replies cost CPU, not I/O
 * (≈10 ms each: the engine, and the AI SDK's web streams around it), and
 * under a crowd that CPU, on the event loop that delivers the chat, made
 * visitors' messages reach the owner seconds late. Here it runs in worker
 * threads, the same generateReply over the same model, and the main thread
 * only passes messages. Process-wide (src/server/process-globals.ts):
 * replies run in Next's bundle and in the custom server, one pool serves
 * both; started with the first local reply, closed at shutdown.
 */

/**
 * One worker per core but one: the main thread keeps a core of its own for
 * delivery, and more workers than the cores left would only take CPU from it.
 * At least one, so a single core still moves the work off the event loop.
 */
export const ENGINE_POOL_SIZE = Math.max(1, os.availableParallelism() - 1);
/** Two jobs per worker: the next one is already there when the worker finishes one, no round trip idle in between. */
const JOBS_PER_WORKER = 2;
/** Past the job's own silence timeout (which the worker enforces), how long before the worker counts as stuck and is replaced. */
const STUCK_GRACE_MS = 2_000;

/** The worker could not finish the job: it crashed, or stopped answering. Retried like a provider error. */
export class LocalEngineError extends Error {
  override name = 'LocalEngineError';
}

const pool = (): EnginePoolState => (processGlobals.tanyaLocalEnginePool ??= { size: ENGINE_POOL_SIZE, workers: [], waiting: [], nextJobId: 1, closed: false });

/**
 * A worker needs a real file. The production build compiles it to
 * dist/local-engine-worker.js (scripts/build-server.mjs), the path both
 * bundles find from the working directory; from sources (tests, `npm run
 * dev`) the TypeScript file is loaded through tsx's loader, registered inside
 * the worker (Node 20 applies no `--import` in a worker's execArgv). Either
 * way the worker starts from a line of code, not a path: Turbopack resolves
 * `new Worker(path)` at build time, before dist/ exists.
 */
function startWorkerThread(): Worker {
  const compiled = path.join(process.cwd(), 'dist', 'local-engine-worker.js');
  if (isProduction && fs.existsSync(compiled)) return new Worker(`import(${JSON.stringify(pathToFileURL(compiled).href)});`, { eval: true });
  const source = pathToFileURL(path.join(process.cwd(), 'src', 'ai', 'local', 'engine-worker.ts')).href;
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`, { eval: true });
}

function startWorker(state: EnginePoolState): EngineWorker {
  const engine: EngineWorker = { worker: startWorkerThread(), jobs: new Map(), fingerprint: null };
  let failure: Error | null = null;
  engine.worker.on('message', (response: EngineResponse) => settle(state, engine, response));
  engine.worker.on('error', (error) => {
    failure = error;
    logger.error({ err: error }, 'built-in assistant worker crashed');
  });
  engine.worker.once('exit', (code) => {
    state.workers = state.workers.filter((candidate) => candidate !== engine);
    const reason = new LocalEngineError(`the built-in assistant's worker stopped (${failure?.message ?? `exit code ${code}`})`);
    for (const [jobId, job] of engine.jobs) finishJob(engine, jobId, job, () => job.reject(reason));
    // Its place is taken by a fresh worker when the next job needs one.
    dispatchWaiting(state);
  });
  engine.worker.unref();
  state.workers.push(engine);
  return engine;
}

function finishJob(engine: EngineWorker, jobId: number, job: EngineJobHandle, answer: () => void): void {
  clearTimeout(job.watchdog);
  engine.jobs.delete(jobId);
  // An idle pool must not keep a script or a test process alive.
  if (engine.jobs.size === 0) engine.worker.unref();
  answer();
}

function settle(state: EnginePoolState, engine: EngineWorker, response: EngineResponse): void {
  const job = engine.jobs.get(response.jobId);
  // A job aborted here already answered its caller; what the worker says about it since is moot.
  if (!job) return;
  if (response.type === 'text') {
    job.onText?.(response.text);
    return;
  }
  finishJob(engine, response.jobId, job, () => {
    if (response.type === 'done') job.resolve(response.generation);
    else job.reject(Object.assign(new Error(response.error.message), { name: response.error.name }));
  });
  dispatchWaiting(state);
}

/** A worker with room for one more job: the least busy, or a new one while the pool is not full. */
function workerWithRoom(state: EnginePoolState): EngineWorker | null {
  const leastBusy = state.workers.reduce<EngineWorker | null>((best, engine) => (!best || engine.jobs.size < best.jobs.size ? engine : best), null);
  if (leastBusy && leastBusy.jobs.size === 0) return leastBusy;
  if (state.workers.length < state.size) return startWorker(state);
  return leastBusy && leastBusy.jobs.size < JOBS_PER_WORKER ? leastBusy : null;
}

/** Hands waiting jobs, oldest first, to workers with room; each claims its worker before the next is placed. */
function dispatchWaiting(state: EnginePoolState): void {
  while (state.waiting.length > 0 && !state.closed) {
    const engine = workerWithRoom(state);
    if (!engine) return;
    state.waiting.shift()!(engine);
  }
}

function restartWatchdog(engine: EngineWorker, job: EngineJobHandle, timeoutMs: number): void {
  clearTimeout(job.watchdog);
  job.watchdog = setTimeout(() => {
    logger.error({ timeoutMs }, 'built-in assistant worker stopped answering; replacing it');
    // Its jobs fail through 'exit', and the next job starts a fresh worker.
    void engine.worker.terminate();
  }, timeoutMs + STUCK_GRACE_MS);
}

/**
 * One attempt at a reply from the built-in provider, in a worker thread:
 * the same Generation, text updates and errors as generateReply gives on
 * the main thread. Jobs wait for a worker with room in the order they came.
 * An abort answers at once with the signal's reason and stops the job in
 * the worker.
 */
export function generateLocalReply(request: LocalGenerationRequest): Promise<Generation> {
  const state = pool();
  if (state.closed) return Promise.reject(new LocalEngineError('the built-in assistant is shut down'));
  const { signal } = request;
  if (signal.aborted) return Promise.reject(signal.reason);
  const fingerprint = portfolioFingerprint(request.portfolio);
  const jobId = state.nextJobId++;

  return new Promise<Generation>((resolve, reject) => {
    let engine: EngineWorker | null = null;
    const handle: EngineJobHandle = {
      onText: (text) => {
        if (engine) restartWatchdog(engine, handle, request.timeoutMs);
        request.onText?.(text);
      },
      resolve: (generation) => {
        signal.removeEventListener('abort', stop);
        resolve(generation);
      },
      reject: (error) => {
        signal.removeEventListener('abort', stop);
        reject(error);
      },
      watchdog: undefined,
    };
    const start = (chosen: EngineWorker) => {
      engine = chosen;
      const job: EngineJob = {
        type: 'generate',
        jobId,
        fingerprint,
        // The document crosses to a worker only when that worker has not been sent this version.
        ...(chosen.fingerprint === fingerprint ? {} : { portfolio: request.portfolio }),
        ownerName: request.ownerName,
        ownerInstructions: request.ownerInstructions,
        messages: request.messages,
        temperature: request.temperature,
        maxOutputTokens: request.maxOutputTokens,
        timeoutMs: request.timeoutMs,
      };
      chosen.jobs.set(jobId, handle);
      chosen.fingerprint = fingerprint;
      chosen.worker.ref();
      restartWatchdog(chosen, handle, request.timeoutMs);
      chosen.worker.postMessage(job satisfies EngineRequest);
    };
    function stop() {
      if (!engine) {
        state.waiting = state.waiting.filter((waiting) => waiting !== start);
        reject(signal.reason);
        return;
      }
      if (!engine.jobs.has(jobId)) return;
      engine.worker.postMessage({ type: 'abort', jobId } satisfies EngineRequest);
      finishJob(engine, jobId, handle, () => reject(signal.reason));
      dispatchWaiting(state);
    }
    signal.addEventListener('abort', stop, { once: true });
    state.waiting.push(start);
    dispatchWaiting(state);
  });
}

/** At shutdown, after the replies have drained: stops the workers. */
export async function closeLocalEnginePool(): Promise<void> {
  const state = processGlobals.tanyaLocalEnginePool;
  if (!state || state.closed) return;
  state.closed = true;
  await Promise.all(state.workers.map((engine) => engine.worker.terminate()));
}
